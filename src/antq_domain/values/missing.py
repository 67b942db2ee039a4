"""Missing-value markers: not reported, not applicable, withheld.

A missing value is never zero. Each marker is a distinct value type, unequal
to the others, to zero and to every quantity; aggregation handles each by an
explicit strategy and says which places were missing.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, TypeAlias

import attrs
from pydantic import Discriminator, GetCoreSchemaHandler, Tag
from pydantic_core import core_schema

from antq_domain.errors import AntqTypeError, InvariantError
from antq_domain.limits import check_text
from antq_domain.values._codelist import Codelist
from antq_domain.values._pydantic import object_core_schema
from antq_domain.values.quantity import Quantity

__all__ = [
    "NOT_APPLICABLE",
    "NOT_REPORTED",
    "Missing",
    "NotApplicable",
    "NotReported",
    "Status",
    "Value",
    "Withheld",
]


class Status(Codelist):
    """The status of an observation's value (the ``status`` key of tidy rows).

    Each status carries its words ([`label`][antq_domain.values.label]), the one place every display
    (CLI, notebook tables, charts, scorecards) reads them from.

    Example:
        >>> from antq_domain.values import Status
        >>> [s.value for s in Status]
        ['reported', 'not_reported', 'not_applicable', 'withheld']
        >>> Status.NOT_REPORTED.text("vi"), Status.WITHHELD.text("en")
        ('không báo cáo', 'withheld')
    """

    REPORTED = ("reported", "có báo cáo", "reported")
    NOT_REPORTED = ("not_reported", "không báo cáo", "not reported")
    NOT_APPLICABLE = ("not_applicable", "không áp dụng", "not applicable")
    WITHHELD = ("withheld", "không công bố", "withheld")


class _Marker:
    """What a marker without fields does: its status is its text and its whole wire form."""

    __slots__ = ()
    status: ClassVar[Status]

    def __str__(self) -> str:
        return self.status.value

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return object_core_schema(
            cls,
            {"status": (core_schema.literal_schema([cls.status.value]), True)},
            lambda _: cls(),
            lambda _: {"status": cls.status.value},
        )


@attrs.frozen
class NotReported(_Marker):
    """The figure exists in principle but the source does not give it.

    A value; all instances are equal. Use the constant
    [`NOT_REPORTED`][antq_domain.NOT_REPORTED].

    Example:
        >>> from antq_domain.values import NOT_REPORTED, NotReported
        >>> NOT_REPORTED == NotReported(), NOT_REPORTED == 0
        (True, False)
        >>> NOT_REPORTED.status
        <Status.NOT_REPORTED: 'not_reported'>
    """

    status: ClassVar[Literal[Status.NOT_REPORTED]] = Status.NOT_REPORTED


@attrs.frozen
class NotApplicable(_Marker):
    """The figure cannot exist for this place or period (no wards in a rural district).

    A value; all instances are equal. Use the constant
    [`NOT_APPLICABLE`][antq_domain.NOT_APPLICABLE].

    Example:
        >>> from antq_domain.values import NOT_APPLICABLE, NOT_REPORTED
        >>> NOT_APPLICABLE == NOT_REPORTED
        False
    """

    status: ClassVar[Literal[Status.NOT_APPLICABLE]] = Status.NOT_APPLICABLE


def _reason(value: object) -> str:
    if not isinstance(value, str):
        raise AntqTypeError("withheld.reason", value, "a str", expected_vi="một chuỗi")
    if not value.strip():
        raise InvariantError(
            "withheld.reason", value, "a non-empty reason", expected_vi="một lý do không rỗng"
        )
    return check_text("withheld.reason", value)


@attrs.frozen
class Withheld:
    """The figure exists but was deliberately not published; the reason is kept.

    A value: equal when the reasons are equal.

    Args:
        reason: why the figure is withheld (non-empty).

    Example:
        >>> from antq_domain.values import Withheld
        >>> Withheld("classified").reason
        'classified'
        >>> Withheld(" ")
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: withheld.reason=' ': expected a non-empty reason
    """

    reason: str = attrs.field(converter=_reason)
    status: ClassVar[Literal[Status.WITHHELD]] = Status.WITHHELD

    def __str__(self) -> str:
        return f"withheld ({self.reason})"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return object_core_schema(
            cls,
            {
                "status": (core_schema.literal_schema([cls.status.value]), True),
                "reason": (core_schema.str_schema(strict=True, min_length=1), True),
            },
            lambda d: cls(d["reason"]),
            lambda w: {"status": cls.status.value, "reason": w.reason},
        )


Missing: TypeAlias = NotReported | NotApplicable | Withheld
"""Any missing-value marker."""


def _value_tag(value: object) -> str | None:
    if isinstance(value, Quantity):
        return "reported"
    if isinstance(value, NotReported | NotApplicable | Withheld):
        return value.status.value
    if isinstance(value, dict):
        status = value.get("status", "reported")
        return status if isinstance(status, str) else None
    return None


Value: TypeAlias = Annotated[
    Annotated[Quantity, Tag("reported")]
    | Annotated[NotReported, Tag("not_reported")]
    | Annotated[NotApplicable, Tag("not_applicable")]
    | Annotated[Withheld, Tag("withheld")],
    Discriminator(
        _value_tag,
        custom_error_type="value_status",
        custom_error_message="expected a quantity or a missing marker "
        "(status one of reported, not_reported, not_applicable, withheld)",
    ),
]
"""An observed value as a pydantic field: a [`Quantity`][antq_domain.Quantity] or a
missing marker.

On the wire a quantity is ``{"amount", "unit", "qualifier"}`` and a marker is
``{"status": ...}`` (plus ``"reason"`` when withheld); the ``status`` key
picks the branch, so errors name only the branch that was meant.
"""

NOT_REPORTED = NotReported()
"""The figure was not reported."""

NOT_APPLICABLE = NotApplicable()
"""The figure does not apply."""
