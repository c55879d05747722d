/**
 * The complexity kernels in plain JS (the readable reference; twin assembly/complexity.ts).
 *
 * Ordinal patterns (permutation entropy): each window (x_t, x_{t+τ}, …, x_{t+(d−1)τ}) is coded by
 * the Lehmer code of its stable ranks, code = Σ_a c_a·(d − 1 − a)! with c_a = #{b > a : x_b < x_a}
 * (an equal later value ranks higher: of equal values the earlier ranks lower), evaluated by
 * Horner's rule, and counted into a table of d! cells per row.
 *
 * Template matches (sample and approximate entropy): the templates (x_i … x_{i+m−1}) are sorted by
 * their first value (their start indices carried along), their m + 1 coordinates copied into
 * sorted order column by column (coordinate m is NaN for a template without an (m+1)-th point, so
 * it never matches there), and each sorted position p scans forward only while the first values
 * differ by at most r (col0[q] − col0[p] ≤ r, which is |x_i − x_j| ≤ r exactly, as the columns
 * ascend; the end of that run never moves back as p advances). A q in the run matches at length m
 * when |col_k[q] − col_k[p]| ≤ r for k = 1 … m − 1, and at m + 1 when also for k = m. Every pair
 * is seen once, from its lower sorted position; the counts are exact integers (held in f64).
 */
import type { ComplexityKernels } from "../backend.js";
import { sortPairs } from "./knn.js";

/** order! */
export function factorial(order: number): number {
  let f = 1;
  for (let k = 2; k <= order; k++) f *= k;
  return f;
}

/** Templates of a row of n points: n − m (sample entropy) or n − m + 1 (every template, `perTemplate`). */
export function templatesOf(n: number, m: number, perTemplate: number): number {
  return perTemplate ? n - m + 1 : n - m;
}

function ordinalCountsRows(x: Float64Array, rows: number, cols: number, order: number, delay: number): Float64Array {
  const F = factorial(order);
  const out = new Float64Array(rows * F);
  const patterns = cols - (order - 1) * delay;
  const last = order - 1;
  for (let row = 0; row < rows; row++) {
    const base = row * cols;
    const table = row * F;
    for (let t = base; t < base + patterns; t++) {
      let code = 0;
      for (let a = 0; a < last; a++) {
        const va = x[t + a * delay];
        let c = 0;
        for (let b = a + 1; b <= last; b++) if (x[t + b * delay] < va) c++;
        code = code * (order - a) + c;
      }
      out[table + code]++;
    }
  }
  return out;
}

function templateMatches(x: Float64Array, rows: number, cols: number, m: number, r: Float64Array, perTemplate: number, p0: number, p1: number): Float64Array {
  const n = cols;
  const T = templatesOf(n, m, perTemplate);
  const width = perTemplate ? 2 * T : 2;
  const out = new Float64Array(rows * width);
  const idx = new Int32Array(T);
  const columns: Float64Array[] = [];
  for (let k = 0; k <= m; k++) columns.push(new Float64Array(T));
  const cntB = new Float64Array(perTemplate ? T : 0);
  const cntA = new Float64Array(perTemplate ? T : 0);
  const lo = Math.min(p0, T);
  const hi = Math.min(p1, T);
  for (let row = 0; row < rows; row++) {
    const xs = row * n;
    const rr = r[row];
    const keys = columns[0];
    for (let i = 0; i < T; i++) {
      keys[i] = x[xs + i];
      idx[i] = i;
    }
    sortPairs(keys, idx, 0, T - 1);
    for (let k = 1; k <= m; k++) {
      const col = columns[k];
      for (let p = 0; p < T; p++) {
        const j = idx[p] + k;
        col[p] = j < n ? x[xs + j] : NaN;
      }
    }
    cntB.fill(0);
    cntA.fill(0);
    const colM = columns[m];
    let B = 0;
    let A = 0;
    let end = lo + 1;
    for (let p = lo; p < hi; p++) {
      const v0 = keys[p];
      if (end < p + 1) end = p + 1;
      while (end < T && keys[end] - v0 <= rr) end++;
      const vm = colM[p];
      let b = 0;
      let a = 0;
      for (let q = p + 1; q < end; q++) {
        let ok = true;
        for (let k = 1; k < m && ok; k++) ok = Math.abs(columns[k][q] - columns[k][p]) <= rr;
        if (!ok) continue;
        b++;
        const okA = Math.abs(colM[q] - vm) <= rr;
        if (okA) a++;
        if (perTemplate) {
          cntB[q]++;
          if (okA) cntA[q]++;
        }
      }
      if (perTemplate) {
        cntB[p] += b;
        cntA[p] += a;
      }
      B += b;
      A += a;
    }
    const res = row * width;
    if (perTemplate) {
      for (let p = 0; p < T; p++) {
        out[res + idx[p]] = cntB[p];
        out[res + T + idx[p]] = cntA[p];
      }
    } else {
      out[res] = B;
      out[res + 1] = A;
    }
  }
  return out;
}

export const jsComplexity: ComplexityKernels = { ordinalCountsRows, templateMatches };
