/**
 * The label kernels on WASM: assembly/labels.ts through the chunked host. Label chunks are
 * copied into op[0] / op[1] unchanged (as 32-bit words); tables live from the host's table base
 * on (h.tableBase(): the table at the end of the heap, which then grows in place):
 *   dense path   [u32 table R·C][rowSums R][colSums C][cellRow K][cellCol K][cellCount K]
 *   sparse path  [label hash A][label hash B][dense id table or pair hash][outputs as above]
 * A hash grows (doubling, rehashed into the space above it and moved down) before a chunk could
 * fill it past load ½, so its size follows the number of distinct labels, not their range.
 */
import { denseFits, type LabelArray, type LabelKernels, type RawContingency } from "../backend.js";
import { CHUNK, type Ptr, type WasmHost } from "./host.js";

const align = (x: number) => (x + 63) & ~63;
const pow2AtLeast = (x: number) => 2 ** Math.ceil(Math.log2(Math.max(16, x)));

export function wasmLabels(h: WasmHost): LabelKernels {
  let u32 = new Uint32Array(0);
  const viewU32 = (): Uint32Array => {
    if (u32.buffer !== h.k.memory.buffer) u32 = new Uint32Array(h.k.memory.buffer);
    return u32;
  };
  const copyLabels = (x: LabelArray, i0: number, i1: number, ptr: Ptr) => {
    if (x instanceof Int32Array) h.viewI32().set(x.subarray(i0, i1), ptr >> 2);
    else viewU32().set(x.subarray(i0, i1), ptr >> 2);
  };
  const fn = (name: string) => h.kernel(name);
  const K = {
    labelRange: fn("labelRange"),
    countDense: fn("countDense"),
    extractDense: fn("extractDense"),
    labelHashClear: fn("labelHashClear"),
    labelHashInsert: fn("labelHashInsert"),
    labelHashLookup: fn("labelHashLookup"),
    labelHashRehash: fn("labelHashRehash"),
    labelHashLabels: fn("labelHashLabels"),
    pairHashClear: fn("pairHashClear"),
    pairHashCount: fn("pairHashCount"),
    pairHashRehash: fn("pairHashRehash"),
    extractPairHash: fn("extractPairHash"),
    valueHashClear: fn("valueHashClear"),
    valueHashInsert: fn("valueHashInsert"),
    valueHashRehash: fn("valueHashRehash"),
    valueHashValues: fn("valueHashValues"),
    copyBytes: fn("copyBytes"),
    zeroBytes: fn("zeroBytes"),
    expectedMI: fn("expectedMI"),
  };
  /** Where this call's tables start (set at the start of each call; fixed during it). */
  let base: Ptr = 0;
  const begin = (): Ptr => (base = h.tableBase());
  /** Ensures [base, end) exists (end an absolute address); the table grows in place. */
  const reserveTo = (end: number) => {
    if (h.reserve(end - base) !== base) throw new Error("infowasm: the label table moved during a call");
  };

  /** A growable open-addressing hash at `at` (slotBytes per slot), grown before it passes load ½. */
  class Hash {
    slots: number;
    count = 0;
    constructor(readonly at: Ptr, readonly slotBytes: number, readonly bound: number, readonly clear: (p: Ptr, s: number) => void, readonly rehash: (f: Ptr, fs: number, t: Ptr, mask: number) => void) {
      this.slots = pow2AtLeast(2 * Math.min(bound, CHUNK));
      reserveTo(at + this.slots * slotBytes);
      clear(at, this.slots);
    }
    /** Makes room for `more` new entries at load ≤ ½. */
    ensure(more: number): void {
      const need = 2 * Math.min(this.count + more, this.bound);
      if (need <= this.slots) return;
      const next = pow2AtLeast(need);
      const to = this.at + this.slots * this.slotBytes;
      reserveTo(to + next * this.slotBytes);
      this.clear(to, next);
      this.rehash(this.at, this.slots, to, next - 1);
      K.copyBytes(this.at, to, next * this.slotBytes);
      this.slots = next;
    }
    get end(): Ptr {
      return align(this.at + this.slots * this.slotBytes);
    }
  }

  /** Maps every label of x to an id (first appearance) in a label hash at `at`. */
  function labelHash(x: LabelArray, max: number, at: Ptr): Hash {
    const hs = new Hash(at, 8, Math.min(x.length, max + 1), (p, s) => K.labelHashClear(p, s), (f, fs, t, m) => K.labelHashRehash(f, fs, t, m));
    for (let i0 = 0; i0 < x.length; i0 += CHUNK) {
      const i1 = Math.min(i0 + CHUNK, x.length);
      hs.ensure(i1 - i0);
      copyLabels(x, i0, i1, h.op[0]);
      hs.count = K.labelHashInsert(hs.at, hs.slots - 1, h.op[0], i1 - i0, hs.count);
    }
    return hs;
  }

  function labelsOf(hs: Hash, at: Ptr): Uint32Array {
    reserveTo(at + hs.count * 4);
    K.labelHashLabels(hs.at, hs.slots, at);
    return viewU32().slice(at >> 2, (at >> 2) + hs.count);
  }

  /** Reads back R, C marginals and k cells from the output area. */
  function outputs(at: Ptr, R: number, C: number, K_: number) {
    const rs = at;
    const cs = align(rs + R * 8);
    const cr = align(cs + C * 8);
    const cc = align(cr + K_ * 4);
    const cn = align(cc + K_ * 4);
    reserveTo(cn + K_ * 8);
    return {
      ptrs: [rs, cs, cr, cc, cn] as const,
      read(k: number) {
        const f64 = h.view64();
        const i32 = h.viewI32();
        return {
          rowSums: f64.slice(rs >> 3, (rs >> 3) + R),
          colSums: f64.slice(cs >> 3, (cs >> 3) + C),
          cellRow: i32.slice(cr >> 2, (cr >> 2) + k),
          cellCol: i32.slice(cc >> 2, (cc >> 2) + k),
          cellCount: f64.slice(cn >> 3, (cn >> 3) + k),
        };
      },
    };
  }

  /**
   * Counts chunks of (a, b) into a dense R×C u32 table at `at`; `map` turns a chunk's labels
   * into ids in place first (or nothing, on the direct path).
   */
  function dense(a: LabelArray, b: LabelArray, R: number, C: number, at: Ptr, map?: (m: number) => void) {
    const cells = R * C;
    const out = outputs(align(at + cells * 4), R, C, Math.min(a.length, cells));
    K.zeroBytes(at, cells * 4);
    for (let i0 = 0; i0 < a.length; i0 += CHUNK) {
      const i1 = Math.min(i0 + CHUNK, a.length);
      copyLabels(a, i0, i1, h.op[0]);
      copyLabels(b, i0, i1, h.op[1]);
      map?.(i1 - i0);
      K.countDense(h.op[0], h.op[1], i1 - i0, at, C);
    }
    const k = K.extractDense(at, R, C, ...out.ptrs);
    return out.read(k);
  }

  function countPairs(a: LabelArray, b: LabelArray, maxA: number, maxB: number): RawContingency {
    const n = a.length;
    begin();
    if (denseFits(maxA + 1, maxB + 1, n)) {
      const iota = (m: number) => Uint32Array.from({ length: m }, (_, i) => i);
      const t = dense(a, b, maxA + 1, maxB + 1, base);
      return { rowLabels: iota(maxA + 1), colLabels: iota(maxB + 1), ...t, sorted: true };
    }
    const hA = labelHash(a, maxA, base);
    const hB = labelHash(b, maxB, hA.end);
    const R = hA.count;
    const C = hB.count;
    const rowLabels = labelsOf(hA, hB.end);
    const colLabels = labelsOf(hB, hB.end);
    const lookup = (m: number) => {
      K.labelHashLookup(hA.at, hA.slots - 1, h.op[0], m);
      K.labelHashLookup(hB.at, hB.slots - 1, h.op[1], m);
    };
    if (denseFits(R, C, n)) return { rowLabels, colLabels, ...dense(a, b, R, C, hB.end, lookup), sorted: false };
    const ph = new Hash(hB.end, 16, Math.min(n, R * C), (p, s) => K.pairHashClear(p, s), (f, fs, t, m) => K.pairHashRehash(f, fs, t, m));
    for (let i0 = 0; i0 < n; i0 += CHUNK) {
      const i1 = Math.min(i0 + CHUNK, n);
      ph.ensure(i1 - i0);
      copyLabels(a, i0, i1, h.op[0]);
      copyLabels(b, i0, i1, h.op[1]);
      lookup(i1 - i0);
      ph.count += K.pairHashCount(ph.at, ph.slots - 1, h.op[0], h.op[1], i1 - i0);
    }
    const out = outputs(ph.end, R, C, ph.count);
    const k = K.extractPairHash(ph.at, ph.slots, R, C, ...out.ptrs);
    return { rowLabels, colLabels, ...out.read(k), sorted: false };
  }

  /** Numeric labels → ids in order of first appearance, through a value hash at the table base. */
  function labelIds(x: Float64Array): { ids: Uint32Array; values: Float64Array } {
    const hs = new Hash(begin(), 16, x.length, (p, s) => K.valueHashClear(p, s), (f, fs, t, m) => K.valueHashRehash(f, fs, t, m));
    const ids = new Uint32Array(x.length);
    for (let i0 = 0; i0 < x.length; i0 += CHUNK) {
      const i1 = Math.min(i0 + CHUNK, x.length);
      hs.ensure(i1 - i0);
      h.view64().set(x.subarray(i0, i1), h.op[0] >> 3);
      hs.count = K.valueHashInsert(hs.at, hs.slots - 1, h.op[0], i1 - i0, hs.count, h.op[1]);
      ids.set(viewU32().subarray(h.op[1] >> 2, (h.op[1] >> 2) + (i1 - i0)), i0);
    }
    const at = hs.end;
    reserveTo(at + hs.count * 8);
    K.valueHashValues(hs.at, hs.slots, at);
    return { ids, values: h.view64().slice(at >> 3, (at >> 3) + hs.count) };
  }

  return {
    labelIds,
    labelRange(x) {
      let mn = 2147483647;
      let mx = 0;
      const o = h.out >> 3;
      for (let i0 = 0; i0 < x.length; i0 += CHUNK) {
        const i1 = Math.min(i0 + CHUNK, x.length);
        copyLabels(x, i0, i1, h.op[0]);
        K.labelRange(h.op[0], i1 - i0, h.out);
        const f64 = h.view64();
        mn = Math.min(mn, f64[o]);
        mx = Math.max(mx, f64[o + 1]);
      }
      return [mn, mx];
    },
    countPairs,
    expectedMI(a, ma, b, mb, n) {
      const pa = begin();
      const pma = align(pa + a.length * 8);
      const pb = align(pma + a.length * 8);
      const pmb = align(pb + b.length * 8);
      reserveTo(pmb + b.length * 8);
      const f64 = h.view64();
      f64.set(a, pa >> 3);
      f64.set(ma, pma >> 3);
      f64.set(b, pb >> 3);
      f64.set(mb, pmb >> 3);
      return K.expectedMI(pa, pma, a.length, pb, pmb, b.length, n);
    },
  };
}
