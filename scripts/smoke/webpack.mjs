// webpack 5 smoke test: `node webpack.mjs FIXTURE` (run.mjs prepares FIXTURE: a copy of this
// folder beside node_modules/infowasm, the packed package). Bundles FIXTURE/webpack/main.js with
// webpack's Node API (production mode, no loaders or plugins: what a user gets by default), serves
// the output from a small http server on 127.0.0.1, loads it in Chromium, prints the page's result
// as one JSON line and closes the server; exit code 1 on any failure (a webpack error included).
//
// Seen with webpack 5.113: the worker becomes a classic-worker chunk (webpack turns
// `type: "module"` into a classic worker loading its chunks with importScripts), and the Node-only
// `new URL("./worker.js", import.meta.url)` of dist/parallel/pool.js is emitted as an extra,
// unused asset; the pool works. webpack also warns "Critical dependency: the request of a
// dependency is an expression" (6×) for the `import(name)` of node: built-ins in dist/ (a
// `/* webpackIgnore: true */` beside the `/* @vite-ignore */` would silence them); warnings are
// printed on stderr and do not fail the test.
import { readFileSync, existsSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import webpack from "webpack";
import { runPage } from "./browser.mjs";

const fixture = process.argv[2];
const context = path.join(fixture, "webpack");
const outDir = path.join(context, "dist");

const stats = await new Promise((resolve, reject) =>
  webpack(
    { mode: "production", context, entry: "./main.js", output: { path: outDir, filename: "main.js" }, devtool: false, performance: { hints: false } },
    (err, s) => (err ? reject(err) : resolve(s)),
  ),
);
if (stats.hasErrors()) {
  const errors = stats.toJson({ all: false, errors: true }).errors.map((e) => e.message.split("\n")[0]);
  console.log(JSON.stringify({ ok: false, backend: null, pool: "no", failures: ["webpack:", ...errors] }));
  process.exit(1);
}
for (const w of stats.toJson({ all: false, warnings: true }).warnings) console.error(`webpack warning: ${w.message.split("\n")[0]}`);
writeFileSync(path.join(outDir, "index.html"), '<!doctype html><html><head><link rel="icon" href="data:," /></head><body><pre id="out">pending</pre><script src="./main.js"></script></body></html>');

const server = http.createServer((req, res) => {
  const url = decodeURIComponent(req.url.split("?")[0]);
  const file = path.join(outDir, url === "/" ? "index.html" : url);
  if (!file.startsWith(outDir + path.sep) || !existsSync(file)) return res.writeHead(404).end();
  const type = file.endsWith(".js") ? "text/javascript" : file.endsWith(".html") ? "text/html" : file.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
  res.writeHead(200, { "content-type": type }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
let result;
try {
  result = await runPage(`http://127.0.0.1:${server.address().port}/`);
} finally {
  server.close();
}
console.log(JSON.stringify(result));
process.exit(result.ok ? 0 : 1);
