"""Reading and writing observations as CSV or JSON Lines (tidy rows on disk).

What is written is read back, and nothing is lost or invented on the way:

* **Atomic writes.** A file is written to a temporary file next to it and
  renamed into place: a failed write leaves the old file whole.
* **Spreadsheet-safe CSV** (the default, after OWASP's guidance on CSV
  injection): a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return, which a spreadsheet would run as a formula, is written
  with one ``'`` in front, and so is a cell starting with ``'`` itself.
  The reader removes exactly that one ``'``, so the round trip is exact.
  ``spreadsheet_safe=False`` writes (and reads) cells verbatim.
* **Strict CSV.** An unterminated quote, a repeated or unknown header
  column, a row with more or fewer cells than the header, a cell over
  [`MAX_FIELD_CHARS`][antq_domain.limits.MAX_FIELD_CHARS] or bytes that are not UTF-8
  are errors located by line, all gathered into one
  [`RecordError`][antq_domain.RecordError]. An unknown column is an error
  even when all its cells are empty.
* **Strict JSON Lines.** A key repeated in one row, nesting deeper than
  [`MAX_NESTING`][antq_domain.limits.MAX_NESTING], numbers written with an exponent
  or over the digit limits are errors naming row and key.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from os import PathLike
from pathlib import Path
from typing import Any, Literal

from antq_domain._disk import (
    DuplicateKeyError,
    csv_records,
    escape_cell,
    read_text,
    strict_json,
    unescape_cell,
    write_atomic,
)
from antq_domain.errors import ParseError, RecordError
from antq_domain.io.rows import TIDY_KEYS, from_tidy, tidy
from antq_domain.records.indicators import Catalogue
from antq_domain.records.observation import Observation
from antq_domain.records.places import Registry

__all__ = ["FileFormat", "csv_delimiter", "read_observations", "write_observations"]

FileFormat = Literal["csv", "jsonl"]
"""The file formats of tidy rows: ``csv`` or ``jsonl`` (JSON Lines)."""

_RECORD = "tidy rows"  # the record named by the errors of a file of tidy rows
_SUFFIXES: dict[str, FileFormat] = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def _format_of(path: Path, fmt: FileFormat | None) -> FileFormat:
    if fmt is not None:
        if fmt not in ("csv", "jsonl"):
            raise ParseError("format", fmt, "'csv' or 'jsonl'")
        return fmt
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise ParseError(
            "path", str(path), "a file ending in .csv, .jsonl or .ndjson (or pass format=)"
        )
    return found


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    dims = sorted({k for row in rows for k in row if k.startswith("dim_")})
    head = list(TIDY_KEYS[: TIDY_KEYS.index("unit") + 1])
    tail = list(TIDY_KEYS[TIDY_KEYS.index("unit") + 1 :])
    return head + dims + tail


def write_observations(
    observations: Iterable[Observation],
    path: str | PathLike[str],
    *,
    format: FileFormat | None = None,  # noqa: A002 - the natural name for callers
    spreadsheet_safe: bool = True,
) -> Path:
    """Write observations as tidy rows to ``path`` (CSV or JSON Lines, UTF-8), atomically.

    The format follows the suffix (``.csv``, ``.jsonl``) unless ``format`` is given. CSV columns are
    the fixed keys with the ``dim_<name>`` columns after ``unit``; absent values are empty cells.
    JSON Lines omits absent keys. [`read_observations`][antq_domain.read_observations]
    reads either back to equal observations.

    Args:
        observations: what to write.
        path: the file; replaced in one rename, never left half-written.
        format: ``"csv"`` or ``"jsonl"``; by default from the suffix.
        spreadsheet_safe: in CSV, put a ``'`` before a cell that a
            spreadsheet would run as a formula (see the module docs); read
            such a file with the same setting.

    Raises:
        FileError: the file cannot be written.

    Example:
        >>> import tempfile, pathlib
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> obs = [Observation(indicator="tips.received", place="62", period="2023",
        ...                    value=Quantity(726, "tip"), source="=HYPERLINK(1)")]
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = write_observations(obs, pathlib.Path(tmp) / "kt.csv")
        ...     "'=HYPERLINK(1)" in path.read_text(), read_observations(path) == obs
        (True, True)
    """
    target = Path(path)
    fmt = _format_of(target, format)
    rows = tidy(observations)
    buffer = io.StringIO(newline="")
    if fmt == "csv":
        columns = _columns(rows)
        # RFC 4180 line ends: cells holding "\r" or "\n" are then always quoted
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        cell = escape_cell if spreadsheet_safe else str
        for row in rows:
            writer.writerow({k: ("" if v is None else cell(str(v))) for k, v in row.items()})
    else:
        for row in rows:
            clean = {k: v for k, v in row.items() if v is not None}
            buffer.write(json.dumps(clean, ensure_ascii=False) + "\n")
    return write_atomic(target, buffer.getvalue())


_DELIMITERS = {",": "','", ";": "';'", "\t": "a tab"}


def csv_delimiter(text: str) -> str:
    r"""The cell separator of tidy-rows CSV text: ``,``, ``;`` or a tab, read from its header.

    Excel writes ``;`` where the decimal mark is ``,`` (Vietnamese regional
    settings) and a tab for "Text (Tab delimited)". The separator is the one
    that splits the header line into the most known column names; ``,``
    when none does. A leading byte-order mark is ignored.

    Example:
        >>> csv_delimiter("indicator;place;period;value\r\n")
        ';'
        >>> csv_delimiter("\ufeffindicator,place,period,value\n")
        ','
    """
    first = next((line for line in text.removeprefix("\ufeff").splitlines() if line.strip()), "")
    best, best_known = ",", 0
    for delimiter in _DELIMITERS:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        known = sum(1 for c in cells if c.strip() in TIDY_KEYS or c.strip().startswith("dim_"))
        if known > best_known:
            best, best_known = delimiter, known
    return best


def _csv_rows(
    text: str, record: str, *, spreadsheet_safe: bool
) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """The rows of CSV text and the problems of its header (unknown columns).

    A UTF-8 byte-order mark (Excel's "CSV UTF-8") is not part of the first
    column's name; the cell separator is [`csv_delimiter`][antq_domain.io.files.csv_delimiter]'s.
    """
    text = text.removeprefix("\ufeff")
    header, rows = csv_records(text, record=record, delimiter=csv_delimiter(text))
    expected = f"one of {', '.join(TIDY_KEYS)} or dim_<name>"
    known = [h in TIDY_KEYS or h.startswith("dim_") for h in header]
    problems = [
        ("line 1", f"unknown column {h!r}: expected {expected}")
        for h, ok in zip(header, known, strict=True)
        if not ok
    ]
    cell = unescape_cell if spreadsheet_safe else str
    out = [
        {k: cell(v) for k, v, ok in zip(header, cells, known, strict=True) if ok and v != ""}
        for _, cells in rows
    ]
    return out, problems


def _jsonl_rows(text: str, record: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    problems: list[tuple[str, str]] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"row {number}"
        try:
            # decimals become Decimal exactly as written: no float ever exists
            row = strict_json(line)
        except json.JSONDecodeError as exc:
            problems.append((where, f"not JSON: {exc.msg}"))
            continue
        except DuplicateKeyError as exc:
            problems.append((f"{where}.{exc.key}", f"key {exc.key!r} repeated: expected once"))
            continue
        except ParseError as exc:
            problems.append((where, str(exc)))
            continue
        except RecursionError:  # pragma: no cover - strict_json's nesting check stops it first
            problems.append((where, "JSON nested too deep"))
            continue
        if not isinstance(row, dict):
            problems.append((where, "expected a JSON object"))
            continue
        rows.append(row)
    if problems:
        raise RecordError(record, problems)
    return rows


def read_observations(
    path: str | PathLike[str],
    *,
    format: FileFormat | None = None,  # noqa: A002 - the natural name for callers
    catalogue: Catalogue | None = None,
    spreadsheet_safe: bool = True,
    registry: Registry | None = None,
    check_places: bool = True,
) -> list[Observation]:
    r"""Read tidy rows from a CSV or JSON Lines file into validated observations.

    Every row is checked; all problems are raised together as one
    [`RecordError`][antq_domain.RecordError] naming row and key. Problems of
    the file itself (bytes that are not UTF-8, malformed quoting, repeated
    or unknown columns, ragged rows, repeated JSON keys) are all listed,
    located by line, before any row is validated.

    Args:
        path: the file.
        format: ``"csv"`` or ``"jsonl"``; by default from the suffix.
        catalogue: the catalogue of the indicators (default: the standard one).
        spreadsheet_safe: undo the CSV formula escape of
            [`write_observations`][antq_domain.write_observations] (one leading ``'`` removed from a
            cell); pass ``False`` for a file written with
            ``spreadsheet_safe=False``.
        registry: the register the places are codes of (default: the bundled one);
            see [`from_tidy`][antq_domain.from_tidy].
        check_places: ``False`` takes the places as given (see
            [`from_tidy`][antq_domain.from_tidy]).

    Raises:
        RecordError: the file or its rows have problems (every one listed).
        FileError: the file cannot be read.

    Example:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = pathlib.Path(tmp) / "bad.csv"
        ...     _ = p.write_text("indicator,place,period,value\ntips.received,62,2023,abc\n")
        ...     read_observations(p)
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: tidy rows: 1 problem
          row 1: value='abc': expected a whole number of 'tip' such as '1160' or '1.160'
    """
    source = Path(path)
    fmt = _format_of(source, format)
    # bytes decoded as they are: "\r" stays inside quoted CSV cells and JSON
    # Lines split only at "\n" (JSON escapes "\n" inside strings)
    text = read_text(source, record=_RECORD)
    problems: list[tuple[str, str]] = []
    if fmt == "csv":
        try:
            rows, problems = _csv_rows(text, _RECORD, spreadsheet_safe=spreadsheet_safe)
        except RecordError as exc:
            raise RecordError(_RECORD, exc.problems + _separator_note(text)) from None
    else:
        rows = _jsonl_rows(text.removeprefix("\ufeff"), _RECORD)
    try:
        observations = from_tidy(
            rows, catalogue=catalogue, registry=registry, check_places=check_places
        )
    except RecordError as exc:
        # the file's own problems first, then every row's: none hides another
        problems = problems + exc.problems
        observations = []
    if problems:
        if fmt == "csv":
            problems = problems + _separator_note(text)
        raise RecordError(_RECORD, problems)
    return observations


def _separator_note(text: str) -> list[tuple[str, str]]:
    """How an Excel-style CSV was read, stated in its errors: the separator, the BOM skipped.

    Nothing for a plain comma-separated file without a byte-order mark.
    """
    delimiter = csv_delimiter(text)
    bom = text.startswith("\ufeff")
    if delimiter == "," and not bom:
        return []
    how = f"read as CSV with {_DELIMITERS[delimiter]} between cells (found in the header line)"
    return [("(file)", how + ("; a UTF-8 byte-order mark was skipped" if bom else ""))]
