#!/usr/bin/env python3
"""NumPy's own histogram test cases (numpy/lib/tests/test_histograms.py, numpy 2.4), with the
values NumPy computes for them, for test/histogram-numpy.test.ts.

Run:   python3 test/reference/histogram_numpy.py --emit-ts test/reference/histogram-numpy.ts

Each case names the NumPy test it ports (`test`). `dtype` is the NumPy dtype of the samples and
the typed array the TS test passes: float64 -> Float64Array, float32 -> Float32Array,
int8/int16/int32 -> Int8Array/Int16Array/Int32Array (NumPy's integer-dtype rules apply). Every
expected count and edge is NumPy's output for that call (np.histogram, np.histogram_bin_edges,
np.histogram2d); floats are written with repr() so edges compare bit for bit.
"""
import json
import sys
import warnings

import numpy as np
from tslit import ts, ts_const, ts_header  # noqa: E402  (test/reference/tslit.py)

warnings.simplefilter("ignore", RuntimeWarning)
RULES = ["auto", "fd", "doane", "scott", "stone", "rice", "sturges", "sqrt"]
cases = []
GEN = {}  # large inputs, rebuilt by the TS test from a spec (and checked against NumPy's samples)


def linspaces(*parts):
    """np.concatenate of np.linspace(a, b, n) parts: the spec {linspace: [[a, b, n], ...]}."""
    return np.concatenate([np.linspace(a, b, n) for a, b, n in parts]), {"linspace": [list(p) for p in parts]}


def tiled(n, reps, repeat=1):
    """np.tile(np.arange(n).repeat(repeat), reps): the spec {arange: n, repeat, tile}."""
    return np.tile(np.arange(n).repeat(repeat), reps), {"arange": n, "repeat": repeat, "tile": reps}


def arr(x, dtype):
    return np.asarray(x, dtype=dtype)


def h1(test, x, dtype="float64", bins=10, range=None, note=""):
    spec = None
    if isinstance(x, tuple):
        x, spec = x
    a = arr(x, dtype)
    counts, edges = np.histogram(a, bins=bins, range=range)
    data = dict(x=a.tolist())
    if spec is not None:
        key = repr(spec)
        if key not in GEN:
            f = a.astype(float)
            GEN[key] = dict(spec=spec, n=len(a), every97=f[::97].tolist(), sum=float(np.sum(f)))
        data = dict(gen=list(GEN).index(key))
    cases.append(dict(test=test, fn="histogram", **data, dtype=dtype, bins=bins, range=range,
                      counts=counts.tolist(), edges=np.asarray(edges, dtype=float).tolist(), note=note))


def h2(test, x, y, dtype="float64", bins=10, range=None, note=""):
    a, b = arr(x, dtype), arr(y, dtype)
    counts, ex, ey = np.histogram2d(a, b, bins=bins, range=range)
    cases.append(dict(test=test, fn="histogram2d", x=a.tolist(), y=b.tolist(), dtype=dtype, bins=bins, range=range,
                      counts=counts.ravel().tolist(), binsX=len(ex) - 1, binsY=len(ey) - 1,
                      edgesX=np.asarray(ex, dtype=float).tolist(), edgesY=np.asarray(ey, dtype=float).tolist(), note=note))


# ---- TestHistogram ----
h1("TestHistogram.test_simple", np.linspace(0, 10, 100))
h1("TestHistogram.test_one_bin", [1, 2, 3, 4], bins=[1, 2])
h1("TestHistogram.test_one_bin", [1, 2], bins=1)
h1("TestHistogram.test_density (counts, non-uniform edges)", np.arange(10), bins=[0, 1, 3, 6, 10])
h1("TestHistogram.test_density (counts, infinite last edge)", np.arange(10), bins=[0, 1, 3, 6, np.inf])
h1("TestHistogram.test_density (counts, N. Becker's report)", [1, 2, 3, 4], bins=[0.5, 1.5, np.inf])
h1("infinite first edge (the mirror of test_density's [0, 1, 3, 6, inf])", np.arange(10), bins=[-np.inf, 2, 5])
h1("infinite edges on both sides", np.arange(10) - 4.5, bins=[-np.inf, -1, 1, np.inf])
h1("TestHistogram.test_outliers (lower)", np.arange(10) + .5, range=[0, 9])
h1("TestHistogram.test_outliers (upper)", np.arange(10) + .5, range=[1, 10])
h1("TestHistogram.test_outliers (bins=8)", np.arange(10) + .5, bins=8, range=[1, 9])
h1("TestHistogram.test_no_side_effects", [1.3, 2.5, 2.3], bins=100, range=[-10, 10])
h1("TestHistogram.test_empty", [], bins=[0, 1])
h1("TestHistogram.test_bin_edge_cases", [337, 404, 739, 806, 1007, 1811, 2012], bins=8296, range=(2, 2280))
h1("TestHistogram.test_last_bin_inclusive_range", [0., 0., 0., 1., 2., 3., 3., 4., 5.], bins=30, range=(-0.5, 5))
h1("TestHistogram.test_histogram_bin_edges (auto in range)", [0., 0., 0., 1., 2., 3., 3., 4., 5.], bins="auto", range=(0, 1))
h1("TestHistogram.test_object_array_of_0d", [0.5] * 10 + [.500000000000002])
h1("TestHistogram.test_object_array_of_0d", [0.5] * 10 + [.5])
for dt, e in (("int8", 7), ("int16", 15), ("int32", 31)):
    h1(f"TestHistogram.test_signed_overflow_bounds ({dt})", [-2**e + 4, 2**e - 4], dtype=dt, bins=2)
h1("TestHistogram.test_precision (lower bound)", [1.0], dtype="float32", bins=1, range=[1.0 + np.finfo(np.float64).eps, 2.0])
h1("TestHistogram.test_precision (upper bound)", [1.0], dtype="float32", bins=1, range=[0.0, 1.0 - np.finfo(np.float64).eps])
h1("TestHistogram.test_gh_23110", [-0.9e-308], bins=2, range=(-1e-308, -2e-313))
e = 1 + 1e-12
h1("TestHistogram.test_gh_28400", [0, 1, 1, 1, 1, 1, e, e, e, e, e, e, 2], bins="auto")
# empty input, range of zero width, one bin (the brief's edge cases; NumPy's values)
h1("numpy.histogram([]): zero counts, edges linspace(0, 1, 11)", [])
h1("numpy.histogram([], range=...)", [], bins=4, range=(2, 3))
h1("numpy.histogram([], bins=3)", [], bins=3)
h1("range with min == max is widened by 0.5", [1, 2, 2, 3], bins=4, range=(2, 2))
h1("constant data is widened by 0.5", [5, 5, 5], bins=3)
h1("constant integer data is widened by 0.5", [5, 5, 5], dtype="int32", bins=3)
h1("one bin", [0.25, 1, 7.5], bins=1)

# ---- TestHistogramOptimBinNums ----
for r in RULES:
    h1(f"TestHistogramOptimBinNums.test_empty ({r})", [], bins=r)
for n in (50, 500, 5000):
    x = linspaces((-10, -1, n // 5 * 2), (1, 10, n // 5 * 3))
    for r in RULES:
        h1(f"TestHistogramOptimBinNums.test_simple (n={n}, {r})", x, bins=r)
for n in (1, 2, 3):
    for r in RULES:
        h1(f"TestHistogramOptimBinNums.test_small (n={n}, {r})", np.arange(n).astype(float), bins=r)
for r in RULES:
    h1(f"TestHistogramOptimBinNums.test_novariance ({r})", np.ones(100), bins=r)
lim = np.ones(1000)
lim[:3] = 0
lim[-4:] = 100
GEN_LIM = {"limited": [3, 993, 4]}  # 3 zeros, 993 ones, 4 hundreds
for r in RULES:
    h1(f"TestHistogramOptimBinNums.test_limited_variance ({r})", (lim, GEN_LIM), bins=r)
out = np.hstack((np.linspace(-110, -100, 5), np.linspace(-10, 10, 50)))
for r in RULES:
    h1(f"TestHistogramOptimBinNums.test_outlier ({r})", out, bins=r)
for seed in range(10):
    for size in np.geomspace(start=10, stop=100, num=4).round().astype(int):
        x = np.random.RandomState(seed).normal(loc=0, scale=2, size=size)
        for r in ("stone", "scott"):
            h1(f"TestHistogramOptimBinNums.test_scott_vs_stone (seed {seed}, size {size}, {r})", x, bins=r)
for n in (50, 500, 5000):
    x = linspaces((-10, -1, n // 5 * 2), (1, 10, n // 5 * 3), (-100, -50, n))
    for r in RULES:
        h1(f"TestHistogramOptimBinNums.test_simple_range (n={n}, {r})", x, bins=r, range=(-20, 20))
for r in RULES:
    h1(f"TestHistogramOptimBinNums.test_signed_integer_data ({r}, int8)", [-2, 0, 127], dtype="int8", bins=r)
    h1(f"TestHistogramOptimBinNums.test_signed_integer_data ({r}, int32)", [-2, 0, 127], dtype="int32", bins=r)
    h1(f"TestHistogramOptimBinNums.test_integer ({r})", tiled(9, 1000), dtype="int32", bins=r)
    h1(f"integer width >= 1 with a range ({r})", tiled(9, 100), dtype="int16", bins=r, range=(2, 6))
    h1(f"integer width >= 1, uint8 ({r})", tiled(256, 1, 3), dtype="uint8", bins=r)
h1("TestHistogramOptimBinNums.test_integer_non_auto (16 bins)", tiled(9, 1000), dtype="int32", bins=16)
h1("TestHistogramOptimBinNums.test_integer_non_auto (edges)", tiled(9, 1000), dtype="int32", bins=[.1, .2])

# ---- TestHistogramdd, as histogram2d ----
h2("TestHistogram.test_f32_rounding", [276.318359, -69.593948, 21.329449], [5005.689453, 4481.327637, 6010.369629], dtype="float32", bins=100)
h2("TestHistogramdd.test_identical_samples", np.zeros(10), np.zeros(10), dtype="int32", bins=2)
h2("TestHistogramdd.test_empty", [], [], bins=[[0, 1], [0, 1]])
h2("numpy.histogram2d([], []): 10 x 10 zeros, edges linspace(0, 1, 11)", [], [])
xy = np.arange(6).reshape(3, 2)
for b in ([3, [-np.inf, 2, 10]], [3, [-1, 2, np.inf]], [3, [-np.inf, 3, np.inf]]):
    h2("TestHistogramdd.test_inf_edges", xy[:, 0], xy[:, 1], dtype="int32", bins=b)
for v in (0.9999999995, 1.0, 1.0000000001, 1.0001):
    h1("TestHistogramdd.test_rightmost_binedge", [v], bins=[0., 0.5, 1.0])
h2("TestHistogramdd.test_equal_edges", [0, 1, 2], [0, 1, 2], dtype="int32", bins=[[0, 2, 2], 1])
h2("TestHistogramdd.test_large_integers (2^60 is exact in float64)", [0], [2**60], bins=[[-1, 1], [2**60 - 1, 2**60 + 1]])
h2("TestHistogramdd.test_density_non_uniform_2d (counts)", [7] + [1] * 3 + [7] * 3 + [1] * 9, [1] + [1] * 3 + [7] * 3 + [7] * 9,
   dtype="int32", bins=[[0, 6, 8], [0, 2, 8]])
h2("TestHistogramdd.test_simple (2-D slice)", [-.5, -.5, -.5, .5, .5, .5], [.5, 1.5, 2.5, .5, 1.5, 2.5], bins=[2, 3], range=[[-1, 1], [0, 3]])


def compact(c):
    """Long count/edge arrays as samples: counts by their non-zero cells, edges every 37th (and the last)."""
    for k in ("counts",):
        if len(c[k]) > 200:
            c["countsLen"] = len(c[k])
            c["countsNz"] = [[i, v] for i, v in enumerate(c[k]) if v != 0]
            del c[k]
    for k in ("edges", "edgesX", "edgesY"):
        if k in c and len(c[k]) > 200:
            e = c[k]
            c[k + "Len"] = len(e)
            c[k + "Sample"] = [[i, e[i]] for i in list(range(0, len(e), 37)) + [len(e) - 1]]
            del c[k]
    return c


if "--emit-ts" in sys.argv:
    path = sys.argv[sys.argv.index("--emit-ts") + 1]
    with open(path, "w") as f:
        ts_header(f, "histogram_numpy.py", path, f"NumPy {np.__version__}: the cases of numpy/lib/tests/test_histograms.py with NumPy's counts and edges.")
        f.write("export interface NumpyGen { spec: { limited?: [number, number, number]; linspace?: [number, number, number][]; arange?: number; repeat?: number; tile?: number }; n: number; every97: number[]; sum: number }\n")
        ts_const(f, "GEN: NumpyGen[]", GEN.values())
        f.write("export type NumpyDtype = \"float64\" | \"float32\" | \"int8\" | \"int16\" | \"int32\" | \"uint8\";\n")
        f.write("export interface NumpyCase { test: string; fn: \"histogram\" | \"histogram2d\"; x?: number[]; gen?: number; y?: number[]; dtype: NumpyDtype; bins: unknown; range?: unknown; counts?: number[]; countsLen?: number; countsNz?: [number, number][]; edges?: number[]; edgesLen?: number; edgesSample?: [number, number][]; edgesXLen?: number; edgesXSample?: [number, number][]; edgesYLen?: number; edgesYSample?: [number, number][]; edgesX?: number[]; edgesY?: number[]; binsX?: number; binsY?: number }\n")
        ts_const(f, "CASES: NumpyCase[]", (compact(c) for c in cases))
    print(f"wrote {len(cases)} cases to {path}")
else:
    for c in cases:
        print(c["test"], c.get("bins"), len(c["counts"]))
