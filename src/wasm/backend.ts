/** The WASM Backend: one module instance, its host, and every kernel family on it. */
import type { Backend } from "../backend.js";
import { WasmHost, type WasmExports } from "./host.js";
import { wasmDiscrete } from "./discrete.js";
import { wasmLabels } from "./labels.js";
import { wasmHistogram } from "./histogram.js";
import { wasmIntegrate } from "./integrate.js";
import { wasmLosses } from "./losses.js";
import { wasmKnn } from "./knn.js";
import { instantiate, type WasmKind } from "./load.js";

/** The WASM backend of `kind`: over the given compiled single-thread build (`init({ wasm })`), else the embedded one. */
export async function createWasmBackend(kind: WasmKind, module?: WebAssembly.Module): Promise<Backend> {
  const instance = module ? await WebAssembly.instantiate(module, {}) : await instantiate(kind);
  const host = new WasmHost(kind, instance.exports as unknown as WasmExports);
  return {
    name: kind,
    ...wasmDiscrete(host),
    ...wasmLabels(host),
    ...wasmHistogram(host),
    ...wasmIntegrate(host),
    ...wasmLosses(host),
    ...wasmKnn(host),
    resident: host.heap,
    memoryBytes: () => host.memoryBytes(),
    close: () => host.heap.close(),
  };
}
