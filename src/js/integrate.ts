/**
 * The JS reference kernels of grid integration and grid divergences: one plain loop each,
 * natural log, blocks of BLOCK samples combined pairwise per row. assembly/integrate.ts computes
 * the same sums.
 */
import type { FloatArray, IntegrateKernels } from "../backend.js";
import { MIN, SUM } from "../cascade.js";
import { BLOCK, rowBlocks } from "./rows.js";
import { lnQuotient } from "./discrete.js";

const PAIR_OPS = [SUM, SUM, SUM, MIN, MIN, SUM] as const;

/** Offset of row r of g: g is rows×cols, or one row shared by all rows of f. */
const gRow = (f: FloatArray, g: FloatArray, r: number, cols: number) => (g.length < f.length ? 0 : r * cols);

export const jsIntegrate: IntegrateKernels = {
  sumEvenOddRows: (y, rows, cols) =>
    rowBlocks([SUM, SUM], rows, cols, (r, j0, j1, acc) => {
      // j0 is a multiple of BLOCK (even): pairs (j, j + 1) are (even, odd).
      const o = r * cols;
      let e = 0;
      let d = 0;
      let j = j0;
      for (; j + 1 < j1; j += 2) {
        e += y[o + j];
        d += y[o + j + 1];
      }
      if (j < j1) e += y[o + j];
      acc[0] = e;
      acc[1] = d;
    }),

  dotRows: (y, rows, cols, w) =>
    rowBlocks([SUM], rows, cols, (r, j0, j1, acc) => {
      const o = r * cols;
      let s = 0;
      for (let j = j0; j < j1; j++) s += w[j] * y[o + j];
      acc[0] = s;
    }),

  cumulativeTrapezoidRows(y, rows, cols, x, dx) {
    const out = new Float64Array(rows * (cols - 1));
    for (let r = 0; r < rows; r++) {
      const o = r * cols;
      const q = r * (cols - 1);
      let s = 0;
      for (let i = 1; i < cols; i++) {
        const d = x ? x[i] - x[i - 1] : dx;
        s += (d * (y[o + i - 1] + y[o + i])) / 2;
        out[q + i - 1] = s;
      }
    }
    return out;
  },

  gridEntropyRows: (f, rows, cols, w, ctx) =>
    rowBlocks([SUM, SUM, MIN], rows, cols, (r, j0, j1, acc) => {
      const o = r * cols;
      const a = ctx[2 * r];
      let sf = 0;
      let st = 0;
      let mf = Infinity;
      for (let j = j0; j < j1; j++) {
        const v = f[o + j];
        sf += w[j] * v;
        if (v > 0) st += w[j] * (v * Math.log(v + a));
        mf = Math.min(mf, v);
      }
      acc[0] = sf;
      acc[1] = st;
      acc[2] = mf;
    }),

  gridCrossRows: (f, g, rows, cols, w, ctx) =>
    rowBlocks(PAIR_OPS, rows, cols, (r, j0, j1, acc) => pairBlock(f, g, r, cols, j0, j1, w, ctx, acc, false)),

  gridKlRows: (f, g, rows, cols, w, ctx) =>
    rowBlocks(PAIR_OPS, rows, cols, (r, j0, j1, acc) => pairBlock(f, g, r, cols, j0, j1, w, ctx, acc, true)),

  gridJsRows: (f, g, rows, cols, w, ctx) =>
    rowBlocks(PAIR_OPS, rows, cols, (r, j0, j1, acc) => {
      const o = r * cols;
      const og = gRow(f, g, r, cols);
      const a = ctx[2 * r];
      const b = ctx[2 * r + 1];
      let sf = 0, sg = 0, st = 0, mf = Infinity, mg = Infinity;
      for (let j = j0; j < j1; j++) {
        const u = f[o + j];
        const v = g[og + j];
        sf += w[j] * u;
        sg += w[j] * v;
        const P = a * u;
        const Q = b * v;
        const S = P + Q; // P ln(P/M) = P ln(2P/S): finite even where M underflows
        let t = 0;
        if (P > 0) t += P * Math.log((2 * P) / S);
        if (Q > 0) t += Q * Math.log((2 * Q) / S);
        st += w[j] * t;
        mf = Math.min(mf, u);
        mg = Math.min(mg, v);
      }
      acc[0] = sf; acc[1] = sg; acc[2] = st; acc[3] = mf; acc[4] = mg; acc[5] = 0;
    }),
};

/** t = f·ln(g + b) (cross-entropy) or f·ln((f + a)/(g + b)) (relative entropy); f = 0 gives 0. */
function pairBlock(f: FloatArray, g: FloatArray, r: number, cols: number, j0: number, j1: number, w: Float64Array, ctx: Float64Array, acc: Float64Array, kl: boolean): void {
  const o = r * cols;
  const og = gRow(f, g, r, cols);
  const a = ctx[2 * r];
  const b = ctx[2 * r + 1];
  let sf = 0, sg = 0, st = 0, mf = Infinity, mg = Infinity, k = 0;
  for (let j = j0; j < j1; j++) {
    const u = f[o + j];
    const v = g[og + j];
    sf += w[j] * u;
    sg += w[j] * v;
    const gb = v + b;
    if (u > 0) {
      if (gb === 0) k++;
      else st += w[j] * (u * (kl ? lnQuotient(u + a, gb) : Math.log(gb))); // lnQuotient: no overflow of the ratio
    }
    mf = Math.min(mf, u);
    mg = Math.min(mg, v);
  }
  acc[0] = sf; acc[1] = sg; acc[2] = st; acc[3] = mf; acc[4] = mg; acc[5] = k;
}
