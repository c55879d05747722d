/**
 * The engine: what `init()` returns. Each call validates its arguments, normalises shapes,
 * runs one Backend and shapes the result; nothing here knows which backend runs.
 */
import type { Backend } from "./backend.js";
import { Parallel } from "./parallel/api.js";
import type { WorkerPool } from "./parallel/pool.js";
import { checkAllocArgs, PlainArrays, type ElementType, type ResidentArray } from "./wasm/resident.js";
import * as discrete from "./discrete.js";
import * as labels from "./labels.js";
import { Contingency } from "./contingency.js";
import * as hist from "./histogram.js";
import type {
  AverageOptions,
  BackendName,
  BinaryCrossEntropyOptions,
  ContingencyJSON,
  CumulativeOptions,
  GridOptions,
  Histogram2DInit,
  Histogram2DJSON,
  Histogram2dOptions,
  Histogram2dResult,
  HistogramMiOptions,
  HistogramOptions,
  HistogramResult,
  ClassIndices,
  Labels,
  Matrix,
  MatrixLike,
  MaxEntropyOptions,
  MaxEntropyResult,
  MutualInformationColumnsOptions,
  SoftmaxCrossEntropyOptions,
  Spacing,
  Spacing2d,
  UnitOptions,
  Vector,
} from "./types.js";
import * as gaussian from "./gaussian.js";
import * as grid from "./grid.js";
import * as integrate from "./integrate.js";
import * as mvn from "./mvn.js";
import { differentialEntropy, type DifferentialEntropyOptions } from "./sample-entropy.js";
import * as losses from "./losses.js";
import { maxEntropyDistribution } from "./maxent.js";

type NoReduction = { reduction: "none" };

export class Engine {
  #b: Backend | null;

  constructor(backend: Backend) {
    this.#b = backend;
  }

  /** Which implementation runs: `"wasm-simd" | "wasm" | "js"`. */
  get backend(): BackendName {
    return this.be.name;
  }

  private get be(): Backend {
    if (!this.#b) throw new Error("infowasm: this engine is closed; call init() for a new one");
    return this.#b;
  }

  /** Bytes of WASM memory the engine holds (0 for the js backend); flat across repeated calls. */
  memoryBytes(): number {
    return this.#b ? this.#b.memoryBytes() : 0;
  }

  /** Releases the engine; later calls throw. */
  close(): void {
    this.#pool?.close(); // pending parallel calls reject
    this.#plain?.close();
    this.#b?.close();
    this.#b = null;
  }

  /**
   * Shannon entropy H(p) = −Σ p log p of the normalised weights (0·log 0 = 0), as
   * `scipy.stats.entropy(p)`. Nats unless `base` says otherwise. A matrix gives one value per row.
   */
  entropy(p: Vector, opts?: UnitOptions): number;
  entropy(p: MatrixLike, opts?: UnitOptions): Float64Array;
  entropy(p: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return discrete.entropy(this.be, p, opts);
  }

  /**
   * Cross-entropy H(p, q) = −Σ p log q of the normalised p and q; `Infinity` where q = 0 < p.
   * Equals H(p) + D(p‖q).
   */
  crossEntropy(p: Vector, q: Vector, opts?: UnitOptions): number;
  crossEntropy(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Float64Array;
  crossEntropy(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return discrete.crossEntropy(this.be, p, q, opts);
  }

  /**
   * Kullback–Leibler divergence D(p‖q) = Σ p log(p/q) of the normalised p and q, as
   * `scipy.stats.entropy(p, q)`; `Infinity` where q = 0 < p. Reverse KL is `klDivergence(q, p)`.
   */
  klDivergence(p: Vector, q: Vector, opts?: UnitOptions): number;
  klDivergence(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Float64Array;
  klDivergence(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return discrete.klDivergence(this.be, p, q, opts);
  }

  /** Jensen–Shannon divergence ½D(p‖m) + ½D(q‖m), m = (p + q)/2; symmetric, at most log 2. */
  jsDivergence(p: Vector, q: Vector, opts?: UnitOptions): number;
  jsDivergence(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Float64Array;
  jsDivergence(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return discrete.jsDivergence(this.be, p, q, opts);
  }

  /** Jensen–Shannon distance √jsDivergence, as `scipy.spatial.distance.jensenshannon`. */
  jsDistance(p: Vector, q: Vector, opts?: UnitOptions): number;
  jsDistance(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Float64Array;
  jsDistance(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return discrete.jsDistance(this.be, p, q, opts);
  }

  /** Surprisal −log p(x) of every outcome of the normalised p (`Infinity` where p = 0). */
  surprisal(p: Vector | MatrixLike, opts?: UnitOptions): Float64Array {
    return discrete.surprisal(this.be, p, opts);
  }

  /** Joint entropy H(X, Y) of a joint table (rows index X, columns Y), normalised as a whole. */
  jointEntropy(table: MatrixLike, opts?: UnitOptions): number {
    return discrete.jointEntropy(this.be, table, opts);
  }

  /** Conditional entropy H(Y | X) = H(X, Y) − H(X) of a joint table (rows index X). */
  conditionalEntropy(table: MatrixLike, opts?: UnitOptions): number {
    return discrete.conditionalEntropy(this.be, table, opts);
  }

  /** Mutual information I(X; Y) = D(p(x, y) ‖ p(x)p(y)) of a joint table. */
  mutualInformation(table: MatrixLike, opts?: UnitOptions): number {
    return discrete.mutualInformation(this.be, table, opts);
  }

  // ---- labels ----
  // Every call below takes labels of any kind (`Labels`: integers, negative ones too, strings,
  // booleans; integer typed arrays, BigInt64Array of safe integers, Float64Array/Float32Array of
  // integral values), canonicalised like numpy.unique, so each measure equals scikit-learn's.

  /**
   * Mutual information I(A;B) = Σ p(a,b) log(p(a,b)/(p(a)p(b))) of two label arrays (plug-in,
   * from their contingency table), as `sklearn.metrics.mutual_info_score`. Nats by default.
   */
  mutualInformationLabels(a: Labels, b: Labels, opts?: UnitOptions): number {
    return labels.mutualInformationLabels(this.be, a, b, opts);
  }

  /**
   * Normalised mutual information I(A;B) / mean(H(A), H(B)), mean by `opts.average`
   * ("arithmetic" default, "geometric", "min", "max"), as `sklearn.metrics.normalized_mutual_info_score`
   * (both labelings constant → 1; I = 0 → 0). In [0, 1], unitless.
   */
  normalizedMutualInformation(a: Labels, b: Labels, opts?: AverageOptions): number {
    return labels.normalizedMutualInformation(this.be, a, b, opts);
  }

  /**
   * Adjusted mutual information (I − E[I]) / (mean(H(A), H(B)) − E[I]), E[I] the expected MI of
   * two random labelings with the same cluster sizes (hypergeometric model), as
   * `sklearn.metrics.adjusted_mutual_info_score` (both labelings constant → 1; I = mean(H(A), H(B)),
   * a perfect match, → 1 exactly, where sklearn's 0/0 for all-distinct labels rounds to 0 or 1). Unitless.
   */
  adjustedMutualInformation(a: Labels, b: Labels, opts?: AverageOptions): number {
    return labels.adjustedMutualInformation(this.be, a, b, opts);
  }

  /** Variation of information VI(A, B) = H(A) + H(B) − 2 I(A;B) = H(A|B) + H(B|A), a metric. */
  variationOfInformation(a: Labels, b: Labels, opts?: UnitOptions): number {
    return labels.variationOfInformation(this.be, a, b, opts);
  }

  /** Conditional entropy H(A | B) = H(A, B) − H(B) of the labels `a` given the labels `b` (the second argument conditions). */
  conditionalEntropyLabels(a: Labels, b: Labels, opts?: UnitOptions): number {
    return labels.conditionalEntropyLabels(this.be, a, b, opts);
  }

  /** Conditional mutual information I(X;Y | Z) of three label arrays = I((X,Z); Y) − I(Z; Y). */
  conditionalMutualInformation(x: Labels, y: Labels, z: Labels, opts?: UnitOptions): number {
    return labels.conditionalMutualInformation(this.be, x, y, z, opts);
  }

  /** Entropy H(A) = −Σ p(a) log p(a) of the label frequencies (as `sklearn.metrics.cluster.entropy`). */
  entropyLabels(a: Labels, opts?: UnitOptions): number {
    return labels.entropyLabels(this.be, a, opts);
  }

  /**
   * An empty streaming contingency table on this engine: `update(a, b)` per chunk (labels of any
   * kind, one kind per side across chunks), `merge(other)`, `counts`, `mutualInformation()` and the
   * other label measures, `toJSON()` (round-trips string, boolean and negative labels).
   */
  createContingency(): Contingency {
    return new Contingency(() => this.be);
  }

  /** A streaming contingency table from `Contingency.toJSON()` output. */
  contingencyFromJSON(json: ContingencyJSON): Contingency {
    return Contingency.fromJSON(() => this.be, json);
  }

  // ---- histogram ----

  /**
   * `numpy.histogram(x, bins, range)`: counts[i] = #{edges[i] ≤ x < edges[i+1]} (the last bin
   * also x = edges[n]); samples outside `range` dropped. `bins`: a count (default 10), a NumPy
   * rule ("auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"), `{ quantiles: n }`
   * (equal-frequency edges, `np.quantile(x, np.linspace(0, 1, n + 1))`) or explicit edges (may
   * be ±Infinity). Empty x gives zero counts over [0, 1], as NumPy.
   */
  histogram(x: Vector, opts?: HistogramOptions): HistogramResult {
    return hist.histogram(this.be, x, opts);
  }

  /** `numpy.histogram_bin_edges(x, bins, range)`: the edges `histogram` would use. */
  histogramBinEdges(x: Vector, opts?: HistogramOptions): Float64Array {
    return hist.histogramBinEdges(this.be, x, opts);
  }

  /**
   * `numpy.histogram2d(x, y, bins, range)`: binsX × binsY counts, row-major (rows index x);
   * `bins` one spec for both axes or `[binsX, binsY]` (rules and quantiles per axis).
   */
  histogram2d(x: Vector, y: Vector, opts?: Histogram2dOptions): Histogram2dResult {
    return hist.histogram2d(this.be, x, y, opts);
  }

  /**
   * MI of real samples from their 2-D histogram: I = Σ (c/N) ln(c·N/(r·s)) over non-empty cells
   * (c cell count, r and s its row and column sums, N the pairs in range); with
   * `correction: "miller-madow"` plus ((Kx − 1) + (Ky − 1) − (Kxy − 1))/(2N), K the non-empty
   * bins/cells. Nats unless `base` says otherwise.
   */
  histogramMutualInformation(x: Vector, y: Vector, opts?: HistogramMiOptions): number {
    return hist.histogramMutualInformation(this.be, x, y, opts);
  }

  /**
   * MI between each column of X (rows = samples) and y, one value per column: y labels
   * (of any kind, as the label calls take them) or a real vector binned like the columns (`target`). The histogram
   * counterpart of scikit-learn's mutual_info_classif / mutual_info_regression.
   */
  mutualInformationColumns(X: MatrixLike, y: Labels | Vector, opts?: MutualInformationColumnsOptions): Float64Array {
    return hist.mutualInformationColumns(this.be, X, y, opts);
  }

  /**
   * A streaming 2-D histogram with fixed edges: `update(x, y)` chunk by chunk, `merge(other)`
   * across workers, `mutualInformation()`, `toJSON()`; equal to one `histogram2d` call.
   */
  createHistogram2D(init: Histogram2DInit): hist.Histogram2D {
    return hist.createHistogram2D(() => this.be, init);
  }

  /** Restores a `Histogram2D` from its `toJSON()` form (an object or a JSON string). */
  histogram2DFromJSON(json: Histogram2DJSON | string): hist.Histogram2D {
    return hist.histogram2DFromJSON(() => this.be, json);
  }

  // ---- grids ----

  /**
   * ∫ y by the composite trapezoid rule, as `scipy.integrate.trapezoid`: spacing `{ dx }` or
   * sample points `{ x }` (any finite values: decreasing x gives the negative integral; one
   * point gives 0). A matrix gives one integral per row.
   */
  trapezoid(y: Vector, spacing: Spacing): number;
  trapezoid(y: MatrixLike, spacing: Spacing): Float64Array;
  trapezoid(y: Vector | MatrixLike, spacing: Spacing): number | Float64Array {
    return integrate.trapezoid(this.be, y, spacing);
  }

  /**
   * ∫ y by the composite Simpson rule, as `scipy.integrate.simpson` (SciPy ≥ 1.11 rule for an
   * even number of points: Simpson on the first n − 2 intervals, Cartwright's correction on the last).
   */
  simpson(y: Vector, spacing: Spacing): number;
  simpson(y: MatrixLike, spacing: Spacing): Float64Array;
  simpson(y: Vector | MatrixLike, spacing: Spacing): number | Float64Array {
    return integrate.simpson(this.be, y, spacing);
  }

  /**
   * Running trapezoid integral, as `scipy.integrate.cumulative_trapezoid`: n − 1 values (n with
   * `initial: 0`). A matrix gives a Matrix with one running integral per row.
   */
  cumulativeTrapezoid(y: Vector, spacing: Spacing, opts?: CumulativeOptions): Float64Array;
  cumulativeTrapezoid(y: MatrixLike, spacing: Spacing, opts?: CumulativeOptions): Matrix;
  cumulativeTrapezoid(y: Vector | MatrixLike, spacing: Spacing, opts?: CumulativeOptions): Float64Array | Matrix {
    return integrate.cumulativeTrapezoid(this.be, y, spacing, opts);
  }

  /** ∬ z over a rows×cols grid, iterated trapezoid rule: x (dx) along the columns, y (dy) along the rows. */
  trapezoid2d(z: MatrixLike, spacing: Spacing2d): number {
    return integrate.trapezoid2d(this.be, z, spacing);
  }

  /**
   * Differential entropy h(f) = −∫ f log f of a density sampled on a grid (trapezoid, or Simpson
   * with `method`); `normalize` rescales f to integrate to 1 first; `epsilon` uses log(f + ε).
   */
  differentialEntropyGrid(f: Vector, spacing: Spacing, opts?: GridOptions): number;
  differentialEntropyGrid(f: MatrixLike, spacing: Spacing, opts?: GridOptions): Float64Array;
  differentialEntropyGrid(f: Vector | MatrixLike, spacing: Spacing, opts?: GridOptions): number | Float64Array {
    return grid.differentialEntropyGrid(this.be, f, spacing, opts);
  }

  /** Cross-entropy −∫ f log g on a grid; g one reference vector or a matrix like f; Infinity where g = 0 < f (unless epsilon). */
  crossEntropyGrid(f: Vector, g: Vector, spacing: Spacing, opts?: GridOptions): number;
  crossEntropyGrid(f: MatrixLike, g: Vector | MatrixLike, spacing: Spacing, opts?: GridOptions): Float64Array;
  crossEntropyGrid(f: Vector | MatrixLike, g: Vector | MatrixLike, spacing: Spacing, opts?: GridOptions): number | Float64Array {
    return grid.crossEntropyGrid(this.be, f, g, spacing, opts);
  }

  /** KL divergence ∫ f log(f/g) on a grid; with epsilon ∫ f log((f + ε)/(g + ε)) (seed 004); Infinity where g = 0 < f otherwise. */
  klDivergenceGrid(f: Vector, g: Vector, spacing: Spacing, opts?: GridOptions): number;
  klDivergenceGrid(f: MatrixLike, g: Vector | MatrixLike, spacing: Spacing, opts?: GridOptions): Float64Array;
  klDivergenceGrid(f: Vector | MatrixLike, g: Vector | MatrixLike, spacing: Spacing, opts?: GridOptions): number | Float64Array {
    return grid.klDivergenceGrid(this.be, f, g, spacing, opts);
  }

  /** Jensen–Shannon divergence ½∫ f log(f/m) + ½∫ g log(g/m), m = (f + g)/2, on a grid. */
  jsDivergenceGrid(f: Vector, g: Vector, spacing: Spacing, opts?: Omit<GridOptions, "epsilon">): number;
  jsDivergenceGrid(f: MatrixLike, g: Vector | MatrixLike, spacing: Spacing, opts?: Omit<GridOptions, "epsilon">): Float64Array;
  jsDivergenceGrid(f: Vector | MatrixLike, g: Vector | MatrixLike, spacing: Spacing, opts?: Omit<GridOptions, "epsilon">): number | Float64Array {
    return grid.jsDivergenceGrid(this.be, f, g, spacing, opts);
  }

  // ---- closed forms ----

  /** h(N(μ, σ²)) = ½ log(2πe σ²). */
  gaussianEntropy(sigma: number, opts?: UnitOptions): number {
    return gaussian.gaussianEntropy(sigma, opts);
  }

  /** D(N(μ1, σ1²) ‖ N(μ2, σ2²)) = log(σ2/σ1) + (σ1² + (μ1 − μ2)²)/(2σ2²) − ½. */
  gaussianKl(mu1: number, sigma1: number, mu2: number, sigma2: number, opts?: UnitOptions): number {
    return gaussian.gaussianKl(mu1, sigma1, mu2, sigma2, opts);
  }

  /** h(N(μ, Σ)) = ½ log((2πe)^d det Σ), by Cholesky. */
  mvnEntropy(cov: MatrixLike, opts?: UnitOptions): number {
    return mvn.mvnEntropy(cov, opts);
  }

  /** D(N(μ1, Σ1) ‖ N(μ2, Σ2)) = ½[tr(Σ2⁻¹Σ1) + (μ2 − μ1)ᵀΣ2⁻¹(μ2 − μ1) − d + log(det Σ2/det Σ1)], by Cholesky. */
  mvnKl(mu1: Vector, cov1: MatrixLike, mu2: Vector, cov2: MatrixLike, opts?: UnitOptions): number {
    return mvn.mvnKl(mu1, cov1, mu2, cov2, opts);
  }

  /** I(X; Y) = −½ log(1 − ρ²) of a bivariate normal with correlation ρ. */
  gaussianMutualInformation(rho: number, opts?: UnitOptions): number {
    return gaussian.gaussianMutualInformation(rho, opts);
  }

  /** h(Uniform(a, b)) = log(b − a). */
  uniformEntropy(a: number, b: number, opts?: UnitOptions): number {
    return gaussian.uniformEntropy(a, b, opts);
  }

  /** h(Exponential(λ)) = 1 − log λ. */
  exponentialEntropy(rate: number, opts?: UnitOptions): number {
    return gaussian.exponentialEntropy(rate, opts);
  }

  // ---- differential entropy from samples ----

  /** m-spacing estimate of the differential entropy of samples, as `scipy.stats.differential_entropy`. */
  differentialEntropy(samples: Vector, opts?: DifferentialEntropyOptions): number {
    return differentialEntropy(samples, opts);
  }

  // ---- losses ----

  /**
   * Row-wise log-softmax log softmax(z)_j = z_j − m − ln Σ_k e^(z_k − m), m = max z (stable for
   * any magnitude). Float32 in → Float32Array out, float64 (or number[]) → Float64Array; a matrix
   * gives a matrix of the same shape.
   */
  logSoftmax(logits: Float32Array): Float32Array;
  logSoftmax(logits: Float64Array | readonly number[]): Float64Array;
  logSoftmax(logits: MatrixLike): Matrix;
  logSoftmax(logits: Vector | MatrixLike): Float64Array | Float32Array | Matrix {
    return losses.logSoftmax(this.be, logits) as Float64Array | Float32Array | Matrix;
  }

  /** Row-wise softmax e^(z_j − m) / Σ_k e^(z_k − m), m = max z; same element type and shape as z. */
  softmax(logits: Float32Array): Float32Array;
  softmax(logits: Float64Array | readonly number[]): Float64Array;
  softmax(logits: MatrixLike): Matrix;
  softmax(logits: Vector | MatrixLike): Float64Array | Float32Array | Matrix {
    return losses.softmax(this.be, logits) as Float64Array | Float32Array | Matrix;
  }

  /**
   * Softmax cross-entropy −Σ_j t_j log softmax(z)_j per row of logits z (computed as
   * (m − z_y) + ln Σ e^(z − m), finite for any finite logits), t the one-hot vector of an integer
   * label (`labels`: one class index in [0, K) per row) or a row of soft targets (a matrix of
   * probabilities, same shape). `labelSmoothing` ε: t → (1 − ε)·t + ε/K. `reduction`: "mean"
   * (default) over rows, "sum", or "none" (Float64Array per row). Nats unless `base` says otherwise.
   */
  softmaxCrossEntropy(logits: Vector | MatrixLike, labels: ClassIndices | number | Vector | MatrixLike, opts: SoftmaxCrossEntropyOptions & NoReduction): Float64Array;
  softmaxCrossEntropy(logits: Vector | MatrixLike, labels: ClassIndices | number | Vector | MatrixLike, opts?: SoftmaxCrossEntropyOptions): number;
  softmaxCrossEntropy(logits: Vector | MatrixLike, labels: ClassIndices | number | Vector | MatrixLike, opts?: SoftmaxCrossEntropyOptions): number | Float64Array {
    return losses.softmaxCrossEntropy(this.be, logits, labels, opts);
  }

  /**
   * Binary cross-entropy mean −[y ln p + (1 − y) ln(1 − p)] over all elements (y in [0, 1]); p is
   * clipped to [ε, 1 − ε], ε = machine epsilon of p's type (float64 2.22e-16, float32 1.19e-7), as
   * scikit-learn's log_loss (≥ 1.5), so p = 0 or 1 gives a large finite loss, never NaN.
   * `fromLogits`: p holds logits z, ℓ = max(z, 0) − z·y + ln(1 + e^−|z|) (stable). `sampleWeight`
   * weights elements; `reduction` "mean" | "sum" | "none" (Float64Array per element).
   */
  binaryCrossEntropy(y: Vector | MatrixLike, p: Vector | MatrixLike, opts: BinaryCrossEntropyOptions & NoReduction): Float64Array;
  binaryCrossEntropy(y: Vector | MatrixLike, p: Vector | MatrixLike, opts?: BinaryCrossEntropyOptions): number;
  binaryCrossEntropy(y: Vector | MatrixLike, p: Vector | MatrixLike, opts?: BinaryCrossEntropyOptions): number | Float64Array {
    return losses.binaryCrossEntropy(this.be, y, p, opts);
  }

  /**
   * Perplexity b^(−mean log_b p) of log-probabilities taken in base b (`base`, default e: the
   * same number whatever the base, as long as it is the one the log-probs were taken in).
   * −Infinity (p = 0) gives Infinity. A matrix gives one perplexity per row.
   */
  perplexity(logProbs: Vector, opts?: UnitOptions): number;
  perplexity(logProbs: MatrixLike, opts?: UnitOptions): Float64Array;
  perplexity(logProbs: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return losses.perplexity(this.be, logProbs, opts);
  }

  /** Perplexity exp(mean softmax cross-entropy in nats) of the labels under the logits. */
  perplexityFromLogits(logits: Vector | MatrixLike, labels: ClassIndices | number | Vector | MatrixLike): number {
    return losses.perplexityFromLogits(this.be, logits, labels);
  }

  /**
   * KL divergence D(N(μ, diag e^v) ‖ N(0, I)) = −½ Σ (1 + v − μ² − e^v), v = log-variance (the VAE
   * regulariser), computed without cancellation near v = 0. Vectors → number, matrices → per row.
   */
  gaussianKlToStandard(mu: Vector, logVar: Vector, opts?: UnitOptions): number;
  gaussianKlToStandard(mu: MatrixLike, logVar: MatrixLike, opts?: UnitOptions): Float64Array;
  gaussianKlToStandard(mu: Vector | MatrixLike, logVar: Vector | MatrixLike, opts?: UnitOptions): number | Float64Array {
    return losses.gaussianKlToStandard(this.be, mu, logVar, opts);
  }

  /**
   * InfoNCE lower bound I(X; Y) ≥ ln K − CE from a K×K critic score matrix (positives on the
   * diagonal; CE = mean over rows i of the softmax cross-entropy with label i). It saturates at
   * ln K: however strong the dependence, a batch of K certifies at most ln K nats.
   */
  infoNceBound(scores: MatrixLike, opts?: UnitOptions): number {
    return losses.infoNceBound(this.be, scores, opts);
  }

  /** The Gibbs distribution p(x) ∝ e^(λx) of maximum entropy on `values` with mean `opts.mean`. */
  maxEntropyDistribution(values: Vector, opts: MaxEntropyOptions): MaxEntropyResult {
    return maxEntropyDistribution(values, opts);
  }

  /** Entropy of the class frequencies of `labels` (of any kind, as `entropyLabels`): the risk of the best constant model. */
  baselineEntropy(labels: Labels, opts?: UnitOptions): number {
    return losses.baselineEntropy(this.be, labels, opts);
  }

  // ---- parallel & zero-copy (src/parallel/, src/wasm/resident.ts) ----

  #pool: WorkerPool | null = null;
  #parallel?: Parallel;
  #plain?: PlainArrays;

  /** @internal Gives the engine its worker pool (init({ threads })); closed with the engine. */
  attachPool(pool: WorkerPool): void {
    this.#pool = pool;
  }

  /**
   * The async API: `await it.parallel.entropy(P)` and the other batched calls, split across the
   * worker pool of `init({ threads })` (on the calling thread when there is no pool or the input
   * is small). Same arguments and results as the synchronous calls.
   */
  get parallel(): Parallel {
    this.#parallel ??= new Parallel(() => this, () => this.be, () => this.#pool);
    return this.#parallel;
  }

  /**
   * A zero-copy input array of n elements living in WASM memory: fill it, pass it to any call,
   * and the kernels read it in place. Valid until `release(view)` or until WASM memory grows
   * (a later allocate(), or the first call needing a larger table, may grow it): a view that
   * was released or detached by growth throws when used; `reattach(view)` gives a live view of
   * the same data. On the js backend: an ordinary array with the same rules.
   */
  allocate(n: number, type: "f32"): Float32Array;
  allocate(n: number, type?: "f64"): Float64Array;
  allocate(n: number, type: "f64" | "f32"): Float64Array | Float32Array;
  allocate(n: number, type: ElementType = "f64"): ResidentArray {
    const t = checkAllocArgs(n, type);
    const heap = this.be.resident;
    if (heap) return heap.allocate(n, t);
    this.#plain ??= new PlainArrays();
    return this.#plain.allocate(n, t);
  }

  /** Frees an array from allocate(); using it (or any view of it) afterwards throws. */
  release(view: Float64Array | Float32Array): void {
    const heap = this.be.resident;
    if (heap) heap.release(view);
    else (this.#plain ??= new PlainArrays()).release(view);
  }

  /** A live view of the same block as `view` (after memory growth detached it); contents are kept. */
  reattach<T extends Float64Array | Float32Array>(view: T): T {
    const heap = this.be.resident;
    return (heap ? heap.reattach(view) : (this.#plain ??= new PlainArrays()).reattach(view)) as T;
  }
}
