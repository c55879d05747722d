/**
 * Known values of the discrete measures, on every backend. Every expected value comes from
 * test/reference/discrete.ts: the seeds' worked examples recomputed independently (mpmath at
 * 50 digits, checked against scipy 1.17.1), and SciPy calls cited case by case. Rerun with
 * `python3 test/reference/discrete.py`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, engine, close } from "./backends.js";
import type { Engine } from "../src/engine.js";
import * as ref from "./reference/discrete.js";

const REL = 1e-12;
function expectValue(got: number, want: number, source: string): void {
  if (want === Infinity || want === 0) return void expect(got, source).toBe(want);
  expect(close(got, want, REL, 1e-15), `${source}: got ${got}, want ${want}`).toBe(true);
}

describe.each(BACKENDS)("discrete measures (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it.each(ref.entropyCases)("entropy: $source", (c) => {
    expectValue(e.entropy(c.p, { base: c.base }), c.expected, c.source);
    expectValue(e.entropy(Float64Array.from(c.p), { base: c.base }), c.expected, c.source);
  });

  it.each(ref.crossEntropyCases)("crossEntropy: $source", (c) => expectValue(e.crossEntropy(c.p, c.q, { base: c.base }), c.expected, c.source));
  it.each(ref.klCases)("klDivergence: $source", (c) => expectValue(e.klDivergence(c.p, c.q, { base: c.base }), c.expected, c.source));
  it.each(ref.jsDivergenceCases)("jsDivergence: $source", (c) => expectValue(e.jsDivergence(c.p, c.q, { base: c.base }), c.expected, c.source));
  it.each(ref.jsDistanceCases)("jsDistance: $source", (c) => expectValue(e.jsDistance(c.p, c.q, { base: c.base }), c.expected, c.source));

  it.each(ref.surprisalCases)("surprisal: $source", (c) => {
    const got = e.surprisal(c.p, { base: c.base });
    expect(got.length).toBe(c.expected.length);
    c.expected.forEach((want, i) => expectValue(got[i], want, `${c.source} [${i}]`));
  });

  it.each(ref.jointTableCases)("joint table: $source", (c) => {
    const o = { base: c.base };
    expectValue(e.jointEntropy(c.table, o), c.jointEntropy, c.source);
    expectValue(e.conditionalEntropy(c.table, o), c.conditionalEntropy, c.source);
    expectValue(e.mutualInformation(c.table, o), c.mutualInformation, c.source);
    const T = c.table[0].map((_, j) => c.table.map((row) => row[j]));
    expectValue(e.conditionalEntropy(T, o), c.conditionalEntropyXgivenY, c.source);
    expectValue(e.entropy(c.table.map((row) => row.reduce((a, b) => a + b)), o), c.hX, c.source);
    expectValue(e.entropy(T.map((col) => col.reduce((a, b) => a + b)), o), c.hY, c.source);
    // the same table as a { data, rows, cols } matrix, float64 and float32 (exact in float32 here or not: 1e-6)
    const m = { data: Float64Array.from(c.table.flat()), rows: c.table.length, cols: c.table[0].length };
    expectValue(e.mutualInformation(m, o), c.mutualInformation, c.source);
  });

  it.each(ref.batchedCases)("batched: $source", (c) => {
    const P = { data: Float64Array.from(c.p), rows: c.rows, cols: c.cols };
    const Q = { data: Float64Array.from(c.q), rows: c.rows, cols: c.cols };
    const o = { base: c.base };
    const [h, kl, js] = [e.entropy(P, o), e.klDivergence(P, Q, o), e.jsDivergence(P, Q, o)];
    c.entropy.forEach((v, i) => expectValue(h[i], v, c.source));
    c.kl.forEach((v, i) => expectValue(kl[i], v, c.source));
    c.js.forEach((v, i) => expectValue(js[i], v, c.source));
  });

  it("float32 input gives the float64 answer to float32 precision", () => {
    for (const c of ref.entropyCases) {
      const p32 = Float32Array.from(c.p);
      const want = e.entropy(Float64Array.from(p32), { base: c.base }); // same rounded weights in float64
      const got = e.entropy(p32, { base: c.base });
      expect(close(got, want, 1e-6, 1e-7), `${c.source}: ${got} vs ${want}`).toBe(true);
    }
  });

  it("bases: bits, nats, hartleys and any positive number ≠ 1 divide by ln(base)", () => {
    // uniform over 8 outcomes: ln 8 nats = 3 bits = log10(8) hartleys = 1 in base 8
    const u = [1, 1, 1, 1, 1, 1, 1, 1];
    expect(e.entropy(u, { base: "bits" })).toBeCloseTo(3, 14);
    expect(e.entropy(u, { base: 2 })).toBeCloseTo(3, 14);
    expect(e.entropy(u)).toBeCloseTo(Math.log(8), 14);
    expect(e.entropy(u, { base: "nats" })).toBeCloseTo(Math.log(8), 14);
    expect(e.entropy(u, { base: "hartleys" })).toBeCloseTo(Math.log10(8), 14);
    expect(e.entropy(u, { base: 8 })).toBeCloseTo(1, 14);
    expect(e.entropy(u, { base: 0.5 })).toBeCloseTo(-3, 14);
  });
});
