#!/usr/bin/env python3
"""scikit-learn peers of the workloads W7, W8 and W10 (BENCH.md), for `npm run bench -- --peers`.

The same sizes and distributions as bench/workloads/knn.ts (not the same random numbers: NumPy's
generator, seed fixed, as bench/peers/numpy_peers.py), timing what a scikit-learn user calls:
  W7          mutual_info_regression(X, y, n_neighbors=3, random_state=0), X 1e5 x 8 standard
              normal, y = sin(2 x0) + x1^2 + 0.5 x2 x3 + 0.1 N(0, 1)
  W7-classif  mutual_info_classif(X, c, n_neighbors=3, random_state=0), c = the tercile of that y
  W7-ksg*     _compute_mi_cc(x, y, 3) (KSG algorithm 1; what both functions above call per
              column) on n correlated Gaussian pairs, rho = 0.6, n = 1e4, 1e5, 1e6
  W8          [mutual_info_score(a, rng.permutation(b)) for _ in range(999)], a, b 1e5 labels
              in 0 … 9, b = a on 2 % of the samples (the permutation test users write today)
  MV1         [mutual_info_score(X[:, i], X[:, j]) for i < j], X 1e5 x 20 labels, column j with
              j + 2 labels (the MI matrix loop users write today)
  W10         [DecisionTreeClassifier(max_depth=1, criterion="entropy", random_state=0).fit(X[:, [j]], y)
              for j in range(50)], X 1e5 x 50 standard normal, y in 0 … 3 the class of
              x0 + 0.5 x1 + N(0, 1) cut at -1, 0, 1 (the best split of each column, as it.bestSplit);
              W10-gini the same with criterion="gini"
Prints one JSON object: {"python", "executable", "numpy", "scipy", "sklearn", "workloads": [{"id",
"call", "seconds", "elements"}]}, seconds = the median per call (inputs built outside the timing).
These calls take seconds each: a call that lasts longer than the time budget is timed once (no
warm-up; scikit-learn has no JIT to warm), a shorter one as numpy_peers.py does (a warm-up, then
at least 3 repeats until the budget is spent).

Needs scikit-learn (Debian: apt-get install python3-sklearn, then /usr/bin/python3); without
it prints {"skipped": "..."} and the TS side tries the next interpreter or skips the peer.

Usage: /usr/bin/python3 bench/peers/sklearn_peers.py [--ids W7,W7-ksg] [--time 1]
"""
import json
import sys

from peer_runner import Peers

try:
    import numpy as np
    import scipy
    import sklearn
    from sklearn.feature_selection import mutual_info_classif, mutual_info_regression
    from sklearn.feature_selection._mutual_info import _compute_mi_cc
    from sklearn.metrics import mutual_info_score
    from sklearn.tree import DecisionTreeClassifier
except ImportError as exc:  # the TS side prints the message and skips the scikit-learn peers
    print(json.dumps({"skipped": f"scikit-learn not importable by {sys.executable}: {exc}"}))
    sys.exit(0)


def features(rng, n=10**5, d=8):
    """X n x d standard normal and the nonlinear target of bench/workloads/knn.ts."""
    X = rng.standard_normal((n, d))
    y = np.sin(2 * X[:, 0]) + X[:, 1] ** 2 + 0.5 * X[:, 2] * X[:, 3] + 0.1 * rng.standard_normal(n)
    return X, y


def terciles(y):
    """Class 0, 1, 2 by the terciles of y (as bench/workloads/knn.ts)."""
    cuts = np.quantile(y, [1 / 3, 2 / 3])
    return np.searchsorted(cuts, y, side="right").astype(np.int64)


def pairs(rng, n, rho=0.6):
    u = rng.standard_normal(n)
    v = rng.standard_normal(n)
    return u, rho * u + np.sqrt(1 - rho * rho) * v


def main():
    rng = np.random.default_rng(2026)
    peers = Peers(1.0)
    add = peers.add

    add("W7", "mutual_info_regression(X, y, n_neighbors=3, random_state=0)", 10**5 * 8,
        lambda: features(rng),
        lambda X, y: mutual_info_regression(X, y, discrete_features=False, n_neighbors=3, random_state=0))

    def classif():
        X, y = features(rng)
        return X, terciles(y)
    add("W7-classif", "mutual_info_classif(X, c, n_neighbors=3, random_state=0)", 10**5 * 8, classif,
        lambda X, c: mutual_info_classif(X, c, discrete_features=False, n_neighbors=3, random_state=0))

    for wid, n in (("W7-ksg-1e4", 10**4), ("W7-ksg-1e5", 10**5), ("W7-ksg", 10**6)):
        add(wid, "_compute_mi_cc(x, y, n_neighbors=3)", n, lambda n=n: pairs(rng, n),
            lambda x, y: _compute_mi_cc(x, y, 3))

    def labels():
        a = rng.integers(0, 10, 10**5)
        b = np.where(rng.random(10**5) < 0.02, a, rng.integers(0, 10, 10**5))
        return a, b

    def permutation_test(a, b, B=999):
        mi = mutual_info_score(a, b)
        perm = [mutual_info_score(a, rng.permutation(b)) for _ in range(B)]
        return (1 + sum(v >= mi for v in perm)) / (1 + B)
    add("W8", "[mutual_info_score(a, rng.permutation(b)) for _ in range(999)]", 10**5 * 999, labels, permutation_test)

    def label_matrix(n=10**5, d=20):
        base = rng.integers(0, 2, n)
        cols = [base] + [np.where(rng.random(n) < 0.5, (base + np.arange(n)) % (j + 2), rng.integers(0, j + 2, n)) for j in range(1, d)]
        return (np.stack(cols, axis=1),)

    def mi_matrix(X):
        d = X.shape[1]
        M = np.zeros((d, d))
        for i in range(d):
            for j in range(i, d):
                M[i, j] = M[j, i] = mutual_info_score(X[:, i], X[:, j])
        return M
    add("MV1", "[mutual_info_score(X[:, i], X[:, j]) for i <= j]", 10**5 * 20, label_matrix, mi_matrix)
    def split_input():
        X = rng.standard_normal((10**5, 50))
        v = X[:, 0] + 0.5 * X[:, 1] + rng.standard_normal(10**5)
        return X, np.searchsorted([-1.0, 0.0, 1.0], v, side="right").astype(np.int64)

    def root_splits(X, y, criterion):
        out = []
        for j in range(X.shape[1]):
            t = DecisionTreeClassifier(max_depth=1, criterion=criterion, random_state=0).fit(X[:, [j]], y).tree_
            out.append((t.threshold[0], t.impurity[0]))
        return out
    for wid, criterion in (("W10", "entropy"), ("W10-gini", "gini")):
        add(wid, f'[DecisionTreeClassifier(max_depth=1, criterion="{criterion}").fit(X[:, [j]], y) for j in range(50)]',
            10**5 * 50, split_input, lambda X, y, c=criterion: root_splits(X, y, c))

    peers.emit(numpy=np.__version__, scipy=scipy.__version__, sklearn=sklearn.__version__)


if __name__ == "__main__":
    main()
