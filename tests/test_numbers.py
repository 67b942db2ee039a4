"""Tests for antq_domain.values.numbers: Vietnamese figures."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq_domain.errors import AntqTypeError, InvariantError, ParseError, UnknownCodeError
from antq_domain.values.numbers import (
    ParsedNumber,
    format_number,
    parse_fraction,
    parse_number,
    to_quantity,
)
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier, Unit

EXACT = Qualifier.EXACT
AT_LEAST = Qualifier.AT_LEAST
AT_MOST = Qualifier.AT_MOST
MORE_THAN = Qualifier.MORE_THAN
LESS_THAN = Qualifier.LESS_THAN
ABOUT = Qualifier.APPROXIMATELY


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("1.160", 1160, EXACT),  # "." groups thousands, never a decimal
        ("145.410", 145410, EXACT),
        ("1.250.000", 1250000, EXACT),  # several groups
        ("02", 2, EXACT),  # zero-padded count
        ("0", 0, EXACT),
        ("13,85", Decimal("13.85"), EXACT),  # "," is the decimal mark
        ("13,50", Decimal("13.50"), EXACT),  # digits kept as written
        ("1.234,5", Decimal("1234.5"), EXACT),  # both marks
        ("1,160", Decimal("1.160"), EXACT),  # the ambiguous shape: Vietnamese reading
        ("1 nghìn", 1000, EXACT),
        ("1 ngàn", 1000, EXACT),
        ("2,5 triệu", 2500000, EXACT),
        ("1,2 tỷ", 1200000000, EXACT),
        ("138 tỉ", 138000000000, EXACT),  # the tỉ spelling (seen in the corpus)
        ("1,2345 nghìn", Decimal("1234.5"), EXACT),  # scaled, still fractional
        ("hơn 145.410", 145410, MORE_THAN),
        ("trên 145.410", 145410, MORE_THAN),
        ("trên 1 nghìn", 1000, MORE_THAN),
        ("gần 124.000", 124000, LESS_THAN),
        ("dưới 124.000", 124000, LESS_THAN),
        ("ít nhất 145.410", 145410, AT_LEAST),
        ("tối thiểu 145.410", 145410, AT_LEAST),
        ("không quá 124.000", 124000, AT_MOST),
        ("tối đa 124.000", 124000, AT_MOST),
        ("khoảng 300", 300, ABOUT),
        ("Hơn 900", 900, MORE_THAN),  # sentence case
        ("  hơn   81.417 ", 81417, MORE_THAN),  # extra whitespace
        ("hơn\u00a0400", 400, MORE_THAN),  # non-breaking space
    ],
)
def test_parse_number_reads_vietnamese_figures(
    text: str, value: int | Decimal, qualifier: Qualifier
) -> None:
    parsed = parse_number(text)
    assert parsed.value == value
    assert type(parsed.value) is type(value)
    if isinstance(value, Decimal):
        assert isinstance(parsed.value, Decimal)
        assert parsed.value.as_tuple() == value.as_tuple()
    assert parsed.qualifier is qualifier


def test_parse_number_accepts_nfd_input() -> None:
    assert parse_number(unicodedata.normalize("NFD", "khoảng 2,5 triệu")) == ParsedNumber(
        2500000, ABOUT
    )


@pytest.mark.parametrize(
    "text",
    [
        "",  # empty
        "   ",  # blank
        "abc",  # no digits
        "1..2",  # empty group
        "1.2.3",  # groups of one digit
        "1.16",  # a "." that is not thousands grouping (English decimal)
        "1.1600",  # group of four digits
        "1234.567",  # first group longer than three digits
        "0.160",  # grouped number starting with 0
        ".160",  # no leading group
        "1.160.",  # trailing dot
        "1,",  # decimal mark without digits
        ",5",  # decimal without whole part
        "1,2,3",  # two decimal marks
        "1,234.5",  # English style with both marks
        "-5",  # negative
        "−5",  # negative with a minus sign
        "85/85",  # a fraction is two figures
        "hàng nghìn",  # "thousands of" is not a figure
        "hơn",  # qualifier without a figure
        "hơn gần 5",  # two qualifiers
        "5 triệu nghìn",  # two scale words
        "5 người",  # a counter word is not part of the figure
        "145 41",  # space grouping needs groups of three digits
        "1.160 000",  # one separator per figure
        "\u0661\u0662\u0663",  # Arabic-Indic digits: ASCII digits only
        "12%",  # a percentage
        "1e3",  # exponent notation
        "½",  # a Unicode vulgar fraction
    ],
)
def test_parse_number_refuses_garbage(text: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_number(text)
    assert info.value.field == "number"
    assert info.value.value == text


def test_parse_number_names_the_callers_field() -> None:
    with pytest.raises(ParseError) as info:
        parse_number("1.16", field="participants")
    assert info.value.field == "participants"
    assert "thousands separator" in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "1,160",  # comma then exactly three digits
        "hơn 12,949",  # also after a qualifier
        "1,160 nghìn",  # and before a scale word
    ],
)
def test_strict_refuses_the_english_looking_shape(text: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_number(text, strict=True)
    assert info.value.field == "number"
    assert "ambiguous" in str(info.value)


@pytest.mark.parametrize("text", ["13,85", "1.160", "1.160,5", "1,1600", "12,9"])
def test_strict_accepts_unambiguous_shapes(text: str) -> None:
    assert parse_number(text, strict=True) == parse_number(text)


@pytest.mark.parametrize("bad", [None, 5, 1.5, b"12"])
def test_parse_number_refuses_non_text(bad: object) -> None:
    with pytest.raises(AntqTypeError) as info:
        parse_number(bad)  # type: ignore[arg-type]
    assert info.value.field == "number"


# -- ParsedNumber ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "error", "field"),
    [
        (-1, InvariantError, "number"),  # negative
        (Decimal("-0.5"), InvariantError, "number"),  # negative decimal
        (Decimal("NaN"), InvariantError, "number"),  # not finite
        (Decimal("Infinity"), InvariantError, "number"),  # not finite
        (1.5, AntqTypeError, "number"),  # float
        (True, AntqTypeError, "number"),  # bool is not a figure
        ("12", AntqTypeError, "number"),  # text
    ],
)
def test_parsed_number_refuses_bad_values(
    value: object, error: type[Exception], field: str
) -> None:
    with pytest.raises(error) as info:
        ParsedNumber(value)
    assert getattr(info.value, "field", None) == field


def test_parsed_number_makes_whole_decimals_ints() -> None:
    assert type(ParsedNumber(Decimal("5")).value) is int
    assert type(ParsedNumber(Decimal("5E+2")).value) is int
    assert ParsedNumber(Decimal("5E+2")).value == 500
    assert type(ParsedNumber(Decimal("5.0")).value) is Decimal  # written with a decimal


def test_parsed_number_repr_and_str() -> None:
    p = ParsedNumber(145410, "more_than")
    assert repr(p) == "ParsedNumber('hơn 145.410')"
    assert str(p) == "hơn 145.410"
    assert p.format("en") == "more than 145,410"


def test_parsed_number_unknown_qualifier() -> None:
    with pytest.raises(UnknownCodeError) as info:
        ParsedNumber(1, "roughly")
    assert info.value.field == "qualifier"


# -- fractions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("85/85", (85, 85)),
        ("70/85", (70, 85)),
        ("1.376/1.376", (1376, 1376)),  # grouping on both sides
        ("1.042 / 1.165", (1042, 1165)),  # spaces around "/"
        ("0/0", (0, 0)),  # reading only; Ratio decides what 0/0 means
        ("05/12", (5, 12)),  # zero padding
    ],
)
def test_parse_fraction_reads_two_figures(text: str, expected: tuple[int, int]) -> None:
    assert parse_fraction(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",  # empty
        "85",  # one figure
        "85/",  # missing denominator
        "/85",  # missing numerator
        "1/2/3",  # three figures
        "1,5/2",  # decimals
        "1.16/2",  # bad grouping
        "a/b",  # not digits
        "hơn 5/6",  # qualifier
        "-1/2",  # negative
    ],
)
def test_parse_fraction_refuses_garbage(text: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_fraction(text)
    assert info.value.field == "fraction"


# -- quantities and formatting -----------------------------------------------------


def test_to_quantity_keeps_value_and_qualifier() -> None:
    assert to_quantity(parse_number("hơn 145.410"), Unit.PARTICIPATION) == Quantity(
        145410, Unit.PARTICIPATION, MORE_THAN
    )
    assert to_quantity(parse_number("13,85"), "kilogram").amount == Decimal("13.85")
    assert to_quantity(parse_number("13,0"), "person").amount == 13  # whole, so accepted


def test_to_quantity_refuses_a_decimal_for_a_count() -> None:
    with pytest.raises(InvariantError) as info:
        to_quantity(parse_number("13,85"), Unit.PERSON)
    assert info.value.field == "number"
    assert "'person' counts whole things" in str(info.value)


def test_to_quantity_refuses_unknown_unit() -> None:
    with pytest.raises(UnknownCodeError):
        to_quantity(parse_number("5"), "bottle")


@pytest.mark.parametrize(
    ("value", "lang", "qualifier", "expected"),
    [
        (145410, "vi", EXACT, "145.410"),
        (145410, "en", EXACT, "145,410"),
        (Decimal("13.85"), "vi", EXACT, "13,85"),
        (Decimal("1234.5"), "en", LESS_THAN, "less than 1,234.5"),
        (Decimal("1234.5"), "en", AT_MOST, "at most 1,234.5"),
        (7, "vi", AT_LEAST, "ít nhất 7"),
        (300, "vi", ABOUT, "khoảng 300"),
        (0, "vi", MORE_THAN, "hơn 0"),
    ],
)
def test_format_number(
    value: int | Decimal, lang: str, qualifier: Qualifier, expected: str
) -> None:
    assert format_number(value, lang, qualifier=qualifier) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (1.5, AntqTypeError),  # float
        (-3, InvariantError),  # negative
        (Decimal("NaN"), InvariantError),  # not finite
    ],
)
def test_format_number_refuses_bad_values(value: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        format_number(value)  # type: ignore[arg-type]
    assert getattr(info.value, "field", None) == "number"


# -- properties ---------------------------------------------------------------------

ints = st.integers(min_value=0, max_value=10**15)


def _has_fraction_digits(value: Decimal) -> bool:
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent < 0


fractional: st.SearchStrategy[Decimal] = st.decimals(
    min_value=0, max_value=10**12, places=4, allow_nan=False, allow_infinity=False
).filter(_has_fraction_digits)
qualifier_st = st.sampled_from(list(Qualifier))


class TestFormatThenParseIsIdentity:
    """parse_number(format_number(x, "vi", qualifier=q)) == ParsedNumber(x, q)."""

    @given(ints, qualifier_st)
    def test_ints(self, value: int, qualifier: Qualifier) -> None:
        parsed = parse_number(format_number(value, "vi", qualifier=qualifier))
        assert parsed == ParsedNumber(value, qualifier)
        assert type(parsed.value) is int

    @given(fractional, qualifier_st)
    def test_decimals_keep_their_digits(self, value: Decimal, qualifier: Qualifier) -> None:
        parsed = parse_number(format_number(value, "vi", qualifier=qualifier))
        assert isinstance(parsed.value, Decimal)
        assert parsed.value.as_tuple() == value.as_tuple()
        assert parsed.qualifier is qualifier

    @given(st.one_of(ints, fractional), qualifier_st)
    def test_str_of_parsed_number(self, value: int | Decimal, qualifier: Qualifier) -> None:
        p = ParsedNumber(value, qualifier)
        assert parse_number(str(p)) == p


class TestQualifierWords:
    """hơn/trên -> more_than, ít nhất/tối thiểu -> at_least, gần/dưới -> less_than,
    không quá/tối đa -> at_most, khoảng -> approximately, in any case."""

    WORDS: ClassVar[dict[str, Qualifier]] = {
        "hơn": MORE_THAN,
        "trên": MORE_THAN,
        "ít nhất": AT_LEAST,
        "tối thiểu": AT_LEAST,
        "gần": LESS_THAN,
        "dưới": LESS_THAN,
        "không quá": AT_MOST,
        "tối đa": AT_MOST,
        "khoảng": ABOUT,
    }

    @given(st.sampled_from(sorted(WORDS)), ints, st.sampled_from([str.lower, str.upper, str.title]))
    def test_word_maps_to_qualifier(self, word: str, value: int, case: object) -> None:
        text = f"{case(word)} {format_number(value)}"  # type: ignore[operator]
        assert parse_number(text) == ParsedNumber(value, self.WORDS[word])

    @given(ints)
    def test_no_word_is_exact(self, value: int) -> None:
        assert parse_number(format_number(value)).qualifier is EXACT


class TestDotGroupsThousandsOnly:
    """A single "." is accepted exactly when it separates the last three digits."""

    @given(st.integers(min_value=10, max_value=10**7), st.data())
    def test_single_dot(self, value: int, data: st.DataObject) -> None:
        digits = str(value)
        at = data.draw(st.integers(min_value=1, max_value=len(digits) - 1))
        text = digits[:at] + "." + digits[at:]
        groups_thousands = len(digits) - at == 3 and at <= 3
        if groups_thousands:
            assert parse_number(text).value == value
        else:
            with pytest.raises(ParseError) as info:
                parse_number(text)
            assert info.value.field == "number"


class TestScaleWordsMultiply:
    """'x nghìn/triệu/tỷ' is x times 10**3, 10**6, 10**9, exactly."""

    SCALES: ClassVar[dict[str, int]] = {
        "nghìn": 10**3,
        "ngàn": 10**3,
        "triệu": 10**6,
        "tỷ": 10**9,
        "tỉ": 10**9,
    }

    @given(st.sampled_from(sorted(SCALES)), st.one_of(ints, fractional))
    def test_scale(self, word: str, value: int | Decimal) -> None:
        parsed = parse_number(f"{format_number(value)} {word}")
        assert parsed.value == value * self.SCALES[word]
        whole = isinstance(parsed.value, int)
        assert whole == (Decimal(value) * self.SCALES[word] % 1 == 0)


class TestFractionRoundTrip:
    """parse_fraction of two formatted whole figures gives them back."""

    @given(ints, ints)
    def test_round_trip(self, a: int, b: int) -> None:
        assert parse_fraction(f"{format_number(a)}/{format_number(b)}") == (a, b)
