/**
 * Parity of the loss kernels: each WASM backend against the JS reference (1e-12 relative for
 * float64 input, and for float32 on the baseline build, which promotes to f64); float32 on
 * wasm-simd uses f32x4 exponentials: within 1e-6 absolute on losses (float32 precision). Rows
 * longer than the host's chunk (CHUNK = 32 768 elements) exercise the segment merge. Then property tests
 * (fast-check) and the measured error bounds of the WASM exp kernels (assembly/exp.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { BACKENDS, close, engine, rng } from "./backends.js";
import type { Engine } from "../src/engine.js";
import type { Matrix } from "../src/types.js";
import { instantiate } from "../src/wasm/load.js";

function normal(n: number, seed: number, scale: number, Ctor: Float64ArrayConstructor | Float32ArrayConstructor = Float64Array) {
  const r = rng(seed);
  const out = new Ctor(n);
  for (let i = 0; i < n; i++) out[i] = scale * Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return out;
}
function labels(rows: number, K: number, seed: number): Int32Array {
  const r = rng(seed);
  return Int32Array.from({ length: rows }, () => Math.floor(r() * K));
}
function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, rel: number, abs: number, what: string): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < got.length; i++) {
    if (got[i] === want[i]) continue;
    if (!close(got[i], want[i], rel, abs)) throw new Error(`${what} [${i}]: got ${got[i]}, reference ${want[i]}`);
  }
}

let js: Engine;
beforeAll(async () => {
  js = await engine("js");
});

describe.each(BACKENDS.filter((b) => b !== "js"))("loss parity %s vs js", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });
  const f32Tol = (b: string) => (b === "wasm-simd" ? { rel: 0, abs: 1e-6 } : { rel: 1e-12, abs: 1e-14 });

  const cases: [string, number, number, number][] = [
    ["300×1000", 300, 1000, 3],
    ["2×150000 (segmented rows)", 2, 150_000, 3],
    ["1000×7 (odd widths, tails)", 1000, 7, 10],
    ["50×33, logits ±1e4 scale", 50, 33, 1e4],
  ];

  it.each(cases)("softmaxCrossEntropy float64 %s", (_, rows, cols, scale) => {
    const m: Matrix = { data: normal(rows * cols, rows + cols, scale), rows, cols };
    const y = labels(rows, cols, 7);
    expectClose(e.softmaxCrossEntropy(m, y, { reduction: "none" }), js.softmaxCrossEntropy(m, y, { reduction: "none" }), 1e-12, 1e-13, "hard");
    expectClose(e.softmaxCrossEntropy(m, y, { reduction: "none", labelSmoothing: 0.1 }), js.softmaxCrossEntropy(m, y, { reduction: "none", labelSmoothing: 0.1 }), 1e-12, 1e-10, "smoothed");
    expectClose(e.logSoftmax(m).data, js.logSoftmax(m).data, 1e-12, 1e-12, "logSoftmax");
    expectClose(e.softmax(m).data, js.softmax(m).data, 1e-12, 1e-300, "softmax");
  });

  it.each(cases)("softmaxCrossEntropy float32 %s", (_, rows, cols, scale) => {
    const m: Matrix = { data: normal(rows * cols, rows * cols, scale, Float32Array), rows, cols };
    const y = labels(rows, cols, 8);
    const { rel, abs } = f32Tol(name);
    expectClose(e.softmaxCrossEntropy(m, y, { reduction: "none" }), js.softmaxCrossEntropy(m, y, { reduction: "none" }), rel, abs, "hard");
    const s = e.softmax(m).data;
    expect(s).toBeInstanceOf(Float32Array);
    // element outputs are computed in f64 and rounded once to float32 on every backend
    // (within 2 float32 ulps; on wasm-simd ln Σ itself differs by up to ~2e-7)
    expectClose(s, js.softmax(m).data, name === "wasm-simd" ? 5e-7 : 2.4e-7, 1e-38, "softmax");
    expectClose(e.logSoftmax(m).data, js.logSoftmax(m).data, 2.4e-7, name === "wasm-simd" ? 1e-6 : 0, "logSoftmax");
  });

  it("soft targets, BCE, KL, perplexity float64", () => {
    const rows = 200, cols = 50;
    const m: Matrix = { data: normal(rows * cols, 1, 2), rows, cols };
    const t = js.softmax({ data: normal(rows * cols, 2, 1), rows, cols });
    expectClose(e.softmaxCrossEntropy(m, t, { reduction: "none" }), js.softmaxCrossEntropy(m, t, { reduction: "none" }), 1e-12, 1e-13, "soft");
    const n = 200_000;
    const r = rng(3);
    const y = Float64Array.from({ length: n }, () => (r() < 0.5 ? 0 : r()));
    const p = Float64Array.from({ length: n }, (_, i) => (i % 1000 === 0 ? 0 : r()));
    expectClose([e.binaryCrossEntropy(y, p)], [js.binaryCrossEntropy(y, p)], 1e-12, 0, "bce");
    expectClose(e.binaryCrossEntropy(y, p, { reduction: "none" }), js.binaryCrossEntropy(y, p, { reduction: "none" }), 1e-12, 1e-300, "bce none");
    const z = normal(n, 4, 5);
    expectClose([e.binaryCrossEntropy(y, z, { fromLogits: true })], [js.binaryCrossEntropy(y, z, { fromLogits: true })], 1e-12, 0, "bce logits");
    const y32 = Float32Array.from(y), p32 = Float32Array.from(p);
    expectClose([e.binaryCrossEntropy(y32, p32)], [js.binaryCrossEntropy(y32, p32)], 1e-12, 0, "bce f32");
    const mu = { data: normal(rows * cols, 5, 1), rows, cols };
    const lv = { data: normal(rows * cols, 6, 0.5), rows, cols };
    expectClose(e.gaussianKlToStandard(mu, lv), js.gaussianKlToStandard(mu, lv), 1e-12, 0, "kl");
    const lp = js.logSoftmax(m);
    expectClose(e.perplexity(lp), js.perplexity(lp), 1e-12, 0, "perplexity");
  });
});

describe.each(BACKENDS)("loss properties (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });
  const row = (K: number) => fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: K, maxLength: K });

  it("CE ≥ 0, invariant to a constant shift, softmax rows sum to 1, CE = −logSoftmax[label]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }).chain((K) => fc.tuple(row(K), fc.nat(K - 1), fc.double({ min: -1e3, max: 1e3, noNaN: true }))), ([z, y, c]) => {
        const ce = e.softmaxCrossEntropy(z, y);
        expect(ce).toBeGreaterThanOrEqual(0);
        const shifted = e.softmaxCrossEntropy(z.map((v) => v + c), y);
        expect(Math.abs(shifted - ce)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(c)));
        const s = e.softmax(z);
        expect(Math.abs(s.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(-e.logSoftmax(z)[y] - ce)).toBeLessThanOrEqual(1e-12 * (1 + ce));
        const s32 = e.softmax(Float32Array.from(z));
        expect(Math.abs(s32.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(z.length * 1.2e-7); // float32 rounding of each p
      }),
      { numRuns: 100 },
    );
  });

  it("BCE from logits equals BCE of sigmoid(z) (moderate z); never NaN at p ∈ {0, 1}", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -15, max: 15, noNaN: true })), { minLength: 1, maxLength: 30 }), (pairs) => {
        const y = pairs.map(([a]) => a);
        const z = pairs.map(([, b]) => b);
        const p = z.map((v) => 1 / (1 + Math.exp(-v)));
        const a = e.binaryCrossEntropy(y, z, { fromLogits: true });
        const b = e.binaryCrossEntropy(y, p);
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * (1 + a));
        const hard = e.binaryCrossEntropy(y, p.map((v) => (v < 0.5 ? 0 : 1)));
        expect(Number.isFinite(hard)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("InfoNCE bound ≤ ln K; KL to N(0, I) ≥ 0", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }).chain((K) => fc.array(row(K), { minLength: K, maxLength: K })), (S) => {
        expect(e.infoNceBound(S)).toBeLessThanOrEqual(Math.log(S.length) + 1e-12);
        const kl = e.gaussianKlToStandard(S[0].map((v) => v / 10), S[0].map((v) => v / 10));
        expect(kl).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 60 },
    );
  });

  it("maxEntropyDistribution meets the mean and beats any other distribution with it", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: -100, max: 100 }), { minLength: 2, maxLength: 12 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (xs, t) => {
          const lo = Math.min(...xs), hi = Math.max(...xs);
          const mean = lo + t * (hi - lo);
          const r = e.maxEntropyDistribution(xs, { mean });
          const m = r.p.reduce((a, p, i) => a + p * xs[i], 0);
          expect(Math.abs(m - mean)).toBeLessThanOrEqual(1e-9 * (hi - lo));
          expect(Math.abs(r.p.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(1e-12);
          expect(r.entropy).toBeLessThanOrEqual(Math.log(xs.length) + 1e-12);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("WASM exp kernels: measured error bounds (assembly/exp.ts)", () => {
  it.each(["wasm", "wasm-simd"] as const)("%s", async (kind) => {
    const k = (await instantiate(kind)).exports as unknown as Record<string, (...a: number[]) => number> & { memory: WebAssembly.Memory };
    const base = k.scratchBase();
    const n = 1 << 16;
    const r = rng(11);
    const x = Float64Array.from({ length: n }, (_, i) => (i % 2 ? -708 * r() : 2 * r() - 1));
    new Float64Array(k.memory.buffer).set(x, base >> 3);
    k.expArrayF64(base, n, base + 8 * n);
    const y = new Float64Array(k.memory.buffer, base + 8 * n, n);
    let w = 0;
    for (let i = 0; i < n; i++) w = Math.max(w, Math.abs(y[i] - Math.exp(x[i])) / Math.exp(x[i]));
    expect(w).toBeLessThanOrEqual(4.5e-16);
    const xf = Float32Array.from({ length: n }, () => -87 * r());
    new Float32Array(k.memory.buffer).set(xf, base >> 2);
    k.expArrayF32(base, n, base + 4 * n);
    const yf = new Float32Array(k.memory.buffer, base + 4 * n, n);
    w = 0;
    for (let i = 0; i < n; i++) w = Math.max(w, Math.abs(yf[i] - Math.exp(xf[i])) / Math.exp(xf[i]));
    expect(w).toBeLessThanOrEqual(kind === "wasm-simd" ? 8.5e-8 : 6e-8);
    if (kind === "wasm-simd") {
      k.pow2ArrayF32(base, n, base + 4 * n);
      w = 0;
      for (let i = 0; i < n; i++) w = Math.max(w, Math.abs(yf[i] - 2 ** xf[i]) / 2 ** xf[i]);
      expect(w).toBeLessThanOrEqual(2e-7);
    }
  });
});
