"""The resource budget: every limit the library's readers enforce, by name.

A small input must never cost a large amount of memory or time, and an input the library cannot hold
exactly must be refused, not rounded. Each limit below is checked where text or numbers enter the
library (the file readers, the JSON wire form,
[`parse_number`][antq_domain.parse_number], the constructors of
[`Quantity`][antq_domain.Quantity] and
[`Observation`][antq_domain.Observation]); going over it raises
[`LimitError`][antq_domain.LimitError] (an [`AntqError`][antq_domain.AntqError])
naming the field, the start of the value and the limit.

| limit | value | what it bounds |
|---|---|---|
| ``MAX_INTEGER_DIGITS`` | 30 | digits before the decimal mark of an amount |
| ``MAX_FRACTION_DIGITS`` | 12 | digits after the decimal mark of an amount |
| ``MAX_NUMBER_CHARS`` | 64 | characters of one written figure (separators, qualifier words) |
| ``MAX_FIELD_CHARS`` | 100 000 | an observation's text, a CSV cell, a JSON Lines string |
| ``MAX_NESTING`` | 64 | nesting of arrays and objects in a JSON file or JSON Lines row |
| ``DECIMAL_PRECISION`` | 84 | significant digits of the decimal context of every operation |

Decimals written with an exponent (``1e9``) are not figures: the wire forms
(CSV, JSON Lines, report JSON) accept digits with an optional ``.`` decimal
part only, so ``1e999999`` can never be expanded into a million digits.

Decimal arithmetic never follows the caller's `decimal` context: the library runs it in
[`decimal_context`][antq_domain.limits.decimal_context] (precision ``DECIMAL_PRECISION``,
``Inexact`` trapped), so a result that would need rounding raises instead of being rounded silently.

Example:
    >>> from decimal import Decimal
    >>> from antq_domain.limits import MAX_INTEGER_DIGITS, check_amount_digits
    >>> check_amount_digits("value", Decimal("13.85"))
    >>> check_amount_digits("value", 10**MAX_INTEGER_DIGITS)
    Traceback (most recent call last):
    ...
    antq_domain.errors.LimitError: value='1000000000000000000000000000000': expected at most 30 ...
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DecimalException,
    DivisionByZero,
    Inexact,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import Final

from antq_domain.errors import LimitError, Message, ParseError

__all__ = [
    "DECIMAL_PRECISION",
    "MAX_FIELD_CHARS",
    "MAX_FRACTION_DIGITS",
    "MAX_INTEGER_DIGITS",
    "MAX_NESTING",
    "MAX_NUMBER_CHARS",
    "check_amount_digits",
    "check_nesting",
    "check_text",
    "decimal_context",
    "exact_decimal",
]

MAX_INTEGER_DIGITS: Final = 30
"""Digits before the decimal mark of any amount (counts, kilograms, money)."""

MAX_FRACTION_DIGITS: Final = 12
"""Digits after the decimal mark of any amount."""

MAX_NUMBER_CHARS: Final = 64
"""Characters of one written figure, separators and qualifier words included."""

MAX_FIELD_CHARS: Final = 100_000
"""Characters of one text of an observation (place, source, quote, withheld reason), one CSV
cell and one string of a JSON Lines row. A report's own texts (its title, narratives) are not
bounded: they never become CSV cells. Below the `csv` module's default field limit (131 072), so
every cell the library writes its reader takes back."""

MAX_NESTING: Final = 64
"""Nesting of arrays and objects in a report file or a JSON Lines row."""

DECIMAL_PRECISION: Final = 2 * (MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS)
"""Significant digits of the library's decimal context (room for any exact sum
or product of two amounts within the limits)."""


def decimal_context() -> Context:
    """A fresh copy of the decimal context every library operation runs in.

    Precision [`DECIMAL_PRECISION`][antq_domain.limits.DECIMAL_PRECISION], half-even rounding (never
    used: an inexact result raises), and ``Inexact``, ``InvalidOperation``, ``DivisionByZero`` and
    ``Overflow`` trapped.

    Example:
        >>> from decimal import Inexact
        >>> from antq_domain.limits import decimal_context
        >>> ctx = decimal_context()
        >>> ctx.prec, bool(ctx.traps[Inexact])
        (84, True)
    """
    return Context(
        prec=DECIMAL_PRECISION,
        rounding=ROUND_HALF_EVEN,
        Emin=-999_999,
        Emax=999_999,
        traps=[Inexact, InvalidOperation, DivisionByZero, Overflow],
    )


@contextmanager
def exact_decimal(field: str = "amount") -> Iterator[Context]:
    """Run a block in `decimal_context`; a lost digit raises `LimitError`.

    The caller's own context is untouched and never consulted.

    Example:
        >>> import decimal
        >>> from decimal import Decimal
        >>> from antq_domain.limits import exact_decimal
        >>> with decimal.localcontext(prec=3):
        ...     with exact_decimal():
        ...         Decimal("123.45") + Decimal("1.01")
        Decimal('124.46')
        >>> with exact_decimal("total"):
        ...     Decimal(1) / Decimal(3)
        Traceback (most recent call last):
        ...
        antq_domain.errors.LimitError: total='an inexact decimal result': expected ...
    """
    try:
        with localcontext(decimal_context()) as ctx:
            yield ctx
    except DecimalException:
        raise LimitError(
            field,
            Message("an inexact decimal result", "một kết quả thập phân không chính xác"),
            f"an exact result within {DECIMAL_PRECISION} significant digits",
            expected_vi=f"một kết quả chính xác trong {DECIMAL_PRECISION} chữ số có nghĩa",
        ) from None


def _shown(value: int | Decimal) -> str | Message:
    if isinstance(value, int):
        digits = len(str(abs(value))) if value.bit_length() < 4000 else None
        if digits is None:
            about = int(value.bit_length() * 0.30103) + 1
            return Message(
                f"<an integer of about {about} digits>", f"<một số nguyên khoảng {about} chữ số>"
            )
        if digits > 40:
            return Message(f"<an integer of {digits} digits>", f"<một số nguyên {digits} chữ số>")
        return str(value)
    return str(value)


def check_amount_digits(field: str, value: int | Decimal) -> None:
    """Refuse an amount with more digits than the budget allows.

    At most [`MAX_INTEGER_DIGITS`][antq_domain.limits.MAX_INTEGER_DIGITS] digits before the decimal
    mark and [`MAX_FRACTION_DIGITS`][antq_domain.limits.MAX_FRACTION_DIGITS] after it, so that
    writing the amount in plain digits stays small. Non-finite decimals are left to the caller.

    Raises:
        LimitError: too many digits on either side of the mark.

    Example:
        >>> from decimal import Decimal
        >>> from antq_domain.limits import check_amount_digits
        >>> check_amount_digits("value", Decimal("1E+999999"))
        Traceback (most recent call last):
        ...
        antq_domain.errors.LimitError: value='1E+999999': expected at most 30 digits ...
    """
    if isinstance(value, int):
        if -(10**MAX_INTEGER_DIGITS) < value < 10**MAX_INTEGER_DIGITS:
            return
        raise LimitError(field, _shown(value), _BEFORE, expected_vi=_BEFORE_VI)
    if not value.is_finite():
        return
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # noqa: S101 - finite
    if value and value.adjusted() >= MAX_INTEGER_DIGITS:
        raise LimitError(field, _shown(value), _BEFORE, expected_vi=_BEFORE_VI)
    if exponent < -MAX_FRACTION_DIGITS:
        raise LimitError(
            field,
            _shown(value),
            f"at most {MAX_FRACTION_DIGITS} digits after the decimal mark",
            expected_vi=f"nhiều nhất {MAX_FRACTION_DIGITS} chữ số sau dấu thập phân",
        )


_BEFORE = f"at most {MAX_INTEGER_DIGITS} digits before the decimal mark"
_BEFORE_VI = f"nhiều nhất {MAX_INTEGER_DIGITS} chữ số trước dấu thập phân"


_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(field: str, text: str) -> str:
    r"""Refuse a text field longer than `MAX_FIELD_CHARS` or not writable as UTF-8.

    A lone surrogate (``"\ud800"``) cannot be written to a UTF-8 file, so
    a text holding one is refused where it enters, not when it is saved.
    Returns the text.

    Example:
        >>> from antq_domain.limits import check_text
        >>> check_text("quote", "726 nguồn tin")
        '726 nguồn tin'
        >>> check_text("quote", "x" * 100_001)
        Traceback (most recent call last):
        ...
        antq_domain.errors.LimitError: quote='xxx...x... (100001 characters)': expected at most ...
    """
    if len(text) > MAX_FIELD_CHARS:
        raise LimitError(
            field,
            text,
            f"at most {MAX_FIELD_CHARS} characters",
            expected_vi=f"nhiều nhất {MAX_FIELD_CHARS} ký tự",
        )
    found = _SURROGATE.search(text)
    if found is not None:
        code = f"U+{ord(found.group()):04X}"
        raise ParseError(
            field,
            text[:40],
            f"text without lone surrogates ({code} found)",
            expected_vi=f"văn bản không có ký tự thay thế đơn lẻ (có {code})",
        )
    return text


_JSON_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?|[\[\]{}]', re.DOTALL)


def check_nesting(field: str, text: str) -> None:
    """Refuse JSON text nested deeper than `MAX_NESTING` (before parsing it).

    A linear scan that skips string literals; malformed JSON is left to the
    parser.

    Example:
        >>> from antq_domain.limits import check_nesting
        >>> check_nesting("row 1", '{"a": [1, "[[["]}')
        >>> check_nesting("row 1", "[" * 65)
        Traceback (most recent call last):
        ...
        antq_domain.errors.LimitError: row 1='a bracket at character 64 opening level 65': ...
    """
    depth = 0
    for match in _JSON_TOKEN.finditer(text):
        token = match.group()
        if token in ("[", "{"):
            depth += 1
            if depth > MAX_NESTING:
                where = match.start()
                raise LimitError(
                    field,
                    Message(
                        f"a bracket at character {where} opening level {depth}",
                        f"dấu ngoặc ở ký tự {where} mở cấp {depth}",
                    ),
                    f"JSON nested at most {MAX_NESTING} deep",
                    expected_vi=f"JSON lồng nhau không quá {MAX_NESTING} cấp",
                )
        elif token in ("]", "}"):
            depth -= 1
