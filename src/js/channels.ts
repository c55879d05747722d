/**
 * The JS reference kernels of the channels family (src/channels.ts): Blahut–Arimoto for channel
 * capacity and for a rate–distortion point, and the iterative information bottleneck. The WASM
 * twins (assembly/channels.ts) do the same operations in the same order with the same e^x
 * (expF64, src/js/exp.ts) and ln x (lnF64, src/js/log.ts), so both backends give the same bits and stop
 * after the same number of iterations. Every loop here is scalar and in index order: no
 * reassociation, no SIMD lanes, no Math.exp / Math.log (neither is specified to the last bit).
 *
 * Each kernel runs its whole iteration loop and returns a Float64Array: a few scalars, then the
 * final distribution (see the Backend interface, src/backend.ts ChannelKernels).
 */
import type { ChannelKernels } from "../backend.js";
import { expF64 } from "./exp.js";
import { lnF64 } from "./log.js";


// ---- the kernels ----

/** out[r] = Σ_{w>0} w ln w over row r of the rows×cols M (−H of a distribution row). */
function rowsWlnW(M: Float64Array, rows: number, cols: number, out: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < cols; c++) {
      const w = M[r * cols + c];
      if (w > 0) s += w * lnF64(w);
    }
    out[r] = s;
  }
}

export const jsChannels: ChannelKernels = {
  /**
   * Blahut–Arimoto (Blahut 1972, Arimoto 1972) for the capacity of the nx×ny channel W (rows
   * distributions). From p = uniform, each iteration:
   *   q_y = Σ_x p_x W_xy,  D_x = Σ_y W_xy ln(W_xy/q_y) = h_x − Σ_y W_xy ln q_y  (h_x = Σ_y W_xy ln W_xy),
   *   S = Σ_x p_x e^(D_x − max D),  gap = −ln S = max_x D_x − I_L,  I_L = ln Σ_x p_x e^(D_x)
   * (I_L ≤ C ≤ max_x D_x, Blahut's Theorem 2), p_x ← p_x e^(D_x − max D)/S; it stops after the
   * iteration whose gap ≤ tol (or after maxIter). Returns [I_L (nats), gap, iterations, p…].
   */
  capacityBA(Wm, nx, ny, tol, maxIter) {
    const out = new Float64Array(3 + nx);
    const p = out.subarray(3);
    const h = new Float64Array(nx);
    const D = new Float64Array(nx);
    const q = new Float64Array(ny);
    const lnq = new Float64Array(ny);
    p.fill(1 / nx);
    rowsWlnW(Wm, nx, ny, h);
    let lower = 0;
    let gap = Infinity;
    let it = 0;
    while (it < maxIter) {
      it++;
      for (let y = 0; y < ny; y++) q[y] = 0;
      for (let x = 0; x < nx; x++) {
        const px = p[x];
        for (let y = 0; y < ny; y++) q[y] += px * Wm[x * ny + y];
      }
      for (let y = 0; y < ny; y++) lnq[y] = q[y] > 0 ? lnF64(q[y]) : 0;
      let dmax = -Infinity;
      for (let x = 0; x < nx; x++) {
        let s = 0;
        for (let y = 0; y < ny; y++) s += Wm[x * ny + y] * lnq[y];
        const d = h[x] - s;
        D[x] = d;
        if (d > dmax) dmax = d;
      }
      let S = 0;
      for (let x = 0; x < nx; x++) {
        const e = p[x] * expF64(D[x] - dmax);
        D[x] = e;
        S += e;
      }
      const g = -lnF64(S);
      gap = g > 0 ? g : 0;
      lower = dmax - gap;
      for (let x = 0; x < nx; x++) p[x] = D[x] / S;
      if (gap <= tol) break;
    }
    out[0] = lower;
    out[1] = gap;
    out[2] = it;
    return out;
  },

  /**
   * Blahut's rate–distortion iteration (Blahut 1972, §IV) at slope −β for a source p (nx,
   * normalised) and distortions d (nx×nh): A_xh = e^(−β(d_xh − min_h d_xh)) (the per-row shift
   * cancels in q(h|x)); from q = uniform, each iteration:
   *   Z_x = Σ_h q_h A_xh,  c_h = Σ_x p_x A_xh / Z_x,
   *   gap = max_h ln c_h − Σ_h q_h c_h ln c_h   (Blahut's upper − lower bound on R(D)),
   * then on stopping (gap ≤ tol, or maxIter) the point of the conditional q(h|x) = q_h A_xh / Z_x:
   *   D = Σ_x p_x Σ_h q(h|x) d_xh,  R = Σ_x p_x Σ_h q(h|x) ln(q(h|x)/q'_h) with q'_h = q_h c_h,
   * ln(q(h|x)/q'_h) = −β(d_xh − min d_x) − ln Z_x − ln c_h; and q ← q' (every iteration).
   * Returns [R (nats), D, gap, iterations, q'…].
   */
  rateDistortionBA(p, d, nx, nh, beta, tol, maxIter) {
    const out = new Float64Array(4 + nh);
    const q = out.subarray(4);
    const A = new Float64Array(nx * nh);
    const dmin = new Float64Array(nx);
    const Z = new Float64Array(nx);
    const c = new Float64Array(nh);
    const lnc = new Float64Array(nh);
    for (let x = 0; x < nx; x++) {
      let m = Infinity;
      for (let k = 0; k < nh; k++) if (d[x * nh + k] < m) m = d[x * nh + k];
      dmin[x] = m;
      for (let k = 0; k < nh; k++) A[x * nh + k] = expF64(-beta * (d[x * nh + k] - m));
    }
    for (let k = 0; k < nh; k++) q[k] = 1 / nh;
    let gap = Infinity;
    let it = 0;
    let rate = 0;
    let dist = 0;
    while (it < maxIter) {
      it++;
      for (let k = 0; k < nh; k++) c[k] = 0;
      for (let x = 0; x < nx; x++) {
        let z = 0;
        for (let k = 0; k < nh; k++) z += q[k] * A[x * nh + k];
        Z[x] = z;
        if (z > 0) {
          const w = p[x] / z;
          for (let k = 0; k < nh; k++) c[k] += w * A[x * nh + k];
        }
      }
      let cmax = -Infinity;
      let sum = 0;
      for (let k = 0; k < nh; k++) {
        const l = c[k] > 0 ? lnF64(c[k]) : -Infinity;
        lnc[k] = l;
        if (l > cmax) cmax = l;
        if (c[k] > 0) sum += q[k] * c[k] * l;
      }
      const g = cmax - sum;
      gap = g > 0 ? g : 0;
      const last = gap <= tol || it >= maxIter;
      if (last) {
        rate = 0;
        dist = 0;
        for (let x = 0; x < nx; x++) {
          const z = Z[x];
          if (!(p[x] > 0 && z > 0)) continue;
          const lz = lnF64(z);
          let r = 0;
          let s = 0;
          for (let k = 0; k < nh; k++) {
            const a = A[x * nh + k];
            if (!(a > 0 && q[k] > 0)) continue;
            const cond = (q[k] * a) / z;
            s += cond * d[x * nh + k];
            r += cond * (-beta * (d[x * nh + k] - dmin[x]) - lz - lnc[k]);
          }
          rate += p[x] * r;
          dist += p[x] * s;
        }
      }
      for (let k = 0; k < nh; k++) q[k] *= c[k];
      if (last) break;
    }
    out[0] = rate > 0 ? rate : 0;
    out[1] = dist;
    out[2] = gap;
    out[3] = it;
    return out;
  },

  /**
   * The iterative information bottleneck (Tishby, Pereira & Bialek 1999, eqs. 28) from the
   * encoder `enc` (nx×nt, rows distributions) for p(x) = px (every p_x > 0) and p(y|x) = pyx
   * (nx×ny rows distributions). Each iteration:
   *   p(t) = Σ_x p(x) p(t|x),  p(y|t) = Σ_x p(x) p(t|x) p(y|x) / p(t),
   *   p'(t|x) ∝ p(t) e^(−β KL(p(y|x) ‖ p(y|t))),  KL = Σ_y p(y|x) ln p(y|x) − Σ_y p(y|x) ln p(y|t)
   * (a cluster with p(t) = 0 or a p(y|t) = 0 < p(y|x) gets p'(t|x) = 0), and stops after the
   * iteration whose largest change |p'(t|x) − p(t|x)| ≤ tol (or maxIter).
   * Returns [iterations, largest change, encoder…].
   */
  informationBottleneckIB(px, pyx, enc, nx, ny, nt, beta, tol, maxIter) {
    const out = new Float64Array(2 + nx * nt);
    const e = out.subarray(2);
    e.set(enc);
    const hx = new Float64Array(nx);
    const pt = new Float64Array(nt);
    const lnpt = new Float64Array(nt);
    const pyt = new Float64Array(nt * ny);
    const logit = new Float64Array(nt);
    rowsWlnW(pyx, nx, ny, hx);
    let it = 0;
    let delta = Infinity;
    while (it < maxIter) {
      it++;
      for (let t = 0; t < nt; t++) pt[t] = 0;
      for (let i = 0; i < nt * ny; i++) pyt[i] = 0;
      for (let x = 0; x < nx; x++) {
        for (let t = 0; t < nt; t++) {
          const w = px[x] * e[x * nt + t];
          pt[t] += w;
          if (w > 0) for (let y = 0; y < ny; y++) pyt[t * ny + y] += w * pyx[x * ny + y];
        }
      }
      for (let t = 0; t < nt; t++) {
        const m = pt[t];
        lnpt[t] = m > 0 ? lnF64(m) : -Infinity;
        for (let y = 0; y < ny; y++) {
          const v = m > 0 ? pyt[t * ny + y] / m : 0;
          pyt[t * ny + y] = v > 0 ? lnF64(v) : -Infinity; // pyt now holds ln p(y|t)
        }
      }
      delta = 0;
      for (let x = 0; x < nx; x++) {
        let lmax = -Infinity;
        for (let t = 0; t < nt; t++) {
          let l = -Infinity;
          if (pt[t] > 0) {
            let s = 0;
            for (let y = 0; y < ny; y++) {
              const w = pyx[x * ny + y];
              if (w > 0) s += w * pyt[t * ny + y];
            }
            if (s > -Infinity) l = lnpt[t] - beta * (hx[x] - s);
          }
          logit[t] = l;
          if (l > lmax) lmax = l;
        }
        let S = 0;
        for (let t = 0; t < nt; t++) {
          const v = expF64(logit[t] - lmax);
          logit[t] = v;
          S += v;
        }
        for (let t = 0; t < nt; t++) {
          const v = logit[t] / S;
          const ch = Math.abs(v - e[x * nt + t]);
          if (ch > delta) delta = ch;
          e[x * nt + t] = v;
        }
      }
      if (delta <= tol) break;
    }
    out[0] = it;
    out[1] = delta;
    return out;
  },
};
