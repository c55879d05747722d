// Prints bench/results.json (or the file given) as a markdown table: one row per workload,
// ns/element and the ratio to the js backend for each backend, side by side.
import { readFileSync } from "node:fs";

const file = process.argv[2] ?? "bench/results.json";
const { machine, date, workloads } = JSON.parse(readFileSync(file, "utf8"));
const single = workloads.filter((w) => (w.threads ?? 1) === 1);
const backends = [...new Set(single.map((w) => w.backend))];
const names = [...new Set(single.map((w) => w.name))];
const cell = (w, js) => {
  const ns = 1e9 / w.elementsPerSecond;
  const v = ns < 10 ? ns.toFixed(2) : ns.toFixed(1);
  return js && w !== js ? `${v} (×${(w.hz / js.hz).toFixed(1)})` : v;
};
console.log(`ns per element (ratio to js), ${machine}, ${date.slice(0, 10)}\n`);
console.log(`| workload | ${backends.join(" | ")} |`);
console.log(`|---|${backends.map(() => "---").join("|")}|`);
for (const name of names) {
  const rows = single.filter((w) => w.name === name);
  const js = rows.find((w) => w.backend === "js");
  console.log(`| ${name} | ${backends.map((b) => { const w = rows.find((r) => r.backend === b); return w ? cell(w, js) : "–"; }).join(" | ")} |`);
}
