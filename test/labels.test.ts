/**
 * Label measures on every backend against test/reference/labels.ts (sklearn's formulas
 * reimplemented with numpy/scipy, see test/reference/labels.py), streaming/merging, parity of the
 * counting paths (dense, hashed ids, pair hash) and every error case.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, engine, close, rng } from "./backends.js";
import type { Engine } from "../src/engine.js";
import { decode, labelCases, type Average } from "./reference/labels.js";

const AVERAGES: Average[] = ["arithmetic", "geometric", "min", "max"];

function near(got: number, want: number, rel: number, abs: number, what: string): void {
  expect(close(got, want, rel, abs), `${what}: got ${got}, want ${want}`).toBe(true);
}

/** Random labels in [0, k) mapped through `spread` (to reach the hashed paths). */
function randomLabels(n: number, k: number, seed: number, spread = (v: number) => v): Uint32Array {
  const r = rng(seed);
  return Uint32Array.from({ length: n }, () => spread(Math.floor(r() * k)));
}

describe.each(BACKENDS)("label measures (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it.each(labelCases)("$name", (c) => {
    const a = decode(c.a);
    const b = decode(c.b);
    const src = `${c.name} (${c.source})`;
    near(e.mutualInformationLabels(a, b), c.mi, 1e-12, 1e-14, `MI ${src}`);
    near(e.mutualInformationLabels(a, b, { base: "bits" }), c.mi / Math.LN2, 1e-12, 1e-14, `MI bits ${src}`);
    near(e.entropyLabels(a), c.hA, 1e-12, 1e-14, `H(A) ${src}`);
    near(e.entropyLabels(b), c.hB, 1e-12, 1e-14, `H(B) ${src}`);
    near(e.variationOfInformation(a, b), c.vi, 1e-12, 1e-13, `VI ${src}`);
    near(e.conditionalEntropyLabels(a, b), c.hAgivenB, 1e-12, 1e-13, `H(A|B) ${src}`);
    for (const m of AVERAGES) near(e.normalizedMutualInformation(a, b, { average: m }), c.nmi[m], 1e-12, 1e-14, `NMI ${m} ${src}`);
    expect(e.normalizedMutualInformation(a, b)).toBe(e.normalizedMutualInformation(a, b, { average: "arithmetic" }));
    if (c.ami) {
      // EMI carries the ~ulp(ln N!) rounding of its log-factorials, in sklearn as here: 1e-9
      for (const m of AVERAGES) {
        const got = e.adjustedMutualInformation(a, b, { average: m });
        // all-distinct a: MI = EMI = H(B) = min(H(A), H(B)) exactly, so "min" is 0/0 up to rounding (in sklearn too)
        if (c.name.includes("all-distinct") && m === "min") expect(Number.isFinite(got)).toBe(true);
        else near(got, c.ami[m], 1e-9, 1e-8, `AMI ${m} ${src}`);
      }
    }
    if (c.z !== undefined && c.cmi !== undefined) near(e.conditionalMutualInformation(a, b, decode(c.z)), c.cmi, 1e-11, 1e-13, `CMI ${src}`);
  });

  it("accepts Int32Array, Uint32Array and number[] alike", () => {
    const c = labelCases.find((x) => x.name.startsWith("n=500"))!;
    const a = decode(c.a);
    const b = decode(c.b);
    const got = [e.mutualInformationLabels(a, b), e.mutualInformationLabels(Int32Array.from(a), Int32Array.from(b)), e.mutualInformationLabels(Array.from(a), Array.from(b))];
    expect(got[1]).toBe(got[0]);
    expect(got[2]).toBe(got[0]);
  });

  it("10 000 distinct labels: AMI is finite and fast", () => {
    const a = Uint32Array.from({ length: 10000 }, (_, i) => i);
    const b = randomLabels(10000, 10000, 7);
    const t0 = performance.now();
    const v = e.adjustedMutualInformation(a, b);
    expect(Number.isFinite(v)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it("streaming: chunks and merged workers give exactly the one-call counts and MI", () => {
    for (const spread of [(v: number) => v, (v: number) => (v * 2654435761) >>> 0]) {
      const a = randomLabels(20000, 50, 1, spread);
      const b = randomLabels(20000, 30, 2, spread);
      const whole = e.createContingency().update(a, b);
      const chunked = e.createContingency();
      for (let i = 0; i < a.length; i += 3001) chunked.update(a.subarray(i, i + 3001), b.subarray(i, i + 3001));
      const w1 = e.createContingency().update(a.subarray(0, 7000), b.subarray(0, 7000));
      const w2 = e.createContingency().update(a.subarray(7000), b.subarray(7000));
      const merged = e.contingencyFromJSON(JSON.parse(JSON.stringify(w1.toJSON()))).merge(w2.toJSON());
      for (const s of [chunked, merged]) {
        expect(s.counts).toEqual(whole.counts);
        expect(s.mutualInformation()).toBe(whole.mutualInformation());
        expect(s.adjustedMutualInformation()).toBe(whole.adjustedMutualInformation());
      }
      expect(whole.n).toBe(20000);
      expect(whole.mutualInformation()).toBe(e.mutualInformationLabels(a, b));
      expect(whole.normalizedMutualInformation({ average: "max" })).toBe(e.normalizedMutualInformation(a, b, { average: "max" }));
      expect(whole.adjustedMutualInformation()).toBe(e.adjustedMutualInformation(a, b));
      expect(whole.variationOfInformation({ base: 2 })).toBe(e.variationOfInformation(a, b, { base: 2 }));
      expect(whole.conditionalEntropy()).toBe(e.conditionalEntropyLabels(a, b));
      const h = whole.entropies();
      near(h.a, e.entropyLabels(a), 1e-14, 0, "H(A)");
      near(h.joint - h.b, e.conditionalEntropyLabels(a, b), 1e-12, 1e-14, "H(A,B) − H(B)");
    }
  });

  it("counts: sorted nonzero cells; a JSON with unsorted, repeated cells is accepted", () => {
    const s = e.createContingency().update([2, 0, 2, 1], [5, 5, 5, 0]);
    const c = s.counts;
    expect(Array.from(c.a)).toEqual([0, 1, 2]);
    expect(Array.from(c.b)).toEqual([5, 0, 5]);
    expect(Array.from(c.count)).toEqual([1, 1, 2]);
    const t = e.contingencyFromJSON({ type: "infowasm.contingency", version: 1, a: [2, 1, 0, 2], b: [5, 0, 5, 5], count: [1, 1, 1, 1] });
    expect(t.counts).toEqual(c);
  });

  it("errors name the function, the argument and the first bad index", () => {
    // negative labels are labels (DBSCAN's −1); a non-integral number, a mixed type or null is not
    expect(e.mutualInformationLabels([0, 1, -1], [0, 1, 2])).toBeCloseTo(Math.log(3), 14);
    expect(e.mutualInformationLabels(Int32Array.of(0, 1, 2, -5), Int32Array.of(0, 0, 0, 0))).toBe(0);
    expect(() => e.mutualInformationLabels([0, 1, 0.5], [0, 1, 2])).toThrow(/mutualInformationLabels: a\[2\] is 0.5/);
    expect(() => e.normalizedMutualInformation([0, 1], [0, 1.5])).toThrow(/normalizedMutualInformation: b\[1\] is 1.5/);
    expect(() => e.adjustedMutualInformation([0, NaN], [0, 1])).toThrow(/a\[1\] is NaN/);
    expect(() => e.variationOfInformation([0, 1], [0, 1, 2])).toThrow(/a has length 2 but b has length 3/);
    expect(() => e.conditionalEntropyLabels([], [])).toThrow(/a is empty/);
    expect(() => e.mutualInformationLabels(new Float64Array([0, 1.25]), [0, 1])).toThrow(RangeError);
    expect(() => e.mutualInformationLabels({ length: 2 } as never, [0, 1])).toThrow(TypeError);
    expect(() => e.mutualInformationLabels(["0", 1] as never, [0, 1])).toThrow(/a\[1\] is number 1 but a\[0\] is a string/);
    expect(() => e.conditionalMutualInformation([0, 1], [0, 1], Float32Array.of(0, NaN))).toThrow(/conditionalMutualInformation: z\[1\] is NaN/);
    expect(() => e.normalizedMutualInformation([0, 1], [0, 1], { average: "harmonic" as never })).toThrow(/average must be/);
    expect(() => e.mutualInformationLabels([0, 1], [0, 1], { base: 1 })).toThrow(RangeError);
    expect(() => e.createContingency().mutualInformation()).toThrow(/empty/);
    expect(() => e.contingencyFromJSON({ type: "x" } as never)).toThrow(TypeError);
    expect(() => e.contingencyFromJSON({ type: "infowasm.contingency", version: 1, a: [0], b: [0], count: [0.5] })).toThrow(/count\[0\]/);
    // the engine still works afterwards
    expect(e.mutualInformationLabels([0, 1], [0, 1])).toBeCloseTo(Math.LN2, 15);
  });
});

describe("label parity: wasm builds = js on every counting path", () => {
  const paths = [
    { what: "dense 64×64, 1e5 pairs", a: randomLabels(100000, 64, 11), b: randomLabels(100000, 64, 12) },
    { what: "dense 1000×1000, 1e5 pairs", a: randomLabels(100000, 1000, 13), b: randomLabels(100000, 1000, 14) },
    { what: "hashed labels, dense ids", a: randomLabels(100000, 300, 15, (v) => (v * 2654435761) >>> 0), b: randomLabels(100000, 200, 16, (v) => v * 1000) },
    { what: "hashed labels, pair hash (2e5 pairs, 5e4×5e4 ids)", a: randomLabels(200000, 50000, 17, (v) => v * 80000), b: randomLabels(200000, 50000, 18, (v) => (v * 2246822519) >>> 0) },
  ];
  it.each(paths)("$what", async ({ a, b }) => {
    const [js, ...wasm] = await Promise.all(BACKENDS.map(engine));
    const z = Uint32Array.from(a, (v) => v % 3);
    const want = [js.mutualInformationLabels(a, b), js.variationOfInformation(a, b), js.conditionalEntropyLabels(b, a), js.normalizedMutualInformation(a, b), js.conditionalMutualInformation(a, b, z)];
    const wantAmi = js.adjustedMutualInformation(a, b);
    const wantCounts = js.createContingency().update(a, b).counts;
    for (const w of wasm) {
      const got = [w.mutualInformationLabels(a, b), w.variationOfInformation(a, b), w.conditionalEntropyLabels(b, a), w.normalizedMutualInformation(a, b), w.conditionalMutualInformation(a, b, z)];
      got.forEach((g, i) => near(g, want[i], 1e-12, 1e-15, `${w.backend} measure ${i}`));
      near(w.adjustedMutualInformation(a, b), wantAmi, 1e-12, 1e-15, `${w.backend} AMI`);
      expect(w.createContingency().update(a, b).counts).toEqual(wantCounts);
    }
  });

  it("repeated label calls do not grow WASM memory", async () => {
    for (const w of [await engine("wasm"), await engine("wasm-simd")]) {
      const a = randomLabels(100000, 5000, 21, (v) => v * 77777);
      const b = randomLabels(100000, 64, 22);
      w.adjustedMutualInformation(a, b);
      const before = w.memoryBytes();
      for (let k = 0; k < 10; k++) {
        w.adjustedMutualInformation(a, b);
        w.mutualInformationLabels(b, b);
        w.conditionalMutualInformation(b, b, b);
      }
      expect(w.memoryBytes()).toBe(before);
    }
  });
});
