"""Reading and writing observations as CSV or JSON Lines (tidy rows on disk)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import Any, Literal

from antq_domain.errors import ParseError, RecordError
from antq_domain.io.rows import TIDY_KEYS, from_tidy, tidy
from antq_domain.records.indicators import Catalogue
from antq_domain.records.observation import Observation

__all__ = ["FileFormat", "read_observations", "write_observations"]

FileFormat = Literal["csv", "jsonl"]
"""The file formats of tidy rows: ``csv`` or ``jsonl`` (JSON Lines)."""

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
) -> Path:
    """Write observations as tidy rows to ``path`` (CSV or JSON Lines, UTF-8).

    The format follows the suffix (``.csv``, ``.jsonl``) unless ``format`` is given. CSV columns are
    the fixed keys with the ``dim_<name>`` columns after ``unit``; absent values are empty cells.
    JSON Lines omits absent keys. [`read_observations`][antq_domain.read_observations]
    reads either back to equal observations.

    Example:
        >>> import tempfile, pathlib
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> obs = [Observation(indicator="tips.received", place="62", period="2023",
        ...                    value=Quantity(726, "tip"))]
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = write_observations(obs, pathlib.Path(tmp) / "kt.csv")
        ...     read_observations(path) == obs
        True
    """
    target = Path(path)
    fmt = _format_of(target, format)
    rows = tidy(observations)
    if fmt == "csv":
        columns = _columns(rows)
        with target.open("w", encoding="utf-8", newline="") as fh:
            # RFC 4180 line ends: cells holding "\r" or "\n" are then always quoted
            writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\r\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    else:
        with target.open("w", encoding="utf-8", newline="") as fh:
            for row in rows:
                clean = {k: v for k, v in row.items() if v is not None}
                fh.write(json.dumps(clean, ensure_ascii=False) + "\n")
    return target


def _no_float_constant(text: str) -> Any:
    raise ParseError("value", text, "a finite number")


def _csv_rows(text: str) -> Iterator[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for row in reader:
        if None in row:
            raise RecordError(
                "tidy rows",
                [(f"row {reader.line_num - 1}", "more cells than header columns")],
            )
        yield {k: v for k, v in row.items() if v != ""}


def _jsonl_rows(text: str) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            # parse_float=Decimal keeps the digits exactly as written: no float ever exists
            row = json.loads(line, parse_float=Decimal, parse_constant=_no_float_constant)
        except json.JSONDecodeError as exc:
            raise RecordError("tidy rows", [(f"row {number}", f"not JSON: {exc.msg}")]) from None
        if not isinstance(row, dict):
            raise RecordError("tidy rows", [(f"row {number}", "expected a JSON object")])
        yield row


def read_observations(
    path: str | PathLike[str],
    *,
    format: FileFormat | None = None,  # noqa: A002 - the natural name for callers
    catalogue: Catalogue | None = None,
) -> list[Observation]:
    r"""Read tidy rows from a CSV or JSON Lines file into validated observations.

    Every row is checked; all problems are raised together as one
    [`RecordError`][antq_domain.RecordError] naming row and key.

    Example:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = pathlib.Path(tmp) / "bad.csv"
        ...     _ = p.write_text("indicator,place,period,value\ntips.received,62,2023,abc\n")
        ...     read_observations(p)
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: tidy rows: 1 problem
          row 1: value='abc': expected a whole number of 'tip' (digits only)
    """
    source = Path(path)
    fmt = _format_of(source, format)
    # newline="" keeps "\r" inside quoted CSV cells and never splits JSON Lines
    # at characters other than "\n" (JSON escapes "\n" inside strings)
    with source.open(encoding="utf-8", newline="") as fh:
        text = fh.read()
    rows = list(_csv_rows(text) if fmt == "csv" else _jsonl_rows(text))
    return from_tidy(rows, catalogue=catalogue)
