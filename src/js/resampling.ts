/**
 * The JS reference kernels of the permutation tests and bootstrap resamples (the WASM twins are
 * in assembly/resampling.ts, draw for draw). Permutation or resample k draws from stream k of the
 * call's seed (`states`, Random.streams), so any split of k across threads gives the same values.
 */
import type { ResamplingKernels } from "../backend.js";
import { Random } from "../random.js";
import { expF64 } from "./exp.js";

export const jsResampling: ResamplingKernels = {
  /**
   * The pairs sorted by row (row r at positions rowStart[r] … rowStart[r + 1] − 1), with column
   * codes `col`. Per permutation k: a Fisher–Yates shuffle of the column codes from the top
   * (position i takes a uniform one of positions 0 … i, rows from the last down), each position
   * counted into its row's column counts as it is fixed; at the end of a row, Σ g[count] over the
   * columns it touched, in the order first touched. Result: Σ_cells g[n_ij] per permutation
   * (g[c] = c ln c makes it n·I + Σ r ln r + Σ c ln c − n ln n: the margins do not change).
   */
  permutationSums(col, rowStart, rows, cols, g, states, k0, k1) {
    const n = col.length;
    const w = new Uint32Array(n);
    const cnt = new Uint32Array(cols);
    const touched = new Uint32Array(cols);
    const out = new Float64Array(k1 - k0);
    for (let k = k0; k < k1; k++) {
      const rng = Random.fromState(states, k);
      w.set(col);
      let s = 0;
      for (let r = rows - 1; r >= 0; r--) {
        let m = 0;
        for (let i = rowStart[r + 1] - 1; i >= rowStart[r]; i--) {
          const j = rng.below(i + 1);
          const t = w[j];
          w[j] = w[i];
          if (cnt[t]++ === 0) touched[m++] = t;
        }
        for (let q = 0; q < m; q++) {
          s += g[cnt[touched[q]]];
          cnt[touched[q]] = 0;
        }
      }
      out[k - k0] = s;
    }
    return out;
  },

  /**
   * Σ_cells g[n_ij] of random tables with margins rowSums × colSums, one per stream k: the
   * distribution of the table of a uniformly random permutation of the pairs (the multivariate
   * hypergeometric), drawn cell by cell as Patefield (1981, AS 159) does: rows in order; in row
   * i, cell j is hypergeometric given the cells before it (m of the row's items still to place
   * among the T items left in columns j …, K of them in column j); the last column of a row and
   * the last row follow by difference. O(rows·cols·√n) per table, not O(n). Summed row-major.
   */
  tableSums(rowSums, colSums, lf, g, states, k0, k1) {
    const rows = rowSums.length;
    const cols = colSums.length;
    const cr = new Float64Array(cols);
    let n = 0;
    for (let j = 0; j < cols; j++) n += colSums[j];
    const out = new Float64Array(k1 - k0);
    for (let k = k0; k < k1; k++) {
      const rng = Random.fromState(states, k);
      cr.set(colSums);
      let s = 0;
      let rest = n;
      for (let i = 0; i < rows - 1; i++) {
        let m = rowSums[i];
        let T = rest;
        for (let j = 0; j < cols - 1; j++) {
          const K = cr[j];
          const lo = Math.max(0, m - (T - K));
          const hi = Math.min(K, m);
          const x = lo < hi ? hypergeometric(T, K, m, lo, hi, lf, rng) : lo;
          s += g[x];
          cr[j] = K - x;
          m -= x;
          T -= K;
        }
        s += g[m];
        cr[cols - 1] -= m;
        rest -= rowSums[i];
      }
      for (let j = 0; j < cols; j++) s += g[cr[j]];
      out[k - k0] = s;
    }
    return out;
  },

  /**
   * The cell counts of bootstrap resamples of the n = Σ counts pairs of a table of K cells: a
   * multinomial draw of n over the cells with probabilities counts/n, cell by cell (cell j
   * binomial with the draws left and probability counts[j] / (the counts of cells j …), the last
   * by difference), O(K·√n) per resample; at [(k − k0)·K …]. lf[i] = ln i!, ln[i] = ln i.
   */
  multinomialCounts(counts, lf, ln, states, k0, k1) {
    const K = counts.length;
    let n = 0;
    for (let j = 0; j < K; j++) n += counts[j];
    const out = new Float64Array((k1 - k0) * K);
    for (let k = k0; k < k1; k++) {
      const rng = Random.fromState(states, k);
      const o = (k - k0) * K;
      let N = n;
      let R = n;
      for (let j = 0; j < K - 1; j++) {
        const c = counts[j];
        const x = N > 0 && c < R ? binomial(N, c, R, lf, ln, rng) : c < R ? 0 : N;
        out[o + j] = x;
        N -= x;
        R -= c;
      }
      out[o + K - 1] = N;
    }
    return out;
  },

  /** Per resample k: n draws with replacement of a pair index i, each counted into cell[i]; counts at [(k − k0)·cells …]. */
  bootstrapCounts(cell, cells, states, k0, k1) {
    const n = cell.length;
    const out = new Float64Array((k1 - k0) * cells);
    for (let k = k0; k < k1; k++) {
      const rng = Random.fromState(states, k);
      const o = (k - k0) * cells;
      for (let i = 0; i < n; i++) out[o + cell[rng.below(n)]]++;
    }
    return out;
  },
};

/**
 * One hypergeometric draw: the successes among m draws without replacement from T items, K of
 * them successes (lo = max(0, m − (T − K)) < hi = min(K, m)), by inversion from the mode
 * ⌊(m + 1)(K + 1)/(T + 2)⌋ with P(mode) from lf[i] = ln i! and expF64.
 */
function hypergeometric(T: number, K: number, m: number, lo: number, hi: number, lf: Float64Array, rng: Random): number {
  let mode = Math.floor(((m + 1) * (K + 1)) / (T + 2));
  if (mode < lo) mode = lo;
  if (mode > hi) mode = hi;
  const F = T - K - m;
  const lp = lf[K] - lf[mode] - lf[K - mode] + lf[T - K] - lf[m - mode] - lf[F + mode] - lf[T] + lf[m] + lf[T - m];
  return fromMode(expF64(lp), mode, lo, hi, K, m, F, 1, rng);
}

/**
 * One binomial draw: the successes in N trials of probability c/R (0 < c < R), by inversion from
 * the mode ⌊(N + 1)c/R⌋, P(mode) from lf[i] = ln i!, ln[i] = ln i and expF64.
 */
function binomial(N: number, c: number, R: number, lf: Float64Array, ln: Float64Array, rng: Random): number {
  let mode = Math.floor(((N + 1) * c) / R);
  if (mode > N) mode = N;
  const lq = ln[R];
  const lp = lf[N] - lf[mode] - lf[N - mode] + mode * (ln[c] - lq) + (N - mode) * (ln[R - c] - lq);
  return fromMode(expF64(lp), mode, 0, N, N, c, R - c, 0, rng);
}

/**
 * Inversion of a uniform by a search outward from the mode, alternately up and down, of a pmf
 * with P(x + 1)/P(x) = (P − x)(Q − s·x) / ((x + 1)(S + s·x + s)) on [lo, hi], pm = P(mode): the
 * hypergeometric (P = K, Q = m, S = T − K − m, s = 1) and the binomial (P = N, Q = c, S = R − c,
 * s = 0). The pmf values are products and quotients of integers, so that the WASM twin
 * (assembly/resampling.ts) draws the same value from the same uniform. Expected steps ~1.6 sd.
 */
function fromMode(pm: number, mode: number, lo: number, hi: number, P: number, Q: number, S: number, s: number, rng: Random): number {
  let u = rng.uniform() - pm;
  if (u <= 0) return mode;
  let l = mode;
  let h = mode;
  let pl = pm;
  let ph = pm;
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
