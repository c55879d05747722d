import type { Matrix } from "../../src/types.js";
import { positive, type Workload } from "./types.js";

const matrix = (seed: number): Matrix => ({ data: positive(Float64Array, 1e6, seed), rows: 1000, cols: 1000 });

export const discreteWorkloads: Workload<any>[] = [
  {
    name: "W1 entropy 1000x1000 f64",
    elements: 1e6,
    setup: () => matrix(1),
    run: (e, m: Matrix) => e.entropy(m),
  },
  {
    name: "W2 kl 1000x1000 f64",
    elements: 1e6,
    setup: () => [matrix(2), matrix(3)],
    run: (e, [p, q]: Matrix[]) => e.klDivergence(p, q),
  },
  {
    name: "W3-f64 entropy 1e7 f64",
    elements: 1e7,
    setup: () => positive(Float64Array, 1e7, 4),
    run: (e, x: Float64Array) => e.entropy(x),
  },
  {
    name: "W3-f32 entropy 1e7 f32",
    elements: 1e7,
    setup: () => positive(Float32Array, 1e7, 5),
    run: (e, x: Float32Array) => e.entropy(x),
  },
];
