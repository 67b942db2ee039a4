"""Hypothesis strategies for the indicator catalogue.

* [`dimensions`][antq_domain.strategies._catalogue.dimensions] — custom dimensions (closed or open
  codelists);
* [`indicators`][antq_domain.strategies._catalogue.indicators] — one valid custom indicator, addable
  on its own to the standard catalogue;
* [`indicator_sets`][antq_domain.strategies._catalogue.indicator_sets] — several custom indicators
  (ratios included) that
  [`with_indicators`][antq_domain.records.indicators.Catalogue.with_indicators] accepts together;
* [`dimension_cells`][antq_domain.strategies._catalogue.dimension_cells] — valid ``dims`` mappings
  for an indicator.

Example:
    >>> from hypothesis import given
    >>> from antq_domain.records.indicators import catalogue
    >>> from antq_domain.strategies._catalogue import indicators
    >>> from hypothesis import settings
    >>> @settings(max_examples=20)
    ... @given(indicators())
    ... def test_addable(ind):
    ...     assert ind.code in catalogue().with_indicators(ind)
    >>> test_addable()
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from antq_domain.records.indicators import (
    _TIME_ALLOWED,
    STANDARD_AREAS,
    Dimension,
    DimensionValue,
    Indicator,
    IndicatorDirection,
    IndicatorKind,
    PlaceAggregation,
    RatioSpec,
    catalogue,
)
from antq_domain.values import identifiers
from antq_domain.values.label import Label
from antq_domain.values.unit import Unit

__all__ = ["dimension_cells", "dimensions", "indicator_sets", "indicators"]

_LOWER = "abcdefghijklmnopqrstuvwxyz"
T = TypeVar("T")
_VI_WORDS = (
    "giao ước",
    "thi đua",
    "tổ",
    "lượt",
    "người",
    "an ninh",
    "trật tự",
    "tự quản",
    "khu dân cư",
    "hỗ trợ",
    "đợt",
    "hội nghị",
)
_EN_WORDS = ("pact", "team", "contact", "person", "security", "order", "visit", "round")
_COUNTING_UNITS = tuple(u for u in Unit if u.value != "percent")
_UNITS = st.sampled_from(_COUNTING_UNITS)
_BITS = st.integers(0, 1)
_DIRECTIONS = st.sampled_from(IndicatorDirection)
_FACTORS = st.sampled_from((100, 1, 1000))
_RATIO_KIND = st.just(IndicatorKind.RATIO)


@cache
def _names() -> st.SearchStrategy[str]:
    # Names matching NAME_PATTERN; shrinks towards "a".
    return st.builds(
        str.__add__,
        st.sampled_from(_LOWER),
        st.text(alphabet=_LOWER + "0123456789_", max_size=7),
    )


@cache
def _texts(words: tuple[str, ...]) -> st.SearchStrategy[str]:
    # One to three words: little entropy per label; shrinks towards the first word.
    return st.lists(st.sampled_from(words), min_size=1, max_size=3).map(" ".join)


@cache
def _labels() -> st.SearchStrategy[Label]:
    return st.builds(Label, vi=_texts(_VI_WORDS), en=_texts(_EN_WORDS))


@cache
def _phrases() -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(_texts(_VI_WORDS), max_size=2, unique_by=str.casefold).map(tuple)


def dimensions(
    min_values: int = 1,
    max_values: int = 5,
    *,
    names: st.SearchStrategy[str] | None = None,
    open_codelist: st.SearchStrategy[bool] | None = None,
    required: st.SearchStrategy[bool] | None = None,
) -> st.SearchStrategy[Dimension]:
    """Custom dimensions with ``min_values`` to ``max_values`` listed codes.

    Names default to ``local_<name>`` so they never collide with a standard
    dimension. Some have a ``total`` code (the totals convention), and some
    of those read an absent value as unspecified. Shrinks towards a closed,
    optional dimension named ``local_a`` with one value ``a`` and no total.

    Args:
        min_values: fewest listed codes (at least 1 for a closed codelist).
        max_values: most listed codes.
        names: the dimension names.
        open_codelist: whether the codelist is open (default: either).
        required: whether the dimension is required (default: either).

    Example:
        >>> from hypothesis import given, settings
        >>> from antq_domain.strategies._catalogue import dimensions
        >>> @settings(max_examples=10)
        ... @given(dimensions(min_values=2))
        ... def test_codes(dim):
        ...     assert len(dim.codes) >= 2 and dim.name.startswith("local_")
        >>> test_codes()
    """
    if min_values < 0 or max_values < max(min_values, 1):
        raise InvalidArgument(
            f"need 0 <= min_values <= max_values and max_values >= 1, "
            f"got {min_values=}, {max_values=}"
        )
    name_st = names if names is not None else _names().map(lambda n: "local_" + n)
    open_st = open_codelist if open_codelist is not None else st.booleans()
    required_st = required if required is not None else st.booleans()

    open_codes = st.lists(_names(), min_size=min_values, max_size=max_values, unique=True)
    closed_codes = st.lists(_names(), min_size=max(min_values, 1), max_size=max_values, unique=True)

    @st.composite
    def build(draw: st.DrawFn) -> Dimension:
        is_open = draw(open_st)
        codes = draw(open_codes if is_open else closed_codes)
        values = tuple(DimensionValue(code=c, label=draw(_labels())) for c in codes)
        # the totals convention: sometimes one code means "all values together"
        total = draw(st.none() | st.sampled_from(codes)) if codes else None
        return Dimension(
            name=draw(name_st),
            label=draw(_labels()),
            values=values,
            open=is_open,
            required=draw(required_st),
            total=total,
            absent_means_total=True if total is None else not draw(st.booleans()),
        )

    return build()


def _check_namespace(namespace: str) -> None:
    if (
        not isinstance(namespace, str)
        or not (identifiers.NAME.fullmatch(namespace) or identifiers.CODE.fullmatch(namespace))
        or namespace.split(".", maxsplit=1)[0] in STANDARD_AREAS
    ):
        raise InvalidArgument(
            f"namespace={namespace!r}: expected a dotted lower-case namespace outside "
            "the standard areas, such as 'local'"
        )


@cache
def _plain_kinds() -> st.SearchStrategy[IndicatorKind]:
    return st.sampled_from((IndicatorKind.FLOW, IndicatorKind.STOCK, IndicatorKind.REPORTED_RATIO))


def _dim_name(dim: Dimension) -> str:
    return dim.name


def _pick(draw: st.DrawFn, items: Sequence[T]) -> T:
    # Draw by index: hashing pydantic records for sampled_from is slow.
    return items[draw(st.integers(0, len(items) - 1))]


def _subset(draw: st.DrawFn, items: Sequence[T], max_size: int) -> list[T]:
    if not items:
        return []
    indices = st.integers(0, len(items) - 1)
    chosen = draw(st.lists(indices, unique=True, max_size=min(max_size, len(items))))
    return [items[i] for i in chosen]


@cache
def _custom_dimension_lists() -> st.SearchStrategy[list[Dimension]]:
    return st.lists(dimensions(max_values=4), max_size=2, unique_by=_dim_name)


def _ratio_groups(parts: Sequence[Indicator]) -> list[list[Indicator]]:
    by_unit: dict[Unit | None, list[Indicator]] = {}
    for part in parts:
        if not part.kind.is_ratio:
            by_unit.setdefault(part.unit, []).append(part)
    return [group for group in by_unit.values() if len(group) >= 2]


def _draw_indicator(
    draw: st.DrawFn,
    kinds: st.SearchStrategy[IndicatorKind],
    namespace: str,
    pool: Sequence[Dimension] | None,
    parts: Sequence[Indicator],
) -> Indicator:
    kind = draw(kinds)
    taken = {p.code for p in parts}
    code = f"{namespace}.{draw(_names())}"
    while code in taken:
        code += "_"
    # Every branch draws the same choices, so shrinking prefers the first kind
    # (flow) rather than the branch with the fewest draws.
    unit = draw(_UNITS)
    time_index = draw(_BITS)
    place = PlaceAggregation.NONE if draw(_BITS) else PlaceAggregation.SUM
    if pool is None:
        pool = (*draw(_custom_dimension_lists()), *catalogue().dimensions)
    own = tuple(d.as_required(bool(draw(_BITS))) for d in _subset(draw, pool, 3))
    common: dict[str, object] = {
        "code": code,
        "label": draw(_labels()),
        "kind": kind,
        "direction": draw(_DIRECTIONS),
        "synonyms_vi": draw(_phrases()),
    }
    if kind is IndicatorKind.RATIO:
        groups = _ratio_groups(parts)
        if not groups:
            raise InvalidArgument("a 'ratio' indicator needs two flow/stock parts with one unit")
        group = _pick(draw, groups)
        numerator = _pick(draw, group)
        denominator = _pick(draw, [g for g in group if g.code != numerator.code])
        shared = [
            d
            for d in numerator.dimensions
            if d.name in denominator.dimension_names
            and denominator.dimension(d.name).same_codelist(d)
        ]
        ratio_dims = tuple(
            d.as_required(bool(draw(_BITS))) for d in _subset(draw, shared, len(shared))
        )
        ratio = RatioSpec(
            numerator=numerator.code,
            denominator=denominator.code,
            factor=draw(_FACTORS),
            match=tuple(d.name for d in ratio_dims),
        )
        return Indicator.model_validate({**common, "dimensions": ratio_dims, "ratio": ratio})
    if kind is IndicatorKind.REPORTED_RATIO:
        return Indicator.model_validate({**common, "dimensions": own})
    allowed = _TIME_ALLOWED[kind]
    return Indicator.model_validate(
        {
            **common,
            "unit": unit,
            "time_aggregation": allowed[min(time_index, len(allowed) - 1)],
            "place_aggregation": place,
            "dimensions": own,
        }
    )


def indicators(
    *,
    kinds: st.SearchStrategy[IndicatorKind] | None = None,
    namespace: str = "local",
    parts: Sequence[Indicator] = (),
) -> st.SearchStrategy[Indicator]:
    """Valid custom indicators in ``namespace``, each addable alone to the standard catalogue.

    A ``ratio`` indicator needs ``parts`` (flow or stock indicators, two of
    them with one unit) to compute from; by default kinds are flow, stock and
    reported ratio, plus ratio when ``parts`` allow one. Dimensions are
    custom (``local_*``) or standard ones. Shrinks towards a flow counted in
    campaigns, code ``<namespace>.a``, no dimensions and no synonyms.

    Example:
        >>> from hypothesis import given, settings
        >>> from antq_domain.records.indicators import catalogue
        >>> from antq_domain.strategies._catalogue import indicators
        >>> parts = [catalogue()["tips.valuable"], catalogue()["tips.received"]]
        >>> @settings(max_examples=10)
        ... @given(indicators(parts=parts, namespace="pilot"))
        ... def test_valid(ind):
        ...     assert ind.code.startswith("pilot.")
        ...     assert ind.ratio is None or ind.ratio.denominator.startswith("tips.")
        >>> test_valid()
    """
    _check_namespace(namespace)
    parts = tuple(parts)
    if kinds is None:
        plain = _plain_kinds()
        kinds = st.one_of(plain, st.just(IndicatorKind.RATIO)) if _ratio_groups(parts) else plain
    chosen = kinds

    @st.composite
    def build(draw: st.DrawFn) -> Indicator:
        return _draw_indicator(draw, chosen, namespace, None, parts)

    return build()


def indicator_sets(
    min_size: int = 1,
    max_size: int = 4,
    *,
    namespace: str = "local",
) -> st.SearchStrategy[tuple[Indicator, ...]]:
    """Tuples of custom indicators that ``catalogue().with_indicators(*xs)`` accepts together.

    Codes are unique, dimensions of one name share one codelist, and ratios
    (drawn after the first member) compute from earlier members or standard
    indicators. Shrinks towards ``min_size`` flows without dimensions.

    Example:
        >>> from hypothesis import given, settings
        >>> from antq_domain.records.indicators import catalogue
        >>> from antq_domain.strategies._catalogue import indicator_sets
        >>> @settings(max_examples=10)
        ... @given(indicator_sets(min_size=2))
        ... def test_together(xs):
        ...     assert len(catalogue().with_indicators(*xs)) == len(catalogue()) + len(xs)
        >>> test_together()
    """
    _check_namespace(namespace)
    if min_size < 1 or max_size < min_size:
        raise InvalidArgument(f"need 1 <= min_size <= max_size, got {min_size=}, {max_size=}")
    custom = st.lists(
        dimensions(max_values=3, required=st.just(False)), max_size=3, unique_by=_dim_name
    )
    sizes = st.integers(min_size, max_size)

    @st.composite
    def build(draw: st.DrawFn) -> tuple[Indicator, ...]:
        standard = catalogue()
        pool = (*draw(custom), *standard.dimensions)
        out: list[Indicator] = []
        for _ in range(draw(sizes)):
            allow_ratio = bool(out) and bool(draw(_BITS))
            kinds = _RATIO_KIND if allow_ratio else _plain_kinds()
            out.append(_draw_indicator(draw, kinds, namespace, pool, (*out, *standard.indicators)))
        return tuple(out)

    return build()


def dimension_cells(indicator: Indicator) -> st.SearchStrategy[dict[str, str]]:
    """Valid ``dims`` mappings for an observation of ``indicator``.

    Required dimensions are always present, others sometimes; values come
    from the codelist, and for an open codelist also any well-formed code.
    Shrinks towards the required dimensions only, each with its first code.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.records.indicators import catalogue
        >>> from antq_domain.strategies._catalogue import dimension_cells
        >>> find(dimension_cells(catalogue()["admin.units"]), lambda d: True)
        {'unit_kind': 'province'}
    """
    if not isinstance(indicator, Indicator):
        raise InvalidArgument(f"indicator={indicator!r}: expected an Indicator")

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, str]:
        out: dict[str, str] = {}
        for dim in indicator.dimensions:
            if not dim.required and not draw(st.booleans()):
                continue
            choices: list[st.SearchStrategy[str]] = []
            if dim.codes:
                choices.append(st.sampled_from(dim.codes))
            if dim.open:
                choices.append(_names())
            out[dim.name] = draw(st.one_of(choices))
        return out

    return build()
