/**
 * The built package as users import it: `import { init } from "infowasm"` resolves through the
 * exports map to dist/ (built by `npm ci` via the prepare script), with types shipped. The
 * default entry needs no bundler plugin (every build is embedded in a JS module, nothing
 * imports a `.wasm` file); the `workerd` entry imports the shipped `.wasm` file as a module.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every .js file under dist/, recursively. */
function distJs(dir = "dist"): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? distJs(p) : p.endsWith(".js") ? [p] : [];
  });
}

describe("package", () => {
  it("imports from its exports map and computes in Node", async () => {
    const { init } = await import("infowasm");
    const it = await init();
    expect(it.backend).toBe("wasm-simd");
    // seed 000: fair coin, 1 bit
    expect(it.entropy([0.5, 0.5], { base: "bits" })).toBe(1);
    it.close();
  });

  it("ships ESM, type declarations first, a workerd entry and the .wasm files", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(pkg.type).toBe("module");
    expect(pkg.engines.node).toBe(">=20.19");
    const root = pkg.exports["."];
    expect(Object.keys(root)).toEqual(["types", "workerd", "import", "default"]);
    expect(root.types).toBe("./dist/index.d.ts");
    expect(existsSync("dist/index.d.ts")).toBe(true);
    expect(readFileSync(root.workerd.slice(2), "utf8")).toMatch(/from ["']\.\/wasm\/infowasm-simd\.wasm["']/);
    for (const [sub, file] of Object.entries(pkg.exports)) {
      if (sub.endsWith(".wasm")) expect(readFileSync(file as string).subarray(0, 4)).toEqual(Buffer.from([0, 97, 115, 109])); // "\0asm"
    }
  });

  it("the default entry needs no bundler plugin: no .wasm or static node: imports", () => {
    const files = distJs().filter((f) => f !== join("dist", "workerd.js"));
    expect(files).toContain(join("dist", "wasm", "load.js"));
    for (const f of files) {
      const js = readFileSync(f, "utf8");
      expect(js, f).not.toMatch(/(from|import\()\s*["'][^"']*\.wasm["']/);
      expect(js, f).not.toMatch(/from ["']node:/);
    }
  });

  it("types each embedded build as string (no base64 literal in the .d.ts)", () => {
    for (const build of ["build-simd", "build-baseline", "build-simd-threads", "build-baseline-threads"]) {
      expect(readFileSync(`dist/wasm/${build}.d.ts`, "utf8")).toMatch(/export declare const WASM: string;/);
    }
  });
});
