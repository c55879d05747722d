/**
 * Invariants of Blahut–Arimoto and the information bottleneck on random inputs (fast-check, every
 * backend): 0 ≤ C ≤ min(log|X|, log|Y|); C lies in [capacity, capacity + gap] where the mutual
 * information of the returned input distribution (computed here from its definition) is within the
 * gap of the capacity; permuting the inputs or outputs leaves C unchanged; a rate–distortion point
 * satisfies R ≤ H(X) and 0 ≤ R; the IB's I(T;Y) ≤ I(X;T) ≤ H(X) and I(T;Y) ≤ I(X;Y).
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Engine } from "../src/engine.js";
import { BACKENDS, engine } from "./backends.js";

const stochastic = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([rows, cols]) =>
  fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: rows * cols, maxLength: rows * cols }).map((cells) => {
    const data = Float64Array.from(cells);
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += data[r * cols + c];
      if (s === 0) (data[r * cols] = 1), (s = 1);
      for (let c = 0; c < cols; c++) data[r * cols + c] /= s;
    }
    return { data, rows, cols };
  }),
);

/** I(X;Y) in nats for input p through channel W, by its definition. */
function mi(p: Float64Array, W: { data: Float64Array; rows: number; cols: number }): number {
  const q = new Float64Array(W.cols);
  for (let x = 0; x < W.rows; x++) for (let y = 0; y < W.cols; y++) q[y] += p[x] * W.data[x * W.cols + y];
  let s = 0;
  for (let x = 0; x < W.rows; x++)
    for (let y = 0; y < W.cols; y++) {
      const w = W.data[x * W.cols + y];
      if (w > 0 && p[x] > 0 && q[y] > 0) s += p[x] * w * Math.log(w / q[y]); // q underflows only for a subnormal w: a term of ~0
    }
  return s;
}

describe.each(BACKENDS)("channel properties (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("capacity bounds, the input distribution's I, permutation invariance", () => {
    fc.assert(
      fc.property(stochastic, (W) => {
        const r = e.channelCapacity(W, { tol: 1e-10, maxIterations: 200000 });
        expect(r.capacity).toBeGreaterThanOrEqual(0);
        expect(r.capacity).toBeLessThanOrEqual(Math.min(Math.log(W.rows), Math.log(W.cols)) + 1e-12);
        const I = mi(r.inputDistribution, W);
        expect(I).toBeLessThanOrEqual(r.capacity + r.gap + 1e-12);
        expect(I).toBeGreaterThanOrEqual(r.capacity - r.gap - 1e-12);
        // reverse the rows and the columns
        const R = new Float64Array(W.data.length);
        for (let x = 0; x < W.rows; x++) for (let y = 0; y < W.cols; y++) R[(W.rows - 1 - x) * W.cols + (W.cols - 1 - y)] = W.data[x * W.cols + y];
        const r2 = e.channelCapacity({ data: R, rows: W.rows, cols: W.cols }, { tol: 1e-10, maxIterations: 200000 });
        expect(Math.abs(r2.capacity - r.capacity)).toBeLessThanOrEqual(2e-10 + r.gap + r2.gap);
      }),
      { numRuns: 50 },
    );
  });

  it("rate–distortion and IB bounds", () => {
    fc.assert(
      fc.property(stochastic, fc.double({ min: 0.1, max: 30, noNaN: true }), (T, beta) => {
        const p = new Float64Array(T.rows).fill(1 / T.rows);
        const H = Math.log(T.rows);
        const d = { data: T.data.map((v) => 1 - v), rows: T.rows, cols: T.cols };
        const rd = e.rateDistortion(p, d, { beta, maxIterations: 20000 });
        expect(rd.rate).toBeGreaterThanOrEqual(0);
        expect(rd.rate).toBeLessThanOrEqual(H + 1e-9);
        const joint = { data: T.data.map((v) => v / T.rows), rows: T.rows, cols: T.cols };
        const ib = e.informationBottleneck(joint, { beta, clusters: 3, restarts: 2, maxIterations: 3000 });
        const ixy = mi(p, T);
        expect(ib.ity).toBeLessThanOrEqual(ib.ixt + 1e-9);
        expect(ib.ixt).toBeLessThanOrEqual(H + 1e-9);
        expect(ib.ity).toBeLessThanOrEqual(ixy + 1e-9);
      }),
      { numRuns: 30 },
    );
  });
});
