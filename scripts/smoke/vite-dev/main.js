// Page of the Vite dev-server smoke test (vite-dev.mjs): `infowasm` by package name, so Vite
// pre-bundles it (optimizeDeps) as it would in a user's project; the checks of ../checks.mjs,
// pool included, left in window.__smoke for the driver.
import { init } from "infowasm";
import { runChecks } from "../checks.mjs";

const result = await runChecks(init);
document.getElementById("out").textContent = JSON.stringify(result, null, 2);
window.__smoke = result;
