/**
 * Entropy estimates from counts, with their bias corrections. Every estimator is a function of a
 * vector of non-negative counts n_1 … n_K (N = Σn, m = #(n > 0), p̂ = n/N, Ĥ = −Σ p̂ ln p̂ the
 * plug-in estimate) and, for "nsb" and "james-stein", the alphabet size K; none knows where its
 * counts came from (labels, histograms, streaming tables hand them over). In nats:
 *
 *   plugin        Ĥ
 *   miller-madow  Ĥ + (m − 1)/(2N)                                   (Miller 1955)
 *   grassberger   ln N − (1/N) Σ n G(n), G(n) = ψ(n) + ½(−1)^n (ψ((n+1)/2) − ψ(n/2))
 *                 (Grassberger 2003, eq. 35, as written: one occupied bin gives ln N − G(N))
 *   chao-shen     −Σ p̃ ln p̃ / (1 − (1 − p̃)^N), p̃ = C n/N, C = 1 − f1/N, f1 = #(n = 1)
 *                 (f1 = N − 1 when every count is 1)                  (Chao & Shen 2003)
 *   james-stein   Ĥ of λ/K + (1 − λ) p̂, λ = (1 − Σ p̂²) / ((N − 1) Σ (1/K − p̂)²) clipped to
 *                 [0, 1], λ = 1 when N = 1 or Σ (1/K − p̂)² = 0     (Hausser & Strimmer 2009)
 *   jackknife     N Ĥ − ((N − 1)/N) Σ_{j=1}^{N} Ĥ_{−j}, Ĥ_{−j} without sample j; 0 when N = 1
 *                 (Zahl 1977)
 *   nsb           the NSB posterior mean (src/nsb.ts)              (Nemenman, Shafee, Bialek 2002)
 *
 * One backend pass (countStatsRows, src/js/estimators.ts) gives every sum the closed forms need;
 * they finish here, one formula for all backends, written so nothing cancels:
 *   grassberger = Ĥ + (1/N) Σ n (ln n − G(n))
 *   jackknife   = Ĥ + h(N) − (1/N) Σ n h(n),  h(n) = −(n − 1) ln(1 − 1/n)
 * (the leave-one-out entropies grouped by bin: removing a sample from bin i leaves
 * Ĥ_{−i} = ln(N − 1) − (T − n_i ln n_i + (n_i − 1) ln(n_i − 1))/(N − 1), T = Σ n ln n, and n_i
 * samples share it). Chao–Shen and James–Stein need N first, so they take a second pass with
 * per-row constants. NSB runs from the distinct counts and their multiplicities.
 */
import type { Backend } from "./backend.js";
import { COUNT_WIDTH, jackknifeH } from "./js/estimators.js";
import { entropyNats } from "./discrete.js";
import { countProfile, nsbEntropy } from "./nsb.js";
import type { EntropyCountsOptions, EntropyEstimator, EntropyNsbOptions, MatrixLike, NsbBatchResult, NsbResult, Vector } from "./types.js";
import { lnBaseOf } from "./units.js";
import { batchArg, checkCounts, describe, type Batch } from "./validate.js";
import { backendOf } from "./facade.js";

export type { EntropyEstimator } from "./types.js";

/** Every estimator name, in the order of the docs. */
export const ENTROPY_ESTIMATORS: readonly EntropyEstimator[] = ["plugin", "miller-madow", "grassberger", "chao-shen", "james-stein", "jackknife", "nsb"];

/**
 * The estimator an options object asks for: `estimator` (one of ENTROPY_ESTIMATORS), or the older
 * `correction` ("none" → "plugin", "miller-madow" → "miller-madow"); both given and different is a
 * RangeError; neither is "plugin".
 */
export function estimatorArg(fn: string, opts: { estimator?: unknown; correction?: unknown } | undefined): EntropyEstimator {
  const e = opts?.estimator;
  const c = opts?.correction;
  let fromE: EntropyEstimator | undefined;
  let fromC: EntropyEstimator | undefined;
  if (e !== undefined) {
    if (typeof e !== "string" || !(ENTROPY_ESTIMATORS as readonly string[]).includes(e))
      throw new RangeError(`${fn}: estimator must be one of ${ENTROPY_ESTIMATORS.map((s) => `"${s}"`).join(", ")}, got ${typeof e === "string" ? `"${e}"` : describe(e)}`);
    fromE = e as EntropyEstimator;
  }
  if (c !== undefined) {
    if (c === "none") fromC = "plugin";
    else if (c === "miller-madow") fromC = "miller-madow";
    else throw new RangeError(`${fn}: correction must be "none" or "miller-madow", got ${describe(c)}`);
  }
  if (fromE !== undefined && fromC !== undefined && fromE !== fromC)
    throw new RangeError(`${fn}: correction "${String(c)}" conflicts with estimator "${fromE}"; give one of them`);
  return fromE ?? fromC ?? "plugin";
}

/** The alphabet size K: an integer ≥ `least` (the counts per row), default `least`. */
export function binsArg(fn: string, v: unknown, least: number, what = "the number of counts per row"): number {
  if (v === undefined) return least;
  if (typeof v !== "number") throw new TypeError(`${fn}: bins must be a number (the alphabet size K), got ${describe(v)}`);
  if (!Number.isInteger(v) || v < 1) throw new RangeError(`${fn}: bins must be an integer ≥ 1 (the alphabet size K), got ${v}`);
  if (v < least) throw new RangeError(`${fn}: bins = ${v} is less than ${what} (${least}); K counts the empty bins too, so it cannot be smaller`);
  return v;
}

/**
 * Each row's estimate (nats) of a batch of counts `x` (argument `name` of `fn`), alphabet size K
 * (≥ x.cols) for "nsb" and "james-stein". Checks the counts: finite, non-negative, not all zero,
 * whole numbers for every estimator but "plugin".
 */
export function estimateRows(b: Backend, fn: string, name: string, x: Batch, estimator: EntropyEstimator, K: number): Float64Array {
  if (estimator === "plugin") return entropyNats(b, fn, name, x, "counts");
  const { rows, cols, data } = x;
  const W = COUNT_WIDTH;
  const s = b.countStatsRows(data, rows, cols);
  checkCounts(fn, name, x, s, W, true);
  const out = new Float64Array(rows);
  const ctx = estimator === "chao-shen" || estimator === "james-stein" ? new Float64Array(2 * rows) : null;
  for (let r = 0, o = 0; r < rows; r++, o += W) {
    const N = s[o];
    const T = s[o + 1];
    const m = s[o + 2];
    const plug = m <= 1 ? 0 : Math.max(0, Math.log(N) - T / N);
    switch (estimator) {
      case "miller-madow":
        out[r] = plug + (m - 1) / (2 * N);
        break;
      case "grassberger":
        out[r] = plug + s[o + 5] / N;
        break;
      case "jackknife":
        out[r] = N === 1 ? 0 : plug + jackknifeH(N) - s[o + 6] / N;
        break;
      case "chao-shen": {
        const f1 = s[o + 3] === N ? N - 1 : s[o + 3];
        ctx![2 * r] = (1 - f1 / N) / N;
        ctx![2 * r + 1] = N;
        break;
      }
      case "james-stein": {
        const lambda = shrinkIntensity(N, s[o + 4], K);
        ctx![2 * r] = lambda / K;
        ctx![2 * r + 1] = (1 - lambda) / N;
        break;
      }
      case "nsb":
        out[r] = nsbEntropy(countProfile(data, r * cols, (r + 1) * cols), K).mean;
        break;
    }
  }
  if (estimator === "chao-shen") {
    const c = b.chaoShenRows(data, rows, cols, ctx!);
    for (let r = 0; r < rows; r++) out[r] = c[r];
  } else if (estimator === "james-stein") {
    const t = b.shrinkRows(data, rows, cols, ctx!);
    for (let r = 0; r < rows; r++) {
      const a = ctx![2 * r];
      out[r] = -(t[r] + (a > 0 ? (K - cols) * a * Math.log(a) : 0));
    }
  }
  return out;
}

/**
 * Hausser & Strimmer's shrinkage intensity toward 1/K from N = Σn and Q = Σn² (as R's
 * entropy::freqs.shrink): λ = Σ u(1 − u)/(N − 1) / Σ (u − 1/K)² = K(N² − Q) / ((N − 1)(KQ − N²)),
 * u = n/N (exact in integers while KQ < 2^53); 1 when N = 1 or the misfit KQ − N² is 0; clipped to [0, 1].
 */
function shrinkIntensity(N: number, Q: number, K: number): number {
  if (N === 1) return 1;
  const misfit = K * Q - N * N;
  if (!(misfit > 0)) return 1;
  const lambda = (K * (N * N - Q)) / ((N - 1) * misfit);
  return lambda > 1 ? 1 : lambda < 0 ? 0 : lambda;
}

/** A count vector as a one-row batch. */
const asBatch = (counts: Float64Array): Batch => ({ data: counts, rows: 1, cols: counts.length, vector: true });

/**
 * The estimate (nats) of one count vector (zeros are empty bins) by `estimator`, alphabet size K
 * (default counts.length; "nsb" and "james-stein" use it). For the callers that already hold
 * counts (contingency tables, histograms): errors name `fn` (default `entropyEstimate`) and `counts`.
 */
export function entropyEstimate(b: Backend, counts: Float64Array, estimator: EntropyEstimator, K?: number, fn = "entropyEstimate"): number {
  const k = binsArg(fn, K, counts.length, "counts.length");
  if (counts.length === 0) throw new RangeError(`${fn}: counts is empty`);
  return estimateRows(b, fn, "counts", asBatch(counts), estimator, k)[0];
}

/**
 * MI (nats) = Ĥ(A) + Ĥ(B) − Ĥ(A, B) of a table given as its row sums, column sums and cells
 * (`cells` may list only the nonzero cells), each entropy by `estimator`; "nsb" and "james-stein"
 * take K = shape.rows, shape.cols and shape.rows·shape.cols (empty cells included). Not clipped
 * at 0, except "plugin" (clipped, as the plug-in MI; callers that hold the cells' positions compute
 * the plug-in MI directly, which avoids the cancellation of three entropies).
 */
export function miEstimate(b: Backend, rowSums: Float64Array, colSums: Float64Array, cells: Float64Array, estimator: EntropyEstimator, shape: { rows: number; cols: number }): number {
  const hA = entropyEstimate(b, rowSums, estimator, shape.rows);
  const hB = entropyEstimate(b, colSums, estimator, shape.cols);
  const hAB = entropyEstimate(b, cells, estimator, shape.rows * shape.cols);
  const mi = hA + hB - hAB;
  return estimator === "plugin" ? Math.max(0, mi) : mi;
}

/** `entropyCounts`: one estimate per row of counts. */
export function entropyCounts(b: Backend, counts: unknown, opts?: EntropyCountsOptions): number | Float64Array {
  const fn = "entropyCounts";
  const estimator = estimatorArg(fn, opts);
  const k = lnBaseOf(opts, fn);
  const x = batchArg(fn, "counts", counts);
  const K = binsArg(fn, opts?.bins, x.cols);
  const out = estimateRows(b, fn, "counts", x, estimator, K);
  for (let r = 0; r < out.length; r++) out[r] /= k;
  return x.vector ? out[0] : out;
}

/** `entropyNsb`: the NSB posterior mean and sd per row. */
export function entropyNsb(b: Backend, counts: unknown, opts?: EntropyNsbOptions): NsbResult | NsbBatchResult {
  const fn = "entropyNsb";
  const k = lnBaseOf(opts, fn);
  const x = batchArg(fn, "counts", counts);
  const K = binsArg(fn, opts?.bins, x.cols);
  const s = b.countStatsRows(x.data, x.rows, x.cols);
  checkCounts(fn, "counts", x, s, COUNT_WIDTH, true);
  const mean = new Float64Array(x.rows);
  const sd = new Float64Array(x.rows);
  for (let r = 0; r < x.rows; r++) {
    const e = nsbEntropy(countProfile(x.data, r * x.cols, (r + 1) * x.cols), K);
    mean[r] = e.mean / k;
    sd[r] = e.sd / k;
  }
  return x.vector ? { entropy: mean[0], sd: sd[0] } : { entropy: mean, sd };
}

/**
 * Entropy estimates from counts. The engine's public methods of this family, installed on Engine
 * by src/engine.ts (see src/facade.ts).
 */
export abstract class EstimatorMethods {
  /** @internal */
  declare readonly [backendOf]: () => Backend;

  /**
   * Entropy estimate from non-negative counts (a matrix: one estimate per row), nats unless `base`
   * says otherwise. `estimator`: `"plugin"` (default; = `entropy(counts)`), `"miller-madow"`
   * Ĥ + (m − 1)/(2N), `"grassberger"` ln N − (1/N) Σ n G(n) (Grassberger 2003 eq. 35),
   * `"chao-shen"` −Σ p̃ ln p̃/(1 − (1 − p̃)^N), p̃ = (1 − f1/N) n/N (Chao & Shen 2003),
   * `"james-stein"` plug-in entropy of the shrinkage frequencies λ/K + (1 − λ) n/N (Hausser &
   * Strimmer 2009), `"jackknife"` N Ĥ − ((N − 1)/N) Σ_j Ĥ_{−j} (Zahl 1977), `"nsb"` the
   * Nemenman–Shafee–Bialek posterior mean. `bins`: the alphabet size K ≥ the number of counts
   * (default that number), used by "nsb" and "james-stein". Counts must be whole numbers for every
   * estimator but "plugin"; a row of zeros is an error.
   */
  entropyCounts(counts: Vector, opts?: EntropyCountsOptions): number;
  entropyCounts(counts: MatrixLike, opts?: EntropyCountsOptions): Float64Array;
  entropyCounts(counts: Vector | MatrixLike, opts?: EntropyCountsOptions): number | Float64Array {
    return entropyCounts(this[backendOf](), counts, opts);
  }

  /**
   * The NSB estimate with its error bar: the posterior mean of H and its posterior standard
   * deviation √(⟨H²⟩ − ⟨H⟩²) under the Nemenman–Shafee–Bialek prior over K = `bins` bins (default:
   * the number of counts), the second moment by Wolpert & Wolf (1995). `bins` = 1 gives
   * { entropy: 0, sd: 0 }. A matrix gives Float64Arrays, one value per row.
   */
  entropyNsb(counts: Vector, opts?: EntropyNsbOptions): NsbResult;
  entropyNsb(counts: MatrixLike, opts?: EntropyNsbOptions): NsbBatchResult;
  entropyNsb(counts: Vector | MatrixLike, opts?: EntropyNsbOptions): NsbResult | NsbBatchResult {
    return entropyNsb(this[backendOf](), counts, opts);
  }
}
