// Measures the max relative error of the WASM exp kernels (assembly/exp.ts) against Math.exp,
// on both builds: `node scripts/exp-error.mjs` after `npm run build:wasm`. The figures are
// quoted in the header comment of assembly/exp.ts.
import { readFileSync } from "node:fs";

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const N = 1 << 16;
for (const file of ["build/infowasm.wasm", "build/infowasm-simd.wasm"]) {
  const { instance } = await WebAssembly.instantiate(readFileSync(file), {});
  const k = instance.exports;
  const base = k.scratchBase();
  const f64 = () => new Float64Array(k.memory.buffer);
  const f32 = () => new Float32Array(k.memory.buffer);
  const r = rng(7);
  for (const [lo, hi, count] of [[-708, 0, 2e6], [-1, 1, 2e5], [0, 700, 2e5]]) {
    let w64 = 0, w32 = 0;
    for (let done = 0; done < count; done += N) {
      const x = new Float64Array(N);
      for (let i = 0; i < N; i++) x[i] = lo + (hi - lo) * r();
      f64().set(x, base >> 3);
      k.expArrayF64(base, N, base + N * 8);
      const y = f64().subarray((base >> 3) + N, (base >> 3) + 2 * N);
      for (let i = 0; i < N; i++) {
        const e = Math.exp(x[i]);
        if (e < 2.2250738585072014e-308) continue;
        w64 = Math.max(w64, Math.abs(y[i] - e) / e);
      }
      if (lo >= -87 && hi <= 88) {
        const xf = Float32Array.from(x);
        f32().set(xf, base >> 2);
        k.expArrayF32(base, N, base + N * 4);
        const yf = f32().subarray((base >> 2) + N, (base >> 2) + 2 * N);
        for (let i = 0; i < N; i++) {
          const e = Math.exp(xf[i]);
          w32 = Math.max(w32, Math.abs(yf[i] - e) / e);
        }
      }
    }
    const f32part = lo >= -87 && hi <= 88 ? `, f32 ${w32.toExponential(2)}` : "";
    console.log(`${file} [${lo}, ${hi}]: max rel err f64 ${w64.toExponential(2)}${f32part}`);
  }
  // f32 over its own range
  let w32 = 0;
  for (let done = 0; done < 2e6; done += N) {
    const xf = new Float32Array(N);
    for (let i = 0; i < N; i++) xf[i] = -87 * r();
    f32().set(xf, base >> 2);
    k.expArrayF32(base, N, base + N * 4);
    const yf = f32().subarray((base >> 2) + N, (base >> 2) + 2 * N);
    for (let i = 0; i < N; i++) {
      const e = Math.exp(xf[i]);
      w32 = Math.max(w32, Math.abs(yf[i] - e) / e);
    }
  }
  console.log(`${file} f32 [-87, 0]: max rel err ${w32.toExponential(2)}`);
  // pow2_f32x4 (SIMD build only) on [-126, 0]
  if (file.includes("simd")) {
    let w = 0;
    for (let done = 0; done < 2e6; done += N) {
      const xf = new Float32Array(N);
      for (let i = 0; i < N; i++) xf[i] = done < 1e6 ? -126 * r() : -r();
      f32().set(xf, base >> 2);
      k.pow2ArrayF32(base, N, base + N * 4);
      const yf = f32().subarray((base >> 2) + N, (base >> 2) + 2 * N);
      for (let i = 0; i < N; i++) {
        const e = Math.pow(2, xf[i]);
        w = Math.max(w, Math.abs(yf[i] - e) / e);
      }
    }
    console.log(`${file} pow2_f32x4 [-126, 0]: max rel err ${w.toExponential(2)}`);
  }
}
