/**
 * `infowasm test FILE --x A --y B`: is A independent of B? The two columns are loaded (the
 * permutations need the samples; rows with a cell missing left out). Methods "hist" and "labels":
 * each numeric column becomes its bin index, computed by DuckDB with `histogramBinSql`, and the
 * codes go to `it.mutualInformationTest` — `--test permutation` (default; `--permutations`,
 * `--seed`), `g-test` or `chi2` (= scipy.stats.chi2_contingency without Yates' correction); the
 * statistic is the plug-in MI. Method "knn": `it.mutualInformationKnnTest` (KSG, permutations).
 */
import { usage } from "../errors.js";
import { count, required, type Options } from "../options.js";
import { fixed } from "../heatmap.js";
import { emit, grouped } from "../output.js";
import { asCodes } from "../plan.js";
import { completeRows, load } from "../scan.js";
import { closeSession, openSession, plan } from "../session.js";

export async function test(o: Options): Promise<void> {
  const [xName, yName] = [required(o, "x"), required(o, "y")];
  const method = (o.values.test as string | undefined) ?? "permutation";
  if (!["permutation", "g-test", "chi2"].includes(method)) throw usage(`--test must be permutation, g-test or chi2; got "${method}"`);
  if (method !== "permutation" && o.values.permutations !== undefined) throw usage(`--permutations applies to --test permutation`);
  if (method !== "permutation" && o.values.seed !== undefined) throw usage(`--seed applies to --test permutation`);
  if (method !== "permutation" && o.method === "knn") throw usage(`--method knn is tested by permutations only`);
  if (o.values.estimator !== undefined) throw usage(`test: the statistic is the plug-in MI; --estimator does not apply`);
  const permutations = count("permutations", o.values.permutations, 999);
  const s = await openSession(o);
  try {
    const x = s.src.column(xName, "--x");
    const y = s.src.column(yName, "--y");
    if (x === y) throw usage(`test: --x and --y name the same column`);
    const planned = await plan(s, [x, y]);
    if (o.method === "knn" && planned.plans.some((p) => p.labels)) throw usage(`test --method knn needs two numeric columns; use --method hist or labels for labels`);
    const plans = o.method === "knn" ? planned.plans : planned.plans.map(asCodes);
    const [a, b] = await load(s.src, plans, { batchRows: o.batchRows, progress: s.progress, total: planned.rows });
    const keep = completeRows([a, b], a.length);
    const n = keep.length;
    const A = Float64Array.from(keep, (r) => a[r]);
    const B = Float64Array.from(keep, (r) => b[r]);
    if (n < 2) throw usage(`test: only ${n} rows have both cells present`);
    const res =
      o.method === "knn"
        ? s.it.mutualInformationKnnTest(A, B, { k: o.k, permutations, seed: o.seed, base: o.base })
        : s.it.mutualInformationTest(A, B, { method: method as "permutation" | "g-test" | "chi2", permutations, seed: o.seed, base: o.base });
    const r = {
      x: x.name,
      y: y.name,
      test: res.method,
      statistic: res.statistic,
      pValue: res.pValue,
      ...(res.dof !== undefined ? { dof: res.dof } : {}),
      ...(res.method === "permutation" ? { permutations, seed: o.seed } : {}),
      units: o.units,
      method: o.method,
      rows: n,
      missing: planned.rows - n,
    };
    emit(o, {
      json: r,
      csv: {
        header: ["x", "y", "test", "statistic", "pValue", "dof", "permutations", "units", "method", "rows", "missing"],
        rows: [[r.x, r.y, r.test, r.statistic, r.pValue, res.dof ?? null, res.method === "permutation" ? permutations : null, r.units, r.method, r.rows, r.missing]],
      },
      text: () =>
        `${res.method} test of independence of ${x.name} and ${y.name} (${o.method}) · ${grouped(n)} rows\n` +
        `MI = ${fixed(res.statistic, 4)} ${o.units}, p = ${res.pValue.toPrecision(4)}` +
        (res.dof !== undefined ? `, dof = ${res.dof}` : "") +
        (res.method === "permutation" ? `, ${permutations} permutations (seed ${o.seed})` : ""),
    });
  } finally {
    closeSession(s);
  }
}
