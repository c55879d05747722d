/**
 * The embedded builds' decompression: src/wasm/inflate.ts (the fallback where the runtime has no
 * DecompressionStream) and src/wasm/payload.ts both return exactly what Node's zlib compressed,
 * for stored, fixed-Huffman and dynamic-Huffman blocks, and for the shipped WASM build.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { constants, deflateRawSync } from "node:zlib";
import { inflateRaw } from "../src/wasm/inflate.js";
import { inflate, unpack } from "../src/wasm/payload.js";

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Bytes with structure (repeats for back-references) and noise (literals), from a fixed LCG. */
function sample(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = i > 64 && s % 3 === 0 ? out[i - 1 - (s % 60)] : s >>> 24;
  }
  return out;
}

const wasm = new Uint8Array(readFileSync(new URL("../dist/wasm/infowasm-simd.wasm", import.meta.url)));

describe("inflateRaw", () => {
  const cases: [string, Uint8Array, object][] = [
    ["empty", new Uint8Array(0), {}],
    ["stored blocks (level 0)", sample(200_000), { level: 0 }],
    ["fixed Huffman", sample(50_000), { strategy: constants.Z_FIXED }],
    ["dynamic Huffman", sample(100_000), { level: 9 }],
    ["long runs", new Uint8Array(70_000).fill(7), { level: 9 }],
    ["the SIMD build", wasm, { level: 9 }],
  ];
  for (const [name, data, opts] of cases) {
    it(`round-trips zlib's output: ${name}`, () => {
      expect(inflateRaw(deflateRawSync(data, opts))).toEqual(data);
    });
  }

  it("rejects malformed data with a RangeError naming inflateRaw", () => {
    expect(() => inflateRaw(new Uint8Array([0xff, 0xff]))).toThrow(/^inflateRaw: malformed/);
    expect(() => inflateRaw(deflateRawSync(sample(1000)).subarray(0, 100))).toThrow(RangeError);
  });
});

describe("payload", () => {
  const packed = deflateRawSync(wasm, { level: 9 });

  it("unpacks base64 deflate-raw text with DecompressionStream", async () => {
    expect(await unpack(packed.toString("base64"))).toEqual(wasm);
  });

  it("falls back to inflateRaw where DecompressionStream is missing", async () => {
    vi.stubGlobal("DecompressionStream", undefined);
    vi.stubGlobal("Buffer", undefined); // and decodes base64 with atob, as in a browser
    expect(await inflate(new Uint8Array(packed))).toEqual(wasm);
    expect(await unpack(packed.toString("base64"))).toEqual(wasm);
  });
});
