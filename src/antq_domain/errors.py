# Size: the error hierarchy and the one way its messages render in English and Vietnamese (the
# field vocabulary, locations, problems) kept together; much of the length is docstrings.
"""The library's error hierarchy.

Every error the library raises on purpose derives from [`AntqError`][antq_domain.AntqError].
Concrete errors also inherit the builtin a caller expects, so a plain ``except ValueError`` (or
pydantic's own validation, which turns ``ValueError`` into a validation error) catches them too.

Messages follow one pattern: they name the field, show the offending value
with ``!r`` and say what was expected.

**Two languages.** An error keeps its parts (``field``, ``value``, ``expected`` and, where the
raise site gives it, ``expected_vi``) and renders them in either language with
[`text`][antq_domain.errors.AntqError.text]: ``str(err)`` is the English message developers
search for, ``err.text("vi")`` the Vietnamese one the command line prints in a ``--lang vi`` run,
with the field named in Vietnamese and its key kept in brackets (``kỳ báo cáo (period)``). As
with [`Undefined.reason_vi`][antq_domain.values.Undefined], the Vietnamese words are a
translation, not more information: they take no part in equality or in ``str``, and an error
raised without them shows its English words in either language.

Example:
    >>> from antq_domain.errors import AntqError, ParseError
    >>> err = ParseError("period", "2023Q5", "a quarter between 1 and 4",
    ...                  expected_vi="một quý từ 1 đến 4")
    >>> str(err)
    "period='2023Q5': expected a quarter between 1 and 4"
    >>> err.text("vi")
    "kỳ báo cáo (period) = '2023Q5': cần một quý từ 1 đến 4"
    >>> isinstance(err, ValueError) and isinstance(err, AntqError)
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal, NamedTuple

__all__ = [
    "FIELD_NAMES",
    "AntqError",
    "AntqTypeError",
    "AntqValueError",
    "ConflictError",
    "FileError",
    "InvariantError",
    "LimitError",
    "Message",
    "MissingExtraError",
    "Problem",
    "ParseError",
    "RecordError",
    "UnitMismatchError",
    "UnknownCodeError",
    "location_text",
    "problem_lines",
]

_Lang = Literal["vi", "en"]  # the same two codes as antq_domain.values.Lang (a lower layer)


class Message(NamedTuple):
    """A problem's words in English and Vietnamese, where no one field's error says it.

    A [`RecordError`][antq_domain.RecordError] problem is an
    [`AntqError`][antq_domain.AntqError] when it is about one field; a problem about a whole
    line or file (``not JSON: …``) is a ``Message``.

    ``str(message)`` is the English, as ``str`` of an error is.

    Example:
        >>> from antq_domain.errors import Message
        >>> deep = Message("JSON nested too deep", "JSON lồng nhau quá sâu")
        >>> deep.vi, str(deep)
        ('JSON lồng nhau quá sâu', 'JSON nested too deep')
    """

    en: str
    vi: str

    def __str__(self) -> str:
        return self.en


Problem = tuple[str, "str | AntqError | Message"]
"""One problem of a [`RecordError`][antq_domain.RecordError]: its location and its message."""


FIELD_NAMES: Mapping[str, str] = {
    # a report and its observations (the keys of a report file and the columns of tidy rows)
    "id": "mã định danh",
    "title": "tiêu đề",
    "issuer": "cơ quan ban hành",
    "issuer_committee": "ban chỉ đạo ban hành",
    "place": "địa bàn",
    "period": "kỳ báo cáo",
    "as_of": "ngày chốt số liệu",
    "publication": "thông tin đăng tải",
    "published": "ngày đăng",
    "author": "tác giả",
    "publisher": "nơi đăng",
    "source": "nguồn",
    "indicators": "danh mục chỉ tiêu riêng",
    "observations": "số liệu",
    "indicator": "chỉ tiêu",
    "value": "giá trị",
    "amount": "con số",
    "unit": "đơn vị tính",
    "qualifier": "mức độ chính xác",
    "status": "tình trạng số liệu",
    "reason": "lý do",
    "quote": "trích dẫn",
    "dims": "phân tổ",
    "reported": "số liệu báo cáo",
    "organisations": "tổ chức",
    "committees": "ban chỉ đạo",
    "campaigns": "đợt phát động",
    "models": "mô hình",
    "forces": "lực lượng",
    "programmes": "chương trình phối hợp",
    "commendations": "khen thưởng",
    "limitations": "hạn chế",
    "directions": "phương hướng",
    "name": "tên",
    "code": "mã",
    "kind": "loại",
    "parent": "đơn vị cấp trên",
    "valid_from": "ngày hiệu lực",
    "valid_to": "ngày hết hiệu lực",
    "successors": "đơn vị kế thừa",
    "start": "ngày bắt đầu",
    "end": "ngày kết thúc",
    "date": "ngày",
    "number": "số",
    "text": "văn bản",
    "document_ref": "số văn bản",
    "citation": "trích dẫn văn bản",
    "issuers": "cơ quan ban hành",
    "legislature": "khóa Quốc hội",
    "style": "kiểu số văn bản",
    "partial_date": "ngày",
    "year": "năm",
    "half": "nửa năm",
    "quarter": "quý",
    "month": "tháng",
    "months": "số tháng",
    "week": "tuần",
    "day": "ngày",
    "quantity": "số lượng",
    "cell": "ô",
    "JSON": "văn bản JSON",
    "file": "tệp",
    "path": "đường dẫn",
    "output": "tệp ghi ra",
    "column": "cột",
    "key": "khóa",
    "current": "kỳ này",
    "previous": "kỳ trước",
    "level": "cấp",
    "to": "cấp tổng hợp",
}
"""The Vietnamese name of each field (key of a report file, column of tidy rows) errors name.

A field outside this table (or a path whose last key is outside it) keeps its key alone; a
command-line option (``--place``) is its own name.

Example:
    >>> from antq_domain.errors import FIELD_NAMES
    >>> FIELD_NAMES["as_of"]
    'ngày chốt số liệu'
"""


def _describe(field: str, value: Any, expected: str) -> str:
    shown = repr(value.en) if isinstance(value, Message) else repr(value)
    return f"{field}={shown}: expected {expected}"


def _field_vi(field: str) -> str:
    """``kỳ báo cáo (period)``: the Vietnamese name with the key as written.

    A path is named by its last key that is not a position (``observations.0`` is a figure); a
    key outside [`FIELD_NAMES`][antq_domain.errors.FIELD_NAMES] is quoted (``khóa 'colour'``).
    """
    if field.startswith("-"):  # a command-line option is its own name
        return field
    keys = [k for k in field.split(".") if not k.isdigit()]
    key = keys[-1] if keys else field
    breakdown = key.startswith("dim_") or "dims" in keys  # dims, dims.scope, dim_scope
    name = "phân tổ" if breakdown else FIELD_NAMES.get(key)
    if name is None:
        return f"khóa {field!r}"
    return f"{name} ({field})"


def _shown_vi(value: Any) -> str:
    """A value as a Vietnamese message shows it: ``!r``; nothing is "trống"; words in Vietnamese."""
    if isinstance(value, Message):
        return repr(value.vi)
    return "(trống)" if value is None else repr(value)


_ROW = re.compile(r"(row|line) (\d+)(?:\.(.+))?")
_SPECIAL_VI = {"(file)": "(tệp)", "(record)": "(bản ghi)", "": "(bản ghi)"}


def location_text(location: str, lang: _Lang = "en") -> str:
    """Where a problem is, in ``lang``: ``row 4.period`` is ``hàng 4, kỳ báo cáo (period)``.

    Locations are what [`RecordError.problems`][antq_domain.RecordError] holds: ``row N`` (the
    N-th data row of tidy rows), ``line N`` (a line of a text file), ``(file)``, ``(record)``
    or a dotted path of keys (``observations.3.value``).

    Example:
        >>> from antq_domain.errors import location_text
        >>> location_text("row 4.period", "vi")
        'hàng 4, kỳ báo cáo (period)'
        >>> location_text("observations.0.indicator", "vi")
        'chỉ tiêu (observations.0.indicator)'
        >>> location_text("line 1", "en")
        'line 1'
    """
    if lang == "en":
        return location or "(record)"
    if location in _SPECIAL_VI:
        return _SPECIAL_VI[location]
    matched = _ROW.fullmatch(location)
    if matched is None:
        return _field_vi(location)
    kind, number, rest = matched.groups()
    head = f"{'hàng' if kind == 'row' else 'dòng'} {number}"
    return f"{head}, {_field_vi(rest)}" if rest else head


def problem_lines(problems: Iterable[Problem], lang: _Lang = "en") -> list[tuple[str, str]]:
    """``(location, message)`` of each problem, both in ``lang``.

    In Vietnamese a location does not name again the field its message names: ``row 4.period``
    with an error of ``period`` is "hàng 4", the message "kỳ báo cáo (period) = …" says the rest.

    Example:
        >>> from antq_domain.errors import Message, ParseError, problem_lines
        >>> problem_lines([("line 3", Message("not JSON", "không phải JSON"))], "vi")
        [('dòng 3', 'không phải JSON')]
        >>> problem_lines([("", "x")], "en")
        [('(record)', 'x')]
        >>> bad = ParseError("period", "2023Q5", "a quarter", expected_vi="một quý")
        >>> problem_lines([("row 4.period", bad)], "vi")
        [('hàng 4', "kỳ báo cáo (period) = '2023Q5': cần một quý")]
        >>> problem_lines([("row 4.period", bad)], "en")
        [('row 4.period', "period='2023Q5': expected a quarter")]
    """
    return [
        (location_text(_unnamed(loc, msg, lang), lang), _words(msg, lang)) for loc, msg in problems
    ]


def _unnamed(location: str, message: str | AntqError | Message, lang: _Lang) -> str:
    """The location without the field a Vietnamese message names itself (``row 4.period``)."""
    field = getattr(message, "field", None)  # an error of one field: its name is in the message
    if lang != "vi" or getattr(message, "expected_vi", None) is None or not isinstance(field, str):
        return location
    return location.removesuffix(f".{field}")


def _words(message: str | AntqError | Message, lang: _Lang) -> str:
    if isinstance(message, Message):
        return message.vi if lang == "vi" else message.en
    if isinstance(message, AntqError):
        return message.text(lang)
    return str(message)


class AntqError(Exception):
    """Base class of every error raised by ``antq_domain``.

    Example:
        >>> from antq_domain.errors import AntqError, UnknownCodeError
        >>> issubclass(UnknownCodeError, AntqError)
        True
    """

    def text(self, lang: _Lang = "en") -> str:
        """The message in ``lang`` (``"vi"`` or ``"en"``); ``str(err)`` is ``text("en")``.

        An error raised without Vietnamese words shows its English message in either language.

        Example:
            >>> from antq_domain.errors import InvariantError
            >>> err = InvariantError("end", "2023-01-01", "a day on or after start",
            ...                      expected_vi="một ngày không trước ngày bắt đầu")
            >>> print(err.text("vi"))
            ngày kết thúc (end) = '2023-01-01': cần một ngày không trước ngày bắt đầu
            >>> err.text("en") == str(err)
            True
        """
        del lang  # the base has one message
        return str(self)


class _DescribedError(Exception):
    """``field``, ``value`` and ``expected``, the message made of them, and pickling by them.

    ``expected_vi`` is what was expected in Vietnamese (``None``: the raise site gave none, and
    the Vietnamese message shows the English words). A value that is not a given input but a
    description of one ("a bracket at character 64 opening level 65") is a
    [`Message`][antq_domain.errors.Message], shown in the message's language.
    """

    field: str
    value: Any
    expected: str
    expected_vi: str | None

    def __init__(
        self, field: str, value: Any, expected: str, *, expected_vi: str | None = None
    ) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        self.expected_vi = expected_vi
        super().__init__(_describe(field, value, expected))

    def __str__(self) -> str:
        # the message alone, whatever the builtin (KeyError would quote it)
        return _describe(self.field, self.value, self.expected)

    def text(self, lang: _Lang = "en") -> str:
        """The message in ``lang``: the field (named in Vietnamese in ``vi``), value, expected.

        Example:
            >>> from antq_domain.errors import UnknownCodeError
            >>> err = UnknownCodeError("place", "99", "a code of the register",
            ...                        expected_vi="một mã trong danh mục địa bàn")
            >>> err.text("vi")
            "địa bàn (place) = '99': cần một mã trong danh mục địa bàn"
            >>> err.text("en")
            "place='99': expected a code of the register"
        """
        if lang == "en" or self.expected_vi is None:
            return str(self)
        return f"{_field_vi(self.field)} = {_shown_vi(self.value)}: cần {self.expected_vi}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild,
            (type(self), (self.field, self.value, self.expected), self.expected_vi),
        )


def _rebuild(cls: type[_DescribedError], args: tuple[Any, ...], expected_vi: str | None) -> Any:
    return cls(*args, expected_vi=expected_vi)


class AntqValueError(_DescribedError, AntqError, ValueError):
    """A value is not acceptable where it was given.

    Attributes:
        field: the name of the field or argument at fault.
        value: the offending value.
        expected: what would have been accepted.

    Example:
        >>> from antq_domain.errors import AntqValueError
        >>> print(AntqValueError("amount", -1, "a non-negative number"))
        amount=-1: expected a non-negative number
    """


class ParseError(AntqValueError):
    """Text could not be read as the value it was meant to be.

    Example:
        >>> from antq_domain.errors import ParseError
        >>> ParseError("number", "abc", "Vietnamese digits such as '1.160'").field
        'number'
    """


class LimitError(ParseError):
    """An input exceeds one of the library's named limits (`antq_domain.limits`).

    Raised instead of spending unbounded memory or time: too many digits, an
    exponent, a text field or a nesting deeper than the budget allows. The
    value in the message is shortened to its first characters.

    Example:
        >>> from antq_domain.errors import LimitError, ParseError
        >>> err = LimitError("value", "9" * 40, "at most 30 digits before the decimal mark")
        >>> isinstance(err, ParseError)
        True
    """

    def __init__(
        self, field: str, value: Any, expected: str, *, expected_vi: str | None = None
    ) -> None:
        # shortened to well under _PREVIEW_OVER, so a pickled copy is shortened once only
        if isinstance(value, str) and len(value) > _PREVIEW_OVER:
            value = f"{value[:_PREVIEW]}... ({len(value)} characters)"
        super().__init__(field, value, expected, expected_vi=expected_vi)


_PREVIEW = 40
_PREVIEW_OVER = 80


class InvariantError(AntqValueError):
    """A value's constructor was given parts that break its invariants.

    Example:
        >>> from antq_domain.errors import InvariantError
        >>> isinstance(InvariantError("end", "2023-01-01", "end >= start"), ValueError)
        True
    """


class UnitMismatchError(AntqValueError):
    """Two quantities of different units were combined.

    Example:
        >>> from antq_domain.errors import UnitMismatchError
        >>> str(UnitMismatchError("unit", "person", "'participation' like the left operand"))
        "unit='person': expected 'participation' like the left operand"
    """


class ConflictError(AntqValueError):
    """Two sources give different values for the same cell.

    Example:
        >>> from antq_domain.errors import ConflictError
        >>> isinstance(ConflictError("value", 5, "6 as in the first source"), ValueError)
        True
    """


class UnknownCodeError(_DescribedError, AntqError, KeyError):
    """A code is not in the codelist, catalogue or register it was looked up in.

    Example:
        >>> from antq_domain.errors import UnknownCodeError
        >>> err = UnknownCodeError("unit", "bottle", "a code of the Unit codelist")
        >>> str(err)
        "unit='bottle': expected a code of the Unit codelist"
        >>> isinstance(err, KeyError)
        True
    """


class AntqTypeError(_DescribedError, AntqError, TypeError):
    """A value of the wrong Python type was given (a float for a count, say).

    Example:
        >>> from antq_domain.errors import AntqTypeError
        >>> print(AntqTypeError("amount", 1.5, "an int or a Decimal, never a float"))
        amount=1.5: expected an int or a Decimal, never a float
    """


class RecordError(AntqError, ValueError):
    """A record (or file of records) failed validation; every problem is listed.

    Attributes:
        record: what was validated (a record type, ``tidy rows`` or a file name).
        problems: one ``(location, message)`` pair per problem found, where
            the location is a dotted path such as ``observations.3.value`` and the message is
            English.
        parts: the same problems as given: each message an [`AntqError`][antq_domain.AntqError]
            (rendered by its own [`text`][antq_domain.errors.AntqError.text]), a
            [`Message`][antq_domain.errors.Message] or English text; what ``text(lang)``
            renders.

    Example:
        >>> from antq_domain.errors import ParseError, RecordError
        >>> err = RecordError("MovementReport", [("period", "expected a period id")])
        >>> print(err)
        MovementReport: 1 problem
          period: expected a period id
        >>> err.problems
        [('period', 'expected a period id')]
        >>> bad = ParseError("period", "2023Q5", "a quarter between 1 and 4",
        ...                  expected_vi="một quý từ 1 đến 4")
        >>> print(RecordError("tidy rows", [("row 4.period", bad)]).text("vi"))
        bảng số liệu: 1 lỗi
          hàng 4: kỳ báo cáo (period) = '2023Q5': cần một quý từ 1 đến 4
    """

    def __init__(self, record: str, problems: Iterable[Problem]) -> None:
        self.record = record
        self.parts = list(problems)
        self.problems = [(loc, _words(msg, "en")) for loc, msg in self.parts]
        super().__init__(self.text("en"))

    def text(self, lang: _Lang = "en") -> str:
        """The head line and one line per problem, in ``lang``.

        Example:
            >>> from antq_domain.errors import Message, RecordError
            >>> err = RecordError("x.csv", [("line 2", Message("2 cells", "2 ô"))])
            >>> print(err.text("vi"))
            x.csv: 1 lỗi
              dòng 2: 2 ô
        """
        lines = [self.head(lang)]
        lines.extend(f"  {loc}: {msg}" for loc, msg in self.lines(lang))
        return "\n".join(lines)

    def head(self, lang: _Lang = "en") -> str:
        """``tidy rows: 2 problems`` / ``bảng số liệu: 2 lỗi``.

        Example:
            >>> from antq_domain.errors import RecordError
            >>> RecordError("MovementReport", [("", "x"), ("", "y")]).head("vi")
            'báo cáo: 2 lỗi'
        """
        count = len(self.parts)
        if lang == "vi":
            return f"{_RECORDS_VI.get(self.record, self.record)}: {count} lỗi"
        return f"{self.record}: {count} problem{'s' if count != 1 else ''}"

    def lines(self, lang: _Lang = "en") -> list[tuple[str, str]]:
        """``(location, message)`` of every problem in ``lang``; ``lines("en")`` is ``problems``.

        Example:
            >>> from antq_domain.errors import RecordError
            >>> RecordError("tidy rows", [("row 2", "x")]).lines("vi")
            [('hàng 2', 'x')]
        """
        return problem_lines(self.parts, lang)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.record, self.parts))


_RECORDS_VI = {
    "MovementReport": "báo cáo",
    "Observation": "số liệu",
    "tidy rows": "bảng số liệu",
    "Registry": "danh mục địa bàn",
    "stdin": "dữ liệu vào (stdin)",
}


class MissingExtraError(AntqError, ImportError):
    """An optional dependency (an *extra*) is needed and not installed.

    An `ImportError` too, so ``except ImportError`` catches it. The message names the package and
    the extra that installs it.

    Attributes:
        feature: what needed it (``to_pandas``).
        module: the missing module (``pandas``).
        extra: the extra of ``antq-domain`` that installs it.

    Example:
        >>> from antq_domain.errors import MissingExtraError
        >>> print(MissingExtraError("to_pandas", "pandas", "pandas"))
        to_pandas needs pandas, which is not installed: pip install 'antq-domain[pandas]'
    """

    def __init__(self, feature: str, module: str, extra: str) -> None:
        self.feature = feature
        self.module = module
        self.extra = extra
        super().__init__(
            f"{feature} needs {module}, which is not installed: pip install 'antq-domain[{extra}]'",
            name=module,
        )

    def text(self, lang: _Lang = "en") -> str:
        """The message in ``lang``.

        Example:
            >>> from antq_domain.errors import MissingExtraError
            >>> print(MissingExtraError("to_pandas", "pandas", "pandas").text("vi"))
            to_pandas cần gói pandas, chưa được cài đặt: pip install 'antq-domain[pandas]'
        """
        if lang == "en":
            return str(self)
        return (
            f"{self.feature} cần gói {self.module}, chưa được cài đặt: "
            f"pip install 'antq-domain[{self.extra}]'"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.feature, self.module, self.extra))


class FileError(_DescribedError, AntqError, OSError):
    """A file could not be read or written (missing, a directory, no permission, disk full).

    Wraps the operating system's `OSError` so that every error of the
    library is an [`AntqError`][antq_domain.AntqError]; it is still an ``OSError``. The
    original error is the ``__cause__``.

    Attributes:
        field: what the path was given as (``path``, ``output``).
        value: the path, as text.
        expected: what went wrong, in words.

    Example:
        >>> from antq_domain.errors import FileError
        >>> err = FileError("path", "r.json", "a readable file (No such file or directory)")
        >>> print(err)
        path='r.json': expected a readable file (No such file or directory)
        >>> isinstance(err, OSError)
        True
    """
