/**
 * Many variables: total correlation, interaction information, the MI matrix, information gain
 * and gain ratio. Outside values: scikit-learn 1.2.1 and mpmath (test/reference/multivariate.py,
 * regenerate with `/usr/bin/python3 test/reference/multivariate.py --emit-ts test/reference/multivariate.ts`)
 * and closed forms.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { init } from "../src/index.js";
import type { Engine } from "../src/engine.js";
import { createJsBackend } from "../src/js/backend.js";
import { backendOf } from "../src/facade.js";
import { BACKENDS, close, engine, rng } from "./backends.js";
import { histCases, knnCases, labelCases, tripleCases } from "./reference/multivariate.js";

function expectAllClose(got: ArrayLike<number>, want: ArrayLike<number>, rel = 1e-12, abs = 1e-14): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    if (!close(got[i], want[i], rel, abs)) expect.fail(`[${i}]: got ${got[i]}, want ${want[i]}`);
  }
}

/** n random labels 0 … m − 1. */
function labels(n: number, m: number, seed: number): Int32Array {
  const u = rng(seed);
  return Int32Array.from({ length: n }, () => Math.floor(u() * m));
}

/** Columns column-major with alphabet sizes ms, column j leaning on column 0. */
function labelColumns(n: number, ms: number[], seed: number): Int32Array[] {
  const base = labels(n, ms[0], seed);
  return ms.map((m, j) => {
    if (j === 0) return base;
    const noise = labels(n, m, seed + 17 * j);
    const u = rng(seed + 31 * j);
    return Int32Array.from(noise, (v, i) => (u() < 0.5 ? base[i] % m : v));
  });
}

describe.each(BACKENDS)("multivariate (%s)", (name) => {
  let it_: Engine;
  beforeAll(async () => {
    it_ = await engine(name);
  });

  describe("mutualInformationMatrix, labels = sklearn mutual_info_score per pair", () => {
    for (const c of labelCases)
      it(c.name, () => {
        const M = it_.mutualInformationMatrix(c.columns as number[][]);
        expect(M.rows).toBe(c.columns.length);
        expect(M.cols).toBe(c.columns.length);
        expectAllClose(M.data, c.matrix);
      });

    it("an n×d integer matrix gives the matrix of its columns", () => {
      const c = labelCases[0];
      const d = c.columns.length;
      const n = c.columns[0].length;
      const data = new Float64Array(n * d);
      for (let j = 0; j < d; j++) for (let i = 0; i < n; i++) data[i * d + j] = c.columns[j][i] as number;
      expectAllClose(it_.mutualInformationMatrix({ data, rows: n, cols: d }).data, c.matrix);
      expectAllClose(it_.mutualInformationMatrix({ data: Float32Array.from(data), rows: n, cols: d }).data, c.matrix);
      // base: bits = nats / ln 2
      expectAllClose(it_.mutualInformationMatrix({ data, rows: n, cols: d }, { base: "bits" }).data, c.matrix.map((v) => v / Math.LN2));
    });

    it("estimator: each pair as mutualInformationLabels with that estimator, the diagonal as entropyLabels", () => {
      const cols = labelColumns(500, [3, 4, 2, 5], 7);
      for (const estimator of ["miller-madow", "grassberger", "james-stein", "nsb"] as const) {
        const M = it_.mutualInformationMatrix(cols, { estimator });
        for (let i = 0; i < 4; i++)
          for (let j = 0; j < 4; j++) {
            const want = i === j ? it_.entropyLabels(cols[i], { estimator }) : it_.mutualInformationLabels(cols[i], cols[j], { estimator });
            expect(close(M.data[i * 4 + j], want, 1e-12, 1e-14)).toBe(true);
          }
      }
    });

    it("columns with more labels than a dense table holds are counted sparsely, with the same values", () => {
      // 3000 samples, ~3000 distinct labels in two columns: 9e6 cells exceed the dense tables
      const n = 3000;
      const a = Int32Array.from({ length: n }, (_, i) => i);
      const b = Int32Array.from({ length: n }, (_, i) => (i * 7) % n);
      const c = labels(n, 3, 5);
      const M = it_.mutualInformationMatrix([a, b, c]);
      // a and b are both one-to-one: I = H = ln n (sklearn: mutual_info_score of two permutations = ln n)
      expect(close(M.data[1], Math.log(n))).toBe(true);
      expect(close(M.data[0], Math.log(n))).toBe(true);
      expect(close(M.data[2], it_.mutualInformationLabels(a, c))).toBe(true);
    });
  });

  describe("mutualInformationMatrix, histogram = np.histogram2d + mutual_info_score per pair", () => {
    for (const c of histCases)
      it(c.name, () => {
        const M = it_.mutualInformationMatrix({ data: Float64Array.from(c.data), rows: c.rows, cols: c.cols }, { method: "histogram", bins: c.bins as number });
        expectAllClose(M.data, c.matrix, 1e-11, 1e-13);
      });

    it("each pair equals histogramMutualInformation with the same bins; float32 works", () => {
      const c = histCases[0];
      const X = { data: Float32Array.from(c.data), rows: c.rows, cols: c.cols };
      const M = it_.mutualInformationMatrix(X, { method: "histogram", bins: 6, estimator: "miller-madow" });
      const col = (j: number) => Float32Array.from({ length: c.rows }, (_, i) => X.data[i * c.cols + j]);
      for (let i = 0; i < c.cols; i++)
        for (let j = i + 1; j < c.cols; j++) {
          const want = it_.histogramMutualInformation(col(i), col(j), { bins: 6, estimator: "miller-madow" });
          expect(close(M.data[i * c.cols + j], want)).toBe(true);
        }
    });
  });

  it("mutualInformationMatrix, knn: float32 columns give the matrix of their float64 values", () => {
    const c = knnCases[0];
    const f32 = Float32Array.from(c.data);
    const M32 = it_.mutualInformationMatrix({ data: f32, rows: c.rows, cols: c.cols }, { method: "knn" });
    const M64 = it_.mutualInformationMatrix({ data: Float64Array.from(f32), rows: c.rows, cols: c.cols }, { method: "knn" });
    expect(Array.from(M32.data)).toEqual(Array.from(M64.data));
    // columns as an array of Float32Array vectors: the same
    const cols = Array.from({ length: c.cols }, (_, j) => Float32Array.from({ length: c.rows }, (_, i) => f32[i * c.cols + j]));
    expect(Array.from(it_.mutualInformationMatrix(cols, { method: "knn" }).data)).toEqual(Array.from(M64.data));
  });

  describe("mutualInformationMatrix, knn = sklearn _compute_mi_cc per pair", () => {
    for (const c of knnCases)
      it(c.name, () => {
        const X = { data: Float64Array.from(c.data), rows: c.rows, cols: c.cols };
        const M = it_.mutualInformationMatrix(X, { method: "knn", k: c.k });
        expectAllClose(M.data, c.matrix);
        // and each pair is mutualInformationKnn of the two columns (a consistency check)
        const col = (j: number) => Float64Array.from({ length: c.rows }, (_, i) => c.data[i * c.cols + j]);
        for (let i = 0; i < c.cols; i++)
          for (let j = 0; j < c.cols; j++)
            if (i !== j) expect(close(M.data[i * c.cols + j], it_.mutualInformationKnn(col(i), col(j), { k: c.k }))).toBe(true);
      });
  });

  describe("totalCorrelation", () => {
    for (const c of labelCases)
      it(`${c.name} (mpmath: Σ H(X_i) − H(X_1..X_d))`, () => {
        expect(close(it_.totalCorrelation(c.columns as number[][]), c.tc, 1e-12, 1e-14)).toBe(true);
      });

    it("d copies of one column: (d − 1)·H; one column: 0", () => {
      const x = labels(1000, 5, 3);
      const h = it_.entropyLabels(x);
      for (const d of [1, 2, 3, 6]) expect(close(it_.totalCorrelation(Array.from({ length: d }, () => x)), (d - 1) * h)).toBe(true);
      // three copies of a fair bit (exactly balanced): 2 bits
      const bit = Int32Array.from({ length: 64 }, (_, i) => i & 1);
      expect(close(it_.totalCorrelation([bit, bit, bit], { base: "bits" }), 2)).toBe(true);
    });

    it("independent uniform columns (a full factorial design): 0", () => {
      // every combination of 3 × 4 × 2 × 5 labels once: the columns are exactly independent
      const ms = [3, 4, 2, 5];
      const n = 120;
      const cols = ms.map(() => new Int32Array(n));
      for (let i = 0; i < n; i++) {
        let r = i;
        ms.forEach((m, j) => {
          cols[j][i] = r % m;
          r = Math.floor(r / m);
        });
      }
      expect(Math.abs(it_.totalCorrelation(cols))).toBeLessThan(1e-14);
    });

    it("many columns with many labels: the joint code is made dense as it grows", () => {
      // 12 columns of 2^16 labels: the mixed-radix product overflows 32 bits after two columns
      const n = 5000;
      const cols = Array.from({ length: 12 }, (_, j) => labels(n, 65536, 100 + j));
      // the rows are all distinct (with overwhelming probability), so H(joint) = ln n
      let sum = 0;
      for (const c of cols) sum += it_.entropyLabels(c);
      expect(close(it_.totalCorrelation(cols), sum - Math.log(n), 1e-12)).toBe(true);
    });
  });

  describe("interactionInformation (McGill's sign)", () => {
    it("XOR of two fair bits: −1 bit; three copies of a fair bit: +1 bit", () => {
      const x = Int32Array.from({ length: 400 }, (_, i) => i & 1);
      const y = Int32Array.from({ length: 400 }, (_, i) => (i >> 1) & 1);
      const z = Int32Array.from(x, (v, i) => v ^ y[i]);
      expect(close(it_.interactionInformation(x, y, z, { base: "bits" }), -1)).toBe(true);
      expect(close(it_.interactionInformation(x, x, x, { base: "bits" }), 1)).toBe(true);
      expect(close(it_.interactionInformation(["a", "b", "a", "b"], [true, false, true, false], [1, 2, 1, 2], { base: "bits" }), 1)).toBe(true);
    });

    for (const c of tripleCases)
      it(`${c.name} (mpmath, seven entropies)`, () => {
        expect(close(it_.interactionInformation(c.x, c.y, c.z), c.ii, 1e-11, 1e-14)).toBe(true);
        // symmetric in its three arguments
        expect(close(it_.interactionInformation(c.z, c.x, c.y), c.ii, 1e-11, 1e-14)).toBe(true);
      });
  });

  describe("informationGain and gainRatio", () => {
    for (const c of tripleCases)
      it(`${c.name} (mpmath: H(Y) − H(Y|X), ÷ H(X))`, () => {
        expect(close(it_.informationGain(c.x, c.y), c.ig)).toBe(true);
        expect(close(it_.informationGain(c.x, c.y, { base: "bits" }), c.ig / Math.LN2)).toBe(true);
        expect(close(it_.gainRatio(c.x, c.y), c.gr)).toBe(true);
      });

    it("Quinlan's play-tennis data: gain(outlook) = 0.246 bit, gain ratio 0.156 (C4.5, Quinlan 1993)", () => {
      // the 14 days of Quinlan (1986), Table 1: outlook and the class
      const outlook = ["sunny", "sunny", "overcast", "rain", "rain", "rain", "overcast", "sunny", "sunny", "rain", "sunny", "overcast", "overcast", "rain"];
      const play = [0, 0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0];
      // closed form: H(9/14) − (5/14)H(2/5) − (5/14)H(3/5) = 0.2467498… bit; split info H(5, 4, 5 of 14) = 1.5774062… bit
      const h = (...p: number[]) => -p.reduce((s, v) => s + (v > 0 ? v * Math.log2(v) : 0), 0);
      const gain = h(9 / 14, 5 / 14) - (5 / 14) * h(2 / 5, 3 / 5) * 2;
      expect(close(it_.informationGain(play, outlook, { base: "bits" }), gain)).toBe(true);
      expect(gain).toBeCloseTo(0.2467498, 6);
      expect(close(it_.gainRatio(play, outlook), gain / h(5 / 14, 4 / 14, 5 / 14))).toBe(true);
      expect(it_.gainRatio(play, outlook)).toBeCloseTo(0.156428, 5);
    });

    it("a constant feature: gain 0, gain ratio 0; the labels as feature: gain ratio 1", () => {
      const y = labels(300, 4, 9);
      expect(it_.informationGain(y, new Int32Array(300))).toBe(0);
      expect(it_.gainRatio(y, new Int32Array(300))).toBe(0);
      expect(close(it_.gainRatio(y, y), 1)).toBe(true);
    });
  });

  it("memoryBytes stays flat across repeated calls", () => {
    const cols = labelColumns(20000, [4, 6, 3, 8, 2], 11);
    const X = { data: Float64Array.from({ length: 4000 * 3 }, (_, i) => Math.sin(i * 1.7) + (i % 3)), rows: 4000, cols: 3 };
    const run = () => {
      it_.mutualInformationMatrix(cols);
      it_.mutualInformationMatrix(X, { method: "histogram" });
      it_.mutualInformationMatrix(X, { method: "knn" });
      it_.totalCorrelation(cols);
      it_.interactionInformation(cols[0], cols[1], cols[2]);
    };
    run();
    const before = it_.memoryBytes();
    for (let r = 0; r < 3; r++) run();
    expect(it_.memoryBytes()).toBe(before);
  });
});

describe("multivariate: backends agree", () => {
  it("pairTables counts are identical on every backend, and the matrices agree to 1e-12", async () => {
    const js = createJsBackend();
    const engines = await Promise.all(BACKENDS.map(engine));
    for (const seed of [1, 2, 3]) {
      const n = 3001 + seed;
      const k = Int32Array.from([3, 7, 1, 12, 5]);
      const d = k.length;
      const codes = new Int32Array(n * d);
      for (let j = 0; j < d; j++) codes.set(labels(n, k[j], seed * 10 + j), j * n);
      const pairs: number[] = [];
      for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) pairs.push(i, j);
      const P = Int32Array.from(pairs);
      const want = js.pairTables(codes, n, k, P, 0, P.length / 2);
      for (const e of engines) expect(Array.from(e[backendOf]().pairTables(codes, n, k, P, 0, P.length / 2))).toEqual(Array.from(want));
      // a sub-range of pairs is the matching slice
      const cells01 = k[0] * k[1];
      expect(Array.from(engines[1][backendOf]().pairTables(codes, n, k, P, 1, 3))).toEqual(Array.from(want.subarray(cells01, cells01 + k[0] * k[2] + k[0] * k[3])));
      const cols = Array.from({ length: d }, (_, j) => codes.subarray(j * n, (j + 1) * n));
      const ref = engines[0].mutualInformationMatrix(cols).data;
      for (const e of engines.slice(1)) expectAllClose(e.mutualInformationMatrix(cols).data, ref);
      // real columns: the histogram and kNN matrices agree across backends too
      const u = rng(seed + 100);
      const X = { data: Float64Array.from({ length: 2000 * 4 }, (_, i) => u() + (i % 4 === 2 ? 0 : 0.3 * Math.cos(i / 4))), rows: 2000, cols: 4 };
      for (const opts of [{ method: "histogram", bins: 9 }, { method: "histogram", bins: "fd" }, { method: "knn", k: 4 }] as const) {
        const refM = engines[0].mutualInformationMatrix(X, opts).data;
        for (const e of engines.slice(1)) expectAllClose(e.mutualInformationMatrix(X, opts).data, refM);
      }
      // the tables' counts add up: each table holds n samples
      let o = 0;
      for (let p = 0; p < P.length / 2; p++) {
        const cells = k[P[2 * p]] * k[P[2 * p + 1]];
        let s = 0;
        for (let c = 0; c < cells; c++) s += want[o + c];
        expect(s).toBe(n);
        o += cells;
      }
    }
  });
});

describe.each(BACKENDS)("multivariate on the worker pool (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await init({ backend, threads: 3 });
  });
  afterAll(() => e.close());

  it("it.parallel.mutualInformationMatrix equals the calling thread's matrix", async () => {
    const cols = labelColumns(40000, [4, 6, 3, 8, 2, 5, 7], 21);
    const local = e.mutualInformationMatrix(cols);
    const pooled = await e.parallel.mutualInformationMatrix(cols);
    expectAllClose(pooled.data, local.data, 0, 0);
    const n = 20000;
    const u = rng(4);
    const X = { data: Float64Array.from({ length: n * 4 }, (_, i) => u() + (i % 4 === 1 ? 0 : 0.5 * Math.sin(i))), rows: n, cols: 4 };
    expectAllClose((await e.parallel.mutualInformationMatrix(X, { method: "histogram", bins: 12 })).data, e.mutualInformationMatrix(X, { method: "histogram", bins: 12 }).data, 0, 0);
    expectAllClose((await e.parallel.mutualInformationMatrix(X, { method: "knn" })).data, e.mutualInformationMatrix(X, { method: "knn" }).data, 0, 0);
  });
});
