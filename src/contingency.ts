/**
 * Contingency tables of two labelings in canonical form (present labels only, ascending; cells
 * row-major), the sums every label measure is finished from, merging, and the streaming,
 * mergeable `Contingency` state. A table of N pairs with row sums r_i, column sums c_j and
 * cells n_ij gives, in nats (p = n/N):
 *   H(A)   = Σ_i (r_i/N) ln(N/r_i)          H(B) likewise
 *   I(A;B) = Σ_ij (n_ij/N) ln(N n_ij/(r_i c_j))      (= sklearn.metrics.mutual_info_score)
 *   H(A|B) = Σ_ij (n_ij/N) ln(c_j/n_ij)     H(B|A) = Σ_ij (n_ij/N) ln(r_i/n_ij)
 * each a sum of non-negative terms (no cancellation), accumulated in a pairwise cascade.
 */
import type { Backend, RawContingency } from "./backend.js";
import { Cascade, SUM } from "./cascade.js";
import { compareLabels, labelOf } from "./label-codes.js";
import type { AverageMethod, AverageOptions, ContingencyCounts, ContingencyJSON, EntropyEstimator, EstimatorOptions, LabelValue, UnitOptions } from "./types.js";
import { entropyEstimate, estimatorArg, miEstimate } from "./estimators.js";
import { lnBase } from "./units.js";
import { describe, labelCodes, labelCodesAll, type LabelCodes } from "./validate.js";
import { lowerBound } from "./sorted.js";

/**
 * A canonical table: labels ascending (numpy.unique order), cells row-major. The one-call
 * measures count label codes (L = Uint32Array); the streaming state keeps the label values.
 */
export interface ContingencyTable<L extends ArrayLike<unknown> = Uint32Array> {
  n: number;
  rowLabels: L;
  colLabels: L;
  rowSums: Float64Array;
  colSums: Float64Array;
  cellRow: Int32Array;
  cellCol: Int32Array;
  cellCount: Float64Array;
}

const EMPTY_TABLE: ContingencyTable<LabelValue[]> = {
  n: 0,
  rowLabels: [],
  colLabels: [],
  rowSums: new Float64Array(0),
  colSums: new Float64Array(0),
  cellRow: new Int32Array(0),
  cellCol: new Int32Array(0),
  cellCount: new Float64Array(0),
};

/** Ids with a nonzero sum, renumbered in ascending label order: [labels, sums, new index of each old id (−1 if dropped)]. */
function compact(labels: Uint32Array, sums: Float64Array, sorted: boolean): [Uint32Array, Float64Array, Int32Array] {
  const remap = new Int32Array(sums.length).fill(-1);
  let m = 0;
  for (let i = 0; i < sums.length; i++) if (sums[i] > 0) m++;
  const outLabels = new Uint32Array(m);
  const outSums = new Float64Array(m);
  if (sorted) {
    for (let i = 0, k = 0; i < sums.length; i++)
      if (sums[i] > 0) {
        remap[i] = k;
        outLabels[k] = labels[i];
        outSums[k++] = sums[i];
      }
    return [outLabels, outSums, remap];
  }
  for (let i = 0, k = 0; i < sums.length; i++) if (sums[i] > 0) outLabels[k++] = labels[i];
  outLabels.sort();
  for (let i = 0; i < sums.length; i++) {
    if (!(sums[i] > 0)) continue;
    const j = lowerBound(outLabels, labels[i]);
    remap[i] = j;
    outSums[j] = sums[i];
  }
  return [outLabels, outSums, remap];
}


/** Stable counting sort of cell indices `order` by key[cell] ∈ [0, buckets). */
function sortBy(order: Int32Array, key: Int32Array, buckets: number): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < order.length; i++) start[key[order[i]] + 1]++;
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const out = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) out[start[key[order[i]]]++] = order[i];
  return out;
}

/** The canonical table of a kernel's raw contingency. */
export function canonical(raw: RawContingency): ContingencyTable {
  const [rowLabels, rowSums, rowMap] = compact(raw.rowLabels, raw.rowSums, raw.sorted);
  const [colLabels, colSums, colMap] = compact(raw.colLabels, raw.colSums, raw.sorted);
  const k = raw.cellCount.length;
  const cellRow = new Int32Array(k);
  const cellCol = new Int32Array(k);
  for (let i = 0; i < k; i++) {
    cellRow[i] = rowMap[raw.cellRow[i]];
    cellCol[i] = colMap[raw.cellCol[i]];
  }
  let n = 0;
  for (let i = 0; i < rowSums.length; i++) n += rowSums[i];
  if (raw.sorted) return { n, rowLabels, colLabels, rowSums, colSums, cellRow, cellCol, cellCount: raw.cellCount };
  // row-major order: by column, then stably by row
  const order = sortBy(sortBy(Int32Array.from({ length: k }, (_, i) => i), cellCol, colLabels.length), cellRow, rowLabels.length);
  const cellCount = new Float64Array(k);
  const r = new Int32Array(k);
  const c = new Int32Array(k);
  for (let i = 0; i < k; i++) {
    const o = order[i];
    r[i] = cellRow[o];
    c[i] = cellCol[o];
    cellCount[i] = raw.cellCount[o];
  }
  return { n, rowLabels, colLabels, rowSums, colSums, cellRow: r, cellCol: c, cellCount };
}

/** Any table, whatever its labels are (the measures only count them). */
type Table = ContingencyTable<ArrayLike<unknown>>;

/** The table of two equal-length arrays of label codes (src/label-codes.ts). */
export function countTable(b: Backend, x: LabelCodes, y: LabelCodes): ContingencyTable {
  return canonical(b.countPairs(x.codes, y.codes, x.max, y.max));
}

/** Canonicalises two label arrays and counts their table. */
export function labelTable(b: Backend, fn: string, a: unknown, c: unknown, names: [string, string] = ["a", "b"]): ContingencyTable {
  const [x, y] = labelCodesAll(fn, names, [a, c], b);
  return countTable(b, x, y);
}

/** A table of codes with its labels replaced by the label values they stand for (still ascending). */
function withValues(t: ContingencyTable, x: LabelCodes, y: LabelCodes): ContingencyTable<LabelValue[]> {
  return { ...t, rowLabels: Array.from(t.rowLabels, (c) => labelOf(x, c)), colLabels: Array.from(t.colLabels, (c) => labelOf(y, c)) };
}

/** Union of two ascending label lists (numpy order): the union and each list's index map into it. */
function unionLabels<V>(x: ArrayLike<V>, y: ArrayLike<V>, cmp: (a: V, b: V) => number): [V[], Int32Array, Int32Array] {
  const u: V[] = [];
  const mx = new Int32Array(x.length);
  const my = new Int32Array(y.length);
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    const d = i >= x.length ? 1 : j >= y.length ? -1 : cmp(x[i], y[j]);
    if (d < 0) {
      mx[i++] = u.length;
      u.push(x[i - 1]);
    } else if (d > 0) {
      my[j++] = u.length;
      u.push(y[j - 1]);
    } else {
      mx[i++] = u.length;
      my[j++] = u.length;
      u.push(x[i - 1]);
    }
  }
  return [u, mx, my];
}

/** The table of the union of two tables' pairs (counts added), in O(cells + labels). */
function mergeTables(s: ContingencyTable<LabelValue[]>, t: ContingencyTable<LabelValue[]>): ContingencyTable<LabelValue[]> {
  if (s.n === 0) return t;
  if (t.n === 0) return s;
  const [rowLabels, rs, rt] = unionLabels(s.rowLabels, t.rowLabels, compareLabels);
  const [colLabels, cs, ct] = unionLabels(s.colLabels, t.colLabels, compareLabels);
  const rowSums = new Float64Array(rowLabels.length);
  const colSums = new Float64Array(colLabels.length);
  s.rowSums.forEach((v, i) => (rowSums[rs[i]] += v));
  t.rowSums.forEach((v, i) => (rowSums[rt[i]] += v));
  s.colSums.forEach((v, i) => (colSums[cs[i]] += v));
  t.colSums.forEach((v, i) => (colSums[ct[i]] += v));
  const cap = s.cellCount.length + t.cellCount.length;
  const cellRow = new Int32Array(cap);
  const cellCol = new Int32Array(cap);
  const cellCount = new Float64Array(cap);
  let i = 0;
  let j = 0;
  let k = 0;
  const C = colLabels.length;
  while (i < s.cellCount.length || j < t.cellCount.length) {
    const ks = i < s.cellCount.length ? rs[s.cellRow[i]] * C + cs[s.cellCol[i]] : Infinity;
    const kt = j < t.cellCount.length ? rt[t.cellRow[j]] * C + ct[t.cellCol[j]] : Infinity;
    const key = Math.min(ks, kt);
    let v = 0;
    if (ks === key) v += s.cellCount[i++];
    if (kt === key) v += t.cellCount[j++];
    cellRow[k] = Math.floor(key / C);
    cellCol[k] = key - cellRow[k] * C;
    cellCount[k++] = v;
  }
  return {
    n: s.n + t.n,
    rowLabels,
    colLabels,
    rowSums,
    colSums,
    cellRow: cellRow.slice(0, k),
    cellCol: cellCol.slice(0, k),
    cellCount: cellCount.slice(0, k),
  };
}

// ---- finishing sums ----

const BLOCK = 1024;

/** Σ_i f(x_i) in blocks of BLOCK, blocks combined pairwise. */
function blockSum(m: number, f: (i: number) => number): number {
  const cascade = new Cascade([SUM]);
  const part = new Float64Array(1);
  for (let i0 = 0; i0 < m; i0 += BLOCK) {
    let s = 0;
    for (let i = i0, i1 = Math.min(i0 + BLOCK, m); i < i1; i++) s += f(i);
    part[0] = s;
    cascade.push(part);
  }
  cascade.result(part);
  return part[0];
}

/** Entropy (nats) of marginal sums totalling N: Σ (s/N) ln(N/s). */
export function marginalEntropy(sums: Float64Array, N: number): number {
  return sums.length <= 1 ? 0 : blockSum(sums.length, (i) => sums[i] * Math.log(N / sums[i])) / N;
}

/** I(A;B) in nats (0 exactly when either side has one label). */
export function tableMI(t: Table): number {
  if (t.rowLabels.length <= 1 || t.colLabels.length <= 1) return 0;
  const { n: N, rowSums: r, colSums: c, cellRow, cellCol, cellCount: v } = t;
  const s = blockSum(v.length, (k) => v[k] * Math.log((v[k] * N) / (r[cellRow[k]] * c[cellCol[k]])));
  return Math.max(0, s / N);
}

/**
 * I(A;B) in nats by an entropy estimator (src/estimators.ts): "plugin" is tableMI;
 * "miller-madow" is tableMI + ((R − 1) + (C − 1) − (cells − 1))/(2N), the three Miller–Madow terms
 * (R, C the labels present, cells the nonzero cells), without the cancellation of three entropies;
 * the others Ĥ(A) + Ĥ(B) − Ĥ(A, B) with K = R, C and R·C (empty cells included), not clipped at 0.
 */
export function tableMIEstimate(b: Backend, t: Table, estimator: EntropyEstimator): number {
  if (estimator === "plugin") return tableMI(t);
  const R = t.rowLabels.length;
  const C = t.colLabels.length;
  if (estimator === "miller-madow") return tableMI(t) + (R - 1 + (C - 1) - (t.cellCount.length - 1)) / (2 * t.n);
  return miEstimate(b, t.rowSums, t.colSums, t.cellCount, estimator, { rows: R, cols: C });
}

/** Ĥ (nats) of one vector of positive counts by `estimator` over an alphabet of K ≥ counts.length (errors name `fn`). */
export function countsEntropy(b: Backend, fn: string, counts: Float64Array, estimator: EntropyEstimator, K: number): number {
  if (estimator === "plugin") return marginalEntropy(counts, sumOf(counts));
  return entropyEstimate(b, counts, estimator, K, fn);
}

function sumOf(x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return s;
}

/** H(A|B) (given = "col") or H(B|A) (given = "row") in nats. */
export function tableConditionalEntropy(t: Table, given: "row" | "col"): number {
  const { n: N, cellCount: v } = t;
  const m = given === "col" ? t.colSums : t.rowSums;
  const idx = given === "col" ? t.cellCol : t.cellRow;
  return Math.max(0, blockSum(v.length, (k) => v[k] * Math.log(m[idx[k]] / v[k])) / N);
}

/** Variation of information H(A|B) + H(B|A) = Σ (n/N) ln(r c / n²), nats. */
export function tableVI(t: Table): number {
  const { n: N, rowSums: r, colSums: c, cellRow, cellCol, cellCount: v } = t;
  return Math.max(0, blockSum(v.length, (k) => v[k] * (Math.log(r[cellRow[k]] / v[k]) + Math.log(c[cellCol[k]] / v[k]))) / N);
}

/** Distinct values of integer sums with their multiplicities. */
function distinct(sums: Float64Array): [Float64Array, Float64Array] {
  const s = Float64Array.from(sums).sort();
  const vals: number[] = [];
  const mult: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && s[i] === s[i - 1]) mult[mult.length - 1]++;
    else {
      vals.push(s[i]);
      mult.push(1);
    }
  }
  return [Float64Array.from(vals), Float64Array.from(mult)];
}

/** Expected MI (nats) under the hypergeometric model (sklearn's expected_mutual_information); 0 when either side has one label. */
export function tableEMI(b: Backend, t: Table): number {
  if (t.rowLabels.length <= 1 || t.colLabels.length <= 1) return 0;
  const [a, ma] = distinct(t.rowSums);
  const [c, mc] = distinct(t.colSums);
  return b.expectedMI(a, ma, c, mc, t.n);
}

const AVERAGES: readonly AverageMethod[] = ["arithmetic", "geometric", "min", "max"];

/** sklearn's _generalized_average of the two entropies. */
export function generalizedAverage(fn: string, hA: number, hB: number, opts: AverageOptions | undefined): number {
  const m = opts?.average ?? "arithmetic";
  switch (m) {
    case "arithmetic":
      return 0.5 * (hA + hB);
    case "geometric":
      return Math.sqrt(hA * hB);
    case "min":
      return Math.min(hA, hB);
    case "max":
      return Math.max(hA, hB);
    default:
      throw new RangeError(`${fn}: average must be ${AVERAGES.map((s) => `"${s}"`).join(" | ")}, got ${describe(m)}`);
  }
}

/** NMI = I / mean(H(A), H(B)) with sklearn's limit cases: both single-label → 1, I = 0 → 0. */
export function tableNMI(fn: string, t: Table, opts?: AverageOptions): number {
  generalizedAverage(fn, 0, 0, opts);
  if (t.rowLabels.length === 1 && t.colLabels.length === 1) return 1;
  const mi = tableMI(t);
  if (mi === 0) return 0;
  return mi / generalizedAverage(fn, marginalEntropy(t.rowSums, t.n), marginalEntropy(t.colSums, t.n), opts);
}

/**
 * Whether I(A;B) equals the generalised mean of H(A), H(B) exactly, read off the table's shape (both
 * labelings with ≥ 2 labels): every row holding one cell means A determines B (I = H(B)), every
 * column one cell B determines A (I = H(A)); the mean `min` is attained by either, the others need
 * both (the same partition).
 */
function miIsMean(t: Table, method: AverageMethod): boolean {
  const R = t.rowLabels.length;
  const C = t.colLabels.length;
  if (R < 2 || C < 2) return false;
  const k = t.cellCount.length;
  return method === "min" ? k === R || k === C : k === R && k === C;
}

/**
 * AMI = (I − E[I]) / (mean(H(A), H(B)) − E[I]) with sklearn's limit cases and denominator guard.
 * When I = mean(H(A), H(B)) (a perfect match, see miIsMean) the value is 1 exactly: sklearn
 * computes (I − E[I]) / (I − E[I]) there, which is 0/0 when E[I] = I too (all labels distinct) and
 * then gives 0 or 1 by rounding (n = 2, 4: 0; n = 3, 5: 1); we return the limit 1.
 */
export function tableAMI(fn: string, b: Backend, t: Table, opts?: AverageOptions): number {
  generalizedAverage(fn, 0, 0, opts);
  if (t.rowLabels.length === 1 && t.colLabels.length === 1) return 1;
  if (miIsMean(t, opts?.average ?? "arithmetic")) return 1;
  const mi = tableMI(t);
  const emi = tableEMI(b, t);
  const avg = generalizedAverage(fn, marginalEntropy(t.rowSums, t.n), marginalEntropy(t.colSums, t.n), opts);
  let den = avg - emi;
  den = den < 0 ? Math.min(den, -Number.EPSILON) : Math.max(den, Number.EPSILON);
  return (mi - emi) / den;
}

// ---- streaming state ----

/**
 * A contingency table built over chunks: `update(a, b)` counts a chunk of label pairs,
 * `merge(other)` adds another table's counts (from other chunks, workers or machines, via
 * `toJSON()` / `fromJSON()`). Any split of the data gives exactly the one-call counts, and so
 * exactly the one-call measures.
 */
export class Contingency {
  #t: ContingencyTable<LabelValue[]> = EMPTY_TABLE;
  /** The kind of each side's labels ("number", "string", "boolean"), fixed by the first pairs counted. */
  #kinds: [LabelCodes["kind"] | null, LabelCodes["kind"] | null] = [null, null];

  /** `backend()` is the owning engine's backend (it throws once the engine is closed). */
  constructor(private readonly backend: () => Backend) {}

  /** Adds a table of `kinds` labels, after checking the kinds match this one's. */
  #add(fn: string, t: ContingencyTable<LabelValue[]>, kinds: readonly [LabelCodes["kind"] | null, LabelCodes["kind"] | null]): void {
    ["a", "b"].forEach((side, i) => {
      const mine = this.#kinds[i];
      const theirs = kinds[i];
      if (mine !== null && theirs !== null && mine !== theirs)
        throw new TypeError(`${fn}: the ${side} labels are ${theirs}s, but this table's ${side} labels are ${mine}s; labels must all have one type`);
    });
    if (t.n === 0) return;
    this.#t = mergeTables(this.#t, t);
    this.#kinds = [this.#kinds[0] ?? kinds[0], this.#kinds[1] ?? kinds[1]];
  }

  /** Counts the pairs (a[i], b[i]) of one chunk (labels of any kind, as the label calls take); returns this. */
  update(a: unknown, b: unknown): this {
    const fn = "Contingency.update";
    const be = this.backend();
    const [A, B] = labelCodesAll(fn, ["a", "b"], [a, b], be);
    this.#add(fn, withValues(countTable(be, A, B), A, B), [A.kind, B.kind]);
    return this;
  }

  /** Adds the counts of another table (a Contingency or its toJSON()); returns this. */
  merge(other: Contingency | ContingencyJSON): this {
    const o = other instanceof Contingency ? other : Contingency.fromJSON(this.backend, other);
    this.#add("Contingency.merge", o.#t, o.#kinds);
    return this;
  }

  /** Number of pairs counted. */
  get n(): number {
    return this.#t.n;
  }

  /**
   * The nonzero cells sorted by (a, b) in numpy.unique order. A side's labels come back as a
   * Uint32Array when every one is an integer in [0, 2^32), else as an array of the label values.
   */
  get counts(): ContingencyCounts {
    const t = this.#t;
    const side = (labels: LabelValue[], idx: Int32Array) => {
      const u32 = labels.every((v) => typeof v === "number" && v >= 0 && v <= 0xffffffff);
      return u32 ? Uint32Array.from(idx, (r) => labels[r] as number) : Array.from(idx, (r) => labels[r]);
    };
    return { a: side(t.rowLabels, t.cellRow), b: side(t.colLabels, t.cellCol), count: t.cellCount.slice(), n: t.n };
  }

  #table(fn: string): ContingencyTable<LabelValue[]> {
    this.backend();
    if (this.#t.n === 0) throw new RangeError(`Contingency.${fn}: the table is empty; update() it with label pairs first`);
    return this.#t;
  }

  /**
   * I(A;B) of the counted pairs (= sklearn.metrics.mutual_info_score), nats unless `base` says
   * otherwise; `estimator` (src/estimators.ts, default "plugin"): Ĥ(A) + Ĥ(B) − Ĥ(A, B) with
   * K = the labels present on each side and their product, not clipped at 0.
   */
  mutualInformation(opts: UnitOptions & EstimatorOptions = {}): number {
    const fn = "Contingency.mutualInformation";
    const k = lnBase(opts.base, fn);
    const estimator = estimatorArg(fn, opts);
    return tableMIEstimate(this.backend(), this.#table("mutualInformation"), estimator) / k;
  }

  /** Normalised mutual information (sklearn's normalized_mutual_info_score). */
  normalizedMutualInformation(opts?: AverageOptions): number {
    return tableNMI("Contingency.normalizedMutualInformation", this.#table("normalizedMutualInformation"), opts);
  }

  /** Adjusted mutual information (sklearn's adjusted_mutual_info_score). */
  adjustedMutualInformation(opts?: AverageOptions): number {
    return tableAMI("Contingency.adjustedMutualInformation", this.backend(), this.#table("adjustedMutualInformation"), opts);
  }

  /** Variation of information H(A|B) + H(B|A). */
  variationOfInformation(opts: UnitOptions = {}): number {
    const k = lnBase(opts.base, "Contingency.variationOfInformation");
    return tableVI(this.#table("variationOfInformation")) / k;
  }

  /** H(A|B): entropy of the first labels given the second. */
  conditionalEntropy(opts: UnitOptions = {}): number {
    const k = lnBase(opts.base, "Contingency.conditionalEntropy");
    return tableConditionalEntropy(this.#table("conditionalEntropy"), "col") / k;
  }

  /**
   * { a: H(A), b: H(B), joint: H(A, B) }; `estimator` (default "plugin") with K = the labels present
   * on each side (R, C) and R·C for the joint (empty cells included).
   */
  entropies(opts: UnitOptions & EstimatorOptions = {}): { a: number; b: number; joint: number } {
    const fn = "Contingency.entropies";
    const k = lnBase(opts.base, fn);
    const estimator = estimatorArg(fn, opts);
    const t = this.#table("entropies");
    if (estimator === "plugin") return { a: marginalEntropy(t.rowSums, t.n) / k, b: marginalEntropy(t.colSums, t.n) / k, joint: marginalEntropy(t.cellCount, t.n) / k };
    const be = this.backend();
    const R = t.rowLabels.length;
    const C = t.colLabels.length;
    return {
      a: countsEntropy(be, fn, t.rowSums, estimator, R) / k,
      b: countsEntropy(be, fn, t.colSums, estimator, C) / k,
      joint: countsEntropy(be, fn, t.cellCount, estimator, R * C) / k,
    };
  }

  /** Plain-JSON counts: the nonzero cells sorted by (a, b), with their label values (numbers, strings or booleans). */
  toJSON(): ContingencyJSON {
    const c = this.counts;
    return { type: "infowasm.contingency", version: 1, a: Array.from(c.a) as ContingencyJSON["a"], b: Array.from(c.b) as ContingencyJSON["b"], count: Array.from(c.count) };
  }

  /** A table from toJSON() output (validated: labels as every label call takes them, counts positive integers). */
  static fromJSON(backend: () => Backend, json: ContingencyJSON): Contingency {
    const fn = "Contingency.fromJSON";
    if (typeof json !== "object" || json === null || json.type !== "infowasm.contingency" || json.version !== 1)
      throw new TypeError(`${fn}: expected the output of Contingency.toJSON() ({ type: "infowasm.contingency", version: 1, … }), got ${describe(json)}`);
    const { a, b, count } = json;
    if (!Array.isArray(a) || !Array.isArray(b) || !Array.isArray(count)) throw new TypeError(`${fn}: a, b and count must be arrays`);
    if (a.length !== b.length || a.length !== count.length)
      throw new RangeError(`${fn}: a, b and count must have equal lengths, got ${a.length}, ${b.length}, ${count.length}`);
    const out = new Contingency(backend);
    if (a.length === 0) return out;
    const A = labelCodes(fn, "a", a);
    const B = labelCodes(fn, "b", b);
    for (let i = 0; i < count.length; i++) {
      const v = count[i];
      if (!(typeof v === "number" && Number.isSafeInteger(v) && v > 0)) throw new RangeError(`${fn}: count[${i}] is ${String(v)}; counts must be positive integers`);
    }
    out.#t = withValues(tableFromCells(A.codes, B.codes, count), A, B);
    out.#kinds = [A.kind, B.kind];
    return out;
  }
}

/** The canonical table of cells (a[k], b[k], count[k]) in any order, duplicates added. */
function tableFromCells(a: ArrayLike<number>, b: ArrayLike<number>, count: readonly number[]): ContingencyTable {
  const m = a.length;
  let order = Array.from({ length: m }, (_, i) => i);
  const less = (i: number, j: number) => a[i] < a[j] || (a[i] === a[j] && b[i] < b[j]);
  let sorted = true;
  for (let i = 1; i < m && sorted; i++) if (!less(order[i - 1], order[i])) sorted = false;
  if (!sorted) order = order.sort((i, j) => a[i] - a[j] || b[i] - b[j]);
  const rowLabels = Uint32Array.from(new Set(order.map((i) => a[i])));
  const colLabels = Uint32Array.from(new Set(Array.from(b))).sort();
  const rowSums = new Float64Array(rowLabels.length);
  const colSums = new Float64Array(colLabels.length);
  const cellRow: number[] = [];
  const cellCol: number[] = [];
  const cellCount: number[] = [];
  let n = 0;
  for (let k = 0; k < m; k++) {
    const i = order[k];
    const r = lowerBound(rowLabels, a[i]);
    const c = lowerBound(colLabels, b[i]);
    const last = cellCount.length - 1;
    if (last >= 0 && cellRow[last] === r && cellCol[last] === c) cellCount[last] += count[i];
    else {
      cellRow.push(r);
      cellCol.push(c);
      cellCount.push(count[i]);
    }
    rowSums[r] += count[i];
    colSums[c] += count[i];
    n += count[i];
  }
  return { n, rowLabels, colLabels, rowSums, colSums, cellRow: Int32Array.from(cellRow), cellCol: Int32Array.from(cellCol), cellCount: Float64Array.from(cellCount) };
}
