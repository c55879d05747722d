/**
 * Permutation, sample and approximate entropy against independent brute-force NumPy
 * implementations written from the definitions (test/reference/complexity.py → .ts: white noise,
 * AR(1), sine, logistic map, integer data with ties; several orders, delays, m and r), the worked
 * example of Bandt & Pompe (2002), Wikipedia's approximate-entropy example (recomputed), closed
 * forms, bad input and memory. Every backend.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine.js";
import { backendOf } from "../src/facade.js";
import { init } from "../src/index.js";
import { BACKENDS, close, engine, rng, throws } from "./backends.js";
import { BANDT_POMPE_NATS, PERM, SERIES, TEMPLATES, WIKIPEDIA_APEN } from "./reference/complexity.js";

const LN_FACT = (d: number) => {
  let s = 0;
  for (let k = 2; k <= d; k++) s += Math.log(k);
  return s;
};

describe.each(BACKENDS)("complexity (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(backend);
  });

  it("Bandt & Pompe (2002) worked example: x = (4, 7, 9, 10, 6, 11, 3), order 3", () => {
    // the paper: H = −2·(2/5) log2(2/5) − (1/5) log2(1/5) ≈ 1.5219 bits
    const paper = -2 * (2 / 5) * Math.log2(2 / 5) - (1 / 5) * Math.log2(1 / 5);
    const x = [4, 7, 9, 10, 6, 11, 3];
    expect(close(e.permutationEntropy(x, { base: "bits" }), paper, 1e-14)).toBe(true);
    expect(paper).toBeCloseTo(1.5219, 4);
    expect(close(e.permutationEntropy(x), BANDT_POMPE_NATS, 1e-14)).toBe(true);
    expect(close(e.permutationEntropy(x, { normalize: true }), paper / Math.log2(6), 1e-14)).toBe(true);
    // float32 input: the values convert exactly
    expect(close(e.permutationEntropy(Float32Array.from(x), { base: 2 }), paper, 1e-14)).toBe(true);
  });

  it("permutation entropy = the NumPy brute force (stable argsort) on every series, order, delay", () => {
    for (const c of PERM) {
      const x = SERIES[c.series];
      const h = e.permutationEntropy(x, { order: c.order, delay: c.delay });
      expect(close(h, c.h, 1e-12), `${c.series} ${c.order} ${c.delay}: ${h} vs ${c.h}`).toBe(true);
      const hn = e.permutationEntropy(x, { order: c.order, delay: c.delay, normalize: true });
      expect(close(hn, c.norm, 1e-12)).toBe(true);
      expect(close(e.permutationEntropy(x, { order: c.order, delay: c.delay, base: "bits" }), c.h / Math.LN2, 1e-12)).toBe(true);
    }
  });

  it("sample and approximate entropy = the NumPy brute force (default and given r, m = 1 … 3)", () => {
    for (const c of TEMPLATES) {
      const x = SERIES[c.series];
      const opts = { m: c.m, r: c.r };
      const se = e.sampleEntropy(x, opts);
      if (c.sampen === Infinity) expect(se).toBe(Infinity);
      else expect(close(se, c.sampen, 1e-12), `${c.series} m=${c.m} r=${c.r}: ${se} vs ${c.sampen}`).toBe(true);
      const ae = e.approximateEntropy(x, opts);
      expect(close(ae, c.apen, 1e-11, 1e-14), `${c.series} m=${c.m} r=${c.r}: ${ae} vs ${c.apen}`).toBe(true);
      // the counts themselves (exact integers)
      const r = c.r ?? 0.2 * std(x);
      const counts = e[backendOf]().templateMatches(Float64Array.from(x), 1, x.length, c.m, Float64Array.of(r), 0, 0, x.length - c.m);
      expect([counts[0], counts[1]]).toEqual([c.B, c.A]);
      if (c.sampen !== Infinity) expect(close(e.sampleEntropy(x, { ...opts, base: 2 }), c.sampen / Math.LN2, 1e-12)).toBe(true);
      expect(close(e.approximateEntropy(x, { ...opts, base: 10 }), c.apen / Math.LN10, 1e-11, 1e-14)).toBe(true);
    }
  });

  it("Wikipedia's approximate-entropy example: u = [85, 80, 89] × 17, m = 2, r = 3", () => {
    const u: number[] = [];
    for (let i = 0; i < 17; i++) u.push(85, 80, 89);
    // recomputed by the brute force (test/reference/complexity.py): −1.0997e-5; Wikipedia prints its magnitude 1.0997e-5
    const a = e.approximateEntropy(u, { r: 3 });
    expect(close(a, WIKIPEDIA_APEN, 1e-9)).toBe(true);
    expect(Math.abs(a)).toBeCloseTo(1.0997e-5, 9);
  });

  it("closed forms: monotone → 0, iid noise → ln(order!), uniform SampEn → −ln(2r − r²), periodic ApEn ≈ 0", () => {
    const up = Float64Array.from({ length: 1000 }, (_, i) => i * 0.5 - 3);
    const down = Float64Array.from(up, (v) => -v * v);
    for (const order of [2, 3, 5, 7]) {
      expect(e.permutationEntropy(up, { order })).toBe(0);
      expect(e.permutationEntropy(down.subarray(10), { order, delay: 2 })).toBe(0);
    }
    const g = rng(41);
    const noise = Float64Array.from({ length: 200000 }, () => g());
    for (const order of [3, 4, 5]) {
      // iid continuous: every pattern has probability 1/order!; the plug-in bias is ≈ −(order! − 1)/(2n) and the sd ~1e-3
      expect(Math.abs(e.permutationEntropy(noise, { order }) - LN_FACT(order))).toBeLessThan(0.005);
    }
    // iid uniform[0,1): P(|U − V| ≤ r) = 2r − r², independent coordinates, so A/B → 2r − r²
    const u = noise.subarray(0, 20000);
    const r = 0.2;
    expect(Math.abs(e.sampleEntropy(u, { r }) - -Math.log(2 * r - r * r))).toBeLessThan(0.03);
    // a periodic series: every template of length m + 1 is determined by its first m points
    const p = Float64Array.from({ length: 600 }, (_, i) => [0.1, 0.9, 0.4, 0.7][i % 4]);
    expect(Math.abs(e.approximateEntropy(p, { r: 0.05 }))).toBeLessThan(0.01);
    expect(e.sampleEntropy(p, { r: 0.05 })).toBeCloseTo(0, 12); // A/B = (pairs at m + 1)/(pairs at m) = 1 up to the end effect
  });

  it("matrices: one value per row, = per-row calls; a given r applies to every row, the default is per row", () => {
    const names = Object.keys(SERIES).filter((k) => SERIES[k].length === 300);
    const cols = 300;
    const data = new Float64Array(names.length * cols);
    names.forEach((k, i) => data.set(SERIES[k], i * cols));
    const X = { data, rows: names.length, cols };
    for (const [f, opts] of [
      ["permutationEntropy", { order: 4, delay: 2 }],
      ["sampleEntropy", {}],
      ["sampleEntropy", { r: 0.3, m: 3 }],
      ["approximateEntropy", {}],
      ["approximateEntropy", { r: 0.3 }],
    ] as const) {
      const call = (e as unknown as Record<string, (x: unknown, o: unknown) => number | Float64Array>)[f].bind(e);
      const all = call(X, opts) as Float64Array;
      expect(all).toBeInstanceOf(Float64Array);
      names.forEach((k, i) => expect(all[i], `${f} ${k}`).toBe(call(SERIES[k], opts)));
    }
    // float32 matrix: the same values as its float64 conversion
    const f32 = Float32Array.from(data);
    const X32 = { data: f32, rows: names.length, cols };
    const X64 = { data: Float64Array.from(f32), rows: names.length, cols };
    expect(Array.from(e.sampleEntropy(X32))).toEqual(Array.from(e.sampleEntropy(X64)));
    expect(Array.from(e.approximateEntropy(X32))).toEqual(Array.from(e.approximateEntropy(X64)));
    expect(Array.from(e.permutationEntropy(X32))).toEqual(Array.from(e.permutationEntropy(X64)));
  });

  it("zero-copy input (it.allocate) gives the same values, read in place", () => {
    const x = Float64Array.from(SERIES.ar1);
    const z = e.allocate(x.length);
    z.set(x);
    expect(e.sampleEntropy(z)).toBe(e.sampleEntropy(x));
    expect(e.approximateEntropy(z, { m: 3 })).toBe(e.approximateEntropy(x, { m: 3 }));
    expect(e.permutationEntropy(z, { order: 4 })).toBe(e.permutationEntropy(x, { order: 4 }));
    const Z = { data: z, rows: 4, cols: 100 };
    const X = { data: x, rows: 4, cols: 100 };
    expect(Array.from(e.permutationEntropy(Z))).toEqual(Array.from(e.permutationEntropy(X)));
    expect(Array.from(e.sampleEntropy(Z))).toEqual(Array.from(e.sampleEntropy(X)));
    e.release(z);
  });

  it("zero-copy input stays right when the call grows WASM memory (its address is taken first)", async () => {
    const f = await init({ backend });
    const g = rng(77);
    const x = Float64Array.from({ length: 20000 }, () => g());
    const want = e.permutationEntropy(x, { order: 10 });
    const wantS = e.sampleEntropy(x, { m: 7, r: 0.3 });
    const z = f.allocate(x.length);
    z.set(x);
    const before = f.memoryBytes();
    expect(f.sampleEntropy(z, { m: 7, r: 0.3 })).toBe(wantS);
    expect(f.permutationEntropy(z, { order: 10 })).toBe(want); // a 10! table (29 MB): memory grows during the call
    if (backend !== "js") expect(f.memoryBytes()).toBeGreaterThan(before);
    f.close();
  });

  it("A = 0 gives Infinity; B = 0 is a RangeError", () => {
    const x = [0, 10, 20, 30, 0.5, 45]; // templates (0,10), (10,20), (20,30), (30,0.5): no pair within 0.1
    const y = [0, 0, 5, 0, 0, 9];
    // templates (0,0),(0,5),(5,0),(0,0): B = 1 pair ((0,0) at 0 and 3); A: (0,0,5) vs (0,0,9) differ by 4 > r
    expect(e.sampleEntropy(y, { r: 1 })).toBe(Infinity);
    throws(() => e.sampleEntropy(x, { r: 0.1 }), RangeError, "sampleEntropy", "B = 0", "r");
  });

  it("bad input: errors name the function, the argument, the index; memory flat afterwards", () => {
    const x = Float64Array.from({ length: 50 }, (_, i) => Math.sin(i));
    const before = e.memoryBytes();
    for (let rep = 0; rep < 3; rep++) {
      throws(() => e.permutationEntropy(x, { order: 1 }), RangeError, "permutationEntropy", "order");
      throws(() => e.permutationEntropy(x, { order: 2.5 }), TypeError, "permutationEntropy", "order");
      throws(() => e.permutationEntropy(x, { order: 11 }), RangeError, "permutationEntropy", "order", "≤ 10");
      throws(() => e.permutationEntropy(x, { delay: 0 }), RangeError, "permutationEntropy", "delay");
      throws(() => e.permutationEntropy(x, { normalize: 1 as unknown as boolean }), TypeError, "normalize");
      throws(() => e.permutationEntropy([1, 2], { order: 3 }), RangeError, "permutationEntropy", "fewer than one pattern");
      throws(() => e.permutationEntropy(x, { order: 3, delay: 25 }), RangeError, "fewer than one pattern");
      throws(() => e.permutationEntropy([1, 2, NaN, 4], {}), RangeError, "permutationEntropy", "x[2]");
      throws(() => e.permutationEntropy({ data: Float64Array.of(1, 2, 3, 4, Infinity, 6), rows: 2, cols: 3 }), RangeError, "x.data[4] (row 1, column 1)");
      for (const f of ["sampleEntropy", "approximateEntropy"] as const) {
        throws(() => e[f](x, { m: 0 }), RangeError, f, "m");
        throws(() => e[f](x, { m: 1.5 }), TypeError, f, "m");
        throws(() => e[f](x, { r: 0 }), RangeError, f, "r");
        throws(() => e[f](x, { r: -1 }), RangeError, f, "r");
        throws(() => e[f](x, { r: NaN }), RangeError, f, "r");
        throws(() => e[f](x, { r: Infinity }), RangeError, f, "r");
        throws(() => e[f](x, { r: "1" as unknown as number }), TypeError, f, "r");
        throws(() => e[f]([1, 2, 3], { m: 2 }), RangeError, f, "m + 2");
        throws(() => e[f]([1, 2, 3, -Infinity, 5], {}), RangeError, f, "x[3]");
        throws(() => e[f]([2, 2, 2, 2, 2], {}), RangeError, f, "constant");
        throws(() => e[f]({ data: Float64Array.of(1, 2, 3, 4, 7, 7, 7, 7), rows: 2, cols: 4 }, {}), RangeError, f, "row 1 of x", "constant");
        throws(() => e[f]("abc" as unknown as number[], {}), TypeError, f, "x");
        throws(() => e[f](x, { base: 1 }), RangeError, f, "base");
      }
    }
    // the engine still works and holds no more memory
    expect(e.sampleEntropy(x)).toBeGreaterThan(0);
    expect(e.approximateEntropy(x)).toBeGreaterThan(0);
    expect(e.permutationEntropy(x)).toBeGreaterThan(0);
    const after = e.memoryBytes();
    for (let rep = 0; rep < 5; rep++) {
      e.sampleEntropy(x);
      e.approximateEntropy(x);
      e.permutationEntropy(x, { order: 5 });
      expect(() => e.sampleEntropy(x, { r: -1 })).toThrow();
    }
    expect(e.memoryBytes()).toBe(after);
    expect(after).toBeGreaterThanOrEqual(before);
  });
});

function std(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const m = s / x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - m) * (x[i] - m);
  return Math.sqrt(v / x.length);
}
