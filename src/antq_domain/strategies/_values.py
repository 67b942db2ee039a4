"""Strategies for the core value types: labels, units, quantities, markers, ratios."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from antq_domain.values.label import Label
from antq_domain.values.missing import NOT_APPLICABLE, NOT_REPORTED, Missing, Withheld
from antq_domain.values.quantity import Amount, Quantity
from antq_domain.values.ratio import Ratio
from antq_domain.values.unit import Qualifier, Unit

__all__ = [
    "amounts",
    "labels",
    "missing_values",
    "qualifiers",
    "quantities",
    "ratios",
    "units",
]

_VI_ALPHABET = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ "
)


def labels() -> st.SearchStrategy[Label]:
    """Bilingual labels with non-blank Vietnamese and English texts.

    Shrinks towards one-letter texts.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import labels
        >>> find(labels(), lambda lab: True)
        Label(vi='a', en='a')
    """
    vi = st.text(_VI_ALPHABET, min_size=1, max_size=30).filter(str.strip)
    en = st.text("abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=30).filter(str.strip)
    return st.builds(Label, vi=vi, en=en)


def units(*, additive: bool | None = None) -> st.SearchStrategy[Unit]:
    """Units of the codelist; ``additive=True`` leaves out ``percent``.

    Shrinks towards ``campaign``, the first unit.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import units
        >>> find(units(), lambda u: True)
        <Unit.CAMPAIGN: 'campaign'>
    """
    pool = [u for u in Unit if additive is None or u.is_additive == additive]
    return st.sampled_from(pool)


def qualifiers() -> st.SearchStrategy[Qualifier]:
    """Qualifiers; shrinks towards ``exact``.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import qualifiers
        >>> find(qualifiers(), lambda q: q.value != "exact")
        <Qualifier.AT_LEAST: 'at_least'>
    """
    return st.sampled_from(list(Qualifier))


def amounts(
    unit: Unit, *, min_value: int = 0, max_value: int = 10**9, places: int = 2
) -> st.SearchStrategy[Amount]:
    """Valid amounts for ``unit``: ints for counts, Decimals with up to ``places`` places.

    Shrinks towards ``min_value``.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import amounts
        >>> from antq_domain.values import Unit
        >>> find(amounts(Unit.KILOGRAM), lambda a: a > 1)
        Decimal('1.01')
    """
    if not unit.is_decimal:
        return st.integers(min_value=min_value, max_value=max_value)
    return st.decimals(
        min_value=Decimal(min_value),
        max_value=Decimal(max_value),
        places=places,
        allow_nan=False,
        allow_infinity=False,
    )


def quantities(
    *,
    units: st.SearchStrategy[Unit] | None = None,
    qualifiers: st.SearchStrategy[Qualifier] | None = None,
    max_value: int = 10**9,
) -> st.SearchStrategy[Quantity]:
    """Quantities of the given units and qualifiers (default: additive units, all qualifiers).

    Shrinks towards ``0 campaign`` exact.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import quantities
        >>> find(quantities(), lambda q: q.amount > 10)
        Quantity('11 campaign')
    """
    unit_st = units if units is not None else _units_default()
    qual_st = qualifiers if qualifiers is not None else st.sampled_from(list(Qualifier))

    @st.composite
    def build(draw: st.DrawFn) -> Quantity:
        unit = draw(unit_st)
        amount = draw(amounts(unit, max_value=max_value))
        return Quantity(amount, unit, draw(qual_st))

    return build()


def _units_default() -> st.SearchStrategy[Unit]:
    return st.sampled_from([u for u in Unit if u.is_additive])


def missing_values() -> st.SearchStrategy[Missing]:
    """Missing-value markers: not reported, not applicable, withheld with a reason.

    Shrinks towards not reported.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import missing_values
        >>> find(missing_values(), lambda m: True)
        NotReported()
    """
    reasons = st.text(min_size=1, max_size=20).filter(str.strip)
    return st.one_of(st.just(NOT_REPORTED), st.just(NOT_APPLICABLE), st.builds(Withheld, reasons))


def ratios(
    *,
    unit: Unit = Unit.TIP,
    max_value: int = 10**6,
    factors: st.SearchStrategy[int] | None = None,
) -> st.SearchStrategy[Ratio]:
    """Ratios of two counts of ``unit`` (the denominator may be zero).

    Shrinks towards ``0/0`` (an undefined ratio) with factor 100.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import ratios
        >>> find(ratios(), lambda r: r.denominator.amount > 0)
        Ratio(Quantity('0 tip'), Quantity('1 tip'), factor=100)
    """
    factor_st = factors if factors is not None else st.just(100)
    part = quantities(units=st.just(unit), max_value=max_value)
    return st.builds(Ratio, part, part, factor_st)
