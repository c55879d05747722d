/**
 * The one label canonicaliser: every call that takes labels turns them into codes here, checked
 * and numbered like `numpy.unique` (codes ascend with the sorted distinct values), in the form
 * the counting kernels take (a Uint32Array, or an Int32Array with no negative entry).
 *
 * Accepted: `number[] | string[] | boolean[]` (and `bigint[]`), any integer typed array
 * (Int8Array … Uint32Array, BigInt64Array / BigUint64Array of safe integers), Float64Array /
 * Float32Array of integral values. −0 and 0 are one label.
 *
 * Paths, cheapest first:
 *   identity  Uint32Array, an Int32Array with no negative entry, numbers in [0, 2^32): the labels
 *             are the codes (number[] is copied into a Uint32Array during the type check, as ever);
 *   offset    integers whose range max − min < 2^32 (DBSCAN's −1, Int8Array, …): code = v − min,
 *             one pass (gaps stay: the counting kernels hash sparse codes themselves);
 *   hashed    numbers of a wider range: numbered by the backend's labelIds (an open-addressing
 *             hash in WASM, a Map in JS), the distinct values sorted and the ids renumbered;
 *   strings   a JS Map, the distinct strings sorted by code point (numpy's order); booleans:
 *             false → 0, true → 1.
 */
import { arrayValues } from "./arraylike.js";
import type { LabelKernels } from "./backend.js";
import { firstAppearanceIds, jsLabels } from "./js/labels.js";
import type { LabelValue } from "./types.js";

/** Labels as codes: the kernels' input plus what maps a code back to its label. */
export interface LabelCodes {
  /** One code per label, non-negative, ascending with the label values. */
  codes: Int32Array | Uint32Array;
  /** The largest code. */
  max: number;
  /** What the labels were. */
  kind: "number" | "string" | "boolean";
  /** Numeric codes without a dictionary: label = code + offset. */
  offset: number;
  /** Dictionary codes: label = values[code] (ascending); null for numeric codes. */
  values: readonly LabelValue[] | null;
}

/** The label a code stands for. */
export function labelOf(c: LabelCodes, code: number): LabelValue {
  return c.values ? c.values[code] : code + c.offset;
}

/** numpy's order of labels of one kind: numbers and booleans ascending, strings by code point. */
export function compareLabels(a: LabelValue, b: LabelValue): number {
  if (typeof a === "string" && typeof b === "string") {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
      let x = a.charCodeAt(i);
      let y = b.charCodeAt(i);
      if (x === y) continue;
      // UTF-16 order differs from code-point order only where a surrogate meets U+E000..U+FFFF
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x - y;
    }
    return a.length - b.length;
  }
  return Number(a) - Number(b);
}

const ACCEPTED = "an array of numbers, strings or booleans, an integer typed array (Int8Array … Uint32Array, BigInt64Array) or a Float64Array/Float32Array of integers";

function what(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "string") return `string ${JSON.stringify(v)}`;
  if (typeof v === "bigint") return `bigint ${v}n`;
  if (typeof v === "object") return Array.isArray(v) ? "an array" : ((v as object).constructor?.name ?? "an object");
  return `${typeof v} ${String(v)}`;
}

const article = (t: string) => (t === "object" || t === "undefined" ? "an " : "a ") + t;

/** The error for element i of a label array whose element 0 has type `t0`. */
function elementError(fn: string, name: string, i: number, v: unknown, t0: string): TypeError | RangeError {
  if (v === null || v === undefined) return new TypeError(`${fn}: ${name}[${i}] is ${what(v)}; a label must be a number, string or boolean`);
  const t = typeof v;
  if (i > 0 && t !== t0) return new TypeError(`${fn}: ${name}[${i}] is ${what(v)} but ${name}[0] is ${article(t0)}; labels must all have one type`);
  if (t === "number") return new RangeError(`${fn}: ${name}[${i}] is ${String(v)}; numeric labels must be integers`);
  if (t === "bigint") return new RangeError(`${fn}: ${name}[${i}] is ${String(v)}n, beyond ±(2^53 − 1); BigInt labels must be safe integers`);
  return new TypeError(`${fn}: ${name}[${i}] is ${what(v)}; a label must be a number, string or boolean`);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** The offset path of an Int32Array with negative labels, in one pass. */
function offsetInt32(x: Int32Array, min: number): LabelCodes {
  const codes = new Uint32Array(x.length);
  let max = min;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    codes[i] = v - min;
    max = v > max ? v : max; // a select, not a branch: labels are unpredictable
  }
  return { codes, max: max - min, kind: "number", offset: min, values: null };
}

/** Numeric labels already checked integral, with their min and max, as codes. */
function numericCodes(k: LabelKernels, x: ArrayLike<number>, min: number, max: number): LabelCodes {
  const n = x.length;
  if (min >= 0 && max <= 0xffffffff) return { codes: x instanceof Uint32Array ? x : new Uint32Array(x), max, kind: "number", offset: 0, values: null };
  if (max - min <= 0xffffffff) {
    const codes = new Uint32Array(n);
    for (let i = 0; i < n; i++) codes[i] = x[i] - min;
    return { codes, max: max - min, kind: "number", offset: min, values: null };
  }
  const { ids, values } = k.labelIds(x instanceof Float64Array ? x : Float64Array.from(x));
  return renumber(ids, Array.from(values).sort((a, b) => a - b), values, "number");
}

/**
 * First-appearance ids whose labels are `firstValues` → codes in the order of `sorted` (the same
 * values sorted), in place.
 */
function renumber(ids: Uint32Array, sorted: LabelValue[], firstValues: ArrayLike<LabelValue>, kind: LabelCodes["kind"]): LabelCodes {
  const rank = new Map<LabelValue, number>();
  sorted.forEach((v, i) => rank.set(v, i));
  const toCode = Uint32Array.from({ length: firstValues.length }, (_, id) => rank.get(firstValues[id])!);
  for (let i = 0; i < ids.length; i++) ids[i] = toCode[ids[i]];
  return { codes: ids, max: sorted.length - 1, kind, offset: 0, values: sorted };
}

function stringCodes(fn: string, name: string, x: readonly unknown[]): LabelCodes {
  const ids = new Uint32Array(x.length);
  const first = firstAppearanceIds(x.length, (i) => {
    const v = x[i];
    if (typeof v !== "string") throw elementError(fn, name, i, v, "string");
    return v;
  }, ids);
  return renumber(ids, first.slice().sort(compareLabels), first, "string");
}

const BOOLEANS: readonly LabelValue[] = [false, true];

function booleanCodes(fn: string, name: string, x: readonly unknown[]): LabelCodes {
  const codes = new Uint32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== "boolean") throw elementError(fn, name, i, v, "boolean");
    codes[i] = v ? 1 : 0;
  }
  return { codes, max: 1, kind: "boolean", offset: 0, values: BOOLEANS };
}

/** Safe BigInts (typed array or bigint[]) as float64, checked. */
function bigintValues(fn: string, name: string, x: ArrayLike<unknown>): { f: Float64Array; min: number; max: number } {
  const f = new Float64Array(x.length);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== "bigint" || v > MAX_SAFE || v < -MAX_SAFE) throw elementError(fn, name, i, v, "bigint");
    const d = Number(v);
    f[i] = d;
    if (d < min) min = d;
    if (d > max) max = d;
  }
  return { f, min, max };
}

/** Integral numbers (typed array or number[]) checked, with min and max. */
function scanNumbers(fn: string, name: string, x: ArrayLike<unknown>): { min: number; max: number; u32: Uint32Array | null } {
  let min = Infinity;
  let max = -Infinity;
  const plain = Array.isArray(x);
  // a number[] of labels in [0, 2^32) is copied as it is checked (the identity path's one pass)
  const u32 = plain ? new Uint32Array(x.length) : null;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (plain && typeof v !== "number") throw elementError(fn, name, i, v, "number");
    if (!Number.isInteger(v)) throw elementError(fn, name, i, v, "number");
    if (v < min) min = v;
    if (v > max) max = v;
    if (u32) u32[i] = v;
  }
  return { min, max, u32 };
}

/**
 * Labels of any kind → codes (see the module comment); an Apache Arrow vector (Utf8, Bool,
 * Dictionary, integer) or a `{ length, [i] }` array-like is read through `arrayValues` first. Checked: a non-integral number, NaN,
 * null/undefined, a mixed-type array (the first element whose type differs from element 0's),
 * an unsafe BigInt is an error naming `fn`, the argument `name` and the index. Never empty.
 * `k` runs the hash of the wide-range numeric path (the engine's backend; JS when omitted).
 */
export function labelCodes(fn: string, name: string, x: unknown, k: LabelKernels = jsLabels): LabelCodes {
  let out: LabelCodes;
  if (!Array.isArray(x) && !ArrayBuffer.isView(x)) x = arrayValues(fn, name, x); // Arrow vectors and array-likes
  if (x instanceof Uint32Array || x instanceof Int32Array) {
    if (x.length === 0) throw new RangeError(`${fn}: ${name} is empty`);
    const [min, umax] = k.labelRange(x);
    if (x instanceof Uint32Array || min >= 0) return { codes: x, max: umax, kind: "number", offset: 0, values: null };
    return offsetInt32(x, min); // an Int32Array's range always fits 32 bits
  }
  if (Array.isArray(x)) {
    if (x.length === 0) throw new RangeError(`${fn}: ${name} is empty`);
    const t0 = typeof x[0];
    if (t0 === "number") {
      const { min, max, u32 } = scanNumbers(fn, name, x);
      out = min >= 0 && max <= 0xffffffff ? { codes: u32!, max, kind: "number", offset: 0, values: null } : numericCodes(k, x as number[], min, max);
    } else if (t0 === "string") out = stringCodes(fn, name, x);
    else if (t0 === "boolean") out = booleanCodes(fn, name, x);
    else if (t0 === "bigint") {
      const { f, min, max } = bigintValues(fn, name, x);
      out = numericCodes(k, f, min, max);
    } else throw elementError(fn, name, 0, x[0], t0);
    return out;
  }
  if (x instanceof BigInt64Array || x instanceof BigUint64Array) {
    if (x.length === 0) throw new RangeError(`${fn}: ${name} is empty`);
    const { f, min, max } = bigintValues(fn, name, x);
    return numericCodes(k, f, min, max);
  }
  if (
    x instanceof Float64Array ||
    x instanceof Float32Array ||
    x instanceof Int8Array ||
    x instanceof Uint8Array ||
    x instanceof Uint8ClampedArray ||
    x instanceof Int16Array ||
    x instanceof Uint16Array
  ) {
    if (x.length === 0) throw new RangeError(`${fn}: ${name} is empty`);
    const { min, max } = scanNumbers(fn, name, x);
    return numericCodes(k, x, min, max);
  }
  throw new TypeError(`${fn}: ${name} must be ${ACCEPTED}, got ${what(x)}`);
}

/**
 * labelCodes, with `hint` appended to the error of a non-integral number: for calls that also take
 * real values another way (e.g. "; for real-valued series pass method: \"bins\"").
 */
export function labelCodesHinted(fn: string, name: string, x: unknown, k: LabelKernels | undefined, hint: string): LabelCodes {
  try {
    return labelCodes(fn, name, x, k);
  } catch (err) {
    if (hint && err instanceof RangeError && err.message.endsWith("must be integers")) throw new RangeError(err.message + hint);
    throw err;
  }
}

/** Label arrays of equal length (names and values in order), as codes. */
export function labelCodesAll(fn: string, names: readonly string[], xs: readonly unknown[], k?: LabelKernels): LabelCodes[] {
  const out = xs.map((x, i) => labelCodes(fn, names[i], x, k));
  for (let i = 1; i < out.length; i++)
    if (out[i].codes.length !== out[0].codes.length)
      throw new RangeError(`${fn}: ${names[0]} has length ${out[0].codes.length} but ${names[i]} has length ${out[i].codes.length}`);
  return out;
}

/**
 * Codes made dense, 0 … k−1 (the inverse of numpy.unique(x, return_inverse=True)), into `idx`,
 * with k and the count of each dense code.
 */
export function denseCodes(c: LabelCodes, idx = new Int32Array(c.codes.length)): { idx: Int32Array; k: number; counts: Float64Array } {
  const { codes, max } = c;
  const n = codes.length;
  if (max < 4 * n + 1024) {
    const map = new Int32Array(max + 1);
    for (let i = 0; i < n; i++) map[codes[i]]++;
    let k = 0;
    for (let v = 0; v <= max; v++) if (map[v] > 0) k++;
    const counts = new Float64Array(k);
    for (let v = 0, m = 0; v <= max; v++) {
      const cnt = map[v];
      if (cnt > 0) counts[m] = cnt;
      map[v] = cnt > 0 ? m++ : -1;
    }
    if (k === max + 1) idx.set(codes); // every code present: already dense
    else for (let i = 0; i < n; i++) idx[i] = map[codes[i]];
    return { idx, k, counts };
  }
  const distinct = Uint32Array.from(new Set(codes)).sort();
  const rank = new Map<number, number>();
  distinct.forEach((v, i) => rank.set(v, i));
  const counts = new Float64Array(distinct.length);
  for (let i = 0; i < n; i++) counts[(idx[i] = rank.get(codes[i] >>> 0)!)]++;
  return { idx, k: distinct.length, counts };
}
