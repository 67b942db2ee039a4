"""The library's error hierarchy.

Every error the library raises on purpose derives from [`AntqError`][antq_domain.AntqError].
Concrete errors also inherit the builtin a caller expects, so a plain ``except ValueError`` (or
pydantic's own validation, which turns ``ValueError`` into a validation error) catches them too.

Messages follow one pattern: they name the field, show the offending value
with ``!r`` and say what was expected.

Example:
    >>> from antq_domain.errors import AntqError, ParseError
    >>> err = ParseError("period", "2023Q5", "a quarter between 1 and 4")
    >>> str(err)
    "period='2023Q5': expected a quarter between 1 and 4"
    >>> isinstance(err, ValueError) and isinstance(err, AntqError)
    True
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "AntqError",
    "AntqTypeError",
    "AntqValueError",
    "ConflictError",
    "FileError",
    "InvariantError",
    "LimitError",
    "MissingExtraError",
    "ParseError",
    "RecordError",
    "UnitMismatchError",
    "UnknownCodeError",
]


def _describe(field: str, value: Any, expected: str) -> str:
    return f"{field}={value!r}: expected {expected}"


class AntqError(Exception):
    """Base class of every error raised by ``antq_domain``.

    Example:
        >>> from antq_domain.errors import AntqError, UnknownCodeError
        >>> issubclass(UnknownCodeError, AntqError)
        True
    """


class _DescribedError(Exception):
    """``field``, ``value`` and ``expected``, the message made of them, and pickling by them."""

    field: str
    value: Any
    expected: str

    def __init__(self, field: str, value: Any, expected: str) -> None:
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(_describe(field, value, expected))

    def __str__(self) -> str:
        # the message alone, whatever the builtin (KeyError would quote it)
        return _describe(self.field, self.value, self.expected)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.field, self.value, self.expected))


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

    def __init__(self, field: str, value: Any, expected: str) -> None:
        # shortened to well under _PREVIEW_OVER, so a pickled copy is shortened once only
        if isinstance(value, str) and len(value) > _PREVIEW_OVER:
            value = f"{value[:_PREVIEW]}... ({len(value)} characters)"
        super().__init__(field, value, expected)


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
        problems: one ``(location, message)`` pair per problem found, where
            the location is a dotted path such as ``observations.3.value``.

    Example:
        >>> from antq_domain.errors import RecordError
        >>> err = RecordError("MovementReport", [("period", "expected a period id")])
        >>> print(err)
        MovementReport: 1 problem
          period: expected a period id
        >>> err.problems
        [('period', 'expected a period id')]
    """

    def __init__(self, record: str, problems: list[tuple[str, str]]) -> None:
        self.record = record
        self.problems = list(problems)
        count = len(self.problems)
        lines = [f"{record}: {count} problem{'s' if count != 1 else ''}"]
        lines.extend(f"  {loc or '(record)'}: {msg}" for loc, msg in self.problems)
        super().__init__("\n".join(lines))

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.record, self.problems))


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
