/**
 * init("auto") where the runtime has WebAssembly but refuses to compile it — as a browser page
 * whose Content-Security-Policy lacks 'wasm-unsafe-eval' (tested for real in Chromium by
 * test/browser/demo.browser.ts): the engine falls back to the JS backend, a named WASM backend
 * rejects with the runtime's error, and once compiling works again WASM is used.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { readFileSync } from "node:fs";
import { init } from "../src/index.js";

beforeAll(() => {
  // Node's fetch globals load undici lazily, which compiles its HTTP parser with
  // WebAssembly.compile the first time any of them is touched: load it now, before the tests
  // below replace WebAssembly.compile with a refusal, so undici's own compile is not refused.
  void new Response("");
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("init backend selection", () => {
  it("auto falls back to js when compiling WebAssembly is refused; named backends reject", async () => {
    const refused = () => Promise.reject(new WebAssembly.CompileError("WebAssembly.compile(): Refused to compile or instantiate WebAssembly module because 'wasm-unsafe-eval' is not an allowed source of script"));
    vi.spyOn(WebAssembly, "compile").mockImplementation(refused);
    const e = await init();
    expect(e.backend).toBe("js");
    expect(e.klDivergence([0.5, 0.5], [0.9, 0.1]).toFixed(4)).toBe("0.5108"); // seed 004's coin
    e.close();
    await expect(init({ backend: "wasm-simd" })).rejects.toThrow(/wasm-unsafe-eval/);
    await expect(init({ backend: "wasm" })).rejects.toThrow(WebAssembly.CompileError);

    vi.restoreAllMocks(); // compiling allowed again: the failure was not cached
    const w = await init();
    expect(w.backend).toBe("wasm-simd");
    w.close();
  });
});

// KL((½, ½) ‖ (0.9, 0.1)) in nats, closed form: ½·ln(0.5/0.9) + ½·ln(0.5/0.1)
const KL_COIN = 0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(0.5 / 0.1);
/** The shipped single-thread builds (written to dist/wasm by scripts/build-wasm.mjs). */
const SIMD_FILE = new URL("../dist/wasm/infowasm-simd.wasm", import.meta.url);
const BASELINE_FILE = new URL("../dist/wasm/infowasm.wasm", import.meta.url);

describe("init({ wasm }): the caller's build", () => {
  it("runs a precompiled WebAssembly.Module where compiling from bytes is refused (as in workerd)", async () => {
    const module = await WebAssembly.compile(readFileSync(SIMD_FILE));
    vi.spyOn(WebAssembly, "compile").mockImplementation(() => Promise.reject(new WebAssembly.CompileError("Wasm code generation disallowed by embedder")));
    const e = await init({ backend: "wasm-simd", wasm: module });
    expect(e.backend).toBe("wasm-simd");
    expect(e.klDivergence([0.5, 0.5], [0.9, 0.1])).toBeCloseTo(KL_COIN, 12);
    e.close();
    const a = await init({ wasm: Promise.resolve(module) }); // auto: the SIMD build, as Node validates SIMD
    expect(a.backend).toBe("wasm-simd");
    a.close();
  });

  it("compiles bytes (Uint8Array, ArrayBuffer) and reads a Response or a file: URL", async () => {
    const bytes = new Uint8Array(readFileSync(BASELINE_FILE));
    const sources = [bytes, bytes.slice().buffer, new Response(bytes), BASELINE_FILE, BASELINE_FILE.href];
    for (const wasm of sources) {
      const e = await init({ backend: "wasm", wasm });
      expect(e.backend).toBe("wasm");
      expect(e.klDivergence([0.5, 0.5], [0.9, 0.1])).toBeCloseTo(KL_COIN, 12);
      e.close();
    }
  });

  it("rejects a value of the wrong type with a TypeError naming options.wasm", async () => {
    for (const bad of [42, {}, null, [1, 2], new Float64Array(4)]) {
      await expect(init({ wasm: bad as never })).rejects.toThrow(TypeError);
      await expect(init({ wasm: bad as never })).rejects.toThrow(/^init: options\.wasm must be/);
    }
    await expect(init({ wasm: Promise.resolve(7) as never })).rejects.toThrow(/init: options\.wasm must be .*Promise of number 7/);
    await expect(init({ backend: "js", wasm: 42 as never })).rejects.toThrow(TypeError); // checked whatever the backend
    await expect(init({ wasm: "relative/infowasm.wasm" })).rejects.toThrow(/init: options\.wasm: .* is not a URL/);
  });

  it("a failed fetch rejects even with backend auto; bytes that do not compile fall back to js", async () => {
    await expect(init({ wasm: new Response("not found", { status: 404 }) })).rejects.toThrow(/init: options\.wasm: .*HTTP 404/);
    const e = await init({ wasm: new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 255]) });
    expect(e.backend).toBe("js");
    e.close();
    await expect(init({ backend: "wasm", wasm: new Uint8Array([1, 2, 3]) })).rejects.toThrow(WebAssembly.CompileError);
  });
});
