/**
 * Seeded random inputs for benchmarks, the accuracy script and tests: the same generators
 * everywhere, so a workload and a test built from one seed see the same data.
 */

/** Deterministic uniform [0, 1) generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n standard bivariate normal pairs with correlation ρ (Box–Muller), from a fixed seed. */
export function gaussianPairs(n: number, rho: number, seed: number): [Float64Array, Float64Array] {
  const r = rng(seed);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const s = Math.sqrt(1 - rho * rho);
  for (let i = 0; i < n; i++) {
    const rad = Math.sqrt(-2 * Math.log(1 - r()));
    const t = 2 * Math.PI * r();
    x[i] = rad * Math.cos(t);
    y[i] = rho * x[i] + s * rad * Math.sin(t);
  }
  return [x, y];
}

/** n independent standard normal values (Box–Muller, both of each pair used), from a fixed seed. */
export function standardNormals(n: number, seed: number): Float64Array {
  const r = rng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const rad = Math.sqrt(-2 * Math.log(1 - r()));
    const t = 2 * Math.PI * r();
    out[i] = rad * Math.cos(t);
    if (i + 1 < n) out[i + 1] = rad * Math.sin(t);
  }
  return out;
}
