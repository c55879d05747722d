/**
 * Speed panel: the benchmark workloads of BENCH.md (bench/workloads, the same definitions
 * `npm run bench` times in Node) run in this browser on every backend, each for a time budget;
 * the median time per call gives elements per second. Runs on the main thread, yielding to the
 * browser between calls so the page stays responsive and the chart fills in as results arrive.
 */
import * as Plot from "@observablehq/plot";
import { init, type BackendName, type Engine } from "infowasm";
import { workloads } from "../../bench/workloads/index.js";
import { report, state, type SpeedRow } from "./state.js";

const BACKENDS: BackendName[] = ["js", "wasm", "wasm-simd"];
const COLORS = ["#98a2b3", "#6f9be0", "#2f5fb3"];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
};
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Median milliseconds per call of `run` within `budget` ms (at least 3 samples). A first call
 * warms up (V8 runs baseline-compiled WASM first); calls shorter than 2 ms are timed in batches.
 */
async function timeIt(run: () => void, budget: number): Promise<number> {
  let t0 = performance.now();
  run();
  const first = performance.now() - t0;
  const batch = first >= 2 ? 1 : Math.min(1000, Math.ceil(2 / Math.max(first, 0.01)));
  const samples: number[] = [];
  const start = performance.now();
  let lastYield = start;
  while (samples.length < 3 || performance.now() - start < budget) {
    t0 = performance.now();
    for (let k = 0; k < batch; k++) run();
    samples.push((performance.now() - t0) / batch);
    if (performance.now() - lastYield > 50) {
      await nextFrame();
      lastYield = performance.now();
    }
  }
  return median(samples);
}

function chart(rows: SpeedRow[]): SVGSVGElement | HTMLElement {
  const names = [...new Set(rows.map((r) => r.workload))];
  return Plot.plot({
    width: 900,
    height: 50 + names.length * 3 * 22,
    marginLeft: 280,
    marginRight: 90,
    x: { label: "elements per second", grid: true, tickFormat: "~s" },
    y: { axis: null, domain: BACKENDS },
    fy: { label: null, domain: names },
    color: { legend: true, domain: BACKENDS, range: COLORS },
    marks: [
      Plot.barX(rows, { x: "elementsPerSecond", y: "backend", fy: "workload", fill: "backend" }),
      Plot.text(rows, {
        x: "elementsPerSecond",
        y: "backend",
        fy: "workload",
        text: (r: SpeedRow) => `${(r.elementsPerSecond / 1e6).toFixed(0)} M/s`,
        dx: 4,
        textAnchor: "start",
        fontSize: 10,
      }),
      Plot.ruleX([0]),
    ],
  });
}

export function mountSpeed(): void {
  const list = document.querySelector<HTMLElement>("#speed-workloads")!;
  const runBtn = document.querySelector<HTMLButtonElement>("#speed-run")!;
  const timeSel = document.querySelector<HTMLSelectElement>("#speed-time")!;
  const status = document.querySelector<HTMLElement>("#speed-status")!;
  const box = document.querySelector<HTMLElement>("#speed-chart")!;
  const body = document.querySelector("#speed-table tbody")!;
  const boxes = workloads.map((w) => {
    const label = document.createElement("label");
    const input = document.createElement("input");
    input.type = "checkbox";
    input.dataset.workload = w.name;
    input.checked = /^W\d/.test(w.name); // the BENCH.md workloads
    label.append(input, ` ${w.name}`);
    list.append(label);
    return input;
  });
  document.querySelector("#speed-all")!.addEventListener("click", () => boxes.forEach((b) => (b.checked = true)));
  document.querySelector("#speed-none")!.addEventListener("click", () => boxes.forEach((b) => (b.checked = false)));
  const engines = new Map<BackendName, Engine>();
  state.speed = { running: false, rows: [] };

  const addRow = (r: SpeedRow, jsRow: SpeedRow | undefined, elements: number) => {
    const tr = document.createElement("tr");
    const ratio = jsRow ? r.elementsPerSecond / jsRow.elementsPerSecond : NaN;
    for (const v of [r.workload, r.backend, r.msPerCall.toFixed(2), ((r.msPerCall * 1e6) / elements).toFixed(2), r.elementsPerSecond.toExponential(2), Number.isNaN(ratio) ? "" : `${ratio.toFixed(2)}×`]) {
      const td = document.createElement("td");
      td.textContent = v;
      tr.append(td);
    }
    body.append(tr);
  };

  runBtn.addEventListener("click", async () => {
    const selected = workloads.filter((_, i) => boxes[i].checked);
    if (selected.length === 0) return;
    const budget = Number(timeSel.value);
    const rows: SpeedRow[] = [];
    state.speed = { running: true, rows };
    runBtn.disabled = true;
    status.dataset.state = "running";
    body.replaceChildren();
    box.replaceChildren();
    try {
      for (const b of BACKENDS) if (!engines.has(b)) engines.set(b, await init({ backend: b }));
      for (const [k, w] of selected.entries()) {
        status.textContent = `${k + 1}/${selected.length}: ${w.name} — preparing the input…`;
        await nextFrame();
        const input = w.setup();
        let jsRow: SpeedRow | undefined;
        for (const b of BACKENDS) {
          status.textContent = `${k + 1}/${selected.length}: ${w.name} on ${b}…`;
          await nextFrame();
          const e = engines.get(b)!;
          // zero-copy workloads place their input in this engine's memory first (outside the timing)
          const own = w.perEngine ? w.perEngine(e, input) : input;
          let ms: number;
          try {
            ms = await timeIt(() => void w.run(e, own), budget);
          } finally {
            w.release?.(e, own);
          }
          const row: SpeedRow = { workload: w.name, backend: b, msPerCall: ms, elementsPerSecond: (w.elements * 1000) / ms };
          if (b === "js") jsRow = row;
          rows.push(row);
          addRow(row, jsRow, w.elements);
          box.replaceChildren(chart(rows));
        }
      }
      status.textContent = `Done: ${selected.length} workload${selected.length === 1 ? "" : "s"} × ${BACKENDS.length} backends, ${budget} ms each.`;
      status.dataset.state = "done";
    } catch (e) {
      state.speed.error = e instanceof Error ? e.message : String(e);
      status.dataset.state = "error";
      report("speed", e);
    } finally {
      state.speed.running = false;
      runBtn.disabled = false;
    }
  });
}
