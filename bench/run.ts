/**
 * `npm run bench [-- --filter W1,W3 --time 1500 --rounds 3 --out bench/results.json]`
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

const BACKENDS: BackendName[] = ["js", "wasm", "wasm-simd"];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const filters = arg("filter", "").split(",").filter(Boolean);
const timeMs = Number(arg("time", "1000"));
const rounds = Number(arg("rounds", "3"));
const outFile = arg("out", "bench/results.json");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
};

interface Row { name: string; backend: BackendName; threads: number; hz: number; elementsPerSecond: number }

async function main(): Promise<void> {
  const engines = new Map<BackendName, Engine>();
  for (const b of BACKENDS) engines.set(b, await init({ backend: b }));
  const rows: Row[] = [];
  const selected = workloads.filter((w) => filters.length === 0 || filters.some((f) => w.name.startsWith(f + " ") || w.name.startsWith(f)));
  console.log(`infowasm bench: ${selected.length} workloads × ${BACKENDS.length} backends, ${rounds} rounds of ${timeMs} ms each`);
  for (const w of selected) {
    const input = w.setup();
    const latencies = new Map<BackendName, number[]>(BACKENDS.map((b) => [b, []]));
    for (let round = 0; round < rounds; round++) {
      const bench = new Bench({ time: timeMs, warmupTime: 200, iterations: 3 });
      for (const b of BACKENDS) {
        const e = engines.get(b)!;
        bench.add(b, () => {
          w.run(e, input);
        });
      }
      await bench.run();
      for (const task of bench.tasks) {
        const r = task.result;
        if (r.state !== "completed") throw new Error(`${w.name} on ${task.name}: ${r.state}${"error" in r ? `: ${String(r.error)}` : ""}`);
        latencies.get(task.name as BackendName)!.push(r.latency.p50);
      }
    }
    for (const b of BACKENDS) {
      const ms = median(latencies.get(b)!);
      const hz = 1000 / ms;
      rows.push({ name: w.name, backend: b, threads: 1, hz, elementsPerSecond: hz * w.elements });
    }
    print(rows.filter((r) => r.name === w.name), w.elements);
    (globalThis as { gc?: () => void }).gc?.();
  }
  const cpu = os.cpus()[0]?.model ?? "unknown cpu";
  const result = {
    machine: `${os.type()} ${os.release()} ${os.arch()}, ${cpu} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    date: new Date().toISOString(),
    workloads: rows,
  };
  writeFileSync(outFile, JSON.stringify(result, null, 2) + "\n");
  console.log(`\nwrote ${outFile}`);
  for (const e of engines.values()) e.close();
}

function print(rows: Row[], elements: number): void {
  const js = rows.find((r) => r.backend === "js")!;
  for (const r of rows) {
    const ns = 1e9 / r.elementsPerSecond;
    console.log(
      `${r.name.padEnd(40)} ${r.backend.padEnd(10)} ${r.hz.toFixed(2).padStart(10)} ops/s ${(r.elementsPerSecond / 1e6).toFixed(1).padStart(9)} M el/s ${ns.toFixed(2).padStart(7)} ns/el  ×${(r.hz / js.hz).toFixed(2)} vs js`,
    );
  }
  void elements;
}

await main();
