/**
 * Loading the WASM builds in Node, browsers, Deno and Bun without a fetch, file access or bundler
 * plugin: each build is embedded in its own generated module (src/wasm/build-*.ts, written by
 * scripts/build-wasm.mjs) that is imported dynamically, so a page downloads only the build that
 * runs. SIMD is detected with a 30-byte probe module rather than the SIMD build itself, so the
 * detection downloads nothing.
 */
import { unpack } from "./payload.js";

export type WasmKind = "wasm" | "wasm-simd";

/** A build: the kind, and whether it is the shared-memory (threads) build. */
type BuildKey = `${WasmKind}${"" | "-threads"}`;

/** Each build's generated module, behind a dynamic import (bundlers split each into its own chunk). */
const BUILDS: Record<BuildKey, () => Promise<{ WASM: string }>> = {
  "wasm-simd": () => import("./build-simd.js"),
  wasm: () => import("./build-baseline.js"),
  "wasm-simd-threads": () => import("./build-simd-threads.js"),
  "wasm-threads": () => import("./build-baseline-threads.js"),
};

/**
 * `(func (result v128) i32.const 0 i8x16.splat i8x16.popcnt)`: validates exactly where the final
 * fixed-width SIMD opcodes do (popcnt was among the last added), as in wasm-feature-detect.
 */
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

const modules = new Map<BuildKey, Promise<WebAssembly.Module>>();
let simdValid: boolean | undefined;

/** True where WebAssembly exists at all. */
export function wasmAvailable(): boolean {
  return typeof WebAssembly === "object" && typeof WebAssembly.instantiate === "function";
}

/** True where the runtime validates fixed-width SIMD (the SIMD build uses no relaxed ops). */
export function simdAvailable(): boolean {
  if (simdValid === undefined) simdValid = wasmAvailable() && WebAssembly.validate(SIMD_PROBE);
  return simdValid;
}

/** The binary of a build, imported and unpacked on demand. */
async function binary(key: BuildKey): Promise<Uint8Array> {
  return unpack((await BUILDS[key]()).WASM);
}

/**
 * Compiles a build once per process and returns a fresh instance of it. With `memory` (a shared
 * `WebAssembly.Memory`), the threads build, which imports its memory and exports its start
 * function as `_start` (the caller runs it once per memory, not once per instance). A failed
 * import or compile (e.g. refused by a page's Content-Security-Policy) is not cached: a later
 * call tries again.
 */
export async function instantiate(kind: WasmKind, opts: { memory?: WebAssembly.Memory } = {}): Promise<WebAssembly.Instance> {
  const key: BuildKey = opts.memory ? `${kind}-threads` : kind;
  let module = modules.get(key);
  if (!module) {
    module = binary(key).then((bytes) => WebAssembly.compile(bytes as BufferSource));
    modules.set(key, module);
    module.catch(() => modules.delete(key));
  }
  return WebAssembly.instantiate(await module, opts.memory ? { env: { memory: opts.memory } } : {});
}
