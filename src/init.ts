import type { Backend } from "./backend.js";
import { Engine } from "./engine.js";
import type { InitOptions } from "./types.js";
import { createWasmBackend } from "./wasm/backend.js";
import { simdAvailable, wasmAvailable, type WasmKind } from "./wasm/load.js";
import { checkWasmSource, loadWasmSource } from "./wasm/source.js";
import { describe } from "./validate.js";

/**
 * Creates an engine. `backend: "auto"` (default) picks WASM with SIMD where the runtime
 * validates WebAssembly SIMD, else WASM without SIMD, else the pure-JS backend — also where the
 * runtime has WebAssembly but refuses to compile it (a page whose Content-Security-Policy lacks
 * 'wasm-unsafe-eval'); a named backend is used or the call rejects with the reason.
 * `options.wasm` supplies the single-thread build instead of the embedded one (see InitOptions);
 * failing to fetch it rejects, while "auto" still falls back to JS if it does not compile.
 * Code that does not run is not loaded: the JS backend and the worker pool are imported on use.
 */
export async function init(options: InitOptions = {}): Promise<Engine> {
  const want = options.backend ?? "auto";
  if (options.wasm !== undefined) checkWasmSource(options.wasm);
  if (want !== "auto" && want !== "js" && want !== "wasm" && want !== "wasm-simd")
    throw new RangeError(`init: options.backend must be "auto" | "wasm-simd" | "wasm" | "js", got ${describe(want)}`);
  if (want === "wasm" && !wasmAvailable()) throw new Error("init: backend \"wasm\" requested but this runtime has no WebAssembly");
  if (want === "wasm-simd" && !simdAvailable()) throw new Error("init: backend \"wasm-simd\" requested but this runtime does not validate WebAssembly SIMD");
  const threads = options.threads === "auto" ? await (await import("./parallel/pool.js")).availableThreads() : threadCount(options.threads);
  if (threads > 0) {
    const engine = await sharedMemoryEngine(want, threads, options);
    if (engine) return engine;
  }
  let backend: Backend;
  switch (want) {
    case "auto":
      backend = await autoBackend(options.wasm);
      break;
    case "js":
      backend = await jsBackend();
      break;
    default:
      backend = await wasmBackend(want, await loadGiven(options.wasm));
  }
  const engine = new Engine(backend);
  if (threads === 0) return engine;
  // the pool's workers run the same backend as this engine (its code is loaded only here)
  const { loadWorkerRuntime, WorkerPool } = await import("./parallel/pool.js");
  await loadWorkerRuntime();
  engine.attachPool(await WorkerPool.start({ threads, backend: backend.name, shared: options.sharedMemory }));
  return engine;
}

/**
 * The engine of `init({ threads })` on one shared WebAssembly.Memory: the threads build of the
 * chosen WASM backend for this thread, and `threads − 1` workers over the same memory
 * (src/parallel/shared-pool.ts). Undefined where that cannot run — the js backend, shared
 * memory unavailable or refused (`sharedMemory: false`, a page that is not cross-origin
 * isolated, a runtime without WebAssembly threads) — and the transfer pool runs instead.
 */
async function sharedMemoryEngine(want: string, threads: number, options: InitOptions): Promise<Engine | undefined> {
  if (want === "js" || options.sharedMemory === false || !wasmAvailable()) return undefined;
  const { loadWorkerRuntime, sharedMemoryAvailable } = await import("./parallel/pool.js");
  if (!sharedMemoryAvailable()) return undefined;
  const memory = sharedWasmMemory();
  if (!memory) return undefined;
  const kind: WasmKind = want === "auto" ? (simdAvailable() ? "wasm-simd" : "wasm") : (want as WasmKind);
  const local = await createWasmBackend(kind, { memory }).catch(() => undefined);
  if (!local) return undefined;
  await loadWorkerRuntime();
  const { SharedPool } = await import("./parallel/shared-pool.js");
  const engine = new Engine(local);
  try {
    // `threads` threads compute: the calling thread and threads − 1 workers
    engine.attachPool(await SharedPool.start({ threads, local, memory }));
  } catch (e) {
    engine.close();
    throw e;
  }
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

/** The pure-JS backend, imported only when it runs. */
async function jsBackend(): Promise<Backend> {
  return (await import("./js/backend.js")).createJsBackend();
}

type Given = WebAssembly.Module | ArrayBuffer | Uint8Array | undefined;

/** The caller's `options.wasm` as a module or bytes (fetched, awaited), or undefined when not given. */
async function loadGiven(wasm: unknown): Promise<Given> {
  return wasm === undefined ? undefined : loadWasmSource(wasm);
}

/** A WASM backend over the caller's build (bytes compiled here) or the embedded one. */
async function wasmBackend(kind: WasmKind, given: Given): Promise<Backend> {
  if (given === undefined) return createWasmBackend(kind);
  return createWasmBackend(kind, { module: given instanceof WebAssembly.Module ? given : await WebAssembly.compile(given as BufferSource) });
}

/** WASM (SIMD where validated) if this runtime compiles it, else JS. */
async function autoBackend(wasm: unknown): Promise<Backend> {
  if (!wasmAvailable()) return jsBackend();
  const given = await loadGiven(wasm); // a failed fetch of the caller's build rejects: it is not a runtime limit
  try {
    return await wasmBackend(simdAvailable() ? "wasm-simd" : "wasm", given);
  } catch {
    // WebAssembly exists but compiling is forbidden (CSP without 'wasm-unsafe-eval'): run in JS
    return jsBackend();
  }
}
