#!/usr/bin/env python3
"""Independent reference values for infowasm's kNN transfer entropy and active information storage
(API.md "Time series": method "knn"; src/dynamics-knn.ts).

Run:   python3 test/reference/dynamics_knn.py                                (prints the values)
       python3 test/reference/dynamics_knn.py --emit-ts test/reference/dynamics-knn.ts

Needs NumPy and SciPy (1.17 here). Every series is drawn here from a fixed seed and embedded in the
generated module, so the TypeScript tests and these references see the same doubles.

Sources of the values
---------------------
1. scipy.spatial.cKDTree, written from the definitions in API.md (not from our TS code):
   * the embedding, t = t0 ... n-1 with t0 = max(k, lag + l - 1):
       present y_t, target past (y_{t-1}, ..., y_{t-k}), source past (x_{t-lag}, ..., x_{t-lag-l+1});
   * Frenzel & Pompe 2007 (PRL 99, 204101) with the max-norm in every space:
       eps_i = the K-th neighbour distance (self excluded) in (y_t, x_past, y_past) by
       cKDTree.query(..., k=K+1, p=inf); r_i = nextafter(eps_i, 0) ("strictly closer");
       n_S = #{j != i : ||S_j - S_i||_inf <= r_i} by cKDTree.query_ball_point(..., p=inf,
       return_length=True) - 1 in the subspaces S = (y_t, y_past), (x_past, y_past), y_past;
       TE = psi(K) - <psi(n_{y,yp} + 1) + psi(n_{xp,yp} + 1) - psi(n_yp + 1)>  (nats);
   * active information storage = KSG algorithm 1 (Kraskov et al. 2004, eq. 8) of x_t against
     (x_{t-1}, ..., x_{t-k}): psi(K) + psi(N) - <psi(n_x + 1) + psi(n_y + 1)>, the same counting rule.
2. Closed forms of linear Gaussian processes (Barnett, Barrett & Seth 2009, PRL 103, 238701: for
   Gaussian variables transfer entropy is half the Granger log variance ratio):
   * x iid N(0, 1), y_t = a y_{t-1} + c x_{t-1} + s e_t: y is Markov given its own past and x_{t-1}
     is independent of that past, so Var(y_t | y_{t-1}) = c^2 + s^2 and Var(y_t | y_{t-1}, x_{t-1})
     = s^2: T_{X->Y} = 1/2 ln(1 + c^2/s^2) for any k >= 1 (l = lag = 1); T_{Y->X} = 0;
   * AR(1) x_t = phi x_{t-1} + e_t: A_X = I(x_t; x_{t-1}) = -1/2 ln(1 - phi^2) for any k >= 1.
   These are limits: the tests compare the estimate on a long series within a tolerance.
"""
import sys

import numpy as np
from scipy.spatial import cKDTree
from scipy.special import digamma

sys.path.insert(0, __import__("os").path.dirname(__file__))
from tslit import ts, ts_header  # noqa: E402


def delay(s, t0, frm, width):
    n = len(s)
    return np.column_stack([s[t0 - frm - c : n - frm - c] for c in range(width)])


def counts_within(S, r):
    tree = cKDTree(S)
    return np.array([tree.query_ball_point(S[i], r[i], p=np.inf, return_length=True) - 1 for i in range(len(S))])


def radii(J, K):
    d, _ = cKDTree(J).query(J, k=K + 1, p=np.inf)
    eps = d[:, K]
    return np.where(eps > 0, np.nextafter(eps, 0), 0.0)


def te_knn(x, y, k, l, lag, K):
    t0 = max(k, lag + l - 1)
    yt, yp, xp = delay(y, t0, 0, 1), delay(y, t0, 1, k), delay(x, t0, lag, l)
    r = radii(np.hstack([yt, xp, yp]), K)
    n1 = counts_within(np.hstack([yt, yp]), r)
    n2 = counts_within(np.hstack([xp, yp]), r)
    n3 = counts_within(yp, r)
    return float(digamma(K) - np.mean(digamma(n1 + 1) + digamma(n2 + 1) - digamma(n3 + 1)))


def ais_knn(x, k, K):
    xt, xp = delay(x, k, 0, 1), delay(x, k, 1, k)
    N = len(xt)
    r = radii(np.hstack([xt, xp]), K)
    nx = counts_within(xt, r)
    ny = counts_within(xp, r)
    return float(digamma(K) + digamma(N) - np.mean(digamma(nx + 1) + digamma(ny + 1)))


def coupled(n, a, c, s, seed):
    g = np.random.default_rng(seed)
    x = g.standard_normal(n)
    e = g.standard_normal(n)
    y = np.zeros(n)
    for t in range(1, n):
        y[t] = a * y[t - 1] + c * x[t - 1] + s * e[t]
    return x, y


def ar1(n, phi, seed):
    g = np.random.default_rng(seed)
    e = g.standard_normal(n)
    x = np.zeros(n)
    for t in range(1, n):
        x[t] = phi * x[t - 1] + e[t]
    return x


def main():
    cases = []
    x, y = coupled(300, 0.5, 0.8, 0.6, 11)
    for (k, l, lag, K) in [(1, 1, 1, 4), (2, 1, 1, 4), (1, 2, 3, 3), (3, 2, 2, 5)]:
        cases.append({"name": f"coupled AR k={k} l={l} lag={lag} K={K}", "source": "x", "k": k, "l": l, "lag": lag, "neighbors": K,
                      "te": te_knn(x, y, k, l, lag, K), "reverse": te_knn(y, x, k, l, lag, K)})
    w = ar1(250, 0.7, 12)
    ais = [{"k": k, "neighbors": K, "ais": ais_knn(w, k, K)} for (k, K) in [(1, 4), (2, 3), (4, 4)]]
    a, c, s = 0.5, 1.0, 1.0
    closed = {"a": a, "c": c, "s": s, "te": 0.5 * np.log(1 + c * c / (s * s)), "phi": 0.8, "ais": -0.5 * np.log(1 - 0.64)}
    if "--emit-ts" in sys.argv:
        path = sys.argv[sys.argv.index("--emit-ts") + 1]
        with open(path, "w") as f:
            ts_header(f, "dynamics_knn.py", path, "Frenzel-Pompe TE and KSG AIS by scipy.spatial.cKDTree (max-norm), and Gaussian closed forms; see the script's docstring.")
            f.write(f"export const coupledX = new Float64Array({ts([float(v) for v in x])});\n")
            f.write(f"export const coupledY = new Float64Array({ts([float(v) for v in y])});\n")
            f.write(f"export const ar1Series = new Float64Array({ts([float(v) for v in w])});\n")
            f.write("export const teCases: { name: string; k: number; l: number; lag: number; neighbors: number; te: number; reverse: number }[] = [\n")
            for cse in cases:
                f.write(f"  {ts({key: v for key, v in cse.items() if key != 'source'})},\n")
            f.write("];\n")
            f.write(f"export const aisCases: {{ k: number; neighbors: number; ais: number }}[] = {ts(ais)};\n")
            f.write(f"export const closedForms = {ts({k: float(v) for k, v in closed.items()})};\n")
    else:
        for cse in cases:
            print(cse["name"], cse["te"], cse["reverse"])
        print(ais)
        print(closed)


if __name__ == "__main__":
    main()
