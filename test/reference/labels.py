#!/usr/bin/env python3
"""Independent reference values for infowasm's label measures.

Run:   python3 test/reference/labels.py                       (prints every value)
       python3 test/reference/labels.py --emit-ts test/reference/labels.ts

The --emit-sklearn-ts section at the end runs scikit-learn itself (/usr/bin/python3, sklearn 1.2).
The cases above it were written when scikit-learn was not installed, so its documented formulas are reimplemented with
numpy 2.x / scipy 1.17.x, following sklearn/metrics/cluster/_supervised.py and
sklearn/metrics/cluster/_expected_mutual_info_fast.pyx (scikit-learn 1.5):

* contingency matrix: scipy.stats.contingency.crosstab(a, b).count
* mutual_info_score: over the nonzero cells n_ij of the contingency matrix (N = Σ n_ij,
  pi = row sums, pj = column sums):
      Σ (n_ij/N)(log n_ij − log N) + (n_ij/N)(−log(pi·pj) + log Σpi + log Σpj), clipped at 0
  cross-checked against the joint-table definition Σ rel_entr(p_ij, p_i p_j)
  (scipy.special.rel_entr) and against H(A) + H(B) − H(A,B) (scipy.stats.entropy).
* entropy(labels): −Σ (pi/N)(log pi − log N); single cluster → 0.
* normalized_mutual_info_score: both labelings single-cluster → 1.0; mi == 0 → 0.0;
  else mi / _generalized_average(h_true, h_pred, method) (arithmetic mean, sqrt(U·V), min, max).
* expected_mutual_information: the triple loop of _expected_mutual_info_fast.pyx,
      Σ_i Σ_j Σ_{nij=max(1, a_i+b_j−N)}^{min(a_i, b_j)} (nij/N)·(log(N·nij) − log a_i − log b_j)·
          exp(gln(a_i+1) + gln(b_j+1) + gln(N−a_i+1) + gln(N−b_j+1) − gln(nij+1) − gln(N+1)
              − gln(a_i−nij+1) − gln(b_j−nij+1) − gln(N−a_i−b_j+nij+1)),
  gln = scipy.special.gammaln, vectorised over (i, j) for each nij; EMI = 0 when either labeling
  has one cluster. Cross-checked on small cases against scipy.stats.hypergeom.pmf.
* adjusted_mutual_info_score: both single-cluster → 1.0; else (mi − emi) / d with
  d = _generalized_average(h_true, h_pred) − emi, |d| ≥ float64 eps keeping its sign.
* variation of information H(A) + H(B) − 2 I; H(A|B) = H(A,B) − H(B); conditional mutual
  information I(X;Y|Z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z), entropies of np.unique row counts.
"""
import base64
import json
import math
import sys

import numpy as np
import scipy
from scipy.special import gammaln, rel_entr
from scipy.stats import entropy as sp_entropy, hypergeom
from scipy.stats.contingency import crosstab

EPS = np.finfo(np.float64).eps


def contingency(a, b):
    return crosstab(np.asarray(a), np.asarray(b)).count.astype(np.float64)


def mutual_info_score(a, b):
    c = contingency(a, b)
    nzx, nzy = np.nonzero(c)
    nz_val = c[nzx, nzy]
    csum = c.sum()
    pi = c.sum(axis=1)
    pj = c.sum(axis=0)
    if pi.size == 1 or pj.size == 1:
        return 0.0
    log_c_nm = np.log(nz_val)
    c_nm = nz_val / csum
    outer = pi.take(nzx).astype(np.int64) * pj.take(nzy).astype(np.int64)
    log_outer = -np.log(outer) + math.log(pi.sum()) + math.log(pj.sum())
    mi = c_nm * (log_c_nm - math.log(csum)) + c_nm * log_outer
    mi = np.where(np.abs(mi) < EPS, 0.0, mi)
    return float(np.clip(mi.sum(), 0.0, None))


def entropy_labels(x):
    _, pi = np.unique(np.asarray(x), return_counts=True)
    pi = pi.astype(np.float64)
    if pi.size == 1:
        return 0.0
    s = pi.sum()
    return float(-np.sum((pi / s) * (np.log(pi) - math.log(s))))


def generalized_average(u, v, method):
    return {"min": min(u, v), "geometric": math.sqrt(u * v), "arithmetic": float(np.mean([u, v])), "max": max(u, v)}[method]


def nmi(a, b, method="arithmetic"):
    if np.unique(a).size == np.unique(b).size == 1:
        return 1.0
    mi = mutual_info_score(a, b)
    if mi == 0:
        return 0.0
    return mi / generalized_average(entropy_labels(a), entropy_labels(b), method)


def expected_mutual_information(c, n):
    a = c.sum(axis=1).astype(np.int64)
    b = c.sum(axis=0).astype(np.int64)
    if a.size == 1 or b.size == 1:
        return 0.0
    A = a[:, None].astype(np.float64)
    B = b[None, :].astype(np.float64)
    base = gammaln(A + 1) + gammaln(B + 1) + gammaln(n - A + 1) + gammaln(n - B + 1) - gammaln(n + 1)
    start = np.maximum(1, A + B - n)
    end = np.minimum(A, B)
    emi = 0.0
    for nij in range(1, int(end.max()) + 1):
        ok = (nij >= start) & (nij <= end)
        if not ok.any():
            continue
        gln = base - gammaln(nij + 1) - gammaln(A - nij + 1) - gammaln(B - nij + 1) - gammaln(np.maximum(n - A - B + nij, 0) + 1)
        term2 = math.log(n) + math.log(nij) - np.log(A) - np.log(B)
        emi += float(np.sum(np.where(ok, (nij / n) * term2 * np.exp(gln), 0.0)))
    return emi


def emi_hypergeom(c, n):
    """The same expectation with scipy.stats.hypergeom.pmf (independent check, small cases)."""
    a = c.sum(axis=1).astype(np.int64)
    b = c.sum(axis=0).astype(np.int64)
    if a.size == 1 or b.size == 1:
        return 0.0
    total = 0.0
    for ai in a:
        for bj in b:
            k = np.arange(max(1, ai + bj - n), min(ai, bj) + 1)
            total += float(np.sum((k / n) * np.log(n * k / (ai * bj)) * hypergeom.pmf(k, n, ai, bj)))
    return total


def ami(a, b, method="arithmetic"):
    if np.unique(a).size == np.unique(b).size == 1:
        return 1.0
    c = contingency(a, b)
    mi = mutual_info_score(a, b)
    emi = expected_mutual_information(c, len(a))
    d = generalized_average(entropy_labels(a), entropy_labels(b), method) - emi
    d = min(d, -EPS) if d < 0 else max(d, EPS)
    return (mi - emi) / d


def joint_entropy(*cols):
    _, counts = np.unique(np.stack([np.asarray(c, dtype=np.int64) for c in cols], axis=1), axis=0, return_counts=True)
    return float(sp_entropy(counts))


def cmi(x, y, z):
    return joint_entropy(x, z) + joint_entropy(y, z) - joint_entropy(x, y, z) - joint_entropy(z)


# --------------------------------------------------------------------------------------------
# cases
# --------------------------------------------------------------------------------------------

rng = np.random.default_rng(20240603)
cases = []


def add(name, a, b, z=None, with_ami=True, check_hypergeom=False, source=""):
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    c = contingency(a, b)
    n = len(a)
    mi = mutual_info_score(a, b)
    # cross-checks of MI: the joint-table definition and the entropy identity
    pij = c / n
    mi2 = float(rel_entr(pij, np.outer(pij.sum(1), pij.sum(0))).sum())
    mi3 = float(sp_entropy(c.sum(1)) + sp_entropy(c.sum(0)) - sp_entropy(c.ravel()))
    assert abs(mi - mi2) <= 1e-12 * max(1, mi) and abs(mi - mi3) <= 1e-11 * max(1, mi), (name, mi, mi2, mi3)
    hA, hB = entropy_labels(a), entropy_labels(b)
    assert abs(hA - sp_entropy(c.sum(1))) < 1e-12 * max(1, hA)
    case = {
        "name": name,
        "source": source or f"sklearn formulas reimplemented with numpy {np.__version__} / scipy {scipy.__version__}, rng seed 20240603",
        "n": n,
        "mi": mi,
        "hA": hA,
        "hB": hB,
        "vi": hA + hB - 2 * mi,
        "hAgivenB": joint_entropy(a, b) - hB,
        "nmi": {m: nmi(a, b, m) for m in ("arithmetic", "geometric", "min", "max")},
    }
    if with_ami:
        emi = expected_mutual_information(c, n)
        if check_hypergeom:
            emi2 = emi_hypergeom(c, n)
            assert abs(emi - emi2) <= 1e-10 * max(emi, 1e-300) + 1e-15, (name, emi, emi2)
        case["emi"] = emi
        case["ami"] = {m: ami(a, b, m) for m in ("arithmetic", "geometric", "min", "max")}
    if z is not None:
        z = np.asarray(z, dtype=np.int64)
        case["cmi"] = cmi(a, b, z)
        case["z"] = z
    case["a"], case["b"] = a, b
    cases.append(case)


# sklearn's documented examples (normalized_mutual_info_score / adjusted_mutual_info_score docstrings)
add("sklearn doc: identical partitions", [0, 0, 1, 1], [0, 0, 1, 1], check_hypergeom=True, source="sklearn docstring: NMI = AMI = 1.0")
add("sklearn doc: permuted labels", [0, 0, 1, 1], [1, 1, 0, 0], check_hypergeom=True, source="sklearn docstring: NMI = AMI = 1.0")
add("sklearn doc: class split across clusters", [0, 0, 0, 0], [0, 1, 2, 3], check_hypergeom=True, source="sklearn docstring: NMI = AMI = 0.0")
add("both constant", [3, 3, 3], [7, 7, 7], source="sklearn limit case: NMI = AMI = 1.0")
add("small mixed", [0, 0, 1, 1, 2, 2, 2], [1, 1, 0, 0, 3, 3, 0], z=[0, 1, 0, 1, 0, 1, 0], check_hypergeom=True)
a = rng.integers(0, 3, 50); b = (a + rng.integers(0, 2, 50)) % 4; z = rng.integers(0, 3, 50)
add("n=50 3x4 classes", a, b, z=z, check_hypergeom=True)
a = rng.integers(0, 10, 500); b = np.where(rng.random(500) < 0.6, a % 7, rng.integers(0, 7, 500)); z = a % 3
add("n=500 10x7 classes, dependent", a, b, z=z, check_hypergeom=True)
a = rng.integers(0, 40, 2000); b = rng.integers(0, 40, 2000); z = rng.integers(0, 5, 2000)
add("n=2000 40x40 independent", a, b, z=z)
# labels spread over the whole uint32 range: the hashed (sparse) counting path
a = rng.integers(0, 60, 3000); b = np.where(rng.random(3000) < 0.5, a, rng.integers(0, 60, 3000))
ua = rng.choice(2**32, size=60, replace=False); ub = rng.choice(2**32, size=60, replace=False)
add("n=3000 60x60 labels spread over uint32", ua[a], ub[b], z=rng.integers(0, 4, 3000))
# 10 000 distinct labels: AMI must stay fast and finite
a = rng.permutation(10000); b = rng.integers(0, 100, 10000)
add("n=10000 all-distinct vs 100 clusters", a, b)
a = rng.integers(0, 10000, 10000); b = np.where(rng.random(10000) < 0.7, a // 3, rng.integers(0, 5000, 10000))
add("n=10000 ~6300 x ~4000 clusters", a, b)
# many distinct pairs over a large id range: the pair-hash path (ids 3000 x 5000 > dense budget)
a = rng.integers(0, 3000, 20000); b = rng.integers(0, 5000, 20000)
add("n=20000 3000x5000 ids, pair hash", a * 1000003 % (2**32), b * 7919 + 100000, with_ami=False)


def fmt(x):
    if isinstance(x, (float, np.floating)):
        return repr(float(x))
    return json.dumps(x)


def b64(x):
    return base64.b64encode(np.asarray(x, dtype="<u4").tobytes()).decode()


def emit(path):
    out = [
        "// AUTO-GENERATED by test/reference/labels.py (python3 test/reference/labels.py --emit-ts test/reference/labels.ts).",
        "// sklearn's mutual_info_score / normalized_mutual_info_score / adjusted_mutual_info_score /",
        "// expected_mutual_information reimplemented from their documented formulas with",
        f"// numpy {np.__version__} / scipy {scipy.__version__} (scikit-learn is not installed); MI cross-checked",
        "// against scipy.special.rel_entr and scipy.stats.entropy, EMI against scipy.stats.hypergeom.pmf.",
        "// Label arrays are little-endian uint32, base64.",
        "",
        "export type Average = \"arithmetic\" | \"geometric\" | \"min\" | \"max\";",
        "export interface LabelCase {",
        "  name: string; source: string; n: number;",
        "  a: string; b: string; z?: string;",
        "  mi: number; hA: number; hB: number; vi: number; hAgivenB: number;",
        "  nmi: Record<Average, number>; emi?: number; ami?: Record<Average, number>; cmi?: number;",
        "}",
        "",
        "export const labelCases: LabelCase[] = [",
    ]
    for c in cases:
        fields = [f"name: {json.dumps(c['name'])}", f"source: {json.dumps(c['source'])}", f"n: {c['n']}",
                  f"a: \"{b64(c['a'])}\"", f"b: \"{b64(c['b'])}\""]
        if "z" in c:
            fields.append(f"z: \"{b64(c['z'])}\"")
        for k in ("mi", "hA", "hB", "vi", "hAgivenB", "emi", "cmi"):
            if k in c:
                fields.append(f"{k}: {fmt(c[k])}")
        for k in ("nmi", "ami"):
            if k in c:
                fields.append(f"{k}: {{ " + ", ".join(f"{m}: {fmt(v)}" for m, v in c[k].items()) + " }")
        out.append("  { " + ", ".join(fields) + " },")
    out.append("];")
    out.append("")
    out.append("/** Decodes a base64 uint32 label array. */")
    out.append("export function decode(s: string): Uint32Array {")
    out.append("  const bytes = Buffer.from(s, \"base64\");")
    out.append("  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));")
    out.append("}")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


# ---- scikit-learn itself: labels of any kind (test/labels-sklearn.test.ts) -----------------------
#
# /usr/bin/python3 test/reference/labels.py --emit-sklearn-ts test/reference/labels-sklearn.ts
#
# Runs scikit-learn (1.2, Debian's python3-sklearn) on the cases of
# sklearn/metrics/cluster/tests/test_supervised.py and on labels of every kind the label calls
# take (DBSCAN's −1, strings, booleans, int64 beyond 2^32, integral floats, int8 …). Label arrays
# are written as a spec the TS test rebuilds: {"list": [...]} | {"runs": [[v, count], ...]} |
# {"tile": [...], "times": k} | {"range": n}, with the JS container in "type".

def build(spec):
    if "list" in spec:
        return list(spec["list"])
    if "runs" in spec:
        return [v for v, k in spec["runs"] for _ in range(k)]
    if "tile" in spec:
        return list(spec["tile"]) * spec["times"]
    return list(range(spec["range"]))


def np_labels(spec, typ):
    x = build(spec)
    if typ == "boolean[]":
        return np.array(x, dtype=bool)
    if typ == "string[]":
        return np.array(x, dtype=object)
    if typ in ("Float64Array", "Float32Array"):
        return np.array(x, dtype=np.float64)
    return np.array(x, dtype=np.int64)


def sklearn_case(name, source, a, b, ta="number[]", tb="number[]", z=None, tz="number[]"):
    from sklearn import metrics as skm
    from sklearn.metrics.cluster import entropy as sk_entropy, homogeneity_completeness_v_measure
    A, B = np_labels(a, ta), np_labels(b, tb)
    mi = skm.mutual_info_score(A, B)
    hA, hB = sk_entropy(A), sk_entropy(B)
    h, c, v = homogeneity_completeness_v_measure(A, B)
    cm = skm.cluster.contingency_matrix(A, B)
    ua, ub = np.unique(A), np.unique(B)
    rows, cols = np.nonzero(cm)
    py = lambda x: x.item() if hasattr(x, "item") else x
    out = {
        "name": name, "source": source, "a": a, "b": b, "ta": ta, "tb": tb,
        "mi": mi, "hA": hA, "hB": hB, "vi": hA + hB - 2 * mi, "hAgivenB": hA - mi,
        "homogeneity": h, "completeness": c, "vMeasure": v,
        "nmi": {m: skm.normalized_mutual_info_score(A, B, average_method=m) for m in ("arithmetic", "geometric", "min", "max")},
        "ami": {m: skm.adjusted_mutual_info_score(A, B, average_method=m) for m in ("arithmetic", "geometric", "min", "max")},
    }
    if len(rows) <= 64:
        # the nonzero cells of sklearn.metrics.cluster.contingency_matrix, labels as np.unique gives them
        out["cells"] = {"a": [py(ua[i]) for i in rows], "b": [py(ub[j]) for j in cols], "count": [int(cm[i, j]) for i, j in zip(rows, cols)]}
    if z is not None:
        Z = np_labels(z, tz)
        # I(X;Y|Z) = I((X,Z); Y) − I(Z; Y), the pair (X, Z) as one label (np.unique rows)
        xz = np.unique(np.stack([np.unique(A, return_inverse=True)[1], np.unique(Z, return_inverse=True)[1]], 1), axis=0, return_inverse=True)[1].ravel()
        out["z"], out["tz"] = z, tz
        out["cmi"] = max(0.0, skm.mutual_info_score(xz, B) - skm.mutual_info_score(Z, B))
    return out


def sklearn_cases():
    L = lambda *x: {"list": list(x)}
    la = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3]
    lb = [1, 1, 1, 1, 2, 1, 2, 2, 2, 2, 3, 1, 3, 3, 3, 2, 2]
    T = "test_supervised.py"
    cs = [
        sklearn_case("test_perfect_matches [0] [1]", T, L(0), L(1)),
        sklearn_case("test_perfect_matches [0,0,0] [0,0,0]", T, L(0, 0, 0), L(0, 0, 0)),
        sklearn_case("test_perfect_matches [0,1,0] [42,7,42]", T, L(0, 1, 0), L(42, 7, 42)),
        sklearn_case("test_perfect_matches floats [0,1,0] [42,7,42]", T, L(0, 1, 0), L(42, 7, 42), "Float64Array", "Float64Array"),
        sklearn_case("test_perfect_matches floats [0,1,2] [42,7,2]", T, L(0, 1, 2), L(42, 7, 2), "Float64Array", "Float64Array"),
        sklearn_case("test_perfect_matches [0,1,2] [42,7,2]", T, L(0, 1, 2), L(42, 7, 2)),
        sklearn_case("test_homogeneous_but_not_complete_labeling", T, L(0, 0, 0, 1, 1, 1), L(0, 0, 0, 1, 2, 2)),
        sklearn_case("test_complete_but_not_homogeneous_labeling", T, L(0, 0, 1, 1, 2, 2), L(0, 0, 1, 1, 1, 1)),
        sklearn_case("test_not_complete_and_not_homogeneous_labeling", T, L(0, 0, 0, 1, 1, 1), L(0, 1, 0, 1, 2, 2)),
        sklearn_case("test_non_consecutive_labels (gap in a)", T, L(0, 0, 0, 2, 2, 2), L(0, 1, 0, 1, 2, 2)),
        sklearn_case("test_non_consecutive_labels (gap in b)", T, L(0, 0, 0, 1, 1, 1), L(0, 4, 0, 4, 2, 2)),
        sklearn_case("test_adjusted_mutual_info_score", T, {"list": la}, {"list": lb}),
        sklearn_case("test_adjusted_mutual_info_score [1,1,2,2] [2,2,3,3]", T, L(1, 1, 2, 2), L(2, 2, 3, 3)),
        sklearn_case("test_adjusted_mutual_info_score ×110", T, {"tile": la, "times": 110}, {"tile": lb, "times": 110}),
        sklearn_case("test_expected_mutual_info_overflow (cells > 2^16)", T, {"runs": [[0, 70000], [1, 5]]}, {"runs": [[0, 69999], [1, 6]]}),
        sklearn_case("test_int_overflow_mutual_info_fowlkes_mallows_score", T,
                     {"runs": [[1, 52632 + 2529], [2, 14660 + 793], [3, 3271 + 204], [4, 814 + 39], [5, 316 + 20]]},
                     {"runs": [[0, 52632], [1, 2529], [0, 14660], [1, 793], [0, 3271], [1, 204], [0, 814], [1, 39], [0, 316], [1, 20]]}),
        sklearn_case("test_entropy [0,0,42.]", T, L(0, 0, 42), L(0, 0, 0), "Float64Array"),
    ]
    for i in (10, 100, 1000, 10000):
        cs.append(sklearn_case(f"test_exactly_zero_info_score n={i}", T, {"runs": [[1, i]]}, {"range": i}))
    cs += [
        sklearn_case("test_mutual_info_score_positive_constant_label ['a']*6", T, {"runs": [["a", 6]]}, L(1, 1, 0, 0, 1, 1), "string[]"),
        sklearn_case("test_mutual_info_score_positive_constant_label [1]*6", T, {"runs": [[1, 6]]}, L(1, 1, 0, 0, 1, 1)),
        sklearn_case("test_mutual_info_score_positive_constant_label b=['a']*6", T, L(1, 1, 0, 0, 1, 1), {"runs": [["a", 6]]}, "number[]", "string[]"),
        sklearn_case("test_mutual_info_score_positive_constant_label b=[1]*6", T, L(1, 1, 0, 0, 1, 1), {"runs": [[1, 6]]}),
    ]
    X = "labels of any kind (API.md)"
    cs += [
        sklearn_case("DBSCAN noise: the issue's [-1,0,1,1] vs [0,0,1,1]", X, L(-1, 0, 1, 1), L(0, 0, 1, 1)),
        sklearn_case("DBSCAN noise Int32Array", X, L(-1, -1, 0, 0, 0, 1, 1, -1, 2, 2), L(0, 0, 0, 0, 1, 1, 1, 2, 2, 2), "Int32Array", "number[]",
                     z=L(0, 1, 0, 1, 0, 1, 0, 1, 0, 1)),
        sklearn_case("strings", X, L("cat", "dog", "cat", "bird", "dog", "cat"), L("x", "y", "x", "x", "y", "z"), "string[]", "string[]"),
        sklearn_case("strings vs negative ints, with z", X, L("b", "a", "a", "c", "b", "a", "c", "c"), L(-3, -3, 5, 5, -3, 5, 5, -3), "string[]", "number[]",
                     z=L("p", "q", "p", "q", "p", "q", "p", "q"), tz="string[]"),
        sklearn_case("booleans", X, L(True, False, True, True, False, False, True), L(1, 0, 1, 0, 0, 1, 1), "boolean[]"),
        sklearn_case("BigInt64Array beyond 2^32", X, L(-5, 10**12, -5, 3, 10**12, 3, 3), L(0, 1, 0, 1, 1, 2, 2), "BigInt64Array"),
        sklearn_case("Float64Array integral, wide range", X, L(-1, 2, 10**15, 2, -1, 10**15), L(0, 1, 1, 0, 0, 1), "Float64Array"),
        sklearn_case("Float32Array integral", X, L(-3, 7, 7, -3, 0, 0), L(1, 1, 2, 2, 3, 3), "Float32Array", "Float32Array"),
        sklearn_case("Int8Array extremes", X, L(-128, 127, 0, -128, 127, 0, 0), L(5, 5, 6, 6, 7, 7, 7), "Int8Array", "Uint8Array"),
        sklearn_case("Int16Array / Uint16Array", X, L(-300, 300, -300, 300, 1, 1), L(65535, 0, 0, 65535, 7, 0), "Int16Array", "Uint16Array"),
        sklearn_case("number[] beyond 2^32 (the hash path)", X, L(-2**40, 2**40, 7, -2**40, 2**40, 7, 7), L(0, 0, 1, 1, 2, 2, 2)),
        sklearn_case("-0 and 0 are one label", X, L(-0.0, 0.0, 1, 1), L(0, 0, 1, 1), "Float64Array"),
    ]
    return cs


def emit_sklearn(path):
    import sklearn
    def val(x):
        if isinstance(x, (float, np.floating)):
            return repr(float(x)) if math.isfinite(x) else json.dumps(str(x))
        if isinstance(x, dict):
            return "{ " + ", ".join(f"{json.dumps(k)}: {val(v)}" for k, v in x.items()) + " }"
        if isinstance(x, list):
            return "[" + ", ".join(val(v) for v in x) + "]"
        if isinstance(x, (bool, np.bool_)):
            return "true" if x else "false"
        if isinstance(x, (int, np.integer)):
            return str(int(x))
        return json.dumps(x)
    out = [
        "// AUTO-GENERATED by test/reference/labels.py with scikit-learn itself:",
        "//   /usr/bin/python3 test/reference/labels.py --emit-sklearn-ts test/reference/labels-sklearn.ts",
        f"// scikit-learn {sklearn.__version__}, numpy {np.__version__}. Cases: sklearn/metrics/cluster/tests/test_supervised.py",
        "// (named after its tests) and labels of every kind API.md accepts.",
        "",
        'export type Average = "arithmetic" | "geometric" | "min" | "max";',
        "export type LabelSpec = { list: (number | string | boolean)[] } | { runs: [number | string, number][] } | { tile: number[]; times: number } | { range: number };",
        "export interface SklearnCase {",
        "  name: string; source: string;",
        "  a: LabelSpec; b: LabelSpec; ta: string; tb: string; z?: LabelSpec; tz?: string;",
        "  mi: number; hA: number; hB: number; vi: number; hAgivenB: number; cmi?: number;",
        "  homogeneity: number; completeness: number; vMeasure: number;",
        "  nmi: Record<Average, number>; ami: Record<Average, number>;",
        "  cells?: { a: (number | string | boolean)[]; b: (number | string | boolean)[]; count: number[] };",
        "}",
        "",
        "export const sklearnCases: SklearnCase[] = [",
    ]
    for c in sklearn_cases():
        out.append("  { " + ", ".join(f"{k}: {val(v)}" for k, v in c.items()) + " },")
    out.append("];")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if "--emit-sklearn-ts" in sys.argv:
        emit_sklearn(sys.argv[sys.argv.index("--emit-sklearn-ts") + 1])
        sys.exit(0)
    for c in cases:
        print(c["name"], {k: c[k] for k in ("mi", "hA", "hB", "vi", "hAgivenB", "nmi", "emi", "ami", "cmi") if k in c})
    if "--emit-ts" in sys.argv:
        emit(sys.argv[sys.argv.index("--emit-ts") + 1])
