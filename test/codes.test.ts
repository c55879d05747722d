/**
 * Huffman codes and Fisher information against values from outside our code: textbook examples
 * (Cover & Thomas Example 5.6.1; dyadic sources), heapq Huffman expected lengths and scipy
 * summed/integrated Fisher information (test/reference/channels.py).
 */
import { describe, expect, it } from "vitest";
import { expectedCodeLength, fisherInformation, huffmanCodeLengths, init } from "../src/index.js";
import { fisherCases, huffmanCases } from "./reference/channels.js";

describe("huffmanCodeLengths / expectedCodeLength", () => {
  it("known examples", () => {
    // [0.4, 0.2, 0.2, 0.1, 0.1]: L = 2.2 bits (every optimal code; H = 2.1219 bits)
    expect(expectedCodeLength([0.4, 0.2, 0.2, 0.1, 0.1])).toBeCloseTo(2.2, 15);
    // Cover & Thomas Example 5.6.1: (0.25, 0.25, 0.2, 0.15, 0.15) → lengths (2, 2, 2, 3, 3), L = 2.3
    expect(Array.from(huffmanCodeLengths([0.25, 0.25, 0.2, 0.15, 0.15]))).toEqual([2, 2, 2, 3, 3]);
    expect(expectedCodeLength([0.25, 0.25, 0.2, 0.15, 0.15])).toBeCloseTo(2.3, 15);
    // dyadic: ℓ_i = −log2 p_i and L = H exactly
    expect(Array.from(huffmanCodeLengths([0.5, 0.25, 0.125, 0.125]))).toEqual([1, 2, 3, 3]);
    expect(expectedCodeLength([0.5, 0.25, 0.125, 0.125])).toBe(1.75);
    expect(expectedCodeLength([1, 1, 1, 1, 1, 1, 1, 1])).toBe(3);
    // unnormalised weights are normalised; zero weights get length 0; one symbol gets 0
    expect(Array.from(huffmanCodeLengths([2, 0, 1, 1]))).toEqual([1, 0, 2, 2]);
    expect(Array.from(huffmanCodeLengths([0, 5, 0]))).toEqual([0, 0, 0]);
    expect(expectedCodeLength([7])).toBe(0);
    expect(Array.from(huffmanCodeLengths(Float32Array.from([0.5, 0.5])))).toEqual([1, 1]);
  });

  it("ties are broken by creation order (symbols by index, then merged nodes)", () => {
    // four equal weights: 0+1 → a, 2+3 → b, a+b: all length 2
    expect(Array.from(huffmanCodeLengths([1, 1, 1, 1]))).toEqual([2, 2, 2, 2]);
    // [1, 1, 2]: the symbols 0 and 1 merge (weight 2), then symbol 2 (made before the merged node) … lengths 2, 2, 1
    expect(Array.from(huffmanCodeLengths([1, 1, 2]))).toEqual([2, 2, 1]);
    // [2, 1, 1, 2]: 1+2 → a (2); then of weight 2: symbols 0 and 3 before a → lengths 2, 2, 2, 2
    expect(Array.from(huffmanCodeLengths([2, 1, 1, 2]))).toEqual([2, 2, 2, 2]);
  });

  it("expected lengths of heapq Huffman codes (test/reference/channels.py)", () => {
    for (const c of huffmanCases) {
      expect(expectedCodeLength(c.p)).toBeCloseTo(c.length, 12);
      expect(c.entropy).toBeLessThanOrEqual(expectedCodeLength(c.p) + 1e-12);
    }
  });

  it("the engine carries the same functions", async () => {
    const it2 = await init({ backend: "js" });
    expect(it2.expectedCodeLength([0.4, 0.2, 0.2, 0.1, 0.1])).toBeCloseTo(2.2, 15);
    expect(it2.fisherInformation("poisson", { lambda: 4 })).toBe(0.25);
  });
});

describe("fisherInformation", () => {
  it("closed forms", () => {
    expect(fisherInformation("bernoulli", { p: 0.5 })).toBe(4);
    expect(fisherInformation("binomial", { n: 10, p: 0.5 })).toBe(40);
    expect(fisherInformation("poisson", { lambda: 2 })).toBe(0.5);
    expect(fisherInformation("exponential", { lambda: 2 })).toBe(0.25);
    const n = fisherInformation("normal", { mu: 1, sigma: 2 });
    expect(n.rows).toBe(2);
    expect(Array.from(n.data)).toEqual([0.25, 0, 0, 0.5]);
    const c = fisherInformation("categorical", { p: [0.25, 0.25, 0.5] });
    expect(Array.from(c.data)).toEqual([6, 2, 2, 6]);
  });

  it("scipy sums and integrals of the squared score (test/reference/channels.py)", () => {
    for (const c of fisherCases) {
      const v = fisherInformation(c.family as never, c.params as never) as number | { data: Float64Array };
      if (c.value !== undefined) expect(v as number).toBeCloseTo(c.value, 9);
      else {
        const m = (v as { data: Float64Array }).data;
        expect(m.length).toBe(c.matrix!.length);
        for (let i = 0; i < m.length; i++) expect(Math.abs(m[i] - c.matrix![i])).toBeLessThan(1e-9 * Math.max(1, Math.abs(m[i])));
      }
    }
  });
});
