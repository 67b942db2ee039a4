"""Vietnamese figures: read and write numbers as reports print them.

The ambiguity rule. In Vietnamese text "." groups thousands and "," marks
decimals (``1.250.000``; ``13,85 kg``; ``99,1%``):

* ``"1.160"`` is one thousand one hundred and sixty, never 1.16. A "." is accepted only as a
  thousands separator: every "." must be followed by exactly three digits and the first group has
  one to three digits, not starting with 0. Anything else (``"1.16"``, ``"1.1600"``, ``"1..2"``,
  ``"0.160"``) is a [`ParseError`][antq_domain.ParseError], because whichever way we read it,
  we would be guessing.
* A "," is always a decimal mark: ``"13,85"`` is ``Decimal("13.85")``. ``"1,160"`` (a comma followed
  by exactly three digits, no ".") is the one shape an English-style writer would mean as 1160.
  Under the Vietnamese rule it is ``Decimal("1.160")`` and that is the default, because the library
  reads Vietnamese reports and because [`format_number`][antq_domain.values.numbers.format_number]
  writes exactly that shape for such decimals (so formatting then parsing is the identity). Callers
  reading text of mixed or unknown origin pass ``strict=True``, which refuses that shape instead of
  guessing.
* Zero-padded counts (``"02 linh kiện"``) are plain integers: ``"02"`` is 2.
* A leading qualifier word sets the [`Qualifier`][antq_domain.Qualifier]:
  ``hơn``/``trên`` (more than) -> ``more_than``; ``ít nhất``/``tối thiểu`` (at least) ->
  ``at_least``; ``gần``/``dưới`` (nearly, under: less than) -> ``less_than``;
  ``không quá``/``tối đa`` (at most) -> ``at_most``; ``khoảng`` (about) -> ``approximately``.
  Vague amounts such as ``"hàng nghìn"`` ("thousands of") are not figures and are refused.
* A trailing scale word multiplies: ``nghìn``/``ngàn`` (10³), ``triệu``
  (10⁶), ``tỷ``/``tỉ`` (10⁹); ``"2,5 triệu"`` is 2500000.
* ``"85/85"`` is two figures, read with
  [`parse_fraction`][antq_domain.values.numbers.parse_fraction].

The number grammar, shared by every parser of the library (values, tidy
rows, periods, document numbers, extraction):

* **Digits** are the ASCII digits ``0``-``9`` only. Digits of other scripts (``"١٢٣"``, fullwidth
  ``"１２３"``) are refused with a [`ParseError`][antq_domain.ParseError]: Vietnamese reports
  never use them, and reading them would make ``"１２３"`` equal to ``"123"`` in one parser
  and not in another.
* **Thousands** are grouped with ``"."`` or with a space; a no-break space
  (U+00A0), a narrow no-break space (U+202F) and a thin space (U+2009) count
  as a space. ``"1 160"`` and ``"1.160"`` are both 1160. One figure uses one
  separator: ``"1.160 000"`` is refused.
* **Invisible characters** (zero-width space U+200B, zero-width non-joiner
  U+200C and joiner U+200D, word joiner U+2060, byte-order mark U+FEFF, soft
  hyphen U+00AD) are removed before reading: they cannot be seen, so the
  figure read is the figure a reader of the page sees (``"1.\u200b160"`` is
  1160, never 1 and 160).
* **Size**: a written figure is at most [`MAX_NUMBER_CHARS`][antq_domain.limits.MAX_NUMBER_CHARS]
  characters and its value within [`MAX_INTEGER_DIGITS`][antq_domain.limits.MAX_INTEGER_DIGITS] and
  [`MAX_FRACTION_DIGITS`][antq_domain.limits.MAX_FRACTION_DIGITS]; more raises
  [`LimitError`][antq_domain.LimitError]. There is no exponent notation.

Values are exact: ``int`` when the figure has no decimal part, otherwise
``Decimal`` keeping the digits as written (``"13,50"`` is
``Decimal("13.50")``); with a scale word, an ``int`` when the product is
whole (``"2,50 triệu"`` is 2500000). Negative figures do not occur in reports and are
refused.

Example:
    >>> from antq_domain.values.numbers import parse_number, parse_fraction
    >>> parse_number("hơn 145.410")
    ParsedNumber('hơn 145.410')
    >>> parse_number("13,85").value
    Decimal('13.85')
    >>> parse_fraction("1.376/1.376")
    (1376, 1376)
    >>> parse_number("1.16")
    Traceback (most recent call last):
    ...
    antq_domain.errors.ParseError: number='1.16': expected ...
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

import attrs

from antq_domain.errors import AntqTypeError, InvariantError, LimitError, ParseError
from antq_domain.limits import MAX_NUMBER_CHARS, check_amount_digits, exact_decimal
from antq_domain.values._checks import code_of
from antq_domain.values._format import format_amount
from antq_domain.values.label import Lang
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import QUALIFIER_WORDS_VI, Qualifier, Unit

__all__ = [
    "INVISIBLE",
    "ParsedNumber",
    "format_number",
    "parse_fraction",
    "parse_number",
    "strip_invisible",
    "to_quantity",
]

_QUALIFIER_WORDS: dict[str, Qualifier] = QUALIFIER_WORDS_VI
_SCALE_WORDS: dict[str, int] = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""The invisible characters the number grammar removes before reading a figure."""

_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE)
# the text has its spaces collapsed to single " " before these run (see _text)
_PHRASE = re.compile(
    r"(?:(?P<qualifier>hơn|trên|ít nhất|tối thiểu|gần|dưới|không quá|tối đa|khoảng) )?"
    r"(?P<body>[^ ].*?)"
    r"(?: (?P<scale>nghìn|ngàn|triệu|tỷ|tỉ))?",
    re.IGNORECASE,
)
_WHOLE = re.compile(r"[0-9]+|[1-9][0-9]{0,2}(?:\.[0-9]{3})+|[1-9][0-9]{0,2}(?: [0-9]{3})+")
_BODY = re.compile(r"(?P<whole>" + _WHOLE.pattern + r")(?:,(?P<frac>[0-9]+))?")
_AMBIGUOUS = re.compile(r"[0-9]{1,3},[0-9]{3}")
_NUMERIC_SHAPE = re.compile(r"[0-9., ]+")

_EXPECTED = "a Vietnamese figure such as '145.410', '13,85', 'hơn 1.160' or '2,5 triệu'"
_GROUPING = (
    "'.' or a space only as a thousands separator followed by exactly three digits, "
    "one separator per figure ('1.160' and '1 160' are 1160; a decimal is written "
    "with ',': '1,16')"
)
_EXPECTED_VI = "một con số viết kiểu Việt Nam như '145.410', '13,85', 'hơn 1.160' hoặc '2,5 triệu'"
_GROUPING_VI = (
    "'.' hoặc dấu cách chỉ dùng để tách hàng nghìn, theo sau đúng ba chữ số, cùng một dấu "
    "tách trong một con số ('1.160' và '1 160' là 1160; phần thập phân viết sau dấu ',': '1,16')"
)


def _exact(field: str, value: object) -> int | Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise AntqTypeError(
            field,
            value,
            "an int or a decimal.Decimal (never a float)",
            expected_vi="một số nguyên hoặc decimal.Decimal (không bao giờ là float)",
        )
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvariantError(field, value, "a finite number", expected_vi="một số hữu hạn")
        if value.as_tuple().exponent >= 0:  # type: ignore[operator]  # finite: an int
            value = int(value)
    if value < 0:
        raise InvariantError(field, value, "a non-negative number", expected_vi="một số không âm")
    return value


def _to_qualifier(value: object) -> Qualifier:
    return code_of("qualifier", value, Qualifier, "a Qualifier or a qualifier code")


def _value(value: object) -> int | Decimal:
    return _exact("number", value)


@attrs.frozen(repr=False)
class ParsedNumber:
    """A figure read from Vietnamese text: an exact value and its qualifier.

    A value: equal when value and qualifier are equal. The value is an ``int`` when the figure has
    no decimal part (a ``Decimal`` such as ``Decimal("5")`` becomes ``5``), otherwise a ``Decimal``
    with the digits as written. ``str`` gives the Vietnamese spelling and
    [`parse_number`][antq_domain.parse_number] reads it back: ``parse_number(str(p))

    Args:
        value: the non-negative figure (``int`` or ``Decimal``, never float).
        qualifier: how exact it is; ``exact`` by default.

    Example:
        >>> from decimal import Decimal
        >>> from antq_domain.values.numbers import ParsedNumber, parse_number
        >>> p = ParsedNumber(145410, "more_than")
        >>> str(p)
        'hơn 145.410'
        >>> parse_number(str(p)) == p
        True
        >>> ParsedNumber(Decimal("13.85")).format("en")
        '13.85'
        >>> ParsedNumber(-1)
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: number=-1: expected a non-negative number
    """

    value: int | Decimal = attrs.field(converter=_value)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=_to_qualifier)

    def format(self, lang: Lang = "vi") -> str:
        """The figure in ``lang``: qualifier word, then grouped digits.

        Example:
            >>> from antq_domain.values.numbers import ParsedNumber
            >>> ParsedNumber(124000, "less_than").format("en")
            'less than 124,000'
        """
        return format_number(self.value, lang, qualifier=self.qualifier)

    def __str__(self) -> str:
        return self.format("vi")

    def __repr__(self) -> str:
        return f"ParsedNumber({str(self)!r})"


def strip_invisible(text: str) -> str:
    """``text`` without the invisible characters of `INVISIBLE`.

    Example:
        >>> from antq_domain.values.numbers import strip_invisible
        >>> strip_invisible("1.\u200b160")
        '1.160'
    """
    return text.translate(_DROP_INVISIBLE)


def _text(field: str, text: object) -> str:
    if not isinstance(text, str):
        raise AntqTypeError(field, text, "a str", expected_vi="một chuỗi")
    if len(text) > 4 * MAX_NUMBER_CHARS:  # before any work on it
        raise LimitError(
            field,
            text,
            f"a figure of at most {MAX_NUMBER_CHARS} characters",
            expected_vi=f"một con số dài nhiều nhất {MAX_NUMBER_CHARS} ký tự",
        )
    clean = " ".join(unicodedata.normalize("NFC", strip_invisible(text)).split())
    if len(clean) > MAX_NUMBER_CHARS:
        raise LimitError(
            field,
            text,
            f"a figure of at most {MAX_NUMBER_CHARS} characters",
            expected_vi=f"một con số dài nhiều nhất {MAX_NUMBER_CHARS} ký tự",
        )
    for char in clean:
        if char.isdigit() and not char.isascii():
            raise ParseError(
                field,
                text,
                f"ASCII digits 0-9 (found {char!r}, {unicodedata.name(char, '?')})",
                expected_vi=f"các chữ số ASCII 0-9 (có {char!r}, {unicodedata.name(char, '?')})",
            )
    return clean


def _body(field: str, original: str, body: str, *, strict: bool) -> int | Decimal:
    if body.startswith(("-", "−")):
        raise ParseError(
            field,
            original,
            "a non-negative figure (reports have no negatives)",
            expected_vi="một con số không âm (báo cáo không có số âm)",
        )
    if "/" in body:
        raise ParseError(
            field,
            original,
            "a single figure; read 'a/b' with parse_fraction",
            expected_vi="một con số duy nhất; đọc 'a/b' bằng parse_fraction",
        )
    match = _BODY.fullmatch(body)
    if match is None:
        if _NUMERIC_SHAPE.fullmatch(body) and ("." in body or " " in body):
            raise ParseError(field, original, _GROUPING, expected_vi=_GROUPING_VI)
        raise ParseError(field, original, _EXPECTED, expected_vi=_EXPECTED_VI)
    if strict and _AMBIGUOUS.fullmatch(body):
        raise ParseError(
            field,
            original,
            "an unambiguous figure: a ',' followed by three digits is a decimal in "
            "Vietnamese but a thousands separator in English (strict mode refuses it)",
            expected_vi="một con số không mập mờ: dấu ',' theo sau ba chữ số là dấu thập phân "
            "trong tiếng Việt nhưng là dấu tách hàng nghìn trong tiếng Anh (chế độ strict từ chối)",
        )
    whole = match["whole"].replace(".", "").replace(" ", "")
    value: int | Decimal = (
        int(whole) if match["frac"] is None else Decimal(f"{whole}.{match['frac']}")
    )
    check_amount_digits(field, value)
    return value


def parse_number(text: str, *, field: str = "number", strict: bool = False) -> ParsedNumber:
    """Read a Vietnamese figure with its qualifier and scale word.

    See the module docstring for the ambiguity rule.

    Args:
        text: the figure as printed, e.g. ``"hơn 145.410"`` (NFC or NFD).
        field: the name put in a [`ParseError`][antq_domain.ParseError].
        strict: refuse ``"1,160"`` (a comma followed by exactly three
            digits), which an English-style writer would mean as 1160.

    Raises:
        ParseError: the text is not one non-negative Vietnamese figure.
        AntqTypeError: ``text`` is not a ``str``.

    Example:
        >>> from antq_domain.values.numbers import parse_number
        >>> parse_number("1.160").value, parse_number("02").value
        (1160, 2)
        >>> parse_number("2,5 triệu").value, parse_number("Trên 1 nghìn")
        (2500000, ParsedNumber('hơn 1.000'))
        >>> parse_number("1,160").value
        Decimal('1.160')
        >>> parse_number("1,160", strict=True)
        Traceback (most recent call last):
        ...
        antq_domain.errors.ParseError: number='1,160': expected an unambiguous figure: ...
        >>> parse_number("abc", field="participants")
        Traceback (most recent call last):
        ...
        antq_domain.errors.ParseError: participants='abc': expected a Vietnamese figure ...
    """
    clean = _text(field, text)
    if clean.casefold().startswith("hàng "):
        raise ParseError(
            field,
            text,
            "a figure; 'hàng ...' ('thousands of') is not one",
            expected_vi="một con số; 'hàng ...' không phải là con số",
        )
    match = _PHRASE.fullmatch(clean)
    if match is None:
        raise ParseError(field, text, _EXPECTED, expected_vi=_EXPECTED_VI)
    value = _body(field, text, match["body"], strict=strict)
    qualifier = Qualifier.EXACT
    if match["qualifier"] is not None:
        qualifier = _QUALIFIER_WORDS[match["qualifier"].casefold()]
    if match["scale"] is not None:
        with exact_decimal(field):
            value = Decimal(value).scaleb(_SCALE_WORDS[match["scale"].casefold()])
            if value == value.to_integral_value():
                value = int(value)
        check_amount_digits(field, value)
    return ParsedNumber(value, qualifier)


def parse_fraction(text: str, *, field: str = "fraction") -> tuple[int, int]:
    """Read "achieved/total" such as ``"70/85"`` or ``"1.376/1.376"``.

    Both sides are whole Vietnamese figures ("." groups thousands); spaces around "/" are allowed.
    Only the reading happens here: the rule ``0 <= part <= whole`` belongs to
    [`Ratio`][antq_domain.Ratio].

    Raises:
        ParseError: not two whole figures separated by one "/".

    Example:
        >>> from antq_domain.values.numbers import parse_fraction
        >>> parse_fraction("85/85"), parse_fraction("1.042 / 1.165")
        ((85, 85), (1042, 1165))
        >>> parse_fraction("1,5/2")
        Traceback (most recent call last):
        ...
        antq_domain.errors.ParseError: fraction='1,5/2': expected two whole figures ...
    """
    clean = _text(field, text)
    parts = [p.strip() for p in clean.split("/")]
    if len(parts) != 2 or not all(_WHOLE.fullmatch(p) for p in parts):
        raise ParseError(
            field,
            text,
            "two whole figures separated by '/', e.g. '70/85' or '1.376/1.376'",
            expected_vi="hai số nguyên cách nhau bởi '/', ví dụ '70/85' hoặc '1.376/1.376'",
        )
    whole = [int(p.replace(".", "").replace(" ", "")) for p in parts]
    for part in whole:
        check_amount_digits(field, part)
    return whole[0], whole[1]


def to_quantity(parsed: ParsedNumber, unit: Unit | str) -> Quantity:
    """The [`Quantity`][antq_domain.Quantity] of ``parsed`` in ``unit``.

    Raises:
        InvariantError: a figure with decimals for a unit that counts whole
            things (``"13,85"`` people).
        UnknownCodeError: ``unit`` is not a unit code.

    Example:
        >>> from antq_domain.values.numbers import parse_number, to_quantity
        >>> to_quantity(parse_number("hơn 145.410"), "participation")
        Quantity('>145410 participation')
        >>> to_quantity(parse_number("13,85"), "person")
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: number=Decimal('13.85'): expected a whole number:...
    """
    unit = unit if isinstance(unit, Unit) else Unit.parse(unit)
    value = parsed.value
    if isinstance(value, Decimal) and not unit.is_decimal and value != value.to_integral_value():
        raise InvariantError(
            "number",
            value,
            f"a whole number: {unit.value!r} counts whole things",
            expected_vi=f"một số nguyên: đơn vị {unit.value!r} đếm theo số nguyên",
        )
    return Quantity(value, unit, parsed.qualifier)


def format_number(
    value: int | Decimal, lang: Lang = "vi", *, qualifier: Qualifier = Qualifier.EXACT
) -> str:
    """Write a figure the way reports in ``lang`` print it (inverse of `parse_number`).

    Vietnamese groups thousands with "." and marks decimals with ","; English
    the other way round. The qualifier word comes first ("hơn", "more than").

    Raises:
        AntqTypeError: a float or other inexact value.
        InvariantError: a negative or non-finite value.

    Example:
        >>> from decimal import Decimal
        >>> from antq_domain.values.numbers import format_number
        >>> from antq_domain.values.unit import Qualifier
        >>> format_number(145410), format_number(Decimal("13.85"), "vi")
        ('145.410', '13,85')
        >>> format_number(300, "vi", qualifier=Qualifier.APPROXIMATELY)
        'khoảng 300'
    """
    exact = _exact("number", value)
    digits = format_amount(exact, lang)
    word = qualifier.word(lang)
    return f"{word} {digits}" if word else digits
