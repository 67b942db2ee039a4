"""Ratios, the display rounding rule and largest-remainder shares."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq_domain import strategies as aqst
from antq_domain.errors import AntqError, AntqTypeError, InvariantError
from antq_domain.records._base import Record
from antq_domain.values import (
    Quantity,
    Ratio,
    Undefined,
    Unit,
    largest_remainder,
    round_half_up,
)


def tips(n: int, qualifier: str = "exact") -> Quantity:
    return Quantity(n, Unit.TIP, qualifier)


class TestSeedRatio:
    def test_valuable_tip_rate(self) -> None:
        r = Ratio(tips(655), tips(726))
        assert r.value == Fraction(65500, 726)
        assert r.format("vi") == "90,2% (655/726)"
        assert r.format("en") == "90.2% (655/726)"
        assert r.format("vi", decimals=2, parts=False) == "90,22%"

    def test_coverage_with_grouped_parts(self) -> None:
        r = Ratio(Quantity(1160, "unit"), Quantity(2320, "unit"))
        assert r.format("vi", decimals=0) == "50% (1.160/2.320)"


class TestUndefined:
    @given(aqst.quantities(units=st.just(Unit.TIP)))
    def test_zero_denominator_is_undefined_never_zero(self, numerator: Quantity) -> None:
        r = Ratio(numerator, tips(0))
        assert isinstance(r.value, Undefined)
        assert "zero" in r.value.reason
        assert isinstance(r.rounded(), Undefined)


class TestRoundHalfUp:
    @pytest.mark.parametrize(
        ("value", "decimals", "shown"),
        [
            (Fraction(1225, 100), 1, "12.3"),  # half goes up (float round would give 12.2)
            (Fraction(1, 20), 1, "0.1"),
            (Fraction(5, 2), 0, "3"),
            (Fraction(1, 3), 2, "0.33"),
            (Fraction(2, 3), 2, "0.67"),
            (Fraction(100), 1, "100.0"),
        ],
    )
    def test_table(self, value: Fraction, decimals: int, shown: str) -> None:
        assert str(round_half_up(value, decimals)) == shown

    @given(st.fractions(min_value=0, max_value=10**6), st.integers(0, 4))
    def test_within_half_a_unit(self, value: Fraction, decimals: int) -> None:
        shown = Fraction(round_half_up(value, decimals))
        half = Fraction(1, 2 * 10**decimals)
        assert value - half <= shown <= value + half
        # a tie is resolved upwards: the shown value is never half a unit below
        assert value - shown != half

    @pytest.mark.parametrize("decimals", [-1, 1.5, True])
    def test_bad_decimals(self, decimals: Any) -> None:
        with pytest.raises(InvariantError) as info:
            round_half_up(Fraction(1), decimals)
        assert info.value.field == "decimals"


class TestLargestRemainder:
    """Law 10: display rounding with largest remainder — shown parts add to the shown total."""

    @given(
        st.lists(st.fractions(min_value=0, max_value=1000), min_size=1, max_size=12),
        st.integers(0, 3),
    )
    def test_shown_parts_add_to_shown_total(self, parts: list[Fraction], decimals: int) -> None:
        shown = largest_remainder(parts, decimals)
        assert sum(shown, Decimal(0)) == round_half_up(sum(parts, Fraction(0)), decimals)

    @given(
        st.lists(st.fractions(min_value=0, max_value=1000), min_size=1, max_size=12),
        st.integers(0, 3),
    )
    def test_each_part_moves_by_less_than_one_unit(
        self, parts: list[Fraction], decimals: int
    ) -> None:
        unit = Fraction(1, 10**decimals)
        for exact, shown in zip(parts, largest_remainder(parts, decimals), strict=True):
            assert abs(Fraction(shown) - exact) < unit

    @given(st.lists(st.integers(0, 10**6), min_size=1, max_size=8).filter(any))
    def test_shares_of_a_total_show_as_100(self, counts: list[int]) -> None:
        total = sum(counts)
        shares = [Fraction(100 * c, total) for c in counts]
        assert sum(largest_remainder(shares, 1)) == Decimal("100.0")

    def test_negative_parts_refused(self) -> None:
        with pytest.raises(InvariantError):
            largest_remainder([Fraction(-1)], 0)


class TestRatioQualifier:
    @pytest.mark.parametrize(
        ("num", "den", "qualifier"),
        [
            ("exact", "exact", "exact"),
            ("at_least", "exact", "at_least"),  # more valuable tips: a higher rate
            ("exact", "at_least", "at_most"),  # more tips received: a lower rate
            ("at_least", "at_least", "approximately"),
            ("at_most", "at_least", "at_most"),
            ("more_than", "exact", "more_than"),  # strict stays strict
            ("exact", "more_than", "less_than"),
            ("at_least", "less_than", "more_than"),  # n >= 5 and d < 9: n/d > 5/9
        ],
    )
    def test_table(self, num: str, den: str, qualifier: str) -> None:
        assert Ratio(tips(5, num), tips(9, den)).qualifier.value == qualifier

    def test_qualifier_is_shown(self) -> None:
        r = Ratio(tips(655, "more_than"), tips(726))
        assert r.format("vi") == "hơn 90,2% (655/726)"


class TestBadRatios:
    @pytest.mark.parametrize(
        ("args", "error", "field"),
        [
            ((tips(1), tips(2), 0), InvariantError, "factor"),  # factor must be positive
            ((tips(1), tips(2), 1.5), AntqTypeError, "factor"),  # float factor
            ((5, tips(2)), AntqTypeError, "numerator"),  # a bare int is not a quantity
            (  # a stated percentage is not a part
                (Quantity(Decimal(90), "percent"), tips(2)),
                InvariantError,
                "numerator.unit",
            ),
        ],
    )
    def test_table(self, args: tuple[Any, ...], error: type[AntqError], field: str) -> None:
        with pytest.raises(error) as info:
            Ratio(*args)
        assert info.value.field == field  # type: ignore[attr-defined]


class _Holder(Record):
    ratio: Ratio


@given(aqst.ratios(factors=st.sampled_from([1, 100, 1000])))
def test_ratio_json_round_trip(ratio: Ratio) -> None:
    rec = _Holder(ratio=ratio)
    assert _Holder.model_validate_json(rec.model_dump_json()) == rec
