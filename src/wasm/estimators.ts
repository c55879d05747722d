/** The estimator kernels on WASM: assembly/estimators.ts through the chunked host. */
import type { EstimatorKernels } from "../backend.js";
import { SUM } from "../cascade.js";
import { COUNT_OPS, countTable } from "../js/estimators.js";
import type { WasmHost } from "./host.js";

const ONE_SUM = [SUM] as const;

export function wasmEstimators(h: WasmHost): EstimatorKernels {
  return {
    /** The count table (3·1024 f64, src/js/estimators.ts) is one context shared by every row. */
    countStatsRows: (x, rows, cols) => h.rows("countStatsRows", [x], rows, cols, COUNT_OPS, countTable(), 0),
    shrinkRows: (x, rows, cols, ctx) => h.rows("shrinkRows", [x], rows, cols, ONE_SUM, ctx, 2),
    chaoShenRows: (x, rows, cols, ctx) => h.rows("chaoShenRows", [x], rows, cols, ONE_SUM, ctx, 2),
  };
}
