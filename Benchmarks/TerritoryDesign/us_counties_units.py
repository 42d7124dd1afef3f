#!/usr/bin/env python3
"""Converts Data/geo (US counties + adjacency) into the CLI's accounts CSV for contiguous design.

Keeps the contiguous US: drops Alaska, Hawaii and the territories (PR, VI, GU, AS, MP), and any
county left without a neighbour (islands). Writes `fips,latitude,longitude,n_zips,n_cities,
population,counties` (latitude/longitude = a point inside the county; `population` = the summed
population of the county's GeoNames places, a proxy that counts New York City and its boroughs
twice; `counties` = 1 for count balance).

With a third argument, also writes a territories CSV of rep home bases: the largest place of each
of the HOMES (default 40) counties with the largest places, one rep per county.

Attribution: Contains data from GeoNames (geonames.org), CC BY 4.0. Source: U.S. Census Bureau,
TIGER/Line Shapefiles.

usage: us_counties_units.py Data/geo OUT.csv [HOMES_OUT.csv [HOMES]]
"""
import csv, sys

geo, out = sys.argv[1], sys.argv[2]
excluded_states = {"AK", "HI", "PR", "VI", "GU", "AS", "MP"}
rows = [r for r in csv.DictReader(open(f"{geo}/counties.csv")) if r["state"] not in excluded_states]
keep = {r["fips"] for r in rows}
degree = {}
for a in csv.DictReader(open(f"{geo}/county_adjacency.csv")):
    if a["fips_a"] in keep and a["fips_b"] in keep:
        degree[a["fips_a"]] = degree.get(a["fips_a"], 0) + 1
        degree[a["fips_b"]] = degree.get(a["fips_b"], 0) + 1
rows = [r for r in rows if degree.get(r["fips"], 0) > 0]
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["fips", "latitude", "longitude", "n_zips", "n_cities", "population", "counties"])
    for r in rows:
        w.writerow([r["fips"], r["rep_latitude"], r["rep_longitude"], r["n_zips"] or 0, r["n_cities"] or 0,
                    r["city_pop_sum"] or 0, 1])
print(f"{len(rows)} counties written to {out}", file=sys.stderr)

if len(sys.argv) > 3:
    homes_out = sys.argv[3]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 40
    kept = {r["fips"] for r in rows}
    places = sorted((c for c in csv.DictReader(open(f"{geo}/cities.csv")) if c["county_fips"] in kept),
                    key=lambda c: (-int(c["population"]), c["id"]))
    seen, homes = set(), []
    for c in places:
        if c["county_fips"] not in seen:
            seen.add(c["county_fips"])
            homes.append(c)
        if len(homes) == count:
            break
    with open(homes_out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "latitude", "longitude"])
        for c in homes:
            w.writerow([f"{c['name'].replace(' ', '_')}_{c['state']}", c["latitude"], c["longitude"]])
    print(f"{len(homes)} home bases written to {homes_out}", file=sys.stderr)
