// `npm run sizes`: what a browser page downloads from infowasm, minified and gzipped, per entry
// scenario. Each scenario is a tiny page script bundled with esbuild the way an app would
// (minify, code splitting, "infowasm" resolved through the package's exports map from dist/),
// then run in Node under a module hook that records which output files it actually loads
// (dynamic imports included, worker threads too), so a build or chunk that is never imported is
// never counted. Prints a markdown table (the README's "Package size" section). Needs dist/.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kB = (n) => (n / 1000).toFixed(1);

const CALL = `it.klDivergence([0.5, 0.5], [0.9, 0.1]);`;
const SCENARIOS = [
  { id: "auto", label: "`init()` + one `klDivergence` (auto → wasm-simd)", code: `const it = await init(); ${CALL} it.close();` },
  { id: "js", label: '`init({ backend: "js" })` + one call', code: `const it = await init({ backend: "js" }); ${CALL} it.close();` },
  { id: "threads", label: "`init({ threads: 2 })` + one call (page + worker scripts)", code: `const it = await init({ threads: 2 }); ${CALL} it.close();` },
  {
    id: "url",
    label: "`init({ wasm: url })` + one call (the `.wasm` file fetched instead of the embedded copy)",
    code: `const it = await init({ wasm: new URL(${JSON.stringify(pathToFileURL(join(root, "dist/wasm/infowasm-simd.wasm")).href)}) }); ${CALL} it.close();`,
    extra: ["dist/wasm/infowasm-simd.wasm"],
  },
];

/** Files under `dir`, recursively. */
function walk(dir) {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
}

async function bundle(dir) {
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules", "infowasm"), "dir");
  for (const s of SCENARIOS) writeFileSync(join(dir, `${s.id}.js`), `import { init } from "infowasm";\n${s.code}\n`);
  const out = join(dir, "out");
  const result = await build({
    entryPoints: [
      ...SCENARIOS.map((s) => ({ in: join(dir, `${s.id}.js`), out: s.id })),
      // the pool starts `new URL("./worker.js", import.meta.url)`: an app's bundler emits it beside the page's chunks
      { in: join(root, "dist/parallel/worker.js"), out: "worker" },
    ],
    outdir: out,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    minify: true,
    metafile: true,
    logLevel: "error",
  });
  return { out, meta: result.metafile };
}

/** Runs one scenario's page script in Node, returning the output files it loaded. */
function loaded(dir, out, id) {
  const log = join(dir, `${id}.log`);
  writeFileSync(log, "");
  writeFileSync(
    join(dir, "hooks.mjs"),
    `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  if (url.startsWith(${JSON.stringify(pathToFileURL(out).href + "/")})) appendFileSync(${JSON.stringify(log)}, url + "\\n");
  return next(url, context);
}
`,
  );
  writeFileSync(join(dir, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(dir, "hooks.mjs")).href)});\n`);
  execFileSync(process.execPath, ["--import", pathToFileURL(join(dir, "register.mjs")).href, join(out, `${id}.js`)], { stdio: ["ignore", "ignore", "inherit"] });
  const files = readFileSync(log, "utf8").split("\n").filter(Boolean).map((u) => fileURLToPath(u));
  return [...new Set(files)];
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "infowasm-sizes-"));
  try {
    const { out, meta } = await bundle(dir);
    /** Output files that carry an embedded WASM build (src/wasm/build-*.ts). */
    const isPayload = (file) => Object.keys(meta.outputs[relative(process.cwd(), file)]?.inputs ?? {}).some((i) => /\/wasm\/build-[a-z-]+\.js$/.test(i));
    const rows = [];
    const loadedBy = {};
    for (const s of SCENARIOS) {
      const files = loaded(dir, out, s.id);
      loadedBy[s.id] = files;
      if (!files.includes(join(out, `${s.id}.js`))) throw new Error(`sizes: scenario ${s.id} did not load its own script`);
      let js = 0;
      let wasm = 0;
      let raw = 0;
      for (const f of files) {
        const bytes = readFileSync(f);
        raw += bytes.length;
        if (isPayload(f)) wasm += gz(bytes);
        else js += gz(bytes);
      }
      for (const f of s.extra ?? []) {
        const bytes = readFileSync(join(root, f));
        raw += bytes.length;
        wasm += gz(bytes);
      }
      rows.push(`| ${s.label} | ${files.length + (s.extra?.length ?? 0)} | ${kB(raw)} | ${kB(js)} | ${kB(wasm)} | **${kB(js + wasm)}** |`);
    }
    for (const f of ["dist/wasm/infowasm-simd.wasm", "dist/wasm/infowasm.wasm"]) {
      const bytes = readFileSync(join(root, f));
      rows.push(`| \`${f}\` alone | 1 | ${kB(bytes.length)} | – | ${kB(gz(bytes))} | **${kB(gz(bytes))}** |`);
    }
    const dts = walk(join(root, "dist")).filter((f) => f.endsWith(".d.ts"));
    const dtsRaw = dts.reduce((a, f) => a + statSync(f).size, 0);
    const dtsGz = dts.reduce((a, f) => a + gz(readFileSync(f)), 0);
    rows.push(`| type declarations (\`dist/**/*.d.ts\`, editor only) | ${dts.length} | ${kB(dtsRaw)} | ${kB(dtsGz)} | – | ${kB(dtsGz)} |`);
    console.log(
      [
        "| scenario | files | raw kB | JS kB gz | WASM kB gz | total kB gz |",
        "|---|--:|--:|--:|--:|--:|",
        ...rows,
      ].join("\n"),
    );
    console.log("\nkB = 1000 bytes. raw: minified JS plus WASM (embedded module or .wasm file) before compression; gz: gzip -9 per file, summed (each file is its own response).");
    // what dominates the default page: minified bytes per source module in the files it loaded
    const bySource = {};
    for (const f of loadedBy.auto) {
      for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[relative(process.cwd(), f)]?.inputs ?? {})) {
        const name = input.replace(/^.*?dist\//, "");
        bySource[name] = (bySource[name] ?? 0) + bytesInOutput;
      }
    }
    const top = Object.entries(bySource).sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`\nLargest modules of the \`init()\` page (minified kB): ${top.map(([n, b]) => `${n} ${kB(b)}`).join(", ")}.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`sizes: ${e.stack ?? e}`);
  process.exitCode = 1;
});
