"""Scanning: tidy rows summed to groups in one pass (a streamed file, or a held table).

A *group* is every row of one (indicator, place, dimensions, status,
qualifier, unit) combination, with whether it has a reason and a figure, and
whether the row's own text is bad (a figure that is not digits, no period, a
blank quote or reason, no indicator or place). Per group the scan keeps what
the rollup needs and nothing else: the number of rows, which tiles of the
target period the rows fall on (one bit per tile, for every standard kind
that tiles the target), the sum and maximum of the counts, a stock's value on
its last tile, the sum and scale of decimal figures. Every distinct period
text is kept too (the period column is a categorical with its own category
list, so they cost nothing extra).

The groups of a 3.5 M-row national year are ~0.4 M; the memory of the scan
is bounded by them, not by the file.
"""

from __future__ import annotations

import calendar
import datetime
import functools
from pathlib import Path
from typing import Any

import attrs
import polars as pl

from antq_domain.bulk._read import CAT, ObservationTable
from antq_domain.records.indicators import Catalogue
from antq_domain.values.missing import Status
from antq_domain.values.period import Period, PeriodKind
from antq_domain.values.unit import Qualifier

__all__ = ["LAST_BASE", "MAX_TILES", "Groups", "Tiling", "rows_where", "scan_file", "scan_table"]

LAST_BASE = 10**16
"""A stock's last value is streamed as ``tile index * LAST_BASE + amount``."""
MAX_TILES = 62
"""Tiles of one kind kept as bits of an ``Int64``."""
_INT_TEXT = r"^[0-9]{1,15}$"
_DEC_TEXT = r"^[0-9]{1,12}(\.[0-9]{1,18})?$"


@attrs.frozen
class Tiling:
    """The standard kinds that tile a target period: kind index → (kind, tiles).

    ``kind_of``/``mask_of``/``index_of`` map a tile's canonical id to its
    kind index, its bit and its position.
    """

    target: Period
    kinds: tuple[tuple[PeriodKind, tuple[Period, ...]], ...]
    _memo: dict[tuple[int, int], tuple[Period, ...]] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    @classmethod
    def of(cls, target: Period) -> Tiling:
        found: list[tuple[PeriodKind, tuple[Period, ...]]] = []
        if target.kind.is_standard or target.kind is PeriodKind.SPAN:
            for kind in PeriodKind:
                if not kind.is_standard:
                    continue
                tiles = target.tiles(kind)
                if tiles is not None and len(tiles) <= MAX_TILES:
                    found.append((kind, tiles))
        return cls(target, tuple(found))

    @property
    def kind_of(self) -> dict[str, int]:
        return {str(t): k for k, (_, tiles) in enumerate(self.kinds) for t in tiles}

    @property
    def mask_of(self) -> dict[str, int]:
        return {str(t): 1 << b for _, tiles in self.kinds for b, t in enumerate(tiles)}

    @property
    def index_of(self) -> dict[str, int]:
        return {str(t): b for _, tiles in self.kinds for b, t in enumerate(tiles)}

    def periods(self, kind: int, bits: int) -> tuple[Period, ...]:
        """The tiles of kind ``kind`` whose bits are set, in order."""
        key = (kind, bits)
        found = self._memo.get(key)
        if found is None:
            tiles = self.kinds[kind][1]
            found = self._memo[key] = tuple(t for b, t in enumerate(tiles) if bits >> b & 1)
        return found

    def full(self, kind: int) -> int:
        """Every tile of kind ``kind`` set."""
        return (1 << len(self.kinds[kind][1])) - 1

    @property
    def own_kind(self) -> int | None:
        """The index of the target's own kind (one tile: the target), if any."""
        for k, (_, tiles) in enumerate(self.kinds):
            if tiles == (self.target,):
                return k
        return None


@attrs.frozen
class Groups:
    """The groups of a scan, the distinct period texts and the column names seen."""

    frame: pl.DataFrame
    dim_cols: tuple[str, ...]
    has_decimal: bool
    period_texts: tuple[str, ...]
    tiling: Tiling
    held: pl.DataFrame | None = None
    """The rows refused on their own text, with their row numbers (``_row``)."""


GROUP_KEYS = ("status", "qualifier", "unit", "_reason", "_value", "_bad")


def _aggregations(has_decimal: bool) -> list[pl.Expr]:
    """Plain counts, sums, minima and maxima of row-wise columns: what polars streams.

    (A filter or a bitwise or inside an aggregation is not streamed: polars
    would hold the rows. The bits of a group's tiles are summed; without a
    repeated tile the sum is their union, and a repeat shows as a carry:
    fewer bits set than rows on tiles.)
    """
    aggs = [
        pl.len().alias("_n"),
        pl.col("_o").sum().alias("_other"),
        pl.col("_m").sum().alias("_bits"),
        pl.col("_m").max().alias("_lm"),
        pl.col("_k").min().alias("_kmin"),
        pl.col("_k").max().alias("_kmax"),
        pl.col("_a").sum().alias("_int"),
        pl.col("_a").max().alias("_max"),
        pl.col("_e").max().alias("_enc"),
    ]
    if has_decimal:
        aggs += [pl.col("_d").sum().alias("_dsum"), pl.col("_s").max().alias("_smax")]
    return aggs


def _finish_groups(groups: pl.DataFrame) -> pl.DataFrame:
    """``_or``: the union of a group's tile bits (its sum, when no tile repeats)."""
    return groups.with_columns(_or=pl.col("_bits"))


def _tile_columns(tiling: Tiling, period: pl.Expr, amount: pl.Expr) -> list[pl.Expr]:
    kind = period.replace_strict(tiling.kind_of, default=None, return_dtype=pl.Int64)
    index = period.replace_strict(tiling.index_of, default=None, return_dtype=pl.Int64)
    return [
        kind.alias("_k"),
        kind.is_null().cast(pl.Int64).alias("_o"),
        period.replace_strict(tiling.mask_of, default=0, return_dtype=pl.Int64).alias("_m"),
        pl.when(kind.is_not_null()).then(amount).alias("_a"),
        (index * LAST_BASE + amount.fill_null(0)).alias("_e"),
    ]


def _decimal_codes(cat: Catalogue) -> list[str]:
    return sorted(
        ind.code for ind in cat.indicators if ind.unit is not None and ind.unit.is_decimal
    )


class _Known:
    """The categories of one scan, with the values known in advance registered first.

    A categorical column's physical id then says, as an integer compare, whether
    a value is a known code (its id is below the number registered), and a
    lookup by id gives what the rollup needs of it (a tile's kind and bit, an
    indicator's unit): no string work per row.
    """

    def __init__(self, cat: Catalogue, tiling: Tiling) -> None:
        self.codes = [i.code for i in cat.indicators]
        self.units = sorted({i.unit.value for i in cat.indicators if i.unit is not None})
        self.statuses = [st.value for st in Status]
        self.qualifiers = [q.value for q in Qualifier]
        self.tiles = list(tiling.kind_of)
        self.categories = {
            c: pl.Categories.random(f"antq-{c}")
            for c in ("indicator", "unit", "status", "qualifier", "period")
        }
        # the categories keep a value while a series holds it: these series hold them
        self._held = [
            pl.Series(values, dtype=pl.Categorical(self.categories[column]))
            for column, values in (
                ("indicator", self.codes),
                ("unit", self.units),
                ("status", self.statuses),
                ("qualifier", self.qualifiers),
                ("period", [*self.tiles, *canonical_ids()]),
            )
        ]
        # ids below this are tiles or valid canonical ids (the tiles repeat: kept once)
        self.known_periods = len(set(self.tiles) | set(canonical_ids()))
        unit_id = {u: i for i, u in enumerate(self.units)}
        self.unit_of = [unit_id[i.unit.value] if i.unit is not None else -1 for i in cat.indicators]
        self.decimal = [i.unit is not None and i.unit.is_decimal for i in cat.indicators]
        kind_of, mask_of, index_of = tiling.kind_of, tiling.mask_of, tiling.index_of
        self.kind = [kind_of[t] for t in self.tiles]
        self.mask = [mask_of[t] for t in self.tiles]
        self.index = [index_of[t] for t in self.tiles]

    def dtype(self, column: str) -> pl.Categorical:
        return pl.Categorical(self.categories[column])

    @staticmethod
    def _lookup(values: list[Any], ids: pl.Expr, default: Any, dtype: Any) -> pl.Expr:
        table = pl.lit(pl.Series([*values, default], dtype=dtype))
        return table.gather(ids.fill_null(len(values)).clip(0, len(values)))

    def ids(self, column: str) -> pl.Expr:
        return pl.col(column).to_physical().cast(pl.Int64)

    def tile(self) -> tuple[pl.Expr, pl.Expr, pl.Expr]:
        """The kind, bit mask and position of a row's period among the tiles (null, 0, null)."""
        pid = self.ids("period")
        return (
            self._lookup(self.kind, pid, None, pl.Int64),
            self._lookup(self.mask, pid, 0, pl.Int64),
            self._lookup(self.index, pid, None, pl.Int64),
        )

    def is_decimal(self) -> pl.Expr:
        return self._lookup(self.decimal, self.ids("indicator"), False, pl.Boolean)

    def bad(self) -> pl.Expr:
        """`bad_text`, with the code checks done on ids."""
        value = pl.col("value")
        ind = self.ids("indicator")
        figure_ok = value.str.contains(_FIGURE) & (
            self.is_decimal() | ~value.str.contains(".", literal=True)
        )
        unit = self.ids("unit")
        unit_ok = unit.is_null() | (unit == self._lookup(self.unit_of, ind, -2, pl.Int64))
        blank = pl.col("quote", "reason")
        blanks = pl.any_horizontal(blank.str.contains(r"^\s*$")).fill_null(False)
        return (
            (value.is_not_null() & ~figure_ok)
            | ind.is_null()
            | pl.col("place").is_null()
            | pl.col("period").is_null()
            | (self.ids("period") >= self.known_periods)
            | blanks
            | (ind >= len(self.codes))
            | ~unit_ok
            | (self.ids("status") >= len(self.statuses)).fill_null(False)
            | (self.ids("qualifier") >= len(self.qualifiers)).fill_null(False)
            | (value.is_null() == self._reported())
            | (pl.col("reason").is_not_null() != self._withheld())
        )

    def _reported(self) -> pl.Expr:
        status = self.ids("status")
        return status.is_null() | (status == self.statuses.index(Status.REPORTED.value))

    def _withheld(self) -> pl.Expr:
        status = self.ids("status")
        return (status == self.statuses.index(Status.WITHHELD.value)).fill_null(False)


def _file_frame(path: Path, names: list[str], known: _Known) -> pl.LazyFrame:
    schema: dict[str, Any] = dict.fromkeys(names, pl.String)
    for c in names:
        if c == "place" or c.startswith("dim_"):
            schema[c] = CAT
        elif c in known.categories:
            schema[c] = known.dtype(c)
    return pl.scan_csv(
        path,
        schema=schema,
        empty_string_is_null=True,
        raise_if_empty=False,
        row_index_name="_row",
        row_index_offset=1,
    ).with_columns(
        (
            pl.lit(None, dtype=known.dtype(c)) if c in known.categories else pl.lit(None, pl.String)
        ).alias(c)
        for c in ("status", "qualifier", "unit", "quote", "reason", "source")
        if c not in names
    )


CANONICAL_YEARS = range(1900, 2101)
"""The years whose standard period ids a scan knows in advance (others are re-read)."""


@functools.cache
def canonical_ids() -> tuple[str, ...]:
    """Every valid canonical id of a standard period in `CANONICAL_YEARS`.

    A scan registers them in its period categories, so that whether a row's
    period is written as a valid id is an integer compare on the row, not a
    regular expression; any other text (a range, a Vietnamese form, another
    year, an invalid id such as ``2024Q5``) is re-read by the reference.
    """
    out: list[str] = []
    for y in CANONICAL_YEARS:
        out += [f"{y:04d}", f"{y:04d}S1", f"{y:04d}S2"]
        out += [f"{y:04d}Q{q}" for q in range(1, 5)]
        out += [f"{y:04d}{m:02d}" for m in range(1, 13)]
        weeks = datetime.date(y, 12, 28).isocalendar().week
        out += [f"{y:04d}W{w:02d}" for w in range(1, weeks + 1)]
        out += [
            f"{y:04d}{m:02d}{d:02d}"
            for m in range(1, 13)
            for d in range(1, calendar.monthrange(y, m)[1] + 1)
        ]
    return tuple(out)


_FIGURE = r"^[0-9]{1,15}(\.[0-9]{1,18})?$"


def bad_text(cat: Catalogue) -> pl.Expr:
    """A row the columns refuse on its own text (the reference words why, or reads it).

    A figure that is not digits (with decimals only for decimal units), no
    indicator, place or period, a period that is not written as a canonical
    id, a blank quote or reason, an indicator the catalogue does not have, a
    unit that is not the indicator's, a status or qualifier that is not a code.
    """
    value = pl.col("value")
    status = pl.col("status").cast(pl.String)
    decimal_codes = _decimal_codes(cat)
    is_dec = pl.col("indicator").is_in(decimal_codes).fill_null(False)
    figure_ok = value.str.contains(_FIGURE) & (is_dec | ~value.str.contains(".", literal=True))
    units = {ind.code: ind.unit.value for ind in cat.indicators if ind.unit is not None}
    unit_ok = pl.col("unit").is_null() | (
        pl.col("unit").cast(pl.String)
        == pl.col("indicator").cast(pl.String).replace_strict(units, default="")
    )
    blank = pl.col("quote", "reason")
    blanks = pl.any_horizontal(blank.str.contains(r"^\s*$")).fill_null(False)
    return (
        (value.is_not_null() & ~figure_ok)
        | pl.col("indicator").is_null()
        | pl.col("place").is_null()
        | pl.col("period").is_null()
        | ~pl.col("period").cast(pl.String).is_in(canonical_ids()).fill_null(False)
        | blanks
        | ~pl.col("indicator").cast(pl.String).is_in([i.code for i in cat.indicators])
        | ~unit_ok
        | ~pl.col("status").cast(pl.String).is_in([s.value for s in Status]).fill_null(True)
        | ~pl.col("qualifier").cast(pl.String).is_in([q.value for q in Qualifier]).fill_null(True)
        | (value.is_null() == (status.is_null() | (status == Status.REPORTED.value)))
        | (pl.col("reason").is_not_null() != (status == Status.WITHHELD.value).fill_null(False))
    )


ROW_TEXT = ("period", "value", "quote", "reason", "source")
"""The columns a bad row's group keeps, so that the reference can read it."""


def scan_file(path: Path, names: list[str], cat: Catalogue, target: Period) -> Groups:
    """One streaming pass over a tidy CSV file: its groups.

    The rows the columns refuse on their own text are kept whole (they are
    few), so the reference can word their problems without a second pass.

    Raises:
        polars.exceptions.PolarsError, OSError: the file cannot be read as CSV.
    """
    tiling = Tiling.of(target)
    dim_cols = tuple(sorted(n for n in names if n.startswith("dim_")))
    decimal_codes = _decimal_codes(cat)
    known = _Known(cat, tiling)
    frame = _file_frame(path, names, known)
    value = pl.col("value")
    is_dec = known.is_decimal()
    # the figures cast where they are of their kind only (a cast of nulls costs nothing)
    amount = pl.when(~is_dec).then(value).cast(pl.Int64, strict=False)
    bad = known.bad()
    kind, mask, index = known.tile()
    rows = [
        "indicator",
        "place",
        *dim_cols,
        "status",
        "qualifier",
        "unit",
        pl.col("reason").is_not_null().alias("_reason"),
        value.is_not_null().alias("_value"),
        bad.alias("_bad"),
        kind.alias("_k"),
        kind.is_null().cast(pl.Int64).alias("_o"),
        mask.alias("_m"),
        pl.when(kind.is_not_null()).then(amount).alias("_a"),
        (index * LAST_BASE + amount.fill_null(0)).alias("_e"),
    ]
    if decimal_codes:
        decimal = pl.when(is_dec).then(value)
        dot = decimal.str.find(".", literal=True)
        scale = (
            pl.when(dot.is_null() & decimal.is_not_null())
            .then(0)
            .otherwise(decimal.str.len_bytes().cast(pl.Int64) - dot.cast(pl.Int64) - 1)
        )
        rows += [
            pl.when(kind.is_not_null())
            .then(decimal.cast(pl.Decimal(38, 18), strict=False))
            .alias("_d"),
            pl.when(kind.is_not_null()).then(scale).alias("_s"),
        ]
    keys = ["indicator", "place", *dim_cols, *GROUP_KEYS]
    grouped = frame.select(rows).group_by(keys).agg(_aggregations(bool(decimal_codes)))
    # from the same scan (polars shares it): every distinct period text, and the bad rows
    distinct = frame.select(pl.col("period").cast(pl.String)).unique()
    text_cols = ["indicator", "place", *dim_cols, "status", "qualifier", "unit", *ROW_TEXT]
    refused = frame.filter(bad).select(*(pl.col(c).cast(pl.String) for c in text_cols), "_row")
    groups, periods, held = pl.collect_all([grouped, distinct, refused], engine="streaming")
    groups = _finish_groups(groups).with_columns(
        pl.col(c).cast(pl.String) for c in ["indicator", "place", *dim_cols, *GROUP_KEYS[:3]]
    )
    period_texts = tuple(t for t in periods.get_column("period").to_list() if t is not None)
    return Groups(groups, dim_cols, bool(decimal_codes), period_texts, tiling, held)


def scan_table(table: ObservationTable, target: Period) -> Groups:
    """The groups of a held table (its rows are valid: no bad text)."""
    tiling = Tiling.of(target)
    frame = table.frame
    dim_cols = tuple(c for c in frame.columns if c.startswith("dim_"))
    has_decimal = "decimal" in frame.columns
    period = pl.col("period").cast(pl.String)
    value_present = pl.col("amount").is_not_null()
    if has_decimal:
        value_present = value_present | pl.col("decimal").is_not_null()
    rows: list[Any] = [
        "indicator",
        "place",
        *dim_cols,
        "status",
        "qualifier",
        pl.lit(None, pl.String).alias("unit"),
        pl.col("reason").is_not_null().alias("_reason"),
        value_present.alias("_value"),
        pl.lit(False).alias("_bad"),
        *_tile_columns(tiling, period, pl.col("amount")),
    ]
    on_tile = period.replace_strict(
        tiling.kind_of, default=None, return_dtype=pl.Int64
    ).is_not_null()
    if has_decimal:
        rows += [
            pl.when(on_tile).then(pl.col("decimal").cast(pl.Decimal(38, 18))).alias("_d"),
            pl.when(on_tile).then(pl.col("scale").cast(pl.Int64)).alias("_s"),
        ]
    keys = ["indicator", "place", *dim_cols, *GROUP_KEYS]
    groups = frame.lazy().select(rows).group_by(keys).agg(_aggregations(has_decimal)).collect()
    groups = _finish_groups(groups).with_columns(pl.col(c).cast(pl.String) for c in keys[:-3])
    texts = tuple(t for t in frame.get_column("period").cast(pl.String).unique().to_list() if t)
    return Groups(groups, dim_cols, has_decimal, texts, tiling)


def rows_where(
    path: Path,
    names: list[str],
    where: pl.Expr,
    combos: pl.DataFrame | None = None,
    unless: pl.Expr | None = None,
) -> pl.DataFrame:
    """The rows of a file for which ``where`` holds, with their row numbers (``_row``, from 1).

    With ``combos`` (code columns with ``_reason`` and ``_value``, as
    `bad_combos` lists them), the rows of
    those combinations too. Streamed: memory is bounded by the rows returned.
    Every column is text.
    """
    schema: dict[str, Any] = dict.fromkeys(names, pl.String)
    frame = pl.scan_csv(path, schema=schema, empty_string_is_null=True, raise_if_empty=False)
    frame = frame.with_columns(
        pl.lit(None, dtype=pl.String).alias(c)
        for c in ("status", "qualifier", "unit", "quote", "reason", "source")
        if c not in names
    ).with_row_index("_row", offset=1)
    if combos is not None:
        marked = combos.with_columns(
            pl.col(c).cast(pl.String) for c in combos.columns if c[0] != "_"
        )
        frame = (
            frame.with_columns(
                _reason=pl.col("reason").is_not_null(), _value=pl.col("value").is_not_null()
            )
            .join(
                marked.with_columns(_refused=pl.lit(True)).lazy(),
                on=list(combos.columns),
                how="left",
                nulls_equal=True,
            )
            .filter(where | pl.col("_refused").fill_null(False))
            .drop("_reason", "_value", "_refused")
        )
    else:
        frame = frame.filter(where)
    if unless is not None:
        frame = frame.filter(~unless)
    return frame.collect(engine="streaming").sort("_row")
