"""The report's own findings: limitations (hạn chế) and directions (phương hướng, giải pháp).

Both are ordered text items: an ordinal (1, 2, …; "Một là, Hai là, …" in the source), the Vietnamese
text and optionally an English rendering.
[`check_ordinals`][antq_domain.records.narrative.check_ordinals] is the rule a report applies to its
lists: ordinals run 1..n in order, without gaps or repeats.

Example:
    >>> from antq_domain.records.narrative import Direction, check_ordinals
    >>> items = [Direction(ordinal=1, vi="Tiếp tục tham mưu"), Direction(ordinal=2, vi="Phát huy")]
    >>> check_ordinals(items, field="directions")
    >>> check_ordinals(items[1:], field="directions")
    Traceback (most recent call last):
    ...
    antq_domain.errors.InvariantError: directions=[2]: expected ordinals 1..1 in order, ...
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from pydantic import Field, StringConstraints

from antq_domain.errors import InvariantError
from antq_domain.records._base import Record
from antq_domain.values.label import Lang

__all__ = ["Direction", "Limitation", "NarrativeItem", "check_ordinals"]

_Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]


class NarrativeItem(Record):
    """An ordered text item of a report: ordinal (≥ 1), Vietnamese text, optional English.

    A value. Use the concrete [`Limitation`][antq_domain.records.Limitation] or
    [`Direction`][antq_domain.records.Direction].

    Example:
        >>> from antq_domain.records.narrative import Limitation
        >>> Limitation(ordinal=0, vi="x")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Limitation: 1 problem
          ordinal: Input should be greater than or equal to 1 (got 0)
    """

    ordinal: Annotated[int, Field(ge=1, strict=True)]
    vi: _Text
    en: _Text | None = None

    def text(self, lang: Lang = "vi") -> str:
        """The item in ``lang``; the Vietnamese text when no English is given.

        Example:
            >>> from antq_domain.records.narrative import Limitation
            >>> Limitation(ordinal=1, vi="hiệu quả chưa cao").text("en")
            'hiệu quả chưa cao'
        """
        if lang == "en" and self.en is not None:
            return self.en
        return self.vi


class Limitation(NarrativeItem):
    """A limitation the report admits (hạn chế, tồn tại).

    A value.

    Example:
        >>> from antq_domain.records.narrative import Limitation
        >>> lim = Limitation(ordinal=1, vi="Một số mô hình hoạt động chưa hiệu quả",
        ...                  en="Some models are not effective")
        >>> lim.text("en")
        'Some models are not effective'
    """


class Direction(NarrativeItem):
    """A direction or solution the report sets for the period ahead (phương hướng, giải pháp).

    A value.

    Example:
        >>> from antq_domain.records.narrative import Direction
        >>> Direction(ordinal=6, vi="Sơ kết, tổng kết công tác phong trào").ordinal
        6
    """


def check_ordinals(items: Sequence[NarrativeItem], *, field: str) -> None:
    """Check that the items' ordinals are 1, 2, …, n in order; raise otherwise.

    Args:
        items: the list as the report holds it.
        field: the name of the report field, used in the error.

    Raises:
        InvariantError: ordinals out of order, with a gap or a repeat.

    Example:
        >>> from antq_domain.records.narrative import Limitation, check_ordinals
        >>> check_ordinals([], field="limitations")
        >>> check_ordinals([Limitation(ordinal=1, vi="a"), Limitation(ordinal=1, vi="b")],
        ...                field="limitations")
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: limitations=[1, 1]: expected ordinals 1..2 in order, ...
    """
    ordinals = [item.ordinal for item in items]
    if ordinals != list(range(1, len(ordinals) + 1)):
        raise InvariantError(
            field,
            ordinals,
            f"ordinals 1..{len(ordinals)} in order, without gaps or repeats",
            expected_vi=f"số thứ tự 1..{len(ordinals)} theo thứ tự, không thiếu, không lặp",
        )
