/**
 * Counting by SQL: DuckDB bins and counts a Parquet file, infowasm computes the MI from the
 * table of counts that comes back, and it equals `histogramMutualInformation` on the raw columns.
 *
 *   1. one summary pass per column (count, min, max, stddev_pop, quantile_cont, skewness) →
 *      `histogramEdgesFromSummary(bins, summary)`: NumPy's edges for a count or a rule;
 *   2. `SELECT <bin of x>, <bin of y>, count(*) … GROUP BY ALL` with `histogramBinSql(column, edges)`;
 *   3. the cells → a `Histogram2D` (`it.histogram2DFromJSON`) → `mutualInformation()`.
 *
 * The same two queries run on Spark SQL, BigQuery or Snowflake (their quantile is
 * `percentile_cont`/`percentile`); counts from several machines merge by SUM (or
 * `Histogram2D.merge`). Run: `npm run example:sql` (writes a temporary Parquet file).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { histogramBinSql, histogramEdgesFromSummary, init, type BinRule, type Engine, type Histogram2D, type HistogramSummary, type Range } from "../src/index.js";

/**
 * The summary pass of one column in DuckDB: the statistics `histogramEdgesFromSummary` reads
 * (of the non-NULL, non-NaN values, inside `range` when one is given). The skewness is NumPy's
 * g1 = mean(((x − mean)/σ)³), centred on the mean first (DuckDB's `skewness` is the adjusted
 * G1 = g1·√(n(n − 1))/(n − 2), from raw power sums, which lose digits when |mean| ≫ σ); the
 * infowasm CLI computes it the same way.
 */
export function summarySql(column: string, from: string, range?: Range): string {
  const inRange = range ? ` AND ${column} BETWEEN ${range[0].toExponential()} AND ${range[1].toExponential()}` : "";
  return `WITH v AS (SELECT ${column} AS x FROM ${from} WHERE ${column} IS NOT NULL AND NOT isnan(${column})${inRange}),
  m AS (SELECT avg(x) AS mean, stddev_pop(x) AS sd FROM v)
SELECT count(x) AS n, min(x) AS min, max(x) AS max, any_value(sd) AS std,
  quantile_cont(x, 0.75) - quantile_cont(x, 0.25) AS iqr,
  CASE WHEN any_value(sd) > 0 THEN avg(power((x - mean) / sd, 3)) END AS skewness
FROM v, m`;
}

/** Runs the summary pass of `column` and returns its HistogramSummary (NULL statistics stay null). */
export async function summary(con: DuckDBConnection, column: string, from: string, range?: Range): Promise<HistogramSummary> {
  const row = (await con.runAndReadAll(summarySql(column, from, range))).getRowObjectsJS()[0];
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return { n: row.n as bigint, min: num(row.min), max: num(row.max), std: num(row.std), iqr: num(row.iqr), skewness: num(row.skewness) };
}

/**
 * The 2-D histogram of columns x and y of `from` (any table expression, e.g.
 * `read_parquet('f.parquet')`), binned and counted by DuckDB with NumPy's edges for `bins`.
 */
export async function histogramBySql(it: Engine, con: DuckDBConnection, from: string, x: string, y: string, bins: number | BinRule, range?: Range): Promise<Histogram2D> {
  const edgesX = histogramEdgesFromSummary(bins, await summary(con, x, from, range), { range });
  const edgesY = histogramEdgesFromSummary(bins, await summary(con, y, from, range), { range });
  const cells = await con.runAndReadAll(
    `SELECT ${histogramBinSql(x, edgesX)} AS bin_x, ${histogramBinSql(y, edgesY)} AS bin_y, count(*) AS c FROM ${from} GROUP BY ALL`,
  );
  const ny = edgesY.length - 1;
  const counts = new Array<number>((edgesX.length - 1) * ny).fill(0);
  for (const [bx, by, c] of cells.getRowsJS()) if (bx !== null && by !== null) counts[Number(bx) * ny + Number(by)] += Number(c);
  return it.histogram2DFromJSON({
    format: "infowasm.histogram2d",
    version: 1,
    edgesX: Array.from(edgesX),
    edgesY: Array.from(edgesY),
    uniformX: true,
    uniformY: true,
    counts,
  });
}

/** Writes `n` correlated pairs (ρ = 0.6, from DuckDB's seeded random()) to a Parquet file. */
export async function writeDemoParquet(con: DuckDBConnection, file: string, n: number): Promise<void> {
  await con.run("SELECT setseed(0.16)");
  await con.run(`COPY (
    WITH u AS (SELECT i, random() AS u1, random() AS u2 FROM range(${n}) t(i)),
    g AS (SELECT i, sqrt(-2 * ln(1 - u1)) * cos(2 * pi() * u2) AS z1, sqrt(-2 * ln(1 - u1)) * sin(2 * pi() * u2) AS z2 FROM u)
    SELECT z1 AS "feature x", 0.6 * z1 + 0.8 * z2 AS "target y" FROM g ORDER BY i
  ) TO '${file}' (FORMAT parquet)`);
}

async function main(): Promise<void> {
  const it = await init();
  const dir = mkdtempSync(join(tmpdir(), "infowasm-sql-"));
  const instance = await DuckDBInstance.create(":memory:");
  const con = await instance.connect();
  try {
    const file = join(dir, "pairs.parquet");
    await writeDemoParquet(con, file, 100_000);
    const from = `read_parquet('${file}')`;
    const raw = (await con.runAndReadAll(`SELECT "feature x", "target y" FROM ${from}`)).getColumnsJS();
    const x = Float64Array.from(raw[0] as number[]);
    const y = Float64Array.from(raw[1] as number[]);
    console.log(`${x.length} pairs in ${file}; the bin of "feature x" for 8 bins, as SQL:`);
    console.log(histogramBinSql('"feature x"', histogramEdgesFromSummary(8, await summary(con, '"feature x"', from))));
    for (const bins of [32, "fd", "auto"] as const) {
      const h = await histogramBySql(it, con, from, '"feature x"', '"target y"', bins);
      const bySql = h.mutualInformation();
      const direct = it.histogramMutualInformation(x, y, { bins });
      console.log(`bins ${String(bins).padEnd(4)} ${h.binsX}×${h.binsY}: MI from DuckDB's counts ${bySql.toFixed(12)} nats, on the raw columns ${direct.toFixed(12)} (${bySql === direct ? "equal" : "DIFFERENT"})`);
    }
    console.log(`(a bivariate normal with ρ = 0.6 has I = ${(-0.5 * Math.log(1 - 0.36)).toFixed(6)} nats; the histogram estimate is biased, see docs/histogram.md)`);
  } finally {
    con.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
