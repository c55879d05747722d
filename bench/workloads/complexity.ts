/**
 * W12 (issue 15, time-series complexity): sampleEntropy of 1e5 standard-normal points, m = 2,
 * default r (0.2 · sd). Extra rows without a BENCH.md id: CX1 permutationEntropy of 1e7 points
 * (order 3 and order 6), CX2 approximateEntropy of 1e5 points (m = 2, default r). NumPy's
 * counterparts (bench/peers/numpy_peers.py): W12 the vectorised all-pairs loop users write
 * (O(n²); timed once), CX1 argsort of a sliding_window_view + np.unique. One timed call per
 * backend and round after a warm-up for W12/CX2 (Workload.bench); `--threads 1,2` times
 * it.parallel (ranges of the sorted templates of the one series across the workers).
 */
import { standardNormals } from "../random.js";
import type { Workload } from "./types.js";
import { HEAVY } from "./knn.js";

const N = 1e5;
const LONG = 1e7;

export const complexityWorkloads: Workload<any>[] = [
  {
    name: "W12 sampleEntropy 1e5 f64, m = 2, r = 0.2 sd",
    elements: N,
    setup: () => standardNormals(N, 1201),
    run: (e, x: Float64Array) => e.sampleEntropy(x),
    parallel: (e, x: Float64Array) => e.parallel.sampleEntropy(x),
    bench: HEAVY,
  },
  ...[3, 6].map(
    (order): Workload<Float64Array> => ({
      name: `CX1${order === 6 ? "-order6" : ""} permutationEntropy 1e7 f64, order ${order}`,
      elements: LONG,
      setup: () => standardNormals(LONG, 1202),
      run: (e, x) => e.permutationEntropy(x, { order }),
      parallel: (e, x) => e.parallel.permutationEntropy(x, { order }),
      bench: HEAVY,
    }),
  ),
  {
    name: "CX2 approximateEntropy 1e5 f64, m = 2, r = 0.2 sd",
    elements: N,
    setup: () => standardNormals(N, 1203),
    run: (e, x: Float64Array) => e.approximateEntropy(x),
    parallel: (e, x: Float64Array) => e.parallel.approximateEntropy(x),
    bench: HEAVY,
  },
];
