import type { Backend } from "./backend.js";
import { Engine } from "./engine.js";
import { createJsBackend } from "./js/backend.js";
import type { InitOptions } from "./types.js";
import { createWasmBackend } from "./wasm/backend.js";
import { simdAvailable, wasmAvailable } from "./wasm/load.js";
import { describe } from "./validate.js";
import { availableThreads, loadWorkerRuntime, sharedMemoryAvailable, WorkerPool } from "./parallel/pool.js";
import { SharedPool } from "./parallel/shared-pool.js";
import type { WasmKind } from "./wasm/load.js";

/**
 * Creates an engine. `backend: "auto"` (default) picks WASM with SIMD where the runtime
 * validates the SIMD build, else WASM without SIMD, else the pure-JS backend — also where the
 * runtime has WebAssembly but refuses to compile it (a page whose Content-Security-Policy lacks
 * 'wasm-unsafe-eval'); a named backend is used or the call rejects with the reason.
 */
export async function init(options: InitOptions = {}): Promise<Engine> {
  const want = options.backend ?? "auto";
  let backend: Backend;
  switch (want) {
    case "auto":
      backend = await autoBackend();
      break;
    case "js":
      backend = createJsBackend();
      break;
    case "wasm":
      if (!wasmAvailable()) throw new Error("init: backend \"wasm\" requested but this runtime has no WebAssembly");
      backend = await createWasmBackend("wasm");
      break;
    case "wasm-simd":
      if (!simdAvailable()) throw new Error("init: backend \"wasm-simd\" requested but this runtime does not validate WebAssembly SIMD");
      backend = await createWasmBackend("wasm-simd");
      break;
    default:
      throw new RangeError(`init: options.backend must be "auto" | "wasm-simd" | "wasm" | "js", got ${describe(want)}`);
  }
  const auto = options.threads === "auto";
  const threads = auto ? await availableThreads() : threadCount(options.threads);
  if (threads === 0) return new Engine(backend);
  // the pool's workers run the same backend as this engine
  await loadWorkerRuntime();
  if (backend.name !== "js" && options.sharedMemory !== false && sharedMemoryAvailable()) {
    // one shared WebAssembly.Memory: this engine and every worker compute on it in place
    const memory = sharedWasmMemory();
    const local = memory && (await createWasmBackend(backend.name as WasmKind, { memory }).catch(() => undefined));
    if (memory && local) {
      backend.close();
      const engine = new Engine(local);
      // the calling thread computes too: "auto" leaves it one core
      engine.attachPool(await SharedPool.start({ threads: auto ? Math.max(1, threads - 1) : threads, local, memory }));
      return engine;
    }
  }
  const engine = new Engine(backend);
  engine.attachPool(await WorkerPool.start({ threads, backend: backend.name, shared: options.sharedMemory }));
  return engine;
}

/** Pages of the threads build's memory: 48 initial (as the module declares), up to 4 GiB. */
const INITIAL_PAGES = 48;

/**
 * A shared WebAssembly.Memory for the threads build, or undefined where the runtime refuses one
 * (no threads support, or not the 4 GiB of address space a shared memory reserves up front; a
 * smaller maximum is not tried: the build declares 4 GiB).
 */
function sharedWasmMemory(): WebAssembly.Memory | undefined {
  try {
    return new WebAssembly.Memory({ initial: INITIAL_PAGES, maximum: 65536, shared: true });
  } catch {
    return undefined;
  }
}

/** `threads`: undefined/0 → no pool; else an integer 1…256 ("auto" is resolved by availableThreads). */
function threadCount(t: unknown): number {
  if (t === undefined || t === 0) return 0;
  if (typeof t !== "number" || !Number.isInteger(t) || t < 0 || t > 256)
    throw new RangeError(`init: options.threads must be an integer in [0, 256] or "auto", got ${describe(t)}`);
  return t;
}

/** WASM (SIMD where validated) if this runtime compiles it, else JS. */
async function autoBackend(): Promise<Backend> {
  if (!wasmAvailable()) return createJsBackend();
  try {
    return await createWasmBackend(simdAvailable() ? "wasm-simd" : "wasm");
  } catch {
    // WebAssembly exists but compiling is forbidden (CSP without 'wasm-unsafe-eval'): run in JS
    return createJsBackend();
  }
}
