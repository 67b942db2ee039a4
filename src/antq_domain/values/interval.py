"""Intervals: the set of values a figure is known to lie in.

A figure qualified "hơn 145.410" guarantees only that the value is at least
145,410; "gần 124.000" that it is at most 124,000 (and, being a count, at
least 0). An [`Interval`][antq_domain.values.interval.Interval] holds what a
figure guarantees:
[`Quantity.bounds`][antq_domain.values.quantity.Quantity.bounds] returns one,
and intervals add, subtract, scale by an integer and take hulls exactly, so
sums, differences and rule checks over qualified figures say only what is
certain.

Example:
    >>> from antq_domain.values import Interval, Quantity
    >>> Quantity(145410, "participation", "at_least").bounds()
    Interval(145410, None)
    >>> str(Interval(145410, None) + Interval(81417, 81417))
    '[226827, ∞)'
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

import attrs

from antq_domain.errors import AntqTypeError, InvariantError
from antq_domain.values._format import format_amount
from antq_domain.values.label import Lang
from antq_domain.values.unit import Qualifier

__all__ = ["APPROXIMATE_TOLERANCE", "Bound", "Interval"]

Bound: TypeAlias = int | Decimal | Fraction
"""An end of an interval: an amount (``int``, ``Decimal``) or an exact ``Fraction`` (a ratio)."""


def _bound_or_none(field: str, value: object) -> Bound | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        raise AntqTypeError(field, value, "an int, a Decimal, a Fraction or None (unbounded)")
    return value


def _low(value: object) -> Bound | None:
    return _bound_or_none("low", value)


def _high(value: object) -> Bound | None:
    return _bound_or_none("high", value)


def _add(a: Bound, b: Bound) -> Bound:
    # A Decimal and a Fraction do not add in Python; as fractions they add exactly.
    if isinstance(a, Fraction) or isinstance(b, Fraction):
        return Fraction(a) + Fraction(b)
    return a + b


def _text(bound: Bound, lang: Lang) -> str:
    if isinstance(bound, Fraction):
        if bound.denominator == 1:
            return format_amount(bound.numerator, lang)
        return f"{format_amount(bound.numerator, lang)}/{format_amount(bound.denominator, lang)}"
    return format_amount(bound, lang)


APPROXIMATE_TOLERANCE = Fraction(1, 10)
"""The default tolerance of "khoảng" (about): ±10 % of the stated figure.

**An assumption**, not a rule of the language or the law: "khoảng 300.000"
is read as lying in ``[270.000, 330.000]`` when a figure is compared with a
target or a rule. Pass ``tolerance=`` to change it (``None``: "khoảng"
guarantees nothing but non-negativity).
"""


def _tolerance(value: object) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal):
        raise AntqTypeError("tolerance", value, "a Fraction or Decimal share, or None")
    share = Fraction(value)
    if not 0 <= share < 1:
        raise InvariantError("tolerance", value, "a share in [0, 1)")
    return share


def _whole(value: Fraction) -> Bound:
    return value.numerator if value.denominator == 1 else value


@attrs.frozen(repr=False)
class Interval:
    """The set of values a figure (or an expression) is known to lie in.

    A value. ``None`` is unbounded: ``low=None`` is −∞, ``high=None`` is +∞.
    An end is closed (``[145410``: the value may equal it) unless
    ``low_open``/``high_open`` says it is open (``(145410``: "hơn 145.410",
    the value is strictly more). Intervals add (an open end in a part opens
    the sum's end), subtract, scale by an integer and take hulls exactly.

    Example:
        >>> from antq_domain.values import Interval
        >>> str(Interval(145410, None) + Interval(81417, 81417))
        '[226827, ∞)'
        >>> str(Interval(145410, None, low_open=True) + Interval(81417, None))
        '(226827, ∞)'
        >>> str(Interval(0, 5).scale(-2))
        '[-10, 0]'
        >>> Interval(5, 1)
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: high=1: expected a bound >= low=5
    """

    low: Bound | None = attrs.field(converter=_low)
    high: Bound | None = attrs.field(converter=_high)
    low_open: bool = attrs.field(default=False, kw_only=True)
    high_open: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        for name, end, is_open in (
            ("low_open", self.low, self.low_open),
            ("high_open", self.high, self.high_open),
        ):
            if not isinstance(is_open, bool):
                raise AntqTypeError(name, is_open, "True or False")
            if is_open and end is None:
                raise InvariantError(name, is_open, "False for an unbounded end")
        if self.low is not None and self.high is not None:
            if self.high < self.low:
                raise InvariantError("high", self.high, f"a bound >= low={self.low}")
            if self.high == self.low and (self.low_open or self.high_open):
                raise InvariantError(
                    "high", self.high, f"a bound > low={self.low} (an open end: no value)"
                )

    @classmethod
    def qualified(
        cls,
        amount: Bound,
        qualifier: Qualifier,
        *,
        tolerance: Fraction | Decimal | int | None = None,
    ) -> Interval:
        """What a figure of ``amount`` with ``qualifier`` guarantees (figures are never negative).

        ``exact`` pins both ends; ``more_than`` ("hơn") opens the low end,
        ``at_least`` ("ít nhất") closes it (the high end is unbounded);
        ``less_than`` ("gần", "dưới") opens the high end, ``at_most`` ("không
        quá") closes it (the low end is 0); ``approximately`` ("khoảng") lies
        within ``tolerance`` of the amount when one is given
        ([`APPROXIMATE_TOLERANCE`][antq_domain.values.interval.APPROXIMATE_TOLERANCE]
        is the usual one), and otherwise guarantees nothing beyond
        non-negativity. The one reading of a qualifier as bounds, for
        quantities and ratios alike.

        Example:
            >>> from fractions import Fraction
            >>> from antq_domain.values import Interval, Qualifier
            >>> Interval.qualified(124000, Qualifier.AT_MOST)
            Interval(0, 124000)
            >>> Interval.qualified(124000, Qualifier.LESS_THAN)
            Interval(0, 124000, high_open=True)
            >>> Interval.qualified(Fraction(1, 3), Qualifier.MORE_THAN)
            Interval(Fraction(1, 3), None, low_open=True)
            >>> str(Interval.qualified(300000, Qualifier.APPROXIMATELY, tolerance=Fraction(1, 10)))
            '[270000, 330000]'
        """
        share = _tolerance(tolerance)
        zero = type(amount)(0)
        if qualifier is Qualifier.EXACT:
            return cls(amount, amount)
        if qualifier.side == "lower":
            return cls(amount, None, low_open=qualifier.is_strict)
        if qualifier.side == "upper":
            if amount == zero and qualifier.is_strict:
                return cls(zero, None)  # "less than 0" of a count: nothing usable is said
            return cls(zero, amount, high_open=qualifier.is_strict)
        if share is None:
            return cls(zero, None)
        exact = Fraction(amount)
        return cls(_whole(exact * (1 - share)), _whole(exact * (1 + share)))

    @property
    def is_point(self) -> bool:
        """Whether the interval pins one exact value.

        Example:
            >>> from antq_domain.values import Interval
            >>> Interval(7, 7).is_point, Interval(7, None).is_point
            (True, False)
        """
        return self.low is not None and self.low == self.high

    def __add__(self, other: Interval) -> Interval:
        low = None if self.low is None or other.low is None else _add(self.low, other.low)
        high = None if self.high is None or other.high is None else _add(self.high, other.high)
        return Interval(
            low,
            high,
            low_open=low is not None and (self.low_open or other.low_open),
            high_open=high is not None and (self.high_open or other.high_open),
        )

    def __sub__(self, other: Interval) -> Interval:
        """Every difference of a value of ``self`` and a value of ``other``.

        Example:
            >>> from antq_domain.values import Interval
            >>> str(Interval(726, 726) - Interval(655, 655))
            '71'
            >>> str(Interval(0, 5) - Interval(3, None))
            '(-∞, 2]'
        """
        return self + other.scale(-1)

    def scale(self, factor: int) -> Interval:
        """Multiply by an integer (a negative factor swaps the ends, and their openness).

        Example:
            >>> from antq_domain.values import Interval
            >>> str(Interval(3, None).scale(0))
            '0'
            >>> str(Interval(3, None, low_open=True).scale(-1))
            '(-∞, -3)'
        """
        if factor == 0:
            return Interval(0, 0)
        low = None if self.low is None else self.low * factor
        high = None if self.high is None else self.high * factor
        if factor > 0:
            return Interval(low, high, low_open=self.low_open, high_open=self.high_open)
        return Interval(high, low, low_open=self.high_open, high_open=self.low_open)

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both.

        Example:
            >>> from antq_domain.values import Interval
            >>> str(Interval(655, 655).hull(Interval(650, 650)))
            '[650, 655]'
        """
        low: Bound | None = None
        low_open = False
        if self.low is not None and other.low is not None:
            low = min(self.low, other.low)
            low_open = (self.low_open or self.low != low) and (other.low_open or other.low != low)
        high: Bound | None = None
        high_open = False
        if self.high is not None and other.high is not None:
            high = max(self.high, other.high)
            high_open = (self.high_open or self.high != high) and (
                other.high_open or other.high != high
            )
        return Interval(low, high, low_open=low_open, high_open=high_open)

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies in both.

        Example:
            >>> from antq_domain.values import Interval
            >>> Interval(145410, None).overlaps(Interval(150000, 150000))
            True
            >>> Interval(100, None, low_open=True).overlaps(Interval(100, 100))
            False
        """
        return not (_above(self, other) or _above(other, self))

    def format(self, lang: Lang = "vi") -> str:
        """Display form with the digit grouping of ``lang``.

        Example:
            >>> from antq_domain.values import Interval
            >>> Interval(145410, None).format("vi"), Interval(None, None).format("en")
            ('≥ 145.410', 'unknown')
            >>> Interval(145410, None, low_open=True).format("vi")
            '> 145.410'
        """
        if self.is_point:
            assert self.low is not None  # noqa: S101 - is_point guarantees it
            return _text(self.low, lang)
        if self.low is None and self.high is None:
            return "chưa rõ" if lang == "vi" else "unknown"
        if self.high is None:
            assert self.low is not None  # noqa: S101 - checked above
            return (">" if self.low_open else "≥") + " " + _text(self.low, lang)
        if self.low is None:
            return ("<" if self.high_open else "≤") + " " + _text(self.high, lang)
        if self.low_open or self.high_open:
            return (
                f"{'(' if self.low_open else '['}{_text(self.low, lang)}; "
                f"{_text(self.high, lang)}{')' if self.high_open else ']'}"
            )
        return f"{_text(self.low, lang)}–{_text(self.high, lang)}"

    def __str__(self) -> str:
        if self.is_point:
            return str(self.low)
        low = "(-∞" if self.low is None else f"{'(' if self.low_open else '['}{self.low}"
        high = "∞)" if self.high is None else f"{self.high}{')' if self.high_open else ']'}"
        return f"{low}, {high}"

    def __repr__(self) -> str:
        extra = ", low_open=True" if self.low_open else ""
        extra += ", high_open=True" if self.high_open else ""
        return f"Interval({self.low!r}, {self.high!r}{extra})"


def _above(a: Interval, b: Interval) -> bool:
    """Whether every value of ``a`` is above every value of ``b``."""
    if a.low is None or b.high is None:
        return False
    return a.low > b.high or (a.low == b.high and (a.low_open or b.high_open))
