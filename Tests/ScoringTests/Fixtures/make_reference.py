#!/usr/bin/env python3
"""Reference optimum for Meridian's L2 logistic regression (Tests/ScoringTests).

Writes logistic_data.csv (x1..x5, y) and logistic_reference.json: for each penalty l2, the
minimum of  sum_i [log(1 + exp(z_i)) - y_i z_i] + l2/2 * ||w||^2  (intercept unpenalized),
found independently by scipy's L-BFGS-B on the exact gradient and by scikit-learn's
LogisticRegression(C = 1/l2). Run: python3 make_reference.py  (numpy, scipy, scikit-learn).
"""
import json

import numpy as np
import scipy
import sklearn
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression

rng = np.random.default_rng(20261129)
n, d = 600, 5
X = rng.normal(size=(n, d)) * np.array([1.0, 2.0, 0.5, 1.5, 3.0]) + np.array([0.0, 1.0, -1.0, 0.5, 2.0])
true_w = np.array([1.2, -0.6, 2.0, 0.0, 0.3])
p = 1 / (1 + np.exp(-(X @ true_w - 0.8)))
y = (rng.random(n) < p).astype(float)

with open("logistic_data.csv", "w") as f:
    f.write(",".join([f"x{j + 1}" for j in range(d)] + ["y"]) + "\n")
    for i in range(n):
        f.write(",".join(repr(float(v)) for v in X[i]) + f",{int(y[i])}\n")
X = np.loadtxt("logistic_data.csv", delimiter=",", skiprows=1)[:, :d]  # exactly what Swift reads


def objective(beta, l2):
    w, b = beta[:d], beta[d]
    z = X @ w + b
    return np.sum(np.logaddexp(0, z) - y * z) + l2 / 2 * w @ w


def gradient(beta, l2):
    w, b = beta[:d], beta[d]
    r = 1 / (1 + np.exp(-(X @ w + b))) - y
    return np.concatenate([X.T @ r + l2 * w, [r.sum()]])


cases = []
for l2 in [1.0, 0.1, 10.0]:
    res = minimize(objective, np.zeros(d + 1), args=(l2,), jac=gradient, method="L-BFGS-B",
                   options={"ftol": 1e-15, "gtol": 1e-11, "maxiter": 100000})
    sk = LogisticRegression(C=1 / l2, tol=1e-12, max_iter=100000, solver="lbfgs").fit(X, y)
    sk_beta = np.concatenate([sk.coef_[0], sk.intercept_])
    cases.append({
        "l2": l2,
        "scipyObjective": float(res.fun),
        "scipyCoefficients": [float(v) for v in res.x[:d]],
        "scipyIntercept": float(res.x[d]),
        "sklearnObjective": float(objective(sk_beta, l2)),
        "sklearnCoefficients": [float(v) for v in sk.coef_[0]],
        "sklearnIntercept": float(sk.intercept_[0]),
    })

with open("logistic_reference.json", "w") as f:
    json.dump({"generator": "make_reference.py", "numpy": np.__version__, "scipy": scipy.__version__,
               "sklearn": sklearn.__version__, "rows": n, "cases": cases}, f, indent=2)
    f.write("\n")
print(json.dumps(cases, indent=1))
