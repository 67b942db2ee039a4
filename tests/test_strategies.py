"""The shipped strategies: registered with Hypothesis, valid, and reaching their edges."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from antq_domain import strategies as aqst
from antq_domain.records import MovementReport
from antq_domain.strategies._register import _REGISTRY
from antq_domain.values import NotApplicable, Quantity, Ratio, Undefined, Unit, Withheld

# reachability checks are deterministic: the same examples on every run
_FIND = settings(derandomize=True, database=None, max_examples=2000)


@pytest.mark.parametrize("cls", list(_REGISTRY), ids=lambda c: c.__name__)
def test_every_registered_type_resolves_through_from_type(cls: type[Any]) -> None:
    """``st.from_type(T)`` works downstream for every public type we register."""

    @settings(max_examples=5, database=None)
    @given(st.from_type(cls))
    def check(value: Any) -> None:
        assert isinstance(value, cls)

    check()


def test_every_registered_name_is_exported() -> None:
    assert set(_REGISTRY.values()) <= set(aqst.__all__)


@given(aqst.quantities())
def test_quantities_are_valid(q: Quantity) -> None:
    assert Quantity.parse(str(q)) == q
    assert q.unit.is_additive  # percentages are not parts of sums


class TestEdgesAreReached:
    def test_decimal_amounts(self) -> None:
        q = find(
            aqst.quantities(),
            lambda q: isinstance(q.amount, Decimal) and q.amount != int(q.amount),
            settings=_FIND,
        )
        assert q.unit.is_decimal

    @pytest.mark.parametrize("qualifier", ["at_least", "at_most", "approximately"])
    def test_every_qualifier(self, qualifier: str) -> None:
        q = find(aqst.quantities(), lambda q: q.qualifier == qualifier, settings=_FIND)
        assert q.qualifier == qualifier

    def test_large_counts(self) -> None:
        q = find(aqst.quantities(), lambda q: q.amount > 10**8, settings=_FIND)
        assert q.amount > 10**8

    def test_every_missing_marker(self) -> None:
        assert isinstance(
            find(aqst.missing_values(), lambda m: isinstance(m, Withheld), settings=_FIND),
            Withheld,
        )
        assert isinstance(
            find(aqst.missing_values(), lambda m: isinstance(m, NotApplicable), settings=_FIND),
            NotApplicable,
        )

    def test_undefined_ratios(self) -> None:
        r = find(aqst.ratios(), lambda r: isinstance(r.value, Undefined), settings=_FIND)
        assert isinstance(r, Ratio)
        assert r.denominator.amount == 0

    def test_percent_only_when_asked(self) -> None:
        u = find(aqst.units(), lambda u: u is Unit.PERCENT, settings=_FIND)
        assert u is Unit.PERCENT
        with pytest.raises(NoSuchExample):
            find(aqst.units(additive=True), lambda u: u is Unit.PERCENT, settings=_FIND)

    def test_reports_with_every_kind_of_record(self) -> None:
        # counting over a fixed, derandomized run: shrinking whole reports with
        # find() would cost minutes for nothing
        seen: set[str] = set()

        @settings(derandomize=True, database=None, max_examples=50)
        @given(aqst.reports())
        def look(r: MovementReport) -> None:
            for name in (
                "observations",
                "committees",
                "campaigns",
                "models",
                "forces",
                "programmes",
                "commendations",
                "limitations",
                "directions",
            ):
                if getattr(r, name):
                    seen.add(name)

        look()
        assert seen == {
            "observations",
            "committees",
            "campaigns",
            "models",
            "forces",
            "programmes",
            "commendations",
            "limitations",
            "directions",
        }
