/** The discrete-measure kernels on WASM: assembly/discrete.ts through the chunked host. */
import type { DiscreteKernels, FloatArray } from "../backend.js";
import { Cascade, MIN, SUM } from "../cascade.js";
import { CHUNK, type WasmHost } from "./host.js";

const ENTROPY_OPS = [SUM, SUM, MIN] as const;
const PAIR_OPS = [SUM, SUM, SUM, MIN, MIN, SUM] as const;
const SUM_OPS = [SUM, MIN] as const;
const JS_OPS = [SUM] as const;

export function wasmDiscrete(h: WasmHost): DiscreteKernels {
  return {
    entropyRows: (x, rows, cols) => h.rows("entropyRows", [x], rows, cols, ENTROPY_OPS),
    crossEntropyRows: (p, q, rows, cols) => h.rows("crossEntropyRows", [p, q], rows, cols, PAIR_OPS),
    klRows: (p, q, rows, cols) => h.rows("klRows", [p, q], rows, cols, PAIR_OPS),
    jsRows: (p, q, rows, cols, scale) => h.rows("jsRows", [p, q], rows, cols, JS_OPS, scale, 2),
    sumRows: (x, rows, cols) => h.rows("sumRows", [x], rows, cols, SUM_OPS),

    ln(x: FloatArray): Float64Array {
      const out = new Float64Array(x.length);
      const fn = h.kernel("ln", x);
      for (let i0 = 0; i0 < x.length; i0 += CHUNK) {
        const i1 = Math.min(i0 + CHUNK, x.length);
        h.copyIn(x, i0, i1, h.op[0]);
        fn(h.op[0], i1 - i0, h.out);
        out.set(h.view64().subarray(h.out >> 3, (h.out >> 3) + (i1 - i0)), i0);
      }
      return out;
    },

    marginals(t, rows, cols) {
      const rowSums = new Float64Array(rows);
      const colSums = new Float64Array(cols);
      const fn = h.kernel("marginals", t);
      h.blocks(rows, cols, (r0, r1, c0, c1) => {
        h.copyRows(t, cols, r0, r1, c0, c1, h.op[0]);
        fn(h.op[0], r1 - r0, c1 - c0, h.side, h.out);
        const mem = h.view64();
        for (let i = 0; i < r1 - r0; i++) rowSums[r0 + i] += mem[(h.side >> 3) + i];
        for (let j = 0; j < c1 - c0; j++) colSums[c0 + j] += mem[(h.out >> 3) + j];
      });
      return { rowSums, colSums };
    },

    miTable(t, rows, cols, rowSums, colSums) {
      const fn = h.kernel("miTable", t);
      const rowPtr = h.side;
      const colPtr = h.side + CHUNK * 8;
      const cascade = new Cascade([SUM]);
      const part = new Float64Array(1);
      h.blocks(rows, cols, (r0, r1, c0, c1) => {
        h.copyRows(t, cols, r0, r1, c0, c1, h.op[0]);
        const mem = h.view64();
        mem.set(rowSums.subarray(r0, r1), rowPtr >> 3);
        mem.set(colSums.subarray(c0, c1), colPtr >> 3);
        part[0] = fn(h.op[0], r1 - r0, c1 - c0, rowPtr, colPtr);
        cascade.push(part);
      });
      cascade.result(part);
      return part[0];
    },
  };
}
