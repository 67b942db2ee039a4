"""Validation rules as data: expressions, operators, importance, missing-value strategy.

A [`Rule`][antq_domain.Rule] says how two figures of a report must relate, after
DHIS2's validation rules: a ``left`` expression, an
[`Operator`][antq_domain.analysis.rules.Operator], a ``right`` expression, an
[`Importance`][antq_domain.analysis.rules.Importance] (which gives the severity of a broken rule)
and a [`MissingValueStrategy`][antq_domain.analysis.rules.MissingValueStrategy]. Rules are records,
so a rule set loads from JSON; [`default_rules`][antq_domain.default_rules] is the
set for the standard catalogue.

Expressions are a small **closed** grammar, read by a hand-written parser
(never ``eval``): a sum of terms, each an integer constant, an indicator
cell or a sum over a dimension, optionally multiplied by an integer:

```text
expression := ["-"] term (("+" | "-") term)*
term       := INT | INT "*" operand | operand ["*" INT]
operand    := cell | "sum" "(" cell "over" NAME ")"
cell       := CODE ["[" NAME "=" VALUE ("," NAME "=" VALUE)* "]"]
```

``tips.valuable``, ``admin.units[unit_kind=commune]``,
``sum(commendations.recipients[status=conferred] over form)`` and ``100 * tips.valuable - 90 *
tips.received`` are expressions. Bad text raises
[`ExpressionError`][antq_domain.analysis.rules.ExpressionError] (a
[`ParseError`][antq_domain.ParseError]) naming the position. ``str`` writes the canonical
text and ``Expression.parse(str(e)) == e``.

Figures are intervals. "hơn 145.410" guarantees only ``[145410, ∞)``, so a comparison is
[`Outcome.HOLDS`][antq_domain.analysis.rules.Outcome],
[`Outcome.VIOLATED`][antq_domain.analysis.rules.Outcome] or
[`Outcome.UNDETERMINED`][antq_domain.analysis.rules.Outcome]
([`compare_intervals`][antq_domain.analysis.rules.compare_intervals]); a missing figure is an
unknown non-negative number, never zero.

Example:
    >>> from antq_domain.analysis.rules import Expression, Interval, Operator, compare_intervals
    >>> e = Expression.parse("100*tips.valuable - 90 * tips.received")
    >>> str(e)
    '100 * tips.valuable - 90 * tips.received'
    >>> compare_intervals(Operator.LE, Interval(145410, None), Interval(150000, 150000)).value
    'undetermined'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, NoReturn, Self, TypeAlias

import attrs
from pydantic import Field, GetCoreSchemaHandler, field_validator, model_validator
from pydantic_core import core_schema

from antq_domain.analysis.findings import Severity
from antq_domain.errors import AntqTypeError, InvariantError, ParseError
from antq_domain.records._base import Record
from antq_domain.records.indicators import Catalogue, IndicatorKind, catalogue
from antq_domain.records.observation import Dims
from antq_domain.values._codelist import Codelist
from antq_domain.values._format import format_amount
from antq_domain.values._pydantic import text_core_schema
from antq_domain.values.document import DocumentRef
from antq_domain.values.label import Label, Lang
from antq_domain.values.missing import Value
from antq_domain.values.quantity import Amount, Quantity

__all__ = [
    "Breakdown",
    "CellValues",
    "DimensionSum",
    "ExpressionValue",
    "Expression",
    "ExpressionError",
    "Importance",
    "IndicatorRef",
    "Interval",
    "MissingValueStrategy",
    "Operand",
    "Operator",
    "Outcome",
    "Rule",
    "Term",
    "compare_intervals",
    "default_breakdowns",
    "default_rules",
    "parse_condition",
    "rule_problems",
]

_CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_VALUE = re.compile(r"^[a-z0-9][a-z0-9_]*$")
_RULE_ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")


# -- codelists -------------------------------------------------------------------
class Operator(Codelist):
    """How a rule relates its two sides.

    Comparisons (``le``, ``lt``, ``eq``, ``ge``, ``gt``, ``ne``) compare the
    values. Pairs compare presence: ``compulsory_pair`` (if one side is
    reported the other must be), ``exclusive_pair`` (not both) and
    ``requires`` (if the left side is reported the right must be; the one-way
    pair a ratio's numerator needs, which DHIS2 lacks).

    Example:
        >>> from antq_domain.analysis.rules import Operator
        >>> Operator.LE.symbol, Operator.REQUIRES.is_pair
        ('<=', True)
    """

    LE = ("le", "nhỏ hơn hoặc bằng", "less than or equal to")
    LT = ("lt", "nhỏ hơn", "less than")
    EQ = ("eq", "bằng", "equal to")
    GE = ("ge", "lớn hơn hoặc bằng", "greater than or equal to")
    GT = ("gt", "lớn hơn", "greater than")
    NE = ("ne", "khác", "different from")
    COMPULSORY_PAIR = ("compulsory_pair", "phải cùng có", "reported together")
    EXCLUSIVE_PAIR = ("exclusive_pair", "không được cùng có", "never reported together")
    REQUIRES = ("requires", "có vế trái thì phải có vế phải", "left requires right")

    @property
    def is_pair(self) -> bool:
        """Whether the operator compares presence rather than values.

        Example:
            >>> from antq_domain.analysis.rules import Operator
            >>> Operator.EQ.is_pair
            False
        """
        return self in _PAIRS

    @property
    def symbol(self) -> str:
        """The text of the operator: ``<=``, ``==``…, or the pair's code.

        Example:
            >>> from antq_domain.analysis.rules import Operator
            >>> Operator.NE.symbol, Operator.EXCLUSIVE_PAIR.symbol
            ('!=', 'exclusive_pair')
        """
        return _SYMBOLS.get(self, self.value)


_PAIRS = frozenset({Operator.COMPULSORY_PAIR, Operator.EXCLUSIVE_PAIR, Operator.REQUIRES})
_SYMBOLS = {
    Operator.LE: "<=",
    Operator.LT: "<",
    Operator.EQ: "==",
    Operator.GE: ">=",
    Operator.GT: ">",
    Operator.NE: "!=",
}
_FROM_SYMBOL = {
    **{v: k for k, v in _SYMBOLS.items()},
    "≤": Operator.LE,
    "≥": Operator.GE,
    "≠": Operator.NE,
}


class Importance(Codelist):
    """How much a broken rule matters: ``high``, ``medium`` or ``low``.

    High gives an ``error`` finding, medium a ``warning``, low an ``info``.

    Example:
        >>> from antq_domain.analysis.rules import Importance
        >>> Importance.MEDIUM.severity.value
        'warning'
    """

    HIGH = ("high", "cao", "high")
    MEDIUM = ("medium", "trung bình", "medium")
    LOW = ("low", "thấp", "low")

    @property
    def severity(self) -> Severity:
        """The severity of a finding when a rule of this importance is broken.

        Example:
            >>> from antq_domain.analysis.rules import Importance
            >>> Importance.HIGH.severity.value
            'error'
        """
        return {
            Importance.HIGH: Severity.ERROR,
            Importance.MEDIUM: Severity.WARNING,
            Importance.LOW: Severity.INFO,
        }[self]


class MissingValueStrategy(Codelist):
    """What a comparison does when figures it needs are missing.

    * ``skip_if_any_missing``: skip the check when any figure is missing;
    * ``skip_if_all_missing``: skip only when every figure is missing; with
      some missing, each missing figure is an unknown non-negative number
      (a definite violation is still reported);
    * ``never_skip``: always check; an undecidable result caused by missing
      figures is reported at the rule's own severity.

    Pairs ignore the strategy: presence is what they check.

    Example:
        >>> from antq_domain.analysis.rules import MissingValueStrategy
        >>> MissingValueStrategy("never_skip").label.en
        'never skip'
    """

    SKIP_IF_ANY_MISSING = (
        "skip_if_any_missing",
        "bỏ qua nếu thiếu bất kỳ số liệu nào",
        "skip if any value is missing",
    )
    SKIP_IF_ALL_MISSING = (
        "skip_if_all_missing",
        "bỏ qua nếu thiếu tất cả số liệu",
        "skip if all values are missing",
    )
    NEVER_SKIP = ("never_skip", "không bao giờ bỏ qua", "never skip")


class Outcome(Codelist):
    """The result of one comparison: it holds, it is violated, or it cannot be decided.

    Example:
        >>> from antq_domain.analysis.rules import Outcome
        >>> Outcome.UNDETERMINED.label.vi
        'không xác định được'
    """

    HOLDS = ("holds", "thỏa", "holds")
    VIOLATED = ("violated", "vi phạm", "violated")
    UNDETERMINED = ("undetermined", "không xác định được", "undetermined")


# -- errors ----------------------------------------------------------------------
class ExpressionError(ParseError):
    """Text is not a valid expression or condition; ``position`` says where.

    ``field`` is ``expression`` or ``condition``; ``position`` is the
    0-based character offset of the offending token (the length of the text
    when the text ends too early).

    Example:
        >>> from antq_domain.analysis.rules import Expression, ExpressionError
        >>> try:
        ...     Expression.parse("tips.valuable +")
        ... except ExpressionError as err:
        ...     print(err.field, err.position)
        expression 15
    """

    def __init__(self, field: str, value: Any, expected: str, position: int = 0) -> None:
        self.position = position
        super().__init__(field, value, expected)

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.field, self.value, self.expected, self.position))


# -- the syntax tree ---------------------------------------------------------------
def _check_code(value: object) -> str:
    if not isinstance(value, str) or not _CODE.match(value):
        raise ParseError("indicator", value, "a dotted indicator code such as 'tips.received'")
    return value


def _check_name(value: object) -> str:
    if not isinstance(value, str) or not _NAME.match(value):
        raise ParseError("over", value, "a dimension name such as 'unit_kind'")
    return value


def _to_dims(value: object) -> Dims:
    if isinstance(value, Dims):
        return value
    if isinstance(value, Mapping):
        return Dims.of(value)
    raise AntqTypeError("dims", value, "a Dims or a mapping of dimension names to codes")


def _dims_text(dims: Dims) -> str:
    return f"[{dims}]" if dims else ""


@attrs.frozen(repr=False)
class IndicatorRef:
    """An operand naming one cell: an indicator with exactly these dimensions.

    A value. ``admin.units[unit_kind=commune]`` reads the observation whose
    dims are exactly ``{unit_kind: commune}``; ``tips.received`` the one with
    no dims.

    Example:
        >>> from antq_domain.analysis.rules import IndicatorRef
        >>> str(IndicatorRef("admin.units", {"unit_kind": "commune"}))
        'admin.units[unit_kind=commune]'
    """

    indicator: str = attrs.field(converter=_check_code)
    dims: Dims = attrs.field(default=Dims(), converter=_to_dims)

    def __str__(self) -> str:
        return self.indicator + _dims_text(self.dims)

    def __repr__(self) -> str:
        return f"IndicatorRef({str(self)!r})"


@attrs.frozen(repr=False)
class DimensionSum:
    """An operand adding every reported value of one dimension: ``sum(x over d)``.

    A value. The sum covers the cells whose dims are ``dims`` plus any value
    of ``over``, as reported (parts the report does not state are not
    guessed). Use it over a dimension whose codes do not overlap.

    Example:
        >>> from antq_domain.analysis.rules import DimensionSum
        >>> str(DimensionSum("commendations.recipients", "form", {"status": "conferred"}))
        'sum(commendations.recipients[status=conferred] over form)'
        >>> DimensionSum("admin.units", "unit_kind", {"unit_kind": "ward"})
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: over='unit_kind': expected a dimension not fixed ...
    """

    indicator: str = attrs.field(converter=_check_code)
    over: str = attrs.field(converter=_check_name)
    dims: Dims = attrs.field(default=Dims(), converter=_to_dims)

    def __attrs_post_init__(self) -> None:
        if self.over in self.dims:
            raise InvariantError(
                "over", self.over, "a dimension not fixed in the cell it sums over"
            )

    def __str__(self) -> str:
        return f"sum({self.indicator}{_dims_text(self.dims)} over {self.over})"

    def __repr__(self) -> str:
        return f"DimensionSum({str(self)!r})"


Operand: TypeAlias = IndicatorRef | DimensionSum
"""An expression's non-constant operand: one cell, or a sum over a dimension."""


def _coefficient(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AntqTypeError("coefficient", value, "an int (never a float or bool)")
    return value


def _operand(value: object) -> Operand | None:
    if value is None or isinstance(value, IndicatorRef | DimensionSum):
        return value
    raise AntqTypeError("operand", value, "an IndicatorRef, a DimensionSum or None")


@attrs.frozen(repr=False)
class Term:
    """One term of an expression: ``coefficient × operand``, or a constant when no operand.

    A value. The coefficient is a signed integer (the sign of the term).

    Example:
        >>> from antq_domain.analysis.rules import IndicatorRef, Term
        >>> str(Term(100, IndicatorRef("tips.valuable"))), str(Term(-5))
        ('100 * tips.valuable', '-5')
    """

    coefficient: int = attrs.field(converter=_coefficient)
    operand: Operand | None = attrs.field(default=None, converter=_operand)

    def _unsigned(self) -> str:
        size = abs(self.coefficient)
        if self.operand is None:
            return str(size)
        if size == 1:
            return str(self.operand)
        return f"{size} * {self.operand}"

    def __str__(self) -> str:
        return ("-" if self.coefficient < 0 else "") + self._unsigned()

    def __repr__(self) -> str:
        return f"Term({str(self)!r})"


def _terms(value: object) -> tuple[Term, ...]:
    if not isinstance(value, Iterable):
        raise AntqTypeError("terms", value, "an iterable of Term")
    terms = tuple(value)
    if not terms:
        raise InvariantError("terms", terms, "at least one term")
    for term in terms:
        if not isinstance(term, Term):
            raise AntqTypeError("terms", term, "a Term")
    return terms


CellValues: TypeAlias = Mapping[tuple[str, Dims], Sequence[Value]]
"""The values of one place and period: ``(indicator, dims)`` → the values stated for it."""


@attrs.frozen(repr=False)
class Expression:
    """A sum of terms over one place and period's figures (the side of a rule).

    A value. [`parse`][antq_domain.analysis.rules.Expression.parse] reads the closed grammar of the
    module; ``str`` writes the canonical text (``parse(str(e)) == e``). In pydantic records an
    expression travels as its text.

    Example:
        >>> from antq_domain.analysis.rules import Expression
        >>> e = Expression.parse("tips.valuable * 100 + -0")
        Traceback (most recent call last):
        ...
        antq_domain.analysis.rules.ExpressionError: expression='tips.valuable * 100 + -0': \
expected a number or an indicator at position 22, found '-'
        >>> e = Expression.parse("tips.valuable * 100 - 5")
        >>> str(e), e.indicators
        ('100 * tips.valuable - 5', ('tips.valuable',))
    """

    terms: tuple[Term, ...] = attrs.field(converter=_terms)

    @classmethod
    def parse(cls, text: str) -> Expression:
        """Read an expression (the inverse of ``str``).

        Raises:
            ExpressionError: with ``field="expression"`` and the position.

        Example:
            >>> from antq_domain.analysis.rules import Expression
            >>> Expression.parse("sum( crime.cases_solved over category )")
            Expression('sum(crime.cases_solved over category)')
        """
        parser = _Parser(text, "expression")
        expr = parser.expression()
        parser.end()
        return expr

    def __str__(self) -> str:
        first, *rest = self.terms
        parts = [str(first)]
        parts.extend(("- " if t.coefficient < 0 else "+ ") + t._unsigned() for t in rest)
        return " ".join(parts)

    def __repr__(self) -> str:
        return f"Expression({str(self)!r})"

    @property
    def operands(self) -> tuple[Operand, ...]:
        """The operands, in order (constants left out).

        Example:
            >>> from antq_domain.analysis.rules import Expression
            >>> [str(o) for o in Expression.parse("a.b + 2 * c.d[k=v] + 3").operands]
            ['a.b', 'c.d[k=v]']
        """
        return tuple(t.operand for t in self.terms if t.operand is not None)

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicator codes used, each once, in order.

        Example:
            >>> from antq_domain.analysis.rules import Expression
            >>> Expression.parse("a.b - a.b[k=v]").indicators
            ('a.b',)
        """
        return tuple(dict.fromkeys(o.indicator for o in self.operands))

    def evaluate(self, cells: CellValues) -> ExpressionValue:
        """The interval the expression is known to lie in, given one frame's figures.

        Each cell's value is the interval of its quantity
        ([`bounds`][antq_domain.values.quantity.Quantity.bounds]); a cell stated twice takes the
        hull of its values; a missing cell (absent, or a missing-value marker) is an unknown
        non-negative number and is listed in
        [`ExpressionValue.missing`][antq_domain.analysis.rules.ExpressionValue].

        Example:
            >>> from antq_domain.analysis.rules import Expression
            >>> from antq_domain.records.observation import Dims
            >>> from antq_domain.values.quantity import Quantity
            >>> cells = {("tips.received", Dims()): [Quantity(726, "tip")]}
            >>> ev = Expression.parse("tips.received - tips.valuable").evaluate(cells)
            >>> str(ev.interval), [str(m) for m in ev.missing]
            ('(-∞, 726]', ['tips.valuable'])
        """
        total = Interval(0, 0)
        present: list[IndicatorRef] = []
        missing: list[Operand] = []
        for term in self.terms:
            if term.operand is None:
                total = total + Interval(term.coefficient, term.coefficient)
                continue
            op = term.operand
            if isinstance(op, IndicatorRef):
                value = _cell_interval(cells.get((op.indicator, op.dims), ()))
                if value is None:
                    missing.append(op)
                    value = Interval(0, None)
                else:
                    present.append(op)
            else:
                value, read = _dimension_sum(op, cells)
                if not read:
                    missing.append(op)
                present.extend(read)
            total = total + value.scale(term.coefficient)
        return ExpressionValue(total, tuple(present), tuple(missing))

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return text_core_schema(
            cls,
            cls.parse,
            examples=[
                "tips.valuable",
                "admin.units[unit_kind=commune]",
                "sum(commendations.recipients over form)",
                "100 * tips.valuable - 90 * tips.received",
            ],
        )


def _cell_interval(values: Sequence[Value]) -> Interval | None:
    found = [Interval(*v.bounds()) for v in values if isinstance(v, Quantity)]
    if not found:
        return None
    out = found[0]
    for other in found[1:]:
        out = out.hull(other)
    return out


def _dimension_sum(op: DimensionSum, cells: CellValues) -> tuple[Interval, list[IndicatorRef]]:
    total = Interval(0, 0)
    read: list[IndicatorRef] = []
    for (indicator, dims), values in sorted(cells.items(), key=lambda kv: str(kv[0][1])):
        if indicator != op.indicator or op.over not in dims:
            continue
        rest = Dims.of({k: v for k, v in dims.items() if k != op.over})
        if rest != op.dims:
            continue
        value = _cell_interval(values)
        if value is None:
            total = total + Interval(0, None)
        else:
            total = total + value
            read.append(IndicatorRef(indicator, dims))
    if not read:
        return Interval(0, None), []
    return total, read


# -- intervals and comparison ------------------------------------------------------
def _amount_or_none(field: str, value: object) -> Amount | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise AntqTypeError(field, value, "an int, a Decimal or None (unbounded)")
    return value


def _low(value: object) -> Amount | None:
    return _amount_or_none("low", value)


def _high(value: object) -> Amount | None:
    return _amount_or_none("high", value)


@attrs.frozen(repr=False)
class Interval:
    """The set of values a figure (or an expression) is known to lie in: ``[low, high]``.

    A value. ``None`` is unbounded: ``low=None`` is −∞, ``high=None`` is +∞.
    Intervals add, scale by an integer and take hulls exactly.

    Example:
        >>> from antq_domain.analysis.rules import Interval
        >>> str(Interval(145410, None) + Interval(81417, 81417))
        '[226827, ∞)'
        >>> str(Interval(0, 5).scale(-2))
        '[-10, 0]'
        >>> Interval(5, 1)
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: high=1: expected a bound >= low=5
    """

    low: Amount | None = attrs.field(converter=_low)
    high: Amount | None = attrs.field(converter=_high)

    def __attrs_post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.high < self.low:
            raise InvariantError("high", self.high, f"a bound >= low={self.low}")

    @property
    def is_point(self) -> bool:
        """Whether the interval pins one exact value.

        Example:
            >>> from antq_domain.analysis.rules import Interval
            >>> Interval(7, 7).is_point, Interval(7, None).is_point
            (True, False)
        """
        return self.low is not None and self.low == self.high

    def __add__(self, other: Interval) -> Interval:
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(low, high)

    def scale(self, factor: int) -> Interval:
        """Multiply by an integer (a negative factor swaps the ends).

        Example:
            >>> from antq_domain.analysis.rules import Interval
            >>> str(Interval(3, None).scale(0))
            '0'
        """
        if factor == 0:
            return Interval(0, 0)
        low = None if self.low is None else self.low * factor
        high = None if self.high is None else self.high * factor
        return Interval(low, high) if factor > 0 else Interval(high, low)

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both.

        Example:
            >>> from antq_domain.analysis.rules import Interval
            >>> str(Interval(655, 655).hull(Interval(650, 650)))
            '[650, 655]'
        """
        low = None if self.low is None or other.low is None else min(self.low, other.low)
        high = None if self.high is None or other.high is None else max(self.high, other.high)
        return Interval(low, high)

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies in both.

        Example:
            >>> from antq_domain.analysis.rules import Interval
            >>> Interval(145410, None).overlaps(Interval(150000, 150000))
            True
        """
        if self.low is not None and other.high is not None and self.low > other.high:
            return False
        return not (other.low is not None and self.high is not None and other.low > self.high)

    def format(self, lang: Lang = "vi") -> str:
        """Display form with the digit grouping of ``lang``.

        Example:
            >>> from antq_domain.analysis.rules import Interval
            >>> Interval(145410, None).format("vi"), Interval(None, None).format("en")
            ('≥ 145.410', 'unknown')
        """
        if self.is_point:
            assert self.low is not None  # noqa: S101 - is_point guarantees it
            return format_amount(self.low, lang)
        if self.low is None and self.high is None:
            return "chưa rõ" if lang == "vi" else "unknown"
        if self.high is None:
            assert self.low is not None  # noqa: S101 - checked above
            return "≥ " + format_amount(self.low, lang)
        if self.low is None:
            return "≤ " + format_amount(self.high, lang)
        return f"{format_amount(self.low, lang)}–{format_amount(self.high, lang)}"

    def __str__(self) -> str:
        if self.is_point:
            return str(self.low)
        low = "(-∞" if self.low is None else f"[{self.low}"
        high = "∞)" if self.high is None else f"{self.high}]"
        return f"{low}, {high}"

    def __repr__(self) -> str:
        return f"Interval({self.low!r}, {self.high!r})"


@attrs.frozen
class ExpressionValue:
    """An expression evaluated over one frame: its interval and the cells it read or missed.

    A value. ``present`` lists the cells that had a reported quantity,
    ``missing`` the operands that had none (absent, or a missing-value
    marker).

    Example:
        >>> from antq_domain.analysis.rules import ExpressionValue, Interval
        >>> ExpressionValue(Interval(1, 1), (), ()).is_complete
        True
    """

    interval: Interval
    present: tuple[IndicatorRef, ...]
    missing: tuple[Operand, ...]

    @property
    def is_complete(self) -> bool:
        """Whether no operand was missing.

        Example:
            >>> from antq_domain.analysis.rules import ExpressionValue, IndicatorRef, Interval
            >>> ExpressionValue(Interval(0, None), (), (IndicatorRef("a.b"),)).is_complete
            False
        """
        return not self.missing


def _le(left: Interval, right: Interval, *, strict: bool) -> Outcome:
    if (
        left.high is not None
        and right.low is not None
        and (left.high < right.low or (not strict and left.high == right.low))
    ):
        return Outcome.HOLDS
    if (
        left.low is not None
        and right.high is not None
        and (left.low > right.high or (strict and left.low == right.high))
    ):
        return Outcome.VIOLATED
    return Outcome.UNDETERMINED


def compare_intervals(operator: Operator, left: Interval, right: Interval) -> Outcome:
    """Decide ``left operator right`` for intervals: holds, violated or undetermined.

    It *holds* when it is true for every pair of values the intervals allow,
    is *violated* when it is false for every pair, and is *undetermined*
    otherwise.

    Raises:
        InvariantError: for a pair operator (pairs compare presence).

    Example:
        >>> from antq_domain.analysis.rules import Interval, Operator, compare_intervals
        >>> compare_intervals(Operator.LE, Interval(655, 655), Interval(726, 726)).value
        'holds'
        >>> compare_intervals(Operator.EQ, Interval(92, 92), Interval(85, 85)).value
        'violated'
        >>> compare_intervals(Operator.EQ, Interval(92, None), Interval(95, 95)).value
        'undetermined'
    """
    if operator is Operator.LE:
        return _le(left, right, strict=False)
    if operator is Operator.LT:
        return _le(left, right, strict=True)
    if operator is Operator.GE:
        return _le(right, left, strict=False)
    if operator is Operator.GT:
        return _le(right, left, strict=True)
    if operator in (Operator.EQ, Operator.NE):
        same = left.is_point and right.is_point and left.low == right.low
        apart = not left.overlaps(right)
        if operator is Operator.EQ:
            return Outcome.HOLDS if same else Outcome.VIOLATED if apart else Outcome.UNDETERMINED
        return Outcome.HOLDS if apart else Outcome.VIOLATED if same else Outcome.UNDETERMINED
    raise InvariantError("operator", operator.value, "a comparison; pairs compare presence")


# -- the parser --------------------------------------------------------------------
_TOKEN = re.compile(
    r"(?P<space>\s+)"
    r"|(?P<cmp><=|>=|==|!=|<|>|≤|≥|≠)"
    r"|(?P<punct>[\[\](),=+\-*])"
    r"|(?P<word>[a-z0-9_][a-z0-9_.]*)"
)


@attrs.frozen
class _Token:
    kind: str  # "cmp", "punct", "int", "word"
    text: str
    pos: int


def _tokenize(text: str, field: str) -> list[_Token]:
    tokens: list[_Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:
            raise ExpressionError(
                field, text, f"a code, a number or an operator at position {pos}", pos
            )
        kind = match.lastgroup or ""
        if kind != "space":
            word = match.group()
            if kind == "word" and word.isdigit():
                kind = "int"
            tokens.append(_Token(kind, word, pos))
        pos = match.end()
    return tokens


class _Parser:
    """A recursive-descent parser over the tokens of one text."""

    def __init__(self, text: object, field: str) -> None:
        if not isinstance(text, str):
            raise AntqTypeError(field, text, "a str")
        self.text = text
        self.field = field
        self.tokens = _tokenize(text, field)
        self.i = 0

    def peek(self, ahead: int = 0) -> _Token | None:
        j = self.i + ahead
        return self.tokens[j] if j < len(self.tokens) else None

    def take(self) -> _Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def fail(self, what: str, tok: _Token | None = None) -> NoReturn:
        if tok is None:
            raise ExpressionError(
                self.field,
                self.text,
                f"{what} at position {len(self.text)}, found the end of the text",
                len(self.text),
            )
        raise ExpressionError(
            self.field, self.text, f"{what} at position {tok.pos}, found {tok.text!r}", tok.pos
        )

    def is_punct(self, text: str, ahead: int = 0) -> bool:
        tok = self.peek(ahead)
        return tok is not None and tok.kind == "punct" and tok.text == text

    def expect(self, text: str) -> _Token:
        if not self.is_punct(text):
            self.fail(f"{text!r}", self.peek())
        return self.take()

    def end(self) -> None:
        tok = self.peek()
        if tok is not None:
            self.fail("'+', '-' or the end of the text", tok)

    # grammar ---------------------------------------------------------------------
    def expression(self) -> Expression:
        sign = 1
        if self.is_punct("-"):
            self.take()
            sign = -1
        terms = [self.term(sign)]
        while self.is_punct("+") or self.is_punct("-"):
            sign = 1 if self.take().text == "+" else -1
            terms.append(self.term(sign))
        return Expression(tuple(terms))

    def term(self, sign: int) -> Term:
        tok = self.peek()
        if tok is not None and tok.kind == "int":
            self.take()
            value = int(tok.text)
            if self.is_punct("*"):
                self.take()
                return Term(sign * value, self.operand("an indicator after '*'"))
            return Term(sign * value)
        if tok is not None and tok.kind == "word":
            op = self.operand("a number or an indicator")
            if self.is_punct("*"):
                self.take()
                factor = self.peek()
                if factor is None or factor.kind != "int":
                    self.fail("an integer constant after '*'", factor)
                self.take()
                return Term(sign * int(factor.text), op)
            return Term(sign, op)
        return self.fail("a number or an indicator", tok)

    def operand(self, what: str) -> Operand:
        tok = self.peek()
        if tok is not None and tok.kind == "word" and tok.text == "sum" and self.is_punct("(", 1):
            self.take()
            self.take()
            code, dims = self.cell()
            over = self.peek()
            if over is None or over.text != "over":
                self.fail("'over'", over)
            self.take()
            name = self.peek()
            if name is None or name.kind != "word" or not _NAME.match(name.text):
                self.fail("a dimension name", name)
            self.take()
            if name.text in dims:
                self.fail("a dimension not fixed in the cell", name)
            self.expect(")")
            return DimensionSum(code, name.text, dims)
        if tok is None or tok.kind != "word":
            self.fail(what, tok)
        code, dims = self.cell()
        return IndicatorRef(code, dims)

    def cell(self) -> tuple[str, Dims]:
        tok = self.peek()
        if tok is None or tok.kind != "word" or not _CODE.match(tok.text):
            self.fail("an indicator code such as 'tips.received'", tok)
        self.take()
        pairs: dict[str, str] = {}
        if self.is_punct("["):
            self.take()
            while True:
                name = self.peek()
                if name is None or name.kind != "word" or not _NAME.match(name.text):
                    self.fail("a dimension name", name)
                if name.text in pairs:
                    self.fail("a dimension not already given", name)
                self.take()
                self.expect("=")
                value = self.peek()
                if value is None or value.kind not in ("word", "int"):
                    self.fail("a dimension value", value)
                if not _VALUE.match(value.text):
                    self.fail("a dimension value", value)
                self.take()
                pairs[name.text] = value.text
                if self.is_punct(","):
                    self.take()
                    continue
                self.expect("]")
                break
        return tok.text, Dims.of(pairs)

    def condition(self) -> tuple[Expression, Operator, Expression]:
        head = self.peek()
        if head is not None and head.kind == "word" and self.is_punct("(", 1):
            try:
                operator = Operator(head.text)
            except ValueError:
                operator = None
            if operator is not None and operator.is_pair:
                self.take()
                self.take()
                left = self.expression()
                self.expect(",")
                right = self.expression()
                self.expect(")")
                self.end()
                return left, operator, right
        left = self.expression()
        tok = self.peek()
        if tok is None or tok.kind != "cmp":
            self.fail("a comparison such as '<=' or '+' or '-'", tok)
        self.take()
        right = self.expression()
        self.end()
        return left, _FROM_SYMBOL[tok.text], right


def parse_condition(text: str) -> tuple[Expression, Operator, Expression]:
    """Read a rule's condition: ``left <op> right``, or ``pair(left, right)``.

    Comparisons are ``<=``, ``<``, ``==``, ``>=``, ``>``, ``!=`` (and ``≤``,
    ``≥``, ``≠``); pairs are written ``compulsory_pair(a, b)``,
    ``exclusive_pair(a, b)`` and ``requires(a, b)``.

    Raises:
        ExpressionError: with ``field="condition"`` and the position.

    Example:
        >>> from antq_domain.analysis.rules import parse_condition
        >>> left, op, right = parse_condition("tips.valuable ≤ tips.received")
        >>> str(left), op.value, str(right)
        ('tips.valuable', 'le', 'tips.received')
        >>> parse_condition("requires(tips.valuable, tips.received)")[1].value
        'requires'
        >>> parse_condition("tips.valuable tips.received")
        Traceback (most recent call last):
        ...
        antq_domain.analysis.rules.ExpressionError: condition='tips.valuable tips.received': \
expected a comparison such as '<=' or '+' or '-' at position 14, found 'tips.received'
    """
    return _Parser(text, "condition").condition()


# -- rules -------------------------------------------------------------------------
def _legal_basis_in(value: object) -> object:
    if isinstance(value, str):
        try:
            return DocumentRef.parse(value)
        except (ValueError, KeyError):
            return value
    return value


class Rule(Record):
    """A validation rule: ``left operator right``, with importance and missing strategy.

    A value (its ``id`` names it in findings). ``applies_to`` repeats the
    rule over dimension values: for each named dimension the rule runs once
    per value found among its indicators' observations (``null``: every
    value; a list: only those), adding the value to every operand whose
    indicator has that dimension. So ``forces.regular_police_units <=
    admin.units`` with ``applies_to={"unit_kind": None}`` checks communes
    against communes and townships against townships.

    ``legal_basis`` is a [`DocumentRef`][antq_domain.DocumentRef] when the text
    parses as one, otherwise the text.

    Example:
        >>> from antq_domain.analysis.rules import Rule
        >>> r = Rule.of("tips.valuable_le_received", "tips.valuable <= tips.received",
        ...             vi="tin có giá trị không vượt tổng số tin",
        ...             en="valuable tips do not exceed tips received", importance="high")
        >>> r.condition, r.severity.value
        ('tips.valuable <= tips.received', 'error')
        >>> Rule.model_validate_json(r.model_dump_json()) == r
        True
        >>> Rule.of("x.pair", "requires(1, tips.received)", vi="x", en="x")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Rule: 1 problem
          left: left='1': expected an expression with an indicator: a pair compares presence
    """

    id: str
    description: Label
    left: Expression
    operator: Operator
    right: Expression
    importance: Importance = Importance.MEDIUM
    missing: MissingValueStrategy = MissingValueStrategy.SKIP_IF_ANY_MISSING
    legal_basis: DocumentRef | str | None = None
    applies_to: dict[str, tuple[str, ...] | None] = Field(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _RULE_ID.match(value):
            raise ParseError("id", value, "a dotted lower-case id such as 'tips.valuable_le'")
        return value

    @field_validator("legal_basis", mode="before")
    @classmethod
    def _legal_basis(cls, value: object) -> object:
        return _legal_basis_in(value)

    @field_validator("applies_to")
    @classmethod
    def _applies_to(
        cls, value: dict[str, tuple[str, ...] | None]
    ) -> dict[str, tuple[str, ...] | None]:
        for name, codes in value.items():
            if not _NAME.match(name):
                raise ParseError("applies_to", name, "a dimension name such as 'unit_kind'")
            for code in codes or ():
                if not _VALUE.match(code):
                    raise ParseError(f"applies_to.{name}", code, "a code such as 'commune'")
        return value

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if self.operator.is_pair:
            for field in ("left", "right"):
                side: Expression = getattr(self, field)
                if not side.operands:
                    raise InvariantError(
                        field,
                        str(side),
                        "an expression with an indicator: a pair compares presence",
                    )
        return self

    def __hash__(self) -> int:
        return hash((self.id, str(self.left), self.operator, str(self.right)))

    @classmethod
    def of(
        cls,
        id: str,  # noqa: A002 - the field's name
        condition: str,
        *,
        vi: str,
        en: str,
        importance: Importance | str = Importance.MEDIUM,
        missing: MissingValueStrategy | str = MissingValueStrategy.SKIP_IF_ANY_MISSING,
        legal_basis: DocumentRef | str | None = None,
        applies_to: Mapping[str, Sequence[str] | None] | None = None,
    ) -> Rule:
        """Build a rule from its condition text (see `parse_condition`).

        Example:
            >>> from antq_domain.analysis.rules import Rule
            >>> Rule.of("c.pair", "compulsory_pair(a.b, c.d)", vi="x", en="x").operator.value
            'compulsory_pair'
        """
        left, operator, right = parse_condition(condition)
        return cls(
            id=id,
            description=Label(vi=vi, en=en),
            left=left,
            operator=operator,
            right=right,
            importance=importance,
            missing=missing,
            legal_basis=legal_basis,
            applies_to={k: None if v is None else tuple(v) for k, v in (applies_to or {}).items()},
        )

    @property
    def condition(self) -> str:
        """The condition as text; `parse_condition` reads it back.

        Example:
            >>> from antq_domain.analysis.rules import Rule
            >>> Rule.of("p", "exclusive_pair(a.b, c.d)", vi="x", en="x").condition
            'exclusive_pair(a.b, c.d)'
        """
        if self.operator.is_pair:
            return f"{self.operator.value}({self.left}, {self.right})"
        return f"{self.left} {self.operator.symbol} {self.right}"

    @property
    def severity(self) -> Severity:
        """The severity of a finding when the rule is broken (from its importance).

        Example:
            >>> from antq_domain.analysis.rules import Rule
            >>> Rule.of("p", "a.b <= c.d", vi="x", en="x", importance="low").severity.value
            'info'
        """
        return self.importance.severity

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicator codes the rule reads, each once.

        Example:
            >>> from antq_domain.analysis.rules import Rule
            >>> Rule.of("p", "a.b <= c.d + a.b", vi="x", en="x").indicators
            ('a.b', 'c.d')
        """
        return tuple(dict.fromkeys((*self.left.indicators, *self.right.indicators)))

    def __str__(self) -> str:
        return f"{self.id}: {self.condition}"


class Breakdown(Record):
    """How the values of one dimension make up a total: parts that do not overlap.

    A value. The total cell is the cell *without* the dimension (``total``
    is ``None``) or the cell with the aggregate code ``total`` (``unit_kind``
    ``commune_level`` is ``commune + ward + township + special_zone``). When
    every part is stated the parts must add up to the total; when some are
    missing, the stated parts must not exceed it. ``indicators`` limits the
    breakdown to some indicators (empty: every indicator with the dimension).

    Example:
        >>> from antq_domain.analysis.rules import Breakdown
        >>> b = Breakdown(dimension="recipient_kind",
        ...               parts=("collective", "individual", "household"))
        >>> b.total is None
        True
        >>> Breakdown(dimension="unit_kind", total="commune", parts=("commune", "ward"))
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Breakdown: 1 problem
          total: total='commune': expected a code that is not one of the parts
    """

    dimension: str
    parts: tuple[str, ...]
    total: str | None = None
    indicators: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if not _NAME.match(self.dimension):
            raise ParseError("dimension", self.dimension, "a dimension name such as 'form'")
        if not self.parts or len(set(self.parts)) != len(self.parts):
            raise InvariantError("parts", self.parts, "at least one code, each listed once")
        for code in (*self.parts, *([self.total] if self.total else [])):
            if not _VALUE.match(code):
                raise ParseError("parts", code, "a code such as 'commune'")
        if self.total is not None and self.total in self.parts:
            raise InvariantError("total", self.total, "a code that is not one of the parts")
        for code in self.indicators:
            _check_code(code)
        return self

    def applies(self, indicator: str) -> bool:
        """Whether the breakdown is checked for ``indicator``.

        Example:
            >>> from antq_domain.analysis.rules import Breakdown
            >>> Breakdown(dimension="form", parts=("order",), indicators=("x.y",)).applies("a.b")
            False
        """
        return not self.indicators or indicator in self.indicators


# -- the default sets ----------------------------------------------------------------
_UNIT_KIND_LEVELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("commune_level", ("commune", "ward", "township", "special_zone")),
    ("district_level", ("district", "urban_district", "town", "provincial_city")),
    ("establishment", ("agency", "enterprise", "school")),
)

# Dimensions whose codes split a whole into non-overlapping parts. Left out on
# purpose: unit_kind (it mixes aggregate codes; see _UNIT_KIND_LEVELS),
# category (a serious drug crime is both 'serious' and 'drugs'), scope (one
# model may be replicated at two scopes in a year), model_kind (open codelist
# with an 'all' code), status (an unsplit award count usually means conferred
# awards only, not conferred + proposed).
_PARTITIONS = (
    "recipient_kind",
    "form",
    "issuer",
    "owner",
    "group_kind",
    "club_kind",
    "managed_by",
)


def default_breakdowns(cat: Catalogue | None = None) -> tuple[Breakdown, ...]:
    """The breakdowns the standard catalogue's dimensions guarantee.

    For every dimension whose codes do not overlap (recipient kind, form,
    issuer, owner, group kind, club kind, managed by) the unsplit cell is the
    total of its parts; for ``unit_kind`` the aggregate codes are totals of
    their members (``commune_level``, ``district_level``, ``establishment``).

    Example:
        >>> from antq_domain.analysis.rules import default_breakdowns
        >>> [(b.dimension, b.total) for b in default_breakdowns()][-3:]
        [('unit_kind', 'commune_level'), ('unit_kind', 'district_level'), \
('unit_kind', 'establishment')]
    """
    cat = cat if cat is not None else catalogue()
    names = {d.name: d for d in cat.dimensions}
    out = [
        Breakdown(dimension=name, parts=names[name].codes) for name in _PARTITIONS if name in names
    ]
    if "unit_kind" in names:
        out.extend(
            Breakdown(dimension="unit_kind", total=total, parts=parts)
            for total, parts in _UNIT_KIND_LEVELS
        )
    return tuple(out)


def _standard_rules() -> list[Rule]:
    high, low = Importance.HIGH, Importance.LOW
    return [
        Rule.of(
            "tips.valuable_le_received",
            "tips.valuable <= tips.received",
            vi="Nguồn tin có giá trị không nhiều hơn tổng số nguồn tin nhận được",
            en="Valuable tips are a subset of the tips received",
            importance=high,
        ),
        Rule.of(
            "tips.in_jurisdiction_le_received",
            "tips.in_jurisdiction <= tips.received",
            vi="Tin thuộc thẩm quyền giải quyết không nhiều hơn tổng số tin nhận được",
            en="Tips within the police's jurisdiction are a subset of the tips received",
            importance=high,
        ),
        Rule.of(
            "tips.resolved_le_in_jurisdiction",
            "tips.resolved <= tips.in_jurisdiction",
            vi="Tin đã giải quyết không nhiều hơn tin thuộc thẩm quyền phải giải quyết",
            en="Tips resolved do not exceed the tips the police had to resolve",
            importance=high,
        ),
        Rule.of(
            "forces.regular_police_units_le_admin_units",
            "forces.regular_police_units <= admin.units",
            vi="Số đơn vị có Công an chính quy không vượt số đơn vị hành chính cùng loại",
            en="Units with regular police do not outnumber the units of that kind",
            importance=high,
            applies_to={"unit_kind": None},
        ),
        Rule.of(
            "forces.security_camera_units_le_admin_units",
            "forces.security_camera_units <= admin.units",
            vi="Số đơn vị có camera an ninh không vượt số đơn vị hành chính cùng loại",
            en="Units with security cameras do not outnumber the units of that kind",
            importance=high,
            applies_to={"unit_kind": None},
        ),
        Rule.of(
            "safety_standard.meeting_le_assessed",
            "safety_standard.units_meeting <= safety_standard.units_assessed",
            vi='Số đơn vị đạt tiêu chuẩn "An toàn về ANTT" không vượt số đơn vị được đánh giá',
            en="Units meeting the safety standard are a subset of the units assessed",
            importance=high,
            applies_to={"unit_kind": None, "managed_by": None},
        ),
        Rule.of(
            "crime.solved_le_occurred",
            "crime.cases_solved <= crime.cases_occurred",
            vi="Số vụ điều tra, khám phá thường không vượt số vụ xảy ra "
            "(có thể vượt khi khám phá cả vụ của kỳ trước)",
            en="Cases solved usually do not exceed cases occurred "
            "(they may, when cases from earlier periods are solved)",
            importance=low,
            applies_to={"category": None},
        ),
    ]


def default_rules(cat: Catalogue | None = None) -> tuple[Rule, ...]:
    """The rules that always hold for the standard catalogue (and ratio completeness).

    Each comparison is a subset relation that cannot fail on a correct
    report (valuable tips ≤ tips received; units with regular police ≤ units
    of that kind, per unit kind; units meeting the safety standard ≤ units
    assessed), except ``crime.solved_le_occurred``, kept at low importance
    because cases solved in a period may include earlier cases. For every
    ratio of ``cat`` there is a medium ``requires`` rule: a numerator stated
    without its denominator leaves the ratio undefined. Rules that look right
    but are not (tips.cases_solved ≤ tips.valuable…) are explained in
    ``docs/explanation/rules.md``.

    Example:
        >>> from antq_domain.analysis.rules import default_rules
        >>> rules = {r.id: r for r in default_rules()}
        >>> rules["tips.valuable_le_received"].condition
        'tips.valuable <= tips.received'
        >>> rules["ratio.tips.valuable_rate.parts"].condition
        'requires(tips.valuable, tips.received)'
    """
    cat = cat if cat is not None else catalogue()
    rules = [r for r in _standard_rules() if all(code in cat for code in r.indicators)]
    for ind in cat.indicators:
        if ind.kind is not IndicatorKind.RATIO or ind.ratio is None:
            continue
        spec = ind.ratio
        rules.append(
            Rule.of(
                f"ratio.{ind.code}.parts",
                f"requires({spec.numerator}, {spec.denominator})",
                vi=f"Có {spec.numerator} thì phải có {spec.denominator} để tính {ind.label.vi}",
                en=f"{spec.numerator} needs {spec.denominator} to compute {ind.label.en}",
                importance=Importance.MEDIUM,
                applies_to=dict.fromkeys(spec.match),
            )
        )
    return tuple(rules)


def rule_problems(rule: Rule, cat: Catalogue) -> tuple[str, ...]:
    """Why ``rule`` cannot be applied with ``cat`` (empty when it can).

    Checks that every indicator is in the catalogue, that fixed dimensions
    and ``over`` are the indicator's, that required dimensions are fixed or
    supplied by ``applies_to``, and that all indicators share one unit.

    Example:
        >>> from antq_domain.analysis.rules import Rule, rule_problems
        >>> from antq_domain.records.indicators import catalogue
        >>> r = Rule.of("x.y", "tips.valuable <= crime.cases_occurred", vi="x", en="x")
        >>> rule_problems(r, catalogue())
        ("indicators of different units: 'tips.valuable' counts tip, \
'crime.cases_occurred' counts case",)
    """
    problems: list[str] = []
    units: dict[str, str] = {}
    for side in (rule.left, rule.right):
        for op in side.operands:
            if op.indicator not in cat:
                problems.append(f"unknown indicator {op.indicator!r}")
                continue
            ind = cat[op.indicator]
            units.setdefault(op.indicator, ind.unit.value if ind.unit else "percent")
            try:
                given = set(op.dims) | set(rule.applies_to)
                if isinstance(op, DimensionSum):
                    ind.dimension(op.over)
                    given.add(op.over)
                for name, code in op.dims.items():
                    ind.dimension(name).check(code)
                problems.extend(
                    f"{op} lacks the required dimension {name!r} (fix it or add it to applies_to)"
                    for name in ind.required_dimensions
                    if name not in given
                )
            except (ValueError, KeyError) as err:
                problems.append(f"{op}: {err}")
    distinct = dict.fromkeys(units.values())
    if len(distinct) > 1:
        problems.append(
            "indicators of different units: "
            + ", ".join(f"{code!r} counts {unit}" for code, unit in units.items())
        )
    return tuple(problems)
