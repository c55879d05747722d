#!/usr/bin/env python3
"""NumPy/SciPy peers of the infowasm benchmark workloads (BENCH.md), for `npm run bench -- --peers`.

Generates inputs of the same sizes and distributions as bench/workloads/*.ts (not the same
random numbers: NumPy's generator, seed fixed), times what a NumPy/SciPy user would call, and
prints one JSON object: {"python", "numpy", "scipy", "workloads": [{"id", "call", "seconds",
"elements"}]} with the median seconds per call over repeats (inputs built outside the timing).

Usage: python3 bench/peers/numpy_peers.py [--ids W1,W4] [--time 0.5]
"""
import json
import sys

from peer_runner import Peers

try:
    import numpy as np
    import scipy
    from scipy import integrate, special, stats
    from scipy.spatial import cKDTree, distance
except ImportError as exc:  # the TS side prints the message and skips the NumPy peers
    print(json.dumps({"skipped": f"numpy/scipy not importable: {exc}"}))
    sys.exit(0)


def hist_mi(x, y):
    # plug-in MI of the 64x64 histogram, as infowasm.histogramMutualInformation
    c, _, _ = np.histogram2d(x, y, bins=64, range=[[-5, 5], [-5, 5]])
    n = c.sum()
    r = c.sum(axis=1, keepdims=True)
    s = c.sum(axis=0, keepdims=True)
    nz = c > 0
    return float(np.sum(c[nz] / n * np.log(c[nz] * n / (r @ s)[nz])))


def main():
    rng = np.random.default_rng(2026)
    peers = Peers(0.5, prefix_ids=True)
    add = peers.add

    # W1/W2: rows of positive weights in (0, 1], as bench/workloads/discrete.ts
    add("W1", "scipy.stats.entropy(P, axis=1)", 1e6,
        lambda: (1.0 - rng.random((1000, 1000)),), lambda P: stats.entropy(P, axis=1))
    add("W2", "scipy.stats.entropy(P, Q, axis=1)", 1e6,
        lambda: (1.0 - rng.random((1000, 1000)), 1.0 - rng.random((1000, 1000))),
        lambda P, Q: stats.entropy(P, Q, axis=1))
    add("W2-js", "scipy.spatial.distance.jensenshannon(P, Q, axis=1)**2", 1e6,
        lambda: (1.0 - rng.random((1000, 1000)), 1.0 - rng.random((1000, 1000))),
        lambda P, Q: distance.jensenshannon(P, Q, axis=1) ** 2)
    add("W3-f64", "scipy.stats.entropy(x)", 1e7, lambda: (1.0 - rng.random(10**7),), lambda x: stats.entropy(x))
    add("W3-f32", "scipy.stats.entropy(x) (float32 x)", 1e7,
        lambda: ((1.0 - rng.random(10**7)).astype(np.float32),), lambda x: stats.entropy(x))
    # W4: correlated Gaussian pairs (rho = 0.6), 64x64 bins on [-5, 5]^2
    def pairs():
        u = rng.standard_normal(10**6)
        v = rng.standard_normal(10**6)
        return (u, 0.6 * u + 0.8 * v)
    add("W4", "np.histogram2d(x, y, 64, range) + plug-in MI", 1e6, pairs, hist_mi)
    add("W5", "scipy.integrate.trapezoid(y, dx=1e-7)", 1e7,
        lambda: (1.0 - rng.random(10**7),), lambda y: integrate.trapezoid(y, dx=1e-7))
    # W6: float32 logits 3*N(0,1), 4096x1000, uniform labels
    def logits():
        z = (3.0 * rng.standard_normal((4096, 1000))).astype(np.float32)
        return (z, rng.integers(0, 1000, 4096))
    add("W6", "mean(scipy.special.logsumexp(z, axis=1) - z[i, label])", 4096 * 1000, logits,
        lambda z, y: float(np.mean(special.logsumexp(z, axis=1) - z[np.arange(z.shape[0]), y])))

    # W9: Hellinger and Rényi (alpha = 2) row by row, hand-vectorised NumPy (SciPy has neither)
    def w9():
        return (1.0 - rng.random((1000, 1000)), 1.0 - rng.random((1000, 1000)))

    def hellinger_rows(P, Q):
        Pn = P / P.sum(1, keepdims=True)
        Qn = Q / Q.sum(1, keepdims=True)
        return np.sqrt(0.5 * ((np.sqrt(Pn) - np.sqrt(Qn)) ** 2).sum(1))

    def renyi2_rows(P, Q):
        Pn = P / P.sum(1, keepdims=True)
        Qn = Q / Q.sum(1, keepdims=True)
        return np.log((Pn ** 2 / Qn).sum(1))

    add("W9-hellinger", "np.sqrt(0.5*((np.sqrt(P/Ps)-np.sqrt(Q/Qs))**2).sum(1))", 1e6, w9, hellinger_rows)
    add("W9-renyi2", "np.log(((P/Ps)**2/(Q/Qs)).sum(1))", 1e6, w9, renyi2_rows)
    # CH1: Blahut-Arimoto on a random 64x64 channel, 1000 iterations (the vectorised loop users write)
    def blahut_arimoto(W):
        p = np.full(W.shape[0], 1.0 / W.shape[0])
        logW = np.where(W > 0, np.log(np.where(W > 0, W, 1.0)), 0.0)
        for _ in range(1000):
            q = p @ W
            D = np.sum(W * (logW - np.log(q)), axis=1)
            e = p * np.exp(D - D.max())
            p = e / e.sum()
        return p

    def channel():
        W = 1.0 - rng.random((64, 64))
        return (W / W.sum(axis=1, keepdims=True),)
    add("CH1", "Blahut-Arimoto in NumPy (p @ W, row sums of W log(W/q)), 1000 iterations", 64 * 64 * 1000, channel, blahut_arimoto)

    # W11 / W11-bins / TEM1: plug-in transfer entropy k = l = lag = 1 as users write it in NumPy:
    # the state (y_t, y_{t-1}, x_{t-1}) combined into one code by arithmetic, np.bincount, Σ c ln c
    def te_codes(x, y, m):
        yt, yp, xp = y[1:], y[:-1], x[:-1]
        n = yt.size
        c3 = np.bincount((yp * m + yt) * m + xp, minlength=m ** 3).reshape(m, m, m)
        S = lambda c: float(np.sum(c[c > 0] * np.log(c[c > 0])))
        return (S(c3) + S(c3.sum(axis=(1, 2))) - S(c3.sum(axis=2)) - S(c3.sum(axis=1))) / n

    def te_binary():
        x = rng.integers(0, 2, 10**7, dtype=np.int32)
        y = np.empty_like(x)
        y[0] = 0
        y[1:] = np.where(rng.random(10**7 - 1) < 0.1, 1 - x[:-1], x[:-1])
        return (x, y)
    add("W11", "bincount of (y_p*2 + y_t)*2 + x_p, plug-in TE", 1e7, te_binary, lambda x, y: te_codes(x, y, 2))

    def binned(v, bins):
        edges = np.histogram_bin_edges(v, bins)
        return np.minimum(np.searchsorted(edges, v, side="right") - 1, bins - 1)

    def te_real():
        x = rng.standard_normal(10**6)
        y = np.empty_like(x)
        y[0] = 0
        y[1:] = 0.6 * x[:-1] + 0.8 * rng.standard_normal(10**6 - 1)
        return (x, y)
    add("W11-bins", "histogram_bin_edges + searchsorted (8 bins), bincount, plug-in TE", 1e6, te_real,
        lambda x, y: te_codes(binned(x, 8), binned(y, 8), 8))

    def tem1():
        S = [rng.integers(0, 2, 10**5)]
        for _ in range(63):
            keep = rng.random(10**5) < 0.8
            s = rng.integers(0, 2, 10**5)
            s[1:] = np.where(keep[1:], S[-1][:-1], s[1:])
            S.append(s)
        return (np.stack(S),)

    def te_matrix(S):
        d = S.shape[0]
        M = np.zeros((d, d))
        for i in range(d):
            for j in range(d):
                if i != j:
                    M[i, j] = te_codes(S[i], S[j], 2)
        return M
    # TEK1: kNN transfer entropy (Frenzel-Pompe, K = 4, k = l = 1) on cKDTree, as the Python TE packages build it
    def te_knn(x, y, K=4):
        yt, yp, xp = y[1:, None], y[:-1, None], x[:-1, None]
        J = np.hstack([yt, xp, yp])
        eps = cKDTree(J).query(J, k=K + 1, p=np.inf)[0][:, K]
        r = np.nextafter(eps, 0)
        count = lambda S: cKDTree(S).query_ball_point(S, r, p=np.inf, return_length=True) - 1
        return special.digamma(K) - np.mean(special.digamma(count(np.hstack([yt, yp])) + 1) + special.digamma(count(np.hstack([xp, yp])) + 1) - special.digamma(count(yp) + 1))

    def coupled_ar():
        x = rng.standard_normal(10**4)
        z = rng.standard_normal(10**4)
        y = np.zeros(10**4)
        for t in range(1, 10**4):
            y[t] = 0.5 * y[t - 1] + x[t - 1] + z[t]
        return (x, y)
    add("TEK1", "Frenzel-Pompe TE on scipy.spatial.cKDTree (query p=inf, query_ball_point return_length)", 1e4, coupled_ar, te_knn)
    add("TEM1", "loop over the 4032 pairs of the W11 NumPy TE", 64 * 1e5, tem1, te_matrix)
    # W12: sample entropy as users write it in NumPy: the templates as a sliding_window_view, a
    # Python loop over i with a vectorised Chebyshev distance to the later templates. O(n^2): one
    # call of 1e5 points lasts tens of seconds, and is timed once (peer_runner: a warm-up call that
    # alone spends the budget is the result).
    def sampen_numpy(x, m=2):
        r = 0.2 * np.std(x)
        n = len(x)
        tm = np.lib.stride_tricks.sliding_window_view(x, m + 1)[: n - m]
        B = A = 0
        for i in range(n - m - 1):
            d = np.abs(tm[i + 1 :, :m] - tm[i, :m]).max(axis=1)
            close = d <= r
            B += int(close.sum())
            A += int((close & (np.abs(tm[i + 1 :, m] - tm[i, m]) <= r)).sum())
        return -np.log(A / B)
    # only when W12 itself is asked for (the id prefix rule would run it for W1 too)
    if peers.ids is None or "W12" in peers.ids:
        add("W12", "Python loop over i, np.abs(tm[i+1:] - tm[i]).max(1) <= r (sliding_window_view templates)", 1e5,
            lambda: (rng.standard_normal(10**5),), sampen_numpy)
    # CX1: permutation entropy: argsort of the sliding windows, pattern codes, np.unique
    def perm_numpy(x, order):
        pat = np.argsort(np.lib.stride_tricks.sliding_window_view(x, order), axis=1, kind="stable")
        codes = (pat * order ** np.arange(order)).sum(axis=1)
        _, c = np.unique(codes, return_counts=True)
        p = c / c.sum()
        return float(-(p * np.log(p)).sum())
    add("CX1", "np.unique of argsort(sliding_window_view(x, 3)) codes", 1e7,
        lambda: (rng.standard_normal(10**7),), lambda x: perm_numpy(x, 3))
    add("CX1-order6", "np.unique of argsort(sliding_window_view(x, 6)) codes", 1e7,
        lambda: (rng.standard_normal(10**7),), lambda x: perm_numpy(x, 6))

    peers.emit(numpy=np.__version__, scipy=scipy.__version__)


if __name__ == "__main__":
    main()
