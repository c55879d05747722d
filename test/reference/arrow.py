"""Reference values for test/arrow.test.ts (NumPy 2.4 / SciPy 1.17): the same numbers handed to
infowasm as Apache Arrow vectors, array-likes and integer typed arrays."""
import numpy as np
from scipy import stats, integrate

counts = np.array([3, 1, 0, 4, 2, 7], dtype=np.int32)
print("entropy(counts) nats", repr(stats.entropy(counts)))
print("entropy(counts) bits", repr(stats.entropy(counts, base=2)))
q = np.array([1, 2, 3, 1, 1, 2], dtype=np.int64)
print("kl(counts, q)", repr(stats.entropy(counts, q)))
y = np.array([0, 1, 4, 9, 16, 25, 36], dtype=np.int32)
print("trapezoid(y, dx=0.5)", repr(integrate.trapezoid(y, dx=0.5)))
x = np.array([0.0, 0.5, 1.5, 2.0, 3.0, 4.5, 5.0])
print("trapezoid(y, x)", repr(integrate.trapezoid(y, x=x)))
s = np.array([1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 9], dtype=np.int32)
c, e = np.histogram(s, bins=4)
print("histogram(s, 4)", c.tolist(), e.tolist())
f = np.array([0.25, 1.5, 2.0, 2.5, 3.75, 4.0, 0.5, 1.0], dtype=np.float64)
c, e = np.histogram(f, bins=3, range=(0, 4.5))
print("histogram(f, 3, (0, 4.5))", c.tolist(), e.tolist())
hx = np.array([0.1, 0.4, 0.35, 0.8, 0.9, 0.2, 0.6, 0.75, 0.05, 0.5])
hy = np.array([1.0, 2.5, 2.0, 4.0, 3.5, 1.5, 3.0, 4.5, 0.5, 2.0])
t, _, _ = np.histogram2d(hx, hy, bins=3)
p = t / t.sum()
px, py = p.sum(1, keepdims=True), p.sum(0, keepdims=True)
nz = p > 0
print("histogramMI(hx, hy, bins=3) nats", repr(float((p[nz] * np.log(p[nz] / (px @ py)[nz])).sum())))
rows = np.array([[1, 2, 3], [4, 0, 4]], dtype=np.int32)
print("entropy rows", [repr(v) for v in stats.entropy(rows, axis=1)])
