/**
 * The browser demo (demo/): `npm run demo` serves it, `npm run demo:build` writes static files to
 * demo/dist. The page imports the library as users do, `import { init } from "infowasm"`: Vite
 * resolves the package by its own name through package.json "exports" (dist/, built by `npm ci`),
 * with no plugin — each WASM build is embedded in its own dist module, imported when it runs.
 */
import { defineConfig } from "vite";
import { fileURLToPath } from "node:url";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022", chunkSizeWarningLimit: 1024 },
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
