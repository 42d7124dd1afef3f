#!/usr/bin/env python3
"""Independent pandas reference of the demo AE plan (Data/demo/plans/ae.yaml) for one month, 2026-03.

Reads a comp-bench dataset folder and writes person_id,total for every Account Executive. Written
from docs/comp-plans.md, not from the Swift code: integer cents, exact fractions, one half-even
rounding per component. What it covers (everything the AE plan uses on a one-month dataset):
revenue splits, else the account's territory holder; new business (order_type new|upsell,
bookings+refunds, quarter to date, threshold 25 %, marginal 1x/2x/3x of target at 0/100/150 %,
cap 3x target); renewals (pay curve 0->0, 100 %->0.5, 200 %->1, flat after); the P-ANALYTICS
SPIFF (250 per credited booking); proration by days in seat and the 25/50/75 % ramp.
Usage: reference.py DATA_DIR OUT_CSV
"""
import sys
from fractions import Fraction
from datetime import date

import pandas as pd

data, out = sys.argv[1], sys.argv[2]
Q_START, Q_END, Q_DAYS = date(2026, 1, 1), date(2026, 3, 31), 90
TI = 100_000 * 100  # cents


def cents(text):
    sign = -1 if text.startswith("-") else 1
    whole, _, frac = text.lstrip("+-").partition(".")
    return sign * (int(whole) * 100 + int((frac + "00")[:2]))


def half_even(x: Fraction) -> int:
    q, r = divmod(x.numerator, x.denominator)  # floor division
    twice = 2 * r
    if twice > x.denominator or (twice == x.denominator and q % 2 == 1):
        q += 1
    return q


reps = pd.read_csv(f"{data}/reps.csv", dtype=str, keep_default_na=False)
accounts = pd.read_csv(f"{data}/accounts.csv", dtype=str, keep_default_na=False, usecols=["id", "territory_id"])
tx = pd.read_csv(f"{data}/transactions.csv", dtype=str, keep_default_na=False)
splits = pd.read_csv(f"{data}/splits.csv", dtype=str, keep_default_na=False).rename(columns={"type": "split_type"})
quotas = pd.read_csv(f"{data}/quotas.csv", dtype=str, keep_default_na=False)

tx["cents"] = tx["amount"].map(cents).astype("int64")
ae = reps[reps["role"] == "Account Executive"]
holder = dict(zip(ae["territory_id"], ae["id"]))
hire = {r: date.fromisoformat(h) for r, h in zip(ae["id"], ae["hire_date"])}

# Revenue credits: splits where present (percent -> cents, half even), else the territory holder on the date.
rev = splits[splits["split_type"] == "revenue"].merge(tx, left_on="transaction_id", right_on="id")
rev["share"] = rev["percentage"].astype("int64")
prod = rev["cents"] * rev["share"]
q, r = prod // 100, prod % 100
rev["credit"] = q + ((2 * r > 100) | ((2 * r == 100) & (q % 2 == 1))).astype("int64")
rev = rev.rename(columns={"rep_id": "person"})[["person", "transaction_id", "type", "order_type", "product", "credit", "date"]]
unsplit = tx[~tx["id"].isin(set(splits.loc[splits["split_type"] == "revenue", "transaction_id"]))]
unsplit = unsplit.merge(accounts, left_on="account_id", right_on="id", suffixes=("", "_account"))
unsplit["person"] = unsplit["territory_id"].map(holder)
unsplit["on"] = pd.to_datetime(unsplit["date"]).dt.date
unsplit = unsplit[[p is not None and isinstance(p, str) and hire[p] <= d for p, d in zip(unsplit["person"], unsplit["on"])]]
unsplit = unsplit.rename(columns={"id": "transaction_id", "cents": "credit"})
credits = pd.concat([rev, unsplit[["person", "transaction_id", "type", "order_type", "product", "credit", "date"]]])
credits = credits[credits["person"].isin(set(ae["id"]))]

bookings = credits[credits["type"] != "order"]
new_business = bookings[bookings["order_type"].isin(["new", "upsell"])].groupby("person")["credit"].sum()
renewals = bookings[bookings["order_type"] == "renewal"].groupby("person")["credit"].sum()
spiffs = credits[(credits["product"] == "P-ANALYTICS") & (credits["type"] == "booking")].groupby("person").size()
territory_quota = {i: cents(a) for i, a, p in zip(quotas["id"], quotas["amount"], quotas["period"]) if p == "2026-Q1"}

rows = []
for person, territory in zip(ae["id"], ae["territory_id"]):
    start = max(hire[person], Q_START)
    days = (Q_END - start).days + 1
    proration = Fraction(days, Q_DAYS)
    quota = Fraction(territory_quota[territory]) * proration
    months = [(m - hire[person].month) + 12 * (2026 - hire[person].year) for m in (1, 2, 3)]
    months = [i for i in months if i >= 0]
    ramp = [Fraction(1, 4), Fraction(1, 2), Fraction(3, 4)]
    factor = sum((ramp[i] if i < 3 else Fraction(1)) for i in months) / len(months)
    quota *= min(factor, Fraction(1)) if factor < 1 else 1
    total = 0
    # New business: weight 80 %, quarter target = TI x 0.8 x 3/12 x proration.
    target = Fraction(TI) * Fraction(8, 10) * Fraction(3, 12) * proration
    a = Fraction(int(new_business.get(person, 0))) / quota
    if a >= Fraction(1, 4):
        multiple = min(a, 1) + 2 * max(min(a, Fraction(3, 2)) - 1, 0) + 3 * max(a - Fraction(3, 2), 0)
        total += half_even(min(multiple * target, 3 * target))
    # Renewals: weight 20 %, curve (0,0) (1,0.5) (2,1), flat after, 0 below 0.
    target = Fraction(TI) * Fraction(2, 10) * Fraction(3, 12) * proration
    a = Fraction(int(renewals.get(person, 0))) / quota
    if a >= 0:
        multiple = a / 2 if a < 2 else Fraction(1)
        total += half_even(multiple * target)
    total += 250 * 100 * int(spiffs.get(person, 0))
    rows.append((person, f"{'-' if total < 0 else ''}{abs(total) // 100}.{abs(total) % 100:02d}"))

pd.DataFrame(rows, columns=["person_id", "total"]).to_csv(out, index=False)
