/** WASM memory stays flat: inputs far larger than the scratch region stream through it. */
import { beforeAll, describe, expect, it } from "vitest";
import { engine } from "./backends.js";
import type { Engine } from "../src/engine.js";

describe.each(["wasm", "wasm-simd"] as const)("memory (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("repeated calls of every kind do not grow WASM memory", () => {
    const p = new Float64Array(100_000).map((_, i) => (i % 7) + 1);
    const q = new Float32Array(100_000).map((_, i) => (i % 5) + 1);
    e.entropy(p);
    const before = e.memoryBytes();
    for (let k = 0; k < 50; k++) {
      e.entropy(p);
      e.entropy(q);
      e.klDivergence(p, p);
      e.crossEntropy(q, q);
      e.jsDivergence(p, p);
      e.surprisal(p);
      e.mutualInformation({ data: p, rows: 100, cols: 1000 });
    }
    expect(e.memoryBytes()).toBe(before);
  });

  it("a 100-million-element Float32Array (400 MB) is processed in the fixed scratch region", () => {
    const n = 100_000_000;
    const before = e.memoryBytes();
    expect(before).toBeLessThan(64 << 20);
    const x = new Float32Array(n).fill(1);
    // uniform over n outcomes: H = ln n exactly
    expect(Math.abs(e.entropy(x) - Math.log(n))).toBeLessThan(1e-6 * Math.log(n));
    // half the mass on the first half: still ln n with scaled weights; a two-level distribution
    x.fill(3, 0, n / 2);
    // p = 3/(2n) on half, 1/(2n) on the other: H = ln(2n) − ¾ ln 3
    expect(Math.abs(e.entropy(x) - (Math.log(2 * n) - 0.75 * Math.log(3)))).toBeLessThan(1e-6);
    expect(e.memoryBytes()).toBe(before);
  });
});
