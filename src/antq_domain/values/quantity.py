"""Quantities: a non-negative amount, a unit and a qualifier."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, TypeAlias

import attrs
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from antq_domain.errors import AntqTypeError, InvariantError, ParseError, UnitMismatchError
from antq_domain.limits import MAX_NUMBER_CHARS, check_amount_digits, exact_decimal
from antq_domain.values._checks import code_of
from antq_domain.values._format import format_amount
from antq_domain.values._pydantic import object_core_schema
from antq_domain.values.interval import Interval
from antq_domain.values.label import Lang
from antq_domain.values.unit import Qualifier, Unit

__all__ = ["Amount", "Quantity", "quantity_to_json", "sum_quantities"]

Amount: TypeAlias = int | Decimal
"""An exact amount: an ``int``, or a ``Decimal`` for kilograms and money."""

_PREFIX = {
    Qualifier.EXACT: "",
    Qualifier.AT_LEAST: ">=",
    Qualifier.AT_MOST: "<=",
    Qualifier.APPROXIMATELY: "~",
    Qualifier.MORE_THAN: ">",
    Qualifier.LESS_THAN: "<",
}
_TEXT = re.compile(r"^(>=|<=|>|<|~)?([0-9]+(?:\.[0-9]+)?) ([a-z_]+)$")


def check_amount(field: str, amount: object, unit: Unit) -> Amount:
    """Validate an amount for ``unit``; return it (ints become Decimals for decimal units).

    Raises:
        AntqTypeError: a float, bool or other non-exact type.
        InvariantError: a negative or non-finite amount, or decimals in a count.
        LimitError: more digits than [`antq_domain.limits`][antq_domain.limits] allows.
    """
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal):
        raise AntqTypeError(
            field,
            amount,
            "an int or a decimal.Decimal (never a float)",
            expected_vi="một số nguyên hoặc decimal.Decimal (không bao giờ là float)",
        )
    if isinstance(amount, Decimal) and not amount.is_finite():
        raise InvariantError(field, amount, "a finite amount", expected_vi="một con số hữu hạn")
    check_amount_digits(field, amount)
    if isinstance(amount, Decimal):
        if amount.is_zero() and amount.is_signed():
            amount = amount.copy_abs()  # -0 is 0: written and read back as "0"
        if not unit.is_decimal:
            if amount != amount.to_integral_value():
                raise InvariantError(
                    field,
                    amount,
                    f"a whole number: {unit.value!r} counts whole things",
                    expected_vi=f"một số nguyên: đơn vị {unit.value!r} đếm theo số nguyên",
                )
            amount = int(amount)
    elif unit.is_decimal:
        amount = Decimal(amount)
    if amount < 0:
        raise InvariantError(
            field, amount, "a non-negative amount", expected_vi="một con số không âm"
        )
    return amount


def _unit(value: object) -> Unit:
    return code_of("unit", value, Unit, "a Unit or a unit code")


def _qualifier(value: object) -> Qualifier:
    return code_of("qualifier", value, Qualifier, "a Qualifier or a qualifier code")


@attrs.frozen(repr=False)
class Quantity:
    """A non-negative exact amount of one unit, with a qualifier.

    A value: two quantities are equal when amount, unit and qualifier are.
    Amounts are ``int`` for counts and ``Decimal`` for kilograms and money;
    floats are refused. Quantities add only within one unit, and the
    qualifier of a sum is the join of the parts' qualifiers ("hơn" in a part
    makes the total "hơn").

    The canonical text is ``[>=|<=|~]amount unit``;
    [`parse`][antq_domain.values.quantity.Quantity.parse] and ``str`` are inverses.
    [`format`][antq_domain.values.quantity.Quantity.format] writes the Vietnamese or English display
    form.

    Args:
        amount: the figure (non-negative).
        unit: a [`Unit`][antq_domain.Unit] (or its code).
        qualifier: a [`Qualifier`][antq_domain.Qualifier] (or its code); ``exact`` by
            default.

    Example:
        >>> from antq_domain.values import Quantity, Qualifier, Unit
        >>> q = Quantity(145410, Unit.PARTICIPATION, Qualifier.MORE_THAN)
        >>> str(q)
        '>145410 participation'
        >>> q.format("vi")
        'hơn 145.410 lượt người'
        >>> q + Quantity(81417, "participation")
        Quantity('>226827 participation')
        >>> Quantity.parse(str(q)) == q
        True
        >>> Quantity(1, "tip") + Quantity(1, "case")
        Traceback (most recent call last):
        ...
        antq_domain.errors.UnitMismatchError: unit='case': expected 'tip', the unit of ...
    """

    amount: Amount
    unit: Unit = attrs.field(converter=_unit)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=_qualifier)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "amount", check_amount("amount", self.amount, self.unit))

    # -- text forms ---------------------------------------------------------
    def __str__(self) -> str:
        amount = format(self.amount, "f") if isinstance(self.amount, Decimal) else self.amount
        return f"{_PREFIX[self.qualifier]}{amount} {self.unit.value}"

    def __repr__(self) -> str:
        return f"Quantity({str(self)!r})"

    @classmethod
    def parse(cls, text: str) -> Quantity:
        """Read the canonical text written by ``str`` (its inverse).

        Example:
            >>> from antq_domain.values import Quantity
            >>> Quantity.parse("~13.85 kilogram").amount
            Decimal('13.85')
            >>> Quantity.parse("12 apples")
            Traceback (most recent call last):
            ...
            antq_domain.errors.UnknownCodeError: unit='apples': expected one of ...
        """
        if not isinstance(text, str):
            raise AntqTypeError(
                "quantity",
                text,
                "a str such as '>145410 participation'",
                expected_vi="một chuỗi như '>145410 participation'",
            )
        match = _TEXT.fullmatch(text) if len(text) <= 2 * MAX_NUMBER_CHARS else None
        if match is None:
            raise ParseError(
                "quantity",
                text,
                "'[>|>=|<|<=|~]<amount> <unit>', e.g. '>145410 participation'",
                expected_vi="'[>|>=|<|<=|~]<con số> <đơn vị>', ví dụ '>145410 participation'",
            )
        prefix, digits, unit_code = match.groups()
        unit = Unit.parse(unit_code)
        qualifier = next(q for q, p in _PREFIX.items() if p == (prefix or ""))
        amount: Amount
        if "." in digits:
            try:
                amount = Decimal(digits)
            except InvalidOperation:  # pragma: no cover - the regex admits only digits
                raise ParseError(
                    "quantity", text, "a decimal amount", expected_vi="một con số thập phân"
                ) from None
        else:
            amount = int(digits)
        return cls(amount, unit, qualifier)

    def format(self, lang: Lang = "vi", *, counter: bool = True) -> str:
        """The display form in ``lang``: qualifier word, grouped digits, counter.

        Example:
            >>> from antq_domain.values import Quantity
            >>> Quantity(274045, "participation", "more_than").format("en")
            'more than 274,045 participations'
            >>> Quantity(726, "tip").format("vi", counter=False)
            '726'
        """
        parts = [self.qualifier.word(lang), format_amount(self.amount, lang)]
        if counter:
            parts.append(
                self.unit.counter_vi if lang == "vi" else self.unit.counter_en_for(self.amount)
            )
        return " ".join(p for p in parts if p)

    # -- arithmetic ---------------------------------------------------------
    def __add__(self, other: object) -> Quantity:
        if not isinstance(other, Quantity):
            return NotImplemented
        if other.unit is not self.unit:
            raise UnitMismatchError(
                "unit",
                other.unit.value,
                f"{self.unit.value!r}, the unit of the left operand",
                expected_vi=f"{self.unit.value!r}, đơn vị của toán hạng bên trái",
            )
        if not self.unit.is_additive:
            raise UnitMismatchError(
                "unit",
                self.unit.value,
                "an additive unit: percentages never add; aggregate the ratio's parts",
                expected_vi="một đơn vị cộng được: không cộng các tỷ lệ phần trăm; "
                "hãy tổng hợp tử số và mẫu số",
            )
        # the library's own decimal context, never the caller's: exact or an error
        with exact_decimal("amount"):
            total = self.amount + other.amount
        return Quantity(total, self.unit, self.qualifier.combine(other.qualifier))

    @property
    def is_exact(self) -> bool:
        """Whether the figure is exact (no "hơn", "gần", "khoảng").

        Example:
            >>> from antq_domain.values import Quantity
            >>> Quantity(19, "contact").is_exact
            True
        """
        return self.qualifier is Qualifier.EXACT

    def bounds(self, *, tolerance: Fraction | Decimal | int | None = None) -> Interval:
        """What the figure guarantees: the interval it lies in.

        An [`Interval`][antq_domain.values.interval.Interval]: ``exact`` pins
        both ends; ``more_than`` opens the low end and ``at_least`` closes it
        (the high end is unbounded); ``less_than`` opens the high end and
        ``at_most`` closes it (the low end is 0); ``approximately`` lies
        within ``tolerance`` (a share of the amount) when one is given, and
        otherwise guarantees nothing beyond non-negativity.

        Example:
            >>> from fractions import Fraction
            >>> from antq_domain.values import Quantity
            >>> Quantity(145410, "participation", "at_least").bounds()
            Interval(145410, None)
            >>> Quantity(145410, "participation", "more_than").bounds()
            Interval(145410, None, low_open=True)
            >>> Quantity(124000, "person", "at_most").bounds()
            Interval(0, 124000)
            >>> str(Quantity(300, "tip", "approximately").bounds(tolerance=Fraction(1, 10)))
            '[270, 330]'
        """
        return Interval.qualified(self.amount, self.qualifier, tolerance=tolerance)

    @classmethod
    def zero(cls, unit: Unit | str) -> Quantity:
        """The exact zero of ``unit``: the neutral element of addition.

        Example:
            >>> from antq_domain.values import Quantity
            >>> Quantity.zero("kilogram")
            Quantity('0 kilogram')
        """
        return cls(0, unit)

    # -- pydantic -----------------------------------------------------------
    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        amount = core_schema.no_info_plain_validator_function(
            _amount_in,
            metadata={
                "pydantic_js_functions": [
                    lambda _s, _h: {
                        "anyOf": [
                            {"type": "integer", "minimum": 0},
                            {"type": "string", "pattern": _DECIMAL_TEXT.pattern},
                        ],
                        "description": "an integer count, or a decimal string for "
                        'kilograms and money (e.g. "13.85")',
                    }
                ]
            },
        )
        return object_core_schema(
            cls,
            {
                "amount": (amount, True),
                "unit": (handler.generate_schema(Unit), True),
                "qualifier": (handler.generate_schema(Qualifier), False),
            },
            _from_json,
            quantity_to_json,
        )


_DECIMAL_TEXT = re.compile(r"^[0-9]+(\.[0-9]+)?$")


def _amount_in(value: object) -> Amount:
    """Wire amount: an int, a Decimal, or a decimal string; never a float or bool."""
    if isinstance(value, str):
        if len(value) > MAX_NUMBER_CHARS or not _DECIMAL_TEXT.fullmatch(value):
            raise ParseError(
                "amount",
                value,
                "digits with an optional '.' decimal part",
                expected_vi="các chữ số, có thể có phần thập phân sau dấu '.'",
            )
        return Decimal(value)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ParseError(
            "amount",
            value,
            "an integer or a decimal string (never a float)",
            expected_vi="một số nguyên hoặc một số thập phân viết dạng chuỗi "
            "(không bao giờ là float)",
        )
    return value


def _from_json(d: dict[str, Any]) -> Quantity:
    return Quantity(d["amount"], d["unit"], d.get("qualifier", Qualifier.EXACT))


def quantity_to_json(q: Quantity) -> dict[str, Any]:
    """The JSON object form of a quantity (the inverse of validation).

    Example:
        >>> from antq_domain.values import Quantity
        >>> from antq_domain.values.quantity import quantity_to_json
        >>> quantity_to_json(Quantity.parse(">=145410 participation"))
        {'amount': 145410, 'unit': 'participation', 'qualifier': 'at_least'}
    """
    amount: int | str = format(q.amount, "f") if isinstance(q.amount, Decimal) else q.amount
    return {"amount": amount, "unit": q.unit.value, "qualifier": q.qualifier.value}


def sum_quantities(quantities: Iterable[Quantity], unit: Unit | str) -> Quantity:
    """Add quantities of ``unit``; the empty sum is the exact zero.

    Example:
        >>> from antq_domain.values import Quantity, sum_quantities
        >>> sum_quantities([Quantity(85, "unit"), Quantity(7, "unit")], "unit")
        Quantity('92 unit')
        >>> sum_quantities([], "tip")
        Quantity('0 tip')
    """
    total = Quantity.zero(unit)
    for q in quantities:
        total = total + q
    return total
