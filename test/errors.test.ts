/** Every error case of API.md, on every backend: a clear TypeError/RangeError, never a number. */
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, engine } from "./backends.js";
import { init } from "../src/index.js";
import { CHUNK } from "../src/wasm/host.js";
import type { Engine } from "../src/engine.js";

describe.each(BACKENDS)("errors (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("negative, NaN and infinite weights name the argument and the first bad index", () => {
    expect(() => e.entropy([0.5, -0.1, 0.6])).toThrow(RangeError);
    expect(() => e.entropy([0.5, -0.1, -0.6])).toThrow(/entropy: p\[1\] is -0\.1/);
    expect(() => e.entropy(new Float64Array([1, 2, NaN]))).toThrow(/p\[2\] is NaN/);
    expect(() => e.entropy(new Float32Array([1, Infinity]))).toThrow(/p\[1\] is Infinity/);
    expect(() => e.klDivergence([1, 2], [1, -2])).toThrow(/klDivergence: q\[1\] is -2/);
    expect(() => e.crossEntropy([1, NaN], [1, 2])).toThrow(/crossEntropy: p\[1\] is NaN/);
    expect(() => e.jsDivergence([1, 2], [Infinity, 2])).toThrow(/jsDivergence: q\[0\] is Infinity/);
    expect(() => e.surprisal([1, -1])).toThrow(/surprisal: p\[1\]/);
    const m = { data: new Float64Array([1, 2, 3, 4, -5, 6]), rows: 2, cols: 3 };
    expect(() => e.entropy(m)).toThrow(/p\.data\[4\] \(row 1, column 1\) is -5/);
    expect(() => e.mutualInformation([[1, 2], [3, NaN]])).toThrow(/mutualInformation: table\.data\[3\] \(row 1, column 1\) is NaN/);
  });

  it("a bad element far into a long vector is found (SIMD lanes and chunk boundaries)", () => {
    for (const at of [0, 1, 2, 3, 4, 5, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 3, 999_999]) {
      const p = new Float64Array(1_000_000).fill(1);
      p[at] = -1;
      expect(() => e.entropy(p)).toThrow(new RegExp(`p\\[${at}\\] is -1`));
      p[at] = NaN;
      expect(() => e.entropy(p)).toThrow(new RegExp(`p\\[${at}\\] is NaN`));
    }
  });

  it("all-zero vectors and rows", () => {
    expect(() => e.entropy([0, 0, 0])).toThrow(/entropy: p sums to 0/);
    expect(() => e.klDivergence([1, 1], [0, 0])).toThrow(/klDivergence: q sums to 0/);
    expect(() => e.entropy({ data: new Float64Array([1, 0, 0, 0]), rows: 2, cols: 2 })).toThrow(/p row 1 sums to 0/);
    expect(() => e.jointEntropy([[0, 0], [0, 0]])).toThrow(/jointEntropy: table sums to 0/);
  });

  it("mismatched lengths and shapes", () => {
    expect(() => e.klDivergence([1, 2, 3], [1, 2])).toThrow(/klDivergence: p has length 3 but q has length 2/);
    expect(() => e.crossEntropy({ data: new Float64Array(6), rows: 2, cols: 3 }, { data: new Float64Array(6), rows: 3, cols: 2 })).toThrow(/p is 2×3 but q is 3×2/);
    expect(() => e.jsDivergence([1, 2], { data: new Float64Array(2), rows: 1, cols: 2 } as never)).toThrow(TypeError);
    expect(() => e.entropy({ data: new Float64Array(5), rows: 2, cols: 3 })).toThrow(/p\.rows × p\.cols = 2 × 3 = 6 ≠ p\.data\.length = 5/);
    expect(() => e.entropy({ data: new Float64Array(6), rows: 2.5, cols: 3 })).toThrow(/p\.rows must be an integer/);
    expect(() => e.mutualInformation([[1, 2], [3]])).toThrow(/table\[1\] has length 1/);
  });

  it("wrong types and empty inputs", () => {
    expect(() => e.entropy("abc" as never)).toThrow(TypeError);
    expect(() => e.entropy([1, "2"] as never)).toThrow(/p\[1\] is string/);
    expect(() => e.entropy({ data: [1, 2], rows: 1, cols: 2 } as never)).toThrow(/p\.data must be a Float64Array or Float32Array/);
    expect(() => e.entropy([])).toThrow(/p is empty/);
    expect(() => e.entropy(new Float64Array(0))).toThrow(RangeError);
  });

  it("invalid bases", () => {
    for (const base of [1, 0, -2, NaN, Infinity]) expect(() => e.entropy([1, 1], { base })).toThrow(/base must be a positive finite number ≠ 1/);
    expect(() => e.entropy([1, 1], { base: "bytes" as never })).toThrow(TypeError);
  });

  it("a failed call leaves the engine usable and its memory as it was", () => {
    const before = e.memoryBytes();
    const big = new Float64Array(300_000).fill(1);
    big[250_000] = -1;
    expect(() => e.entropy(big)).toThrow(RangeError);
    expect(() => e.klDivergence(big, big)).toThrow(RangeError);
    expect(e.entropy([1, 1, 1, 1], { base: 2 })).toBe(2);
    expect(e.memoryBytes()).toBe(before);
  });
});

describe("init", () => {
  it("rejects an unknown backend, and a closed engine throws", async () => {
    await expect(init({ backend: "gpu" as never })).rejects.toThrow(/options\.backend must be/);
    const e = await init();
    expect(e.backend).toBe("wasm-simd"); // Node 20 validates WASM SIMD
    e.close();
    expect(() => e.entropy([1, 2])).toThrow(/closed/);
    expect(e.memoryBytes()).toBe(0);
  });
});
