/**
 * The decision-tree split kernel in plain JS: the readable reference of assembly/trees.ts, the
 * same sweep with the same operations in the same order (so both backends pick the same split
 * and the same counts). The sort here is the plain LSD radix sort of the whole keys; WASM sorts by
 * the high halves first and then the runs that share them, which gives the same sequence of keys.
 *
 * Per column: each value x (−0 taken as 0) becomes a sortable 64-bit key, held as two u32 halves
 * (the IEEE bits with the sign bit flipped for x ≥ 0, all bits flipped for x < 0: unsigned key
 * order = numeric order, equal keys = equal values); keys and class ids are sorted by an LSD radix
 * sort over eight 8-bit digits, skipping a digit every key shares; then one
 * sweep moves the samples from right to left in value order, keeping per side the class counts
 * and S = Σ_k t[count_k] (t[i] = i ln i for entropy, from the engine, updated in O(1) per sample
 * with a TwoSum compensation; for Gini S = Σ_k count_k², updated by ±(2c ± 1), exact in float64
 * since S ≤ n² < 2^53, so it equals the table's i² sums and needs no compensation). At each
 * boundary between distinct values:
 *   entropy  P = S_L − t[n_L] + S_R − t[n_R]  (= −n × the weighted child entropy, nats)
 *   Gini     P = S_L / n_L + S_R / n_R       (= n − n × the weighted child Gini impurity)
 * and a boundary wins when its P exceeds the best so far by more than `tol` (so of equal scores
 * the first, the smallest threshold, stays). Its threshold is a/2 + b/2 of the two values around
 * it, or a when that rounds to b (scikit-learn's _splitter.pyx rule).
 */
import type { TreeKernels } from "../backend.js";

const DIGITS = 8;
const BUCKETS = 256;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

/** The double whose sortable key is (hi, lo). */
function valueOf(hi: number, lo: number): number {
  if (hi & 0x80000000) {
    U32[1] = (hi ^ 0x80000000) >>> 0;
    U32[0] = lo;
  } else {
    U32[1] = ~hi >>> 0;
    U32[0] = ~lo >>> 0;
  }
  return F64[0];
}

/** Reusable per-call buffers (grown, never shrunk). */
let cap = 0;
let hiA = new Uint32Array(0), hiB = hiA, loA = hiA, loB = hiA, idA = hiA, idB = hiA;
const hist = new Uint32Array(DIGITS * BUCKETS);

function buffers(n: number): void {
  if (n <= cap) return;
  cap = n;
  [hiA, hiB, loA, loB, idA, idB] = Array.from({ length: 6 }, () => new Uint32Array(n));
}

function bestSplitColumns(X: Float64Array, n: number, cols: number, codes: Int32Array, classes: number, table: Float64Array, gini: number, tol: number, c0: number, c1: number): Float64Array {
  const width = 2 + classes;
  const out = new Float64Array((c1 - c0) * width);
  buffers(n);
  const left = new Int32Array(classes);
  const right = new Int32Array(classes);
  const comp = new Float64Array(2);
  for (let col = c0; col < c1; col++) {
    // keys, ids and the eight digit histograms in one pass
    hist.fill(0);
    let bad = false;
    for (let i = 0; i < n; i++) {
      const v = X[i * cols + col];
      if (v - v !== 0) bad = true; // NaN or ±Infinity
      F64[0] = v + 0;
      let hi = U32[1];
      let lo = U32[0];
      if (hi & 0x80000000) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
      } else hi = (hi ^ 0x80000000) >>> 0;
      hiA[i] = hi;
      loA[i] = lo;
      idA[i] = codes[i];
      hist[lo & 0xff]++;
      hist[256 + ((lo >>> 8) & 0xff)]++;
      hist[512 + ((lo >>> 16) & 0xff)]++;
      hist[768 + (lo >>> 24)]++;
      hist[1024 + (hi & 0xff)]++;
      hist[1280 + ((hi >>> 8) & 0xff)]++;
      hist[1536 + ((hi >>> 16) & 0xff)]++;
      hist[1792 + (hi >>> 24)]++;
    }
    if (bad) {
      out[(col - c0) * width + 1] = -1;
      continue;
    }
    // LSD radix passes, stable; a digit shared by every key is skipped
    let hS = hiA, hD = hiB, lS = loA, lD = loB, iS = idA, iD = idB;
    for (let d = 0; d < DIGITS; d++) {
      const h = d * BUCKETS;
      const sh = (d & 3) << 3;
      const dig = d < 4 ? lS : hS;
      if (hist[h + ((dig[0] >>> sh) & 0xff)] === n) continue;
      let sum = 0;
      for (let b = 0; b < BUCKETS; b++) {
        const c = hist[h + b];
        hist[h + b] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const slot = h + ((dig[i] >>> sh) & 0xff);
        const at = hist[slot]++;
        hD[at] = hS[i];
        lD[at] = lS[i];
        iD[at] = iS[i];
      }
      [hS, hD] = [hD, hS];
      [lS, lD] = [lD, lS];
      [iS, iD] = [iD, iS];
    }
    // the sweep
    left.fill(0);
    right.fill(0);
    for (let i = 0; i < n; i++) right[iS[i]]++;
    let sL = 0;
    let sR = 0;
    for (let c = 0; c < classes; c++) sR += table[right[c]];
    comp[0] = 0;
    comp[1] = 0;
    let best = -Infinity;
    let bestN = 0;
    for (let i = 0; i < n - 1; i++) {
      const c = iS[i];
      const cl = left[c];
      const cr = right[c];
      if (gini) {
        // Σ count² changes by ±(2c ± 1): integers below n² < 2^53, exact, no compensation
        sL += 2 * cl + 1;
        sR -= 2 * cr - 1;
      } else {
        sL = addTo(sL, table[cl + 1] - table[cl], comp, 0);
        sR = addTo(sR, table[cr - 1] - table[cr], comp, 1);
      }
      left[c] = cl + 1;
      right[c] = cr - 1;
      if (hS[i] === hS[i + 1] && lS[i] === lS[i + 1]) continue;
      const nL = i + 1;
      const nR = n - nL;
      const p = gini ? sL / nL + sR / nR : sL - table[nL] + (sR - table[nR]) + (comp[0] + comp[1]);
      if (p > best + tol) {
        best = p;
        bestN = nL;
      }
    }
    // the winner: its threshold, then the left class counts recounted
    const o = (col - c0) * width;
    if (bestN > 0) {
      const a = valueOf(hS[bestN - 1], lS[bestN - 1]);
      const b = valueOf(hS[bestN], lS[bestN]);
      let threshold = a / 2 + b / 2;
      if (threshold === b) threshold = a;
      out[o] = threshold;
      for (let i = 0; i < bestN; i++) out[o + 2 + iS[i]]++;
    }
    out[o + 1] = bestN;
  }
  return out;
}

/** TwoSum: returns s + v rounded and adds its rounding error to comp[at]. */
function addTo(s: number, v: number, comp: Float64Array, at: number): number {
  const t = s + v;
  const z = t - s;
  comp[at] += s - (t - z) + (v - z);
  return t;
}

export const jsTrees: TreeKernels = { bestSplitColumns };
