import type { Matrix } from "../../src/types.js";
import { rng, type Workload } from "./types.js";

const ROWS = 4096;
const COLS = 1000;

/** rows×cols float32 logits ~ 3·N(0, 1) (Box–Muller) and uniform random labels, from a fixed seed. */
function logitsAndLabels(seed: number): { logits: Matrix; labels: Int32Array } {
  const r = rng(seed);
  const data = new Float32Array(ROWS * COLS);
  for (let i = 0; i < data.length; i += 2) {
    const u = 1 - r();
    const v = r();
    const rad = 3 * Math.sqrt(-2 * Math.log(u));
    data[i] = rad * Math.cos(2 * Math.PI * v);
    if (i + 1 < data.length) data[i + 1] = rad * Math.sin(2 * Math.PI * v);
  }
  const labels = new Int32Array(ROWS);
  for (let i = 0; i < ROWS; i++) labels[i] = Math.floor(r() * COLS);
  return { logits: { data, rows: ROWS, cols: COLS }, labels };
}

export const lossWorkloads: Workload<any>[] = [
  {
    name: "W6 softmax CE 4096x1000 f32",
    elements: ROWS * COLS,
    setup: () => logitsAndLabels(6),
    run: (e, { logits, labels }: { logits: Matrix; labels: Int32Array }) => e.softmaxCrossEntropy(logits, labels),
  },
];
