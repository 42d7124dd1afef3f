/* quota_allocation.mod: one sibling group of the Meridian quota cascade.

   The same LP as QuotaPlanning's SiblingAllocation (Sources/QuotaPlanning/Allocation/
   SiblingAllocation+LP.swift). The children of one parent share the amount left of the parent's
   pool once fixed quotas (manual overrides, attrition-relief reserve) are taken out. Each flexible
   child i has a target t[i] (its basis share, after ramp and fairness) and bounds
   lo[i] <= q[i] <= up[i] (growth floor and cap against prior year, ramp limit). A member whose
   target lies beyond a bound that the group's move does not reach is pinned there (pin = 1, chosen
   by water-filling in Swift); the free members stay as close as possible to their targets in
   relative terms: minimise the largest relative deviation z = max |q[i] - t[i]| / d[i], plus
   tiebreak (1e-3) times the mean relative deviation. d[i] is the target kept away from zero. Amounts are divided by the available pool,
   as in the Swift model, so every coefficient stays near 1.

   Run:  glpsol -m quota_allocation.mod -d group.dat
   (group.dat from SiblingAllocation.mathProgData()). Prints "QUOTA <child> <amount>" and
   "MAXDEV <z>" lines.
*/

set I;                                   /* flexible children */
param available > 0;                     /* pool minus fixed quotas */
param t{I} >= 0;                         /* targets */
param lo{I} >= 0, default 0;             /* floors */
param up{I} >= 0, default 1e30;          /* caps (1e30 = none) */
param n := card(I);
param pin{I} binary, default 0;         /* 1: held at the bound its target lies beyond */
param tc{i in I} := min(max(t[i], lo[i]), max(lo[i], up[i]));   /* target moved into the bounds */
param d{i in I} := max(t[i], 1e-6 * available / n) / available;
set F := setof{i in I: pin[i] = 0} i;    /* free members */
param tiebreak >= 0, default 1e-3;      /* weight of the mean relative deviation */

var q{i in I} >= lo[i] / available, <= max(lo[i], up[i]) / available;
var over{F} >= 0;
var under{F} >= 0;
var z >= 0;

minimize deviation:
    z + tiebreak * sum{i in F} (over[i] + under[i]) / (d[i] * card(F));

s.t. pool: sum{i in I} q[i] = 1;
s.t. pinned{i in I: pin[i] = 1}: q[i] = tc[i] / available;
s.t. dev{i in F}: q[i] - over[i] + under[i] = t[i] / available;
s.t. largest{i in F}: over[i] + under[i] - d[i] * z <= 0;

solve;

printf{i in I} "QUOTA %s %.9f\n", i, q[i] * available;
printf "MAXDEV %.12f\n", z;
end;
