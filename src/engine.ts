/**
 * The engine: what `init()` returns. Each call validates its arguments, normalises shapes,
 * runs one Backend and shapes the result; nothing here knows which backend runs.
 *
 * This file holds only the engine's own state (backend, pool, zero-copy arrays); every measure
 * is a method of its family's class (src/<family>.ts), registered below in two places: the
 * `interface Engine extends …` list (types and docs) and the `install(Engine, …)` list (the
 * methods themselves). See src/facade.ts.
 */
import type { Backend } from "./backend.js";
import { Parallel } from "./parallel/api.js";
import type { Pool } from "./parallel/pool.js";
import { checkAllocArgs, PlainArrays, type ElementType, type ResidentArray } from "./wasm/resident.js";
import { backendOf, install } from "./facade.js";
import type { BackendName } from "./types.js";
import { DiscreteMethods } from "./discrete.js";
import { LabelMethods } from "./labels.js";
import { HistogramMethods } from "./histogram.js";
import { IntegrateMethods } from "./integrate.js";
import { GridMethods } from "./grid.js";
import { ClosedFormMethods } from "./gaussian.js";
import { MvnMethods } from "./mvn.js";
import { SpacingEntropyMethods } from "./spacings.js";
import { LossMethods } from "./losses.js";
import { MaxEntMethods } from "./maxent.js";
import { KnnMethods } from "./knn.js";
import { ResamplingMethods } from "./resampling.js";
import { EstimatorMethods } from "./estimators.js";
import { MultivariateMethods } from "./multivariate.js";
import { DynamicsMethods } from "./dynamics.js";
import { TreeMethods } from "./trees.js";
import { DivergenceMethods } from "./divergences.js";
import { ChannelMethods } from "./channels.js";
import { CodeMethods } from "./codes.js";
import { ComplexityMethods } from "./complexity.js";

export class Engine {
  #b: Backend | null;

  constructor(backend: Backend) {
    this.#b = backend;
  }

  /** Which implementation runs: `"wasm-simd" | "wasm" | "js"`. */
  get backend(): BackendName {
    return this.be.name;
  }

  private get be(): Backend {
    if (!this.#b) throw new Error("infowasm: this engine is closed; call init() for a new one");
    return this.#b;
  }

  /** @internal The backend, for the family methods (src/facade.ts); throws once the engine is closed. */
  readonly [backendOf] = (): Backend => this.be;

  /** Bytes of WASM memory the engine holds (0 for the js backend); flat across repeated calls. */
  memoryBytes(): number {
    return this.#b ? this.#b.memoryBytes() : 0;
  }

  /** Releases the engine; later calls throw. */
  close(): void {
    this.#pool?.close(); // pending parallel calls reject
    this.#plain?.close();
    this.#b?.close();
    this.#b = null;
  }

  // ---- parallel & zero-copy (src/parallel/, src/wasm/resident.ts) ----

  #pool: Pool | null = null;
  #parallel?: Parallel;
  #plain?: PlainArrays;

  /** @internal Gives the engine its worker pool (init({ threads })); closed with the engine. */
  attachPool(pool: Pool): void {
    this.#pool = pool;
  }

  /**
   * The async API: `await it.parallel.entropy(P)` and the other batched calls, split across the
   * worker pool of `init({ threads })` (on the calling thread when there is no pool or the input
   * is small). Same arguments and results as the synchronous calls.
   */
  get parallel(): Parallel {
    this.#parallel ??= new Parallel(() => this, () => this.be, () => this.#pool);
    return this.#parallel;
  }

  /**
   * A zero-copy input array of n elements living in WASM memory: fill it, pass it to any call,
   * and the kernels read it in place. Valid until `release(view)` or until WASM memory grows
   * (a later allocate(), or the first call needing a larger table, may grow it): a view that
   * was released or detached by growth throws when used; `reattach(view)` gives a live view of
   * the same data. On the js backend: an ordinary array with the same rules.
   */
  allocate(n: number, type: "f32"): Float32Array;
  allocate(n: number, type?: "f64"): Float64Array;
  allocate(n: number, type: "f64" | "f32"): Float64Array | Float32Array;
  allocate(n: number, type: ElementType = "f64"): ResidentArray {
    const t = checkAllocArgs(n, type);
    const heap = this.be.resident;
    if (heap) return heap.allocate(n, t);
    this.#plain ??= new PlainArrays();
    return this.#plain.allocate(n, t);
  }

  /** Frees an array from allocate(); using it (or any view of it) afterwards throws. */
  release(view: Float64Array | Float32Array): void {
    const heap = this.be.resident;
    if (heap) heap.release(view);
    else (this.#plain ??= new PlainArrays()).release(view);
  }

  /** A live view of the same block as `view` (after memory growth detached it); contents are kept. */
  reattach<T extends Float64Array | Float32Array>(view: T): T {
    const heap = this.be.resident;
    return (heap ? heap.reattach(view) : (this.#plain ??= new PlainArrays()).reattach(view)) as T;
  }
}

// ---- the families (src/facade.ts): one line in each list per family ----

export interface Engine
  extends DiscreteMethods,
    LabelMethods,
    HistogramMethods,
    IntegrateMethods,
    GridMethods,
    ClosedFormMethods,
    MvnMethods,
    SpacingEntropyMethods,
    LossMethods,
    MaxEntMethods,
    KnnMethods,
    ResamplingMethods,
    EstimatorMethods,
    MultivariateMethods,
    DynamicsMethods,
    TreeMethods,
    DivergenceMethods,
    ChannelMethods,
    CodeMethods,
    ComplexityMethods {}

install(Engine, [
  DiscreteMethods,
  LabelMethods,
  HistogramMethods,
  IntegrateMethods,
  GridMethods,
  ClosedFormMethods,
  MvnMethods,
  SpacingEntropyMethods,
  LossMethods,
  MaxEntMethods,
  KnnMethods,
  ResamplingMethods,
  EstimatorMethods,
  MultivariateMethods,
  DynamicsMethods,
  TreeMethods,
  DivergenceMethods,
  ChannelMethods,
  CodeMethods,
  ComplexityMethods,
]);
