/**
 * The terminal heatmap and ranked bars of the CLI (cli/src/heatmap.ts). Expected strings are
 * written by hand from the inputs (values chosen so their fixed-point forms are exact); colours are
 * checked against d3's `interpolateBlues` as Observable Plot applies it (outside our code) and
 * against the xterm 256-colour palette (xterm's 256colres.h: cube levels 0, 95, 135, 175, 215, 255
 * at 16 + 36r + 6g + b; greys 8 + 10k at 232 + k), nearest in CIELAB as a NumPy script computed.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as Plot from "@observablehq/plot";
import { bar, blues, displayWidth, renderBars, renderHeatmap, truncate, visibleWidth, xterm256 } from "../src/heatmap.js";

const ESC = "\x1b";
const lines = (s: string) => s.replace(/\n$/, "").split("\n");

/** d×d symmetric matrix from the upper triangle (row-major, diagonal included). */
function sym(d: number, upper: number[]): Float64Array {
  const M = new Float64Array(d * d);
  let k = 0;
  for (let i = 0; i < d; i++)
    for (let j = i; j < d; j++) {
      M[i * d + j] = upper[k];
      M[j * d + i] = upper[k++];
    }
  return M;
}

describe("colours", () => {
  it("blues(t) is d3's interpolateBlues, as Plot's 'blues' scheme applies it", () => {
    const scale = Plot.scale({ color: { type: "linear", scheme: "blues", domain: [0, 1] } });
    for (let k = 0; k <= 40; k++) {
      const t = k / 40;
      const [r, g, b] = (scale.apply(t) as string).match(/\d+/g)!.map(Number);
      expect(blues(t)).toEqual([r, g, b]);
    }
    // ColorBrewer Blues' ends, #f7fbff and #08306b
    expect(blues(0)).toEqual([0xf7, 0xfb, 0xff]);
    expect(blues(1)).toEqual([0x08, 0x30, 0x6b]);
  });

  it("xterm256 picks the nearest colour of the xterm palette in CIELAB", () => {
    // palette colours map to themselves
    expect(xterm256([0, 0, 0])).toBe(16);
    expect(xterm256([255, 255, 255])).toBe(231);
    expect(xterm256([0, 95, 175])).toBe(25); // cube (0, 1, 2)
    expect(xterm256([128, 128, 128])).toBe(244); // grey 8 + 10·12
    // Blues along the ramp: nearest by ΔE*76 from an independent NumPy implementation of the CIE
    // formulas (sRGB → XYZ D65 → L*a*b*) over the 240 palette colours: #08306b → 25, #6daed5 → 74,
    // #c3dbee → 153, #f7fbff → 231, the demo's bar #2f5fb3 → 25
    expect(xterm256([8, 48, 107])).toBe(25);
    expect(xterm256([109, 174, 213])).toBe(74);
    expect(xterm256([195, 219, 238])).toBe(153);
    expect(xterm256([247, 251, 255])).toBe(231);
    expect(xterm256([0x2f, 0x5f, 0xb3])).toBe(25);
  });
});

describe("text width", () => {
  it("counts wide CJK as 2, combining marks as 0", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("日本語")).toBe(6); // East Asian Width W
    expect(displayWidth("cafe\u0301")).toBe(4); // e + COMBINING ACUTE ACCENT
    expect(displayWidth("한국")).toBe(4);
    expect(displayWidth("⌚")).toBe(2); // U+231A, Emoji_Presentation, East Asian Width W
    expect(displayWidth("👍🏽")).toBe(2); // one grapheme: emoji + skin-tone modifier
  });
  it("truncates whole graphemes with an ellipsis", () => {
    expect(truncate("abcdef", 6)).toBe("abcdef");
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("日本語の列", 6)).toBe("日本…"); // 2 + 2 + "…", the next wide one would overflow
  });
});

describe("renderHeatmap", () => {
  // pairs 0.25, 0.5, 0.125 on the scale [0, 0.5]; diagonal 1, 1, NaN
  const names = ["a", "b", "c"];
  const M = sym(3, [1, 0.25, 0.5, 1, 0.125, NaN]);

  it("prints every name and every value, and no ANSI codes when color is false", () => {
    const out = renderHeatmap(names, M, { units: "nats", color: false });
    expect(out).not.toContain(ESC);
    for (const v of ["1.000", "0.250", "0.500", "0.125"]) expect(out).toContain(v);
    expect(out).not.toContain("NaN");
    const rows = lines(out);
    expect(rows[0].trim().split(/\s+/)).toEqual(names); // the names fit a cell: they head the columns
    expect(rows[1].startsWith("a ")).toBe(true);
    expect(rows[3].startsWith("c ")).toBe(true);
    // shades are quarters of [0, 0.5]: 0.125 → ▒ (second quarter starts at 0.125), 0.25 → ▓, 0.5 → █
    expect(rows[1]).toContain("▓ 0.250");
    expect(rows[1]).toContain("█ 0.500");
    expect(rows[2]).toContain("▒ 0.125");
    // the NaN diagonal is blank: row c ends with its last off-diagonal value
    expect(rows[3].trimEnd().endsWith("0.125")).toBe(true);
    expect(out).toContain("nats");
  });

  it("shades with 256-colour backgrounds, white text on dark cells, when color is true", () => {
    const out = renderHeatmap(names, M, { units: "bits", color: true });
    expect(out).toContain(`${ESC}[48;5;25m${ESC}[38;5;231m 0.500 `); // #08306b, the darkest blue (xterm 25), white text
    expect(out).toContain(`${ESC}[38;5;16m 0.125 `); // a light cell: black text
    expect(out).toContain(`${ESC}[0m`);
    expect(out).toContain("bits");
    for (const v of ["1.000", "0.250", "0.500", "0.125"]) expect(out).toContain(v);
  });

  it("splits a wide matrix into column blocks at the given width", () => {
    const d = 10;
    const nm = Array.from({ length: d }, (_, i) => `c${i}`);
    const X = new Float64Array(d * d).map((_, k) => (k % (d + 1) === 0 ? NaN : ((k * 7) % 100) / 1000));
    const out = renderHeatmap(nm, X, { units: "nats", color: false, width: 40 });
    // a label "c0 " takes 3 columns, a plain cell "▓ 0.099 " 8: floor(37 / 8) = 4 columns a block
    expect(out).toContain("columns 1–4 of 10");
    expect(out).toContain("columns 5–8 of 10");
    expect(out).toContain("columns 9–10 of 10");
    for (const line of lines(out)) expect(visibleWidth(line)).toBeLessThanOrEqual(40);
    for (let k = 0; k < d * d; k++) if (k % (d + 1) !== 0) expect(out).toContain((((k * 7) % 100) / 1000).toFixed(3));
    // every row name appears once per block
    expect(lines(out).filter((l) => l.startsWith("c3 ")).length).toBe(3);
  });

  it("numbers the columns when names are wider than a cell; truncates long names; keeps non-ASCII", () => {
    const nm = ["sepal length (cm)", "日本語", "a very long column name that goes on and on and on", "naïve"];
    const X = sym(4, [0, 0.1, 0.2, 0.3, 0, 0.4, 0.5, 0, 0.6, 0]);
    const out = renderHeatmap(nm, X, { units: "bits", color: false, width: 60 });
    const rows = lines(out);
    expect(rows[0].trim().split(/\s+/)).toEqual(["1", "2", "3", "4"]);
    expect(rows[1]).toMatch(/^1 sepal length \(cm\)/);
    expect(rows[2]).toMatch(/^2 日本語 /);
    expect(rows[3]).toMatch(/^3 a very long.*… /);
    expect(rows[4]).toMatch(/^4 naïve /);
    for (const line of rows) expect(visibleWidth(line)).toBeLessThanOrEqual(60);
  });

  it("widens the cells to carry names of up to 12 columns in the header when the matrix fits", () => {
    const nm = ["phase", "hum_copy", "y"];
    const X = sym(3, [3.5, 0.125, 0.75, 4, 0.25, 3.25]);
    const out = renderHeatmap(nm, X, { units: "bits", color: false, width: 80 });
    const rows = lines(out);
    expect(rows[0].trim().split(/\s+/)).toEqual(nm);
    // label "hum_copy" + 1 = 9 columns; a cell "hum_copy" + 1 = 9 (wider than "▓ 0.125 "), the value
    // right-aligned under its name, its shade just left of it; pairs on [0, 0.75]: 0.125 → ░ (first quarter), 0.75 → █
    expect(rows[0]).toBe(" ".repeat(12) + "phase hum_copy        y");
    expect(rows[1]).toBe("phase" + " ".repeat(7) + "3.500  ░ 0.125  █ 0.750");
    // too narrow for one block of widened cells: the columns are numbered, in blocks of
    // floor((30 − "1 hum_copy ") / "▓ 0.125 ") = floor(19 / 8) = 2
    const narrow = lines(renderHeatmap(nm, X, { units: "bits", color: false, width: 30 }));
    expect(narrow[0]).toBe("columns 1–2 of 3");
    expect(narrow[1].trim().split(/\s+/)).toEqual(["1", "2"]);
    expect(narrow[3]).toBe("2 hum_copy ░ 0.125   4.000");
  });

  it("never prints a name's control characters", () => {
    const out = renderHeatmap(["x\x1b[31m", "y\nz"], sym(2, [0, 0.5, 0]), { units: "nats", color: false });
    expect(out).not.toContain(ESC);
    expect(lines(out).length).toBeLessThanOrEqual(3 + 2); // header, 2 rows, the legend on one or two lines
  });

  it("rejects a matrix that is not d×d", () => {
    expect(() => renderHeatmap(["a", "b"], new Float64Array(3), { units: "nats", color: false })).toThrow(
      /renderHeatmap: the matrix has 3 values, expected 2×2 = 4/,
    );
    expect(() => renderHeatmap(["a"], new Float64Array(1), { units: "nats", color: false, width: -1 })).toThrow(RangeError);
  });

  it("property: plain output has no ANSI, fits the width, and shows every off-diagonal value", () => {
    const name = fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((d) =>
          fc.tuple(
            fc.array(name, { minLength: d, maxLength: d }),
            fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: d * d, maxLength: d * d }),
            fc.integer({ min: 40, max: 200 }),
          ),
        ),
        ([nm, vals, width]) => {
          const d = nm.length;
          const out = renderHeatmap(nm, Float64Array.from(vals), { units: "bits", color: false, width });
          expect(out).not.toContain(ESC);
          for (const line of lines(out)) expect(visibleWidth(line)).toBeLessThanOrEqual(width);
          for (let k = 0; k < d * d; k++) expect(out).toContain(vals[k].toFixed(3));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: with colour, negative, large and missing values, every line still fits the width", () => {
    const value = fc.oneof(fc.double({ min: -2, max: 50, noNaN: true }), fc.constant(NaN), fc.constant(Infinity));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 15 }).chain((d) =>
          fc.tuple(
            fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { minLength: d, maxLength: d }),
            fc.array(value, { minLength: d * d, maxLength: d * d }),
            fc.integer({ min: 40, max: 200 }),
            fc.boolean(),
          ),
        ),
        ([nm, vals, width, color]) => {
          const out = renderHeatmap(nm, Float64Array.from(vals), { units: "nats", color, width });
          for (const line of lines(out)) expect(visibleWidth(line)).toBeLessThanOrEqual(width);
          expect(out).not.toContain("NaN");
          if (!color) expect(out).not.toContain(ESC);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("bar and renderBars", () => {
  it("draws eighth blocks for the fraction", () => {
    expect(bar(0)).toBe("");
    expect(bar(3)).toBe("███");
    expect(bar(2.5)).toBe("██▌");
    expect(bar(1.125)).toBe("█▏");
    expect(bar(0.875)).toBe("▉");
    expect(bar(0.01)).toBe("▏"); // a positive value keeps a sliver
  });

  it("ranks, names, values and bars proportional to the value", () => {
    const rows = [
      { column: "a", value: 1 },
      { column: "b", value: 0.5 },
      { column: "c", value: 0.25 },
      { column: "d", value: 0 },
    ];
    const out = renderBars(rows, { units: "bits", color: false, width: 40 });
    expect(out).not.toContain(ESC);
    const ls = lines(out);
    expect(ls[0]).toBe("#  column  bits");
    // "1  a       1.00  " is 17 columns: the bars take 40 − 17 = 23
    expect(ls[1]).toBe("1  a       1.00  " + "█".repeat(23));
    expect(ls[2]).toBe("2  b       0.50  " + "█".repeat(11) + "▌"); // 11.5
    expect(ls[3]).toBe("3  c       0.25  " + "█".repeat(5) + "▊"); // 5.75
    expect(ls[4]).toBe("4  d       0.00");
    for (const line of ls) expect(displayWidth(line)).toBeLessThanOrEqual(40);
  });

  it("colours the bars and truncates long names when asked", () => {
    const out = renderBars(
      [
        { column: "an extremely long column name, longer than the table", value: 0.3 },
        { column: "ü", value: NaN },
      ],
      { units: "nats", color: true, width: 50 },
    );
    expect(out).toContain(ESC);
    expect(out).toContain("…");
    expect(out).toContain("0.300");
    expect(out).toContain("—");
    for (const line of lines(out)) expect(visibleWidth(line)).toBeLessThanOrEqual(50);
  });

  it("rejects rows without a numeric value", () => {
    expect(() => renderBars([{ column: "a", value: "x" as unknown as number }], { units: "bits", color: false })).toThrow(
      /renderBars: rows\[0\]/,
    );
  });
});
