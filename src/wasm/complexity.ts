/**
 * The complexity kernels on WASM: assembly/complexity.ts. Each call copies the series (unless it
 * already lives in WASM memory: an it.allocate() array, or the pool's shared memory, read in
 * place) and the tolerances into the family table region (WasmHost.whole), followed by the output
 * and the kernel's work region (complexityWorkBytes: the sorted template columns).
 */
import type { ComplexityKernels } from "../backend.js";
import { factorial, templatesOf } from "../js/complexity.js";
import type { WasmHost } from "./host.js";

export function wasmComplexity(h: WasmHost): ComplexityKernels {
  const ordinal = h.kernel("ordinalCountsRows");
  const workBytes = h.kernel("complexityWorkBytes");
  const matches = h.kernel("templateMatches");
  return {
    ordinalCountsRows(x, rows, cols, order, delay) {
      return h.whole([x], rows * factorial(order), "f64", 0, ([xp], out) => ordinal(xp, rows, cols, order, delay, out));
    },
    templateMatches(x, rows, cols, m, r, perTemplate, p0, p1) {
      const width = perTemplate ? 2 * templatesOf(cols, m, perTemplate) : 2;
      return h.whole([x, r], rows * width, "f64", workBytes(cols, m, perTemplate), ([xp, rp], out, work) => matches(xp, rows, cols, m, rp, perTemplate, p0, p1, out, work));
    },
  };
}
