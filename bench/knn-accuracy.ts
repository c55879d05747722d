/**
 * `npm run bench:knn-accuracy [-- --seeds 20 --n 1000,10000,100000 --k 3,5,10 --bins fd,quantile]`
 *
 * Estimator quality of mutualInformationKnn (KSG), shown not claimed, next to the histogram
 * estimators of bench/mi-accuracy.ts on the same samples: for bivariate Gaussians with
 * correlation ρ the true MI is −½ ln(1 − ρ²) nats. For each ρ ∈ {0, 0.5, 0.9, 0.99},
 * n ∈ {1e3, 1e4, 1e5}, KSG algorithm 1 and 2 with k = 3, 5, 10 and histogramMutualInformation
 * with the `--bins` rules (default fd and equal-frequency ⌈√(n/5)⌉ per axis; `--bins all` for
 * every rule of mi-accuracy) and each correction ("none", "miller-madow"), the script draws
 * `seeds` samples and prints the bias (mean − truth) and RMSE in nats as a markdown table for the
 * README (bench/accuracy.ts). The default (20 seeds) takes about 2 minutes on one core (wasm-simd).
 */
import { init } from "../src/index.js";
import { accuracyRows, arg, BIN_RULES, header, histogramEstimators, type BinRule, type Estimator } from "./accuracy.js";

const SEEDS = Number(arg("seeds", "20"));
const NS = arg("n", "1000,10000,100000").split(",").map(Number);
const KS = arg("k", "3,5,10").split(",").map(Number);
const ALGORITHMS = arg("algorithms", "1,2").split(",").map(Number) as (1 | 2)[];
const binsArg = arg("bins", "fd,quantile");
const RULES = (binsArg === "all" ? [...BIN_RULES] : binsArg.split(",").filter(Boolean)) as BinRule[];
for (const r of RULES) if (!BIN_RULES.includes(r)) throw new RangeError(`knn-accuracy: --bins ${r} is not one of ${BIN_RULES.join(", ")}, all`);

const it = await init();
const knn: Estimator[] = ALGORITHMS.flatMap((algorithm) =>
  KS.map((k) => ({
    label: ["KSG", `algorithm ${algorithm}, k = ${k}`],
    estimate: (x: Float64Array, y: Float64Array) => it.mutualInformationKnn(x, y, { k, algorithm }),
  })),
);
const histogram = histogramEstimators(it, RULES).map((e) => ({ ...e, label: ["histogram", e.label.join(", ")] }));
console.log(
  `kNN (KSG) and histogram MI accuracy on bivariate Gaussians, ${SEEDS} seeds per cell, backend ${it.backend}; truth −½ ln(1 − ρ²) nats\n`,
);
for (const line of header(["n", "estimator", "options"])) console.log(line);
const t0 = performance.now();
for (const n of NS) {
  for (const line of accuracyRows(n, SEEDS, [...knn, ...histogram])) console.log(line);
  console.error(`n = ${n} done after ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
it.close();
