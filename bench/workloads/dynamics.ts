/**
 * Time series (BENCH.md W11; issue 15), unit: time steps.
 *   W11       transferEntropy k = l = lag = 1 of a 1e7-step binary series: source iid fair bits,
 *             target y_t = x_{t−1} flipped with probability 0.1; both Int32Array (label arrays as
 *             users hold codes; coding, copy into WASM memory and counting inside the timing)
 *   W11-bins  transferEntropy method "bins" (8 bins per series) of 1e6 real steps (Float64Array):
 *             x iid N(0, 1), y_t = 0.6 x_{t−1} + 0.8 N(0, 1)
 *   TEK1      (no BENCH.md id) transferEntropy method "knn" (Frenzel–Pompe, 4 neighbours, k = l = 1)
 *             of 1e4 real steps, y_t = 0.5 y_{t−1} + x_{t−1} + N(0, 1); the peer is the same
 *             estimator on scipy.spatial.cKDTree (query, query_ball_point return_length), as the
 *             Python TE packages build it
 *   TEM1      (no BENCH.md id) transferEntropyMatrix of 64 binary series × 1e5 steps (each series a
 *             noisy lagged copy of the one before), all 4032 ordered pairs; `--threads 1,2` times
 *             it.parallel.transferEntropyMatrix
 * NumPy peers (bench/peers/numpy_peers.py): the plug-in TE as users write it (codes combined with
 * arithmetic, np.bincount, Σ c ln c), binning by np.histogram_bin_edges + np.searchsorted; TEM1 a
 * loop over the pairs.
 */
import { rng, standardNormals } from "../random.js";
import type { Workload } from "./types.js";
import { HEAVY } from "./knn.js";

function binaryPair(n: number, seed: number): [Int32Array, Int32Array] {
  const r = rng(seed);
  const x = Int32Array.from({ length: n }, () => (r() < 0.5 ? 1 : 0));
  const y = new Int32Array(n);
  for (let t = 1; t < n; t++) y[t] = r() < 0.1 ? 1 - x[t - 1] : x[t - 1];
  return [x, y];
}

function realPair(n: number, seed: number): [Float64Array, Float64Array] {
  const x = standardNormals(n, seed);
  const z = standardNormals(n, seed + 1);
  const y = new Float64Array(n);
  for (let t = 1; t < n; t++) y[t] = 0.6 * x[t - 1] + 0.8 * z[t];
  return [x, y];
}

function coupledAR(n: number, seed: number): [Float64Array, Float64Array] {
  const x = standardNormals(n, seed);
  const z = standardNormals(n, seed + 1);
  const y = new Float64Array(n);
  for (let t = 1; t < n; t++) y[t] = 0.5 * y[t - 1] + x[t - 1] + z[t];
  return [x, y];
}

function chain(d: number, n: number, seed: number): Int32Array[] {
  const r = rng(seed);
  const out = [Int32Array.from({ length: n }, () => (r() < 0.5 ? 1 : 0))];
  for (let i = 1; i < d; i++) {
    const prev = out[i - 1];
    out.push(Int32Array.from({ length: n }, (_, t) => (t > 0 && r() < 0.8 ? prev[t - 1] : r() < 0.5 ? 1 : 0)));
  }
  return out;
}

export const dynamicsWorkloads: Workload<any>[] = [
  {
    name: "W11 transferEntropy 1e7 steps binary Int32Array",
    elements: 1e7,
    setup: () => binaryPair(1e7, 111),
    run: (e, [x, y]: [Int32Array, Int32Array]) => e.transferEntropy(x, y),
  },
  {
    name: "W11-bins transferEntropy 1e6 steps f64, 8 bins",
    elements: 1e6,
    setup: () => realPair(1e6, 112),
    run: (e, [x, y]: [Float64Array, Float64Array]) => e.transferEntropy(x, y, { method: "bins", bins: 8 }),
  },
  {
    name: "TEK1 transferEntropy knn 1e4 steps f64",
    elements: 1e4,
    setup: () => coupledAR(1e4, 114),
    run: (e, [x, y]: [Float64Array, Float64Array]) => e.transferEntropy(x, y, { method: "knn" }),
    bench: HEAVY,
  },
  {
    name: "TEM1 transferEntropyMatrix 64 series x 1e5 steps binary",
    elements: 64 * 1e5,
    setup: () => chain(64, 1e5, 113),
    run: (e, s: Int32Array[]) => e.transferEntropyMatrix(s),
    parallel: (e, s: Int32Array[]) => e.parallel.transferEntropyMatrix(s),
    bench: HEAVY,
  },
];
