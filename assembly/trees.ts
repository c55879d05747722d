// Decision-tree splits: the best threshold of each column of X for class ids (src/trees.ts). The
// JS twin, src/js/trees.ts, makes the same sweep in the same order of operations; it sorts with a
// plain LSD radix sort of the whole keys, and any sort gives the same sequence of keys (the order
// of the ids among equal keys changes no count at a boundary between distinct values).
//
// Per column: the values are mapped to sortable 64-bit keys (−0 taken as 0, so that equal values
// have equal keys) and sorted with their class ids (sortColumn: an LSD radix sort of the words
// (high 32 bits of the key, row), the keys and ids gathered by the rows, then the runs that share
// the high halves sorted by the low 32 bits), then swept left to right: the class counts of each
// side and S per side are updated in O(1) per sample (entropy: S = Σ_k t[count_k], t[i] = i ln i
// a table from the host, with a TwoSum compensation; Gini: S = Σ_k count_k², by ±(2c ± 1), exact
// in f64 as n² < 2^53, the same values as the JS twin's), and at each boundary between distinct
// values the split's score is
//   entropy  P = S_L − t[n_L] + S_R − t[n_R]   (= −n · the weighted child entropy, nats)
//   Gini     P = S_L / n_L + S_R / n_R        (= n − n · the weighted child Gini impurity)
// The first boundary whose P exceeds the best so far by more than `tol` wins (equal scores: the
// smallest threshold; Gini divides only where a bound with 1/n from a table could win). Output
// per column, 2 + classes f64: [threshold, n_L, left class counts …]; n_L = 0 when the column has
// a single distinct value, −1 when it holds NaN or ±Infinity.
//
// Work region (bytes from the host, treesWorkBytes): the keys in row order, the words / sorted keys
// twice (ping-pong), the table of 1/m, the ids twice, three digit histograms, the class counts of
// both sides and of all rows, a block of columns copied out of the rows (up to 16 MiB).

const BUCKETS: i32 = 2048; // 11-bit digits
const SMALL: i32 = 64; // runs up to this long are insertion-sorted
const BLOCK_BYTES: i32 = 16 << 20; // columns copied out of the rows together: up to 16 MiB of them, at least 8

/** How many of m columns of n rows are copied out of the rows together. */
function blockOf(n: i32, m: i32): i32 {
  return max(1, min(m, max(8, BLOCK_BYTES / max(1, n << 3))));
}

// @ts-ignore: decorator
@inline function a64(x: usize): usize {
  return (x + 63) & ~(<usize>63);
}

/** Bytes of the work region for n rows, `classes` classes and m columns. */
export function treesWorkBytes(n: i32, classes: i32, m: i32): usize {
  return 3 * a64(<usize>n << 3) + a64(<usize>(n + 1) << 3) + 2 * a64(<usize>n << 2) + a64(<usize>(3 * BUCKETS) << 2) + 3 * a64(<usize>classes << 2) + a64(<usize>blockOf(n, m) * <usize>n << 3) + 64;
}


/** The sortable key of a finite double (−0 as 0): unsigned order of keys = numeric order of values. */
// @ts-ignore: decorator
@inline function keyOf(x: f64): u64 {
  const b = reinterpret<u64>(x + 0.0);
  return b ^ (<u64>(<i64>b >> 63) | 0x8000000000000000); // branch-free: x < 0 flips every bit
}

// @ts-ignore: decorator
@inline function valueOf(k: u64): f64 {
  return reinterpret<f64>((k >> 63) != 0 ? k ^ 0x8000000000000000 : ~k);
}

/** Columns col … col + m − 1 of the n×cols row-major X, each as n contiguous values at out + j·n·8. */
function transpose(X: usize, n: i32, cols: i32, col: i32, m: i32, out: usize): void {
  for (let i = 0; i < n; i++) {
    const row = X + ((<usize>i * <usize>cols + <usize>col) << 3);
    for (let j = 0; j < m; j++) store<f64>(out + ((<usize>j * <usize>n + <usize>i) << 3), load<f64>(row + (<usize>j << 3)));
  }
}

/**
 * Sorts the n contiguous values at x (as keys, with the class ids): the keys in row order go to
 * keyA, and the words (high 32 bits of the key, row) to wA; an LSD radix sort of the words by their
 * high halves (digits of 11, 11 and 10 bits; a digit every word shares is skipped) between wA and
 * wB; then the keys and ids are gathered in that order by the rows, and each run of equal high
 * halves whose low halves are not yet in order is sorted by the low 32 bits (insertion sort up
 * to SMALL keys, else an LSD radix sort of four 8-bit digits, keyA and idB its scratch). Returns
 * where the sorted keys are (wA or wB; the ids are in idA), or 0 (nothing sorted) when a value is
 * not finite.
 */
function sortColumn(x: usize, n: i32, codes: usize, keyA: usize, wA: usize, wB: usize, idA: usize, idB: usize, hist: usize): usize {
  memory.fill(hist, 0, <usize>(3 * BUCKETS) << 2);
  let bad: u32 = 0;
  for (let i = 0; i < n; i++) {
    const v = load<f64>(x + (<usize>i << 3));
    bad |= <u32>(v - v != 0); // NaN or ±Infinity
    const k = keyOf(v);
    store<u64>(keyA + (<usize>i << 3), k);
    store<u64>(wA + (<usize>i << 3), (k & 0xffffffff00000000) | <u64><u32>i);
    const hi = <u32>(k >> 32);
    bump(hist, hi & 0x7ff);
    bump(hist + (<usize>BUCKETS << 2), (hi >> 11) & 0x7ff);
    bump(hist + (<usize>BUCKETS << 3), hi >> 22);
  }
  if (bad) return 0;
  let src = wA, dst = wB;
  for (let d = 0; d < 3; d++) {
    const h = hist + (<usize>(d * BUCKETS) << 2);
    if (wordPass(src, dst, n, h, <u64>(32 + 11 * d), d == 2 ? 0x3ff : 0x7ff)) {
      const t = src; src = dst; dst = t;
    }
  }
  // the keys and ids in that order (into the other word buffer)
  const kSrc = dst;
  for (let p = 0; p < n; p++) {
    const r = <usize><u32>load<u64>(src + (<usize>p << 3));
    store<u64>(kSrc + (<usize>p << 3), load<u64>(keyA + (r << 3)));
    store<u32>(idA + (<usize>p << 2), load<u32>(codes + (r << 2)));
  }
  const kDst = keyA, iSrc = idA, iDst = idB;
  // runs of equal high halves, sorted by the low halves
  let i = 0;
  while (i < n) {
    const hi = load<u64>(kSrc + (<usize>i << 3)) >> 32;
    let j = i + 1;
    let ordered = true;
    let prev = load<u64>(kSrc + (<usize>i << 3));
    while (j < n) {
      const k = load<u64>(kSrc + (<usize>j << 3));
      if (k >> 32 != hi) break;
      if (k < prev) ordered = false;
      prev = k;
      j++;
    }
    if (!ordered) {
      if (j - i <= SMALL) insertionSort(kSrc, iSrc, i, j);
      else {
        // four passes: the run ends where it started
        for (let d = 0; d < 4; d++) {
          const sh = <u64>(d << 3);
          const a = d & 1 ? kDst : kSrc;
          const b = d & 1 ? kSrc : kDst;
          const ia = d & 1 ? iDst : iSrc;
          const ib = d & 1 ? iSrc : iDst;
          memory.fill(hist, 0, 256 << 2);
          for (let p = i; p < j; p++) bump(hist, <u32>((load<u64>(a + (<usize>p << 3)) >> sh) & 0xff));
          radixPass(a, b, ia, ib, i, j, hist, sh, 0xff);
        }
      }
    }
    i = j;
  }
  return kSrc;
}

/**
 * One stable counting pass of the n words at src to dst by the digit (word >> sh) & mask, given
 * the digit's histogram at h; false (nothing moved) when every word has the same digit.
 */
function wordPass(src: usize, dst: usize, n: i32, h: usize, sh: u64, mask: u64): bool {
  if (load<u32>(h + (<usize>((load<u64>(src) >> sh) & mask) << 2)) == <u32>n) return false;
  let sum: u32 = 0;
  for (let b: u64 = 0; b <= mask; b++) {
    const at = h + (<usize>b << 2);
    const c = load<u32>(at);
    store<u32>(at, sum);
    sum += c;
  }
  for (let p = 0; p < n; p++) {
    const w = load<u64>(src + (<usize>p << 3));
    const slot = h + (<usize>((w >> sh) & mask) << 2);
    const at = load<u32>(slot);
    store<u32>(slot, at + 1);
    store<u64>(dst + (<usize>at << 3), w);
  }
  return true;
}

/**
 * One stable counting pass over positions [i0, i1) by the digit (key >> sh) & mask, from
 * (kSrc, iSrc) to the same positions of (kDst, iDst), given the digit's histogram at h.
 */
function radixPass(kSrc: usize, kDst: usize, iSrc: usize, iDst: usize, i0: i32, i1: i32, h: usize, sh: u64, mask: u64): void {
  let sum = <u32>i0;
  for (let b: u64 = 0; b <= mask; b++) {
    const at = h + (<usize>b << 2);
    const c = load<u32>(at);
    store<u32>(at, sum);
    sum += c;
  }
  for (let p = i0; p < i1; p++) {
    const k = load<u64>(kSrc + (<usize>p << 3));
    const slot = h + (<usize>((k >> sh) & mask) << 2);
    const at = load<u32>(slot);
    store<u32>(slot, at + 1);
    store<u64>(kDst + (<usize>at << 3), k);
    store<u32>(iDst + (<usize>at << 2), load<u32>(iSrc + (<usize>p << 2)));
  }
}

/** Insertion sort of positions [i0, i1) by the whole key, ids alongside. */
function insertionSort(k: usize, id: usize, i0: i32, i1: i32): void {
  for (let p = i0 + 1; p < i1; p++) {
    const key = load<u64>(k + (<usize>p << 3));
    const v = load<u32>(id + (<usize>p << 2));
    let q = p - 1;
    while (q >= i0 && load<u64>(k + (<usize>q << 3)) > key) {
      store<u64>(k + (<usize>(q + 1) << 3), load<u64>(k + (<usize>q << 3)));
      store<u32>(id + (<usize>(q + 1) << 2), load<u32>(id + (<usize>q << 2)));
      q--;
    }
    store<u64>(k + (<usize>(q + 1) << 3), key);
    store<u32>(id + (<usize>(q + 1) << 2), v);
  }
}

// @ts-ignore: decorator
@inline function bump(h: usize, b: u32): void {
  const at = h + (<usize>b << 2);
  store<u32>(at, load<u32>(at) + 1);
}

/**
 * The best split of each column c0 ≤ c < c1 of the n×cols row-major X for class ids `codes`
 * (0 … classes − 1), n + 1 table entries at `table`, `gini` 1 for the Gini score (else entropy);
 * (c1 − c0)·(2 + classes) f64 at out.
 */
export function bestSplitColumns(X: usize, n: i32, cols: i32, codes: usize, classes: i32, table: usize, gini: i32, tol: f64, c0: i32, c1: i32, out: usize, work: usize): void {
  const keyA = work;
  const wA = keyA + a64(<usize>n << 3);
  const wB = wA + a64(<usize>n << 3);
  const inv = wB + a64(<usize>n << 3);
  const idA = inv + a64(<usize>(n + 1) << 3);
  const idB = idA + a64(<usize>n << 2);
  const hist = idB + a64(<usize>n << 2);
  const left = hist + a64(<usize>(3 * BUCKETS) << 2);
  const right = left + a64(<usize>classes << 2);
  const parent = right + a64(<usize>classes << 2);
  const blockAt = parent + a64(<usize>classes << 2);
  const block = blockOf(n, c1 - c0);
  const width = 2 + classes;
  // the class counts of all rows: the right side before the sweep
  memory.fill(parent, 0, <usize>classes << 2);
  for (let i = 0; i < n; i++) {
    const r = parent + (<usize>load<u32>(codes + (<usize>i << 2)) << 2);
    store<i32>(r, load<i32>(r) + 1);
  }
  // Gini: 1/m (rounded), for a cheap bound of each boundary's score
  if (gini) for (let m = 1; m <= n; m++) store<f64>(inv + (<usize>m << 3), 1.0 / <f64>m);
  for (let col = c0; col < c1; col++) {
    // blocks of columns copied out of the rows (a few cache lines of each row per block), so
    // that each column is then read contiguously
    const b = (col - c0) % block;
    if (b == 0) transpose(X, n, cols, col, min(block, c1 - col), blockAt);
    const o = out + ((<usize>(col - c0) * <usize>width) << 3);
    const kSrc = sortColumn(blockAt + ((<usize>b * <usize>n) << 3), n, codes, keyA, wA, wB, idA, idB, hist);
    if (kSrc == 0) {
      store<f64>(o + 8, -1);
      continue;
    }
    const iSrc = idA;
    // the sweep
    memory.fill(left, 0, <usize>classes << 2);
    memory.copy(right, parent, <usize>classes << 2);
    let sR = 0.0;
    for (let c = 0; c < classes; c++) sR += load<f64>(table + (<usize>load<i32>(right + (<usize>c << 2)) << 3));
    const bestN = sweep(kSrc, iSrc, n, left, right, table, inv, gini, sR, tol);
    // the winner: its threshold, then the left class counts recounted
    for (let c = 0; c < classes; c++) store<f64>(o + (<usize>(2 + c) << 3), 0);
    let threshold = 0.0;
    if (bestN > 0) {
      const a = valueOf(load<u64>(kSrc + (<usize>(bestN - 1) << 3)));
      const b = valueOf(load<u64>(kSrc + (<usize>bestN << 3)));
      threshold = a / 2.0 + b / 2.0;
      if (threshold == b) threshold = a;
      for (let i = 0; i < bestN; i++) {
        const at = o + (<usize>(2 + load<u32>(iSrc + (<usize>i << 2))) << 3);
        store<f64>(at, load<f64>(at) + 1);
      }
    }
    store<f64>(o, threshold);
    store<f64>(o + 8, <f64>bestN);
  }
}

/**
 * The sweep over the sorted keys and ids (class counts at left / right, S_R = sR0 to start); the
 * n_L of the best boundary (0: none). Entropy: S = Σ t[count] per side with a TwoSum
 * compensation. Gini: S = Σ count² per side, updated by ±(2c ± 1), exact in f64 (integers below
 * n² < 2^53: the table's i² sums never round, so no compensation), P = S_L / n_L + S_R / n_R,
 * divided out only where the bound q = S_L·(1/n_L) + S_R·(1/n_R) (1/m from inv; q is within 6
 * units in the last place of P) could beat the best: elsewhere P cannot win either.
 */
function sweep(kSrc: usize, iSrc: usize, n: i32, left: usize, right: usize, table: usize, inv: usize, gini: i32, sR0: f64, tol: f64): i32 {
  let sL = 0.0;
  let sR = sR0;
  let eL = 0.0; // TwoSum compensations of sL and sR (entropy)
  let eR = 0.0;
  let bar = -Infinity; // the best score so far + tol
  let bestN = 0;
  let next = load<u64>(kSrc);
  for (let i = 0; i < n - 1; i++) {
    const c = <usize>load<u32>(iSrc + (<usize>i << 2)) << 2;
    const cl = load<i32>(left + c);
    const cr = load<i32>(right + c);
    if (gini) {
      sL += <f64>(2 * cl + 1);
      sR -= <f64>(2 * cr - 1);
    } else {
      const vL = load<f64>(table + (<usize>(cl + 1) << 3)) - load<f64>(table + (<usize>cl << 3));
      const tL = sL + vL;
      const zL = tL - sL;
      eL += (sL - (tL - zL)) + (vL - zL);
      sL = tL;
      const vR = load<f64>(table + (<usize>(cr - 1) << 3)) - load<f64>(table + (<usize>cr << 3));
      const tR = sR + vR;
      const zR = tR - sR;
      eR += (sR - (tR - zR)) + (vR - zR);
      sR = tR;
    }
    store<i32>(left + c, cl + 1);
    store<i32>(right + c, cr - 1);
    const k = next;
    next = load<u64>(kSrc + (<usize>(i + 1) << 3));
    if (k == next) continue;
    const nL = i + 1;
    const nR = n - nL;
    let p: f64;
    if (gini) {
      const q = sL * load<f64>(inv + (<usize>nL << 3)) + sR * load<f64>(inv + (<usize>nR << 3));
      if (q + q * 1e-14 <= bar) continue;
      p = sL / <f64>nL + sR / <f64>nR;
    } else p = (sL - load<f64>(table + (<usize>nL << 3))) + (sR - load<f64>(table + (<usize>nR << 3))) + (eL + eR);
    if (p > bar) {
      bar = p + tol;
      bestN = nL;
    }
  }
  return bestN;
}
