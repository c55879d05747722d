// Exponential kernels: scalar f64, f64x2 and f32x4 (the vector ones only in the SIMD build).
//
// Cody–Waite range reduction: n = round(x·log2 e), r = (x − n·ln2_hi) − n·ln2_lo, |r| ≤ ½ln 2,
// e^x = 2^n · e^r, where 2^n is applied by adding n to the exponent field of e^r (an integer add
// on the bits, no multiply). Inputs are meant for log-sum-exp (x ≤ 0):
//   f64 (`expF64`, `exp_f64x2`): e^r = Taylor series to degree 13 (truncation < 5e-18 relative),
//     n taken from the bits of x·log2e + 1.5·2^52 (no float→int conversion). Results below
//     DBL_MIN (x < −708.39) are flushed to +0 (no subnormals); valid for x ≤ 709.
//   f32 (`exp_f32x4`): e^r = 1 + r + r²·P(r), P of degree 5 (the Cephes expf minimax
//     coefficients), in f32 lanes, n taken from the bits of x·log2e + 1.5·2^23 (f32x4.nearest and
//     i32x4.trunc_sat cost several instructions each in V8 on x64); results below FLT_MIN
//     (x < −87.336) are flushed to +0; valid for x ≤ 88.37.
// NaN in → NaN out (the flush compares x < limit, which is false for NaN).
//
// Measured max error (`node scripts/exp-error.mjs`: 2·10⁶ points uniform on [−708, 0], 2·10⁵ on
// [−1, 1] and on [0, 700] for f64; 2·10⁶ on [−87, 0] for f32; relative error vs Math.exp of the
// same input, results below DBL_MIN / FLT_MIN skipped):
//   expF64 / exp_f64x2:  4.26e-16 relative (< 2 ulp of f64), identical results lane by lane
//   exp_f32x4:           8.0e-8 relative (< 1 ulp of f32, 1.19e-7), including the final rounding
//   baseline f32 (expF64 rounded to f32): 5.96e-8 (the rounding alone)
//   pow2_f32x4 (below), 2·10⁶ points on [−126, 0] and [−1, 0]: 1.89e-7 relative vs 2^t
// The float32 log-sum-exp rows use pow2_f32x4 (pow2_f32x4_narrow: the same polynomial, so the
// same error, when no lane can underflow); exp_f32x4 (Cody–Waite) is kept for element-wise
// use (expArrayF32); softmax outputs of float32 rows are computed with exp_f64x2 and rounded once.

const LOG2E: f64 = 1.4426950408889634;
const LN2HI: f64 = reinterpret<f64>(0x3FE62E42FEE00000); // 0x1.62e42feep-1 (low bits zero: n·LN2HI exact)
const LN2LO: f64 = reinterpret<f64>(0x3DEA39EF35793C76); // ln 2 − LN2HI
const SHIFT: f64 = 6755399441055744.0; // 1.5 · 2^52
const UNDER: f64 = -708.3964185322641; // ln DBL_MIN

const C2: f64 = 1.0 / 2.0;
const C3: f64 = 1.0 / 6.0;
const C4: f64 = 1.0 / 24.0;
const C5: f64 = 1.0 / 120.0;
const C6: f64 = 1.0 / 720.0;
const C7: f64 = 1.0 / 5040.0;
const C8: f64 = 1.0 / 40320.0;
const C9: f64 = 1.0 / 362880.0;
const C10: f64 = 1.0 / 3628800.0;
const C11: f64 = 1.0 / 39916800.0;
const C12: f64 = 1.0 / 479001600.0;
const C13: f64 = 1.0 / 6227020800.0;

/** e^x for x ≤ 709 (scalar f64; x < −708.39 → 0). */
// @ts-ignore: decorator
@inline export function expF64(x: f64): f64 {
  const t = x * LOG2E + SHIFT;
  const n = t - SHIFT;
  const r = (x - n * LN2HI) - n * LN2LO;
  const r2 = r * r;
  const r4 = r2 * r2;
  // Estrin-style evaluation of 1 + r + C2 r² + … + C13 r¹³
  const a = (1.0 + r) + r2 * (C2 + r * C3);
  const b = (C4 + r * C5) + r2 * (C6 + r * C7);
  const c = (C8 + r * C9) + r2 * (C10 + r * C11);
  const d = C12 + r * C13;
  const p = a + r4 * (b + r4 * (c + r4 * d));
  const e = reinterpret<f64>(reinterpret<u64>(p) + (reinterpret<u64>(t) << 52));
  return x < UNDER ? 0.0 : e;
}

/** e^x lane by lane, f64x2 (the same operations as expF64). */
// @ts-ignore: decorator
@inline export function exp_f64x2(x: v128): v128 {
  const t = f64x2.add(f64x2.mul(x, f64x2.splat(LOG2E)), f64x2.splat(SHIFT));
  const n = f64x2.sub(t, f64x2.splat(SHIFT));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(n, f64x2.splat(LN2HI))), f64x2.mul(n, f64x2.splat(LN2LO)));
  const r2 = f64x2.mul(r, r);
  const r4 = f64x2.mul(r2, r2);
  const a = f64x2.add(f64x2.add(f64x2.splat(1.0), r), f64x2.mul(r2, f64x2.add(f64x2.splat(C2), f64x2.mul(r, f64x2.splat(C3)))));
  const b = f64x2.add(f64x2.add(f64x2.splat(C4), f64x2.mul(r, f64x2.splat(C5))), f64x2.mul(r2, f64x2.add(f64x2.splat(C6), f64x2.mul(r, f64x2.splat(C7)))));
  const c = f64x2.add(f64x2.add(f64x2.splat(C8), f64x2.mul(r, f64x2.splat(C9))), f64x2.mul(r2, f64x2.add(f64x2.splat(C10), f64x2.mul(r, f64x2.splat(C11)))));
  const d = f64x2.add(f64x2.splat(C12), f64x2.mul(r, f64x2.splat(C13)));
  const p = f64x2.add(a, f64x2.mul(r4, f64x2.add(b, f64x2.mul(r4, f64x2.add(c, f64x2.mul(r4, d))))));
  const e = i64x2.add(p, i64x2.shl(t, 52));
  return v128.andnot(e, f64x2.lt(x, f64x2.splat(UNDER)));
}

// 2^t for the log-sum-exp sums of float32 rows: t = (x − max)·log2 e is formed first (so t has
// an error relative to |t|, and since |x|·e^x ≤ 1/e the error this adds to Σ e^x is < 2.2e-8
// relative, however large the logits), then n = round(t), f = t − n (exact), 2^f = 1 + f·Q(f), Q of
// degree 5 fitted to relative minimax on [−½, ½] (9.1e-8), scaled by multiplying with 2^n built in
// the exponent bits. t is clamped at −127 first: 2^n = +0 for n = −127, so results below 2^−126.5
// are flushed to 0 with no compare. Valid for t ≤ 127; NaN → NaN.
const SHIFTF: f32 = 12582912.0; // 1.5 · 2^23
const Q1: f32 = 0.693147;
const Q2: f32 = 0.24022242;
const Q3: f32 = 0.05550734;
const Q4: f32 = 0.009671513;
const Q5: f32 = 0.0013264718;

/** 2^t lane by lane, f32x4, t ≤ 127 (t < −126.5 → 0). */
// @ts-ignore: decorator
@inline export function pow2_f32x4(t: v128): v128 {
  // pmax (a < b ? b : a) is one instruction; it keeps a NaN t (NaN < −127 is false).
  const c = f32x4.add(f32x4.pmax(t, f32x4.splat(-127.0)), f32x4.splat(SHIFTF));
  const n = f32x4.sub(c, f32x4.splat(SHIFTF)); // round(max(t, −127)), ties to even
  const f = f32x4.sub(f32x4.pmax(t, f32x4.splat(-127.0)), n);
  let q = f32x4.add(f32x4.mul(f32x4.splat(Q5), f), f32x4.splat(Q4));
  q = f32x4.add(f32x4.mul(q, f), f32x4.splat(Q3));
  q = f32x4.add(f32x4.mul(q, f), f32x4.splat(Q2));
  q = f32x4.add(f32x4.mul(q, f), f32x4.splat(Q1));
  const p = f32x4.add(f32x4.mul(q, f), f32x4.splat(1.0));
  // the low bits of c hold n: (c << 23) + (127 << 23) are the bits of 2^n (+0 for n = −127)
  const s = i32x4.add(i32x4.shl(c, 23), i32x4.splat(127 << 23));
  return f32x4.mul(p, s);
}

/**
 * 2^t for −125 ≤ t ≤ 127 only (no clamp, no flush): as pow2_f32x4 with 2^n applied by an integer
 * add into the exponent bits. The log-sum-exp rows use it when max − min of the row is < 86.
 */
// @ts-ignore: decorator
@inline export function pow2_f32x4_narrow(t: v128): v128 {
  const c = f32x4.add(t, f32x4.splat(SHIFTF));
  const f = f32x4.sub(t, f32x4.sub(c, f32x4.splat(SHIFTF)));
  let q = f32x4.add(f32x4.mul(f32x4.splat(Q5), f), f32x4.splat(Q4));
  q = f32x4.add(f32x4.mul(q, f), f32x4.splat(Q3));
  q = f32x4.add(f32x4.mul(q, f), f32x4.splat(Q2));
  q = f32x4.add(f32x4.mul(q, f), f32x4.splat(Q1));
  const p = f32x4.add(f32x4.mul(q, f), f32x4.splat(1.0));
  return i32x4.add(p, i32x4.shl(c, 23));
}

/** out[i] = 2^x[i] for n f32 (pow2_f32x4; diagnostics). */
export function pow2ArrayF32(x: usize, n: i32, out: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    for (; i + 4 <= n; i += 4) v128.store(out + (<usize>i << 2), pow2_f32x4(v128.load(x + (<usize>i << 2))));
  }
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), <f32>NativeMath.pow(2.0, <f64>load<f32>(x + (<usize>i << 2))));
}

const LOG2EF: f32 = 1.44269504088896341;
const LN2HIF: f32 = 0.693359375;
const LN2LOF: f32 = -2.12194440e-4;
const UNDERF: f32 = -87.33654475; // ln FLT_MIN
const P0: f32 = 1.9875691500e-4;
const P1: f32 = 1.3981999507e-3;
const P2: f32 = 8.3334519073e-3;
const P3: f32 = 4.1665795894e-2;
const P4: f32 = 1.6666665459e-1;
const P5: f32 = 5.0000001201e-1;

/** e^x lane by lane, f32x4, for x ≤ 88.37 (x < −87.34 → 0). */
// @ts-ignore: decorator
@inline export function exp_f32x4(x: v128): v128 {
  const t = f32x4.add(f32x4.mul(x, f32x4.splat(LOG2EF)), f32x4.splat(SHIFTF));
  const n = f32x4.sub(t, f32x4.splat(SHIFTF));
  const r = f32x4.sub(f32x4.sub(x, f32x4.mul(n, f32x4.splat(LN2HIF))), f32x4.mul(n, f32x4.splat(LN2LOF)));
  const r2 = f32x4.mul(r, r);
  let p = f32x4.add(f32x4.mul(f32x4.splat(P0), r), f32x4.splat(P1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P4));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(P5));
  p = f32x4.add(f32x4.add(f32x4.mul(p, r2), r), f32x4.splat(1.0));
  const e = i32x4.add(p, i32x4.shl(t, 23));
  return v128.andnot(e, f32x4.lt(x, f32x4.splat(UNDERF)));
}

/** out[i] = e^x[i] for n f64 (diagnostics: the measured-error script calls this). */
export function expArrayF64(x: usize, n: i32, out: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    for (; i + 2 <= n; i += 2) v128.store(out + (<usize>i << 3), exp_f64x2(v128.load(x + (<usize>i << 3))));
  }
  for (; i < n; i++) store<f64>(out + (<usize>i << 3), expF64(load<f64>(x + (<usize>i << 3))));
}

/** out[i] = e^x[i] for n f32 (f32x4 lanes in the SIMD build; f64 exp rounded to f32 otherwise). */
export function expArrayF32(x: usize, n: i32, out: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    for (; i + 4 <= n; i += 4) v128.store(out + (<usize>i << 2), exp_f32x4(v128.load(x + (<usize>i << 2))));
  }
  for (; i < n; i++) store<f32>(out + (<usize>i << 2), <f32>expF64(<f64>load<f32>(x + (<usize>i << 2))));
}
