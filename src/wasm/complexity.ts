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
      // a resident x is read at its address, taken before whole() may grow memory (which detaches the view)
      const at = h.resident(x) ? x.byteOffset : -1;
      return h.whole(at >= 0 ? [] : [x], rows * factorial(order), "f64", 0, (ptrs, out) => ordinal(at >= 0 ? at : ptrs[0], rows, cols, order, delay, out));
    },
    templateMatches(x, rows, cols, m, r, perTemplate, p0, p1) {
      const at = h.resident(x) ? x.byteOffset : -1;
      const width = perTemplate ? 2 * templatesOf(cols, m, perTemplate) : 2;
      return h.whole(at >= 0 ? [r] : [x, r], rows * width, "f64", workBytes(cols, m, perTemplate), (ptrs, out, work) => {
        const [xp, rp] = at >= 0 ? [at, ptrs[0]] : ptrs;
        matches(xp, rows, cols, m, rp, perTemplate, p0, p1, out, work);
      });
    },
  };
}
