// Row kernels of the entropy estimators (src/estimators.ts): sums over rows of counts that the
// host finishes into Miller–Madow, Grassberger, Chao–Shen, James–Stein and jackknife estimates.
// The JS reference is src/js/estimators.ts; the formulas and the reasons for each sum are there.
// No validation here: negative, NaN or non-integer counts only have to show up in the sums, the
// minimum and the count of bad elements the host checks.
//
// Sums are accumulated per block of BLOCK elements and the block sums added with Neumaier
// compensation, so the error does not grow with n (the JS reference sums its blocks pairwise;
// both are within a few ulps of the exact sum).

import { ln } from "./math";

const BLOCK: i32 = 512;

/** Counts below this are read from the host's table (src/js/estimators.ts, COUNT_TABLE_SIZE). */
const TABLE: i32 = 1024;

// @ts-ignore: decorator
@inline function ld<T>(x: usize, i: i32): f64 {
  return <f64>load<T>(x + (<usize>i << alignof<T>()));
}

/** Neumaier error term of s + v. */
// @ts-ignore: decorator
@inline function nerr(s: f64, v: f64): f64 {
  const t = s + v;
  return abs(s) >= abs(v) ? (s - t) + v : (v - t) + s;
}

/**
 * e(n) = ln n − G(n) for n ≥ TABLE (Grassberger 2003): (ln n − ψ(n)) − ½(−1)^n (ψ((n+1)/2) − ψ(n/2))
 * by their asymptotic series (the twin of grassbergerTail in src/js/estimators.ts).
 */
function grassbergerTail(n: f64): f64 {
  const x = 1.0 / n;
  const f = x * x;
  const lnMinusPsi = x * 0.5 + f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240))));
  const beta = x + f * (0.5 - f * (0.25 - f * (0.5 - f * (17.0 / 8))));
  const even = n - 2.0 * Math.floor(n * 0.5) == 0.0;
  return even ? lnMinusPsi - 0.5 * beta : lnMinusPsi + 0.5 * beta;
}

/** h(n) = −(n − 1) ln(1 − 1/n) = 1 − Σ 1/(k(k+1) n^k) for n ≥ TABLE (twin of jackknifeTail). */
function jackknifeTail(n: f64): f64 {
  const x = 1.0 / n;
  return 1.0 - x * (1.0 / 2 + x * (1.0 / 6 + x * (1.0 / 12 + x * (1.0 / 20 + x * (1.0 / 30 + x * (1.0 / 42))))));
}

/**
 * out[0..9) = [N = Σn, T = Σ n ln n, m = #(n > 0), f1 = #(n = 1), Q = Σ n², E = Σ n·e(n),
 * J = Σ n·h(n), min n, #bad] over one row of n counts; `tab` = the host's 3·TABLE f64 table
 * [n ln n | n·e(n) | n·h(n)].
 */
function countRow<T>(x: usize, n: i32, tab: usize, out: usize): void {
  let sN = 0.0, cN = 0.0, sT = 0.0, cT = 0.0, sQ = 0.0, cQ = 0.0, sE = 0.0, cE = 0.0, sJ = 0.0, cJ = 0.0;
  let m = 0.0, f1 = 0.0, bad = 0.0, mn = Infinity;
  const tabE = tab + (<usize>TABLE << 3);
  const tabJ = tab + (<usize>TABLE << 4);
  let i = 0;
  while (i < n) {
    const end = min(n, i + BLOCK);
    let bN = 0.0, bT = 0.0, bQ = 0.0, bE = 0.0, bJ = 0.0;
    for (; i < end; i++) {
      const v = ld<T>(x, i);
      bN += v;
      bQ += v * v;
      if (v < mn) mn = v;
      if (v > 0) {
        m += 1;
        if (v == 1.0) f1 += 1;
        const integer = v == Math.floor(v);
        if (v < <f64>TABLE && integer) {
          const o = <usize>(<i32>v) << 3;
          bT += load<f64>(tab + o);
          bE += load<f64>(tabE + o);
          bJ += load<f64>(tabJ + o);
        } else {
          bT += v * ln(v);
          if (integer) {
            bE += v * grassbergerTail(v);
            bJ += v * jackknifeTail(v);
          } else bad += 1;
        }
      } else if (v != 0) bad += 1;
    }
    cN += nerr(sN, bN); sN += bN;
    cT += nerr(sT, bT); sT += bT;
    cQ += nerr(sQ, bQ); sQ += bQ;
    cE += nerr(sE, bE); sE += bE;
    cJ += nerr(sJ, bJ); sJ += bJ;
  }
  store<f64>(out, sN + cN);
  store<f64>(out, sT + cT, 8);
  store<f64>(out, m, 16);
  store<f64>(out, f1, 24);
  store<f64>(out, sQ + cQ, 32);
  store<f64>(out, sE + cE, 40);
  store<f64>(out, sJ + cJ, 48);
  store<f64>(out, mn, 56);
  store<f64>(out, bad, 64);
}

/** 9 f64 per row of counts (see countRow), `tab` the count table. */
export function countStatsRowsF64(x: usize, rows: i32, cols: i32, tab: usize, out: usize): void {
  for (let r = 0; r < rows; r++) countRow<f64>(x + <usize>r * <usize>cols * 8, cols, tab, out + <usize>r * 72);
}

/** 9 f64 per row of counts (f32 input). */
export function countStatsRowsF32(x: usize, rows: i32, cols: i32, tab: usize, out: usize): void {
  for (let r = 0; r < rows; r++) countRow<f32>(x + <usize>r * <usize>cols * 4, cols, tab, out + <usize>r * 72);
}

/** Σ t ln t over t = a + b·n > 0 of one row. */
function shrinkRow<T>(x: usize, n: i32, a: f64, b: f64): f64 {
  let s = 0.0, c = 0.0;
  let i = 0;
  while (i < n) {
    const end = min(n, i + BLOCK);
    let bs = 0.0;
    for (; i < end; i++) {
      const t = a + b * ld<T>(x, i);
      if (t > 0) bs += t * ln(t);
    }
    c += nerr(s, bs); s += bs;
  }
  return s + c;
}

/** out[r] = Σ t ln t, t = a + b·n, [a, b] = ctx[2r], ctx[2r + 1] (James–Stein shrinkage). */
export function shrinkRowsF64(x: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  ctxRows<f64>(0, x, rows, cols, ctx, out);
}

export function shrinkRowsF32(x: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  ctxRows<f32>(0, x, rows, cols, ctx, out);
}

/** Σ_{n>0} −p ln p / (1 − (1 − p)^N), p = c·n, of one row (Chao–Shen). */
function chaoShenRow<T>(x: usize, n: i32, c: f64, N: f64): f64 {
  let s = 0.0, e = 0.0;
  let i = 0;
  while (i < n) {
    const end = min(n, i + BLOCK);
    let bs = 0.0;
    for (; i < end; i++) {
      const v = ld<T>(x, i);
      if (v > 0) {
        const p = c * v;
        bs += (-p * ln(p)) / -Math.expm1(N * Math.log1p(-p));
      }
    }
    e += nerr(s, bs); s += bs;
  }
  return s + e;
}

/** out[r] = the Chao–Shen sum of row r, [c, N] = ctx[2r], ctx[2r + 1]. */
export function chaoShenRowsF64(x: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  ctxRows<f64>(1, x, rows, cols, ctx, out);
}

export function chaoShenRowsF32(x: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  ctxRows<f32>(1, x, rows, cols, ctx, out);
}

/** out[r] = the shrinkage sum (kind 0) or the Chao–Shen sum (kind 1) of row r, [a, b] = ctx[2r], ctx[2r + 1]. */
function ctxRows<T>(kind: i32, x: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const k = ctx + <usize>r * 16;
    const row = x + <usize>r * <usize>cols * sizeof<T>();
    const a = load<f64>(k);
    const b = load<f64>(k, 8);
    store<f64>(out + <usize>r * 8, kind == 0 ? shrinkRow<T>(row, cols, a, b) : chaoShenRow<T>(row, cols, a, b));
  }
}
