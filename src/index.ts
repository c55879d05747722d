/** infowasm: information theory for JavaScript, with WebAssembly (SIMD) kernels. */
export { init } from "./init.js";
export type { Engine } from "./engine.js";
export type {
  Base,
  BackendName,
  BinaryCrossEntropyOptions,
  InitOptions,
  Labels,
  Matrix,
  MatrixLike,
  MaxEntropyOptions,
  MaxEntropyResult,
  Reduction,
  SoftmaxCrossEntropyOptions,
  UnitOptions,
  Vector,
} from "./types.js";
export { maxEntropyDistribution } from "./maxent.js";
