"""Bilingual labels (Vietnamese and English)."""

from __future__ import annotations

import unicodedata
from typing import Any, Literal

import attrs
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from antq_domain.errors import AntqTypeError, InvariantError
from antq_domain.values._pydantic import object_core_schema

__all__ = ["Label", "Lang"]

Lang = Literal["vi", "en"]
"""A display language: ``"vi"`` (Vietnamese) or ``"en"`` (English)."""


def _nfc(field: str, value: object) -> str:
    if not isinstance(value, str):
        raise AntqTypeError(field, value, "a str")
    return unicodedata.normalize("NFC", value)


def _nfc_vi(value: object) -> str:
    return _nfc("label.vi", value)


def _nfc_en(value: object) -> str:
    return _nfc("label.en", value)


def _non_blank(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        raise InvariantError(f"label.{attribute.name}", value, "a non-empty text")


@attrs.frozen
class Label:
    """A text in Vietnamese and English; both are required.

    A value: two labels are equal when both texts are equal. The Vietnamese
    text is normalised to NFC, so a label typed with combining diacritics
    (NFD) equals the same label typed precomposed.

    Args:
        vi: the Vietnamese text (stored in NFC).
        en: the English text.

    Example:
        >>> from antq_domain.values import Label
        >>> lab = Label(vi="nguồn tin có giá trị", en="valuable tip")
        >>> lab.text("en")
        'valuable tip'
        >>> import unicodedata
        >>> Label(vi=unicodedata.normalize("NFD", "nguồn tin"), en="tip").vi == "nguồn tin"
        True
        >>> Label(vi="", en="tip")
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: label.vi='': expected a non-empty text
    """

    vi: str = attrs.field(converter=_nfc_vi, validator=_non_blank)
    en: str = attrs.field(converter=_nfc_en, validator=_non_blank)

    def text(self, lang: Lang) -> str:
        """The label in ``lang``.

        Example:
            >>> from antq_domain.values import Label
            >>> Label(vi="tin báo", en="tip").text("vi")
            'tin báo'
        """
        return self.vi if lang == "vi" else self.en

    def __str__(self) -> str:
        return f"{self.vi} / {self.en}"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        text = core_schema.str_schema(strict=True, min_length=1)
        return object_core_schema(
            cls,
            {"vi": (text, True), "en": (text, True)},
            lambda d: cls(vi=d["vi"], en=d["en"]),
            lambda lab: {"vi": lab.vi, "en": lab.en},
        )
