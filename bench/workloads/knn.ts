/**
 * W7 (issue 10, kNN estimators): scikit-learn's feature-ranking calls and one large KSG estimate.
 *   W7          mutualInfoRegression of X 1e5 × 8 float64 (independent standard normals) against
 *               y = sin(2 x0) + x1² + 0.5 x2 x3 + 0.1 N(0, 1); default options (k 3, noise on)
 *   W7-classif  mutualInfoClassif of the same X against the tercile (0, 1, 2) of that y
 *   W7-ksg      mutualInformationKnn (KSG algorithm 1, k 3) of 1e6 Gaussian pairs, ρ = 0.6,
 *               with W7-ksg-1e4 and W7-ksg-1e5 as a size series (run.ts prints time / (n log2 n))
 * scikit-learn's counterparts (same sizes and distributions, NumPy's random numbers) are in
 * bench/peers/sklearn_peers.py. Each call lasts hundreds of ms to seconds, so these workloads time
 * one call per backend and round, after one warm-up call in the first round (Workload.bench).
 * `--threads 1,2` times `it.parallel.<the same call>`.
 */
import type { Matrix } from "../../src/types.js";
import { gaussianPairs, standardNormals } from "../random.js";
import type { Workload } from "./types.js";

const N = 1e5;
const D = 8;

/** One timed call per backend and round after one warm-up call in the first round (the figure: median of the rounds). */
export const HEAVY = { time: 0, iterations: 1, warmupTime: 0, warmupIterations: 1 };
/** Calls of a few ms to tens of ms: 200 ms (at least 3 calls) per backend and round. */
const LIGHT = { time: 200, warmupTime: 50, warmupIterations: 2 };

interface Features {
  X: Matrix;
  y: Float64Array;
  labels: Int32Array;
}

/** The W7 input: X n × d row-major standard normals, the nonlinear target and its terciles. */
function features(seed: number): Features {
  const data = standardNormals(N * D, seed);
  const noise = standardNormals(N, seed + 1);
  const y = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    const x = data.subarray(i * D, i * D + 4);
    y[i] = Math.sin(2 * x[0]) + x[1] * x[1] + 0.5 * x[2] * x[3] + 0.1 * noise[i];
  }
  // terciles as numpy.quantile (linear interpolation), class = number of cut points ≤ y
  const s = Float64Array.from(y).sort();
  const quantile = (p: number) => {
    const h = (N - 1) * p;
    const lo = Math.floor(h);
    return s[lo] + (h - lo) * (s[Math.min(lo + 1, N - 1)] - s[lo]);
  };
  const cuts = [quantile(1 / 3), quantile(2 / 3)];
  const labels = Int32Array.from(y, (v) => (v >= cuts[0] ? 1 : 0) + (v >= cuts[1] ? 1 : 0));
  return { X: { data, rows: N, cols: D }, y, labels };
}

const KSG = { k: 3, algorithm: 1 } as const;

/** W7-ksg at n pairs; the 1e6 one carries the BENCH.md id "W7-ksg". */
const ksg = (n: number, id: string): Workload<Float64Array[]> => ({
  name: `${id} mutualInformationKnn 1e${Math.log10(n)} pairs`,
  elements: n,
  setup: () => gaussianPairs(n, 0.6, 70 + Math.log10(n)),
  run: (e, [x, y]) => e.mutualInformationKnn(x, y, KSG),
  parallel: (e, [x, y]) => e.parallel.mutualInformationKnn(x, y, KSG),
  bench: n >= 1e6 ? HEAVY : LIGHT,
  scaling: { series: "W7-ksg", n },
});

export const knnWorkloads: Workload<any>[] = [
  {
    name: "W7 mutualInfoRegression 1e5x8 f64",
    elements: N * D,
    setup: () => features(71),
    run: (e, f: Features) => e.mutualInfoRegression(f.X, f.y),
    parallel: (e, f: Features) => e.parallel.mutualInfoRegression(f.X, f.y),
    bench: HEAVY,
  },
  {
    name: "W7-classif mutualInfoClassif 1e5x8 f64, 3 classes",
    elements: N * D,
    setup: () => features(71),
    run: (e, f: Features) => e.mutualInfoClassif(f.X, f.labels),
    parallel: (e, f: Features) => e.parallel.mutualInfoClassif(f.X, f.labels),
    bench: HEAVY,
  },
  ksg(1e4, "W7-ksg-1e4"),
  ksg(1e5, "W7-ksg-1e5"),
  ksg(1e6, "W7-ksg"),
];
