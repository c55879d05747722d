/**
 * Properties of the histogram family (fast-check), streaming state, and parity of both WASM
 * builds with the JS reference on inputs that cross chunk boundaries and sit on bin edges.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, close, engine, rng } from "./backends.js";
import { gaussianPairs } from "../bench/random.js";
import type { Engine } from "../src/engine.js";

const arr = (a: ArrayLike<number>) => Array.from(a);
const sample = fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 300 });
// multiples of 1/1000 (many on bin edges), or doubles
const coord = fc.oneof(fc.integer({ min: -50_000, max: 50_000 }).map((i) => i / 1000), fc.double({ min: -50, max: 50, noNaN: true }).filter((v) => v === 0 || Math.abs(v) > 1e-300));
const pairs = fc.array(fc.tuple(coord, coord), { minLength: 2, maxLength: 300 });

describe.each(BACKENDS)("histogram properties (%s)", (name) => {
  let e: Engine;
  let js: Engine;
  beforeAll(async () => {
    e = await engine(name);
    js = await engine("js");
  });

  it("MI ≥ 0, symmetric under swapping x and y (bins swapped), counts transpose", () => {
    fc.assert(
      fc.property(pairs, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 12 }), (p, nx, ny) => {
        const x = p.map((q) => q[0]);
        const y = p.map((q) => q[1]);
        let a: number;
        try {
          a = e.histogramMutualInformation(x, y, { bins: [nx, ny] });
        } catch (err) {
          // NumPy too: a data range narrower than n representable steps (fast-check found x in [−49.99999999999991, −49.99999999999986], 8 bins)
          expect(String(err)).toMatch(/too many bins/);
          expect(() => e.histogramMutualInformation(y, x, { bins: [ny, nx] })).toThrow(/too many bins/);
          return;
        }
        const b = e.histogramMutualInformation(y, x, { bins: [ny, nx] });
        expect(a).toBeGreaterThanOrEqual(0);
        expect(close(a, b, 1e-12, 1e-15)).toBe(true);
        const h = e.histogram2d(x, y, { bins: [nx, ny] }).counts;
        const t = e.histogram2d(y, x, { bins: [ny, nx] }).counts;
        for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) expect(h[i * ny + j]).toBe(t[j * nx + i]);
      }),
      { numRuns: 60 },
    );
  });

  it("counts sum to the number of in-range samples; marginals of histogram2d are the 1-D histograms", () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 20 }), fc.double({ min: -60, max: 0, noNaN: true }), fc.double({ min: 0, max: 60, noNaN: true }), (x, n, lo, hi) => {
        let h;
        try {
          h = e.histogram(x, { bins: n, range: [lo, hi] });
        } catch (err) {
          expect(String(err)).toMatch(/too many bins/); // NumPy too: a range narrower than n representable steps
          return;
        }
        const [a, b] = lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi]; // NumPy widens a zero-width range
        const inside = x.filter((v) => v >= a && v <= b).length;
        expect(h.counts.reduce((s, c) => s + c, 0)).toBe(inside);
        const h2 = e.histogram2d(x, x, { bins: [n, 1], range: [[lo, hi], [-1000, 1000]] });
        expect(arr(h2.counts)).toEqual(arr(h.counts));
      }),
      { numRuns: 60 },
    );
  });

  it("quantile binning: MI invariant under strictly increasing transforms of x and y", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (seed, qx, qy) => {
        const [x, y] = gaussianPairs(500, 0.6, seed);
        const fx = x.map((v) => Math.exp(v));
        const fy = y.map((v) => v * v * v + 2 * v);
        const bins: [{ quantiles: number }, { quantiles: number }] = [{ quantiles: qx }, { quantiles: qy }];
        const a = e.histogram2d(x, y, { bins }).counts;
        const b = e.histogram2d(fx, fy, { bins }).counts;
        expect(arr(b)).toEqual(arr(a));
        expect(e.histogramMutualInformation(fx, fy, { bins })).toBe(e.histogramMutualInformation(x, y, { bins }));
      }),
      { numRuns: 25 },
    );
  });

  it("MI of independent labels columns vs a permutation-invariant target", () => {
    const [x, y] = gaussianPairs(2000, 0.9, 7);
    const X = { data: new Float64Array(2000 * 3), rows: 2000, cols: 3 };
    for (let i = 0; i < 2000; i++) [X.data[3 * i], X.data[3 * i + 1], X.data[3 * i + 2]] = [x[i], y[i], -x[i]];
    const mi = e.mutualInformationColumns(X, x, { bins: 16 });
    // column 0 is x itself: I(X; X) = H(binned X); column 2 is −x: same partition mirrored
    expect(close(mi[0], mi[2], 1e-12)).toBe(true);
    expect(close(mi[0], e.histogramMutualInformation(x, x, { bins: 16 }), 1e-12)).toBe(true);
    expect(close(mi[1], e.histogramMutualInformation(y, x, { bins: 16 }), 1e-12)).toBe(true);
    // relabelling the classes changes nothing
    const labels = Int32Array.from(x, (v) => (v > 0 ? 3 : v > -1 ? 7 : 1000));
    const relabelled = Int32Array.from(labels, (v) => ({ 3: 5, 7: 0, 1000: 2 })[v as 3 | 7 | 1000]);
    const m1 = e.mutualInformationColumns(X, labels, { bins: "fd" });
    const m2 = e.mutualInformationColumns(X, relabelled, { bins: "fd" });
    m1.forEach((v, j) => expect(close(v, m2[j], 1e-12, 1e-15)).toBe(true));
  });

  it("parity with the JS reference: 300 001 pairs across chunk boundaries, samples on edges, out of range, every bins mode", () => {
    const [x, y] = gaussianPairs(300_001, 0.7, 11);
    for (let i = 0; i < x.length; i += 37) x[i] = Math.round(x[i] * 8) / 8; // on edges of [-4, 4] / 64
    for (let i = 5; i < y.length; i += 101) y[i] = 4; // the last edge
    const ranges: [number, number][] = [[-4, 4], [-4, 4]];
    for (const opts of [
      { bins: 64, range: ranges },
      { bins: [64, 10], range: ranges },
      { bins: "auto" },
      { bins: { quantiles: 20 } },
      { bins: [Float64Array.from([-3, -1, 0, 0, 0.5, 3]), 9] },
      { bins: [500, 300] }, // large table: one sub-table
    ] as const) {
      const a = e.histogram2d(x, y, opts as never);
      const b = js.histogram2d(x, y, opts as never);
      expect(arr(a.counts)).toEqual(arr(b.counts));
      expect(close(e.histogramMutualInformation(x, y, opts as never), js.histogramMutualInformation(x, y, opts as never), 1e-12)).toBe(true);
      const o1 = { bins: opts.bins instanceof Array ? 64 : opts.bins, range: "range" in opts ? opts.range![0] : undefined } as never;
      expect(arr(e.histogram(x, o1).counts)).toEqual(arr(js.histogram(x, o1).counts));
    }
    // a large offset: edges and products round at a coarse ulp, the corrected path decides
    const xo = x.map((v) => 1e12 + v * 1e-3);
    const yo = y.map((v) => -3e9 + v);
    for (const bins of [7, 64] as const) {
      const a = e.histogram2d(xo, yo, { bins }).counts;
      expect(arr(a)).toEqual(arr(js.histogram2d(xo, yo, { bins }).counts));
    }
    const x32 = Float32Array.from(x);
    expect(arr(e.histogram(x32, { bins: 33 }).counts)).toEqual(arr(js.histogram(x32, { bins: 33 }).counts));
  });

  it("parity: mutualInformationColumns over 70 000 rows (several chunks), odd column count, wide matrix", () => {
    const rows = 70_000;
    const cols = 7;
    const r = rng(3);
    const data = new Float64Array(rows * cols).map(() => r() * 10 - 5);
    const labels = Int32Array.from({ length: rows }, (_, i) => (data[i * cols + 2] > 0 ? 1 : 0) + (r() < 0.3 ? 2 : 0));
    for (const opts of [{ bins: 16 }, { bins: 12, range: [-4, 4] as [number, number] }, { bins: "sturges" as const }, { bins: { quantiles: 9 } }]) {
      const a = e.mutualInformationColumns({ data, rows, cols }, labels, opts);
      const b = js.mutualInformationColumns({ data, rows, cols }, labels, opts);
      a.forEach((v, j) => expect(close(v, b[j], 1e-12, 1e-15), `${JSON.stringify(opts)} column ${j}`).toBe(true));
    }
    const wide = { data: new Float64Array(3 * 70_000).map(() => r()), rows: 3, cols: 70_000 };
    const a = e.mutualInformationColumns(wide, [0, 1, 1], { bins: 2 });
    const b = js.mutualInformationColumns(wide, [0, 1, 1], { bins: 2 });
    expect(arr(a)).toEqual(arr(b));
  });
});

describe.each(BACKENDS)("streaming Histogram2D (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("chunks, merges and JSON round trips give exactly the one-call counts", () => {
    fc.assert(
      fc.property(pairs, fc.array(fc.integer({ min: 0, max: 300 }), { maxLength: 5 }), (p, cuts) => {
        const x = Float64Array.from(p, (q) => q[0]);
        const y = Float64Array.from(p, (q) => q[1]);
        const spec = { binsX: 7, binsY: 5, rangeX: [-30, 30] as const, rangeY: [-50, 20] as const };
        const one = e.histogram2d(x, y, { bins: [7, 5], range: [spec.rangeX, spec.rangeY] });
        const bounds = [0, ...cuts.map((c) => Math.min(c, x.length)).sort((a, b) => a - b), x.length];
        const parts = [];
        for (let i = 0; i + 1 < bounds.length; i++) {
          const h = e.createHistogram2D(spec);
          if (bounds[i + 1] > bounds[i]) h.update(x.subarray(bounds[i], bounds[i + 1]), y.subarray(bounds[i], bounds[i + 1]));
          parts.push(e.histogram2DFromJSON(JSON.stringify(h)));
        }
        const merged = parts.reduce((a, b) => a.merge(b));
        expect(arr(merged.counts)).toEqual(arr(one.counts));
        expect(arr(merged.edgesX)).toEqual(arr(one.edgesX));
        expect(merged.total).toBe(one.counts.reduce((a, b) => a + b, 0));
        if (merged.total > 0) {
          expect(close(merged.mutualInformation(), e.histogramMutualInformation(x, y, { bins: [7, 5], range: [spec.rangeX, spec.rangeY] }), 1e-12, 1e-15)).toBe(true);
          expect(close(merged.mutualInformation({ correction: "miller-madow", base: "bits" }), e.histogramMutualInformation(x, y, { bins: [7, 5], range: [spec.rangeX, spec.rangeY], correction: "miller-madow", base: "bits" }), 1e-12, 1e-15)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("explicit edges, a failed update changes nothing, mismatched merges and bad JSON are refused", () => {
    const h = e.createHistogram2D({ binsX: [0, 1, 2, 4], binsY: 2, rangeY: [0, 1] });
    h.update([0.5, 3, 4, 5], [0.2, 0.7, 1, 0.5]);
    expect(arr(h.counts)).toEqual([1, 0, 0, 0, 0, 2]);
    expect(() => h.update([1, NaN], [0.5, 0.5])).toThrow(/Histogram2D\.update: x\[1\] is NaN/);
    expect(() => h.update([1, 2], [0.5])).toThrow(/length/);
    expect(arr(h.counts)).toEqual([1, 0, 0, 0, 0, 2]);
    expect(() => h.merge(e.createHistogram2D({ binsX: 3, binsY: 2, rangeX: [0, 4], rangeY: [0, 1] }))).toThrow(/different edges/);
    expect(() => e.createHistogram2D({ binsX: 3, binsY: 2, rangeY: [0, 1] })).toThrow(/rangeX is required/);
    expect(() => e.createHistogram2D({ binsX: 0, binsY: 2, rangeX: [0, 1], rangeY: [0, 1] })).toThrow(/binsX must be a positive integer/);
    expect(() => e.histogram2DFromJSON({ ...h.toJSON(), counts: [1, 2] })).toThrow(/counts must hold 3×2 = 6 numbers/);
    expect(() => e.histogram2DFromJSON({ ...h.toJSON(), counts: [1, 0, 0, 0, 0, -2] })).toThrow(/counts\[5\] is -2/);
    expect(() => e.histogram2DFromJSON({ format: "other" } as never)).toThrow(TypeError);
    expect(() => e.createHistogram2D({ binsX: 2, binsY: 2, rangeX: [0, 1], rangeY: [0, 1] }).mutualInformation()).toThrow(/empty/);
    const back = e.histogram2DFromJSON(h.toJSON());
    expect(arr(back.counts)).toEqual(arr(h.counts));
    expect(back.mutualInformation()).toBe(h.mutualInformation());
  });
});
