/**
 * Terminal renderings of the CLI's results: `renderHeatmap` (a symmetric MI matrix as a shaded grid,
 * in 256-colour ANSI or plain text) and `renderBars` (the ranked table of `infowasm rank` with a bar
 * per row). Pure functions: they return a string and write nothing. The colour scale is the demo's
 * "blues" (d3's `interpolateBlues`, the scheme Observable Plot uses in the HTML report), so the
 * terminal and the report shade a value alike.
 */

/** Options of `renderHeatmap`. */
export interface HeatmapOptions {
  /** Units of the values, printed in the legend ("nats", "bits", …). */
  units: "nats" | "bits" | string;
  /** 256-colour ANSI backgrounds when true; shade characters ░▒▓█ when false (pipes, NO_COLOR). */
  color: boolean;
  /** Terminal columns (default 80); a wider matrix is printed in blocks of columns. */
  width?: number;
}

/** Options of `renderBars`. */
export interface BarsOptions {
  /** Terminal columns (default 80): the bars take what the other columns leave. */
  width?: number;
  /** Units of the values, printed in the header. */
  units: string;
  /** ANSI colour (a blue bar, a bold header) when true. */
  color: boolean;
}

const DEFAULT_WIDTH = 80;
const RESET = "\x1b[0m";

// ---------------------------------------------------------------------------------------------
// Numbers

/** Decimals that show a value of magnitude up to `maxAbs` with about three significant digits. */
export function decimalsFor(maxAbs: number): number {
  if (!(maxAbs >= 1)) return 3;
  if (maxAbs < 10) return 2;
  if (maxAbs < 100) return 1;
  return 0;
}

/** `v.toFixed(decimals)` without "-0.000"; NaN → "", ±Infinity → "∞" / "-∞". */
export function fixed(v: number, decimals: number): string {
  if (Number.isNaN(v)) return "";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "-∞";
  const s = v.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/**
 * The colour domain of a d×d matrix: the finite off-diagonal values, widened to include 0 (as the
 * demo's `zero: true`). The diagonal (a column's own entropy, or blank) is left off the scale: it
 * would dwarf every pairwise MI. Throws a RangeError when `M` is not d×d.
 */
export function matrixDomain(fn: string, names: readonly string[], M: ArrayLike<number>): [number, number] {
  if (!Array.isArray(names)) throw new TypeError(`${fn}: names must be an array of strings`);
  const d = names.length;
  if (M == null || typeof M.length !== "number") throw new TypeError(`${fn}: the matrix must be a Float64Array (d×d, row-major)`);
  if (M.length !== d * d)
    throw new RangeError(`${fn}: the matrix has ${M.length} values, expected ${d}×${d} = ${d * d} for ${d} names`);
  let lo = 0;
  let hi = 0;
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      const v = M[i * d + j];
      if (i === j || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return [lo, hi];
}

/** Position of `v` on the domain, clamped to [0, 1] (0 for an empty domain). */
function unit(v: number, [lo, hi]: [number, number]): number {
  if (!(hi > lo)) return 0;
  return Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
}

// ---------------------------------------------------------------------------------------------
// Colours

/** ColorBrewer "Blues" (9 classes), the control points of d3's `interpolateBlues`. */
const BLUES = ["f7fbff", "deebf7", "c6dbef", "9ecae1", "6baed6", "4292c6", "2171b5", "08519c", "08306b"].map((h) => [
  parseInt(h.slice(0, 2), 16),
  parseInt(h.slice(2, 4), 16),
  parseInt(h.slice(4, 6), 16),
]);

/** Uniform cubic B-spline of d3-interpolate's `basis`, the curve d3's scheme ramps follow. */
function basis(t: number, v0: number, v1: number, v2: number, v3: number): number {
  const t2 = t * t;
  const t3 = t2 * t;
  return ((1 - 3 * t + 3 * t2 - t3) * v0 + (4 - 6 * t2 + 3 * t3) * v1 + (1 + 3 * t + 3 * t2 - 3 * t3) * v2 + t3 * v3) / 6;
}

/**
 * The "blues" colour at t ∈ [0, 1] as [r, g, b] (0–255, rounded): d3's `interpolateBlues`, an RGB
 * B-spline (`interpolateRgbBasis`) through ColorBrewer's nine Blues, light to dark.
 */
export function blues(t: number): [number, number, number] {
  const n = BLUES.length - 1;
  let i: number;
  if (!(t > 0)) (t = 0), (i = 0);
  else if (t >= 1) (t = 1), (i = n - 1);
  else i = Math.floor(t * n);
  const rgb: [number, number, number] = [0, 0, 0];
  for (let c = 0; c < 3; c++) {
    const v1 = BLUES[i][c];
    const v2 = BLUES[i + 1][c];
    const v0 = i > 0 ? BLUES[i - 1][c] : 2 * v1 - v2;
    const v3 = i < n - 1 ? BLUES[i + 2][c] : 2 * v2 - v1;
    rgb[c] = Math.max(0, Math.min(255, Math.round(basis((t - i / n) * n, v0, v1, v2, v3))));
  }
  return rgb;
}

const CUBE = [0, 95, 135, 175, 215, 255];

/** CIELAB (D65) of an sRGB colour [r, g, b] in 0–255: sRGB → linear → XYZ → L*a*b*. */
function lab([r, g, b]: readonly number[]): [number, number, number] {
  const lin = (v: number) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  const [R, G, B] = [lin(r), lin(g), lin(b)];
  const x = (0.4124 * R + 0.3576 * G + 0.1805 * B) / 0.95047;
  const y = 0.2126 * R + 0.7152 * G + 0.0722 * B;
  const z = (0.0193 * R + 0.1192 * G + 0.9505 * B) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** The xterm 256-colour palette from 16 on: the 6×6×6 cube (16–231), then the grey ramp (232–255), in CIELAB. */
const PALETTE = Array.from({ length: 240 }, (_, k) => {
  if (k < 216) return lab([CUBE[Math.floor(k / 36)], CUBE[Math.floor(k / 6) % 6], CUBE[k % 6]]);
  const v = 8 + 10 * (k - 216);
  return lab([v, v, v]);
});

/**
 * The xterm 256-colour index (16–255: the 6×6×6 cube, then the greys) nearest to the sRGB colour
 * [r, g, b] in CIELAB (ΔE*76): RGB distance would turn dark blues teal.
 */
export function xterm256(rgb: readonly number[]): number {
  const [L, a, b] = lab(rgb);
  let best = 0;
  let bestD = Infinity;
  PALETTE.forEach(([L2, a2, b2], k) => {
    const dist = (L - L2) ** 2 + (a - a2) ** 2 + (b - b2) ** 2;
    if (dist < bestD) (bestD = dist), (best = k);
  });
  return 16 + best;
}

/** Text on a cell whose scale position is above this is white, below it black (the demo's rule). */
export const DARK_CELL = 0.6;

const nearest = new Map<string, number>();

/** The SGR sequence of a cell at scale position t: the nearest xterm colour of blues(t), black or white text. */
function bg(t: number): string {
  const rgb = blues(t);
  const key = rgb.join();
  let index = nearest.get(key);
  if (index === undefined) nearest.set(key, (index = xterm256(rgb)));
  return `\x1b[48;5;${index}m\x1b[38;5;${t > DARK_CELL ? 231 : 16}m`;
}

// ---------------------------------------------------------------------------------------------
// Text width

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** East Asian Wide and Fullwidth code points (Unicode 15, the blocks that matter in column names). */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Columns a grapheme takes in a terminal: 0 (marks, joiners), 2 (wide, emoji), else 1. */
function graphemeWidth(g: string): number {
  const cp = g.codePointAt(0)!;
  if (/^[\p{M}\u200b-\u200f\ufe00-\ufe0f]+$/u.test(g)) return 0;
  if (isWide(cp) || /^\p{Emoji_Presentation}|\p{Extended_Pictographic}\ufe0f|\u200d|^\p{Regional_Indicator}{2}$/u.test(g)) return 2;
  return 1;
}

/** Columns `s` takes in a terminal (graphemes; wide CJK and emoji count 2, combining marks 0). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const { segment } of segmenter.segment(s)) w += graphemeWidth(segment);
  return w;
}

/** A column name safe to print: control characters (newlines, ESC of an ANSI sequence) become "�". */
function printable(name: string): string {
  return String(name).replace(/[\p{Cc}\u2028\u2029]/gu, "\ufffd");
}

/** `s` cut to at most `w` columns, "…" marking the cut (whole graphemes only). */
export function truncate(s: string, w: number): string {
  if (displayWidth(s) <= w) return s;
  if (w <= 0) return "";
  let out = "";
  let used = 0;
  for (const { segment } of segmenter.segment(s)) {
    const gw = graphemeWidth(segment);
    if (used + gw > w - 1) break;
    out += segment;
    used += gw;
  }
  return out + "…";
}

const padEnd = (s: string, w: number) => s + " ".repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number) => " ".repeat(Math.max(0, w - displayWidth(s))) + s;

function widthOption(fn: string, width: number | undefined): number {
  if (width === undefined) return DEFAULT_WIDTH;
  if (typeof width !== "number" || !Number.isFinite(width) || width < 1)
    throw new RangeError(`${fn}: width must be a positive number of terminal columns, got ${String(width)}`);
  return Math.floor(width);
}

// ---------------------------------------------------------------------------------------------
// Heatmap

const SHADES = ["░", "▒", "▓", "█"];
const shade = (t: number) => SHADES[Math.min(3, Math.floor(t * 4))];

/**
 * A symmetric d×d MI matrix (row-major, `M[i*d + j]` = I(column i; column j)) as a terminal heatmap:
 * one row per column name, every value printed in its cell. Off-diagonal cells are shaded on the
 * demo's "blues" scale over [min(0, smallest), largest] off-diagonal value — 256-colour ANSI
 * backgrounds with white text on dark cells when `color`, else the shade characters ░▒▓█ (quarters
 * of the scale) before the value. The diagonal is printed as given (a column's entropy, say) and not
 * shaded; NaN prints as a blank cell. The names head the columns when they fit a cell (cells widen
 * to names of up to 11 columns when the whole matrix still fits `width`); otherwise the header
 * numbers the columns and each row starts with its number. Row names are truncated with "…" to
 * about a third of `width`; wide (CJK, emoji) and combining characters are measured as a terminal
 * shows them, and control characters print as "�". A matrix wider than `width` is printed in blocks
 * of columns ("columns 1–8 of 20"). The last line or two are the legend (scale and units).
 */
export function renderHeatmap(names: string[], M: Float64Array, opts: HeatmapOptions): string {
  const fn = "renderHeatmap";
  const domain = matrixDomain(fn, names, M);
  const width = widthOption(fn, opts?.width);
  const color = Boolean(opts?.color);
  const units = printable(String(opts?.units ?? ""));
  const d = names.length;
  if (d === 0) return "(no columns)\n";

  // decimals for the pairwise values (the diagonal, often a larger entropy, takes the same)
  const dec = decimalsFor(Math.max(-domain[0], domain[1]));
  const text = Array.from(M, (v) => fixed(v, dec));
  const valueWidth = text.reduce((m, s) => Math.max(m, s.length), 1);
  // colour: " 0.873 " on a shaded background; plain: "▓ 0.873 "
  const pad = color ? 2 : 3;
  const shown = names.map(printable);
  const longest = shown.reduce((m, s) => Math.max(m, displayWidth(s)), 1);
  const labelCap = (numbered: boolean) => Math.max(4, Math.max(8, Math.floor(width * 0.35)) - (numbered ? String(d).length + 1 : 0));
  // cells widen to carry names of up to 12 columns in the header when the matrix still fits in one block
  const widened = longest + 1 <= 12 && Math.min(longest, labelCap(false)) + 1 + d * Math.max(valueWidth + pad, longest + 1) <= width;
  const cellWidth = widened ? Math.max(valueWidth + pad, longest + 1) : valueWidth + pad;
  const numbered = longest > cellWidth - 1;
  const numWidth = String(d).length;
  const nameWidth = Math.min(longest, labelCap(numbered));
  const label = (i: number) =>
    (numbered ? padStart(String(i + 1), numWidth) + " " : "") + padEnd(truncate(shown[i], nameWidth), nameWidth);
  const labelWidth = (numbered ? numWidth + 1 : 0) + nameWidth + 1;

  const perBlock = Math.max(1, Math.floor((width - labelWidth) / cellWidth));
  const lines: string[] = [];
  for (let start = 0; start < d; start += perBlock) {
    const end = Math.min(d, start + perBlock);
    if (perBlock < d) {
      if (start > 0) lines.push("");
      lines.push(`columns ${start + 1}–${end} of ${d}`);
    }
    let head = " ".repeat(labelWidth);
    for (let j = start; j < end; j++) head += padStart(numbered ? String(j + 1) : shown[j], cellWidth - 1) + " ";
    lines.push(head.trimEnd());
    for (let i = 0; i < d; i++) {
      let row = label(i) + " ";
      for (let j = start; j < end; j++) {
        const v = M[i * d + j];
        const onScale = i !== j && Number.isFinite(v);
        const value = ` ${text[i * d + j]} `;
        // plain: the shade character just left of the value, "  ▓ 0.87 "
        if (color) row += onScale ? `${bg(unit(v, domain))}${padStart(value, cellWidth)}${RESET}` : padStart(value, cellWidth);
        else row += padStart((onScale ? shade(unit(v, domain)) : " ") + value, cellWidth);
      }
      lines.push(row.trimEnd());
    }
  }
  lines.push(...legend(domain, dec, units, color, width));
  return lines.join("\n") + "\n";
}

/** The heatmap's legend: the scale's ends and units, then what the diagonal is. */
function legend(domain: [number, number], dec: number, units: string, color: boolean, width: number): string[] {
  const [lo, hi] = domain;
  const tail = [`MI in ${units}`, "diagonal as given, not shaded"];
  let items: string[];
  if (color) {
    let ramp = "";
    for (let k = 0; k < 8; k++) ramp += `${bg(k / 7)}  `;
    items = [`${fixed(lo, dec)} ${ramp}${RESET} ${fixed(hi, dec)}`, ...tail];
  } else {
    items = SHADES.map((g, k) => `${g} ${fixed(lo + ((hi - lo) * k) / 4, dec)}–${fixed(lo + ((hi - lo) * (k + 1)) / 4, dec)}`);
    items.push(...tail);
  }
  // as many items on a line as the width allows
  const out: string[] = [];
  let line = "";
  for (const item of items) {
    const candidate = line ? `${line}  ${item}` : item;
    if (line && visibleWidth(candidate) > width) {
      out.push(line);
      line = item;
    } else line = candidate;
  }
  out.push(line);
  return out;
}

/** Display width of a line that may hold ANSI SGR sequences. */
export function visibleWidth(line: string): number {
  return displayWidth(line.replace(/\x1b\[[0-9;]*m/g, ""));
}

// ---------------------------------------------------------------------------------------------
// Bars

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/** A bar of `len` columns (a real number ≥ 0) in full blocks and one eighth block for the rest. */
export function bar(len: number): string {
  if (!(len > 0)) return "";
  const eighths = Math.max(1, Math.round(len * 8)); // a positive value never vanishes
  return "█".repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

const BAR_COLOR = `\x1b[38;5;${xterm256([0x2f, 0x5f, 0xb3])}m`; // the demo's bar fill #2f5fb3

/**
 * The ranked table of `infowasm rank`: one line per row in the given order (rank 1 first) with the
 * rank, the column name (truncated with "…" to fit), the value in `units`, and a bar whose length is
 * the value over the largest value, drawn in full blocks and eighth blocks ▏▎▍▌▋▊▉ for
 * sub-character resolution. Values ≤ 0 and NaN get no bar (NaN prints as "—"). The bars take the
 * columns the rest of the line leaves of `width`.
 */
export function renderBars(rows: { column: string; value: number }[], opts: BarsOptions): string {
  const fn = "renderBars";
  if (!Array.isArray(rows)) throw new TypeError(`${fn}: rows must be an array of { column, value }`);
  rows.forEach((r, i) => {
    if (r == null || typeof r.value !== "number")
      throw new TypeError(`${fn}: rows[${i}] must be { column: string, value: number }`);
  });
  const width = widthOption(fn, opts?.width);
  const color = Boolean(opts?.color);
  const units = printable(String(opts?.units ?? ""));
  if (rows.length === 0) return "(no columns)\n";

  let max = 0;
  let maxAbs = 0;
  for (const r of rows)
    if (Number.isFinite(r.value)) {
      max = Math.max(max, r.value);
      maxAbs = Math.max(maxAbs, Math.abs(r.value));
    }
  const dec = decimalsFor(maxAbs);
  const values = rows.map((r) => (Number.isNaN(r.value) ? "—" : fixed(r.value, dec)));
  const names = rows.map((r) => printable(String(r.column)));
  const rankWidth = Math.max(1, String(rows.length).length);
  const valueWidth = values.reduce((m, s) => Math.max(m, s.length), displayWidth(units));
  const nameCap = Math.max(8, Math.floor(width * 0.4));
  const nameWidth = Math.min(names.reduce((m, s) => Math.max(m, displayWidth(s)), displayWidth("column")), nameCap);
  const fixedWidth = rankWidth + 2 + nameWidth + 2 + valueWidth + 2;
  const barWidth = Math.max(4, Math.min(60, width - fixedWidth));

  const bold = (s: string) => (color ? `\x1b[1m${s}${RESET}` : s);
  const lines = [
    bold(`${padStart("#", rankWidth)}  ${padEnd("column", nameWidth)}  ${padStart(units, valueWidth)}`).trimEnd(),
  ];
  rows.forEach((r, i) => {
    const b = max > 0 && Number.isFinite(r.value) ? bar((Math.min(r.value, max) / max) * barWidth) : "";
    const drawn = b && color ? `${BAR_COLOR}${b}${RESET}` : b;
    lines.push(
      `${padStart(String(i + 1), rankWidth)}  ${padEnd(truncate(names[i], nameWidth), nameWidth)}  ${padStart(values[i], valueWidth)}  ${drawn}`.trimEnd(),
    );
  });
  return lines.join("\n") + "\n";
}
