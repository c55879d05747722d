/**
 * The JS reference kernels of the divergence family (src/divergences.ts): one plain loop each.
 * The row kernels read normalised rows P = a·p, Q = b·q, [a, b] = [1/Σp, 1/Σq] from the row's
 * context (the engine computed the sums first and checked the weights), so that every term keeps
 * its relative accuracy when p ≈ q (no 1 − Σ√(pq) cancellation). assembly/divergences.ts
 * computes the same sums.
 */
import type { DivergenceKernels, FloatArray } from "../backend.js";
import { MIN, SUM } from "../cascade.js";
import { reduceRows, type BlockKernel } from "./rows.js";
import { PAIR_OPS } from "./discrete.js";

/**
 * ln(w/S) for 0 < w ≤ S: log1p((w − S)/S) where w > S/2 (w − S is exact there, so ln P keeps its
 * relative accuracy as P → 1), else ln(w·a), a = 1/S.
 */
export function lnShare(w: number, S: number, a: number): number {
  return w > 0.5 * S ? Math.log1p((w - S) * a) : Math.log(w * a);
}

/**
 * [Σ_{P>0} P·(P^(α−1) − 1), Σ_{P>0} P^α, min(−P), #(P > 0)] of P = w/S, [S, α] = ctx[2r], ctx[2r+1]:
 * the first sum for results near 0 (Σ P^α near 1), the second where Σ P^α is small. α = 2:
 * P·(w − S)/S and P²; α = Infinity: both sums 0.
 */
export const POWER_OPS = [SUM, SUM, MIN, SUM] as const;
export const powerBlock: BlockKernel = (x, _b, i0, i1, acc, ctx, k) => {
  const S = ctx[k];
  const alpha = ctx[k + 1];
  const a = 1 / S;
  const beta = alpha - 1;
  let s = 0;
  let d = 0;
  let m = Infinity;
  let n = 0;
  for (let i = i0; i < i1; i++) {
    const w = x[i];
    if (!(w > 0)) continue;
    const P = a * w;
    n++;
    if (-P < m) m = -P;
    if (alpha === 2) {
      s += P * ((w - S) * a);
      d += P * P;
    } else if (alpha !== Infinity) {
      const l = lnShare(w, S, a);
      const t = beta * l;
      if (Math.abs(t) < 0.5) {
        const e = P * Math.expm1(t);
        s += e;
        d += e + P;
      } else {
        const e = Math.exp(l + t);
        s += e - P;
        d += e;
      }
    }
  }
  acc[0] = s;
  acc[1] = d;
  acc[2] = m;
  acc[3] = n;
};

/** [Σ (√P − √Q)², Σ |P − Q|, Σ √P·√Q], P = a·p, Q = b·q, [a, b] = ctx[2r], ctx[2r+1]. */
export const HELLINGER_OPS = [SUM, SUM, SUM] as const;
export const hellingerBlock: BlockKernel = (p, q, i0, i1, acc, ctx, k) => {
  const a = ctx[k];
  const b = ctx[k + 1];
  let h = 0;
  let t = 0;
  let g = 0;
  for (let i = i0; i < i1; i++) {
    const P = a * p[i];
    const Q = b * q[i];
    const sP = Math.sqrt(P);
    const sQ = Math.sqrt(Q);
    const d = sP - sQ;
    h += d * d;
    t += Math.abs(P - Q);
    g += sP * sQ;
  }
  acc[0] = h;
  acc[1] = t;
  acc[2] = g;
};

/**
 * One pass over raw weights: [Σp, Σq, Σ √(p·q), min p, min q]. The Bhattacharyya coefficient is
 * Σ √(pq)/√(Σp·Σq): the fast path of hellingerDistance / bhattacharyyaDistance where 1 − BC is
 * not small (src/divergences.ts decides, and takes the two-pass form elsewhere).
 */
export const BC_RAW_OPS = [SUM, SUM, SUM, MIN, MIN] as const;
export const bcRawBlock: BlockKernel = (p, q, i0, i1, acc) => {
  let sp = 0, sq = 0, g = 0, mp = Infinity, mq = Infinity;
  for (let i = i0; i < i1; i++) {
    const a = p[i];
    const b = q[i];
    sp += a;
    sq += b;
    g += Math.sqrt(a * b);
    if (a < mp) mp = a;
    if (b < mq) mq = b;
  }
  acc[0] = sp; acc[1] = sq; acc[2] = g; acc[3] = mp; acc[4] = mq;
};

/**
 * One pass over raw weights: [Σp, Σq, Σ_{q>0} p·(p/q), min p, min q, #(q = 0 < p)] (the layout of
 * the discrete pair kernels, PAIR_OPS, with f(p, q) = p/q); then χ² = (Σ p²/q)·Σq/(Σp)² − 1: the
 * fast path of chiSquareDivergence where χ² is not small.
 */
export const CHI2_RAW_OPS = PAIR_OPS;
export const chiRawBlock: BlockKernel = (p, q, i0, i1, acc) => {
  let sp = 0, sq = 0, c = 0, mp = Infinity, mq = Infinity, k = 0;
  for (let i = i0; i < i1; i++) {
    const a = p[i];
    const b = q[i];
    sp += a;
    sq += b;
    if (b > 0) c += a * (a / b);
    else if (a > 0) k++;
    if (a < mp) mp = a;
    if (b < mq) mq = b;
  }
  acc[0] = sp; acc[1] = sq; acc[2] = c; acc[3] = mp; acc[4] = mq; acc[5] = k;
};

/** [Σ_{Q>0} (P − Q)²/Q, #(Q = 0 < P)], P = a·p, Q = b·q, [a, b] = ctx[2r], ctx[2r+1]. */
export const CHI2_OPS = [SUM, SUM] as const;
export const chiSquareBlock: BlockKernel = (p, q, i0, i1, acc, ctx, k) => {
  const a = ctx[k];
  const b = ctx[k + 1];
  let s = 0;
  let n = 0;
  for (let i = i0; i < i1; i++) {
    const P = a * p[i];
    const Q = b * q[i];
    if (Q > 0) {
      const d = P - Q;
      s += (d * d) / Q;
    } else if (P > 0) n++;
  }
  acc[0] = s;
  acc[1] = n;
};

/**
 * Rényi divergence sums over raw weights p, q with c = Σq/Σp and α (ctx[2r], ctx[2r+1]), so that
 * r = c·p/q = P/Q: [Σ q·ψ(r) over every element, Σ_{p>0,q>0} q·r^α, min over p > 0 of −p/q
 * (−Infinity where q = 0), #(q = 0 < p)], ψ(r) = r^α − 1 − α(r − 1), whose terms are q·ψ for
 * p, q > 0, (α − 1)·q where p = 0 < q, and −α·c·p where q = 0 < p (α < 1). Divided by Σq the
 * first sum is Σ P^α Q^(1−α) − 1 (as Σ (P − Q) = 0): a sum of terms of one sign, each of second
 * order in r − 1, so a divergence near 0 keeps its relative accuracy; the second is Σ P^α Q^(1−α)
 * (for when it is small). α = Infinity: only the last two fields.
 */
export const RENYI_DIV_OPS = [SUM, SUM, MIN, SUM] as const;
export const renyiDivBlock: BlockKernel = (p, q, i0, i1, acc, ctx, k) => {
  const c = ctx[k];
  const alpha = ctx[k + 1];
  const lnc = Math.log(c);
  const general = alpha !== Infinity;
  let s = 0;
  let d = 0;
  let m = Infinity;
  let n = 0;
  for (let i = i0; i < i1; i++) {
    const P = p[i];
    const Q = q[i];
    if (P > 0 && Q > 0) {
      const ratio = -P / Q;
      if (ratio < m) m = ratio;
      if (!general) continue;
      const r = -ratio * c;
      const u = r - 1;
      if (Math.abs(u) < 0.5) {
        // ψ = expm1(α·log1p(u)) − α·u: both parts of first order in u, their difference of second
        const e = Math.expm1(alpha * Math.log1p(u));
        s += Q * (e - alpha * u);
        d += Q * (e + 1);
      } else {
        const e = Math.exp(alpha * (Math.log(P) - Math.log(Q) + lnc)); // r^α without overflowing r
        s += Q * (e - 1 - alpha * u);
        d += Q * e;
      }
    } else if (P > 0) {
      n++;
      m = -Infinity;
      if (general && alpha < 1) s -= alpha * c * P;
    } else if (Q > 0 && general) s += (alpha - 1) * Q;
  }
  acc[0] = s;
  acc[1] = d;
  acc[2] = m;
  acc[3] = n;
};

/**
 * ∫ |U − V|^power over the real line (power 1 or 2), U and V the CDFs of the sorted samples u and
 * v with weights uw and vw (null: 1 each), as scipy.stats's _cdf_distance: one merge sweep over
 * the sorted values; between consecutive distinct values x₀ < x₁ the CDFs are constant at the
 * weight of the samples ≤ x₀ over the total (the weights summed in order, like np.cumsum).
 */
export function cdfDistance(u: Float64Array, uw: Float64Array | null, v: Float64Array, vw: Float64Array | null, power: number): number {
  const n = u.length;
  const m = v.length;
  let Wu = n;
  let Wv = m;
  if (uw) {
    Wu = 0;
    for (let i = 0; i < n; i++) Wu += uw[i];
  }
  if (vw) {
    Wv = 0;
    for (let j = 0; j < m; j++) Wv += vw[j];
  }
  let i = 0;
  let j = 0;
  let cu = 0;
  let cv = 0;
  let s = 0;
  let c = 0;
  let prev = u[0] < v[0] ? u[0] : v[0];
  while (i < n || j < m) {
    const x = i < n && (j >= m || u[i] <= v[j]) ? u[i] : v[j];
    const d = x - prev;
    if (d > 0) {
      const g = Math.abs(cu / Wu - cv / Wv);
      const t = (power === 1 ? g : g * g) * d;
      // Neumaier-compensated sum
      const y = s + t;
      c += Math.abs(s) >= Math.abs(t) ? s - y + t : t - y + s;
      s = y;
    }
    while (i < n && u[i] === x) cu += uw ? uw[i++] : (i++, 1);
    while (j < m && v[j] === x) cv += vw ? vw[j++] : (j++, 1);
    prev = x;
  }
  return s + c;
}

/**
 * ln Σ P^α Q^(1−α) over the elements [i0, i1) of raw p, q with P = a·p, Q = b·q > 0 and β = α − 1,
 * summed in log space (shifted by the largest term): the path of renyiDivergence for rows whose
 * direct sum overflows (α > 1 with ratios P/Q far above 1). Runs on the calling thread.
 */
export function renyiLogSum(p: FloatArray, q: FloatArray, i0: number, i1: number, a: number, b: number, beta: number): number {
  const la = Math.log(a);
  const lb = Math.log(b);
  const term = (i: number) => {
    const lP = Math.log(p[i]) + la;
    return lP + beta * (lP - Math.log(q[i]) - lb);
  };
  let mx = -Infinity;
  for (let i = i0; i < i1; i++) if (p[i] > 0 && q[i] > 0) mx = Math.max(mx, term(i));
  let s = 0;
  for (let i = i0; i < i1; i++) if (p[i] > 0 && q[i] > 0) s += Math.exp(term(i) - mx);
  return mx + Math.log(s);
}

export const jsDivergences: DivergenceKernels = {
  powerRows: (x: FloatArray, rows, cols, ctx) => reduceRows(POWER_OPS, powerBlock, x, x, rows, cols, ctx, 2),
  hellingerRows: (p, q, rows, cols, ctx) => reduceRows(HELLINGER_OPS, hellingerBlock, p, q, rows, cols, ctx, 2),
  chiSquareRows: (p, q, rows, cols, ctx) => reduceRows(CHI2_OPS, chiSquareBlock, p, q, rows, cols, ctx, 2),
  bcRawRows: (p, q, rows, cols) => reduceRows(BC_RAW_OPS, bcRawBlock, p, q, rows, cols),
  chiRawRows: (p, q, rows, cols) => reduceRows(CHI2_RAW_OPS, chiRawBlock, p, q, rows, cols),
  renyiDivRows: (p, q, rows, cols, ctx) => reduceRows(RENYI_DIV_OPS, renyiDivBlock, p, q, rows, cols, ctx, 2),
  cdfDistance,
};
