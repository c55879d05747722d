/**
 * The JS twin of expF64 in assembly/exp.ts, operation for operation, so that a kernel that takes
 * e^x (the hypergeometric and binomial draws of src/js/resampling.ts) gives the same bits in
 * JavaScript and WebAssembly (Math.exp is not specified to the last bit). Cody–Waite reduction
 * x = n ln 2 + r, |r| ≤ ½ ln 2; e^r by its Taylor series to degree 13 (Estrin); 2^n added to the
 * exponent field. Valid for x ≤ 709; x < −708.39 gives 0 (no subnormals). Error < 2 ulp.
 */

const LOG2E = 1.4426950408889634;
const LN2HI = 0.6931471803691238; // 0x1.62e42feep-1 (low bits zero: n·LN2HI exact)
const LN2LO = 1.9082149292705877e-10; // ln 2 − LN2HI
const SHIFT = 6755399441055744.0; // 1.5 · 2^52
const UNDER = -708.3964185322641; // ln DBL_MIN

const C2 = 1 / 2;
const C3 = 1 / 6;
const C4 = 1 / 24;
const C5 = 1 / 120;
const C6 = 1 / 720;
const C7 = 1 / 5040;
const C8 = 1 / 40320;
const C9 = 1 / 362880;
const C10 = 1 / 3628800;
const C11 = 1 / 39916800;
const C12 = 1 / 479001600;
const C13 = 1 / 6227020800;

const F = new Float64Array(2);
const W = new Uint32Array(F.buffer);

/** e^x (see the module comment). */
export function expF64(x: number): number {
  const t = x * LOG2E + SHIFT;
  const n = t - SHIFT;
  const r = x - n * LN2HI - n * LN2LO;
  const r2 = r * r;
  const r4 = r2 * r2;
  const a = 1 + r + r2 * (C2 + r * C3);
  const b = C4 + r * C5 + r2 * (C6 + r * C7);
  const c = C8 + r * C9 + r2 * (C10 + r * C11);
  const d = C12 + r * C13;
  F[0] = a + r4 * (b + r4 * (c + r4 * d));
  F[1] = t;
  // bits(p) + (bits(t) << 52): n (the low bits of t's mantissa) added to p's exponent field
  W[1] = (W[1] + (W[2] << 20)) >>> 0;
  return x < UNDER ? 0 : F[0];
}
