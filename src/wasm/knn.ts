/**
 * The kNN kernels on WASM: assembly/knn.ts. Each call copies its inputs whole into the family
 * table region (WasmHost.whole), followed by the output and the kernel's work region
 * (knnWorkBytes: the tree or sorted copies), and reads the output back.
 */
import type { KnnKernels } from "../backend.js";
import type { WasmHost } from "./host.js";

export function wasmKnn(h: WasmHost): KnnKernels {
  const fn = (name: string) => h.kernel(name);
  const K = {
    knnWorkBytes: fn("knnWorkBytes"),
    knnDistances: fn("knnDistances"),
    knnCross: fn("knnCross"),
    countWithin: fn("countWithin"),
    ksgColumns: fn("ksgColumns"),
    rossColumns: fn("rossColumns"),
  };
  const run = h.whole.bind(h);

  return {
    knnDistances(points, n, d, k, metric, split, q0, q1) {
      const w = split > 0 ? 3 : 1;
      return run([points], (q1 - q0) * w, "f64", K.knnWorkBytes(0, n, d, k, 0), ([p], out, work) => K.knnDistances(p, n, d, k, metric, split, q0, q1, out, work));
    },
    knnCross(query, m, ref, n, d, k, metric, q0, q1) {
      return run([query, ref], q1 - q0, "f64", K.knnWorkBytes(0, n, d, k, 0), ([q, r], out, work) => K.knnCross(q, m, r, n, d, k, metric, q0, q1, out, work));
    },
    countWithin(points, n, d, radius, q0, q1) {
      return run([points, radius], q1 - q0, "i32", K.knnWorkBytes(0, n, d, 1, 0), ([p, r], out, work) => K.countWithin(p, n, d, r, q0, q1, out, work));
    },
    ksgColumns(X, n, cols, y, k, c0, c1) {
      return run([X, y], (c1 - c0) * 2 * n, "i32", K.knnWorkBytes(1, n, 2, k, 0), ([x, yy], out, work) => K.ksgColumns(x, n, cols, yy, k, c0, c1, out, work));
    },
    rossColumns(X, n, cols, labels, classes, kc, c0, c1) {
      return run([X, labels, kc], (c1 - c0) * n, "i32", K.knnWorkBytes(2, n, 1, 1, classes), ([x, l, c], out, work) => K.rossColumns(x, n, cols, l, classes, c, c0, c1, out, work));
    },
  };
}
