import { setScratchStart } from "./memory";
setScratchStart(__heap_base);
export function probe(x: f64): f64 { return x * 2; }
