/**
 * `npm run bench [-- --filter W1,W3 --time 1500 --rounds 3 --out bench/results.json]`
 * `npm run bench -- --threads 1,2` (pool scaling, bench/threads.ts; default workloads W1, W4, W6, W7)
 * `npm run bench -- --peers` (NumPy/SciPy, scikit-learn, ml-distance, mathjs side by side, bench/peers/)
 *
 * Times every workload of BENCH.md on every backend (js, wasm, wasm-simd) in one process with
 * tinybench. Backends alternate within each round and the median of the rounds' median
 * latencies is reported (these machines are 2 cores and noisy). Prints workload, backend,
 * ops/s, elements/s, ns/element and the ratio to the js backend, and writes the results file.
 */
import { Bench } from "tinybench";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { init } from "../src/index.js";
import type { Engine } from "../src/engine.js";
import type { BackendName } from "../src/types.js";
import { workloads } from "./workloads/index.js";
import { runThreads, type ThreadRow } from "./threads.js";
import { runPeers, type PeerRow } from "./peers/index.js";

const BACKENDS: BackendName[] = ["js", "wasm", "wasm-simd"];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const filters = arg("filter", "").split(",").filter(Boolean);
const timeMs = Number(arg("time", "1000"));
const rounds = Number(arg("rounds", "3"));
const outFile = arg("out", "bench/results.json");
const threadCounts = arg("threads", "").split(",").filter(Boolean).map(Number);
const peers = process.argv.includes("--peers");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
};

interface Row { name: string; backend: BackendName | string; threads: number; hz: number; elementsPerSecond: number }

async function main(): Promise<void> {
  const engines = new Map<BackendName, Engine>();
  for (const b of BACKENDS) engines.set(b, await init({ backend: b }));
  const rows: (Row | ThreadRow | PeerRow)[] = [];
  const scaling = threadCounts.length > 0;
  const defaults = scaling ? ["W1", "W4", "W6", "W7"] : [];
  const want = filters.length ? filters : defaults;
  // explicit filters match prefixes ("W4" also selects "W4-cols"); the scaling defaults match ids exactly
  const selected = workloads.filter((w) => want.length === 0 || want.some((f) => w.name.startsWith(f + " ") || (filters.length > 0 && w.name.startsWith(f))));
  const cpu = os.cpus()[0]?.model ?? "unknown cpu";
  const machine = `${os.type()} ${os.release()} ${os.arch()}, ${cpu} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`;
  if (scaling) {
    // thread scaling only: the pool per thread count vs the calling thread
    rows.push(...(await runThreads(selected.filter((w) => !w.name.includes("zero-copy") && !w.name.includes("norange")), threadCounts, timeMs, rounds)));
    writeResults(machine, rows);
    for (const e of engines.values()) e.close();
    return;
  }
  console.log(`infowasm bench: ${selected.length} workloads × ${BACKENDS.length} backends, ${rounds} rounds of ${timeMs} ms each`);
  for (const w of selected) {
    const input = w.setup();
    const contenders: string[] = [...BACKENDS, ...Object.keys(w.peers ?? {})];
    const latencies = new Map<string, number[]>(contenders.map((b) => [b, []]));
    for (let round = 0; round < rounds; round++) {
      const bench = new Bench({ time: timeMs, warmupTime: 200, iterations: 3, ...w.bench, warmup: round === 0 || !w.bench });
      const inputs = new Map(BACKENDS.map((b) => [b, w.perEngine ? w.perEngine(engines.get(b)!, input) : input]));
      for (const b of BACKENDS) {
        const e = engines.get(b)!;
        const x = inputs.get(b);
        bench.add(b, () => {
          w.run(e, x);
        });
      }
      for (const [peer, run] of Object.entries(w.peers ?? {})) {
        bench.add(peer, () => {
          run(input);
        });
      }
      await bench.run();
      if (w.release) for (const b of BACKENDS) w.release(engines.get(b)!, inputs.get(b));
      for (const task of bench.tasks) {
        const r = task.result;
        if (r.state !== "completed") throw new Error(`${w.name} on ${task.name}: ${r.state}${"error" in r ? `: ${String(r.error)}` : ""}`);
        latencies.get(task.name)!.push(r.latency.p50);
      }
    }
    for (const b of contenders) {
      const ms = median(latencies.get(b)!);
      const hz = 1000 / ms;
      rows.push({ name: w.name, backend: b, threads: 1, hz, elementsPerSecond: hz * w.elements });
    }
    print(rows.filter((r): r is Row => r.name === w.name), w.elements);
    (globalThis as { gc?: () => void }).gc?.();
  }
  if (peers) rows.push(...(await runPeers(selected, rows as Row[], timeMs, machine)));
  printScaling(selected, rows as Row[]);
  writeResults(machine, rows);
  for (const e of engines.values()) e.close();
}

function writeResults(machine: string, rows: unknown[]): void {
  const result = { machine, date: new Date().toISOString(), workloads: rows };
  writeFileSync(outFile, JSON.stringify(result, null, 2) + "\n");
  console.log(`\nwrote ${outFile}`);
}

const sizeLabel = (n: number) => (Number.isInteger(Math.log10(n)) ? `1e${Math.log10(n)}` : String(n));

/**
 * For each size series (Workload.scaling): time per call / (n log2 n) in ns for every backend and
 * peer, and that figure relative to the smallest n (1.00 all along = the cost grows as n log n).
 */
function printScaling(selected: typeof workloads, rows: Row[]): void {
  const series = new Map<string, { name: string; n: number }[]>();
  for (const w of selected) {
    if (!w.scaling) continue;
    if (!series.has(w.scaling.series)) series.set(w.scaling.series, []);
    series.get(w.scaling.series)!.push({ name: w.name, n: w.scaling.n });
  }
  for (const [name, points] of series) {
    if (points.length < 2) continue;
    points.sort((a, b) => a.n - b.n);
    const backends = [...new Set(rows.filter((r) => r.threads === 1 && points.some((p) => p.name === r.name)).map((r) => r.backend))];
    const lines = [
      `${name} scaling: ns per call / (n log2 n), and (in brackets) relative to n = ${sizeLabel(points[0].n)}; 1.00 all along = n log n growth`,
      "",
      `| backend | ${points.map((p) => `n = ${sizeLabel(p.n)}`).join(" | ")} | time ${sizeLabel(points[0].n)} → ${sizeLabel(points[points.length - 1].n)} |`,
      `|---|${points.map(() => "---:|").join("")}---:|`,
    ];
    for (const b of backends) {
      const per = points.map((p) => {
        const r = rows.find((x) => x.name === p.name && x.backend === b && x.threads === 1);
        return r ? 1e9 / r.hz / (p.n * Math.log2(p.n)) : NaN;
      });
      const ms = (i: number) => (per[i] * points[i].n * Math.log2(points[i].n)) / 1e6;
      const cells = per.map((v) => (Number.isNaN(v) ? "–" : `${v.toFixed(2)} (${(v / per[0]).toFixed(2)})`));
      const growth = `${ms(0).toFixed(1)} ms → ${ms(points.length - 1).toFixed(0)} ms`;
      lines.push(`| ${b} | ${cells.join(" | ")} | ${growth} |`);
    }
    console.log(`\n${lines.join("\n")}`);
  }
}

function print(rows: Row[], elements: number): void {
  const js = rows.find((r) => r.backend === "js")!;
  // a workload with a hand-written competitor also shows time / hand-written time (< 1: faster)
  const hand = rows.find((r) => r.backend === "handwritten");
  for (const r of rows) {
    const ns = 1e9 / r.elementsPerSecond;
    console.log(
      `${r.name.padEnd(40)} ${r.backend.padEnd(11)} ${r.hz.toFixed(2).padStart(10)} ops/s ${(r.elementsPerSecond / 1e6).toFixed(1).padStart(9)} M el/s ${ns.toFixed(2).padStart(7)} ns/el  ×${(r.hz / js.hz).toFixed(2)} vs js` +
        (hand ? `  time ×${(hand.hz / r.hz).toFixed(2)} of handwritten` : ""),
    );
  }
  void elements;
}

await main();
