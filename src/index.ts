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
  InitOptions,
  Labels,
  Matrix,
  MatrixLike,
  UnitOptions,
  Vector,
} from "./types.js";
export type { Contingency } from "./contingency.js";
