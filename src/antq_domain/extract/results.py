"""What the extractor returns: figures with quotes and evidence, unused numbers, the draft.

[`Extraction`][antq_domain.Extraction] is the result of
[`extract_report`][antq_domain.extract_report]; each figure is an
[`ExtractedFigure`][antq_domain.extract.results.ExtractedFigure] (quote, span, value, indicator,
dims and the [`Evidence`][antq_domain.extract.results.Evidence] of each decision), each number that
is not a figure an [`UnusedNumber`][antq_domain.extract.results.UnusedNumber] with its reason.
"""

from __future__ import annotations

import enum
import json
from decimal import Decimal
from typing import Any

import attrs

from antq_domain.errors import AntqError
from antq_domain.extract._scan import UnusedReason
from antq_domain.records.commendations import Commendation
from antq_domain.records.observation import Dims
from antq_domain.records.programmes import CooperationProgramme
from antq_domain.records.report import MovementReport
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier, Unit

__all__ = [
    "DRAFT_ISSUER",
    "Evidence",
    "ExtractedFigure",
    "Extraction",
    "FigureRole",
    "UnusedNumber",
]

DRAFT_ISSUER = "(chưa xác định: bản nháp trích xuất tự động)"
"""The issuer of a draft report when the text does not say whose report it is."""


class FigureRole(enum.StrEnum):
    """What a figure is in its phrase: a count, a fraction's part or whole, a percentage.

    Example:
        >>> from antq_domain.extract.report import FigureRole
        >>> FigureRole("whole") is FigureRole.WHOLE
        True
    """

    COUNT = "count"
    PART = "part"
    WHOLE = "whole"
    PERCENT = "percent"


@attrs.frozen
class Evidence:
    """Why the extractor decided something: the rule or phrase, and where it read it.

    ``role`` names the decision (``indicator``, ``dim.<name>``, ``counter``,
    ``rule``, ``place``, ``period``); ``phrase`` the catalogue phrase or the
    rule; ``quote`` and ``span`` the words of the text (``span`` indexes the
    text as given; an empty quote means a default, not something read).

    Example:
        >>> from antq_domain.extract.report import Evidence
        >>> Evidence("counter", "nguồn tin", "nguồn tin", (4, 13)).role
        'counter'
    """

    role: str
    phrase: str
    quote: str
    span: tuple[int, int]


@attrs.frozen
class ExtractedFigure:
    """One figure read from the text: number, value, indicator, dims, quote and evidence.

    ``span`` is the quoted phrase and ``number_span`` the number itself, both
    indexing the text as given: ``text[span[0]:span[1]] == quote`` and
    ``text[number_span[0]:number_span[1]] == number``. ``indicator`` is
    ``None`` for an unmatched figure, with ``reason`` saying why.
    ``also_quoted`` lists the spans of other statements of the same figure
    (a headline repeating the body), counted once.

    Example:
        >>> from antq_domain.extract import extract_report
        >>> [f] = extract_report("Đã phát hành 36.944 tài liệu.").figures
        >>> f.quote, f.number, f.value, f.indicator, f.quantity
        ('36.944 tài liệu', '36.944', 36944, 'media.documents', Quantity('36944 document'))
    """

    quote: str
    span: tuple[int, int]
    number: str
    number_span: tuple[int, int]
    value: int | Decimal
    qualifier: Qualifier
    unit: Unit | None
    indicator: str | None
    dims: Dims
    role: FigureRole = FigureRole.COUNT
    evidence: tuple[Evidence, ...] = ()
    reason: str = ""
    also_quoted: tuple[tuple[int, int], ...] = ()

    @property
    def quantity(self) -> Quantity | None:
        """The value as a `Quantity` (``None`` without unit).

        Example:
            >>> from antq_domain.extract import extract_report
            >>> extract_report("hơn 145.410 lượt người").unmatched[0].quantity
            Quantity('>145410 participation')
        """
        if self.unit is None:
            return None
        try:
            return Quantity(self.value, self.unit, self.qualifier)
        except (AntqError, ValueError):
            return None

    def to_row(self) -> dict[str, Any]:
        """A flat row: indicator, dims, value, qualifier, unit, quote, span, reason.

        Example:
            >>> from antq_domain.extract import extract_report
            >>> row = extract_report("Có 63 tổ hòa giải cơ sở.").figures[0].to_row()
            >>> row["indicator"], row["value"], row["quote"]
            ('forces.mediation_teams', 63, '63 tổ hòa giải cơ sở')
        """
        value: int | str = self.value if isinstance(self.value, int) else format(self.value, "f")
        return {
            "kind": "figure" if self.indicator is not None else "unmatched",
            "indicator": self.indicator,
            "dims": str(self.dims),
            "value": value,
            "qualifier": self.qualifier.value,
            "unit": self.unit.value if self.unit is not None else None,
            "role": self.role.value,
            "quote": self.quote,
            "start": self.span[0],
            "end": self.span[1],
            "reason": self.reason,
        }


@attrs.frozen
class UnusedNumber:
    """A number seen in the text that is not a figure, with the reason.

    Example:
        >>> from antq_domain.extract import extract_report
        >>> [u] = extract_report("Ngày 9/8, huyện tổ chức Ngày hội.").unused
        >>> u.text, u.reason.value, u.span
        ('9/8', 'date', (5, 8))
    """

    text: str
    span: tuple[int, int]
    reason: UnusedReason

    def to_row(self) -> dict[str, Any]:
        """A flat row in the shape of `ExtractedFigure.to_row`.

        Example:
            >>> from antq_domain.extract import extract_report
            >>> extract_report("năm 2023").unused[0].to_row()["reason"]
            'year'
        """
        return {
            "kind": "unused",
            "indicator": None,
            "dims": "",
            "value": None,
            "qualifier": None,
            "unit": None,
            "role": None,
            "quote": self.text,
            "start": self.span[0],
            "end": self.span[1],
            "reason": self.reason.value,
        }


@attrs.frozen
class Extraction:
    """What `extract_report` read: figures, unmatched figures, unused numbers, records.

    ``report`` is the draft [`MovementReport`][antq_domain.MovementReport]
    (validated), built only when both ``place`` and ``period`` are known (given or read); otherwise
    ``None`` and ``notes`` says why. Its as-of date is the last day of the period (the extractor
    reads no clock).

    Example:
        >>> from antq_domain.extract import extract_report
        >>> ex = extract_report("Cung cấp 238 nguồn tin có giá trị")
        >>> ex.report is None, ex.notes
        (True, ('no place: pass place=... or name it in the text', 'no period: pass \
period=... or state it in the text'))
        >>> [r["indicator"] for r in ex.to_rows()]
        ['tips.valuable']
    """

    place: str | None
    period: Period | None
    figures: tuple[ExtractedFigure, ...] = ()
    unmatched: tuple[ExtractedFigure, ...] = ()
    unused: tuple[UnusedNumber, ...] = ()
    place_evidence: Evidence | None = None
    period_evidence: Evidence | None = None
    commendations: tuple[Commendation, ...] = ()
    programmes: tuple[CooperationProgramme, ...] = ()
    report: MovementReport | None = None
    notes: tuple[str, ...] = ()
    place_candidates: tuple[str, ...] = ()
    """The register codes of the units a place name of the text fits, when it fits several
    and the text says no more (``place`` is then ``None``: the extractor does not guess)."""

    def to_rows(self) -> list[dict[str, Any]]:
        """Tidy rows, in text order: figures, unmatched figures and unused numbers.

        Example:
            >>> from antq_domain.extract import extract_report
            >>> [(r["kind"], r["quote"]) for r in extract_report("Năm 2023 có 5 cụm").to_rows()]
            [('unused', '2023'), ('unmatched', '5 cụm')]
        """
        rows = [f.to_row() for f in (*self.figures, *self.unmatched)]
        rows += [u.to_row() for u in self.unused]
        return sorted(rows, key=lambda r: (r["start"], r["end"]))

    def to_json(self, *, indent: int | None = 2) -> str:
        """The extraction as JSON: place, period, rows, and the draft report if any.

        Example:
            >>> import json
            >>> from antq_domain.extract import extract_report
            >>> json.loads(extract_report("Năm 2023, 26 chuyên mục").to_json())["period"]
            '2023'
        """
        data: dict[str, Any] = {
            "place": self.place,
            "period": str(self.period) if self.period is not None else None,
            "rows": self.to_rows(),
            "notes": list(self.notes),
            "place_candidates": list(self.place_candidates),
            "report": self.report.model_dump(mode="json") if self.report is not None else None,
        }
        return json.dumps(data, ensure_ascii=False, indent=indent)
