/** Public data shapes of infowasm (see API.md). */

/** A vector of weights or samples. */
export type Vector = Float64Array | Float32Array | readonly number[];

/** A row-major matrix: a batch of `rows` vectors of length `cols`. */
export interface Matrix {
  data: Float64Array | Float32Array;
  rows: number;
  cols: number;
}

/** Anything a batched call accepts: a matrix, or nested arrays of equal length. */
export type MatrixLike = Matrix | readonly (readonly number[])[];

/** Non-negative integer labels. */
export type Labels = Int32Array | Uint32Array | readonly number[];

/** The unit of an information quantity: a log base, or its name. */
export type Base = number | "nats" | "bits" | "hartleys";

/** Options every information quantity takes. */
export interface UnitOptions {
  /** Log base: `"nats"` (e, the default), `"bits"` (2), `"hartleys"` (10), or a positive number ≠ 1. */
  base?: Base;
}

/** Which implementation runs the kernels. */
export type BackendName = "wasm-simd" | "wasm" | "js";

export interface InitOptions {
  /** `"auto"` (default): WASM with SIMD where the runtime validates it, else WASM, else JS. */
  backend?: "auto" | BackendName;
}

/** How NMI and AMI average the two entropies (sklearn's `average_method`). */
export type AverageMethod = "arithmetic" | "geometric" | "min" | "max";

/** Options of normalizedMutualInformation / adjustedMutualInformation. */
export interface AverageOptions {
  /** Generalised mean of H(A) and H(B) in the denominator: `"arithmetic"` (default), `"geometric"`, `"min"`, `"max"`. */
  average?: AverageMethod;
}

/** The nonzero cells of a contingency table, sorted by (a, b): `count[k]` pairs had labels `(a[k], b[k])`. */
export interface ContingencyCounts {
  a: Uint32Array;
  b: Uint32Array;
  count: Float64Array;
  /** Total number of pairs counted. */
  n: number;
}

/** The serialised form of a streaming contingency table (`Contingency.toJSON()`), plain JSON. */
export interface ContingencyJSON {
  type: "infowasm.contingency";
  version: 1;
  a: number[];
  b: number[];
  count: number[];
}
