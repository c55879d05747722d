/**
 * A small CSV reader for the MI panel: RFC 4180 quoting ("a, b" and "" inside quotes), the
 * delimiter guessed from the header line (comma, semicolon or tab), a header row (generated
 * names col1, col2, … when the first row is all numbers). A column is numeric when every
 * non-missing cell parses as a finite number; empty cells and NA/NaN/null are missing.
 */

export interface Column {
  name: string;
  /** Finite numbers for a numeric column (NaN where missing). */
  values: Float64Array | null;
  /** The raw strings of a non-numeric column ("" where missing). */
  labels: string[] | null;
}

export interface Table {
  columns: Column[];
  rows: number;
}

const MISSING = new Set(["", "na", "nan", "null", "none", "?"]);

function splitRecords(text: string, delim: string): string[][] {
  const records: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delim) {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      field = "";
      if (row.length > 1 || row[0].trim() !== "") records.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.length > 1 || row[0].trim() !== "") records.push(row);
  return records;
}

function guessDelimiter(text: string): string {
  const first = text.slice(0, Math.max(0, text.indexOf("\n")) || text.length);
  const counts = [",", ";", "\t"].map((d) => [d, first.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 1 ? counts[0][0] : ",";
}

const isNumber = (s: string) => s.trim() !== "" && Number.isFinite(Number(s));

export function parseCsv(text: string): Table {
  const records = splitRecords(text.replace(/^\uFEFF/, ""), guessDelimiter(text));
  if (records.length === 0) throw new Error("the CSV is empty");
  const width = records[0].length;
  const headerIsData = records[0].every(isNumber);
  const names = headerIsData ? records[0].map((_, j) => `col${j + 1}`) : records[0].map((s, j) => s.trim() || `col${j + 1}`);
  const body = headerIsData ? records : records.slice(1);
  for (let r = 0; r < body.length; r++)
    if (body[r].length !== width) throw new Error(`row ${r + (headerIsData ? 1 : 2)} has ${body[r].length} fields, the header has ${width}`);
  const columns: Column[] = names.map((name, j) => {
    const cells = body.map((rec) => rec[j].trim());
    const numeric = cells.every((s) => MISSING.has(s.toLowerCase()) || isNumber(s));
    if (numeric) return { name, values: Float64Array.from(cells, (s) => (MISSING.has(s.toLowerCase()) ? NaN : Number(s))), labels: null };
    return { name, values: null, labels: cells.map((s) => (MISSING.has(s.toLowerCase()) ? "" : s)) };
  });
  return { columns, rows: body.length };
}

/** Class codes 0, 1, … of a label column in order of first appearance (−1 where missing). */
export function encodeLabels(labels: string[]): { codes: Int32Array; classes: string[] } {
  const index = new Map<string, number>();
  const codes = new Int32Array(labels.length);
  labels.forEach((s, i) => {
    if (s === "") codes[i] = -1;
    else {
      let k = index.get(s);
      if (k === undefined) index.set(s, (k = index.size));
      codes[i] = k;
    }
  });
  return { codes, classes: [...index.keys()] };
}
