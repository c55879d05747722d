/**
 * Closed forms (Gaussian, multivariate normal, uniform, exponential, Gaussian MI) against their
 * formulas, SciPy values (test/reference/grids.py) and grid integrals; the seed 002 corrections.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, close, engine } from "./backends.js";
import type { Engine } from "../src/engine.js";
import { exponentialEntropy, gaussianEntropy, gaussianKl, gaussianMutualInformation, mvnEntropy, mvnKl, uniformEntropy } from "../src/index.js";
import { mvn } from "./reference/grids.js";

const near = (got: number, want: number, rel = 1e-12, abs = 1e-15) => {
  if (!close(got, want, rel, abs)) throw new Error(`got ${got}, want ${want}`);
};

describe("closed forms", () => {
  it("Gaussian entropy and KL; seed 002's KL numbers corrected", () => {
    near(gaussianEntropy(1), 1.4189385332046727); // ½ ln(2πe), scipy.stats.norm().entropy()
    near(gaussianEntropy(3), 0.5 * Math.log(2 * Math.PI * Math.E * 9));
    near(gaussianEntropy(1, { base: "bits" }), 0.5 * Math.log2(2 * Math.PI * Math.E));
    near(gaussianKl(0, 1, 0, 2), Math.LN2 - 3 / 8); // 0.318147…, seed 002 prints 0.443
    near(gaussianKl(0, 2, 0, 1), 1.5 - Math.LN2); // 0.806853…, seed 002 prints 1.386
    near(gaussianKl(0, 1, 1, 2), Math.LN2 - 3 / 8 + 1 / 8); // 0.443147: what the seed's 0.443 is
    near(gaussianKl(0, 1, 1, 1.5), Math.log(1.5) + 2 / (2 * 2.25) - 0.5);
    expect(gaussianKl(2, 1.5, 2, 1.5)).toBe(0);
    near(gaussianKl(0, 1, 0, 1 + 1e-8), 1e-16, 1e-6, 0); // no cancellation near σ1 = σ2
  });

  it("uniform and exponential entropies (seed 002's table), Gaussian mutual information", () => {
    near(uniformEntropy(2, 5), Math.log(3));
    near(uniformEntropy(0, 0.5, { base: 2 }), -1);
    near(exponentialEntropy(1), 1);
    near(exponentialEntropy(2), 1 - Math.LN2); // scipy.stats.expon(scale=1/2).entropy()
    near(gaussianMutualInformation(0.5), -0.5 * Math.log(0.75));
    expect(gaussianMutualInformation(0)).toBe(0);
    expect(gaussianMutualInformation(1)).toBe(Infinity);
    // MI of a bivariate normal = h(X) + h(Y) − h(X, Y)
    const rho = 0.8;
    near(gaussianMutualInformation(rho), 2 * gaussianEntropy(1) - mvnEntropy([[1, rho], [rho, 1]]), 1e-12);
  });

  it("multivariate normal: scipy.stats.multivariate_normal entropy, KL by Cholesky vs numpy.linalg formula", () => {
    near(mvnEntropy(mvn.cov1), mvn.entropy1);
    near(mvnEntropy(mvn.cov2), mvn.entropy2);
    near(mvnKl(mvn.mu1, mvn.cov1, mvn.mu2, mvn.cov2), mvn.kl12, 1e-11);
    near(mvnKl(mvn.mu2, mvn.cov2, mvn.mu1, mvn.cov1), mvn.kl21, 1e-11);
    expect(mvnKl(mvn.mu1, mvn.cov1, mvn.mu1, mvn.cov1)).toBeLessThan(1e-15);
    // d = 1 is the univariate formula; a diagonal covariance adds up
    near(mvnKl([0], [[1]], [1], [[2.25]]), gaussianKl(0, 1, 1, 1.5));
    near(mvnEntropy({ data: Float64Array.of(4, 0, 0, 9), rows: 2, cols: 2 }), gaussianEntropy(2) + gaussianEntropy(3));
    near(mvnEntropy(mvn.cov1, { base: "bits" }), mvn.entropy1 / Math.LN2);
  });

  it("errors: a covariance that is not symmetric positive definite, bad scalars", () => {
    expect(() => mvnEntropy([[1, 2], [2, 1]])).toThrow(/mvnEntropy: cov is not positive definite/);
    expect(() => mvnKl([0, 0], [[1, 0], [0, 1]], [0, 0], [[1, 0.5], [0.4, 1]])).toThrow(/mvnKl: cov2 is not symmetric: cov2\[1\]\[0\] = 0.4 but cov2\[0\]\[1\] = 0.5/);
    expect(() => mvnKl([0, 0], [[1, 0], [0, 0]], [0, 0], [[1, 0], [0, 1]])).toThrow(/cov1 is not positive definite/);
    expect(() => mvnEntropy([[1, 0, 0], [0, 1, 0]])).toThrow(/must be square/);
    expect(() => mvnKl([0], [[1, 0], [0, 1]], [0, 0], [[1, 0], [0, 1]])).toThrow(/mu1 has length 1/);
    expect(() => mvnEntropy([[NaN]])).toThrow(/cov\[0\]\[0\] is NaN/);
    expect(() => gaussianEntropy(0)).toThrow(/sigma must be > 0/);
    expect(() => gaussianKl(0, 1, NaN, 1)).toThrow(/mu2 must be finite/);
    expect(() => uniformEntropy(1, 1)).toThrow(/b must be greater than a/);
    expect(() => exponentialEntropy(-1)).toThrow(/rate must be > 0/);
    expect(() => gaussianMutualInformation(1.5)).toThrow(/rho must be in/);
  });
});

describe.each(BACKENDS)("closed forms vs grid integrals on %s", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });
  it("engine methods equal the standalone functions and the grid integrals", () => {
    const x = Float64Array.from({ length: 4001 }, (_, i) => -20 + i * 0.01);
    const pdf = (m: number, s: number) => x.map((t) => Math.exp(-0.5 * ((t - m) / s) ** 2) / (s * Math.sqrt(2 * Math.PI)));
    expect(e.gaussianEntropy(2)).toBe(gaussianEntropy(2));
    expect(e.gaussianKl(0, 1, 1, 2)).toBe(gaussianKl(0, 1, 1, 2));
    expect(e.mvnEntropy(mvn.cov1)).toBe(mvnEntropy(mvn.cov1));
    expect(e.mvnKl(mvn.mu1, mvn.cov1, mvn.mu2, mvn.cov2)).toBe(mvnKl(mvn.mu1, mvn.cov1, mvn.mu2, mvn.cov2));
    near(e.differentialEntropyGrid(pdf(1, 2), { dx: 0.01 }, { method: "simpson" }), gaussianEntropy(2), 1e-10);
    near(e.klDivergenceGrid(pdf(0.5, 1.2), pdf(-1, 2), { dx: 0.01 }, { method: "simpson" }), gaussianKl(0.5, 1.2, -1, 2), 1e-10);
    const ex = Float64Array.from({ length: 40001 }, (_, i) => i * 0.001);
    near(e.differentialEntropyGrid(ex.map((t) => 2 * Math.exp(-2 * t)), { x: ex }, { method: "simpson" }), exponentialEntropy(2), 1e-9);
    near(e.differentialEntropyGrid(new Float64Array(11).fill(1 / 3), { dx: 0.3 }), uniformEntropy(2, 5));
  });
});
