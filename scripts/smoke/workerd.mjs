// `npm run smoke:workerd`: the package in Cloudflare's runtime. Bundles a tiny worker that
// imports "infowasm" with the `workerd` export condition (as wrangler does: esbuild, `.wasm`
// imports kept as modules), runs it under the `workerd` binary on 127.0.0.1, fetches it once and
// checks that it ran the SIMD build (workerd refuses to compile WebAssembly from bytes, so this
// passes only through the imported module) and computed a known value. Exits non-zero on any
// failure and always stops the server it started. Needs dist/ (built by `npm ci`).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));
const workerdBin = join(root, "node_modules", ".bin", "workerd");
// KL(P‖Q) for P = (½, ½), Q = (0.9, 0.1) in nats, closed form: ½·ln(0.5/0.9) + ½·ln(0.5/0.1)
const EXPECTED_KL = 0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(0.5 / 0.1);

const WORKER = `
import { init } from "infowasm";
export default {
  async fetch() {
    try {
      const it = await init();
      return Response.json({ backend: it.backend, kl: it.klDivergence([0.5, 0.5], [0.9, 0.1]) });
    } catch (e) {
      return Response.json({ error: String(e && e.stack || e) }, { status: 500 });
    }
  },
};
`;

/** A free TCP port on 127.0.0.1 (asked of the OS, then released for workerd to take). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "infowasm-workerd-"));
  let server;
  try {
    writeFileSync(join(dir, "entry.js"), WORKER);
    // "infowasm" resolves as for an installed dependency: through package.json's exports map
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(root, join(dir, "node_modules", "infowasm"), "dir");
    const out = await build({
      entryPoints: [join(dir, "entry.js")],
      outdir: dir,
      entryNames: "worker",
      assetNames: "[name]",
      bundle: true,
      format: "esm",
      platform: "neutral",
      conditions: ["workerd", "worker", "browser"],
      loader: { ".wasm": "copy" }, // keeps `import x from "./infowasm-simd.wasm"`, file beside worker.js
      metafile: true,
      logLevel: "warning",
    });
    const wasmFiles = Object.keys(out.metafile.outputs).filter((f) => f.endsWith(".wasm")).map((f) => f.split("/").pop());
    if (wasmFiles.length !== 1) throw new Error(`expected the bundle to import one .wasm module, got ${JSON.stringify(wasmFiles)}`);
    const port = await freePort();
    const modules = [`(name = "worker.js", esModule = embed "worker.js")`, ...wasmFiles.map((f) => `(name = "${f}", wasm = embed "${f}")`)];
    writeFileSync(
      join(dir, "config.capnp"),
      `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .worker) ],
  sockets = [ (name = "http", address = "127.0.0.1:${port}", http = (), service = "main") ],
);
const worker :Workerd.Worker = (
  modules = [ ${modules.join(", ")} ],
  compatibilityDate = "2026-11-17",
);
`,
    );
    server = spawn(workerdBin, ["serve", join(dir, "config.capnp")], { stdio: ["ignore", "inherit", "inherit"] });
    const exited = new Promise((resolve) => server.once("exit", (code) => resolve(code)));
    const body = await fetchWhenUp(`http://127.0.0.1:${port}/`, exited);
    if (body.error) throw new Error(`the worker threw: ${body.error}`);
    if (body.backend !== "wasm-simd") throw new Error(`expected backend "wasm-simd", got ${JSON.stringify(body.backend)}`);
    if (!(Math.abs(body.kl - EXPECTED_KL) <= 1e-12)) throw new Error(`klDivergence: expected ${EXPECTED_KL}, got ${body.kl}`);
    console.log(`workerd smoke: ok (backend ${body.backend}, KL ${body.kl}, closed form ${EXPECTED_KL})`);
  } finally {
    if (server && server.exitCode === null) {
      const gone = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await gone;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Polls until workerd answers (it takes a moment to listen); fails if it exits or 20 s pass. */
async function fetchWhenUp(url, exited) {
  let down = false;
  exited.then(() => (down = true));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (down) throw new Error("workerd exited before answering");
    try {
      const res = await fetch(url);
      return await res.json();
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`workerd did not answer on ${url} within 20 s: ${e.message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

main().catch((e) => {
  console.error(`workerd smoke: FAILED: ${e.message}`);
  process.exitCode = 1;
});
