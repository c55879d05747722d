/**
 * The grid kernels on WASM: assembly/integrate.ts through the chunked host.
 *
 * Layout per call: op[0] (and op[1]) the rows of f (and g); side[0, CHUNK) the weight segment,
 * side[CHUNK, 2·CHUNK) the shared reference row segment; `extra` the per-row context (2 f64 per
 * row); out the per-row results. Rows longer than a chunk are cut into segments whose partial
 * results are combined pairwise (sums) or by min. The weight (and shared reference) segment is
 * copied only when the segment changes, so a batch of short rows copies it once.
 */
import type { FloatArray, IntegrateKernels } from "../backend.js";
import { MIN, SUM } from "../cascade.js";
import { CHUNK, type WasmHost } from "./host.js";

const PAIR_OPS = [SUM, SUM, SUM, MIN, MIN, SUM] as const;
const ENTROPY_OPS = [SUM, SUM, MIN] as const;

export function wasmIntegrate(h: WasmHost): IntegrateKernels {
  const wPtr = h.side;
  const gPtr = h.side + CHUNK * 8;

  /** Keeps the weight (and shared-row) segment [c0, c1) in side memory. */
  function sharedSegments(w: Float64Array, g: FloatArray | null) {
    let s0 = -1;
    let s1 = -1;
    return (c0: number, c1: number): void => {
      if (c0 === s0 && c1 === s1) return;
      h.view64().set(w.subarray(c0, c1), wPtr >> 3);
      if (g) h.copyIn(g, c0, c1, gPtr);
      s0 = c0;
      s1 = c1;
    };
  }

  function pair(name: string, f: FloatArray, g: FloatArray, rows: number, cols: number, w: Float64Array, ctx: Float64Array): Float64Array {
    const fn = h.kernel(name, f);
    const shared = g.length < f.length;
    const ctxPtr = h.reserve(CHUNK * 8);
    const seg = sharedSegments(w, shared ? g : null);
    return h.collect(rows, cols, PAIR_OPS, (r0, r1, c0, c1) => {
      seg(c0, c1);
      h.copyRows(f, cols, r0, r1, c0, c1, h.op[0]);
      if (!shared) h.copyRows(g, cols, r0, r1, c0, c1, h.op[1]);
      h.view64().set(ctx.subarray(2 * r0, 2 * r1), ctxPtr >> 3);
      fn(h.op[0], shared ? gPtr : h.op[1], shared ? 0 : 1, r1 - r0, c1 - c0, wPtr, ctxPtr, h.out);
    });
  }

  return {
    sumEvenOddRows: (y, rows, cols) => h.rows("sumEvenOdd", [y], rows, cols, [SUM, SUM]),

    dotRows(y, rows, cols, w) {
      const fn = h.kernel("dotRows", y);
      const seg = sharedSegments(w, null);
      return h.collect(rows, cols, [SUM], (r0, r1, c0, c1) => {
        seg(c0, c1);
        h.copyRows(y, cols, r0, r1, c0, c1, h.op[0]);
        fn(h.op[0], r1 - r0, c1 - c0, wPtr, h.out);
      });
    },

    cumulativeTrapezoidRows(y, rows, cols, x, dx) {
      const fn = h.kernel("cumTrapezoid", y);
      const out = new Float64Array(rows * (cols - 1));
      const outIndex = h.out >> 3;
      // Segments overlap by one sample (the previous one), so each holds at most CHUNK samples.
      const step = CHUNK - 1;
      if (cols <= CHUNK) {
        if (x) h.view64().set(x, wPtr >> 3);
        const per = Math.max(1, Math.floor(CHUNK / cols));
        for (let r0 = 0; r0 < rows; r0 += per) {
          const r1 = Math.min(r0 + per, rows);
          h.copyRows(y, cols, r0, r1, 0, cols, h.op[0]);
          fn(h.op[0], r1 - r0, cols, x ? wPtr : 0, dx, 0, h.out);
          out.set(h.view64().subarray(outIndex, outIndex + (r1 - r0) * (cols - 1)), r0 * (cols - 1));
        }
        return out;
      }
      for (let r = 0; r < rows; r++) {
        let carry = 0;
        for (let c0 = 0; c0 < cols - 1; c0 += step) {
          const c1 = Math.min(c0 + step + 1, cols); // samples [c0, c1): c1 − c0 − 1 intervals
          h.copyIn(y, r * cols + c0, r * cols + c1, h.op[0]);
          if (x) h.view64().set(x.subarray(c0, c1), wPtr >> 3);
          carry = fn(h.op[0], 1, c1 - c0, x ? wPtr : 0, dx, carry, h.out);
          out.set(h.view64().subarray(outIndex, outIndex + (c1 - c0 - 1)), r * (cols - 1) + c0);
        }
      }
      return out;
    },

    gridEntropyRows(f, rows, cols, w, ctx) {
      const fn = h.kernel("gridEntropy", f);
      const ctxPtr = h.reserve(CHUNK * 8);
      const seg = sharedSegments(w, null);
      return h.collect(rows, cols, ENTROPY_OPS, (r0, r1, c0, c1) => {
        seg(c0, c1);
        h.copyRows(f, cols, r0, r1, c0, c1, h.op[0]);
        h.view64().set(ctx.subarray(2 * r0, 2 * r1), ctxPtr >> 3);
        fn(h.op[0], r1 - r0, c1 - c0, wPtr, ctxPtr, h.out);
      });
    },

    gridCrossRows: (f, g, rows, cols, w, ctx) => pair("gridCross", f, g, rows, cols, w, ctx),
    gridKlRows: (f, g, rows, cols, w, ctx) => pair("gridKl", f, g, rows, cols, w, ctx),
    gridJsRows: (f, g, rows, cols, w, ctx) => pair("gridJs", f, g, rows, cols, w, ctx),
  };
}
