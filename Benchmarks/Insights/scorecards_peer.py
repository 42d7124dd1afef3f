#!/usr/bin/env python3
"""pandas reference for insights-bench: the rep-level scorecards of the same synthetic data.

Usage: scorecards_peer.py REPS ACTIVITIES OPPORTUNITIES. Prints the timed part ("pandas scorecards:
S s") and the same checksum as the Swift side. Generation (numpy, from the same integer formulas)
is not timed.
"""
import sys
import time

import numpy as np
import pandas as pd

reps, n_act, n_opp = (int(x) for x in sys.argv[1:4])
base = np.datetime64("2026-01-01")
start, as_of, end = np.datetime64("2026-07-01"), np.datetime64("2026-08-15"), np.datetime64("2026-09-30")

j = np.arange(n_opp, dtype=np.int64)
created = base + (j * 13) % 365
close = created + 20 + (j * 11) % 130
state = j % 10
opp = pd.DataFrame({"owner": j % reps, "amount": (1000 + (j * 37) % 50000).astype(float), "created": created,
                    "close": close, "closed": state < 7, "won": state < 4})
i = np.arange(n_act, dtype=np.int64)
act = pd.DataFrame({"rep": (i * 31) % reps, "kind": i % 3, "date": base + (i * 17) % 365})

t0 = time.perf_counter()
open_mask = (opp.created <= as_of) & (~opp.closed | (opp.close > as_of))
in_period = open_mask & (opp.close <= end)
closed_window = opp.closed & (opp.close >= start) & (opp.close <= as_of)
o = opp.assign(open=open_mask.astype(int), pipeline=np.where(in_period, opp.amount, 0.0),
               won_w=(closed_window & opp.won).astype(int), lost_w=(closed_window & ~opp.won).astype(int),
               won_amount=np.where(closed_window & opp.won, opp.amount, 0.0),
               cycle=np.where(closed_window & opp.won, (opp.close - opp.created).dt.days, 0))
g = o.groupby("owner")[["open", "pipeline", "won_w", "lost_w", "won_amount", "cycle"]].sum()
a = act[(act.date >= start) & (act.date <= as_of)]
counts = a.groupby(["rep", "kind"]).size().unstack(fill_value=0)
card = g.join(counts, how="outer").fillna(0)
win_rate = card.won_w / (card.won_w + card.lost_w)
avg_deal = card.won_amount / card.won_w
cycle_days = card.cycle / card.won_w
velocity = (card.open * avg_deal * win_rate / cycle_days).replace([np.inf, -np.inf], np.nan)
seconds = time.perf_counter() - t0

print(f"pandas scorecards: {seconds:.2f} s (rep level only)")
print(f"pandas checksum: open {int(card.open.sum())}, won {int(card.won_w.sum())}, "
      f"activities {int(counts.values.sum())}, velocity {np.nansum(velocity.values):.4f}")
