/**
 * Multivariate normal closed forms through the Cholesky factor Σ = L·Lᵀ (never an explicit
 * inverse): log det Σ = 2 Σ log L_ii, tr(Σ2⁻¹Σ1) = ‖L2⁻¹L1‖_F², (μ2 − μ1)ᵀΣ2⁻¹(μ2 − μ1) =
 * ‖L2⁻¹(μ2 − μ1)‖². Nats unless `base` says otherwise.
 */
import type { MatrixLike, UnitOptions, Vector } from "./types.js";
import { lnBase } from "./units.js";
import { matrixArg, vectorArg } from "./validate.js";

const LN_2PI_E = Math.log(2 * Math.PI) + 1;

/**
 * The lower Cholesky factor (row-major d×d) of a symmetric positive definite matrix; a
 * RangeError naming the matrix when it is not square, not finite, not symmetric (|a_ij − a_ji| >
 * 1e-10·√(|a_ii a_jj|)) or not positive definite.
 */
export function cholesky(fn: string, name: string, m: unknown): { L: Float64Array; d: number } {
  const M = matrixArg(fn, name, m);
  const d = M.rows;
  if (M.cols !== d) throw new RangeError(`${fn}: ${name} is ${M.rows}×${M.cols}; a covariance matrix must be square`);
  const a = M.data;
  for (let i = 0; i < d * d; i++)
    if (!Number.isFinite(a[i])) throw new RangeError(`${fn}: ${name}[${Math.floor(i / d)}][${i % d}] is ${a[i]}; a covariance matrix must be finite`);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < i; j++) {
      const tol = 1e-10 * Math.sqrt(Math.abs(a[i * d + i] * a[j * d + j]));
      if (Math.abs(a[i * d + j] - a[j * d + i]) > tol)
        throw new RangeError(`${fn}: ${name} is not symmetric: ${name}[${i}][${j}] = ${a[i * d + j]} but ${name}[${j}][${i}] = ${a[j * d + i]}`);
    }
  const L = new Float64Array(d * d);
  for (let j = 0; j < d; j++) {
    let s = a[j * d + j];
    for (let k = 0; k < j; k++) s -= L[j * d + k] * L[j * d + k];
    if (!(s > 0))
      throw new RangeError(`${fn}: ${name} is not positive definite (Cholesky pivot ${j} is ${s}); a covariance matrix must be symmetric positive definite`);
    const ljj = Math.sqrt(s);
    L[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let t = a[i * d + j];
      for (let k = 0; k < j; k++) t -= L[i * d + k] * L[j * d + k];
      L[i * d + j] = t / ljj;
    }
  }
  return { L, d };
}

/** Σ log L_ii = ½ log det Σ. */
function halfLogDet(L: Float64Array, d: number): number {
  let s = 0;
  for (let i = 0; i < d; i++) s += Math.log(L[i * d + i]);
  return s;
}

/** Solves L·y = b in place (forward substitution), b of length d at offset `o` with stride `stride`. */
function forward(L: Float64Array, d: number, b: Float64Array, o: number, stride: number): void {
  for (let i = 0; i < d; i++) {
    let s = b[o + i * stride];
    for (let k = 0; k < i; k++) s -= L[i * d + k] * b[o + k * stride];
    b[o + i * stride] = s / L[i * d + i];
  }
}

/** h(N(μ, Σ)) = ½ log((2πe)^d det Σ). */
export function mvnEntropy(cov: MatrixLike, opts: UnitOptions = {}): number {
  const fn = "mvnEntropy";
  const k = lnBase(opts.base, fn);
  const { L, d } = cholesky(fn, "cov", cov);
  return (0.5 * d * LN_2PI_E + halfLogDet(L, d)) / k;
}

/**
 * D(N(μ1, Σ1) ‖ N(μ2, Σ2)) = ½ [tr(Σ2⁻¹Σ1) + (μ2 − μ1)ᵀΣ2⁻¹(μ2 − μ1) − d + log(det Σ2 / det Σ1)].
 */
export function mvnKl(mu1: Vector, cov1: MatrixLike, mu2: Vector, cov2: MatrixLike, opts: UnitOptions = {}): number {
  const fn = "mvnKl";
  const k = lnBase(opts.base, fn);
  const m1 = vectorArg(fn, "mu1", mu1).data;
  const m2 = vectorArg(fn, "mu2", mu2).data;
  const { L: L1, d } = cholesky(fn, "cov1", cov1);
  const { L: L2, d: d2 } = cholesky(fn, "cov2", cov2);
  if (d2 !== d) throw new RangeError(`${fn}: cov1 is ${d}×${d} but cov2 is ${d2}×${d2}`);
  if (m1.length !== d) throw new RangeError(`${fn}: mu1 has length ${m1.length} but cov1 is ${d}×${d}`);
  if (m2.length !== d) throw new RangeError(`${fn}: mu2 has length ${m2.length} but cov2 is ${d}×${d}`);
  for (const [name, m] of [["mu1", m1], ["mu2", m2]] as const)
    for (let i = 0; i < d; i++) if (!Number.isFinite(m[i])) throw new RangeError(`${fn}: ${name}[${i}] is ${m[i]}; means must be finite`);
  // tr(Σ2⁻¹Σ1) = ‖L2⁻¹L1‖_F²: solve L2·Y = L1 column by column.
  const Y = Float64Array.from(L1);
  let trace = 0;
  for (let c = 0; c < d; c++) {
    forward(L2, d, Y, c, d);
    for (let i = 0; i < d; i++) trace += Y[i * d + c] * Y[i * d + c];
  }
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) z[i] = m2[i] - m1[i];
  forward(L2, d, z, 0, 1);
  let maha = 0;
  for (let i = 0; i < d; i++) maha += z[i] * z[i];
  const kl = 0.5 * (trace + maha - d) + (halfLogDet(L2, d) - halfLogDet(L1, d));
  return Math.max(0, kl) / k;
}

/**
 * Multivariate normal closed forms. The engine's public methods of this family, installed on
 * Engine by src/engine.ts (see src/facade.ts).
 */
export abstract class MvnMethods {
  /** h(N(μ, Σ)) = ½ log((2πe)^d det Σ), by Cholesky. */
  mvnEntropy(cov: MatrixLike, opts?: UnitOptions): number {
    return mvnEntropy(cov, opts);
  }

  /** D(N(μ1, Σ1) ‖ N(μ2, Σ2)) = ½[tr(Σ2⁻¹Σ1) + (μ2 − μ1)ᵀΣ2⁻¹(μ2 − μ1) − d + log(det Σ2/det Σ1)], by Cholesky. */
  mvnKl(mu1: Vector, cov1: MatrixLike, mu2: Vector, cov2: MatrixLike, opts?: UnitOptions): number {
    return mvnKl(mu1, cov1, mu2, cov2, opts);
  }
}
