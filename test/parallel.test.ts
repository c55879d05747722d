/**
 * The worker pool (it.parallel): results equal the synchronous engine's (1e-12 relative; the
 * pool only changes the order of a few partial sums), errors name the same index, a failing
 * task rejects only its own call, close() rejects pending calls, and many calls leave memory
 * and the worker count flat. Expected values here are the synchronous results of the same
 * engine, which the other test files hold to SciPy/NumPy references.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Vector, makeVector } from "apache-arrow";
import { init } from "../src/index.js";
import type { Engine } from "../src/engine.js";
import { BACKENDS, close, rng, weights } from "./backends.js";

function expectClose(a: number | Float64Array, b: number | Float64Array, rel = 1e-12): void {
  if (typeof a === "number" || typeof b === "number") {
    expect(typeof a).toBe(typeof b);
    if (!close(a as number, b as number, rel)) expect(a).toBe(b);
    return;
  }
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!close(a[i], b[i], rel)) expect([i, a[i]]).toEqual([i, b[i]]);
}

const matrix = (rows: number, cols: number, seed: number, Ctor: Float64ArrayConstructor | Float32ArrayConstructor = Float64Array) => ({
  data: weights(rows * cols, seed, 0.1, Ctor),
  rows,
  cols,
});

describe.each(BACKENDS)("parallel pool (%s)", (backend) => {
  let e: Engine;
  beforeAll(async () => {
    e = await init({ backend, threads: 3 });
  });
  // threads: 3 computing threads — with shared memory (wasm backends) the calling thread and 2
  // workers, without (js) 3 workers
  const workers = backend === "js" ? 3 : 2;
  afterAll(() => e.close());

  it("starts the requested workers with the engine's backend", async () => {
    expect(e.parallel.threads).toBe(3);
    expect(e.parallel.sharedMemory).toBe(true);
    const s = await e.parallel.stats();
    expect(s.workers).toBe(workers);
    expect(s.workerMemoryBytes.length).toBe(workers);
    if (backend === "js") expect(s.workerMemoryBytes).toEqual([0, 0, 0]);
    else for (const m of s.workerMemoryBytes) expect(m).toBeGreaterThan(0);
  });

  it("matrices split by rows equal the single-thread results (f64 and f32)", async () => {
    for (const Ctor of [Float64Array, Float32Array]) {
      const P = matrix(400, 500, 1, Ctor);
      const Q = matrix(400, 500, 2, Ctor);
      expectClose(await e.parallel.entropy(P), e.entropy(P));
      expectClose(await e.parallel.crossEntropy(P, Q), e.crossEntropy(P, Q));
      expectClose(await e.parallel.klDivergence(P, Q), e.klDivergence(P, Q));
      expectClose(await e.parallel.jsDivergence(P, Q), e.jsDivergence(P, Q));
      expectClose(await e.parallel.jsDistance(P, Q, { base: "bits" }), e.jsDistance(P, Q, { base: "bits" }));
    }
  });

  it("long vectors split into segments combine exactly (raw partial sums)", async () => {
    const p = weights(300_001, 3);
    const q = weights(300_001, 4, 0);
    expectClose(await e.parallel.entropy(p), e.entropy(p));
    expectClose(await e.parallel.klDivergence(p, q), e.klDivergence(p, q));
    expectClose(await e.parallel.crossEntropy(p, q), e.crossEntropy(p, q));
    expectClose(await e.parallel.jsDivergence(p, q), e.jsDivergence(p, q));
    // a few long rows: segments within rows
    const L = matrix(2, 200_000, 5);
    expectClose(await e.parallel.entropy(L), e.entropy(L));
    // q = 0 < p somewhere: Infinity, as the single-thread call
    const q0 = q.slice();
    q0[250_000] = 0;
    p[250_000] = 1;
    expect(await e.parallel.klDivergence(p, q0)).toBe(Infinity);
  });

  it("Arrow vectors and integer typed arrays split like Float64Arrays and give the same results", async () => {
    const p = weights(300_001, 7);
    const q = weights(300_001, 8, 0);
    const chunks = [makeVector(p.subarray(0, 100_000)), makeVector(p.subarray(100_000))];
    const arrowP = new Vector(chunks.flatMap((c) => c.data)); // two chunks: one copy
    expectClose(await e.parallel.entropy(arrowP), e.entropy(p));
    expectClose(await e.parallel.klDivergence(makeVector(p), makeVector(q)), e.klDivergence(p, q));
    const counts = Int32Array.from(p, (v) => Math.round(v));
    counts[0] = 1;
    expectClose(await e.parallel.entropy(counts), e.entropy(Float64Array.from(counts)));
  });

  it("histogram counts add exactly; histogram MI and the trapezoid rule match", async () => {
    const r = rng(7);
    const n = 300_000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = r() + r();
      y[i] = x[i] + 0.5 * r();
    }
    const h = await e.parallel.histogram2d(x, y, { bins: 64 });
    expect(Array.from(h.counts)).toEqual(Array.from(e.histogram2d(x, y, { bins: 64 }).counts));
    expectClose(await e.parallel.histogramMutualInformation(x, y, { bins: 64 }), e.histogramMutualInformation(x, y, { bins: 64 }));
    expectClose(await e.parallel.histogramMutualInformation(x, y, { bins: [16, 32], correction: "miller-madow" }), e.histogramMutualInformation(x, y, { bins: [16, 32], correction: "miller-madow" }));
    expectClose(await e.parallel.trapezoid(x, { dx: 0.01 }), e.trapezoid(x, { dx: 0.01 }));
    // any engine call through run()
    expectClose(await e.parallel.run((eng) => eng.simpson(y, { dx: 0.5 })), e.simpson(y, { dx: 0.5 }));
  });

  it("inputs already in a SharedArrayBuffer are shared as is and give the same results", async () => {
    const shared = <T extends Float64Array | Float32Array>(a: T): T => {
      const Ctor = a.constructor as { new (b: SharedArrayBuffer): T };
      const out = new Ctor(new SharedArrayBuffer(a.byteLength));
      out.set(a as never);
      return out;
    };
    const P = matrix(400, 500, 12);
    const S = { ...P, data: shared(P.data) };
    expectClose(await e.parallel.entropy(S), e.entropy(P));
    const r = rng(13);
    const x = new Float64Array(200_000).map(() => r());
    const y = new Float64Array(200_000).map(() => r() + r());
    const h = await e.parallel.histogram2d(shared(x), shared(y), { bins: 32 });
    expect(Array.from(h.counts)).toEqual(Array.from(e.histogram2d(x, y, { bins: 32 }).counts));
  });

  it("softmax cross-entropy rows (W6 shape, f32 logits) equal the single-thread results", async () => {
    const rows = 512;
    const cols = 300;
    const r = rng(14);
    const logits = { data: new Float32Array(rows * cols).map(() => 6 * (r() - 0.5)), rows, cols };
    const labels = new Int32Array(rows).map(() => Math.floor(r() * cols));
    expectClose(await e.parallel.softmaxCrossEntropy(logits, labels), e.softmaxCrossEntropy(logits, labels));
    expectClose(
      (await e.parallel.softmaxCrossEntropy(logits, labels, { reduction: "none", labelSmoothing: 0.1 })) as Float64Array,
      e.softmaxCrossEntropy(logits, labels, { reduction: "none", labelSmoothing: 0.1 }),
    );
  });

  it("small inputs stay on the calling thread and give the same values", async () => {
    const p = [1, 2, 3, 4];
    expect(await e.parallel.entropy(p)).toBe(e.entropy(p));
    expect(await e.parallel.klDivergence(p, [4, 3, 2, 1])).toBe(e.klDivergence(p, [4, 3, 2, 1]));
  });

  it("bad input in one segment rejects that call with the single-thread message; the pool stays usable", async () => {
    const P = matrix(400, 500, 8);
    P.data[150_123] = NaN; // row 300: a task in the second half
    let sync = "";
    try {
      e.entropy(P);
    } catch (err) {
      sync = (err as Error).message;
    }
    expect(sync).toMatch(/entropy: p\.data\[150123\] \(row 300, column 123\) is NaN/);
    await expect(e.parallel.entropy(P)).rejects.toThrow(sync);
    const v = weights(300_000, 9);
    v[299_999] = -1;
    await expect(e.parallel.klDivergence(v, v)).rejects.toThrow(/klDivergence: p\[299999\] is -1/);
    const ok = matrix(400, 500, 10);
    expectClose(await e.parallel.entropy(ok), e.entropy(ok));
  });

  it("a task that throws inside a worker rejects only its call", async () => {
    const P = matrix(400, 500, 11);
    const good = e.parallel.entropy(P);
    const bad = e.parallel.kernel("noSuchKernel", [P.data]);
    const throwing = e.parallel.kernel("entropyRows", [null, 1, 1]); // the worker's kernel throws on null input
    const [b1, b2] = await Promise.allSettled([bad, throwing]);
    expect(b1.status).toBe("rejected");
    expect(String((b1 as PromiseRejectedResult).reason)).toMatch(/TypeError: infowasm( worker)?: no kernel noSuchKernel/);
    expect(b2.status).toBe("rejected");
    expectClose(await good, e.entropy(P));
    expect((await e.parallel.stats()).workers).toBe(workers);
    expectClose(await e.parallel.entropy(P), e.entropy(P));
  });

  it("concurrent calls each get their own result", async () => {
    const Ms = [1, 2, 3, 4, 5, 6].map((s) => matrix(200, 400, 20 + s));
    const got = await Promise.all(Ms.map((m) => e.parallel.entropy(m)));
    got.forEach((g, i) => expectClose(g, e.entropy(Ms[i])));
  });
});

describe("parallel pool: transfer fallback and lifecycle", () => {
  it("without shared memory (copy + transfer) the results are the same", async () => {
    const e = await init({ backend: "wasm-simd", threads: 2, sharedMemory: false });
    try {
      expect(e.parallel.sharedMemory).toBe(false);
      const P = matrix(400, 500, 30);
      const Q = matrix(400, 500, 31);
      expectClose(await e.parallel.klDivergence(P, Q), e.klDivergence(P, Q));
      const v = weights(300_000, 32);
      expectClose(await e.parallel.entropy(v), e.entropy(v));
    } finally {
      e.close();
    }
  });

  it("close() while calls are pending rejects them with a clear error", async () => {
    const e = await init({ backend: "wasm", threads: 2 });
    const P = matrix(1000, 1000, 40);
    const pending = [e.parallel.entropy(P), e.parallel.klDivergence(P, P), e.parallel.jsDivergence(P, P)];
    e.close();
    for (const p of pending) await expect(p).rejects.toThrow(/worker pool was closed \(it\.close\(\)\) while this call was pending/);
    expect(() => e.entropy([1, 2])).toThrow(/engine is closed/);
    await expect(e.parallel.entropy(P)).rejects.toThrow(/closed/);
  });

  it("threads option is validated", async () => {
    await expect(init({ threads: -1 })).rejects.toThrow(/init: options\.threads must be an integer/);
    await expect(init({ threads: 1.5 })).rejects.toThrow(RangeError);
    const e = await init({ threads: "auto" });
    expect(e.parallel.threads).toBeGreaterThanOrEqual(1);
    e.close();
    const none = await init();
    expect(none.parallel.threads).toBe(0);
    expect(await none.parallel.entropy(matrix(400, 500, 1))).toEqual(none.entropy(matrix(400, 500, 1)));
    none.close();
  });

  it("100 000 mixed calls leave WASM memory and the worker count flat", async () => {
    const e = await init({ backend: "wasm-simd", threads: 2 });
    try {
      const small = [weights(16, 1), weights(64, 2), weights(256, 3)];
      const big = matrix(300, 500, 4);
      const bigV = weights(200_000, 5);
      await e.parallel.entropy(big);
      await e.parallel.klDivergence(bigV, bigV);
      const mem0 = e.memoryBytes();
      const s0 = await e.parallel.stats();
      const t0 = performance.now();
      for (let i = 0; i < 100_000; i++) {
        const p = small[i % 3];
        switch (i % 4) {
          case 0:
            await e.parallel.entropy(p);
            break;
          case 1:
            await e.parallel.klDivergence(p, p);
            break;
          case 2:
            await e.parallel.jsDivergence(p, p);
            break;
          default:
            await e.parallel.crossEntropy(p, p);
        }
        if (i % 5000 === 0) {
          await e.parallel.entropy(big);
          await e.parallel.klDivergence(bigV, bigV);
        }
      }
      expect(performance.now() - t0).toBeLessThan(20_000);
      const s1 = await e.parallel.stats();
      expect(e.memoryBytes()).toBe(mem0);
      expect(s1.workers).toBe(s0.workers);
      expect(s1.pending).toBe(0);
      expect(s1.workerMemoryBytes).toEqual(s0.workerMemoryBytes);
    } finally {
      e.close();
    }
  }, 30_000);

  it("a process that uses a pool and closes it exits on its own", () => {
    const script = fileURLToPath(new URL("./fixtures/pool-exit.mts", import.meta.url));
    for (const mode of ["close", "no-close"]) {
      const r = spawnSync(process.execPath, ["--import", "tsx", script, mode], { timeout: 20_000, encoding: "utf8", cwd: fileURLToPath(new URL("..", import.meta.url)) });
      expect(r.error).toBeUndefined();
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(`ok ${mode}`);
    }
  }, 45_000);
});
