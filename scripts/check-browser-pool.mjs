// `npm run test:browser-pool`: the worker pool in Chromium through a Vite bundle of dist/ (the
// `new Worker(new URL("./worker.js", import.meta.url), { type: "module" })` form), served twice:
// cross-origin isolated (COOP/COEP: SharedArrayBuffer path) and plain (copy + transfer path).
// Needs `npm run build` first and a Chromium (CHROMIUM env var or /usr/bin/chromium).
import { spawn } from "node:child_process";
import { readFileSync, existsSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, "browser-pool");
const outDir = path.join(root, "dist");
const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.log(`skipped: no Chromium at ${chromium}`);
  process.exit(0);
}
await build({ root, logLevel: "warn", build: { outDir, emptyOutDir: true } });

/** Serves the built page; resolves `result` with what the page POSTs to /result. */
function serve(isolated) {
  let deliver;
  const result = new Promise((resolve) => (deliver = resolve));
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split("?")[0]);
    if (req.method === "POST" && url === "/result") {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        res.writeHead(204).end();
        deliver(body);
      });
      return;
    }
    const file = path.join(outDir, url === "/" ? "index.html" : url);
    if (!file.startsWith(outDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const headers = { "content-type": file.endsWith(".js") ? "text/javascript" : file.endsWith(".html") ? "text/html" : "application/octet-stream" };
    if (isolated) Object.assign(headers, { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" });
    res.writeHead(200, headers).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, result })));
}

let failed = false;
for (const isolated of [true, false]) {
  const { server, result } = await serve(isolated);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = spawn(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + path.join(outDir, ".profile"), url], { stdio: "ignore" });
  const text = await Promise.race([result, new Promise((resolve) => setTimeout(() => resolve("timeout: no result in 60 s"), 60_000))]);
  browser.kill();
  server.close();
  let r = null;
  try {
    r = JSON.parse(text);
  } catch {
    r = null;
  }
  const ok = r?.ok === true && r.sharedMemory === isolated && r.crossOriginIsolated === isolated;
  failed ||= !ok;
  console.log(`${ok ? "ok  " : "FAIL"} ${isolated ? "cross-origin isolated (SharedArrayBuffer)" : "plain page (copy + transfer)"}: ${text}`);
}
process.exit(failed ? 1 : 0);
