// Exact neighbour search for the kNN estimators: the twin of src/js/knn.ts, step for step (read
// that file for the algorithm). d = 1: sorted copies; d ≥ 2: a flat, balanced, implicit k-d tree
// (node 1 the root over positions [0, n), node i's children 2i, 2i+1 over [l, mid), [mid, r),
// mid = (l + r) >> 1, leaves of at most LEAF points), median splits on the widest side of the cell,
// tight boxes per node. Kernels return distances and integer counts only.
//
// Memory: the host copies the inputs and hands a `work` region of knnWorkBytes(...) bytes, laid
// out by the kernels themselves; nothing is allocated.

const LEAF: i32 = 8;
const STACK: i32 = 128;
const MAX: i32 = 0; // metric codes: max-norm, Euclidean
const INF: f64 = Infinity;

// @ts-ignore: decorator
@inline export function ld(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
// @ts-ignore: decorator
@inline export function st(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}
// @ts-ignore: decorator
@inline export function ldi(p: usize, i: i32): i32 {
  return load<i32>(p + (<usize>i << 2));
}
// @ts-ignore: decorator
@inline export function sti(p: usize, i: i32, v: i32): void {
  store<i32>(p + (<usize>i << 2), v);
}
// @ts-ignore: decorator
@inline export function a64(x: usize): usize {
  return (x + 63) & ~(<usize>63);
}

/** The largest double below x (x > 0), or 0 for x = 0 (np.nextafter(x, 0)). */
// @ts-ignore: decorator
@inline function radiusBelow(x: f64): f64 {
  return x > 0 ? reinterpret<f64>(reinterpret<u64>(x) - 1) : 0;
}

/** Node slots of the implicit tree over n points. */
function treeNodes(n: i32): i32 {
  let depth = 0;
  let size = n;
  while (size > LEAF) {
    size = (size + 1) >> 1;
    depth++;
  }
  return 2 << depth;
}

// ---- sorting ----

/** Sorts keys[l..r] (inclusive) ascending carrying idx along (as src/js/knn.ts sortPairs). */
export function sortPairs(keys: usize, idx: usize, l: i32, r: i32): void {
  while (r - l > 16) {
    const a = ld(keys, l);
    const b = ld(keys, (l + r) >>> 1);
    const c = ld(keys, r);
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = l;
    let j = r;
    while (i <= j) {
      while (ld(keys, i) < pivot) i++;
      while (ld(keys, j) > pivot) j--;
      if (i <= j) {
        const t = ld(keys, i);
        st(keys, i, ld(keys, j));
        st(keys, j, t);
        const u = ldi(idx, i);
        sti(idx, i, ldi(idx, j));
        sti(idx, j, u);
        i++;
        j--;
      }
    }
    if (j - l < r - i) {
      sortPairs(keys, idx, l, j);
      l = i;
    } else {
      sortPairs(keys, idx, i, r);
      r = j;
    }
  }
  for (let i = l + 1; i <= r; i++) {
    const v = ld(keys, i);
    const u = ldi(idx, i);
    let j = i - 1;
    while (j >= l && ld(keys, j) > v) {
      st(keys, j + 1, ld(keys, j));
      sti(idx, j + 1, ldi(idx, j));
      j--;
    }
    st(keys, j + 1, v);
    sti(idx, j + 1, u);
  }
}

// ---- d = 1: sorted copies (s f64[n], perm i32[n], rank i32[n]) ----

/** Bytes of one sorted copy of n values. */
// @ts-ignore: decorator
@inline function sortedBytes(n: i32): usize {
  return a64(<usize>n << 3) + 2 * a64(<usize>n << 2);
}
// @ts-ignore: decorator
@inline function permOf(S: usize, n: i32): usize {
  return S + a64(<usize>n << 3);
}
// @ts-ignore: decorator
@inline function rankOf(S: usize, n: i32): usize {
  return permOf(S, n) + a64(<usize>n << 2);
}

/** Column c of the n×cols X sorted into S: s[p] = X[perm[p], c] ascending, rank[perm[p]] = p. */
function sortColumn(X: usize, n: i32, cols: i32, c: i32, S: usize): void {
  const perm = permOf(S, n);
  const rank = rankOf(S, n);
  for (let i = 0; i < n; i++) {
    st(S, i, ld(X, i * cols + c));
    sti(perm, i, i);
  }
  sortPairs(S, perm, 0, n - 1);
  for (let p = 0; p < n; p++) sti(rank, ldi(perm, p), p);
}

/** Distance from s[p] to its k-th nearest value of sorted s[lo, hi), s[p] itself not counted. */
function kthAt(s: usize, lo: i32, hi: i32, p: i32, k: i32): f64 {
  return kthMerge(s, lo, hi, ld(s, p), p - 1, p + 1, k);
}

/** Distance from any x to its k-th nearest value of sorted s[0, n). */
function kthOf(s: usize, n: i32, x: f64, k: i32): f64 {
  let l = 0;
  let r = n;
  while (l < r) {
    const m = (l + r) >>> 1;
    if (ld(s, m) < x) l = m + 1;
    else r = m;
  }
  return kthMerge(s, 0, n, x, l - 1, l, k);
}

/** The k-th smallest distance from x to the values of sorted s[lo, hi) met walking outwards from l (down) and r (up). */
// @ts-ignore: decorator
@inline function kthMerge(s: usize, lo: i32, hi: i32, x: f64, l: i32, r: i32, k: i32): f64 {
  let eps: f64 = 0;
  for (let t = 0; t < k; t++) {
    const dl = l >= lo ? x - ld(s, l) : INF;
    const dr = r < hi ? ld(s, r) - x : INF;
    if (dl <= dr) {
      eps = dl;
      l--;
    } else {
      eps = dr;
      r++;
    }
  }
  return eps;
}

/** #{j : fl|s_j − s_p| ≤ r} over sorted s[0, n), by exponential search outwards from p. */
function withinAt(s: usize, n: i32, p: i32, r: f64): i32 {
  const x = ld(s, p);
  let lo = p;
  let step = 1;
  let hi = p + 1;
  while (hi < n && !(ld(s, hi) - x > r)) {
    lo = hi;
    step += step;
    hi = p + step;
  }
  if (hi > n) hi = n;
  let a = lo + 1;
  while (a < hi) {
    const m = (a + hi) >>> 1;
    if (ld(s, m) - x > r) hi = m;
    else a = m + 1;
  }
  const top = a;
  hi = p;
  step = 1;
  lo = p - 1;
  while (lo >= 0 && x - ld(s, lo) <= r) {
    hi = lo;
    step += step;
    lo = p - step;
  }
  if (lo < -1) lo = -1;
  let b = hi;
  a = lo + 1;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (x - ld(s, m) <= r) b = m;
    else a = m + 1;
  }
  return top - a;
}

// ---- the k-d tree (one at a time: module state) ----

let tN: i32 = 0;
let tD: i32 = 0;
let tIdx: usize = 0; // i32[n]: row at each leaf-order position
let tPts: usize = 0; // f64[n·d]: coordinates in leaf order
let tLo: usize = 0; // f64[nodes·d]
let tHi: usize = 0;
let tQ: usize = 0; // f64[d]: the query
let bestD: usize = 0; // f64[k]
let bestI: usize = 0; // i32[k]
let stNode: usize = 0; // i32[STACK]
let stL: usize = 0;
let stR: usize = 0;
let stDist: usize = 0; // f64[STACK]
let pathL: usize = 0; // i32[STACK]
let pathR: usize = 0;
let cellLo: usize = 0; // f64[STACK·d]: cell bounds of the node being built at each depth
let cellHi: usize = 0;

/** Bytes a tree over n points of d coordinates needs for k neighbours (see treeLayout). */
function treeBytes(n: i32, d: i32, k: i32): usize {
  const nodes = <usize>treeNodes(n);
  return a64(<usize>n << 2) + a64((<usize>n * d) << 3) + 2 * a64((nodes * d) << 3) + a64(<usize>d << 3) + a64(<usize>k << 3) + a64(<usize>k << 2) + 5 * a64(<usize>STACK << 2) + a64(<usize>STACK << 3) + 2 * a64((<usize>STACK * d) << 3);
}

/** Places the tree's arrays from `work` on; returns the first byte after them. */
function treeLayout(work: usize, n: i32, d: i32, k: i32): usize {
  const nodes = <usize>treeNodes(n);
  tN = n;
  tD = d;
  tIdx = work;
  tPts = tIdx + a64(<usize>n << 2);
  tLo = tPts + a64((<usize>n * d) << 3);
  tHi = tLo + a64((nodes * d) << 3);
  tQ = tHi + a64((nodes * d) << 3);
  bestD = tQ + a64(<usize>d << 3);
  bestI = bestD + a64(<usize>k << 3);
  stNode = bestI + a64(<usize>k << 2);
  stL = stNode + a64(<usize>STACK << 2);
  stR = stL + a64(<usize>STACK << 2);
  pathL = stR + a64(<usize>STACK << 2);
  pathR = pathL + a64(<usize>STACK << 2);
  stDist = pathR + a64(<usize>STACK << 2);
  cellLo = stDist + a64(<usize>STACK << 3);
  cellHi = cellLo + a64((<usize>STACK * d) << 3);
  return cellHi + a64((<usize>STACK * d) << 3);
}

/** Positions l..r (points and rows together) rearranged so position m ranks m − l on coordinate dim. */
function selectNth(dim: i32, l: i32, r: i32, m: i32): void {
  const d = tD;
  const pts = tPts;
  const idx = tIdx;
  while (r > l) {
    const a = ld(pts, l * d + dim);
    const b = ld(pts, ((l + r) >>> 1) * d + dim);
    const c = ld(pts, r * d + dim);
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = l;
    let j = r;
    while (i <= j) {
      while (ld(pts, i * d + dim) < pivot) i++;
      while (ld(pts, j * d + dim) > pivot) j--;
      if (i <= j) {
        for (let e = 0; e < d; e++) {
          const t = ld(pts, i * d + e);
          st(pts, i * d + e, ld(pts, j * d + e));
          st(pts, j * d + e, t);
        }
        const t = ldi(idx, i);
        sti(idx, i, ldi(idx, j));
        sti(idx, j, t);
        i++;
        j--;
      }
    }
    if (m <= j) r = j;
    else if (m >= i) l = i;
    else return;
  }
}

function buildNode(node: i32, l: i32, r: i32, depth: i32): void {
  const d = tD;
  const pts = tPts;
  const b = node * d;
  if (r - l <= LEAF) {
    for (let c = 0; c < d; c++) {
      st(tLo, b + c, INF);
      st(tHi, b + c, -INF);
    }
    for (let p = l; p < r; p++)
      for (let c = 0; c < d; c++) {
        const v = ld(pts, p * d + c);
        if (v < ld(tLo, b + c)) st(tLo, b + c, v);
        if (v > ld(tHi, b + c)) st(tHi, b + c, v);
      }
    return;
  }
  // split the widest side of this node's cell (the root's box cut by the ancestors' splits)
  const cl = depth * d;
  let dim = 0;
  let widest: f64 = -1;
  for (let c = 0; c < d; c++) {
    const w = ld(cellHi, cl + c) - ld(cellLo, cl + c);
    if (w > widest) {
      widest = w;
      dim = c;
    }
  }
  const mid = (l + r) >>> 1;
  selectNth(dim, l, r - 1, mid);
  const split = ld(pts, mid * d + dim);
  const cn = cl + d;
  for (let c = 0; c < d; c++) {
    st(cellLo, cn + c, ld(cellLo, cl + c));
    st(cellHi, cn + c, ld(cellHi, cl + c));
  }
  st(cellHi, cn + dim, split);
  buildNode(2 * node, l, mid, depth + 1);
  for (let c = 0; c < d; c++) {
    st(cellLo, cn + c, ld(cellLo, cl + c));
    st(cellHi, cn + c, ld(cellHi, cl + c));
  }
  st(cellLo, cn + dim, split);
  buildNode(2 * node + 1, mid, r, depth + 1);
  const L = 2 * node * d;
  const R = L + d;
  for (let c = 0; c < d; c++) {
    const lo0 = ld(tLo, L + c);
    const lo1 = ld(tLo, R + c);
    const hi0 = ld(tHi, L + c);
    const hi1 = ld(tHi, R + c);
    st(tLo, b + c, lo0 < lo1 ? lo0 : lo1);
    st(tHi, b + c, hi0 > hi1 ? hi0 : hi1);
  }
}

/** Builds the tree over the n×d row-major points, from row order `order` (i32[n]) or the identity (order = 0). */
function treeBuild(points: usize, n: i32, d: i32, order: usize): void {
  for (let p = 0; p < n; p++) {
    const i = order ? ldi(order, p) : p;
    sti(tIdx, p, i);
    for (let c = 0; c < d; c++) st(tPts, p * d + c, ld(points, i * d + c));
  }
  for (let c = 0; c < d; c++) {
    st(cellLo, c, INF);
    st(cellHi, c, -INF);
  }
  for (let p = 0; p < n; p++)
    for (let c = 0; c < d; c++) {
      const v = ld(tPts, p * d + c);
      if (v < ld(cellLo, c)) st(cellLo, c, v);
      if (v > ld(cellHi, c)) st(cellHi, c, v);
    }
  buildNode(1, 0, n, 0);
}

// @ts-ignore: decorator
@inline function boxDist(node: i32, metric: i32): f64 {
  const d = tD;
  const b = node * d;
  let s: f64 = 0;
  for (let c = 0; c < d; c++) {
    const q = ld(tQ, c);
    const a = ld(tLo, b + c) - q;
    const e = q - ld(tHi, b + c);
    const g = a > e ? a : e;
    if (g > 0) {
      if (metric == MAX) {
        if (g > s) s = g;
      } else s += g * g;
    }
  }
  return s;
}

// @ts-ignore: decorator
@inline function boxFar(node: i32): f64 {
  const d = tD;
  const b = node * d;
  let s: f64 = 0;
  for (let c = 0; c < d; c++) {
    const q = ld(tQ, c);
    const a = ld(tHi, b + c) - q;
    const e = q - ld(tLo, b + c);
    const g = a > e ? a : e;
    if (g > s) s = g;
  }
  return s;
}

// @ts-ignore: decorator
@inline function pointDist(p: i32, metric: i32): f64 {
  const d = tD;
  const o = p * d;
  let s: f64 = 0;
  if (metric == MAX) {
    for (let c = 0; c < d; c++) {
      const g = abs<f64>(ld(tPts, o + c) - ld(tQ, c));
      if (g > s) s = g;
    }
  } else {
    for (let c = 0; c < d; c++) {
      const a = ld(tPts, o + c) - ld(tQ, c);
      s += a * a;
    }
  }
  return s;
}

// @ts-ignore: decorator
@inline function push(top: i32, node: i32, l: i32, r: i32, dist: f64): i32 {
  sti(stNode, top, node);
  sti(stL, top, l);
  sti(stR, top, r);
  st(stDist, top, dist);
  return top + 1;
}

/** Offers positions [l, r) (row `self` skipped) to the k best, ties by the lower row. */
function scan(l: i32, r: i32, k: i32, metric: i32, self: i32): void {
  for (let p = l; p < r; p++) {
    const j = ldi(tIdx, p);
    if (j == self) continue;
    const dj = pointDist(p, metric);
    const worst = ld(bestD, k - 1);
    if (dj < worst || (dj == worst && j < ldi(bestI, k - 1))) {
      let t = k - 1;
      while (t > 0) {
        const bd = ld(bestD, t - 1);
        if (!(dj < bd || (dj == bd && j < ldi(bestI, t - 1)))) break;
        st(bestD, t, bd);
        sti(bestI, t, ldi(bestI, t - 1));
        t--;
      }
      st(bestD, t, dj);
      sti(bestI, t, j);
    }
  }
}

/** Top-down search of node's subtree over [l, r): nearer child first, boxes beyond the k-th best pruned. */
function descend(node: i32, l: i32, r: i32, k: i32, metric: i32, self: i32): void {
  let top = push(0, node, l, r, boxDist(node, metric));
  while (top > 0) {
    top--;
    const nd = ldi(stNode, top);
    const a = ldi(stL, top);
    const b = ldi(stR, top);
    if (ld(stDist, top) > ld(bestD, k - 1)) continue;
    if (b - a <= LEAF) {
      scan(a, b, k, metric, self);
      continue;
    }
    const mid = (a + b) >>> 1;
    const dl = boxDist(2 * nd, metric);
    const dr = boxDist(2 * nd + 1, metric);
    const worst = ld(bestD, k - 1);
    if (dl <= dr) {
      if (dr <= worst) top = push(top, 2 * nd + 1, mid, b, dr);
      if (dl <= worst) top = push(top, 2 * nd, a, mid, dl);
    } else {
      if (dl <= worst) top = push(top, 2 * nd, a, mid, dl);
      if (dr <= worst) top = push(top, 2 * nd + 1, mid, b, dr);
    }
  }
}

/** True when the ball of the k-th best distance around tQ lies strictly inside node's box. */
function ballInside(node: i32, k: i32, metric: i32): bool {
  const worst = ld(bestD, k - 1);
  if (!(worst < INF)) return false;
  const d = tD;
  const b = node * d;
  for (let c = 0; c < d; c++) {
    const q = ld(tQ, c);
    const a = q - ld(tLo, b + c);
    const e = ld(tHi, b + c) - q;
    const g = a < e ? a : e;
    if (metric == MAX ? !(g > worst) : !(g > 0 && g * g > worst)) return false;
  }
  return true;
}

function resetBest(k: i32): void {
  for (let t = 0; t < k; t++) {
    st(bestD, t, INF);
    sti(bestI, t, i32.MAX_VALUE);
  }
}

/** The k nearest other points to the tree point at position p (tQ loaded): bottom-up from p's leaf (src/js/knn.ts searchFrom). */
function searchFrom(p: i32, k: i32, metric: i32): void {
  resetBest(k);
  const self = ldi(tIdx, p);
  let node = 1;
  let l = 0;
  let r = tN;
  let depth = 0;
  while (r - l > LEAF) {
    sti(pathL, depth, l);
    sti(pathR, depth, r);
    depth++;
    const mid = (l + r) >>> 1;
    if (p < mid) {
      node = 2 * node;
      r = mid;
    } else {
      node = 2 * node + 1;
      l = mid;
    }
  }
  scan(l, r, k, metric, self);
  while (depth > 0 && !ballInside(node, k, metric)) {
    depth--;
    const pl = ldi(pathL, depth);
    const pr = ldi(pathR, depth);
    const mid = (pl + pr) >>> 1;
    const sibling = node ^ 1;
    if (boxDist(sibling, metric) <= ld(bestD, k - 1)) {
      if ((node & 1) == 0) descend(sibling, mid, pr, k, metric, self);
      else descend(sibling, pl, mid, k, metric, self);
    }
    node >>>= 1;
  }
}

/** #{points within max-norm distance r of tQ}. */
function within(r: f64): i32 {
  let count = 0;
  let top = push(0, 1, 0, tN, 0);
  while (top > 0) {
    top--;
    const node = ldi(stNode, top);
    const l = ldi(stL, top);
    const rr = ldi(stR, top);
    if (boxDist(node, MAX) > r) continue;
    if (boxFar(node) <= r) {
      count += rr - l;
      continue;
    }
    if (rr - l <= LEAF) {
      for (let p = l; p < rr; p++) if (pointDist(p, MAX) <= r) count++;
      continue;
    }
    const mid = (l + rr) >>> 1;
    top = push(top, 2 * node, l, mid, 0);
    top = push(top, 2 * node + 1, mid, rr, 0);
  }
  return count;
}

// @ts-ignore: decorator
@inline function loadQuery(src: usize, row: i32): void {
  const d = tD;
  for (let c = 0; c < d; c++) st(tQ, c, ld(src, row * d + c));
}

/** For the point at position p: [ε] (or [ε, ε_x, ε_y] with split > 0) at out (src/js/knn.ts kthAt). */
function kthAtTree(points: usize, p: i32, k: i32, metric: i32, split: i32, out: usize): void {
  loadQuery(tPts, p);
  searchFrom(p, k, metric);
  const eps = ld(bestD, k - 1);
  st(out, 0, metric == MAX ? eps : Math.sqrt(eps));
  if (split > 0) {
    let ex: f64 = 0;
    let ey: f64 = 0;
    const d = tD;
    for (let t = 0; t < k; t++) {
      const o = ldi(bestI, t) * d;
      for (let c = 0; c < d; c++) {
        const g = abs<f64>(ld(points, o + c) - ld(tQ, c));
        if (c < split) {
          if (g > ex) ex = g;
        } else if (g > ey) ey = g;
      }
    }
    st(out, 1, ex);
    st(out, 2, ey);
  }
}

// ---- the kernels (queries visited in leaf or sorted order, for locality) ----

/** Work bytes of a kernel: kind 0 knnDistances / knnCross / countWithin, 1 ksgColumns, 2 rossColumns. */
export function knnWorkBytes(kind: i32, n: i32, d: i32, k: i32, classes: i32): usize {
  if (kind == 0) return (d == 1 ? sortedBytes(n) : treeBytes(n, d, k)) + 64;
  if (kind == 1) return treeBytes(n, 2, k) + a64(<usize>n << 4) + 2 * sortedBytes(n) + 64;
  return sortedBytes(n) + a64(<usize>n << 3) + a64(<usize>n << 2) + 2 * a64(<usize>(classes + 1) << 2) + 64;
}

/** Per query row q0 ≤ i < q1: ε_i (w = 1) or [ε_i, ε_x, ε_y] (split > 0, w = 3) at out. */
export function knnDistances(points: usize, n: i32, d: i32, k: i32, metric: i32, split: i32, q0: i32, q1: i32, out: usize, work: usize): void {
  if (d == 1) {
    sortColumn(points, n, 1, 0, work);
    const perm = permOf(work, n);
    for (let p = 0; p < n; p++) {
      const i = ldi(perm, p);
      if (i >= q0 && i < q1) st(out, i - q0, kthAt(work, 0, n, p, k));
    }
    return;
  }
  treeLayout(work, n, d, k);
  treeBuild(points, n, d, 0);
  const w = split > 0 ? 3 : 1;
  for (let p = 0; p < n; p++) {
    const i = ldi(tIdx, p);
    if (i >= q0 && i < q1) kthAtTree(points, p, k, metric, split, out + ((<usize>(i - q0) * w) << 3));
  }
}

/** Per query row q0 ≤ i < q1 of query (m×d): the distance to its k-th nearest row of ref (n×d). */
export function knnCross(query: usize, m: i32, ref: usize, n: i32, d: i32, k: i32, metric: i32, q0: i32, q1: i32, out: usize, work: usize): void {
  if (d == 1) {
    sortColumn(ref, n, 1, 0, work);
    for (let i = q0; i < q1; i++) st(out, i - q0, kthOf(work, n, ld(query, i), k));
    return;
  }
  treeLayout(work, n, d, k);
  treeBuild(ref, n, d, 0);
  for (let i = q0; i < q1; i++) {
    loadQuery(query, i);
    resetBest(k);
    descend(1, 0, n, k, metric, -1);
    const eps = ld(bestD, k - 1);
    st(out, i - q0, metric == MAX ? eps : Math.sqrt(eps));
  }
}

/** Per query row q0 ≤ i < q1: #{j ≠ i : max-norm distance ≤ radius[i − q0]} (i32) at out. */
export function countWithin(points: usize, n: i32, d: i32, radius: usize, q0: i32, q1: i32, out: usize, work: usize): void {
  if (d == 1) {
    sortColumn(points, n, 1, 0, work);
    const perm = permOf(work, n);
    for (let p = 0; p < n; p++) {
      const i = ldi(perm, p);
      if (i >= q0 && i < q1) sti(out, i - q0, withinAt(work, n, p, ld(radius, i - q0)) - 1);
    }
    return;
  }
  treeLayout(work, n, d, 1);
  treeBuild(points, n, d, 0);
  for (let p = 0; p < n; p++) {
    const i = ldi(tIdx, p);
    if (i >= q0 && i < q1) {
      loadQuery(tPts, p);
      sti(out, i - q0, within(ld(radius, i - q0)) - 1);
    }
  }
}

/** KSG algorithm-1 counts n_x, n_y of columns c0 ≤ c < c1 of X (n×cols) against y (i32 at out; see src/backend.ts). */
export function ksgColumns(X: usize, n: i32, cols: i32, y: usize, k: i32, c0: i32, c1: i32, out: usize, work: usize): void {
  const xy = treeLayout(work, n, 2, k);
  const Sx = xy + a64(<usize>n << 4);
  const Sy = Sx + sortedBytes(n);
  sortColumn(y, n, 1, 0, Sy);
  const rankX = rankOf(Sx, n);
  const rankY = rankOf(Sy, n);
  for (let c = c0; c < c1; c++) {
    for (let i = 0; i < n; i++) {
      st(xy, 2 * i, ld(X, i * cols + c));
      st(xy, 2 * i + 1, ld(y, i));
    }
    sortColumn(X, n, cols, c, Sx);
    treeBuild(xy, n, 2, permOf(Sx, n));
    const o = out + ((<usize>(c - c0) * 2 * n) << 2);
    for (let p = 0; p < n; p++) {
      const i = ldi(tIdx, p);
      loadQuery(tPts, p);
      searchFrom(p, k, MAX);
      const r = radiusBelow(ld(bestD, k - 1));
      sti(o, i, withinAt(Sx, n, ldi(rankX, i), r) - 1);
      sti(o, n + i, withinAt(Sy, n, ldi(rankY, i), r) - 1);
    }
  }
}

/** Ross (2014) counts m_i of columns c0 ≤ c < c1 of X against class ids (i32 at out; see src/backend.ts). */
export function rossColumns(X: usize, n: i32, cols: i32, labels: usize, classes: i32, kc: usize, c0: i32, c1: i32, out: usize, work: usize): void {
  const S = work;
  const byClass = S + sortedBytes(n);
  const at = byClass + a64(<usize>n << 3);
  const start = at + a64(<usize>n << 2);
  const fill = start + a64(<usize>(classes + 1) << 2);
  for (let c = 0; c <= classes; c++) sti(start, c, 0);
  for (let i = 0; i < n; i++) {
    const c = ldi(labels, i) + 1;
    sti(start, c, ldi(start, c) + 1);
  }
  for (let c = 0; c < classes; c++) sti(start, c + 1, ldi(start, c + 1) + ldi(start, c));
  const perm = permOf(S, n);
  for (let col = c0; col < c1; col++) {
    sortColumn(X, n, cols, col, S);
    for (let c = 0; c < classes; c++) sti(fill, c, ldi(start, c));
    for (let p = 0; p < n; p++) {
      const i = ldi(perm, p);
      const c = ldi(labels, i);
      const f = ldi(fill, c);
      sti(at, i, f);
      st(byClass, f, ld(S, p));
      sti(fill, c, f + 1);
    }
    const o = out + ((<usize>(col - c0) * n) << 2);
    for (let p = 0; p < n; p++) {
      const i = ldi(perm, p);
      const c = ldi(labels, i);
      const r = radiusBelow(kthAt(byClass, ldi(start, c), ldi(start, c + 1), ldi(at, i), ldi(kc, c)));
      sti(o, i, withinAt(S, n, p, r));
    }
  }
}
