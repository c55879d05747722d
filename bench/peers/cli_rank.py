"""The peer of `infowasm rank FILE --target y` (bench/cli.ts): what a Python user writes.

pandas.read_csv, then per column the MI with the target from a 2-D histogram: numeric columns
binned by numpy.histogram_bin_edges(x, 10), labels by their codes (pd.factorize), the target's
classes in unit bins; rows with a missing cell left out per pair. Prints JSON like the CLI's.
Run with Debian's python (pandas 1.5): /usr/bin/python3 bench/peers/cli_rank.py FILE TARGET
"""
import json
import sys

import numpy as np
import pandas as pd


def mi_table(t):
    n = t.sum()
    p = t / n
    r = p.sum(1, keepdims=True)
    c = p.sum(0, keepdims=True)
    nz = p > 0
    return float((p[nz] * np.log(p[nz] / (r @ c)[nz])).sum())


def axis(s):
    if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
        x = s.to_numpy(dtype=float)
        return x, np.histogram_bin_edges(x[np.isfinite(x)], 10)
    codes, uniques = pd.factorize(s)
    x = np.where(codes < 0, np.nan, codes).astype(float)
    return x, np.arange(len(uniques) + 1, dtype=float)


def main(path, target):
    df = pd.read_csv(path)
    y, ey = axis(df[target])
    out = []
    for name in df.columns:
        if name == target:
            continue
        x, ex = axis(df[name])
        keep = np.isfinite(x) & np.isfinite(y)
        t, _, _ = np.histogram2d(x[keep], y[keep], bins=[ex, ey])
        out.append({"column": name, "mi": mi_table(t), "rows": int(keep.sum())})
    out.sort(key=lambda r: -r["mi"])
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
