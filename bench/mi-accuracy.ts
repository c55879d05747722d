/**
 * `npm run bench:mi-accuracy [-- --seeds 50]`
 *
 * Estimator quality of histogramMutualInformation, shown not claimed: for bivariate Gaussians
 * with correlation ρ the true MI is −½ ln(1 − ρ²) nats. For each ρ ∈ {0, 0.5, 0.9, 0.99},
 * n ∈ {1e3, 1e4, 1e5}, each NumPy bin rule (and equal-frequency bins with ⌈√(n/5)⌉ per axis)
 * and each correction ("none", "miller-madow"), the script draws `seeds` samples and prints the
 * bias (mean − truth) and RMSE in nats as a markdown table (bench/accuracy.ts).
 */
import { init } from "../src/index.js";
import { accuracyRows, arg, header, histogramEstimators } from "./accuracy.js";

const SEEDS = Number(arg("seeds", "50"));
const NS = arg("n", "1000,10000,100000").split(",").map(Number);

const it = await init();
console.log(`histogram MI accuracy on bivariate Gaussians, ${SEEDS} seeds per cell, backend ${it.backend}; truth −½ ln(1 − ρ²) nats\n`);
for (const line of header(["n", "bins", "correction"])) console.log(line);
const estimators = histogramEstimators(it);
for (const n of NS) for (const line of accuracyRows(n, SEEDS, estimators)) console.log(line);
it.close();
