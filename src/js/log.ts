/**
 * ln x by fdlibm's __ieee754_log: the JS twin of assembly/log.ts lnF64, the same bits on every
 * input (Math.log is not specified to the last bit), for the kernels whose backends must agree
 * exactly: the channel iterations (src/js/channels.ts) and the expected mutual information's log
 * factorials (src/js/labels.ts).
 */
// fdlibm's __ieee754_log (Sun Microsystems 1993, e_log.c; also musl's log.c before 2018),
// statement for statement: x = 2^k·(1 + f) with 1 + f in [√2/2, √2), s = f/(2 + f),
// ln(1 + f) = f − s(f − R) (or with hf = f²/2: f − (hf − s(hf + R))), R a degree-14 minimax
// polynomial in s (the Lg1 … Lg7 below, |error| < 2^-58.45), k·ln2 added as ln2_hi + ln2_lo.
// Error < 1 ulp. Here: ln(±0) = −Infinity, negatives and NaN → NaN, +Infinity → +Infinity.

const LN2_HI = 6.93147180369123816490e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const TWO54 = 1.8014398509481984e16;
const LG1 = 6.666666666666735130e-1; // 0x3FE55555 55555593
const LG2 = 3.999999999940941908e-1; // 0x3FD99999 9997FA04
const LG3 = 2.857142874366239149e-1; // 0x3FD24924 94229359
const LG4 = 2.222219843214978396e-1; // 0x3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-1; // 0x3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-1; // 0x3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-1; // 0x3FC2F112 DF3E5244

const F = new Float64Array(1);
const W = new Int32Array(F.buffer); // W[0] the low word, W[1] the high word (little-endian)

/** ln x (fdlibm's log; see above). */
export function lnF64(x: number): number {
  F[0] = x;
  let hx = W[1];
  let k = 0;
  if (hx < 0x00100000) {
    if (x === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54; // subnormal: scale up
    F[0] = x;
    hx = W[1];
  }
  if (hx >= 0x7ff00000) return x + x;
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  W[1] = hx | (i ^ 0x3ff00000); // normalise x or x/2
  k += i >> 20;
  const f = F[0] - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // −2^-20 ≤ f < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + k * LN2_LO;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - R;
    return k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const z = s * s;
  let j = hx - 0x6147a;
  const w = z * z;
  const j2 = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  j |= j2;
  const R = t2 + t1;
  if (j > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return k * LN2_HI - (s * (f - R) - k * LN2_LO - f);
}
