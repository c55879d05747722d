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

/** How a loss over a batch is reduced: the mean (default), the sum, or one value per row / element. */
export type Reduction = "mean" | "sum" | "none";

export interface SoftmaxCrossEntropyOptions extends UnitOptions {
  /** `"mean"` (default) over rows, `"sum"`, or `"none"` (a Float64Array, one loss per row). */
  reduction?: Reduction;
  /** ε in [0, 1]: the target becomes (1 − ε)·target + ε/K (as `torch.nn.CrossEntropyLoss`). */
  labelSmoothing?: number;
}

export interface BinaryCrossEntropyOptions extends UnitOptions {
  /** `"mean"` (default) over elements, `"sum"`, or `"none"` (a Float64Array, one loss per element). */
  reduction?: Reduction;
  /** `p` holds logits z (any finite reals) instead of probabilities: computed in the stable softplus form. */
  fromLogits?: boolean;
  /** Non-negative weights, one per element: "mean" becomes Σ wℓ / Σ w, "sum" Σ wℓ, "none" w·ℓ. */
  sampleWeight?: Vector;
}

export interface MaxEntropyOptions extends UnitOptions {
  /** The required mean Σ p(x)·x, strictly between min(values) and max(values). */
  mean: number;
}

/** The maximum-entropy (Gibbs) distribution p(x) = e^(λx) / Z(λ) meeting a mean constraint. */
export interface MaxEntropyResult {
  /** p(x) for each of the values, in their order. */
  p: Float64Array;
  /** The Lagrange multiplier λ (natural-log scale, whatever `base` says). */
  lambda: number;
  /** H(p) in the requested base. */
  entropy: number;
}
