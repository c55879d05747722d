/**
 * The histogram kernels on WASM: assembly/histogram.ts through the chunked host. Samples are
 * streamed through the operand regions (Float32 samples are widened to float64 as they are
 * copied in: no JS-side copy); edges, parameters and u32 count tables sit in the family region
 * from h.reserve() (grown at most once per new maximum size). The tables are zeroed before a
 * call and their sub-tables summed into float64 counts after it (and every 2^30 samples).
 */
import type { BinCounts, BinSpec, FloatArray, HistogramKernels } from "../backend.js";
import { CHUNK, type Ptr, type WasmHost } from "./host.js";

/** Sub-tables for tables up to this many cells (spreads increments of one cell over 4 tables). */
const SUB_CELLS = 1 << 16;
const FLUSH = 1 << 30;
const align16 = (n: number) => (n + 15) & ~15;

/**
 * Bound (in bins) on how far the multiplied index (x − first)·norm and the linspace edges can be
 * from each other: a few ulp of the largest coordinate, times norm, plus a few ulp of n. Samples
 * farther than this from every edge need no correction (≥ 0.5: every sample is corrected).
 */
function edgeSlack(b: BinSpec): number {
  const s = 16 * 2 ** -52 * (Math.max(Math.abs(b.first), Math.abs(b.last)) * b.norm + b.n + 1);
  return b.uniform && s < 0.25 ? s : 1;
}

export function wasmHistogram(h: WasmHost): HistogramKernels {
  const copyF64 = (src: FloatArray, i0: number, i1: number, ptr: Ptr) => h.view64().set(src.subarray(i0, i1), ptr >> 3);

  /** Count tables at `at`: `subs` sub-tables of `stride` u32 cells (the last cell of each is the dump). */
  function tables(cells: number, at: Ptr) {
    const subs = cells <= SUB_CELLS ? 4 : 1;
    const stride = align16(cells + 1);
    return { subs, stride, at, bytes: subs * stride * 4, sub: subs > 1 ? stride * 4 : 0 };
  }

  /** Adds the sub-tables into counts and zeroes them. */
  function flush(t: ReturnType<typeof tables>, counts: Float64Array, cells: number): void {
    const v = h.viewI32();
    const base = t.at >> 2;
    for (let s = 0; s < t.subs; s++) {
      const o = base + s * t.stride;
      for (let c = 0; c < cells; c++) counts[c] += v[o + c] >>> 0;
    }
    v.fill(0, base, base + t.subs * t.stride);
  }

  /** Reserves prm (6 f64), both edge arrays and the tables; writes the parameters and edges. */
  function layout(bx: BinSpec, by: BinSpec | null, cells: number) {
    const prm = 0;
    const ex = 64;
    const ey = align16(ex + (bx.n + 1) * 8);
    const tb = align16(ey + (by ? (by.n + 1) * 8 : 0));
    const probe = tables(cells, 0);
    const base = h.reserve(tb + probe.bytes + 64);
    const f = h.view64();
    f.set([bx.first, bx.last, bx.norm, by?.first ?? 0, by?.last ?? 0, by?.norm ?? 0, edgeSlack(bx), by ? edgeSlack(by) : 1], (base + prm) >> 3);
    f.set(bx.edges, (base + ex) >> 3);
    if (by) f.set(by.edges, (base + ey) >> 3);
    const t = tables(cells, base + tb);
    h.viewI32().fill(0, t.at >> 2, (t.at >> 2) + t.subs * t.stride);
    return { prm: base + prm, ex: base + ex, ey: base + ey, t };
  }

  return {
    minMax(x: FloatArray): Float64Array {
      const fn = h.kernel("minMaxF64");
      let mn = Infinity;
      let mx = -Infinity;
      let bad = 0;
      for (let i0 = 0; i0 < x.length; i0 += CHUNK) {
        const i1 = Math.min(i0 + CHUNK, x.length);
        copyF64(x, i0, i1, h.op[0]);
        fn(h.op[0], i1 - i0, h.out);
        const m = h.view64();
        const o = h.out >> 3;
        if (m[o] < mn) mn = m[o];
        if (m[o + 1] > mx) mx = m[o + 1];
        if (m[o + 2] !== 0) bad++;
      }
      return Float64Array.of(mn, mx, bad);
    },

    columnMinMax(X: FloatArray, rows: number, cols: number): Float64Array {
      const fn = h.kernel("columnMinMaxF64");
      const base = h.reserve(3 * cols * 8);
      const mins = base;
      const maxs = base + cols * 8;
      const bads = base + 2 * cols * 8;
      const f = h.view64();
      f.fill(Infinity, mins >> 3, (mins >> 3) + cols);
      f.fill(-Infinity, maxs >> 3, (maxs >> 3) + cols);
      f.fill(0, bads >> 3, (bads >> 3) + cols);
      h.blocks(rows, cols, (r0, r1, c0, c1) => {
        if (c0 === 0 && c1 === cols) copyF64(X, r0 * cols, r1 * cols, h.op[0]);
        else copyF64(X, r0 * cols + c0, r0 * cols + c1, h.op[0]);
        fn(h.op[0], r1 - r0, c1 - c0, c0, mins, maxs, bads);
      });
      const m = h.view64();
      const out = new Float64Array(3 * cols);
      for (let j = 0; j < cols; j++) {
        out[3 * j] = m[(mins >> 3) + j];
        out[3 * j + 1] = m[(maxs >> 3) + j];
        out[3 * j + 2] = m[(bads >> 3) + j] === 0 ? 0 : 1;
      }
      return out;
    },

    histogram1d(x: FloatArray, bx: BinSpec): BinCounts {
      const cells = bx.n;
      const { prm, ex, t } = layout(bx, null, cells);
      const counts = new Float64Array(cells);
      const fn = h.kernel(bx.uniform ? "hist1dUniformF64" : "hist1dEdgesF64");
      let bad = 0;
      let since = 0;
      for (let i0 = 0; i0 < x.length; i0 += CHUNK) {
        const i1 = Math.min(i0 + CHUNK, x.length);
        copyF64(x, i0, i1, h.op[0]);
        const r = bx.uniform ? fn(h.op[0], i1 - i0, prm, ex, cells, t.at, t.sub) : fn(h.op[0], i1 - i0, ex, cells, t.at, t.sub);
        if (r !== 0) bad++;
        if ((since += i1 - i0) >= FLUSH) {
          flush(t, counts, cells);
          since = 0;
        }
      }
      flush(t, counts, cells);
      return { counts, bad };
    },

    binCodes(x: FloatArray, bx: BinSpec): { codes: Int32Array; bad: number } {
      const { prm, ex } = layout(bx, null, 0);
      const fn = h.kernel("binCodesF64");
      const codes = new Int32Array(x.length);
      let bad = 0;
      for (let i0 = 0; i0 < x.length; i0 += CHUNK) {
        const i1 = Math.min(i0 + CHUNK, x.length);
        copyF64(x, i0, i1, h.op[0]);
        if (fn(h.op[0], i1 - i0, prm, ex, bx.n, bx.uniform ? 1 : 0, h.out) !== 0) bad++;
        codes.set(h.viewI32().subarray(h.out >> 2, (h.out >> 2) + (i1 - i0)), i0);
      }
      return { codes, bad };
    },

    histogram2d(x: FloatArray, y: FloatArray, bx: BinSpec, by: BinSpec): BinCounts {
      const cells = bx.n * by.n;
      const { prm, ex, ey, t } = layout(bx, by, cells);
      const counts = new Float64Array(cells);
      const uniform = bx.uniform && by.uniform;
      const fn = h.kernel(uniform ? "hist2dUniformF64" : "hist2dEdgesF64");
      let bad = 0;
      let since = 0;
      for (let i0 = 0; i0 < x.length; i0 += CHUNK) {
        const i1 = Math.min(i0 + CHUNK, x.length);
        copyF64(x, i0, i1, h.op[0]);
        copyF64(y, i0, i1, h.op[1]);
        const r = uniform
          ? fn(h.op[0], h.op[1], i1 - i0, prm, ex, ey, bx.n, by.n, t.at, t.sub)
          : fn(h.op[0], h.op[1], i1 - i0, prm, ex, ey, bx.n, by.n, bx.uniform ? 1 : 0, by.uniform ? 1 : 0, t.at, t.sub);
        if (r !== 0) bad++;
        if ((since += i1 - i0) >= FLUSH) {
          flush(t, counts, cells);
          since = 0;
        }
      }
      flush(t, counts, cells);
      return { counts, bad };
    },

    columnCounts(X: FloatArray, rows: number, cols: number, bins: readonly BinSpec[], yIdx: Int32Array, k: number): BinCounts {
      let total = 0;
      let nEdges = 0;
      for (const b of bins) {
        total += b.n * k;
        nEdges += b.n + 1;
      }
      // layout: first, last, norm (f64 × cols), nb, eOff, tOff, uni (i32 × cols), edges, table
      const f8 = align16(cols * 8);
      const i4 = align16(cols * 4);
      const oEdges = 3 * f8 + 4 * i4;
      const oTable = align16(oEdges + nEdges * 8);
      const base = h.reserve(oTable + (total + 1) * 4 + 64);
      const [first, last, norm] = [base, base + f8, base + 2 * f8];
      const [nb, eOff, tOff, uni] = [0, 1, 2, 3].map((i) => base + 3 * f8 + i * i4);
      const edges = base + oEdges;
      const table = base + oTable;
      const f = h.view64();
      const v = h.viewI32();
      let e = 0;
      let o = 0;
      for (let j = 0; j < cols; j++) {
        const b = bins[j];
        f[(first >> 3) + j] = b.first;
        f[(last >> 3) + j] = b.last;
        f[(norm >> 3) + j] = b.norm;
        v[(nb >> 2) + j] = b.n;
        v[(eOff >> 2) + j] = e;
        v[(tOff >> 2) + j] = o;
        v[(uni >> 2) + j] = b.uniform ? 1 : 0;
        f.set(b.edges, (edges >> 3) + e);
        e += b.n + 1;
        o += b.n * k;
      }
      v.fill(0, table >> 2, (table >> 2) + total + 1);
      const fn = h.kernel("columnCountsF64");
      let bad = 0;
      const counts = new Float64Array(total);
      let since = 0;
      h.blocks(rows, cols, (r0, r1, c0, c1) => {
        if (c0 === 0 && c1 === cols) copyF64(X, r0 * cols, r1 * cols, h.op[0]);
        else copyF64(X, r0 * cols + c0, r0 * cols + c1, h.op[0]);
        h.copyIn(yIdx, r0, r1, h.op[1]);
        const r = fn(h.op[0], r1 - r0, c1 - c0, c0, h.op[1], k, first, last, norm, nb, eOff, tOff, uni, edges, table, total);
        if (r !== 0) bad++;
        if ((since += (r1 - r0) * (c1 - c0)) >= FLUSH) {
          flush({ subs: 1, stride: total + 1, at: table, bytes: 0, sub: 0 }, counts, total);
          since = 0;
        }
      });
      flush({ subs: 1, stride: total + 1, at: table, bytes: 0, sub: 0 }, counts, total);
      return { counts, bad };
    },
  };
}
