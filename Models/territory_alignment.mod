/* territory_alignment.mod: the territory alignment Meridian's `territories design` solves.

   The same model as TerritoryDesign's AlignmentProblem with fixed centres
   (Sources/TerritoryDesign/Model/AlignmentProblem.swift, DisruptionBudget.swift,
   BalanceMeasure.swift): assign every unit (account, county, postal code) to exactly one
   territory so that
     - every balance measure k of every territory j lies within (1 -/+ tolerance[k]) * target[k,j],
       the target being an equal share of the total, a share proportional to the territory's
       capacity (FTE), or a given amount;
     - at most floor(max_moved_share * |C|) of the units C that have a current territory move, and
       at most max_moved_value_share of their value (the value measure) moves;
     - locked units stay in their current territory;
   and the weighted travel  sum weight[i] * distance(unit i, centre j)  plus
   move_penalty * (value moved) is minimal. The weight is the compactness measure's value (1 when
   none is named); distance is Euclidean on x/y or great-circle (haversine, km, on latitude/
   longitude, radius 6371.0088 km).

   The Swift engine solves it by Lagrangian relaxation of the balance and disruption rows plus
   repair and local search, and reports a proven lower bound; GLPK solves this MIP exactly on small
   instances, so the optimum here must lie between the Swift bound and the Swift objective.
   Choosing the centres among candidates (p-median) is Models/territory_pmedian.mod.

   Run:  glpsol --math Models/territory_alignment.mod --data Models/territory_alignment.dat
   or    meridian solve Models/territory_alignment.mod --data Models/territory_alignment.dat
   Prints "objective <value>", then "assign <unit> <territory>" and one "territory" line each. */

set U;                                          /* units */
set T;                                          /* territories */
set M;                                          /* balance measures */

param metric symbolic in {"euclidean", "haversine"}, default "euclidean";
param x{U};                                     /* unit location: x, or latitude in degrees */
param y{U};                                     /* unit location: y, or longitude in degrees */
param cx{T};                                    /* territory centre (the rep's home base) */
param cy{T};

param value{M, U} >= 0;                         /* measure values of each unit */
param tolerance{M} >= 0;                        /* allowed relative deviation from the target */
param target_rule{M} symbolic in {"equal", "capacity", "given"}, default "equal";
param capacity{T} > 0, default 1;               /* FTE, for targets proportional to capacity */
param given{M, T} >= 0, default 0;              /* targets for measures with rule "given" */
param compactness symbolic, default "";         /* measure weighting travel ("" = every unit 1) */

param current{U} symbolic, default "";          /* today's territory ("" = new unit) */
param locked{U} binary, default 0;              /* 1: stays in its current territory */
param max_moved_share >= 0, <= 1, default 1;    /* largest share of units that may move */
param max_moved_value_share >= 0, <= 1, default 1;   /* largest share of value that may move */
param move_penalty >= 0, default 0;             /* objective cost per unit of value moved */
param value_measure symbolic, default "";       /* measure giving a unit's value ("" = 1 each) */

set C := setof{i in U: current[i] != ""} i;     /* units with a current territory */
check{i in C}: current[i] in T;
check{i in U: locked[i] = 1}: current[i] != "";

param total{k in M} := sum{i in U} value[k, i];
param target{k in M, j in T} :=
    if target_rule[k] = "equal" then total[k] / card(T)
    else if target_rule[k] = "capacity" then total[k] * capacity[j] / sum{t in T} capacity[t]
    else given[k, j];
param weight{i in U} := if compactness in M then value[compactness, i] else 1;
param move_value{i in U} := if value_measure in M then value[value_measure, i] else 1;
param radians := 4 * atan(1) / 180;
param h{i in U, j in T} := sin((cx[j] - x[i]) * radians / 2) ^ 2
    + cos(x[i] * radians) * cos(cx[j] * radians) * sin((cy[j] - y[i]) * radians / 2) ^ 2;
param distance{i in U, j in T} :=
    if metric = "euclidean" then sqrt((x[i] - cx[j]) ^ 2 + (y[i] - cy[j]) ^ 2)
    else 2 * 6371.0088 * atan(sqrt(min(1, h[i, j])), sqrt(max(0, 1 - h[i, j])));

var assign{U, T} binary;

/* A unit of C moves when it is assigned to any territory but its current one (one of them, since
   each unit has exactly one territory); written this way, no row carries a constant term. */
minimize objective:
    sum{i in U, j in T} weight[i] * distance[i, j] * assign[i, j]
    + move_penalty * sum{i in C, j in T: j != current[i]} move_value[i] * assign[i, j];

s.t. assign_once{i in U}: sum{j in T} assign[i, j] = 1;
s.t. balance_low{k in M, j in T}: sum{i in U} value[k, i] * assign[i, j] >= (1 - tolerance[k]) * target[k, j];
s.t. balance_high{k in M, j in T}: sum{i in U} value[k, i] * assign[i, j] <= (1 + tolerance[k]) * target[k, j];
s.t. moved_units: sum{i in C, j in T: j != current[i]} assign[i, j] <= floor(max_moved_share * card(C));
s.t. moved_value: sum{i in C, j in T: j != current[i]} move_value[i] * assign[i, j]
    <= max_moved_value_share * sum{i in C} move_value[i];
s.t. lock{i in U: locked[i] = 1}: assign[i, current[i]] = 1;

solve;

printf "objective %.9f\n", objective;
printf{i in U, j in T: assign[i, j] > 0.5} "assign %s %s\n", i, j;
printf{j in T} "territory %s units %d moved in %d\n", j, sum{i in U} round(assign[i, j]),
    sum{i in C: current[i] != j} round(assign[i, j]);
end;
