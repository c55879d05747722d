/**
 * The permutation and bootstrap kernels on WASM: assembly/resampling.ts. Inputs are copied whole
 * (WasmHost.whole); a bootstrap call returns at most OUT_CELLS counts, so the host cuts a long
 * run of resamples into calls of that size.
 */
import type { ResamplingKernels } from "../backend.js";
import type { WasmHost } from "./host.js";

/** Counts (f64) one bootstrap call writes at most. */
const OUT_CELLS = 1 << 20;

export function wasmResampling(h: WasmHost): ResamplingKernels {
  const K = {
    resampleWorkBytes: h.kernel("resampleWorkBytes"),
    permutationSums: h.kernel("permutationSums"),
    tableSums: h.kernel("tableSums"),
    multinomialCounts: h.kernel("multinomialCounts"),
    bootstrapCounts: h.kernel("bootstrapCounts"),
  };
  return {
    permutationSums(col, rowStart, rows, cols, g, states, k0, k1) {
      const n = col.length;
      return h.whole([col, rowStart, g, states], k1 - k0, "f64", K.resampleWorkBytes(n, cols), ([c, rs, gg, st], out, work) =>
        K.permutationSums(c, n, rs, rows, cols, gg, st, k0, k1, out, work),
      );
    },
    tableSums(rowSums, colSums, lf, g, states, k0, k1) {
      const cols = colSums.length;
      return h.whole([rowSums, colSums, lf, g, states], k1 - k0, "f64", cols * 8, ([rs, cs, l, gg, st], out, work) =>
        K.tableSums(rs, rowSums.length, cs, cols, l, gg, st, k0, k1, out, work),
      );
    },
    multinomialCounts(counts, lf, ln, states, k0, k1) {
      const cells = counts.length;
      return inParts(k0, k1, cells, (a, b) =>
        h.whole<Float64Array>([counts, lf, ln, states.subarray(4 * a, 4 * b)], (b - a) * cells, "f64", 0, ([c, l, lg, st], o) => K.multinomialCounts(c, cells, l, lg, st, 0, b - a, o)),
      );
    },
    bootstrapCounts(cell, cells, states, k0, k1) {
      const n = cell.length;
      return inParts(k0, k1, cells, (a, b) =>
        h.whole<Float64Array>([cell, states.subarray(4 * a, 4 * b)], (b - a) * cells, "f64", 0, ([c, st], o) => K.bootstrapCounts(c, n, cells, st, 0, b - a, o)),
      );
    },
  };
}

/** Resamples k0 … k1 − 1 of `cells` counts each, computed by `part(a, b)` in runs of at most OUT_CELLS counts. */
function inParts(k0: number, k1: number, cells: number, part: (a: number, b: number) => Float64Array): Float64Array {
  const out = new Float64Array((k1 - k0) * cells);
  const per = Math.max(1, Math.floor(OUT_CELLS / cells));
  for (let a = k0; a < k1; a += per) {
    const b = Math.min(k1, a + per);
    out.set(part(a, b), (a - k0) * cells);
  }
  return out;
}
