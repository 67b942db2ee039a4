"""Rollups over places and time, ratios of sums, and the observation-set strategies."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from antq_domain.analysis.aggregation import (
    MEAN_OF_RATIOS_WARNING,
    Rollup,
    mean_of_ratios,
    ratio_of_sums,
    rollup,
)
from antq_domain.errors import (
    AntqTypeError,
    ConflictError,
    InvariantError,
    UnknownCodeError,
)
from antq_domain.io.rows import from_tidy, tidy
from antq_domain.records.observation import Observation
from antq_domain.records.places import Place, PlaceLevel, Registry, registry
from antq_domain.strategies import registries
from antq_domain.strategies._analysis import observation_sets, share_tables
from antq_domain.values import (
    NOT_APPLICABLE,
    NOT_REPORTED,
    Period,
    Quantity,
    Ratio,
    Undefined,
    Withheld,
)
from antq_domain.values.missing import Value

KT_2023 = date(2023, 12, 31)
QN_2025 = date(2025, 7, 1)
HEAVY = settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])


def ob(indicator: str, place: str, period: str | Period, value: Value, **dims: str) -> Observation:
    return Observation(indicator=indicator, place=place, period=period, value=value, dims=dims)


def tips(n: int, qualifier: str = "exact") -> Quantity:
    return Quantity(n, "tip", qualifier)


@pytest.fixture(scope="module")
def district() -> Registry:
    """A synthetic district of three communes (complete: nothing else is expected)."""
    return Registry(
        [
            Place(code="VN", name="Việt Nam", kind="nation"),
            Place(code="P", name="Tỉnh Thử", kind="province", parent="VN"),
            Place(code="D", name="Huyện Thử", kind="district", parent="P", valid_to=KT_2023),
            *(
                Place(
                    code=f"C{i}", name=f"Xã Thử {i}", kind="commune", parent="D", valid_to=KT_2023
                )
                for i in (1, 2, 3)
            ),
        ]
    )


def months(
    indicator: str, place: str, values: Sequence[Value], year: int = 2023
) -> list[Observation]:
    return [ob(indicator, place, Period.month(year, m + 1), v) for m, v in enumerate(values)]


class TestKonTumFigures:
    def test_valuable_tip_rate_is_ratio_of_the_parts(self) -> None:
        obs = [
            ob("tips.received", "62", "2023", tips(726)),
            ob("tips.valuable", "62", "2023", tips(655)),
        ]
        r = rollup(obs, registry=registry(), as_of=KT_2023)
        ratio = r.ratio("tips.valuable_rate", "62", "2023")
        assert isinstance(ratio, Ratio)
        assert ratio.value == Fraction(65500, 726)
        assert ratio.format("vi") == "90,2% (655/726)"
        assert ratio_of_sums([(tips(655), tips(726))]) == ratio


class TestSyntheticDistrict:
    """A district of 3 communes × 12 months."""

    @pytest.fixture
    def obs(self) -> list[Observation]:
        out: list[Observation] = []
        received = {"C1": 10, "C2": 100, "C3": 1}
        valuable = {"C1": 9, "C2": 10, "C3": 1}
        for c in ("C1", "C2", "C3"):
            out += months("tips.received", c, [tips(received[c])] * 12)
            out += months("tips.valuable", c, [tips(valuable[c])] * 12)
            out += months("models.active", c, [Quantity(m, "model") for m in range(1, 13)])
        return out

    def test_flows_sum_over_months_and_communes(
        self, obs: list[Observation], district: Registry
    ) -> None:
        r = rollup(obs, to="district", period="2023", registry=district, as_of=KT_2023)
        cell = r.cell("tips.received", "D")
        assert cell.value == tips(12 * 111)
        assert cell.contributors == ("C1", "C2", "C3")
        assert cell.is_complete
        assert len(cell.periods) == 12

    def test_stocks_take_the_last_value_and_sum_over_places(
        self, obs: list[Observation], district: Registry
    ) -> None:
        r = rollup(obs, to="district", period="2023", registry=district, as_of=KT_2023)
        assert r.cell("models.active", "D").value == Quantity(3 * 12, "model")
        by_quarter = rollup(obs, period="2023Q2", registry=district, as_of=KT_2023)
        assert by_quarter.cell("models.active", "C1").value == Quantity(6, "model")

    def test_ratio_of_sums_differs_from_mean_of_ratios(
        self, obs: list[Observation], district: Registry
    ) -> None:
        r = rollup(obs, to="district", period="2023", registry=district, as_of=KT_2023)
        ratio = r.ratio("tips.valuable_rate", "D")
        assert isinstance(ratio, Ratio)
        assert ratio.value == Fraction(100 * 20 * 12, 111 * 12)  # 18.0%
        mean = mean_of_ratios([(tips(9), tips(10)), (tips(10), tips(100)), (tips(1), tips(1))])
        assert mean.value == Fraction(90 + 10 + 100, 3)  # 66.7%
        assert mean.value != ratio.value
        assert mean.method == "mean_of_ratios"
        assert mean.warning == MEAN_OF_RATIOS_WARNING

    def test_stepwise_equals_direct(self, obs: list[Observation], district: Registry) -> None:
        direct = rollup(obs, to="province", period="2023", registry=district, as_of=KT_2023)
        by_commune = rollup(obs, period="2023", registry=district, as_of=KT_2023)
        stepwise = rollup(by_commune, to="province", registry=district, as_of=KT_2023)
        assert direct.observations == stepwise.observations

    def test_tidy_rows_round_trip(self, obs: list[Observation], district: Registry) -> None:
        r = rollup(obs, to="district", period="2023", registry=district, as_of=KT_2023)
        rows = tidy(r)
        assert len(rows) == 3
        assert tuple(from_tidy(rows, registry=district)) == r.observations


class TestMissingValues:
    """Missing is not zero: each strategy, with the missing places listed."""

    def obs(self, third: Value) -> list[Observation]:
        return [
            ob("tips.received", "C1", "2023", tips(5)),
            ob("tips.received", "C2", "2023", tips(7)),
            ob("tips.received", "C3", "2023", third),
        ]

    @pytest.mark.parametrize(
        ("missing", "expected"),
        [
            ("lower_bound", tips(12, "at_least")),  # a lower bound, never a silent 0
            ("strict", NOT_REPORTED),  # any missing part makes the cell missing
            ("ignore", tips(12)),  # the bare sum, but the place is still listed
        ],
    )
    def test_strategies(self, missing: Any, expected: Value, district: Registry) -> None:
        for third in (NOT_REPORTED, Withheld("classified")):
            r = rollup(self.obs(third), to="D", registry=district, as_of=KT_2023, missing=missing)
            cell = r.cell("tips.received", "D")
            assert cell.value == expected
            assert cell.missing_places == ("C3",)
            assert r.missing == missing

    def test_an_absent_place_is_missing_too(self, district: Registry) -> None:
        r = rollup(self.obs(tips(1))[:2], to="district", registry=district, as_of=KT_2023)
        cell = r.cell("tips.received", "D")
        assert cell.value == tips(12, "at_least")
        assert cell.missing_places == ("C3",)

    def test_not_applicable_parts_are_skipped(self, district: Registry) -> None:
        r = rollup(self.obs(NOT_APPLICABLE), to="district", registry=district, as_of=KT_2023)
        cell = r.cell("tips.received", "D")
        assert cell.value == tips(12)
        assert cell.is_complete

    def test_all_not_applicable_is_not_applicable(self, district: Registry) -> None:
        obs = [ob("tips.received", c, "2023", NOT_APPLICABLE) for c in ("C1", "C2", "C3")]
        r = rollup(obs, to="district", registry=district, as_of=KT_2023)
        assert r.cell("tips.received", "D").value == NOT_APPLICABLE

    def test_qualifiers_of_parts_join(self, district: Registry) -> None:
        r = rollup(self.obs(tips(1, "at_most")), to="district", registry=district, as_of=KT_2023)
        assert r.cell("tips.received", "D").value == tips(13, "at_most")

    def test_a_gap_in_a_flow_is_a_missing_period(self, district: Registry) -> None:
        obs = months("tips.received", "C1", [tips(1)] * 12)
        del obs[4]  # no May
        obs[7] = ob("tips.received", "C1", Period.month(2023, 9), NOT_REPORTED)
        r = rollup(obs, period="2023", registry=district, as_of=KT_2023)
        cell = r.cell("tips.received", "C1")
        assert cell.value == tips(10, "at_least")
        assert cell.missing_periods == (
            ("C1", Period.month(2023, 5)),
            ("C1", Period.month(2023, 9)),
        )

    def test_irregular_gaps_are_ranges(self, district: Registry) -> None:
        obs = [ob("tips.received", "C1", "2023-01-01/2023-07-31", tips(3))]
        r = rollup(obs, period="2023", registry=district, as_of=KT_2023)
        assert r.cell("tips.received", "C1").missing_periods == (
            ("C1", Period.parse("2023-08-01/2023-12-31")),
        )


class TestTime:
    def test_overlapping_flows_are_refused(self, district: Registry) -> None:
        obs = [
            ob("tips.received", "C1", "2023Q1", tips(3)),
            ob("tips.received", "C1", "202303", tips(1)),
        ]
        with pytest.raises(InvariantError) as err:
            rollup(obs, period="2023", registry=district, as_of=KT_2023)
        assert err.value.field == "period"
        assert "2023Q1" in str(err.value)

    def test_overlapping_stocks_take_the_last(self, district: Registry) -> None:
        obs = [
            ob("models.active", "C1", "2023Q1", Quantity(3, "model")),
            ob("models.active", "C1", "202302", Quantity(8, "model")),
        ]
        r = rollup(obs, period="2023", registry=district, as_of=KT_2023)
        assert r.cell("models.active", "C1").value == Quantity(3, "model")

    def test_stocks_at_one_end_that_disagree_conflict(self, district: Registry) -> None:
        obs = [
            ob("models.active", "C1", "2023Q1", Quantity(3, "model")),
            ob("models.active", "C1", "202303", Quantity(8, "model")),
        ]
        with pytest.raises(ConflictError) as err:
            rollup(obs, period="2023", registry=district, as_of=KT_2023)
        assert err.value.field == "value"

    def test_outside_is_left_out_and_straddling_is_noted(self, district: Registry) -> None:
        obs = [
            ob("tips.received", "C1", "2022", tips(3)),
            ob("tips.received", "C1", "2022-12-01/2023-01-31", tips(3)),
            ob("tips.received", "C1", "2023", tips(5)),
        ]
        r = rollup(obs, period="2023", registry=district, as_of=KT_2023)
        assert r.cell("tips.received", "C1").value == tips(5)
        assert [str(n.period) for n in r.notes] == ["2022-12-01/2023-01-31"]
        assert "straddles" in r.notes[0].reason

    def test_stated_percentages_are_never_reaggregated(self, district: Registry) -> None:
        pct = Quantity(Decimal("91.09"), "percent")
        obs = [ob("tips.valuable_rate", c, "2023", pct) for c in ("C1", "C2")]
        r = rollup(obs, to="district", registry=district, as_of=KT_2023)
        assert r.cells == ()
        assert {n.place for n in r.notes} == {"C1", "C2"}
        assert all("never re-aggregated" in n.reason for n in r.notes)
        kept = rollup(obs, registry=district, as_of=KT_2023)
        assert kept.observations == tuple(obs)
        assert all(c.passed_through for c in kept.cells)

    def test_kinds_of_models_do_not_add_over_places(self, district: Registry) -> None:
        obs = [
            ob("models.types_active", c, "2023", Quantity(7, "model_type")) for c in ("C1", "C2")
        ]
        r = rollup(obs, to="district", registry=district, as_of=KT_2023)
        assert r.cells == ()
        assert all("does not add up over places" in n.reason for n in r.notes)
        same = rollup(obs, registry=district, as_of=KT_2023)
        assert [c.value for c in same.cells] == [Quantity(7, "model_type")] * 2


class TestRestatedKonTum:
    """Kon Tum 2023 figures restated onto the 2025 units of Quảng Ngãi."""

    WARDS = ("23281", "23287", "23290", "23293@2025-06-30", "23299")

    def test_five_old_wards_sum_into_phuong_kon_tum(self) -> None:
        obs = [ob("tips.received", w, "2023", tips(i + 1)) for i, w in enumerate(self.WARDS)]
        r = rollup(obs, registry=registry(), as_of=QN_2025, view="restated")
        cell = r.cell("tips.received", "23293")
        assert cell.value == tips(15)
        assert cell.contributors == self.WARDS
        assert cell.is_complete
        assert r.tree == "history restated onto the units alive on 2025-07-01"

    def test_official_codes_resolve_by_the_period(self) -> None:
        # "23293" in 2023 is Phường Thắng Lợi, whose code Phường Kon Tum took over
        obs = [ob("tips.received", "23293", "2023", tips(4))]
        r = rollup(obs, registry=registry(), as_of=QN_2025, view="restated")
        cell = r.cell("tips.received", "23293")
        assert cell.contributors == ("23293@2025-06-30",)
        assert cell.value == tips(4, "at_least")
        assert cell.missing_places == ("23281", "23287", "23290", "23299")

    def test_province_total_is_conserved(self) -> None:
        reg = registry()
        communes = reg.descendants("62", KT_2023, level=PlaceLevel.COMMUNE)
        obs = [ob("tips.received", p.code, "2023", tips(i % 17)) for i, p in enumerate(communes)]
        total = sum(i % 17 for i in range(len(communes)))
        old = rollup(obs, to="province", registry=reg, as_of=KT_2023)
        assert old.cell("tips.received", "62").value == tips(total)
        new = rollup(obs, registry=reg, as_of=QN_2025, view="restated")
        assert sum(c.value.amount for c in new.cells if isinstance(c.value, Quantity)) == total
        assert all(reg.alive(c.place, QN_2025) for c in new.cells)
        province = rollup(obs, to="province", registry=reg, as_of=QN_2025, view="restated")
        cell = province.cell("tips.received", "51")
        # the old Quảng Ngãi communes are expected too: a lower bound, same amount
        assert cell.value == tips(total, "at_least")
        assert all(reg.get(p).parent != "62" for p in cell.missing_places[:5])


class TestSplitUnits:
    """Phường Cống Vị (Hà Nội, 00007) was split between 00008 and 00025."""

    def test_split_without_shares_is_refused(self) -> None:
        obs = [ob("tips.received", "00007", "2023", tips(10))]
        with pytest.raises(InvariantError) as err:
            rollup(obs, registry=registry(), as_of=QN_2025, view="restated")
        assert err.value.field == "shares"
        assert "Cống Vị" in str(err.value)

    def test_shares_allocate_exactly(self) -> None:
        obs = [ob("tips.received", "00007", "2023", tips(10))]
        shares = {"00007": {"00008": Fraction(1, 3), "00025": Fraction(2, 3)}}
        r = rollup(obs, registry=registry(), as_of=QN_2025, view="restated", shares=shares)
        amounts = {c.place: c.value for c in r.cells}
        assert amounts == {"00008": tips(3, "at_least"), "00025": tips(7, "at_least")}
        assert [(a.source, a.target, a.share) for a in r.allocations] == [
            ("00007", "00008", Fraction(1, 3)),
            ("00007", "00025", Fraction(2, 3)),
        ]

    @pytest.mark.parametrize(
        ("shares", "field"),
        [
            ({"00007": {"00008": Fraction(1, 2)}}, "shares.00007"),  # sums to 1/2
            (
                {"00007": {"00008": Fraction(1, 2), "99999": Fraction(1, 2)}},
                "shares.00007",
            ),  # not a successor
            ({"00007": {"00008": 0.5, "00025": 0.5}}, "shares.00007.00008"),  # floats refused
            ({"00007": {"00008": Fraction(-1), "00025": 2}}, "shares.00007.00008"),  # negative
        ],
    )
    def test_bad_share_tables(self, shares: Any, field: str) -> None:
        obs = [ob("tips.received", "00007", "2023", tips(10))]
        with pytest.raises(InvariantError) as err:
            rollup(obs, registry=registry(), as_of=QN_2025, view="restated", shares=shares)
        assert err.value.field == field


class TestBadInputs:
    @pytest.mark.parametrize(
        ("kwargs", "error", "field"),
        [
            ({"view": "today"}, InvariantError, "view"),  # not a view
            ({"missing": "zero"}, InvariantError, "missing"),  # missing is never zero
            ({"as_of": "2023-12-31"}, AntqTypeError, "as_of"),  # a date object, not text
            ({"to": "commune", "obs": [("62", "2023")]}, InvariantError, "to"),  # below the inputs
            ({"to": "district", "as_of": QN_2025}, InvariantError, "place"),  # not in that tree
            ({"obs": [("XX", "2023")]}, UnknownCodeError, "place"),  # unknown place
            (
                {"obs": [("616", "2023")], "view": "restated", "as_of": QN_2025},
                InvariantError,
                "place",
            ),  # district abolished
            ({"to": "616", "as_of": QN_2025}, UnknownCodeError, "place"),  # target gone by then
            (
                {"to": "nation", "obs": [("62", "2023"), ("616", "2023")]},
                InvariantError,
                "observations",
            ),  # double count
            ({"to": [1]}, AntqTypeError, "to"),  # codes are strings
        ],
    )
    def test_table(self, kwargs: dict[str, Any], error: type[Exception], field: str) -> None:
        places = kwargs.pop("obs", [("23281", "2023")])
        obs = [ob("tips.received", p, period, tips(1)) for p, period in places]
        args: dict[str, Any] = {"registry": registry(), "as_of": KT_2023, **kwargs}
        with pytest.raises(error) as err:
            rollup(obs, **args)
        assert getattr(err.value, "field", None) == field

    def test_conflicting_inputs(self) -> None:
        obs = [
            ob("tips.received", "62", "2023", tips(726)),
            ob("tips.received", "62", "2023", tips(762)),
        ]
        with pytest.raises(ConflictError) as err:
            rollup(obs, registry=registry(), as_of=KT_2023)
        assert err.value.field == "value"

    def test_identical_inputs_count_once(self) -> None:
        a = ob("tips.received", "62", "2023", tips(726))
        r = rollup([a, a], to="nation", registry=registry(), as_of=KT_2023, missing="ignore")
        assert r.cell("tips.received", "VN").value == tips(726)

    def test_not_observations(self) -> None:
        with pytest.raises(AntqTypeError) as err:
            rollup([1], registry=registry(), as_of=KT_2023)
        assert err.value.field == "observations"

    @pytest.mark.parametrize(
        ("parts", "error"),
        [
            ([], InvariantError),  # no parts
            ([(tips(1),)], AntqTypeError),  # not a pair
            ([(1, 2)], AntqTypeError),  # not quantities
        ],
    )
    def test_ratio_primitives(self, parts: Any, error: type[Exception]) -> None:
        with pytest.raises(error) as err:
            ratio_of_sums(parts)
        assert err.value.field == "parts"  # type: ignore[attr-defined]

    def test_zero_denominator_is_undefined(self) -> None:
        value = ratio_of_sums([(tips(0), tips(0))]).value
        assert isinstance(value, Undefined)
        assert isinstance(mean_of_ratios([(tips(1), tips(0))]).value, Undefined)

    def test_missing_part_gives_undefined_ratio(self) -> None:
        obs = [
            ob("tips.received", "62", "2023", NOT_REPORTED),
            ob("tips.valuable", "62", "2023", tips(5)),
        ]
        r = rollup(obs, registry=registry(), as_of=KT_2023)
        ratio = r.ratio("tips.valuable_rate", "62")
        assert isinstance(ratio, Undefined)
        assert "tips.received is not_reported" in ratio.reason


class TestRollupResult:
    def test_lookup_errors(self) -> None:
        r = rollup([], registry=registry(), as_of=KT_2023)
        with pytest.raises(UnknownCodeError) as err:
            r.cell("tips.received", "62")
        assert err.value.field == "cell"
        with pytest.raises(UnknownCodeError) as err:
            r.ratio("tips.valuable_rate", "62")
        assert err.value.field == "ratio"

    def test_is_frozen(self) -> None:
        r = rollup([], registry=registry(), as_of=KT_2023)
        with pytest.raises(AttributeError):
            r.view = "restated"  # type: ignore[misc]
        assert isinstance(r, Rollup)


# --- the strategies ------------------------------------------------------------


class TestObservationSets:
    @HEAVY
    @given(st.data())
    def test_every_example_is_valid(self, data: st.DataObject) -> None:
        reg = data.draw(registries())
        obs = data.draw(observation_sets(reg))
        cells = [o.cell for o in obs]
        assert len(cells) == len(set(cells))
        years = {o.period.start.year for o in obs}
        assert len(years) <= 1
        year = years.pop() if years else 2000
        for o in obs:
            place = reg.get(o.place)
            assert place.level is PlaceLevel.COMMUNE
            assert place.alive_on(date(year, 1, 1))
            assert place.alive_on(date(year, 12, 31))
            assert o.period.kind.value == "month"

    @pytest.mark.parametrize(
        "condition",
        [
            lambda obs: any(o.value == NOT_REPORTED for o in obs),  # missing markers
            lambda obs: any(isinstance(o.value, Withheld) for o in obs),  # withheld
            lambda obs: any(
                isinstance(o.value, Quantity) and not o.value.is_exact for o in obs
            ),  # lower bounds
            lambda obs: len({o.place for o in obs}) == 4,  # max places
            lambda obs: len({o.period for o in obs}) >= 6,  # many months
            lambda obs: len({o.indicator for o in obs}) == 3,  # every indicator
        ],
    )
    def test_edges_are_reachable(self, condition: Any) -> None:
        find(
            observation_sets(registry(), year=2023),
            condition,
            settings=settings(
                max_examples=1000,
                phases=[Phase.generate],
                database=None,
                suppress_health_check=list(HealthCheck),
            ),
        )

    @pytest.mark.parametrize(
        ("kwargs", "error"),
        [
            ({"max_places": 0}, "max_places"),  # at least one place
            ({"max_months": 13}, "max_months"),  # a year has 12 months
            ({"indicators": ()}, "indicator"),  # at least one indicator
            ({"indicators": ("tips.valuable_rate",)}, "ratio"),  # a ratio has parts instead
        ],
    )
    def test_bad_arguments(self, kwargs: dict[str, Any], error: str) -> None:
        from hypothesis.errors import InvalidArgument

        with pytest.raises(InvalidArgument, match=error):
            observation_sets(registry(), year=2023, **kwargs).validate()

    @HEAVY
    @given(st.data())
    def test_share_tables_sum_to_one(self, data: st.DataObject) -> None:
        reg = data.draw(registries(reform=True))
        as_of = max(p.valid_from for p in reg if p.valid_from is not None)
        table = data.draw(share_tables(reg, as_of))
        for old, row in table.items():
            assert sum(row.values()) == 1
            assert set(row) == {p.code for p in reg.current(old, as_of)}
            assert all(s > 0 for s in row.values())
