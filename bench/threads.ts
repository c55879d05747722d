/**
 * `npm run bench -- --threads 1,2 [--filter W1,W4]`: throughput of the worker pool per thread
 * count (wasm-simd workers), next to the synchronous engine on the calling thread. Each workload
 * runs through `it.parallel.run(e => workload.run(e, input))`, so its batched kernels are split
 * across the pool exactly as a user's call would be, or through its own `it.parallel` call
 * (Workload.parallel, e.g. `it.parallel.mutualInfoRegression`) where it has one. Two input modes:
 *   copy-in   ordinary ArrayBuffer input (copied to the workers inside the timing)
 *   shared    input already in a SharedArrayBuffer (shared with the workers as is)
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import { Bench } from "tinybench";
import { init } from "../src/index.js";
import type { Engine } from "../src/engine.js";
import type { Workload } from "./workloads/types.js";

export interface ThreadRow {
  name: string;
  backend: "wasm-simd";
  threads: number;
  pool: boolean;
  input: "copy-in" | "shared";
  hz: number;
  elementsPerSecond: number;
}

/** A deep copy of the input with every Float64Array/Float32Array/Int32Array moved into a SharedArrayBuffer. */
export function toShared<T>(x: T): T {
  if (x instanceof Float64Array || x instanceof Float32Array || x instanceof Int32Array) {
    const Ctor = x.constructor as { new (b: SharedArrayBuffer): Float64Array };
    const out = new Ctor(new SharedArrayBuffer(x.byteLength));
    out.set(x as unknown as Float64Array);
    return out as unknown as T;
  }
  if (Array.isArray(x)) return x.map(toShared) as T;
  if (typeof x === "object" && x !== null) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, toShared(v)])) as T;
  return x;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
};

/**
 * What the machine gives right now: the speedup of a pure CPU loop (no memory traffic, no
 * messages) split over 2 workers vs 1 — the ceiling for any pool figure measured next to it
 * (on a shared machine, other processes take cores).
 */
export async function capacityProbe(): Promise<number> {
  const { Worker } = await import("node:worker_threads");
  const code = `const { parentPort } = require("node:worker_threads"); parentPort.on("message", (n) => { let s = 0; for (let i = 0; i < n; i++) s += Math.sqrt(i); parentPort.postMessage(s); });`;
  const ws = [new Worker(code, { eval: true }), new Worker(code, { eval: true })];
  await Promise.all(ws.map((w) => runOn(w, 1e6)));
  return twoVersusOne(ws, 1e8);
}

type NodeWorker = InstanceType<typeof import("node:worker_threads").Worker>;

/** Sends `n` to a probe worker; resolves when it answers. */
function runOn(w: NodeWorker, n: number): Promise<unknown> {
  return new Promise((r) => {
    w.once("message", r);
    w.postMessage(n);
  });
}

/** Median over 3 tries of: `n` units on one worker, divided by n/2 units on each of two at once; then terminates both. */
async function twoVersusOne(ws: NodeWorker[], n: number): Promise<number> {
  const ratios: number[] = [];
  for (let k = 0; k < 3; k++) {
    let t = performance.now();
    await runOn(ws[0], n);
    const one = performance.now() - t;
    t = performance.now();
    await Promise.all([runOn(ws[0], n / 2), runOn(ws[1], n / 2)]);
    ratios.push(one / (performance.now() - t));
  }
  await Promise.all(ws.map((w) => w.terminate()));
  return median(ratios);
}

/**
 * What the machine gives a WASM kernel right now: W1's kernel (entropy of each row of a
 * 1000×1000 float64 matrix already in WASM memory, one plain engine per thread, no pool, no
 * copying, no messages inside the timing) run in 2 independent threads at once vs 1 — the
 * ceiling for a memory-streaming SIMD kernel, which the pure CPU loop of capacityProbe does not
 * see (two threads share the caches and the memory bus).
 */
export async function kernelProbe(): Promise<number> {
  const { Worker } = await import("node:worker_threads");
  const dist = new URL("../dist/index.js", import.meta.url).href;
  const code = `
    import { init } from ${JSON.stringify(dist)};
    import { parentPort } from "node:worker_threads";
    const it = await init({ backend: "wasm-simd" });
    const rows = 1000, cols = 1000;
    const x = it.allocate(rows * cols);
    for (let i = 0; i < x.length; i++) x[i] = ((i * 2654435761) % 1000) / 1000 + 0.001;
    const m = { data: x, rows, cols };
    for (let i = 0; i < 20; i++) it.entropy(m);
    parentPort.on("message", (n) => { for (let i = 0; i < n; i++) it.entropy(m); parentPort.postMessage(0); });
    parentPort.postMessage("ready");`;
  const url = new URL("data:text/javascript," + encodeURIComponent(code));
  const ws = await Promise.all([0, 1].map(() => new Promise<NodeWorker>((r) => { const w = new Worker(url); w.once("message", () => r(w)); })));
  return twoVersusOne(ws, 200);
}

export async function runThreads(selected: Workload<any>[], counts: number[], timeMs: number, rounds: number): Promise<ThreadRow[]> {
  const sync = await init({ backend: "wasm-simd" });
  const pools = new Map<number, Engine>();
  for (const n of counts) pools.set(n, await init({ backend: "wasm-simd", threads: n }));
  const rows: ThreadRow[] = [];
  console.log(`\nthread scaling (wasm-simd): pools of ${counts.join(", ")} threads (on shared memory the calling thread is one of them) vs the calling thread; ${rounds} rounds of ${timeMs} ms`);
  const probe = await capacityProbe();
  const kprobe = await kernelProbe();
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`machine capacity now: a pure CPU loop runs ×${probe.toFixed(2)} faster on 2 threads than on 1; W1's WASM kernel in 2 independent threads ×${kprobe.toFixed(2)} (load average ${load})`);
  const md = [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.cpus()[0]?.model ?? "?"} × ${os.cpus().length}, node ${process.version}; load average ${load}; a pure CPU loop ran ×${probe.toFixed(2)} faster on 2 threads than on 1 just before, and W1's WASM kernel, on data already in WASM memory, ×${kprobe.toFixed(2)} in 2 independent threads (no pool: the ceiling for a memory-streaming kernel). wasm-simd; M elements/s (median of ${rounds} × ${timeMs} ms); ratios vs the pool of ${counts[0]} thread and vs the plain synchronous call on the calling thread.`,
    "",
    "| workload | input | calling thread | " + counts.map((n) => `pool ${n}`).join(" | ") + ` | ×${counts[counts.length - 1]} vs ${counts[0]} thr | vs calling thread |`,
    "|---|---|---:|" + counts.map(() => "---:|").join("") + "---:|---:|",
  ];
  for (const w of selected) {
    const before = await capacityProbe();
    console.log(`${w.name}: capacity probe ×${before.toFixed(2)}`);
    const input = w.setup();
    const shared = toShared(input);
    const lat = new Map<string, number[]>();
    const key = (n: number, mode: string) => `${n}|${mode}`;
    for (let round = 0; round < rounds; round++) {
      const bench = new Bench({ time: timeMs, warmupTime: 200, iterations: 3, ...w.bench, warmup: round === 0 || !w.bench });
      bench.add(key(0, "copy-in"), () => {
        w.run(sync, input);
      });
      for (const n of counts) {
        const e = pools.get(n)!;
        // the workload's own it.parallel call where it has one, else its run on the pool
        const call = w.parallel ? (x: unknown) => w.parallel!(e, x) : (x: unknown) => e.parallel.run((y) => w.run(y, x));
        bench.add(key(n, "copy-in"), async () => {
          await call(input);
        });
        bench.add(key(n, "shared"), async () => {
          await call(shared);
        });
      }
      await bench.run();
      for (const t of bench.tasks) {
        const r = t.result;
        if (r.state !== "completed") throw new Error(`${w.name} on ${t.name}: ${r.state}${"error" in r ? `: ${String(r.error)}` : ""}`);
        if (!lat.has(t.name)) lat.set(t.name, []);
        lat.get(t.name)!.push(r.latency.p50);
      }
    }
    const rowOf = (n: number, mode: "copy-in" | "shared"): ThreadRow => {
      const hz = 1000 / median(lat.get(key(n, mode))!);
      return { name: w.name, backend: "wasm-simd", threads: Math.max(1, n), pool: n > 0, input: mode, hz, elementsPerSecond: hz * w.elements };
    };
    const after = await capacityProbe();
    console.log(`${w.name}: capacity probe after ×${after.toFixed(2)}`);
    md.push(`| ${w.name} | capacity probe before / after | ×${before.toFixed(2)} / ×${after.toFixed(2)} |${counts.map(() => " |").join("")} | |`);
    const base = rowOf(0, "copy-in");
    rows.push(base);
    console.log(`${w.name.padEnd(40)} calling thread            ${(base.elementsPerSecond / 1e6).toFixed(1).padStart(8)} M el/s`);
    for (const mode of ["copy-in", "shared"] as const) {
      const one = rowOf(counts[0], mode);
      const last = rowOf(counts[counts.length - 1], mode);
      // 3 significant digits below 100 M el/s (W7 runs at ~1 M el/s), whole numbers above
      const f = (r: ThreadRow) => {
        const v = r.elementsPerSecond / 1e6;
        return v >= 100 ? v.toFixed(0) : v.toPrecision(3);
      };
      md.push(`| ${w.name} | ${mode === "shared" ? "SharedArrayBuffer" : "ArrayBuffer (copied)"} | ${f(base)} | ${counts.map((n) => f(rowOf(n, mode))).join(" | ")} | ×${(last.hz / one.hz).toFixed(2)} | ×${(last.hz / base.hz).toFixed(2)} |`);
      for (const n of counts) {
        const r = rowOf(n, mode);
        rows.push(r);
        console.log(
          `${w.name.padEnd(40)} pool ${String(n).padStart(2)} thr ${mode.padEnd(8)}  ${(r.elementsPerSecond / 1e6).toFixed(1).padStart(8)} M el/s  ×${(r.hz / one.hz).toFixed(2)} vs ${counts[0]} thr  ×${(r.hz / base.hz).toFixed(2)} vs calling thread`,
        );
      }
    }
    (globalThis as { gc?: () => void }).gc?.();
  }
  sync.close();
  for (const e of pools.values()) e.close();
  writeFileSync(new URL("./scaling.md", import.meta.url), md.join("\n") + "\n");
  console.log(`\n${md.join("\n")}\n\nwrote bench/scaling.md`);
  return rows;
}
