"""Combining reports (a monoid) and comparing periods exactly."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antq_domain.analysis.aggregation import rollup
from antq_domain.analysis.comparison import Combined, combine, compare
from antq_domain.errors import AntqTypeError, ConflictError, InvariantError, UnknownCodeError
from antq_domain.io.rows import tidy
from antq_domain.records.indicators import Indicator
from antq_domain.records.observation import Observation
from antq_domain.records.places import registry
from antq_domain.records.report import MovementReport
from antq_domain.strategies._analysis import observation_sets
from antq_domain.values import NOT_REPORTED, Period, Quantity, Ratio, Undefined
from antq_domain.values.missing import Value

HEAVY = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])


def ob(
    indicator: str, place: str, period: str, value: Value, source: str | None = None
) -> Observation:
    return Observation(indicator=indicator, place=place, period=period, value=value, source=source)


def tips(n: int, qualifier: str = "exact") -> Quantity:
    return Quantity(n, "tip", qualifier)


def people(n: int, qualifier: str = "exact") -> Quantity:
    return Quantity(n, "participation", qualifier)


def report(period: str, *obs: Observation, **extra: Any) -> MovementReport:
    return MovementReport(
        issuer="Ban Chỉ đạo tỉnh Kon Tum",
        place="62",
        period=period,
        as_of=Period.parse(period).end,
        observations=obs,
        **extra,
    )


class TestCombine:
    def test_empty_is_the_identity(self) -> None:
        a = combine([[ob("tips.received", "62", "2023", tips(726))]])
        assert combine([]) == Combined()
        assert combine([Combined(), a]) == a == combine([a, Combined()])
        assert a + Combined() == a

    def test_identical_observations_are_kept_once(self) -> None:
        a = ob("tips.received", "62", "2023", tips(726))
        assert combine([[a], [a, a]]).observations == (a,)

    def test_conflicts_are_kept_and_flagged_never_overwritten(self) -> None:
        a = ob("tips.received", "62", "2023", tips(726), source="báo cáo A")
        b = ob("tips.received", "62", "2023", tips(762), source="báo cáo B")
        c = combine([[a], [b]])
        assert c.observations == (a, b)
        [conflict] = c.conflicts
        assert conflict.cell == a.cell
        assert conflict.values == (tips(726), tips(762))

    def test_agreeing_sources_and_not_reported_are_no_conflict(self) -> None:
        a = ob("tips.received", "62", "2023", tips(726), source="A")
        b = ob("tips.received", "62", "2023", tips(726), source="B")
        n = ob("tips.received", "62", "2023", NOT_REPORTED)
        c = combine([[a], [b], [n]])
        assert len(c.observations) == 3
        assert c.conflicts == ()

    def test_reports_and_their_records(self) -> None:
        r1 = report("2023", ob("tips.received", "62", "2023", tips(726)))
        r2 = report("2022", ob("tips.received", "62", "2022", tips(600)))
        c = combine([r1, r2, r1])
        assert c.reports == (r1, r2)
        assert len(c.observations) == 2
        assert c.records == ()
        assert len(tidy(c)) == 2

    def test_custom_indicators_travel(self) -> None:
        pacts = Indicator(
            code="local.emulation_pacts",
            kind="flow",
            unit="document",
            label={"vi": "giao ước thi đua", "en": "emulation pacts"},
        )
        r = report("2023", indicators=(pacts,))
        c = combine([r])
        assert "local.emulation_pacts" in c.catalogue
        other = pacts.model_copy(update={"unit": "session"})
        with pytest.raises(InvariantError) as err:
            combine([c, Combined(indicators=(other,))])
        assert err.value.field == "indicators"

    @pytest.mark.parametrize(
        "items",
        [
            Combined(),  # one combination, not a list of them
            [1],  # not a report or observations
            [[1]],  # not observations
            ["abc"],  # text is not an observation set
        ],
    )
    def test_bad_items(self, items: Any) -> None:
        with pytest.raises(AntqTypeError) as err:
            combine(items)
        assert err.value.field in {"items", "reports"}

    @HEAVY
    @given(st.data())
    def test_combining_is_a_monoid(self, data: st.DataObject) -> None:
        """Combining is associative and the empty combination is its identity."""
        sets = [
            data.draw(observation_sets(registry(), year=2023, max_places=2, max_months=3))
            for _ in range(3)
        ]
        a, b, c = sets
        assert combine([combine([a, b]), c]) == combine([a, combine([b, c])])
        assert combine([Combined(), a]) == combine([a])
        assert set(combine([a, b]).observations) == set(combine([b, a]).observations)


class TestCompare:
    def test_clean_change(self) -> None:
        ch = compare(
            [ob("tips.received", "62", "2023", tips(726))],
            [ob("tips.received", "62", "2022", tips(660))],
        ).change("tips.received", "62")
        assert ch.delta == 66
        assert ch.relative == Fraction(1, 10)
        assert ch.is_clean
        assert (ch.low, ch.high) == (Fraction(66), Fraction(66))

    def test_a_lower_bound_is_not_a_clean_delta(self) -> None:
        ch = compare(
            [ob("mobilisation.launch_participants", "62", "2023", people(155033))],
            [ob("mobilisation.launch_participants", "62", "2022", people(145410, "more_than"))],
        ).changes[0]
        assert ch.delta is None
        assert ch.relative is None
        assert not ch.is_clean
        assert ch.low is None
        assert ch.high == Fraction(9623)
        assert ch.reason is not None
        assert "more than 145,410" in ch.reason

    @pytest.mark.parametrize(
        ("current", "previous", "low", "high"),
        [
            (people(100, "at_least"), people(90), Fraction(10), None),  # at least +10
            (people(100, "at_most"), people(90), Fraction(-90), Fraction(10)),  # 0..100 vs 90
            (people(100), people(90, "at_most"), Fraction(10), Fraction(100)),
            (people(100, "approximately"), people(90), Fraction(-90), None),  # no bound above
        ],
    )
    def test_bounds_follow_the_qualifiers(
        self, current: Quantity, previous: Quantity, low: Fraction | None, high: Fraction | None
    ) -> None:
        ind = "mobilisation.launch_participants"
        ch = compare([ob(ind, "62", "2023", current)], [ob(ind, "62", "2022", previous)]).changes[0]
        assert (ch.delta, ch.low, ch.high) == (None, low, high)

    def test_missing_and_one_sided_figures(self) -> None:
        c = compare(
            [
                ob("tips.received", "62", "2023", NOT_REPORTED),
                ob("tips.valuable", "62", "2023", tips(1)),
            ],
            [
                ob("tips.received", "62", "2022", tips(5)),
                ob("tips.resolved", "62", "2022", tips(1)),
            ],
        )
        reasons = {ch.indicator: ch.reason for ch in c.changes}
        assert reasons == {
            "tips.received": "the current figure is not reported",
            "tips.valuable": "no previous figure",
            "tips.resolved": "no current figure",
        }

    def test_zero_previous_gives_undefined_relative(self) -> None:
        ch = compare(
            [ob("tips.received", "62", "2023", tips(5))],
            [ob("tips.received", "62", "2022", tips(0))],
        ).changes[0]
        assert ch.delta == 5
        assert isinstance(ch.relative, Undefined)

    def test_ratio_changes_are_recomputed_from_parts(self) -> None:
        cur = [
            ob("tips.received", "62", "2023", tips(726)),
            ob("tips.valuable", "62", "2023", tips(655)),
        ]
        prev = [
            ob("tips.received", "62", "2022", tips(100)),
            ob("tips.valuable", "62", "2022", tips(80)),
        ]
        [rc] = compare(cur, prev).ratio_changes
        assert isinstance(rc.current, Ratio)
        assert rc.delta == Fraction(65500, 726) - 80
        assert rc.relative == rc.delta / 80

    def test_ratio_changes_with_undefined_or_qualified_parts(self) -> None:
        cur = [
            ob("tips.received", "62", "2023", tips(0)),
            ob("tips.valuable", "62", "2023", tips(0)),
        ]
        prev = [
            ob("tips.received", "62", "2022", tips(10, "at_least")),
            ob("tips.valuable", "62", "2022", tips(8)),
        ]
        [rc] = compare(cur, prev).ratio_changes
        assert rc.delta is None
        assert rc.reason == "the current ratio is undefined"
        [rc] = compare(prev, prev).ratio_changes
        assert rc.reason is not None
        assert "not exact" in rc.reason

    def test_reports_compare_their_own_periods(self) -> None:
        r23 = report(
            "2023",
            ob("tips.received", "62", "2023", tips(726)),
            ob("tips.received", "62", "2023Q4", tips(200)),  # a sub-period: left out
        )
        r22 = report("2022", ob("tips.received", "62", "2022", tips(700)))
        assert [ch.delta for ch in compare(r23, r22).changes] == [26]

    def test_rollup_results_compare(self) -> None:
        obs = [ob("tips.received", "62", f"2023Q{q}", tips(q)) for q in (1, 2, 3, 4)]
        year = rollup(obs, period="2023", registry=registry(), as_of=date(2024, 1, 1))
        ch = compare(year, [ob("tips.received", "62", "2022", tips(5))]).changes[0]
        assert ch.delta == 5

    @pytest.mark.parametrize(
        ("current", "error", "field"),
        [
            (
                [
                    ob("tips.received", "62", "2023", tips(1)),
                    ob("tips.received", "62", "2023Q1", tips(1)),
                ],
                InvariantError,
                "current",
            ),  # two periods for one figure
            (
                [
                    ob("tips.received", "62", "2023", tips(1)),
                    ob("tips.received", "62", "2023", tips(2)),
                ],
                ConflictError,
                "current",
            ),  # a conflict on one side
            ([1], AntqTypeError, "current"),  # not an observation
            (5, AntqTypeError, "current"),  # not observations at all
        ],
    )
    def test_bad_sides(self, current: Any, error: type[Exception], field: str) -> None:
        with pytest.raises(error) as err:
            compare(current, [])
        assert err.value.field == field  # type: ignore[attr-defined]

    def test_unknown_change(self) -> None:
        with pytest.raises(UnknownCodeError) as err:
            compare([], []).change("tips.received", "62")
        assert err.value.field == "change"
