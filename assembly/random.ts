// The engine's seeded generator in WASM: xoshiro128** (Blackman & Vigna 2018) and Lemire's
// bounded integers, the twin of src/random.ts draw for draw. The host seeds it with a stream's
// state (Random.streams: splitmix32 of the seed and the stream number, computed in TypeScript),
// so a permutation or resample draws the same numbers on every backend and thread.
//
// The state lives in globals: each instance (each pool worker) has its own.

let s0: u32 = 0;
let s1: u32 = 0;
let s2: u32 = 0;
let s3: u32 = 0;

/** Loads state number `i` (4 words) from `states`. */
export function seedFrom(states: usize, i: i32): void {
  const p = states + (<usize>i << 4);
  s0 = load<u32>(p);
  s1 = load<u32>(p, 4);
  s2 = load<u32>(p, 8);
  s3 = load<u32>(p, 12);
}

/** A uniform 32-bit integer. */
// @ts-ignore: decorator
@inline export function nextU32(): u32 {
  const r = rotl<u32>(s1 * 5, 7) * 9;
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = rotl<u32>(s3, 11);
  return r;
}

/** A uniform integer in [0, m), 1 ≤ m < 2³²: the high word of x·m, redrawn while the low word is below 2³² mod m. */
// @ts-ignore: decorator
@inline export function below(m: u32): u32 {
  let p = <u64>nextU32() * <u64>m;
  if (<u32>p < m) {
    const t: u32 = (<u32>0 - m) % m;
    while (<u32>p < t) p = <u64>nextU32() * <u64>m;
  }
  return <u32>(p >> 32);
}
