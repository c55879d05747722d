/** The seed 004 experiment (examples/forward-reverse-kl.ts) on every backend. */
import { describe, expect, it } from "vitest";
import { BACKENDS } from "./backends.js";
import { forwardReverseKl } from "../examples/forward-reverse-kl.js";
import { seed004 } from "./reference/grids.js";

describe.each(BACKENDS)("forward vs reverse KL fit on %s", (name) => {
  it("forward: mean ≈ 0, sd ≈ 3.16; reverse: mean ≈ ±3, sd ≈ 1; numeric KL = closed form to 4 decimals", async () => {
    const r = await forwardReverseKl(name);
    expect(Math.abs(r.forward.mean)).toBeLessThan(0.01);
    expect(Math.abs(r.forward.sd - Math.sqrt(10))).toBeLessThan(0.01);
    expect(Math.abs(Math.abs(r.reverse.mean) - 3)).toBeLessThan(0.05);
    expect(Math.abs(r.reverse.sd - 1)).toBeLessThan(0.05);
    expect(r.numericKl.toFixed(4)).toBe(r.closedFormKl.toFixed(4));
    // the σ parameters agree with seed 004's SciPy run (rectangle rule there, trapezoid here)
    expect(Math.abs(r.forward.sigma - seed004.forwardSd)).toBeLessThan(0.01);
    expect(Math.abs(r.reverse.sigma - seed004.reverseSd)).toBeLessThan(0.01);
    expect(Math.abs(r.reverse.mean - seed004.reverseMean)).toBeLessThan(0.01);
    expect(r.closedFormKl).toBeCloseTo(seed004.closedFormKl, 14);
  }, 30_000);
});
