"""Hostile input to the value types: resource budget, decimal context, number grammar.

Each test names the defect class of issue 15 it guards; each failed before
the change it accompanies (see /work/notes/r2-hostile.md for how that was checked).
"""

from __future__ import annotations

import decimal
import pickle
import threading
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq_domain.errors import AntqError, LimitError, ParseError
from antq_domain.limits import (
    DECIMAL_PRECISION,
    MAX_FIELD_CHARS,
    MAX_FRACTION_DIGITS,
    MAX_INTEGER_DIGITS,
    MAX_NESTING,
    MAX_NUMBER_CHARS,
    check_nesting,
    exact_decimal,
)
from antq_domain.values import Quantity, Ratio, round_half_up
from antq_domain.values.numbers import INVISIBLE, parse_fraction, parse_number
from antq_domain.values.period import Period


# -- exactness never depends on the caller's decimal context -------------------------
@pytest.mark.parametrize("prec", [1, 3, 28])
def test_sum_ignores_the_callers_precision(prec: int) -> None:
    with decimal.localcontext(prec=prec, rounding=decimal.ROUND_FLOOR):
        total = Quantity(Decimal("123.45"), "kilogram") + Quantity(Decimal("1.01"), "kilogram")
    assert total.amount == Decimal("124.46")


def test_sum_past_28_digits_is_exact() -> None:
    big = Decimal("1" * 29 + ".5")
    total = Quantity(big, "kilogram") + Quantity(Decimal("0.5"), "kilogram")
    assert total.amount == Decimal("1" * 28 + "2.0")


def test_sum_over_the_budget_is_refused_not_rounded() -> None:
    top = Decimal("9" * MAX_INTEGER_DIGITS)
    with pytest.raises(LimitError):
        Quantity(top, "kilogram") + Quantity(Decimal(1), "kilogram")


def test_exact_decimal_raises_instead_of_rounding() -> None:
    with (
        decimal.localcontext(decimal.Context(traps=[])),
        pytest.raises(LimitError),
        exact_decimal(),
    ):
        Decimal(1) / Decimal(3)


@pytest.mark.parametrize("value", [10**40, Decimal("1E+60"), Fraction(10**50, 3)])
def test_round_half_up_never_raises_invalid_operation(value: int | Decimal | Fraction) -> None:
    rounded = round_half_up(value, 2)
    assert rounded.as_tuple().exponent == -2
    assert abs(Fraction(rounded) - Fraction(value)) <= Fraction(1, 200)


def test_round_half_up_ignores_the_callers_context() -> None:
    with decimal.localcontext(prec=2):
        assert round_half_up(Fraction(123456, 1000), 1) == Decimal("123.5")


def test_ratio_format_of_large_parts() -> None:
    ratio = Ratio(Quantity(10**29, "tip"), Quantity(3, "tip"))
    assert ratio.format("en").startswith("3,333,333,333,333,333,333,333,333,333,333.3%")


@given(st.integers(0, 10**MAX_INTEGER_DIGITS - 1), st.integers(0, 10**6))
def test_round_half_up_is_exact_on_large_fractions(num: int, den: int) -> None:
    value = Fraction(num, den + 1)
    rounded = round_half_up(value, 3)
    assert abs(Fraction(rounded) - value) <= Fraction(1, 2000)


# -- resource budget --------------------------------------------------------------------
def test_limits_have_their_documented_values() -> None:
    assert (MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS, MAX_NUMBER_CHARS) == (30, 12, 64)
    assert (MAX_FIELD_CHARS, MAX_NESTING, DECIMAL_PRECISION) == (100_000, 64, 84)


@pytest.mark.parametrize(
    "amount",
    [
        Decimal("1E+999999"),  # would expand into a million digits when written
        Decimal("0E-999999"),  # a zero written with a million zeros
        Decimal("1E-13"),
        10**MAX_INTEGER_DIGITS,
    ],
)
def test_quantity_refuses_amounts_over_the_budget(amount: int | Decimal) -> None:
    with pytest.raises(LimitError):
        Quantity(amount, "kilogram")


def test_quantity_accepts_amounts_at_the_budget() -> None:
    q = Quantity(Decimal("9" * MAX_INTEGER_DIGITS + "." + "9" * MAX_FRACTION_DIGITS), "kilogram")
    assert Quantity.parse(str(q)) == q


@pytest.mark.parametrize("text", ["9" * 5000, "1" + ".000" * 2000, "hơn " + "9" * 100])
def test_parse_number_with_thousands_of_digits_is_the_librarys_error(text: str) -> None:
    with pytest.raises(LimitError):
        parse_number(text)


def test_parse_fraction_with_thousands_of_digits() -> None:
    with pytest.raises(AntqError):
        parse_fraction("9" * 5000 + "/1")


def test_quantity_parse_refuses_trailing_newline_and_huge_text() -> None:
    with pytest.raises(ParseError):
        Quantity.parse("5 tip\n")
    with pytest.raises(ParseError):
        Quantity.parse("9" * 10_000 + " tip")


def test_limit_error_shortens_the_value_and_pickles() -> None:
    err = LimitError("quote", "x" * 10_000, "at most 100000 characters")
    assert len(str(err)) < 200
    again = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own bytes
    assert str(again) == str(err)


def test_check_nesting_skips_strings_and_counts_brackets() -> None:
    check_nesting("f", '{"a": "' + "[" * 1000 + '"}')
    check_nesting("f", "[" * MAX_NESTING + "]" * MAX_NESTING)
    with pytest.raises(LimitError):
        check_nesting("f", "[" * (MAX_NESTING + 1))


# -- one number grammar -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 160", 1160),
        ("1\u00a0160", 1160),  # no-break space
        ("1\u202f160", 1160),  # narrow no-break space
        ("1 250 000", 1250000),
        ("hơn 1 160", 1160),
        ("1 160,5", Decimal("1160.5")),
        ("2 500 nghìn", 2500000),
        ("1.\u200b160", 1160),  # a zero-width space is invisible: removed
        ("\ufeff726", 726),  # a byte-order mark
        ("1\u00ad160", 1160),  # a soft hyphen
    ],
)
def test_number_grammar_separators_and_invisibles(text: str, value: int | Decimal) -> None:
    assert parse_number(text).value == value


@pytest.mark.parametrize(
    "text",
    [
        "\u0661\u0662\u0663",  # Arabic-Indic
        "\uff11\uff12\uff13",  # fullwidth
        "1.\u0663\u0663\u0663",
        "1 16",  # a space group of two digits
        "1 160.000",  # two separators
    ],
)
def test_number_grammar_refuses(text: str) -> None:
    with pytest.raises(ParseError):
        parse_number(text)


def test_every_invisible_character_is_removed() -> None:
    for char in INVISIBLE:
        assert parse_number(f"1{char}.160").value == 1160


def test_fraction_uses_the_same_grammar() -> None:
    assert parse_fraction("1 042/1 165") == (1042, 1165)
    with pytest.raises(ParseError):
        parse_fraction("\u0661/2")


@pytest.mark.parametrize("text", ["\u0662\u0660\u0662\u0663", "năm \u0662\u0660\u0662\u0663"])
def test_periods_read_ascii_digits_only(text: str) -> None:
    with pytest.raises(ParseError):
        Period.parse(text)


def test_threads_share_one_context_result() -> None:
    # the library's context is local to each operation: threads with different
    # caller contexts all get the exact sum
    results: list[int | Decimal] = []

    def work(prec: int) -> None:
        with decimal.localcontext(prec=prec):
            total = Quantity(Decimal("123.45"), "kilogram") + Quantity(Decimal("1.01"), "kilogram")
            results.append(total.amount)

    threads = [threading.Thread(target=work, args=(p,)) for p in (1, 2, 3, 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [Decimal("124.46")] * 4


# -- the extractor reads figures with the same grammar -------------------------------------
def _figures(text: str) -> list[tuple[str | None, object]]:
    from antq_domain.extract import extract_report

    ex = extract_report(text, place="62", period="2023")
    return [(f.indicator, f.value) for f in ex.figures]


@pytest.mark.parametrize(
    "figure", ["1 160", "1\u00a0160", "1\u202f160", "1.\u200b160", "1\u2060160"]
)
def test_extractor_reads_space_grouped_and_invisible_figures_whole(figure: str) -> None:
    found = _figures(f"Năm 2023, tỉnh tiếp nhận {figure} nguồn tin về ANTT.")
    assert ("tips.received", 1160) in found
    assert all(value != 160 for _, value in found)


def test_extractor_keeps_a_month_apart_from_the_figure_after_it() -> None:
    found = _figures("Trong tháng 9 100 nguồn tin về ANTT đã được tiếp nhận.")
    assert ("tips.received", 100) in found


def test_extractor_ignores_non_ascii_digits() -> None:
    found = _figures("Năm 2023, tỉnh tiếp nhận \u0661\u0662\u0663 nguồn tin về ANTT.")
    assert all(indicator != "tips.received" for indicator, _ in found)
