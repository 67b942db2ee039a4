"""Strategies for periods and partial dates.

Both shrink towards the year 2000 (clamped into the bounds given) and
towards the coarsest form: a whole year, a partial date with only a year.

Example:
    >>> from hypothesis import find
    >>> from antq_domain.strategies._period import partial_dates, periods
    >>> find(periods(), lambda p: True)
    Period('2000')
    >>> find(periods(), lambda p: p.kind == "quarter")
    Period('2000Q1')
    >>> find(partial_dates(), lambda d: d.day is not None)
    PartialDate('2000-01-01')
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from antq_domain.values.partial_date import PartialDate
from antq_domain.values.period import Period, PeriodKind

__all__ = ["partial_dates", "periods"]

_PIVOT = 2000
_CALENDAR_LIMIT = 9998  # a year of which every period, and its next(), fits in the calendar


def _check_years(min_year: int, max_year: int) -> None:
    for name, value in (("min_year", min_year), ("max_year", max_year)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidArgument(f"{name}={value!r} must be an int")
    if not 1 <= min_year <= max_year <= _CALENDAR_LIMIT:
        raise InvalidArgument(
            f"need 1 <= min_year <= max_year <= {_CALENDAR_LIMIT}, "
            f"got min_year={min_year!r}, max_year={max_year!r}"
        )


def _years(min_year: int, max_year: int) -> st.SearchStrategy[int]:
    """Years in the bounds, shrinking towards 2000 (or the bound nearest to it)."""
    pivot = min(max(_PIVOT, min_year), max_year)
    # integers() shrinks towards 0 when 0 is in range: that is the pivot here.
    return st.integers(min_year - pivot, max_year - pivot).map(lambda k: pivot + k)


def _dates(min_year: int, max_year: int) -> st.SearchStrategy[date]:
    """Dates drawn as year, month, day; a day past the month's end becomes its last day.

    The clamp makes month ends (and 29 February) common, and the parts
    shrink separately towards 2000-01-01.
    """
    return st.builds(
        lambda y, m, d: date(y, m, min(d, calendar.monthrange(y, m)[1])),
        _years(min_year, max_year),
        st.integers(1, 12),
        st.integers(1, 31),
    )


def _weeks_in(year: int) -> int:
    return date(year, 12, 28).isocalendar().week


def _kind_strategy(  # noqa: PLR0911 - one return per kind
    kind: PeriodKind, min_year: int, max_year: int
) -> st.SearchStrategy[Period]:
    years = _years(min_year, max_year)
    if kind is PeriodKind.YEAR:
        return years.map(Period.year)
    if kind is PeriodKind.HALF_YEAR:
        return st.builds(Period.half_year, years, st.integers(1, 2))
    if kind is PeriodKind.QUARTER:
        return st.builds(Period.quarter, years, st.integers(1, 4))
    if kind is PeriodKind.MONTH:
        return st.builds(Period.month, years, st.integers(1, 12))
    if kind is PeriodKind.WEEK:
        # Week 53 of a 52-week year becomes week 52 (a small bias that shrinks
        # far better than drawing the week count after the year).
        return st.builds(
            lambda y, w: Period.week(y, min(w, _weeks_in(y))), years, st.integers(1, 53)
        )
    if kind is PeriodKind.DAY:
        return _dates(min_year, max_year).map(Period.day)
    if kind is PeriodKind.RANGE:
        return st.tuples(_dates(min_year, max_year), _dates(min_year, max_year)).map(
            lambda ab: Period.between(min(ab), max(ab))
        )
    return _years(min_year, max_year - 1).flatmap(
        lambda y: st.integers(1, max_year - y).map(lambda n: Period.span(y, y + n))
    )


def periods(
    min_year: int = 1900,
    max_year: int = 2100,
    *,
    kinds: Iterable[PeriodKind | str] | None = None,
) -> st.SearchStrategy[Period]:
    """Periods of the given kinds (default: all eight) within ``min_year``..``max_year``.

    Bounds hold for the year named by the id; a week 1 may start in late
    December of ``min_year - 1``, and ``next()`` of the last period may pass
    ``max_year``. Spans need ``min_year < max_year`` and are left out
    otherwise. ``max_year`` is at most 9998 so that ``next()`` stays in the
    calendar for standard kinds.

    Shrinks towards a whole year (the first kind when ``kinds`` is not
    given), the year 2000 (or the bound nearest it), the first half,
    quarter, month and week, the day 2000-01-01, a one-day range and a
    two-year span.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies._period import periods
        >>> find(periods(kinds=["span"]), lambda p: True)
        Period('2000/2001')
    """
    _check_years(min_year, max_year)
    chosen = list(PeriodKind) if kinds is None else [PeriodKind.parse(str(k)) for k in kinds]
    if min_year == max_year:
        chosen = [k for k in chosen if k is not PeriodKind.SPAN]
    if not chosen:
        raise InvalidArgument(
            "kinds must name at least one kind (a span needs min_year < max_year)"
        )
    return st.one_of([_kind_strategy(k, min_year, max_year) for k in chosen])


def partial_dates(
    min_year: int = 1900,
    max_year: int = 2100,
    *,
    precisions: Iterable[PeriodKind | str] | None = None,
) -> st.SearchStrategy[PartialDate]:
    """Partial dates within ``min_year``..``max_year`` of the given precisions.

    ``precisions`` are among ``year``, ``month`` and ``day`` (default: all
    three). Shrinks towards a year alone, then towards 2000 (or the bound
    nearest it), January and the first of the month.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies._period import partial_dates
        >>> find(partial_dates(precisions=["month"]), lambda d: True)
        PartialDate('2000-01')
    """
    _check_years(min_year, max_year)
    allowed = (PeriodKind.YEAR, PeriodKind.MONTH, PeriodKind.DAY)
    chosen = allowed if precisions is None else tuple(PeriodKind.parse(str(p)) for p in precisions)
    if not chosen or any(p not in allowed for p in chosen):
        raise InvalidArgument(f"precisions must be among year, month, day; got {chosen!r}")
    years = _years(min_year, max_year)
    parts: list[st.SearchStrategy[PartialDate]] = []
    if PeriodKind.YEAR in chosen:
        parts.append(st.builds(PartialDate, years))
    if PeriodKind.MONTH in chosen:
        parts.append(st.builds(PartialDate, years, st.integers(1, 12)))
    if PeriodKind.DAY in chosen:
        parts.append(_dates(min_year, max_year).map(PartialDate.from_date))
    return st.one_of(parts)
