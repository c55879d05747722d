import type { Base, UnitOptions } from "./types.js";
import { checkBase } from "./validate.js";

/**
 * ln of the log base of `base`: divide a quantity in nats by it to express it in that base.
 * "nats" → 1, "bits" → ln 2, "hartleys" → ln 10, a number b > 0, b ≠ 1 → ln b.
 */
export function lnBase(base: Base | undefined, fn: string): number {
  if (base === undefined || base === "nats") return 1;
  if (base === "bits") return Math.LN2;
  if (base === "hartleys") return Math.LN10;
  checkBase(base, fn);
  return Math.log(base);
}

/** lnBase of an optional options object, without allocating a default `{}` (small calls run this on every call). */
export function lnBaseOf(opts: UnitOptions | undefined, fn: string): number {
  return opts === undefined ? 1 : lnBase(opts.base, fn);
}
