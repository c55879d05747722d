/**
 * Channels: the capacity of a discrete memoryless channel and a point of the rate–distortion
 * function by the Blahut–Arimoto algorithms, the iterative information bottleneck, and the
 * Shannon–Hartley capacity of the additive white Gaussian noise channel.
 *
 * The iterations run in the backend (src/backend.ts ChannelKernels; reference src/js/channels.ts,
 * twin assembly/channels.ts), each whole loop in one kernel call, with e^x and ln x of their own
 * that give the same bits in JavaScript and WebAssembly: every backend returns the same numbers
 * and the same iteration counts. Validation, units and the finishing sums (I(X;T), I(T;Y)) are here.
 *
 * Papers: R. E. Blahut, "Computation of channel capacity and rate-distortion functions", IEEE
 * Trans. Inf. Theory 18(4), 460–473 (1972); S. Arimoto, "An algorithm for computing the capacity of
 * arbitrary discrete memoryless channels", same issue, 14–20; N. Tishby, F. C. Pereira, W. Bialek,
 * "The information bottleneck method", Proc. 37th Allerton Conference (1999), arXiv:physics/0004057;
 * C. E. Shannon, "Communication in the presence of noise", Proc. IRE 37, 10–21 (1949).
 */
import type { Backend } from "./backend.js";
import { backendOf } from "./facade.js";
import { finiteArg } from "./gaussian.js";
import { Random } from "./random.js";
import type { Base, Matrix, MatrixLike, UnitOptions, Vector } from "./types.js";
import { lnBase } from "./units.js";
import { describe, integerOption, matrixArg, nonNegativeOption, scanError, seedArg, vectorArg, weightsSum, type Batch } from "./validate.js";

// ---- options and results ----

export interface ChannelCapacityOptions extends UnitOptions {
  /** Stop when max_x D(W_x‖q) − I_L ≤ tol (the gap between Blahut's upper and lower bounds, in the unit of `base`); default 1e-12. */
  tol?: number;
  /** At most this many iterations (an integer ≥ 1; default 100000); `converged` says whether tol was met. */
  maxIterations?: number;
}

export interface ChannelCapacityResult {
  /** The lower bound I_L = log Σ_x p_x 2^(D(W_x‖q)) of the last iteration: C − gap ≤ capacity ≤ C. */
  capacity: number;
  /** The input distribution after the last iteration (one entry per row of W). */
  inputDistribution: Float64Array;
  /** Blahut–Arimoto iterations run. */
  iterations: number;
  /** max_x D(W_x‖q) − I_L of the last iteration: C lies in [capacity, capacity + gap]. */
  gap: number;
  /** gap ≤ tol. */
  converged: boolean;
}

export interface RateDistortionOptions extends UnitOptions {
  /** The slope parameter β ≥ 0: −dR/dD at the point, R in nats per unit of distortion. */
  beta: number;
  /** Stop when Blahut's upper − lower bound on R(D) ≤ tol (in the unit of `base`); default 1e-12. */
  tol?: number;
  /** At most this many iterations (an integer ≥ 1; default 100000). */
  maxIterations?: number;
}

export interface RateDistortionResult {
  /** R = I(X; X̂) of the iterate's conditional q(x̂|x), in `base` (nats by default). */
  rate: number;
  /** D = E d(X, X̂) under the same conditional. */
  distortion: number;
  /** q(x̂), the reproduction distribution (one entry per column of the distortion matrix). */
  outputDistribution: Float64Array;
  iterations: number;
  /** Blahut's upper − lower bound on R(D) of the last iteration. */
  gap: number;
  converged: boolean;
}

export interface InformationBottleneckOptions extends UnitOptions {
  /** The trade-off β > 0 of the IB Lagrangian I(X;T) − β I(T;Y) (natural-log units). */
  beta: number;
  /** Number of clusters |T| (an integer ≥ 1; default the number of rows of the table). */
  clusters?: number;
  /** Seed of the random starts (src/random.ts Random, stream r for start r); default 0. */
  seed?: number;
  /** Starts, each from its own seeding; the one of least I(X;T) − β I(T;Y) is kept (an integer ≥ 1; default 5). */
  restarts?: number;
  /** Stop a start when no p(t|x) changed by more than tol in an iteration; default 1e-10. */
  tol?: number;
  /** At most this many iterations per start (an integer ≥ 1; default 10000). */
  maxIterations?: number;
}

export interface InformationBottleneckResult {
  /** p(t|x): rows |X| (the table's rows), cols `clusters`; each row sums to 1. */
  encoder: Matrix;
  /** I(X;T) in `base` (nats by default). */
  ixt: number;
  /** I(T;Y) in `base`. */
  ity: number;
  /** Iterations of the kept start. */
  iterations: number;
  /** Whether the kept start met tol. */
  converged: boolean;
}

export interface AwgnOptions {
  /** Bandwidth B in Hz: the capacity is then B·log(1 + snr) per second. */
  bandwidth?: number;
  /** Log base of the result: "bits" (the default here, unlike elsewhere), "nats", "hartleys" or a number. */
  base?: Base;
}

// ---- shared checks ----

/** An options object (or undefined when `required` is false). */
function optionsArg<T>(fn: string, opts: T | undefined, required: string): T {
  if (typeof opts !== "object" || opts === null) throw new TypeError(`${fn}: options { ${required} } are required, got ${describe(opts)}`);
  return opts;
}

/** A matrix argument as float64 with every element finite and ≥ 0 (the first bad one named). */
function nonNegativeMatrix(fn: string, name: string, x: unknown, what: string): Batch & { data: Float64Array } {
  const b = matrixArg(fn, name, x);
  const data = b.data instanceof Float64Array ? b.data : Float64Array.from(b.data);
  const e = scanError(fn, name, b, 0, data.length, (v) => v >= 0 && v < Infinity, `${what} must be finite and non-negative`);
  if (e) throw e;
  return { ...b, data };
}

// ---- channel capacity ----

/** Rows of a channel matrix must sum to 1 within this (they are not renormalised). */
const ROW_SUM_TOL = 1e-9;

/**
 * Capacity C = max_p I(X;Y) of the discrete memoryless channel W (rows = inputs x, columns =
 * outputs y, W_xy = P(y|x)) by Blahut–Arimoto (Blahut 1972, Arimoto 1972), from the uniform input:
 * p_x ← p_x e^(D_x)/Σ p e^D with D_x = D(W_x ‖ pW), until max_x D_x − log Σ_x p_x e^(D_x) ≤ tol.
 * Each row must sum to 1 within 1e-9 (not renormalised).
 */
export function channelCapacity(b: Backend, W: unknown, opts?: ChannelCapacityOptions): ChannelCapacityResult {
  const fn = "channelCapacity";
  const o = opts ?? {};
  const k = lnBase(o.base, fn);
  const tol = nonNegativeOption(fn, "tol", o.tol, 1e-12);
  const maxIter = integerOption(fn, "maxIterations", o.maxIterations, 100000, 1);
  const M = nonNegativeMatrix(fn, "W", W, "channel probabilities");
  const { rows: nx, cols: ny, data } = M;
  for (let x = 0; x < nx; x++) {
    let s = 0;
    for (let y = 0; y < ny; y++) s += data[x * ny + y];
    if (!(Math.abs(s - 1) <= ROW_SUM_TOL)) throw new RangeError(`${fn}: W row ${x} sums to ${s}; each row of a channel matrix must be a distribution (sum 1 within 1e-9)`);
  }
  const r = b.capacityBA(data, nx, ny, tol * k, maxIter);
  return { capacity: Math.max(0, r[0]) / k, inputDistribution: r.slice(3), iterations: r[2], gap: r[1] / k, converged: r[1] <= tol * k };
}

/**
 * Shannon–Hartley capacity of the AWGN channel at signal-to-noise ratio `snr` (a linear power
 * ratio ≥ 0): ½ log(1 + snr) per real channel use, or with `bandwidth` B (Hz) B·log(1 + snr) per
 * second. In bits unless `base` says otherwise (Shannon 1949).
 */
export function awgnCapacity(snr: number, opts: AwgnOptions = {}): number {
  const fn = "awgnCapacity";
  if (typeof opts !== "object" || opts === null) throw new TypeError(`${fn}: opts must be an object, got ${describe(opts)}`);
  const k = lnBase(opts.base ?? "bits", fn);
  const s = finiteArg(fn, "snr", snr);
  if (!(s >= 0)) throw new RangeError(`${fn}: snr must be ≥ 0 (a linear power ratio, not dB), got ${s}`);
  if (opts.bandwidth === undefined) return (0.5 * Math.log1p(s)) / k;
  const B = finiteArg(fn, "bandwidth", opts.bandwidth);
  if (!(B > 0)) throw new RangeError(`${fn}: bandwidth must be > 0, got ${B}`);
  return (B * Math.log1p(s)) / k;
}

// ---- rate–distortion ----

/** A source distribution: a vector of finite non-negative weights with a positive sum, normalised. */
function distributionArg(fn: string, name: string, x: unknown): Float64Array {
  const v = vectorArg(fn, name, x);
  const s = weightsSum(fn, name, v);
  return Float64Array.from(v.data, (w) => w / s);
}

/**
 * One point (D, R(D)) of the rate–distortion function of the source p (weights, normalised) with
 * distortion matrix d (rows = source letters x, columns = reproduction letters x̂), by Blahut's
 * algorithm at slope −β: q(x̂|x) ∝ q(x̂) e^(−β d(x, x̂)), q(x̂) ← Σ_x p(x) q(x̂|x), until
 * Blahut's bounds on R agree within tol. β = 0 gives the end point (D_max, 0),
 * D_max = min_x̂ Σ_x p(x) d(x, x̂), directly.
 */
export function rateDistortion(b: Backend, p: unknown, distortion: unknown, opts: RateDistortionOptions): RateDistortionResult {
  const fn = "rateDistortion";
  const o = optionsArg(fn, opts, "beta");
  const k = lnBase(o.base, fn);
  const beta = finiteArg(fn, "beta", o.beta);
  if (!(beta >= 0)) throw new RangeError(`${fn}: beta must be ≥ 0 (the slope −dR/dD), got ${beta}`);
  const tol = nonNegativeOption(fn, "tol", o.tol, 1e-12);
  const maxIter = integerOption(fn, "maxIterations", o.maxIterations, 100000, 1);
  const P = distributionArg(fn, "p", p);
  const M = matrixArg(fn, "distortion", distortion);
  const d = M.data instanceof Float64Array ? M.data : Float64Array.from(M.data);
  const e = scanError(fn, "distortion", M, 0, d.length, (v) => v - v === 0, "distortions must be finite");
  if (e) throw e;
  if (M.rows !== P.length) throw new RangeError(`${fn}: distortion has ${M.rows} rows but p has ${P.length} entries (one row per source letter)`);
  const nx = M.rows;
  const nh = M.cols;
  if (beta === 0) {
    let best = 0;
    let dmax = Infinity;
    for (let h = 0; h < nh; h++) {
      let s = 0;
      for (let x = 0; x < nx; x++) s += P[x] * d[x * nh + h];
      if (s < dmax) [dmax, best] = [s, h];
    }
    const q = new Float64Array(nh);
    q[best] = 1;
    return { rate: 0, distortion: dmax, outputDistribution: q, iterations: 0, gap: 0, converged: true };
  }
  const r = b.rateDistortionBA(P, d, nx, nh, beta, tol * k, maxIter);
  if (!(r[0] < Infinity && r[1] - r[1] === 0))
    throw new RangeError(`${fn}: beta = ${beta} is too large for these distortions (e^(−β·d) underflows); use a smaller beta`);
  return { rate: r[0] / k, distortion: r[1], outputDistribution: r.slice(4), iterations: r[3], gap: r[2] / k, converged: r[2] <= tol * k };
}

// ---- the information bottleneck ----

/** Background weight of every cluster in a starting encoder (so that every KL is finite). */
const START_EPS = 1e-6;

/** Jensen–Shannon divergence (nats) of rows a and b of the nx×ny row-stochastic `m`. */
function jsRows(m: Float64Array, ny: number, a: number, b: number): number {
  let s = 0;
  for (let y = 0; y < ny; y++) {
    const u = m[a * ny + y];
    const v = m[b * ny + y];
    const h = 0.5 * (u + v);
    if (u > 0) s += u * Math.log(u / h);
    if (v > 0) s += v * Math.log(v / h);
  }
  return Math.max(0, 0.5 * s);
}

/** An index drawn with probability ∝ w (Σ w > 0). */
function drawIndex(rng: Random, w: Float64Array): number {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i];
  let u = rng.uniform() * total;
  let last = 0;
  for (let i = 0; i < w.length; i++) {
    if (w[i] <= 0) continue;
    last = i;
    if (u < w[i]) return i;
    u -= w[i];
  }
  return last;
}

/**
 * A starting encoder: nt centres drawn by k-means++ seeding (Arthur & Vassilvitskii 2007) with the
 * Jensen–Shannon divergence between rows of p(y|x) as the distance and p(x) as the weights (the
 * first centre ∝ p(x), each next ∝ p(x)·distance to the nearest centre, ∝ p(x) once every distinct
 * row is a centre); each x goes to its nearest centre (ties: the first), mixed with a background of
 * START_EPS spread over all clusters so that every p(y|t) covers the support of every p(y|x).
 * With clusters ≥ the number of distinct rows, every distinct row starts in a cluster of its own.
 */
function startEncoder(rng: Random, px: Float64Array, pyx: Float64Array, nx: number, ny: number, nt: number): Float64Array {
  const centres: number[] = [];
  const dist = new Float64Array(nx).fill(Infinity);
  const w = new Float64Array(nx);
  for (let t = 0; t < nt; t++) {
    let covered = true;
    for (let x = 0; x < nx; x++) {
      w[x] = t === 0 ? px[x] : px[x] * dist[x];
      if (t > 0 && w[x] > 0) covered = false;
    }
    const c = drawIndex(rng, covered && t > 0 ? px : w);
    centres.push(c);
    for (let x = 0; x < nx; x++) dist[x] = Math.min(dist[x], jsRows(pyx, ny, x, c));
  }
  const enc = new Float64Array(nx * nt).fill(START_EPS / nt);
  for (let x = 0; x < nx; x++) {
    let best = 0;
    let bd = Infinity;
    for (let t = 0; t < nt; t++) {
      const dd = jsRows(pyx, ny, x, centres[t]);
      if (dd < bd) [bd, best] = [dd, t];
    }
    enc[x * nt + best] += 1 - START_EPS;
  }
  return enc;
}

/** [I(X;T), I(T;Y)] in nats of the encoder e (nx×nt) for p(x), p(y|x). */
function ibInformation(px: Float64Array, pyx: Float64Array, e: Float64Array, nx: number, ny: number, nt: number): [number, number] {
  const pt = new Float64Array(nt);
  const py = new Float64Array(ny);
  const pty = new Float64Array(nt * ny);
  for (let x = 0; x < nx; x++) {
    for (let y = 0; y < ny; y++) py[y] += px[x] * pyx[x * ny + y];
    for (let t = 0; t < nt; t++) {
      const w = px[x] * e[x * nt + t];
      pt[t] += w;
      for (let y = 0; y < ny; y++) pty[t * ny + y] += w * pyx[x * ny + y];
    }
  }
  let ixt = 0;
  for (let x = 0; x < nx; x++)
    for (let t = 0; t < nt; t++) {
      const v = e[x * nt + t];
      if (v > 0) ixt += px[x] * v * Math.log(v / pt[t]);
    }
  let ity = 0;
  for (let t = 0; t < nt; t++)
    for (let y = 0; y < ny; y++) {
      const v = pty[t * ny + y];
      if (v > 0) ity += v * Math.log(v / (pt[t] * py[y]));
    }
  return [Math.max(0, ixt), Math.max(0, ity)];
}

/**
 * The iterative information bottleneck (Tishby, Pereira & Bialek 1999) of the joint table pxy
 * (rows x, columns y; weights normalised as a whole): the encoder p(t|x) minimising
 * I(X;T) − β I(T;Y) over `clusters` values of T, by the self-consistent equations
 *   p(t|x) ∝ p(t) e^(−β D(p(y|x) ‖ p(y|t))),  p(t) = Σ_x p(x) p(t|x),  p(y|t) = Σ_x p(x,y) p(t|x)/p(t),
 * iterated from `restarts` seeded starts (see startEncoder); the start of least I(X;T) − β I(T;Y)
 * is kept (the first of equals). A row x with p(x) = 0 gets the uniform encoder row.
 */
export function informationBottleneck(b: Backend, pxy: unknown, opts: InformationBottleneckOptions): InformationBottleneckResult {
  const fn = "informationBottleneck";
  const o = optionsArg(fn, opts, "beta");
  const k = lnBase(o.base, fn);
  const beta = finiteArg(fn, "beta", o.beta);
  if (!(beta > 0)) throw new RangeError(`${fn}: beta must be > 0, got ${beta}`);
  const T = nonNegativeMatrix(fn, "pxy", pxy, "joint weights");
  const { rows, cols: ny, data } = T;
  const nt = integerOption(fn, "clusters", o.clusters, rows, 1);
  const seed = seedArg(fn, o.seed);
  const restarts = integerOption(fn, "restarts", o.restarts, 5, 1);
  const tol = nonNegativeOption(fn, "tol", o.tol, 1e-10);
  const maxIter = integerOption(fn, "maxIterations", o.maxIterations, 10000, 1);
  let total = 0;
  for (let i = 0; i < data.length; i++) total += data[i];
  if (!(total > 0 && total < Infinity)) throw new RangeError(`${fn}: pxy sums to ${total}; it needs a positive finite sum`);
  // the rows with p(x) > 0, as p(x) and p(y|x)
  const keep: number[] = [];
  const rowSum = new Float64Array(rows);
  for (let x = 0; x < rows; x++) {
    for (let y = 0; y < ny; y++) rowSum[x] += data[x * ny + y];
    if (rowSum[x] > 0) keep.push(x);
  }
  const nx = keep.length;
  const px = new Float64Array(nx);
  const pyx = new Float64Array(nx * ny);
  keep.forEach((x, i) => {
    px[i] = rowSum[x] / total;
    for (let y = 0; y < ny; y++) pyx[i * ny + y] = data[x * ny + y] / rowSum[x];
  });
  let best: { e: Float64Array; ixt: number; ity: number; it: number; delta: number } | null = null;
  let bestL = Infinity;
  for (let r = 0; r < restarts; r++) {
    const start = startEncoder(new Random(seed, r), px, pyx, nx, ny, nt);
    const res = b.informationBottleneckIB(px, pyx, start, nx, ny, nt, beta, tol, maxIter);
    const e = res.subarray(2);
    const [ixt, ity] = ibInformation(px, pyx, e, nx, ny, nt);
    const L = ixt - beta * ity;
    if (L < bestL || best === null) {
      bestL = L;
      best = { e, ixt, ity, it: res[0], delta: res[1] };
    }
  }
  const enc = new Float64Array(rows * nt).fill(1 / nt);
  keep.forEach((x, i) => enc.set(best!.e.subarray(i * nt, (i + 1) * nt), x * nt));
  return {
    encoder: { data: enc, rows, cols: nt },
    ixt: best!.ixt / k,
    ity: best!.ity / k,
    iterations: best!.it,
    converged: best!.delta <= tol,
  };
}

/**
 * Channels and the information bottleneck. The engine's public methods of this family, installed
 * on Engine by src/engine.ts (see src/facade.ts).
 */
export abstract class ChannelMethods {
  declare readonly [backendOf]: () => Backend;

  /**
   * Capacity of the discrete memoryless channel W (rows = inputs, each a distribution over the
   * outputs, summing to 1 within 1e-9) by Blahut–Arimoto: `{ capacity, inputDistribution,
   * iterations, gap, converged }`, nats unless `base` says otherwise.
   */
  channelCapacity(W: MatrixLike, opts?: ChannelCapacityOptions): ChannelCapacityResult {
    return channelCapacity(this[backendOf](), W, opts);
  }

  /**
   * A point of the rate–distortion function of source p with distortion matrix d (|X| × |X̂|) by
   * Blahut's algorithm at slope −β (q(x̂|x) ∝ q(x̂) e^(−β d)): `{ rate, distortion, … }`.
   */
  rateDistortion(p: Vector, distortion: MatrixLike, opts: RateDistortionOptions): RateDistortionResult {
    return rateDistortion(this[backendOf](), p, distortion, opts);
  }

  /**
   * The iterative information bottleneck (Tishby, Pereira & Bialek 1999) of a joint table:
   * `{ encoder (p(t|x), |X| × clusters), ixt, ity, … }` for `beta`, `clusters`, `seed`.
   */
  informationBottleneck(pxy: MatrixLike, opts: InformationBottleneckOptions): InformationBottleneckResult {
    return informationBottleneck(this[backendOf](), pxy, opts);
  }

  /** Shannon–Hartley: ½ log(1 + snr) per channel use, or B log(1 + snr) per second; bits by default. */
  awgnCapacity(snr: number, opts?: AwgnOptions): number {
    return awgnCapacity(snr, opts);
  }
}
