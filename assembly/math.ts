// Natural-log kernels: scalar f64, f64x2 and f32x4 (the vector ones only in the SIMD build).
//
// f64: x = 2^k · z with z in [0.70703, 1.41406) taken from the bits (integer ops, no division);
// c = z rounded to a grid of 2^-9 in z's own binade (bit rounding that carries into the exponent,
// so c = 1 exactly for z in [1 - 2^-11, 1 + 2^-10), on both sides of 1); z - c is exact,
// r = (z - c)·(1/c) with |r| < 2^-10, and
//   ln x = k·ln2 + ln c + log1p(r),   log1p(r) = r + r²·(-1/2 + r/3 - r²/4 + r³/5 [- r⁴/6])
// (Taylor: the kernels' fast path stops at r⁵, truncation < 2^-52.5 relative; the full-accuracy
// path adds r⁶, < 2^-62). (1/c, ln c) come from a 513-entry table of interleaved f64 pairs
// (8208 bytes, L1-resident: one v128 load per lane fetches both), filled at start by initMath
// (ln c computed there in double-double, see initMath).
// |ln c| ≥ |r| wherever c ≠ 1, so ln c and r never cancel, and ln c = 0 exactly near x = 1.
//
// Two assemblies of the same pieces:
// - `ln` / `ln_f64x2` (full accuracy): ln c in double-double (second table: lo(ln c) and the
//   rounding δ of 1/c), k·ln2hi + ln c + r summed with Fast2Sum error terms. Subnormals are scaled
//   by 2^52 first (exact); ln(±0) = -745.1332191019412 (finite, so 0·ln 0 = 0); `ln` returns
//   +Inf for +Inf and NaN for NaN / negatives; ln_f64x2 gives finite garbage for those (callers
//   exclude them; lnF64 in discrete.ts maps 0 → -Inf and +Inf → +Inf).
// - the kernels' fast path (lnTail / lnK and their f64x2 forms): no special cases, k kept apart so
//   a kernel can accumulate Σ w·k and multiply by ln 2 once; ≤ 2 ulp as a plain log. Finite for
//   every bit pattern (0, subnormals, Inf, NaN, negatives give finite values), so no masking is
//   needed for 0·ln 0.
//
// f32 (`ln_f32x4`): same reduction in f32x4 lanes with z in [√½, √2), no table:
// ln z = f + f²·Q(f), f = z - 1, Q of degree 6 (Lawson-iterated minimax fit, absolute error
// 3.7e-8 on the interval). Subnormals scaled by 2^23; ln(±0) = -103.97 (finite).
//
// Measured (scratch/kernels/lnerr.mjs, 1.26e7 random inputs: 6.0e6 log-uniform on
// [1e-300, 1e300], 4.2e6 uniform on [0.5, 2], 1e6 within 1e-6 of 1, 1e6 within 0.004 of 1 (the cells around c = 1),
// 2.6e5 subnormal; plus 196 608 of them against a 120-bit mpmath reference):
//   ln (scalar) and ln_f64x2:  max 1 ulp from Math.log on every set (V8's log is itself < 1 ulp);
//                              max 0.74 ulp from the exact value; max |abs err| 2.2e-16 for
//                              |ln x| ≤ 690, 1.1e-16 on [0.5, 2], 1.1e-22 at 1 ± 1e-6,
//                              1.1e-13 (1 ulp of 744) on subnormals. ln_f64x2 = ln lane by lane
//                              (0 differing results).
//   kernels' fast path:        max 2 ulp from Math.log, 1.75 ulp from exact (the variant the
//                              sums use; as terms of a sum this is ≤ 4e-16 relative per term).
//   ln_f32x4:                  |abs err| ≤ 6.2e-8 on [√½, √2); ≤ 1.08e-7·(1 + |ln x|) over all
//                              normal f32 (≤ 7.9e-6 absolute at |ln x| ≈ 87); ≤ 8.3e-8·(1 + |ln x|)
//                              on subnormals.

// ---------------------------------------------------------------------------------------------
// Table and constants

/** Number of grid cells of the f64 log table (the table has LOG_N + 1 entries). */
const LOG_N: i32 = 512;
/** The (1/c, ln c) table: (LOG_N + 1) × 16 bytes, a static zeroed segment filled by initMath. */
export const LOG_TAB: usize = memory.data(8208, 16);
/**
 * Corrections used only by the full-accuracy `ln` / `ln_f64x2`: (δ, lo(ln c)) with
 * δ = 1 - c·(1/c)_rounded (so r·δ corrects the rounding of 1/c) and ln c = hi + lo in
 * double-double. Same indexing as LOG_TAB.
 */
export const LOG_TAB2: usize = memory.data(8208, 16);

/** Bits of the lower end of the reduced interval (0.70703125, on the 2^-9 grid). */
export const LOG_OFF: u64 = 0x3FE6A00000000000;
/** Added to the bits of x so that the exponent field holds k + 1023. */
export const LOG_SHIFT: u64 = 0x3FF0000000000000 - LOG_OFF;
export const LOW52: u64 = 0x000FFFFFFFFFFFFF;
/** Half a grid step in bits (grid = 2^43 in the bits: 9 mantissa bits). */
export const HALF_STEP: u64 = 0x0000040000000000;
export const GRID_MASK: u64 = 0xFFFFF80000000000;
/** 2^52 + 1023 : reinterpret(kb | 0x4330...) - this = kb - 1023 exactly. */
export const KMAGIC: f64 = 4503599627371519.0;
export const KMAGIC_BITS: u64 = 0x4330000000000000;

export const LN2: f64 = 0.6931471805599453;
export const LN2HI: f64 = reinterpret<f64>(0x3FE62E42FEFA3800); // 0x1.62e42fefa3800p-1
export const LN2LO: f64 = reinterpret<f64>(0x3D2EF35793C76730); // 0x1.ef35793c76730p-45

// log1p(r) = r + r²·(A1 + A2 r + A3 r² + A4 r³ [+ A5 r⁴]), |r| < 2^-10: Taylor (A5: full accuracy only).
export const A1: f64 = -0.5;
export const A2: f64 = 0.3333333333333333;
export const A3: f64 = -0.25;
export const A4: f64 = 0.2;
export const A5: f64 = -0.16666666666666666;

// f32: ln(1+f) ≈ f + f²·(B0 + B1 f + ... + B6 f⁶) on f in [√½ - 1, √2 - 1].
export const F32_OFF: u32 = 0x3F3504F3; // √½
export const F32_SHIFT: u32 = 0x3F800000 - F32_OFF;
export const B0: f32 = -0.500005841255188;
export const B1: f32 = 0.33335262537002563;
export const B2: f32 = -0.2496146559715271;
export const B3: f32 = 0.19888277351856232;
export const B4: f32 = -0.17325995862483978;
export const B5: f32 = 0.16335640847682953;
export const B6: f32 = -0.10034608095884323;
export const LN2F: f32 = 0.6931471805599453;


/**
 * Splatted vector constants, filled by initMath. The vector code loads its constants from here
 * instead of using v128.const: V8 rebuilds a v128.const with several instructions at every use
 * inside a loop (no hoisting), while a load from a fixed address is one cheap load.
 */
export const VPOOL: usize = memory.data(608, 16);

// VPOOL slots (16 bytes each, the value splatted to every lane), in initMath's order:
//   0 LOG_SHIFT  1 LOW52  2 HALF_STEP  3 LOG_OFF  4 GRID_MASK  5 KMAGIC_BITS  6 KMAGIC
//   7..11 A1..A5  12 LN2  13 LN2HI  14 LN2LO                                        (i64 / f64)
//   15 F32_SHIFT  16 0x007FFFFF  17 F32_OFF  18 1.0f  19..25 B0..B6  26 LN2F  27 127 (i32 / f32)
//   28.. the named slots below.
/** VPOOL slots used by the kernels directly. */
export const VC_SHIFT64: i32 = 0;
export const VC_SHIFT32: i32 = 15;
export const VC_LN2F: i32 = 26;
/** Slot whose bits, read as u = bits(x) + LOG_SHIFT, give lnK = 0 (used to drop the k part). */
export const VC_K0: i32 = 28;
const VC_NEG0_64: i32 = 29;
export const VC_MINNORM64: i32 = 30;
const VC_TWO52: i32 = 31;
const VC_52: i32 = 32;
const VC_NEG0_32: i32 = 33;
const VC_MINNORM_32: i32 = 34;
const VC_TWO23: i32 = 35;
const VC_23: i32 = 36;
export const VC_TWO64: i32 = 37;

/** The vector constant at slot i of VPOOL. */
// @ts-ignore: decorator
@inline export function vc(i: i32): v128 {
  return v128.load(VPOOL + (<usize>i << 4));
}

/**
 * Fills the log tables and the vector constant pool (static segments below __heap_base, so
 * nothing is placed at `at`) and returns the first free byte at or after `at`: `at` itself.
 * Runs once, from discrete.ts's start code; takes ~0.1 ms.
 */
export function initMath(at: usize): usize {
  for (let i = 0; i <= LOG_N; i++) {
    const c = reinterpret<f64>(LOG_OFF + (<u64>i << 43)); // ≤ 10 significant bits
    const invc = 1.0 / c;
    // δ = 1 - c·invc exactly: invc = ih (26 bits) + il (27 bits), so c·ih and c·il are exact and
    // both subtractions are exact (Sterbenz).
    const ih = reinterpret<f64>(reinterpret<u64>(invc) & 0xFFFFFFFFF8000000);
    const delta = (1.0 - c * ih) - c * (invc - ih);
    // ln c = 2·atanh(s), s = (c - 1)/(c + 1), with s in double-double (c ± 1 exact, the
    // remainder a - s·b exact by the same splitting) and the odd series after 2s in double.
    const a = c - 1.0, b = c + 1.0;
    const sh = a / b;
    const shh = reinterpret<f64>(reinterpret<u64>(sh) & 0xFFFFFFFFF8000000);
    const sl = ((a - shh * b) - (sh - shh) * b) / b;
    const s2 = sh * sh;
    let t = 0.0;
    for (let n = 24; n >= 1; n--) t = t * s2 + 1.0 / <f64>(2 * n + 1);
    const A = 2.0 * sh, B = 2.0 * sl + 2.0 * sh * s2 * t;
    const hi = A + B;
    const lo = (A - hi) + B;
    store<f64>(LOG_TAB + (<usize>i << 4), invc);
    store<f64>(LOG_TAB + (<usize>i << 4), hi, 8);
    store<f64>(LOG_TAB2 + (<usize>i << 4), delta);
    store<f64>(LOG_TAB2 + (<usize>i << 4), lo, 8);
  }
  store<u64>(VPOOL + 0, LOG_SHIFT); store<u64>(VPOOL + 8, LOG_SHIFT);
  store<u64>(VPOOL + 16, LOW52); store<u64>(VPOOL + 24, LOW52);
  store<u64>(VPOOL + 32, HALF_STEP); store<u64>(VPOOL + 40, HALF_STEP);
  store<u64>(VPOOL + 48, LOG_OFF); store<u64>(VPOOL + 56, LOG_OFF);
  store<u64>(VPOOL + 64, GRID_MASK); store<u64>(VPOOL + 72, GRID_MASK);
  store<u64>(VPOOL + 80, KMAGIC_BITS); store<u64>(VPOOL + 88, KMAGIC_BITS);
  store<f64>(VPOOL + 96, KMAGIC); store<f64>(VPOOL + 104, KMAGIC);
  store<f64>(VPOOL + 112, A1); store<f64>(VPOOL + 120, A1);
  store<f64>(VPOOL + 128, A2); store<f64>(VPOOL + 136, A2);
  store<f64>(VPOOL + 144, A3); store<f64>(VPOOL + 152, A3);
  store<f64>(VPOOL + 160, A4); store<f64>(VPOOL + 168, A4);
  store<f64>(VPOOL + 176, A5); store<f64>(VPOOL + 184, A5);
  store<f64>(VPOOL + 192, LN2); store<f64>(VPOOL + 200, LN2);
  store<f64>(VPOOL + 208, LN2HI); store<f64>(VPOOL + 216, LN2HI);
  store<f64>(VPOOL + 224, LN2LO); store<f64>(VPOOL + 232, LN2LO);
  for (let j = 0; j < 4; j++) store<u32>(VPOOL + 240 + (<usize>j << 2), <u32>F32_SHIFT);
  for (let j = 0; j < 4; j++) store<u32>(VPOOL + 256 + (<usize>j << 2), <u32>0x007FFFFF);
  for (let j = 0; j < 4; j++) store<u32>(VPOOL + 272 + (<usize>j << 2), <u32>F32_OFF);
  for (let j = 0; j < 4; j++) store<f32>(VPOOL + 288 + (<usize>j << 2), <f32>1.0);
  for (let j = 0; j < 4; j++) store<f32>(VPOOL + 304 + (<usize>j << 2), <f32>B0);
  for (let j = 0; j < 4; j++) store<f32>(VPOOL + 320 + (<usize>j << 2), <f32>B1);
  for (let j = 0; j < 4; j++) store<f32>(VPOOL + 336 + (<usize>j << 2), <f32>B2);
  for (let j = 0; j < 4; j++) store<f32>(VPOOL + 352 + (<usize>j << 2), <f32>B3);
  for (let j = 0; j < 4; j++) store<f32>(VPOOL + 368 + (<usize>j << 2), <f32>B4);
  for (let j = 0; j < 4; j++) store<f32>(VPOOL + 384 + (<usize>j << 2), <f32>B5);
  for (let j = 0; j < 4; j++) store<f32>(VPOOL + 400 + (<usize>j << 2), <f32>B6);
  for (let j = 0; j < 4; j++) store<f32>(VPOOL + 416 + (<usize>j << 2), <f32>LN2F);
  for (let j = 0; j < 4; j++) store<u32>(VPOOL + 432 + (<usize>j << 2), <u32>127);
  store<u64>(VPOOL + 448, 0x3FF0000000000000); store<u64>(VPOOL + 456, 0x3FF0000000000000);
  for (let j = 0; j < 2; j++) {
    store<f64>(VPOOL + (<usize>VC_NEG0_64 << 4) + (<usize>j << 3), -0.0);
    store<f64>(VPOOL + (<usize>VC_MINNORM64 << 4) + (<usize>j << 3), 2.2250738585072014e-308);
    store<f64>(VPOOL + (<usize>VC_TWO52 << 4) + (<usize>j << 3), 4503599627370496.0);
    store<f64>(VPOOL + (<usize>VC_52 << 4) + (<usize>j << 3), 52.0);
    store<f64>(VPOOL + (<usize>VC_TWO64 << 4) + (<usize>j << 3), 2.0);
  }
  for (let j = 0; j < 4; j++) {
    store<f32>(VPOOL + (<usize>VC_NEG0_32 << 4) + (<usize>j << 2), -0.0);
    store<f32>(VPOOL + (<usize>VC_MINNORM_32 << 4) + (<usize>j << 2), 1.1754943508222875e-38);
    store<f32>(VPOOL + (<usize>VC_TWO23 << 4) + (<usize>j << 2), 8388608.0);
    store<f32>(VPOOL + (<usize>VC_23 << 4) + (<usize>j << 2), 23.0);
  }
  return at;
}

// ---------------------------------------------------------------------------------------------
// Scalar f64. The pieces are split so the kernels can accumulate Σ w·k apart from Σ w·(ln c + log1p r)
// and multiply by ln 2 once per row.

/** k (the binary exponent of the reduction) from u = bits(x) + LOG_SHIFT. */
// @ts-ignore: decorator
@inline export function lnK(u: u64): f64 {
  return <f64>(<i32>(u >> 52) - 1023);
}

/** ln c + log1p(r) from u = bits(x) + LOG_SHIFT: the part of ln x within its reduced binade. */
// @ts-ignore: decorator
@inline export function lnTail(u: u64): f64 {
  const low = u & LOW52;
  const m = low + HALF_STEP;
  const e = LOG_TAB + <usize>((m >> 39) & 0x3FF0);
  const z = reinterpret<f64>(low + LOG_OFF);
  const c = reinterpret<f64>((m & GRID_MASK) + LOG_OFF);
  const r = (z - c) * load<f64>(e);
  const r2 = r * r;
  const p = (A1 + A2 * r) + r2 * (A3 + A4 * r);
  return load<f64>(e, 8) + (r + r2 * p);
}

/** ln x from u = bits(x) + LOG_SHIFT and k = lnK(u): the kernels' assembly (≤ 2 ulp). */
// @ts-ignore: decorator
@inline function lnU(u: u64, k: f64): f64 {
  const low = u & LOW52;
  const m = low + HALF_STEP;
  const e = LOG_TAB + <usize>((m >> 39) & 0x3FF0);
  const z = reinterpret<f64>(low + LOG_OFF);
  const c = reinterpret<f64>((m & GRID_MASK) + LOG_OFF);
  const r = (z - c) * load<f64>(e);
  const r2 = r * r;
  const p = (A1 + A2 * r) + r2 * (A3 + A4 * r);
  return (k * LN2HI + load<f64>(e, 8)) + (r + (k * LN2LO + r2 * p));
}

/**
 * ln x from u = bits(x) + LOG_SHIFT and an integer k (possibly adjusted), full accuracy: ln c in
 * double-double, 1/c corrected by δ, and the three big terms k·ln2hi (exact), ln c, r added
 * with Fast2Sum error terms (|k·ln2hi| ≥ |ln c| ≥ |r| unless the larger one is 0).
 */
// @ts-ignore: decorator
@inline function lnAccU(u: u64, k: f64): f64 {
  const low = u & LOW52;
  const m = low + HALF_STEP;
  const o = <usize>((m >> 39) & 0x3FF0);
  const z = reinterpret<f64>(low + LOG_OFF);
  const c = reinterpret<f64>((m & GRID_MASK) + LOG_OFF);
  const r = (z - c) * load<f64>(LOG_TAB + o);
  const lnc = load<f64>(LOG_TAB + o, 8);
  const r2 = r * r;
  const p = (A1 + A2 * r) + r2 * ((A3 + A4 * r) + r2 * A5);
  const kh = k * LN2HI;
  const hi = kh + lnc;
  const e1 = (kh - hi) + lnc;
  const t = hi + r;
  const e2 = (hi - t) + r;
  const lo = (k * LN2LO + load<f64>(LOG_TAB2 + o, 8)) + (r * load<f64>(LOG_TAB2 + o) + (e1 + e2)) + r2 * p;
  return t + lo;
}

/** ln x for finite x ≥ 2^-1022 (no special cases; finite garbage otherwise): used inside kernels. */
// @ts-ignore: decorator
@inline export function lnFast(x: f64): f64 {
  const u = reinterpret<u64>(x) + LOG_SHIFT;
  return lnU(u, lnK(u));
}

/**
 * Natural logarithm, ≤ 0.87 ulp: exact for subnormals, ln(±0) = -745.1332191019412 (finite, see
 * the top of this file), ln(+Inf) = +Inf, NaN for NaN and negatives.
 */
export function ln(x: f64): f64 {
  let ix = reinterpret<u64>(x);
  if (ix - 0x0010000000000000 >= 0x7FE0000000000000) {
    if (ix >= 0x7FF0000000000000) {
      if (ix == 0x7FF0000000000000) return x;
      if (ix != 0x8000000000000000) return NaN;
      ix = 0;
    }
    // Zero or subnormal: scale by 2^52 (exact) and take 52 off the exponent.
    const u = reinterpret<u64>(reinterpret<f64>(ix) * 4503599627370496.0) + LOG_SHIFT;
    return lnAccU(u, lnK(u) - 52.0);
  }
  const u = ix + LOG_SHIFT;
  return lnAccU(u, lnK(u));
}

// ---------------------------------------------------------------------------------------------
// f64x2 (SIMD build only: callers branch on ASC_FEATURE_SIMD).

/** k of both lanes as f64, from u = bits(x) + LOG_SHIFT. */
// @ts-ignore: decorator
@inline export function lnK_f64x2(u: v128): v128 {
  return f64x2.sub(v128.or(i64x2.shr_u(u, 52), vc(5)), vc(6));
}

/** Address of the (1/c, ln c) table entry of x, from the raw bits of x (scalar integer ops). */
// @ts-ignore: decorator
@inline export function lnEntry(ix: u64): usize {
  return LOG_TAB + <usize>(((((ix + LOG_SHIFT) & LOW52) + HALF_STEP) >> 39) & 0x3FF0);
}

/** ln c + log1p(r) from low = u & LOW52, mg = (low + HALF_STEP) & GRID_MASK and the two table entries. */
// @ts-ignore: decorator
@inline function tailCore(low: v128, mg: v128, e0: v128, e1: v128): v128 {
  const z = i64x2.add(low, vc(3));
  const c = i64x2.add(mg, vc(3));
  const invc = i64x2.shuffle(e0, e1, 0, 2);
  const lnc = i64x2.shuffle(e0, e1, 1, 3);
  const r = f64x2.mul(f64x2.sub(z, c), invc);
  const r2 = f64x2.mul(r, r);
  const p = f64x2.add(
    f64x2.add(vc(7), f64x2.mul(vc(8), r)),
    f64x2.mul(r2, f64x2.add(vc(9), f64x2.mul(vc(10), r))));
  return f64x2.add(lnc, f64x2.add(r, f64x2.mul(r2, p)));
}

/**
 * ln c + log1p(r) of both lanes, from u = bits(x) + LOG_SHIFT and the addresses of the two
 * lanes' table entries (see lnEntry: computed from scalar loads of the input when it is in
 * memory, which keeps the index arithmetic on the integer ALUs).
 */
// @ts-ignore: decorator
@inline export function lnTailAt_f64x2(u: v128, a0: usize, a1: usize): v128 {
  const low = v128.and(u, vc(1));
  const mg = v128.and(i64x2.add(low, vc(2)), vc(4));
  return tailCore(low, mg, v128.load(a0), v128.load(a1));
}

/** ln c + log1p(r) of both lanes of a computed vector (u = bits(x) + LOG_SHIFT): lane extraction. */
// @ts-ignore: decorator
@inline export function lnTail_f64x2(u: v128): v128 {
  const low = v128.and(u, vc(1));
  const mg = v128.and(i64x2.add(low, vc(2)), vc(4));
  const off = i64x2.shr_u(mg, 39);
  return tailCore(low, mg,
    v128.load(LOG_TAB + <usize>i64x2.extract_lane(off, 0)),
    v128.load(LOG_TAB + <usize>i64x2.extract_lane(off, 1)));
}

/** ln of both lanes for finite x ≥ 2^-1022 (garbage but finite for anything else). */
// @ts-ignore: decorator
@inline export function lnFast_f64x2(x: v128): v128 {
  const u = i64x2.add(x, vc(0));
  const k = lnK_f64x2(u);
  return f64x2.add(f64x2.mul(k, vc(12)), lnTail_f64x2(u));
}

/**
 * ln of both lanes: subnormals exact (scaled by 2^52), ln(±0) finite (-745.13...), other special
 * inputs (negative, Inf, NaN) give finite garbage — the callers exclude them.
 */
export function ln_f64x2(x: v128): v128 {
  const ax = v128.andnot(x, vc(VC_NEG0_64));
  const tiny = f64x2.lt(ax, vc(VC_MINNORM64));
  const xs = v128.bitselect(f64x2.mul(ax, vc(VC_TWO52)), x, tiny);
  const u = i64x2.add(xs, vc(0));
  const k = f64x2.sub(lnK_f64x2(u), v128.and(tiny, vc(VC_52)));
  const low = v128.and(u, vc(1));
  const mg = v128.and(i64x2.add(low, vc(2)), vc(4));
  const off = i64x2.shr_u(mg, 39);
  const a0 = LOG_TAB + <usize>i64x2.extract_lane(off, 0), a1 = LOG_TAB + <usize>i64x2.extract_lane(off, 1);
  const e0 = v128.load(a0), e1 = v128.load(a1);
  const f0 = v128.load(a0 + (LOG_TAB2 - LOG_TAB)), f1 = v128.load(a1 + (LOG_TAB2 - LOG_TAB));
  const z = i64x2.add(low, vc(3));
  const c = i64x2.add(mg, vc(3));
  const invc = i64x2.shuffle(e0, e1, 0, 2);
  const lnc = i64x2.shuffle(e0, e1, 1, 3);
  const delta = i64x2.shuffle(f0, f1, 0, 2);
  const lnclo = i64x2.shuffle(f0, f1, 1, 3);
  const r = f64x2.mul(f64x2.sub(z, c), invc);
  const r2 = f64x2.mul(r, r);
  const p = f64x2.add(
    f64x2.add(vc(7), f64x2.mul(vc(8), r)),
    f64x2.mul(r2, f64x2.add(
      f64x2.add(vc(9), f64x2.mul(vc(10), r)),
      f64x2.mul(r2, vc(11)))));
  // The same operations in the same order as the scalar lnAccU.
  const kh = f64x2.mul(k, vc(13));
  const hi = f64x2.add(kh, lnc);
  const er1 = f64x2.add(f64x2.sub(kh, hi), lnc);
  const t = f64x2.add(hi, r);
  const er2 = f64x2.add(f64x2.sub(hi, t), r);
  const lo = f64x2.add(f64x2.add(
    f64x2.add(f64x2.mul(k, vc(14)), lnclo),
    f64x2.add(f64x2.mul(r, delta), f64x2.add(er1, er2))), f64x2.mul(r2, p));
  return f64x2.add(t, lo);
}

// ---------------------------------------------------------------------------------------------
// f32x4 (SIMD build only).

/** k of the four lanes as f32, from u = bits(x) + F32_SHIFT. */
// @ts-ignore: decorator
@inline export function lnK_f32x4(u: v128): v128 {
  return f32x4.convert_i32x4_s(i32x4.sub(i32x4.shr_u(u, 23), vc(27)));
}

/** ln z of the four lanes (z in [√½, √2)), from u = bits(x) + F32_SHIFT. */
// @ts-ignore: decorator
@inline export function lnTail_f32x4(u: v128): v128 {
  const z = i32x4.add(v128.and(u, vc(16)), vc(17));
  const f = f32x4.sub(z, vc(18));
  const f2 = f32x4.mul(f, f);
  const f4 = f32x4.mul(f2, f2);
  const q01 = f32x4.add(vc(19), f32x4.mul(vc(20), f));
  const q23 = f32x4.add(vc(21), f32x4.mul(vc(22), f));
  const q45 = f32x4.add(vc(23), f32x4.mul(vc(24), f));
  const q456 = f32x4.add(q45, f32x4.mul(vc(25), f2));
  const q = f32x4.add(f32x4.add(q01, f32x4.mul(f2, q23)), f32x4.mul(f4, q456));
  return f32x4.add(f, f32x4.mul(f2, q));
}

/** ln of four normal f32 lanes (finite garbage for 0, subnormals, negatives, Inf, NaN). */
// @ts-ignore: decorator
@inline export function lnFast_f32x4(x: v128): v128 {
  const u = i32x4.add(x, vc(15));
  return f32x4.add(f32x4.mul(lnK_f32x4(u), vc(26)), lnTail_f32x4(u));
}

/** ln of four f32 lanes: subnormals handled (scaled by 2^23), ln(±0) finite (-103.97...). */
export function ln_f32x4(x: v128): v128 {
  const ax = v128.andnot(x, vc(VC_NEG0_32));
  const tiny = f32x4.lt(ax, vc(VC_MINNORM_32));
  const xs = v128.bitselect(f32x4.mul(ax, vc(VC_TWO23)), x, tiny);
  const u = i32x4.add(xs, vc(15));
  const k = f32x4.sub(lnK_f32x4(u), v128.and(tiny, vc(VC_23)));
  return f32x4.add(f32x4.mul(k, vc(26)), lnTail_f32x4(u));
}
