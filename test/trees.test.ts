/**
 * it.bestSplit on every backend:
 * - scikit-learn 1.2.1: the root split of DecisionTreeClassifier(max_depth=1) fitted per column
 *   (test/reference/trees.py → trees.ts; thresholds and counts exact, impurities and gains 1e-12);
 * - closed forms on tiny examples (worked below), scikit-learn's threshold rule at adjacent doubles,
 *   units, labels of any kind, a pure target;
 * - bad input names the function, the argument and the index; memory stays flat;
 * - the backends pick the same splits (parity on random data with ties), and the worker pool
 *   gives the calling thread's results.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { init } from "../src/index.js";
import type { Engine } from "../src/engine.js";
import type { BestSplit } from "../src/trees.js";
import { BACKENDS, close, engine, rng } from "./backends.js";
import { treeCases, type SplitRef } from "./reference/trees.js";

function expectSplit(got: BestSplit, want: SplitRef, what: string): void {
  expect([what, got.threshold, got.countLeft, got.countRight]).toEqual([what, want.threshold, want.countLeft, want.countRight]);
  for (const k of ["gain", "impurityLeft", "impurityRight"] as const)
    if (!close(got[k], want[k], 1e-12, 1e-14)) expect([what, k, got[k]]).toEqual([what, k, want[k]]);
}

const column = (x: number[], rows: number, cols: number, c: number) => Float64Array.from({ length: rows }, (_, i) => x[i * cols + c]);

describe.each(BACKENDS)("bestSplit = scikit-learn DecisionTreeClassifier(max_depth=1) (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(backend);
  });

  for (const t of treeCases) {
    it(`${t.name}, ${t.criterion} (${t.note})`, () => {
      // one column at a time, as a vector (float64 and float32: every value is float32-representable)
      for (let c = 0; c < t.cols; c++) {
        const x = column(t.x, t.rows, t.cols, c);
        expectSplit(e.bestSplit(x, t.y, { criterion: t.criterion }), t.splits[c], `column ${c}`);
        expectSplit(e.bestSplit(Float32Array.from(x), Int32Array.from(t.y), { criterion: t.criterion }), t.splits[c], `column ${c} f32`);
      }
      // the whole matrix: one result per column
      const all = e.bestSplit({ data: Float64Array.from(t.x), rows: t.rows, cols: t.cols }, t.y, { criterion: t.criterion });
      expect(all.length).toBe(t.cols);
      all.forEach((s, c) => expectSplit(s, t.splits[c], `matrix column ${c}`));
    });
  }

  it("entropy in bits and hartleys = nats / ln 2 and / ln 10; gini takes no base", () => {
    const t = treeCases.find((c) => c.criterion === "entropy" && c.cols === 1)!;
    const x = Float64Array.from(t.x);
    const nats = e.bestSplit(x, t.y);
    for (const [base, ln] of [["bits", Math.LN2], ["hartleys", Math.LN10], [3, Math.log(3)]] as const) {
      const s = e.bestSplit(x, t.y, { base });
      expect(s.threshold).toBe(nats.threshold);
      expect(close(s.gain, t.splits[0].gain / ln, 1e-12)).toBe(true);
      expect(close(s.impurityLeft, t.splits[0].impurityLeft / ln, 1e-12)).toBe(true);
    }
  });

  it("closed forms: x = 1..4, labels 0 0 1 1 → threshold 2.5, gain ln 2 (1 bit), Gini gain 1/2", () => {
    // parent H = ln 2, both sides pure; Gini parent 1 − (1/4 + 1/4) = 1/2
    expect(e.bestSplit([1, 2, 3, 4], [0, 0, 1, 1])).toEqual({ threshold: 2.5, gain: Math.LN2, impurityLeft: 0, impurityRight: 0, countLeft: 2, countRight: 2 });
    expect(e.bestSplit([1, 2, 3, 4], [0, 0, 1, 1], { base: "bits" }).gain).toBe(1);
    expect(e.bestSplit([4, 1, 3, 2], ["b", "a", "b", "a"], { criterion: "gini" })).toEqual({ threshold: 2.5, gain: 0.5, impurityLeft: 0, impurityRight: 0, countLeft: 2, countRight: 2 });
  });

  it("closed forms: x = 1, 2, 3 with labels 0 1 1 → split at 1.5, gain = H(1/3, 2/3)", () => {
    // left {0} and right {1, 1} are pure: gain = parent = ln 3 − (2/3) ln 2; Gini 1 − 1/9 − 4/9 = 4/9
    const s = e.bestSplit([3, 1, 2], [true, false, true]);
    expect([s.threshold, s.countLeft, s.countRight]).toEqual([1.5, 1, 2]);
    expect(close(s.gain, Math.log(3) - (2 / 3) * Math.LN2, 1e-15)).toBe(true);
    expect(close(e.bestSplit([3, 1, 2], [1, 0, 1], { criterion: "gini" }).gain, 4 / 9, 1e-15)).toBe(true);
  });

  it("closed forms: a split that leaves both sides mixed", () => {
    // x = 1..6, labels 0 0 1 0 1 1: best at 2.5 (left {0,0}, right {1,0,1,1}) and 4.5 (left {0,0,1,0},
    // right {1,1}) tie: gain = ln 2 − (4/6)·H(1/4) with H(1/4) = ln 4 − (3/4) ln 3; the smaller threshold wins
    const s = e.bestSplit([1, 2, 3, 4, 5, 6], [0, 0, 1, 0, 1, 1]);
    expect([s.threshold, s.countLeft]).toEqual([2.5, 2]);
    const h = Math.log(4) - 0.75 * Math.log(3);
    expect(close(s.gain, Math.LN2 - (4 / 6) * h, 1e-15)).toBe(true);
    expect(s.impurityLeft).toBe(0);
    expect(close(s.impurityRight, h, 1e-15)).toBe(true);
  });

  it("a threshold a/2 + b/2 that rounds to b is a (scikit-learn's rule); huge values do not overflow", () => {
    const a = 1 + 2 ** -52;
    const b = 1 + 2 ** -51; // a/2 + b/2 = 1 + 1.5·2^−52, a tie rounded to the even mantissa: b
    expect(a / 2 + b / 2).toBe(b);
    expect(e.bestSplit([b, a], [1, 0]).threshold).toBe(a);
    expect(e.bestSplit([1, 1 + 2 ** -52], [0, 1]).threshold).toBe(1); // 1 + 2^−53 rounds to 1
    expect(e.bestSplit([1.7e308, 1.79e308, -1.79e308], [0, 1, 0]).threshold).toBe(1.7e308 / 2 + 1.79e308 / 2);
  });

  it("−0 and 0 are one value; negative values sort below", () => {
    // sorted: −1, 0, 0, 0 | 2: both sides pure, gain = H(1/5) = ln 5 − (4/5) ln 4
    const s = e.bestSplit([-0, 0, -1, 2, -0], [0, 0, 0, 1, 0]);
    expect([s.threshold, s.countLeft]).toEqual([1, 4]);
    expect(close(s.gain, Math.log(5) - 0.8 * Math.log(4), 1e-15)).toBe(true);
  });

  it("a pure target: every gain is 0, the smallest threshold (scikit-learn makes no split)", () => {
    expect(e.bestSplit([5, 3, 9, 3], [7, 7, 7, 7])).toEqual({ threshold: 4, gain: 0, impurityLeft: 0, impurityRight: 0, countLeft: 2, countRight: 2 });
  });

  it("nested arrays are a matrix; a Float32Array matrix works", () => {
    const rows = [
      [1, 10],
      [2, 30],
      [3, 20],
      [4, 40],
    ];
    const y = [0, 0, 1, 1];
    const m = e.bestSplit(rows, y);
    expect(m.map((s) => s.threshold)).toEqual([2.5, 15]);
    const f = e.bestSplit({ data: Float32Array.from(rows.flat()), rows: 4, cols: 2 }, y);
    expect(f).toEqual(m);
  });
});

describe.each(BACKENDS)("bestSplit errors (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(backend);
  });

  it("non-finite x names the index", () => {
    expect(() => e.bestSplit([1, NaN, 3], [0, 1, 0])).toThrow(/bestSplit: x\[1\] is NaN/);
    expect(() => e.bestSplit({ data: Float64Array.from([1, 2, 3, Infinity]), rows: 2, cols: 2 }, [0, 1])).toThrow(/bestSplit: x\.data\[3\] \(row 1, column 1\) is Infinity/);
    expect(() => e.bestSplit(Float32Array.from([1, 2, 3, -Infinity, 5]), [0, 1, 0, 1, 0])).toThrow(/bestSplit: x\[3\] is -Infinity; samples must be finite/);
    // a wide matrix (blocks of columns in WASM): the bad value is found in column 11
    const wide = Float64Array.from({ length: 40 * 12 }, (_, i) => (i * 7) % 13);
    wide[5 * 12 + 11] = NaN;
    for (let i = 0; i < 40; i++) wide[i * 12] = 3; // column 0 is constant: the NaN is still named first
    expect(() => e.bestSplit({ data: wide, rows: 40, cols: 12 }, Int32Array.from({ length: 40 }, (_, i) => i % 2))).toThrow(/x\.data\[71\] \(row 5, column 11\) is NaN/);
  });

  it("length mismatch, empty inputs", () => {
    expect(() => e.bestSplit([1, 2, 3], [0, 1])).toThrow(RangeError);
    expect(() => e.bestSplit([1, 2, 3], [0, 1])).toThrow(/bestSplit: x has 3 samples but labels has 2/);
    expect(() => e.bestSplit([], [])).toThrow(/bestSplit: x is empty/);
    expect(() => e.bestSplit([1, 2], [])).toThrow(/bestSplit: labels is empty/);
  });

  it("a single distinct value is a RangeError naming the column", () => {
    expect(() => e.bestSplit([2, 2, 2], [0, 1, 0])).toThrow(/bestSplit: x has a single distinct value \(2\)/);
    expect(() => e.bestSplit([-0, 0], [0, 1])).toThrow(RangeError);
    expect(() => e.bestSplit({ data: Float64Array.from([1, 5, 2, 5]), rows: 2, cols: 2 }, [0, 1])).toThrow(/bestSplit: column 1 of x has a single distinct value \(5\)/);
  });

  it("options", () => {
    expect(() => e.bestSplit([1, 2], [0, 1], { criterion: "log_loss" as "gini" })).toThrow(/bestSplit: criterion must be one of "entropy", "gini"/);
    expect(() => e.bestSplit([1, 2], [0, 1], { criterion: "gini", base: "bits" })).toThrow(TypeError);
    expect(() => e.bestSplit([1, 2], [0, 1], { base: 1 })).toThrow(/bestSplit/);
    expect(() => e.bestSplit([1, 2], [0, 0.5])).toThrow(/bestSplit: labels\[1\]/);
    expect(() => e.bestSplit("abc" as unknown as number[], [0, 1, 0])).toThrow(TypeError);
  });

  it("the engine stays usable and memory is flat across calls", () => {
    const r = rng(5);
    const n = 5000;
    const X = { data: Float64Array.from({ length: n * 3 }, () => Math.round(r() * 100) / 10), rows: n, cols: 3 };
    const y = Int32Array.from({ length: n }, () => Math.floor(r() * 4));
    const first = e.bestSplit(X, y);
    try {
      e.bestSplit([1, 1], [0, 1]);
    } catch {
      /* expected */
    }
    const before = e.memoryBytes();
    for (let i = 0; i < 5; i++) expect(e.bestSplit(X, y)).toEqual(first);
    expect(e.memoryBytes()).toBe(before);
  });
});

/** Random columns with ties (values on a coarse grid for half the columns) and a 4-class target. */
function randomCase(seed: number, n: number, cols: number): { X: { data: Float64Array; rows: number; cols: number }; y: Int32Array } {
  const r = rng(seed);
  const data = new Float64Array(n * cols);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < cols; c++) data[i * cols + c] = c % 2 ? Math.round((r() - 0.5) * 20) / 4 : (r() - 0.5) * 1e3 * (c + 1);
  const y = Int32Array.from({ length: n }, (_, i) => Math.min(3, Math.max(0, Math.floor(2 + data[i * cols] / 300 + (r() - 0.5) * 2))));
  return { X: { data, rows: n, cols }, y };
}

describe.each(BACKENDS)("bestSplit zero-copy input (%s)", (backend) => {
  it("an it.allocate() matrix is read in place: the same splits as an ordinary array", async () => {
    const e = await engine(backend);
    const { X, y } = randomCase(6, 300, 11);
    const a = e.allocate(X.data.length);
    a.set(X.data);
    expect(e.bestSplit({ data: a, rows: X.rows, cols: X.cols }, y, { criterion: "gini" })).toEqual(e.bestSplit(X, y, { criterion: "gini" }));
    e.release(e.reattach(a));
  });

  it("stays right when the call grows WASM memory (the matrix's address is taken before)", async () => {
    const f = await init({ backend });
    const { X, y } = randomCase(20, 100000, 20);
    const want = f.bestSplit(X, y);
    const g = await init({ backend });
    const a = g.allocate(X.data.length);
    a.set(X.data);
    const before = g.memoryBytes();
    expect(g.bestSplit({ data: a, rows: X.rows, cols: X.cols }, y)).toEqual(want);
    if (backend !== "js") expect(g.memoryBytes()).toBeGreaterThan(before); // the call grew memory
    f.close();
    g.close();
  });
});

describe("bestSplit parity: js, wasm and wasm-simd pick the same splits", () => {
  it("random data with ties, both criteria", async () => {
    const engines = await Promise.all(BACKENDS.map((b) => engine(b)));
    for (const [seed, n, cols] of [
      [1, 50, 3],
      [2, 3000, 6],
      [3, 20000, 2],
      [4, 500, 19],
    ]) {
      const { X, y } = randomCase(seed, n, cols);
      for (const criterion of ["entropy", "gini"] as const) {
        const [ref, ...others] = engines.map((e) => e.bestSplit(X, y, { criterion }));
        for (const got of others)
          got.forEach((s, c) => {
            expect([s.threshold, s.countLeft]).toEqual([ref[c].threshold, ref[c].countLeft]);
            for (const k of ["gain", "impurityLeft", "impurityRight"] as const) expect(close(s[k], ref[c][k], 1e-12)).toBe(true);
          });
      }
    }
  });
});

describe.each(BACKENDS)("it.parallel.bestSplit = the calling thread (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await init({ backend, threads: 2 });
  });
  afterAll(() => e.close());

  it("columns across the workers give the same splits", async () => {
    expect(e.parallel.threads).toBe(2);
    const { X, y } = randomCase(9, 12000, 19);
    for (const criterion of ["entropy", "gini"] as const) expect(await e.parallel.bestSplit(X, y, { criterion })).toEqual(e.bestSplit(X, y, { criterion }));
    const v = X.data.subarray(0, 70000);
    expect(await e.parallel.bestSplit(v, Int32Array.from({ length: 70000 }, (_, i) => i % 3))).toEqual(e.bestSplit(v, Int32Array.from({ length: 70000 }, (_, i) => i % 3)));
  });
});
