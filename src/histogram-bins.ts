/**
 * Bin edges, as NumPy computes them (numpy 2.4, numpy/lib/_histograms_impl.py and
 * numpy/_core/function_base.py), reproduced operation for operation so that equal-width edges
 * are bit-identical to NumPy's for float64 data:
 *
 *   outer edges  `_get_outer_edges`: `range`, else [min x, max x]; a zero-width range is
 *                widened to [first − 0.5, last + 0.5]
 *   edges        `np.linspace(first, last, n + 1)`: step = (last − first)/n, edge i = i·step + first,
 *                the last edge set to `last` exactly (i/n·delta + first when step underflows to 0)
 *   rules        `np.histogram_bin_edges(x, rule)`: a width h from the rule (at least 1 for samples
 *                of an integer typed array, as NumPy's for integer dtypes), then
 *                n = ceil((last − first)/h) (1 when h = 0 or no sample), over the samples inside `range`
 *   quantiles    `np.quantile(x, np.linspace(0, 1, n + 1))` (method "linear"): equal-frequency edges
 *
 * A Binner holds the edges and how a sample finds its bin: for equal-width bins the index
 * ⌊(x − first)·norm⌋ (norm = n/(last − first)), then corrected by one against the edges as NumPy
 * corrects its own rounding; for other edges a binary search. Either way bin i holds
 * edges[i] ≤ x < edges[i+1], the last bin also x = edges[n]; samples outside [edges[0], edges[n]]
 * are dropped.
 */
import type { BinSpec, FloatArray } from "./backend.js";

export type BinRule = "auto" | "fd" | "doane" | "scott" | "stone" | "rice" | "sturges" | "sqrt";
export const BIN_RULES: readonly BinRule[] = ["auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"];

export type Binner = BinSpec;

/** NumPy `_get_outer_edges` for data with known min/max (or the given range). */
export function outerEdges(range: readonly [number, number] | undefined, min: number, max: number): [number, number] {
  let [first, last] = range ?? [min, max];
  if (first === last) {
    first = first - 0.5;
    last = last + 0.5;
  }
  return [first, last];
}

/** `np.linspace(start, stop, num)` for float64, endpoint included. */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const y = new Float64Array(num);
  const div = num - 1;
  const delta = stop - start;
  if (div > 0) {
    const step = delta / div;
    if (step === 0) for (let i = 0; i < num; i++) y[i] = (i / div) * delta + start;
    else for (let i = 0; i < num; i++) y[i] = i * step + start;
  } else for (let i = 0; i < num; i++) y[i] = i * delta + start;
  if (num > 1) y[num - 1] = stop;
  return y;
}

/** Equal-width binner over [first, last] with n bins; null when the edges are not strictly increasing (NumPy: "Too many bins"). */
export function uniformBinner(first: number, last: number, n: number): Binner | null {
  const edges = linspace(first, last, n + 1);
  for (let i = 0; i < n; i++) if (!(edges[i] < edges[i + 1])) return null;
  return { edges, n, uniform: true, first, last, norm: n / (last - first) };
}

/** Binner over explicit non-decreasing edges (binary search). */
export function edgesBinner(edges: Float64Array): Binner {
  const n = edges.length - 1;
  return { edges, n, uniform: false, first: edges[0], last: edges[n], norm: 0 };
}

/** Bin of x under b, or −1 when x is outside [first, last] (or NaN). The reference definition. */
export function binOf(b: Binner, x: number): number {
  if (!(x >= b.first && x <= b.last)) return -1;
  const e = b.edges;
  const last = b.n - 1;
  if (b.uniform) {
    let i = Math.trunc((x - b.first) * b.norm);
    if (!(i >= 0)) i = 0; // NaN when norm overflowed to Infinity at x = first
    if (i > last) i = last;
    if (x < e[i]) i--;
    else if (i !== last && x >= e[i + 1]) i++;
    return i;
  }
  if (x === b.last) return last;
  // upper bound: first edge > x, minus one
  let lo = 0;
  let hi = b.n + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (e[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Pairwise sum of f(x[i]) (NumPy's summation order is pairwise too; values agree to rounding). */
function pairwise(x: ArrayLike<number>, i0: number, i1: number, f: (v: number) => number): number {
  if (i1 - i0 <= 128) {
    let s = 0;
    for (let i = i0; i < i1; i++) s += f(x[i]);
    return s;
  }
  const m = i0 + (((i1 - i0) >> 1) & ~7);
  return pairwise(x, i0, m, f) + pairwise(x, m, i1, f);
}

/** `np.quantile(sorted, q)` with the default "linear" method, on ascending data (numpy `_lerp`). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const v = (n - 1) * q;
  let prev = Math.floor(v);
  let next = prev + 1;
  if (v >= n - 1) prev = next = n - 1;
  else if (v < 0) prev = next = 0;
  const gamma = v - (v >= n - 1 ? -1 : prev); // numpy clips previous to −1 (the last element) above bounds
  const a = sorted[prev];
  const b = sorted[next];
  const d = b - a;
  return gamma >= 0.5 ? b - d * (1 - gamma) : a + d * gamma;
}

/**
 * Stone's rule (numpy `_hist_bin_stone`): the bin count k in 1..max(100, ⌊√n⌋) minimising the
 * leave-one-out risk estimate J(k) = (2 − (n + 1)·Σ p_i²)/h, h = ptp/k, p_i the fraction of the
 * samples in bin i of k equal bins over [first, last] (the first minimum, as Python's min); the
 * width ptp/k, 0 when n ≤ 1 or ptp = 0. The counts come from the sorted samples by binary search
 * against the edges (bin i holds edges[i] ≤ x < edges[i+1], the last also its right edge).
 */
function stoneWidth(x: Float64Array, ptp: number, first: number, last: number): number {
  const n = x.length;
  if (n <= 1 || ptp === 0) return 0;
  const s = Float64Array.from(x).sort();
  const upper = Math.max(100, Math.trunc(Math.sqrt(n)));
  let best = 1;
  let bestJ = Infinity;
  for (let k = 1; k <= upper; k++) {
    const b = uniformBinner(first, last, k);
    if (!b) break; // NumPy raises "Too many bins" here; k this large cannot be the minimum in practice
    let prev = countBelow(s, b.edges[0], false);
    let pp = 0;
    for (let i = 1; i <= k; i++) {
      const at = countBelow(s, b.edges[i], i === k);
      const p = (at - prev) / n;
      pp += p * p;
      prev = at;
    }
    const J = (2 - (n + 1) * pp) / (ptp / k);
    if (J < bestJ) {
      bestJ = J;
      best = k;
    }
  }
  return ptp / best;
}

/** #{s < v} of ascending s, or #{s ≤ v} when `inclusive`, by binary search. */
function countBelow(s: Float64Array, v: number, inclusive: boolean): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (s[mid] < v || (inclusive && s[mid] === v)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The statistics NumPy's bin rules read (numpy `_hist_bin_*`), of the n samples inside the outer
 * edges: their min and max, and, asked for only by the rules that use them, the population
 * standard deviation (ddof 0), the interquartile range q75 − q25 (`np.percentile`'s linear
 * interpolation), the population skewness g1 = mean(((x − mean)/σ)³) (asked for only when σ > 0)
 * and Stone's width (which needs the samples themselves). The data path computes them from the
 * samples (`sampleStats`); `histogramEdgesFromSummary` (src/histogram-sql.ts) takes them from a
 * summary a SQL engine computed.
 */
export interface BinStats {
  readonly n: number;
  readonly min: number;
  readonly max: number;
  std(): number;
  iqr(): number;
  skewness(): number;
  stone(first: number, last: number): number;
}

/**
 * The width h of a NumPy bin rule (numpy `_hist_bin_*`) from the statistics of n ≥ 1 samples,
 * ptp = max − min:
 *   sqrt ptp/√n;  sturges ptp/(log2 n + 1);  rice ptp/(2 n^(1/3));  scott (24√π/n)^(1/3)·σ;
 *   fd 2·IQR·n^(−1/3);  auto min(max(fd, sqrt/2), sturges);  stone (see stoneWidth);
 *   doane ptp/(1 + log2 n + log2(1 + |g1|/σ_g1)), σ_g1 = √(6(n − 2)/((n + 1)(n + 3))), 0 when
 *   n ≤ 2 or σ = 0.
 * `first, last` are the outer edges (only Stone's rule uses them).
 */
export function widthFromStats(rule: BinRule, s: BinStats, first: number, last: number): number {
  const n = s.n;
  const ptp = s.max - s.min;
  const sqrtW = () => ptp / Math.sqrt(n);
  const sturges = () => ptp / (Math.log2(n) + 1.0);
  const fd = () => 2.0 * s.iqr() * n ** (-1.0 / 3.0);
  switch (rule) {
    case "sqrt":
      return sqrtW();
    case "sturges":
      return sturges();
    case "rice":
      return ptp / (2.0 * n ** (1.0 / 3));
    case "scott":
      return (24.0 * Math.PI ** 0.5 / n) ** (1.0 / 3.0) * s.std();
    case "fd":
      return fd();
    case "stone":
      return s.stone(first, last);
    case "auto":
      return Math.min(Math.max(fd(), sqrtW() / 2), sturges());
    case "doane": {
      if (n <= 2) return 0;
      const sg1 = Math.sqrt((6.0 * (n - 2)) / ((n + 1.0) * (n + 3)));
      if (!(s.std() > 0)) return 0;
      const g1 = s.skewness();
      return ptp / (1.0 + Math.log2(n) + Math.log2(1.0 + Math.abs(g1) / sg1));
    }
  }
}

/**
 * NumPy's bin count for a rule (numpy `_get_bin_edges`): 1 when there is no sample or the width
 * is 0, else ⌈(last − first)/h⌉ with h at least 1 for `integer` samples (NumPy's integer dtypes).
 */
export function binCountFromStats(rule: BinRule, s: BinStats, first: number, last: number, integer = false): number {
  if (s.n === 0) return 1;
  let width = widthFromStats(rule, s, first, last);
  if (!width) return 1;
  if (integer && width < 1) width = 1;
  return Math.ceil((last - first) / width);
}

/** The BinStats of samples x (all finite), each statistic computed when first asked for, once. */
export function sampleStats(x: Float64Array): BinStats {
  const n = x.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let mean = NaN;
  let sigma = NaN;
  const std = () => {
    if (Number.isNaN(sigma)) {
      mean = pairwise(x, 0, n, (v) => v) / n;
      sigma = Math.sqrt(pairwise(x, 0, n, (v) => (v - mean) * (v - mean)) / n);
    }
    return sigma;
  };
  return {
    n,
    min,
    max,
    std,
    iqr: () => {
      const s = Float64Array.from(x).sort();
      return quantileSorted(s, 0.75) - quantileSorted(s, 0.25);
    },
    skewness: () => {
      const sd = std();
      return pairwise(x, 0, n, (v) => ((v - mean) / sd) ** 3) / n;
    },
    stone: (first, last) => stoneWidth(x, max - min, first, last),
  };
}

/** The samples of x inside [first, last] as float64 (a copy only when some fall outside). */
export function inRange(x: FloatArray, first: number, last: number): Float64Array {
  let all = true;
  for (let i = 0; i < x.length; i++) if (!(x[i] >= first && x[i] <= last)) { all = false; break; }
  if (all) return x instanceof Float64Array ? x : Float64Array.from(x);
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] >= first && x[i] <= last) out.push(x[i]);
  return Float64Array.from(out);
}

/** Equal-frequency edges `np.quantile(kept, np.linspace(0, 1, n + 1))`; kept non-empty. */
export function quantileEdges(kept: Float64Array, n: number): Float64Array {
  const s = Float64Array.from(kept).sort();
  const q = linspace(0, 1, n + 1);
  const edges = new Float64Array(n + 1);
  for (let i = 0; i <= n; i++) edges[i] = quantileSorted(s, q[i]);
  return edges;
}
