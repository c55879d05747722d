/**
 * The history-counting kernel on WASM: assembly/dynamics.ts. The codes and the pair list are
 * copied in whole (WasmHost.whole), followed by the tables and the kernel's work area (historyWorkBytes: four u32 tables, or the
 * series packed into bits).
 */
import type { DynamicsKernels } from "../backend.js";
import { historyCells } from "../js/dynamics.js";
import type { WasmHost } from "./host.js";

export function wasmDynamics(h: WasmHost): DynamicsKernels {
  const K = { historyCounts: h.kernel("historyCounts"), workBytes: h.kernel("historyWorkBytes") };
  return {
    historyCounts(codes, width, n, radix, pairs, k, l, lag, p0, p1) {
      const cells = historyCells(radix, k, l);
      const rows = Math.ceil(codes.byteLength / (n * width));
      return h.whole([codes, pairs], (p1 - p0) * cells, "f64", K.workBytes(n, rows, radix, k, l), ([c, pp], out, work) => K.historyCounts(c, width, n, radix, pp, k, l, lag, p0, p1, out, work));
    },
  };
}
