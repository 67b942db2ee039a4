"""Partial dates: text forms, honest comparison, strategies, pydantic."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from pydantic import BaseModel, ValidationError

from antq_domain.errors import AntqError, AntqTypeError, InvariantError, ParseError
from antq_domain.strategies._period import partial_dates
from antq_domain.values.partial_date import PARTIAL_DATE_PATTERN, PartialDate
from antq_domain.values.period import Period, PeriodKind

PD = PartialDate


def _any(value: object) -> Any:
    """Smuggle a wrongly typed argument past mypy, to test the runtime check."""
    return value


class TestText:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("2013", PD(2013)),
            ("2013-08", PD(2013, 8)),
            ("2013-08-01", PD(2013, 8, 1)),
            ("năm 2013", PD(2013)),
            ("Năm 2013", PD(2013)),
            ("tháng 8/2013", PD(2013, 8)),
            ("tháng 8 năm 2013", PD(2013, 8)),
            ("Tháng 08/2013", PD(2013, 8)),
            ("8/2013", PD(2013, 8)),
            ("ngày 01 tháng 8 năm 2013", PD(2013, 8, 1)),
            ("01/8/2013", PD(2013, 8, 1)),
            ("ngày 1/8/2013", PD(2013, 8, 1)),
            ("29/02/2024", PD(2024, 2, 29)),
            ("  2013-08 ", PD(2013, 8)),
            ("2013-8", PD(2013, 8)),
        ],
    )
    def test_parse(self, text: str, expected: PartialDate) -> None:
        assert PD.parse(text) == expected
        assert PD.parse(unicodedata.normalize("NFD", text)) == expected

    @pytest.mark.parametrize(
        ("value", "text", "vi", "en"),
        [
            (PD(2013), "2013", "năm 2013", "2013"),
            (PD(2013, 8), "2013-08", "tháng 8/2013", "August 2013"),
            (PD(2013, 8, 1), "2013-08-01", "ngày 01/08/2013", "1 August 2013"),
            (PD(7), "0007", "năm 0007", "0007"),
        ],
    )
    def test_str_repr_format(self, value: PartialDate, text: str, vi: str, en: str) -> None:
        assert str(value) == text
        assert repr(value) == f"PartialDate({text!r})"
        assert value.format("vi") == vi
        assert value.format("en") == en

    @pytest.mark.parametrize(
        "text",
        [
            "2013-13",  # no thirteenth month
            "2013-00",  # months count from 1
            "2013-02-29",  # 2013 is not a leap year
            "0000",  # year 0 does not exist
            "31/2/2013",  # not a date
            "tháng 13/2013",  # no thirteenth month
            "ngày 32 tháng 1 năm 2013",  # January has 31 days
            "quý II/2020",  # a quarter is a period, not a partial date
            "202308",  # a period id, not a partial date
            "",  # empty
            "khoảng năm 2013",  # hedged text is not a date
        ],
    )
    def test_parse_errors(self, text: str) -> None:
        with pytest.raises(ParseError) as info:
            PD.parse(text)
        assert info.value.field == "partial_date"
        assert info.value.value == text

    @pytest.mark.parametrize(
        ("args", "error", "field"),
        [
            ((2013, None, 1), InvariantError, "partial_date.day"),  # day without month
            ((2013, 13), InvariantError, "partial_date.month"),  # month > 12
            ((2013, 0), InvariantError, "partial_date.month"),  # month < 1
            ((2013, 2, 29), InvariantError, "partial_date.day"),  # not a leap year
            ((2013, 4, 31), InvariantError, "partial_date.day"),  # April has 30 days
            ((0,), InvariantError, "partial_date.year"),  # no year 0
            ((10000,), InvariantError, "partial_date.year"),  # five digits
            (("2013",), AntqTypeError, "partial_date.year"),  # a str
            ((2013, True), AntqTypeError, "partial_date.month"),  # a bool
            ((2013, 8, 1.0), AntqTypeError, "partial_date.day"),  # a float
        ],
    )
    def test_constructor_errors(
        self, args: tuple[Any, ...], error: type[AntqError], field: str
    ) -> None:
        with pytest.raises(error) as info:
            PD(*args)
        assert info.value.field == field  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        ("call", "field"),
        [
            (lambda: PD.from_date(datetime(2013, 8, 1)), "partial_date"),  # noqa: DTZ001 - naive on purpose
            (lambda: PD.from_date(_any("2013-08-01")), "partial_date"),  # a str
            (lambda: PD.parse(_any(2013)), "partial_date"),  # not a str
            (lambda: PD(2013).is_before(_any("2014")), "other"),  # a str, not a date
        ],
    )
    def test_type_errors(self, call: Any, field: str) -> None:
        with pytest.raises(AntqTypeError) as info:
            call()
        assert info.value.field == field


class TestDenotation:
    @pytest.mark.parametrize(
        ("value", "precision", "earliest", "latest", "period"),
        [
            (PD(2013), PeriodKind.YEAR, date(2013, 1, 1), date(2013, 12, 31), "2013"),
            (PD(2024, 2), PeriodKind.MONTH, date(2024, 2, 1), date(2024, 2, 29), "202402"),
            (PD(2013, 8, 1), PeriodKind.DAY, date(2013, 8, 1), date(2013, 8, 1), "20130801"),
        ],
    )
    def test_bounds(
        self, value: PartialDate, precision: PeriodKind, earliest: date, latest: date, period: str
    ) -> None:
        assert value.precision is precision
        assert (value.earliest(), value.latest()) == (earliest, latest)
        assert value.as_period() == Period.parse(period)

    def test_from_date(self) -> None:
        assert PD.from_date(date(2013, 8, 1)) == PD(2013, 8, 1)

    @pytest.mark.parametrize(
        ("a", "b", "before", "after", "may_equal"),
        [
            (PD(2013), PD(2013, 8), None, None, True),  # 2013 is not before 2013-08
            (PD(2012), PD(2013, 8), True, False, False),
            (PD(2013, 8), PD(2013, 8, 1), False, None, True),  # cannot precede its 1st day
            (PD(2013, 8), PD(2013, 9), True, False, False),
            (PD(2013, 8, 31), PD(2013, 9), True, False, False),
            (PD(2013, 8, 1), PD(2013, 8, 1), False, False, True),  # same day
            (PD(2013, 8, 1), date(2013, 8, 1), False, False, True),  # a plain date
            (PD(2014), date(2013, 12, 31), False, True, False),
        ],
    )
    def test_honest_comparison(
        self,
        a: PartialDate,
        b: PartialDate | date,
        before: bool | None,
        after: bool | None,
        may_equal: bool,
    ) -> None:
        assert a.is_before(b) is before
        assert a.is_after(b) is after
        assert a.may_equal(b) is may_equal

    def test_no_ordering_operators(self) -> None:
        with pytest.raises(TypeError):
            _ = PD(2013) < PD(2014)

    def test_equality_is_structural(self) -> None:
        assert PD(2013) != PD(2013, 1)
        assert PD.parse("năm 2013") == PD(2013)
        assert hash(PD(2013, 8)) == hash(PD.parse("tháng 8/2013"))


class TestRoundTrip:
    """``parse(str(d)) == d`` and ``parse(d.format('vi')) == d`` for every partial date."""

    @given(partial_dates())
    def test_parse_str_is_identity(self, d: PartialDate) -> None:
        assert PD.parse(str(d)) == d

    @given(partial_dates())
    def test_parse_format_vi_is_identity(self, d: PartialDate) -> None:
        assert PD.parse(d.format("vi")) == d

    @given(partial_dates())
    def test_text_matches_the_json_schema_pattern(self, d: PartialDate) -> None:
        assert re.fullmatch(PARTIAL_DATE_PATTERN, str(d))

    @given(partial_dates())
    def test_period_round_trip(self, d: PartialDate) -> None:
        p = d.as_period()
        assert (p.start, p.end) == (d.earliest(), d.latest())
        assert p.kind is d.precision


class TestComparisonLaws:
    """Comparisons agree with the days each partial date can denote (earliest/latest)."""

    @given(partial_dates(2000, 2002), partial_dates(2000, 2002))
    def test_before_true_iff_latest_before_earliest(self, a: PartialDate, b: PartialDate) -> None:
        assert (a.is_before(b) is True) == (a.latest() < b.earliest())

    @given(partial_dates(2000, 2002), partial_dates(2000, 2002))
    def test_before_false_iff_never_before(self, a: PartialDate, b: PartialDate) -> None:
        assert (a.is_before(b) is False) == (a.earliest() >= b.latest())

    @given(partial_dates(2000, 2002), partial_dates(2000, 2002))
    def test_after_is_before_swapped(self, a: PartialDate, b: PartialDate) -> None:
        assert a.is_after(b) == b.is_before(a)

    @given(partial_dates(2000, 2002), partial_dates(2000, 2002))
    def test_definite_answers_exclude_equality(self, a: PartialDate, b: PartialDate) -> None:
        if a.is_before(b) or a.is_after(b):
            assert not a.may_equal(b)
        if not a.may_equal(b):
            assert a.is_before(b) is True or a.is_after(b) is True

    @given(partial_dates(2000, 2002), st.dates(date(2000, 1, 1), date(2002, 12, 31)))
    def test_may_equal_a_date_iff_the_date_is_inside(self, a: PartialDate, d: date) -> None:
        assert a.may_equal(d) == a.as_period().contains(d)

    @given(partial_dates(2000, 2002), partial_dates(2000, 2002))
    def test_full_dates_are_totally_ordered(self, a: PartialDate, b: PartialDate) -> None:
        if a.precision is PeriodKind.DAY and b.precision is PeriodKind.DAY:
            assert a.is_before(b) is not None
            assert a.is_before(b) == (a.earliest() < b.earliest())

    @given(partial_dates(), partial_dates())
    def test_sort_key_consistent_with_is_before(self, a: PartialDate, b: PartialDate) -> None:
        if a.is_before(b):
            assert a.sort_key < b.sort_key


class TestStrategies:
    @given(partial_dates())
    def test_examples_are_valid(self, d: PartialDate) -> None:
        assert PD(d.year, d.month, d.day) == d

    @given(st.data())
    def test_bounds_hold(self, data: st.DataObject) -> None:
        lo = data.draw(st.integers(1, 9000))
        hi = data.draw(st.integers(lo, lo + 50))
        assert lo <= data.draw(partial_dates(lo, hi)).year <= hi

    @given(partial_dates(precisions=["day"]))
    def test_precisions_are_respected(self, d: PartialDate) -> None:
        assert d.precision is PeriodKind.DAY

    @pytest.mark.parametrize(
        ("strategy", "expected"),
        [
            (partial_dates(), "2000"),  # a year alone, 2000
            (partial_dates(precisions=["month"]), "2000-01"),
            (partial_dates(precisions=["day"]), "2000-01-01"),
            (partial_dates(2010, 2020), "2010"),  # the bound nearest to 2000
        ],
    )
    def test_shrink_targets(self, strategy: st.SearchStrategy[PartialDate], expected: str) -> None:
        assert str(find(strategy, lambda d: True, settings=settings(database=None))) == expected

    @pytest.mark.parametrize(
        "condition",
        [
            lambda d: (d.month, d.day) == (2, 29),  # leap day
            lambda d: d.day == 31,  # long month
            lambda d: d.month == 12 and d.day is None,  # December alone
            lambda d: d.year == 1900,  # lower bound
            lambda d: d.year == 2100 and d.day is not None,  # upper bound, full date
        ],
    )
    def test_edges_are_reachable(self, condition: Any) -> None:
        found = find(
            partial_dates(),
            condition,
            settings=settings(max_examples=5000, database=None, derandomize=True),
        )
        assert condition(found)

    @pytest.mark.parametrize(
        "call",
        [
            lambda: partial_dates(2000, 1999),  # bounds reversed
            lambda: partial_dates(0, 2000),  # year 0
            lambda: partial_dates(precisions=["quarter"]),  # not a date precision
            lambda: partial_dates(precisions=[]),  # nothing to draw
        ],
    )
    def test_bad_arguments(self, call: Any) -> None:
        with pytest.raises(InvalidArgument):
            call().example()


class Holder(BaseModel):
    when: PartialDate


class TestPydantic:
    def test_python_mode_accepts_instances_and_text(self) -> None:
        assert Holder(when=PD(2013)).when == PD(2013)
        assert Holder.model_validate({"when": "ngày 01 tháng 8 năm 2013"}).when == PD(2013, 8, 1)

    def test_json_round_trip(self) -> None:
        h = Holder(when=PD(2013, 8))
        assert json.loads(h.model_dump_json()) == {"when": "2013-08"}
        assert Holder.model_validate_json(h.model_dump_json()) == h

    def test_bad_text_is_a_validation_error(self) -> None:
        with pytest.raises(ValidationError) as info:
            Holder.model_validate({"when": "2013-02-29"})
        assert "real calendar date" in str(info.value)

    def test_json_schema(self) -> None:
        schema = Holder.model_json_schema()["properties"]["when"]
        assert schema["pattern"] == PARTIAL_DATE_PATTERN
        assert all(str(PD.parse(e)) == e for e in schema["examples"])

    @given(partial_dates())
    def test_json_round_trip_property(self, d: PartialDate) -> None:
        assert Holder.model_validate_json(Holder(when=d).model_dump_json()).when == d
