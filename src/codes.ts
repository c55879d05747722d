/**
 * Codes and Fisher information: optimal prefix-code lengths (Huffman 1952) with their expected
 * length, and the Fisher information of common families in closed form. Pure TypeScript, no
 * backend: the inputs are small.
 *
 * Papers: D. A. Huffman, "A method for the construction of minimum-redundancy codes", Proc. IRE
 * 40(9), 1098–1101 (1952); Cover & Thomas, Elements of Information Theory (2nd ed.), §5.6–5.8
 * (H ≤ L < H + 1) and §11.10 (Fisher information).
 */
import { finiteArg } from "./gaussian.js";
import type { Matrix, Vector } from "./types.js";
import { describe, scanError, vectorArg, weightsSum } from "./validate.js";

/** The weights p (finite, non-negative, positive sum) as float64. */
function weightsArg(fn: string, p: unknown): Float64Array {
  const v = vectorArg(fn, "p", p);
  weightsSum(fn, "p", v);
  return v.data instanceof Float64Array ? v.data : Float64Array.from(v.data);
}

/**
 * Codeword lengths (in binary digits) of a Huffman code for the weights p (normalisation does
 * not matter): the two lightest nodes are merged until one is left, and a symbol's length is its
 * depth. Zero weights get length 0 (no codeword); a single positive weight gets length 0.
 * Ties are broken deterministically: of equal weights, the node made first is taken first (the
 * symbols in index order come before every merged node, and merged nodes in order of creation).
 * Σ 2^−ℓ = 1 over the positive weights (a complete code) when there are at least two of them.
 */
export function huffmanCodeLengths(p: Vector): Int32Array {
  const w = weightsArg("huffmanCodeLengths", p);
  return huffmanLengths(w);
}

function huffmanLengths(w: Float64Array): Int32Array {
  const n = w.length;
  const lengths = new Int32Array(n);
  // nodes 0 … n − 1 are the symbols, n … the merged nodes; parent[i] the node i was merged into
  const weight = new Float64Array(2 * n);
  const parent = new Int32Array(2 * n).fill(-1);
  const heap: number[] = [];
  const less = (a: number, b: number) => weight[a] < weight[b] || (weight[a] === weight[b] && a < b);
  const push = (i: number) => {
    heap.push(i);
    let c = heap.length - 1;
    while (c > 0) {
      const up = (c - 1) >> 1;
      if (!less(heap[c], heap[up])) break;
      [heap[c], heap[up]] = [heap[up], heap[c]];
      c = up;
    }
  };
  const pop = (): number => {
    const top = heap[0];
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < heap.length && less(heap[l], heap[m])) m = l;
        if (r < heap.length && less(heap[r], heap[m])) m = r;
        if (m === c) break;
        [heap[c], heap[m]] = [heap[m], heap[c]];
        c = m;
      }
    }
    return top;
  };
  for (let i = 0; i < n; i++) {
    weight[i] = w[i];
    if (w[i] > 0) push(i);
  }
  let next = n;
  while (heap.length > 1) {
    const a = pop();
    const b = pop();
    weight[next] = weight[a] + weight[b];
    parent[a] = parent[b] = next;
    push(next++);
  }
  // depth of each symbol: parents always have larger indices, so one pass from the top down
  const depth = new Int32Array(2 * n);
  for (let i = next - 1; i >= 0; i--) if (parent[i] >= 0) depth[i] = depth[parent[i]] + 1;
  for (let i = 0; i < n; i++) lengths[i] = w[i] > 0 ? depth[i] : 0;
  return lengths;
}

/**
 * Expected length L = Σ p_i ℓ_i (bits) of the Huffman code of p (huffmanCodeLengths), p
 * normalised: H(p) ≤ L < H(p) + 1, with L = H(p) exactly when every p_i is a power of 2.
 */
export function expectedCodeLength(p: Vector): number {
  const w = weightsArg("expectedCodeLength", p);
  const l = huffmanLengths(w);
  let s = 0;
  let L = 0;
  for (let i = 0; i < w.length; i++) {
    s += w[i];
    L += w[i] * l[i];
  }
  return L / s;
}

// ---- Fisher information ----

/** The families fisherInformation knows. */
export type FisherFamily = "bernoulli" | "binomial" | "poisson" | "normal" | "exponential" | "categorical";

/** Parameters of each family (λ the rate; σ the standard deviation). */
export interface FisherParams {
  bernoulli: { p: number };
  binomial: { n: number; p: number };
  poisson: { lambda: number };
  normal: { mu: number; sigma: number };
  exponential: { lambda: number };
  categorical: { p: Vector };
}

const FAMILIES: readonly FisherFamily[] = ["bernoulli", "binomial", "poisson", "normal", "exponential", "categorical"];

/** A probability strictly between 0 and 1 (where the information is finite). */
function probability(fn: string, name: string, v: unknown): number {
  const p = finiteArg(fn, name, v);
  if (!(p > 0 && p < 1)) throw new RangeError(`${fn}: ${name} must be in (0, 1) (the information is infinite at 0 and 1), got ${p}`);
  return p;
}

function positive(fn: string, name: string, v: unknown): number {
  const x = finiteArg(fn, name, v);
  if (!(x > 0)) throw new RangeError(`${fn}: ${name} must be > 0, got ${x}`);
  return x;
}

/**
 * Fisher information I(θ) = E[(∂/∂θ ln f(X; θ))²] of one observation, in closed form:
 *   "bernoulli" { p }       1/(p(1 − p))
 *   "binomial" { n, p }     n/(p(1 − p))
 *   "poisson" { lambda }    1/λ
 *   "exponential" { lambda } 1/λ² (λ the rate)
 *   "normal" { mu, sigma }  the 2×2 Matrix diag(1/σ², 2/σ²) for θ = (μ, σ)
 *   "categorical" { p }     the (K−1)×(K−1) Matrix diag(1/p_i) + 1/p_K for θ = (p_1 … p_{K−1})
 * (p_K = 1 − Σ the others; p must sum to 1 within 1e-9, every p_i > 0, K ≥ 2).
 */
export function fisherInformation<F extends FisherFamily>(family: F, params: FisherParams[F]): F extends "normal" | "categorical" ? Matrix : number;
export function fisherInformation(family: FisherFamily, params: FisherParams[FisherFamily]): number | Matrix {
  const fn = "fisherInformation";
  if (typeof family !== "string") throw new TypeError(`${fn}: family must be a string, one of ${FAMILIES.map((f) => `"${f}"`).join(", ")}, got ${describe(family)}`);
  if (!FAMILIES.includes(family)) throw new RangeError(`${fn}: family must be one of ${FAMILIES.map((f) => `"${f}"`).join(", ")}, got "${family}"`);
  if (typeof params !== "object" || params === null) throw new TypeError(`${fn}: params must be an object for family "${family}", got ${describe(params)}`);
  const q = params as Record<string, unknown>;
  switch (family) {
    case "bernoulli": {
      const p = probability(fn, "p", q.p);
      return 1 / (p * (1 - p));
    }
    case "binomial": {
      const n = q.n;
      if (typeof n !== "number" || !Number.isInteger(n)) throw new TypeError(`${fn}: n must be an integer, got ${describe(n)}`);
      if (n < 1) throw new RangeError(`${fn}: n must be ≥ 1, got ${n}`);
      const p = probability(fn, "p", q.p);
      return n / (p * (1 - p));
    }
    case "poisson":
      return 1 / positive(fn, "lambda", q.lambda);
    case "exponential": {
      const l = positive(fn, "lambda", q.lambda);
      return 1 / (l * l);
    }
    case "normal": {
      finiteArg(fn, "mu", q.mu);
      const s = positive(fn, "sigma", q.sigma);
      const v = 1 / (s * s);
      return { data: Float64Array.of(v, 0, 0, 2 * v), rows: 2, cols: 2 };
    }
    case "categorical": {
      const v = vectorArg(fn, "p", q.p);
      const K = v.cols;
      if (K < 2) throw new RangeError(`${fn}: p must have at least 2 categories, got ${K}`);
      const e = scanError(fn, "p", v, 0, K, (x) => x > 0 && x < 1, "categorical probabilities must be in (0, 1)");
      if (e) throw e;
      let s = 0;
      for (let i = 0; i < K; i++) s += v.data[i];
      if (!(Math.abs(s - 1) <= 1e-9)) throw new RangeError(`${fn}: p sums to ${s}; categorical probabilities must sum to 1 (within 1e-9)`);
      const m = K - 1;
      const last = 1 / v.data[m];
      const data = new Float64Array(m * m).fill(last);
      for (let i = 0; i < m; i++) data[i * m + i] += 1 / v.data[i];
      return { data, rows: m, cols: m };
    }
  }
  throw new RangeError(`${fn}: unknown family "${String(family)}"`);
}

/**
 * Codes and Fisher information. The engine's public methods of this family, installed on Engine by
 * src/engine.ts (see src/facade.ts); the same functions are exported on their own.
 */
export abstract class CodeMethods {
  /** Lengths of a Huffman code for weights p (zero weight → 0; one symbol → 0). */
  huffmanCodeLengths(p: Vector): Int32Array {
    return huffmanCodeLengths(p);
  }

  /** Σ p ℓ (bits) of the Huffman code of p: H ≤ L < H + 1. */
  expectedCodeLength(p: Vector): number {
    return expectedCodeLength(p);
  }

  /** Fisher information of a family in closed form (a number, or a Matrix for "normal" and "categorical"). */
  fisherInformation<F extends FisherFamily>(family: F, params: FisherParams[F]): F extends "normal" | "categorical" ? Matrix : number {
    return fisherInformation(family, params);
  }
}
