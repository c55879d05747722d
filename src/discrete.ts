/**
 * The discrete measures: validate → one backend pass of raw sums → the normalised quantity.
 * Every vector (row) is normalised to sum 1 first, as scipy.stats.entropy does, so counts can be
 * passed directly; 0·log 0 = 0. With S = Σw the formulas over raw weights are
 *   H(p)     = ln S − (Σ w ln w)/S
 *   H(p, q)  = ln Sq − (Σ p ln q)/Sp
 *   D(p‖q)   = (Σ p ln(p/q))/Sp + ln(Sq/Sp)
 * all in nats, then divided by ln(base).
 *
 * Small calls: a vector of at most smallMax(backend) elements goes through the fused JS loops of
 * src/js/discrete-small.ts (no WASM copy, no intermediate arrays); anything they decline (bad
 * input, tiny sums) comes here, to the normal path, which names the offending element.
 *
 * Tiny rows: a row whose weights sum below TINY = 2^-968 (subnormal weights) is multiplied by
 * 2^1000 — exact, and the normalised distribution is unchanged — and summed again, so that
 * products w·ln w keep full precision, 1/S stays finite, and the WASM fast log (inexact for
 * subnormal arguments) is never given one that matters.
 */
import type { Backend } from "./backend.js";
import { ENTROPY_WIDTH, PAIR_WIDTH, SUM_WIDTH } from "./backend.js";
import type { MatrixLike, UnitOptions, Vector } from "./types.js";
import { lnBase, lnBaseOf } from "./units.js";
import { batchArg, checkTotal, checkWeights, matrixArg, pairArgs, type Batch } from "./validate.js";
import { lnQuotient } from "./js/discrete.js";
import { TINY, type SmallVector, crossEntropySmall, entropySmall, jsSmall, klSmall, isSmallPair, isSmallVector, smallMax, surprisalSmall } from "./js/discrete-small.js";
import { backendOf } from "./facade.js";

/** A batch's per-row results as the caller expects them: a number for a vector, else the array. */
export function shape(b: Batch, values: Float64Array): number | Float64Array {
  return b.vector ? values[0] : values;
}

const UP = 2 ** 1000;

/** A copy of b with each row whose sum (stats[r·width + at]) is below TINY multiplied by 2^1000, or null if there is none. */
export function rescaleTiny(b: Batch, stats: Float64Array, width: number, at: number): Batch | null {
  let data: Float64Array | null = null;
  for (let r = 0; r < b.rows; r++) {
    if (!(stats[r * width + at] < TINY)) continue;
    data ??= Float64Array.from(b.data);
    for (let i = r * b.cols; i < (r + 1) * b.cols; i++) data[i] *= UP;
  }
  return data ? { ...b, data } : null;
}

export function entropy(b: Backend, p: unknown, opts?: UnitOptions, fn = "entropy"): number | Float64Array {
  const k = lnBaseOf(opts, fn);
  if (isSmallVector(fn, "p", p, smallMax(b.name))) {
    const h = entropySmall(p);
    if (h === h) return h / k;
  }
  const x = batchArg(fn, "p", p);
  const out = entropyNats(b, fn, "p", x);
  for (let r = 0; r < x.rows; r++) out[r] /= k;
  return shape(x, out);
}

/**
 * The plug-in entropy (nats) of each row of a batch of weights, checked (argument `name` of
 * `fn`; `what` names the elements in the message): the one path of `entropy` and of the
 * `"plugin"` estimator (src/estimators.ts).
 */
export function entropyNats(b: Backend, fn: string, name: string, x: Batch, what = "weights"): Float64Array {
  let s = b.entropyRows(x.data, x.rows, x.cols);
  checkWeights(fn, name, x, s, ENTROPY_WIDTH, 0, 2, what);
  const big = rescaleTiny(x, s, ENTROPY_WIDTH, 0);
  if (big) s = b.entropyRows(big.data, big.rows, big.cols);
  const out = new Float64Array(x.rows);
  for (let r = 0; r < x.rows; r++) {
    const S = s[r * ENTROPY_WIDTH];
    const T = s[r * ENTROPY_WIDTH + 1];
    out[r] = Math.max(0, Math.log(S) - T / S);
  }
  return out;
}

/** Runs a two-operand row kernel and checks both operands' weights; rows of p with tiny sums run again rescaled. */
function pairSums(fn: string, b: Backend, kernel: "klRows" | "crossEntropyRows", p: unknown, q: unknown) {
  const [P, Q] = pairArgs(fn, "p", p, "q", q);
  let s = b[kernel](P.data, Q.data, P.rows, P.cols);
  checkWeights(fn, "p", P, s, PAIR_WIDTH, 0, 3);
  checkWeights(fn, "q", Q, s, PAIR_WIDTH, 1, 4);
  const big = rescaleTiny(P, s, PAIR_WIDTH, 0);
  if (big) s = b[kernel](big.data, Q.data, P.rows, P.cols);
  return { P, s };
}

export function crossEntropy(b: Backend, p: unknown, q: unknown, opts?: UnitOptions): number | Float64Array {
  const fn = "crossEntropy";
  const k = lnBaseOf(opts, fn);
  if (isSmallPair(fn, p, q, smallMax(b.name))) {
    const v = crossEntropySmall(p as SmallVector, q as SmallVector);
    if (v === v) return v / k;
  }
  const { P, s } = pairSums(fn, b, "crossEntropyRows", p, q);
  const out = new Float64Array(P.rows);
  for (let r = 0, o = 0; r < P.rows; r++, o += PAIR_WIDTH) {
    out[r] = s[o + 5] > 0 ? Infinity : Math.max(0, Math.log(s[o + 1]) - s[o + 2] / s[o]) / k;
  }
  return shape(P, out);
}

export function klDivergence(b: Backend, p: unknown, q: unknown, opts?: UnitOptions, fn = "klDivergence"): number | Float64Array {
  const k = lnBaseOf(opts, fn);
  if (isSmallPair(fn, p, q, smallMax(b.name))) {
    const v = klSmall(p as SmallVector, q as SmallVector);
    if (v === v) return v / k;
  }
  const { P, s } = pairSums(fn, b, "klRows", p, q);
  const out = new Float64Array(P.rows);
  for (let r = 0, o = 0; r < P.rows; r++, o += PAIR_WIDTH) {
    out[r] = s[o + 5] > 0 ? Infinity : Math.max(0, s[o + 2] / s[o] + lnQuotient(s[o + 1], s[o])) / k;
  }
  return shape(P, out);
}

/**
 * The row sums of a checked batch of weights (argument `name` of `fn`), rows with tiny sums
 * rescaled exactly first (rescaleTiny), so that 1/S is finite: the first pass of every measure
 * that then reads the normalised rows P = w/S (Jensen–Shannon here, src/divergences.ts).
 */
export function scaledRows(fn: string, b: Backend, name: string, x: Batch): { X: Batch; sums: Float64Array } {
  let s = b.sumRows(x.data, x.rows, x.cols);
  checkWeights(fn, name, x, s, SUM_WIDTH, 0, 1);
  const big = rescaleTiny(x, s, SUM_WIDTH, 0);
  if (big) [x, s] = [big, b.sumRows(big.data, big.rows, big.cols)];
  const sums = new Float64Array(x.rows);
  for (let r = 0; r < x.rows; r++) sums[r] = s[r * SUM_WIDTH];
  return { X: x, sums };
}

/**
 * Two checked operands of one shape (`p`, `q`), their row sums, and per row r scale[2r] = 1/Σp
 * and scale[2r + 1] = 1/Σq (the context of the kernels that read the normalised rows).
 */
export function scaledPair(fn: string, b: Backend, p: unknown, q: unknown): { P: Batch; Q: Batch; sP: Float64Array; sQ: Float64Array; scale: Float64Array } {
  const [p0, q0] = pairArgs(fn, "p", p, "q", q);
  const { X: P, sums: sP } = scaledRows(fn, b, "p", p0);
  const { X: Q, sums: sQ } = scaledRows(fn, b, "q", q0);
  const scale = new Float64Array(2 * P.rows);
  for (let r = 0; r < P.rows; r++) {
    scale[2 * r] = 1 / sP[r];
    scale[2 * r + 1] = 1 / sQ[r];
  }
  return { P, Q, sP, sQ, scale };
}

/**
 * Jensen–Shannon divergence ½D(p‖m) + ½D(q‖m), m = (p+q)/2, of the normalised p and q: two
 * passes (the sums, then the divergence sum with each row scaled by 1/S). At most ln 2 nats.
 */
export function jsDivergence(b: Backend, p: unknown, q: unknown, opts?: UnitOptions, fn = "jsDivergence"): number | Float64Array {
  const k = lnBaseOf(opts, fn);
  if (isSmallPair(fn, p, q, smallMax(b.name))) {
    const v = jsSmall(p as SmallVector, q as SmallVector);
    if (v === v) return v / k;
  }
  const { P, Q, scale } = scaledPair(fn, b, p, q);
  const c = b.jsRows(P.data, Q.data, P.rows, P.cols, scale);
  const out = new Float64Array(P.rows);
  for (let r = 0; r < P.rows; r++) out[r] = Math.min(Math.LN2, Math.max(0, 0.5 * c[r])) / k;
  return shape(P, out);
}

/** √jsDivergence: a metric, as scipy.spatial.distance.jensenshannon. */
export function jsDistance(b: Backend, p: unknown, q: unknown, opts?: UnitOptions): number | Float64Array {
  const d = jsDivergence(b, p, q, opts, "jsDistance");
  if (typeof d === "number") return Math.sqrt(d);
  for (let i = 0; i < d.length; i++) d[i] = Math.sqrt(d[i]);
  return d;
}

/** −log p(x) of each outcome of the normalised p (Infinity where p = 0); a matrix gives rows×cols values. */
export function surprisal(b: Backend, p: unknown, opts?: UnitOptions): Float64Array {
  const fn = "surprisal";
  const k = lnBaseOf(opts, fn);
  if (isSmallVector(fn, "p", p, smallMax(b.name))) {
    const out = surprisalSmall(p, k);
    if (out !== null) return out;
  }
  const x = batchArg(fn, "p", p);
  const s = b.sumRows(x.data, x.rows, x.cols);
  checkWeights(fn, "p", x, s, SUM_WIDTH, 0, 1);
  const out = b.ln(x.data);
  for (let r = 0; r < x.rows; r++) {
    const S = s[r * SUM_WIDTH];
    const lnS = Math.log(S);
    for (let i = r * x.cols; i < (r + 1) * x.cols; i++) {
      const w = x.data[i];
      // ln S − ln w cancels when w ≈ S: there −log1p((w − S)/S) keeps full relative accuracy
      out[i] = (w > 0.5 * S ? -Math.log1p((w - S) / S) : lnS - out[i]) / k;
    }
  }
  return out;
}

/** The joint table as a batch, checked as one set of weights, with its marginals. */
function table(fn: string, b: Backend, t: unknown) {
  const T = matrixArg(fn, "table", t);
  const s = b.entropyRows(T.data, 1, T.data.length);
  checkTotal(fn, "table", T, s[0], s[2]);
  const S = s[0];
  const hXY = Math.max(0, Math.log(S) - s[1] / S);
  return { T, S, hXY };
}

/** Entropy of a vector of marginal sums that total S. */
function marginalEntropy(sums: Float64Array, S: number): number {
  let t = 0;
  for (let i = 0; i < sums.length; i++) if (sums[i] > 0) t += sums[i] * Math.log(sums[i]);
  return Math.max(0, Math.log(S) - t / S);
}

export function jointEntropy(b: Backend, t: unknown, opts: UnitOptions = {}): number {
  const fn = "jointEntropy";
  const k = lnBase(opts.base, fn);
  return table(fn, b, t).hXY / k;
}

/** H(Y|X) = H(X, Y) − H(X): rows index X. */
export function conditionalEntropy(b: Backend, t: unknown, opts: UnitOptions = {}): number {
  const fn = "conditionalEntropy";
  const k = lnBase(opts.base, fn);
  const { T, S, hXY } = table(fn, b, t);
  const { rowSums } = b.marginals(T.data, T.rows, T.cols);
  return Math.max(0, hXY - marginalEntropy(rowSums, S)) / k;
}

/** I(X; Y) = D(p(x,y) ‖ p(x)p(y)) = (Σ t ln(t/(r_x c_y)))/S + ln S, computed directly (no cancellation). */
export function mutualInformation(b: Backend, t: unknown, opts: UnitOptions = {}): number {
  const fn = "mutualInformation";
  const k = lnBase(opts.base, fn);
  const { T, S } = table(fn, b, t);
  const { rowSums, colSums } = b.marginals(T.data, T.rows, T.cols);
  const c = b.miTable(T.data, T.rows, T.cols, rowSums, colSums);
  return Math.max(0, c / S + Math.log(S)) / k;
}

/**
 * Discrete distributions and joint tables. The engine's public methods of this family, installed
 * on Engine by src/engine.ts (see src/facade.ts).
 */
export abstract class DiscreteMethods {
  /** @internal */
  declare readonly [backendOf]: () => Backend;

  /**
   * Shannon entropy H(p) = −Σ p log p of the normalised weights (0·log 0 = 0), as
   * `scipy.stats.entropy(p)`. Nats unless `base` says otherwise. A matrix gives one value per row.
   */
  entropy(p: Vector, opts?: UnitOptions): number;
  entropy(p: MatrixLike, opts?: UnitOptions): Float64Array;
  entropy(p: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return entropy(this[backendOf](), p, opts);
  }

  /**
   * Cross-entropy H(p, q) = −Σ p log q of the normalised p and q; `Infinity` where q = 0 < p.
   * Equals H(p) + D(p‖q).
   */
  crossEntropy(p: Vector, q: Vector, opts?: UnitOptions): number;
  crossEntropy(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Float64Array;
  crossEntropy(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return crossEntropy(this[backendOf](), p, q, opts);
  }

  /**
   * Kullback–Leibler divergence D(p‖q) = Σ p log(p/q) of the normalised p and q, as
   * `scipy.stats.entropy(p, q)`; `Infinity` where q = 0 < p. Reverse KL is `klDivergence(q, p)`.
   */
  klDivergence(p: Vector, q: Vector, opts?: UnitOptions): number;
  klDivergence(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Float64Array;
  klDivergence(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return klDivergence(this[backendOf](), p, q, opts);
  }

  /** Jensen–Shannon divergence ½D(p‖m) + ½D(q‖m), m = (p + q)/2; symmetric, at most log 2. */
  jsDivergence(p: Vector, q: Vector, opts?: UnitOptions): number;
  jsDivergence(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Float64Array;
  jsDivergence(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return jsDivergence(this[backendOf](), p, q, opts);
  }

  /** Jensen–Shannon distance √jsDivergence, as `scipy.spatial.distance.jensenshannon`. */
  jsDistance(p: Vector, q: Vector, opts?: UnitOptions): number;
  jsDistance(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Float64Array;
  jsDistance(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return jsDistance(this[backendOf](), p, q, opts);
  }

  /** Surprisal −log p(x) of every outcome of the normalised p (`Infinity` where p = 0). */
  surprisal(p: Vector | MatrixLike, opts?: UnitOptions): Float64Array {
    return surprisal(this[backendOf](), p, opts);
  }

  /** Joint entropy H(X, Y) of a joint table (rows index X, columns Y), normalised as a whole. */
  jointEntropy(table: MatrixLike, opts?: UnitOptions): number {
    return jointEntropy(this[backendOf](), table, opts);
  }

  /** Conditional entropy H(Y | X) = H(X, Y) − H(X) of a joint table (rows index X). */
  conditionalEntropy(table: MatrixLike, opts?: UnitOptions): number {
    return conditionalEntropy(this[backendOf](), table, opts);
  }

  /** Mutual information I(X; Y) = D(p(x, y) ‖ p(x)p(y)) of a joint table. */
  mutualInformation(table: MatrixLike, opts?: UnitOptions): number {
    return mutualInformation(this[backendOf](), table, opts);
  }
}
