/**
 * The infowasm command end to end: the compiled CLI (cli/dist, built by `npm run build`) run as a
 * subprocess on cli/test/fixtures/mixed.csv and on its Parquet and Arrow copies, its output
 * checked against NumPy / SciPy / scikit-learn values (cli/test/reference/cli_reference.py) and
 * against the library's own calls on the same columns.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it as test } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import { tableFromArrays, tableToIPC, type Table } from "apache-arrow";
import { init } from "../../src/index.js";
import * as REF from "./reference/cli.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = join(HERE, "..", "bin", "infowasm.js");
const CSV = join(HERE, "fixtures", "mixed.csv");
const run = promisify(execFile);

interface Out {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...args: string[]): Promise<Out> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

async function json<T>(...args: string[]): Promise<T> {
  const r = await cli(...args, "--format", "json");
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as T;
}

interface RankRow {
  rank: number;
  column: string;
  mi: number;
  units: string;
  rows: number;
  missing: number;
  kind: string;
}

const close = (a: number, b: number, tol = 1e-12) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

/** Each reference row's MI equals the CLI's row of that column, the rows used too; the CLI's order is descending. */
function matches(got: RankRow[], want: { column: string; mi: number; rows: number }[], tol = 1e-12): void {
  expect(got.map((r) => r.column).sort()).toEqual(want.map((r) => r.column).sort());
  for (const w of want) {
    const g = got.find((r) => r.column === w.column)!;
    close(g.mi, w.mi, tol);
    expect(g.rows).toBe(w.rows);
    expect(g.missing).toBe(REF.ROWS - w.rows);
  }
  for (let i = 1; i < got.length; i++) expect(got[i - 1].mi).toBeGreaterThanOrEqual(got[i].mi);
  expect(got.map((r) => r.rank)).toEqual(got.map((_, i) => i + 1));
}

let dir: string;
let PARQUET: string;
let ARROW: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "infowasm-cli-"));
  PARQUET = join(dir, "mixed.parquet");
  ARROW = join(dir, "mixed.arrow");
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  const from = `read_csv('${CSV}', header = true, nullstr = ['', 'NA'])`;
  await conn.run(`COPY (SELECT * FROM ${from}) TO '${PARQUET}' (FORMAT parquet)`);
  // the Arrow copy: the same columns built with apache-arrow (gappy's missing cells as nulls)
  const rows = (await conn.runAndReadAll(`SELECT * FROM ${from}`)).getRowObjectsJS();
  conn.closeSync();
  db.closeSync();
  const col = (n: string) => rows.map((r) => r[n]);
  const num = (n: string) => Float64Array.from(col(n) as number[]);
  const table = tableFromArrays({
    signal: num("signal"),
    weak: num("weak"),
    noise: num("noise"),
    count: Int32Array.from(col("count").map(Number)),
    "city name": col("city name") as string[],
    flag: col("flag").map(String),
    gappy: col("gappy").map((v) => (v === null ? null : Number(v))) as (number | null)[],
    y: col("y") as string[],
    "target value": num("target value"),
  } as Record<string, Float64Array | Int32Array | (string | number | null)[]>) as unknown as Table;
  writeFileSync(ARROW, tableToIPC(table, "file"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("rank", () => {
  for (const backend of ["js", "wasm", "wasm-simd"]) {
    test(`CSV, Parquet and Arrow give NumPy's histogram MI (${backend})`, async () => {
      const [csv, parquet, arrow] = await Promise.all(
        [CSV, PARQUET, ARROW].map((f) => json<RankRow[]>("rank", f, "--target", "y", "--backend", backend)),
      );
      matches(csv, REF.RANK_Y);
      expect(parquet).toEqual(csv);
      expect(arrow).toEqual(csv);
    });
  }

  test("the same as it.mutualInformationColumns on the same columns", async () => {
    const got = await json<RankRow[]>("rank", CSV, "--target", "y", "--exclude", "gappy,city name,flag");
    const it = await init();
    const lines = readFileSync(CSV, "utf8").trim().split("\n");
    const header = lines[0].split(",");
    const cells = lines.slice(1).map((l) => l.split(","));
    const names = ["signal", "weak", "noise", "count", "target value"];
    const X = new Float64Array(cells.length * names.length);
    cells.forEach((c, i) => names.forEach((n, j) => (X[i * names.length + j] = Number(c[header.indexOf(n)]))));
    const y = cells.map((c) => c[header.indexOf("y")]);
    const api = it.mutualInformationColumns({ data: X, rows: cells.length, cols: names.length }, y, { bins: 10 });
    names.forEach((n, j) => close(got.find((r) => r.column === n)!.mi, api[j]));
    it.close();
  });

  test("a bin rule from SQL statistics (fd) gives NumPy's edges", async () => {
    matches(await json<RankRow[]>("rank", CSV, "--target", "y", "--bins", "fd"), REF.RANK_Y_FD);
    matches(await json<RankRow[]>("rank", PARQUET, "--target", "y", "--bins", "fd"), REF.RANK_Y_FD);
  });

  test("--estimator miller-madow is Miller's correction of the same tables", async () => {
    matches(await json<RankRow[]>("rank", CSV, "--target", "y", "--estimator", "miller-madow"), REF.RANK_Y_MILLER_MADOW);
  });

  test("TSV reads like CSV", async () => {
    const tsv = join(dir, "mixed.tsv");
    writeFileSync(tsv, readFileSync(CSV, "utf8").replaceAll(",", "\t"));
    expect(await json<RankRow[]>("rank", tsv, "--target", "y")).toEqual(await json<RankRow[]>("rank", CSV, "--target", "y"));
  });

  test("a numeric target is binned like the features", async () => {
    matches(await json<RankRow[]>("rank", CSV, "--target", "target value"), REF.RANK_TARGET_VALUE);
  });

  test("--method knn is scikit-learn's mutual_info_classif on the complete rows", async () => {
    const got = await json<RankRow[]>("rank", CSV, "--target", "y", "--method", "knn", "--exclude", "count");
    matches(got, REF.KNN_Y, 1e-9);
  });

  test("batches of any size give the same counts (the states merge exactly)", async () => {
    const a = await json<RankRow[]>("rank", CSV, "--target", "y");
    const b = await json<RankRow[]>("rank", CSV, "--target", "y", "--batch-rows", "7");
    expect(b).toEqual(a);
  });

  test("--top, csv and table output", async () => {
    const top = await json<RankRow[]>("rank", CSV, "--target", "y", "--top", "3");
    expect(top.map((r) => r.rank)).toEqual([1, 2, 3]);
    const csv = await cli("rank", PARQUET, "--target", "y", "--format", "csv", "--base", "bits");
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toBe("rank,column,mi,units,rows,missing,kind");
    expect(lines).toHaveLength(9);
    const signal = lines.find((l) => l.split(",")[1] === "signal")!.split(",");
    close(Number(signal[2]), REF.RANK_Y.find((r) => r.column === "signal")!.mi / Math.LN2);
    const table = await cli("rank", CSV, "--target", "y");
    expect(table.code).toBe(0);
    for (const r of REF.RANK_Y) expect(table.stdout).toContain(r.column);
  });
});

describe("mi, entropy, matrix, test", () => {
  test("mi of one pair is the rank row", async () => {
    const r = await json<{ mi: number; rows: number; missing: number }>("mi", CSV, "--x", "gappy", "--y", "y");
    const want = REF.RANK_Y.find((w) => w.column === "gappy")!;
    close(r.mi, want.mi);
    expect(r.rows).toBe(want.rows);
    expect(r.missing).toBe(REF.MISSING_GAPPY);
  });

  test("entropy: scipy.stats.entropy of the bin or label counts, and the histogram's differential entropy", async () => {
    for (const want of REF.ENTROPY) {
      const r = await json<{ entropy: number; differential?: number; units: string }>("entropy", PARQUET, "--column", want.column, "--base", "bits");
      close(r.entropy, want.entropy);
      expect(r.units).toBe("bits");
      if (want.differential !== undefined) close(r.differential!, want.differential);
      else expect(r.differential).toBeUndefined();
    }
  });

  test("matrix: the pairwise MI, entropies on the diagonal", async () => {
    const r = await json<{ columns: string[]; matrix: number[][] }>("matrix", CSV, "--columns", REF.MATRIX_COLUMNS.join(","));
    expect(r.columns).toEqual(REF.MATRIX_COLUMNS);
    r.matrix.forEach((row, i) => row.forEach((v, j) => close(v, REF.MATRIX[i][j])));
  });

  test("matrix --html writes a self-contained report", async () => {
    const html = join(dir, "report.html");
    const r = await cli("matrix", CSV, "--columns", "signal,weak,city name", "--html", html, "--target", "signal", "--quiet");
    expect(r.code).toBe(0);
    const page = readFileSync(html, "utf8");
    expect(page).toContain("<svg");
    expect(page).toContain("city name");
  });

  test("test: chi-square and G-test p-values are scipy's chi2_contingency", async () => {
    for (const want of REF.TESTS) {
      const chi2 = await json<{ pValue: number; dof: number; statistic: number }>("test", CSV, "--x", want.x, "--y", want.y, "--test", "chi2");
      close(chi2.pValue, want.chi2, 1e-9);
      expect(chi2.dof).toBe(want.dof);
      close(chi2.statistic, want.mi);
      const g = await json<{ pValue: number }>("test", ARROW, "--x", want.x, "--y", want.y, "--test", "g-test");
      close(g.pValue, want.gtest, 1e-9);
    }
  });

  test("test: a permutation p-value is reproducible by its seed", async () => {
    const a = await json<{ pValue: number; permutations: number }>("test", CSV, "--x", "noise", "--y", "flag", "--permutations", "199", "--seed", "5");
    const b = await json<{ pValue: number }>("test", PARQUET, "--x", "noise", "--y", "flag", "--permutations", "199", "--seed", "5");
    expect(b.pValue).toBe(a.pValue);
    expect(a.permutations).toBe(199);
    // p = (1 + #{MI_perm ≥ MI}) / (1 + B): a multiple of 1/200
    expect(Math.abs(a.pValue * 200 - Math.round(a.pValue * 200))).toBeLessThan(1e-9);
  });
});

describe("input rules and errors", () => {
  const one = (r: Out, code: number, pattern: RegExp) => {
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^infowasm: /);
    expect(lines[0]).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  test("a missing file, an unknown column, an unknown option", async () => {
    one(await cli("rank", join(dir, "nope.csv"), "--target", "y"), 1, /no such file/);
    one(await cli("rank", CSV, "--target", "Y"), 2, /--target: no column "Y".*"city name"/);
    one(await cli("rank", CSV, "--target", "y", "--bogus"), 2, /bogus/);
    one(await cli("rank", CSV, "--target", "y", "--k", "3"), 2, /--k applies to --method knn/);
    one(await cli("rank", CSV, "--target", "y", "--bins", "many"), 2, /--bins must be one of/);
    one(await cli("rank", CSV), 2, /--target COL is required/);
    one(await cli("frobnicate", CSV), 2, /unknown command/);
  });

  test("an empty file, a header without rows, a column with every value missing", async () => {
    const empty = join(dir, "empty.csv");
    writeFileSync(empty, "");
    one(await cli("rank", empty, "--target", "y"), 1, /empty/);
    const header = join(dir, "header.csv");
    writeFileSync(header, "a,b\n");
    one(await cli("rank", header, "--target", "a"), 1, /no rows/);
    const allMissing = join(dir, "missing.csv");
    writeFileSync(allMissing, "a,b\n1,\n2,NA\n3,\n");
    one(await cli("rank", allMissing, "--target", "a"), 1, /column "b" has no values: all 3 rows are missing/);
  });

  test("pandas' NA strings are missing in text columns too (the CSV reader without DuckDB's nullstr list)", async () => {
    const f = join(dir, "na.csv");
    writeFileSync(f, "x,lab\n1,a\n2,a\n,b\n4,NA\n5,None\n6,b\n7,b\n");
    const r = await json<{ entropy: number; rows: number; missing: number }>("entropy", f, "--column", "lab");
    // counts a: 2, b: 3 → H = −(0.4 ln 0.4 + 0.6 ln 0.6)
    close(r.entropy, -(0.4 * Math.log(0.4) + 0.6 * Math.log(0.6)));
    expect([r.rows, r.missing]).toEqual([5, 2]);
    const x = await json<{ rows: number; missing: number }>("entropy", f, "--column", "x");
    expect([x.rows, x.missing]).toEqual([6, 1]);
  });

  test("a labels column with too many distinct values is refused", async () => {
    one(await cli("rank", CSV, "--target", "y", "--labels", "signal", "--max-labels", "1000"), 2, /"signal" has (at least )?1[045]\d\d distinct labels, more than --max-labels 1000/);
    const ok = await json<RankRow[]>("rank", CSV, "--target", "y", "--labels", "count");
    expect(ok.find((r) => r.column === "count")!.kind).toBe("labels");
  });

  test("--progress draws on stderr off a terminal; --quiet does not", async () => {
    const p = await cli("rank", CSV, "--target", "y", "--progress", "--format", "json");
    expect(p.code).toBe(0);
    expect(p.stderr).toMatch(/counting .* 100% .*1,?500|counting .*100%/);
    const q = await cli("rank", CSV, "--target", "y", "--progress", "--quiet", "--format", "json");
    expect(q.stderr).toBe("");
  });
});
