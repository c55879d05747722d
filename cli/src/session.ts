/**
 * What every command starts from: the options, the file opened through DuckDB, the engine
 * (`init({ backend })`) and the progress bar; and the estimates they share: MI of pairs of columns
 * by one streamed pass (histogram and label counts), and by kNN over the loaded columns.
 */
import { init, type Engine } from "infowasm";
import { ColumnCounts, PairCounts } from "./counts.js";
import { usage } from "./errors.js";
import type { Options } from "./options.js";
import { planColumns, type Plan, type Planned } from "./plan.js";
import { Progress } from "./progress.js";
import { completeRows, load, scan } from "./scan.js";
import { Source, type Column } from "./source.js";

export interface Session {
  o: Options;
  src: Source;
  it: Engine;
  progress: Progress;
}

export async function openSession(o: Options): Promise<Session> {
  const src = await Source.open(o.file, { input: o.input, threads: o.threads, memoryLimit: o.memoryLimit });
  try {
    const it = await init({ backend: o.backend });
    const err = process.stderr;
    const progress = new Progress({ enabled: !o.quiet && (o.progress || err.isTTY === true), inPlace: err.isTTY === true, out: err });
    return { o, src, it, progress };
  } catch (e) {
    src.close();
    throw e;
  }
}

export function closeSession(s: Session): void {
  s.src.close();
  s.it.close();
}

/** The first pass for these columns under the session's options. */
export function plan(s: Session, columns: Column[]): Promise<Planned> {
  const { o } = s;
  return planColumns(s.src, columns, { method: o.method, bins: o.bins, asLabels: o.asLabels, maxLabels: o.maxLabels, progress: s.progress });
}

export interface PairResult {
  /** The estimate, in the session's units. */
  mi: number;
  /** Rows used (both cells present). */
  rows: number;
}

/**
 * MI of each pair of planned columns by one streamed pass (method "hist" or "labels"); with
 * `entropies`, also each column's entropy from the same pass.
 */
export async function streamPairs(s: Session, planned: Planned, pairs: [number, number][], entropies = false): Promise<{ pairs: PairResult[]; entropy: number[] }> {
  const { o, it } = s;
  const counts = new PairCounts(it, planned.plans, pairs, o.batchRows);
  const single = entropies ? new ColumnCounts(it, planned.plans, o.batchRows) : null;
  for await (const b of scan(s.src, planned.plans, { batchRows: o.batchRows, progress: s.progress, total: planned.rows })) {
    counts.add(b);
    single?.add(b);
  }
  const m = { estimator: o.estimator, base: o.base };
  return {
    pairs: pairs.map((_, p) => ({ mi: counts.mutualInformation(p, m), rows: counts.n(p) })),
    entropy: single ? planned.plans.map((_, j) => single.entropy(j, m)) : [],
  };
}

/**
 * scikit-learn's kNN MI of each feature with the target (`mutualInfoRegression` for a numeric
 * target, `mutualInfoClassif` for labels; labels features are its discrete features): the columns
 * are loaded and the rows with any cell missing left out (scikit-learn takes no missing values).
 */
export async function knnAgainst(s: Session, planned: Planned, features: number[], target: number): Promise<PairResult[]> {
  const { o, it } = s;
  const used = [...features, target].map((j) => planned.plans[j]);
  const cols = await load(s.src, used, { batchRows: o.batchRows, progress: s.progress, total: planned.rows });
  const d = features.length;
  const keep = completeRows(cols, planned.rows);
  const n = keep.length;
  if (n < o.k + 1) throw usage(`--method knn: only ${n} rows have every column present; k = ${o.k} needs at least ${o.k + 1}`);
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = keep[i];
    for (let j = 0; j < d; j++) X[i * d + j] = cols[j][r];
    y[i] = cols[d][r];
  }
  const discrete = features.filter((j) => planned.plans[j].labels).map((j) => features.indexOf(j));
  const opts = { k: o.k, seed: o.seed, base: o.base, discreteFeatures: discrete };
  const M = { data: X, rows: n, cols: d };
  const mi = planned.plans[target].labels ? it.mutualInfoClassif(M, y, opts) : it.mutualInfoRegression(M, y, opts);
  return Array.from(mi, (v) => ({ mi: v, rows: n }));
}

/** A plan's kind, as printed. */
export const kindOf = (p: Plan) => (p.labels ? "labels" : "numbers");

/** How the estimates are made, as the tables and the report say it. */
export function methodText(o: Options): string {
  if (o.method === "knn") return `kNN (scikit-learn's mutual_info_*, k = ${o.k})`;
  const est = o.estimator === "plugin" ? "" : `, ${o.estimator}`;
  return o.method === "labels" ? `label counts${est}` : `histogram, bins ${o.bins}${est}`;
}
