#!/usr/bin/env python3
"""SciPy's own tests of trapezoid, simpson and cumulative_trapezoid
(scipy/integrate/tests/test_quadrature.py, SciPy 1.17: TestSimpson, TestCumulative_trapezoid,
TestTrapezoid), ported with SciPy's values, plus the cases where infowasm used to differ
(decreasing or repeated x, one point, negative or zero dx), for test/integrate-scipy.test.ts.

Run:   python3 test/reference/integrate_scipy.py --emit-ts test/reference/integrate-scipy.ts

An N-d SciPy call along an axis becomes one call per line along that axis (infowasm's x is one
vector shared by the rows of a matrix); a matrix `y` (number[][]) shares one x, as SciPy's 1-D x.
Every `expect` is SciPy's output for the call, written with repr() (the test compares to 1e-12).
"""
import json
import sys

import numpy as np
import scipy
from scipy.integrate import cumulative_trapezoid, simpson, trapezoid
from tslit import ts_const, ts_header  # noqa: E402  (test/reference/tslit.py)

cases = []


def add(test, fn, y, x=None, dx=None, initial=None):
    y = np.asarray(y, dtype=float)
    kw = {}
    if x is not None:
        kw["x"] = np.asarray(x, dtype=float)
    if dx is not None:
        kw["dx"] = dx
    if fn == "trapezoid":
        r = trapezoid(y, **kw)
    elif fn == "simpson":
        r = simpson(y, **kw)
    else:
        r = cumulative_trapezoid(y, initial=initial, **kw)
    c = dict(test=test, fn=fn, y=y.tolist())
    if x is not None:
        c["x"] = np.asarray(x, dtype=float).tolist()
    if dx is not None:
        c["dx"] = dx
    if initial is not None:
        c["initial"] = initial
    c["expect"] = np.asarray(r).tolist()
    cases.append(c)


def lines(a, axis):
    """The 1-D lines of array a along axis, in C order of the other indices."""
    m = np.moveaxis(a, axis, -1)
    return m.reshape(-1, m.shape[-1])


f = lambda x: x ** 2

# ---- TestSimpson.test_simpson ----
y = np.arange(17)
add("TestSimpson.test_simpson (arange(17))", "simpson", y)
add("TestSimpson.test_simpson (arange(17), dx=0.5)", "simpson", y, dx=0.5)
add("TestSimpson.test_simpson (arange(17), x=linspace(0, 4, 17))", "simpson", y, x=np.linspace(0, 4, 17))
x = np.linspace(1, 4, 4)
add("TestSimpson.test_simpson (x^2 on 4 points: exactly 21)", "simpson", f(x), x=x)
x = np.linspace(1, 7, 4)
add("TestSimpson.test_simpson (x^2, dx=2: exactly 114)", "simpson", f(x), dx=2.0)
for shape in ((4, 4, 4), (5, 5, 5)):
    xs = np.arange(np.prod(shape), dtype=float).reshape(shape)
    for axis in range(3):
        for xl in lines(xs, axis):
            add(f"TestSimpson.test_simpson ({'even' if shape[0] == 4 else 'odd'} points, axis {axis})", "simpson", f(xl), x=xl)
for xl in np.arange(16).reshape(8, 2):
    add("TestSimpson.test_simpson (two points)", "simpson", f(xl), x=xl)
add("TestSimpson.test_simpson (base case: one point)", "simpson", [9], x=[3])
add("TestSimpson.test_simpson (base case: x = [3, 3, 3, 3])", "simpson", [9] * 4, x=[3] * 4)
for xx in (np.array([[1, 2, 4, 8], [1, 2, 4, 8], [1, 2, 4, 8]]), np.array([[1, 2, 4, 8], [1, 2, 4, 8], [1, 8, 16, 32]])):
    for axis in (0, 1):
        for xl in lines(xx, axis):
            add(f"TestSimpson.test_simpson (base case x = {xx.tolist()}, axis {axis})", "simpson", f(xl), x=xl)
# ---- TestSimpson.test_simpson_2d_integer_no_x ----
yi = np.array([[2, 2, 4, 4, 8, 8, -4, 5], [4, 4, 2, -4, 10, 22, -2, 10]])
add("TestSimpson.test_simpson_2d_integer_no_x (even)", "simpson", yi)
add("TestSimpson.test_simpson_2d_integer_no_x (droplast)", "simpson", yi[:, :-1])

# ---- TestCumulative_trapezoid ----
x = np.linspace(-2, 2, num=5)
add("TestCumulative_trapezoid.test_1d (initial=0)", "cumulativeTrapezoid", x, x=x, initial=0)
add("TestCumulative_trapezoid.test_1d", "cumulativeTrapezoid", x, x=x)
xs = np.arange(3 * 2 * 4, dtype=float).reshape(3, 2, 4)
for axis in range(3):
    for xl in lines(xs, axis):
        add(f"TestCumulative_trapezoid.test_y_nd_x_nd (axis {axis}, initial=0)", "cumulativeTrapezoid", xl, x=xl, initial=0)
x1 = np.arange(4, dtype=float) ** 2
add("TestCumulative_trapezoid.test_y_nd_x_1d (axis 2: rows share x)", "cumulativeTrapezoid", lines(xs, 2), x=x1)
for axis in (0, 1):
    for yl in lines(xs, axis):
        add(f"TestCumulative_trapezoid.test_y_nd_x_1d (axis {axis})", "cumulativeTrapezoid", yl, x=x1[:len(yl)])
y = np.linspace(-2, 2, num=5)
add("TestCumulative_trapezoid.test_x_none", "cumulativeTrapezoid", y)
add("TestCumulative_trapezoid.test_x_none (initial=0)", "cumulativeTrapezoid", y, initial=0)
add("TestCumulative_trapezoid.test_x_none (dx=3)", "cumulativeTrapezoid", y, dx=3)
add("TestCumulative_trapezoid.test_x_none (dx=3, initial=0)", "cumulativeTrapezoid", y, dx=3, initial=0)

# ---- TestTrapezoid ----
x = np.arange(-10, 10, .1)
add("TestTrapezoid.test_simple (normal density, dx=0.1)", "trapezoid", np.exp(-.5 * x ** 2) / np.sqrt(2 * np.pi), dx=0.1)
xx, yy, zz = np.linspace(0, 1, 3), np.linspace(0, 2, 8), np.linspace(0, 3, 13)
q = xx[:, None, None] + yy[None, :, None] + zz[None, None, :]
for axis, pts in ((0, xx), (1, yy), (2, zz)):
    add(f"TestTrapezoid.test_ndim (axis {axis}: rows share x)", "trapezoid", lines(q, axis), x=pts)
g = np.linspace(0, 29, 30).reshape(3, 10)
for xl, yl in zip(lines(g, 0), lines(g, 0)):
    add("TestTrapezoid.test_gh21908 (axis 0)", "trapezoid", yl, x=xl)
add("TestTrapezoid.test_gh21908 (axis 0, x = [0, 10, 20])", "trapezoid", lines(g, 0), x=[0, 10., 20.])
for xl, yl in zip(g, g):
    add("TestTrapezoid.test_gh21908 (axis 1)", "trapezoid", yl, x=xl)
add("TestTrapezoid.test_gh21908 (axis 1, x = linspace(0, 9, 10))", "trapezoid", g, x=np.linspace(0, 9, 10))
xl = list(range(5))
add("TestTrapezoid.test_array_like", "trapezoid", [t * t for t in xl], x=xl)
# test_masked: the masked value is 0, x unmasked
add("TestTrapezoid.test_masked (masked y as 0)", "trapezoid", [0, 1, 0, 9, 16], x=[0, 1, 2, 3, 4])

# ---- where infowasm used to differ: any x, one point, any dx (SciPy's values) ----
rng = np.random.default_rng(12)
for n in (2, 3, 4, 5, 6, 9, 10, 101):
    xu = np.sort(rng.uniform(-3, 5, n))
    yv = np.sin(xu) + 2
    for fn in ("trapezoid", "simpson", "cumulativeTrapezoid"):
        add(f"non-uniform x (n={n})", fn, yv, x=xu)
        add(f"decreasing x (n={n}): the negative integral", fn, yv[::-1], x=xu[::-1])
        add(f"unordered x (n={n})", fn, yv, x=rng.permutation(xu))
for fn in ("trapezoid", "simpson"):
    add("one point: 0", fn, [5.0])
    add("one point with x: 0", fn, [5.0], x=[2.0])
    add("one point, non-finite y: 0 (SciPy's empty sum)", fn, [np.inf])
    for n in (5, 6):
        yv = np.cos(np.arange(n)) + 1.5
        add(f"negative dx (n={n})", fn, yv, dx=-0.25)
        add(f"zero dx (n={n})", fn, yv, dx=0.0)
        add(f"a row-matrix with negative dx (n={n})", fn, [yv, 2 * yv], dx=-0.5)
add("one point: no running integral", "cumulativeTrapezoid", [5.0])
add("one point, initial=0", "cumulativeTrapezoid", [5.0], initial=0)
add("negative dx", "cumulativeTrapezoid", [1.0, 2.0, 4.0, 8.0], dx=-0.5)
for xr in ([0, 1, 1, 2, 3], [0, 1, 2, 2], [0, 0, 1, 2], [0, 1, 3, 3, 4, 6], [1, 1, 1, 2, 2, 2]):
    yv = [1.0 + 0.5 * k * k for k in range(len(xr))]
    for fn in ("trapezoid", "simpson", "cumulativeTrapezoid"):
        add(f"repeated sample points x = {xr}", fn, yv, x=xr)


if "--emit-ts" in sys.argv:
    path = sys.argv[sys.argv.index("--emit-ts") + 1]
    with open(path, "w") as fh:
        ts_header(fh, "integrate_scipy.py", path, f"SciPy {scipy.__version__}: the cases of scipy/integrate/tests/test_quadrature.py with SciPy's values.")
        fh.write('export interface ScipyCase { test: string; fn: "trapezoid" | "simpson" | "cumulativeTrapezoid"; y: number[] | number[][]; x?: number[]; dx?: number; initial?: number; expect: number | number[] | number[][] }\n')
        ts_const(fh, "CASES: ScipyCase[]", cases)
    print(f"wrote {len(cases)} cases to {path}")
