/**
 * Densities sampled on a grid: differential entropy, cross-entropy, KL and Jensen–Shannon
 * divergences, as integrals of the pointwise integrand with the trapezoid or Simpson weights w
 * (one fused pass per batch: the integrand and ∫ f, ∫ g, min f, min g together).
 *
 * f is a vector (one density) or a matrix (a batch, one density per row); g is one reference
 * vector shared by every row, or a matrix of the same shape. With Z = ∫ f (same rule) and
 * `normalize`, each density is f/Z, which the formulas fold in without a second pass:
 *   h(f/Z)        = −(1/Z)·∫ f ln(f + εZ) + ln Z
 *   H(f/Zf, g/Zg) = −(1/Zf)·∫ f ln(g + εZg) + ln Zg
 *   D(f/Zf‖g/Zg)  =  (1/Zf)·∫ f ln((f + εZf)/(g + εZg)) + ln(Zg/Zf)
 * (ε > 0 needs Z before the pass: one extra pass of ∫ f). 0·log 0 = 0; g = 0 < f gives Infinity
 * for the cross-entropy and KL unless ε > 0. Nats unless `base` says otherwise.
 */
import type { Backend } from "./backend.js";
import { GRID_ENTROPY_WIDTH, GRID_PAIR_WIDTH } from "./backend.js";
import { methodOption, ruleWeights } from "./integrate.js";
import type { GridOptions, MatrixLike, Spacing, Vector } from "./types.js";
import { lnBase } from "./units.js";
import { batchArg, checkDensities, checkGridPoints, describe, nonNegativeOption, spacingArg, type Batch } from "./validate.js";
import { backendOf } from "./facade.js";

interface Setup {
  F: Batch;
  w: Float64Array;
  k: number;
  normalize: boolean;
  eps: number;
}

function setup(fn: string, f: unknown, spacing: unknown, opts: GridOptions): Setup {
  if (typeof opts !== "object" || opts === null) throw new TypeError(`${fn}: options must be an object, got ${describe(opts)}`);
  const k = lnBase(opts.base, fn);
  const method = methodOption(fn, opts.method);
  const eps = nonNegativeOption(fn, "epsilon", opts.epsilon);
  if (opts.normalize !== undefined && typeof opts.normalize !== "boolean") throw new TypeError(`${fn}: normalize must be a boolean, got ${describe(opts.normalize)}`);
  const F = batchArg(fn, "f", f);
  checkGridPoints(fn, "f", F);
  const s = spacingArg(fn, spacing, F.cols);
  return { F, w: ruleWeights(method, s, F.cols), k, normalize: opts.normalize === true, eps };
}

/** The reference g: a vector of f's row length (shared by all rows), or a matrix of f's shape; same element type as f. */
function reference(fn: string, F: Batch, g: unknown): Batch {
  const G = batchArg(fn, "g", g);
  if (G.vector) {
    if (G.cols !== F.cols) throw new RangeError(`${fn}: g has length ${G.cols} but f has ${F.cols} points${F.vector ? "" : " per row"}`);
  } else if (F.vector) throw new TypeError(`${fn}: f is a vector, so g must be a vector too`);
  else if (G.rows !== F.rows || G.cols !== F.cols) throw new RangeError(`${fn}: f is ${F.rows}×${F.cols} but g is ${G.rows}×${G.cols}`);
  if (F.data instanceof Float32Array !== G.data instanceof Float32Array) {
    if (F.data instanceof Float32Array) F.data = Float64Array.from(F.data);
    else G.data = Float64Array.from(G.data);
  }
  return G;
}

/** ∫ of each row (the pre-pass normalisation needs when ε > 0 or for Jensen–Shannon). */
const integrals = (b: Backend, X: Batch, w: Float64Array): Float64Array => b.dotRows(X.data, X.rows, X.cols, w);

const shape = (F: Batch, out: Float64Array): number | Float64Array => (F.vector ? out[0] : out);

/** Per-row context [a, b] with a = scale·Zf (or scale), b = scale·Zg (or scale). */
function context(rows: number, a: (r: number) => number, c: (r: number) => number): Float64Array {
  const ctx = new Float64Array(2 * rows);
  for (let r = 0; r < rows; r++) {
    ctx[2 * r] = a(r);
    ctx[2 * r + 1] = c(r);
  }
  return ctx;
}

/** Differential entropy h(f) = −∫ f log f of each density (with ε: −∫ f log(f + ε)). */
export function differentialEntropyGrid(b: Backend, f: unknown, spacing: unknown, opts: GridOptions = {}): number | Float64Array {
  const fn = "differentialEntropyGrid";
  const { F, w, k, normalize, eps } = setup(fn, f, spacing, opts);
  const Z = eps > 0 && normalize ? integrals(b, F, w) : null;
  const ctx = context(F.rows, (r) => eps * (Z ? Z[r] : 1), () => 0);
  const s = b.gridEntropyRows(F.data, F.rows, F.cols, w, ctx);
  checkDensities(fn, "f", F, s, GRID_ENTROPY_WIDTH, 0, 2, normalize);
  const out = new Float64Array(F.rows);
  for (let r = 0, o = 0; r < F.rows; r++, o += GRID_ENTROPY_WIDTH) {
    const S = s[o];
    const T = s[o + 1];
    out[r] = (normalize ? Math.log(S) - T / S : 0 - T) / k;
  }
  return shape(F, out);
}

/** The fused pass of cross-entropy or KL, checked; returns the per-row sums. */
function pairPass(fn: string, b: Backend, kind: "gridCrossRows" | "gridKlRows", f: unknown, g: unknown, spacing: unknown, opts: GridOptions) {
  const { F, w, k, normalize, eps } = setup(fn, f, spacing, opts);
  const G = reference(fn, F, g);
  const Zf = eps > 0 && normalize ? integrals(b, F, w) : null;
  const Zg = eps > 0 && normalize ? integrals(b, G, w) : null;
  const gRow = (r: number) => (G.rows === 1 ? 0 : r);
  const ctx = context(F.rows, (r) => eps * (Zf ? Zf[r] : 1), (r) => eps * (Zg ? Zg[gRow(r)] : 1));
  const s = b[kind](F.data, G.data, F.rows, F.cols, w, ctx);
  checkDensities(fn, "f", F, s, GRID_PAIR_WIDTH, 0, 3, normalize);
  checkDensities(fn, "g", G, s, GRID_PAIR_WIDTH, 1, 4, normalize);
  return { F, s, k, normalize };
}

/** Cross-entropy H(f, g) = −∫ f log g of each density against g (with ε: −∫ f log(g + ε)). */
export function crossEntropyGrid(b: Backend, f: unknown, g: unknown, spacing: unknown, opts: GridOptions = {}): number | Float64Array {
  const { F, s, k, normalize } = pairPass("crossEntropyGrid", b, "gridCrossRows", f, g, spacing, opts);
  const out = new Float64Array(F.rows);
  for (let r = 0, o = 0; r < F.rows; r++, o += GRID_PAIR_WIDTH) {
    const C = s[o + 2];
    out[r] = s[o + 5] > 0 ? Infinity : (normalize ? Math.log(s[o + 1]) - C / s[o] : 0 - C) / k;
  }
  return shape(F, out);
}

/** KL divergence D(f‖g) = ∫ f log(f/g) of each density against g (with ε: ∫ f log((f + ε)/(g + ε)), as seed 004). */
export function klDivergenceGrid(b: Backend, f: unknown, g: unknown, spacing: unknown, opts: GridOptions = {}): number | Float64Array {
  const { F, s, k, normalize } = pairPass("klDivergenceGrid", b, "gridKlRows", f, g, spacing, opts);
  const out = new Float64Array(F.rows);
  for (let r = 0, o = 0; r < F.rows; r++, o += GRID_PAIR_WIDTH) {
    const C = s[o + 2];
    const Sf = s[o];
    const Sg = s[o + 1];
    out[r] = s[o + 5] > 0 ? Infinity : (normalize ? C / Sf + lnRatio(Sg, Sf) : C) / k;
  }
  return shape(F, out);
}

/**
 * Jensen–Shannon divergence ½∫ f log(f/m) + ½∫ g log(g/m), m = (f + g)/2, of each density
 * against g; always finite (`epsilon` does not apply). With `normalize`, of f/Zf and g/Zg.
 */
export function jsDivergenceGrid(b: Backend, f: unknown, g: unknown, spacing: unknown, opts: Omit<GridOptions, "epsilon"> = {}): number | Float64Array {
  const fn = "jsDivergenceGrid";
  if ((opts as GridOptions).epsilon !== undefined)
    throw new TypeError(`${fn}: epsilon does not apply (the Jensen–Shannon divergence is finite wherever f or g vanish)`);
  const { F, w, k, normalize } = setup(fn, f, spacing, opts);
  const G = reference(fn, F, g);
  const Zf = normalize ? integrals(b, F, w) : null;
  const Zg = normalize ? integrals(b, G, w) : null;
  const gRow = (r: number) => (G.rows === 1 ? 0 : r);
  const ctx = context(F.rows, (r) => (Zf ? 1 / Zf[r] : 1), (r) => (Zg ? 1 / Zg[gRow(r)] : 1));
  const s = b.gridJsRows(F.data, G.data, F.rows, F.cols, w, ctx);
  checkDensities(fn, "f", F, s, GRID_PAIR_WIDTH, 0, 3, normalize);
  checkDensities(fn, "g", G, s, GRID_PAIR_WIDTH, 1, 4, normalize);
  const out = new Float64Array(F.rows);
  for (let r = 0, o = 0; r < F.rows; r++, o += GRID_PAIR_WIDTH) out[r] = (0.5 * s[o + 2]) / k;
  return shape(F, out);
}

/** ln(a/b) without overflow for extreme ratios. */
function lnRatio(a: number, c: number): number {
  const r = a / c;
  return r > 0 && r < Infinity ? Math.log(r) : Math.log(a) - Math.log(c);
}

/**
 * Densities on grids. The engine's public methods of this family, installed on Engine by
 * src/engine.ts (see src/facade.ts).
 */
export abstract class GridMethods {
  /** @internal */
  declare readonly [backendOf]: () => Backend;

  /**
   * Differential entropy h(f) = −∫ f log f of a density sampled on a grid (trapezoid, or Simpson
   * with `method`); `normalize` rescales f to integrate to 1 first; `epsilon` uses log(f + ε).
   */
  differentialEntropyGrid(f: Vector, spacing: Spacing, opts?: GridOptions): number;
  differentialEntropyGrid(f: MatrixLike, spacing: Spacing, opts?: GridOptions): Float64Array;
  differentialEntropyGrid(f: Vector | MatrixLike, spacing: Spacing, opts?: GridOptions): number | Float64Array {
    return differentialEntropyGrid(this[backendOf](), f, spacing, opts);
  }

  /** Cross-entropy −∫ f log g on a grid; g one reference vector or a matrix like f; Infinity where g = 0 < f (unless epsilon). */
  crossEntropyGrid(f: Vector, g: Vector, spacing: Spacing, opts?: GridOptions): number;
  crossEntropyGrid(f: MatrixLike, g: Vector | MatrixLike, spacing: Spacing, opts?: GridOptions): Float64Array;
  crossEntropyGrid(f: Vector | MatrixLike, g: Vector | MatrixLike, spacing: Spacing, opts?: GridOptions): number | Float64Array {
    return crossEntropyGrid(this[backendOf](), f, g, spacing, opts);
  }

  /** KL divergence ∫ f log(f/g) on a grid; with epsilon ∫ f log((f + ε)/(g + ε)) (seed 004); Infinity where g = 0 < f otherwise. */
  klDivergenceGrid(f: Vector, g: Vector, spacing: Spacing, opts?: GridOptions): number;
  klDivergenceGrid(f: MatrixLike, g: Vector | MatrixLike, spacing: Spacing, opts?: GridOptions): Float64Array;
  klDivergenceGrid(f: Vector | MatrixLike, g: Vector | MatrixLike, spacing: Spacing, opts?: GridOptions): number | Float64Array {
    return klDivergenceGrid(this[backendOf](), f, g, spacing, opts);
  }

  /** Jensen–Shannon divergence ½∫ f log(f/m) + ½∫ g log(g/m), m = (f + g)/2, on a  */
  jsDivergenceGrid(f: Vector, g: Vector, spacing: Spacing, opts?: Omit<GridOptions, "epsilon">): number;
  jsDivergenceGrid(f: MatrixLike, g: Vector | MatrixLike, spacing: Spacing, opts?: Omit<GridOptions, "epsilon">): Float64Array;
  jsDivergenceGrid(f: Vector | MatrixLike, g: Vector | MatrixLike, spacing: Spacing, opts?: Omit<GridOptions, "epsilon">): number | Float64Array {
    return jsDivergenceGrid(this[backendOf](), f, g, spacing, opts);
  }
}
