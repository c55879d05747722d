/** The pure-JS Backend: the readable reference for every kernel, one family per file. */
import type { Backend } from "../backend.js";
import { jsDiscrete } from "./discrete.js";
import { jsLabels } from "./labels.js";
import { jsHistogram } from "./histogram.js";
import { jsIntegrate } from "./integrate.js";
import { jsLosses } from "./losses.js";
import { jsKnn } from "./knn.js";
import { jsResampling } from "./resampling.js";
import { jsEstimators } from "./estimators.js";
import { jsMultivariate } from "./multivariate.js";
import { jsDynamics } from "./dynamics.js";
import { jsTrees } from "./trees.js";
import { jsDivergences } from "./divergences.js";
import { jsChannels } from "./channels.js";
import { jsComplexity } from "./complexity.js";

export function createJsBackend(): Backend {
  return {
    name: "js",
    ...jsDiscrete,
    ...jsLabels,
    ...jsHistogram,
    ...jsIntegrate,
    ...jsLosses,
    ...jsKnn,
    ...jsResampling,
    ...jsEstimators,
    ...jsMultivariate,
    ...jsDynamics,
    ...jsTrees,
    ...jsDivergences,
    ...jsChannels,
    ...jsComplexity,
    memoryBytes: () => 0,
    close: () => {},
  };
}
