/**
 * init("auto") where the runtime has WebAssembly but refuses to compile it — as a browser page
 * whose Content-Security-Policy lacks 'wasm-unsafe-eval' (tested for real in Chromium by
 * test/browser/demo.browser.ts): the engine falls back to the JS backend, a named WASM backend
 * rejects with the runtime's error, and once compiling works again WASM is used.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { init } from "../src/index.js";

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
