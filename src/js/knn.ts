/**
 * The JS reference kernels of the kNN family (src/knn.ts): exact neighbour search, the readable
 * twin of assembly/knn.ts, which runs the same algorithm step for step.
 *
 * Every kNN measure is built from three questions, answered by one shared search structure:
 *   ε_i    the distance from point i to its k-th nearest other point (knnDistances), or to its
 *          k-th nearest point of another set (knnCross);
 *   n_i    how many other points lie within a radius r_i of point i (countWithin).
 * Results are integers and distances — no logarithms — so every backend returns the same bits,
 * and the finishing sums (ψ, log) are computed once, in TypeScript, by src/knn.ts.
 *
 * The structure:
 *   d = 1  a sorted copy: the k-th neighbour by merging outwards from the point's position
 *          (O(k) after an O(log n) search), radius counts by two binary searches (O(log n)).
 *   d ≥ 2  a k-d tree over the points, flat (no per-node objects): a balanced implicit tree
 *          (node 1 the root over rows [0, n), node i's children 2i and 2i+1 over the two halves
 *          [l, mid), [mid, r), mid = ⌊(l + r)/2⌋; a node of at most LEAF points is a leaf), built
 *          by median selection on the widest dimension, points copied in leaf order, and a tight
 *          bounding box per node. The search visits the nearer child first and prunes a box whose
 *          distance exceeds the current k-th best; radius counts take a box that lies wholly
 *          inside the radius at once. O(n log n) to build; near O(log n) per query in low d.
 *
 * Distances: max-norm max_c |a_c − b_c|, Euclidean √Σ_c (a_c − b_c)² (compared squared), each
 * term computed as fl(a_c − b_c), so a box test against fl(lo − q), fl(q − hi) is exact (rounding
 * is monotone): pruning never drops a point the brute-force scan would keep. Ties in the k-th
 * distance are broken by the lower row index (this fixes which k points are "the k nearest"
 * where algorithm 2 of KSG needs the set, not only ε).
 */
import { KNN_MAX, radiusBelow, type KnnKernels } from "../backend.js";
import { lowerBound } from "../sorted.js";

/** Points per leaf at most. */
export const LEAF = 8;

/** Entries of the search stack (≥ 2 · tree depth + 2: depth ≤ 31 for n < 2³¹). */
const STACK = 128;


// ---- sorting ----

/** Sorts keys[l..r] (inclusive) ascending, carrying idx along: quicksort (median-of-three pivot, smaller side first), insertion sort below 16. */
export function sortPairs(keys: Float64Array, idx: Int32Array, l: number, r: number): void {
  while (r - l > 16) {
    const a = keys[l];
    const b = keys[(l + r) >>> 1];
    const c = keys[r];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = l;
    let j = r;
    while (i <= j) {
      while (keys[i] < pivot) i++;
      while (keys[j] > pivot) j--;
      if (i <= j) {
        const t = keys[i];
        keys[i] = keys[j];
        keys[j] = t;
        const u = idx[i];
        idx[i] = idx[j];
        idx[j] = u;
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
    const v = keys[i];
    const u = idx[i];
    let j = i - 1;
    while (j >= l && keys[j] > v) {
      keys[j + 1] = keys[j];
      idx[j + 1] = idx[j];
      j--;
    }
    keys[j + 1] = v;
    idx[j + 1] = u;
  }
}

// ---- d = 1: sorted copies ----

/** Column c of the n×cols X sorted: s[p] = X[perm[p], c] ascending, rank[perm[p]] = p. */
export class Sorted {
  readonly s: Float64Array;
  readonly perm: Int32Array;
  readonly rank: Int32Array;
  constructor(readonly n: number) {
    this.s = new Float64Array(n);
    this.perm = new Int32Array(n);
    this.rank = new Int32Array(n);
  }
  /** Sorts column c of X into this. */
  load(X: Float64Array, cols: number, c: number): this {
    const { n, s, perm, rank } = this;
    for (let i = 0; i < n; i++) {
      s[i] = X[i * cols + c];
      perm[i] = i;
    }
    sortPairs(s, perm, 0, n - 1);
    for (let p = 0; p < n; p++) rank[perm[p]] = p;
    return this;
  }
}

/**
 * The distance from s[p] to its k-th nearest value of the sorted segment s[lo, hi) (p in it),
 * merging outwards from p; s[p] itself is not counted (its equal neighbours are).
 */
function kthAt(s: Float64Array, lo: number, hi: number, p: number, k: number): number {
  return kthMerge(s, lo, hi, s[p], p - 1, p + 1, k);
}

/** The distance from any x to its k-th nearest value of sorted s[0, n). */
function kthOf(s: Float64Array, n: number, x: number, k: number): number {
  const l = lowerBound(s, x, 0, n);
  return kthMerge(s, 0, n, x, l - 1, l, k);
}

/** The k-th smallest distance from x to the values of sorted s[lo, hi) met walking outwards from l (down) and r (up). */
function kthMerge(s: Float64Array, lo: number, hi: number, x: number, l: number, r: number, k: number): number {
  let eps = 0;
  for (let t = 0; t < k; t++) {
    const dl = l >= lo ? x - s[l] : Infinity;
    const dr = r < hi ? s[r] - x : Infinity;
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

/**
 * #{j : fl|s_j − s_p| ≤ r} over sorted s[0, n) (p itself included), by exponential search
 * outwards from p: s_j − x > r is monotone in j, and so is x − s_j ≤ r. O(log count).
 */
function withinAt(s: Float64Array, n: number, p: number, r: number): number {
  const x = s[p];
  // right: the first j > p with s[j] − x > r (n when none)
  let lo = p;
  let step = 1;
  let hi = p + 1;
  while (hi < n && !(s[hi] - x > r)) {
    lo = hi;
    step += step;
    hi = p + step;
  }
  if (hi > n) hi = n;
  let a = lo + 1;
  while (a < hi) {
    const m = (a + hi) >>> 1;
    if (s[m] - x > r) hi = m;
    else a = m + 1;
  }
  const top = a;
  // left: the first j ≤ p with x − s[j] ≤ r
  hi = p;
  step = 1;
  lo = p - 1;
  while (lo >= 0 && x - s[lo] <= r) {
    hi = lo;
    step += step;
    lo = p - step;
  }
  if (lo < -1) lo = -1;
  let b = hi;
  a = lo + 1;
  while (a < b) {
    const m = (a + b) >>> 1;
    if (x - s[m] <= r) b = m;
    else a = m + 1;
  }
  return top - a;
}

// ---- d ≥ 2: the k-d tree ----

/** The flat k-d tree over n points of d coordinates (row-major). */
export class KdTree {
  /** Row of the point at each leaf-order position. */
  readonly idx: Int32Array;
  /** Coordinates in leaf order: pts[pos·d + c]. */
  readonly pts: Float64Array;
  /** Bounding box of node i: lo[i·d + c], hi[i·d + c]. */
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  // search state (no allocation per query)
  private readonly q: Float64Array;
  private bestD = new Float64Array(0);
  private bestI = new Int32Array(0);
  private readonly stNode = new Int32Array(STACK);
  private readonly stL = new Int32Array(STACK);
  private readonly stR = new Int32Array(STACK);
  private readonly stD = new Float64Array(STACK);
  private readonly pathL = new Int32Array(STACK);
  /** Cell bounds of the node being built at each depth: cellLo[depth·d + c]. */
  private readonly cellLo: Float64Array;
  private readonly cellHi: Float64Array;
  private readonly pathR = new Int32Array(STACK);

  /** Builds the tree over the n×d points, starting from the row order `order` (identity when absent). */
  constructor(
    points: Float64Array,
    readonly n: number,
    readonly d: number,
    order?: Int32Array,
  ) {
    this.idx = order ? Int32Array.from(order) : new Int32Array(n);
    if (!order) for (let i = 0; i < n; i++) this.idx[i] = i;
    this.pts = new Float64Array(n * d);
    for (let p = 0; p < n; p++) {
      const o = this.idx[p] * d;
      for (let c = 0; c < d; c++) this.pts[p * d + c] = points[o + c];
    }
    const nodes = treeNodes(n);
    this.lo = new Float64Array(nodes * d);
    this.hi = new Float64Array(nodes * d);
    this.q = new Float64Array(d);
    this.cellLo = new Float64Array(STACK * d).fill(Infinity);
    this.cellHi = new Float64Array(STACK * d).fill(-Infinity);
    for (let p = 0; p < n; p++)
      for (let c = 0; c < d; c++) {
        const v = this.pts[p * d + c];
        if (v < this.cellLo[c]) this.cellLo[c] = v;
        if (v > this.cellHi[c]) this.cellHi[c] = v;
      }
    this.build(1, 0, n, 0);
  }

  /** Splits positions [l, r) at the median of the widest dimension, recursively; boxes from the leaves up. */
  private build(node: number, l: number, r: number, depth: number): void {
    const d = this.d;
    const { pts, lo, hi } = this;
    const b = node * d;
    if (r - l <= LEAF) {
      for (let c = 0; c < d; c++) {
        lo[b + c] = Infinity;
        hi[b + c] = -Infinity;
      }
      for (let p = l; p < r; p++)
        for (let c = 0; c < d; c++) {
          const v = pts[p * d + c];
          if (v < lo[b + c]) lo[b + c] = v;
          if (v > hi[b + c]) hi[b + c] = v;
        }
      return;
    }
    // split the widest side of this node's cell (its region: the root's box cut by the ancestors' splits)
    const cl = depth * d;
    let dim = 0;
    let widest = -1;
    for (let c = 0; c < d; c++) {
      const w = this.cellHi[cl + c] - this.cellLo[cl + c];
      if (w > widest) {
        widest = w;
        dim = c;
      }
    }
    const mid = (l + r) >>> 1;
    this.select(dim, l, r - 1, mid);
    const split = pts[mid * d + dim];
    const cn = cl + d;
    for (let c = 0; c < d; c++) {
      this.cellLo[cn + c] = this.cellLo[cl + c];
      this.cellHi[cn + c] = this.cellHi[cl + c];
    }
    this.cellHi[cn + dim] = split;
    this.build(2 * node, l, mid, depth + 1);
    for (let c = 0; c < d; c++) {
      this.cellLo[cn + c] = this.cellLo[cl + c];
      this.cellHi[cn + c] = this.cellHi[cl + c];
    }
    this.cellLo[cn + dim] = split;
    this.build(2 * node + 1, mid, r, depth + 1);
    const L = 2 * node * d;
    const R = L + d;
    for (let c = 0; c < d; c++) {
      lo[b + c] = lo[L + c] < lo[R + c] ? lo[L + c] : lo[R + c];
      hi[b + c] = hi[L + c] > hi[R + c] ? hi[L + c] : hi[R + c];
    }
  }

  /**
   * Rearranges positions l..r (inclusive; points and rows together) so that position m holds the
   * point ranking m − l on coordinate dim, those before it ≤ and after it ≥ (Hoare partitions,
   * median-of-three pivot).
   */
  private select(dim: number, l: number, r: number, m: number): void {
    const { pts, idx, d } = this;
    while (r > l) {
      const a = pts[l * d + dim];
      const b = pts[((l + r) >>> 1) * d + dim];
      const c = pts[r * d + dim];
      const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
      let i = l;
      let j = r;
      while (i <= j) {
        while (pts[i * d + dim] < pivot) i++;
        while (pts[j * d + dim] > pivot) j--;
        if (i <= j) {
          for (let e = 0; e < d; e++) {
            const t = pts[i * d + e];
            pts[i * d + e] = pts[j * d + e];
            pts[j * d + e] = t;
          }
          const t = idx[i];
          idx[i] = idx[j];
          idx[j] = t;
          i++;
          j--;
        }
      }
      if (m <= j) r = j;
      else if (m >= i) l = i;
      else return;
    }
  }

  /** Distance from q to node's box (max-norm, or squared Euclidean). */
  private boxDist(node: number, metric: number): number {
    const d = this.d;
    const b = node * d;
    let s = 0;
    for (let c = 0; c < d; c++) {
      const a = this.lo[b + c] - this.q[c];
      const e = this.q[c] - this.hi[b + c];
      const g = a > e ? a : e;
      if (g > 0) {
        if (metric === KNN_MAX) {
          if (g > s) s = g;
        } else s += g * g;
      }
    }
    return s;
  }

  /** Farthest max-norm distance from q to node's box. */
  private boxFar(node: number): number {
    const d = this.d;
    const b = node * d;
    let s = 0;
    for (let c = 0; c < d; c++) {
      const a = this.hi[b + c] - this.q[c];
      const e = this.q[c] - this.lo[b + c];
      const g = a > e ? a : e;
      if (g > s) s = g;
    }
    return s;
  }

  /** Max-norm or squared Euclidean distance from q to the point at position p. */
  private dist(p: number, metric: number): number {
    const d = this.d;
    const o = p * d;
    let s = 0;
    if (metric === KNN_MAX) {
      for (let c = 0; c < d; c++) {
        const a = this.pts[o + c] - this.q[c];
        const g = a < 0 ? -a : a;
        if (g > s) s = g;
      }
    } else {
      for (let c = 0; c < d; c++) {
        const a = this.pts[o + c] - this.q[c];
        s += a * a;
      }
    }
    return s;
  }

  /** Offers the points at positions [l, r) (row `self` skipped) to the k best. */
  private scan(l: number, r: number, k: number, metric: number, self: number): void {
    const { bestD, bestI, idx } = this;
    for (let p = l; p < r; p++) {
      const j = idx[p];
      if (j === self) continue;
      const dj = this.dist(p, metric);
      const worst = bestD[k - 1];
      if (dj < worst || (dj === worst && j < bestI[k - 1])) {
        let t = k - 1;
        while (t > 0 && (dj < bestD[t - 1] || (dj === bestD[t - 1] && j < bestI[t - 1]))) {
          bestD[t] = bestD[t - 1];
          bestI[t] = bestI[t - 1];
          t--;
        }
        bestD[t] = dj;
        bestI[t] = j;
      }
    }
  }

  /** Searches the subtree of `node` over [l, r) top-down: nearer child first, boxes beyond the k-th best pruned. */
  private descend(node: number, l: number, r: number, k: number, metric: number, self: number): void {
    const { bestD, stNode, stL, stR, stD } = this;
    stNode[0] = node;
    stL[0] = l;
    stR[0] = r;
    stD[0] = this.boxDist(node, metric);
    let top = 1;
    while (top > 0) {
      top--;
      const nd = stNode[top];
      const a = stL[top];
      const b = stR[top];
      if (stD[top] > bestD[k - 1]) continue;
      if (b - a <= LEAF) {
        this.scan(a, b, k, metric, self);
        continue;
      }
      const mid = (a + b) >>> 1;
      const dl = this.boxDist(2 * nd, metric);
      const dr = this.boxDist(2 * nd + 1, metric);
      const worst = bestD[k - 1];
      // push the farther child first, so the nearer one is searched first
      if (dl <= dr) {
        if (dr <= worst) {
          stNode[top] = 2 * nd + 1;
          stL[top] = mid;
          stR[top] = b;
          stD[top++] = dr;
        }
        if (dl <= worst) {
          stNode[top] = 2 * nd;
          stL[top] = a;
          stR[top] = mid;
          stD[top++] = dl;
        }
      } else {
        if (dl <= worst) {
          stNode[top] = 2 * nd;
          stL[top] = a;
          stR[top] = mid;
          stD[top++] = dl;
        }
        if (dr <= worst) {
          stNode[top] = 2 * nd + 1;
          stL[top] = mid;
          stR[top] = b;
          stD[top++] = dr;
        }
      }
    }
  }

  /**
   * True when the ball of radius bestD[k − 1] around q lies strictly inside node's box: then no
   * point outside the subtree can be as close (the subtree's points are separated from the rest
   * by its ancestors' split planes, which lie outside its tight box).
   */
  private ballInside(node: number, k: number, metric: number): boolean {
    const worst = this.bestD[k - 1];
    if (!(worst < Infinity)) return false;
    const d = this.d;
    const b = node * d;
    for (let c = 0; c < d; c++) {
      const a = this.q[c] - this.lo[b + c];
      const e = this.hi[b + c] - this.q[c];
      const g = a < e ? a : e;
      if (metric === KNN_MAX ? !(g > worst) : !(g > 0 && g * g > worst)) return false;
    }
    return true;
  }

  private resetBest(k: number): void {
    if (this.bestD.length !== k) {
      this.bestD = new Float64Array(k);
      this.bestI = new Int32Array(k);
    }
    for (let t = 0; t < k; t++) {
      this.bestD[t] = Infinity;
      this.bestI[t] = 0x7fffffff;
    }
  }

  /**
   * The k nearest other points to the tree point at position p (q loaded), into bestD (ascending
   * distance, max-norm or squared Euclidean) and bestI (rows), ties by the lower row: bottom-up
   * from p's leaf, each ancestor's other child searched top-down, until the ball of the k-th
   * best lies inside the current subtree's box.
   */
  private searchFrom(p: number, k: number, metric: number): void {
    this.resetBest(k);
    const self = this.idx[p];
    const { pathL, pathR } = this;
    let node = 1;
    let l = 0;
    let r = this.n;
    let depth = 0;
    while (r - l > LEAF) {
      pathL[depth] = l;
      pathR[depth++] = r;
      const mid = (l + r) >>> 1;
      if (p < mid) {
        node = 2 * node;
        r = mid;
      } else {
        node = 2 * node + 1;
        l = mid;
      }
    }
    this.scan(l, r, k, metric, self);
    while (depth > 0 && !this.ballInside(node, k, metric)) {
      depth--;
      const pl = pathL[depth];
      const pr = pathR[depth];
      const mid = (pl + pr) >>> 1;
      const sibling = node ^ 1;
      if (this.boxDist(sibling, metric) <= this.bestD[k - 1]) {
        if ((node & 1) === 0) this.descend(sibling, mid, pr, k, metric, self);
        else this.descend(sibling, pl, mid, k, metric, self);
      }
      node >>>= 1;
    }
  }

  /** The k nearest tree points to an outside query q (loaded), top-down from the root. */
  private search(k: number, metric: number): void {
    this.resetBest(k);
    this.descend(1, 0, this.n, k, metric, -1);
  }

  /** #{points within max-norm distance r of q}, q itself included when it is a point. */
  private within(r: number): number {
    const { stNode, stL, stR } = this;
    let count = 0;
    let top = 1;
    stNode[0] = 1;
    stL[0] = 0;
    stR[0] = this.n;
    while (top > 0) {
      top--;
      const node = stNode[top];
      const l = stL[top];
      const rr = stR[top];
      if (this.boxDist(node, KNN_MAX) > r) continue;
      if (this.boxFar(node) <= r) {
        count += rr - l;
        continue;
      }
      if (rr - l <= LEAF) {
        for (let p = l; p < rr; p++) if (this.dist(p, KNN_MAX) <= r) count++;
        continue;
      }
      const mid = (l + rr) >>> 1;
      stNode[top] = 2 * node;
      stL[top] = l;
      stR[top++] = mid;
      stNode[top] = 2 * node + 1;
      stL[top] = mid;
      stR[top++] = rr;
    }
    return count;
  }

  private load(src: Float64Array, at: number): void {
    for (let c = 0; c < this.d; c++) this.q[c] = src[at + c];
  }

  /**
   * For the point at position p (row i = idx[p]): its k-th nearest other point's distance into
   * out[at], and with split > 0 the largest distance in dims [0, split) and [split, d) among the
   * k nearest into out[at + 1], out[at + 2] (`points` the rows, for those neighbours).
   */
  kthAt(points: Float64Array, p: number, k: number, metric: number, split: number, out: Float64Array, at: number): void {
    this.load(this.pts, p * this.d);
    this.searchFrom(p, k, metric);
    const eps = this.bestD[k - 1];
    out[at] = metric === KNN_MAX ? eps : Math.sqrt(eps);
    if (split > 0) {
      let ex = 0;
      let ey = 0;
      const d = this.d;
      for (let t = 0; t < k; t++) {
        const o = this.bestI[t] * d;
        for (let c = 0; c < d; c++) {
          const a = points[o + c] - this.q[c];
          const g = a < 0 ? -a : a;
          if (c < split) {
            if (g > ex) ex = g;
          } else if (g > ey) ey = g;
        }
      }
      out[at + 1] = ex;
      out[at + 2] = ey;
    }
  }

  /** Distance from query[at …] to its k-th nearest point of the tree. */
  kthCross(query: Float64Array, at: number, k: number, metric: number): number {
    this.load(query, at);
    this.search(k, metric);
    const eps = this.bestD[k - 1];
    return metric === KNN_MAX ? eps : Math.sqrt(eps);
  }

  /** #{other points within max-norm distance r of the point at position p}. */
  othersWithinAt(p: number, r: number): number {
    this.load(this.pts, p * this.d);
    return this.within(r) - 1;
  }
}

/** Node slots of the implicit tree over n points (the largest node index + 1). */
export function treeNodes(n: number): number {
  let depth = 0;
  for (let size = n; size > LEAF; size = (size + 1) >> 1) depth++;
  return 2 << depth;
}

// ---- the kernels (queries visited in leaf or sorted order, for locality) ----

function knnDistances(points: Float64Array, n: number, d: number, k: number, metric: number, split: number, q0: number, q1: number): Float64Array {
  const w = split > 0 ? 3 : 1;
  const out = new Float64Array((q1 - q0) * w);
  if (d === 1) {
    const S = new Sorted(n).load(points, 1, 0);
    for (let p = 0; p < n; p++) {
      const i = S.perm[p];
      if (i >= q0 && i < q1) out[i - q0] = kthAt(S.s, 0, n, p, k);
    }
    return out;
  }
  const tree = new KdTree(points, n, d);
  for (let p = 0; p < n; p++) {
    const i = tree.idx[p];
    if (i >= q0 && i < q1) tree.kthAt(points, p, k, metric, split, out, (i - q0) * w);
  }
  return out;
}

function knnCross(query: Float64Array, m: number, ref: Float64Array, n: number, d: number, k: number, metric: number, q0: number, q1: number): Float64Array {
  void m;
  const out = new Float64Array(q1 - q0);
  if (d === 1) {
    const S = new Sorted(n).load(ref, 1, 0);
    for (let i = q0; i < q1; i++) out[i - q0] = kthOf(S.s, n, query[i], k);
    return out;
  }
  const tree = new KdTree(ref, n, d);
  for (let i = q0; i < q1; i++) out[i - q0] = tree.kthCross(query, i * d, k, metric);
  return out;
}

function countWithin(points: Float64Array, n: number, d: number, radius: Float64Array, q0: number, q1: number): Int32Array {
  const out = new Int32Array(q1 - q0);
  if (d === 1) {
    const S = new Sorted(n).load(points, 1, 0);
    for (let p = 0; p < n; p++) {
      const i = S.perm[p];
      if (i >= q0 && i < q1) out[i - q0] = withinAt(S.s, n, p, radius[i - q0]) - 1;
    }
    return out;
  }
  const tree = new KdTree(points, n, d);
  for (let p = 0; p < n; p++) {
    const i = tree.idx[p];
    if (i >= q0 && i < q1) out[i - q0] = tree.othersWithinAt(p, radius[i - q0]);
  }
  return out;
}

function ksgColumns(X: Float64Array, n: number, cols: number, y: Float64Array, k: number, c0: number, c1: number): Int32Array {
  const out = new Int32Array((c1 - c0) * 2 * n);
  const Sy = new Sorted(n).load(y, 1, 0);
  const Sx = new Sorted(n);
  const xy = new Float64Array(2 * n);
  const eps = new Float64Array(1);
  for (let c = c0; c < c1; c++) {
    for (let i = 0; i < n; i++) {
      xy[2 * i] = X[i * cols + c];
      xy[2 * i + 1] = y[i];
    }
    Sx.load(X, cols, c);
    const tree = new KdTree(xy, n, 2, Sx.perm); // from the x order: the first splits are cheap
    const o = (c - c0) * 2 * n;
    for (let p = 0; p < n; p++) {
      const i = tree.idx[p];
      tree.kthAt(xy, p, k, KNN_MAX, 0, eps, 0);
      const r = radiusBelow(eps[0]);
      out[o + i] = withinAt(Sx.s, n, Sx.rank[i], r) - 1;
      out[o + n + i] = withinAt(Sy.s, n, Sy.rank[i], r) - 1;
    }
  }
  return out;
}

function rossColumns(X: Float64Array, n: number, cols: number, labels: Int32Array, classes: number, kc: Int32Array, c0: number, c1: number): Int32Array {
  const out = new Int32Array((c1 - c0) * n);
  // class c's values occupy byClass[start[c], start[c + 1]), in sorted order
  const start = new Int32Array(classes + 1);
  for (let i = 0; i < n; i++) start[labels[i] + 1]++;
  for (let c = 0; c < classes; c++) start[c + 1] += start[c];
  const byClass = new Float64Array(n);
  const at = new Int32Array(n); // position of row i in byClass
  const fill = new Int32Array(classes);
  const S = new Sorted(n);
  for (let col = c0; col < c1; col++) {
    S.load(X, cols, col);
    fill.set(start.subarray(0, classes));
    for (let p = 0; p < n; p++) {
      const i = S.perm[p];
      const c = labels[i];
      at[i] = fill[c];
      byClass[fill[c]++] = S.s[p];
    }
    const o = (col - c0) * n;
    for (let p = 0; p < n; p++) {
      const i = S.perm[p];
      const c = labels[i];
      const r = radiusBelow(kthAt(byClass, start[c], start[c + 1], at[i], kc[c]));
      out[o + i] = withinAt(S.s, n, p, r);
    }
  }
  return out;
}

export const jsKnn: KnnKernels = { knnDistances, knnCross, countWithin, ksgColumns, rossColumns };
