/**
 * The library in a real browser: Debian's Chromium (/usr/bin/chromium, never downloaded) driven
 * by playwright-core, loading the built demo (demo/dist, `npm run demo:build`) and the plain
 * `<script type="module">` page (examples/browser/index.html, import map → dist/index.js) from a
 * local static server on 127.0.0.1. Screenshots go to test-results/ (not committed).
 *
 * Expected values come from outside our code: seed 004's coin KLs (0.5108 / 0.3681 nats, printed
 * to 4 decimals), seed 000's joint table (I = 3/8 bit, H(X,Y) = 27/8, H(Y|X) = 11/8: exact for
 * its dyadic entries), seed 004's fitted means (forward ≈ 0, reverse ≈ ±3) and the mixture's
 * closed-form sd √(μ² + σ²); the CSV's ranking is known by construction.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { serveDirectory, type StaticServer } from "./server.js";
import { gaussianPairs } from "../../bench/random.js";
import { init } from "../../src/index.js";
import type {} from "../../demo/src/state.js"; // window.infowasmDemo
import { IB_TABLE } from "../../demo/src/sample-data.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SHOTS = `${ROOT}test-results`;

let server: StaticServer;
let browser: Browser;

/** A page that records console errors and uncaught exceptions. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("requestfailed", (r) => errors.push(`requestfailed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.goto(`${server.url}${path}`);
  return { page, errors };
}

async function demo(query = ""): Promise<{ page: Page; errors: string[] }> {
  const o = await open(`/demo/dist/index.html${query}`);
  await o.page.waitForSelector("body[data-ready='true'], #status[data-state='error']");
  return o;
}

const demoState = (page: Page) => page.evaluate(() => window.infowasmDemo);

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  if (!existsSync(`${ROOT}demo/dist/index.html`)) throw new Error("demo/dist is missing: run npm run demo:build first");
  mkdirSync(SHOTS, { recursive: true });
  server = await serveDirectory(ROOT);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("demo page (Vite build)", () => {
  it("loads the package with WASM-SIMD and computes the seed values", async () => {
    const { page, errors } = await demo();
    expect(await page.getAttribute("#status", "data-backend")).toBe("wasm-simd");
    const s = await demoState(page);
    expect(s.errors).toEqual([]);
    expect(s.backend).toBe("wasm-simd");
    const ex = s.examples!;
    expect(ex.coinForwardKl.toFixed(4)).toBe("0.5108");
    expect(ex.coinReverseKl.toFixed(4)).toBe("0.3681");
    expect(ex.tableMi).toBeCloseTo(3 / 8, 12);
    expect(ex.tableJointEntropy).toBeCloseTo(27 / 8, 12);
    expect(ex.tableConditionalEntropy).toBeCloseTo(11 / 8, 12);
    expect(ex.fairCoinEntropy).toBe(1);
    // the page marks every example as agreeing with its expected value
    expect(await page.locator("#examples-table td.bad").count()).toBe(0);
    expect(await page.locator("#examples-table td.ok").count()).toBe(6);
    await page.locator("#examples").screenshot({ path: `${SHOTS}/panel-examples.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("fits forward (mean ≈ 0) and reverse (mean ≈ ±3) Gaussians to seed 004's target and refits on slider change", async () => {
    const { page, errors } = await demo();
    let kl = (await demoState(page)).kl!;
    expect(kl.mu).toBe(3);
    expect(kl.sigma).toBe(1);
    expect(Math.abs(kl.forward.mean)).toBeLessThan(0.01);
    expect(Math.abs(kl.forward.sd - Math.sqrt(10))).toBeLessThan(0.01); // √(μ² + σ²)
    expect(Math.abs(Math.abs(kl.reverse.mean) - 3)).toBeLessThan(0.05);
    expect(Math.abs(kl.reverse.sd - 1)).toBeLessThan(0.05);
    expect(kl.forward.kl).toBeGreaterThan(0);
    expect(await page.locator("#kl-chart svg").count()).toBeGreaterThan(0);
    await page.locator("#kl").screenshot({ path: `${SHOTS}/panel-kl.png` });

    // move the modes to ±4.5, width 0.8: the reverse fit follows one mode, the forward fit widens
    await page.locator("#kl-mu").fill("4.5");
    await page.locator("#kl-sigma").fill("0.8");
    await page.waitForFunction(() => window.infowasmDemo.kl!.mu === 4.5 && window.infowasmDemo.kl!.sigma === 0.8);
    kl = (await demoState(page)).kl!;
    expect(Math.abs(kl.forward.mean)).toBeLessThan(0.01);
    expect(Math.abs(kl.forward.sd - Math.hypot(4.5, 0.8))).toBeLessThan(0.02);
    expect(Math.abs(Math.abs(kl.reverse.mean) - 4.5)).toBeLessThan(0.05);
    expect(Math.abs(kl.reverse.sd - 0.8)).toBeLessThan(0.05);
    expect(await page.locator("#kl-mu-out").textContent()).toBe("4.5");
    await page.locator("#kl").screenshot({ path: `${SHOTS}/panel-kl-moved.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("ranks the columns of a loaded CSV by MI with the target, as constructed", async () => {
    // y ~ N(0, 1); a = y + small noise (near-copy), b = y² + noise (a noisy non-monotone function),
    // c independent noise: I(a; y) > I(b; y) > I(c; y) ≈ 0 by construction.
    const n = 3000;
    const [ys, cs] = gaussianPairs(n, 0, 7); // independent standard normals
    const [na, nb] = gaussianPairs(n, 0, 8);
    const rows = ["c,a,b,y"];
    const cols = { a: [] as number[], b: [] as number[], c: [] as number[], y: [] as number[] };
    for (let i = 0; i < n; i++) {
      const y = ys[i];
      const v = { a: y + 0.1 * na[i], b: y * y + 0.3 * nb[i], c: cs[i], y };
      for (const k of ["a", "b", "c", "y"] as const) cols[k].push(Number(v[k].toFixed(6)));
      rows.push([v.c, v.a, v.b, y].map((x) => x.toFixed(6)).join(","));
    }
    const csv = rows.join("\n") + "\n";

    const { page, errors } = await demo();
    await page.locator("#mi-file").setInputFiles({ name: "known.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.waitForFunction(() => window.infowasmDemo.mi?.rows === 3000 && window.infowasmDemo.mi.ranking.length === 3);
    await page.locator("#mi-target").selectOption("y");
    await page.locator("#mi-bins").selectOption("fd");
    await page.waitForFunction(() => window.infowasmDemo.mi?.target === "y" && window.infowasmDemo.mi.bins === "fd");
    const mi = (await demoState(page)).mi!;
    expect(mi.ranking.map((x) => x.column)).toEqual(["a", "b", "c"]);
    // I(a; y) = ½ log2(1 + 1/0.1²) = 3.33 bits for the Gaussian pair; the histogram estimate is lower
    expect(mi.ranking[0].mi).toBeGreaterThan(2);
    expect(mi.ranking[0].mi).toBeLessThan(3.33);
    expect(mi.ranking[1].mi).toBeGreaterThan(0.5);
    // c is independent: only the plug-in bias, ≈ (Kx − 1)(Ky − 1)/(2N ln 2) bits with ~35 fd bins per axis
    expect(mi.ranking[2].mi).toBeLessThan(0.3);
    // the heatmap holds every ordered pair of the 4 numeric columns, symmetric
    expect(mi.pairs).toHaveLength(12);
    const pair = (a: string, b: string) => mi.pairs.find((p) => p.a === a && p.b === b)!.mi;
    expect(pair("a", "c")).toBe(pair("c", "a"));
    // the page's numbers are the library's numbers: the same calls in Node agree
    const node = await init({ backend: "wasm-simd" });
    const f64 = (k: keyof typeof cols) => Float64Array.from(cols[k]);
    for (const { column, mi: v } of mi.ranking)
      expect(v).toBeCloseTo(node.histogramMutualInformation(f64(column as "a"), f64("y"), { bins: "fd", base: "bits" }), 12);
    node.close();
    // the bar chart and the heatmap rendered
    expect(await page.locator("#mi-bars svg").count()).toBeGreaterThan(0);
    expect(await page.locator("#mi-heatmap svg").count()).toBeGreaterThan(0);
    await page.locator("#mi").screenshot({ path: `${SHOTS}/panel-mi.png` });

    // another bin rule changes the numbers but not the designed ranking
    await page.locator("#mi-bins").selectOption("sturges");
    await page.waitForFunction(() => window.infowasmDemo.mi?.bins === "sturges");
    const coarse = (await demoState(page)).mi!;
    expect(coarse.ranking.map((x) => x.column)).toEqual(["a", "b", "c"]);
    expect(coarse.ranking[2].mi).toBeLessThan(0.05); // ~13 bins per axis: little bias
    await page.locator("#mi-correction").selectOption("miller-madow");
    await page.waitForFunction(() => window.infowasmDemo.mi?.correction === "miller-madow");
    const corrected = (await demoState(page)).mi!;
    expect(corrected.ranking.map((x) => x.column)).toEqual(["a", "b", "c"]);
    expect(corrected.ranking[2].mi).toBeLessThan(coarse.ranking[2].mi);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("runs benchmark workloads on js, wasm and wasm-simd and charts elements per second", async () => {
    const { page, errors } = await demo();
    await page.locator("#speed-none").click();
    await page.locator("input[data-workload='W1 entropy 1000x1000 f64']").check();
    await page.locator("input[data-workload='W3-f32 entropy 1e7 f32']").check();
    await page.locator("input[data-workload='W1 entropy 1000x1000 f64 zero-copy']").check(); // it.allocate in the page
    await page.locator("#speed-time").selectOption("100");
    await page.locator("#speed-run").click();
    await page.waitForSelector("#speed-status[data-state='done'], #speed-status[data-state='error']", { timeout: 90_000 });
    const speed = (await demoState(page)).speed!;
    expect(speed.error).toBeUndefined();
    expect(speed.rows.map((r) => `${r.workload.split(" ")[0]}${r.workload.endsWith("zero-copy") ? " zero-copy" : ""} ${r.backend}`)).toEqual([
      "W1 js", "W1 wasm", "W1 wasm-simd", "W3-f32 js", "W3-f32 wasm", "W3-f32 wasm-simd",
      "W1 zero-copy js", "W1 zero-copy wasm", "W1 zero-copy wasm-simd",
    ]);
    for (const r of speed.rows) {
      expect(r.elementsPerSecond).toBeGreaterThan(0);
      expect(Number.isFinite(r.elementsPerSecond)).toBe(true);
    }
    expect(await page.locator("#speed-table tbody tr").count()).toBe(9);
    expect(await page.locator("#speed-chart svg").count()).toBeGreaterThan(0);
    await page.locator("#speed").screenshot({ path: `${SHOTS}/panel-speed.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("draws channel capacities against the crossover probability and the information-bottleneck curve", async () => {
    const { page, errors } = await demo();
    let ch = (await demoState(page)).channels!;
    expect(ch.e).toBe(0.11);
    const row = (name: string) => ch.rows.find((r) => r.channel === name)!;
    // 1 − H₂(0.11) = 0.50008 bit (closed form of the binary symmetric channel)
    expect(row("binary symmetric").capacity).toBeCloseTo(0.50008, 5);
    expect(await page.locator("#ch-table tr[data-channel='binary symmetric'] td").nth(1).textContent()).toBe("0.50008");
    expect(row("binary erasure").capacity).toBeCloseTo(0.89, 12); // 1 − e
    // the IB curve ends at I(X;Y) of the table (every cluster its own row at β = 1000)
    const P = IB_TABLE;
    const total = P.flat().reduce((a, b) => a + b, 0); // 1.02: weights, normalised as a whole
    const px = P.map((r) => r.reduce((a, b) => a + b, 0) / total);
    const py = P[0].map((_, j) => P.reduce((a, r) => a + r[j], 0) / total);
    let mi = 0;
    P.forEach((r, i) => r.forEach((w, j) => w > 0 && (mi += (w / total) * Math.log2(w / total / (px[i] * py[j])))));
    expect(ch.mi).toBeCloseTo(mi, 12);
    expect(ch.ib.at(-1)!.ity).toBeCloseTo(mi, 6);
    for (let i = 1; i < ch.ib.length; i++) expect(ch.ib[i].ity).toBeGreaterThanOrEqual(ch.ib[i - 1].ity - 1e-9);
    expect(await page.locator("#ch-chart svg").count()).toBeGreaterThan(0);
    expect(await page.locator("#ch-ib svg").count()).toBeGreaterThan(0);
    await page.locator("#channels").screenshot({ path: `${SHOTS}/panel-channels.png` });
    // move to 0.3: the Z channel's closed form log2(1 + 0.7·0.3^(0.3/0.7))
    await page.locator("#ch-e").fill("0.3");
    await page.waitForFunction(() => window.infowasmDemo.channels!.e === 0.3);
    ch = (await demoState(page)).channels!;
    expect(row("Z channel").capacity).toBeCloseTo(Math.log2(1 + 0.7 * 0.3 ** (0.3 / 0.7)), 12);
    expect(row("binary erasure").capacity).toBeCloseTo(0.7, 12);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("gives the same values on the pure-JS backend (?backend=js)", async () => {
    const { page, errors } = await demo("?backend=js");
    const s = await demoState(page);
    expect(s.backend).toBe("js");
    expect(s.errors).toEqual([]);
    expect(s.examples!.coinForwardKl.toFixed(4)).toBe("0.5108");
    expect(s.examples!.tableMi).toBeCloseTo(3 / 8, 12);
    expect(Math.abs(Math.abs(s.kl!.reverse.mean) - 3)).toBeLessThan(0.05);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("plain <script type=\"module\"> page (import map, no bundler)", () => {
  it("imports infowasm through the import map, runs WASM-SIMD and computes the seed values, also in a module worker", async () => {
    const { page, errors } = await open("/examples/browser/index.html");
    await page.waitForSelector("body[data-result]");
    const result = JSON.parse((await page.getAttribute("body", "data-result"))!);
    expect(result.backend).toBe("wasm-simd");
    expect(result.forwardKl.toFixed(4)).toBe("0.5108");
    expect(result.reverseKl.toFixed(4)).toBe("0.3681");
    expect(result.mutualInformationBits).toBeCloseTo(3 / 8, 12);
    // and in a module worker started by the page
    await page.waitForSelector("body[data-worker]");
    const worker = JSON.parse((await page.getAttribute("body", "data-worker"))!);
    expect(worker.backend).toBe("wasm-simd");
    expect(worker.kl.toFixed(4)).toBe("0.5108");
    expect(worker.js).toBeGreaterThan(0);
    expect(worker.js).toBeLessThan(1); // JS distance in bits is at most 1
    await page.screenshot({ path: `${SHOTS}/plain-page.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("imports dist/index.js by a relative path as well", async () => {
    const { page, errors } = await open("/examples/browser/index.html");
    // a string, so the test runner does not rewrite the dynamic import; resolved against the page URL
    const r = await page.evaluate(`(async () => {
      const lib = await import("../../dist/index.js");
      const it = await lib.init();
      return { backend: it.backend, h: it.entropy([0.5, 0.5], { base: "bits" }) };
    })()`);
    expect(r).toEqual({ backend: "wasm-simd", h: 1 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("falls back to JS under a Content-Security-Policy that forbids compiling WebAssembly", async () => {
    const { page, errors } = await open("/examples/browser/csp.html");
    await page.waitForSelector("body[data-result]");
    const result = JSON.parse((await page.getAttribute("body", "data-result"))!);
    expect(result.backend).toBe("js");
    expect(result.forwardKl.toFixed(4)).toBe("0.5108");
    expect(result.simd).toMatch(/CompileError|EvalError|wasm-unsafe-eval|Content Security Policy/i); // a named backend rejects
    expect(errors.filter((e) => e.startsWith("pageerror") || e.startsWith("HTTP"))).toEqual([]);
    await page.close();
  });

  it("the smallest working page of the README runs as written (import map to node_modules/infowasm)", async () => {
    // the first html block of the "In the browser" section (README.md once merged there, else docs/browser.md)
    const readme = readFileSync(`${ROOT}README.md`, "utf8");
    const source = readme.includes("## In the browser") ? readme.slice(readme.indexOf("## In the browser")) : readFileSync(`${ROOT}docs/browser.md`, "utf8");
    const page = /```html\n([\s\S]*?)```/.exec(source)?.[1];
    expect(page).toContain('import { init } from "infowasm"');
    // a site with the package installed: index.html next to node_modules/infowasm
    const site = mkdtempSync(join(tmpdir(), "infowasm-site-"));
    try {
      writeFileSync(join(site, "index.html"), page!);
      cpSync(`${ROOT}package.json`, join(site, "node_modules/infowasm/package.json"));
      cpSync(`${ROOT}dist`, join(site, "node_modules/infowasm/dist"), { recursive: true });
      const siteServer = await serveDirectory(site);
      try {
        const p = await browser.newPage();
        const errors: string[] = [];
        p.on("pageerror", (e) => errors.push(e.message));
        p.on("response", (r) => {
          if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) errors.push(`HTTP ${r.status()}: ${r.url()}`);
        });
        await p.goto(`${siteServer.url}/`);
        await p.waitForFunction(() => document.body?.textContent?.includes("nats"));
        expect(await p.textContent("body")).toBe("wasm-simd: D(p‖q) = 0.5108 nats");
        expect(errors).toEqual([]);
        await p.close();
      } finally {
        await siteServer.close();
      }
    } finally {
      rmSync(site, { recursive: true, force: true });
    }
  });
});
