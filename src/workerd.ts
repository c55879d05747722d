/**
 * The entry for Cloudflare Workers (the `workerd` export condition, which wrangler and esbuild
 * with `conditions: ["workerd"]` select). workerd forbids compiling WebAssembly from bytes, so
 * the embedded builds cannot run there; instead this entry imports the SIMD build as a module
 * (`.wasm` imports are compiled at upload, workerd's convention, as in xxhash-wasm's workerd
 * entry) and hands it to `init`. Everything else is the default entry.
 */
import simd from "./wasm/infowasm-simd.wasm";
import { init as initWith } from "./init.js";
import type { Engine } from "./engine.js";
import type { InitOptions } from "./types.js";

export * from "./index.js";

/**
 * As the default entry's `init`, with the SIMD build supplied: `backend` "auto" (default) and
 * "wasm-simd" run it (workerd's V8 has SIMD); "js" runs JS; "wasm" (the baseline build) needs
 * `options.wasm` from the caller, since only the SIMD build is imported here.
 */
export async function init(options: InitOptions = {}): Promise<Engine> {
  const backend = options.backend ?? "auto";
  if (options.wasm !== undefined || (backend !== "auto" && backend !== "wasm-simd")) return initWith(options);
  return initWith({ ...options, backend: "wasm-simd", wasm: simd });
}
