/**
 * Invariants of the time-series measures (fast-check; CI runs them with random seeds):
 * 0 ≤ T_{X→Y} ≤ H(Y_t | Y_past) (a plug-in CMI is ≥ 0 and at most the entropy it conditions),
 * 0 ≤ A_X ≤ H(X_t), entropy rate = H(X_t) − A_X, and every value is invariant under relabelling
 * the series (a bijection of each alphabet), and the same on every backend as on js.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine.js";
import { BACKENDS, engine } from "./backends.js";

const EPS = 1e-12;

/** Two series of equal length n ≥ 6 over alphabets of up to 5 labels, and history options. */
const caseArb = fc.integer({ min: 6, max: 80 }).chain((n) =>
  fc.record({
    x: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
    y: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: n, maxLength: n }),
    k: fc.integer({ min: 1, max: 3 }),
    l: fc.integer({ min: 1, max: 2 }),
    lag: fc.integer({ min: 1, max: 3 }),
  }),
);

describe.each(BACKENDS)("dynamics properties (%s)", (name) => {
  let e: Engine;
  let js: Engine;
  beforeAll(async () => {
    e = await engine(name);
    js = await engine("js");
  });

  it("0 ≤ T ≤ H(Y_t | Y_past); entropy rate = H(Y_t) − AIS ≥ 0", () => {
    fc.assert(
      fc.property(caseArb, ({ x, y, k, l, lag }) => {
        const o = { k, l, lag };
        const te = e.transferEntropy(x, y, o);
        expect(te).toBeGreaterThanOrEqual(0);
        // H(Y_t | Y_past) over the same steps t ≥ t0: the target's history entropy rate of the steps TE uses
        const t0 = Math.max(k, lag + l - 1);
        const hCond = e.entropyRate(y.slice(t0 - k), { k });
        expect(te).toBeLessThanOrEqual(hCond + EPS);
        const ais = e.activeInformationStorage(y, { k });
        const hY = e.entropyLabels(y.slice(k));
        expect(ais).toBeGreaterThanOrEqual(0);
        expect(ais).toBeLessThanOrEqual(hY + EPS);
        expect(Math.abs(e.entropyRate(y, { k }) - (hY - ais))).toBeLessThanOrEqual(EPS * 10);
      }),
    );
  });

  it("invariant under relabelling each series; equal to the js backend", () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(["p", "q", "r", "s", "t"], ["e", "d", "c", "b", "a"]), ({ x, y, k, l, lag }, names) => {
        const o = { k, l, lag };
        const te = e.transferEntropy(x, y, o);
        const relabelled = e.transferEntropy(x.map((v) => names[v]), y.map((v) => 10 - 3 * v), o);
        expect(Math.abs(relabelled - te)).toBeLessThanOrEqual(EPS);
        expect(Math.abs(js.transferEntropy(x, y, o) - te)).toBeLessThanOrEqual(EPS * Math.max(1, te));
        const M = e.transferEntropyMatrix([x, y], o);
        expect(M.data[1]).toBe(te);
      }),
    );
  });

  it("binary series (the bit-sliced counts: any length, delays past a 64-bit word) give the js backend's counts", () => {
    const binArb = fc.integer({ min: 2, max: 700 }).chain((n) =>
      fc.record({
        x: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
        y: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
        k: fc.integer({ min: 1, max: 3 }),
        l: fc.integer({ min: 1, max: 2 }),
        lag: fc.integer({ min: 1, max: 200 }),
      }),
    );
    fc.assert(
      fc.property(binArb, ({ x, y, k, l, lag }) => {
        fc.pre(x.length >= Math.max(k, lag + l - 1) + 1);
        const X = Int32Array.from(x);
        const Y = Int32Array.from(y);
        X[0] = 0;
        X[X.length - 1] = 1; // both labels present: codes 0/1 as given
        Y[0] = 0;
        Y[Y.length - 1] = 1;
        expect(e.transferEntropy(X, Y, { k, l, lag })).toBe(js.transferEntropy(X, Y, { k, l, lag }));
        expect(e.activeInformationStorage(Y, { k })).toBe(js.activeInformationStorage(Y, { k }));
        expect(e.entropyRate(Y, { k })).toBe(js.entropyRate(Y, { k }));
      }),
      { numRuns: 200 },
    );
  });
});
