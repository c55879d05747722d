/**
 * Forward vs reverse KL (seed 004): fit one Gaussian q = N(m, s²) to the bimodal target
 * p = ½N(−μ, σ²) + ½N(μ, σ²) sampled on a grid, by Nelder–Mead, once minimising the forward KL
 * D(p‖q) (mean-seeking: q covers both modes) and once the reverse KL D(q‖p) (mode-seeking:
 * q settles on one mode). Both use the library's grid KL (trapezoid rule, `normalize`, ε = 1e-12
 * inside the logs as the seed).
 *
 * Shared by examples/forward-reverse-kl.ts (Node, the library from src/) and the browser demo
 * (demo/, the built package "infowasm"): the engine and `minimize` come in as arguments, so this
 * file has no runtime import of the library and each caller brings its own copy.
 */
import type { Engine, minimize as Minimize } from "../src/index.js";

/** The parts of the library the fit needs: an engine and the Nelder–Mead minimiser. */
export interface FitLibrary {
  it: Engine;
  minimize: typeof Minimize;
}

/** The bimodal target ½N(−mu, sigma²) + ½N(mu, sigma²) on `n` points of [−half, half]. */
export interface BimodalTarget {
  mu: number;
  sigma: number;
  /** Grid points (default 2001, as seed 004). */
  n?: number;
  /** Half-width of the grid (default max(8, mu + 5·sigma): seed 004's [−8, 8] for mu = 3, sigma = 1). */
  half?: number;
}

export interface GaussianFit {
  /** The fitted parameters: location m and σ (before truncation to the grid and renormalisation). */
  m: number;
  sigma: number;
  /** Mean and standard deviation of the fitted density q on the grid (trapezoid moments). */
  mean: number;
  sd: number;
  /** The minimised KL divergence, nats. */
  kl: number;
  /** KL evaluations the minimiser used. */
  nfev: number;
  /** The fitted density on the grid (integrates to 1). */
  q: Float64Array;
}

export interface FitResult {
  x: Float64Array;
  dx: number;
  /** The target density on the grid (integrates to 1). */
  p: Float64Array;
  targetMean: number;
  targetSd: number;
  /** argmin_q D(p‖q): mean-seeking. */
  forward: GaussianFit;
  /** argmin_q D(q‖p): mode-seeking. */
  reverse: GaussianFit;
}

/** n equally spaced points of [a, b] (as `np.linspace`). */
export function linspace(a: number, b: number, n: number): Float64Array {
  const step = (b - a) / (n - 1);
  const x = Float64Array.from({ length: n }, (_, i) => a + i * step);
  x[n - 1] = b;
  return x;
}

/** The N(m, s²) density at every point of x. */
export function gaussianPdf(x: Float64Array, m: number, s: number): Float64Array {
  const c = 1 / (s * Math.sqrt(2 * Math.PI));
  return x.map((t) => c * Math.exp(-0.5 * ((t - m) / s) ** 2));
}

/** ½N(−mu, sigma²) + ½N(mu, sigma²) at every point of x. */
export function bimodalPdf(x: Float64Array, mu: number, sigma: number): Float64Array {
  const a = gaussianPdf(x, -mu, sigma);
  const b = gaussianPdf(x, mu, sigma);
  return a.map((v, i) => 0.5 * v + 0.5 * b[i]);
}

/** Mean and standard deviation of a density sampled on a uniform grid, by the library's trapezoid rule. */
export function gridMoments(it: Engine, x: Float64Array, q: Float64Array, dx: number): { mean: number; sd: number } {
  const spacing = { dx };
  const z = it.trapezoid(q, spacing);
  const mean = it.trapezoid(q.map((v, i) => v * x[i]), spacing) / z;
  const variance = it.trapezoid(q.map((v, i) => v * (x[i] - mean) ** 2), spacing) / z;
  return { mean, sd: Math.sqrt(variance) };
}

/**
 * Fits N(m, s²) to the bimodal target both ways, parameterised by θ = (m, log s) so s stays
 * positive. Starting points generalise seed 004's (forward [0.5, log 1], reverse [2.5, log 1] for
 * mu = 3, sigma = 1): forward [0.5, log sigma], reverse [mu − 0.5, log sigma].
 */
export function fitGaussians(lib: FitLibrary, target: BimodalTarget): FitResult {
  const { it, minimize } = lib;
  const { mu, sigma } = target;
  if (!(mu >= 0 && Number.isFinite(mu))) throw new RangeError(`fitGaussians: mu must be a finite number ≥ 0, got ${mu}`);
  if (!(sigma > 0 && Number.isFinite(sigma))) throw new RangeError(`fitGaussians: sigma must be a finite number > 0, got ${sigma}`);
  const n = target.n ?? 2001;
  const half = target.half ?? Math.max(8, mu + 5 * sigma);
  const x = linspace(-half, half, n);
  const dx = (2 * half) / (n - 1);
  const spacing = { dx };
  const raw = bimodalPdf(x, mu, sigma);
  const zp = it.trapezoid(raw, spacing);
  const p = raw.map((v) => v / zp);
  const opts = { normalize: true, epsilon: 1e-12 };
  const q = (t: Float64Array) => gaussianPdf(x, t[0], Math.exp(t[1]));
  const forwardKl = (t: Float64Array) => it.klDivergenceGrid(p, q(t), spacing, opts);
  const reverseKl = (t: Float64Array) => it.klDivergenceGrid(q(t), p, spacing, opts);
  const tight = { method: "nelder-mead" as const, xatol: 1e-8, fatol: 1e-12, maxIterations: 2000, maxFunctionEvaluations: 4000 };
  const f = minimize(forwardKl, [0.5, Math.log(sigma)], tight);
  const r = minimize(reverseKl, [mu - 0.5, Math.log(sigma)], tight);
  const fitted = (t: Float64Array, kl: number, nfev: number): GaussianFit => {
    const d = q(t);
    const z = it.trapezoid(d, spacing);
    const dens = d.map((v) => v / z);
    return { m: t[0], sigma: Math.exp(t[1]), ...gridMoments(it, x, dens, dx), kl, nfev, q: dens };
  };
  const tm = gridMoments(it, x, p, dx);
  return { x, dx, p, targetMean: tm.mean, targetSd: tm.sd, forward: fitted(f.x, f.fun, f.nfev), reverse: fitted(r.x, r.fun, r.nfev) };
}
