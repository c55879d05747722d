/**
 * Zero-copy input (it.allocate / release / reattach): arrays living in WASM memory give the same
 * results as ordinary arrays (closed forms below, and the ordinary-array path the other test
 * files hold to SciPy), repeated calls do not grow memory, and every misuse (released view,
 * view detached by memory growth, foreign array, bad arguments) throws a clear error.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { init } from "../src/index.js";
import type { Engine } from "../src/engine.js";
import { BACKENDS, close, weights } from "./backends.js";

describe.each(BACKENDS)("zero-copy input (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await init({ backend });
  });
  afterAll(() => e.close());

  it("an allocated array is filled in place and gives the closed-form entropy", () => {
    const n = 1000;
    const p = e.allocate(n); // default f64
    expect(p).toBeInstanceOf(Float64Array);
    expect(p.length).toBe(n);
    p.fill(2.5);
    // uniform over n outcomes: ln n
    expect(close(e.entropy(p), Math.log(n))).toBe(true);
    const f = e.allocate(n, "f32");
    expect(f).toBeInstanceOf(Float32Array);
    f.fill(1);
    expect(close(e.entropy(f, { base: "bits" }), Math.log2(n))).toBe(true);
    e.release(p);
    e.release(f);
  });

  it("resident, ordinary and mixed operands agree (rows, long vectors beyond a chunk, f32)", () => {
    for (const type of ["f64", "f32"] as const) {
      const Ctor = type === "f64" ? Float64Array : Float32Array;
      for (const [rows, cols] of [[300, 700], [1, 200_003], [3, 70_000]]) {
        const a = weights(rows * cols, rows + cols, 0.1, Ctor);
        const b = weights(rows * cols, rows + cols + 1, 0, Ctor);
        const A = e.allocate(a.length, type);
        const B = e.allocate(b.length, type);
        A.set(a);
        B.set(b);
        const m = (d: Float64Array | Float32Array) => ({ data: d, rows, cols });
        const pairs: [unknown, unknown][] = [
          [e.entropy(m(A)), e.entropy(m(a))],
          [e.klDivergence(m(A), m(B)), e.klDivergence(m(a), m(b))],
          [e.klDivergence(m(A), m(b)), e.klDivergence(m(a), m(b))],
          [e.crossEntropy(m(a), m(B)), e.crossEntropy(m(a), m(b))],
          [e.jsDivergence(m(A), m(B)), e.jsDivergence(m(a), m(b))],
        ];
        for (const [got, want] of pairs) {
          const g = got as Float64Array;
          const w = want as Float64Array;
          for (let i = 0; i < w.length; i++) if (!close(g[i], w[i], 1e-12)) expect([type, rows, cols, i, g[i]]).toEqual([type, rows, cols, i, w[i]]);
        }
        // a subarray view of an allocated array is read in place too
        if (rows > 1) expect(close(e.entropy(A.subarray(cols, 2 * cols)), e.entropy(a.subarray(cols, 2 * cols)))).toBe(true);
        e.release(A);
        e.release(B);
      }
    }
  });

  it("other families accept resident arrays (histogram, trapezoid)", () => {
    const n = 50_000;
    const x = e.allocate(n);
    const y = e.allocate(n);
    for (let i = 0; i < n; i++) {
      x[i] = Math.sin(i);
      y[i] = Math.cos(0.5 * i);
    }
    const hx = Float64Array.from(x);
    const hy = Float64Array.from(y);
    expect(Array.from(e.histogram2d(x, y, { bins: 16 }).counts)).toEqual(Array.from(e.histogram2d(hx, hy, { bins: 16 }).counts));
    expect(close(e.trapezoid(x, { dx: 0.1 }), e.trapezoid(hx, { dx: 0.1 }))).toBe(true);
    e.release(x);
    e.release(y);
  });

  it("repeated calls on resident arrays do not grow memory", () => {
    const A = e.allocate(200_000);
    A.fill(1);
    e.entropy(A);
    e.klDivergence(A, A);
    const before = e.memoryBytes();
    for (let k = 0; k < 50; k++) {
      e.entropy(A);
      e.klDivergence(A, A);
      e.jsDivergence(A, A);
      e.entropy({ data: A, rows: 400, cols: 500 });
    }
    expect(e.memoryBytes()).toBe(before);
    e.release(A);
    // released space is reused: the same allocation again needs no growth
    const B = e.allocate(200_000);
    expect(e.memoryBytes()).toBe(before);
    e.release(B);
  });

  it("a released view throws when used, and cannot be released twice", () => {
    const A = e.allocate(100);
    A.fill(1);
    e.release(A);
    expect(() => e.entropy(A)).toThrow(/entropy: p was released/);
    expect(() => e.klDivergence({ data: A, rows: 10, cols: 10 }, { data: A, rows: 10, cols: 10 })).toThrow(/klDivergence: p\.data was released/);
    expect(() => e.release(A)).toThrow(/release: this array was already released/);
    expect(() => e.reattach(A)).toThrow(/reattach: this array was already released/);
  });

  it("foreign arrays and bad arguments are rejected", () => {
    expect(() => e.release(new Float64Array(4))).toThrow(TypeError);
    expect(() => e.release(new Float64Array(4))).toThrow(/release: the argument is not an array returned by allocate\(\) of this engine/);
    expect(() => e.allocate(0)).toThrow(/allocate: n must be an integer ≥ 1, got 0/);
    expect(() => e.allocate(2.5)).toThrow(RangeError);
    expect(() => e.allocate(4, "i32" as "f64")).toThrow(/allocate: type must be "f64" or "f32"/);
    expect(() => e.allocate(2 ** 31, "f64")).toThrow(/exceed the 4 GiB/);
  });

  it("views detached by memory growth throw; reattach gives the same data back", () => {
    const A = e.allocate(1000);
    for (let i = 0; i < A.length; i++) A[i] = i + 1;
    const h = e.entropy(A);
    const before = e.memoryBytes();
    const big = e.allocate(8 << 20); // 64 MiB: more than the free scratch, memory grows
    if (backend === "js") {
      expect(e.entropy(A)).toBe(h); // plain arrays never detach
      expect(e.reattach(A)).toBe(A);
    } else {
      expect(e.memoryBytes()).toBeGreaterThan(before);
      expect(A.length).toBe(0); // what memory.grow does to an old view
      expect(() => e.entropy(A)).toThrow(/entropy: p is a view of WASM memory that was detached when memory grew.*reattach/);
      const A2 = e.reattach(A);
      expect(A2.length).toBe(1000);
      expect(A2[999]).toBe(1000);
      expect(e.entropy(A2)).toBe(h);
      e.release(A2); // releasing through any view frees the block
      expect(() => e.entropy(A2)).toThrow(/was released/);
    }
    e.release(big);
    if (backend === "js") e.release(A);
  });

  it("allocations survive a family table that must move (large histogram tables)", () => {
    const blocks = Array.from({ length: 8 }, (_, k) => {
      const b = e.allocate(100_000);
      b.fill(k + 1);
      return b;
    });
    const x = new Float64Array(20_000).map((_, i) => (i * 0.618) % 1);
    const y = new Float64Array(20_000).map((_, i) => (i * 0.414) % 1);
    const ref = e.histogram2d(x, y, { bins: 8 }).counts;
    e.histogram2d(x, y, { bins: 1500 }); // a 1500×1500 count table: the table moves past the blocks
    const live = blocks.map((b) => (b.length === 0 ? e.reattach(b) : b));
    live.forEach((b, k) => expect(b.every((v) => v === k + 1)).toBe(true));
    expect(Array.from(e.histogram2d(x, y, { bins: 8 }).counts)).toEqual(Array.from(ref));
    live.forEach((b) => e.release(b));
  });
});

describe("zero-copy: engine close", () => {
  it("closing the engine invalidates its allocations", async () => {
    for (const backend of BACKENDS) {
      const e = await init({ backend });
      const A = e.allocate(10);
      A.fill(1);
      e.close();
      const other = await init({ backend });
      expect(() => other.entropy(A)).toThrow(/was released \(or its engine closed\)/);
      other.close();
    }
  });
});
