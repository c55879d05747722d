/**
 * The Nemenman–Shafee–Bialek entropy estimate (Nemenman, Shafee & Bialek 2002, "Entropy and
 * inference, revisited", NIPS 14): the posterior mean and standard deviation of the entropy H of
 * a distribution over K bins, given counts n_i, under the NSB prior — a mixture of symmetric
 * Dirichlet(β) priors weighted so that the prior expected entropy
 *   ξ(β) = ψ(Kβ + 1) − ψ(β + 1)
 * is uniform on [0, ln K]. With A = N + Kβ and a_i = n_i + β (Dirichlet posterior):
 *
 *   evidence   p(n | β) ∝ Γ(Kβ)/Γ(N + Kβ) · Π_i Γ(n_i + β)/Γ(β)
 *   E[H | β]   = ψ(A + 1) − Σ_i (a_i/A) ψ(a_i + 1)                       (Wolpert & Wolf 1995)
 *   E[H² | β]  = Σ_{i≠k} a_i a_k/(A(A+1)) [(ψ(a_i+1) − ψ(A+2))(ψ(a_k+1) − ψ(A+2)) − ψ₁(A+2)]
 *              + Σ_i a_i(a_i+1)/(A(A+1)) [(ψ(a_i+2) − ψ(A+2))² + ψ₁(a_i+2) − ψ₁(A+2)]
 *   ⟨H^k⟩      = ∫ dξ p(n | β(ξ)) E[H^k | β] / ∫ dξ p(n | β(ξ)),   sd = √(⟨H²⟩ − ⟨H⟩²).
 *
 * How it is computed (the value is the same bits on every backend: all of it is TypeScript):
 * - The counts enter only through their distinct values v with multiplicities (K − m empty bins
 *   have a_i = β), so each evaluation costs O(#distinct counts).
 * - The integral runs over t = ln β with the Jacobian dξ/dt = β·(K ψ₁(Kβ + 1) − ψ₁(β + 1)); the log
 *   integrand is formed in log space from log-Pochhammer symbols (src/special.ts lnPochhammer,
 *   no cancellation of large lgammas), so nothing overflows for N = 1e6 or K = 1e5.
 * - Its mode is found on a coarse grid of t and refined by golden-section search; panels of width
 *   min(σ, 1) (σ from the curvature at the mode) are then laid out from the mode in both directions,
 *   each integrated by 16-point Gauss–Legendre and split while the log integrand changes by more than
 *   24 across it, until the log integrand is 50 below its maximum (a relative contribution under
 *   2e-22 per panel, and falling).
 * - The conditional variance is evaluated in a rearranged form of E[H²|β] − E[H|β]² in which the
 *   O(1) terms cancel algebraically, not numerically (see conditionalMoments), and the total is
 *   ⟨Var(H|β)⟩ + ⟨(E[H|β] − ⟨H⟩)²⟩, so the sd keeps its relative accuracy when it is tiny.
 * Accuracy: ~1e-12 relative against an mpmath reference (test/reference/estimators.py).
 */
import { digamma, lnPochhammer, trigamma } from "./special.js";

/** Distinct positive counts and their multiplicities: the sufficient statistics of NSB. */
export interface CountProfile {
  values: Float64Array;
  mults: Float64Array;
  /** Σ values·mults. */
  N: number;
  /** Σ mults: the occupied bins. */
  m: number;
}

/** The profile of a row of non-negative integer counts x[i0, i1) (validated by the caller). */
export function countProfile(x: ArrayLike<number>, i0 = 0, i1 = x.length): CountProfile {
  const s = new Float64Array(i1 - i0);
  let k = 0;
  for (let i = i0; i < i1; i++) if (x[i] > 0) s[k++] = x[i];
  const sorted = s.subarray(0, k).sort();
  const values: number[] = [];
  const mults: number[] = [];
  let N = 0;
  for (let i = 0; i < k; i++) {
    const v = sorted[i];
    N += v;
    if (i > 0 && v === sorted[i - 1]) mults[mults.length - 1]++;
    else {
      values.push(v);
      mults.push(1);
    }
  }
  return { values: Float64Array.from(values), mults: Float64Array.from(mults), N, m: k };
}

/** Bernoulli numbers B_2 … B_14 of the trigamma series. */
const B2K = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6];

/**
 * dξ/dβ = K ψ₁(Kβ + 1) − ψ₁(β + 1) > 0. For β ≥ 10 the two trigammas agree to ~1/(2β), so the
 * difference is taken from their asymptotic series instead:
 * (1 − 1/K)/(2β²) − Σ_k B_{2k} (1 − K^{−2k}) / β^{2k+1}.
 */
export function nsbPriorSlope(beta: number, K: number): number {
  if (beta < 10) return K * trigamma(K * beta + 1) - trigamma(beta + 1);
  const x = 1 / beta;
  const x2 = x * x;
  const iK2 = 1 / (K * K);
  let s = 0;
  let xp = x2 * x; // β^{-(2k+1)}
  let kp = iK2; // K^{-2k}
  for (let k = 0; k < B2K.length; k++) {
    s += B2K[k] * (1 - kp) * xp;
    xp *= x2;
    kp *= iK2;
  }
  return 0.5 * (1 - 1 / K) * x2 - s;
}

/** q(x) = x ψ₁(x + 1) − 1 (→ −1/(2x)), by its series −1/(2x) + Σ B_{2k}/x^{2k} for x ≥ 10. */
function q(x: number): number {
  if (x < 10) return x * trigamma(x + 1) - 1;
  const f = 1 / (x * x);
  let s = 0;
  let p = f;
  for (let k = 0; k < B2K.length; k++) {
    s += B2K[k] * p;
    p *= f;
  }
  return -0.5 / x + s;
}

/** Work arrays of one NSB evaluation (one per group: the distinct counts, then the empty bins). */
interface Work {
  a: Float64Array;
  c: Float64Array;
  psi1: Float64Array;
  e: Float64Array;
}

/**
 * E[H | β] and Var[H | β] under the Dirichlet posterior a_i = n_i + β (groups of equal a_i with
 * multiplicity c). With w_i = a_i/A, J = ψ(A + 2), e_i = ψ(a_i + 2) − J, ē = Σ w_i e_i,
 * s = Σ w_i/(a_i + 1) and q(x) = x ψ₁(x + 1) − 1, the Wolpert–Wolf second moment minus the
 * squared mean rearranges (exactly) to
 *   Var = [Σ w(e − ē)² − 2 Σ w(e − ē)/(a + 1) + s(2 − s) − 1/(A + 1) − Σ w a/(a + 1)²
 *          + Σ w q(a + 1) − q(A + 1)] / (A + 1),
 * every term O(1) or smaller (E[H²] − E[H]² would cancel two O(ln² K) numbers).
 */
function conditionalMoments(w: Work, groups: number, A: number, out: Float64Array): void {
  const { a, c, psi1, e } = w;
  const psiA1 = digamma(A + 1);
  const J = psiA1 + 1 / (A + 1);
  let mean = 0;
  let eBar = 0;
  for (let g = 0; g < groups; g++) {
    const ag = a[g];
    const p = digamma(ag + 1);
    psi1[g] = p;
    const wg = (c[g] * ag) / A;
    mean += wg * (psiA1 - p);
    e[g] = p + 1 / (ag + 1) - J;
    eBar += wg * e[g];
  }
  let v2 = 0, cov = 0, s = 0, r = 0, qs = 0;
  for (let g = 0; g < groups; g++) {
    const ag = a[g];
    const wg = (c[g] * ag) / A;
    const d = e[g] - eBar;
    const inv = 1 / (ag + 1);
    v2 += wg * d * d;
    cov += wg * d * inv;
    s += wg * inv;
    r += wg * ag * inv * inv;
    qs += wg * q(ag + 1);
  }
  const var_ = (v2 - 2 * cov + s * (2 - s) - 1 / (A + 1) - r + qs - q(A + 1)) / (A + 1);
  out[0] = mean;
  out[1] = Math.max(0, var_);
}

/** 16-point Gauss–Legendre nodes and weights on [−1, 1] (Newton on P_16, to full precision). */
const GL_N = 16;
const GL_X = new Float64Array(GL_N);
const GL_W = new Float64Array(GL_N);
{
  for (let i = 0; i < GL_N; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (GL_N + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= GL_N; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (GL_N * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    GL_X[i] = x;
    GL_W[i] = 2 / ((1 - x * x) * dp * dp);
  }
}

/** Drop of the log integrand (from its maximum) at which the walk outward stops. */
const TAIL = 50;
/** A panel over which the log integrand changes by more than this is split. */
const SPLIT = 24;

/**
 * NSB posterior mean and sd (nats) of the entropy for the count profile over K ≥ 1 bins
 * (K ≥ profile.m, N ≥ 1). K = 1 gives { mean: 0, sd: 0 }.
 */
export function nsbEntropy(p: CountProfile, K: number): { mean: number; sd: number } {
  if (K <= 1) return { mean: 0, sd: 0 };
  const { values, mults, N, m } = p;
  const G = values.length;
  const zeros = K - m;
  const groups = G + (zeros > 0 ? 1 : 0);
  const work: Work = { a: new Float64Array(groups), c: new Float64Array(groups), psi1: new Float64Array(groups), e: new Float64Array(groups) };
  for (let g = 0; g < G; g++) work.c[g] = mults[g];
  if (zeros > 0) work.c[G] = zeros;

  /** ln of the integrand over t = ln β, up to a constant. */
  const logf = (t: number): number => {
    const beta = Math.exp(t);
    let s = -lnPochhammer(K * beta, N);
    for (let g = 0; g < G; g++) s += mults[g] * lnPochhammer(beta, values[g]);
    return s + Math.log(nsbPriorSlope(beta, K)) + t;
  };

  // coarse grid, then golden-section refinement of the mode
  const lnN = Math.log(N + 1);
  const tLo = -Math.log(K) - lnN - 30;
  const tHi = lnN + 30;
  let tBest = tLo;
  let fBest = -Infinity;
  for (let t = tLo; t <= tHi; t += 0.5) {
    const f = logf(t);
    if (f > fBest) {
      fBest = f;
      tBest = t;
    }
  }
  let lo = tBest - 0.5;
  let hi = tBest + 0.5;
  const phi = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - phi * (hi - lo);
  let x2 = lo + phi * (hi - lo);
  let f1 = logf(x1);
  let f2 = logf(x2);
  while (hi - lo > 1e-9) {
    if (f1 >= f2) {
      hi = x2;
      x2 = x1;
      f2 = f1;
      x1 = hi - phi * (hi - lo);
      f1 = logf(x1);
    } else {
      lo = x1;
      x1 = x2;
      f1 = f2;
      x2 = lo + phi * (hi - lo);
      f2 = logf(x2);
    }
  }
  const tStar = 0.5 * (lo + hi);
  const fStar = Math.max(logf(tStar), f1, f2, fBest);
  const delta = 1e-3;
  const curv = (logf(tStar + delta) - 2 * logf(tStar) + logf(tStar - delta)) / (delta * delta);
  const sigma = curv < 0 ? 1 / Math.sqrt(-curv) : 1;
  const h = Math.min(Math.max(sigma, 1e-6), 1);

  // nodes: weights exp(logf − fStar)·dt with the conditional mean and variance at each
  const W: number[] = [];
  const M: number[] = [];
  const V: number[] = [];
  const mom = new Float64Array(2);
  const fs = new Float64Array(GL_N);
  const panel = (t0: number, t1: number, depth: number): number => {
    const half = 0.5 * (t1 - t0);
    const mid = 0.5 * (t0 + t1);
    let fMax = -Infinity;
    let fMin = Infinity;
    for (let k = 0; k < GL_N; k++) {
      const f = logf(mid + half * GL_X[k]);
      fs[k] = f;
      if (f > fMax) fMax = f;
      if (f < fMin) fMin = f;
    }
    if (fMax - fMin > SPLIT && depth < 12) {
      const a = panel(t0, mid, depth + 1);
      const b = panel(mid, t1, depth + 1);
      return Math.max(a, b);
    }
    if (fMax < fStar - TAIL - 20) return fMax;
    for (let k = 0; k < GL_N; k++) {
      const wk = Math.exp(fs[k] - fStar) * half * GL_W[k];
      if (wk === 0) continue;
      const beta = Math.exp(mid + half * GL_X[k]);
      for (let g = 0; g < G; g++) work.a[g] = values[g] + beta;
      if (zeros > 0) work.a[G] = beta;
      conditionalMoments(work, groups, N + K * beta, mom);
      W.push(wk);
      M.push(mom[0]);
      V.push(mom[1]);
    }
    return fMax;
  };
  for (const dir of [1, -1]) {
    for (let i = 0; i < 100_000; i++) {
      const a = tStar + dir * i * h;
      const b = a + dir * h;
      const fMax = dir > 0 ? panel(a, b, 0) : panel(b, a, 0);
      if (fMax < fStar - TAIL) break;
    }
  }

  let Z = 0;
  let M1 = 0;
  for (let i = 0; i < W.length; i++) {
    Z += W[i];
    M1 += W[i] * M[i];
  }
  const mean = M1 / Z;
  let v = 0;
  for (let i = 0; i < W.length; i++) {
    const d = M[i] - mean;
    v += W[i] * (V[i] + d * d);
  }
  return { mean, sd: Math.sqrt(v / Z) };
}
