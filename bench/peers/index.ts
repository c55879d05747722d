/**
 * `npm run bench -- --peers`: the same workloads with what users reach for today, side by side.
 *   numpy        bench/peers/numpy_peers.py under python3 (skipped with a message without numpy/scipy):
 *                same sizes and distributions, NumPy's own random numbers
 *   sklearn      bench/peers/sklearn_peers.py (W10: DecisionTreeClassifier(max_depth=1) per column; W7: mutual_info_regression / mutual_info_classif /
 *                _compute_mi_cc; W8: mutual_info_score over 999 NumPy permutations) under the first of $INFOWASM_SKLEARN_PYTHON, python3,
 *                /usr/bin/python3 that imports scikit-learn (skipped with a message if none does)
 *   ml-distance  kullbackLeibler / jensenShannon, row by row on the workload's own input
 *   mathjs       kldivergence, row by row on the workload's own input (as plain arrays)
 * JS peers get rows already normalised (they do not normalise; infowasm's timing includes it).
 * Prints ns/element and the ratio peer time / infowasm time, returns rows for bench/results.json
 * and writes a markdown table (bench/peers.md) for the README.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Bench } from "tinybench";
import { kldivergence } from "mathjs";
import { distance } from "ml-distance";
import type { Matrix } from "../../src/types.js";
import type { Workload } from "../workloads/types.js";

export interface PeerRow {
  name: string;
  backend: string;
  threads: number;
  hz: number;
  elementsPerSecond: number;
  call: string;
}

interface OurRow {
  name: string;
  backend: string;
  threads: number;
  hz: number;
  elementsPerSecond: number;
}

const id = (name: string) => name.split(" ")[0];

/** Rows of a matrix, each normalised to sum 1 (Float64Array views of one copy). */
function normalisedRows(m: Matrix): Float64Array[] {
  const out: Float64Array[] = [];
  const data = Float64Array.from(m.data);
  for (let r = 0; r < m.rows; r++) {
    const row = data.subarray(r * m.cols, (r + 1) * m.cols);
    let s = 0;
    for (let i = 0; i < row.length; i++) s += row[i];
    for (let i = 0; i < row.length; i++) row[i] /= s;
    out.push(row);
  }
  return out;
}

interface JsPeer {
  id: string;
  backend: string;
  call: string;
  prepare(input: unknown): unknown;
  run(prepared: unknown): unknown;
}

const JS_PEERS: JsPeer[] = [
  {
    id: "W2",
    backend: "ml-distance",
    call: "distance.kullbackLeibler(p, q) per row",
    prepare: (input) => (input as Matrix[]).map(normalisedRows),
    run: (x) => {
      const [P, Q] = x as Float64Array[][];
      const out = new Float64Array(P.length);
      for (let r = 0; r < P.length; r++) out[r] = distance.kullbackLeibler(P[r] as unknown as number[], Q[r] as unknown as number[]);
      return out;
    },
  },
  {
    id: "W2",
    backend: "mathjs",
    call: "math.kldivergence(p, q) per row",
    prepare: (input) => (input as Matrix[]).map((m) => normalisedRows(m).map((r) => Array.from(r))),
    run: (x) => {
      const [P, Q] = x as number[][][];
      const out = new Float64Array(P.length);
      for (let r = 0; r < P.length; r++) out[r] = kldivergence(P[r], Q[r]) as number;
      return out;
    },
  },
  {
    id: "W2-js",
    backend: "ml-distance",
    call: "distance.jensenShannon(p, q) per row (the divergence)",
    prepare: (input) => (input as Matrix[]).map(normalisedRows),
    run: (x) => {
      const [P, Q] = x as Float64Array[][];
      const out = new Float64Array(P.length);
      for (let r = 0; r < P.length; r++) out[r] = distance.jensenShannon(P[r] as unknown as number[], Q[r] as unknown as number[]);
      return out;
    },
  },
];

interface PythonRow {
  id: string;
  call: string;
  seconds: number;
  elements: number;
}

interface PythonOut {
  skipped?: string;
  python: string;
  executable?: string;
  numpy: string;
  scipy: string;
  sklearn?: string;
  workloads: PythonRow[];
}

/**
 * Runs a peer script under the first interpreter of `pythons` that has what it imports (a script
 * prints {"skipped": why} when an import fails); null, with a message, when none does.
 */
function pythonPeers(script: string, label: string, pythons: string[], ids: string[], timeMs: number): PythonOut | null {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const why: string[] = [];
  for (const python of pythons) {
    const r = spawnSync(python, [path, "--ids", ids.join(","), "--time", String(timeMs / 1000)], { encoding: "utf8", maxBuffer: 1 << 20 });
    if (r.error || r.status !== 0) {
      why.push(`${python} did not run (${r.error?.message ?? r.stderr.trim().split("\n").pop()})`);
      continue;
    }
    const out = JSON.parse(r.stdout) as PythonOut;
    if (out.skipped) {
      why.push(out.skipped);
      continue;
    }
    return out;
  }
  console.log(`${label} peers skipped: ${why.join("; ")}`);
  return null;
}

function numpyPeers(ids: string[], timeMs: number): { rows: PythonRow[]; versions: string } | null {
  const out = pythonPeers("./numpy_peers.py", "numpy", ["python3"], ids, timeMs);
  return out && { rows: out.workloads, versions: `Python ${out.python}, NumPy ${out.numpy}, SciPy ${out.scipy}` };
}

/** Workload ids with a scikit-learn peer (bench/peers/sklearn_peers.py). */
const SKLEARN_IDS = ["W7", "W7-classif", "W7-ksg-1e4", "W7-ksg-1e5", "W7-ksg", "W8", "MV1", "W10", "W10-gini"];

/**
 * scikit-learn under the first interpreter that imports it: $INFOWASM_SKLEARN_PYTHON, python3 on
 * PATH, then Debian's /usr/bin/python3 (python3-sklearn).
 */
function sklearnPeers(ids: string[], timeMs: number): { rows: PythonRow[]; versions: string } | null {
  const wanted = ids.filter((i) => SKLEARN_IDS.includes(i));
  if (wanted.length === 0) return null;
  const pythons = [process.env.INFOWASM_SKLEARN_PYTHON, "python3", "/usr/bin/python3"].filter((p): p is string => !!p);
  const out = pythonPeers("./sklearn_peers.py", "scikit-learn", [...new Set(pythons)], wanted, timeMs);
  return out && { rows: out.workloads, versions: `scikit-learn ${out.sklearn} (Python ${out.python} at ${out.executable}, NumPy ${out.numpy}, SciPy ${out.scipy})` };
}

export async function runPeers(selected: Workload<any>[], ours: OurRow[], timeMs: number, machine: string): Promise<PeerRow[]> {
  const peers: PeerRow[] = [];
  const ids = [...new Set(selected.filter((w) => !w.name.includes("zero-copy")).map((w) => id(w.name)))];
  console.log(`\npeers on ${ids.join(", ")}`);
  const np = numpyPeers(ids, timeMs);
  const sk = sklearnPeers(ids, timeMs);
  for (const [backend, out] of [["numpy", np], ["sklearn", sk]] as const) {
    for (const p of out?.rows ?? []) {
      const w = selected.find((x) => id(x.name) === p.id && !x.name.includes("zero-copy"));
      if (!w) continue;
      const hz = 1 / p.seconds;
      peers.push({ name: w.name, backend, threads: 1, hz, elementsPerSecond: hz * w.elements, call: p.call });
    }
  }
  for (const peer of JS_PEERS) {
    const w = selected.find((x) => id(x.name) === peer.id && !x.name.includes("zero-copy"));
    if (!w) continue;
    const prepared = peer.prepare(w.setup());
    const bench = new Bench({ time: timeMs, warmupTime: 100, iterations: 3 });
    bench.add(peer.backend, () => {
      peer.run(prepared);
    });
    await bench.run();
    const r = bench.tasks[0].result;
    if (r.state !== "completed") throw new Error(`${peer.backend} on ${w.name}: ${r.state}`);
    const hz = 1000 / r.latency.p50;
    peers.push({ name: w.name, backend: peer.backend, threads: 1, hz, elementsPerSecond: hz * w.elements, call: peer.call });
  }
  // print and tabulate: peer time / infowasm time (> 1: infowasm is faster)
  const lines = [
    `Measured on ${machine}${[np, sk].map((p) => (p ? `; ${p.versions}` : "")).join("")}; ${new Date().toISOString().slice(0, 10)}. ns per element, median of repeats; ratio = peer time / infowasm time (wasm-simd, one thread, copy into WASM memory included).`,
    "",
    "| workload | infowasm wasm-simd | peer | peer call | peer | ratio |",
    "|---|---:|---|---|---:|---:|",
  ];
  for (const p of peers) {
    const us = ours.find((o) => o.name === p.name && o.backend === "wasm-simd" && o.threads === 1);
    const ns = (r: { elementsPerSecond: number }) => (1e9 / r.elementsPerSecond).toFixed(2);
    const ratio = us ? us.hz / p.hz : NaN;
    console.log(`${p.name.padEnd(40)} ${p.backend.padEnd(12)} ${ns(p).padStart(8)} ns/el   infowasm ${us ? ns(us) : "?"} ns/el   ×${ratio.toFixed(2)}`);
    lines.push(`| ${p.name} | ${us ? ns(us) : "–"} | ${p.backend} | \`${p.call}\` | ${ns(p)} | ×${ratio.toFixed(1)} |`);
  }
  const md = lines.join("\n") + "\n";
  writeFileSync(fileURLToPath(new URL("../peers.md", import.meta.url)), md);
  console.log(`\n${md}\nwrote bench/peers.md`);
  return peers;
}
