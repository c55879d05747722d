// Page of scripts/check-browser-pool.mjs: the built package (dist/) bundled by Vite, a pool of 3
// threads (cross-origin isolated: the calling thread and 2 module workers on one shared WASM
// memory; plain: 3 module workers), results compared with the calling thread's.
import { init } from "../../dist/index.js";

const out = document.getElementById("out");
const report = (r) => {
  out.textContent = JSON.stringify(r);
  return fetch("/result", { method: "POST", body: JSON.stringify(r) });
};
try {
  const it = await init({ threads: 3 });
  const P = new Float64Array(400 * 500).map((_, i) => (i % 13) + 1);
  const m = { data: P, rows: 400, cols: 500 };
  const a = await it.parallel.entropy(m);
  const b = it.entropy(m);
  let maxRel = 0;
  for (let i = 0; i < a.length; i++) maxRel = Math.max(maxRel, Math.abs(a[i] - b[i]) / b[i]);
  const v = new Float64Array(300_000).map((_, i) => (i % 7) + 1);
  const w = v.slice().reverse();
  const kl = await it.parallel.klDivergence(v, w);
  const stats = await it.parallel.stats();
  await report({
    ok: maxRel <= 1e-12 && Math.abs(kl - it.klDivergence(v, w)) <= 1e-12 * kl && stats.workers === (it.parallel.mode === "shared-memory" ? 2 : 3),
    backend: it.backend,
    mode: it.parallel.mode,
    workers: stats.workers,
    sharedMemory: it.parallel.sharedMemory,
    crossOriginIsolated: self.crossOriginIsolated,
  });
  it.close();
} catch (e) {
  await report({ ok: false, error: String(e && e.stack ? e.stack : e) });
}
