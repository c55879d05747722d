// Histogram kernels: binning and counting in one pass, no allocation. The host (src/wasm/histogram.ts)
// lays out edges, per-axis parameters and u32 count tables in scratch, zeroes the tables, calls these
// kernels over chunks of samples, and sums the sub-tables into float64 counts.
//
// Bin of x on an axis with n bins and edges e[0..n] (NumPy's rules): bin i holds e[i] <= x < e[i+1],
// the last bin also x = e[n]; x outside [first, last] (or NaN) goes to the dump cell.
//   equal width: i = trunc((x - first) * norm) clamped to [0, n-1], then corrected by one against
//                the edges (i -= x < e[i]; i += x >= e[i+1] && i != n-1), as numpy.histogram does
//   other edges: binary search (upper bound)
// The SIMD build computes two indices at once with i32x4.trunc_sat_f64x2_s_zero (scalar f64->i32
// truncation is slow in V8) and spreads consecutive samples over 4 sub-tables (`sub` bytes apart,
// 0 for one table) so that increments of the same cell do not wait on each other's stores.
// Every kernel returns the sum of (x - x) over its samples: NaN iff some sample is NaN or +-Infinity.

// @ts-ignore: decorator
@inline function bump(p: usize): void {
  store<u32>(p, load<u32>(p) + 1);
}

// @ts-ignore: decorator
@inline function clampIndex(i: i32, last: i32): i32 {
  return i < 0 ? 0 : i > last ? last : i;
}

/** Corrects an estimated equal-width index against the edges (numpy's +-1 correction). */
// @ts-ignore: decorator
@inline function correct(edges: usize, i: i32, last: i32, x: f64): i32 {
  const p = edges + (<usize>i << 3);
  return i - <i32>(x < load<f64>(p)) + (<i32>(x >= load<f64>(p, 8)) & <i32>(i != last));
}

// @ts-ignore: decorator
@inline function uniformIndex(edges: usize, first: f64, norm: f64, last: i32, x: f64): i32 {
  let t = (x - first) * norm;
  t = t >= 0 ? t : 0; // NaN -> 0
  t = t < <f64>last ? t : <f64>last;
  return correct(edges, <i32>t, last, x);
}

/**
 * Equal-width bins of the two f64 lanes of x, numpy's correction applied: lanes 0 and 1 of the
 * result (SIMD build). vf, vn: first and norm splatted; vlast: the last bin splatted (i32x4).
 */
// @ts-ignore: decorator
@inline function uniformLanes(edges: usize, x: v128, vf: v128, vn: v128, vlast: v128, last: i32): v128 {
  const ix = i32x4.min_s(i32x4.max_s(i32x4.trunc_sat_f64x2_s_zero(f64x2.mul(f64x2.sub(x, vf), vn)), i32x4.splat(0)), vlast);
  const c0 = correct(edges, i32x4.extract_lane(ix, 0), last, f64x2.extract_lane(x, 0));
  const c1 = correct(edges, i32x4.extract_lane(ix, 1), last, f64x2.extract_lane(x, 1));
  return i32x4.replace_lane(i32x4.splat(c0), 1, c1);
}

/** Bin by binary search over n + 1 edges; x within [e[0], e[n]]. */
// @ts-ignore: decorator
@inline function searchIndex(edges: usize, n: i32, x: f64): i32 {
  if (x == load<f64>(edges + (<usize>n << 3))) return n - 1;
  let lo: i32 = 0;
  let hi: i32 = n + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (load<f64>(edges + (<usize>mid << 3)) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** [min, max, sum of (x - x)] of n f64 at p, written to out. */
export function minMaxF64(p: usize, n: i32, out: usize): void {
  let mn = Infinity;
  let mx = -Infinity;
  let bad: f64 = 0;
  let i: i32 = 0;
  if (ASC_FEATURE_SIMD) {
    let vmn = f64x2.splat(Infinity);
    let vmx = f64x2.splat(-Infinity);
    let vb = f64x2.splat(0);
    for (; i + 2 <= n; i += 2) {
      const x = v128.load(p + (<usize>i << 3));
      vmn = f64x2.pmin(vmn, x);
      vmx = f64x2.pmax(vmx, x);
      vb = f64x2.add(vb, f64x2.sub(x, x));
    }
    mn = min(f64x2.extract_lane(vmn, 0), f64x2.extract_lane(vmn, 1));
    mx = max(f64x2.extract_lane(vmx, 0), f64x2.extract_lane(vmx, 1));
    bad = f64x2.extract_lane(vb, 0) + f64x2.extract_lane(vb, 1);
  }
  for (; i < n; i++) {
    const x = load<f64>(p + (<usize>i << 3));
    mn = x < mn ? x : mn;
    mx = x > mx ? x : mx;
    bad += x - x;
  }
  store<f64>(out, mn);
  store<f64>(out, mx, 8);
  store<f64>(out, bad, 16);
}

/**
 * Per column j0 + j of a rows x cols row-major block at X: running min, max and sum of (x - x),
 * updated in place in the arrays at mins, maxs, bads (indexed by absolute column).
 */
export function columnMinMaxF64(X: usize, rows: i32, cols: i32, j0: i32, mins: usize, maxs: usize, bads: usize): void {
  const o = <usize>j0 << 3;
  for (let r: i32 = 0; r < rows; r++) {
    const row = X + ((<usize>r * <usize>cols) << 3);
    let j: i32 = 0;
    if (ASC_FEATURE_SIMD) {
      for (; j + 2 <= cols; j += 2) {
        const jj = o + (<usize>j << 3);
        const x = v128.load(row + (<usize>j << 3));
        v128.store(mins + jj, f64x2.pmin(v128.load(mins + jj), x));
        v128.store(maxs + jj, f64x2.pmax(v128.load(maxs + jj), x));
        v128.store(bads + jj, f64x2.add(v128.load(bads + jj), f64x2.sub(x, x)));
      }
    }
    for (; j < cols; j++) {
      const jj = o + (<usize>j << 3);
      const x = load<f64>(row + (<usize>j << 3));
      const mn = load<f64>(mins + jj);
      const mx = load<f64>(maxs + jj);
      store<f64>(mins + jj, x < mn ? x : mn);
      store<f64>(maxs + jj, x > mx ? x : mx);
      store<f64>(bads + jj, load<f64>(bads + jj) + (x - x));
    }
  }
}

/**
 * 1-D equal-width counts of n f64 at px. prm: [first, last, norm]; edges: nb + 1 f64; table: u32
 * cells 0..nb-1, dump cell nb, sub-tables `sub` bytes apart.
 */
export function hist1dUniformF64(px: usize, n: i32, prm: usize, edges: usize, nb: i32, table: usize, sub: usize): f64 {
  const first = load<f64>(prm);
  const lastE = load<f64>(prm, 8);
  const norm = load<f64>(prm, 16);
  const last = nb - 1;
  const dump = <usize>nb << 2;
  let bad: f64 = 0;
  let i: i32 = 0;
  if (ASC_FEATURE_SIMD) {
    const vf = f64x2.splat(first);
    const vl = f64x2.splat(lastE);
    const vn = f64x2.splat(norm);
    const vlast = i32x4.splat(last);
    let vb = f64x2.splat(0);
    for (; i + 2 <= n; i += 2) {
      const x = v128.load(px + (<usize>i << 3));
      vb = f64x2.add(vb, f64x2.sub(x, x));
      const c = uniformLanes(edges, x, vf, vn, vlast, last);
      const ok = v128.and(f64x2.ge(x, vf), f64x2.le(x, vl));
      const t = table + <usize>(i & 2) * sub;
      bump(t + (i64x2.extract_lane(ok, 0) != 0 ? <usize>i32x4.extract_lane(c, 0) << 2 : dump));
      bump(t + sub + (i64x2.extract_lane(ok, 1) != 0 ? <usize>i32x4.extract_lane(c, 1) << 2 : dump));
    }
    bad = f64x2.extract_lane(vb, 0) + f64x2.extract_lane(vb, 1);
  }
  for (; i < n; i++) {
    const x = load<f64>(px + (<usize>i << 3));
    bad += x - x;
    const c = uniformIndex(edges, first, norm, last, x);
    bump(table + <usize>(i & 3) * sub + (x >= first && x <= lastE ? <usize>c << 2 : dump));
  }
  return bad;
}

/** 1-D counts over arbitrary non-decreasing edges (binary search); layout as hist1dUniformF64. */
export function hist1dEdgesF64(px: usize, n: i32, edges: usize, nb: i32, table: usize, sub: usize): f64 {
  const first = load<f64>(edges);
  const lastE = load<f64>(edges + (<usize>nb << 3));
  const dump = <usize>nb << 2;
  let bad: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const x = load<f64>(px + (<usize>i << 3));
    bad += x - x;
    const ok = x >= first && x <= lastE;
    bump(table + <usize>(i & 3) * sub + (ok ? <usize>searchIndex(edges, nb, x) << 2 : dump));
  }
  return bad;
}

/**
 * 2-D equal-width counts of n pairs (px, py). prm: [firstX, lastX, normX, firstY, lastY, normY];
 * table: u32 cells ix*ny + iy, dump cell nx*ny, sub-tables `sub` bytes apart.
 */
export function hist2dUniformF64(px: usize, py: usize, n: i32, prm: usize, edgesX: usize, edgesY: usize, nx: i32, ny: i32, table: usize, sub: usize): f64 {
  const fX = load<f64>(prm);
  const lX = load<f64>(prm, 8);
  const nX = load<f64>(prm, 16);
  const fY = load<f64>(prm, 24);
  const lY = load<f64>(prm, 32);
  const nY = load<f64>(prm, 40);
  const lastX = nx - 1;
  const lastY = ny - 1;
  const dump = <usize>(nx * ny) << 2;
  let bad: f64 = 0;
  let i: i32 = 0;
  if (ASC_FEATURE_SIMD) {
    const vfX = f64x2.splat(fX);
    const vlX = f64x2.splat(lX);
    const vnX = f64x2.splat(nX);
    const vfY = f64x2.splat(fY);
    const vlY = f64x2.splat(lY);
    const vnY = f64x2.splat(nY);
    const zero = i32x4.splat(0);
    const vlastX = i32x4.splat(lastX);
    const vlastY = i32x4.splat(lastY);
    const vny = i32x4.splat(ny);
    const vdump = i32x4.splat(nx * ny);
    // prm[6], prm[7]: per axis, the distance (in bins) from an edge within which the multiplied
    // index may be off by one (bounded by the host from the rounding of edges and product); only
    // samples that near an edge take the corrected path.
    const vEps = f64x2(load<f64>(prm, 48), load<f64>(prm, 56));
    const vEps1 = f64x2.sub(f64x2.splat(1), vEps);
    let vb = f64x2.splat(0);
    for (; i + 2 <= n; i += 2) {
      const x = v128.load(px + (<usize>i << 3));
      const y = v128.load(py + (<usize>i << 3));
      vb = f64x2.add(vb, f64x2.add(f64x2.sub(x, x), f64x2.sub(y, y)));
      const fx = f64x2.mul(f64x2.sub(x, vfX), vnX);
      const fy = f64x2.mul(f64x2.sub(y, vfY), vnY);
      const ix = i32x4.min_s(i32x4.max_s(i32x4.trunc_sat_f64x2_s_zero(fx), zero), vlastX);
      const iy = i32x4.min_s(i32x4.max_s(i32x4.trunc_sat_f64x2_s_zero(fy), zero), vlastY);
      const ok = v128.and(v128.and(f64x2.ge(x, vfX), f64x2.le(x, vlX)), v128.and(f64x2.ge(y, vfY), f64x2.le(y, vlY)));
      const t = table + <usize>(i & 2) * sub;
      // Only a sample within ~1e-9 of a bin edge (in bin units) can need NumPy's +-1 correction.
      const rx = f64x2.sub(fx, f64x2.trunc(fx));
      const ry = f64x2.sub(fy, f64x2.trunc(fy));
      const eX = f64x2.splat(f64x2.extract_lane(vEps, 0));
      const eX1 = f64x2.splat(f64x2.extract_lane(vEps1, 0));
      const eY = f64x2.splat(f64x2.extract_lane(vEps, 1));
      const eY1 = f64x2.splat(f64x2.extract_lane(vEps1, 1));
      // written as "not safely inside" so that a NaN fraction (norm overflowed) counts as near
      const near = v128.not(v128.and(v128.and(f64x2.ge(rx, eX), f64x2.le(rx, eX1)), v128.and(f64x2.ge(ry, eY), f64x2.le(ry, eY1))));
      if (!v128.any_true(v128.and(near, ok))) {
        // cells in i32 lanes 0, 1; the i64 masks' low halves moved to lanes 0, 1
        const cell = i32x4.add(i32x4.mul(ix, vny), iy);
        const m = i8x16.shuffle(ok, ok, 0, 1, 2, 3, 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11);
        const c = v128.bitselect(cell, vdump, m);
        bump(t + (<usize>i32x4.extract_lane(c, 0) << 2));
        bump(t + sub + (<usize>i32x4.extract_lane(c, 1) << 2));
        continue;
      }
      const x0 = f64x2.extract_lane(x, 0);
      const x1 = f64x2.extract_lane(x, 1);
      const y0 = f64x2.extract_lane(y, 0);
      const y1 = f64x2.extract_lane(y, 1);
      const a0 = correct(edgesX, i32x4.extract_lane(ix, 0), lastX, x0);
      const a1 = correct(edgesX, i32x4.extract_lane(ix, 1), lastX, x1);
      const b0 = correct(edgesY, i32x4.extract_lane(iy, 0), lastY, y0);
      const b1 = correct(edgesY, i32x4.extract_lane(iy, 1), lastY, y1);
      bump(t + (i64x2.extract_lane(ok, 0) != 0 ? <usize>(a0 * ny + b0) << 2 : dump));
      bump(t + sub + (i64x2.extract_lane(ok, 1) != 0 ? <usize>(a1 * ny + b1) << 2 : dump));
    }
    bad = f64x2.extract_lane(vb, 0) + f64x2.extract_lane(vb, 1);
  }
  for (; i < n; i++) {
    const x = load<f64>(px + (<usize>i << 3));
    const y = load<f64>(py + (<usize>i << 3));
    bad += (x - x) + (y - y);
    const a = uniformIndex(edgesX, fX, nX, lastX, x);
    const b = uniformIndex(edgesY, fY, nY, lastY, y);
    const ok = x >= fX && x <= lX && y >= fY && y <= lY;
    bump(table + <usize>(i & 3) * sub + (ok ? <usize>(a * ny + b) << 2 : dump));
  }
  return bad;
}

/**
 * 2-D counts with per-axis mode: uX/uY = 1 for equal-width (prm as hist2dUniformF64), 0 for binary
 * search over the edges. Scalar: the path for quantile or explicit edges.
 */
export function hist2dEdgesF64(px: usize, py: usize, n: i32, prm: usize, edgesX: usize, edgesY: usize, nx: i32, ny: i32, uX: i32, uY: i32, table: usize, sub: usize): f64 {
  const fX = load<f64>(edgesX);
  const lX = load<f64>(edgesX + (<usize>nx << 3));
  const fY = load<f64>(edgesY);
  const lY = load<f64>(edgesY + (<usize>ny << 3));
  const nX = load<f64>(prm, 16);
  const nY = load<f64>(prm, 40);
  const dump = <usize>(nx * ny) << 2;
  let bad: f64 = 0;
  for (let i: i32 = 0; i < n; i++) {
    const x = load<f64>(px + (<usize>i << 3));
    const y = load<f64>(py + (<usize>i << 3));
    bad += (x - x) + (y - y);
    let cell = dump;
    if (x >= fX && x <= lX && y >= fY && y <= lY) {
      const a = uX ? uniformIndex(edgesX, fX, nX, nx - 1, x) : searchIndex(edgesX, nx, x);
      const b = uY ? uniformIndex(edgesY, fY, nY, ny - 1, y) : searchIndex(edgesY, ny, y);
      cell = <usize>(a * ny + b) << 2;
    }
    bump(table + <usize>(i & 3) * sub + cell);
  }
  return bad;
}

/**
 * Column tables of a rows x cols row-major block at X (columns j0 .. j0 + cols - 1 of the matrix)
 * against row classes yIdx (i32, -1 drops the row), k classes. Per absolute column j: first[j],
 * last[j], norm[j] (f64), nb[j], eOff[j] (edge offset, in f64), tOff[j] (table offset, in cells),
 * uni[j] (1 = equal width, 0 = binary search) (i32). Cell tOff[j] + bin*k + class; dump cell at `dump`.
 */
export function columnCountsF64(
  X: usize, rows: i32, cols: i32, j0: i32, yIdx: usize, k: i32,
  first: usize, last: usize, norm: usize, nb: usize, eOff: usize, tOff: usize, uni: usize,
  edges: usize, table: usize, dump: i32,
): f64 {
  let bad: f64 = 0;
  const dumpCell = <usize>dump << 2;
  for (let r: i32 = 0; r < rows; r++) {
    const row = X + ((<usize>r * <usize>cols) << 3);
    const c = load<i32>(yIdx + (<usize>r << 2));
    let j: i32 = 0;
    if (ASC_FEATURE_SIMD) {
      const zero = i32x4.splat(0);
      let vb = f64x2.splat(0);
      for (; j + 2 <= cols; j += 2) {
        const J = j0 + j;
        const jo = <usize>J << 3;
        const ji = <usize>J << 2;
        const n0 = load<i32>(nb + ji);
        const n1 = load<i32>(nb + ji, 4);
        const x = v128.load(row + (<usize>j << 3));
        vb = f64x2.add(vb, f64x2.sub(x, x));
        const vf = v128.load(first + jo);
        const vl = v128.load(last + jo);
        const vlast = i32x4.sub(i32x4(n0, n1, 0, 0), i32x4.splat(1));
        const ix = i32x4.min_s(i32x4.max_s(i32x4.trunc_sat_f64x2_s_zero(f64x2.mul(f64x2.sub(x, vf), v128.load(norm + jo))), zero), vlast);
        const ok = v128.and(f64x2.ge(x, vf), f64x2.le(x, vl));
        const x0 = f64x2.extract_lane(x, 0);
        const x1 = f64x2.extract_lane(x, 1);
        const e0 = edges + (<usize>load<i32>(eOff + ji) << 3);
        const e1 = edges + (<usize>load<i32>(eOff + ji, 4) << 3);
        const a0 = load<i32>(uni + ji) ? correct(e0, i32x4.extract_lane(ix, 0), n0 - 1, x0) : (i64x2.extract_lane(ok, 0) != 0 ? searchIndex(e0, n0, x0) : 0);
        const a1 = load<i32>(uni + ji, 4) ? correct(e1, i32x4.extract_lane(ix, 1), n1 - 1, x1) : (i64x2.extract_lane(ok, 1) != 0 ? searchIndex(e1, n1, x1) : 0);
        const cell0 = c >= 0 && i64x2.extract_lane(ok, 0) != 0 ? <usize>(load<i32>(tOff + ji) + a0 * k + c) << 2 : dumpCell;
        const cell1 = c >= 0 && i64x2.extract_lane(ok, 1) != 0 ? <usize>(load<i32>(tOff + ji, 4) + a1 * k + c) << 2 : dumpCell;
        bump(table + cell0);
        bump(table + cell1);
      }
      bad += f64x2.extract_lane(vb, 0) + f64x2.extract_lane(vb, 1);
    }
    for (; j < cols; j++) {
      const J = j0 + j;
      const jo = <usize>J << 3;
      const ji = <usize>J << 2;
      const x = load<f64>(row + (<usize>j << 3));
      bad += x - x;
      const f = load<f64>(first + jo);
      const n = load<i32>(nb + ji);
      const e = edges + (<usize>load<i32>(eOff + ji) << 3);
      let cell = dumpCell;
      if (c >= 0 && x >= f && x <= load<f64>(last + jo)) {
        const a = load<i32>(uni + ji) ? uniformIndex(e, f, load<f64>(norm + jo), n - 1, x) : searchIndex(e, n, x);
        cell = <usize>(load<i32>(tOff + ji) + a * k + c) << 2;
      }
      bump(table + cell);
    }
  }
  return bad;
}

/**
 * Bin codes of n f64 at px, written as i32 at out: the bin of each sample (equal-width with
 * prm [first, last, norm] when `uniform`, else by binary search over the nb + 1 edges), −1 for a
 * sample outside [first, last] or NaN. Returns the sum of (x − x) (NaN iff some sample is not finite).
 */
export function binCodesF64(px: usize, n: i32, prm: usize, edges: usize, nb: i32, uniform: i32, out: usize): f64 {
  const first = uniform ? load<f64>(prm) : load<f64>(edges);
  const lastE = uniform ? load<f64>(prm, 8) : load<f64>(edges + (<usize>nb << 3));
  const norm = load<f64>(prm, 16);
  const last = nb - 1;
  let bad: f64 = 0;
  let i: i32 = 0;
  if (uniform) {
    if (ASC_FEATURE_SIMD) {
      const vf = f64x2.splat(first);
      const vl = f64x2.splat(lastE);
      const vn = f64x2.splat(norm);
      const vlast = i32x4.splat(last);
      let vb = f64x2.splat(0);
      for (; i + 2 <= n; i += 2) {
        const x = v128.load(px + (<usize>i << 3));
        vb = f64x2.add(vb, f64x2.sub(x, x));
        const c = uniformLanes(edges, x, vf, vn, vlast, last);
        const ok = v128.and(f64x2.ge(x, vf), f64x2.le(x, vl));
        store<i32>(out + (<usize>i << 2), i64x2.extract_lane(ok, 0) != 0 ? i32x4.extract_lane(c, 0) : -1);
        store<i32>(out + (<usize>i << 2), i64x2.extract_lane(ok, 1) != 0 ? i32x4.extract_lane(c, 1) : -1, 4);
      }
      bad = f64x2.extract_lane(vb, 0) + f64x2.extract_lane(vb, 1);
    }
    for (; i < n; i++) {
      const x = load<f64>(px + (<usize>i << 3));
      bad += x - x;
      const c = uniformIndex(edges, first, norm, last, x);
      store<i32>(out + (<usize>i << 2), x >= first && x <= lastE ? c : -1);
    }
    return bad;
  }
  for (; i < n; i++) {
    const x = load<f64>(px + (<usize>i << 3));
    bad += x - x;
    store<i32>(out + (<usize>i << 2), x >= first && x <= lastE ? searchIndex(edges, nb, x) : -1);
  }
  return bad;
}
