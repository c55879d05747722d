/**
 * The JS reference of the history-counting kernel of the time-series family (assembly/dynamics.ts
 * is its twin; src/dynamics.ts finishes the counts): the joint states (y_t, y_past, x_past) of
 * series pairs counted into dense tables, the history codes rolled from step to step.
 */
import type { DynamicsKernels } from "../backend.js";

/** Cells of one history table: radix^(1 + k + l). */
export function historyCells(radix: number, k: number, l: number): number {
  return radix ** (1 + k + l);
}

/** The first time step t0 = max(k, lag + l − 1) counted (l = 0: k). */
export function firstStep(k: number, l: number, lag: number): number {
  return l > 0 ? Math.max(k, lag + l - 1) : k;
}

export const jsDynamics: DynamicsKernels = {
  /**
   * Per pair p (target row y = pairs[2p], source row x = pairs[2p + 1]) and t = t0 … n − 1: cell
   * (yp·R + y_t)·R^l + xp counted, where yp = y_{t−k}·R^{k−1} + … + y_{t−1} (y_{t−1} least
   * significant) is rolled as yp ← (yp mod R^{k−1})·R + y_t, and xp over x_{t−lag−l+1} … x_{t−lag}
   * likewise (x_{t−lag} least significant).
   */
  historyCounts(codes, n, radix, pairs, k, l, lag, p0, p1) {
    const R = radix;
    const cells = historyCells(R, k, l);
    const out = new Float64Array((p1 - p0) * cells);
    const t0 = firstStep(k, l, lag);
    const Rl = R ** l;
    const topY = R ** (k - 1);
    const topX = l > 0 ? R ** (l - 1) : 1;
    for (let p = p0; p < p1; p++) {
      const y = pairs[2 * p] * n;
      const x = pairs[2 * p + 1] * n;
      const o = (p - p0) * cells;
      let yp = 0;
      for (let j = t0 - k; j < t0; j++) yp = yp * R + codes[y + j];
      let xp = 0;
      if (l > 0) for (let j = t0 - lag - l + 1; j <= t0 - lag; j++) xp = xp * R + codes[x + j];
      for (let t = t0; t < n; t++) {
        const yt = codes[y + t];
        out[o + (yp * R + yt) * Rl + xp]++;
        yp = (yp % topY) * R + yt;
        if (l > 0) xp = (xp % topX) * R + codes[x + t + 1 - lag];
      }
    }
    return out;
  },
};
