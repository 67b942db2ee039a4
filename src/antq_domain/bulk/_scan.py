# Size: the one pass over a file (blocks of whole records by the csv rules, the row checks
# on categorical ids, the checks of places and code combinations, the per-cell sums and
# their merging) and the cells of a held table, kept together; about a third is docstrings.
"""Scanning: tidy rows summed to one row per cell, in one pass over bounded blocks.

A *cell* is every valid row of one (indicator, place, dimensions)
combination. Per cell the scan keeps what the rollup needs and nothing else:
the number of rows and of rows on a tile of the target period (every
standard kind that tiles the target: months, quarters, halves, the year),
the kinds and the bits of those tiles, the sum and maximum of the reported
counts, the bits of the tiles not reported or withheld, the qualifiers' bits,
a stock's value and status on its last tile, the sum and scale of decimal
figures, and which status/qualifier/unit combinations occur (so that each is
checked once by the reference). Rows the columns refuse are kept whole, with
their row numbers, for the reference to word; every distinct period text is
kept too.

A file is read in blocks of whole records (`BLOCK_BYTES`; where a record
ends follows Python's `csv` module, which the reference reads with: a quote
opens a quoted field only at the start of a field), each parsed by polars
(or by the `csv` module when a quote stands inside an unquoted field) and
summed at once, so memory is bounded by a block and the cells,
never by the file: a 3.8 M-row national year has ~0.35 M cells. The cells of
a place met in several blocks are merged at the end (a file sorted by place
merges almost nothing); a file in another order is merged as it goes.
"""

from __future__ import annotations

import calendar
import csv
import datetime
import functools
import io
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import polars as pl

from antq_domain.bulk._read import CAT, ObservationTable, over_limit, place_filter
from antq_domain.errors import RecordError
from antq_domain.io.rows import from_tidy
from antq_domain.limits import MAX_FIELD_CHARS
from antq_domain.records.indicators import Catalogue
from antq_domain.records.places import Registry
from antq_domain.values.missing import Status
from antq_domain.values.period import Period, PeriodKind
from antq_domain.values.unit import Qualifier

__all__ = [
    "BLOCK_BYTES",
    "LAST_BASE",
    "MAX_TILES",
    "MERGE_ROWS",
    "QUALIFIER_BITS",
    "Groups",
    "Tiling",
    "rows_where",
    "scan_file",
    "scan_table",
]

LAST_BASE = 10**16
"""A stock's last value is streamed as ``tile index * LAST_BASE + amount``."""
MAX_TILES = 62
"""Tiles of one kind kept as bits of an ``Int64``."""
BLOCK_BYTES = 4 << 20
"""The size of the blocks a file is read in (whole records; a longer record is read whole)."""
MERGE_ROWS = 300_000
"""Cells of blocks held before they are merged, in a file not sorted by place (see `_Cells`)."""
LAST_FLAGS = 1024
"""A stock's last tile is streamed as ``tile index * LAST_FLAGS + flags`` (see `cell_rows`)."""
QUALIFIER_BITS = {
    Qualifier.AT_LEAST.value: 1,
    Qualifier.AT_MOST.value: 2,
    Qualifier.APPROXIMATELY.value: 4,
    Qualifier.MORE_THAN.value: 8,
    Qualifier.LESS_THAN.value: 16,
}
"""The bit of each qualifier that is not ``exact`` (their union is joined in ``_parts``)."""


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
    """The cells of a scan, the distinct period texts and the rows refused.

    ``frame`` has one row per (indicator, place, dimensions) of the valid
    rows (categorical columns), with the columns of `CELL_COLUMNS`.
    """

    frame: pl.DataFrame
    dim_cols: tuple[str, ...]
    has_decimal: bool
    period_texts: tuple[str, ...]
    tiling: Tiling
    held: pl.DataFrame | None = None
    """The rows refused by the columns, as text, with their row numbers (``_row``)."""


CELL_COLUMNS = {
    "_n": "rows",
    "_tiles": "rows on a tile of the target",
    "_kmin": "the least kind index of those tiles",
    "_kmax": "the greatest kind index",
    "_bits": "the sum of the tiles' bits (their union when no tile repeats)",
    "_lm": "the bit of the last tile",
    "_has": "some row on a tile is reported",
    "_nas": "rows on a tile that are not applicable",
    "_gone": "the sum of the bits of tiles not reported or withheld",
    "_qn": "per qualifier, the reported rows on a tile that have it (`QUALIFIER_FIELD` bits each)",
    "_int": "the sum of the reported counts on tiles",
    "_max": "the greatest of them",
    "_enc": "the last tile's count, as ``index * LAST_BASE + count``",
    "_fin": "the last tile's status, as ``index * LAST_FLAGS + flags``",
}
"""The columns of a cell (and with decimals ``_dsum``, ``_smax``: their sum and greatest scale)."""

QUALIFIER_FIELD = 12
"""Bits per qualifier in ``_qn``: a cell whose rows on tiles outnumber its tiles is the
reference's, so a field (up to 4,095 rows) never overflows in a cell the columns keep."""

# how the cells of two blocks merge (every aggregation is of these kinds)
_MERGE = {
    "_n": "sum",
    "_tiles": "sum",
    "_kmin": "min",
    "_kmax": "max",
    "_bits": "sum",
    "_lm": "max",
    "_has": "max",
    "_nas": "sum",
    "_gone": "sum",
    "_qn": "sum",
    "_int": "sum",
    "_max": "max",
    "_enc": "max",
    "_fin": "max",
    "_dsum": "sum",
    "_smax": "max",
}
_STATUS_PARTS = len(Status) + 1  # no status, or one of them
_QUALIFIER_PARTS = len(Qualifier) + 1


def qualifier_bits(counts: pl.Expr) -> pl.Expr:
    """The union of the qualifiers' bits (`QUALIFIER_BITS`) of a cell's ``_qn``."""
    mask = (1 << QUALIFIER_FIELD) - 1
    out = pl.lit(0, pl.Int64)
    for bit in QUALIFIER_BITS.values():
        position = bit.bit_length() - 1
        present = (counts // (1 << (QUALIFIER_FIELD * position))) % (mask + 1) > 0
        out = out + present.cast(pl.Int64) * bit
    return out


def _qualifier_field(bit: int) -> int:
    return 1 << (QUALIFIER_FIELD * (bit.bit_length() - 1)) if bit else 0


def cell_rows(  # noqa: PLR0917 - the row-wise facts, each named
    kind: pl.Expr,
    mask: pl.Expr,
    index: pl.Expr,
    reported: pl.Expr,
    not_applicable: pl.Expr,
    gone: pl.Expr,
    qualifier: tuple[pl.Expr, pl.Expr],
    amount: pl.Expr,
    decimal: tuple[pl.Expr, pl.Expr] | None,
) -> list[pl.Expr]:
    """The row-wise columns that `cell_aggregations` sums to cells.

    ``kind``/``mask``/``index``: the row's tile (null, 0, null off the
    tiles); the status facts as booleans; ``qualifier`` the qualifier's bit
    (`QUALIFIER_BITS`) and its field in ``_qn``; ``amount`` the count (null
    for decimals and missing figures); ``decimal`` the decimal figure and
    its scale.
    """
    on = kind.is_not_null()
    rep = on & reported
    bits, field = qualifier
    q = pl.when(rep).then(bits).otherwise(0)
    flags = (
        rep.cast(pl.Int64)
        + 2 * (on & not_applicable).cast(pl.Int64)
        + 4 * (on & gone).cast(pl.Int64)
        + 8 * q
    )
    rows = [
        kind.alias("_k"),
        mask.alias("_m"),
        rep.alias("_rep"),
        (on & not_applicable).alias("_na"),
        pl.when(on & gone).then(mask).otherwise(0).alias("_gm"),
        pl.when(rep).then(field).otherwise(0).alias("_qf"),
        pl.when(rep).then(amount).alias("_a"),
        pl.when(on).then(index * LAST_BASE + amount.fill_null(0)).alias("_e"),
        pl.when(on).then(index * LAST_FLAGS + flags).alias("_f"),
    ]
    if decimal is not None:
        value, scale = decimal
        rows += [pl.when(rep).then(value).alias("_d"), pl.when(rep).then(scale).alias("_s")]
    return rows


def cell_aggregations(has_decimal: bool) -> list[pl.Expr]:
    """Each row-wise column of `cell_rows` summed to its cell (`CELL_COLUMNS`).

    Only counts, sums, minima and maxima: they merge across blocks, and
    polars computes them fast (a bitwise or is several times slower).
    """
    aggs = [
        pl.len().alias("_n"),
        pl.col("_k").count().alias("_tiles"),
        pl.col("_k").min().alias("_kmin"),
        pl.col("_k").max().alias("_kmax"),
        pl.col("_m").sum().alias("_bits"),
        pl.col("_m").max().alias("_lm"),
        pl.col("_rep").any().alias("_has"),
        pl.col("_na").sum().alias("_nas"),
        pl.col("_gm").sum().alias("_gone"),
        pl.col("_qf").sum().alias("_qn"),
        pl.col("_a").sum().alias("_int"),
        pl.col("_a").max().alias("_max"),
        pl.col("_e").max().alias("_enc"),
        pl.col("_f").max().alias("_fin"),
    ]
    if has_decimal:
        aggs += _decimal_aggregations()
    return aggs


def _decimal_aggregations() -> list[pl.Expr]:
    return [pl.col("_d").sum().alias("_dsum"), pl.col("_s").max().alias("_smax")]


def _merged(frames: list[pl.DataFrame], keys: list[str]) -> pl.DataFrame:
    """Cells of several blocks merged (each aggregation is a sum, min, max or union)."""
    how = {
        "sum": lambda c: pl.col(c).sum(),
        "min": lambda c: pl.col(c).min(),
        "max": lambda c: pl.col(c).max(),
    }
    frame = pl.concat(frames, how="vertical_relaxed")
    aggs = [how[_MERGE[c]](c) for c in frame.columns if c not in keys]
    return frame.group_by(keys).agg(aggs)


class _Cells:
    """The cells of the blocks read so far, merged when they would grow past the cells.

    A cell's rows can be in several blocks: the cells of places met in more
    than one block are merged at the end. When places come back (a file not
    sorted by place) and the blocks' cells outgrow ``limit`` rows and what
    was merged, all are merged at once, so memory stays bounded by the
    cells; a file sorted by place is never merged on the way.
    """

    def __init__(self, keys: list[str], limit: int | None = None) -> None:
        self.keys = keys
        self.limit = limit if limit is not None else MERGE_ROWS
        self.frames: list[pl.DataFrame] = []
        self.places: Counter[str] = Counter()
        self.pending = 0
        self.merged = 0
        self.returning = False  # some place met again since the last merge

    def add(self, cells: pl.DataFrame, places: list[str]) -> None:
        self.frames.append(cells)
        self.returning = self.returning or any(self.places[p] for p in places)
        self.places.update(places)
        self.pending += cells.height
        if self.returning and self.pending > max(self.limit, self.merged):
            whole = _merged(self.frames, self.keys)
            self.frames = [whole]
            self.places = Counter(set(self.places))
            self.merged, self.pending = whole.height, 0
            self.returning = False

    def result(self) -> pl.DataFrame | None:
        if not self.frames:
            return None
        again = [p for p, n in self.places.items() if n > 1]
        if not again:
            return pl.concat(self.frames, how="vertical_relaxed")
        repeated = pl.col("place").cast(pl.String).is_in(again)
        kept = [f.filter(~repeated) for f in self.frames]
        joined = _merged([f.filter(repeated) for f in self.frames], self.keys)
        return pl.concat([*kept, joined.select(kept[0].columns)], how="vertical_relaxed")


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

    def bad(self, texts: tuple[str, ...] = ("quote", "reason")) -> pl.Expr:
        """A row the columns refuse on its own text (the reference words why, or reads it).

        A figure that is not digits (with decimals only for decimal units), no
        indicator, place or period, a period that is not written as a canonical
        id, a blank quote or reason (of the columns ``texts``: the others are
        empty), an indicator the catalogue does not have, a unit that is not the
        indicator's, a status or qualifier that is not a code, a figure with a
        status other than reported (or none without), a reason without
        ``withheld``: integer compares on the columns' ids.
        """
        value = pl.col("value")
        ind = self.ids("indicator")
        figure_ok = value.str.contains(_FIGURE) & (
            self.is_decimal() | ~value.str.contains(".", literal=True)
        )
        unit = self.ids("unit")
        unit_ok = unit.is_null() | (unit == self._lookup(self.unit_of, ind, -2, pl.Int64))
        blanks = [pl.col(c).str.contains(r"^\s*$").fill_null(False) for c in texts]
        return pl.any_horizontal(
            (value.is_not_null() & ~figure_ok),
            ind.is_null(),
            pl.col("place").is_null(),
            pl.col("period").is_null(),
            (self.ids("period") >= self.known_periods),
            *blanks,
            (ind >= len(self.codes)),
            ~unit_ok,
            (self.ids("status") >= len(self.statuses)).fill_null(False),
            (self.ids("qualifier") >= len(self.qualifiers)).fill_null(False),
            (value.is_null() == self._reported()),
            (pl.col("reason").is_not_null() != self._withheld()),
        )

    def _reported(self) -> pl.Expr:
        status = self.ids("status")
        return status.is_null() | (status == self.statuses.index(Status.REPORTED.value))

    def _withheld(self) -> pl.Expr:
        status = self.ids("status")
        return (status == self.statuses.index(Status.WITHHELD.value)).fill_null(False)

    def _status_is(self, *statuses: Status) -> pl.Expr:
        ids = [self.statuses.index(st.value) for st in statuses]
        return self.ids("status").is_in(ids).fill_null(False)

    def base(self) -> list[pl.Expr]:
        """The facts of a row that several columns of `cell_rows` use, computed once.

        ``_k``/``_m``/``_ix``: its tile's kind, bit and position; ``_dec``: a
        decimal unit; ``_c``: its status/qualifier/unit combination, a small
        integer (`_Checks`).
        """
        kind, mask, index = self.tile()
        status, qualifier = self.ids("status"), self.ids("qualifier")
        combo = (status + 1).fill_null(0) * _QUALIFIER_PARTS + (qualifier + 1).fill_null(0)
        return [
            kind.alias("_k"),
            mask.alias("_m"),
            index.alias("_ix"),
            self.is_decimal().alias("_dec"),
            (combo * 2 + pl.col("unit").is_not_null().cast(pl.Int64)).alias("_c"),
        ]

    def cell_rows(self) -> list[pl.Expr]:
        """`cell_rows` of a valid row (counts only), from `base` and its columns' ids."""
        qualifier = self.ids("qualifier")
        bits = [QUALIFIER_BITS.get(q, 0) for q in self.qualifiers]
        return cell_rows(
            pl.col("_k"),
            pl.col("_m"),
            pl.col("_ix"),
            reported=self._reported(),
            not_applicable=self._status_is(Status.NOT_APPLICABLE),
            gone=self._status_is(Status.NOT_REPORTED, Status.WITHHELD),
            qualifier=(
                self._lookup(bits, qualifier, 0, pl.Int64),
                self._lookup([_qualifier_field(b) for b in bits], qualifier, 0, pl.Int64),
            ),
            amount=pl.when(~pl.col("_dec")).then(pl.col("value")).cast(pl.Int64, strict=False),
            decimal=None,
        )

    def decimal_rows(self) -> list[pl.Expr]:
        """The decimal figure and scale of a valid row of a decimal unit, if reported on a tile."""
        value = pl.col("value")
        dot = value.str.find(".", literal=True)
        scale = (
            pl.when(dot.is_null())
            .then(0)
            .otherwise(value.str.len_bytes().cast(pl.Int64) - dot.cast(pl.Int64) - 1)
        )
        rep = pl.col("_k").is_not_null() & self._reported()
        return [
            pl.when(rep).then(value.cast(pl.Decimal(38, 18), strict=False)).alias("_d"),
            pl.when(rep & value.is_not_null()).then(scale).alias("_s"),
        ]


class _Checks:
    """The code combinations and places of valid rows, each checked once by the reference.

    A status/qualifier/unit combination of an indicator and its dimensions,
    and a place, is valid or not whatever the row: the reference reads one
    representative row per combination (as `bad_combos` does), and each
    place text once.
    """

    def __init__(self, cat: Catalogue, known: _Known, dim_cols: tuple[str, ...]) -> None:
        self.cat = cat
        self.known = known
        self.dim_cols = dim_cols
        self.refused: dict[tuple[Any, ...], bool] = {}
        self.bad_places: set[str] = set()
        self.places: set[str] = set()

    def _combo_refused(self, combo: tuple[Any, ...]) -> bool:
        found = self.refused.get(combo)
        if found is None:
            indicator, dims, status, qualifier, has_unit = combo
            row: dict[str, Any] = {"indicator": indicator, "place": "X", "period": "2000"}
            row.update((d, v) for d, v in zip(self.dim_cols, dims, strict=True) if v is not None)
            if status is not None:
                row["status"] = status
            if qualifier is not None:
                row["qualifier"] = qualifier
            unit = self.cat.get(indicator).unit
            if has_unit and unit is not None:
                row["unit"] = unit.value
            if status == Status.WITHHELD.value:
                row["reason"] = "r"
            if status in (None, Status.REPORTED.value):
                row["value"] = "1"
            try:
                from_tidy([row], catalogue=self.cat, check_places=False)
                found = False
            except RecordError:
                found = True
            self.refused[combo] = found
        return found

    def distinct(self, rows: pl.LazyFrame) -> pl.LazyFrame:
        """The distinct combinations of ``rows`` (``indicator``, dims, ``_c``), for `combos`."""
        return (
            rows.select("indicator", *self.dim_cols, "_c")
            .unique()
            .with_columns(pl.col(c).cast(pl.String) for c in ["indicator", *self.dim_cols])
        )

    def combos(self, seen: pl.DataFrame) -> list[tuple[Any, ...]]:
        """Of the combinations ``seen`` (`distinct`), those the reference refuses."""
        statuses = [None, *self.known.statuses]
        qualifiers = [None, *self.known.qualifiers]
        bad: list[tuple[Any, ...]] = []
        for row in seen.iter_rows():
            code = row[-1]
            s, q = divmod(code // 2, _QUALIFIER_PARTS)
            combo = (row[0], tuple(row[1:-1]), statuses[s], qualifiers[q], bool(code % 2))
            if self._combo_refused(combo):
                bad.append(combo)
        return bad

    def new_bad_places(self, places: list[str]) -> list[str]:
        """Of ``places``, those the reference refuses (blank, or with spaces around)."""
        for p in places:
            if p not in self.places:
                self.places.add(p)
                if not p or p != p.strip():
                    self.bad_places.add(p)
        return [p for p in places if p in self.bad_places]

    def flag(self, combos: list[tuple[Any, ...]]) -> pl.Expr:
        """Rows with one of ``combos``."""
        flags: list[pl.Expr] = []
        for indicator, dims, status, qualifier, has_unit in combos:
            same = [
                pl.col("indicator").cast(pl.String) == indicator,
                pl.col("unit").is_not_null() == has_unit,
            ]
            for column, v in (
                ("status", status),
                ("qualifier", qualifier),
                *zip(self.dim_cols, dims, strict=True),
            ):
                c = pl.col(column).cast(pl.String)
                same.append(c.is_null() if v is None else (c == v).fill_null(False))
            flags.append(pl.all_horizontal(same))
        return pl.any_horizontal(flags).fill_null(False)


def _schema(names: list[str], known: _Known) -> dict[str, Any]:
    schema: dict[str, Any] = dict.fromkeys(names, pl.String)
    for c in names:
        if c == "place" or c.startswith("dim_"):
            schema[c] = CAT
        elif c in known.categories:
            schema[c] = known.dtype(c)
    return schema


def _absent_columns(names: list[str], known: _Known) -> list[pl.Expr]:
    return [
        (
            pl.lit(None, dtype=known.dtype(c)) if c in known.categories else pl.lit(None, pl.String)
        ).alias(c)
        for c in ("status", "qualifier", "unit", "quote", "reason", "source")
        if c not in names
    ]


# Text whose quotes all belong to quoted fields as the `csv` module reads them: a quoted
# field opens at the start of a field (after a comma, a line end or the start of the text),
# doubles the quotes inside it and closes before a comma or a line end. Possessive, so
# matched in one pass without backtracking. A quote inside an unquoted field (a plain
# character there) or after a closing quote (an error of the `csv` module's strict mode)
# fails it.
_QUOTED = re.compile(rb'"(?:[^"]++|"")*+"')  # a quoted field of a `regular` block
_REGULAR = re.compile(rb'(?:[^"]++|"(?<![^,\n]")(?:[^"]++|"")*+"(?=[,\r\n]|\Z))*+')
_BACK_LINES = 64
"""Line ends `_record_end` tries by the count of quotes before it reads by the rules."""


def regular(data: bytes) -> bool:
    r"""Whether every quote in ``data`` (whole records) belongs to a quoted field.

    In such text a line end ends a record exactly when an even number of
    quotes comes before it, and polars reads the fields as the `csv` module
    does.

    Example:
        >>> regular(b'a,"b\n""c"" d",e\n'), regular(b'a,b"c,d\n'), regular(b'a,"b"c\n')
        (True, False, False)
    """
    return b'"' not in data or _REGULAR.fullmatch(data) is not None


def _record_end(buf: bytes) -> int:
    """Where the last whole record of ``buf`` ends (0: none), ``buf`` starting a record.

    A newline inside a quoted field is not a record's end. In the usual text
    (`regular`) a record ends at a newline after an even number of quote
    characters (an escaped quote is two), found among the last `_BACK_LINES`
    line ends; otherwise the ends are found by the `csv` module's rules
    (`_csv_record_end`).
    """
    end = buf.rfind(b"\n") + 1
    if b'"' not in buf:
        return end
    odd = buf.count(b'"', 0, end) % 2
    for _ in range(_BACK_LINES):
        if not odd or not end:
            break
        start = buf.rfind(b"\n", 0, end - 1) + 1
        odd ^= buf.count(b'"', start, end) % 2
        end = start
    if end and not odd and regular(buf[:end]):
        return end
    return _csv_record_end(buf)


def _csv_record_end(buf: bytes) -> int:
    r"""Where the last whole record of ``buf`` ends (0: none), by the `csv` module's rules.

    A quote opens a quoted field only at the start of a field (after a comma
    or a line end: outside quotes, ``\r`` ends a line for the `csv` module
    too); elsewhere it is a plain character. Only quotes and line ends are
    visited.

    Example:
        >>> buf = b'a,b"c,d\ne,"f\ng",h\ni,"j'
        >>> buf[: _csv_record_end(buf)]
        b'a,b"c,d\ne,"f\ng",h\n'
    """
    end, i = 0, 0
    while True:
        q = buf.find(b'"', i)
        line = buf.rfind(b"\n", i, len(buf) if q < 0 else q)
        if line >= 0:
            end = line + 1
        if q < 0:
            return end
        i = q + 1
        if q == 0 or buf[q - 1] in b",\r\n":  # a quoted field: to its closing quote
            while True:
                close = buf.find(b'"', i)
                if close < 0 or close + 1 == len(buf):
                    return end  # the field (or its doubled quote) goes on after ``buf``
                i = close + 1
                if buf[i : i + 1] != b'"':
                    break
                i += 1  # a doubled quote


def read_block(block: bytes, schema: dict[str, Any]) -> pl.DataFrame:
    """The records of a block with ``schema`` (an empty cell is null).

    Polars reads a block whose quotes all belong to quoted fields (`regular`);
    a block with a quote inside an unquoted field is read by the `csv` module,
    as the reference reads it (polars would refuse it).

    Raises:
        polars.exceptions.ComputeError: a block the columns do not read (malformed
            quoting, a record with another number of cells than the header, a blank
            line, bytes that are not UTF-8): the reference reads the file.
    """
    if regular(block):
        frame = pl.read_csv(
            block, has_header=False, schema=schema, empty_string_is_null=True, raise_if_empty=False
        )
        # polars pads a record with fewer cells than the header, which the reference
        # refuses; polars refuses one with more, so the separators outside quoted
        # fields add up to (columns - 1) per record exactly when every record is whole
        bare = _QUOTED.sub(b"", block) if b'"' in block else block
        if bare.count(b",") != (len(schema) - 1) * frame.height:
            raise pl.exceptions.ComputeError("a record with fewer cells than the header")
        return _within_limit(frame)
    try:
        records = list(csv.reader(io.StringIO(block.decode(), newline=""), strict=True))
    except (csv.Error, UnicodeDecodeError) as exc:
        raise pl.exceptions.ComputeError(str(exc)) from None
    if any(len(r) != len(schema) for r in records):
        raise pl.exceptions.ComputeError("a record with another number of cells than the header")
    columns = list(zip(*records, strict=True)) if records else [()] * len(schema)
    frame = pl.DataFrame(
        [pl.Series(c, cells, dtype=pl.String) for c, cells in zip(schema, columns, strict=True)]
    )
    return _within_limit(
        frame.select(pl.col(c).replace("", None).cast(t) for c, t in schema.items())
    )


def _within_limit(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` if no cell is longer than `MAX_FIELD_CHARS` (the reference refuses it).

    Raises:
        polars.exceptions.ComputeError: a cell over the limit: the reference reads the
            file and words it, by line.
    """
    if over_limit(frame):
        raise pl.exceptions.ComputeError(f"a cell over {MAX_FIELD_CHARS} characters")
    return frame


def blocks(path: Path, size: int | None = None) -> Iterator[bytes]:
    """The records of a CSV file after its header, in blocks of about ``size`` bytes.

    Raises:
        polars.exceptions.ComputeError: a block would start with a blank line (the
            reference skips blank lines and numbers rows without them: it reads such a file).
    """
    size = size if size is not None else BLOCK_BYTES
    with path.open("rb") as fh:
        fh.readline()
        rest = b""
        while True:
            data = fh.read(size)
            buf = rest + data if rest else data
            if not data:
                if buf:
                    yield _checked_block(buf)
                return
            cut = _record_end(buf)
            if cut:
                yield _checked_block(buf[:cut])
            rest = buf[cut:]


def _checked_block(block: bytes) -> bytes:
    if block.startswith((b"\n", b"\r\n")):
        raise pl.exceptions.ComputeError("a blank line")
    return block


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
    # the parts after the year, written once (a common year's days, a leap year's)
    months = [f"{m:02d}" for m in range(1, 13)]
    weeks = [f"W{w:02d}" for w in range(1, 54)]
    days = {
        leap: [
            f"{m:02d}{d:02d}"
            for m in range(1, 13)
            for d in range(1, calendar.monthrange(2000 if leap else 2001, m)[1] + 1)
        ]
        for leap in (False, True)
    }
    out: list[str] = []
    for y in CANONICAL_YEARS:
        year = f"{y:04d}"
        out += [year, year + "S1", year + "S2"]
        out += [f"{year}Q{q}" for q in range(1, 5)]
        out += [year + m for m in months]
        out += [year + w for w in weeks[: datetime.date(y, 12, 28).isocalendar().week]]
        out += [year + md for md in days[calendar.isleap(y)]]
    return tuple(out)


_FIGURE = r"^[0-9]{1,15}(\.[0-9]{1,18})?$"


ROW_TEXT = ("period", "value", "quote", "reason", "source")
"""The columns of a refused row kept as text, so that the reference can read it."""


class _FileScan:
    """The state of one pass over a file: the checks, the cells and rows refused so far."""

    def __init__(self, names: list[str], cat: Catalogue, target: Period, reg: Registry) -> None:
        self.reg = reg
        self.tiling = Tiling.of(target)
        self.dim_cols = tuple(sorted(n for n in names if n.startswith("dim_")))
        self.has_decimal = bool(_decimal_codes(cat))
        known = _Known(cat, self.tiling)
        self.checks = _Checks(cat, known, self.dim_cols)
        self.schema = _schema(names, known)
        self.keys = ["indicator", "place", *self.dim_cols]
        self.text_cols = [*self.keys, "status", "qualifier", "unit", *ROW_TEXT]
        self.row_columns = [*_absent_columns(names, known)]
        self.base = known.base()
        # the row checks, by which of quote and reason have a text in a block (mostly none)
        self.bad: dict[tuple[str, ...], pl.Expr] = {
            texts: known.bad(texts).alias("_bad")
            for texts in ((), ("quote",), ("reason",), ("quote", "reason"))
        }
        self.rows = known.cell_rows()
        self.decimal_rows = known.decimal_rows()
        self.cells = _Cells(self.keys)
        self.held: list[pl.DataFrame] = []
        self.periods: set[str] = set()
        self.count = 0

    def parse(self, block: bytes) -> pl.DataFrame:
        """A block's rows, with their numbers and the facts `_Known.base` gives."""
        frame = read_block(block, self.schema)
        first = self.count + 1
        self.count += frame.height
        frame = frame.with_columns(
            *self.row_columns, pl.int_range(first, self.count + 1, dtype=pl.Int64).alias("_row")
        )
        present = ("quote", "reason")
        texts = tuple(c for c in present if frame.get_column(c).null_count() < frame.height)
        return frame.with_columns(*self.base, self.bad[texts])

    def sum_queries(self, frame: pl.DataFrame) -> list[pl.LazyFrame]:
        """The queries of the cells of the rows not refused (`cells_of` joins their results)."""
        keys = self.keys
        # lazily, so that polars selects the columns before it filters the rows
        good = frame.lazy().filter(~pl.col("_bad"))
        queries = [good.select(*keys, *self.rows).group_by(keys).agg(cell_aggregations(False))]
        if self.has_decimal:
            queries.append(
                good.filter(pl.col("_dec"))
                .select(*keys, *self.decimal_rows)
                .group_by(keys)
                .agg(_decimal_aggregations())
            )
        return queries

    def cells_of(self, results: list[pl.DataFrame]) -> pl.DataFrame:
        """The cells, from the results of `sum_queries`."""
        cells, *decimals = results
        for dec in decimals:
            cells = cells.join(dec, on=self.keys, how="left", nulls_equal=True)
        return cells

    def sums(self, frame: pl.DataFrame) -> pl.DataFrame:
        """The cells of the rows not refused."""
        return self.cells_of(pl.collect_all(self.sum_queries(frame)))

    def add(self, frame: pl.DataFrame) -> None:
        """Rows of whole places (unless the file is not sorted by place) summed to cells.

        First the rows are refused for their place (blank, spaces around, not
        in the register, or not existing during the row's period: each
        distinct place and life checked against the block's period texts) and
        for their code combination; then the others are summed.
        """
        periods = frame.get_column("period").unique().cast(pl.String).drop_nulls().to_list()
        self.periods.update(periods)
        places = frame.get_column("place").unique().cast(pl.String).drop_nulls().to_list()
        refused: list[pl.Expr] = []
        bad_places = self.checks.new_bad_places(places)
        if bad_places:
            refused.append(pl.col("place").cast(pl.String).is_in(bad_places))
        gone = place_filter(places, periods, self.reg)
        if gone is not None:
            refused.append(gone)
        if refused:
            frame = frame.with_columns(pl.col("_bad") | pl.any_horizontal(refused).fill_null(False))
        # the combinations and the cells in one go (polars shares the work); a combination
        # the reference refuses (rare) flags its rows, and the cells are summed again
        seen, *sums = pl.collect_all(
            [self.checks.distinct(frame.lazy().filter(~pl.col("_bad"))), *self.sum_queries(frame)]
        )
        combos = self.checks.combos(seen)
        if combos:
            frame = frame.with_columns(pl.col("_bad") | self.checks.flag(combos))
            cells = self.sums(frame)
        else:
            cells = self.cells_of(sums)
        text = (pl.col(c).cast(pl.String) for c in self.text_cols)
        self.held.append(frame.lazy().filter(pl.col("_bad")).select(*text, "_row").collect())
        self.cells.add(cells, places)

    def groups(self) -> Groups:
        merged = self.cells.result()
        if merged is None:  # no rows
            empty = pl.DataFrame(schema=self.schema).with_columns(*self.row_columns)
            merged = self.sums(empty.with_columns(*self.base, self.bad[()]))
        frame = merged
        held = pl.concat(self.held).sort("_row") if self.held else None
        periods = tuple(sorted(self.periods))
        return Groups(frame, self.dim_cols, self.has_decimal, periods, self.tiling, held)


def scan_file(  # noqa: PLR0917 - the file, what it holds and what it is rolled up to
    path: Path,
    names: list[str],
    cat: Catalogue,
    target: Period,
    reg: Registry,
    block_bytes: int | None = None,
) -> Groups:
    """One pass over a tidy CSV file, block by block (`blocks`): its cells.

    Every row is checked as it is read: its own text (`_Known.bad`), then
    its place (against ``reg``, as the reference reader checks it) and code
    combination (`_Checks`, each distinct one once by the reference); the
    rows refused are kept whole (they are few), so the
    reference can word their problems without a second pass.

    Raises:
        polars.exceptions.PolarsError, OSError: the file cannot be read as CSV.
    """
    scan = _FileScan(names, cat, target, reg)
    carry: pl.DataFrame | None = None
    for block in blocks(path, block_bytes):
        frame = scan.parse(block)
        if carry is not None:
            frame = pl.concat([carry, frame], rechunk=False)
        # the rows of the last place wait for the next block: in a file sorted by
        # place, no place then spans two blocks and no cell needs merging
        runs = frame.select(pl.col("place").rle_id()).to_series()
        start = int(runs.search_sorted(runs[-1], side="left")) if frame.height else 0
        if start:
            scan.add(frame.slice(0, start))
            carry = frame.slice(start)
        else:
            carry = frame
    if carry is not None:
        scan.add(carry)
    return scan.groups()


def scan_table(table: ObservationTable, target: Period) -> Groups:
    """The cells of a held table (its rows are valid: none is refused)."""
    tiling = Tiling.of(target)
    frame = table.frame
    dim_cols = tuple(c for c in frame.columns if c.startswith("dim_"))
    has_decimal = "decimal" in frame.columns
    period = pl.col("period").cast(pl.String)
    status = pl.col("status").cast(pl.String)
    qualifier = pl.col("qualifier").cast(pl.String)
    decimal = (
        (pl.col("decimal").cast(pl.Decimal(38, 18)), pl.col("scale").cast(pl.Int64))
        if has_decimal
        else None
    )
    rows = cell_rows(
        period.replace_strict(tiling.kind_of, default=None, return_dtype=pl.Int64),
        period.replace_strict(tiling.mask_of, default=0, return_dtype=pl.Int64),
        period.replace_strict(tiling.index_of, default=None, return_dtype=pl.Int64),
        reported=status.is_null() | (status == Status.REPORTED.value),
        not_applicable=(status == Status.NOT_APPLICABLE.value).fill_null(False),
        gone=status.is_in([Status.NOT_REPORTED.value, Status.WITHHELD.value]).fill_null(False),
        qualifier=(
            qualifier.replace_strict(QUALIFIER_BITS, default=0, return_dtype=pl.Int64),
            qualifier.replace_strict(
                {q: _qualifier_field(b) for q, b in QUALIFIER_BITS.items()},
                default=0,
                return_dtype=pl.Int64,
            ),
        ),
        amount=pl.col("amount"),
        decimal=decimal,
    )
    keys = ["indicator", "place", *dim_cols]
    groups = (
        frame.lazy()
        .select(*keys, *rows)
        .group_by(keys)
        .agg(cell_aggregations(has_decimal))
        .collect()
    )
    texts = tuple(t for t in frame.get_column("period").cast(pl.String).unique().to_list() if t)
    return Groups(groups, dim_cols, has_decimal, texts, tiling)


def rows_where(path: Path, names: list[str], where: pl.Expr) -> pl.DataFrame:
    """The rows of a file for which ``where`` holds, with their row numbers (``_row``, from 1).

    Read block by block (`blocks`): memory is bounded by a block and the rows
    returned. Every column is text.
    """
    schema: dict[str, Any] = dict.fromkeys(names, pl.String)
    absent = [
        pl.lit(None, dtype=pl.String).alias(c)
        for c in ("status", "qualifier", "unit", "quote", "reason", "source")
        if c not in names
    ]
    found: list[pl.DataFrame] = []
    count = 0
    for block in blocks(path):
        frame = read_block(block, schema)
        first = count + 1
        count += frame.height
        row = pl.int_range(first, count + 1, dtype=pl.Int64).alias("_row")
        found.append(frame.with_columns(*absent, row).filter(where))
    if not found:
        return pl.DataFrame(
            schema={**schema, **{c.meta.output_name(): pl.String for c in absent}, "_row": pl.Int64}
        )
    return pl.concat(found)
