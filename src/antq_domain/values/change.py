"""The change between two figures, as exact as their qualifiers allow.

From 655 to 726 the change is exactly +71 (+10.8%). From "hơn 145.410" to
150,000 it is at most +4,590 and nothing more is certain; the relative
change is then not given at all, never guessed.
[`bounded_change`][antq_domain.values.change.bounded_change] is the one computation of it, on
the figures'
[`Interval`][antq_domain.values.interval.Interval]s (a quantity's or a ratio's ``bounds()``);
comparison and the scorecard both use it.

Example:
    >>> from antq_domain.values import Quantity
    >>> from antq_domain.values.change import bounded_change
    >>> ch = bounded_change(Quantity(726, "tip").bounds(), Quantity(655, "tip").bounds())
    >>> ch.delta, ch.relative
    (Fraction(71, 1), Fraction(71, 655))
    >>> ch = bounded_change(Quantity(150000, "participation").bounds(),
    ...                     Quantity(145410, "participation", "at_least").bounds())
    >>> ch.delta, ch.low, ch.high
    (None, None, Fraction(4590, 1))
"""

from __future__ import annotations

from fractions import Fraction

import attrs

from antq_domain.errors import AntqTypeError
from antq_domain.values.interval import Bound, Interval
from antq_domain.values.ratio import Undefined

__all__ = ["BoundedChange", "bounded_change"]


def _fraction(bound: Bound | None) -> Fraction | None:
    return None if bound is None else Fraction(bound)


@attrs.frozen
class BoundedChange:
    """The change ``current − previous``: every value the two figures allow, and the exact one.

    A value. ``low`` and ``high`` bound the change (``None``: unbounded on that
    side), exactly, as fractions. When both figures are exact the bounds meet:
    [`delta`][antq_domain.values.change.BoundedChange.delta] is the change and
    ``relative`` the change over the previous figure
    ([`Undefined`][antq_domain.Undefined] when that is zero). Otherwise ``relative`` is ``None``.
    ``low_open``/``high_open`` say a bound is strict: from "hơn 145.410" to
    an exact figure the change is strictly below its high bound.

    Example:
        >>> from fractions import Fraction
        >>> from antq_domain.values.change import BoundedChange
        >>> BoundedChange(Fraction(-3), Fraction(2), None).is_exact
        False
    """

    low: Fraction | None
    high: Fraction | None
    relative: Fraction | Undefined | None = None
    low_open: bool = attrs.field(default=False, kw_only=True)
    high_open: bool = attrs.field(default=False, kw_only=True)

    @property
    def is_exact(self) -> bool:
        """Whether the change is known exactly (both figures are exact).

        Example:
            >>> from fractions import Fraction
            >>> from antq_domain.values.change import BoundedChange
            >>> BoundedChange(Fraction(5), Fraction(5), Fraction(1, 2)).is_exact
            True
        """
        return self.low is not None and self.low == self.high

    @property
    def delta(self) -> Fraction | None:
        """The exact change, or ``None`` when the figures only bound it.

        Example:
            >>> from fractions import Fraction
            >>> from antq_domain.values.change import BoundedChange
            >>> BoundedChange(None, Fraction(4590)).delta is None
            True
        """
        return self.low if self.is_exact else None


def bounded_change(current: Interval, previous: Interval) -> BoundedChange:
    """The change from ``previous`` to ``current``, each given by the interval it lies in.

    The bounds are every difference of a value of ``current`` and a value of
    ``previous``: ``[current.low − previous.high, current.high − previous.low]``, computed
    exactly as fractions (amounts and ratios mix).

    Raises:
        AntqTypeError: an argument is not an `Interval`.

    Example:
        >>> from antq_domain.values import Interval
        >>> from antq_domain.values.change import bounded_change
        >>> ch = bounded_change(Interval(10, 10), Interval(0, 0))
        >>> ch.delta, ch.relative
        (Fraction(10, 1), Undefined(reason='the previous figure is zero'))
    """
    for name, value in (("current", current), ("previous", previous)):
        if not isinstance(value, Interval):
            raise AntqTypeError(name, value, "an Interval (a figure's bounds())")
    cur = Interval(
        _fraction(current.low),
        _fraction(current.high),
        low_open=current.low_open,
        high_open=current.high_open,
    )
    prev = Interval(
        _fraction(previous.low),
        _fraction(previous.high),
        low_open=previous.low_open,
        high_open=previous.high_open,
    )
    diff = cur - prev
    low, high = _fraction(diff.low), _fraction(diff.high)
    if not (cur.is_point and prev.is_point):
        return BoundedChange(low, high, low_open=diff.low_open, high_open=diff.high_open)
    base = _fraction(prev.low)
    assert low is not None  # noqa: S101 - both intervals are points
    assert base is not None  # noqa: S101 - both intervals are points
    relative: Fraction | Undefined = (
        low / base
        if base
        else Undefined("the previous figure is zero", reason_vi="số liệu kỳ trước bằng 0")
    )
    return BoundedChange(low, high, relative)
