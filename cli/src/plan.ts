/**
 * The first pass over a file, in SQL: for each column used, how many values are present and, for a
 * column to bin, the summary statistics its bin rule needs (count, min, max, and for the rules that
 * use them the population standard deviation, the quartiles by linear interpolation, the skewness);
 * for a column of labels, its distinct values, which become a DuckDB ENUM so that the second pass
 * reads each label as its integer code. The edges come from `histogramEdgesFromSummary`: exactly
 * the edges `numpy.histogram_bin_edges` (and `it.histogramBinEdges`) would give on the column.
 *
 * Each plan also carries the column's scan expression: a DOUBLE that is the value (or the label's
 * code 0 … C − 1) and NaN where the cell is missing.
 */
import { histogramBinSql, histogramEdgesFromSummary, type BinRule } from "infowasm";
import { CliError, usage } from "./errors.js";
import type { Progress } from "./progress.js";
import { NA_STRINGS, ident, literal, type Column, type Source } from "./source.js";

export type Method = "hist" | "knn" | "labels";

export interface Plan {
  column: Column;
  /** Read as labels (codes 0 … classes − 1), else as numbers. */
  labels: boolean;
  /** The scan expression: a DOUBLE, NaN where missing. */
  expr: string;
  /** Values present. */
  n: number;
  /** Rows where this column is missing (NULL, an NA string, NaN, ±Infinity). */
  missing: number;
  /** Bins of a binned column, or the classes of a labels column (its histogram axis is [0, classes] in unit bins). */
  bins: number;
  /** The histogram axis: [first edge, last edge] of equal-width bins. */
  range: [number, number];
  /** A binned column's edges (method "hist"). */
  edges?: Float64Array;
}

export interface PlanOptions {
  method: Method;
  /** A bin count or a NumPy rule (for method "hist"). */
  bins: number | BinRule;
  /** Columns read as labels even when numeric (--labels). */
  asLabels: ReadonlySet<string>;
  /** A labels column with more distinct values than this is refused (--max-labels). */
  maxLabels: number;
  progress: Progress;
}

export interface Planned {
  /** Rows in the file. */
  rows: number;
  plans: Plan[];
}

const NAN = "'NaN'::DOUBLE";

/** Whether a column is read as labels under these options. */
function readsAsLabels(c: Column, o: Pick<PlanOptions, "method" | "asLabels">): boolean {
  return !c.numeric || o.method === "labels" || o.asLabels.has(c.name);
}

/** The column as a finite DOUBLE, NULL where missing or not finite. */
function numberExpr(c: Column): string {
  const x = `CAST(${ident(c.name)} AS DOUBLE)`;
  return `CASE WHEN isfinite(${x}) THEN ${x} END`;
}

/** The column as VARCHAR labels, NULL where missing (numbers: as their shortest decimal form, −0 as 0, non-finite missing). */
function labelExpr(c: Column): string {
  if (c.integer) return `CAST(${ident(c.name)} AS VARCHAR)`;
  if (c.numeric) return `CAST(${numberExpr(c)} + 0.0 AS VARCHAR)`;
  const x = `CAST(${ident(c.name)} AS VARCHAR)`;
  return c.naStrings ? `CASE WHEN ${x} IN (${NA_STRINGS.map(literal).join(", ")}) THEN NULL ELSE ${x} END` : x;
}

const RULE_STATS: Record<BinRule, ("std" | "iqr" | "skewness")[]> = {
  sqrt: [],
  sturges: [],
  rice: [],
  scott: ["std"],
  fd: ["iqr"],
  auto: ["iqr"],
  doane: ["std", "skewness"],
  stone: [],
};

const num = (v: unknown): number => (typeof v === "bigint" ? Number(v) : typeof v === "number" ? v : v === null || v === undefined ? NaN : Number(v));

/** Rows the label columns are first looked at in (cheap: the head of the file), before their distinct values are listed. */
const HEAD_ROWS = 100_000;

/**
 * Runs the first pass for `columns` and returns their plans (in the same order). One scan of the
 * file computes every statistic (each column's value expression once, in a subquery) and lists the
 * distinct labels; the file's first rows are looked at first, so that a column of identifiers is
 * refused before its values are listed.
 */
export async function planColumns(src: Source, columns: Column[], o: PlanOptions): Promise<Planned> {
  if (o.bins === "stone") throw usage(`--bins stone needs every sample in memory (it tries every bin count); use another rule or a count`);
  const labels = columns.map((c) => readsAsLabels(c, o));
  const need = typeof o.bins === "string" ? RULE_STATS[o.bins] : [];
  const values = columns.map((c, i) => `${labels[i] ? labelExpr(c) : numberExpr(c)} AS v${i}`).join(", ");
  const tooMany = (c: Column, k: string) =>
    usage(`column ${JSON.stringify(c.name)} has ${k} distinct labels, more than --max-labels ${o.maxLabels}; ` +
      (c.numeric ? "read it as numbers (leave it out of --labels)" : "leave it out with --exclude, or raise --max-labels"));

  const lab = columns.map((_, i) => i).filter((i) => labels[i]);
  if (lab.length > 0) {
    const [head] = await src.rows(`SELECT ${lab.map((i) => `count(DISTINCT v${i}) AS k${i}`).join(", ")} FROM (SELECT ${values} FROM ${src.from} LIMIT ${HEAD_ROWS})`);
    for (const i of lab) if (num(head[`k${i}`]) > o.maxLabels) throw tooMany(columns[i], `at least ${num(head[`k${i}`])}`);
  }

  const parts = ["count(*) AS rows"];
  columns.forEach((c, i) => {
    const v = `v${i}`;
    parts.push(`count(${v}) AS n${i}`);
    if (labels[i]) parts.push(`list(DISTINCT ${v}) AS d${i}`);
    else if (o.method === "hist") {
      parts.push(`min(${v}) AS lo${i}`, `max(${v}) AS hi${i}`);
      if (need.includes("std")) parts.push(`stddev_pop(${v}) AS sd${i}`);
      if (need.includes("iqr")) parts.push(`quantile_cont(${v}, 0.75) - quantile_cont(${v}, 0.25) AS iqr${i}`);
    }
  });
  o.progress.phase("reading statistics");
  const [stats] = await src.rows(`SELECT ${parts.join(", ")} FROM (SELECT ${values} FROM ${src.from})`, (f) => o.progress.update(f));
  o.progress.end(1);
  const rows = num(stats.rows);
  if (rows === 0) throw new CliError(`${src.path} has a header but no rows`);

  // the population skewness g1 = mean(((x − mean)/σ)³) needs the mean and σ first: a pass of its own
  const skew = new Map<number, number>();
  if (need.includes("skewness")) {
    const sk: string[] = [];
    const means: string[] = [];
    columns.forEach((_, i) => {
      const sd = num(stats[`sd${i}`]);
      if (labels[i] || !(num(stats[`n${i}`]) > 2 && sd > 0)) return;
      sk.push(`avg(power((v${i} - m${i}) / ${sd.toExponential()}, 3)) AS g${i}`);
      means.push(`avg(v${i}) AS m${i}`);
    });
    if (sk.length > 0) {
      const data = `(SELECT ${values} FROM ${src.from})`;
      const [g] = await src.rows(`SELECT ${sk.join(", ")} FROM ${data}, (SELECT ${means.join(", ")} FROM ${data})`);
      columns.forEach((_, i) => g[`g${i}`] !== undefined && skew.set(i, num(g[`g${i}`])));
    }
  }
  const distinct = new Map<number, string[]>();
  // in sorted order (numbers by value), as numpy.unique orders labels: the codes, and so the order
  // the MI sums its cells in, do not depend on how DuckDB's threads met the values
  for (const i of lab) {
    const values = ((stats[`d${i}`] as unknown[] | null) ?? []).filter((v) => v !== null).map(String);
    distinct.set(i, columns[i].numeric ? values.sort((a, b) => Number(a) - Number(b)) : values.sort());
  }

  const plans: Plan[] = [];
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    const n = num(stats[`n${i}`]);
    if (n === 0) throw new CliError(`column ${JSON.stringify(c.name)} has no values: all ${rows} rows are missing`);
    const base = { column: c, labels: labels[i], n, missing: rows - n };
    if (labels[i]) {
      const values = distinct.get(i)!;
      if (values.length > o.maxLabels) throw tooMany(c, String(values.length));
      const type = ident(`labels_${i}`);
      await src.run(`CREATE TYPE ${type} AS ENUM (${values.map(literal).join(", ")})`);
      const expr = `coalesce(CAST(enum_code(CAST(${labelExpr(c)} AS ${type})) AS DOUBLE), ${NAN})`;
      plans.push({ ...base, expr, bins: values.length, range: [0, values.length] });
    } else if (o.method === "hist") {
      const edges = histogramEdgesFromSummary(o.bins, {
        n,
        min: num(stats[`lo${i}`]),
        max: num(stats[`hi${i}`]),
        std: need.includes("std") ? num(stats[`sd${i}`]) : undefined,
        iqr: need.includes("iqr") ? num(stats[`iqr${i}`]) : undefined,
        skewness: need.includes("skewness") ? (skew.get(i) ?? 0) : undefined,
        integer: c.integer,
      });
      const bins = edges.length - 1;
      plans.push({ ...base, expr: `coalesce(${numberExpr(c)}, ${NAN})`, bins, range: [edges[0], edges[bins]], edges });
    } else plans.push({ ...base, expr: `coalesce(${numberExpr(c)}, ${NAN})`, bins: 0, range: [0, 0] });
  }
  return { rows, plans };
}

/**
 * The plan read as codes: a binned column as its bin index 0 … bins − 1 computed by DuckDB with
 * `histogramBinSql` (NaN where missing), a labels column as it is.
 */
export function asCodes(p: Plan): Plan {
  if (!p.edges) return p;
  return { ...p, expr: `coalesce(CAST(${histogramBinSql(numberExpr(p.column), p.edges)} AS DOUBLE), ${NAN})` };
}
