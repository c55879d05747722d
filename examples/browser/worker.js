// A module worker computing off the main thread. Import maps do not reach workers, so the worker
// imports the package file by URL (with a bundler, `import { init } from "infowasm"` works here too).
import { init } from "../../dist/index.js";

const it = await init();
self.onmessage = ({ data }) => {
  const { p, q } = data;
  self.postMessage({ backend: it.backend, kl: it.klDivergence(p, q), js: it.jsDistance(p, q, { base: 2 }) });
};
self.postMessage({ ready: true });
