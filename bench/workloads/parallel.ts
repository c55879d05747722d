/**
 * Workloads of the parallel/zero-copy issue: W1 and W3 with zero-copy input (the array lives
 * in WASM memory, from it.allocate, filled outside the timing), and W2-js (Jensen–Shannon on the
 * W2 shape, so ml-distance's jensenShannon and SciPy have a counterpart).
 */
import type { Engine } from "../../src/engine.js";
import type { Matrix } from "../../src/types.js";
import { positive, type Workload } from "./types.js";

/** A copy of `src` in the engine's WASM memory (a plain array on the js backend). */
export function resident(e: Engine, src: Float64Array | Float32Array): Float64Array | Float32Array {
  const a = src instanceof Float32Array ? e.allocate(src.length, "f32") : e.allocate(src.length, "f64");
  a.set(src);
  return a;
}

export const parallelWorkloads: Workload<any>[] = [
  {
    name: "W1 entropy 1000x1000 f64 zero-copy",
    elements: 1e6,
    setup: () => positive(Float64Array, 1e6, 1),
    perEngine: (e, x: Float64Array) => ({ data: resident(e, x), rows: 1000, cols: 1000 }),
    release: (e, m: Matrix) => e.release(m.data),
    run: (e, m: Matrix) => e.entropy(m),
  },
  {
    name: "W3-f64 entropy 1e7 f64 zero-copy",
    elements: 1e7,
    setup: () => positive(Float64Array, 1e7, 4),
    perEngine: (e, x: Float64Array) => resident(e, x),
    release: (e, x: Float64Array) => e.release(x),
    run: (e, x: Float64Array) => e.entropy(x),
  },
  {
    name: "W3-f32 entropy 1e7 f32 zero-copy",
    elements: 1e7,
    setup: () => positive(Float32Array, 1e7, 5),
    perEngine: (e, x: Float32Array) => resident(e, x),
    release: (e, x: Float32Array) => e.release(x),
    run: (e, x: Float32Array) => e.entropy(x),
  },
  {
    name: "W2-js jsDivergence 1000x1000 f64",
    elements: 1e6,
    setup: (): Matrix[] => [
      { data: positive(Float64Array, 1e6, 2), rows: 1000, cols: 1000 },
      { data: positive(Float64Array, 1e6, 3), rows: 1000, cols: 1000 },
    ],
    run: (e, [p, q]: Matrix[]) => e.jsDivergence(p, q),
  },
];
