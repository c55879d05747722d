/** The engine's seeded generator (src/random.ts): reproducible streams and the right moments. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Random } from "../src/random.js";

describe("Random", () => {
  it("the same seed gives the same stream; different seeds differ", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), (seed) => {
        const a = new Random(seed);
        const b = new Random(seed);
        const c = new Random(seed + 1);
        const xa = Array.from({ length: 8 }, () => a.nextU32());
        expect(Array.from({ length: 8 }, () => b.nextU32())).toEqual(xa);
        expect(Array.from({ length: 8 }, () => c.nextU32())).not.toEqual(xa);
      }),
    );
  });

  it("uniform() lies in [0, 1) with mean ½ and variance 1/12; normal() has mean 0 and variance 1 (n = 2e5, 5σ bounds)", () => {
    const r = new Random(7);
    const n = 200000;
    let su = 0;
    let su2 = 0;
    let sn = 0;
    let sn2 = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      su += u;
      su2 += u * u;
      const z = r.normal();
      sn += z;
      sn2 += z * z;
    }
    const mu = su / n;
    expect(Math.abs(mu - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(su2 / n - mu * mu - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
    expect(Math.abs(sn / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sn2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it("below(m) is an integer in [0, m) and hits every value", () => {
    const r = new Random(3);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = r.below(7);
      expect(Number.isInteger(v) && v >= 0 && v < 7).toBe(true);
      seen.add(v);
    }
    expect(seen.size).toBe(7);
  });
});
