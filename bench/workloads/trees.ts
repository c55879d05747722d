/**
 * W10 (issue 14, decision-tree splits): bestSplit of X 1e5 × 50 float64 (independent standard
 * normals) for a 4-class target, y = the quartile class of x0 + 0.5 x1 + N(0, 1) (cut points −1, 0, 1),
 * entropy criterion (W10) and Gini (W10-gini). scikit-learn's counterpart (bench/peers/sklearn_peers.py)
 * fits DecisionTreeClassifier(max_depth=1) on each column in turn (same sizes and distributions,
 * NumPy's random numbers). Each call lasts tens to hundreds of ms: one timed call per backend and
 * round after one warm-up call (Workload.bench). `--threads 1,2` times it.parallel.bestSplit.
 */
import type { Matrix } from "../../src/types.js";
import { standardNormals } from "../random.js";
import type { Workload } from "./types.js";
import { HEAVY } from "./knn.js";

const N = 1e5;
const D = 50;

interface SplitInput {
  X: Matrix;
  labels: Int32Array;
}

function splitInput(seed: number): SplitInput {
  const data = standardNormals(N * D, seed);
  const noise = standardNormals(N, seed + 1);
  const labels = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    const v = data[i * D] + 0.5 * data[i * D + 1] + noise[i];
    labels[i] = (v >= -1 ? 1 : 0) + (v >= 0 ? 1 : 0) + (v >= 1 ? 1 : 0);
  }
  return { X: { data, rows: N, cols: D }, labels };
}

export const treeWorkloads: Workload<any>[] = (["entropy", "gini"] as const).map((criterion) => ({
  name: `${criterion === "entropy" ? "W10" : "W10-gini"} bestSplit 1e5x50 f64, 4 classes${criterion === "gini" ? ", gini" : ""}`,
  elements: N * D,
  setup: () => splitInput(101),
  run: (e, s: SplitInput) => e.bestSplit(s.X, s.labels, { criterion }),
  parallel: (e, s: SplitInput) => e.parallel.bestSplit(s.X, s.labels, { criterion }),
  bench: HEAVY,
}));
