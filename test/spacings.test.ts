/** differentialEntropy from samples: every method equals scipy.stats.differential_entropy. */
import { describe, expect, it } from "vitest";
import { close } from "./backends.js";
import { differentialEntropy, type SpacingMethod } from "../src/index.js";
import { differentialEntropy as cases } from "./reference/grids.js";

const near = (got: number, want: number) => {
  if (!close(got, want, 1e-12, 1e-14)) throw new Error(`got ${got}, want ${want}`);
};

describe("differentialEntropy (m-spacing estimators)", () => {
  for (const c of cases) {
    it(`n = ${c.samples.length}: ${c.source}`, () => {
      for (const m of Object.keys(c.expected)) near(differentialEntropy(c.samples, { method: m as SpacingMethod }), c.expected[m]);
      for (const m of Object.keys(c.expectedWindow)) near(differentialEntropy(c.samples, { method: m as SpacingMethod, windowLength: c.window }), c.expectedWindow[m]);
      near(differentialEntropy(c.samples, { base: 2 }), c.expectedBits);
    });
  }

  it("approaches the Gaussian entropy for a large sample; case-insensitive methods", () => {
    const n = 20000;
    // deterministic normal quantiles: the Vasicek estimate converges to ½ ln(2πe σ²)
    const inv = (p: number) => Math.SQRT2 * erfinv(2 * p - 1);
    const s = Array.from({ length: n }, (_, i) => 2 * inv((i + 0.5) / n));
    expect(Math.abs(differentialEntropy(s, { method: "vasicek" }) - 0.5 * Math.log(2 * Math.PI * Math.E * 4))).toBeLessThan(0.02);
    expect(differentialEntropy(s.slice(0, 50), { method: "Ebrahimi" as SpacingMethod })).toBe(differentialEntropy(s.slice(0, 50), { method: "ebrahimi" }));
  });

  it("errors: window too large, bad method, non-finite samples", () => {
    expect(() => differentialEntropy([1, 2, 3, 4], { windowLength: 2 })).toThrow(/window length \(2\) must be positive and less than half the sample size \(4\)/);
    expect(() => differentialEntropy([1, 2])).toThrow(/window length/);
    expect(() => differentialEntropy([1, 2, 3, 4, 5], { method: "kozachenko" as SpacingMethod })).toThrow(/method must be one of/);
    expect(() => differentialEntropy([1, 2, NaN, 4, 5])).toThrow(/samples\[2\] is NaN/);
  });
});

/** Inverse error function (Giles 2010 single-precision start + two Newton steps on erf). */
function erfinv(y: number): number {
  let w = -Math.log((1 - y) * (1 + y));
  let x: number;
  if (w < 5) {
    w -= 2.5;
    x = 2.81022636e-8;
    for (const c of [3.43273939e-7, -3.5233877e-6, -4.39150654e-6, 0.00021858087, -0.00125372503, -0.00417768164, 0.246640727, 1.50140941]) x = c + x * w;
  } else {
    w = Math.sqrt(w) - 3;
    x = -0.000200214257;
    for (const c of [0.000100950558, 0.00134934322, -0.00367342844, 0.00573950773, -0.0076224613, 0.00943887047, 1.00167406, 2.83297682]) x = c + x * w;
  }
  x *= y;
  for (let k = 0; k < 2; k++) x -= (erf(x) - y) / ((2 / Math.sqrt(Math.PI)) * Math.exp(-x * x));
  return x;
}

function erf(x: number): number {
  // series / continued fraction accurate to ~1e-15 for |x| < 6
  const t = Math.abs(x);
  if (t < 2.5) {
    let sum = 0, term = t, k = 0;
    while (Math.abs(term) > 1e-17 * Math.abs(sum) || k < 3) {
      sum += term / (2 * k + 1);
      k++;
      term *= (-t * t) / k;
      if (k > 200) break;
    }
    return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * sum;
  }
  let f = 0;
  for (let k = 60; k >= 1; k--) f = (k / 2) / (t + f);
  return Math.sign(x) * (1 - Math.exp(-t * t) / Math.sqrt(Math.PI) / (t + f));
}
