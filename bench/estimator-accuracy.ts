/**
 * `npm run bench:estimator-accuracy [-- --draws 200]`
 *
 * Which entropy estimator to use, shown not claimed: for each alphabet size K ∈ {10, 100, 1000}
 * and sample size n ∈ {10, 100, 1000, 10000}, `draws` times (default 200): p ~ Dirichlet(1, …, 1)
 * over K bins (normalised Exp(1) draws), counts ~ Multinomial(n, p), and every estimator of
 * entropyCounts with bins = K. The truth is the entropy −Σ p ln p of the sampled p. Prints the bias
 * (mean of estimate − truth) and the RMSE in nats per cell as a markdown table. Seeded (mulberry32,
 * bench/random.ts): the same table on every run and backend, up to rounding.
 */
import { init } from "../src/index.js";
import type { EntropyEstimator } from "../src/index.js";
import { rng } from "./random.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const DRAWS = Number(arg("draws", "200"));
const KS = arg("K", "10,100,1000").split(",").map(Number);
const NS = arg("n", "10,100,1000,10000").split(",").map(Number);
const ESTIMATORS: readonly EntropyEstimator[] = ["plugin", "miller-madow", "grassberger", "chao-shen", "james-stein", "jackknife", "nsb"];

/** Three decimals, without a "−0.000". */
const fmt = (v: number): string => (Math.abs(v) < 5e-4 ? 0 : v).toFixed(3);

const it = await init();
const t0 = performance.now();
console.log(`entropy estimators on p ~ Dirichlet(1, …, 1), ${DRAWS} draws per cell, backend ${it.backend}; bias / RMSE in nats (truth: the entropy of the sampled p)\n`);
console.log(`| K | n | ${ESTIMATORS.join(" | ")} |`);
console.log(`|---|---|${ESTIMATORS.map(() => "---").join("|")}|`);
for (const K of KS) {
  for (const n of NS) {
    const r = rng(K * 100_003 + n);
    const p = new Float64Array(K);
    const cdf = new Float64Array(K);
    const counts = new Float64Array(K);
    const sum = new Float64Array(ESTIMATORS.length);
    const sq = new Float64Array(ESTIMATORS.length);
    for (let d = 0; d < DRAWS; d++) {
      let s = 0;
      for (let i = 0; i < K; i++) s += p[i] = -Math.log(1 - r());
      let h = 0;
      let c = 0;
      for (let i = 0; i < K; i++) {
        p[i] /= s;
        if (p[i] > 0) h -= p[i] * Math.log(p[i]);
        c += p[i];
        cdf[i] = c;
      }
      counts.fill(0);
      for (let j = 0; j < n; j++) {
        const u = r() * c;
        let lo = 0;
        let hi = K - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cdf[mid] > u) hi = mid;
          else lo = mid + 1;
        }
        counts[lo]++;
      }
      ESTIMATORS.forEach((est, e) => {
        const err = it.entropyCounts(counts, { estimator: est, bins: K }) - h;
        sum[e] += err;
        sq[e] += err * err;
      });
    }
    const cells = ESTIMATORS.map((_, e) => `${fmt(sum[e] / DRAWS)} / ${fmt(Math.sqrt(sq[e] / DRAWS))}`);
    console.log(`| ${K} | ${n} | ${cells.join(" | ")} |`);
  }
}
console.log(`\n(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
it.close();
