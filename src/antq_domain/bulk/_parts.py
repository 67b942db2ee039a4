"""Parts: the groups of a scan turned into the parts of every output cell, in columns.

`plan` decides, per indicator, whether the columns can vouch for its
rows (the rest is re-read by the reference, those rows only);
`columnar_parts` does over time and over places what
[`rollup_parts`][antq_domain.analysis.aggregation.rollup_parts] does, and returns the
same [`RollupParts`][antq_domain.analysis.aggregation.RollupParts], which
[`finish_rollup`][antq_domain.analysis.aggregation.finish_rollup] turns into cells.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
import polars as pl

from antq_domain.analysis.aggregation import CellKey, CellParts, PlaceTree, RollupParts, allocate
from antq_domain.bulk._read import quantize
from antq_domain.bulk._scan import (
    LAST_BASE,
    LAST_FLAGS,
    QUALIFIER_BITS,
    Groups,
    Tiling,
    qualifier_bits,
)
from antq_domain.records.indicators import (
    Catalogue,
    PlaceAggregation,
    TimeAggregation,
)
from antq_domain.records.observation import Dims
from antq_domain.records.places import PlaceLevel, Registry
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier

__all__ = ["Plan", "columnar_parts", "over_time", "plan"]

_LOWER_BITS = QUALIFIER_BITS[Qualifier.AT_LEAST.value] | QUALIFIER_BITS[Qualifier.MORE_THAN.value]
_UPPER_BITS = QUALIFIER_BITS[Qualifier.AT_MOST.value] | QUALIFIER_BITS[Qualifier.LESS_THAN.value]
_BOUND = 1 << 62
_LEVELS = list(PlaceLevel)


@attrs.frozen
class Plan:
    """What the columns vouch for, and what the reference must read.

    Attributes:
        good: the cells (of valid rows) with a row on a tile of the target.
        columnar: the indicators rolled up in columns.
        reference: the indicators whose rows the reference reads.
        overlapping: period texts that are not tiles but overlap the target
            (the rows of indicators that have them go to the reference).
        bad_rows: some row was refused by the columns (the reference words it).
        unknown_places: places not in the register.
    """

    good: pl.DataFrame
    columnar: frozenset[str]
    reference: frozenset[str]
    overlapping: tuple[str, ...]
    bad_rows: bool
    unknown_places: tuple[str, ...]

    @property
    def has_problems(self) -> bool:
        """Some row is (or may be) refused: the reference words it."""
        return self.bad_rows


def _overlapping(groups: Groups) -> list[str]:
    """Period texts that are not tiles but overlap the target (invalid ones are refused rows)."""
    tiles = groups.tiling.kind_of
    target = groups.tiling.target
    overlapping: list[str] = []
    for text in groups.period_texts:
        if text in tiles:
            continue
        try:
            p = Period.parse(text)
        except (ValueError, TypeError):
            continue
        if target.overlaps(p):
            overlapping.append(text)
    return overlapping


def plan(groups: Groups, cat: Catalogue, registry: Registry) -> Plan:
    """Decide, per indicator, what the columns can vouch for."""
    frame = groups.frame
    places = [p for p in frame.get_column("place").unique().to_list() if p is not None]
    held = groups.held
    bad_rows = held is not None and held.height > 0
    on_tiles = pl.col("_tiles") > 0
    good = frame if frame.select(on_tiles.all()).item() else frame.filter(on_tiles)

    codes = sorted(c for c in frame.get_column("indicator").unique().to_list() if c is not None)
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
    # a cell on tiles of two kinds, a tile repeated (a carry: fewer bits than rows), or a
    # period other than the target's own for an indicator that does not aggregate over time
    odd = (
        (pl.col("_kmin") != pl.col("_kmax"))
        | (pl.col("_tiles") > pl.col("_bits").bitwise_count_ones())
        | (
            pl.col("indicator").is_in(none_codes)
            & (pl.col("_kmin") != (own if own is not None else -1))
        )
    )
    reference.update(good.filter(odd).get_column("indicator").unique().to_list())
    # an indicator whose sums could pass Int64 is the reference's (Python ints): per
    # indicator only when the whole file's bound, in floats with a margin, comes near
    bound = pl.col("_tiles").cast(pl.Int64) * pl.col("_max").fill_null(0)
    rows = pl.col("_n").cast(pl.Int64)
    as_float = pl.col("_tiles").cast(pl.Float64) * pl.col("_max").fill_null(0).cast(pl.Float64)
    whole = frame.select(as_float.sum(), rows.cast(pl.Float64).sum()).row(0)
    if whole[0] >= _BOUND / 4 or whole[1] >= 10**8 / 4:
        bounds = frame.group_by("indicator").agg(bound.sum().alias("bound"), rows.sum())
        reference.update(
            bounds.filter((pl.col("bound") >= _BOUND) | (pl.col("_n") >= 10**8))
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
        overlapping=tuple(_overlapping(groups)),
        bad_rows=bad_rows,
        unknown_places=unknown,
    )


def _qualifier(bits: int) -> Qualifier:
    """The join of the qualifiers whose bits are set (see ``QUALIFIER_BITS``).

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
    last_codes = [c for c in codes if cat.get(c).time_aggregation is not TimeAggregation.SUM]
    last = pl.col("indicator").is_in(last_codes)
    full = pl.col("_kmin").replace_strict(
        {k: tiling.full(k) for k in range(len(tiling.kinds))}, default=0, return_dtype=pl.Int64
    )
    flags = pl.col("_fin") % LAST_FLAGS
    columns = [
        pl.col("_kmin").alias("_kind"),
        pl.when(last).then(pl.col("_enc") % LAST_BASE).otherwise(pl.col("_int")).alias("_int"),
        pl.when(last).then(flags % 2 == 1).otherwise(pl.col("_has")).alias("_has"),
        pl.when(last)
        .then(flags // 2 % 2 == 1)
        .otherwise(pl.col("_nas") == pl.col("_tiles"))
        .alias("_all_na"),
        pl.when(last).then(pl.col("_lm")).otherwise(pl.col("_bits")).alias("_present"),
        pl.when(last)
        .then(pl.when(flags // 4 % 2 == 1).then(pl.col("_lm")).otherwise(0))
        .otherwise(pl.col("_gone") | (full & ~pl.col("_bits")))
        .alias("_mbits"),
        pl.when(last).then(flags // 8).otherwise(qualifier_bits(pl.col("_qn"))).alias("_q"),
    ]
    if groups.has_decimal:  # a decimal stock is the reference's: only flows here
        columns += [pl.col("_dsum").alias("_dec"), pl.col("_smax").alias("_scale")]
    return good.filter(pl.col("indicator").is_in(codes)).select(
        "indicator", "place", *dim_cols, *columns
    )


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
        _unit=pl.col("place").cast(pl.String).replace_strict(units, return_dtype=pl.String)
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


def _place_map(
    tree: PlaceTree, part_places: list[str]
) -> tuple[pl.DataFrame, dict[str, tuple[tuple[str, Fraction], ...]]]:
    """Each place's units and output places (and levels), and the places split by restating."""
    mapping: list[tuple[str, str, str, int, int]] = []
    split: dict[str, tuple[tuple[str, Fraction], ...]] = {}
    for code in part_places:
        restated = tree.restated(code)
        source_level = _LEVELS.index(tree.level_of(code))
        if len(restated) > 1:
            split[code] = restated
        for unit, _share in restated:
            unit_level = _LEVELS.index(tree.level_of(unit))
            mapping.extend((code, unit, t, unit_level, source_level) for t in tree.targets(unit))
    place_map = pl.DataFrame(
        mapping,
        schema={
            "place": pl.String,
            "_unit": pl.String,
            "_target": pl.String,
            "_ulevel": pl.Int8,
            "_slevel": pl.Int8,
        },
        orient="row",
    )
    return place_map, split


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
    dim_cols = list(groups.dim_cols)
    if parts is None:
        parts = over_time(groups, plan_, cat)

    # over places: each part place's units and output places, by the reference's tree
    part_places = sorted(p for p in parts.get_column("place").unique().to_list() if p)
    place_map, split = _place_map(tree, part_places)
    if split:
        units = {code: tree.restated(code)[0][0] for code in part_places if code not in split}
        parts = _split_parts(parts, split, units, cat, groups.has_decimal)
    place_map = place_map.with_columns(pl.col("place").cast(parts.schema["place"]))
    joined = parts.join(place_map, on=["place", "_unit"] if split else "place", how="inner")
    contributes = pl.col("_has") | (pl.col("_mbits") == 0)
    gap = contributes & (pl.col("_mbits") != 0)
    cells_agg = [
        pl.col("_int").filter(pl.col("_has")).sum().alias("_int"),
        pl.col("_has").any().alias("_has"),
        (~pl.col("_all_na")).any().alias("_applicable"),
        *(
            (pl.col("_has") & (pl.col("_q") // bit % 2 == 1)).any().alias(f"_q{bit}")
            for bit in QUALIFIER_BITS.values()
        ),
        pl.col("_present").bitwise_or().alias("_periods"),
        pl.col("place").unique().sort().alias("_contributors"),
        pl.col("place").filter(~pl.col("_has") & (pl.col("_mbits") != 0)).alias("_missing"),
        pl.col("place").filter(gap).alias("_gap_places"),
        pl.col("_mbits").filter(gap).alias("_gap_bits"),
        # a cell's places are of one level: more than one (a min below the max) is an error
        pl.col("_ulevel").min().alias("_ulow"),
        pl.col("_ulevel").max().alias("_uhigh"),
        pl.col("_slevel").min().alias("_slow"),
        pl.col("_slevel").max().alias("_shigh"),
    ]
    if groups.has_decimal:
        cells_agg += [
            pl.col("_dec").filter(pl.col("_has")).sum().alias("_dec"),
            pl.col("_scale").filter(pl.col("_has")).max().alias("_scale"),
        ]
    cell_rows = joined.group_by(["indicator", "_target", *dim_cols, "_kind"]).agg(cells_agg)
    # cells with the same places (most: every indicator of an output place) share one
    # set of them: each distinct list of places becomes a set once
    cell_rows = cell_rows.with_columns(pl.struct("_contributors").rank("dense").alias("_set"))
    distinct = cell_rows.filter(pl.col("_set").is_first_distinct())
    # one str object per place, shared by every cell (polars makes a new one per list item)
    same = {p: p for p in part_places}.__getitem__
    sets = {
        i: set(map(same, places))
        for i, places in distinct.select("_set", "_contributors").iter_rows()
    }
    cells = _cells(cell_rows.drop("_contributors"), dim_cols, tiling, cat, same, sets=sets)
    return RollupParts(cells, [])


def _cells(
    cell_rows: pl.DataFrame,
    dim_cols: list[str],
    tiling: Tiling,
    cat: Catalogue,
    same: Callable[[str], str],
    *,
    sets: Mapping[int, set[str]],
) -> dict[CellKey, CellParts]:
    """The `CellParts` of the output cells, from the rows of `columnar_parts`'s group-by.

    ``same``: the one str object of each place; ``sets``: the contributing places of a
    row's ``_set``. A cell of one row takes that set itself (shared with the other cells of
    the same places, never updated in place).
    """
    target = tiling.target
    out: dict[CellKey, CellParts] = {}
    at = {c: i for i, c in enumerate(cell_rows.columns)}
    dims_at = [(d[4:], at[d]) for d in dim_cols]
    q_at = [(bit, at[f"_q{bit}"]) for bit in QUALIFIER_BITS.values()]
    memo: dict[tuple[int, int], tuple[Period, ...]] = {}

    def periods(kind: int, bits: int) -> tuple[Period, ...]:
        found = memo.get((kind, bits))
        if found is None:
            found = memo[kind, bits] = tiling.periods(kind, bits)
        return found

    for c in cell_rows.iter_rows():
        code = c[0]
        measure = cat.get(code).unit
        assert measure is not None  # noqa: S101 - the columns take indicators with a unit
        dims = Dims.of({d: c[i] for d, i in dims_at if c[i] is not None})
        key = (code, c[1], target, dims)
        acc = out.get(key)
        if acc is None:
            acc = out[key] = CellParts()
        kind = c[at["_kind"]]
        acc.applicable = acc.applicable or c[at["_applicable"]]
        if c[at["_has"]]:
            q = _qualifier(sum(bit for bit, i in q_at if c[i]))
            total = (
                Quantity(quantize(c[at["_dec"]], c[at["_scale"]]), measure, q)
                if measure.is_decimal
                else Quantity(int(c[at["_int"]]), measure, q)
            )
            acc.total = total if acc.total is None else acc.total + total
        contributors = sets[c[at["_set"]]]
        acc.contributors = acc.contributors | contributors if acc.contributors else contributors
        acc.periods.update(periods(kind, c[at["_periods"]]))
        acc.missing.update(map(same, c[at["_missing"]]))
        gaps: dict[int, list[str]] = {}
        for place, bits in zip(c[at["_gap_places"]], c[at["_gap_bits"]], strict=True):
            gaps.setdefault(bits, []).append(same(place))
        for bits, places in gaps.items():
            acc.missing_periods.update(itertools.product(places, periods(kind, bits)))
        acc.levels.update(_LEVELS[c[at[k]]] for k in ("_ulow", "_uhigh"))
        acc.sources.update(_LEVELS[c[at[k]]] for k in ("_slow", "_shigh"))
    return out
