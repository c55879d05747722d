/**
 * `npm run bench:cli [-- --rows 4000000] [--rounds 3] [--peers]`
 *
 * The CLI on a file larger than the cache: `infowasm rank FILE --target y` on a CSV of `rows` rows
 * (4e6 rows, about 250 MB: five real columns, a text column, an integer class), and on its Parquet
 * copy; wall time, rows per second and peak resident memory (GNU time's %M) of the whole process.
 * With --peers, the same ranking in pandas + NumPy (bench/peers/cli_rank.py, Debian's python with
 * pandas) and DuckDB counting by SQL with `histogramBinSql` (bench/cli-sql.ts), side by side, with
 * the ratios. The data files are generated once into bench/.data (git-ignored).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { rng } from "./random.js";

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const ROWS = Number(arg("rows", "4000000"));
const PEERS = process.argv.includes("--peers");
const ROUNDS = Number(arg("rounds", "3"));
const DIR = join(import.meta.dirname, ".data");
const CSV = join(DIR, `rank-${ROWS}.csv`);
const PARQUET = CSV.replace(/\.csv$/, ".parquet");
const CITIES = ["Oslo", "Lima", "Kyiv", "Pune", "Quito", "Perth", "Dakar", "Hanoi", "Turin"];

/** The data: z ~ N(0, 1) drives the class y ∈ {0, 1, 2}, a signal, a weak copy, z², a city per class; plus noise. */
async function generate(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const r = rng(16);
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const out = createWriteStream(CSV);
  out.write("signal,weak,noise,uniform,square,city,y\n");
  let chunk = "";
  for (let i = 0; i < ROWS; i++) {
    const z = normal();
    const y = (z > 0 ? 1 : 0) + (z > 1 ? 1 : 0);
    const v = [z + 0.5 * normal(), 0.2 * z + normal(), normal(), r(), z * z + 0.3 * normal()];
    chunk += `${v.map((x) => x.toFixed(7)).join(",")},${CITIES[y * 3 + Math.floor(3 * r())]},${y}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise<void>((res) => out.once("drain", () => res()));
      chunk = "";
    }
  }
  out.write(chunk);
  await new Promise<void>((res) => out.end(() => res()));
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  await conn.run(`COPY (SELECT * FROM read_csv('${CSV}', header = true)) TO '${PARQUET}' (FORMAT parquet)`);
  conn.closeSync();
  db.closeSync();
}

interface Run {
  name: string;
  secs: number;
  peakMB: number;
  out: string;
}

/** Runs a command under GNU time, ROUNDS times: the median wall seconds and the largest peak RSS. */
function timed(name: string, cmd: string, args: string[]): Run {
  const secs: number[] = [];
  let peak = 0;
  let out = "";
  for (let i = 0; i < ROUNDS; i++) {
    const r = spawnSync("/usr/bin/time", ["-f", "%e %M", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
    const [s, kb] = r.stderr.trim().split("\n").at(-1)!.split(" ").map(Number);
    secs.push(s);
    peak = Math.max(peak, kb / 1024);
    out = r.stdout;
  }
  secs.sort((a, b) => a - b);
  return { name, secs: secs[secs.length >> 1], peakMB: peak, out };
}

if (!existsSync("/usr/bin/time")) throw new Error("bench:cli needs GNU time (apt-get install time)");
if (!existsSync(CSV) || !existsSync(PARQUET)) {
  console.error(`generating ${CSV} …`);
  await generate();
}
const bin = join(import.meta.dirname, "..", "cli", "bin", "infowasm.js");
const mb = (f: string) => (statSync(f).size / 2 ** 20).toFixed(0);
console.log(`rank ${ROWS} rows, target y: CSV ${mb(CSV)} MB, Parquet ${mb(PARQUET)} MB (${new Date().toISOString().slice(0, 16)}Z, ${execFileSync("nproc").toString().trim()} cores)\n`);
const runs: Run[] = [
  timed("infowasm rank (CSV)", process.execPath, [bin, "rank", CSV, "--target", "y", "--format", "json", "--quiet"]),
  timed("infowasm rank (Parquet)", process.execPath, [bin, "rank", PARQUET, "--target", "y", "--format", "json", "--quiet"]),
];
if (PEERS) {
  const py = spawnSync("/usr/bin/python3", ["-c", "import pandas"]);
  if (py.status === 0) runs.push(timed("pandas.read_csv + numpy.histogram2d", "/usr/bin/python3", [join(import.meta.dirname, "peers", "cli_rank.py"), CSV, "y"]));
  else console.log("(pandas peer skipped: /usr/bin/python3 has no pandas; apt-get install python3-pandas)\n");
}
const base = runs[0].secs;
console.log(`median of ${ROUNDS} runs each (--rounds), the largest peak resident memory\n`);
console.log("| run | wall s | M rows/s | peak RSS MB | time × infowasm CSV |");
console.log("|---|---:|---:|---:|---:|");
for (const r of runs) console.log(`| ${r.name} | ${r.secs.toFixed(2)} | ${(ROWS / r.secs / 1e6).toFixed(2)} | ${r.peakMB.toFixed(0)} | ×${(r.secs / base).toFixed(2)} |`);
// the rankings agree: the same columns in the same order
const order = (r: Run) => (JSON.parse(r.out) as { column: string }[]).map((x) => x.column).join(" > ");
console.log("");
for (const r of runs) console.log(`${r.name}: ${order(r)}`);
