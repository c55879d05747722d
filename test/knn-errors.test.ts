/**
 * Bad input to the kNN family (knn-spec "Errors", API.md "Samples of continuous variables"): each is a
 * RangeError or TypeError whose message names the function, the argument and, where there is one,
 * the index (x[3], row 3 …). After any of them the engine still computes and its memory is unchanged.
 * The rows with a zero k-th distance (entropyKnn, klDivergenceKnn) come from knn.py's brute force
 * (test/reference/knn.ts entropyZeroCases / klZeroCases: the first row whose ε_i, ρ_k(i) or ν_k(i) is 0).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine.js";
import { BACKENDS, engine, rng, throws } from "./backends.js";
import { entropyZeroCases, klZeroCases, knnData, type KnnSet } from "./reference/knn.js";

const sets = new Map(knnData.map((d) => [d.name, d]));
function sample(s: KnnSet | undefined) {
  if (!s) throw new Error("missing set");
  const v = Float64Array.from(s.data);
  return s.cols === 1 ? v : { data: v, rows: v.length / s.cols, cols: s.cols };
}

function vec(n: number, seed: number): Float64Array {
  const r = rng(seed);
  return Float64Array.from({ length: n }, () => r() * 4 - 2);
}
const mat = (rows: number, cols: number, seed: number) => ({ data: vec(rows * cols, seed), rows, cols });

describe.each(BACKENDS)("kNN errors (%s)", (name) => {
  let e: Engine;
  const n = 12;
  const x = vec(n, 1);
  const y = vec(n, 2);
  const z = vec(n, 3);
  const X = mat(n, 3, 4);
  const labels = Array.from({ length: n }, (_, i) => i % 3);
  beforeAll(async () => {
    e = await engine(name);
  });

  /** The six entry points with every argument valid, opts merged in. */
  const calls = (o: Record<string, unknown>) => ({
    mutualInformationKnn: () => e.mutualInformationKnn(x, y, o as never),
    conditionalMutualInformationKnn: () => e.conditionalMutualInformationKnn(x, y, z, o as never),
    entropyKnn: () => e.entropyKnn(x, o as never),
    klDivergenceKnn: () => e.klDivergenceKnn(x, y, o as never),
    mutualInfoRegression: () => e.mutualInfoRegression(X, y, o as never),
    mutualInfoClassif: () => e.mutualInfoClassif(X, labels, o as never),
  });

  it("k < 1 is a RangeError naming k", () => {
    for (const k of [0, -1, -3])
      for (const [fn, f] of Object.entries(calls({ k }))) throws(f, RangeError, fn, "k");
  });

  it("a non-integer k is a TypeError naming k", () => {
    for (const k of [1.5, NaN, Infinity, "3", null])
      for (const [fn, f] of Object.entries(calls({ k }))) throws(f, TypeError, fn, "k");
  });

  it("k ≥ n is a RangeError naming k for the estimators (k = n − 1 is fine)", () => {
    for (const k of [n, n + 5]) {
      const c = calls({ k });
      for (const fn of ["mutualInformationKnn", "conditionalMutualInformationKnn", "entropyKnn", "klDivergenceKnn", "mutualInfoRegression"] as const)
        throws(c[fn], RangeError, fn, "k");
    }
    const ok = calls({ k: n - 1 });
    for (const f of Object.values(ok)) expect(f).not.toThrow();
  });

  it("klDivergenceKnn: k > m (samples of y) is a RangeError naming k and y", () => {
    throws(() => e.klDivergenceKnn(x, vec(3, 9), { k: 4 }), RangeError, "klDivergenceKnn", "k", "y");
    expect(Number.isFinite(e.klDivergenceKnn(x, vec(4, 9), { k: 4 }))).toBe(true);
  });

  it("mutualInfoClassif: k ≥ n is no error (per class k is cut to count − 1)", () => {
    const big = e.mutualInfoClassif(X, labels, { k: n + 5, noise: false });
    const cut = e.mutualInfoClassif(X, labels, { k: n / 3 - 1, noise: false }); // every class has n/3 samples
    expect(Array.from(big)).toEqual(Array.from(cut));
  });

  it("no class with two samples (every label, or every value of a discrete column, distinct) is a RangeError, as scikit-learn's ValueError", () => {
    const m = 6;
    const distinct = Array.from({ length: m }, (_, i) => i);
    throws(() => e.mutualInfoClassif(vec(m, 4), distinct), RangeError, "mutualInfoClassif", "labels");
    throws(() => e.mutualInfoRegression({ data: Float64Array.from(distinct), rows: m, cols: 1 }, vec(m, 5), { discreteFeatures: true }), RangeError, "mutualInfoRegression", "discrete column 0");
  });

  it("NaN / ±Infinity samples: a RangeError naming the argument and the index", () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const bx = x.slice();
      bx[3] = bad;
      throws(() => e.mutualInformationKnn(bx, y), RangeError, "mutualInformationKnn", "x[3]");
      throws(() => e.mutualInformationKnn(x, bx), RangeError, "mutualInformationKnn", "y[3]");
      throws(() => e.conditionalMutualInformationKnn(x, y, bx), RangeError, "conditionalMutualInformationKnn", "z[3]");
      throws(() => e.entropyKnn(bx), RangeError, "entropyKnn", "x[3]");
      throws(() => e.klDivergenceKnn(x, bx), RangeError, "klDivergenceKnn", "y[3]");
      throws(() => e.mutualInfoRegression(X, bx), RangeError, "mutualInfoRegression", "y[3]");
      throws(() => e.mutualInfoRegression(bx, y), RangeError, "mutualInfoRegression", "X[3]");
      const bX = { ...X, data: X.data.slice() };
      bX.data[3 * 3 + 1] = bad; // row 3, column 1
      throws(() => e.mutualInfoRegression(bX, y), RangeError, "mutualInfoRegression", "X", "row 3", "column 1");
      throws(() => e.mutualInfoClassif(bX, labels), RangeError, "mutualInfoClassif", "X", "row 3", "column 1");
      throws(() => e.entropyKnn(bX), RangeError, "entropyKnn", "x", "row 3", "column 1");
      throws(() => e.mutualInformationKnn(bX, y), RangeError, "mutualInformationKnn", "x", "row 3", "column 1");
      throws(() => e.klDivergenceKnn(X, bX), RangeError, "klDivergenceKnn", "y", "row 3", "column 1");
    }
  });

  it("mismatched sample counts: a RangeError naming both arguments", () => {
    const short = vec(n - 1, 5);
    throws(() => e.mutualInformationKnn(x, short), RangeError, "mutualInformationKnn", "x", "y");
    throws(() => e.mutualInformationKnn(mat(n, 2, 6), short), RangeError, "mutualInformationKnn", "x", "y");
    throws(() => e.conditionalMutualInformationKnn(x, y, short), RangeError, "conditionalMutualInformationKnn", "x", "z");
    throws(() => e.conditionalMutualInformationKnn(x, short, z), RangeError, "conditionalMutualInformationKnn", "x", "y");
    throws(() => e.mutualInfoRegression(X, short), RangeError, "mutualInfoRegression", "X", "y");
    throws(() => e.mutualInfoClassif(X, labels.slice(1)), RangeError, "mutualInfoClassif", "X", "labels");
  });

  it("0 rows: an error naming the argument", () => {
    const empty = new Float64Array(0);
    throws(() => e.mutualInformationKnn(empty, empty), RangeError, "mutualInformationKnn", "x");
    throws(() => e.conditionalMutualInformationKnn(empty, empty, empty), RangeError, "conditionalMutualInformationKnn", "x");
    throws(() => e.entropyKnn(empty), RangeError, "entropyKnn", "x");
    throws(() => e.klDivergenceKnn(empty, y), RangeError, "klDivergenceKnn", "x");
    throws(() => e.klDivergenceKnn(x, empty), RangeError, "klDivergenceKnn", "y");
    throws(() => e.mutualInfoRegression(empty, empty), RangeError, "mutualInfoRegression", "X");
    throws(() => e.mutualInfoClassif(empty, []), RangeError, "mutualInfoClassif", "X");
    throws(() => e.mutualInfoRegression({ data: empty, rows: 0, cols: 3 }, empty), RangeError, "mutualInfoRegression", "X");
  });

  it("discreteFeatures: an index out of range, a non-integer index, a mask of the wrong length", () => {
    for (const fn of ["mutualInfoRegression", "mutualInfoClassif"] as const) {
      const f = (discreteFeatures: unknown) => () =>
        fn === "mutualInfoRegression"
          ? e.mutualInfoRegression(X, y, { discreteFeatures } as never)
          : e.mutualInfoClassif(X, labels, { discreteFeatures } as never);
      throws(f([0, 3]), RangeError, fn, "discreteFeatures[1]", "3");
      throws(f([-1]), RangeError, fn, "discreteFeatures[0]");
      throws(f([1.5]), TypeError, fn, "discreteFeatures[0]");
      throws(f([true, false]), RangeError, fn, "discreteFeatures", "2");
      throws(f([true, false, false, true]), RangeError, fn, "discreteFeatures", "4");
      throws(f([true, 1, false]), TypeError, fn, "discreteFeatures[1]");
      throws(f("yes"), TypeError, fn, "discreteFeatures");
    }
  });

  it("algorithm not 1 | 2, an unknown metric", () => {
    for (const algorithm of [0, 3, 1.5, "1", NaN]) throws(() => e.mutualInformationKnn(x, y, { algorithm } as never), RangeError, "mutualInformationKnn", "algorithm");
    for (const metric of ["manhattan", "Euclidean", 2, ""]) {
      let err: unknown;
      try {
        e.entropyKnn(x, { metric } as never);
      } catch (c) {
        err = c;
      }
      expect(err instanceof RangeError || err instanceof TypeError).toBe(true);
      expect((err as Error).message).toContain("entropyKnn");
      expect((err as Error).message).toContain("metric");
    }
  });

  it("klDivergenceKnn: x and y of different dimension", () => {
    throws(() => e.klDivergenceKnn(mat(n, 2, 7), mat(n, 3, 8)), RangeError, "klDivergenceKnn", "x", "y");
    throws(() => e.klDivergenceKnn(x, mat(n, 2, 8)), RangeError, "klDivergenceKnn", "x", "y");
  });

  it("mutualInfoRegression: y must be a vector; noise and seed options are checked", () => {
    throws(() => e.mutualInfoRegression(X, mat(n, 2, 9) as never), TypeError, "mutualInfoRegression", "y");
    throws(() => e.mutualInfoRegression(X, y, { noise: 1 } as never), TypeError, "mutualInfoRegression", "noise");
    throws(() => e.mutualInfoClassif(X, labels, { seed: NaN }), TypeError, "mutualInfoClassif", "seed");
    throws(() => e.mutualInfoClassif(X, labels, { seed: "1" } as never), TypeError, "mutualInfoClassif", "seed");
  });

  // Table: entropyZeroCases (knn.py brute force: the first row with k identical other rows).
  it.each(entropyZeroCases)("entropyKnn $data, k = $k, $metric: ε = 0 at row $row is a RangeError naming the row", (c) => {
    throws(() => e.entropyKnn(sample(sets.get(c.data)!.x), { k: c.k, metric: c.metric }), RangeError, "entropyKnn", "x", `row ${c.row} `);
  });

  // Table: klZeroCases (knn.py brute force: the first row with ρ_k(i) = 0 or ν_k(i) = 0).
  it.each(klZeroCases)("klDivergenceKnn $data, k = $k: $which = 0 at row $row is a RangeError naming the row", (c) => {
    const d = sets.get(c.data)!;
    throws(() => e.klDivergenceKnn(sample(d.x), sample(d.y), { k: c.k }), RangeError, "klDivergenceKnn", `row ${c.row} `);
  });

  it("after the errors the engine still works and its memory is unchanged", () => {
    const results = () => [
      e.mutualInformationKnn(x, y),
      e.conditionalMutualInformationKnn(x, y, z),
      e.entropyKnn(X),
      e.klDivergenceKnn(x, y),
      ...e.mutualInfoRegression(X, y, { noise: false }),
      ...e.mutualInfoClassif(X, labels, { noise: false }),
    ];
    const good = results();
    const before = e.memoryBytes();
    const big = vec(70_000, 10);
    const bigBad = big.slice();
    bigBad[65_000] = NaN;
    throws(() => e.mutualInformationKnn(big, bigBad), RangeError, "y[65000]");
    throws(() => e.entropyKnn(big, { k: 70_000 }), RangeError, "k");
    throws(() => e.mutualInfoRegression({ data: big, rows: 35_000, cols: 2 }, bigBad.subarray(0, 35_000), { discreteFeatures: [7] }), RangeError, "discreteFeatures");
    const dup = new Float64Array(5000).fill(1.25);
    throws(() => e.entropyKnn(dup), RangeError, "row 0 ");
    throws(() => e.klDivergenceKnn(dup, dup), RangeError, "row 0 ");
    expect(e.memoryBytes()).toBe(before);
    const again = results();
    expect(again).toEqual(good);
    expect(e.memoryBytes()).toBe(before);
  });
});
