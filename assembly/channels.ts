// Blahut–Arimoto (channel capacity, a rate–distortion point) and the iterative information
// bottleneck: the twins of src/js/channels.ts, operation for operation (read that file for the
// algorithms and their papers). Scalar loops in index order, e^x by expF64 (assembly/exp.ts,
// whose JS twin is src/js/exp.ts) and ln x by lnF64 (assembly/log.ts, fdlibm's log, whose JS twin is
// src/js/log.ts), so the WASM and JS backends give the same bits and the same iteration
// counts. The SIMD build puts f64x2 lanes only where each lane does the scalar loop's operations in
// its order: elementwise updates (axpy) and sums of two rows / two clusters side by side (each lane
// its own sum over y), never a sum split across lanes, so the bits stay the same.
//
// Memory: the host copies the inputs whole and hands a `work` region of the size
// channelsWorkBytes gives; nothing is allocated.

import { expF64 } from "./exp";
import { lnF64 } from "./log";

/** out[i] = lnF64(x[i]) for n f64 (the twin test of src/js/channels.ts lnF64). */
export function lnArrayF64(x: usize, n: i32, out: usize): void {
  for (let i = 0; i < n; i++) store<f64>(out + (<usize>i << 3), lnF64(load<f64>(x + (<usize>i << 3))));
}

// ---- helpers ----

// @ts-ignore: decorator
@inline function a64(x: usize): usize {
  return (x + 63) & ~(<usize>63);
}
// @ts-ignore: decorator
@inline function ld(base: usize, i: i32): f64 {
  return load<f64>(base + (<usize>i << 3));
}
// @ts-ignore: decorator
@inline function st(base: usize, i: i32, v: f64): void {
  store<f64>(base + (<usize>i << 3), v);
}
// @ts-ignore: decorator
@inline function vec(n: i32): usize {
  return a64(<usize>n << 3);
}

/** a[i] += w·b[i] for i < n (f64x2 lanes in the SIMD build: elementwise, so the same bits). */
// @ts-ignore: decorator
@inline function axpy(a: usize, w: f64, b: usize, n: i32): void {
  let i = 0;
  if (ASC_FEATURE_SIMD) {
    const wv = f64x2.splat(w);
    for (; i + 2 <= n; i += 2) {
      const at = a + (<usize>i << 3);
      v128.store(at, f64x2.add(v128.load(at), f64x2.mul(wv, v128.load(b + (<usize>i << 3)))));
    }
  }
  for (; i < n; i++) st(a, i, ld(a, i) + w * ld(b, i));
}

/** out[r] = Σ_{w>0} w ln w over row r of the rows×cols M (−H of a distribution row). */
function rowsWlnW(M: usize, rows: i32, cols: i32, out: usize): void {
  for (let r = 0; r < rows; r++) {
    let s = 0.0;
    for (let c = 0; c < cols; c++) {
      const w = ld(M, r * cols + c);
      if (w > 0) s += w * lnF64(w);
    }
    st(out, r, s);
  }
}

/**
 * Bytes of work of a kernel: kind 0 capacityBA (a = nx, b = ny), 1 rateDistortionBA (a = nx,
 * b = nh), 2 informationBottleneckIB (a = nx, b = ny, c = nt).
 */
export function channelsWorkBytes(kind: i32, a: i32, b: i32, c: i32): usize {
  if (kind == 0) return 2 * vec(a) + 2 * vec(b) + vec(a * b);
  if (kind == 1) return vec(a * b) + 2 * vec(a) + 2 * vec(b);
  return vec(a) + 3 * vec(c) + 2 * vec(c * b);
}

// ---- Blahut–Arimoto: capacity ----

/** out: [I_L (nats), gap, iterations, p (nx)]. See src/js/channels.ts capacityBA. */
export function capacityBA(W: usize, nx: i32, ny: i32, tol: f64, maxIter: i32, out: usize, work: usize): void {
  const p = out + 24;
  const h = work;
  const D = h + vec(nx);
  const q = D + vec(nx);
  const lnq = q + vec(ny);
  const WT = lnq + vec(ny); // W transposed (ny × nx): rows x and x + 1 side by side for f64x2
  for (let x = 0; x < nx; x++) for (let y = 0; y < ny; y++) st(WT, y * nx + x, ld(W, x * ny + y));
  for (let x = 0; x < nx; x++) st(p, x, 1.0 / <f64>nx);
  rowsWlnW(W, nx, ny, h);
  let lower = 0.0;
  let gap = Infinity;
  let it = 0;
  while (it < maxIter) {
    it++;
    for (let y = 0; y < ny; y++) st(q, y, 0.0);
    for (let x = 0; x < nx; x++) axpy(q, ld(p, x), W + ((<usize>(x * ny)) << 3), ny);
    for (let y = 0; y < ny; y++) {
      const v = ld(q, y);
      st(lnq, y, v > 0 ? lnF64(v) : 0.0);
    }
    let dmax = -Infinity;
    let x0 = 0;
    if (ASC_FEATURE_SIMD) {
      // two rows at once, each lane summing over y in the same order as the scalar loop
      for (; x0 + 2 <= nx; x0 += 2) {
        let acc = f64x2.splat(0.0);
        for (let y = 0; y < ny; y++) acc = f64x2.add(acc, f64x2.mul(v128.load(WT + ((<usize>(y * nx + x0)) << 3)), f64x2.splat(ld(lnq, y))));
        const d0 = ld(h, x0) - f64x2.extract_lane(acc, 0);
        const d1 = ld(h, x0 + 1) - f64x2.extract_lane(acc, 1);
        st(D, x0, d0);
        st(D, x0 + 1, d1);
        if (d0 > dmax) dmax = d0;
        if (d1 > dmax) dmax = d1;
      }
    }
    for (let x = x0; x < nx; x++) {
      let s = 0.0;
      for (let y = 0; y < ny; y++) s += ld(WT, y * nx + x) * ld(lnq, y);
      const d = ld(h, x) - s;
      st(D, x, d);
      if (d > dmax) dmax = d;
    }
    let S = 0.0;
    for (let x = 0; x < nx; x++) {
      const e = ld(p, x) * expF64(ld(D, x) - dmax);
      st(D, x, e);
      S += e;
    }
    const g = -lnF64(S);
    gap = g > 0 ? g : 0.0;
    lower = dmax - gap;
    for (let x = 0; x < nx; x++) st(p, x, ld(D, x) / S);
    if (gap <= tol) break;
  }
  st(out, 0, lower);
  st(out, 1, gap);
  st(out, 2, <f64>it);
}

// ---- Blahut: a rate–distortion point ----

/** out: [R (nats), D, gap, iterations, q' (nh)]. See src/js/channels.ts rateDistortionBA. */
export function rateDistortionBA(p: usize, d: usize, nx: i32, nh: i32, beta: f64, tol: f64, maxIter: i32, out: usize, work: usize): void {
  const q = out + 32;
  const A = work;
  const dmin = A + vec(nx * nh);
  const Z = dmin + vec(nx);
  const c = Z + vec(nx);
  const lnc = c + vec(nh);
  for (let x = 0; x < nx; x++) {
    let m = Infinity;
    for (let k = 0; k < nh; k++) if (ld(d, x * nh + k) < m) m = ld(d, x * nh + k);
    st(dmin, x, m);
    for (let k = 0; k < nh; k++) st(A, x * nh + k, expF64(-beta * (ld(d, x * nh + k) - m)));
  }
  for (let k = 0; k < nh; k++) st(q, k, 1.0 / <f64>nh);
  let gap = Infinity;
  let it = 0;
  let rate = 0.0;
  let dist = 0.0;
  while (it < maxIter) {
    it++;
    for (let k = 0; k < nh; k++) st(c, k, 0.0);
    for (let x = 0; x < nx; x++) {
      let z = 0.0;
      for (let k = 0; k < nh; k++) z += ld(q, k) * ld(A, x * nh + k);
      st(Z, x, z);
      if (z > 0) {
        axpy(c, ld(p, x) / z, A + ((<usize>(x * nh)) << 3), nh);
      }
    }
    let cmax = -Infinity;
    let sum = 0.0;
    for (let k = 0; k < nh; k++) {
      const ck = ld(c, k);
      const l = ck > 0 ? lnF64(ck) : -Infinity;
      st(lnc, k, l);
      if (l > cmax) cmax = l;
      if (ck > 0) sum += ld(q, k) * ck * l;
    }
    const g = cmax - sum;
    gap = g > 0 ? g : 0.0;
    const last = gap <= tol || it >= maxIter;
    if (last) {
      rate = 0.0;
      dist = 0.0;
      for (let x = 0; x < nx; x++) {
        const z = ld(Z, x);
        const px = ld(p, x);
        if (!(px > 0 && z > 0)) continue;
        const lz = lnF64(z);
        let r = 0.0;
        let s = 0.0;
        for (let k = 0; k < nh; k++) {
          const a = ld(A, x * nh + k);
          const qk = ld(q, k);
          if (!(a > 0 && qk > 0)) continue;
          const cond = (qk * a) / z;
          s += cond * ld(d, x * nh + k);
          r += cond * (-beta * (ld(d, x * nh + k) - ld(dmin, x)) - lz - ld(lnc, k));
        }
        rate += px * r;
        dist += px * s;
      }
    }
    for (let k = 0; k < nh; k++) st(q, k, ld(q, k) * ld(c, k));
    if (last) break;
  }
  st(out, 0, rate > 0 ? rate : 0.0);
  st(out, 1, dist);
  st(out, 2, gap);
  st(out, 3, <f64>it);
}

// ---- the iterative information bottleneck ----

/** ln p(t) − β·KL with KL = hx − s (s = Σ_y p(y|x) ln p(y|t)), or −Infinity for p(t) = 0 or an infinite KL. */
// @ts-ignore: decorator
@inline function ibLogit(pt: f64, lnpt: f64, s: f64, beta: f64, hx: f64): f64 {
  return pt > 0 && s > -Infinity ? lnpt - beta * (hx - s) : -Infinity;
}

/** out: [iterations, largest change, encoder (nx × nt)]. See src/js/channels.ts informationBottleneckIB. */
export function informationBottleneckIB(px: usize, pyx: usize, enc: usize, nx: i32, ny: i32, nt: i32, beta: f64, tol: f64, maxIter: i32, out: usize, work: usize): void {
  const e = out + 16;
  memory.copy(e, enc, <usize>(nx * nt) << 3);
  const hx = work;
  const pt = hx + vec(nx);
  const lnpt = pt + vec(nt);
  const logit = lnpt + vec(nt);
  const pyt = logit + vec(nt);
  const lnT = pyt + vec(nt * ny); // ln p(y|t), y-major (ny × nt): clusters t and t + 1 side by side
  rowsWlnW(pyx, nx, ny, hx);
  let it = 0;
  let delta = Infinity;
  while (it < maxIter) {
    it++;
    for (let t = 0; t < nt; t++) st(pt, t, 0.0);
    for (let i = 0; i < nt * ny; i++) st(pyt, i, 0.0);
    for (let x = 0; x < nx; x++) {
      for (let t = 0; t < nt; t++) {
        const w = ld(px, x) * ld(e, x * nt + t);
        st(pt, t, ld(pt, t) + w);
        if (w > 0) axpy(pyt + ((<usize>(t * ny)) << 3), w, pyx + ((<usize>(x * ny)) << 3), ny);
      }
    }
    for (let t = 0; t < nt; t++) {
      const m = ld(pt, t);
      st(lnpt, t, m > 0 ? lnF64(m) : -Infinity);
      for (let y = 0; y < ny; y++) {
        const v = m > 0 ? ld(pyt, t * ny + y) / m : 0.0;
        st(lnT, y * nt + t, v > 0 ? lnF64(v) : -Infinity);
      }
    }
    delta = 0.0;
    for (let x = 0; x < nx; x++) {
      const hxx = ld(hx, x);
      let t0 = 0;
      if (ASC_FEATURE_SIMD) {
        // two clusters at once, each lane summing over y in the scalar loop's order (w is the same for both)
        for (; t0 + 2 <= nt; t0 += 2) {
          let acc = f64x2.splat(0.0);
          for (let y = 0; y < ny; y++) {
            const w = ld(pyx, x * ny + y);
            if (w > 0) acc = f64x2.add(acc, f64x2.mul(f64x2.splat(w), v128.load(lnT + ((<usize>(y * nt + t0)) << 3))));
          }
          st(logit, t0, ibLogit(ld(pt, t0), ld(lnpt, t0), f64x2.extract_lane(acc, 0), beta, hxx));
          st(logit, t0 + 1, ibLogit(ld(pt, t0 + 1), ld(lnpt, t0 + 1), f64x2.extract_lane(acc, 1), beta, hxx));
        }
      }
      for (let t = t0; t < nt; t++) {
        let s = 0.0;
        for (let y = 0; y < ny; y++) {
          const w = ld(pyx, x * ny + y);
          if (w > 0) s += w * ld(lnT, y * nt + t);
        }
        st(logit, t, ibLogit(ld(pt, t), ld(lnpt, t), s, beta, hxx));
      }
      let lmax = -Infinity;
      for (let t = 0; t < nt; t++) if (ld(logit, t) > lmax) lmax = ld(logit, t);
      let S = 0.0;
      for (let t = 0; t < nt; t++) {
        const v = expF64(ld(logit, t) - lmax);
        st(logit, t, v);
        S += v;
      }
      for (let t = 0; t < nt; t++) {
        const v = ld(logit, t) / S;
        const ch = abs<f64>(v - ld(e, x * nt + t));
        if (ch > delta) delta = ch;
        st(e, x * nt + t, v);
      }
    }
    if (delta <= tol) break;
  }
  st(out, 0, <f64>it);
  st(out, 1, delta);
}
