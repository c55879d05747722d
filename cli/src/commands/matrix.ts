/**
 * `infowasm matrix FILE`: the MI of every pair of columns, d × d, symmetric, in one streamed pass —
 * the file counterpart of `it.mutualInformationMatrix(columns, { method })`. The diagonal is each
 * column's entropy (I(X; X) = H(X)); with "knn" it is ∞ (null in json). A heatmap in the terminal,
 * and with `--html report.html` the demo's plots in one self-contained page (with `--target`, also
 * the ranked bars of MI with that column).
 */
import { writeFileSync } from "node:fs";
import { CliError, oneLine, usage } from "../errors.js";
import { renderHeatmap } from "../heatmap.js";
import { list, type Options } from "../options.js";
import { emit, grouped, useColor } from "../output.js";
import { completeRows, load } from "../scan.js";
import { closeSession, methodText, openSession, plan, streamPairs, type Session } from "../session.js";
import type { Planned } from "../plan.js";

async function knnMatrix(s: Session, planned: Planned): Promise<{ M: Float64Array; rows: number }> {
  const { o } = s;
  const bad = planned.plans.find((p) => p.labels);
  if (bad) throw usage(`matrix --method knn needs numeric columns; ${JSON.stringify(bad.column.name)} is read as labels (leave it out with --exclude)`);
  const cols = await load(s.src, planned.plans, { batchRows: o.batchRows, progress: s.progress, total: planned.rows });
  const keep = completeRows(cols, planned.rows);
  if (keep.length <= o.k) throw usage(`matrix --method knn: only ${keep.length} rows have every column present; k = ${o.k} needs at least ${o.k + 1}`);
  const complete = cols.map((c) => Float64Array.from(keep, (r) => c[r]));
  const m = s.it.mutualInformationMatrix(complete, { method: "knn", k: o.k, base: o.base });
  return { M: Float64Array.from(m.data), rows: keep.length };
}

export async function matrix(o: Options): Promise<void> {
  const s = await openSession(o);
  try {
    const named = list(o.values.columns);
    const excluded = new Set(list(o.values.exclude).map((n) => s.src.column(n, "--exclude").name));
    const columns = (named.length > 0 ? named.map((n) => s.src.column(n, "--columns")) : s.src.columns).filter((c) => !excluded.has(c.name));
    if (new Set(columns).size !== columns.length) throw usage(`--columns names a column twice`);
    if (columns.length < 2) throw usage(`matrix needs at least two columns; got ${columns.length}`);
    const targetName = o.values.target as string | undefined;
    const target = targetName === undefined ? -1 : columns.indexOf(s.src.column(targetName, "--target"));
    if (targetName !== undefined && target < 0) throw usage(`--target ${JSON.stringify(targetName)} is not among the matrix's columns`);
    if (targetName !== undefined && o.values.html === undefined) throw usage(`--target applies to the --html report's ranking`);
    const planned = await plan(s, columns);
    const d = columns.length;
    let M: Float64Array;
    let pairRows: number[][];
    if (o.method === "knn") {
      const k = await knnMatrix(s, planned);
      M = k.M;
      pairRows = columns.map(() => columns.map(() => k.rows));
    } else {
      const pairs: [number, number][] = [];
      for (let i = 0; i < d; i++) for (let j = i + 1; j < d; j++) pairs.push([i, j]);
      const r = await streamPairs(s, planned, pairs, true);
      M = new Float64Array(d * d);
      pairRows = columns.map((_, i) => columns.map(() => planned.plans[i].n));
      for (let i = 0; i < d; i++) M[i * d + i] = r.entropy[i];
      pairs.forEach(([i, j], p) => {
        M[i * d + j] = M[j * d + i] = r.pairs[p].mi;
        pairRows[i][j] = pairRows[j][i] = r.pairs[p].rows;
      });
    }
    const names = columns.map((c) => c.name);
    const rowsOf = (i: number) => Array.from(M.subarray(i * d, i * d + d));
    if (typeof o.values.html === "string") {
      const ranking =
        target < 0
          ? undefined
          : { target: names[target], rows: names.map((c, j) => ({ column: c, mi: M[target * d + j] })).filter((_, j) => j !== target).sort((a, b) => b.mi - a.mi) };
      // Observable Plot and linkedom take a third of a second to load: only for --html
      const { renderHtmlReport } = await import("../report.js");
      const html = renderHtmlReport({
        title: `Mutual information · ${s.src.path}`,
        source: s.src.path,
        units: o.units,
        generated: new Date().toISOString(),
        names,
        matrix: M,
        ranking,
        notes: [`${grouped(planned.rows)} rows`, methodText(o)],
      });
      try {
        writeFileSync(o.values.html, html);
      } catch (e) {
        throw new CliError(`--html: cannot write ${o.values.html}: ${oneLine(e)}`);
      }
      if (!o.quiet) process.stderr.write(`wrote ${o.values.html}\n`);
    }
    emit(o, {
      json: { columns: names, units: o.units, method: o.method, rows: planned.rows, matrix: names.map((_, i) => rowsOf(i)), pairRows },
      csv: { header: ["column", ...names], rows: names.map((n, i) => [n, ...rowsOf(i).map((v) => (Number.isFinite(v) ? v : null))]) },
      text: () =>
        `I(row; column) in ${o.units}, diagonal H(column) · ${s.src.path}: ${grouped(planned.rows)} rows\n` +
        renderHeatmap(names, o.method === "knn" ? M.map((v, i) => (i % (d + 1) === 0 ? NaN : v)) : M, { units: o.units, color: useColor(), width: process.stdout.columns }),
    });
  } finally {
    closeSession(s);
  }
}
