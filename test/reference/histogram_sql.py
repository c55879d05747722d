#!/usr/bin/env python3
"""numpy.histogram_bin_edges for every rule on fixed datasets, with the summary statistics NumPy's
rules read (numpy 2.4, numpy/lib/_histograms_impl.py), for test/histogram-sql.test.ts.

Run:   python3 test/reference/histogram_sql.py --emit-ts test/reference/histogram_sql.ts

Each case: the samples x (float64, or int64 with integer=True: NumPy's width >= 1 rule), bins
(a count or a rule), range (or None), the summary of the samples inside range as NumPy's
`_hist_bin_*` functions compute it -- n, min, max, std (np.std, ddof 0), iqr
(np.subtract(*np.percentile(x, [75, 25]))), skewness (g1 = mean(((x - mean)/std)**3), computed as
`_hist_bin_doane` does; None when std = 0) -- and the edges np.histogram_bin_edges(x, bins, range)
returns, written with repr() so they compare bit for bit.
"""
import sys
import warnings

import numpy as np
from tslit import ts_const, ts_header  # noqa: E402  (test/reference/tslit.py)

warnings.simplefilter("ignore", RuntimeWarning)
RULES = ["auto", "fd", "doane", "scott", "rice", "sturges", "sqrt"]
rng = np.random.default_rng(16)

DATASETS = [
    ("normal n=200", rng.normal(0.3, 1.7, 200), None),
    ("lognormal n=150 (skewed)", rng.lognormal(0.0, 0.9, 150), None),
    ("normal n=200 with range [-1, 1.5]", rng.normal(0.0, 1.0, 200), (-1.0, 1.5)),
    ("uniform n=1000", rng.uniform(-3.0, 5.0, 1000), None),
    ("integers 0..19 n=300", rng.integers(0, 20, 300), None),
    ("integers 0..3 n=400 (integer width rule)", rng.integers(0, 4, 400), None),
    ("integers -50..49 n=120 with range [-20, 30]", rng.integers(-50, 50, 120), (-20.0, 30.0)),
    ("three values", np.array([0.5, 2.0, 7.25]), None),
    ("two values", np.array([1.0, 4.0]), None),
    ("one value", np.array([3.5]), None),
    ("constant n=10", np.full(10, 2.5), None),
    ("tied quartiles (iqr 0)", np.array([0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 9.0]), None),
    ("empty", np.array([], dtype=float), None),
    ("empty with range [2, 5]", np.array([], dtype=float), (2.0, 5.0)),
    ("all outside range [10, 11]", np.array([0.0, 1.0, 2.0]), (10.0, 11.0)),
]


def summary(x, range_, integer):
    a = np.asarray(x)
    if range_ is not None:
        a = a[(a >= range_[0]) & (a <= range_[1])]
    n = a.size
    if n == 0:
        return dict(n=0, min=None, max=None, std=None, iqr=None, skewness=None, integer=integer)
    sigma = float(np.std(a))
    g1 = None
    if sigma > 0.0:  # _hist_bin_doane
        temp = a - np.mean(a)
        np.true_divide(temp, sigma, temp)
        np.power(temp, 3, temp)
        g1 = float(np.mean(temp))
    iqr = float(np.subtract(*np.percentile(a, [75, 25])))
    return dict(n=int(n), min=float(a.min()), max=float(a.max()), std=sigma, iqr=iqr, skewness=g1, integer=integer)


datasets = []
cases = []
for d, (name, x, range_) in enumerate(DATASETS):
    integer = bool(np.issubdtype(x.dtype, np.integer))
    datasets.append(dict(name=name, x=[float(v) for v in x], integer=integer))
    s = summary(x, range_, integer)
    for bins in [7] + RULES:
        edges = np.histogram_bin_edges(x, bins=bins, range=range_)
        cases.append(dict(data=d, bins=bins, range=list(range_) if range_ is not None else None, summary=s,
                          edges=[float(e) for e in edges]))

if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--emit-ts":
        path = sys.argv[2]
        with open(path, "w") as f:
            ts_header(f, "histogram_sql.py", path, f"numpy {np.__version__}: np.histogram_bin_edges and the statistics its rules read")
            f.write("export interface SqlDataset { name: string; x: number[]; integer: boolean }\n")
            f.write("export interface SqlEdgeCase { data: number; bins: number | string; range?: [number, number];\n")
            f.write("  summary: { n: number; min?: number; max?: number; std?: number; iqr?: number; skewness?: number; integer: boolean }; edges: number[] }\n")
            ts_const(f, "SQL_DATASETS: SqlDataset[]", datasets)
            ts_const(f, "SQL_EDGE_CASES: SqlEdgeCase[]", cases)
    else:
        for c in cases:
            print(DATASETS[c["data"]][0], c["bins"], len(c["edges"]) - 1)
