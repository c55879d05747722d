/** The estimator kernels on WASM: assembly/estimators.ts through the chunked host. */
import type { EstimatorKernels, FloatArray } from "../backend.js";
import { Cascade, SUM } from "../cascade.js";
import { COUNT_OPS, COUNT_WIDTH, countTable } from "../js/estimators.js";
import { CHUNK, type WasmHost } from "./host.js";

const ONE_SUM = [SUM] as const;

export function wasmEstimators(h: WasmHost): EstimatorKernels {
  return {
    /**
     * The count table (24 KiB) goes to op[1], which a one-operand kernel leaves free; rows go to
     * op[0] in chunks (or are read in place when resident), at most as many per call as the out
     * region holds at COUNT_WIDTH f64 each; a row longer than a chunk runs in segments whose
     * sums (and minima) are combined pairwise.
     */
    countStatsRows(x: FloatArray, rows: number, cols: number): Float64Array {
      const fn = h.kernel("countStatsRows", x);
      const tabPtr = h.op[1];
      h.view64().set(countTable(), tabPtr >> 3);
      const W = COUNT_WIDTH;
      const result = new Float64Array(rows * W);
      const outAt = h.out >> 3;
      const maxOutRows = Math.floor((6 * CHUNK) / W);
      const size = x.BYTES_PER_ELEMENT;
      if (h.resident(x)) {
        for (let r0 = 0; r0 < rows; r0 += maxOutRows) {
          const r1 = Math.min(r0 + maxOutRows, rows);
          fn(x.byteOffset + r0 * cols * size, r1 - r0, cols, tabPtr, h.out);
          result.set(h.view64().subarray(outAt, outAt + (r1 - r0) * W), r0 * W);
        }
        return result;
      }
      if (cols <= CHUNK) {
        const step = Math.max(1, Math.min(Math.floor(CHUNK / cols), maxOutRows));
        for (let r0 = 0; r0 < rows; r0 += step) {
          const r1 = Math.min(r0 + step, rows);
          h.copyRows(x, cols, r0, r1, 0, cols, h.op[0]);
          fn(h.op[0], r1 - r0, cols, tabPtr, h.out);
          result.set(h.view64().subarray(outAt, outAt + (r1 - r0) * W), r0 * W);
        }
        return result;
      }
      const cascade = new Cascade(COUNT_OPS);
      for (let r = 0; r < rows; r++) {
        cascade.reset();
        for (let c0 = 0; c0 < cols; c0 += CHUNK) {
          const c1 = Math.min(c0 + CHUNK, cols);
          h.copyRows(x, cols, r, r + 1, c0, c1, h.op[0]);
          fn(h.op[0], 1, c1 - c0, tabPtr, h.out);
          cascade.push(h.view64(), outAt);
        }
        cascade.result(result, r * W);
      }
      return result;
    },
    shrinkRows: (x, rows, cols, ctx) => h.rows("shrinkRows", [x], rows, cols, ONE_SUM, ctx, 2),
    chaoShenRows: (x, rows, cols, ctx) => h.rows("chaoShenRows", [x], rows, cols, ONE_SUM, ctx, 2),
  };
}
