/**
 * Shared by bench/mi-accuracy.ts and bench/knn-accuracy.ts: MI estimators scored on bivariate
 * Gaussians with correlation ρ, whose true MI is −½ ln(1 − ρ²) nats. Every estimator sees the
 * same samples: `seeds` draws of gaussianPairs(n, ρ, 1000·s + round(100 ρ) + n) per (n, ρ).
 */
import type { Engine } from "../src/engine.js";
import type { AxisBins, MiCorrection } from "../src/types.js";
import { gaussianPairs } from "./random.js";

/** `--name value` from the command line, else the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

export const RHOS = [0, 0.5, 0.9, 0.99];

/** I(X;Y) in nats of a standard bivariate normal with correlation ρ. */
export const gaussianMi = (rho: number) => -0.5 * Math.log(1 - rho * rho);

/** One row of the table: its label cells and the estimate (nats) of one sample of n pairs. */
export interface Estimator {
  label: string[];
  estimate(x: Float64Array, y: Float64Array): number;
}

/** The markdown header: the label columns, then bias and RMSE per ρ. */
export function header(labels: string[]): string[] {
  const cells = [...labels, ...RHOS.map((r) => `ρ=${r} bias`), ...RHOS.map((r) => `ρ=${r} RMSE`)];
  return [`| ${cells.join(" | ")} |`, `|${cells.map(() => "---").join("|")}|`];
}

/**
 * Bias (mean − truth) and RMSE, 4 decimals, of every estimator at sample size n over `seeds`
 * samples per ρ, as markdown rows `| n | label… | biases | RMSEs |` in the estimators' order.
 * Samples are drawn one at a time (each shared by all estimators), so memory stays O(n).
 */
export function accuracyRows(n: number, seeds: number, estimators: Estimator[]): string[] {
  const sum = estimators.map(() => RHOS.map(() => 0));
  const sq = estimators.map(() => RHOS.map(() => 0));
  RHOS.forEach((rho, k) => {
    const truth = gaussianMi(rho);
    for (let s = 0; s < seeds; s++) {
      const [x, y] = gaussianPairs(n, rho, 1000 * s + Math.round(rho * 100) + n);
      estimators.forEach((est, j) => {
        const err = est.estimate(x, y) - truth;
        sum[j][k] += err;
        sq[j][k] += err * err;
      });
    }
  });
  return estimators.map((est, j) => {
    const bias = sum[j].map((v) => (v / seeds).toFixed(4));
    const rmse = sq[j].map((v) => Math.sqrt(v / seeds).toFixed(4));
    return `| ${n} | ${est.label.join(" | ")} | ${bias.join(" | ")} | ${rmse.join(" | ")} |`;
  });
}

/** The bin rules of histogramMutualInformation scored here ("quantile": equal-frequency bins, ⌈√(n/5)⌉ per axis). */
export const BIN_RULES = ["fd", "sturges", "scott", "sqrt", "doane", "rice", "auto", "quantile"] as const;
export type BinRule = (typeof BIN_RULES)[number];
export const CORRECTIONS: MiCorrection[] = ["none", "miller-madow"];

/** histogramMutualInformation per bin rule and correction, labelled [bins, correction]. */
export function histogramEstimators(it: Engine, rules: readonly BinRule[] = BIN_RULES, corrections: readonly MiCorrection[] = CORRECTIONS): Estimator[] {
  return rules.flatMap((rule) =>
    corrections.map((correction) => ({
      label: [rule === "quantile" ? "quantiles ⌈√(n/5)⌉" : rule, correction],
      estimate: (x: Float64Array, y: Float64Array) => {
        const bins: AxisBins = rule === "quantile" ? { quantiles: Math.ceil(Math.sqrt(x.length / 5)) } : rule;
        return it.histogramMutualInformation(x, y, { bins, correction });
      },
    })),
  );
}
