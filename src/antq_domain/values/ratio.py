"""Ratios kept with their parts, exact inside, rounded only for display.

The display rule, used everywhere the library shows a ratio or a share:

* the exact value is a `Fraction` (``factor × n ÷ d``);
* it is rounded **half-up** (half away from zero; values are never negative)
  to a stated number of decimals, default 1 — the convention of Vietnamese
  schools and spreadsheets: 12,25% shows as "12,3%" (Python's ``round`` on a
  float would give 12.2 because of binary representation and banker's
  rounding);
* parts shown together (shares of a total) are rounded with the
  **largest-remainder** method so the shown parts add up to the shown total.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from antq_domain.errors import AntqTypeError, InvariantError
from antq_domain.values._format import format_amount
from antq_domain.values._pydantic import object_core_schema
from antq_domain.values.interval import Interval
from antq_domain.values.label import Lang
from antq_domain.values.quantity import Quantity, quantity_to_json
from antq_domain.values.unit import Qualifier

__all__ = ["Ratio", "Undefined", "largest_remainder", "round_half_up"]


def round_half_up(value: Fraction | int | Decimal, decimals: int = 1) -> Decimal:
    """Round an exact value half-up to ``decimals`` places, exactly.

    Half-up means a value exactly half-way goes away from zero:
    ``0.05 → 0.1`` at one decimal, ``2.5 → 3`` at none.

    Example:
        >>> from fractions import Fraction
        >>> from antq_domain.values import round_half_up
        >>> round_half_up(Fraction(655 * 100, 726))
        Decimal('90.2')
        >>> round_half_up(Fraction(5, 2), 0), round_half_up(Fraction(1, 20), 1)
        (Decimal('3'), Decimal('0.1'))
        >>> round_half_up(10**40, 2)  # any size: never decimal.InvalidOperation
        Decimal('10000000000000000000000000000000000000000.00')
    """
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise InvariantError("decimals", decimals, "a non-negative int")
    frac = Fraction(value)
    scale = 10**decimals
    scaled = frac * scale
    # half away from zero, exactly, on the rational value
    sign = -1 if scaled < 0 else 1
    magnitude = abs(scaled)
    whole = int(magnitude)
    if magnitude - whole >= Fraction(1, 2):
        whole += 1
    # built from its digits, exactly: no decimal context (the caller's or any) is involved
    digits = Decimal(whole).as_tuple().digits
    return Decimal((1 if sign < 0 and whole else 0, digits, -decimals))


def largest_remainder(values: Sequence[Fraction | int], decimals: int = 1) -> list[Decimal]:
    """Round parts so that the rounded parts add up to the rounded total.

    The total is ``round_half_up(sum(values), decimals)``. Each part is first
    rounded down; the units still missing go, one each, to the parts with the
    largest remainders (ties to the earlier part). Law 10: the shown parts add
    up to the shown total.

    Example:
        >>> from fractions import Fraction
        >>> from antq_domain.values import largest_remainder
        >>> thirds = [Fraction(100, 3)] * 3
        >>> largest_remainder(thirds, 0)
        [Decimal('34'), Decimal('33'), Decimal('33')]
        >>> sum(largest_remainder(thirds, 0))
        Decimal('100')
    """
    fracs = [Fraction(v) for v in values]
    if any(f < 0 for f in fracs):
        raise InvariantError("values", values, "non-negative parts")
    scale = 10**decimals
    target_total = round_half_up(sum(fracs, Fraction(0)), decimals)
    target = int(target_total.scaleb(decimals))
    floors = [int(f * scale) for f in fracs]
    missing = target - sum(floors)
    order = sorted(range(len(fracs)), key=lambda i: (-(fracs[i] * scale - floors[i]), i))
    for i in order[:missing]:
        floors[i] += 1
    return [Decimal((0, Decimal(n).as_tuple().digits, -decimals)) for n in floors]


@attrs.frozen
class Undefined:
    """The result of a ratio that has no value, with the reason.

    A value. It is never 0 and never NaN: a table shows it as "—" with its
    reason, and arithmetic on it is refused.

    ``reason`` is the English reason; ``reason_vi`` (keyword, optional) the same
    reason in Vietnamese. Every library site that builds an ``Undefined`` gives
    both. ``reason_vi`` is a translation, not more information: it takes no part
    in equality, hashing or ``repr`` (two results with the same English reason
    are equal), and ``str`` stays English. Without it, the Vietnamese display
    falls back to the English reason.

    Example:
        >>> from antq_domain.values import Undefined
        >>> u = Undefined(
        ...     "denominator tips.received is zero", reason_vi="mẫu số nguồn tin tiếp nhận bằng 0"
        ... )
        >>> str(u)
        'undefined: denominator tips.received is zero'
        >>> u.format("vi")
        '— (không xác định: mẫu số nguồn tin tiếp nhận bằng 0)'
        >>> u.format("en")
        '— (undefined: denominator tips.received is zero)'
        >>> u == Undefined("denominator tips.received is zero")
        True
    """

    reason: str
    reason_vi: str | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)

    def __str__(self) -> str:
        return f"undefined: {self.reason}"

    def reason_text(self, lang: Lang = "vi") -> str:
        """The reason in ``lang`` (the English one when no Vietnamese reason was given).

        Example:
            >>> from antq_domain.values import Undefined
            >>> u = Undefined("no data", reason_vi="không có số liệu")
            >>> u.reason_text("vi"), u.reason_text("en"), Undefined("no data").reason_text("vi")
            ('không có số liệu', 'no data', 'no data')
        """
        if lang == "vi" and self.reason_vi is not None:
            return self.reason_vi
        return self.reason

    def format(self, lang: Lang = "vi") -> str:
        """The display form in ``lang``.

        Example:
            >>> from antq_domain.values import Undefined
            >>> Undefined("no data").format("en")
            '— (undefined: no data)'
        """
        word = "không xác định" if lang == "vi" else "undefined"
        return f"— ({word}: {self.reason_text(lang)})"


def _factor(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AntqTypeError("factor", value, "a positive int such as 100")
    if value <= 0:
        raise InvariantError("factor", value, "a positive int such as 100")
    return value


_SIGN = {100: "%", 1000: "‰"}


@attrs.frozen(repr=False)
class Ratio:
    """A ratio ``factor × numerator ÷ denominator`` that keeps its parts.

    A value. The exact value is a `Fraction`, or [`Undefined`][antq_domain.Undefined]
    when the denominator is zero. The qualifier of the ratio follows from its parts: a lower bound
    on the numerator is a lower bound on the ratio, a lower bound on the denominator an upper bound.

    Percent quantities (stated percentages) can't be parts: a ratio is
    always computed from counts.

    Args:
        numerator: the counted part.
        denominator: the whole.
        factor: 100 for a percentage (default), 1 for a plain ratio, 1000
            for per mille.

    Example:
        >>> from antq_domain.values import Quantity, Ratio
        >>> r = Ratio(Quantity(655, "tip"), Quantity(726, "tip"))
        >>> r.format("vi"), r.format("en")
        ('90,2% (655/726)', '90.2% (655/726)')
        >>> r.value
        Fraction(32750, 363)
        >>> Ratio(Quantity(0, "tip"), Quantity(0, "tip")).value
        Undefined(reason='denominator is zero (0 tip)')
    """

    numerator: Quantity
    denominator: Quantity
    factor: int = attrs.field(default=100, converter=_factor)

    def __attrs_post_init__(self) -> None:
        for name in ("numerator", "denominator"):
            part = getattr(self, name)
            if not isinstance(part, Quantity):
                raise AntqTypeError(name, part, "a Quantity")
            if not part.unit.is_additive:
                raise InvariantError(
                    f"{name}.unit", part.unit.value, "a count, not a stated percentage"
                )

    @property
    def value(self) -> Fraction | Undefined:
        """The exact value, or `Undefined` on a zero denominator.

        Example:
            >>> from antq_domain.values import Quantity, Ratio
            >>> Ratio(Quantity(85, "unit"), Quantity(85, "unit")).value
            Fraction(100, 1)
        """
        if self.denominator.amount == 0:
            return Undefined(
                f"denominator is zero ({self.denominator})",
                reason_vi=f"mẫu số bằng 0 ({self.denominator.format('vi')})",
            )
        return self.factor * Fraction(self.numerator.amount) / Fraction(self.denominator.amount)

    @property
    def qualifier(self) -> Qualifier:
        """How exact the ratio is, derived from its parts.

        Example:
            >>> from antq_domain.values import Quantity, Ratio
            >>> Ratio(Quantity(5, "tip", "at_least"), Quantity(9, "tip")).qualifier
            <Qualifier.AT_LEAST: 'at_least'>
            >>> Ratio(Quantity(5, "tip"), Quantity(9, "tip", "at_least")).qualifier
            <Qualifier.AT_MOST: 'at_most'>
        """
        return self.numerator.qualifier.combine(self.denominator.qualifier.flipped())

    def bounds(self) -> Interval | Undefined:
        """What the ratio guarantees: the interval its value lies in (or `Undefined`).

        Read from the value and the [`qualifier`][antq_domain.values.ratio.Ratio.qualifier] with
        [`Interval.qualified`][antq_domain.values.interval.Interval.qualified], as a quantity's are.

        Example:
            >>> from antq_domain.values import Quantity, Ratio
            >>> Ratio(Quantity(80, "unit", "at_least"), Quantity(90, "unit")).bounds()
            Interval(Fraction(800, 9), None)
        """
        value = self.value
        if isinstance(value, Undefined):
            return value
        return Interval.qualified(value, self.qualifier)

    def rounded(self, decimals: int = 1) -> Decimal | Undefined:
        """The value rounded half-up to ``decimals`` places (display only).

        Example:
            >>> from antq_domain.values import Quantity, Ratio
            >>> Ratio(Quantity(1, "case"), Quantity(8, "case")).rounded(1)
            Decimal('12.5')
        """
        value = self.value
        if isinstance(value, Undefined):
            return value
        return round_half_up(value, decimals)

    def format(self, lang: Lang = "vi", *, decimals: int = 1, parts: bool = True) -> str:
        """Display form: qualifier word, rounded value, sign, and the parts.

        Example:
            >>> from antq_domain.values import Quantity, Ratio
            >>> r = Ratio(Quantity(7, "unit"), Quantity(7, "unit"))
            >>> r.format("vi", decimals=0)
            '100% (7/7)'
            >>> Ratio(Quantity(3, "case"), Quantity(0, "case")).format("en")
            '— (undefined: denominator is zero (0 case)) (3/0)'
        """
        value = self.rounded(decimals)
        if isinstance(value, Undefined):
            shown = value.format(lang)
        else:
            word = self.qualifier.word(lang)
            number = format_amount(value, lang) + _SIGN.get(self.factor, "")
            shown = f"{word} {number}" if word else number
        if not parts:
            return shown
        n = format_amount(self.numerator.amount, lang)
        d = format_amount(self.denominator.amount, lang)
        return f"{shown} ({n}/{d})"

    def __str__(self) -> str:
        return self.format("en")

    def __repr__(self) -> str:
        return f"Ratio({self.numerator!r}, {self.denominator!r}, factor={self.factor})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        quantity = handler.generate_schema(Quantity)
        return object_core_schema(
            cls,
            {
                "numerator": (quantity, True),
                "denominator": (quantity, True),
                "factor": (core_schema.int_schema(strict=True, gt=0), False),
            },
            lambda d: cls(d["numerator"], d["denominator"], d.get("factor", 100)),
            lambda r: {
                "numerator": quantity_to_json(r.numerator),
                "denominator": quantity_to_json(r.denominator),
                "factor": r.factor,
            },
        )
