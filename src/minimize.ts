/**
 * Derivative-free minimisation by the Nelder–Mead simplex method, step for step as
 * `scipy.optimize.minimize(f, x0, method="Nelder-Mead")` (SciPy 1.17 `_minimize_neldermead`):
 * reflection 1, expansion 2, contraction ½, shrink ½ (or the dimension-adaptive coefficients
 * with `adaptive: true`); initial simplex x0 plus each coordinate scaled by 1.05 (0.00025 where it
 * is 0); stops when max |x_i − x_0| ≤ xatol and max |f_i − f_0| ≤ fatol (both 1e-4), or after
 * maxIterations / maxFunctionEvaluations (both 200·n by default).
 */
import type { Vector } from "./types.js";
import { describe, vectorArg } from "./validate.js";

export interface MinimizeOptions {
  /** Only "nelder-mead" (the default). */
  method?: "nelder-mead";
  /** Iteration limit (default 200·n). */
  maxIterations?: number;
  /** Function-evaluation limit (default 200·n). */
  maxFunctionEvaluations?: number;
  /** Absolute tolerance on the simplex vertices (default 1e-4). */
  xatol?: number;
  /** Absolute tolerance on the function values (default 1e-4). */
  fatol?: number;
  /** n + 1 starting vertices of n coordinates each (replaces the default simplex around x0). */
  initialSimplex?: readonly Vector[];
  /** Dimension-adaptive coefficients (Gao & Han 2012), as SciPy's `adaptive=True`. Default false. */
  adaptive?: boolean;
}

export interface MinimizeResult {
  /** The best vertex. */
  x: Float64Array;
  /** f(x). */
  fun: number;
  /** Iterations (counted as SciPy counts them). */
  nit: number;
  /** Function evaluations. */
  nfev: number;
  /** 0 converged, 1 evaluation limit, 2 iteration limit. */
  status: 0 | 1 | 2;
  success: boolean;
  message: string;
  /** The final simplex (n + 1 vertices, best first) and its function values. */
  finalSimplex: { vertices: Float64Array[]; values: Float64Array };
}

class LimitReached extends Error {}

export function minimize(f: (x: Float64Array) => number, x0: Vector, opts: MinimizeOptions = {}): MinimizeResult {
  const fn = "minimize";
  if (typeof f !== "function") throw new TypeError(`${fn}: f must be a function, got ${describe(f)}`);
  const method = opts.method ?? "nelder-mead";
  if (typeof method !== "string" || method.toLowerCase() !== "nelder-mead")
    throw new RangeError(`${fn}: method must be "nelder-mead", got ${String(method)}`);
  const start = Float64Array.from(vectorArg(fn, "x0", x0).data);
  const n = start.length;
  for (let i = 0; i < n; i++) if (!Number.isFinite(start[i])) throw new RangeError(`${fn}: x0[${i}] is ${start[i]}; it must be finite`);
  const num = (name: string, v: unknown, fallback: number): number => {
    if (v === undefined) return fallback;
    if (typeof v !== "number" || !(v >= 0)) throw new RangeError(`${fn}: ${name} must be a number ≥ 0, got ${describe(v)}`);
    return v;
  };
  const xatol = num("xatol", opts.xatol, 1e-4);
  const fatol = num("fatol", opts.fatol, 1e-4);
  let maxiter = opts.maxIterations;
  let maxfun = opts.maxFunctionEvaluations;
  if (maxiter === undefined && maxfun === undefined) maxiter = maxfun = 200 * n;
  else if (maxiter === undefined) maxiter = maxfun === Infinity ? 200 * n : Infinity;
  else if (maxfun === undefined) maxfun = maxiter === Infinity ? 200 * n : Infinity;
  num("maxIterations", maxiter, 0);
  num("maxFunctionEvaluations", maxfun, 0);
  const maxIter = maxiter as number;
  const maxFun = maxfun as number;

  const adaptive = opts.adaptive === true;
  const rho = 1;
  const chi = adaptive ? 1 + 2 / n : 2;
  const psi = adaptive ? 0.75 - 1 / (2 * n) : 0.5;
  const sigma = adaptive ? 1 - 1 / n : 0.5;

  let sim: Float64Array[] = [];
  if (opts.initialSimplex === undefined) {
    sim.push(Float64Array.from(start));
    for (let k = 0; k < n; k++) {
      const y = Float64Array.from(start);
      y[k] = y[k] !== 0 ? 1.05 * y[k] : 0.00025;
      sim.push(y);
    }
  } else {
    const s = opts.initialSimplex;
    if (!Array.isArray(s) || s.length !== n + 1) throw new RangeError(`${fn}: initialSimplex must have n + 1 = ${n + 1} vertices`);
    s.forEach((v, i) => {
      const p = Float64Array.from(vectorArg(fn, `initialSimplex[${i}]`, v).data);
      if (p.length !== n) throw new RangeError(`${fn}: initialSimplex[${i}] has length ${p.length} but x0 has ${n}`);
      sim.push(p);
    });
  }

  let nfev = 0;
  const call = (x: Float64Array): number => {
    if (nfev >= maxFun) throw new LimitReached();
    nfev++;
    const v = f(Float64Array.from(x));
    if (typeof v !== "number") throw new TypeError(`${fn}: f must return a number, got ${describe(v)}`);
    return v;
  };

  let fsim = new Float64Array(n + 1).fill(Infinity);
  const sortSimplex = () => {
    const idx = Array.from({ length: n + 1 }, (_, i) => i).sort((a, b) => cmp(fsim[a], fsim[b]));
    sim = idx.map((i) => sim[i]);
    fsim = Float64Array.from(idx, (i) => fsim[i]);
  };
  try {
    for (let k = 0; k <= n; k++) fsim[k] = call(sim[k]);
  } catch (e) {
    if (!(e instanceof LimitReached)) throw e;
  }
  sortSimplex();

  const comb = (a: number, p: Float64Array, b: number, q: Float64Array) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = a * p[i] + b * q[i];
    return out;
  };

  let iterations = 1;
  while (nfev < maxFun && iterations < maxIter) {
    let xspread = 0;
    let fspread = 0;
    for (let j = 1; j <= n; j++) {
      for (let i = 0; i < n; i++) xspread = Math.max(xspread, Math.abs(sim[j][i] - sim[0][i]));
      fspread = Math.max(fspread, Math.abs(fsim[0] - fsim[j]));
    }
    if (xspread <= xatol && fspread <= fatol) break;
    try {
      const xbar = new Float64Array(n);
      for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) xbar[i] += sim[j][i];
      for (let i = 0; i < n; i++) xbar[i] /= n;
      const worst = sim[n];
      const xr = comb(1 + rho, xbar, -rho, worst);
      const fxr = call(xr);
      let doshrink = false;
      if (fxr < fsim[0]) {
        const xe = comb(1 + rho * chi, xbar, -rho * chi, worst);
        const fxe = call(xe);
        if (fxe < fxr) {
          sim[n] = xe;
          fsim[n] = fxe;
        } else {
          sim[n] = xr;
          fsim[n] = fxr;
        }
      } else if (fxr < fsim[n - 1]) {
        sim[n] = xr;
        fsim[n] = fxr;
      } else if (fxr < fsim[n]) {
        const xc = comb(1 + psi * rho, xbar, -psi * rho, worst);
        const fxc = call(xc);
        if (fxc <= fxr) {
          sim[n] = xc;
          fsim[n] = fxc;
        } else doshrink = true;
      } else {
        const xcc = comb(1 - psi, xbar, psi, worst);
        const fxcc = call(xcc);
        if (fxcc < fsim[n]) {
          sim[n] = xcc;
          fsim[n] = fxcc;
        } else doshrink = true;
      }
      if (doshrink)
        for (let j = 1; j <= n; j++) {
          const v = new Float64Array(n);
          for (let i = 0; i < n; i++) v[i] = sim[0][i] + sigma * (sim[j][i] - sim[0][i]);
          sim[j] = v;
          fsim[j] = call(sim[j]);
        }
      iterations++;
    } catch (e) {
      if (!(e instanceof LimitReached)) throw e;
    }
    sortSimplex();
  }

  let fval = Infinity;
  for (const v of fsim) fval = Math.min(fval, v);
  let status: 0 | 1 | 2 = 0;
  let message = "Optimization terminated successfully.";
  if (nfev >= maxFun) {
    status = 1;
    message = "Maximum number of function evaluations has been exceeded.";
  } else if (iterations >= maxIter) {
    status = 2;
    message = "Maximum number of iterations has been exceeded.";
  }
  return {
    x: Float64Array.from(sim[0]),
    fun: fval,
    nit: iterations,
    nfev,
    status,
    success: status === 0,
    message,
    finalSimplex: { vertices: sim.map((v) => Float64Array.from(v)), values: Float64Array.from(fsim) },
  };
}

/** Ascending order with NaN last (as numpy.argsort). */
function cmp(a: number, b: number): number {
  if (a !== a) return b !== b ? 0 : 1;
  if (b !== b) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}
