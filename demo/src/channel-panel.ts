/**
 * Channels panel: the capacity (bits per use) of the binary symmetric, binary erasure and Z
 * channels against their crossover / erasure probability, each point one Blahut–Arimoto run
 * (`channelCapacity`), with the chosen probability marked and its values tabled beside the closed
 * forms; and the information-bottleneck curve I(T;Y) against I(X;T) of a fixed joint table over a
 * sweep of β (`informationBottleneck`), which climbs towards I(X;Y).
 */
import * as Plot from "@observablehq/plot";
import type { Engine } from "infowasm";
import { IB_TABLE } from "./sample-data.js";
import { report, state } from "./state.js";

const COLORS = { "binary symmetric": "#2f5fb3", "binary erasure": "#1d8a4a", "Z channel": "#d0461b" };
type Kind = keyof typeof COLORS;

/** The 2-input channel of kind `kind` at probability e (rows = inputs 0, 1). */
function channel(kind: Kind, e: number): number[][] {
  if (kind === "binary symmetric") return [[1 - e, e], [e, 1 - e]];
  if (kind === "binary erasure") return [[1 - e, e, 0], [0, e, 1 - e]];
  return [[1, 0], [e, 1 - e]]; // Z: a 1 turns into a 0 with probability e
}

const h2 = (e: number) => (e <= 0 || e >= 1 ? 0 : -(e * Math.log2(e) + (1 - e) * Math.log2(1 - e)));

/** The textbook closed forms (Cover & Thomas §7.1; Golomb 1980 for the Z channel), for the table. */
function closedForm(kind: Kind, e: number): number {
  if (kind === "binary symmetric") return 1 - h2(e);
  if (kind === "binary erasure") return 1 - e;
  return e >= 1 ? 0 : Math.log2(1 + (1 - e) * e ** (e / (1 - e)));
}

const IB_BETAS = [0.5, 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10, 13, 17, 22, 30, 45, 70, 100, 200, 1000];

function capacityChart(curves: { e: number; capacity: number; channel: string }[], e: number, marks: { channel: string; capacity: number }[]) {
  return Plot.plot({
    width: 560,
    height: 300,
    marginLeft: 50,
    x: { label: "crossover / erasure probability", domain: [0, 1], grid: true },
    y: { label: "capacity (bits per use)", domain: [0, 1], grid: true },
    color: { legend: true, domain: Object.keys(COLORS), range: Object.values(COLORS) },
    marks: [
      Plot.line(curves, { x: "e", y: "capacity", stroke: "channel", strokeWidth: 2 }),
      Plot.ruleX([e], { stroke: "#667085", strokeDasharray: "4,3" }),
      Plot.dot(marks, { x: () => e, y: "capacity", fill: "channel", r: 4 }),
    ],
  });
}

function ibChart(points: { beta: number; ixt: number; ity: number }[], mi: number, hx: number) {
  return Plot.plot({
    width: 560,
    height: 300,
    marginLeft: 50,
    x: { label: "I(X;T) (bits)", domain: [0, hx * 1.02], grid: true },
    y: { label: "I(T;Y) (bits)", domain: [0, mi * 1.1], grid: true },
    marks: [
      Plot.ruleY([mi], { stroke: "#98a2b3", strokeDasharray: "4,3" }),
      Plot.text([{ x: hx * 0.02, y: mi }], { x: "x", y: "y", text: () => "I(X;Y)", dy: -8, textAnchor: "start", fill: "#667085" }),
      Plot.line(points, { x: "ixt", y: "ity", stroke: "#6941c6", strokeWidth: 2 }),
      Plot.dot(points, { x: "ixt", y: "ity", fill: "#6941c6", r: 3, title: (d: { beta: number }) => `β = ${d.beta}` }),
    ],
  });
}

export function mountChannels(it: Engine): void {
  const slider = document.querySelector<HTMLInputElement>("#ch-e")!;
  const out = document.querySelector<HTMLOutputElement>("#ch-e-out")!;
  const capBox = document.querySelector<HTMLElement>("#ch-chart")!;
  const ibBox = document.querySelector<HTMLElement>("#ch-ib")!;
  const body = document.querySelector("#ch-table tbody")!;
  const kinds = Object.keys(COLORS) as Kind[];

  // the curves: one Blahut–Arimoto run per point (101 per channel)
  const curves: { e: number; capacity: number; channel: string }[] = [];
  for (const kind of kinds)
    for (let i = 0; i <= 100; i++) curves.push({ e: i / 100, capacity: it.channelCapacity(channel(kind, i / 100), { base: "bits" }).capacity, channel: kind });

  // the IB curve over the β sweep
  const flat = { data: Float64Array.from(IB_TABLE.flat()), rows: IB_TABLE.length, cols: IB_TABLE[0].length };
  const ib = IB_BETAS.map((beta) => {
    const r = it.informationBottleneck(flat, { beta, clusters: IB_TABLE.length, seed: 1, base: "bits" });
    return { beta, ixt: r.ixt, ity: r.ity };
  });
  const mi = it.mutualInformation(flat, { base: "bits" });
  const hx = it.entropy(IB_TABLE.map((row) => row.reduce((a, b) => a + b, 0)), { base: "bits" });
  ibBox.replaceChildren(ibChart(ib, mi, hx));

  const draw = () => {
    const e = Number(slider.value);
    out.value = e.toFixed(2);
    const rows = kinds.map((kind) => {
      const r = it.channelCapacity(channel(kind, e), { base: "bits" });
      return { channel: kind, capacity: r.capacity, closedForm: closedForm(kind, e), iterations: r.iterations, p1: r.inputDistribution[1] };
    });
    capBox.replaceChildren(capacityChart(curves, e, rows));
    body.replaceChildren();
    for (const r of rows) {
      const tr = document.createElement("tr");
      tr.dataset.channel = r.channel;
      for (const v of [r.channel, r.capacity.toFixed(5), r.closedForm.toFixed(5), r.p1.toFixed(4), String(r.iterations)]) {
        const td = document.createElement("td");
        td.textContent = v;
        tr.append(td);
      }
      body.append(tr);
    }
    state.channels = { e, rows, ib, mi, hx };
  };
  slider.addEventListener("input", () => {
    try {
      draw();
    } catch (err) {
      report("channels", err);
    }
  });
  draw();
}
