"""Files on disk: read UTF-8 text with located errors, write atomically, safe CSV cells.

Every failure of the operating system becomes a
[`FileError`][antq_domain.FileError] and every undecodable byte a
[`RecordError`][antq_domain.RecordError] naming the line, so a reader of the
library never sees a bare ``OSError`` or ``UnicodeDecodeError``.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import io
import json
import os
import secrets
import stat
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from antq_domain.errors import FileError, LimitError, Message, ParseError, Problem, RecordError
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
    "not_json",
    "os_reason",
    "read_text",
    "repeated_key",
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


_OS_REASONS_VI = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EISDIR: "là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENOSPC: "hết chỗ trên đĩa",
    errno.EEXIST: "tệp đã có",
    errno.EROFS: "ổ đĩa chỉ đọc",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EFBIG: "tệp quá lớn",
}


def os_reason(exc: OSError, lang: Literal["vi", "en"] = "en") -> str:
    """Why the operating system refused, in ``lang`` (its own words when not translated here).

    Example:
        >>> import errno
        >>> err = FileNotFoundError(errno.ENOENT, "No such file or directory")
        >>> os_reason(err, "vi"), os_reason(err, "en")
        ('không có tệp hoặc thư mục này', 'No such file or directory')
    """
    if lang == "vi" and exc.errno in _OS_REASONS_VI:
        return _OS_REASONS_VI[exc.errno]
    return _reason(exc)


_JSON_VI = {
    "Expecting value": "thiếu một giá trị",
    "Expecting property name enclosed in double quotes": "cần tên khóa trong dấu ngoặc kép",
    "Expecting ',' delimiter": "thiếu dấu phẩy ','",
    "Expecting ':' delimiter": "thiếu dấu hai chấm ':'",
    "Extra data": "còn dữ liệu thừa sau giá trị JSON",
    "Unterminated string starting at": "chuỗi chưa đóng ngoặc kép",
    "Invalid control character at": "ký tự điều khiển không hợp lệ",
    "Invalid \\escape": "ký tự thoát không hợp lệ",
    "Invalid \\uXXXX escape": "mã \\uXXXX không hợp lệ",
    "Illegal trailing comma before end of object": "dấu phẩy thừa trước dấu đóng '}'",
    "Illegal trailing comma before end of array": "dấu phẩy thừa trước dấu đóng ']'",
}


def repeated_key(key: str) -> Message:
    """``key 'id' repeated: expected once`` in both languages.

    Example:
        >>> repeated_key("id").vi
        "khóa 'id' lặp lại: mỗi khóa chỉ được một lần"
    """
    return Message(
        f"key {key!r} repeated: expected once", f"khóa {key!r} lặp lại: mỗi khóa chỉ được một lần"
    )


def not_json(exc: json.JSONDecodeError, *, column: bool = True) -> Message:
    """``not JSON: …`` in both languages (the column too unless ``column`` is false).

    Example:
        >>> import json
        >>> try:
        ...     json.loads('{"a" 1}')
        ... except json.JSONDecodeError as exc:
        ...     print(not_json(exc).vi)
        không phải JSON: thiếu dấu hai chấm ':' (cột 6)
    """
    where_en = f" (column {exc.colno})" if column else ""
    where_vi = f" (cột {exc.colno})" if column else ""
    vi = _JSON_VI.get(exc.msg, exc.msg)
    return Message(f"not JSON: {exc.msg}{where_en}", f"không phải JSON: {vi}{where_vi}")


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
        raise FileError(
            field,
            str(source),
            f"a readable file ({_reason(exc)})",
            expected_vi=f"một tệp đọc được ({os_reason(exc, 'vi')})",
        ) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = f"{data[exc.start]:#04x}"
        problem = Message(
            f"byte {byte} at offset {exc.start}: expected UTF-8 text",
            f"byte {byte} ở vị trí {exc.start}: cần văn bản mã hóa UTF-8",
        )
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
        raise FileError(
            field,
            str(target),
            f"a writable file ({_reason(exc)})",
            expected_vi=f"một tệp ghi được ({os_reason(exc, 'vi')})",
        ) from exc
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
    problems: list[Problem] = []
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
                    limit = LimitError(
                        "cell",
                        cell,
                        f"at most {MAX_FIELD_CHARS} characters",
                        expected_vi=f"nhiều nhất {MAX_FIELD_CHARS} ký tự",
                    )
                    problems.append((f"line {line}", limit))
            if header is None:
                header = cells
                problems.extend(
                    (
                        f"line {line}",
                        Message(
                            f"column {name!r} appears {times} times: {_ONCE}",
                            f"cột {name!r} xuất hiện {times} lần: mỗi cột chỉ được một lần "
                            "trong dòng tiêu đề",
                        ),
                    )
                    for name, times in Counter(cells).items()
                    if times > 1
                )
                continue
            if len(cells) != len(header):
                problems.append(
                    (
                        f"line {line}",
                        Message(
                            f"{len(cells)} cells: expected {len(header)}, one per header column",
                            f"{len(cells)} ô: cần {len(header)} ô, mỗi cột tiêu đề một ô",
                        ),
                    )
                )
                continue
            rows.append((line, cells))
    except csv.Error as exc:
        message = vi = str(exc)
        if "field larger than field limit" in message:
            message = f"a cell over {MAX_FIELD_CHARS} characters"
            vi = f"một ô dài quá {MAX_FIELD_CHARS} ký tự"
        elif "unexpected end of data" in message:
            message = "unexpected end of data (an unterminated quote?)"
            vi = "dữ liệu kết thúc giữa chừng (thiếu dấu ngoặc kép đóng?)"
        malformed = Message(f"malformed CSV: {message}", f"CSV sai cấu trúc: {vi}")
        problems.append((f"line {start}", malformed))
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
                raise LimitError(
                    key,
                    value,
                    f"at most {max_string} characters",
                    expected_vi=f"nhiều nhất {max_string} ký tự",
                )
            out[key] = value
        return out

    return hook


_DIGITS = (
    f"at most {MAX_INTEGER_DIGITS} digits before the decimal mark and "
    f"{MAX_FRACTION_DIGITS} after it"
)
_DIGITS_VI = (
    f"nhiều nhất {MAX_INTEGER_DIGITS} chữ số phần nguyên và {MAX_FRACTION_DIGITS} chữ số "
    "phần thập phân"
)


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INTEGER_DIGITS:
        raise LimitError("number", text, _DIGITS, expected_vi=_DIGITS_VI)
    return int(text)


def _json_decimal(text: str) -> Decimal:
    if "e" in text or "E" in text:
        raise ParseError(
            "number",
            text,
            "a decimal without an exponent, such as 13.85",
            expected_vi="một số thập phân không có số mũ, ví dụ 13.85",
        )
    whole, _, frac = text.lstrip("-").partition(".")
    if len(whole) > MAX_INTEGER_DIGITS or len(frac) > MAX_FRACTION_DIGITS:
        raise LimitError("number", text, _DIGITS, expected_vi=_DIGITS_VI)
    return Decimal(text)


def _no_constant(text: str) -> Any:
    raise ParseError("number", text, "a finite number", expected_vi="một số hữu hạn")


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
