/**
 * Bad input to the channels and codes families: each is a TypeError or RangeError naming the
 * function, the argument and (where there is one) the row or index. After any of them the engine
 * still computes and its WASM memory is unchanged.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine.js";
import { awgnCapacity, expectedCodeLength, fisherInformation, huffmanCodeLengths } from "../src/index.js";
import { BACKENDS, engine, throws } from "./backends.js";

const BSC = [[0.9, 0.1], [0.1, 0.9]];

describe.each(BACKENDS)("channels errors (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("channelCapacity: a row not a distribution, negative or NaN entries, bad options", () => {
    throws(() => e.channelCapacity([[0.9, 0.1], [0.2, 0.7]]), RangeError, "channelCapacity", "W row 1", "sums to");
    throws(() => e.channelCapacity([[0.5, 0.5], [1.2, -0.2]]), RangeError, "channelCapacity", "W.data[3] (row 1, column 1)", "-0.2");
    throws(() => e.channelCapacity({ data: Float64Array.from([0.5, NaN]), rows: 1, cols: 2 }), RangeError, "W.data[1]", "NaN");
    throws(() => e.channelCapacity([[0.5, 0.5], [1]]), RangeError, "W[1]");
    throws(() => e.channelCapacity("W" as never), TypeError, "channelCapacity", "W");
    throws(() => e.channelCapacity(BSC, { tol: -1 }), RangeError, "tol");
    throws(() => e.channelCapacity(BSC, { maxIterations: 0 }), RangeError, "maxIterations");
    throws(() => e.channelCapacity(BSC, { maxIterations: 1.5 }), TypeError, "maxIterations");
    throws(() => e.channelCapacity(BSC, { base: 1 }), RangeError, "base");
  });

  it("rateDistortion: β < 0, bad p, bad distortion, shapes", () => {
    const d = [[0, 1], [1, 0]];
    throws(() => e.rateDistortion([0.5, 0.5], d, { beta: -1 }), RangeError, "rateDistortion", "beta", "≥ 0");
    throws(() => e.rateDistortion([0.5, 0.5], d, { beta: NaN }), RangeError, "beta");
    throws(() => e.rateDistortion([0.5, 0.5], d, undefined as never), TypeError, "beta");
    throws(() => e.rateDistortion([0.5, -0.5], d, { beta: 1 }), RangeError, "p[1]", "-0.5");
    throws(() => e.rateDistortion([0.5, NaN], d, { beta: 1 }), RangeError, "p[1]", "NaN");
    throws(() => e.rateDistortion([0, 0], d, { beta: 1 }), RangeError, "p sums to 0");
    throws(() => e.rateDistortion([0.5, 0.5], [[0, 1], [Infinity, 0]], { beta: 1 }), RangeError, "distortion.data[2]", "finite");
    throws(() => e.rateDistortion([0.2, 0.3, 0.5], d, { beta: 1 }), RangeError, "distortion has 2 rows but p has 3");
  });

  it("informationBottleneck: β ≤ 0, clusters < 1 or not an integer, bad tables and options", () => {
    const t = [[0.2, 0.1], [0.1, 0.6]];
    throws(() => e.informationBottleneck(t, { beta: 0 }), RangeError, "informationBottleneck", "beta", "> 0");
    throws(() => e.informationBottleneck(t, { beta: -2 }), RangeError, "beta");
    throws(() => e.informationBottleneck(t, { beta: 1, clusters: 0 }), RangeError, "clusters", "≥ 1");
    throws(() => e.informationBottleneck(t, { beta: 1, clusters: 1.5 }), TypeError, "clusters", "integer");
    throws(() => e.informationBottleneck(t, { beta: 1, restarts: 0 }), RangeError, "restarts");
    throws(() => e.informationBottleneck(t, { beta: 1, seed: NaN }), TypeError, "seed");
    throws(() => e.informationBottleneck([[0.2, -0.1], [0.1, 0.6]], { beta: 1 }), RangeError, "pxy.data[1] (row 0, column 1)");
    throws(() => e.informationBottleneck([[0, 0], [0, 0]], { beta: 1 }), RangeError, "pxy sums to 0");
    throws(() => e.informationBottleneck(t, null as never), TypeError, "beta");
  });

  it("the engine still computes after every error, and its memory is flat across calls", () => {
    const before = e.memoryBytes();
    for (let i = 0; i < 20; i++) {
      try {
        e.channelCapacity([[0.9, 0.1], [0.2, 0.7]]);
      } catch {
        /* expected */
      }
      e.channelCapacity(BSC);
      e.rateDistortion([0.3, 0.7], [[0, 1], [1, 0]], { beta: 2 });
      e.informationBottleneck([[0.2, 0.1], [0.1, 0.6]], { beta: 5 });
    }
    expect(e.memoryBytes()).toBe(before);
    expect(e.channelCapacity(BSC, { base: "bits" }).capacity).toBeCloseTo(1 + 0.9 * Math.log2(0.9) + 0.1 * Math.log2(0.1), 12);
  });
});

describe("codes, Fisher information and AWGN errors", () => {
  it("awgnCapacity: snr < 0 or not finite, bad bandwidth", () => {
    throws(() => awgnCapacity(-1), RangeError, "awgnCapacity", "snr", "≥ 0");
    throws(() => awgnCapacity(NaN), RangeError, "snr");
    throws(() => awgnCapacity("3" as never), TypeError, "snr");
    throws(() => awgnCapacity(1, { bandwidth: 0 }), RangeError, "bandwidth");
    throws(() => awgnCapacity(1, { base: 0 }), RangeError, "base");
  });

  it("huffmanCodeLengths / expectedCodeLength: negative, NaN, all-zero or empty p", () => {
    for (const f of [huffmanCodeLengths, expectedCodeLength]) {
      throws(() => f([0.5, -0.1]), RangeError, "p[1]", "-0.1");
      throws(() => f([0.5, NaN]), RangeError, "p[1]", "NaN");
      throws(() => f([0, 0]), RangeError, "p sums to 0");
      throws(() => f([]), RangeError, "p is empty");
      throws(() => f("p" as never), TypeError, "p");
    }
  });

  it("fisherInformation: unknown family, bad params named", () => {
    throws(() => fisherInformation("gamma" as never, {} as never), RangeError, "fisherInformation", "family", '"gamma"');
    throws(() => fisherInformation(3 as never, {} as never), TypeError, "family");
    throws(() => fisherInformation("bernoulli", { p: 1 }), RangeError, "p", "(0, 1)");
    throws(() => fisherInformation("bernoulli", {} as never), TypeError, "p");
    throws(() => fisherInformation("binomial", { n: 2.5, p: 0.5 }), TypeError, "n", "integer");
    throws(() => fisherInformation("binomial", { n: 0, p: 0.5 }), RangeError, "n");
    throws(() => fisherInformation("poisson", { lambda: 0 }), RangeError, "lambda", "> 0");
    throws(() => fisherInformation("exponential", { lambda: -1 }), RangeError, "lambda");
    throws(() => fisherInformation("normal", { mu: 0, sigma: 0 }), RangeError, "sigma");
    throws(() => fisherInformation("normal", { mu: NaN, sigma: 1 }), RangeError, "mu");
    throws(() => fisherInformation("categorical", { p: [0.5, 0.6] }), RangeError, "p sums to");
    throws(() => fisherInformation("categorical", { p: [0.5, 0, 0.5] }), RangeError, "p[1]");
    throws(() => fisherInformation("categorical", { p: [1] }), RangeError, "at least 2");
    throws(() => fisherInformation("normal", null as never), TypeError, "params");
  });
});
