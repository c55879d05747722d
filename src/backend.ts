/**
 * The Backend interface: one method per kernel, typed arrays in, sums out.
 *
 * Kernels return raw per-row sums over unnormalised weights; the engine turns them into
 * normalised quantities (and checks them), so that the finishing formulas exist once. Two
 * implementations: `js/` (the readable reference) and `wasm/` (AssemblyScript, with and
 * without SIMD). Each family of kernels (discrete, …) is its own interface, implemented once
 * in js/<family>.ts and once in wasm/<family>.ts; a parity test holds them together.
 */

import type { ResidentHeap } from "./wasm/resident.js";

export type FloatArray = Float64Array | Float32Array;

/** Per-row output widths of the row kernels (f64 values per row). */
export const ENTROPY_WIDTH = 3; // [S = Σw, T = Σ w ln w, min w]
export const PAIR_WIDTH = 6; //    [Sp, Sq, Σ p·f(p, q), min p, min q, #(q = 0 < p)]
export const SUM_WIDTH = 2; //     [Σx, min x]

/** Kernels of the discrete measures (src/discrete.ts). */
export interface DiscreteKernels {
  /** Per row: [Σw, Σ w·ln w (0·ln 0 = 0), min w]. */
  entropyRows(x: FloatArray, rows: number, cols: number): Float64Array;
  /** Per row: [Σp, Σq, Σ_{p>0,q>0} p·ln q, min p, min q, #(q = 0 < p)]. */
  crossEntropyRows(p: FloatArray, q: FloatArray, rows: number, cols: number): Float64Array;
  /** Per row: [Σp, Σq, Σ_{p>0,q>0} p·ln(p/q), min p, min q, #(q = 0 < p)]. */
  klRows(p: FloatArray, q: FloatArray, rows: number, cols: number): Float64Array;
  /**
   * Per row: Σ P ln(P/M) + Q ln(Q/M) with P = a·p, Q = b·q, M = (P + Q)/2, where
   * `scale` holds [a, b] per row (terms with P = 0 or Q = 0 contribute 0).
   */
  jsRows(p: FloatArray, q: FloatArray, rows: number, cols: number, scale: Float64Array): Float64Array;
  /** Per row: [Σx, min x]. */
  sumRows(x: FloatArray, rows: number, cols: number): Float64Array;
  /** Elementwise ln x (ln 0 = −Infinity). */
  ln(x: FloatArray): Float64Array;
  /** Row sums and column sums of a rows×cols table. */
  marginals(t: FloatArray, rows: number, cols: number): { rowSums: Float64Array; colSums: Float64Array };
  /** Σ_{t>0} t·ln(t / (rowSums[i]·colSums[j])). */
  miTable(t: FloatArray, rows: number, cols: number, rowSums: Float64Array, colSums: Float64Array): number;
}

/** Label arrays as the kernels take them: non-negative integers (validated by the engine). */
export type LabelArray = Int32Array | Uint32Array;

/**
 * A contingency table as a counting kernel returns it, in id form: rows and columns are ids
 * with their labels in rowLabels / colLabels, marginals by id (a row or column sum may be 0 on the
 * dense path, whose ids are the labels themselves), and the nonzero cells as three parallel arrays.
 */
export interface RawContingency {
  rowLabels: Uint32Array;
  colLabels: Uint32Array;
  rowSums: Float64Array;
  colSums: Float64Array;
  cellRow: Int32Array;
  cellCol: Int32Array;
  cellCount: Float64Array;
  /** True when ids ascend with their labels and the cells are in row-major order. */
  sorted: boolean;
}

/** Cells of a dense table at most (u32 counts: 16 MiB); a larger label range counts sparsely. */
export const DENSE_CELLS = 1 << 22;

/**
 * Whether an R×C table of label (or id) pairs is counted densely: it must fit DENSE_CELLS and not
 * dwarf the number of samples n (scanning the table must not cost more than counting).
 */
export function denseFits(R: number, C: number, n: number): boolean {
  const cells = R * C;
  return cells <= DENSE_CELLS && cells <= Math.max(1 << 16, 16 * n);
}

/** Kernels of the label measures (src/labels.ts, src/contingency.ts). */
export interface LabelKernels {
  /** [min of x read as signed int32, max of x read as unsigned uint32]. */
  labelRange(x: LabelArray): [number, number];
  /**
   * The contingency table of the pairs (a[i], b[i]), labels at most maxA / maxB: a dense
   * (maxA+1)×(maxB+1) count table when denseFits, else labels hashed to dense ids first and the
   * id pairs counted densely (when denseFits(ids)) or in a pair hash. Never a table that cannot fit.
   */
  countPairs(a: LabelArray, b: LabelArray, maxA: number, maxB: number): RawContingency;
  /**
   * Numeric labels of any magnitude (integral float64; −0 is 0) numbered 0, 1, … in order of
   * first appearance: ids[i] is the id of x[i] and values[id] its label. (src/label-codes.ts
   * sorts the values and renumbers, as numpy.unique.)
   */
  labelIds(x: Float64Array): { ids: Uint32Array; values: Float64Array };
  /**
   * Expected mutual information (nats) under the hypergeometric model of two labelings with
   * distinct row sums a (multiplicities ma) and distinct column sums b (mb) over n samples:
   * Σ_{i,j} ma_i mb_j Σ_k (k/n)·ln(n·k/(a_i b_j))·P(k | a_i, b_j, n), P the hypergeometric pmf.
   */
  expectedMI(a: Float64Array, ma: Float64Array, b: Float64Array, mb: Float64Array, n: number): number;
}

/**
 * How one axis is binned (src/histogram-bins.ts): n bins between n + 1 non-decreasing edges;
 * bin i holds edges[i] ≤ x < edges[i+1], the last bin also x = edges[n]. Equal-width binners
 * (`uniform`) index by i = ⌊(x − first)·norm⌋ corrected by one against the edges (NumPy's
 * correction); others by binary search. Samples outside [first, last] are dropped.
 */
export interface BinSpec {
  edges: Float64Array;
  n: number;
  uniform: boolean;
  first: number;
  last: number;
  norm: number;
}

/** Counts of one binning pass: `bad` > 0 when some sample was NaN or ±Infinity (the engine then names it). */
export interface BinCounts {
  counts: Float64Array;
  bad: number;
}

/** Kernels of the histogram family (src/histogram.ts). */
export interface HistogramKernels {
  /** [min x, max x, #non-finite] (min/max over the finite elements; ±Infinity when none). */
  minMax(x: FloatArray): Float64Array;
  /** Per column of the rows×cols row-major X: [min, max, #non-finite] (3 values per column). */
  columnMinMax(X: FloatArray, rows: number, cols: number): Float64Array;
  /** counts[i] = #{k : x[k] in bin i of bx}. */
  histogram1d(x: FloatArray, bx: BinSpec): BinCounts;
  /** The bin of each sample of x under bx (−1 outside [first, last] or NaN), and `bad` > 0 when some sample is not finite. */
  binCodes(x: FloatArray, bx: BinSpec): { codes: Int32Array; bad: number };
  /** counts[i·by.n + j] = #{k : x[k] in bin i of bx and y[k] in bin j of by} (row-major bx.n × by.n). */
  histogram2d(x: FloatArray, y: FloatArray, bx: BinSpec, by: BinSpec): BinCounts;
  /**
   * One table per column of the rows×cols row-major X against the row classes `yIdx` (0 ≤ yIdx < k,
   * −1 drops the row): tables concatenated, column j's table (bins[j].n × k, row-major) at
   * offset Σ_{j'<j} bins[j'].n·k.
   */
  columnCounts(X: FloatArray, rows: number, cols: number, bins: readonly BinSpec[], yIdx: Int32Array, k: number): BinCounts;
}

/** Per-row output widths of the grid kernels (src/integrate.ts, src/grid.ts). */
export const GRID_ENTROPY_WIDTH = 3; // [Σ w·f, Σ w·f·ln(f + a), min f]
export const GRID_PAIR_WIDTH = 6; //    [Σ w·f, Σ w·g, Σ w·t, min f, min g, #(g + b = 0 < f)]

/**
 * Kernels of grid integration and of densities sampled on a grid. Rules are linear in the
 * samples, ∫ y ≈ Σ w_i·y_i: uniform rules use the even/odd sums of each row (the engine adds the
 * end corrections), other rules a weight vector `w` of one row (length cols) shared by all rows.
 * In the two-operand kernels `g` is either rows×cols (one row per row of f) or a single row of
 * cols samples shared by every row of f (`g.length < f.length`); `ctx` holds 2 f64 per row.
 */
export interface IntegrateKernels {
  /** Per row: [Σ_{i even} y_i, Σ_{i odd} y_i] (i counted from the row start). */
  sumEvenOddRows(y: FloatArray, rows: number, cols: number): Float64Array;
  /** Per row: Σ_i w_i·y_i. */
  dotRows(y: FloatArray, rows: number, cols: number, w: Float64Array): Float64Array;
  /**
   * rows×(cols−1) running sums c_i = Σ_{j=1..i} d_j·(y_{j−1} + y_j)/2 (sequential, as
   * scipy.integrate.cumulative_trapezoid), d_j = x_j − x_{j−1}, or dx when x is null.
   */
  cumulativeTrapezoidRows(y: FloatArray, rows: number, cols: number, x: Float64Array | null, dx: number): Float64Array;
  /** Per row: [Σ w·f, Σ_{f>0} w·f·ln(f + a), min f], a = ctx[2r]. */
  gridEntropyRows(f: FloatArray, rows: number, cols: number, w: Float64Array, ctx: Float64Array): Float64Array;
  /** Per row: [Σ w·f, Σ w·g, Σ_{f>0, g+b>0} w·f·ln(g + b), min f, min g, #(g + b = 0 < f)], b = ctx[2r+1]. */
  gridCrossRows(f: FloatArray, g: FloatArray, rows: number, cols: number, w: Float64Array, ctx: Float64Array): Float64Array;
  /** Per row: [Σ w·f, Σ w·g, Σ_{f>0, g+b>0} w·f·ln((f + a)/(g + b)), min f, min g, #(g + b = 0 < f)]. */
  gridKlRows(f: FloatArray, g: FloatArray, rows: number, cols: number, w: Float64Array, ctx: Float64Array): Float64Array;
  /**
   * Per row: [Σ w·f, Σ w·g, Σ w·(P ln(P/M) + Q ln(Q/M)), min f, min g, 0] with P = a·f, Q = b·g,
   * M = (P + Q)/2, [a, b] = ctx[2r], ctx[2r+1] (terms with P = 0 or Q = 0 contribute 0).
   */
  gridJsRows(f: FloatArray, g: FloatArray, rows: number, cols: number, w: Float64Array, ctx: Float64Array): Float64Array;
}

/** Per-row output widths of the loss kernels. */
export const LSE_WIDTH = 4; //  [m = max x, Σ exp(x − m), min x, Σx]
export const DOT_WIDTH = 3; //  [Σt, Σ t·x, min t]
export const BCE_WIDTH = 5; //  [Σℓ, min y, min −y, min p, min −p]

/** Kernels of the losses (src/losses.ts). All logs natural. */
export interface LossKernels {
  /**
   * Per row of logits: [m = max x, Σ exp(x − m), min x, Σx], so that log-sum-exp = m + ln Σ.
   * Σx is computed only when `withSum` (else 0). A NaN or +Infinity anywhere makes Σ exp NaN.
   */
  lseRows(x: FloatArray, rows: number, cols: number, withSum: boolean): Float64Array;
  /**
   * Row-wise log-softmax (`log`) or softmax of x into a new array of x's element type, given
   * ctx = [m, c] per row: log → x − m − c (c = ln Σ exp(x − m)); else exp(x − m)·c (c = 1/Σ).
   */
  softmaxRows(x: FloatArray, rows: number, cols: number, ctx: Float64Array, log: boolean): FloatArray;
  /** Per row of soft targets t and logits x (same element type): [Σt, Σ t·x, min t]. */
  targetDotRows(t: FloatArray, x: FloatArray, rows: number, cols: number): Float64Array;
  /**
   * Binary cross-entropy over all elements: ℓ = −[y ln p̂ + (1 − y) ln(1 − p̂)], p̂ = p clipped to
   * [eps, 1 − eps] (0·ln = 0), or with `fromLogits` ℓ = max(z, 0) − z·y + ln(1 + e^−|z|).
   * Returns [Σℓ, min y, min −y, min p, min −p]; writes every ℓ into `each` when given.
   */
  bce(y: FloatArray, p: FloatArray, fromLogits: boolean, eps: number, each: Float64Array | null): Float64Array;
  /** Per row: Σ μ² + (e^v − 1 − v) over v = log-variances (twice the KL to N(0, I)). */
  gaussKlRows(mu: FloatArray, logVar: FloatArray, rows: number, cols: number): Float64Array;
}

/** Metric codes of the kNN kernels. */
export const KNN_MAX = 0;
export const KNN_EUCLIDEAN = 1;

/**
 * The largest double below x (x > 0), or 0 for x = 0: scikit-learn's np.nextafter(ε, 0), the
 * radius of every "strictly closer than ε" count of the kNN family (ksgColumns, rossColumns and
 * src/knn.ts; assembly/knn.ts has its twin).
 */
export function radiusBelow(x: number): number {
  if (!(x > 0)) return 0;
  F64[0] = x;
  if (U32[0] === 0) {
    U32[0] = 0xffffffff;
    U32[1] -= 1;
  } else U32[0] -= 1;
  return F64[0];
}
const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/**
 * Kernels of the kNN family (src/knn.ts; one neighbour search behind all of them, see
 * src/js/knn.ts). Points are n×d row-major float64; `metric` 0 = max-norm, 1 = Euclidean; queries
 * are the rows q0 ≤ i < q1 (so the pool can split them), each result row (q1 − q0) long.
 * Results are distances and integer counts only: no logarithm is taken in a kernel.
 */
export interface KnnKernels {
  /**
   * Per query row i: [ε_i], the distance to its k-th nearest other row (ties by the lower row);
   * with split > 0 also the largest distance among those k in dims [0, split) and in [split, d):
   * [ε_i, ε_x, ε_y] (max-norm).
   */
  knnDistances(points: Float64Array, n: number, d: number, k: number, metric: number, split: number, q0: number, q1: number): Float64Array;
  /** Per query row i of the m×d `query`: the distance to its k-th nearest row of the n×d `ref`. */
  knnCross(query: Float64Array, m: number, ref: Float64Array, n: number, d: number, k: number, metric: number, q0: number, q1: number): Float64Array;
  /** Per query row i: #{j ≠ i : max-norm distance(i, j) ≤ radius[i − q0]}. */
  countWithin(points: Float64Array, n: number, d: number, radius: Float64Array, q0: number, q1: number): Int32Array;
  /**
   * KSG algorithm-1 counts of each column c0 ≤ c < c1 of the n×cols X against y (both 1-D):
   * ε_i from the max-norm k-NN in (x, y), r_i = the double below ε_i (0 when ε_i = 0), then
   * n_x(i) = #{j ≠ i : |x_j − x_i| ≤ r_i} at [(c − c0)·2n + i] and n_y(i) at [(c − c0)·2n + n + i].
   */
  ksgColumns(X: Float64Array, n: number, cols: number, y: Float64Array, k: number, c0: number, c1: number): Int32Array;
  /**
   * Ross (2014) counts of each column c0 ≤ c < c1 of X against class ids `labels` (0 … classes − 1,
   * every class with ≥ 2 rows): r_i = the double below the distance from x_i to its kc[class]-th
   * nearest other value of its class, m_i = #{j : |x_j − x_i| ≤ r_i} (i itself included) at
   * [(c − c0)·n + i].
   */
  rossColumns(X: Float64Array, n: number, cols: number, labels: Int32Array, classes: number, kc: Int32Array, c0: number, c1: number): Int32Array;
}

/**
 * Kernels of the permutation tests and bootstrap intervals (src/resampling.ts). Permutation or
 * resample k (k0 ≤ k < k1) draws from its own generator stream, the 4 words states[4k …]
 * (Random.streams), so the pool can split k across threads and get the same values.
 */
export interface ResamplingKernels {
  /**
   * Σ_cells g[n_ij] of the table of each permutation of the column codes `col` (0 … cols − 1)
   * against the rows: the pairs are sorted by row, row r at positions rowStart[r] … rowStart[r + 1] − 1
   * (rows + 1 offsets); g has an entry for every possible cell count.
   */
  permutationSums(col: Uint32Array, rowStart: Int32Array, rows: number, cols: number, g: Float64Array, states: Uint32Array, k0: number, k1: number): Float64Array;
  /**
   * Σ_cells g[n_ij] of random tables with margins rowSums × colSums (the distribution of the
   * table of a random permutation), one per stream; lf[i] = ln i! for i = 0 … n.
   */
  tableSums(rowSums: Float64Array, colSums: Float64Array, lf: Float64Array, g: Float64Array, states: Uint32Array, k0: number, k1: number): Float64Array;
  /**
   * The cell counts of bootstrap resamples of a table's n = Σ counts pairs (a multinomial draw
   * over its cells): (k1 − k0)·cells values; lf[i] = ln i!, ln[i] = ln i for i = 0 … n.
   */
  multinomialCounts(counts: Float64Array, lf: Float64Array, ln: Float64Array, states: Uint32Array, k0: number, k1: number): Float64Array;
  /** The cell counts of each bootstrap resample of the pairs (pair i in cell[i] < cells): (k1 − k0)·cells values. */
  bootstrapCounts(cell: Uint32Array, cells: number, states: Uint32Array, k0: number, k1: number): Float64Array;
}

/**
 * Kernels of the entropy estimators (src/estimators.ts; reference src/js/estimators.ts). Rows are
 * count vectors; the engine checks the counts from what the kernels return and finishes each
 * estimator in TypeScript (one formula for every backend).
 */
export interface EstimatorKernels {
  /**
   * Per row, COUNT_WIDTH (9) values: [N = Σn, T = Σ n ln n, m = #(n > 0), f1 = #(n = 1), Q = Σ n²,
   * E = Σ n·(ln n − G(n)), J = Σ n·h(n), min n, #(n that is not a non-negative integer)], G Grassberger's
   * function and h(n) = −(n − 1) ln(1 − 1/n) (src/js/estimators.ts); E and J over integer counts only.
   */
  countStatsRows(x: FloatArray, rows: number, cols: number): Float64Array;
  /** Per row: Σ t ln t over t = a + b·n > 0, [a, b] = ctx[2r], ctx[2r + 1] (shrinkage estimator). */
  shrinkRows(x: FloatArray, rows: number, cols: number, ctx: Float64Array): Float64Array;
  /** Per row: Σ_{n>0} −p ln p / (1 − (1 − p)^N), p = c·n, [c, N] = ctx[2r], ctx[2r + 1] (Chao–Shen). */
  chaoShenRows(x: FloatArray, rows: number, cols: number, ctx: Float64Array): Float64Array;
}

/** Kernels of the many-variable measures (src/multivariate.ts; reference src/js/multivariate.ts). */
export interface MultivariateKernels {
  /**
   * The count tables of the column pairs p0 ≤ p < p1 of `pairs` (pair p = columns pairs[2p],
   * pairs[2p + 1]): `codes` holds d columns of n codes one after the other (column c at
   * codes[c·n …], codes in 0 … k[c] − 1); the table of pair (i, j) is k[i] × k[j] counts,
   * row-major (rows index column i), the tables concatenated in pair order.
   */
  pairTables(codes: Int32Array, n: number, k: Int32Array, pairs: Int32Array, p0: number, p1: number): Float64Array;
}

/** The kernel of the time-series family (src/dynamics.ts; reference src/js/dynamics.ts). */
export interface DynamicsKernels {
  /**
   * The history tables of the series pairs p0 ≤ p < p1 of `pairs` (pair p = target row pairs[2p],
   * source row pairs[2p + 1]): `codes` holds the series one after the other, row r at element r·n,
   * codes 0 … radix − 1 of `width` bytes each (4: the Int32Array's elements; 1: its bytes, radix ≤ 256,
   * a quarter of the memory to copy and read). For t = t0 … n − 1, t0 = max(k, lag + l − 1) (l = 0: k), the state
   * (y_t, y_{t−k … t−1}, x_{t−lag−l+1 … t−lag}) is counted in cell (yp·R + y_t)·R^l + xp of a
   * table of R^(1+k+l) counts (R = radix; yp, xp the histories in base R, the latest value least
   * significant; l = 0: no source). The tables are concatenated in pair order.
   */
  historyCounts(codes: Int32Array, width: 1 | 4, n: number, radix: number, pairs: Int32Array, k: number, l: number, lag: number, p0: number, p1: number): Float64Array;
}

/**
 * The kernel of the decision-tree splits (src/trees.ts; reference src/js/trees.ts). Each column
 * c0 ≤ c < c1 of the n×cols row-major X against class ids `codes` (0 … classes − 1):
 * sorted once, swept once, scored at each boundary between distinct values with the table t
 * (n + 1 entries: i ln i for entropy, i² for Gini, `gini` 1); a boundary wins when its score
 * exceeds the best so far by more than `tol`. Per column 2 + classes values: [threshold, n_L,
 * the left side's class counts …], n_L = 0 for a column with a single distinct value, −1 for a
 * column holding NaN or ±Infinity (then nothing else is computed for it).
 */
export interface TreeKernels {
  bestSplitColumns(X: Float64Array, n: number, cols: number, codes: Int32Array, classes: number, table: Float64Array, gini: number, tol: number, c0: number, c1: number): Float64Array;
}

/**
 * Kernels of the divergence family (src/divergences.ts; reference src/js/divergences.ts). The row
 * kernels read the normalised rows P = a·p, Q = b·q from `ctx` (2 f64 per row); the engine has
 * checked the weights and finishes each measure in TypeScript.
 */
export interface DivergenceKernels {
  /**
   * Per row: [Σ_{P>0} P·(P^(α−1) − 1), Σ_{P>0} P^α, min(−P), #(P > 0)] of P = x/S, with
   * S = ctx[2r] (the row's sum) and α = ctx[2r+1] (α = Infinity: both sums 0).
   */
  powerRows(x: FloatArray, rows: number, cols: number, ctx: Float64Array): Float64Array;
  /** Per row: [Σ (√P − √Q)², Σ |P − Q|, Σ √P·√Q], P = ctx[2r]·p, Q = ctx[2r+1]·q. */
  hellingerRows(p: FloatArray, q: FloatArray, rows: number, cols: number, ctx: Float64Array): Float64Array;
  /** Per row of raw weights: [Σp, Σq, Σ √(p·q), min p, min q] (one pass: the Bhattacharyya coefficient's fast path). */
  bcRawRows(p: FloatArray, q: FloatArray, rows: number, cols: number): Float64Array;
  /** Per row of raw weights: [Σp, Σq, Σ_{q>0} p·(p/q), min p, min q, #(q = 0 < p)] (one pass: χ²'s fast path). */
  chiRawRows(p: FloatArray, q: FloatArray, rows: number, cols: number): Float64Array;
  /** Per row: [Σ_{Q>0} (P − Q)²/Q, #(Q = 0 < P)], P = ctx[2r]·p, Q = ctx[2r+1]·q. */
  chiSquareRows(p: FloatArray, q: FloatArray, rows: number, cols: number, ctx: Float64Array): Float64Array;
  /**
   * Per row, over raw weights with c = ctx[2r] = Σq/Σp, α = ctx[2r+1] and r = c·p/q:
   * [Σ q·ψ(r) (ψ(r) = r^α − 1 − α(r − 1); p = 0 < q: (α − 1)q; q = 0 < p: −α·c·p if α < 1),
   * Σ_{p,q>0} q·r^α, min over p > 0 of −p/q, #(q = 0 < p)]. α = Infinity: both sums 0.
   */
  renyiDivRows(p: FloatArray, q: FloatArray, rows: number, cols: number, ctx: Float64Array): Float64Array;
  /**
   * ∫ |U − V|^power (power 1 or 2) of the CDFs of the sorted samples u, v with weights uw, vw
   * (null: 1 each), as scipy.stats's _cdf_distance before its final root.
   */
  cdfDistance(u: Float64Array, uw: Float64Array | null, v: Float64Array, vw: Float64Array | null, power: number): number;
}

/**
 * Kernels of the channels family (src/channels.ts; reference src/js/channels.ts, twin
 * assembly/channels.ts): each runs a whole iteration loop on float64 inputs the engine validated,
 * with e^x and ln x of their own (bit-identical on every backend, so the same iteration counts).
 */
export interface ChannelKernels {
  /** Blahut–Arimoto capacity of the nx×ny channel W (rows distributions): [I_L (nats), gap, iterations, p (nx)…]. */
  capacityBA(W: Float64Array, nx: number, ny: number, tol: number, maxIter: number): Float64Array;
  /** Blahut's rate–distortion point at slope −β: [R (nats), D, gap, iterations, q(x̂) (nh)…]. */
  rateDistortionBA(p: Float64Array, d: Float64Array, nx: number, nh: number, beta: number, tol: number, maxIter: number): Float64Array;
  /** The iterative information bottleneck from encoder `enc` (nx×nt): [iterations, largest change, encoder (nx·nt)…]. */
  informationBottleneckIB(px: Float64Array, pyx: Float64Array, enc: Float64Array, nx: number, ny: number, nt: number, beta: number, tol: number, maxIter: number): Float64Array;
}

/**
 * Kernels of the time-series complexity measures (src/complexity.ts; reference
 * src/js/complexity.ts, twin assembly/complexity.ts). Series are float64 rows (the engine converts
 * float32 exactly); results are exact integer counts, finished in TypeScript once for every backend.
 */
export interface ComplexityKernels {
  /**
   * Per row of the rows×cols x: the counts of the order! ordinal patterns of (x_t, x_{t+delay}, …),
   * t = 0 … cols − 1 − (order − 1)·delay, at [row·order! + code], code the Lehmer code of the
   * stable ranks (of equal values the earlier ranks lower).
   */
  ordinalCountsRows(x: Float64Array, rows: number, cols: number, order: number, delay: number): Float64Array;
  /**
   * Template matches in the Chebyshev distance with tolerance r[row], counting only the pairs whose
   * lower position in the order of the templates sorted by first value lies in [p0, p1) (the pool
   * splits that range; partial results add). perTemplate 0: [B, A] per row, the pairs i < j of the
   * first cols − m templates within r at length m and at m + 1. perTemplate 1: 2·(cols − m + 1)
   * values per row, each template's matches (self excluded) at length m, then at m + 1.
   */
  templateMatches(x: Float64Array, rows: number, cols: number, m: number, r: Float64Array, perTemplate: number, p0: number, p1: number): Float64Array;
}

export interface Backend
  extends DiscreteKernels,
    EstimatorKernels,
    LabelKernels,
    HistogramKernels,
    IntegrateKernels,
    LossKernels,
    KnnKernels,
    ResamplingKernels,
    MultivariateKernels,
    DynamicsKernels,
    TreeKernels,
    DivergenceKernels,
    ChannelKernels,
    ComplexityKernels {
  readonly name: "js" | "wasm" | "wasm-simd";
  /** Where it.allocate() places zero-copy arrays (WASM backends; the engine uses plain arrays otherwise). */
  readonly resident?: ResidentHeap;
  /** Bytes of WASM memory held (0 for js). */
  memoryBytes(): number;
  close(): void;
}
