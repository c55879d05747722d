/** infowasm: information theory for JavaScript, with WebAssembly (SIMD) kernels. */
export { init } from "./init.js";
export type { Engine } from "./engine.js";
export type {
  Base, BackendName, CumulativeOptions, GridMethod, GridOptions, InitOptions, Labels, Matrix, MatrixLike, Spacing, Spacing2d, UnitOptions, Vector,
} from "./types.js";
export { exponentialEntropy, gaussianEntropy, gaussianKl, gaussianMutualInformation, uniformEntropy } from "./gaussian.js";
export { mvnEntropy, mvnKl } from "./mvn.js";
export { differentialEntropy, type DifferentialEntropyOptions, type SpacingMethod } from "./sample-entropy.js";
export { minimize, type MinimizeOptions, type MinimizeResult } from "./minimize.js";
export type {
  AxisBins,
  BinRule,
  Histogram2DInit,
  Histogram2DJSON,
  Histogram2dOptions,
  Histogram2dResult,
  HistogramMiOptions,
  HistogramOptions,
  HistogramResult,
  MiCorrection,
  MutualInformationColumnsOptions,
  Range,
} from "./types.js";
export { Histogram2D } from "./histogram.js";
export type { AverageMethod, AverageOptions, ContingencyCounts, ContingencyJSON } from "./types.js";
export type { Contingency } from "./contingency.js";
export type { BinaryCrossEntropyOptions, MaxEntropyOptions, MaxEntropyResult, Reduction, SoftmaxCrossEntropyOptions } from "./types.js";
export { maxEntropyDistribution } from "./maxent.js";
