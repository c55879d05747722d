/**
 * Properties of the complexity measures (fast-check), on every backend:
 * - 0 ≤ permutationEntropy ≤ ln(order!) (normalized: [0, 1]), and it is invariant under any strictly
 *   increasing map of the values (it sees only their order; ties stay ties);
 * - sample and approximate entropy are invariant under x → a·x + b with r scaled by |a|, and with
 *   the default r (0.2 · sd scales by |a| too): the Chebyshev distances scale by |a|.
 * Series come from a seeded generator with continuous values, so no distance lies within rounding
 * of r (the affine map moves distances by a few ulps).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine.js";
import { BACKENDS, close, engine, rng } from "./backends.js";

function lnFactorial(d: number): number {
  let s = 0;
  for (let k = 2; k <= d; k++) s += Math.log(k);
  return s;
}

/** A random walk with a mean-reverting pull (continuous values), or integers with many ties. */
function seriesOf(seed: number, n: number, ties: boolean): Float64Array {
  const g = rng(seed);
  const x = new Float64Array(n);
  let v = 0;
  for (let i = 0; i < n; i++) {
    v = 0.5 * v + g() - 0.5;
    x[i] = ties ? Math.floor(g() * 4) : v;
  }
  return x;
}

/** The value, or "B = 0" when sample entropy is undefined (then it must be for the mapped series too). */
function attempt(f: () => number): number | string {
  try {
    return f();
  } catch (err) {
    if (err instanceof RangeError && err.message.includes("B = 0")) return "B = 0";
    throw err;
  }
}

const same = (p: number | string, q: number | string) => p === q || (typeof p === "number" && typeof q === "number" && close(p, q, 1e-12));

describe.each(BACKENDS)("complexity properties (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(backend);
  });

  it("permutation entropy lies in [0, ln order!] and is invariant under strictly increasing maps", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 30 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), fc.integer({ min: 0, max: 2 }), (seed, order, delay, ties, map) => {
        const n = (order - 1) * delay + 1 + (seed % 300);
        const x = seriesOf(seed, n, ties);
        const h = e.permutationEntropy(x, { order, delay });
        expect(h).toBeGreaterThanOrEqual(0);
        expect(h).toBeLessThanOrEqual(lnFactorial(order) * (1 + 1e-15));
        const hn = e.permutationEntropy(x, { order, delay, normalize: true });
        expect(hn).toBeGreaterThanOrEqual(0);
        expect(hn).toBeLessThanOrEqual(1 + 1e-15);
        // strictly increasing maps keep every comparison (and tie) of the values
        const f = [(v: number) => Math.exp(v), (v: number) => 3 * v * v * v + v - 7, (v: number) => Math.atan(v) * 1e6][map];
        const y = Float64Array.from(x, f);
        expect(e.permutationEntropy(y, { order, delay })).toBe(h);
      }),
      { numRuns: 60 },
    );
  });

  it("sample and approximate entropy are invariant under x → a·x + b, r → |a|·r (and the default r)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1 << 30 }),
        fc.integer({ min: 1, max: 3 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        fc.constantFrom(-3, -0.5, 0.25, 2, 1000),
        fc.double({ min: -100, max: 100, noNaN: true }),
        (seed, m, r, a, b) => {
          const x = seriesOf(seed, 200 + (seed % 200), false);
          const y = Float64Array.from(x, (v) => a * v + b);
          const sx = attempt(() => e.sampleEntropy(x, { m, r }));
          const sy = attempt(() => e.sampleEntropy(y, { m, r: Math.abs(a) * r }));
          expect(same(sy, sx), `${sy} vs ${sx}`).toBe(true);
          expect(close(e.approximateEntropy(y, { m, r: Math.abs(a) * r }), e.approximateEntropy(x, { m, r }), 1e-12, 1e-15)).toBe(true);
          const dx = attempt(() => e.sampleEntropy(x, { m }));
          const dy = attempt(() => e.sampleEntropy(y, { m }));
          expect(same(dy, dx), `${dy} vs ${dx}`).toBe(true);
          expect(close(e.approximateEntropy(y, { m }), e.approximateEntropy(x, { m }), 1e-12, 1e-15)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
