#!/usr/bin/env python3
"""Independent reference values for infowasm's tests of independence and bootstrap intervals
(test/resampling.test.ts).

Run:   python3 test/reference/resampling.py --emit-ts test/reference/resampling.ts

* xoshiro128**: the reference C code of Blackman & Vigna (prng.di.unimi.it/xoshiro128starstar.c)
  transcribed with Python integers; Lemire's bounded integers (Lemire 2019, Algorithm 5) likewise.
* Stream seeding: splitmix32 as src/random.ts documents it (seed word + stream·0x632be5ab, then
  four splitmix32 outputs), written again here from that description.
* G-test and Pearson's χ²: scipy.stats.chi2_contingency(table, correction=False,
  lambda_="log-likelihood" | None) of scipy.stats.contingency.crosstab(a, b) (SciPy 1.17).
* Exact permutation p-values of 2×2 tables: P(I(T) ≥ I(observed)) under the hypergeometric
  distribution of the first cell (scipy.stats.hypergeom), MI of each table by scipy.special.xlogy.
* The mean of the permutation distribution of the MI: sklearn's expected_mutual_information
  (scikit-learn 1.2, run by /usr/bin/python3 in a subprocess).
* Quantiles: numpy.percentile (linear rule), NumPy 2.4.
"""
import json
import subprocess
import sys

import numpy as np
from scipy import stats
from scipy.special import xlogy

from tslit import ts_const, ts_header

M32 = 0xFFFFFFFF


def rotl(x, k):
    return ((x << k) | (x >> (32 - k))) & M32


class Xoshiro:
    def __init__(self, s):
        self.s = list(s)

    def next(self):
        s = self.s
        result = (rotl((s[1] * 5) & M32, 7) * 9) & M32
        t = (s[1] << 9) & M32
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = rotl(s[3], 11)
        return result

    def below(self, m):
        x = self.next()
        p = x * m
        lo = p & M32
        if lo < m:
            t = (2**32 - m) % m
            while lo < t:
                x = self.next()
                p = x * m
                lo = p & M32
        return p >> 32


def imul(a, b):
    return (a * b) & M32


def seed_word(seed):
    # src/random.ts: an integer seed's low 32 bits xor (its next bits × 0x27d4eb2d)
    hi = (seed // 2**32) & M32
    return ((seed & M32) ^ imul(hi, 0x27D4EB2D)) & M32


def stream_state(seed, stream):
    s = (seed_word(seed) + imul(stream, 0x632BE5AB)) & M32
    out = []
    for _ in range(4):
        s = (s + 0x9E3779B9) & M32
        z = s
        z = imul(z ^ (z >> 16), 0x85EBCA6B)
        z = imul(z ^ (z >> 13), 0xC2B2AE35)
        out.append((z ^ (z >> 16)) & M32)
    return out


def mi_table(t):
    t = np.asarray(t, dtype=float)
    n = t.sum()
    r = t.sum(1, keepdims=True)
    c = t.sum(0, keepdims=True)
    return float((xlogy(t, t * n) - xlogy(t, r * c)).sum() / n)


def main():
    out = sys.argv[sys.argv.index("--emit-ts") + 1] if "--emit-ts" in sys.argv else None
    rng = np.random.default_rng(20261207)

    gen = Xoshiro([1, 2, 3, 4])
    xo = {"state": [1, 2, 3, 4], "outputs": [gen.next() for _ in range(8)]}
    gen = Xoshiro([0x9E3779B9, 0x243F6A88, 0xB7E15162, 0x12345678])
    bounded = []
    for m in [1, 2, 7, 1000, 100000, 2**31 + 11, 4294967295]:
        bounded.append({"m": m, "values": [gen.below(m) for _ in range(6)]})
    xo2 = {"state": [0x9E3779B9, 0x243F6A88, 0xB7E15162, 0x12345678], "bounded": bounded}
    streams = [{"seed": s, "stream": k, "state": stream_state(s, k)} for s, k in [(0, 0), (0, 1), (42, 0), (42, 998), (2**33 + 5, 3), (-7, 2)]]

    chi = []
    def chi_case(name, a, b):
        tab = stats.contingency.crosstab(a, b).count
        g = stats.chi2_contingency(tab, correction=False, lambda_="log-likelihood")
        x = stats.chi2_contingency(tab, correction=False)
        chi.append({"name": name, "a": [int(v) for v in a], "b": [int(v) for v in b], "mi": mi_table(tab), "dof": int(g.dof),
                    "g": float(g.statistic), "pG": float(g.pvalue), "x2": float(x.statistic), "pX2": float(x.pvalue)})
    a = rng.integers(0, 3, 60); b = (a + rng.integers(0, 2, 60)) % 4
    chi_case("3×4, dependent, n = 60", a, b)
    a = rng.integers(0, 2, 40); b = rng.integers(0, 2, 40)
    chi_case("2×2, independent, n = 40", a, b)
    a = rng.integers(0, 5, 300); b = rng.integers(0, 6, 300)
    chi_case("5×6, independent, n = 300", a, b)
    a = np.repeat(np.arange(8), 3); b = np.concatenate([np.arange(8) % 3, (np.arange(8) + 1) % 3, np.arange(8) % 2])
    chi_case("8×3 with empty cells, n = 24", a, b)
    a = rng.integers(0, 4, 2000); b = np.where(rng.random(2000) < 0.3, a, rng.integers(0, 4, 2000))
    chi_case("4×4, strongly dependent, n = 2000 (tiny p)", a, b)

    # exact permutation p-values of 2×2 tables: the first cell is hypergeometric given the margins
    exact = []
    for r0, r1, c0, x0 in [(30, 20, 25, 18), (12, 13, 10, 5), (40, 60, 50, 27)]:
        N = r0 + r1
        K = c0
        xs = np.arange(max(0, r0 - (N - K)), min(K, r0) + 1)
        tabs = [[[x, r0 - x], [K - x, r1 - (K - x)]] for x in xs]
        mis = np.array([mi_table(t) for t in tabs])
        pmf = stats.hypergeom.pmf(xs, N, K, r0)
        obs = mi_table([[x0, r0 - x0], [K - x0, r1 - (K - x0)]])
        p = float(pmf[mis >= obs - 1e-12 * max(1, obs)].sum())
        exact.append({"rows": [r0, r1], "cols": [c0, N - c0], "first": x0, "mi": obs, "pExact": p})

    # E[I] of a random permutation (the mean of the null distribution): sklearn's expected_mutual_information
    emi_tables = [[[5, 1, 0, 2], [0, 3, 4, 1], [2, 2, 2, 2]], [[7, 0, 1], [1, 6, 0], [0, 2, 9], [3, 3, 3], [1, 0, 4], [2, 2, 0]]]
    code = ("import json,sys,numpy as np\n"
            "from sklearn.metrics.cluster._expected_mutual_info_fast import expected_mutual_information\n"
            "print(json.dumps([float(expected_mutual_information(np.array(t), int(np.sum(t)))) for t in json.loads(sys.argv[1])]))")
    emis = json.loads(subprocess.check_output(["/usr/bin/python3", "-c", code, json.dumps(emi_tables)]))
    emi = [{"table": t, "emi": e} for t, e in zip(emi_tables, emis)]

    # bootstrap of a = b, two classes of n/2: a resample's MI is H(K/n), K ~ Binomial(n, 1/2); the
    # q-quantile of that distribution lies between two support values: (lower, upper) for each q
    boot = []
    for n, level in [(100, 0.95), (60, 0.8)]:
        ks = np.arange(n + 1)
        h = np.array([stats.entropy([k, n - k]) for k in ks])
        pmf = stats.binom.pmf(ks, n, 0.5)
        order = np.argsort(h, kind="stable")
        hs, ps = h[order], pmf[order]
        cdf = np.cumsum(ps)
        def bracket(q):
            i = int(np.searchsorted(cdf, q))
            lo = hs[max(0, i - 1)]
            hi = hs[min(len(hs) - 1, i + 1)]
            return [float(lo), float(hi)]
        boot.append({"n": n, "level": level, "low": bracket((1 - level) / 2), "high": bracket((1 + level) / 2)})

    vals = rng.random(37)
    q = {"values": vals.tolist(), "quantiles": [0.025, 0.05, 0.5, 0.95, 0.975, 0.0, 1.0],
         "expected": [float(np.percentile(vals, 100 * p)) for p in [0.025, 0.05, 0.5, 0.95, 0.975, 0.0, 1.0]]}

    if out is None:
        print(json.dumps({"xoshiro": xo, "bounded": xo2, "streams": streams, "chi": chi, "exact": exact, "emi": emi, "quantile": q}, indent=1))
        return
    with open(out, "w") as f:
        ts_header(f, "resampling.py", out, f"xoshiro128** and Lemire transcribed from their papers; scipy {__import__('scipy').__version__} chi2_contingency / hypergeom; sklearn 1.2 expected_mutual_information; numpy {np.__version__} percentile.")
        f.write(f"export const xoshiro = {json.dumps(xo)};\n")
        f.write(f"export const bounded = {json.dumps(xo2)};\n")
        ts_const(f, "streams: { seed: number; stream: number; state: number[] }[]", streams)
        ts_const(f, "chiCases: { name: string; a: number[]; b: number[]; mi: number; dof: number; g: number; pG: number; x2: number; pX2: number }[]", chi)
        ts_const(f, "exactTwoByTwo: { rows: number[]; cols: number[]; first: number; mi: number; pExact: number }[]", exact)
        ts_const(f, "emiCases: { table: number[][]; emi: number }[]", emi)
        ts_const(f, "bootstrapHalves: { n: number; level: number; low: number[]; high: number[] }[]", boot)
        f.write(f"export const quantileCase = {json.dumps(q)};\n")


if __name__ == "__main__":
    main()
