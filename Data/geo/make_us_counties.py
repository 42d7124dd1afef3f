#!/usr/bin/env python3
"""Regenerates Data/geo/us-counties.csv: light county outlines for the report map, drawn when
territories are built from counties (every county's accounts in one territory).

Source: the U.S. Census Bureau cartographic boundary file `cb_2016_us_county_500k` (public domain),
as shipped inside the PyPI package `plotly-geo` 1.0.0 (MIT licence). Read with `pyshp`.

    pip install plotly-geo==1.0.0 pyshp==3.1.6
    python3 Data/geo/make_us_counties.py          # writes Data/geo/us-counties.csv

Each ring is simplified with Douglas-Peucker at TOLERANCE degrees (TOLERANCE_ALASKA for Alaska),
the same code as make_us_states.py; rings smaller than MIN_EXTENT degrees in both directions are
dropped, except the largest ring of each county. Counties of states the state outline leaves out
(Puerto Rico, the island areas) are left out too.
Output rows: `fips,state,part,longitude,latitude` (one row per vertex, counties by FIPS code, rings
numbered per county from 0, each ring closed implicitly). Deterministic: same inputs give the same bytes.
"""

import os
import sys

import shapefile  # pyshp

from make_us_states import KEEP, simplified_rings

TOLERANCE = 0.02  # degrees, about 2 km: a third of a pixel on the report's 960-pixel map
TOLERANCE_ALASKA = 0.1
MIN_EXTENT = 0.1
STATE_CODES = {  # FIPS state code -> USPS code, for the states of KEEP
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE",
    "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA",
    "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD", "25": "MA", "26": "MI", "27": "MN",
    "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH", "34": "NJ", "35": "NM",
    "36": "NY", "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI",
    "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA",
    "54": "WV", "55": "WI", "56": "WY",
}
# counties renamed since the 2009 codes of counties.csv: their outline is written under both codes
OLD_CODES = {"02158": "02270", "46102": "46113"}


def main():
    import _plotly_geo  # from plotly-geo

    source = os.path.join(os.path.dirname(_plotly_geo.__file__), "package_data", "cb_2016_us_county_500k.shp")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "us-counties.csv")
    reader = shapefile.Reader(source)
    rows = ["fips,state,part,longitude,latitude"]
    vertices = counties = 0
    for shape_record in sorted(reader.iterShapeRecords(), key=lambda sr: sr.record["GEOID"]):
        fips = shape_record.record["GEOID"]
        state = STATE_CODES.get(fips[:2])
        if state not in KEEP:
            continue
        tolerance = TOLERANCE_ALASKA if state == "AK" else TOLERANCE
        rings = simplified_rings(shape_record.shape, tolerance, MIN_EXTENT, keep_small=True)
        for part, simple in enumerate(rings):
            for code in [fips] + ([OLD_CODES[fips]] if fips in OLD_CODES else []):
                for x, y in simple:
                    rows.append(f"{code},{state},{part},{x:.3f},{y:.3f}")
            vertices += len(simple)
        counties += len(rings) > 0
    with open(out, "w", newline="\n") as f:
        f.write("\n".join(rows) + "\n")
    print(f"wrote {out}: {counties} counties, {vertices} vertices", file=sys.stderr)


if __name__ == "__main__":
    main()
