/**
 * The HTML report of the CLI (cli/src/report.ts): structure, escaping and self-containment. The
 * output is parsed back with linkedom; colours are ColorBrewer's Blues ends (#f7fbff, #08306b, the
 * ends of d3's interpolateBlues that Observable Plot's "blues" uses); expected strings are written
 * by hand from inputs whose fixed-point forms are exact.
 */
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { escapeHtml, renderHtmlReport, type HtmlReportInput } from "../src/report.js";

const NASTY = '<a & "b">';

/** 3×3: pairs 0.25 (a,b), 0.5 (a,c), 0.125 (b,c); diagonal 1.5, 1.25, NaN. */
const names = ["alpha", NASTY, "γ café 日本"];
const matrix = Float64Array.from([1.5, 0.25, 0.5, 0.25, 1.25, 0.125, 0.5, 0.125, NaN]);
const base: HtmlReportInput = {
  title: `MI of ${NASTY}.csv`,
  source: `${NASTY}.csv`,
  units: "bits",
  generated: "2026-12-07T08:00:00.000Z",
  names,
  matrix,
  ranking: {
    target: "alpha",
    rows: [
      { column: "γ café 日本", mi: 0.5 },
      { column: NASTY, mi: 0.25 },
    ],
  },
  notes: ["bins: fd", `note with ${NASTY}`],
};

const parse = (html: string) => parseHTML(html).document;
const all = (root: ParentNode, selector: string) => Array.from(root.querySelectorAll(selector));

describe("renderHtmlReport", () => {
  const html = renderHtmlReport(base);
  const doc = parse(html);

  it("is one HTML document with one <svg> per plot (ranking, heatmap) plus the heatmap's SVG legend", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    const svgs = all(doc, "svg");
    expect(svgs.map((s) => s.getAttribute("aria-label"))).toEqual(["ranking plot", "colour legend", "heatmap of pairwise MI, bits"]);
    expect(doc.querySelectorAll("#ranking svg").length).toBe(1);
    expect(doc.querySelectorAll("#matrix svg:not(.legend)").length).toBe(1);
    expect(doc.querySelectorAll("svg.legend").length).toBe(1);
    expect(doc.querySelector("title")!.textContent).toBe(base.title);
  });

  it("without a ranking, has the heatmap and its legend only", () => {
    const h = renderHtmlReport({ ...base, ranking: undefined });
    const d = parse(h);
    expect(d.querySelectorAll("svg").length).toBe(2);
    expect(d.querySelector("#ranking")).toBeNull();
  });

  it("needs nothing from the network and no script", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/\bsrc\s*=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).not.toMatch(/<link\b/i);
  });

  it("escapes every name, the title, the source and the notes", () => {
    expect(html).not.toContain(NASTY);
    expect(html).not.toContain("<a ");
    expect(html).toContain(escapeHtml(NASTY));
    expect(escapeHtml(NASTY)).toBe("&#60;a &#38; &#34;b&#34;&#62;");
    // the parsed document gives the names back as text
    const heads = all(doc, "table.matrix thead th").map((t) => t.textContent);
    expect(heads).toEqual(["", ...names]);
    const notes = all(doc, "ul.notes li").map((li) => li.textContent);
    expect(notes).toEqual(base.notes);
    // the plots' tick labels name every column
    const ticks = all(doc, "#matrix svg:not(.legend) text").map((t) => t.textContent);
    for (const n of names) expect(ticks).toContain(n);
    const barTicks = all(doc, "#ranking svg text").map((t) => t.textContent);
    for (const r of base.ranking!.rows) expect(barTicks).toContain(r.column);
  });

  it("prints every value: in the heatmap's cells, at the bars, and in the tables", () => {
    const cellTexts = all(doc, "#matrix svg:not(.legend) g[aria-label=text] text").map((t) => t.textContent);
    // off-diagonal (each pair twice), then the diagonal as given without the NaN
    expect(cellTexts.sort()).toEqual(["0.13", "0.13", "0.25", "0.25", "0.50", "0.50", "1.25", "1.50"].sort());
    const barTexts = all(doc, "#ranking svg g[aria-label=text] text").map((t) => t.textContent);
    expect(barTexts).toEqual(["0.500", "0.250"]);
    const cells = all(doc, "table.matrix tbody tr").map((tr) => all(tr, "td").map((td) => td.textContent));
    expect(cells).toEqual([
      ["1.5000", "0.2500", "0.5000"],
      ["0.2500", "1.2500", "0.1250"],
      ["0.5000", "0.1250", ""],
    ]);
    const ranks = all(doc, "table.ranking tbody tr").map((tr) => tr.textContent);
    expect(ranks).toEqual(["1γ café 日本0.5000", `2${NASTY}0.2500`]);
  });

  it("keeps the demo's look: blues cells, white text on dark cells, the scale from zero", () => {
    const svg = doc.querySelectorAll("#matrix svg:not(.legend)")[0];
    // a rect's fill is its own or, for a constant fill, its group's
    const fills = all(svg, "g[aria-label=cell] rect").map((r) => r.getAttribute("fill") ?? r.parentElement!.getAttribute("fill"));
    // the scale is [0, 0.5]: 0.5 is the darkest Blues (#08306b); the diagonal's two given cells are plain grey
    expect(fills.length).toBe(8);
    expect(fills.filter((f) => f === "rgb(8, 48, 107)").length).toBe(2);
    expect(fills.filter((f) => f === "#f2f2f2").length).toBe(2);
    const texts = all(svg, "g[aria-label=text] text");
    const white = texts.filter((t) => t.getAttribute("fill") === "white").map((t) => t.textContent);
    expect(white).toEqual(["0.50", "0.50"]); // 0.5 / 0.5 > 0.6; 0.25 / 0.5 and 0.125 / 0.5 are not
    // the legend ramp runs from the lightest to the darkest Blues
    const ramp = all(doc, "svg.legend rect").map((r) => r.getAttribute("fill"));
    expect(ramp.length).toBe(128);
    const rgb = (s: string | null) => s!.match(/\d+/g)!.map(Number);
    expect(rgb(ramp[0])[2]).toBeGreaterThan(250); // near #f7fbff
    expect(rgb(ramp[127])[0]).toBeLessThan(12); // near #08306b
    expect(doc.querySelector("svg.legend")!.textContent).toContain("MI, bits");
  });

  it("rejects a matrix that is not d×d and a bad ranking", () => {
    expect(() => renderHtmlReport({ ...base, matrix: new Float64Array(8) })).toThrow(/renderHtmlReport: the matrix has 8 values, expected 3×3 = 9/);
    expect(() => renderHtmlReport({ ...base, ranking: { target: "a" } as unknown as HtmlReportInput["ranking"] })).toThrow(TypeError);
  });

  it("renders a single column and an empty ranking", () => {
    const h = renderHtmlReport({ ...base, names: ["x"], matrix: Float64Array.of(0.75), ranking: { target: "x", rows: [] }, notes: undefined });
    const d = parse(h);
    expect(d.querySelectorAll("#matrix svg:not(.legend)").length).toBe(1);
    expect(d.querySelector("#ranking")).toBeNull();
    expect(h).toContain("0.7500");
  });
});
