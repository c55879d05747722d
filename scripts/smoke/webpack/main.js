// Page of the webpack smoke test (webpack.mjs): `infowasm` by package name, bundled by webpack 5
// with its defaults (the pool's `new Worker(new URL("./worker.js", import.meta.url),
// { type: "module" })` becomes a worker chunk); the checks of ../checks.mjs, pool included, left in
// window.__smoke for the driver.
import { init } from "infowasm";
import { runChecks } from "../checks.mjs";

const result = await runChecks(init);
document.getElementById("out").textContent = JSON.stringify(result, null, 2);
window.__smoke = result;
