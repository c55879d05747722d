// Permutation tests and bootstrap resamples of a contingency table, counted in place: the twin of
// src/js/resampling.ts, draw for draw (read that file for the algorithm). Each permutation or
// resample k draws from its own generator stream (states[4k …], assembly/random.ts).
//
// Memory: the host copies the inputs and hands a `work` region of resampleWorkBytes(n, cols)
// bytes; nothing is allocated.

import { below, nextU32, seedFrom } from "./random";
import { expF64 } from "./exp";

// @ts-ignore: decorator
@inline function a64(x: usize): usize {
  return (x + 63) & ~(<usize>63);
}

/** Bytes of work for permutationSums: the column codes narrowed and their shuffled copy, the column counts and the touched list. */
export function resampleWorkBytes(n: i32, cols: i32): usize {
  return 2 * a64(<usize>n << codeShift(cols)) + 2 * a64(<usize>cols << 2);
}

/** log2 of the bytes per column code: 1 byte for up to 256 columns, 2 for 65536, else 4 (a smaller array stays in cache). */
function codeShift(cols: i32): i32 {
  return cols <= 256 ? 0 : cols <= 65536 ? 1 : 2;
}

/**
 * Σ_cells g[n_ij] of the table of each permutation k0 ≤ k < k1 of the column codes `col` (n, in
 * 0 … cols − 1) against rows given by `rowStart` (the pairs sorted by row: row r holds positions
 * rowStart[r] … rowStart[r + 1] − 1). A Fisher–Yates shuffle from the top: position i takes a
 * uniform one of positions 0 … i, and is counted into its row's column counts at once.
 */
export function permutationSums(col: usize, n: i32, rowStart: usize, rows: i32, cols: i32, g: usize, states: usize, k0: i32, k1: i32, out: usize, work: usize): void {
  const shift = codeShift(cols);
  if (shift == 0) permute<u8>(col, n, rowStart, rows, cols, g, states, k0, k1, out, work);
  else if (shift == 1) permute<u16>(col, n, rowStart, rows, cols, g, states, k0, k1, out, work);
  else permute<u32>(col, n, rowStart, rows, cols, g, states, k0, k1, out, work);
}

function permute<T>(col: usize, n: i32, rowStart: usize, rows: i32, cols: i32, g: usize, states: usize, k0: i32, k1: i32, out: usize, work: usize): void {
  const size = <usize>n << alignof<T>();
  const codes = work;
  const w = codes + a64(size);
  const cnt = w + a64(size);
  const touched = cnt + a64(<usize>cols << 2);
  for (let i = 0; i < n; i++) store<T>(codes + (<usize>i << alignof<T>()), <T>load<u32>(col + (<usize>i << 2)));
  memory.fill(cnt, 0, <usize>cols << 2);
  for (let k = k0; k < k1; k++) {
    seedFrom(states, k);
    memory.copy(w, codes, size);
    let s: f64 = 0;
    for (let r = rows - 1; r >= 0; r--) {
      const lo = load<i32>(rowStart + (<usize>r << 2));
      let m = 0;
      for (let i = load<i32>(rowStart + (<usize>(r + 1) << 2)) - 1; i >= lo; i--) {
        const pj = w + (<usize>below(<u32>(i + 1)) << alignof<T>());
        const t = <u32>load<T>(pj);
        store<T>(pj, load<T>(w + (<usize>i << alignof<T>())));
        const pc = cnt + (<usize>t << 2);
        const c = load<u32>(pc);
        if (c == 0) {
          store<u32>(touched + (<usize>m << 2), t);
          m++;
        }
        store<u32>(pc, c + 1);
      }
      for (let q = 0; q < m; q++) {
        const pc = cnt + (<usize>load<u32>(touched + (<usize>q << 2)) << 2);
        s += load<f64>(g + (<usize>load<u32>(pc) << 3));
        store<u32>(pc, 0);
      }
    }
    store<f64>(out + (<usize>(k - k0) << 3), s);
  }
}

/**
 * The cell counts of each bootstrap resample k0 ≤ k < k1 of the n = Σ counts pairs of a table
 * (K cells): a multinomial draw of n over the cells with probabilities counts/n, cell by cell
 * (each binomial given the cells before it, the last by difference), O(K·√n) per resample.
 * At out[(k − k0)·K …]; lf[i] = ln i!, ln[i] = ln i for i ≤ n.
 */
export function multinomialCounts(counts: usize, K: i32, lf: usize, ln: usize, states: usize, k0: i32, k1: i32, out: usize): void {
  let n: f64 = 0;
  for (let j = 0; j < K; j++) n += load<f64>(counts + (<usize>j << 3));
  for (let k = k0; k < k1; k++) {
    seedFrom(states, k);
    const o = out + ((<usize>(k - k0) * <usize>K) << 3);
    let N = n;
    let R = n;
    for (let j = 0; j < K - 1; j++) {
      const c = load<f64>(counts + (<usize>j << 3));
      const x = N > 0 && c < R ? binomial(N, c, R, lf, ln) : c < R ? 0 : N;
      store<f64>(o + (<usize>j << 3), x);
      N -= x;
      R -= c;
    }
    store<f64>(o + (<usize>(K - 1) << 3), N);
  }
}

/**
 * The cell counts of each bootstrap resample k0 ≤ k < k1 of n pairs: n draws with replacement of
 * a pair index i, counted into cell[i] (0 … cells − 1), at out[(k − k0)·cells …].
 */
export function bootstrapCounts(cell: usize, n: i32, cells: i32, states: usize, k0: i32, k1: i32, out: usize): void {
  for (let k = k0; k < k1; k++) {
    seedFrom(states, k);
    const o = out + ((<usize>(k - k0) * <usize>cells) << 3);
    memory.fill(o, 0, <usize>cells << 3);
    for (let i = 0; i < n; i++) {
      const p = o + (<usize>load<u32>(cell + (<usize>below(<u32>n) << 2)) << 3);
      store<f64>(p, load<f64>(p) + 1);
    }
  }
}

/** A uniform double in [0, 1) with 53 random bits (Random.uniform). */
// @ts-ignore: decorator
@inline function uniform(): f64 {
  const a = nextU32() >>> 5;
  const b = nextU32() >>> 6;
  return (<f64>a * 67108864.0 + <f64>b) / 9007199254740992.0;
}

/**
 * One draw of the hypergeometric distribution: successes among m draws without replacement
 * from T items of which K are successes (lo < hi), by inversion from the mode (the twin of
 * hypergeometric() in src/js/resampling.ts; lf[i] = ln i!).
 */
function hypergeometric(T: f64, K: f64, m: f64, lo: f64, hi: f64, lf: usize): f64 {
  let mode = Math.floor(((m + 1) * (K + 1)) / (T + 2));
  if (mode < lo) mode = lo;
  if (mode > hi) mode = hi;
  const F = T - K - m;
  const lp =
    lfac(lf, K) - lfac(lf, mode) - lfac(lf, K - mode) + lfac(lf, T - K) - lfac(lf, m - mode) - lfac(lf, F + mode) - lfac(lf, T) + lfac(lf, m) + lfac(lf, T - m);
  return fromMode(expF64(lp), mode, lo, hi, K, m, F, 1);
}

/**
 * One binomial draw: successes in N trials of probability c/R (0 < c < R), by inversion from the
 * mode (the twin of binomial() in src/js/resampling.ts; lf[i] = ln i!, ln[i] = ln i).
 */
function binomial(N: f64, c: f64, R: f64, lf: usize, ln: usize): f64 {
  let mode = Math.floor(((N + 1) * c) / R);
  if (mode > N) mode = N;
  const lq = lfac(ln, R);
  const lp = lfac(lf, N) - lfac(lf, mode) - lfac(lf, N - mode) + mode * (lfac(ln, c) - lq) + (N - mode) * (lfac(ln, R - c) - lq);
  return fromMode(expF64(lp), mode, 0, N, N, c, R - c, 0);
}

/**
 * Inversion of a uniform by a search outward from the mode (alternately up and down) of a pmf
 * with P(x + 1)/P(x) = (P − x)(Q − s·x) / ((x + 1)(S + s·x + s)) on [lo, hi], pm = P(mode): the
 * hypergeometric (s = 1) and the binomial (s = 0). The twin of fromMode() in src/js/resampling.ts.
 */
function fromMode(pm: f64, mode: f64, lo: f64, hi: f64, P: f64, Q: f64, S: f64, s: f64): f64 {
  let u = uniform() - pm;
  if (u <= 0) return mode;
  let l = mode, h = mode, pl = pm, ph = pm;
  while (h < hi || l > lo) {
    if (h < hi) {
      ph = (ph * ((P - h) * (Q - s * h))) / ((h + 1) * (S + s * h + s));
      h++;
      u -= ph;
      if (u <= 0) return h;
    }
    if (l > lo) {
      pl = (pl * (l * (S + s * l))) / ((P - l + 1) * (Q - s * l + s));
      l--;
      u -= pl;
      if (u <= 0) return l;
    }
  }
  return mode; // the rounding left u > 0 after the whole support
}

// @ts-ignore: decorator
@inline function lfac(lf: usize, i: f64): f64 {
  return load<f64>(lf + (<usize>i << 3));
}

/**
 * Σ_cells g[n_ij] of random tables with the margins rowSums (rows) and colSums (cols), one per
 * stream k0 ≤ k < k1: the distribution of the table of a random permutation, drawn cell by cell
 * (each cell hypergeometric given the cells before it, rows in order, the last row and column
 * by difference), in O(rows·cols·√n) per table instead of O(n). Work: cols f64.
 */
export function tableSums(rowSums: usize, rows: i32, colSums: usize, cols: i32, lf: usize, g: usize, states: usize, k0: i32, k1: i32, out: usize, work: usize): void {
  const cr = work;
  let n: f64 = 0;
  for (let j = 0; j < cols; j++) n += load<f64>(colSums + (<usize>j << 3));
  for (let k = k0; k < k1; k++) {
    seedFrom(states, k);
    memory.copy(cr, colSums, <usize>cols << 3);
    let s: f64 = 0;
    let rest = n;
    for (let i = 0; i < rows - 1; i++) {
      const r = load<f64>(rowSums + (<usize>i << 3));
      let m = r;
      let T = rest;
      for (let j = 0; j < cols - 1; j++) {
        const pj = cr + (<usize>j << 3);
        const K = load<f64>(pj);
        const lo = Math.max(0, m - (T - K));
        const hi = Math.min(K, m);
        const x = lo < hi ? hypergeometric(T, K, m, lo, hi, lf) : lo;
        s += load<f64>(g + (<usize>x << 3));
        store<f64>(pj, K - x);
        m -= x;
        T -= K;
      }
      s += load<f64>(g + (<usize>m << 3));
      const pl = cr + (<usize>(cols - 1) << 3);
      store<f64>(pl, load<f64>(pl) - m);
      rest -= r;
    }
    for (let j = 0; j < cols; j++) s += load<f64>(g + (<usize>load<f64>(cr + (<usize>j << 3)) << 3));
    store<f64>(out + (<usize>(k - k0) << 3), s);
  }
}
