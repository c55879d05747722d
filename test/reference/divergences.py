#!/usr/bin/env python3
"""Independent reference values for infowasm's divergence family (test/divergences*.test.ts).

Run:   python3 test/reference/divergences.py                  (checks and prints a summary)
       python3 test/reference/divergences.py --emit-ts test/reference/divergences.ts

Method
------
* Rényi / Tsallis entropies, Gini impurity, Rényi divergence, Hellinger, total variation,
  Bhattacharyya and χ²: mpmath at 40 significant digits from the exact binary value of the
  float64 inputs (mpf(float) is exact), each vector normalised to sum 1 first (API.md), with the
  textbook definitions (Σ p^α, Σ (√p − √q)², Σ √(pq), …) — none of the rearranged sums the
  library uses. Cross-checked against a float64 NumPy/SciPy computation where one exists
  (scipy.stats.entropy for α = 1, scipy.special.rel_entr, scipy.stats.chisquare's statistic for
  χ², plain NumPy for the rest) to 1e-9 relative (1e-4 for α within 0.01 of 1, where the float64 formula cancels; the near-identical cases are skipped there: the
  float64 formulas cancel).
* wassersteinDistance / energyDistance: scipy.stats.wasserstein_distance / energy_distance
  themselves (SciPy is the definition, API.md), on samples with ties and weights with zeros.
"""
import sys

import numpy as np
import scipy
from mpmath import mp, mpf, log, sqrt, log1p, inf as mpinf
from scipy import stats
from scipy.special import rel_entr

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from tslit import ts, ts_const, ts_header  # noqa: E402

mp.dps = 40
INF = float("inf")


def norm(v):
    v = [mpf(float(x)) for x in v]
    s = sum(v)
    return [x / s for x in v]


def lnb(base):
    return {None: mpf(1), "bits": log(2), "hartleys": log(10)}.get(base) if not isinstance(base, (int, float)) else log(mpf(base))


def renyi_entropy(p, a):
    P = [x for x in norm(p) if x > 0]
    if a == 1:
        return -sum(x * log(x) for x in P)
    if a == 0:
        return log(len(P))
    if a == INF:
        return -log(max(P))
    return log(sum(x ** mpf(a) for x in P)) / (1 - mpf(a))


def tsallis(p, q):
    P = [x for x in norm(p) if x > 0]
    if q == 1:
        return -sum(x * log(x) for x in P)
    return (1 - sum(x ** mpf(q) for x in P)) / (mpf(q) - 1)


def gini(p):
    return 1 - sum(x * x for x in norm(p))


def renyi_div(p, q, a):
    P, Q = norm(p), norm(q)
    pairs = [(x, y) for x, y in zip(P, Q) if x > 0]
    if a >= 1 and any(y == 0 for _, y in pairs):
        return mpinf
    if a == 1:
        return sum(x * log(x / y) for x, y in pairs)
    if a == INF:
        return log(max(x / y for x, y in pairs))
    if a == 0:
        s = sum(y for _, y in pairs)
        return mpinf if s == 0 else -log(s)
    s = sum(x ** mpf(a) * y ** (1 - mpf(a)) for x, y in pairs if y > 0)
    return mpinf if s == 0 else log(s) / (mpf(a) - 1)


def hellinger(p, q):
    P, Q = norm(p), norm(q)
    return sqrt(sum((sqrt(x) - sqrt(y)) ** 2 for x, y in zip(P, Q)) / 2)


def tv(p, q):
    P, Q = norm(p), norm(q)
    return sum(abs(x - y) for x, y in zip(P, Q)) / 2


def bhatt(p, q):
    P, Q = norm(p), norm(q)
    s = sum(sqrt(x * y) for x, y in zip(P, Q))
    return mpinf if s == 0 else -log(s)


def chi2(p, q):
    P, Q = norm(p), norm(q)
    if any(y == 0 < x for x, y in zip(P, Q)):
        return mpinf
    return sum((x - y) ** 2 / y for x, y in zip(P, Q) if y > 0)


# ---- float64 cross-checks (NumPy / SciPy) ----

def np_norm(v):
    v = np.asarray(v, dtype=float)
    return v / v.sum()


def np_renyi(p, a):
    P = np_norm(p)
    P = P[P > 0]
    if a == 1:
        return stats.entropy(p)
    if a == 0:
        return np.log(P.size)
    if a == INF:
        return -np.log(P.max())
    return np.log(np.sum(P ** a)) / (1 - a)


def np_renyi_div(p, q, a):
    P, Q = np_norm(p), np_norm(q)
    m = P > 0
    if a >= 1 and np.any(Q[m] == 0):
        return INF
    if a == 1:
        return float(np.sum(rel_entr(P, Q)))
    if a == INF:
        return float(np.log(np.max(P[m] / Q[m])))
    if a == 0:
        s = Q[m].sum()
        return INF if s == 0 else float(-np.log(s))
    k = m & (Q > 0)
    s = np.sum(P[k] ** a * Q[k] ** (1 - a))
    return INF if s == 0 else float(np.log(s) / (a - 1))


def np_chi2(p, q):
    P, Q = np_norm(p), np_norm(q)
    if np.any((Q == 0) & (P > 0)):
        return INF
    k = Q > 0
    return float(stats.chisquare(P[k], Q[k] * P[k].sum() / Q[k].sum()).statistic) if k.all() else float(np.sum((P[k] - Q[k]) ** 2 / Q[k]))


def agree(a, b, what, tol=1e-9):
    a, b = float(a), float(b)
    if a == b:
        return
    if abs(a - b) > tol * max(abs(a), abs(b)) + 1e-14:
        raise SystemExit(f"cross-check failed for {what}: mpmath {a!r} vs numpy/scipy {b!r}")


# ---- cases ----

rng = np.random.default_rng(14)
ALPHAS = [0.0, 0.25, 0.5, 0.999, 1.0, 1.001, 2.0, 3.0, 7.5, INF]

VECTORS = [
    ("small counts", [1.0, 2.0, 3.0, 0.0, 4.0]),
    ("uniform 4", [1.0, 1.0, 1.0, 1.0]),
    ("point mass", [0.0, 5.0, 0.0]),
    ("near point mass", [1.0, 1e-9, 2e-9]),
    ("random 50 with zeros", [float(x) if x > 0.2 else 0.0 for x in rng.random(50)]),
    ("random 300 (a block boundary on the WASM side is at 512; JS at 1024)", list(rng.random(300) * 7)),
    ("random 1500", list(rng.random(1500))),
    ("geometric", [0.5 ** k for k in range(30)]),
]

PAIRS = [
    ("small counts", [1.0, 2.0, 3.0, 0.0, 4.0], [2.0, 2.0, 1.0, 1.0, 4.0]),
    ("q = 0 < p", [1.0, 1.0, 1.0], [1.0, 0.0, 2.0]),
    ("p = 0 < q", [0.0, 1.0, 1.0], [1.0, 1.0, 2.0]),
    ("disjoint", [1.0, 2.0, 0.0, 0.0], [0.0, 0.0, 3.0, 1.0]),
    ("identical up to scale", [1.0, 2.0, 3.0], [2.0, 4.0, 6.0]),
    ("random 64", list(rng.random(64)), list(rng.random(64))),
    ("random 1500 with zeros", [float(x) if x > 0.1 else 0.0 for x in rng.random(1500)], list(rng.random(1500) + 0.01)),
    ("skewed ratios", [1e-6, 1.0, 3.0, 1e3], [1.0, 1e-3, 2.0, 1.0]),
]
# rows around the one-pass / two-pass switch of src/divergences.ts (H² and χ² near 0.01)
_p = rng.random(100) + 0.1
for _t in (0.12, 0.16, 0.2, 0.45, 0.5):
    PAIRS.append((f"switch region t={_t}", list(_p), list(_p * (1 + _t * (2 * rng.random(100) - 1)))))

# near-identical rows: q = p·(1 + t·u), u uniform on (−1, 1): every divergence is O(t²) and the
# float64 textbook formulas (1 − Σ √(pq), …) lose almost every digit
NEAR = []
for t in (1e-4, 1e-6):
    p = rng.random(200) + 0.1
    q = p * (1 + t * (2 * rng.random(200) - 1))
    NEAR.append((f"relative difference {t:g}", list(p), list(q), t))


def f(x):
    return float(x)


def main():
    entropy_cases, pair_cases, near_cases, w_cases = [], [], [], []
    for name, p in VECTORS:
        row = {"name": name, "p": p, "renyi": [], "renyiBits": [], "tsallis": []}
        for a in ALPHAS:
            exp = renyi_entropy(p, a)
            # float64 log(Σ p^α)/(1 − α) cancels for α near 1: a looser cross-check there
            agree(exp, np_renyi(p, a), f"renyiEntropy {name} alpha={a}", 1e-4 if 0.99 < a < 1.01 else 1e-9)
            row["renyi"].append([a, f(exp)])
            row["renyiBits"].append([a, f(exp / log(2))])
            if a != INF:
                row["tsallis"].append([a, f(tsallis(p, a))])
        g = gini(p)
        agree(g, 1 - np.sum(np_norm(p) ** 2), f"gini {name}")
        row["gini"] = f(g)
        entropy_cases.append(row)
    for name, p, q in PAIRS:
        P, Q = np_norm(p), np_norm(q)
        row = {"name": name, "p": p, "q": q}
        row["hellinger"] = f(hellinger(p, q))
        agree(row["hellinger"], np.sqrt(0.5 * np.sum((np.sqrt(P) - np.sqrt(Q)) ** 2)), f"hellinger {name}")
        row["totalVariation"] = f(tv(p, q))
        agree(row["totalVariation"], 0.5 * np.abs(P - Q).sum(), f"tv {name}")
        row["bhattacharyya"] = f(bhatt(p, q))
        bc = np.sum(np.sqrt(P * Q))
        agree(row["bhattacharyya"], INF if bc == 0 else -np.log(bc), f"bhattacharyya {name}")
        row["chiSquare"] = f(chi2(p, q))
        agree(row["chiSquare"], np_chi2(p, q), f"chi2 {name}")
        row["renyi"] = []
        for a in ALPHAS:
            d = renyi_div(p, q, a)
            agree(d, np_renyi_div(p, q, a), f"renyiDivergence {name} alpha={a}", 1e-4 if 0.99 < a < 1.01 else 1e-9)
            row["renyi"].append([a, f(d)])
        pair_cases.append(row)
    for name, p, q, t in NEAR:
        near_cases.append({
            "name": name, "p": p, "q": q, "t": t,
            "hellinger": f(hellinger(p, q)), "bhattacharyya": f(bhatt(p, q)), "chiSquare": f(chi2(p, q)),
            "totalVariation": f(tv(p, q)),
            "renyi": [[a, f(renyi_div(p, q, a))] for a in (0.5, 2.0, 3.0)],
        })
    # Wasserstein / energy: SciPy itself
    def wcase(name, u, v, uw=None, vw=None):
        w_cases.append({
            "name": name, "u": [float(x) for x in u], "v": [float(x) for x in v],
            "uWeights": None if uw is None else [float(x) for x in uw],
            "vWeights": None if vw is None else [float(x) for x in vw],
            "wasserstein": float(stats.wasserstein_distance(u, v, uw, vw)),
            "energy": float(stats.energy_distance(u, v, uw, vw)),
        })
    wcase("scipy docstring 1", [0, 1, 3], [5, 6, 8])
    wcase("scipy docstring 2", [0, 1], [0, 1], [3, 1], [2, 2])
    wcase("scipy docstring 3", [3.4, 3.9, 7.5, 7.8], [4.5, 1.4], [1.4, 0.9, 3.1, 7.2], [3.2, 3.5])
    wcase("scipy docstring energy", [0.7, 7.4, 2.4, 6.8], [1.4, 8.0], [2.1, 4.2, 7.4, 8.0], [7.6, 8.8])
    wcase("one point each", [0.0], [2.0])
    wcase("identical samples", [1.0, 2.0, 2.0, 5.0], [5.0, 2.0, 1.0, 2.0])
    for k in range(12):
        n, m = int(rng.integers(1, 40)), int(rng.integers(1, 40))
        ties = k % 3 == 0
        u = rng.integers(-5, 6, n).astype(float) if ties else rng.standard_normal(n) * 3
        v = rng.integers(-3, 8, m).astype(float) if ties else rng.standard_normal(m) + 1
        uw = vw = None
        if k % 2 == 1:
            uw = rng.random(n) * (rng.random(n) > 0.2)
            vw = rng.random(m)
            if uw.sum() == 0:
                uw[0] = 1.0
        if k % 4 == 2:
            uw = rng.integers(0, 4, n).astype(float)
            uw[0] = max(uw[0], 1.0)
        wcase(f"random {k} ({'ties' if ties else 'continuous'}{', weighted' if uw is not None else ''})", u, v, uw, vw)
    u = rng.standard_normal(600)
    v = rng.standard_normal(400) * 1.5 + 0.2
    wcase("normal samples 600 vs 400", u, v, rng.random(600), None)

    print(f"{len(entropy_cases)} entropy, {len(pair_cases)} pair, {len(near_cases)} near-identical, {len(w_cases)} sample cases; all cross-checks passed")
    if "--emit-ts" in sys.argv:
        path = sys.argv[sys.argv.index("--emit-ts") + 1]
        with open(path, "w") as out:
            ts_header(out, "divergences.py", path,
                      f"mpmath {mp.dps}-digit values from the exact float64 inputs, cross-checked with NumPy {np.__version__} / SciPy {scipy.__version__}; Wasserstein/energy values are SciPy's.")
            out.write("export interface EntropyCase { name: string; p: number[]; renyi: [number, number][]; renyiBits: [number, number][]; tsallis: [number, number][]; gini: number }\n")
            out.write("export interface PairCase { name: string; p: number[]; q: number[]; hellinger: number; totalVariation: number; bhattacharyya: number; chiSquare: number; renyi: [number, number][] }\n")
            out.write("export interface NearCase { name: string; p: number[]; q: number[]; t: number; hellinger: number; bhattacharyya: number; chiSquare: number; totalVariation: number; renyi: [number, number][] }\n")
            out.write("export interface SampleCase { name: string; u: number[]; v: number[]; uWeights?: number[]; vWeights?: number[]; wasserstein: number; energy: number }\n")
            ts_const(out, "ENTROPY_CASES: EntropyCase[]", entropy_cases)
            ts_const(out, "PAIR_CASES: PairCase[]", pair_cases)
            ts_const(out, "NEAR_CASES: NearCase[]", near_cases)
            ts_const(out, "SAMPLE_CASES: SampleCase[]", w_cases)


if __name__ == "__main__":
    main()
