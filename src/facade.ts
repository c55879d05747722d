/**
 * How a family's public methods reach the engine. Each family module (src/discrete.ts,
 * src/labels.ts, …) ends with an abstract class of its public methods, with their docstrings and
 * overloads, whose bodies call the family's functions with `this[backendOf]()`; src/engine.ts
 * names every such class twice, once in `interface Engine extends …` (the types) and once in
 * `install(Engine, …)` (the methods). Adding a family = its files + those two lines.
 */
import type { Backend } from "./backend.js";

/** @internal The key under which the engine hands its backend to the family methods. */
export const backendOf: unique symbol = Symbol("infowasm.backend");

/**
 * Copies the methods (and accessors) of each family class onto `target.prototype`. A name
 * defined twice is an error at load time, so two families can never shadow each other.
 */
export function install(target: abstract new (...args: never[]) => unknown, families: readonly (abstract new (...args: never[]) => unknown)[]): void {
  const seen = new Set(Object.getOwnPropertyNames(target.prototype));
  for (const family of families) {
    for (const key of Object.getOwnPropertyNames(family.prototype)) {
      if (key === "constructor") continue;
      if (seen.has(key)) throw new Error(`infowasm: ${family.name}.${key} is defined twice on the engine`);
      seen.add(key);
      Object.defineProperty(target.prototype, key, Object.getOwnPropertyDescriptor(family.prototype, key)!);
    }
  }
}

export type { Backend };
