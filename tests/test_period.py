"""Periods: canonical ids, Vietnamese forms, calendar laws, strategies, pydantic."""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import event, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from pydantic import BaseModel, ValidationError

from antq_domain.errors import (
    AntqError,
    AntqTypeError,
    InvariantError,
    ParseError,
    UnknownCodeError,
)
from antq_domain.strategies._period import periods
from antq_domain.values.period import PERIOD_ID_PATTERN, Period, PeriodKind

K = PeriodKind
D = date
ONE_DAY = timedelta(days=1)
STANDARD = [k for k in PeriodKind if k.is_standard]


def _any(value: object) -> Any:
    """Smuggle a wrongly typed argument past mypy, to test the runtime check."""
    return value


# -- canonical ids -------------------------------------------------------------------
class TestCanonicalIds:
    @pytest.mark.parametrize(
        ("period", "text", "start", "end"),
        [
            (Period.year(2023), "2023", D(2023, 1, 1), D(2023, 12, 31)),
            (Period.half_year(2023, 1), "2023S1", D(2023, 1, 1), D(2023, 6, 30)),
            (Period.half_year(2023, 2), "2023S2", D(2023, 7, 1), D(2023, 12, 31)),
            (Period.quarter(2023, 1), "2023Q1", D(2023, 1, 1), D(2023, 3, 31)),
            (Period.quarter(2020, 4), "2020Q4", D(2020, 10, 1), D(2020, 12, 31)),
            (Period.month(2023, 1), "202301", D(2023, 1, 1), D(2023, 1, 31)),
            (Period.month(2024, 2), "202402", D(2024, 2, 1), D(2024, 2, 29)),
            (Period.week(2023, 1), "2023W01", D(2023, 1, 2), D(2023, 1, 8)),
            (Period.week(2020, 53), "2020W53", D(2020, 12, 28), D(2021, 1, 3)),
            (Period.week(2026, 1), "2026W01", D(2025, 12, 29), D(2026, 1, 4)),
            (Period.day(D(2023, 1, 15)), "20230115", D(2023, 1, 15), D(2023, 1, 15)),
            (
                Period.between(D(2023, 1, 1), D(2023, 7, 31)),
                "2023-01-01/2023-07-31",
                D(2023, 1, 1),
                D(2023, 7, 31),
            ),
            (Period.span(2013, 2023), "2013/2023", D(2013, 1, 1), D(2023, 12, 31)),
            (Period.year(1), "0001", D(1, 1, 1), D(1, 12, 31)),
        ],
    )
    def test_id_and_bounds(self, period: Period, text: str, start: date, end: date) -> None:
        assert str(period) == text
        assert repr(period) == f"Period({text!r})"
        assert (period.start, period.end) == (start, end)
        assert Period.parse(text) == period

    @pytest.mark.parametrize(
        ("text", "canonical"),
        [
            ("2023W1", "2023W01"),  # DHIS2 writes weeks without padding
            ("2023-01", "202301"),  # ISO month
            ("2023-01-15", "20230115"),  # ISO date
            ("  2023Q1 ", "2023Q1"),  # surrounding spaces
        ],
    )
    def test_lenient_inputs(self, text: str, canonical: str) -> None:
        assert str(Period.parse(text)) == canonical

    def test_range_equal_to_a_quarter_stays_a_range(self) -> None:
        r = Period.between(D(2023, 1, 1), D(2023, 3, 31))
        assert r.kind is K.RANGE
        assert r != Period.quarter(2023, 1)
        assert str(r) == "2023-01-01/2023-03-31"
        assert Period.parse(str(r)) == r
        assert r.as_standard() == Period.quarter(2023, 1)

    def test_as_standard(self) -> None:
        assert Period.quarter(2023, 1).as_standard() == Period.quarter(2023, 1)
        assert Period.between(D(2023, 5, 5), D(2023, 5, 5)).as_standard() == Period.day(
            D(2023, 5, 5)
        )
        assert Period.between(D(2023, 1, 2), D(2023, 1, 8)).as_standard() == Period.week(2023, 1)
        assert Period.span(2013, 2023).as_standard() is None
        assert Period.between(D(2023, 1, 1), D(2023, 7, 31)).as_standard() is None

    def test_direct_constructor(self) -> None:
        assert Period("quarter", D(2023, 4, 1), D(2023, 6, 30)) == Period.quarter(2023, 2)
        assert hash(Period.year(2023)) == hash(Period.parse("năm 2023"))


# -- Vietnamese forms ----------------------------------------------------------------
VIETNAMESE = [
    ("năm 2023", "2023"),
    ("Năm 2023", "2023"),
    ("quý II/2020", "2020Q2"),
    ("Quý II/2020", "2020Q2"),
    ("quý 2 năm 2020", "2020Q2"),
    ("quý 2-2020", "2020Q2"),
    ("Quý 2 - 2020", "2020Q2"),
    ("quý IV năm 2023", "2023Q4"),
    ("6 tháng đầu năm 2024", "2024S1"),
    ("6 tháng cuối năm 2023", "2023S2"),
    ("3 tháng đầu năm 2023", "2023Q1"),
    ("3 tháng cuối năm 2023", "2023Q4"),
    ("12 tháng đầu năm 2023", "2023"),
    ("1 tháng đầu năm 2023", "202301"),
    ("7 tháng đầu năm 2023", "2023-01-01/2023-07-31"),
    ("9 tháng đầu năm 2023", "2023-01-01/2023-09-30"),
    ("5 tháng cuối năm 2023", "2023-08-01/2023-12-31"),
    ("tháng 8/2013", "201308"),
    ("tháng 8 năm 2013", "201308"),
    ("Tháng 12/2023", "202312"),
    ("8/2013", "201308"),
    ("tuần 5/2023", "2023W05"),
    ("tuần 53 năm 2020", "2020W53"),
    ("giai đoạn 2013-2023", "2013/2023"),
    ("giai đoạn 2013 - 2023", "2013/2023"),
    ("giai đoạn 2013 – 2023", "2013/2023"),
    ("từ năm 2013 đến năm 2023", "2013/2023"),
    ("2018-2023", "2018/2023"),
    ("ngày 01 tháng 8 năm 2013", "20130801"),
    ("01/8/2013", "20130801"),
    ("ngày 1/8/2013", "20130801"),
    ("01-08-2013", "20130801"),
    ("từ ngày 01/01/2023 đến ngày 31/7/2023", "2023-01-01/2023-07-31"),
    ("Từ ngày 01/01/2023 đến hết ngày 31/3/2023", "2023-01-01/2023-03-31"),
    ("từ 15 tháng 1 năm 2023 đến 20 tháng 2 năm 2023", "2023-01-15/2023-02-20"),
]


class TestVietnamese:
    @pytest.mark.parametrize(("text", "canonical"), VIETNAMESE)
    def test_nfc(self, text: str, canonical: str) -> None:
        assert str(Period.parse(unicodedata.normalize("NFC", text))) == canonical

    @pytest.mark.parametrize(("text", "canonical"), VIETNAMESE)
    def test_nfd(self, text: str, canonical: str) -> None:
        nfd = unicodedata.normalize("NFD", text)
        assert str(Period.parse(nfd)) == canonical

    @pytest.mark.parametrize(
        ("text", "canonical"),
        [
            ("7 tháng đầu năm", "2023-01-01/2023-07-31"),
            ("9 tháng đầu năm", "2023-01-01/2023-09-30"),
            ("6 tháng đầu năm", "2023S1"),
            ("quý III", "2023Q3"),
            ("tháng 8", "202308"),
        ],
    )
    def test_year_from_context(self, text: str, canonical: str) -> None:
        assert str(Period.parse(text, year=2023)) == canonical
        with pytest.raises(ParseError) as info:
            Period.parse(text)
        assert info.value.field == "period"
        assert info.value.value == text

    def test_explicit_range_is_never_normalised(self) -> None:
        p = Period.parse("từ ngày 01/01/2023 đến ngày 30/6/2023")
        assert p.kind is K.RANGE
        assert p.as_standard() == Period.half_year(2023, 1)

    @pytest.mark.parametrize(
        ("period", "vi", "en"),
        [
            (Period.year(2023), "năm 2023", "2023"),
            (Period.half_year(2024, 1), "6 tháng đầu năm 2024", "first half of 2024"),
            (Period.quarter(2020, 2), "quý II/2020", "Q2 2020"),
            (Period.month(2013, 8), "tháng 8/2013", "August 2013"),
            (Period.week(2023, 1), "tuần 1 năm 2023", "week 1 of 2023"),
            (Period.day(D(2013, 8, 1)), "ngày 01/08/2013", "1 August 2013"),
            (Period.span(2013, 2023), "giai đoạn 2013-2023", "2013\u20132023"),
            (
                Period.between(D(2023, 1, 1), D(2023, 3, 31)),
                "từ ngày 01/01/2023 đến ngày 31/03/2023",
                "1 January 2023 to 31 March 2023",
            ),
        ],
    )
    def test_format(self, period: Period, vi: str, en: str) -> None:
        assert period.format("vi") == vi
        assert period.format("en") == en


# -- bad inputs ----------------------------------------------------------------------
class TestBadInput:
    @pytest.mark.parametrize(
        "text",
        [
            "2023Q5",  # no fifth quarter
            "2023Q0",  # quarters count from 1
            "2023S3",  # two halves only
            "202313",  # no thirteenth month
            "202300",  # months count from 1
            "2023W53",  # 2023 has 52 ISO weeks
            "2023W00",  # weeks count from 1
            "20230229",  # 2023 is not a leap year
            "20231301",  # no thirteenth month in a day id
            "2023-02-01/2023-01-01",  # range ends before it starts
            "2023-02-30/2023-03-01",  # range starts on a date that does not exist
            "2023/2023",  # a span needs two years at least
            "2023/2013",  # span backwards
            "0000",  # year 0 does not exist
            "2023q1",  # canonical ids are upper case
            "23Q1",  # two-digit year
            "",  # empty
            "quý V/2020",  # no fifth quarter in Roman numerals either
            "quý 5 năm 2020",  # nor in digits
            "13 tháng đầu năm 2023",  # a year has 12 months
            "0 tháng đầu năm 2023",  # at least one month
            "tháng 13/2023",  # no thirteenth month
            "31/2/2013",  # not a date
            "giai đoạn 2018-202320",  # the footnote glitch in the seed report
            "giai đoạn 2023-2013",  # span backwards
            "từ ngày 31/7/2023 đến ngày 01/01/2023",  # range backwards
            "từ ngày 01/01/2023 đến ngày mai",  # end is not a date
            "tuần 53 năm 2023",  # 2023 has 52 ISO weeks
            "quý II",  # no year and none given
            "hôm qua",  # not a period at all
        ],
    )
    def test_parse_errors(self, text: str) -> None:
        with pytest.raises(ParseError) as info:
            Period.parse(text)
        assert info.value.field == "period"
        assert info.value.value == text

    @pytest.mark.parametrize(
        ("build", "error", "field"),
        [
            (lambda: Period.quarter(2023, 5), InvariantError, "period.quarter"),  # > 4
            (lambda: Period.quarter(2023, 0), InvariantError, "period.quarter"),  # < 1
            (lambda: Period.half_year(2023, 3), InvariantError, "period.half"),  # > 2
            (lambda: Period.month(2023, 13), InvariantError, "period.month"),  # > 12
            (lambda: Period.week(2023, 53), InvariantError, "period.week"),  # 52-week year
            (lambda: Period.week(2023, 0), InvariantError, "period.week"),  # < 1
            (lambda: Period.year(0), InvariantError, "period.year"),  # before year 1
            (lambda: Period.year(10000), InvariantError, "period.year"),  # five digits
            (lambda: Period.span(2023, 2023), InvariantError, "period.end"),  # one year
            (lambda: Period.span(2023, 2013), InvariantError, "period.end"),  # backwards
            (lambda: Period.between(D(2023, 2, 1), D(2023, 1, 1)), InvariantError, "period.end"),
            (lambda: Period.quarter(2023, True), AntqTypeError, "period.quarter"),  # bool
            (lambda: Period.year(_any("2023")), AntqTypeError, "period.year"),  # str, not int
            (lambda: Period.day(datetime(2023, 1, 1)), AntqTypeError, "period.day"),  # noqa: DTZ001 - naive on purpose
            (
                lambda: Period.between(_any("2023-01-01"), D(2023, 2, 1)),
                AntqTypeError,
                "period.start",
            ),
            (
                lambda: Period("quarter", D(2023, 2, 1), D(2023, 4, 30)),
                InvariantError,
                "period.start",
            ),
            (
                lambda: Period("quarter", D(2023, 1, 1), D(2023, 4, 30)),
                InvariantError,
                "period.end",
            ),
            (
                lambda: Period("week", D(2023, 1, 1), D(2023, 1, 7)),
                InvariantError,
                "period.start",
            ),  # a Sunday
            (
                lambda: Period("span", D(2013, 2, 1), D(2023, 12, 31)),
                InvariantError,
                "period.start",
            ),
            (lambda: Period("span", D(2013, 1, 1), D(2023, 6, 30)), InvariantError, "period.end"),
            (
                lambda: Period("decade", D(2013, 1, 1), D(2023, 6, 30)),
                UnknownCodeError,
                "period.kind",
            ),
            (lambda: Period(3, D(2013, 1, 1), D(2023, 6, 30)), AntqTypeError, "period.kind"),
            (lambda: Period.containing(D(2023, 1, 1), "range"), InvariantError, "period.kind"),
            (lambda: Period.year(9999).next(), InvariantError, "period"),  # past the calendar
            (lambda: Period.year(1).previous(), InvariantError, "period"),  # before the calendar
            (lambda: Period.week(9999, 52), InvariantError, "period"),  # ends in year 10000
            (lambda: Period.parse(_any(2023)), AntqTypeError, "period"),  # not a str
            (lambda: Period.parse("quý II", year=0), InvariantError, "year"),  # bad context year
            (lambda: Period.year(2023).contains(_any("2023Q1")), AntqTypeError, "other"),  # a str
        ],
    )
    def test_constructor_errors(self, build: Any, error: type[AntqError], field: str) -> None:
        with pytest.raises(error) as info:
            build()
        assert info.value.field == field  # type: ignore[attr-defined]


# -- laws ----------------------------------------------------------------------------
class TestRoundTrip:
    """Law 6: ``parse(str(p)) == p`` for every period; the Vietnamese form reads back too."""

    @given(periods())
    def test_parse_str_is_identity(self, p: Period) -> None:
        event(p.kind.value)
        assert Period.parse(str(p)) == p

    @given(periods())
    def test_parse_format_vi_is_identity(self, p: Period) -> None:
        assert Period.parse(p.format("vi")) == p

    @given(periods())
    def test_nfd_format_reads_back(self, p: Period) -> None:
        assert Period.parse(unicodedata.normalize("NFD", p.format("vi"))) == p

    @given(periods())
    def test_id_matches_the_json_schema_pattern(self, p: Period) -> None:
        assert re.fullmatch(PERIOD_ID_PATTERN, str(p))

    @given(periods(), periods())
    def test_equal_ids_mean_equal_periods(self, a: Period, b: Period) -> None:
        assert (str(a) == str(b)) == (a == b)


class TestChildrenPartition:
    """Children are disjoint, contiguous, and cover the parent exactly."""

    @given(periods(kinds=[k for k in PeriodKind if k is not K.RANGE]))
    def test_children_partition_parent(self, p: Period) -> None:
        self._check(p)

    @given(periods(2000, 2003, kinds=["range"]))
    def test_range_children_partition_parent(self, p: Period) -> None:
        self._check(p)

    @staticmethod
    def _check(p: Period) -> None:
        kids = p.children()
        assert kids
        assert kids[0].start == p.start
        assert kids[-1].end == p.end
        for a, b in itertools.pairwise(kids):
            assert b.start == a.end + ONE_DAY  # contiguous and disjoint
        assert sum(k.days for k in kids) == p.days
        assert all(p.contains(k) for k in kids)
        kinds = {k.kind for k in kids}
        assert len(kinds) == 1
        assert kinds.pop().is_standard

    @pytest.mark.parametrize(
        ("parent", "kind", "count"),
        [
            (Period.year(2023), K.QUARTER, 4),
            (Period.half_year(2023, 2), K.QUARTER, 2),
            (Period.quarter(2023, 1), K.MONTH, 3),
            (Period.month(2024, 2), K.DAY, 29),
            (Period.week(2020, 53), K.DAY, 7),
            (Period.day(D(2023, 1, 1)), K.DAY, 1),
            (Period.span(2013, 2023), K.YEAR, 11),
            (Period.parse("2023-01-01/2023-07-31"), K.DAY, 212),
        ],
    )
    def test_children_kinds(self, parent: Period, kind: PeriodKind, count: int) -> None:
        kids = parent.children()
        assert len(kids) == count
        assert {k.kind for k in kids} == {kind}


class TestNextPrevious:
    """``p.next().start == p.end + 1 day``, lengths are kept, and previous undoes next."""

    @given(periods())
    def test_next_starts_the_day_after(self, p: Period) -> None:
        n = p.next()
        assert n.kind is p.kind
        assert n.start == p.end + ONE_DAY

    @given(periods())
    def test_previous_ends_the_day_before(self, p: Period) -> None:
        q = p.previous()
        assert q.kind is p.kind
        assert q.end == p.start - ONE_DAY

    @given(periods())
    def test_previous_undoes_next(self, p: Period) -> None:
        assert p.next().previous() == p
        assert p.previous().next() == p

    @given(periods(kinds=["range", "span", "day", "week"]))
    def test_fixed_length_kinds_keep_their_length(self, p: Period) -> None:
        assert p.next().days == p.days or p.kind is K.SPAN
        if p.kind is K.SPAN:
            assert p.next().end.year - p.next().start.year == p.end.year - p.start.year


class TestContainsOverlaps:
    """contains and overlaps agree with the days the periods cover."""

    @given(periods(2000, 2002), periods(2000, 2002))
    def test_contains_implies_overlaps(self, a: Period, b: Period) -> None:
        if a.contains(b):
            assert a.overlaps(b)
            assert a.days >= b.days

    @given(periods(2000, 2002), periods(2000, 2002))
    def test_overlaps_is_symmetric(self, a: Period, b: Period) -> None:
        assert a.overlaps(b) == b.overlaps(a)

    @given(periods(2000, 2002), periods(2000, 2002))
    def test_mutual_containment_means_same_days(self, a: Period, b: Period) -> None:
        assert (a.contains(b) and b.contains(a)) == ((a.start, a.end) == (b.start, b.end))

    @given(periods(2000, 2002), st.dates(D(1999, 12, 1), D(2003, 1, 31)))
    def test_date_in_period_iff_in_its_bounds(self, p: Period, d: date) -> None:
        inside = p.start <= d <= p.end
        assert p.contains(d) == inside
        assert p.overlaps(d) == inside
        assert p.contains(Period.day(d)) == inside

    @given(periods(2000, 2002), periods(2000, 2002))
    def test_overlap_iff_a_child_day_is_shared(self, a: Period, b: Period) -> None:
        overlap = max(a.start, b.start) <= min(a.end, b.end)
        assert a.overlaps(b) == overlap

    @given(periods(), st.sampled_from(STANDARD))
    def test_containing_contains(self, p: Period, kind: PeriodKind) -> None:
        c = Period.containing(p.start, kind)
        assert c.kind is kind
        assert c.contains(p.start)

    @given(periods(), periods())
    def test_sort_key_orders_by_start(self, a: Period, b: Period) -> None:
        if a.start < b.start:
            assert a.sort_key < b.sort_key
        assert (a.sort_key == b.sort_key) == (a == b)

    def test_no_ordering_operators(self) -> None:
        with pytest.raises(TypeError):
            _ = Period.year(2023) < Period.year(2024)


# -- strategies ----------------------------------------------------------------------
class TestStrategies:
    @given(periods())
    def test_examples_are_valid(self, p: Period) -> None:
        rebuilt = Period(p.kind, p.start, p.end)
        assert rebuilt == p

    @given(st.data())
    def test_bounds_hold(self, data: st.DataObject) -> None:
        lo = data.draw(st.integers(1, 9000))
        hi = data.draw(st.integers(lo, min(lo + 50, 9998)))
        p = data.draw(periods(lo, hi))
        if p.kind is K.WEEK:
            assert lo <= p.start.isocalendar().year <= hi  # the id's year
        else:
            assert lo <= p.start.year
            assert p.end.year <= hi

    @given(periods(kinds=["quarter", "month"]))
    def test_kinds_are_respected(self, p: Period) -> None:
        assert p.kind in (K.QUARTER, K.MONTH)

    @pytest.mark.parametrize(
        ("strategy", "expected"),
        [
            (periods(), "2000"),  # the first kind, the year 2000
            (periods(kinds=["quarter"]), "2000Q1"),
            (periods(kinds=["week"]), "2000W01"),
            (periods(kinds=["day"]), "20000101"),
            (periods(kinds=["range"]), "2000-01-01/2000-01-01"),  # one day
            (periods(kinds=["span"]), "2000/2001"),  # two years
            (periods(1900, 1950), "1950"),  # the bound nearest to 2000
            (periods(2010, 2020), "2010"),
        ],
    )
    def test_shrink_targets(self, strategy: st.SearchStrategy[Period], expected: str) -> None:
        found = find(strategy, lambda p: True, settings=settings(database=None))
        assert str(found) == expected

    @pytest.mark.parametrize(
        ("strategy", "condition"),
        [
            (periods(kinds=["week"]), lambda p: str(p).endswith("W53")),  # long ISO year
            (periods(kinds=["week"]), lambda p: p.start.year < p.end.year),  # straddles years
            (periods(kinds=["month"]), lambda p: p.days == 29),  # leap February
            (periods(kinds=["day"]), lambda p: (p.start.month, p.start.day) == (2, 29)),
            (periods(kinds=["day"]), lambda p: (p.start.month, p.start.day) == (12, 31)),
            (periods(kinds=["range"]), lambda p: p.start.year < p.end.year),
            (periods(kinds=["range"]), lambda p: p.as_standard() is not None),  # looks standard
            (periods(kinds=["span"]), lambda p: p.end.year - p.start.year >= 10),
            (periods(), lambda p: p.start.year == 1900),  # lower bound
            (periods(), lambda p: p.end.year == 2100),  # upper bound
            (periods(1, 3), lambda p: p.start == date.min),  # the first day of the calendar
        ],
    )
    def test_edges_are_reachable(self, strategy: st.SearchStrategy[Period], condition: Any) -> None:
        # derandomized: the same draws in every profile (with random draws, an edge that is
        # rare in 5000 examples was once missed in a dev run)
        fixed = settings(max_examples=5000, database=None, derandomize=True)
        found = find(strategy, condition, settings=fixed)
        assert condition(found)

    @pytest.mark.parametrize(
        "call",
        [
            lambda: periods(2000, 1999),  # bounds reversed
            lambda: periods(0, 2000),  # year 0
            lambda: periods(2000, 9999),  # next() would leave the calendar
            lambda: periods(2000, 2000, kinds=["span"]),  # no room for a span
            lambda: periods(kinds=[]),  # nothing to draw
        ],
    )
    def test_bad_arguments(self, call: Any) -> None:
        with pytest.raises(InvalidArgument):
            call().example()

    def test_unknown_kind(self) -> None:
        with pytest.raises(UnknownCodeError):
            periods(kinds=["decade"])


# -- pydantic ------------------------------------------------------------------------
class Holder(BaseModel):
    period: Period


class TestPydantic:
    def test_python_mode_accepts_instances_and_text(self) -> None:
        assert Holder(period=Period.year(2023)).period == Period.year(2023)
        assert Holder.model_validate({"period": "quý II/2020"}).period == Period.quarter(2020, 2)

    def test_json_round_trip_writes_the_id(self) -> None:
        h = Holder(period=Period.parse("7 tháng đầu năm 2023"))
        dumped = h.model_dump_json()
        assert json.loads(dumped) == {"period": "2023-01-01/2023-07-31"}
        assert Holder.model_validate_json(dumped) == h

    def test_python_mode_dump_keeps_the_instance(self) -> None:
        h = Holder(period=Period.year(2023))
        assert h.model_dump()["period"] == h.period

    def test_bad_text_is_a_validation_error(self) -> None:
        with pytest.raises(ValidationError) as info:
            Holder.model_validate({"period": "2023Q5"})
        assert "quarter between 1 and 4" in str(info.value)

    def test_json_schema_pattern(self) -> None:
        schema = Holder.model_json_schema()["properties"]["period"]
        assert schema["type"] == "string"
        assert schema["pattern"] == PERIOD_ID_PATTERN
        for example in schema["examples"]:
            assert re.fullmatch(PERIOD_ID_PATTERN, example)
            assert str(Period.parse(example)) == example

    @given(periods())
    def test_json_round_trip_property(self, p: Period) -> None:
        assert Holder.model_validate_json(Holder(period=p).model_dump_json()).period == p


# -- the cached path equals the plain definition ---------------------------------------
def _plain_month_end(year: int, month: int) -> date:
    """The last day of a month by the plain definition: the day before the next month's first."""
    first_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first_next - ONE_DAY


class TestCachedConstruction:
    """Standard periods and parsed ids are shared objects equal to their plain definition."""

    @given(st.integers(1, 9998), st.integers(1, 12))
    def test_month_is_its_plain_definition(self, year: int, month: int) -> None:
        plain = Period(K.MONTH, D(year, month, 1), _plain_month_end(year, month))
        made = Period.month(year, month)
        assert made == plain
        assert (made.start, made.end) == (plain.start, plain.end)
        assert Period.month(year, month) is made
        assert Period.parse(str(plain)) is Period.parse(str(plain))
        assert Period.parse(str(plain)) == plain

    @given(st.integers(2, 9998), st.sampled_from(STANDARD), st.integers(0, 364))
    def test_containing_is_its_plain_definition(
        self, year: int, kind: PeriodKind, offset: int
    ) -> None:
        day = D(year, 1, 1) + timedelta(days=offset)
        found = Period.containing(day, kind)
        assert found.contains(day)
        assert found.kind is kind
        # the plain definition: the first day is the day after the previous one's last
        assert found.previous().end + ONE_DAY == found.start
        if kind in (K.YEAR, K.HALF_YEAR, K.QUARTER, K.MONTH):
            months = {K.YEAR: 12, K.HALF_YEAR: 6, K.QUARTER: 3, K.MONTH: 1}[kind]
            first_month = (day.month - 1) // months * months + 1
            last_month = first_month + months - 1
            assert (found.start, found.end) == (
                D(year, first_month, 1),
                _plain_month_end(year, last_month),
            )
            assert Period.containing(day, kind) is found

    def test_leap_years(self) -> None:
        ends = {y: Period.month(y, 2).end.day for y in (1900, 2000, 2023, 2024, 2100, 2400)}
        assert ends == {1900: 28, 2000: 29, 2023: 28, 2024: 29, 2100: 28, 2400: 29}

    def test_bools_are_not_served_from_the_cache(self) -> None:
        Period.month(1, 1)
        with pytest.raises(AntqTypeError):
            Period.month(_any(True), 1)
        with pytest.raises(AntqTypeError):
            Period.year(_any(True))

    def test_parse_with_a_year_is_not_cached_under_the_bare_text(self) -> None:
        assert Period.parse("quý II", year=2020) == Period.quarter(2020, 2)
        with pytest.raises(ParseError):
            Period.parse("quý II")

    @given(periods(kinds=[K.YEAR, K.HALF_YEAR, K.QUARTER, K.MONTH]))
    def test_tiles_by_the_finer_kind_are_the_children(self, p: Period) -> None:
        finer = p.children()[0].kind
        assert p.tiles(finer) == p.children()
        assert p.tiles(p.kind) == (p,)

    def test_tiles_that_do_not_fit(self) -> None:
        assert Period.year(2023).tiles(K.WEEK) is None
        assert Period.month(2023, 2).tiles(K.QUARTER) is None
        assert Period.year(2023).tiles(K.MONTH) == tuple(
            Period.month(2023, m) for m in range(1, 13)
        )
        with pytest.raises(InvariantError):
            Period.year(2023).tiles(K.RANGE)
