/**
 * Mutual information panel: a CSV (pasted, loaded from a file, or the example), the MI of every
 * numeric column with a chosen target as a ranked bar chart (one `mutualInformationColumns`
 * pass), and the MI of every pair of numeric columns as a heatmap (`histogramMutualInformation`),
 * in bits, with the bin rule and the bias correction selectable.
 */
import * as Plot from "@observablehq/plot";
import type { AxisBins, Engine, MiCorrection } from "infowasm";
import { encodeLabels, parseCsv, type Table } from "./csv.js";
import { exampleCsv } from "./sample-data.js";
import { report, state } from "./state.js";

/** "fd" → "fd", "16" → 16, "q8" → { quantiles: 8 }. */
export function binsOf(value: string): AxisBins {
  if (/^\d+$/.test(value)) return Number(value);
  if (/^q\d+$/.test(value)) return { quantiles: Number(value.slice(1)) };
  return value as AxisBins;
}

export function mountMi(it: Engine): void {
  const text = document.querySelector<HTMLTextAreaElement>("#mi-csv")!;
  const file = document.querySelector<HTMLInputElement>("#mi-file")!;
  const targetSel = document.querySelector<HTMLSelectElement>("#mi-target")!;
  const binsSel = document.querySelector<HTMLSelectElement>("#mi-bins")!;
  const corrSel = document.querySelector<HTMLSelectElement>("#mi-correction")!;
  const info = document.querySelector<HTMLElement>("#mi-info")!;
  const bars = document.querySelector<HTMLElement>("#mi-bars")!;
  const heat = document.querySelector<HTMLElement>("#mi-heatmap")!;
  let table: Table | null = null;
  let timer = 0;

  const load = (csv: string, source: string) => {
    try {
      table = parseCsv(csv);
    } catch (e) {
      table = null;
      info.textContent = `Cannot read the CSV: ${e instanceof Error ? e.message : String(e)}`;
      bars.replaceChildren();
      heat.replaceChildren();
      return;
    }
    const previous = targetSel.value;
    targetSel.replaceChildren(...table.columns.map((c) => new Option(`${c.name}${c.values ? "" : " (labels)"}`, c.name)));
    const names = table.columns.map((c) => c.name);
    // keep the chosen target when the new data has it; else the last numeric column
    const numeric = table.columns.filter((c) => c.values);
    targetSel.value = names.includes(previous) ? previous : (numeric.at(-1) ?? table.columns.at(-1))!.name;
    info.dataset.source = source;
    compute();
  };

  const compute = () => {
    if (!table) return;
    try {
      run(table);
    } catch (e) {
      report("mi", e);
    }
  };

  const run = (t: Table) => {
    const target = t.columns.find((c) => c.name === targetSel.value)!;
    const features = t.columns.filter((c) => c.values && c !== target);
    const ignored = t.columns.filter((c) => !c.values && c !== target).map((c) => c.name);
    if (features.length === 0) {
      info.textContent = "No numeric column besides the target.";
      return;
    }
    // listwise deletion: rows where the target or any numeric column is missing
    const numericCols = t.columns.filter((c) => c.values);
    const keep: number[] = [];
    for (let r = 0; r < t.rows; r++) {
      if (target.labels && target.labels[r] === "") continue;
      if (numericCols.every((c) => !Number.isNaN(c.values![r]))) keep.push(r);
    }
    const n = keep.length;
    if (n < 2) {
      info.textContent = `Only ${n} complete row${n === 1 ? "" : "s"}: nothing to estimate.`;
      return;
    }
    const d = features.length;
    const X = new Float64Array(n * d);
    keep.forEach((r, i) => features.forEach((c, j) => (X[i * d + j] = c.values![r])));
    const bins = binsOf(binsSel.value);
    const correction = corrSel.value as MiCorrection;
    const opts = { bins, correction, base: "bits" as const };
    let scores: Float64Array;
    if (target.values) {
      const y = Float64Array.from(keep, (r) => target.values![r]);
      scores = it.mutualInformationColumns({ data: X, rows: n, cols: d }, y, { ...opts, target: "real", yBins: bins });
    } else {
      const { codes } = encodeLabels(keep.map((r) => target.labels![r]));
      scores = it.mutualInformationColumns({ data: X, rows: n, cols: d }, codes, { ...opts, target: "labels" });
    }
    const ranking = features.map((c, j) => ({ column: c.name, mi: scores[j] })).sort((a, b) => b.mi - a.mi);

    // pairwise MI of the numeric columns (the target too when it is numeric), each pair once
    const cols = numericCols.map((c) => ({ name: c.name, x: Float64Array.from(keep, (r) => c.values![r]) }));
    const pairs: { a: string; b: string; mi: number }[] = [];
    for (let i = 0; i < cols.length; i++)
      for (let j = i + 1; j < cols.length; j++) {
        const mi = it.histogramMutualInformation(cols[i].x, cols[j].x, opts);
        pairs.push({ a: cols[i].name, b: cols[j].name, mi }, { a: cols[j].name, b: cols[i].name, mi });
      }

    const skipped = t.rows - n;
    info.textContent =
      `${n} rows${skipped ? ` (${skipped} with missing values left out)` : ""}, ${d} numeric column${d === 1 ? "" : "s"} against ` +
      `“${target.name}”${target.values ? "" : " (as class labels)"}` +
      (ignored.length ? `; non-numeric columns not scored: ${ignored.join(", ")}` : "") + ".";
    state.mi = { target: target.name, bins: binsSel.value, correction, rows: n, ranking, pairs };

    bars.replaceChildren(
      Plot.plot({
        width: 460,
        height: 40 + 28 * ranking.length,
        marginLeft: 90,
        marginRight: 50,
        x: { label: "I(column; target), bits", grid: true },
        y: { label: null, domain: ranking.map((r) => r.column) },
        marks: [
          Plot.barX(ranking, { x: "mi", y: "column", fill: "#2f5fb3" }),
          Plot.text(ranking, { x: "mi", y: "column", text: (r: { mi: number }) => r.mi.toFixed(3), dx: 4, textAnchor: "start" }),
          Plot.ruleX([0]),
        ],
      }),
    );
    const order = cols.map((c) => c.name);
    const top = Math.max(...pairs.map((q) => q.mi));
    heat.replaceChildren(
      Plot.plot({
        width: 460,
        height: 60 + 36 * order.length,
        marginLeft: 90,
        marginBottom: 70,
        x: { label: null, domain: order, tickRotate: -35 },
        y: { label: null, domain: order },
        color: { scheme: "blues", legend: true, label: "MI, bits", zero: true },
        marks: [
          Plot.cell(pairs, { x: "a", y: "b", fill: "mi", inset: 0.5 }),
          Plot.text(pairs, {
            x: "a",
            y: "b",
            text: (p: { mi: number }) => p.mi.toFixed(2),
            fill: (p: { mi: number }) => (p.mi > 0.6 * top ? "white" : "black"),
            fontSize: 10,
          }),
        ],
      }),
    );
  };

  document.querySelector("#mi-example")!.addEventListener("click", () => {
    text.value = exampleCsv();
    load(text.value, "example");
  });
  file.addEventListener("change", async () => {
    const f = file.files?.[0];
    if (!f) return;
    text.value = await f.text();
    load(text.value, `file ${f.name}`);
  });
  text.addEventListener("input", () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => load(text.value, "pasted"), 300);
  });
  for (const sel of [targetSel, binsSel, corrSel]) sel.addEventListener("change", compute);

  text.value = exampleCsv();
  load(text.value, "example");
}
