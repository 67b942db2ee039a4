"""The one base of every codelist: parse with a located error, a one-line JSON Schema.

Two bases:

* `CodelistBase` — behaviour only, for enums that keep their labels elsewhere (``Unit``,
  ``PeriodKind``, ``PlaceKind`` …);
* `Codelist` — members declared as ``NAME = ("code", "vi", "en")``, the value being the code and
  `Codelist.label` the bilingual label.

The field an unknown code is reported against defaults to the class name in
snake case (``AgencyKind`` → ``agency_kind``); a class can name it:
``class PlaceKind(CodelistBase, field="kind")``.
"""

from __future__ import annotations

import enum
import re
from typing import Any, Self

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from antq_domain.errors import UnknownCodeError
from antq_domain.values._pydantic import codelist_json_schema
from antq_domain.values.label import Label, Lang

__all__ = ["Codelist", "CodelistBase"]

# class -> the field its unknown codes are reported against (enum classes
# can't carry extra class attributes without turning them into members)
_FIELDS: dict[type, str] = {}


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class CodelistBase(enum.StrEnum):
    """Behaviour shared by every codelist of the library.

    Example:
        >>> from antq_domain.values import Unit
        >>> Unit.parse("tip") is Unit.TIP
        True
    """

    def __init_subclass__(cls, *, field: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if field is not None:
            _FIELDS[cls] = field

    @classmethod
    def codelist_field(cls) -> str:
        """The field an unknown code of this codelist is reported against.

        Example:
            >>> from antq_domain.values import Qualifier
            >>> Qualifier.codelist_field()
            'qualifier'
        """
        for klass in cls.__mro__:
            if klass in _FIELDS:
                return _FIELDS[klass]
        return _snake(cls.__name__)

    @classmethod
    def parse(cls, code: str) -> Self:
        """The member with this code, or [`UnknownCodeError`][antq_domain.UnknownCodeError].

        Example:
            >>> from antq_domain.values import Unit
            >>> Unit.parse("bottle")
            Traceback (most recent call last):
            ...
            antq_domain.errors.UnknownCodeError: unit='bottle': expected one of campaign, ...
        """
        try:
            return cls(code)
        except ValueError:
            codes = ", ".join(m.value for m in cls)
            raise UnknownCodeError(
                cls.codelist_field(),
                code,
                f"one of {codes}",
                expected_vi="một trong các mã " + ", ".join(repr(m.value) for m in cls),
            ) from None

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return codelist_json_schema(cls, schema, handler)


class Codelist(CodelistBase):
    """A codelist whose members carry their bilingual labels.

    Each member is declared as ``NAME = ("code", "vi label", "en label")``; its value is the code,
    `label` the bilingual label.

    Example:
        >>> from antq_domain.records.organisations import AdminLevel
        >>> AdminLevel.COMMUNE.text("en")
        'commune level'
    """

    _value_: str
    _label: Label

    def __new__(cls, code: str, vi: str = "", en: str = "") -> Self:
        member = str.__new__(cls, code)
        member._value_ = code
        member._label = Label(vi=vi or code, en=en or code)
        return member

    @property
    def label(self) -> Label:
        """The bilingual label of the code.

        Example:
            >>> from antq_domain.records.organisations import AgencyKind
            >>> AgencyKind.LABOUR_FEDERATION.label.vi
            'Liên đoàn Lao động'
        """
        return self._label

    def text(self, lang: Lang = "vi") -> str:
        """The label in ``lang``.

        Example:
            >>> from antq_domain.records.organisations import AdminLevel
            >>> AdminLevel.COMMUNE.text("vi")
            'cấp xã'
        """
        return self._label.text(lang)
