import { Cascade, type Combine } from "../cascade.js";
import type { FloatArray } from "../backend.js";

/** Elements summed directly before a block's partial joins the pairwise cascade. */
export const BLOCK = 1024;

/**
 * Computes a block's partial results over elements [i0, i1) into `acc` (one value per field).
 * `a` and `b` are the operands (b unused by one-operand kernels); `k` is per-row context.
 */
export type BlockKernel = (a: FloatArray, b: FloatArray, i0: number, i1: number, acc: Float64Array, k: Float64Array, kOff: number) => void;

/**
 * Runs `block` over every row of a rows×cols operand pair in blocks of BLOCK elements and
 * combines the blocks pairwise: out[r·width + f] holds row r's field f.
 */
export function reduceRows(
  ops: readonly Combine[],
  block: BlockKernel,
  a: FloatArray,
  b: FloatArray,
  rows: number,
  cols: number,
  ctx: Float64Array = EMPTY,
  ctxWidth = 0,
): Float64Array {
  const width = ops.length;
  const out = new Float64Array(rows * width);
  const acc = new Float64Array(width);
  const cascade = new Cascade(ops);
  for (let r = 0; r < rows; r++) {
    cascade.reset();
    const end = (r + 1) * cols;
    for (let i = r * cols; i < end; i += BLOCK) {
      block(a, b, i, Math.min(i + BLOCK, end), acc, ctx, r * ctxWidth);
      cascade.push(acc);
    }
    cascade.result(out, r * width);
  }
  return out;
}

const EMPTY = new Float64Array(0);
