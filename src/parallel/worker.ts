/**
 * The pool's worker: one backend (the same kind as the main engine), kernel calls in, raw sums
 * out. Runs as a Node `worker_threads` worker or a module Web Worker.
 *
 * Messages: { type: "init", backend } → { type: "ready" } | { type: "fatal", message };
 * { type: "task", id, kernel, args } → { type: "done", id, result } | { type: "fail", id, name, message }.
 *
 * On a shared memory (src/parallel/shared-pool.ts): { type: "init", backend, memory, region }
 * instantiates the threads build over `memory`, confined to `region`; { type: "job", id,
 * kernel, tasks, ctl } takes tasks from the front of the job's range until none is left
 * (waiting for a task whose input is not yet published) → { type: "jobdone", id, results: [index, result][],
 * error? }; { type: "region", region } moves the worker to a larger region → { type: "regioned" }.
 */
import type { Backend } from "../backend.js";
import { createJsBackend } from "../js/backend.js";
import type { BackendName } from "../types.js";
import { createWasmBackend } from "../wasm/backend.js";
import { transferables } from "./transfer.js";
import { CTL, takeFront, taskArg } from "./memref.js";
import type { Region } from "../wasm/host.js";

interface Message {
  type: string;
  id: number;
  backend?: BackendName;
  kernel?: string;
  args?: unknown[];
  memory?: WebAssembly.Memory;
  region?: Region;
  tasks?: unknown[][];
  ctl?: number;
}

interface Port {
  post(msg: unknown, transfer?: Transferable[]): void;
  listen(cb: (msg: Message) => void): void;
}

/** A Web Worker's scope, synchronously (no message may arrive before the listener). */
function webPort(): Port | null {
  const g = globalThis as { WorkerGlobalScope?: unknown; postMessage?: (m: unknown, t?: Transferable[]) => void; addEventListener?: (t: string, cb: (e: MessageEvent) => void) => void };
  if (typeof g.WorkerGlobalScope === "undefined" || !g.postMessage || !g.addEventListener) return null;
  const post = g.postMessage.bind(g);
  const add = g.addEventListener.bind(g);
  return { post: (m, t) => post(m, t ?? []), listen: (cb) => add("message", (e) => cb(e.data)) };
}

/** Node's parentPort (it queues messages until a listener is attached). */
async function nodePort(): Promise<Port> {
  const name = "node:worker_threads";
  const { parentPort } = (await import(/* @vite-ignore */ name)) as {
    parentPort: { postMessage(m: unknown, t?: readonly Transferable[]): void; on(ev: "message", cb: (m: never) => void): void };
  };
  return { post: (m, t) => parentPort.postMessage(m, t), listen: (cb) => parentPort.on("message", cb as (m: never) => void) };
}

/** The transferred input buffers of a task, sent back with its result for reuse. */
function returned(args: unknown[] | undefined, result: unknown): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const keep = ArrayBuffer.isView(result) ? result.buffer : undefined;
  for (const a of args ?? []) {
    if (!ArrayBuffer.isView(a)) continue;
    const b = a.buffer;
    if (b instanceof ArrayBuffer && b !== keep && !out.includes(b)) out.push(b);
  }
  return out;
}

// no top-level await: bundlers build workers as classic scripts (Vite's default "iife") too
const web = webPort();
if (web) serve(web);
else void nodePort().then(serve);

function serve(p: Port): void {
  let backend: Backend | undefined;
  let memory: WebAssembly.Memory | undefined;
  const start = async (msg: Message) => {
    const name = msg.backend ?? "js";
    memory = msg.memory;
    backend = name === "js" ? createJsBackend() : await createWasmBackend(name, { memory, region: msg.region });
  };
  p.listen(async (msg) => {
    if (msg.type === "init") {
      try {
        await start(msg);
        p.post({ type: "ready" });
      } catch (e) {
        p.post({ type: "fatal", message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    if (msg.type === "region") {
      try {
        await start({ ...msg, backend: backend?.name, memory });
        p.post({ type: "regioned" });
      } catch (e) {
        p.post({ type: "fatal", message: e instanceof Error ? e.message : String(e) });
      }
      return;
    }
    if (msg.type === "job") {
      p.post(...runJob(msg));
      return;
    }
    if (msg.type !== "task") return;
    try {
      if (!backend) throw new Error("infowasm worker: task before init");
      let result: unknown;
      const t0 = performance.now();
      if (msg.kernel === "__memoryBytes") result = backend.memoryBytes();
      else result = kernelOf(msg.kernel)(...(msg.args ?? []));
      const ms = performance.now() - t0;
      const back = returned(msg.args, result);
      p.post({ type: "done", id: msg.id, result, ms, at: performance.timeOrigin + t0, back }, [...transferables(result), ...back]);
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      const back = returned(msg.args, undefined);
      p.post({ type: "fail", id: msg.id, name: err.name, message: err.message, back }, back);
    }
  });

  function kernelOf(name: string | undefined): (...a: unknown[]) => unknown {
    const fn = (backend as unknown as Record<string, unknown>)[name ?? ""];
    if (typeof fn !== "function") throw new TypeError(`infowasm worker: no kernel ${String(name)}`);
    return (fn as (...a: unknown[]) => unknown).bind(backend);
  }

  /** A shared-memory job: tasks from the front of the job's range until none is left; one message back. */
  function runJob(msg: Message): [unknown, Transferable[]] {
    const tasks = msg.tasks ?? [];
    const results: [number, unknown][] = [];
    const transfer: Transferable[] = [];
    let error: { name: string; message: string; bytes?: number } | undefined;
    const got = performance.timeOrigin + performance.now();
    let busy = 0;
    try {
      if (!backend || !memory) throw new Error("infowasm worker: job before init");
      const fn = kernelOf(msg.kernel);
      const ctl = new Int32Array(memory.buffer, msg.ctl ?? 0, CTL.words);
      for (;;) {
        const i = takeFront(ctl);
        if (i < 0) break;
        // wait until the calling thread has copied this task's input
        for (let pub = Atomics.load(ctl, CTL.published); pub <= i; pub = Atomics.load(ctl, CTL.published)) Atomics.wait(ctl, CTL.published, pub);
        if (Atomics.load(ctl, CTL.abort)) break;
        const t = performance.now();
        const r = fn(...tasks[i].map((a) => taskArg(memory!, a)));
        busy += performance.now() - t;
        results.push([i, r]);
        transferables(r, transfer);
      }
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      error = { name: err.name, message: err.message, bytes: (err as { bytes?: number }).bytes };
      if (memory) {
        // the other threads stop taking tasks
        const ctl = new Int32Array(memory.buffer, msg.ctl ?? 0, CTL.words);
        Atomics.store(ctl, CTL.abort, 1);
      }
    }
    return [{ type: "jobdone", id: msg.id, results, error, got, busy }, transfer];
  }
}
