"""The one bounded change: `bounded_change` on intervals, and its callers agreeing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq_domain.analysis.comparison import compare
from antq_domain.analysis.evaluation import evaluate
from antq_domain.errors import AntqTypeError
from antq_domain.records.report import MovementReport
from antq_domain.values import Interval, Qualifier, Quantity, Ratio, Undefined
from antq_domain.values.change import BoundedChange, bounded_change

ends = st.one_of(
    st.integers(-1000, 1000),
    st.fractions(min_value=-1000, max_value=1000, max_denominator=50),
    st.decimals(min_value=-1000, max_value=1000, places=2, allow_nan=False),
)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a, b = draw(ends), draw(ends)
    low, high = (a, b) if Fraction(a) <= Fraction(b) else (b, a)
    return Interval(
        None if draw(st.booleans()) and not draw(st.booleans()) else low,
        None if draw(st.integers(0, 3)) == 0 else high,
    )


def _inside(x: Fraction, i: Interval) -> bool:
    return (i.low is None or Fraction(i.low) <= x) and (i.high is None or x <= Fraction(i.high))


@given(intervals(), intervals())
def test_bounds_are_every_difference_and_only_those(cur: Interval, prev: Interval) -> None:
    ch = bounded_change(cur, prev)
    # sound: the ends' differences (the extreme ones) lie within the bounds
    for c in (cur.low, cur.high):
        for p in (prev.low, prev.high):
            if c is not None and p is not None:
                d = Fraction(c) - Fraction(p)
                assert ch.low is None or ch.low <= d
                assert ch.high is None or d <= ch.high
    # tight: each finite bound is attained by a pair of ends
    if ch.low is not None:
        assert cur.low is not None
        assert prev.high is not None
        assert ch.low == Fraction(cur.low) - Fraction(prev.high)
    if ch.high is not None:
        assert cur.high is not None
        assert prev.low is not None
        assert ch.high == Fraction(cur.high) - Fraction(prev.low)
    assert ch.is_exact == (cur.is_point and prev.is_point)
    assert (ch.relative is None) == (not ch.is_exact)


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_exact_figures_give_the_exact_change_and_its_relative(c: int, p: int) -> None:
    ch = bounded_change(Quantity(c, "tip").bounds(), Quantity(p, "tip").bounds())
    assert ch.delta == c - p
    if p:
        assert ch.relative == Fraction(c - p, p)
    else:
        assert isinstance(ch.relative, Undefined)


def test_a_bound_on_one_side_bounds_the_change_on_one_side() -> None:
    more_than = Quantity(145410, "participation", "at_least").bounds()
    ch = bounded_change(Quantity(150000, "participation").bounds(), more_than)
    assert (ch.delta, ch.low, ch.high, ch.relative) == (None, None, Fraction(4590), None)
    ch = bounded_change(more_than, Quantity(150000, "participation").bounds())
    assert (ch.low, ch.high) == (Fraction(-4590), None)


def test_decimals_and_fractions_mix_exactly() -> None:
    ch = bounded_change(
        Interval(Decimal("13.85"), Decimal("13.85")),
        Interval.qualified(Fraction(1, 3), Qualifier.EXACT),
    )
    assert ch.delta == Fraction(1385, 100) - Fraction(1, 3)
    assert str(Interval(Decimal("1.5"), None) + Interval(Fraction(1, 2), Fraction(1, 2))) == (
        "[2, ∞)"
    )


def test_a_ratios_bounds_follow_its_qualifier() -> None:
    r = Ratio(Quantity(80, "unit", "at_least"), Quantity(90, "unit"))
    assert r.bounds() == Interval(Fraction(800, 9), None)
    assert isinstance(Ratio(Quantity(1, "unit"), Quantity(0, "unit")).bounds(), Undefined)


def test_not_an_interval_is_refused() -> None:
    with pytest.raises(AntqTypeError, match="previous"):
        bounded_change(Interval(1, 1), (1, 1))  # type: ignore[arg-type]


def test_bounded_change_value() -> None:
    assert BoundedChange(Fraction(2), Fraction(2)).delta == 2
    assert BoundedChange(None, None).delta is None


def _report(year: int, value: Quantity) -> MovementReport:
    return MovementReport(
        issuer="x",
        place="62",
        period=str(year),
        as_of=date(year, 12, 31),
        observations=[
            {
                "indicator": "mobilisation.launch_participants",
                "place": "62",
                "period": str(year),
                "value": value,
            }
        ],
    )


@pytest.mark.parametrize(
    ("now", "before"),
    [
        (Quantity(150000, "participation"), Quantity(145410, "participation", "at_least")),
        (Quantity(150000, "participation", "at_most"), Quantity(145410, "participation")),
        (Quantity(150000, "participation"), Quantity(145410, "participation")),
        (Quantity(150000, "participation", "approximately"), Quantity(1, "participation")),
    ],
)
def test_comparison_and_scorecard_give_the_same_change(now: Quantity, before: Quantity) -> None:
    cur, prev = _report(2023, now), _report(2022, before)
    change = compare(cur, prev).changes[0]
    cell = evaluate(cur, as_of=date(2024, 1, 15), previous=prev).scorecard.cell(
        "mobilisation.launch_participants"
    )
    want = bounded_change(now.bounds(), before.bounds())
    assert (change.low, change.high, change.delta) == (want.low, want.high, want.delta)
    assert (cell.change_low, cell.change_high, cell.change) == (want.low, want.high, want.delta)
