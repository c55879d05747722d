/**
 * The decision-tree split kernel on WASM: assembly/trees.ts. Each call copies the class ids and the
 * score table (and X, unless it already lives in WASM memory: an it.allocate() array, or the
 * shared memory of the worker pool, read in place) into the family table region
 * (WasmHost.whole), followed by the output and the kernel's work region (treesWorkBytes).
 */
import type { TreeKernels } from "../backend.js";
import type { WasmHost } from "./host.js";

export function wasmTrees(h: WasmHost): TreeKernels {
  const workBytes = h.kernel("treesWorkBytes");
  const split = h.kernel("bestSplitColumns");
  return {
    bestSplitColumns(X, n, cols, codes, classes, table, gini, tol, c0, c1) {
      return h.whole([X, codes, table], (c1 - c0) * (2 + classes), "f64", workBytes(n, classes, c1 - c0), ([x, k, t], out, work) => {
        split(x, n, cols, k, classes, t, gini, tol, c0, c1, out, work);
      });
    },
  };
}
