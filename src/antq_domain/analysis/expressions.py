# Size: the expression grammar: its syntax tree, evaluation over intervals, comparison
# outcomes and the hand-written parser; about 45% of the lines are docstrings and their examples.
"""Expressions over a report's figures, conditions between them, and their outcomes.

A rule's sides are expressions in a small **closed** grammar, read by a
hand-written parser (never ``eval``): a sum of terms, each an integer
constant, an indicator cell or a sum over a dimension, optionally multiplied
by an integer:

```text
expression := ["-"] term (("+" | "-") term)*
term       := INT | INT "*" operand | operand ["*" INT]
operand    := cell | "sum" "(" cell "over" NAME ")"
cell       := CODE ["[" NAME "=" VALUE ("," NAME "=" VALUE)* "]"]
```

``tips.valuable``, ``admin.units[unit_kind=commune]``,
``sum(commendations.recipients[status=conferred] over form)`` and ``100 * tips.valuable - 90 *
tips.received`` are expressions. Bad text raises
[`ExpressionError`][antq_domain.analysis.expressions.ExpressionError] (a
[`ParseError`][antq_domain.ParseError]) naming the position. ``str`` writes the canonical
text and ``Expression.parse(str(e)) == e``. A condition is ``left operator right``
([`Operator`][antq_domain.analysis.expressions.Operator];
[`parse_condition`][antq_domain.analysis.expressions.parse_condition]).

Figures are intervals ([`Interval`][antq_domain.values.interval.Interval]). "hơn 145.410"
guarantees only ``[145410, ∞)``, so a comparison is
[`Outcome.HOLDS`][antq_domain.analysis.expressions.Outcome],
[`Outcome.VIOLATED`][antq_domain.analysis.expressions.Outcome] or
[`Outcome.UNDETERMINED`][antq_domain.analysis.expressions.Outcome]
([`compare_intervals`][antq_domain.analysis.expressions.compare_intervals]); a missing figure is
an unknown non-negative number, never zero.

Example:
    >>> from antq_domain.analysis.expressions import Expression, Operator, compare_intervals
    >>> from antq_domain.values import Interval
    >>> e = Expression.parse("100*tips.valuable - 90 * tips.received")
    >>> str(e)
    '100 * tips.valuable - 90 * tips.received'
    >>> compare_intervals(Operator.LE, Interval(145410, None), Interval(150000, 150000)).value
    'undetermined'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NoReturn, TypeAlias

import attrs
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from antq_domain.errors import AntqTypeError, InvariantError, ParseError
from antq_domain.records.observation import Dims, as_dims
from antq_domain.values import identifiers
from antq_domain.values._codelist import Codelist
from antq_domain.values._pydantic import text_core_schema
from antq_domain.values.interval import Interval
from antq_domain.values.missing import Value
from antq_domain.values.quantity import Quantity

__all__ = [
    "CellValues",
    "DimensionSum",
    "Expression",
    "ExpressionError",
    "ExpressionValue",
    "IndicatorRef",
    "Operand",
    "Operator",
    "Outcome",
    "Term",
    "compare_intervals",
    "parse_condition",
]


# -- codelists -------------------------------------------------------------------
class Operator(Codelist):
    """How a rule relates its two sides.

    Comparisons (``le``, ``lt``, ``eq``, ``ge``, ``gt``, ``ne``) compare the
    values. Pairs compare presence: ``compulsory_pair`` (if one side is
    reported the other must be), ``exclusive_pair`` (not both) and
    ``requires`` (if the left side is reported the right must be; the one-way
    pair a ratio's numerator needs, which DHIS2 lacks).

    Example:
        >>> from antq_domain.analysis.expressions import Operator
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
            >>> from antq_domain.analysis.expressions import Operator
            >>> Operator.EQ.is_pair
            False
        """
        return self in _PAIRS

    @property
    def symbol(self) -> str:
        """The text of the operator: ``<=``, ``==``…, or the pair's code.

        Example:
            >>> from antq_domain.analysis.expressions import Operator
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


class Outcome(Codelist):
    """The result of one comparison: it holds, it is violated, or it cannot be decided.

    Example:
        >>> from antq_domain.analysis.expressions import Outcome
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
        >>> from antq_domain.analysis.expressions import Expression, ExpressionError
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
    if not isinstance(value, str) or not identifiers.CODE.fullmatch(value):
        raise ParseError("indicator", value, "a dotted indicator code such as 'tips.received'")
    return value


def _check_name(value: object) -> str:
    if not isinstance(value, str) or not identifiers.NAME.fullmatch(value):
        raise ParseError("over", value, "a dimension name such as 'unit_kind'")
    return value


def _dims_text(dims: Dims) -> str:
    return f"[{dims}]" if dims else ""


@attrs.frozen(repr=False)
class IndicatorRef:
    """An operand naming one cell: an indicator with exactly these dimensions.

    A value. ``admin.units[unit_kind=commune]`` reads the observation whose
    dims are exactly ``{unit_kind: commune}``; ``tips.received`` the one with
    no dims.

    Example:
        >>> from antq_domain.analysis.expressions import IndicatorRef
        >>> str(IndicatorRef("admin.units", {"unit_kind": "commune"}))
        'admin.units[unit_kind=commune]'
    """

    indicator: str = attrs.field(converter=_check_code)
    dims: Dims = attrs.field(default=Dims(), converter=as_dims)

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
        >>> from antq_domain.analysis.expressions import DimensionSum
        >>> str(DimensionSum("commendations.recipients", "form", {"status": "conferred"}))
        'sum(commendations.recipients[status=conferred] over form)'
        >>> DimensionSum("admin.units", "unit_kind", {"unit_kind": "ward"})
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: over='unit_kind': expected a dimension not fixed ...
    """

    indicator: str = attrs.field(converter=_check_code)
    over: str = attrs.field(converter=_check_name)
    dims: Dims = attrs.field(default=Dims(), converter=as_dims)

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
        >>> from antq_domain.analysis.expressions import IndicatorRef, Term
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

    A value. [`parse`][antq_domain.analysis.expressions.Expression.parse] reads the closed grammar
    of the module; ``str`` writes the canonical text (``parse(str(e)) == e``). In pydantic records
    an expression travels as its text.

    Example:
        >>> from antq_domain.analysis.expressions import Expression
        >>> e = Expression.parse("tips.valuable * 100 + -0")
        Traceback (most recent call last):
        ...
        antq_domain.analysis.expressions.ExpressionError: expression='tips.valuable * 100 + -0': \
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
            >>> from antq_domain.analysis.expressions import Expression
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
            >>> from antq_domain.analysis.expressions import Expression
            >>> [str(o) for o in Expression.parse("a.b + 2 * c.d[k=v] + 3").operands]
            ['a.b', 'c.d[k=v]']
        """
        return tuple(t.operand for t in self.terms if t.operand is not None)

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicator codes used, each once, in order.

        Example:
            >>> from antq_domain.analysis.expressions import Expression
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
        [`ExpressionValue.missing`][antq_domain.analysis.expressions.ExpressionValue].

        Example:
            >>> from antq_domain.analysis.expressions import Expression
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
    found = [v.bounds() for v in values if isinstance(v, Quantity)]
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


@attrs.frozen
class ExpressionValue:
    """An expression evaluated over one frame: its interval and the cells it read or missed.

    A value. ``present`` lists the cells that had a reported quantity,
    ``missing`` the operands that had none (absent, or a missing-value
    marker).

    Example:
        >>> from antq_domain.analysis.expressions import ExpressionValue, Interval
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
            >>> from antq_domain.analysis.expressions import ExpressionValue, IndicatorRef, Interval
            >>> ExpressionValue(Interval(0, None), (), (IndicatorRef("a.b"),)).is_complete
            False
        """
        return not self.missing


def _le(left: Interval, right: Interval, *, strict: bool) -> Outcome:
    """``left <= right`` (``<`` when ``strict``), minding open ends.

    At a shared end value an open end decides: "hơn 100" (``(100, ∞)``) is
    never ``<= 100``, and "dưới 100" (``[0, 100)``) is always ``< 100``.
    """
    if left.high is not None and right.low is not None:
        touching_apart = left.high_open or right.low_open
        if left.high < right.low or (left.high == right.low and (not strict or touching_apart)):
            return Outcome.HOLDS
    if left.low is not None and right.high is not None:
        touching_apart = left.low_open or right.high_open
        if left.low > right.high or (left.low == right.high and (strict or touching_apart)):
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
        >>> from antq_domain.analysis.expressions import Interval, Operator, compare_intervals
        >>> compare_intervals(Operator.LE, Interval(655, 655), Interval(726, 726)).value
        'holds'
        >>> hon_100 = Interval(100, None, low_open=True)  # "hơn 100"
        >>> compare_intervals(Operator.LE, hon_100, Interval(100, 100)).value
        'violated'
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
            if name is None or name.kind != "word" or not identifiers.NAME.fullmatch(name.text):
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
        if tok is None or tok.kind != "word" or not identifiers.CODE.fullmatch(tok.text):
            self.fail("an indicator code such as 'tips.received'", tok)
        self.take()
        pairs: dict[str, str] = {}
        if self.is_punct("["):
            self.take()
            while True:
                name = self.peek()
                if name is None or name.kind != "word" or not identifiers.NAME.fullmatch(name.text):
                    self.fail("a dimension name", name)
                if name.text in pairs:
                    self.fail("a dimension not already given", name)
                self.take()
                self.expect("=")
                value = self.peek()
                if value is None or value.kind not in ("word", "int"):
                    self.fail("a dimension value", value)
                if not identifiers.VALUE.fullmatch(value.text):
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
        >>> from antq_domain.analysis.expressions import parse_condition
        >>> left, op, right = parse_condition("tips.valuable ≤ tips.received")
        >>> str(left), op.value, str(right)
        ('tips.valuable', 'le', 'tips.received')
        >>> parse_condition("requires(tips.valuable, tips.received)")[1].value
        'requires'
        >>> parse_condition("tips.valuable tips.received")
        Traceback (most recent call last):
        ...
        antq_domain.analysis.expressions.ExpressionError: condition='tips.valuable tips.received': \
expected a comparison such as '<=' or '+' or '-' at position 14, found 'tips.received'
    """
    return _Parser(text, "condition").condition()
