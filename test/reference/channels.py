#!/usr/bin/env python3
"""Independent reference values for infowasm's channels and codes families (API.md "Channels, codes
and Fisher information").

Run:   python3 test/reference/channels.py                      (checks the cross-references, prints a summary)
       python3 test/reference/channels.py --emit-ts test/reference/channels.ts

Needs NumPy, SciPy and mpmath. Every input is drawn here from a fixed NumPy seed and embedded in the
generated module, so the TypeScript tests and these references see the same doubles.

Sources of the values (written from the papers, not from our TypeScript):
1. Channel capacity: Blahut-Arimoto (Blahut 1972 Theorem 2, Arimoto 1972) in mpmath at 40 digits,
   from the uniform input, p_x <- p_x exp(D(W_x||pW)) / sum, stopped when the gap
   max_x D(W_x||q) - log sum_x p_x exp(D_x) < 1e-25; cross-checked against a direct maximisation of
   I(p) over the simplex with scipy.optimize.minimize (SLSQP) in float64 (agreement 1e-9).
2. Rate-distortion points: Blahut 1972 section IV in mpmath at 40 digits: q(xh|x) ~ q(xh) exp(-beta d),
   q(xh) <- sum_x p(x) q(xh|x), to a bound gap < 1e-25; R = I(X; Xh), D = E d of the final
   conditional. Cross-checked: for each point, R(D) from scipy.optimize (minimise I subject to
   E d <= D, SLSQP over the conditional) agrees to 1e-6.
3. Information bottleneck: I(X;Y) and H(X) of random joint tables by numpy (sums of p ln p).
4. Huffman: the expected length of a Huffman code built with heapq (every optimal prefix code has
   the same expected length, whatever the tie-breaking), and the entropy in bits.
5. Fisher information: E[(d/dtheta ln f)^2] (the outer product of the score for vectors) summed
   or integrated numerically with scipy.stats pmfs/pdfs and scipy.integrate.quad, not the closed forms.
"""
import heapq
import os
import sys

import mpmath as mp
import numpy as np
from scipy import integrate, optimize, stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tslit import ts_const, ts_header  # noqa: E402

mp.mp.dps = 40


def ba_capacity(W):
    """Blahut-Arimoto in mpmath: (capacity in nats, input distribution)."""
    W = [[mp.mpf(float(v)) for v in row] for row in W]
    nx, ny = len(W), len(W[0])
    p = [mp.mpf(1) / nx] * nx
    for _ in range(200000):
        q = [mp.fsum(p[x] * W[x][y] for x in range(nx)) for y in range(ny)]
        D = [mp.fsum(W[x][y] * mp.log(W[x][y] / q[y]) for y in range(ny) if W[x][y] > 0) for x in range(nx)]
        dmax = max(D)
        e = [p[x] * mp.exp(D[x] - dmax) for x in range(nx)]
        S = mp.fsum(e)
        gap = -mp.log(S)
        p = [v / S for v in e]
        if gap < mp.mpf("1e-25"):
            return dmax - gap, p
    raise RuntimeError("BA did not converge")


def mutual_info(p, W):
    q = p @ W
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(W > 0, W * np.log(W / q), 0.0)
    return float(p @ t.sum(axis=1))


def slsqp_capacity(W):
    nx = W.shape[0]
    best = -1
    for start in [np.full(nx, 1 / nx)] + [np.random.default_rng(s).dirichlet(np.ones(nx)) for s in range(5)]:
        r = optimize.minimize(lambda p: -mutual_info(np.clip(p, 0, None) / np.clip(p, 0, None).sum(), W), start,
                              method="SLSQP", bounds=[(0, 1)] * nx,
                              constraints=[{"type": "eq", "fun": lambda p: p.sum() - 1}], options={"ftol": 1e-15, "maxiter": 1000})
        best = max(best, -r.fun)
    return best


def ba_rd(p, d, beta):
    """Blahut's rate-distortion iteration in mpmath: (R nats, D)."""
    p = [mp.mpf(float(v)) for v in p]
    nx, nh = len(d), len(d[0])
    A = [[mp.exp(-beta * mp.mpf(float(d[x][h]))) for h in range(nh)] for x in range(nx)]
    q = [mp.mpf(1) / nh] * nh
    for _ in range(400000):
        Z = [mp.fsum(q[h] * A[x][h] for h in range(nh)) for x in range(nx)]
        c = [mp.fsum(p[x] * A[x][h] / Z[x] for x in range(nx)) for h in range(nh)]
        lnc = [mp.log(v) for v in c]
        gap = max(lnc) - mp.fsum(q[h] * c[h] * lnc[h] for h in range(nh))
        if gap < mp.mpf("1e-25"):
            cond = [[q[h] * A[x][h] / Z[x] for h in range(nh)] for x in range(nx)]
            qn = [q[h] * c[h] for h in range(nh)]
            D = mp.fsum(p[x] * cond[x][h] * d[x][h] for x in range(nx) for h in range(nh))
            R = mp.fsum(p[x] * cond[x][h] * mp.log(cond[x][h] / qn[h]) for x in range(nx) for h in range(nh) if cond[x][h] > 0)
            return R, D
        q = [q[h] * c[h] for h in range(nh)]
    raise RuntimeError("RD did not converge")


def rd_slsqp(p, d, D):
    """min I(X;Xh) over conditionals with E d <= D (SLSQP): an independent check of R(D)."""
    p = np.asarray(p)
    d = np.asarray(d)
    nx, nh = d.shape

    def cond(v):
        c = np.clip(v.reshape(nx, nh), 1e-300, None)
        return c / c.sum(axis=1, keepdims=True)

    def rate(v):
        c = cond(v)
        q = p @ c
        return float(np.sum(p[:, None] * c * np.log(c / q)))

    best = np.inf
    for s in range(4):
        start = np.random.default_rng(s).dirichlet(np.ones(nh), size=nx).ravel()
        r = optimize.minimize(rate, start, method="SLSQP", bounds=[(1e-12, 1)] * (nx * nh),
                              constraints=[{"type": "ineq", "fun": lambda v: D - float(np.sum(p[:, None] * cond(v) * d))}],
                              options={"ftol": 1e-14, "maxiter": 2000})
        best = min(best, r.fun)
    return best


def huffman_length(p):
    p = [v for v in p if v > 0]
    if len(p) == 1:
        return 0.0
    h = [(v, i) for i, v in enumerate(p)]
    heapq.heapify(h)
    total = 0.0
    k = len(p)
    while len(h) > 1:
        a = heapq.heappop(h)
        b = heapq.heappop(h)
        total += a[0] + b[0]  # every merge adds its weight once to the expected length
        heapq.heappush(h, (a[0] + b[0], k))
        k += 1
    return total / sum(p)


def fisher_values():
    out = []
    for p in [0.1, 0.37, 0.5]:
        # E[(d/dp ln f)^2], f(1) = p, f(0) = 1 - p
        out.append({"family": "bernoulli", "params": {"p": p}, "value": p * (1 / p) ** 2 + (1 - p) * (1 / (1 - p)) ** 2})
    for n, p in [(10, 0.3), (3, 0.8)]:
        k = np.arange(n + 1)
        score = k / p - (n - k) / (1 - p)
        out.append({"family": "binomial", "params": {"n": n, "p": p}, "value": float(np.sum(stats.binom.pmf(k, n, p) * score ** 2))})
    for lam in [0.5, 4.0]:
        k = np.arange(200)
        score = k / lam - 1
        out.append({"family": "poisson", "params": {"lambda": lam}, "value": float(np.sum(stats.poisson.pmf(k, lam) * score ** 2))})
    for lam in [0.5, 3.0]:
        v, _ = integrate.quad(lambda x: stats.expon.pdf(x, scale=1 / lam) * (1 / lam - x) ** 2, 0, np.inf, epsabs=1e-14, epsrel=1e-13)
        out.append({"family": "exponential", "params": {"lambda": lam}, "value": v})
    for mu, s in [(0.0, 1.0), (1.5, 0.7)]:
        f = lambda x: stats.norm.pdf(x, mu, s)  # noqa: E731
        sm = lambda x: (x - mu) / s ** 2  # noqa: E731
        ss = lambda x: -1 / s + (x - mu) ** 2 / s ** 3  # noqa: E731
        m = [[integrate.quad(lambda x: f(x) * a(x) * b(x), -np.inf, np.inf, epsabs=1e-14, epsrel=1e-13)[0] for b in (sm, ss)] for a in (sm, ss)]
        out.append({"family": "normal", "params": {"mu": mu, "sigma": s}, "matrix": [v for row in m for v in row]})
    for p in [[0.2, 0.3, 0.5], [0.1, 0.15, 0.25, 0.5]]:
        K = len(p)
        # theta = (p_1 .. p_{K-1}), p_K = 1 - sum: score of category j
        m = np.zeros((K - 1, K - 1))
        for j in range(K):
            s = np.zeros(K - 1)
            if j < K - 1:
                s[j] = 1 / p[j]
            else:
                s[:] = -1 / p[K - 1]
            m += p[j] * np.outer(s, s)
        out.append({"family": "categorical", "params": {"p": p}, "matrix": [float(v) for v in m.ravel()]})
    return out


def main():
    out = sys.argv[sys.argv.index("--emit-ts") + 1] if "--emit-ts" in sys.argv else None
    rng = np.random.default_rng(20261207)

    channels = []
    for nx, ny in [(3, 3), (4, 5), (5, 3), (2, 4), (6, 6)]:
        W = rng.dirichlet(np.ones(ny) * 0.8, size=nx)
        W = W / W.sum(axis=1, keepdims=True)
        C, p = ba_capacity(W.tolist())
        C2 = slsqp_capacity(W)
        assert abs(float(C) - C2) < 1e-9, (float(C), C2)
        channels.append({"W": [float(v) for v in W.ravel()], "rows": nx, "cols": ny, "capacity": float(C), "input": [float(v) for v in p]})

    rd = []
    for nx, nh in [(3, 3), (4, 2)]:
        p = rng.dirichlet(np.ones(nx))
        d = rng.uniform(0, 2, size=(nx, nh))
        for beta in [0.7, 2.0, 5.0]:
            R, D = ba_rd(p.tolist(), d.tolist(), mp.mpf(beta))
            R2 = rd_slsqp(p, d, float(D))
            assert abs(float(R) - R2) < 1e-6, (float(R), R2)
            rd.append({"p": [float(v) for v in p], "d": [float(v) for v in d.ravel()], "rows": nx, "cols": nh, "beta": beta, "rate": float(R), "distortion": float(D)})

    ib = []
    for nx, ny in [(4, 3), (5, 4), (3, 5)]:
        t = rng.uniform(0, 1, size=(nx, ny))
        t[rng.uniform(size=t.shape) < 0.15] = 0
        P = t / t.sum()
        px = P.sum(axis=1)
        py = P.sum(axis=0)
        mask = P > 0
        mi = float(np.sum(P[mask] * np.log(P[mask] / np.outer(px, py)[mask])))
        hx = float(-np.sum(px[px > 0] * np.log(px[px > 0])))
        ib.append({"table": [float(v) for v in t.ravel()], "rows": nx, "cols": ny, "mi": mi, "hx": hx})

    huff = []
    for n in [2, 3, 5, 8, 13, 30]:
        w = rng.uniform(0, 1, size=n) ** 2
        H = float(-np.sum((w / w.sum()) * np.log2(w / w.sum())))
        huff.append({"p": [float(v) for v in w], "length": huffman_length(list(w)), "entropy": H})

    fisher = fisher_values()
    print(f"{len(channels)} channels (mpmath BA = SLSQP within 1e-9), {len(rd)} RD points (= SLSQP within 1e-6), {len(ib)} IB tables, {len(huff)} Huffman, {len(fisher)} Fisher")

    if out:
        with open(out, "w") as f:
            ts_header(f, "channels.py", out, f"mpmath {mp.__version__} Blahut-Arimoto (checked against scipy {__import__('scipy').__version__} SLSQP), numpy {np.__version__} sums, heapq Huffman, scipy.stats/quad Fisher information.")
            ts_const(f, "capacityCases: { W: number[]; rows: number; cols: number; capacity: number; input: number[] }[]", channels)
            ts_const(f, "rdCases: { p: number[]; d: number[]; rows: number; cols: number; beta: number; rate: number; distortion: number }[]", rd)
            ts_const(f, "ibCases: { table: number[]; rows: number; cols: number; mi: number; hx: number }[]", ib)
            ts_const(f, "huffmanCases: { p: number[]; length: number; entropy: number }[]", huff)
            f.write("export type FisherCase = { family: string; params: Record<string, number | number[]>; value?: number; matrix?: number[] };\n")
            ts_const(f, "fisherCases: FisherCase[]", fisher)


if __name__ == "__main__":
    main()
