/* Capacitated p-median problem (OR-Library pmedcap1; Osman & Christofides, 1994).

   Choose p of the n points as medians, assign every point (medians included) to exactly one
   median, keep the total demand assigned to each median within its capacity Q, and minimise
   the total distance from points to their medians. Distances are floor(Euclidean), the
   convention under which the published optima hold.

   Run:  glpsol --math Models/capacitated_p_median.mod --data Models/pmedcap1_01.dat
         meridian solve Models/capacitated_p_median.mod --data Models/pmedcap1_01.dat       */

param n, integer, > 0;            # number of points
param p, integer, > 0, <= n;      # number of medians to open
param Q, > 0;                     # capacity of every median
set I := 1..n;
param px{I};                      # x coordinate
param py{I};                      # y coordinate
param demand{I}, >= 0;

param dist{i in I, j in I} := floor(sqrt((px[i] - px[j])^2 + (py[i] - py[j])^2));

var assign{i in I, j in I}, binary;   # point i is served by median j
var median{j in I}, binary;           # point j is a median

minimize total_distance: sum{i in I, j in I} dist[i, j] * assign[i, j];

s.t. served{i in I}: sum{j in I} assign[i, j] = 1;
s.t. capacity{j in I}: sum{i in I} demand[i] * assign[i, j] <= Q * median[j];
s.t. medians: sum{j in I} median[j] = p;
s.t. open{i in I, j in I}: assign[i, j] <= median[j];

solve;

printf "total distance: %d\n", sum{i in I, j in I} dist[i, j] * assign[i, j];
printf{j in I: median[j] > 0.5} "median %d serves %d points, demand %d of %d\n",
    j, sum{i in I} assign[i, j], sum{i in I} demand[i] * assign[i, j], Q;

end;
