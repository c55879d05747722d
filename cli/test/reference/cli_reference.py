"""The CLI's fixture and its expected values, computed with NumPy, SciPy and scikit-learn.

Run with NumPy 2.4 / SciPy 1.17 (`python3`); the kNN values come from scikit-learn 1.2.1 under
Debian's /usr/bin/python3, called as a subprocess on the written CSV:
    python3 cli/test/reference/cli_reference.py --emit-ts cli/test/reference/cli.ts
It writes cli/test/fixtures/mixed.csv (1500 rows: real, integer, boolean and text columns, column
names with spaces and non-ASCII labels, a column with 10% missing cells as "" and "NA") and the
expected values of `rank`, `mi`, `entropy`, `matrix` and `test` on it.
"""
import csv
import json
import math
import os
import subprocess
import sys

import numpy as np
from scipy.stats import chi2_contingency, entropy as sp_entropy

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "test", "reference"))
from tslit import ts  # noqa: E402

N = 1500
rng = np.random.default_rng(2026)
z = rng.standard_normal(N)
cols = {}
cols["signal"] = z + 0.5 * rng.standard_normal(N)
cols["weak"] = 0.3 * z + rng.standard_normal(N)
cols["noise"] = rng.standard_normal(N)
cols["count"] = rng.poisson(3 + 2 * (z > 0))
cities = np.array(["Oslo", "Lima", "São Paulo", "Kyiv"])
cols["city name"] = cities[np.clip(np.floor(z + rng.standard_normal(N) * 0.8 + 2).astype(int), 0, 3)]
cols["flag"] = (z + rng.standard_normal(N)) > 0
gappy = 0.7 * z + rng.standard_normal(N)
missing = rng.random(N) < 0.1
cols["gappy"] = np.where(missing, np.nan, gappy)
cols["y"] = np.array(["low", "mid", "high"])[(z > -0.4).astype(int) + (z > 0.6).astype(int)]
cols["target value"] = z + 0.3 * rng.standard_normal(N)
NAMES = list(cols)
NUMERIC = ["signal", "weak", "noise", "count", "gappy", "target value"]
LABELS = ["city name", "flag", "y"]


def cell(name, i):
    v = cols[name][i]
    if name == "gappy" and missing[i]:
        return "" if i % 2 == 0 else "NA"
    if name == "flag":
        return "true" if v else "false"
    if name == "count":
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    return str(v)


def write_csv(path):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(NAMES)
        for i in range(N):
            w.writerow([cell(n, i) for n in NAMES])


def codes(labels):
    _, c = np.unique(labels, return_inverse=True)
    return c


def mi_table(t):
    t = np.asarray(t, dtype=float)
    n = t.sum()
    p = t / n
    r = p.sum(1, keepdims=True)
    c = p.sum(0, keepdims=True)
    nz = p > 0
    return float((p[nz] * np.log(p[nz] / (r @ c)[nz])).sum())


def edges_of(x, bins):
    return np.histogram_bin_edges(x, bins)


def axis(name, present, bins):
    """(values, edges) of a column on the rows `present`: labels as codes with unit bins, numbers binned on all their present values."""
    if name in LABELS:
        c = codes(cols[name].astype(str))
        return c[present].astype(float), np.arange(c.max() + 2, dtype=float)
    if name == "count":  # an integer column: NumPy's rules give integer data bins at least 1 wide
        return cols[name][present].astype(float), edges_of(cols[name], bins)
    x = cols[name].astype(float)
    return x[present], edges_of(x[~np.isnan(x)], bins)


def miller_madow(t):
    """Plug-in MI plus ((K_a − 1) + (K_b − 1) − (K_ab − 1)) / (2N), K the non-empty rows, columns and cells (Miller 1955)."""
    t = np.asarray(t, dtype=float)
    ka, kb, kab = (t.sum(1) > 0).sum(), (t.sum(0) > 0).sum(), (t > 0).sum()
    return mi_table(t) + ((ka - 1) + (kb - 1) - (kab - 1)) / (2 * t.sum())


def pair_mi(a, b, bins=10, measure=None):
    """MI of two columns over the rows where both are present (numpy.histogram2d; labels in unit bins of their codes)."""
    present = np.ones(N, bool)
    for n in (a, b):
        if n == "gappy":
            present &= ~missing
    xa, ea = axis(a, present, bins)
    xb, eb = axis(b, present, bins)
    t, _, _ = np.histogram2d(xa, xb, bins=[ea, eb])
    return (measure or mi_table)(t), int(present.sum())


def rank(target, bins=10, measure=None):
    rows = []
    for n in NAMES:
        if n == target:
            continue
        mi, used = pair_mi(n, target, bins, measure)
        rows.append({"column": n, "mi": mi, "rows": used})
    return rows


KNN = r"""
import csv, json, sys
import numpy as np
from sklearn.feature_selection import mutual_info_classif
feats = json.loads(sys.argv[2]); labels = json.loads(sys.argv[3])
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
rows = [r for r in rows if r["gappy"] not in ("", "NA")]
def col(f):
    v = [r[f] for r in rows]
    return np.unique(v, return_inverse=True)[1] if f in labels else np.array(v, dtype=float)
X = np.column_stack([col(f) for f in feats])
disc = [i for i, f in enumerate(feats) if f in labels]
mi = mutual_info_classif(X, [r["y"] for r in rows], discrete_features=disc, n_neighbors=3, random_state=0)
print(json.dumps({"mi": [float(v) for v in mi], "rows": len(rows)}))
"""


def knn_rank(path):
    """scikit-learn's mutual_info_classif against y on the complete rows, count left out (its ties make the result depend on the noise draws)."""
    feats = ["signal", "weak", "noise", "city name", "flag", "gappy", "target value"]
    r = json.loads(subprocess.check_output(["/usr/bin/python3", "-c", KNN, path, json.dumps(feats), json.dumps(LABELS)]))
    return [{"column": f, "mi": v, "rows": r["rows"]} for f, v in zip(feats, r["mi"])]


def entropy_of(name, base):
    if name in LABELS:
        _, c = np.unique(cols[name].astype(str), return_counts=True)
        return {"column": name, "entropy": float(sp_entropy(c, base=base))}
    x = cols[name].astype(float)
    x = x[~np.isnan(x)]
    c, e = np.histogram(x, 10)
    h = float(sp_entropy(c, base=base))
    return {"column": name, "entropy": h, "differential": h + math.log(e[1] - e[0]) / math.log(base)}


def contingency(a, b):
    present = ~missing if "gappy" in (a, b) else np.ones(N, bool)
    xa, ea = axis(a, present, 10)
    xb, eb = axis(b, present, 10)
    t, _, _ = np.histogram2d(xa, xb, bins=[ea, eb])
    return t[t.sum(1) > 0][:, t.sum(0) > 0]


def tests():
    out = []
    for a, b in [("city name", "y"), ("signal", "y"), ("noise", "flag")]:
        t = contingency(a, b)
        chi2, p, dof, _ = chi2_contingency(t, correction=False)
        g, pg, _, _ = chi2_contingency(t, correction=False, lambda_="log-likelihood")
        out.append({"x": a, "y": b, "chi2": float(p), "gtest": float(pg), "dof": int(dof), "mi": mi_table(t)})
    return out


def matrix(names):
    d = len(names)
    M = np.zeros((d, d))
    for i in range(d):
        for j in range(d):
            if i == j:
                M[i, i] = entropy_of(names[i], math.e)["entropy"]
            else:
                M[i, j] = pair_mi(names[i], names[j])[0]
    return M.tolist()


if __name__ == "__main__":
    fixture = os.path.join(HERE, "..", "fixtures", "mixed.csv")
    write_csv(fixture)
    out = sys.argv[sys.argv.index("--emit-ts") + 1]
    MATRIX_COLS = ["signal", "weak", "city name", "gappy"]
    with open(out, "w") as f:
        f.write("// AUTO-GENERATED by cli/test/reference/cli_reference.py (python3 cli/test/reference/cli_reference.py --emit-ts cli/test/reference/cli.ts).\n")
        f.write(f"// numpy {np.__version__} histogram2d / histogram_bin_edges, scipy chi2_contingency and entropy, scikit-learn 1.2.1 mutual_info_classif, on cli/test/fixtures/mixed.csv\n")
        f.write(f"export const ROWS = {N};\n")
        f.write(f"export const MISSING_GAPPY = {int(missing.sum())};\n")
        f.write(f"export const RANK_Y = {ts(rank('y'))};\n")
        f.write(f"export const RANK_Y_FD = {ts(rank('y', 'fd'))};\n")
        f.write(f"export const RANK_Y_MILLER_MADOW = {ts(rank('y', 10, miller_madow))};\n")
        f.write(f"export const RANK_TARGET_VALUE = {ts(rank('target value'))};\n")
        f.write(f"export const KNN_Y = {ts(knn_rank(fixture))};\n")
        f.write(f"export const ENTROPY = {ts([dict(entropy_of(n, 2), base='bits') for n in ['signal', 'gappy', 'city name', 'flag']])};\n")
        f.write(f"export const MATRIX_COLUMNS = {ts(MATRIX_COLS)};\n")
        f.write(f"export const MATRIX = {ts(matrix(MATRIX_COLS))};\n")
        f.write(f"export const TESTS = {ts(tests())};\n")
