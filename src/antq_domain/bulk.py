r"""A columnar bulk path: millions of tidy rows read and rolled up with polars.

[`read_table`][antq_domain.bulk.read_table] loads a tidy CSV into an
[`ObservationTable`][antq_domain.bulk.ObservationTable] (a polars DataFrame behind the library's own
API) with the validation rules of [`read_observations`][antq_domain.read_observations];
[`rollup_table`][antq_domain.bulk.rollup_table] rolls it up and returns the very
[`Rollup`][antq_domain.Rollup] the reference
[`rollup`][antq_domain.rollup] returns, so the two compare with ``==`` (a
property test checks every cell on generated data).

The pure-Python path stays the reference semantics. This module only does the
work that grows with the number of rows in columns; everything per place and
per output cell goes through the reference's own helpers, and whatever the
columnar path does not cover is handed to the reference unchanged:

* **reading**: the columns are checked per distinct value (indicator, status,
  qualifier, unit, dimensions, reason, place, period and quote combinations
  are validated by the reference on one representative row each) and the
  figures per row (digits only for counts, ``digits[.digits]`` for decimal
  units), never as floats: counts are ``Int64``, decimal units polars
  ``Decimal``. Rows the columns cannot vouch for are re-read one by one by
  the reference, which words the errors (``row 3: ...``, all rows at once).
  Files the columnar reader cannot read as the reference does (a byte-order
  mark, blank lines, unknown or repeated header names, a figure written in
  another accepted form such as ``" 12"``, JSON Lines) are read by the
  reference.
* **rolling up**: flows (``sum`` over time) and stocks (``last``) that add
  up over places, with a target ``period`` tiled by the inputs' periods (one
  standard period kind), are rolled up in columns; other indicators (stated
  percentages, place aggregation ``none``, no time aggregation) go through
  the reference on their own rows and the cells are merged (every rule of a
  rollup is per indicator). Any irregular input (no target period, mixed
  period kinds, duplicate cells, an error) is handed to the reference whole,
  which then gives its result or raises its error.

* **streaming a file**: [`rollup_file`][antq_domain.bulk.rollup_file] (and
  [`rollup_file_many`][antq_domain.bulk.rollup_file_many], one scan for several targets) never hold
  the rows: one pass of polars' streaming engine checks every row (per distinct code combination, as
  above, and per row for figures, periods, quotes and reasons) and sums the rows to one group per
  (indicator, place, dimensions, status, qualifier, unit); the rollup then starts from those groups.
  Files whose periods lie outside the target (or are not its standard tiles), a bad row, any
  indicator other than a flow or a non-decimal stock, figures too long to sum safely in ``Int64`` /
  ``Decimal(38, 18)``: all go to [`read_table`][antq_domain.bulk.read_table] and
  [`rollup_table`][antq_domain.bulk.rollup_table] (and so to the reference).

Needs the ``bulk`` extra (``pip install 'antq-domain[bulk]'``: polars).

Example:
    >>> import pathlib, tempfile
    >>> from datetime import date
    >>> from antq_domain.analysis.aggregation import rollup
    >>> from antq_domain.bulk import read_table, rollup_table
    >>> from antq_domain.io.files import read_observations
    >>> from antq_domain.records.places import registry
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "kt.csv").write_text(
    ...     "indicator,place,period,value\n"
    ...     "tips.received,608,202301,30\ntips.received,608,202302,12\n"
    ...     "tips.received,616,202301,4\n", encoding="utf-8")
    >>> table = read_table(folder / "kt.csv")
    >>> len(table), table.to_observations() == read_observations(folder / "kt.csv")
    (3, True)
    >>> args = dict(to="province", period="2023", registry=registry(), as_of=date(2023, 12, 31))
    >>> r = rollup_table(table, **args)
    >>> str(r.cells[0].value), r == rollup(table.to_observations(), **args)
    ('>=46 tip', True)
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Context, Decimal
from fractions import Fraction
from os import PathLike
from pathlib import Path
from typing import Any

from antq_domain.analysis.aggregation import (
    MissingStrategy,
    Note,
    RolledCell,
    Rollup,
    View,
    _Acc,
    _allocate,
    _check_args,
    _key_order,
    _parse_to,
    _ratios,
    _target_codes,
    _tiles,
    _Tree,
    _value,
    rollup,
)
from antq_domain.errors import AntqError, RecordError
from antq_domain.io.files import FileFormat, _format_of, read_observations
from antq_domain.io.rows import TIDY_KEYS, from_tidy, tidy
from antq_domain.records.indicators import (
    Catalogue,
    IndicatorKind,
    PlaceAggregation,
    TimeAggregation,
    catalogue,
)
from antq_domain.records.observation import Dims, Observation
from antq_domain.records.places import PlaceLevel, Registry
from antq_domain.values.missing import Status, Withheld
from antq_domain.values.period import Period, PeriodKind
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier

try:
    import polars as pl
except ImportError as exc:  # pragma: no cover - the extra is installed for development
    raise ImportError("antq_domain.bulk needs polars: pip install 'antq-domain[bulk]'") from exc

__all__ = ["ObservationTable", "read_table", "rollup_file", "rollup_file_many", "rollup_table"]

_CAT = pl.Categorical
# the columns of a table, after the dimension columns
_TEXT = ("indicator", "place", "period", "status", "qualifier", "source", "quote", "reason")
_INT_RE = r"^[0-9]+$"
_DEC_RE = r"^[0-9]+(\.[0-9]+)?$"
_MAX_DIGITS = 18  # Int64 holds every 18-digit count; longer figures go to the reference
_MAX_SCALE = 18
_WIDE = Context(prec=100)
_LAST_BASE = 10**16  # a stock's last value streamed as tile index * base + amount


def _quantize(amount: Decimal, scale: int) -> Decimal:
    """``amount`` written with exactly ``scale`` decimals (it has at least that many)."""
    return amount.quantize(Decimal(1).scaleb(-scale), context=_WIDE)


class ObservationTable:
    """Validated observations held in columns (a polars DataFrame).

    Build one with [`read_table`][antq_domain.bulk.read_table] or
    [`from_observations`][antq_domain.bulk.ObservationTable.from_observations]; roll it up with
    [`rollup_table`][antq_domain.bulk.rollup_table];
    [`to_observations`][antq_domain.bulk.ObservationTable.to_observations] gives the observations
    back (equal to what the reference reader returns).

    Columns: ``indicator``, ``place``, ``period``, ``status`` (empty:
    reported), ``qualifier`` (empty: exact), ``source``, ``quote``,
    ``reason``, one ``dim_<name>`` column per dimension (categoricals; empty
    is absent), ``amount`` (``Int64``: the figure of a count), and for
    decimal units ``decimal`` (polars ``Decimal``) with ``scale`` (the
    number of decimals written, so ``13.50`` stays ``Decimal('13.50')``).

    Example:
        >>> from decimal import Decimal
        >>> from antq_domain.bulk import ObservationTable
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> obs = [Observation(indicator="weapons.explosives", place="62", period="2023",
        ...                    value=Quantity(Decimal("13.50"), "kilogram"))]
        >>> t = ObservationTable.from_observations(obs)
        >>> len(t), t.to_observations() == obs, t.dims
        (1, True, ())
    """

    __slots__ = ("_cache", "_catalogue", "_frame")

    def __init__(self, frame: pl.DataFrame, catalogue: Catalogue) -> None:
        self._frame = frame
        self._catalogue = catalogue
        # per target period: the parts (one per indicator, place and dims) and
        # whether any cell is duplicated; a table never changes, so they keep
        self._cache: dict[tuple[str, str], tuple[pl.DataFrame, bool]] = {}

    @property
    def frame(self) -> pl.DataFrame:
        """The columns (a polars DataFrame; do not modify it).

        Example:
            >>> from antq_domain.bulk import ObservationTable
            >>> ObservationTable.from_observations([]).frame.columns[:3]
            ['indicator', 'place', 'period']
        """
        return self._frame

    @property
    def catalogue(self) -> Catalogue:
        """The catalogue the rows were validated against.

        Example:
            >>> from antq_domain.bulk import ObservationTable
            >>> from antq_domain.records.indicators import catalogue
            >>> ObservationTable.from_observations([]).catalogue is catalogue()
            True
        """
        return self._catalogue

    @property
    def dims(self) -> tuple[str, ...]:
        """The dimension names that have a column, sorted.

        Example:
            >>> from antq_domain.bulk import ObservationTable
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import Quantity
            >>> o = Observation(indicator="crime.cases_occurred", place="62", period="2023",
            ...                 value=Quantity(5, "case"), dims={"category": "drugs"})
            >>> ObservationTable.from_observations([o]).dims
            ('category',)
        """
        return tuple(c[4:] for c in self._frame.columns if c.startswith("dim_"))

    def __len__(self) -> int:
        return self._frame.height

    def __repr__(self) -> str:
        return f"<ObservationTable of {self._frame.height} rows>"

    @classmethod
    def from_observations(
        cls, observations: Iterable[Observation], *, catalogue: Catalogue | None = None
    ) -> ObservationTable:
        """A table holding ``observations`` (row by row: for small inputs and tests).

        Example:
            >>> from antq_domain.bulk import ObservationTable
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import NOT_REPORTED
            >>> o = Observation(indicator="tips.received", place="62", period="2023",
            ...                 value=NOT_REPORTED)
            >>> ObservationTable.from_observations([o]).frame["status"].to_list()
            ['not_reported']
        """
        cat = catalogue if catalogue is not None else _standard()
        rows = tidy(list(observations))
        dims = sorted({k for row in rows for k in row if k.startswith("dim_")})
        data: dict[str, list[Any]] = {c: [] for c in (*_TEXT, *dims)}
        amounts: list[int | None] = []
        decimals: list[Decimal | None] = []
        scales: list[int | None] = []
        for row in rows:
            status = row["status"]
            for c in (*_TEXT, *dims):
                data[c].append(row.get(c))
            data["status"][-1] = None if status == Status.REPORTED.value else status
            if data["qualifier"][-1] == Qualifier.EXACT.value:
                data["qualifier"][-1] = None
            value = row["value"]
            if isinstance(value, str):
                amount = Decimal(value)
                exponent = amount.as_tuple().exponent
                assert isinstance(exponent, int)  # noqa: S101 - a finite Decimal
                amounts.append(None)
                decimals.append(amount)
                scales.append(max(0, -exponent))
            else:
                amounts.append(value)
                decimals.append(None)
                scales.append(None)
        columns: dict[str, pl.Series] = {
            c: pl.Series(c, data[c], dtype=pl.String).cast(_CAT) for c in (*_TEXT[:3], *dims)
        }
        for c in _TEXT[3:]:
            columns[c] = pl.Series(c, data[c], dtype=pl.String).cast(_CAT)
        columns["amount"] = pl.Series("amount", amounts, dtype=pl.Int64)
        if any(d is not None for d in decimals):
            scale = max(s for s in scales if s is not None)
            columns["decimal"] = pl.Series(
                "decimal",
                [None if d is None else _quantize(d, scale) for d in decimals],
                dtype=pl.Decimal(38, scale),
            )
            columns["scale"] = pl.Series("scale", scales, dtype=pl.Int8)
        order = [*_TEXT[:3], *dims, *_TEXT[3:], "amount", "decimal", "scale"]
        return cls(pl.DataFrame([columns[c] for c in order if c in columns]), cat)

    def to_observations(self) -> list[Observation]:
        """The observations, in row order, validated by the reference.

        Example:
            >>> from antq_domain.bulk import ObservationTable
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import Quantity
            >>> o = Observation(indicator="tips.received", place="62", period="2023",
            ...                 value=Quantity(7, "tip", "at_least"), quote="hơn 7 tin")
            >>> ObservationTable.from_observations([o]).to_observations() == [o]
            True
        """
        return from_tidy(self._tidy_rows(self._frame), catalogue=self._catalogue)

    def _tidy_rows(self, frame: pl.DataFrame) -> list[dict[str, Any]]:
        has_decimal = "decimal" in frame.columns
        out: list[dict[str, Any]] = []
        for row in frame.iter_rows(named=True):
            tidy_row = {k: v for k, v in row.items() if v is not None and k in TIDY_KEYS}
            tidy_row.update(
                {k: v for k, v in row.items() if v is not None and k.startswith("dim_")}
            )
            if row["amount"] is not None:
                tidy_row["value"] = row["amount"]
            elif has_decimal and row["decimal"] is not None:
                tidy_row["value"] = format(_quantize(row["decimal"], row["scale"]), "f")
            out.append(tidy_row)
        return out


def _standard() -> Catalogue:
    return catalogue()


# --- reading -------------------------------------------------------------------


def read_table(
    path: str | PathLike[str],
    *,
    format: FileFormat | None = None,  # noqa: A002 - the natural name for callers
    catalogue: Catalogue | None = None,
) -> ObservationTable:
    r"""Read tidy rows (CSV or JSON Lines) into a validated `ObservationTable`.

    The rules are those of [`read_observations`][antq_domain.read_observations] (unknown
    keys, bad values, dimensions, units, qualifiers, statuses): every problem of every row is raised
    at once as one [`RecordError`][antq_domain.RecordError] naming row and key, worded as the
    reference words it. Counts are exact ``Int64``; decimal units are polars ``Decimal`` (never
    floats).

    Raises:
        RecordError: problems in the rows.
        ParseError: an unknown file format.

    Example:
        >>> import pathlib, tempfile
        >>> from antq_domain.bulk import read_table
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "bad.csv"
        >>> _ = p.write_text("indicator,place,period,value,unit\n"
        ...                  "tips.received,62,2023,12,tip\ntips.received,62,2022,1.5,tip\n"
        ...                  "tips.received,62,2021,3,case\n")
        >>> read_table(p)
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: tidy rows: 2 problems
          row 2: value='1.5': expected a whole number of 'tip' (digits only)
          row 3: unit='case': expected 'tip' for 'tips.received'
    """
    source = Path(path)
    fmt = _format_of(source, format)
    cat = catalogue if catalogue is not None else _standard()
    table = _read_csv(source, cat) if fmt == "csv" else None
    if table is None:
        observations = read_observations(source, format=fmt, catalogue=cat)
        table = ObservationTable.from_observations(observations, catalogue=cat)
    return table


def _header(path: Path) -> list[str] | None:
    """The header names, or None when the columnar reader must not read the file."""
    with path.open("rb") as fh:
        first = fh.readline()
    if not first or first.startswith(b"\xef\xbb\xbf") or b'"' in first:
        return None
    try:
        names = next(csv.reader(io.StringIO(first.decode("utf-8"))), [])
    except UnicodeDecodeError:
        return None
    known = [n for n in names if n in TIDY_KEYS or n.startswith("dim_")]
    required = {"indicator", "place", "period", "value"}
    if len(set(names)) != len(names) or len(known) != len(names) or not required <= set(names):
        return None
    return names


def _bad_combos(combos: pl.DataFrame, cat: Catalogue) -> list[dict[str, Any]]:
    """The distinct combinations the reference refuses (one representative row each).

    ``combos`` has the code columns and ``_reason`` / ``_value`` (whether
    the row has a reason, a figure).
    """
    bad: list[dict[str, Any]] = []
    for combo in combos.iter_rows(named=True):
        row = {k: v for k, v in combo.items() if v is not None and not k.startswith("_")}
        row.update(place="X", period="2000")
        if combo["_reason"]:
            row["reason"] = "r"
        if combo["_value"]:
            row["value"] = "1"
        try:
            from_tidy([row], catalogue=cat)
        except RecordError:
            bad.append(combo)
    return bad


def _read_csv(path: Path, cat: Catalogue) -> ObservationTable | None:  # noqa: PLR0912, PLR0915 - one pass, kept together
    names = _header(path)
    if names is None:
        return None
    schema: dict[str, Any] = dict.fromkeys(names, _CAT)
    schema["value"] = pl.String
    try:
        frame = pl.read_csv(
            path,
            schema_overrides=schema,
            infer_schema=False,
            empty_string_is_null=False,
            raise_if_empty=False,
        )
    except (pl.exceptions.PolarsError, OSError):
        return None
    frame = frame.with_columns(pl.col("value").replace("", None))
    dim_cols = sorted(n for n in names if n.startswith("dim_"))
    missing_cols = [c for c in _TEXT if c not in frame.columns]
    frame = frame.with_columns(pl.lit(None, dtype=_CAT).alias(c) for c in missing_cols)
    if "unit" not in frame.columns:
        frame = frame.with_columns(pl.lit(None, dtype=_CAT).alias("unit"))
    if (
        frame.height
        and frame.select(
            (
                pl.col("indicator").is_null()
                & pl.col("place").is_null()
                & pl.col("period").is_null()
            ).any()
        ).item()
    ):
        return None  # a blank line (skipped by the reference) or an empty row

    # 1. per distinct combination: one representative row checked by the reference
    combo_cols = ["indicator", "status", "qualifier", "unit", *dim_cols]
    combos = (
        frame.lazy()
        .select(
            *combo_cols,
            pl.col("reason").is_not_null().alias("_reason"),
            pl.col("value").is_not_null().alias("_value"),
        )
        .unique()
        .collect()
    )
    decimal_codes = {
        code
        for code in combos.get_column("indicator").to_list()
        if code in cat and (unit := cat.get(code).unit) is not None and unit.is_decimal
    }
    bad_combos = _bad_combos(combos, cat)
    flags: list[pl.Expr] = []
    if bad_combos:
        bad = pl.DataFrame(bad_combos, schema=combos.schema).with_columns(_bad=pl.lit(True))
        keyed = frame.lazy().select(
            *combo_cols,
            pl.col("reason").is_not_null().alias("_reason"),
            pl.col("value").is_not_null().alias("_value"),
        )
        hit = (
            keyed.join(
                bad.lazy(),
                on=list(combos.columns),
                how="left",
                nulls_equal=True,
                maintain_order="left",
            )
            .select(pl.col("_bad").fill_null(False))
            .collect()
            .to_series()
        )
        flags.append(pl.lit(hit))

    # 2. per distinct place, period and quote
    def bad_values(column: str, ok: Any) -> list[str]:
        values = frame.get_column(column).drop_nulls().unique().to_list()
        return [v for v in values if not ok(v)]

    def place_ok(v: str) -> bool:
        return bool(v) and v == v.strip()

    def period_ok(v: str) -> bool:
        try:
            Period.parse(v)
        except (ValueError, TypeError):
            return False
        return True

    def reason_ok(v: str) -> bool:
        try:
            Withheld(v)
        except (ValueError, TypeError):
            return False
        return True

    for column, ok in (
        ("place", place_ok),
        ("period", period_ok),
        ("quote", lambda v: bool(v.strip())),
        ("reason", reason_ok),
    ):
        bad_list = bad_values(column, ok)
        if bad_list:
            flags.append(pl.col(column).cast(pl.String).is_in(bad_list).fill_null(False))
    flags.append(pl.col("indicator").is_null() | pl.col("place").is_null())
    flags.append(pl.col("period").is_null())

    # 3. per row: the figure's text
    is_dec = pl.col("indicator").is_in(sorted(decimal_codes)).fill_null(False)
    value = pl.col("value")
    text_ok = (
        pl.when(is_dec)
        .then(value.str.contains(_DEC_RE) & (value.str.len_bytes() <= 2 * _MAX_DIGITS))
        .otherwise(value.str.contains(_INT_RE) & (value.str.len_bytes() <= _MAX_DIGITS))
    )
    flags.append(value.is_not_null() & ~text_ok)
    flagged_expr = pl.any_horizontal(flags)
    flagged = frame.lazy().with_row_index("_row", offset=1).filter(flagged_expr).collect()
    if flagged.height:
        problems: list[tuple[str, str]] = []
        for row in flagged.drop(*missing_cols).iter_rows(named=True):
            number = row.pop("_row")
            text = {k: v for k, v in row.items() if v is not None and v != ""}
            try:
                from_tidy([text], catalogue=cat)
            except RecordError as exc:
                problems.extend(
                    (f"row {number}" + loc.removeprefix("row 1"), msg) for loc, msg in exc.problems
                )
        if problems:
            raise RecordError("tidy rows", problems)
        return None  # valid in a form the columns do not read (" 12"): the reference reads it

    # 4. the figures, exactly
    columns: list[pl.Expr] = [
        pl.when(~is_dec).then(value.cast(pl.Int64, strict=False)).alias("amount")
    ]
    if decimal_codes:
        dot = value.str.find(r"\.", literal=False).cast(pl.Int32)
        scale_expr = (
            pl.when(is_dec & value.is_not_null())
            .then(
                pl.when(dot.is_null())
                .then(pl.lit(0, pl.Int32))
                .otherwise(value.str.len_bytes().cast(pl.Int32) - dot - 1)
            )
            .cast(pl.Int8)
        )
        frame = frame.with_columns(scale_expr.alias("scale"))
        top = frame.get_column("scale").max()
        scale = int(top) if isinstance(top, int) else 0
        if scale > _MAX_SCALE:
            return None
        columns.append(
            pl.when(is_dec).then(value.cast(pl.Decimal(38, scale), strict=False)).alias("decimal")
        )
    frame = frame.with_columns(columns)
    extra = ["decimal", "scale"] if decimal_codes else []
    frame = frame.select(*_TEXT[:3], *dim_cols, *_TEXT[3:], "amount", *extra)
    frame = frame.with_columns(
        pl.col("status").replace(Status.REPORTED.value, None),
        pl.col("qualifier").replace(Qualifier.EXACT.value, None),
    )
    return ObservationTable(frame, cat)


# --- rolling up ------------------------------------------------------------------


class _Fallback(Exception):  # noqa: N818 - a control-flow signal, never raised to callers
    """The columnar path hands this rollup to the reference."""


class _Inputs:
    """What the columnar rollup needs from its input: distinct values, parts, the rest."""

    def __init__(self, table: ObservationTable) -> None:
        self.table = table
        frame = table.frame
        self.catalogue = table.catalogue
        self.dim_cols = [c for c in frame.columns if c.startswith("dim_")]
        self.has_decimal = "decimal" in frame.columns
        self.period_texts = [p for p in frame.get_column("period").unique().to_list() if p]
        self.place_texts = [p for p in frame.get_column("place").unique().to_list() if p]
        self.codes = [c for c in frame.get_column("indicator").unique().to_list() if c]

    def parts(  # noqa: PLR0917 - private
        self,
        target: Period,
        fast: list[str],
        stocks: list[str],
        inside: dict[str, int],
        n_tiles: int,
        group: list[str],
    ) -> tuple[pl.DataFrame, bool]:
        key = ("parts", str(target))
        cached = self.table._cache.get(key)
        if cached is None:
            cached = _parts(
                self.table.frame, fast, stocks, inside, n_tiles, group, self.has_decimal
            )
            self.table._cache[key] = cached
        return cached

    def slow(self, slow: list[str]) -> list[Observation]:
        frame = self.table.frame
        rest = frame.filter(pl.col("indicator").is_in(slow).fill_null(False))
        return ObservationTable(rest, self.catalogue).to_observations()


def rollup_table(
    table: ObservationTable,
    *,
    to: str | Sequence[str] | None = None,
    period: Period | str | None = None,
    registry: Registry,
    as_of: date,
    view: View = "as_of",
    shares: Mapping[str, Mapping[str, Fraction | int]] | None = None,
    missing: MissingStrategy = "lower_bound",
) -> Rollup:
    """Roll up a table: the reference [`rollup`][antq_domain.rollup], in columns.

    The arguments and the result are those of the reference (the table's
    catalogue is used); ``rollup_table(t, ...) == rollup(t.to_observations(),
    ...)`` holds for every table, every cell, ratio, note and allocation
    alike. Inputs the columnar path does not cover are handed to the
    reference (module docs).

    Raises:
        ConflictError, InvariantError, UnknownCodeError: as the reference.

    Example:
        >>> from datetime import date
        >>> from antq_domain.bulk import ObservationTable, rollup_table
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.records.places import registry
        >>> from antq_domain.values import Quantity
        >>> obs = [Observation(indicator=i, place="608", period=f"2023Q{q}",
        ...                    value=Quantity(n * q, "tip"))
        ...        for q in (1, 2, 3, 4) for i, n in (("tips.received", 10), ("tips.valuable", 9))]
        >>> r = rollup_table(ObservationTable.from_observations(obs), to="province",
        ...                  period="2023", registry=registry(), as_of=date(2023, 12, 31))
        >>> str(r.cell("tips.received", "62").value), str(r.ratio("tips.valuable_rate", "62"))
        ('>=100 tip', 'about 90.0% (90/100)')
    """
    _check_args(view, missing, as_of)
    kwargs: dict[str, Any] = {
        "to": to,
        "period": period,
        "registry": registry,
        "as_of": as_of,
        "view": view,
        "shares": shares,
        "missing": missing,
    }
    try:
        return _columnar(_Inputs(table), **kwargs)
    except (_Fallback, AntqError):
        pass  # the reference decides: its result, or its error as it words it
    return rollup(table.to_observations(), catalogue=table.catalogue, **kwargs)


def rollup_file(
    path: str | PathLike[str],
    *,
    to: str | Sequence[str] | None = None,
    period: Period | str | None = None,
    registry: Registry,
    as_of: date,
    view: View = "as_of",
    shares: Mapping[str, Mapping[str, Fraction | int]] | None = None,
    missing: MissingStrategy = "lower_bound",
    catalogue: Catalogue | None = None,
) -> Rollup:
    r"""Roll up a tidy CSV file in one streaming pass, never holding the rows.

    ``rollup_file(path, ...) == rollup(read_observations(path), ...)``: the same validation (every
    row; the same [`RecordError`][antq_domain.RecordError] naming row and key) and the same
    [`Rollup`][antq_domain.Rollup]. The rows are checked and summed to one part
    per (indicator, place, dimensions) while the file is scanned (polars' streaming engine); see
    [`rollup_file_many`][antq_domain.bulk.rollup_file_many] to roll one scan up to several targets.
    Files or rollups the stream does not cover (module docs) are read by
    [`read_table`][antq_domain.bulk.read_table] and rolled up by
    [`rollup_table`][antq_domain.bulk.rollup_table].

    Raises:
        RecordError: problems in the rows.
        ConflictError, InvariantError, UnknownCodeError: as the reference.

    Example:
        >>> import pathlib, tempfile
        >>> from datetime import date
        >>> from antq_domain.bulk import rollup_file
        >>> from antq_domain.records.places import registry
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "kt.csv"
        >>> _ = p.write_text("indicator,place,period,value\n"
        ...                  "tips.received,608,202301,30\ntips.received,616,202302,12\n")
        >>> r = rollup_file(p, to="province", period="2023", registry=registry(),
        ...                 as_of=date(2023, 12, 31))
        >>> str(r.cell("tips.received", "62").value)
        '>=42 tip'
    """
    (result,) = rollup_file_many(
        path,
        to=[to],
        period=period,
        registry=registry,
        as_of=as_of,
        view=view,
        shares=shares,
        missing=missing,
        catalogue=catalogue,
    )
    return result


def rollup_file_many(
    path: str | PathLike[str],
    *,
    to: Sequence[str | Sequence[str] | None],
    period: Period | str | None = None,
    registry: Registry,
    as_of: date,
    view: View = "as_of",
    shares: Mapping[str, Mapping[str, Fraction | int]] | None = None,
    missing: MissingStrategy = "lower_bound",
    catalogue: Catalogue | None = None,
) -> tuple[Rollup, ...]:
    r"""One streaming scan of a tidy CSV rolled up to several targets (one per ``to``).

    Each result equals [`rollup_file`][antq_domain.bulk.rollup_file] for that target (and so the
    reference's rollup); the file is read once.

    Raises:
        RecordError: problems in the rows.
        ConflictError, InvariantError, UnknownCodeError: as the reference.

    Example:
        >>> import pathlib, tempfile
        >>> from datetime import date
        >>> from antq_domain.bulk import rollup_file_many
        >>> from antq_domain.records.places import registry
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "kt.csv"
        >>> _ = p.write_text("indicator,place,period,value\ntips.received,608,2023,30\n")
        >>> a, b = rollup_file_many(p, to=["province", "nation"], period="2023",
        ...                         registry=registry(), as_of=date(2023, 12, 31))
        >>> a.cells[0].place, b.cells[0].place
        ('62', 'VN')
    """
    _check_args(view, missing, as_of)
    cat = catalogue if catalogue is not None else _standard()
    source = Path(path)
    targets = list(to)
    kwargs: dict[str, Any] = {
        "period": period,
        "registry": registry,
        "as_of": as_of,
        "view": view,
        "shares": shares,
        "missing": missing,
    }
    inputs: _Inputs | None = None
    if period is not None and _format_of(source, None) == "csv":
        inputs = _FileInputs.scan(source, cat, Period.parse(str(period)))
    results: list[Rollup] = []
    table: ObservationTable | None = None
    for target in targets:
        if inputs is not None:
            try:
                results.append(_columnar(inputs, to=target, **kwargs))
                continue
            except (_Fallback, AntqError):
                pass  # the held table and then the reference decide
        if table is None:
            table = read_table(source, catalogue=cat)
        results.append(rollup_table(table, to=target, **kwargs))
    return tuple(results)


class _FileInputs(_Inputs):
    """The inputs of a columnar rollup gathered by one streaming scan of a CSV file."""

    def __init__(  # noqa: PLR0917 - private, built by scan
        self,
        cat: Catalogue,
        dim_cols: list[str],
        has_decimal: bool,
        period_texts: list[str],
        place_texts: list[str],
        codes: list[str],
        groups: pl.DataFrame,
    ) -> None:
        self.catalogue = cat
        self.dim_cols = dim_cols
        self.has_decimal = has_decimal
        self.period_texts = period_texts
        self.place_texts = place_texts
        self.codes = codes
        self._groups = groups
        self._parts: tuple[pl.DataFrame, bool] | None = None

    @classmethod
    def scan(cls, path: Path, cat: Catalogue, target: Period) -> _FileInputs | None:
        """Scan the file; None when the stream cannot vouch for every row."""
        names = _header(path)
        if names is None:
            return None
        tiles = {
            kind: found
            for kind in PeriodKind
            if kind.is_standard and (found := _tiles(target, kind)) is not None and len(found) <= 62
        }
        kind_of = {str(t): i for i, (_, found) in enumerate(tiles.items()) for t in found}
        mask_of = {str(t): 1 << b for found in tiles.values() for b, t in enumerate(found)}
        index_of = {str(t): b for found in tiles.values() for b, t in enumerate(found)}
        dim_cols = sorted(n for n in names if n.startswith("dim_"))
        decimal_codes = sorted(
            ind.code for ind in cat.indicators if ind.unit is not None and ind.unit.is_decimal
        )
        schema: dict[str, Any] = dict.fromkeys(names, pl.String)
        for c in ("indicator", "place", "status", "qualifier", "unit", *dim_cols):
            if c in schema:
                schema[c] = _CAT
        frame = pl.scan_csv(
            path, schema=schema, empty_string_is_null=True, raise_if_empty=False
        ).with_columns(
            pl.lit(None, dtype=pl.String).alias(c)
            for c in ("status", "qualifier", "unit", "quote", "reason")
            if c not in names
        )
        value = pl.col("value")
        period_col = pl.col("period")
        is_dec = pl.col("indicator").is_in(decimal_codes).fill_null(False)
        text_ok = (
            pl.when(is_dec)
            .then(value.str.contains(r"^[0-9]{1,12}(\.[0-9]{1,18})?$"))
            .otherwise(value.str.contains(r"^[0-9]{1,15}$"))
        )
        amount = pl.when(~is_dec).then(value.cast(pl.Int64, strict=False))
        index = period_col.replace_strict(index_of, default=0, return_dtype=pl.Int64)
        blank = pl.col("quote", "reason")
        keys = [
            "indicator",
            "place",
            *dim_cols,
            "status",
            "qualifier",
            "unit",
            "_reason",
            "_value",
        ]
        # per row (streamed), then plain sums and maxima per group (streamed too)
        rows = [
            *keys[:-2],
            pl.col("reason").is_not_null().alias("_reason"),
            value.is_not_null().alias("_value"),
            period_col.replace_strict(mask_of, default=0, return_dtype=pl.Int64).alias("_m"),
            period_col.replace_strict(kind_of, default=-1, return_dtype=pl.Int64).alias("_k"),
            amount.alias("_a"),
            (index * _LAST_BASE + amount.fill_null(0)).alias("_e"),
            (value.is_not_null() & ~text_ok).alias("_bt"),
            period_col.is_null().alias("_np"),
            pl.any_horizontal(blank.is_not_null() & (blank.str.strip_chars() == ""))
            .fill_null(False)
            .alias("_bl"),
        ]
        aggs = [
            pl.len().alias("_n"),
            pl.col("_m").sum().alias("_bits"),
            pl.col("_m").max().alias("_lm"),
            pl.col("_k").min().alias("_kmin"),
            pl.col("_k").max().alias("_kmax"),
            (pl.col("_m") == 0).sum().alias("_other"),
            pl.col("_a").sum().alias("_int"),
            pl.col("_a").max().alias("_max"),
            pl.col("_e").max().alias("_enc"),
            pl.col("_bt").sum().alias("_badtext"),
            pl.col("_np").sum().alias("_nperiod"),
            pl.col("_bl").sum().alias("_blank"),
        ]
        if decimal_codes:
            dot = value.str.find(".", literal=True)
            scale = pl.when(is_dec & value.is_not_null()).then(
                pl.when(dot.is_null())
                .then(0)
                .otherwise(value.str.len_bytes().cast(pl.Int64) - dot.cast(pl.Int64) - 1)
            )
            rows += [
                pl.when(is_dec).then(value.cast(pl.Decimal(38, 18), strict=False)).alias("_d"),
                scale.alias("_s"),
            ]
            aggs += [pl.col("_d").sum().alias("_dsum"), pl.col("_s").max().alias("_smax")]
        frame = frame.select(rows)
        try:
            groups = frame.group_by(keys).agg(aggs).collect(engine="streaming")
        except (pl.exceptions.PolarsError, OSError):
            return None
        return cls._checked(groups, cat, dim_cols, bool(decimal_codes), tiles)

    @classmethod
    def _checked(
        cls,
        groups: pl.DataFrame,
        cat: Catalogue,
        dim_cols: list[str],
        has_decimal: bool,
        tiles: Mapping[PeriodKind, tuple[Period, ...]],
    ) -> _FileInputs | None:
        """The inputs, or None when a row is bad (read_table words it) or out of reach."""
        row_checks = ["_badtext", "_nperiod", "_other", "_blank"]
        totals = groups.select(
            *(pl.col(c).sum() for c in row_checks),
            (pl.col("_n") * pl.col("_max").fill_null(0)).sum().alias("_bound"),
            (pl.col("indicator").is_null() | pl.col("place").is_null()).any().alias("_null"),
        ).row(0, named=True)
        if any(totals[c] for c in row_checks) or totals["_null"]:
            return None
        if (totals["_bound"] or 0) >= 1 << 62 or groups.get_column("_n").sum() >= 10**8:
            return None  # sums could overflow Int64 or Decimal(38, 18)
        combos = groups.select(
            "indicator", "status", "qualifier", "unit", *dim_cols, "_reason", "_value"
        ).unique()
        if _bad_combos(combos, cat):
            return None
        places = groups.get_column("place").unique().to_list()
        if not all(p and p == p.strip() for p in places):
            return None
        kinds = groups.select(pl.col("_kmin").min(), pl.col("_kmax").max()).row(0)
        found_bits = groups.get_column("_bits").bitwise_or()
        bits = int(found_bits) if isinstance(found_bits, int) else 0
        period_texts: list[str] = []
        if groups.height:
            if kinds[0] != kinds[1]:
                return None  # periods of several kinds: the held table decides
            found = list(tiles.values())[kinds[0]]
            period_texts = [str(t) for b, t in enumerate(found) if bits & (1 << b)]
        codes = groups.get_column("indicator").unique().to_list()
        return cls(cat, dim_cols, has_decimal, period_texts, places, codes, groups)

    def parts(  # noqa: PLR0917 - private
        self,
        target: Period,
        fast: list[str],
        stocks: list[str],
        inside: dict[str, int],
        n_tiles: int,
        group: list[str],
    ) -> tuple[pl.DataFrame, bool]:
        if self._parts is None:
            self._parts = self._make_parts(fast, stocks, n_tiles, group)
        return self._parts

    def slow(self, slow: list[str]) -> list[Observation]:
        raise _Fallback  # the rows are not held: the table path decides

    def _make_parts(
        self, fast: list[str], stocks: list[str], n_tiles: int, group: list[str]
    ) -> tuple[pl.DataFrame, bool]:
        g = self._groups.lazy().with_columns(
            pl.col(c).cast(pl.String) for c in ("status", "qualifier")
        )
        decimal_stocks = [
            c for c in stocks if (u := self.catalogue.get(c).unit) is not None and u.is_decimal
        ]
        taken = pl.col("indicator").cast(pl.String).is_in(fast) & ~pl.col("indicator").cast(
            pl.String
        ).is_in(decimal_stocks)
        if not g.select(taken.all()).collect().item():
            raise _Fallback  # other indicators (and decimal stocks) need the rows
        status = pl.col("status")
        reported = status.is_null() | (status == Status.REPORTED.value)
        na = (status == Status.NOT_APPLICABLE.value).fill_null(False)
        gone = status.is_in([Status.NOT_REPORTED.value, Status.WITHHELD.value]).fill_null(False)
        qb = pl.col("qualifier").replace_strict(_QUALIFIER_BITS, default=0, return_dtype=pl.Int64)
        g = g.with_columns(
            _has=reported,
            _na=na,
            _gone=gone,
            _qb=pl.when(reported).then(qb).otherwise(0).fill_null(0),
            _stock=pl.col("indicator").cast(pl.String).is_in(stocks),
            _last=pl.col("_enc") % _LAST_BASE,
        )
        dec = self.has_decimal
        full = (1 << n_tiles) - 1
        common = [pl.col("_n").sum(), pl.col("_bits").sum().alias("_all")]
        flows = (
            g.filter(~pl.col("_stock"))
            .group_by(group)
            .agg(
                *common,
                pl.col("_int").filter(pl.col("_has")).sum(),
                pl.col("_has").any(),
                pl.col("_na").all().alias("_all_na"),
                pl.col("_bits").sum().alias("_present"),
                pl.col("_bits").filter(pl.col("_gone")).sum().alias("_mbits"),
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
            .with_columns(_mbits=pl.col("_mbits") | (pl.lit(full, pl.Int64) & ~pl.col("_present")))
        )
        at_last = pl.col("_lm").arg_max()
        last = (
            g.filter(pl.col("_stock"))
            .group_by(group)
            .agg(
                *common,
                pl.col("_last").get(at_last).fill_null(0).alias("_int"),
                pl.col("_has").get(at_last),
                pl.col("_na").get(at_last).alias("_all_na"),
                pl.col("_lm").max().alias("_present"),
                pl.when(pl.col("_gone"))
                .then(pl.col("_lm"))
                .otherwise(0)
                .get(at_last)
                .alias("_mbits"),
                pl.col("_qb").get(at_last).alias("_q"),
                *(
                    [
                        pl.lit(None, pl.Decimal(38, 18)).alias("_dec"),
                        pl.lit(None, pl.Int64).alias("_scale"),
                    ]
                    if dec
                    else []
                ),
            )
        )
        parts = pl.concat([flows, last], how="vertical_relaxed").collect()
        parts = parts.with_columns(pl.col(c).cast(_CAT) for c in group[2:])
        duplicates = bool(
            parts.height
            and parts.select((pl.col("_n") > pl.col("_all").bitwise_count_ones()).any()).item()
        )
        if dec:
            parts = parts.with_columns(pl.col("_scale").cast(pl.Int8))
        return parts.drop("_n", "_all"), duplicates


def _is_fast(cat: Catalogue, code: str) -> bool:
    ind = cat.get(code)
    return (
        ind.kind in (IndicatorKind.FLOW, IndicatorKind.STOCK)
        and ind.place_aggregation is PlaceAggregation.SUM
        and ind.time_aggregation in (TimeAggregation.SUM, TimeAggregation.LAST)
    )


def _columnar(  # noqa: PLR0912, PLR0915 - the steps of the reference, kept together
    source: _Inputs,
    *,
    to: str | Sequence[str] | None,
    period: Period | str | None,
    registry: Registry,
    as_of: date,
    view: View,
    shares: Mapping[str, Mapping[str, Fraction | int]] | None,
    missing: MissingStrategy,
) -> Rollup:
    cat = source.catalogue
    if period is None:
        raise _Fallback
    target = Period.parse(str(period))
    level, codes = _parse_to(to)
    if codes is not None:
        codes = _target_codes(registry, codes, as_of)
    tree = _Tree(registry, as_of, view, level, codes, shares)
    dim_cols = source.dim_cols

    # periods: one standard kind tiling the target
    periods = {p: Period.parse(p) for p in source.period_texts}
    kinds = {p.kind for p in periods.values()}
    if len(kinds) > 1:
        raise _Fallback
    tiles: tuple[Period, ...] = ()
    if kinds:
        kind = next(iter(kinds))
        found = _tiles(target, kind) if kind.is_standard else None
        if found is None or len(found) > 62:
            raise _Fallback
        tiles = found
    bit = {t: i for i, t in enumerate(tiles)}
    inside = {text: 1 << bit[p] for text, p in periods.items() if p in bit}
    by_bit = {1 << i: t for i, t in enumerate(tiles)}
    if any(str(p) != text for text, p in periods.items()):
        raise _Fallback  # a period written in another accepted form

    # places: every input place resolves to itself (the reference's step 1)
    day_first = min((p.start for p in periods.values()), default=target.start)
    day_last = max((p.end for p in periods.values()), default=target.end)
    for code in source.place_texts:
        if code not in registry:
            raise _Fallback
        place = registry.get(code)
        if (place.valid_from is not None and place.valid_from > day_first) or (
            place.valid_to is not None and place.valid_to < day_last
        ):
            raise _Fallback

    codes_present = source.codes
    fast = sorted(c for c in codes_present if _is_fast(cat, c))
    slow = sorted(c for c in codes_present if not _is_fast(cat, c))
    stocks = [c for c in fast if cat.get(c).time_aggregation is TimeAggregation.LAST]
    has_decimal = source.has_decimal
    group = ["indicator", "place", *dim_cols]
    parts, duplicates = source.parts(target, fast, stocks, inside, len(tiles), group)
    if duplicates:
        raise _Fallback  # one observation per cell: the reference merges or refuses duplicates

    # 3. over places: each part place's units and output places, by the reference's tree
    part_places = sorted(p for p in parts.get_column("place").unique().to_list() if p)
    mapping: list[tuple[str, str, str, str, str]] = []
    split: dict[str, tuple[tuple[str, Fraction], ...]] = {}
    for code in part_places:
        restated = tree.restated(code)
        source_level = registry.get(code).level.value
        if len(restated) > 1:
            split[code] = restated
        for unit, _share in restated:
            unit_level = registry.get(unit).level.value
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
    ).with_columns(pl.col("place").cast(_CAT))
    parts = parts.with_columns(_quantity=pl.col("_has"))
    if split:
        units = {code: tree.restated(code)[0][0] for code in part_places if code not in split}
        parts = _split_parts(parts, split, units, cat, has_decimal)
    joined = parts.join(place_map, on=["place", "_unit"] if split else "place", how="inner")
    contributes = pl.col("_has") | (pl.col("_mbits") == 0)
    cells_agg = [
        pl.col("_int").filter(pl.col("_has")).sum().alias("_int"),
        pl.col("_has").any().alias("_has"),
        (~pl.col("_all_na")).any().alias("_applicable"),
        pl.col("_q").filter(pl.col("_has")).bitwise_or().fill_null(0).alias("_q"),
        pl.col("_present").bitwise_or().alias("_periods"),
        pl.col("place").cast(pl.String).unique().alias("_contributors"),
        pl.col("place")
        .cast(pl.String)
        .filter(~pl.col("_has") & (pl.col("_mbits") != 0))
        .alias("_missing_places"),
        pl.struct(pl.col("place").cast(pl.String), "_mbits")
        .filter(contributes & (pl.col("_mbits") != 0))
        .alias("_missing_periods"),
        pl.col("_ulevel").n_unique().alias("_nu"),
        pl.col("_slevel").n_unique().alias("_ns"),
        pl.col("_ulevel").first().alias("_ulevel"),
        pl.col("_slevel").first().alias("_slevel"),
    ]
    if has_decimal:
        cells_agg += [
            pl.col("_dec").filter(pl.col("_has")).sum().alias("_dec"),
            pl.col("_scale").filter(pl.col("_has")).max().alias("_scale"),
        ]
    cell_rows = (
        joined.with_columns(pl.col(c).cast(pl.String) for c in ["indicator", *dim_cols])
        .group_by(["indicator", "_target", *dim_cols])
        .agg(cells_agg)
    )
    if (
        cell_rows.height
        and cell_rows.select(((pl.col("_nu") > 1) | (pl.col("_ns") > 1)).any()).item()
    ):
        raise _Fallback  # inputs of several levels in one cell: the reference's error

    cells: list[RolledCell] = []
    for c in cell_rows.iter_rows(named=True):
        ind = cat.get(c["indicator"])
        measure = ind.unit
        assert measure is not None  # noqa: S101 - flows and stocks have a unit
        dims = Dims.of({d[4:]: c[d] for d in dim_cols if c[d] is not None})
        acc = _Acc()
        acc.applicable = c["_applicable"]
        if c["_has"]:
            q = _qualifier(c["_q"])
            if measure.is_decimal:
                acc.total = Quantity(_quantize(c["_dec"], c["_scale"]), measure, q)
            else:
                acc.total = Quantity(int(c["_int"]), measure, q)
        contributors = frozenset(c["_contributors"])
        expected = tree.expected(
            c["_target"], PlaceLevel(c["_ulevel"]), PlaceLevel(c["_slevel"]), target.end
        )
        missing_places = (expected - contributors) | set(c["_missing_places"])
        missing_periods = {
            (s["place"], by_bit[b])
            for s in c["_missing_periods"]
            for b in by_bit
            if s["_mbits"] & b
        }
        incomplete = bool(missing_places or missing_periods)
        obs = Observation.model_validate(
            {
                "indicator": ind.code,
                "place": c["_target"],
                "period": target,
                "value": _value(acc, incomplete, missing),
                "dims": dims,
            },
            context={"catalogue": cat},
        )
        cells.append(
            RolledCell(
                obs,
                tuple(sorted(contributors)),
                tuple(t for b, t in by_bit.items() if c["_periods"] & b),
                tuple(sorted(missing_places)),
                tuple(sorted(missing_periods, key=lambda sp: (sp[0], sp[1].sort_key))),
            )
        )

    notes: tuple[Note, ...] = ()
    allocations = set(tree.allocations)
    if slow:
        other = rollup(
            source.slow(slow),
            to=to,
            period=target,
            registry=registry,
            as_of=as_of,
            view=view,
            catalogue=cat,
            shares=shares,
            missing=missing,
        )
        cells.extend(other.cells)
        notes = other.notes
        allocations.update(other.allocations)
    cells.sort(key=lambda cell: _key_order(cell.key))
    return Rollup(
        view=view,
        as_of=as_of,
        to=(level.value,) if level is not None else codes,
        period=target,
        missing=missing,
        cells=tuple(cells),
        ratios=_ratios(cells, cat),
        notes=notes,
        allocations=tuple(sorted(allocations, key=lambda a: (a.source, a.target))),
        catalogue=cat,
    )


_QUALIFIER_BITS = {
    Qualifier.AT_LEAST.value: 1,
    Qualifier.AT_MOST.value: 2,
    Qualifier.APPROXIMATELY.value: 4,
}


def _parts(  # noqa: PLR0917 - private, one call site
    frame: pl.DataFrame,
    fast: list[str],
    stocks: list[str],
    inside: dict[str, int],
    n_tiles: int,
    group: list[str],
    has_decimal: bool,
) -> tuple[pl.DataFrame, bool]:
    """Over time, per input place: one part per (indicator, place, dims), and duplicates."""
    reported = pl.col("status").is_null()
    bit = pl.col("period").replace_strict(inside, default=0, return_dtype=pl.Int64)
    taken = pl.col("indicator").is_in(fast).fill_null(False) & pl.col("period").is_in(
        list(inside)
    ).fill_null(False)
    rows = (
        frame.lazy()
        .filter(taken)
        .select(
            *group,
            pl.col("indicator").is_in(stocks).fill_null(False).alias("_stock"),
            bit.alias("_bit"),
            pl.when(reported).then(pl.col("amount")).alias("_int"),
            reported.alias("_has"),
            (pl.col("status") == Status.NOT_APPLICABLE.value).fill_null(False).alias("_na"),
            pl.when(
                pl.col("status")
                .is_in([Status.NOT_REPORTED.value, Status.WITHHELD.value])
                .fill_null(False)
            )
            .then(bit)
            .otherwise(0)
            .alias("_mbit"),
            pl.when(reported)
            .then(
                pl.col("qualifier").replace_strict(
                    _QUALIFIER_BITS, default=0, return_dtype=pl.Int64
                )
            )
            .otherwise(0)
            .fill_null(0)
            .alias("_qb"),
            *(
                [
                    pl.when(reported).then(pl.col("decimal")).alias("_dec"),
                    pl.when(reported).then(pl.col("scale")).alias("_scale"),
                ]
                if has_decimal
                else []
            ),
        )
    )
    full = (1 << n_tiles) - 1
    common = [pl.len().alias("_n"), pl.col("_bit").bitwise_or().alias("_all")]
    flows = (
        rows.filter(~pl.col("_stock"))
        .group_by(group)
        .agg(
            *common,
            pl.col("_int").sum(),
            pl.col("_has").any(),
            pl.col("_na").all().alias("_all_na"),
            pl.col("_bit").bitwise_or().alias("_present"),
            pl.col("_mbit").bitwise_or().alias("_mbits"),
            pl.col("_qb").bitwise_or().alias("_q"),
            *([pl.col("_dec").sum(), pl.col("_scale").max()] if has_decimal else []),
        )
        .with_columns(_mbits=pl.col("_mbits") | (pl.lit(full, pl.Int64) & ~pl.col("_present")))
    )
    at_last = pl.col("_bit").arg_max()
    last = (
        rows.filter(pl.col("_stock"))
        .group_by(group)
        .agg(
            *common,
            pl.col("_int").get(at_last).fill_null(0),
            pl.col("_has").get(at_last),
            pl.col("_na").get(at_last).alias("_all_na"),
            pl.col("_bit").max().alias("_present"),
            pl.col("_mbit").get(at_last).alias("_mbits"),
            pl.col("_qb").get(at_last).alias("_q"),
            *([pl.col("_dec").get(at_last), pl.col("_scale").get(at_last)] if has_decimal else []),
        )
    )
    parts = pl.concat([flows, last], how="vertical_relaxed").collect()
    duplicates = bool(
        parts.height
        and parts.select((pl.col("_n") > pl.col("_all").bitwise_count_ones()).any()).item()
    )
    if not duplicates:
        rest = frame.lazy().filter(~taken)
        keys = ["indicator", "place", "period", *group[2:]]
        duplicates = bool(
            rest.group_by(keys).len().select((pl.col("len") > 1).any()).collect().item()
        )
    return parts.drop("_n", "_all"), duplicates


def _qualifier(bits: int) -> Qualifier:
    """The join of the qualifiers whose bits are set (1 at_least, 2 at_most, 4 approximately)."""
    if bits & 4 or bits == 3:
        return Qualifier.APPROXIMATELY
    if bits == 1:
        return Qualifier.AT_LEAST
    if bits == 2:
        return Qualifier.AT_MOST
    return Qualifier.EXACT


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
    whole = parts.filter(~pl.col("place").cast(pl.String).is_in(list(split))).with_columns(
        _unit=pl.col("place").cast(pl.String).replace_strict(units, return_dtype=pl.String)
    )
    pieces: list[dict[str, Any]] = []
    for row in parts.filter(pl.col("place").cast(pl.String).is_in(list(split))).iter_rows(
        named=True
    ):
        restated = split[row["place"]]
        unit = cat.get(row["indicator"]).unit
        assert unit is not None  # noqa: S101 - flows and stocks have a unit
        if row["_has"]:
            amount: int | Decimal = (
                _quantize(row["_dec"], row["_scale"]) if unit.is_decimal else int(row["_int"])
            )
            shared = _allocate(Quantity(amount, unit, _qualifier(row["_q"])), restated)
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
    if has_decimal:
        extra = extra.with_columns(pl.col("_dec").cast(whole.schema["_dec"]))
    return pl.concat([whole, extra], how="vertical_relaxed")
