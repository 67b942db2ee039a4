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
from typing import TYPE_CHECKING

import attrs

from antq_domain.errors import AntqTypeError, InvariantError
from antq_domain.values._format import format_amount
from antq_domain.values.label import Lang

if TYPE_CHECKING:
    from antq_domain.values.quantity import Amount

__all__ = ["Interval"]


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

    low: Amount | None = attrs.field(converter=_low)
    high: Amount | None = attrs.field(converter=_high)

    def __attrs_post_init__(self) -> None:
        if self.low is not None and self.high is not None and self.high < self.low:
            raise InvariantError("high", self.high, f"a bound >= low={self.low}")

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
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
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
