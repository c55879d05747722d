/**
 * Information measures of label arrays (discrete samples), as scikit-learn's clustering metrics:
 * labels of any kind → codes (src/label-codes.ts, numpy.unique order) → one counting pass into a contingency table (backend) → the measure from the table
 * (src/contingency.ts). Quantities with units are in nats unless `base` says otherwise; NMI and
 * AMI are ratios, without units.
 */
import type { Backend } from "./backend.js";
import {
  countTable,
  labelTable,
  marginalEntropy,
  tableAMI,
  tableConditionalEntropy,
  tableMI,
  tableNMI,
  tableVI,
} from "./contingency.js";
import type { AverageOptions, UnitOptions } from "./types.js";
import { lnBase } from "./units.js";
import { labelCodes, labelCodesAll, type LabelCodes } from "./validate.js";

/** I(A;B) = Σ p(a,b) ln(p(a,b)/(p(a)p(b))), = sklearn.metrics.mutual_info_score (nats). */
export function mutualInformationLabels(b: Backend, a: unknown, c: unknown, opts: UnitOptions = {}): number {
  const fn = "mutualInformationLabels";
  const k = lnBase(opts.base, fn);
  return tableMI(labelTable(b, fn, a, c)) / k;
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

/** H(A) = Σ (n_a/N) ln(N/n_a) of the label frequencies (= sklearn.metrics.cluster.entropy). */
export function entropyLabels(b: Backend, a: unknown, opts: UnitOptions = {}): number {
  return labelFrequencyEntropy(b, "entropyLabels", "a", a, opts);
}

/** H of the frequencies of labels `x` (argument `name` of `fn`), in the unit of opts.base. */
export function labelFrequencyEntropy(b: Backend, fn: string, name: string, x: unknown, opts: UnitOptions = {}): number {
  const k = lnBase(opts.base, fn);
  const X = labelCodes(fn, name, x, b);
  const t = countTable(b, X, { codes: new Uint32Array(X.codes.length), max: 0, kind: "number", offset: 0, values: null });
  return marginalEntropy(t.rowSums, t.n) / k;
}

/**
 * Codes of the joint variable (X, Z): u[i] = u[j] exactly when (x[i], z[i]) = (x[j], z[j]).
 * x·(maxZ+1) + z when that fits 32 bits; else ranks of x and z among their distinct codes
 * combined the same way, or numbered through a Map when even those do not fit.
 */
function jointLabels(b: Backend, X: LabelCodes, Z: LabelCodes): LabelCodes {
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
  const ids = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = rank(t.rowLabels, x[i] >>> 0) * C + rank(t.colLabels, z[i] >>> 0);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    u[i] = id;
  }
  return joint(ids.size - 1);
}

/**
 * I(X;Y|Z) = Σ p(x,y,z) ln(p(z)p(x,y,z)/(p(x,z)p(y,z))), from the chain rule
 * I(X;Y|Z) = I((X,Z); Y) − I(Z; Y), clamped at 0.
 */
export function conditionalMutualInformation(b: Backend, x: unknown, y: unknown, z: unknown, opts: UnitOptions = {}): number {
  const fn = "conditionalMutualInformation";
  const k = lnBase(opts.base, fn);
  const [X, Y, Z] = labelCodesAll(fn, ["x", "y", "z"], [x, y, z], b);
  const iXZY = tableMI(countTable(b, jointLabels(b, X, Z), Y));
  const iZY = tableMI(countTable(b, Z, Y));
  return Math.max(0, iXZY - iZY) / k;
}
