/**
 * The histogram kernels in plain JS: the readable reference. Each sample's bin comes from
 * binOf() (src/histogram-bins.ts): equal-width index ⌊(x − first)·norm⌋ corrected against the
 * edges, or a binary search; out-of-range samples are dropped, non-finite ones counted in `bad`.
 */
import type { BinCounts, BinSpec, FloatArray, HistogramKernels } from "../backend.js";
import { binOf } from "../histogram-bins.js";

const finite = (v: number) => v - v === 0;

export const jsHistogram: HistogramKernels = {
  minMax(x: FloatArray): Float64Array {
    let min = Infinity;
    let max = -Infinity;
    let bad = 0;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (!finite(v)) bad++;
      else {
        if (v < min) min = v;
        if (v > max) max = v;
      }
    }
    return Float64Array.of(min, max, bad);
  },

  columnMinMax(X: FloatArray, rows: number, cols: number): Float64Array {
    const out = new Float64Array(3 * cols);
    for (let j = 0; j < cols; j++) {
      out[3 * j] = Infinity;
      out[3 * j + 1] = -Infinity;
    }
    for (let r = 0; r < rows; r++) {
      for (let j = 0, i = r * cols; j < cols; j++, i++) {
        const v = X[i];
        if (!finite(v)) out[3 * j + 2]++;
        else {
          if (v < out[3 * j]) out[3 * j] = v;
          if (v > out[3 * j + 1]) out[3 * j + 1] = v;
        }
      }
    }
    return out;
  },

  histogram1d(x: FloatArray, bx: BinSpec): BinCounts {
    const counts = new Float64Array(bx.n);
    let bad = 0;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (!finite(v)) bad++;
      const b = binOf(bx, v);
      if (b >= 0) counts[b]++;
    }
    return { counts, bad };
  },

  binCodes(x: FloatArray, bx: BinSpec): { codes: Int32Array; bad: number } {
    const codes = new Int32Array(x.length);
    let bad = 0;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (!finite(v)) bad++;
      codes[i] = binOf(bx, v);
    }
    return { codes, bad };
  },

  histogram2d(x: FloatArray, y: FloatArray, bx: BinSpec, by: BinSpec): BinCounts {
    const ny = by.n;
    const counts = new Float64Array(bx.n * ny);
    let bad = 0;
    for (let i = 0; i < x.length; i++) {
      const u = x[i];
      const v = y[i];
      if (!finite(u) || !finite(v)) bad++;
      const a = binOf(bx, u);
      const b = binOf(by, v);
      if (a >= 0 && b >= 0) counts[a * ny + b]++;
    }
    return { counts, bad };
  },

  columnCounts(X: FloatArray, rows: number, cols: number, bins: readonly BinSpec[], yIdx: Int32Array, k: number): BinCounts {
    const offset = new Int32Array(cols);
    let total = 0;
    for (let j = 0; j < cols; j++) {
      offset[j] = total;
      total += bins[j].n * k;
    }
    const counts = new Float64Array(total);
    let bad = 0;
    for (let r = 0; r < rows; r++) {
      const c = yIdx[r];
      for (let j = 0, i = r * cols; j < cols; j++, i++) {
        const v = X[i];
        if (!finite(v)) bad++;
        const b = binOf(bins[j], v);
        if (b >= 0 && c >= 0) counts[offset[j] + b * k + c]++;
      }
    }
    return { counts, bad };
  },
};
