/** infowasm: information theory for JavaScript, with WebAssembly (SIMD) kernels. */
export { init } from "./init.js";
export type { Engine } from "./engine.js";
export type { Parallel } from "./parallel/api.js";
export type {
  AverageMethod,
  AverageOptions,
  AxisBins,
  BackendName,
  Base,
  BinRule,
  BinaryCrossEntropyOptions,
  ContingencyCounts,
  ContingencyJSON,
  CumulativeOptions,
  GridMethod,
  GridOptions,
  Histogram2DInit,
  Histogram2DJSON,
  Histogram2dOptions,
  Histogram2dResult,
  HistogramMiOptions,
  HistogramOptions,
  HistogramResult,
  InitOptions,
  WasmSource,
  Labels,
  LabelValue,
  ClassIndices,
  Matrix,
  MatrixLike,
  MaxEntropyOptions,
  MaxEntropyResult,
  MiCorrection,
  EntropyEstimator,
  EstimatorOptions,
  EntropyCountsOptions,
  EntropyNsbOptions,
  EntropyLabelsOptions,
  NsbResult,
  NsbBatchResult,
  MutualInformationColumnsOptions,
  Range,
  Reduction,
  SoftmaxCrossEntropyOptions,
  Spacing,
  Spacing2d,
  UnitOptions,
  Vector,
  ArrowVectorLike,
  IntegerTypedArray,
} from "./types.js";
export type { Contingency } from "./contingency.js";
export { Histogram2D } from "./histogram.js";
export { histogramEdgesFromSummary, histogramBinSql, type HistogramSummary, type HistogramSummaryOptions } from "./histogram-sql.js";
export { exponentialEntropy, gaussianEntropy, gaussianKl, gaussianMutualInformation, uniformEntropy } from "./gaussian.js";
export { mvnEntropy, mvnKl } from "./mvn.js";
export { differentialEntropy, type DifferentialEntropyOptions, type SpacingMethod } from "./spacings.js";
export { minimize, type MinimizeOptions, type MinimizeResult } from "./minimize.js";
export { maxEntropyDistribution } from "./maxent.js";
export type { SampleWeightsOptions } from "./divergences.js";
export { awgnCapacity } from "./channels.js";
export type {
  AwgnOptions,
  ChannelCapacityOptions,
  ChannelCapacityResult,
  RateDistortionOptions,
  RateDistortionResult,
  InformationBottleneckOptions,
  InformationBottleneckResult,
} from "./channels.js";
export { huffmanCodeLengths, expectedCodeLength, fisherInformation, type FisherFamily, type FisherParams } from "./codes.js";
export type { SampleSet, KnnOptions, KsgOptions, EntropyKnnOptions, MiFeatureOptions } from "./knn.js";
export type { VariableColumns, MutualInformationMatrixMethod, MutualInformationMatrixOptions } from "./multivariate.js";
export type { DynamicsMethod, Series, SeriesSet, EntropyRateOptions, ActiveInformationStorageOptions, TransferEntropyOptions, TransferEntropyTestOptions } from "./dynamics.js";
export type {
  PermutationOptions,
  IndependenceMethod,
  IndependenceTest,
  MutualInformationTestOptions,
  HistogramMutualInformationTestOptions,
  MutualInformationIntervalOptions,
  MutualInformationInterval,
} from "./resampling.js";
export type { BestSplit, BestSplitOptions, SplitCriterion } from "./trees.js";
export type { PermutationEntropyOptions, TemplateEntropyOptions } from "./complexity.js";
