#!/usr/bin/env python3
"""Convert the public territory benchmark files into Meridian's own CSVs.

The CLI reads only the project's CSVs; this script is the one place that knows the public layouts
(see ../shared/instances/*/README.md).

    python3 Benchmarks/TerritoryDesign/convert_instances.py [--shared ../shared] [--out /tmp/td-instances]

For every OR-Library pmedcap1 problem and every CTDP "DU" instance it writes a folder with
  accounts.csv    id,x,y,<measures>          (pmedcap: demand; CTDP: activity1..3)
  centres.csv     id,x,y,capacity            (candidate centres: every unit)
  adjacency.csv   unit_a,unit_b              (CTDP only: the planar adjacency graph)
  instance.json   territories, tolerance or capacity, distance convention, reference values
Errors name the file, the token number and the offending text.
"""
import argparse
import csv
import json
import pathlib
import sys


class FormatError(Exception):
    pass


class Tokens:
    def __init__(self, path):
        self.path = path
        self.tokens = path.read_text().split()
        self.position = 0

    def number(self, what, integer=False):
        if self.position >= len(self.tokens):
            raise FormatError(f"{self.path.name}: token {self.position + 1}: end of file, expected {what}")
        text = self.tokens[self.position]
        self.position += 1
        try:
            value = float(text)
        except ValueError:
            raise FormatError(f"{self.path.name}: token {self.position}: '{text}' is not a number ({what})")
        if integer:
            if value != int(value):
                raise FormatError(f"{self.path.name}: token {self.position}: '{text}' is not an integer ({what})")
            return int(value)
        return value


def write_csv(path, header, rows):
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([int(v) if isinstance(v, float) and v.is_integer() else v for v in row])


def convert_pmedcap(path, out):
    t = Tokens(path)
    problem_id = t.number("problem id", integer=True)
    optimum = t.number("optimal value")
    n = t.number("point count", integer=True)
    p = t.number("median count", integer=True)
    capacity = t.number("capacity")
    accounts, centres = [], []
    for k in range(1, n + 1):
        index = t.number("point index", integer=True)
        if index != k:
            raise FormatError(f"{path.name}: token {t.position}: point {index}, expected {k}")
        x, y, demand = t.number(f"x of point {k}"), t.number(f"y of point {k}"), t.number(f"demand of point {k}")
        accounts.append([f"P{k}", x, y, demand])
        centres.append([f"P{k}", x, y, capacity])
    folder = out / path.stem
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(folder / "accounts.csv", ["id", "x", "y", "demand"], accounts)
    write_csv(folder / "centres.csv", ["id", "x", "y", "capacity"], centres)
    meta = {"source": f"OR-Library pmedcap1 problem {problem_id}", "territories": p, "capacityMeasure": "demand",
            "distance": "floor(euclidean)", "publishedOptimum": optimum}
    (folder / "instance.json").write_text(json.dumps(meta, indent=2) + "\n")


def convert_ctdp(path, out):
    t = Tokens(path)
    n = t.number("unit count", integer=True)
    accounts, centres = [], []
    for k in range(n):
        uid = t.number("unit id", integer=True)
        if uid != k:
            raise FormatError(f"{path.name}: token {t.position}: unit {uid}, expected {k}")
        x, y = t.number(f"x of unit {k}"), t.number(f"y of unit {k}")
        activities = [t.number(f"activity {a + 1} of unit {k}") for a in range(3)]
        t.number(f"trailing field of unit {k}")
        accounts.append([f"U{k}", x, y] + activities)
        centres.append([f"U{k}", x, y, 1])
    m = t.number("edge count", integer=True)
    edges = []
    for e in range(m):
        u, v = t.number(f"edge {e + 1} first unit", integer=True), t.number(f"edge {e + 1} second unit", integer=True)
        if not (0 <= u < n and 0 <= v < n):
            raise FormatError(f"{path.name}: token {t.position}: edge {e + 1} ({u}, {v}) outside 0..{n - 1}")
        edges.append([f"U{u}", f"U{v}"])
    p = t.number("territory count", integer=True)
    t.number("territory count (repeated)", integer=True)
    tolerances = [t.number(f"tolerance {a + 1}") for a in range(3)]
    name = path.name.replace("-edited.dat", "")
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(folder / "accounts.csv", ["id", "x", "y", "activity1", "activity2", "activity3"], accounts)
    write_csv(folder / "centres.csv", ["id", "x", "y", "capacity"], centres)
    write_csv(folder / "adjacency.csv", ["unit_a", "unit_b"], edges)
    meta = {"source": f"CTDP DU instance {name}", "territories": p, "distance": "euclidean",
            "tolerance": dict(zip(["activity1", "activity2", "activity3"], tolerances)), "contiguous": True}
    (folder / "instance.json").write_text(json.dumps(meta, indent=2) + "\n")


def main():
    here = pathlib.Path(__file__).resolve()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=pathlib.Path, default=here.parents[3] / "shared")
    parser.add_argument("--out", type=pathlib.Path, default=pathlib.Path("/tmp/td-instances"))
    args = parser.parse_args()
    instances = args.shared / "instances"
    count = 0
    try:
        for path in sorted((instances / "orlib-pmedcap1").glob("pmedcap1_??.txt")):
            convert_pmedcap(path, args.out / "pmedcap1")
            count += 1
        for path in sorted((instances / "ctdp-du-riosmercado").glob("*.dat")):
            convert_ctdp(path, args.out / "ctdp")
            count += 1
    except (FormatError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 65
    print(f"converted {count} instances into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
