// `npm run smoke` (or `npm run smoke:deno` … : `node scripts/smoke/run.mjs [deno] [bun] [vite-dev] [webpack]`):
// the built package in other runtimes and bundlers. Each smoke test asserts which backend the
// runtime gets (wasm-simd everywhere here), two known values, and that a pool of 2 workers gives
// the calling thread's result (checks.mjs).
//
// The package under test is the one a user installs: `npm pack` of this repo (dist/ must be built:
// `npm ci` or `npm run build`), unpacked into a temporary FIXTURE/node_modules/infowasm beside a
// copy of this folder, so every smoke imports "infowasm" by name through the `exports` map and only
// sees the files the package ships. Each test runs as a child process with a time limit (its process
// group is killed past it) and prints its result as a JSON line; this prints one line per runtime
// and `smoke: N passed, M failed`, exit code 1 if any failed.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");
const bin = (name) => path.join(repo, "node_modules/.bin", name);

/** name → the command that runs it (in FIXTURE) and its time limit. */
const SMOKES = {
  // --allow-read only: no network, no writes, no environment; workers inherit it
  deno: { cmd: [bin("deno"), "run", "--allow-read", "--no-lock", "runtime.mjs"], limit: 90_000 },
  bun: { cmd: [bin("bun"), "runtime.mjs"], limit: 90_000 },
  "vite-dev": { cmd: [process.execPath, path.join(here, "vite-dev.mjs")], limit: 150_000 },
  webpack: { cmd: [process.execPath, path.join(here, "webpack.mjs")], limit: 150_000 },
};

const wanted = process.argv.slice(2);
for (const w of wanted) if (!SMOKES[w]) throw new Error(`smoke: unknown test ${w} (have ${Object.keys(SMOKES).join(", ")})`);
const names = wanted.length ? wanted : Object.keys(SMOKES);

/** FIXTURE: a consumer project with the packed package installed and this folder's pages. */
function prepareFixture() {
  if (!existsSync(path.join(repo, "dist/index.js"))) throw new Error("smoke: dist/ is missing: run `npm run build` first");
  const dir = mkdtempSync(path.join(os.tmpdir(), "infowasm-smoke-"));
  const [{ filename }] = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: repo, encoding: "utf8" }));
  const pkg = path.join(dir, "node_modules/infowasm");
  mkdirSync(pkg, { recursive: true });
  execFileSync("tar", ["-xzf", path.join(dir, filename), "-C", pkg, "--strip-components=1"]);
  rmSync(path.join(dir, filename));
  for (const f of readdirSync(here)) if (f !== "node_modules" && !f.startsWith(".")) cpSync(path.join(here, f), path.join(dir, f), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "infowasm-smoke", private: true, type: "module", dependencies: { infowasm: "*" } }));
  return dir;
}

/** Runs one smoke test in FIXTURE; resolves { result, seconds }. */
function runOne(name, fixture) {
  const { cmd, limit } = SMOKES[name];
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd[0], [...cmd.slice(1), fixture], { cwd: fixture, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let timedOut = false;
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL"); // the test's process group: its server, browser, workers
      } catch {}
    }, limit);
    const done = (code, spawnError) => {
      clearTimeout(timer);
      const line = out.trim().split("\n").reverse().find((l) => l.startsWith("{"));
      let result;
      try {
        result = JSON.parse(line);
      } catch {
        result = { ok: false, backend: null, pool: "no", failures: [] };
      }
      if (timedOut) result.failures.push(`timed out after ${limit / 1000} s`);
      if (spawnError) result.failures.push(`could not start ${cmd[0]}: ${spawnError.message}`);
      if (code !== 0 && result.ok) result.failures.push(`exit code ${code}`);
      if (!result.ok && !result.failures.length) result.failures.push(`exit code ${code}`);
      result.ok = result.ok && code === 0 && !timedOut;
      if (!result.ok && err.trim()) result.failures.push(`stderr: ${err.trim().split("\n").slice(-15).join("\n  ")}`);
      resolve({ result, seconds: (performance.now() - t0) / 1000 });
    };
    child.on("error", (e) => done(-1, e));
    child.on("close", (code) => done(code));
  });
}

const fixture = prepareFixture();
let passed = 0;
let failed = 0;
try {
  for (const name of names) {
    const { result, seconds } = await runOne(name, fixture);
    if (result.ok) passed++;
    else failed++;
    console.log(`${name}: ${result.backend ?? "?"} ${result.ok ? "ok" : "FAIL"} (pool: ${result.pool}; ${seconds.toFixed(1)} s)`);
    for (const f of result.failures) console.log(`  ${f}`);
  }
} finally {
  if (process.env.SMOKE_KEEP) console.log(`fixture kept: ${fixture}`);
  else rmSync(fixture, { recursive: true, force: true });
}
console.log(`smoke: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
