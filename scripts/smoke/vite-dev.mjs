// Vite dev-server smoke test: `node vite-dev.mjs FIXTURE` (run.mjs prepares FIXTURE: a copy of
// this folder beside node_modules/infowasm, the packed package). Starts Vite's dev server
// (programmatic createServer, 127.0.0.1, a free port, a fresh dependency pre-bundle, no config
// beyond that) on FIXTURE/vite-dev, loads the page in Chromium, checks that infowasm was really
// pre-bundled, prints the result as one JSON line and closes the server; exit code 1 on failure.
//
// The pool needs no `optimizeDeps.exclude: ["infowasm"]` here (Vite 8.3.8): the pre-bundle
// (.vite/deps/infowasm.js) has `new URL("./worker.js", import.meta.url)` rewritten to the file
// in node_modules, so the worker loads. The known pitfall (vitejs/vite#8427) is a pre-bundle that
// keeps the URL relative to .vite/deps, where no worker.js is; should that come back, the pool
// check fails here, and the user's workaround is that exclude.
import { existsSync } from "node:fs";
import path from "node:path";
import { createServer } from "vite";
import { runPage } from "./browser.mjs";

const fixture = process.argv[2];
const server = await createServer({
  configFile: false,
  root: path.join(fixture, "vite-dev"),
  logLevel: "warn",
  optimizeDeps: { force: true },
  server: { host: "127.0.0.1", port: 0, fs: { allow: [fixture] } },
});
let result;
try {
  await server.listen();
  const { port } = server.httpServer.address();
  result = await runPage(`http://127.0.0.1:${port}/`);
  const bundle = path.join(server.config.cacheDir, "deps", "infowasm.js");
  if (!existsSync(bundle)) result.failures.push(`infowasm was not pre-bundled (no ${bundle})`);
  result.ok &&= result.failures.length === 0;
} finally {
  await server.close();
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
