/**
 * The worker pool on one shared WebAssembly.Memory (src/parallel/shared-pool.ts): the engine of
 * `init({ threads })` runs the threads build over a shared memory, and its workers and the
 * calling thread compute on inputs copied once into it. Held here:
 * - the threaded engine's own synchronous calls give the same bits as a plain engine's (every
 *   family, including the label tables that live at the end of the heap);
 * - it.parallel equals the synchronous call for ordinary, SharedArrayBuffer and it.allocate
 *   inputs (the last read in place, not copied);
 * - a worker whose table does not fit its region gets a larger one and the call still gives the
 *   synchronous result; repeated calls then leave memory flat;
 * - the pool's task counter hands out each task exactly once (every row present, once).
 * Expected values are the plain engine's results, which the other files hold to SciPy/NumPy/
 * scikit-learn references.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { init } from "../src/index.js";
import type { Engine } from "../src/engine.js";
import { close, rng, weights } from "./backends.js";

function expectClose(a: number | Float64Array, b: number | Float64Array, rel = 1e-12): void {
  if (typeof a === "number" || typeof b === "number") {
    if (!close(a as number, b as number, rel)) expect(a).toBe(b);
    return;
  }
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!close(a[i], b[i], rel)) expect([i, a[i]]).toEqual([i, b[i]]);
}

function normals(n: number, seed: number): Float64Array {
  const r = rng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const u = Math.max(r(), 1e-300);
    const v = r();
    const m = Math.sqrt(-2 * Math.log(u));
    out[i] = m * Math.cos(2 * Math.PI * v);
    if (i + 1 < n) out[i + 1] = m * Math.sin(2 * Math.PI * v);
  }
  return out;
}

describe.each(["wasm", "wasm-simd"] as const)("shared-memory pool (%s)", (backend) => {
  let e: Engine;
  let plain: Engine;
  beforeAll(async () => {
    e = await init({ backend, threads: 2 });
    plain = await init({ backend });
  });
  afterAll(() => {
    e.close();
    plain.close();
  });

  it("runs on a shared memory", () => {
    expect(e.parallel.sharedMemory).toBe(true);
    expect(e.backend).toBe(backend);
  });

  it("the threaded engine's synchronous calls equal a plain engine's, bit for bit", () => {
    const x = normals(5000, 1);
    const y = Float64Array.from(x, (v, i) => v + 0.5 * normals(1, i + 7)[0]);
    const a = Int32Array.from(x, (v) => Math.floor(4 * v));
    const b = Int32Array.from(y, (v) => Math.floor(3 * v));
    const P = { data: weights(300 * 40, 3), rows: 300, cols: 40 };
    expect(e.entropy(P)).toEqual(plain.entropy(P));
    expect(e.mutualInformationLabels(a, b)).toBe(plain.mutualInformationLabels(a, b));
    expect(e.adjustedMutualInformation(a, b)).toBe(plain.adjustedMutualInformation(a, b));
    expect(e.mutualInformationLabels(["u", "v", "u", "w"], [1, 2, 1, 2])).toBe(plain.mutualInformationLabels(["u", "v", "u", "w"], [1, 2, 1, 2]));
    expect(e.histogramMutualInformation(x, y, { bins: "fd" })).toBe(plain.histogramMutualInformation(x, y, { bins: "fd" }));
    expect(e.mutualInformationKnn(x, y, { k: 3 })).toBe(plain.mutualInformationKnn(x, y, { k: 3 }));
    expect(e.softmaxCrossEntropy({ data: Float32Array.from(x.subarray(0, 4000)), rows: 400, cols: 10 }, Int32Array.from({ length: 400 }, (_, i) => i % 10))).toBe(
      plain.softmaxCrossEntropy({ data: Float32Array.from(x.subarray(0, 4000)), rows: 400, cols: 10 }, Int32Array.from({ length: 400 }, (_, i) => i % 10)),
    );
  });

  it("label tables stay right next to allocated arrays (the table is kept last in the heap)", () => {
    const n = 200_000;
    const r = rng(5);
    const a = Int32Array.from({ length: n }, () => Math.floor(r() * 5000) * 977); // sparse labels: hashed tables
    const b = Int32Array.from({ length: n }, () => Math.floor(r() * 3000) * 613);
    const before = e.mutualInformationLabels(a, b);
    const block = e.allocate(1 << 20);
    block.fill(7);
    const again = e.mutualInformationLabels(a, b); // the table grows past the block, never into it
    expect(again).toBe(before);
    expect(block.every((v) => v === 7)).toBe(true);
    expect(again).toBe(plain.mutualInformationLabels(a, b));
    e.release(block);
  });

  it("it.parallel equals the synchronous call for ordinary, shared and allocated inputs", async () => {
    const rows = 600;
    const cols = 400;
    const data = weights(rows * cols, 11) as Float64Array;
    const want = plain.entropy({ data, rows, cols });
    expectClose(await e.parallel.entropy({ data, rows, cols }), want);
    const sab = new Float64Array(new SharedArrayBuffer(data.byteLength));
    sab.set(data);
    expectClose(await e.parallel.entropy({ data: sab, rows, cols }), want);
    const res = e.allocate(rows * cols);
    res.set(data);
    expectClose(await e.parallel.entropy({ data: res, rows, cols }), want);
    e.release(res);
    const x = normals(300_000, 2);
    const y = Float64Array.from(x, (v, i) => v * v + (i % 7) * 0.01);
    expect(await e.parallel.histogramMutualInformation(x, y, { bins: 64 })).toBe(plain.histogramMutualInformation(x, y, { bins: 64 }));
  });

  it("every row is computed exactly once (the shared task counter)", async () => {
    // row r has weight only in column r % cols: entropy 0 everywhere, except rows made uniform
    const rows = 4096;
    const cols = 64;
    const data = new Float64Array(rows * cols);
    for (let r = 0; r < rows; r++) {
      if (r % 3 === 0) data.fill(1, r * cols, (r + 1) * cols);
      else data[r * cols + (r % cols)] = 1;
    }
    const h = (await e.parallel.entropy({ data, rows, cols })) as Float64Array;
    for (let r = 0; r < rows; r++) if (h[r] !== (r % 3 === 0 ? Math.log(cols) : 0)) expect([r, h[r]]).toEqual([r, r % 3 === 0 ? Math.log(cols) : 0]);
  });

  it("a table larger than a worker's region: the worker gets a larger region, the result is the synchronous one, memory then stays flat", async () => {
    const x = normals(200_000, 3);
    const y = normals(200_000, 4);
    // 1500 × 1500 u32 cells = 9 MB of table per worker: more than the 4 MiB a region starts with
    const want = plain.histogram2d(x, y, { bins: 1500 });
    const same = (a: Float64Array, b: Float64Array) => a.length === b.length && a.every((v, i) => v === b[i]);
    expect(same((await e.parallel.histogram2d(x, y, { bins: 1500 })).counts, want.counts)).toBe(true);
    // which thread takes which task varies with load (a thread may take two tasks and another none), and a
    // thread's region grows the first time it counts this table: a few more calls, so that every thread has
    // (a run under load failed once when a thread first took a task after m0)
    for (let i = 0; i < 4; i++) await e.parallel.histogram2d(x, y, { bins: 1500 });
    const m0 = e.memoryBytes();
    for (let i = 0; i < 3; i++) expect(same((await e.parallel.histogram2d(x, y, { bins: 1500 })).counts, want.counts)).toBe(true);
    expect(e.memoryBytes()).toBe(m0);
  });
});
