#!/usr/bin/env python3
"""Independent reference values for infowasm's histogram family, from NumPy.

Run:   python3 test/reference/histogram.py                 (prints a summary of every case)
       python3 test/reference/histogram.py --emit-ts test/reference/histogram.ts

Every expected count and edge comes from a NumPy call, cited in the case's `source`:
  * numpy.histogram(x, bins=..., range=...)            counts and edges
  * numpy.histogram_bin_edges(x, bins=rule, range=...) edges (hence bin counts) of the rules
  * numpy.histogram2d(x, y, bins=..., range=...)       2-D counts and both edge arrays
  * numpy.quantile(x, numpy.linspace(0, 1, n + 1))     equal-frequency edges (default "linear")
Mutual information is computed from those NumPy counts with mpmath at 50 digits:
  I = sum_{c>0} (c/N) ln(c N / (r_i s_j))   (plug-in; the formula sklearn.metrics.mutual_info_score
  applies to a contingency table, reimplemented here since scikit-learn is not installable)
  Miller-Madow: I + ((Kx - 1) + (Ky - 1) - (Kxy - 1)) / (2N), K = non-empty rows / columns / cells.
Float64 values are written with repr() (shortest round-trip), so edges compare bit for bit.
"""
import sys

import numpy as np
import mpmath
from mpmath import mp, mpf, log

mp.dps = 50
NP = f"numpy {np.__version__}"


def mi_counts(t, correction="none", base=None):
    t = np.asarray(t, dtype=float)
    N = mpf(0)
    rows = [mpf(0)] * t.shape[0]
    cols = [mpf(0)] * t.shape[1]
    for i in range(t.shape[0]):
        for j in range(t.shape[1]):
            c = mpf(t[i, j])
            rows[i] += c
            cols[j] += c
            N += c
    s = mpf(0)
    kxy = 0
    for i in range(t.shape[0]):
        for j in range(t.shape[1]):
            c = mpf(t[i, j])
            if c > 0:
                kxy += 1
                s += c / N * log(c * N / (rows[i] * cols[j]))
    if correction == "miller-madow":
        kx = sum(1 for r in rows if r > 0)
        ky = sum(1 for c in cols if c > 0)
        s += mpf((kx - 1) + (ky - 1) - (kxy - 1)) / (2 * N)
    if base == "bits":
        s /= log(2)
    return float(s)


def f(v):
    v = float(v)
    if v == np.inf:
        return "Infinity"
    if v == -np.inf:
        return "-Infinity"
    if v != v:
        return "NaN"
    return repr(v)


def arr(a):
    return "[" + ", ".join(f(v) for v in np.asarray(a).ravel()) + "]"


DATASETS = {}


def js(v):
    if isinstance(v, np.ndarray) and v.size > 12:
        for name, d in DATASETS.items():
            if d.shape == v.shape and np.array_equal(d, v):
                return f"D.{name}"
    if isinstance(v, str):
        return '"' + v + '"'
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{k}: {js(x)}" for k, x in v.items()) + " }"
    if isinstance(v, (list, tuple)) and v and isinstance(v[0], (list, tuple, str)):
        return "[" + ", ".join(js(x) for x in v) + "]"
    if isinstance(v, (list, tuple, np.ndarray)):
        return arr(v)
    if v is None:
        return "undefined"
    if isinstance(v, bool):
        return "true" if v else "false"
    return f(v)


rng = np.random.default_rng(20240603)
normal300 = rng.normal(size=300)
skewed200 = rng.exponential(size=200) ** 2
ties = np.array([1.0] * 40 + [2.0, 3.0, 50.0] + [1.0] * 17)  # IQR 0: fd width 0 -> 1 bin
uniform_small = np.array([0.0, 0.1, 0.2, 0.30000000000000004, 0.7, 0.9, 1.0])  # 0.3-ish near an edge
edges_data = np.array([0.0, 0.25, 0.5, 0.75, 1.0, 1.0, 0.5, -0.1, 1.1, 0.9999999999999999])

# ---- 1-D histograms -------------------------------------------------------------------------
hist_cases = []


def hcase(x, bins, rng_=None, note=""):
    h, e = np.histogram(x, bins=bins, range=rng_)
    src = f"np.histogram(x, bins={bins!r}, range={rng_!r}) [{NP}]" + (f"; {note}" if note else "")
    hist_cases.append(dict(x=np.asarray(x, float), bins=bins, range=rng_, counts=h, edges=e, source=src))


hcase(uniform_small, 4, note="0.30000000000000004 just above the edge 0.25? no: edges 0, 0.25, 0.5, 0.75, 1; the max 1.0 in the last (closed) bin")
hcase(edges_data, 4, (0.0, 1.0), note="values exactly on interior edges go right; 1.0 (= last edge) in the last bin; -0.1 and 1.1 dropped")
hcase(edges_data, 3, (0.0, 1.0), note="edges 1/3, 2/3 not representable")
hcase([2.5, 2.5, 2.5], 5, None, note="zero-width data range widened to [2, 3]")
hcase([1.0, 2.0, 3.0], 4, (2.0, 2.0), note="zero-width range [2, 2] widened to [1.5, 2.5]")
hcase(normal300, 10)
hcase(normal300, 7, (-1.0, 1.5), note="out-of-range samples dropped")
hcase(np.array([0.1 * i for i in range(31)]), 30, note="samples at (rounded) multiples of the bin width")
hcase(np.array([-3.0, 1e-300, 5e-324, 0.0, 1.0]), 3, note="tiny values")
hcase(np.array([1e15, 1e15 + 2, 1e15 + 4, 1e15 + 8]), 3, note="large offset")
for rule in ["auto", "fd", "doane", "scott", "rice", "sturges", "sqrt"]:
    hcase(normal300, rule)
    hcase(skewed200, rule)
hcase(ties, "fd", note="IQR = 0: width 0 gives one bin")
hcase(ties, "auto")
hcase(normal300, "sturges", (-1.0, 1.0), note="rule applied to the samples inside range")
hcase(normal300, "fd", (0.0, 3.0))
hcase([4.0], "doane", note="one sample: doane width 0, zero-width range widened")

# ---- quantile (equal-frequency) edges ------------------------------------------------------
quantile_cases = []
for x, n, name in [(normal300, 4, "normal300"), (skewed200, 10, "skewed200"), (ties, 3, "ties"), (uniform_small, 6, "uniform_small")]:
    e = np.quantile(x, np.linspace(0, 1, n + 1))
    h, _ = np.histogram(x, bins=e)
    quantile_cases.append(dict(x=np.asarray(x, float), quantiles=n, edges=e, counts=h,
                               source=f"np.quantile({name}, np.linspace(0, 1, {n + 1})); np.histogram({name}, bins=edges) [{NP}]"))

# ---- 2-D histograms and MI -----------------------------------------------------------------
h2_cases = []
corr = rng.multivariate_normal([0, 0], [[1, 0.8], [0.8, 1]], size=400)
gx, gy = corr[:, 0], corr[:, 1]


def h2case(x, y, bins, rng_=None, note="", rules=None, correction="none", base=None):
    if rules is not None:
        # per-axis rule: numpy.histogram_bin_edges on each axis, then histogram2d with those edges
        ex = np.histogram_bin_edges(x, bins=rules[0], range=None if rng_ is None else rng_[0])
        ey = np.histogram_bin_edges(y, bins=rules[1], range=None if rng_ is None else rng_[1])
        H, ex2, ey2 = np.histogram2d(x, y, bins=[len(ex) - 1, len(ey) - 1], range=rng_)
        assert np.array_equal(ex, ex2) and np.array_equal(ey, ey2)
        call = f"n = len(np.histogram_bin_edges(axis, {rules!r}[axis])) - 1 per axis; np.histogram2d(x, y, bins=[nx, ny], range={rng_!r})"
        bins_js = list(rules)
    else:
        H, ex2, ey2 = np.histogram2d(x, y, bins=bins, range=rng_)
        call = f"np.histogram2d(x, y, bins={bins!r}, range={rng_!r})"
        bins_js = bins
    h2_cases.append(dict(x=np.asarray(x, float), y=np.asarray(y, float), bins=bins_js, range=rng_, counts=H,
                         edgesX=ex2, edgesY=ey2, mi=mi_counts(H, correction, base), correction=correction, base=base,
                         source=f"{call} [{NP}]; MI of those counts in mpmath" + (f"; {note}" if note else "")))


h2case(gx, gy, 8)
h2case(gx, gy, [5, 9], note="bins [nx, ny]")
h2case(gx, gy, [6, 4], ((-1.0, 1.0), (-2.0, 0.5)), note="pairs outside either range dropped")
h2case(gx, gy, 8, correction="miller-madow")
h2case(gx, gy, [12, 3], base="bits")
h2case(gx, gy, None, rules=("fd", "sturges"))
h2case(gx, gy, None, rules=("auto", "auto"), correction="miller-madow")
h2case(gx, gy, None, rules=("scott", "sqrt"))
h2case(edges_data, edges_data[::-1].copy(), 4, ((0.0, 1.0), (0.0, 1.0)), note="values on edges, the max value, out-of-range")
h2case([1.0, 1.0, 2.0, 2.0], [3.0, 3.0, 3.0, 3.0], [2, 3], note="zero-width y range widened by 0.5")

# ---- columns against labels / a real target --------------------------------------------------
cols_cases = []
n, d = 250, 5
Xc = rng.normal(size=(n, d))
labels = rng.integers(0, 3, size=n)
Xc[:, 1] += labels  # informative columns
Xc[:, 3] -= 0.5 * labels ** 2
for bins in [6, "sturges", "fd"]:
    mis = []
    for j in range(d):
        e = np.histogram_bin_edges(Xc[:, j], bins=bins)
        H = np.stack([np.histogram(Xc[labels == c, j], bins=e)[0] for c in range(3)], axis=1)
        mis.append(mi_counts(H))
    cols_cases.append(dict(X=Xc.ravel(), rows=n, cols=d, y=labels, bins=bins, target="labels", mi=mis,
                           source=f"per column j: e = np.histogram_bin_edges(X[:, j], {bins!r}); table[:, c] = np.histogram(X[y == c, j], e)[0]; MI in mpmath [{NP}]"))
yreal = Xc[:, 0] * 0.7 + rng.normal(size=n)
mis = []
for j in range(d):
    H, _, _ = np.histogram2d(Xc[:, j], yreal, bins=[7, 7])
    mis.append(mi_counts(H))
cols_cases.append(dict(X=Xc.ravel(), rows=n, cols=d, y=yreal, bins=7, target="real", mi=mis,
                       source=f"per column j: np.histogram2d(X[:, j], y, bins=[7, 7]); MI in mpmath [{NP}]"))


DATASETS.update(normal300=normal300, skewed200=skewed200, ties=ties.astype(float), gx=gx, gy=gy, X250x5=Xc.ravel(),
                labels250=labels.astype(float), yreal250=yreal, steps31=np.array([0.1 * i for i in range(31)]))


def emit(path):
    out = []
    w = out.append
    w("// AUTO-GENERATED by test/reference/histogram.py (python3 test/reference/histogram.py --emit-ts test/reference/histogram.ts).")
    w(f"// NumPy {np.__version__} counts and edges (np.histogram, np.histogram_bin_edges, np.histogram2d, np.quantile),")
    w(f"// MI of NumPy's counts in mpmath {mpmath.__version__} at 50 digits. Floats written with repr(): exact.")
    w("/* eslint-disable */")
    w("const D = {")
    for name, d in DATASETS.items():
        w(f"  {name}: {arr(d)},")
    w("};")
    w("export const histogramCases = [")
    for c in hist_cases:
        w("  " + js(dict(source=c["source"], x=c["x"], bins=c["bins"], range=c["range"], counts=c["counts"], edges=c["edges"])) + ",")
    w("] as const;")
    w("export const quantileCases = [")
    for c in quantile_cases:
        w("  " + js(dict(source=c["source"], x=c["x"], quantiles=c["quantiles"], counts=c["counts"], edges=c["edges"])) + ",")
    w("] as const;")
    w("export const histogram2dCases = [")
    for c in h2_cases:
        w("  " + js(dict(source=c["source"], x=c["x"], y=c["y"], bins=c["bins"], range=c["range"], counts=c["counts"],
                         edgesX=c["edgesX"], edgesY=c["edgesY"], mi=c["mi"], correction=c["correction"], base=c["base"])) + ",")
    w("] as const;")
    w("export const columnsCases = [")
    for c in cols_cases:
        w("  " + js(dict(source=c["source"], X=c["X"], rows=c["rows"], cols=c["cols"], y=c["y"], bins=c["bins"], target=c["target"], mi=c["mi"])) + ",")
    w("] as const;")
    with open(path, "w") as fh:
        fh.write("\n".join(out) + "\n")


if __name__ == "__main__":
    for c in hist_cases:
        print(c["source"], "->", len(c["counts"]), "bins", c["counts"].tolist()[:12])
    for c in quantile_cases:
        print(c["source"], "->", c["edges"].tolist())
    for c in h2_cases:
        print(c["source"], "-> MI", c["mi"])
    for c in cols_cases:
        print(c["source"], "->", c["mi"])
    if "--emit-ts" in sys.argv:
        emit(sys.argv[sys.argv.index("--emit-ts") + 1])
