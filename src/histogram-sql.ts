/**
 * Binning outside JavaScript: NumPy's edges from summary statistics a SQL engine computes, and
 * NumPy's bin index as a portable SQL expression, so that a database counts the cells of a 2-D
 * histogram (`GROUP BY` + `count(*)`) and infowasm computes MI from the table that comes back.
 *
 * Edges (`histogramEdgesFromSummary`): those of `numpy.histogram_bin_edges(x, bins, range)`,
 * computed by the same code as `it.histogramBinEdges` (src/histogram.ts `equalWidthBinner`, the
 * rule formulas of src/histogram-bins.ts `widthFromStats`), fed with the summary instead of the
 * samples' own statistics.
 *
 * Bin index (`histogramBinSql`): bin i holds edges[i] ≤ x < edges[i+1], the last bin also
 * x = edges[n] (src/histogram-bins.ts `binOf`); NULL outside [edges[0], edges[n]], for NULL and
 * for NaN. Written with CASE/WHEN and comparisons against float literals only, so the same
 * expression runs on DuckDB, Spark SQL, BigQuery, Snowflake and PostgreSQL.
 */
import type { BinRule, BinStats } from "./histogram-bins.js";
import { equalWidthBinner, isRule } from "./histogram.js";
import type { Range } from "./types.js";
import { describe, edgesArg, rangeArg } from "./validate.js";

/**
 * Summary statistics of the samples of one column (those inside `range` when one is given),
 * as one SQL pass computes them; NULL (null) or a missing field means "not computed". Each is
 * needed only by the rules that use it (NumPy `_hist_bin_*`).
 */
export interface HistogramSummary {
  /** Number of (non-NULL, non-NaN) samples; a bigint (SQL `count`) is accepted. */
  n: number | bigint | null;
  /** Their minimum (needed unless `range` is given with a bin count); a bigint (SQL `min` of a BIGINT column) is read as the nearest double, as NumPy converts int64. */
  min?: number | bigint | null;
  /** Their maximum. */
  max?: number | bigint | null;
  /** Population standard deviation, ddof 0 (SQL `stddev_pop`): rules "scott" and "doane". */
  std?: number | null;
  /** q75 − q25 by linear interpolation (`np.percentile`'s default; SQL `quantile_cont`, `percentile_cont`): rules "fd" and "auto". */
  iqr?: number | null;
  /** Population skewness g1 = mean(((x − mean)/σ)³) (the biased one; DuckDB's `skewness` is the adjusted G1 = g1·√(n(n − 1))/(n − 2)): rule "doane". */
  skewness?: number | null;
  /** The samples came from an integer column: a rule's width is at least 1 (NumPy's integer dtypes). */
  integer?: boolean | null;
}

/** Options of `histogramEdgesFromSummary`. */
export interface HistogramSummaryOptions {
  /** [lo, hi] as NumPy's `range`: the outer edges; the summary then describes the samples inside it. */
  range?: Range;
}

const given = (v: unknown): boolean => v !== undefined && v !== null;

/** A summary field: absent (null/undefined) or a finite number (≥ 0 when `nonNegative`). */
function statField(fn: string, s: Record<string, unknown>, key: string, nonNegative: boolean, bigint = false): number | undefined {
  const raw = s[key];
  if (!given(raw)) return undefined;
  const v = bigint && typeof raw === "bigint" ? Number(raw) : raw;
  if (typeof v !== "number") throw new TypeError(`${fn}: summary.${key} must be a number${bigint ? " or a bigint" : ""}, got ${describe(v)}`);
  if (!Number.isFinite(v)) throw new RangeError(`${fn}: summary.${key} is ${v}; it must be finite`);
  if (nonNegative && v < 0) throw new RangeError(`${fn}: summary.${key} is ${v}; it must be ≥ 0`);
  return v;
}

function countField(fn: string, v: unknown): number | undefined {
  if (!given(v)) return undefined;
  const n = typeof v === "bigint" ? Number(v) : v;
  if (typeof n !== "number") throw new TypeError(`${fn}: summary.n must be a number or a bigint, got ${describe(v)}`);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${fn}: summary.n is ${String(v)}; it must be a non-negative integer`);
  return n;
}

/**
 * `numpy.histogram_bin_edges(x, bins, range)` from summary statistics of x instead of x itself:
 * the same Float64Array edges (bit for bit, given the same statistics) that `it.histogramBinEdges`
 * computes from the samples.
 *
 * Outer edges: `range`, else [min, max] (widened to ±0.5 when equal; [0, 1] when n = 0), edges
 * `np.linspace(first, last, N + 1)`. `bins`: a count N, or a rule, N = ⌈(last − first)/h⌉ (1 when
 * h = 0 or n = 0; h ≥ 1 when `summary.integer`) with ptp = max − min:
 *   "sqrt" ptp/√n · "sturges" ptp/(log2 n + 1) · "rice" ptp/(2 n^(1/3)) · "scott" (24√π/n)^(1/3)·std ·
 *   "fd" 2·iqr·n^(−1/3) · "auto" min(max(fd, sqrt/2), sturges) ·
 *   "doane" ptp/(1 + log2 n + log2(1 + |g1|/√(6(n − 2)/((n + 1)(n + 3))))) (0 when n ≤ 2 or std = 0).
 * "stone" needs the samples (RangeError). A rule whose statistic is missing → TypeError naming it.
 */
export function histogramEdgesFromSummary(bins: number | BinRule, summary: HistogramSummary, opts: HistogramSummaryOptions = {}): Float64Array {
  const fn = "histogramEdgesFromSummary";
  if (bins === "stone") throw new RangeError(`${fn}: the "stone" rule needs the samples themselves (it tries every bin count against them), not a summary; use it.histogramBinEdges(x, { bins: "stone" }) or another rule`);
  if (typeof bins !== "number" && !isRule(bins))
    throw new TypeError(`${fn}: bins must be a positive integer or one of "auto", "fd", "doane", "scott", "rice", "sturges", "sqrt", got ${describe(bins)}`);
  if (typeof bins === "number" && !(Number.isInteger(bins) && bins >= 1)) throw new RangeError(`${fn}: bins must be a positive integer or a rule, got ${bins}`);
  if (typeof summary !== "object" || summary === null || Array.isArray(summary))
    throw new TypeError(`${fn}: summary must be an object { n, min, max, std?, iqr?, skewness?, integer? }, got ${describe(summary)}`);
  if (typeof opts !== "object" || opts === null) throw new TypeError(`${fn}: opts must be an object, got ${describe(opts)}`);
  const s = summary as unknown as Record<string, unknown>;
  const range = rangeArg(fn, "range", opts.range);
  const n = countField(fn, s.n);
  const min = statField(fn, s, "min", false, true);
  const max = statField(fn, s, "max", false, true);
  const stats: Record<"std" | "iqr" | "skewness", number | undefined> = {
    std: statField(fn, s, "std", true),
    iqr: statField(fn, s, "iqr", true),
    skewness: statField(fn, s, "skewness", false),
  };
  if (given(s.integer) && typeof s.integer !== "boolean") throw new TypeError(`${fn}: summary.integer must be a boolean, got ${describe(s.integer)}`);
  if (min !== undefined && max !== undefined && min > max) throw new RangeError(`${fn}: summary.min = ${min} > summary.max = ${max}`);
  // What NumPy reads: the count for a rule, min and max unless a range fixes the outer edges (and n > 0).
  const rule = typeof bins === "string";
  if (n === undefined && (rule || range === undefined)) throw new TypeError(`${fn}: summary.n (the number of samples) is missing`);
  const needMinMax = n !== undefined && n > 0 && (rule || range === undefined);
  if (needMinMax && min === undefined) throw new TypeError(`${fn}: summary.min is missing (needed ${rule ? `by rule "${bins}"` : "without a range"})`);
  if (needMinMax && max === undefined) throw new TypeError(`${fn}: summary.max is missing (needed ${rule ? `by rule "${bins}"` : "without a range"})`);
  if (range && n !== undefined && n > 0 && min !== undefined && max !== undefined && (min < range[0] || max > range[1]))
    throw new RangeError(`${fn}: the summary's [min, max] = [${min}, ${max}] is not inside range [${range[0]}, ${range[1]}]; with a range, summarise only the samples inside it (NumPy computes a rule over those)`);
  const need = (key: "std" | "iqr" | "skewness", what: string) => (): number => {
    const v = stats[key];
    if (v === undefined) throw new TypeError(`${fn}: rule "${bins}" needs summary.${key} (${what})`);
    return v;
  };
  const binStats: BinStats = {
    n: n ?? 0,
    min: min ?? 0,
    max: max ?? 0,
    std: need("std", "the population standard deviation, ddof 0"),
    iqr: need("iqr", "q75 − q25 by linear interpolation"),
    skewness: need("skewness", "the population skewness g1"),
    stone: () => {
      throw new RangeError(`${fn}: the "stone" rule needs the samples`);
    },
  };
  // numpy _get_outer_edges: no sample and no range → [0, 1]
  const [lo, hi] = needMinMax ? [min as number, max as number] : [0, 1];
  return equalWidthBinner(fn, "bins", bins, "the summary", range, lo, hi, s.integer === true, () => binStats).edges;
}

/** The largest finite double: for non-NaN x, x < +∞ ⟺ x ≤ MAX and x ≤ −∞ ⟺ x < −MAX. */
const MAX = Number.MAX_VALUE.toExponential();

/** A float literal every engine parses as DOUBLE, exactly: the shortest round-trip digits in exponent notation. */
const lit = (v: number): string => v.toExponential();

/** A bare identifier (plain, "quoted", `quoted` or [quoted], dotted) needs no parentheses. */
const PART = String.raw`(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")*"|\x60(?:[^\x60]|\x60\x60)*\x60|\[[^\]]*\])`;
const BARE = new RegExp(`^${PART}(?:\\.${PART})*$`);

/**
 * A portable SQL expression for NumPy's bin index (0-based) of `column` under `edges`: bin i
 * holds edges[i] ≤ x < edges[i+1], the last bin also x = edges[n] (`numpy.histogram`, and
 * `binOf` in src/histogram-bins.ts); NULL when the value is NULL, NaN or outside
 * [edges[0], edges[n]].
 *
 * `column` is any SQL expression, inserted verbatim (parenthesised unless it is a bare
 * identifier): quote identifiers in your engine's dialect ("my col" in DuckDB, Snowflake,
 * PostgreSQL; `my col` in Spark SQL and BigQuery). `edges`: ≥ 2 non-decreasing numbers, no NaN,
 * ±Infinity allowed (an array, or a Float64Array such as `Histogram2D.edgesX`).
 *
 * The SQL: `CASE WHEN <range check> THEN <search> END`, the search a nested binary-search
 * CASE (depth ⌈log2 n⌉, n − 1 comparisons `x < edges[i]`, i = 1 … n − 1) giving
 * #{i ∈ 1 … n − 1 : edges[i] ≤ x}. Edges are written as float literals in exponent notation
 * (`Number.prototype.toExponential()`, the shortest digits that round-trip), which DuckDB, Spark
 * SQL, BigQuery and Snowflake all parse as DOUBLE exactly (DuckDB reads `0.1` as DECIMAL). An
 * infinite outer edge drops that side's check; a +Infinity upper edge adds a NaN check
 * `(x <= 0 OR 0 − x <= 0)`, false for NaN under both NaN conventions (IEEE, BigQuery: every
 * comparison with NaN is false; DuckDB, Spark, Snowflake, PostgreSQL: NaN equals itself and
 * sorts above +Infinity). Other infinite edges compare against ±1.7976931348623157e+308.
 */
export function histogramBinSql(column: string, edges: ArrayLike<number>): string {
  const fn = "histogramBinSql";
  if (typeof column !== "string" || column.trim() === "") throw new TypeError(`${fn}: column must be a SQL expression (a non-empty string), got ${typeof column === "string" ? "an empty string" : describe(column)}`);
  if (!(Array.isArray(edges) || edges instanceof Float64Array || edges instanceof Float32Array))
    throw new TypeError(`${fn}: edges must be an array of numbers or a Float64Array, got ${describe(edges)}`);
  const e = edgesArg(fn, "edges", edges);
  const n = e.length - 1;
  const x = BARE.test(column.trim()) ? column.trim() : `(${column})`;
  // x < v for non-NaN x, or false when it never holds
  const below = (v: number): string | false => (v === -Infinity ? false : v === Infinity ? `${x} <= ${MAX}` : `${x} < ${lit(v)}`);
  const search = (lo: number, hi: number): string => {
    if (lo === hi) return String(lo);
    const mid = (lo + hi + 1) >>> 1;
    const c = below(e[mid]);
    return c === false ? search(mid, hi) : `CASE WHEN ${c} THEN ${search(lo, mid - 1)} ELSE ${search(mid, hi)} END`;
  };
  const checks: string[] = [];
  const first = e[0];
  const last = e[n];
  if (first === Infinity) checks.push(`${x} > ${MAX}`);
  else if (first !== -Infinity) checks.push(`${x} >= ${lit(first)}`);
  if (last === Infinity) checks.push(`(${x} <= 0e+0 OR 0e+0 - ${x} <= 0e+0)`);
  else if (last === -Infinity) checks.push(`${x} < -${MAX}`);
  else checks.push(`${x} <= ${lit(last)}`);
  return `CASE WHEN ${checks.join(" AND ")} THEN ${search(0, n - 1)} END`;
}
