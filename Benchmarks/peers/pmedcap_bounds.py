#!/usr/bin/env python3
"""Root bounds of an OR-Library pmedcap1 instance, to judge the exact engine's Lagrangian bound.

    python3 Benchmarks/peers/pmedcap_bounds.py 20 [--no-colgen]

Prints
- the LP relaxation bound of the strong formulation (x_ij <= y_j, capacity, sum y = p): GLPK's
  glpsol --nomip on Models/capacitated_p_median.mod with the instance written as a .dat file;
- the set-partitioning (column generation) LP bound: columns are (centre, cluster within
  capacity), priced by a 0/1 knapsack per centre; the master is solved by scipy's HiGHS. This is
  the Lagrangian dual our knapsack relaxation maximises, so it tells how far subgradient
  optimisation is from the best multipliers. Slow (minutes for n = 100): plain Kelley iterations.

Distances are floor(Euclidean), as in the published optima (see the instances' README).
"""
import math
import pathlib
import re
import subprocess
import sys
import tempfile

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[2]
INSTANCES = ROOT.parent / "shared" / "instances" / "orlib-pmedcap1"


def load(k):
    tokens = (INSTANCES / f"pmedcap1_{k:02d}.txt").read_text().split()
    n, p, capacity = int(tokens[2]), int(tokens[3]), int(float(tokens[4]))
    rows = [tokens[5 + 4 * i: 9 + 4 * i] for i in range(n)]
    points = np.array([[float(r[1]), float(r[2])] for r in rows])
    demand = np.array([int(float(r[3])) for r in rows])
    cost = np.floor(np.sqrt(((points[:, None, :] - points[None, :, :]) ** 2).sum(-1)))
    return float(tokens[1]), n, p, capacity, rows, demand, cost


def glpk_lp_bound(k, n, p, capacity, rows):
    with tempfile.TemporaryDirectory() as folder:
        data = pathlib.Path(folder) / f"pmedcap1_{k:02d}.dat"
        lines = [f"data;\nparam n := {n};\nparam p := {p};\nparam Q := {capacity};\nparam : px py demand :="]
        lines += [" ".join(r) for r in rows]
        data.write_text("\n".join(lines) + "\n;\nend;\n")
        out = pathlib.Path(folder) / "lp.txt"
        subprocess.run(["glpsol", "--math", str(ROOT / "Models" / "capacitated_p_median.mod"), "--data", str(data),
                        "--nomip", "-o", str(out)], check=True, capture_output=True)
        match = re.search(r"Objective:\s+\S+ = ([0-9.eE+-]+)", out.read_text())
        return float(match.group(1))


def knapsack(values, weights, capacity):
    """min sum values[k] z_k, sum weights[k] z_k <= capacity, z binary: (value, chosen items)."""
    items = [k for k in range(len(values)) if values[k] < -1e-12 and weights[k] <= capacity]
    best = np.zeros(capacity + 1)
    keep = np.zeros((len(items), capacity + 1), bool)
    for r, k in enumerate(items):
        w = weights[k]
        candidate = np.concatenate([np.full(w, np.inf), best[: capacity + 1 - w] + values[k]])
        keep[r] = candidate < best
        best = np.where(keep[r], candidate, best)
    chosen, c = [], capacity
    for r in range(len(items) - 1, -1, -1):
        if keep[r, c]:
            chosen.append(items[r])
            c -= weights[items[r]]
    return best[capacity], chosen


def column_generation_bound(n, p, capacity, demand, cost):
    from scipy.optimize import linprog
    from scipy.sparse import csc_matrix

    columns = []  # (centre, cluster, cost)
    big = 1e4
    best_lagrangian = -math.inf
    while True:
        m = len(columns)
        eq = ([], [], [])
        ub = ([], [], [])
        c = []
        for col, (j, cluster, value) in enumerate(columns):
            c.append(value)
            for i in cluster:
                eq[0].append(1), eq[1].append(i), eq[2].append(col)
            eq[0].append(1), eq[1].append(n), eq[2].append(col)
            ub[0].append(1), ub[1].append(j), ub[2].append(col)
        for r in range(n + 1):  # artificial columns keep the master feasible
            c.append(big)
            eq[0].append(1), eq[1].append(r), eq[2].append(m + r)
        a_eq = csc_matrix((eq[0], (eq[1], eq[2])), shape=(n + 1, m + n + 1))
        a_ub = csc_matrix((ub[0], (ub[1], ub[2])), shape=(n, m + n + 1))
        res = linprog(c, A_ub=a_ub, b_ub=np.ones(n), A_eq=a_eq, b_eq=np.r_[np.ones(n), p], method="highs")
        pi, mu, sigma = res.eqlin.marginals[:n], res.eqlin.marginals[n], res.ineqlin.marginals
        rho, added = [], 0
        for j in range(n):
            value, cluster = knapsack(cost[:, j] - pi, demand, capacity)
            rho.append(value)
            if value - mu - sigma[j] < -1e-7:
                columns.append((j, cluster, cost[cluster, j].sum()))
                added += 1
        best_lagrangian = max(best_lagrangian, pi.sum() + sum(sorted(rho)[:p]))
        if added == 0:
            return res.fun, best_lagrangian


def main():
    k = int(sys.argv[1])
    optimum, n, p, capacity, rows, demand, cost = load(k)
    print(f"pmedcap1 #{k}: n={n} p={p} Q={capacity} published optimum {optimum:g}")
    print(f"LP relaxation of the strong formulation (GLPK): {glpk_lp_bound(k, n, p, capacity, rows):.4f}")
    if "--no-colgen" not in sys.argv:
        master, lagrangian = column_generation_bound(n, p, capacity, demand, cost)
        print(f"set-partitioning LP = Lagrangian dual (column generation): {master:.4f} (Lagrangian {lagrangian:.4f})")


if __name__ == "__main__":
    main()
