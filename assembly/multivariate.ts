/**
 * The pair-counting kernel of the many-variable measures (src/multivariate.ts; the JS twin and
 * reference is src/js/multivariate.ts): the count tables of many pairs of coded columns in one
 * call, so that a matrix of pairwise MI codes (or bins) each column once and then counts every
 * pair table from the codes.
 */

/**
 * Count tables of the column pairs p0 ≤ p < p1 of `pairs` (two i32 per pair: columns i, j).
 * `codes` holds the columns one after the other (column c at codes[c·n …], i32 codes in
 * 0 … k[c] − 1); the table of pair p is k[i] × k[j] f64 counts, row-major (rows index column i),
 * written at out one after the other in pair order. Two interleaved sub-tables (even and odd
 * rows) break the store-to-load chain of runs of equal codes; their sum is exact.
 */
export function pairTables(codes: usize, n: i32, k: usize, pairs: usize, p0: i32, p1: i32, out: usize, work: usize): void {
  let o = out;
  for (let p = p0; p < p1; p++) {
    const i = load<i32>(pairs + (<usize>(2 * p) << 2));
    const j = load<i32>(pairs + (<usize>(2 * p + 1) << 2));
    const C = load<i32>(k + (<usize>j << 2));
    const cells = <usize>load<i32>(k + (<usize>i << 2)) * <usize>C;
    const bytes = cells << 2;
    const t0 = work;
    const t1 = work + bytes;
    memory.fill(work, 0, bytes << 1);
    const a = codes + ((<usize>i * <usize>n) << 2);
    const b = codes + ((<usize>j * <usize>n) << 2);
    let r = 0;
    for (; r + 2 <= n; r += 2) {
      const q = <usize>r << 2;
      const x0 = t0 + (<usize>(load<i32>(a + q) * C + load<i32>(b + q)) << 2);
      const x1 = t1 + (<usize>(load<i32>(a + q, 4) * C + load<i32>(b + q, 4)) << 2);
      store<u32>(x0, load<u32>(x0) + 1);
      store<u32>(x1, load<u32>(x1) + 1);
    }
    if (r < n) {
      const q = <usize>r << 2;
      const x0 = t0 + (<usize>(load<i32>(a + q) * C + load<i32>(b + q)) << 2);
      store<u32>(x0, load<u32>(x0) + 1);
    }
    for (let c: usize = 0; c < cells; c++) store<f64>(o + (c << 3), <f64>(load<u32>(t0 + (c << 2)) + load<u32>(t1 + (c << 2))));
    o += cells << 3;
  }
}
