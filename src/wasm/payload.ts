/**
 * Unpacks an embedded WASM build: base64 text of deflate-raw data (scripts/build-wasm.mjs) →
 * the binary. Deflate makes the page about 30 % smaller than plain base64 after the server's
 * gzip. Decompression uses the runtime's `DecompressionStream` (browsers, Node ≥ 18, Deno, Bun,
 * workerd); where it is missing, the small JS decoder src/wasm/inflate.ts is imported instead.
 */
import { concat } from "../buffers.js";

/** Base64 → bytes, with Node's Buffer where present (faster), else atob. */
export function decodeBase64(text: string): Uint8Array {
  const g = globalThis as { Buffer?: { from(s: string, enc: string): Uint8Array } };
  if (g.Buffer) return new Uint8Array(g.Buffer.from(text, "base64"));
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** True where `DecompressionStream` accepts "deflate-raw" (it was added after "deflate" in some runtimes). */
function nativeDeflateRaw(): boolean {
  if (typeof DecompressionStream !== "function") return false;
  try {
    new DecompressionStream("deflate-raw" as CompressionFormat);
    return true;
  } catch {
    return false;
  }
}

/** Decompresses raw DEFLATE data. */
export async function inflate(packed: Uint8Array): Promise<Uint8Array> {
  if (!nativeDeflateRaw()) return (await import("./inflate.js")).inflateRaw(packed);
  const stream = new Blob([packed as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw" as CompressionFormat));
  return readAll(stream.getReader());
}

/** All chunks of a byte stream, joined (read directly: no `Response`, which Node loads lazily from undici). */
async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  return concat(chunks, (n) => new Uint8Array(n));
}

/** The binary of an embedded build, from its generated module's text. */
export async function unpack(text: string): Promise<Uint8Array> {
  return inflate(decodeBase64(text));
}
