/**
 * The JS reference kernels of the losses: plain loops with Math.exp / Math.log, one row at a
 * time (the max, then Σ exp(x − max)). The WASM kernels (assembly/losses.ts) compute the same.
 */
import type { FloatArray, LossKernels } from "../backend.js";
import { BCE_WIDTH, DOT_WIDTH, LSE_WIDTH } from "../backend.js";

function lseRows(x: FloatArray, rows: number, cols: number, withSum: boolean): Float64Array {
  const out = new Float64Array(rows * LSE_WIDTH);
  for (let r = 0; r < rows; r++) {
    const i0 = r * cols;
    const i1 = i0 + cols;
    let m = -Infinity;
    let mn = Infinity;
    for (let i = i0; i < i1; i++) {
      const v = x[i];
      if (v > m) m = v;
      if (v < mn) mn = v;
    }
    let s = 0;
    for (let i = i0; i < i1; i++) s += Math.exp(x[i] - m);
    let sx = 0;
    if (withSum) for (let i = i0; i < i1; i++) sx += x[i];
    const o = r * LSE_WIDTH;
    out[o] = m;
    out[o + 1] = s;
    out[o + 2] = mn;
    out[o + 3] = sx;
  }
  return out;
}

function softmaxRows(x: FloatArray, rows: number, cols: number, ctx: Float64Array, log: boolean): FloatArray {
  const out = x instanceof Float32Array ? new Float32Array(x.length) : new Float64Array(x.length);
  for (let r = 0; r < rows; r++) {
    const m = ctx[2 * r];
    const c = ctx[2 * r + 1];
    const i1 = (r + 1) * cols;
    if (log) for (let i = r * cols; i < i1; i++) out[i] = x[i] - m - c;
    else for (let i = r * cols; i < i1; i++) out[i] = Math.exp(x[i] - m) * c;
  }
  return out;
}

function targetDotRows(t: FloatArray, x: FloatArray, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * DOT_WIDTH);
  for (let r = 0; r < rows; r++) {
    let st = 0;
    let sd = 0;
    let mt = Infinity;
    const i1 = (r + 1) * cols;
    for (let i = r * cols; i < i1; i++) {
      const a = t[i];
      st += a;
      sd += a * x[i];
      if (a < mt) mt = a;
    }
    out[r * DOT_WIDTH] = st;
    out[r * DOT_WIDTH + 1] = sd;
    out[r * DOT_WIDTH + 2] = mt;
  }
  return out;
}

/** One element of binary cross-entropy (see LossKernels.bce). */
export function bceTerm(y: number, p: number, fromLogits: boolean, eps: number): number {
  if (fromLogits) return Math.max(p, 0) - p * y + Math.log1p(Math.exp(-Math.abs(p)));
  const q = Math.min(Math.max(p, eps), 1 - eps);
  let l = 0;
  if (y !== 0) l -= y * Math.log(q);
  if (y !== 1) l -= (1 - y) * Math.log(1 - q);
  return l;
}

function bce(y: FloatArray, p: FloatArray, fromLogits: boolean, eps: number, each: Float64Array | null): Float64Array {
  let s = 0;
  let ylo = Infinity, yhi = Infinity, plo = Infinity, phi = Infinity;
  for (let i = 0; i < y.length; i++) {
    const a = y[i];
    const b = p[i];
    const l = bceTerm(a, b, fromLogits, eps);
    if (each) each[i] = l;
    s += l;
    if (a < ylo) ylo = a;
    if (-a < yhi) yhi = -a;
    if (b < plo) plo = b;
    if (-b < phi) phi = -b;
  }
  const out = new Float64Array(BCE_WIDTH);
  out[0] = s; out[1] = ylo; out[2] = yhi; out[3] = plo; out[4] = phi;
  return out;
}

/** 1/15!, 1/14!, …, 1/2! */
const INV_FACT = [1307674368000, 87178291200, 6227020800, 479001600, 39916800, 3628800, 362880, 40320, 5040, 720, 120, 24, 6, 2].map((f) => 1 / f);

/** e^v − 1 − v without cancellation: Taylor series (to v^16/16!) for |v| < 1/4, expm1(v) − v otherwise. */
export function expm1mx(v: number): number {
  if (Math.abs(v) >= 0.25) return Math.expm1(v) - v;
  let q = 1 / 20922789888000;
  for (let k = 0; k < INV_FACT.length; k++) q = q * v + INV_FACT[k];
  return v * v * q;
}

function gaussKlRows(mu: FloatArray, lv: FloatArray, rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    const i1 = (r + 1) * cols;
    for (let i = r * cols; i < i1; i++) s += mu[i] * mu[i] + expm1mx(lv[i]);
    out[r] = s;
  }
  return out;
}

export const jsLosses: LossKernels = { lseRows, softmaxRows, targetDotRows, bce, gaussKlRows };
