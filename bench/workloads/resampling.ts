/**
 * W8 (issue 11, significance): permutation tests and a bootstrap interval of label MI.
 *   W8           mutualInformationTest, B = 999 permutations, of two 1e5-label arrays, 10 × 10
 *                classes, b agreeing with a on 2 % of the samples (the peer: scikit-learn's
 *                mutual_info_score on 999 NumPy permutations, the loop users write today)
 *   W8-shuffle   the same test on 1e5 labels with 400 × 400 classes: a table too large to draw
 *                cell by cell, so the kernel shuffles the pairs (no peer row)
 *   W8-interval  mutualInformationInterval, 1000 bootstrap resamples, of the W8 labels (no peer row)
 * Elements: n × B.
 */
import { rng, type Workload } from "./types.js";

/** a uniform in [0, k); b = a on a fraction `agree` of the samples, else uniform in [0, k). */
function pair(n: number, k: number, agree: number, seed: number): [Int32Array, Int32Array] {
  const r = rng(seed);
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    a[i] = Math.floor(r() * k);
    b[i] = r() < agree ? a[i] : Math.floor(r() * k);
  }
  return [a, b];
}

const once = { time: 0, iterations: 1, warmupTime: 0, warmupIterations: 1 };

export const resamplingWorkloads: Workload<any>[] = [
  {
    name: "W8 permutation test B=999 of 1e5 labels 10x10",
    elements: 1e5 * 999,
    setup: () => pair(1e5, 10, 0.02, 81),
    run: (e, [a, b]: Int32Array[]) => e.mutualInformationTest(a, b, { permutations: 999, seed: 1 }),
    parallel: (e, [a, b]: Int32Array[]) => e.parallel.mutualInformationTest(a, b, { permutations: 999, seed: 1 }),
  },
  {
    name: "W8-shuffle permutation test B=999 of 1e5 labels 400x400",
    elements: 1e5 * 999,
    setup: () => pair(1e5, 400, 0.02, 82),
    run: (e, [a, b]: Int32Array[]) => e.mutualInformationTest(a, b, { permutations: 999, seed: 1 }),
    parallel: (e, [a, b]: Int32Array[]) => e.parallel.mutualInformationTest(a, b, { permutations: 999, seed: 1 }),
    bench: once,
  },
  {
    name: "W8-interval bootstrap 1000 resamples of 1e5 labels 10x10",
    elements: 1e5 * 1000,
    setup: () => pair(1e5, 10, 0.02, 81),
    run: (e, [a, b]: Int32Array[]) => e.mutualInformationInterval(a, b, { resamples: 1000, seed: 1 }),
    parallel: (e, [a, b]: Int32Array[]) => e.parallel.mutualInformationInterval(a, b, { resamples: 1000, seed: 1 }),
    bench: once,
  },
];
