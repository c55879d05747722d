/**
 * The JS reference kernels of the divergence family (src/divergences.ts): one plain loop each.
 * The row kernels read normalised rows P = a·p, Q = b·q, [a, b] = [1/Σp, 1/Σq] from the row's
 * context (the engine computed the sums first and checked the weights), so that every term keeps
 * its relative accuracy when p ≈ q (no 1 − Σ√(pq) cancellation). assembly/divergences.ts
 * computes the same sums.
 */
import type { DivergenceKernels, FloatArray } from "../backend.js";
import { MIN, SUM } from "../cascade.js";
import { lnQuotient } from "./discrete.js";
import { reduceRows, type BlockKernel } from "./rows.js";

/**
 * P·(e^x − 1), the term of Σ P^α (or Σ P^α Q^(1−α)) minus Σ P, with x = (α − 1)·ln P (or
 * (α − 1)·ln(P/Q)) and lnP = ln P: expm1 near x = 0 keeps the relative accuracy of a sum whose
 * value is close to 0 (α near 1, or P ≈ Q); far from it, e^(ln P + x) − P does not overflow
 * e^x where P is small (α < 1).
 */
export function powerTerm(P: number, x: number, lnP: number): number {
  return Math.abs(x) < 0.5 ? P * Math.expm1(x) : Math.exp(lnP + x) - P;
}

/** [Σ_{P>0} P·(P^(α−1) − 1), min(−P), #(P > 0)], P = a·x, [a, α] = ctx[2r], ctx[2r+1]. */
export const POWER_OPS = [SUM, MIN, SUM] as const;
export const powerBlock: BlockKernel = (x, _b, i0, i1, acc, ctx, k) => {
  const a = ctx[k];
  const alpha = ctx[k + 1];
  let s = 0;
  let m = Infinity;
  let n = 0;
  for (let i = i0; i < i1; i++) {
    const P = a * x[i];
    if (!(P > 0)) continue;
    n++;
    if (-P < m) m = -P;
    if (alpha === 2) s += P * (P - 1);
    else if (alpha !== Infinity) {
      const l = Math.log(P);
      s += powerTerm(P, (alpha - 1) * l, l);
    }
  }
  acc[0] = s;
  acc[1] = m;
  acc[2] = n;
};

/** [Σ (√P − √Q)², Σ |P − Q|], P = a·p, Q = b·q, [a, b] = ctx[2r], ctx[2r+1]. */
export const HELLINGER_OPS = [SUM, SUM] as const;
export const hellingerBlock: BlockKernel = (p, q, i0, i1, acc, ctx, k) => {
  const a = ctx[k];
  const b = ctx[k + 1];
  let h = 0;
  let t = 0;
  for (let i = i0; i < i1; i++) {
    const P = a * p[i];
    const Q = b * q[i];
    const d = Math.sqrt(P) - Math.sqrt(Q);
    h += d * d;
    t += Math.abs(P - Q);
  }
  acc[0] = h;
  acc[1] = t;
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
 * Rényi divergence sums over raw weights p, q with β = α − 1 and γ = β·ln(a/b) (ctx[2r],
 * ctx[2r+1]; a = 1/Σp, b = 1/Σq): [Σ_{p>0} p·(e^x − 1) with x = β·ln(p/q) + γ (= (α−1)·ln(P/Q)),
 * where q = 0 < p the term is −p when β < 0 and left out otherwise; min over p > 0 of −p/q
 * (−Infinity where q = 0); #(q = 0 < p)]. a·(the first sum) = Σ P^α Q^(1−α) − Σ P. β = Infinity
 * (α = ∞) computes only the last two fields.
 */
export const RENYI_DIV_OPS = [SUM, MIN, SUM] as const;
export const renyiDivBlock: BlockKernel = (p, q, i0, i1, acc, ctx, k) => {
  const beta = ctx[k];
  const gamma = ctx[k + 1];
  let s = 0;
  let m = Infinity;
  let n = 0;
  for (let i = i0; i < i1; i++) {
    const P = p[i];
    if (!(P > 0)) continue;
    const Q = q[i];
    if (Q > 0) {
      const r = -P / Q;
      if (r < m) m = r;
      if (beta !== Infinity) s += powerTerm(P, beta * lnQuotient(P, Q) + gamma, Math.log(P));
    } else {
      n++;
      m = -Infinity;
      if (beta < 0) s -= P;
    }
  }
  acc[0] = s;
  acc[1] = m;
  acc[2] = n;
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
  renyiDivRows: (p, q, rows, cols, ctx) => reduceRows(RENYI_DIV_OPS, renyiDivBlock, p, q, rows, cols, ctx, 2),
  cdfDistance,
};
