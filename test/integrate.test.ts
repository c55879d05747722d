/**
 * Grid integration: trapezoid, Simpson (SciPy ≥ 1.11 even-n rule), cumulative trapezoid and the
 * iterated 2-D rule against SciPy values (test/reference/grids.py), convergence orders, parity
 * of every backend on long rows (split into segments) and float32 input, and the error cases.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, close, engine, rng } from "./backends.js";
import type { Engine } from "../src/engine.js";
import type { Matrix } from "../src/types.js";
import { batch, cumulative, integration, trapezoid2d } from "./reference/grids.js";

const near = (got: number, want: number, rel = 1e-12, abs = 1e-14) => {
  if (!close(got, want, rel, abs)) throw new Error(`got ${got}, want ${want} (relative ${(got - want) / want})`);
};
const nearAll = (got: ArrayLike<number>, want: ArrayLike<number>, rel = 1e-12, abs = 1e-14) => {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) near(got[i], want[i], rel, abs);
};

/** Slope of log(err) against log(h) by least squares. */
function slope(hs: number[], errs: number[]): number {
  const X = hs.map(Math.log);
  const Y = errs.map(Math.log);
  const mx = X.reduce((a, b) => a + b) / X.length;
  const my = Y.reduce((a, b) => a + b) / Y.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < X.length; i++) {
    num += (X[i] - mx) * (Y[i] - my);
    den += (X[i] - mx) ** 2;
  }
  return num / den;
}

describe.each(BACKENDS)("integration on %s", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("trapezoid and simpson equal scipy.integrate on uniform and irregular grids (n = 2..1000)", () => {
    for (const c of integration) {
      near(e.trapezoid(c.y, { dx: c.dx }), c.trapezoidDx);
      near(e.trapezoid(c.y, { x: c.x }), c.trapezoidX);
      near(e.simpson(c.y, { dx: c.dx }), c.simpsonDx);
      near(e.simpson(c.y, { x: c.x }), c.simpsonX);
      // float32 input: the same integrals of the rounded samples (compared with float64 of those)
      const y32 = Float32Array.from(c.y);
      near(e.simpson(y32, { x: c.x }), e.simpson(Float64Array.from(y32), { x: c.x }));
      near(e.trapezoid(y32, { dx: c.dx }), e.trapezoid(Float64Array.from(y32), { dx: c.dx }));
    }
  });

  it("a matrix gives one integral per row (scipy axis=1)", () => {
    nearAll(e.trapezoid(batch.rows as number[][], { dx: batch.dx }), batch.trapezoidDx);
    nearAll(e.trapezoid(batch.rows as number[][], { x: batch.x }), batch.trapezoidX);
    nearAll(e.simpson(batch.rows as number[][], { dx: batch.dx }), batch.simpsonDx);
    nearAll(e.simpson(batch.rows as number[][], { x: batch.x }), batch.simpsonX);
  });

  it("cumulativeTrapezoid equals scipy.integrate.cumulative_trapezoid (initial None and 0)", () => {
    nearAll(e.cumulativeTrapezoid(cumulative.y, { dx: cumulative.dx }), cumulative.dxNoInitial);
    nearAll(e.cumulativeTrapezoid(cumulative.y, { x: cumulative.x }), cumulative.xNoInitial);
    nearAll(e.cumulativeTrapezoid(cumulative.y, { x: cumulative.x }, { initial: 0 }), cumulative.xInitial0);
    const m = e.cumulativeTrapezoid([cumulative.y, cumulative.y.map((v: number) => 2 * v)] as number[][], { x: cumulative.x });
    expect([m.rows, m.cols]).toEqual([2, cumulative.y.length - 1]);
    nearAll(m.data.subarray(m.cols), cumulative.xNoInitial.map((v: number) => 2 * v));
    // its last value is the trapezoid integral
    near(e.cumulativeTrapezoid(integration[9].y, { x: integration[9].x }).at(-1)!, integration[9].trapezoidX, 1e-13);
  });

  it("trapezoid2d equals SciPy's iterated trapezoid over meshgrid(x, y)", () => {
    near(e.trapezoid2d(trapezoid2d.z, { x: trapezoid2d.x, y: trapezoid2d.y }), trapezoid2d.xy);
    near(e.trapezoid2d(trapezoid2d.z, { dx: trapezoid2d.dx, dy: trapezoid2d.dy }), trapezoid2d.dxdy);
    // ∬ over [0,1]×[0,2] of x·y = 1 exactly (the rule is exact for bilinear integrands)
    const x = Array.from({ length: 11 }, (_, i) => i / 10);
    const y = Array.from({ length: 5 }, (_, i) => i / 2);
    const z = y.map((yy) => x.map((xx) => xx * yy));
    near(e.trapezoid2d(z, { x, dy: 0.5 }), 1);
  });

  it("Simpson is exact for quadratics (cubics on uniform odd grids), trapezoid for lines, on irregular grids with odd and even n", () => {
    for (const n of [3, 4, 5, 6, 9, 10]) {
      const r = rng(n);
      const x = [0];
      for (let i = 1; i < n; i++) x.push(x[i - 1] + 0.1 + r());
      const a = x[0];
      const b = x[n - 1];
      const cubic0 = (t: number) => 1 - 2 * t + 3 * t * t - 0.5 * t ** 3;
      const exactCubic = (t: number) => t - t * t + t ** 3 - 0.125 * t ** 4;
      // SciPy's irregular Simpson is exact for quadratics (and cubics on uniform grids)
      const quad = x.map((t) => 1 - 2 * t + 3 * t * t);
      near(e.simpson(quad, { x }), (b - b * b + b ** 3) - (a - a * a + a ** 3), 1e-12);
      const uniformCubic = Array.from({ length: n }, (_, i) => cubic0(0.25 * i));
      if (n % 2 === 1) near(e.simpson(uniformCubic, { dx: 0.25 }), exactCubic(0.25 * (n - 1)), 1e-12);
      near(e.trapezoid(x.map((t) => 2 * t + 1), { x }), b * b + b - (a * a + a), 1e-12);
    }
  });

  it("convergence: trapezoid error ∝ h², Simpson ∝ h⁴ on smooth integrands", () => {
    const hs: number[] = [];
    const et: number[] = [];
    const es: number[] = [];
    const exact = 1 - Math.cos(2); // ∫_0^2 sin
    for (const n of [17, 33, 65, 129, 257]) {
      const h = 2 / (n - 1);
      const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i * h));
      hs.push(h);
      et.push(Math.abs(e.trapezoid(y, { dx: h }) - exact));
      es.push(Math.abs(e.simpson(y, { dx: h }) - exact));
    }
    expect(Math.abs(slope(hs, et) - 2)).toBeLessThan(0.3);
    expect(Math.abs(slope(hs, es) - 4)).toBeLessThan(0.3);
    // even n (the Cartwright correction on the last interval keeps fourth order) on irregular x
    const hs2: number[] = [];
    const es2: number[] = [];
    for (const n of [16, 32, 64, 128]) {
      const x = Float64Array.from({ length: n }, (_, i) => 2 * Math.sin((Math.PI / 2) * (i / (n - 1))) ** 2 ** 1);
      const y = x.map(Math.exp);
      hs2.push(2 / (n - 1));
      es2.push(Math.abs(e.simpson(y, { x }) - (Math.exp(2) - 1)));
    }
    expect(Math.abs(slope(hs2, es2) - 4)).toBeLessThan(0.3);
  });

  it("long rows (more than one copy chunk) and many short rows agree with the JS reference", async () => {
    const js = await engine("js");
    const r = rng(99);
    const n = 200_001;
    const y = Float64Array.from({ length: n }, () => r() - 0.3);
    const x = new Float64Array(n);
    for (let i = 1; i < n; i++) x[i] = x[i - 1] + 0.5 + r();
    for (const sp of [{ dx: 0.01 }, { x }]) {
      near(e.trapezoid(y, sp), js.trapezoid(y, sp));
      near(e.simpson(y, sp), js.simpson(y, sp));
      nearAll(e.cumulativeTrapezoid(y, sp), js.cumulativeTrapezoid(y, sp), 1e-12, 1e-9);
    }
    const m: Matrix = { data: Float32Array.from({ length: 3 * 70_001 }, () => r()), rows: 3, cols: 70_001 };
    nearAll(e.simpson(m, { dx: 0.5 }), js.simpson(m, { dx: 0.5 }));
    const many: Matrix = { data: Float64Array.from({ length: 5000 * 33 }, () => r()), rows: 5000, cols: 33 };
    nearAll(e.trapezoid(many, { dx: 0.5 }), js.trapezoid(many, { dx: 0.5 }));
    nearAll(e.cumulativeTrapezoid(many, { dx: 0.5 }).data, js.cumulativeTrapezoid(many, { dx: 0.5 }).data);
  });

  it("NaN propagates as in SciPy (no validation of integrands)", () => {
    expect(e.trapezoid([1, NaN, 3], { dx: 1 })).toBeNaN();
    expect(e.simpson([1, 2, Infinity], { dx: 1 })).toBe(Infinity);
    expect(e.trapezoid([1, -Infinity, 2, 5], { dx: 1 })).toBe(-Infinity);
    expect(e.simpson([1, Infinity, 2, -Infinity], { dx: 1 })).toBeNaN();
  });

  it("errors: non-finite x or dx, length mismatch, bad spacing and options (any finite x or dx is SciPy's: test/integrate-scipy.test.ts)", () => {
    expect(() => e.simpson([1, 2, 3], { x: [0, NaN, 1] })).toThrow(/x\[1\] is NaN/);
    expect(() => e.trapezoid([1, 2, 3], { x: [0, 1] })).toThrow(/x has length 2 but a row has 3 points/);
    expect(() => e.trapezoid([1, 2], { dx: NaN })).toThrow(/trapezoid: dx must be a finite number, got NaN/);
    expect(() => e.trapezoid([1, 2], { dx: 1, x: [0, 1] } as never)).toThrow(TypeError);
    expect(() => e.trapezoid([1, 2], {} as never)).toThrow(/exactly one of dx/);
    expect(() => e.cumulativeTrapezoid([1, 2], { dx: 1 }, { initial: 1 as 0 })).toThrow(/initial must be 0/);
    expect(() => e.trapezoid2d([[1, 2], [3, 4]], { dx: 1, y: [0, 1, 2] })).toThrow(/y has length 3 but a column of z has 2/);
    // the engine stays usable and its memory unchanged after a failure
    const before = e.memoryBytes();
    expect(e.trapezoid([1, 2, 3], { dx: 1 })).toBe(4);
    expect(e.memoryBytes()).toBe(before);
  });
});
