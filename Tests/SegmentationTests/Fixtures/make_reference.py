#!/usr/bin/env python3
"""Reference k-means figures for Meridian's Segmentation tests.

Writes kmeans_points.csv (raw features of generated accounts) and kmeans_reference.json. The
points are standardized with scikit-learn's StandardScaler (population standard deviation), as
Meridian's PointMatrix.standardized() does. For each k:
  - initialCentres: k rows of the standardized data chosen by a seeded permutation;
  - lloydInertia: scikit-learn KMeans(init=initialCentres, n_init=1, tol=0, algorithm="lloyd",
    max_iter=1000) from those centres (the reference implementation Meridian must reproduce);
  - sklearnBestInertia: KMeans(n_clusters=k, n_init=10, random_state=0) with default settings,
    the figure that Meridian's restarts must match or beat;
  - sklearnBestInertiaRandomStates0to9: the same for random_state 0..9, to show its spread.
Run: python3 make_reference.py  (numpy, scikit-learn).
"""
import json

import numpy as np
import sklearn
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

rng = np.random.default_rng(6)
n = 900
# Accounts-like features: overlapping groups on log employees, log revenue, growth and tenure.
groups = rng.integers(0, 6, size=n)
centres = rng.normal(scale=2.0, size=(6, 4))
raw = centres[groups] + rng.normal(scale=1.0, size=(n, 4))
raw[:, 0] = np.round(np.exp(3 + raw[:, 0]), 0)          # employees
raw[:, 1] = np.round(np.exp(14 + raw[:, 1]), 2)         # revenue
raw[:, 2] = np.round(raw[:, 2], 4)                      # growth
raw[:, 3] = np.round(5 + 2 * raw[:, 3], 3)              # tenure
names = ["employees", "revenue", "growth", "tenure"]
with open("kmeans_points.csv", "w") as f:
    f.write("id," + ",".join(names) + "\n")
    for i in range(n):
        f.write(f"A{i + 1:04d}," + ",".join(repr(float(v)) for v in raw[i]) + "\n")

data = np.loadtxt("kmeans_points.csv", delimiter=",", skiprows=1, usecols=range(1, 5))
data[:, 0] = np.log1p(data[:, 0])
data[:, 1] = np.log1p(data[:, 1])
X = StandardScaler().fit_transform(data)

cases = []
for k in [3, 5, 8, 12]:
    pick = np.random.default_rng(100 + k).permutation(n)[:k]
    init = X[pick]
    ref = KMeans(n_clusters=k, init=init, n_init=1, tol=0.0, max_iter=1000, algorithm="lloyd").fit(X)
    best = KMeans(n_clusters=k, n_init=10, random_state=0).fit(X)
    spread = [float(KMeans(n_clusters=k, n_init=10, random_state=s).fit(X).inertia_) for s in range(10)]
    cases.append({
        "k": k,
        "initialRows": [int(i) for i in pick],
        "lloydInertia": float(ref.inertia_),
        "lloydIterations": int(ref.n_iter_),
        "sklearnBestInertia": float(best.inertia_),
        "sklearnBestInertiaRandomStates0to9": spread,
    })

with open("kmeans_reference.json", "w") as f:
    json.dump({"generator": "make_reference.py", "sklearn": sklearn.__version__, "numpy": np.__version__,
               "points": n, "logColumns": ["employees", "revenue"], "cases": cases}, f, indent=2)
    f.write("\n")
print(json.dumps(cases, indent=1))
