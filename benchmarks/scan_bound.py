"""How little a validating, exact bulk rollup can cost, against the parse floor.

Issue 17 asks ``rollup_bench.py``'s (a) to take at most 3x the parse floor (c).
This script measures what no redesign of (a) can go below, on the same national
file, each case in its own process (imports and the register included, as in
``rollup_bench.py``):

(c) the parse floor, exactly ``rollup_bench.py``'s: polars' streaming scan of
    every column, counting nulls;
(s) the sums alone: one streaming polars pass computing each cell's sums with
    the scan's own expressions (tiles, stocks, qualifiers, statuses), over the
    rows its checks keep, and nothing else: no refused rows kept, no places
    checked, no decimal figures, no ``Rollup``;
(p) everything the scan must produce, in one streaming pass: those sums, the
    decimal figures, the refused rows (kept whole for the reference to word),
    the distinct places and the code combinations to check;
(r) ``bulk.scan_rollups`` as ``rollup_bench.py``'s (a), with the time of its
    steps after the scan: checking the refused rows and building the two
    ``Rollup`` results from the cells.

(s) and (p) use private parts of ``antq_domain.bulk`` (the scan's expressions).
polars may read the file more than once for (p)'s five queries, so (p) is what
one plan costs today, not a bound. (s) is: any engine must at least parse the
file and sum its cells, and the result must be built; so (s) plus (r)'s
Rollups, over (c), is a lower bound for a/c while each cell of the result keeps
its contributors and missing (place, month) pairs as Python objects — before
any row is checked.

Usage::

    python benchmarks/scan_bound.py              # full size (the file rollup_bench.py makes)
    python benchmarks/scan_bound.py --repeat 3   # each case three times, taking turns
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported in the children only: the floor's child imports polars alone
    import polars as pl

    from antq_domain.bulk._scan import _FileScan

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from rollup_bench import (  # noqa: E402 - the benchmark beside this one
    FULL_ROWS,
    ROWS_PER_COMMUNE,
    best,
    child_a,
    child_c,
    compile_package,
    ensure_data,
    measure,
    run_child,
)


def _scan_parts(folder: Path) -> tuple[_FileScan, pl.LazyFrame]:
    """The scan's state for the file and its rows, lazily (private parts of the bulk path)."""
    import polars as pl

    from antq_domain.bulk._read import header_names
    from antq_domain.bulk._scan import _FileScan
    from antq_domain.records.indicators import catalogue
    from antq_domain.records.places import load_registry
    from antq_domain.values.period import Period

    path = folder / "mixed.csv"
    reg = load_registry(folder / "register.csv")
    names = header_names(path)
    if names is None:
        raise SystemExit(f"{path}: no header")
    scan = _FileScan(names, catalogue(), Period.parse("2024"), reg)
    rows = (
        pl.scan_csv(path, schema=scan.schema, empty_string_is_null=True)
        .with_columns(*scan.row_columns)
        .with_columns(*scan.base, scan.bad[("quote", "reason")])
    )
    return scan, rows


def child_s(folder: Path) -> dict[str, object]:
    import polars as pl

    from antq_domain.bulk._scan import cell_aggregations

    scan, rows = _scan_parts(folder)
    keys = scan.keys
    good = rows.filter(~pl.col("_bad"))
    cells = (
        good.select(*keys, *scan.rows)
        .group_by(keys)
        .agg(cell_aggregations(False))
        .collect(engine="streaming")
    )
    return {"cells": cells.height}


def child_p(folder: Path) -> dict[str, object]:
    import polars as pl

    from antq_domain.bulk._scan import _decimal_aggregations, cell_aggregations

    scan, rows = _scan_parts(folder)
    keys = scan.keys
    good = rows.filter(~pl.col("_bad"))
    texts = (pl.col(c).cast(pl.String) for c in scan.text_cols)
    queries = [
        good.select(*keys, *scan.rows).group_by(keys).agg(cell_aggregations(False)),
        good.filter(pl.col("_dec"))
        .select(*keys, *scan.decimal_rows)
        .group_by(keys)
        .agg(_decimal_aggregations()),
        rows.filter(pl.col("_bad")).select(*texts),
        rows.select(pl.col("place").unique().cast(pl.String)),
        scan.checks.distinct(good),
    ]
    results = pl.collect_all(queries, engine="streaming")
    return {"cells": results[0].height, "refused": results[2].height}


def child_r(folder: Path) -> dict[str, object]:
    """`rollup_bench.py`'s (a), with the time of its steps after the scan."""
    marks: dict[str, float] = {}

    def step(name: str) -> None:
        marks[name] = time.perf_counter()

    child_a(folder, progress=step)
    end = time.perf_counter()
    rolling = min(t for name, t in marks.items() if name.startswith("rolling up"))
    return {"checking": rolling - marks["checking"], "rollups": end - rolling}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=FULL_ROWS, help="rows of the file")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each case, taking turns")
    parser.add_argument("--data", type=Path, default=Path("/tmp/antq-bench-mixed"))  # noqa: S108
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, folder = args.child[0], Path(args.child[1])
        measure({"c": child_c, "s": child_s, "p": child_p, "r": child_r}[kind], folder)
        return

    compile_package()
    communes = max(4, round(args.rows / ROWS_PER_COMMUNE))
    folder = args.data / f"communes-{communes}"
    ensure_data(folder, communes)
    cases = [
        ("c", "(c) parse floor (polars scan)"),
        ("s", "(s) the sums alone, one pass"),
        ("p", "(p) all the scan must produce"),
        ("r", "(r) scan_rollups"),
    ]
    runs: dict[str, list[dict[str, object]]] = {kind: [] for kind, _ in cases}
    for _ in range(max(1, args.repeat)):
        for kind, _name in cases:
            runs[kind].append(run_child(kind, folder, Path(__file__)))
    least = {kind: best(r) for kind, r in runs.items()}
    for kind, name in cases:
        r = least[kind]
        extra = {
            k: round(v, 2) if isinstance(v, float) else v
            for k, v in r.items()
            if k not in ("wall", "cpu", "peak_mb")
        }
        print(
            f"{name:34} {float(str(r['wall'])):7.2f} s {float(str(r['peak_mb'])):6.0f} MB  {extra}"
        )
    c, s, p = (float(str(least[k]["wall"])) for k in "csp")
    rollups = float(str(least["r"]["rollups"]))
    print(f"s/c = {s / c:.2f}   p/c = {p / c:.2f}")
    print(f"lower bound for a/c: (s + the Rollups {rollups:.2f} s)/c = {(s + rollups) / c:.2f}")


if __name__ == "__main__":
    main()
