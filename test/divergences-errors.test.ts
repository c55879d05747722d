/**
 * Bad input to the divergence family: a TypeError / RangeError that names the function, the
 * argument and the first offending index (API.md "Errors"); the engine stays usable and its
 * memory flat. scipy.stats.wasserstein_distance raises ValueError for the same sample/weight
 * errors ("Distribution can't be empty.", "All weights must be non-negative.", …).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, engine } from "./backends.js";
import type { Engine } from "../src/engine.js";

const m = (data: number[], rows: number, cols: number) => ({ data: Float64Array.from(data), rows, cols });

describe.each(BACKENDS)("divergence errors (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(backend);
  });

  it("one-distribution measures name the bad weight, the all-zero row, and the order", () => {
    const one: [string, (p: unknown) => unknown][] = [
      ["renyiEntropy", (p) => e.renyiEntropy(p as number[], 2)],
      ["renyiEntropy", (p) => e.renyiEntropy(p as number[], 0.5)],
      ["renyiEntropy", (p) => e.renyiEntropy(p as number[], 1)],
      ["tsallisEntropy", (p) => e.tsallisEntropy(p as number[], 3)],
      ["giniImpurity", (p) => e.giniImpurity(p as number[])],
    ];
    for (const [fn, call] of one) {
      expect(() => call([1, -1, 2])).toThrow(new RangeError(`${fn}: p[1] is -1; weights must be finite and non-negative`));
      expect(() => call([1, 2, NaN])).toThrow(`${fn}: p[2] is NaN`);
      expect(() => call([Infinity, 1])).toThrow(`${fn}: p[0] is Infinity`);
      expect(() => call([0, 0])).toThrow(new RangeError(`${fn}: p sums to 0; it needs at least one positive weight`));
      expect(() => call(m([1, 2, 0, 0], 2, 2))).toThrow(`${fn}: p row 1 sums to 0`);
      expect(() => call(m([1, 2, 0, -3], 2, 2))).toThrow(`${fn}: p.data[3] (row 1, column 1) is -3`);
      expect(() => call({ data: new Float64Array(3), rows: 2, cols: 2 })).toThrow(RangeError);
      expect(() => call([])).toThrow(`${fn}: p is empty`);
      expect(() => call("abc")).toThrow(TypeError);
    }
    expect(() => e.renyiEntropy([1, 2], -0.5)).toThrow(new RangeError("renyiEntropy: alpha must be ≥ 0 (Infinity allowed), got -0.5"));
    expect(() => e.renyiEntropy([1, 2], NaN)).toThrow("renyiEntropy: alpha must be ≥ 0");
    expect(() => e.renyiEntropy([1, 2], "2" as unknown as number)).toThrow(new TypeError("renyiEntropy: alpha must be a number, got string 2"));
    expect(() => e.tsallisEntropy([1, 2], Infinity)).toThrow(new RangeError("tsallisEntropy: q must be a finite number ≥ 0, got Infinity"));
    expect(() => e.tsallisEntropy([1, 2], -1)).toThrow(RangeError);
    expect(() => e.renyiEntropy([1, 2], 2, { base: 1 })).toThrow("renyiEntropy: base must be");
  });

  it("two-distribution measures name p or q, the index and the shape", () => {
    const two: [string, (p: unknown, q: unknown) => unknown][] = [
      ["hellingerDistance", (p, q) => e.hellingerDistance(p as number[], q as number[])],
      ["totalVariation", (p, q) => e.totalVariation(p as number[], q as number[])],
      ["bhattacharyyaDistance", (p, q) => e.bhattacharyyaDistance(p as number[], q as number[])],
      ["chiSquareDivergence", (p, q) => e.chiSquareDivergence(p as number[], q as number[])],
      ["renyiDivergence", (p, q) => e.renyiDivergence(p as number[], q as number[], 0.5)],
      ["renyiDivergence", (p, q) => e.renyiDivergence(p as number[], q as number[], 2)],
      ["renyiDivergence", (p, q) => e.renyiDivergence(p as number[], q as number[], 1)],
      ["renyiDivergence", (p, q) => e.renyiDivergence(p as number[], q as number[], Infinity)],
    ];
    for (const [fn, call] of two) {
      expect(() => call([1, -2], [1, 1])).toThrow(new RangeError(`${fn}: p[1] is -2; weights must be finite and non-negative`));
      expect(() => call([1, 2], [NaN, 1])).toThrow(`${fn}: q[0] is NaN`);
      expect(() => call([1, 2], [0, 0])).toThrow(`${fn}: q sums to 0`);
      expect(() => call([1, 2], [1, 2, 3])).toThrow(new RangeError(`${fn}: p has length 2 but q has length 3`));
      expect(() => call(m([1, 2, 3, 4], 2, 2), m([1, 2, 3, 4, 5, 6], 2, 3))).toThrow(`${fn}: p is 2×2 but q is 2×3`);
      expect(() => call(m([1, 2, 3, 4], 2, 2), [1, 2])).toThrow(TypeError);
      expect(() => call(m([1, 2, 3, 4], 2, 2), m([1, 2, 0, 0], 2, 2))).toThrow(`${fn}: q row 1 sums to 0`);
    }
    expect(() => e.renyiDivergence([1], [1], -1)).toThrow(new RangeError("renyiDivergence: alpha must be ≥ 0 (Infinity allowed), got -1"));
    expect(() => e.renyiDivergence([1], [1], undefined as unknown as number)).toThrow(TypeError);
  });

  it("1-D sample distances: SciPy's errors as RangeError / TypeError", () => {
    for (const [fn, call] of [
      ["wassersteinDistance", e.wassersteinDistance.bind(e)],
      ["energyDistance", e.energyDistance.bind(e)],
    ] as const) {
      expect(() => call([], [1])).toThrow(new RangeError(`${fn}: u is empty`));
      expect(() => call([1], [])).toThrow(`${fn}: v is empty`);
      expect(() => call([1, NaN], [1])).toThrow(new RangeError(`${fn}: u[1] is NaN; samples must be finite`));
      expect(() => call([1], [2, -Infinity])).toThrow(`${fn}: v[1] is -Infinity`);
      expect(() => call([1, 2], [1], { uWeights: [1, -1] })).toThrow(new RangeError(`${fn}: uWeights[1] is -1; weights must be finite and non-negative`));
      expect(() => call([1, 2], [1], { uWeights: [0, 0] })).toThrow(`${fn}: uWeights sums to 0`);
      expect(() => call([1, 2], [1], { vWeights: [1, 2] })).toThrow(new RangeError(`${fn}: vWeights has length 2 but v has length 1`));
      expect(() => call([1, 2], [1], { vWeights: [NaN] })).toThrow(`${fn}: vWeights[0] is NaN`);
      expect(() => call([1, 2], [1], 5 as never)).toThrow(TypeError);
      expect(() => call([1, 2], "x" as never)).toThrow(TypeError);
    }
  });

  it("the engine stays usable and its memory flat", () => {
    const P = m(Array.from({ length: 4000 }, (_, i) => (i % 7) + 1), 40, 100);
    const Q = m(Array.from({ length: 4000 }, (_, i) => (i % 5) + 1), 40, 100);
    const u = Array.from({ length: 5000 }, (_, i) => Math.sin(i));
    const run = () => {
      e.hellingerDistance(P, Q);
      e.renyiDivergence(P, Q, 0.5);
      e.renyiEntropy(P, 3);
      e.chiSquareDivergence(P, Q);
      e.wassersteinDistance(u, u.slice(0, 3000), { uWeights: u.map((x) => x * x) });
      expect(() => e.renyiDivergence(P, m(new Array(4000).fill(-1), 40, 100), 2)).toThrow(RangeError);
      expect(() => e.energyDistance([NaN], [1])).toThrow(RangeError);
    };
    run();
    const before = e.memoryBytes();
    for (let i = 0; i < 20; i++) run();
    expect(e.memoryBytes()).toBe(before);
    expect(e.totalVariation([1, 0], [0, 1])).toBe(1);
  });
});
