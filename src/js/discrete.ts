/**
 * The JS reference kernels of the discrete measures: one plain loop each, natural log, over
 * unnormalised weights. The WASM kernels (assembly/discrete.ts) compute the same sums.
 */
import type { DiscreteKernels, FloatArray } from "../backend.js";
import { MIN, SUM } from "../cascade.js";
import { reduceRows, type BlockKernel } from "./rows.js";

/** [Σw, Σ w·ln w, min w] (0·ln 0 = 0). */
export const ENTROPY_OPS = [SUM, SUM, MIN] as const;
export const entropyBlock: BlockKernel = (x, _b, i0, i1, acc) => {
  let s = 0;
  let t = 0;
  let m = Infinity;
  for (let i = i0; i < i1; i++) {
    const w = x[i];
    s += w;
    if (w > 0) t += w * Math.log(w);
    if (w < m) m = w;
  }
  acc[0] = s;
  acc[1] = t;
  acc[2] = m;
};

/** [Σp, Σq, Σ p·f(p, q), min p, min q, #(q = 0 < p)] for f = ln q or ln(p/q). */
export const PAIR_OPS = [SUM, SUM, SUM, MIN, MIN, SUM] as const;

/** f(p, q) = ln q: the cross-entropy sum Σ p·ln q. */
export const crossEntropyBlock: BlockKernel = (p, q, i0, i1, acc) => {
  let sp = 0, sq = 0, c = 0, mp = Infinity, mq = Infinity, k = 0;
  for (let i = i0; i < i1; i++) {
    const a = p[i];
    const b = q[i];
    sp += a;
    sq += b;
    if (a > 0) {
      if (b > 0) c += a * Math.log(b);
      else if (b === 0) k++;
    }
    if (a < mp) mp = a;
    if (b < mq) mq = b;
  }
  acc[0] = sp; acc[1] = sq; acc[2] = c; acc[3] = mp; acc[4] = mq; acc[5] = k;
};

/** Smallest normal float64, 2^-1022. */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * ln(a/b) for finite a, b > 0: one division and one log (accurate when a ≈ b), or ln a − ln b
 * where the quotient leaves the normal range — it would overflow to Infinity (1 / 2.2e-309),
 * underflow to 0, or lose bits as a subnormal. The fallback branch is never taken for ratios
 * within [2.2e-308, 1.8e308], so it costs nothing on ordinary input.
 */
export function lnQuotient(a: number, b: number): number {
  const r = a / b;
  return r >= MIN_NORMAL && r < Infinity ? Math.log(r) : Math.log(a) - Math.log(b);
}

/** f(p, q) = ln(p/q): the relative-entropy sum Σ p·ln(p/q), accurate when p ≈ q (lnQuotient: no overflow of p/q). */
export const klBlock: BlockKernel = (p, q, i0, i1, acc) => {
  let sp = 0, sq = 0, c = 0, mp = Infinity, mq = Infinity, k = 0;
  for (let i = i0; i < i1; i++) {
    const a = p[i];
    const b = q[i];
    sp += a;
    sq += b;
    if (a > 0) {
      if (b > 0) c += a * lnQuotient(a, b);
      else if (b === 0) k++;
    }
    if (a < mp) mp = a;
    if (b < mq) mq = b;
  }
  acc[0] = sp; acc[1] = sq; acc[2] = c; acc[3] = mp; acc[4] = mq; acc[5] = k;
};

/** Σ P ln(P/M) + Q ln(Q/M), P = a·p, Q = b·q, M = (P+Q)/2, [a, b] = ctx[kOff], ctx[kOff+1]. */
export const JS_OPS = [SUM] as const;
export const jsBlock: BlockKernel = (p, q, i0, i1, acc, ctx, kOff) => {
  const sa = ctx[kOff];
  const sb = ctx[kOff + 1];
  let c = 0;
  for (let i = i0; i < i1; i++) {
    const a = sa * p[i];
    const b = sb * q[i];
    const m = 0.5 * (a + b);
    if (a > 0) c += a * Math.log(a / m);
    if (b > 0) c += b * Math.log(b / m);
  }
  acc[0] = c;
};

/** [Σx, min x]. */
export const SUM_OPS = [SUM, MIN] as const;
export const sumBlock: BlockKernel = (x, _b, i0, i1, acc) => {
  let s = 0;
  let m = Infinity;
  for (let i = i0; i < i1; i++) {
    const w = x[i];
    s += w;
    if (w < m) m = w;
  }
  acc[0] = s;
  acc[1] = m;
};

/**
 * ln(t/(r·c)) for t, r, c > 0: one product, one division, one log, or ln t − ln r − ln c where
 * r·c or the quotient leaves the normal range (weights beyond ~1e154 or below ~1e-154).
 */
export function lnOverProduct(t: number, r: number, c: number): number {
  const d = r * c;
  const x = t / d;
  return x >= MIN_NORMAL && x < Infinity && d >= MIN_NORMAL ? Math.log(x) : Math.log(t) - Math.log(r) - Math.log(c);
}

/** Σ_{t>0} t·ln(t / (r_i c_j)) over a rows×cols table (lnOverProduct: no overflow of r_i·c_j). */
export function miTable(t: FloatArray, rows: number, cols: number, rowSums: Float64Array, colSums: Float64Array): number {
  let total = 0;
  for (let i = 0; i < rows; i++) {
    const ri = rowSums[i];
    let c = 0;
    for (let j = 0, o = i * cols; j < cols; j++) {
      const v = t[o + j];
      if (v > 0) c += v * lnOverProduct(v, ri, colSums[j]);
    }
    total += c;
  }
  return total;
}

/** Row sums and column sums of a rows×cols table. */
export function marginals(t: FloatArray, rows: number, cols: number): { rowSums: Float64Array; colSums: Float64Array } {
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0, o = i * cols; j < cols; j++) {
      const v = t[o + j];
      s += v;
      colSums[j] += v;
    }
    rowSums[i] = s;
  }
  return { rowSums, colSums };
}

export const jsDiscrete: DiscreteKernels = {
  entropyRows: (x, rows, cols) => reduceRows(ENTROPY_OPS, entropyBlock, x, x, rows, cols),
  crossEntropyRows: (p, q, rows, cols) => reduceRows(PAIR_OPS, crossEntropyBlock, p, q, rows, cols),
  klRows: (p, q, rows, cols) => reduceRows(PAIR_OPS, klBlock, p, q, rows, cols),
  jsRows: (p, q, rows, cols, scale) => reduceRows(JS_OPS, jsBlock, p, q, rows, cols, scale, 2),
  sumRows: (x, rows, cols) => reduceRows(SUM_OPS, sumBlock, x, x, rows, cols),
  ln: (x) => {
    const out = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = Math.log(x[i]);
    return out;
  },
  marginals,
  miTable,
};
