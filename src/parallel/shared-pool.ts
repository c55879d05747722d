/**
 * The worker pool on one shared `WebAssembly.Memory` (the threads build): every worker's
 * instance and the calling thread's engine compute on the same memory, and `threads` threads
 * compute a call: the calling thread and `threads − 1` workers.
 *
 * A call (a Plan of tasks, src/parallel/split.ts) runs as one job:
 *   1. The calling thread places the job's inputs (layout): each distinct slice of an ordinary
 *      array gets a place in a staging block of shared memory; an input already in WASM memory
 *      (it.allocate) is used where it is; an input in a user's SharedArrayBuffer is read from
 *      there. It posts the task list, inputs as (type, pointer, length), to every worker.
 *   2. The tasks form one range (memref.ts): workers take from its front, the calling thread
 *      from its back, through one Atomics compare-and-swap. The calling thread copies the
 *      workers' inputs into their places a couple of tasks ahead of what they have taken,
 *      publishing each task (an Atomics counter a waiting worker wakes on); its own tasks it
 *      computes from the inputs where they are, through the one-thread path's cache-sized chunks.
 *      So an ordinary array is copied once, as on one thread, and the copy overlaps the workers'
 *      work. Once the range is empty it publishes whatever the workers took.
 *   3. Each worker posts its tasks' results once; they are merged in task order (plan.merge):
 *      the same values as one call.
 *
 * Per-thread scratch: each worker's op/side/out regions and its family table live in a region
 * of shared memory that the calling thread reserved for it (src/wasm/host.ts). A task whose
 * table does not fit fails with NeedSpace; the pool gives that worker a larger region and runs
 * the job again (once per new maximum: repeated calls never grow memory).
 *
 * Jobs run one at a time, in call order. Where shared memory is unavailable (a page that is not
 * cross-origin isolated, or the js backend), src/parallel/pool.ts's transfer path runs instead.
 */
import type { BackendName } from "../types.js";
import type { WasmBackend } from "../wasm/backend.js";
import { STANDARD_BYTES, type Region } from "../wasm/host.js";
import { PoolClosedError, startWorker, type WorkerHandle } from "./pool.js";
import { isShared } from "../buffers.js";
import { SPLITTERS, Slice, type Plan } from "./split.js";
import { CTL, elementName, MAX_JOB_TASKS, takeBack, taskArg, type ArrCtor, type MemRef } from "./memref.js";

type Arr = Float64Array | Float32Array | Int32Array | Uint32Array;
/** Table room a worker's region starts with, above its op/side/out regions. */
const INITIAL_TABLE = 4 << 20;
/** Tries of one job when workers need larger regions. */
const MAX_GROWTHS = 4;

interface Slot {
  handle: WorkerHandle;
  region: Region;
  ready: boolean;
  /** The current job's completion, when the worker runs one. */
  pending?: (msg: JobDone | { died: string }) => void;
}

export interface JobDone {
  type: "jobdone";
  id: number;
  results: [number, unknown][];
  error?: { name: string; message: string; bytes?: number };
  /** When the worker received the job (epoch ms), and its ms inside kernels (diagnostics). */
  got?: number;
  busy?: number;
}

/** The staging of one it.parallel call: where each slice is, which are copied, the blocks to free. */
export interface Session {
  /** By buffer, then by element type and byte range (two views of one buffer share their copies). */
  places: Map<ArrayBufferLike, Map<string, number>>;
  copied: Set<number>;
  blocks: number[];
}

/** A slice's element type and byte range in its buffer. */
function keyOf(s: Slice): string {
  const b = s.src.BYTES_PER_ELEMENT;
  return `${elementName(s.src)}:${s.src.byteOffset + s.i0 * b}:${s.src.byteOffset + s.i1 * b}`;
}

type ErrorCtor = new (message: string) => Error;
const ERRORS: Record<string, ErrorCtor> = { TypeError, RangeError, Error };

export interface SharedPoolOptions {
  /** Threads that compute, the calling thread included (so threads − 1 workers). */
  threads: number;
  /** The calling thread's backend: a threads build over `memory` that owns its heap. */
  local: WasmBackend;
  memory: WebAssembly.Memory;
  /** Smallest task, in elements (default 32768). */
  minTask?: number;
}

export class SharedPool {
  /** Inputs reach the workers through shared memory. */
  readonly shared = true;
  readonly mode = "shared-memory";
  readonly minTask: number;
  readonly size: number;
  readonly backend: BackendName;
  private readonly local: WasmBackend;
  private readonly memory: WebAssembly.Memory;
  private readonly slots: Slot[] = [];
  private readonly ctlPtr: number;
  private chain: Promise<unknown> = Promise.resolve();
  private queued = 0;
  private nextId = 1;
  private closedFlag = false;
  /** When set (diagnostics): per job, the kernel, its tasks, the calling thread's tasks and its ms copying, computing and waiting. */
  trace?: { kernel: string; tasks: number; mine: number; copyMs: number; computeMs: number; waitMs: number; workers: { startMs: number; busyMs: number; tasks: number }[] }[];

  private constructor(opts: SharedPoolOptions) {
    this.size = opts.threads;
    this.local = opts.local;
    this.backend = opts.local.name;
    this.memory = opts.memory;
    this.minTask = opts.minTask ?? 1 << 15;
    this.ctlPtr = this.heap.rawBlock(CTL.words * 4);
  }

  /**
   * Starts `threads − 1` workers over `memory`, each with its region (the calling thread is the
   * `threads`-th: it computes a share of every call); waits until each is ready.
   */
  static async start(opts: SharedPoolOptions): Promise<SharedPool> {
    const pool = new SharedPool(opts);
    try {
      await Promise.all(Array.from({ length: opts.threads - 1 }, () => pool.spawn()));
    } catch (e) {
      pool.close();
      throw e;
    }
    return pool;
  }

  private get heap() {
    return this.local.host.heap;
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  get workers(): number {
    return this.slots.length;
  }

  /** Calls queued or running. */
  get pending(): number {
    return this.queued;
  }



  plan(kernel: string, args: unknown[]): Plan | null {
    const split = SPLITTERS[kernel];
    const plan = split ? split(args, this.size, this.minTask, true) : null;
    return plan && plan.tasks.length <= MAX_JOB_TASKS ? plan : null;
  }

  /** Runs a plan's tasks on the workers and the calling thread; resolves with the merged result. */
  runPlan(kernel: string, plan: Plan, session?: Session): Promise<unknown> {
    if (this.closedFlag) return Promise.reject(new PoolClosedError());
    const own = session ? undefined : this.session();
    this.queued++;
    const run = this.chain.then(async () => {
      if (this.closedFlag) throw new PoolClosedError();
      for (let attempt = 0; ; attempt++) {
        const out = await this.job(kernel, plan, (session ?? own)!);
        if (out.grow.length === 0 || attempt >= MAX_GROWTHS) {
          if (out.error) throw out.error;
          return plan.merge(out.results);
        }
        await Promise.all(out.grow.map(([slot, bytes]) => this.regrow(slot, bytes)));
      }
    });
    const settle = () => {
      this.queued--;
      if (own) this.endSession(own);
    };
    run.then(settle, settle);
    this.chain = run.catch(() => {});
    return run;
  }

  /** Runs one task unsplit (it.parallel.kernel). */
  runTask(kernel: string, args: unknown[]): Promise<unknown> {
    return this.runPlan(kernel, { tasks: [args], merge: (r) => r[0] });
  }

  /** Each worker's view of the WASM memory size (bytes): one shared memory. */
  async memoryBytes(): Promise<number[]> {
    return this.slots.map(() => this.memory.buffer.byteLength);
  }

  private ctl(): Int32Array {
    return new Int32Array(this.memory.buffer, this.ctlPtr, CTL.words);
  }

  /** One attempt of a job: stage, publish, compute a share, collect. */
  private async job(kernel: string, plan: Plan, session: Session): Promise<{ results: unknown[]; error?: Error; grow: [Slot, number][] }> {
    const { tasks } = plan;
    const layout = this.layout(tasks, session);
    const id = this.nextId++;
    const ctl = this.ctl();
    const T = tasks.length;
    Atomics.store(ctl, CTL.range, T << 16);
    Atomics.store(ctl, CTL.published, 0);
    Atomics.store(ctl, CTL.abort, 0);
    const msgTasks = tasks.map((args) => args.map((a) => (a instanceof Slice ? layout.ref(a) : a)));
    // the workers of this job (a worker that dies is replaced in this.slots meanwhile)
    const slots = [...this.slots];
    const done = slots.map(
      (slot) =>
        new Promise<JobDone | { died: string }>((resolve) => {
          slot.pending = resolve;
          slot.handle.ref();
          slot.handle.post({ type: "job", id, kernel, tasks: msgTasks, ctl: this.ctlPtr }, []);
        }),
    );
    const results: unknown[] = new Array(T);
    let error: Error | undefined;
    const t0 = performance.now();
    let copyMs = 0;
    let mine = 0;
    let published = 0;
    const publish = () => {
      const t = performance.now();
      layout.copy(tasks[published]);
      Atomics.store(ctl, CTL.published, ++published);
      Atomics.notify(ctl, CTL.published);
      copyMs += performance.now() - t;
    };
    // tasks copied for the workers ahead of what they have taken
    const lead = 2 * slots.length;
    try {
      const fn = (this.local as unknown as Record<string, (...a: unknown[]) => unknown>)[kernel];
      if (typeof fn !== "function") throw new TypeError(`infowasm: no kernel ${kernel}`);
      for (;;) {
        if (Atomics.load(ctl, CTL.abort)) break;
        // keep the workers fed from the front...
        for (let r = Atomics.load(ctl, CTL.range); published < r >>> 16 && published - (r & 0xffff) < lead; r = Atomics.load(ctl, CTL.range)) publish();
        // ...and take a task from the back: its input read where it is (an ordinary array through
        // the one-thread path's cache-sized chunks, not copied into shared memory first)
        const j = takeBack(ctl);
        if (j < 0) break;
        results[j] = fn.apply(this.local, tasks[j].map((a, k) => (a instanceof Slice ? (j < published || !layout.copies(a) ? taskArg(this.memory, msgTasks[j][k]) : a.src.subarray(a.i0, a.i1)) : a)));
        mine++;
      }
      // the front is final: publish what the workers took
      while (published < (Atomics.load(ctl, CTL.range) & 0xffff)) publish();
    } catch (e) {
      error = e instanceof Error ? e : new Error(String(e));
      Atomics.store(ctl, CTL.abort, 1);
      Atomics.store(ctl, CTL.published, T);
      Atomics.notify(ctl, CTL.published);
    }
    const t2 = performance.now();
    const grow: [Slot, number][] = [];
    const answers = await Promise.all(done);
    this.trace?.push({
      kernel, tasks: T, mine, copyMs, computeMs: t2 - t0 - copyMs, waitMs: performance.now() - t2,
      workers: answers.map((a) => ("died" in a ? { startMs: NaN, busyMs: NaN, tasks: 0 } : { startMs: (a.got ?? 0) - (performance.timeOrigin + t0), busyMs: a.busy ?? 0, tasks: a.results.length })),
    });
    answers.forEach((a, w) => {
      const slot = slots[w];
      if ("died" in a) {
        error ??= new Error(`infowasm: a pool worker stopped (${a.died}) while running this call`);
        return;
      }
      for (const [i, r] of a.results) results[i] = r;
      if (a.error?.name === "NeedSpace" && this.slots.includes(slot)) grow.push([slot, a.error.bytes ?? 0]);
      else if (a.error) error ??= new (ERRORS[a.error.name] ?? Error)(a.error.message);
    });
    if (this.closedFlag) throw new PoolClosedError();
    return { results, error, grow };
  }

  /**
   * Where each distinct slice of a call's ordinary-array inputs goes in shared memory, and how
   * to copy it there. Places are kept for the whole call (`session`: every pool round of one
   * it.parallel call), so an input that several rounds read (the min/max pass, then the
   * histogram) is copied once; each round's new slices get one raw block, freed when the call
   * ends (the next call reuses the space: repeated calls never grow memory).
   */
  private layout(tasks: unknown[][], session: Session) {
    const memory = this.memory;
    const needsCopy = (s: Slice) => s.src.buffer !== memory.buffer && !isShared(s.src.buffer);
    const fresh: [Slice, number][] = [];
    let bytes = 0;
    for (const args of tasks)
      for (const a of args) {
        if (!(a instanceof Slice) || !needsCopy(a)) continue;
        let m = session.places.get(a.src.buffer);
        if (!m) session.places.set(a.src.buffer, (m = new Map()));
        const key = keyOf(a);
        if (m.has(key)) continue;
        m.set(key, -1);
        fresh.push([a, bytes]);
        bytes += Math.ceil(((a.i1 - a.i0) * a.src.BYTES_PER_ELEMENT) / 64) * 64;
      }
    if (bytes > 0) {
      const base = this.heap.rawBlock(bytes);
      session.blocks.push(base);
      for (const [a, off] of fresh) session.places.get(a.src.buffer)!.set(keyOf(a), base + off);
    }
    const placeOf = (s: Slice) => session.places.get(s.src.buffer)!.get(keyOf(s))!;
    return {
      /** The slice as the tasks see it: a MemRef into WASM memory, or a view of the user's SharedArrayBuffer. */
      ref(s: Slice): MemRef | Arr {
        const n = s.i1 - s.i0;
        if (s.src.buffer === memory.buffer) return { mem: [elementName(s.src), s.src.byteOffset + s.i0 * s.src.BYTES_PER_ELEMENT, n] };
        if (!needsCopy(s)) return s.src.subarray(s.i0, s.i1);
        return { mem: [elementName(s.src), placeOf(s), n] };
      },
      /** Whether the slice is an ordinary array's (staged by copying). */
      copies: needsCopy,
      /** Copies a task's slices that are not in place yet. */
      copy(args: unknown[]): void {
        for (const a of args) {
          if (!(a instanceof Slice) || !needsCopy(a)) continue;
          const ptr = placeOf(a);
          if (session.copied.has(ptr)) continue;
          session.copied.add(ptr);
          const Ctor = a.src.constructor as ArrCtor;
          new Ctor(memory.buffer, ptr, a.i1 - a.i0).set(a.src.subarray(a.i0, a.i1) as never);
        }
      },
    };
  }

  /** A call's staging (see layout): begun by runOnPool, ended when the call settles. */
  session(): Session {
    return { places: new Map(), copied: new Set(), blocks: [] };
  }

  endSession(session: Session): void {
    for (const b of session.blocks) this.heap.freeRaw(b);
    session.blocks.length = 0;
  }

  /** Gives a worker a larger region (its table needs `bytes`). */
  private async regrow(slot: Slot, bytes: number): Promise<void> {
    const size = STANDARD_BYTES + Math.max(bytes + 4096, 2 * (slot.region.bytes - STANDARD_BYTES));
    const region = { base: this.heap.rawBlock(size), bytes: size };
    try {
      await new Promise<void>((resolve, reject) => {
        slot.pending = (m) => ("died" in m ? reject(new Error(`infowasm: a pool worker stopped (${m.died}) while moving to a larger region`)) : resolve());
        slot.handle.ref();
        slot.handle.post({ type: "region", region }, []);
      });
    } catch (e) {
      this.heap.freeRaw(region.base);
      throw e;
    }
    this.heap.freeRaw(slot.region.base);
    slot.region = region;
  }

  private async spawn(region?: Region): Promise<void> {
    region ??= { base: this.heap.rawBlock(STANDARD_BYTES + INITIAL_TABLE), bytes: STANDARD_BYTES + INITIAL_TABLE };
    const slot: Slot = { handle: undefined as unknown as WorkerHandle, region, ready: false };
    await startWorker(
      slot,
      this.slots,
      { type: "init", backend: this.backend, memory: this.memory, region },
      (msg) => {
        if (msg.type !== "jobdone" && msg.type !== "regioned") return;
        const p = slot.pending;
        slot.pending = undefined;
        slot.handle.unref();
        p?.(msg as unknown as JobDone);
      },
      (why) => this.onDeath(slot, why),
      () => this.closedFlag,
    );
  }

  /** A worker died: its job fails, a new worker takes its place (same region). */
  private onDeath(slot: Slot, why: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    this.slots.splice(i, 1);
    slot.handle.terminate();
    const p = slot.pending;
    slot.pending = undefined;
    p?.({ died: why });
    if (!this.closedFlag) this.spawn(slot.region).catch(() => {});
  }

  /** Terminates the workers; queued and running calls reject with a PoolClosedError. */
  close(): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    const ctl = this.ctl();
    Atomics.store(ctl, CTL.abort, 1);
    Atomics.store(ctl, CTL.published, 1 << 30);
    Atomics.notify(ctl, CTL.published);
    for (const s of this.slots) {
      s.handle.terminate();
      const p = s.pending;
      s.pending = undefined;
      p?.({ died: "closed" });
    }
    this.slots.length = 0;
  }
}
