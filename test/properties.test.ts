/** Invariants of information measures, checked with fast-check on every backend. */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { BACKENDS, engine } from "./backends.js";
import type { Engine } from "../src/engine.js";

const weight = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e3, noNaN: true }));
const dist = (n: number) => fc.array(weight, { minLength: n, maxLength: n }).filter((a) => a.some((v) => v > 0));
const pair = fc.integer({ min: 1, max: 24 }).chain((n) => fc.tuple(dist(n), dist(n)));
const positivePair = fc.integer({ min: 1, max: 24 }).chain((n) =>
  fc.tuple(fc.array(fc.double({ min: 1e-6, max: 1e3, noNaN: true }), { minLength: n, maxLength: n }), fc.array(fc.double({ min: 1e-6, max: 1e3, noNaN: true }), { minLength: n, maxLength: n })),
);
const table = fc
  .tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }))
  .chain(([r, c]) => fc.array(fc.array(weight, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }))
  .filter((t) => t.some((row) => row.some((v) => v > 0)));
const transpose = (t: number[][]) => t[0].map((_, j) => t.map((row) => row[j]));
const TOL = 1e-9;

describe.each(BACKENDS)("properties (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("KL ≥ 0, and KL(p‖p) = 0", () => {
    fc.assert(fc.property(pair, ([p, q]) => {
      expect(e.klDivergence(p, q)).toBeGreaterThanOrEqual(0);
      expect(e.klDivergence(p, p)).toBeLessThan(TOL);
    }));
  });

  it("KL = 0 only if p = q after normalisation", () => {
    fc.assert(fc.property(positivePair, ([p, q]) => {
      const sp = p.reduce((a, b) => a + b), sq = q.reduce((a, b) => a + b);
      const maxDiff = Math.max(...p.map((v, i) => Math.abs(v / sp - q[i] / sq)));
      // Pinsker: D ≥ ½‖p − q‖₁² ≥ ½ maxDiff²
      expect(e.klDivergence(p, q)).toBeGreaterThanOrEqual(0.5 * maxDiff * maxDiff * (1 - 1e-9) - 1e-15);
    }));
  });

  it("cross-entropy = entropy + KL", () => {
    fc.assert(fc.property(positivePair, ([p, q]) => {
      const lhs = e.crossEntropy(p, q);
      const rhs = e.entropy(p) + e.klDivergence(p, q);
      expect(Math.abs(lhs - rhs)).toBeLessThan(TOL * Math.max(1, lhs));
    }));
  });

  it("JS is symmetric and 0 ≤ JS ≤ ln 2; jsDistance² = JS", () => {
    fc.assert(fc.property(pair, ([p, q]) => {
      const a = e.jsDivergence(p, q);
      expect(Math.abs(a - e.jsDivergence(q, p))).toBeLessThan(TOL);
      expect(a).toBeGreaterThanOrEqual(0);
      expect(a).toBeLessThanOrEqual(Math.LN2);
      expect(Math.abs(e.jsDistance(p, q) ** 2 - a)).toBeLessThan(TOL);
      expect(e.jsDivergence(p, q, { base: 2 })).toBeLessThanOrEqual(1);
    }));
  });

  it("0 ≤ H(p) ≤ log n, invariant under permutation and scaling", () => {
    fc.assert(fc.property(dist(12), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (p, c) => {
      const h = e.entropy(p);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThanOrEqual(Math.log(p.length) + TOL);
      expect(Math.abs(e.entropy([...p].reverse()) - h)).toBeLessThan(TOL);
      expect(Math.abs(e.entropy(p.map((v) => v * c)) - h)).toBeLessThan(TOL);
    }));
  });

  it("MI is symmetric, ≥ 0, and the chain rule H(X,Y) = H(X) + H(Y|X) holds", () => {
    fc.assert(fc.property(table, (t) => {
      const mi = e.mutualInformation(t);
      expect(mi).toBeGreaterThanOrEqual(0);
      expect(Math.abs(mi - e.mutualInformation(transpose(t)))).toBeLessThan(TOL);
      const hX = e.entropy(t.map((row) => row.reduce((a, b) => a + b)));
      const hY = e.entropy(transpose(t).map((col) => col.reduce((a, b) => a + b)));
      const hXY = e.jointEntropy(t);
      expect(Math.abs(hXY - (hX + e.conditionalEntropy(t)))).toBeLessThan(TOL);
      expect(Math.abs(mi - (hX + hY - hXY))).toBeLessThan(TOL);
    }));
  });

  it("I(X;X) = H(X): a diagonal joint table", () => {
    fc.assert(fc.property(dist(9), (p) => {
      const t = p.map((v, i) => p.map((_, j) => (i === j ? v : 0)));
      expect(Math.abs(e.mutualInformation(t) - e.entropy(p))).toBeLessThan(TOL);
    }));
  });

  it("an independent table p(x)q(y) has MI 0", () => {
    fc.assert(fc.property(dist(5), dist(7), (p, q) => {
      const t = p.map((a) => q.map((b) => a * b));
      expect(e.mutualInformation(t)).toBeLessThan(TOL);
    }));
  });

  it("a batch gives the same values as its rows one by one", () => {
    fc.assert(fc.property(fc.array(dist(6), { minLength: 1, maxLength: 5 }), (rows) => {
      const h = e.entropy(rows);
      rows.forEach((row, i) => expect(Math.abs(h[i] - e.entropy(row))).toBeLessThan(1e-12));
      const kl = e.klDivergence(rows, rows.map((r) => [...r].reverse()));
      rows.forEach((row, i) => {
        const one = e.klDivergence(row, [...row].reverse());
        expect(kl[i] === one || Math.abs(kl[i] - one) < 1e-12).toBe(true);
      });
    }));
  });
});
