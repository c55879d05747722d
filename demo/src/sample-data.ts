/**
 * The MI panel's example data, generated from fixed seeds (bench/random.ts): a target
 * y = sin(u) + ½v + noise and columns related to it in different ways — `phase` = u (non-linear:
 * y depends on sin u), `drive` = v + noise (linear), `energy` = y² + noise (a non-monotone function
 * of y), `hum` and `hum_copy` (independent of y, strongly related to each other), and `band`, y's
 * tercile as a label ("low" / "mid" / "high"), which can be chosen as a categorical target.
 * Also the channels panel's joint table (IB_TABLE).
 */
import { gaussianPairs, rng } from "../../bench/random.js";

export function exampleCsv(n = 1500, seed = 2024): string {
  const uniform = rng(seed);
  const [v, w] = gaussianPairs(n, 0, seed + 1); // independent standard normals
  const [e0, e1] = gaussianPairs(n, 0, seed + 2);
  const [e2, e3] = gaussianPairs(n, 0, seed + 3);
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const u = Math.PI * (2 * uniform() - 1);
    const y = Math.sin(u) + 0.5 * v[i] + 0.1 * e0[i];
    rows.push([u, v[i] + 0.3 * e1[i], y * y + 0.2 * e2[i], w[i], w[i] + 0.1 * e3[i], y]);
  }
  const ys = rows.map((r) => r[5]).sort((a, b) => a - b);
  const t1 = ys[Math.floor(n / 3)];
  const t2 = ys[Math.floor((2 * n) / 3)];
  const lines = ["phase,drive,energy,hum,hum_copy,y,band"];
  for (const r of rows) lines.push([...r.map((x) => x.toFixed(4)), r[5] < t1 ? "low" : r[5] < t2 ? "mid" : "high"].join(","));
  return lines.join("\n") + "\n";
}

/** The joint table of the IB curve: 6 values of X, 4 of Y (a noisy many-to-one relation). */
export const IB_TABLE = [
  [0.1, 0.04, 0.01, 0.0],
  [0.08, 0.06, 0.01, 0.0],
  [0.01, 0.1, 0.05, 0.01],
  [0.0, 0.05, 0.11, 0.02],
  [0.0, 0.01, 0.06, 0.1],
  [0.01, 0.0, 0.04, 0.15],
];
