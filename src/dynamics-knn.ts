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
import { frenzelPompe, ksg } from "./knn.js";
import { permutedRows } from "./resampling.js";
import type { Samples } from "./validate.js";

/** Where the embedded vectors start: t0 = max(k, lag + l − 1) (l = 0: no source). */
export function historyStart(k: number, l: number, lag: number): number {
  return l === 0 ? k : Math.max(k, lag + l - 1);
}

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
  const t0 = historyStart(k, l, lag);
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
