/**
 * Densities on grids: differential entropy, cross-entropy, KL and JS divergences against SciPy
 * integrals of the same integrands (test/reference/grids.py), against closed forms, batched
 * against one reference or a same-shape matrix, parity with the JS reference, and errors.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, close, engine, rng } from "./backends.js";
import type { Engine } from "../src/engine.js";
import type { Matrix } from "../src/types.js";
import { gaussianEntropy, gaussianKl } from "../src/index.js";
import { densities } from "./reference/grids.js";

const near = (got: number, want: number, rel = 1e-12, abs = 1e-14) => {
  if (!close(got, want, rel, abs)) throw new Error(`got ${got}, want ${want} (relative ${(got - want) / want})`);
};

const N = 2001;
const xs = Float64Array.from(densities.x as number[]);
const dx = 16 / (N - 1);
const f = Float64Array.from(densities.f as number[]);
const g = Float64Array.from(densities.g as number[]);
const mix = Float64Array.from(densities.mix as number[]);
const pdf = (m: number, s: number) => xs.map((t) => Math.exp(-0.5 * ((t - m) / s) ** 2) / (s * Math.sqrt(2 * Math.PI)));

describe.each(BACKENDS)("grid densities on %s", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  for (const method of ["trapezoid", "simpson"] as const) {
    it(`${method}: equal to SciPy's ${method} of the integrands`, () => {
      const want = densities.expected[method];
      const o = { method };
      near(e.differentialEntropyGrid(f, { x: xs }, o), want.entropyF);
      near(e.crossEntropyGrid(f, g, { x: xs }, o), want.crossFG);
      near(e.klDivergenceGrid(f, g, { x: xs }, o), want.klFG, 1e-11);
      near(e.klDivergenceGrid(g, f, { x: xs }, o), want.klGF, 1e-11);
      near(e.jsDivergenceGrid(f, mix, { x: xs }, o), want.jsFMix, 1e-11);
      near(e.klDivergenceGrid(f, mix, { x: xs }, { ...o, epsilon: 1e-12 }), want.klEpsFMix, 1e-11);
      const h = f.map((v) => 3 * v);
      near(e.differentialEntropyGrid(h, { x: xs }, { ...o, normalize: true }), want.entropyNormalized3F);
      near(e.klDivergenceGrid(h, g, { x: xs }, { ...o, normalize: true }), want.klNormalized3FG, 1e-11);
      // uniform spacing gives the same numbers as the sample points
      near(e.klDivergenceGrid(f, g, { dx }, o), want.klFG, 1e-10);
    });
  }

  it("closed forms: Gaussian entropy, KL(N(0,1)‖N(0,2²)) = ln 2 − 3/8 and its reverse 3/2 − ln 2", () => {
    const p = pdf(0, 1);
    const q = pdf(0, 2);
    // Simpson on 2001 points of [−8, 8]: the tails beyond ±8 of N(0, 2²) are ~6e-5, so normalise
    near(e.differentialEntropyGrid(p, { dx }, { method: "simpson" }), 0.5 * Math.log(2 * Math.PI * Math.E), 1e-10);
    near(gaussianEntropy(1), 0.5 * Math.log(2 * Math.PI * Math.E));
    const fwd = e.klDivergenceGrid(p, q, { dx }, { method: "simpson", normalize: true });
    expect(Math.abs(fwd - (Math.LN2 - 3 / 8))).toBeLessThan(2e-3);
    expect(fwd.toFixed(3)).toBe("0.318");
    const wide = Float64Array.from({ length: 8001 }, (_, i) => -40 + i * 0.01);
    const pw = wide.map((t) => Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI));
    const qw = wide.map((t) => Math.exp(-0.125 * t * t) / (2 * Math.sqrt(2 * Math.PI)));
    near(e.klDivergenceGrid(pw, qw, { dx: 0.01 }, { method: "simpson" }), Math.LN2 - 3 / 8, 1e-9);
    near(e.klDivergenceGrid(qw, pw, { dx: 0.01 }, { method: "simpson" }), 1.5 - Math.LN2, 1e-9);
    near(gaussianKl(0, 1, 0, 2), 0.318147180559945, 1e-12);
    near(gaussianKl(0, 2, 0, 1), 0.806852819440055, 1e-12);
    // the seed's 0.443 is KL(N(0,1) ‖ N(1,2²))
    expect(gaussianKl(0, 1, 1, 2).toFixed(3)).toBe("0.443");
    // numeric vs closed-form KL of N(0,1) ‖ N(1,1.5²) to 4 decimals (seed 004)
    expect(e.klDivergenceGrid(f, g, { dx }).toFixed(4)).toBe(gaussianKl(0, 1, 1, 1.5).toFixed(4));
    // cross-entropy = entropy + KL; JS ≤ ln 2; bits
    near(e.crossEntropyGrid(pw, qw, { dx: 0.01 }), e.differentialEntropyGrid(pw, { dx: 0.01 }) + e.klDivergenceGrid(pw, qw, { dx: 0.01 }), 1e-12);
    expect(e.jsDivergenceGrid(pw, pw.map((v, i) => (i < 4000 ? 0 : v)), { dx: 0.01 })).toBeLessThanOrEqual(Math.LN2);
    near(e.differentialEntropyGrid(pw, { dx: 0.01 }, { base: "bits" }), e.differentialEntropyGrid(pw, { dx: 0.01 }) / Math.LN2);
  });

  it("0·log 0 = 0; g = 0 < f gives Infinity unless epsilon; the epsilon floor as seed 004", () => {
    const a = [0, 0.5, 1, 0.5, 0];
    const b = [0.2, 0.5, 0.6, 0, 0.1];
    expect(e.klDivergenceGrid(a, b, { dx: 0.5 })).toBe(Infinity);
    expect(e.crossEntropyGrid(a, b, { dx: 0.5 })).toBe(Infinity);
    expect(Number.isFinite(e.jsDivergenceGrid(a, b, { dx: 0.5 }))).toBe(true);
    const eps = 1e-12;
    const want = 0.5 * (0.5 * Math.log((0.5 + eps) / (0.5 + eps)) + Math.log((1 + eps) / (0.6 + eps)) + 0.5 * Math.log((0.5 + eps) / eps));
    near(e.klDivergenceGrid(a, b, { dx: 0.5 }, { epsilon: eps }), want);
    // an entirely zero density has entropy 0 (unnormalised), and cannot be normalised
    expect(e.differentialEntropyGrid([0, 0, 0], { dx: 1 })).toBe(0);
    expect(() => e.differentialEntropyGrid([0, 0, 0], { dx: 1 }, { normalize: true })).toThrow(/integrates to 0/);
  });

  it("a batch against one reference vector equals row-by-row calls; against a matrix too", () => {
    const rows = 7;
    const data = new Float64Array(rows * N);
    for (let r = 0; r < rows; r++) data.set(pdf(r - 3, 0.5 + 0.3 * r), r * N);
    const F: Matrix = { data, rows, cols: N };
    const G: Matrix = { data: data.slice().reverse(), rows, cols: N };
    for (const opts of [{}, { method: "simpson" as const, normalize: true }, { epsilon: 1e-9, normalize: true }]) {
      const kl = e.klDivergenceGrid(F, mix, { dx }, opts);
      const ce = e.crossEntropyGrid(F, mix, { x: xs }, opts);
      const h = e.differentialEntropyGrid(F, { dx }, opts);
      const klm = e.klDivergenceGrid(F, G, { dx }, opts);
      for (let r = 0; r < rows; r++) {
        const row = data.subarray(r * N, (r + 1) * N);
        near(kl[r], e.klDivergenceGrid(row, mix, { dx }, opts));
        near(ce[r], e.crossEntropyGrid(row, mix, { x: xs }, opts));
        near(h[r], e.differentialEntropyGrid(row, { dx }, opts));
        near(klm[r], e.klDivergenceGrid(row, G.data.subarray(r * N, (r + 1) * N), { dx }, opts));
      }
      if (!("epsilon" in opts)) {
        const js = e.jsDivergenceGrid(F, mix, { dx }, opts);
        for (let r = 0; r < rows; r++) near(js[r], e.jsDivergenceGrid(data.subarray(r * N, (r + 1) * N), mix, { dx }, opts));
      }
    }
  });

  it("parity with the JS reference: random batches, long rows, float32", async () => {
    const js = await engine("js");
    const r = rng(5);
    const pos = (n: number, zeros = 0.05) => Float64Array.from({ length: n }, () => (r() < zeros ? 0 : r()));
    const cases: [Matrix, Float64Array | Matrix][] = [
      [{ data: pos(300 * 257), rows: 300, cols: 257 }, pos(257, 0)],
      [{ data: pos(2 * 150_001), rows: 2, cols: 150_001 }, pos(150_001, 0)],
      [{ data: pos(40 * 64), rows: 40, cols: 64 }, { data: pos(40 * 64, 0), rows: 40, cols: 64 }],
    ];
    for (const [F, G] of cases) {
      for (const opts of [{}, { method: "simpson" as const, normalize: true }, { epsilon: 1e-6 }]) {
        const sp = { dx: 0.01 };
        const chk = (a: Float64Array, b: Float64Array) => a.forEach((v, i) => near(v, b[i], 1e-12, 1e-12));
        chk(e.differentialEntropyGrid(F, sp, opts), js.differentialEntropyGrid(F, sp, opts));
        chk(e.crossEntropyGrid(F, G, sp, opts), js.crossEntropyGrid(F, G, sp, opts));
        chk(e.klDivergenceGrid(F, G, sp, opts), js.klDivergenceGrid(F, G, sp, opts));
        if (!("epsilon" in opts)) chk(e.jsDivergenceGrid(F, G, sp, opts), js.jsDivergenceGrid(F, G, sp, opts));
      }
    }
    const f32 = Float32Array.from(f);
    near(e.klDivergenceGrid(f32, g, { dx }), js.klDivergenceGrid(Float64Array.from(f32), g, { dx }), 1e-12);
    near(e.differentialEntropyGrid(f32, { dx }), js.differentialEntropyGrid(f32, { dx }), 1e-12);
  });

  it("errors: negative density, NaN, shape mismatch, < 2 points, bad options", () => {
    expect(() => e.differentialEntropyGrid([0.1, -0.2, 0.3], { dx: 1 })).toThrow(/differentialEntropyGrid: f\[1\] is -0.2; densities must be finite and non-negative/);
    expect(() => e.klDivergenceGrid([0.1, 0.2, 0.3], [0.1, NaN, 0.3], { dx: 1 })).toThrow(/klDivergenceGrid: g\[1\] is NaN/);
    expect(() => e.klDivergenceGrid({ data: Float64Array.of(1, 2, 3, 4, -5, 6), rows: 2, cols: 3 }, [1, 1, 1], { dx: 1 })).toThrow(
      /f.data\[4\] \(row 1, column 1\) is -5/,
    );
    expect(() => e.crossEntropyGrid([1, 2, 3], [1, 2], { dx: 1 })).toThrow(/g has length 2 but f has 3 points/);
    expect(() => e.klDivergenceGrid([1, 2, 3], [[1, 2, 3]] as never, { dx: 1 })).toThrow(TypeError);
    expect(() => e.klDivergenceGrid([[1, 2, 3], [1, 2, 3]], [[1, 2, 3]], { dx: 1 })).toThrow(/f is 2×3 but g is 1×3/);
    expect(() => e.differentialEntropyGrid([1], { dx: 1 })).toThrow(/at least 2/);
    expect(() => e.klDivergenceGrid([1, 2, 3], [1, 2, 3], { x: [0, 1, 0.5] })).toThrow(/x\[2\] = 0.5 is not greater than x\[1\] = 1/);
    expect(() => e.klDivergenceGrid([1, 2, 3], [1, 2, 3], { dx: 1 }, { method: "rect" as never })).toThrow(/method must be one of/);
    expect(() => e.klDivergenceGrid([1, 2, 3], [1, 2, 3], { dx: 1 }, { epsilon: -1 })).toThrow(/epsilon must be a finite number ≥ 0/);
    expect(() => e.klDivergenceGrid([1, 2, 3], [1, 2, 3], { dx: 1 }, { base: 1 })).toThrow(/base/);
    expect(() => e.jsDivergenceGrid([1, 2, 3], [1, 2, 3], { dx: 1 }, { epsilon: 1 } as never)).toThrow(/epsilon does not apply/);
    const before = e.memoryBytes();
    expect(e.klDivergenceGrid([1, 2, 3], [1, 2, 3], { dx: 1 })).toBe(0);
    expect(e.memoryBytes()).toBe(before);
  });
});
