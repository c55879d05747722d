/**
 * Pairwise combination of partial results, so that the rounding error of a long sum grows
 * with log n rather than n (as NumPy's pairwise summation). Partials arrive in order (one per
 * block or chunk); a binary-counter stack adds equal-sized groups together, as a balanced
 * tree would. Each field is combined by sum, or by min (for the validation minima).
 */
export const SUM = 0;
export const MIN = 1;
export type Combine = typeof SUM | typeof MIN;

const LEVELS = 64;

export class Cascade {
  private readonly stack: Float64Array;
  private readonly carry: Float64Array;
  private count = 0;

  constructor(private readonly ops: readonly Combine[]) {
    this.stack = new Float64Array(LEVELS * ops.length);
    this.carry = new Float64Array(ops.length);
  }

  /** Forget everything pushed so far. */
  reset(): void {
    this.count = 0;
  }

  /** Adds one partial result: `part[offset .. offset + width)`. */
  push(part: ArrayLike<number>, offset = 0): void {
    const w = this.ops.length;
    const carry = this.carry;
    for (let f = 0; f < w; f++) carry[f] = part[offset + f];
    let level = 0;
    let n = this.count;
    while (n & 1) {
      this.merge(carry, level);
      n >>>= 1;
      level++;
    }
    this.stack.set(carry, level * w);
    this.count++;
  }

  /** Writes the combination of everything pushed into `out[offset ..]`. */
  result(out: Float64Array, offset = 0): void {
    const w = this.ops.length;
    let first = true;
    for (let level = 0, n = this.count; n > 0; level++, n >>>= 1) {
      if (!(n & 1)) continue;
      if (first) {
        for (let f = 0; f < w; f++) this.carry[f] = this.stack[level * w + f];
        first = false;
      } else this.merge(this.carry, level);
    }
    if (first) for (let f = 0; f < w; f++) out[offset + f] = this.ops[f] === MIN ? Infinity : 0;
    else for (let f = 0; f < w; f++) out[offset + f] = this.carry[f];
  }

  private merge(into: Float64Array, level: number): void {
    const w = this.ops.length;
    const base = level * w;
    for (let f = 0; f < w; f++) {
      const a = this.stack[base + f];
      const b = into[f];
      into[f] = this.ops[f] === MIN ? (a < b || a !== a ? a : b) : a + b;
    }
  }
}
