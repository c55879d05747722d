// Loss kernels: log-sum-exp statistics of logit rows, (log-)softmax rows, soft-target dot
// products, binary cross-entropy and the Gaussian-to-standard KL. Raw pointers, no allocation.
//
// lseRows: per row (m = max x), out = [m, Σ exp(x − m), min x, Σ x (0 unless withSum)], two
// passes over the row while it is in cache: max/min (4 vector accumulators), then Σ exp(x − m)
// (f32x4 exp for float32 rows, f64x2 exp for float64 rows, see exp.ts), accumulated in f64.
// The host computes lse = m + ln Σ and picks the label logit itself.
import { expF64, exp_f64x2, pow2_f32x4, pow2_f32x4_narrow } from "./exp";

const LOG2EF: f32 = 1.44269504088896341;

// ---- log-sum-exp statistics -----------------------------------------------------------------

/** Per row of float32 logits: [max, Σ exp(x − max), min, Σx (when withSum ≠ 0)]. */
export function lseRowsF32(x: usize, rows: i32, cols: i32, withSum: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const row = x + ((<usize>r * <usize>cols) << 2);
    let mx: f32 = -Infinity;
    let mn: f32 = Infinity;
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      if (cols >= 16) {
        let a0 = v128.load(row), a1 = v128.load(row, 16), a2 = v128.load(row, 32), a3 = v128.load(row, 48);
        let b0 = a0, b1 = a1, b2 = a2, b3 = a3;
        for (i = 16; i + 16 <= cols; i += 16) {
          const p = row + (<usize>i << 2);
          const v0 = v128.load(p), v1 = v128.load(p, 16), v2 = v128.load(p, 32), v3 = v128.load(p, 48);
          a0 = f32x4.pmax(a0, v0); a1 = f32x4.pmax(a1, v1); a2 = f32x4.pmax(a2, v2); a3 = f32x4.pmax(a3, v3);
          b0 = f32x4.pmin(b0, v0); b1 = f32x4.pmin(b1, v1); b2 = f32x4.pmin(b2, v2); b3 = f32x4.pmin(b3, v3);
        }
        const a = f32x4.max(f32x4.max(a0, a1), f32x4.max(a2, a3));
        const b = f32x4.min(f32x4.min(b0, b1), f32x4.min(b2, b3));
        mx = max<f32>(max<f32>(f32x4.extract_lane(a, 0), f32x4.extract_lane(a, 1)), max<f32>(f32x4.extract_lane(a, 2), f32x4.extract_lane(a, 3)));
        mn = min<f32>(min<f32>(f32x4.extract_lane(b, 0), f32x4.extract_lane(b, 1)), min<f32>(f32x4.extract_lane(b, 2), f32x4.extract_lane(b, 3)));
      }
    }
    for (; i < cols; i++) {
      const v = load<f32>(row + (<usize>i << 2));
      mx = max<f32>(mx, v);
      mn = min<f32>(mn, v);
    }
    let s: f64 = 0;
    let sx: f64 = 0;
    i = 0;
    if (ASC_FEATURE_SIMD) {
      const M = f32x4.splat(mx);
      const L = f32x4.splat(LOG2EF);
      let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
      if (mn - mx > <f32>-86.0) {
        // every t = (x − max)·log2 e is > −125: no underflow possible, the cheaper 2^t
        for (; i + 16 <= cols; i += 16) {
          const p = row + (<usize>i << 2);
          const e0 = pow2_f32x4_narrow(f32x4.mul(f32x4.sub(v128.load(p), M), L));
          const e1 = pow2_f32x4_narrow(f32x4.mul(f32x4.sub(v128.load(p, 16), M), L));
          const e2 = pow2_f32x4_narrow(f32x4.mul(f32x4.sub(v128.load(p, 32), M), L));
          const e3 = pow2_f32x4_narrow(f32x4.mul(f32x4.sub(v128.load(p, 48), M), L));
          const e = f32x4.add(f32x4.add(e0, e1), f32x4.add(e2, e3)); // 4 terms per lane in f32, then f64
          s0 = f64x2.add(s0, f64x2.promote_low_f32x4(e));
          s1 = f64x2.add(s1, f64x2.promote_low_f32x4(v128.shuffle<f32>(e, e, 2, 3, 2, 3)));
        }
      } else {
        for (; i + 16 <= cols; i += 16) {
          const p = row + (<usize>i << 2);
          const e0 = pow2_f32x4(f32x4.mul(f32x4.sub(v128.load(p), M), L));
          const e1 = pow2_f32x4(f32x4.mul(f32x4.sub(v128.load(p, 16), M), L));
          const e2 = pow2_f32x4(f32x4.mul(f32x4.sub(v128.load(p, 32), M), L));
          const e3 = pow2_f32x4(f32x4.mul(f32x4.sub(v128.load(p, 48), M), L));
          const e = f32x4.add(f32x4.add(e0, e1), f32x4.add(e2, e3));
          s0 = f64x2.add(s0, f64x2.promote_low_f32x4(e));
          s1 = f64x2.add(s1, f64x2.promote_low_f32x4(v128.shuffle<f32>(e, e, 2, 3, 2, 3)));
        }
      }
      for (; i + 4 <= cols; i += 4) {
        const e = pow2_f32x4(f32x4.mul(f32x4.sub(v128.load(row + (<usize>i << 2)), M), L));
        s2 = f64x2.add(s2, f64x2.promote_low_f32x4(e));
        s3 = f64x2.add(s3, f64x2.promote_low_f32x4(v128.shuffle<f32>(e, e, 2, 3, 2, 3)));
      }
      const t = f64x2.add(f64x2.add(s0, s1), f64x2.add(s2, s3));
      s = f64x2.extract_lane(t, 0) + f64x2.extract_lane(t, 1);
      for (; i < cols; i++) s += <f64>expF64(<f64>(load<f32>(row + (<usize>i << 2)) - mx));
      if (withSum) {
        let x0 = f64x2.splat(0), x1 = f64x2.splat(0);
        for (i = 0; i + 4 <= cols; i += 4) {
          const v = v128.load(row + (<usize>i << 2));
          x0 = f64x2.add(x0, f64x2.promote_low_f32x4(v));
          x1 = f64x2.add(x1, f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3)));
        }
        const u = f64x2.add(x0, x1);
        sx = f64x2.extract_lane(u, 0) + f64x2.extract_lane(u, 1);
        for (; i < cols; i++) sx += <f64>load<f32>(row + (<usize>i << 2));
      }
    } else {
      const m = <f64>mx;
      for (; i < cols; i++) {
        const v = <f64>load<f32>(row + (<usize>i << 2));
        s += expF64(v - m);
        sx += v;
      }
      if (!withSum) sx = 0;
    }
    const o = out + (<usize>r << 5);
    store<f64>(o, <f64>mx);
    store<f64>(o, s, 8);
    store<f64>(o, <f64>mn, 16);
    store<f64>(o, sx, 24);
  }
}

/** Per row of float64 logits: [max, Σ exp(x − max), min, Σx (when withSum ≠ 0)]. */
export function lseRowsF64(x: usize, rows: i32, cols: i32, withSum: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const row = x + ((<usize>r * <usize>cols) << 3);
    let mx: f64 = -Infinity;
    let mn: f64 = Infinity;
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      if (cols >= 8) {
        let a0 = v128.load(row), a1 = v128.load(row, 16), a2 = v128.load(row, 32), a3 = v128.load(row, 48);
        let b0 = a0, b1 = a1, b2 = a2, b3 = a3;
        for (i = 8; i + 8 <= cols; i += 8) {
          const p = row + (<usize>i << 3);
          const v0 = v128.load(p), v1 = v128.load(p, 16), v2 = v128.load(p, 32), v3 = v128.load(p, 48);
          a0 = f64x2.pmax(a0, v0); a1 = f64x2.pmax(a1, v1); a2 = f64x2.pmax(a2, v2); a3 = f64x2.pmax(a3, v3);
          b0 = f64x2.pmin(b0, v0); b1 = f64x2.pmin(b1, v1); b2 = f64x2.pmin(b2, v2); b3 = f64x2.pmin(b3, v3);
        }
        const a = f64x2.max(f64x2.max(a0, a1), f64x2.max(a2, a3));
        const b = f64x2.min(f64x2.min(b0, b1), f64x2.min(b2, b3));
        mx = max<f64>(f64x2.extract_lane(a, 0), f64x2.extract_lane(a, 1));
        mn = min<f64>(f64x2.extract_lane(b, 0), f64x2.extract_lane(b, 1));
      }
    }
    for (; i < cols; i++) {
      const v = load<f64>(row + (<usize>i << 3));
      mx = max<f64>(mx, v);
      mn = min<f64>(mn, v);
    }
    let s: f64 = 0;
    let sx: f64 = 0;
    i = 0;
    if (ASC_FEATURE_SIMD) {
      const M = f64x2.splat(mx);
      let s0 = f64x2.splat(0), s1 = f64x2.splat(0), x0 = f64x2.splat(0), x1 = f64x2.splat(0);
      if (withSum) {
        for (; i + 4 <= cols; i += 4) {
          const p = row + (<usize>i << 3);
          const v0 = v128.load(p), v1 = v128.load(p, 16);
          s0 = f64x2.add(s0, exp_f64x2(f64x2.sub(v0, M)));
          s1 = f64x2.add(s1, exp_f64x2(f64x2.sub(v1, M)));
          x0 = f64x2.add(x0, v0);
          x1 = f64x2.add(x1, v1);
        }
      } else {
        for (; i + 4 <= cols; i += 4) {
          const p = row + (<usize>i << 3);
          s0 = f64x2.add(s0, exp_f64x2(f64x2.sub(v128.load(p), M)));
          s1 = f64x2.add(s1, exp_f64x2(f64x2.sub(v128.load(p, 16), M)));
        }
      }
      const t = f64x2.add(s0, s1);
      const u = f64x2.add(x0, x1);
      s = f64x2.extract_lane(t, 0) + f64x2.extract_lane(t, 1);
      sx = f64x2.extract_lane(u, 0) + f64x2.extract_lane(u, 1);
    }
    for (; i < cols; i++) {
      const v = load<f64>(row + (<usize>i << 3));
      s += expF64(v - mx);
      sx += v;
    }
    if (!withSum) sx = 0;
    const o = out + (<usize>r << 5);
    store<f64>(o, mx);
    store<f64>(o, s, 8);
    store<f64>(o, mn, 16);
    store<f64>(o, sx, 24);
  }
}

// ---- (log-)softmax rows, in place -----------------------------------------------------------

/**
 * In place, per row with ctx[r] = [m, c]: log ≠ 0 → x − m − c (c = ln Σ exp(x − m));
 * log = 0 → exp(x − m)·c (c = 1/Σ exp(x − m)).
 */
export function softmaxRowsF32(x: usize, rows: i32, cols: i32, ctx: usize, log: i32): void {
  for (let r = 0; r < rows; r++) {
    const row = x + ((<usize>r * <usize>cols) << 2);
    const m = load<f64>(ctx + (<usize>r << 4));
    const c = load<f64>(ctx + (<usize>r << 4), 8);
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      // lanes promoted to f64x2: x − m exact, the f64 exp, one rounding to f32 at the end
      const M = f64x2.splat(m);
      const C = f64x2.splat(c);
      if (log) {
        for (; i + 4 <= cols; i += 4) {
          const p = row + (<usize>i << 2);
          const v = v128.load(p);
          const lo = f64x2.sub(f64x2.sub(f64x2.promote_low_f32x4(v), M), C);
          const hi = f64x2.sub(f64x2.sub(f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3)), M), C);
          v128.store(p, v128.shuffle<f32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5));
        }
      } else {
        for (; i + 4 <= cols; i += 4) {
          const p = row + (<usize>i << 2);
          const v = v128.load(p);
          const lo = f64x2.mul(exp_f64x2(f64x2.sub(f64x2.promote_low_f32x4(v), M)), C);
          const hi = f64x2.mul(exp_f64x2(f64x2.sub(f64x2.promote_low_f32x4(v128.shuffle<f32>(v, v, 2, 3, 2, 3)), M)), C);
          v128.store(p, v128.shuffle<f32>(f32x4.demote_f64x2_zero(lo), f32x4.demote_f64x2_zero(hi), 0, 1, 4, 5));
        }
      }
    }
    for (; i < cols; i++) {
      const p = row + (<usize>i << 2);
      const d = <f64>load<f32>(p) - m;
      store<f32>(p, <f32>(log ? d - c : expF64(d) * c));
    }
  }
}

/** As softmaxRowsF32, for float64 rows. */
export function softmaxRowsF64(x: usize, rows: i32, cols: i32, ctx: usize, log: i32): void {
  for (let r = 0; r < rows; r++) {
    const row = x + ((<usize>r * <usize>cols) << 3);
    const m = load<f64>(ctx + (<usize>r << 4));
    const c = load<f64>(ctx + (<usize>r << 4), 8);
    let i = 0;
    if (ASC_FEATURE_SIMD) {
      const M = f64x2.splat(m);
      const C = f64x2.splat(c);
      if (log) {
        for (; i + 2 <= cols; i += 2) {
          const p = row + (<usize>i << 3);
          v128.store(p, f64x2.sub(f64x2.sub(v128.load(p), M), C));
        }
      } else {
        for (; i + 2 <= cols; i += 2) {
          const p = row + (<usize>i << 3);
          v128.store(p, f64x2.mul(exp_f64x2(f64x2.sub(v128.load(p), M)), C));
        }
      }
    }
    for (; i < cols; i++) {
      const p = row + (<usize>i << 3);
      const d = load<f64>(p) - m;
      store<f64>(p, log ? d - c : expF64(d) * c);
    }
  }
}

// ---- soft targets ---------------------------------------------------------------------------

/** Per row of targets t and logits x: [Σ t, Σ t·x, min t]. */
export function targetDotRowsF64(t: usize, x: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const o = (<usize>r * <usize>cols) << 3;
    let st: f64 = 0, sd: f64 = 0, mt: f64 = Infinity;
    for (let i = 0; i < cols; i++) {
      const a = load<f64>(t + o + (<usize>i << 3));
      st += a;
      sd += a * load<f64>(x + o + (<usize>i << 3));
      mt = min<f64>(mt, a);
    }
    const q = out + <usize>r * 24;
    store<f64>(q, st);
    store<f64>(q, sd, 8);
    store<f64>(q, mt, 16);
  }
}

/** As targetDotRowsF64, for float32 operands (accumulated in f64). */
export function targetDotRowsF32(t: usize, x: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const o = (<usize>r * <usize>cols) << 2;
    let st: f64 = 0, sd: f64 = 0, mt: f64 = Infinity;
    for (let i = 0; i < cols; i++) {
      const a = <f64>load<f32>(t + o + (<usize>i << 2));
      st += a;
      sd += a * <f64>load<f32>(x + o + (<usize>i << 2));
      mt = min<f64>(mt, a);
    }
    const q = out + <usize>r * 24;
    store<f64>(q, st);
    store<f64>(q, sd, 8);
    store<f64>(q, mt, 16);
  }
}

// ---- binary cross-entropy -------------------------------------------------------------------

/**
 * ℓ(y, p) = −[y ln p + (1 − y) ln(1 − p)] with p clipped to [eps, 1 − eps]; with fromLogits ≠ 0,
 * ℓ(y, z) = max(z, 0) − z·y + ln(1 + e^−|z|). Zero coefficients contribute 0 (xlogy).
 */
// @ts-ignore: decorator
@inline function bce(y: f64, p: f64, fromLogits: i32, eps: f64): f64 {
  if (fromLogits) return max<f64>(p, 0) - p * y + NativeMath.log1p(NativeMath.exp(-abs<f64>(p)));
  const q = min<f64>(max<f64>(p, eps), 1 - eps);
  let l: f64 = 0;
  if (y != 0) l -= y * NativeMath.log(q);
  if (y != 1) l -= (1 - y) * NativeMath.log(1 - q);
  return l;
}

/**
 * Over n elements: out = [Σ ℓ, min y, min −y, min p, min −p]; when each ≠ 0 also writes every ℓ
 * (f64) there.
 */
export function bceF64(y: usize, p: usize, n: i32, fromLogits: i32, eps: f64, out: usize, each: usize): void {
  let s: f64 = 0, ylo: f64 = Infinity, yhi: f64 = Infinity, plo: f64 = Infinity, phi: f64 = Infinity;
  for (let i = 0; i < n; i++) {
    const a = load<f64>(y + (<usize>i << 3));
    const b = load<f64>(p + (<usize>i << 3));
    const l = bce(a, b, fromLogits, eps);
    if (each) store<f64>(each + (<usize>i << 3), l);
    s += l;
    ylo = min<f64>(ylo, a); yhi = min<f64>(yhi, -a);
    plo = min<f64>(plo, b); phi = min<f64>(phi, -b);
  }
  store<f64>(out, s); store<f64>(out, ylo, 8); store<f64>(out, yhi, 16); store<f64>(out, plo, 24); store<f64>(out, phi, 32);
}

/** As bceF64, for float32 operands (computed in f64). */
export function bceF32(y: usize, p: usize, n: i32, fromLogits: i32, eps: f64, out: usize, each: usize): void {
  let s: f64 = 0, ylo: f64 = Infinity, yhi: f64 = Infinity, plo: f64 = Infinity, phi: f64 = Infinity;
  for (let i = 0; i < n; i++) {
    const a = <f64>load<f32>(y + (<usize>i << 2));
    const b = <f64>load<f32>(p + (<usize>i << 2));
    const l = bce(a, b, fromLogits, eps);
    if (each) store<f64>(each + (<usize>i << 3), l);
    s += l;
    ylo = min<f64>(ylo, a); yhi = min<f64>(yhi, -a);
    plo = min<f64>(plo, b); phi = min<f64>(phi, -b);
  }
  store<f64>(out, s); store<f64>(out, ylo, 8); store<f64>(out, yhi, 16); store<f64>(out, plo, 24); store<f64>(out, phi, 32);
}

// ---- KL of a diagonal Gaussian to N(0, I) ---------------------------------------------------

/** e^v − 1 − v without cancellation: Taylor series for |v| < 1/4, expm1(v) − v otherwise. */
// @ts-ignore: decorator
@inline export function expm1mx(v: f64): f64 {
  if (abs<f64>(v) >= 0.25) return NativeMath.expm1(v) - v;
  // v²·(1/2 + v/6 + v²/24 + … + v^14/16!)
  let q: f64 = 1.0 / 20922789888000.0;
  q = q * v + 1.0 / 1307674368000.0;
  q = q * v + 1.0 / 87178291200.0;
  q = q * v + 1.0 / 6227020800.0;
  q = q * v + 1.0 / 479001600.0;
  q = q * v + 1.0 / 39916800.0;
  q = q * v + 1.0 / 3628800.0;
  q = q * v + 1.0 / 362880.0;
  q = q * v + 1.0 / 40320.0;
  q = q * v + 1.0 / 5040.0;
  q = q * v + 1.0 / 720.0;
  q = q * v + 1.0 / 120.0;
  q = q * v + 1.0 / 24.0;
  q = q * v + 1.0 / 6.0;
  q = q * v + 0.5;
  return v * v * q;
}

/** Per row: Σ μ² + (e^v − 1 − v), v = log σ² (twice the KL of N(μ, e^v) to N(0, 1), summed). */
export function gaussKlRowsF64(mu: usize, lv: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const o = (<usize>r * <usize>cols) << 3;
    let s: f64 = 0;
    for (let i = 0; i < cols; i++) {
      const m = load<f64>(mu + o + (<usize>i << 3));
      s += m * m + expm1mx(load<f64>(lv + o + (<usize>i << 3)));
    }
    store<f64>(out + (<usize>r << 3), s);
  }
}

/** As gaussKlRowsF64, for float32 operands (computed in f64). */
export function gaussKlRowsF32(mu: usize, lv: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    const o = (<usize>r * <usize>cols) << 2;
    let s: f64 = 0;
    for (let i = 0; i < cols; i++) {
      const m = <f64>load<f32>(mu + o + (<usize>i << 2));
      s += m * m + expm1mx(<f64>load<f32>(lv + o + (<usize>i << 2)));
    }
    store<f64>(out + (<usize>r << 3), s);
  }
}
