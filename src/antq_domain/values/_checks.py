"""Checks shared by the converters of attrs fields (private)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from antq_domain.errors import AntqTypeError

__all__ = ["tuple_of"]

T = TypeVar("T")


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
