#!/usr/bin/env python3
"""Independent reference values for infowasm's grid, closed-form and spacing-entropy tests.

Run:   python3 test/reference/grids.py                 (prints every value)
       python3 test/reference/grids.py --emit-ts test/reference/grids.ts

Every expected value below is the output of the named SciPy / NumPy call (scipy 1.17.x,
numpy 2.x) on the exact float64 inputs emitted next to it; the call is written into each case's
`source` string. Inputs are built from closed formulas or numpy.random.default_rng(seed).
"""
import json
import math
import sys

import numpy as np
import scipy
from scipy import integrate, optimize, stats
from scipy.special import rel_entr

SCIPY = f"scipy {scipy.__version__}, numpy {np.__version__}"
cases = {}


def fl(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


# ---- 1-D integration: trapezoid / simpson on uniform and irregular grids, n = 2..12 ----------
rng = np.random.default_rng(4)
integ = []
for n in [2, 3, 4, 5, 6, 7, 8, 11, 12, 101, 1000]:
    y = np.sin(np.arange(n) * 0.7) + 0.3 * np.arange(n) ** 1.5 / n
    x = np.cumsum(rng.uniform(0.05, 0.4, n)) - 1.0
    dx = 0.125
    integ.append({
        "y": fl(y), "x": fl(x), "dx": dx,
        "trapezoidDx": float(integrate.trapezoid(y, dx=dx)),
        "trapezoidX": float(integrate.trapezoid(y, x=x)),
        "simpsonDx": float(integrate.simpson(y, dx=dx)),
        "simpsonX": float(integrate.simpson(y, x=x)),
        "source": f"scipy.integrate.trapezoid / simpson(y, dx=0.125 | x=x), n = {n} ({SCIPY})",
    })
cases["integration"] = integ

# a batch: one integral per row (axis=-1)
Y = np.array([[1.0, 2.0, 4.0, 8.0, 16.0, 32.0], [0.5, -1.0, 2.5, 0.0, 3.0, -2.0], [1, 1, 1, 1, 1, 1]], dtype=float)
xb = np.array([0.0, 0.1, 0.35, 0.5, 0.9, 1.0])
cases["batch"] = {
    "rows": [fl(r) for r in Y], "x": fl(xb), "dx": 0.25,
    "trapezoidDx": fl(integrate.trapezoid(Y, dx=0.25, axis=1)),
    "trapezoidX": fl(integrate.trapezoid(Y, x=xb, axis=1)),
    "simpsonDx": fl(integrate.simpson(Y, dx=0.25, axis=1)),
    "simpsonX": fl(integrate.simpson(Y, x=xb, axis=1)),
    "source": f"scipy.integrate.trapezoid / simpson(Y, dx=0.25 | x=x, axis=1) ({SCIPY})",
}

# ---- cumulative_trapezoid -----------------------------------------------------------------------
yc = np.array([1.0, 3.0, -2.0, 4.5, 0.25, 7.0, 2.0])
xc = np.array([0.0, 0.5, 0.75, 1.5, 2.0, 2.125, 3.0])
cases["cumulative"] = {
    "y": fl(yc), "x": fl(xc), "dx": 0.5,
    "dxNoInitial": fl(integrate.cumulative_trapezoid(yc, dx=0.5)),
    "xNoInitial": fl(integrate.cumulative_trapezoid(yc, x=xc)),
    "xInitial0": fl(integrate.cumulative_trapezoid(yc, x=xc, initial=0)),
    "source": f"scipy.integrate.cumulative_trapezoid(y, dx=0.5 | x=x, initial=None | 0) ({SCIPY})",
}

# ---- 2-D iterated trapezoid ----------------------------------------------------------------------
x2 = np.array([0.0, 0.2, 0.5, 0.6, 1.0, 1.3, 2.0])
y2 = np.array([-1.0, -0.5, 0.25, 0.5, 1.5])
X2, Y2 = np.meshgrid(x2, y2)  # Z[i][j] = f(x_j, y_i): rows follow y
Z2 = np.exp(-X2 * Y2) + X2 ** 2
cases["trapezoid2d"] = {
    "z": [fl(r) for r in Z2], "x": fl(x2), "y": fl(y2), "dx": 0.2, "dy": 0.5,
    "xy": float(integrate.trapezoid(integrate.trapezoid(Z2, x=x2, axis=1), x=y2)),
    "dxdy": float(integrate.trapezoid(integrate.trapezoid(Z2, dx=0.2, axis=1), dx=0.5)),
    "source": f"scipy.integrate.trapezoid(scipy.integrate.trapezoid(Z, x=x | dx=0.2, axis=1), x=y | dx=0.5), Z = exp(-x*y) + x**2 on meshgrid(x, y) ({SCIPY})",
}

# ---- densities on grids: the integrand computed by NumPy/SciPy, integrated by SciPy's rules ----
xs = np.linspace(-8.0, 8.0, 2001)
dxs = xs[1] - xs[0]
f = stats.norm.pdf(xs, 0.0, 1.0)
g = stats.norm.pdf(xs, 1.0, 1.5)
mix = 0.5 * stats.norm.pdf(xs, -3, 1) + 0.5 * stats.norm.pdf(xs, 3, 1)
h = 3.0 * f  # unnormalised
eps = 1e-12
dens = {"x": fl(xs), "f": fl(f), "g": fl(g), "mix": fl(mix)}
res = {}
for method, rule in [("trapezoid", integrate.trapezoid), ("simpson", integrate.simpson)]:
    r = {}
    r["entropyF"] = float(rule(-np.where(f > 0, f * np.log(f), 0.0), x=xs))
    r["crossFG"] = float(rule(-f * np.log(g), x=xs))
    r["klFG"] = float(rule(rel_entr(f, g), x=xs))
    r["klGF"] = float(rule(rel_entr(g, f), x=xs))
    m = 0.5 * (f + mix)
    r["jsFMix"] = float(rule(0.5 * rel_entr(f, m) + 0.5 * rel_entr(mix, m), x=xs))
    # seed 004's epsilon convention, p (log(p + eps) - log(q + eps)), integrated by the rule
    r["klEpsFMix"] = float(rule(f * (np.log(f + eps) - np.log(mix + eps)), x=xs))
    # normalize: h = 3 f rescaled by its own integral (same rule) before use
    hn = h / rule(h, x=xs)
    r["entropyNormalized3F"] = float(rule(-np.where(hn > 0, hn * np.log(hn), 0.0), x=xs))
    r["klNormalized3FG"] = float(rule(rel_entr(hn, g / rule(g, x=xs)), x=xs))
    res[method] = r
dens["expected"] = res
dens["source"] = (f"scipy.integrate.trapezoid / simpson(integrand, x=linspace(-8, 8, 2001)) of the integrands -f log f, -f log g, "
                  f"scipy.special.rel_entr(f, g), JS via rel_entr against m=(f+g)/2, f (log(f+1e-12) - log(g+1e-12)); "
                  f"f = norm.pdf(x, 0, 1), g = norm.pdf(x, 1, 1.5), mix = 0.5 norm.pdf(x,-3,1) + 0.5 norm.pdf(x,3,1) ({SCIPY})")
cases["densities"] = dens

# ---- differential_entropy -----------------------------------------------------------------------
de = []
for n, seed in [(8, 1), (30, 2), (400, 3), (1500, 4)]:
    s = np.random.default_rng(seed).normal(0.5, 2.0, n)
    row = {"samples": fl(s), "expected": {}, "source": f"scipy.stats.differential_entropy(samples, method=m[, window_length=w]), samples = default_rng({seed}).normal(0.5, 2.0, {n}) ({SCIPY})"}
    for m in ["vasicek", "van es", "ebrahimi", "correa", "auto"]:
        row["expected"][m] = float(stats.differential_entropy(s, method=m))
    w = 3 if n > 6 else 2
    row["window"] = w
    row["expectedWindow"] = {m: float(stats.differential_entropy(s, method=m, window_length=w)) for m in ["vasicek", "van es", "ebrahimi", "correa"]}
    row["expectedBits"] = float(stats.differential_entropy(s, base=2))
    de.append(row)
cases["differentialEntropy"] = de

# ---- Nelder–Mead on Rosenbrock --------------------------------------------------------------------
nm = []
for x0 in [[-1.2, 1.0], [1.3, 0.7], [0.0, 0.0]]:
    r = optimize.minimize(optimize.rosen, x0, method="Nelder-Mead")
    nm.append({"x0": x0, "x": fl(r.x), "fun": float(r.fun), "nit": int(r.nit), "nfev": int(r.nfev),
               "source": f"scipy.optimize.minimize(scipy.optimize.rosen, {x0}, method='Nelder-Mead') ({SCIPY})"})
r = optimize.minimize(optimize.rosen, [1.3, 0.7, 0.8, 1.9, 1.2], method="Nelder-Mead", options={"xatol": 1e-8, "fatol": 1e-8, "maxiter": 5000, "maxfev": 5000})
nm.append({"x0": [1.3, 0.7, 0.8, 1.9, 1.2], "xatol": 1e-8, "fatol": 1e-8, "maxiter": 5000, "x": fl(r.x), "fun": float(r.fun), "nit": int(r.nit), "nfev": int(r.nfev),
           "source": f"scipy.optimize.minimize(rosen, [1.3, 0.7, 0.8, 1.9, 1.2], method='Nelder-Mead', options=dict(xatol=1e-8, fatol=1e-8, maxiter=5000, maxfev=5000)) ({SCIPY})"})
cases["nelderMead"] = nm

# ---- multivariate normal: entropy by scipy, KL by the textbook formula with numpy.linalg --------
C1 = np.array([[2.0, 0.3, -0.4], [0.3, 1.0, 0.2], [-0.4, 0.2, 1.5]])
C2 = np.array([[1.0, -0.2, 0.1], [-0.2, 2.5, 0.6], [0.1, 0.6, 0.8]])
m1 = np.array([0.5, -1.0, 2.0])
m2 = np.array([0.0, 0.3, 1.0])


def kl_mvn(ma, A, mb, B):
    Bi = np.linalg.inv(B)
    d = len(ma)
    diff = mb - ma
    return 0.5 * (np.trace(Bi @ A) + diff @ Bi @ diff - d + np.log(np.linalg.det(B) / np.linalg.det(A)))


cases["mvn"] = {
    "mu1": fl(m1), "cov1": [fl(r) for r in C1], "mu2": fl(m2), "cov2": [fl(r) for r in C2],
    "entropy1": float(stats.multivariate_normal(m1, C1).entropy()),
    "entropy2": float(stats.multivariate_normal(m2, C2).entropy()),
    "kl12": float(kl_mvn(m1, C1, m2, C2)),
    "kl21": float(kl_mvn(m2, C2, m1, C1)),
    "source": f"scipy.stats.multivariate_normal(mu, cov).entropy(); KL = 0.5 (tr(inv(S2) S1) + d' inv(S2) d - k + ln(det S2/det S1)) with numpy.linalg ({SCIPY})",
}

# ---- seed 004 experiment, as the seed writes it (rectangle rule, eps = 1e-12) ---------------------
p = mix / (mix.sum() * dxs)


def gauss(mu, s):
    q = stats.norm.pdf(xs, mu, s)
    return q / (q.sum() * dxs)


fwd = optimize.minimize(lambda t: np.sum(p * (np.log(p + eps) - np.log(gauss(t[0], np.exp(t[1])) + eps))) * dxs, x0=[0.5, 0.0], method="Nelder-Mead")
rev = optimize.minimize(lambda t: np.sum(gauss(t[0], np.exp(t[1])) * (np.log(gauss(t[0], np.exp(t[1])) + eps) - np.log(p + eps))) * dxs, x0=[2.5, 0.0], method="Nelder-Mead")
cases["seed004"] = {
    "forwardMean": float(fwd.x[0]), "forwardSd": float(np.exp(fwd.x[1])),
    "reverseMean": float(rev.x[0]), "reverseSd": float(np.exp(rev.x[1])),
    "closedFormKl": float(np.log(1.5 / 1.0) + (1.0 + 1.0) / (2 * 1.5 ** 2) - 0.5),
    "source": f"seed 004's Python cell run as written (rectangle rule, eps=1e-12, scipy.optimize.minimize Nelder-Mead) ({SCIPY})",
}

for k, v in cases.items():
    if k in ("densities",):
        print(k, json.dumps(v["expected"], indent=1))
    elif k == "differentialEntropy":
        for row in v:
            print(k, len(row["samples"]), row["expected"], row["expectedWindow"])
    elif k == "integration":
        for row in v:
            print(k, len(row["y"]), row["trapezoidDx"], row["trapezoidX"], row["simpsonDx"], row["simpsonX"])
    else:
        print(k, json.dumps({kk: vv for kk, vv in (v.items() if isinstance(v, dict) else enumerate(v)) if kk not in ("z", "rows", "y", "x")} if isinstance(v, dict) else v)[:600])

if "--emit-ts" in sys.argv:
    out = sys.argv[sys.argv.index("--emit-ts") + 1]
    with open(out, "w") as fh:
        fh.write("// AUTO-GENERATED by test/reference/grids.py (python3 test/reference/grids.py --emit-ts test/reference/grids.ts).\n")
        fh.write(f"// Values are outputs of the SciPy/NumPy calls named in each `source` ({SCIPY}).\n")
        fh.write("/* eslint-disable */\n")
        for k, v in cases.items():
            fh.write(f"export const {k}: any = {json.dumps(v, allow_nan=False)};\n")
