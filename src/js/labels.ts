/**
 * The JS reference kernels of the label measures: contingency counting (a dense table over the
 * label range when it fits, else labels mapped to first-appearance ids with a Map and the id
 * pairs counted densely or in a Map), and the expected mutual information. The WASM kernels
 * (assembly/labels.ts) compute the same tables and the same sums in the same order.
 */
import { denseFits, type LabelArray, type LabelKernels, type RawContingency } from "../backend.js";
import { lnF64 } from "./log.js";

/** Counts (a[i], b[i]) into a dense R×C table; returns marginals and the nonzero cells, row-major. */
function countDense(a: ArrayLike<number>, b: ArrayLike<number>, R: number, C: number): Omit<RawContingency, "rowLabels" | "colLabels" | "sorted"> {
  const t = new Uint32Array(R * C);
  for (let i = 0; i < a.length; i++) t[a[i] * C + b[i]]++;
  const rowSums = new Float64Array(R);
  const colSums = new Float64Array(C);
  let k = 0;
  for (let i = 0; i < t.length; i++) if (t[i] !== 0) k++;
  const cellRow = new Int32Array(k);
  const cellCol = new Int32Array(k);
  const cellCount = new Float64Array(k);
  k = 0;
  for (let r = 0; r < R; r++) {
    let s = 0;
    for (let c = 0, o = r * C; c < C; c++) {
      const v = t[o + c];
      if (v === 0) continue;
      s += v;
      colSums[c] += v;
      cellRow[k] = r;
      cellCol[k] = c;
      cellCount[k++] = v;
    }
    rowSums[r] = s;
  }
  return { rowSums, colSums, cellRow, cellCol, cellCount };
}

/**
 * Numbers the distinct keys key(0) … key(n − 1) in order of first appearance: ids[i] = the id of
 * key(i); returns the keys in id order. (Map keys compare by SameValueZero: −0 and 0 are one key.)
 * Serves the JS counting kernels, the JS twin of the WASM value hash and the string labels.
 */
export function firstAppearanceIds<K>(n: number, key: (i: number) => K, ids: { [i: number]: number }): K[] {
  const seen = new Map<K, number>();
  const first: K[] = [];
  for (let i = 0; i < n; i++) {
    const k = key(i);
    let id = seen.get(k);
    if (id === undefined) {
      id = first.length;
      seen.set(k, id);
      first.push(k);
    }
    ids[i] = id;
  }
  return first;
}

/** Labels → ids in order of first appearance: the ids of x and the label of each id. */
function toIds(x: LabelArray): { ids: Int32Array; labels: Uint32Array } {
  const ids = new Int32Array(x.length);
  const labels = firstAppearanceIds(x.length, (i) => x[i] >>> 0, ids);
  return { ids, labels: Uint32Array.from(labels) };
}

/** Numbers x's values in order of first appearance (a Map is SameValueZero: −0 and 0 are one key). */
function labelIds(x: Float64Array): { ids: Uint32Array; values: Float64Array } {
  const ids = new Uint32Array(x.length);
  const values = firstAppearanceIds(x.length, (i) => x[i], ids);
  return { ids, values: Float64Array.from(values, (v) => (v === 0 ? 0 : v)) }; // −0 reported as 0
}

function countPairs(a: LabelArray, b: LabelArray, maxA: number, maxB: number): RawContingency {
  const n = a.length;
  if (denseFits(maxA + 1, maxB + 1, n)) {
    const ua = a instanceof Int32Array ? new Uint32Array(a.buffer, a.byteOffset, a.length) : a;
    const ub = b instanceof Int32Array ? new Uint32Array(b.buffer, b.byteOffset, b.length) : b;
    const t = countDense(ua, ub, maxA + 1, maxB + 1);
    const iota = (m: number) => Uint32Array.from({ length: m }, (_, i) => i);
    return { rowLabels: iota(maxA + 1), colLabels: iota(maxB + 1), ...t, sorted: true };
  }
  const A = toIds(a);
  const B = toIds(b);
  const R = A.labels.length;
  const C = B.labels.length;
  if (denseFits(R, C, n)) return { rowLabels: A.labels, colLabels: B.labels, ...countDense(A.ids, B.ids, R, C), sorted: false };
  // sparse: a Map keyed by id pair (R·C ≤ n² < 2^53 for any array JS can hold)
  const cells = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = A.ids[i] * C + B.ids[i];
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  const rowSums = new Float64Array(R);
  const colSums = new Float64Array(C);
  const cellRow = new Int32Array(cells.size);
  const cellCol = new Int32Array(cells.size);
  const cellCount = new Float64Array(cells.size);
  let k = 0;
  for (const [key, v] of cells) {
    const r = Math.floor(key / C);
    const c = key - r * C;
    rowSums[r] += v;
    colSums[c] += v;
    cellRow[k] = r;
    cellCol[k] = c;
    cellCount[k++] = v;
  }
  return { rowLabels: A.labels, colLabels: B.labels, rowSums, colSums, cellRow, cellCol, cellCount, sorted: false };
}

const LN_SQRT_2PI = 0.9189385332046728;

/** ln k! = lgamma(k + 1): exact product below 16, Stirling's series (error < 1e-16 absolute) above. */
export function lnFactorial(k: number): number {
  if (k < 16) {
    let p = 1;
    for (let i = 2; i <= k; i++) p *= i;
    return lnF64(p);
  }
  const x = k + 1;
  const r = 1 / x;
  const r2 = r * r;
  return (x - 0.5) * lnF64(x) - x + LN_SQRT_2PI + r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))));
}

/** Terms of the hypergeometric pmf below this fraction of its mode are dropped (past the mode it only decreases). */
const TAIL = 1e-32;

/**
 * Σ_k (k/N)·ln(N·k/(a·b))·P(k) for one pair of marginals, P the hypergeometric pmf of a cell with
 * row sum a and column sum b among N: P at the mode from log factorials, the rest by the ratio
 * P(k+1)/P(k) = (a−k)(b−k)/((k+1)(N−a−b+k+1)), up from the mode and then down.
 */
function emiPair(a: number, b: number, N: number, lnN: number, lfN: number, lfa: number, lfb: number, lfNa: number, lfNb: number, lna: number, lnb: number): number {
  const lo = Math.max(1, a + b - N);
  const hi = Math.min(a, b);
  if (lo > hi) return 0;
  const m = Math.min(hi, Math.max(lo, Math.floor(((a + 1) * (b + 1)) / (N + 2))));
  const lnP = lfa + lfb + lfNa + lfNb - lfN - lnFactorial(m) - lnFactorial(a - m) - lnFactorial(b - m) - lnFactorial(N - a - b + m);
  const pm = Math.exp(lnP);
  const c = lnN - lna - lnb;
  let s = pm * m * (c + Math.log(m));
  const stop = pm * TAIL;
  let p = pm;
  for (let n = m + 1; n <= hi; n++) {
    p *= ((a - n + 1) * (b - n + 1)) / (n * (N - a - b + n));
    if (p < stop) break;
    s += p * n * (c + Math.log(n));
  }
  p = pm;
  for (let n = m - 1; n >= lo; n--) {
    p *= ((n + 1) * (N - a - b + n + 1)) / ((a - n) * (b - n));
    if (p < stop) break;
    s += p * n * (c + Math.log(n));
  }
  return s / N;
}

function expectedMI(a: Float64Array, ma: Float64Array, b: Float64Array, mb: Float64Array, N: number): number {
  const lnN = Math.log(N);
  const lfN = lnFactorial(N);
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i];
    const lfa = lnFactorial(ai);
    const lfNa = lnFactorial(N - ai);
    const lna = Math.log(ai);
    let row = 0;
    for (let j = 0; j < b.length; j++) {
      const bj = b[j];
      row += mb[j] * emiPair(ai, bj, N, lnN, lfN, lfa, lnFactorial(bj), lfNa, lnFactorial(N - bj), lna, Math.log(bj));
    }
    total += ma[i] * row;
  }
  return total;
}

export const jsLabels: LabelKernels = {
  labelRange(x) {
    let mn = 2147483647;
    let mx = 0;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if ((v | 0) < mn) mn = v | 0;
      if (v >>> 0 > mx) mx = v >>> 0;
    }
    return [mn, mx];
  },
  countPairs,
  labelIds,
  expectedMI,
};
