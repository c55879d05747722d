/**
 * Labels of any kind (API.md "Labels of any kind") against scikit-learn itself: the cases of
 * sklearn/metrics/cluster/tests/test_supervised.py (named after its tests) and labels of every
 * kind — DBSCAN's −1, strings, booleans, BigInt64Array, integral Float64Array/Float32Array,
 * Int8Array … — with values computed by scikit-learn 1.2 (test/reference/labels.py
 * --emit-sklearn-ts → test/reference/labels-sklearn.ts). Plus the canonicaliser's errors, its
 * parity across backends and a relabelling property.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { BACKENDS, close, engine, rng } from "./backends.js";
import type { Engine } from "../src/engine.js";
import type { Backend } from "../src/backend.js";
import type { Labels, LabelValue } from "../src/types.js";
import { sklearnCases, type Average, type LabelSpec } from "./reference/labels-sklearn.js";

const AVERAGES: Average[] = ["arithmetic", "geometric", "min", "max"];

function near(got: number, want: number, rel: number, abs: number, what: string): void {
  expect(close(got, want, rel, abs), `${what}: got ${got}, want ${want}`).toBe(true);
}

/** The label array a spec of test/reference/labels.py stands for, in the JS container `type`. */
function build(spec: LabelSpec, type: string): Labels {
  const xs: (number | string | boolean)[] =
    "list" in spec
      ? spec.list
      : "runs" in spec
        ? spec.runs.flatMap(([v, k]) => Array<number | string>(k).fill(v))
        : "tile" in spec
          ? Array.from({ length: spec.tile.length * spec.times }, (_, i) => spec.tile[i % spec.tile.length])
          : Array.from({ length: spec.range }, (_, i) => i);
  if (type.endsWith("[]")) return xs as Labels;
  if (type === "BigInt64Array") return BigInt64Array.from(xs, (v) => BigInt(v as number));
  const C = (globalThis as unknown as Record<string, { from(x: unknown[]): Labels }>)[type];
  return C.from(xs);
}

/** −0 and 0 are one label (numpy may report either). */
const plain = (xs: ArrayLike<LabelValue>) => Array.from(xs, (v) => (v === 0 ? 0 : v));

/** The backend behind an engine (for the kernel parity test). */
const backendOf = (e: Engine) => (e as unknown as { be: Backend }).be;

describe.each(BACKENDS)("labels of any kind = scikit-learn (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it.each(sklearnCases)("$name", (c) => {
    const a = build(c.a, c.ta);
    const b = build(c.b, c.tb);
    const src = `${c.name} (${c.source}, sklearn 1.2)`;
    near(e.mutualInformationLabels(a, b), c.mi, 1e-12, 1e-15, `MI ${src}`);
    near(e.entropyLabels(a), c.hA, 1e-12, 1e-15, `H(A) ${src}`);
    near(e.entropyLabels(b), c.hB, 1e-12, 1e-15, `H(B) ${src}`);
    near(e.baselineEntropy(a), c.hA, 1e-12, 1e-15, `baselineEntropy ${src}`);
    near(e.variationOfInformation(a, b), c.vi, 1e-12, 1e-14, `VI ${src}`);
    near(e.conditionalEntropyLabels(a, b), c.hAgivenB, 1e-12, 1e-14, `H(A|B) ${src}`);
    // homogeneity 1 − H(A|B)/H(A), completeness 1 − H(B|A)/H(B), V-measure = NMI (arithmetic)
    const hA = e.entropyLabels(a);
    const hB = e.entropyLabels(b);
    near(hA === 0 ? 1 : 1 - e.conditionalEntropyLabels(a, b) / hA, c.homogeneity, 1e-12, 1e-14, `homogeneity ${src}`);
    near(hB === 0 ? 1 : 1 - e.conditionalEntropyLabels(b, a) / hB, c.completeness, 1e-12, 1e-14, `completeness ${src}`);
    near(e.normalizedMutualInformation(a, b), c.vMeasure, 1e-12, 1e-14, `V-measure ${src}`);
    for (const m of AVERAGES) {
      near(e.normalizedMutualInformation(a, b, { average: m }), c.nmi[m], 1e-12, 1e-14, `NMI ${m} ${src}`);
      // EMI carries the ~ulp(ln N!) rounding of its log-factorials, in sklearn as here
      near(e.adjustedMutualInformation(a, b, { average: m }), c.ami[m], 1e-9, 1e-10, `AMI ${m} ${src}`);
    }
    if (c.z && c.tz) near(e.conditionalMutualInformation(a, b, build(c.z, c.tz)), c.cmi!, 1e-12, 1e-14, `CMI ${src}`);
    if (c.cells) {
      // the nonzero cells of sklearn.metrics.cluster.contingency_matrix, labels in np.unique order
      const t = e.createContingency().update(a, b);
      expect(plain(t.counts.a), src).toEqual(plain(c.cells.a));
      expect(plain(t.counts.b), src).toEqual(plain(c.cells.b));
      expect(Array.from(t.counts.count), src).toEqual(c.cells.count);
      // through JSON and back, and counted in chunks: the same labels, the same table
      const back = e.contingencyFromJSON(JSON.parse(JSON.stringify(t.toJSON())));
      expect(back.counts).toEqual(t.counts);
      const n = (a as ArrayLike<unknown>).length;
      const cut = (x: Labels, i: number, j: number) => (x as unknown as { slice(i: number, j: number): Labels }).slice(i, j);
      const chunked = e.createContingency();
      for (let i = 0; i < n; i += 3) chunked.update(cut(a, i, i + 3), cut(b, i, i + 3));
      expect(chunked.counts).toEqual(t.counts);
      near(chunked.adjustedMutualInformation(), c.ami.arithmetic, 1e-9, 1e-10, `streamed AMI ${src}`);
    }
  });

  it("test_perfect_matches: every average gives NMI = AMI = 1 (and empty labels are an error here)", () => {
    const pairs: [Labels, Labels][] = [[[0], [1]], [[0, 0, 0], [0, 0, 0]], [[0, 1, 0], [42, 7, 42]], [Float64Array.of(0, 1, 2), Float64Array.of(42, 7, 2)], [[0, 1, 2], [42, 7, 2]]];
    for (const [a, b] of pairs)
      for (const average of AVERAGES) {
        expect(e.normalizedMutualInformation(a, b, { average })).toBeCloseTo(1, 12);
        expect(e.adjustedMutualInformation(a, b, { average })).toBeCloseTo(1, 12);
      }
    // sklearn scores ([], []) as 1; API.md: a label array is never empty
    expect(() => e.adjustedMutualInformation([], [])).toThrow(/adjustedMutualInformation: a is empty/);
  });

  it("AMI of identical all-distinct labelings is 1 for every n (sklearn: 0/0, rounding to 0 at n = 2, 4)", () => {
    for (const n of [2, 3, 4, 5, 10, 100, 1000]) {
      const a = Array.from({ length: n }, (_, i) => i);
      for (const average of AVERAGES) expect(e.adjustedMutualInformation(a, a, { average }), `n=${n} ${average}`).toBe(1);
      expect(e.adjustedMutualInformation(a, a.map((v) => `s${v}`))).toBe(1);
      expect(e.createContingency().update(a, a).adjustedMutualInformation()).toBe(1);
    }
  });

  it("test_error_messages_on_wrong_input: lengths and 2-D labels", () => {
    expect(() => e.adjustedMutualInformation([0, 1], [1, 1, 1])).toThrow(/adjustedMutualInformation: a has length 2 but b has length 3/);
    expect(() => e.normalizedMutualInformation([[0, 1], [1, 0]] as never, [1, 1, 1])).toThrow(/normalizedMutualInformation: a\[0\] is an array; a label must be a number, string or boolean/);
    expect(() => e.normalizedMutualInformation([0, 1, 0], [[1, 1], [0, 0]] as never)).toThrow(/b\[0\] is an array/);
  });

  it("test_generalized_average: NMI_max ≤ NMI_arithmetic ≤ NMI_geometric ≤ NMI_min", () => {
    const a = [0, 0, 0, 1, 1, 1, 2, 2];
    const b = ["x", "y", "x", "y", "y", "z", "z", "z"];
    const [mn, geo, ar, mx] = (["min", "geometric", "arithmetic", "max"] as const).map((average) => e.normalizedMutualInformation(a, b, { average }));
    expect(mx).toBeLessThanOrEqual(ar);
    expect(ar).toBeLessThanOrEqual(geo);
    expect(geo).toBeLessThanOrEqual(mn);
  });

  it("test_v_measure_and_mutual_information: V = 2I/(H(A) + H(B)) = NMI (arithmetic)", () => {
    for (const n of [10, 100, 1000, 10000]) {
      const r = rng(36);
      const a = Int32Array.from({ length: n }, () => Math.floor(r() * 10) - 5);
      const b = Array.from({ length: n }, () => `c${Math.floor(r() * 10)}`);
      const v = (2 * e.mutualInformationLabels(a, b)) / (e.entropyLabels(a) + e.entropyLabels(b));
      near(e.normalizedMutualInformation(a, b, { average: "arithmetic" }), v, 1e-12, 1e-15, `n=${n}`);
    }
  });

  it("errors name the function, the argument and the index", () => {
    const fn = "mutualInformationLabels";
    const two = [0, 1];
    const cases: [unknown, RegExp, ErrorConstructor][] = [
      [[0, "a"], /a\[1\] is string "a" but a\[0\] is a number; labels must all have one type/, TypeError],
      [["a", 0], /a\[1\] is number 0 but a\[0\] is a string/, TypeError],
      [[true, 1], /a\[1\] is number 1 but a\[0\] is a boolean/, TypeError],
      [[0, null], /a\[1\] is null; a label must be a number, string or boolean/, TypeError],
      [[undefined, 0], /a\[0\] is undefined/, TypeError],
      [["a", undefined], /a\[1\] is undefined/, TypeError],
      [[0, NaN], /a\[1\] is NaN; numeric labels must be integers/, RangeError],
      [[0, 1.5], /a\[1\] is 1.5; numeric labels must be integers/, RangeError],
      [[0, Infinity], /a\[1\] is Infinity/, RangeError],
      [Float64Array.of(0, 0.25), /a\[1\] is 0.25/, RangeError],
      [Float32Array.of(NaN, 0), /a\[0\] is NaN/, RangeError],
      [BigInt64Array.of(0n, 2n ** 53n), /a\[1\] is 9007199254740992n, beyond ±\(2\^53 − 1\); BigInt labels must be safe integers/, RangeError],
      [BigUint64Array.of(2n ** 63n, 0n), /a\[0\] is 9223372036854775808n/, RangeError],
      [[1n, 2], /a\[1\] is number 2 but a\[0\] is a bigint/, TypeError],
      [[{}, 1], /a\[0\] is Object; a label must be/, TypeError],
      [{ length: 2 }, /a\[0\] is undefined; a label must be a number, string or boolean/, TypeError], // an array-like of holes
      ["ab", /a must be an array/, TypeError],
    ];
    for (const [a, re, E] of cases) {
      expect(() => e.mutualInformationLabels(a as never, two), String(re)).toThrow(E);
      expect(() => e.mutualInformationLabels(a as never, two), String(re)).toThrow(new RegExp(`^${fn}: ${re.source}`));
    }
    // every label call, every argument, through the same canonicaliser
    expect(() => e.entropyLabels(["a", 1] as never)).toThrow(/^entropyLabels: a\[1\]/);
    expect(() => e.conditionalMutualInformation([0, 1], [0, 1], ["z", null] as never)).toThrow(/^conditionalMutualInformation: z\[1\] is null/);
    expect(() => e.conditionalEntropyLabels([0, 1], [0, 0.5])).toThrow(/^conditionalEntropyLabels: b\[1\] is 0.5/);
    expect(() => e.baselineEntropy([false, 0] as never)).toThrow(/^baselineEntropy: labels\[1\] is number 0 but labels\[0\] is a boolean/);
    expect(() => e.createContingency().update([0, 1], [0, NaN])).toThrow(/^Contingency.update: b\[1\] is NaN/);
    expect(() => e.contingencyFromJSON({ type: "infowasm.contingency", version: 1, a: [0, "x"] as never, b: [0, 1], count: [1, 1] })).toThrow(/^Contingency.fromJSON: a\[1\] is string "x" but a\[0\] is a number/);
    // one kind per side across chunks and merges
    const t = e.createContingency().update(["a", "b"], [0, 1]);
    expect(() => t.update([0, 1], [0, 1])).toThrow(/^Contingency.update: the a labels are numbers, but this table's a labels are strings/);
    expect(() => t.merge(e.createContingency().update(["a"], [true]))).toThrow(/^Contingency.merge: the b labels are booleans, but this table's b labels are numbers/);
    expect(t.n).toBe(2);
    // the engine still works afterwards
    expect(e.mutualInformationLabels([-1, 0, 1, 1], [0, 0, 1, 1])).toBeCloseTo(Math.LN2, 15);
  });

  it("strings sort by code point, as numpy.unique (not by UTF-16 unit)", () => {
    // /usr/bin/python3: np.unique(np.array(['dog', 'cat', '😀', '\uffff', 'cat'])) → ['cat' 'dog' '\uffff' '😀']
    const t = e.createContingency().update(["dog", "cat", "😀", "\uffff", "cat"], [1, 1, 1, 1, 1]);
    expect(t.counts.a).toEqual(["cat", "dog", "\uffff", "😀"]);
    expect(Array.from(t.counts.count)).toEqual([2, 1, 1, 1]);
  });

  it("DBSCAN: −1 noise in Int32Array, number[] and Int8Array gives the scores of the labels shifted by one", () => {
    const r = rng(5);
    const n = 5000;
    const a = Int32Array.from({ length: n }, () => Math.floor(r() * 8) - 1);
    const b = Int32Array.from(a, (v) => (r() < 0.8 ? v : Math.floor(r() * 8) - 1));
    const shifted = [Uint32Array.from(a, (v) => v + 1), Uint32Array.from(b, (v) => v + 1)] as const;
    for (const [x, y] of [[a, b], [Array.from(a), Array.from(b)], [Int8Array.from(a), Int8Array.from(b)]] as [Labels, Labels][]) {
      expect(e.mutualInformationLabels(x, y)).toBe(e.mutualInformationLabels(...shifted));
      expect(e.adjustedMutualInformation(x, y)).toBe(e.adjustedMutualInformation(...shifted));
      expect(e.variationOfInformation(x, y)).toBe(e.variationOfInformation(...shifted));
    }
    const c = e.createContingency().update(a, b).counts;
    expect((c.a as number[])[0]).toBe(-1);
    expect(Array.isArray(c.a)).toBe(true);
    expect(e.createContingency().update(...shifted).counts.a).toBeInstanceOf(Uint32Array);
  });

  it("mutualInformationColumns takes string, negative and boolean class targets", () => {
    const r = rng(9);
    const rows = 400;
    const y = Array.from({ length: rows }, () => Math.floor(r() * 3));
    const data = Float64Array.from({ length: rows * 2 }, (_, i) => y[i >> 1] * (i & 1) + r());
    const X = { data, rows, cols: 2 };
    const want = e.mutualInformationColumns(X, y);
    expect(e.mutualInformationColumns(X, y.map((v) => ["lo", "mid", "top"][v]))).toEqual(want);
    expect(e.mutualInformationColumns(X, Int8Array.from(y, (v) => v - 1))).toEqual(want);
    expect(e.mutualInformationColumns(X, Float64Array.from(y, (v) => v * 1e12), { target: "labels" })).toEqual(want);
    const yb = y.map((v) => v > 0);
    expect(e.mutualInformationColumns(X, yb)).toEqual(e.mutualInformationColumns(X, Uint8Array.from(yb, Number)));
  });

  it("property: any bijective relabelling (strings, negative, wide, BigInt, float) leaves every measure unchanged", () => {
    const labels = (n: number) => fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n });
    const triple = fc.integer({ min: 1, max: 50 }).chain((n) => fc.tuple(labels(n), labels(n), labels(n)));
    const maps: ((v: number) => unknown)[] = [
      (v) => `label-${(v * 37) % 11}`,
      (v) => -3 * v - 1,
      (v) => (v % 2 ? -1 : 1) * (v * 2 ** 40 + 12345),
    ];
    const build = (x: number[], k: number): Labels => {
      if (k < maps.length) return x.map(maps[k]) as Labels;
      if (k === maps.length) return BigInt64Array.from(x, (v) => BigInt(-v * 1e12));
      return Float64Array.from(x, (v) => v * 1e10 - 7);
    };
    const measures = (x: Labels, y: Labels, z: Labels) => [
      e.mutualInformationLabels(x, y),
      ...AVERAGES.map((average) => e.normalizedMutualInformation(x, y, { average })),
      ...AVERAGES.map((average) => e.adjustedMutualInformation(x, y, { average })),
      e.variationOfInformation(x, y),
      e.conditionalEntropyLabels(x, y),
      e.entropyLabels(x),
      e.conditionalMutualInformation(x, y, z),
      e.createContingency().update(x, y).mutualInformation(),
    ];
    fc.assert(
      fc.property(triple, fc.integer({ min: 0, max: maps.length + 1 }), fc.integer({ min: 0, max: maps.length + 1 }), ([a, b, z], ka, kb) => {
        const want = measures(a, b, z);
        const got = measures(build(a, ka), build(b, kb), build(z, ka));
        got.forEach((g, i) => near(g, want[i], 1e-12, 1e-13, `measure ${i}`));
      }),
    );
  });
});

describe("label codes: the value hash (WASM) = its JS twin", () => {
  it("labelIds: the same first-appearance ids and values on every backend, −0 = 0", async () => {
    const r = rng(31);
    const n = 100000; // several chunks, the hash grown and rehashed on the way
    const x = Float64Array.from({ length: n }, () => (Math.floor(r() * 20000) - 10000) * 2 ** 33);
    x[5] = -0;
    x[6] = 0;
    const [js, ...wasm] = await Promise.all(BACKENDS.map(engine));
    const want = backendOf(js).labelIds(x);
    expect(want.ids[5]).toBe(want.ids[6]);
    expect(Object.is(want.values[want.ids[5]], 0)).toBe(true);
    for (const w of wasm) {
      const got = backendOf(w).labelIds(x);
      expect(got.ids).toEqual(want.ids);
      expect(got.values).toEqual(want.values);
    }
  });

  it("wide-range labels: the same counts on every backend, and repeated calls do not grow WASM memory", async () => {
    const r = rng(32);
    const a = Float64Array.from({ length: 200000 }, () => Math.floor(r() * 3000) * 1e9 - 1e12);
    const b = BigInt64Array.from({ length: 200000 }, () => BigInt(Math.floor(r() * 50) * 2 ** 45));
    const [js, ...wasm] = await Promise.all(BACKENDS.map(engine));
    const want = js.createContingency().update(a, b).counts;
    const wantAmi = js.adjustedMutualInformation(a, b);
    for (const w of wasm) {
      expect(w.createContingency().update(a, b).counts).toEqual(want);
      near(w.adjustedMutualInformation(a, b), wantAmi, 1e-12, 1e-15, `${w.backend} AMI`);
      const before = w.memoryBytes();
      for (let k = 0; k < 5; k++) w.mutualInformationLabels(a, b);
      expect(w.memoryBytes()).toBe(before);
    }
  });
});
