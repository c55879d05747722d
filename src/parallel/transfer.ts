/** What a worker transfers back with a result (kept apart from pool.ts, which the worker must not import). */

/** Collects the transferable buffers of a result (fresh, unshared, whole-buffer typed arrays). */
export function transferables(x: unknown, out: Transferable[] = []): Transferable[] {
  if (ArrayBuffer.isView(x)) {
    const b = x.buffer;
    if (b instanceof ArrayBuffer && x.byteOffset === 0 && x.byteLength === b.byteLength && !out.includes(b)) out.push(b);
  } else if (typeof x === "object" && x !== null && !Array.isArray(x)) {
    for (const v of Object.values(x)) if (ArrayBuffer.isView(v)) transferables(v, out);
  }
  return out;
}
