/**
 * The Backend interface: one method per kernel, typed arrays in, sums out.
 *
 * Kernels return raw per-row sums over unnormalised weights; the engine turns them into
 * normalised quantities (and checks them), so that the finishing formulas exist once. Two
 * implementations: `js/` (the readable reference) and `wasm/` (AssemblyScript, with and
 * without SIMD). Each family of kernels (discrete, …) is its own interface, implemented once
 * in js/<family>.ts and once in wasm/<family>.ts; a parity test holds them together.
 */

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
  dotRows(t: FloatArray, x: FloatArray, rows: number, cols: number): Float64Array;
  /**
   * Binary cross-entropy over all elements: ℓ = −[y ln p̂ + (1 − y) ln(1 − p̂)], p̂ = p clipped to
   * [eps, 1 − eps] (0·ln = 0), or with `fromLogits` ℓ = max(z, 0) − z·y + ln(1 + e^−|z|).
   * Returns [Σℓ, min y, min −y, min p, min −p]; writes every ℓ into `each` when given.
   */
  bce(y: FloatArray, p: FloatArray, fromLogits: boolean, eps: number, each: Float64Array | null): Float64Array;
  /** Per row: Σ μ² + (e^v − 1 − v) over v = log-variances (twice the KL to N(0, I)). */
  gaussKlRows(mu: FloatArray, logVar: FloatArray, rows: number, cols: number): Float64Array;
}

export interface Backend extends DiscreteKernels, LossKernels {
  readonly name: "js" | "wasm" | "wasm-simd";
  /** Bytes of WASM memory held (0 for js). */
  memoryBytes(): number;
  close(): void;
}
