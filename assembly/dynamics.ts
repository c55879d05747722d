/**
 * The history-counting kernel of the time-series family (src/dynamics.ts finishes the counts;
 * the JS twin and reference is src/js/dynamics.ts): the joint states (y_t, y_past, x_past) of
 * series pairs counted into dense tables, one pass per pair.
 *
 * Each step's cell is computed from its own window (no history rolled from the step before, so
 * steps do not wait on each other), and consecutive steps count into four u32 sub-tables (t mod 4)
 * so that runs of one state do not chain through memory; the sub-tables are summed exactly.
 * k = 1 with l ≤ 1 (the common TE and AIS) runs unrolled by four.
 *
 * Binary series with at most four taps (1 + k + l ≤ 4, at most 16 cells: TE with k = l = 1, k = 2
 * or l = 2; AIS and entropy rate with k ≤ 3) are counted bit-sliced instead: each series is packed
 * into 64-bit words once per call, and the count of a cell is Σ_words popcount(AND over the taps of
 * the tap's word shifted by its delay, or its complement, as the cell's bit says) — 64 steps per
 * word operation. The counts are the same integers.
 */

@inline function bump(p: usize): void {
  store<u32>(p, load<u32>(p) + 1);
}

@inline function at<T>(s: usize, j: i32): i32 {
  return <i32>load<T>(s + (<usize>j << alignof<T>()));
}

/** The four sub-tables of one pair at `work` (4·cells u32) → `out` (cells f64), summed. */
function flush(work: usize, cells: usize, out: usize): void {
  const b = cells << 2;
  for (let c: usize = 0; c < cells; c++) {
    const p = work + (c << 2);
    store<f64>(out + (c << 3), <f64>(<u64>load<u32>(p) + <u64>load<u32>(p + b) + <u64>load<u32>(p + 2 * b) + <u64>load<u32>(p + 3 * b)));
  }
}

/** One pair's states into the sub-tables: y, x the series' first codes (element type T). */
function countPair<T>(y: usize, x: usize, n: i32, R: i32, Rl: i32, k: i32, l: i32, lag: i32, t0: i32, work: usize, b: usize): void {
  let t = t0;
  if (k == 1 && l <= 1) {
    // cell (y_{t−1}·R + y_t)·Rl + x_{t−lag} (l = 0: Rl = 1 and no source term)
    const xs = l > 0 ? x : y; // l = 0: any valid codes, masked to 0
    const xm: i32 = l > 0 ? -1 : 0;
    const dx = l > 0 ? lag : 0;
    for (; t + 4 <= n; t += 4) {
      const y0 = at<T>(y, t - 1);
      const y1 = at<T>(y, t);
      const y2 = at<T>(y, t + 1);
      const y3 = at<T>(y, t + 2);
      const y4 = at<T>(y, t + 3);
      const x0 = at<T>(xs, t - dx) & xm;
      const x1 = at<T>(xs, t + 1 - dx) & xm;
      const x2 = at<T>(xs, t + 2 - dx) & xm;
      const x3 = at<T>(xs, t + 3 - dx) & xm;
      bump(work + (<usize>((y0 * R + y1) * Rl + x0) << 2));
      bump(work + b + (<usize>((y1 * R + y2) * Rl + x1) << 2));
      bump(work + 2 * b + (<usize>((y2 * R + y3) * Rl + x2) << 2));
      bump(work + 3 * b + (<usize>((y3 * R + y4) * Rl + x3) << 2));
    }
  }
  for (; t < n; t++) {
    let yp = 0;
    for (let j = t - k; j < t; j++) yp = yp * R + at<T>(y, j);
    let xp = 0;
    for (let j = t - lag - l + 1; j <= t - lag; j++) xp = xp * R + at<T>(x, j);
    bump(work + <usize>(t & 3) * b + (<usize>((yp * R + at<T>(y, t)) * Rl + xp) << 2));
  }
}

/** Whether a call is counted bit-sliced: binary codes, at most four taps. */
@inline function bitSliced(R: i32, k: i32, l: i32): bool {
  return R == 2 && 1 + k + l <= 4;
}

/** 64-bit words of a packed row: a zero guard word, then ⌈n/64⌉ words (bit t of the row = code at t). */
@inline function rowWords(n: i32): i32 {
  return ((n + 63) >> 6) + 1;
}

/** Rows 0 … rows − 1 of 0/1 codes (element type T) packed into bits at `bits` (rowWords(n) words a row). */
function packRows<T>(codes: usize, n: i32, rows: i32, bits: usize): void {
  const W1 = rowWords(n);
  for (let r = 0; r < rows; r++) {
    const src = codes + ((<usize>r * <usize>n) << alignof<T>());
    const dst = bits + ((<usize>r * <usize>W1) << 3);
    store<u64>(dst, 0);
    for (let w = 0; w < W1 - 1; w++) {
      const t0 = w << 6;
      let v: u64 = 0;
      if (ASC_FEATURE_SIMD && sizeof<T>() == 1 && t0 + 64 <= n) {
        const p = src + <usize>t0;
        v = <u64>i8x16.bitmask(i8x16.shl(v128.load(p), 7)) |
          (<u64>i8x16.bitmask(i8x16.shl(v128.load(p, 16), 7)) << 16) |
          (<u64>i8x16.bitmask(i8x16.shl(v128.load(p, 32), 7)) << 32) |
          (<u64>i8x16.bitmask(i8x16.shl(v128.load(p, 48), 7)) << 48);
      } else if (sizeof<T>() == 1 && t0 + 64 <= n) {
        // eight 0/1 bytes → eight bits: the multiply moves byte i's bit to bit 56 + i, no carries
        const p = src + <usize>t0;
        for (let q = 0; q < 8; q++) v |= ((load<u64>(p + (<usize>q << 3)) * 0x0102040810204080) >> 56) << (<u64>q << 3);
      } else {
        const m = min(64, n - t0);
        for (let b = 0; b < m; b++) v |= <u64>(at<T>(src, t0 + b) & 1) << <u64>b;
      }
      store<u64>(dst + ((<usize>w + 1) << 3), v);
    }
  }
}

/** Word i of packed row `row` (its first word at row + 8) delayed by o steps: bit b = the row's bit 64i + b − o. */
@inline function delayed(row: usize, i: i32, o: i32): u64 {
  const j = i - (o >> 6);
  const r = <u64>(o & 63);
  const hi = load<u64>(row + (<usize>(j + 1) << 3));
  const lo = load<u64>(row + (<usize>j << 3)); // j − 1 in the row's words: the guard word when j = 0
  return (hi << r) | ((lo >>> 1) >>> (63 - r));
}

/**
 * The cells of one pair by bit slices: taps (y_t; y_{t−1} … y_{t−k}; x_{t−lag} … x_{t−lag−l+1}) at
 * cell bits l; l + 1 … l + k; 0 … l − 1 (the cell layout (yp·2 + y_t)·2^l + xp). Counts into
 * `acc` (cells u64), over t = t0 … n − 1.
 */
function bitCounts(yRow: usize, xRow: usize, n: i32, k: i32, l: i32, lag: i32, t0: i32, acc: usize, cells: i32): void {
  // four tap slots: row, delay, cell bit; unused slots read as all ones
  const r0 = yRow;
  const o0 = 0;
  const b0 = l;
  const used1 = k >= 1;
  const r1 = yRow;
  const o1 = 1;
  const b1 = l + 1;
  // the third and fourth taps: y_{t−2}, y_{t−3} or x_{t−lag}, x_{t−lag−1}
  const r2 = k >= 2 ? yRow : xRow;
  const o2 = k >= 2 ? 2 : lag;
  const b2 = k >= 2 ? l + 2 : 0;
  const used2 = k >= 2 || l >= 1;
  const r3 = k >= 3 ? yRow : xRow;
  const o3 = k >= 3 ? 3 : k == 2 ? lag : lag + 1;
  const b3 = k >= 3 ? l + 3 : k == 2 ? 0 : 1;
  const used3 = 1 + k + l >= 4;
  for (let c = 0; c < cells; c++) store<u64>(acc + (<usize>c << 3), 0);
  const i0 = t0 >> 6;
  const i1 = (n - 1) >> 6;
  for (let i = i0; i <= i1; i++) {
    let m: u64 = <u64>-1;
    if (i == i0) m &= (<u64>-1) << <u64>(t0 & 63);
    if (i == i1 && (n & 63) != 0) m &= ((<u64>1) << <u64>(n & 63)) - 1;
    const s0 = delayed(r0, i, o0);
    const s1 = used1 ? delayed(r1, i, o1) : <u64>-1;
    const s2 = used2 ? delayed(r2, i, o2) : <u64>-1;
    const s3 = used3 ? delayed(r3, i, o3) : <u64>-1;
    for (let c = 0; c < cells; c++) {
      // a set cell bit takes the tap's word, a clear one its complement (an unused tap: all ones)
      const v =
        m &
        (s0 ^ (<u64>((c >> b0) & 1) - 1)) &
        (used1 ? s1 ^ (<u64>((c >> b1) & 1) - 1) : s1) &
        (used2 ? s2 ^ (<u64>((c >> b2) & 1) - 1) : s2) &
        (used3 ? s3 ^ (<u64>((c >> b3) & 1) - 1) : s3);
      const p = acc + (<usize>c << 3);
      store<u64>(p, load<u64>(p) + popcnt<u64>(v));
    }
  }
}

/**
 * History tables of the pairs p0 ≤ p < p1 of `pairs` (two i32 per pair: target row, source row).
 * `codes` holds the series one after the other, row r at element r·n, codes 0 … R − 1 of `width`
 * bytes each (1: u8, 4: i32). For t = t0 … n − 1 the cell (yp·R + y_t)·R^l + xp is counted,
 * yp = y_{t−k}·R^{k−1} + … + y_{t−1} and xp = x_{t−lag−l+1}·R^{l−1} + … + x_{t−lag}. Each table
 * (R^(1+k+l) f64 counts) is written at out in pair order; `work` holds 4·R^(1+k+l) u32, and for
 * the bit-sliced path (bitSliced) also historyBitWords(n, rows) u64 after R^(1+k+l) u64.
 */
export function historyCounts(codes: usize, width: i32, n: i32, R: i32, pairs: usize, k: i32, l: i32, lag: i32, p0: i32, p1: i32, out: usize, work: usize): void {
  let Rl: i32 = 1;
  for (let j = 0; j < l; j++) Rl *= R;
  let Rk: i32 = 1;
  for (let j = 0; j < k; j++) Rk *= R;
  const cells = <usize>(Rk * R) * <usize>Rl;
  const b = cells << 2;
  const t0: i32 = l > 0 ? max(k, lag + l - 1) : k;
  const rowBytes = <usize>n * <usize>width;
  let o = out;
  if (bitSliced(R, k, l)) {
    // pack every row the pairs use (rows 0 … the largest), then count each pair by bit slices
    let rows = 0;
    for (let p = p0; p < p1; p++) rows = max(rows, max(load<i32>(pairs + (<usize>(2 * p) << 2)), load<i32>(pairs + (<usize>(2 * p + 1) << 2))) + 1);
    const bits = work + <usize>cells * 8;
    if (width == 1) packRows<u8>(codes, n, rows, bits);
    else packRows<i32>(codes, n, rows, bits);
    const W1 = <usize>rowWords(n) << 3;
    for (let p = p0; p < p1; p++) {
      const y = bits + <usize>load<i32>(pairs + (<usize>(2 * p) << 2)) * W1;
      const x = bits + <usize>load<i32>(pairs + (<usize>(2 * p + 1) << 2)) * W1;
      bitCounts(y, l > 0 ? x : y, n, k, l, lag, t0, work, <i32>cells);
      for (let c: usize = 0; c < cells; c++) store<f64>(o + (c << 3), <f64>load<u64>(work + (c << 3)));
      o += cells << 3;
    }
    return;
  }
  for (let p = p0; p < p1; p++) {
    memory.fill(work, 0, b << 2);
    const y = codes + <usize>load<i32>(pairs + (<usize>(2 * p) << 2)) * rowBytes;
    const x = codes + <usize>load<i32>(pairs + (<usize>(2 * p + 1) << 2)) * rowBytes;
    if (width == 1) countPair<u8>(y, x, n, R, Rl, k, l, lag, t0, work, b);
    else countPair<i32>(y, x, n, R, Rl, k, l, lag, t0, work, b);
    flush(work, cells, o);
    o += cells << 3;
  }
}

/** Bytes of work historyCounts needs for `rows` series of length n with radix R and histories k, l. */
export function historyWorkBytes(n: i32, rows: i32, R: i32, k: i32, l: i32): f64 {
  let cells: f64 = 1;
  for (let j = 0; j < 1 + k + l; j++) cells *= <f64>R;
  return bitSliced(R, k, l) ? cells * 8 + <f64>rows * <f64>rowWords(n) * 8 : cells * 16;
}
