/**
 * The MI panel's example data, generated from a fixed seed: a target y = sin(u) + ½v + noise and
 * columns related to it in different ways — `phase` = u (non-linear: y depends on sin u),
 * `drive` = v + noise (linear), `energy` = y² + noise (a non-monotone function of y), `hum` and
 * `hum_copy` (independent of y, strongly related to each other), and `band`, y's tercile as a
 * label ("low" / "mid" / "high"), which can be chosen as a categorical target.
 */
import { rng } from "../../bench/workloads/types.js";

/** Standard normal samples by the Box–Muller transform of a uniform generator. */
export function normal(rand: () => number): () => number {
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = NaN;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(1 - rand()));
    const t = 2 * Math.PI * rand();
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
}

export function exampleCsv(n = 1500, seed = 2024): string {
  const rand = rng(seed);
  const gauss = normal(rand);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const u = Math.PI * (2 * rand() - 1);
    const v = gauss();
    const w = gauss();
    const y = Math.sin(u) + 0.5 * v + 0.1 * gauss();
    rows.push([u, v + 0.3 * gauss(), y * y + 0.2 * gauss(), w, w + 0.1 * gauss(), y]);
  }
  const ys = rows.map((r) => r[5]).sort((a, b) => a - b);
  const t1 = ys[Math.floor(n / 3)];
  const t2 = ys[Math.floor((2 * n) / 3)];
  const lines = ["phase,drive,energy,hum,hum_copy,y,band"];
  for (const r of rows) lines.push([...r.map((v) => v.toFixed(4)), r[5] < t1 ? "low" : r[5] < t2 ? "mid" : "high"].join(","));
  return lines.join("\n") + "\n";
}
