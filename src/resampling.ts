/**
 * Is an estimated mutual information signal or chance? Tests of independence and bootstrap
 * intervals for label, histogram and kNN estimates.
 *
 * - Permutation tests: the p-value (1 + #{I_perm ≥ I}) / (1 + B) of B permutations of the second
 *   variable against the first (Phipson & Smyth 2010: never 0, exact for any B). Ties within
 *   1e-12·max(1, |I|) count as ≥. For labels and histograms the B shuffles run in one kernel
 *   (src/js/resampling.ts, assembly/resampling.ts), which returns Σ_cells n_ij ln n_ij per
 *   permutation: a permutation keeps the margins, so n·I = Σ n_ij ln n_ij + N ln N − Σ r ln r − Σ c ln c
 *   orders the permutations as I does.
 * - G-test and Pearson's χ²: G = 2N·I (nats) and X² = Σ (O − E)²/E against χ² with
 *   (r − 1)(c − 1) degrees of freedom, = scipy.stats.chi2_contingency(t, correction=False,
 *   lambda_="log-likelihood" | None).
 * - Bootstrap: the percentile interval of the MI of `resamples` resamples of the pairs (Efron &
 *   Tibshirani 1993, ch. 13), quantiles by NumPy's default linear rule.
 *
 * Every draw comes from the engine's generator (src/random.ts): permutation or resample k uses
 * stream k of `seed`, so a seed gives the same result on every backend and thread count.
 */
import type { Backend } from "./backend.js";
import { countTable, tableMI, tableMIEstimate, type ContingencyTable } from "./contingency.js";
import { estimatorArg, type EntropyEstimator } from "./estimators.js";
import { counts2d, miFromCounts, tableMargins } from "./histogram.js";
import { mutualInformationKnn, type KsgOptions, type SampleSet } from "./knn.js";
import { denseCodes, labelCodesAll } from "./label-codes.js";
import { Random } from "./random.js";
import { chi2Survival } from "./special.js";
import type { HistogramMiOptions, Labels, UnitOptions } from "./types.js";
import { lnBaseOf } from "./units.js";
import { choiceOption, describe, integerOption, samplesArg, seedArg } from "./validate.js";
import { backendOf } from "./facade.js";
import { lowerBound } from "./sorted.js";

/** Options of the permutation tests. */
export interface PermutationOptions {
  /** Number of permutations B (default 999). */
  permutations?: number;
  /** Seed of the generator (default 0): the same seed, the same p-value, on every backend and thread count. */
  seed?: number;
}

export type IndependenceMethod = "permutation" | "g-test" | "chi2";

export interface MutualInformationTestOptions extends PermutationOptions, UnitOptions {
  /** "permutation" (default), "g-test" or "chi2". */
  method?: IndependenceMethod;
}

export interface IndependenceTest {
  /** The plug-in MI of the data (in the unit of `base`, nats by default); the kNN test: the KSG estimate. */
  statistic: number;
  /** The p-value of independence. */
  pValue: number;
  method: IndependenceMethod;
  /** Degrees of freedom (r − 1)(c − 1) of the χ² tests. */
  dof?: number;
  /** The G statistic 2N·I (g-test) or Pearson's X² (chi2). */
  chi2?: number;
  /** The number of permutations (permutation tests). */
  permutations?: number;
}

export interface MutualInformationIntervalOptions extends UnitOptions {
  /** The entropy estimator of each MI (src/estimators.ts; default "plugin"): MI = Ĥ(A) + Ĥ(B) − Ĥ(A, B). */
  estimator?: EntropyEstimator;
  /** Coverage of the interval, in (0, 1) (default 0.95). */
  level?: number;
  /** Bootstrap resamples (default 1000). */
  resamples?: number;
  seed?: number;
}

export interface MutualInformationInterval {
  /** The MI of the data. */
  estimate: number;
  low: number;
  high: number;
  level: number;
  resamples: number;
}

const METHODS: readonly IndependenceMethod[] = ["permutation", "g-test", "chi2"];

/** The most permutations or resamples of one call (2^20: a p-value resolution of 1e-6; the generator states take 16 bytes each). */
const MAX_DRAWS = 2 ** 20;

/** Bootstrap counts computed per kernel call at most (f64: 32 MB); more resamples take several calls. */
const RUN_COUNTS = 2 ** 22;

/** Tolerance of a tie: permuted values within 1e-12·max(1, |I|) of the observed one count as ≥. */
export const TIE = 1e-12;

/** The p-value (1 + #{v ≥ observed − tie}) / (1 + B) of B permuted values. */
export function permutationPValue(values: Float64Array, observed: number, tie: number): number {
  let c = 0;
  for (let i = 0; i < values.length; i++) if (values[i] >= observed - tie) c++;
  return (1 + c) / (1 + values.length);
}

/**
 * Pairs (row[i], col[i]) of an R × C table (pairs with row < 0 left out) sorted by row, as the
 * shuffling kernel takes them: the column codes in row order and each row's start.
 */
function shuffleInput(row: Int32Array, col: Int32Array, R: number): [Uint32Array, Int32Array] {
  const rowStart = new Int32Array(R + 1);
  for (let i = 0; i < row.length; i++) if (row[i] >= 0) rowStart[row[i] + 1]++;
  for (let r = 0; r < R; r++) rowStart[r + 1] += rowStart[r];
  const next = rowStart.slice(0, R);
  const cols = new Uint32Array(rowStart[R]);
  for (let i = 0; i < row.length; i++) if (row[i] >= 0) cols[next[row[i]]++] = col[i];
  return [cols, rowStart];
}

/** g[c] = c ln c for c = 0 … m, from ln[c] = ln c (logTable). */
export function xLogX(ln: Float64Array, m: number): Float64Array {
  const g = new Float64Array(m + 1);
  for (let c = 2; c <= m; c++) g[c] = c * ln[c];
  return g;
}

const maxOf = (a: Float64Array) => a.reduce((m, v) => (v > m ? v : m), 0);

/**
 * The permutation p-value of the plug-in MI `mi` (nats) of the pairs (row, col) of an R × C table
 * with these sums and cell counts (any cell order, zeros allowed): B permutations in the kernel.
 * `pairs()` gives each pair's row and column (row −1: left out), read only to shuffle the pairs.
 */
function tablePermutationPValue(b: Backend, pairs: () => [Int32Array, Int32Array], t: TableSums, mi: number, B: number, seed: number): number {
  const rows = t.rowSums.filter((v) => v > 0);
  const cols = t.colSums.filter((v) => v > 0);
  // one label on either side: every permutation has I = 0, the observed value
  if (rows.length < 2 || cols.length < 2) return 1;
  const drawn = cellByCell(t.n, (rows.length - 1) * (cols.length - 1), rows.length * cols.length);
  const m = Math.min(maxOf(rows), maxOf(cols)); // the largest cell count possible
  const ln = logTable(drawn ? t.n : m);
  const g = xLogX(ln, m);
  let observed = 0;
  for (const v of t.cellCount) observed += g[v];
  const states = Random.streams(seed, 0, B);
  const sums = drawn
    ? b.tableSums(rows, cols, logFactorials(t.n, ln), g, states, 0, B)
    : b.permutationSums(...shuffleInput(...pairs(), t.rowSums.length), t.rowSums.length, t.colSums.length, g, states, 0, B);
  // ties in I within TIE·max(1, I), in the units of Σ n ln n: × N
  return permutationPValue(sums, observed, TIE * t.n * Math.max(1, mi));
}

/**
 * Whether drawing a table cell by cell (`draws` random cells of `cells`, about 8 + 2√(n/cells)
 * steps each) beats drawing each of the n pairs: small tables of many pairs. Both give the same
 * distribution (of a permutation, or of a bootstrap resample).
 */
function cellByCell(n: number, draws: number, cells: number): boolean {
  return n <= 2 ** 24 && draws * (8 + 2 * Math.sqrt(n / cells)) < n;
}

/** ln i for i = 0 … n (ln 0 stored as 0, never read). */
export function logTable(n: number): Float64Array {
  const ln = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) ln[i] = Math.log(i);
  return ln;
}

/** ln i! for i = 0 … n: sums of ln i, compensated (Neumaier). */
function logFactorials(n: number, ln = logTable(n)): Float64Array {
  const lf = new Float64Array(n + 1);
  let s = 0;
  let comp = 0;
  for (let i = 2; i <= n; i++) {
    const v = ln[i];
    const t = s + v;
    comp += s >= v ? s - t + v : v - t + s;
    s = t;
    lf[i] = s + comp;
  }
  return lf;
}

/** The margins and cells of a table of counts. */
interface TableSums {
  n: number;
  rowSums: Float64Array;
  colSums: Float64Array;
  cellCount: Float64Array;
}

export function permutationsArg(fn: string, v: unknown): number {
  const B = integerOption(fn, "permutations", v, 999, 1);
  if (B > MAX_DRAWS) throw new RangeError(`${fn}: permutations must be ≤ ${MAX_DRAWS}, got ${B}`);
  return B;
}

/** Pearson's X² = Σ (O − E)²/E over all r × c cells, E = r_i c_j / N: nonzero cells directly, the empty ones as Σ E (exact integer sums per row). */
function pearsonChi2(t: ContingencyTable): number {
  const { n: N, rowSums: r, colSums: c, cellRow, cellCol, cellCount: v } = t;
  let x2 = 0;
  let empty = 0;
  let k = 0;
  for (let i = 0; i < r.length; i++) {
    let covered = 0;
    for (; k < v.length && cellRow[k] === i; k++) {
      const e = (r[i] * c[cellCol[k]]) / N;
      x2 += ((v[k] - e) * (v[k] - e)) / e;
      covered += c[cellCol[k]];
    }
    empty += r[i] * (N - covered);
  }
  return x2 + empty / N;
}

/**
 * Test of independence of two label arrays: I(A;B) plug-in (as mutualInformationLabels) and its
 * p-value by `method`: "permutation" (B = `permutations` shuffles of b, p = (1 + #{I_perm ≥ I})/(1 + B)),
 * "g-test" (G = 2N·I) or "chi2" (Pearson) against χ² with (r − 1)(c − 1) degrees of freedom; dof = 0 gives p = 1.
 */
export function mutualInformationTest(b: Backend, a: unknown, c: unknown, opts: MutualInformationTestOptions = {}): IndependenceTest {
  const fn = "mutualInformationTest";
  const unit = lnBaseOf(opts, fn);
  const method = choiceOption(fn, "method", opts.method, METHODS, "permutation");
  const B = method === "permutation" ? permutationsArg(fn, opts.permutations) : 0;
  const seed = seedArg(fn, opts.seed);
  const [X, Y] = labelCodesAll(fn, ["a", "b"], [a, c], b);
  const t = countTable(b, X, Y);
  const mi = tableMI(t);
  if (method === "permutation") {
    const pValue = tablePermutationPValue(b, () => [denseCodes(X).idx, denseCodes(Y).idx], t, mi, B, seed);
    return { statistic: mi / unit, pValue, method, permutations: B };
  }
  const dof = (t.rowLabels.length - 1) * (t.colLabels.length - 1);
  const chi2 = dof === 0 ? 0 : method === "g-test" ? 2 * t.n * mi : pearsonChi2(t);
  return { statistic: mi / unit, pValue: dof === 0 ? 1 : chi2Survival(chi2, dof), method, dof, chi2 };
}

export interface HistogramMutualInformationTestOptions extends Omit<HistogramMiOptions, "correction">, PermutationOptions {}

/**
 * Permutation test of the plug-in histogram MI of real samples x, y (binned as
 * histogramMutualInformation bins them, pairs outside `range` left out): the bins are fixed by
 * the data, and y's bin codes are permuted against x's.
 */
export function histogramMutualInformationTest(b: Backend, x: unknown, y: unknown, opts: HistogramMutualInformationTestOptions = {}): IndependenceTest {
  const fn = "histogramMutualInformationTest";
  const unit = lnBaseOf(opts, fn);
  const B = permutationsArg(fn, opts.permutations);
  const seed = seedArg(fn, opts.seed);
  const { counts, bx, by, x: X, y: Y } = counts2d(b, fn, x, y, opts);
  const mi = miFromCounts(counts, bx.n, by.n);
  if (Number.isNaN(mi)) throw new RangeError(`${fn}: no (x, y) pair lies inside the range`);
  const pairs = (): [Int32Array, Int32Array] => {
    const row = b.binCodes(X, bx).codes;
    const col = b.binCodes(Y, by).codes;
    for (let i = 0; i < row.length; i++) if (col[i] < 0) row[i] = -1; // a pair outside the range is left out
    return [row, col];
  };
  const { rowSums, colSums, n: N } = tableMargins(counts, bx.n, by.n);
  const pValue = tablePermutationPValue(b, pairs, { n: N, rowSums, colSums, cellCount: counts }, mi, B, seed);
  return { statistic: mi / unit, pValue, method: "permutation", permutations: B };
}

/**
 * Permutation test of the KSG estimate of I(X;Y) (mutualInformationKnn, its options): the rows of
 * y are shuffled against x (a Fisher–Yates shuffle per permutation, from its own stream) and the
 * estimate recomputed. The statistic is the raw estimate (it may be negative).
 */
export function mutualInformationKnnTest(b: Backend, x: SampleSet, y: SampleSet, opts: KsgOptions & PermutationOptions = {}): IndependenceTest {
  const fn = "mutualInformationKnnTest";
  const B = permutationsArg(fn, opts.permutations);
  const seed = seedArg(fn, opts.seed);
  const X = samplesArg(fn, "x", x);
  const Y = samplesArg(fn, "y", y);
  const { n, d } = Y;
  const xs = { data: X.data, rows: X.n, cols: X.d };
  const mi = mutualInformationKnn(b, xs, { data: Y.data, rows: n, cols: d }, opts, fn);
  const ys = { data: new Float64Array(n * d), rows: n, cols: d };
  const idx = new Uint32Array(n);
  const values = new Float64Array(B);
  for (let k = 0; k < B; k++) values[k] = mutualInformationKnn(b, xs, { ...ys, data: permutedRows(Y.data, d, seed, k, idx, ys.data) }, opts, fn);
  const unit = lnBaseOf(opts, fn);
  return { statistic: mi, pValue: permutationPValue(values, mi, (TIE * Math.max(1, Math.abs(mi * unit))) / unit), method: "permutation", permutations: B };
}

/**
 * The rows of `data` (d values each, n = idx.length rows) in the order of permutation `k` of
 * `seed` (a Fisher–Yates shuffle from stream k, Random.shuffle), written to `out`: the surrogate
 * of the kNN permutation tests (row i of out = row idx[i] of data).
 */
export function permutedRows(data: Float64Array, d: number, seed: number, k: number, idx: Uint32Array, out: Float64Array): Float64Array {
  new Random(seed, k).shuffle(idx);
  for (let i = 0; i < idx.length; i++) out.set(data.subarray(idx[i] * d, idx[i] * d + d), i * d);
  return out;
}

/** The q-quantile of ascending values by NumPy's default (linear) rule: x[h⌋ + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (B − 1)q. */
export function quantileSorted(x: Float64Array, q: number): number {
  const h = (x.length - 1) * q;
  const i = Math.floor(h);
  return i + 1 < x.length ? x[i] + (h - i) * (x[i + 1] - x[i]) : x[i];
}

/**
 * Bootstrap percentile interval of the label MI: `resamples` resamples of the n pairs (with
 * replacement; drawn as a multinomial over the table's cells when the table is small), the MI of each, and low/high = the (1 − level)/2 and (1 + level)/2 quantiles of
 * those values (NumPy's linear rule, as scipy.stats.bootstrap(method="percentile")). low ≤ high.
 * With `estimator`, the estimate and each resample's MI are Ĥ(A) + Ĥ(B) − Ĥ(A, B) by that
 * estimator (as mutualInformationLabels gives it), each resample with the labels it holds.
 */
export function mutualInformationInterval(b: Backend, a: unknown, c: unknown, opts: MutualInformationIntervalOptions = {}): MutualInformationInterval {
  const fn = "mutualInformationInterval";
  const unit = lnBaseOf(opts, fn);
  const level = opts.level ?? 0.95;
  if (typeof level !== "number" || !(level > 0 && level < 1)) throw new RangeError(`${fn}: level must be a number in (0, 1), got ${describe(level)}`);
  const B = integerOption(fn, "resamples", opts.resamples, 1000, 1);
  if (B > MAX_DRAWS) throw new RangeError(`${fn}: resamples must be ≤ ${MAX_DRAWS}, got ${B}`);
  const seed = seedArg(fn, opts.seed);
  const estimator = estimatorArg(fn, opts);
  const [X, Y] = labelCodesAll(fn, ["a", "b"], [a, c], b);
  const t = countTable(b, X, Y);
  const K = t.cellCount.length;
  const C = t.colLabels.length;
  // the resamples' counts in runs of at most RUN_COUNTS (one kernel call each), finished as they come
  let resample: (k0: number, k1: number) => Float64Array;
  if (cellByCell(t.n, K - 1, K)) {
    const ln = logTable(t.n);
    const lf = logFactorials(t.n, ln);
    resample = (k0, k1) => b.multinomialCounts(t.cellCount, lf, ln, Random.streams(seed, k0, k1 - k0), 0, k1 - k0);
  } else {
    // each pair's cell: cells are in row-major order, so their keys row·C + col ascend
    const keys = new Float64Array(K);
    for (let k = 0; k < K; k++) keys[k] = t.cellRow[k] * C + t.cellCol[k];
    const row = denseCodes(X).idx;
    const col = denseCodes(Y).idx;
    const cell = new Uint32Array(row.length);
    for (let i = 0; i < row.length; i++) cell[i] = lowerBound(keys, row[i] * C + col[i]);
    resample = (k0, k1) => b.bootstrapCounts(cell, K, Random.streams(seed, k0, k1 - k0), 0, k1 - k0);
  }
  const values = new Float64Array(B);
  const r = new ResampledTable(t);
  const run = Math.max(1, Math.floor(RUN_COUNTS / K));
  for (let k0 = 0; k0 < B; k0 += run) {
    const k1 = Math.min(B, k0 + run);
    const counts = resample(k0, k1);
    for (let k = k0; k < k1; k++) values[k] = tableMIEstimate(b, r.of(counts.subarray((k - k0) * K, (k - k0 + 1) * K)), estimator);
  }
  values.sort();
  return {
    estimate: tableMIEstimate(b, t, estimator) / unit,
    low: quantileSorted(values, (1 - level) / 2) / unit,
    high: quantileSorted(values, (1 + level) / 2) / unit,
    level,
    resamples: B,
  };
}

/**
 * The table of a resample's cell counts over the cells of `t`, as the resampled labels would give
 * it: empty cells left out, and the rows and columns that no pair took left out (so an estimator
 * sees the labels present in the resample). Buffers are reused: one table per call, not per resample.
 */
class ResampledTable {
  private readonly rowSums: Float64Array;
  private readonly colSums: Float64Array;
  private readonly rowMap: Int32Array;
  private readonly colMap: Int32Array;
  private readonly cellRow: Int32Array;
  private readonly cellCol: Int32Array;
  private readonly cellCount: Float64Array;
  private readonly labels: Uint32Array;

  constructor(private readonly t: ContingencyTable) {
    const K = t.cellCount.length;
    const R = t.rowSums.length;
    const C = t.colSums.length;
    this.rowSums = new Float64Array(R);
    this.colSums = new Float64Array(C);
    this.rowMap = new Int32Array(R);
    this.colMap = new Int32Array(C);
    this.cellRow = new Int32Array(K);
    this.cellCol = new Int32Array(K);
    this.cellCount = new Float64Array(K);
    this.labels = new Uint32Array(Math.max(R, C)); // only their number is read
  }

  /** The table of `counts` (one per cell of t, row-major as t's cells). */
  of(counts: Float64Array): ContingencyTable {
    const { t, rowSums: rs, colSums: cs, rowMap, colMap } = this;
    const R = rs.length;
    const C = cs.length;
    rs.fill(0);
    cs.fill(0);
    for (let k = 0; k < counts.length; k++) {
      rs[t.cellRow[k]] += counts[k];
      cs[t.cellCol[k]] += counts[k];
    }
    let r = 0;
    let c = 0;
    for (let i = 0; i < R; i++) if (rs[i] > 0) (rowMap[i] = r), (rs[r++] = rs[i]);
    for (let j = 0; j < C; j++) if (cs[j] > 0) (colMap[j] = c), (cs[c++] = cs[j]);
    let m = 0;
    let n = 0;
    for (let k = 0; k < counts.length; k++) {
      const v = counts[k];
      if (v === 0) continue;
      this.cellRow[m] = rowMap[t.cellRow[k]];
      this.cellCol[m] = colMap[t.cellCol[k]];
      this.cellCount[m++] = v;
      n += v;
    }
    return {
      n,
      rowLabels: this.labels.subarray(0, r),
      colLabels: this.labels.subarray(0, c),
      rowSums: rs.subarray(0, r),
      colSums: cs.subarray(0, c),
      cellRow: this.cellRow.subarray(0, m),
      cellCol: this.cellCol.subarray(0, m),
      cellCount: this.cellCount.subarray(0, m),
    };
  }
}

/**
 * Tests of independence and bootstrap intervals of mutual information. The engine's public
 * methods of this family, installed on Engine by src/engine.ts (see src/facade.ts).
 */
export abstract class ResamplingMethods {
  /** @internal */
  declare readonly [backendOf]: () => Backend;

  /**
   * Test of independence of two label arrays → `{ statistic, pValue, method, … }`; statistic =
   * plug-in I(A;B) (nats unless `base`). `method`: "permutation" (default; `permutations` 999,
   * `seed`; p = (1 + #{I_perm ≥ I})/(1 + B)), "g-test" (G = 2N·I) or "chi2" (Pearson's X²), both
   * against χ² with (r − 1)(c − 1) degrees of freedom as scipy.stats.chi2_contingency(correction=False).
   */
  mutualInformationTest(a: Labels, b: Labels, opts?: MutualInformationTestOptions): IndependenceTest {
    return mutualInformationTest(this[backendOf](), a, b, opts);
  }

  /** Permutation test of histogramMutualInformation (its binning options, plus `permutations`, `seed`). */
  histogramMutualInformationTest(x: ArrayLike<number>, y: ArrayLike<number>, opts?: HistogramMutualInformationTestOptions): IndependenceTest {
    return histogramMutualInformationTest(this[backendOf](), x, y, opts);
  }

  /** Permutation test of the KSG estimate mutualInformationKnn (its options, plus `permutations`, `seed`). */
  mutualInformationKnnTest(x: SampleSet, y: SampleSet, opts?: KsgOptions & PermutationOptions): IndependenceTest {
    return mutualInformationKnnTest(this[backendOf](), x, y, opts);
  }

  /** Bootstrap percentile interval `{ estimate, low, high }` of the label MI (`level` 0.95, `resamples` 1000, `seed`, `estimator`). */
  mutualInformationInterval(a: Labels, b: Labels, opts?: MutualInformationIntervalOptions): MutualInformationInterval {
    return mutualInformationInterval(this[backendOf](), a, b, opts);
  }
}
