/**
 * Transfer entropy and active information storage of real series by nearest neighbours
 * (method "knn"): values from scipy.spatial.cKDTree (test/reference/dynamics_knn.py, written from
 * the definitions) and the closed forms of linear Gaussian processes (same file's docstring).
 */
import { describe, expect, it } from "vitest";
import { BACKENDS, close, engine, throws } from "./backends.js";
import { Random } from "../src/random.js";
import { aisCases, ar1Series, closedForms, coupledX, coupledY, teCases } from "./reference/dynamics-knn.js";

/** x iid N(0, 1), y_t = a y_{t−1} + c x_{t−1} + s e_t (the closed form's process; data only, drawn here). */
function coupled(n: number, a: number, c: number, s: number, seed: number): [Float64Array, Float64Array] {
  const r = new Random(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let t = 0; t < n; t++) x[t] = r.normal();
  for (let t = 1; t < n; t++) y[t] = a * y[t - 1] + c * x[t - 1] + s * r.normal();
  return [x, y];
}

describe.each(BACKENDS)("transfer entropy by kNN (%s)", (name) => {
  it("equals the cKDTree Frenzel–Pompe values for every k, l, lag and neighbour count", async () => {
    const e = await engine(name);
    for (const c of teCases) {
      const opts = { method: "knn" as const, k: c.k, l: c.l, lag: c.lag, neighbors: c.neighbors };
      expect(close(e.transferEntropy(coupledX, coupledY, opts), c.te, 1e-12, 1e-13), c.name).toBe(true);
      expect(close(e.transferEntropy(coupledY, coupledX, opts), c.reverse, 1e-12, 1e-13), c.name).toBe(true);
    }
  });

  it("active information storage equals the cKDTree KSG values", async () => {
    const e = await engine(name);
    for (const c of aisCases) expect(close(e.activeInformationStorage(ar1Series, { method: "knn", k: c.k, neighbors: c.neighbors }), c.ais, 1e-12, 1e-13)).toBe(true);
  });

  it("approaches ½ ln(1 + c²/s²) for coupled Gaussian processes, and 0 the other way", async () => {
    const e = await engine(name);
    const { a, c, s } = closedForms;
    const [x, y] = coupled(3000, a, c, s, 7);
    expect(Math.abs(e.transferEntropy(x, y, { method: "knn" }) - closedForms.te)).toBeLessThan(0.05);
    expect(Math.abs(e.transferEntropy(y, x, { method: "knn" }))).toBeLessThan(0.03);
    // base 2: the same estimate in bits
    expect(close(e.transferEntropy(x, y, { method: "knn", base: 2 }), e.transferEntropy(x, y, { method: "knn" }) / Math.LN2, 1e-14)).toBe(true);
  });

  it("active information storage approaches −½ ln(1 − φ²) for an AR(1) process", async () => {
    const e = await engine(name);
    const r = new Random(3);
    const phi = closedForms.phi;
    const x = new Float64Array(3000);
    for (let t = 1; t < x.length; t++) x[t] = phi * x[t - 1] + r.normal();
    expect(Math.abs(e.activeInformationStorage(x, { method: "knn" }) - closedForms.ais)).toBeLessThan(0.05);
  });

  it("a matrix of series gives one value per row, equal to the calls row by row", async () => {
    const e = await engine(name);
    const n = coupledX.length;
    const src = { data: new Float64Array(2 * n), rows: 2, cols: n };
    const tgt = { data: new Float64Array(2 * n), rows: 2, cols: n };
    src.data.set(coupledX, 0);
    src.data.set(coupledY, n);
    tgt.data.set(coupledY, 0);
    tgt.data.set(coupledX, n);
    const got = e.transferEntropy(src, tgt, { method: "knn" });
    expect(Array.from(got)).toEqual([e.transferEntropy(coupledX, coupledY, { method: "knn" }), e.transferEntropy(coupledY, coupledX, { method: "knn" })]);
  });

  it("the permutation test finds the coupling and not the reverse; its surrogates permute the source's past", async () => {
    const e = await engine(name);
    const t = e.transferEntropyTest(coupledX, coupledY, { method: "knn", permutations: 49, seed: 5 });
    expect(t.method).toBe("permutation");
    expect(t.permutations).toBe(49);
    expect(t.statistic).toBe(e.transferEntropy(coupledX, coupledY, { method: "knn" }));
    expect(t.pValue).toBe(1 / 50);
    const u = e.transferEntropyTest(coupledY, coupledX, { method: "knn", permutations: 49, seed: 5 });
    expect(u.pValue).toBeGreaterThan(0.05);
    // the same seed, the same p-value
    expect(e.transferEntropyTest(coupledY, coupledX, { method: "knn", permutations: 49, seed: 5 }).pValue).toBe(u.pValue);
  });

  it("names the argument of bad input", async () => {
    const e = await engine(name);
    const x = coupledX.subarray(0, 10);
    throws(() => e.transferEntropy(x, x, { method: "knn", neighbors: 0 }), RangeError, "transferEntropy", "neighbors");
    throws(() => e.transferEntropy(x, x, { method: "knn", neighbors: 9 }), RangeError, "transferEntropy", "neighbors");
    throws(() => e.transferEntropy(Float64Array.of(1, NaN, 2, 3, 4, 5, 6), Float64Array.of(1, 2, 3, 4, 5, 6, 7), { method: "knn", neighbors: 1 }), RangeError, "transferEntropy", "source[1]");
    throws(() => e.activeInformationStorage(x, { method: "knn", k: 0 }), RangeError, "activeInformationStorage", "k");
    const before = e.memoryBytes();
    for (let i = 0; i < 3; i++) e.transferEntropy(coupledX, coupledY, { method: "knn" });
    expect(e.memoryBytes()).toBe(before);
  });
});
