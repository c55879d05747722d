// Contingency counting of label pairs and the expected mutual information (hypergeometric model).
//
// Labels arrive as u32 (the host copies Int32Array / Uint32Array chunks unchanged). Two paths:
//   dense   t[a·C + b] += 1 over a u32 table when the label ranges fit a fixed cell budget;
//   sparse  labels → dense ids through an open-addressing hash (slot: u32 label, i32 id, id −1 =
//           empty), then pairs of ids counted in a dense id table or, when that too is too large,
//           in a pair hash (slot: u64 key idA<<32 | idB, f64 count, count 0 = empty).
// Hash tables never exceed load ½; the host grows them (rehash*) before a chunk could overfill
// them. No allocation: every table lives in host-reserved scratch.

import { lnF64 } from "./log";

// ---- label range ----------------------------------------------------------------------------

/** out[0] = min over x as signed i32, out[1] = max as unsigned u32 (both as f64). */
export function labelRange(p: usize, n: i32, out: usize): void {
  let mn: i32 = i32.MAX_VALUE;
  let mx: u32 = 0;
  let i: i32 = 0;
  if (ASC_FEATURE_SIMD) {
    let vmn = i32x4.splat(i32.MAX_VALUE);
    let vmx = i32x4.splat(0);
    for (; i + 8 <= n; i += 8) {
      const a = v128.load(p + (<usize>i << 2));
      const b = v128.load(p + (<usize>i << 2), 16);
      vmn = i32x4.min_s(vmn, i32x4.min_s(a, b));
      vmx = i32x4.max_u(vmx, i32x4.max_u(a, b));
    }
    for (let l = 0; l < 4; l++) {
      const a = i32x4.extract_lane(vmn, 0);
      if (a < mn) mn = a;
      const b = <u32>i32x4.extract_lane(vmx, 0);
      if (b > mx) mx = b;
      vmn = i32x4.shuffle(vmn, vmn, 1, 2, 3, 0);
      vmx = i32x4.shuffle(vmx, vmx, 1, 2, 3, 0);
    }
  }
  for (; i < n; i++) {
    const v = load<i32>(p + (<usize>i << 2));
    if (v < mn) mn = v;
    if (<u32>v > mx) mx = <u32>v;
  }
  store<f64>(out, <f64>mn);
  store<f64>(out, <f64>mx, 8);
}

// ---- dense counting ---------------------------------------------------------------------------

/** t[a[i]·C + b[i]] += 1 over a u32 table (labels or ids already known to be in range). */
export function countDense(pa: usize, pb: usize, n: i32, t: usize, C: u32): void {
  let i: i32 = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    const k0 = (<usize>(load<u32>(pa + o) * C + load<u32>(pb + o))) << 2;
    const k1 = (<usize>(load<u32>(pa + o, 4) * C + load<u32>(pb + o, 4))) << 2;
    const k2 = (<usize>(load<u32>(pa + o, 8) * C + load<u32>(pb + o, 8))) << 2;
    const k3 = (<usize>(load<u32>(pa + o, 12) * C + load<u32>(pb + o, 12))) << 2;
    store<u32>(t + k0, load<u32>(t + k0) + 1);
    store<u32>(t + k1, load<u32>(t + k1) + 1);
    store<u32>(t + k2, load<u32>(t + k2) + 1);
    store<u32>(t + k3, load<u32>(t + k3) + 1);
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    const k = (<usize>(load<u32>(pa + o) * C + load<u32>(pb + o))) << 2;
    store<u32>(t + k, load<u32>(t + k) + 1);
  }
}

/**
 * Row sums (R f64), column sums (C f64) and the nonzero cells, row-major, of an R×C u32 table:
 * cellRow/cellCol (i32) and cellCount (f64). Returns the number of nonzero cells.
 */
export function extractDense(t: usize, R: i32, C: i32, rowSums: usize, colSums: usize, cellRow: usize, cellCol: usize, cellCount: usize): i32 {
  memory.fill(colSums, 0, <usize>C << 3);
  let k: i32 = 0;
  for (let r: i32 = 0; r < R; r++) {
    const row = t + ((<usize>r * <usize>C) << 2);
    let s: u64 = 0;
    for (let c: i32 = 0; c < C; c++) {
      const v = load<u32>(row + (<usize>c << 2));
      if (v != 0) {
        s += v;
        const cs = colSums + (<usize>c << 3);
        store<f64>(cs, load<f64>(cs) + <f64>v);
        store<i32>(cellRow + (<usize>k << 2), r);
        store<i32>(cellCol + (<usize>k << 2), c);
        store<f64>(cellCount + (<usize>k << 3), <f64>v);
        k++;
      }
    }
    store<f64>(rowSums + (<usize>r << 3), <f64>s);
  }
  return k;
}

// ---- label → id hash -------------------------------------------------------------------------

// @ts-ignore: decorator
@inline function mix32(x: u32): u32 {
  x ^= x >> 16;
  x *= 0x85ebca6b;
  x ^= x >> 13;
  x *= 0xc2b2ae35;
  x ^= x >> 16;
  return x;
}

// @ts-ignore: decorator
@inline function mix64(x: u64): u64 {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccd;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53;
  x ^= x >> 33;
  return x;
}

/** Marks `slots` label-hash slots empty (id −1). */
export function labelHashClear(h: usize, slots: i32): void {
  memory.fill(h, 0xff, <usize>slots << 3);
}

/** The slot of `label` in a label hash (mask = slots − 1): its own, or the empty one it would take. */
// @ts-ignore: decorator
@inline function labelSlot(h: usize, mask: u32, label: u32): usize {
  let s = mix32(label) & mask;
  while (true) {
    const p = h + (<usize>s << 3);
    const id = load<i32>(p, 4);
    if (id < 0 || load<u32>(p) == label) return p;
    s = (s + 1) & mask;
  }
}

/** Inserts the labels x[0..n) not yet present, numbering them from `count` on; returns the new count. */
export function labelHashInsert(h: usize, mask: u32, x: usize, n: i32, count: i32): i32 {
  for (let i: i32 = 0; i < n; i++) {
    const label = load<u32>(x + (<usize>i << 2));
    const p = labelSlot(h, mask, label);
    if (load<i32>(p, 4) < 0) {
      store<u32>(p, label);
      store<i32>(p, count, 4);
      count++;
    }
  }
  return count;
}

/** Replaces each label of x[0..n) by its id (every label must be present). */
export function labelHashLookup(h: usize, mask: u32, x: usize, n: i32): void {
  for (let i: i32 = 0; i < n; i++) {
    const q = x + (<usize>i << 2);
    store<i32>(q, load<i32>(labelSlot(h, mask, load<u32>(q)), 4));
  }
}

/** Moves every entry of the label hash `from` (fromSlots) into the cleared hash `to` (mask). */
export function labelHashRehash(from: usize, fromSlots: i32, to: usize, mask: u32): void {
  for (let s: i32 = 0; s < fromSlots; s++) {
    const p = from + (<usize>s << 3);
    const id = load<i32>(p, 4);
    if (id >= 0) {
      const q = labelSlot(to, mask, load<u32>(p));
      store<u32>(q, load<u32>(p));
      store<i32>(q, id, 4);
    }
  }
}

/** labels[id] = label for every entry of a label hash (labels: u32 per id). */
export function labelHashLabels(h: usize, slots: i32, labels: usize): void {
  for (let s: i32 = 0; s < slots; s++) {
    const p = h + (<usize>s << 3);
    const id = load<i32>(p, 4);
    if (id >= 0) store<u32>(labels + (<usize>id << 2), load<u32>(p));
  }
}

// ---- value → id hash (numeric labels of any magnitude, src/label-codes.ts) -------------------------
//
// Numbers (integral f64, −0 taken as 0) numbered in order of first appearance: slot 16 bytes,
// u64 key (the f64's bits) and i32 id (−1 = empty). src/js/labels.ts labelIds is the JS twin.

/** Marks `slots` value-hash slots empty (id −1). */
export function valueHashClear(h: usize, slots: i32): void {
  memory.fill(h, 0xff, <usize>slots << 4);
}

// @ts-ignore: decorator
@inline function valueSlot(h: usize, mask: u64, key: u64): usize {
  let s = mix64(key) & mask;
  while (true) {
    const p = h + (<usize>s << 4);
    if (load<i32>(p, 8) < 0 || load<u64>(p) == key) return p;
    s = (s + 1) & mask;
  }
}

/**
 * Numbers the values x[0..n) (f64) not yet present from `count` on and writes each value's id to
 * ids[0..n) (i32); returns the new count.
 */
export function valueHashInsert(h: usize, mask: u32, x: usize, n: i32, count: i32, ids: usize): i32 {
  for (let i: i32 = 0; i < n; i++) {
    let v = load<f64>(x + (<usize>i << 3));
    if (v == 0) v = 0; // −0 and 0 are one label
    const key = reinterpret<u64>(v);
    const p = valueSlot(h, <u64>mask, key);
    let id = load<i32>(p, 8);
    if (id < 0) {
      store<u64>(p, key);
      store<i32>(p, count, 8);
      id = count++;
    }
    store<i32>(ids + (<usize>i << 2), id);
  }
  return count;
}

/** Moves every entry of the value hash `from` (fromSlots) into the cleared hash `to` (mask). */
export function valueHashRehash(from: usize, fromSlots: i32, to: usize, mask: u32): void {
  for (let s: i32 = 0; s < fromSlots; s++) {
    const p = from + (<usize>s << 4);
    const id = load<i32>(p, 8);
    if (id >= 0) {
      const q = valueSlot(to, <u64>mask, load<u64>(p));
      store<u64>(q, load<u64>(p));
      store<i32>(q, id, 8);
    }
  }
}

/** values[id] = the value (f64) of every entry of a value hash. */
export function valueHashValues(h: usize, slots: i32, values: usize): void {
  for (let s: i32 = 0; s < slots; s++) {
    const p = h + (<usize>s << 4);
    const id = load<i32>(p, 8);
    if (id >= 0) store<u64>(values + (<usize>id << 3), load<u64>(p));
  }
}

// ---- pair hash ---------------------------------------------------------------------------------

/** Marks `slots` pair-hash slots empty (count 0). */
export function pairHashClear(h: usize, slots: i32): void {
  memory.fill(h, 0, <usize>slots << 4);
}

// @ts-ignore: decorator
@inline function pairSlot(h: usize, mask: u64, key: u64): usize {
  let s = mix64(key) & mask;
  while (true) {
    const p = h + (<usize>s << 4);
    if (load<f64>(p, 8) == 0 || load<u64>(p) == key) return p;
    s = (s + 1) & mask;
  }
}

/** Counts the id pairs (a[i], b[i]) into the pair hash; returns the number of new distinct pairs. */
export function pairHashCount(h: usize, mask: u32, pa: usize, pb: usize, n: i32): i32 {
  let added: i32 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const o = <usize>i << 2;
    const key = (<u64>load<u32>(pa + o) << 32) | <u64>load<u32>(pb + o);
    const p = pairSlot(h, <u64>mask, key);
    const c = load<f64>(p, 8);
    if (c == 0) {
      store<u64>(p, key);
      added++;
    }
    store<f64>(p, c + 1, 8);
  }
  return added;
}

/** Moves every entry of the pair hash `from` (fromSlots) into the cleared hash `to` (mask). */
export function pairHashRehash(from: usize, fromSlots: i32, to: usize, mask: u32): void {
  for (let s: i32 = 0; s < fromSlots; s++) {
    const p = from + (<usize>s << 4);
    const c = load<f64>(p, 8);
    if (c != 0) {
      const q = pairSlot(to, <u64>mask, load<u64>(p));
      store<u64>(q, load<u64>(p));
      store<f64>(q, c, 8);
    }
  }
}

/**
 * The entries of a pair hash as cells (cellRow, cellCol i32; cellCount f64), with the row sums
 * (R f64) and column sums (C f64) of the ids. Returns the number of cells.
 */
export function extractPairHash(h: usize, slots: i32, R: i32, C: i32, rowSums: usize, colSums: usize, cellRow: usize, cellCol: usize, cellCount: usize): i32 {
  memory.fill(rowSums, 0, <usize>R << 3);
  memory.fill(colSums, 0, <usize>C << 3);
  let k: i32 = 0;
  for (let s: i32 = 0; s < slots; s++) {
    const p = h + (<usize>s << 4);
    const c = load<f64>(p, 8);
    if (c != 0) {
      const key = load<u64>(p);
      const r = <i32>(key >> 32);
      const col = <i32>(key & 0xffffffff);
      const rs = rowSums + (<usize>r << 3);
      const cs = colSums + (<usize>col << 3);
      store<f64>(rs, load<f64>(rs) + c);
      store<f64>(cs, load<f64>(cs) + c);
      store<i32>(cellRow + (<usize>k << 2), r);
      store<i32>(cellCol + (<usize>k << 2), col);
      store<f64>(cellCount + (<usize>k << 3), c);
      k++;
    }
  }
  return k;
}

/** memory.copy, for moving a grown table down to its place. */
export function copyBytes(dst: usize, src: usize, n: usize): void {
  memory.copy(dst, src, n);
}

/** memory.fill with 0. */
export function zeroBytes(dst: usize, n: usize): void {
  memory.fill(dst, 0, n);
}

// ---- expected mutual information -----------------------------------------------------------------

const LN_SQRT_2PI: f64 = 0.9189385332046728;


/** ln k! = lgamma(k + 1): exact product below 16, Stirling's series (error < 1e-16 absolute) above. */
export function lnFactorial(k: f64): f64 {
  if (k < 16) {
    let p: f64 = 1;
    for (let i: f64 = 2; i <= k; i++) p *= i;
    return lnF64(p);
  }
  const x = k + 1;
  const r = 1 / x;
  const r2 = r * r;
  return (x - 0.5) * lnF64(x) - x + LN_SQRT_2PI + r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
}

/** Terms of the hypergeometric pmf below this fraction of its mode are dropped (past the mode it only decreases). */
const TAIL: f64 = 1e-32;

/**
 * E[I] = Σ_n (n/N)·ln(N·n/(a·b))·P(n) for one pair of marginals (a, b), P the hypergeometric pmf
 * of a cell with row sum a and column sum b among N (sklearn's expected_mutual_information term).
 * P at the mode comes from log factorials; the other terms by the pmf ratio recurrence.
 */
function emiPair(a: f64, b: f64, N: f64, lnN: f64, lfN: f64, lfa: f64, lfb: f64, lfNa: f64, lfNb: f64, lna: f64, lnb: f64): f64 {
  const lo = Math.max(1, a + b - N);
  const hi = Math.min(a, b);
  if (lo > hi) return 0;
  let m = Math.floor(((a + 1) * (b + 1)) / (N + 2));
  if (m < lo) m = lo;
  if (m > hi) m = hi;
  const lnP = lfa + lfb + lfNa + lfNb - lfN - lnFactorial(m) - lnFactorial(a - m) - lnFactorial(b - m) - lnFactorial(N - a - b + m);
  const pm = Math.exp(lnP);
  const c = lnN - lna - lnb;
  let s = pm * m * (c + Math.log(m));
  const stop = pm * TAIL;
  let p = pm;
  for (let n = m + 1; n <= hi; n++) {
    p *= ((a - n + 1) * (b - n + 1)) / (n * (N - a - b + n));
    if (p < stop) break;
    s += p * n * (c + Math.log(n));
  }
  p = pm;
  for (let n = m - 1; n >= lo; n--) {
    p *= ((n + 1) * (N - a - b + n + 1)) / ((a - n) * (b - n));
    if (p < stop) break;
    s += p * n * (c + Math.log(n));
  }
  return s / N;
}

/**
 * Expected mutual information (nats) of two labelings under the hypergeometric model, from the
 * distinct row sums a (with multiplicities ma, R of them) and distinct column sums b (mb, C):
 * EMI = Σ_{i,j} ma_i·mb_j·emiPair(a_i, b_j), equal to sklearn's sum over every row and column.
 */
export function expectedMI(a: usize, ma: usize, R: i32, b: usize, mb: usize, C: i32, N: f64): f64 {
  const lnN = Math.log(N);
  const lfN = lnFactorial(N);
  let total: f64 = 0;
  for (let i: i32 = 0; i < R; i++) {
    const ai = load<f64>(a + (<usize>i << 3));
    const lfa = lnFactorial(ai);
    const lfNa = lnFactorial(N - ai);
    const lna = Math.log(ai);
    let row: f64 = 0;
    for (let j: i32 = 0; j < C; j++) {
      const bj = load<f64>(b + (<usize>j << 3));
      row += load<f64>(mb + (<usize>j << 3)) * emiPair(ai, bj, N, lnN, lfN, lfa, lnFactorial(bj), lfNa, lnFactorial(N - bj), lna, Math.log(bj));
    }
    total += load<f64>(ma + (<usize>i << 3)) * row;
  }
  return total;
}
