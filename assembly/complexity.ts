// Time-series complexity kernels (src/complexity.ts): ordinal-pattern counts (permutation entropy)
// and template-match counts (sample and approximate entropy). The twin of src/js/complexity.ts,
// step for step (read that file for the algorithms). Kernels return exact integer counts (held in
// f64) only: no logarithm is taken here, so every backend gives the same counts and the engine
// finishes each measure once.
//
// Memory: the host copies the series and hands a `work` region of complexityWorkBytes(...) bytes;
// nothing is allocated.

import { a64, ld, ldi, sortPairs, st, sti } from "./knn";

/**
 * Per row of the rows×cols series x, the counts of the order! ordinal patterns of
 * (x_t, x_{t+τ}, …, x_{t+(order−1)τ}), t = 0 … cols − 1 − (order − 1)τ, at out[row·order! + code]:
 * code = Σ_a c_a·(order − 1 − a)!, c_a = #{b > a : x_{t+bτ} < x_{t+aτ}} (the Lehmer code of the
 * stable ranks: of equal values the earlier ranks lower). order ≤ 12 (codes fit i32).
 */
export function ordinalCountsRows(x: usize, rows: i32, cols: i32, order: i32, delay: i32, out: usize): void {
  let F: i32 = 1;
  for (let k = 2; k <= order; k++) F *= k;
  memory.fill(out, 0, <usize>rows * <usize>F << 3);
  const patterns = cols - (order - 1) * delay;
  const last = order - 1;
  const step = <usize>delay << 3;
  for (let row = 0; row < rows; row++) {
    const base = x + (<usize>row * <usize>cols << 3);
    const table = out + (<usize>row * <usize>F << 3);
    for (let t = 0; t < patterns; t++) {
      const w = base + (<usize>t << 3);
      let code: i32 = 0;
      let pa = w;
      for (let a = 0; a < last; a++) {
        const va = load<f64>(pa);
        let c: i32 = 0;
        let pb = pa;
        for (let b = a + 1; b <= last; b++) {
          pb += step;
          c += i32(load<f64>(pb) < va);
        }
        code = code * (order - a) + c;
        pa += step;
      }
      const cell = table + (<usize>code << 3);
      store<f64>(cell, load<f64>(cell) + 1);
    }
  }
}

/** Templates of one row: n − m (sample entropy: those with an (m+1)-th point) or n − m + 1 (every template, `perTemplate`). */
// @ts-ignore: decorator
@inline function templatesOf(n: i32, m: i32, perTemplate: i32): i32 {
  return perTemplate ? n - m + 1 : n - m;
}

/** Bytes of the work region of templateMatches for rows of n points. */
export function complexityWorkBytes(n: i32, m: i32, perTemplate: i32): usize {
  const T = templatesOf(n, m, perTemplate);
  return a64(<usize>T << 2) + <usize>(m + 1) * a64(<usize>T << 3) + (perTemplate ? 2 * a64(<usize>T << 3) : 0) + 64;
}

/**
 * Template matches of each row of the rows×cols x (templates of length m, Chebyshev distance,
 * tolerance r[row]), scanning the sorted positions p0 ≤ p < p1 (the pool splits them). Without
 * `perTemplate`: [B, A] per row, the pairs i < j of the first n − m templates within r at length m
 * and m + 1. With it: 2·(n − m + 1) values per row, for each template its matches at length m then
 * at m + 1 (self excluded; the last template has no (m+1)-th point and matches nothing there).
 * Only pairs whose lower sorted position lies in [p0, p1) are counted, so that partial results add.
 */
export function templateMatches(x: usize, rows: i32, cols: i32, m: i32, r: usize, perTemplate: i32, p0: i32, p1: i32, out: usize, work: usize): void {
  const n = cols;
  const T = templatesOf(n, m, perTemplate);
  const colBytes = a64(<usize>T << 3);
  const idx = work;
  const keys = idx + a64(<usize>T << 2); // column 0 (the sort keys), then columns 1 … m
  const cntB = keys + <usize>(m + 1) * colBytes;
  const cntA = cntB + colBytes;
  const width = perTemplate ? 2 * T : 2;
  for (let row = 0; row < rows; row++) {
    const xs = x + (<usize>row * <usize>n << 3);
    const rr = ld(r, row);
    for (let i = 0; i < T; i++) {
      st(keys, i, ld(xs, i));
      sti(idx, i, i);
    }
    sortPairs(keys, idx, 0, T - 1);
    for (let k = 1; k <= m; k++) {
      const col = keys + <usize>k * colBytes;
      for (let p = 0; p < T; p++) {
        const j = ldi(idx, p) + k;
        st(col, p, j < n ? ld(xs, j) : NaN);
      }
    }
    if (perTemplate) memory.fill(cntB, 0, 2 * colBytes);
    const res = out + (<usize>row * <usize>width << 3);
    const pairs = scan(keys, colBytes, T, m, rr, p0 < T ? p0 : T, p1 < T ? p1 : T, perTemplate, cntB, cntA);
    if (perTemplate) {
      for (let p = 0; p < T; p++) {
        const i = ldi(idx, p);
        st(res, i, ld(cntB, p));
        st(res, T + i, ld(cntA, p));
      }
    } else {
      st(res, 0, pairs.b);
      st(res, 1, pairs.a);
    }
  }
}

@unmanaged class Pairs {
  b: f64;
  a: f64;
}
const PAIRS = changetype<Pairs>(memory.data(16, 16));

/**
 * The forward scans of positions p0 … p1 − 1 over the sorted columns: q runs from p + 1 while
 * col0[q] − col0[p] ≤ r (two pointers: that end never moves back), each q a match at length m
 * when |col_k[q] − col_k[p]| ≤ r for k = 1 … m − 1, and at m + 1 when also for k = m.
 */
function scan(keys: usize, colBytes: usize, T: i32, m: i32, r: f64, p0: i32, p1: i32, perTemplate: i32, cntB: usize, cntA: usize): Pairs {
  let B: i64 = 0;
  let A: i64 = 0;
  let end = p0 + 1;
  const colM = keys + <usize>m * colBytes;
  for (let p = p0; p < p1; p++) {
    const v0 = ld(keys, p);
    if (end < p + 1) end = p + 1;
    while (end < T && ld(keys, end) - v0 <= r) end++;
    const vm = ld(colM, p);
    let q = p + 1;
    let b: i64 = 0;
    let a: i64 = 0;
    if (ASC_FEATURE_SIMD) {
      const rv = f64x2.splat(r);
      const vmv = f64x2.splat(vm);
      const one = f64x2.splat(1.0);
      let bv = i64x2.splat(0);
      let av = bv;
      if (m == 2) {
        // the common case: one coordinate after the first at length m, four pairs per step
        const col1 = keys + colBytes;
        const v1 = f64x2.splat(ld(col1, p));
        let bw = bv;
        let aw = bv;
        for (; q + 3 < end; q += 4) {
          const off = <usize>q << 3;
          const m0 = f64x2.le(f64x2.abs(f64x2.sub(v128.load(col1 + off), v1)), rv);
          const m1 = f64x2.le(f64x2.abs(f64x2.sub(v128.load(col1 + off, 16), v1)), rv);
          const a0 = v128.and(m0, f64x2.le(f64x2.abs(f64x2.sub(v128.load(colM + off), vmv)), rv));
          const a1 = v128.and(m1, f64x2.le(f64x2.abs(f64x2.sub(v128.load(colM + off, 16), vmv)), rv));
          bv = i64x2.sub(bv, m0);
          bw = i64x2.sub(bw, m1);
          av = i64x2.sub(av, a0);
          aw = i64x2.sub(aw, a1);
          if (perTemplate) {
            v128.store(cntB + off, f64x2.add(v128.load(cntB + off), v128.and(m0, one)));
            v128.store(cntB + off, f64x2.add(v128.load(cntB + off, 16), v128.and(m1, one)), 16);
            v128.store(cntA + off, f64x2.add(v128.load(cntA + off), v128.and(a0, one)));
            v128.store(cntA + off, f64x2.add(v128.load(cntA + off, 16), v128.and(a1, one)), 16);
          }
        }
        bv = i64x2.add(bv, bw);
        av = i64x2.add(av, aw);
      }
      for (; q + 1 < end; q += 2) {
        const off = <usize>q << 3;
        let mask = i64x2.splat(-1);
        for (let k = 1; k < m; k++) {
          const col = keys + <usize>k * colBytes;
          const d = f64x2.abs(f64x2.sub(v128.load(col + off), f64x2.splat(ld(col, p))));
          mask = v128.and(mask, f64x2.le(d, rv));
        }
        const maskA = v128.and(mask, f64x2.le(f64x2.abs(f64x2.sub(v128.load(colM + off), vmv)), rv));
        bv = i64x2.sub(bv, mask);
        av = i64x2.sub(av, maskA);
        if (perTemplate) {
          v128.store(cntB + off, f64x2.add(v128.load(cntB + off), v128.and(mask, one)));
          v128.store(cntA + off, f64x2.add(v128.load(cntA + off), v128.and(maskA, one)));
        }
      }
      b = i64x2.extract_lane(bv, 0) + i64x2.extract_lane(bv, 1);
      a = i64x2.extract_lane(av, 0) + i64x2.extract_lane(av, 1);
    }
    if (m == 2 && !perTemplate) {
      // the common case without SIMD: branch-free, one coordinate after the first
      const col1 = keys + colBytes;
      const v1 = ld(col1, p);
      for (; q < end; q++) {
        const ok = i64(Math.abs(ld(col1, q) - v1) <= r);
        b += ok;
        a += ok & i64(Math.abs(ld(colM, q) - vm) <= r);
      }
    }
    for (; q < end; q++) {
      let ok = true;
      for (let k = 1; k < m; k++) {
        const col = keys + <usize>k * colBytes;
        ok = ok && Math.abs(ld(col, q) - ld(col, p)) <= r;
      }
      const okA = ok && Math.abs(ld(colM, q) - vm) <= r;
      b += i64(ok);
      a += i64(okA);
      if (perTemplate) {
        st(cntB, q, ld(cntB, q) + f64(ok));
        st(cntA, q, ld(cntA, q) + f64(okA));
      }
    }
    if (perTemplate) {
      st(cntB, p, ld(cntB, p) + f64(b));
      st(cntA, p, ld(cntA, p) + f64(a));
    }
    B += b;
    A += a;
  }
  PAIRS.b = f64(B);
  PAIRS.a = f64(A);
  return PAIRS;
}
