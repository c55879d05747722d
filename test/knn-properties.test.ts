/**
 * Properties of the kNN family (fast-check), on every backend:
 * - row permutation leaves every estimator unchanged (1e-12 relative; only the order of the sums
 *   of ψ and log changes) — on continuous data, and for the ones whose counts depend only on the
 *   multiset of distances (KSG 1, Frenzel–Pompe) on tied integer data too (KSG 2 breaks joint-distance
 *   ties by row order, the feature scores' standard deviation is a pairwise sum in row order, so
 *   those are checked on continuous data only);
 * - KSG algorithm 1 is symmetric, I(X;Y) = I(Y;X) (1e-12), ties included;
 * - Frenzel–Pompe with a constant z is KSG algorithm 1 (n_z = n − 1, n_xz = n_x, n_yz = n_y);
 * - mutualInfoRegression / mutualInfoClassif are ≥ 0, noise on or off; noise with one seed gives the
 *   same bits twice, two seeds give different results on tied data;
 * - entropyKnn(c·x) = entropyKnn(x) + d·log|c| (1e-9), both metrics; WKV is unchanged when x and y
 *   are scaled together; the feature scores are unchanged when a column is scaled (1e-9).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, close, engine, rng } from "./backends.js";
import type { Engine } from "../src/engine.js";

interface M {
  data: Float64Array;
  rows: number;
  cols: number;
}

function gaussian(seed: number): () => number {
  const u = rng(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** n×d correlated Gaussian rows (column c leans on column 0 with weight w). */
function gaussRows(n: number, d: number, seed: number, w = 0.6): M {
  const g = gaussian(seed);
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) data[i * d + c] = g() + (c > 0 ? w * data[i * d] : 0);
  return { data, rows: n, cols: d };
}

/** n×d small integers 0 … m − 1 (ties and repeated rows). */
function intRows(n: number, d: number, seed: number, m: number): M {
  const u = rng(seed);
  return { data: Float64Array.from({ length: n * d }, () => Math.floor(u() * m)), rows: n, cols: d };
}

function permutation(n: number, seed: number): Int32Array {
  const u = rng(seed);
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

function permute(a: M, p: Int32Array): M {
  const out = new Float64Array(a.data.length);
  for (let i = 0; i < a.rows; i++) for (let c = 0; c < a.cols; c++) out[i * a.cols + c] = a.data[p[i] * a.cols + c];
  return { data: out, rows: a.rows, cols: a.cols };
}

const column = (a: M, c: number) => Float64Array.from({ length: a.rows }, (_, i) => a.data[i * a.cols + c]);
const same = (a: number, b: number) => close(a, b, 1e-12, 1e-12);
function sameAll(a: Float64Array, b: Float64Array, rel = 1e-12, abs = 1e-12): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(close(a[i], b[i], rel, abs), `[${i}] ${a[i]} vs ${b[i]}`).toBe(true);
}

const shape = fc.record({
  n: fc.integer({ min: 8, max: 160 }),
  dx: fc.integer({ min: 1, max: 3 }),
  dy: fc.integer({ min: 1, max: 3 }),
  dz: fc.integer({ min: 1, max: 2 }),
  k: fc.integer({ min: 1, max: 6 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  perm: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
});

describe.each(BACKENDS)("kNN properties (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("row permutation: KSG 1 and 2, Frenzel–Pompe, entropy (both metrics), WKV on continuous data", () => {
    fc.assert(
      fc.property(shape, ({ n, dx, dy, dz, k, seed, perm }) => {
        fc.pre(k <= n - 1);
        const x = gaussRows(n, dx, seed);
        const y = gaussRows(n, dy, seed + 1);
        const z = gaussRows(n, dz, seed + 2);
        for (let i = 0; i < n; i++) y.data[i * dy] += 0.8 * x.data[i * dx];
        const p = permutation(n, perm);
        const [px, py, pz] = [permute(x, p), permute(y, p), permute(z, p)];
        for (const algorithm of [1, 2] as const)
          expect(same(e.mutualInformationKnn(x, y, { k, algorithm }), e.mutualInformationKnn(px, py, { k, algorithm }))).toBe(true);
        expect(same(e.conditionalMutualInformationKnn(x, y, z, { k }), e.conditionalMutualInformationKnn(px, py, pz, { k }))).toBe(true);
        for (const metric of ["euclidean", "max"] as const) expect(same(e.entropyKnn(x, { k, metric }), e.entropyKnn(px, { k, metric }))).toBe(true);
        const q = gaussRows(n + 3, dx, seed + 3);
        const pq = permute(q, permutation(n + 3, perm + 1));
        expect(same(e.klDivergenceKnn(x, q, { k }), e.klDivergenceKnn(px, pq, { k }))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("row permutation: KSG 1 and Frenzel–Pompe on tied integer data (ε_i = 0 rows included)", () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: 2, max: 6 }), ({ n, dx, dy, dz, k, seed, perm }, m) => {
        fc.pre(k <= n - 1);
        const x = intRows(n, dx, seed, m);
        const y = intRows(n, dy, seed + 1, m);
        const z = intRows(n, dz, seed + 2, m);
        const p = permutation(n, perm);
        expect(same(e.mutualInformationKnn(x, y, { k }), e.mutualInformationKnn(permute(x, p), permute(y, p), { k }))).toBe(true);
        expect(same(e.conditionalMutualInformationKnn(x, y, z, { k }), e.conditionalMutualInformationKnn(permute(x, p), permute(y, p), permute(z, p), { k }))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("row permutation: mutualInfoRegression / mutualInfoClassif (noise off) on continuous columns", () => {
    fc.assert(
      fc.property(shape, ({ n, dx, k, seed, perm }) => {
        fc.pre(k <= n - 1);
        const X = gaussRows(n, dx + 1, seed);
        const y = Float64Array.from({ length: n }, (_, i) => Math.sin(X.data[i * (dx + 1)]) + 0.2 * X.data[i * (dx + 1) + dx]);
        const labels = Array.from(y, (v) => (v > 0.3 ? 1 : v < -0.3 ? 2 : 0));
        const p = permutation(n, perm);
        const pX = permute(X, p);
        const py = Float64Array.from(p, (i) => y[i]);
        const pl = Array.from(p, (i) => labels[i]);
        sameAll(e.mutualInfoRegression(X, y, { k, noise: false }), e.mutualInfoRegression(pX, py, { k, noise: false }));
        sameAll(e.mutualInfoClassif(X, labels, { k, noise: false }), e.mutualInfoClassif(pX, pl, { k, noise: false }));
      }),
      { numRuns: 40 },
    );
  });

  it("KSG algorithm 1 is symmetric: I(X;Y) = I(Y;X), ties included", () => {
    fc.assert(
      fc.property(shape, fc.boolean(), ({ n, dx, dy, k, seed }, tied) => {
        fc.pre(k <= n - 1);
        const x = tied ? intRows(n, dx, seed, 4) : gaussRows(n, dx, seed);
        const y = tied ? intRows(n, dy, seed + 1, 3) : gaussRows(n, dy, seed + 1);
        expect(same(e.mutualInformationKnn(x, y, { k }), e.mutualInformationKnn(y, x, { k }))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("Frenzel–Pompe with a constant z equals KSG algorithm 1", () => {
    fc.assert(
      fc.property(shape, fc.double({ min: -10, max: 10, noNaN: true }), ({ n, dx, dy, dz, k, seed }, c) => {
        fc.pre(k <= n - 1);
        const x = gaussRows(n, dx, seed);
        const y = gaussRows(n, dy, seed + 1);
        const z = { data: new Float64Array(n * dz).fill(c), rows: n, cols: dz };
        expect(same(e.conditionalMutualInformationKnn(x, y, z, { k }), e.mutualInformationKnn(x, y, { k }))).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("mutualInfoRegression and mutualInfoClassif are ≥ 0 (noise on and off, ties, discrete columns)", () => {
    fc.assert(
      fc.property(shape, fc.boolean(), fc.boolean(), ({ n, dx, k, seed }, tied, noise) => {
        fc.pre(k <= n - 1);
        const X = tied ? intRows(n, dx + 1, seed, 3) : gaussRows(n, dx + 1, seed);
        const y = Float64Array.from({ length: n }, (_, i) => X.data[i * (dx + 1)] + (tied ? Math.floor(rng(seed + i)() * 2) : 0.5 * Math.cos(i)));
        const labels = Array.from({ length: n }, (_, i) => (X.data[i * (dx + 1) + dx] > 0.5 ? 1 : 0));
        const opts = { k, noise, seed };
        for (const v of e.mutualInfoRegression(X, y, opts)) expect(v).toBeGreaterThanOrEqual(0);
        for (const v of e.mutualInfoClassif(X, labels, opts)) expect(v).toBeGreaterThanOrEqual(0);
        if (tied) {
          for (const v of e.mutualInfoRegression(X, y, { ...opts, discreteFeatures: true })) expect(v).toBeGreaterThanOrEqual(0);
          for (const v of e.mutualInfoClassif(X, labels, { ...opts, discreteFeatures: [0] })) expect(v).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("noise: one seed gives the same bits twice; other seeds give other bits on tied data", () => {
    fc.assert(
      fc.property(fc.integer({ min: 60, max: 150 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1e6 }), (n, d, k, seed) => {
        const X = intRows(n, d, seed, 4);
        // column 0 strongly dependent on y and on the labels, so its MI is well above the clip at 0
        const y = Float64Array.from({ length: n }, (_, i) => X.data[i * d] + Math.floor(rng(seed + 7 * i)() * 2));
        // (a label that is a function of column 0 would make Ross's counts noise-free: m_i = k + 1 in every tie cluster)
        const flip = rng(seed + 1);
        const labels = Array.from({ length: n }, (_, i) => (X.data[i * d] >= 2) !== flip() < 0.1 ? 1 : 0);
        const a = e.mutualInfoRegression(X, y, { k, seed: 1 });
        expect(Array.from(e.mutualInfoRegression(X, y, { k, seed: 1 }))).toEqual(Array.from(a));
        expect(a[0]).toBeGreaterThan(0);
        // the noise acts: some other seed gives other bits (one other seed may break the ties into the same counts)
        expect([2, 5, 6, 7, 8].some((s) => e.mutualInfoRegression(X, y, { k, seed: s })[0] !== a[0])).toBe(true);
        const c = e.mutualInfoClassif(X, labels, { k, seed: 3 });
        expect(Array.from(e.mutualInfoClassif(X, labels, { k, seed: 3 }))).toEqual(Array.from(c));
        expect(c[0]).toBeGreaterThan(0);
        expect([4, 5, 6, 7, 8].some((s) => e.mutualInfoClassif(X, labels, { k, seed: s })[0] !== c[0])).toBe(true);
        // the default seed is one fixed seed too
        expect(Array.from(e.mutualInfoRegression(X, y, { k }))).toEqual(Array.from(e.mutualInfoRegression(X, y, { k })));
      }),
      { numRuns: 30 },
    );
  });

  it("entropyKnn(c·x) = entropyKnn(x) + d·log|c| (both metrics)", () => {
    fc.assert(
      fc.property(shape, fc.constantFrom(-3, 0.5, 2, 10, 1e-3, -7.3, 1e4), ({ n, dx, k, seed }, c) => {
        fc.pre(k <= n - 1);
        const x = gaussRows(n, dx, seed);
        const cx = { ...x, data: x.data.map((v) => c * v) };
        for (const metric of ["euclidean", "max"] as const) {
          const h = e.entropyKnn(x, { k, metric });
          expect(Math.abs(e.entropyKnn(cx, { k, metric }) - (h + dx * Math.log(Math.abs(c))))).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("klDivergenceKnn is unchanged when x and y are scaled by one c; the feature scores when a column is scaled", () => {
    fc.assert(
      fc.property(shape, fc.constantFrom(-3, 0.5, 2, 10, 1e-3, 1e4), ({ n, dx, k, seed }, c) => {
        fc.pre(k <= n - 1);
        const x = gaussRows(n, dx, seed);
        const q = gaussRows(n + 5, dx, seed + 1, 0.2);
        const d = e.klDivergenceKnn(x, q, { k });
        const scaled = e.klDivergenceKnn({ ...x, data: x.data.map((v) => c * v) }, { ...q, data: q.data.map((v) => c * v) }, { k });
        expect(Math.abs(scaled - d)).toBeLessThan(1e-9);
        const y = column(x, 0).map((v, i) => v * v + 0.3 * q.data[i * dx]);
        const cX = { ...x, data: x.data.map((v, t) => (t % dx === 0 ? c * v : v)) };
        sameAll(e.mutualInfoRegression(cX, y, { k, noise: false }), e.mutualInfoRegression(x, y, { k, noise: false }), 1e-9, 1e-9);
        const labels = Array.from(y, (v) => (v > 1 ? 1 : 0));
        sameAll(e.mutualInfoClassif(cX, labels, { k, noise: false }), e.mutualInfoClassif(x, labels, { k, noise: false }), 1e-9, 1e-9);
      }),
      { numRuns: 40 },
    );
  });
});
