/** Small facts about typed arrays and their buffers, shared by the WASM host, the pools and the loader. */

/** True for a SharedArrayBuffer (which does not exist at all on pages that are not cross-origin isolated). */
export function isShared(b: ArrayBufferLike): boolean {
  return typeof SharedArrayBuffer !== "undefined" && b instanceof SharedArrayBuffer;
}

type Typed = Float64Array | Int32Array | Uint8Array;

/** The parts joined in order into one new array made by `make(totalLength)`. */
export function concat<T extends Typed>(parts: readonly T[], make: (length: number) => T): T {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = make(length);
  let at = 0;
  for (const p of parts) {
    out.set(p as never, at);
    at += p.length;
  }
  return out;
}
