/**
 * Information dynamics of time series: transfer entropy, active information storage and entropy
 * rate (Schreiber 2000; Lizier, Prokopenko & Zomaya 2012), plug-in estimates from counts of the
 * embedded histories. Nats unless `base` says otherwise.
 *
 *   T_{X→Y} = I(Y_t ; X_{t−lag−l+1 … t−lag} | Y_{t−k … t−1})     t = max(k, lag + l − 1) … n − 1
 *   A_X     = I(X_t ; X_{t−k … t−1})                              t = k … n − 1
 *   h_X     = H(X_t | X_{t−k … t−1})                              t = k … n − 1
 *
 * A method ("discrete": label series; "bins": real series, each binned on its own [min, max] into
 * `bins` equal-width bins by NumPy's histogram rule) codes each series once into codes
 * 0 … R − 1, R the largest alphabet of the call (stored as bytes when R ≤ 256); one backend kernel
 * (`historyCounts`, split by ranges of pairs across the worker pool) then counts the states
 * (y_t, y_past, x_past) of many (target, source) pairs into dense tables of R^(1+k+l) cells, and
 * each quantity is finished here from Σ c ln c of the joint table and its marginals (exact
 * integer counts: the same bits on every backend). When R^(1+k+l) is too large for a dense table,
 * each history is a joint variable of shifted views of its series (src/labels.ts jointLabels) and
 * the quantity a label CMI / MI. "knn" (real series, raw values): Frenzel–Pompe TE and KSG AIS on
 * the embedded vectors with the kNN family's search (src/dynamics-knn.ts).
 *
 * Significance: transferEntropyTest shuffles the source histories x_past across t while
 * (y_t, y_past) stay in place (JIDT's surrogates), with the MI tests' permutation kernel: the pairs
 * sorted by (y_past, y_t), the source-history codes shuffled once per permutation and summed per
 * (y_past, y_t) row and per y_past row (the same shuffle: it does not depend on the rows), so that
 * N·T_perm = Σ g[c(y_t, y_p, x_p)] − Σ g[c(y_p, x_p)] − Σ g[c(y_t, y_p)] + Σ g[c(y_p)], g[c] = c ln c.
 */
import { DENSE_CELLS, type Backend } from "./backend.js";
import { countTable, tableConditionalEntropy, tableMI } from "./contingency.js";
import { backendOf } from "./facade.js";
import { axisBinner } from "./histogram.js";
import { knnMethod } from "./dynamics-knn.js";
import { firstStep, historyCells } from "./js/dynamics.js";
import { denseCodes, labelCodesHinted, type LabelCodes } from "./label-codes.js";
import { codesCMI, jointLabels } from "./labels.js";
import { logTable, permutationPValue, permutationsArg, TIE, xLogX, type IndependenceTest, type PermutationOptions } from "./resampling.js";
import { Random } from "./random.js";
import type { Labels, Matrix, UnitOptions, Vector } from "./types.js";
import { lnBase } from "./units.js";
import { choiceOption, describe, integerOption, isMatrixObject, matrixArg, seedArg, vectorArg } from "./validate.js";

/** How series are read: "discrete" (label arrays of any kind), "bins" (real series binned on their own range) or "knn" (real series, nearest neighbours: src/dynamics-knn.ts). */
export type DynamicsMethod = "discrete" | "bins" | "knn";

/** The methods, in ONE list: the option parser and the dispatch (BY_METHOD) read it. */
const METHODS: readonly DynamicsMethod[] = ["discrete", "bins", "knn"];

export interface EntropyRateOptions extends UnitOptions {
  /** History length k (an integer ≥ 1, default 1). */
  k?: number;
}

export interface ActiveInformationStorageOptions extends EntropyRateOptions {
  /** "discrete" (default): label series; "bins": real series, each binned into `bins` equal-width bins on its own [min, max]; "knn": real series, nearest-neighbour estimates (max-norm, raw values). */
  method?: DynamicsMethod;
  /** "bins" only: the bin count (default 8). */
  bins?: number;
  /** "knn" only: the neighbour count K (default 4; at most N − 1 for N embedded steps). */
  neighbors?: number;
}

export interface TransferEntropyOptions extends ActiveInformationStorageOptions {
  /** Source history length l (an integer ≥ 1, default 1). */
  l?: number;
  /** Source lag (an integer ≥ 1, default 1): the source history ends at x_{t−lag}. */
  lag?: number;
}

export interface TransferEntropyTestOptions extends TransferEntropyOptions, PermutationOptions {}

/** A time series: labels (method "discrete") or real values (method "bins"). */
export type Series = Labels | Vector;

/** Several series: an array of series or a matrix `{ data, rows, cols }` with one series per row. */
export type SeriesSet = readonly Series[] | Matrix;

/** What is estimated from the history tables. */
type Quantity = "te" | "ais" | "er";

/** Options resolved and checked. l = 0: no source (AIS, entropy rate). */
export interface Resolved {
  k: number;
  l: number;
  lag: number;
  method: DynamicsMethod;
  bins: number;
  /** "knn" only: the neighbour count (0 otherwise). */
  neighbors: number;
  quantity: Quantity;
}

/** A series argument with the name errors give it. */
export interface NamedSeries {
  name: string;
  x: unknown;
}

/**
 * Series coded 0 … radix − 1, one after the other (series j from element j·n): as bytes of `codes`
 * (width 1) when radix ≤ 256 — a quarter of the memory to fill, copy and read — else as its i32
 * elements (width 4).
 */
interface CodedSeries {
  n: number;
  codes: Int32Array;
  width: 1 | 4;
  radix: number;
}

/** Codes of equally long series (each 0 … radix − 1) packed into one CodedSeries. */
function packSeries(parts: readonly ArrayLike<number>[], n: number, radix: number): CodedSeries {
  if (radix <= 256) {
    const codes = new Int32Array(Math.ceil((parts.length * n) / 4));
    const bytes = new Uint8Array(codes.buffer);
    parts.forEach((p, j) => bytes.set(p, j * n));
    return { n, codes, width: 1, radix };
  }
  const codes = new Int32Array(parts.length * n);
  parts.forEach((p, j) => codes.set(p, j * n));
  return { n, codes, width: 4, radix };
}

/** Row `row` of coded series as i32 codes (a view when they are i32 already). */
function seriesRow(c: CodedSeries, row: number): Int32Array {
  if (c.width === 4) return c.codes.subarray(row * c.n, (row + 1) * c.n);
  return Int32Array.from(new Uint8Array(c.codes.buffer, c.codes.byteOffset + row * c.n, c.n));
}

/**
 * A method: the value (nats) of the quantity for each (target, source) pair of `series`
 * (pairs[2p], pairs[2p + 1]; the source is ignored when o.l = 0), and the permutation test's
 * statistic and surrogate values (nats) of one source/target pair.
 */
export interface MethodImpl {
  values(b: Backend, fn: string, series: readonly NamedSeries[], pairs: Int32Array, o: Resolved): Float64Array;
  surrogates(b: Backend, fn: string, source: NamedSeries, target: NamedSeries, o: Resolved, B: number, seed: number): { statistic: number; values: Float64Array };
}

/** Most table cells (f64) one historyCounts call returns; more pairs take more calls. */
const CELLS_PER_CALL = 1 << 22;

/** History tables of at most this many cells take label codes as they are (no densifying pass). */
const DIRECT_CELLS = 1 << 12;

const REAL_HINT = `; for real-valued series pass method: "bins"`;

function lengthError(fn: string, s: NamedSeries, n: number, s0: NamedSeries, n0: number): RangeError {
  return new RangeError(`${fn}: ${s.name} has length ${n} but ${s0.name} has length ${n0}; the series must be equally long`);
}

/** Label series as codes 0 … radix − 1 (numpy.unique order; made dense unless the label range is small). */
function labelSeries(b: Backend, fn: string, series: readonly NamedSeries[], o: Resolved): CodedSeries {
  const parts: ArrayLike<number>[] = [];
  let n = 0;
  let radix = 1;
  series.forEach((s, j) => {
    const c = labelCodesHinted(fn, s.name, s.x, b, REAL_HINT);
    if (j === 0) n = c.codes.length;
    else if (c.codes.length !== n) throw lengthError(fn, s, c.codes.length, series[0], n);
    // a small label range is used as it is (a gap only adds empty cells to a small table), else made dense
    if (historyCells(c.max + 1, o.k, o.l) <= DIRECT_CELLS) {
      parts.push(c.codes);
      radix = Math.max(radix, c.max + 1);
    } else {
      const dense = denseCodes(c);
      parts.push(dense.idx);
      radix = Math.max(radix, dense.k);
    }
  });
  return packSeries(parts, n, radix);
}

/** Real series, each binned on its own [min, max] into o.bins equal-width bins (numpy.histogram's rule). */
function binnedSeries(b: Backend, fn: string, series: readonly NamedSeries[], o: Resolved): CodedSeries {
  const parts: ArrayLike<number>[] = [];
  let n = 0;
  series.forEach((s, j) => {
    const { data, integer } = vectorArg(fn, s.name, s.x);
    if (j === 0) n = data.length;
    else if (data.length !== n) throw lengthError(fn, s, data.length, series[0], n);
    const binner = axisBinner(b, fn, "bins", o.bins, data, s.name, undefined, integer);
    parts.push(b.binCodes(data, binner).codes); // every sample lies in [min, max] (axisBinner has rejected non-finite ones)
  });
  return packSeries(parts, n, o.bins);
}

function checkLength(fn: string, n: number, o: Resolved, name: string): number {
  const t0 = firstStep(o.k, o.l, o.lag);
  if (n < t0 + 1)
    throw new RangeError(
      `${fn}: ${name} has length ${n}, too short for k = ${o.k}${o.l > 0 ? `, l = ${o.l}, lag = ${o.lag}` : ""}: it needs at least max(k, lag + l − 1) + 1 = ${t0 + 1} values (one time step)`,
    );
  return t0;
}

/** Whether the history tables of radix R are counted densely (as src/backend.ts denseFits: fit DENSE_CELLS and do not dwarf the N steps). */
function denseHistory(R: number, o: Resolved, N: number): boolean {
  const cells = historyCells(R, o.k, o.l);
  return cells <= DENSE_CELLS && cells <= Math.max(1 << 16, 16 * N);
}

const xlx = (c: number) => (c > 0 ? c * Math.log(c) : 0);

/**
 * The quantity (nats) from one history table (cell (yp·R + y_t)·R^l + xp) of N steps, from
 * S = Σ c ln c of the joint table and of its (y_p, y_t), (y_p, x_p), (y_p) and (y_t) marginals.
 * `rowY` (R) and `rowX` (R^l) are scratch.
 */
function finishTable(t: Float64Array, at: number, R: number, Rk: number, Rl: number, N: number, q: Quantity, rowY: Float64Array, rowX: Float64Array): number {
  let sJ = 0;
  let sPT = 0;
  let sPX = 0;
  let sP = 0;
  rowY.fill(0);
  for (let yp = 0, c = at; yp < Rk; yp++) {
    rowX.fill(0);
    let p = 0;
    for (let yt = 0; yt < R; yt++) {
      let pt = 0;
      for (let xp = 0; xp < Rl; xp++, c++) {
        const v = t[c];
        sJ += xlx(v);
        pt += v;
        rowX[xp] += v;
      }
      sPT += xlx(pt);
      rowY[yt] += pt;
      p += pt;
    }
    for (let xp = 0; xp < Rl; xp++) sPX += xlx(rowX[xp]);
    sP += xlx(p);
  }
  if (q === "te") return Math.max(0, (sJ + sP - sPT - sPX) / N);
  if (q === "er") return Math.max(0, (sP - sJ) / N);
  let sT = 0;
  for (let yt = 0; yt < R; yt++) sT += xlx(rowY[yt]);
  return Math.max(0, (xlx(N) + sJ - sT - sP) / N);
}

/** The histories of target row y and source row x of coded series as label codes over t = t0 … n − 1 (joint variables of shifted views). */
function historyLabels(b: Backend, c: CodedSeries, y: number, x: number, o: Resolved, t0: number): { yt: LabelCodes; yp: LabelCodes; xp: LabelCodes | null } {
  const { n, radix } = c;
  const rows = new Map<number, Int32Array>();
  const row = (r: number) => rows.get(r) ?? rows.set(r, seriesRow(c, r)).get(r)!;
  const view = (r: number, shift: number): LabelCodes => ({ codes: row(r).subarray(t0 - shift, n - shift), max: radix - 1, kind: "number", offset: 0, values: null });
  let yp = view(y, 1);
  for (let j = 2; j <= o.k; j++) yp = jointLabels(b, yp, view(y, j));
  let xp: LabelCodes | null = null;
  for (let i = 0; i < o.l; i++) xp = xp ? jointLabels(b, xp, view(x, o.lag + i)) : view(x, o.lag);
  return { yt: view(y, 0), yp, xp };
}

/** The quantity (nats) of each pair of coded series: dense history tables counted by the backend, or label CMI / MI of the joint histories. */
function codedValues(b: Backend, fn: string, c: CodedSeries, pairs: Int32Array, o: Resolved, name: string): Float64Array {
  const t0 = checkLength(fn, c.n, o, name);
  const N = c.n - t0;
  const P = pairs.length / 2;
  const out = new Float64Array(P);
  const R = c.radix;
  if (!denseHistory(R, o, N)) {
    for (let p = 0; p < P; p++) {
      const h = historyLabels(b, c, pairs[2 * p], pairs[2 * p + 1], o, t0);
      if (o.quantity === "te") out[p] = codesCMI(b, h.xp!, h.yt, h.yp);
      else {
        const t = countTable(b, h.yt, h.yp);
        out[p] = o.quantity === "ais" ? tableMI(t) : Math.max(0, tableConditionalEntropy(t, "col"));
      }
    }
    return out;
  }
  const cells = historyCells(R, o.k, o.l);
  const Rk = R ** o.k;
  const Rl = R ** o.l;
  const rowY = new Float64Array(R);
  const rowX = new Float64Array(Rl);
  const per = Math.max(1, Math.floor(CELLS_PER_CALL / cells));
  for (let p0 = 0; p0 < P; p0 += per) {
    const p1 = Math.min(P, p0 + per);
    const t = b.historyCounts(c.codes, c.width, c.n, R, pairs, o.k, o.l, o.lag, p0, p1);
    for (let p = p0; p < p1; p++) out[p] = finishTable(t, (p - p0) * cells, R, Rk, Rl, N, o.quantity, rowY, rowX);
  }
  return out;
}

/**
 * Statistic and surrogate values (nats) of the permutation test of coded series (row 0 source,
 * row 1 target): the pairs sorted by (y_past, y_t), the source-history codes shuffled by
 * permutationSums with the fine (y_past, y_t) rows and with the coarse y_past rows (the same
 * shuffle for one seed).
 */
function codedSurrogates(b: Backend, fn: string, c: CodedSeries, o: Resolved, B: number, seed: number): { statistic: number; values: Float64Array } {
  const statistic = codedValues(b, fn, c, Int32Array.of(1, 0), o, "target")[0];
  const t0 = firstStep(o.k, o.l, o.lag);
  const N = c.n - t0;
  const h = historyLabels(b, c, 1, 0, o, t0);
  const T = denseCodes(h.yt);
  const P = denseCodes(h.yp);
  const X = denseCodes(h.xp!);
  // counting sort by y_t, then stably by y_past: order by (y_past, y_t)
  const byT = countingOrder(T.idx, T.k, null);
  const order = countingOrder(P.idx, P.k, byT);
  const col = new Uint32Array(N);
  const fine: number[] = [0];
  const coarse: number[] = [0];
  let sPT = 0;
  let sP = 0;
  let maxCoarse = 0;
  for (let i = 0; i < N; i++) {
    const r = order[i];
    col[i] = X.idx[r];
    if (i + 1 === N || P.idx[order[i + 1]] !== P.idx[r] || T.idx[order[i + 1]] !== T.idx[r]) {
      sPT += xlx(i + 1 - fine[fine.length - 1]);
      fine.push(i + 1);
    }
    if (i + 1 === N || P.idx[order[i + 1]] !== P.idx[r]) {
      const size = i + 1 - coarse[coarse.length - 1];
      sP += xlx(size);
      maxCoarse = Math.max(maxCoarse, size);
      coarse.push(i + 1);
    }
  }
  let maxX = 0;
  for (const v of X.counts) maxX = Math.max(maxX, v);
  const m = Math.min(maxCoarse, maxX);
  const g = xLogX(logTable(m), m);
  const states = Random.streams(seed, 0, B);
  const s3 = b.permutationSums(col, Int32Array.from(fine), fine.length - 1, X.k, g, states, 0, B);
  const s2 = b.permutationSums(col, Int32Array.from(coarse), coarse.length - 1, X.k, g, states, 0, B);
  const values = new Float64Array(B);
  for (let k = 0; k < B; k++) values[k] = (s3[k] - s2[k] - sPT + sP) / N;
  return { statistic, values };
}

/** The positions 0 … N − 1 (or those of `within`, in its order) stably sorted by key (0 … K − 1). */
function countingOrder(key: Int32Array, K: number, within: Int32Array | null): Int32Array {
  const N = key.length;
  const start = new Int32Array(K + 1);
  for (let i = 0; i < N; i++) start[key[i] + 1]++;
  for (let v = 0; v < K; v++) start[v + 1] += start[v];
  const out = new Int32Array(N);
  for (let i = 0; i < N; i++) {
    const r = within ? within[i] : i;
    out[start[key[r]]++] = r;
  }
  return out;
}

const coded = (code: (b: Backend, fn: string, s: readonly NamedSeries[], o: Resolved) => CodedSeries): MethodImpl => ({
  values: (b, fn, series, pairs, o) => codedValues(b, fn, code(b, fn, series, o), pairs, o, series[0].name),
  surrogates: (b, fn, source, target, o, B, seed) => codedSurrogates(b, fn, code(b, fn, [source, target], o), o, B, seed),
});

/** The dispatch: one line per method of METHODS. */
const BY_METHOD: Record<DynamicsMethod, MethodImpl> = {
  discrete: coded(labelSeries),
  bins: coded(binnedSeries),
  knn: knnMethod,
};

/** Options of `fn` resolved: k, l, lag, method, bins (l = 0 when the call has no source). */
function resolve(fn: string, opts: TransferEntropyOptions, quantity: Quantity): Resolved {
  const source = quantity === "te";
  if (!source) for (const key of ["l", "lag"] as const) if (opts[key] !== undefined) throw new TypeError(`${fn}: ${key} applies to transferEntropy only (there is no source here)`);
  if (quantity === "er" && (opts.method !== undefined || opts.bins !== undefined))
    throw new TypeError(`${fn}: method and bins apply to transferEntropy and activeInformationStorage (the entropy rate here is of a discrete series)`);
  const k = integerOption(fn, "k", opts.k, 1, 1);
  const l = source ? integerOption(fn, "l", opts.l, 1, 1) : 0;
  const lag = source ? integerOption(fn, "lag", opts.lag, 1, 1) : 1;
  const method = quantity === "er" ? "discrete" : choiceOption(fn, "method", opts.method, METHODS, "discrete");
  if (opts.bins !== undefined && method !== "bins") throw new TypeError(`${fn}: bins applies to method "bins" only (method is "${method}")`);
  const bins = method === "bins" ? integerOption(fn, "bins", opts.bins, 8, 1) : 0;
  if (opts.neighbors !== undefined && method !== "knn") throw new TypeError(`${fn}: neighbors applies to method "knn" only (method is "${method}")`);
  const neighbors = method === "knn" ? integerOption(fn, "neighbors", opts.neighbors, 4, 1) : 0;
  return { k, l, lag, method, bins, neighbors, quantity };
}


/** The rows of a matrix argument as named series `name[i]`. */
function matrixRows(fn: string, name: string, x: unknown): { rows: number; cols: number; series: NamedSeries[] } {
  const { data, rows, cols } = matrixArg(fn, name, x);
  return { rows, cols, series: Array.from({ length: rows }, (_, i) => ({ name: `${name}[${i}]`, x: data.subarray(i * cols, (i + 1) * cols) })) };
}

/** One series, or the rows of a matrix: values (nats → unit) of `quantity` per row. */
function singleSeries(b: Backend, fn: string, x: unknown, opts: EntropyRateOptions & ActiveInformationStorageOptions, quantity: Quantity): number | Float64Array {
  const unit = lnBase(opts.base, fn);
  const o = resolve(fn, opts, quantity);
  const m = BY_METHOD[o.method];
  if (isMatrixObject(x)) {
    const { rows, series } = matrixRows(fn, "x", x);
    const pairs = new Int32Array(2 * rows);
    for (let i = 0; i < rows; i++) pairs[2 * i] = pairs[2 * i + 1] = i;
    return m.values(b, fn, series, pairs, o).map((v) => v / unit);
  }
  return m.values(b, fn, [{ name: "x", x }], Int32Array.of(0, 0), o)[0] / unit;
}

/** `transferEntropy` (see DynamicsMethods). */
export function transferEntropy(b: Backend, source: unknown, target: unknown, opts: TransferEntropyOptions = {}): number | Float64Array {
  const fn = "transferEntropy";
  const unit = lnBase(opts.base, fn);
  const o = resolve(fn, opts, "te");
  const m = BY_METHOD[o.method];
  const ms = isMatrixObject(source);
  if (ms !== isMatrixObject(target)) throw new TypeError(`${fn}: source and target must both be series or both be matrices { data, rows, cols } (one series per row)`);
  if (!ms) return m.values(b, fn, [{ name: "target", x: target }, { name: "source", x: source }], Int32Array.of(0, 1), o)[0] / unit;
  const S = matrixRows(fn, "source", source);
  const T = matrixRows(fn, "target", target);
  if (S.rows !== T.rows || S.cols !== T.cols) throw new RangeError(`${fn}: source is ${S.rows}×${S.cols} but target is ${T.rows}×${T.cols}; row i of source goes with row i of target`);
  const rows = S.rows;
  const pairs = new Int32Array(2 * rows);
  for (let i = 0; i < rows; i++) (pairs[2 * i] = i), (pairs[2 * i + 1] = rows + i);
  return m.values(b, fn, [...T.series, ...S.series], pairs, o).map((v) => v / unit);
}

/** `transferEntropyMatrix` (see DynamicsMethods). */
export function transferEntropyMatrix(b: Backend, series: unknown, opts: TransferEntropyOptions = {}): Matrix {
  const fn = "transferEntropyMatrix";
  const unit = lnBase(opts.base, fn);
  const o = resolve(fn, opts, "te");
  let list: NamedSeries[];
  if (isMatrixObject(series)) list = matrixRows(fn, "series", series).series;
  else if (Array.isArray(series)) list = series.map((x, i) => ({ name: `series[${i}]`, x }));
  else throw new TypeError(`${fn}: series must be an array of series or a matrix { data, rows, cols } (one series per row), got ${describe(series)}`);
  const d = list.length;
  if (d < 2) throw new RangeError(`${fn}: series has ${d} series; give at least 2`);
  // pair (target j, source i) for every i ≠ j, in the order of M[i·d + j]
  const pairs = new Int32Array(2 * d * (d - 1));
  for (let i = 0, p = 0; i < d; i++) for (let j = 0; j < d; j++) if (i !== j) (pairs[p++] = j), (pairs[p++] = i);
  const v = BY_METHOD[o.method].values(b, fn, list, pairs, o);
  const M = new Float64Array(d * d);
  for (let i = 0, p = 0; i < d; i++) for (let j = 0; j < d; j++) if (i !== j) M[i * d + j] = v[p++] / unit;
  return { data: M, rows: d, cols: d };
}

/** `transferEntropyTest` (see DynamicsMethods). */
export function transferEntropyTest(b: Backend, source: unknown, target: unknown, opts: TransferEntropyTestOptions = {}): IndependenceTest {
  const fn = "transferEntropyTest";
  const unit = lnBase(opts.base, fn);
  const o = resolve(fn, opts, "te");
  const B = permutationsArg(fn, opts.permutations);
  const seed = seedArg(fn, opts.seed);
  if (isMatrixObject(source) || isMatrixObject(target)) throw new TypeError(`${fn}: source and target must be single series (one test per call)`);
  const { statistic, values } = BY_METHOD[o.method].surrogates(b, fn, { name: "source", x: source }, { name: "target", x: target }, o, B, seed);
  return { statistic: statistic / unit, pValue: permutationPValue(values, statistic, TIE * Math.max(1, statistic)), method: "permutation", permutations: B };
}

/** The statistic and the B surrogate values (nats) of transferEntropyTest's permutations (for tests). */
export function transferEntropySurrogates(b: Backend, source: unknown, target: unknown, opts: TransferEntropyOptions, B: number, seed: number): { statistic: number; values: Float64Array } {
  const o = resolve("transferEntropyTest", opts, "te");
  return BY_METHOD[o.method].surrogates(b, "transferEntropyTest", { name: "source", x: source }, { name: "target", x: target }, o, B, seed);
}

/**
 * Information dynamics of time series. The engine's public methods of this family, installed on
 * Engine by src/engine.ts (see src/facade.ts).
 */
export abstract class DynamicsMethods {
  /** @internal */
  declare readonly [backendOf]: () => Backend;

  /**
   * Transfer entropy (Schreiber 2000) from `source` X to `target` Y:
   * T_{X→Y} = I(Y_t ; X_{t−lag−l+1 … t−lag} | Y_{t−k … t−1}) over t = max(k, lag + l − 1) … n − 1,
   * plug-in (the empirical frequencies of the embedded states; as JIDT's
   * TransferEntropyCalculatorDiscrete with source lag `lag`). Options: `k` target history (1),
   * `l` source history (1), `lag` (1), `method` "discrete" (default; labels of any kind), "bins"
   * (real series, each binned on its own [min, max] into `bins` (8) equal-width bins by
   * numpy.histogram's rule) or "knn" (real series: the Frenzel–Pompe (2007) estimate
   * ψ(K) − ⟨ψ(n_{y,yk} + 1) + ψ(n_{xl,yk} + 1) − ψ(n_{yk} + 1)⟩ on the embedded vectors, max-norm,
   * K = `neighbors` (4); raw, it may be slightly negative). Nats unless `base` says otherwise. Two matrices `{ data, rows, cols }`
   * of one shape (one series per row) give a Float64Array: row i of source → row i of target.
   */
  transferEntropy(source: Series, target: Series, opts?: TransferEntropyOptions): number;
  transferEntropy(source: Matrix, target: Matrix, opts?: TransferEntropyOptions): Float64Array;
  transferEntropy(source: Series | Matrix, target: Series | Matrix, opts?: TransferEntropyOptions): number | Float64Array {
    return transferEntropy(this[backendOf](), source, target, opts);
  }

  /**
   * Active information storage (Lizier et al. 2012): A = I(X_t ; X_{t−k … t−1}) over t = k … n − 1,
   * plug-in; `k` (1), `method`, `bins` and `neighbors` as transferEntropy ("knn": KSG algorithm 1
   * of x_t against (x_{t−1}, …, x_{t−k}), Kraskov et al. 2004). Nats unless `base`. A matrix (one
   * series per row) gives one value per row.
   */
  activeInformationStorage(x: Series, opts?: ActiveInformationStorageOptions): number;
  activeInformationStorage(x: Matrix, opts?: ActiveInformationStorageOptions): Float64Array;
  activeInformationStorage(x: Series | Matrix, opts?: ActiveInformationStorageOptions): number | Float64Array {
    return singleSeries(this[backendOf](), "activeInformationStorage", x, opts ?? {}, "ais");
  }

  /**
   * Entropy rate estimate h = H(X_t | X_{t−k … t−1}) of a discrete series over t = k … n − 1
   * (plug-in, = H(X_{t−k … t}) − H(X_{t−k … t−1}) of the block frequencies; Cover & Thomas 2006,
   * §4.2). `k` (1). Nats unless `base`. A matrix (one series per row) gives one value per row.
   */
  entropyRate(x: Labels, opts?: EntropyRateOptions): number;
  entropyRate(x: Matrix, opts?: EntropyRateOptions): Float64Array;
  entropyRate(x: Labels | Matrix, opts?: EntropyRateOptions): number | Float64Array {
    return singleSeries(this[backendOf](), "entropyRate", x, opts ?? {}, "er");
  }

  /**
   * The d×d matrix (row-major `Matrix`) of T_{i→j} = transferEntropy(series[i], series[j], opts)
   * at M[i·d + j], for every ordered pair of d ≥ 2 equally long series (an array of series or a
   * matrix, one series per row); the diagonal is 0 (a self-link is not part of a TE network).
   * Each series is coded once, all pairs counted by one kernel; `it.parallel.transferEntropyMatrix`
   * splits the pairs across the worker pool.
   */
  transferEntropyMatrix(series: SeriesSet, opts?: TransferEntropyOptions): Matrix {
    return transferEntropyMatrix(this[backendOf](), series, opts);
  }

  /**
   * Permutation test of T_{X→Y} → `{ statistic, pValue, method: "permutation", permutations }`:
   * B = `permutations` (999) surrogates shuffle the source histories X_{t−lag−l+1 … t−lag} across
   * t while (Y_t, Y_{t−k … t−1}) stay in place (JIDT's surrogates); permutation k draws from
   * stream k of `seed` (0); p = (1 + #{T_perm ≥ T}) / (1 + B) (ties within 1e-12·max(1, T), as
   * the MI tests). The options of transferEntropy otherwise; statistic in the unit of `base`.
   */
  transferEntropyTest(source: Series, target: Series, opts?: TransferEntropyTestOptions): IndependenceTest {
    return transferEntropyTest(this[backendOf](), source, target, opts);
  }
}
