#!/usr/bin/env python3
"""Independent reference values for infowasm's time-series measures (test/dynamics.test.ts).

Run with NumPy 2.x:  python3 test/reference/dynamics.py --emit-ts test/reference/dynamics.ts

Written from the definitions, not from the TypeScript: the embedded tuples
(y_t, y_{t-1..t-k}, x_{t-lag..t-lag-l+1}) for t = max(k, lag + l - 1) .. n - 1 are stacked as rows,
their joint counts taken with np.unique(axis=0, return_counts=True), and
  TE  = H(Y_t, Y_p) + H(Y_p, X_p) - H(Y_t, Y_p, X_p) - H(Y_p)
  AIS = H(X_t) + H(X_p) - H(X_t, X_p)          (t = k .. n - 1)
  h   = H(X_t, X_p) - H(X_p)
with plug-in entropies Σ (c/N) ln(N/c) in nats. Labels of any kind are first numbered by
np.unique(return_inverse=True). "bins": each series' edges np.histogram_bin_edges(x, bins) (its own
[min, max]) and the bin index np.searchsorted(edges, x, side="right") - 1 with the last edge
inclusive (numpy.histogram's rule), checked against np.histogram's counts.
"""
import sys

import numpy as np

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from tslit import ts, ts_const, ts_header  # noqa: E402


def H(*cols):
    rows = np.stack([np.asarray(c) for c in cols], axis=1)
    _, counts = np.unique(rows, axis=0, return_counts=True)
    N = counts.sum()
    p = counts / N
    return float(-(p * np.log(p)).sum())


def codes(x):
    return np.unique(np.asarray(x), return_inverse=True)[1].ravel()


def te(source, target, k=1, l=1, lag=1):
    x, y = codes(source), codes(target)
    n = len(y)
    t = np.arange(max(k, lag + l - 1), n)
    yt = y[t]
    yp = [y[t - j] for j in range(1, k + 1)]
    xp = [x[t - lag - i] for i in range(l)]
    return H(yt, *yp) + H(*yp, *xp) - H(yt, *yp, *xp) - H(*yp)


def ais(series, k=1):
    x = codes(series)
    t = np.arange(k, len(x))
    xp = [x[t - j] for j in range(1, k + 1)]
    return H(x[t]) + H(*xp) - H(x[t], *xp)


def er(series, k=1):
    x = codes(series)
    t = np.arange(k, len(x))
    xp = [x[t - j] for j in range(1, k + 1)]
    return H(x[t], *xp) - H(*xp)


def binned(x, bins):
    edges = np.histogram_bin_edges(x, bins)
    idx = np.searchsorted(edges, x, side="right") - 1
    idx[idx == bins] = bins - 1  # the last edge is inclusive
    assert (np.bincount(idx, minlength=bins) == np.histogram(x, bins)[0]).all()
    return idx


def main():
    rng = np.random.default_rng(20261207)
    cases = []
    # binary: y a noisy, lagged copy of x
    xb = rng.integers(0, 2, 300)
    yb = np.where(rng.random(300) < 0.8, np.roll(xb, 1), rng.integers(0, 2, 300))
    # 3 letters: y depends on x two steps back and on its own past
    x3 = rng.integers(0, 3, 400)
    y3 = np.zeros(400, dtype=int)
    for i in range(2, 400):
        y3[i] = (x3[i - 2] + y3[i - 1]) % 3 if rng.random() < 0.7 else rng.integers(0, 3)
    for name, (x, y) in {"binary": (xb, yb), "ternary": (x3, y3)}.items():
        for k, l, lag in [(1, 1, 1), (2, 1, 1), (1, 2, 3), (3, 2, 2), (2, 1, 2)]:
            cases.append({"data": name, "k": k, "l": l, "lag": lag, "te": te(x, y, k, l, lag), "back": te(y, x, k, l, lag)})
    letters = np.array(["a", "b", "c"])
    # large alphabets (50 letters, k = 2; 8 letters, k = 4): beyond the dense history tables
    x50 = rng.integers(0, 50, 600)
    y50 = np.where(rng.random(600) < 0.5, np.roll(x50, 1), rng.integers(0, 50, 600))
    x8 = rng.integers(0, 8, 3000)
    y8 = np.where(rng.random(3000) < 0.5, np.roll(x8, 1), rng.integers(0, 8, 3000))
    # 300 letters (codes wider than a byte): AIS / entropy rate k = 1 in a dense table, TE beyond it
    x300 = rng.integers(0, 300, 6000)
    y300 = np.where(rng.random(6000) < 0.5, np.roll(x300, 1), rng.integers(0, 300, 6000))
    large = {
        "ais300": ais(y300, 1), "er300": er(y300, 1), "te300": te(x300, y300, 1, 1, 1),
        "te50k2": te(x50, y50, 2, 1, 1), "ais50k2": ais(y50, 2), "er50k2": er(y50, 2), "te50k1": te(x50, y50, 1, 1, 1),
        "te8k4": te(x8, y8, 4, 1, 1), "ais8k4": ais(y8, 4), "er8k4": er(y8, 4), "te8k4l2": te(x8, y8, 4, 2, 1),
    }
    # real series for "bins"
    xr = rng.normal(size=500)
    yr = np.zeros(500)
    for i in range(1, 500):
        yr[i] = 0.6 * xr[i - 1] + 0.3 * yr[i - 1] + 0.5 * rng.normal()
    bins = []
    for nb, k, l, lag in [(8, 1, 1, 1), (5, 2, 1, 1), (4, 1, 2, 2), (1, 1, 1, 1)]:
        bx, by = binned(xr, nb), binned(yr, nb)
        bins.append({"bins": nb, "k": k, "l": l, "lag": lag, "te": te(bx, by, k, l, lag), "ais": ais(by, k)})
    single = {
        "ais": [ais(y3, k) for k in (1, 2, 3)],
        "er": [er(y3, k) for k in (1, 2, 3)],
        "aisBinary": [ais(yb, k) for k in (1, 2)],
        "erBinary": [er(yb, k) for k in (1, 2)],
        "teStringK2": te(letters[x3], letters[y3], 2, 1, 2),
        "teBitsBinary": te(xb, yb) / np.log(2),
    }
    return {"xb": xb, "yb": yb, "x3": x3, "y3": y3, "x50": x50, "y50": y50, "x8": x8, "y8": y8, "x300": x300, "y300": y300, "xr": xr, "yr": yr}, cases, large, bins, single


def emit(path):
    series, cases, large, bins, single = main()
    with open(path, "w") as f:
        ts_header(f, "dynamics.py", path, "NumPy: np.unique counts of the embedded tuples, np.histogram_bin_edges + searchsorted bins (see dynamics.py).")
        for name, v in series.items():
            lit = ts([float(u) for u in v]) if v.dtype.kind == "f" else ts([int(u) for u in v])
            f.write(f"export const {name} = {lit};\n")
        ts_const(f, "TE_CASES: { data: string; k: number; l: number; lag: number; te: number; back: number }[]", cases)
        f.write(f"export const LARGE = {ts(large)};\n")
        ts_const(f, "BIN_CASES: { bins: number; k: number; l: number; lag: number; te: number; ais: number }[]", bins)
        f.write(f"export const SINGLE = {ts(single)};\n")


if __name__ == "__main__":
    if "--emit-ts" in sys.argv:
        emit(sys.argv[sys.argv.index("--emit-ts") + 1])
    else:
        s, c, la, b, si = main()
        print(c[:3], la, b, si)
