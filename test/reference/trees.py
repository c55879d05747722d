#!/usr/bin/env python3
"""Reference values for infowasm's it.bestSplit (API.md "Many variables, and decision trees").

Run:   /usr/bin/python3 test/reference/trees.py                        (prints a summary)
       /usr/bin/python3 test/reference/trees.py --emit-ts test/reference/trees.ts

Needs /usr/bin/python3 with scikit-learn 1.2.1 (Debian python3-sklearn) and NumPy. Every data set is
drawn here from a fixed seed and embedded in the generated module, so the TypeScript tests and
scikit-learn see the same doubles.

Source of the values: for each column j of each case,
    sklearn.tree.DecisionTreeClassifier(max_depth=1, criterion=c, random_state=0).fit(X[:, j:j+1], y)
and its root split: threshold = tree_.threshold[0]; impurities = tree_.impurity[0] (parent),
tree_.impurity[children_left[0]] (x <= threshold), tree_.impurity[children_right[0]]; counts =
tree_.n_node_samples of the children; gain = parent - (nL/n) left - (nR/n) right. scikit-learn's
entropy is in bits (its log is log2): multiplied by ln 2 here, so the table is in nats.

What the data avoid, because scikit-learn differs there on purpose (see docs/trees.md):
  * scikit-learn casts X to float32: every value here is float32-representable (np.float32 then
    back to float64), so the float32 and float64 runs agree;
  * scikit-learn treats values closer than FEATURE_THRESHOLD = 1e-7 as equal (no split between
    them): consecutive distinct values here are at least 1e-4 apart;
  * a pure node is a leaf in scikit-learn (no split): every target here has two classes or more;
  * exact ties of the best score are kept only where scikit-learn's float scores tie exactly too
    (mirror-image splits, whose two side terms are the same numbers added in the other order).
"""
import sys

import numpy as np
import sklearn
from sklearn.tree import DecisionTreeClassifier

from tslit import ts, ts_header

LN2 = float(np.log(2.0))


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def root_split(x, y, criterion):
    """scikit-learn's depth-1 tree on one feature: the root split as a dict (impurities in nats)."""
    clf = DecisionTreeClassifier(max_depth=1, criterion=criterion, random_state=0)
    clf.fit(x.astype(np.float32).reshape(-1, 1), y)
    t = clf.tree_
    assert t.node_count == 3, "scikit-learn made no split"
    l, r = t.children_left[0], t.children_right[0]
    unit = LN2 if criterion == "entropy" else 1.0
    parent, left, right = t.impurity[0] * unit, t.impurity[l] * unit, t.impurity[r] * unit
    nl, nr = int(t.n_node_samples[l]), int(t.n_node_samples[r])
    n = nl + nr
    # the left child holds x <= threshold (checked on the data)
    assert nl == int(np.sum(x <= t.threshold[0]))
    return {
        "threshold": float(t.threshold[0]),
        "gain": float(parent - nl / n * left - nr / n * right),
        "impurityLeft": float(left),
        "impurityRight": float(right),
        "countLeft": nl,
        "countRight": nr,
    }


def cases():
    rng = np.random.default_rng(20261207)
    out = []

    def add(name, X, y, note):
        X = np.asarray(X, dtype=np.float64)
        if X.ndim == 1:
            X = X.reshape(-1, 1)
        assert np.all(f32(X) == X), "values must be float32-representable"
        for j in range(X.shape[1]):
            u = np.unique(X[:, j])
            assert len(u) > 1 and np.min(np.diff(u)) >= 1e-4, "distinct values at least 1e-4 apart"
        for criterion in ("entropy", "gini"):
            out.append({
                "name": name,
                "note": note,
                "criterion": criterion,
                "rows": int(X.shape[0]),
                "cols": int(X.shape[1]),
                "x": [float(v) for v in X.ravel()],  # row-major
                "y": [int(v) for v in y],
                "splits": [root_split(X[:, j], np.asarray(y), criterion) for j in range(X.shape[1])],
            })

    # 1. a real feature with ties (rounded to 0.01), 3 classes that depend on it
    x = np.round(rng.normal(size=300), 2)
    y = np.digitize(x + rng.normal(scale=0.7, size=300), [-0.5, 0.6])
    add("normal x rounded to 0.01, 3 classes", f32(x), y, "ties between values; classes by noisy thresholds")

    # 2. integer x 0..9 (many ties), 4 classes
    x = rng.integers(0, 10, size=200).astype(float)
    y = (x // 3 + rng.integers(0, 2, size=200)) % 4
    add("integer x 0..9, 4 classes", x, y, "ten distinct values")

    # 3. negative, zero and -0.0 values (one value: -0 and 0), 2 classes
    x = f32(np.round(rng.uniform(-2, 2, size=60), 1))
    x[::7] = -0.0
    x[3::7] = 0.0
    y = (x + rng.normal(scale=0.5, size=60) > 0).astype(int)
    add("signed x with -0.0 and 0.0, 2 classes", x, y, "-0.0 and 0.0 are one value")

    # 4. mirror-image tie: the splits after x = 2 and after x = 6 have the same gain
    add("tied gains (mirror image)", np.arange(1.0, 9.0), [0, 0, 1, 1, 1, 1, 0, 0], "of equal gains the smallest threshold")

    # 5. two mirror ties of the best split with unequal classes, labels in another order
    add("tied gains, 3 classes", np.arange(1.0, 11.0), [2, 2, 0, 0, 1, 1, 0, 0, 2, 2], "mirror splits 2.5 and 8.5")

    # 6. a matrix: four columns, one class target, 5 classes, 250 rows
    n = 250
    X = np.column_stack([
        f32(np.round(rng.normal(size=n), 2)),
        rng.integers(-3, 4, size=n).astype(float),
        f32(np.round(rng.exponential(size=n), 3)),
        f32(np.round(rng.uniform(0, 100, size=n), 1)),
    ])
    y = np.digitize(X[:, 0] + 0.3 * X[:, 1] + rng.normal(scale=0.8, size=n), [-1.2, -0.3, 0.4, 1.1])
    add("matrix 250 x 4, 5 classes", X, y, "one result per column")

    # 7. large magnitudes and tiny spacing near 1e6 (float32 spacing at 1e6 is 0.0625)
    x = 1.0e6 + 0.0625 * rng.integers(0, 40, size=120)
    y = (x > 1.0e6 + 1.2 + rng.normal(scale=0.5, size=120)).astype(int) + (x > 1.0e6 + 2.0).astype(int)
    add("x near 1e6 in float32 steps", x, y, "thresholds a/2 + b/2 at large magnitude")
    return out


def emit(path, rows):
    with open(path, "w") as f:
        ts_header(f, "trees.py", path, f"scikit-learn {sklearn.__version__}, numpy {np.__version__}: DecisionTreeClassifier(max_depth=1) per column.")
        f.write("export interface SplitRef { threshold: number; gain: number; impurityLeft: number; impurityRight: number; countLeft: number; countRight: number }\n")
        f.write("export interface TreeCase { name: string; note: string; criterion: \"entropy\" | \"gini\"; rows: number; cols: number; x: number[]; y: number[]; splits: SplitRef[] }\n\n")
        f.write("export const treeCases: TreeCase[] = [\n")
        for r in rows:
            f.write("  " + ts(r) + ",\n")
        f.write("];\n")


def main():
    rows = cases()
    for r in rows:
        print(f"{r['name']:45s} {r['criterion']:8s}", "; ".join(f"t={s['threshold']:.6g} gain={s['gain']:.6g} nL={s['countLeft']}" for s in r["splits"]))
    if "--emit-ts" in sys.argv:
        emit(sys.argv[sys.argv.index("--emit-ts") + 1], rows)


if __name__ == "__main__":
    main()
