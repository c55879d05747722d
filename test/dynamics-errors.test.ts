/** Bad input to the time-series calls: a clear TypeError/RangeError naming the call, the argument and the index; the engine stays usable and its memory flat. */
import { beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../src/engine.js";
import { BACKENDS, engine, throws } from "./backends.js";

describe.each(BACKENDS)("dynamics errors (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });
  const x = [0, 1, 1, 0, 1, 0, 0, 1];
  const y = [1, 0, 1, 1, 0, 1, 0, 0];
  const real = Float64Array.from({ length: 8 }, (_, i) => Math.sin(i));

  it("series too short for the histories: length < max(k, lag + l − 1) + 1", () => {
    throws(() => e.transferEntropy([0], [1]), RangeError, "transferEntropy: target has length 1", "at least max(k, lag + l − 1) + 1 = 2");
    throws(() => e.transferEntropy(x, y, { k: 8 }), RangeError, "transferEntropy: target has length 8", "k = 8", "= 9");
    throws(() => e.transferEntropy(x, y, { l: 4, lag: 5 }), RangeError, "l = 4, lag = 5", "= 9");
    expect(e.transferEntropy(x, y, { k: 7 })).toBe(0); // one time step: a single state
    throws(() => e.activeInformationStorage(x, { k: 8 }), RangeError, "activeInformationStorage: x has length 8", "= 9");
    throws(() => e.entropyRate([3], {}), RangeError, "entropyRate: x has length 1");
    throws(() => e.transferEntropyMatrix([x, y], { lag: 8 }), RangeError, "transferEntropyMatrix: series[0] has length 8");
  });

  it("k, l, lag must be integers ≥ 1", () => {
    for (const key of ["k", "l", "lag"] as const) {
      throws(() => e.transferEntropy(x, y, { [key]: 0 }), RangeError, `transferEntropy: ${key} must be ≥ 1, got 0`);
      throws(() => e.transferEntropy(x, y, { [key]: 1.5 }), TypeError, `transferEntropy: ${key} must be an integer, got number 1.5`);
      throws(() => e.transferEntropy(x, y, { [key]: "2" as never }), TypeError, `transferEntropy: ${key} must be an integer`);
    }
    throws(() => e.entropyRate(x, { k: -1 }), RangeError, "entropyRate: k must be ≥ 1");
    throws(() => e.activeInformationStorage(x, { l: 2 } as never), TypeError, "activeInformationStorage: l applies to transferEntropy only");
    throws(() => e.transferEntropyTest(x, y, { permutations: 0 }), RangeError, "transferEntropyTest: permutations must be ≥ 1");
    throws(() => e.transferEntropyTest(x, y, { seed: NaN }), TypeError, "transferEntropyTest: seed must be a finite number");
  });

  it("different lengths, shape mismatches", () => {
    throws(() => e.transferEntropy(x, y.slice(1)), RangeError, "transferEntropy: source has length 8 but target has length 7");
    throws(() => e.transferEntropyMatrix([x, y, [1, 2]]), RangeError, "transferEntropyMatrix: series[2] has length 2 but series[0] has length 8");
    throws(() => e.transferEntropy(real, real.slice(2), { method: "bins" }), RangeError, "source has length 8 but target has length 6");
    const M = { data: new Float64Array(16), rows: 2, cols: 8 };
    throws(() => e.transferEntropy(M, { data: new Float64Array(16), rows: 4, cols: 4 }), RangeError, "transferEntropy: source is 2×8 but target is 4×4");
    throws(() => e.transferEntropy(M, x as never), TypeError, "transferEntropy: source and target must both be series or both be matrices");
    throws(() => e.entropyRate({ data: new Float64Array(15), rows: 2, cols: 8 }), RangeError, "entropyRate: x.rows × x.cols");
    throws(() => e.transferEntropyMatrix([x]), RangeError, "transferEntropyMatrix: series has 1 series; give at least 2");
    throws(() => e.transferEntropyMatrix(x as never), TypeError);
    throws(() => e.transferEntropyMatrix(42 as never), TypeError, "transferEntropyMatrix: series must be an array of series or a matrix");
    throws(() => e.transferEntropyTest(M as never, M as never), TypeError, "transferEntropyTest: source and target must be single series");
  });

  it("labels: a real series without method bins names the index and hints; bad labels name the index", () => {
    throws(() => e.transferEntropy(real, x), RangeError, "transferEntropy: source[1] is 0.84", 'for real-valued series pass method: "bins"');
    throws(() => e.transferEntropy(x, [0, 1, 0.5, 1, 0, 0, 1, 1]), RangeError, "transferEntropy: target[2] is 0.5");
    throws(() => e.activeInformationStorage({ data: Float64Array.of(0, 1, 0, 1, 0, 1.5), rows: 2, cols: 3 }), RangeError, "activeInformationStorage: x[1][2] is 1.5");
    throws(() => e.entropyRate([0, 1, null, 1] as never), TypeError, "entropyRate: x[2] is null");
    throws(() => e.transferEntropy([], []), RangeError, "transferEntropy: target is empty");
  });

  it("methods and bins", () => {
    throws(() => e.transferEntropy(x, y, { method: "kde" as never }), RangeError, 'transferEntropy: method must be one of "discrete", "bins", "knn", got "kde"');
    throws(() => e.transferEntropy(x, y, { neighbors: 4 }), TypeError, 'transferEntropy: neighbors applies to method "knn" only');
    throws(() => e.transferEntropy(real, real, { method: "knn", neighbors: 0 }), RangeError, "transferEntropy: neighbors must be ≥ 1");
    throws(() => e.transferEntropy(real, real, { method: "knn", bins: 4 }), TypeError, 'transferEntropy: bins applies to method "bins" only');
    throws(() => e.activeInformationStorage({ data: Float64Array.of(1, 2, 3, 4), rows: 2, cols: 2 }, { method: "knn" }), RangeError, "activeInformationStorage: neighbors = 4 needs at least neighbors + 1 = 5 time steps", "x[0] has length 2");
    throws(() => e.transferEntropy(x, y, { bins: 4 }), TypeError, 'transferEntropy: bins applies to method "bins" only');
    throws(() => e.entropyRate(x, { method: "bins" } as never), TypeError, "entropyRate: method and bins apply to");
    for (const bins of [0, -2]) throws(() => e.transferEntropy(real, real, { method: "bins", bins }), RangeError, "transferEntropy: bins must be ≥ 1");
    throws(() => e.transferEntropy(real, real, { method: "bins", bins: 2.5 }), TypeError, "transferEntropy: bins must be an integer");
    throws(() => e.transferEntropy(x, y, { base: 1 }), RangeError, "transferEntropy: base");
  });

  it("non-finite values with bins name the series and the index", () => {
    const bad = real.slice();
    bad[5] = NaN;
    throws(() => e.transferEntropy(real, bad, { method: "bins" }), RangeError, "transferEntropy", "target", "[5]");
    bad[5] = Infinity;
    throws(() => e.activeInformationStorage(bad, { method: "bins" }), RangeError, "activeInformationStorage", "x", "[5]");
    throws(() => e.transferEntropyMatrix({ data: Float64Array.of(1, 2, 3, 4, 5, NaN), rows: 2, cols: 3 }, { method: "bins" }), RangeError, "series[1]", "[2]");
  });

  it("memory stays flat across errors; results unchanged", () => {
    const big = Int32Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 5);
    const bigReal = Float64Array.from(big, (v, i) => v + Math.sin(i));
    const results = () => [
      e.transferEntropy(big, big.slice().reverse(), { k: 2 }),
      e.activeInformationStorage(bigReal, { method: "bins" }),
      e.entropyRate(big, { k: 3 }),
      ...e.transferEntropyMatrix([big, big.slice().reverse()]).data,
      e.transferEntropyTest(x, y, { permutations: 9 }).pValue,
    ];
    const good = results();
    const before = e.memoryBytes();
    const bad = bigReal.slice();
    bad[150_000] = NaN;
    throws(() => e.transferEntropy(bigReal, bad, { method: "bins" }), RangeError, "[150000]");
    throws(() => e.transferEntropy(big, bad), RangeError, "target[1]");
    throws(() => e.transferEntropy(big, big.subarray(1)), RangeError, "length");
    throws(() => e.entropyRate(big, { k: 200_000 }), RangeError, "k = 200000");
    expect(e.memoryBytes()).toBe(before);
    expect(results()).toEqual(good);
    expect(e.memoryBytes()).toBe(before);
  });
});
