/** infowasm: information theory for JavaScript, with WebAssembly (SIMD) kernels. */
export { init } from "./init.js";
export type { Engine } from "./engine.js";
export type { Base, BackendName, InitOptions, Labels, Matrix, MatrixLike, UnitOptions, Vector } from "./types.js";
