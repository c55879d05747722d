import { Cascade, type Combine } from "../cascade.js";
import type { FloatArray } from "../backend.js";

/** Elements summed directly before a block's partial joins the pairwise cascade. */
export const BLOCK = 1024;

/** Computes the partial results of columns [j0, j1) of row r into `acc` (one value per field). */
export type RowBlock = (r: number, j0: number, j1: number, acc: Float64Array) => void;

/**
 * The pairwise driver of every JS reference kernel: runs `block` over each row of a rows×cols
 * batch in blocks of BLOCK columns and combines the blocks pairwise, field by field (sum or
 * min): out[r·width + f] holds row r's field f.
 */
export function rowBlocks(ops: readonly Combine[], rows: number, cols: number, block: RowBlock): Float64Array {
  const width = ops.length;
  const out = new Float64Array(rows * width);
  const acc = new Float64Array(width);
  const cascade = new Cascade(ops);
  for (let r = 0; r < rows; r++) {
    cascade.reset();
    for (let j = 0; j < cols; j += BLOCK) {
      block(r, j, Math.min(j + BLOCK, cols), acc);
      cascade.push(acc);
    }
    cascade.result(out, r * width);
  }
  return out;
}

/**
 * A kernel over elements [i0, i1) (absolute indices into row-major operands): `a` and `b` are the
 * operands (b unused by one-operand kernels), `k[kOff ..]` the row's context.
 */
export type BlockKernel = (a: FloatArray, b: FloatArray, i0: number, i1: number, acc: Float64Array, k: Float64Array, kOff: number) => void;

/** rowBlocks for an element-range kernel over one or two rows×cols operands. */
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
  return rowBlocks(ops, rows, cols, (r, j0, j1, acc) => block(a, b, r * cols + j0, r * cols + j1, acc, ctx, r * ctxWidth));
}

const EMPTY = new Float64Array(0);
