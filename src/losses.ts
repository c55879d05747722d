/**
 * Losses of machine learning: validate → one backend pass of per-row statistics → the loss.
 * All losses are in nats unless `base` says otherwise. Rows of logits are reduced to
 *   m = max z,  Σ = Σ_j exp(z_j − m),  lse = m + ln Σ     (log-sum-exp, never overflows)
 * and the per-row softmax cross-entropy with label y is (m − z_y) + ln Σ: exact for logits of any
 * magnitude (±1e4 included), because only differences z − m ≤ 0 are exponentiated.
 */
import type { Backend, FloatArray } from "./backend.js";
import { DOT_WIDTH, LSE_WIDTH } from "./backend.js";
import type { BinaryCrossEntropyOptions, ClassIndices, Labels, Matrix, MatrixLike, SoftmaxCrossEntropyOptions, UnitOptions, Vector } from "./types.js";
import { lnBase } from "./units.js";
import { labelFrequencyEntropy } from "./labels.js";
import {
  batchArg,
  describe,
  isMatrixLike,
  classIndexArg,
  matrixArg,
  pairArgs,
  reductionArg,
  scanError,
  smoothingArg,
  vectorArg,
  type Batch,
} from "./validate.js";
import { arrayValues } from "./arraylike.js";
import { backendOf } from "./facade.js";

const EPS64 = 2.220446049250313e-16;
const EPS32 = 1.1920928955078125e-7;

const isFinite = (v: number) => v > -Infinity && v < Infinity;

/** Logits: a matrix (rows = samples), or a vector taken as one row. */
function logitsArg(fn: string, name: string, x: unknown): Batch {
  return isMatrixLike(x) ? matrixArg(fn, name, x) : vectorArg(fn, name, x);
}

/** Pairwise sum of a[i0, i1) (error grows with log n). */
export function pairwiseSum(a: ArrayLike<number>, i0 = 0, i1 = a.length): number {
  if (i1 - i0 <= 64) {
    let s = 0;
    for (let i = i0; i < i1; i++) s += a[i];
    return s;
  }
  const mid = (i0 + i1) >> 1;
  return pairwiseSum(a, i0, mid) + pairwiseSum(a, mid, i1);
}

/**
 * [m, Σ exp(z − m), min, Σz] per row, checked: every logit must be finite. On failure names the
 * first NaN or infinite logit.
 */
function lseStats(fn: string, name: string, b: Backend, X: Batch, withSum: boolean): Float64Array {
  const s = b.lseRows(X.data, X.rows, X.cols, withSum);
  for (let r = 0, o = 0; r < X.rows; r++, o += LSE_WIDTH) {
    if (!(s[o] < Infinity && s[o + 2] > -Infinity && s[o + 1] >= 1 && s[o + 1] < Infinity)) {
      throw scanError(fn, name, X, r * X.cols, (r + 1) * X.cols, isFinite, `${name} must be finite`) ??
        new RangeError(`${fn}: ${X.vector ? name : `${name} row ${r}`} has no finite log-sum-exp`);
    }
  }
  return s;
}

function reduce(losses: Float64Array, reduction: "mean" | "sum" | "none", k: number): number | Float64Array {
  if (reduction === "none") {
    if (k !== 1) for (let i = 0; i < losses.length; i++) losses[i] /= k;
    return losses;
  }
  const s = pairwiseSum(losses) / k;
  return reduction === "sum" ? s : s / losses.length;
}

/** Shapes a row-wise (log-)softmax result like the input. */
function shaped(X: Batch, data: FloatArray): FloatArray | { data: FloatArray; rows: number; cols: number } {
  return X.vector ? data : { data, rows: X.rows, cols: X.cols };
}

function softmaxImpl(fn: string, b: Backend, logits: unknown, log: boolean) {
  const X = logitsArg(fn, "logits", logits);
  const s = lseStats(fn, "logits", b, X, false);
  const ctx = new Float64Array(2 * X.rows);
  for (let r = 0; r < X.rows; r++) {
    ctx[2 * r] = s[r * LSE_WIDTH];
    ctx[2 * r + 1] = log ? Math.log(s[r * LSE_WIDTH + 1]) : 1 / s[r * LSE_WIDTH + 1];
  }
  return shaped(X, b.softmaxRows(X.data, X.rows, X.cols, ctx, log));
}

/** log softmax(z)_j = z_j − m − ln Σ_k exp(z_k − m), row by row; same element type and shape as z. */
export function logSoftmax(b: Backend, logits: unknown) {
  return softmaxImpl("logSoftmax", b, logits, true);
}

/** softmax(z)_j = exp(z_j − m) / Σ_k exp(z_k − m), row by row; same element type and shape as z. */
export function softmax(b: Backend, logits: unknown) {
  return softmaxImpl("softmax", b, logits, false);
}

/** Per-row softmax cross-entropy in nats (no reduction), after every check. */
function softmaxCeRows(fn: string, b: Backend, logits: unknown, labels: unknown, eps: number): Float64Array {
  const X = logitsArg(fn, "logits", logits);
  labels = arrayValues(fn, "labels", labels); // an Arrow vector or array-like, before the hard/soft dispatch
  const soft = isMatrixLike(labels) || (X.vector && (labels instanceof Float64Array || labels instanceof Float32Array));
  const s = lseStats(fn, "logits", b, X, eps > 0);
  const K = X.cols;
  const out = new Float64Array(X.rows);
  if (!soft) {
    const y = classIndexArg(fn, "labels", labels, X.rows, K);
    for (let r = 0, o = 0; r < X.rows; r++, o += LSE_WIDTH) {
      const m = s[o];
      const lnS = Math.log(s[o + 1]);
      const nll = m - X.data[r * K + y[r]] + lnS;
      out[r] = eps > 0 ? (1 - eps) * nll + eps * (m - s[o + 3] / K + lnS) : nll;
    }
    return out;
  }
  const T = X.vector ? vectorArg(fn, "labels", labels) : matrixArg(fn, "labels", labels);
  if (T.rows !== X.rows || T.cols !== X.cols)
    throw new RangeError(`${fn}: soft labels are ${T.rows}×${T.cols} but logits are ${X.rows}×${X.cols}`);
  let t = T.data;
  let x = X.data;
  if (t instanceof Float32Array !== x instanceof Float32Array) {
    if (t instanceof Float32Array) t = Float64Array.from(t);
    else x = Float64Array.from(x);
  }
  const d = b.targetDotRows(t, x, X.rows, K);
  const tol = T.data instanceof Float32Array ? Math.max(1e-4, 4 * K * EPS32) : 1e-6;
  for (let r = 0, o = 0, q = 0; r < X.rows; r++, o += LSE_WIDTH, q += DOT_WIDTH) {
    const st = d[q];
    const what = T.vector ? "labels" : `labels row ${r}`;
    if (!(d[q + 2] >= 0 && st < Infinity && d[q + 1] === d[q + 1])) {
      throw scanError(fn, "labels", T, r * K, (r + 1) * K, (v) => v >= 0 && v < Infinity, "soft labels must be probabilities") ??
        new RangeError(`${fn}: ${what} overflows`);
    }
    if (!(Math.abs(st - 1) <= tol)) throw new RangeError(`${fn}: ${what} sums to ${st}; soft labels must be probabilities summing to 1`);
    const m = s[o];
    const lnS = Math.log(s[o + 1]);
    const ce = st * (m + lnS) - d[q + 1];
    out[r] = eps > 0 ? (1 - eps) * ce + eps * (m - s[o + 3] / K + lnS) : ce;
  }
  return out;
}

/**
 * Softmax cross-entropy −Σ_j t_j log softmax(z)_j of each row of logits z, where t is the one-hot
 * vector of an integer label (or a row of soft targets), smoothed to (1 − ε)·t + ε/K.
 */
export function softmaxCrossEntropy(b: Backend, logits: unknown, labels: unknown, opts: SoftmaxCrossEntropyOptions = {}): number | Float64Array {
  const fn = "softmaxCrossEntropy";
  const k = lnBase(opts.base, fn);
  const reduction = reductionArg(fn, opts.reduction);
  const eps = smoothingArg(fn, opts.labelSmoothing);
  return reduce(softmaxCeRows(fn, b, logits, labels, eps), reduction, k);
}

/** Perplexity exp(mean softmax cross-entropy in nats) of labels under logits (per token). */
export function perplexityFromLogits(b: Backend, logits: unknown, labels: unknown): number {
  const fn = "perplexityFromLogits";
  const ce = softmaxCeRows(fn, b, logits, labels, 0);
  return Math.exp(pairwiseSum(ce) / ce.length);
}

/** Perplexity b^(−mean log_b p) of log-probabilities taken in base b (default e); a matrix gives one per row. */
export function perplexity(b: Backend, logProbs: unknown, opts: UnitOptions = {}): number | Float64Array {
  const fn = "perplexity";
  const k = lnBase(opts.base, fn);
  const X = batchArg(fn, "logProbs", logProbs);
  const s = b.lseRows(X.data, X.rows, X.cols, true);
  const out = new Float64Array(X.rows);
  for (let r = 0, o = 0; r < X.rows; r++, o += LSE_WIDTH) {
    const sx = s[o + 3];
    if (!(s[o] <= 0) || sx !== sx) {
      const err = scanError(fn, "logProbs", X, r * X.cols, (r + 1) * X.cols, (v) => v <= 0, "log-probabilities must be ≤ 0 (−Infinity allowed)");
      if (err) throw err;
    }
    out[r] = Math.exp((-sx / X.cols) * k);
  }
  return X.vector ? out[0] : out;
}

/**
 * Binary cross-entropy −[y ln p + (1 − y) ln(1 − p)] per element (y in [0, 1], soft labels
 * allowed), p clipped to [ε, 1 − ε] with ε the machine epsilon of p's element type (float64
 * 2.22e-16, float32 1.19e-7), as scikit-learn's log_loss (≥ 1.5); with fromLogits p holds logits z
 * and ℓ = max(z, 0) − z·y + ln(1 + e^−|z|). Never NaN.
 */
export function binaryCrossEntropy(b: Backend, y: unknown, p: unknown, opts: BinaryCrossEntropyOptions = {}): number | Float64Array {
  const fn = "binaryCrossEntropy";
  const k = lnBase(opts.base, fn);
  const reduction = reductionArg(fn, opts.reduction);
  const fromLogits = opts.fromLogits === true;
  if (opts.fromLogits !== undefined && typeof opts.fromLogits !== "boolean")
    throw new TypeError(`${fn}: fromLogits must be a boolean, got ${describe(opts.fromLogits)}`);
  p = arrayValues(fn, "p", p); // an Arrow Float32 vector keeps its float32 eps
  const p32 = isMatrixLike(p) ? (p as { data?: unknown }).data instanceof Float32Array : p instanceof Float32Array;
  const eps = p32 ? EPS32 : EPS64;
  const [Y, P] = pairArgs(fn, "y", y, "p", p);
  const n = Y.data.length;
  let w: Batch | null = null;
  if (opts.sampleWeight !== undefined) {
    w = vectorArg(fn, "sampleWeight", opts.sampleWeight);
    if (w.cols !== n) throw new RangeError(`${fn}: sampleWeight has length ${w.cols}, but there are ${n} elements`);
    const e = scanError(fn, "sampleWeight", w, 0, n, (v) => v >= 0 && v < Infinity, "weights must be finite and non-negative");
    if (e) throw e;
  }
  const each = reduction === "none" || w ? new Float64Array(n) : null;
  const s = b.bce(Y.data, P.data, fromLogits, eps, each);
  const ok = s[0] === s[0] && s[1] >= 0 && s[2] >= -1 && (fromLogits ? s[0] < Infinity : s[3] >= 0 && s[4] >= -1);
  if (!ok) {
    const e =
      scanError(fn, "y", Y, 0, n, (v) => v >= 0 && v <= 1, "labels y must be in [0, 1]") ??
      (fromLogits
        ? scanError(fn, "p", P, 0, n, isFinite, "logits must be finite")
        : scanError(fn, "p", P, 0, n, (v) => v >= 0 && v <= 1, "probabilities p must be in [0, 1]"));
    if (e) throw e;
  }
  if (!w) {
    if (each) return reduce(each, reduction, k);
    return reduction === "sum" ? s[0] / k : s[0] / n / k;
  }
  const wd = w.data;
  let sw = 0;
  for (let i = 0; i < n; i++) {
    each![i] *= wd[i];
    sw += wd[i];
  }
  if (reduction === "none") return reduce(each!, "none", k);
  const total = pairwiseSum(each!) / k;
  if (reduction === "sum") return total;
  if (!(sw > 0)) throw new RangeError(`${fn}: sampleWeight sums to 0`);
  return total / sw;
}

/**
 * KL divergence D(N(μ, diag e^v) ‖ N(0, I)) = −½ Σ_j (1 + v_j − μ_j² − e^{v_j}) of a diagonal
 * Gaussian with log-variances v (the VAE regulariser): a vector → number, a matrix → one per row.
 */
export function gaussianKlToStandard(b: Backend, mu: unknown, logVar: unknown, opts: UnitOptions = {}): number | Float64Array {
  const fn = "gaussianKlToStandard";
  const k = lnBase(opts.base, fn);
  const [M, V] = pairArgs(fn, "mu", mu, "logVar", logVar);
  const s = b.gaussKlRows(M.data, V.data, M.rows, M.cols);
  const out = new Float64Array(M.rows);
  for (let r = 0; r < M.rows; r++) {
    if (!(s[r] < Infinity)) {
      const e =
        scanError(fn, "mu", M, r * M.cols, (r + 1) * M.cols, isFinite, "mu must be finite") ??
        scanError(fn, "logVar", V, r * M.cols, (r + 1) * M.cols, isFinite, "logVar must be finite");
      if (e) throw e;
    }
    out[r] = (0.5 * s[r]) / k;
  }
  return M.vector ? out[0] : out;
}

/**
 * The InfoNCE lower bound on mutual information, I(X; Y) ≥ ln K − CE, from a K×K critic score
 * matrix f(x_i, y_j) with the positive pairs on the diagonal: CE = mean over rows i of the
 * softmax cross-entropy of row i with label i. The bound never exceeds ln K (CE ≥ 0).
 */
export function infoNceBound(b: Backend, scores: unknown, opts: UnitOptions = {}): number {
  const fn = "infoNceBound";
  const k = lnBase(opts.base, fn);
  const S = matrixArg(fn, "scores", scores);
  if (S.rows !== S.cols) throw new RangeError(`${fn}: scores must be square (K×K, positives on the diagonal), got ${S.rows}×${S.cols}`);
  const s = lseStats(fn, "scores", b, S, false);
  const K = S.rows;
  const ce = new Float64Array(K);
  for (let r = 0, o = 0; r < K; r++, o += LSE_WIDTH) ce[r] = s[o] - S.data[r * K + r] + Math.log(s[o + 1]);
  return (Math.log(K) - pairwiseSum(ce) / K) / k;
}

/**
 * Entropy of the class frequencies of a label array: the cross-entropy risk of the best constant
 * model (predicting the class frequencies), the baseline any classifier must beat.
 */
export function baselineEntropy(b: Backend, labels: unknown, opts: UnitOptions = {}): number {
  return labelFrequencyEntropy(b, "baselineEntropy", "labels", labels, opts);
}

/** Selects the per-row overloads (`reduction: "none"` → Float64Array). */
type NoReduction = { reduction: "none" };

/**
 * Losses of machine learning. The engine's public methods of this family, installed on Engine by
 * src/engine.ts (see src/facade.ts).
 */
export abstract class LossMethods {
  /** @internal */
  declare readonly [backendOf]: () => Backend;

  /**
   * Row-wise log-softmax log softmax(z)_j = z_j − m − ln Σ_k e^(z_k − m), m = max z (stable for
   * any magnitude). Float32 in → Float32Array out, float64 (or number[]) → Float64Array; a matrix
   * gives a matrix of the same shape.
   */
  logSoftmax(logits: Float32Array): Float32Array;
  logSoftmax(logits: Float64Array | readonly number[]): Float64Array;
  logSoftmax(logits: MatrixLike): Matrix;
  logSoftmax(logits: Vector | MatrixLike): Float64Array | Float32Array | Matrix {
    return logSoftmax(this[backendOf](), logits) as Float64Array | Float32Array | Matrix;
  }

  /** Row-wise softmax e^(z_j − m) / Σ_k e^(z_k − m), m = max z; same element type and shape as z. */
  softmax(logits: Float32Array): Float32Array;
  softmax(logits: Float64Array | readonly number[]): Float64Array;
  softmax(logits: MatrixLike): Matrix;
  softmax(logits: Vector | MatrixLike): Float64Array | Float32Array | Matrix {
    return softmax(this[backendOf](), logits) as Float64Array | Float32Array | Matrix;
  }

  /**
   * Softmax cross-entropy −Σ_j t_j log softmax(z)_j per row of logits z (computed as
   * (m − z_y) + ln Σ e^(z − m), finite for any finite logits), t the one-hot vector of an integer
   * label (`labels`: one class index in [0, K) per row) or a row of soft targets (a matrix of
   * probabilities, same shape). `labelSmoothing` ε: t → (1 − ε)·t + ε/K. `reduction`: "mean"
   * (default) over rows, "sum", or "none" (Float64Array per row). Nats unless `base` says otherwise.
   */
  softmaxCrossEntropy(logits: Vector | MatrixLike, labels: ClassIndices | number | Vector | MatrixLike, opts: SoftmaxCrossEntropyOptions & NoReduction): Float64Array;
  softmaxCrossEntropy(logits: Vector | MatrixLike, labels: ClassIndices | number | Vector | MatrixLike, opts?: SoftmaxCrossEntropyOptions): number;
  softmaxCrossEntropy(logits: Vector | MatrixLike, labels: ClassIndices | number | Vector | MatrixLike, opts?: SoftmaxCrossEntropyOptions): number | Float64Array {
    return softmaxCrossEntropy(this[backendOf](), logits, labels, opts);
  }

  /**
   * Binary cross-entropy mean −[y ln p + (1 − y) ln(1 − p)] over all elements (y in [0, 1]); p is
   * clipped to [ε, 1 − ε], ε = machine epsilon of p's type (float64 2.22e-16, float32 1.19e-7), as
   * scikit-learn's log_loss (≥ 1.5), so p = 0 or 1 gives a large finite loss, never NaN.
   * `fromLogits`: p holds logits z, ℓ = max(z, 0) − z·y + ln(1 + e^−|z|) (stable). `sampleWeight`
   * weights elements; `reduction` "mean" | "sum" | "none" (Float64Array per element).
   */
  binaryCrossEntropy(y: Vector | MatrixLike, p: Vector | MatrixLike, opts: BinaryCrossEntropyOptions & NoReduction): Float64Array;
  binaryCrossEntropy(y: Vector | MatrixLike, p: Vector | MatrixLike, opts?: BinaryCrossEntropyOptions): number;
  binaryCrossEntropy(y: Vector | MatrixLike, p: Vector | MatrixLike, opts?: BinaryCrossEntropyOptions): number | Float64Array {
    return binaryCrossEntropy(this[backendOf](), y, p, opts);
  }

  /**
   * Perplexity b^(−mean log_b p) of log-probabilities taken in base b (`base`, default e: the
   * same number whatever the base, as long as it is the one the log-probs were taken in).
   * −Infinity (p = 0) gives Infinity. A matrix gives one perplexity per row.
   */
  perplexity(logProbs: Vector, opts?: UnitOptions): number;
  perplexity(logProbs: MatrixLike, opts?: UnitOptions): Float64Array;
  perplexity(logProbs: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return perplexity(this[backendOf](), logProbs, opts);
  }

  /** Perplexity exp(mean softmax cross-entropy in nats) of the labels under the logits. */
  perplexityFromLogits(logits: Vector | MatrixLike, labels: ClassIndices | number | Vector | MatrixLike): number {
    return perplexityFromLogits(this[backendOf](), logits, labels);
  }

  /**
   * KL divergence D(N(μ, diag e^v) ‖ N(0, I)) = −½ Σ (1 + v − μ² − e^v), v = log-variance (the VAE
   * regulariser), computed without cancellation near v = 0. Vectors → number, matrices → per row.
   */
  gaussianKlToStandard(mu: Vector, logVar: Vector, opts?: UnitOptions): number;
  gaussianKlToStandard(mu: MatrixLike, logVar: MatrixLike, opts?: UnitOptions): Float64Array;
  gaussianKlToStandard(mu: Vector | MatrixLike, logVar: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return gaussianKlToStandard(this[backendOf](), mu, logVar, opts);
  }

  /**
   * InfoNCE lower bound I(X; Y) ≥ ln K − CE from a K×K critic score matrix (positives on the
   * diagonal; CE = mean over rows i of the softmax cross-entropy with label i). It saturates at
   * ln K: however strong the dependence, a batch of K certifies at most ln K nats.
   */
  infoNceBound(scores: MatrixLike, opts?: UnitOptions): number {
    return infoNceBound(this[backendOf](), scores, opts);
  }

  /** Entropy of the class frequencies of `labels` (of any kind, as `entropyLabels`): the risk of the best constant model. */
  baselineEntropy(labels: Labels, opts?: UnitOptions): number {
    return baselineEntropy(this[backendOf](), labels, opts);
  }
}
