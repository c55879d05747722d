/**
 * Invariants of the divergence family (fast-check, random seeds in CI), on every backend:
 * well-known inequalities with a little slack for rounding.
 *   Rényi entropy: non-increasing in α, −ln max p ≤ H_α ≤ ln |supp p| (Rényi 1961).
 *   Rényi divergence: non-decreasing in α (van Erven & Harremoës 2014, Thm 3), so
 *     D_0.5 = −2 ln BC ≤ KL ≤ D_2 = ln(1 + χ²), i.e. χ² ≥ e^KL − 1.
 *   Hellinger / TV: 0 ≤ H ≤ 1, H² ≤ TV ≤ √2·H (Le Cam); symmetric; Pinsker TV ≤ √(KL/2).
 *   Tsallis q = 2 = Gini impurity; Bhattacharyya coefficient e^−B = 1 − H².
 *   Wasserstein / energy: symmetric, ≥ 0, and a shift by c moves W₁ by |c| exactly.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { BACKENDS, engine } from "./backends.js";
import type { Engine } from "../src/engine.js";

const weight = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e3, noNaN: true }));
const dist = (n: number) => fc.array(weight, { minLength: n, maxLength: n }).filter((a) => a.some((v) => v > 0));
const vector = fc.integer({ min: 1, max: 40 }).chain(dist);
const pair = fc.integer({ min: 1, max: 40 }).chain((n) => fc.tuple(dist(n), dist(n)));
const alpha = fc.oneof(fc.constantFrom(0, 0.5, 1, 2, Infinity), fc.double({ min: 0, max: 20, noNaN: true }));
const sample = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 30 });
const SLACK = 1e-9;

const le = (a: number, b: number, slack = SLACK) => expect(a).toBeLessThanOrEqual(b + slack * Math.max(1, Math.abs(b)));

describe.each(BACKENDS)("divergence properties (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(backend);
  });

  it("Rényi entropy is non-increasing in α and lies between −ln max p and ln |supp p|", () => {
    fc.assert(
      fc.property(vector, alpha, alpha, (p, a1, a2) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const h1 = e.renyiEntropy(p, lo) as number, h2 = e.renyiEntropy(p, hi) as number;
        le(h2, h1);
        const s = p.reduce((x, y) => x + y);
        const support = p.filter((x) => x > 0).length;
        le(-Math.log(Math.max(...p) / s), h2);
        le(h1, Math.log(support));
      }),
    );
  });

  it("Rényi divergence is non-decreasing in α; D_½ ≤ KL ≤ D_2 = ln(1 + χ²)", () => {
    fc.assert(
      fc.property(pair, alpha, alpha, ([p, q], a1, a2) => {
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const d1 = e.renyiDivergence(p, q, lo) as number, d2 = e.renyiDivergence(p, q, hi) as number;
        expect(d1).toBeGreaterThanOrEqual(0);
        if (d1 !== Infinity) le(d1, d2);
        const kl = e.klDivergence(p, q) as number;
        const chi = e.chiSquareDivergence(p, q) as number;
        le(e.renyiDivergence(p, q, 0.5) as number, kl);
        if (kl !== Infinity) le(Math.expm1(kl), chi);
      }),
    );
  });

  it("0 ≤ H ≤ 1, H² ≤ TV ≤ √2·H, TV ≤ √(KL/2), symmetric; e^−Bhattacharyya = 1 − H²", () => {
    fc.assert(
      fc.property(pair, ([p, q]) => {
        const h = e.hellingerDistance(p, q) as number;
        const tv = e.totalVariation(p, q) as number;
        expect(h).toBeGreaterThanOrEqual(0);
        le(h, 1);
        le(h * h, tv);
        le(tv, Math.SQRT2 * h);
        le(tv, Math.sqrt((e.klDivergence(p, q) as number) / 2));
        expect(e.hellingerDistance(q, p)).toBeCloseTo(h, 14);
        expect(e.totalVariation(q, p)).toBeCloseTo(tv, 14);
        const b = e.bhattacharyyaDistance(p, q) as number;
        const b2 = e.bhattacharyyaDistance(q, p) as number;
        if (b === Infinity) expect(b2).toBe(Infinity);
        else {
          expect(Math.abs(b - b2)).toBeLessThanOrEqual(1e-12 * Math.max(1, b));
          // BC = e^−b = 1 − H² (compared as BC: absolute errors of a number in [0, 1])
          expect(Math.abs(Math.exp(-b) - (1 - h * h))).toBeLessThanOrEqual(1e-14);
        }
      }),
    );
  });

  it("Tsallis q = 2 is the Gini impurity, in [0, 1 − 1/|supp p|]; Tsallis ≥ 0", () => {
    fc.assert(
      fc.property(vector, fc.double({ min: 0, max: 10, noNaN: true }), (p, q) => {
        const g = e.giniImpurity(p) as number;
        expect(Math.abs((e.tsallisEntropy(p, 2) as number) - g)).toBeLessThanOrEqual(1e-15);
        expect(g).toBeGreaterThanOrEqual(0);
        le(g, 1 - 1 / p.filter((x) => x > 0).length);
        expect(e.tsallisEntropy(p, q)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it("Wasserstein and energy distances: symmetric, ≥ 0, W₁(u + c, u) = |c|", () => {
    fc.assert(
      fc.property(sample, sample, fc.integer({ min: -64, max: 64 }), (u, v, c) => {
        const w = e.wassersteinDistance(u, v);
        expect(w).toBeGreaterThanOrEqual(0);
        expect(Math.abs(w - e.wassersteinDistance(v, u))).toBeLessThanOrEqual(1e-12 * Math.max(1, w));
        const en = e.energyDistance(u, v);
        expect(en).toBeGreaterThanOrEqual(0);
        expect(Math.abs(en - e.energyDistance(v, u))).toBeLessThanOrEqual(1e-12 * Math.max(1, en));
        // a shift by a power of two keeps every sample exact, so W₁ = |c|/8 up to the sum's rounding
        const shifted = u.map((x) => x + c / 8);
        expect(Math.abs(e.wassersteinDistance(shifted, u) - Math.abs(c) / 8)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c)));
      }),
    );
  });
});
