// Grid kernels: the sums behind trapezoid / Simpson integration and the grid divergences
// (differential entropy, cross-entropy, KL and Jensen-Shannon of densities sampled on a grid).
//
// Every pointer is a byte offset into linear memory; operands are row-major rows × cols (rows need
// not be 16-byte aligned: v128 loads are unaligned). Each kernel WRITES its f64 outputs. No
// validation here: NaN / ±Inf / negative inputs only have to propagate into the sums and minima
// the host checks afterwards (Σ w·f is NaN for any NaN; min f is negative for any negative).
//
// One source, two builds: `ASC_FEATURE_SIMD` selects at compile time between f64x2 loops (SIMD
// build) and scalar loops (baseline build). Float32 operands are read as f32 and promoted to f64
// (two lanes at a time); every sum and every log is f64.
//
// Integration rules are linear in the samples: ∫ y ≈ Σ w_i y_i. Uniform rules need only the sums
// of even- and odd-indexed samples of each row (sumEvenOdd: the two f64x2 lanes), the host adds
// the end corrections; other rules (non-uniform x, densities) take the weight vector w of one row
// (shared by all rows) and compute Σ w_i·t_i of a per-point integrand t.
//
// Accumulation: lanes summed over blocks of BLOCK elements, block sums added to the row total, so
// the error grows with n/BLOCK rather than n; the host combines segments of long rows pairwise.

import { ln, lnFast, ln_f64x2, lnFast_f64x2, vc, VC_MINNORM64 } from "./math";

/**
 * ln x: the inlined fast table log (≤ 2 ulp) for normal x, the exact ln (subnormals scaled) only
 * below 2^-1022 — rare, and a well-predicted branch.
 */
// @ts-ignore: decorator
@inline function lns(x: f64): f64 {
  return x >= 2.2250738585072014e-308 ? lnFast(x) : ln(x);
}

/** As lns, for both lanes of a vector. */
// @ts-ignore: decorator
@inline function lnv(x: v128): v128 {
  return v128.any_true(f64x2.lt(x, vc(VC_MINNORM64))) ? ln_f64x2(x) : lnFast_f64x2(x);
}

/**
 * ln(a/b) for a, b > 0: lns of the quotient, or ln a − ln b (exact logs) where the quotient
 * leaves the normal range — it overflows for 1 / 2.2e-309, underflows, or goes subnormal.
 */
// @ts-ignore: decorator
@inline function lnq(a: f64, b: f64): f64 {
  const x = a / b;
  return x >= 2.2250738585072014e-308 && x < Infinity ? lnFast(x) : ln(a) - ln(b);
}

/** As lnq, for both lanes; only lanes set in `pos` (f > 0) can send the vector to the exact logs. */
// @ts-ignore: decorator
@inline function lnqv(a: v128, b: v128, pos: v128): v128 {
  const x = f64x2.div(a, b);
  const ok = v128.and(f64x2.ge(x, vc(VC_MINNORM64)), f64x2.lt(x, f64x2.splat(Infinity)));
  return v128.any_true(v128.andnot(pos, ok)) ? f64x2.sub(ln_f64x2(a), ln_f64x2(b)) : lnFast_f64x2(x);
}

const BLOCK: i32 = 1024;

// ---------------------------------------------------------------------------------------------
// Loads of T (f64 or f32) promoted to f64.

// @ts-ignore: decorator
@inline function ld<T>(p: usize, i: i32): f64 {
  return <f64>load<T>(p + (<usize>i << alignof<T>()));
}

// @ts-ignore: decorator
@inline function ld2<T>(p: usize, i: i32): v128 {
  if (sizeof<T>() == 8) return v128.load(p + (<usize>i << 3));
  return f64x2.promote_low_f32x4(v128.load64_zero(p + (<usize>i << 2)));
}

// @ts-ignore: decorator
@inline function hsum(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

// @ts-ignore: decorator
@inline function hmin(v: v128): f64 {
  return min<f64>(f64x2.extract_lane(v, 0), f64x2.extract_lane(v, 1));
}

// ---------------------------------------------------------------------------------------------
// sumEvenOdd: out[2r] = Σ_{i even} y_ri, out[2r+1] = Σ_{i odd} y_ri (i counted from the row start).

// @ts-ignore: decorator
@inline function sumEvenOdd<T>(y: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const p = y + (<usize>(r * cols) << alignof<T>());
    let e: f64 = 0, o: f64 = 0;
    if (ASC_FEATURE_SIMD) {
      let tot = f64x2.splat(0);
      const pairs = cols & ~1;
      for (let b0 = 0; b0 < pairs; b0 += BLOCK) {
        const b1 = min<i32>(b0 + BLOCK, pairs);
        let a0 = f64x2.splat(0), a1 = f64x2.splat(0), a2 = f64x2.splat(0), a3 = f64x2.splat(0);
        let i = b0;
        for (; i + 8 <= b1; i += 8) {
          a0 = f64x2.add(a0, ld2<T>(p, i));
          a1 = f64x2.add(a1, ld2<T>(p, i + 2));
          a2 = f64x2.add(a2, ld2<T>(p, i + 4));
          a3 = f64x2.add(a3, ld2<T>(p, i + 6));
        }
        for (; i < b1; i += 2) a0 = f64x2.add(a0, ld2<T>(p, i));
        tot = f64x2.add(tot, f64x2.add(f64x2.add(a0, a1), f64x2.add(a2, a3)));
      }
      e = f64x2.extract_lane(tot, 0);
      o = f64x2.extract_lane(tot, 1);
      if (cols & 1) e += ld<T>(p, cols - 1);
    } else {
      for (let b0 = 0; b0 < cols; b0 += BLOCK) {
        const b1 = min<i32>(b0 + BLOCK, cols);
        let e0: f64 = 0, o0: f64 = 0, e1: f64 = 0, o1: f64 = 0;
        let i = b0;
        for (; i + 4 <= b1; i += 4) {
          e0 += ld<T>(p, i);
          o0 += ld<T>(p, i + 1);
          e1 += ld<T>(p, i + 2);
          o1 += ld<T>(p, i + 3);
        }
        for (; i < b1; i++) {
          if (i & 1) o0 += ld<T>(p, i);
          else e0 += ld<T>(p, i);
        }
        e += e0 + e1;
        o += o0 + o1;
      }
    }
    store<f64>(out + (<usize>r << 4), e);
    store<f64>(out + (<usize>r << 4), o, 8);
  }
}

export function sumEvenOddF64(y: usize, rows: i32, cols: i32, out: usize): void { sumEvenOdd<f64>(y, rows, cols, out); }
export function sumEvenOddF32(y: usize, rows: i32, cols: i32, out: usize): void { sumEvenOdd<f32>(y, rows, cols, out); }

// ---------------------------------------------------------------------------------------------
// dotRows: out[r] = Σ_i w_i·y_ri (w: cols f64, shared by every row).

// @ts-ignore: decorator
@inline function dotRows<T>(y: usize, rows: i32, cols: i32, w: usize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const p = y + (<usize>(r * cols) << alignof<T>());
    let s: f64 = 0;
    if (ASC_FEATURE_SIMD) {
      let tot = f64x2.splat(0);
      const pairs = cols & ~1;
      for (let b0 = 0; b0 < pairs; b0 += BLOCK) {
        const b1 = min<i32>(b0 + BLOCK, pairs);
        let a0 = f64x2.splat(0), a1 = f64x2.splat(0);
        let i = b0;
        for (; i + 4 <= b1; i += 4) {
          a0 = f64x2.add(a0, f64x2.mul(v128.load(w + (<usize>i << 3)), ld2<T>(p, i)));
          a1 = f64x2.add(a1, f64x2.mul(v128.load(w + (<usize>(i + 2) << 3)), ld2<T>(p, i + 2)));
        }
        for (; i < b1; i += 2) a0 = f64x2.add(a0, f64x2.mul(v128.load(w + (<usize>i << 3)), ld2<T>(p, i)));
        tot = f64x2.add(tot, f64x2.add(a0, a1));
      }
      s = hsum(tot);
      if (cols & 1) s += load<f64>(w + (<usize>(cols - 1) << 3)) * ld<T>(p, cols - 1);
    } else {
      for (let b0 = 0; b0 < cols; b0 += BLOCK) {
        const b1 = min<i32>(b0 + BLOCK, cols);
        let a0: f64 = 0, a1: f64 = 0;
        let i = b0;
        for (; i + 2 <= b1; i += 2) {
          a0 += load<f64>(w + (<usize>i << 3)) * ld<T>(p, i);
          a1 += load<f64>(w + (<usize>(i + 1) << 3)) * ld<T>(p, i + 1);
        }
        if (i < b1) a0 += load<f64>(w + (<usize>i << 3)) * ld<T>(p, i);
        s += a0 + a1;
      }
    }
    store<f64>(out + (<usize>r << 3), s);
  }
}

export function dotRowsF64(y: usize, rows: i32, cols: i32, w: usize, out: usize): void { dotRows<f64>(y, rows, cols, w, out); }
export function dotRowsF32(y: usize, rows: i32, cols: i32, w: usize, out: usize): void { dotRows<f32>(y, rows, cols, w, out); }

// ---------------------------------------------------------------------------------------------
// cumTrapezoid: for each of `rows` rows of `cols` samples, out[r·(cols−1) + i − 1] =
// start + Σ_{j=1..i} d_j·(y_{j−1} + y_j)/2, d_j = x_j − x_{j−1} (x: cols f64 shared by the rows)
// or dx when x = 0 — the terms and the running (sequential) sum of scipy's cumulative_trapezoid.
// Returns the last row's final sum (the carry for the next segment of a long row).

// @ts-ignore: decorator
@inline function cumTrapezoid<T>(y: usize, rows: i32, cols: i32, x: usize, dx: f64, start: f64, out: usize): f64 {
  let s = start;
  for (let r = 0; r < rows; r++) {
    const p = y + (<usize>(r * cols) << alignof<T>());
    const o = out + (<usize>(r * (cols - 1)) << 3);
    s = start;
    let prev = ld<T>(p, 0);
    if (x == 0) {
      for (let i = 1; i < cols; i++) {
        const v = ld<T>(p, i);
        s += dx * (prev + v) / 2.0;
        store<f64>(o + (<usize>(i - 1) << 3), s);
        prev = v;
      }
    } else {
      let xp = load<f64>(x);
      for (let i = 1; i < cols; i++) {
        const v = ld<T>(p, i);
        const xi = load<f64>(x + (<usize>i << 3));
        s += (xi - xp) * (prev + v) / 2.0;
        store<f64>(o + (<usize>(i - 1) << 3), s);
        prev = v;
        xp = xi;
      }
    }
  }
  return s;
}

export function cumTrapezoidF64(y: usize, rows: i32, cols: i32, x: usize, dx: f64, start: f64, out: usize): f64 {
  return cumTrapezoid<f64>(y, rows, cols, x, dx, start, out);
}
export function cumTrapezoidF32(y: usize, rows: i32, cols: i32, x: usize, dx: f64, start: f64, out: usize): f64 {
  return cumTrapezoid<f32>(y, rows, cols, x, dx, start, out);
}

// ---------------------------------------------------------------------------------------------
// Grid divergences. w: cols f64 weights shared by the rows; ctx: 2 f64 per row.
//
// gridEntropy: per row [Σ w·f, Σ w·f·lns(f + a), min f],  a = ctx[2r]   (f = 0 contributes 0).

// @ts-ignore: decorator
@inline function gridEntropy<T>(f: usize, rows: i32, cols: i32, w: usize, ctx: usize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const p = f + (<usize>(r * cols) << alignof<T>());
    const a = load<f64>(ctx + (<usize>r << 4));
    let sf: f64 = 0, st: f64 = 0, mf: f64 = Infinity;
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      const av = f64x2.splat(a);
      const zero = f64x2.splat(0);
      let tf = zero, tt = zero, vm = f64x2.splat(Infinity);
      const pairs = cols & ~1;
      for (let b0 = 0; b0 < pairs; b0 += BLOCK) {
        const b1 = min<i32>(b0 + BLOCK, pairs);
        let bf = zero, bt = zero;
        for (i = b0; i < b1; i += 2) {
          const fv = ld2<T>(p, i);
          const wv = v128.load(w + (<usize>i << 3));
          bf = f64x2.add(bf, f64x2.mul(wv, fv));
          const t = v128.and(f64x2.mul(fv, lnv(f64x2.add(fv, av))), f64x2.gt(fv, zero));
          bt = f64x2.add(bt, f64x2.mul(wv, t));
          vm = f64x2.min(vm, fv);
        }
        tf = f64x2.add(tf, bf);
        tt = f64x2.add(tt, bt);
      }
      sf = hsum(tf);
      st = hsum(tt);
      mf = hmin(vm);
      i = pairs;
    }
    for (let b0 = i; b0 < cols; b0 += BLOCK) {
      const b1 = min<i32>(b0 + BLOCK, cols);
      let bf: f64 = 0, bt: f64 = 0;
      for (let j = b0; j < b1; j++) {
        const v = ld<T>(p, j);
        const wj = load<f64>(w + (<usize>j << 3));
        bf += wj * v;
        if (v > 0) bt += wj * (v * lns(v + a));
        mf = min<f64>(mf, v);
      }
      sf += bf;
      st += bt;
    }
    const o = out + <usize>r * 24;
    store<f64>(o, sf);
    store<f64>(o, st, 8);
    store<f64>(o, mf, 16);
  }
}

export function gridEntropyF64(f: usize, rows: i32, cols: i32, w: usize, ctx: usize, out: usize): void { gridEntropy<f64>(f, rows, cols, w, ctx, out); }
export function gridEntropyF32(f: usize, rows: i32, cols: i32, w: usize, ctx: usize, out: usize): void { gridEntropy<f32>(f, rows, cols, w, ctx, out); }

// gridPair: per row [Σ w·f, Σ w·g, Σ w·t, min f, min g, #(g + b = 0 < f)], a = ctx[2r], b = ctx[2r+1],
//   t = f·lns(g + b)              (MODE = u8: cross-entropy)
//   t = f·lns((f + a)/(g + b))     (MODE = u16: relative entropy; one log of the ratio, exact at f = g;
//                                  lnq: ln(f + a) − ln(g + b) where the ratio would overflow or underflow)
// f = 0 contributes 0. g advances with the rows when gStride ≠ 0, else one g row serves them all.

// @ts-ignore: decorator
@inline function gridPair<T, MODE>(f: usize, g: usize, gStride: i32, rows: i32, cols: i32, w: usize, ctx: usize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const p = f + (<usize>(r * cols) << alignof<T>());
    const q = g + (<usize>(gStride != 0 ? r * cols : 0) << alignof<T>());
    const a = load<f64>(ctx + (<usize>r << 4));
    const b = load<f64>(ctx + (<usize>r << 4), 8);
    let sf: f64 = 0, sg: f64 = 0, st: f64 = 0, mf: f64 = Infinity, mg: f64 = Infinity, k: f64 = 0;
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      const av = f64x2.splat(a);
      const bv = f64x2.splat(b);
      const zero = f64x2.splat(0);
      let tf = zero, tg = zero, tt = zero, kv = zero;
      let vmf = f64x2.splat(Infinity), vmg = f64x2.splat(Infinity);
      const pairs = cols & ~1;
      for (let b0 = 0; b0 < pairs; b0 += BLOCK) {
        const b1 = min<i32>(b0 + BLOCK, pairs);
        let bf = zero, bg = zero, bt = zero;
        for (i = b0; i < b1; i += 2) {
          const fv = ld2<T>(p, i);
          const gv = ld2<T>(q, i);
          const wv = v128.load(w + (<usize>i << 3));
          bf = f64x2.add(bf, f64x2.mul(wv, fv));
          bg = f64x2.add(bg, f64x2.mul(wv, gv));
          const gb = f64x2.add(gv, bv);
          const pos = f64x2.gt(fv, zero);
          let l: v128;
          if (sizeof<MODE>() == 1) l = lnv(gb);
          else l = lnqv(f64x2.add(fv, av), gb, pos);
          bt = f64x2.add(bt, f64x2.mul(wv, v128.and(f64x2.mul(fv, l), pos)));
          kv = i64x2.sub(kv, v128.and(f64x2.eq(gb, zero), pos));
          vmf = f64x2.min(vmf, fv);
          vmg = f64x2.min(vmg, gv);
        }
        tf = f64x2.add(tf, bf);
        tg = f64x2.add(tg, bg);
        tt = f64x2.add(tt, bt);
      }
      sf = hsum(tf);
      sg = hsum(tg);
      st = hsum(tt);
      mf = hmin(vmf);
      mg = hmin(vmg);
      k = <f64>(i64x2.extract_lane(kv, 0) + i64x2.extract_lane(kv, 1));
      i = pairs;
    }
    for (let b0 = i; b0 < cols; b0 += BLOCK) {
      const b1 = min<i32>(b0 + BLOCK, cols);
      let bf: f64 = 0, bg: f64 = 0, bt: f64 = 0;
      for (let j = b0; j < b1; j++) {
        const u = ld<T>(p, j);
        const v = ld<T>(q, j);
        const wj = load<f64>(w + (<usize>j << 3));
        bf += wj * u;
        bg += wj * v;
        const gb = v + b;
        if (u > 0) {
          if (gb == 0) k += 1;
          else if (sizeof<MODE>() == 1) bt += wj * (u * lns(gb));
          else bt += wj * (u * lnq(u + a, gb));
        }
        mf = min<f64>(mf, u);
        mg = min<f64>(mg, v);
      }
      sf += bf;
      sg += bg;
      st += bt;
    }
    const o = out + <usize>r * 48;
    store<f64>(o, sf);
    store<f64>(o, sg, 8);
    store<f64>(o, st, 16);
    store<f64>(o, mf, 24);
    store<f64>(o, mg, 32);
    store<f64>(o, k, 40);
  }
}

export function gridCrossF64(f: usize, g: usize, gStride: i32, rows: i32, cols: i32, w: usize, ctx: usize, out: usize): void {
  gridPair<f64, u8>(f, g, gStride, rows, cols, w, ctx, out);
}
export function gridCrossF32(f: usize, g: usize, gStride: i32, rows: i32, cols: i32, w: usize, ctx: usize, out: usize): void {
  gridPair<f32, u8>(f, g, gStride, rows, cols, w, ctx, out);
}
export function gridKlF64(f: usize, g: usize, gStride: i32, rows: i32, cols: i32, w: usize, ctx: usize, out: usize): void {
  gridPair<f64, u16>(f, g, gStride, rows, cols, w, ctx, out);
}
export function gridKlF32(f: usize, g: usize, gStride: i32, rows: i32, cols: i32, w: usize, ctx: usize, out: usize): void {
  gridPair<f32, u16>(f, g, gStride, rows, cols, w, ctx, out);
}

// gridJs: per row [Σ w·f, Σ w·g, Σ w·(P lns(2P/S) + Q lns(2Q/S)), min f, min g, 0] with P = a·f,
// Q = b·g, S = P + Q (= P lns(P/M) + Q lns(Q/M), M = S/2, finite where M underflows), [a, b] = ctx[2r], ctx[2r+1]; terms with P = 0 or Q = 0 contribute 0.

// @ts-ignore: decorator
@inline function gridJs<T>(f: usize, g: usize, gStride: i32, rows: i32, cols: i32, w: usize, ctx: usize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const p = f + (<usize>(r * cols) << alignof<T>());
    const q = g + (<usize>(gStride != 0 ? r * cols : 0) << alignof<T>());
    const a = load<f64>(ctx + (<usize>r << 4));
    const b = load<f64>(ctx + (<usize>r << 4), 8);
    let sf: f64 = 0, sg: f64 = 0, st: f64 = 0, mf: f64 = Infinity, mg: f64 = Infinity;
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      const av = f64x2.splat(a);
      const bv = f64x2.splat(b);
      const zero = f64x2.splat(0);
      let tf = zero, tg = zero, tt = zero;
      let vmf = f64x2.splat(Infinity), vmg = f64x2.splat(Infinity);
      const pairs = cols & ~1;
      for (let b0 = 0; b0 < pairs; b0 += BLOCK) {
        const b1 = min<i32>(b0 + BLOCK, pairs);
        let bf = zero, bg = zero, bt = zero;
        for (i = b0; i < b1; i += 2) {
          const fv = ld2<T>(p, i);
          const gv = ld2<T>(q, i);
          const wv = v128.load(w + (<usize>i << 3));
          bf = f64x2.add(bf, f64x2.mul(wv, fv));
          bg = f64x2.add(bg, f64x2.mul(wv, gv));
          const P = f64x2.mul(av, fv);
          const Q = f64x2.mul(bv, gv);
          const S = f64x2.add(P, Q);
          const tp = v128.and(f64x2.mul(P, lnv(f64x2.div(f64x2.add(P, P), S))), f64x2.gt(P, zero));
          const tq = v128.and(f64x2.mul(Q, lnv(f64x2.div(f64x2.add(Q, Q), S))), f64x2.gt(Q, zero));
          bt = f64x2.add(bt, f64x2.mul(wv, f64x2.add(tp, tq)));
          vmf = f64x2.min(vmf, fv);
          vmg = f64x2.min(vmg, gv);
        }
        tf = f64x2.add(tf, bf);
        tg = f64x2.add(tg, bg);
        tt = f64x2.add(tt, bt);
      }
      sf = hsum(tf);
      sg = hsum(tg);
      st = hsum(tt);
      mf = hmin(vmf);
      mg = hmin(vmg);
      i = pairs;
    }
    for (let b0 = i; b0 < cols; b0 += BLOCK) {
      const b1 = min<i32>(b0 + BLOCK, cols);
      let bf: f64 = 0, bg: f64 = 0, bt: f64 = 0;
      for (let j = b0; j < b1; j++) {
        const u = ld<T>(p, j);
        const v = ld<T>(q, j);
        const wj = load<f64>(w + (<usize>j << 3));
        bf += wj * u;
        bg += wj * v;
        const P = a * u;
        const Q = b * v;
        const S = P + Q;
        let t: f64 = 0;
        if (P > 0) t += P * lns((P + P) / S);
        if (Q > 0) t += Q * lns((Q + Q) / S);
        bt += wj * t;
        mf = min<f64>(mf, u);
        mg = min<f64>(mg, v);
      }
      sf += bf;
      sg += bg;
      st += bt;
    }
    const o = out + <usize>r * 48;
    store<f64>(o, sf);
    store<f64>(o, sg, 8);
    store<f64>(o, st, 16);
    store<f64>(o, mf, 24);
    store<f64>(o, mg, 32);
    store<f64>(o, 0.0, 40);
  }
}

export function gridJsF64(f: usize, g: usize, gStride: i32, rows: i32, cols: i32, w: usize, ctx: usize, out: usize): void {
  gridJs<f64>(f, g, gStride, rows, cols, w, ctx, out);
}
export function gridJsF32(f: usize, g: usize, gStride: i32, rows: i32, cols: i32, w: usize, ctx: usize, out: usize): void {
  gridJs<f32>(f, g, gStride, rows, cols, w, ctx, out);
}
