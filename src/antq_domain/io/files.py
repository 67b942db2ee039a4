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
import importlib
import io
import json
import os
import secrets
from collections.abc import Iterable
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import Any, Literal

from antq_domain._disk import (
    DuplicateKeyError,
    csv_records,
    escape_cell,
    not_json,
    os_reason,
    read_text,
    repeated_key,
    strict_json,
    unescape_cell,
    write_atomic,
)
from antq_domain.errors import (
    FileError,
    Message,
    MissingExtraError,
    ParseError,
    Problem,
    RecordError,
)
from antq_domain.io.rows import TIDY_KEYS, from_tidy, tidy
from antq_domain.records.indicators import Catalogue
from antq_domain.records.observation import Observation
from antq_domain.records.places import Registry

__all__ = [
    "BULK_FROM_BYTES",
    "FileFormat",
    "csv_delimiter",
    "read_observations",
    "write_observations",
]

BULK_FROM_BYTES = 1 << 20
"""A CSV file of figures this large (1 MiB, some 15,000 rows) is read by the bulk reader
([`read_table`][antq_domain.bulk.read_table]) when the ``bulk`` extra is installed."""

FileFormat = Literal["csv", "jsonl", "xlsx"]
"""The file formats of tidy rows: ``csv``, ``jsonl`` (JSON Lines), ``xlsx`` (extra ``xlsx``)."""

_RECORD = "tidy rows"  # the record named by the errors of a file of tidy rows
_SUFFIXES: dict[str, FileFormat] = {
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xlsx": "xlsx",
}


def _format_of(path: Path, fmt: FileFormat | None) -> FileFormat:
    if fmt is not None:
        if fmt not in ("csv", "jsonl", "xlsx"):
            raise ParseError(
                "format", fmt, "'csv', 'jsonl' or 'xlsx'", expected_vi="'csv', 'jsonl' hoặc 'xlsx'"
            )
        return fmt
    found = _SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise ParseError(
            "path",
            str(path),
            "a file ending in .csv, .jsonl, .ndjson or .xlsx (or pass format=)",
            expected_vi="một tệp có đuôi .csv, .jsonl, .ndjson hoặc .xlsx (hoặc truyền format=)",
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
    if fmt == "xlsx":
        return _write_xlsx(rows, target)
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
_DELIMITERS_VI = {",": "dấu ','", ";": "dấu ';'", "\t": "dấu tab"}


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


def _openpyxl(feature: str) -> Any:
    try:
        import openpyxl  # noqa: PLC0415 - the optional extra, imported on use
    except ImportError as exc:
        raise MissingExtraError(feature, "openpyxl", "xlsx") from exc
    return openpyxl


def _write_xlsx(rows: list[dict[str, Any]], target: Path) -> Path:
    """One sheet, ``tidy rows``: the CSV columns; figures as numbers, everything else as text.

    Counts are written as whole numbers and decimal figures as numbers too
    (what a spreadsheet sums); every other cell is a text cell, never a
    formula, whatever it starts with. Written to a temporary file beside
    ``target`` and renamed into place.
    """
    openpyxl = _openpyxl("write_observations(format='xlsx')")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "tidy rows"
    columns = _columns(rows)
    sheet.append(columns)
    for row in rows:
        line = []
        for key in columns:
            value = row.get(key)
            line.append(value if key == "value" or value is None else str(value))
        sheet.append(line)
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, never a formula
    final = Path(os.path.realpath(target))
    temp = final.with_name(f".{final.name}.{secrets.token_hex(6)}.tmp")
    try:
        book.save(temp)
        os.replace(temp, final)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise FileError(
            "path",
            str(target),
            f"a writable file ({exc.strerror})",
            expected_vi=f"một tệp ghi được ({os_reason(exc, 'vi')})",
        ) from exc
    return target


def _xlsx_rows(source: Path) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The rows of the first sheet of an .xlsx file and the problems of its header.

    Empty cells are absent keys. A number cell is read as Excel stores it: a
    whole number as an ``int``, any other as the decimal it is written as
    (``13.85``), never a float; a text cell as its text (so a ``value`` typed
    as text, "1.160", is a Vietnamese figure).
    """
    openpyxl = _openpyxl("read_observations(format='xlsx')")
    try:
        book = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except OSError as exc:
        raise FileError(
            "path",
            str(source),
            f"a readable file ({exc.strerror})",
            expected_vi=f"một tệp đọc được ({os_reason(exc, 'vi')})",
        ) from exc
    except Exception as exc:  # openpyxl raises zipfile/KeyError/... on a file that is no xlsx
        kind = type(exc).__name__
        not_xlsx = Message(
            f"not an .xlsx workbook ({kind}: {exc})", f"không phải một sổ tính .xlsx ({kind})"
        )
        raise RecordError(_RECORD, [("(file)", not_xlsx)]) from None
    try:
        lines = list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()
    lines = [line for line in lines if any(v is not None and v != "" for v in line)]
    if not lines:
        return [], []
    header = ["" if v is None else str(v).strip() for v in lines[0]]
    problems: list[Problem] = [
        ("line 1", _unknown_column(h))
        for h in header
        if h and h not in TIDY_KEYS and not h.startswith("dim_")
    ]
    known = {h for h in header if h in TIDY_KEYS or h.startswith("dim_")}
    rows = []
    for line in lines[1:]:
        row: dict[str, Any] = {}
        for name, cell in zip(header, line, strict=False):
            if name not in known or cell is None or cell == "":
                continue
            if isinstance(cell, float):
                row[name] = int(cell) if cell.is_integer() else Decimal(repr(cell))
            elif isinstance(cell, int | str):
                row[name] = cell
            else:
                row[name] = str(cell)
        rows.append(row)
    return rows, problems


def _csv_rows(
    text: str, record: str, *, spreadsheet_safe: bool
) -> tuple[list[dict[str, Any]], list[Problem]]:
    """The rows of CSV text and the problems of its header (unknown columns).

    A UTF-8 byte-order mark (Excel's "CSV UTF-8") is not part of the first
    column's name; the cell separator is [`csv_delimiter`][antq_domain.io.files.csv_delimiter]'s.
    """
    text = text.removeprefix("\ufeff")
    header, rows = csv_records(text, record=record, delimiter=csv_delimiter(text))
    known = [h in TIDY_KEYS or h.startswith("dim_") for h in header]
    problems: list[Problem] = [
        ("line 1", _unknown_column(h)) for h, ok in zip(header, known, strict=True) if not ok
    ]
    cell = unescape_cell if spreadsheet_safe else str
    out = [
        {k: cell(v) for k, v, ok in zip(header, cells, known, strict=True) if ok and v != ""}
        for _, cells in rows
    ]
    return out, problems


def _unknown_column(name: str) -> Message:
    keys = ", ".join(TIDY_KEYS)
    quoted = ", ".join(repr(k) for k in TIDY_KEYS)
    return Message(
        f"unknown column {name!r}: expected one of {keys} or dim_<name>",
        f"cột {name!r} không có trong mẫu: cần một trong các cột {quoted} hoặc 'dim_<tên>'",
    )


def _jsonl_rows(text: str, record: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"row {number}"
        try:
            # decimals become Decimal exactly as written: no float ever exists
            row = strict_json(line)
        except json.JSONDecodeError as exc:
            problems.append((where, not_json(exc, column=False)))
            continue
        except DuplicateKeyError as exc:
            problems.append((f"{where}.{exc.key}", repeated_key(exc.key)))
            continue
        except ParseError as exc:
            problems.append((where, exc))
            continue
        except RecursionError:  # pragma: no cover - strict_json's nesting check stops it first
            problems.append((where, Message("JSON nested too deep", "JSON lồng nhau quá sâu")))
            continue
        if not isinstance(row, dict):
            problems.append(
                (where, Message("expected a JSON object", "cần một đối tượng JSON ({...})"))
            )
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

    A CSV file of [`BULK_FROM_BYTES`][antq_domain.io.files.BULK_FROM_BYTES] or more is read
    in columns by [`read_table`][antq_domain.bulk.read_table] when the ``bulk`` extra
    (polars) is installed: the same observations, or the same error word for word, several
    times faster.

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
    if fmt == "csv" and _large(source):
        try:
            bulk = importlib.import_module("antq_domain.bulk")
        except ImportError:  # pragma: no cover - the bulk extra (polars) is not installed
            pass
        else:
            table = bulk.read_table(
                source,
                format=fmt,
                catalogue=catalogue,
                spreadsheet_safe=spreadsheet_safe,
                registry=registry,
                check_places=check_places,
            )
            return list(table.to_observations())
    return _read_rows(
        source,
        fmt,
        catalogue=catalogue,
        spreadsheet_safe=spreadsheet_safe,
        registry=registry,
        check_places=check_places,
    )


def _large(source: Path) -> bool:
    try:
        return source.stat().st_size >= BULK_FROM_BYTES
    except OSError:
        return False  # the reader says what is wrong with the path


def _file_rows(
    source: Path, fmt: FileFormat, *, spreadsheet_safe: bool = True
) -> tuple[list[dict[str, Any]], list[Problem], str]:
    """A file's tidy rows as read, not yet validated; the file's own problems; its text.

    The file's problems (malformed quoting, unknown or repeated columns,
    ragged rows, repeated JSON keys) are located by line; malformed JSON or
    CSV that cannot be split into rows at all raises ``RecordError``. The text
    is ``""`` for a workbook.
    """
    # bytes decoded as they are: "\r" stays inside quoted CSV cells and JSON
    # Lines split only at "\n" (JSON escapes "\n" inside strings)
    if fmt == "xlsx":
        rows, problems = _xlsx_rows(source)
        return rows, problems, ""
    text = read_text(source, record=_RECORD)
    if fmt == "csv":
        try:
            rows, problems = _csv_rows(text, _RECORD, spreadsheet_safe=spreadsheet_safe)
        except RecordError as exc:
            raise RecordError(_RECORD, exc.parts + _separator_note(text)) from None
        return rows, problems, text
    return _jsonl_rows(text.removeprefix("\ufeff"), _RECORD), [], text


def _read_rows(
    source: Path,
    fmt: FileFormat,
    *,
    catalogue: Catalogue | None,
    spreadsheet_safe: bool,
    registry: Registry | None,
    check_places: bool,
) -> list[Observation]:
    """`read_observations` row by row: the reference reader (the bulk reader's fallback)."""
    rows, problems, text = _file_rows(source, fmt, spreadsheet_safe=spreadsheet_safe)
    try:
        observations = from_tidy(
            rows, catalogue=catalogue, registry=registry, check_places=check_places
        )
    except RecordError as exc:
        # the file's own problems first, then every row's: none hides another
        problems = problems + exc.parts
        observations = []
    if problems:
        if fmt == "csv":
            problems = problems + _separator_note(text)
        raise RecordError(_RECORD, problems)
    return observations


def _separator_note(text: str) -> list[Problem]:
    """How an Excel-style CSV was read, stated in its errors: the separator, the BOM skipped.

    Nothing for a plain comma-separated file without a byte-order mark.
    """
    delimiter = csv_delimiter(text)
    bom = text.startswith("\ufeff")
    if delimiter == "," and not bom:
        return []
    how = f"read as CSV with {_DELIMITERS[delimiter]} between cells (found in the header line)"
    how_vi = f"đọc như CSV với {_DELIMITERS_VI[delimiter]} giữa các ô (nhận ra từ dòng tiêu đề)"
    if bom:
        how += "; a UTF-8 byte-order mark was skipped"
        how_vi += "; đã bỏ qua dấu BOM của UTF-8 ở đầu tệp"
    return [("(file)", Message(how, how_vi))]
