"""Strategies for observations and whole movement reports."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from antq_domain.records.indicators import Catalogue, Indicator, catalogue
from antq_domain.records.observation import Dims, Observation
from antq_domain.records.places import registry
from antq_domain.records.report import MovementReport, Publication
from antq_domain.strategies._catalogue import dimension_cells
from antq_domain.strategies._period import periods
from antq_domain.strategies._records import (
    campaigns,
    commendations,
    cooperation_programmes,
    directions,
    exemplary_models,
    force_strengths,
    limitations,
    organisations,
    steering_committees,
)
from antq_domain.strategies._values import amounts, missing_values
from antq_domain.values.missing import Value
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier, Unit

__all__ = ["observations", "reports", "values_for"]

_PLACES = ("62", "616", "608", "23293", "51", "VN")


def _places_during(period: Period) -> st.SearchStrategy[str]:
    """The places of ``_PLACES`` that existed during ``period`` (reports check it)."""
    reg = registry()
    alive = [
        code
        for code in _PLACES
        if (reg.get(code).valid_from or period.start) <= period.end
        and period.start <= (reg.get(code).valid_to or period.end)
    ]
    return st.sampled_from(alive)


def values_for(
    indicator: Indicator, *, max_value: int = 10**7, missing: bool = True
) -> st.SearchStrategy[Value]:
    """Values valid for ``indicator``: a quantity in its unit, or (if ``missing``) a marker.

    Ratio indicators get stated percentages (unit ``percent``) between 0 and 100.
    Shrinks towards "not reported", then towards an exact zero.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.records.indicators import catalogue
        >>> from antq_domain.strategies import values_for
        >>> find(values_for(catalogue()["tips.received"], missing=False), lambda v: True)
        Quantity('0 tip')
    """
    unit = Unit.PERCENT if indicator.unit is None else indicator.unit
    top = 100 if unit is Unit.PERCENT else max_value
    quantity = st.builds(
        Quantity, amounts(unit, max_value=top), st.just(unit), st.sampled_from(list(Qualifier))
    )
    if not missing:
        return quantity
    return st.one_of(missing_values(), quantity)


def observations(
    *,
    catalogue: Catalogue | None = None,
    indicators: st.SearchStrategy[Indicator] | None = None,
    places: st.SearchStrategy[str] | None = None,
    periods: st.SearchStrategy[Period] | None = None,
    missing: bool = True,
) -> st.SearchStrategy[Observation]:
    """Valid observations of the catalogue's indicators (dims and units checked).

    Shrinks towards the catalogue's first indicator, place ``62``, the year
    2000 and an exact zero.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import observations
        >>> find(observations(), lambda o: True).indicator
        'mobilisation.launch_campaigns'
    """
    cat = catalogue if catalogue is not None else _standard()
    ind_st = indicators if indicators is not None else st.sampled_from(cat.indicators)
    period_st = periods if periods is not None else _periods_default()

    @st.composite
    def build(draw: st.DrawFn) -> Observation:
        indicator = draw(ind_st)
        period = draw(period_st)
        place = draw(places if places is not None else _places_during(period))
        return Observation.model_validate(
            {
                "indicator": indicator.code,
                "place": place,
                "period": period,
                "value": draw(values_for(indicator, missing=missing)),
                "dims": Dims.of(draw(dimension_cells(indicator))),
                "quote": draw(st.none() | st.text(min_size=1, max_size=20).filter(str.strip)),
            },
            context={"catalogue": cat},
        )

    return build()


def _standard() -> Catalogue:
    return catalogue()


def _periods_default() -> st.SearchStrategy[Period]:
    return periods(2000, 2030)


def reports(
    *, max_observations: int = 8, max_records: int = 2
) -> st.SearchStrategy[MovementReport]:
    """Valid movement reports with observations and every kind of record.

    Cross-record rules hold by construction: ids are unique, ordinals run
    1..n, the as-of date is on or after the period's start. Shrinks towards
    an empty report for place ``62`` and the year 2000.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import reports
        >>> find(reports(), lambda r: True).observations
        ()
    """
    if max_observations < 0 or max_records < 0:
        raise InvalidArgument("max_observations and max_records must be >= 0")

    def few(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[list[object]]:
        return st.lists(strategy, max_size=max_records)

    @st.composite
    def build(draw: st.DrawFn) -> MovementReport:
        period = draw(periods(2000, 2030))
        as_of = period.start + timedelta(days=draw(st.integers(0, 800)))
        records: dict[str, list[object]] = {
            "organisations": draw(few(organisations())),
            "committees": draw(few(steering_committees(max_members=3))),
            "campaigns": draw(few(campaigns())),
            "models": draw(few(exemplary_models(max_reviews=2, max_replications=2))),
            "forces": draw(few(force_strengths())),
            "programmes": draw(few(cooperation_programmes(max_reviews=1))),
            "commendations": draw(few(commendations())),
        }
        _unique_ids(records)
        return MovementReport(
            issuer=draw(
                st.sampled_from(["Ban Chỉ đạo phòng, chống tội phạm tỉnh", "Công an tỉnh"])
            ),
            place=draw(_places_during(period)),
            period=period,
            as_of=min(as_of, date(9999, 12, 31)),
            publication=draw(st.none() | st.builds(Publication, author=st.just("Thái Ngân"))),
            observations=draw(st.lists(observations(), max_size=max_observations)),
            limitations=draw(limitations(0, 3)),
            directions=draw(directions(0, 3)),
            **records,
        )

    return build()


def _unique_ids(records: dict[str, list[object]]) -> None:
    """Drop records whose id repeats one already drawn (ids are unique per report)."""
    seen: set[str] = set()
    for key, items in records.items():
        kept = []
        for item in items:
            rid = getattr(item, "id", None)
            if rid is not None and rid in seen:
                continue
            if rid is not None:
                seen.add(rid)
            kept.append(item)
        records[key] = kept
    # a commendation may name a programme only if the report holds it
    programme_ids = {getattr(p, "id", None) for p in records["programmes"]}
    records["commendations"] = [
        c
        for c in records["commendations"]
        if getattr(c, "programme", None) is None or getattr(c, "programme", None) in programme_ids
    ]
