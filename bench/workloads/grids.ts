import type { Matrix } from "../../src/types.js";
import { positive, type Workload } from "./types.js";

const N = 2001;
const dx = 16 / (N - 1);

/** 1000 Gaussian densities (means and widths varying by row) on 2001 points of [−8, 8]. */
function densities(): { F: Matrix; g: Float64Array } {
  const data = new Float64Array(1000 * N);
  for (let r = 0; r < 1000; r++) {
    const m = -4 + (8 * r) / 999;
    const s = 0.5 + (r % 10) * 0.2;
    for (let i = 0; i < N; i++) {
      const t = (-8 + i * dx - m) / s;
      data[r * N + i] = Math.exp(-0.5 * t * t) / (s * Math.sqrt(2 * Math.PI));
    }
  }
  const g = Float64Array.from({ length: N }, (_, i) => {
    const t = -8 + i * dx;
    return 0.5 * Math.exp(-0.5 * (t + 3) ** 2) / Math.sqrt(2 * Math.PI) + 0.5 * Math.exp(-0.5 * (t - 3) ** 2) / Math.sqrt(2 * Math.PI);
  });
  return { F: { data, rows: 1000, cols: N }, g };
}

export const gridWorkloads: Workload<any>[] = [
  {
    name: "W5 trapezoid 1e7 f64",
    elements: 1e7,
    setup: () => positive(Float64Array, 1e7, 6),
    run: (e, y: Float64Array) => e.trapezoid(y, { dx: 1e-7 }),
  },
  {
    name: "KL grid 1000x2001 vs reference",
    elements: 1000 * N,
    setup: densities,
    run: (e, { F, g }: { F: Matrix; g: Float64Array }) => e.klDivergenceGrid(F, g, { dx }),
  },
];
