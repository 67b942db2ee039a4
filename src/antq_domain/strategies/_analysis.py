"""Strategies for aggregation: observation sets over a register, and share tables.

Example:
    >>> from hypothesis import find
    >>> from antq_domain.records.places import Place, Registry
    >>> from antq_domain.strategies._analysis import observation_sets
    >>> reg = Registry([Place(code="P", name="Tỉnh A", kind="province"),
    ...                 Place(code="C", name="Xã B", kind="commune", parent="P")])
    >>> obs = find(observation_sets(reg, year=2023), lambda obs: len(obs) > 1)
    >>> {o.place for o in obs}, {o.period.kind.value for o in obs}
    ({'C'}, {'month'})
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from fractions import Fraction

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from antq_domain.records.indicators import Catalogue, catalogue
from antq_domain.records.observation import Observation
from antq_domain.records.places import PlaceLevel, Registry
from antq_domain.strategies._values import missing_values
from antq_domain.values.missing import Value
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier

__all__ = ["observation_sets", "share_tables"]

DEFAULT_INDICATORS: tuple[str, ...] = ("tips.received", "tips.valuable", "models.active")
"""Two flows that are the parts of a ratio (``tips.valuable_rate``) and a stock."""


def _year_of(registry: Registry) -> int:
    for year in range(2024, 1899, -1):
        first, last = date(year, 1, 1), date(year, 12, 31)
        if any(
            p.level is PlaceLevel.COMMUNE and p.alive_on(first) and p.alive_on(last)
            for p in registry
        ):
            return year
    raise InvalidArgument("the register has no commune-level unit alive through a whole year")


def observation_sets(
    registry: Registry,
    *,
    year: int | None = None,
    indicators: Sequence[str] = DEFAULT_INDICATORS,
    catalogue: Catalogue | None = None,
    max_places: int = 4,
    max_months: int = 12,
    max_value: int = 1000,
    missing: bool = True,
    qualifiers: bool = True,
    gaps: bool = True,
) -> st.SearchStrategy[list[Observation]]:
    """Monthly observations of ``indicators`` at commune-level places of ``registry``.

    The places are commune-level units alive through ``year`` (default: the
    latest year up to 2024 in which the register has one); the periods are
    months of that year. Every cell is unique (no conflicts). With
    ``missing`` some values are missing markers; with ``qualifiers`` some are
    ``at_least``; with ``gaps`` some (indicator, place, month) cells are
    absent.

    Shrinks towards one place, one month (January), the first indicator only
    present where nothing else is needed, exact zeros and no gaps.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.records.places import registry
        >>> from antq_domain.strategies._analysis import observation_sets
        >>> obs = find(observation_sets(registry(), year=2023, missing=False),
        ...            lambda obs: len({o.place for o in obs}) > 1)
        >>> len({o.place for o in obs})
        2
    """
    if max_places < 1 or not 1 <= max_months <= 12:
        raise InvalidArgument(
            f"need max_places >= 1 and 1 <= max_months <= 12, got {max_places}, {max_months}"
        )
    if not indicators:
        raise InvalidArgument("need at least one indicator code")
    cat = catalogue if catalogue is not None else _standard()
    inds = [cat.get(code) for code in indicators]
    for ind in inds:
        if ind.unit is None:
            raise InvalidArgument(f"{ind.code!r} is a ratio: give its parts instead")
    the_year = year if year is not None else _year_of(registry)
    first, last = date(the_year, 1, 1), date(the_year, 12, 31)
    communes = [
        p.code
        for p in registry
        if p.level is PlaceLevel.COMMUNE and p.alive_on(first) and p.alive_on(last)
    ]
    if not communes:
        raise InvalidArgument(f"the register has no commune-level unit alive through {the_year}")
    qual_st = (
        st.sampled_from([Qualifier.EXACT, Qualifier.AT_LEAST])
        if qualifiers
        else st.just(Qualifier.EXACT)
    )

    @st.composite
    def build(draw: st.DrawFn) -> list[Observation]:
        places = draw(
            st.lists(st.sampled_from(communes), min_size=1, max_size=max_places, unique=True)
        )
        months = sorted(
            draw(st.lists(st.integers(1, 12), min_size=1, max_size=max_months, unique=True))
        )
        out: list[Observation] = []
        for ind in inds:
            assert ind.unit is not None  # noqa: S101 - checked above
            unit = ind.unit
            for place in places:
                for month in months:
                    if gaps and not draw(st.sampled_from([True, False])):
                        continue
                    value: Value = Quantity(draw(st.integers(0, max_value)), unit, draw(qual_st))
                    if missing and draw(st.integers(0, 4)) == 4:
                        value = draw(missing_values())
                    out.append(
                        Observation.model_validate(
                            {
                                "indicator": ind.code,
                                "place": place,
                                "period": Period.month(the_year, month),
                                "value": value,
                            },
                            context={"catalogue": cat},
                        )
                    )
        return out

    return build()


def share_tables(
    registry: Registry, as_of: date
) -> st.SearchStrategy[dict[str, dict[str, Fraction]]]:
    """Share tables for every unit of ``registry`` split between units alive on ``as_of``.

    ``{old_code: {new_code: Fraction}}``, each row summing to 1, every share
    positive. Shrinks towards equal shares.

    Example:
        >>> from datetime import date
        >>> from hypothesis import find
        >>> from antq_domain.records.places import Place, Registry
        >>> from antq_domain.strategies._analysis import share_tables
        >>> end, new = date(2025, 6, 30), date(2025, 7, 1)
        >>> reg = Registry([
        ...     Place(code="P", name="Tỉnh A", kind="province"),
        ...     Place(code="C", name="Xã C", kind="commune", parent="P", valid_to=end,
        ...           successors=("N1", "N2")),
        ...     Place(code="N1", name="Xã N1", kind="commune", parent="P", valid_from=new),
        ...     Place(code="N2", name="Xã N2", kind="commune", parent="P", valid_from=new),
        ... ])
        >>> find(share_tables(reg, new), lambda t: True)
        {'C': {'N1': Fraction(1, 2), 'N2': Fraction(1, 2)}}
    """
    split: dict[str, list[str]] = {}
    for place in registry:
        if place.alive_on(as_of):
            continue
        current = [p.code for p in registry.current(place.code, as_of)]
        if len(current) > 1:
            split[place.code] = current

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, dict[str, Fraction]]:
        table: dict[str, dict[str, Fraction]] = {}
        for old, new in split.items():
            weights = [draw(st.integers(1, 9)) for _ in new]
            total = sum(weights)
            table[old] = {code: Fraction(w, total) for code, w in zip(new, weights, strict=True)}
        return table

    return build()


def _standard() -> Catalogue:
    return catalogue()
