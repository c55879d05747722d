#!/usr/bin/env python3
"""Independent reference values for infowasm's discrete-distribution tests.

Run:   python3 test/reference/discrete.py            (prints every derived value)
       python3 test/reference/discrete.py --emit-ts test/reference/discrete.ts
                                                      (also regenerates the TS module)

Method
------
* Every expected value is computed in mpmath at 50 significant digits from the *exact binary
  value of the float64 inputs* (mpf(float) is exact), so the only error in the emitted literal is
  the final rounding to 17 significant digits.
* Every value is then cross-checked against an independent float64 computation with
  numpy 2.x / scipy 1.17.x (scipy.stats.entropy, scipy.spatial.distance.jensenshannon,
  scipy.special.rel_entr, ...); the script aborts if they differ by more than 1e-12 relative
  (1e-14 absolute near 0).
* Where a closed form exists (powers-of-two tables, uniform distributions) the value is also
  derived with python `fractions` and emitted as an exact expression (e.g. `27 / 8`).
* Semantics follow /work/shared/API.md: each vector (row / joint table) is normalised to sum 1,
  0 log 0 = 0, KL and cross-entropy are +Infinity where q = 0 < p, base is ln by default.
"""
import math
import sys
from fractions import Fraction

import numpy as np
import mpmath
import scipy
from mpmath import mp, mpf, log, sqrt, exp, findroot
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr
from scipy.stats import entropy as sp_entropy

mp.dps = 50
INF = mp.inf
SCIPY = f"scipy {scipy.__version__}"

# --------------------------------------------------------------------------------------------
# exact (mpmath) definitions
# --------------------------------------------------------------------------------------------


def lnbase(base):
    if base is None or base == "nats":
        return mpf(1)
    if base == "bits":
        return log(2)
    if base == "hartleys":
        return log(10)
    return log(mpf(base))


def npbase(base):
    """The base as scipy's `base=` argument (None = natural log)."""
    return {None: None, "nats": None, "bits": 2, "hartleys": 10}.get(base, base)


def normalise(v):
    v = [mpf(x) for x in v]
    s = sum(v)
    return [x / s for x in v]


def H(p, base=None):
    p = normalise(p)
    return -sum(x * log(x) for x in p if x > 0) / lnbase(base)


def KL(p, q, base=None):
    p, q = normalise(p), normalise(q)
    s = mpf(0)
    for a, b in zip(p, q):
        if a > 0:
            if b == 0:
                return INF
            s += a * log(a / b)
    return s / lnbase(base)


def CE(p, q, base=None):
    p, q = normalise(p), normalise(q)
    s = mpf(0)
    for a, b in zip(p, q):
        if a > 0:
            if b == 0:
                return INF
            s -= a * log(b)
    return s / lnbase(base)


def JS(p, q, base=None):
    p, q = normalise(p), normalise(q)
    m = [(a + b) / 2 for a, b in zip(p, q)]
    return (KL(p, m) + KL(q, m)) / 2 / lnbase(base)


def SURP(p, base=None):
    p = normalise(p)
    return [(-log(x) / lnbase(base)) if x > 0 else INF for x in p]


def joint(t, base=None):
    """Directly from the definitions (rows index X, columns index Y)."""
    t = [[mpf(x) for x in row] for row in t]
    tot = sum(sum(r) for r in t)
    P = [[x / tot for x in r] for r in t]
    px = [sum(r) for r in P]
    py = [sum(P[i][j] for i in range(len(P))) for j in range(len(P[0]))]
    lb = lnbase(base)
    hxy = -sum(P[i][j] * log(P[i][j]) for i in range(len(P)) for j in range(len(P[0])) if P[i][j] > 0)
    hy_x = -sum(P[i][j] * log(P[i][j] / px[i]) for i in range(len(P)) for j in range(len(P[0])) if P[i][j] > 0)
    hx_y = -sum(P[i][j] * log(P[i][j] / py[j]) for i in range(len(P)) for j in range(len(P[0])) if P[i][j] > 0)
    mi = sum(P[i][j] * log(P[i][j] / (px[i] * py[j])) for i in range(len(P)) for j in range(len(P[0])) if P[i][j] > 0)
    hx = -sum(x * log(x) for x in px if x > 0)
    hy = -sum(x * log(x) for x in py if x > 0)
    # identities (exactness check at 50 digits)
    assert abs(hxy - (hx + hy_x)) < mpf(10) ** -40 and abs(hxy - (hy + hx_y)) < mpf(10) ** -40
    assert abs(mi - (hx + hy - hxy)) < mpf(10) ** -40
    return dict(jointEntropy=hxy / lb, conditionalEntropy=hy_x / lb, conditionalEntropyXgivenY=hx_y / lb,
                mutualInformation=mi / lb, hX=hx / lb, hY=hy / lb)


def label_mi(a, b):
    """sklearn.metrics.mutual_info_score's documented formula:
    MI(U,V) = sum_i sum_j |U_i ∩ V_j|/N · log( N |U_i ∩ V_j| / (|U_i| |V_j|) ), natural log."""
    N = len(a)
    cont = {}
    for x, y in zip(a, b):
        cont[(x, y)] = cont.get((x, y), 0) + 1
    A = {x: a.count(x) for x in set(a)}
    B = {y: b.count(y) for y in set(b)}
    return sum(mpf(n) / N * log(mpf(N) * n / (A[x] * B[y])) for (x, y), n in cont.items())


# --------------------------------------------------------------------------------------------
# independent float64 checks (scipy / numpy)
# --------------------------------------------------------------------------------------------


def close(ref, chk, rel=1e-12, absol=1e-14):
    if ref == INF or (isinstance(chk, float) and math.isinf(chk)):
        return ref == INF and math.isinf(chk) and chk > 0
    r = float(ref)
    return abs(r - chk) <= max(rel * abs(r), absol)


def check(name, ref, chk):
    if isinstance(ref, list):
        ok = all(close(r, c) for r, c in zip(ref, chk)) and len(ref) == len(chk)
    else:
        ok = close(ref, chk)
    if not ok:
        raise SystemExit(f"MISMATCH in {name}: mpmath={ref} check={chk}")


def sp_ce(p, q, base):
    p = np.asarray(p, float) / np.sum(p)
    q = np.asarray(q, float) / np.sum(q)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(p > 0, -p * np.log(np.where(q > 0, q, 0.0)), 0.0)
    v = float(np.sum(terms))
    b = npbase(base)
    return v / math.log(b) if b else v


def sp_surp(p, base):
    p = np.asarray(p, float) / np.sum(p)
    with np.errstate(divide="ignore"):
        v = -np.log(p)
    b = npbase(base)
    return list(v / math.log(b) if b else v)


def sp_joint(t, base):
    t = np.asarray(t, float)
    P = t / t.sum()
    b = npbase(base)
    hxy = sp_entropy(P.ravel(), base=b)
    hx = sp_entropy(P.sum(1), base=b)
    hy = sp_entropy(P.sum(0), base=b)
    mi = sp_entropy(P.ravel(), np.outer(P.sum(1), P.sum(0)).ravel(), base=b)
    return dict(jointEntropy=hxy, conditionalEntropy=hxy - hx, conditionalEntropyXgivenY=hxy - hy,
                mutualInformation=mi, hX=hx, hY=hy)


def np_label_mi(a, b):
    """Independent float64 contingency-table implementation in numpy (natural log)."""
    a, b = np.asarray(a), np.asarray(b)
    ua, ia = np.unique(a, return_inverse=True)
    ub, ib = np.unique(b, return_inverse=True)
    C = np.zeros((len(ua), len(ub)))
    np.add.at(C, (ia, ib), 1)
    N = C.sum()
    nz = C > 0
    n = C[nz]
    outer = np.outer(C.sum(1), C.sum(0))[nz]
    return float(np.sum(n / N * (np.log(n) + math.log(N) - np.log(outer))))


# --------------------------------------------------------------------------------------------
# output helpers
# --------------------------------------------------------------------------------------------


def num(x):
    """17 significant digits (round-trips float64)."""
    if isinstance(x, Fraction):
        return "0" if x == 0 else (f"{x.numerator}" if x.denominator == 1 else f"{x.numerator} / {x.denominator}")
    if x == INF:
        return "Infinity"
    if x == 0:
        return "0"
    return repr(float(mp.nstr(x, 17, strip_zeros=False)))


def lit(v):
    return repr(float(v)) if not isinstance(v, int) else str(v)


def show(name, x):
    if isinstance(x, list):
        print(f"  {name} = [" + ", ".join(mp.nstr(e, 20) for e in x) + "]")
    elif isinstance(x, Fraction):
        print(f"  {name} = {x}  (= {mp.nstr(mpf(x.numerator) / x.denominator, 20)})")
    else:
        print(f"  {name} = {mp.nstr(x, 20)}")


def frac_bits_entropy(probs):
    """Exact entropy in bits when every non-zero probability is 2^-k."""
    s = Fraction(0)
    for p in probs:
        p = Fraction(p)
        if p == 0:
            continue
        k = p.denominator.bit_length() - 1
        assert p.numerator == 1 and p.denominator == 2 ** k
        s += p * k
    return s


# --------------------------------------------------------------------------------------------
# the cases
# --------------------------------------------------------------------------------------------

groups = {k: [] for k in ["entropy", "crossEntropy", "kl", "js", "jsDistance", "surprisal", "joint",
                          "batched", "labelMi"]}
comments = {k: {} for k in groups}
current = {}


def group(kind, comment):
    current[kind] = comment
    comments[kind][len(groups[kind])] = comment


def fmt_base(base):
    return "" if base is None else f", base={base!r}"


def ent(p, base, source, exact=None):
    v = H(p, base)
    check("entropy " + source, v, sp_entropy(np.asarray(p, float), base=npbase(base)))
    if exact is not None:
        assert abs(mpf(exact.numerator) / exact.denominator - v) < mpf(10) ** -40, (exact, v)
    print(f"entropy p={p}{fmt_base(base)}")
    show("H", exact if exact is not None else v)
    groups["entropy"].append(dict(p=p, base=base, expected=exact if exact is not None else v, source=source))
    return v


def kl(p, q, base, source):
    v = KL(p, q, base)
    check("kl " + source, v, float(sp_entropy(np.asarray(p, float), np.asarray(q, float), base=npbase(base))))
    print(f"kl p={p} q={q}{fmt_base(base)}")
    show("D", v)
    groups["kl"].append(dict(p=p, q=q, base=base, expected=v, source=source))
    return v


def ce(p, q, base, source):
    v = CE(p, q, base)
    check("ce " + source, v, sp_ce(p, q, base))
    if v != INF:  # decomposition H(p,q) = H(p) + D(p||q)
        assert abs(v - (H(p, base) + KL(p, q, base))) < mpf(10) ** -40
    print(f"crossEntropy p={p} q={q}{fmt_base(base)}")
    show("Hpq", v)
    groups["crossEntropy"].append(dict(p=p, q=q, base=base, expected=v, source=source))
    return v


def js(p, q, base, source, dist_too=True):
    v = JS(p, q, base)
    b = npbase(base)
    check("js " + source, v, float(jensenshannon(np.asarray(p, float), np.asarray(q, float), base=b)) ** 2)
    print(f"js p={p} q={q}{fmt_base(base)}")
    show("JSD", v)
    groups["js"].append(dict(p=p, q=q, base=base, expected=v, source=source))
    if dist_too:
        d = sqrt(v)
        check("jsd " + source, d, float(jensenshannon(np.asarray(p, float), np.asarray(q, float), base=b)))
        show("JSdist", d)
        groups["jsDistance"].append(dict(p=p, q=q, base=base, expected=d, source=source.replace(
            "jsDivergence", "jsDistance")))
    return v


def surp(p, base, source):
    v = SURP(p, base)
    check("surprisal " + source, v, sp_surp(p, base))
    print(f"surprisal p={p}{fmt_base(base)}")
    show("I", v)
    groups["surprisal"].append(dict(p=p, base=base, expected=v, source=source))
    return v


def jt(t, base, source, exact=None):
    v = joint(t, base)
    c = sp_joint(t, base)
    for k in v:
        check(f"joint {k} " + source, v[k], c[k])
    if exact:
        for k, e in exact.items():
            assert abs(mpf(e.numerator) / e.denominator - v[k]) < mpf(10) ** -40, (k, e, v[k])
            v[k] = e
    print(f"joint table={t}{fmt_base(base)}")
    for k in v:
        show(k, v[k])
    groups["joint"].append(dict(table=t, base=base, source=source, **v))
    return v


# ============================================================================================
# 1. Seed examples
# ============================================================================================
print("=" * 30, "1. seed examples", "=" * 30)

group("entropy", "Seed examples (seeds 000-004), recomputed in mpmath at 50 digits from the float64 inputs, "
      "cross-checked with scipy.stats.entropy; exact fractions where the value is rational.")
ent([0.5, 0.5], "bits", "seed 000 §Entropy as Baseline Risk, (0.5,0.5) -> 1 bit; seed 002 H([0.5,0.5], base=2) -> 1.0; "
    "recomputed: exact 1 bit", exact=Fraction(1))
v = ent([0.9, 0.1], "bits", "")
groups["entropy"][-1]["source"] = (f"seed 000 §Entropy as Baseline Risk prints 0.47 bits, seed 002 H([0.9,0.1], base=2) "
                                   f"prints 0.469 bits, seed 001 'Biased coin' (its numbers are lost in our seed text; the public original of that page reads p = 0.9, H ≈ 0.47 bits); recomputed {mp.nstr(v, 15)} bits (seeds correct to the digits shown)")
v = ent([0.99, 0.01], "bits", "")
groups["entropy"][-1]["source"] = (f"seed 000 §Entropy as Baseline Risk prints 0.08 bits for (0.99,0.01); recomputed "
                                   f"{mp.nstr(v, 15)} bits (0.0808 to 3 s.f.; seed correct to the digits shown)")
ent([0.25, 0.25, 0.25, 0.25], "bits", "seed 002 H([0.25]*4, base=2) -> 2.0 bits; seed 000 'H(X) = 2 bits (uniform over 4)'; "
    "recomputed: exact log2 4 = 2", exact=Fraction(2))
# seed 002 Bernoulli table
printed = {0.0: "0", 0.1: "0.469", 0.3: "0.881", 0.5: "1.0", 0.7: "0.881", 1.0: "0"}
for pp, qq in [(0.0, 1.0), (0.1, 0.9), (0.3, 0.7), (0.5, 0.5), (0.7, 0.3), (1.0, 0.0)]:
    v = H([pp, qq], "bits")
    ex = Fraction(0) if pp in (0.0, 1.0) else (Fraction(1) if pp == 0.5 else None)
    ent([pp, qq], "bits", f"seed 002 §Bernoulli entropy table, p = {pp}: seed prints {printed[pp]} bits; recomputed "
        f"H_b({pp}) = {mp.nstr(v, 15) if ex is None else ex} bits (seed correct to the digits shown)", exact=ex)
v = ent([0.3, 0.7], "nats", "")
groups["entropy"][-1]["source"] = f"seed 002 §Bernoulli table p = 0.3, in nats ('nats' string base): recomputed {mp.nstr(v, 15)} nats"
v = ent([0.3, 0.7], None, "")
groups["entropy"][-1]["source"] = f"seed 002 §Bernoulli table p = 0.3, default base (nats): recomputed {mp.nstr(v, 15)} nats"
v = ent([0.7, 0.3], "bits", "")
groups["entropy"][-1]["source"] = (f"seed 000 Homework 3(a): binary Y with P(Y=1)=0.7, H(Y) = {mp.nstr(v, 15)} bits "
                                   f"(seed gives no number); 3(b) I = H(Y) - 0.5 = {mp.nstr(v - mpf('0.5'), 15)} bits")
# fair die / uniform over n
for n in [2, 3, 4, 6, 8, 10, 16]:
    v = H([1] * n, "bits")
    ex = Fraction(n.bit_length() - 1) if n & (n - 1) == 0 else None
    ent([1] * n, "bits", f"seeds 001/002/003 'uniform over n outcomes: H = log n' (maximum entropy); n = {n}"
        f"{' (fair die)' if n == 6 else ''}: log2 {n} = {ex if ex is not None else mp.nstr(v, 15)} bits "
        f"(unnormalised counts [1]*{n})", exact=ex)
v = ent([1] * 6, None, "")
groups["entropy"][-1]["source"] = f"fair die, nats: ln 6 = {mp.nstr(v, 15)} (seed 003 §Discrete case, maximum: log n)"
v = ent([1] * 6, "hartleys", "")
groups["entropy"][-1]["source"] = f"fair die, hartleys: log10 6 = {mp.nstr(v, 15)}"
ent([0, 0, 1, 0], "bits", "seed 002 'Non-negativity: H = 0 iff deterministic'; seed 001 'Deterministic: 0 bits'; exact 0",
    exact=Fraction(0))

# MaxEnt die of seed 000: E[X] = 4.8, lambda ≈ 0.514, p ≈ (0.03, 0.05, 0.09, 0.15, 0.25, 0.42)
def die_mean(l):
    w = [exp(l * x) for x in range(1, 7)]
    return sum(x * wi for x, wi in zip(range(1, 7), w)) / sum(w)


lam = findroot(lambda l: die_mean(l) - mpf("4.8"), mpf("0.5"))
w = [exp(lam * x) for x in range(1, 7)]
die = [float(x / sum(w)) for x in w]
print(f"MaxEnt die: lambda = {mp.nstr(lam, 20)}; p = {die}")
v = H(die, "bits")
ent(die, "bits", f"seed 000 §MaxEnt Example: The Biased Die, E[X]=4.8: solved lambda = {mp.nstr(lam, 12)} (seed: ≈0.514, "
    f"correct); p = e^(lambda x)/Z rounds to the seed's (0.03,0.05,0.09,0.15,0.25,0.42) (correct); "
    f"H = {mp.nstr(v, 15)} bits (seed gives no entropy)")
v = H(die, None)
ent(die, None, f"seed 000 MaxEnt die (as above) in nats: H = {mp.nstr(v, 15)} nats")

group("kl", "Seed examples, recomputed in mpmath (50 digits) from the float64 inputs; cross-checked with "
      "scipy.stats.entropy(p, q).")
v = kl([0.5, 0.5], [0.9, 0.1], None, "")
groups["kl"][-1]["source"] = (f"seed 004 §1.5 A Worked Example (and the Python cell of seed 004 §4, 'coin KL(p||q)'): fair coin p=(0.5,0.5), "
                              f"biased q=(0.9,0.1), D(p||q) printed 0.5108 nats; recomputed {mp.nstr(v, 15)} (seed correct)")
v = kl([0.9, 0.1], [0.5, 0.5], None, "")
groups["kl"][-1]["source"] = (f"seed 004 §1.5: D(q||p) with q=(0.9,0.1), p=(0.5,0.5) printed 0.3681 nats; recomputed "
                              f"{mp.nstr(v, 15)} (seed correct)")
v = kl([0.5, 0.5], [0.9, 0.1], "bits", "")
groups["kl"][-1]["source"] = f"seed 004 coin D(p||q) in bits: {mp.nstr(v, 15)} bits"
v = kl([0.4, 0.4, 0.2], [0.33, 0.33, 0.34], None, "")
groups["kl"][-1]["source"] = (f"seed 002 kl_divergence([0.4,0.4,0.2],[0.33,0.33,0.34]) prints '→ 0.0268 nats' and later "
                              f"'→ 0.027': WRONG; recomputed {mp.nstr(v, 15)} nats (scipy.special.rel_entr sum agrees)")
check("rel_entr", v, float(np.sum(rel_entr([0.4, 0.4, 0.2], [0.33, 0.33, 0.34]))))
v = kl([0.4, 0.4, 0.2], [0.33, 0.33, 0.34], "bits", "")
groups["kl"][-1]["source"] = f"seed 002 KL example in bits (seed prints only the wrong nats value 0.0268): {mp.nstr(v, 15)} bits"
kl([0.5, 0.5], [0.5, 0.5], None, "seeds 002/003/004 Gibbs inequality: D(p||p) = 0 exactly")
kl([1, 0], [0.5, 0.5], "bits", "seed 003 §An Information-Theoretic Perspective: deterministic p coded with fair q costs "
   "exactly 1 extra bit = log2 2")

group("crossEntropy", "Seed examples, recomputed in mpmath (50 digits); cross-checked with -sum(p*log(q)) in numpy "
      "and with the decomposition H(p,q) = H(p) + D(p||q) (seeds 000/003).")
v = ce([0.5, 0.5], [0.9, 0.1], None, "")
groups["crossEntropy"][-1]["source"] = f"seed 004 coins: H(p,q) = H(p) + D(p||q) = ln 2 + 0.5108... = {mp.nstr(v, 15)} nats"
v = ce([0.5, 0.5], [0.9, 0.1], "bits", "")
groups["crossEntropy"][-1]["source"] = f"seed 004 coins in bits (seed 000 'H(p||q) = H(p) + D(p||q)'): {mp.nstr(v, 15)} bits"
v = ce([0.4, 0.4, 0.2], [0.33, 0.33, 0.34], None, "")
groups["crossEntropy"][-1]["source"] = f"seed 002 cross_entropy(p,q) = H(p)+kl(p,q) for its KL example: {mp.nstr(v, 15)} nats"
v = ce([0, 1, 0], [0.2, 0.7, 0.1], None, "")
groups["crossEntropy"][-1]["source"] = (f"seed 000 §Cross-Entropy Loss: one-hot d vs model pi gives -log pi_y = -ln 0.7 = "
                                        f"{mp.nstr(v, 15)} nats")
v = ce([0.25, 0.25, 0.25, 0.25], [0.5, 0.25, 0.125, 0.125], "bits", "")
groups["crossEntropy"][-1]["source"] = ("seed 003 §The suboptimal scenario: uniform p coded with q=(1/2,1/4,1/8,1/8): exact "
                                        "(1+2+3+3)/4 = 9/4 bits")
groups["crossEntropy"][-1]["expected"] = Fraction(9, 4)
assert abs(v - mpf(9) / 4) < mpf(10) ** -40

group("js", "Seed examples, recomputed in mpmath (50 digits); cross-checked with "
      "scipy.spatial.distance.jensenshannon(p, q, base)**2.")
v = js([0.5, 0.5], [0.9, 0.1], None, "", dist_too=True)
groups["js"][-1]["source"] = (f"seed 002 jsd([0.5,0.5],[0.9,0.1]) prints '→ 0.278 nats': WRONG; recomputed jsDivergence "
                              f"{mp.nstr(v, 15)} nats (= scipy.spatial.distance.jensenshannon(...)**2)")
groups["jsDistance"][-1]["source"] = (f"seed 002 JSD example: jsDistance = sqrt({mp.nstr(v, 12)}) = {mp.nstr(sqrt(v), 15)} "
                                      f"= scipy.spatial.distance.jensenshannon([0.5,0.5],[0.9,0.1]) (seed's 0.278 is neither the JSD nor its sqrt)")
v = js([0.5, 0.5], [0.9, 0.1], "bits", "", dist_too=True)
groups["js"][-1]["source"] = f"seed 002 JSD example in bits: {mp.nstr(v, 15)} bits"
groups["jsDistance"][-1]["source"] = (f"scipy {scipy.__version__}: jensenshannon([0.5,0.5],[0.9,0.1], base=2) = "
                                      f"{mp.nstr(sqrt(v), 15)} (seed 002 example)")
js([1, 0], [0, 1], "bits", "seed 002 'JSD is bounded': disjoint supports give exactly 1 bit (the maximum)", dist_too=True)
groups["js"][-1]["expected"] = Fraction(1)
groups["jsDistance"][-1]["expected"] = Fraction(1)
groups["jsDistance"][-1]["source"] = "scipy: jensenshannon([1,0],[0,1], base=2) = 1 exactly (disjoint supports)"
v = js([1, 0], [0, 1], None, "", dist_too=True)
groups["js"][-1]["source"] = f"disjoint supports in nats: exactly ln 2 = {mp.nstr(v, 15)}"
groups["jsDistance"][-1]["source"] = f"scipy: jensenshannon([1,0],[0,1]) = sqrt(ln 2) = {mp.nstr(sqrt(v), 15)}"

group("surprisal", "Seed examples: -log p(x) of each normalised entry, mpmath 50 digits; cross-checked with -np.log(p/p.sum()).")
surp([0.5, 0.5], "bits", "seed 002 'Example: A fair coin': I = -log2(1/2) = exactly 1 bit per outcome")
groups["surprisal"][-1]["expected"] = [Fraction(1), Fraction(1)]
v = surp([0.9, 0.1], "bits", "")
groups["surprisal"][-1]["source"] = (f"seed 002 'A biased coin with ...: ... bits — landing heads is very surprising' (its "
                                     f"numbers are lost in the seed text); biased coin (0.9, 0.1): -log2 0.9 = {mp.nstr(v[0], 12)}, "
                                     f"-log2 0.1 = {mp.nstr(v[1], 12)} bits")
v = surp([0.99, 0.01], "bits", "")
groups["surprisal"][-1]["source"] = (f"biased coin (0.99, 0.01) (seed 000 baseline table's coin): -log2 0.01 = {mp.nstr(v[1], 15)} bits "
                                     f"= log2 100")
v = surp([1, 49999], "bits", "")
groups["surprisal"][-1]["source"] = (f"seed 002 50,000-word vocabulary, 'roughly uniform': p('the') = 1/50000 (as counts [1, 49999]) "
                                     f"-> -log2(1/50000) = log2 50000 = {mp.nstr(v[0], 15)} bits (the seed's own numbers are "
                                     f"lost in the text)")
v = surp([1, 999999], "bits", "")
groups["surprisal"][-1]["source"] = (f"seed 002 rare word 'ephemeral' (its probability is lost in the seed text; 1e-6 chosen here, "
                                     f"as counts [1, 999999]): -log2 1e-6 = {mp.nstr(v[0], 15)} bits")
v = surp([1, 2, 3, 4], None, "")
groups["surprisal"][-1]["source"] = "seed 003 §Surprisal I(x) = -log p(x) on unnormalised counts [1,2,3,4] -> -ln(k/10), nats"

group("joint", "Seed 000 §Worked Example: Computing MI. Rows index X, columns index Y; with this orientation the row "
      "sums are p_X = (1/4,1/4,1/4,1/4) and the column sums p_Y = (1/2,1/4,1/8,1/8), matching the seed's H(X) = 2, "
      "H(Y) = 7/4 (the seed's table already has rows = X; it is the transpose of Cover & Thomas Ex. 2.2.1). Exact "
      "fractions (all cells are powers of 1/2), checked against mpmath and scipy.")
T = [[Fraction(1, 8), Fraction(1, 16), Fraction(1, 32), Fraction(1, 32)],
     [Fraction(1, 16), Fraction(1, 8), Fraction(1, 32), Fraction(1, 32)],
     [Fraction(1, 16), Fraction(1, 16), Fraction(1, 16), Fraction(1, 16)],
     [Fraction(1, 4), Fraction(0), Fraction(0), Fraction(0)]]
px = [sum(r) for r in T]
py = [sum(T[i][j] for i in range(4)) for j in range(4)]
assert px == [Fraction(1, 4)] * 4 and py == [Fraction(1, 2), Fraction(1, 4), Fraction(1, 8), Fraction(1, 8)]
hxy = frac_bits_entropy([x for r in T for x in r])
hx, hy = frac_bits_entropy(px), frac_bits_entropy(py)
ex = dict(jointEntropy=hxy, hX=hx, hY=hy, conditionalEntropy=hxy - hx, conditionalEntropyXgivenY=hxy - hy,
          mutualInformation=hx + hy - hxy)
print("seed 000 exact (bits):", {k: str(v) for k, v in ex.items()})
assert (hx, hy, hxy, hx + hy - hxy) == (2, Fraction(7, 4), Fraction(27, 8), Fraction(3, 8))
Tf = [[float(x) for x in r] for r in T]
jt(Tf, "bits", "seed 000 §Worked Example: Computing MI: H(X)=2, H(Y)=7/4, H(X,Y)=27/8, I(X;Y)=3/8 bits — all correct; "
   "H(Y|X) = 27/8 - 2 = 11/8, H(X|Y) = 27/8 - 7/4 = 13/8 bits (Homework 2: I = 2 - 13/8 = 7/4 - 11/8 = 3/8, verified)",
   exact=ex)
v = jt(Tf, None, "")
groups["joint"][-1]["source"] = ("seed 000 table in nats: each value = (bits value) x ln 2, e.g. I = (3/8) ln 2 = "
                                 f"{mp.nstr(v['mutualInformation'], 15)} nats")
Tc = [[4, 2, 1, 1], [2, 4, 1, 1], [2, 2, 2, 2], [8, 0, 0, 0]]
jt(Tc, "bits", "seed 000 table as integer counts (x32), normalised as a whole: same exact values (27/8, 11/8, 13/8, 3/8, 2, 7/4 bits)",
   exact=dict(ex))
Tt = [list(r) for r in zip(*Tf)]
ext = dict(jointEntropy=hxy, hX=hy, hY=hx, conditionalEntropy=hxy - hy, conditionalEntropyXgivenY=hxy - hx,
           mutualInformation=hx + hy - hxy)
jt(Tt, "bits", "seed 000 table TRANSPOSED (rows = the seed's Y, i.e. Cover & Thomas's orientation): H(rows)=7/4, H(cols)=2, "
   "H(cols|rows) = 13/8, H(rows|cols) = 11/8, I = 3/8 bits — guards against a rows/columns mix-up", exact=ext)

# ============================================================================================
# 2. SciPy values
# ============================================================================================
print("=" * 30, "2. scipy values", "=" * 30)

RV = {  # fixed 'random-looking' vectors: numpy.random.default_rng(7).random(n) rounded to 4 d.p. (written as literals)
    5: [0.6251, 0.8972, 0.7757, 0.2252, 0.3002],
    7: [0.8736, 0.0053, 0.8212, 0.7971, 0.4679, 0.303, 0.2784],
    9: [0.2549, 0.4451, 0.5045, 0.5535, 0.9955, 0.7927, 0.6222, 0.989, 0.2153],
    12: [0.1602, 0.6125, 0.0439, 0.0357, 0.5149, 0.4662, 0.9172, 0.6292, 0.5141, 0.4969, 0.2475, 0.0118],
    6: [0.1924, 0.692, 0.2006, 0.3695, 0.0037, 0.83],
    10: [0.1545, 0.2676, 0.8803, 0.5098, 0.8472, 0.6397, 0.7418, 0.0915, 0.5411, 0.5078],
    8: [0.8713, 0.3613, 0.5982, 0.0593, 0.3876, 0.323, 0.1502, 0.8163],
}
C8 = [10, 9, 14, 24, 9, 14, 10, 15]
C11 = [11, 15, 13, 16, 23, 3, 14, 11, 8, 5, 1]


def call(fn, *args, base=None):
    a = ", ".join(repr(x) for x in args)
    b = npbase(base)
    return f"{SCIPY}: {fn}({a}{'' if b is None else f', base={b}'})"


group("entropy", "SciPy values: expected = scipy.stats.entropy(p, base=...) (the call is in each source); the literal "
      "itself is the mpmath 50-digit value, which agrees with scipy to < 1e-12 relative.")
for p, base in [([1, 2, 3, 4], "bits"), ([1, 2, 3, 4], None), ([1, 2, 3, 4], "hartleys"), ([1, 2, 3, 4], 3.7),
                ([1, 2, 3, 4], 2), ([1, 2, 3, 4], 10), ([1, 2, 3, 4], math.e), ([1, 2, 3, 4], 0.5),
                ([3, 0, 5, 0, 2], None), ([3, 0, 5, 0, 2], "bits"), ([0.2, 0.3, 0.5], None),
                ([7], None), ([1e-300, 1], None), ([1e6, 1, 1], None),
                (C8, None), (C11, "bits"), (RV[5], None), (RV[7], "bits"), (RV[9], 3.7), (RV[12], None),
                (RV[6], "hartleys"), (RV[10], None), (RV[8], 2)]:
    ent(p, base, call("scipy.stats.entropy", p, base=base))
next(c for c in groups["entropy"] if c["p"] == [7])["source"] += " (single outcome: exactly 0)"

group("kl", "SciPy values: expected = scipy.stats.entropy(p, q, base=...) = sum(rel_entr(p/sum p, q/sum q)); "
      "literal from mpmath at 50 digits, agrees with scipy < 1e-12 relative.")
for p, q, base in [([1, 2, 3, 4], [4, 3, 2, 1], None), ([1, 2, 3, 4], [4, 3, 2, 1], "bits"),
                   ([1, 2, 3, 4], [4, 3, 2, 1], 3.7), ([1, 2, 3, 4], [4, 3, 2, 1], "hartleys"),
                   ([10, 20, 30, 40], [0.4, 0.3, 0.2, 0.1], None),
                   ([0.5, 0.5, 0], [0.25, 0.25, 0.5], None), ([0.5, 0.5, 0], [0.25, 0.25, 0.5], "bits"),
                   ([0.5, 0.25, 0.25], [0.5, 0.5, 0], None), ([0.5, 0.25, 0.25], [0.5, 0.5, 0], "bits"),
                   ([0, 1], [1, 0], None),
                   (RV[5], RV[5][::-1], None), (RV[7], RV[7][::-1], "bits"), (RV[9], RV[9][::-1], None),
                   (RV[12], RV[12][::-1], 3.7), (C8, C8[::-1], None), (RV[10], RV[10][::-1], "hartleys")]:
    kl(p, q, base, call("scipy.stats.entropy", p, q, base=base))
for c in groups["kl"]:
    if c["expected"] == INF:
        c["source"] += " -> inf (q = 0 where p > 0)"
groups["kl"][-11]["source"] += " (p=0 where q>0 contributes 0)"

group("crossEntropy", "SciPy values: expected = -sum(p*log(q)) on normalised p, q = scipy.stats.entropy(p, base=b) + "
      "scipy.stats.entropy(p, q, base=b); mpmath 50 digits; Infinity where q = 0 < p.")
for p, q, base in [([1, 2, 3, 4], [4, 3, 2, 1], None), ([1, 2, 3, 4], [4, 3, 2, 1], "bits"),
                   ([1, 2, 3, 4], [4, 3, 2, 1], 3.7), ([0.5, 0.5, 0], [0.25, 0.25, 0.5], None),
                   ([0.5, 0.5, 0], [0.5, 0.5, 0], "bits"), ([0.5, 0.25, 0.25], [0.5, 0.5, 0], None),
                   ([1, 2, 3, 4], [1, 2, 3, 4], None),
                   (RV[5], RV[5][::-1], None), (RV[9], RV[9][::-1], "hartleys"), (RV[12], RV[12][::-1], "bits")]:
    b = npbase(base)
    ce(p, q, base, f"{SCIPY}: scipy.stats.entropy({p!r}{'' if b is None else f', base={b}'}) + "
       f"scipy.stats.entropy({p!r}, {q!r}{'' if b is None else f', base={b}'})")
for c in groups["crossEntropy"]:
    if c["expected"] == INF:
        c["source"] += " -> inf (q = 0 where p > 0)"
groups["crossEntropy"][-4]["source"] += " (q = p: equals entropy(p))"
groups["crossEntropy"][-6]["source"] += " (0 log 0 = 0 where p = q = 0; equals H(p) = 1 bit)"

group("js", "SciPy values: expected = scipy.spatial.distance.jensenshannon(p, q, base)**2 (jsDistance cases: without "
      "the square); mpmath 50 digits.")
for p, q, base in [([1, 2, 3, 4], [4, 3, 2, 1], None), ([1, 2, 3, 4], [4, 3, 2, 1], "bits"),
                   ([1, 2, 3, 4], [4, 3, 2, 1], 3.7), ([1, 0, 0], [0, 0.5, 0.5], None),
                   ([0.5, 0.5, 0], [0.25, 0.25, 0.5], "hartleys"), ([10, 20, 30, 40], [0.4, 0.3, 0.2, 0.1], None),
                   ([1, 2, 3, 4], [2, 4, 6, 8], None),
                   (RV[5], RV[5][::-1], None), (RV[7], RV[7][::-1], "bits"), (RV[12], RV[12][::-1], None),
                   (C11, C11[::-1], 2)]:
    b = npbase(base)
    s = f"{SCIPY}: scipy.spatial.distance.jensenshannon({p!r}, {q!r}{'' if b is None else f', base={b}'})"
    js(p, q, base, s + "**2 (jsDivergence)")
    groups["jsDistance"][-1]["source"] = s
groups["js"][-5]["source"] += " (q is a multiple of p: exactly 0)"
groups["jsDistance"][-5]["source"] += " (q is a multiple of p: exactly 0)"

group("surprisal", "SciPy/NumPy values: expected = -np.log(p / p.sum()) / np.log(base); mpmath 50 digits. -log 0 = Infinity.")
for p, base in [([1, 2, 3, 4], "bits"), ([0.2, 0.3, 0.5], None), ([0.2, 0.3, 0.5], "hartleys"), ([3, 0, 5, 2], None),
                (RV[7], 3.7), (C8, "bits")]:
    b = npbase(base)
    surp(p, base, f"numpy {np.__version__}: -np.log(np.asarray({p!r})/sum){'' if b is None else f' / np.log({b})'}")
groups["surprisal"][-3]["source"] += " (p = 0 -> Infinity)"

group("joint", "Joint tables (rows index X, columns index Y), integer counts normalised as a whole; every quantity "
      "computed directly from its definition in mpmath (H(X,Y) = -sum p log p, H(Y|X) = -sum p(x,y) log p(x,y)/p(x), "
      "H(X|Y) = -sum p(x,y) log p(x,y)/p(y), I = sum p(x,y) log p(x,y)/(p(x)p(y))), checked against the chain-rule "
      "identities at 50 digits and against scipy.stats.entropy on the flattened table / marginals.")
T34 = [[8, 16, 1, 8], [19, 19, 4, 0], [13, 0, 6, 9]]   # numpy.random.default_rng(7) integers, written as literals
T52 = [[17, 1], [13, 10], [2, 16], [16, 9], [18, 12]]
Tind = [[2, 4, 6], [4, 8, 12]]                          # rank 1 -> independent
Tdiag = [[5, 0, 0], [0, 3, 0], [0, 0, 2]]               # Y = f(X)
for t, name in [(T34, "3x4 counts"), (T52, "5x2 counts")]:
    for base in [None, "bits"]:
        jt(t, base, f"{name} {t}, definitions in mpmath; {SCIPY} check: entropy(P.ravel()), entropy(P.sum(1)), "
           f"entropy(P.ravel(), outer(P.sum(1), P.sum(0)).ravel()){'' if base is None else ', base=2'}")
jt(T34, 3.7, f"3x4 counts {T34} in base 3.7 (definitions; scipy base=3.7 check)")
jt(T52, "hartleys", f"5x2 counts {T52} in hartleys (definitions; scipy base=10 check)")
v = jt(Tind, "bits", f"independent 2x3 table {Tind} (rank 1): I = 0 exactly (mpmath residue 1e-50 from the inexact "
       f"normalisation is written as 0), H(Y|X) = H(Y), H(X|Y) = H(X)")
assert abs(v["mutualInformation"]) < mpf(10) ** -45
groups["joint"][-1]["mutualInformation"] = Fraction(0)
v = jt(Tdiag, None, f"diagonal 3x3 table {Tdiag} (Y a function of X): H(Y|X) = H(X|Y) = 0, I = H(X) = H(Y) = H(X,Y)")
jt([[0.3, 0.2, 0.5]], None, "single-row table (X constant): H(X) = 0, H(Y|X) = H(X,Y) = H(Y), I = 0")

# ============================================================================================
# 3. Batched cases
# ============================================================================================
print("=" * 30, "3. batched", "=" * 30)
batches = [
    (3, 5, RV[5] + [1, 2, 3, 4, 5] + [0.5, 0, 0.5, 0, 0],
     RV[5][::-1] + [5, 4, 3, 2, 1] + [0.2, 0.2, 0.2, 0.2, 0.2], None),
    (3, 5, RV[5] + [1, 2, 3, 4, 5] + [0.5, 0, 0.5, 0, 0],
     RV[5][::-1] + [5, 4, 3, 2, 1] + [0.2, 0.2, 0.2, 0.2, 0.2], "bits"),
    (3, 4, [1, 2, 3, 4, 0.5, 0.5, 0, 0, 0.25, 0.25, 0.25, 0.25],
     [4, 3, 2, 1, 0.5, 0, 0.5, 0, 1, 1, 1, 1], None),
    (4, 3, [0.4, 0.4, 0.2, 0.5, 0.5, 0, 1, 0, 0, 10, 20, 30],
     [0.33, 0.33, 0.34, 0.9, 0.1, 0, 0, 1, 0, 3, 2, 1], "bits"),
]
for rows, cols, p, q, base in batches:
    assert len(p) == len(q) == rows * cols
    P = [p[i * cols:(i + 1) * cols] for i in range(rows)]
    Q = [q[i * cols:(i + 1) * cols] for i in range(rows)]
    e = [H(r, base) for r in P]
    k = [KL(a, b, base) for a, b in zip(P, Q)]
    j = [JS(a, b, base) for a, b in zip(P, Q)]
    b = npbase(base)
    check("batched H", e, list(sp_entropy(np.asarray(P, float), base=b, axis=1)))
    check("batched KL", k, list(sp_entropy(np.asarray(P, float), np.asarray(Q, float), base=b, axis=1)))
    check("batched JS", j, list(jensenshannon(np.asarray(P, float), np.asarray(Q, float), base=b, axis=1) ** 2))
    print(f"batched {rows}x{cols} p={p} q={q}{fmt_base(base)}")
    show("entropy", e); show("kl", k); show("js", j)
    groups["batched"].append(dict(rows=rows, cols=cols, p=p, q=q, base=base, entropy=e, kl=k, js=j, source=(
        f"per-row mpmath (50 digits); {SCIPY}: scipy.stats.entropy(P, axis=1{'' if b is None else f', base={b}'}), "
        f"scipy.stats.entropy(P, Q, axis=1{'' if b is None else f', base={b}'}), "
        f"scipy.spatial.distance.jensenshannon(P, Q, axis=1{'' if b is None else f', base={b}'})**2 with P, Q = p, q reshaped ({rows}, {cols})")))
comments["batched"][0] = ("Batched cases: matrix {data, rows, cols} row-major; each row normalised on its own; expected "
                          "per-row values from mpmath, checked with scipy's axis=1 calls. KL is Infinity in a row where q = 0 < p.")

# ============================================================================================
# 4. Label MI
# ============================================================================================
print("=" * 30, "4. label MI", "=" * 30)
comments["labelMi"][0] = ("Mutual information of label arrays, nats. sklearn is not installed, so this is sklearn's documented "
                          "formula for sklearn.metrics.mutual_info_score: MI = sum_ij n_ij/N * ln(N n_ij / (a_i b_j)) over the "
                          "contingency table (a_i, b_j its row/column sums), evaluated in mpmath (50 digits) and checked "
                          "against an independent numpy contingency-table implementation.")
LAB = [
    ([3, 3, 2, 1, 0, 2, 0, 3, 3, 0, 2, 0], [0, 1, 2, 2, 1, 1, 1, 0, 1, 2, 1, 0], "length 12, 4 x 3 labels"),
    ([0, 2, 0, 3, 3, 2, 1, 3, 2, 1, 1, 1, 3, 0, 0], [2, 1, 2, 0, 2, 0, 1, 2, 0, 1, 2, 1, 0, 1, 1], "length 15"),
    ([3, 2, 1, 0, 2, 1, 2, 3, 1, 3, 2, 2, 3, 3, 3, 3, 0, 1, 3, 1], [0, 1, 2, 2, 2, 1, 0, 2, 1, 2, 2, 2, 0, 2, 1, 1, 2, 2, 1, 0], "length 20"),
    ([2, 0, 0, 0, 0, 3, 1, 0, 0, 1, 1, 1, 3, 3, 2, 3], [1, 0, 0, 0, 2, 0, 1, 0, 2, 0, 1, 2, 1, 2, 2, 2], "length 16"),
    ([2, 2, 2, 3, 1, 3, 3, 1, 1, 2], [2, 0, 0, 0, 1, 0, 1, 1, 2, 2], "length 10"),
    ([0, 0, 1, 1, 2, 2, 3, 3, 4, 4], [0, 0, 1, 1, 2, 2, 3, 3, 4, 4], "identical labels: MI = H(a) = ln 5"),
    ([0, 0, 1, 1, 2, 2, 3, 3, 4, 4], [7, 7, 3, 3, 9, 9, 0, 0, 5, 5], "relabelled copy (non-contiguous labels): MI = ln 5"),
    ([0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1], [0, 0, 1, 1, 2, 2, 0, 0, 1, 1, 2, 2], "exactly independent (2 x 3 uniform contingency): MI = 0"),
    ([5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5], [0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1], "a constant: MI = 0"),
    ([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1], "binary, length 14"),
    ([0, 10, 20, 0, 10, 20, 0, 10, 20, 0, 10, 20, 0], [1, 1, 2, 2, 3, 3, 1, 1, 2, 2, 3, 3, 1], "sparse label values, length 13"),
]
for a, b, note in LAB:
    assert len(a) == len(b) and 10 <= len(a) <= 20
    v = label_mi(a, b)
    check("labelMI " + note, v, np_label_mi(a, b))
    print(f"labelMI a={a} b={b}")
    show("MI", v)
    groups["labelMi"].append(dict(a=a, b=b, expected=v, source=(
        f"contingency-table formula of sklearn.metrics.mutual_info_score (nats), mpmath: {note}")))
assert abs(groups["labelMi"][5]["expected"] - log(5)) < mpf(10) ** -40
assert abs(groups["labelMi"][6]["expected"] - log(5)) < mpf(10) ** -40
assert groups["labelMi"][7]["expected"] == 0 and groups["labelMi"][8]["expected"] == 0

print("\nAll values agree with the scipy/numpy float64 checks to < 1e-12 relative.")
print({k: len(v) for k, v in groups.items()})

# ============================================================================================
# TypeScript emitter
# ============================================================================================


def ts_base(b):
    if b is None:
        return None
    if isinstance(b, str):
        return f'"{b}"'
    if b == math.e:
        return "Math.E"
    return lit(b)


def ts_vec(v):
    return "[" + ", ".join(lit(x) for x in v) + "]"


def ts_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def emit(path):
    out = []
    w = out.append
    w("// AUTO-GENERATED by test/reference/discrete.py (python3 test/reference/discrete.py --emit-ts test/reference/discrete.ts).")
    w("// Independent reference values for infowasm's discrete information measures.")
    w(f"// Derived with mpmath {mpmath.__version__} at 50 digits from the exact float64 inputs, cross-checked")
    w(f"// against {SCIPY} / numpy {np.__version__} to < 1e-12 relative; exact rationals are written as fractions.")
    w("// Semantics (API.md): every vector / row / joint table is normalised to sum 1; 0 log 0 = 0; natural log")
    w("// unless `base` is given; KL and cross-entropy are Infinity where q = 0 < p.")
    w("")
    w('export type Base = number | "bits" | "nats" | "hartleys";')
    w("")

    def base_field(c):
        b = ts_base(c.get("base"))
        return "" if b is None else f", base: {b}"

    def block(kind, name, typ, render):
        w(f"export const {name}: {typ}[] = [")
        for i, c in enumerate(groups[kind]):
            if i in comments[kind]:
                w(f"  // {comments[kind][i]}")
            w("  " + render(c) + ",")
        w("];")
        w("")

    w("export interface VectorCase { p: number[]; base?: Base; expected: number; source: string }")
    w("export interface PairCase { p: number[]; q: number[]; base?: Base; expected: number; source: string }")
    w("export interface SurprisalCase { p: number[]; base?: Base; expected: number[]; source: string }")
    w("export interface JointTableCase {\n  table: number[][];\n  base?: Base;\n  jointEntropy: number;\n"
      "  /** H(Y|X): rows index X */\n  conditionalEntropy: number;\n  conditionalEntropyXgivenY: number;\n"
      "  mutualInformation: number;\n  hX: number;\n  hY: number;\n  source: string;\n}")
    w("export interface BatchedCase {\n  rows: number;\n  cols: number;\n  /** row-major, rows x cols */\n  p: number[];\n"
      "  q: number[];\n  base?: Base;\n  entropy: number[];\n  kl: number[];\n  js: number[];\n  source: string;\n}")
    w("export interface LabelMiCase { a: number[]; b: number[]; expected: number; source: string }")
    w("")
    block("entropy", "entropyCases", "VectorCase",
          lambda c: f"{{ p: {ts_vec(c['p'])}{base_field(c)}, expected: {num(c['expected'])}, source: {ts_str(c['source'])} }}")
    pair = lambda c: (f"{{ p: {ts_vec(c['p'])}, q: {ts_vec(c['q'])}{base_field(c)}, expected: {num(c['expected'])}, "
                      f"source: {ts_str(c['source'])} }}")
    block("crossEntropy", "crossEntropyCases", "PairCase", pair)
    block("kl", "klCases", "PairCase", pair)
    block("js", "jsDivergenceCases", "PairCase", pair)
    comments["jsDistance"] = {0: "jsDistance = sqrt(jsDivergence) = scipy.spatial.distance.jensenshannon(p, q, base); "
                                 "same inputs as jsDivergenceCases (mpmath 50 digits, checked against scipy)."}
    block("jsDistance", "jsDistanceCases", "PairCase", pair)
    block("surprisal", "surprisalCases", "SurprisalCase",
          lambda c: (f"{{ p: {ts_vec(c['p'])}{base_field(c)}, expected: [{', '.join(num(x) for x in c['expected'])}], "
                     f"source: {ts_str(c['source'])} }}"))
    block("joint", "jointTableCases", "JointTableCase",
          lambda c: ("{\n    table: [" + ", ".join(ts_vec(r) for r in c["table"]) + "]" + base_field(c) + ",\n"
                     + "".join(f"    {k}: {num(c[k])},\n" for k in ["jointEntropy", "conditionalEntropy",
                                                                      "conditionalEntropyXgivenY", "mutualInformation",
                                                                      "hX", "hY"])
                     + f"    source: {ts_str(c['source'])},\n  }}"))
    block("batched", "batchedCases", "BatchedCase",
          lambda c: ("{\n" + f"    rows: {c['rows']},\n    cols: {c['cols']},\n    p: {ts_vec(c['p'])},\n"
                     f"    q: {ts_vec(c['q'])},\n" + (f"    base: {ts_base(c['base'])},\n" if c.get('base') is not None else "")
                     + "".join(f"    {k}: [{', '.join(num(x) for x in c[k])}],\n" for k in ["entropy", "kl", "js"])
                     + f"    source: {ts_str(c['source'])},\n  }}"))
    block("labelMi", "labelMiCases", "LabelMiCase",
          lambda c: f"{{ a: {ts_vec(c['a'])}, b: {ts_vec(c['b'])}, expected: {num(c['expected'])}, source: {ts_str(c['source'])} }}")
    with open(path, "w") as f:
        f.write("\n".join(out))
    print(f"wrote {path}")


if "--emit-ts" in sys.argv:
    emit(sys.argv[sys.argv.index("--emit-ts") + 1])
