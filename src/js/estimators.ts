/**
 * The JS reference kernels of the entropy estimators (src/estimators.ts): one plain loop per
 * row over non-negative counts n_i. assembly/estimators.ts computes the same sums.
 *
 * countStatsRows returns, per row, the sums every closed-form estimator is finished from
 * (COUNT_WIDTH values):
 *   [N = Σn, T = Σ n ln n, m = #(n > 0), f1 = #(n = 1), Q = Σ n², E = Σ n·e(n), J = Σ n·h(n),
 *    min n, #(n not an integer)]
 * with, for integer n ≥ 1,
 *   e(n) = ln n − G(n),  G(n) = ψ(n) + ½(−1)^n (ψ((n+1)/2) − ψ(n/2))   (Grassberger 2003, eq. 35)
 *   h(n) = −(n − 1)·ln(1 − 1/n)                                        (the jackknife, see below)
 * so that the estimators finish without cancellation: H_G = Ĥ + E/N, H_J = Ĥ + h(N) − J/N.
 * E and J skip non-integer counts (those are an error for every estimator that uses them).
 *
 * n ln n, n·e(n) and n·h(n) come from one table for n < COUNT_TABLE_SIZE, computed here once in
 * TypeScript from src/special.ts's digamma and handed to every backend (the WASM host copies it
 * in), so that the common small counts give the same bits everywhere; from COUNT_TABLE_SIZE on,
 * e and h are their asymptotic series (below, and their twins in assembly/estimators.ts), whose
 * truncation error at n = 1024 is below 1e-25 relative (checked against mpmath).
 */
import type { EstimatorKernels, FloatArray } from "../backend.js";
import { MIN, SUM } from "../cascade.js";
import { digamma } from "../special.js";
import { reduceRows, type BlockKernel } from "./rows.js";

/** Counts below this are looked up in the count table. */
export const COUNT_TABLE_SIZE = 1024;

/**
 * e(n) = ln n − G(n) for n ≥ COUNT_TABLE_SIZE: (ln n − ψ(n)) − ½(−1)^n (ψ((n+1)/2) − ψ(n/2)) with
 * ln n − ψ(n) = 1/(2n) + 1/(12n²) − 1/(120n⁴) + 1/(252n⁶) − 1/(240n⁸) and
 * ψ((n+1)/2) − ψ(n/2) = 1/n + 1/(2n²) − 1/(4n⁴) + 1/(2n⁶) − 17/(8n⁸) (Σ (2^{2k} − 1)B_{2k}/(k n^{2k})).
 */
export function grassbergerTail(n: number): number {
  const x = 1 / n;
  const f = x * x;
  const lnMinusPsi = x * 0.5 + f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240))));
  const beta = x + f * (0.5 - f * (0.25 - f * (0.5 - f * (17 / 8))));
  return n % 2 === 0 ? lnMinusPsi - 0.5 * beta : lnMinusPsi + 0.5 * beta;
}

/** h(n) = −(n − 1) ln(1 − 1/n) = 1 − Σ_{k≥1} 1/(k(k+1) n^k), for n ≥ COUNT_TABLE_SIZE (six terms). */
export function jackknifeTail(n: number): number {
  const x = 1 / n;
  return 1 - x * (1 / 2 + x * (1 / 6 + x * (1 / 12 + x * (1 / 20 + x * (1 / 30 + x * (1 / 42))))));
}

/** h(n) = −(n − 1)·ln(1 − 1/n) for integer n ≥ 1 (h(1) = 0), directly. */
export function jackknifeH(n: number): number {
  return n <= 1 ? 0 : -(n - 1) * Math.log1p(-1 / n);
}

/** Grassberger's G(n) = ψ(n) + ½(−1)^n (ψ((n+1)/2) − ψ(n/2)), integer n ≥ 1. */
export function grassbergerG(n: number): number {
  const d = digamma((n + 1) / 2) - digamma(n / 2);
  return digamma(n) + (n % 2 === 0 ? 0.5 * d : -0.5 * d);
}

let table: Float64Array | null = null;

/**
 * The count table handed to countStatsRows: three runs of COUNT_TABLE_SIZE f64,
 * [n ln n], [n·e(n)], [n·h(n)] for n = 0 … COUNT_TABLE_SIZE − 1 (0 at n = 0).
 */
export function countTable(): Float64Array {
  if (table) return table;
  const L = COUNT_TABLE_SIZE;
  const t = new Float64Array(3 * L);
  for (let n = 1; n < L; n++) {
    t[n] = n * Math.log(n);
    t[L + n] = n * (Math.log(n) - grassbergerG(n));
    t[2 * L + n] = n * jackknifeH(n);
  }
  table = t;
  return t;
}

/** Per-row output width of countStatsRows. */
export const COUNT_WIDTH = 9;
export const COUNT_OPS = [SUM, SUM, SUM, SUM, SUM, SUM, SUM, MIN, SUM] as const;

/** The COUNT_WIDTH sums of elements [i0, i1), the table in `k`. */
export const countStatsBlock: BlockKernel = (x, _b, i0, i1, acc, tab) => {
  const L = COUNT_TABLE_SIZE;
  let N = 0, T = 0, m = 0, f1 = 0, Q = 0, E = 0, J = 0, mn = Infinity, bad = 0;
  for (let i = i0; i < i1; i++) {
    const n = x[i];
    N += n;
    Q += n * n;
    if (n < mn) mn = n;
    if (n > 0) {
      m++;
      if (n === 1) f1++;
      if (n < L && n === Math.floor(n)) {
        T += tab[n];
        E += tab[L + n];
        J += tab[2 * L + n];
      } else {
        T += n * Math.log(n);
        if (n === Math.floor(n)) {
          E += n * grassbergerTail(n);
          J += n * jackknifeTail(n);
        } else bad++;
      }
    } else if (n !== 0) bad++; // negative or NaN: the sums and the minimum report it too
  }
  acc[0] = N; acc[1] = T; acc[2] = m; acc[3] = f1; acc[4] = Q; acc[5] = E; acc[6] = J; acc[7] = mn; acc[8] = bad;
};

/** Σ t ln t over t = a + b·n (t > 0), [a, b] = k[kOff], k[kOff + 1]: the shrinkage (James–Stein) entropy sum. */
export const shrinkBlock: BlockKernel = (x, _b, i0, i1, acc, k, kOff) => {
  const a = k[kOff];
  const b = k[kOff + 1];
  let s = 0;
  for (let i = i0; i < i1; i++) {
    const t = a + b * x[i];
    if (t > 0) s += t * Math.log(t);
  }
  acc[0] = s;
};

/**
 * Σ_{n>0} −p ln p / (1 − (1 − p)^N), p = c·n, [c, N] = k[kOff], k[kOff + 1]: the Chao–Shen
 * (Horvitz–Thompson) sum, its denominator −expm1(N·log1p(−p)) (1 when p = 1).
 */
export const chaoShenBlock: BlockKernel = (x, _b, i0, i1, acc, k, kOff) => {
  const c = k[kOff];
  const N = k[kOff + 1];
  let s = 0;
  for (let i = i0; i < i1; i++) {
    const n = x[i];
    if (n > 0) {
      const p = c * n;
      s += (-p * Math.log(p)) / -Math.expm1(N * Math.log1p(-p));
    }
  }
  acc[0] = s;
};

const ONE_SUM = [SUM] as const;

export const jsEstimators: EstimatorKernels = {
  countStatsRows: (x, rows, cols) => reduceRows(COUNT_OPS, countStatsBlock, x, x, rows, cols, countTable(), 0),
  shrinkRows: (x: FloatArray, rows, cols, ctx) => reduceRows(ONE_SUM, shrinkBlock, x, x, rows, cols, ctx, 2),
  chaoShenRows: (x: FloatArray, rows, cols, ctx) => reduceRows(ONE_SUM, chaoShenBlock, x, x, rows, cols, ctx, 2),
};
