/** Nelder–Mead: the same steps as scipy.optimize.minimize(method="Nelder-Mead") on Rosenbrock. */
import { describe, expect, it } from "vitest";
import { minimize } from "../src/index.js";
import { nelderMead } from "./reference/grids.js";

/** scipy.optimize.rosen: Σ 100 (x_{i+1} − x_i²)² + (1 − x_i)². */
const rosen = (x: Float64Array) => {
  let s = 0;
  for (let i = 0; i + 1 < x.length; i++) s += 100 * (x[i + 1] - x[i] * x[i]) ** 2 + (1 - x[i]) ** 2;
  return s;
};

describe("minimize (Nelder–Mead)", () => {
  for (const c of nelderMead) {
    it(c.source, () => {
      const r = minimize(rosen, c.x0, { method: "nelder-mead", xatol: c.xatol, fatol: c.fatol, maxIterations: c.maxiter, maxFunctionEvaluations: c.maxiter });
      expect(r.success).toBe(true);
      expect(r.nit).toBe(c.nit);
      expect(r.nfev).toBe(c.nfev);
      for (let i = 0; i < c.x.length; i++) expect(Math.abs(r.x[i] - c.x[i])).toBeLessThan(1e-12);
      expect(Math.abs(r.fun - c.fun)).toBeLessThan(1e-15);
      for (let i = 0; i < c.x.length; i++) expect(Math.abs(r.x[i] - 1)).toBeLessThan(c.xatol ? 1e-6 : 1e-3);
    });
  }

  it("limits, initial simplex, adaptive, errors", () => {
    const r = minimize(rosen, [-1.2, 1], { maxIterations: 10 });
    expect(r.status).toBe(2);
    expect(r.success).toBe(false);
    expect(minimize(rosen, [-1.2, 1], { maxFunctionEvaluations: 20 }).status).toBe(1);
    const s = minimize(rosen, [0, 0], { initialSimplex: [[0, 0], [0.5, 0], [0, 0.5]], xatol: 1e-10, fatol: 1e-12, maxIterations: 2000 });
    expect(Math.abs(s.x[0] - 1)).toBeLessThan(1e-6);
    const a = minimize(rosen, [1.3, 0.7, 0.8, 1.9, 1.2, 0.5, 1.1, 0.9], { adaptive: true, xatol: 1e-8, fatol: 1e-10, maxIterations: 20000, maxFunctionEvaluations: 20000 });
    expect(a.fun).toBeLessThan(1e-8);
    expect(() => minimize(rosen, [0, 0], { method: "bfgs" as never })).toThrow(/method must be "nelder-mead"/);
    expect(() => minimize(rosen, [0, NaN])).toThrow(/x0\[1\] is NaN/);
    expect(() => minimize(rosen, [0, 0], { initialSimplex: [[0, 0]] })).toThrow(/n \+ 1 = 3 vertices/);
  });
});
