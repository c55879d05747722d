/** The WASM Backend: one module instance, its host, and every kernel family on it. */
import type { Backend } from "../backend.js";
import { WasmHost, type Region, type WasmExports } from "./host.js";
import { wasmDiscrete } from "./discrete.js";
import { wasmLabels } from "./labels.js";
import { wasmHistogram } from "./histogram.js";
import { wasmIntegrate } from "./integrate.js";
import { wasmLosses } from "./losses.js";
import { wasmKnn } from "./knn.js";
import { wasmResampling } from "./resampling.js";
import { wasmEstimators } from "./estimators.js";
import { wasmMultivariate } from "./multivariate.js";
import { wasmDynamics } from "./dynamics.js";
import { wasmTrees } from "./trees.js";
import { wasmDivergences } from "./divergences.js";
import { wasmChannels } from "./channels.js";
import { wasmComplexity } from "./complexity.js";
import { instantiate, type WasmKind } from "./load.js";

/** Where a backend's memory comes from: its own (default), or a shared memory (the threads build). */
export interface WasmBackendOptions {
  /** A shared `WebAssembly.Memory`: the threads build is instantiated over it. */
  memory?: WebAssembly.Memory;
  /**
   * With `memory`: this instance is a pool worker's, confined to `region` (reserved by the
   * calling thread). Without: this instance owns the memory's heap, and runs the module's start.
   */
  region?: Region;
  /** A compiled single-thread build (`init({ wasm })`), used instead of the embedded one (not with `memory`). */
  module?: WebAssembly.Module;
}

/** The WASM backend, with its host (the worker pool stages inputs through it). */
export interface WasmBackend extends Backend {
  readonly host: WasmHost;
}

export async function createWasmBackend(kind: WasmKind, opts: WasmBackendOptions = {}): Promise<WasmBackend> {
  const instance = opts.module && !opts.memory ? await WebAssembly.instantiate(opts.module, {}) : await instantiate(kind, { memory: opts.memory });
  const exports = instance.exports as unknown as WasmExports;
  // the threads build exports its start (log tables, scratch) to be run once per memory, by its owner
  if (opts.memory && !opts.region) (exports._start as () => void)();
  const host = new WasmHost(kind, exports, opts.region);
  return {
    name: kind,
    host,
    ...wasmDiscrete(host),
    ...wasmLabels(host),
    ...wasmHistogram(host),
    ...wasmIntegrate(host),
    ...wasmLosses(host),
    ...wasmKnn(host),
    ...wasmResampling(host),
    ...wasmEstimators(host),
    ...wasmMultivariate(host),
    ...wasmDynamics(host),
    ...wasmTrees(host),
    ...wasmDivergences(host),
    ...wasmChannels(host),
    ...wasmComplexity(host),
    resident: opts.region ? undefined : host.heap,
    memoryBytes: () => host.memoryBytes(),
    close: () => {
      if (!opts.region) host.heap.close();
    },
  };
}
