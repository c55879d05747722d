#!/usr/bin/env python3
"""Reference values for test/discrete-scipy.test.ts and test/discrete-small.test.ts.

Run: python3 test/reference/discrete_scipy.py   (prints every value the tests use)

1. The cases of SciPy's own tests, scipy/stats/tests/test_entropy.py (TestEntropy) and
   scipy/spatial/tests/test_distance.py (test_jensenshannon), recomputed here with SciPy at full
   float64 precision (SciPy's tests assert 7-8 digits; ours assert 1e-12 against these).
   SciPy's default axis is 0 (columns of a 2-D array); infowasm's matrices are rows (axis=1),
   so the tests transpose where SciPy uses axis=0.
2. Extremes of D(p||q) where p/q overflows or underflows float64, in mpmath at 50 digits from the
   exact float64 inputs (scipy.special.rel_entr fixed the same overflow).
"""
import numpy as np
import scipy
from scipy import stats
from scipy.spatial.distance import jensenshannon
from scipy.special import rel_entr
from mpmath import mp, mpf, log

mp.dps = 50
r = lambda x: repr(float(x))
print("scipy", scipy.__version__, "numpy", np.__version__)

pk = np.array([[0.1, 0.2], [0.6, 0.3], [0.3, 0.5]])
qk = np.array([[0.2, 0.1], [0.3, 0.6], [0.5, 0.3]])
print("test_entropy_positive", r(stats.entropy([0.5, 0.2, 0.3], [0.5, 0.2, 0.3])), r(stats.entropy([0.5, 0.2, 0.3], [0.1, 0.25, 0.65])))
q16 = np.where(np.arange(16) < 8, 2.0, 1.0)
print("test_entropy_base", r(stats.entropy(np.ones(16), base=2)), r(stats.entropy(np.ones(16), q16)), r(stats.entropy(np.ones(16), q16, base=2)))
print("test_entropy_zero", r(stats.entropy([0.0, 1.0, 2.0])))
print("test_entropy_2d", [r(v) for v in stats.entropy(pk, qk)])
qz = np.array([[0.0, 0.1], [0.3, 0.6], [0.5, 0.3]])
print("test_entropy_2d_zero", [r(v) for v in stats.entropy(pk, qz)])
pz = np.array([[0.0, 0.2], [0.6, 0.3], [0.3, 0.5]])
print("test_entropy_2d_zero (p)", [r(v) for v in stats.entropy(pz, qz)])
print("test_entropy_base_2d_nondefault_axis", [r(v) for v in stats.entropy(pk, axis=1)])
print("test_entropy_2d_nondefault_axis", [r(v) for v in stats.entropy(pk, qk, axis=1)])
print("entropy(pk) axis=0", [r(v) for v in stats.entropy(pk)])
rng = np.random.default_rng(74187315492831452)
x = rng.random(3)
y = rng.random((2, 1))
print("test_entropy_broadcasting x", [r(v) for v in x], "y", [r(v) for v in y.ravel()], "res", [r(v) for v in stats.entropy(x, y, axis=-1)])
for base in (None, 2.0):
    print("base", base, "entropy(pk, axis=1)", [r(v) for v in stats.entropy(pk, axis=1, base=base)])

print("test_jensenshannon", r(jensenshannon([1.0, 0.0, 0.0], [0.0, 1.0, 0.0], 2.0)), r(jensenshannon([1.0, 0.0], [0.5, 0.5])),
      r(jensenshannon([1.0, 0.0, 0.0], [1.0, 0.0, 0.0])))
print("  [[1,2]] vs [[.5,1.5]] axis=0", [r(v) for v in jensenshannon([[1.0, 2.0]], [[0.5, 1.5]], axis=0)],
      "axis=1", [r(v) for v in jensenshannon([[1.0, 2.0]], [[0.5, 1.5]], axis=1)])
a = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]], dtype=float)
b = np.array([[13, 14, 15, 16], [17, 18, 19, 20], [21, 22, 23, 24]], dtype=float)
print("  a, b axis=0", [r(v) for v in jensenshannon(a, b, axis=0)], "axis=1", [r(v) for v in jensenshannon(a, b, axis=1)])

# What SciPy returns for inputs infowasm rejects (README "Where we differ")
with np.errstate(all="ignore"):
    print("rejected: entropy([0,0])", stats.entropy([0.0, 0.0]), "entropy([1,-1,1])", stats.entropy([1.0, -1.0, 1.0]),
          "entropy([1,inf])", stats.entropy([1.0, np.inf]), "jensenshannon([0,0],[0,0])", jensenshannon([0.0, 0.0], [0.0, 0.0]),
          "entropy([1,nan])", stats.entropy([1.0, np.nan]))


def kl(p, q):
    """D(p||q) of the normalised p, q, in mpmath from the exact float64 inputs."""
    p = [mpf(float(v)) for v in p]
    q = [mpf(float(v)) for v in q]
    sp, sq = sum(p), sum(q)
    return sum((a / sp) * log((a / sp) / (b / sq)) for a, b in zip(p, q) if a > 0)


def ce(p, q):
    p = [mpf(float(v)) for v in p]
    q = [mpf(float(v)) for v in q]
    sp, sq = sum(p), sum(q)
    return -sum((a / sp) * log(b / sq) for a, b in zip(p, q) if a > 0)


def H(p):
    p = [mpf(float(v)) for v in p]
    s = sum(p)
    return -sum((a / s) * log(a / s) for a in p if a > 0)


def jsd(p, q):
    p = [mpf(float(v)) for v in p]
    q = [mpf(float(v)) for v in q]
    sp, sq = sum(p), sum(q)
    P = [a / sp for a in p]
    Q = [b / sq for b in q]
    M = [(a + b) / 2 for a, b in zip(P, Q)]
    t = lambda X: sum(a * log(a / m) for a, m in zip(X, M) if a > 0)
    return (t(P) + t(Q)) / 2


print("rel_entr(1, 2.2e-309)", r(rel_entr(1.0, 2.2e-309)))
extremes = [
    ("kl", [1, 0], [2.2e-309, 1]),
    ("kl", [1, 0, 0, 0, 0, 0, 0, 0], [2.2e-309, 1, 0, 0, 0, 0, 0, 0]),
    ("kl", [1e-20, 0], [1e305, 1]),
    ("kl", [1e-10, 1], [1e300, 1]),
    ("kl", [1e300, 1], [1e-10, 1e-300]),
    ("kl", [5e-324, 1], [1, 5e-324]),
    ("kl", [1e-310, 2e-310, 3e-310], [1, 1, 1]),
    ("ce", [1, 0], [2.2e-309, 1]),
    ("ce", [1e-315, 2e-315], [1, 3]),
    ("entropy", [1e-310, 2e-310, 3e-310, 0, 1e-320], None),
    ("entropy", [5e-324, 5e-324, 1e-323], None),
    ("js", [2.2e-309, 0], [1, 1]),
    ("js", [1e-320, 3e-320], [1, 1e-300]),
]
for kind, p, q in extremes:
    v = {"kl": lambda: kl(p, q), "ce": lambda: ce(p, q), "entropy": lambda: H(p), "js": lambda: jsd(p, q)}[kind]()
    print("extreme", kind, p, q, r(v))
