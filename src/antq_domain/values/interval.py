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

__all__ = ["Bound", "Interval"]

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


@attrs.frozen(repr=False)
class Interval:
    """The set of values a figure (or an expression) is known to lie in: ``[low, high]``.

    A value. ``None`` is unbounded: ``low=None`` is −∞, ``high=None`` is +∞.
    Intervals add, subtract, scale by an integer and take hulls exactly.

    Example:
        >>> from antq_domain.values import Interval
        >>> str(Interval(145410, None) + Interval(81417, 81417))
        '[226827, ∞)'
        >>> str(Interval(0, 5).scale(-2))
        '[-10, 0]'
        >>> Interval(5, 1)
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: high=1: expected a bound >= low=5
    """

    low: Bound | None = attrs.field(converter=_low)
    high: Bound | None = attrs.field(converter=_high)

    def __attrs_post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.high < self.low:
            raise InvariantError("high", self.high, f"a bound >= low={self.low}")

    @classmethod
    def qualified(cls, amount: Bound, qualifier: Qualifier) -> Interval:
        """What a figure of ``amount`` with ``qualifier`` guarantees (figures are never negative).

        ``exact`` pins both ends; ``at_least`` fixes the low end (the high end is
        unbounded); ``at_most`` the high end (the low end is 0); ``approximately``
        guarantees nothing beyond non-negativity. The one reading of a qualifier as
        bounds, for quantities and ratios alike.

        Example:
            >>> from fractions import Fraction
            >>> from antq_domain.values import Interval, Qualifier
            >>> Interval.qualified(124000, Qualifier.AT_MOST)
            Interval(0, 124000)
            >>> Interval.qualified(Fraction(1, 3), Qualifier.AT_LEAST)
            Interval(Fraction(1, 3), None)
        """
        zero = type(amount)(0)
        if qualifier is Qualifier.EXACT:
            return cls(amount, amount)
        if qualifier.side == "lower":
            return cls(amount, None)
        if qualifier.side == "upper":
            return cls(zero, amount)
        return cls(zero, None)

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
        return Interval(low, high)

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
        """Multiply by an integer (a negative factor swaps the ends).

        Example:
            >>> from antq_domain.values import Interval
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
            >>> from antq_domain.values import Interval
            >>> str(Interval(655, 655).hull(Interval(650, 650)))
            '[650, 655]'
        """
        low = None if self.low is None or other.low is None else min(self.low, other.low)
        high = None if self.high is None or other.high is None else max(self.high, other.high)
        return Interval(low, high)

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies in both.

        Example:
            >>> from antq_domain.values import Interval
            >>> Interval(145410, None).overlaps(Interval(150000, 150000))
            True
        """
        if self.low is not None and other.high is not None and self.low > other.high:
            return False
        return not (other.low is not None and self.high is not None and other.low > self.high)

    def format(self, lang: Lang = "vi") -> str:
        """Display form with the digit grouping of ``lang``.

        Example:
            >>> from antq_domain.values import Interval
            >>> Interval(145410, None).format("vi"), Interval(None, None).format("en")
            ('≥ 145.410', 'unknown')
        """
        if self.is_point:
            assert self.low is not None  # noqa: S101 - is_point guarantees it
            return _text(self.low, lang)
        if self.low is None and self.high is None:
            return "chưa rõ" if lang == "vi" else "unknown"
        if self.high is None:
            assert self.low is not None  # noqa: S101 - checked above
            return "≥ " + _text(self.low, lang)
        if self.low is None:
            return "≤ " + _text(self.high, lang)
        return f"{_text(self.low, lang)}–{_text(self.high, lang)}"

    def __str__(self) -> str:
        if self.is_point:
            return str(self.low)
        low = "(-∞" if self.low is None else f"[{self.low}"
        high = "∞)" if self.high is None else f"{self.high}]"
        return f"{low}, {high}"

    def __repr__(self) -> str:
        return f"Interval({self.low!r}, {self.high!r})"
