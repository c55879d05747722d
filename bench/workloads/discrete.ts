import { distance } from "ml-distance";
import type { Matrix } from "../../src/types.js";
import { positive, type Workload } from "./types.js";

const matrix = (seed: number): Matrix => ({ data: positive(Float64Array, 1e6, seed), rows: 1000, cols: 1000 });

// ---- W0: one small vector per call ----

/** D(p‖q) of unnormalised p, q as a user would write it: the sums, then Σ a ln(a/b) of the normalised values. */
export function handwrittenKl(p: Float64Array, q: Float64Array): number {
  let sp = 0;
  let sq = 0;
  for (let i = 0; i < p.length; i++) {
    sp += p[i];
    sq += q[i];
  }
  let d = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / sp;
    if (a > 0) d += a * Math.log(a / (q[i] / sq));
  }
  return d;
}

/** H(p) of unnormalised p as a user would write it: the sum, then −Σ a ln a of the normalised values. */
export function handwrittenEntropy(p: Float64Array): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += p[i];
  let h = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i] / s;
    if (a > 0) h -= a * Math.log(a);
  }
  return h;
}

const normalised = (x: Float64Array) => {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  return x.map((v) => v / s);
};

/** Calls per timed operation, so that one operation lasts tens of µs (tinybench's per-sample overhead is then negligible). */
const callsFor = (n: number) => Math.max(10, Math.round(4000 / n));

let sink = 0;
/** Repeats f `calls` times, keeping the results observable (no dead-code elimination). */
function repeat(calls: number, f: () => number): number {
  let s = 0;
  for (let i = 0; i < calls; i++) s += f();
  sink += s;
  return s;
}

interface Small { p: Float64Array; q: Float64Array; pn: number[]; qn: number[]; calls: number }

const small = (n: number): Small => {
  const p = positive(Float64Array, n, 100 + n);
  const q = positive(Float64Array, n, 200 + n);
  return { p, q, pn: Array.from(normalised(p)), qn: Array.from(normalised(q)), calls: callsFor(n) };
};

/**
 * W0: KL and entropy of one small vector (n = 4, 64, 1024), per call: unnormalised Float64Array
 * weights, the result a number. "elements" counts calls, so ns/el reads as ns per call. In the
 * same rounds: a hand-written loop (normalised sums, Math.log) and ml-distance's kullbackLeibler
 * (Σ a ln(a/b), no normalisation: it gets pre-normalised inputs, which favours it).
 */
const w0: Workload<Small>[] = [4, 64, 1024].flatMap((n): Workload<Small>[] => [
  {
    name: `W0 kl n=${n}`,
    elements: callsFor(n),
    setup: () => small(n),
    run: (e, x) => repeat(x.calls, () => e.klDivergence(x.p, x.q)),
    peers: {
      handwritten: (x) => repeat(x.calls, () => handwrittenKl(x.p, x.q)),
      "ml-distance": (x) => repeat(x.calls, () => distance.kullbackLeibler(x.pn, x.qn)),
    },
  },
  {
    name: `W0 entropy n=${n}`,
    elements: callsFor(n),
    setup: () => small(n),
    run: (e, x) => repeat(x.calls, () => e.entropy(x.p)),
    peers: { handwritten: (x) => repeat(x.calls, () => handwrittenEntropy(x.p)) },
  },
]);

export const discreteWorkloads: Workload<any>[] = [
  ...w0,
  {
    name: "W1 entropy 1000x1000 f64",
    elements: 1e6,
    setup: () => matrix(1),
    run: (e, m: Matrix) => e.entropy(m),
  },
  {
    name: "W2 kl 1000x1000 f64",
    elements: 1e6,
    setup: () => [matrix(2), matrix(3)],
    run: (e, [p, q]: Matrix[]) => e.klDivergence(p, q),
  },
  {
    name: "W3-f64 entropy 1e7 f64",
    elements: 1e7,
    setup: () => positive(Float64Array, 1e7, 4),
    run: (e, x: Float64Array) => e.entropy(x),
  },
  {
    name: "W3-f32 entropy 1e7 f32",
    elements: 1e7,
    setup: () => positive(Float32Array, 1e7, 5),
    run: (e, x: Float32Array) => e.entropy(x),
  },
];
