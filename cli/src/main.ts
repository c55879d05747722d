/**
 * The infowasm command line: `infowasm <command> FILE [options]`. Every failure ends in one line on
 * stderr ("infowasm: …") and a non-zero exit code: 2 for a usage error (an unknown option or
 * column), 1 for anything else (a missing or unreadable file, a column with no values). A stack
 * is printed only with INFOWASM_DEBUG=1.
 */
import { readFileSync } from "node:fs";
import { CliError, oneLine } from "./errors.js";
import { COMMANDS, parse, type Command, type Options } from "./options.js";

/** The commands, loaded when run (DuckDB, apache-arrow and the library load only then: `--help` stays instant). */
const RUN: Record<Command, (o: Options) => Promise<void>> = {
  rank: async (o) => (await import("./commands/rank.js")).rank(o),
  mi: async (o) => (await import("./commands/rank.js")).mi(o),
  entropy: async (o) => (await import("./commands/entropy.js")).entropy(o),
  matrix: async (o) => (await import("./commands/matrix.js")).matrix(o),
  test: async (o) => (await import("./commands/test.js")).test(o),
};

const FILES = `FILE: CSV or TSV with a header row (.csv .tsv .txt, also .gz), Parquet (.parquet), Arrow IPC
(.arrow .feather .arrows); --input csv|tsv|parquet|arrow overrides the extension.`;

/** The estimate options' help, one entry per option (`test` leaves out what it does not take). */
const ESTIMATE_HELP: [option: string, text: string][] = [
  ["method", `  --method hist|labels|knn   hist (default): numeric columns binned as numpy.histogram bins them;
                             labels: every column as labels; knn: scikit-learn's kNN estimators`],
  ["bins", `  --bins N|RULE              hist: a bin count (default 10) or auto, fd, doane, scott, rice, sturges, sqrt`],
  ["estimator", `  --estimator E              hist, labels: plugin (default), miller-madow, grassberger, chao-shen,
                             james-stein, jackknife, nsb`],
  ["labels", `  --labels COL[,COL]         read these numeric columns as labels (text columns always are)`],
  ["max-labels", `  --max-labels N             refuse a labels column with more distinct values (default 10000)`],
  ["k", `  --k N                      knn: neighbours (default 3)`],
  ["seed", `  --seed N                   knn: seed of scikit-learn's noise (default 0)`],
];
const estimateHelp = (...except: string[]) => ESTIMATE_HELP.filter(([o]) => !except.includes(o)).map(([, t]) => t).join("\n");
const ESTIMATE = estimateHelp();

const COMMON = `  --base nats|bits|hartleys|B  units (default nats)
  --format table|json|csv    output (default table)
  --progress / --quiet       force the progress bar on stderr off a terminal / never draw it
  --threads N                DuckDB's threads (default: all cores)
  --memory-limit SIZE        DuckDB's memory limit (default 256MB; it spills to disk past it)
  --backend auto|js|wasm|wasm-simd   the infowasm backend (default auto)
  --input csv|tsv|parquet|arrow     the reader, when the extension does not tell`;

const HELP: Record<Command, string> = {
  rank: `usage: infowasm rank FILE --target COL [options]

The MI of every other column with COL, highest first.

  --target COL               the column to rank the others against
  --exclude COL[,COL]        leave columns out
  --top N                    print the first N
${ESTIMATE}
${COMMON}`,
  mi: `usage: infowasm mi FILE --x COL --y COL [options]

The MI of two columns (rows where both are present).

${ESTIMATE}
${COMMON}`,
  entropy: `usage: infowasm entropy FILE --column COL [options]

The entropy of a column: of its labels, of its bins (with the histogram estimate of the
differential entropy), or with --method knn the Kozachenko–Leonenko estimate.

${ESTIMATE}
${COMMON}`,
  matrix: `usage: infowasm matrix FILE [options]

The MI of every pair of columns (the diagonal: each column's entropy), as a heatmap.

  --columns COL[,COL]        these columns (default: all)
  --exclude COL[,COL]        leave columns out
  --html report.html         also write a self-contained HTML report with the plots
  --target COL               with --html: add the ranked MI of the others with COL
${ESTIMATE}
${COMMON}`,
  test: `usage: infowasm test FILE --x COL --y COL [options]

Test the independence of two columns (the two columns are loaded into memory).

  --test permutation|g-test|chi2   default permutation (knn: permutation only)
  --permutations N           default 999
  --seed N                   the permutations' seed (default 0)
${estimateHelp("seed", "estimator")}
${COMMON}`,
};

export const USAGE = `usage: infowasm <command> FILE [options]

commands:
  rank FILE --target COL     MI of every other column with COL, highest first
  mi FILE --x COL --y COL    MI of two columns
  entropy FILE --column COL  entropy of a column
  matrix FILE                pairwise MI of the columns (terminal heatmap; --html report.html)
  test FILE --x COL --y COL  independence test of two columns

${FILES}
"infowasm <command> --help" lists a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(USAGE + "\n");
    return command === undefined ? 2 : 0;
  }
  if (command === "--version" || command === "-v") {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    process.stdout.write(pkg.version + "\n");
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, command)) {
    process.stderr.write(`infowasm: unknown command "${command}"; the commands are ${Object.keys(COMMANDS).join(", ")} ("infowasm --help")\n`);
    return 2;
  }
  try {
    const o = parse(command as Command, rest);
    if (o.values.help) {
      process.stdout.write(HELP[o.command] + "\n");
      return 0;
    }
    await RUN[o.command](o);
    return 0;
  } catch (e) {
    if (process.stderr.isTTY) process.stderr.write("\r\x1b[K"); // a progress bar's unfinished line
    if (process.env.INFOWASM_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    // the library's errors (TypeError, RangeError) name the call and the argument already
    process.stderr.write(`infowasm: ${oneLine(e)}\n`);
    return e instanceof CliError ? e.code : 1;
  }
}
