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
   * (yp·R + y_t)·R^l + xp counted, yp = y_{t−k}·R^{k−1} + … + y_{t−1} and xp = x_{t−lag−l+1}·R^{l−1}
   * + … + x_{t−lag} (the latest value least significant), each from its own window. `width` 1:
   * the codes are the bytes of `codes`. Counted in u32 tables (exact), returned as f64.
   */
  historyCounts(packed, width, n, radix, pairs, k, l, lag, p0, p1) {
    const codes = width === 1 ? new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength) : packed;
    const R = radix;
    const cells = historyCells(R, k, l);
    const out = new Float64Array((p1 - p0) * cells);
    const table = new Uint32Array(cells);
    const t0 = firstStep(k, l, lag);
    const Rl = R ** l;
    for (let p = p0; p < p1; p++) {
      const y = pairs[2 * p] * n;
      const x = pairs[2 * p + 1] * n;
      table.fill(0);
      for (let t = t0; t < n; t++) {
        let yp = 0;
        for (let j = y + t - k; j < y + t; j++) yp = yp * R + codes[j];
        let xp = 0;
        for (let j = x + t - lag - l + 1; j <= x + t - lag; j++) xp = xp * R + codes[j];
        table[(yp * R + codes[y + t]) * Rl + xp]++;
      }
      out.set(table, (p - p0) * cells);
    }
    return out;
  },
};
