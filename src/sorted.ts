/** Binary search on sorted arrays, shared by the label tables and the kNN kernels. */

/** The first index j in [lo, hi) with xs[j] ≥ v (hi when none), xs ascending. */
export function lowerBound(xs: ArrayLike<number>, v: number, lo = 0, hi = xs.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
