/**
 * SciPy's own tests of the discrete measures, ported: scipy/stats/tests/test_entropy.py
 * (class TestEntropy) and scipy/spatial/tests/test_distance.py (test_jensenshannon), each case
 * under its SciPy test name, on every backend. Expected values: SciPy's literals (asserted to
 * their 7–8 digits, as SciPy does) and the full-precision float64 values SciPy 1.17.1 returns
 * (asserted to 1e-12), printed by `python3 test/reference/discrete_scipy.py`.
 *
 * SciPy's default axis is 0 (the columns of a 2-D array); an infowasm matrix is a batch of rows
 * (SciPy's axis=1), so the SciPy axis=0 cases transpose first. Cases that do not apply: the
 * broadcasting of differently shaped operands (we require equal shapes: the caller broadcasts,
 * see README "Where we differ") and `keepdims` (a shape-only option).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BACKENDS, engine, close } from "./backends.js";
import type { Engine } from "../src/engine.js";
import type { Matrix } from "../src/types.js";

/** A row-major matrix from nested rows; `t` transposes (SciPy axis=0 → our rows). */
const M = (rows: number[][]): Matrix => ({ data: Float64Array.from(rows.flat()), rows: rows.length, cols: rows[0].length });
const T = (rows: number[][]): number[][] => rows[0].map((_, j) => rows.map((r) => r[j]));

function near(got: ArrayLike<number> | number, want: readonly number[] | number, rel = 1e-12, abs = 1e-15): void {
  const g = typeof got === "number" ? [got] : Array.from(got);
  const w = typeof want === "number" ? [want] : want;
  expect(g.length).toBe(w.length);
  g.forEach((v, i) => {
    if (w[i] === Infinity) expect(v).toBe(Infinity);
    else expect(close(v, w[i], rel, abs), `[${i}] got ${v}, want ${w[i]}`).toBe(true);
  });
}

const pk = [[0.1, 0.2], [0.6, 0.3], [0.3, 0.5]];
const qk = [[0.2, 0.1], [0.3, 0.6], [0.5, 0.3]];

describe.each(BACKENDS)("SciPy's entropy / jensenshannon tests (%s)", (name) => {
  let e: Engine;
  beforeAll(async () => {
    e = await engine(name);
  });

  describe("scipy/stats/tests/test_entropy.py TestEntropy", () => {
    it("test_entropy_positive", () => {
      const p = [0.5, 0.2, 0.3];
      expect(e.klDivergence(p, p)).toBe(0); // eself: exactly 0
      expect(e.klDivergence(M([p]), M([p]))[0]).toBe(0);
      const d = e.klDivergence(p, [0.1, 0.25, 0.65]);
      expect(d).toBeGreaterThan(0);
      near(d, 0.5281332794841637);
    });

    it("test_entropy_base", () => {
      const ones = new Array(16).fill(1);
      near(e.entropy(ones, { base: 2 }), 4); // |S − 4| < 1e-5 in SciPy; exactly log2(16)
      const q = ones.map((_, i) => (i < 8 ? 2 : 1));
      const S = e.klDivergence(ones, q);
      const S2 = e.klDivergence(ones, q, { base: 2 });
      near(S, 0.0588915178281918);
      near(S2, 0.08496250072115628);
      near(S / S2, Math.LN2);
    });

    it("test_entropy_zero", () => {
      near(e.entropy([0, 1, 2]), 0.63651416829481278);
      near(e.entropy(Float32Array.from([0, 1, 2])), 0.63651416829481278, 1e-6); // float32 input: see README Accuracy
    });

    it("test_entropy_2d (axis=0: the columns, transposed)", () => {
      const d = e.klDivergence(M(T(pk)), M(T(qk)));
      near(d, [0.1933259, 0.18609809], 1e-7, 0);
      near(d, [0.19332590315017542, 0.18609809382700082]);
    });

    it("test_entropy_2d_zero", () => {
      const qz = [[0.0, 0.1], [0.3, 0.6], [0.5, 0.3]];
      near(e.klDivergence(M(T(pk)), M(T(qz))), [Infinity, 0.18609809382700082]);
      const pz = [[0.0, 0.2], [0.6, 0.3], [0.3, 0.5]];
      const d = e.klDivergence(M(T(pz)), M(T(qz)));
      near(d, [0.17403988, 0.18609809], 1e-7, 0);
      near(d, [0.17403987679491673, 0.18609809382700082]);
    });

    it("test_entropy_base_2d_nondefault_axis (axis=1: our rows)", () => {
      const h = e.entropy(M(pk));
      near(h, [0.63651417, 0.63651417, 0.66156324], 1e-7, 0);
      near(h, [0.6365141682948128, 0.6365141682948128, 0.6615632381579821]);
      near(e.entropy(M(pk), { base: 2 }), [0.9182958340544894, 0.9182958340544894, 0.954434002924965]);
    });

    it("test_entropy_2d_nondefault_axis (axis=1: our rows)", () => {
      const d = e.klDivergence(M(pk), M(qk));
      near(d, [0.23104906, 0.23104906, 0.12770641], 1e-7, 0);
      near(d, [0.23104906018664842, 0.23104906018664845, 0.12770640594149776]);
    });

    it("test_entropy_raises_value_error (shapes 3×2 and 2×2)", () => {
      expect(() => e.klDivergence(M(pk), M([[0.1, 0.2], [0.6, 0.3]]))).toThrow(new RangeError("klDivergence: p is 3×2 but q is 2×2"));
    });

    it("test_base_entropy_with_axis_0_is_equal_to_default (each column as a vector)", () => {
      const cols = T(pk);
      const h = e.entropy(M(cols));
      near(h, [0.8979457248567798, 1.0296530140645737]);
      near(h, cols.map((c) => e.entropy(c)));
    });

    it("test_entropy_with_axis_0_is_equal_to_default (each column as a vector)", () => {
      const [P, Q] = [T(pk), T(qk)];
      near(e.klDivergence(M(P), M(Q)), P.map((p, i) => e.klDivergence(p, Q[i])));
    });

    it("test_base_entropy_transposed", () => {
      // entropy(pk.T) (axis 0 of pk.T = the rows of pk) equals entropy(pk, axis=1)
      near(e.entropy(M(T(T(pk)))), e.entropy(M(pk)) as unknown as number[]);
      near(pk.map((row) => e.entropy(row)), [0.6365141682948128, 0.6365141682948128, 0.6615632381579821]);
    });

    it("test_entropy_transposed", () => {
      near(pk.map((row, i) => e.klDivergence(row, qk[i])), [0.23104906018664842, 0.23104906018664845, 0.12770640594149776]);
    });

    it("test_entropy_broadcasting (broadcast by the caller)", () => {
      // x of shape (3,), y of shape (2, 1): SciPy broadcasts y[r] along x; here the caller does
      const x = [0.11551488515512653, 0.4568920171911597, 0.2973740753815961];
      const y = [0.4619093853908457, 0.43144671895720776];
      const res = e.klDivergence(M([x, x]), M(y.map((v) => [v, v, v])));
      near(res, [0.12536991591441157, 0.12536991591441177]);
      near(res[0], e.klDivergence(x, [y[0], y[0], y[0]]));
      near(res[1], e.klDivergence(x, [y[1], y[1], y[1]]));
    });

    it("test_entropy_shape_mismatch", () => {
      expect(() => e.klDivergence(new Array(12).fill(1), [1, 1])).toThrow(new RangeError("klDivergence: p has length 12 but q has length 2"));
    });

    it("test_input_validation (base = −2)", () => {
      expect(() => e.entropy(new Array(10).fill(1), { base: -2 })).toThrow(new RangeError("entropy: base must be a positive finite number ≠ 1, got -2"));
    });
  });

  describe("scipy/spatial/tests/test_distance.py test_jensenshannon", () => {
    it("vectors", () => {
      near(e.jsDistance([1.0, 0.0, 0.0], [0.0, 1.0, 0.0], { base: 2 }), 1.0);
      near(e.jsDistance([1.0, 0.0], [0.5, 0.5]), 0.46450140402245893);
      expect(e.jsDistance([1.0, 0.0, 0.0], [1.0, 0.0, 0.0])).toBe(0);
    });

    it("[[1, 2]] vs [[0.5, 1.5]], axis=0 (transposed) and axis=1", () => {
      near(e.jsDistance(M(T([[1.0, 2.0]])), M(T([[0.5, 1.5]]))), [0, 0]);
      const d = e.jsDistance(M([[1.0, 2.0]]), M([[0.5, 1.5]]));
      near(d, [0.0649045], 0, 1.5e-7); // assert_almost_equal: 7 decimals
      near(d, [0.0649045071124932]);
    });

    it("3×4 integer matrices, axis=0 (transposed) and axis=1", () => {
      const a = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]];
      const b = [[13, 14, 15, 16], [17, 18, 19, 20], [21, 22, 23, 24]];
      const d0 = e.jsDistance(M(T(a)), M(T(b)));
      near(d0, [0.1954288, 0.1447697, 0.1138377, 0.0927636], 0, 1.5e-7);
      near(d0, [0.19542878115393794, 0.14476970910187165, 0.11383771437206669, 0.09276357967788262]);
      const d1 = e.jsDistance(M(a), M(b));
      near(d1, [0.1402339, 0.0399106, 0.0201815], 0, 1.5e-7);
      near(d1, [0.1402339353467297, 0.0399106285454718, 0.020181534745608052]);
    });
  });

  describe("inputs SciPy answers with NaN or −inf, rejected here (README: Where we differ)", () => {
    it.each([
      ["entropy([0, 0])", () => e.entropy([0, 0]), "entropy: p sums to 0; it needs at least one positive weight"],
      ["entropy([1, -1, 1])", () => e.entropy([1, -1, 1]), "entropy: p[1] is -1; weights must be finite and non-negative"],
      ["entropy([1, Infinity])", () => e.entropy([1, Infinity]), "entropy: p[1] is Infinity; weights must be finite and non-negative"],
      ["entropy([1, NaN])", () => e.entropy([1, NaN]), "entropy: p[1] is NaN; weights must be finite and non-negative"],
      ["jensenshannon([0, 0], [0, 0])", () => e.jsDistance([0, 0], [0, 0]), "jsDistance: p sums to 0; it needs at least one positive weight"],
    ])("%s", (_, call, message) => {
      expect(call).toThrow(new RangeError(message));
    });
  });
});
