/**
 * The HTML report of `infowasm matrix --html report.html`: one self-contained file (inline CSS and
 * SVG, no scripts, nothing loaded from the network) with the demo's two plots — the columns ranked
 * by MI with a target, and the heatmap of pairwise MI with the value in each cell — rendered
 * server-side by Observable Plot on a linkedom document, and a table of the values.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { DARK_CELL, decimalsFor, fixed, matrixDomain } from "./heatmap.js";

/** What the report shows. */
export interface HtmlReportInput {
  /** Heading and <title>. */
  title: string;
  /** The data file's name. */
  source: string;
  /** Units of every value ("nats", "bits", …). */
  units: string;
  /** When the report was made (ISO 8601). */
  generated: string;
  /** Column names, in the matrix's order. */
  names: string[];
  /** d×d row-major pairwise MI; the diagonal as given (a column's entropy, or NaN for none). */
  matrix: Float64Array;
  /** MI of each column with a target, in rank order (highest first): the bar chart. */
  ranking?: { target: string; rows: { column: string; mi: number }[] };
  /** Lines shown under the plots (bins, estimator, rows skipped, …). */
  notes?: string[];
}

const BAR_FILL = "#2f5fb3"; // the demo's bar colour

/** `s` with the five characters that matter in HTML text and attribute values escaped. */
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A tick label cut to `n` characters with "…" (the full name stays in the table). */
const short = (s: string, n = 24) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

type Doc = ReturnType<typeof parseHTML>["document"];

/** The demo's ranked bar chart: I(column; target) per column, the value at the end of each bar. */
function barsSvg(document: Doc, ranking: NonNullable<HtmlReportInput["ranking"]>, units: string): string {
  const rows = ranking.rows.map((r, i) => ({ key: i, label: String(r.column), mi: r.mi }));
  const finite = rows.filter((r) => Number.isFinite(r.mi));
  const labelChars = rows.reduce((m, r) => Math.max(m, short(r.label).length), 4);
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: 640,
    height: 40 + 28 * rows.length,
    marginLeft: Math.min(200, 16 + 6.5 * labelChars),
    marginRight: 50,
    x: { label: `I(column; ${short(String(ranking.target))}), ${units}`, grid: true },
    y: { label: null, domain: rows.map((r) => r.key), tickFormat: (k: number) => short(rows[k].label) },
    marks: [
      Plot.barX(finite, { x: "mi", y: "key", fill: BAR_FILL }),
      Plot.text(finite, { x: "mi", y: "key", text: (r: { mi: number }) => fixed(r.mi, 3), dx: 4, textAnchor: "start" }),
      Plot.ruleX([0]),
    ],
  });
  svg.setAttribute("aria-label", "ranking plot");
  return (svg as unknown as { outerHTML: string }).outerHTML;
}

interface Cell {
  i: number;
  j: number;
  v: number;
  diagonal: boolean;
}

/**
 * The demo's heatmap: a cell per pair on the "blues" scale (zero included) with its value printed,
 * white on dark cells; the diagonal printed as given in grey on a plain cell, off the scale.
 */
function heatmapSvg(document: Doc, names: string[], M: Float64Array, domain: [number, number], units: string): string {
  const d = names.length;
  const cells: Cell[] = [];
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) cells.push({ i, j, v: M[i * d + j], diagonal: i === j });
  const shaded = cells.filter((c) => !c.diagonal && Number.isFinite(c.v));
  const given = cells.filter((c) => c.diagonal && !Number.isNaN(c.v));
  const [lo, hi] = domain;
  const maxAbs = Math.max(-lo, hi);
  const dec = Math.min(decimalsFor(maxAbs), maxAbs < 0.1 ? 3 : 2); // the demo's two decimals unless too small
  const dark = (v: number) => hi > lo && (v - lo) / (hi - lo) > DARK_CELL;
  const labelChars = names.reduce((m, n) => Math.max(m, short(String(n)).length), 4);
  const chars = cells.reduce((m, c) => Math.max(m, fixed(c.v, dec).length), 1);
  const cell = Math.max(36, 6.5 * (chars + 1));
  const margin = Math.min(200, 16 + 6.5 * labelChars);
  const order = names.map((_, k) => k);
  const tick = (k: number) => short(String(names[k]));
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: margin + 20 + cell * d,
    height: 20 + cell * d + margin * 0.7,
    marginLeft: margin,
    marginBottom: margin * 0.7,
    x: { label: null, domain: order, tickRotate: -35, tickFormat: tick },
    y: { label: null, domain: order, tickFormat: tick },
    color: { type: "linear", scheme: "blues", domain: [lo, hi > lo ? hi : lo + 1] },
    marks: [
      Plot.cell(given, { x: "j", y: "i", fill: "#f2f2f2", inset: 0.5 }),
      Plot.cell(shaded, { x: "j", y: "i", fill: "v", inset: 0.5 }),
      Plot.text(shaded, {
        x: "j",
        y: "i",
        text: (c: Cell) => fixed(c.v, dec),
        fill: (c: Cell) => (dark(c.v) ? "white" : "black"),
        fontSize: 10,
      }),
      Plot.text(given, { x: "j", y: "i", text: (c: Cell) => fixed(c.v, dec), fill: "#666", fontSize: 10 }),
    ],
  });
  svg.setAttribute("aria-label", `heatmap of pairwise MI, ${units}`);
  return (svg as unknown as { outerHTML: string }).outerHTML;
}

/**
 * The heatmap's colour legend as SVG: Plot's continuous "ramp" legend draws on a canvas (which
 * linkedom lacks), so the ramp is a Plot of 128 thin cells on the same "blues" scale, with the
 * scale's axis and label.
 */
function legendSvg(document: Doc, domain: [number, number], units: string): string {
  const [lo, hi0] = domain;
  const hi = hi0 > lo ? hi0 : lo + 1;
  const n = 128;
  const strips = Array.from({ length: n }, (_, k) => ({
    x1: lo + ((hi - lo) * k) / n,
    x2: lo + ((hi - lo) * (k + 1)) / n,
    mid: lo + ((hi - lo) * (k + 0.5)) / n,
  }));
  const svg = Plot.plot({
    document: document as unknown as Document,
    width: 260,
    height: 50,
    marginTop: 18,
    marginBottom: 18,
    marginLeft: 10,
    marginRight: 10,
    x: { domain: [lo, hi], label: null, ticks: 4, tickSize: 4 },
    color: { type: "linear", scheme: "blues", domain: [lo, hi] },
    marks: [
      Plot.rectX(strips, { x1: "x1", x2: "x2", fill: "mid", stroke: "mid" }),
      Plot.text([`MI, ${units}`], { frameAnchor: "top-left", dy: -5, lineAnchor: "bottom", textAnchor: "start", fontWeight: "bold" }),
    ],
  });
  svg.setAttribute("aria-label", "colour legend");
  svg.setAttribute("class", `${svg.getAttribute("class") ?? ""} legend`.trim());
  return (svg as unknown as { outerHTML: string }).outerHTML;
}

/** The values as HTML tables: the ranking (when given), then the matrix. */
function tablesHtml(input: HtmlReportInput): string {
  const { names, matrix: M, ranking, units } = input;
  const d = names.length;
  const e = escapeHtml;
  const parts: string[] = [];
  if (ranking) {
    parts.push(
      `<table class="ranking"><caption>I(column; ${e(ranking.target)}), ${e(units)}</caption>` +
        `<thead><tr><th>rank</th><th>column</th><th>MI, ${e(units)}</th></tr></thead><tbody>` +
        ranking.rows.map((r, k) => `<tr><td>${k + 1}</td><th scope="row">${e(r.column)}</th><td>${fixed(r.mi, 4) || "—"}</td></tr>`).join("") +
        `</tbody></table>`,
    );
  }
  let rows = "";
  for (let i = 0; i < d; i++) {
    rows += `<tr><th scope="row">${e(names[i])}</th>`;
    for (let j = 0; j < d; j++) rows += `<td${i === j ? ' class="diagonal"' : ""}>${fixed(M[i * d + j], 4)}</td>`;
    rows += "</tr>";
  }
  parts.push(
    `<table class="matrix"><caption>Pairwise MI, ${e(units)} (diagonal as given)</caption>` +
      `<thead><tr><th></th>${names.map((n) => `<th scope="col">${e(n)}</th>`).join("")}</tr></thead>` +
      `<tbody>${rows}</tbody></table>`,
  );
  return parts.join("\n");
}

const CSS = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, sans-serif; color: #222; background: #fff; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
.meta, .note { color: #555; }
figure { margin: 0; overflow-x: auto; }
figure svg { max-width: none; }
svg.legend { margin-left: .5rem; }
table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding-bottom: .25rem; }
th, td { padding: .15rem .6rem; border-bottom: 1px solid #e3e3e3; }
td { text-align: right; }
th { text-align: left; font-weight: 500; }
thead th { border-bottom: 1px solid #999; }
thead th[scope="col"], table.ranking thead th:last-child { text-align: right; }
td.diagonal { color: #777; }
.tables { overflow-x: auto; }
ul.notes { color: #444; }
`;

/**
 * One self-contained HTML page (inline CSS and SVG; no scripts, no network) reporting a pairwise MI
 * matrix: the demo's ranked bar chart of I(column; target) when `ranking` is given, the heatmap of
 * the matrix on the "blues" scale with the value in each cell (white text on dark cells; the
 * diagonal as given and off the scale, NaN blank) and its colour legend, both drawn by Observable
 * Plot on a linkedom document, then the values as tables and the `notes`. Every name and string of
 * the input is HTML-escaped. Throws a RangeError when `matrix` is not d×d for d = `names.length`.
 */
export function renderHtmlReport(input: HtmlReportInput): string {
  const fn = "renderHtmlReport";
  if (input == null || typeof input !== "object") throw new TypeError(`${fn}: input must be an object`);
  const { title, source, units, generated, names, matrix, ranking, notes } = input;
  const domain = matrixDomain(fn, names, matrix);
  if (ranking !== undefined && (ranking == null || !Array.isArray(ranking.rows)))
    throw new TypeError(`${fn}: ranking must be { target, rows: { column, mi }[] }`);
  if (notes !== undefined && !Array.isArray(notes)) throw new TypeError(`${fn}: notes must be an array of strings`);
  const e = escapeHtml;
  const { document } = parseHTML("<!DOCTYPE html><html><head></head><body></body></html>");

  const sections: string[] = [];
  if (ranking && ranking.rows.length > 0)
    sections.push(
      `<section id="ranking"><h2>Columns ranked by MI with “${e(ranking.target)}”</h2>\n<figure>${barsSvg(document, ranking, units)}</figure></section>`,
    );
  if (names.length > 0)
    sections.push(
      `<section id="matrix"><h2>Pairwise MI</h2>\n<figure>${legendSvg(document, domain, units)}\n${heatmapSvg(document, names, matrix, domain, units)}</figure>` +
        `<p class="note">Each cell is I(row; column) in ${e(units)}; the diagonal is shown as given (grey, not on the colour scale).</p></section>`,
    );
  else sections.push(`<section id="matrix"><h2>Pairwise MI</h2><p class="note">No columns.</p></section>`);
  sections.push(`<section id="values"><h2>Values</h2><div class="tables">\n${tablesHtml(input)}\n</div></section>`);
  if (notes && notes.length > 0) sections.push(`<section id="notes"><h2>Notes</h2><ul class="notes">${notes.map((n) => `<li>${e(n)}</li>`).join("")}</ul></section>`);

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="infowasm">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${e(title)}</h1>
<p class="meta">${e(source)} · ${names.length} column${names.length === 1 ? "" : "s"} · MI in ${e(units)} · generated <time datetime="${e(generated)}">${e(generated)}</time></p></header>
<main>
${sections.join("\n")}
</main>
</body>
</html>
`;
}
