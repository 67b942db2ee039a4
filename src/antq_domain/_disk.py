"""Files on disk: read UTF-8 text with located errors, write atomically, safe CSV cells.

Every failure of the operating system becomes a
[`FileError`][antq_domain.FileError] and every undecodable byte a
[`RecordError`][antq_domain.RecordError] naming the line, so a reader of the
library never sees a bare ``OSError`` or ``UnicodeDecodeError``.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import secrets
import stat
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from antq_domain.errors import FileError, LimitError, ParseError, RecordError
from antq_domain.limits import (
    MAX_FIELD_CHARS,
    MAX_FRACTION_DIGITS,
    MAX_INTEGER_DIGITS,
    check_nesting,
)

__all__ = [
    "FORMULA_PREFIXES",
    "DuplicateKeyError",
    "csv_records",
    "strict_json",
    "escape_cell",
    "read_text",
    "unescape_cell",
    "write_atomic",
]

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "'")
"""First characters that make a spreadsheet cell a formula (OWASP's CSV
injection list: ``=``, ``+``, ``-``, ``@``, tab, carriage return), plus the
escape character ``'`` itself so that the escape can be undone exactly."""


def escape_cell(text: str) -> str:
    """The spreadsheet-safe form of a CSV cell: ``'`` before a formula character.

    A cell starting with one of `FORMULA_PREFIXES` gets one ``'`` in
    front (spreadsheets show the rest as text and hide the ``'``); every
    other cell is unchanged. `unescape_cell` is the exact inverse.

    Example:
        >>> escape_cell("=HYPERLINK(1)"), escape_cell("'quoted"), escape_cell("726")
        ("'=HYPERLINK(1)", "''quoted", '726')
    """
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def unescape_cell(text: str) -> str:
    """The inverse of `escape_cell`: drop the one leading ``'`` it added.

    Example:
        >>> unescape_cell("'=1+1"), unescape_cell("''quoted"), unescape_cell("726")
        ('=1+1', "'quoted", '726')
        >>> all(unescape_cell(escape_cell(t)) == t for t in ["", "'", "-0", "@x", "a"])
        True
    """
    return text[1:] if text.startswith("'") else text


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


def read_text(source: Path, *, record: str, field: str = "path") -> str:
    r"""The UTF-8 text of ``source``, its line ends untouched.

    Raises:
        FileError: the file cannot be read (missing, a directory, ...).
        RecordError: a byte is not UTF-8; the location names line and offset.

    Example:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = pathlib.Path(tmp) / "x.csv"
        ...     _ = p.write_bytes(b"a\r\nb\xff\n")
        ...     read_text(p, record="x.csv")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: x.csv: 1 problem
          line 2: byte 0xff at offset 4: expected UTF-8 text
    """
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise FileError(field, str(source), f"a readable file ({_reason(exc)})") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        problem = f"byte {data[exc.start]:#04x} at offset {exc.start}: expected UTF-8 text"
        raise RecordError(record, [(f"line {line}", problem)]) from None


def write_atomic(target: Path, text: str, *, field: str = "path") -> Path:
    r"""Write ``text`` (UTF-8, newlines as given) to ``target`` atomically; return ``target``.

    The text goes to a temporary file next to the target, is flushed to
    disk, and then replaces the target in one rename: a failed write (a full
    disk, an error while rendering) leaves the old file whole and no
    temporary file behind. A replaced file keeps its permission bits; a
    symbolic link is written through, not replaced.

    Raises:
        FileError: the file cannot be written.

    Example:
        >>> import tempfile, pathlib
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = write_atomic(pathlib.Path(tmp) / "r.json", "{}\n")
        ...     p.read_text(), sorted(q.name for q in pathlib.Path(tmp).iterdir())
        ('{}\n', ['r.json'])
    """
    final = Path(os.path.realpath(target))
    temp = final.with_name(f".{final.name}.{secrets.token_hex(6)}.tmp")
    try:
        # "x": a new file, created with the process's umask like any other
        with temp.open("x", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, stat.S_IMODE(final.stat().st_mode))
        os.replace(temp, final)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise FileError(field, str(target), f"a writable file ({_reason(exc)})") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return Path(target)


_ONCE = "expected each column once in the header"


def csv_records(
    text: str, *, record: str, delimiter: str = ","
) -> tuple[list[str], list[tuple[int, list[str]]]]:
    r"""The header and the rows of CSV text, read strictly; problems located by line.

    Strict quoting (an unterminated quote is an error, never a cell that
    swallows the following rows), every cell within
    [`MAX_FIELD_CHARS`][antq_domain.limits.MAX_FIELD_CHARS], no repeated header column,
    no row with more or fewer cells than the header. Blank lines are
    skipped. Each row comes with the line it starts on.

    Raises:
        RecordError: every problem found, each located as ``line <n>``.

    Example:
        >>> csv_records('a,b\n1,"2\n3,4\n', record="x.csv")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: x.csv: 1 problem
          line 2: malformed CSV: unexpected end of data (an unterminated quote?)
        >>> csv_records("a,a\n1,2\n", record="x.csv")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: x.csv: 1 problem
          line 1: column 'a' appears 2 times: expected each column once in the header
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True, delimiter=delimiter)
    problems: list[tuple[str, str]] = []
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not cells:
                continue
            for cell in cells:
                if len(cell) > MAX_FIELD_CHARS:
                    limit = LimitError("cell", cell, f"at most {MAX_FIELD_CHARS} characters")
                    problems.append((f"line {line}", str(limit)))
            if header is None:
                header = cells
                problems.extend(
                    (f"line {line}", f"column {name!r} appears {times} times: {_ONCE}")
                    for name, times in Counter(cells).items()
                    if times > 1
                )
                continue
            if len(cells) != len(header):
                problems.append(
                    (
                        f"line {line}",
                        f"{len(cells)} cells: expected {len(header)}, one per header column",
                    )
                )
                continue
            rows.append((line, cells))
    except csv.Error as exc:
        message = str(exc)
        if "field larger than field limit" in message:
            message = f"a cell over {MAX_FIELD_CHARS} characters"
        elif "unexpected end of data" in message:
            message = "unexpected end of data (an unterminated quote?)"
        problems.append((f"line {start}", f"malformed CSV: {message}"))
    if problems:
        raise RecordError(record, problems)
    return header or [], rows


class DuplicateKeyError(Exception):
    """A key repeated in one JSON object (raised by `strict_json`)."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(max_string: int | None) -> Callable[[list[tuple[str, Any]]], dict[str, Any]]:
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in pairs:
            if key in out:
                raise DuplicateKeyError(key)
            if max_string is not None and isinstance(value, str) and len(value) > max_string:
                raise LimitError(key, value, f"at most {max_string} characters")
            out[key] = value
        return out

    return hook


_DIGITS = (
    f"at most {MAX_INTEGER_DIGITS} digits before the decimal mark and "
    f"{MAX_FRACTION_DIGITS} after it"
)


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise LimitError("number", text, _DIGITS)
    return int(text)


def _json_decimal(text: str) -> Decimal:
    if "e" in text or "E" in text:
        raise ParseError("number", text, "a decimal without an exponent, such as 13.85")
    whole, _, frac = text.lstrip("-").partition(".")
    if len(whole) > MAX_INTEGER_DIGITS or len(frac) > MAX_FRACTION_DIGITS:
        raise LimitError("number", text, _DIGITS)
    return Decimal(text)


def _no_constant(text: str) -> Any:
    raise ParseError("number", text, "a finite number")


def strict_json(text: str, *, max_string: int | None = MAX_FIELD_CHARS) -> Any:
    """Parse JSON within the budget: no repeated key, no float, no exponent.

    Numbers with a fraction become exact ``Decimal`` values as written;
    ``NaN`` and ``Infinity`` are refused; nesting and digits are bounded by
    [`antq_domain.limits`][antq_domain.limits], and so is the length of a
    string value unless ``max_string`` is ``None`` (a report's own texts
    have no limit: they never become CSV cells).

    Raises:
        DuplicateKeyError: a key appears twice in one object.
        ParseError: a number or nesting beyond the budget (a ``LimitError``),
            an exponent, a non-finite constant.
        json.JSONDecodeError: not JSON.

    Example:
        >>> strict_json('{"value": 13.85}')
        {'value': Decimal('13.85')}
        >>> strict_json('{"a": 1, "a": 2}')
        Traceback (most recent call last):
        ...
        antq_domain._disk.DuplicateKeyError: a
    """
    check_nesting("JSON", text)
    return json.loads(
        text,
        parse_float=_json_decimal,
        parse_int=_json_int,
        parse_constant=_no_constant,
        object_pairs_hook=_unique_keys(max_string),
    )
