/**
 * The second pass: the plans' scan expressions streamed from DuckDB chunk by chunk (2048 rows) and
 * gathered into batches of `batchRows` rows, one Float64Array per column (NaN where missing). The
 * batch buffers are allocated once and reused: a batch is valid until the next one is asked for,
 * so memory stays flat whatever the file's length.
 */
import type { DuckDBVector } from "@duckdb/node-api";
import { CliError, oneLine } from "./errors.js";
import type { Plan } from "./plan.js";
import type { Progress } from "./progress.js";
import type { Source } from "./source.js";

export interface Batch {
  /** Rows in this batch. */
  rows: number;
  /** One column per plan, `rows` long (views of the reused buffers). */
  cols: Float64Array[];
}

export interface ScanOptions {
  /** Rows per batch (default 65536). */
  batchRows?: number;
  /** Keep the file's row order (needed when the result depends on it; counts do not). */
  ordered?: boolean;
  progress: Progress;
  /** Rows in the file (from the first pass), for the progress bar. */
  total: number;
  label?: string;
}

/**
 * The values of a DOUBLE vector. `@duckdb/node-api` keeps them in a Float64Array it does not
 * publish (`items`, a copy of the chunk's data); read it when it is there, else value by value.
 */
function doubles(v: DuckDBVector, out: Float64Array, at: number, from: number, count: number): void {
  const items = (v as unknown as { items?: unknown }).items;
  if (items instanceof Float64Array) out.set(items.subarray(from, from + count), at);
  else for (let i = 0; i < count; i++) out[at + i] = (v.getItem(from + i) as number | null) ?? NaN;
}

export async function* scan(src: Source, plans: Plan[], o: ScanOptions): AsyncGenerator<Batch> {
  const B = o.batchRows ?? 65536;
  const buffers = plans.map(() => new Float64Array(B));
  await src.run(`SET preserve_insertion_order = ${o.ordered ? "true" : "false"}`);
  const result = await src.stream(`SELECT ${plans.map((p) => p.expr).join(", ")} FROM ${src.from}`);
  o.progress.phase(o.label ?? "counting", o.total);
  let done = 0;
  let fill = 0;
  for (;;) {
    let chunk;
    try {
      chunk = await result.fetchChunk();
    } catch (e) {
      throw new CliError(`${src.path}: ${oneLine(e)}`);
    }
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    const vectors = plans.map((_, j) => chunk.getColumnVector(j));
    for (let from = 0; from < n; ) {
      const take = Math.min(n - from, B - fill);
      for (let j = 0; j < plans.length; j++) doubles(vectors[j], buffers[j], fill, from, take);
      fill += take;
      from += take;
      if (fill === B) {
        yield { rows: B, cols: buffers };
        done += B;
        fill = 0;
        o.progress.update(done);
      }
    }
  }
  if (fill > 0) {
    yield { rows: fill, cols: buffers.map((b) => b.subarray(0, fill)) };
    done += fill;
  }
  o.progress.end(done);
}

/** Every row of the plans' columns, in the file's order (for the estimators that need all samples: kNN, the tests). */
export async function load(src: Source, plans: Plan[], o: ScanOptions): Promise<Float64Array[]> {
  const out = plans.map(() => new Float64Array(o.total));
  let at = 0;
  for await (const b of scan(src, plans, { ...o, ordered: true, label: o.label ?? "loading" })) {
    if (at + b.rows > o.total) throw new CliError(`${src.path} changed while it was read`);
    b.cols.forEach((c, j) => out[j].set(c, at));
    at += b.rows;
  }
  return out;
}

/** The rows (indices) where every column is present, not NaN: for the estimators that take no missing values. */
export function completeRows(cols: Float64Array[], n: number): Int32Array {
  const keep = new Int32Array(n);
  let m = 0;
  next: for (let r = 0; r < n; r++) {
    for (let j = 0; j < cols.length; j++) if (cols[j][r] !== cols[j][r]) continue next;
    keep[m++] = r;
  }
  return keep.subarray(0, m);
}
