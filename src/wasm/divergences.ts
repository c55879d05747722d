/** The divergence kernels on WASM: assembly/divergences.ts through the chunked host. */
import type { DivergenceKernels } from "../backend.js";
import { MIN, SUM } from "../cascade.js";
import type { WasmHost } from "./host.js";

const POWER_OPS = [SUM, SUM, MIN, SUM] as const;
const TWO_SUMS = [SUM, SUM] as const;
const THREE_SUMS = [SUM, SUM, SUM] as const;
const BC_RAW_OPS = [SUM, SUM, SUM, MIN, MIN] as const;
const CHI2_RAW_OPS = [SUM, SUM, SUM, MIN, MIN, SUM] as const;

export function wasmDivergences(h: WasmHost): DivergenceKernels {
  const sweep = h.kernel("cdfDistance");
  return {
    powerRows: (x, rows, cols, ctx) => h.rows("powerRows", [x], rows, cols, POWER_OPS, ctx, 2),
    hellingerRows: (p, q, rows, cols, ctx) => h.rows("hellingerRows", [p, q], rows, cols, THREE_SUMS, ctx, 2),
    chiSquareRows: (p, q, rows, cols, ctx) => h.rows("chiSquareRows", [p, q], rows, cols, TWO_SUMS, ctx, 2),
    bcRawRows: (p, q, rows, cols) => h.rows("bcRawRows", [p, q], rows, cols, BC_RAW_OPS),
    chiRawRows: (p, q, rows, cols) => h.rows("chiRawRows", [p, q], rows, cols, CHI2_RAW_OPS),
    renyiDivRows: (p, q, rows, cols, ctx) => h.rows("renyiDivRows", [p, q], rows, cols, POWER_OPS, ctx, 2),
    cdfDistance(u, uw, v, vw, power) {
      const inputs = [u, v, ...(uw ? [uw] : []), ...(vw ? [vw] : [])];
      const out = h.whole<Float64Array>(inputs, 1, "f64", 0, (ptrs, o) => {
        const uwp = uw ? ptrs[2] : 0;
        const vwp = vw ? ptrs[uw ? 3 : 2] : 0;
        sweep(ptrs[0], u.length, uwp, ptrs[1], v.length, vwp, power, o);
      });
      return out[0];
    },
  };
}
