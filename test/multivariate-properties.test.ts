/**
 * Invariants of the many-variable measures (fast-check; CI runs them with random seeds): the MI
 * matrix is symmetric with the column entropies on its diagonal (labels) and 0 ≤ I ≤ min(H_i, H_j);
 * total correlation ≥ 0 and at most Σ H − max H; the gain ratio lies in [0, 1]; interaction
 * information is symmetric in its arguments and bounded by min(I(X;Y), ...) from above.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine.js";
import { BACKENDS, close, engine } from "./backends.js";

const EPS = 1e-12;

/** d label columns of equal length n (small alphabets, so ties and repeated rows are common). */
const columnsArb = (minD: number, maxD: number) =>
  fc.integer({ min: 1, max: 60 }).chain((n) =>
    fc.array(fc.array(fc.integer({ min: -2, max: 5 }), { minLength: n, maxLength: n }), { minLength: minD, maxLength: maxD }),
  );

describe.each(BACKENDS)("multivariate properties (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("MI matrix (labels): symmetric, diagonal H(X_i), 0 ≤ I_ij ≤ min(H_i, H_j)", () => {
    fc.assert(
      fc.property(columnsArb(2, 6), (cols) => {
        const M = e.mutualInformationMatrix(cols);
        const d = cols.length;
        for (let i = 0; i < d; i++) {
          const hi = e.entropyLabels(cols[i]);
          expect(close(M.data[i * d + i], hi, 1e-12, 1e-15)).toBe(true);
          for (let j = 0; j < d; j++) {
            const v = M.data[i * d + j];
            expect(v).toBe(M.data[j * d + i]);
            expect(v).toBeGreaterThanOrEqual(0);
            expect(v).toBeLessThanOrEqual(Math.min(hi, e.entropyLabels(cols[j])) + EPS);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("MI matrix (histogram and knn): symmetric; histogram entries in [0, min(H_i, H_j)], knn diagonal ∞", () => {
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 80 }), fc.integer({ min: 2, max: 4 }), fc.integer({ min: 1, max: 1e6 }), (n, d, seed) => {
        let s = seed;
        const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
        const X = { data: Float64Array.from({ length: n * d }, () => next()), rows: n, cols: d };
        const H = e.mutualInformationMatrix(X, { method: "histogram", bins: 5 });
        const K = e.mutualInformationMatrix(X, { method: "knn", k: 2 });
        for (let i = 0; i < d; i++)
          for (let j = 0; j < d; j++) {
            expect(H.data[i * d + j]).toBe(H.data[j * d + i]);
            expect(K.data[i * d + j]).toBe(K.data[j * d + i]);
            expect(H.data[i * d + j]).toBeGreaterThanOrEqual(0);
            expect(H.data[i * d + j]).toBeLessThanOrEqual(Math.min(H.data[i * d + i], H.data[j * d + j]) + EPS);
          }
        for (let i = 0; i < d; i++) expect(K.data[i * d + i]).toBe(Infinity);
      }),
      { numRuns: 40 },
    );
  });

  it("total correlation: 0 ≤ TC ≤ Σ H(X_i) − max H(X_i); reordering the columns changes nothing", () => {
    fc.assert(
      fc.property(columnsArb(1, 6), (cols) => {
        const tc = e.totalCorrelation(cols);
        const hs = cols.map((c) => e.entropyLabels(c));
        expect(tc).toBeGreaterThanOrEqual(0);
        expect(tc).toBeLessThanOrEqual(hs.reduce((a, b) => a + b, 0) - Math.max(...hs) + EPS);
        expect(close(e.totalCorrelation(cols.slice().reverse()), tc, 1e-12, 1e-14)).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it("gain ratio in [0, 1]; information gain = I(X;Y) in [0, min(H(Y), H(X))]", () => {
    fc.assert(
      fc.property(columnsArb(2, 2), ([y, x]) => {
        const gr = e.gainRatio(y, x);
        expect(gr).toBeGreaterThanOrEqual(0);
        expect(gr).toBeLessThanOrEqual(1);
        const ig = e.informationGain(y, x);
        expect(ig).toBeGreaterThanOrEqual(0);
        expect(ig).toBeLessThanOrEqual(Math.min(e.entropyLabels(y), e.entropyLabels(x)) + EPS);
      }),
      { numRuns: 100 },
    );
  });

  it("interaction information: symmetric in X, Y, Z; II ≤ min(I(X;Y), I(X;Z), I(Y;Z))", () => {
    fc.assert(
      fc.property(columnsArb(3, 3), ([x, y, z]) => {
        const ii = e.interactionInformation(x, y, z);
        for (const [a, b, c] of [[y, z, x], [z, x, y], [x, z, y], [y, x, z]]) expect(close(e.interactionInformation(a, b, c), ii, 1e-9, 1e-13)).toBe(true);
        const bound = Math.min(e.mutualInformationLabels(x, y), e.mutualInformationLabels(x, z), e.mutualInformationLabels(y, z));
        expect(ii).toBeLessThanOrEqual(bound + 1e-12);
      }),
      { numRuns: 80 },
    );
  });
});
