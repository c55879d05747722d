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

/** Control words of a job, in shared memory (Int32 indices from the control block). */
export const CTL = { next: 0, published: 1, abort: 2, words: 16 } as const;

