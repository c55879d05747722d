/**
 * Decision-tree splits: the best threshold of a real feature for a class target, as the root split
 * of `sklearn.tree.DecisionTreeClassifier(max_depth=1)` fitted on that one feature.
 *
 * Candidate thresholds lie midway between consecutive distinct values (a/2 + b/2 in float64, or a
 * when that rounds to b: scikit-learn's _splitter.pyx rule); the left side is x ≤ threshold. Each
 * candidate is scored by the impurity decrease
 *   gain = I(parent) − (n_L/n)·I(left) − (n_R/n)·I(right),
 * with I the entropy H = −Σ p_k log p_k (`criterion: "entropy"`, the default; in `base`, nats by
 * default — scikit-learn reports bits) or the Gini impurity G = 1 − Σ p_k² (`"gini"`; no unit),
 * p_k the class fractions of the side. Of equal gains the smallest threshold wins.
 * (Breiman, Friedman, Olshen & Stone 1984, Classification and Regression Trees, ch. 4; Quinlan
 * 1986, Induction of decision trees, Machine Learning 1, 81–106, for the entropy criterion.)
 *
 * The kernel (src/backend.ts TreeKernels; src/js/trees.ts, assembly/trees.ts) sorts each column
 * once and sweeps it once with O(1) work per sample; it returns the split and the left side's
 * class counts, and the impurities and gain are computed here from counts, once for every backend.
 */
import type { Backend } from "./backend.js";
import { backendOf } from "./facade.js";
import { denseCodes, labelCodes } from "./label-codes.js";
import type { Labels, MatrixLike, UnitOptions, Vector } from "./types.js";
import { lnBaseOf } from "./units.js";
import { batchArg, choiceOption, describe, nonFiniteError } from "./validate.js";

/** The impurity measure of a split. */
export type SplitCriterion = "entropy" | "gini";

export interface BestSplitOptions extends UnitOptions {
  /** `"entropy"` (default; information gain, in `base`) or `"gini"` (Gini impurity; `base` does not apply). */
  criterion?: SplitCriterion;
}

/** The best split of one feature. */
export interface BestSplit {
  /** The left side is x ≤ threshold. */
  threshold: number;
  /** I(parent) − (n_L/n)·I(left) − (n_R/n)·I(right) (≥ 0; clipped at 0 against rounding). */
  gain: number;
  /** I(left): entropy in `base` or Gini impurity of the samples with x ≤ threshold. */
  impurityLeft: number;
  /** I(right) of the samples with x > threshold. */
  impurityRight: number;
  /** n_L. */
  countLeft: number;
  /** n_R = n − n_L. */
  countRight: number;
}

/** How much a boundary's score must exceed the best so far to win, relative to the score's scale. */
const TIE = 1e-13;

/**
 * Impurity of class counts counts[at … at + k) totalling m: entropy Σ (c/m) ln(m/c) in nats, or
 * Gini 1 − Σ (c/m)².
 */
function impurity(counts: Float64Array, at: number, k: number, m: number, gini: boolean): number {
  let s = 0;
  if (gini) {
    for (let c = at; c < at + k; c++) s += counts[c] * counts[c];
    return 1 - s / (m * m);
  }
  for (let c = at; c < at + k; c++) if (counts[c] > 0) s += counts[c] * Math.log(m / counts[c]);
  return s / m;
}

/**
 * The best threshold of each column of x (a vector: one feature; a matrix `{ data, rows: n,
 * cols: d }`: d features, one sample per row) for the class labels (any kind, as
 * mutualInformationLabels). One BestSplit, or an array of d (column order).
 */
export function bestSplit(be: Backend, x: Vector | MatrixLike, labels: Labels, opts?: BestSplitOptions): BestSplit | BestSplit[] {
  const fn = "bestSplit";
  const criterion = choiceOption(fn, "criterion", opts?.criterion, ["entropy", "gini"] as const, "entropy");
  const gini = criterion === "gini";
  if (gini && opts?.base !== undefined)
    throw new TypeError(`${fn}: base applies to criterion "entropy" only (the Gini impurity has no unit), got base ${describe(opts.base)}`);
  const unit = lnBaseOf(opts, fn);
  const B = batchArg(fn, "x", x);
  const data = B.data instanceof Float64Array ? B.data : Float64Array.from(B.data);
  const vector = B.vector;
  const [n, d] = vector ? [B.cols, 1] : [B.rows, B.cols];
  const L = labelCodes(fn, "labels", labels, be);
  if (L.codes.length !== n) throw new RangeError(`${fn}: x has ${n} samples but labels has ${L.codes.length}`);
  const { idx, k, counts: parent } = denseCodes(L);
  // score table t[i] = i ln i (entropy) or i² (Gini), and the tie tolerance on the score's scale
  const table = new Float64Array(n + 1);
  for (let i = 1; i <= n; i++) table[i] = gini ? i * i : i * Math.log(i);
  const tol = TIE * Math.max(1, gini ? n : table[n]);
  const raw = be.bestSplitColumns(data, n, d, idx, k, table, gini ? 1 : 0, tol, 0, d);
  const width = 2 + k;
  const iParent = impurity(parent, 0, k, n, gini);
  const right = new Float64Array(k);
  const out: BestSplit[] = [];
  // a column where the kernel met NaN or ±Infinity: name the first such element of x
  for (let c = 0; c < d; c++) if (raw[c * width + 1] < 0) throw nonFiniteError(fn, "x", data, vector ? 0 : d);
  for (let c = 0; c < d; c++) {
    const o = c * width;
    const nL = raw[o + 1];
    if (nL === 0) {
      const where = vector ? "x" : `column ${c} of x`;
      throw new RangeError(`${fn}: ${where} has a single distinct value (${data[c]}); there is no threshold to split at`);
    }
    const nR = n - nL;
    for (let j = 0; j < k; j++) right[j] = parent[j] - raw[o + 2 + j];
    const iL = impurity(raw, o + 2, k, nL, gini);
    const iR = impurity(right, 0, k, nR, gini);
    const gain = Math.max(0, iParent - (nL / n) * iL - (nR / n) * iR);
    const u = gini ? 1 : unit;
    out.push({ threshold: raw[o], gain: gain / u, impurityLeft: iL / u, impurityRight: iR / u, countLeft: nL, countRight: nR });
  }
  return vector ? out[0] : out;
}

/**
 * The decision-tree splits. The engine's public methods of this family, installed on Engine by
 * src/engine.ts (see src/facade.ts).
 */
export abstract class TreeMethods {
  declare readonly [backendOf]: () => Backend;

  /**
   * The best threshold of a real feature for a class target, = the root split of
   * `sklearn.tree.DecisionTreeClassifier(max_depth=1, criterion)` fitted on that feature alone:
   * thresholds midway between consecutive distinct values, left side x ≤ threshold,
   * gain = I(parent) − (n_L/n)·I(left) − (n_R/n)·I(right) with I the entropy (default, in `base`,
   * nats unless told; scikit-learn reports bits) or the Gini impurity (`criterion: "gini"`); of
   * equal gains the smallest threshold. A vector x gives one BestSplit; a matrix
   * `{ data, rows: n, cols: d }` (one sample per row) gives an array of d, one per column.
   * Labels of any kind. A feature with a single distinct value is a RangeError.
   */
  bestSplit(x: Vector, labels: Labels, opts?: BestSplitOptions): BestSplit;
  bestSplit(x: MatrixLike, labels: Labels, opts?: BestSplitOptions): BestSplit[];
  bestSplit(x: Vector | MatrixLike, labels: Labels, opts?: BestSplitOptions): BestSplit | BestSplit[];
  bestSplit(x: Vector | MatrixLike, labels: Labels, opts?: BestSplitOptions): BestSplit | BestSplit[] {
    return bestSplit(this[backendOf](), x, labels, opts);
  }
}
