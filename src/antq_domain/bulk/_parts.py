"""Parts: the groups of a scan turned into the parts of every output cell, in columns.

`plan` decides, per indicator, whether the columns can vouch for its
rows (the rest is re-read by the reference, those rows only);
`columnar_parts` does over time and over places what
[`rollup_parts`][antq_domain.analysis.aggregation.rollup_parts] does, and returns the
same [`RollupParts`][antq_domain.analysis.aggregation.RollupParts], which
[`finish_rollup`][antq_domain.analysis.aggregation.finish_rollup] turns into cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import polars as pl

from antq_domain.analysis.aggregation import CellKey, CellParts, PlaceTree, RollupParts, allocate
from antq_domain.bulk._read import bad_combos, quantize
from antq_domain.bulk._scan import LAST_BASE, Groups, canonical_ids
from antq_domain.records.indicators import (
    Catalogue,
    PlaceAggregation,
    TimeAggregation,
)
from antq_domain.records.observation import Dims
from antq_domain.records.places import PlaceLevel, Registry
from antq_domain.values.missing import Status
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier

__all__ = ["Plan", "columnar_parts", "over_time", "plan"]

_QUALIFIER_BITS = {
    Qualifier.AT_LEAST.value: 1,
    Qualifier.AT_MOST.value: 2,
    Qualifier.APPROXIMATELY.value: 4,
    Qualifier.MORE_THAN.value: 8,
    Qualifier.LESS_THAN.value: 16,
}
_LOWER_BITS = 1 | 8
_UPPER_BITS = 2 | 16
_BOUND = 1 << 62


@attrs.frozen
class Plan:
    """What the columns vouch for, and what the reference must read.

    Attributes:
        good: the groups without a problem.
        columnar: the indicators rolled up in columns.
        reference: the indicators whose rows the reference reads.
        overlapping: period texts that are not tiles but overlap the target
            (the rows of indicators that have them go to the reference).
        bad_periods: period texts the reference refuses.
        bad_places: place texts the reference refuses.
        bad_combos: the code combinations the reference refuses (a frame).
        bad_rows: some row's own text is refused by the columns.
        unknown_places: places not in the register.
        second_pass: some refused rows are not held in their own groups
            (a code combination, period or place refused only once the
            scan was over): they must be read again.
    """

    good: pl.DataFrame
    columnar: frozenset[str]
    reference: frozenset[str]
    overlapping: tuple[str, ...]
    bad_periods: tuple[str, ...]
    bad_places: tuple[str, ...]
    bad_combos: pl.DataFrame | None
    bad_rows: bool
    unknown_places: tuple[str, ...]
    second_pass: bool = False

    @property
    def has_problems(self) -> bool:
        """Some row is (or may be) refused: the reference words it."""
        return bool(
            self.bad_rows or self.bad_periods or self.bad_places or self.bad_combos is not None
        )


def _period_classes(groups: Groups) -> tuple[list[str], list[str]]:
    """Non-tile period texts that overlap the target, and texts that are not periods."""
    tiles = groups.tiling.kind_of
    target = groups.tiling.target
    overlapping: list[str] = []
    bad: list[str] = []
    for text in groups.period_texts:
        if text in tiles:
            continue
        try:
            p = Period.parse(text)
        except (ValueError, TypeError):
            bad.append(text)
            continue
        if target.overlaps(p):
            overlapping.append(text)
    return overlapping, bad


def _combo_cols(groups: Groups) -> list[str]:
    return ["indicator", "status", "qualifier", "unit", *groups.dim_cols, "_reason", "_value"]


def plan(groups: Groups, cat: Catalogue, registry: Registry) -> Plan:
    """Decide, per indicator, what the columns can vouch for."""
    frame = groups.frame
    combo_cols = _combo_cols(groups)
    # rows refused on their own text are read by the reference anyway: only the others here
    combos = frame.filter(~pl.col("_bad")).select(combo_cols).unique()
    bad = bad_combos(combos, cat)
    bad_frame = pl.DataFrame(bad, schema=combos.schema, orient="row") if bad else None
    places = [p for p in frame.get_column("place").unique().to_list() if p is not None]
    bad_places = tuple(sorted(p for p in places if not p or p != p.strip()))
    overlapping, bad_periods = _period_classes(groups)

    refused = pl.col("_bad") | pl.col("place").is_in(list(bad_places))
    if bad_frame is not None:
        flagged = frame.join(
            bad_frame.with_columns(_refused=pl.lit(True)),
            on=combo_cols,
            how="left",
            nulls_equal=True,
        ).select(pl.col("_refused").fill_null(False))
        frame = frame.with_columns(_refused=flagged.to_series())
        refused = refused | pl.col("_refused")
    else:
        frame = frame.with_columns(_refused=pl.lit(False))
    bad_rows = bool(frame.height and frame.select(pl.col("_bad").any()).item())
    # a refused period the scan took for a valid id would not be held: its rows are read
    # again, as are those of groups refused after the scan (none, while the ids are right)
    known = set(canonical_ids())
    unseen = any(t in known for t in bad_periods)
    second_pass = unseen or bool(frame.filter(refused & ~pl.col("_bad")).height)
    good = frame.filter(~refused).drop("_refused")

    codes = sorted(c for c in good.get_column("indicator").unique().to_list() if c is not None)
    reference: set[str] = set()
    for code in codes:
        ind = cat.get(code)
        unit = ind.unit
        if (
            ind.kind.is_ratio
            or ind.place_aggregation is not PlaceAggregation.SUM
            or unit is None
            or (ind.time_aggregation is TimeAggregation.LAST and unit.is_decimal)
        ):
            reference.add(code)
    own = groups.tiling.own_kind
    none_codes = [c for c in codes if cat.get(c).time_aggregation is TimeAggregation.NONE]
    cells = (
        good.filter(pl.col("_or") != 0)
        .group_by(["indicator", "place", *groups.dim_cols])
        .agg(
            pl.col("_kmin").min().alias("kmin"),
            pl.col("_kmax").max().alias("kmax"),
            (pl.col("_n") - pl.col("_other")).sum().alias("rows"),
            pl.col("_or").bitwise_or().alias("or"),
        )
        .with_columns(
            odd=(pl.col("kmin") != pl.col("kmax"))
            | (pl.col("rows") > pl.col("or").bitwise_count_ones())
            | (
                pl.col("indicator").is_in(none_codes)
                & (pl.col("kmin") != (own if own is not None else -1))
            )
        )
    )
    reference.update(cells.filter(pl.col("odd")).get_column("indicator").unique().to_list())
    bounds = good.group_by("indicator").agg(
        (pl.col("_n") * pl.col("_max").fill_null(0)).sum().alias("bound"),
        pl.col("_n").sum().alias("rows"),
    )
    reference.update(
        bounds.filter((pl.col("bound") >= _BOUND) | (pl.col("rows") >= 10**8))
        .get_column("indicator")
        .to_list()
    )
    unknown = tuple(sorted(p for p in places if p and p not in registry))
    target = groups.tiling.target
    stray: set[str] = set(unknown)
    for code in places:
        if not code or code in stray or code not in registry:
            continue
        place = registry.get(code)
        if (place.valid_from is not None and place.valid_from > target.start) or (
            place.valid_to is not None and place.valid_to < target.end
        ):
            stray.add(code)
    if stray:
        reference.update(
            good.filter(pl.col("place").is_in(sorted(stray)))
            .get_column("indicator")
            .unique()
            .to_list()
        )
    return Plan(
        good=good,
        columnar=frozenset(codes) - reference,
        reference=frozenset(reference),
        overlapping=tuple(overlapping),
        bad_periods=tuple(bad_periods),
        bad_places=bad_places,
        bad_combos=bad_frame,
        bad_rows=bad_rows,
        unknown_places=unknown,
        second_pass=second_pass,
    )


def _qualifier(bits: int) -> Qualifier:
    """The join of the qualifiers whose bits are set (see ``_QUALIFIER_BITS``).

    Bounds of both sides, or ``approximately``, give ``approximately``; on
    one side the strict bound wins (as ``Qualifier.combine``).
    """
    if bits & 4 or (bits & _LOWER_BITS and bits & _UPPER_BITS):
        return Qualifier.APPROXIMATELY
    if bits & 8:
        return Qualifier.MORE_THAN
    if bits & 1:
        return Qualifier.AT_LEAST
    if bits & 16:
        return Qualifier.LESS_THAN
    if bits & 2:
        return Qualifier.AT_MOST
    return Qualifier.EXACT


def _over_time(
    groups: Groups, good: pl.DataFrame, cat: Catalogue, codes: list[str]
) -> pl.DataFrame:
    """One part per (indicator, place, dims): sums for flows, the last tile for stocks."""
    tiling = groups.tiling
    dim_cols = list(groups.dim_cols)
    group = ["indicator", "place", *dim_cols]
    dec = groups.has_decimal
    status = pl.col("status")
    reported = status.is_null() | (status == Status.REPORTED.value)
    qb = pl.col("qualifier").replace_strict(_QUALIFIER_BITS, default=0, return_dtype=pl.Int64)
    last_codes = [c for c in codes if cat.get(c).time_aggregation is not TimeAggregation.SUM]
    g = (
        good.lazy()
        .filter(pl.col("indicator").is_in(codes) & (pl.col("_or") != 0))
        .with_columns(
            _has=reported,
            _na=(status == Status.NOT_APPLICABLE.value).fill_null(False),
            _gone=status.is_in([Status.NOT_REPORTED.value, Status.WITHHELD.value]).fill_null(False),
            _qb=pl.when(reported).then(qb).otherwise(0).fill_null(0),
            _last=pl.col("indicator").is_in(last_codes),
        )
    )
    full = pl.col("_kind").replace_strict(
        {k: tiling.full(k) for k in range(len(tiling.kinds))}, default=0, return_dtype=pl.Int64
    )
    flows = (
        g.filter(~pl.col("_last"))
        .group_by(group)
        .agg(
            pl.col("_kmin").min().alias("_kind"),
            pl.col("_int").filter(pl.col("_has")).sum(),
            pl.col("_has").any(),
            pl.col("_na").all().alias("_all_na"),
            pl.col("_or").bitwise_or().alias("_present"),
            pl.col("_or").filter(pl.col("_gone")).bitwise_or().fill_null(0).alias("_mbits"),
            pl.col("_qb").filter(pl.col("_has")).bitwise_or().fill_null(0).alias("_q"),
            *(
                [
                    pl.col("_dsum").filter(pl.col("_has")).sum().alias("_dec"),
                    pl.col("_smax").filter(pl.col("_has")).max().alias("_scale"),
                ]
                if dec
                else []
            ),
        )
        .with_columns(_mbits=pl.col("_mbits") | (full & ~pl.col("_present")))
    )
    at_last = pl.col("_lm").arg_max()
    last = (
        g.filter(pl.col("_last"))
        .group_by(group)
        .agg(
            pl.col("_kmin").min().alias("_kind"),
            (pl.col("_enc") % LAST_BASE).get(at_last).fill_null(0).alias("_int"),
            pl.col("_has").get(at_last),
            pl.col("_na").get(at_last).alias("_all_na"),
            pl.col("_lm").max().alias("_present"),
            pl.when(pl.col("_gone")).then(pl.col("_lm")).otherwise(0).get(at_last).alias("_mbits"),
            pl.col("_qb").get(at_last).alias("_q"),
            *(
                [
                    pl.col("_dsum").get(at_last).alias("_dec"),
                    pl.col("_smax").get(at_last).alias("_scale"),
                ]
                if dec
                else []
            ),
        )
    )
    return pl.concat([flows, last], how="vertical_relaxed").collect()


def _split_parts(
    parts: pl.DataFrame,
    split: Mapping[str, tuple[tuple[str, Fraction], ...]],
    units: Mapping[str, str],
    cat: Catalogue,
    has_decimal: bool,
) -> pl.DataFrame:
    """Parts of split places shared out by largest remainder (in Python: they are few).

    Every other part goes whole to its one unit (``units``: its successor
    when restating).
    """
    whole = parts.filter(~pl.col("place").is_in(list(split))).with_columns(
        _unit=pl.col("place").replace_strict(units, return_dtype=pl.String)
    )
    pieces: list[dict[str, Any]] = []
    for row in parts.filter(pl.col("place").is_in(list(split))).iter_rows(named=True):
        restated = split[row["place"]]
        unit = cat.get(row["indicator"]).unit
        assert unit is not None  # noqa: S101 - flows and stocks have a unit
        if row["_has"]:
            amount: int | Decimal = (
                quantize(row["_dec"], row["_scale"]) if unit.is_decimal else int(row["_int"])
            )
            shared = allocate(Quantity(amount, unit, _qualifier(row["_q"])), restated)
        for i, (target_unit, _share) in enumerate(restated):
            piece = dict(row, _unit=target_unit)
            if row["_has"]:
                part_amount = shared[i].amount
                if unit.is_decimal:
                    assert isinstance(part_amount, Decimal)  # noqa: S101 - a decimal unit
                    piece["_dec"] = part_amount
                    exponent = part_amount.as_tuple().exponent
                    assert isinstance(exponent, int)  # noqa: S101 - finite
                    piece["_scale"] = max(0, -exponent)
                else:
                    piece["_int"] = part_amount
            pieces.append(piece)
    if not pieces:
        return whole
    extra = pl.DataFrame(pieces, schema=whole.schema)
    return pl.concat([whole, extra], how="vertical_relaxed")


def over_time(groups: Groups, plan_: Plan, cat: Catalogue) -> pl.DataFrame:
    """One part per (indicator, place, dims) of the columnar indicators (any target places)."""
    return _over_time(groups, plan_.good, cat, sorted(plan_.columnar))


def columnar_parts(
    groups: Groups,
    plan_: Plan,
    tree: PlaceTree,
    cat: Catalogue,
    parts: pl.DataFrame | None = None,
) -> RollupParts:
    """The parts of every output cell of the columnar indicators.

    ``parts`` is `over_time` of the same groups and plan, when several trees
    roll up one scan.

    Raises:
        AntqError: as the tree raises it (the caller lets the reference word it).
    """
    if not plan_.columnar:
        return RollupParts()
    tiling = groups.tiling
    target = tiling.target
    dim_cols = list(groups.dim_cols)
    if parts is None:
        parts = over_time(groups, plan_, cat)

    # over places: each part place's units and output places, by the reference's tree
    part_places = sorted(p for p in parts.get_column("place").unique().to_list() if p)
    mapping: list[tuple[str, str, str, str, str]] = []
    split: dict[str, tuple[tuple[str, Fraction], ...]] = {}
    for code in part_places:
        restated = tree.restated(code)
        source_level = tree.level_of(code).value
        if len(restated) > 1:
            split[code] = restated
        for unit, _share in restated:
            unit_level = tree.level_of(unit).value
            mapping.extend((code, unit, t, unit_level, source_level) for t in tree.targets(unit))
    place_map = pl.DataFrame(
        mapping,
        schema={
            "place": pl.String,
            "_unit": pl.String,
            "_target": pl.String,
            "_ulevel": pl.String,
            "_slevel": pl.String,
        },
        orient="row",
    )
    if split:
        units = {code: tree.restated(code)[0][0] for code in part_places if code not in split}
        parts = _split_parts(parts, split, units, cat, groups.has_decimal)
    joined = parts.join(place_map, on=["place", "_unit"] if split else "place", how="inner")
    contributes = pl.col("_has") | (pl.col("_mbits") == 0)
    cells_agg = [
        pl.col("_int").filter(pl.col("_has")).sum().alias("_int"),
        pl.col("_has").any().alias("_has"),
        (~pl.col("_all_na")).any().alias("_applicable"),
        pl.col("_q").filter(pl.col("_has")).bitwise_or().fill_null(0).alias("_q"),
        pl.col("_present").bitwise_or().alias("_periods"),
        pl.col("place").unique().alias("_contributors"),
        pl.col("place").filter(~pl.col("_has") & (pl.col("_mbits") != 0)).alias("_missing"),
        pl.struct("place", "_mbits")
        .filter(contributes & (pl.col("_mbits") != 0))
        .alias("_missing_periods"),
        pl.col("_ulevel").unique().alias("_ulevels"),
        pl.col("_slevel").unique().alias("_slevels"),
    ]
    if groups.has_decimal:
        cells_agg += [
            pl.col("_dec").filter(pl.col("_has")).sum().alias("_dec"),
            pl.col("_scale").filter(pl.col("_has")).max().alias("_scale"),
        ]
    cell_rows = joined.group_by(["indicator", "_target", *dim_cols, "_kind"]).agg(cells_agg)

    out: dict[CellKey, CellParts] = {}
    for c in cell_rows.iter_rows(named=True):
        measure = cat.get(c["indicator"]).unit
        assert measure is not None  # noqa: S101 - the columns take indicators with a unit
        dims = Dims.of({d[4:]: c[d] for d in dim_cols if c[d] is not None})
        key = (c["indicator"], c["_target"], target, dims)
        acc = out.get(key)
        if acc is None:
            acc = out[key] = CellParts()
        kind = c["_kind"]
        acc.applicable = acc.applicable or c["_applicable"]
        if c["_has"]:
            q = _qualifier(c["_q"])
            total = (
                Quantity(quantize(c["_dec"], c["_scale"]), measure, q)
                if measure.is_decimal
                else Quantity(int(c["_int"]), measure, q)
            )
            acc.total = total if acc.total is None else acc.total + total
        acc.contributors.update(c["_contributors"])
        acc.periods.update(tiling.periods(kind, c["_periods"]))
        acc.missing.update(c["_missing"])
        for s in c["_missing_periods"]:
            acc.missing_periods.update((s["place"], p) for p in tiling.periods(kind, s["_mbits"]))
        acc.levels.update(PlaceLevel(v) for v in c["_ulevels"])
        acc.sources.update(PlaceLevel(v) for v in c["_slevels"])
    return RollupParts(out, [])
