/**
 * The entropy estimators from counts (src/estimators.ts, src/nsb.ts) on every backend. Every
 * expected value comes from test/reference/estimators.py: each estimator from its paper's formula
 * in mpmath at 40 digits (the jackknife literally over its N leave-one-out samples, James–Stein as
 * R's entropy::freqs.shrink, Chao–Shen as R's entropy::entropy.ChaoShen), NSB by mpmath.quad over β
 * of the Dirichlet-multinomial evidence and the Wolpert–Wolf moments (test/reference/estimators.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, close, engine } from "./backends.js";
import type { Engine } from "../src/engine.js";
import type { EntropyEstimator } from "../src/types.js";
import { estimatorCases, miHistogram, miLabels, nsbLarge } from "./reference/estimators.js";
import { digamma, lgamma, lnPochhammer, trigamma } from "../src/special.js";

const FIELDS: [EntropyEstimator, keyof (typeof estimatorCases)[number]][] = [
  ["plugin", "plugin"],
  ["miller-madow", "millerMadow"],
  ["grassberger", "grassberger"],
  ["chao-shen", "chaoShen"],
  ["james-stein", "jamesStein"],
  ["jackknife", "jackknife"],
  ["nsb", "nsb"],
];

function expectClose(got: number, want: number, rel: number, what: string): void {
  if (!close(got, want, rel, 1e-15)) throw new Error(`${what}: got ${got}, reference ${want} (relative ${(got - want) / want})`);
}

describe.each(BACKENDS)("entropy estimators (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  it("every estimator equals the mpmath reference on every case (1e-12 relative; NSB mean and sd 1e-10)", () => {
    for (const c of estimatorCases) {
      for (const [est, field] of FIELDS) {
        const want = c[field] as number | undefined;
        if (want === undefined) continue;
        expectClose(e.entropyCounts(c.counts, { estimator: est, bins: c.K }), want, est === "nsb" ? 1e-10 : 1e-12, `${c.name} ${est}`);
      }
      const n = e.entropyNsb(c.counts, { bins: c.K });
      expectClose(n.entropy, c.nsb, 1e-10, `${c.name} nsb`);
      expectClose(n.sd, c.nsbSd, 1e-10, `${c.name} nsb sd`);
    }
  });

  it("edge cases: one bin, N = 1, all singletons, bins = 1", () => {
    // one occupied bin: every estimator 0 but Grassberger (ln N − G(N), eq. 35 as written) and NSB
    const one = estimatorCases.find((c) => c.name === "one occupied bin")!;
    for (const est of ["plugin", "miller-madow", "chao-shen", "james-stein", "jackknife"] as const) expect(Math.abs(e.entropyCounts(one.counts, { estimator: est }))).toBeLessThan(1e-15);
    expect(e.entropyCounts(one.counts, { estimator: "grassberger" })).toBeGreaterThan(0);
    // N = 1: the jackknife is 0 (Zahl), and so is every estimator of a single sample but Grassberger and NSB
    expect(e.entropyCounts([0, 1, 0], { estimator: "jackknife" })).toBe(0);
    // K = 1: NSB gives exactly 0 ± 0
    expect(e.entropyNsb([7], { bins: 1 })).toEqual({ entropy: 0, sd: 0 });
    expect(e.entropyCounts([7], { estimator: "nsb" })).toBe(0);
    // an integer typed array and a Float32Array are counts too
    const c = estimatorCases[0];
    for (const [est, field] of FIELDS) {
      expectClose(e.entropyCounts(Int32Array.from(c.counts), { estimator: est, bins: c.K }), c[field] as number, est === "nsb" ? 1e-10 : 1e-12, `Int32Array ${est}`);
      // float32 plugin on wasm-simd runs entropy's f32x4 kernel: 1e-6 relative, as the parity convention for float32 there
      const rel32 = est === "plugin" && name === "wasm-simd" ? 1e-6 : est === "nsb" ? 1e-10 : 1e-12;
      expectClose(e.entropyCounts(Float32Array.from(c.counts), { estimator: est, bins: c.K }), c[field] as number, rel32, `Float32Array ${est}`);
    }
  });

  it("plugin is entropy(counts), also for weights that are not whole numbers", () => {
    const w = [0.5, 2.25, 0, 7.125];
    expect(close(e.entropyCounts(w), e.entropy(w), 1e-15)).toBe(true);
    expect(close(e.entropyCounts(w, { estimator: "plugin", base: "bits" }), e.entropy(w, { base: "bits" }), 1e-15)).toBe(true);
  });

  it("a matrix gives one estimate per row, as the rows one by one; base divides", () => {
    const rows = estimatorCases.filter((c) => c.counts.length === 11 || c.counts.length === 7);
    const cols = 11;
    const data = new Float64Array(rows.length * cols);
    rows.forEach((c, r) => data.set(c.counts, r * cols));
    for (const [est] of FIELDS) {
      const got = e.entropyCounts({ data, rows: rows.length, cols }, { estimator: est, bins: 11 });
      rows.forEach((c, r) => expectClose(got[r], e.entropyCounts(Array.from(data.subarray(r * cols, (r + 1) * cols)), { estimator: est, bins: 11 }), 1e-15, `row ${r} ${est}`));
      const bits = e.entropyCounts({ data, rows: rows.length, cols }, { estimator: est, bins: 11, base: "bits" });
      rows.forEach((_, r) => expectClose(bits[r], got[r] / Math.LN2, 1e-15, `bits ${est}`));
    }
    const nsb = e.entropyNsb({ data, rows: rows.length, cols });
    rows.forEach((c, r) => {
      const v = e.entropyNsb(Array.from(data.subarray(r * cols, (r + 1) * cols)));
      expect(nsb.entropy[r]).toBe(v.entropy);
      expect(nsb.sd[r]).toBe(v.sd);
    });
  });

  it("NSB with K = 1e5 bins and N = 1e6 counts: no overflow, the mpmath value", () => {
    const counts = new Float64Array(nsbLarge.K);
    let i = 0;
    for (const [v, m] of nsbLarge.profile) for (let j = 0; j < m; j++) counts[i++] = v;
    const r = e.entropyNsb(counts);
    expectClose(r.entropy, nsbLarge.nsb, 1e-10, "large nsb");
    expectClose(r.sd, nsbLarge.nsbSd, 1e-9, "large nsb sd");
  });

  it("estimator option of the MI calls: Ĥ(A) + Ĥ(B) − Ĥ(A, B) with K = distinct labels / bins", () => {
    for (const [est] of FIELDS) {
      expectClose(e.mutualInformationLabels(miLabels.a, miLabels.b, { estimator: est }), miLabels.mi[est], est === "nsb" ? 1e-10 : 1e-11, `labels ${est}`);
      const t = e.createContingency().update(miLabels.a, miLabels.b);
      expectClose(t.mutualInformation({ estimator: est }), miLabels.mi[est], est === "nsb" ? 1e-10 : 1e-11, `Contingency ${est}`);
      expectClose(e.histogramMutualInformation(miHistogram.x, miHistogram.y, { bins: [4, 5], estimator: est }), miHistogram.mi[est], est === "nsb" ? 1e-10 : 1e-11, `histogram ${est}`);
      const h = e.createHistogram2D({ binsX: e.histogram2d(miHistogram.x, miHistogram.y, { bins: [4, 5] }).edgesX, binsY: e.histogram2d(miHistogram.x, miHistogram.y, { bins: [4, 5] }).edgesY });
      h.update(miHistogram.x, miHistogram.y);
      expect(Array.from(h.counts)).toEqual(miHistogram.counts);
      expectClose(h.mutualInformation({ estimator: est }), miHistogram.mi[est], est === "nsb" ? 1e-10 : 1e-11, `Histogram2D ${est}`);
      const X = { data: Float64Array.from(miHistogram.x), rows: miHistogram.x.length, cols: 1 };
      const cols = e.mutualInformationColumns(X, Float64Array.from(miHistogram.y), { bins: 4, yBins: 5, estimator: est });
      expectClose(cols[0], miHistogram.mi[est], est === "nsb" ? 1e-10 : 1e-11, `mutualInformationColumns ${est}`);
    }
    // correction stays an alias, and agrees with estimator
    expect(e.mutualInformationLabels(miLabels.a, miLabels.b, { correction: "miller-madow" })).toBe(e.mutualInformationLabels(miLabels.a, miLabels.b, { estimator: "miller-madow" }));
    expect(e.histogramMutualInformation(miHistogram.x, miHistogram.y, { bins: [4, 5], correction: "miller-madow", estimator: "miller-madow" })).toBe(
      e.histogramMutualInformation(miHistogram.x, miHistogram.y, { bins: [4, 5], correction: "miller-madow" }),
    );
  });

  it("entropyLabels and Contingency.entropies take the estimator, over K = the distinct labels (or bins)", () => {
    const counts = [0, 0, 0];
    for (const v of miLabels.a) counts[v]++;
    const t = e.createContingency().update(miLabels.a, miLabels.b);
    for (const [est] of FIELDS) {
      const want = e.entropyCounts(counts, { estimator: est });
      expectClose(e.entropyLabels(miLabels.a, { estimator: est }), want, 1e-14, `entropyLabels ${est}`);
      expectClose(t.entropies({ estimator: est }).a, want, 1e-14, `entropies ${est}`);
      expectClose(e.entropyLabels(miLabels.a, { estimator: est, bins: 10 }), e.entropyCounts(counts, { estimator: est, bins: 10 }), 1e-14, `entropyLabels bins ${est}`);
    }
    expect(() => e.entropyLabels(miLabels.a, { bins: 2 })).toThrow(/entropyLabels: bins = 2 is less than the number of distinct labels \(3\)/);
  });
});

describe("special functions of NSB (src/special.ts)", () => {
  // mpmath 1.3 at 40 digits: loggamma, polygamma(1, x), digamma (python3 -c "from mpmath import *; mp.dps = 40; …")
  const table: [number, number, number, number][] = [
    [1e-10, 23.025850929882736, 1e20, -10000000000.577215],
    [0.001, 6.907178885383853, 1000001.6425331958, -1000.5755719318103],
    [0.1, 2.252712651734206, 101.43329915079275, -10.423754940411076],
    [0.5, 0.5723649429247001, 4.934802200544679, -1.9635100260214235],
    [1.000001, -5.772148423874147e-7, 1.6449316627376673, -0.5772140199686682],
    [1.5, -0.12078223763524522, 0.9348022005446793, 0.03648997397857652],
    [2.5, 0.2846828704729192, 0.49035775610023485, 0.7031566406452432],
    [9.99, 12.779315214350193, 0.10527695014824179, 2.250700372831201],
    [33.3, 82.60372358165495, 0.030485444095338887, 3.490467238520243],
    [1e6, 12815504.569147611, 1.0000005000001667e-6, 13.815510057964191],
    [1e15, 3.3538776394910668e16, 1.0000000000000005e-15, 34.538776394910684],
  ];
  it("lgamma (1e-14 absolute or relative), trigamma and digamma (1e-14 relative) against mpmath", () => {
    for (const [x, lg, tg, dg] of table) {
      expect(Math.abs(lgamma(x) - lg)).toBeLessThan(1e-14 * Math.max(1, Math.abs(lg)));
      expect(close(trigamma(x), tg, 1e-14)).toBe(true);
      expect(Math.abs(digamma(x) - dg)).toBeLessThan(1e-14 * Math.max(1, Math.abs(dg)));
    }
  });
  it("lnPochhammer(x, n) = lgamma(x + n) − lgamma(x) without cancellation (mpmath)", () => {
    const cases: [number, number, number][] = [
      [1e-8, 5, -15.242626892771087],
      [0.3, 1, -1.2039728043259361],
      [1e6, 3, 41.44653467389032],
      [1e6, 1e6, 14201804.572510533],
      [1e12, 1e3, 27631.021116428048],
      [50, 1e9, 19723266719.101265],
    ];
    for (const [x, n, v] of cases) expect(close(lnPochhammer(x, n), v, 1e-14)).toBe(true);
  });
});
