#!/usr/bin/env python3
"""Independent reference values for infowasm's entropy estimators (src/estimators.ts, src/nsb.ts).

Run:   python3 test/reference/estimators.py                                   (prints every value)
       python3 test/reference/estimators.py --emit-ts test/reference/estimators.ts

Each estimator is computed from its paper's formula as written, in mpmath at 40 digits
(mpmath 1.3, numpy 2.x, scipy 1.17), never from infowasm's rearranged forms:

* plugin: scipy.stats.entropy(counts) (cross-checked with the mpmath sum −Σ p ln p).
* miller-madow (Miller 1955): H_plugin + (m − 1)/(2N), m = occupied bins.
* grassberger (Grassberger 2003, eq. 35): ln N − (1/N) Σ n_i G(n_i),
  G(n) = ψ(n) + ½(−1)^n (ψ((n+1)/2) − ψ(n/2)), mpmath.digamma.
* chao-shen (Chao & Shen 2003), as R entropy::entropy.ChaoShen: f1 = singletons (f1 = N → N − 1),
  C = 1 − f1/N, p̃ = C n/N, H = −Σ p̃ ln p̃ / (1 − (1 − p̃)^N).
* james-stein (Hausser & Strimmer 2009), as R entropy::freqs.shrink over K bins: target 1/K,
  λ = Σ u(1 − u)/(N − 1) / Σ (u − 1/K)², λ = 1 when N = 1 or the misfit is 0, clipped to [0, 1];
  H = plug-in entropy of λ/K + (1 − λ)u.
* jackknife (Zahl 1977): N·Ĥ − ((N − 1)/N) Σ_j Ĥ_{−j}, the sum over the N samples taken literally
  (each sample removed in turn, its plug-in entropy recomputed from scratch).
* nsb (Nemenman, Shafee & Bialek 2002): ⟨H⟩ and sd = √(⟨H²⟩ − ⟨H⟩²) under the NSB prior,
  by mpmath.quad over β ∈ (0, ∞) (tanh-sinh, breakpoints around the posterior mode) of
  p(n|β)·ξ′(β)·E[H^k|n, β], ξ(β) = ψ(Kβ+1) − ψ(β+1), with the Dirichlet-multinomial evidence
  Γ(Kβ)/Γ(N+Kβ) Π Γ(n_i+β)/Γ(β) (mpmath.loggamma) and the Wolpert & Wolf (1995) moments
  E[H] = ψ(A+1) − Σ (a_i/A) ψ(a_i+1),
  E[H²] = Σ_{i≠k} a_i a_k/(A(A+1)) [(ψ(a_i+1) − ψ(A+2))(ψ(a_k+1) − ψ(A+2)) − ψ₁(A+2)]
        + Σ_i a_i(a_i+1)/(A(A+1)) [(ψ(a_i+2) − ψ(A+2))² + ψ₁(a_i+2) − ψ₁(A+2)],
  a_i = n_i + β, A = N + Kβ (the double sum taken over groups of equal a_i exactly).
"""
import json
import math
import sys

import mpmath as mp
import numpy as np
from scipy.stats import entropy as sp_entropy

mp.mp.dps = 40


def plugin(counts):
    c = [mp.mpf(v) for v in counts if v > 0]
    N = sum(c)
    return -sum((v / N) * mp.log(v / N) for v in c)


def miller_madow(counts):
    m = sum(1 for v in counts if v > 0)
    return plugin(counts) + mp.mpf(m - 1) / (2 * sum(counts))


def G(n):
    n = mp.mpf(n)
    return mp.digamma(n) + mp.mpf(0.5) * (-1) ** int(n) * (mp.digamma((n + 1) / 2) - mp.digamma(n / 2))


def grassberger(counts):
    N = mp.mpf(sum(counts))
    return mp.log(N) - sum(mp.mpf(v) * G(v) for v in counts if v > 0) / N


def chao_shen(counts):
    y = [mp.mpf(v) for v in counts if v > 0]
    n = sum(y)
    f1 = sum(1 for v in y if v == 1)
    if f1 == n:
        f1 = n - 1
    C = 1 - f1 / n
    H = 0
    for v in y:
        pa = C * v / n
        H -= pa * mp.log(pa) / (1 - (1 - pa) ** n)
    return H


def james_stein(counts, K):
    y = [mp.mpf(v) for v in counts] + [mp.mpf(0)] * (K - len(counts))
    n = sum(y)
    u = [v / n for v in y]
    t = mp.mpf(1) / K
    if n == 1:
        lam = mp.mpf(1)
    else:
        varu = sum(x * (1 - x) for x in u) / (n - 1)
        msp = sum((x - t) ** 2 for x in u)
        lam = mp.mpf(1) if msp == 0 else varu / msp
        lam = min(mp.mpf(1), max(mp.mpf(0), lam))
    f = [lam * t + (1 - lam) * x for x in u]
    return -sum(x * mp.log(x) for x in f if x > 0)


def jackknife(counts):
    N = sum(counts)
    if N == 1:
        return mp.mpf(0)
    total = mp.mpf(0)
    for i, v in enumerate(counts):  # each of the v samples in bin i, removed in turn
        for _ in range(v):
            c = list(counts)
            c[i] -= 1
            total += plugin(c)
    return N * plugin(counts) - mp.mpf(N - 1) / N * total


def groups_of(counts, K, beta):
    vals = {}
    for v in counts:
        if v > 0:
            vals[v] = vals.get(v, 0) + 1
    m = sum(vals.values())
    g = [(mp.mpf(v) + beta, mp.mpf(c)) for v, c in sorted(vals.items())]
    if K > m:
        g.append((beta, mp.mpf(K - m)))
    return g


def wolpert_wolf(counts, K, beta):
    g = groups_of(counts, K, beta)
    A = sum(c * a for a, c in g)
    psiA1 = mp.digamma(A + 1)
    J = mp.digamma(A + 2)
    T1 = mp.polygamma(1, A + 2)
    EH = psiA1 - sum(c * a / A * mp.digamma(a + 1) for a, c in g)
    # Σ_{i≠k} x_i x_k over bins = (Σ_i x_i)² − Σ_i x_i²  (groups of c equal bins)
    x = [(c, a * (mp.digamma(a + 1) - J)) for a, c in g]
    S = sum(c * v for c, v in x)
    S2 = sum(c * v * v for c, v in x)
    sa = sum(c * a for a, c in g)
    sa2 = sum(c * a * a for a, c in g)
    cross = (S * S - S2) - (sa * sa - sa2) * T1
    diag = sum(c * a * (a + 1) * ((mp.digamma(a + 2) - J) ** 2 + mp.polygamma(1, a + 2) - T1) for a, c in g)
    EH2 = (cross + diag) / (A * (A + 1))
    return EH, EH2


def log_evidence(counts, K, beta):
    N = sum(counts)
    s = mp.loggamma(K * beta) - mp.loggamma(N + K * beta)
    vals = {}
    for v in counts:
        if v > 0:
            vals[v] = vals.get(v, 0) + 1
    for v, c in vals.items():  # Π over bins, equal counts grouped
        s += c * (mp.loggamma(v + beta) - mp.loggamma(beta))
    return s


def xi_prime(K, beta):
    return K * mp.polygamma(1, K * beta + 1) - mp.polygamma(1, beta + 1)


def nsb(counts, K):
    if K == 1:
        return mp.mpf(0), mp.mpf(0)
    mp.mp.dps = 30
    N = sum(counts)
    logpost = lambda b: log_evidence(counts, K, b) + mp.log(xi_prime(K, b))  # density in β
    # the mode of the density in ln β, on a grid then refined
    ts = np.arange(-math.log(K) - math.log(N + 1) - 30, math.log(N + 1) + 30, 0.25)
    vals = [float(logpost(mp.exp(t)) + t) for t in ts]
    i = int(np.argmax(vals))
    t0 = mp.findroot(lambda t: mp.diff(lambda u: logpost(mp.exp(u)) + u, t), ts[i])
    c = -mp.diff(lambda u: logpost(mp.exp(u)) + u, t0, 2)
    s = 1 / mp.sqrt(c) if c > 0 else mp.mpf(1)
    ref = logpost(mp.exp(t0))
    pts = [mp.mpf(0)] + [mp.exp(t0 + k * s) for k in (-40, -20, -10, -5, -2, 0, 2, 5, 10, 20, 40)] + [mp.inf]
    cache = {}

    def moments(b):
        if b not in cache:
            w = mp.exp(logpost(b) - ref) if b > 0 else mp.mpf(0)
            cache[b] = (w, *wolpert_wolf(counts, K, b)) if w != 0 else (w, 0, 0)
        return cache[b]

    Z = mp.quad(lambda b: moments(b)[0], pts)
    M1 = mp.quad(lambda b: moments(b)[0] * moments(b)[1], pts) / Z
    M2 = mp.quad(lambda b: moments(b)[0] * moments(b)[2], pts) / Z
    mp.mp.dps = 40
    return M1, mp.sqrt(M2 - M1 * M1)


# name, counts, K (alphabet size for nsb / james-stein), source
CASES = [
    ("R entropy package example", [4, 2, 3, 0, 2, 4, 0, 0, 2, 1, 1], 11, "y from the examples of R entropy::entropy (Hausser & Strimmer)"),
    ("one occupied bin", [0, 7, 0], 3, "Grassberger eq. 35 gives ln N − G(N), not 0"),
    ("one bin, K = 1", [7], 1, "K = 1"),
    ("all singletons", [1, 1, 1, 1, 1], 5, "Chao–Shen: f1 = N counts N − 1"),
    ("all singletons, K = 20", [1, 1, 1, 1, 1], 20, "K larger than the support"),
    ("zeros inside", [0, 3, 0, 5, 1, 0, 2], 7, "zero counts are empty bins"),
    ("K larger than the support", [3, 1, 2], 10, "bins = 10"),
    ("N = 1", [0, 1, 0], 3, "N = 1: jackknife 0, james-stein λ = 1"),
    ("uniform counts", [5, 5, 5, 5], 4, "james-stein misfit 0: λ = 1"),
    ("two bins", [9, 1], 2, "binary"),
]


def random_case(seed, K, n, alpha):
    rng = np.random.default_rng(seed)
    p = rng.dirichlet([alpha] * K)
    return [int(v) for v in rng.multinomial(n, p)]


CASES.append(("Dirichlet(1) K = 30, n = 60", random_case(20261207, 30, 60, 1.0), 30, "numpy default_rng(20261207)"))
CASES.append(("Dirichlet(0.1) K = 200, n = 100, K = 500", random_case(20261208, 200, 100, 0.1), 500, "numpy default_rng(20261208), bins 500"))
CASES.append(("Dirichlet(1) K = 10, n = 5000", random_case(20261209, 10, 5000, 1.0), 10, "numpy default_rng(20261209)"))


ESTIMATORS = {
    "plugin": lambda c, K: plugin(c),
    "miller-madow": lambda c, K: miller_madow(c),
    "grassberger": lambda c, K: grassberger(c),
    "chao-shen": lambda c, K: chao_shen(c),
    "james-stein": james_stein,
    "jackknife": lambda c, K: jackknife(c),
    "nsb": lambda c, K: nsb(c, K)[0],
}


def mi_all(table, R, C):
    """MI = Ĥ(A) + Ĥ(B) − Ĥ(A,B) per estimator, K = R, C, R·C (table: R×C counts, empty cells kept)."""
    t = np.asarray(table)
    rows = [int(v) for v in t.sum(axis=1)]
    cols = [int(v) for v in t.sum(axis=0)]
    cells = [int(v) for v in t.ravel()]
    out = {}
    for name, f in ESTIMATORS.items():
        out[name] = float(f(rows, R) + f(cols, C) - f(cells, R * C))
    out["plugin"] = max(0.0, out["plugin"])
    return out


def mi_cases():
    rng = np.random.default_rng(20261210)
    a = rng.integers(0, 3, 40)
    b = (a + rng.integers(0, 3, 40)) % 4  # dependent on a
    la, ia = np.unique(a, return_inverse=True)
    lb, ib = np.unique(b, return_inverse=True)
    t = np.zeros((len(la), len(lb)), dtype=int)
    np.add.at(t, (ia, ib), 1)
    labels = {"a": [int(v) for v in a], "b": [int(v) for v in b], "mi": mi_all(t, len(la), len(lb))}
    x = rng.normal(size=60)
    y = x + rng.normal(size=60)
    h, _, _ = np.histogram2d(x, y, bins=[4, 5])
    hist = {"x": [float(v) for v in x], "y": [float(v) for v in y], "bins": [4, 5], "counts": [int(v) for v in h.ravel()], "mi": mi_all(h.astype(int), 4, 5)}
    return labels, hist


def main():
    out = []
    for name, counts, K, source in CASES:
        rec = {"name": name, "source": source, "counts": counts, "K": K}
        sp = float(sp_entropy(counts))
        pl = plugin(counts)
        assert abs(sp - float(pl)) <= 1e-14 * max(1, sp), (sp, pl)
        rec["plugin"] = float(pl)
        rec["millerMadow"] = float(miller_madow(counts))
        rec["grassberger"] = float(grassberger(counts))
        rec["chaoShen"] = float(chao_shen(counts))
        rec["jamesStein"] = float(james_stein(counts, K))
        rec["jackknife"] = float(jackknife(counts)) if sum(counts) <= 6000 else None
        m1, sd = nsb(counts, K)
        rec["nsb"] = float(m1)
        rec["nsbSd"] = float(sd)
        out.append(rec)
        print(json.dumps(rec), file=sys.stderr if "--emit-ts" in sys.argv else sys.stdout)
    # a large case given by its count profile (value, multiplicity): K = 1e5 bins, N = 1e6
    prof = [(1, 30000), (2, 12000), (3, 6000), (5, 4000), (10, 3000), (40, 2000), (200, 1000), (1000, 200), (30000, 4), (127000, 1), (139000, 1)]
    big = []
    for v, c in prof:
        big += [v] * c
    N = sum(big)
    m1, sd = nsb(big, 100000)
    large = {"profile": prof, "K": 100000, "N": N, "nsb": float(m1), "nsbSd": float(sd)}
    print(json.dumps(large), file=sys.stderr if "--emit-ts" in sys.argv else sys.stdout)
    labels, hist = mi_cases()
    print(json.dumps(labels), file=sys.stderr if "--emit-ts" in sys.argv else sys.stdout)
    print(json.dumps(hist), file=sys.stderr if "--emit-ts" in sys.argv else sys.stdout)
    if "--emit-ts" in sys.argv:
        path = sys.argv[sys.argv.index("--emit-ts") + 1]
        with open(path, "w") as f:
            f.write("// AUTO-GENERATED by test/reference/estimators.py (python3 test/reference/estimators.py --emit-ts test/reference/estimators.ts).\n")
            f.write(f"// Each estimator from its paper's formula in mpmath {mp.__version__} at 40 digits (see the script's docstring);\n")
            f.write("// NSB by mpmath.quad over β of the Dirichlet-multinomial evidence times the NSB prior, Wolpert–Wolf moments.\n\n")
            f.write("export interface EstimatorCase {\n  name: string; source: string; counts: number[]; K: number;\n")
            f.write("  plugin: number; millerMadow: number; grassberger: number; chaoShen: number; jamesStein: number;\n  jackknife?: number; nsb: number; nsbSd: number;\n}\n\n")
            f.write("export const estimatorCases: EstimatorCase[] = [\n")
            for r in out:
                fields = ", ".join(f"{k}: {json.dumps(v)}" for k, v in r.items() if v is not None)
                f.write(f"  {{ {fields} }},\n")
            f.write("];\n\n")
            f.write("/** NSB on K = 1e5 bins with N = 1e6 counts, given as (count value, multiplicity) pairs. */\n")
            f.write(f"export const nsbLarge = {json.dumps(large)};\n\n")
            f.write("/** MI = Ĥ(A) + Ĥ(B) − Ĥ(A, B) per estimator of two label arrays (numpy default_rng(20261210)), K = distinct labels. */\n")
            f.write(f"export const miLabels = {json.dumps(labels)};\n\n")
            f.write("/** The same of numpy.histogram2d(x, y, bins=[4, 5]) counts, K = 4, 5, 20 (empty bins included). */\n")
            f.write(f"export const miHistogram = {json.dumps(hist)};\n")


if __name__ == "__main__":
    main()
