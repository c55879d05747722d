/**
 * The channels family against values from outside our code: closed forms (binary symmetric,
 * erasure and Z channels, noiseless channels, the Bernoulli–Hamming rate–distortion curve,
 * Shannon–Hartley) and test/reference/channels.py (mpmath Blahut–Arimoto cross-checked with SciPy
 * SLSQP maximisation; numpy I(X;Y) and H(X) of joint tables).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine.js";
import { awgnCapacity } from "../src/index.js";
import { BACKENDS, engine } from "./backends.js";
import { capacityCases, ibCases, rdCases } from "./reference/channels.js";

/** Binary entropy in nats. */
const h = (x: number) => (x <= 0 || x >= 1 ? 0 : -(x * Math.log(x) + (1 - x) * Math.log(1 - x)));
const mat = (data: number[], rows: number, cols: number) => ({ data: Float64Array.from(data), rows, cols });

describe.each(BACKENDS)("channelCapacity (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("binary symmetric channel: C = ln 2 − H(ε) nats = 1 − H₂(ε) bits, uniform input", () => {
    for (const eps of [0.01, 0.11, 0.3, 0.5]) {
      const r = e.channelCapacity([[1 - eps, eps], [eps, 1 - eps]]);
      expect(r.capacity).toBeCloseTo(Math.LN2 - h(eps), 12);
      const bits = e.channelCapacity([[1 - eps, eps], [eps, 1 - eps]], { base: "bits" });
      expect(bits.capacity).toBeCloseTo(1 - h(eps) / Math.LN2, 12);
      expect(Array.from(r.inputDistribution)).toEqual([0.5, 0.5]);
      expect(r.converged).toBe(true);
    }
    // 1 − H₂(0.11) = 0.50008 bit (the demo's value)
    expect(e.channelCapacity([[0.89, 0.11], [0.11, 0.89]], { base: "bits" }).capacity).toBeCloseTo(0.50008, 5);
  });

  it("binary erasure channel: C = 1 − e bits", () => {
    for (const er of [0, 0.2, 0.5, 0.9]) {
      const r = e.channelCapacity([[1 - er, er, 0], [0, er, 1 - er]], { base: "bits" });
      expect(r.capacity).toBeCloseTo(1 - er, 12);
    }
  });

  it("Z channel: C = log2(1 + (1 − s)·s^(s/(1 − s))) bits, s = P(0 | 1)", () => {
    for (const s of [0.1, 0.3, 0.5, 0.8]) {
      const r = e.channelCapacity([[1, 0], [s, 1 - s]], { base: "bits", tol: 1e-14 });
      expect(r.capacity).toBeCloseTo(Math.log2(1 + (1 - s) * s ** (s / (1 - s))), 12);
      // the optimal P(X = 1) = 1/((1 − s)(1 + 2^{H₂(s)/(1−s)})) (Golomb 1980)
      const p1 = 1 / ((1 - s) * (1 + 2 ** (h(s) / Math.LN2 / (1 - s))));
      expect(r.inputDistribution[1]).toBeCloseTo(p1, 6);
    }
  });

  it("noiseless n-ary channel: C = log n, uniform input; a symmetric channel has uniform input", () => {
    for (const n of [1, 2, 3, 7]) {
      const I = new Float64Array(n * n);
      for (let i = 0; i < n; i++) I[i * n + i] = 1;
      const r = e.channelCapacity({ data: I, rows: n, cols: n });
      expect(r.capacity).toBeCloseTo(Math.log(n), 13);
      for (const v of r.inputDistribution) expect(v).toBeCloseTo(1 / n, 14);
    }
    // a symmetric channel (rows permutations of each other, columns too): C = log|Y| − H(row)
    const row = [0.6, 0.3, 0.1];
    const W = [row, [row[2], row[0], row[1]], [row[1], row[2], row[0]]];
    const r = e.channelCapacity(W);
    expect(r.capacity).toBeCloseTo(Math.log(3) + row.reduce((s, v) => s + v * Math.log(v), 0), 12);
    for (const v of r.inputDistribution) expect(v).toBeCloseTo(1 / 3, 12);
  });

  it("random channels: capacity and input distribution of mpmath's Blahut–Arimoto (test/reference/channels.py)", () => {
    for (const c of capacityCases) {
      const r = e.channelCapacity(mat(c.W, c.rows, c.cols));
      expect(r.converged).toBe(true);
      expect(r.gap).toBeLessThanOrEqual(1e-12);
      // the lower bound: C − gap ≤ capacity ≤ C
      expect(r.capacity).toBeLessThanOrEqual(c.capacity + 1e-14);
      expect(r.capacity).toBeGreaterThanOrEqual(c.capacity - 1.1e-12);
      for (let i = 0; i < c.rows; i++) expect(Math.abs(r.inputDistribution[i] - c.input[i])).toBeLessThan(1e-5);
      // float32 storage of the same channel (rows still sum to 1 within 1e-9 for these)
      const f32 = Float32Array.from(c.W);
      let ok = true;
      for (let i = 0; i < c.rows; i++) {
        let s = 0;
        for (let j = 0; j < c.cols; j++) s += f32[i * c.cols + j];
        ok &&= Math.abs(s - 1) <= 1e-9;
      }
      if (ok) expect(e.channelCapacity({ data: f32, rows: c.rows, cols: c.cols }).capacity).toBeCloseTo(c.capacity, 6);
    }
  });

  it("maxIterations stops early and says so", () => {
    const c = capacityCases[1];
    const r = e.channelCapacity(mat(c.W, c.rows, c.cols), { maxIterations: 2 });
    expect(r.iterations).toBe(2);
    expect(r.converged).toBe(false);
    expect(r.capacity).toBeLessThanOrEqual(c.capacity + 1e-14);
    expect(r.capacity + r.gap).toBeGreaterThanOrEqual(c.capacity - 1e-14);
  });
});

describe("awgnCapacity (Shannon–Hartley)", () => {
  it("½ log2(1 + snr) bits per use; B log2(1 + snr) bit/s; other bases", () => {
    expect(awgnCapacity(1)).toBe(0.5);
    expect(awgnCapacity(3)).toBeCloseTo(1, 15);
    expect(awgnCapacity(0)).toBe(0);
    expect(awgnCapacity(15, { bandwidth: 1000 })).toBeCloseTo(4000, 10);
    expect(awgnCapacity(3, { base: "nats" })).toBeCloseTo(Math.LN2, 15);
    // 3 kHz telephone line at 30 dB: 3000·log2(1001) ≈ 29 901.7 bit/s
    expect(awgnCapacity(1000, { bandwidth: 3000 })).toBeCloseTo(3000 * Math.log2(1001), 8);
  });
});

describe.each(BACKENDS)("rateDistortion (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("Bernoulli(p) with Hamming distortion: D = 1/(1 + e^β), R = H(p) − H(D) for D < min(p, 1 − p)", () => {
    for (const p of [0.5, 0.3, 0.1]) {
      for (const beta of [1.5, 3, 6]) {
        const D = 1 / (1 + Math.exp(beta));
        if (!(D < Math.min(p, 1 - p))) continue;
        const r = e.rateDistortion([1 - p, p], [[0, 1], [1, 0]], { beta });
        expect(r.converged).toBe(true);
        expect(r.distortion).toBeCloseTo(D, 9);
        // the point lies on the curve: R = H(p) − H(D) at the returned D
        expect(r.rate).toBeCloseTo(h(p) - h(r.distortion), 12);
        expect(r.outputDistribution[0] + r.outputDistribution[1]).toBeCloseTo(1, 14);
      }
    }
    // beyond the knee (D would exceed min(p, 1 − p)): R = 0, D → min(p, 1 − p)
    const flat = e.rateDistortion([0.7, 0.3], [[0, 1], [1, 0]], { beta: 0.5 });
    expect(flat.rate).toBeLessThan(1e-9);
    expect(flat.distortion).toBeCloseTo(0.3, 8);
  });

  it("β = 0 gives the end point (D_max, 0); bits", () => {
    const r = e.rateDistortion([0.7, 0.3], [[0, 1], [1, 0]], { beta: 0 });
    expect(r.rate).toBe(0);
    expect(r.distortion).toBeCloseTo(0.3, 15); // min over x̂ of E d = min(0.3, 0.7)
    const bits = e.rateDistortion([0.5, 0.5], [[0, 1], [1, 0]], { beta: 3, base: "bits" });
    expect(bits.rate).toBeCloseTo(1 - h(1 / (1 + Math.exp(3))) / Math.LN2, 9);
  });

  it("random sources and distortions: mpmath Blahut points (checked by SLSQP, test/reference/channels.py)", () => {
    for (const c of rdCases) {
      const r = e.rateDistortion(c.p, mat(c.d, c.rows, c.cols), { beta: c.beta });
      expect(r.converged).toBe(true);
      expect(r.distortion).toBeCloseTo(c.distortion, 8);
      expect(r.rate).toBeCloseTo(c.rate, 8);
    }
  });
});

describe.each(BACKENDS)("informationBottleneck (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("large β with clusters ≥ |X| reaches I(X;Y) (numpy); ixt ≤ H(X); the encoder is a Matrix of distributions", () => {
    for (const c of ibCases) {
      for (const clusters of [c.rows, c.rows + 2]) {
        const r = e.informationBottleneck(mat(c.table, c.rows, c.cols), { beta: 1e4, clusters, seed: 3 });
        expect(r.ity).toBeCloseTo(c.mi, 9);
        expect(r.ixt).toBeLessThanOrEqual(c.hx + 1e-12);
        expect(r.encoder.rows).toBe(c.rows);
        expect(r.encoder.cols).toBe(clusters);
        for (let x = 0; x < c.rows; x++) {
          let s = 0;
          for (let t = 0; t < clusters; t++) s += r.encoder.data[x * clusters + t];
          expect(s).toBeCloseTo(1, 12);
        }
      }
    }
  });

  it("along a β sweep: ity rises, stays ≤ I(X;Y); ixt ≤ H(X); small β compresses to nothing", () => {
    const c = ibCases[0];
    const t = mat(c.table, c.rows, c.cols);
    let prev = -1;
    for (const beta of [0.1, 1, 2, 3, 5, 8, 13, 30, 100, 1000]) {
      const r = e.informationBottleneck(t, { beta, clusters: c.rows, seed: 1 });
      expect(r.ity).toBeLessThanOrEqual(c.mi + 1e-12);
      expect(r.ixt).toBeLessThanOrEqual(c.hx + 1e-12);
      expect(r.ity).toBeGreaterThanOrEqual(prev - 1e-9);
      expect(r.ity).toBeLessThanOrEqual(r.ixt + 1e-12); // data processing: I(T;Y) ≤ I(T;X)
      prev = r.ity;
      if (beta === 0.1) expect(r.ixt).toBeLessThan(1e-8);
    }
  });

  it("one cluster gives I(X;T) = I(T;Y) = 0; a row with p(x) = 0 gets the uniform row; bits", () => {
    const c = ibCases[1];
    const one = e.informationBottleneck(mat(c.table, c.rows, c.cols), { beta: 10, clusters: 1 });
    expect(one.ixt).toBe(0);
    expect(one.ity).toBe(0);
    const withZero = [[0.2, 0.1], [0, 0], [0.1, 0.6]];
    const r = e.informationBottleneck(withZero, { beta: 1e4, clusters: 2 });
    expect(Array.from(r.encoder.data.subarray(2, 4))).toEqual([0.5, 0.5]);
    // I(X;Y) of [[0.2, 0.1], [0.1, 0.6]] in bits, by hand: Σ p ln(p/(px py)) / ln 2
    const P = [[0.2, 0.1], [0.1, 0.6]];
    const px = [0.3, 0.7];
    const py = [0.3, 0.7];
    let mi = 0;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) mi += P[i][j] * Math.log(P[i][j] / (px[i] * py[j]));
    const bits = e.informationBottleneck(withZero, { beta: 1e4, clusters: 2, base: "bits" });
    expect(bits.ity).toBeCloseTo(mi / Math.LN2, 9);
  });

  it("the seed decides the starts: the same seed gives the same encoder", () => {
    const c = ibCases[2];
    const a = e.informationBottleneck(mat(c.table, c.rows, c.cols), { beta: 4, clusters: 2, seed: 7 });
    const b = e.informationBottleneck(mat(c.table, c.rows, c.cols), { beta: 4, clusters: 2, seed: 7 });
    expect(Array.from(a.encoder.data)).toEqual(Array.from(b.encoder.data));
  });
});
