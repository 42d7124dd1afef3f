#!/usr/bin/env python3
"""Regenerates Data/geo/us-states.csv: a light outline of the 50 US states and DC for the report map.

Source: the U.S. Census Bureau cartographic boundary file `cb_2016_us_state_500k` (public domain),
as shipped inside the PyPI package `plotly-geo` 1.0.0 (MIT licence). Read with `pyshp`.

    pip install plotly-geo==1.0.0 pyshp==3.1.6
    python3 Data/geo/make_us_states.py            # writes Data/geo/us-states.csv

Each ring is simplified with Douglas-Peucker at TOLERANCE degrees (TOLERANCE_ALASKA for Alaska); rings whose bounding box is
smaller than MIN_EXTENT degrees (small islands) are dropped, except the largest ring of each state.
Output rows: `state,part,longitude,latitude` (one row per vertex, rings in file order, each ring
closed implicitly). Deterministic: same inputs give the same bytes.
"""

import os
import sys

import shapefile  # pyshp

TOLERANCE = 0.04   # degrees, about 4 km
TOLERANCE_ALASKA = 0.15  # Alaska is drawn as a shrunken inset
MIN_EXTENT = 0.25  # degrees: rings smaller than this in both directions are dropped
KEEP = {  # 50 states + DC; Puerto Rico and the island areas carry no demo accounts
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY",
}


def simplify(points, tolerance):
    """Douglas-Peucker on a list of (x, y); keeps the first and last point."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm == 0:
                d = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.append((first, index))
            stack.append((index, last))
    return [p for p, k in zip(points, keep) if k]


def extent(ring):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return max(xs) - min(xs), max(ys) - min(ys)


def shape_rings(shape):
    """The rings of a shapefile shape, positive longitudes folded west of -180 (the Aleutians cross
    the antimeridian), and the index of the ring with the largest bounding box."""
    bounds = list(shape.parts) + [len(shape.points)]
    rings = [shape.points[bounds[i]:bounds[i + 1]] for i in range(len(shape.parts))]
    rings = [[(x - 360 if x > 0 else x, y) for x, y in ring] for ring in rings]
    largest = max(range(len(rings)), key=lambda i: extent(rings[i])[0] * extent(rings[i])[1])
    return rings, largest


def simplified_rings(shape, tolerance, min_extent, keep_small=False):
    """The shape's rings simplified at `tolerance` (open: the closing vertex dropped), without rings
    smaller than `min_extent` in both directions but the largest and rings left with fewer than three
    vertices. With `keep_small`, a largest ring that would collapse is simplified at a tenth of the
    tolerance instead (a small city county keeps its shape)."""
    rings, largest = shape_rings(shape)
    kept = []
    for i, ring in enumerate(rings):
        w, h = extent(ring)
        if i != largest and w < min_extent and h < min_extent:
            continue
        simple = simplify(ring, tolerance)
        if keep_small and i == largest and len(set(simple)) < 4:
            simple = simplify(ring, tolerance / 10)
        if simple[0] == simple[-1]:
            simple = simple[:-1]
        if len(simple) >= 3:
            kept.append(simple)
    return kept


def main():
    import _plotly_geo  # from plotly-geo

    source = os.path.join(os.path.dirname(_plotly_geo.__file__), "package_data", "cb_2016_us_state_500k.shp")
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "us-states.csv")
    reader = shapefile.Reader(source)
    rows = ["state,part,longitude,latitude"]
    vertices = 0
    for shape_record in sorted(reader.iterShapeRecords(), key=lambda sr: sr.record["STUSPS"]):
        state = shape_record.record["STUSPS"]
        if state not in KEEP:
            continue
        tolerance = TOLERANCE_ALASKA if state == "AK" else TOLERANCE
        for part, simple in enumerate(simplified_rings(shape_record.shape, tolerance, MIN_EXTENT)):
            for x, y in simple:
                rows.append(f"{state},{part},{x:.3f},{y:.3f}")
            vertices += len(simple)
    with open(out, "w", newline="\n") as f:
        f.write("\n".join(rows) + "\n")
    print(f"wrote {out}: {vertices} vertices", file=sys.stderr)


if __name__ == "__main__":
    main()
