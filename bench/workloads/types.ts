import type { Engine } from "../../src/engine.js";
import { rng } from "../random.js";

export { rng };

/** One benchmark workload of BENCH.md: the same input timed on every backend. */
export interface Workload<I = unknown> {
  /** Begins with the workload id of BENCH.md and a space, e.g. "W1 entropy 1000x1000 f64". */
  name: string;
  /** Elements counted per operation (for elements/s). */
  elements: number;
  /** Builds the input from a fixed seed; runs outside the timed region. */
  setup(): I;
  /** One timed operation: copying into WASM memory is inside it, as a user pays it. */
  run(engine: Engine, input: I): unknown;
  /** Optional: the input as one engine sees it (e.g. zero-copy arrays in its memory), built outside the timing. */
  perEngine?(engine: Engine, input: I): unknown;
  /** Optional: frees what perEngine made. */
  release?(engine: Engine, input: unknown): void;
  /**
   * Optional: competitors timed in the same rounds as the backends (no engine), reported as rows
   * whose `backend` is the key ("handwritten", "ml-distance"), so a ratio is read from one run.
   */
  peers?: Record<string, (input: I) => unknown>;
  /**
   * Optional, for operations that last hundreds of ms: tinybench settings per round in place of
   * run.ts's (`--time`, 3 iterations, 200 ms / 16 iterations of warm-up), e.g. `{ time: 0,
   * iterations: 1, warmupTime: 0, warmupIterations: 1 }` = one warm-up and one timed call per
   * backend and round (the median is then over the rounds). Such a workload warms up in the
   * first round only (the later rounds run on warm code).
   */
  bench?: { time?: number; iterations?: number; warmupTime?: number; warmupIterations?: number };
  /**
   * Optional: the call as `it.parallel` makes it (`--threads`, bench/threads.ts), e.g.
   * `(e, x) => e.parallel.mutualInfoRegression(x.X, x.y)`; without it the pool runs `run` through
   * `e.parallel.run`.
   */
  parallel?(engine: Engine, input: I): Promise<unknown>;
  /**
   * Optional: one point of a size series (`series` names it, `n` is the problem size), after which
   * run.ts prints time / (n log2 n) per backend and peer, relative to the smallest n: flat when
   * the cost grows as n log n.
   */
  scaling?: { series: string; n: number };
}

/** n positive weights in (0, 1], from a fixed seed. */
export function positive<T extends Float64Array | Float32Array>(Ctor: { new (n: number): T }, n: number, seed: number): T {
  const r = rng(seed);
  const out = new Ctor(n);
  for (let i = 0; i < n; i++) out[i] = 1 - r();
  return out;
}
