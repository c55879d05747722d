/**
 * How each batched kernel is cut into tasks for the worker pool and how the tasks' results are
 * put back together. Kernels return raw sums per row (or per element range), so the pieces
 * combine exactly up to summation order: rows are split into row ranges (results concatenated),
 * a few long rows into segments (fields combined by sum, min or max), sample kernels into
 * element ranges (counts added).
 *
 * Adding a kernel to the pool is one line in SPLITTERS: the argument kinds of its signature in
 * src/backend.ts and how its fields combine. Kernels not listed run on the calling thread.
 */

import { concat, isShared } from "../buffers.js";

export type FieldOp = "sum" | "min" | "max";

/** A typed-array argument cut to [i0, i1) of `src`: the pool shares or copies it for the worker. */
export class Slice {
  constructor(
    readonly src: Float64Array | Float32Array | Int32Array | Uint32Array,
    readonly i0: number,
    readonly i1: number,
  ) {}
}

export interface Plan {
  /** Arguments of each task (Slices for array data). */
  tasks: unknown[][];
  /** The kernel's result from the tasks' results, in task order. */
  merge(results: unknown[]): unknown;
}

/**
 * Cuts one kernel call for `threads` computing threads into tasks of at least `minTask`
 * elements, or null. `inPlace`: the pool computes on one shared memory (nothing is transferred
 * per task; threads take tasks as they free up): row kernels are cut finer
 * (TASKS_PER_THREAD_IN_PLACE per thread, for balance), kernels with a per-task table cost take
 * their per-thread share. Otherwise a staged input is cut into TASKS_PER_WORKER per worker.
 */
export type Splitter = (args: unknown[], threads: number, minTask: number, inPlace?: boolean) => Plan | null;

/** Tasks per thread of a row kernel on one shared memory. */
export const TASKS_PER_THREAD_IN_PLACE = 8;

/**
 * Argument kinds of a row kernel: `op` a rows×cols operand; `rows`, `cols` the shape; `ctxN` a
 * Float64Array of N values per row; `wrow` one row of cols values shared by every row; `g` a
 * rows×cols operand or one shared row of cols values; `const` passed unchanged.
 */
export type ArgKind = "op" | "rows" | "cols" | "ctx1" | "ctx2" | "wrow" | "g" | "const";

/** Tasks per worker the pool offers a splitter: several, so a worker slowed by other load gets fewer. */
export const TASKS_PER_WORKER = 4;

/** Segment boundaries are multiples of this (even, so the even/odd sums keep their parity). */
const SEGMENT_ALIGN = 1024;

type Arr = Float64Array | Float32Array | Int32Array | Uint32Array;


/**
 * Tasks for one call: inputs that must be staged (copied into shared memory) are cut finer, so
 * the copy overlaps the work (TASKS_PER_WORKER per worker); inputs already in shared memory take
 * `sharedPerWorker` per worker (fewer messages; 2 keeps some balance on a busy machine).
 */
function taskBudget(kinds: readonly string[], args: unknown[], threads: number, sharedPerWorker: number): number {
  const staged = kinds.some((k, i) => (k === "op" || k === "g") && !isShared((args[i] as Arr).buffer));
  return staged ? threads * TASKS_PER_WORKER : Math.max(1, threads * sharedPerWorker);
}

function fieldOps(spec: string): FieldOp[] {
  return spec.split(" ") as FieldOp[];
}

/** Combines per-task field vectors of equal width, in task order. */
function combineFields(parts: Float64Array[], ops: readonly FieldOp[], out: Float64Array, at: number): void {
  for (let f = 0; f < ops.length; f++) {
    const op = ops[f];
    let v = op === "sum" ? 0 : op === "min" ? Infinity : -Infinity;
    for (const p of parts) {
      const x = p[f];
      if (op === "sum") v += x;
      else if (op === "min") v = x < v ? x : v;
      else v = x > v ? x : v;
    }
    out[at + f] = v;
  }
}

/**
 * A row kernel `name(...args)` → Float64Array of `fields` values per row. `fields` names how a
 * field combines across segments of a row ("sum min …"); null: rows are never segmented.
 */
export function rowKernel(kinds: readonly ArgKind[], fields: string | null): Splitter {
  const ops = fields ? fieldOps(fields) : null;
  const iRows = kinds.indexOf("rows");
  const iCols = kinds.indexOf("cols");
  return (args, threads, minTask, inPlace) => {
    const rows = args[iRows] as number;
    const cols = args[iCols] as number;
    const n = rows * cols;
    const budget = inPlace ? threads * TASKS_PER_THREAD_IN_PLACE : taskBudget(kinds, args, threads, 2);
    const tasks = Math.min(budget, Math.floor(n / minTask));
    if (tasks < 1 || n < 2 * minTask) return null;
    const rowTasks = rows >= tasks ? tasks : ops ? 0 : Math.min(rows, tasks);
    if (rowTasks >= 1) {
      // row ranges, results concatenated
      const per = Math.ceil(rows / rowTasks);
      const ranges: [number, number][] = [];
      for (let r0 = 0; r0 < rows; r0 += per) ranges.push([r0, Math.min(rows, r0 + per)]);
      return {
        tasks: ranges.map(([r0, r1]) =>
          kinds.map((k, i) => {
            const a = args[i];
            switch (k) {
              case "op":
                return new Slice(a as Arr, r0 * cols, r1 * cols);
              case "g":
                return (a as Arr).length === cols ? new Slice(a as Arr, 0, cols) : new Slice(a as Arr, r0 * cols, r1 * cols);
              case "rows":
                return r1 - r0;
              case "ctx1":
                return new Slice(a as Arr, r0, r1);
              case "ctx2":
                return new Slice(a as Arr, 2 * r0, 2 * r1);
              case "wrow":
                return new Slice(a as Arr, 0, cols);
              default:
                return a;
            }
          }),
        ),
        merge: (results) => concat(results as Float64Array[], (n) => new Float64Array(n)),
      };
    }
    if (!ops) return null;
    // a few long rows: each cut into segments whose fields combine
    const segs = Math.max(2, Math.floor(tasks / rows));
    const step = Math.ceil(cols / segs / SEGMENT_ALIGN) * SEGMENT_ALIGN;
    const bounds: [number, number][] = [];
    for (let c0 = 0; c0 < cols; c0 += step) bounds.push([c0, Math.min(cols, c0 + step)]);
    const list: unknown[][] = [];
    for (let r = 0; r < rows; r++)
      for (const [c0, c1] of bounds)
        list.push(
          kinds.map((k, i) => {
            const a = args[i];
            switch (k) {
              case "op":
                return new Slice(a as Arr, r * cols + c0, r * cols + c1);
              case "g":
                return (a as Arr).length === cols ? new Slice(a as Arr, c0, c1) : new Slice(a as Arr, r * cols + c0, r * cols + c1);
              case "rows":
                return 1;
              case "cols":
                return c1 - c0;
              case "ctx1":
                return new Slice(a as Arr, r, r + 1);
              case "ctx2":
                return new Slice(a as Arr, 2 * r, 2 * r + 2);
              case "wrow":
                return new Slice(a as Arr, c0, c1);
              default:
                return a;
            }
          }),
        );
    return {
      tasks: list,
      merge(results) {
        const parts = results as Float64Array[];
        const out = new Float64Array(rows * ops.length);
        for (let r = 0; r < rows; r++) combineFields(parts.slice(r * bounds.length, (r + 1) * bounds.length), ops, out, r * ops.length);
        return out;
      },
    };
  };
}

/**
 * A kernel over samples `name(...args)` whose `op` arguments are equally long vectors cut into
 * element ranges; `merge` puts the per-range results together.
 */
export function sampleKernel(kinds: readonly ("op" | "const")[], merge: (results: unknown[]) => unknown, perWorker = 2, inPlaceRule?: InPlaceRule): Splitter {
  const first = kinds.indexOf("op");
  return (args, threads, minTask, inPlace) => {
    const n = (args[first] as Arr).length;
    let per = perWorker;
    if (inPlace && inPlaceRule) {
      const rule = inPlaceRule(args);
      // a kernel cheaper per element than the copy into shared memory: faster on the calling thread
      if (rule === "local" && kinds.some((k, i) => k === "op" && !isShared((args[i] as Arr).buffer))) return null;
      if (typeof rule === "number") per = rule;
    }
    const budget = inPlace ? threads * per : taskBudget(kinds, args, threads, perWorker);
    const tasks = Math.min(budget, Math.floor(n / minTask));
    if (tasks < 1 || n < 2 * minTask) return null;
    const step = Math.ceil(n / tasks / SEGMENT_ALIGN) * SEGMENT_ALIGN;
    const list: unknown[][] = [];
    for (let i0 = 0; i0 < n; i0 += step) {
      const i1 = Math.min(n, i0 + step);
      list.push(kinds.map((k, i) => (k === "op" ? new Slice(args[i] as Arr, i0, i1) : args[i])));
    }
    return { tasks: list, merge };
  };
}

/**
 * How a sample kernel splits on one shared memory, from its arguments: tasks per thread, or
 * "local" when an input that must be copied into shared memory first costs more than the kernel
 * itself (it then runs on the calling thread).
 */
export type InPlaceRule = (args: unknown[]) => number | "local";

/** Histogram tasks per thread in place: 4 (the first task starts sooner) while the count table is small; 1 for large tables (each task zeroes and returns its own). */
function histogramTasks(...specs: number[]): InPlaceRule {
  return (args) => (specs.reduce((cells, i) => cells * (args[i] as { n: number }).n, 1) <= 1 << 16 ? 4 : 1);
}

/** Fields of equal-width Float64Array results combined by `spec` ("min max sum"). */
function fieldsMerge(spec: string): (results: unknown[]) => Float64Array {
  const ops = fieldOps(spec);
  return (results) => {
    const out = new Float64Array(ops.length);
    combineFields(results as Float64Array[], ops, out, 0);
    return out;
  };
}

/** Histogram counts `{ counts, bad }` added cell by cell (exact: integer counts in f64). */
function countsMerge(results: unknown[]): { counts: Float64Array; bad: number } {
  const parts = results as { counts: Float64Array; bad: number }[];
  let bad = 0;
  for (const p of parts) bad += p.bad;
  return { counts: sumMerge(parts.map((p) => p.counts)), bad };
}

/** Typed arrays of one element type, concatenated in order. */
function concatMerge(results: unknown[]): unknown {
  const parts = results as (Float64Array | Int32Array)[];
  return parts[0] instanceof Int32Array ? concat(parts as Int32Array[], (n) => new Int32Array(n)) : concat(parts as Float64Array[], (n) => new Float64Array(n));
}

/**
 * A kernel over a range [lo, hi) of queries or columns (the two arguments at `range`): one task
 * per worker, each a contiguous sub-range; the arguments `whole` are passed entire to every task,
 * those in `sliced` are indexed by the range (`width` values per unit) and cut to it. Each task
 * rebuilds its search structure, so the split pays when the range is long (`minUnits` per task);
 * with `fine`, units are independent (a column each), and on one shared memory (where the whole
 * arguments are placed once for every task) tasks go down to one unit, for balance.
 * Results are concatenated: the same values as one call.
 */
export function rangeKernel(range: number, whole: readonly number[], sliced: readonly number[], minUnits: number, fine = false, merge: (results: unknown[]) => unknown = concatMerge): Splitter {
  return (args, threads, _minTask, inPlace) => {
    const lo = args[range] as number;
    const hi = args[range + 1] as number;
    // `fine` in place: units are independent (columns) and the whole arguments are shared, so
    // tasks as small as one unit cost nothing extra; else one task per thread (each rebuilds its
    // search structure, and on the transfer path each copies the whole arguments)
    const tasks = Math.min(fine && inPlace ? threads * TASKS_PER_WORKER : threads, Math.floor((hi - lo) / minUnits));
    if (tasks < 2) return null;
    const per = Math.ceil((hi - lo) / tasks);
    const list: unknown[][] = [];
    for (let a = lo; a < hi; a += per) {
      const b = Math.min(hi, a + per);
      list.push(
        args.map((v, i) => {
          if (i === range) return a;
          if (i === range + 1) return b;
          if (whole.includes(i)) return new Slice(v as Arr, 0, (v as Arr).length);
          if (sliced.includes(i)) return new Slice(v as Arr, a - lo, b - lo);
          return v;
        }),
      );
    }
    return { tasks: list, merge };
  };
}

/** Float64Arrays of equal length added element by element (exact for integer counts). */
function sumMerge(results: unknown[]): Float64Array {
  const parts = results as Float64Array[];
  const out = parts[0].slice();
  for (let k = 1; k < parts.length; k++) for (let i = 0; i < out.length; i++) out[i] += parts[k][i];
  return out;
}

/** `byRows` for a batch of several rows (the `rows` argument at `iRows`), else `single` (one long row). */
function rowsOr(iRows: number, byRows: Splitter, single: Splitter): Splitter {
  return (args, ...rest) => ((args[iRows] as number) > 1 ? byRows(args, ...rest) : single(args, ...rest));
}

/** Every kernel the pool runs: name → how it splits (see src/backend.ts for the signatures). */
export const SPLITTERS: Record<string, Splitter> = {
  // discrete (src/discrete.ts)
  entropyRows: rowKernel(["op", "rows", "cols"], "sum sum min"),
  crossEntropyRows: rowKernel(["op", "op", "rows", "cols"], "sum sum sum min min sum"),
  klRows: rowKernel(["op", "op", "rows", "cols"], "sum sum sum min min sum"),
  jsRows: rowKernel(["op", "op", "rows", "cols", "ctx2"], "sum"),
  sumRows: rowKernel(["op", "rows", "cols"], "sum min"),
  // grids (src/integrate.ts, src/grid.ts)
  sumEvenOddRows: rowKernel(["op", "rows", "cols"], "sum sum"),
  dotRows: rowKernel(["op", "rows", "cols", "wrow"], "sum"),
  gridEntropyRows: rowKernel(["op", "rows", "cols", "wrow", "ctx2"], "sum sum min"),
  gridCrossRows: rowKernel(["op", "g", "rows", "cols", "wrow", "ctx2"], "sum sum sum min min sum"),
  gridKlRows: rowKernel(["op", "g", "rows", "cols", "wrow", "ctx2"], "sum sum sum min min sum"),
  gridJsRows: rowKernel(["op", "g", "rows", "cols", "wrow", "ctx2"], "sum sum sum min min sum"),
  // histogram (src/histogram.ts)
  // min/max reads an element in less time than copying it into shared memory takes
  minMax: sampleKernel(["op"], fieldsMerge("min max sum"), 2, () => "local"),
  // shared input: one task per worker (each histogram call zeroes and sums its own tables)
  histogram1d: sampleKernel(["op", "const"], countsMerge, 1, histogramTasks(1)),
  histogram2d: sampleKernel(["op", "op", "const", "const"], countsMerge, 1, histogramTasks(2, 3)),
  // losses (src/losses.ts): log-sum-exp rows split by rows only (segments would need rescaling by the max)
  lseRows: rowKernel(["op", "rows", "cols", "const"], null),
  targetDotRows: rowKernel(["op", "op", "rows", "cols"], "sum sum min"),
  gaussKlRows: rowKernel(["op", "op", "rows", "cols"], "sum"),
  // kNN (src/knn.ts): query rows or columns across the workers
  knnDistances: rangeKernel(6, [0], [], 4096),
  knnCross: rangeKernel(7, [0, 2], [], 4096),
  countWithin: rangeKernel(4, [0], [3], 4096),
  ksgColumns: rangeKernel(5, [0, 3], [], 1, true),
  rossColumns: rangeKernel(6, [0, 3, 5], [], 1, true),
  // divergences (src/divergences.ts)
  powerRows: rowKernel(["op", "rows", "cols", "ctx2"], "sum sum min sum"),
  hellingerRows: rowKernel(["op", "op", "rows", "cols", "ctx2"], "sum sum sum"),
  bcRawRows: rowKernel(["op", "op", "rows", "cols"], "sum sum sum min min"),
  chiRawRows: rowKernel(["op", "op", "rows", "cols"], "sum sum sum min min sum"),
  chiSquareRows: rowKernel(["op", "op", "rows", "cols", "ctx2"], "sum sum"),
  renyiDivRows: rowKernel(["op", "op", "rows", "cols", "ctx2"], "sum sum min sum"),
  // permutation tests and bootstrap (src/resampling.ts): permutations or resamples across the workers (each draws from its own stream)
  permutationSums: rangeKernel(6, [0, 1, 4, 5], [], 4, true),
  tableSums: rangeKernel(5, [0, 1, 2, 3, 4], [], 16, true),
  multinomialCounts: rangeKernel(4, [0, 1, 2, 3], [], 16, true),
  bootstrapCounts: rangeKernel(3, [0, 2], [], 4, true),
  // many variables (src/multivariate.ts): pair tables of the MI matrix, ranges of pairs across the workers
  pairTables: rangeKernel(4, [0, 2, 3], [], 1, true),
  // time series (src/dynamics.ts): history tables of ranges of (target, source) pairs across the workers
  historyCounts: rangeKernel(8, [0, 4], [], 1, true),
  // decision-tree splits (src/trees.ts): columns across the workers
  bestSplitColumns: rangeKernel(8, [0, 3, 5], [], 1, true),
  // time-series complexity (src/complexity.ts): rows of a batch; one long series by ranges of its sorted templates (counts added)
  ordinalCountsRows: rowKernel(["op", "rows", "cols", "const", "const"], null),
  templateMatches: rowsOr(1, rowKernel(["op", "rows", "cols", "const", "ctx1", "const", "const", "const"], null), rangeKernel(6, [0, 4], [], 2048, true, sumMerge)),
};
