#!/usr/bin/env python3
"""Converts Data/geo (US counties + adjacency) into the CLI's accounts CSV for contiguous design.

Keeps the contiguous US: drops Alaska, Hawaii and the territories (PR, VI, GU, AS, MP), and any
county left without a neighbour (islands). Writes `fips,latitude,longitude,n_zips,n_cities,
city_pop_sum,counties` (latitude/longitude = a point inside the county; `counties` = 1 for count
balance). Attribution: Contains data from GeoNames (geonames.org), CC BY 4.0. Source: U.S. Census
Bureau, TIGER/Line Shapefiles.

usage: us_counties_units.py Data/geo OUT.csv
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
    w.writerow(["fips", "latitude", "longitude", "n_zips", "n_cities", "city_pop_sum", "counties"])
    for r in rows:
        w.writerow([r["fips"], r["rep_latitude"], r["rep_longitude"], r["n_zips"] or 0, r["n_cities"] or 0,
                    r["city_pop_sum"] or 0, 1])
print(f"{len(rows)} counties written to {out}", file=sys.stderr)
