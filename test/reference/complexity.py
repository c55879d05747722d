#!/usr/bin/env python3
"""Reference values for infowasm's permutationEntropy, sampleEntropy, approximateEntropy
(API.md "Time series" and "Precise semantics").

Run:   python3 test/reference/complexity.py                                  (prints a summary)
       python3 test/reference/complexity.py --emit-ts test/reference/complexity.ts

Independent brute-force NumPy implementations written from the definitions (O(N^2) all pairs;
no sorting trick), on series drawn here from a fixed seed and embedded in the generated module:
  * permutation entropy (Bandt & Pompe 2002): the pattern of a window is np.argsort(kind="stable")
    (of equal values the earlier ranks lower), patterns counted with np.unique over rows,
    H = -sum p ln p;
  * sample entropy (Richman & Moorman 2000): B, A = #pairs i < j among the first N - m templates
    with Chebyshev distance <= r at length m and m + 1; SampEn = -ln(A/B);
  * approximate entropy (Pincus 1991): Phi^m = mean_i ln(#{j : d <= r} / (N - m + 1)) over the
    N - m + 1 templates (self-matches included), ApEn = Phi^m - Phi^(m+1).
All values in nats; the tests convert bases themselves.
"""
import sys
from math import factorial

import numpy as np

from tslit import ts, ts_const, ts_header


def perm_entropy(x, order, delay):
    n = len(x) - (order - 1) * delay
    win = np.stack([x[k * delay : k * delay + n] for k in range(order)], axis=1)
    pat = np.argsort(win, axis=1, kind="stable")
    _, c = np.unique(pat, axis=0, return_counts=True)
    p = c / c.sum()
    return float(-(p * np.log(p)).sum())


def templates(x, m, count):
    return np.stack([x[k : k + count] for k in range(m)], axis=1)


def sample_counts(x, m, r):
    N = len(x)
    tm = templates(x, m, N - m)
    tm1 = templates(x, m + 1, N - m)
    B = A = 0
    for i in range(N - m - 1):
        B += int((np.abs(tm[i + 1 :] - tm[i]).max(axis=1) <= r).sum())
        A += int((np.abs(tm1[i + 1 :] - tm1[i]).max(axis=1) <= r).sum())
    return B, A


def sample_entropy(x, m, r):
    B, A = sample_counts(x, m, r)
    return float("inf") if A == 0 else float(-np.log(A / B))


def phi(x, m, r):
    N = len(x)
    t = templates(x, m, N - m + 1)
    s = 0.0
    for i in range(len(t)):
        c = int((np.abs(t - t[i]).max(axis=1) <= r).sum())
        s += np.log(c / len(t))
    return s / len(t)


def app_entropy(x, m, r):
    return float(phi(x, m, r) - phi(x, m + 1, r))


def series(rng):
    """Named test series (fixed seed)."""
    out = {}
    out["white"] = rng.standard_normal(400)
    ar = np.zeros(400)
    e = rng.standard_normal(400)
    for t in range(1, 400):
        ar[t] = 0.7 * ar[t - 1] + e[t]
    out["ar1"] = ar
    out["sine"] = np.sin(2 * np.pi * np.arange(300) / 37.0)
    lg = np.zeros(300)
    lg[0] = 0.3141
    for t in range(1, 300):
        lg[t] = 3.9 * lg[t - 1] * (1 - lg[t - 1])
    out["logistic"] = lg
    out["ties"] = rng.integers(0, 5, 300).astype(np.float64)
    return out


def main():
    rng = np.random.default_rng(20021742)
    S = series(rng)
    perm = []
    for name, x in S.items():
        for order, delay in [(2, 1), (3, 1), (3, 2), (4, 1), (5, 3)]:
            perm.append({"series": name, "order": order, "delay": delay, "h": perm_entropy(x, order, delay), "norm": perm_entropy(x, order, delay) / np.log(factorial(order))})
    templ = []
    for name, x in S.items():
        sd = float(np.std(x, ddof=0))
        for m, r in [(2, None), (1, None), (3, None), (2, 0.5), (2, 1.0)]:
            rr = 0.2 * sd if r is None else r
            B, A = sample_counts(x, m, rr)
            se = float("inf") if A == 0 else float(-np.log(A / B))
            templ.append({"series": name, "m": m, "r": r, "B": B, "A": A, "sampen": se, "apen": app_entropy(x, m, rr)})
    # Bandt & Pompe's worked example, and Wikipedia's "Approximate entropy" example (recomputed)
    bp = perm_entropy(np.array([4, 7, 9, 10, 6, 11, 3.0]), 3, 1)
    u = np.array([85, 80, 89] * 17, dtype=np.float64)
    wiki = app_entropy(u, 2, 3.0)
    print(f"Bandt-Pompe example: {bp / np.log(2):.6f} bits; Wikipedia ApEn example: {wiki:.6e}")
    for row in templ[:5]:
        print(row)
    if "--emit-ts" in sys.argv:
        path = sys.argv[sys.argv.index("--emit-ts") + 1]
        with open(path, "w") as f:
            ts_header(f, "complexity.py", path, f"NumPy {np.__version__} brute force from the definitions (see the script), seed 20021742.")
            f.write("export const SERIES: Record<string, number[]> = {\n")
            for name, x in S.items():
                f.write(f"  {name}: {ts([float(v) for v in x])},\n")
            f.write("};\n")
            f.write(f"/** Bandt & Pompe (2002) x = (4, 7, 9, 10, 6, 11, 3), order 3: H in nats. */\nexport const BANDT_POMPE_NATS = {ts(bp)};\n")
            f.write(f"/** Wikipedia \"Approximate entropy\": u = [85, 80, 89] × 17, m = 2, r = 3 (recomputed). */\nexport const WIKIPEDIA_APEN = {ts(wiki)};\n")
            ts_const(f, "PERM: { series: string; order: number; delay: number; h: number; norm: number }[]", perm)
            f.write("/** r undefined: the default 0.2 · sd (ddof 0). */\n")
            ts_const(f, "TEMPLATES: { series: string; m: number; r?: number; B: number; A: number; sampen: number; apen: number }[]", templ)


if __name__ == "__main__":
    main()
