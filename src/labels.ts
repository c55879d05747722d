/**
 * Information measures of label arrays (discrete samples), as scikit-learn's clustering metrics:
 * labels of any kind → codes (src/label-codes.ts, numpy.unique order) → one counting pass into a contingency table (backend) → the measure from the table
 * (src/contingency.ts). Quantities with units are in nats unless `base` says otherwise; NMI and
 * AMI are ratios, without units.
 */
import type { Backend } from "./backend.js";
import {
  Contingency,
  countTable,
  labelTable,
  marginalEntropy,
  tableAMI,
  tableConditionalEntropy,
  tableMI,
  tableMIEstimate,
  countsEntropy,
  tableNMI,
  tableVI,
} from "./contingency.js";
import type { AverageOptions, ContingencyJSON, EntropyLabelsOptions, EstimatorOptions, Labels, UnitOptions } from "./types.js";
import { binsArg, estimatorArg } from "./estimators.js";
import { firstAppearanceIds } from "./js/labels.js";
import { lnBase } from "./units.js";
import { labelCodes, labelCodesAll, type LabelCodes } from "./validate.js";
import { backendOf } from "./facade.js";

/**
 * I(A;B) = Σ p(a,b) ln(p(a,b)/(p(a)p(b))), = sklearn.metrics.mutual_info_score (nats); with an
 * `estimator` (or `correction`), Ĥ(A) + Ĥ(B) − Ĥ(A, B) (src/contingency.ts tableMIEstimate).
 */
export function mutualInformationLabels(b: Backend, a: unknown, c: unknown, opts: UnitOptions & EstimatorOptions = {}): number {
  const fn = "mutualInformationLabels";
  const k = lnBase(opts.base, fn);
  const estimator = estimatorArg(fn, opts);
  return tableMIEstimate(b, labelTable(b, fn, a, c), estimator) / k;
}

/** I(A;B) / mean(H(A), H(B)), = sklearn.metrics.normalized_mutual_info_score. */
export function normalizedMutualInformation(b: Backend, a: unknown, c: unknown, opts?: AverageOptions): number {
  const fn = "normalizedMutualInformation";
  return tableNMI(fn, labelTable(b, fn, a, c), opts);
}

/** (I − E[I]) / (mean(H(A), H(B)) − E[I]), = sklearn.metrics.adjusted_mutual_info_score. */
export function adjustedMutualInformation(b: Backend, a: unknown, c: unknown, opts?: AverageOptions): number {
  const fn = "adjustedMutualInformation";
  return tableAMI(fn, b, labelTable(b, fn, a, c), opts);
}

/** VI(A, B) = H(A) + H(B) − 2 I(A;B) = H(A|B) + H(B|A): a metric on labelings. */
export function variationOfInformation(b: Backend, a: unknown, c: unknown, opts: UnitOptions = {}): number {
  const fn = "variationOfInformation";
  const k = lnBase(opts.base, fn);
  return tableVI(labelTable(b, fn, a, c)) / k;
}

/** H(A | B) = H(A, B) − H(B): the entropy of the first labels given the second. */
export function conditionalEntropyLabels(b: Backend, a: unknown, given: unknown, opts: UnitOptions = {}): number {
  const fn = "conditionalEntropyLabels";
  const k = lnBase(opts.base, fn);
  return tableConditionalEntropy(labelTable(b, fn, a, given, ["a", "b"]), "col") / k;
}

/**
 * H(A) = Σ (n_a/N) ln(N/n_a) of the label frequencies (= sklearn.metrics.cluster.entropy), or the
 * estimate by `estimator` (or `correction`) from the label counts, over an alphabet of
 * K = `bins` (default: the distinct labels).
 */
export function entropyLabels(b: Backend, a: unknown, opts: EntropyLabelsOptions = {}): number {
  const fn = "entropyLabels";
  const estimator = estimatorArg(fn, opts);
  if (estimator === "plugin" && opts.bins === undefined) return labelFrequencyEntropy(b, fn, "a", a, opts);
  const k = lnBase(opts.base, fn);
  const counts = labelCounts(b, fn, "a", a).rowSums;
  const K = binsArg(fn, opts.bins, counts.length, "the number of distinct labels");
  return countsEntropy(b, fn, counts, estimator, K) / k;
}

/** H of the frequencies of labels `x` (argument `name` of `fn`), in the unit of opts.base. */
export function labelFrequencyEntropy(b: Backend, fn: string, name: string, x: unknown, opts: UnitOptions = {}): number {
  const k = lnBase(opts.base, fn);
  const t = labelCounts(b, fn, name, x);
  return marginalEntropy(t.rowSums, t.n) / k;
}

/** The count of each distinct label of `x` (argument `name` of `fn`), in numpy.unique order (rowSums), and their total n. */
function labelCounts(b: Backend, fn: string, name: string, x: unknown): { rowSums: Float64Array; n: number } {
  const X = labelCodes(fn, name, x, b);
  return countTable(b, X, { codes: new Uint32Array(X.codes.length), max: 0, kind: "number", offset: 0, values: null });
}

/**
 * Codes of the joint variable (X, Z): u[i] = u[j] exactly when (x[i], z[i]) = (x[j], z[j]).
 * x·(maxZ+1) + z when that fits 32 bits; else ranks of x and z among their distinct codes
 * combined the same way, or numbered through a Map when even those do not fit.
 */
export function jointLabels(b: Backend, X: LabelCodes, Z: LabelCodes): LabelCodes {
  const { codes: x, max: maxX } = X;
  const { codes: z, max: maxZ } = Z;
  const n = x.length;
  const u = new Uint32Array(n);
  const joint = (max: number): LabelCodes => ({ codes: u, max, kind: "number", offset: 0, values: null });
  if ((maxX + 1) * (maxZ + 1) <= 2 ** 32) {
    const C = maxZ + 1;
    for (let i = 0; i < n; i++) u[i] = (x[i] >>> 0) * C + (z[i] >>> 0);
    return joint((maxX + 1) * C - 1);
  }
  const t = countTable(b, X, Z);
  const rank = (labels: Uint32Array, v: number) => {
    let lo = 0, hi = labels.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (labels[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const C = t.colLabels.length;
  if (t.rowLabels.length * C <= 2 ** 32) {
    for (let i = 0; i < n; i++) u[i] = rank(t.rowLabels, x[i] >>> 0) * C + rank(t.colLabels, z[i] >>> 0);
    return joint(t.rowLabels.length * C - 1);
  }
  const first = firstAppearanceIds(n, (i) => rank(t.rowLabels, x[i] >>> 0) * C + rank(t.colLabels, z[i] >>> 0), u);
  return joint(first.length - 1);
}

/**
 * I(X;Y|Z) = Σ p(x,y,z) ln(p(z)p(x,y,z)/(p(x,z)p(y,z))), from the chain rule
 * I(X;Y|Z) = I((X,Z); Y) − I(Z; Y), clamped at 0.
 */
export function conditionalMutualInformation(b: Backend, x: unknown, y: unknown, z: unknown, opts: UnitOptions = {}): number {
  const fn = "conditionalMutualInformation";
  const k = lnBase(opts.base, fn);
  const [X, Y, Z] = labelCodesAll(fn, ["x", "y", "z"], [x, y, z], b);
  return codesCMI(b, X, Y, Z) / k;
}

/** I(X;Y|Z) in nats of three coded label arrays: I((X,Z); Y) − I(Z; Y), clamped at 0. */
export function codesCMI(b: Backend, X: LabelCodes, Y: LabelCodes, Z: LabelCodes): number {
  const iXZY = tableMI(countTable(b, jointLabels(b, X, Z), Y));
  const iZY = tableMI(countTable(b, Z, Y));
  return Math.max(0, iXZY - iZY);
}

/**
 * Label arrays and streaming contingency tables. Every call takes labels of any kind (`Labels`:
 * integers, negative ones too, strings, booleans; integer typed arrays, BigInt64Array of safe
 * integers, Float64Array/Float32Array of integral values), canonicalised like numpy.unique, so
 * each measure equals scikit-learn's. The engine's public methods of this family, installed on
 * Engine by src/engine.ts (see src/facade.ts).
 */
export abstract class LabelMethods {
  /** @internal */
  declare readonly [backendOf]: () => Backend;

  /**
   * Mutual information I(A;B) = Σ p(a,b) log(p(a,b)/(p(a)p(b))) of two label arrays (plug-in,
   * from their contingency table), as `sklearn.metrics.mutual_info_score`. Nats by default.
   * `estimator` (src/estimators.ts) gives Ĥ(A) + Ĥ(B) − Ĥ(A, B) instead, each entropy by that
   * estimator with K = the distinct labels of a, of b, and their product (not clipped at 0);
   * `correction: "miller-madow"` is `estimator: "miller-madow"`.
   */
  mutualInformationLabels(a: Labels, b: Labels, opts?: UnitOptions & EstimatorOptions): number {
    return mutualInformationLabels(this[backendOf](), a, b, opts);
  }

  /**
   * Normalised mutual information I(A;B) / mean(H(A), H(B)), mean by `opts.average`
   * ("arithmetic" default, "geometric", "min", "max"), as `sklearn.metrics.normalized_mutual_info_score`
   * (both labelings constant → 1; I = 0 → 0). In [0, 1], unitless.
   */
  normalizedMutualInformation(a: Labels, b: Labels, opts?: AverageOptions): number {
    return normalizedMutualInformation(this[backendOf](), a, b, opts);
  }

  /**
   * Adjusted mutual information (I − E[I]) / (mean(H(A), H(B)) − E[I]), E[I] the expected MI of
   * two random labelings with the same cluster sizes (hypergeometric model), as
   * `sklearn.metrics.adjusted_mutual_info_score` (both labelings constant → 1; I = mean(H(A), H(B)),
   * a perfect match, → 1 exactly, where sklearn's 0/0 for all-distinct labels rounds to 0 or 1). Unitless.
   */
  adjustedMutualInformation(a: Labels, b: Labels, opts?: AverageOptions): number {
    return adjustedMutualInformation(this[backendOf](), a, b, opts);
  }

  /** Variation of information VI(A, B) = H(A) + H(B) − 2 I(A;B) = H(A|B) + H(B|A), a metric. */
  variationOfInformation(a: Labels, b: Labels, opts?: UnitOptions): number {
    return variationOfInformation(this[backendOf](), a, b, opts);
  }

  /** Conditional entropy H(A | B) = H(A, B) − H(B) of the labels `a` given the labels `b` (the second argument conditions). */
  conditionalEntropyLabels(a: Labels, b: Labels, opts?: UnitOptions): number {
    return conditionalEntropyLabels(this[backendOf](), a, b, opts);
  }

  /** Conditional mutual information I(X;Y | Z) of three label arrays = I((X,Z); Y) − I(Z; Y). */
  conditionalMutualInformation(x: Labels, y: Labels, z: Labels, opts?: UnitOptions): number {
    return conditionalMutualInformation(this[backendOf](), x, y, z, opts);
  }

  /**
   * Entropy H(A) = −Σ p(a) log p(a) of the label frequencies (as `sklearn.metrics.cluster.entropy`);
   * `estimator` (src/estimators.ts: "miller-madow", "grassberger", "chao-shen", "james-stein",
   * "jackknife", "nsb") estimates it from the label counts instead, over K = `bins` symbols
   * (default: the distinct labels seen).
   */
  entropyLabels(a: Labels, opts?: EntropyLabelsOptions): number {
    return entropyLabels(this[backendOf](), a, opts);
  }

  /**
   * An empty streaming contingency table on this engine: `update(a, b)` per chunk (labels of any
   * kind, one kind per side across chunks), `merge(other)`, `counts`, `mutualInformation()` and the
   * other label measures, `toJSON()` (round-trips string, boolean and negative labels).
   */
  createContingency(): Contingency {
    return new Contingency(() => this[backendOf]());
  }

  /** A streaming contingency table from `Contingency.toJSON()` output. */
  contingencyFromJSON(json: ContingencyJSON): Contingency {
    return Contingency.fromJSON(() => this[backendOf](), json);
  }
}
