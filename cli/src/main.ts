/**
 * The infowasm command line: `infowasm <command> FILE [options]`. Every failure ends in one line on
 * stderr ("infowasm: …") and a non-zero exit code: 2 for a usage error, 1 for anything else.
 */
import { readFileSync } from "node:fs";

export const USAGE = `usage: infowasm <command> FILE [options]

commands:
  rank FILE --target COL   MI of every other column with COL, highest first
  mi FILE --x COL --y COL  MI of two columns
  entropy FILE --column COL
  matrix FILE              pairwise MI of all columns (terminal heatmap, --html report.html)
  test FILE --x COL --y COL  independence test of two columns

Run "infowasm <command> --help" for the options of a command.`;

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h") {
    process.stdout.write(USAGE + "\n");
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === "--version") {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    process.stdout.write(pkg.version + "\n");
    return 0;
  }
  process.stderr.write(`infowasm: unknown command "${argv[0]}"\n${USAGE}\n`);
  return 2;
}
