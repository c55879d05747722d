/**
 * `it.parallel`: the async, multi-threaded form of the batched calls. Each method takes the same
 * arguments as its synchronous twin on the engine and resolves to the same value (within 1e-12
 * relative: only the order of a few partial sums differs).
 *
 * How: the public function runs on the calling thread against a recording backend. When it
 * reaches a kernel that the pool splits (src/parallel/split.ts) on an input large enough, the
 * run stops, the kernel runs on the workers, and the function runs again from the start with
 * that result in hand — validation, units and finishing formulas are the synchronous code
 * itself, and argument errors name the same index as the synchronous call. Kernels the pool does
 * not split, and small inputs, run on the calling thread.
 */
import type { Backend } from "../backend.js";
import { Engine } from "../engine.js";
import type { Labels, Matrix, MatrixLike, UnitOptions, Vector } from "../types.js";
import type { ActiveInformationStorageOptions, EntropyRateOptions, Series, TransferEntropyOptions } from "../dynamics.js";
import { PoolClosedError, type Pool } from "./pool.js";
import { Slice, type Plan } from "./split.js";

/** Passes over its input a template-matching call is worth (its work grows faster than n): smaller series go to the pool too. */
const TEMPLATE_WORK = 16;

/** Pool rounds per call before the rest of it runs on the calling thread. */
const MAX_REPLAYS = 16;

/** Thrown by the recording backend when a kernel should run on the pool. */
class Need {
  constructor(
    readonly kernel: string,
    readonly plan: Plan,
  ) {}
}

function cloneResult(r: unknown): unknown {
  if (r instanceof Float64Array) return r.slice();
  if (typeof r === "object" && r !== null && "counts" in r) {
    const c = r as { counts: Float64Array; bad: number };
    return { ...c, counts: c.counts.slice() };
  }
  return r;
}

/** Total array elements in the arguments (a quick size estimate before any validation). */
function elements(args: readonly unknown[]): number {
  let n = 0;
  for (const a of args) {
    if (ArrayBuffer.isView(a)) n += (a as Float64Array).length ?? 0;
    else if (Array.isArray(a)) n += Array.isArray(a[0]) || ArrayBuffer.isView(a[0]) ? a.length * (a[0] as unknown[]).length : a.length;
    else if (typeof a === "object" && a !== null && "data" in a && ArrayBuffer.isView((a as { data: unknown }).data))
      n += ((a as { data: Float64Array }).data).length;
    else if (typeof a === "object" && a !== null && typeof (a as { length?: unknown }).length === "number")
      n += (a as { length: number }).length; // an Arrow vector or another array-like
  }
  return n;
}

/**
 * Runs `call(engine)` with the kernels the pool splits running on the workers. Resolves to what
 * the synchronous call returns, rejects with what it throws.
 */
export async function runOnPool<T>(pool: Pool, local: Backend, call: (e: Engine) => T): Promise<T> {
  const session = pool.session?.();
  try {
    return await replay(pool, local, call, session);
  } finally {
    if (session) pool.endSession?.(session);
  }
}

/** Runs `call` against a recording backend, each split kernel on the pool, replaying with the results so far. */
async function replay<T>(pool: Pool, local: Backend, call: (e: Engine) => T, session: object | undefined): Promise<T> {
  const done: unknown[] = [];
  for (let round = 0; ; round++) {
    // a call that splits kernel after kernel in a loop would replay too often: finish it here
    if (round > MAX_REPLAYS) return call(new Engine(local));
    let k = 0;
    const rec: Record<string, unknown> = { ...local };
    for (const name of Object.keys(local)) {
      const f = (local as unknown as Record<string, unknown>)[name];
      if (typeof f !== "function" || name === "memoryBytes" || name === "close") continue;
      rec[name] = (...args: unknown[]) => {
        const plan = pool.plan(name, args);
        if (!plan) return (f as (...a: unknown[]) => unknown).apply(local, args);
        const i = k++;
        if (i < done.length) return cloneResult(done[i]);
        throw new Need(name, plan);
      };
    }
    const engine = new Engine(rec as unknown as Backend);
    try {
      return call(engine);
    } catch (e) {
      if (!(e instanceof Need)) throw e;
      if (pool.closed) throw new PoolClosedError();
      done.push(await pool.runPlan(e.kernel, e.plan, session));
    }
  }
}

/**
 * The async API (`it.parallel`). Inputs of fewer than `threshold` elements (default 65536), or
 * an engine without a pool, run synchronously on the calling thread (the promise still resolves
 * asynchronously).
 */
export class Parallel {
  constructor(
    private readonly engine: () => Engine,
    private readonly backend: () => Backend,
    private readonly pool: () => Pool | null,
    /** Below this many input elements a call stays on the calling thread. */
    public threshold = 1 << 16,
  ) {}

  /** Worker threads in the pool (0 when init had no `threads`). */
  get threads(): number {
    return this.pool()?.size ?? 0;
  }

  /**
   * How the pool runs a call: `"shared-memory"` (the calling thread and `threads − 1` workers on
   * one shared WASM memory), `"transfer"` (`threads` workers, inputs copied to them), `"none"`.
   */
  get mode(): "shared-memory" | "transfer" | "none" {
    return this.pool()?.mode ?? "none";
  }

  /** Whether inputs reach workers through shared memory (else copied and transferred). */
  get sharedMemory(): boolean {
    return this.pool()?.shared ?? false;
  }

  /**
   * Runs any engine call with its splittable kernels on the pool:
   * `await it.parallel.run((e) => e.trapezoid(y, { dx }))`.
   */
  async run<T>(call: (e: Engine) => T, sizeHint = Infinity): Promise<T> {
    const pool = this.pool();
    if (!pool || pool.workers === 0 || sizeHint < this.threshold) return call(this.engine());
    return runOnPool(pool, this.backend(), call);
  }

  /** Runs `call` on the pool when its input is large enough; `repeats`: how many times the call goes over its input (permutations, resamples). */
  private go<T>(args: unknown[], call: (e: Engine) => T, repeats = 1): Promise<T> {
    return this.run(call, elements(args) * (typeof repeats === "number" && repeats > 1 ? repeats : 1));
  }

  /** Async `entropy`: H(p) = −Σ p log p per row (see Engine.entropy). */
  entropy(p: Vector, opts?: UnitOptions): Promise<number>;
  entropy(p: MatrixLike, opts?: UnitOptions): Promise<Float64Array>;
  entropy(p: Vector | MatrixLike, opts?: UnitOptions): Promise<number | Float64Array> {
    return this.go([p], (e) => e.entropy(p as Vector, opts));
  }

  /** Async `crossEntropy`: H(p, q) = −Σ p log q per row. */
  crossEntropy(p: Vector, q: Vector, opts?: UnitOptions): Promise<number>;
  crossEntropy(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Promise<Float64Array>;
  crossEntropy(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): Promise<number | Float64Array> {
    return this.go([p, q], (e) => e.crossEntropy(p as Vector, q as Vector, opts));
  }

  /** Async `klDivergence`: D(p‖q) = Σ p log(p/q) per row. */
  klDivergence(p: Vector, q: Vector, opts?: UnitOptions): Promise<number>;
  klDivergence(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Promise<Float64Array>;
  klDivergence(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): Promise<number | Float64Array> {
    return this.go([p, q], (e) => e.klDivergence(p as Vector, q as Vector, opts));
  }

  /** Async `jsDivergence`: ½D(p‖m) + ½D(q‖m), m = (p + q)/2, per row. */
  jsDivergence(p: Vector, q: Vector, opts?: UnitOptions): Promise<number>;
  jsDivergence(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Promise<Float64Array>;
  jsDivergence(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): Promise<number | Float64Array> {
    return this.go([p, q], (e) => e.jsDivergence(p as Vector, q as Vector, opts));
  }

  /** Async `jsDistance`: √jsDivergence per row. */
  jsDistance(p: Vector, q: Vector, opts?: UnitOptions): Promise<number>;
  jsDistance(p: MatrixLike, q: MatrixLike, opts?: UnitOptions): Promise<Float64Array>;
  jsDistance(p: Vector | MatrixLike, q: Vector | MatrixLike, opts?: UnitOptions): Promise<number | Float64Array> {
    return this.go([p, q], (e) => e.jsDistance(p as Vector, q as Vector, opts));
  }

  /** Async `histogramMutualInformation` (2-D histogram counted on the workers, MI on the calling thread). */
  histogramMutualInformation(...args: Parameters<Engine["histogramMutualInformation"]>): Promise<number> {
    return this.go(args, (e) => e.histogramMutualInformation(...args));
  }

  /** Async `histogram2d` (counts added across workers: exact). */
  histogram2d(...args: Parameters<Engine["histogram2d"]>): ReturnType<Engine["histogram2d"]> extends infer R ? Promise<R> : never {
    return this.go(args, (e) => e.histogram2d(...args));
  }

  /** Async `histogram` (1-D). */
  histogram(...args: Parameters<Engine["histogram"]>): Promise<ReturnType<Engine["histogram"]>> {
    return this.go(args, (e) => e.histogram(...args));
  }

  /** Async `trapezoid` (even/odd partial sums per segment: exact up to summation order). */
  trapezoid(y: Vector, spacing: Parameters<Engine["trapezoid"]>[1]): Promise<number>;
  trapezoid(y: MatrixLike, spacing: Parameters<Engine["trapezoid"]>[1]): Promise<Float64Array>;
  trapezoid(y: Vector | MatrixLike, spacing: Parameters<Engine["trapezoid"]>[1]): Promise<number | Float64Array> {
    return this.go([y], (e) => e.trapezoid(y as Vector, spacing) as number | Float64Array);
  }

  /** Async `klDivergenceGrid`: ∫ f log(f/g) per row (trapezoid weights). */
  klDivergenceGrid(...args: Parameters<Engine["klDivergenceGrid"]>): Promise<ReturnType<Engine["klDivergenceGrid"]>> {
    return this.go(args, (e) => e.klDivergenceGrid(...args));
  }

  /** Async `mutualInformationKnn` (neighbour searches split by query rows across the workers; same bits as the synchronous call). */
  mutualInformationKnn(...args: Parameters<Engine["mutualInformationKnn"]>): Promise<number> {
    return this.go(args, (e) => e.mutualInformationKnn(...args));
  }

  /** Async `conditionalMutualInformationKnn` (split by query rows). */
  conditionalMutualInformationKnn(...args: Parameters<Engine["conditionalMutualInformationKnn"]>): Promise<number> {
    return this.go(args, (e) => e.conditionalMutualInformationKnn(...args));
  }

  /** Async `entropyKnn` (split by query rows). */
  entropyKnn(...args: Parameters<Engine["entropyKnn"]>): Promise<number> {
    return this.go(args, (e) => e.entropyKnn(...args));
  }

  /** Async `klDivergenceKnn` (split by query rows). */
  klDivergenceKnn(...args: Parameters<Engine["klDivergenceKnn"]>): Promise<number> {
    return this.go(args, (e) => e.klDivergenceKnn(...args));
  }

  /** Async `mutualInfoRegression` (columns split across the workers). */
  mutualInfoRegression(...args: Parameters<Engine["mutualInfoRegression"]>): Promise<Float64Array> {
    return this.go(args, (e) => e.mutualInfoRegression(...args));
  }

  /** Async `mutualInfoClassif` (columns split across the workers). */
  mutualInfoClassif(...args: Parameters<Engine["mutualInfoClassif"]>): Promise<Float64Array> {
    return this.go(args, (e) => e.mutualInfoClassif(...args));
  }

  /** Async `mutualInformationMatrix` (ranges of pair tables, or of kNN columns, across the workers; the same matrix as the synchronous call). */
  mutualInformationMatrix(...args: Parameters<Engine["mutualInformationMatrix"]>): Promise<ReturnType<Engine["mutualInformationMatrix"]>> {
    return this.go(args, (e) => e.mutualInformationMatrix(...args));
  }

  /** Async `transferEntropyMatrix` (ranges of (target, source) pairs across the workers; the same matrix as the synchronous call). */
  transferEntropyMatrix(...args: Parameters<Engine["transferEntropyMatrix"]>): Promise<ReturnType<Engine["transferEntropyMatrix"]>> {
    return this.go(args, (e) => e.transferEntropyMatrix(...args));
  }

  /** Async batched `transferEntropy` (rows of two matrices split across the workers; the same values as the synchronous call). */
  transferEntropy(source: Matrix, target: Matrix, opts?: TransferEntropyOptions): Promise<Float64Array>;
  transferEntropy(source: Series, target: Series, opts?: TransferEntropyOptions): Promise<number>;
  transferEntropy(source: Series | Matrix, target: Series | Matrix, opts?: TransferEntropyOptions): Promise<number | Float64Array> {
    return this.go([source, target], (e) => e.transferEntropy(source as Series, target as Series, opts) as number | Float64Array);
  }

  /** Async `activeInformationStorage` (the rows of a batch across the workers; the same values as the synchronous call). */
  activeInformationStorage(x: Matrix, opts?: ActiveInformationStorageOptions): Promise<Float64Array>;
  activeInformationStorage(x: Series, opts?: ActiveInformationStorageOptions): Promise<number>;
  activeInformationStorage(x: Series | Matrix, opts?: ActiveInformationStorageOptions): Promise<number | Float64Array> {
    return this.go([x], (e) => e.activeInformationStorage(x as Series, opts) as number | Float64Array);
  }

  /** Async `entropyRate` (the rows of a batch across the workers; the same values as the synchronous call). */
  entropyRate(x: Matrix, opts?: EntropyRateOptions): Promise<Float64Array>;
  entropyRate(x: Labels, opts?: EntropyRateOptions): Promise<number>;
  entropyRate(x: Labels | Matrix, opts?: EntropyRateOptions): Promise<number | Float64Array> {
    return this.go([x], (e) => e.entropyRate(x as Labels, opts) as number | Float64Array);
  }

  /** Async `transferEntropyTest` (permutations split across the threads; the same p-value as the synchronous call for a seed). */
  transferEntropyTest(...args: Parameters<Engine["transferEntropyTest"]>): Promise<ReturnType<Engine["transferEntropyTest"]>> {
    return this.go(args, (e) => e.transferEntropyTest(...args), args[2]?.permutations ?? 999);
  }

  /** Async `bestSplit` (columns split across the workers; the same splits as the synchronous call). */
  bestSplit(...args: Parameters<Engine["bestSplit"]>): Promise<ReturnType<Engine["bestSplit"]>> {
    return this.go(args, (e) => e.bestSplit(...args));
  }

  /** Async `permutationEntropy` (rows of a batch across the workers). */
  permutationEntropy(...args: Parameters<Engine["permutationEntropy"]>): Promise<ReturnType<Engine["permutationEntropy"]>> {
    return this.go(args, (e) => e.permutationEntropy(...args));
  }

  /** Async `sampleEntropy` (rows of a batch, or the sorted templates of one series, across the workers; the same counts as the synchronous call). */
  sampleEntropy(...args: Parameters<Engine["sampleEntropy"]>): Promise<ReturnType<Engine["sampleEntropy"]>> {
    return this.go(args, (e) => e.sampleEntropy(...args), TEMPLATE_WORK);
  }

  /** Async `approximateEntropy` (as sampleEntropy). */
  approximateEntropy(...args: Parameters<Engine["approximateEntropy"]>): Promise<ReturnType<Engine["approximateEntropy"]>> {
    return this.go(args, (e) => e.approximateEntropy(...args), TEMPLATE_WORK);
  }

  /** Async `mutualInformationTest` (permutations split across the threads; the same p-value as the synchronous call for a seed). */
  mutualInformationTest(...args: Parameters<Engine["mutualInformationTest"]>): Promise<ReturnType<Engine["mutualInformationTest"]>> {
    return this.go(args, (e) => e.mutualInformationTest(...args), args[2]?.permutations ?? 999);
  }

  /** Async `histogramMutualInformationTest` (permutations split across the threads). */
  histogramMutualInformationTest(...args: Parameters<Engine["histogramMutualInformationTest"]>): Promise<ReturnType<Engine["histogramMutualInformationTest"]>> {
    return this.go(args, (e) => e.histogramMutualInformationTest(...args), args[2]?.permutations ?? 999);
  }

  /** Async `mutualInformationInterval` (resamples split across the threads). */
  mutualInformationInterval(...args: Parameters<Engine["mutualInformationInterval"]>): Promise<ReturnType<Engine["mutualInformationInterval"]>> {
    return this.go(args, (e) => e.mutualInformationInterval(...args), args[2]?.resamples ?? 1000);
  }

  /**
   * Low level: runs one backend kernel (src/backend.ts) unsplit on a worker, e.g.
   * `kernel("entropyRows", [x, rows, cols])` → raw sums. Rejects when there is no pool.
   */
  async kernel(name: string, args: unknown[]): Promise<unknown> {
    const pool = this.pool();
    if (!pool) throw new Error("parallel.kernel: this engine has no worker pool (init({ threads }))");
    return pool.runTask(name, args.map((a) => (ArrayBuffer.isView(a) && !(a instanceof DataView) ? new Slice(a as Float64Array, 0, (a as Float64Array).length) : a)));
  }

  /** Async `softmaxCrossEntropy` (log-sum-exp rows split by rows across the workers). */
  softmaxCrossEntropy(...args: Parameters<Engine["softmaxCrossEntropy"]>): Promise<number | Float64Array> {
    return this.go(args, (e) => e.softmaxCrossEntropy(...args));
  }

  /** Worker count and pending tasks, and each worker's WASM memory in bytes (for leak checks). */
  async stats(): Promise<{ workers: number; pending: number; workerMemoryBytes: number[] }> {
    const pool = this.pool();
    if (!pool) return { workers: 0, pending: 0, workerMemoryBytes: [] };
    return { workers: pool.workers, pending: pool.pending, workerMemoryBytes: await pool.memoryBytes() };
  }
}
