/**
 * Zero-copy input: typed arrays that live in WASM memory (`it.allocate`), and the one heap that
 * places them next to the families' scratch tables (`host.reserve`).
 *
 * The region from `host.extra` to the end of memory is a list of segments, each free, the
 * family table (at most one), or a block (a user's array, or a region the worker pool holds:
 * a worker's scratch, staged input). Blocks go first fit by address; when nothing fits, memory
 * grows and the new space joins the last segment. The table is kept last: when it must grow and
 * is last it grows in place (contents kept, its address unchanged — the label tables rely on
 * that within a call), else it moves to the end (contents not kept: between calls nothing in it
 * is needed). A kernel given an array whose buffer is the WASM memory reads it in place.
 *
 * Shared memory (the threads build, src/parallel/shared-pool.ts): growth never detaches a view
 * of a shared memory, so views stay valid after growth; the detach check applies to the
 * unshared build only.
 *
 * View invalidation: `memory.grow` detaches every view of the old buffer (their length becomes
 * 0). allocate() grows memory when the free space is exhausted, and so may the first call that
 * needs a larger family table; after that, earlier views are dead. Every allocated view is
 * registered, so that passing a detached or released view to any call throws a clear Error
 * instead of computing on nothing or on someone else's data; `reattach(view)` returns a live
 * view of the same block (its contents survive growth).
 */

import { isShared } from "../buffers.js";

const ALIGN = 64;
const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

export type ElementType = "f64" | "f32";
export type ResidentArray = Float64Array | Float32Array;

interface Segment {
  ptr: number;
  bytes: number;
  kind: "free" | "table" | "user" | "raw";
  block?: Block;
}

/** One allocation: alive until released or the engine closes. */
export interface Block {
  readonly ptr: number;
  readonly length: number;
  readonly type: ElementType;
  live: boolean;
  /** The memory the block lives in (undefined for the js backend's plain arrays). */
  readonly memory?: WebAssembly.Memory;
}

const registry = new WeakMap<object, Block>();
/** False until the first view is registered: until then no argument can be one, and the checks skip the lookup. */
let anyRegistered = false;

function describeArg(fn: string, name: string): string {
  return fn ? `${fn}: ${name}` : name;
}

/**
 * Throws when `x` is a view made by allocate() that was released, or detached by memory growth
 * (or whose engine was closed). Called by the argument checks of every public function.
 */
export function checkResident(fn: string, name: string, x: object): void {
  if (!anyRegistered) return;
  const b = registry.get(x);
  if (b === undefined) return;
  if (!b.live) throw new Error(`${describeArg(fn, name)} was released (or its engine closed): a released view must not be used; allocate() a new one`);
  if (b.memory && (x as ResidentArray).buffer !== b.memory.buffer && !isShared((x as ResidentArray).buffer))
    throw new Error(
      `${describeArg(fn, name)} is a view of WASM memory that was detached when memory grew (allocate() or a larger table grows it); get a live view of the same data with it.reattach(view)`,
    );
}

/** The block a view was allocated as, or undefined. */
export function blockOf(x: object): Block | undefined {
  return registry.get(x);
}

function makeView(b: Block): ResidentArray {
  const v = b.memory
    ? b.type === "f32"
      ? new Float32Array(b.memory.buffer, b.ptr, b.length)
      : new Float64Array(b.memory.buffer, b.ptr, b.length)
    : b.type === "f32"
      ? new Float32Array(b.length)
      : new Float64Array(b.length);
  registry.set(v, b);
  anyRegistered = true;
  return v;
}

export function checkAllocArgs(n: unknown, type: unknown): ElementType {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) throw new RangeError(`allocate: n must be an integer ≥ 1, got ${String(n)}`);
  if (type !== "f64" && type !== "f32") throw new TypeError(`allocate: type must be "f64" or "f32", got ${JSON.stringify(type)}`);
  if (n * (type === "f64" ? 8 : 4) > 2 ** 32) throw new RangeError(`allocate: ${n} elements of ${type} exceed the 4 GiB of WASM memory`);
  return type;
}

/** Allocations of the js backend: ordinary typed arrays, registered so release/misuse checks hold. */
export class PlainArrays {
  private readonly blocks = new Set<Block>();

  allocate(n: number, type: ElementType): ResidentArray {
    const block: Block = { ptr: 0, length: n, type, live: true };
    this.blocks.add(block);
    return makeView(block);
  }

  release(x: unknown): void {
    const b = ownBlock(x, this.blocks, "release");
    b.live = false;
    this.blocks.delete(b);
  }

  /** The js backend never detaches its arrays: the same array, once checked. */
  reattach(x: unknown): ResidentArray {
    ownBlock(x, this.blocks, "reattach");
    return x as ResidentArray;
  }

  /** Bytes held by live allocations. */
  allocatedBytes(): number {
    let s = 0;
    for (const b of this.blocks) s += b.length * (b.type === "f64" ? 8 : 4);
    return s;
  }

  close(): void {
    for (const b of this.blocks) b.live = false;
    this.blocks.clear();
  }
}

function ownBlock(x: unknown, blocks: Set<Block>, fn: string): Block {
  const b = typeof x === "object" && x !== null ? registry.get(x) : undefined;
  if (b === undefined || !(blocks.has(b) || !b.live)) throw new TypeError(`${fn}: the argument is not an array returned by allocate() of this engine`);
  if (!b.live) throw new Error(`${fn}: this array was already released`);
  return b;
}

/** What the heap needs of the module: its memory and how to grow it. */
export interface HeapMemory {
  memory: WebAssembly.Memory;
  /** Grows memory so that at least `end` bytes exist (end = byte address); false when it cannot. */
  growTo(end: number): boolean;
}

export class ResidentHeap {
  private readonly segs: Segment[];
  private table: Segment | null = null;
  private readonly blocks = new Set<Block>();

  constructor(
    private readonly mem: HeapMemory,
    start: number,
  ) {
    const s = align(start);
    this.segs = [{ ptr: s, bytes: this.end() - s, kind: "free" }];
  }

  private end(): number {
    return this.mem.memory.buffer.byteLength;
  }

  /**
   * Space for a family table of `bytes` at the end of the heap. Grows in place when the table is
   * last (same address, contents kept); else the table moves to the end (contents not kept).
   */
  reserveTable(bytes: number): number {
    const need = align(Math.max(bytes, 1));
    if (this.table && this.table.bytes >= need) return this.table.ptr;
    return this.lastTable(need);
  }

  /** The table's address with room for `bytes`, moved to the end of the heap first if it is not last. */
  lastTable(bytes: number): number {
    const need = align(Math.max(bytes, 1));
    if (this.table !== this.last()) this.dropTable();
    const tail = this.segs[this.segs.length - 1];
    if (tail.kind !== "free" && tail.kind !== "table") {
      // a block ends the heap: the table starts at the current end
      const oldEnd = this.end();
      if (!this.mem.growTo(oldEnd + need)) throw new RangeError(`infowasm: cannot reserve ${bytes} bytes of WASM memory`);
      this.segs.push({ ptr: oldEnd, bytes: this.end() - oldEnd, kind: "table" });
    } else if (tail.bytes < need) {
      if (!this.mem.growTo(tail.ptr + need)) throw new RangeError(`infowasm: cannot reserve ${bytes} bytes of WASM memory`);
      tail.bytes = this.end() - tail.ptr;
    }
    this.table = this.segs[this.segs.length - 1];
    this.table.kind = "table";
    return this.table.ptr;
  }

  /** A raw block of `bytes` (64-byte aligned) for the pool: a worker's scratch, staged input. */
  rawBlock(bytes: number): number {
    const seg = this.take(bytes, "raw");
    if (!seg) throw new RangeError(`infowasm: cannot grow WASM memory by ${bytes} bytes`);
    return seg.ptr;
  }

  /** Frees a rawBlock. */
  freeRaw(ptr: number): void {
    const seg = this.segs.find((s) => s.ptr === ptr && s.kind === "raw");
    if (!seg) return;
    seg.kind = "free";
    this.coalesce();
  }

  allocate(n: number, type: ElementType): ResidentArray {
    const bytes = n * (type === "f64" ? 8 : 4);
    const seg = this.take(bytes, "user");
    if (!seg) throw new RangeError(`allocate: cannot grow WASM memory by ${bytes} bytes`);
    const block: Block = { ptr: seg.ptr, length: n, type, live: true, memory: this.mem.memory };
    seg.block = block;
    this.blocks.add(block);
    return makeView(block);
  }

  release(x: unknown): void {
    const b = ownBlock(x, this.blocks, "release");
    b.live = false;
    this.blocks.delete(b);
    const seg = this.segs.find((s) => s.block === b);
    if (seg) {
      seg.kind = "free";
      seg.block = undefined;
      this.coalesce();
    }
  }

  reattach(x: unknown): ResidentArray {
    return makeView(ownBlock(x, this.blocks, "reattach"));
  }

  /** Bytes held by live allocations. */
  allocatedBytes(): number {
    let s = 0;
    for (const seg of this.segs) if (seg.kind === "user") s += seg.bytes;
    return s;
  }

  /** Invalidates every allocation (the engine closed). */
  close(): void {
    for (const b of this.blocks) b.live = false;
    this.blocks.clear();
  }

  /** First fit by address; when nothing fits, memory grows (a table that ends the heap gives up its place: contents not kept). */
  private take(bytes: number, kind: "user" | "raw"): Segment | null {
    const need = align(Math.max(bytes, 1));
    let i = this.segs.findIndex((s) => s.kind === "free" && s.bytes >= need);
    if (i < 0) {
      if (this.table === this.last()) this.dropTable();
      const tail = this.segs[this.segs.length - 1];
      const tailFree = tail.kind === "free" ? tail.bytes : 0;
      const oldEnd = this.end();
      if (!this.mem.growTo(oldEnd + need - tailFree)) return null;
      const added = this.end() - oldEnd;
      if (tail.kind === "free") tail.bytes += added;
      else this.segs.push({ ptr: oldEnd, bytes: added, kind: "free" });
      i = this.segs.length - 1;
      if (this.segs[i].bytes < need) return null;
    }
    const seg = this.segs[i];
    if (seg.bytes > need) this.segs.splice(i + 1, 0, { ptr: seg.ptr + need, bytes: seg.bytes - need, kind: "free" });
    seg.bytes = need;
    seg.kind = kind;
    return seg;
  }

  private last(): Segment {
    return this.segs[this.segs.length - 1];
  }

  /** Frees the family table, if any (its contents are not kept). */
  private dropTable(): void {
    if (!this.table) return;
    this.table.kind = "free";
    this.table = null;
    this.coalesce();
  }

  private coalesce(): void {
    for (let i = this.segs.length - 2; i >= 0; i--) {
      const a = this.segs[i];
      const b = this.segs[i + 1];
      if (a.kind === "free" && b.kind === "free") {
        a.bytes += b.bytes;
        this.segs.splice(i + 1, 1);
      }
    }
  }
}
