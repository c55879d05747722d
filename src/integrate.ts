/**
 * Integration of sampled functions: trapezoid, Simpson (SciPy ≥ 1.11 rule), cumulative trapezoid
 * and the iterated 2-D trapezoid rule. A vector gives a number, a matrix one integral per row.
 *
 * Every rule is linear in the samples, ∫ y ≈ Σ w_i·y_i. On a uniform grid the kernels return the
 * sums of even- and odd-indexed samples of each row and the end corrections are added here; on
 * sample points x the weights w are computed once (ruleWeights) and each row is a dot product.
 */
import type { Backend, FloatArray } from "./backend.js";
import type { CumulativeOptions, GridMethod, Matrix, MatrixLike, Spacing, Spacing2d, Vector } from "./types.js";
import { batchArg, checkGridPoints, choiceOption, describe, matrixArg, spacingArg, type Batch, type GridSpacing } from "./validate.js";
import { backendOf } from "./facade.js";

/**
 * The weights of a rule on n points: Σ w_i·y_i is `scipy.integrate.trapezoid` / `simpson` of y.
 *
 * Trapezoid: w_i = (h_{i−1} + h_i)/2 (h_i = x_{i+1} − x_i, h_{−1} = h_{n−1} = 0).
 * Simpson: SciPy's composite rule for irregular spacing on each pair of intervals (h0, h1):
 *   y0·(h0+h1)/6·(2 − h1/h0) + y1·(h0+h1)³/(6 h0 h1) + y2·(h0+h1)/6·(2 − h0/h1),
 * computed as scipy `_basic_simpson` does, with its guards: a quotient whose divisor is 0 (a
 * repeated sample point) is taken as 0, as is each Cartwright coefficient with a zero divisor.
 * Any h works: decreasing x gives the negative integral, as SciPy's.
 * over all n − 1 intervals for odd n; for even n ≥ 4 over the first n − 2 intervals plus the last
 * interval by Cartwright's correction α·y_{n−1} + β·y_{n−2} − η·y_{n−3},
 *   α = (2h1² + 3h0h1)/(6(h0+h1)), β = (h1² + 3h0h1)/(6h0), η = h1³/(6h0(h0+h1));
 * n = 2 is the trapezoid rule.
 */
export function ruleWeights(method: GridMethod, s: GridSpacing, n: number): Float64Array {
  const w = new Float64Array(n);
  const h = (i: number) => (s.x ? s.x[i + 1] - s.x[i] : s.dx);
  if (method === "trapezoid" || n === 2) {
    for (let i = 0; i < n - 1; i++) {
      const hi = h(i);
      w[i] += hi / 2;
      w[i + 1] += hi / 2;
    }
    return w;
  }
  const div = (a: number, b: number) => (b !== 0 ? a / b : 0); // np.true_divide(a, b, out=zeros, where=b != 0)
  const last = n % 2 === 1 ? n - 1 : n - 2; // Simpson over points 0..last
  for (let i = 0; i + 2 <= last; i += 2) {
    const h0 = h(i);
    const h1 = h(i + 1);
    const hsum = h0 + h1;
    const h0divh1 = div(h0, h1);
    const k = hsum / 6;
    w[i] += k * (2 - div(1, h0divh1));
    w[i + 1] += k * (hsum * div(hsum, h0 * h1));
    w[i + 2] += k * (2 - h0divh1);
  }
  if (n % 2 === 0) {
    const h0 = h(n - 3);
    const h1 = h(n - 2);
    w[n - 1] += div(2 * h1 ** 2 + 3 * h0 * h1, 6 * (h1 + h0));
    w[n - 2] += div(h1 ** 2 + 3 * h0 * h1, 6 * h0);
    w[n - 3] -= div(h1 ** 3, 6 * h0 * (h0 + h1));
  }
  return w;
}

/** y[r·cols + i] of a row, as a number. */
const at = (y: FloatArray, cols: number, r: number, i: number) => y[r * cols + i];

/** Per-row integrals of a batch by `method` on spacing `s`. */
export function integrateRows(b: Backend, method: GridMethod, y: FloatArray, rows: number, cols: number, s: GridSpacing): Float64Array {
  if (cols === 1) return new Float64Array(rows); // one point: no interval, ∫ = 0 (SciPy's empty sum)
  if (s.x) return b.dotRows(y, rows, cols, ruleWeights(method, s, cols));
  const eo = b.sumEvenOddRows(y, rows, cols);
  const out = new Float64Array(rows);
  const dx = s.dx;
  const n = cols;
  for (let r = 0; r < rows; r++) {
    const E = eo[2 * r];
    const O = eo[2 * r + 1];
    const y0 = at(y, cols, r, 0);
    const yl = at(y, cols, r, n - 1);
    if (method === "trapezoid" || n === 2) out[r] = dx * (E + O - 0.5 * (y0 + yl));
    else if (n % 2 === 1) out[r] = (dx / 3) * (2 * E + 4 * O - y0 - yl);
    else {
      // Simpson on samples 0..n−2 (E is unchanged, the last odd sample leaves O), then the last interval.
      const y2 = at(y, cols, r, n - 2);
      const y3 = at(y, cols, r, n - 3);
      out[r] = (dx / 3) * (2 * E + 4 * (O - yl) - y0 - y2) + dx * ((5 / 12) * yl + (2 / 3) * y2 - (1 / 12) * y3);
    }
    // An infinite sample makes the end corrections ∞ − ∞: integrate such a row by its weights (±Infinity as SciPy).
    if (!Number.isFinite(out[r]) && !Number.isNaN(E + O)) {
      const w = ruleWeights(method, s, n);
      out[r] = b.dotRows(y.subarray(r * cols, (r + 1) * cols), 1, cols, w)[0];
    }
  }
  return out;
}

/** y and its spacing as SciPy's integrators take them: ≥ 1 point, any finite dx or sample points x. */
function integrandArgs(fn: string, y: unknown, spacing: unknown): [Batch, GridSpacing] {
  const Y = batchArg(fn, "y", y);
  checkGridPoints(fn, "y", Y, 1);
  return [Y, spacingArg(fn, spacing, Y.cols, "dx", "x", "a row", false)];
}

function integrate(fn: string, method: GridMethod, b: Backend, y: unknown, spacing: unknown): number | Float64Array {
  const [Y, s] = integrandArgs(fn, y, spacing);
  const out = integrateRows(b, method, Y.data, Y.rows, Y.cols, s);
  return Y.vector ? out[0] : out;
}

/**
 * ∫ y by the composite trapezoid rule, as `scipy.integrate.trapezoid(y, x=x | dx=dx)`:
 * Σ_i (x_{i+1} − x_i)·(y_i + y_{i+1})/2. A matrix gives one integral per row.
 */
export function trapezoid(b: Backend, y: unknown, spacing: unknown): number | Float64Array {
  return integrate("trapezoid", "trapezoid", b, y, spacing);
}

/**
 * ∫ y by the composite Simpson rule, as `scipy.integrate.simpson(y, x=x | dx=dx)` (SciPy ≥ 1.11:
 * an even number of points uses Simpson on the first n − 2 intervals and Cartwright's correction
 * for the last one). A matrix gives one integral per row.
 */
export function simpson(b: Backend, y: unknown, spacing: unknown): number | Float64Array {
  return integrate("simpson", "simpson", b, y, spacing);
}

/**
 * The running trapezoid integral, as `scipy.integrate.cumulative_trapezoid(y, x | dx, initial)`:
 * n − 1 values per row (n with `initial: 0`, which prepends 0). A vector gives a Float64Array,
 * a matrix a Matrix of the running integrals of its rows.
 */
export function cumulativeTrapezoid(b: Backend, y: unknown, spacing: unknown, opts: CumulativeOptions = {}): Float64Array | Matrix {
  const fn = "cumulativeTrapezoid";
  const [Y, s] = integrandArgs(fn, y, spacing);
  const initial = opts.initial;
  if (initial !== undefined && initial !== 0)
    throw new RangeError(`${fn}: initial must be 0 or undefined (as SciPy ≥ 1.12), got ${typeof initial === "number" ? initial : describe(initial)}`);
  const c = b.cumulativeTrapezoidRows(Y.data, Y.rows, Y.cols, s.x, s.dx);
  let data = c;
  let cols = Y.cols - 1;
  if (initial === 0) {
    cols = Y.cols;
    data = new Float64Array(Y.rows * cols);
    for (let r = 0; r < Y.rows; r++) data.set(c.subarray(r * (cols - 1), (r + 1) * (cols - 1)), r * cols + 1);
  }
  return Y.vector ? data : { data, rows: Y.rows, cols };
}

/**
 * ∬ z over a rows×cols grid by the iterated trapezoid rule: each row integrated along x (the
 * columns: `dx` or `x` of length cols), then the row integrals along y (the rows: `dy` or `y` of
 * length rows) — `trapezoid(trapezoid(z, x, axis=1), y)` in SciPy, z[i][j] = f(x_j, y_i) as
 * `numpy.meshgrid(x, y)` lays it out.
 */
export function trapezoid2d(b: Backend, z: unknown, spacing: unknown): number {
  const fn = "trapezoid2d";
  const Z: Batch = matrixArg(fn, "z", z);
  const sx = spacingArg(fn, spacing, Z.cols, "dx", "x", "a row of z", false);
  const sy = spacingArg(fn, spacing, Z.rows, "dy", "y", "a column of z", false);
  const rowIntegrals = integrateRows(b, "trapezoid", Z.data, Z.rows, Z.cols, sx);
  return integrateRows(b, "trapezoid", rowIntegrals, 1, Z.rows, sy)[0];
}

/** The `method` option of the grid functions. */
export const methodOption = (fn: string, v: unknown): GridMethod => choiceOption(fn, "method", v, ["trapezoid", "simpson"] as const, "trapezoid");

/**
 * Integration on grids. The engine's public methods of this family, installed on Engine by
 * src/engine.ts (see src/facade.ts).
 */
export abstract class IntegrateMethods {
  /** @internal */
  declare readonly [backendOf]: () => Backend;

  /**
   * ∫ y by the composite trapezoid rule, as `scipy.integrate.trapezoid`: spacing `{ dx }` or
   * sample points `{ x }` (any finite values: decreasing x gives the negative integral; one
   * point gives 0). A matrix gives one integral per row.
   */
  trapezoid(y: Vector, spacing: Spacing): number;
  trapezoid(y: MatrixLike, spacing: Spacing): Float64Array;
  trapezoid(y: Vector | MatrixLike, spacing: Spacing): number | Float64Array {
    return trapezoid(this[backendOf](), y, spacing);
  }

  /**
   * ∫ y by the composite Simpson rule, as `scipy.integrate.simpson` (SciPy ≥ 1.11 rule for an
   * even number of points: Simpson on the first n − 2 intervals, Cartwright's correction on the last).
   */
  simpson(y: Vector, spacing: Spacing): number;
  simpson(y: MatrixLike, spacing: Spacing): Float64Array;
  simpson(y: Vector | MatrixLike, spacing: Spacing): number | Float64Array {
    return simpson(this[backendOf](), y, spacing);
  }

  /**
   * Running trapezoid integral, as `scipy.integrate.cumulative_trapezoid`: n − 1 values (n with
   * `initial: 0`). A matrix gives a Matrix with one running integral per row.
   */
  cumulativeTrapezoid(y: Vector, spacing: Spacing, opts?: CumulativeOptions): Float64Array;
  cumulativeTrapezoid(y: MatrixLike, spacing: Spacing, opts?: CumulativeOptions): Matrix;
  cumulativeTrapezoid(y: Vector | MatrixLike, spacing: Spacing, opts?: CumulativeOptions): Float64Array | Matrix {
    return cumulativeTrapezoid(this[backendOf](), y, spacing, opts);
  }

  /** ∬ z over a rows×cols grid, iterated trapezoid rule: x (dx) along the columns, y (dy) along the rows. */
  trapezoid2d(z: MatrixLike, spacing: Spacing2d): number {
    return trapezoid2d(this[backendOf](), z, spacing);
  }
}
