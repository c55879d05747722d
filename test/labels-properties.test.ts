/** Invariants of the label measures, checked with fast-check on every backend. */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { BACKENDS, engine } from "./backends.js";
import type { Engine } from "../src/engine.js";

const TOL = 1e-10;
const labels = (n: number, k: number) => fc.array(fc.integer({ min: 0, max: k }), { minLength: n, maxLength: n });
const pair = fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(labels(n, 6), labels(n, 6)));
const triple = fc.integer({ min: 1, max: 60 }).chain((n) => fc.tuple(labels(n, 5), labels(n, 5), labels(n, 5)));
/** A bijective relabelling of 0..k into large, scattered labels. */
const relabel = (v: number) => ((v + 1) * 2654435761) % 4294967291;

describe.each(BACKENDS)("label properties (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("MI ≥ 0, symmetric, invariant to relabelling, I(X;X) = H(X)", () => {
    fc.assert(fc.property(pair, ([a, b]) => {
      const mi = e.mutualInformationLabels(a, b);
      expect(mi).toBeGreaterThanOrEqual(0);
      expect(Math.abs(mi - e.mutualInformationLabels(b, a))).toBeLessThan(TOL);
      expect(Math.abs(mi - e.mutualInformationLabels(a.map(relabel), b.map(relabel)))).toBeLessThan(TOL);
      expect(Math.abs(e.mutualInformationLabels(a, a) - e.entropyLabels(a))).toBeLessThan(TOL);
      expect(mi).toBeLessThanOrEqual(Math.min(e.entropyLabels(a), e.entropyLabels(b)) + TOL);
    }));
  });

  it("NMI ∈ [0, 1] for every average; AMI ≤ 1; H(A|B) = H(A) − I", () => {
    fc.assert(fc.property(pair, ([a, b]) => {
      for (const average of ["arithmetic", "geometric", "min", "max"] as const) {
        const v = e.normalizedMutualInformation(a, b, { average });
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1 + TOL);
        // AMI = (I − E[I]) / (mean(H) − E[I]); E[I] ≤ I ≤ mean(H). When I = mean(H) (one labeling
        // determines the other and that mean is attained) and E[I] = I too, sklearn's formula is 0/0
        // clamped by eps: rounding noise, so the bound is only asserted away from that case.
        const [ha, hb] = [e.entropyLabels(a), e.entropyLabels(b)];
        const mean = { arithmetic: (ha + hb) / 2, geometric: Math.sqrt(ha * hb), min: Math.min(ha, hb), max: Math.max(ha, hb) }[average];
        if (mean - e.mutualInformationLabels(a, b) > 1e-9) expect(e.adjustedMutualInformation(a, b, { average })).toBeLessThanOrEqual(1 + 1e-8);
      }
      expect(Math.abs(e.conditionalEntropyLabels(a, b) - (e.entropyLabels(a) - e.mutualInformationLabels(a, b)))).toBeLessThan(TOL);
    }));
  });

  it("VI is a metric: VI(a,a) = 0, symmetric, triangle inequality", () => {
    fc.assert(fc.property(triple, ([a, b, c]) => {
      expect(e.variationOfInformation(a, a)).toBeLessThan(TOL);
      const ab = e.variationOfInformation(a, b);
      expect(Math.abs(ab - e.variationOfInformation(b, a))).toBeLessThan(TOL);
      expect(ab).toBeLessThanOrEqual(e.variationOfInformation(a, c) + e.variationOfInformation(c, b) + TOL);
    }));
  });

  it("CMI ≥ 0 and the chain rule I(X; Y,Z) = I(X;Z) + I(X;Y|Z)", () => {
    fc.assert(fc.property(triple, ([x, y, z]) => {
      const cmi = e.conditionalMutualInformation(x, y, z);
      expect(cmi).toBeGreaterThanOrEqual(0);
      const yz = y.map((v, i) => v * 6 + z[i]);
      expect(Math.abs(e.mutualInformationLabels(x, yz) - (e.mutualInformationLabels(x, z) + cmi))).toBeLessThan(TOL);
    }));
  });

  it("merge = one call: any split into chunks gives the same counts and MI", () => {
    fc.assert(fc.property(pair, fc.integer({ min: 1, max: 20 }), ([a, b], step) => {
      const whole = e.createContingency().update(a, b);
      const parts = [];
      for (let i = 0; i < a.length; i += step) parts.push(e.createContingency().update(a.slice(i, i + step), b.slice(i, i + step)));
      const merged = parts.reduce((s, p) => s.merge(p));
      expect(merged.counts).toEqual(whole.counts);
      expect(merged.mutualInformation()).toBe(whole.mutualInformation());
    }));
  });
});
