import type { Matrix } from "../../src/types.js";
import { gaussianPairs, rng } from "../random.js";
import type { Workload } from "./types.js";

const RANGE: [[number, number], [number, number]] = [[-5, 5], [-5, 5]];

export const histogramWorkloads: Workload<any>[] = [
  {
    // range given: one pass (bin + count); the copy into WASM memory is inside the timing
    name: "W4 histogram MI 1e6 pairs 64x64",
    elements: 1e6,
    setup: () => gaussianPairs(1e6, 0.6, 41),
    run: (e, [x, y]: Float64Array[]) => e.histogramMutualInformation(x, y, { bins: 64, range: RANGE }),
  },
  {
    // no range: a min/max pass per axis first, as numpy.histogram2d without range
    name: "W4-norange histogram MI 1e6 pairs 64x64",
    elements: 1e6,
    setup: () => gaussianPairs(1e6, 0.6, 42),
    run: (e, [x, y]: Float64Array[]) => e.histogramMutualInformation(x, y, { bins: 64 }),
  },
  {
    name: "W4-cols MI columns 100x1e5 vs labels",
    elements: 1e7,
    setup: (): [Matrix, Int32Array] => {
      const r = rng(43);
      const rows = 1e5;
      const cols = 100;
      const data = new Float64Array(rows * cols);
      const labels = new Int32Array(rows);
      for (let i = 0; i < rows; i++) {
        labels[i] = Math.floor(r() * 5);
        for (let j = 0; j < cols; j++) data[i * cols + j] = r() + (j % 10 === 0 ? labels[i] * 0.1 : 0);
      }
      return [{ data, rows, cols }, labels];
    },
    run: (e, [X, y]: [Matrix, Int32Array]) => e.mutualInformationColumns(X, y, { bins: 16 }),
  },
];
