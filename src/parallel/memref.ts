/**
 * Inputs of a shared-memory job as messages carry them (src/parallel/shared-pool.ts and the
 * worker, which must not import the pool): a MemRef names an array in the shared WASM memory by
 * element type, byte pointer and length; CTL names the job's control words.
 */
type Arr = Float64Array | Float32Array | Int32Array | Uint32Array;
export type ArrCtor = { new (b: ArrayBufferLike, o: number, n: number): Arr; readonly BYTES_PER_ELEMENT: number };

/** An input in shared WASM memory, as a job message carries it: [element type, byte pointer, length]. */
export type MemRef = { mem: [ElementName, number, number] };
export type ElementName = "f64" | "f32" | "i32" | "u32";

const CTORS: Record<ElementName, ArrCtor> = { f64: Float64Array, f32: Float32Array, i32: Int32Array, u32: Uint32Array };

export function elementName(a: Arr): ElementName {
  return a instanceof Float64Array ? "f64" : a instanceof Float32Array ? "f32" : a instanceof Int32Array ? "i32" : "u32";
}

/** A view of shared memory for a MemRef (on the thread's current buffer: growth never detaches shared views). */
export function memView(memory: WebAssembly.Memory, ref: MemRef): Arr {
  const [t, ptr, n] = ref.mem;
  return new CTORS[t](memory.buffer, ptr, n);
}

export function isMemRef(x: unknown): x is MemRef {
  return typeof x === "object" && x !== null && Array.isArray((x as MemRef).mem);
}

/** A task argument as a thread passes it to its kernel: a view of shared memory for a MemRef, else as is. */
export function taskArg(memory: WebAssembly.Memory, a: unknown): unknown {
  return isMemRef(a) ? memView(memory, a) : a;
}

/**
 * Control words of a job, in shared memory (Int32 indices from the control block): `range`
 * packs the tasks not yet taken as front | back << 16 (workers take from the front, the calling
 * thread from the back); `published` counts the tasks whose input is in place (from the front).
 */
export const CTL = { range: 0, published: 1, abort: 2, words: 16 } as const;

/** Most tasks in one job (the range packs two 16-bit indices). */
export const MAX_JOB_TASKS = 0xffff;

/** Takes the next task from the front of the job's range: its index, or -1 when none is left. */
export function takeFront(ctl: Int32Array): number {
  for (;;) {
    const r = Atomics.load(ctl, CTL.range);
    const f = r & 0xffff;
    if (f >= r >>> 16) return -1;
    if (Atomics.compareExchange(ctl, CTL.range, r, r + 1) === r) return f;
  }
}

/** Takes the last task of the job's range: its index, or -1 when none is left. */
export function takeBack(ctl: Int32Array): number {
  for (;;) {
    const r = Atomics.load(ctl, CTL.range);
    const b = r >>> 16;
    if ((r & 0xffff) >= b) return -1;
    if (Atomics.compareExchange(ctl, CTL.range, r, (r & 0xffff) | ((b - 1) << 16)) === r) return b - 1;
  }
}

