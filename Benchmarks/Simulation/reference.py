#!/usr/bin/env python3
"""numpy reference for the closed-form simulation case (docs/simulation.md).

1,000 reps, quota 500,000 + 1,000 i, lognormal sales sigma 0.35 with mean = quota, 8 % to quota,
16 % above, capped at 3 x (8 % of quota). Prints the analytic and simulated mean share at quota and
total payout with standard errors, and the wall time.  Usage: reference.py [trials] [seed]
"""
import sys
import time

import numpy as np
from scipy.stats import norm

trials = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2026
sigma = 0.35
q = 500_000.0 + 1_000.0 * np.arange(1_000)
mu = np.log(q) - sigma**2 / 2
cap = 3 * 0.08 * q
kink = q + (cap - 0.08 * q) / 0.16


def excess(k):
    d2 = (mu - np.log(k)) / sigma
    return q * norm.cdf(d2 + sigma) - k * norm.cdf(d2)


analytic_share = norm.cdf(-sigma / 2)
analytic_payout = float(np.sum(0.08 * (q - excess(q)) + 0.16 * (excess(q) - excess(kink))))

start = time.perf_counter()
rng = np.random.default_rng(seed)
shares = np.empty(trials)
payouts = np.empty(trials)
chunk = 500
for first in range(0, trials, chunk):
    n = min(chunk, trials - first)
    sales = np.round(np.exp(mu + sigma * rng.standard_normal((n, q.size))), 2)
    pay = np.minimum(0.08 * np.minimum(sales, q) + 0.16 * np.maximum(sales - q, 0), cap)
    shares[first:first + n] = (sales >= q).mean(axis=1)
    payouts[first:first + n] = np.round(pay, 2).sum(axis=1)
elapsed = time.perf_counter() - start


def mean_se(x):
    return x.mean(), x.std(ddof=1) / np.sqrt(x.size)


share, share_se = mean_se(shares)
payout, payout_se = mean_se(payouts)
print(f"trials {trials} x 1000 reps, seed {seed}, numpy {elapsed:.3f} s")
print(f"share at quota: analytic {analytic_share:.6f}, simulated {share:.6f} +- {share_se:.6f} "
      f"({(share - analytic_share) / share_se:+.2f} SE)")
print(f"total payout: analytic {analytic_payout:.2f}, simulated {payout:.2f} +- {payout_se:.2f} "
      f"({(payout - analytic_payout) / payout_se:+.2f} SE)")
ok = abs(share - analytic_share) <= 3 * share_se and abs(payout - analytic_payout) <= 3 * payout_se
print("within 3 SE" if ok else "NOT within 3 SE")
# One machine-readable line for sim-bench: share, its SE, payout, its SE, seconds.
print(f"RESULT {float(share)!r} {float(share_se)!r} {float(payout)!r} {float(payout_se)!r} {elapsed!r}")
sys.exit(0 if ok else 1)
