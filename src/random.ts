/**
 * The engine's one seeded generator: every option that draws random numbers (`noise` of
 * mutualInfoRegression / mutualInfoClassif, and the permutations and bootstraps to come) takes a
 * `seed` and draws from a `Random`, so a call with the same seed gives the same result on every
 * backend and thread. xoshiro128** (Blackman & Vigna 2018), seeded through splitmix32; 32-bit
 * integer arithmetic only, so the integer stream is identical in every JS runtime.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = NaN;

  /**
   * A generator seeded by `seed` (any finite number); with `stream`, the stream-th of the seed's
   * independent streams (permutation or resample number `stream` of a test: each draws from its
   * own stream, so the result does not depend on how the work is split across threads).
   */
  constructor(seed = 0, stream = 0) {
    // an integer seed: its low 32 bits mixed with the next 21 (so 2^32 and 0 differ); a fraction: its bits
    let s = Number.isInteger(seed) ? (seed >>> 0) ^ Math.imul(Math.floor(seed / 0x100000000) | 0, 0x27d4eb2d) : Math.floor(Math.abs(seed % 1) * 0x100000000) ^ (seed | 0);
    // stream k starts the splitmix32 sequence elsewhere (stream 0 is the seed's own sequence)
    s = (s + Math.imul(stream, 0x632be5ab)) | 0;
    const next = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
  }

  /**
   * The initial states of streams first … first + count − 1 of `seed`, 4 words each (a, b, c, d):
   * what the WASM kernels seed their copy of the generator with (assembly/random.ts).
   */
  static streams(seed: number, first: number, count: number): Uint32Array {
    const out = new Uint32Array(4 * count);
    for (let k = 0; k < count; k++) {
      const r = new Random(seed, first + k);
      out[4 * k] = r.a;
      out[4 * k + 1] = r.b;
      out[4 * k + 2] = r.c;
      out[4 * k + 3] = r.d;
    }
    return out;
  }

  /** A generator in the state `words[4i … 4i + 3]` (as Random.streams lays them out). */
  static fromState(words: Uint32Array, i = 0): Random {
    const r = new Random();
    r.a = words[4 * i];
    r.b = words[4 * i + 1];
    r.c = words[4 * i + 2];
    r.d = words[4 * i + 3];
    return r;
  }

  /** A uniform 32-bit unsigned integer. */
  nextU32(): number {
    const r = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return r;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  uniform(): number {
    return ((this.nextU32() >>> 5) * 67108864 + (this.nextU32() >>> 6)) / 9007199254740992;
  }

  /**
   * A uniform integer in [0, m), 1 ≤ m ≤ 2³² − 1: Lemire's multiply-shift with rejection (Lemire
   * 2019, "Fast random integer generation in an interval"): the high 32 bits of x·m for a 32-bit
   * x, redrawn while the low 32 bits fall below 2³² mod m, so no value is favoured. The same draws
   * as assembly/random.ts, which does the 64-bit product natively.
   */
  below(m: number): number {
    let x = this.nextU32();
    let lo = Math.imul(x, m) >>> 0;
    if (lo < m) {
      const t = (0x100000000 - m) % m;
      while (lo < t) {
        x = this.nextU32();
        lo = Math.imul(x, m) >>> 0;
      }
    }
    return mulHigh(x, m);
  }

  /**
   * Fills `idx` with a uniformly random permutation of 0 … n − 1 (n = idx.length): the identity,
   * then a Fisher–Yates shuffle from the top (position i takes a uniform one of positions 0 … i).
   */
  shuffle(idx: Uint32Array): Uint32Array {
    for (let i = 0; i < idx.length; i++) idx[i] = i;
    for (let i = idx.length - 1; i > 0; i--) {
      const j = this.below(i + 1);
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    return idx;
  }

  /**
   * A standard normal variate: Marsaglia's polar method (a uniform point in the unit disc, by
   * rejection, gives two independent normals with one log and one square root; the second is
   * kept for the next call).
   */
  normal(): number {
    if (this.spare === this.spare) {
      const z = this.spare;
      this.spare = NaN;
      return z;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const f = Math.sqrt((-2 * Math.log(s)) / s);
      this.spare = v * f;
      return u * f;
    }
  }
}

/** ⌊x·m / 2³²⌋ for 32-bit x and m, exactly: x·m = (b + ⌊a/2¹⁶⌋)·2¹⁶ + (a mod 2¹⁶) with a = (x mod 2¹⁶)·m, b = ⌊x/2¹⁶⌋·m (each below 2⁴⁸). */
function mulHigh(x: number, m: number): number {
  const a = (x & 0xffff) * m;
  const b = (x >>> 16) * m;
  return Math.floor((b + Math.floor(a / 65536)) / 65536);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
