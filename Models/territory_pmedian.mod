/* Territory alignment with centres chosen among units: capacitated / balanced p-median,
   optionally contiguous. The same model as Meridian's Swift-built one
   (Sources/TerritoryDesign/Exact/PMedianModel.swift); contiguity, which the Swift engine adds
   lazily as separator cuts, is written here as a single-commodity flow from each centre.

   Run: glpsol --math Models/territory_pmedian.mod --data instance.dat
   (Models/territory_alignment.mod is the fixed-centre alignment `territories design` solves.)            */

set U;                                  /* units; every unit is also a candidate centre */
param p integer > 0;                    /* number of territories (centres to open) */
param cost{i in U, j in U} >= 0;        /* cost of serving unit i from the centre on unit j */

/* Capacity (optional): demand of each unit, capacity of each candidate centre. */
param demand{i in U} >= 0, default 0;
param capacity{j in U} >= 0, default 1e30;

/* Balanced measures (optional): each open territory's total within [lower, upper]. */
set M, default {};
param value{m in M, i in U}, default 0;
param lower{m in M}, default -1e30;
param upper{m in M}, default 1e30;

/* 1: an open centre serves its own unit. 1 is implied by contiguity. */
param self_served binary, default 0;
/* Contiguity (optional) over the undirected adjacency E. */
param contiguous binary, default 0;
set E within U cross U, default setof{u in U, v in U: 0 = 1} (u, v);
set A := E union setof{(u, v) in E} (v, u);   /* both arc directions */

var open{j in U} binary;
var assign{i in U, j in U} binary;
var flow{j in U, (u, v) in A: contiguous = 1} >= 0;

minimize total_cost: sum{i in U, j in U} cost[i, j] * assign[i, j];

s.t. assign_once{i in U}: sum{j in U} assign[i, j] = 1;
s.t. centres: sum{j in U} open[j] = p;
s.t. link{i in U, j in U}: assign[i, j] <= open[j];
s.t. own_unit{j in U: self_served = 1 or contiguous = 1}: assign[j, j] = open[j];
s.t. capacity_row{j in U: capacity[j] < 1e30}: sum{i in U} demand[i] * assign[i, j] <= capacity[j] * open[j];
s.t. balance_low{m in M, j in U}: sum{i in U} value[m, i] * assign[i, j] >= lower[m] * open[j];
s.t. balance_high{m in M, j in U}: sum{i in U} value[m, i] * assign[i, j] <= upper[m] * open[j];

/* Contiguity: centre j sends one unit of flow to every other member of its territory, along
   arcs inside the territory only. */
s.t. flow_balance{j in U, u in U: contiguous = 1 and u != j}:
    sum{(v, u) in A} flow[j, v, u] - sum{(u, v) in A} flow[j, u, v] = assign[u, j];
s.t. flow_tail{j in U, (u, v) in A: contiguous = 1}: flow[j, u, v] <= (card(U) - 1) * assign[u, j];
s.t. flow_head{j in U, (u, v) in A: contiguous = 1}: flow[j, u, v] <= (card(U) - 1) * assign[v, j];

solve;

printf "objective %.6f\n", total_cost;
printf{j in U: open[j] > 0.5} "centre %s serves %d units\n", j, sum{i in U} assign[i, j];

end;
