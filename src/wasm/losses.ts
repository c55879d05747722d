/**
 * The loss kernels on WASM: assembly/losses.ts through the chunked host. Rows up to CHUNK
 * elements are processed whole (their max and Σ exp(x − max) computed while the row is in
 * cache); longer rows arrive in segments whose statistics are merged by max-rescaling:
 * m = max(m1, m2), Σ = Σ1·e^(m1−m) + Σ2·e^(m2−m).
 */
import type { FloatArray, LossKernels } from "../backend.js";
import { BCE_WIDTH, LSE_WIDTH } from "../backend.js";
import { MIN, SUM } from "../cascade.js";
import { CHUNK, type WasmHost } from "./host.js";

const DOT_OPS = [SUM, SUM, MIN] as const;
const KL_OPS = [SUM] as const;

export function wasmLosses(h: WasmHost): LossKernels {
  return {
    lseRows(x, rows, cols, withSum) {
      const result = new Float64Array(rows * LSE_WIDTH);
      const fn = h.kernel("lseRows", x);
      const flag = withSum ? 1 : 0;
      h.blocks(rows, cols, (r0, r1, c0, c1) => {
        h.copyRows(x, cols, r0, r1, c0, c1, h.op[0]);
        fn(h.op[0], r1 - r0, c1 - c0, flag, h.out);
        const mem = h.view64();
        const o = h.out >> 3;
        if (c0 === 0) {
          result.set(mem.subarray(o, o + (r1 - r0) * LSE_WIDTH), r0 * LSE_WIDTH);
          return;
        }
        const q = r0 * LSE_WIDTH;
        const m1 = result[q], m2 = mem[o];
        const m = Math.max(m1, m2);
        result[q] = m;
        result[q + 1] = result[q + 1] * Math.exp(m1 - m) + mem[o + 1] * Math.exp(m2 - m);
        result[q + 2] = Math.min(result[q + 2], mem[o + 2]);
        result[q + 3] += mem[o + 3];
      });
      return result;
    },

    softmaxRows(x, rows, cols, ctx, log) {
      const f32 = x instanceof Float32Array;
      const out = f32 ? new Float32Array(x.length) : new Float64Array(x.length);
      const fn = h.kernel("softmaxRows", x);
      const flag = log ? 1 : 0;
      h.blocks(rows, cols, (r0, r1, c0, c1) => {
        h.copyRows(x, cols, r0, r1, c0, c1, h.op[0]);
        h.view64().set(ctx.subarray(2 * r0, 2 * r1), h.side >> 3);
        fn(h.op[0], r1 - r0, c1 - c0, h.side, flag);
        const n = (r1 - r0) * (c1 - c0);
        const at = r0 * cols + c0;
        if (f32) out.set(h.view32().subarray(h.op[0] >> 2, (h.op[0] >> 2) + n), at);
        else out.set(h.view64().subarray(h.op[0] >> 3, (h.op[0] >> 3) + n), at);
      });
      return out;
    },

    targetDotRows: (t, x, rows, cols) => h.rows("targetDotRows", [t, x], rows, cols, DOT_OPS),

    bce(y: FloatArray, p: FloatArray, fromLogits: boolean, eps: number, each: Float64Array | null): Float64Array {
      const fn = h.kernel("bce", y);
      const n = y.length;
      const stats = h.out + CHUNK * 8;
      const result = new Float64Array(BCE_WIDTH);
      result.fill(Infinity);
      result[0] = 0;
      const parts: number[] = [];
      for (let i0 = 0; i0 < n; i0 += CHUNK) {
        const i1 = Math.min(i0 + CHUNK, n);
        h.copyIn(y, i0, i1, h.op[0]);
        h.copyIn(p, i0, i1, h.op[1]);
        fn(h.op[0], h.op[1], i1 - i0, fromLogits ? 1 : 0, eps, stats, each ? h.out : 0);
        const mem = h.view64();
        const o = stats >> 3;
        parts.push(mem[o]);
        for (let f = 1; f < BCE_WIDTH; f++) result[f] = Math.min(result[f], mem[o + f]);
        if (each) each.set(mem.subarray(h.out >> 3, (h.out >> 3) + (i1 - i0)), i0);
      }
      result[0] = pairwise(parts, 0, parts.length);
      return result;
    },

    gaussKlRows: (mu, lv, rows, cols) => h.rows("gaussKlRows", [mu, lv], rows, cols, KL_OPS),
  };
}

function pairwise(a: number[], i0: number, i1: number): number {
  if (i1 - i0 <= 8) {
    let s = 0;
    for (let i = i0; i < i1; i++) s += a[i];
    return s;
  }
  const mid = (i0 + i1) >> 1;
  return pairwise(a, i0, mid) + pairwise(a, mid, i1);
}
