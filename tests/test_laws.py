"""The laws of DESIGN.md, run through the shipped law functions, one class per law."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antq_domain import strategies as aqst
from antq_domain.analysis.aggregation import Rollup, rollup
from antq_domain.analysis.comparison import combine, compare
from antq_domain.analysis.expressions import Operator, Outcome, compare_intervals
from antq_domain.errors import InvariantError
from antq_domain.laws import (
    LAWS,
    LawViolation,
    law_bound_comparison,
    law_bound_join,
    law_bound_sum,
    law_empty_is_neutral,
    law_file_round_trip,
    law_json_round_trip,
    law_largest_remainder,
    law_monoid,
    law_no_mutation,
    law_order_independence,
    law_partition_sum,
    law_qualifier_join,
    law_ratio_between,
    law_restating_conserves,
    law_stocks_and_flows,
    law_text_round_trip,
    law_totals_convention,
)
from antq_domain.records.indicators import catalogue
from antq_domain.records.observation import Dims, Observation
from antq_domain.records.places import Registry, registry
from antq_domain.records.report import MovementReport
from antq_domain.strategies import hostile_texts, observations, reports
from antq_domain.strategies._analysis import observation_sets, share_tables
from antq_domain.values import Period, Qualifier, Quantity, Ratio, Unit
from antq_domain.values.interval import Interval

HEAVY = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
FLOWS = ("tips.received", "tips.valuable")


def year_of(obs: Sequence[Observation]) -> int:
    return obs[0].period.start.year if obs else 2000


@st.composite
def registers_with_sets(
    draw: st.DrawFn, /, *, reform: bool | None = False, **kwargs: Any
) -> tuple[Registry, list[Observation]]:
    reg = draw(aqst.registries(reform=reform))
    return reg, draw(observation_sets(reg, **kwargs))


def rolled(reg: Registry, year: int, **kwargs: Any) -> Callable[[Sequence[Observation]], Rollup]:
    def aggregate(obs: Sequence[Observation]) -> Rollup:
        return rollup(
            obs, period=Period.year(year), registry=reg, as_of=date(year, 12, 31), **kwargs
        )

    return aggregate


def tips(n: int) -> Quantity:
    return Quantity(n, Unit.TIP)


class TestLaw1PartitionSum:
    """Law 1: "Summing over a partition of places or periods equals summing the parts"."""

    @HEAVY
    @given(registers_with_sets(), st.data())
    def test_partition_of_places(
        self, drawn: tuple[Registry, list[Observation]], data: st.DataObject
    ) -> None:
        reg, obs = drawn
        places = sorted({o.place for o in obs})
        chosen = set(data.draw(st.lists(st.sampled_from(places), unique=True))) if places else set()
        partition = [
            [o for o in obs if o.place in chosen],
            [o for o in obs if o.place not in chosen],
        ]
        aggregate = rolled(reg, year_of(obs), to="province", missing="ignore")
        law_partition_sum(aggregate, obs, partition)

    @HEAVY
    @given(registers_with_sets(indicators=FLOWS), st.data())
    def test_partition_of_periods(
        self, drawn: tuple[Registry, list[Observation]], data: st.DataObject
    ) -> None:
        reg, obs = drawn
        cut = data.draw(st.integers(1, 12))
        partition = [
            [o for o in obs if o.period.start.month <= cut],
            [o for o in obs if o.period.start.month > cut],
        ]
        law_partition_sum(rolled(reg, year_of(obs), missing="ignore"), obs, partition)

    def test_a_broken_aggregation_is_caught(self) -> None:
        obs = [
            Observation(indicator="tips.received", place="62", period=f"2023Q{q}", value=tips(q))
            for q in (1, 2)
        ]

        def first_only(o: Sequence[Observation]) -> list[Observation]:
            return [x.model_copy(update={"period": Period.year(2023)}) for x in o[:1]]

        with pytest.raises(LawViolation, match="law 1"):
            law_partition_sum(first_only, obs, [obs[:1], obs[1:]])

    def test_the_partition_must_hold_the_observations(self) -> None:
        obs = [Observation(indicator="tips.received", place="62", period="2023", value=tips(1))]
        with pytest.raises(InvariantError) as err:
            law_partition_sum(list, obs, [])
        assert err.value.field == "partition"


class TestLaw2OrderAndEmpty:
    """Law 2: "Aggregation is order-independent and the empty input gives the neutral result"."""

    @HEAVY
    @given(registers_with_sets(), st.data())
    def test_rollup_is_order_independent(
        self, drawn: tuple[Registry, list[Observation]], data: st.DataObject
    ) -> None:
        reg, obs = drawn
        aggregate = rolled(reg, year_of(obs), to="province")
        law_order_independence(aggregate, obs)
        shuffled = data.draw(st.permutations(obs))
        assert aggregate(shuffled) == aggregate(obs)

    def test_empty_rollup_is_neutral(self) -> None:
        law_empty_is_neutral(rolled(registry(), 2023, to="province"))

    @HEAVY
    @given(
        st.lists(
            observation_sets(registry(), year=2023, max_places=2, max_months=2),
            min_size=3,
            max_size=3,
        )
    )
    def test_combine_is_a_monoid(self, sets: list[list[Observation]]) -> None:
        a, b, c = (combine([s]) for s in sets)
        law_monoid(combine, a, b, c)

    def test_violations_are_caught(self) -> None:
        with pytest.raises(LawViolation, match="law 2"):
            law_order_independence(
                lambda o: o[:1],
                [
                    Observation(indicator="tips.received", place=p, period="2023", value=tips(1))
                    for p in ("62", "616")
                ],
            )
        with pytest.raises(LawViolation, match="empty"):
            law_empty_is_neutral(
                lambda o: [
                    Observation(indicator="tips.received", place="62", period="2023", value=tips(0))
                ]
            )
        with pytest.raises(LawViolation, match="neutral"):
            law_monoid(lambda xs: sum(xs) + 1, 1, 2, 3)


class TestLaw3RatioBetween:
    """Law 3: "A ratio of sums lies between the smallest and largest part ratio"."""

    @given(
        st.lists(
            st.tuples(st.integers(0, 10**6), st.integers(1, 10**6)).map(
                lambda nd: (tips(nd[0]), tips(nd[1]))
            ),
            min_size=1,
            max_size=8,
        )
    )
    def test_ratio_of_sums(self, parts: list[tuple[Quantity, Quantity]]) -> None:
        law_ratio_between(parts)

    @HEAVY
    @given(registers_with_sets(missing=False, qualifiers=False, gaps=False))
    def test_rollup_ratio_between_commune_ratios(
        self, drawn: tuple[Registry, list[Observation]]
    ) -> None:
        reg, obs = drawn
        year = year_of(obs)
        communes = rolled(reg, year)(obs)
        province = rolled(reg, year, to="province")(obs)
        for cell in province.ratios:
            ratio = cell.ratio
            assert isinstance(ratio, Ratio)
            parts = [
                (r.ratio.numerator, r.ratio.denominator)
                for r in communes.ratios
                if isinstance(r.ratio, Ratio)
                and reg.ancestors(r.place, date(year, 12, 31))[-2].code == cell.place
            ]
            # the law's precondition: every part has a positive denominator (a commune
            # with valuable tips but none received has no part ratio to bound the sum)
            if parts and all(d.amount > 0 for _, d in parts):

                def aggregated(
                    _parts: Sequence[tuple[Quantity, Quantity]], r: Ratio = ratio
                ) -> Ratio:
                    return r

                law_ratio_between(parts, ratio=aggregated)

    def test_a_mean_of_ratios_can_break_it(self) -> None:
        parts = [(tips(9), tips(10)), (tips(1), tips(90))]
        law_ratio_between(parts)
        with pytest.raises(LawViolation, match="law 3"):
            law_ratio_between(parts, ratio=lambda p: Ratio(tips(99), tips(100)))
        with pytest.raises(InvariantError):
            law_ratio_between([(tips(1), tips(0))])


class TestLaw4StocksAndFlows:
    """Law 4: "Stocks are never summed over time; flows over disjoint periods add"."""

    @HEAVY
    @given(registers_with_sets())
    def test_rollup_over_time(self, drawn: tuple[Registry, list[Observation]]) -> None:
        reg, obs = drawn
        year = year_of(obs)

        def over_time(o: Sequence[Observation], p: Period) -> Rollup:
            return rollup(o, period=p, registry=reg, as_of=date(year, 12, 31))

        law_stocks_and_flows(over_time, obs, Period.year(year))

    def test_summing_a_stock_is_caught(self) -> None:
        obs = [
            Observation(
                indicator="models.active",
                place="62",
                period=f"2023Q{q}",
                value=Quantity(5, "model"),
            )
            for q in (1, 2)
        ]

        def summing(o: Sequence[Observation], p: Period) -> list[Observation]:
            total = sum(x.value.amount for x in o if isinstance(x.value, Quantity))
            return [o[0].model_copy(update={"period": p, "value": Quantity(total, "model")})]

        with pytest.raises(LawViolation, match="stock"):
            law_stocks_and_flows(summing, obs, Period.year(2023))


class TestLaw5QualifierJoin:
    """Law 5: "Qualifier join is associative, commutative, with `exact` as identity"."""

    @given(aqst.qualifiers(), aqst.qualifiers(), aqst.qualifiers())
    def test_join(self, a: Qualifier, b: Qualifier, c: Qualifier) -> None:
        law_qualifier_join(a, b, c)


class TestLaw6TextRoundTrip:
    """Law 6: "`parse(format(x)) == x` for periods, quantities, document references"."""

    @given(st.one_of(aqst.periods(), aqst.quantities(), aqst.document_refs()))
    def test_round_trip(self, value: Any) -> None:
        law_text_round_trip(value)


class TestLaw7JsonRoundTrip:
    """Law 7: "JSON round trip of any valid report is the identity"."""

    @HEAVY
    @given(reports(max_observations=4, max_records=1))
    def test_reports(self, report: MovementReport) -> None:
        law_json_round_trip(report)

    def test_a_lossy_serializer_breaks_it(self) -> None:
        report = MovementReport(issuer="x", place="62", period="2023", as_of=date(2024, 1, 15))
        with pytest.raises(LawViolation, match="law 7"):
            law_json_round_trip(
                report,
                dump=lambda r: r.model_copy(update={"issuer": "y"}).model_dump_json(),
            )


class TestLaw8NoMutation:
    """Law 8: "No function mutates its inputs"."""

    @HEAVY
    @given(registers_with_sets())
    def test_rollup_combine_compare(self, drawn: tuple[Registry, list[Observation]]) -> None:
        reg, obs = drawn
        year = year_of(obs)
        shares: dict[str, dict[str, Fraction]] = {}
        law_no_mutation(
            rollup, obs, to="province", registry=reg, as_of=date(year, 12, 31), shares=shares
        )
        law_no_mutation(combine, [obs, obs[:1]])
        yearly = rolled(reg, year)(obs).observations
        law_no_mutation(compare, list(yearly), list(yearly[:1]))

    def test_a_mutation_is_caught(self) -> None:
        def clears(xs: list[int]) -> None:
            xs.clear()

        with pytest.raises(LawViolation, match="law 8"):
            law_no_mutation(clears, [1])
        with pytest.raises(LawViolation, match="'table'"):
            law_no_mutation(lambda table: table.update(a=1), table={})


class TestLaw9RestatingConserves:
    """Law 9: "Restating onto today's tree conserves totals"."""

    @HEAVY
    @given(registers_with_sets(reform=True), st.data())
    def test_restated_rollup(
        self, drawn: tuple[Registry, list[Observation]], data: st.DataObject
    ) -> None:
        reg, obs = drawn
        as_of = max(p.valid_from for p in reg if p.valid_from is not None)
        shares = data.draw(share_tables(reg, as_of))
        to = data.draw(st.sampled_from([None, "nation"]))

        def restate(o: Sequence[Observation]) -> Rollup:
            return rollup(o, to=to, registry=reg, as_of=as_of, view="restated", shares=shares)

        law_restating_conserves(restate, obs)

    def test_losing_a_figure_is_caught(self) -> None:
        obs = [Observation(indicator="tips.received", place="62", period="2023", value=tips(3))]
        with pytest.raises(LawViolation, match="law 9"):
            law_restating_conserves(lambda o: [], obs, catalogue=catalogue())


class TestLaw10LargestRemainder:
    """Law 10: "Display rounding with largest remainder: shown parts add to the shown total"."""

    @given(
        st.lists(st.fractions(min_value=0, max_value=1000, max_denominator=97), max_size=6),
        st.integers(0, 3),
    )
    def test_shown_parts_add_up(self, values: list[Fraction], decimals: int) -> None:
        law_largest_remainder(values, decimals)


def test_every_law_is_listed() -> None:
    assert sorted(LAWS) == list(range(1, 13))
    assert all(callable(f) for fs in LAWS.values() for f in fs)


# --- law 11: the totals convention ----------------------------------------------------

_TOTALLED: tuple[tuple[str, str, str, dict[str, str]], ...] = (
    ("weapons.guns", "weapon_kind", "piece", {}),
    ("commendations.recipients", "recipient_kind", "recipient", {"form": "order"}),
    ("safety_standard.units_meeting", "managed_by", "unit", {"unit_kind": "school"}),
    ("models.being_built", "model_level", "model", {}),
    ("welfare.buildings_handed_over", "building_kind", "building", {}),
)


class TestTotalsConvention:
    @given(st.sampled_from(_TOTALLED), st.data())
    def test_a_total_is_the_sum_of_all_its_parts_and_a_vague_one_stands_alone(
        self, case: tuple[str, str, str, dict[str, str]], data: st.DataObject
    ) -> None:
        code, name, unit, rest = case
        parts = catalogue().dimension(name).parts
        amounts = data.draw(
            st.lists(st.integers(0, 10**6), min_size=len(parts), max_size=len(parts))
        )
        observations = [
            Observation(
                indicator=code,
                place="62",
                period="2023",
                value=Quantity(n, unit),
                dims={**rest, name: part},
            )
            for n, part in zip(amounts, parts, strict=True)
        ]
        law_totals_convention(observations, name)

    def test_a_check_that_ignores_unspecified_sets_breaks_the_law(self) -> None:
        from antq_domain.analysis.validation import check_totals

        parts = catalogue().dimension("recipient_kind").parts
        observations = [
            Observation(
                indicator="commendations.recipients",
                place="62",
                period="2023",
                value=Quantity(1, "recipient"),
                dims={"recipient_kind": part},
            )
            for part in parts
        ]

        def naive(obs: Sequence[Observation]) -> Any:
            # compares even figures stated for an unspecified issuer: wrong
            plain = [
                o.model_copy(
                    update={"dims": Dims.of({k: v for k, v in o.dims.items() if k != "issuer"})}
                )
                for o in obs
            ]
            return check_totals(plain)

        with pytest.raises(LawViolation, match="issuer=unspecified"):
            law_totals_convention(observations, "recipient_kind", check=naive)

    def test_parts_must_be_every_part_of_one_cell(self) -> None:
        one = Observation(
            indicator="weapons.guns",
            place="62",
            period="2023",
            value=Quantity(1, "piece"),
            dims={"weapon_kind": "military"},
        )
        with pytest.raises(InvariantError):
            law_totals_convention([one], "weapon_kind")
        with pytest.raises(InvariantError):
            law_totals_convention([], "weapon_kind")


class TestLaw7FileRoundTrip:
    """Law 7 on disk, over generated observations with hostile text in them."""

    @given(
        st.lists(observations(), min_size=1, max_size=3),
        hostile_texts(),
        hostile_texts(),
    )
    def test_hostile_text_round_trips(
        self, obs: list[Observation], source: str, quote: str
    ) -> None:
        hostile = [o.model_copy(update={"source": source, "quote": quote}) for o in obs]
        law_file_round_trip(hostile)
        law_file_round_trip(hostile, spreadsheet_safe=False)

    def test_a_lossy_reader_would_break_it(self, monkeypatch: pytest.MonkeyPatch) -> None:
        import antq_domain.laws as laws_module

        obs = [
            Observation(
                indicator="tips.received",
                place="62",
                period="2023",
                value=Quantity(1, "tip"),
                source="'=1",
            )
        ]
        original = laws_module.read_observations  # type: ignore[attr-defined]

        def lossy(path: Any, **kwargs: Any) -> list[Observation]:
            return [o.model_copy(update={"source": None}) for o in original(path, **kwargs)]

        monkeypatch.setattr(laws_module, "read_observations", lossy)
        with pytest.raises(LawViolation, match="law 7"):
            law_file_round_trip(obs)


# --- law 12: bound strictness ---------------------------------------------------------
_AMOUNTS = st.integers(0, 10_000)
_BOUNDS = st.one_of(
    st.none(),
    st.fractions(min_value=-50, max_value=50, max_denominator=7),
)


@st.composite
def _intervals(draw: st.DrawFn) -> Interval:
    low, high = draw(_BOUNDS), draw(_BOUNDS)
    if low is not None and high is not None and high < low:
        low, high = high, low
    point = low is not None and low == high
    low_open = low is not None and not point and draw(st.booleans())
    high_open = high is not None and not point and draw(st.booleans())
    return Interval(low, high, low_open=low_open, high_open=high_open)


class TestLaw12BoundStrictness:
    """Law 12: "Bounds keep their strictness through joins, sums and comparisons"."""

    @given(aqst.qualifiers(), aqst.qualifiers())
    def test_join(self, a: Qualifier, b: Qualifier) -> None:
        law_bound_join(a, b)

    @given(_AMOUNTS, aqst.qualifiers(), _AMOUNTS, aqst.qualifiers())
    def test_sum(self, x: int, qx: Qualifier, y: int, qy: Qualifier) -> None:
        law_bound_sum(Quantity(x, "tip", qx), Quantity(y, "tip", qy))

    @given(st.sampled_from([o for o in Operator if not o.is_pair]), _intervals(), _intervals())
    def test_comparison(self, op: Operator, left: Interval, right: Interval) -> None:
        law_bound_comparison(op, left, right)

    def test_a_join_that_forgets_strictness_is_caught(self) -> None:
        class Loose(str):
            side = "lower"
            is_strict = False

            def combine(self, other: object) -> Qualifier:
                return Qualifier.AT_LEAST

        with pytest.raises(LawViolation, match="bound join"):
            law_bound_join(Loose("x"), Qualifier.MORE_THAN)  # type: ignore[arg-type]

    def test_a_comparison_blind_to_open_ends_is_caught(self) -> None:
        # what the comparison said before strictness: [100, ∞) against 100 for "<" is violated
        # only when closed; an open "hơn 100" must be violated for "<=" too
        hon = Interval(100, None, low_open=True)
        law_bound_comparison(Operator.LE, hon, Interval(100, 100))
        assert compare_intervals(Operator.LE, hon, Interval(100, 100)) is Outcome.VIOLATED
        wrong = Interval(100, None)  # the same figure read without its strictness
        assert compare_intervals(Operator.LE, wrong, Interval(100, 100)) is Outcome.UNDETERMINED
