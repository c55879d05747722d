import type { Matrix } from "../../src/types.js";
import { positive, type Workload } from "./types.js";
import { resident } from "./parallel.js";
import type { Engine } from "../../src/engine.js";

const matrix = (seed: number): Matrix => ({ data: positive(Float64Array, 1e6, seed), rows: 1000, cols: 1000 });

/**
 * W9: Hellinger distance and Rényi divergence (α = 2) row by row of two 1000×1000 float64
 * matrices of positive weights (each row normalised inside the call, as the NumPy peers do by hand).
 * The "zero-copy" twins hold both matrices in WASM memory (it.allocate, filled outside the timing):
 * the kernels' own speed, without the 16 MB copy into WASM memory that bounds the plain runs.
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
  ...(["hellinger", "renyi2"] as const).map((kind, i) => ({
    name: `W9-${kind} zero-copy 1000x1000 f64`,
    elements: 1e6,
    setup: () => [matrix(91 + 2 * i), matrix(92 + 2 * i)],
    perEngine: (e: Engine, [p, q]: Matrix[]) => {
      // the second allocation may grow WASM memory and detach the first view: reattach it
      const rp = resident(e, p.data);
      const rq = resident(e, q.data);
      return [{ ...p, data: e.reattach(rp) }, { ...q, data: rq }];
    },
    release: (e: Engine, ms: Matrix[]) => ms.forEach((m) => e.release(m.data)),
    run: (e: Engine, [p, q]: Matrix[]) => (kind === "hellinger" ? e.hellingerDistance(p, q) : e.renyiDivergence(p, q, 2)),
  })),
];
