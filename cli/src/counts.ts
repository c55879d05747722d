/**
 * The counts a pass accumulates, batch by batch, in the library's mergeable states: a
 * `Histogram2D` per pair of columns (a labels column is an axis of unit bins over its codes
 * [0, C]), a `Contingency` when both columns are labels, and a 1-D histogram per column for
 * entropies. Equal to one call over the whole columns: `Histogram2D` with fixed edges counts each
 * batch exactly as `histogram2d` counts the whole, and the library's counts add exactly.
 *
 * A row counts for a pair when both of its cells are present; a batch with missing cells is
 * compacted into two scratch buffers first (allocated once).
 */
import type { Contingency, EntropyEstimator, Engine, Histogram2D, Base } from "infowasm";
import type { Plan } from "./plan.js";
import type { Batch } from "./scan.js";

export interface MeasureOptions {
  estimator: EntropyEstimator;
  base: Base;
}

function hasMissing(x: Float64Array): boolean {
  for (let i = 0; i < x.length; i++) if (x[i] !== x[i]) return true;
  return false;
}

export class PairCounts {
  readonly #states: (Histogram2D | Contingency)[];
  readonly #n: number[];
  readonly #sa: Float64Array;
  readonly #sb: Float64Array;

  constructor(
    it: Engine,
    private readonly plans: Plan[],
    readonly pairs: readonly (readonly [number, number])[],
    batchRows: number,
  ) {
    this.#states = pairs.map(([a, b]) => {
      const A = plans[a];
      const B = plans[b];
      if (A.labels && B.labels) return it.createContingency();
      return it.createHistogram2D({ binsX: A.bins, rangeX: A.range, binsY: B.bins, rangeY: B.range });
    });
    this.#n = pairs.map(() => 0);
    this.#sa = new Float64Array(batchRows);
    this.#sb = new Float64Array(batchRows);
  }

  add(batch: Batch): void {
    const missing = batch.cols.map((c, j) => this.plans[j].missing > 0 && hasMissing(c));
    this.pairs.forEach(([a, b], p) => {
      let x = batch.cols[a];
      let y = batch.cols[b];
      let m = batch.rows;
      if (missing[a] || missing[b]) {
        m = 0;
        for (let i = 0; i < batch.rows; i++) {
          const u = x[i];
          const v = y[i];
          if (u === u && v === v) {
            this.#sa[m] = u;
            this.#sb[m++] = v;
          }
        }
        x = this.#sa.subarray(0, m);
        y = this.#sb.subarray(0, m);
      }
      if (m === 0) return;
      this.#states[p].update(x, y);
      this.#n[p] += m;
    });
  }

  /** Rows counted for pair p (both cells present). */
  n(p: number): number {
    return this.#n[p];
  }

  /** I(a; b) of pair p: the plug-in MI of its table, or by `estimator` (Ĥ(A) + Ĥ(B) − Ĥ(A, B)). */
  mutualInformation(p: number, o: MeasureOptions): number {
    const [a, b] = this.pairs[p];
    if (this.#n[p] === 0) throw new RangeError(`columns ${JSON.stringify(this.plans[a].column.name)} and ${JSON.stringify(this.plans[b].column.name)} have no row where both are present`);
    return this.#states[p].mutualInformation({ estimator: o.estimator, base: o.base });
  }
}

/** Per column: the counts of its bins (or classes), for its entropy. */
export class ColumnCounts {
  readonly #counts: Float64Array[];
  readonly #scratch: Float64Array;

  constructor(
    private readonly it: Engine,
    private readonly plans: Plan[],
    batchRows: number,
  ) {
    this.#counts = plans.map((p) => new Float64Array(p.bins));
    this.#scratch = new Float64Array(batchRows);
  }

  add(batch: Batch): void {
    this.plans.forEach((p, j) => {
      let x = batch.cols[j];
      if (p.missing > 0 && hasMissing(x)) {
        let m = 0;
        for (let i = 0; i < batch.rows; i++) if (x[i] === x[i]) this.#scratch[m++] = x[i];
        x = this.#scratch.subarray(0, m);
      }
      if (x.length === 0) return;
      const { counts } = this.it.histogram(x, { bins: p.bins, range: p.range });
      const acc = this.#counts[j];
      for (let k = 0; k < acc.length; k++) acc[k] += counts[k];
    });
  }

  /** The counts of column j (bins in order; for labels, classes in code order). */
  counts(j: number): Float64Array {
    return this.#counts[j];
  }

  /** Ĥ of column j's counts; K = its bins (empty ones included) or its classes. */
  entropy(j: number, o: MeasureOptions): number {
    return this.it.entropyCounts(this.#counts[j], { estimator: o.estimator, bins: this.plans[j].bins, base: o.base });
  }
}
