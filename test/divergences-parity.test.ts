/**
 * Parity: the js, wasm and wasm-simd engines agree to 1e-12 relative on random float64 and float32
 * input (API.md), vectors and matrices, every order α; and the worker pool's results equal the
 * calling thread's (the pool only regroups partial sums). The values themselves are held to mpmath
 * and SciPy in test/divergences.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { init } from "../src/index.js";
import type { Engine } from "../src/engine.js";
import { BACKENDS, close, engine, rng, weights } from "./backends.js";

type Result = number | Float64Array;

function expectAgree(a: Result, b: Result, what: string, rel = 1e-12): void {
  const xs = typeof a === "number" ? [a] : Array.from(a);
  const ys = typeof b === "number" ? [b] : Array.from(b);
  expect(xs.length).toBe(ys.length);
  for (let i = 0; i < xs.length; i++) if (!close(xs[i], ys[i], rel, 1e-15)) expect([what, i, xs[i]]).toEqual([what, i, ys[i]]);
}

const ALPHAS = [0, 0.3, 0.999, 1, 1.5, 2, 3, 10, Infinity];

/** Every divergence-family call on (p, q) (vectors or matrices) and (u, v), as a list of named results. */
function all(engine: Engine, p: unknown, q: unknown, u: Float64Array, v: Float64Array, w: Float64Array): [string, Result][] {
  const e = engine as unknown as Record<string, (...args: unknown[]) => Result>;
  const out: [string, Result][] = [];
  for (const a of ALPHAS) {
    out.push([`renyiEntropy ${a}`, e.renyiEntropy(p, a)]);
    out.push([`renyiDivergence ${a}`, e.renyiDivergence(p, q, a)]);
    if (a !== Infinity) out.push([`tsallisEntropy ${a}`, e.tsallisEntropy(p, a)]);
  }
  for (const f of ["hellingerDistance", "totalVariation", "bhattacharyyaDistance", "chiSquareDivergence"]) out.push([f, e[f](p, q)]);
  out.push(["giniImpurity", e.giniImpurity(p)]);
  out.push(["wassersteinDistance", engine.wassersteinDistance(u, v, { uWeights: w })]);
  out.push(["energyDistance", engine.energyDistance(u, v, { vWeights: w.subarray(0, v.length) })]);
  return out;
}

describe("divergences: backends agree", () => {
  it("random vectors and matrices, float64 and float32, with zeros, long rows", async () => {
    const engines = await Promise.all(BACKENDS.map((b) => engine(b)));
    const r = rng(99);
    const u = Float64Array.from({ length: 700 }, () => Math.round(r() * 50) / 4);
    const v = Float64Array.from({ length: 500 }, () => r() * 12);
    const w = Float64Array.from({ length: 700 }, () => r());
    const shapes: [number, number][] = [[1, 7], [1, 1000], [1, 40000], [13, 129], [300, 64]];
    for (const [rows, cols] of shapes) {
      for (const Ctor of [Float64Array, Float32Array]) {
        const n = rows * cols;
        const pd = weights(n, rows * 7 + cols, 0.1, Ctor);
        // q: p perturbed (some rows nearly equal), with its own zeros
        const qd = weights(n, rows * 11 + cols, 0.1, Ctor);
        for (let i = 0; i < n; i += 3) qd[i] = pd[i] * (1 + 1e-3 * (r() - 0.5));
        const arg = (d: Float64Array | Float32Array) => (rows === 1 ? d : { data: d, rows, cols });
        const results = engines.map((e) => all(e, arg(pd), arg(qd), u, v, w));
        for (let k = 1; k < results.length; k++)
          for (let i = 0; i < results[0].length; i++) {
            const name = results[0][i][0];
            // α = 1 is Shannon's entropy (src/discrete.ts), whose float32 SIMD path evaluates its
            // terms in f32 lanes (assembly/discrete.ts): 1e-12 holds for float64 input only there
            const rel = Ctor === Float32Array && (name === "renyiEntropy 1" || name === "tsallisEntropy 1") ? 1e-6 : 1e-12;
            expectAgree(results[k][i][1], results[0][i][1], `${BACKENDS[k]} ${name} ${rows}x${cols} ${Ctor.name}`, rel);
          }
      }
    }
  });
});

describe.each(BACKENDS)("divergences on the worker pool (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await init({ backend, threads: 2 });
  });
  afterAll(() => e.close());

  it("it.parallel.run splits the row kernels and equals the calling thread", async () => {
    const rows = 400, cols = 500;
    const P = { data: weights(rows * cols, 5), rows, cols };
    const Q = { data: weights(rows * cols, 6), rows, cols };
    const long = { data: weights(3 * 100000, 7), rows: 3, cols: 100000 }; // a few long rows: segments
    const long2 = { data: weights(3 * 100000, 8), rows: 3, cols: 100000 };
    for (const [X, Y] of [[P, Q], [long, long2]]) {
      expectAgree(await e.parallel.run((x) => x.hellingerDistance(X, Y)), e.hellingerDistance(X, Y), "hellinger");
      expectAgree(await e.parallel.run((x) => x.totalVariation(X, Y)), e.totalVariation(X, Y), "tv");
      expectAgree(await e.parallel.run((x) => x.bhattacharyyaDistance(X, Y)), e.bhattacharyyaDistance(X, Y), "bhattacharyya");
      expectAgree(await e.parallel.run((x) => x.chiSquareDivergence(X, Y)), e.chiSquareDivergence(X, Y), "chi2");
      for (const a of [0, 0.5, 2, 3, Infinity]) {
        expectAgree(await e.parallel.run((x) => x.renyiDivergence(X, Y, a)), e.renyiDivergence(X, Y, a), `renyiDivergence ${a}`);
        expectAgree(await e.parallel.run((x) => x.renyiEntropy(X, a)), e.renyiEntropy(X, a), `renyiEntropy ${a}`);
      }
      expectAgree(await e.parallel.run((x) => x.tsallisEntropy(X, 1.7)), e.tsallisEntropy(X, 1.7), "tsallis");
      expectAgree(await e.parallel.run((x) => x.giniImpurity(X)), e.giniImpurity(X), "gini");
    }
  });
});
