"""Bulk rollup benchmark: the streaming bulk path against a pandas peer and a parse-only floor.

On generated national files (``benchmarks/generate.py --mixed``: a national
register and the file as offices send it: commune × month × 30 indicators,
flows, stocks, ratio parts, a decimal unit, dimensions, missing values,
**plus** one annual row per commune for each part of the safety-standard
assessment (time aggregation ``none``) and 1% bad rows), each case in its own
process (one run each, so a cache or a warm allocator never helps the next):

(a) ``antq_domain.bulk.scan_rollups(bad_rows="leave_out")``: one streaming
    scan of the file (every row validated as ``read_observations`` validates
    it, the bad ones reported in the reference's words and left out; exact
    integers and decimals) rolled up to province-year and nation-year, with
    ratios, missing places and periods and lower bounds (the full ``Rollup``
    results, equal to the reference's on the good rows);
(b) the pandas peer: a hand-written ``read_csv`` of the six columns needed
    (categorical dtypes) with the figures made numbers (``to_numeric``,
    bad ones dropped) and ``groupby().sum()`` to province-year and
    nation-year (no validation, no missing-value semantics, floats);
(c) the floor: (a)'s own scan (polars' streaming engine, the same schema
    and options) parsing every column of the file and counting its nulls,
    nothing else.

Each child measures its own wall time (imports and reading the register
included) and its own peak resident memory (``ru_maxrss`` of the child
alone). The package is byte-compiled before the children run, as an
installed package is (an editable checkout run with
``PYTHONDONTWRITEBYTECODE=1`` would compile every module again in every
child of (a), and pandas and polars never pay that). Two sizes run in one
command (n and n/4), so the growth a(n)/a(n/4) shows; then, with
``--years 10``, the ten-year file (~38 M rows, 2.6 GB) is rolled up to 2024
by (a) alone, against the floor. Targets: a/b <= 1.0 and
peak(a) <= peak(b) at full size, a/c <= 3, a(n)/a(n/4) <= 4.4; the ten-year
file in under 2 GB.

Usage::

    python benchmarks/rollup_bench.py                   # full size (~3.8 M rows) and a quarter
    python benchmarks/rollup_bench.py --rows 200000     # a quick run
    python benchmarks/rollup_bench.py --years 10        # and the ten-year file (2.6 GB of disk)
    python benchmarks/rollup_bench.py --repeat 3        # each case three times, taking turns

With ``--repeat N`` the cases take turns (a, b, c, a, b, c, ...) and each
line shows the best (least) wall time of the N runs, the CPU time of that
run and the greatest peak memory; on a shared machine the least wall time
is the one least disturbed by other work.
"""

from __future__ import annotations

import argparse
import compileall
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROWS_PER_COMMUNE = 360  # 30 indicators x 12 months, less the absent rows, + 2 annual rows
FULL_ROWS = 3_816_000  # 10,600 communes


def child_a(folder: Path, progress: Callable[[str], None] | None = None) -> dict[str, object]:
    from datetime import date

    from antq_domain.bulk import scan_rollups
    from antq_domain.records.places import load_registry

    reg = load_registry(folder / "register.csv")
    day = date(2024, 12, 31)
    scanned = scan_rollups(
        folder / "mixed.csv",
        to=["province", "nation"],
        period="2024",
        registry=reg,
        as_of=day,
        bad_rows="leave_out",
        progress=progress,
    )
    provinces, nation = scanned.rollups
    return {
        "cells": len(provinces.cells) + len(nation.cells),
        "ratios": len(provinces.ratios) + len(nation.ratios),
        "bad": len({loc.split(".")[0] for loc, _ in scanned.left_out}),
        "check": str(nation.cell("tips.received", "VN").value),
    }


def child_b(folder: Path) -> dict[str, object]:
    import pandas as pd

    reg = pd.read_csv(folder / "register.csv", dtype=str, keep_default_na=False)
    parent = dict(zip(reg["code"], reg["parent"], strict=True))
    dims = ["dim_category", "dim_unit_kind"]
    rows = pd.read_csv(
        folder / "mixed.csv",
        usecols=["indicator", "place", "period", "value", *dims],
        dtype={"indicator": "category", "place": "category", "period": "category", "value": "str"},
    )
    rows["value"] = pd.to_numeric(rows["value"], errors="coerce")
    rows = rows[rows["period"].astype(str).str.startswith("2024")]
    communes = rows["place"].cat.categories
    province = pd.Series([parent.get(parent.get(c, ""), "") for c in communes], index=communes)
    rows["province"] = rows["place"].map(province).astype("category")
    for d in dims:
        rows[d] = rows[d].fillna("")
    keys = ["indicator", *dims]
    by_province = rows.groupby([*keys, "province"], observed=True)["value"].sum()
    by_nation = rows.groupby(keys, observed=True)["value"].sum()
    return {
        "rows": len(rows),
        "cells": len(by_province) + len(by_nation),
        "check": str(by_nation.loc[("tips.received", "", "")]),
    }


def child_c(folder: Path) -> dict[str, object]:
    import polars as pl

    path = folder / "mixed.csv"
    with path.open(encoding="utf-8") as fh:
        names = fh.readline().strip().split(",")
    # (a)'s scan: same engine (streaming), schema and options; every column parsed
    codes = {"indicator", "place", "period", "status", "qualifier", "unit"}
    schema = {
        n: pl.Categorical() if n in codes or n.startswith("dim_") else pl.String() for n in names
    }
    counts = (
        pl.scan_csv(path, schema=schema, empty_string_is_null=True)
        .select(pl.len(), pl.all().null_count().name.suffix("_nulls"))
        .collect(engine="streaming")
    )
    return {"rows": int(counts.item(0, 0))}


def run_child(kind: str, folder: Path, script: Path = Path(__file__)) -> dict[str, object]:
    """Run ``script --child KIND FOLDER`` in a process of its own; what it printed (`measure`)."""
    out = subprocess.run(
        [sys.executable, str(script), "--child", kind, str(folder)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, object] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def measure(work: Callable[[Path], dict[str, object]], folder: Path) -> None:
    """Run a child's ``work`` and print its result with its wall, CPU and peak memory (JSON)."""
    start = time.perf_counter()
    cpu = time.process_time()
    info = work(folder)
    info["wall"] = time.perf_counter() - start
    info["cpu"] = time.process_time() - cpu
    info["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(info))


def best(runs: list[dict[str, object]]) -> dict[str, object]:
    """The run with the least wall time, with the greatest peak memory of all runs."""
    r = dict(min(runs, key=lambda x: float(str(x["wall"]))))
    r["peak_mb"] = max(float(str(x["peak_mb"])) for x in runs)
    return r


def ensure_data(folder: Path, communes: int, years: int = 1) -> None:
    if (folder / "mixed.csv").exists() and (folder / "register.csv").exists():
        return
    sys.path.insert(0, str(HERE))
    from generate import YEAR, generate_mixed

    generate_mixed(folder, communes, tuple(range(YEAR - years + 1, YEAR + 1)))


def compile_package() -> None:
    """Byte-compile antq_domain once, as installing it does (pandas and polars are).

    The checkout the benchmark runs from may not be compiled: an editable install run with
    PYTHONDONTWRITEBYTECODE=1 compiles every module again in every child of (a).
    """
    import antq_domain

    compileall.compile_dir(Path(antq_domain.__file__).parent, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=FULL_ROWS, help="rows at the larger size")
    parser.add_argument("--years", type=int, default=1, help="also the file of this many years")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each case, taking turns")
    parser.add_argument("--data", type=Path, default=Path("/tmp/antq-bench-mixed"))  # noqa: S108
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, folder = args.child[0], Path(args.child[1])
        measure({"a": child_a, "b": child_b, "c": child_c}[kind], folder)
        return

    compile_package()
    communes = max(4, round(args.rows / ROWS_PER_COMMUNE))
    sizes = [("n/4", communes // 4, 1), ("n", communes, 1)]
    if args.years > 1:
        sizes.append((f"{args.years}y", communes, args.years))
    results: dict[str, dict[str, dict[str, object]]] = {}
    print(f"python {sys.version.split()[0]}, {len(sizes)} files, one process per measurement")
    head = f"{'size':5} {'rows':>9} {'MB':>5}  {'case':34}"
    print(f"{head} {'wall s':>7} {'cpu s':>6} {'peak MB':>8}  result")
    for label, n, years in sizes:
        suffix = "" if years == 1 else f"-{years}y"
        folder = args.data / f"communes-{n}{suffix}"
        ensure_data(folder, n, years)
        mb = (folder / "mixed.csv").stat().st_size / 1e6
        results[label] = {}
        cases = [
            ("a", "(a) bulk.scan_rollups"),
            ("b", "(b) pandas read_csv+groupby.sum"),
            ("c", "(c) parse floor (polars scan)"),
        ]
        if years > 1:
            cases = [cases[0], cases[2]]
        runs: dict[str, list[dict[str, object]]] = {kind: [] for kind, _ in cases}
        for _ in range(max(1, args.repeat)):
            for kind, _name in cases:
                runs[kind].append(run_child(kind, folder))
        for kind, name in cases:
            r = results[label][kind] = best(runs[kind])
            extra = {k: v for k, v in r.items() if k not in ("wall", "cpu", "peak_mb", "rows")}
            secs, mem = float(str(r["wall"])), float(str(r["peak_mb"]))
            cpu = float(str(r["cpu"]))
            rows = r.get("rows", "")
            head = f"{label:5} {rows!s:>9} {mb:5.0f}  {name:34}"
            print(f"{head} {secs:7.2f} {cpu:6.2f} {mem:8.0f}  {extra}")

    def wall(label: str, kind: str) -> float:
        return float(str(results[label][kind]["wall"]))

    def peak(label: str, kind: str) -> float:
        return float(str(results[label][kind]["peak_mb"]))

    for label, _, years in sizes:
        if years > 1:
            print(
                f"{label}: a/c = {wall(label, 'a') / wall(label, 'c'):.2f}"
                f"   peak a = {peak(label, 'a'):.0f} MB (target < 2048)"
            )
            continue
        print(
            f"{label}: a/b = {wall(label, 'a') / wall(label, 'b'):.2f} (target <= 1.0)"
            f"   a/c = {wall(label, 'a') / wall(label, 'c'):.2f} (target <= 3)"
            f"   peak a/b = {peak(label, 'a') / peak(label, 'b'):.2f} (target <= 1.0)"
        )
    print(f"growth a(n)/a(n/4) = {wall('n', 'a') / wall('n/4', 'a'):.2f} (target <= 4.4)")


if __name__ == "__main__":
    main()
