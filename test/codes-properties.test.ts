/**
 * Invariants of Huffman codes (fast-check, random seeds in CI): Shannon's bounds H ≤ L < H + 1
 * (Cover & Thomas Theorem 5.4.1 with the optimality of Huffman codes, Theorem 5.8.1), the Kraft
 * equality Σ 2^−ℓ = 1 of a complete prefix code, L = H for dyadic distributions, and invariance
 * to scaling.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { expectedCodeLength, huffmanCodeLengths } from "../src/index.js";

const weights = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 100, noNaN: true })), { minLength: 1, maxLength: 60 }).filter((w) => w.some((v) => v > 0));

function entropyBits(w: number[]): number {
  const s = w.reduce((a, b) => a + b, 0);
  let h = 0;
  for (const v of w) if (v > 0) h -= (v / s) * Math.log2(v / s);
  return h;
}

describe("Huffman properties", () => {
  it("H ≤ L < H + 1, Kraft equality, zero weights get 0", () => {
    fc.assert(
      fc.property(weights, (w) => {
        const L = expectedCodeLength(w);
        const H = entropyBits(w);
        expect(L).toBeGreaterThanOrEqual(H - 1e-12);
        expect(L).toBeLessThan(H + 1);
        const l = huffmanCodeLengths(w);
        const positive = w.filter((v) => v > 0).length;
        let kraft = 0;
        for (let i = 0; i < w.length; i++) {
          if (w[i] === 0) expect(l[i]).toBe(0);
          else kraft += 2 ** -l[i];
        }
        if (positive >= 2) expect(kraft).toBeCloseTo(1, 12);
      }),
      { numRuns: 300 },
    );
  });

  it("dyadic distributions: L = H exactly", () => {
    // a random complete binary tree's leaf depths give a dyadic distribution p_i = 2^−d_i
    const depths = fc.integer({ min: 1, max: 30 }).chain((splits) => fc.array(fc.nat(), { minLength: splits, maxLength: splits })).map((picks) => {
      let leaves = [0];
      for (const k of picks) {
        const i = k % leaves.length;
        const d = leaves[i];
        if (d >= 40) continue;
        leaves = [...leaves.slice(0, i), d + 1, d + 1, ...leaves.slice(i + 1)];
      }
      return leaves;
    });
    fc.assert(
      fc.property(depths, (d) => {
        const p = d.map((k) => 2 ** -k);
        expect(Math.abs(expectedCodeLength(p) - entropyBits(p))).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it("scaling the weights changes nothing", () => {
    fc.assert(
      fc.property(weights, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (w, k) => {
        expect(Array.from(huffmanCodeLengths(w.map((v) => v * 4)))).toEqual(Array.from(huffmanCodeLengths(w)));
        expect(Math.abs(expectedCodeLength(w.map((v) => v * k)) - expectedCodeLength(w))).toBeLessThan(1e-9);
      }),
    );
  });
});
