/**
 * The engine: what `init()` returns. Each call validates its arguments, normalises shapes,
 * runs one Backend and shapes the result; nothing here knows which backend runs.
 */
import type { Backend } from "./backend.js";
import * as discrete from "./discrete.js";
import * as losses from "./losses.js";
import { maxEntropyDistribution } from "./maxent.js";
import type {
  BackendName,
  BinaryCrossEntropyOptions,
  Labels,
  Matrix,
  MatrixLike,
  MaxEntropyOptions,
  MaxEntropyResult,
  SoftmaxCrossEntropyOptions,
  UnitOptions,
  Vector,
} from "./types.js";

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
  softmaxCrossEntropy(logits: Vector | MatrixLike, labels: Labels | number | Vector | MatrixLike, opts: SoftmaxCrossEntropyOptions & NoReduction): Float64Array;
  softmaxCrossEntropy(logits: Vector | MatrixLike, labels: Labels | number | Vector | MatrixLike, opts?: SoftmaxCrossEntropyOptions): number;
  softmaxCrossEntropy(logits: Vector | MatrixLike, labels: Labels | number | Vector | MatrixLike, opts?: SoftmaxCrossEntropyOptions): number | Float64Array {
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
  perplexityFromLogits(logits: Vector | MatrixLike, labels: Labels | number | Vector | MatrixLike): number {
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

  /** Entropy of the class frequencies of `labels`: the risk of the best constant model. */
  baselineEntropy(labels: Labels, opts?: UnitOptions): number {
    return losses.baselineEntropy(this.be, labels, opts);
  }
}
