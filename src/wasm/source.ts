/**
 * `init({ wasm })`: the caller hands over the single-thread WASM build itself, for runtimes that
 * forbid compiling from bytes (Cloudflare Workers, Vercel Edge: pass the imported
 * `WebAssembly.Module`) or pages that prefer to fetch the `.wasm` file (HTTP cache, no embedded
 * copy). This file checks the argument and turns it into a module or bytes; init compiles.
 */
import type { WasmSource } from "../types.js";
import { describe } from "../validate.js";

const EXPECTED = "a WebAssembly.Module, an ArrayBuffer or Uint8Array, a URL or URL string, a Response, or a Promise of one";

function isResponse(v: unknown): v is Response {
  return typeof Response === "function" && v instanceof Response;
}

function isPromiseLike(v: unknown): v is PromiseLike<unknown> {
  return typeof v === "object" && v !== null && typeof (v as { then?: unknown }).then === "function";
}

/** The accepted kinds that are not a promise. */
function isSource(v: unknown): v is WasmSource {
  return (
    (typeof WebAssembly === "object" && v instanceof WebAssembly.Module) ||
    v instanceof ArrayBuffer ||
    v instanceof Uint8Array ||
    v instanceof URL ||
    typeof v === "string" ||
    isResponse(v)
  );
}

/** Throws a TypeError naming `init: options.wasm` unless `v` is a source or a promise (checked when it settles). */
export function checkWasmSource(v: unknown): void {
  if (!isSource(v) && !isPromiseLike(v)) throw new TypeError(`init: options.wasm must be ${EXPECTED}, got ${describe(v)}`);
}

/** Reads a file: URL with node:fs where fetch cannot (Node's fetch refuses file: URLs). */
async function readFileUrl(url: URL): Promise<Uint8Array | undefined> {
  try {
    const name = "node:fs/promises";
    const fs = (await import(/* @vite-ignore */ name)) as { readFile(u: URL): Promise<Uint8Array> };
    return new Uint8Array(await fs.readFile(url));
  } catch {
    return undefined; // no node:fs here (a browser): let fetch try
  }
}

/** A Response's body, after checking its status. */
async function responseBytes(r: Response, where: string): Promise<ArrayBuffer> {
  if (!r.ok) throw new Error(`init: options.wasm: fetching ${where} failed with HTTP ${r.status}`);
  return r.arrayBuffer();
}

/**
 * Resolves the caller's source to a compiled module or the build's bytes: awaits a promise,
 * fetches a URL (file: URLs are read from disk where node:fs exists), reads a Response. Bytes
 * are returned uncompiled so the caller decides what a compile failure means.
 */
export async function loadWasmSource(value: unknown): Promise<WebAssembly.Module | ArrayBuffer | Uint8Array> {
  const v = isPromiseLike(value) ? await value : value;
  if (!isSource(v)) throw new TypeError(`init: options.wasm must be ${EXPECTED}, got a Promise of ${describe(v)}`);
  if (v instanceof WebAssembly.Module || v instanceof ArrayBuffer || v instanceof Uint8Array) return v;
  if (isResponse(v)) return responseBytes(v, v.url || "the given Response");
  let url: URL;
  try {
    url = v instanceof URL ? v : new URL(v, (globalThis as { location?: { href: string } }).location?.href);
  } catch {
    throw new TypeError(`init: options.wasm: ${JSON.stringify(v)} is not a URL (relative URLs need a page to resolve against)`);
  }
  if (url.protocol === "file:") {
    const bytes = await readFileUrl(url);
    if (bytes) return bytes;
  }
  return responseBytes(await fetch(url), url.href);
}
