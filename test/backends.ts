/** Every suite runs once per backend: the same assertions for js, wasm and wasm-simd. */
import { init } from "../src/index.js";
import type { Engine } from "../src/engine.js";
import type { BackendName } from "../src/types.js";
import { expect } from "vitest";
import { rng } from "../bench/random.js";

export { rng };

export const BACKENDS: readonly BackendName[] = ["js", "wasm", "wasm-simd"];

const engines = new Map<BackendName, Promise<Engine>>();

/** One shared engine per backend per test file. */
export function engine(name: BackendName): Promise<Engine> {
  let e = engines.get(name);
  if (!e) {
    e = init({ backend: name });
    engines.set(name, e);
  }
  return e;
}

/** Random non-negative weights with about `zeroFraction` exact zeros. */
export function weights(n: number, seed: number, zeroFraction = 0.1, Ctor: Float64ArrayConstructor | Float32ArrayConstructor = Float64Array): Float64Array | Float32Array {
  const r = rng(seed);
  const out = new Ctor(n);
  for (let i = 0; i < n; i++) out[i] = r() < zeroFraction ? 0 : r() * 10;
  if (n > 0 && out.every((v) => v === 0)) out[0] = 1;
  return out;
}

/** |a − b| ≤ rel·max(|a|, |b|) + abs. */
export function close(a: number, b: number, rel = 1e-12, abs = 1e-15): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;
}

/** f throws an instance of Ctor whose message contains every fragment (a string, or a RegExp it matches). */
export function throws(f: () => unknown, Ctor: typeof RangeError | typeof TypeError, ...fragments: (string | RegExp)[]): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err, `expected ${Ctor.name} with ${fragments.join(", ")}`).toBeInstanceOf(Ctor);
  const msg = (err as Error).message;
  for (const p of fragments) {
    if (typeof p === "string") expect(msg, msg).toContain(p);
    else expect(msg, msg).toMatch(p);
  }
}
