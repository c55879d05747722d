// Row kernels of the divergence family (src/divergences.ts; the JS reference is
// src/js/divergences.ts, whose docstrings state each sum): power sums of one normalised row
// (Rényi and Tsallis entropies, Gini impurity), the Hellinger / total-variation sums, the χ² sum
// and the Rényi-divergence sum of two rows, and the CDF sweep of the 1-D Wasserstein and energy
// distances. Inputs are validated by the engine before these run (weights finite and
// non-negative, sums positive), so no kernel checks anything.
//
// One source, two builds: `ASC_FEATURE_SIMD` selects f64x2 loops (two vectors per iteration,
// f32 rows promoted to f64 lanes) for the hot sums — P(P − 1), (√P − √Q)² and |P − Q|,
// (P − Q)²/Q — and plain loops otherwise (baseline build, tails). Sums run over blocks of BLOCK
// elements, block sums added with Neumaier compensation. The general-α power terms use the
// exact scalar Math.log / Math.expm1 / Math.exp (AssemblyScript's musl ports, < 1 ulp): a
// P·expm1((α − 1)·ln P) term keeps its relative accuracy for α near 1, which the table log of
// math.ts (absolute error) would not.

/** Elements per accumulation block (then combined with compensation). */
const BLOCK: i32 = 512;

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

/** Element i of an f32 or f64 array as f64. */
// @ts-ignore: decorator
@inline function ld<T>(x: usize, i: i32): f64 {
  return <f64>load<T>(x + (<usize>i << alignof<T>()));
}

/** Elements i … i+1 (lo) of an f32 or f64 array as f64x2. */
// @ts-ignore: decorator
@inline function ld2<T>(x: usize, i: i32): v128 {
  if (sizeof<T>() == 8) return v128.load(x + (<usize>i << 3));
  return f64x2.promote_low_f32x4(v128.load64_zero(x + (<usize>i << 2)));
}

/** ln(w/S) for 0 < w ≤ S, a = 1/S: log1p((w − S)·a) where w > S/2 (w − S exact), else ln(w·a) (the JS lnShare). */
// @ts-ignore: decorator
@inline function lnShare(w: f64, S: f64, a: f64): f64 {
  return w > 0.5 * S ? Math.log1p((w - S) * a) : Math.log(w * a);
}

// ---------------------------------------------------------------------------------------------
// 1. Power sums: out[4r..] = [Σ_{P>0} P·(P^(α−1) − 1), Σ_{P>0} P^α, min(−P), #(P > 0)], P = w/S

function powerRow<T>(x: usize, n: i32, S: f64, alpha: f64, out: usize): void {
  const a = 1.0 / S;
  let s = 0.0, c = 0.0, sd = 0.0, cd = 0.0, m = Infinity, cnt = 0.0;
  let i = 0;
  if (alpha == 2.0) {
    // P·(w − S)/S and P²
    if (ASC_FEATURE_SIMD) {
      const va = f64x2.splat(a), vS = f64x2.splat(S), zero = f64x2.splat(0.0);
      let m0 = f64x2.splat(Infinity), m1 = m0;
      let k = i64x2.splat(0);
      const n4 = n & ~3;
      while (i < n4) {
        const end = min(n4, i + BLOCK);
        let t0 = zero, t1 = zero, d0 = zero, d1 = zero;
        for (; i < end; i += 4) {
          const w0 = ld2<T>(x, i), w1 = ld2<T>(x, i + 2);
          const P0 = f64x2.mul(va, w0), P1 = f64x2.mul(va, w1);
          t0 = f64x2.add(t0, f64x2.mul(P0, f64x2.mul(f64x2.sub(w0, vS), va)));
          t1 = f64x2.add(t1, f64x2.mul(P1, f64x2.mul(f64x2.sub(w1, vS), va)));
          d0 = f64x2.add(d0, f64x2.mul(P0, P0)); d1 = f64x2.add(d1, f64x2.mul(P1, P1));
          m0 = f64x2.pmin(m0, f64x2.neg(P0)); m1 = f64x2.pmin(m1, f64x2.neg(P1));
          k = i64x2.sub(i64x2.sub(k, f64x2.gt(P0, zero)), f64x2.gt(P1, zero));
        }
        const b = hsum(f64x2.add(t0, t1)), bd = hsum(f64x2.add(d0, d1));
        c += nerr(s, b); s += b;
        cd += nerr(sd, bd); sd += bd;
      }
      const mm = f64x2.pmin(m0, m1);
      m = min(f64x2.extract_lane(mm, 0), f64x2.extract_lane(mm, 1));
      cnt = <f64>(i64x2.extract_lane(k, 0) + i64x2.extract_lane(k, 1));
    }
    while (i < n) {
      const end = min(n, i + BLOCK);
      let t = 0.0, d = 0.0;
      for (; i < end; i++) {
        const w = ld<T>(x, i);
        const P = a * w;
        t += P * ((w - S) * a);
        d += P * P;
        if (-P < m) m = -P;
        if (P > 0) cnt += 1.0;
      }
      c += nerr(s, t); s += t;
      cd += nerr(sd, d); sd += d;
    }
  } else {
    const general = alpha != Infinity;
    const beta = alpha - 1.0;
    while (i < n) {
      const end = min(n, i + BLOCK);
      let t = 0.0, d = 0.0;
      for (; i < end; i++) {
        const w = ld<T>(x, i);
        if (!(w > 0)) continue;
        const P = a * w;
        cnt += 1.0;
        if (-P < m) m = -P;
        if (general) {
          // P·(e^y − 1) and P·e^y, y = (α − 1)·ln P: expm1 near y = 0, exp elsewhere
          const l = lnShare(w, S, a);
          const y = beta * l;
          if (abs(y) < 0.5) { const e = P * Math.expm1(y); t += e; d += e + P; }
          else { const e = Math.exp(l + y); t += e - P; d += e; }
        }
      }
      c += nerr(s, t); s += t;
      cd += nerr(sd, d); sd += d;
    }
  }
  store<f64>(out, s + c);
  store<f64>(out, sd + cd, 8);
  store<f64>(out, m, 16);
  store<f64>(out, cnt, 24);
}

// @ts-ignore: decorator
@inline function powerRows<T>(x: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const k = ctx + <usize>r * 16;
    powerRow<T>(x + ((<usize>r * <usize>cols) << alignof<T>()), cols, load<f64>(k), load<f64>(k, 8), out + <usize>r * 32);
  }
}

/** out[4r..4r+3] = [Σ_{P>0} P·(P^(α−1) − 1), Σ_{P>0} P^α, min(−P), #(P > 0)], P = x/S, [S, α] = ctx[2r], ctx[2r+1] (f64 rows). */
export function powerRowsF64(x: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  powerRows<f64>(x, rows, cols, ctx, out);
}

/** As powerRowsF64, for f32 rows. */
export function powerRowsF32(x: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  powerRows<f32>(x, rows, cols, ctx, out);
}

// ---------------------------------------------------------------------------------------------
// 2. Hellinger, total variation, Bhattacharyya: out[3r..] = [Σ (√P − √Q)², Σ |P − Q|, Σ √P·√Q]

function hellingerRow<T>(p: usize, q: usize, n: i32, a: f64, b: f64, out: usize): void {
  let sh = 0.0, ch = 0.0, st = 0.0, ct = 0.0, sg = 0.0, cg = 0.0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const va = f64x2.splat(a), vb = f64x2.splat(b), zero = f64x2.splat(0.0);
    const n4 = n & ~3;
    while (i < n4) {
      const end = min(n4, i + BLOCK);
      let h0 = zero, h1 = zero, t0 = zero, t1 = zero, g0 = zero, g1 = zero;
      for (; i < end; i += 4) {
        const P0 = f64x2.mul(va, ld2<T>(p, i)), P1 = f64x2.mul(va, ld2<T>(p, i + 2));
        const Q0 = f64x2.mul(vb, ld2<T>(q, i)), Q1 = f64x2.mul(vb, ld2<T>(q, i + 2));
        const rP0 = f64x2.sqrt(P0), rP1 = f64x2.sqrt(P1), rQ0 = f64x2.sqrt(Q0), rQ1 = f64x2.sqrt(Q1);
        const d0 = f64x2.sub(rP0, rQ0), d1 = f64x2.sub(rP1, rQ1);
        h0 = f64x2.add(h0, f64x2.mul(d0, d0)); h1 = f64x2.add(h1, f64x2.mul(d1, d1));
        t0 = f64x2.add(t0, f64x2.abs(f64x2.sub(P0, Q0))); t1 = f64x2.add(t1, f64x2.abs(f64x2.sub(P1, Q1)));
        g0 = f64x2.add(g0, f64x2.mul(rP0, rQ0)); g1 = f64x2.add(g1, f64x2.mul(rP1, rQ1));
      }
      const bh = hsum(f64x2.add(h0, h1)), bt = hsum(f64x2.add(t0, t1)), bg = hsum(f64x2.add(g0, g1));
      ch += nerr(sh, bh); sh += bh;
      ct += nerr(st, bt); st += bt;
      cg += nerr(sg, bg); sg += bg;
    }
  }
  while (i < n) {
    const end = min(n, i + BLOCK);
    let h = 0.0, t = 0.0, g = 0.0;
    for (; i < end; i++) {
      const P = a * ld<T>(p, i), Q = b * ld<T>(q, i);
      const rP = Math.sqrt(P), rQ = Math.sqrt(Q);
      const d = rP - rQ;
      h += d * d;
      t += abs(P - Q);
      g += rP * rQ;
    }
    ch += nerr(sh, h); sh += h;
    ct += nerr(st, t); st += t;
    cg += nerr(sg, g); sg += g;
  }
  store<f64>(out, sh + ch);
  store<f64>(out, st + ct, 8);
  store<f64>(out, sg + cg, 16);
}

// ---------------------------------------------------------------------------------------------
// 3. χ²: out[2r..] = [Σ_{Q>0} (P − Q)²/Q, #(Q = 0 < P)]

function chiSquareRow<T>(p: usize, q: usize, n: i32, a: f64, b: f64, out: usize): void {
  let s = 0.0, c = 0.0, cnt = 0.0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const va = f64x2.splat(a), vb = f64x2.splat(b), zero = f64x2.splat(0.0);
    let k = i64x2.splat(0);
    const n4 = n & ~3;
    while (i < n4) {
      const end = min(n4, i + BLOCK);
      let t0 = zero, t1 = zero;
      for (; i < end; i += 4) {
        const P0 = f64x2.mul(va, ld2<T>(p, i)), P1 = f64x2.mul(va, ld2<T>(p, i + 2));
        const Q0 = f64x2.mul(vb, ld2<T>(q, i)), Q1 = f64x2.mul(vb, ld2<T>(q, i + 2));
        const d0 = f64x2.sub(P0, Q0), d1 = f64x2.sub(P1, Q1);
        const q0 = f64x2.gt(Q0, zero), q1 = f64x2.gt(Q1, zero);
        // where Q = 0 the quotient is Inf or NaN: masked to +0
        t0 = f64x2.add(t0, v128.and(f64x2.div(f64x2.mul(d0, d0), Q0), q0));
        t1 = f64x2.add(t1, v128.and(f64x2.div(f64x2.mul(d1, d1), Q1), q1));
        k = i64x2.sub(k, v128.andnot(f64x2.gt(P0, zero), q0));
        k = i64x2.sub(k, v128.andnot(f64x2.gt(P1, zero), q1));
      }
      const bt = hsum(f64x2.add(t0, t1));
      c += nerr(s, bt); s += bt;
    }
    cnt = <f64>(i64x2.extract_lane(k, 0) + i64x2.extract_lane(k, 1));
  }
  while (i < n) {
    const end = min(n, i + BLOCK);
    let t = 0.0;
    for (; i < end; i++) {
      const P = a * ld<T>(p, i), Q = b * ld<T>(q, i);
      if (Q > 0) {
        const d = P - Q;
        t += (d * d) / Q;
      } else if (P > 0) cnt += 1.0;
    }
    c += nerr(s, t); s += t;
  }
  store<f64>(out, s + c);
  store<f64>(out, cnt, 8);
}

// ---------------------------------------------------------------------------------------------
// 4. Rényi divergence over raw weights, c = Σq/Σp, r = c·p/q, ψ(r) = r^α − 1 − α(r − 1):
//    out[4r..] = [Σ q·ψ(r) (p = 0 < q: (α − 1)q; q = 0 < p: −α·c·p if α < 1), Σ_{p,q>0} q·r^α;
//    min over p > 0 of −p/q; #(q = 0 < p)] (see the JS renyiDivBlock)

function renyiDivRow<T>(p: usize, q: usize, n: i32, c: f64, alpha: f64, out: usize): void {
  let s = 0.0, cs = 0.0, sd = 0.0, cd = 0.0, m = Infinity, cnt = 0.0;
  const general = alpha != Infinity;
  const lnc = Math.log(c);
  let i = 0;
  while (i < n) {
    const end = min(n, i + BLOCK);
    let t = 0.0, d = 0.0;
    for (; i < end; i++) {
      const P = ld<T>(p, i), Q = ld<T>(q, i);
      if (P > 0 && Q > 0) {
        const ratio = -P / Q;
        if (ratio < m) m = ratio;
        if (!general) continue;
        const u = -ratio * c - 1.0;
        if (abs(u) < 0.5) {
          // ψ = expm1(α·log1p(u)) − α·u: a difference of second order in u
          const e = Math.expm1(alpha * Math.log1p(u));
          t += Q * (e - alpha * u);
          d += Q * (e + 1.0);
        } else {
          const e = Math.exp(alpha * (Math.log(P) - Math.log(Q) + lnc));
          t += Q * (e - 1.0 - alpha * u);
          d += Q * e;
        }
      } else if (P > 0) {
        cnt += 1.0;
        m = -Infinity;
        if (general && alpha < 1) t -= alpha * c * P;
      } else if (Q > 0 && general) t += (alpha - 1.0) * Q;
    }
    cs += nerr(s, t); s += t;
    cd += nerr(sd, d); sd += d;
  }
  store<f64>(out, s + cs);
  store<f64>(out, sd + cd, 8);
  store<f64>(out, m, 16);
  store<f64>(out, cnt, 24);
}

// Pair rows: kernel K (0 Hellinger, 1 χ², 2 Rényi) over rows×cols operands of element type T.
// @ts-ignore: decorator
@inline function pairRows<T>(kind: i32, p: usize, q: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const o = (<usize>r * <usize>cols) << alignof<T>();
    const k = ctx + <usize>r * 16;
    const a = load<f64>(k), b = load<f64>(k, 8);
    if (kind == 0) hellingerRow<T>(p + o, q + o, cols, a, b, out + <usize>r * 24);
    else if (kind == 1) chiSquareRow<T>(p + o, q + o, cols, a, b, out + <usize>r * 16);
    else renyiDivRow<T>(p + o, q + o, cols, a, b, out + <usize>r * 32);
  }
}

/** out[3r..3r+2] = [Σ (√P − √Q)², Σ |P − Q|, Σ √P·√Q], P = ctx[2r]·p, Q = ctx[2r+1]·q (f64 rows). */
export function hellingerRowsF64(p: usize, q: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  pairRows<f64>(0, p, q, rows, cols, ctx, out);
}

/** As hellingerRowsF64, for f32 rows. */
export function hellingerRowsF32(p: usize, q: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  pairRows<f32>(0, p, q, rows, cols, ctx, out);
}

/** out[2r..2r+1] = [Σ_{Q>0} (P − Q)²/Q, #(Q = 0 < P)], P = ctx[2r]·p, Q = ctx[2r+1]·q (f64 rows). */
export function chiSquareRowsF64(p: usize, q: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  pairRows<f64>(1, p, q, rows, cols, ctx, out);
}

/** As chiSquareRowsF64, for f32 rows. */
export function chiSquareRowsF32(p: usize, q: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  pairRows<f32>(1, p, q, rows, cols, ctx, out);
}

/** out[4r..4r+3] = the Rényi-divergence sums of the JS renyiDivBlock, [c, α] = ctx[2r], ctx[2r+1] (f64 rows). */
export function renyiDivRowsF64(p: usize, q: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  pairRows<f64>(2, p, q, rows, cols, ctx, out);
}

/** As renyiDivRowsF64, for f32 rows. */
export function renyiDivRowsF32(p: usize, q: usize, rows: i32, cols: i32, ctx: usize, out: usize): void {
  pairRows<f32>(2, p, q, rows, cols, ctx, out);
}

// ---------------------------------------------------------------------------------------------
// 5. One pass over raw weights (the fast paths; see the JS bcRawBlock / chiRawBlock):
//    kind 0: out[5r..] = [Σp, Σq, Σ √(p·q), min p, min q]
//    kind 1: out[6r..] = [Σp, Σq, Σ_{q>0} p·(p/q), min p, min q, #(q = 0 < p)]

function rawRow<T>(kind: i32, p: usize, q: usize, n: i32, out: usize): void {
  let sP = 0.0, cP = 0.0, sQ = 0.0, cQ = 0.0, sG = 0.0, cG = 0.0, mp = Infinity, mq = Infinity, cnt = 0.0;
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const zero = f64x2.splat(0.0);
    let m0 = f64x2.splat(Infinity), m1 = m0;
    let k = i64x2.splat(0);
    const n4 = n & ~3;
    while (i < n4) {
      const end = min(n4, i + BLOCK);
      let a0 = zero, a1 = zero, b0 = zero, b1 = zero, g0 = zero, g1 = zero;
      for (; i < end; i += 4) {
        const p0 = ld2<T>(p, i), p1 = ld2<T>(p, i + 2), q0 = ld2<T>(q, i), q1 = ld2<T>(q, i + 2);
        a0 = f64x2.add(a0, p0); a1 = f64x2.add(a1, p1);
        b0 = f64x2.add(b0, q0); b1 = f64x2.add(b1, q1);
        m0 = f64x2.pmin(m0, p0); m1 = f64x2.pmin(m1, q0);
        m0 = f64x2.pmin(m0, p1); m1 = f64x2.pmin(m1, q1);
        if (kind == 0) {
          g0 = f64x2.add(g0, f64x2.sqrt(f64x2.mul(p0, q0)));
          g1 = f64x2.add(g1, f64x2.sqrt(f64x2.mul(p1, q1)));
        } else {
          // where q = 0 the quotient is Inf or NaN: masked to +0 (and counted where p > 0)
          const z0 = f64x2.gt(q0, zero), z1 = f64x2.gt(q1, zero);
          g0 = f64x2.add(g0, v128.and(f64x2.mul(p0, f64x2.div(p0, q0)), z0));
          g1 = f64x2.add(g1, v128.and(f64x2.mul(p1, f64x2.div(p1, q1)), z1));
          k = i64x2.sub(k, v128.andnot(f64x2.gt(p0, zero), z0));
          k = i64x2.sub(k, v128.andnot(f64x2.gt(p1, zero), z1));
        }
      }
      const bP = hsum(f64x2.add(a0, a1)), bQ = hsum(f64x2.add(b0, b1)), bG = hsum(f64x2.add(g0, g1));
      cP += nerr(sP, bP); sP += bP;
      cQ += nerr(sQ, bQ); sQ += bQ;
      cG += nerr(sG, bG); sG += bG;
    }
    mp = min(f64x2.extract_lane(m0, 0), f64x2.extract_lane(m0, 1));
    mq = min(f64x2.extract_lane(m1, 0), f64x2.extract_lane(m1, 1));
    cnt = <f64>(i64x2.extract_lane(k, 0) + i64x2.extract_lane(k, 1));
  }
  while (i < n) {
    const end = min(n, i + BLOCK);
    let a = 0.0, b = 0.0, g = 0.0;
    for (; i < end; i++) {
      const pv = ld<T>(p, i), qv = ld<T>(q, i);
      a += pv; b += qv;
      if (pv < mp) mp = pv;
      if (qv < mq) mq = qv;
      if (kind == 0) g += Math.sqrt(pv * qv);
      else if (qv > 0) g += pv * (pv / qv);
      else if (pv > 0) cnt += 1.0;
    }
    cP += nerr(sP, a); sP += a;
    cQ += nerr(sQ, b); sQ += b;
    cG += nerr(sG, g); sG += g;
  }
  store<f64>(out, sP + cP);
  store<f64>(out, sQ + cQ, 8);
  store<f64>(out, sG + cG, 16);
  store<f64>(out, mp, 24);
  store<f64>(out, mq, 32);
  if (kind == 1) store<f64>(out, cnt, 40);
}

// @ts-ignore: decorator
@inline function rawRows<T>(kind: i32, p: usize, q: usize, rows: i32, cols: i32, out: usize): void {
  const width: usize = kind == 0 ? 40 : 48;
  for (let r = 0; r < rows; r++) {
    const o = (<usize>r * <usize>cols) << alignof<T>();
    rawRow<T>(kind, p + o, q + o, cols, out + <usize>r * width);
  }
}

/** out[5r..5r+4] = [Σp, Σq, Σ √(p·q), min p, min q] per row (f64). */
export function bcRawRowsF64(p: usize, q: usize, rows: i32, cols: i32, out: usize): void {
  rawRows<f64>(0, p, q, rows, cols, out);
}

/** As bcRawRowsF64, for f32 rows. */
export function bcRawRowsF32(p: usize, q: usize, rows: i32, cols: i32, out: usize): void {
  rawRows<f32>(0, p, q, rows, cols, out);
}

/** out[6r..6r+5] = [Σp, Σq, Σ_{q>0} p·(p/q), min p, min q, #(q = 0 < p)] per row (f64). */
export function chiRawRowsF64(p: usize, q: usize, rows: i32, cols: i32, out: usize): void {
  rawRows<f64>(1, p, q, rows, cols, out);
}

/** As chiRawRowsF64, for f32 rows. */
export function chiRawRowsF32(p: usize, q: usize, rows: i32, cols: i32, out: usize): void {
  rawRows<f32>(1, p, q, rows, cols, out);
}

// ---------------------------------------------------------------------------------------------
// 6. CDF distance of two sorted 1-D samples (scipy.stats's _cdf_distance before its root)

/** Weight i: w[i], or 1 when there are no weights (w = 0). */
// @ts-ignore: decorator
@inline function weightAt(w: usize, i: i32): f64 {
  return w ? load<f64>(w + (<usize>i << 3)) : 1.0;
}

/**
 * out[0] = ∫ |U − V|^power (power 1 or 2) of the CDFs of the sorted f64 samples u (n) and v (m)
 * with f64 weights uw, vw (0: weight 1 each): one merge sweep, as the JS cdfDistance.
 */
export function cdfDistance(u: usize, n: i32, uw: usize, v: usize, m: i32, vw: usize, power: i32, out: usize): void {
  let Wu = <f64>n, Wv = <f64>m;
  if (uw) { Wu = 0; for (let i = 0; i < n; i++) Wu += load<f64>(uw + (<usize>i << 3)); }
  if (vw) { Wv = 0; for (let j = 0; j < m; j++) Wv += load<f64>(vw + (<usize>j << 3)); }
  let i = 0, j = 0;
  let cu = 0.0, cv = 0.0, s = 0.0, c = 0.0;
  const u0 = load<f64>(u), v0 = load<f64>(v);
  let prev = u0 < v0 ? u0 : v0;
  while (i < n || j < m) {
    const x = i < n && (j >= m || load<f64>(u + (<usize>i << 3)) <= load<f64>(v + (<usize>j << 3)))
      ? load<f64>(u + (<usize>i << 3)) : load<f64>(v + (<usize>j << 3));
    const d = x - prev;
    if (d > 0) {
      const g = abs(cu / Wu - cv / Wv);
      const t = (power == 1 ? g : g * g) * d;
      c += nerr(s, t); s += t;
    }
    while (i < n && load<f64>(u + (<usize>i << 3)) == x) { cu += weightAt(uw, i); i++; }
    while (j < m && load<f64>(v + (<usize>j << 3)) == x) { cv += weightAt(vw, j); j++; }
    prev = x;
  }
  store<f64>(out, s + c);
}
