/**
 * The pair-counting kernel on WASM: assembly/multivariate.ts. The codes, the code counts and the
 * pair list are copied in whole (WasmHost.whole), followed by the tables and a work area of two
 * u32 tables of the largest pair.
 */
import type { MultivariateKernels } from "../backend.js";
import { pairCells } from "../js/multivariate.js";
import type { WasmHost } from "./host.js";

export function wasmMultivariate(h: WasmHost): MultivariateKernels {
  const K = { pairTables: h.kernel("pairTables") };
  return {
    pairTables(codes, n, k, pairs, p0, p1) {
      let largest = 0;
      for (let p = p0; p < p1; p++) largest = Math.max(largest, pairCells(k, pairs, p, p + 1));
      return h.whole([codes, k, pairs], pairCells(k, pairs, p0, p1), "f64", largest * 8, ([c, kk, pp], out, work) => K.pairTables(c, n, kk, pp, p0, p1, out, work));
    },
  };
}
