#!/usr/bin/env python3
"""Independent pandas reference of the demo AE plan (Data/demo/plans/ae.yaml) for one month.

Writes person_id,total for every Account Executive paid in the month. Written from
docs/comp-plans.md, not from the Swift code: integer cents, exact fractions, one half-even rounding
per component and month. What it covers (everything the AE plan uses):
- crediting: revenue splits, else the holder of the account's territory on the date (the
  effective-dated alignment: accounts.csv/reps.csv changed by account_territory_history.csv and
  rep_territory_history.csv; seats only between hire and termination), else the transaction owner;
- new business (bookings, refunds and cancellations with order_type new|upsell, quarter to date,
  threshold 25 %, marginal 1x/2x/3x of target at 0/100/150 %, cap 3x target per quarter and per
  year), paid monthly as the to-date payout less the previous month's;
- renewals (order_type renewal; pay curve 0->0, 100 %->0.5, 200 %->1, flat after; to date);
- the P-ANALYTICS SPIFF (250 per credited booking of the month);
- quotas: the comp layout (id,period,amount) or the quota step's quotas.csv (node, quota_Qn), per
  territory blended by days held in the quarter; the plan's 25/50/75 % ramp, except for seats the
  quota step already fitted (capacity < 1), whose zero quota pays nothing; target prorated by days
  employed.
Usage: reference.py DATA_DIR OUT_CSV [PERIOD=2026-03] [QUOTAS=DATA_DIR/quotas.csv | quota step folder]
"""
import csv
import os
import sys
from datetime import date, timedelta
from fractions import Fraction

import numpy as np
import pandas as pd

data, out = sys.argv[1], sys.argv[2]
period = sys.argv[3] if len(sys.argv) > 3 else "2026-03"
quota_path = sys.argv[4] if len(sys.argv) > 4 else f"{data}/quotas.csv"
if os.path.isdir(quota_path):
    quota_path = os.path.join(quota_path, "quotas.csv")
YEAR, MONTH = int(period[:4]), int(period[5:7])
TI = 100_000 * 100  # cents
RAMP = [Fraction(1, 4), Fraction(1, 2), Fraction(3, 4)]
EPOCH = date(1970, 1, 1)
FAR = 10**9


def cents(text):
    sign = -1 if text.startswith("-") else 1
    whole, _, frac = text.lstrip("+-").partition(".")
    return sign * (int(whole or 0) * 100 + int((frac + "00")[:2]))


def half_even(x: Fraction) -> int:
    q, r = divmod(x.numerator, x.denominator)  # floor division
    if 2 * r > x.denominator or (2 * r == x.denominator and q % 2 == 1):
        q += 1
    return q


def day(text):
    return (date.fromisoformat(text) - EPOCH).days


def month_end(year, month):
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def read(name):
    path = f"{data}/{name}"
    return pd.read_csv(path, dtype=str, keep_default_na=False) if os.path.exists(path) else None


reps = read("reps.csv")
accounts = read("accounts.csv")[["id", "territory_id"]]
tx = read("transactions.csv")
splits = read("splits.csv").rename(columns={"type": "split_type"})
account_moves = read("account_territory_history.csv")
rep_moves = read("rep_territory_history.csv")

year_start, period_end = day(f"{YEAR}-01-01"), (month_end(YEAR, MONTH) - EPOCH).days
tx["day"] = (pd.to_datetime(tx["date"]).values.astype("datetime64[D]").astype("int64"))
tx = tx[(tx["day"] >= year_start) & (tx["day"] <= period_end)].copy()
tx["cents"] = tx["amount"].map(cents).astype("int64")
if "owner_id" not in tx.columns:
    tx["owner_id"] = ""

# Seats: (territory, from, until) per active rep, between hire (inclusive) and termination (exclusive).
hire = {r: (day(h) if h else -FAR) for r, h in zip(reps["id"], reps["hire_date"])}
ends = {r: (day(t) if t else FAR) for r, t in zip(reps["id"], reps["termination_date"])}
moves = {}
if rep_moves is not None:
    for r, t, d in zip(rep_moves["rep_id"], rep_moves["territory_id"], rep_moves["effective_date"]):
        moves.setdefault(r, []).append((day(d), t))
seats = {}  # rep -> [(territory, from, until)]
holders = {}  # territory -> [(from, until, rep)]
for r, t, status in zip(reps["id"], reps["territory_id"], reps["status"]):
    if status != "active":
        continue
    changes = [(-FAR, t)] + sorted(moves.get(r, []))
    for i, (d, territory) in enumerate(changes):
        end = changes[i + 1][0] if i + 1 < len(changes) else FAR
        lo, hi = max(d, hire[r]), min(end, ends[r])
        if territory and lo < hi:
            seats.setdefault(r, []).append((territory, lo, hi))
            holders.setdefault(territory, []).append((lo, hi, r))

# Revenue credits: splits where present (percent -> cents, half even), else the territory holder on the
# date, else the owner.
revenue_splits = splits[splits["split_type"] == "revenue"]
rev = revenue_splits.merge(tx, left_on="transaction_id", right_on="id")
share = rev["percentage"].map(lambda p: Fraction(p) / 100)
rev["credit"] = [half_even(c * s) for c, s in zip(rev["cents"], share)] if len(rev) else []
rev = rev.rename(columns={"rep_id": "person"})
unsplit = tx[~tx["id"].isin(set(revenue_splits["transaction_id"]))]
unsplit = unsplit.merge(accounts, left_on="account_id", right_on="id", suffixes=("", "_account"))
territory = unsplit["territory_id"].to_numpy(dtype=object).copy()
if account_moves is not None and len(account_moves):
    timeline = {}
    for a, t, d in zip(account_moves["account_id"], account_moves["territory_id"], account_moves["effective_date"]):
        timeline.setdefault(a, []).append((day(d), t))
    moved = unsplit["account_id"].isin(set(timeline)).to_numpy()
    for i in np.flatnonzero(moved):
        d = unsplit["day"].iat[i]
        for effective, t in sorted(timeline[unsplit["account_id"].iat[i]]):
            if effective <= d:
                territory[i] = t
person = np.full(len(unsplit), "", dtype=object)
days = unsplit["day"].to_numpy()
# Territories with one seat (nearly all): vectorized; others seat by seat, the lowest rep id winning.
single = {t: s[0] for t, s in holders.items() if len(s) == 1}
terr = pd.Series(territory)
lo = terr.map({t: s[0] for t, s in single.items()}).to_numpy(dtype=float)
hi = terr.map({t: s[1] for t, s in single.items()}).to_numpy(dtype=float)
holder = terr.map({t: s[2] for t, s in single.items()}).to_numpy(dtype=object)
inside = (days >= lo) & (days < hi)
person[inside] = holder[inside]
for t in (t for t, s in holders.items() if len(s) > 1):
    rows = np.flatnonzero(territory == t)
    for lo_, hi_, r in sorted(holders[t], key=lambda s: s[2], reverse=True):
        person[rows[(days[rows] >= lo_) & (days[rows] < hi_)]] = r
owners = unsplit["owner_id"].to_numpy(dtype=object)
person = np.where(person == "", owners, person)
unsplit = unsplit.assign(person=person, credit=unsplit["cents"])
unsplit = unsplit[unsplit["person"] != ""].rename(columns={"id": "transaction_id"})
columns = ["person", "transaction_id", "type", "order_type", "product", "credit", "day"]
credits = pd.concat([rev[columns], unsplit[columns]])

ae = reps[(reps["role"] == "Account Executive") & (reps["status"] == "active")]
credits = credits[credits["person"].isin(set(ae["id"]))].copy()
credits["month"] = pd.to_datetime(credits["day"], unit="D").dt.month
bookings = credits[credits["type"] != "order"]
monthly = {
    "new": bookings[bookings["order_type"].isin(["new", "upsell"])].groupby(["person", "month"])["credit"].sum(),
    "renewal": bookings[bookings["order_type"] == "renewal"].groupby(["person", "month"])["credit"].sum(),
}
month_credits = credits[credits["month"] == MONTH]
spiffs = month_credits[(month_credits["product"] == "P-ANALYTICS") & (month_credits["type"] == "booking")]
spiffs = spiffs.groupby("person").size()

# Quotas by (id, label): comp layout rows, or the quota step's quota_Qn columns; fitted seats.
quota, fitted = {}, set()
with open(quota_path, newline="") as f:
    rows = list(csv.DictReader(f))
for row in rows:
    if "node" in row:
        for q in range(1, 5):
            if f"quota_Q{q}" in row:
                quota[(row["node"], f"{YEAR}-Q{q}")] = cents(row[f"quota_Q{q}"])
        if Fraction(row.get("capacity") or "1") < 1:
            fitted.add(row["node"])
    else:
        quota[(row["id"], row["period"])] = cents(row["amount"])


def window_quota(node, q):
    own = quota.get((node, f"{YEAR}-Q{q}"))
    if own is not None:
        return own
    parts = [quota.get((node, f"{YEAR}-{m:02d}")) for m in range(3 * q - 2, 3 * q + 1)]
    return sum(parts) if all(p is not None for p in parts) else None


def employed(r, lo, hi):
    return max(0, min(hi, ends[r]) - max(lo, hire[r]))


def to_date(r, component, q, through):
    """The component's exact to-date payout of quarter q through month `through`."""
    lo, hi = day(f"{YEAR}-{3 * q - 2:02d}-01"), (month_end(YEAR, 3 * q) - EPOCH).days + 1
    window_days = hi - lo
    proration = Fraction(employed(r, lo, hi), window_days)
    if proration == 0:
        return Fraction(0)
    weight = Fraction(8, 10) if component == "new" else Fraction(2, 10)
    target = Fraction(TI) * weight * Fraction(3, 12) * proration
    held = [(t, max(a, lo), min(b, hi)) for t, a, b in seats.get(r, []) if a < hi and b > lo]
    if not held:
        raise SystemExit(f"no seat for {r} in {YEAR}-Q{q}")
    value = sum(Fraction(window_quota(t, q)) * Fraction(b - a, window_days) for t, a, b in held)
    is_fitted = all(t in fitted for t, _, _ in held)
    if not is_fitted and hire[r] > -FAR:
        start = EPOCH + timedelta(days=hire[r])
        months = [(m - start.month) + 12 * (YEAR - start.year) for m in range(3 * q - 2, 3 * q + 1)]
        months = [i for i in months if i >= 0]
        factor = sum((RAMP[i] if i < 3 else Fraction(1)) for i in months) / len(months) if months else Fraction(1)
        if factor < 1:
            value *= factor
    if value == 0:
        if is_fitted:
            return Fraction(0)
        raise SystemExit(f"zero quota for {r} in {YEAR}-Q{q}")
    series = monthly[component]
    credit = sum(int(series.get((r, m), 0)) for m in range(3 * q - 2, through + 1))
    a = Fraction(credit) / value
    if component == "new":
        if a < Fraction(1, 4):
            return Fraction(0)
        multiple = min(a, 1) + 2 * max(min(a, Fraction(3, 2)) - 1, 0) + 3 * max(a - Fraction(3, 2), 0)
        return min(multiple * target, 3 * target)
    if a < 0:
        return Fraction(0)
    return (a / 2 if a < 2 else Fraction(1)) * target


def earned(r, component, month):
    """Uncapped exact amount of `month`: its to-date payout less the previous month's of the quarter."""
    q = (month - 1) // 3 + 1
    now = to_date(r, component, q, month)
    return now - (to_date(r, component, q, month - 1) if month != 3 * q - 2 else 0)


rows = []
for r in ae["id"]:
    first, last = day(f"{YEAR}-{MONTH:02d}-01"), period_end + 1
    if employed(r, first, last) == 0:
        continue
    total = 0
    for component in ("new", "renewal"):
        amount = earned(r, component, MONTH)
        if component == "new":  # plan-year cap 3x the year's target
            year_days = (date(YEAR + 1, 1, 1) - date(YEAR, 1, 1)).days
            limit = 3 * Fraction(TI) * Fraction(8, 10) * Fraction(employed(r, year_start, year_start + year_days), year_days)
            before = sum(earned(r, component, m) for m in range(1, MONTH))
            if before + amount > limit:
                amount = min(before + amount, limit) - min(before, limit)
        total += half_even(amount)
    total += 250 * 100 * int(spiffs.get(r, 0))
    rows.append((r, f"{'-' if total < 0 else ''}{abs(total) // 100}.{abs(total) % 100:02d}"))

pd.DataFrame(rows, columns=["person_id", "total"]).to_csv(out, index=False)
