/**
 * The decision-tree split kernel on WASM: assembly/trees.ts. Each call copies X, the class ids
 * and the score table whole into the family table region (WasmHost.whole), followed by the output
 * and the kernel's work region (treesWorkBytes: keys and ids twice, the radix histograms).
 */
import type { TreeKernels } from "../backend.js";
import type { WasmHost } from "./host.js";

export function wasmTrees(h: WasmHost): TreeKernels {
  const workBytes = h.kernel("treesWorkBytes");
  const split = h.kernel("bestSplitColumns");
  return {
    bestSplitColumns(X, n, cols, codes, classes, table, gini, tol, c0, c1) {
      return h.whole([X, codes, table], (c1 - c0) * (2 + classes), "f64", workBytes(n, classes), ([x, k, t], out, work) =>
        split(x, n, cols, k, classes, t, gini, tol, c0, c1, out, work),
      );
    },
  };
}
