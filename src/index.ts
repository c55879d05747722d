/** infowasm: information theory for JavaScript, with WebAssembly (SIMD) kernels. */
export { init } from "./init.js";
export type { Engine } from "./engine.js";
export type {
  AxisBins,
  Base,
  BackendName,
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
  MiCorrection,
  MutualInformationColumnsOptions,
  Range,
  UnitOptions,
  Vector,
} from "./types.js";
export { Histogram2D } from "./histogram.js";
