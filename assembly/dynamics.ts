/**
 * The history-counting kernel of the time-series family (src/dynamics.ts finishes the counts;
 * the JS twin and reference is src/js/dynamics.ts): the joint states (y_t, y_past, x_past) of
 * series pairs counted into dense tables, one pass per pair, the history codes rolled.
 */

@inline function bump(p: usize): void {
  store<u32>(p, load<u32>(p) + 1);
}

/**
 * History tables of the pairs p0 ≤ p < p1 of `pairs` (two i32 per pair: target row, source row).
 * `codes` holds the series one after the other (row r at codes[r·n …], i32 codes 0 … R − 1). For
 * t = t0 … n − 1 the cell (yp·R + y_t)·R^l + xp is counted, yp = y_{t−k}·R^{k−1} + … + y_{t−1}
 * and xp = x_{t−lag−l+1}·R^{l−1} + … + x_{t−lag}, both rolled by one step:
 * yp ← (yp − y_{t−k}·R^{k−1})·R + y_t. Each table (R^(1+k+l) f64 counts) is written at out in pair
 * order. Two u32 sub-tables in `work` (even and odd t) break the store-to-load chain of runs of
 * equal states; their sum is exact.
 */
export function historyCounts(codes: usize, n: i32, R: i32, pairs: usize, k: i32, l: i32, lag: i32, p0: i32, p1: i32, out: usize, work: usize): void {
  let Rl: i32 = 1;
  for (let j = 0; j < l; j++) Rl *= R;
  let topY: i32 = 1;
  for (let j = 1; j < k; j++) topY *= R;
  const topX: i32 = l > 0 ? Rl / R : 0;
  const cells = <usize>(R * topY * R) * <usize>Rl;
  const bytes = cells << 2;
  const t0: i32 = l > 0 ? max(k, lag + l - 1) : k;
  const w1 = work + bytes;
  let o = out;
  for (let p = p0; p < p1; p++) {
    memory.fill(work, 0, bytes << 1);
    const y = codes + ((<usize>load<i32>(pairs + (<usize>(2 * p) << 2)) * <usize>n) << 2);
    const x = codes + ((<usize>load<i32>(pairs + (<usize>(2 * p + 1) << 2)) * <usize>n) << 2);
    let yp: i32 = 0;
    for (let j = t0 - k; j < t0; j++) yp = yp * R + load<i32>(y + (<usize>j << 2));
    let xp: i32 = 0;
    if (l > 0) {
      for (let j = t0 - lag - l + 1; j <= t0 - lag; j++) xp = xp * R + load<i32>(x + (<usize>j << 2));
      // yOld walks y_{t−k}, xOld x_{t−lag−l+1}, xNew x_{t+1−lag}
      let yOld = y + (<usize>(t0 - k) << 2);
      let xOld = x + (<usize>(t0 - lag - l + 1) << 2);
      let xNew = x + (<usize>(t0 + 1 - lag) << 2);
      let t = t0;
      for (; t + 2 <= n; t += 2) {
        const a = load<i32>(y + (<usize>t << 2));
        bump(work + (<usize>((yp * R + a) * Rl + xp) << 2));
        yp = (yp - load<i32>(yOld) * topY) * R + a;
        xp = (xp - load<i32>(xOld) * topX) * R + load<i32>(xNew);
        const b = load<i32>(y + (<usize>t << 2), 4);
        bump(w1 + (<usize>((yp * R + b) * Rl + xp) << 2));
        yp = (yp - load<i32>(yOld, 4) * topY) * R + b;
        xp = (xp - load<i32>(xOld, 4) * topX) * R + load<i32>(xNew, 4);
        yOld += 8;
        xOld += 8;
        xNew += 8;
      }
      if (t < n) bump(work + (<usize>((yp * R + load<i32>(y + (<usize>t << 2))) * Rl + xp) << 2));
    } else {
      let yOld = y + (<usize>(t0 - k) << 2);
      let t = t0;
      for (; t + 2 <= n; t += 2) {
        const a = load<i32>(y + (<usize>t << 2));
        bump(work + (<usize>(yp * R + a) << 2));
        yp = (yp - load<i32>(yOld) * topY) * R + a;
        const b = load<i32>(y + (<usize>t << 2), 4);
        bump(w1 + (<usize>(yp * R + b) << 2));
        yp = (yp - load<i32>(yOld, 4) * topY) * R + b;
        yOld += 8;
      }
      if (t < n) bump(work + (<usize>(yp * R + load<i32>(y + (<usize>t << 2))) << 2));
    }
    for (let c: usize = 0; c < cells; c++) store<f64>(o + (c << 3), <f64>(load<u32>(work + (c << 2)) + load<u32>(work + bytes + (c << 2))));
    o += cells << 3;
  }
}
