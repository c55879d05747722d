/** Public data shapes of infowasm (see API.md). */

/** A vector of weights or samples. */
export type Vector = Float64Array | Float32Array | readonly number[] | IntegerTypedArray | ArrowVectorLike | ArrayLike<number>;

/**
 * Integer typed arrays, read as numbers (BigInt64Array/BigUint64Array: each value a safe integer).
 * A vector argument given as one is copied into a Float64Array.
 */
export type IntegerTypedArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array;

/**
 * An Apache Arrow `Vector` (apache-arrow's class satisfies it; infowasm does not depend on it):
 * a numeric one (Float64/Float32 in one chunk: zero-copy; integers; several chunks: one copy)
 * as a vector, a Utf8/Bool/Dictionary one as labels. A null is an error, never skipped.
 */
export interface ArrowVectorLike {
  readonly type: { readonly typeId: number };
  readonly data: readonly object[];
  readonly length: number;
}

/** A row-major matrix: a batch of `rows` vectors of length `cols`. */
export interface Matrix {
  data: Float64Array | Float32Array;
  rows: number;
  cols: number;
}

/** Anything a batched call accepts: a matrix, or nested arrays of equal length. */
export type MatrixLike = Matrix | readonly (readonly number[])[];

/**
 * Labels of any kind: integers (negative ones too, e.g. DBSCAN's −1 for noise), strings or
 * booleans, as `number[] | string[] | boolean[]`, any integer typed array (`BigInt64Array` /
 * `BigUint64Array` of safe integers) or a `Float64Array`/`Float32Array` of integral values.
 * Canonicalised like `numpy.unique` (sorted distinct values); −0 and 0 are one label. An Apache
 * Arrow vector (Utf8, Dictionary, Bool, integer) or a `{ length, [i] }` array-like is read as its values.
 */
export type Labels =
  | readonly number[]
  | readonly string[]
  | readonly boolean[]
  | readonly bigint[]
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | Float64Array
  | Float32Array
  | ArrowVectorLike
  | ArrayLike<LabelValue>;

/** One label value as the label calls report it back (BigInts as numbers). */
export type LabelValue = number | string | boolean;

/** Class indices in [0, K) (softmaxCrossEntropy: they index the logit columns). */
export type ClassIndices = Int32Array | Uint32Array | readonly number[];

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
  /**
   * Worker threads for `it.parallel` (src/parallel/): a count, or `"auto"` (the machine's
   * available parallelism). Default: none (every call on the calling thread).
   */
  threads?: number | "auto";
  /** Share inputs that are in a SharedArrayBuffer with the workers where the runtime allows it (default true); false: copy and transfer them like any other input. */
  sharedMemory?: boolean;
  /**
   * The single-thread WASM build to run, supplied by the caller instead of the embedded copy:
   * for runtimes that forbid compiling WebAssembly from bytes (Cloudflare Workers, Vercel Edge:
   * pass the imported module), or to fetch the file with the HTTP cache. Which build it must be
   * follows the backend: `"wasm-simd"` → `infowasm-simd.wasm`, `"wasm"` → `infowasm.wasm`,
   * `"auto"` → the SIMD one where the runtime validates WebAssembly SIMD (every current browser,
   * Node, Deno, Bun, workerd), else the baseline one. Ignored with `backend: "js"`. Both files
   * ship in the package (`infowasm/infowasm-simd.wasm`, `infowasm/infowasm.wasm`). The worker
   * pool (`threads`) still uses its embedded shared-memory builds.
   */
  wasm?: WasmSource | PromiseLike<WasmSource>;
}

/**
 * Where `init({ wasm })` gets the WASM build: a compiled module, the file's bytes, a URL of the
 * file (fetched; `file:` URLs are read from disk in Node), or a fetch Response of it.
 */
export type WasmSource = WebAssembly.Module | ArrayBuffer | Uint8Array | URL | string | Response;

/** How NMI and AMI average the two entropies (sklearn's `average_method`). */
export type AverageMethod = "arithmetic" | "geometric" | "min" | "max";

/** Options of normalizedMutualInformation / adjustedMutualInformation. */
export interface AverageOptions {
  /** Generalised mean of H(A) and H(B) in the denominator: `"arithmetic"` (default), `"geometric"`, `"min"`, `"max"`. */
  average?: AverageMethod;
}

/** The nonzero cells of a contingency table, sorted by (a, b): `count[k]` pairs had labels `(a[k], b[k])`. */
export interface ContingencyCounts {
  /** The first labels: a Uint32Array when every one is an integer in [0, 2^32), else an array of the label values (numbers, strings or booleans). */
  a: Uint32Array | readonly LabelValue[];
  /** The second labels, likewise. */
  b: Uint32Array | readonly LabelValue[];
  count: Float64Array;
  /** Total number of pairs counted. */
  n: number;
}

/** The serialised form of a streaming contingency table (`Contingency.toJSON()`), plain JSON. */
export interface ContingencyJSON {
  type: "infowasm.contingency";
  version: 1;
  /** Labels of the cells (numbers, strings or booleans, one kind per side). */
  a: number[] | string[] | boolean[];
  b: number[] | string[] | boolean[];
  count: number[];
}

/** A NumPy bin rule (`numpy.histogram_bin_edges`): the number of equal-width bins from the data. */
export type BinRule = "auto" | "fd" | "doane" | "scott" | "stone" | "rice" | "sturges" | "sqrt";

/**
 * How one axis is binned: a number of equal-width bins (a positive integer), a NumPy rule,
 * `{ quantiles: n }` for n equal-frequency bins (edges `np.quantile(x, np.linspace(0, 1, n + 1))`),
 * or explicit non-decreasing edges (`Float64Array` or `number[]` of length ≥ 2; in 2-D a plain
 * array of length 2 means `[binsX, binsY]`, as in NumPy).
 */
export type AxisBins = number | BinRule | { quantiles: number } | Float64Array | readonly number[];

/** `[min, max]` of an axis: samples outside are dropped (NumPy `range`). */
export type Range = readonly [number, number];

export interface HistogramOptions {
  /** Default 10, as NumPy. */
  bins?: AxisBins;
  range?: Range;
}

export interface Histogram2dOptions {
  /** One spec for both axes, or `[binsX, binsY]`. Default 10. */
  bins?: AxisBins | readonly [AxisBins, AxisBins];
  range?: readonly [Range, Range];
}

export interface HistogramResult {
  /** counts[i]: samples with edges[i] ≤ x < edges[i+1] (the last bin also x = edges[n]). */
  counts: Float64Array;
  edges: Float64Array;
}

export interface Histogram2dResult {
  /** binsX × binsY counts, row-major: counts[i·binsY + j] (rows index x, as NumPy's H[i, j]). */
  counts: Float64Array;
  edgesX: Float64Array;
  edgesY: Float64Array;
  binsX: number;
  binsY: number;
}

/** Bias correction of the plug-in MI: `"none"`, or Miller–Madow (each entropy + (K − 1)/(2N)). */
export type MiCorrection = "none" | "miller-madow";

/**
 * An entropy estimator from counts (src/estimators.ts): `"plugin"` (maximum likelihood),
 * `"miller-madow"`, `"grassberger"` (2003), `"chao-shen"` (2003), `"james-stein"` (Hausser &
 * Strimmer 2009 shrinkage), `"jackknife"` (Zahl 1977), `"nsb"` (Nemenman–Shafee–Bialek 2002).
 */
export type EntropyEstimator = "plugin" | "miller-madow" | "grassberger" | "chao-shen" | "james-stein" | "jackknife" | "nsb";

/**
 * The `estimator` option of the MI and entropy calls on counts: MI = Ĥ(A) + Ĥ(B) − Ĥ(A, B), each
 * entropy by the estimator (not clipped at 0 unless `"plugin"`); `correction: "miller-madow"` is
 * the same as `estimator: "miller-madow"` (`"none"` as `"plugin"`); the two must not disagree.
 */
export interface EstimatorOptions {
  estimator?: EntropyEstimator;
  correction?: MiCorrection;
}

/** Options of `entropyCounts`. */
export interface EntropyCountsOptions extends UnitOptions {
  /** The estimator (default `"plugin"`). */
  estimator?: EntropyEstimator;
  /**
   * K, the alphabet size: an integer ≥ the number of counts per row (default that number; the
   * extra bins are empty). Used by `"nsb"` and `"james-stein"`; the others do not change with
   * empty bins.
   */
  bins?: number;
}

/** Options of `entropyNsb`. */
export interface EntropyNsbOptions extends UnitOptions {
  /** K, the alphabet size (as in `entropyCounts`). */
  bins?: number;
}

/** Options of `entropyLabels`: an estimator, and the alphabet size K ≥ the distinct labels (default: their number). */
export interface EntropyLabelsOptions extends UnitOptions, EstimatorOptions {
  bins?: number;
}

/** NSB posterior mean and standard deviation of the entropy (in the unit of `base`). */
export interface NsbResult {
  entropy: number;
  sd: number;
}

/** `entropyNsb` of a matrix: one mean and one sd per row. */
export interface NsbBatchResult {
  entropy: Float64Array;
  sd: Float64Array;
}

export interface HistogramMiOptions extends Histogram2dOptions, UnitOptions {
  correction?: MiCorrection;
  /** The entropy estimator (src/estimators.ts); K = binsX, binsY and binsX·binsY. */
  estimator?: EntropyEstimator;
}

export interface MutualInformationColumnsOptions extends UnitOptions {
  /** How every column of X is binned (each column on its own range unless `range` is given). Default 10. */
  bins?: AxisBins;
  /** One range for every column. */
  range?: Range;
  /** `"labels"`: y holds class labels (non-negative integers); `"real"`: y is binned with `yBins`/`yRange`. Default: `"real"` for a Float64Array/Float32Array, else `"labels"`. */
  target?: "labels" | "real";
  /** Binning of a real y (default: `bins`). */
  yBins?: AxisBins;
  yRange?: Range;
  correction?: MiCorrection;
  /** The entropy estimator of each column's MI (K = the column's bins, the classes or y bins, and their product). */
  estimator?: EntropyEstimator;
}

/** The state of a streaming 2-D histogram: fixed edges per axis. */
export interface Histogram2DInit {
  /** A positive integer (then `rangeX` is required) or explicit edges. */
  binsX: number | Float64Array | readonly number[];
  binsY: number | Float64Array | readonly number[];
  rangeX?: Range;
  rangeY?: Range;
}

/** `Histogram2D.toJSON()`: plain numbers, exact (JSON keeps every float64 bit). */
export interface Histogram2DJSON {
  format: "infowasm.histogram2d";
  version: 1;
  edgesX: number[];
  edgesY: number[];
  /** Whether the axis has equal-width (linspace) edges. */
  uniformX: boolean;
  uniformY: boolean;
  counts: number[];
}

// ---- grids ----

/**
 * Grid spacing: uniform `{ dx }`, or the sample points `{ x }` (one per column). Integration takes
 * any finite dx and x (as SciPy); the grid densities need dx > 0 and strictly increasing x.
 */
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
