/**
 * The maximum-entropy principle: among all distributions on a finite set of values with a given
 * mean, the one of largest entropy is the Gibbs (exponential-family) distribution
 *   p(x) = e^(λx) / Z(λ),   Z(λ) = Σ_x e^(λx),
 * with λ chosen so that Σ p(x)·x = mean. E_λ[x] increases strictly with λ (its derivative is
 * Var_λ[x] > 0), so the root is unique; it is bracketed by doubling, then found by Newton's method
 * safeguarded by bisection, every sum taken stably (log-sum-exp). Pure JS: the problem is tiny.
 */
import type { MaxEntropyOptions, MaxEntropyResult, Vector } from "./types.js";
import { lnBase } from "./units.js";
import { describe, scanError, vectorArg } from "./validate.js";

/** On u in [−1, 1] with tilt θ: [E_θ u, Var_θ u] and the normalised weights written into p. */
function moments(u: Float64Array, theta: number, p: Float64Array): [number, number] {
  let m = -Infinity;
  for (let i = 0; i < u.length; i++) m = Math.max(m, theta * u[i]);
  let z = 0;
  for (let i = 0; i < u.length; i++) z += (p[i] = Math.exp(theta * u[i] - m));
  let e = 0;
  for (let i = 0; i < u.length; i++) e += (p[i] /= z) * u[i];
  let v = 0;
  for (let i = 0; i < u.length; i++) v += p[i] * (u[i] - e) * (u[i] - e);
  return [e, v];
}

/**
 * The maximum-entropy distribution on `values` with the mean `opts.mean`: p(x) ∝ e^(λx). Returns
 * p (in the order of values), λ (natural-log scale) and H(p) in `opts.base` (nats by default).
 * A mean equal to the average of the values gives λ = 0 (the uniform distribution); a mean
 * outside (min, max) has no solution: RangeError.
 */
export function maxEntropyDistribution(values: unknown, opts: MaxEntropyOptions): MaxEntropyResult {
  const fn = "maxEntropyDistribution";
  const X = vectorArg(fn, "values", values);
  const e = scanError(fn, "values", X, 0, X.cols, (v) => v > -Infinity && v < Infinity, "values must be finite");
  if (e) throw e;
  if (typeof opts !== "object" || opts === null) throw new TypeError(`${fn}: options { mean } are required, got ${describe(opts)}`);
  const k = lnBase(opts.base, fn);
  const mean = opts.mean;
  if (typeof mean !== "number") throw new TypeError(`${fn}: mean must be a number, got ${describe(mean)}`);
  const x = X.data;
  const n = x.length;
  let lo = Infinity, hi = -Infinity, avg = 0;
  for (let i = 0; i < n; i++) {
    lo = Math.min(lo, x[i]);
    hi = Math.max(hi, x[i]);
    avg += x[i];
  }
  avg /= n;
  if (!(mean > lo && mean < hi))
    throw new RangeError(`${fn}: mean ${mean} must lie strictly between min(values) = ${lo} and max(values) = ${hi}`);
  const p = new Float64Array(n);
  // Standardise to u in [−1, 1]: λ = θ / h.
  const c = 0.5 * (lo + hi);
  const h = 0.5 * (hi - lo);
  const u = Float64Array.from(x, (v) => (v - c) / h);
  const mu = (mean - c) / h;
  let theta = 0;
  if (mean !== avg) {
    // Bracket [a, b] with g(a) < 0 < g(b), g(θ) = E_θ u − μ.
    const sign = mu > moments(u, 0, p)[0] ? 1 : -1;
    let a = 0;
    let b = sign;
    while ((moments(u, b, p)[0] - mu) * sign < 0) {
      a = b;
      b *= 2;
      if (!(Math.abs(b) < 1e300)) throw new RangeError(`${fn}: mean ${mean} is too close to the edge of the values' range to solve for λ`);
    }
    if (sign < 0) [a, b] = [b, a];
    theta = 0.5 * (a + b);
    for (let iter = 0; iter < 500; iter++) {
      const [ev, vv] = moments(u, theta, p);
      const g = ev - mu;
      if (g === 0) break;
      if (g < 0) a = theta;
      else b = theta;
      let next = theta - g / vv;
      if (!(next > a && next < b)) next = 0.5 * (a + b);
      if (Math.abs(next - theta) <= 4e-16 * Math.max(1, Math.abs(theta)) || next === a || next === b) {
        theta = next;
        break;
      }
      theta = next;
    }
  }
  moments(u, theta, p);
  let H = 0;
  for (let i = 0; i < n; i++) if (p[i] > 0) H -= p[i] * Math.log(p[i]);
  return { p, lambda: theta / h, entropy: H / k };
}

/**
 * Maximum-entropy distributions. The engine's public methods of this family, installed on Engine
 * by src/engine.ts (see src/facade.ts).
 */
export abstract class MaxEntMethods {
  /** The Gibbs distribution p(x) ∝ e^(λx) of maximum entropy on `values` with mean `opts.mean`. */
  maxEntropyDistribution(values: Vector, opts: MaxEntropyOptions): MaxEntropyResult {
    return maxEntropyDistribution(values, opts);
  }
}
