/**
 * Inputs from the data ecosystem: Apache Arrow vectors (apache-arrow is a dev dependency only;
 * src/arraylike.ts duck-types them), `{ length, [i] }` array-likes and integer typed arrays as
 * vectors. Reference values: test/reference/arrow.py (NumPy 2.4 / SciPy 1.17); where a call is
 * compared with "the same call on a Float64Array", the Float64Array path is the one the other
 * suites hold to SciPy/NumPy.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  Bool,
  DateDay,
  Dictionary,
  Float16,
  Float32,
  Float64,
  Int32,
  Int64,
  Table,
  Uint64,
  Utf8,
  makeVector,
  tableFromArrays,
  vectorFromArray,
} from "apache-arrow";
import { arrayValues } from "../src/arraylike.js";
import { vectorArg, matrixArg } from "../src/validate.js";
import { BACKENDS, close, engine } from "./backends.js";

// test/reference/arrow.py
const COUNTS = [3, 1, 0, 4, 2, 7];
const H_COUNTS = 1.430349831409688; // stats.entropy(counts)
const H_COUNTS_BITS = 2.063558608511122; // stats.entropy(counts, base=2)
const Q = [1, 2, 3, 1, 1, 2];
const KL_COUNTS_Q = 0.5460483530855595; // stats.entropy(counts, q)
const Y = [0, 1, 4, 9, 16, 25, 36];
const X = [0.0, 0.5, 1.5, 2.0, 3.0, 4.5, 5.0];
const TRAP_DX = 36.5; // integrate.trapezoid(y, dx=0.5)
const TRAP_X = 64.5; // integrate.trapezoid(y, x=x)
const S = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 9];
const HIST_S4 = { counts: [3, 7, 0, 1], edges: [1.0, 3.0, 5.0, 7.0, 9.0] }; // np.histogram(s, bins=4)
const F = [0.25, 1.5, 2.0, 2.5, 3.75, 4.0, 0.5, 1.0];
const HIST_F3 = { counts: [3, 3, 2], edges: [0.0, 1.5, 3.0, 4.5] }; // np.histogram(f, bins=3, range=(0, 4.5))
const HX = [0.1, 0.4, 0.35, 0.8, 0.9, 0.2, 0.6, 0.75, 0.05, 0.5];
const HY = [1.0, 2.5, 2.0, 4.0, 3.5, 1.5, 3.0, 4.5, 0.5, 2.0];
const MI_HXY3 = 1.0888999753452235; // plug-in MI of np.histogram2d(hx, hy, bins=3)
const ROWS = [1.0114042647073518, 0.6931471805599453]; // stats.entropy([[1,2,3],[4,0,4]], axis=1)

/** A two-chunk Arrow vector of `values` (split at `at`), made by concatenating tables' record batches. */
function twoChunks(values: number[], at: number, type: Float64 | Float32 | Int32 = new Float64()) {
  const a = new Table({ v: vectorFromArray(values.slice(0, at), type) });
  const b = new Table({ v: vectorFromArray(values.slice(at), type) });
  const t = a.concat(b); // the record batches of a, then b's
  const v = t.getChild("v")!;
  expect(v.data.length).toBe(2);
  return v;
}

const arrayLike = (xs: readonly unknown[]): ArrayLike<unknown> => {
  const o: Record<number, unknown> & { length: number } = { length: xs.length };
  xs.forEach((x, i) => (o[i] = x));
  return o;
};

describe("arrayValues (backend-free)", () => {
  it("an Array or typed array comes back unchanged", () => {
    const a = [1, 2];
    const f = new Float64Array(2);
    const i = new Int16Array(2);
    expect(arrayValues("f", "x", a)).toBe(a);
    expect(arrayValues("f", "x", f)).toBe(f);
    expect(arrayValues("f", "x", i)).toBe(i);
    expect(arrayValues("f", "x", 3)).toBe(3); // not array-like: the caller rejects it
  });

  it("a single-chunk Float64 vector is a zero-copy view of the same buffer, also when sliced", () => {
    const src = new Float64Array([0.5, 1, 2, 4, 8, 16]);
    const v = makeVector(src);
    const out = arrayValues("f", "x", v) as Float64Array;
    expect(out).toBeInstanceOf(Float64Array);
    expect(out.buffer).toBe(src.buffer);
    expect(Array.from(out)).toEqual(Array.from(src));
    const s = v.slice(2, 5); // offset 2 in Arrow terms
    expect(s.data[0].offset).toBe(2);
    const so = arrayValues("f", "x", s) as Float64Array;
    expect(so.buffer).toBe(src.buffer);
    expect(Array.from(so)).toEqual([2, 4, 8]);
    // vectorArg hands the same view to the kernels
    expect(vectorArg("f", "x", s).data.buffer).toBe(src.buffer);
  });

  it("Float32 stays Float32 (zero-copy); padded buffers are cut to the vector's length", () => {
    const v = vectorFromArray([1, 2, 3], new Float32());
    expect(v.data[0].values.length).toBeGreaterThan(3); // Arrow pads to 64 bytes
    const out = arrayValues("f", "x", v) as Float32Array;
    expect(out).toBeInstanceOf(Float32Array);
    expect(out.buffer).toBe(v.data[0].values.buffer);
    expect(Array.from(out)).toEqual([1, 2, 3]);
  });

  it("several chunks are copied once, in order; a slice across chunks too", () => {
    const v = twoChunks([1, 2, 3, 4, 5], 2);
    const out = arrayValues("f", "x", v) as Float64Array;
    expect(Array.from(out)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(arrayValues("f", "x", v.slice(1, 4)) as Float64Array)).toEqual([2, 3, 4]);
    const f32 = arrayValues("f", "x", twoChunks([1, 2, 3], 1, new Float32()));
    expect(f32).toBeInstanceOf(Float32Array);
    const i32 = arrayValues("f", "x", twoChunks([1, -2, 3], 1, new Int32()));
    expect(Array.from(i32 as Float64Array)).toEqual([1, -2, 3]);
  });

  it("integers: Int32 → Int32Array view; Int64/Uint64 → numbers when safe, else the index is named", () => {
    const i = arrayValues("f", "x", vectorFromArray([5, -1, 7], new Int32()));
    expect(i).toBeInstanceOf(Int32Array);
    expect(Array.from(i as Int32Array)).toEqual([5, -1, 7]);
    const t = tableFromArrays({ big: new BigInt64Array([1n, -2n, 3n]) });
    expect(Array.from(arrayValues("f", "x", t.getChild("big")) as Float64Array)).toEqual([1, -2, 3]);
    const unsafe = vectorFromArray([1n, 2n, 2n ** 60n], new Uint64());
    expect(() => arrayValues("entropy", "p", unsafe)).toThrow(RangeError);
    expect(() => arrayValues("entropy", "p", unsafe)).toThrow(/^entropy: p\[2\] is 1152921504606846976n, outside ±\(2\^53 − 1\)/);
    expect(vectorArg("f", "x", vectorFromArray([1, 2], new Int32())).integer).toBe(true);
    expect(vectorArg("f", "x", vectorFromArray([1n, 2n], new Int64())).integer).toBe(true);
    expect(vectorArg("f", "x", vectorFromArray([1, 2], new Float64())).integer).toBeUndefined();
  });

  it("nulls are an error naming the function, the argument and the first null's index", () => {
    const v = vectorFromArray([1, 2, null, 4, null], new Float64());
    expect(() => arrayValues("entropy", "p", v)).toThrow(RangeError);
    expect(() => arrayValues("entropy", "p", v)).toThrow(/^entropy: p\[2\] is null \(an Arrow Float64 vector with 2 nulls\); nulls are not skipped/);
    // the index counts from the slice's start, across chunks
    expect(() => arrayValues("f", "x", v.slice(1))).toThrow(/^f: x\[1\] is null/);
    const a = new Table({ v: vectorFromArray([1, 2], new Float64()) });
    const b = new Table({ v: vectorFromArray([3, null], new Float64()) });
    const two = a.concat(b).getChild("v")!;
    expect(() => arrayValues("f", "x", two)).toThrow(/^f: x\[3\] is null/);
    expect(() => arrayValues("f", "y", vectorFromArray(["a", null]))).toThrow(/^f: y\[1\] is null/);
  });

  it("Utf8, Dictionary and Bool vectors come back as plain arrays (for the label path)", () => {
    expect(arrayValues("f", "a", vectorFromArray(["x", "y", "x"], new Utf8()))).toEqual(["x", "y", "x"]);
    expect(arrayValues("f", "a", vectorFromArray(["x", "y", "x"]))).toEqual(["x", "y", "x"]); // Dictionary<Int32, Utf8>
    expect(arrayValues("f", "a", vectorFromArray(["u", "v"], new Dictionary(new Utf8(), new Int32())))).toEqual(["u", "v"]);
    expect(arrayValues("f", "a", vectorFromArray([true, false, true], new Bool()))).toEqual([true, false, true]);
    const v = vectorFromArray(["é", "ü"], new Utf8()).slice(1);
    expect(arrayValues("f", "a", v)).toEqual(["ü"]);
  });

  it("Float16 is decoded to numbers; an unsupported type is a TypeError", () => {
    expect(Array.from(arrayValues("f", "x", vectorFromArray([1.5, -2, 0.25], new Float16())) as Float64Array)).toEqual([1.5, -2, 0.25]);
    const d = vectorFromArray([new Date(0)], new DateDay());
    expect(() => arrayValues("f", "x", d)).toThrow(TypeError);
    expect(() => arrayValues("f", "x", d)).toThrow(/^f: x is an Arrow vector of type Date/);
  });

  it("array-likes: numbers → Float64Array, naming the first non-number; otherwise a plain Array", () => {
    const out = arrayValues("f", "x", arrayLike([1, 2.5, 3]));
    expect(out).toBeInstanceOf(Float64Array);
    expect(Array.from(out as Float64Array)).toEqual([1, 2.5, 3]);
    expect(() => arrayValues("entropy", "p", arrayLike([1, 2, "3"]))).toThrow(TypeError);
    expect(() => arrayValues("entropy", "p", arrayLike([1, 2, "3"]))).toThrow(/^entropy: p\[2\] is string, expected a number/);
    expect(() => arrayValues("f", "x", { length: 2, 0: 1 })).toThrow(/^f: x\[1\] is undefined/);
    expect(arrayValues("f", "a", arrayLike(["a", "b"]))).toEqual(["a", "b"]);
  });
});

describe("property: any chunking and slicing of an Arrow vector reads as the plain array", () => {
  it("arrayValues(chunks of xs, sliced [i, j)) = xs.slice(i, j), for Float64, Float32 and Int32", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(new Float64(), new Float32(), new Int32()),
        (xs, cuts, i0, j0, type) => {
          const at = [...new Set(cuts.map((c) => c % xs.length))].sort((a, b) => a - b);
          const parts = [0, ...at, xs.length].slice(1).map((end, k, ends) => xs.slice(k === 0 ? 0 : ends[k - 1], end)).filter((p) => p.length > 0);
          const tables = parts.map((p) => new Table({ v: vectorFromArray(p, type) }));
          const v = tables.slice(1).reduce((t, u) => t.concat(u), tables[0]).getChild("v")!;
          const i = i0 % xs.length;
          const j = i + (j0 % (xs.length - i)) + 1;
          expect(Array.from(arrayValues("f", "x", v.slice(i, j)) as Float64Array)).toEqual(xs.slice(i, j));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe.each(BACKENDS)("Arrow, array-like and integer inputs (%s)", (backend) => {
  it("entropy and klDivergence of Arrow vectors = SciPy (and = the Float64Array call)", async () => {
    const e = await engine(backend);
    const f64 = Float64Array.from(COUNTS);
    const t = tableFromArrays({ f64, f32: Float32Array.from(COUNTS), i32: Int32Array.from(COUNTS), i64: BigInt64Array.from(COUNTS.map(BigInt)) });
    for (const col of ["f64", "f32", "i32", "i64"] as const) {
      const v = t.getChild(col)!;
      expect(close(e.entropy(v), H_COUNTS, col === "f32" ? 1e-6 : 1e-12)).toBe(true);
      expect(close(e.klDivergence(v, makeVector(Float64Array.from(Q))), KL_COUNTS_Q, col === "f32" ? 1e-6 : 1e-12)).toBe(true);
    }
    expect(e.entropy(t.getChild("f64")!)).toBe(e.entropy(f64));
    expect(e.entropy(twoChunks(COUNTS, 3), { base: "bits" })).toBe(e.entropy(f64, { base: "bits" }));
    expect(close(e.entropy(twoChunks(COUNTS, 3), { base: "bits" }), H_COUNTS_BITS)).toBe(true);
    // a sliced vector: the same as the sliced Float64Array
    const padded = makeVector(Float64Array.from([9, 9, ...COUNTS, 9]));
    expect(e.entropy(padded.slice(2, 2 + COUNTS.length))).toBe(e.entropy(f64));
    // a matrix whose data is an Arrow vector / an Int32Array
    const rows = e.entropy({ data: makeVector(new Int32Array([1, 2, 3, 4, 0, 4])), rows: 2, cols: 3 } as never) as unknown as Float64Array;
    expect(close(rows[0], ROWS[0]) && close(rows[1], ROWS[1])).toBe(true);
    expect(matrixArg("f", "X", { data: new Int32Array(6), rows: 2, cols: 3 }).integer).toBe(true);
  });

  it("histogram and histogramMutualInformation of Arrow vectors = NumPy", async () => {
    const e = await engine(backend);
    const h = e.histogram(vectorFromArray(F, new Float64()), { bins: 3, range: [0, 4.5] });
    expect(Array.from(h.counts)).toEqual(HIST_F3.counts);
    expect(Array.from(h.edges)).toEqual(HIST_F3.edges);
    const h2 = e.histogram(twoChunks(F, 5), { bins: 3, range: [0, 4.5] });
    expect(Array.from(h2.counts)).toEqual(HIST_F3.counts);
    const hs = e.histogram(vectorFromArray(S, new Int32()), { bins: 4 });
    expect(Array.from(hs.counts)).toEqual(HIST_S4.counts);
    expect(Array.from(hs.edges)).toEqual(HIST_S4.edges);
    const x = vectorFromArray(HX, new Float64());
    const mi = e.histogramMutualInformation(x, twoChunks(HY, 4), { bins: 3 });
    expect(close(mi, MI_HXY3)).toBe(true);
    expect(mi).toBe(e.histogramMutualInformation(Float64Array.from(HX), Float64Array.from(HY), { bins: 3 }));
  });

  it("trapezoid of Arrow y and Arrow spacing.x = SciPy", async () => {
    const e = await engine(backend);
    expect(close(e.trapezoid(vectorFromArray(Y, new Int32()), { dx: 0.5 }), TRAP_DX)).toBe(true);
    expect(close(e.trapezoid(makeVector(Float64Array.from(Y)), { x: vectorFromArray(X, new Float64()) }), TRAP_X)).toBe(true);
    expect(close(e.trapezoid(arrayLike(Y) as never, { x: twoChunks(X, 3) }), TRAP_X)).toBe(true);
  });

  it("losses and column MI: Arrow labels keep their hard/soft and real/labels meaning", async () => {
    const e = await engine(backend);
    const logits = { data: new Float64Array([1, 2, 0.5, 0, -1, 3]), rows: 2, cols: 3 };
    const hard = e.softmaxCrossEntropy(logits, vectorFromArray([1, 2], new Int32()));
    expect(hard).toBe(e.softmaxCrossEntropy(logits, new Int32Array([1, 2])));
    const soft = e.softmaxCrossEntropy(new Float64Array([1, 2, 0.5]), vectorFromArray([0.2, 0.5, 0.3], new Float64()));
    expect(soft).toBe(e.softmaxCrossEntropy(new Float64Array([1, 2, 0.5]), new Float64Array([0.2, 0.5, 0.3])));
    const M = { data: Float64Array.from([...HX, ...HY]), rows: 10, cols: 2 };
    const real = e.mutualInformationColumns(M, vectorFromArray(HY, new Float64()), { bins: 3 });
    expect(Array.from(real)).toEqual(Array.from(e.mutualInformationColumns(M, Float64Array.from(HY), { bins: 3 })));
  });

  it("integer typed arrays as vectors = SciPy / NumPy, and = the Float64Array call", async () => {
    const e = await engine(backend);
    const f64 = Float64Array.from(COUNTS);
    for (const v of [Int32Array.from(COUNTS), Uint8Array.from(COUNTS), Int16Array.from(COUNTS), Uint32Array.from(COUNTS), BigInt64Array.from(COUNTS.map(BigInt))]) {
      expect(close(e.entropy(v), H_COUNTS)).toBe(true);
      expect(e.entropy(v)).toBe(e.entropy(f64));
    }
    expect(close(e.klDivergence(Int32Array.from(COUNTS), BigUint64Array.from(Q.map(BigInt))), KL_COUNTS_Q)).toBe(true);
    expect(close(e.trapezoid(Int32Array.from(Y), { dx: 0.5 }), TRAP_DX)).toBe(true);
    expect(close(e.trapezoid(Uint16Array.from(Y), { x: Float64Array.from(X) }), TRAP_X)).toBe(true);
    const h = e.histogram(Int32Array.from(S), { bins: 4 });
    expect(Array.from(h.counts)).toEqual(HIST_S4.counts);
    expect(Array.from(h.edges)).toEqual(HIST_S4.edges);
    expect(vectorArg("f", "x", new Uint8Array([1])).integer).toBe(true);
    expect(() => e.entropy(new BigInt64Array([1n, -(2n ** 62n)]))).toThrow(/^entropy: p\[1\] is -4611686018427387904n, outside/);
  });

  it("array-likes as vectors = SciPy; bad input is a clear error and the engine stays usable", async () => {
    const e = await engine(backend);
    expect(close(e.entropy(arrayLike(COUNTS) as never), H_COUNTS)).toBe(true);
    expect(close(e.klDivergence(arrayLike(COUNTS) as never, arrayLike(Q) as never), KL_COUNTS_Q)).toBe(true);
    expect(() => e.entropy(arrayLike([1, null, 2]) as never)).toThrow(/^entropy: p\[1\] is null, expected a number/);
    expect(() => e.entropy(vectorFromArray([1, null], new Float64()))).toThrow(/^entropy: p\[1\] is null/);
    expect(() => e.entropy(vectorFromArray(["a", "b"], new Utf8()))).toThrow(/^entropy: p\[0\] is string, expected a number/);
    // numpy.histogram([]) → 10 zero counts over edges linspace(0, 1, 11), for an empty Arrow vector too
    const empty = e.histogram(vectorFromArray([], new Float64()));
    expect(Array.from(empty.counts)).toEqual(new Array(10).fill(0));
    expect([empty.edges[0], empty.edges[10]]).toEqual([0, 1]);
    expect(() => e.histogramMutualInformation(makeVector(new Float64Array(3)), makeVector(new Float64Array(4)))).toThrow(/x has length 3 but y has length 4/);
    expect(close(e.entropy(f64Of(COUNTS)), H_COUNTS)).toBe(true);
  });

  it("Arrow label vectors (Utf8, Dictionary, Int32 with −1) and array-likes of strings = scikit-learn", async () => {
    const e = await engine(backend);
    // sklearn 1.2.1: mutual_info_score(['a','b','a','c','b','a'], [-1,0,-1,1,0,1]) = 0.7803552045207032,
    // adjusted_mutual_info_score(same) = 0.5023607027202737
    const a = ["a", "b", "a", "c", "b", "a"];
    const b = [-1, 0, -1, 1, 0, 1];
    const MI = 0.7803552045207032;
    const utf8 = vectorFromArray(a, new Utf8());
    const dict = vectorFromArray(a, new Dictionary(new Utf8(), new Int32()));
    const ints = makeVector(Int32Array.from(b));
    expect(close(e.mutualInformationLabels(utf8, ints), MI)).toBe(true);
    expect(close(e.mutualInformationLabels(dict, ints), MI)).toBe(true);
    expect(close(e.mutualInformationLabels(arrayLike(a) as never, b), MI)).toBe(true);
    expect(close(e.adjustedMutualInformation(utf8, ints), 0.5023607027202737, 1e-10)).toBe(true);
    expect(() => e.mutualInformationLabels(vectorFromArray(["a", null], new Utf8()), [0, 1])).toThrow(/^mutualInformationLabels: a\[1\] is null/);
  });
});

const f64Of = (xs: readonly number[]) => Float64Array.from(xs);
