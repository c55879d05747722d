/**
 * Properties of it.bestSplit (fast-check), on every backend, both criteria:
 * - it is the best split: its gain equals the largest gain over every threshold between
 *   consecutive distinct values, computed here by brute force from the definition (1e-12), and no
 *   smaller threshold reaches that gain (beyond 1e-12 relative);
 * - 0 ≤ gain ≤ I(parent) (children impurities are ≥ 0); countLeft + countRight = n and countLeft
 *   = #{x ≤ threshold}; min x ≤ threshold < max x;
 * - invariant to relabelling the classes, to permuting the rows, and to an increasing affine
 *   transform of x (same partition, threshold transformed); a decreasing one keeps the gain.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine.js";
import { BACKENDS, close, engine } from "./backends.js";

type Criterion = "entropy" | "gini";

/** Impurity of class counts (nats or Gini), written from the definition. */
function impurityOf(counts: Map<number, number>, m: number, criterion: Criterion): number {
  let s = 0;
  for (const c of counts.values()) {
    const p = c / m;
    s += criterion === "gini" ? p * p : p > 0 ? -p * Math.log(p) : 0;
  }
  return criterion === "gini" ? 1 - s : s;
}

function countsOf(y: number[], keep: (i: number) => boolean): [Map<number, number>, number] {
  const m = new Map<number, number>();
  let n = 0;
  y.forEach((v, i) => {
    if (!keep(i)) return;
    m.set(v, (m.get(v) ?? 0) + 1);
    n++;
  });
  return [m, n];
}

/** Every candidate threshold (midpoints of consecutive distinct values) with its gain. */
function bruteForce(x: number[], y: number[], criterion: Criterion): { threshold: number; gain: number }[] {
  const u = [...new Set(x.map((v) => v + 0))].sort((a, b) => a - b);
  const [all, n] = countsOf(y, () => true);
  const parent = impurityOf(all, n, criterion);
  const out = [];
  for (let j = 0; j + 1 < u.length; j++) {
    const t = u[j] / 2 + u[j + 1] / 2;
    const [l, nl] = countsOf(y, (i) => x[i] <= u[j]);
    const [r, nr] = countsOf(y, (i) => x[i] > u[j]);
    out.push({ threshold: t === u[j + 1] ? u[j] : t, gain: parent - (nl / n) * impurityOf(l, nl, criterion) - (nr / n) * impurityOf(r, nr, criterion) });
  }
  return out;
}

const sample = fc
  .integer({ min: 2, max: 60 })
  .chain((n) =>
    fc.record({
      x: fc.array(fc.oneof(fc.integer({ min: -12, max: 12 }).map((v) => v / 4), fc.double({ min: -1e3, max: 1e3, noNaN: true })), { minLength: n, maxLength: n }),
      y: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      criterion: fc.constantFrom<Criterion>("entropy", "gini"),
    }),
  )
  .filter(({ x }) => new Set(x.map((v) => v + 0)).size > 1);

describe.each(BACKENDS)("bestSplit properties (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(backend);
  });

  it("is the best split, the smallest threshold of the best gain", () => {
    fc.assert(
      fc.property(sample, ({ x, y, criterion }) => {
        const s = e.bestSplit(x, y, { criterion });
        const all = bruteForce(x, y, criterion);
        const best = Math.max(...all.map((c) => c.gain));
        expect(close(s.gain, Math.max(0, best), 1e-12, 1e-15)).toBe(true);
        const first = all.find((c) => close(c.gain, best, 1e-12, 1e-15))!;
        expect(s.threshold).toBe(first.threshold);
      }),
      { numRuns: 200 },
    );
  });

  it("0 ≤ gain ≤ parent impurity; counts; threshold within [min, max)", () => {
    fc.assert(
      fc.property(sample, ({ x, y, criterion }) => {
        const s = e.bestSplit(x, y, { criterion });
        const [all, n] = countsOf(y, () => true);
        expect(s.gain).toBeGreaterThanOrEqual(0);
        expect(s.gain).toBeLessThanOrEqual(impurityOf(all, n, criterion) * (1 + 1e-12) + 1e-15);
        expect(s.countLeft + s.countRight).toBe(x.length);
        expect(s.countLeft).toBe(x.filter((v) => v <= s.threshold).length);
        expect(s.threshold).toBeGreaterThanOrEqual(Math.min(...x));
        expect(s.threshold).toBeLessThan(Math.max(...x));
      }),
      { numRuns: 200 },
    );
  });

  it("invariant to relabelling classes and permuting rows; affine maps of x", () => {
    fc.assert(
      fc.property(sample, fc.integer({ min: 1, max: 1000 }), ({ x, y, criterion }, seed) => {
        const s = e.bestSplit(x, y, { criterion });
        // classes renamed 0 → "d", 1 → "a", … (another order)
        const names = ["d", "a", "c", "b"];
        const r = e.bestSplit(x, y.map((v) => names[v]), { criterion });
        expect([r.threshold, r.countLeft]).toEqual([s.threshold, s.countLeft]);
        expect(close(r.gain, s.gain, 1e-12, 1e-15)).toBe(true);
        // rows rotated by seed
        const k = seed % x.length;
        const rot = <T>(a: T[]) => [...a.slice(k), ...a.slice(0, k)];
        expect(e.bestSplit(rot(x), rot(y), { criterion })).toEqual(s);
        // x ↦ 4x + 8 (exact on the quarter grid and order-preserving): the same partition and gain
        const q = x.map((v) => Math.round(v * 4) / 4);
        if (new Set(q.map((v) => v + 0)).size < 2) return;
        const a = e.bestSplit(q, y, { criterion });
        const b = e.bestSplit(q.map((v) => 4 * v + 8), y, { criterion });
        expect([b.countLeft, b.threshold]).toEqual([a.countLeft, 4 * a.threshold + 8]);
        expect(close(b.gain, a.gain, 1e-12, 1e-15)).toBe(true);
        // x ↦ −x mirrors the candidate splits: the best gain is the same
        expect(close(e.bestSplit(q.map((v) => -v), y, { criterion }).gain, a.gain, 1e-12, 1e-15)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
