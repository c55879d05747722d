#!/usr/bin/env python3
"""Independent reference values for infowasm's loss tests (test/losses.test.ts).

Run:   python3 test/reference/losses.py                         (prints every value)
       python3 test/reference/losses.py --emit-ts test/reference/losses.ts

Sources (numpy 2.x, scipy 1.17.x, mpmath), cited per case in the emitted `source` strings:
* softmax cross-entropy: scipy.special.logsumexp(z, axis=1) - z[i, y_i]; soft targets
  -sum(t * scipy.special.log_softmax(z)); label smoothing as defined by
  torch.nn.CrossEntropyLoss(label_smoothing=eps) (target (1-eps)*onehot + eps/K), reimplemented
  here in NumPy because torch is not installed.
* log_softmax / softmax: scipy.special.log_softmax / scipy.special.softmax.
* binary cross-entropy: scikit-learn's log_loss rule (>= 1.5: y_pred clipped to
  [eps, 1 - eps], eps = np.finfo(y_pred.dtype).eps; loss = -(xlogy(y, p) + xlogy(1 - y, 1 - p)),
  averaged with sample_weight by np.average) reimplemented with scipy.special.xlogy, because
  scikit-learn cannot be installed here; from logits: np.logaddexp(0, z) - y*z.
* perplexity: np.exp(-np.mean(log p)) and 2 ** (-np.mean(log2 p)).
* KL(N(mu, e^v) || N(0, 1)): the closed form -1/2 sum(1 + v - mu^2 - e^v) in mpmath at 50 digits.
* InfoNCE: log K - mean(logsumexp(S, axis=1) - diag(S)).
* maximum entropy: scipy.optimize.brentq on sum(x e^(lx))/sum(e^(lx)) - mean; seed 000's die.
* baseline entropy: scipy.stats.entropy(class frequencies, base=2); seed 000's table.
"""
import json
import math
import sys

import mpmath
import numpy as np
import scipy
from scipy.optimize import brentq
from scipy.special import log_softmax, logsumexp, softmax, xlogy
from scipy.stats import entropy

mpmath.mp.dps = 50
SCIPY = f"scipy {scipy.__version__}"
out = {}


def f64(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


# ---- softmax cross-entropy ------------------------------------------------------------------
def ce_hard(z, y):
    z = np.asarray(z, dtype=np.float64)
    return logsumexp(z, axis=1) - z[np.arange(z.shape[0]), y]


def ce_soft(z, t):
    return -(np.asarray(t) * log_softmax(np.asarray(z, dtype=np.float64), axis=1)).sum(axis=1)


def ce_smooth(z, y, eps):
    z = np.asarray(z, dtype=np.float64)
    K = z.shape[1]
    t = np.full(z.shape, eps / K)
    t[np.arange(z.shape[0]), y] += 1 - eps
    return ce_soft(z, t)


Z1 = [[1.0, 2.0, 3.0], [0.5, -1.25, 4.0], [-3.0, 0.0, 0.0], [10.0, 10.0, 10.0]]
Y1 = [0, 2, 1, 1]
ZL = [[1e4, -1e4, 0.0], [-1e4, 1e4, 1e4], [1e4, 1e4 - 1, -1e4]]
YL = [0, 1, 1]
rng = np.random.default_rng(5)
ZR = np.round(rng.normal(0, 3, size=(6, 7)), 6)
YR = [int(v) for v in rng.integers(0, 7, size=6)]
TR = rng.dirichlet(np.ones(7), size=6)
ZF = np.float32(rng.normal(0, 3, size=(5, 9)))
YF = [int(v) for v in rng.integers(0, 9, size=5)]

out["ceCases"] = [
    {"source": f"logsumexp(z, axis=1) - z[i, y] ({SCIPY})", "logits": Z1, "labels": Y1, "perRow": f64(ce_hard(Z1, Y1))},
    {"source": f"logits of +-1e4, logsumexp ({SCIPY})", "logits": ZL, "labels": YL, "perRow": f64(ce_hard(ZL, YL))},
    {"source": f"random 6x7, logsumexp ({SCIPY})", "logits": [f64(r) for r in ZR], "labels": YR, "perRow": f64(ce_hard(ZR, YR))},
]
out["ceF32"] = {
    "source": f"float32 logits (exact in float64), logsumexp ({SCIPY})",
    "logits": f64(ZF), "rows": 5, "cols": 9, "labels": YF, "perRow": f64(ce_hard(np.float64(ZF), YF)),
}
out["smoothCases"] = [
    {"source": f"torch label_smoothing=0.1 definition, NumPy + log_softmax ({SCIPY})", "logits": Z1, "labels": Y1, "eps": 0.1, "perRow": f64(ce_smooth(Z1, Y1, 0.1))},
    {"source": f"torch label_smoothing=0.25 on +-1e4 logits ({SCIPY})", "logits": ZL, "labels": YL, "eps": 0.25, "perRow": f64(ce_smooth(ZL, YL, 0.25))},
    {"source": f"torch label_smoothing=1 (uniform target) ({SCIPY})", "logits": [f64(r) for r in ZR], "labels": YR, "eps": 1.0, "perRow": f64(ce_smooth(ZR, YR, 1.0))},
]
TS = np.asarray(TR)
out["softCases"] = [
    {"source": f"-sum(t * log_softmax(z)) ({SCIPY})", "logits": [f64(r) for r in ZR], "targets": [f64(r) for r in TS], "perRow": f64(ce_soft(ZR, TS)),
     "smooth02": f64(ce_soft(ZR, 0.8 * TS + 0.2 / 7))},
]
out["logSoftmax"] = {
    "source": f"scipy.special.log_softmax / softmax, axis=1 ({SCIPY})",
    "logits": Z1 + ZL, "log": [f64(r) for r in log_softmax(np.array(Z1 + ZL), axis=1)], "soft": [f64(r) for r in softmax(np.array(Z1 + ZL), axis=1)],
}

# ---- binary cross-entropy -------------------------------------------------------------------
def log_loss(y, p, dtype=np.float64, w=None):
    """scikit-learn >= 1.5 log_loss rule for binary targets, reimplemented."""
    p = np.asarray(p, dtype=dtype)
    eps = np.finfo(p.dtype).eps
    p = np.clip(p, eps, 1 - eps).astype(np.float64)
    y = np.asarray(y, dtype=np.float64)
    l = -(xlogy(y, p) + xlogy(1 - y, 1 - p))
    return l, np.average(l, weights=w)


YB = [0, 1, 1, 0, 1, 0.3]
PB = [0.1, 0.8, 0.999, 0.4, 0.5, 0.3]
PB_EDGE = [0.0, 1.0, 0.0, 1.0, 0.5]
YB_EDGE = [0, 1, 1, 0, 1]
WB = [1, 2, 0.5, 0, 3, 1]
ZB = [-3.0, 2.0, 40.0, -800.0, 800.0, 0.0]
YZ = [0, 1, 1, 1, 0, 0.5]
l, m = log_loss(YB, PB)
le64, me64 = log_loss(YB_EDGE, PB_EDGE)
le32, me32 = log_loss(YB_EDGE, PB_EDGE, np.float32)
_, mw = log_loss(YB, PB, w=WB)
lz = np.logaddexp(0, np.asarray(ZB)) - np.asarray(YZ) * np.asarray(ZB)
out["bce"] = {
    "source": "scikit-learn log_loss rule (clip at finfo(dtype).eps, xlogy), reimplemented with scipy.special.xlogy",
    "y": YB, "p": PB, "each": f64(l), "mean": float(m), "sum": float(l.sum()),
    "weights": WB, "weightedMean": float(mw), "weightedSum": float((l * np.asarray(WB)).sum()),
    "yEdge": YB_EDGE, "pEdge": PB_EDGE, "edge64": f64(le64), "edge32": f64(le32),
    "z": ZB, "yz": YZ, "logits": f64(lz), "logitsSource": "np.logaddexp(0, z) - y*z",
}

# ---- perplexity -----------------------------------------------------------------------------
P_TOK = np.array([0.5, 0.25, 0.125, 0.125, 0.9])
out["perplexity"] = {
    "source": "np.exp(-np.mean(np.log(p))) and 2 ** (-np.mean(np.log2(p)))",
    "p": f64(P_TOK), "lnP": f64(np.log(P_TOK)), "log2P": f64(np.log2(P_TOK)),
    "value": float(np.exp(-np.mean(np.log(P_TOK)))), "value2": float(2 ** (-np.mean(np.log2(P_TOK)))),
    "fromLogits": float(np.exp(np.mean(ce_hard(Z1, Y1)))),
}

# ---- KL to N(0, I) --------------------------------------------------------------------------
def kl_std(mu, lv):
    s = mpmath.mpf(0)
    for m, v in zip(mu, lv):
        m, v = mpmath.mpf(m), mpmath.mpf(v)
        s += 1 + v - m * m - mpmath.exp(v)
    return float(-s / 2)


MU = [[0.0, 0.0, 0.0], [1.0, -2.0, 0.5], [0.0, 1e-5, 0.0], [0.3, 0.1, -0.2]]
LV = [[0.0, 0.0, 0.0], [0.0, math.log(4.0), -1.0], [1e-9, -1e-7, 2e-4], [3.0, -5.0, 0.2]]
out["gaussKl"] = {
    "source": "-1/2 sum(1 + v - mu^2 - e^v) in mpmath at 50 digits",
    "mu": MU, "logVar": LV, "perRow": [kl_std(m, v) for m, v in zip(MU, LV)],
}

# ---- InfoNCE --------------------------------------------------------------------------------
S = np.round(rng.normal(0, 1, size=(5, 5)) + 3 * np.eye(5), 6)
S_STRONG = 1e3 * np.eye(4)
out["infoNce"] = {
    "source": f"log K - mean(logsumexp(S, axis=1) - diag(S)) ({SCIPY})",
    "scores": [f64(r) for r in S], "bound": float(np.log(5) - np.mean(logsumexp(S, axis=1) - np.diag(S))),
    "strong": [f64(r) for r in S_STRONG], "strongBound": float(np.log(4) - np.mean(logsumexp(S_STRONG, axis=1) - np.diag(S_STRONG))),
}

# ---- maximum entropy ------------------------------------------------------------------------
def gibbs(x, mean):
    x = np.asarray(x, dtype=np.float64)
    f = lambda l: float(np.sum(x * softmax(l * x)) - mean)
    lam = brentq(f, -50, 50, xtol=1e-15, rtol=8.9e-16, maxiter=500)
    p = softmax(lam * x)
    return lam, p, float(entropy(p))


lam, p, H = gibbs([1, 2, 3, 4, 5, 6], 4.8)
seed_p = [0.03, 0.05, 0.09, 0.15, 0.25, 0.42]
assert abs(lam - 0.514) < 5e-4, lam
assert [round(v, 2) for v in p] == seed_p, p
lam2, p2, H2 = gibbs([0, 1], 0.25)
assert abs(lam2 - math.log(1 / 3)) < 1e-14
lam3, p3, H3 = gibbs([-2.0, 0.5, 3.0, 7.25, 10.0], 9.5)
out["maxent"] = [
    {"source": "seed 000 biased die (lambda ~ 0.514, p ~ 0.03..0.42), scipy.optimize.brentq", "values": [1, 2, 3, 4, 5, 6], "mean": 4.8,
     "lambda": lam, "p": f64(p), "entropy": H, "seedLambda": 0.514, "seedP": seed_p},
    {"source": "two points {0, 1}, mean 1/4: lambda = ln(1/3) (closed form), brentq", "values": [0, 1], "mean": 0.25, "lambda": lam2, "p": f64(p2), "entropy": H2},
    {"source": "uneven values, mean near the top, scipy.optimize.brentq", "values": [-2.0, 0.5, 3.0, 7.25, 10.0], "mean": 9.5, "lambda": lam3, "p": f64(p3), "entropy": H3},
]

# ---- baseline entropy -----------------------------------------------------------------------
out["baseline"] = [
    {"source": "seed 000 table (0.5, 0.5) -> 1 bit; scipy.stats.entropy base 2", "counts": [50, 50], "bits": float(entropy([0.5, 0.5], base=2)), "seed": 1.0},
    {"source": "seed 000 table (0.9, 0.1) -> 0.47 bits; scipy.stats.entropy base 2", "counts": [90, 10], "bits": float(entropy([0.9, 0.1], base=2)), "seed": 0.47},
    {"source": "seed 000 table (0.99, 0.01) -> 0.08 bits; scipy.stats.entropy base 2", "counts": [99, 1], "bits": float(entropy([0.99, 0.01], base=2)), "seed": 0.08},
    {"source": "three classes 5/3/2; scipy.stats.entropy (nats)", "counts": [5, 3, 2], "nats": float(entropy([5, 3, 2]))},
]

print(json.dumps(out, indent=1))
if "--emit-ts" in sys.argv:
    path = sys.argv[sys.argv.index("--emit-ts") + 1]
    with open(path, "w") as fh:
        fh.write("// Generated by test/reference/losses.py (" + SCIPY + f", numpy {np.__version__}, mpmath {mpmath.__version__}): do not edit.\n")
        for k, v in out.items():
            fh.write(f"export const {k} = {json.dumps(v)} as const;\n")
