/**
 * Many variables at once: total correlation, interaction information, the matrix of pairwise
 * mutual information, and the information gain and gain ratio of a categorical feature.
 * Quantities with units are in nats unless `base` says otherwise.
 *
 *   TC(X_1, …, X_d)   = Σ_i H(X_i) − H(X_1, …, X_d)              (Watanabe 1960)
 *   II(X; Y; Z)       = I(X;Y) − I(X;Y | Z)                         (McGill 1954: XOR → −1 bit)
 *   M_ij              = I(X_i; X_j), M_ii = H(X_i) (∞ with "knn")
 *   IG(Y, X)          = H(Y) − H(Y | X) = I(X;Y)                    (Quinlan 1986)
 *   GR(Y, X)          = IG / H(X), 0 when H(X) = 0                  (Quinlan 1993, C4.5)
 *
 * Label columns (an array of label arrays, or an n×d matrix `{ data, rows: n, cols: d }` of
 * integers) are coded once each (src/label-codes.ts) and made dense (0 … k − 1). The MI matrix
 * then counts every pair table from the codes in one backend call (`pairTables`, split by ranges
 * of pairs across the worker pool) and finishes each MI from its table as the label and histogram
 * calls do; `"histogram"` bins each column once (numpy's rules, src/histogram.ts) into codes and
 * counts the same way; `"knn"` runs the KSG counts of every column against one column per call
 * (`ksgColumns`, as src/knn.ts). The joint code of d label columns is built column by column and
 * numbered again after each step, so it never has more than n codes (jointCodeCounts).
 */
import { denseFits, type Backend } from "./backend.js";
import { canonical, countTable, labelTable, marginalEntropy, tableMI, tableMIEstimate, countsEntropy } from "./contingency.js";
import { estimatorArg, miEstimate } from "./estimators.js";
import { backendOf } from "./facade.js";
import { axisBinner, miFromTable } from "./histogram.js";
import { BIN_RULES, type BinRule } from "./histogram-bins.js";
import { denseCodes, labelCodesHinted } from "./label-codes.js";
import { codesCMI } from "./labels.js";
import { digamma, meanDigamma } from "./special.js";
import type { EntropyEstimator, EstimatorOptions, Labels, Matrix, UnitOptions, Vector } from "./types.js";
import { lnBase } from "./units.js";
import { choiceOption, describe, isMatrixLike, isMatrixObject, labelCodesAll, matrixArg, neighborsArg, samplesArg, vectorArg } from "./validate.js";

/** Columns of one variable each: an array of columns, or an n×d matrix `{ data, rows: n, cols: d }` (column j = the j-th entry of each row). */
export type VariableColumns = readonly (Labels | Vector)[] | Matrix;

export type MutualInformationMatrixMethod = "labels" | "histogram" | "knn";

export interface MutualInformationMatrixOptions extends UnitOptions, EstimatorOptions {
  /** `"labels"` (default): columns of labels; `"histogram"`: real columns, each binned on its own range; `"knn"`: real columns, KSG algorithm 1. */
  method?: MutualInformationMatrixMethod;
  /** `"histogram"` only: bins per column, a count (default 10), a numpy rule name or `{ quantiles: n }`. */
  bins?: number | BinRule | { quantiles: number };
  /** `"knn"` only: neighbour count k (an integer ≥ 1, at most n − 1; default 3). */
  k?: number;
}

const METHODS: readonly MutualInformationMatrixMethod[] = ["labels", "histogram", "knn"];

/** Most table cells (f64) one pairTables call returns; more pairs take more calls. */
const CELLS_PER_CALL = 1 << 22;

/** The raw columns of `columns` (errors name `fn`), each to be checked by the caller as `columns[j]`. */
function rawColumns(fn: string, columns: unknown, least: number): unknown[] {
  let cols: unknown[];
  if (Array.isArray(columns)) cols = columns;
  else if (isMatrixObject(columns)) {
    const { data, rows, cols: d } = matrixArg(fn, "columns", columns);
    const out = Array.from({ length: d }, () => new Float64Array(rows));
    // one pass in row order (a pass per column would read the whole matrix d times)
    for (let r = 0, o = 0; r < rows; r++) for (let j = 0; j < d; j++, o++) out[j][r] = data[o];
    cols = out;
  } else throw new TypeError(`${fn}: columns must be an array of columns or a matrix { data, rows, cols } (one column per variable), got ${describe(columns)}`);
  if (cols.length === 0) throw new RangeError(`${fn}: columns is empty; give at least ${least} column${least > 1 ? "s" : ""}`);
  if (cols.length < least) throw new RangeError(`${fn}: columns has ${cols.length} column; give at least ${least}`);
  return cols;
}

function lengthError(fn: string, j: number, len: number, len0: number): RangeError {
  return new RangeError(`${fn}: columns[${j}] has length ${len} but columns[0] has length ${len0}; every column needs one value per sample`);
}

/** Columns coded densely and stored one after the other: column j at codes[j·n …], codes 0 … k[j] − 1, with each code's count. */
interface CodedColumns {
  n: number;
  d: number;
  codes: Int32Array;
  k: Int32Array;
  counts: Float64Array[];
}

/** Label columns, coded once each (numpy.unique order, then dense). */
function labelColumns(b: Backend, fn: string, columns: unknown, least: number, hint = ""): CodedColumns {
  const raw = rawColumns(fn, columns, least);
  const d = raw.length;
  const counts: Float64Array[] = [];
  let codes = new Int32Array(0);
  const k = new Int32Array(d);
  let n = 0;
  for (let j = 0; j < d; j++) {
    const c = labelCodesHinted(fn, `columns[${j}]`, raw[j], b, hint);
    if (j === 0) {
      n = c.codes.length;
      codes = new Int32Array(n * d);
    } else if (c.codes.length !== n) throw lengthError(fn, j, c.codes.length, n);
    const dense = denseCodes(c, codes.subarray(j * n, (j + 1) * n));
    k[j] = dense.k;
    counts.push(dense.counts);
  }
  return { n, d, codes, k, counts };
}

/** Real columns binned once each by `spec` (each on its own [min, max], as numpy.histogram) into codes 0 … bins − 1. */
function binnedColumns(b: Backend, fn: string, columns: unknown, spec: unknown): CodedColumns {
  if (spec !== undefined && !(typeof spec === "number" || (typeof spec === "string" && (BIN_RULES as readonly string[]).includes(spec)) || (typeof spec === "object" && spec !== null && !Array.isArray(spec) && !ArrayBuffer.isView(spec) && "quantiles" in spec)))
    throw new TypeError(`${fn}: bins must be a bin count, one of ${BIN_RULES.map((r) => `"${r}"`).join(", ")} or { quantiles: n } (each column is binned on its own range, so one edge array cannot serve them all), got ${describe(spec)}`);
  const raw = rawColumns(fn, columns, 2);
  const d = raw.length;
  const k = new Int32Array(d);
  const counts: Float64Array[] = [];
  let codes = new Int32Array(0);
  let n = 0;
  for (let j = 0; j < d; j++) {
    const name = `columns[${j}]`;
    const { data, integer } = vectorArg(fn, name, raw[j]);
    if (j === 0) {
      n = data.length;
      codes = new Int32Array(n * d);
    } else if (data.length !== n) throw lengthError(fn, j, data.length, n);
    const binner = axisBinner(b, fn, "bins", spec as number, data, name, undefined, integer);
    const cj = new Float64Array(binner.n);
    const bc = b.binCodes(data, binner).codes; // every value lies in the column's own [min, max]
    codes.set(bc, j * n);
    for (let i = 0; i < n; i++) cj[bc[i]]++;
    k[j] = binner.n;
    counts.push(cj);
  }
  return { n, d, codes, k, counts };
}

/** MI (nats) of one pair table in canonical form, by `estimator` over K = ki, kj and ki·kj symbols. */
function canonicalMI(b: Backend, t: ReturnType<typeof canonical>, ki: number, kj: number, estimator: EntropyEstimator): number {
  if (estimator === "plugin" || estimator === "miller-madow") return tableMIEstimate(b, t, estimator);
  return miEstimate(b, t.rowSums, t.colSums, t.cellCount, estimator, { rows: ki, cols: kj });
}

/** Ĥ (nats) of one column's code counts by `estimator`, K = every code (empty bins included). */
function columnEntropy(b: Backend, fn: string, counts: Float64Array, estimator: EntropyEstimator): number {
  return countsEntropy(b, fn, counts.filter((c) => c > 0), estimator, counts.length);
}

/**
 * The d×d matrix of I(X_i; X_j) of coded columns (nats): the pair tables that fit a dense table
 * counted by pairTables (many pairs a call), the others as a sparse contingency table; the
 * diagonal Ĥ(X_i).
 */
function codedMatrix(b: Backend, fn: string, c: CodedColumns, estimator: EntropyEstimator, unit: number): Float64Array {
  const { n, d, codes, k } = c;
  const M = new Float64Array(d * d);
  const dense: number[] = [];
  for (let i = 0; i < d; i++) {
    M[i * d + i] = columnEntropy(b, fn, c.counts[i], estimator) / unit;
    for (let j = i + 1; j < d; j++) {
      if (denseFits(k[i], k[j], n)) dense.push(i, j);
      else {
        const col = (m: number) => codes.subarray(m * n, (m + 1) * n);
        const mi = canonicalMI(b, canonical(b.countPairs(col(i), col(j), k[i] - 1, k[j] - 1)), k[i], k[j], estimator) / unit;
        M[i * d + j] = M[j * d + i] = mi;
      }
    }
  }
  const pairs = Int32Array.from(dense);
  const P = pairs.length / 2;
  for (let p0 = 0; p0 < P; ) {
    let p1 = p0;
    for (let cells = 0; p1 < P && (p1 === p0 || cells + k[pairs[2 * p1]] * k[pairs[2 * p1 + 1]] <= CELLS_PER_CALL); p1++) cells += k[pairs[2 * p1]] * k[pairs[2 * p1 + 1]];
    const t = b.pairTables(codes, n, k, pairs, p0, p1);
    for (let p = p0, o = 0; p < p1; p++) {
      const i = pairs[2 * p];
      const j = pairs[2 * p + 1];
      M[i * d + j] = M[j * d + i] = miFromTable(b, t, k[i], k[j], estimator, o) / unit;
      o += k[i] * k[j];
    }
    p0 = p1;
  }
  return M;
}

/** The d×d KSG (algorithm 1) matrix of real columns: the counts of every column c > i against column i in one ksgColumns call; diagonal ∞. */
function knnMatrix(b: Backend, fn: string, columns: unknown, kOpt: unknown, unit: number): Float64Array {
  const raw = rawColumns(fn, columns, 2);
  const d = raw.length;
  const cols = raw.map((x, j) => {
    const s = samplesArg(fn, `columns[${j}]`, x);
    if (s.d !== 1) throw new TypeError(`${fn}: columns[${j}] must be a vector of samples (one variable), got a ${s.n}×${s.d} matrix`);
    return s.data;
  });
  const n = cols[0].length;
  for (let j = 1; j < d; j++) if (cols[j].length !== n) throw lengthError(fn, j, cols[j].length, n);
  const k = neighborsArg(fn, kOpt, 3, n - 1, `at least k + 1 samples, and there are ${n}`);
  // ksgColumns reads the samples row-major: a float64 n×d matrix argument already is (checked above, column by column)
  const given = isMatrixLike(columns) ? (columns as Matrix).data : null;
  let X: Float64Array;
  if (given instanceof Float64Array && given.length === n * d) X = given;
  else {
    X = new Float64Array(n * d);
    for (let j = 0; j < d; j++) for (let r = 0; r < n; r++) X[r * d + j] = cols[j][r];
  }
  const M = new Float64Array(d * d);
  const base = digamma(n) + digamma(k);
  for (let i = 0; i < d; i++) {
    M[i * d + i] = Infinity;
    if (i === d - 1) break;
    const counts = b.ksgColumns(X, n, d, cols[i], k, i + 1, d);
    for (let j = i + 1, o = 0; j < d; j++, o += 2 * n) {
      // ksgColumns counts n_x for column j and n_y for column i: I(X_i; X_j) as mutualInformationKnn(X_i, X_j) sums them
      const mi = (base - meanDigamma(counts, 1, o + n, o + 2 * n) - meanDigamma(counts, 1, o, o + n)) / unit;
      M[i * d + j] = M[j * d + i] = mi;
    }
  }
  return M;
}

/** `mutualInformationMatrix` (see MultivariateMethods). */
export function mutualInformationMatrix(b: Backend, columns: unknown, opts: MutualInformationMatrixOptions = {}): Matrix {
  const fn = "mutualInformationMatrix";
  const unit = lnBase(opts.base, fn);
  const method = choiceOption(fn, "method", opts.method, METHODS, "labels");
  if (opts.bins !== undefined && method !== "histogram") throw new TypeError(`${fn}: bins applies to method "histogram" only (method is "${method}")`);
  if (opts.k !== undefined && method !== "knn") throw new TypeError(`${fn}: k applies to method "knn" only (method is "${method}")`);
  let M: Float64Array;
  if (method === "knn") {
    if (opts.estimator !== undefined || opts.correction !== undefined) throw new TypeError(`${fn}: estimator and correction apply to methods "labels" and "histogram" (the kNN estimate has its own bias terms)`);
    M = knnMatrix(b, fn, columns, opts.k, unit);
  } else {
    const estimator = estimatorArg(fn, opts);
    const coded = method === "labels" ? labelColumns(b, fn, columns, 2, ` (method "labels"; real-valued columns take method "histogram" or "knn")`) : binnedColumns(b, fn, columns, opts.bins);
    M = codedMatrix(b, fn, coded, estimator, unit);
  }
  const d = Math.round(Math.sqrt(M.length));
  return { data: M, rows: d, cols: d };
}

/**
 * The count of each distinct row (x_1, …, x_d) of dense-coded columns, in some order. The joint
 * code is built column by column, u·k_j + x_j, and numbered again after each step: densely
 * (denseCodes) while the combined range is small, else by the backend's value hash (labelIds),
 * so it never exceeds n distinct codes and never needs a table of ∏ k_j cells.
 */
function jointCodeCounts(b: Backend, c: CodedColumns): Float64Array {
  const { n, d, codes, k } = c;
  let ids: Int32Array | Uint32Array = codes.subarray(0, n);
  let K = k[0];
  let counts: Float64Array | null = c.counts[0];
  for (let j = 1; j < d; j++) {
    const kj = k[j];
    const o = j * n;
    if (K * kj < 4 * n + 1024) {
      const u = new Uint32Array(n);
      for (let i = 0; i < n; i++) u[i] = ids[i] * kj + codes[o + i];
      ({ idx: ids, k: K, counts } = denseCodes({ codes: u, max: K * kj - 1, kind: "number", offset: 0, values: null }));
    } else {
      const key = new Float64Array(n); // < n·k_j ≤ 2^53: exact
      for (let i = 0; i < n; i++) key[i] = ids[i] * kj + codes[o + i];
      const r = b.labelIds(key);
      ids = r.ids;
      K = r.values.length;
      counts = null;
    }
  }
  if (counts) return counts;
  const out = new Float64Array(K);
  for (let i = 0; i < n; i++) out[ids[i]]++;
  return out;
}

/** `totalCorrelation` (see MultivariateMethods). */
export function totalCorrelation(b: Backend, columns: unknown, opts: UnitOptions = {}): number {
  const fn = "totalCorrelation";
  const unit = lnBase(opts.base, fn);
  const coded = labelColumns(b, fn, columns, 1);
  const { n, d, counts } = coded;
  let sum = 0;
  for (let j = 0; j < d; j++) sum += marginalEntropy(counts[j], n);
  const jointCounts = jointCodeCounts(b, coded);
  return Math.max(0, sum - marginalEntropy(jointCounts, n)) / unit;
}

/** `interactionInformation` (see MultivariateMethods). */
export function interactionInformation(b: Backend, x: unknown, y: unknown, z: unknown, opts: UnitOptions = {}): number {
  const fn = "interactionInformation";
  const unit = lnBase(opts.base, fn);
  const [X, Y, Z] = labelCodesAll(fn, ["x", "y", "z"], [x, y, z], b);
  return (tableMI(countTable(b, X, Y)) - codesCMI(b, X, Y, Z)) / unit;
}

/** `informationGain` (see MultivariateMethods). */
export function informationGain(b: Backend, labels: unknown, feature: unknown, opts: UnitOptions = {}): number {
  const fn = "informationGain";
  const unit = lnBase(opts.base, fn);
  return tableMI(labelTable(b, fn, labels, feature, ["labels", "feature"])) / unit;
}

/** `gainRatio` (see MultivariateMethods). */
export function gainRatio(b: Backend, labels: unknown, feature: unknown): number {
  const fn = "gainRatio";
  const t = labelTable(b, fn, labels, feature, ["labels", "feature"]);
  const hx = marginalEntropy(t.colSums, t.n);
  return hx > 0 ? Math.min(1, tableMI(t) / hx) : 0;
}

/**
 * Many variables at once. The engine's public methods of this family, installed on Engine by
 * src/engine.ts (see src/facade.ts).
 */
export abstract class MultivariateMethods {
  /** @internal */
  declare readonly [backendOf]: () => Backend;

  /**
   * Total correlation (Watanabe 1960; multi-information) of d label columns:
   * TC = Σ_i H(X_i) − H(X_1, …, X_d) ≥ 0, plug-in entropies of the label frequencies; 0 for
   * independent columns in the limit, (d − 1)·H for d copies of one column. `columns`: an array of
   * label arrays (labels of any kind, as the label calls take them) or an n×d integer matrix
   * `{ data, rows: n, cols: d }` (d ≥ 1). Nats unless `base` says otherwise.
   */
  totalCorrelation(columns: VariableColumns, opts?: UnitOptions): number {
    return totalCorrelation(this[backendOf](), columns, opts);
  }

  /**
   * Interaction information of three label arrays with McGill's (1954) sign:
   * II(X;Y;Z) = I(X;Y) − I(X;Y | Z) (symmetric in X, Y, Z); negative when Z creates dependence
   * (Z = X ⊕ Y of two fair bits: −1 bit), positive for redundancy (three copies of a fair bit:
   * +1 bit); = Bell's (2003) co-information. Jakulin & Bratko (2003) use the opposite sign.
   * Plug-in; nats unless `base` says otherwise.
   */
  interactionInformation(x: Labels, y: Labels, z: Labels, opts?: UnitOptions): number {
    return interactionInformation(this[backendOf](), x, y, z, opts);
  }

  /**
   * The d×d matrix (row-major `Matrix`) of pairwise mutual information I(X_i; X_j) of d columns
   * (d ≥ 2): `columns` an array of columns or an n×d matrix `{ data, rows: n, cols: d }`.
   * `method`:
   *   "labels" (default)  label columns (any kind, as the label calls take them): each
   *                       I = sklearn.metrics.mutual_info_score of the pair, the diagonal H(X_i);
   *                       `estimator` as mutualInformationLabels (K = the labels of each column)
   *   "histogram"         real columns, each binned once on its own [min, max] by `bins` (a count,
   *                       default 10, a numpy rule, or { quantiles }): each I =
   *                       histogramMutualInformation of the pair with those bins; `estimator` as
   *                       there (K = the bins); the diagonal H of the binned column
   *   "knn"               real columns, KSG algorithm 1 with `k` neighbours (default 3), as
   *                       mutualInformationKnn of each pair (raw, may be < 0); the diagonal ∞
   * Each column is coded (or binned) once and all pair tables are counted in one pass per pair;
   * `it.parallel.mutualInformationMatrix` splits the pairs across the worker pool. Nats unless
   * `base` says otherwise.
   */
  mutualInformationMatrix(columns: VariableColumns, opts?: MutualInformationMatrixOptions): Matrix {
    return mutualInformationMatrix(this[backendOf](), columns, opts);
  }

  /**
   * Information gain of a categorical feature for class labels (Quinlan 1986, ID3):
   * IG = H(Y) − H(Y | X) = I(X;Y), plug-in from their contingency table. Nats unless `base` says
   * otherwise (ID3 and C4.5 report bits: `base: "bits"`).
   */
  informationGain(labels: Labels, feature: Labels, opts?: UnitOptions): number {
    return informationGain(this[backendOf](), labels, feature, opts);
  }

  /**
   * C4.5's gain ratio (Quinlan 1993): IG / H(X), the information gain over the split information
   * H(X) of the feature; 0 when H(X) = 0 (a feature with one value). In [0, 1], unitless.
   */
  gainRatio(labels: Labels, feature: Labels): number {
    return gainRatio(this[backendOf](), labels, feature);
  }
}
