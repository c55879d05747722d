// The assertions every smoke test makes, in whatever runtime runs them (Deno, Bun, a page in
// Chromium): which backend `init()` picks, two known values, and the worker pool.
// `runChecks(init)` never throws: it returns { ok, backend, pool, failures } for the caller to
// print (a runtime) or hand back to the smoke driver (a page).

/** D([½, ½] ‖ [0.9, 0.1]) in nats, closed form. */
export const KL = 0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(0.5 / 0.1); // 0.5108256237659907

/** Rejects with `what` after `ms`: a pool whose workers never start must fail, not hang. */
function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * `threads` (default 3): pool size to try; 0 skips the pool check (pool: "not tried").
 * The pool call uses a 400 × 500 matrix: above `it.parallel.threshold`, so it really goes to the
 * workers rather than running on the calling thread.
 */
export async function runChecks(init, { threads = 3, backend: want = "wasm-simd" } = {}) {
  const failures = [];
  const result = { ok: false, backend: null, pool: threads ? "no" : "not tried", failures };
  try {
    const it = await init();
    result.backend = it.backend;
    if (it.backend !== want) failures.push(`backend is ${it.backend}, expected ${want}`);
    const kl = it.klDivergence([0.5, 0.5], [0.9, 0.1]);
    if (!(Math.abs(kl - KL) <= 1e-12 * KL)) failures.push(`klDivergence([0.5,0.5],[0.9,0.1]) = ${kl}, expected ${KL}`);
    const h = it.entropy([0.5, 0.5], { base: "bits" });
    if (h !== 1) failures.push(`entropy([0.5,0.5], bits) = ${h}, expected 1`);
    it.close();
  } catch (e) {
    failures.push(`init/sync: ${e?.stack ?? e}`);
  }
  if (threads) {
    let it;
    try {
      it = await within(30_000, `init({ threads: ${threads} })`, init({ threads }));
      const rows = 400, cols = 500;
      const m = { data: new Float64Array(rows * cols).map((_, i) => (i % 13) + 1), rows, cols };
      const a = await within(30_000, "it.parallel.entropy", it.parallel.entropy(m));
      const b = it.entropy(m);
      let maxRel = 0;
      for (let i = 0; i < rows; i++) maxRel = Math.max(maxRel, Math.abs(a[i] - b[i]) / b[i]);
      const stats = await it.parallel.stats();
      if (it.backend !== want) failures.push(`pool engine backend is ${it.backend}, expected ${want}`);
      // on one shared WASM memory the calling thread is one of the `threads`
      const workers = it.parallel.mode === "shared-memory" ? threads - 1 : threads;
      if (stats.workers !== workers) failures.push(`pool has ${stats.workers} workers, expected ${workers} (${it.parallel.mode})`);
      else if (!(a.length === rows && maxRel <= 1e-12)) failures.push(`parallel.entropy differs from entropy (max rel ${maxRel})`);
      else result.pool = `yes (${threads} threads: ${it.parallel.mode}, ${workers} workers)`;
    } catch (e) {
      failures.push(`pool: ${e?.stack ?? e}`);
    } finally {
      it?.close();
    }
  }
  result.ok = failures.length === 0;
  return result;
}
