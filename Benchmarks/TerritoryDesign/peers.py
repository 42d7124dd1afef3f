#!/usr/bin/env python3
"""Peer solvers for the territory-design benchmark (run by `swift run -c release territory-bench`).

Reads the instance the Swift benchmark wrote (units.csv: id,x,y,potential,workload;
territories.csv: id,x,y; the tolerance as an argument), builds the same model
  min sum_ij workload_i * dist(i, j) * x_ij
  s.t. sum_j x_ij = 1,  (1-tau) T_k <= sum_i a_ik x_ij <= (1+tau) T_k  for both measures,
and solves it with HiGHS (LP relaxation for the true LP bound; MIP) and OR-Tools CP-SAT, each at
the time limit. Prints one JSON line per run: solver, status, objective, bound, gap, maxDeviation, seconds.
"""
import argparse, csv, json, sys, time

import numpy as np


def load(folder):
    with open(f"{folder}/units.csv") as f:
        rows = list(csv.DictReader(f))
    ux = np.array([float(r["x"]) for r in rows]); uy = np.array([float(r["y"]) for r in rows])
    a = np.array([[float(r["potential"]), float(r["workload"])] for r in rows])
    with open(f"{folder}/territories.csv") as f:
        trs = list(csv.DictReader(f))
    cx = np.array([float(r["x"]) for r in trs]); cy = np.array([float(r["y"]) for r in trs])
    dist = np.sqrt((ux[:, None] - cx[None, :]) ** 2 + (uy[:, None] - cy[None, :]) ** 2)
    cost = a[:, 1:2] * dist
    return cost, a


def deviation(assign, a, m):
    loads = np.zeros((m, a.shape[1]))
    np.add.at(loads, assign, a)
    target = a.sum(axis=0) / m
    return float(np.max(np.abs(loads / target - 1)))


def highs_model(cost, a, tau, integer):
    import highspy
    n, m = cost.shape
    kk = a.shape[1]
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    lp = highspy.HighsLp()
    lp.num_col_ = n * m
    lp.num_row_ = n + m * kk
    lp.col_cost_ = cost.reshape(-1)
    lp.col_lower_ = np.zeros(n * m)
    lp.col_upper_ = np.ones(n * m)
    target = a.sum(axis=0) / m
    lower = [1.0] * n + [(1 - tau) * target[k] for j in range(m) for k in range(kk)]
    upper = [1.0] * n + [(1 + tau) * target[k] for j in range(m) for k in range(kk)]
    lp.row_lower_ = np.array(lower); lp.row_upper_ = np.array(upper)
    # column (i, j): rows i, n + j*kk + k
    starts = np.arange(0, n * m * (1 + kk) + 1, 1 + kk, dtype=np.int32)
    idx = np.empty((n, m, 1 + kk), dtype=np.int32)
    val = np.empty((n, m, 1 + kk))
    idx[:, :, 0] = np.arange(n)[:, None]
    val[:, :, 0] = 1.0
    for k in range(kk):
        idx[:, :, 1 + k] = n + np.arange(m)[None, :] * kk + k
        val[:, :, 1 + k] = a[:, k][:, None]
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = starts
    lp.a_matrix_.index_ = idx.reshape(-1)
    lp.a_matrix_.value_ = val.reshape(-1)
    if integer:
        lp.integrality_ = [highspy.HighsVarType.kInteger] * (n * m)
    h.passModel(lp)
    return h


def run_highs(cost, a, tau, limit, integer):
    n, m = cost.shape
    t0 = time.time()
    h = highs_model(cost, a, tau, integer)
    h.setOptionValue("time_limit", float(limit))
    h.run()
    secs = time.time() - t0
    status = h.modelStatusToString(h.getModelStatus())
    info = h.getInfo()
    out = {"solver": "HiGHS " + ("MIP" if integer else "LP"), "status": status, "seconds": round(secs, 2)}
    if integer:
        if info.primal_solution_status == 2:
            x = np.array(h.getSolution().col_value).reshape(n, m)
            assign = x.argmax(axis=1)
            obj = float(cost[np.arange(n), assign].sum())
            bound = info.mip_dual_bound
            out.update(objective=obj, bound=bound, gap=(obj - bound) / obj, maxDeviation=deviation(assign, a, m))
        else:
            out.update(objective=None, bound=info.mip_dual_bound, gap=None, maxDeviation=None)
    else:
        obj = info.objective_function_value
        out.update(objective=obj, bound=obj, gap=0.0, maxDeviation=None)
    return out


def run_cpsat(cost, a, tau, limit, workers):
    from ortools.sat.python import cp_model
    n, m = cost.shape
    t0 = time.time()
    cscale = 10.0  # integer costs: 0.1 resolution
    c = np.rint(cost * cscale).astype(np.int64)
    ai = np.rint(a * 1000).astype(np.int64)  # measures have 3 decimals: exact
    target = ai.sum(axis=0) / m
    model = cp_model.CpModel()
    x = [[model.NewBoolVar("") for j in range(m)] for i in range(n)]
    for i in range(n):
        model.AddExactlyOne(x[i])
    for j in range(m):
        col = [x[i][j] for i in range(n)]
        for k in range(a.shape[1]):
            lo = int(np.ceil((1 - tau) * target[k])); hi = int(np.floor((1 + tau) * target[k]))
            model.AddLinearConstraint(cp_model.LinearExpr.WeightedSum(col, ai[:, k].tolist()), lo, hi)
    flat = [x[i][j] for i in range(n) for j in range(m)]
    model.Minimize(cp_model.LinearExpr.WeightedSum(flat, c.reshape(-1).tolist()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(limit)
    solver.parameters.num_workers = workers
    status = solver.Solve(model)
    secs = time.time() - t0
    out = {"solver": "OR-Tools CP-SAT", "status": solver.StatusName(status), "seconds": round(secs, 2)}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        assign = np.array([max(range(m), key=lambda j: solver.Value(x[i][j])) for i in range(n)])
        obj = float(cost[np.arange(n), assign].sum())
        bound = solver.BestObjectiveBound() / cscale
        out.update(objective=obj, bound=bound, gap=(obj - bound) / obj, maxDeviation=deviation(assign, a, m))
    else:
        out.update(objective=None, bound=solver.BestObjectiveBound() / cscale, gap=None, maxDeviation=None)
    return out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("folder"); p.add_argument("--tolerance", type=float, default=0.05)
    p.add_argument("--time-limit", type=float, default=60); p.add_argument("--workers", type=int, default=2)
    p.add_argument("--only", default="lp,highs,cpsat")
    p.add_argument("--lp-time-limit", type=float, default=300)
    args = p.parse_args()
    cost, a = load(args.folder)
    for which in args.only.split(","):
        try:
            if which == "lp":
                r = run_highs(cost, a, args.tolerance, args.lp_time_limit, integer=False)
            elif which == "highs":
                r = run_highs(cost, a, args.tolerance, args.time_limit, integer=True)
            elif which == "cpsat":
                r = run_cpsat(cost, a, args.tolerance, args.time_limit, args.workers)
            else:
                continue
        except Exception as e:  # a peer failing must not hide the others
            r = {"solver": which, "status": f"error: {e}"}
        print(json.dumps(r), flush=True)


if __name__ == "__main__":
    main()
