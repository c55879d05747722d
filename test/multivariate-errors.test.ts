/** Bad input to the many-variable calls: a clear TypeError/RangeError naming the call, the argument and the index; the engine stays usable. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine.js";
import { BACKENDS, engine } from "./backends.js";

describe.each(BACKENDS)("multivariate errors (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });
  const a = [0, 1, 0, 1, 2];
  const b = [1, 1, 0, 0, 2];
  const X = { data: Float64Array.from({ length: 30 }, (_, i) => Math.sin(i)), rows: 10, cols: 3 };

  it("columns of different lengths name the column", () => {
    expect(() => e.mutualInformationMatrix([a, b, [1, 2]])).toThrow(/mutualInformationMatrix: columns\[2\] has length 2 but columns\[0\] has length 5/);
    expect(() => e.totalCorrelation([a, [1, 2, 3]])).toThrow(/totalCorrelation: columns\[1\] has length 3/);
    expect(() => e.mutualInformationMatrix([Float64Array.of(1, 2, 3), Float64Array.of(1, 2)], { method: "histogram" })).toThrow(/columns\[1\] has length 2/);
    expect(() => e.mutualInformationMatrix([Float64Array.of(1, 2, 3, 4), Float64Array.of(1, 2)], { method: "knn", k: 1 })).toThrow(/columns\[1\] has length 2/);
    expect(() => e.interactionInformation(a, b, [1])).toThrow(/interactionInformation: x has length 5 but z has length 1/);
    expect(() => e.informationGain(a, [1])).toThrow(/informationGain: labels has length 5 but feature has length 1/);
    expect(() => e.gainRatio(a, [1, 2])).toThrow(RangeError);
  });

  it("no columns, an empty column, too few columns for a matrix", () => {
    expect(() => e.mutualInformationMatrix([])).toThrow(/mutualInformationMatrix: columns is empty/);
    expect(() => e.totalCorrelation([])).toThrow(/totalCorrelation: columns is empty/);
    expect(() => e.mutualInformationMatrix([a])).toThrow(/mutualInformationMatrix: columns has 1 column; give at least 2/);
    expect(() => e.mutualInformationMatrix({ data: Float64Array.of(1, 2, 3), rows: 3, cols: 1 })).toThrow(/at least 2/);
    expect(() => e.mutualInformationMatrix([[], []])).toThrow(/mutualInformationMatrix: columns\[0\] is empty/);
    expect(() => e.totalCorrelation([a, []])).toThrow(/columns\[1\] is empty/);
    expect(() => e.informationGain([], [])).toThrow(/informationGain: labels is empty/);
  });

  it("not columns at all", () => {
    expect(() => e.mutualInformationMatrix(Float64Array.of(1, 2) as never)).toThrow(/mutualInformationMatrix: columns must be an array of columns or a matrix/);
    expect(() => e.totalCorrelation(null as never)).toThrow(TypeError);
    expect(() => e.mutualInformationMatrix({ data: Float64Array.of(1, 2, 3), rows: 2, cols: 2 })).toThrow(/columns.rows × columns.cols/);
  });

  it("bad labels name the column and the index", () => {
    expect(() => e.mutualInformationMatrix([a, [0, 1, 0.5, 1, 1]])).toThrow(/mutualInformationMatrix: columns\[1\]\[2\] is 0.5; numeric labels must be integers/);
    expect(() => e.totalCorrelation([a, [0, 1, "x", 1, 1] as never])).toThrow(/totalCorrelation: columns\[1\]\[2\] is string "x" but columns\[1\]\[0\] is a number/);
    // a real-valued matrix with the default method: the labels error says the values are not labels
    expect(() => e.mutualInformationMatrix(X)).toThrow(/columns\[0\]\[1\] is 0.1411\d*; numeric labels must be integers \(method "labels"; real-valued columns take method "histogram" or "knn"\)/);
  });

  it("unknown method, options of another method", () => {
    expect(() => e.mutualInformationMatrix([a, b], { method: "kde" as never })).toThrow(/mutualInformationMatrix: method must be one of "labels", "histogram", "knn", got "kde"/);
    expect(() => e.mutualInformationMatrix([a, b], { bins: 4 })).toThrow(/bins applies to method "histogram" only/);
    expect(() => e.mutualInformationMatrix(X, { method: "histogram", k: 3 })).toThrow(/k applies to method "knn" only/);
    expect(() => e.mutualInformationMatrix(X, { method: "knn", estimator: "nsb" })).toThrow(/estimator and correction apply to methods "labels" and "histogram"/);
    expect(() => e.mutualInformationMatrix([a, b], { estimator: "magic" as never })).toThrow(/mutualInformationMatrix: estimator must be one of/);
    expect(() => e.mutualInformationMatrix([a, b], { base: 1 })).toThrow(/mutualInformationMatrix: base/);
    expect(() => e.totalCorrelation([a, b], { base: -2 })).toThrow(/totalCorrelation: base/);
  });

  it("invalid bins and k", () => {
    for (const bins of [0, -3, 2.5]) expect(() => e.mutualInformationMatrix(X, { method: "histogram", bins })).toThrow(/mutualInformationMatrix: bins/);
    expect(() => e.mutualInformationMatrix(X, { method: "histogram", bins: "magic" as never })).toThrow(/mutualInformationMatrix: bins must be a bin count/);
    expect(() => e.mutualInformationMatrix(X, { method: "histogram", bins: [0, 1, 2] as never })).toThrow(/one edge array cannot serve them all/);
    expect(() => e.mutualInformationMatrix(X, { method: "knn", k: 0 })).toThrow(/mutualInformationMatrix: k must be ≥ 1/);
    expect(() => e.mutualInformationMatrix(X, { method: "knn", k: 1.5 })).toThrow(/mutualInformationMatrix: k must be an integer/);
    expect(() => e.mutualInformationMatrix(X, { method: "knn", k: 10 })).toThrow(/mutualInformationMatrix: k = 10 needs at least k \+ 1 samples, and there are 10/);
  });

  it("non-finite real samples name the column and index", () => {
    const bad = [Float64Array.of(1, 2, 3, 4), Float64Array.of(1, NaN, 3, 4)];
    expect(() => e.mutualInformationMatrix(bad, { method: "histogram" })).toThrow(/mutualInformationMatrix: columns\[1\]/);
    expect(() => e.mutualInformationMatrix(bad, { method: "knn", k: 1 })).toThrow(/mutualInformationMatrix: columns\[1\]\[1\] is NaN/);
  });

  it("the engine stays usable after the errors", () => {
    expect(e.informationGain([0, 0, 1, 1], [0, 0, 1, 1], { base: "bits" })).toBe(1);
    expect(e.mutualInformationMatrix([a, b]).rows).toBe(2);
  });
});
