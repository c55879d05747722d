/** Every error case of the losses, on every backend: a clear TypeError/RangeError, never a number. */
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, engine } from "./backends.js";
import type { Engine } from "../src/engine.js";

describe.each(BACKENDS)("loss errors (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });
  const L = { data: new Float64Array([1, 2, 3, 4, 5, 6]), rows: 2, cols: 3 };

  it("labels out of range, negative, non-integer, wrong type or length name the row", () => {
    expect(() => e.softmaxCrossEntropy(L, [0, 3])).toThrow(/softmaxCrossEntropy: labels\[1\] = 3 \(row 1\) is not a class index.*\[0, 3\)/);
    expect(() => e.softmaxCrossEntropy(L, [-1, 0])).toThrow(/labels\[0\] = -1 \(row 0\)/);
    expect(() => e.softmaxCrossEntropy(L, [0, 1.5])).toThrow(RangeError);
    expect(() => e.softmaxCrossEntropy(L, [0, NaN])).toThrow(/labels\[1\] = NaN/);
    expect(() => e.softmaxCrossEntropy(L, [0])).toThrow(/labels has length 1, but logits has 2 rows/);
    expect(() => e.softmaxCrossEntropy(L, new Float64Array([0, 1]) as never)).toThrow(TypeError);
    expect(() => e.softmaxCrossEntropy(L, ["0", 1] as never)).toThrow(/labels\[0\] is string/);
    expect(() => e.perplexityFromLogits(L, [0, 7])).toThrow(/perplexityFromLogits: labels\[1\] = 7/);
  });

  it("NaN and infinite logits name the index", () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const m = { data: new Float64Array([1, 2, 3, 4, bad, 6]), rows: 2, cols: 3 };
      expect(() => e.softmaxCrossEntropy(m, [0, 1])).toThrow(new RegExp(`softmaxCrossEntropy: logits\\.data\\[4\\] \\(row 1, column 1\\) is ${bad}; logits must be finite`));
      expect(() => e.logSoftmax({ ...m, data: Float32Array.from(m.data) })).toThrow(/logSoftmax: logits\.data\[4\]/);
      expect(() => e.softmax([1, bad])).toThrow(new RegExp(`softmax: logits\\[1\\] is ${bad}`));
      expect(() => e.infoNceBound([[1, 2], [bad, 1]])).toThrow(/infoNceBound: scores\.data\[2\]/);
    }
  });

  it("a bad logit far into a long row is found (SIMD lanes and chunk boundaries)", () => {
    for (const at of [0, 3, 4, 15, 16, 17, 65_535, 65_536, 65_537, 199_999]) {
      const x = new Float32Array(200_000).fill(0.5);
      x[at] = NaN;
      expect(() => e.softmaxCrossEntropy(x, 0)).toThrow(new RegExp(`logits\\[${at}\\] is NaN`));
      const y = new Float64Array(200_000).fill(-2);
      y[at] = -Infinity;
      expect(() => e.softmaxCrossEntropy({ data: y, rows: 2, cols: 100_000 }, [0, 0])).toThrow(new RegExp(`logits\\.data\\[${at}\\]`));
    }
  });

  it("shape mismatches", () => {
    expect(() => e.softmaxCrossEntropy({ data: new Float64Array(5), rows: 2, cols: 3 }, [0, 0])).toThrow(/rows × logits\.cols = 2 × 3 = 6 ≠ logits\.data\.length = 5/);
    expect(() => e.softmaxCrossEntropy(L, [[0.5, 0.5, 0], [1, 0, 0], [0, 0, 1]])).toThrow(/soft labels are 3×3 but logits are 2×3/);
    expect(() => e.binaryCrossEntropy([0, 1], [0.5])).toThrow(/binaryCrossEntropy: y has length 2 but p has length 1/);
    expect(() => e.gaussianKlToStandard([0, 1], [0])).toThrow(/gaussianKlToStandard: mu has length 2 but logVar has length 1/);
    expect(() => e.infoNceBound({ data: new Float64Array(6), rows: 2, cols: 3 })).toThrow(/infoNceBound: scores must be square/);
    expect(() => e.binaryCrossEntropy([0, 1], [0.5, 0.5], { sampleWeight: [1] })).toThrow(/sampleWeight has length 1, but there are 2 elements/);
  });

  it("soft targets must be probabilities", () => {
    expect(() => e.softmaxCrossEntropy(L, [[0.5, 0.6, 0], [1, 0, 0]])).toThrow(/labels row 0 sums to 1\.1/);
    expect(() => e.softmaxCrossEntropy(L, [[1.5, -0.5, 0], [1, 0, 0]])).toThrow(/labels\.data\[1\] \(row 0, column 1\) is -0\.5/);
    expect(() => e.softmaxCrossEntropy(L, [[1, 0, 0], [NaN, 0, 1]])).toThrow(/labels\.data\[3\] \(row 1, column 0\) is NaN/);
  });

  it("options: labelSmoothing outside [0, 1], bad reduction, bad base", () => {
    expect(() => e.softmaxCrossEntropy(L, [0, 1], { labelSmoothing: 1.5 })).toThrow(/labelSmoothing must be in \[0, 1\], got 1\.5/);
    expect(() => e.softmaxCrossEntropy(L, [0, 1], { labelSmoothing: -0.1 })).toThrow(RangeError);
    expect(() => e.softmaxCrossEntropy(L, [0, 1], { labelSmoothing: NaN })).toThrow(RangeError);
    expect(() => e.softmaxCrossEntropy(L, [0, 1], { labelSmoothing: "0.1" as never })).toThrow(TypeError);
    expect(() => e.softmaxCrossEntropy(L, [0, 1], { reduction: "avg" as never })).toThrow(/reduction must be "mean", "sum" or "none"/);
    expect(() => e.binaryCrossEntropy([0], [0.5], { reduction: "max" as never })).toThrow(TypeError);
    expect(() => e.softmaxCrossEntropy(L, [0, 1], { base: 1 })).toThrow(/base must be a positive finite number ≠ 1/);
    expect(() => e.binaryCrossEntropy([0], [0.5], { fromLogits: 1 as never })).toThrow(/fromLogits must be a boolean/);
  });

  it("binaryCrossEntropy: p and y outside [0, 1], NaN, infinite logits, bad weights", () => {
    expect(() => e.binaryCrossEntropy([0, 1, 1], [0.5, 1.2, 0.5])).toThrow(/binaryCrossEntropy: p\[1\] is 1\.2; probabilities p must be in \[0, 1\]/);
    expect(() => e.binaryCrossEntropy([0, 1, 1], [0.5, -0.1, 0.5])).toThrow(/p\[1\] is -0\.1/);
    expect(() => e.binaryCrossEntropy([0, 2, 1], [0.5, 0.5, 0.5])).toThrow(/y\[1\] is 2; labels y must be in \[0, 1\]/);
    expect(() => e.binaryCrossEntropy([0, 1, NaN], [0.5, 0.5, 0.5])).toThrow(/y\[2\] is NaN/);
    expect(() => e.binaryCrossEntropy(new Float32Array([0, 1]), new Float32Array([NaN, 0.5]))).toThrow(/p\[0\] is NaN/);
    expect(() => e.binaryCrossEntropy([0, 1], [Infinity, 3], { fromLogits: true })).toThrow(/p\[0\] is Infinity; logits must be finite/);
    expect(() => e.binaryCrossEntropy([0, 1], [2, -Infinity], { fromLogits: true })).toThrow(/p\[1\] is -Infinity/);
    expect(() => e.binaryCrossEntropy([0, 1], [0.5, 0.5], { sampleWeight: [1, -1] })).toThrow(/sampleWeight\[1\] is -1/);
    expect(() => e.binaryCrossEntropy([0, 1], [0.5, 0.5], { sampleWeight: [0, 0] })).toThrow(/sampleWeight sums to 0/);
    const big = new Float64Array(150_000).fill(0.5);
    big[140_001] = 7;
    expect(() => e.binaryCrossEntropy(new Float64Array(150_000), big)).toThrow(/p\[140001\] is 7/);
  });

  it("perplexity: positive or NaN log-probabilities", () => {
    expect(() => e.perplexity([-1, 0.5])).toThrow(/perplexity: logProbs\[1\] is 0\.5; log-probabilities must be ≤ 0/);
    expect(() => e.perplexity([-1, NaN, -2])).toThrow(/logProbs\[1\] is NaN/);
    expect(() => e.perplexity([[-1, -2], [-1, Infinity]])).toThrow(/logProbs\.data\[3\] \(row 1, column 1\) is Infinity/);
  });

  it("gaussianKlToStandard: non-finite mu or logVar", () => {
    expect(() => e.gaussianKlToStandard([0, NaN], [0, 0])).toThrow(/gaussianKlToStandard: mu\[1\] is NaN; mu must be finite/);
    expect(() => e.gaussianKlToStandard([0, 1], [Infinity, 0])).toThrow(/logVar\[0\] is Infinity/);
  });

  it("maxEntropyDistribution: mean outside (min, max), bad values", () => {
    expect(() => e.maxEntropyDistribution([1, 2, 3, 4, 5, 6], { mean: 6 })).toThrow(/maxEntropyDistribution: mean 6 must lie strictly between min\(values\) = 1 and max\(values\) = 6/);
    expect(() => e.maxEntropyDistribution([1, 2, 3], { mean: 0.5 })).toThrow(RangeError);
    expect(() => e.maxEntropyDistribution([2, 2, 2], { mean: 2 })).toThrow(RangeError);
    expect(() => e.maxEntropyDistribution([1, NaN], { mean: 1 })).toThrow(/values\[1\] is NaN/);
    expect(() => e.maxEntropyDistribution([1, 2], { mean: "1.5" } as never)).toThrow(TypeError);
    expect(() => e.maxEntropyDistribution([1, 2], undefined as never)).toThrow(TypeError);
  });

  it("baselineEntropy: labels of any kind, but integral, of one type, never empty", () => {
    // −2 is a label like any other (API.md "Labels of any kind"): the entropy of {0, 1, −2} is ln 3
    expect(e.baselineEntropy([0, 1, -2])).toBeCloseTo(Math.log(3), 14);
    expect(e.baselineEntropy(["cat", "dog", "cat", "dog"])).toBeCloseTo(Math.LN2, 14);
    expect(() => e.baselineEntropy([0, 0.5])).toThrow(/baselineEntropy: labels\[1\] is 0\.5; numeric labels must be integers/);
    expect(() => e.baselineEntropy([])).toThrow(/labels is empty/);
    expect(() => e.baselineEntropy([0, "1"] as never)).toThrow(TypeError);
    expect(() => e.baselineEntropy({ length: 2 } as never)).toThrow(TypeError);
  });

  it(`a failed call leaves the engine usable and its memory unchanged (${name})`, () => {
    const big = { data: new Float32Array(300_000).fill(1), rows: 300, cols: 1000 };
    e.softmaxCrossEntropy(big, new Int32Array(300));
    const before = e.memoryBytes();
    big.data[299_999] = NaN;
    expect(() => e.softmaxCrossEntropy(big, new Int32Array(300))).toThrow(RangeError);
    big.data[299_999] = 1;
    expect(e.softmaxCrossEntropy(big, new Int32Array(300))).toBeCloseTo(Math.log(1000), 6);
    for (let i = 0; i < 5; i++) e.logSoftmax(big);
    expect(e.memoryBytes()).toBe(before);
  });
});
