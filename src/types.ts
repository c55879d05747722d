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

// ---- grids ----

/** Grid spacing: uniform `{ dx }` (> 0), or the sample points `{ x }` (strictly increasing, one per column). */
export type Spacing = { dx: number; x?: undefined } | { x: Vector; dx?: undefined };

/** Spacing of a rows×cols grid: x (or dx) along the columns, y (or dy) along the rows. */
export type Spacing2d = ({ dx: number; x?: undefined } | { x: Vector; dx?: undefined }) & ({ dy: number; y?: undefined } | { y: Vector; dy?: undefined });

/** The quadrature rule: composite trapezoid (default) or Simpson (SciPy ≥ 1.11 rule for an even number of points). */
export type GridMethod = "trapezoid" | "simpson";

/** Options of the grid divergences (differentialEntropyGrid, crossEntropyGrid, klDivergenceGrid, jsDivergenceGrid). */
export interface GridOptions extends UnitOptions {
  /** Quadrature rule, `"trapezoid"` (default) or `"simpson"`. */
  method?: GridMethod;
  /** Rescale each density to integrate to 1 (with the same rule) before use. Default false. */
  normalize?: boolean;
  /**
   * Added inside every logarithm, as in `p·(log(p + ε) − log(q + ε))`: keeps the result finite
   * where g = 0 < f. Default 0 (then g = 0 < f gives Infinity). Applied after normalisation.
   */
  epsilon?: number;
}

/** Options of cumulativeTrapezoid. */
export interface CumulativeOptions {
  /** `0`: prepend a 0 so the result has as many points as the input (as SciPy's `initial=0`). */
  initial?: 0;
}
