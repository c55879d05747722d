// Row kernels for discrete distributions: entropy, cross-entropy, KL, Jensen-Shannon, sums, logs,
// marginals and the mutual-information table sum. Every pointer is a byte offset into linear
// memory; inputs are row-major rows × cols (rows need not be 16-byte aligned); each kernel WRITES
// its f64 outputs. No validation happens here: NaN / ±Inf / negative inputs only have to
// propagate into the sums and minima the host checks afterwards (S = Σw is NaN for any NaN, min
// is negative for any negative), never crash or loop.
//
// One source, two builds: `ASC_FEATURE_SIMD` selects at compile time between f64x2 / f32x4 loops
// (SIMD build; 2 vectors per iteration, separate accumulators) and 2-way unrolled scalar loops
// (baseline build, and the tails of the SIMD loops).
//
// Accumulation: vector (or 2 scalar) accumulators over blocks of BLOCK elements, block sums then
// added with Neumaier compensation, so the error does not grow with n. The f32x4 kernels of the
// SIMD build (entropy, cross-entropy) evaluate terms in f32 lanes and sum them in f32 over at most
// 16 terms per lane (entropy: 2 accumulators × 8, added pairwise; cross-entropy: 1 × 16), then
// promote each 64-element block to f64 and continue in f64. Everything else accumulates in f64.
//
// ln inside the loops (see math.ts): x = 2^k·z, and Σ w·ln w is accumulated as
// ln2·Σ w·k + Σ w·(ln c + log1p r), so the exponent part costs no rounding per element. That fast
// log takes no special cases and is finite for every input, so 0·ln 0 = 0 without masking.
// Subnormal weights in the entropy get an inexact (but finite) log: a subnormal w adds at most
// ~40·w < 1e-306 (f64) or ~16·w < 2e-37 (f32x4 path) of absolute error to Σ w ln w. Cross-entropy takes the exact log of
// subnormal q (rare path). KL forms the ratio p/q (one division, like the JS reference); where
// that ratio leaves the normal f64 range (it overflows for 1 / 2.2e-309, or goes subnormal), the
// term is computed as p·(ln p − ln q) with exact logs instead, as the JS reference (lnQuotient)
// does, so D(p‖q) stays finite and right. (f32 operands: the f64 ratio of two float32 values is
// always normal.)

import { setScratchStart } from "./memory";
import {
  initMath, lnK, lnTail, lnFast, ln, LOG_SHIFT, LN2,
  lnK_f64x2, lnTail_f64x2, lnTailAt_f64x2, lnEntry, lnFast_f64x2, ln_f64x2,
  vc, VC_SHIFT64, VC_SHIFT32, VC_LN2F, VC_K0, VC_TWO64, VC_MINNORM64, lnK_f32x4, lnTail_f32x4, ln_f32x4,
} from "./math";

setScratchStart(initMath(__heap_base));

/** Elements per accumulation block (then combined with compensation). */
const BLOCK: i32 = 512;

/** Smallest normal f64, 2^-1022. */
const MIN_NORMAL: f64 = 2.2250738585072014e-308;

// ---------------------------------------------------------------------------------------------
// Small helpers

/** Neumaier error term of s + v (add it to the compensation, then do s += v). */
// @ts-ignore: decorator
@inline function nerr(s: f64, v: f64): f64 {
  const t = s + v;
  return abs(s) >= abs(v) ? (s - t) + v : (v - t) + s;
}

/** Sum of the two f64 lanes. */
// @ts-ignore: decorator
@inline function hsum(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

/** Smaller of two values, NaN-blind (b if b < a): the sums carry NaN, the minimum need not. */
// @ts-ignore: decorator
@inline function pmin(a: f64, b: f64): f64 {
  return b < a ? b : a;
}

/** min of the two lanes (NaN-blind). */
// @ts-ignore: decorator
@inline function hmin(v: v128): f64 {
  return pmin(f64x2.extract_lane(v, 0), f64x2.extract_lane(v, 1));
}

/** f64x2 of the low two f32 lanes. */
// @ts-ignore: decorator
@inline function lo64(v: v128): v128 {
  return f64x2.promote_low_f32x4(v);
}

/** f64x2 of the high two f32 lanes. */
// @ts-ignore: decorator
@inline function hi64(v: v128): v128 {
  return f64x2.promote_low_f32x4(i64x2.shuffle(v, v, 1, 1));
}

/** Sum of an f32x4 block accumulator promoted to f64x2 (lanes 0+2, 1+3). */
// @ts-ignore: decorator
@inline function promoteSum(v: v128): v128 {
  return f64x2.add(lo64(v), hi64(v));
}

/** Element i of an f32 or f64 array as f64. */
// @ts-ignore: decorator
@inline function ld<T>(x: usize, i: i32): f64 {
  return <f64>load<T>(x + (<usize>i << alignof<T>()));
}

// ---------------------------------------------------------------------------------------------
// 1. Entropy: out[3r..] = [S = Σw, T = Σ w ln w, m = min w]

/** Scalar entropy sums of x[i0..n) (f32 promoted), added into the sums at acc (S, T, m). */
function entropyScalar<T>(x: usize, i: i32, n: i32, acc: usize): void {
  let sS = 0.0, cS = 0.0, sT = 0.0, cT = 0.0, sK = 0.0, cK = 0.0;
  let mn = load<f64>(acc, 16);
  while (i < n) {
    const end = min(n, i + BLOCK);
    let s0 = 0.0, s1 = 0.0, t0 = 0.0, t1 = 0.0, k0 = 0.0, k1 = 0.0;
    for (; i + 1 < end; i += 2) {
      const w0 = ld<T>(x, i), w1 = ld<T>(x, i + 1);
      s0 += w0; s1 += w1;
      mn = pmin(mn, w0); mn = pmin(mn, w1);
      const u0 = reinterpret<u64>(w0) + LOG_SHIFT, u1 = reinterpret<u64>(w1) + LOG_SHIFT;
      t0 += w0 * lnTail(u0); t1 += w1 * lnTail(u1);
      k0 += w0 * lnK(u0); k1 += w1 * lnK(u1);
    }
    if (i < end) {
      const w = ld<T>(x, i++);
      s0 += w; mn = pmin(mn, w);
      const u = reinterpret<u64>(w) + LOG_SHIFT;
      t0 += w * lnTail(u); k0 += w * lnK(u);
    }
    const bS = s0 + s1, bT = t0 + t1, bK = k0 + k1;
    cS += nerr(sS, bS); sS += bS;
    cT += nerr(sT, bT); sT += bT;
    cK += nerr(sK, bK); sK += bK;
  }
  store<f64>(acc, load<f64>(acc) + (sS + cS));
  store<f64>(acc, load<f64>(acc, 8) + (sT + cT) + (sK + cK) * LN2, 8);
  store<f64>(acc, mn, 16);
}

function entropyRowF64(x: usize, n: i32, out: usize): void {
  store<f64>(out, 0.0);
  store<f64>(out, 0.0, 8);
  store<f64>(out, Infinity, 16);
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const n4 = n & ~3;
    let sS = 0.0, cS = 0.0, sT = 0.0, cT = 0.0, sK = 0.0, cK = 0.0;
    let m0 = f64x2.splat(Infinity), m1 = m0;
    const shift = vc(VC_SHIFT64);
    while (i < n4) {
      const end = min(n4, i + BLOCK);
      let s0 = f64x2.splat(0.0), s1 = s0, t0 = s0, t1 = s0, k0 = s0, k1 = s0;
      for (; i < end; i += 4) {
        const p = x + (<usize>i << 3);
        const w0 = v128.load(p), w1 = v128.load(p, 16);
        s0 = f64x2.add(s0, w0); s1 = f64x2.add(s1, w1);
        m0 = f64x2.pmin(m0, w0); m1 = f64x2.pmin(m1, w1);
        const u0 = i64x2.add(w0, shift), u1 = i64x2.add(w1, shift);
        t0 = f64x2.add(t0, f64x2.mul(w0, lnTailAt_f64x2(u0, lnEntry(load<u64>(p)), lnEntry(load<u64>(p, 8)))));
        t1 = f64x2.add(t1, f64x2.mul(w1, lnTailAt_f64x2(u1, lnEntry(load<u64>(p, 16)), lnEntry(load<u64>(p, 24)))));
        k0 = f64x2.add(k0, f64x2.mul(w0, lnK_f64x2(u0)));
        k1 = f64x2.add(k1, f64x2.mul(w1, lnK_f64x2(u1)));
      }
      const bS = hsum(f64x2.add(s0, s1)), bT = hsum(f64x2.add(t0, t1)), bK = hsum(f64x2.add(k0, k1));
      cS += nerr(sS, bS); sS += bS;
      cT += nerr(sT, bT); sT += bT;
      cK += nerr(sK, bK); sK += bK;
    }
    store<f64>(out, sS + cS);
    store<f64>(out, (sT + cT) + (sK + cK) * LN2, 8);
    store<f64>(out, hmin(f64x2.pmin(m0, m1)), 16);
  }
  entropyScalar<f64>(x, i, n, out);
}

function entropyRowF32(x: usize, n: i32, out: usize): void {
  store<f64>(out, 0.0);
  store<f64>(out, 0.0, 8);
  store<f64>(out, Infinity, 16);
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    // f32x4 terms; 8 iterations × 2 vectors per f32 block, then f64.
    const n8 = n & ~7;
    let sS = 0.0, cS = 0.0, sT = 0.0, cT = 0.0;
    let m0 = f32x4.splat(Infinity), m1 = m0;
    const shift = vc(VC_SHIFT32);
    const ln2 = vc(VC_LN2F);
    while (i < n8) {
      const end = min(n8, i + 2 * BLOCK);
      let dS = f64x2.splat(0.0), dT = dS;
      while (i < end) {
        const bend = min(end, i + 64);
        let s0 = f32x4.splat(0.0), s1 = s0, t0 = s0, t1 = s0;
        for (; i < bend; i += 8) {
          const p = x + (<usize>i << 2);
          const w0 = v128.load(p), w1 = v128.load(p, 16);
          s0 = f32x4.add(s0, w0); s1 = f32x4.add(s1, w1);
          m0 = f32x4.pmin(m0, w0); m1 = f32x4.pmin(m1, w1);
          const u0 = i32x4.add(w0, shift), u1 = i32x4.add(w1, shift);
          const l0 = f32x4.add(f32x4.mul(lnK_f32x4(u0), ln2), lnTail_f32x4(u0));
          const l1 = f32x4.add(f32x4.mul(lnK_f32x4(u1), ln2), lnTail_f32x4(u1));
          t0 = f32x4.add(t0, f32x4.mul(w0, l0));
          t1 = f32x4.add(t1, f32x4.mul(w1, l1));
        }
        dS = f64x2.add(dS, f64x2.add(promoteSum(s0), promoteSum(s1)));
        dT = f64x2.add(dT, f64x2.add(promoteSum(t0), promoteSum(t1)));
      }
      const bS = hsum(dS), bT = hsum(dT);
      cS += nerr(sS, bS); sS += bS;
      cT += nerr(sT, bT); sT += bT;
    }
    const m = f32x4.pmin(m0, m1);
    store<f64>(out, sS + cS);
    store<f64>(out, sT + cT, 8);
    store<f64>(out, <f64>pmin(pmin(f32x4.extract_lane(m, 0), f32x4.extract_lane(m, 1)),
      pmin(f32x4.extract_lane(m, 2), f32x4.extract_lane(m, 3))), 16);
  }
  entropyScalar<f32>(x, i, n, out);
}

/** out[3r..3r+2] = [Σ w, Σ w·ln w (0·ln 0 = 0), min w] for each row of an f64 matrix. */
export function entropyRowsF64(x: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) entropyRowF64(x + <usize>r * <usize>cols * 8, cols, out + <usize>r * 24);
}

/** out[3r..3r+2] = [Σ w, Σ w·ln w (0·ln 0 = 0), min w] for each row of an f32 matrix. */
export function entropyRowsF32(x: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) entropyRowF32(x + <usize>r * <usize>cols * 4, cols, out + <usize>r * 24);
}

// ---------------------------------------------------------------------------------------------
// 2/3. Cross-entropy and KL: out[6r..] = [Sp, Sq, B or C, min p, min q, K = #(q == 0 < p)]

// Compile-time mode of the pair kernels (a type parameter, so each mode gets its own loop):
// sizeof<M>() == 8 → KL (term p·ln(p/q)), else cross-entropy (term p·ln q).
type KL = f64;
type CE = f32;

/**
 * Σ p·ln q (CE) or Σ p·ln(p/q) (KL) over [i0, i1) where p, q > 0, with exact logs where the
 * fast split (normal numbers only) does not apply: a subnormal q, or a ratio p/q that overflowed,
 * underflowed or went subnormal (then ln p − ln q). The rare path of pairScalar.
 */
function pairTermsExact<T, M>(p: usize, q: usize, i0: i32, i1: i32): f64 {
  const kl = sizeof<M>() == 8;
  let t = 0.0;
  for (let j = i0; j < i1; j++) {
    const pv = ld<T>(p, j), qv = ld<T>(q, j);
    if (!(pv > 0 && qv > 0)) continue;
    const x = kl ? pv / qv : qv;
    if (x >= MIN_NORMAL && x < Infinity) t += pv * ln(x);
    else t += pv * (kl ? ln(pv) - ln(qv) : ln(qv));
  }
  return t;
}

/**
 * Scalar pair sums of p, q over [i, n), added into acc (6 slots). M = CE: term = p·ln q;
 * M = KL: term = p·ln(p/q); both only where p > 0 and q > 0.
 */
function pairScalar<T, M>(p: usize, q: usize, i: i32, n: i32, acc: usize): void {
  const kl = sizeof<M>() == 8;
  let sP = 0.0, cP = 0.0, sQ = 0.0, cQ = 0.0, sB = 0.0, cB = 0.0, sK = 0.0, cK = 0.0;
  let mp = load<f64>(acc, 24), mq = load<f64>(acc, 32), kc = load<f64>(acc, 40);
  while (i < n) {
    const end = min(n, i + BLOCK);
    const start = i;
    let a0 = 0.0, b0 = 0.0, t0 = 0.0, k0 = 0.0;
    let t1 = 0.0, k1 = 0.0;
    let odd: u64 = 0; // nonzero: some p ≠ 0 had its x outside the normal range
    // 2-way unrolled; x outside [2^-1022, Inf) (x ≥ 0 here) is found by one unsigned compare of
    // its bits, flagged (with p's bits, so p = 0 does not count), and the block's terms redone
    // exactly below
    for (; i + 1 < end; i += 2) {
      const p0 = ld<T>(p, i), q0 = ld<T>(q, i), p1 = ld<T>(p, i + 1), q1 = ld<T>(q, i + 1);
      a0 += p0; b0 += q0; a0 += p1; b0 += q1;
      mp = pmin(pmin(mp, p0), p1); mq = pmin(pmin(mq, q0), q1);
      if (q0 > 0) {
        const x = kl ? p0 / q0 : q0;
        odd |= select<u64>(reinterpret<u64>(p0), 0, reinterpret<u64>(x) - 0x0010000000000000 >= 0x7FE0000000000000);
        const u = reinterpret<u64>(x) + LOG_SHIFT;
        t0 += p0 * lnTail(u); k0 += p0 * lnK(u);
      } else if (p0 > 0) kc += 1.0;
      if (q1 > 0) {
        const x = kl ? p1 / q1 : q1;
        odd |= select<u64>(reinterpret<u64>(p1), 0, reinterpret<u64>(x) - 0x0010000000000000 >= 0x7FE0000000000000);
        const u = reinterpret<u64>(x) + LOG_SHIFT;
        t1 += p1 * lnTail(u); k1 += p1 * lnK(u);
      } else if (p1 > 0) kc += 1.0;
    }
    if (i < end) {
      const pv = ld<T>(p, i), qv = ld<T>(q, i);
      i++;
      a0 += pv; b0 += qv;
      mp = pmin(mp, pv); mq = pmin(mq, qv);
      if (qv > 0) {
        const x = kl ? pv / qv : qv;
        odd |= select<u64>(reinterpret<u64>(pv), 0, reinterpret<u64>(x) - 0x0010000000000000 >= 0x7FE0000000000000);
        const u = reinterpret<u64>(x) + LOG_SHIFT;
        t0 += pv * lnTail(u); k0 += pv * lnK(u);
      } else if (pv > 0) kc += 1.0;
    }
    t0 += t1; k0 += k1;
    if (odd != 0) {
      t0 = pairTermsExact<T, M>(p, q, start, end);
      k0 = 0.0;
    }
    cP += nerr(sP, a0); sP += a0;
    cQ += nerr(sQ, b0); sQ += b0;
    cB += nerr(sB, t0); sB += t0;
    cK += nerr(sK, k0); sK += k0;
  }
  store<f64>(acc, load<f64>(acc) + (sP + cP));
  store<f64>(acc, load<f64>(acc, 8) + (sQ + cQ), 8);
  store<f64>(acc, load<f64>(acc, 16) + (sB + cB) + (sK + cK) * LN2, 16);
  store<f64>(acc, mp, 24);
  store<f64>(acc, mq, 32);
  store<f64>(acc, kc, 40);
}

// @ts-ignore: decorator
@inline function initPairOut(out: usize): void {
  store<f64>(out, 0.0);
  store<f64>(out, 0.0, 8);
  store<f64>(out, 0.0, 16);
  store<f64>(out, Infinity, 24);
  store<f64>(out, Infinity, 32);
  store<f64>(out, 0.0, 40);
}

/** f64 rows, SIMD part: fills out for [0, n & ~3) and returns where the scalar tail starts. */
function pairRowF64<M>(p: usize, q: usize, n: i32, out: usize): void {
  const kl = sizeof<M>() == 8;
  initPairOut(out);
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const n4 = n & ~3;
    let sP = 0.0, cP = 0.0, sQ = 0.0, cQ = 0.0, sB = 0.0, cB = 0.0, sK = 0.0, cK = 0.0;
    let mp = f64x2.splat(Infinity), mq = mp;
    let kc = i64x2.splat(0);
    const shift = vc(VC_SHIFT64);
    const zero = f64x2.splat(0.0);
    const minNormal = vc(VC_MINNORM64), inf = f64x2.splat(Infinity);
    while (i < n4) {
      const end = min(n4, i + BLOCK);
      let a0 = zero, a1 = zero, b0 = zero, b1 = zero, t0 = zero, t1 = zero, k0 = zero, k1 = zero;
      for (; i < end; i += 4) {
        const o = <usize>i << 3;
        const p0 = v128.load(p + o), p1 = v128.load(p + o, 16);
        const q0 = v128.load(q + o), q1 = v128.load(q + o, 16);
        a0 = f64x2.add(a0, p0); a1 = f64x2.add(a1, p1);
        b0 = f64x2.add(b0, q0); b1 = f64x2.add(b1, q1);
        mp = f64x2.pmin(f64x2.pmin(mp, p0), p1);
        mq = f64x2.pmin(f64x2.pmin(mq, q0), q1);
        const qp0 = f64x2.gt(q0, zero), qp1 = f64x2.gt(q1, zero);
        const pp0 = f64x2.gt(p0, zero), pp1 = f64x2.gt(p1, zero);
        kc = i64x2.sub(kc, v128.andnot(pp0, qp0));
        kc = i64x2.sub(kc, v128.andnot(pp1, qp1));
        const pm0 = v128.and(p0, qp0), pm1 = v128.and(p1, qp1);
        let u0: v128, u1: v128, l0: v128, l1: v128;
        if (kl) {
          const x0 = f64x2.div(p0, q0), x1 = f64x2.div(p1, q1);
          u0 = i64x2.add(x0, shift); u1 = i64x2.add(x1, shift);
          l0 = lnTail_f64x2(u0); l1 = lnTail_f64x2(u1);
          // A ratio outside the normal range where p, q > 0 (rare: 1/2.2e-309 overflows, a
          // subnormal quotient loses bits): redo both vectors as ln p − ln q (subnormal-exact logs).
          const ok0 = v128.and(f64x2.ge(x0, minNormal), f64x2.lt(x0, inf));
          const ok1 = v128.and(f64x2.ge(x1, minNormal), f64x2.lt(x1, inf));
          if (v128.any_true(v128.or(v128.andnot(v128.and(pp0, qp0), ok0), v128.andnot(v128.and(pp1, qp1), ok1)))) {
            l0 = f64x2.sub(ln_f64x2(p0), ln_f64x2(q0)); l1 = f64x2.sub(ln_f64x2(p1), ln_f64x2(q1));
            u0 = vc(VC_K0); u1 = u0;
          }
        } else {
          const a = q + o;
          u0 = i64x2.add(q0, shift); u1 = i64x2.add(q1, shift);
          l0 = lnTailAt_f64x2(u0, lnEntry(load<u64>(a)), lnEntry(load<u64>(a, 8)));
          l1 = lnTailAt_f64x2(u1, lnEntry(load<u64>(a, 16)), lnEntry(load<u64>(a, 24)));
          // Subnormal q > 0 (rare): p·ln q needs the exact log there, so redo those vectors with
          // the subnormal-exact ln_f64x2 (k part set to 0, the whole log in the tail).
          if (v128.any_true(v128.or(v128.and(qp0, f64x2.lt(q0, minNormal)), v128.and(qp1, f64x2.lt(q1, minNormal))))) {
            l0 = ln_f64x2(q0); l1 = ln_f64x2(q1);
            u0 = vc(VC_K0); u1 = u0;
          }
        }
        t0 = f64x2.add(t0, f64x2.mul(pm0, l0));
        t1 = f64x2.add(t1, f64x2.mul(pm1, l1));
        k0 = f64x2.add(k0, f64x2.mul(pm0, lnK_f64x2(u0)));
        k1 = f64x2.add(k1, f64x2.mul(pm1, lnK_f64x2(u1)));
      }
      const bP = hsum(f64x2.add(a0, a1)), bQ = hsum(f64x2.add(b0, b1));
      const bB = hsum(f64x2.add(t0, t1)), bK = hsum(f64x2.add(k0, k1));
      cP += nerr(sP, bP); sP += bP;
      cQ += nerr(sQ, bQ); sQ += bQ;
      cB += nerr(sB, bB); sB += bB;
      cK += nerr(sK, bK); sK += bK;
    }
    store<f64>(out, sP + cP);
    store<f64>(out, sQ + cQ, 8);
    store<f64>(out, (sB + cB) + (sK + cK) * LN2, 16);
    store<f64>(out, hmin(mp), 24);
    store<f64>(out, hmin(mq), 32);
    store<f64>(out, <f64>(i64x2.extract_lane(kc, 0) + i64x2.extract_lane(kc, 1)), 40);
  }
  pairScalar<f64, M>(p, q, i, n, out);
}

/**
 * f32 rows. Cross-entropy (SIMD): f32x4 terms with ln_f32x4 (subnormal-exact), Σp, Σq summed in
 * f32 over 16 terms per lane, then f64. KL (SIMD): ratio, log and sums in f64x2.
 */
function pairRowF32<M>(p: usize, q: usize, n: i32, out: usize): void {
  const kl = sizeof<M>() == 8;
  initPairOut(out);
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const n4 = n & ~3;
    let sP = 0.0, cP = 0.0, sQ = 0.0, cQ = 0.0, sB = 0.0, cB = 0.0;
    let mp = f32x4.splat(Infinity), mq = mp;
    let kc = i32x4.splat(0);
    const zero = f32x4.splat(0.0);
    const shift = vc(VC_SHIFT64);
    while (i < n4) {
      const end = min(n4, i + 2 * BLOCK);
      let dP = f64x2.splat(0.0), dQ = dP, dB = dP;
      while (i < end) {
        const bend = min(end, i + 64);
        let a0 = zero, b0 = zero, t0 = zero;
        let e0 = f64x2.splat(0.0), ep = e0, eq = e0;
        for (; i < bend; i += 4) {
          const o = <usize>i << 2;
          const p0 = v128.load(p + o), q0 = v128.load(q + o);
          a0 = f32x4.add(a0, p0); b0 = f32x4.add(b0, q0);
          mp = f32x4.pmin(mp, p0); mq = f32x4.pmin(mq, q0);
          const qp = f32x4.gt(q0, zero);
          kc = i32x4.sub(kc, v128.andnot(f32x4.gt(p0, zero), qp));
          const pm = v128.and(p0, qp);
          if (kl) {
            // KL: the ratio p/q can leave the f32 range, so it is formed and logged in f64x2,
            // and Σp, Σq are then exact f64 sums too.
            const pl = lo64(p0), ph = hi64(p0), ql = lo64(q0), qh = hi64(q0);
            ep = f64x2.add(ep, f64x2.add(pl, ph));
            eq = f64x2.add(eq, f64x2.add(ql, qh));
            e0 = f64x2.add(e0, f64x2.add(
              f64x2.mul(lo64(pm), lnFast_f64x2(f64x2.div(pl, ql))),
              f64x2.mul(hi64(pm), lnFast_f64x2(f64x2.div(ph, qh)))));
          } else {
            t0 = f32x4.add(t0, f32x4.mul(pm, ln_f32x4(q0)));
          }
        }
        dP = f64x2.add(dP, kl ? ep : promoteSum(a0));
        dQ = f64x2.add(dQ, kl ? eq : promoteSum(b0));
        dB = f64x2.add(dB, kl ? e0 : promoteSum(t0));
      }
      const bP = hsum(dP), bQ = hsum(dQ), bB = hsum(dB);
      cP += nerr(sP, bP); sP += bP;
      cQ += nerr(sQ, bQ); sQ += bQ;
      cB += nerr(sB, bB); sB += bB;
    }
    store<f64>(out, sP + cP);
    store<f64>(out, sQ + cQ, 8);
    store<f64>(out, sB + cB, 16);
    store<f64>(out, <f64>pmin(pmin(f32x4.extract_lane(mp, 0), f32x4.extract_lane(mp, 1)),
      pmin(f32x4.extract_lane(mp, 2), f32x4.extract_lane(mp, 3))), 24);
    store<f64>(out, <f64>pmin(pmin(f32x4.extract_lane(mq, 0), f32x4.extract_lane(mq, 1)),
      pmin(f32x4.extract_lane(mq, 2), f32x4.extract_lane(mq, 3))), 32);
    store<f64>(out, <f64>(i32x4.extract_lane(kc, 0) + i32x4.extract_lane(kc, 1) +
      i32x4.extract_lane(kc, 2) + i32x4.extract_lane(kc, 3)), 40);
  }
  pairScalar<f32, M>(p, q, i, n, out);
}

/** Runs the pair kernel M (CE or KL) over each row of rows×cols operands of element type T. */
// @ts-ignore: decorator
@inline function pairRows<T, M>(p: usize, q: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const o = (<usize>r * <usize>cols) << alignof<T>();
    if (sizeof<T>() == 8) pairRowF64<M>(p + o, q + o, cols, out + <usize>r * 48);
    else pairRowF32<M>(p + o, q + o, cols, out + <usize>r * 48);
  }
}

/** out[6r..6r+5] = [Σp, Σq, Σ_{p>0,q>0} p·ln q, min p, min q, #(q == 0 < p)] per row (f64). */
export function crossEntropyRowsF64(p: usize, q: usize, rows: i32, cols: i32, out: usize): void {
  pairRows<f64, CE>(p, q, rows, cols, out);
}

/** As crossEntropyRowsF64, for float32 operands. */
export function crossEntropyRowsF32(p: usize, q: usize, rows: i32, cols: i32, out: usize): void {
  pairRows<f32, CE>(p, q, rows, cols, out);
}

/** out[6r..6r+5] = [Σp, Σq, Σ_{p>0,q>0} p·ln(p/q), min p, min q, #(q == 0 < p)] per row (f64). */
export function klRowsF64(p: usize, q: usize, rows: i32, cols: i32, out: usize): void {
  pairRows<f64, KL>(p, q, rows, cols, out);
}

/** As klRowsF64, for float32 operands. */
export function klRowsF32(p: usize, q: usize, rows: i32, cols: i32, out: usize): void {
  pairRows<f32, KL>(p, q, rows, cols, out);
}

// ---------------------------------------------------------------------------------------------
// 4. Jensen-Shannon: out[r] = Σ P ln(P/M) + Q ln(Q/M), P = a p, Q = b q, M = (P+Q)/2

/** One element's JS terms in f64 (0 where P or Q is 0, for that half). */
// @ts-ignore: decorator
@inline function jsTerm(P: f64, Q: f64): f64 {
  const inv = 1.0 / ((P + Q) * 0.5);
  let t = 0.0;
  if (P > 0) t += P * lnFast(P * inv);
  if (Q > 0) t += Q * lnFast(Q * inv);
  return t;
}

/** f64x2 JS terms of P and Q lanes (P, Q ≥ 0: a zero lane gives 0·finite = 0). */
// @ts-ignore: decorator
@inline function jsTerm_f64x2(P: v128, Q: v128): v128 {
  const inv = f64x2.div(vc(VC_TWO64), f64x2.add(P, Q));
  return f64x2.add(f64x2.mul(P, lnFast_f64x2(f64x2.mul(P, inv))),
    f64x2.mul(Q, lnFast_f64x2(f64x2.mul(Q, inv))));
}

function jsRow<T>(p: usize, q: usize, n: i32, a: f64, b: f64): f64 {
  let s = 0.0, c = 0.0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const va = f64x2.splat(a), vb = f64x2.splat(b);
    const n4 = n & ~3;
    while (i < n4) {
      const end = min(n4, i + BLOCK);
      let t0 = f64x2.splat(0.0), t1 = t0;
      for (; i < end; i += 4) {
        let p0: v128, p1: v128, q0: v128, q1: v128;
        if (sizeof<T>() == 8) {
          const o = <usize>i << 3;
          p0 = v128.load(p + o); p1 = v128.load(p + o, 16);
          q0 = v128.load(q + o); q1 = v128.load(q + o, 16);
        } else {
          const o = <usize>i << 2;
          const pv = v128.load(p + o), qv = v128.load(q + o);
          p0 = lo64(pv); p1 = hi64(pv); q0 = lo64(qv); q1 = hi64(qv);
        }
        t0 = f64x2.add(t0, jsTerm_f64x2(f64x2.mul(va, p0), f64x2.mul(vb, q0)));
        t1 = f64x2.add(t1, jsTerm_f64x2(f64x2.mul(va, p1), f64x2.mul(vb, q1)));
      }
      const bt = hsum(f64x2.add(t0, t1));
      c += nerr(s, bt); s += bt;
    }
  }
  while (i < n) {
    const end = min(n, i + BLOCK);
    let t0 = 0.0;
    for (; i < end; i++) t0 += jsTerm(a * ld<T>(p, i), b * ld<T>(q, i));
    c += nerr(s, t0); s += t0;
  }
  return s + c;
}

/** out[r] = Σ_j [P ln(P/M) + Q ln(Q/M)] with P = scale[2r]·p, Q = scale[2r+1]·q, M = (P+Q)/2. */
export function jsRowsF64(p: usize, q: usize, rows: i32, cols: i32, scale: usize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const o = <usize>r * <usize>cols * 8;
    const sc = scale + <usize>r * 16;
    store<f64>(out + <usize>r * 8, jsRow<f64>(p + o, q + o, cols, load<f64>(sc), load<f64>(sc, 8)));
  }
}

/** out[r] = Σ_j [P ln(P/M) + Q ln(Q/M)] with P = scale[2r]·p, Q = scale[2r+1]·q (f32 inputs). */
export function jsRowsF32(p: usize, q: usize, rows: i32, cols: i32, scale: usize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const o = <usize>r * <usize>cols * 4;
    const sc = scale + <usize>r * 16;
    store<f64>(out + <usize>r * 8, jsRow<f32>(p + o, q + o, cols, load<f64>(sc), load<f64>(sc, 8)));
  }
}

// ---------------------------------------------------------------------------------------------
// 5. Sums: out[2r..] = [Σ x, min x]

function sumRow<T>(x: usize, n: i32, out: usize): void {
  let s = 0.0, c = 0.0, mn = Infinity;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const n4 = n & ~3;
    let m0 = f64x2.splat(Infinity), m1 = m0;
    while (i < n4) {
      const end = min(n4, i + BLOCK);
      let s0 = f64x2.splat(0.0), s1 = s0;
      for (; i < end; i += 4) {
        let v0: v128, v1: v128;
        if (sizeof<T>() == 8) {
          const o = x + (<usize>i << 3);
          v0 = v128.load(o); v1 = v128.load(o, 16);
        } else {
          const v = v128.load(x + (<usize>i << 2));
          v0 = lo64(v); v1 = hi64(v);
        }
        s0 = f64x2.add(s0, v0); s1 = f64x2.add(s1, v1);
        m0 = f64x2.pmin(m0, v0); m1 = f64x2.pmin(m1, v1);
      }
      const b = hsum(f64x2.add(s0, s1));
      c += nerr(s, b); s += b;
    }
    mn = hmin(f64x2.pmin(m0, m1));
  }
  while (i < n) {
    const end = min(n, i + BLOCK);
    let s0 = 0.0, s1 = 0.0;
    for (; i + 1 < end; i += 2) {
      const v0 = ld<T>(x, i), v1 = ld<T>(x, i + 1);
      s0 += v0; s1 += v1;
      mn = pmin(pmin(mn, v0), v1);
    }
    if (i < end) { const v = ld<T>(x, i++); s0 += v; mn = pmin(mn, v); }
    const b = s0 + s1;
    c += nerr(s, b); s += b;
  }
  store<f64>(out, s + c);
  store<f64>(out, mn, 8);
}

/** out[2r..2r+1] = [Σ x, min x] per row (f64). */
export function sumRowsF64(x: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) sumRow<f64>(x + <usize>r * <usize>cols * 8, cols, out + <usize>r * 16);
}

/** out[2r..2r+1] = [Σ x, min x] per row (f32). */
export function sumRowsF32(x: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) sumRow<f32>(x + <usize>r * <usize>cols * 4, cols, out + <usize>r * 16);
}

// ---------------------------------------------------------------------------------------------
// 6. Elementwise log: out[i] = ln x[i] (f64), ln 0 = -Infinity

// @ts-ignore: decorator
@inline function lnOrNegInf(v: f64): f64 {
  return v == 0 ? -Infinity : ln(v); // ln(+Inf) = +Inf already
}

/** ln 0 = -Infinity and ln(+Inf) = +Infinity on top of ln_f64x2 (which keeps them finite). */
// @ts-ignore: decorator
@inline function fixLn(x: v128, y: v128, zero: v128, ninf: v128): v128 {
  const inf = f64x2.neg(ninf);
  return v128.bitselect(inf, v128.bitselect(ninf, y, f64x2.eq(x, zero)), f64x2.eq(x, inf));
}

function lnArray<T>(x: usize, n: i32, out: usize): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const zero = f64x2.splat(0.0), ninf = f64x2.splat(-Infinity);
    const n4 = n & ~3;
    for (; i < n4; i += 4) {
      let v0: v128, v1: v128;
      if (sizeof<T>() == 8) {
        const o = x + (<usize>i << 3);
        v0 = v128.load(o); v1 = v128.load(o, 16);
      } else {
        const v = v128.load(x + (<usize>i << 2));
        v0 = lo64(v); v1 = hi64(v);
      }
      const o = out + (<usize>i << 3);
      v128.store(o, fixLn(v0, ln_f64x2(v0), zero, ninf));
      v128.store(o, fixLn(v1, ln_f64x2(v1), zero, ninf), 16);
    }
  }
  for (; i < n; i++) store<f64>(out + (<usize>i << 3), lnOrNegInf(ld<T>(x, i)));
}

/** out[i] = ln x[i] for f64 x (x > 0; 0 gives -Infinity). */
export function lnF64(x: usize, n: i32, out: usize): void {
  lnArray<f64>(x, n, out);
}

/** out[i] = ln x[i] as f64 for f32 x (x > 0; 0 gives -Infinity); exact f64 log of the f32 value. */
export function lnF32(x: usize, n: i32, out: usize): void {
  lnArray<f32>(x, n, out);
}

// ---------------------------------------------------------------------------------------------
// 7. Marginals of a rows × cols table: row sums and column sums (f64)

/** Column sums over all rows, in strips of 4 columns and blocks of BLOCK rows (compensated). */
function colSums<T>(t: usize, rows: i32, cols: i32, colOut: usize): void {
  const stride = <usize>cols << alignof<T>();
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    for (; j + 4 <= cols; j += 4) {
      let s0 = f64x2.splat(0.0), s1 = s0, c0 = s0, c1 = s0;
      let r = 0;
      while (r < rows) {
        const end = min(rows, r + BLOCK);
        let a0 = f64x2.splat(0.0), a1 = a0;
        let ptr = t + <usize>r * stride + (<usize>j << alignof<T>());
        for (; r < end; r++, ptr += stride) {
          if (sizeof<T>() == 8) {
            a0 = f64x2.add(a0, v128.load(ptr)); a1 = f64x2.add(a1, v128.load(ptr, 16));
          } else {
            const v = v128.load(ptr);
            a0 = f64x2.add(a0, lo64(v)); a1 = f64x2.add(a1, hi64(v));
          }
        }
        // Lane-wise 2Sum of the block into (s, c).
        let tt = f64x2.add(s0, a0), bb = f64x2.sub(tt, s0);
        c0 = f64x2.add(c0, f64x2.add(f64x2.sub(s0, f64x2.sub(tt, bb)), f64x2.sub(a0, bb))); s0 = tt;
        tt = f64x2.add(s1, a1); bb = f64x2.sub(tt, s1);
        c1 = f64x2.add(c1, f64x2.add(f64x2.sub(s1, f64x2.sub(tt, bb)), f64x2.sub(a1, bb))); s1 = tt;
      }
      const o = colOut + (<usize>j << 3);
      v128.store(o, f64x2.add(s0, c0));
      v128.store(o, f64x2.add(s1, c1), 16);
    }
  }
  for (; j < cols; j++) {
    let s = 0.0, c = 0.0, r = 0;
    let ptr = t + (<usize>j << alignof<T>());
    while (r < rows) {
      const end = min(rows, r + BLOCK);
      let a = 0.0;
      for (; r < end; r++, ptr += stride) a += <f64>load<T>(ptr);
      c += nerr(s, a); s += a;
    }
    store<f64>(colOut + (<usize>j << 3), s + c);
  }
}

/** Two f64 of static room: sumRow's [sum, min] when only the sum is wanted. */
const SUM_TMP: usize = memory.data(16, 16);

/** rowOut[i] = Σ_j t[i,j], colOut[j] = Σ_i t[i,j] (f64 table). */
export function marginalsF64(t: usize, rows: i32, cols: i32, rowOut: usize, colOut: usize): void {
  for (let r = 0; r < rows; r++) {
    sumRow<f64>(t + <usize>r * <usize>cols * 8, cols, SUM_TMP);
    store<f64>(rowOut + <usize>r * 8, load<f64>(SUM_TMP));
  }
  colSums<f64>(t, rows, cols, colOut);
}

/** rowOut[i] = Σ_j t[i,j], colOut[j] = Σ_i t[i,j] (f32 table, f64 sums). */
export function marginalsF32(t: usize, rows: i32, cols: i32, rowOut: usize, colOut: usize): void {
  for (let r = 0; r < rows; r++) {
    sumRow<f32>(t + <usize>r * <usize>cols * 4, cols, SUM_TMP);
    store<f64>(rowOut + <usize>r * 8, load<f64>(SUM_TMP));
  }
  colSums<f32>(t, rows, cols, colOut);
}

// ---------------------------------------------------------------------------------------------
// 8. Mutual-information table sum: Σ_{t>0} t·ln(t / (rowSums[i]·colSums[j]))

/** ln(t/(r·c)), t, r, c > 0: the fast log of the quotient, or exact ln t − ln r − ln c where r·c or the quotient is not a normal number. */
// @ts-ignore: decorator
@inline function lnOverProduct(t: f64, r: f64, c: f64): f64 {
  const d = r * c;
  const x = t / d;
  return x >= MIN_NORMAL && x < Infinity && d >= MIN_NORMAL ? lnFast(x) : ln(t) - ln(r) - ln(c);
}

function miRow<T>(t: usize, cols: i32, ri: f64, colSums: usize): f64 {
  let s = 0.0, c = 0.0;
  let j = 0;
  if (ASC_FEATURE_SIMD) {
    const vr = f64x2.splat(ri);
    const zero = f64x2.splat(0.0);
    const minNormal = vc(VC_MINNORM64), inf = f64x2.splat(Infinity);
    const n4 = cols & ~3;
    while (j < n4) {
      const end = min(n4, j + BLOCK);
      let t0 = zero, t1 = zero;
      for (; j < end; j += 4) {
        let v0: v128, v1: v128;
        if (sizeof<T>() == 8) {
          const o = t + (<usize>j << 3);
          v0 = v128.load(o); v1 = v128.load(o, 16);
        } else {
          const v = v128.load(t + (<usize>j << 2));
          v0 = lo64(v); v1 = hi64(v);
        }
        const cs = colSums + (<usize>j << 3);
        const c0 = v128.load(cs), c1 = v128.load(cs, 16);
        const d0 = f64x2.mul(vr, c0), d1 = f64x2.mul(vr, c1);
        const x0 = f64x2.div(v0, d0), x1 = f64x2.div(v1, d1);
        let l0 = lnFast_f64x2(x0), l1 = lnFast_f64x2(x1);
        // r·c or t/(r·c) outside the normal range where t > 0 (weights beyond ~1e154 or below
        // ~1e-154; rare): both vectors as ln t − ln r − ln c with exact logs
        const ok0 = v128.and(v128.and(f64x2.ge(x0, minNormal), f64x2.lt(x0, inf)), f64x2.ge(d0, minNormal));
        const ok1 = v128.and(v128.and(f64x2.ge(x1, minNormal), f64x2.lt(x1, inf)), f64x2.ge(d1, minNormal));
        if (v128.any_true(v128.or(v128.andnot(f64x2.gt(v0, zero), ok0), v128.andnot(f64x2.gt(v1, zero), ok1)))) {
          const lr = ln_f64x2(vr);
          l0 = f64x2.sub(f64x2.sub(ln_f64x2(v0), lr), ln_f64x2(c0));
          l1 = f64x2.sub(f64x2.sub(ln_f64x2(v1), lr), ln_f64x2(c1));
        }
        t0 = f64x2.add(t0, v128.and(f64x2.mul(v0, l0), f64x2.gt(v0, zero)));
        t1 = f64x2.add(t1, v128.and(f64x2.mul(v1, l1), f64x2.gt(v1, zero)));
      }
      const b = hsum(f64x2.add(t0, t1));
      c += nerr(s, b); s += b;
    }
  }
  while (j < cols) {
    const end = min(cols, j + BLOCK);
    let a = 0.0;
    for (; j < end; j++) {
      const v = ld<T>(t, j);
      if (v > 0) a += v * lnOverProduct(v, ri, load<f64>(colSums + (<usize>j << 3)));
    }
    c += nerr(s, a); s += a;
  }
  return s + c;
}

function miTable<T>(t: usize, rows: i32, cols: i32, rowSums: usize, colSums: usize): f64 {
  let s = 0.0, c = 0.0;
  for (let r = 0; r < rows; r++) {
    const v = miRow<T>(t + ((<usize>r * <usize>cols) << alignof<T>()), cols, load<f64>(rowSums + <usize>r * 8), colSums);
    c += nerr(s, v); s += v;
  }
  return s + c;
}

/** Σ_{t>0} t·ln(t / (rowSums[i]·colSums[j])) over an f64 table. */
export function miTableF64(t: usize, rows: i32, cols: i32, rowSums: usize, colSums: usize): f64 {
  return miTable<f64>(t, rows, cols, rowSums, colSums);
}

/** Σ_{t>0} t·ln(t / (rowSums[i]·colSums[j])) over an f32 table (f64 arithmetic). */
export function miTableF32(t: usize, rows: i32, cols: i32, rowSums: usize, colSums: usize): f64 {
  return miTable<f32>(t, rows, cols, rowSums, colSums);
}
