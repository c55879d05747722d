/**
 * Parity: each WASM backend answers as the JS reference, within 1e-12 relative for float64
 * input (API.md), on random inputs with zeros, a 1e6-element vector and a 1000×1000 batch.
 * Float32 input on wasm-simd is computed with f32x4 logarithms: within 1e-6 relative there
 * (the README states this); the baseline build promotes to float64 and keeps 1e-12.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { engine, weights, close } from "./backends.js";
import type { Engine } from "../src/engine.js";
import type { Matrix } from "../src/types.js";

function expectClose(got: number | Float64Array, want: number | Float64Array, rel: number): void {
  const g = typeof got === "number" ? [got] : Array.from(got);
  const w = typeof want === "number" ? [want] : Array.from(want);
  expect(g.length).toBe(w.length);
  for (let i = 0; i < g.length; i++) {
    if (g[i] === w[i]) continue;
    if (!close(g[i], w[i], rel, 1e-14)) throw new Error(`index ${i}: got ${g[i]}, reference ${w[i]} (relative ${(g[i] - w[i]) / w[i]})`);
  }
}

const matrix = (rows: number, cols: number, seed: number, Ctor: Float64ArrayConstructor | Float32ArrayConstructor = Float64Array, zeros = 0.1): Matrix => ({
  data: weights(rows * cols, seed, zeros, Ctor),
  rows,
  cols,
});

describe.each(["wasm", "wasm-simd"] as const)("parity of %s with the JS reference", (name) => {
  let e: Engine;
  let js: Engine;
  beforeAll(async () => {
    e = await engine(name);
    js = await engine("js");
  });

  for (const [label, Ctor, rel] of [
    ["float64", Float64Array, 1e-12],
    ["float32", Float32Array, name === "wasm-simd" ? 1e-6 : 1e-12],
  ] as const) {
    it(`${label}: vectors of every length 1..70 with zeros`, () => {
      for (let n = 1; n <= 70; n++) {
        const p = weights(n, n, 0.2, Ctor);
        const q = weights(n, 1000 + n, 0.2, Ctor);
        expectClose(e.entropy(p), js.entropy(p), rel);
        expectClose(e.crossEntropy(p, q), js.crossEntropy(p, q), rel);
        expectClose(e.klDivergence(p, q), js.klDivergence(p, q), rel);
        expectClose(e.jsDivergence(p, q), js.jsDivergence(p, q), rel);
        expectClose(e.surprisal(p), js.surprisal(p), rel);
      }
    });

    it(`${label}: a 1e6-element vector`, () => {
      const p = weights(1_000_000, 7, 0.1, Ctor);
      const q = weights(1_000_000, 8, 0, Ctor);
      expectClose(e.entropy(p), js.entropy(p), rel);
      expectClose(e.crossEntropy(p, q), js.crossEntropy(p, q), rel);
      expectClose(e.klDivergence(p, q), js.klDivergence(p, q), rel);
      expectClose(e.jsDivergence(p, q), js.jsDivergence(p, q), rel);
    });

    it(`${label}: a 1000×1000 batch`, () => {
      const P = matrix(1000, 1000, 11, Ctor);
      const Q = matrix(1000, 1000, 12, Ctor, 0);
      expectClose(e.entropy(P), js.entropy(P), rel);
      expectClose(e.crossEntropy(P, Q), js.crossEntropy(P, Q), rel);
      expectClose(e.klDivergence(P, Q), js.klDivergence(P, Q), rel);
      expectClose(e.jsDivergence(P, Q), js.jsDivergence(P, Q), rel);
    });

    it(`${label}: rows longer than one copy chunk (split into segments)`, () => {
      const P = matrix(3, 200_001, 21, Ctor);
      const Q = matrix(3, 200_001, 22, Ctor, 0);
      expectClose(e.entropy(P), js.entropy(P), rel);
      expectClose(e.klDivergence(P, Q), js.klDivergence(P, Q), rel);
      expectClose(e.jsDivergence(P, Q), js.jsDivergence(P, Q), rel);
    });

    it(`${label}: joint tables, small and large`, () => {
      for (const [r, c, seed] of [[3, 4, 1], [17, 33, 2], [300, 700, 3], [2, 100_000, 4]] as const) {
        const T = matrix(r, c, seed, Ctor, 0.3);
        expectClose(e.jointEntropy(T), js.jointEntropy(T), rel);
        expectClose(e.conditionalEntropy(T), js.conditionalEntropy(T), rel);
        expectClose(e.mutualInformation(T), js.mutualInformation(T), rel);
      }
    });
  }

  it("values near 1 and extreme magnitudes keep relative accuracy", () => {
    const p = new Float64Array([1, 1 + 1e-12, 1 - 1e-12, 1e-300, 1e300, 5e-324, 0.5, 2, 0.999, 1.001]);
    expectClose(e.surprisal(p), js.surprisal(p), 1e-12);
    const q = new Float64Array([1, 1 + 1e-9, 1 - 1e-9, 1 + 1e-6]);
    const r = new Float64Array([1 + 1e-9, 1, 1, 1]);
    expectClose(e.klDivergence(q, r), js.klDivergence(q, r), 1e-6);
  });
});
