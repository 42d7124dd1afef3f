#!/usr/bin/env python3
"""scikit-learn peer for `swift run -c release scoring-bench` (Benchmarks/Scoring): reads the benchmark matrices the
Swift side wrote (float64, row-major), times LogisticRegression and HistGradientBoostingClassifier
training with matching settings, and prints one JSON object per model on stdout."""
import json
import sys
import time

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

folder, rows, test_rows, cols, rounds, leaves = sys.argv[1], *map(int, sys.argv[2:7])
X = np.fromfile(f"{folder}/train_x.bin", dtype=np.float64).reshape(rows, cols)
y = np.fromfile(f"{folder}/train_y.bin", dtype=np.float64)
Xt = np.fromfile(f"{folder}/test_x.bin", dtype=np.float64).reshape(test_rows, cols)
yt = np.fromfile(f"{folder}/test_y.bin", dtype=np.float64)

start = time.perf_counter()
lr = LogisticRegression(C=1.0, tol=1e-6, max_iter=1000).fit(X, y)
seconds = time.perf_counter() - start
z = X @ lr.coef_[0] + lr.intercept_[0]
objective = float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * lr.coef_[0] @ lr.coef_[0])
print(json.dumps({"model": "LogisticRegression", "seconds": seconds,
                  "auc": roc_auc_score(yt, lr.predict_proba(Xt)[:, 1]), "objective": objective}), flush=True)

start = time.perf_counter()
hgb = HistGradientBoostingClassifier(max_iter=rounds, learning_rate=0.1, max_leaf_nodes=leaves, max_bins=255,
                                     early_stopping=False, random_state=0).fit(X, y)
seconds = time.perf_counter() - start
print(json.dumps({"model": "HistGradientBoostingClassifier", "seconds": seconds,
                  "auc": roc_auc_score(yt, hgb.predict_proba(Xt)[:, 1])}), flush=True)
