"""Hypothesis strategies for rule expressions and rules.

* [`operands`][antq_domain.strategies._rules.operands] — an indicator cell or a sum over a
  dimension, drawn from a catalogue (dimension names and codes are the indicator's own);
* [`expressions`][antq_domain.strategies._rules.expressions] — sums of terms with integer
  coefficients;
* [`rules`][antq_domain.strategies._rules.rules] — valid [`Rule`][antq_domain.Rule]
  records.

Example:
    >>> from hypothesis import find
    >>> from antq_domain.strategies._rules import expressions
    >>> find(expressions(), lambda e: True)
    Expression('0')
"""

from __future__ import annotations

from functools import cache

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from antq_domain.analysis.expressions import (
    DimensionSum,
    Expression,
    IndicatorRef,
    Operand,
    Operator,
    Term,
)
from antq_domain.analysis.rules import Importance, MissingValueStrategy, Rule
from antq_domain.records.indicators import Catalogue, Indicator, catalogue
from antq_domain.records.observation import Dims
from antq_domain.values.label import Label

__all__ = ["expressions", "operands", "rules"]


def _fixed_dims(ind: Indicator, names: list[str]) -> st.SearchStrategy[Dims]:
    if not names:
        return st.just(Dims())
    chosen = st.lists(st.sampled_from(names), unique=True, max_size=len(names))
    return chosen.flatmap(
        lambda picked: st.fixed_dictionaries(
            {n: st.sampled_from(ind.dimension(n).codes) for n in sorted(picked)}
        ).map(Dims.of)
    )


def _cell_of(ind: Indicator) -> st.SearchStrategy[Operand]:
    names = list(ind.dimension_names)
    return _fixed_dims(ind, names).map(lambda d: IndicatorRef(ind.code, d))


def _sum_of(ind: Indicator) -> st.SearchStrategy[Operand]:
    names = list(ind.dimension_names)

    def build(over: str) -> st.SearchStrategy[Operand]:
        rest = [n for n in names if n != over]
        return _fixed_dims(ind, rest).map(lambda d: DimensionSum(ind.code, over, d))

    return st.sampled_from(names).flatmap(build)


@cache
def _standard_indicators() -> tuple[Indicator, ...]:
    return catalogue().indicators


def operands(*, catalogue: Catalogue | None = None) -> st.SearchStrategy[Operand]:
    """Operands over the indicators of ``catalogue`` (default: the standard one).

    Dimension names and codes are the indicator's own, so every operand is
    valid for the catalogue. Shrinks towards an undivided cell of the first
    indicator.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies._rules import operands
        >>> find(operands(), lambda o: True)
        IndicatorRef('mobilisation.launch_campaigns')
    """
    pool = catalogue.indicators if catalogue is not None else _standard_indicators()
    if not pool:
        raise InvalidArgument("catalogue must hold at least one indicator")
    cells = st.sampled_from(pool).flatmap(_cell_of)
    with_dims = [ind for ind in pool if ind.dimension_names]
    if not with_dims:
        return cells
    return st.one_of(cells, st.sampled_from(with_dims).flatmap(_sum_of))


def _terms(
    min_coefficient: int, max_coefficient: int, catalogue: Catalogue | None
) -> st.SearchStrategy[Term]:
    coefficients = st.integers(min_coefficient, max_coefficient)
    constants = st.builds(Term, coefficients)
    scaled = st.builds(Term, coefficients, operands(catalogue=catalogue))
    return st.one_of(constants, scaled)


def expressions(
    min_terms: int = 1,
    max_terms: int = 4,
    *,
    min_coefficient: int = -1000,
    max_coefficient: int = 1000,
    catalogue: Catalogue | None = None,
) -> st.SearchStrategy[Expression]:
    """Expressions of ``min_terms`` to ``max_terms`` terms (constants and operands).

    Coefficients (and constants) lie in ``[min_coefficient, max_coefficient]``; operands come from
    [`operands`][antq_domain.strategies._rules.operands]. Shrinks towards the constant expression
    ``0`` (or the first operand when ``min_coefficient > 0``).

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies._rules import expressions
        >>> e = find(expressions(), lambda e: any(t.coefficient < 0 for t in e.terms))
        >>> str(e)
        '-1'
    """
    if min_terms < 1 or max_terms < min_terms:
        raise InvalidArgument(f"need 1 <= min_terms={min_terms} <= max_terms={max_terms}")
    if min_coefficient > max_coefficient:
        raise InvalidArgument(f"min_coefficient={min_coefficient} > max_coefficient")
    terms = _terms(min_coefficient, max_coefficient, catalogue)
    return st.lists(terms, min_size=min_terms, max_size=max_terms).map(
        lambda ts: Expression(tuple(ts))
    )


_IDS = st.from_regex(r"\A[a-z][a-z0-9_]{0,8}(\.[a-z0-9_]{1,8}){0,2}\Z")
_LABELS = st.builds(
    Label,
    vi=st.sampled_from(("quy tắc", "tin có giá trị không vượt tổng số tin", "tổng khớp")),
    en=st.sampled_from(("rule", "valuable tips do not exceed tips", "parts match")),
)


def rules(*, catalogue: Catalogue | None = None) -> st.SearchStrategy[Rule]:
    """Valid rules: any operator, importance and missing strategy.

    Pair operators get operand-only sides (a pair compares presence).
    Shrinks towards ``0 <= 0`` with medium importance.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies._rules import rules
        >>> find(rules(), lambda r: True).condition
        '0 <= 0'
    """
    any_side = expressions(catalogue=catalogue)
    pair_side = st.lists(
        st.builds(Term, st.integers(1, 5), operands(catalogue=catalogue)), min_size=1, max_size=2
    ).map(lambda ts: Expression(tuple(ts)))

    def build(operator: Operator) -> st.SearchStrategy[Rule]:
        side = pair_side if operator.is_pair else any_side
        return st.builds(
            Rule,
            id=_IDS,
            description=_LABELS,
            left=side,
            operator=st.just(operator),
            right=side,
            importance=st.sampled_from([Importance.MEDIUM, Importance.HIGH, Importance.LOW]),
            missing=st.sampled_from(list(MissingValueStrategy)),
            legal_basis=st.sampled_from([None, "09/CTr-BCA-MTTQ", "Luật 30/2023/QH15"]),
            applies_to=st.sampled_from([{}, {"unit_kind": None}, {"category": ("serious",)}]),
        )

    return st.sampled_from(list(Operator)).flatmap(build)
