// Smoke test run by the Deno and Bun binaries from node_modules (scripts/smoke/run.mjs starts it):
// imports the package by name — resolved through scripts/smoke/node_modules/infowasm, the packed
// package, so the `exports` map and the `files` list are what is exercised — and prints the
// result of checks.mjs as one JSON line; exit code 1 on any failure.
import { init } from "infowasm";
import { runChecks } from "./checks.mjs";

const result = await runChecks(init);
console.log(JSON.stringify({ runtime: globalThis.Deno ? `deno ${Deno.version.deno}` : globalThis.Bun ? `bun ${Bun.version}` : `node ${process.version}`, ...result }));
const exit = globalThis.Deno ? Deno.exit : process.exit;
exit(result.ok ? 0 : 1);
