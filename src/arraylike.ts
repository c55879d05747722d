/**
 * Inputs from the data ecosystem, normalised before validation: Apache Arrow vectors
 * (duck-typed — this library does not depend on apache-arrow) and generic `{ length, [i] }`
 * array-likes. `arrayValues` turns them into an Array or a typed array that the argument checks
 * of `validate.ts` (vectors, matrix data, labels) take; an Array or typed array passes unchanged.
 *
 * Apache Arrow (apache-arrow ≥ 9, checked against 21.2): a `Vector` has `type` (with `typeId`)
 * and `data`, an array of `Data` chunks, each with `values`, `offset`, `length`, `stride`,
 * `nullCount` and `nullBitmap`. In Arrow JS a chunk's `values` already start at its first element
 * (`Data.slice` takes a subarray of `values`; `offset` locates the element in the validity bitmap
 * only), and `values` may be longer than `length` (buffers are padded to 64 bytes). So:
 *
 * - Float64 / Float32, one chunk → `values.subarray(0, length)`: zero-copy, the same buffer;
 * - Int8 … Uint32, one chunk → the integer typed array `values.subarray(0, length)` (zero-copy;
 *   `vectorArg` converts it to Float64Array and marks the batch `integer`);
 * - Int64 / Uint64 (BigInt64Array values) → a Float64Array, each value a safe integer, else a
 *   RangeError naming the index;
 * - several chunks → one copy, chunk by chunk (Float32Array when every chunk is Float32,
 *   otherwise Float64Array);
 * - Utf8 / LargeUtf8 / Utf8View / Bool / Dictionary (and Float16, or any layout not above) → the
 *   vector's own elements, in a plain array (string[], boolean[], number[]) for the label path;
 * - any null (a chunk with `nullCount > 0`) → a RangeError naming the function, the argument and
 *   the first null's index. Nulls are never skipped: dropping them would shorten one sample of a
 *   pair and misalign it with the other (x[i] with y[i]), silently.
 *
 * A generic array-like (an object with an integer `length` that is neither an Array nor a typed
 * array) whose element 0 is a number → a Float64Array, with a TypeError naming the first element
 * that is not a number; otherwise (strings, booleans, bigints: labels) → a plain Array copy, whose
 * elements the caller checks.
 */

import type { IntegerTypedArray } from "./types.js";

/** Every typed array except DataView. */
type TypedArray = IntegerTypedArray | Float32Array | Float64Array;

/** The integer typed arrays whose values are JS numbers. */
export type IntegerArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array;

export const isIntegerArray = (x: unknown): x is IntegerArray =>
  x instanceof Int32Array ||
  x instanceof Uint32Array ||
  x instanceof Int8Array ||
  x instanceof Uint8Array ||
  x instanceof Uint8ClampedArray ||
  x instanceof Int16Array ||
  x instanceof Uint16Array;

export const isBigIntArray = (x: unknown): x is BigInt64Array | BigUint64Array => x instanceof BigInt64Array || x instanceof BigUint64Array;

const isTypedArray = (x: unknown): x is TypedArray => ArrayBuffer.isView(x) && !(x instanceof DataView);

/** An argument after `arrayInput`: the values and whether they came from integer storage. */
export interface ArrayInput {
  /** An Array or typed array (or, when x was neither array-like nor Arrow, x itself). */
  values: unknown;
  /** True when the source was an integer typed array or an integer Arrow vector (Int8 … Uint64). */
  integer: boolean;
}

/**
 * x as an Array or typed array: an Arrow vector or a generic `{ length, [i] }` array-like is
 * converted (see the module comment); an Array or typed array — and anything that is not
 * array-like, which the caller's checks then reject — is returned unchanged.
 */
export function arrayValues(fn: string, name: string, x: unknown): unknown {
  return arrayInput(fn, name, x).values;
}

/** As arrayValues, also saying whether the values came from integer storage. */
export function arrayInput(fn: string, name: string, x: unknown): ArrayInput {
  if (Array.isArray(x)) return { values: x, integer: false };
  if (isTypedArray(x)) return { values: x, integer: !(x instanceof Float64Array || x instanceof Float32Array) };
  if (isArrowVector(x)) return arrowInput(fn, name, x);
  if (isArrayLike(x)) return { values: arrayLikeValues(fn, name, x), integer: false };
  return { values: x, integer: false };
}

/**
 * Writes BigInt values to `out` from index `at` as numbers; a value outside ±(2^53 − 1) is a
 * RangeError naming `name[at + i]` (it would not round-trip). Serves BigInt64Array/BigUint64Array
 * vectors and Arrow Int64/Uint64 vectors alike.
 */
export function bigIntsToNumbers(fn: string, name: string, src: ArrayLike<bigint>, out: Float64Array, at = 0): Float64Array {
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (v > MAX_SAFE || v < -MAX_SAFE)
      throw new RangeError(`${fn}: ${name}[${at + i}] is ${v}n, outside ±(2^53 − 1); a 64-bit integer must be a safe integer to be read as a number`);
    out[at + i] = Number(v);
  }
  return out;
}
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

// ---- generic array-likes ----

function isArrayLike(x: unknown): x is ArrayLike<unknown> {
  if (typeof x !== "object" || x === null || x instanceof DataView || x instanceof ArrayBuffer) return false;
  const n = (x as { length?: unknown }).length;
  return typeof n === "number" && Number.isInteger(n) && n >= 0;
}

function arrayLikeValues(fn: string, name: string, x: ArrayLike<unknown>): Float64Array | unknown[] {
  const n = x.length;
  if (n > 0 && typeof x[0] !== "number") return Array.from(x);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (typeof v !== "number") throw new TypeError(`${fn}: ${name}[${i}] is ${v === null ? "null" : typeof v}, expected a number (like ${name}[0])`);
    out[i] = v;
  }
  return out;
}

// ---- Apache Arrow ----

/** The parts of an Arrow `Data` chunk read here. */
interface ArrowData {
  values: unknown;
  offset: number;
  length: number;
  stride?: number;
  nullCount: number;
  nullBitmap?: Uint8Array | null;
}

/** The parts of an Arrow `Vector` read here. */
interface ArrowVector {
  type: { typeId: number; bitWidth?: number; precision?: number; toString(): string };
  data: ArrowData[];
  length: number;
  [Symbol.iterator](): Iterator<unknown>;
}

// apache-arrow's Type enum (enum.ts); stable since its first release.
const TYPE_INT = 2;
const TYPE_FLOAT = 3;
/** Read element by element: Int, Float (Float16), Utf8, Bool, LargeUtf8, Utf8View, Dictionary. */
const DECODED = new Set([TYPE_INT, TYPE_FLOAT, 5, 6, 20, 24, -1]);
const ARROW_VECTOR = Symbol.for("apache-arrow/Vector");

/** An Arrow Vector: apache-arrow's cross-instance marker, or the shape `{ type: { typeId }, data: Data[], length }`. */
function isArrowVector(x: unknown): x is ArrowVector {
  if (typeof x !== "object" || x === null) return false;
  const v = x as Partial<ArrowVector> & { [ARROW_VECTOR]?: unknown };
  if (typeof v.length !== "number" || !Array.isArray(v.data) || typeof v.type?.typeId !== "number") return false;
  if (v[ARROW_VECTOR] === true) return true;
  return v.data.every(
    (d) => typeof d === "object" && d !== null && "values" in d && typeof d.offset === "number" && typeof d.length === "number" && typeof d.nullCount === "number",
  );
}

function arrowInput(fn: string, name: string, x: ArrowVector): ArrayInput {
  const chunks = x.data;
  checkNoNulls(fn, name, chunks, x.type);
  const { typeId } = x.type;
  const integer = typeId === TYPE_INT;
  if (typeId === TYPE_INT || typeId === TYPE_FLOAT) {
    const direct = chunks.every((d) => (d.stride ?? 1) === 1 && isTypedArray(d.values) && !(d.values instanceof Uint16Array && typeId === TYPE_FLOAT) && d.values.length >= d.length);
    if (direct) {
      const views = chunks.map((d) => (d.values as TypedArray).subarray(0, d.length));
      if (views.length === 1 && !isBigIntArray(views[0])) return { values: views[0], integer };
      const n = views.reduce((s, v) => s + v.length, 0);
      const out = views.every((v) => v instanceof Float32Array) ? new Float32Array(n) : new Float64Array(n);
      let at = 0;
      for (const v of views) {
        if (isBigIntArray(v)) bigIntsToNumbers(fn, name, v, out as Float64Array, at);
        else out.set(v as Exclude<TypedArray, BigInt64Array | BigUint64Array>, at);
        at += v.length;
      }
      return { values: out, integer };
    }
  }
  // Float16, Utf8, Bool, Dictionary, …: the vector's own decoded elements.
  const elements = DECODED.has(typeId) ? Array.from(x) : [undefined];
  if (elements.every((e) => typeof e === "number" || typeof e === "bigint")) {
    const out = new Float64Array(elements.length);
    elements.forEach((e, i) => {
      if (typeof e === "bigint") bigIntsToNumbers(fn, name, [e], out, i);
      else out[i] = e as number;
    });
    return { values: out, integer };
  }
  if (elements.every((e) => typeof e === "string" || typeof e === "boolean")) return { values: elements, integer: false };
  throw new TypeError(`${fn}: ${name} is an Arrow vector of type ${String(x.type)}, which is not supported; pass a numeric, Utf8, Bool or Dictionary vector`);
}

/** A RangeError at the first null of any chunk (validity bit 0 at chunk.offset + j). */
function checkNoNulls(fn: string, name: string, chunks: ArrowData[], type: ArrowVector["type"]): void {
  let start = 0;
  for (const d of chunks) {
    if (d.nullCount > 0) {
      let j = 0;
      const bits = d.nullBitmap;
      if (bits && bits.length > 0)
        for (; j < d.length; j++) {
          const pos = d.offset + j;
          if ((bits[pos >> 3] & (1 << (pos & 7))) === 0) break;
        }
      const total = chunks.reduce((s, c) => s + Math.max(c.nullCount, 0), 0);
      throw new RangeError(
        `${fn}: ${name}[${start + j}] is null (an Arrow ${String(type)} vector with ${total} null${total === 1 ? "" : "s"}); nulls are not skipped, since that would misalign paired samples — drop or fill them first`,
      );
    }
    start += d.length;
  }
}
