/**
 * The small-call fast path (src/js/discrete-small.ts) against the backends' kernels, the
 * overflow-free KL, and the error messages of both paths.
 *
 * Fast path vs kernel: a vector of n ≤ smallMax(backend) elements takes the fused JS loop; the
 * same data as a 1-row matrix always runs the backend's kernel (WASM table-based ln, blocked SIMD
 * sums). Property (fast-check, sizes around each threshold): they agree to 1e-12 relative, plus
 * 1e-14 absolute for results that are a small difference of O(ln S) terms (ln S − T/S with one
 * dominant weight cancels; both paths use that formula and round it alike).
 *
 * Extremes: values from mpmath at 50 digits on the exact float64 inputs
 * (python3 test/reference/discrete_scipy.py, "extreme" lines).
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { BACKENDS, engine, close } from "./backends.js";
import type { Engine } from "../src/engine.js";
import { smallMax } from "../src/js/discrete-small.js";

const row = (a: ArrayLike<number>, Ctor: Float64ArrayConstructor | Float32ArrayConstructor = Float64Array) => ({ data: Ctor.from(a), rows: 1, cols: a.length });
const agree = (a: number, b: number) => (a === Infinity && b === Infinity) || close(a, b, 1e-12, 1e-14);

const weight = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 6, arbitrary: fc.double({ min: 1e-6, max: 1e3, noNaN: true }) },
);
/** p, q of one length n in [lo, hi], each with some positive weight (zeros allowed). */
const pairs = (lo: number, hi: number) =>
  fc.integer({ min: lo, max: hi }).chain((n) =>
    fc.tuple(
      fc.array(weight, { minLength: n, maxLength: n }).filter((a) => a.some((v) => v > 0)),
      fc.array(weight, { minLength: n, maxLength: n }).filter((a) => a.some((v) => v > 0)),
    ),
  );

describe.each(BACKENDS)("small-call fast path (%s)", (name) => {
  let e: Engine;
  let js: Engine;
  let max: number;
  beforeAll(async () => {
    e = await engine(name);
    js = await engine("js");
    max = smallMax(name);
  });

  it("threshold is measured per backend (js: one kernel block)", () => {
    expect(max).toBe(name === "js" ? 1024 : name === "wasm" ? 96 : 64);
  });

  for (const sizes of ["tiny", "threshold"] as const) {
    it(`agrees with the backend kernel to 1e-12 (float64, sizes ${sizes === "tiny" ? "1–48" : "around the threshold"})`, () => {
      const arb = sizes === "tiny" ? pairs(1, 48) : pairs(max - 24, max + 8);
      fc.assert(
        fc.property(arb, ([p, q]) => {
          const P = Float64Array.from(p), Q = Float64Array.from(q);
          const checks: [string, number, number][] = [
            ["entropy", e.entropy(P), e.entropy(row(p))[0]],
            ["klDivergence", e.klDivergence(P, Q), e.klDivergence(row(p), row(q))[0]],
            ["crossEntropy", e.crossEntropy(P, Q), e.crossEntropy(row(p), row(q))[0]],
            ["jsDivergence", e.jsDivergence(P, Q), e.jsDivergence(row(p), row(q))[0]],
            // squared: √ would amplify the absolute rounding of a tiny divergence
            ["jsDistance²", e.jsDistance(p, q) ** 2, e.jsDistance(row(p), row(q))[0] ** 2],
            ["entropy bits", e.entropy(p, { base: "bits" }), e.entropy(row(p), { base: "bits" })[0]],
          ];
          for (const [what, fast, kernel] of checks) if (!agree(fast, kernel)) throw new Error(`${what} n=${p.length}: fast ${fast}, kernel ${kernel}`);
          const s = e.surprisal(P), sk = e.surprisal(row(p));
          for (let i = 0; i < s.length; i++) if (!(s[i] === sk[i] || agree(s[i], sk[i]))) throw new Error(`surprisal[${i}]: ${s[i]} vs ${sk[i]}`);
        }),
        { numRuns: 60 },
      );
    });
  }

  // (wasm-simd's own float32 kernels work in float32 lanes, 1e-6: README Accuracy)
  it("float32 vectors: the fast path is the float64 reference (js kernel) to 1e-12", () => {
    fc.assert(
      fc.property(pairs(1, max), ([p, q]) => {
        const P = Float32Array.from(p), Q = Float32Array.from(q);
        return agree(e.klDivergence(P, Q), js.klDivergence(row(p, Float32Array), row(q, Float32Array))[0]) &&
          agree(e.entropy(P), js.entropy(row(p, Float32Array))[0]);
      }),
      { numRuns: 40 },
    );
  });

  it("the same error messages on the fast path (n = 4) and the kernel path (n = 2000)", () => {
    for (const n of [4, 2000]) {
      const ok = new Array(n).fill(1);
      const bad = (i: number, v: number) => ok.map((x, j) => (j === i ? v : x));
      expect(() => e.entropy(bad(2, -1))).toThrow(new RangeError("entropy: p[2] is -1; weights must be finite and non-negative"));
      expect(() => e.klDivergence(ok, bad(3, NaN))).toThrow(new RangeError("klDivergence: q[3] is NaN; weights must be finite and non-negative"));
      expect(() => e.crossEntropy(bad(1, Infinity), ok)).toThrow(new RangeError("crossEntropy: p[1] is Infinity; weights must be finite and non-negative"));
      expect(() => e.jsDivergence(ok, ok.map(() => 0))).toThrow(new RangeError("jsDivergence: q sums to 0; it needs at least one positive weight"));
      expect(() => e.klDivergence(ok, ok.slice(1))).toThrow(new RangeError(`klDivergence: p has length ${n} but q has length ${n - 1}`));
      expect(() => e.entropy(ok.map((v, j) => (j === 1 ? "x" : v)) as unknown as number[])).toThrow(new TypeError("entropy: p[1] is string, expected a number"));
      expect(() => e.entropy(ok, { base: 1 })).toThrow(new RangeError("entropy: base must be a positive finite number ≠ 1, got 1"));
      expect(e.klDivergence(ok, bad(0, 0))).toBe(Infinity);
      expect(e.crossEntropy(ok, bad(0, 0))).toBe(Infinity);
    }
  });

  it("a released allocate() view throws on the fast path too", () => {
    const v = e.allocate(4);
    v.set([1, 2, 3, 4]);
    expect(close(e.entropy(v), e.entropy([1, 2, 3, 4]))).toBe(true);
    e.release(v);
    expect(() => e.entropy(v)).toThrow(/released/);
  });

  // D(p‖q) where p/q overflows or underflows float64 (scipy.special.rel_entr fixed the same bug):
  // mpmath values; vectors (fast path) and padded 1-row matrices (the kernels' SIMD and scalar loops)
  const extremes: [string, number[], number[] | null, number][] = [
    ["kl", [1, 0], [2.2e-309, 1], 710.7103363747958],
    ["kl", [1e-20, 0], [1e305, 1], 0],
    ["kl", [1e-10, 1], [1e300, 1], 690.7755278267335],
    ["kl", [1e300, 1], [1e-10, 1e-300], 0],
    ["kl", [5e-324, 1], [1, 5e-324], 744.4400719213812],
    ["kl", [1e-310, 2e-310, 3e-310], [1, 1, 1], 0.08720802396075797],
    ["ce", [1, 0], [2.2e-309, 1], 710.7103363747958],
    ["ce", [1e-315, 2e-315], [1, 3], 0.653886168071388],
    ["entropy", [1e-310, 2e-310, 3e-310, 0, 1e-320], null, 1.011404265120784],
    ["entropy", [5e-324, 5e-324, 1e-323], null, 1.0397207708399179],
    ["js", [2.2e-309, 0], [1, 1], 0.2157615543388357],
    ["js", [1e-320, 3e-320], [1, 1e-300], 0.38039566584857787],
  ];
  it.each(extremes)("extreme %s(%j, %j) = %d (mpmath)", (kind, p, q, want) => {
    const f = (a: any, b: any): number | Float64Array =>
      kind === "kl" ? e.klDivergence(a, b) : kind === "ce" ? e.crossEntropy(a, b) : kind === "js" ? e.jsDivergence(a, b) : e.entropy(a);
    for (const pad of [0, 3, 9]) {
      const P = [...p, ...new Array(pad).fill(0)];
      const Q = q && [...q, ...new Array(pad).fill(0)];
      for (const got of [f(P, Q) as number, (f(row(P), Q && row(Q)) as Float64Array)[0]]) {
        expect(Number.isFinite(got), `pad ${pad}: ${got}`).toBe(true);
        expect(close(got, want, 1e-12, 1e-300), `pad ${pad}: got ${got}, want ${want}`).toBe(true);
      }
    }
  });

  // the same pattern in the other divergence kernels
  it("klDivergenceGrid with g = 2.2e-309 at two points: 0.15·ln(1/2.2e-309) (trapezoid, dx = 0.1)", () => {
    for (const n of [11, 12]) {
      const f = new Float64Array(n).fill(1);
      const g = new Float64Array(n).fill(1);
      g[0] = g[1] = 2.2e-309;
      // weights dx/2 at the first point, dx at the second; ln(1/2.2e-309) = 710.7103363747958 (mpmath)
      expect(close(e.klDivergenceGrid(f, g, { dx: 0.1 }), 0.15 * 710.7103363747958, 1e-12)).toBe(true);
    }
  });

  it.each([
    ["[[1e200, 0], [0, 1e200]] (r·c overflows)", [[1e200, 0, 0, 0, 0], [0, 1e200, 0, 0, 0]], Math.LN2],
    ["[[1e-200, 0], [0, 1e-200]] (r·c underflows)", [[1e-200, 0, 0, 0, 0], [0, 1e-200, 0, 0, 0]], Math.LN2],
    // mpmath: 0.34657359027997265470861606072908828 (= ln 2 / 2)
    ["[[1e300, 1e300, 0], [1e300, 0, 1e300]]", [[1e300, 1e300, 0, 0, 0], [1e300, 0, 0, 0, 1e300]], Math.LN2 / 2],
  ])("mutualInformation of %s", (_, table, want) => {
    expect(close(e.mutualInformation(table), want, 1e-12)).toBe(true);
    expect(close(e.mutualInformation(table.map((r) => r.slice(0, 2).concat(r.slice(4)))), want, 1e-12)).toBe(true);
  });
});
