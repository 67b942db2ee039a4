# Size: reading and validating tidy rows in columns, kept together: the table and its
# observations, the CSV layout, the per-distinct-value checks (codes, places against the
# register) and the rows re-read by the reference; about a third is docstrings with examples.
"""Reading and validating tidy rows in columns: `ObservationTable`, `read_table`.

The columns are checked per distinct value (indicator, status, qualifier,
unit, dimensions, reason, place, period and quote combinations are validated
by the reference on one representative row each) and the figures per row
(digits only for counts, ``digits[.digits]`` for decimal units), never as
floats. Rows the columns cannot vouch for are re-read one by one by the
reference, which words the errors (``row 3: ...``, all rows at once).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Context, Decimal
from os import PathLike
from pathlib import Path
from typing import Any

from antq_domain._gc import gc_paused
from antq_domain.errors import Problem, RecordError
from antq_domain.io.files import (
    FileFormat,
    _file_rows,
    _format_of,
    _read_rows,
    _separator_note,
    csv_delimiter,
)
from antq_domain.io.rows import TIDY_KEYS, from_tidy, tidy
from antq_domain.limits import MAX_FIELD_CHARS
from antq_domain.records.indicators import Catalogue, catalogue
from antq_domain.records.observation import Dims, Observation
from antq_domain.records.places import Registry
from antq_domain.records.places import registry as standard_registry
from antq_domain.values.missing import (
    NOT_APPLICABLE,
    NOT_REPORTED,
    NotApplicable,
    NotReported,
    Status,
    Value,
    Withheld,
)
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier, Unit

try:
    import polars as pl
except ImportError as exc:  # pragma: no cover - the extra is installed for development
    raise ImportError("antq_domain.bulk needs polars: pip install 'antq-domain[bulk]'") from exc

__all__ = ["ObservationTable", "read_table"]

CAT = pl.Categorical
# the columns of a table, after the dimension columns
TEXT = ("indicator", "place", "period", "status", "qualifier", "source", "quote", "reason")
_INT_RE = r"^[0-9]+$"
_DEC_RE = r"^[0-9]+(\.[0-9]+)?$"
_MAX_DIGITS = 18  # Int64 holds every 18-digit count; longer figures go to the reference
_MAX_SCALE = 18
_WIDE = Context(prec=100)


def quantize(amount: Decimal, scale: int) -> Decimal:
    """``amount`` written with exactly ``scale`` decimals (it has at least that many)."""
    return amount.quantize(Decimal(1).scaleb(-scale), context=_WIDE)


class ObservationTable:
    """Validated observations held in columns (a polars DataFrame).

    Build one with [`read_table`][antq_domain.bulk.read_table] or
    [`from_observations`][antq_domain.bulk._read.ObservationTable.from_observations]; roll it
    up with [`rollup_table`][antq_domain.bulk.rollup_table];
    [`to_observations`][antq_domain.bulk._read.ObservationTable.to_observations] gives the
    observations back (equal to what the reference reader returns).

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

    __slots__ = ("_catalogue", "_frame")

    def __init__(self, frame: pl.DataFrame, catalogue: Catalogue) -> None:
        self._frame = frame
        self._catalogue = catalogue

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
        cat = catalogue if catalogue is not None else standard_catalogue()
        rows = tidy(list(observations))
        dims = sorted({k for row in rows for k in row if k.startswith("dim_")})
        data: dict[str, list[Any]] = {c: [] for c in (*TEXT, *dims)}
        amounts: list[int | None] = []
        decimals: list[Decimal | None] = []
        scales: list[int | None] = []
        for row in rows:
            status = row["status"]
            for c in (*TEXT, *dims):
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
            c: pl.Series(c, data[c], dtype=pl.String).cast(CAT) for c in (*TEXT[:3], *dims)
        }
        for c in TEXT[3:]:
            columns[c] = pl.Series(c, data[c], dtype=pl.String).cast(CAT)
        columns["amount"] = pl.Series("amount", amounts, dtype=pl.Int64)
        if any(d is not None for d in decimals):
            scale = max(s for s in scales if s is not None)
            columns["decimal"] = pl.Series(
                "decimal",
                [None if d is None else quantize(d, scale) for d in decimals],
                dtype=pl.Decimal(38, scale),
            )
            columns["scale"] = pl.Series("scale", scales, dtype=pl.Int8)
        order = [*TEXT[:3], *dims, *TEXT[3:], "amount", "decimal", "scale"]
        return cls(pl.DataFrame([columns[c] for c in order if c in columns]), cat)

    def to_observations(self) -> list[Observation]:
        """The observations, in row order: those the reference reader returns.

        The rows were validated when the table was read (per distinct
        combination by the reference, figures per row), so they are built
        from their checked parts without validating each again: a period,
        qualifier, unit, dimension cell or reason is made once per distinct
        text. The agreement law (``tests/test_bulk.py``) holds this to
        [`from_tidy`][antq_domain.io.rows.from_tidy] on the same rows.

        Example:
            >>> from antq_domain.bulk import ObservationTable
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import Quantity
            >>> o = Observation(indicator="tips.received", place="62", period="2023",
            ...                 value=Quantity(7, "tip", "at_least"), quote="hơn 7 tin")
            >>> ObservationTable.from_observations([o]).to_observations() == [o]
            True
        """
        return _observations(self._frame, self._catalogue)

    def reference_observations(self) -> list[Observation]:
        """The observations, each row read again by [`from_tidy`][antq_domain.io.rows.from_tidy].

        Slower than `to_observations`, which gives the same list; kept as its check.

        Example:
            >>> from antq_domain.bulk import ObservationTable
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import NOT_REPORTED
            >>> o = Observation(indicator="tips.received", place="62", period="2023",
            ...                 value=NOT_REPORTED)
            >>> t = ObservationTable.from_observations([o])
            >>> t.reference_observations() == t.to_observations() == [o]
            True
        """
        return from_tidy(
            self._tidy_rows(self._frame), catalogue=self._catalogue, check_places=False
        )

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
                tidy_row["value"] = format(quantize(row["decimal"], row["scale"]), "f")
            out.append(tidy_row)
        return out


def standard_catalogue() -> Catalogue:
    return catalogue()


def _texts(frame: pl.DataFrame, column: str) -> list[str | None]:
    if column not in frame.columns:
        return [None] * frame.height
    return frame.get_column(column).cast(pl.String).to_list()


def _unit_of(cat: Catalogue, code: str) -> Unit:
    """The unit of an indicator's figures in tidy rows (a ratio's are percentages)."""
    ind = cat.get(code)
    if ind.kind.is_ratio:
        return Unit.PERCENT
    assert ind.unit is not None  # noqa: S101 - guaranteed by Indicator
    return ind.unit


def _observations(frame: pl.DataFrame, cat: Catalogue) -> list[Observation]:
    """The observations of validated rows, each distinct part made once (see `to_observations`).

    The cyclic garbage collector is paused while they are made: hundreds of
    thousands of new objects (none in a cycle) would otherwise set off its
    full passes over them again and again, about half the time measured.
    """
    with gc_paused():
        return _built(frame, cat)


def _built(frame: pl.DataFrame, cat: Catalogue) -> list[Observation]:  # noqa: PLR0915 - one loop
    units: dict[str, Unit] = {}
    periods: dict[str, Period] = {}
    qualifiers: dict[str | None, Qualifier] = {None: Qualifier.EXACT}
    reasons: dict[str, Withheld] = {}
    cells: dict[tuple[str | None, ...], Dims] = {}
    missing: dict[str, NotReported | NotApplicable] = {
        Status.NOT_REPORTED.value: NOT_REPORTED,
        Status.NOT_APPLICABLE.value: NOT_APPLICABLE,
    }
    dim_cols = [c for c in frame.columns if c.startswith("dim_")]
    names = [c[4:] for c in dim_cols]
    dim_values = zip(*(_texts(frame, c) for c in dim_cols), strict=True) if dim_cols else None
    amounts = frame.get_column("amount").to_list()
    decimals: list[Decimal | None] = (
        [
            None if d is None else quantize(d, s)
            for d, s in zip(
                frame.get_column("decimal").to_list(),
                frame.get_column("scale").to_list(),
                strict=True,
            )
        ]
        if "decimal" in frame.columns
        else [None] * frame.height
    )
    counts: dict[tuple[int, Unit, Qualifier], Quantity] = {}
    construct = Observation.model_construct
    no_dims = Dims()
    out: list[Observation] = []
    for code, place, period_text, status, qualifier_text, source, quote, reason, a, d in zip(
        *(_texts(frame, c) for c in TEXT), amounts, decimals, strict=True
    ):
        assert code is not None  # noqa: S101 - refused rows are not in a table
        assert place is not None  # noqa: S101
        assert period_text is not None  # noqa: S101
        period = periods.get(period_text)
        if period is None:
            period = periods[period_text] = Period.parse(period_text)
        value: Value
        if status is None:
            unit = units.get(code)
            if unit is None:
                unit = units[code] = _unit_of(cat, code)
            qualifier = qualifiers.get(qualifier_text)
            if qualifier is None:
                assert qualifier_text is not None  # noqa: S101 - None is in the dict
                qualifier = qualifiers[qualifier_text] = Qualifier.parse(qualifier_text)
            if a is not None:  # a count: equal counts share one (immutable) Quantity
                key = (a, unit, qualifier)
                value = counts.get(key) or counts.setdefault(key, Quantity(a, unit, qualifier))
            else:  # a decimal keeps its own exponent ("13.50"): made for each row
                assert d is not None  # noqa: S101 - a reported row has its figure
                value = Quantity(d, unit, qualifier)
        elif status == Status.WITHHELD.value:
            assert reason is not None  # noqa: S101 - a withheld row has its reason
            withheld = reasons.get(reason)
            if withheld is None:
                withheld = reasons[reason] = Withheld(reason)
            value = withheld
        else:
            value = missing[status]
        dims = no_dims
        if dim_values is not None:
            key = next(dim_values)
            found = cells.get(key)
            if found is None:
                found = cells[key] = Dims.of(
                    {n: v for n, v in zip(names, key, strict=True) if v is not None}
                )
            dims = found
        out.append(
            construct(
                indicator=code,
                place=place,
                period=period,
                value=value,
                dims=dims,
                source=source,
                quote=quote,
            )
        )
    return out


# --- reading -------------------------------------------------------------------


def read_table(
    path: str | PathLike[str],
    *,
    format: FileFormat | None = None,  # noqa: A002 - the natural name for callers
    catalogue: Catalogue | None = None,
    spreadsheet_safe: bool = True,
    registry: Registry | None = None,
    check_places: bool = True,
) -> ObservationTable:
    r"""Read tidy rows (CSV, JSON Lines or xlsx) into a validated `ObservationTable`.

    The rules and options are those of
    [`read_observations`][antq_domain.io.files.read_observations] (unknown keys, bad
    values, dimensions, units, qualifiers, statuses, and places: each a code
    of ``registry``, the bundled one by default, that existed during the
    row's period, checked once per distinct place and period): every
    problem of every row is raised at once as one
    [`RecordError`][antq_domain.errors.RecordError] naming row and key, worded as
    the reference words it. Counts are exact ``Int64``; decimal units are
    polars ``Decimal`` (never floats). A CSV is read in columns whether it
    is comma-separated or written by Excel (a byte-order mark, ``;`` or a
    tab between cells); JSON Lines, xlsx and CSV the columns cannot vouch
    for (quoted header names, blank lines, formula escapes to undo) are
    read by the reference.

    Raises:
        RecordError: problems in the rows.
        ParseError: an unknown file format.

    Example:
        >>> import pathlib, tempfile
        >>> from antq_domain.bulk import read_table
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "bad.csv"
        >>> _ = p.write_text("indicator,place,period,value,unit\n"
        ...                  "tips.received,62,2023,12,tip\ntips.received,62,2022,1.5,tip\n"
        ...                  "tips.received,62,2021,3,case\ntips.received,Kon Tum,2023,4,tip\n")
        >>> read_table(p)
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: tidy rows: 3 problems
          row 2: value='1.5': expected a whole number of 'tip' such as '1160' or '1.160'
          row 3: unit='case': expected 'tip' for 'tips.received'
          row 4: place='Kon Tum': expected a code of the register (did you mean '62' ...?)
    """
    source = Path(path)
    fmt = _format_of(source, format)
    cat = catalogue if catalogue is not None else standard_catalogue()
    reg = (registry if registry is not None else standard_registry()) if check_places else None
    table = _read_csv(source, cat, reg, spreadsheet_safe=spreadsheet_safe) if fmt == "csv" else None
    if table is None:
        observations = _read_rows(
            source,
            fmt,
            catalogue=cat,
            spreadsheet_safe=spreadsheet_safe,
            registry=reg,
            check_places=reg is not None,
        )
        table = ObservationTable.from_observations(observations, catalogue=cat)
    return table


def read_table_left_out(
    path: Path, *, catalogue: Catalogue, registry: Registry
) -> tuple[ObservationTable, list[Problem]]:
    """`read_table`, leaving out the rows the reference refuses: the table and their problems.

    A CSV the columns read (Excel's layouts included) is read in columns;
    any other file (JSON Lines, a workbook, a CSV with blank lines or a quoted
    header) row by row, each row validated alone as
    [`from_tidy`][antq_domain.io.rows.from_tidy] validates it: the refused
    rows are left out with the reference's words. Problems of the file itself
    (ragged rows, unknown or repeated columns, malformed JSON) are not a
    row's: they are raised for the whole file, as the reference raises them.
    """
    left: list[Problem] = []
    fmt = _format_of(path, None)
    if fmt == "csv":
        table = _read_csv(path, catalogue, registry, spreadsheet_safe=True, left_out=left)
        if table is not None:
            return table, left
    rows, problems, _text = _file_rows(path, fmt)
    if problems:  # the file's own: the reference's error, word for word
        return read_table(path, catalogue=catalogue, registry=registry), []
    observations, left, _bad = valid_rows(rows, catalogue, registry)
    return ObservationTable.from_observations(observations, catalogue=catalogue), left


# the row a problem of from_tidy is located at ("row 3.period")
ROW_NUMBER = re.compile(r"row (\d+)\b")


def valid_rows(
    rows: Sequence[Mapping[str, Any]], cat: Catalogue, reg: Registry
) -> tuple[list[Observation], list[Problem], set[int]]:
    """`from_tidy` on ``rows``, leaving out the rows it refuses.

    Returns the observations of the other rows, the problems as `from_tidy` words them
    (each located at its row: "row 3.period"), and the refused rows' numbers (from 1).
    """
    try:
        return from_tidy(rows, catalogue=cat, registry=reg), [], set()
    except RecordError as exc:
        # from_tidy names the row of every problem; the rows left are valid
        bad = {int(m[1]) for loc, _msg in exc.parts if (m := ROW_NUMBER.match(loc))}
        kept = [row for number, row in enumerate(rows, start=1) if number not in bad]
        return from_tidy(kept, catalogue=cat, registry=reg), list(exc.parts), bad


def csv_layout(path: Path) -> tuple[list[str], str, str] | None:
    """The header names, the cell separator and the header line of a CSV file the columns read.

    ``None`` when the columnar reader must not read the file (a quoted or
    repeated header name, an unknown column, a required one missing, bytes
    that are not UTF-8). A byte-order mark and Excel's ``;`` or tab
    separator are fine ([`csv_delimiter`][antq_domain.io.files.csv_delimiter]).
    """
    with path.open("rb") as fh:
        first = fh.readline()
    if not first or b'"' in first:
        return None
    try:
        line = first.decode("utf-8").rstrip("\r\n")
    except UnicodeDecodeError:
        return None
    separator = csv_delimiter(line)
    names = next(csv.reader([line.removeprefix("\ufeff")], delimiter=separator), [])
    known = [n for n in names if n in TIDY_KEYS or n.startswith("dim_")]
    required = {"indicator", "place", "period", "value"}
    if len(set(names)) != len(names) or len(known) != len(names) or not required <= set(names):
        return None
    return names, separator, line


def header_names(path: Path) -> list[str] | None:
    """The header names of a plain comma-separated file without a byte-order mark, else None.

    (The streaming scan reads only those; `csv_layout` gives the layouts the
    held reader takes.)
    """
    layout = csv_layout(path)
    if layout is None or layout[1] != "," or layout[2].startswith("\ufeff"):
        return None
    return layout[0]


def place_filter(places: Iterable[str], periods: Iterable[str], reg: Registry) -> pl.Expr | None:
    """The rows whose place the reference reader refuses, on the text columns ``place``, ``period``.

    A place that is not a code of ``reg``, or one that did not exist during
    the row's period ([`Registry.check`][antq_domain.records.places.Registry.check]). Checked
    once per distinct place and per distinct life: places that lived the
    same days share one term. ``None`` when every row's place is fine.
    Period texts that are not periods are refused on their own.
    """
    unknown: list[str] = []
    lives: dict[tuple[date | None, date | None], list[str]] = {}
    for code in places:
        if not code:
            continue
        if code not in reg:
            unknown.append(code)
            continue
        found = reg.get(code)
        if found.valid_from is not None or found.valid_to is not None:
            lives.setdefault((found.valid_from, found.valid_to), []).append(code)
    spans: list[tuple[str, Period]] = []
    if lives:
        for text in periods:
            try:
                spans.append((text, Period.parse(text)))
            except (ValueError, TypeError):
                continue
    place, period = pl.col("place").cast(pl.String), pl.col("period").cast(pl.String)
    terms: list[pl.Expr] = [place.is_in(sorted(unknown))] if unknown else []
    for (start, end), codes in sorted(lives.items(), key=lambda kv: str(kv[0])):
        outside = [
            text
            for text, p in spans
            if not ((start is None or start <= p.end) and (end is None or p.start <= end))
        ]
        if outside:
            terms.append(place.is_in(sorted(codes)) & period.is_in(outside))
    return pl.any_horizontal(terms).fill_null(False) if terms else None


def _whole_records(path: Path, separator: str, width: int) -> bool:
    """Whether every record of the file has as many cells as the header (polars would pad).

    Without a quote character a record is a line, and its cells are its
    separators plus one (counted in columns); with quotes, Python's ``csv``
    module counts them as the reference reader does. Blank lines are left to
    the caller.
    """
    try:
        lines = pl.read_csv(
            path,
            has_header=False,
            separator="\x00",
            quote_char=None,
            new_columns=["line"],
            schema={"line": pl.String},
            raise_if_empty=False,
        )
    except (pl.exceptions.PolarsError, OSError):
        return False
    line = pl.col("line")
    found = lines.select(
        line.str.contains('"', literal=True).any().alias("quoted"),
        (line.str.count_matches(separator, literal=True) != width - 1).any().alias("short"),
    ).row(0)
    if not found[0]:
        return not found[1]
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, strict=True, delimiter=separator)
        try:
            return all(not cells or len(cells) == width for cells in reader)
        except csv.Error:
            return False


def over_limit(frame: pl.DataFrame) -> bool:
    """Whether a cell of ``frame`` is longer than `MAX_FIELD_CHARS` (the reference refuses it).

    The columns are text or categorical, as the bulk readers read them.
    """
    if not frame.height:
        return False

    def over(columns: list[str], measure: str) -> list[str]:
        lengths = frame.select(
            getattr(pl.col(c).str if frame.schema[c] == pl.String else pl.col(c).cat, measure)()
            .max()
            .alias(c)
            for c in columns
        ).row(0, named=True)
        return [c for c, n in lengths.items() if n is not None and n > MAX_FIELD_CHARS]

    # a text has no more characters than bytes: the bytes (known without reading the text)
    # clear almost every column; only a column with a long cell has its characters counted
    long = over(frame.columns, "len_bytes")
    return bool(long) and bool(over(long, "len_chars"))


def bad_combos(combos: pl.DataFrame, cat: Catalogue) -> list[dict[str, Any]]:
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
            from_tidy([row], catalogue=cat, check_places=False)
        except RecordError:
            bad.append(combo)
    return bad


def _read_csv(  # noqa: PLR0911, PLR0912, PLR0915 - one pass, kept together
    path: Path,
    cat: Catalogue,
    reg: Registry | None,
    *,
    spreadsheet_safe: bool,
    left_out: list[Problem] | None = None,
) -> ObservationTable | None:
    """The table of a CSV file read in columns, or None when the reference must read it.

    With ``left_out`` (a list), the rows the reference refuses are left out
    of the table and their problems added to it instead of raised.
    """
    layout = csv_layout(path)
    if layout is None:
        return None
    names, separator, header_line = layout
    schema: dict[str, Any] = dict.fromkeys(names, CAT)
    schema["value"] = pl.String
    try:
        frame = pl.read_csv(
            path,
            separator=separator,
            schema_overrides=schema,
            infer_schema=False,
            empty_string_is_null=False,
            raise_if_empty=False,
        )
    except (pl.exceptions.PolarsError, OSError):
        return None
    if list(frame.columns) != names:
        return None  # pragma: no cover - polars read another header than the first line
    if not _whole_records(path, separator, len(names)):
        return None  # a row with fewer cells than the header: the reference words it, by line
    if over_limit(frame):
        return None  # a cell over the limit: the reference words it, by line
    frame = frame.with_columns(pl.col("value").replace("", None))
    dim_cols = sorted(n for n in names if n.startswith("dim_"))
    missing_cols = [c for c in TEXT if c not in frame.columns]
    frame = frame.with_columns(pl.lit(None, dtype=CAT).alias(c) for c in missing_cols)
    if "unit" not in frame.columns:
        frame = frame.with_columns(pl.lit(None, dtype=CAT).alias("unit"))
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
    escaped = [pl.col(c).cast(pl.String).str.starts_with("'") for c in names if c != "value"]
    if (
        spreadsheet_safe
        and frame.height
        and escaped
        and frame.select(pl.any_horizontal(escaped).any()).item()
    ):
        return None  # a spreadsheet-safe escape to undo: the reference reader undoes it

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
    refused = bad_combos(combos, cat)
    flags: list[pl.Expr] = []
    if refused:
        bad = pl.DataFrame(refused, schema=combos.schema).with_columns(_bad=pl.lit(True))
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
    if reg is not None:
        # each distinct place once against the register, and once per distinct life
        unknown_or_gone = place_filter(
            frame.get_column("place").drop_nulls().unique().cast(pl.String).to_list(),
            frame.get_column("period").drop_nulls().unique().cast(pl.String).to_list(),
            reg,
        )
        if unknown_or_gone is not None:
            flags.append(unknown_or_gone)

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
        problems: list[Problem] = []
        refused_rows: list[int] = []
        for row in flagged.drop(*missing_cols).iter_rows(named=True):
            number = row.pop("_row")
            text = {k: v for k, v in row.items() if v is not None and v != ""}
            try:
                from_tidy([text], catalogue=cat, registry=reg, check_places=reg is not None)
            except RecordError as exc:
                refused_rows.append(number)
                problems.extend(
                    (f"row {number}" + loc.removeprefix("row 1"), msg) for loc, msg in exc.parts
                )
        if problems and left_out is None:
            # an Excel-style file says how it was read, as the reference's errors do
            raise RecordError("tidy rows", problems + _separator_note(header_line))
        if len(refused_rows) < flagged.height:
            return None  # valid in a form the columns do not read (" 12"): the reference reads it
        assert left_out is not None  # noqa: S101 - raised above otherwise
        left_out.extend(problems)
        frame = (
            frame.with_row_index("_row", offset=1)
            .filter(~pl.col("_row").is_in(refused_rows))
            .drop("_row")
        )

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
    frame = frame.select(*TEXT[:3], *dim_cols, *TEXT[3:], "amount", *extra)
    frame = frame.with_columns(
        pl.col("status").replace(Status.REPORTED.value, None),
        pl.col("qualifier").replace(Qualifier.EXACT.value, None),
    )
    return ObservationTable(frame, cat)
