/**
 * Many variables (not a BENCH.md workload; issue 14):
 *   MV1  mutualInformationMatrix of 20 label columns of 1e5 samples each (alphabets of 2 … 21
 *        labels, each column a noisy function of column 0), all 190 pairs; the scikit-learn peer
 *        is the loop users write, mutual_info_score(X[:, i], X[:, j]) for every pair i ≤ j (the diagonal too).
 */
import { rng, type Workload } from "./types.js";

const N = 1e5;
const D = 20;

/** D label columns of N samples: column j has j + 2 labels and copies column 0 (mod j + 2) on half the samples. */
function columns(seed: number): Int32Array[] {
  const r = rng(seed);
  const base = Int32Array.from({ length: N }, () => Math.floor(r() * 2));
  const out = [base];
  for (let j = 1; j < D; j++) {
    const m = j + 2;
    out.push(Int32Array.from(base, (v, i) => (r() < 0.5 ? (v + i) % m : Math.floor(r() * m))));
  }
  return out;
}

export const multivariateWorkloads: Workload<any>[] = [
  {
    name: "MV1 MI matrix 1e5x20 labels",
    elements: N * D,
    setup: () => columns(141),
    run: (e, cols: Int32Array[]) => e.mutualInformationMatrix(cols),
    parallel: (e, cols: Int32Array[]) => e.parallel.mutualInformationMatrix(cols),
  },
];
