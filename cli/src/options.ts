/**
 * Command-line options: each command takes its own set (node:util parseArgs, strict), and an
 * option that does not apply (to the command, or to the chosen method) is an error, never ignored.
 */
import { parseArgs } from "node:util";
import type { Base, BinRule, EntropyEstimator } from "infowasm";
import { usage } from "./errors.js";
import type { Method } from "./plan.js";

export type Format = "table" | "json" | "csv";

type Spec = { type: "string" | "boolean"; multiple?: boolean; short?: string };

/** Options every command takes. */
const COMMON: Record<string, Spec> = {
  help: { type: "boolean", short: "h" },
  input: { type: "string" },
  format: { type: "string" },
  base: { type: "string" },
  progress: { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  threads: { type: "string" },
  "memory-limit": { type: "string" },
  backend: { type: "string" },
  "batch-rows": { type: "string" },
};
/** Options of the commands that estimate MI or entropy. */
const ESTIMATE: Record<string, Spec> = {
  method: { type: "string" },
  bins: { type: "string" },
  estimator: { type: "string" },
  labels: { type: "string", multiple: true },
  "max-labels": { type: "string" },
  k: { type: "string" },
  seed: { type: "string" },
};

export const COMMANDS = {
  rank: { ...COMMON, ...ESTIMATE, target: { type: "string" }, exclude: { type: "string", multiple: true }, top: { type: "string" } },
  mi: { ...COMMON, ...ESTIMATE, x: { type: "string" }, y: { type: "string" } },
  entropy: { ...COMMON, ...ESTIMATE, column: { type: "string" } },
  matrix: { ...COMMON, ...ESTIMATE, columns: { type: "string", multiple: true }, exclude: { type: "string", multiple: true }, target: { type: "string" }, html: { type: "string" } },
  test: { ...COMMON, ...ESTIMATE, x: { type: "string" }, y: { type: "string" }, test: { type: "string" }, permutations: { type: "string" } },
} satisfies Record<string, Record<string, Spec>>;

export type Command = keyof typeof COMMANDS;

export interface Options {
  command: Command;
  file: string;
  values: Record<string, string | boolean | string[] | undefined>;
  input?: string;
  format: Format;
  base: Base;
  units: string;
  /** ln of the base: a value in nats divided by it is in the units. */
  lnBase: number;
  method: Method;
  bins: number | BinRule;
  estimator: EntropyEstimator;
  /** Numeric columns read as labels. */
  asLabels: Set<string>;
  maxLabels: number;
  k: number;
  seed: number;
  progress: boolean;
  quiet: boolean;
  threads?: number;
  memoryLimit?: string;
  backend: "auto" | "js" | "wasm" | "wasm-simd";
  batchRows: number;
}

const RULES: readonly BinRule[] = ["auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"];
const ESTIMATORS: readonly EntropyEstimator[] = ["plugin", "miller-madow", "grassberger", "chao-shen", "james-stein", "jackknife", "nsb"];

function choice<T extends string>(name: string, v: unknown, allowed: readonly T[], dflt: T): T {
  if (v === undefined) return dflt;
  if (typeof v === "string" && (allowed as readonly string[]).includes(v)) return v as T;
  throw usage(`--${name} must be one of ${allowed.join(", ")}; got "${String(v)}"`);
}

/** A positive integer option (or its default). */
export function count(name: string, v: unknown, dflt: number, min = 1): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (typeof v !== "string" || !/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min) throw usage(`--${name} must be an integer ≥ ${min}; got "${String(v)}"`);
  return n;
}

/** "a,b" given once or several times → ["a", "b"]. Column names with commas: give the option once per name with --x=... forms. */
export function list(v: unknown): string[] {
  if (v === undefined) return [];
  return (v as string[]).flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== "");
}

function baseOf(v: unknown): [Base, string, number] {
  if (v === undefined || v === "nats" || v === "e") return ["nats", "nats", 1];
  if (v === "bits" || v === "2") return ["bits", "bits", Math.LN2];
  if (v === "hartleys" || v === "10") return ["hartleys", "hartleys", Math.LN10];
  const b = Number(v);
  if (typeof v === "string" && Number.isFinite(b) && b > 0 && b !== 1) return [b, `log base ${v}`, Math.log(b)];
  throw usage(`--base must be nats, bits, hartleys, or a number > 0 other than 1; got "${String(v)}"`);
}

/** The options of `command` from argv (after the command name). */
export function parse(command: Command, argv: string[]): Options {
  const spec = COMMANDS[command];
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
  } catch (e) {
    throw usage(`${command}: ${(e as Error).message.split("\n")[0].replace(/\. To specify a positional argument.*$/, "")}`);
  }
  const v = parsed.values as Options["values"];
  const pos = parsed.positionals;
  if (v.help) return { command, file: "", values: v } as Options;
  if (pos.length === 0) throw usage(`${command}: give the data file: infowasm ${command} FILE …`);
  if (pos.length > 1) throw usage(`${command}: one file at a time; got ${pos.map((p) => JSON.stringify(p)).join(", ")}`);
  const method = choice("method", v.method, ["hist", "knn", "labels"] as const, "hist");
  let bins: number | BinRule = 10;
  if (v.bins !== undefined) {
    if (method !== "hist") throw usage(`--bins applies to --method hist`);
    bins = /^\d+$/.test(String(v.bins)) ? count("bins", v.bins, 10) : choice("bins", v.bins, RULES, "auto");
  }
  if (v.estimator !== undefined && method === "knn") throw usage(`--estimator applies to --method hist and labels (the count estimators); kNN has its own`);
  if (v.k !== undefined && method !== "knn") throw usage(`--k applies to --method knn`);
  if (v.seed !== undefined && method !== "knn" && command !== "test") throw usage(`--seed applies to --method knn (scikit-learn's noise) and to test`);
  if (v.labels !== undefined && method === "labels") throw usage(`--labels names numeric columns to read as labels; with --method labels every column is`);
  const [base, units, lnBase] = baseOf(v.base);
  const threads = v.threads === undefined ? undefined : count("threads", v.threads, 1);
  return {
    command,
    file: pos[0],
    values: v,
    input: v.input as string | undefined,
    format: choice("format", v.format, ["table", "json", "csv"] as const, "table"),
    base,
    units,
    lnBase,
    method,
    bins,
    estimator: choice("estimator", v.estimator, ESTIMATORS, "plugin"),
    asLabels: new Set(list(v.labels)),
    maxLabels: count("max-labels", v["max-labels"], 10000),
    k: count("k", v.k, 3),
    seed: count("seed", v.seed, 0, 0),
    progress: Boolean(v.progress),
    quiet: Boolean(v.quiet),
    threads,
    memoryLimit: v["memory-limit"] as string | undefined,
    backend: choice("backend", v.backend, ["auto", "js", "wasm", "wasm-simd"] as const, "auto"),
    batchRows: count("batch-rows", v["batch-rows"], 65536),
  };
}

/** A required string option, or a usage error. */
export function required(o: Options, name: string): string {
  const v = o.values[name];
  if (typeof v !== "string" || v === "") throw usage(`${o.command}: --${name} COL is required`);
  return v;
}
