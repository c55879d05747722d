/**
 * The history-counting kernel of the time-series family (src/dynamics.ts finishes the counts;
 * the JS twin and reference is src/js/dynamics.ts): the joint states (y_t, y_past, x_past) of
 * series pairs counted into dense tables, one pass per pair.
 *
 * Each step's cell is computed from its own window (no history rolled from the step before, so
 * steps do not wait on each other), and consecutive steps count into four u32 sub-tables (t mod 4)
 * so that runs of one state do not chain through memory; the sub-tables are summed exactly.
 * k = 1 with l ≤ 1 (the common TE and AIS) runs unrolled by four.
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

/**
 * History tables of the pairs p0 ≤ p < p1 of `pairs` (two i32 per pair: target row, source row).
 * `codes` holds the series one after the other, row r at element r·n, codes 0 … R − 1 of `width`
 * bytes each (1: u8, 4: i32). For t = t0 … n − 1 the cell (yp·R + y_t)·R^l + xp is counted,
 * yp = y_{t−k}·R^{k−1} + … + y_{t−1} and xp = x_{t−lag−l+1}·R^{l−1} + … + x_{t−lag}. Each table
 * (R^(1+k+l) f64 counts) is written at out in pair order; `work` holds 4·R^(1+k+l) u32.
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
