/**
 * Worked examples computed in the page. Expected values: the coin KLs printed by seed 004
 * (p = (0.5, 0.5), q = (0.9, 0.1): D(p‖q) = 0.5108, D(q‖p) = 0.3681 nats, 4 decimals), and seed
 * 000's 4×4 joint table, whose dyadic entries give exact fractions: I(X; Y) = 3/8 bit,
 * H(X, Y) = 27/8 bits, H(Y | X) = 11/8 bits (rows index X; H(X) = 2 bits).
 */
import type { Engine } from "infowasm";
import { state } from "./state.js";

export const SEED_TABLE = [
  [1 / 8, 1 / 16, 1 / 32, 1 / 32],
  [1 / 16, 1 / 8, 1 / 32, 1 / 32],
  [1 / 16, 1 / 16, 1 / 16, 1 / 16],
  [1 / 4, 0, 0, 0],
];

interface Row {
  key: string;
  label: string;
  value: number;
  expected: number;
  /** Digits the expected value is given to (Infinity: exact). */
  digits: number;
  shown: string;
}

export function mountExamples(it: Engine): void {
  const p = [0.5, 0.5];
  const q = [0.9, 0.1];
  const bits = { base: "bits" as const };
  const rows: Row[] = [
    { key: "coinForwardKl", label: "coin D(p‖q), p = (½, ½), q = (0.9, 0.1), nats", value: it.klDivergence(p, q), expected: 0.5108, digits: 4, shown: "0.5108 (seed 004)" },
    { key: "coinReverseKl", label: "coin D(q‖p), nats", value: it.klDivergence(q, p), expected: 0.3681, digits: 4, shown: "0.3681 (seed 004)" },
    { key: "tableMi", label: "seed 000 table: I(X; Y), bits", value: it.mutualInformation(SEED_TABLE, bits), expected: 3 / 8, digits: Infinity, shown: "3/8" },
    { key: "tableJointEntropy", label: "seed 000 table: H(X, Y), bits", value: it.jointEntropy(SEED_TABLE, bits), expected: 27 / 8, digits: Infinity, shown: "27/8" },
    { key: "tableConditionalEntropy", label: "seed 000 table: H(Y | X), bits", value: it.conditionalEntropy(SEED_TABLE, bits), expected: 11 / 8, digits: Infinity, shown: "11/8" },
    { key: "fairCoinEntropy", label: "H(½, ½), bits", value: it.entropy(p, bits), expected: 1, digits: Infinity, shown: "1" },
  ];
  const body = document.querySelector("#examples-table tbody")!;
  body.replaceChildren();
  state.examples = {};
  for (const r of rows) {
    state.examples[r.key] = r.value;
    const ok = Number.isFinite(r.digits) ? r.value.toFixed(r.digits) === r.expected.toFixed(r.digits) : Math.abs(r.value - r.expected) <= 1e-12 * r.expected;
    const tr = document.createElement("tr");
    tr.dataset.key = r.key;
    tr.innerHTML = `<td></td><td class="value"></td><td></td><td class="${ok ? "ok" : "bad"}">${ok ? "✓" : "✗"}</td>`;
    tr.cells[0].textContent = r.label;
    tr.cells[1].textContent = r.value.toPrecision(10);
    tr.cells[2].textContent = r.shown;
    body.append(tr);
  }
}
