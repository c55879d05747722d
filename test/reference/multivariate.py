#!/usr/bin/python3
"""Independent reference values for infowasm's many-variable measures (test/multivariate*.test.ts).

Run with scikit-learn 1.2.1 (numpy 1.24, scipy 1.10, mpmath 1.2):
       /usr/bin/python3 test/reference/multivariate.py                       (prints a summary)
       /usr/bin/python3 test/reference/multivariate.py --emit-ts test/reference/multivariate.ts

* MI matrix, labels: sklearn.metrics.mutual_info_score(x_i, x_j) for every pair (nats), the diagonal
  mutual_info_score(x_i, x_i) = H(x_i).
* MI matrix, histogram: each column's edges np.histogram_bin_edges(x_j, bins) (its own range), the
  pair table np.histogram2d(x_i, x_j, bins=[edges_i, edges_j]), its MI by
  sklearn mutual_info_score(None, None, contingency=table); the diagonal the same for (x_i, x_i).
* MI matrix, knn: sklearn's _compute_mi_cc(x_i, x_j, n_neighbors=k) (KSG algorithm 1, no noise,
  clipped at 0: the columns are correlated so every value is positive).
* Total correlation Σ H(X_i) − H(X_1..X_d), interaction information
  I(X;Y) − I(X;Y|Z) = H(X) + H(Y) + H(Z) − H(X,Y) − H(X,Z) − H(Y,Z) + H(X,Y,Z),
  information gain H(Y) − H(Y|X) and gain ratio IG / H(X): entropies of np.unique row counts
  summed in mpmath at 50 digits (Σ (c/N) ln(N/c)), independent of the library's formulas.
"""
import sys

import mpmath
import numpy as np
from sklearn.feature_selection._mutual_info import _compute_mi_cc
from sklearn.metrics import mutual_info_score

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from tslit import ts, ts_header  # noqa: E402

mpmath.mp.dps = 50


def H(*cols):
    """Joint plug-in entropy (nats) of label columns, in mpmath from np.unique row counts."""
    rows = np.stack([np.unique(np.asarray(c), return_inverse=True)[1] for c in cols], axis=1)
    _, counts = np.unique(rows, axis=0, return_counts=True)
    N = mpmath.mpf(int(counts.sum()))
    return sum((mpmath.mpf(int(c)) / N) * mpmath.log(N / int(c)) for c in counts)


def f(x):
    return float(x)


def label_case(name, cols):
    d = len(cols)
    M = [[mutual_info_score(cols[i], cols[j]) for j in range(d)] for i in range(d)]
    tc = sum(H(c) for c in cols) - H(*cols)
    return {"name": name, "columns": [list(c) for c in cols], "matrix": [float(v) for row in M for v in row], "tc": f(tc)}


def hist_case(name, X, bins):
    n, d = X.shape
    if isinstance(bins, dict):  # equal-frequency edges: np.quantile at linspace(0, 1, q + 1) (method "linear")
        edges = [np.quantile(X[:, j], np.linspace(0, 1, bins["quantiles"] + 1)) for j in range(d)]
    else:
        edges = [np.histogram_bin_edges(X[:, j], bins) for j in range(d)]
    M = []
    for i in range(d):
        for j in range(d):
            t, _, _ = np.histogram2d(X[:, i], X[:, j], bins=[edges[i], edges[j]])
            M.append(float(mutual_info_score(None, None, contingency=t)))
    return {"name": name, "rows": n, "cols": d, "data": [float(v) for v in X.ravel()], "bins": bins, "matrix": M}


def knn_case(name, X, k):
    n, d = X.shape
    M = []
    for i in range(d):
        for j in range(d):
            M.append(float("inf") if i == j else float(_compute_mi_cc(X[:, i].copy(), X[:, j].copy(), k)))
    return {"name": name, "rows": n, "cols": d, "data": [float(v) for v in X.ravel()], "k": k, "matrix": M}


def triple_case(name, x, y, z):
    ii = H(x) + H(y) + H(z) - H(x, y) - H(x, z) - H(y, z) + H(x, y, z)
    ig = H(x) - (H(x, y) - H(y))  # labels x, feature y: H(Y) − H(Y|X) with Y = x
    gr = ig / H(y) if H(y) > 0 else mpmath.mpf(0)
    return {"name": name, "x": list(x), "y": list(y), "z": list(z), "ii": f(ii), "ig": f(ig), "gr": f(gr)}


def cases():
    rng = np.random.RandomState(20261207)
    lab = []
    a = rng.randint(0, 4, 240)
    b = (a + rng.randint(0, 2, 240)) % 5
    c = rng.randint(0, 3, 240)
    e = (a * 3 + c) % 7
    lab.append(label_case("four dependent integer columns", [a.tolist(), b.tolist(), c.tolist(), e.tolist()]))
    s = np.array(["red", "green", "blue"])[rng.randint(0, 3, 150)]
    t = np.where(rng.rand(150) < 0.7, s, "green")
    u = rng.randint(-2, 2, 150)
    lab.append(label_case("strings and negative integers", [s.tolist(), t.tolist(), u.tolist()]))
    w = rng.randint(0, 2, 64)
    lab.append(label_case("two columns", [w.tolist(), (1 - w).tolist()]))
    cov = np.array([[1, 0.8, 0.3, 0], [0.8, 1, 0.5, 0.1], [0.3, 0.5, 1, 0.2], [0, 0.1, 0.2, 1]])
    X = rng.multivariate_normal(np.zeros(4), cov, 300)
    hist = [hist_case("gaussian 300×4, 10 bins", X, 10), hist_case("gaussian 300×4, sqrt rule", X, "sqrt"), hist_case("gaussian 300×4, 4 bins", X, 4), hist_case("gaussian 300×4, fd rule", X, "fd"),
            hist_case("gaussian 300×4, 5 quantile bins", X, {"quantiles": 5})]
    cov3 = np.array([[1, 0.9, 0.6], [0.9, 1, 0.7], [0.6, 0.7, 1]])
    Y = rng.multivariate_normal(np.zeros(3), cov3, 200)
    knn = [knn_case("gaussian 200×3, k = 3", Y, 3), knn_case("gaussian 200×3, k = 5", Y, 5)]
    tri = []
    x = rng.randint(0, 3, 200)
    y = (x + rng.randint(0, 2, 200)) % 3
    z = rng.randint(0, 2, 200)
    tri.append(triple_case("random ternary x, noisy copy y, independent z", x.tolist(), y.tolist(), z.tolist()))
    x = rng.randint(0, 2, 300)
    y = rng.randint(0, 4, 300)
    z = ((x + y) % 2) ^ (rng.rand(300) < 0.1).astype(int)
    tri.append(triple_case("noisy parity z of x and y", x.tolist(), y.tolist(), z.tolist()))
    return lab, hist, knn, tri


def emit(path):
    lab, hist, knn, tri = cases()
    with open(path, "w") as fh:
        ts_header(fh, "multivariate.py", path, "scikit-learn 1.2.1 mutual_info_score / _compute_mi_cc, numpy 1.24 histogram2d, mpmath 1.2 entropies of np.unique counts.")
        fh.write("export interface LabelCase { name: string; columns: (number | string)[][]; matrix: number[]; tc: number }\n")
        fh.write("export interface HistCase { name: string; rows: number; cols: number; data: number[]; bins: number | string | { quantiles: number }; matrix: number[] }\n")
        fh.write("export interface KnnCase { name: string; rows: number; cols: number; data: number[]; k: number; matrix: number[] }\n")
        fh.write("export interface TripleCase { name: string; x: number[]; y: number[]; z: number[]; ii: number; ig: number; gr: number }\n")
        for decl, rows in [("labelCases: LabelCase[]", lab), ("histCases: HistCase[]", hist), ("knnCases: KnnCase[]", knn), ("tripleCases: TripleCase[]", tri)]:
            fh.write(f"export const {decl} = [\n")
            for r in rows:
                fh.write("  " + ts(r) + ",\n")
            fh.write("];\n")


if __name__ == "__main__":
    if "--emit-ts" in sys.argv:
        emit(sys.argv[sys.argv.index("--emit-ts") + 1])
    else:
        lab, hist, knn, tri = cases()
        for c in lab + hist + knn:
            print(c["name"], np.round(c["matrix"], 6))
        for c in tri:
            print(c["name"], c["ii"], c["ig"], c["gr"])
