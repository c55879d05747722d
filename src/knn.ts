/**
 * Samples of continuous variables: k-nearest-neighbour estimators of entropy, mutual information,
 * conditional mutual information and KL divergence, and scikit-learn's feature scores
 * `mutual_info_regression` / `mutual_info_classif`. All in nats unless `base` says otherwise.
 *
 * The kernels (src/backend.ts KnnKernels; src/js/knn.ts, assembly/knn.ts) answer the geometric
 * questions — the distance ε_i from sample i to its k-th nearest neighbour, and how many samples
 * lie within a radius — exactly, with one k-d tree (sorted copies in 1-D). The estimators' sums
 * of ψ and log are taken here, once for every backend, so all backends agree to the bit.
 *
 * One rule for "strictly closer than ε_i", everywhere (scikit-learn's): the radius is
 * r_i = nextafter(ε_i, 0) — the largest double below ε_i, or 0 when ε_i = 0 — and a sample j ≠ i
 * counts when its distance is ≤ r_i. With ε_i > 0 that is "distance < ε_i"; when k + 1 samples
 * coincide (ε_i = 0) it counts the samples that coincide with i in the subspace. Ties in the k-th
 * distance do not change ε_i; where KSG algorithm 2 needs the set of the k nearest, equal
 * distances are taken in row order.
 *
 * Papers: Kozachenko & Leonenko 1987 (entropy); Kraskov, Stögbauer & Grassberger 2004, Phys.
 * Rev. E 69, 066138 (KSG MI, algorithms 1 and 2: eqs. 8 and 9); Frenzel & Pompe 2007, PRL 99,
 * 204101 (CMI); Wang, Kulkarni & Verdú 2009, IEEE Trans. Inf. Theory 55(5) (KL); Ross 2014,
 * PLoS ONE 9(2) e87357 (MI of a continuous and a discrete variable).
 */
import { KNN_EUCLIDEAN, KNN_MAX, radiusBelow, type Backend } from "./backend.js";
import { backendOf } from "./facade.js";
import { lowerBound } from "./sorted.js";
import { mutualInformationLabels } from "./labels.js";
import { denseCodes, labelCodes } from "./label-codes.js";
import { Random } from "./random.js";
import { digamma, logUnitBallVolume, meanDigamma } from "./special.js";
import type { Labels, MatrixLike, UnitOptions, Vector } from "./types.js";
import { lnBaseOf } from "./units.js";
import {
  booleanOption,
  choiceOption,
  describe,
  discreteFeaturesArg,
  integerOption,
  neighborsArg,
  sameSamples,
  samplesArg,
  seedArg,
  type Samples,
} from "./validate.js";

/** A sample set: a vector (n samples of a 1-D variable) or a matrix `{ data, rows: n, cols: d }`, one sample per row. */
export type SampleSet = Vector | MatrixLike;

export interface KnnOptions extends UnitOptions {
  /** Neighbour count k (an integer ≥ 1, at most n − 1; default 3, 1 for klDivergenceKnn). */
  k?: number;
}

export interface KsgOptions extends KnnOptions {
  /** KSG algorithm 1 (default) or 2. */
  algorithm?: 1 | 2;
}

export interface EntropyKnnOptions extends KnnOptions {
  /** "euclidean" (default; = FNN::entropy) or "max" (max-norm, unit-ball volume 2^d). */
  metric?: "euclidean" | "max";
}

export interface MiFeatureOptions extends UnitOptions {
  /** n_neighbors (default 3). */
  k?: number;
  /** Which columns of X are discrete: false (default), true, a boolean per column, or column indices. */
  discreteFeatures?: boolean | readonly boolean[] | readonly number[];
  /** Add scikit-learn's 1e-10-scale noise to the continuous columns (default true). */
  noise?: boolean;
  /** Seed of that noise (default 0). */
  seed?: number;
}

/** The rows of several sample sets side by side: n × (d₁ + d₂ + …). */
function joint(sets: readonly Samples[]): { data: Float64Array; d: number } {
  const n = sets[0].n;
  let d = 0;
  for (const s of sets) d += s.d;
  const data = new Float64Array(n * d);
  let at = 0;
  for (const s of sets) {
    for (let i = 0; i < n; i++) for (let c = 0; c < s.d; c++) data[i * d + at + c] = s.data[i * s.d + c];
    at += s.d;
  }
  return { data, d };
}

/** r_i = nextafter(ε_i, 0), in place. */
function radiiBelow(eps: Float64Array): Float64Array {
  for (let i = 0; i < eps.length; i++) eps[i] = radiusBelow(eps[i]);
  return eps;
}

function kArg(fn: string, k: unknown, fallback: number, n: number): number {
  return neighborsArg(fn, k, fallback, n - 1, `at least k + 1 samples, and there are ${n}`);
}

/**
 * KSG estimate of I(X;Y) (Kraskov, Stögbauer, Grassberger 2004), max-norm in the joint space and
 * in each marginal space, ε_i the distance to the k-th nearest joint neighbour:
 *   algorithm 1 (eq. 8)  ψ(k) + ψ(n) − ⟨ψ(n_x + 1) + ψ(n_y + 1)⟩, n_x = #{j ≠ i : ‖x_j − x_i‖ ≤ r_i}
 *                        with r_i = nextafter(ε_i, 0) (= sklearn's _compute_mi_cc, unclipped)
 *   algorithm 2 (eq. 9)  ψ(k) − 1/k + ψ(n) − ⟨ψ(n_x) + ψ(n_y)⟩, n_x = #{j ≠ i : ‖x_j − x_i‖ ≤ ε_x(i)},
 *                        ε_x(i) the largest x-distance among the k nearest joint neighbours
 * The raw estimate (it may be negative). Nats unless `base`.
 */
export function mutualInformationKnn(be: Backend, x: SampleSet, y: SampleSet, opts: KsgOptions = {}, fn = "mutualInformationKnn"): number {
  const unit = lnBaseOf(opts, fn);
  const X = samplesArg(fn, "x", x);
  const Y = samplesArg(fn, "y", y);
  sameSamples(fn, ["x", "y"], [X, Y]);
  const k = kArg(fn, opts.k, 3, X.n);
  const alg = opts.algorithm ?? 1;
  if (alg !== 1 && alg !== 2) throw new RangeError(`${fn}: algorithm must be 1 or 2, got ${describe(alg)}`);
  return ksg(be, X, Y, k, alg) / unit;
}

/** The KSG estimate (nats) of validated sample sets of equally many samples, k ≤ n − 1 (mutualInformationKnn). */
export function ksg(be: Backend, X: Samples, Y: Samples, k: number, alg: 1 | 2 = 1): number {
  const n = X.n;
  const J = joint([X, Y]);
  if (alg === 1) {
    const r = radiiBelow(be.knnDistances(J.data, n, J.d, k, KNN_MAX, 0, 0, n));
    const nx = be.countWithin(X.data, n, X.d, r, 0, n);
    const ny = be.countWithin(Y.data, n, Y.d, r, 0, n);
    return digamma(n) + digamma(k) - meanDigamma(nx, 1) - meanDigamma(ny, 1);
  }
  const w = be.knnDistances(J.data, n, J.d, k, KNN_MAX, X.d, 0, n);
  const ex = new Float64Array(n);
  const ey = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ex[i] = w[3 * i + 1];
    ey[i] = w[3 * i + 2];
  }
  const nx = be.countWithin(X.data, n, X.d, ex, 0, n);
  const ny = be.countWithin(Y.data, n, Y.d, ey, 0, n);
  return digamma(n) + digamma(k) - 1 / k - meanDigamma(nx, 0) - meanDigamma(ny, 0);
}

/**
 * Frenzel–Pompe estimate of I(X;Y|Z): ψ(k) − ⟨ψ(n_xz + 1) + ψ(n_yz + 1) − ψ(n_z + 1)⟩, ε_i from
 * the max-norm k-NN in (x, y, z), n_xz = #{j ≠ i : ‖(x, z)_j − (x, z)_i‖ ≤ nextafter(ε_i, 0)}
 * in the (x, z) max-norm, and likewise n_yz, n_z. Raw (may be negative). Nats unless `base`.
 */
export function conditionalMutualInformationKnn(be: Backend, x: SampleSet, y: SampleSet, z: SampleSet, opts: KnnOptions = {}): number {
  const fn = "conditionalMutualInformationKnn";
  const unit = lnBaseOf(opts, fn);
  const X = samplesArg(fn, "x", x);
  const Y = samplesArg(fn, "y", y);
  const Z = samplesArg(fn, "z", z);
  sameSamples(fn, ["x", "y", "z"], [X, Y, Z]);
  return frenzelPompe(be, X, Y, Z, kArg(fn, opts.k, 3, X.n)) / unit;
}

/** The Frenzel–Pompe estimate (nats) of validated sample sets of equally many samples, k ≤ n − 1 (conditionalMutualInformationKnn). */
export function frenzelPompe(be: Backend, X: Samples, Y: Samples, Z: Samples, k: number): number {
  const n = X.n;
  const J = joint([X, Y, Z]);
  const r = radiiBelow(be.knnDistances(J.data, n, J.d, k, KNN_MAX, 0, 0, n));
  const XZ = joint([X, Z]);
  const YZ = joint([Y, Z]);
  const nxz = be.countWithin(XZ.data, n, XZ.d, r, 0, n);
  const nyz = be.countWithin(YZ.data, n, YZ.d, r, 0, n);
  const nz = be.countWithin(Z.data, n, Z.d, r, 0, n);
  return digamma(k) - (meanDigamma(nxz, 1) + meanDigamma(nyz, 1) - meanDigamma(nz, 1));
}

/** The first row whose k-th neighbour distance is 0 (k + 1 identical samples), as an error. */
function zeroDistance(fn: string, name: string, eps: Float64Array, k: number, what: string): void {
  for (let i = 0; i < eps.length; i++)
    if (eps[i] === 0)
      throw new RangeError(`${fn}: row ${i} of ${name} has ${what} at distance 0 (k = ${k}): the estimate would be infinite; remove duplicate samples or add noise`);
}

/**
 * Kozachenko–Leonenko entropy estimate ψ(n) − ψ(k) + ln V_d + (d/n) Σ ln ε_i, ε_i the distance
 * from sample i to its k-th nearest other sample; Euclidean (V_d = π^{d/2}/Γ(d/2 + 1), the unit
 * ball; = FNN::entropy) or max-norm (V_d = 2^d). k + 1 identical samples (ε_i = 0) are a
 * RangeError. Nats unless `base`.
 */
export function entropyKnn(be: Backend, x: SampleSet, opts: EntropyKnnOptions = {}): number {
  const fn = "entropyKnn";
  const unit = lnBaseOf(opts, fn);
  const X = samplesArg(fn, "x", x);
  const n = X.n;
  const k = kArg(fn, opts.k, 3, n);
  const metric = choiceOption(fn, "metric", opts.metric, ["euclidean", "max"] as const, "euclidean");
  const eps = be.knnDistances(X.data, n, X.d, k, metric === "max" ? KNN_MAX : KNN_EUCLIDEAN, 0, 0, n);
  zeroDistance(fn, "x", eps, k, `its k-th nearest other sample`);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(eps[i]);
  const logV = metric === "max" ? X.d * Math.LN2 : logUnitBallVolume(X.d);
  return (digamma(n) - digamma(k) + logV + (X.d / n) * s) / unit;
}

/**
 * Wang–Kulkarni–Verdú (2009) estimate of D(P‖Q) from x ~ P (n×d) and y ~ Q (m×d), Euclidean:
 * (d/n) Σ ln(ν_k(i)/ρ_k(i)) + ln(m/(n − 1)), ρ_k(i) the distance from x_i to its k-th nearest
 * other row of x, ν_k(i) to its k-th nearest row of y. Needs k ≤ n − 1, k ≤ m and the same d;
 * a zero ρ or ν is a RangeError. (FNN::KL.divergence uses ln(m/n) in place of ln(m/(n − 1)).)
 * Nats unless `base`.
 */
export function klDivergenceKnn(be: Backend, x: SampleSet, y: SampleSet, opts: KnnOptions = {}): number {
  const fn = "klDivergenceKnn";
  const unit = lnBaseOf(opts, fn);
  const X = samplesArg(fn, "x", x);
  const Y = samplesArg(fn, "y", y);
  if (X.d !== Y.d) throw new RangeError(`${fn}: x has samples of d = ${X.d} but y of d = ${Y.d}; both need the same dimension`);
  const { n, d } = X;
  const m = Y.n;
  const k = kArg(fn, opts.k, 1, n);
  if (k > m) throw new RangeError(`${fn}: k = ${k} needs at least k samples in y, and there are ${m}`);
  const rho = be.knnDistances(X.data, n, d, k, KNN_EUCLIDEAN, 0, 0, n);
  zeroDistance(fn, "x", rho, k, "its k-th nearest other sample of x");
  const nu = be.knnCross(X.data, n, Y.data, m, d, k, KNN_EUCLIDEAN, 0, n);
  zeroDistance(fn, "x", nu, k, "its k-th nearest sample of y");
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(nu[i] / rho[i]);
  return ((d / n) * s + Math.log(m / (n - 1))) / unit;
}

// ---- scikit-learn's feature scores ----

/** NumPy's pairwise summation (numpy/_core/src/umath/loops_utils.h.src, blocks of 8, 128 per leaf). */
function pairwise(a: Float64Array, i0: number, n: number, stride: number): number {
  if (n < 8) {
    let s = 0;
    for (let i = 0; i < n; i++) s += a[i0 + i * stride];
    return s;
  }
  if (n <= 128) {
    let r0 = a[i0], r1 = a[i0 + stride], r2 = a[i0 + 2 * stride], r3 = a[i0 + 3 * stride];
    let r4 = a[i0 + 4 * stride], r5 = a[i0 + 5 * stride], r6 = a[i0 + 6 * stride], r7 = a[i0 + 7 * stride];
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const o = i0 + i * stride;
      r0 += a[o];
      r1 += a[o + stride];
      r2 += a[o + 2 * stride];
      r3 += a[o + 3 * stride];
      r4 += a[o + 4 * stride];
      r5 += a[o + 5 * stride];
      r6 += a[o + 6 * stride];
      r7 += a[o + 7 * stride];
    }
    let s = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < n; i++) s += a[i0 + i * stride];
    return s;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwise(a, i0, n2, stride) + pairwise(a, i0 + n2 * stride, n - n2, stride);
}

/**
 * sklearn.preprocessing.scale(with_mean=False) of the selected columns of the n×cols matrix in
 * place: each divided by its standard deviation (ddof 0: NumPy's mean, then the mean of squared
 * deviations), a deviation below 10·2⁻⁵² taken as 1 (_handle_zeros_in_scale). The sums are
 * NumPy's pairwise sums: sklearn selects the columns as X[:, mask], which NumPy lays out
 * column-major, so each column is a contiguous axis. `scalar` (the target y, whose deviation
 * scikit-learn handles as a scalar): only a deviation of exactly 0 is taken as 1.
 */
function scaleColumns(A: Float64Array, n: number, cols: number, selected: readonly number[], scalar = false): void {
  const dev = new Float64Array(n);
  for (const c of selected) {
    const mean = pairwise(A, c, n, cols) / n;
    for (let i = 0; i < n; i++) {
      const e = A[i * cols + c] - mean;
      dev[i] = e * e;
    }
    let sd = Math.sqrt(pairwise(dev, 0, n, 1) / n);
    if (scalar ? sd === 0 : sd < 10 * 2.220446049250313e-16) sd = 1;
    for (let i = 0; i < n; i++) A[i * cols + c] /= sd;
  }
}

/**
 * scikit-learn's noise: column c += 1e-10 · max(1, mean |column c|) · N(0, 1), the normals drawn
 * row by row over the selected columns (as rng.standard_normal((n, len(selected)))).
 */
function addNoise(A: Float64Array, n: number, cols: number, selected: readonly number[], rng: Random): void {
  const scale = selected.map((c) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += Math.abs(A[i * cols + c]);
    return 1e-10 * Math.max(1, s / n);
  });
  for (let i = 0; i < n; i++) for (let j = 0; j < selected.length; j++) A[i * cols + selected[j]] += scale[j] * rng.normal();
}

/** Class ids 0 … classes − 1 of column c's values (numpy.unique order; −0 and 0 one value). */
function valueCodes(A: Float64Array, n: number, cols: number, c: number): { codes: Int32Array; classes: number } {
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = A[i * cols + c] + 0; // −0 → 0
  const u = Float64Array.from(v).sort();
  let classes = 0;
  for (let i = 0; i < n; i++) if (i === 0 || u[i] !== u[i - 1]) u[classes++] = u[i];
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = lowerBound(u, v[i], 0, classes);
  return { codes, classes };
}

/**
 * Ross (2014) MI of continuous columns against class ids, as sklearn's _compute_mi_cd: classes of
 * one sample are dropped; in each class k_c = min(k, count − 1); ε_i = distance to the k_c-th
 * nearest other value of i's class; m_i = #{j : |x_j − x_i| ≤ nextafter(ε_i, 0)} (i included)
 * over the kept samples; MI = ψ(n) + ⟨ψ(k_c)⟩ − ⟨ψ(count_c)⟩ − ⟨ψ(m_i)⟩ over the kept n, clipped
 * at 0. No class of two samples is a RangeError (scikit-learn's ValueError). One value per column
 * of C (n×cols).
 */
function rossMI(be: Backend, C: Float64Array, n: number, cols: number, codes: Int32Array, classes: number, k: number, fn: string, what: string): Float64Array {
  const count = new Int32Array(classes);
  for (let i = 0; i < n; i++) count[codes[i]]++;
  const id = new Int32Array(classes).fill(-1);
  let kept = 0;
  for (let c = 0; c < classes; c++) if (count[c] > 1) id[c] = kept++;
  const out = new Float64Array(cols);
  let m = 0;
  for (let i = 0; i < n; i++) if (count[codes[i]] > 1) m++;
  if (m === 0) throw new RangeError(`${fn}: every value of ${what} occurs once; the continuous-vs-discrete estimate needs a value that occurs at least twice`);
  const rows = m === n ? C : new Float64Array(m * cols);
  const labels = new Int32Array(m);
  const kc = new Int32Array(kept);
  for (let c = 0; c < classes; c++) if (id[c] >= 0) kc[id[c]] = Math.min(k, count[c] - 1);
  // ⟨ψ(k_c)⟩ and ⟨ψ(count_c)⟩ over the kept samples, in row order
  const kAll = new Int32Array(m);
  const nAll = new Int32Array(m);
  for (let i = 0, j = 0; i < n; i++) {
    const c = codes[i];
    if (count[c] < 2) continue;
    if (rows !== C) for (let t = 0; t < cols; t++) rows[j * cols + t] = C[i * cols + t];
    labels[j] = id[c];
    kAll[j] = kc[id[c]];
    nAll[j++] = count[c];
  }
  const base = digamma(m) + meanDigamma(kAll, 0) - meanDigamma(nAll, 0);
  const counts = be.rossColumns(rows, m, cols, labels, kept, kc, 0, cols);
  for (let c = 0; c < cols; c++) out[c] = Math.max(0, base - meanDigamma(counts, 0, c * m, (c + 1) * m));
  return out;
}

/** The continuous columns of A (n×cols) as their own n×|sel| matrix (A itself when that is all of them). */
function columnsOf(A: Float64Array, n: number, cols: number, sel: readonly number[]): Float64Array {
  if (sel.length === cols) return A;
  const out = new Float64Array(n * sel.length);
  for (let i = 0; i < n; i++) for (let j = 0; j < sel.length; j++) out[i * sel.length + j] = A[i * cols + sel[j]];
  return out;
}

interface FeatureArgs {
  n: number;
  cols: number;
  k: number;
  X: Float64Array;
  discrete: boolean[];
  continuous: number[];
  rng: Random;
  noise: boolean;
  unit: number;
}

/** The arguments both feature scores share, validated (nothing computed yet). */
function featureArgs(fn: string, X: MatrixLike | Vector, opts: MiFeatureOptions): FeatureArgs {
  const unit = lnBaseOf(opts, fn);
  const S = samplesArg(fn, "X", X);
  const { n, d: cols } = S;
  const k = integerOption(fn, "k", opts.k, 3, 1);
  const discrete = discreteFeaturesArg(fn, opts.discreteFeatures, cols);
  const noise = booleanOption(fn, "noise", opts.noise, true);
  const rng = new Random(seedArg(fn, opts.seed));
  const continuous: number[] = [];
  for (let c = 0; c < cols; c++) if (!discrete[c]) continuous.push(c);
  return { n, cols, k, X: S.data, discrete, continuous, rng, noise, unit };
}

/** sklearn's _estimate_mi preparation of X: a copy with its continuous columns scaled and (unless noise is off) noised. */
function preparedX(s: FeatureArgs): Float64Array {
  const A = Float64Array.from(s.X);
  if (s.continuous.length > 0) {
    scaleColumns(A, s.n, s.cols, s.continuous);
    if (s.noise) addNoise(A, s.n, s.cols, s.continuous, s.rng);
  }
  return A;
}

/**
 * One MI per column of X against the continuous target y, = sklearn.feature_selection.
 * mutual_info_regression(X, y, discrete_features, n_neighbors=k) (its _estimate_mi): continuous
 * columns and y divided by their standard deviation (ddof 0), then, unless `noise: false`,
 * 1e-10 · max(1, mean |x|) · N(0, 1) noise from `seed` (our generator, not NumPy's); continuous
 * columns by KSG algorithm 1 (_compute_mi_cc), discrete ones by Ross 2014 with the roles swapped
 * (_compute_mi_cd(y, x)); each clipped at 0. Nats unless `base`.
 */
export function mutualInfoRegression(be: Backend, X: MatrixLike | Vector, y: Vector, opts: MiFeatureOptions = {}): Float64Array {
  const fn = "mutualInfoRegression";
  const s = featureArgs(fn, X, opts);
  const Y = samplesArg(fn, "y", y);
  if (Y.d !== 1) throw new TypeError(`${fn}: y must be a vector of targets, got a matrix with ${Y.d} columns`);
  if (Y.n !== s.n) throw new RangeError(`${fn}: X has ${s.n} samples but y has ${Y.n}`);
  const { n, cols, k } = s;
  if (s.continuous.length > 0) kArg(fn, k, 3, n);
  const A = preparedX(s);
  const t = Float64Array.from(Y.data);
  scaleColumns(t, n, 1, [0], true);
  if (s.noise) addNoise(t, n, 1, [0], s.rng);
  const out = new Float64Array(cols);
  if (s.continuous.length > 0) {
    const m = s.continuous.length;
    const counts = be.ksgColumns(columnsOf(A, n, cols, s.continuous), n, m, t, k, 0, m);
    const head = digamma(n) + digamma(k);
    s.continuous.forEach((c, j) => {
      const o = j * 2 * n;
      out[c] = Math.max(0, head - meanDigamma(counts, 1, o, o + n) - meanDigamma(counts, 1, o + n, o + 2 * n));
    });
  }
  for (let c = 0; c < cols; c++) {
    if (!s.discrete[c]) continue;
    const { codes, classes } = valueCodes(A, n, cols, c);
    out[c] = rossMI(be, t, n, 1, codes, classes, k, fn, `discrete column ${c} of X`)[0];
  }
  for (let c = 0; c < cols; c++) out[c] /= s.unit;
  return out;
}

/**
 * One MI per column of X against class labels, = sklearn.feature_selection.mutual_info_classif(X,
 * labels, discrete_features, n_neighbors=k): continuous columns scaled and noised as in
 * mutualInfoRegression and scored by Ross 2014 (_compute_mi_cd: per class k is cut to count − 1
 * and one-sample classes are dropped, so k ≥ n is no error here), discrete columns by
 * mutual_info_score; each clipped at 0. Labels of any kind (as mutualInformationLabels). Nats
 * unless `base`.
 */
export function mutualInfoClassif(be: Backend, X: MatrixLike | Vector, labels: Labels, opts: MiFeatureOptions = {}): Float64Array {
  const fn = "mutualInfoClassif";
  const s = featureArgs(fn, X, opts);
  const L = labelCodes(fn, "labels", labels, be);
  if (L.codes.length !== s.n) throw new RangeError(`${fn}: X has ${s.n} samples but labels has ${L.codes.length}`);
  const { n, cols, k } = s;
  const A = preparedX(s);
  const { idx: codes, k: classes } = denseCodes(L);
  const out = new Float64Array(cols);
  if (s.continuous.length > 0) {
    const mi = rossMI(be, columnsOf(A, n, cols, s.continuous), n, s.continuous.length, codes, classes, k, fn, "labels");
    s.continuous.forEach((c, j) => (out[c] = mi[j]));
  }
  for (let c = 0; c < cols; c++) {
    if (!s.discrete[c]) continue;
    const { codes: xc } = valueCodes(A, n, cols, c);
    out[c] = Math.max(0, mutualInformationLabels(be, xc, codes));
  }
  for (let c = 0; c < cols; c++) out[c] /= s.unit;
  return out;
}

/**
 * The kNN estimators. The engine's public methods of this family, installed on Engine by
 * src/engine.ts (see src/facade.ts).
 */
export abstract class KnnMethods {
  declare readonly [backendOf]: () => Backend;

  /** KSG estimate of I(X;Y) (algorithm 1 or 2), raw (may be negative). */
  mutualInformationKnn(x: SampleSet, y: SampleSet, opts?: KsgOptions): number {
    return mutualInformationKnn(this[backendOf](), x, y, opts);
  }

  /** Frenzel–Pompe estimate of I(X;Y|Z), raw (may be negative). */
  conditionalMutualInformationKnn(x: SampleSet, y: SampleSet, z: SampleSet, opts?: KnnOptions): number {
    return conditionalMutualInformationKnn(this[backendOf](), x, y, z, opts);
  }

  /** Kozachenko–Leonenko differential entropy estimate (Euclidean or max-norm). */
  entropyKnn(x: SampleSet, opts?: EntropyKnnOptions): number {
    return entropyKnn(this[backendOf](), x, opts);
  }

  /** Wang–Kulkarni–Verdú estimate of D(P‖Q) from samples x ~ P, y ~ Q. */
  klDivergenceKnn(x: SampleSet, y: SampleSet, opts?: KnnOptions): number {
    return klDivergenceKnn(this[backendOf](), x, y, opts);
  }

  /** = sklearn.feature_selection.mutual_info_regression: one MI per column of X. */
  mutualInfoRegression(X: MatrixLike | Vector, y: Vector, opts?: MiFeatureOptions): Float64Array {
    return mutualInfoRegression(this[backendOf](), X, y, opts);
  }

  /** = sklearn.feature_selection.mutual_info_classif: one MI per column of X. */
  mutualInfoClassif(X: MatrixLike | Vector, labels: Labels, opts?: MiFeatureOptions): Float64Array {
    return mutualInfoClassif(this[backendOf](), X, labels, opts);
  }
}
