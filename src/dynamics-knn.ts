/**
 * Transfer entropy and active information storage of real-valued series by nearest neighbours
 * (the `method: "knn"` of src/dynamics.ts), on the kNN family's one search structure
 * (src/knn.ts: `frenzelPompe`, `ksg`). Raw values, max-norm in every space, no noise added, no
 * Theiler window (JIDT's defaults: dynamic correlation exclusion off). Nats.
 *
 * With t over t0 = max(k, lag + l − 1) … n − 1 (N = n − t0 points), the embedded vectors are
 *   y_t                                   (1 value)
 *   y⁽ᵏ⁾_t = (y_{t−1}, …, y_{t−k})         (the target's past, k values)
 *   x⁽ˡ⁾_t = (x_{t−lag}, …, x_{t−lag−l+1})   (the source's past, l values)
 * and
 *   T_{X→Y} = I(y_t ; x⁽ˡ⁾_t | y⁽ᵏ⁾_t)   by Frenzel & Pompe 2007 (PRL 99, 204101): ψ(K) −
 *             ⟨ψ(n_{y,yk} + 1) + ψ(n_{xl,yk} + 1) − ψ(n_{yk} + 1)⟩, K = `neighbors`
 *             (the estimator JIDT's TransferEntropyCalculatorKraskov runs as its algorithm 1);
 *   A_X     = I(x_t ; x⁽ᵏ⁾_t)              by KSG algorithm 1 (Kraskov, Stögbauer & Grassberger 2004).
 * Both are raw estimates: they may be slightly negative where the true value is 0.
 *
 * Surrogates for the permutation test (Schreiber 2000; JIDT's computeSignificance) permute the
 * source-history vectors x⁽ˡ⁾_t across t while (y_t, y⁽ᵏ⁾_t) stay in place; permutation b is a
 * Fisher–Yates shuffle from stream b of the seed (src/random.ts), as every permutation test here.
 */
import type { Backend } from "./backend.js";
import type { MethodImpl, NamedSeries, Resolved } from "./dynamics.js";
import { firstStep } from "./js/dynamics.js";
import { frenzelPompe, ksg } from "./knn.js";
import { permutedRows } from "./resampling.js";
import { samplesArg, type Samples } from "./validate.js";

/**
 * Delay vectors of `s` for t = t0 … n − 1: row t − t0 is (s[t − from], s[t − from − 1], …,
 * s[t − from − width + 1]), the newest first (the max-norm does not care about the order).
 */
export function delayVectors(s: Float64Array, t0: number, from: number, width: number): Samples {
  const N = s.length - t0;
  const data = new Float64Array(N * width);
  for (let c = 0; c < width; c++) {
    const src = s.subarray(t0 - from - c, s.length - from - c);
    for (let i = 0, o = c; i < N; i++, o += width) data[o] = src[i];
  }
  return { data, n: N, d: width };
}

/** The three embedded sample sets of a transfer entropy: the target's present and past, the source's past. */
export interface TransferEmbedding {
  present: Samples;
  targetPast: Samples;
  sourcePast: Samples;
}

/** The embedding of T_{source→target} with histories k (target), l (source) and `lag`. */
export function transferEmbedding(source: Float64Array, target: Float64Array, k: number, l: number, lag: number): TransferEmbedding {
  const t0 = firstStep(k, l, lag);
  return {
    present: delayVectors(target, t0, 0, 1),
    targetPast: delayVectors(target, t0, 1, k),
    sourcePast: delayVectors(source, t0, lag, l),
  };
}

/** T_{X→Y} (nats) of an embedding: the Frenzel–Pompe I(y_t ; x⁽ˡ⁾ | y⁽ᵏ⁾) with `neighbors` ≤ N − 1 neighbours. */
export function transferEntropyKnn(be: Backend, e: TransferEmbedding, neighbors: number): number {
  return frenzelPompe(be, e.present, e.sourcePast, e.targetPast, neighbors);
}

/** A_X (nats) of series x with history k: KSG algorithm 1 of x_t against x⁽ᵏ⁾_t, `neighbors` ≤ N − 1. */
export function activeInformationStorageKnn(be: Backend, x: Float64Array, k: number, neighbors: number): number {
  return ksg(be, delayVectors(x, k, 0, 1), delayVectors(x, k, 1, k), neighbors, 1);
}

/**
 * The transfer entropy (nats) of `permutations` surrogates of an embedding: surrogate b permutes
 * the rows of the source's past by a Fisher–Yates shuffle from stream b of `seed`.
 */
export function transferEntropyKnnSurrogates(be: Backend, e: TransferEmbedding, neighbors: number, permutations: number, seed: number): Float64Array {
  const { n: N, d, data } = e.sourcePast;
  const shuffled: TransferEmbedding = { ...e, sourcePast: { data: new Float64Array(N * d), n: N, d } };
  const idx = new Uint32Array(N);
  const out = new Float64Array(permutations);
  for (let b = 0; b < permutations; b++) {
    permutedRows(data, d, seed, b, idx, shuffled.sourcePast.data);
    out[b] = transferEntropyKnn(be, shuffled, neighbors);
  }
  return out;
}

/** Real series (finite values, one length), read as float64; errors name the series and index. */
function realSeries(fn: string, series: readonly NamedSeries[]): Float64Array[] {
  const out: Float64Array[] = [];
  for (const s of series) {
    const x = samplesArg(fn, s.name, s.x);
    if (x.d !== 1) throw new TypeError(`${fn}: ${s.name} must be a series (a vector), got a matrix of ${x.d} columns`);
    if (out.length > 0 && x.n !== out[0].length)
      throw new RangeError(`${fn}: ${s.name} has length ${x.n} but ${series[0].name} has length ${out[0].length}; the series must be equally long`);
    out.push(x.data);
  }
  return out;
}

/** Series of length n, checked for o.neighbors + 1 embedded steps (each step needs `neighbors` others). */
function knnStart(fn: string, n: number, o: Resolved, name: string): void {
  const t0 = firstStep(o.k, o.l, o.lag);
  if (n - t0 < o.neighbors + 1)
    throw new RangeError(
      `${fn}: neighbors = ${o.neighbors} needs at least neighbors + 1 = ${o.neighbors + 1} time steps after the first ${t0} values (k = ${o.k}${o.l > 0 ? `, l = ${o.l}, lag = ${o.lag}` : ""}), and ${name} has length ${n}`,
    );
}

/** `method: "knn"` of src/dynamics.ts: TE by Frenzel–Pompe, AIS by KSG algorithm 1 (the entropy rate is of discrete series only). */
export const knnMethod: MethodImpl = {
  values(b, fn, series, pairs, o) {
    const xs = realSeries(fn, series);
    knnStart(fn, xs[0].length, o, series[0].name);
    const out = new Float64Array(pairs.length / 2);
    for (let p = 0; p < out.length; p++) {
      const y = xs[pairs[2 * p]];
      out[p] = o.l === 0 ? activeInformationStorageKnn(b, y, o.k, o.neighbors) : transferEntropyKnn(b, transferEmbedding(xs[pairs[2 * p + 1]], y, o.k, o.l, o.lag), o.neighbors);
    }
    return out;
  },
  surrogates(b, fn, source, target, o, B, seed) {
    const [x, y] = realSeries(fn, [source, target]);
    knnStart(fn, y.length, o, "target");
    const e = transferEmbedding(x, y, o.k, o.l, o.lag);
    return { statistic: transferEntropyKnn(b, e, o.neighbors), values: transferEntropyKnnSurrogates(b, e, o.neighbors, B, seed) };
  },
};
