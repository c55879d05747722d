/**
 * Histograms of real samples and the mutual information of their 2-D histograms.
 *
 * Edges and inclusion rules are NumPy's (src/histogram-bins.ts): bin i holds
 * edges[i] ≤ x < edges[i+1], the last bin also its right edge, samples outside `range` are
 * dropped. The plug-in MI of a table of counts c_ij with N = Σ c, row sums r_i, column sums s_j:
 *
 *   I = Σ_{c_ij > 0} (c_ij/N) · ln(c_ij·N / (r_i·s_j))        (nats, then ÷ ln base)
 *
 * and with the Miller–Madow correction, each entropy H + (K − 1)/(2N) with K its non-empty cells:
 *
 *   I_MM = I + ((Kx − 1) + (Ky − 1) − (Kxy − 1)) / (2N).
 */
import type { Backend, BinCounts, FloatArray } from "./backend.js";
import {
  BIN_RULES,
  edgesBinner,
  inRange,
  outerEdges,
  quantileEdges,
  binCountFromStats,
  sampleStats,
  uniformBinner,
  type BinRule,
  type BinStats,
  type Binner,
} from "./histogram-bins.js";
import type {
  AxisBins,
  Histogram2DInit,
  Histogram2DJSON,
  Histogram2dOptions,
  Histogram2dResult,
  HistogramMiOptions,
  HistogramOptions,
  HistogramResult,
  Labels,
  MatrixLike,
  EntropyEstimator,
  EstimatorOptions,
  MutualInformationColumnsOptions,
  UnitOptions,
  Vector,
} from "./types.js";
import { lnBase } from "./units.js";
import { denseCodes } from "./label-codes.js";
import {
  binCountArg,
  describe,
  edgesArg,
  labelCodes,
  matrixArg,
  nonFiniteError,
  rangeArg,
  samplePair,
  vectorArg,
} from "./validate.js";
import { arrayValues } from "./arraylike.js";
import { backendOf } from "./facade.js";
import { estimatorArg, miEstimate } from "./estimators.js";

export const isRule = (b: unknown): b is BinRule => typeof b === "string" && (BIN_RULES as readonly string[]).includes(b);
const isQuantiles = (b: unknown): b is { quantiles: number } => typeof b === "object" && b !== null && !Array.isArray(b) && "quantiles" in b;
const isEdges = (b: unknown): b is Float64Array | readonly number[] => Array.isArray(b) || b instanceof Float64Array;

/**
 * The binner of one axis for samples x: resolves a bin count, rule, quantile spec or edge array
 * exactly as numpy.histogram_bin_edges does (empty x: outer edges [0, 1], as NumPy; `integer`:
 * x came from an integer typed array, so a rule's bin width is at least 1, as NumPy's for integer
 * dtypes). Checks x for non-finite samples where it must look at the data anyway (no range
 * given, or a data-dependent rule).
 */
export function axisBinner(b: Backend, fn: string, name: string, spec: AxisBins | undefined, x: FloatArray, xName: string, range: [number, number] | undefined, integer = false): Binner {
  spec ??= 10;
  if (isEdges(spec)) return edgesBinner(edgesArg(fn, name, spec));
  let min = 0;
  let max = 1; // numpy _get_outer_edges: an empty array has the range [0, 1]
  const needData = range === undefined || typeof spec !== "number";
  if (needData && x.length > 0) {
    const m = b.minMax(x);
    if (m[2] > 0) throw nonFiniteError(fn, xName, x);
    [min, max] = [m[0], m[1]];
  }
  const kept = (first: number, last: number) => (range ? inRange(x, first, last) : toF64(x));
  if (typeof spec === "number" || isRule(spec)) return equalWidthBinner(fn, name, spec, xName, range, min, max, integer, (first, last) => sampleStats(kept(first, last)));
  if (isQuantiles(spec)) {
    const [first, last] = checkedOuterEdges(fn, xName, range, min, max);
    const q = binCountArg(fn, `${name}.quantiles`, spec.quantiles);
    const k = kept(first, last);
    if (k.length === 0) throw new RangeError(`${fn}: no sample of ${xName} lies in range [${first}, ${last}], so quantile edges are undefined`);
    return edgesBinner(quantileEdges(k, q));
  }
  throw new TypeError(`${fn}: ${name} must be a positive integer, one of ${BIN_RULES.map((r) => `"${r}"`).join(", ")}, { quantiles: n } or an edge array, got ${describe(spec)}`);
}

/** NumPy `_get_outer_edges`, refusing a range whose width overflows float64. */
function checkedOuterEdges(fn: string, xName: string, range: [number, number] | undefined, min: number, max: number): [number, number] {
  const [first, last] = outerEdges(range, min, max);
  if (!Number.isFinite(last - first)) throw new RangeError(`${fn}: the range [${first}, ${last}] of ${xName} is wider than float64 can span`);
  return [first, last];
}

/**
 * The equal-width binner of one axis, as numpy.histogram_bin_edges: outer edges `range`, else
 * [min, max] of the samples (widened by ±0.5 when equal), and `spec` bins, or the count a rule
 * picks from the statistics of the samples inside the outer edges (`stats`, asked for only by a
 * rule). Shared by the data path (axisBinner) and the summary path (histogramEdgesFromSummary).
 */
export function equalWidthBinner(fn: string, name: string, spec: number | BinRule, xName: string, range: [number, number] | undefined, min: number, max: number, integer: boolean, stats: (first: number, last: number) => BinStats): Binner {
  const [first, last] = checkedOuterEdges(fn, xName, range, min, max);
  const n = typeof spec === "number" ? binCountArg(fn, name, spec) : binCountFromStats(spec, stats(first, last), first, last, integer);
  const binner = uniformBinner(first, last, n);
  if (!binner) throw new RangeError(`${fn}: too many bins for the data range: cannot create ${n} finite-sized bins in [${first}, ${last}]`);
  return binner;
}

const toF64 = (x: FloatArray): Float64Array => (x instanceof Float64Array ? x : Float64Array.from(x));

function checked(fn: string, r: BinCounts, check: () => RangeError): Float64Array {
  if (r.bad > 0) throw check();
  return r.counts;
}

/** Splits 2-D `bins` into per-axis specs as NumPy's histogram2d does (a length-2 array is [binsX, binsY]). */
function splitBins(bins: Histogram2dOptions["bins"]): [AxisBins | undefined, AxisBins | undefined] {
  if ((Array.isArray(bins) || bins instanceof Float64Array) && bins.length === 2) return [bins[0] as AxisBins, bins[1] as AxisBins];
  return [bins as AxisBins | undefined, bins as AxisBins | undefined];
}

function range2d(fn: string, r: unknown): [[number, number] | undefined, [number, number] | undefined] {
  if (r === undefined || r === null) return [undefined, undefined];
  if (!Array.isArray(r) || r.length !== 2) throw new TypeError(`${fn}: range must be [[xmin, xmax], [ymin, ymax]], got ${describe(r)}`);
  return [rangeArg(fn, "range[0]", r[0]), rangeArg(fn, "range[1]", r[1])];
}

/** `numpy.histogram(x, bins, range)`: counts and edges (x may be empty: zero counts, as NumPy). */
export function histogram(b: Backend, x: unknown, opts: HistogramOptions = {}, fn = "histogram"): HistogramResult {
  const { data: X, integer } = vectorArg(fn, "x", x, true);
  const range = rangeArg(fn, "range", opts.range);
  const bx = axisBinner(b, fn, "bins", opts.bins, X, "x", range, integer);
  const counts = checked(fn, b.histogram1d(X, bx), () => nonFiniteError(fn, "x", X));
  return { counts, edges: bx.edges };
}

/** `numpy.histogram_bin_edges(x, bins, range)`. */
export function histogramBinEdges(b: Backend, x: unknown, opts: HistogramOptions = {}): Float64Array {
  const fn = "histogramBinEdges";
  const { data: X, integer } = vectorArg(fn, "x", x, true);
  const range = rangeArg(fn, "range", opts.range);
  return axisBinner(b, fn, "bins", opts.bins, X, "x", range, integer).edges.slice();
}

/** A 2-D histogram's counts (bx.n × by.n, row-major), its binners, and the samples it counted. */
export interface Counts2d { counts: Float64Array; bx: Binner; by: Binner; x: FloatArray; y: FloatArray }

/** Counts of a 2-D histogram; `allowEmpty`: empty x and y give zero counts (numpy.histogram2d). */
export function counts2d(b: Backend, fn: string, x: unknown, y: unknown, opts: Histogram2dOptions, allowEmpty = false): Counts2d {
  const [{ data: X, integer: ix }, { data: Y, integer: iy }] = samplePair(fn, "x", x, "y", y, allowEmpty);
  const [sx, sy] = splitBins(opts.bins);
  const [rx, ry] = range2d(fn, opts.range);
  const bx = axisBinner(b, fn, Array.isArray(opts.bins) && opts.bins.length === 2 ? "bins[0]" : "bins", sx, X, "x", rx, ix);
  const by = axisBinner(b, fn, Array.isArray(opts.bins) && opts.bins.length === 2 ? "bins[1]" : "bins", sy, Y, "y", ry, iy);
  const r = b.histogram2d(X, Y, bx, by);
  const counts = checked(fn, r, () => (firstNonFinite(X) <= firstNonFinite(Y) ? nonFiniteError(fn, "x", X) : nonFiniteError(fn, "y", Y)));
  return { counts, bx, by, x: X, y: Y };
}

function firstNonFinite(x: ArrayLike<number>): number {
  for (let i = 0; i < x.length; i++) if (x[i] - x[i] !== 0) return i;
  return Infinity;
}

/** `numpy.histogram2d(x, y, bins, range)`: binsX × binsY counts (row-major) and both edge arrays. */
export function histogram2d(b: Backend, x: unknown, y: unknown, opts: Histogram2dOptions = {}): Histogram2dResult {
  const { counts, bx, by } = counts2d(b, "histogram2d", x, y, opts, true);
  return { counts, edgesX: bx.edges, edgesY: by.edges, binsX: bx.n, binsY: by.n };
}


/**
 * The margins of an nx × ny table of counts at `offset` (row-major): row and column sums, the
 * total n and the number of nonzero cells, summed row by row.
 */
export function tableMargins(t: Float64Array, nx: number, ny: number, offset = 0): { rowSums: Float64Array; colSums: Float64Array; n: number; cells: number } {
  const rowSums = new Float64Array(nx);
  const colSums = new Float64Array(ny);
  let n = 0;
  let cells = 0;
  for (let i = 0; i < nx; i++) {
    let r = 0;
    for (let j = 0, o = offset + i * ny; j < ny; j++, o++) {
      const c = t[o];
      if (c > 0) {
        r += c;
        colSums[j] += c;
        cells++;
      }
    }
    rowSums[i] = r;
    n += r;
  }
  return { rowSums, colSums, n, cells };
}

/**
 * Plug-in MI (nats) of an nx × ny table of counts at `offset`, with an optional Miller–Madow
 * correction; NaN when the table is empty (the caller reports it).
 */
export function miFromCounts(t: Float64Array, nx: number, ny: number, millerMadow = false, offset = 0): number {
  const { rowSums, colSums, n: N, cells: kxy } = tableMargins(t, nx, ny, offset);
  if (!(N > 0)) return NaN;
  let s = 0;
  for (let i = 0; i < nx; i++) {
    const r = rowSums[i];
    if (r === 0) continue;
    for (let j = 0, o = offset + i * ny; j < ny; j++, o++) {
      const c = t[o];
      if (c > 0) s += c * Math.log((c * N) / (r * colSums[j]));
    }
  }
  let mi = Math.max(0, s / N);
  if (millerMadow) {
    let kx = 0;
    let ky = 0;
    for (let i = 0; i < nx; i++) if (rowSums[i] > 0) kx++;
    for (let j = 0; j < ny; j++) if (colSums[j] > 0) ky++;
    mi += (kx - 1 + (ky - 1) - (kxy - 1)) / (2 * N);
  }
  return mi;
}

/**
 * MI (nats) of the nx × ny table of counts at `offset` by an entropy estimator: "plugin" and
 * "miller-madow" by miFromCounts (the direct plug-in sum, plus the Miller–Madow terms); the others
 * Ĥ(X) + Ĥ(Y) − Ĥ(X, Y) (src/estimators.ts miEstimate) with K = nx, ny and nx·ny (empty bins
 * included), not clipped at 0. NaN when the table is empty.
 */
export function miFromTable(b: Backend, t: Float64Array, nx: number, ny: number, estimator: EntropyEstimator, offset = 0): number {
  if (estimator === "plugin" || estimator === "miller-madow") return miFromCounts(t, nx, ny, estimator === "miller-madow", offset);
  const cells = t.subarray(offset, offset + nx * ny);
  const { rowSums, colSums, n: N } = tableMargins(t, nx, ny, offset);
  if (!(N > 0)) return NaN;
  return miEstimate(b, rowSums, colSums, cells, estimator, { rows: nx, cols: ny });
}

/** MI of real-valued samples from their 2-D histogram (see the module comment). */
export function histogramMutualInformation(b: Backend, x: unknown, y: unknown, opts: HistogramMiOptions = {}): number {
  const fn = "histogramMutualInformation";
  const k = lnBase(opts.base, fn);
  const estimator = estimatorArg(fn, opts);
  const { counts, bx, by } = counts2d(b, fn, x, y, opts);
  const mi = miFromTable(b, counts, bx.n, by.n, estimator);
  if (Number.isNaN(mi)) throw new RangeError(`${fn}: no (x, y) pair lies inside the range`);
  return mi / k;
}

/**
 * MI between every column of X (n×d) and one target y, as a Float64Array of d values: the
 * histogram counterpart of scikit-learn's mutual_info_classif (labels) / mutual_info_regression
 * (real y). Each column is binned on its own (its own range unless `range` is given); the
 * counting runs in one backend call over the row-major matrix.
 */
export function mutualInformationColumns(b: Backend, X: unknown, y: unknown, opts: MutualInformationColumnsOptions = {}): Float64Array {
  const fn = "mutualInformationColumns";
  const kBase = lnBase(opts.base, fn);
  const estimator = estimatorArg(fn, opts);
  const M = matrixArg(fn, "X", X);
  const { data, rows, cols } = M;
  y = arrayValues(fn, "y", y); // an Arrow vector or array-like, before the real/labels dispatch
  const yLen = (y as ArrayLike<number> | undefined)?.length;
  const target = opts.target ?? (y instanceof Float64Array || y instanceof Float32Array ? "real" : "labels");
  if (target !== "labels" && target !== "real") throw new RangeError(`${fn}: target must be "labels" or "real", got ${describe(target)}`);
  if (typeof yLen === "number" && yLen !== rows) throw new RangeError(`${fn}: X has ${rows} rows but y has length ${yLen}`);
  let yIdx: Int32Array;
  let k: number;
  if (target === "labels") {
    ({ idx: yIdx, k } = denseCodes(labelCodes(fn, "y", y, b)));
  } else {
    const { data: Y, integer } = vectorArg(fn, "y", y);
    const by = axisBinner(b, fn, "yBins", opts.yBins ?? opts.bins, Y, "y", rangeArg(fn, "yRange", opts.yRange ?? opts.range), integer);
    const yc = b.binCodes(Y, by);
    if (yc.bad > 0) throw nonFiniteError(fn, "y", Y);
    yIdx = yc.codes;
    k = by.n;
  }
  const range = rangeArg(fn, "range", opts.range);
  const spec = opts.bins ?? 10;
  const bins: Binner[] = new Array(cols);
  let mm: Float64Array | null = null;
  if (range === undefined || typeof spec !== "number") {
    mm = b.columnMinMax(data, rows, cols);
    for (let j = 0; j < cols; j++) if (mm[3 * j + 2] > 0) throw nonFiniteError(fn, "X", data, cols);
  }
  const uniformN = typeof spec === "number" ? binCountArg(fn, "bins", spec) : 0;
  for (let j = 0; j < cols; j++) {
    if (uniformN > 0 || isEdges(spec)) {
      if (isEdges(spec)) {
        bins[j] = j === 0 ? edgesBinner(edgesArg(fn, "bins", spec)) : bins[0];
        continue;
      }
      const [first, last] = outerEdges(range, mm ? mm[3 * j] : 0, mm ? mm[3 * j + 1] : 0);
      const bj = uniformBinner(first, last, uniformN);
      if (!bj) throw new RangeError(`${fn}: too many bins for the range of column ${j}: cannot create ${uniformN} finite-sized bins in [${first}, ${last}]`);
      bins[j] = bj;
    } else {
      const col = new Float64Array(rows);
      for (let r = 0; r < rows; r++) col[r] = data[r * cols + j];
      bins[j] = axisBinner(b, fn, "bins", spec, col, `X column ${j}`, range);
    }
  }
  const r = b.columnCounts(data, rows, cols, bins, yIdx, k);
  const counts = checked(fn, r, () => nonFiniteError(fn, "X", data, cols));
  const out = new Float64Array(cols);
  for (let j = 0, o = 0; j < cols; o += bins[j].n * k, j++) {
    const mi = miFromTable(b, counts, bins[j].n, k, estimator, o);
    if (Number.isNaN(mi)) throw new RangeError(`${fn}: no sample of column ${j} lies inside the range`);
    out[j] = mi / kBase;
  }
  return out;
}

// ---- streaming ----

const FORMAT = "infowasm.histogram2d";

function streamAxis(fn: string, axis: "X" | "Y", bins: unknown, range: unknown): Binner {
  if (isEdges(bins)) return edgesBinner(edgesArg(fn, `bins${axis}`, bins, true));
  const n = binCountArg(fn, `bins${axis}`, bins);
  const r = rangeArg(fn, `range${axis}`, range);
  if (r === undefined) throw new TypeError(`${fn}: range${axis} is required with a bin count (a stream cannot look at its data first); give [min, max] or explicit edges`);
  const [first, last] = outerEdges(r, 0, 0);
  const bx = uniformBinner(first, last, n);
  if (!bx) throw new RangeError(`${fn}: too many bins: cannot create ${n} finite-sized bins in [${first}, ${last}]`);
  return bx;
}

const sameEdges = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/**
 * A 2-D histogram with fixed edges that accumulates (x, y) pairs chunk by chunk. Counts are
 * exact integers in float64 (exact to 2^53 per cell), so the chunks can come in any order,
 * from any number of workers: `a.merge(b)` adds b's counts, and update/merge in any grouping
 * give exactly the counts of one `histogram2d` call over all the data.
 */
export class Histogram2D {
  readonly binsX: number;
  readonly binsY: number;
  readonly #bx: Binner;
  readonly #by: Binner;
  readonly #counts: Float64Array;
  readonly #backend: () => Backend;

  /** @internal Use `engine.createHistogram2D()` or `engine.histogram2DFromJSON()`. */
  constructor(backend: () => Backend, bx: Binner, by: Binner, counts?: Float64Array) {
    this.#backend = backend;
    this.#bx = bx;
    this.#by = by;
    this.binsX = bx.n;
    this.binsY = by.n;
    this.#counts = counts ?? new Float64Array(bx.n * by.n);
  }

  get edgesX(): Float64Array {
    return this.#bx.edges.slice();
  }
  get edgesY(): Float64Array {
    return this.#by.edges.slice();
  }
  /** A copy of the binsX × binsY counts, row-major. */
  get counts(): Float64Array {
    return this.#counts.slice();
  }
  /** Pairs counted so far (inside both ranges). */
  get total(): number {
    let s = 0;
    for (let i = 0; i < this.#counts.length; i++) s += this.#counts[i];
    return s;
  }

  /** Adds the pairs (x[i], y[i]); pairs outside the edges are dropped. A failed update changes nothing. */
  update(x: unknown, y: unknown): this {
    const fn = "Histogram2D.update";
    const [{ data: X }, { data: Y }] = samplePair(fn, "x", x, "y", y, true);
    const r = this.#backend().histogram2d(X, Y, this.#bx, this.#by);
    const add = checked(fn, r, () => (firstNonFinite(X) <= firstNonFinite(Y) ? nonFiniteError(fn, "x", X) : nonFiniteError(fn, "y", Y)));
    for (let i = 0; i < add.length; i++) this.#counts[i] += add[i];
    return this;
  }

  /** Adds the counts of another histogram with identical edges. */
  merge(other: Histogram2D): this {
    const fn = "Histogram2D.merge";
    if (!(other instanceof Histogram2D)) throw new TypeError(`${fn}: other must be a Histogram2D, got ${describe(other)}`);
    if (!sameEdges(this.#bx.edges, other.#bx.edges) || !sameEdges(this.#by.edges, other.#by.edges))
      throw new RangeError(`${fn}: the histograms have different edges (${this.binsX}×${this.binsY} vs ${other.binsX}×${other.binsY}); only identical edges merge`);
    const c = other.#counts;
    for (let i = 0; i < c.length; i++) this.#counts[i] += c[i];
    return this;
  }

  /**
   * Plug-in MI of the counts so far, or by `estimator` (src/estimators.ts: Ĥ(X) + Ĥ(Y) − Ĥ(X, Y),
   * K = binsX, binsY and binsX·binsY, not clipped at 0); `correction: "miller-madow"` as before.
   */
  mutualInformation(opts: UnitOptions & EstimatorOptions = {}): number {
    const fn = "Histogram2D.mutualInformation";
    const k = lnBase(opts.base, fn);
    const mi = miFromTable(this.#backend(), this.#counts, this.binsX, this.binsY, estimatorArg(fn, opts));
    if (Number.isNaN(mi)) throw new RangeError(`${fn}: the histogram is empty`);
    return mi / k;
  }

  /** A plain, exact JSON form; `engine.histogram2DFromJSON()` restores it. */
  toJSON(): Histogram2DJSON {
    return {
      format: FORMAT,
      version: 1,
      edgesX: Array.from(this.#bx.edges),
      edgesY: Array.from(this.#by.edges),
      uniformX: this.#bx.uniform,
      uniformY: this.#by.uniform,
      counts: Array.from(this.#counts),
    };
  }
}

export function createHistogram2D(backend: () => Backend, init: Histogram2DInit): Histogram2D {
  const fn = "createHistogram2D";
  if (typeof init !== "object" || init === null) throw new TypeError(`${fn}: expected { binsX, binsY, rangeX, rangeY }, got ${describe(init)}`);
  return new Histogram2D(backend, streamAxis(fn, "X", init.binsX, init.rangeX), streamAxis(fn, "Y", init.binsY, init.rangeY));
}

function jsonAxis(fn: string, name: string, edges: unknown, uniform: unknown): Binner {
  if (!Array.isArray(edges)) throw new TypeError(`${fn}: ${name} must be an array of edges`);
  const e = edgesArg(fn, name, edges, true);
  if (uniform === true) {
    const n = e.length - 1;
    const b = uniformBinner(e[0], e[n], n);
    if (!b || !sameEdges(b.edges, e)) throw new RangeError(`${fn}: ${name} are not the equal-width edges of [${e[0]}, ${e[n]}]`);
    return b;
  }
  return edgesBinner(e);
}

export function histogram2DFromJSON(backend: () => Backend, json: unknown): Histogram2D {
  const fn = "histogram2DFromJSON";
  const j = (typeof json === "string" ? JSON.parse(json) : json) as Partial<Histogram2DJSON> | null;
  if (typeof j !== "object" || j === null || j.format !== FORMAT) throw new TypeError(`${fn}: not an ${FORMAT} object`);
  if (j.version !== 1) throw new RangeError(`${fn}: unsupported version ${String(j.version)}`);
  const bx = jsonAxis(fn, "edgesX", j.edgesX, j.uniformX);
  const by = jsonAxis(fn, "edgesY", j.edgesY, j.uniformY);
  const c = j.counts;
  if (!Array.isArray(c) || c.length !== bx.n * by.n) throw new RangeError(`${fn}: counts must hold ${bx.n}×${by.n} = ${bx.n * by.n} numbers`);
  const counts = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++) {
    const v = c[i];
    if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw new RangeError(`${fn}: counts[${i}] is ${String(v)}; counts must be non-negative integers`);
    counts[i] = v;
  }
  return new Histogram2D(backend, bx, by, counts);
}

/**
 * Histograms and histogram MI. The engine's public methods of this family, installed on Engine by
 * src/engine.ts (see src/facade.ts).
 */
export abstract class HistogramMethods {
  /** @internal */
  declare readonly [backendOf]: () => Backend;

  /**
   * `numpy.histogram(x, bins, range)`: counts[i] = #{edges[i] ≤ x < edges[i+1]} (the last bin
   * also x = edges[n]); samples outside `range` dropped. `bins`: a count (default 10), a NumPy
   * rule ("auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"), `{ quantiles: n }`
   * (equal-frequency edges, `np.quantile(x, np.linspace(0, 1, n + 1))`) or explicit edges (may
   * be ±Infinity). Empty x gives zero counts over [0, 1], as NumPy.
   */
  histogram(x: Vector, opts?: HistogramOptions): HistogramResult {
    return histogram(this[backendOf](), x, opts);
  }

  /** `numpy.histogram_bin_edges(x, bins, range)`: the edges `histogram` would use. */
  histogramBinEdges(x: Vector, opts?: HistogramOptions): Float64Array {
    return histogramBinEdges(this[backendOf](), x, opts);
  }

  /**
   * `numpy.histogram2d(x, y, bins, range)`: binsX × binsY counts, row-major (rows index x);
   * `bins` one spec for both axes or `[binsX, binsY]` (rules and quantiles per axis).
   */
  histogram2d(x: Vector, y: Vector, opts?: Histogram2dOptions): Histogram2dResult {
    return histogram2d(this[backendOf](), x, y, opts);
  }

  /**
   * MI of real samples from their 2-D histogram: I = Σ (c/N) ln(c·N/(r·s)) over non-empty cells
   * (c cell count, r and s its row and column sums, N the pairs in range); with
   * `correction: "miller-madow"` plus ((Kx − 1) + (Ky − 1) − (Kxy − 1))/(2N), K the non-empty
   * bins/cells. Nats unless `base` says otherwise. `estimator` (src/estimators.ts) gives
   * Ĥ(X) + Ĥ(Y) − Ĥ(X, Y) with K = binsX, binsY and binsX·binsY (empty bins included), not clipped
   * at 0; `correction: "miller-madow"` is `estimator: "miller-madow"`.
   */
  histogramMutualInformation(x: Vector, y: Vector, opts?: HistogramMiOptions): number {
    return histogramMutualInformation(this[backendOf](), x, y, opts);
  }

  /**
   * MI between each column of X (rows = samples) and y, one value per column: y labels
   * (of any kind, as the label calls take them) or a real vector binned like the columns (`target`). The histogram
   * counterpart of scikit-learn's mutual_info_classif / mutual_info_regression. `estimator`
   * (src/estimators.ts) as histogramMutualInformation, K = the column's bins, the classes (or y bins)
   * and their product.
   */
  mutualInformationColumns(X: MatrixLike, y: Labels | Vector, opts?: MutualInformationColumnsOptions): Float64Array {
    return mutualInformationColumns(this[backendOf](), X, y, opts);
  }

  /**
   * A streaming 2-D histogram with fixed edges: `update(x, y)` chunk by chunk, `merge(other)`
   * across workers, `mutualInformation()`, `toJSON()`; equal to one `histogram2d` call.
   */
  createHistogram2D(init: Histogram2DInit): Histogram2D {
    return createHistogram2D(() => this[backendOf](), init);
  }

  /** Restores a `Histogram2D` from its `toJSON()` form (an object or a JSON string). */
  histogram2DFromJSON(json: Histogram2DJSON | string): Histogram2D {
    return histogram2DFromJSON(() => this[backendOf](), json);
  }
}
