/* Capacity planning: hires by role and start month so each quarter's productive capacity covers
   coverage × quota at least expected cost. The MathProg twin of Planning's CapacityPlanner
   (docs/capacity.md). Attrition is an expected fractional loss: of n sellers in seat in month t,
   n (1 - attr) remain in t + 1; only the hires are whole numbers.

   glpsol -m Models/capacity_planning.mod -d Models/capacity_planning.dat
   prints "COST <total, current sellers included>" and one "HIRE <role> <start month> <count>" line per non-zero hire. */

set R;                                       # roles
param M integer > 0;                         # plan months (3 per quarter)
param Q := M div 3;                          # quarters
param L integer >= 0, < M, default 0;        # lead time: decision in d starts in d + L
param coverage > 0, default 1;               # capacity must reach coverage × quota
param quota{1..Q} >= 0;
param prod{R} > 0;                           # monthly bookings of a ramped seller
param rampLen{R} integer >= 0, default 0;
param ramp{r in R, k in 1..rampLen[r]} >= 0, <= 1;   # share in the k-th month in seat
param attr{R} >= 0, < 1, default 0;          # monthly attrition
param hireCost{R} >= 0, default 0;
param monthCost{R} >= 0, default 0;          # cost of one seller-month
param maxRole{R} >= 0, default 1e9;          # hires of a role per month
param maxAll >= 0, default 1e9;              # hires of all roles per month
param budget >= 0, default 1e18;             # cost of the hires
set C within {R, 0..1200};                   # current cohorts (role, months in seat)
param count{C} >= 0;

# productivity share of a seller in the (j+1)-th month in seat
param share{r in R, j in 0..M + 1200} := if j < rampLen[r] then ramp[r, j + 1] else 1;
param worth{r in R, u in 1..M, t in 1..M} :=
    if t < u then 0 else (1 - attr[r])^(t - u) * share[r, t - u] * prod[r];
param current{q in 1..Q} := sum{(r, k) in C, t in 3 * q - 2..3 * q}
    count[r, k] * (1 - attr[r])^(t - 1) * share[r, k + t - 1] * prod[r];
param unitCost{r in R, u in 1..M} := hireCost[r] + monthCost[r] * sum{t in u..M} (1 - attr[r])^(t - u);
param currentCost := sum{(r, k) in C, t in 1..M} count[r, k] * (1 - attr[r])^(t - 1) * monthCost[r];

var h{r in R, u in L + 1..M} integer >= 0, <= maxRole[r];

# The current sellers' cost is a constant, added when printing (a row value in printf omits it).
minimize cost: sum{r in R, u in L + 1..M} unitCost[r, u] * h[r, u];
s.t. cover{q in 1..Q}:
    current[q] + sum{r in R, u in L + 1..M, t in 3 * q - 2..3 * q} worth[r, u, t] * h[r, u] >= coverage * quota[q];
s.t. perMonth{u in L + 1..M}: sum{r in R} h[r, u] <= maxAll;
s.t. spend: sum{r in R, u in L + 1..M} unitCost[r, u] * h[r, u] <= budget;

solve;
printf "COST %.6f\n", currentCost + cost;
printf{r in R, u in L + 1..M: h[r, u] > 0.5} "HIRE %s %d %d\n", r, u, h[r, u];
end;
