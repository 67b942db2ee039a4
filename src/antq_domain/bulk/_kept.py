"""Periods kept: the parts of a rollup without a target period, in columns.

Without a target ``period`` the reference keeps every period: each
observation is its own part (no time aggregation), and places are summed per
(indicator, output place, period, dimensions). `kept_parts` computes those
[`CellParts`][antq_domain.analysis.aggregation.CellParts] from a held table for every
period present at once, and says which rows the columns cannot vouch for;
the caller has the reference read those rows only, and merges its parts.

The columns vouch for the rows of indicators that add up over places (flows
and stocks of a unit; stated percentages and place aggregation ``none`` are
the reference's), except a *family* — the rows of one (indicator, period,
dimensions), which alone feed its output cells — where a cell repeats (the
reference merges equal values and refuses others) or a place is not alive
during the row's period (the reference resolves it by date, or refuses it).
"""

from __future__ import annotations

from typing import Any

import polars as pl

from antq_domain.analysis.aggregation import CellParts, PlaceTree, RollupParts
from antq_domain.bulk._parts import _LEVELS, _place_map, _qualifier, _split_parts
from antq_domain.bulk._read import place_filter, quantize
from antq_domain.bulk._scan import QUALIFIER_BITS
from antq_domain.records.indicators import Catalogue, PlaceAggregation
from antq_domain.records.observation import Dims
from antq_domain.values.missing import Status
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity

__all__ = ["kept_parts"]

_BOUND = 1 << 62  # a sum that could pass Int64 goes to the reference (Python ints)


def _summable(cat: Catalogue, code: str) -> bool:
    ind = cat.get(code)
    return (
        not ind.kind.is_ratio
        and ind.place_aggregation is PlaceAggregation.SUM
        and ind.unit is not None
    )


def kept_parts(
    frame: pl.DataFrame, tree: PlaceTree, cat: Catalogue
) -> tuple[RollupParts, pl.Series]:
    """The parts the columns vouch for, and which rows the reference must read (a mask).

    ``frame`` is an [`ObservationTable`][antq_domain.bulk.ObservationTable]'s.

    Raises:
        AntqError: as the tree raises it (the caller lets the reference word it).
    """
    dim_cols = [c for c in frame.columns if c.startswith("dim_")]
    has_decimal = "decimal" in frame.columns
    texts = frame.select(
        pl.col("indicator").cast(pl.String),
        pl.col("place").cast(pl.String),
        pl.col("period").cast(pl.String),
    )
    codes = texts.get_column("indicator").unique().to_list()
    periods = texts.get_column("period").unique().to_list()
    canonical = {text: str(Period.parse(text)) for text in periods}
    ids = {text: Period.parse(text) for text in canonical.values()}
    rows = frame.with_columns(
        _code=texts.get_column("indicator"),
        _place=texts.get_column("place"),
        _pid=texts.get_column("period").replace_strict(canonical, return_dtype=pl.String),
    )

    # what the columns cannot vouch for: whole indicators, and families of rows
    summable = [c for c in codes if _summable(cat, c)]
    bounds = (
        rows.filter(pl.col("_code").is_in(summable))
        .group_by("_code")
        .agg((pl.len() * pl.col("amount").max().fill_null(0)).alias("bound"))
    )
    too_big = bounds.filter(pl.col("bound") >= _BOUND).get_column("_code").to_list()
    columnar = sorted(set(summable) - set(too_big))
    family = ["_code", "_pid", *dim_cols]
    odd = pl.len().over(["_code", "_place", "_pid", *dim_cols]) > 1
    gone = place_filter(texts.get_column("place").unique().to_list(), periods, tree.reg)
    if gone is not None:
        odd = odd | gone
    odd_families = rows.filter(odd).select(family).unique()
    rows = rows.with_columns(_in=pl.col("_code").is_in(columnar))
    if odd_families.height:
        rows = rows.join(
            odd_families.with_columns(_odd=pl.lit(True)),
            on=family,
            how="left",
            nulls_equal=True,
            maintain_order="left",
        ).with_columns(_in=pl.col("_in") & pl.col("_odd").is_null())
    mine = rows.get_column("_in")
    parts = _over_places(rows.filter(mine), tree, cat, dim_cols, has_decimal, ids)
    return parts, ~mine


def _over_places(  # noqa: PLR0917 - private, one caller
    rows: pl.DataFrame,
    tree: PlaceTree,
    cat: Catalogue,
    dim_cols: list[str],
    has_decimal: bool,
    ids: dict[str, Period],
) -> RollupParts:
    """Each row a part of its place and period, summed over places through ``tree``."""
    if not rows.height:
        return RollupParts()
    status = pl.col("status").cast(pl.String)
    parts = rows.select(
        pl.col("_code").alias("indicator"),
        pl.col("_place").alias("place"),
        "_pid",
        *(pl.col(c).cast(pl.String) for c in dim_cols),
        status.is_null().alias("_has"),
        (status == Status.NOT_APPLICABLE.value).fill_null(False).alias("_na"),
        pl.col("amount").fill_null(0).alias("_int"),
        pl.col("qualifier")
        .cast(pl.String)
        .replace_strict(QUALIFIER_BITS, default=0, return_dtype=pl.Int64)
        .alias("_q"),
        *(
            [pl.col("decimal").alias("_dec"), pl.col("scale").alias("_scale")]
            if has_decimal
            else []
        ),
    )
    places = sorted(parts.get_column("place").unique().to_list())
    place_map, split = _place_map(tree, places)
    if split:
        units = {code: tree.restated(code)[0][0] for code in places if code not in split}
        parts = _split_parts(parts, split, units, cat, has_decimal)
    joined = parts.join(place_map, on=["place", "_unit"] if split else "place", how="inner")
    has = pl.col("_has")
    aggregations: list[pl.Expr] = [
        pl.col("_int").filter(has).sum().alias("_int"),
        has.any().alias("_has"),
        (~pl.col("_na")).any().alias("_applicable"),
        pl.col("_q").filter(has).bitwise_or().fill_null(0).alias("_q"),
        pl.col("place").unique().alias("_contributors"),
        pl.col("place").filter(~has & ~pl.col("_na")).unique().alias("_missing"),
        pl.col("_ulevel").unique().alias("_ulevels"),
        pl.col("_slevel").unique().alias("_slevels"),
    ]
    if has_decimal:
        aggregations += [
            pl.col("_dec").filter(has).sum().alias("_dec"),
            pl.col("_scale").filter(has).max().alias("_scale"),
        ]
    cells = joined.group_by(["indicator", "_target", "_pid", *dim_cols]).agg(aggregations)
    out: dict[Any, CellParts] = {}
    for c in cells.iter_rows(named=True):
        measure = cat.get(c["indicator"]).unit
        assert measure is not None  # noqa: S101 - the columns take indicators with a unit
        period = ids[c["_pid"]]
        dims = Dims.of({d[4:]: c[d] for d in dim_cols if c[d] is not None})
        acc = out[(c["indicator"], c["_target"], period, dims)] = CellParts()
        acc.applicable = c["_applicable"]
        if c["_has"]:
            q = _qualifier(c["_q"])
            acc.total = (
                Quantity(quantize(c["_dec"], c["_scale"]), measure, q)
                if measure.is_decimal
                else Quantity(int(c["_int"]), measure, q)
            )
        acc.contributors.update(c["_contributors"])
        acc.periods.add(period)
        acc.missing.update(c["_missing"])
        acc.levels.update(_LEVELS[v] for v in c["_ulevels"])
        acc.sources.update(_LEVELS[v] for v in c["_slevels"])
    return RollupParts(out, [])
