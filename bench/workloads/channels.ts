/**
 * CH1 (issue 14, channels; an extra workload without a BENCH.md id): Blahut–Arimoto and the information bottleneck, the whole iteration
 * loop in one kernel call.
 *   CH1      channelCapacity of a random 64×64 channel, 1000 iterations (tol 0, so every backend
 *            and the NumPy peer run the same count); the peer: the vectorised NumPy
 *            Blahut–Arimoto users write (bench/peers/numpy_peers.py)
 *   CH1-ib   informationBottleneck of a random 32×16 joint table, 8 clusters, β = 5, one start,
 *            1000 iterations (tol 0)
 * Elements: rows × cols × iterations (× clusters for the IB).
 */
import { rng, type Workload } from "./types.js";

/** A rows×cols matrix of (0, 1] weights; `stochastic` normalises each row. */
function table(rows: number, cols: number, seed: number, stochastic: boolean) {
  const r = rng(seed);
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += data[i * cols + j] = 1 - r();
    if (stochastic) for (let j = 0; j < cols; j++) data[i * cols + j] /= s;
  }
  return { data, rows, cols };
}

export const channelWorkloads: Workload<any>[] = [
  {
    name: "CH1 channelCapacity 64x64 1000 iterations",
    elements: 64 * 64 * 1000,
    setup: () => table(64, 64, 131, true),
    run: (e, W) => e.channelCapacity(W, { tol: 0, maxIterations: 1000 }),
  },
  {
    name: "CH1-ib informationBottleneck 32x16 8 clusters 1000 iterations",
    elements: 32 * 16 * 8 * 1000,
    setup: () => table(32, 16, 132, false),
    run: (e, T) => e.informationBottleneck(T, { beta: 5, clusters: 8, restarts: 1, tol: 0, maxIterations: 1000 }),
  },
];
