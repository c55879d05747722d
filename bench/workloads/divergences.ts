import type { Matrix } from "../../src/types.js";
import { positive, type Workload } from "./types.js";

const matrix = (seed: number): Matrix => ({ data: positive(Float64Array, 1e6, seed), rows: 1000, cols: 1000 });

/**
 * W9: Hellinger distance and Rényi divergence (α = 2) row by row of two 1000×1000 float64
 * matrices of positive weights (each row normalised inside the call, as the NumPy peers do by hand).
 */
export const divergenceWorkloads: Workload<Matrix[]>[] = [
  {
    name: "W9-hellinger hellinger 1000x1000 f64",
    elements: 1e6,
    setup: () => [matrix(91), matrix(92)],
    run: (e, [p, q]) => e.hellingerDistance(p, q),
  },
  {
    name: "W9-renyi2 renyi divergence alpha=2 1000x1000 f64",
    elements: 1e6,
    setup: () => [matrix(93), matrix(94)],
    run: (e, [p, q]) => e.renyiDivergence(p, q, 2),
  },
];
