/**
 * Differential entropy estimated from samples by spacings (m-spacing) estimators, as
 * `scipy.stats.differential_entropy(values, window_length=m, method=...)`. Pure TypeScript: one
 * sort, then one pass. With X the sorted samples (n of them) and X_j clamped to X_1 / X_n beyond
 * the ends:
 *   vasicek   (1/n) Σ log(n/(2m) · (X_{i+m} − X_{i−m}))
 *   van es    1/(n−m) Σ_{i=1}^{n−m} log((n+1)/m · (X_{i+m} − X_i)) + Σ_{k=m}^{n} 1/k + log m − log(n+1)
 *   ebrahimi  (1/n) Σ log(n (X_{i+m} − X_{i−m}) / (c_i m)),  c_i = 1 + (i−1)/m (i ≤ m), 1 + (n−i)/m (i ≥ n−m+1), else 2
 *   correa    −(1/n) Σ log(Σ_j (X_j − X̄_i)(j − i) / (n Σ_j (X_j − X̄_i)²)),  j = i−m..i+m
 *   auto      van es for n ≤ 10, ebrahimi for n ≤ 1000, vasicek beyond (SciPy's rule)
 * m defaults to ⌊√n + ½⌋ and must satisfy 2 ≤ 2m < n. Nats unless `base` says otherwise.
 */
import type { UnitOptions, Vector } from "./types.js";
import { lnBase } from "./units.js";
import { choiceOption, integerOption, vectorArg } from "./validate.js";

export type SpacingMethod = "vasicek" | "van es" | "ebrahimi" | "correa" | "auto";

export interface DifferentialEntropyOptions extends UnitOptions {
  /** The estimator (default "auto", as SciPy). Case-insensitive. */
  method?: SpacingMethod;
  /** The window m (default ⌊√n + ½⌋); 2 ≤ 2m < n. */
  windowLength?: number;
}

const METHODS = ["vasicek", "van es", "ebrahimi", "correa", "auto"] as const;

export function differentialEntropy(samples: Vector, opts: DifferentialEntropyOptions = {}): number {
  const fn = "differentialEntropy";
  const k = lnBase(opts.base, fn);
  const raw = vectorArg(fn, "samples", samples).data;
  const n = raw.length;
  let method = choiceOption(fn, "method", typeof opts.method === "string" ? opts.method.toLowerCase() : opts.method, METHODS, "auto");
  const m = integerOption(fn, "windowLength", opts.windowLength, Math.floor(Math.sqrt(n) + 0.5), -Infinity);
  if (!(2 <= 2 * m && 2 * m < n)) throw new RangeError(`${fn}: window length (${m}) must be positive and less than half the sample size (${n})`);
  for (let i = 0; i < n; i++) if (!Number.isFinite(raw[i])) throw new RangeError(`${fn}: samples[${i}] is ${raw[i]}; samples must be finite`);
  const X = Float64Array.from(raw).sort();
  if (method === "auto") method = n <= 10 ? "van es" : n <= 1000 ? "ebrahimi" : "vasicek";
  const at = (j: number) => X[j < 0 ? 0 : j >= n ? n - 1 : j]; // 0-based, clamped
  let h: number;
  if (method === "vasicek") {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.log((n / (2 * m)) * (at(i + m) - at(i - m)));
    h = s / n;
  } else if (method === "van es") {
    let s = 0;
    for (let i = 0; i < n - m; i++) s += Math.log(((n + 1) / m) * (X[i + m] - X[i]));
    let harmonic = 0;
    for (let j = m; j <= n; j++) harmonic += 1 / j;
    h = s / (n - m) + harmonic + Math.log(m) - Math.log(n + 1);
  } else if (method === "ebrahimi") {
    let s = 0;
    for (let i = 1; i <= n; i++) {
      let c = i <= m ? 1 + (i - 1) / m : 2;
      if (i >= n - m + 1) c = 1 + (n - i) / m;
      s += Math.log((n * (at(i - 1 + m) - at(i - 1 - m))) / (c * m));
    }
    h = s / n;
  } else {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let mean = 0;
      for (let d = -m; d <= m; d++) mean += at(i + d);
      mean /= 2 * m + 1;
      let num = 0;
      let den = 0;
      for (let d = -m; d <= m; d++) {
        const e = at(i + d) - mean;
        num += e * d;
        den += e * e;
      }
      s += Math.log(num / (n * den));
    }
    h = -s / n;
  }
  return h / k;
}

/**
 * Differential entropy from samples. The engine's public methods of this family, installed on
 * Engine by src/engine.ts (see src/facade.ts).
 */
export abstract class SpacingEntropyMethods {
  /** m-spacing estimate of the differential entropy of samples, as `scipy.stats.differential_entropy`. */
  differentialEntropy(samples: Vector, opts?: DifferentialEntropyOptions): number {
    return differentialEntropy(samples, opts);
  }
}
