/**
 * The demo page: one engine from the package as users import it, five panels computing live.
 * `?backend=js` (or wasm, wasm-simd) picks the engine's backend; the default is "auto".
 */
import { init, type BackendName } from "infowasm";
import { report, state } from "./state.js";
import { mountExamples } from "./examples.js";
import { mountKl } from "./kl-panel.js";
import { mountMi } from "./mi-panel.js";
import { mountChannels } from "./channel-panel.js";
import { mountSpeed } from "./speed-panel.js";

const status = document.querySelector<HTMLElement>("#status")!;

try {
  const requested = (new URLSearchParams(location.search).get("backend") ?? "auto") as BackendName | "auto";
  const it = await init({ backend: requested });
  state.backend = it.backend;
  status.dataset.state = "ready";
  status.dataset.backend = it.backend;
  status.textContent = `backend: ${it.backend}` + (it.backend === "js" ? " (pure JavaScript)" : it.backend === "wasm-simd" ? " (WebAssembly with 128-bit SIMD)" : " (WebAssembly, no SIMD)");
  for (const [name, mount] of [["examples", mountExamples], ["kl", mountKl], ["mi", mountMi], ["channels", mountChannels]] as const) {
    try {
      mount(it);
    } catch (e) {
      report(name, e);
    }
  }
  mountSpeed();
  document.body.dataset.ready = "true";
} catch (e) {
  report("init", e);
}
