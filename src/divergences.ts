/**
 * More divergences and entropies: Rényi and Tsallis entropies, Gini impurity, the Rényi
 * divergence, the Hellinger distance, total variation, the Bhattacharyya distance, the χ²
 * divergence, and the 1-D Wasserstein and energy distances of two samples.
 *
 * Discrete measures: validate → the backend passes → the finishing formula here. Each vector
 * (row) is normalised to sum 1 first, as scipy.stats.entropy; a matrix gives one value per row.
 * Hellinger, Bhattacharyya and χ² (and Rényi α = 2) first try one pass over the raw weights
 * (sums, check, Σ √(pq) or Σ p²/q), kept where the result is ≥ FAST_FLOOR; every other row or
 * measure takes two passes: the row sums and the weights' check (src/discrete.ts scaledRows /
 * scaledPair: tiny rows rescaled exactly), then one pass over the normalised rows P = w/Σw.
 * These sums are arranged so that a result near 0 keeps its relative accuracy (docs/divergences.md):
 *   Rényi/Tsallis:  Σ P^α − 1 = Σ P·expm1((α − 1) ln P), ln P = log1p((w − S)/S) for w > S/2
 *   Hellinger:      H² = ½ Σ (√P − √Q)²                   (not 1 − Σ √(PQ), which cancels)
 *   Bhattacharyya:  −ln Σ √(PQ) = −log1p(−H²) (where Σ √(PQ) ≥ ½)
 *   Rényi α = 2:    ln Σ P²/Q = log1p(χ²), χ² = Σ (P − Q)²/Q
 *   Rényi, other α: Σ P^α Q^(1−α) − 1 = Σ Q·ψ(P/Q), ψ(r) = r^α − 1 − α(r − 1) (terms of one sign)
 * with the direct sums Σ P^α (Σ P^α Q^(1−α)) used instead where they are below ½.
 */
import type { Backend } from "./backend.js";
import type { MatrixLike, UnitOptions, Vector } from "./types.js";
import { lnBaseOf } from "./units.js";
import { batchArg, checkWeights, weightsSum, describe, nonFiniteError, pairArgs, vectorArg, type Batch } from "./validate.js";
import { entropy, klDivergence, scaledPair, scaledRows, shape } from "./discrete.js";
import { lnQuotient } from "./js/discrete.js";
import { renyiLogSum } from "./js/divergences.js";
import { backendOf } from "./facade.js";

/** An order α ≥ 0 (Infinity allowed when `infinite`): a TypeError / RangeError naming it otherwise. */
function orderArg(fn: string, name: string, v: unknown, infinite: boolean): number {
  if (typeof v !== "number") throw new TypeError(`${fn}: ${name} must be a number, got ${describe(v)}`);
  if (!(v >= 0) || (!infinite && v === Infinity))
    throw new RangeError(`${fn}: ${name} must be ${infinite ? "≥ 0 (Infinity allowed)" : "a finite number ≥ 0"}, got ${v}`);
  return v;
}

/** Per row of the checked batch x: the power sums [Σ P(P^(α−1) − 1), Σ P^α, −max P, #(P > 0)] of P = w/Σw. */
function powerSums(fn: string, b: Backend, x: Batch, alpha: number): Float64Array {
  const { X, sums } = scaledRows(fn, b, "p", x);
  const ctx = new Float64Array(2 * X.rows);
  for (let r = 0; r < X.rows; r++) {
    ctx[2 * r] = sums[r];
    ctx[2 * r + 1] = alpha;
  }
  return b.powerRows(X.data, X.rows, X.cols, ctx);
}

/**
 * ln Σ x from the two forms of the sum: t = Σ x − 1 (accurate when Σ x is near 1) and d = Σ x
 * (accurate when it is small): log1p(t) unless d < ½ (or t overflowed).
 */
function lnSum(t: number, d: number): number {
  return d < 0.5 || !(t >= -1 && t < Infinity) ? Math.log(d) : Math.log1p(t);
}

export function renyiEntropy(b: Backend, p: unknown, alpha: unknown, opts?: UnitOptions): number | Float64Array {
  const fn = "renyiEntropy";
  const k = lnBaseOf(opts, fn);
  const a = orderArg(fn, "alpha", alpha, true);
  if (a === 1) return entropy(b, p, opts, fn);
  const x = batchArg(fn, "p", p);
  const s = powerSums(fn, b, x, a);
  const out = new Float64Array(x.rows);
  for (let r = 0, o = 0; r < x.rows; r++, o += 4) {
    const lo = -Math.log(-s[o + 2]); // H_∞ = −ln max P
    const hi = Math.log(s[o + 3]); //   H_0 = ln |supp P|
    const h = a === 0 ? hi : a === Infinity ? lo : lnSum(s[o], s[o + 1]) / (1 - a);
    out[r] = Math.min(hi, Math.max(lo, h, 0)) / k;
  }
  return shape(x, out);
}

export function tsallisEntropy(b: Backend, p: unknown, q: unknown): number | Float64Array {
  const fn = "tsallisEntropy";
  const a = orderArg(fn, "q", q, false);
  if (a === 1) return entropy(b, p, undefined, fn);
  const x = batchArg(fn, "p", p);
  const s = powerSums(fn, b, x, a);
  const out = new Float64Array(x.rows);
  for (let r = 0; r < x.rows; r++) out[r] = Math.max(0, -s[4 * r] / (a - 1));
  return shape(x, out);
}

export function giniImpurity(b: Backend, p: unknown): number | Float64Array {
  const fn = "giniImpurity";
  const x = batchArg(fn, "p", p);
  const s = powerSums(fn, b, x, 2);
  const out = new Float64Array(x.rows);
  for (let r = 0; r < x.rows; r++) out[r] = Math.min(1, Math.max(0, -s[4 * r]));
  return shape(x, out);
}

/**
 * Per row of two checked operands: ½ Σ (√P − √Q)² (= H²) and ½ Σ |P − Q| (= TV), each clamped to
 * [0, 1], and the Bhattacharyya coefficient Σ √(PQ) (accurate where it is small).
 */
function hellingerSums(fn: string, b: Backend, p: unknown, q: unknown): { P: Batch; h2: Float64Array; tv: Float64Array; bc: Float64Array } {
  const { P, Q, scale } = scaledPair(fn, b, p, q);
  const s = b.hellingerRows(P.data, Q.data, P.rows, P.cols, scale);
  const h2 = new Float64Array(P.rows);
  const tv = new Float64Array(P.rows);
  const bc = new Float64Array(P.rows);
  for (let r = 0; r < P.rows; r++) {
    h2[r] = Math.min(1, Math.max(0, 0.5 * s[3 * r]));
    tv[r] = Math.min(1, Math.max(0, 0.5 * s[3 * r + 1]));
    bc[r] = s[3 * r + 2];
  }
  return { P, h2, tv, bc };
}

/**
 * The one-pass fast paths (bcRawRows, chiRawRows) read raw weights: they are taken for a row whose
 * sums lie in [RAW_MIN, RAW_MAX] (so that products of weights stay in the normal range where they
 * matter) and whose result is at least FAST_FLOOR (so that 1 − BC or Σ p²/q·Σq/(Σp)² − 1 loses at
 * most ~4ε/FAST_FLOOR relative: < 1e-13). Other rows take the two-pass forms above.
 */
const RAW_MIN = 1e-100;
const RAW_MAX = 1e100;
const FAST_FLOOR = 0.01;

const rawOk = (Sp: number, Sq: number) => Sp >= RAW_MIN && Sp <= RAW_MAX && Sq >= RAW_MIN && Sq <= RAW_MAX;

/** Rows `idx` of a batch, copied into a matrix (the rows that take the two-pass forms). */
function pickRows(x: Batch, idx: number[]): { data: Float64Array | Float32Array; rows: number; cols: number } {
  const data = x.data instanceof Float32Array ? new Float32Array(idx.length * x.cols) : new Float64Array(idx.length * x.cols);
  idx.forEach((r, i) => data.set(x.data.subarray(r * x.cols, (r + 1) * x.cols), i * x.cols));
  return { data, rows: idx.length, cols: x.cols };
}

/** Per row: H² and the Bhattacharyya coefficient, in one pass where that is accurate, else from hellingerSums. */
function hellingerBc(fn: string, b: Backend, p: unknown, q: unknown): { P: Batch; h2: Float64Array; bc: Float64Array } {
  const [P, Q] = pairArgs(fn, "p", p, "q", q);
  const s = b.bcRawRows(P.data, Q.data, P.rows, P.cols);
  checkWeights(fn, "p", P, s, 5, 0, 3);
  checkWeights(fn, "q", Q, s, 5, 1, 4);
  const h2 = new Float64Array(P.rows);
  const bc = new Float64Array(P.rows);
  const slow: number[] = [];
  for (let r = 0, o = 0; r < P.rows; r++, o += 5) {
    const c = s[o + 2] / Math.sqrt(s[o]) / Math.sqrt(s[o + 1]);
    if (rawOk(s[o], s[o + 1]) && 1 - c >= FAST_FLOOR) {
      h2[r] = Math.min(1, 1 - c);
      bc[r] = c;
    } else slow.push(r);
  }
  if (slow.length > 0) {
    const sub = hellingerSums(fn, b, pickRows(P, slow), pickRows(Q, slow));
    slow.forEach((r, i) => {
      h2[r] = sub.h2[i];
      bc[r] = sub.bc[i];
    });
  }
  return { P, h2, bc };
}

export function hellingerDistance(b: Backend, p: unknown, q: unknown): number | Float64Array {
  const { P, h2 } = hellingerBc("hellingerDistance", b, p, q);
  for (let r = 0; r < h2.length; r++) h2[r] = Math.sqrt(h2[r]);
  return shape(P, h2);
}

export function totalVariation(b: Backend, p: unknown, q: unknown): number | Float64Array {
  const { P, tv } = hellingerSums("totalVariation", b, p, q);
  return shape(P, tv);
}

export function bhattacharyyaDistance(b: Backend, p: unknown, q: unknown, opts?: UnitOptions): number | Float64Array {
  const fn = "bhattacharyyaDistance";
  const k = lnBaseOf(opts, fn);
  const { P, h2, bc } = hellingerBc(fn, b, p, q);
  // −ln BC = −log1p(−H²): from H² where BC is near 1 (no cancellation), from BC where it is small
  for (let r = 0; r < h2.length; r++) h2[r] = Math.max(0, bc[r] < 0.5 ? -Math.log(bc[r]) : -Math.log1p(-h2[r])) / k;
  return shape(P, h2);
}

/** χ² of each row pair (Infinity where Q = 0 < P): one pass where that is accurate, else the two-pass form. */
function chiSquareValues(fn: string, b: Backend, p: unknown, q: unknown): { P: Batch; out: Float64Array } {
  const [P, Q] = pairArgs(fn, "p", p, "q", q);
  const s = b.chiRawRows(P.data, Q.data, P.rows, P.cols);
  checkWeights(fn, "p", P, s, 6, 0, 3);
  checkWeights(fn, "q", Q, s, 6, 1, 4);
  const out = new Float64Array(P.rows);
  const slow: number[] = [];
  for (let r = 0, o = 0; r < P.rows; r++, o += 6) {
    const c = (s[o + 2] / s[o]) * (s[o + 1] / s[o]) - 1; // Σ p²/q · Σq/(Σp)² − 1
    if (s[o + 5] > 0) out[r] = Infinity;
    else if (rawOk(s[o], s[o + 1]) && c >= FAST_FLOOR && c < Infinity) out[r] = c;
    else slow.push(r);
  }
  if (slow.length > 0) {
    const { P: P2, Q: Q2, scale } = scaledPair(fn, b, pickRows(P, slow), pickRows(Q, slow));
    const t = b.chiSquareRows(P2.data, Q2.data, P2.rows, P2.cols, scale);
    slow.forEach((r, i) => (out[r] = Math.max(0, t[2 * i])));
  }
  return { P, out };
}

export function chiSquareDivergence(b: Backend, p: unknown, q: unknown): number | Float64Array {
  const { P, out } = chiSquareValues("chiSquareDivergence", b, p, q);
  return shape(P, out);
}

export function renyiDivergence(b: Backend, p: unknown, q: unknown, alpha: unknown, opts?: UnitOptions): number | Float64Array {
  const fn = "renyiDivergence";
  const k = lnBaseOf(opts, fn);
  const a = orderArg(fn, "alpha", alpha, true);
  if (a === 1) return klDivergence(b, p, q, opts, fn);
  if (a === 2) {
    // ln Σ P²/Q = ln(1 + χ²)
    const { P, out } = chiSquareValues(fn, b, p, q);
    for (let r = 0; r < out.length; r++) out[r] = Math.log1p(out[r]) / k;
    return shape(P, out);
  }
  const { P, Q, sP, sQ } = scaledPair(fn, b, p, q);
  const ctx = new Float64Array(2 * P.rows);
  for (let r = 0; r < P.rows; r++) {
    ctx[2 * r] = sQ[r] / sP[r];
    ctx[2 * r + 1] = a;
  }
  const s = b.renyiDivRows(P.data, Q.data, P.rows, P.cols, ctx);
  const out = new Float64Array(P.rows);
  for (let r = 0, o = 0; r < P.rows; r++, o += 4) {
    let d: number;
    if (a > 1 && s[o + 3] > 0) d = Infinity; // q = 0 < p
    else if (a === Infinity) d = Math.log(-s[o + 2]) + lnQuotient(sQ[r], sP[r]); // ln max P/Q
    else {
      const t = s[o] / sQ[r]; // Σ P^α Q^(1−α) − 1
      const u = s[o + 1] / sQ[r]; // Σ P^α Q^(1−α)
      // overflow of P^α Q^(1−α) (α > 1, ratios far beyond 1): the sum in log space instead
      d = u < Infinity ? lnSum(t, u) / (a - 1) : renyiLogSum(P.data, Q.data, r * P.cols, (r + 1) * P.cols, 1 / sP[r], 1 / sQ[r], a - 1) / (a - 1);
    }
    out[r] = Math.max(0, d) / k;
  }
  return shape(P, out);
}

// ---- 1-D samples: Wasserstein and energy distances ----

/** Weights of the two samples of wassersteinDistance / energyDistance (scipy's u_weights, v_weights). */
export interface SampleWeightsOptions {
  /** Non-negative weights of u's samples, same length as u, positive finite sum (default: 1 each). */
  uWeights?: Vector;
  /** Non-negative weights of v's samples, same length as v, positive finite sum (default: 1 each). */
  vWeights?: Vector;
}

/** A checked 1-D sample and its optional weights, sorted by value (the weights follow their samples). */
function sortedSample(fn: string, name: string, x: unknown, wName: string, w: unknown): { values: Float64Array; weights: Float64Array | null } {
  const X = vectorArg(fn, name, x);
  const data = X.data;
  for (let i = 0; i < data.length; i++) if (data[i] - data[i] !== 0) throw nonFiniteError(fn, name, data);
  if (w === undefined) return { values: Float64Array.from(data).sort(), weights: null };
  const W = vectorArg(fn, wName, w);
  if (W.cols !== X.cols) throw new RangeError(`${fn}: ${wName} has length ${W.cols} but ${name} has length ${X.cols}`);
  weightsSum(fn, wName, W);
  const order = new Uint32Array(data.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((i, j) => data[i] - data[j]);
  const values = new Float64Array(order.length);
  const weights = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) {
    values[i] = data[order[i]];
    weights[i] = W.data[order[i]];
  }
  return { values, weights };
}

function weightsOptions(fn: string, opts: unknown): SampleWeightsOptions {
  if (opts === undefined) return {};
  if (typeof opts !== "object" || opts === null) throw new TypeError(`${fn}: options must be an object { uWeights?, vWeights? }, got ${describe(opts)}`);
  return opts as SampleWeightsOptions;
}

/** ∫ |U − V|^power of the two samples' CDFs (scipy's _cdf_distance before its root). */
function cdfIntegral(fn: string, b: Backend, u: unknown, v: unknown, opts: unknown, power: number): number {
  const o = weightsOptions(fn, opts);
  const U = sortedSample(fn, "u", u, "uWeights", o.uWeights);
  const V = sortedSample(fn, "v", v, "vWeights", o.vWeights);
  return b.cdfDistance(U.values, U.weights, V.values, V.weights, power);
}

export function wassersteinDistance(b: Backend, u: unknown, v: unknown, opts?: unknown): number {
  return cdfIntegral("wassersteinDistance", b, u, v, opts, 1);
}

export function energyDistance(b: Backend, u: unknown, v: unknown, opts?: unknown): number {
  return Math.SQRT2 * Math.sqrt(cdfIntegral("energyDistance", b, u, v, opts, 2));
}

/**
 * Rényi and Tsallis entropies, Gini impurity, the Rényi / χ² divergences, Hellinger,
 * Bhattacharyya and total-variation distances, and the 1-D Wasserstein and energy distances.
 * Installed on Engine by src/engine.ts (see src/facade.ts).
 */
export abstract class DivergenceMethods {
  /** @internal */
  declare readonly [backendOf]: () => Backend;

  /**
   * Rényi entropy H_α(p) = (1/(1 − α))·log Σ p^α of the normalised weights (Rényi 1961), α ≥ 0:
   * α = 1 is Shannon's entropy, α = 0 the log of the support size (Hartley), α = Infinity the
   * min-entropy −log max p, α = 2 the collision entropy −log Σ p². Non-increasing in α. Nats
   * unless `base` says otherwise; a matrix gives one value per row.
   */
  renyiEntropy(p: Vector, alpha: number, opts?: UnitOptions): number;
  renyiEntropy(p: MatrixLike, alpha: number, opts?: UnitOptions): Float64Array;
  renyiEntropy(p: Vector | MatrixLike, alpha: number, opts?: UnitOptions): number | Float64Array {
    return renyiEntropy(this[backendOf](), p, alpha, opts);
  }

  /**
   * Tsallis entropy S_q(p) = (1 − Σ p^q)/(q − 1) of the normalised weights (Tsallis 1988), q a
   * finite number ≥ 0; q = 1 is Shannon's entropy in nats, q = 2 the Gini impurity, q = 0 the
   * support size minus 1. Unitless (no `base`).
   */
  tsallisEntropy(p: Vector, q: number): number;
  tsallisEntropy(p: MatrixLike, q: number): Float64Array;
  tsallisEntropy(p: Vector | MatrixLike, q: number): number | Float64Array {
    return tsallisEntropy(this[backendOf](), p, q);
  }

  /**
   * Rényi divergence D_α(p‖q) = (1/(α − 1))·log Σ p^α q^(1−α) of the normalised p and q (Rényi
   * 1961; van Erven & Harremoës 2014), α ≥ 0: α = 1 is the KL divergence, α = 0 gives
   * −log Q(supp P), α = Infinity log max p/q, α = 2 log(1 + χ²). `Infinity` where q = 0 < p
   * (α ≥ 1) or where the supports are disjoint. Nats unless `base` says otherwise.
   */
  renyiDivergence(p: Vector, q: Vector, alpha: number, opts?: UnitOptions): number;
  renyiDivergence(p: MatrixLike, q: MatrixLike, alpha: number, opts?: UnitOptions): Float64Array;
  renyiDivergence(p: Vector | MatrixLike, q: Vector | MatrixLike, alpha: number, opts?: UnitOptions): number | Float64Array {
    return renyiDivergence(this[backendOf](), p, q, alpha, opts);
  }

  /**
   * Hellinger distance H(p, q) = √(½ Σ (√p − √q)²) of the normalised p and q, in [0, 1]
   * (Hellinger 1909); computed from the differences, so it keeps its relative accuracy for
   * nearly equal p and q. A metric; unitless.
   */
  hellingerDistance(p: Vector, q: Vector): number;
  hellingerDistance(p: MatrixLike, q: MatrixLike): Float64Array;
  hellingerDistance(p: Vector | MatrixLike, q: Vector | MatrixLike): number | Float64Array {
    return hellingerDistance(this[backendOf](), p, q);
  }

  /** Total variation distance ½ Σ |p − q| of the normalised p and q, in [0, 1]; unitless. */
  totalVariation(p: Vector, q: Vector): number;
  totalVariation(p: MatrixLike, q: MatrixLike): Float64Array;
  totalVariation(p: Vector | MatrixLike, q: Vector | MatrixLike): number | Float64Array {
    return totalVariation(this[backendOf](), p, q);
  }

  /**
   * Bhattacharyya distance −log Σ √(p q) of the normalised p and q (Bhattacharyya 1943),
   * computed as −log(1 − H²) with H the Hellinger distance where Σ √(pq) ≥ ½ (so nearly equal p
   * and q keep the relative accuracy), directly elsewhere; `Infinity` for disjoint supports.
   * A logarithm, so `base` applies (nats by default).
   */
  bhattacharyyaDistance(p: Vector, q: Vector, opts?: UnitOptions): number;
  bhattacharyyaDistance(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Float64Array;
  bhattacharyyaDistance(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return bhattacharyyaDistance(this[backendOf](), p, q, opts);
  }

  /**
   * Pearson χ² divergence Σ (p − q)²/q of the normalised p and q (Pearson 1900); `Infinity`
   * where q = 0 < p. Unitless.
   */
  chiSquareDivergence(p: Vector, q: Vector): number;
  chiSquareDivergence(p: MatrixLike, q: MatrixLike): Float64Array;
  chiSquareDivergence(p: Vector | MatrixLike, q: Vector | MatrixLike): number | Float64Array {
    return chiSquareDivergence(this[backendOf](), p, q);
  }

  /** Gini impurity 1 − Σ p² of the normalised weights (= Tsallis q = 2), in [0, 1 − 1/n]; unitless. */
  giniImpurity(p: Vector): number;
  giniImpurity(p: MatrixLike): Float64Array;
  giniImpurity(p: Vector | MatrixLike): number | Float64Array {
    return giniImpurity(this[backendOf](), p);
  }

  /**
   * 1-D Wasserstein-1 distance ∫ |U − V| of the empirical CDFs of the samples u and v, weighted by
   * `uWeights` / `vWeights`: = `scipy.stats.wasserstein_distance(u, v, u_weights, v_weights)`
   * (Ramdas, García Trillos & Cuturi 2017). In the units of the samples.
   */
  wassersteinDistance(u: Vector, v: Vector, opts?: SampleWeightsOptions): number {
    return wassersteinDistance(this[backendOf](), u, v, opts);
  }

  /**
   * Energy distance √2·(∫ (U − V)²)^½ of the samples u and v (Székely & Rizzo 2013), weighted as
   * `wassersteinDistance`: = `scipy.stats.energy_distance`. In the units of √(sample units).
   */
  energyDistance(u: Vector, v: Vector, opts?: SampleWeightsOptions): number {
    return energyDistance(this[backendOf](), u, v, opts);
  }
}
