/**
 * Time-series complexity: permutation entropy (Bandt & Pompe 2002), sample entropy (Richman &
 * Moorman 2000) and approximate entropy (Pincus 1991). A vector is one series (→ a number); a
 * matrix `{ data, rows, cols }` is one series per row (→ a Float64Array, one value per row).
 *
 * The kernels (src/backend.ts ComplexityKernels; src/js/complexity.ts, assembly/complexity.ts)
 * return exact integer counts — ordinal-pattern counts, template-match counts found by a sorted
 * forward scan instead of the O(N²) all-pairs loop — and every measure is finished here from
 * counts, once for every backend. Float32 input is converted to float64 exactly.
 */
import type { Backend } from "./backend.js";
import { backendOf } from "./facade.js";
import { factorial, templatesOf } from "./js/complexity.js";
import type { MatrixLike, UnitOptions, Vector } from "./types.js";
import { lnBaseOf } from "./units.js";
import { batchArg, booleanOption, describe, integerOption, nonFiniteError, type Batch } from "./validate.js";

export interface PermutationEntropyOptions extends UnitOptions {
  /** Pattern length d (an integer 2 … 10; default 3). */
  order?: number;
  /** Time delay τ between the points of a pattern (an integer ≥ 1; default 1). */
  delay?: number;
  /** Divide by log(order!), giving [0, 1] (then the unit cancels; default false). */
  normalize?: boolean;
}

export interface TemplateEntropyOptions extends UnitOptions {
  /** Template length (an integer ≥ 1; default 2). */
  m?: number;
  /** Tolerance: a finite number > 0, applied to every row; default 0.2 · the standard deviation (ddof 0) of each row. */
  r?: number;
}

/** The largest order with a count table (10! = 3 628 800 cells); see permutationEntropy. */
export const MAX_ORDER = 10;

/** Count-table cells per kernel call: rows of a batch are counted this many cells at a time. */
const TABLE_CELLS = 1 << 22;

/** The float64 data of a batch (float32 converted exactly). */
function float64(B: Batch): Float64Array {
  return B.data instanceof Float64Array ? B.data : Float64Array.from(B.data);
}

/** Throws, naming the first NaN or ±Infinity of x. */
function checkFinite(fn: string, B: Batch, data: Float64Array): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v - v !== 0) throw nonFiniteError(fn, "x", data, B.vector ? 0 : B.cols);
  }
}

const rowName = (B: Batch, row: number) => (B.vector ? "x" : `row ${row} of x`);

/**
 * Permutation entropy H = −Σ_π p(π) log p(π) of the ordinal patterns π of
 * (x_t, x_{t+τ}, …, x_{t+(d−1)τ}), t = 0 … n − 1 − (d − 1)τ, per row.
 */
export function permutationEntropy(be: Backend, x: Vector | MatrixLike, opts?: PermutationEntropyOptions): number | Float64Array {
  const fn = "permutationEntropy";
  const order = integerOption(fn, "order", opts?.order, 3, 2);
  if (order > MAX_ORDER)
    throw new RangeError(
      `${fn}: order must be ≤ ${MAX_ORDER}, got ${order}: the ${factorial(order)} patterns of order ${order} do not fit a count table, and an estimate needs many more than order! points`,
    );
  const delay = integerOption(fn, "delay", opts?.delay, 1, 1);
  const normalize = booleanOption(fn, "normalize", opts?.normalize, false);
  const unit = lnBaseOf(opts, fn);
  const B = batchArg(fn, "x", x);
  const { rows, cols } = B;
  const span = (order - 1) * delay + 1;
  if (cols < span)
    throw new RangeError(`${fn}: ${B.vector ? "x" : "each row of x"} has ${cols} points, fewer than one pattern of order ${order} and delay ${delay} (${span} points)`);
  const data = float64(B);
  checkFinite(fn, B, data);
  const F = factorial(order);
  const P = cols - (order - 1) * delay;
  const scale = normalize ? Math.log(F) : unit;
  const out = new Float64Array(rows);
  const step = Math.max(1, Math.floor(TABLE_CELLS / F));
  for (let r0 = 0; r0 < rows; r0 += step) {
    const r1 = Math.min(rows, r0 + step);
    const counts = be.ordinalCountsRows(data.subarray(r0 * cols, r1 * cols), r1 - r0, cols, order, delay);
    for (let r = r0; r < r1; r++) {
      // H = Σ (c/P) ln(P/c): exactly 0 for a single pattern
      let h = 0;
      for (let c = (r - r0) * F, end = c + F; c < end; c++) {
        const k = counts[c];
        if (k > 0) h += k * Math.log(P / k);
      }
      out[r] = h / P / scale;
    }
  }
  return B.vector ? out[0] : out;
}

/** Validated arguments of sampleEntropy / approximateEntropy: the series, m, and r per row. */
interface Templates {
  B: Batch;
  data: Float64Array;
  m: number;
  r: Float64Array;
  unit: number;
}

function templateArgs(fn: string, x: Vector | MatrixLike, opts: TemplateEntropyOptions | undefined): Templates {
  const m = integerOption(fn, "m", opts?.m, 2, 1);
  const given = opts?.r;
  if (given !== undefined) {
    if (typeof given !== "number") throw new TypeError(`${fn}: r must be a number, got ${describe(given)}`);
    if (!(given > 0 && given < Infinity)) throw new RangeError(`${fn}: r must be a finite number > 0, got ${given}`);
  }
  const unit = lnBaseOf(opts, fn);
  const B = batchArg(fn, "x", x);
  const { rows, cols } = B;
  if (cols < m + 2) throw new RangeError(`${fn}: ${B.vector ? "x" : "each row of x"} has ${cols} points; m = ${m} needs at least m + 2 = ${m + 2}`);
  const data = float64(B);
  checkFinite(fn, B, data);
  const r = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    if (given !== undefined) {
      r[row] = given;
      continue;
    }
    // 0.2 · the population standard deviation (ddof 0), two passes
    const a = row * cols;
    let s = 0;
    for (let i = a; i < a + cols; i++) s += data[i];
    const mean = s / cols;
    let v = 0;
    for (let i = a; i < a + cols; i++) v += (data[i] - mean) * (data[i] - mean);
    r[row] = 0.2 * Math.sqrt(v / cols);
    if (!(r[row] > 0)) throw new RangeError(`${fn}: ${rowName(B, row)} is constant, so the default r = 0.2 · sd is 0; pass r > 0`);
  }
  return { B, data, m, r, unit };
}

/** Sample entropy −ln(A/B) per row (Richman & Moorman 2000). */
export function sampleEntropy(be: Backend, x: Vector | MatrixLike, opts?: TemplateEntropyOptions): number | Float64Array {
  const fn = "sampleEntropy";
  const { B, data, m, r, unit } = templateArgs(fn, x, opts);
  const { rows, cols } = B;
  const counts = be.templateMatches(data, rows, cols, m, r, 0, 0, templatesOf(cols, m, 0));
  const out = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const b = counts[2 * row];
    const a = counts[2 * row + 1];
    if (b === 0)
      throw new RangeError(`${fn}: no two templates of length m = ${m} of ${rowName(B, row)} lie within r = ${r[row]} (B = 0), so sample entropy is undefined; raise r`);
    out[row] = a === 0 ? Infinity : -Math.log(a / b) / unit + 0; // + 0: A = B gives 0, not −0
  }
  return B.vector ? out[0] : out;
}

/** Approximate entropy Φ^m − Φ^{m+1} per row (Pincus 1991). */
export function approximateEntropy(be: Backend, x: Vector | MatrixLike, opts?: TemplateEntropyOptions): number | Float64Array {
  const fn = "approximateEntropy";
  const { B, data, m, r, unit } = templateArgs(fn, x, opts);
  const { rows, cols } = B;
  const T = templatesOf(cols, m, 1);
  const counts = be.templateMatches(data, rows, cols, m, r, 1, 0, T);
  const out = new Float64Array(rows);
  for (let row = 0; row < rows; row++) {
    const o = row * 2 * T;
    // Φ^m over the T templates of length m, Φ^{m+1} over the T − 1 of length m + 1; self-matches included
    let phiM = 0;
    for (let i = 0; i < T; i++) phiM += Math.log((counts[o + i] + 1) / T);
    let phiM1 = 0;
    for (let i = 0; i < T - 1; i++) phiM1 += Math.log((counts[o + T + i] + 1) / (T - 1));
    out[row] = (phiM / T - phiM1 / (T - 1)) / unit;
  }
  return B.vector ? out[0] : out;
}

/**
 * The time-series complexity measures. The engine's public methods of this family, installed on
 * Engine by src/engine.ts (see src/facade.ts).
 */
export abstract class ComplexityMethods {
  declare readonly [backendOf]: () => Backend;

  /**
   * Permutation entropy (Bandt & Pompe 2002, Phys. Rev. Lett. 88, 174102):
   *   H = −Σ_π p(π) log p(π),
   * p(π) the fraction of the n − (order − 1)·delay windows (x_t, x_{t+delay}, …,
   * x_{t+(order−1)·delay}) whose ordinal pattern is π; of equal values the earlier ranks lower (a
   * stable argsort). In `base` (nats unless told); with `normalize`, divided by log(order!) into
   * [0, 1] (the unit then cancels). order is 2 … 10 (its order! patterns are counted in a table; a
   * larger order is a RangeError: 11! = 39 916 800 cells, and a series long enough to estimate them
   * is rarely at hand). antropy's `perm_entropy` reports bits and ranks ties by a non-stable
   * quicksort argsort, so on series with ties its patterns can differ from these.
   * A vector gives a number; a matrix `{ data, rows, cols }` one value per row.
   */
  permutationEntropy(x: Vector, opts?: PermutationEntropyOptions): number;
  permutationEntropy(x: MatrixLike, opts?: PermutationEntropyOptions): Float64Array;
  permutationEntropy(x: Vector | MatrixLike, opts?: PermutationEntropyOptions): number | Float64Array;
  permutationEntropy(x: Vector | MatrixLike, opts?: PermutationEntropyOptions): number | Float64Array {
    return permutationEntropy(this[backendOf](), x, opts);
  }

  /**
   * Sample entropy (Richman & Moorman 2000, Am. J. Physiol. Heart Circ. Physiol. 278, H2039):
   *   SampEn = −log(A/B),
   * B (A) the number of pairs i < j among the first n − m templates (x_i … x_{i+m−1}) whose
   * Chebyshev distance at length m (m + 1) is ≤ r; self-matches excluded. In `base` (nats unless
   * told). m defaults to 2, r to 0.2 · the standard deviation (ddof 0) of each row (a given r
   * applies to every row). A = 0 gives Infinity; B = 0 is a RangeError (undefined).
   * Conventions: = `nolds.sampen(x, emb_dim=m, tolerance=r, closed=True)` (nolds' default is the
   * open r and a dimension-corrected ddof-1 tolerance), and = antropy's `sample_entropy` for
   * n ≥ 5000, its KDTree path (radius ≤ r). antropy's n < 5000 path (`_numba_sampen`) counts
   * distances < r (so it differs when a distance equals r, as on integer data) and returns 0 for B = 0.
   * Runs in O(n log n + pairs within r in the first coordinate), not O(n²).
   */
  sampleEntropy(x: Vector, opts?: TemplateEntropyOptions): number;
  sampleEntropy(x: MatrixLike, opts?: TemplateEntropyOptions): Float64Array;
  sampleEntropy(x: Vector | MatrixLike, opts?: TemplateEntropyOptions): number | Float64Array;
  sampleEntropy(x: Vector | MatrixLike, opts?: TemplateEntropyOptions): number | Float64Array {
    return sampleEntropy(this[backendOf](), x, opts);
  }

  /**
   * Approximate entropy (Pincus 1991, PNAS 88, 2297):
   *   ApEn = Φ^m − Φ^{m+1},  Φ^m = (1/(n − m + 1)) Σ_i log(C_i^m),
   * C_i^m = #{j : d(x_i, x_j) ≤ r}/(n − m + 1) over the n − m + 1 templates of length m, Chebyshev
   * distance, self-matches included (Φ^{m+1} likewise over the n − m templates of length m + 1).
   * In `base` (nats unless told); m defaults to 2, r to 0.2 · the standard deviation (ddof 0) of
   * each row. = antropy's `app_entropy(x, order=m, tolerance=r)` (its KDTree counts, radius ≤ r).
   */
  approximateEntropy(x: Vector, opts?: TemplateEntropyOptions): number;
  approximateEntropy(x: MatrixLike, opts?: TemplateEntropyOptions): Float64Array;
  approximateEntropy(x: Vector | MatrixLike, opts?: TemplateEntropyOptions): number | Float64Array;
  approximateEntropy(x: Vector | MatrixLike, opts?: TemplateEntropyOptions): number | Float64Array {
    return approximateEntropy(this[backendOf](), x, opts);
  }
}
