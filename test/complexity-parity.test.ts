/**
 * Parity of the complexity kernels: js, wasm and wasm-simd give identical counts (ordinal-pattern
 * and template-match counts are exact integers) and so equal measures, on random float64 and
 * float32 input, vectors and matrices, with ties; the worker pool's results (rows of a batch, or
 * ranges of the sorted templates of one long series, counts added) equal the calling thread's.
 * The values themselves are held to NumPy brute force in test/complexity.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { init } from "../src/index.js";
import type { Engine } from "../src/engine.js";
import { backendOf } from "../src/facade.js";
import { SPLITTERS } from "../src/parallel/split.js";
import { BACKENDS, engine, rng } from "./backends.js";

function ar1(n: number, seed: number, phi = 0.6, Ctor: Float64ArrayConstructor | Float32ArrayConstructor = Float64Array): Float64Array | Float32Array {
  const g = rng(seed);
  const x = new Ctor(n);
  let v = 0;
  for (let i = 0; i < n; i++) {
    v = phi * v + (g() - 0.5);
    x[i] = v;
  }
  return x;
}

describe("complexity: backends agree", () => {
  it("identical counts and values on every backend (float64, float32, ties, m, order, delay)", async () => {
    const engines = await Promise.all(BACKENDS.map((b) => engine(b)));
    const g = rng(9);
    const ties = Float64Array.from({ length: 3000 }, () => Math.floor(g() * 7));
    const inputs: [string, Float64Array | Float32Array][] = [
      ["ar1", ar1(3000, 1)],
      ["ar1 f32", ar1(2500, 2, 0.9, Float32Array)],
      ["ties", ties],
    ];
    for (const [name, x] of inputs) {
      const ref = engines[0];
      for (const m of [1, 2, 3, 5]) {
        for (const r of [undefined, 0.05, 1]) {
          const want = ref[backendOf]().templateMatches(Float64Array.from(x), 1, x.length, m, Float64Array.of(r ?? 0.1), 1, 0, x.length);
          const wantS = ref.sampleEntropy(x, { m, r });
          const wantA = ref.approximateEntropy(x, { m, r });
          for (const e of engines.slice(1)) {
            expect(Array.from(e[backendOf]().templateMatches(Float64Array.from(x), 1, x.length, m, Float64Array.of(r ?? 0.1), 1, 0, x.length)), `${name} ${m} ${r} ${e.backend}`).toEqual(Array.from(want));
            expect(e.sampleEntropy(x, { m, r })).toBe(wantS);
            expect(e.approximateEntropy(x, { m, r })).toBe(wantA);
          }
        }
      }
      for (const [order, delay] of [[2, 1], [3, 1], [4, 3], [6, 1], [8, 2]]) {
        const want = ref.permutationEntropy(x, { order, delay });
        for (const e of engines.slice(1)) expect(e.permutationEntropy(x, { order, delay })).toBe(want);
      }
    }
    // a matrix
    const X = { data: ar1(6 * 700, 4), rows: 6, cols: 700 };
    for (const e of engines.slice(1)) {
      expect(Array.from(e.sampleEntropy(X))).toEqual(Array.from(engines[0].sampleEntropy(X)));
      expect(Array.from(e.approximateEntropy(X, { m: 3 }))).toEqual(Array.from(engines[0].approximateEntropy(X, { m: 3 })));
      expect(Array.from(e.permutationEntropy(X, { order: 5 }))).toEqual(Array.from(engines[0].permutationEntropy(X, { order: 5 })));
    }
  });

  it("partial ranges of sorted templates add up to the whole (the pool's split)", async () => {
    for (const b of BACKENDS) {
      const be = (await engine(b))[backendOf]();
      const x = Float64Array.from(ar1(3000, 5));
      const r = Float64Array.of(0.1);
      for (const per of [0, 1]) {
        const T = per ? 3000 - 2 + 1 : 3000 - 2;
        const whole = be.templateMatches(x, 1, 3000, 2, r, per, 0, T);
        const sum = new Float64Array(whole.length);
        for (const [a, c] of [[0, 700], [700, 701], [701, 2000], [2000, T]]) {
          const part = be.templateMatches(x, 1, 3000, 2, r, per, a, c);
          for (let i = 0; i < sum.length; i++) sum[i] += part[i];
        }
        expect(Array.from(sum)).toEqual(Array.from(whole));
      }
    }
  });
});

describe.each(["wasm-simd", "js"] as const)("complexity on the worker pool (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await init({ backend, threads: 2 });
  });
  afterAll(() => e.close());

  it("one long series (sorted-template ranges) and a batch of rows equal the calling thread exactly", async () => {
    const x = ar1(30000, 11);
    // the splitter cuts one series into ranges of sorted templates, and a batch into rows
    const one = SPLITTERS.templateMatches([x, 1, 30000, 2, Float64Array.of(0.1), 0, 0, 29998], 2, 1024, true);
    expect(one!.tasks.length).toBeGreaterThanOrEqual(2);
    const rows = SPLITTERS.templateMatches([x, 10, 3000, 2, new Float64Array(10), 1, 0, 2999], 2, 1024, false);
    expect(rows!.tasks.length).toBeGreaterThanOrEqual(2);
    expect(await e.parallel.sampleEntropy(x)).toBe(e.sampleEntropy(x));
    expect(await e.parallel.approximateEntropy(x, { m: 3 })).toBe(e.approximateEntropy(x, { m: 3 }));
    expect(await e.parallel.run((k) => k.sampleEntropy(x, { r: 0.2 }))).toBe(e.sampleEntropy(x, { r: 0.2 }));
    const X = { data: ar1(40 * 3000, 12), rows: 40, cols: 3000 };
    expect(Array.from((await e.parallel.sampleEntropy(X)) as Float64Array)).toEqual(Array.from(e.sampleEntropy(X)));
    expect(Array.from((await e.parallel.approximateEntropy(X)) as Float64Array)).toEqual(Array.from(e.approximateEntropy(X)));
    expect(Array.from((await e.parallel.permutationEntropy(X, { order: 4 })) as Float64Array)).toEqual(Array.from(e.permutationEntropy(X, { order: 4 })));
    const long = ar1(300000, 13);
    expect(await e.parallel.permutationEntropy(long, { order: 5 })).toBe(e.permutationEntropy(long, { order: 5 }));
  });
});
