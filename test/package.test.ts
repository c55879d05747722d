/**
 * The built package as users import it: `import { init } from "infowasm"` resolves through the
 * exports map to dist/ (built by `npm ci` via the prepare script), with types shipped.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";

describe("package", () => {
  it("imports from its exports map and computes in Node", async () => {
    const { init } = await import("infowasm");
    const it = await init();
    expect(it.backend).toBe("wasm-simd");
    // seed 000: fair coin, 1 bit
    expect(it.entropy([0.5, 0.5], { base: "bits" })).toBe(1);
    it.close();
  });

  it("ships ESM, type declarations and no bundler-specific imports", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(pkg.type).toBe("module");
    expect(pkg.exports["."].types).toBe("./dist/index.d.ts");
    expect(existsSync("dist/index.d.ts")).toBe(true);
    const loader = readFileSync("dist/wasm/load.js", "utf8");
    expect(loader).not.toMatch(/from ["']node:/); // no Node built-ins: loads in browsers as is
    expect(loader).not.toMatch(/\.wasm["']/); // binaries embedded, nothing to fetch
  });
});
