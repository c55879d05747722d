/** Every workload of BENCH.md, in order; each capability adds its file here. */
import { discreteWorkloads } from "./discrete.js";
import { gridWorkloads } from "./grids.js";
import { histogramWorkloads } from "./histogram.js";
import { labelWorkloads } from "./labels.js";
import { lossWorkloads } from "./losses.js";
import type { Workload } from "./types.js";

export const workloads: Workload<any>[] = [...discreteWorkloads, ...gridWorkloads, ...histogramWorkloads, ...labelWorkloads, ...lossWorkloads];
