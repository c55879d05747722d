/**
 * Printing results: `--format table` (for people: aligned text, bars, a heatmap; colour on a
 * terminal unless NO_COLOR), `json` (one JSON document) and `csv` (a header row, RFC 4180 quoting).
 * Numbers go out at full precision in json and csv (shortest round-trip form), rounded in tables.
 */
import type { Options } from "./options.js";

export interface Result {
  json: unknown;
  csv: { header: string[]; rows: (string | number | null)[][] };
  /** The table for people (without the trailing newline). */
  text: () => string;
}

function csvCell(v: string | number | null): string {
  if (v === null) return "";
  const s = String(v);
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(c: Result["csv"]): string {
  return [c.header, ...c.rows].map((r) => r.map(csvCell).join(",")).join("\n") + "\n";
}

/** Whether the table may use colour: stdout is a terminal and NO_COLOR is not set (https://no-color.org). */
export function useColor(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== "dumb";
}

/** JSON with non-finite numbers (a kNN matrix's diagonal) as null. */
export function toJson(v: unknown): string {
  return JSON.stringify(v, (_, x) => (typeof x === "number" && !Number.isFinite(x) ? null : x), 2) + "\n";
}

export function emit(o: Options, r: Result): void {
  const out = o.format === "json" ? toJson(r.json) : o.format === "csv" ? toCsv(r.csv) : r.text() + "\n";
  process.stdout.write(out);
}

/** 4000000 → "4,000,000". */
export const grouped = (n: number) => n.toLocaleString("en-US");
