#!/usr/bin/env python3
"""The LP optimum of the demo realignment (scripts/demo step 3), solved by HiGHS over all columns.

Builds the same model as `meridian territories design --measure potential:0.15:capacity
--measure workload:0.25:capacity --weight workload --max-moved-share 0.15` on Data/demo:
  min sum_ij workload_i * haversine_km(i, j) * x_ij
  s.t. sum_j x_ij = 1 (x_i,current = 1 for locked accounts),
       (1 - tau_k) T_jk <= sum_i a_ik x_ij <= (1 + tau_k) T_jk, T_jk = total_k * fte_j / sum fte,
       sum_i sum_{j != current_i} x_ij <= floor(share * accounts with a current territory).
That LP value is the best bound any Lagrangian of these rows can prove. With `--assignment`, also
prices a meridian assignment.csv in the same model (a check that both build the same costs).
With `--min-moves`, the objective is instead the number of moved accounts (no budget row): its LP
value is a lower bound on the moves any alignment meeting the bands needs, so a budget below it is
proven infeasible, whatever the heuristic does.

    python3 Benchmarks/TerritoryDesign/demo_lp.py Data/demo [--assignment out/territories/assignment.csv]
"""
import argparse, csv, json, math, time

import numpy as np


def load(folder, measures, weight):
    with open(f"{folder}/accounts.csv") as f:
        rows = list(csv.DictReader(f))
    with open(f"{folder}/reps.csv") as f:
        reps = [r for r in csv.DictReader(f) if r["territory_id"]]
    tid = [r["territory_id"] for r in reps]
    index = {t: j for j, t in enumerate(tid)}
    lat = np.radians([float(r["latitude"]) for r in rows]); lon = np.radians([float(r["longitude"]) for r in rows])
    clat = np.radians([float(r["home_latitude"]) for r in reps]); clon = np.radians([float(r["home_longitude"]) for r in reps])
    fte = np.array([float(r["capacity_fte"] or 1) for r in reps])
    h = (np.sin((clat[None, :] - lat[:, None]) / 2) ** 2
         + np.cos(lat)[:, None] * np.cos(clat)[None, :] * np.sin((clon[None, :] - lon[:, None]) / 2) ** 2)
    dist = 2 * 6371.0088 * np.arcsin(np.minimum(1, np.sqrt(h)))
    a = np.array([[float(r[k]) for k in measures] for r in rows])
    w = np.array([float(r[weight]) for r in rows])
    current = np.array([index.get(r["territory_id"], -1) for r in rows])
    locked = np.array([r.get("locked", "false").strip().lower() in ("true", "1", "yes") for r in rows])
    ids = [r["id"] for r in rows]
    return ids, tid, w[:, None] * dist, a, fte, current, locked


def solve(cost, a, fte, tolerances, current, locked, share, time_limit, min_moves=False):
    import highspy
    n, m = cost.shape
    kk = a.shape[1]
    target = a.sum(axis=0)[None, :] * (fte / fte.sum())[:, None]  # m x K
    budget = math.floor(share * int((current >= 0).sum())) if math.isfinite(share) else highspy.kHighsInf
    h = highspy.Highs()
    h.setOptionValue("output_flag", False)
    h.setOptionValue("time_limit", float(time_limit))
    lp = highspy.HighsLp()
    lp.num_col_ = n * m
    lp.num_row_ = n + m * kk + 1
    moved = np.ones((n, m))  # 1 where x_ij moves account i away from its current territory
    has = current >= 0
    moved[np.nonzero(has)[0], current[has]] = 0
    moved[~has, :] = 0
    lp.col_cost_ = moved.reshape(-1) if min_moves else cost.reshape(-1)
    upper = np.ones((n, m))
    for i in np.nonzero(locked)[0]:  # a locked account stays where it is
        upper[i, :] = 0
        upper[i, current[i]] = 1
    lp.col_lower_ = np.zeros(n * m)
    lp.col_upper_ = upper.reshape(-1)
    tau = np.array(tolerances)[None, :]
    lp.row_lower_ = np.concatenate([np.ones(n), ((1 - tau) * target).reshape(-1), [-highspy.kHighsInf]])
    lp.row_upper_ = np.concatenate([np.ones(n), ((1 + tau) * target).reshape(-1), [budget]])
    per = 2 + kk  # assignment row, K balance rows, budget row (coefficient 0 where j is current)
    idx = np.empty((n, m, per), dtype=np.int32)
    val = np.empty((n, m, per))
    idx[:, :, 0] = np.arange(n)[:, None]
    val[:, :, 0] = 1.0
    for k in range(kk):
        idx[:, :, 1 + k] = n + np.arange(m)[None, :] * kk + k
        val[:, :, 1 + k] = a[:, k][:, None]
    idx[:, :, 1 + kk] = n + m * kk
    val[:, :, 1 + kk] = moved
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.arange(0, n * m * per + 1, per, dtype=np.int32)
    lp.a_matrix_.index_ = idx.reshape(-1)
    lp.a_matrix_.value_ = val.reshape(-1)
    h.passModel(lp)
    t0 = time.time()
    h.run()
    secs = time.time() - t0
    x = np.array(h.getSolution().col_value).reshape(n, m)
    fractional = int(((x > 1e-6) & (x < 1 - 1e-6)).any(axis=1).sum())
    return {"status": h.modelStatusToString(h.getModelStatus()), "lp": h.getInfo().objective_function_value,
            "seconds": round(secs, 1), "budget": budget, "fractionalUnits": fractional,
            "budgetUsed": float((x * moved).sum())}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("folder")
    p.add_argument("--measures", default="potential,workload")
    p.add_argument("--tolerances", default="0.15,0.25")
    p.add_argument("--weight", default="workload")
    p.add_argument("--max-moved-share", type=float, default=0.15)
    p.add_argument("--assignment", help="a meridian assignment.csv to price in the same model")
    p.add_argument("--time-limit", type=float, default=1800)
    p.add_argument("--min-moves", action="store_true", help="minimize moved accounts (no budget row)")
    args = p.parse_args()
    ids, tid, cost, a, fte, current, locked = load(args.folder, args.measures.split(","), args.weight)
    out = {"accounts": len(ids), "territories": len(tid)}
    if args.assignment:
        with open(args.assignment) as f:
            new = {r["account"]: r["new_territory"] for r in csv.DictReader(f)}
        col = {t: j for j, t in enumerate(tid)}
        assign = np.array([col[new[i]] for i in ids])
        out["assignmentObjective"] = float(cost[np.arange(len(ids)), assign].sum())
        out["assignmentMoved"] = int(((assign != current) & (current >= 0)).sum())
    tolerances = [float(t) for t in args.tolerances.split(",")]
    share = math.inf if args.min_moves else args.max_moved_share
    out.update(solve(cost, a, fte, tolerances, current, locked, share, args.time_limit, args.min_moves))
    if "assignmentObjective" in out:
        out["assignmentGapToLP"] = (out["assignmentObjective"] - out["lp"]) / out["assignmentObjective"]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
