/**
 * Closed-form differential entropies and divergences of common continuous distributions (pure
 * TypeScript, no backend). Nats unless `base` says otherwise.
 */
import type { UnitOptions } from "./types.js";
import { lnBase } from "./units.js";
import { describe } from "./validate.js";

const LN_2PI_E = Math.log(2 * Math.PI) + 1;

/** A finite number argument. */
export function finiteArg(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number") throw new TypeError(`${fn}: ${name} must be a number, got ${describe(v)}`);
  if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name} must be finite, got ${v}`);
  return v;
}

/** A finite number > 0. */
export function positiveArg(fn: string, name: string, v: unknown): number {
  const x = finiteArg(fn, name, v);
  if (!(x > 0)) throw new RangeError(`${fn}: ${name} must be > 0, got ${x}`);
  return x;
}

/** h(N(μ, σ²)) = ½ log(2πe σ²). */
export function gaussianEntropy(sigma: number, opts: UnitOptions = {}): number {
  const fn = "gaussianEntropy";
  const k = lnBase(opts.base, fn);
  const s = positiveArg(fn, "sigma", sigma);
  return (0.5 * LN_2PI_E + Math.log(s)) / k;
}

/**
 * D(N(μ1, σ1²) ‖ N(μ2, σ2²)) = log(σ2/σ1) + (σ1² + (μ1 − μ2)²)/(2σ2²) − ½.
 * E.g. D(N(0,1) ‖ N(0,2²)) = ln 2 − 3/8 ≈ 0.318147 nats, and the reverse 3/2 − ln 2 ≈ 0.806853.
 */
export function gaussianKl(mu1: number, sigma1: number, mu2: number, sigma2: number, opts: UnitOptions = {}): number {
  const fn = "gaussianKl";
  const k = lnBase(opts.base, fn);
  const m1 = finiteArg(fn, "mu1", mu1);
  const s1 = positiveArg(fn, "sigma1", sigma1);
  const m2 = finiteArg(fn, "mu2", mu2);
  const s2 = positiveArg(fn, "sigma2", sigma2);
  const r = s1 / s2;
  const d = (m1 - m2) / s2;
  // −log r + (r² − 1)/2 + d²/2 with r = σ1/σ2, d = (μ1 − μ2)/σ2.
  const kl = 0.5 * ((r - 1) * (r + 1) - 2 * Math.log1p(r - 1)) + 0.5 * d * d;
  return Math.max(0, kl) / k;
}

/** I(X; Y) = −½ log(1 − ρ²) of a bivariate normal with correlation ρ (|ρ| ≤ 1; Infinity at |ρ| = 1). */
export function gaussianMutualInformation(rho: number, opts: UnitOptions = {}): number {
  const fn = "gaussianMutualInformation";
  const k = lnBase(opts.base, fn);
  const r = finiteArg(fn, "rho", rho);
  if (!(Math.abs(r) <= 1)) throw new RangeError(`${fn}: rho must be in [−1, 1], got ${r}`);
  return (-0.5 * Math.log1p(-r * r)) / k;
}

/** h(Uniform(a, b)) = log(b − a), b > a. */
export function uniformEntropy(a: number, b: number, opts: UnitOptions = {}): number {
  const fn = "uniformEntropy";
  const k = lnBase(opts.base, fn);
  const lo = finiteArg(fn, "a", a);
  const hi = finiteArg(fn, "b", b);
  if (!(hi > lo)) throw new RangeError(`${fn}: b must be greater than a, got a = ${lo}, b = ${hi}`);
  return Math.log(hi - lo) / k;
}

/** h(Exponential(λ)) = 1 − log λ (λ the rate, mean 1/λ). */
export function exponentialEntropy(rate: number, opts: UnitOptions = {}): number {
  const fn = "exponentialEntropy";
  const k = lnBase(opts.base, fn);
  const l = positiveArg(fn, "rate", rate);
  return (1 - Math.log(l)) / k;
}

/**
 * Closed forms of the univariate families. The engine's public methods of this family, installed
 * on Engine by src/engine.ts (see src/facade.ts).
 */
export abstract class ClosedFormMethods {
  /** h(N(μ, σ²)) = ½ log(2πe σ²). */
  gaussianEntropy(sigma: number, opts?: UnitOptions): number {
    return gaussianEntropy(sigma, opts);
  }

  /** D(N(μ1, σ1²) ‖ N(μ2, σ2²)) = log(σ2/σ1) + (σ1² + (μ1 − μ2)²)/(2σ2²) − ½. */
  gaussianKl(mu1: number, sigma1: number, mu2: number, sigma2: number, opts?: UnitOptions): number {
    return gaussianKl(mu1, sigma1, mu2, sigma2, opts);
  }

  /** I(X; Y) = −½ log(1 − ρ²) of a bivariate normal with correlation ρ. */
  gaussianMutualInformation(rho: number, opts?: UnitOptions): number {
    return gaussianMutualInformation(rho, opts);
  }

  /** h(Uniform(a, b)) = log(b − a). */
  uniformEntropy(a: number, b: number, opts?: UnitOptions): number {
    return uniformEntropy(a, b, opts);
  }

  /** h(Exponential(λ)) = 1 − log λ. */
  exponentialEntropy(rate: number, opts?: UnitOptions): number {
    return exponentialEntropy(rate, opts);
  }
}
