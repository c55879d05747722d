/**
 * A small raw-DEFLATE decoder (RFC 1951: stored, fixed- and dynamic-Huffman blocks), after Mark
 * Adler's `puff.c`. Used only where the runtime has no `DecompressionStream` (Safari < 16.4,
 * Firefox < 113): src/wasm/payload.ts imports it dynamically then, so other pages never load it.
 * Decodes the embedded WASM builds, which are a few dozen kB: clarity over speed.
 */

/** Canonical Huffman table: `count[len]` codes of each length, `symbol` in code order. */
interface Huffman {
  count: Uint16Array;
  symbol: Uint16Array;
}

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** Order in which a dynamic block sends its code-length code lengths. */
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

function huffman(lengths: ArrayLike<number>): Huffman {
  const count = new Uint16Array(16);
  const symbol = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) count[lengths[s]]++;
  // offs[len]: index in symbol of the first code of that length (length 0 = unused symbol)
  const offs = new Uint16Array(16);
  for (let len = 1; len < 15; len++) offs[len + 1] = offs[len] + count[len];
  for (let s = 0; s < lengths.length; s++) if (lengths[s] !== 0) symbol[offs[lengths[s]]++] = s;
  return { count, symbol };
}

/**
 * Decompresses raw DEFLATE data (no zlib or gzip header). Throws a `RangeError` naming
 * `inflateRaw` on malformed input.
 */
export function inflateRaw(input: Uint8Array): Uint8Array {
  let out = new Uint8Array(Math.max(1024, input.length * 4));
  let outLen = 0;
  let pos = 0; // next input byte
  let bitBuf = 0; // bits not yet consumed, low first
  let bitCnt = 0;
  const fail = (why: string): never => {
    throw new RangeError(`inflateRaw: malformed deflate data (${why})`);
  };
  const bits = (n: number): number => {
    while (bitCnt < n) {
      if (pos >= input.length) fail("unexpected end");
      bitBuf |= input[pos++] << bitCnt;
      bitCnt += 8;
    }
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCnt -= n;
    return v;
  };
  const ensure = (extra: number) => {
    if (outLen + extra <= out.length) return;
    const bigger = new Uint8Array(Math.max(out.length * 2, outLen + extra));
    bigger.set(out.subarray(0, outLen));
    out = bigger;
  };
  const decode = (h: Huffman): number => {
    let code = 0; // bits read so far, as a code of length len
    let first = 0; // first code of length len
    let index = 0; // index of the first code of length len in symbol
    for (let len = 1; len < 16; len++) {
      code |= bits(1);
      const count = h.count[len];
      if (code - count < first) return h.symbol[index + (code - first)];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    return fail("bad code");
  };
  const codes = (lit: Huffman, dist: Huffman) => {
    for (;;) {
      const sym = decode(lit);
      if (sym < 256) {
        ensure(1);
        out[outLen++] = sym;
      } else if (sym === 256) {
        return;
      } else {
        const li = sym - 257;
        if (li >= 29) fail("bad length symbol");
        const len = LENGTH_BASE[li] + bits(LENGTH_EXTRA[li]);
        const di = decode(dist);
        if (di >= 30) fail("bad distance symbol");
        const d = DIST_BASE[di] + bits(DIST_EXTRA[di]);
        if (d > outLen) fail("distance too far back");
        ensure(len);
        for (let i = 0; i < len; i++, outLen++) out[outLen] = out[outLen - d];
      }
    }
  };
  let fixed: [Huffman, Huffman] | undefined;
  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      bitBuf = 0; // stored block: skip to a byte boundary
      bitCnt = 0;
      if (pos + 4 > input.length) fail("unexpected end");
      const len = input[pos] | (input[pos + 1] << 8);
      if ((len ^ 0xffff) !== (input[pos + 2] | (input[pos + 3] << 8))) fail("stored length check");
      pos += 4;
      if (pos + len > input.length) fail("unexpected end");
      ensure(len);
      out.set(input.subarray(pos, pos + len), outLen);
      outLen += len;
      pos += len;
    } else if (type === 1) {
      if (!fixed) {
        const l = new Uint8Array(288);
        l.fill(8, 0, 144).fill(9, 144, 256).fill(7, 256, 280).fill(8, 280, 288);
        fixed = [huffman(l), huffman(new Uint8Array(30).fill(5))];
      }
      codes(fixed[0], fixed[1]);
    } else if (type === 2) {
      const nlen = bits(5) + 257;
      const ndist = bits(5) + 1;
      const ncode = bits(4) + 4;
      const clen = new Uint8Array(19);
      for (let i = 0; i < ncode; i++) clen[CLEN_ORDER[i]] = bits(3);
      const lencode = huffman(clen);
      const lengths = new Uint8Array(nlen + ndist);
      for (let i = 0; i < nlen + ndist; ) {
        const sym = decode(lencode);
        if (sym < 16) {
          lengths[i++] = sym;
          continue;
        }
        let value = 0;
        let repeat: number;
        if (sym === 16) {
          if (i === 0) fail("repeat with no previous length");
          value = lengths[i - 1];
          repeat = 3 + bits(2);
        } else repeat = sym === 17 ? 3 + bits(3) : 11 + bits(7);
        if (i + repeat > nlen + ndist) fail("too many lengths");
        lengths.fill(value, i, i + repeat);
        i += repeat;
      }
      codes(huffman(lengths.subarray(0, nlen)), huffman(lengths.subarray(nlen)));
    } else fail("reserved block type");
  }
  return out.slice(0, outLen);
}
