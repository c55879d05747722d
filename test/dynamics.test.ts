/**
 * Transfer entropy, active information storage and entropy rate (src/dynamics.ts) on every backend,
 * against an independent NumPy implementation (test/reference/dynamics.py: np.unique counts of the
 * embedded tuples) and closed forms.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine.js";
import { init } from "../src/index.js";
import { BACKENDS, engine, rng } from "./backends.js";
import * as R from "./reference/dynamics.js";
import { transferEntropySurrogates } from "../src/dynamics.js";
import { backendOf } from "../src/facade.js";
import { Random } from "../src/random.js";
import { binOf, uniformBinner } from "../src/histogram-bins.js";

const close = (got: number, want: number, rel = 1e-12) => expect(Math.abs(got - want)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(want)));

/** iid uniform symbols 0 … m − 1. */
function iid(n: number, m: number, seed: number): Int32Array {
  const u = rng(seed);
  return Int32Array.from({ length: n }, () => Math.floor(u() * m));
}

/** Plug-in TE of (source, target), k = l = lag = 1, by a brute-force recount (a Map of the tuples). */
function bruteTE(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const c3 = new Map<string, number>(), cPT = new Map<string, number>(), cPX = new Map<string, number>(), cP = new Map<string, number>();
  const add = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  const N = y.length - 1;
  for (let t = 1; t < y.length; t++) {
    add(c3, `${y[t]},${y[t - 1]},${x[t - 1]}`);
    add(cPT, `${y[t]},${y[t - 1]}`);
    add(cPX, `${y[t - 1]},${x[t - 1]}`);
    add(cP, `${y[t - 1]}`);
  }
  const S = (m: Map<string, number>) => [...m.values()].reduce((s, c) => s + c * Math.log(c), 0);
  return (S(c3) + S(cP) - S(cPT) - S(cPX)) / N;
}

describe.each(BACKENDS)("transfer entropy vs NumPy (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });
  const data: Record<string, [number[], number[]]> = { binary: [R.xb, R.yb], ternary: [R.x3, R.y3] };

  it("discrete TE for (k, l, lag) combinations, both directions", () => {
    for (const c of R.TE_CASES) {
      const [x, y] = data[c.data];
      const o = { k: c.k, l: c.l, lag: c.lag };
      close(e.transferEntropy(x, y, o), c.te);
      close(e.transferEntropy(y, x, o), c.back);
      close(e.transferEntropy(Int32Array.from(x), Float64Array.from(y), o), c.te); // typed arrays of integral values
    }
  });

  it("string labels, base 2", () => {
    const L = ["a", "b", "c"];
    close(e.transferEntropy(R.x3.map((v) => L[v]), R.y3.map((v) => L[v]), { k: 2, lag: 2 }), R.SINGLE.teStringK2);
    close(e.transferEntropy(R.xb, R.yb, { base: "bits" }), R.SINGLE.teBitsBinary);
    close(e.transferEntropy(R.xb, R.yb, { base: 2 }), R.SINGLE.teBitsBinary);
  });

  it("active information storage and entropy rate", () => {
    [1, 2, 3].forEach((k, i) => {
      close(e.activeInformationStorage(R.y3, { k }), R.SINGLE.ais[i]);
      close(e.entropyRate(R.y3, { k }), R.SINGLE.er[i]);
    });
    [1, 2].forEach((k, i) => {
      close(e.activeInformationStorage(R.yb, { k }), R.SINGLE.aisBinary[i]);
      close(e.entropyRate(R.yb, { k }), R.SINGLE.erBinary[i]);
    });
  });

  it("large alphabets (no dense history table): the joint-label path", () => {
    close(e.transferEntropy(R.x50, R.y50, { k: 2 }), R.LARGE.te50k2, 1e-11);
    close(e.activeInformationStorage(R.y50, { k: 2 }), R.LARGE.ais50k2, 1e-11);
    close(e.entropyRate(R.y50, { k: 2 }), R.LARGE.er50k2, 1e-11);
    close(e.transferEntropy(R.x50, R.y50), R.LARGE.te50k1, 1e-11);
    close(e.transferEntropy(R.x8, R.y8, { k: 4 }), R.LARGE.te8k4, 1e-11);
    close(e.transferEntropy(R.x8, R.y8, { k: 4, l: 2 }), R.LARGE.te8k4l2, 1e-11);
    close(e.activeInformationStorage(R.y8, { k: 4 }), R.LARGE.ais8k4, 1e-11);
    close(e.entropyRate(R.y8, { k: 4 }), R.LARGE.er8k4, 1e-11);
    // 300 letters: codes wider than a byte, in a dense table (AIS, entropy rate) and beyond it (TE)
    close(e.activeInformationStorage(R.y300), R.LARGE.ais300, 1e-11);
    close(e.entropyRate(R.y300), R.LARGE.er300, 1e-11);
    close(e.transferEntropy(R.x300, R.y300), R.LARGE.te300, 1e-11);
  });

  it('method "bins": numpy.histogram_bin_edges bins per series', () => {
    for (const c of R.BIN_CASES) {
      const o = { method: "bins" as const, bins: c.bins, k: c.k, l: c.l, lag: c.lag };
      close(e.transferEntropy(Float64Array.from(R.xr), Float64Array.from(R.yr), o), c.te);
      close(e.transferEntropy(Float32Array.from(R.xr), Float32Array.from(R.yr), o), e.transferEntropy(Float64Array.from(Float32Array.from(R.xr)), Float64Array.from(Float32Array.from(R.yr)), o), 0);
      close(e.activeInformationStorage(R.yr, { method: "bins", bins: c.bins, k: c.k }), c.ais);
    }
    // default 8 bins
    close(e.transferEntropy(R.xr, R.yr, { method: "bins" }), R.BIN_CASES[0].te);
  });
});

describe.each(BACKENDS)("binCodes: numpy.histogram's bin rule (%s)", (name) => {
  it("edges fall in the bin they open, the last edge in the last bin; outside and NaN → −1; bad counts non-finite", async () => {
    const e = await engine(name);
    const b = e[backendOf]();
    // np.histogram_bin_edges(x, 10) for x in [0.1, 0.7]: linspace(0.1, 0.7, 11) — the edges whose float products drift
    const spec = uniformBinner(0.1, 0.7, 10)!;
    const x = Float64Array.from([...spec.edges, 0.05, 0.75, NaN, Infinity, 0.1 + 0.06 * 3 - 1e-17]);
    const want = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, -1, -1, -1, -1];
    // np.searchsorted(edges, v, side="right") - 1 for the last value (0.28 below or at edge 3 as computed)
    want.push(spec.edges[3] <= x[15] ? 3 : 2);
    const r = b.binCodes(x, spec);
    expect(Array.from(r.codes)).toEqual(want);
    expect(r.bad).toBeGreaterThan(0);
    const many = Float64Array.from({ length: 100_003 }, (_, i) => 0.1 + (0.6 * ((i * 7919) % 100_003)) / 100_002);
    const codes = b.binCodes(many, spec).codes;
    for (let i = 0; i < many.length; i++) expect(codes[i]).toBe(binOf(spec, many[i]));
    expect(b.binCodes(Float32Array.from(many), spec).codes).toEqual(b.binCodes(Float64Array.from(Float32Array.from(many)), spec).codes);
  });
});

describe.each(BACKENDS)("transfer entropy closed cases (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("Y_t = X_{t−1}, X iid uniform binary: T_{X→Y} → ln 2, T_{Y→X} → 0", () => {
    const n = 200_000;
    const x = iid(n, 2, 1);
    const y = new Int32Array(n);
    for (let t = 1; t < n; t++) y[t] = x[t - 1];
    // plug-in bias of T_{X→Y}: the estimate is H(Y_t|Y_p) = H of a fair bit estimated from n steps: |bias| ≲ 1/(2n) + sampling O(1/√n)·0 (Y_t given X_{t−1} is exact) → within 1e-4
    expect(Math.abs(e.transferEntropy(x, y) - Math.LN2)).toBeLessThan(1e-4);
    // independent-by-construction: the plug-in CMI of independent binary vars has mean ≈ (|X|−1)(|Y|−1)|Z|/(2N) = 1/N
    expect(e.transferEntropy(y, x)).toBeLessThan(20 / n);
  });

  it("independent series: TE ≈ 0 (plug-in bias (2−1)(3−1)·3/(2N) = 3/N for 3 letters)", () => {
    const n = 100_000;
    const te = e.transferEntropy(iid(n, 3, 2), iid(n, 3, 3));
    expect(te).toBeGreaterThanOrEqual(0);
    expect(te).toBeLessThan(30 / n);
  });

  it("periodic 0,1,0,1…: entropy rate 0, AIS ln 2 (exact for an even length: both states equally often)", () => {
    const x = Int32Array.from({ length: 1001 }, (_, i) => i % 2);
    expect(e.entropyRate(x)).toBe(0);
    close(e.activeInformationStorage(x), Math.LN2);
    expect(e.entropyRate(x, { k: 3 })).toBe(0);
  });

  it("binary Markov chain: entropy rate → Σ π_i H(P_i)", () => {
    // P(0→1) = a, P(1→0) = b; π = (b, a)/(a + b); h = π0 H(a) + π1 H(b) (Cover & Thomas 2006, eq. 4.28)
    const a = 0.2, b = 0.6;
    const Hb = (p: number) => -p * Math.log(p) - (1 - p) * Math.log(1 - p);
    const h = (b * Hb(a) + a * Hb(b)) / (a + b);
    const u = rng(7);
    const n = 400_000;
    const x = new Int32Array(n);
    for (let t = 1; t < n; t++) x[t] = x[t - 1] === 0 ? +(u() < a) : +(u() >= b);
    // the estimate's standard deviation is ≈ sqrt(Var(−ln P(X_t|X_{t−1}))/n) < 1/√n·1 ≈ 0.0016
    expect(Math.abs(e.entropyRate(x) - h)).toBeLessThan(0.005);
    // a first-order chain: longer histories give the same rate (up to plug-in bias)
    expect(Math.abs(e.entropyRate(x, { k: 3 }) - h)).toBeLessThan(0.005);
  });
});

describe.each(BACKENDS)("transfer entropy: batched, matrix, permutation test (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });
  const d = 5;
  const n = 3000;
  // series i+1 copies series i with a one-step lag (noisy), so TE flows along the chain
  const series: Int32Array[] = [iid(n, 3, 11)];
  for (let i = 1; i < d; i++) {
    const u = rng(100 + i);
    const prev = series[i - 1];
    series.push(Int32Array.from({ length: n }, (_, t) => (t > 0 && u() < 0.7 ? prev[t - 1] : Math.floor(u() * 3))));
  }
  const flat = new Float64Array(d * n);
  series.forEach((s, i) => flat.set(s, i * n));
  const M = { data: flat, rows: d, cols: n };

  it("transferEntropyMatrix equals the pairwise calls; diagonal 0", () => {
    for (const o of [{}, { k: 2, l: 2, lag: 2 }, { base: "bits" as const }]) {
      const T = e.transferEntropyMatrix(series, o);
      const T2 = e.transferEntropyMatrix(M, o);
      expect(T.rows).toBe(d);
      for (let i = 0; i < d; i++)
        for (let j = 0; j < d; j++) {
          const want = i === j ? 0 : e.transferEntropy(series[i], series[j], o);
          expect(T.data[i * d + j]).toBe(want);
          expect(T2.data[i * d + j]).toBe(want);
        }
    }
    const T = e.transferEntropyMatrix(series);
    expect(T.data[0 * d + 1]).toBeGreaterThan(0.3); // along the chain
    expect(T.data[1 * d + 0]).toBeLessThan(0.01);
  });

  it("batched rows equal per-row calls", () => {
    const src = { data: flat.slice(0, (d - 1) * n), rows: d - 1, cols: n };
    const tgt = { data: flat.slice(n), rows: d - 1, cols: n };
    const te = e.transferEntropy(src, tgt, { k: 2 });
    const ais = e.activeInformationStorage(M, { k: 2 });
    const er = e.entropyRate(M, { k: 2 });
    for (let i = 0; i < d - 1; i++) expect(te[i]).toBe(e.transferEntropy(series[i], series[i + 1], { k: 2 }));
    for (let i = 0; i < d; i++) {
      expect(ais[i]).toBe(e.activeInformationStorage(series[i], { k: 2 }));
      expect(er[i]).toBe(e.entropyRate(series[i], { k: 2 }));
    }
    const real = { data: Float64Array.from({ length: 3 * 500 }, (_, i) => Math.sin(i * 0.37) + 0.1 * Math.cos(i * 1.3)), rows: 3, cols: 500 };
    const rb = e.activeInformationStorage(real, { method: "bins", bins: 6 });
    for (let i = 0; i < 3; i++) expect(rb[i]).toBe(e.activeInformationStorage(real.data.subarray(i * 500, (i + 1) * 500), { method: "bins", bins: 6 }));
  });

  it("permutation test: small p for coupled series, the surrogate sums equal a brute-force recount", () => {
    const t = e.transferEntropyTest(series[0], series[1], { permutations: 199, seed: 3 });
    expect(t.method).toBe("permutation");
    expect(t.permutations).toBe(199);
    expect(t.pValue).toBe(1 / 200);
    expect(t.statistic).toBe(e.transferEntropy(series[0], series[1]));
    expect(e.transferEntropyTest(series[0], series[1], { permutations: 199, seed: 3 })).toEqual(t);
  });

  it("the surrogates equal a brute-force recount of T with the source histories permuted by each seed's stream", () => {
    // permutation k: Random(seed, k)'s Fisher–Yates shuffle from the top (position i takes one of 0 … i)
    // of the N source histories, taken in the order of the pairs sorted by (y_p, y_t, t)
    const x = series[2];
    const y = series[3];
    const N = n - 1;
    const B = 4;
    const seed = 5;
    const got = transferEntropySurrogates(e[backendOf](), x, y, {}, B, seed);
    close(got.statistic, bruteTE(x, y));
    const order = Array.from({ length: N }, (_, i) => i + 1).sort((a, b) => y[a - 1] - y[b - 1] || y[a] - y[b] || a - b);
    for (let k = 0; k < B; k++) {
      const idx = Uint32Array.from({ length: N }, (_, i) => i);
      const r = new Random(seed, k);
      for (let i = N - 1; i >= 0; i--) {
        const j = r.below(i + 1);
        [idx[i], idx[j]] = [idx[j], idx[i]];
      }
      const xs = new Int32Array(n);
      for (let q = 0; q < N; q++) xs[order[q] - 1] = x[order[idx[q]] - 1];
      close(got.values[k], bruteTE(xs, y));
    }
  });

  it("independent series: p-values roughly uniform", () => {
    const ps: number[] = [];
    for (let s = 0; s < 40; s++) ps.push(e.transferEntropyTest(iid(400, 2, 1000 + s), iid(400, 2, 2000 + s), { permutations: 99, seed: s }).pValue);
    const mean = ps.reduce((a, b) => a + b, 0) / ps.length;
    // uniform on (0, 1]: mean 0.5, sd of the mean of 40 ≈ 0.046
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.16);
    expect(ps.filter((p) => p <= 0.05).length).toBeLessThanOrEqual(8);
  });
});

describe.each(BACKENDS)("transfer entropy on the worker pool (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await init({ backend, threads: 3 });
  });
  afterAll(() => e.close());

  it("it.parallel.transferEntropyMatrix, batched transferEntropy and transferEntropyTest equal the calling thread", async () => {
    const d = 6;
    const n = 20000;
    const series = Array.from({ length: d }, (_, i) => iid(n, 2 + (i % 3), 40 + i));
    for (const o of [{}, { k: 2, l: 2 }]) expect((await e.parallel.transferEntropyMatrix(series, o)).data).toEqual(e.transferEntropyMatrix(series, o).data);
    const flat = new Float64Array(d * n);
    series.forEach((s, i) => flat.set(s, i * n));
    const M = { data: flat, rows: d, cols: n };
    const Mr = { data: flat.slice().reverse(), rows: d, cols: n };
    expect(await e.parallel.transferEntropy(M, Mr, { k: 3 })).toEqual(e.transferEntropy(M, Mr, { k: 3 }));
    expect(await e.parallel.activeInformationStorage(M, { k: 2 })).toEqual(e.activeInformationStorage(M, { k: 2 }));
    expect(await e.parallel.entropyRate(M, { k: 3 })).toEqual(e.entropyRate(M, { k: 3 }));
    expect(await e.parallel.transferEntropyTest(series[0], series[1], { permutations: 64, seed: 9 })).toEqual(e.transferEntropyTest(series[0], series[1], { permutations: 64, seed: 9 }));
  });

  it("method knn on the pool (the neighbour searches split across the workers) equals the calling thread", async () => {
    const r = rng(77);
    const x = Float64Array.from({ length: 12000 }, () => r() - 0.5);
    const y = new Float64Array(x.length);
    for (let t = 1; t < y.length; t++) y[t] = 0.6 * y[t - 1] + x[t - 1] + 0.3 * (r() - 0.5);
    for (const o of [{ method: "knn" as const }, { method: "knn" as const, k: 2, l: 2, lag: 2, neighbors: 3 }]) expect(await e.parallel.transferEntropy(x, y, o)).toBe(e.transferEntropy(x, y, o));
    const ais = await e.parallel.run((f) => f.activeInformationStorage(y, { method: "knn", k: 2 }));
    expect(ais).toBe(e.activeInformationStorage(y, { method: "knn", k: 2 }));
  });
});
