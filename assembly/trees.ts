// Decision-tree splits: the best threshold of each column of X for class ids (src/trees.ts; the
// JS twin, with the same steps in the same order, is src/js/trees.ts).
//
// Per column: the values are mapped to sortable 64-bit keys (−0 taken as 0, so that equal values
// have equal keys), sorted with their class ids by an LSD radix sort (eight 8-bit digits; a digit
// that every key shares is skipped), then swept left to right: the class
// counts of each side and S = Σ_k t[count_k] per side are updated in O(1) per sample (t a table
// from the host: t[i] = i ln i for entropy, i² for Gini; the sums carry a TwoSum compensation),
// and at each boundary between distinct values the split's score is
//   entropy  P = S_L − t[n_L] + S_R − t[n_R]   (= −n · the weighted child entropy, nats)
//   Gini     P = S_L / n_L + S_R / n_R        (= n − n · the weighted child Gini impurity)
// The first boundary whose P exceeds the best so far by more than `tol` wins (equal scores: the
// smallest threshold). Output per column, 2 + classes f64: [threshold, n_L, left class counts …];
// n_L = 0 when the column has a single distinct value.
//
// Work region (bytes from the host, treesWorkBytes): keys and ids twice (ping-pong), the six
// digit histograms, the class counts of both sides, two compensations.

const DIGITS: i32 = 8;
const BUCKETS: i32 = 256;

// @ts-ignore: decorator
@inline function a64(x: usize): usize {
  return (x + 63) & ~(<usize>63);
}

/** Bytes of the work region for n rows and `classes` classes. */
export function treesWorkBytes(n: i32, classes: i32): usize {
  return 2 * a64(<usize>n << 3) + 2 * a64(<usize>n << 2) + a64(<usize>(DIGITS * BUCKETS) << 2) + 2 * a64(<usize>classes << 2) + 16 + 64;
}


/** The sortable key of a finite double (−0 as 0): unsigned order of keys = numeric order of values. */
// @ts-ignore: decorator
@inline function keyOf(x: f64): u64 {
  const b = reinterpret<u64>(x + 0.0);
  return (b >> 63) != 0 ? ~b : b ^ 0x8000000000000000;
}

// @ts-ignore: decorator
@inline function valueOf(k: u64): f64 {
  return reinterpret<f64>((k >> 63) != 0 ? k ^ 0x8000000000000000 : ~k);
}

// @ts-ignore: decorator
@inline function bump(h: usize, b: u32): void {
  const at = h + (<usize>b << 2);
  store<u32>(at, load<u32>(at) + 1);
}

/** TwoSum: s + v as [sum, error], the error added to the compensation at `comp`. */
// @ts-ignore: decorator
@inline function addTo(s: f64, v: f64, comp: usize): f64 {
  const t = s + v;
  const z = t - s;
  store<f64>(comp, load<f64>(comp) + ((s - (t - z)) + (v - z)));
  return t;
}

/**
 * The best split of each column c0 ≤ c < c1 of the n×cols row-major X for class ids `codes`
 * (0 … classes − 1), n + 1 table entries at `table`, `gini` 1 for the Gini score (else entropy);
 * (c1 − c0)·(2 + classes) f64 at out.
 */
export function bestSplitColumns(X: usize, n: i32, cols: i32, codes: usize, classes: i32, table: usize, gini: i32, tol: f64, c0: i32, c1: i32, out: usize, work: usize): void {
  const keyA = work;
  const keyB = keyA + a64(<usize>n << 3);
  const idA = keyB + a64(<usize>n << 3);
  const idB = idA + a64(<usize>n << 2);
  const hist = idB + a64(<usize>n << 2);
  const left = hist + a64(<usize>(DIGITS * BUCKETS) << 2);
  const right = left + a64(<usize>classes << 2);
  const comp = right + a64(<usize>classes << 2); // two f64: the compensations of S_L and S_R
  const width = 2 + classes;
  for (let col = c0; col < c1; col++) {
    // keys, ids and the eight digit histograms in one pass
    memory.fill(hist, 0, <usize>(DIGITS * BUCKETS) << 2);
    for (let i = 0; i < n; i++) {
      const k = keyOf(load<f64>(X + ((<usize>i * <usize>cols + <usize>col) << 3)));
      store<u64>(keyA + (<usize>i << 3), k);
      store<u32>(idA + (<usize>i << 2), load<u32>(codes + (<usize>i << 2)));
      const k0 = <u32>k, k1 = <u32>(k >> 32);
      bump(hist, k0 & 0xff);
      bump(hist + 1024, (k0 >> 8) & 0xff);
      bump(hist + 2048, (k0 >> 16) & 0xff);
      bump(hist + 3072, k0 >> 24);
      bump(hist + 4096, k1 & 0xff);
      bump(hist + 5120, (k1 >> 8) & 0xff);
      bump(hist + 6144, (k1 >> 16) & 0xff);
      bump(hist + 7168, k1 >> 24);
    }
    // LSD radix passes, stable; a digit shared by every key is skipped
    let kSrc = keyA, kDst = keyB, iSrc = idA, iDst = idB;
    for (let d = 0; d < DIGITS; d++) {
      const h = hist + (<usize>(d * BUCKETS) << 2);
      const sh = <u64>(d << 3);
      if (load<u32>(h + (<usize>((load<u64>(kSrc) >> sh) & 0xff) << 2)) == <u32>n) continue;
      let sum: u32 = 0;
      for (let b = 0; b < BUCKETS; b++) {
        const c = load<u32>(h + (<usize>b << 2));
        store<u32>(h + (<usize>b << 2), sum);
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const k = load<u64>(kSrc + (<usize>i << 3));
        const slot = h + (<usize>((k >> sh) & 0xff) << 2);
        const at = load<u32>(slot);
        store<u32>(slot, at + 1);
        store<u64>(kDst + (<usize>at << 3), k);
        store<u32>(iDst + (<usize>at << 2), load<u32>(iSrc + (<usize>i << 2)));
      }
      let t = kSrc; kSrc = kDst; kDst = t;
      t = iSrc; iSrc = iDst; iDst = t;
    }
    // the sweep
    for (let c = 0; c < classes; c++) {
      store<i32>(left + (<usize>c << 2), 0);
      store<i32>(right + (<usize>c << 2), 0);
    }
    for (let i = 0; i < n; i++) {
      const r = right + (<usize>load<u32>(iSrc + (<usize>i << 2)) << 2);
      store<i32>(r, load<i32>(r) + 1);
    }
    let sL = 0.0;
    let sR = 0.0;
    for (let c = 0; c < classes; c++) sR += load<f64>(table + (<usize>load<i32>(right + (<usize>c << 2)) << 3));
    store<f64>(comp, 0);
    store<f64>(comp + 8, 0);
    let best = -Infinity;
    let bestN = 0;
    let next = load<u64>(kSrc);
    for (let i = 0; i < n - 1; i++) {
      const c = <usize>load<u32>(iSrc + (<usize>i << 2)) << 2;
      const cl = load<i32>(left + c);
      const cr = load<i32>(right + c);
      sL = addTo(sL, load<f64>(table + (<usize>(cl + 1) << 3)) - load<f64>(table + (<usize>cl << 3)), comp);
      sR = addTo(sR, load<f64>(table + (<usize>(cr - 1) << 3)) - load<f64>(table + (<usize>cr << 3)), comp + 8);
      store<i32>(left + c, cl + 1);
      store<i32>(right + c, cr - 1);
      const k = next;
      next = load<u64>(kSrc + (<usize>(i + 1) << 3));
      if (k == next) continue;
      const nL = i + 1;
      const nR = n - nL;
      const p = gini
        ? (sL + load<f64>(comp)) / <f64>nL + (sR + load<f64>(comp + 8)) / <f64>nR
        : (sL - load<f64>(table + (<usize>nL << 3))) + (sR - load<f64>(table + (<usize>nR << 3))) + (load<f64>(comp) + load<f64>(comp + 8));
      if (p > best + tol) {
        best = p;
        bestN = nL;
      }
    }
    // the winner: its threshold, then the left class counts recounted
    const o = out + ((<usize>(col - c0) * <usize>width) << 3);
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
