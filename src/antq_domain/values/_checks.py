"""Checks shared by the converters of attrs fields (private)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from antq_domain.errors import AntqTypeError

if TYPE_CHECKING:
    from antq_domain.values._codelist import CodelistBase

__all__ = ["code_of", "codes_of", "tuple_of"]

T = TypeVar("T")
C = TypeVar("C", bound="CodelistBase")


def tuple_of(field: str, value: object, kind: type[T], each: str) -> tuple[T, ...]:
    """The items of ``value``, an iterable of ``kind`` (never one item alone, nor a string).

    Raises:
        AntqTypeError: ``value`` is not such an iterable, or an item (``each`` says what each
            must be) is not a ``kind``.

    Example:
        >>> from antq_domain.values._checks import tuple_of
        >>> tuple_of("sizes", [1, 2], int, "an int")
        (1, 2)
        >>> tuple_of("sizes", 1, int, "an int")
        Traceback (most recent call last):
        ...
        antq_domain.errors.AntqTypeError: sizes=1: expected an iterable of int
    """
    if isinstance(value, str | bytes | kind) or not isinstance(value, Iterable):
        raise AntqTypeError(field, value, f"an iterable of {kind.__name__}")
    out = tuple(value)
    for item in out:
        if not isinstance(item, kind):
            raise AntqTypeError(field, item, each)
    return out


def codes_of(field: str, value: object, codelist: type[C], expected: str) -> frozenset[C]:
    """The members of ``codelist`` that ``value`` names: an iterable of members or codes.

    Raises:
        AntqTypeError: ``value`` is a string or not iterable (``expected`` says what it must be).
        UnknownCodeError: an item is not a code of ``codelist``.

    Example:
        >>> from antq_domain.values import Unit
        >>> from antq_domain.values._checks import codes_of
        >>> sorted(codes_of("units", ["tip", Unit.TIP], Unit, "an iterable of Unit codes"))
        [<Unit.TIP: 'tip'>]
        >>> codes_of("units", "tip", Unit, "an iterable of Unit codes")
        Traceback (most recent call last):
        ...
        antq_domain.errors.AntqTypeError: units='tip': expected an iterable of Unit codes
    """
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise AntqTypeError(field, value, expected)
    return frozenset(c if isinstance(c, codelist) else codelist.parse(str(c)) for c in value)


def code_of(field: str, value: object, codelist: type[C], expected: str) -> C:
    """The member of ``codelist`` that ``value`` is or names (a member or its code).

    Raises:
        AntqTypeError: ``value`` is neither a member nor a string (``expected`` says what it
            must be).
        UnknownCodeError: ``value`` is not a code of ``codelist``.

    Example:
        >>> from antq_domain.values import Unit
        >>> from antq_domain.values._checks import code_of
        >>> code_of("unit", "tip", Unit, "a Unit or a unit code")
        <Unit.TIP: 'tip'>
        >>> code_of("unit", 3, Unit, "a Unit or a unit code")
        Traceback (most recent call last):
        ...
        antq_domain.errors.AntqTypeError: unit=3: expected a Unit or a unit code
    """
    if isinstance(value, codelist):
        return value
    if isinstance(value, str):
        return codelist.parse(value)
    raise AntqTypeError(field, value, expected)
