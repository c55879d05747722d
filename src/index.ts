/** infowasm: information theory for JavaScript, with WebAssembly (SIMD) kernels. */
export { init } from "./init.js";
export type { Engine } from "./engine.js";
export type {
  AverageMethod,
  AverageOptions,
  Base,
  BackendName,
  ContingencyCounts,
  ContingencyJSON,
  AxisBins,
  BinRule,
  Histogram2DInit,
  Histogram2DJSON,
  Histogram2dOptions,
  Histogram2dResult,
  HistogramMiOptions,
  HistogramOptions,
  HistogramResult,
  InitOptions,
  Labels,
  Matrix,
  MatrixLike,
  UnitOptions,
  MiCorrection,
  MutualInformationColumnsOptions,
  Range,
  Vector,
} from "./types.js";
export type { Contingency } from "./contingency.js";
export { Histogram2D } from "./histogram.js";
