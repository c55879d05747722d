/** Every workload of BENCH.md, in order; each capability adds its file here (one line each). */
import { discreteWorkloads } from "./discrete.js";
import { histogramWorkloads } from "./histogram.js";
import { labelWorkloads } from "./labels.js";
import { gridWorkloads } from "./grids.js";
import { lossWorkloads } from "./losses.js";
import { parallelWorkloads } from "./parallel.js";
import { knnWorkloads } from "./knn.js";
import { resamplingWorkloads } from "./resampling.js";
import { multivariateWorkloads } from "./multivariate.js";
import { dynamicsWorkloads } from "./dynamics.js";
import { treeWorkloads } from "./trees.js";
import { divergenceWorkloads } from "./divergences.js";
import { channelWorkloads } from "./channels.js";
import { complexityWorkloads } from "./complexity.js";
import type { Workload } from "./types.js";

export const workloads: Workload<any>[] = [
  ...discreteWorkloads,
  ...histogramWorkloads,
  ...labelWorkloads,
  ...gridWorkloads,
  ...lossWorkloads,
  ...parallelWorkloads,
  ...knnWorkloads,
  ...resamplingWorkloads,
  ...multivariateWorkloads,
  ...dynamicsWorkloads,
  ...treeWorkloads,
  ...divergenceWorkloads,
  ...channelWorkloads,
  ...complexityWorkloads,
];
