/**
 * `infowasm rank FILE --target COL`: the MI of every other column with the target, highest first
 * — the file counterpart of `it.mutualInformationColumns(X, y, { bins })` (method "hist"),
 * `mutualInformationLabels` per column ("labels") and scikit-learn's `mutual_info_classif` /
 * `mutual_info_regression` (`it.mutualInfoClassif` / `mutualInfoRegression`, "knn").
 * `mi FILE --x A --y B` is the same estimate for one pair.
 */
import { usage } from "../errors.js";
import { fixed, renderBars } from "../heatmap.js";
import { list, required, type Options } from "../options.js";
import { emit, grouped, useColor } from "../output.js";
import { closeSession, kindOf, knnAgainst, methodText, openSession, plan, streamPairs, type PairResult, type Session } from "../session.js";
import type { Column } from "../source.js";
import type { Planned } from "../plan.js";

/** MI of each feature with the target: plans features first, the target last. */
async function scores(s: Session, features: Column[], target: Column): Promise<{ planned: Planned; results: PairResult[] }> {
  const planned = await plan(s, [...features, target]);
  const t = features.length;
  const idx = features.map((_, j) => j);
  if (s.o.method === "knn") return { planned, results: await knnAgainst(s, planned, idx, t) };
  const { pairs } = await streamPairs(s, planned, idx.map((j) => [j, t]));
  return { planned, results: pairs };
}

export async function rank(o: Options): Promise<void> {
  const targetName = required(o, "target");
  const top = o.values.top === undefined ? Infinity : Number(o.values.top);
  if (!(Number.isSafeInteger(top) || top === Infinity) || top < 1) throw usage(`--top must be an integer ≥ 1; got "${String(o.values.top)}"`);
  const s = await openSession(o);
  try {
    const target = s.src.column(targetName, "--target");
    const excluded = new Set(list(o.values.exclude).map((n) => s.src.column(n, "--exclude").name));
    const features = s.src.columns.filter((c) => c !== target && !excluded.has(c.name));
    if (features.length === 0) throw usage(`rank: no column to rank besides the target ${JSON.stringify(target.name)}`);
    const { planned, results } = await scores(s, features, target);
    const rows = features
      .map((c, j) => ({ column: c.name, mi: results[j].mi, rows: results[j].rows, kind: kindOf(planned.plans[j]) }))
      .sort((a, b) => b.mi - a.mi || (a.column < b.column ? -1 : 1))
      .slice(0, top)
      .map((r, i) => ({ rank: i + 1, column: r.column, mi: r.mi, units: o.units, rows: r.rows, missing: planned.rows - r.rows, kind: r.kind }));
    emit(o, {
      json: rows,
      csv: { header: ["rank", "column", "mi", "units", "rows", "missing", "kind"], rows: rows.map((r) => [r.rank, r.column, r.mi, r.units, r.rows, r.missing, r.kind]) },
      text: () => {
        const tp = planned.plans[features.length];
        const head = `I(column; ${target.name}) in ${o.units} · ${methodText(o)} · ${s.src.path}: ${grouped(planned.rows)} rows` +
          (tp.missing > 0 ? `, target missing in ${grouped(tp.missing)}` : "");
        const bars = renderBars(rows.map((r) => ({ column: r.column, value: r.mi })), {
          units: o.units,
          color: useColor(),
          width: process.stdout.columns,
        });
        const partial = rows.filter((r) => r.missing > 0).map((r) => `${r.column} ${grouped(r.rows)}`);
        return `${head}\n${bars.trimEnd()}` + (partial.length > 0 ? `\nrows with both cells present: ${partial.join(", ")}` : "");
      },
    });
  } finally {
    closeSession(s);
  }
}

export async function mi(o: Options): Promise<void> {
  const [xName, yName] = [required(o, "x"), required(o, "y")];
  const s = await openSession(o);
  try {
    const x = s.src.column(xName, "--x");
    const y = s.src.column(yName, "--y");
    if (x === y) throw usage(`mi: --x and --y name the same column; its MI with itself is its entropy: infowasm entropy ${o.file} --column ${JSON.stringify(x.name)}`);
    const { planned, results } = await scores(s, [x], y);
    const r = { x: x.name, y: y.name, mi: results[0].mi, units: o.units, rows: results[0].rows, missing: planned.rows - results[0].rows, method: o.method };
    emit(o, {
      json: r,
      csv: { header: ["x", "y", "mi", "units", "rows", "missing", "method"], rows: [[r.x, r.y, r.mi, r.units, r.rows, r.missing, r.method]] },
      text: () => `I(${x.name}; ${y.name}) = ${fixed(r.mi, 4)} ${o.units} · ${methodText(o)} · ${grouped(r.rows)} rows` + (r.missing > 0 ? ` (${grouped(r.missing)} with a cell missing left out)` : ""),
    });
  } finally {
    closeSession(s);
  }
}
