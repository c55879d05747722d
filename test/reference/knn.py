#!/usr/bin/env python3
"""Independent reference values for infowasm's kNN family (API.md "Samples of continuous variables").

Run:   /usr/bin/python3 test/reference/knn.py                       (checks every cross-reference, prints a summary)
       /usr/bin/python3 test/reference/knn.py --emit-ts test/reference/knn.ts

Needs /usr/bin/python3 with scikit-learn 1.2.1 (Debian python3-sklearn), NumPy, SciPy, and Rscript with
FNN (Debian r-cran-fnn, FNN 1.1.3.1). Every data set is drawn here from a fixed seed and embedded in the
generated module, so the TypeScript tests and these references see the same doubles.

Sources of the values
---------------------
1. brute force (this file, O(n^2) NumPy, written from knn-spec.md / API.md, not from our TS code):
   * distances: max-norm = max_c fl(|a_c - b_c|); Euclidean = sqrt(sum_c (a_c - b_c)^2), summed in
     dimension order;
   * eps_i = the k-th smallest distance from row i to the OTHER rows (self excluded once, duplicates
     count as others);
   * "strictly closer": r_i = numpy.nextafter(eps_i, 0) (0 when eps_i = 0), count = #{j != i : d(i, j) <= r_i};
   * KSG algorithm 1 (Kraskov, Stoegbauer, Grassberger 2004, eq. 8):
         psi(k) + psi(n) - <psi(n_x + 1)> - <psi(n_y + 1)>;
   * KSG algorithm 2 (eq. 9): psi(k) - 1/k + psi(n) - <psi(n_x)> - <psi(n_y)>, the k nearest joint
     neighbours by a stable argsort of the joint distances (equal distances: lower row first),
     eps_x(i) = the largest x-distance among them, n_x = #{j != i : d_x(i, j) <= eps_x(i)};
   * Frenzel-Pompe CMI: psi(k) - <psi(n_xz + 1) + psi(n_yz + 1) - psi(n_z + 1)>, eps from (x, y, z);
   * Kozachenko-Leonenko: psi(n) - psi(k) + log V_d + (d/n) sum log eps_i, V_d = pi^(d/2)/Gamma(d/2+1)
     (Euclidean) or 2^d (max-norm);
   * Wang-Kulkarni-Verdu 2009: (d/n) sum log(nu_k(i)/rho_k(i)) + log(m/(n-1)), Euclidean;
   * Ross 2014 (as sklearn's _compute_mi_cd), for the feature scores.
2. scikit-learn 1.2.1 (sklearn/feature_selection/_mutual_info.py):
   * _compute_mi_cc(x, y, k) itself (clipped at 0), and sk_mi_cc_raw below: the same statements
     (NearestNeighbors(metric="chebyshev").kneighbors, nextafter(., 0), KDTree(metric="chebyshev")
     .query_radius(count_only=True) - 1, digamma) without the final max(0, .); the same calls on
     multi-column x and y give a second, tree-based value for KSG algorithm 1 in any dimension, and
     the same machinery (KDTree chebyshev counts in the (x,z), (y,z), z subspaces) for Frenzel-Pompe;
   * _compute_mi_cd(c, d, k) (clipped);
   * mutual_info_regression / mutual_info_classif with random_state=NoNoise(0), a numpy RandomState
     subclass whose standard_normal(size) returns zeros (sklearn.utils.check_random_state returns a
     RandomState instance unchanged, checked below), i.e. scikit-learn's own pipeline with its noise
     term 1e-10 * max(1, mean|x|) * N(0,1) removed; checked equal to the formula by hand
     (scale(with_mean=False), then _compute_mi / mutual_info_score per column).
3. R FNN 1.1.3.1 (source: cran/FNN R/KNN.information.measures.R, src/KNN_mutual_information.cpp,
   src/KNN_ANN.cpp; the bodies printed in R agree):
   * FNN::entropy(X, k)[k] = digamma(n) - digamma(k) + p/2 log(pi) - lgamma(p/2+1) + p * mean(log eps)
     with eps the Euclidean k-th neighbour distance (C KNN_MLD_kd: mean of log(squared distance)/2)
     = our Euclidean Kozachenko-Leonenko exactly (up to rounding).
   * FNN::mutinfo(X, Y, k) (direct=TRUE, C mdmutinfo) = digamma(n) + digamma(k) - mean(digamma(nx) +
     digamma(ny)) where nx counts ALL j (self included) with max-norm x-distance < eps (strict), i.e.
     nx_FNN = n_x + 1 when eps_i > 0: = our KSG algorithm 1 whenever no eps_i is 0 (with eps_i = 0 FNN
     counts nothing and returns -Inf/NaN; such cases carry no FNN value).
   * FNN::KL.divergence(X, Y, k)[k] = log(m/n) + p * (mean log nu_k - mean log rho_k) (R code, via
     knnx.dist / knn.dist), and FNN::KLx.divergence(X, Y, k)[k] (C KL_divergence) is the same formula
     (log(m/n) too, in squared distances / 2). Both differ from Wang-Kulkarni-Verdu's log(m/(n-1)):
     ours = FNN + log(n/(n-1)); the tables store FNN's values with that correction applied.
   * FNN has no max-norm entropy, no KSG algorithm 2 and no CMI: those cite the brute force only
     (and, for algorithm 1 / CMI, the sklearn-tree value).
4. Identities checked here (not tabled separately): CMI with a constant z equals KSG algorithm 1
   (n_z = n - 1, n_xz = n_x, n_yz = n_y).
5. Where sklearn and the spec part (found here, tabled with sklearnRounding: true): sklearn's _compute_mi_cd
   fits NearestNeighbors() per class with algorithm "auto", which is "brute" when n_neighbors >= count // 2
   (sklearn/neighbors/_base.py), i.e. for every class of 2 or 3 samples and for classes of at most 2k + 1;
   brute Euclidean distances come from the GEMM form sqrt(|a|^2 - 2ab + |b|^2), not |a - b|, so a radius can
   land an ulp above the true k-th distance and nextafter(radius, 0) then still counts that neighbour. Those
   rows carry sklearn's value AND the spec's exact-rule brute force; knn.py asserts sklearn == the brute force
   run with sklearn's own radii (brute_ross(sk_radii=True)), which explains the difference completely.
   Also: y of mutual_info_regression is scaled as a 1-D array, so _handle_zeros_in_scale takes its scalar
   branch and replaces only a std of exactly 0 by 1; a std in (0, 10 eps) still divides y (the < 10 eps rule is
   for the columns of X only). Case reg-tinystd-y-n30.
   Also: ties in a continuous column are not scale invariant in floating point (|a/s - b/s| can round
   differently from |c/s - d/s| when |a - b| = |c - d|), so every sklearn value here is of the scaled data,
   exactly as mutual_info_* computes it.
"""
import math
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import scipy
import sklearn
from scipy.special import digamma, gammaln
from sklearn.feature_selection import mutual_info_classif, mutual_info_regression
from sklearn.feature_selection._mutual_info import _compute_mi, _compute_mi_cc, _compute_mi_cd
from sklearn.metrics.cluster import mutual_info_score
from sklearn.neighbors import KDTree, NearestNeighbors
from sklearn.preprocessing import scale
from sklearn.utils import check_random_state

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tslit import ts_const, ts_header  # noqa: E402

assert sklearn.__version__ == "1.2.1", sklearn.__version__


# ---------------------------------------------------------------------------------------------
# brute force (O(n^2)), from the spec
# ---------------------------------------------------------------------------------------------

def as2d(a):
    a = np.asarray(a, dtype=np.float64)
    return a.reshape(-1, 1) if a.ndim == 1 else a


def dist_max(a, b):
    """max_c fl(|a_c - b_c|), all pairs (rows of a × rows of b)."""
    a, b = as2d(a), as2d(b)
    D = np.zeros((a.shape[0], b.shape[0]))
    for c in range(a.shape[1]):
        D = np.maximum(D, np.abs(a[:, c][:, None] - b[:, c][None, :]))
    return D


def dist_euclid(a, b):
    """sqrt(sum_c (a_c - b_c)^2), the sum in dimension order."""
    a, b = as2d(a), as2d(b)
    S = np.zeros((a.shape[0], b.shape[0]))
    for c in range(a.shape[1]):
        t = a[:, c][:, None] - b[:, c][None, :]
        S = S + t * t
    return np.sqrt(S)


def no_self(D):
    D = D.copy()
    np.fill_diagonal(D, np.inf)
    return D


def kth_other(D, k):
    """k-th smallest distance to the other rows (D square, self excluded once)."""
    return np.sort(no_self(D), axis=1)[:, k - 1]


def count_within(D, r):
    """#{j != i : D[i, j] <= r_i}."""
    return np.sum(no_self(D) <= r[:, None], axis=1)


def below(eps):
    return np.nextafter(eps, 0)


def brute_ksg(x, y, k, algorithm):
    x, y = as2d(x), as2d(y)
    n = x.shape[0]
    Dx, Dy = dist_max(x, x), dist_max(y, y)
    Dj = np.maximum(Dx, Dy)
    if algorithm == 1:
        r = below(kth_other(Dj, k))
        nx, ny = count_within(Dx, r), count_within(Dy, r)
        return float(digamma(k) + digamma(n) - np.mean(digamma(nx + 1)) - np.mean(digamma(ny + 1)))
    order = np.argsort(no_self(Dj), axis=1, kind="stable")[:, :k]  # ties: lower row first
    rows = np.arange(n)[:, None]
    ex = Dx[rows, order].max(axis=1)
    ey = Dy[rows, order].max(axis=1)
    nx, ny = count_within(Dx, ex), count_within(Dy, ey)
    return float(digamma(k) - 1.0 / k + digamma(n) - np.mean(digamma(nx)) - np.mean(digamma(ny)))


def ksg_has_zero_eps(x, y, k):
    Dj = np.maximum(dist_max(x, x), dist_max(y, y))
    return bool(np.any(kth_other(Dj, k) == 0))


def brute_cmi(x, y, z, k):
    x, y, z = as2d(x), as2d(y), as2d(z)
    n = x.shape[0]
    Dx, Dy, Dz = dist_max(x, x), dist_max(y, y), dist_max(z, z)
    r = below(kth_other(np.maximum(np.maximum(Dx, Dy), Dz), k))
    nxz = count_within(np.maximum(Dx, Dz), r)
    nyz = count_within(np.maximum(Dy, Dz), r)
    nz = count_within(Dz, r)
    return float(digamma(k) - np.mean(digamma(nxz + 1) + digamma(nyz + 1) - digamma(nz + 1)))


def log_unit_ball(d, metric):
    return d * math.log(2.0) if metric == "max" else (d / 2) * math.log(math.pi) - float(gammaln(d / 2 + 1))


def brute_entropy_eps(x, k, metric):
    x = as2d(x)
    D = dist_max(x, x) if metric == "max" else dist_euclid(x, x)
    return kth_other(D, k)


def brute_entropy(x, k, metric):
    x = as2d(x)
    n, d = x.shape
    eps = brute_entropy_eps(x, k, metric)
    assert np.all(eps > 0)
    return float(digamma(n) - digamma(k) + log_unit_ball(d, metric) + (d / n) * np.sum(np.log(eps)))


def brute_kl_parts(x, y, k):
    x, y = as2d(x), as2d(y)
    rho = kth_other(dist_euclid(x, x), k)
    nu = np.sort(dist_euclid(x, y), axis=1)[:, k - 1]
    return rho, nu


def brute_kl(x, y, k):
    x, y = as2d(x), as2d(y)
    n, d = x.shape
    m = y.shape[0]
    rho, nu = brute_kl_parts(x, y, k)
    assert np.all(rho > 0) and np.all(nu > 0)
    return float((d / n) * np.sum(np.log(nu / rho)) + math.log(m / (n - 1)))


def sklearn_brute_class(count, k):
    """True when sklearn 1.2.1's _compute_mi_cd finds a class's neighbours with NearestNeighbors(algorithm
    "auto") -> "brute" (sklearn/neighbors/_base.py: n_neighbors >= n_samples // 2), i.e. with the GEMM form
    sqrt(|a|^2 - 2ab + |b|^2) of the Euclidean distance, which is not |a - b| to the last bit."""
    return count > 1 and min(k, count - 1) >= count // 2


def brute_ross(c, labels, k, sk_radii=False):
    """Ross 2014 as sklearn's _compute_mi_cd: per class k_c = min(k, count-1), one-sample classes dropped,
    eps_i = k_c-th nearest other value of i's class, m_i = #{j kept : |c_j - c_i| <= nextafter(eps_i, 0)}
    (i included); psi(n) + <psi(k_c)> - <psi(count)> - <psi(m_i)> over the kept samples, clipped at 0.
    sk_radii: take eps_i from sklearn's NearestNeighbors().kneighbors() instead (to explain the rows where
    sklearn's brute-force Euclidean rounding changes the counts)."""
    c = np.asarray(c, dtype=np.float64)
    labels = np.asarray(labels)
    n = c.size
    keep = np.zeros(n, dtype=bool)
    kk = np.zeros(n)
    cnt = np.zeros(n)
    eps = np.zeros(n)
    for lab in np.unique(labels):
        idx = np.nonzero(labels == lab)[0]
        cnt[idx] = idx.size
        if idx.size > 1:
            kc = min(k, idx.size - 1)
            keep[idx] = True
            kk[idx] = kc
            if sk_radii:
                eps[idx] = NearestNeighbors(n_neighbors=kc).fit(c[idx].reshape(-1, 1)).kneighbors()[0][:, -1]
            else:
                eps[idx] = kth_other(dist_max(c[idx], c[idx]), kc)
    if not np.any(keep):
        return 0.0
    ck = c[keep]
    r = below(eps[keep])
    D = dist_max(ck, ck)
    m = np.sum(D <= r[:, None], axis=1)  # i itself included (D[i, i] = 0 <= r_i)
    nk = int(keep.sum())
    mi = digamma(nk) + np.mean(digamma(kk[keep])) - np.mean(digamma(cnt[keep])) - np.mean(digamma(m))
    return float(max(0.0, mi))


# ---------------------------------------------------------------------------------------------
# scikit-learn's machinery
# ---------------------------------------------------------------------------------------------

def sk_mi_cc_raw(x, y, n_neighbors):
    """sklearn 1.2.1 _compute_mi_cc statement by statement, without the final max(0, mi); x, y may have
    several columns (the same NearestNeighbors / KDTree calls on the 2-D arrays)."""
    x, y = as2d(x), as2d(y)
    n_samples = x.shape[0]
    xy = np.hstack((x, y))
    nn = NearestNeighbors(metric="chebyshev", n_neighbors=n_neighbors)
    nn.fit(xy)
    radius = nn.kneighbors()[0]
    radius = np.nextafter(radius[:, -1], 0)
    kd = KDTree(x, metric="chebyshev")
    nx = kd.query_radius(x, radius, count_only=True, return_distance=False)
    nx = np.array(nx) - 1.0
    kd = KDTree(y, metric="chebyshev")
    ny = kd.query_radius(y, radius, count_only=True, return_distance=False)
    ny = np.array(ny) - 1.0
    return float(digamma(n_samples) + digamma(n_neighbors) - np.mean(digamma(nx + 1)) - np.mean(digamma(ny + 1)))


def sk_cmi_trees(x, y, z, k):
    """Frenzel-Pompe with sklearn's trees: NearestNeighbors(chebyshev) radius in (x,y,z), KDTree(chebyshev)
    counts in (x,z), (y,z), z, as _compute_mi_cc counts its marginals."""
    x, y, z = as2d(x), as2d(y), as2d(z)
    nn = NearestNeighbors(metric="chebyshev", n_neighbors=k).fit(np.hstack((x, y, z)))
    r = np.nextafter(nn.kneighbors()[0][:, -1], 0)

    def cnt(a):
        return np.array(KDTree(a, metric="chebyshev").query_radius(a, r, count_only=True)) - 1.0

    nxz, nyz, nz = cnt(np.hstack((x, z))), cnt(np.hstack((y, z))), cnt(z)
    return float(digamma(k) - np.mean(digamma(nxz + 1) + digamma(nyz + 1) - digamma(nz + 1)))


def sk_entropy_trees(x, k, metric):
    x = as2d(x)
    n, d = x.shape
    nn = NearestNeighbors(metric="chebyshev" if metric == "max" else "euclidean", n_neighbors=k).fit(x)
    eps = nn.kneighbors()[0][:, -1]
    return float(digamma(n) - digamma(k) + log_unit_ball(d, metric) + (d / n) * np.sum(np.log(eps)))


def sk_kl_trees(x, y, k):
    x, y = as2d(x), as2d(y)
    n, d = x.shape
    m = y.shape[0]
    rho = NearestNeighbors(n_neighbors=k).fit(x).kneighbors()[0][:, -1]
    nu = NearestNeighbors(n_neighbors=k).fit(y).kneighbors(x)[0][:, -1]
    return float((d / n) * np.sum(np.log(nu / rho)) + math.log(m / (n - 1)))


class NoNoise(np.random.RandomState):
    """A RandomState whose standard_normal is all zeros: sklearn's _estimate_mi then adds exactly 0."""

    def standard_normal(self, size=None, *args, **kwargs):
        return np.zeros(size)


_rs = NoNoise(0)
assert check_random_state(_rs) is _rs  # accepted unchanged (isinstance RandomState)


def sk_regression(X, y, k, discrete):
    return [float(v) for v in mutual_info_regression(X, y, discrete_features=discrete, n_neighbors=k, random_state=NoNoise(0))]


def sk_classif(X, labels, k, discrete):
    return [float(v) for v in mutual_info_classif(X, labels, discrete_features=discrete, n_neighbors=k, random_state=NoNoise(0))]


def mask_of(discrete, cols):
    if isinstance(discrete, bool):
        return np.full(cols, discrete)
    a = np.asarray(discrete)
    if a.dtype == bool:
        return a
    m = np.zeros(cols, dtype=bool)
    m[a] = True
    return m


def by_hand_features(X, target, k, discrete, discrete_target):
    """_estimate_mi without noise, written out: scale(with_mean=False) of the continuous columns (and of y
    for regression), then _compute_mi per column (sklearn's _compute_mi_cc/_compute_mi_cd/mutual_info_score)."""
    X = np.array(X, dtype=np.float64)
    cols = X.shape[1]
    mask = mask_of(discrete, cols)
    if np.any(~mask):
        X[:, ~mask] = scale(X[:, ~mask], with_mean=False, copy=False)
    t = np.asarray(target)
    if not discrete_target:
        t = scale(np.asarray(t, dtype=np.float64), with_mean=False)
    return [float(_compute_mi(X[:, c], t, bool(mask[c]), discrete_target, k)) for c in range(cols)]


def brute_features(X, target, k, discrete, discrete_target, sk_radii=False):
    """The same with our brute-force KSG/Ross; the scaling is NumPy's std (ddof 0). Also returns whether a
    Ross column has a class on sklearn's brute-force path (sklearn_brute_class)."""
    X = np.array(X, dtype=np.float64)
    cols = X.shape[1]
    mask = mask_of(discrete, cols)

    def sc(v):
        s = np.std(v)
        return v / (1.0 if s < 10 * np.finfo(np.float64).eps else s)

    t = np.asarray(target)
    if not discrete_target:
        # y is scaled as a 1-D array: scale() gets a NumPy scalar std, and _handle_zeros_in_scale's scalar branch
        # replaces only an exact 0 by 1 (the < 10 eps rule is its array branch, used for the columns of X)
        t = np.asarray(t, dtype=np.float64)
        sy = np.std(t)
        t = t / (1.0 if sy == 0 else sy)
    out = []
    small = False

    def classes_small(lab):
        _, counts = np.unique(np.asarray(lab), return_counts=True)
        return any(sklearn_brute_class(int(u), k) for u in counts)

    for c in range(cols):
        x = X[:, c] if mask[c] else sc(X[:, c])
        if mask[c] and discrete_target:
            out.append(float(mutual_info_score(x, t)))
        elif mask[c]:
            small = small or classes_small(x)
            out.append(brute_ross(t, x, k, sk_radii))
        elif discrete_target:
            small = small or classes_small(t)
            out.append(brute_ross(x, t, k, sk_radii))
        else:
            out.append(max(0.0, brute_ksg(x, t, k, 1)))
    return out, small


# ---------------------------------------------------------------------------------------------
# R FNN
# ---------------------------------------------------------------------------------------------

class FnnBatch:
    """Collects FNN calls, runs them in one Rscript, returns the k-th element of each result."""

    def __init__(self):
        self.jobs = []
        self.dir = tempfile.mkdtemp(prefix="knn-fnn-")

    def _file(self, a):
        p = os.path.join(self.dir, f"m{len(os.listdir(self.dir))}.txt")
        np.savetxt(p, as2d(a), fmt="%.17g")
        return p

    def add(self, fn, k, X, Y=None):
        self.jobs.append((fn, k, self._file(X), self._file(Y) if Y is not None else ""))
        return len(self.jobs) - 1

    def run(self):
        lines = ["suppressMessages(library(FNN))", "rd <- function(p) as.matrix(read.table(p, colClasses='numeric'))"]
        for i, (fn, k, fx, fy) in enumerate(self.jobs):
            if fn == "entropy":
                call = f"entropy(rd('{fx}'), k = {k})[{k}]"
            elif fn == "mutinfo":
                call = f"suppressWarnings(mutinfo(rd('{fx}'), rd('{fy}'), k = {k}))"
            elif fn == "KL.divergence":
                call = f"KL.divergence(rd('{fx}'), rd('{fy}'), k = {k})[{k}]"
            elif fn == "KLx.divergence":
                call = f"KLx.divergence(rd('{fx}'), rd('{fy}'), k = {k})[{k}]"
            else:
                raise ValueError(fn)
            lines.append(f"cat({i}, sprintf('%.17g', {call}), '\\n')")
        script = os.path.join(self.dir, "run.R")
        with open(script, "w") as f:
            f.write("\n".join(lines) + "\n")
        try:
            out = subprocess.run(["Rscript", script], check=True, capture_output=True, text=True).stdout
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
        vals = {}
        for line in out.splitlines():
            i, v = line.split()
            vals[int(i)] = float(v)
        return vals


# ---------------------------------------------------------------------------------------------
# data (fixed seeds)
# ---------------------------------------------------------------------------------------------

def gauss_pair(seed, n, dx, dy, rho):
    """x ~ N(0, I_dx); y_j = rho * x_(j mod dx) + sqrt(1 - rho^2) * e_j."""
    g = np.random.default_rng(seed)
    x = g.standard_normal((n, dx))
    e = g.standard_normal((n, dy))
    y = np.stack([rho * x[:, j % dx] + math.sqrt(1 - rho * rho) * e[:, j] for j in range(dy)], axis=1)
    return x, y


def q10(a):
    """Every value to 10 significant digits (short literals in the TS module); applied to each data set
    before anything is computed from it, so the embedded doubles are exactly the ones used here."""
    a = np.asarray(a, dtype=np.float64)
    return np.vectorize(lambda v: float(f"{v:.10g}"), otypes=[np.float64])(a) if a.size else a


def flat(a):
    a = as2d(a)
    return {"cols": int(a.shape[1]), "data": [float(v) for v in a.reshape(-1)]}


def pair_sets():
    """(name, note, x, y) for KSG: Gaussians with dx, dy in {1, 2, 3}, and tied / duplicated / dependent data."""
    out = []
    dims = [(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (3, 1), (3, 2), (3, 3)]
    sizes = [50, 80, 60, 100, 150, 40, 120, 70, 200]
    for s, ((dx, dy), n) in enumerate(zip(dims, sizes)):
        x, y = gauss_pair(100 + s, n, dx, dy, 0.6)
        out.append((f"gauss{dx}{dy}-n{n}", f"Gaussian rho 0.6, seed {100 + s}", x, y))
    x, y = gauss_pair(120, 5, 1, 1, 0.5)
    out.append(("gauss11-n5", "Gaussian rho 0.5, n = 5, seed 120", x, y))
    x, y = gauss_pair(121, 300, 1, 1, 0.9)
    out.append(("gauss11-n300", "Gaussian rho 0.9, seed 121", x, y))
    x, y = gauss_pair(122, 1000, 1, 1, 0.7)
    out.append(("gauss11-n1000", "Gaussian rho 0.7, seed 122", x, y))
    x, y = gauss_pair(123, 1000, 2, 1, 0.5)
    out.append(("gauss21-n1000", "Gaussian rho 0.5, dx = 2, seed 123", x, y))
    g = np.random.default_rng(130)
    xi = g.integers(0, 5, 100).astype(float)
    yi = xi + g.integers(0, 3, 100)
    out.append(("int11-n100", "integers: x in 0..4, y = x + 0..2 (heavy ties, eps = 0 rows), seed 130", xi, yi))
    g = np.random.default_rng(131)
    xi = g.integers(0, 4, (60, 2)).astype(float)
    yi = (xi[:, :1] + g.integers(0, 2, (60, 1))).astype(float)
    out.append(("int21-n60", "integers: 2-D x in 0..3, y = x_0 + 0..1, seed 131", xi, yi))
    x, y = gauss_pair(132, 30, 1, 1, 0.8)
    out.append(("rep11-n90", "30 Gaussian rows (rho 0.8) each repeated 3 times, seed 132", np.repeat(x, 3, axis=0), np.repeat(y, 3, axis=0)))
    x, y = gauss_pair(133, 25, 2, 2, 0.8)
    idx = np.random.default_rng(134).integers(0, 25, 75)
    out.append(("rep22-n75", "75 rows drawn with replacement from 25 Gaussian rows (2-D, 2-D), seeds 133/134", x[idx], y[idx]))
    x, y = gauss_pair(135, 150, 1, 1, 0.7)
    out.append(("round11-n150", "Gaussian rho 0.7 rounded to 1 decimal (ties in float differences), seed 135", np.round(x, 1), np.round(y, 1)))
    g = np.random.default_rng(136)
    x = g.uniform(-2, 2, 200)
    out.append(("cube11-n200", "y = x^3 + 1e-3 noise (strongly dependent), seed 136", x, x ** 3 + 1e-3 * g.standard_normal(200)))
    g = np.random.default_rng(137)
    x = g.standard_normal(120)
    out.append(("ident11-n120", "y = x exactly, seed 137", x, x.copy()))
    g = np.random.default_rng(138)
    x = g.standard_normal((90, 1))
    out.append(("mixed11-n90", "x Gaussian, y in 0..2 from sign/size of x (ties in y only), seed 138",
                x, (x > 0).astype(float) + (np.abs(x) > 1).astype(float)))
    return out


def triple_sets():
    """(name, note, x, y, z) for Frenzel-Pompe."""
    out = []
    specs = [((1, 1, 1), 100), ((1, 1, 2), 90), ((1, 2, 1), 80), ((2, 1, 1), 60), ((2, 2, 2), 50), ((1, 1, 3), 70)]
    for s, ((dx, dy, dz), n) in enumerate(specs):
        g = np.random.default_rng(200 + s)
        z = g.standard_normal((n, dz))
        x = z[:, [j % dz for j in range(dx)]] + 0.7 * g.standard_normal((n, dx))
        y = z[:, [j % dz for j in range(dy)]] + 0.7 * g.standard_normal((n, dy)) + 0.3 * x[:, [j % dx for j in range(dy)]]
        out.append((f"cmi{dx}{dy}{dz}-n{n}", f"x, y = z + noise, y also 0.3 x, seed {200 + s}", x, y, z))
    g = np.random.default_rng(210)
    z = g.standard_normal(400)
    out.append(("cmi111-n400", "x = z + e, y = z + e' (conditionally independent), seed 210", z + g.standard_normal(400), z + g.standard_normal(400), z))
    g = np.random.default_rng(211)
    z = g.integers(0, 3, 80).astype(float)
    x = z + g.integers(0, 2, 80)
    out.append(("cmiint-n80", "integers: z in 0..2, x = z + 0..1, y = x + 0..1 (ties, eps = 0 rows), seed 211", x, x + g.integers(0, 2, 80), z))
    g = np.random.default_rng(212)
    base = g.standard_normal((20, 3))
    idx = np.repeat(np.arange(20), 3)
    out.append(("cmirep-n60", "20 Gaussian rows each repeated 3 times, seed 212", base[idx, 0] + base[idx, 2], base[idx, 1] + base[idx, 2], base[idx, 2]))
    x, y = gauss_pair(213, 100, 1, 1, 0.6)
    out.append(("cmiconst-n100", "z constant 0: CMI = KSG algorithm 1 (checked against sklearn here), seed 213", x, y, np.zeros(100)))
    return out


def single_sets():
    """(name, note, x) for Kozachenko-Leonenko."""
    out = []
    for s, (d, n) in enumerate([(1, 50), (2, 100), (3, 200), (1, 7), (2, 300)]):
        g = np.random.default_rng(300 + s)
        out.append((f"norm{d}-n{n}", f"N(0, I_{d}), seed {300 + s}", g.standard_normal((n, d))))
    g = np.random.default_rng(305)
    out.append(("unif2-n150", "uniform on [0, 2] x [0, 3], seed 305", g.uniform(0, 1, (150, 2)) * np.array([2.0, 3.0])))
    g = np.random.default_rng(306)
    out.append(("norm1-n500", "N(0, 1), seed 306", g.standard_normal((500, 1))))
    g = np.random.default_rng(307)
    A = np.array([[1.0, 0.0, 0.0], [0.8, 0.6, 0.0], [0.2, 0.3, 0.9]])
    out.append(("corr3-n1000", "correlated N(0, A A^T), 3-D, seed 307", g.standard_normal((1000, 3)) @ A.T))
    g = np.random.default_rng(308)
    out.append(("rep2x2-n80", "40 Gaussian rows each twice (eps = 0 for k = 1), seed 308", np.repeat(g.standard_normal((40, 2)), 2, axis=0)))
    g = np.random.default_rng(309)
    out.append(("round2-n120", "N(0, I_2) rounded to 1 decimal, seed 309", np.round(g.standard_normal((120, 2)), 1)))
    g = np.random.default_rng(310)
    out.append(("int1-n40", "integers 0..9 (eps = 0 where k + 1 copies), seed 310", g.integers(0, 10, (40, 1)).astype(float)))
    return out


def kl_sets():
    """(name, note, x, y) for Wang-Kulkarni-Verdu."""
    out = []
    for s, (d, n, m) in enumerate([(1, 50, 70), (2, 100, 80), (3, 200, 150), (1, 5, 3), (2, 40, 40)]):
        g = np.random.default_rng(400 + s)
        x = g.standard_normal((n, d))
        y = 0.5 + 1.5 * g.standard_normal((m, d))
        out.append((f"kl{d}-n{n}-m{m}", f"x ~ N(0, I), y ~ N(0.5, 1.5^2 I), seed {400 + s}", x, y))
    g = np.random.default_rng(405)
    out.append(("kl3-n400-m300", "x ~ N(0, I_3), y ~ uniform[-2, 2]^3, seed 405", g.standard_normal((400, 3)), g.uniform(-2, 2, (300, 3))))
    g = np.random.default_rng(406)
    out.append(("klround1-n60-m50", "rounded to 1 decimal (ties; zero rho/nu rows for small k), seed 406",
                np.round(g.standard_normal((60, 1)), 1), np.round(0.3 + g.standard_normal((50, 1)), 1)))
    g = np.random.default_rng(407)
    x = g.standard_normal((30, 2))
    out.append(("klshared-n30-m20", "y = 20 rows of x (nu = 0 for those rows)", x, x[:20].copy()))
    return out


def feature_sets_regression():
    """(name, note, X, y, discrete variants)."""
    out = []
    g = np.random.default_rng(500)
    x = g.standard_normal(100)
    out.append(("vec-n100", "X one column (vector), y = x + 0.5 e, seed 500", x, x + 0.5 * g.standard_normal(100), [False, True]))
    g = np.random.default_rng(501)
    n = 200
    c0 = g.standard_normal(n)
    c1 = g.integers(0, 4, n).astype(float)
    c2 = g.integers(0, 6, n).astype(float)
    c3 = g.standard_normal(n)
    y = np.sin(2 * c0) + 0.3 * c1 + 0.1 * c2 + 0.3 * g.standard_normal(n)
    X = np.stack([c0, c1, c2, c3], axis=1)
    out.append(("mixed4-n200", "col 0 Gaussian, 1 integers 0..3, 2 integers 0..5, 3 noise; y = sin(2 c0) + 0.3 c1 + 0.1 c2 + e, seed 501",
                X, y, [False, [1], [1, 2], [False, True, False, False]]))
    g = np.random.default_rng(502)
    Xi = g.integers(0, 5, (150, 3)).astype(float)
    out.append(("int3-n150", "integer columns 0..4, y = X_0 + X_1^2/4 + e, seed 502", Xi, Xi[:, 0] + Xi[:, 1] ** 2 / 4 + 0.5 * g.standard_normal(150), [False, True, [0, 2]]))
    g = np.random.default_rng(503)
    B = g.standard_normal((40, 3))
    yb = B[:, 0] - B[:, 1] + 0.2 * g.standard_normal(40)
    out.append(("rep3-n120", "40 Gaussian rows (X and y) each repeated 3 times: joint eps = 0 for k < 3, seed 503",
                np.repeat(B, 3, axis=0), np.repeat(yb, 3), [False]))
    g = np.random.default_rng(504)
    X = g.standard_normal((1000, 3))
    out.append(("gauss3-n1000", "y = X_0 + X_1^2 + e, X_2 independent, seed 504", X, X[:, 0] + X[:, 1] ** 2 + 0.5 * g.standard_normal(1000), [False]))
    g = np.random.default_rng(508)
    v = np.repeat(np.arange(20), 3).astype(float)
    g.shuffle(v)
    X = np.stack([v, g.standard_normal(60)], axis=1)
    out.append(("triples-n60", "column 0 discrete, 20 values x 3 samples (sklearn's brute-force path, docstring 5), seed 508",
                X, 0.2 * v + g.standard_normal(60), [[0]]))
    g = np.random.default_rng(1)
    x = np.round(g.standard_normal(30), 2)
    out.append(("tinystd-y-n30", "y = 1 + a few ulps (0 < std(y) < 10 eps: sklearn still divides y by it), x rounded to 2 decimals, seed 1",
                x, 1 + g.integers(0, 4, 30) * 2.0 ** -52 + (x > 0) * 2.0 ** -51, [False]))
    g = np.random.default_rng(505)
    X = np.stack([g.standard_normal(60), np.full(60, 3.0)], axis=1)
    out.append(("const-n60", "column 1 constant (std 0 -> 1), seed 505", X, X[:, 0] + g.standard_normal(60), [False, [1]]))
    g = np.random.default_rng(506)
    X = g.standard_normal((5, 2))
    out.append(("tiny-n5", "n = 5, seed 506", X, X[:, 0] + g.standard_normal(5), [False]))
    g = np.random.default_rng(507)
    X = np.round(g.standard_normal((150, 2)), 1)
    out.append(("round2-n150", "rounded to 1 decimal (ties after scaling), y rounded too, seed 507", X, np.round(X[:, 0] + g.standard_normal(150), 1), [False]))
    return out


def feature_sets_classif():
    out = []
    g = np.random.default_rng(600)
    x = g.standard_normal(100)
    out.append(("vec-n100", "X one column (vector), labels 0..2 by x + noise, seed 600", x, np.digitize(x + 0.5 * g.standard_normal(100), [-0.5, 0.5]), [False]))
    g = np.random.default_rng(601)
    n = 200
    lab = g.integers(0, 3, n)
    c0 = lab + g.standard_normal(n)
    c1 = np.where(g.uniform(size=n) < 0.7, lab, g.integers(0, 3, n)).astype(float)
    c2 = g.integers(0, 5, n).astype(float) + (lab == 2)
    c3 = g.standard_normal(n)
    X = np.stack([c0, c1, c2, c3], axis=1)
    out.append(("mixed4-n200", "col 0 = label + N(0,1), 1 = label 70% of the time, 2 integers 0..5, 3 noise, seed 601",
                X, lab, [False, [1], [1, 2], [False, True, True, False]]))
    g = np.random.default_rng(602)
    x = g.standard_normal(50)
    lab = np.concatenate([np.zeros(40, int), np.ones(7, int), [2, 2], [3]])
    g.shuffle(lab)
    out.append(("small-classes-n50", "classes of 40, 7, 2 and 1 samples (k cut to count - 1; the singleton dropped), seed 602",
                (x + lab).reshape(-1, 1), lab, [False]))
    g = np.random.default_rng(608)
    lab = np.repeat(np.arange(20), 3)
    g.shuffle(lab)
    out.append(("triples-n60", "20 classes of 3 samples (sklearn finds their neighbours by brute force: see docstring 5), seed 608",
                g.standard_normal(60) + 0.3 * lab, lab, [False]))
    g = np.random.default_rng(603)
    lab = g.choice(np.array(["a", "b", "c"]), 60)
    X = np.stack([(lab == "a") + g.standard_normal(60), g.standard_normal(60)], axis=1)
    out.append(("strings-n60", "string labels a/b/c, seed 603", X, lab, [False]))
    g = np.random.default_rng(604)
    Xi = g.integers(0, 4, (150, 3)).astype(float)
    lab = (Xi[:, 0] + g.integers(0, 2, 150)) % 3
    out.append(("int3-n150", "integer columns 0..3, labels (X_0 + 0..1) mod 3, seed 604", Xi, lab.astype(int), [False, True, [0]]))
    g = np.random.default_rng(605)
    X = g.standard_normal((500, 3))
    lab = np.digitize(X[:, 0] + 0.5 * X[:, 1] ** 2 + 0.5 * g.standard_normal(500), [-1, 0, 1])
    out.append(("gauss3-n500", "4 classes from X_0 + X_1^2/2 + e, seed 605", X, lab, [False]))
    g = np.random.default_rng(606)
    B = g.standard_normal((30, 2))
    lb = g.integers(0, 2, 30)
    out.append(("rep2-n90", "30 rows (X, label) each repeated 3 times (eps = 0 within a class for k < 3), seed 606",
                np.repeat(B + lb[:, None], 3, axis=0), np.repeat(lb, 3), [False]))
    g = np.random.default_rng(607)
    x = np.round(g.standard_normal(120), 1)
    out.append(("round1-n120", "x rounded to 1 decimal (ties after scaling), 2 classes, seed 607", x, (x + g.standard_normal(120) > 0).astype(int), [False]))
    return out


# ---------------------------------------------------------------------------------------------
# tables
# ---------------------------------------------------------------------------------------------

def rel_close(a, b, rel=1e-12, abs_=1e-13):
    return a == b or abs(a - b) <= rel * max(abs(a), abs(b)) + abs_


def ts_discrete(v):
    if isinstance(v, bool):
        return v
    return [bool(u) if isinstance(u, (bool, np.bool_)) else int(u) for u in v]


def sk_discrete(v):
    if isinstance(v, bool):
        return v
    if len(v) > 0 and isinstance(v[0], bool):
        return np.array(v, dtype=bool)
    return list(v)


def feature_row(data, k, disc, v, brute_features, Xm, target, discrete_target):
    """A feature-score row: sklearn's values, the brute force (spec rule), and sklearnRounding when they differ -
    which is allowed only where sklearn finds a small class's neighbours by brute force (sklearn_brute_class) and
    must then be explained by sklearn's own radii (brute_features(sk_radii=True) == sklearn)."""
    b, small = brute_features(Xm, target, k, sk_discrete(disc), discrete_target)
    row = {"data": data, "k": k, "discreteFeatures": ts_discrete(disc), "sklearn": v, "brute": b}
    if not all(rel_close(p, q) for p, q in zip(v, b)):
        assert small, (data, disc, k, v, b)
        e, _ = brute_features(Xm, target, k, sk_discrete(disc), discrete_target, sk_radii=True)
        assert all(rel_close(p, q) for p, q in zip(v, e)), (data, disc, k, v, e)
        row["sklearnRounding"] = True
    return row


def build():
    fnn = FnnBatch()
    data = []  # { name, note, x, y?, z? }
    ksg, cmi, ent, ent_zero, kl, kl_zero = [], [], [], [], [], []
    pending_fnn = []  # (table row, key, job id, correction)

    # KSG
    for name, note, x, y in pair_sets():
        x, y = as2d(q10(x)), as2d(q10(y))
        n = x.shape[0]
        data.append({"name": name, "note": note, "n": n, "x": flat(x), "y": flat(y)})
        for k in sorted({1, 3, 5, 4 if n == 5 else 1} | ({10} if n >= 300 else set())):
            if k > n - 1:
                continue
            zero = ksg_has_zero_eps(x, y, k)
            for alg in (1, 2):
                b = brute_ksg(x, y, k, alg)
                row = {"data": name, "k": k, "algorithm": alg, "brute": b}
                if alg == 1:
                    raw = sk_mi_cc_raw(x, y, k)
                    assert rel_close(raw, b), (name, k, raw, b)
                    row["sklearnTrees"] = raw
                    if x.shape[1] == 1 and y.shape[1] == 1:
                        clipped = float(_compute_mi_cc(x.ravel(), y.ravel(), k))
                        assert clipped == max(0.0, raw), (name, k, clipped, raw)
                        row["sklearnRaw"] = raw
                        row["sklearnClipped"] = clipped
                    if not zero:
                        pending_fnn.append((row, "fnn", fnn.add("mutinfo", k, x, y), 0.0))
                row["zeroEps"] = zero
                ksg.append(row)

    # Frenzel-Pompe
    for name, note, x, y, z in triple_sets():
        x, y, z = as2d(q10(x)), as2d(q10(y)), as2d(q10(z))
        n = x.shape[0]
        data.append({"name": name, "note": note, "n": n, "x": flat(x), "y": flat(y), "z": flat(z)})
        for k in (1, 3, 5) + ((10,) if n >= 400 else ()):
            b = brute_cmi(x, y, z, k)
            t = sk_cmi_trees(x, y, z, k)
            assert rel_close(b, t), (name, k, b, t)
            row = {"data": name, "k": k, "brute": b, "sklearnTrees": t}
            if name.startswith("cmiconst"):
                a1 = brute_ksg(x, y, k, 1)
                raw = sk_mi_cc_raw(x, y, k)
                assert rel_close(b, a1) and rel_close(b, raw), (name, k, b, a1, raw)
                row["sklearnRaw"] = raw
            cmi.append(row)

    # Kozachenko-Leonenko
    for name, note, x in single_sets():
        x = as2d(q10(x))
        n = x.shape[0]
        data.append({"name": name, "note": note, "n": n, "x": flat(x)})
        for k in (1, 2, 3, 5, 10):
            if k > n - 1:
                continue
            for metric in ("euclidean", "max"):
                eps = brute_entropy_eps(x, k, metric)
                if np.any(eps == 0):
                    ent_zero.append({"data": name, "k": k, "metric": metric, "row": int(np.nonzero(eps == 0)[0][0])})
                    continue
                b = brute_entropy(x, k, metric)
                t = sk_entropy_trees(x, k, metric)
                assert rel_close(b, t), (name, k, metric, b, t)
                row = {"data": name, "k": k, "metric": metric, "brute": b, "sklearnTrees": t}
                if metric == "euclidean":
                    pending_fnn.append((row, "fnn", fnn.add("entropy", k, x), 0.0))
                ent.append(row)

    # Wang-Kulkarni-Verdu
    for name, note, x, y in kl_sets():
        x, y = as2d(q10(x)), as2d(q10(y))
        n, m = x.shape[0], y.shape[0]
        data.append({"name": name, "note": note, "n": n, "x": flat(x), "y": flat(y)})
        for k in (1, 2, 3, 5):
            if k > n - 1 or k > m:
                continue
            rho, nu = brute_kl_parts(x, y, k)
            bad = np.nonzero((rho == 0) | (nu == 0))[0]
            if bad.size:
                i = int(bad[0])
                kl_zero.append({"data": name, "k": k, "row": i, "which": "rho" if rho[i] == 0 else "nu"})
                continue
            b = brute_kl(x, y, k)
            t = sk_kl_trees(x, y, k)
            assert rel_close(b, t), (name, k, b, t)
            row = {"data": name, "k": k, "brute": b, "sklearnTrees": t}
            corr = math.log(n / (n - 1))
            pending_fnn.append((row, "fnnCorrected", fnn.add("KL.divergence", k, x, y), corr))
            pending_fnn.append((row, "fnnKLxCorrected", fnn.add("KLx.divergence", k, x, y), corr))
            kl.append(row)

    vals = fnn.run()
    for row, key, job, corr in pending_fnn:
        v = vals[job]
        assert math.isfinite(v), (row, key, v)
        row[key] = v + corr
        assert rel_close(row[key], row["brute"], 1e-11, 1e-12), (row, key)

    # scikit-learn's feature scores
    reg, cls, cd = [], [], []
    fdata = []
    for name, note, X, y, variants in feature_sets_regression():
        X, y = q10(X), (y if name.startswith("tinystd") else q10(y))  # (10 digits would round tinystd's ulps away)
        Xm = as2d(X)
        fdata.append({"name": "reg-" + name, "note": note, "n": Xm.shape[0], "vector": np.ndim(X) == 1, "X": flat(Xm), "y": [float(v) for v in y]})
        for disc in variants:
            for k in (1, 3, 5):
                if k > Xm.shape[0] - 1:
                    continue
                dm = mask_of(sk_discrete(disc), Xm.shape[1])
                if not np.all(Xm[:, dm] == np.round(Xm[:, dm])):
                    continue  # discrete columns hold integers (API.md)
                v = sk_regression(X if np.ndim(X) == 2 else X.reshape(-1, 1), y, k, sk_discrete(disc))
                h = by_hand_features(Xm, y, k, sk_discrete(disc), False)
                assert v == h, (name, disc, k, v, h)
                reg.append(feature_row("reg-" + name, k, disc, v, brute_features, Xm, y, False))
    for name, note, X, lab, variants in feature_sets_classif():
        X = q10(X)
        Xm = as2d(X)
        fdata.append({"name": "cls-" + name, "note": note, "n": Xm.shape[0], "vector": np.ndim(X) == 1, "X": flat(Xm),
                      "labels": [str(v) if isinstance(v, str) else int(v) for v in lab.tolist()]})
        for disc in variants:
            for k in (1, 3, 5):
                dm = mask_of(sk_discrete(disc), Xm.shape[1])
                if not np.all(Xm[:, dm] == np.round(Xm[:, dm])):
                    continue  # discrete columns hold integers (API.md)
                v = sk_classif(X if np.ndim(X) == 2 else X.reshape(-1, 1), lab, k, sk_discrete(disc))
                h = by_hand_features(Xm, lab, k, sk_discrete(disc), True)
                assert v == h, (name, disc, k, v, h)
                cls.append(feature_row("cls-" + name, k, disc, v, brute_features, Xm, lab, True))
        # _compute_mi_cd on each continuous column scaled as mutual_info_classif scales it
        # (scale(column, with_mean=False); a tied column's counts depend on that rounding, so not on the raw column)
        for k in (1, 3, 5):
            for c in range(Xm.shape[1]):
                if np.all(Xm[:, c] == np.round(Xm[:, c])):
                    continue
                col = scale(Xm[:, c].reshape(-1, 1), with_mean=False).ravel()
                raw_v = float(_compute_mi_cd(col, lab, k))
                assert raw_v == sk_classif(Xm[:, c].reshape(-1, 1), lab, k, False)[0]
                b = brute_ross(col, lab, k)
                row = {"data": "cls-" + name, "k": k, "column": c, "sklearnCd": raw_v, "brute": b}
                if not rel_close(raw_v, b):
                    _, counts = np.unique(lab, return_counts=True)
                    assert any(sklearn_brute_class(int(u), k) for u in counts), (name, c, k)
                    assert rel_close(raw_v, brute_ross(col, lab, k, True)), (name, c, k)
                    row["sklearnRounding"] = True
                cd.append(row)

    return {"data": data, "ksg": ksg, "cmi": cmi, "ent": ent, "ent_zero": ent_zero, "kl": kl, "kl_zero": kl_zero,
            "fdata": fdata, "reg": reg, "cls": cls, "cd": cd}


def emit(path, t):
    with open(path, "w") as f:
        ts_header(f, "knn.py", path, f"scikit-learn {sklearn.__version__}, NumPy {np.__version__}, SciPy {scipy.__version__}, "
                  "R FNN 1.1.3.1, and the brute-force O(n^2) references of knn.py (see its docstring).")
        f.write("""
export interface KnnSet { cols: number; data: number[] }
/** A data set drawn in knn.py from a fixed seed (note says how); x, y, z: n rows of cols columns, row-major. */
export interface KnnData { name: string; note: string; n: number; x: KnnSet; y?: KnnSet; z?: KnnSet }
export interface KsgCase { data: string; k: number; algorithm: 1 | 2; brute: number; sklearnTrees?: number; sklearnRaw?: number; sklearnClipped?: number; fnn?: number; zeroEps: boolean }
export interface CmiCase { data: string; k: number; brute: number; sklearnTrees: number; sklearnRaw?: number }
export interface EntropyCase { data: string; k: number; metric: "euclidean" | "max"; brute: number; sklearnTrees: number; fnn?: number }
export interface EntropyZeroCase { data: string; k: number; metric: "euclidean" | "max"; row: number }
export interface KlCase { data: string; k: number; brute: number; sklearnTrees: number; fnnCorrected: number; fnnKLxCorrected: number }
export interface KlZeroCase { data: string; k: number; row: number; which: "rho" | "nu" }
export interface FeatureData { name: string; note: string; n: number; vector: boolean; X: KnnSet; y?: number[]; labels?: (number | string)[] }
export type DiscreteFeatures = boolean | boolean[] | number[];
export interface FeatureCase { data: string; k: number; discreteFeatures: DiscreteFeatures; sklearn: number[]; brute: number[]; sklearnRounding?: boolean }
export interface CdCase { data: string; k: number; column: number; sklearnCd: number; brute: number; sklearnRounding?: boolean }

// Data sets of the estimator tables (numpy.random.default_rng seeds in each note; knn.py pair_sets,
// triple_sets, single_sets, kl_sets).
""")
        ts_const(f, "knnData: KnnData[]", t["data"])
        f.write("""
// KSG (Kraskov, Stoegbauer, Grassberger 2004). brute: knn.py brute_ksg (spec rules, algorithm 1 eq. 8 /
// algorithm 2 eq. 9, ties in the joint distance by lower row). sklearnTrees (algorithm 1): sklearn 1.2.1
// _compute_mi_cc's statements without max(0, .) (knn.py sk_mi_cc_raw; NearestNeighbors/KDTree chebyshev) on the
// full x, y columns; sklearnRaw / sklearnClipped (1-D x, y): the same raw value and
// sklearn.feature_selection._mutual_info._compute_mi_cc(x, y, k) itself. fnn (algorithm 1, no eps_i = 0):
// R FNN 1.1.3.1 FNN::mutinfo(X, Y, k) (C mdmutinfo: nx counts self and dist < eps, = n_x + 1).
// zeroEps: some row has k + 1 coincident joint points (eps_i = 0).
""")
        ts_const(f, "ksgCases: KsgCase[]", t["ksg"])
        f.write("""
// Frenzel-Pompe CMI. brute: knn.py brute_cmi; sklearnTrees: knn.py sk_cmi_trees (sklearn 1.2.1 NearestNeighbors
// chebyshev radius in (x,y,z), KDTree chebyshev query_radius counts in (x,z), (y,z), z). cmiconst: z constant, so
// CMI = KSG algorithm 1 and sklearnRaw is sklearn's _compute_mi_cc statements unclipped (knn.py sk_mi_cc_raw).
""")
        ts_const(f, "cmiCases: CmiCase[]", t["cmi"])
        f.write("""
// Kozachenko-Leonenko. brute: knn.py brute_entropy; sklearnTrees: the same formula on
// sklearn 1.2.1 NearestNeighbors(metric euclidean / chebyshev).kneighbors() distances; fnn (Euclidean):
// R FNN 1.1.3.1 FNN::entropy(X, k)[k] (digamma(n) - digamma(k) + p/2 log(pi) - lgamma(p/2 + 1) + p mean log eps).
""")
        ts_const(f, "entropyCases: EntropyCase[]", t["ent"])
        f.write("""
// Data/k where some eps_i = 0 (k identical other rows): a RangeError naming the first such row (knn.py brute_entropy_eps).
""")
        ts_const(f, "entropyZeroCases: EntropyZeroCase[]", t["ent_zero"])
        f.write("""
// Wang-Kulkarni-Verdu. brute: knn.py brute_kl ((d/n) sum log(nu/rho) + log(m/(n-1))); sklearnTrees: the same
// formula on sklearn 1.2.1 NearestNeighbors distances; fnnCorrected: R FNN 1.1.3.1 FNN::KL.divergence(X, Y, k)[k]
// + log(n/(n-1)) (FNN uses log(m/n)); fnnKLxCorrected: FNN::KLx.divergence(X, Y, k)[k] + log(n/(n-1)) (C
// KL_divergence, also log(m/n)).
""")
        ts_const(f, "klCases: KlCase[]", t["kl"])
        f.write("""
// Data/k where some rho_k(i) or nu_k(i) is 0: a RangeError naming the first such row (knn.py brute_kl_parts).
""")
        ts_const(f, "klZeroCases: KlZeroCase[]", t["kl_zero"])
        f.write("""
// Data sets of the feature-score tables (reg-*: X and continuous y; cls-*: X and labels). vector: X passed as
// one column (a vector in the TS tests).
""")
        ts_const(f, "featureData: FeatureData[]", t["fdata"])
        f.write("""
// sklearn 1.2.1 sklearn.feature_selection.mutual_info_regression(X, y, discrete_features=..., n_neighbors=k,
// random_state=NoNoise(0)) - its noise term removed (knn.py NoNoise: standard_normal returns zeros) - checked equal
// (==) to scale(with_mean=False) + _compute_mi per column, and to knn.py's brute force (1e-12).
// discreteFeatures: false / true / column indices (list) / boolean mask, passed to sklearn as bool / list / np bool array.
""")
        ts_const(f, "regressionCases: FeatureCase[]", t["reg"])
        f.write("""
// sklearn 1.2.1 mutual_info_classif(X, labels, discrete_features=..., n_neighbors=k, random_state=NoNoise(0)),
// checked as above (== by hand, brute force 1e-12).
""")
        ts_const(f, "classifCases: FeatureCase[]", t["cls"])
        f.write("""
// sklearn 1.2.1 sklearn.feature_selection._mutual_info._compute_mi_cd(X[:, column], labels, k) on the UNSCALED
// column (clipped at 0; equal to the value on column / std and to knn.py brute_ross, 1e-12).
""")
        ts_const(f, "cdCases: CdCase[]", t["cd"])


def main():
    t = build()
    print(f"ksg {len(t['ksg'])}, cmi {len(t['cmi'])}, entropy {len(t['ent'])} (+{len(t['ent_zero'])} zero), "
          f"kl {len(t['kl'])} (+{len(t['kl_zero'])} zero), regression {len(t['reg'])}, classif {len(t['cls'])}, cd {len(t['cd'])}")
    print("FNN cases:", sum(1 for r in t["ksg"] if "fnn" in r), "mutinfo,", sum(1 for r in t["ent"] if "fnn" in r), "entropy,", len(t["kl"]), "KL")
    if "--emit-ts" in sys.argv:
        emit(sys.argv[sys.argv.index("--emit-ts") + 1], t)


if __name__ == "__main__":
    main()
