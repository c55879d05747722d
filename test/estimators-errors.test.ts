/** Bad input to the entropy estimators: a TypeError or RangeError naming the function, the argument and the index. */
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, engine } from "./backends.js";
import type { Engine } from "../src/engine.js";
import { estimatorArg } from "../src/estimators.js";

const NOT_PLUGIN = ["miller-madow", "grassberger", "chao-shen", "james-stein", "jackknife", "nsb"] as const;

describe.each(BACKENDS)("estimator errors (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("negative, NaN and infinite counts are errors for every estimator, naming the index", () => {
    for (const est of ["plugin", ...NOT_PLUGIN] as const) {
      expect(() => e.entropyCounts([1, 2, 3, -1], { estimator: est })).toThrow(/^entropyCounts: counts\[3\] is -1; counts must be finite and non-negative/);
      expect(() => e.entropyCounts([1, NaN], { estimator: est })).toThrow(/entropyCounts: counts\[1\] is NaN/);
      expect(() => e.entropyCounts(new Float32Array([Infinity, 1]), { estimator: est })).toThrow(/entropyCounts: counts\[0\] is Infinity/);
      expect(() => e.entropyCounts({ data: new Float64Array([1, 2, 3, 4, -5, 6]), rows: 2, cols: 3 }, { estimator: est })).toThrow(
        /entropyCounts: counts\.data\[4\] \(row 1, column 1\) is -5/,
      );
    }
    expect(() => e.entropyNsb([2, -1])).toThrow(/^entropyNsb: counts\[1\] is -1/);
  });

  it("non-integer counts are a RangeError for every estimator but plugin", () => {
    for (const est of NOT_PLUGIN) {
      expect(() => e.entropyCounts([1, 2, 2.5], { estimator: est })).toThrow(RangeError);
      expect(() => e.entropyCounts([1, 2, 2.5], { estimator: est })).toThrow(/entropyCounts: counts\[2\] is 2\.5; this estimator needs integer counts/);
      expect(() => e.entropyCounts([1, 2, 2000.5], { estimator: est })).toThrow(/counts\[2\] is 2000\.5/);
      expect(() => e.entropyCounts({ data: new Float64Array([1, 2, 3, 0.25]), rows: 2, cols: 2 }, { estimator: est })).toThrow(/counts\.data\[3\] \(row 1, column 1\) is 0\.25/);
    }
    expect(() => e.entropyNsb([0.5, 1])).toThrow(/entropyNsb: counts\[0\] is 0\.5/);
    expect(e.entropyCounts([1, 2, 2.5])).toBeGreaterThan(0);
  });

  it("an all-zero vector or row is a RangeError naming it (as entropy)", () => {
    for (const est of ["plugin", ...NOT_PLUGIN] as const) {
      expect(() => e.entropyCounts([0, 0, 0], { estimator: est })).toThrow(/^entropyCounts: counts sums to 0; it needs at least one positive count/);
      expect(() => e.entropyCounts({ data: new Float64Array([1, 2, 0, 0]), rows: 2, cols: 2 }, { estimator: est })).toThrow(/entropyCounts: counts row 1 sums to 0/);
    }
    expect(() => e.entropyNsb([0, 0])).toThrow(/entropyNsb: counts sums to 0/);
  });

  it("bins: an integer ≥ the number of counts", () => {
    expect(() => e.entropyCounts([1, 2, 3], { estimator: "nsb", bins: 2 })).toThrow(/entropyCounts: bins = 2 is less than the number of counts per row \(3\)/);
    expect(() => e.entropyCounts([1, 2, 3], { bins: 3.5 })).toThrow(RangeError);
    expect(() => e.entropyCounts([1, 2, 3], { bins: 0 })).toThrow(/bins must be an integer ≥ 1/);
    expect(() => e.entropyCounts([1, 2, 3], { bins: "4" as never })).toThrow(TypeError);
    expect(() => e.entropyNsb([1, 2, 3], { bins: 1 })).toThrow(/entropyNsb: bins = 1 is less than/);
  });

  it("estimator and correction are checked, and must agree", () => {
    expect(() => e.entropyCounts([1, 2], { estimator: "shrink" as never })).toThrow(/entropyCounts: estimator must be one of "plugin", "miller-madow"/);
    expect(() => e.mutualInformationLabels([0, 1], [1, 0], { estimator: "nsb", correction: "miller-madow" })).toThrow(/mutualInformationLabels: correction "miller-madow" conflicts with estimator "nsb"/);
    expect(() => e.histogramMutualInformation([1, 2], [1, 2], { correction: "none", estimator: "grassberger" })).toThrow(RangeError);
    expect(() => e.createContingency().update([0, 1], [0, 1]).entropies({ estimator: 3 as never })).toThrow(/Contingency\.entropies: estimator must be/);
    expect(() => e.entropyCounts([1, 2], { base: 1 })).toThrow(/entropyCounts: base/);
  });
});

describe("estimatorArg", () => {
  it("correction is an alias; conflicts are errors", () => {
    expect(estimatorArg("f", undefined)).toBe("plugin");
    expect(estimatorArg("f", { correction: "none" })).toBe("plugin");
    expect(estimatorArg("f", { correction: "miller-madow" })).toBe("miller-madow");
    expect(estimatorArg("f", { correction: "miller-madow", estimator: "miller-madow" })).toBe("miller-madow");
    expect(estimatorArg("f", { correction: "none", estimator: "plugin" })).toBe("plugin");
    expect(estimatorArg("f", { estimator: "nsb" })).toBe("nsb");
    expect(() => estimatorArg("f", { correction: "none", estimator: "nsb" })).toThrow(/^f: correction "none" conflicts with estimator "nsb"/);
    expect(() => estimatorArg("f", { correction: "bogus" })).toThrow(/^f: correction must be "none" or "miller-madow"/);
  });
});
