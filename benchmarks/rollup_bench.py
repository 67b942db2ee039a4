"""Bulk rollup benchmark: the columnar path against a pandas peer and a parse-only floor.

On the same generated files (``benchmarks/generate.py``: a national register
and commune × month × indicator tidy rows), each in its own process (one run
each, so a cache or a warm allocator never helps the next):

(a) ``antq_domain.bulk.rollup_file_many``: one streaming scan of the file
    (validated: every row checked as ``read_observations`` checks it, exact
    integers and decimals) rolled up to province-year and to nation-year,
    with ratios, missing places and lower bounds (the full ``Rollup`` result);
(a') the held-table path: ``read_table`` + ``rollup_table`` twice (same result);
(b) the pandas peer: a hand-written ``read_csv`` + ``groupby().sum()`` doing
    the plain sums to province-year and nation-year (no validation, no
    missing-value semantics, floats);
(c) the floor: (a)'s own scan (polars' streaming engine, the same schema
    and options) parsing every column of the file and counting its nulls,
    nothing else.

Each child measures its own wall time (imports included) and its own peak
resident memory (``ru_maxrss`` of the child alone, which counts the pages of
the CSV that polars maps into memory). Two sizes run in one command (n and n/4), so the
growth a(4n)/a(n) shows. Targets: a/b <= 1.0 at full size, a/c <= 3, peak(a)
<= peak(b), a(4n)/a(n) <= 4.4.

Usage::

    python benchmarks/rollup_bench.py                 # full size (~3.8 M rows) and a quarter
    python benchmarks/rollup_bench.py --rows 200000   # a quick run
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROWS_PER_COMMUNE = 358  # 30 indicators x 12 months, less the absent rows
FULL_ROWS = 3_796_758


def child_a(folder: Path) -> dict[str, object]:
    from datetime import date

    from antq_domain.bulk import rollup_file_many
    from antq_domain.records.places import load_registry

    reg = load_registry(folder / "register.csv")
    day = date(2024, 12, 31)
    provinces, nation = rollup_file_many(
        folder / "rows.csv", to=["province", "nation"], period="2024", registry=reg, as_of=day
    )
    return {
        "cells": len(provinces.cells) + len(nation.cells),
        "ratios": len(provinces.ratios) + len(nation.ratios),
        "check": str(nation.cell("tips.received", "VN").value),
    }


def child_t(folder: Path) -> dict[str, object]:
    from datetime import date

    from antq_domain.bulk import read_table, rollup_table
    from antq_domain.records.places import load_registry

    reg = load_registry(folder / "register.csv")
    table = read_table(folder / "rows.csv")
    day = date(2024, 12, 31)
    provinces = rollup_table(table, to="province", period="2024", registry=reg, as_of=day)
    nation = rollup_table(table, to="nation", period="2024", registry=reg, as_of=day)
    return {
        "rows": len(table),
        "cells": len(provinces.cells) + len(nation.cells),
        "check": str(nation.cell("tips.received", "VN").value),
    }


def child_b(folder: Path) -> dict[str, object]:
    import pandas as pd

    reg = pd.read_csv(folder / "register.csv", dtype=str, keep_default_na=False)
    parent = dict(zip(reg["code"], reg["parent"], strict=True))
    rows = pd.read_csv(
        folder / "rows.csv",
        usecols=["indicator", "place", "period", "value", "dim_category"],
        dtype={"indicator": "category", "place": "category", "period": "category"},
    )
    communes = rows["place"].cat.categories
    province = pd.Series([parent[parent[c]] for c in communes], index=communes)
    rows["province"] = rows["place"].map(province).astype("category")
    rows["dim_category"] = rows["dim_category"].fillna("")
    by_province = rows.groupby(["indicator", "province", "dim_category"], observed=True)[
        "value"
    ].sum()
    by_nation = rows.groupby(["indicator", "dim_category"], observed=True)["value"].sum()
    return {
        "rows": len(rows),
        "cells": len(by_province) + len(by_nation),
        "check": str(by_nation.loc[("tips.received", "")]),
    }


def child_c(folder: Path) -> dict[str, object]:
    import polars as pl

    path = folder / "rows.csv"
    with path.open(encoding="utf-8") as fh:
        names = fh.readline().strip().split(",")
    # (a)'s scan: same engine (streaming), schema and options; every column parsed
    codes = {"indicator", "place", "status", "qualifier", "unit"}
    schema = {
        n: pl.Categorical() if n in codes or n.startswith("dim_") else pl.String() for n in names
    }
    counts = (
        pl.scan_csv(path, schema=schema, empty_string_is_null=True)
        .select(pl.len(), pl.all().null_count().name.suffix("_nulls"))
        .collect(engine="streaming")
    )
    return {"rows": int(counts.item(0, 0))}


def run_child(kind: str, folder: Path) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def ensure_data(folder: Path, communes: int) -> None:
    if (folder / "rows.csv").exists() and (folder / "register.csv").exists():
        return
    sys.path.insert(0, str(HERE))
    from generate import generate

    generate(folder, communes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=FULL_ROWS, help="rows at the larger size")
    parser.add_argument("--data", type=Path, default=Path("/tmp/antq-bench"))  # noqa: S108
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        start = time.perf_counter()
        kind, folder = args.child[0], Path(args.child[1])
        work = {"a": child_a, "t": child_t, "b": child_b, "c": child_c}[kind]
        info = work(folder)
        info["wall"] = time.perf_counter() - start
        info["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(info))
        return

    communes = max(4, round(args.rows / ROWS_PER_COMMUNE))
    sizes = [("n/4", communes // 4), ("n", communes)]
    results: dict[str, dict[str, dict[str, object]]] = {}
    print(f"python {sys.version.split()[0]}, {len(sizes)} sizes, one process per measurement")
    print(f"{'size':5} {'rows':>9} {'MB':>5}  {'case':32} {'wall s':>7} {'peak MB':>8}  result")
    for label, n in sizes:
        folder = args.data / f"communes-{n}"
        ensure_data(folder, n)
        mb = (folder / "rows.csv").stat().st_size / 1e6
        results[label] = {}
        for kind, name in (
            ("a", "(a) bulk.rollup_file_many"),
            ("t", "(a') read_table+rollup_table"),
            ("b", "(b) pandas read_csv+groupby.sum"),
            ("c", "(c) parse floor (polars scan)"),
        ):
            r = run_child(kind, folder)
            results[label][kind] = r
            extra = {k: v for k, v in r.items() if k not in ("wall", "peak_mb", "rows")}
            secs, mem = float(str(r["wall"])), float(str(r["peak_mb"]))
            rows = r.get("rows", "")
            print(f"{label:5} {rows!s:>9} {mb:5.0f}  {name:32} {secs:7.2f} {mem:8.0f}  {extra}")

    def wall(label: str, kind: str) -> float:
        return float(str(results[label][kind]["wall"]))

    def peak(label: str, kind: str) -> float:
        return float(str(results[label][kind]["peak_mb"]))

    for label, _ in sizes:
        print(
            f"{label}: a/b = {wall(label, 'a') / wall(label, 'b'):.2f} (target <= 1.0)"
            f"   a/c = {wall(label, 'a') / wall(label, 'c'):.2f} (target <= 3)"
            f"   peak a/b = {peak(label, 'a') / peak(label, 'b'):.2f} (target <= 1.0)"
        )
        print(
            f"{label}: held table a'/b = {wall(label, 't') / wall(label, 'b'):.2f}"
            f"   peak a'/b = {peak(label, 't') / peak(label, 'b'):.2f}"
        )
    print(f"growth a(n)/a(n/4) = {wall('n', 'a') / wall('n/4', 'a'):.2f} (target <= 4.4)")


if __name__ == "__main__":
    main()
