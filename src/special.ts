/**
 * Special functions of the estimators, in TypeScript (so every backend finishes its sums with the
 * same bits): the digamma function ψ and the log-volume of the unit ball.
 */

/** ψ(x) for x ≥ 10 by the asymptotic series ln x − 1/(2x) − Σ_{k=1}^{7} B_{2k}/(2k x^{2k}) (error < 1e-16·ψ). */
function psiAsymptotic(x: number): number {
  const f = 1 / (x * x);
  const t = f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132 - f * (691 / 32760 - f * (1 / 12)))))));
  return Math.log(x) - 0.5 / x - t;
}

/** Euler–Mascheroni constant γ = −ψ(1). */
const EULER_GAMMA = 0.5772156649015329;

/** ψ(m) for the integers 0 < m < PSI_TABLE: −γ + H_{m−1} below 10, the series from 10 on. */
const PSI_TABLE = 1 << 12;
const PSI = new Float64Array(PSI_TABLE);
{
  let h = 0;
  for (let m = 1; m < 10; m++) {
    PSI[m] = h - EULER_GAMMA;
    h += 1 / m;
  }
  for (let m = 10; m < PSI_TABLE; m++) PSI[m] = psiAsymptotic(m);
}

/**
 * The digamma function ψ(x) = Γ′(x)/Γ(x) for x > 0 (= scipy.special.digamma to ~1e-15
 * relative): a table at the integers, else the recurrence ψ(x) = ψ(x + 1) − 1/x up to x ≥ 10 and
 * the asymptotic series.
 */
export function digamma(x: number): number {
  if (Number.isInteger(x) && x > 0 && x < PSI_TABLE) return PSI[x];
  let r = 0;
  while (x < 10) {
    r -= 1 / x;
    x += 1;
  }
  return r + psiAsymptotic(x);
}

/** (1/n) Σ_i ψ(c_i + shift) over integer counts c (c_i + shift ≥ 1), summed in index order. */
export function meanDigamma(c: Int32Array, shift: number, i0 = 0, i1 = c.length): number {
  let s = 0;
  for (let i = i0; i < i1; i++) {
    const m = c[i] + shift;
    s += m < PSI_TABLE ? PSI[m] : psiAsymptotic(m);
  }
  return s / (i1 - i0);
}

/** ln V_d: the log-volume of the d-dimensional unit ball, (d/2) ln π − ln Γ(d/2 + 1). */
export function logUnitBallVolume(d: number): number {
  // ln Γ(d/2 + 1) as a sum of logs: (d/2)! for even d, Γ(m + 3/2) = √π·Π_{j=0}^{m} (j + ½) for d = 2m + 1
  let lg = d % 2 === 1 ? 0.5 * Math.log(Math.PI) : 0;
  for (let j = d % 2 === 1 ? 0.5 : 1; j <= d / 2; j++) lg += Math.log(j);
  return (d / 2) * Math.log(Math.PI) - lg;
}

/** ½ ln(2π). */
const HALF_LN_2PI = 0.9189385332046728;

/**
 * The Stirling series of ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π] for z ≥ 10:
 * Σ_{k=1}^{7} B_{2k} / (2k(2k − 1) z^{2k−1}) (next term < 1e-19 at z = 10).
 */
function stirlingTail(z: number): number {
  const f = 1 / (z * z);
  return (1 / z) * (1 / 12 - f * (1 / 360 - f * (1 / 1260 - f * (1 / 1680 - f * (1 / 1188 - f * (691 / 360360 - f * (1 / 156)))))));
}

/**
 * ln Γ(x) for x > 0 (= scipy.special.gammaln to ~1e-15 absolute, relative away from the zeros at
 * 1 and 2): the recurrence ln Γ(x) = ln Γ(x + k) − ln(x(x+1)…(x+k−1)) up to x + k ≥ 10, then the
 * Stirling series (z − ½) ln z − z + ½ ln 2π + Σ B_{2k}/(2k(2k−1) z^{2k−1}).
 */
export function lgamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  if (x === Infinity) return Infinity;
  let prod = 1;
  while (x < 10) {
    prod *= x;
    x += 1;
  }
  return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + stirlingTail(x) - Math.log(prod);
}

/**
 * ln Γ(x + n) − ln Γ(x) (the log rising factorial ln x^(n)) for x > 0, n ≥ 0, without the
 * cancellation of two large lgammas when x is large: for x ≥ 10,
 * (x − ½)·log1p(n/x) + n·ln(x + n) − n + tail(x + n) − tail(x), tail the Stirling series.
 */
export function lnPochhammer(x: number, n: number): number {
  if (n === 0) return 0;
  if (x < 10) return lgamma(x + n) - lgamma(x);
  const y = x + n;
  return (x - 0.5) * Math.log1p(n / x) + n * Math.log(y) - n + (stirlingTail(y) - stirlingTail(x));
}

/**
 * The trigamma function ψ₁(x) = ψ′(x) for x > 0 (= scipy.special.polygamma(1, x) to ~1e-15
 * relative): ψ₁(x) = ψ₁(x + 1) + 1/x² up to x ≥ 10, then the asymptotic series
 * 1/z + 1/(2z²) + Σ_{k=1}^{7} B_{2k}/z^{2k+1}.
 */
export function trigamma(x: number): number {
  if (!(x > 0)) return x === 0 ? Infinity : NaN;
  let r = 0;
  while (x < 10) {
    r += 1 / (x * x);
    x += 1;
  }
  const f = 1 / (x * x);
  const t = f * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f * (1 / 30 - f * (5 / 66 - f * (691 / 2730 - f * (7 / 6)))))));
  return r + (1 + (0.5 + t * x) / x) / x;
}

/**
 * The regularised upper incomplete gamma function Q(a, x) = Γ(a, x)/Γ(a) (= scipy.special.gammaincc),
 * a > 0, x ≥ 0: by the series of P = 1 − Q for x < a + 1, else by the continued fraction of Q
 * (modified Lentz), each to full double precision (Numerical Recipes §6.2).
 */
export function gammaQ(a: number, x: number): number {
  if (!(x > 0)) return 1;
  if (x === Infinity) return 0;
  const front = Math.exp(-x + a * Math.log(x) - lgamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return Math.max(0, 1 - sum * front);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return front * h;
}

/** P(χ²_dof ≥ x): the survival function of the χ² distribution (= scipy.stats.chi2.sf(x, dof)), dof > 0. */
export function chi2Survival(x: number, dof: number): number {
  return gammaQ(dof / 2, x / 2);
}
