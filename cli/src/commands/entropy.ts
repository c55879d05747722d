/**
 * `infowasm entropy FILE --column COL`: the entropy of one column. A labels column: Ĥ of its label
 * counts (`it.entropyLabels`; `--estimator`). A numeric column with method "hist": Ĥ of its bin
 * counts (K = the bins, empty ones included), and the histogram estimate of its differential
 * entropy, Ĥ + log(bin width) (the density constant on each bin); with "knn" the
 * Kozachenko–Leonenko estimate (`it.entropyKnn`, Euclidean, k neighbours).
 */
import { usage } from "../errors.js";
import { required, type Options } from "../options.js";
import { fixed } from "../heatmap.js";
import { emit, grouped } from "../output.js";
import { load } from "../scan.js";
import { closeSession, kindOf, openSession, plan, streamPairs } from "../session.js";

export async function entropy(o: Options): Promise<void> {
  const name = required(o, "column");
  const s = await openSession(o);
  try {
    const col = s.src.column(name, "--column");
    const planned = await plan(s, [col]);
    const p = planned.plans[0];
    let h: number;
    let differential: number | null = null;
    if (o.method === "knn") {
      if (p.labels) throw usage(`entropy --method knn needs a numeric column; ${JSON.stringify(col.name)} is read as labels`);
      const [x] = await load(s.src, [p], { batchRows: o.batchRows, progress: s.progress, total: planned.rows });
      const kept = x.filter((v) => v === v);
      if (kept.length <= o.k) throw usage(`entropy --method knn: ${kept.length} values present; k = ${o.k} needs at least ${o.k + 1}`);
      h = s.it.entropyKnn(kept, { k: o.k, base: o.base });
    } else {
      h = (await streamPairs(s, planned, [], true)).entropy[0];
      if (p.edges) differential = h + Math.log((p.range[1] - p.range[0]) / p.bins) / o.lnBase;
    }
    const r = { column: col.name, entropy: h, ...(differential !== null ? { differential } : {}), units: o.units, rows: p.n, missing: p.missing, kind: kindOf(p), method: o.method, ...(p.edges ? { bins: p.bins } : {}) };
    emit(o, {
      json: r,
      csv: { header: ["column", "entropy", "differential", "units", "rows", "missing", "kind", "method", "bins"], rows: [[r.column, r.entropy, differential, r.units, r.rows, r.missing, r.kind, r.method, p.edges ? p.bins : null]] },
      text: () => {
        const what = o.method === "knn" ? "differential entropy (Kozachenko–Leonenko, k = " + o.k + ")" : p.edges ? `entropy of ${p.bins} bins` : `entropy of ${p.bins} labels`;
        let t = `H(${col.name}) = ${fixed(h, 4)} ${o.units} · ${what} · ${grouped(p.n)} values` + (p.missing > 0 ? ` (${grouped(p.missing)} missing)` : "");
        if (differential !== null) t += `\nhistogram estimate of the differential entropy: ${fixed(differential, 4)} ${o.units} (bin width ${((p.range[1] - p.range[0]) / p.bins).toPrecision(6)})`;
        return t;
      },
    });
  } finally {
    closeSession(s);
  }
}
