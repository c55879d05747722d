/**
 * Every argument check and error message, in one place. Messages name the function, the
 * argument and, where it applies, the first offending index. Hot-path kernels do not scan for
 * errors: they return sums and minima that the engine checks in O(rows), and only when a check
 * fails do the scanners here look for the first bad element to name it.
 */
import type { FloatArray } from "./backend.js";
import { checkResident } from "./wasm/resident.js";
import { arrayInput, bigIntsToNumbers, isBigIntArray, isIntegerArray } from "./arraylike.js";

/** A vector or matrix argument normalised to a row-major batch. */
export interface Batch {
  data: FloatArray;
  rows: number;
  cols: number;
  /** True when the caller passed a vector (the result is then a number, not an array). */
  vector: boolean;
  /**
   * True when the values came from integer storage: an integer typed array (Int8Array …
   * Uint32Array, BigInt64Array, BigUint64Array) or an integer Arrow vector, converted to
   * Float64Array. (The histogram's bin rules use NumPy's integer bin width for these.)
   */
  integer?: boolean;
}

function where(name: string, b: Batch, index: number): string {
  if (b.vector) return `${name}[${index}]`;
  return `${name}.data[${index}] (row ${Math.floor(index / b.cols)}, column ${index % b.cols})`;
}

const isFloatArray = (x: unknown): x is FloatArray => x instanceof Float64Array || x instanceof Float32Array;

/** True for the matrix shapes of API.md: `{ data, rows, cols }` or nested arrays. */
export function isMatrixLike(x: unknown): boolean {
  if (Array.isArray(x)) return x.length > 0 && Array.isArray(x[0]);
  return isMatrixObject(x);
}

/** True for the object form of a matrix, `{ data, rows, cols }` (not nested arrays). */
export function isMatrixObject(x: unknown): x is { data: unknown; rows: unknown; cols: unknown } {
  return typeof x === "object" && x !== null && "data" in x && "rows" in x && "cols" in x;
}

/**
 * Numeric storage as a FloatArray: Float64Array/Float32Array as is (a resident view is checked
 * for release/detachment); an integer typed array (Int8Array … Uint32Array) copied into a
 * Float64Array; a BigInt64Array/BigUint64Array likewise, each value a safe integer. Arrow vectors
 * and `{ length, [i] }` array-likes are first unwrapped by `arrayInput` (src/arraylike.ts).
 * Anything else comes back as `{ array }` (an Array is the caller's to read; the rest an error).
 */
function floatData(fn: string, name: string, x: unknown): { data: FloatArray; integer: boolean } | { array: unknown } {
  const { values, integer } = arrayInput(fn, name, x);
  if (isFloatArray(values)) {
    checkResident(fn, name, values); // a released or detached it.allocate() view is an error
    return { data: values, integer };
  }
  if (isIntegerArray(values)) return { data: Float64Array.from(values), integer: true };
  if (isBigIntArray(values)) return { data: bigIntsToNumbers(fn, name, values, new Float64Array(values.length)), integer: true };
  return { array: values };
}

const VECTOR_TYPES = "a Float64Array, Float32Array, number[], integer typed array, Arrow vector or array-like of numbers";

/**
 * A vector argument: Float64Array, Float32Array, number[], an integer typed array (converted to
 * Float64Array; the batch is marked `integer`), a numeric Apache Arrow vector or a
 * `{ length, [i] }` array-like of numbers; never empty unless `allowEmpty` (histogram samples, as NumPy).
 */
export function vectorArg(fn: string, name: string, x: unknown, allowEmpty = false): Batch {
  let data: FloatArray;
  let integer = false;
  const f = floatData(fn, name, x);
  if ("data" in f) ({ data, integer } = f);
  else if (Array.isArray(f.array)) {
    const a = f.array;
    data = new Float64Array(a.length);
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (typeof v !== "number") throw new TypeError(`${fn}: ${name}[${i}] is ${typeof v}, expected a number`);
      data[i] = v;
    }
  } else throw new TypeError(`${fn}: ${name} must be ${VECTOR_TYPES}, got ${describe(x)}`);
  if (data.length === 0 && !allowEmpty) throw new RangeError(`${fn}: ${name} is empty`);
  return integer ? { data, rows: 1, cols: data.length, vector: true, integer } : { data, rows: 1, cols: data.length, vector: true };
}

/** A matrix argument: `{ data, rows, cols }` (row-major) or nested arrays of equal length. */
export function matrixArg(fn: string, name: string, x: unknown): Batch {
  if (Array.isArray(x)) {
    const rows = x.length;
    if (rows === 0) throw new RangeError(`${fn}: ${name} has no rows`);
    const cols = Array.isArray(x[0]) ? x[0].length : -1;
    const data = new Float64Array(rows * Math.max(cols, 0));
    for (let r = 0; r < rows; r++) {
      const row = x[r];
      if (!Array.isArray(row)) throw new TypeError(`${fn}: ${name}[${r}] must be an array of numbers`);
      if (row.length !== cols) throw new RangeError(`${fn}: ${name}[${r}] has length ${row.length}, but ${name}[0] has ${cols}`);
      for (let c = 0; c < cols; c++) {
        const v = row[c];
        if (typeof v !== "number") throw new TypeError(`${fn}: ${name}[${r}][${c}] is ${typeof v}, expected a number`);
        data[r * cols + c] = v;
      }
    }
    if (cols === 0) throw new RangeError(`${fn}: ${name} has no columns`);
    return { data, rows, cols, vector: false };
  }
  if (typeof x !== "object" || x === null) throw new TypeError(`${fn}: ${name} must be a matrix { data, rows, cols }, got ${describe(x)}`);
  const { data: raw, rows, cols } = x as { data: unknown; rows: unknown; cols: unknown };
  const f = floatData(fn, `${name}.data`, raw);
  if (!("data" in f))
    throw new TypeError(`${fn}: ${name}.data must be a Float64Array or Float32Array (or an integer typed array, numeric Arrow vector or array-like of numbers), got ${describe(raw)}`);
  const { data, integer } = f;
  if (!Number.isInteger(rows) || (rows as number) < 1) throw new RangeError(`${fn}: ${name}.rows must be an integer ≥ 1, got ${String(rows)}`);
  if (!Number.isInteger(cols) || (cols as number) < 1) throw new RangeError(`${fn}: ${name}.cols must be an integer ≥ 1, got ${String(cols)}`);
  if ((rows as number) * (cols as number) !== data.length)
    throw new RangeError(`${fn}: ${name}.rows × ${name}.cols = ${rows} × ${cols} = ${(rows as number) * (cols as number)} ≠ ${name}.data.length = ${data.length}`);
  return integer ? { data, rows: rows as number, cols: cols as number, vector: false, integer } : { data, rows: rows as number, cols: cols as number, vector: false };
}

/** A vector or a matrix, whichever was passed. */
export function batchArg(fn: string, name: string, x: unknown): Batch {
  return isMatrixLike(x) ? matrixArg(fn, name, x) : vectorArg(fn, name, x);
}

/** Two operands of the same shape and element type (a float32/float64 mix is promoted to float64). */
export function pairArgs(fn: string, nameA: string, a: unknown, nameB: string, b: unknown): [Batch, Batch] {
  const A = batchArg(fn, nameA, a);
  const B = batchArg(fn, nameB, b);
  if (A.vector !== B.vector) throw new TypeError(`${fn}: ${nameA} and ${nameB} must both be vectors or both be matrices`);
  if (A.vector && A.cols !== B.cols) throw new RangeError(`${fn}: ${nameA} has length ${A.cols} but ${nameB} has length ${B.cols}`);
  if (!A.vector && (A.rows !== B.rows || A.cols !== B.cols))
    throw new RangeError(`${fn}: ${nameA} is ${A.rows}×${A.cols} but ${nameB} is ${B.rows}×${B.cols}`);
  if (A.data instanceof Float32Array !== B.data instanceof Float32Array) {
    if (A.data instanceof Float32Array) A.data = Float64Array.from(A.data);
    else B.data = Float64Array.from(B.data);
  }
  return [A, B];
}

/**
 * Checks the per-row [sum, min] a kernel returned for a batch of weights: every row must sum
 * to a finite positive number with no negative element. On failure, scans the row to name the
 * first negative, NaN or infinite element (or says the row is all zero).
 */
export function checkWeights(fn: string, name: string, b: Batch, stats: Float64Array, width: number, sumAt: number, minAt: number, what = "weights"): void {
  for (let r = 0; r < b.rows; r++) {
    const s = stats[r * width + sumAt];
    const m = stats[r * width + minAt];
    if (!(s > 0 && s < Infinity && m >= 0)) throw weightsError(fn, name, b, r * b.cols, (r + 1) * b.cols, b.vector ? name : `${name} row ${r}`, what);
  }
}

/**
 * Σ of a vector's (or a whole matrix's) weights, checked as checkTotal checks them (finite,
 * non-negative, a positive finite sum; the first bad element named): for calls that take one set
 * of weights whole, in TypeScript (Huffman codes, a source distribution, sample weights).
 */
export function weightsSum(fn: string, name: string, b: Batch): number {
  const { data } = b;
  let sum = 0;
  let min = Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    sum += v;
    if (!(v >= min)) min = v; // NaN counts as the minimum: checkTotal then names it
  }
  checkTotal(fn, name, b, sum, min);
  return sum;
}

/** As checkWeights, for a whole matrix taken as one set of weights (a joint table): [sum, min] of all of it. */
export function checkTotal(fn: string, name: string, b: Batch, sum: number, min: number): void {
  if (!(sum > 0 && sum < Infinity && min >= 0)) throw weightsError(fn, name, b, 0, b.data.length, name);
}

function weightsError(fn: string, name: string, b: Batch, i0: number, i1: number, what: string, kind = "weights"): RangeError {
  const { data } = b;
  for (let i = i0; i < i1; i++) {
    const v = data[i];
    if (!(v >= 0 && v < Infinity))
      return new RangeError(`${fn}: ${where(name, b, i)} is ${v}; ${kind} must be finite and non-negative`);
  }
  let s = 0;
  for (let i = i0; i < i1; i++) s += data[i];
  const one = kind.endsWith("s") ? kind.slice(0, -1) : kind;
  if (s === 0) return new RangeError(`${fn}: ${what} sums to 0; it needs at least one positive ${one}`);
  return new RangeError(`${fn}: ${what} sums to ${s}, which overflows float64; rescale the ${kind}`);
}

/**
 * Checks the per-row stats of src/js/estimators.ts countStatsRows (N at 0, min at 7, #bad at 8)
 * of a batch of counts: finite, non-negative, not all zero, and (when `integer`) whole numbers.
 * Names the first offending element, or the all-zero row.
 */
export function checkCounts(fn: string, name: string, b: Batch, stats: Float64Array, width: number, integer: boolean): void {
  for (let r = 0; r < b.rows; r++) {
    const s = stats[r * width];
    const m = stats[r * width + 7];
    const what = b.vector ? name : `${name} row ${r}`;
    if (!(s > 0 && s < Infinity && m >= 0)) throw weightsError(fn, name, b, r * b.cols, (r + 1) * b.cols, what, "counts");
    if (integer && stats[r * width + 8] > 0) {
      const { data } = b;
      for (let i = r * b.cols; i < (r + 1) * b.cols; i++)
        if (data[i] !== Math.floor(data[i])) throw new RangeError(`${fn}: ${where(name, b, i)} is ${data[i]}; this estimator needs integer counts (only "plugin" takes weights)`);
    }
  }
}

/** A log base: a positive finite number ≠ 1. */
export function checkBase(base: unknown, fn: string): asserts base is number {
  if (typeof base !== "number") throw new TypeError(`${fn}: base must be a number or "nats" | "bits" | "hartleys", got ${describe(base)}`);
  if (!(base > 0 && base < Infinity) || base === 1) throw new RangeError(`${fn}: base must be a positive finite number ≠ 1, got ${base}`);
}

export function describe(x: unknown): string {
  if (x === null) return "null";
  if (Array.isArray(x)) return "an array";
  if (typeof x === "object") return (x as object).constructor?.name ?? "an object";
  return `${typeof x} ${String(x)}`;
}

// ---- labels ----

// Labels of any kind → codes: one canonicaliser for every call that takes labels.
export { labelCodes, labelCodesAll, type LabelCodes } from "./label-codes.js";

// ---- histogram ----

/** Names the first NaN or ±Infinity sample of x (called only after a kernel reported one). */
export function nonFiniteError(fn: string, name: string, x: ArrayLike<number>, cols = 0): RangeError {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v - v !== 0) {
      const at = cols > 0 ? `${name}.data[${i}] (row ${Math.floor(i / cols)}, column ${i % cols})` : `${name}[${i}]`;
      return new RangeError(`${fn}: ${at} is ${v}; samples must be finite`);
    }
  }
  return new RangeError(`${fn}: ${name} has a non-finite sample`);
}

/** Two sample vectors of equal length (empty only when `allowEmpty`). */
export function samplePair(fn: string, nameA: string, a: unknown, nameB: string, b: unknown, allowEmpty = false): [Batch, Batch] {
  const A = vectorArg(fn, nameA, a, allowEmpty);
  const B = vectorArg(fn, nameB, b, allowEmpty);
  if (A.cols !== B.cols) throw new RangeError(`${fn}: ${nameA} has length ${A.cols} but ${nameB} has length ${B.cols}`);
  return [A, B];
}

/** A `[min, max]` range: finite numbers with min ≤ max (undefined passes through). */
export function rangeArg(fn: string, name: string, r: unknown): [number, number] | undefined {
  if (r === undefined || r === null) return undefined;
  if (!(Array.isArray(r) || r instanceof Float64Array) || r.length !== 2 || typeof r[0] !== "number" || typeof r[1] !== "number")
    throw new TypeError(`${fn}: ${name} must be [min, max], got ${describe(r)}`);
  const [lo, hi] = [r[0] as number, r[1] as number];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError(`${fn}: ${name} [${lo}, ${hi}] is not finite`);
  if (lo > hi) throw new RangeError(`${fn}: ${name} [${lo}, ${hi}] has min > max`);
  return [lo, hi];
}

/** A bin count: an integer ≥ 1. */
export function binCountArg(fn: string, name: string, n: unknown): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1)
    throw new RangeError(`${fn}: ${name} must be a positive integer, a rule, { quantiles: n } or an edge array, got ${typeof n === "number" ? n : describe(n)}`);
  if (n > 2 ** 28) throw new RangeError(`${fn}: ${name} = ${n} is too many bins`);
  return n;
}

/**
 * Explicit bin edges: ≥ 2 non-decreasing numbers, none NaN. As NumPy, edges may be infinite
 * ([0, 1, 3, 6, Infinity] puts every finite x ≥ 6 in the last bin); `finite` demands finite
 * edges (the streaming histogram, whose JSON form cannot hold ±Infinity).
 */
export function edgesArg(fn: string, name: string, e: ArrayLike<unknown>, finite = false): Float64Array {
  if (e.length < 2) throw new RangeError(`${fn}: ${name} as edges needs at least 2 values, got ${e.length}`);
  const out = new Float64Array(e.length);
  for (let i = 0; i < e.length; i++) {
    const v = e[i];
    if (typeof v !== "number" || Number.isNaN(v)) throw new RangeError(`${fn}: ${name}[${i}] is ${String(v)}; edges must be numbers`);
    if (finite && !Number.isFinite(v)) throw new RangeError(`${fn}: ${name}[${i}] is ${v}; the edges of a streaming histogram must be finite`);
    if (i > 0 && v < out[i - 1]) throw new RangeError(`${fn}: ${name}[${i}] = ${v} < ${name}[${i - 1}] = ${out[i - 1]}; edges must increase monotonically`);
    out[i] = v;
  }
  return out;
}

// ---- grids (src/integrate.ts, src/grid.ts) ----

/** A parsed grid spacing: uniform `dx`, or sample points `x` (then dx is NaN). */
export interface GridSpacing {
  dx: number;
  x: Float64Array | null;
}

/**
 * A spacing `{ dx }` or `{ x }` (a vector of `n` finite sample points). `dxName`/`xName` name the
 * fields (trapezoid2d uses dy / y for its rows). With `increasing` (the grid densities) dx must be
 * > 0 and x strictly increasing; without it (integration, as SciPy) dx is any finite number and x
 * any finite points: decreasing x gives the negative integral, repeated points a zero-width interval.
 */
export function spacingArg(fn: string, spacing: unknown, n: number, dxName = "dx", xName = "x", what = "a row", increasing = true): GridSpacing {
  if (typeof spacing !== "object" || spacing === null)
    throw new TypeError(`${fn}: spacing must be { ${dxName}: number } or { ${xName}: vector }, got ${describe(spacing)}`);
  const s = spacing as Record<string, unknown>;
  const hasDx = s[dxName] !== undefined;
  const hasX = s[xName] !== undefined;
  if (hasDx === hasX) throw new TypeError(`${fn}: give exactly one of ${dxName} (uniform spacing) and ${xName} (sample points)`);
  if (hasDx) {
    const dx = s[dxName];
    if (typeof dx !== "number") throw new TypeError(`${fn}: ${dxName} must be a number, got ${describe(dx)}`);
    if (increasing && !(dx > 0 && dx < Infinity)) throw new RangeError(`${fn}: ${dxName} must be a finite number > 0, got ${dx}`);
    if (!Number.isFinite(dx)) throw new RangeError(`${fn}: ${dxName} must be a finite number, got ${dx}`);
    return { dx, x: null };
  }
  const v = vectorArg(fn, xName, s[xName]).data;
  if (v.length !== n) throw new RangeError(`${fn}: ${xName} has length ${v.length} but ${what} has ${n} point${n === 1 ? "" : "s"}`);
  const x = v instanceof Float64Array ? v : Float64Array.from(v);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw new RangeError(`${fn}: ${xName}[${i}] is ${x[i]}; sample points must be finite`);
    if (increasing && i > 0 && !(x[i] > x[i - 1]))
      throw new RangeError(`${fn}: ${xName}[${i}] = ${x[i]} is not greater than ${xName}[${i - 1}] = ${x[i - 1]}; ${xName} must be strictly increasing`);
  }
  return { dx: NaN, x };
}

/** A grid needs at least `min` points per row (2 for the densities; integration takes 1, as SciPy: ∫ = 0). */
export function checkGridPoints(fn: string, name: string, b: Batch, min = 2): void {
  if (b.cols < min) throw new RangeError(`${fn}: ${name} has ${b.cols} point${b.cols === 1 ? "" : "s"} per ${b.vector ? "vector" : "row"}; a grid needs at least 2`);
}

/**
 * Checks the per-row [∫ f, min f] a grid kernel returned for a batch of densities: finite,
 * non-negative, and (when `positive`) integrating to a number > 0. On failure, names the first
 * negative, NaN or infinite sample.
 */
export function checkDensities(fn: string, name: string, b: Batch, stats: Float64Array, width: number, sumAt: number, minAt: number, positive: boolean): void {
  const rows = stats.length / width;
  for (let r = 0; r < rows; r++) {
    const s = stats[r * width + sumAt];
    const m = stats[r * width + minAt];
    if (s > -Infinity && s < Infinity && m >= 0 && (!positive || s > 0)) continue;
    const row = b.rows === 1 ? 0 : r;
    const what = b.vector ? name : `${name} row ${row}`;
    const { data } = b;
    for (let i = row * b.cols; i < (row + 1) * b.cols; i++) {
      const v = data[i];
      if (!(v >= 0 && v < Infinity)) throw new RangeError(`${fn}: ${where(name, b, i)} is ${v}; densities must be finite and non-negative`);
    }
    if (!(s > -Infinity && s < Infinity)) throw new RangeError(`${fn}: ${what} integrates to ${s}, which overflows float64; rescale it`);
    throw new RangeError(`${fn}: ${what} integrates to ${s}; normalize needs a density with positive integral`);
  }
}

/** A non-negative finite number option (epsilon, a tolerance), `fallback` when undefined. */
export function nonNegativeOption(fn: string, name: string, v: unknown, fallback = 0): number {
  if (v === undefined) return fallback;
  if (typeof v !== "number") throw new TypeError(`${fn}: ${name} must be a number, got ${describe(v)}`);
  if (!(v >= 0 && v < Infinity)) throw new RangeError(`${fn}: ${name} must be a finite number ≥ 0, got ${v}`);
  return v;
}

/** One of a fixed set of string options. */
export function choiceOption<T extends string>(fn: string, name: string, v: unknown, choices: readonly T[], fallback: T): T {
  if (v === undefined) return fallback;
  if (typeof v !== "string" || !choices.includes(v as T))
    throw new RangeError(`${fn}: ${name} must be one of ${choices.map((c) => `"${c}"`).join(", ")}, got ${typeof v === "string" ? `"${v}"` : describe(v)}`);
  return v as T;
}

// ---- losses ----

/** `reduction`: "mean" (default) | "sum" | "none". */
export function reductionArg(fn: string, r: unknown): "mean" | "sum" | "none" {
  if (r === undefined) return "mean";
  if (r === "mean" || r === "sum" || r === "none") return r;
  throw new TypeError(`${fn}: reduction must be "mean", "sum" or "none", got ${describe(r)}`);
}

/** `labelSmoothing`: a number in [0, 1] (default 0). */
export function smoothingArg(fn: string, e: unknown): number {
  if (e === undefined) return 0;
  if (typeof e !== "number") throw new TypeError(`${fn}: labelSmoothing must be a number in [0, 1], got ${describe(e)}`);
  if (!(e >= 0 && e <= 1)) throw new RangeError(`${fn}: labelSmoothing must be in [0, 1], got ${e}`);
  return e;
}

/** Class labels, one per row: Int32Array | Uint32Array | number[] of integers in [0, classes). */
export function classIndexArg(fn: string, name: string, labels: unknown, rows: number, classes: number): ArrayLike<number> {
  let l: ArrayLike<number>;
  if (typeof labels === "number" && rows === 1) l = [labels];
  else if (labels instanceof Int32Array || labels instanceof Uint32Array || Array.isArray(labels)) l = labels as ArrayLike<number>;
  else throw new TypeError(`${fn}: ${name} must be an Int32Array, Uint32Array or number[] of class indices, got ${describe(labels)}`);
  if (l.length !== rows) throw new RangeError(`${fn}: ${name} has length ${l.length}, but logits has ${rows} row${rows === 1 ? "" : "s"}`);
  for (let i = 0; i < rows; i++) {
    const v = l[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: ${name}[${i}] is ${typeof v}, expected a class index`);
    if (!Number.isInteger(v) || v < 0 || v >= classes)
      throw new RangeError(`${fn}: ${name}[${i}] = ${v} (row ${i}) is not a class index: labels must be integers in [0, ${classes})`);
  }
  return l;
}

/**
 * The first element of b.data[i0, i1) that fails `ok`, as an error naming it, or null.
 * `rule` completes the message ("logits must be finite").
 */
export function scanError(fn: string, name: string, b: Batch, i0: number, i1: number, ok: (v: number) => boolean, rule: string): RangeError | null {
  const { data } = b;
  for (let i = i0; i < i1; i++) {
    const v = data[i];
    if (!ok(v)) return new RangeError(`${fn}: ${where(name, b, i)} is ${v}; ${rule}`);
  }
  return null;
}

// ---- samples of continuous variables (src/knn.ts) ----

/** A sample set: n samples of d coordinates, row-major float64, every value finite. */
export interface Samples {
  data: Float64Array;
  n: number;
  d: number;
}

/**
 * A sample set argument: a vector (n samples of a 1-D variable) or a matrix (one sample per row).
 * Copied to float64 when it is not; NaN or ±Infinity is a RangeError naming the index.
 */
export function samplesArg(fn: string, name: string, x: unknown): Samples {
  const b = batchArg(fn, name, x);
  const data = b.data instanceof Float64Array ? b.data : Float64Array.from(b.data);
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v - v !== 0) throw new RangeError(`${fn}: ${where(name, b, i)} is ${v}; samples must be finite`);
  }
  return b.vector ? { data, n: data.length, d: 1 } : { data, n: b.rows, d: b.cols };
}

/** Sample sets of equally many samples. */
export function sameSamples(fn: string, names: readonly string[], sets: readonly Samples[]): void {
  for (let i = 1; i < sets.length; i++)
    if (sets[i].n !== sets[0].n) throw new RangeError(`${fn}: ${names[0]} has ${sets[0].n} samples but ${names[i]} has ${sets[i].n}`);
}

/** An integer option ≥ min (the fallback when undefined). */
export function integerOption(fn: string, name: string, v: unknown, fallback: number, min: number): number {
  if (v === undefined) return fallback;
  if (typeof v !== "number" || !Number.isInteger(v)) throw new TypeError(`${fn}: ${name} must be an integer, got ${describe(v)}`);
  if (v < min) throw new RangeError(`${fn}: ${name} must be ≥ ${min}, got ${v}`);
  return v;
}

/** The neighbour count `name` (default `k`; an integer ≥ 1, default `fallback`), at most `max` (what the samples allow, named by `why`). */
export function neighborsArg(fn: string, v: unknown, fallback: number, max: number, why: string, name = "k"): number {
  const k = integerOption(fn, name, v, fallback, 1);
  if (k > max) throw new RangeError(`${fn}: ${name} = ${k} needs ${why}`);
  return k;
}

/** A boolean option (the fallback when undefined). */
export function booleanOption(fn: string, name: string, v: unknown, fallback: boolean): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== "boolean") throw new TypeError(`${fn}: ${name} must be true or false, got ${describe(v)}`);
  return v;
}

/**
 * `discreteFeatures` of mutual_info_regression / mutual_info_classif → one flag per column:
 * false (default) | true | boolean[] of length cols | column indices (each in [0, cols)).
 */
export function discreteFeaturesArg(fn: string, v: unknown, cols: number): boolean[] {
  const name = "discreteFeatures";
  if (v === undefined || typeof v === "boolean") return new Array<boolean>(cols).fill(v === true);
  const a = arrayInput(fn, name, v).values as ArrayLike<unknown>;
  if (typeof a !== "object" || a === null || typeof a.length !== "number")
    throw new TypeError(`${fn}: ${name} must be a boolean, an array of booleans or an array of column indices, got ${describe(v)}`);
  const flags = new Array<boolean>(cols).fill(false);
  if (a.length > 0 && typeof a[0] === "boolean") {
    if (a.length !== cols) throw new RangeError(`${fn}: ${name} has ${a.length} flags but X has ${cols} columns`);
    for (let i = 0; i < a.length; i++) {
      if (typeof a[i] !== "boolean") throw new TypeError(`${fn}: ${name}[${i}] is ${describe(a[i])}; a mask holds only booleans`);
      flags[i] = a[i] as boolean;
    }
    return flags;
  }
  for (let i = 0; i < a.length; i++) {
    const c = a[i];
    if (typeof c !== "number" || !Number.isInteger(c)) throw new TypeError(`${fn}: ${name}[${i}] is ${describe(c)}, expected a column index`);
    if (c < 0 || c >= cols) throw new RangeError(`${fn}: ${name}[${i}] = ${c} is out of range for X with ${cols} columns`);
    flags[c] = true;
  }
  return flags;
}

/** A `seed` option: any finite number (default 0). */
export function seedArg(fn: string, seed: unknown): number {
  if (seed === undefined) return 0;
  if (typeof seed !== "number" || !Number.isFinite(seed)) throw new TypeError(`${fn}: seed must be a finite number, got ${describe(seed)}`);
  return seed;
}
