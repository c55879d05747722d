/**
 * The worker pool: n workers (Node `worker_threads`, or module Web Workers in browsers), each
 * with its own engine backend (the same one as the main engine). A kernel call is cut into tasks
 * (src/parallel/split.ts), queued, and handed to workers as they free up (at most two in flight
 * per worker, so a worker always has its next task); the results are merged in task order.
 *
 * Input data: an input already in a SharedArrayBuffer (where the runtime allows sharing: Node,
 * cross-origin-isolated pages) is shared as is, no copy. Any other input is copied task by task,
 * at dispatch (so the first tasks run while later ones are copied), into pooled ArrayBuffers that
 * are transferred to the worker and transferred back with the result for reuse: one memcpy per
 * element, no allocation in steady state. (Mirroring into a SharedArrayBuffer instead measured
 * slower: V8 copies into and out of shared memory about 2× slower than between ArrayBuffers.)
 * Results come back transferred.
 *
 * Node: an idle worker is unref'd, so the pool never keeps the process alive; close() terminates
 * the workers and rejects every pending call.
 */
import type { BackendName } from "../types.js";
import { isShared } from "../buffers.js";
import { SPLITTERS, Slice, type Plan } from "./split.js";
export { transferables } from "./transfer.js";

type Arr = Float64Array | Float32Array | Int32Array | Uint32Array;

/** What the pool needs of a worker, in Node or in a browser. */
export interface WorkerHandle {
  post(msg: unknown, transfer: Transferable[]): void;
  terminate(): void;
  ref(): void;
  unref(): void;
}

interface Task {
  job: Job;
  index: number;
  kernel: string;
  args: unknown[];
}

interface Job {
  results: unknown[];
  left: number;
  failed: boolean;
  resolve(results: unknown[]): void;
  reject(e: unknown): void;
}

interface Slot {
  handle: WorkerHandle;
  inflight: Map<number, Task>;
  ready: boolean;
}

const MAX_INFLIGHT = 2;
/** Transfer buffers kept for reuse. */
const BUFFER_CACHE_BYTES = 64 << 20;

export interface PoolOptions {
  threads: number;
  backend: BackendName;
  /** Smallest task, in elements (default 32768). */
  minTask?: number;
  /** Use SharedArrayBuffer when the runtime has it (default true). */
  shared?: boolean;
}

const CLOSED = "infowasm: the worker pool was closed (it.close()) while this call was pending";

export class PoolClosedError extends Error {
  constructor() {
    super(CLOSED);
    this.name = "PoolClosedError";
  }
}

/**
 * How a call's slices travel to the workers: a view of shared memory when the input is already
 * in a SharedArrayBuffer (and the runtime may share it), else a copy in a pooled ArrayBuffer that
 * is transferred to the worker and transferred back with the result for reuse.
 */
export class Staging {
  constructor(private readonly pool: WorkerPool) {}

  /** The message form of a slice, and what to transfer with it. */
  stage(s: Slice, transfer: Transferable[]): Arr {
    const { src, i0, i1 } = s;
    if (this.pool.shared && isShared(src.buffer)) return src.subarray(i0, i1);
    const n = i1 - i0;
    const ab = this.pool.acquireBuffer(n * src.BYTES_PER_ELEMENT);
    const Ctor = src.constructor as { new (b: ArrayBuffer, o: number, n: number): Arr };
    const view = new Ctor(ab, 0, n);
    view.set(src.subarray(i0, i1) as never);
    if (!transfer.includes(ab)) transfer.push(ab);
    return view;
  }

}

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === "string" && typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === "undefined" && typeof (globalThis as { window?: unknown }).window === "undefined";
}

/** Whether shared memory can be posted to workers here. */
export function sharedMemoryAvailable(): boolean {
  if (typeof SharedArrayBuffer !== "function") return false;
  const g = globalThis as { crossOriginIsolated?: boolean };
  return isNode() || g.crossOriginIsolated === true;
}

type ErrorCtor = new (message: string) => Error;
const ERRORS: Record<string, ErrorCtor> = { TypeError, RangeError, Error };

export class WorkerPool {
  readonly mode = "transfer";
  readonly shared: boolean;
  readonly minTask: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closedFlag = false;
  /** How slices travel to the workers (stateless: one for the pool). */
  private readonly staging = new Staging(this);

  private constructor(
    readonly size: number,
    readonly backend: BackendName,
    opts: PoolOptions,
  ) {
    this.shared = (opts.shared ?? true) && sharedMemoryAvailable();
    this.minTask = opts.minTask ?? 1 << 15;
  }

  /** Starts `threads` workers and waits until each has its backend ready. */
  static async start(opts: PoolOptions): Promise<WorkerPool> {
    const pool = new WorkerPool(opts.threads, opts.backend, opts);
    try {
      await Promise.all(Array.from({ length: opts.threads }, () => pool.spawn()));
    } catch (e) {
      pool.close();
      throw e;
    }
    return pool;
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Live workers. */
  get workers(): number {
    return this.slots.length;
  }

  /** Tasks queued or running. */
  get pending(): number {
    let n = this.queue.length;
    for (const s of this.slots) n += s.inflight.size;
    return n;
  }

  /** The plan of `kernel(...args)` for this pool, or null when it should run on the calling thread. */
  plan(kernel: string, args: unknown[]): Plan | null {
    const split = SPLITTERS[kernel];
    return split ? split(args, this.size, this.minTask) : null;
  }

  /** Runs a plan's tasks on the workers; resolves with the merged result. */
  async runPlan(kernel: string, plan: Plan): Promise<unknown> {
    if (this.closedFlag) throw new PoolClosedError();
    const results = await new Promise<unknown[]>((resolve, reject) => {
      const job: Job = { results: new Array(plan.tasks.length), left: plan.tasks.length, failed: false, resolve, reject };
      // slices are staged at dispatch, so copying later tasks' input overlaps the first tasks
      plan.tasks.forEach((args, index) => this.queue.push({ job, index, kernel, args }));
      this.pump();
    });
    return plan.merge(results);
  }

  /** Runs one task unsplit on a worker (tests use it to reach a worker directly). */
  runTask(kernel: string, args: unknown[]): Promise<unknown> {
    return this.runPlan(kernel, { tasks: [args], merge: (r) => r[0] });
  }

  /** Asks every worker for its WASM memory size (bytes; 0 for js). */
  async memoryBytes(): Promise<number[]> {
    return Promise.all(this.slots.map((s) => this.direct(s, "__memoryBytes", []) as Promise<number>));
  }

  private direct(slot: Slot, kernel: string, args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const job: Job = { results: [undefined], left: 1, failed: false, resolve: (r) => resolve(r[0]), reject };
      this.send(slot, { job, index: 0, kernel, args });
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let best: Slot | undefined;
      for (const s of this.slots) if (s.ready && s.inflight.size < MAX_INFLIGHT && (!best || s.inflight.size < best.inflight.size)) best = s;
      if (!best) return;
      const task = this.queue.shift()!;
      if (task.job.failed) continue;
      this.send(best, task);
    }
  }

  private send(slot: Slot, task: Task): void {
    const id = this.nextId++;
    const transfer: Transferable[] = [];
    let args: unknown[];
    try {
      args = task.args.map((a) => (a instanceof Slice ? this.staging.stage(a, transfer) : a));
    } catch (e) {
      this.fail(task.job, e);
      return;
    }
    if (slot.inflight.size === 0) slot.handle.ref();
    slot.inflight.set(id, task);
    slot.handle.post({ type: "task", id, kernel: task.kernel, args }, transfer);
  }

  private fail(job: Job, e: unknown): void {
    if (job.failed) return;
    job.failed = true;
    job.reject(e);
  }

  /** Milliseconds the workers spent inside kernels (all tasks so far). */
  busyMs = 0;
  /** When set (diagnostics): [worker, kernel start, kernel ms, result received] per task, epoch ms. */
  trace?: [number, number, number, number][];

  private onMessage(slot: Slot, msg: { type: string; id: number; result?: unknown; name?: string; message?: string; ms?: number; at?: number; back?: ArrayBuffer[] }): void {
    const task = slot.inflight.get(msg.id);
    if (!task) return;
    slot.inflight.delete(msg.id);
    if (slot.inflight.size === 0) slot.handle.unref();
    const { job } = task;
    if (msg.back) for (const b of msg.back) this.keepBuffer(b);
    if (msg.type === "done") {
      this.busyMs += msg.ms ?? 0;
      this.trace?.push([slot === this.slots[0] ? 0 : 1, msg.at ?? 0, msg.ms ?? 0, performance.timeOrigin + performance.now()]);
      job.results[task.index] = msg.result;
      if (--job.left === 0 && !job.failed) job.resolve(job.results);
    } else {
      const Ctor = ERRORS[msg.name ?? "Error"] ?? Error;
      this.fail(job, new Ctor(msg.message ?? "infowasm: a worker task failed"));
    }
    this.pump();
  }

  /** A worker died (an uncaught error or exit): its tasks fail, a new worker takes its place. */
  private onDeath(slot: Slot, why: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    for (const task of slot.inflight.values()) {
      this.fail(task.job, new Error(`infowasm: a pool worker stopped (${why}) while running this call`));
    }
    slot.inflight.clear();
    slot.handle.terminate();
    if (!this.closedFlag) this.spawn().catch(() => {});
  }

  private async spawn(): Promise<void> {
    const slot: Slot = { handle: undefined as unknown as WorkerHandle, inflight: new Map(), ready: false };
    await startWorker(
      slot,
      this.slots,
      { type: "init", backend: this.backend },
      (msg) => this.onMessage(slot, msg as never),
      (why) => this.onDeath(slot, why),
      () => this.closedFlag,
    );
    this.pump();
  }

  private readonly buffers: ArrayBuffer[] = [];
  private bufferBytes = 0;

  /** An ArrayBuffer of at least `bytes` to transfer to a worker (workers send them back). */
  acquireBuffer(bytes: number): ArrayBuffer {
    let best = -1;
    for (let i = 0; i < this.buffers.length; i++)
      if (this.buffers[i].byteLength >= bytes && (best < 0 || this.buffers[i].byteLength < this.buffers[best].byteLength)) best = i;
    if (best >= 0) {
      const b = this.buffers.splice(best, 1)[0];
      this.bufferBytes -= b.byteLength;
      return b;
    }
    return new ArrayBuffer(Math.max(64, Math.ceil(bytes / 65536) * 65536));
  }

  /** Takes back a buffer a worker returned (kept while the cache has room). */
  private keepBuffer(b: ArrayBuffer): void {
    if (this.closedFlag || b.byteLength === 0 || this.bufferBytes + b.byteLength > BUFFER_CACHE_BYTES || this.buffers.length >= 32) return;
    this.buffers.push(b);
    this.bufferBytes += b.byteLength;
  }

  /** Terminates the workers; every queued or running call rejects with a PoolClosedError. */
  close(): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    const jobs = new Set<Job>();
    for (const t of this.queue) jobs.add(t.job);
    this.queue.length = 0;
    for (const s of this.slots) {
      for (const t of s.inflight.values()) jobs.add(t.job);
      s.inflight.clear();
      s.handle.terminate();
    }
    this.slots.length = 0;
    this.buffers.length = 0;
    for (const j of jobs) this.fail(j, new PoolClosedError());
  }
}

/** A worker pool: on a shared WASM memory (src/parallel/shared-pool.ts), or with inputs copied and transferred (this file). */
export interface Pool {
  /** "shared-memory": the calling thread and size − 1 workers compute on one shared WASM memory; "transfer": size workers, inputs copied to them. */
  readonly mode: "shared-memory" | "transfer";
  /** Threads that compute a call. */
  readonly size: number;
  readonly shared: boolean;
  readonly closed: boolean;
  readonly workers: number;
  readonly pending: number;
  plan(kernel: string, args: unknown[]): Plan | null;
  /** Runs a plan; `session` (from session(), where the pool has one) is kept across one call's rounds. */
  runPlan(kernel: string, plan: Plan, session?: object): Promise<unknown>;
  /** Staging kept across the pool rounds of one call (the shared-memory pool), ended when it settles. */
  session?(): object;
  endSession?(session: object): void;
  runTask(kernel: string, args: unknown[]): Promise<unknown>;
  memoryBytes(): Promise<number[]>;
  close(): void;
}

/** Threads for `threads: "auto"`: os.availableParallelism() in Node, navigator.hardwareConcurrency in browsers. */
export async function availableThreads(): Promise<number> {
  if (isNode()) {
    const name = "node:os";
    const os = (await import(/* @vite-ignore */ name)) as { availableParallelism?: () => number; cpus(): unknown[] };
    return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
  }
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  return Math.max(1, nav?.hardwareConcurrency ?? 1);
}

// ---- spawning: Node worker_threads or Web Workers ----

/**
 * Starts a worker for `slot` and sends it `init`: sets slot.handle, adds the slot to `slots`,
 * and resolves once the worker answers "ready" (slot.ready then true), or rejects, naming the
 * reason, if it cannot start. `onMessage` gets every later message; `onDeath(why)` runs when it
 * fails, errors or exits while the pool is open (`closed()` false). Both pools start workers so.
 */
export async function startWorker<S extends { handle: WorkerHandle; ready: boolean }>(
  slot: S,
  slots: S[],
  init: unknown,
  onMessage: (msg: { type: string }) => void,
  onDeath: (why: string) => void,
  closed: () => boolean,
): Promise<void> {
  let started = false;
  let handle!: WorkerHandle;
  const ready = new Promise<void>((resolve, reject) => {
    const onError = (e: unknown) => {
      const why = e instanceof Error ? e.message : String(e);
      if (!started) reject(new Error(`infowasm: a pool worker could not start: ${why}`));
      onDeath(why);
    };
    handle = createWorker(
      (msg: { type: string; message?: string }) => {
        if (msg.type === "ready") {
          started = true;
          handle.unref();
          resolve();
        } else if (msg.type === "fatal") onError(new Error(msg.message ?? "fatal"));
        else onMessage(msg);
      },
      onError,
      (code: number) => {
        if (!closed()) onError(new Error(`exited with code ${code}`));
      },
    );
    handle.post(init, []);
  });
  slot.handle = handle;
  slots.push(slot);
  await ready;
  slot.ready = true;
}

type NodeWorkerCtor = new (url: URL, opts?: { execArgv?: string[] }) => {
  postMessage(m: unknown, t?: readonly Transferable[]): void;
  on(ev: string, cb: (x: never) => void): void;
  terminate(): Promise<number>;
  ref(): void;
  unref(): void;
};

let nodeWorker: NodeWorkerCtor | undefined;
/** The worker's source, for runs from src/ (a variable, so bundlers do not try to resolve it). */
const TS_WORKER = "./worker.ts";
/** From src/ (tests, tsx): the tsx loader API, registered in each worker before worker.ts loads. */
let tsxApi: string | undefined;

/** Loads node:worker_threads (once, before the first spawn in Node). */
export async function loadWorkerRuntime(): Promise<void> {
  if (!isNode() || nodeWorker) return;
  const name = "node:worker_threads";
  const mod = (await import(/* @vite-ignore */ name)) as { Worker: NodeWorkerCtor };
  nodeWorker = mod.Worker;
  if (import.meta.url.endsWith(".ts")) {
    const m = "node:module";
    const u = "node:url";
    const { createRequire } = (await import(/* @vite-ignore */ m)) as { createRequire(from: string): { resolve(id: string): string } };
    const { pathToFileURL } = (await import(/* @vite-ignore */ u)) as { pathToFileURL(p: string): URL };
    tsxApi = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
  }
}

function createWorker(onMessage: (m: never) => void, onError: (e: unknown) => void, onExit: (code: number) => void): WorkerHandle {
  if (nodeWorker) {
    // from dist/ the worker is worker.js; from src/ (tests, tsx) worker.ts through the tsx loader
    const url = tsxApi
      ? new URL(
          "data:text/javascript," +
            encodeURIComponent(`import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(new URL(TS_WORKER, import.meta.url).href)});`),
        )
      : new URL("./worker.js", import.meta.url);
    const w = new nodeWorker(url);
    w.on("message", onMessage);
    w.on("error", onError as (x: never) => void);
    w.on("exit", onExit as (x: never) => void);
    return {
      post: (m, t) => w.postMessage(m, t),
      terminate: () => void w.terminate(),
      ref: () => w.ref(),
      unref: () => w.unref(),
    };
  }
  // a bundler (Vite, webpack 5, esbuild with plugins) rewrites this exact form to the bundled worker
  const w = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  w.onmessage = (ev: MessageEvent) => onMessage(ev.data as never);
  w.onerror = (ev: ErrorEvent) => {
    ev.preventDefault();
    onError(new Error(ev.message));
  };
  return {
    post: (m, t) => w.postMessage(m, t),
    terminate: () => w.terminate(),
    ref: () => {},
    unref: () => {},
  };
}
