/**
 * The JS reference of the pair-counting kernel (assembly/multivariate.ts): the count tables of
 * many pairs of coded columns in one call.
 */
import type { MultivariateKernels } from "../backend.js";

/** Cells of the tables of pairs p0 ≤ p < p1 (Σ k[i]·k[j]). */
export function pairCells(k: Int32Array, pairs: Int32Array, p0: number, p1: number): number {
  let cells = 0;
  for (let p = p0; p < p1; p++) cells += k[pairs[2 * p]] * k[pairs[2 * p + 1]];
  return cells;
}

export const jsMultivariate: MultivariateKernels = {
  pairTables(codes, n, k, pairs, p0, p1) {
    const out = new Float64Array(pairCells(k, pairs, p0, p1));
    let o = 0;
    for (let p = p0; p < p1; p++) {
      const i = pairs[2 * p];
      const j = pairs[2 * p + 1];
      const C = k[j];
      const a = i * n;
      const b = j * n;
      for (let r = 0; r < n; r++) out[o + codes[a + r] * C + codes[b + r]]++;
      o += k[i] * C;
    }
    return out;
  },
};
