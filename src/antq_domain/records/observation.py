"""Observations: one figure of one indicator, for one place, period and cell.

An observation is a value (it compares by content). Its *cell* is ``(indicator, place, period,
dims)``; two observations of the same cell with different values are a conflict, which
[`antq_domain.validate`][antq_domain.validate] reports as a finding (never a silent
overwrite).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Self

import attrs
from pydantic import GetCoreSchemaHandler, ValidationInfo, field_validator, model_validator
from pydantic_core import core_schema

from antq_domain.errors import (
    AntqTypeError,
    InvariantError,
    ParseError,
    RecordError,
    UnitMismatchError,
    UnknownCodeError,
)
from antq_domain.limits import check_text
from antq_domain.records._base import Record
from antq_domain.records.indicators import Catalogue, IndicatorKind, catalogue
from antq_domain.records.places import Registry
from antq_domain.values import identifiers
from antq_domain.values._pydantic import instance_or as _instance_or
from antq_domain.values._pydantic import summary, typed_dump
from antq_domain.values.missing import Status, Value
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Unit

__all__ = ["Cell", "Dims", "Observation", "as_dims", "catalogue_from", "observations_of"]

_NAME = identifiers.NAME
_CODE_VALUE = identifiers.VALUE


@attrs.frozen(repr=False)
class Dims(Mapping[str, str]):
    """The dimension cell of an observation: an immutable, sorted name → code map.

    A value: equal and hashable by content, whatever order the names were
    given in. Names and codes are lower-case identifiers (``unit_kind``,
    ``certificate_of_merit``).

    Example:
        >>> from antq_domain.records.observation import Dims
        >>> d = Dims.of({"recipient_kind": "collective", "form": "certificate_of_merit"})
        >>> list(d)
        ['form', 'recipient_kind']
        >>> d == Dims.of({"form": "certificate_of_merit", "recipient_kind": "collective"})
        True
        >>> Dims.of({"Form": "x"})
        Traceback (most recent call last):
        ...
        antq_domain.errors.ParseError: dims='Form': expected a lower-case name such as 'unit_kind'
    """

    pairs: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, mapping: Mapping[str, str] | None = None) -> Dims:
        """Build from a mapping, checking names and codes.

        Example:
            >>> from antq_domain.records.observation import Dims
            >>> Dims.of()
            Dims({})
        """
        if isinstance(mapping, Dims):
            return mapping
        if mapping is None:
            return cls(())
        if not isinstance(mapping, Mapping):
            raise AntqTypeError(
                "dims",
                mapping,
                "a Dims or a mapping of dimension names to codes",
                expected_vi="một Dims hoặc một ánh xạ từ tên phân tổ sang mã",
            )
        for name, code in mapping.items():
            if not isinstance(name, str) or not _NAME.fullmatch(name):
                raise ParseError(
                    "dims",
                    name,
                    "a lower-case name such as 'unit_kind'",
                    expected_vi="một tên chữ thường như 'unit_kind'",
                )
            if not isinstance(code, str) or not _CODE_VALUE.fullmatch(code):
                raise ParseError(
                    f"dims.{name}",
                    code,
                    "a lower-case code such as 'commune'",
                    expected_vi="một mã chữ thường như 'commune'",
                )
        return cls(tuple(sorted(mapping.items())))

    def __getitem__(self, key: str) -> str:
        for name, code in self.pairs:
            if name == key:
                return code
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def __repr__(self) -> str:
        return f"Dims({dict(self.pairs)!r})"

    def __str__(self) -> str:
        return ",".join(f"{k}={v}" for k, v in self.pairs)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        as_dict = core_schema.dict_schema(
            core_schema.str_schema(strict=True), core_schema.str_schema(strict=True), strict=True
        )
        js = {
            "type": "object",
            "description": summary(cls),
            "additionalProperties": {"type": "string", "pattern": _CODE_VALUE.pattern},
            "propertyNames": {"pattern": _NAME.pattern},
        }
        # an instance passes in both modes: pydantic validates the default
        # Dims() with the JSON-mode schema when it validates JSON text
        either = core_schema.no_info_wrap_validator_function(_instance_or(cls, cls.of), as_dict)
        return core_schema.json_or_python_schema(
            json_schema=either,
            python_schema=either,
            serialization=core_schema.plain_serializer_function_ser_schema(
                typed_dump(cls, lambda d: dict(d.pairs)), info_arg=True
            ),
            metadata={"pydantic_js_functions": [lambda _s, _h: js]},
        )


def as_dims(value: object) -> Dims:
    """A dimension cell from a `Dims`, a mapping of names to codes, or ``None`` (no dimensions).

    The one converter of a ``dims`` field.

    Raises:
        AntqTypeError: anything else; ParseError: a bad name or code.

    Example:
        >>> from antq_domain.records.observation import as_dims
        >>> as_dims({"unit_kind": "commune"}), as_dims(None)
        (Dims({'unit_kind': 'commune'}), Dims({}))
    """
    if value is None or isinstance(value, Mapping):
        return Dims.of(value)
    raise AntqTypeError(
        "dims",
        value,
        "a Dims or a mapping of dimension names to codes",
        expected_vi="một Dims hoặc một ánh xạ từ tên phân tổ sang mã",
    )


Cell = tuple[str, str, str, Dims]
"""The identity of a figure: ``(indicator, place, period id, dims)``."""


def catalogue_from(info: ValidationInfo | None) -> Catalogue:
    """The catalogue to check against: ``context["catalogue"]`` or the standard one.

    Example:
        >>> from antq_domain.records.indicators import catalogue
        >>> catalogue_from(None) is catalogue()
        True
    """
    context = info.context if info is not None else None
    if isinstance(context, Mapping):
        found = context.get("catalogue")
        if isinstance(found, Catalogue):
            return found
    return catalogue()


class Observation(Record):
    """One figure: an indicator's value for a place, a period and a dimension cell.

    A value (compares by content). ``value`` is a [`Quantity`][antq_domain.Quantity]
    in the indicator's unit, or a missing marker (never zero for "not reported"). A ratio indicator
    holds a percentage stated in the source (unit ``percent``): it is shown but never re-aggregated;
    the library recomputes ratios from their parts.

    Dimensions are checked against the indicator's allowed dimensions and
    codelists, in the standard catalogue or in the one passed as validation
    context (``Observation.model_validate(data, context={"catalogue": cat})``).
    The place is a register code; it is checked against a register where one
    is at hand: in a report, in tidy rows and files (the bundled register by
    default), or in the one passed as context (``context={"registry": reg}``),
    where it must name a place that existed during the period.

    Example:
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> obs = Observation(
        ...     indicator="tips.valuable",
        ...     place="62",
        ...     period="2023",
        ...     value=Quantity(655, "tip"),
        ...     quote="655 nguồn tin có giá trị",
        ... )
        >>> obs.cell
        ('tips.valuable', '62', '2023', Dims({}))
        >>> Observation(indicator="tips.valuable", place="62", period="2023",
        ...             value=Quantity(655, "case"))
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Observation: 1 problem
          value: value='case': expected 'tip', the unit of indicator 'tips.valuable'
    """

    indicator: str
    place: str
    period: Period
    value: Value
    dims: Dims = Dims()
    source: str | None = None
    quote: str | None = None

    @field_validator("place")
    @classmethod
    def _place_code(cls, v: str) -> str:
        if not v or v != v.strip():
            raise ParseError(
                "place",
                v,
                "a non-empty place code without surrounding spaces",
                expected_vi="một mã địa bàn không rỗng, không có dấu cách ở hai đầu",
            )
        return check_text("place", v)

    @field_validator("source", "quote")
    @classmethod
    def _bounded_text(cls, v: str | None, info: ValidationInfo) -> str | None:
        # "" would be written as an empty cell and read back as None: refused, not lost
        if v == "":
            raise InvariantError(
                str(info.field_name),
                v,
                "a non-empty text, or None for no text",
                expected_vi="một văn bản không rỗng, hoặc None nếu không có",
            )
        return None if v is None else check_text(str(info.field_name), v)

    @model_validator(mode="after")
    def _against_catalogue(self, info: ValidationInfo) -> Self:
        context = info.context if info is not None else None
        if isinstance(context, Mapping):
            reg = context.get("registry")
            if isinstance(reg, Registry):
                reg.check(self.place, during=self.period)
        cat = catalogue_from(info)
        try:
            indicator = cat.get(self.indicator)
            cat.check_dims(self.indicator, self.dims)
        except UnknownCodeError as exc:
            # a KeyError would escape pydantic unlocated and hide the other
            # problems of the file; as a RecordError it is located and gathered
            raise RecordError("Observation", [(exc.field, exc)]) from None
        if isinstance(self.value, Quantity):
            if indicator.kind in (IndicatorKind.RATIO, IndicatorKind.REPORTED_RATIO):
                expected = Unit.PERCENT
            else:
                assert indicator.unit is not None  # noqa: S101 - guaranteed by Indicator
                expected = indicator.unit
            if self.value.unit is not expected:
                raise UnitMismatchError(
                    "value",
                    self.value.unit.value,
                    f"{expected.value!r}, the unit of indicator {self.indicator!r}",
                    expected_vi=f"{expected.value!r}, đơn vị tính của chỉ tiêu {self.indicator!r}",
                )
        if self.quote is not None and not self.quote.strip():
            raise InvariantError(
                "quote",
                self.quote,
                "a non-empty phrase, or no quote",
                expected_vi="một câu trích không rỗng, hoặc không trích",
            )
        return self

    @property
    def cell(self) -> Cell:
        """The identity of the figure: ``(indicator, place, period id, dims)``.

        Example:
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import NOT_REPORTED
            >>> Observation(indicator="tips.received", place="62", period="2023Q1",
            ...             value=NOT_REPORTED).cell[2]
            '2023Q1'
        """
        return (self.indicator, self.place, str(self.period), self.dims)

    @property
    def status(self) -> Status:
        """``reported`` for a quantity, otherwise the marker's status.

        Example:
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import Withheld
            >>> Observation(indicator="tips.received", place="62", period="2023",
            ...             value=Withheld("classified")).status
            <Status.WITHHELD: 'withheld'>
        """
        if isinstance(self.value, Quantity):
            return Status.REPORTED
        return self.value.status


def observations_of(value: object, field: str, expected: str) -> tuple[Observation, ...]:
    """The observations of a report, a combination, a rollup result, or an iterable of them.

    The one reading of "observations or something holding them" (rollup, combine, compare, the
    laws). Nothing is dropped: an item that is not an `Observation` is an error.

    Raises:
        AntqTypeError: ``value`` holds no observations (``expected`` says what was wanted), or an
            item is not an `Observation`.

    Example:
        >>> from antq_domain.records.observation import Observation, observations_of
        >>> from antq_domain.values import NOT_REPORTED
        >>> o = Observation(indicator="tips.received", place="62", period="2023",
        ...                 value=NOT_REPORTED)
        >>> observations_of([o], "observations", "observations") == (o,)
        True
        >>> observations_of(5, "observations", "observations or a report")
        Traceback (most recent call last):
        ...
        antq_domain.errors.AntqTypeError: observations=5: expected observations or a report
    """
    items = getattr(value, "observations", value)
    if isinstance(items, str | bytes) or not isinstance(items, Iterable):
        raise AntqTypeError(field, value, expected)
    out = tuple(items)
    for o in out:
        if not isinstance(o, Observation):
            raise AntqTypeError(field, o, "an Observation", expected_vi="một Observation (số liệu)")
    return out
