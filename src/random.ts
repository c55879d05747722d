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

  constructor(seed = 0) {
    // an integer seed: its low 32 bits mixed with the next 21 (so 2^32 and 0 differ); a fraction: its bits
    let s = Number.isInteger(seed) ? (seed >>> 0) ^ Math.imul(Math.floor(seed / 0x100000000) | 0, 0x27d4eb2d) : Math.floor(Math.abs(seed % 1) * 0x100000000) ^ (seed | 0);
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

  /** A uniform integer in [0, m) (m ≤ 2³², by rejection: no modulo bias). */
  below(m: number): number {
    const limit = 0x100000000 - (0x100000000 % m);
    for (;;) {
      const u = this.nextU32();
      if (u < limit) return u % m;
    }
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

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
