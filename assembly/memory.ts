// The scratch arena. The host (src/wasm/) writes inputs here and reads results back; the module
// owns no JS objects and runs no allocator (--runtime stub). Layout, from __heap_base up:
//   [tables]  lookup tables of math.ts, filled once by init()
//   [scratch] SCRATCH_BYTES of room the host divides as each call needs
// Memory never grows after instantiation unless the host asks for more with reserve().

/** Bytes of scratch the module starts with (16 MiB). */
export const SCRATCH_BYTES: usize = 16 << 20;

let scratchStart: usize = 0;

/** Reserve `bytes` at the first 64-byte-aligned address after `offset`; returns that address. */
// @ts-ignore: decorator
@inline export function align64(offset: usize): usize {
  return (offset + 63) & ~(<usize>63);
}

/** Sets where scratch begins (called once by init after the tables are placed). */
export function setScratchStart(at: usize): void {
  scratchStart = align64(at);
  const needed = scratchStart + SCRATCH_BYTES;
  const have = (<usize>memory.size()) << 16;
  if (needed > have) memory.grow(<i32>((needed - have + 0xffff) >> 16));
}

/** First byte of the scratch region. */
export function scratchBase(): usize {
  return scratchStart;
}

/** Bytes available from scratchBase() to the end of memory. */
export function scratchBytes(): usize {
  return ((<usize>memory.size()) << 16) - scratchStart;
}

/** Grows memory so that at least `bytes` of scratch exist; returns the scratch size. */
export function reserveScratch(bytes: usize): usize {
  const have = scratchBytes();
  if (bytes > have) {
    const pages = <i32>((bytes - have + 0xffff) >> 16);
    if (memory.grow(pages) < 0) return 0;
  }
  return scratchBytes();
}
