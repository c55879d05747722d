/**
 * The WASM host: owns one module instance and its scratch region, and provides the chunked
 * copy-in every WASM kernel family uses. Inputs are copied in chunks of whole rows (or segments
 * of a row longer than a chunk, whose partial results are combined pairwise), sized to stay in
 * L2 cache so the copy costs one pass over the input. Memory never grows after instantiation,
 * except once through reserve() for a family that needs a larger table.
 *
 * Scratch layout (bytes from scratchBase()):
 *   op[0], op[1]   CHUNK elements each (8 bytes apiece): the operands
 *   side           2·CHUNK f64: per-row context, marginals
 *   out            6·CHUNK f64: per-row results
 *   extra          from reserve(): family-specific tables, and it.allocate() blocks
 *                  (one heap: src/wasm/resident.ts)
 *
 * Zero-copy: an operand whose buffer is the WASM memory itself (from allocate()) is passed to
 * the kernel by pointer, never copied, and is not cut into chunks (kernels take pointer + length).
 *
 * Threads (a shared memory, src/parallel/shared-pool.ts): the calling thread's host is as above;
 * a pool worker's host is given a region of the shared memory that the calling thread reserved
 * for it, holds its op/side/out regions and its family table there, and never grows memory: a
 * table larger than its region throws a NeedSpace error, on which the pool gives the worker a
 * larger region and runs the call again.
 */
import { Cascade, type Combine } from "../cascade.js";
import type { FloatArray } from "../backend.js";
import { blockOf, ResidentHeap } from "./resident.js";

/** Elements of one operand copied per kernel call. */
export const CHUNK = 1 << 15;

/** f64 values the out region holds (6·CHUNK): a row kernel of width w returns at most OUT_VALUES / w rows per call. */
const OUT_VALUES = 6 * CHUNK;

export type Ptr = number;
export type WasmFn = (...args: number[]) => number;

export interface WasmExports {
  memory: WebAssembly.Memory;
  scratchBase(): Ptr;
  scratchBytes(): number;
  reserveScratch(bytes: number): number;
  [name: string]: unknown;
}

/** A worker's region of shared memory: [base, base + bytes). */
export interface Region {
  base: Ptr;
  bytes: number;
}

/** Bytes of the op/side/out regions (a worker's region holds them, then its table). */
export const STANDARD_BYTES = 10 * CHUNK * 8;

/** Thrown in a pool worker whose table would not fit its region: `bytes` is what it needs. */
export class NeedSpace extends Error {
  constructor(readonly bytes: number) {
    super(`infowasm: a pool worker needs ${bytes} bytes of table space`);
    this.name = "NeedSpace";
  }
}

/** A worker's table: the rest of its region, never grown. */
class RegionTable {
  constructor(
    private readonly start: Ptr,
    private readonly end: Ptr,
  ) {}
  reserveTable(bytes: number): Ptr {
    if (this.start + bytes > this.end) throw new NeedSpace(bytes);
    return this.start;
  }
  lastTable(bytes: number): Ptr {
    return this.reserveTable(bytes);
  }
}

export class WasmHost {
  private f64 = new Float64Array(0);
  private f32 = new Float32Array(0);
  private i32 = new Int32Array(0);
  readonly op: readonly [Ptr, Ptr];
  readonly side: Ptr;
  readonly out: Ptr;
  /** First byte after the standard regions: where reserve() places family tables. */
  readonly extra: Ptr;

  constructor(
    readonly kind: "wasm" | "wasm-simd",
    readonly k: WasmExports,
    /** A pool worker's region of shared memory (else the module's own scratch and heap). */
    readonly region?: Region,
  ) {
    const base = region ? region.base : k.scratchBase();
    const opBytes = CHUNK * 8;
    this.op = [base, base + opBytes];
    this.side = base + 2 * opBytes;
    this.out = this.side + 2 * opBytes;
    this.extra = base + STANDARD_BYTES; // out holds 6·CHUNK f64
    if (region ? this.extra > base + region.bytes : this.extra > base + k.scratchBytes()) throw new Error("infowasm: WASM scratch region too small");
    if (region) this.regionTable = new RegionTable(this.extra, region.base + region.bytes);
  }
  private regionTable?: RegionTable;

  /**
   * Ensures `bytes` for a family table (grows memory at most once per new maximum) and returns
   * where the table starts: the end of the heap (src/wasm/resident.ts), or a pool worker's region.
   */
  reserve(bytes: number): Ptr {
    return (this.regionTable ?? this.heap).reserveTable(bytes);
  }

  /** The table's start, the table made last in the heap first, so that reserve() then grows it in place (the label tables). */
  tableBase(bytes = 64): Ptr {
    return (this.regionTable ?? this.heap).lastTable(bytes);
  }

  /** The heap from `extra` on: family tables and it.allocate() blocks (a pool worker has none: it owns only its region). */
  get heap(): ResidentHeap {
    if (this.region) throw new Error("infowasm: a pool worker's host has no heap");
    if (!this.heapState) {
      const base = this.k.scratchBase();
      this.heapState = new ResidentHeap(
        { memory: this.k.memory, growTo: (end) => this.k.reserveScratch(end - base) >= end - base },
        this.extra,
      );
    }
    return this.heapState;
  }
  private heapState?: ResidentHeap;

  /** True when `src` lives in this module's memory (then it is read in place, by pointer). */
  resident(src: FloatArray | Int32Array): boolean {
    if (src.buffer === this.k.memory.buffer) return true;
    if (src.length === 0 && blockOf(src) !== undefined)
      throw new Error("infowasm: an input view of WASM memory was detached (memory grew during the call); get a live view with it.reattach()");
    return false;
  }

  /** The exported kernel `name` + "F64" or "F32", chosen by the element type of `like`. */
  kernel(name: string, like?: FloatArray): WasmFn {
    const full = like === undefined ? name : name + (like instanceof Float32Array ? "F32" : "F64");
    const fn = this.k[full];
    if (typeof fn !== "function") throw new Error(`infowasm: the ${this.kind} build has no kernel ${full}`);
    return fn as WasmFn;
  }

  /**
   * Runs a row kernel `name{F64,F32}(op0[, op1], rows, cols, [ctx], out)` over a rows×cols
   * batch; `ctx` holds `ctxWidth` f64 per row, copied alongside its rows, or with ctxWidth 0 one
   * context shared by every row (a lookup table of at most 2·CHUNK f64, copied once), as the JS
   * reduceRows reads it. Returns `ops.length` values per row, segments of long rows combined field
   * by field (sum or min).
   */
  rows(name: string, operands: FloatArray[], rows: number, cols: number, ops: readonly Combine[], ctx?: Float64Array, ctxWidth = 0): Float64Array {
    const fn = this.kernel(name, operands[0]);
    // a shared context goes to the side region once; the per-row copies below are then empty
    if (ctx && ctxWidth === 0) this.view64().set(ctx, this.side >> 3);
    if (operands.every((o) => this.resident(o))) return this.rowsInPlace(fn, operands, rows, cols, ops.length, ctx, ctxWidth);
    const inPlace = operands.map((o) => this.resident(o));
    const ptrs = operands.map((_, i) => this.op[i]);
    if (rows * cols <= CHUNK && rows * ops.length <= OUT_VALUES && !inPlace.includes(true)) {
      // the whole batch fits one chunk: copy it in and make one direct kernel call, without the
      // chunking machinery of collect (whose set-up costs about a microsecond, the whole price
      // of a 100-element call)
      for (let i = 0; i < operands.length; i++) this.copyIn(operands[i], 0, rows * cols, ptrs[i]);
      if (ctx) {
        this.view64().set(ctx.subarray(0, rows * ctxWidth), this.side >> 3);
        fn(...ptrs, rows, cols, this.side, this.out);
      } else fn(...ptrs, rows, cols, this.out);
      const at = this.out >> 3;
      return this.view64().slice(at, at + rows * ops.length);
    }
    return this.collect(rows, cols, ops, (r0, r1, c0, c1) => {
      for (let i = 0; i < operands.length; i++) {
        const o = operands[i];
        if (inPlace[i]) ptrs[i] = o.byteOffset + (r0 * cols + c0) * o.BYTES_PER_ELEMENT;
        else this.copyRows(o, cols, r0, r1, c0, c1, this.op[i]);
      }
      if (ctx) {
        this.view64().set(ctx.subarray(r0 * ctxWidth, r1 * ctxWidth), this.side >> 3);
        fn(...ptrs, r1 - r0, c1 - c0, this.side, this.out);
      } else fn(...ptrs, r1 - r0, c1 - c0, this.out);
    });
  }

  /** Zero-copy rows: whole rows by pointer, as many per call as the out (and side) regions hold. */
  private rowsInPlace(fn: WasmFn, operands: FloatArray[], rows: number, cols: number, width: number, ctx: Float64Array | undefined, ctxWidth: number): Float64Array {
    const result = new Float64Array(rows * width);
    const outIndex = this.out >> 3;
    const maxRows = Math.max(1, Math.floor(Math.min(OUT_VALUES / width, ctx && ctxWidth > 0 ? (2 * CHUNK) / ctxWidth : Infinity)));
    for (let r0 = 0; r0 < rows; r0 += maxRows) {
      const r1 = Math.min(r0 + maxRows, rows);
      const at = operands.map((o) => o.byteOffset + r0 * cols * o.BYTES_PER_ELEMENT);
      if (ctx) {
        this.view64().set(ctx.subarray(r0 * ctxWidth, r1 * ctxWidth), this.side >> 3);
        fn(...at, r1 - r0, cols, this.side, this.out);
      } else fn(...at, r1 - r0, cols, this.out);
      result.set(this.view64().subarray(outIndex, outIndex + (r1 - r0) * width), r0 * width);
    }
    return result;
  }

  /**
   * Calls `call(r0, r1, c0, c1)` for each chunk (see blocks); each call must leave `ops.length`
   * f64 per row of the chunk at `out`. Returns them per row, the partials of the segments of a
   * long row combined pairwise field by field (sum or min).
   */
  collect(rows: number, cols: number, ops: readonly Combine[], call: (r0: number, r1: number, c0: number, c1: number) => void): Float64Array {
    const width = ops.length;
    const result = new Float64Array(rows * width);
    const cascade = new Cascade(ops);
    const outIndex = this.out >> 3;
    this.blocks(rows, cols, (r0, r1, c0, c1) => {
      call(r0, r1, c0, c1);
      const mem = this.view64();
      if (c0 === 0 && c1 === cols) {
        result.set(mem.subarray(outIndex, outIndex + (r1 - r0) * width), r0 * width);
      } else {
        if (c0 === 0) cascade.reset();
        cascade.push(mem, outIndex);
        if (c1 === cols) cascade.result(result, r0 * width);
      }
    }, Math.floor(OUT_VALUES / width));
    return result;
  }

  /** Calls `fn(r0, r1, c0, c1)` for chunks of whole rows (at most `maxRows` each), or for segments of one long row. */
  blocks(rows: number, cols: number, fn: (r0: number, r1: number, c0: number, c1: number) => void, maxRows = Infinity): void {
    if (cols <= CHUNK) {
      const step = Math.max(1, Math.min(Math.floor(CHUNK / cols), maxRows));
      for (let r0 = 0; r0 < rows; r0 += step) fn(r0, Math.min(r0 + step, rows), 0, cols);
    } else {
      for (let r = 0; r < rows; r++)
        for (let c0 = 0; c0 < cols; c0 += CHUNK) fn(r, r + 1, c0, Math.min(c0 + CHUNK, cols));
    }
  }

  /** Copies rows [r0, r1) × columns [c0, c1) of a rows×cols operand to `ptr` (contiguous). */
  copyRows(src: FloatArray, cols: number, r0: number, r1: number, c0: number, c1: number, ptr: Ptr): void {
    if (c0 === 0 && c1 === cols) this.copyIn(src, r0 * cols, r1 * cols, ptr);
    else this.copyIn(src, r0 * cols + c0, r0 * cols + c1, ptr);
  }

  /** Copies src[i0, i1) to `ptr`, keeping the element type. */
  copyIn(src: FloatArray | Int32Array, i0: number, i1: number, ptr: Ptr): void {
    if (src instanceof Float32Array) this.view32().set(src.subarray(i0, i1), ptr >> 2);
    else if (src instanceof Int32Array) this.viewI32().set(src.subarray(i0, i1), ptr >> 2);
    else this.view64().set(src.subarray(i0, i1), ptr >> 3);
  }

  /** Views of memory, re-created if the buffer was detached by growth. */
  view64(): Float64Array {
    if (this.f64.buffer !== this.k.memory.buffer) this.f64 = new Float64Array(this.k.memory.buffer);
    return this.f64;
  }
  view32(): Float32Array {
    if (this.f32.buffer !== this.k.memory.buffer) this.f32 = new Float32Array(this.k.memory.buffer);
    return this.f32;
  }
  viewI32(): Int32Array {
    if (this.i32.buffer !== this.k.memory.buffer) this.i32 = new Int32Array(this.k.memory.buffer);
    return this.i32;
  }

  memoryBytes(): number {
    return this.k.memory.buffer.byteLength;
  }

  /**
   * For kernels that read their inputs whole: places `inputs` (each 64-byte aligned), an output
   * of `outLength` elements of 8 (f64) or 4 (i32) bytes and `work` bytes in the family table
   * (reserve(): grown once per new maximum, then reused), copies the inputs in, runs
   * `call(ptrs, out, work)` and returns a copy of the output.
   *   [inputs][out][work]
   * An input that already lives in this memory (an it.allocate() array, the pool's shared memory)
   * is not copied: its pointer is its own address, taken before reserve() may grow memory (growth
   * detaches the view, whose byteOffset then reads 0). Kernels only read their inputs.
   */
  whole<T extends Float64Array | Int32Array>(inputs: WholeInput[], outLength: number, outType: "f64" | "i32", work: number, call: (ptrs: number[], out: Ptr, work: Ptr) => void): T {
    const inPlace = inputs.map((a) => (this.resident(a as FloatArray | Int32Array) ? a.byteOffset : -1));
    let bytes = 0;
    inputs.forEach((a, i) => {
      if (inPlace[i] < 0) bytes += align64(a.byteLength);
    });
    const outBytes = align64(outLength * (outType === "f64" ? 8 : 4));
    const base = this.reserve(bytes + outBytes + work + 64);
    const ptrs: number[] = [];
    let at = align64(base);
    inputs.forEach((a, i) => {
      if (inPlace[i] >= 0) return void ptrs.push(inPlace[i]);
      ptrs.push(at);
      if (a instanceof Float64Array) this.view64().set(a, at >> 3);
      else this.viewI32().set(a, at >> 2);
      at += align64(a.byteLength);
    });
    const out = at;
    call(ptrs, out, out + outBytes);
    return (outType === "f64" ? this.view64().slice(out >> 3, (out >> 3) + outLength) : this.viewI32().slice(out >> 2, (out >> 2) + outLength)) as T;
  }
}

/** An input of WasmHost.whole (a Uint32Array keeps its bits: it is copied through an Int32Array view). */
export type WholeInput = Float64Array | Int32Array | Uint32Array;

const align64 = (x: number) => (x + 63) & ~63;
