#!/usr/bin/env python3
"""Reference optimum for Meridian's weighted L2 logistic regression (positive-class weight).

Reads logistic_data.csv (x1..x5, y; written by make_reference.py) and writes
logistic_weighted_reference.json: for each (l2, positive weight w), the minimum of
  sum_i c_i [log(1 + exp(z_i)) - y_i z_i] + l2/2 * ||beta||^2,  c_i = w if y_i = 1 else 1,
(intercept unpenalized; scikit-learn's LogisticRegression(C=1/l2, class_weight={0: 1, 1: w})),
found by scipy's L-BFGS-B on the exact gradient and polished by Newton steps in numpy.
Run: python3 make_weighted_reference.py  (numpy, scipy).
"""
import json

import numpy as np
import scipy
from scipy.optimize import minimize

data = np.loadtxt("logistic_data.csv", delimiter=",", skiprows=1)
X, y = data[:, :5], data[:, 5]
n, d = X.shape
A = np.hstack([X, np.ones((n, 1))])


def parts(beta, l2, c):
    z = A @ beta
    p = 1 / (1 + np.exp(-z))
    f = np.sum(c * (np.logaddexp(0, z) - y * z)) + l2 / 2 * beta[:d] @ beta[:d]
    g = A.T @ (c * (p - y))
    g[:d] += l2 * beta[:d]
    H = A.T @ (A * (c * p * (1 - p))[:, None])
    H[np.arange(d), np.arange(d)] += l2
    return f, g, H


cases = []
for l2, w in [(1.0, 3.0), (0.1, 0.5), (10.0, 7.25)]:
    c = np.where(y == 1, w, 1.0)
    res = minimize(lambda b: parts(b, l2, c)[0], np.zeros(d + 1), jac=lambda b: parts(b, l2, c)[1],
                   method="L-BFGS-B", options={"ftol": 1e-15, "gtol": 1e-11, "maxiter": 100000})
    beta = res.x.copy()
    for _ in range(5):
        _, g, H = parts(beta, l2, c)
        beta -= np.linalg.solve(H, g)
    f, g, _ = parts(beta, l2, c)
    cases.append({"l2": l2, "positiveWeight": w, "lbfgsObjective": float(res.fun), "objective": float(f),
                  "gradientNorm": float(np.max(np.abs(g))), "coefficients": [float(v) for v in beta[:d]],
                  "intercept": float(beta[d])})

with open("logistic_weighted_reference.json", "w") as f:
    json.dump({"generator": "make_weighted_reference.py", "numpy": np.__version__, "scipy": scipy.__version__,
               "rows": n, "cases": cases}, f, indent=2)
    f.write("\n")
print(json.dumps(cases, indent=1))
