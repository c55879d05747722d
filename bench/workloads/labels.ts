import { rng, type Workload } from "./types.js";

/** n labels in [0, k), from a fixed seed. */
function labels(n: number, k: number, seed: number): Int32Array {
  const r = rng(seed);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(r() * k);
  return out;
}

/** b agrees with a (up to a relabelling) on about 70 % of the samples. */
function noisyCopy(a: Int32Array, k: number, seed: number): Int32Array {
  const r = rng(seed);
  return a.map((v) => (r() < 0.7 ? (v * 7 + 3) % k : Math.floor(r() * k)));
}

export const labelWorkloads: Workload<any>[] = [
  {
    name: "AMI 1e5 labels 1000 clusters",
    elements: 1e5,
    setup: () => {
      const a = labels(1e5, 1000, 31);
      return [a, noisyCopy(a, 1000, 32)];
    },
    run: (e, [a, b]: Int32Array[]) => e.adjustedMutualInformation(a, b),
  },
  {
    name: "MI labels 1e6",
    elements: 1e6,
    setup: () => {
      const a = labels(1e6, 64, 33);
      return [a, noisyCopy(a, 64, 34)];
    },
    run: (e, [a, b]: Int32Array[]) => e.mutualInformationLabels(a, b),
  },
];
