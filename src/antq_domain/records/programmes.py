"""Cooperation programmes (chương trình phối hợp) between the police and other bodies.

The Ministry of Public Security and the Fatherland Front signed programme 09 on 1 August 2013 for
2013-2023; provinces held its ten-year final review (*tổng kết*) in 2023. Police also cooperate with
the army (Decree 03/2019/NĐ-CP), the labour federation and others. A
[`CooperationProgramme`][antq_domain.records.CooperationProgramme] records the document,
parties, start and term, its reviews (with the span each covers and the awards given) and the joint
activities carried out under it.

Example:
    >>> from datetime import date
    >>> from antq_domain.records.programmes import CooperationProgramme
    >>> p = CooperationProgramme(
    ...     id="ctph-09", document="09/CTr-BCA-MTTQ", signed=date(2013, 8, 1),
    ...     title="Đẩy mạnh phong trào toàn dân bảo vệ ANTQ trong tình hình mới",
    ...     parties=[{"kind": "ministry_of_public_security"},
    ...              {"kind": "fatherland_front", "level": "central"}],
    ...     term_years=10,
    ...     reviews=[{"kind": "final", "span": "2013/2023", "held": "2023",
    ...               "level": "province", "place": "62"}],
    ... )
    >>> p.ends
    PartialDate('2023-08-01')
    >>> p.reviews[0].kind.label.vi
    'tổng kết'
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Self

from pydantic import Field, model_validator

from antq_domain.errors import InvariantError
from antq_domain.records._base import Record
from antq_domain.records.commendations import Commendation
from antq_domain.records.models import ReviewKind
from antq_domain.records.organisations import (
    AdminLevel,
    AgencyRef,
    EntityId,
    Text,
    _Problems,
)
from antq_domain.values._codelist import Codelist
from antq_domain.values.document import DocumentRef
from antq_domain.values.label import Label, Lang
from antq_domain.values.partial_date import PartialDate
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity

__all__ = ["CooperationProgramme", "JointActivity", "JointActivityKind", "ProgrammeReview"]


class JointActivityKind(Codelist):
    """Kinds of joint activity carried out under a cooperation programme.

    Example:
        >>> from antq_domain.records.programmes import JointActivityKind
        >>> JointActivityKind.BORDER_PROTECTION.label.vi
        'tuần tra, bảo vệ đường biên, mốc giới'
    """

    JOINT_PATROL = ("joint_patrol", "tuần tra chung", "joint patrol")
    CRIME_SUPPRESSION = (
        "crime_suppression",
        "đấu tranh, phòng, chống tội phạm",
        "crime suppression",
    )
    WEAPONS_RECOVERY = (
        "weapons_recovery",
        "kiểm tra, thu hồi vũ khí, vật liệu nổ, công cụ hỗ trợ",
        "weapons recovery",
    )
    BORDER_PROTECTION = (
        "border_protection",
        "tuần tra, bảo vệ đường biên, mốc giới",
        "border protection",
    )
    EVENT_SECURITY = (
        "event_security",
        "bảo đảm an ninh, trật tự các sự kiện",
        "security of events",
    )
    DISASTER_RESPONSE = (
        "disaster_response",
        "phòng, chống thiên tai, tìm kiếm cứu nạn",
        "disaster response and rescue",
    )
    PROPAGANDA = ("propaganda", "tuyên truyền, vận động", "propaganda and outreach")
    CONFERENCE = ("conference", "hội nghị, giao ban", "conference or briefing")
    OTHER = ("other", "hoạt động phối hợp khác", "other joint activity")


class ProgrammeReview(Record):
    """A review of a programme: kind, span covered, when and where held, awards.

    A value. ``held`` may be partial ("năm 2023"); ``level`` and ``place``
    say where the review conference was held (a province reviews a national
    programme). Awards are given inline (``awards``) or cited by id
    (``award_ids``).

    Rule: a review is not held before the span it covers starts.

    Example:
        >>> from antq_domain.records.programmes import ProgrammeReview
        >>> ProgrammeReview(kind="interim", span="2018/2023", held="2017")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: ProgrammeReview: 1 problem
          held: held=PartialDate('2017'): expected a date on or after the span's start 2018-01-01
    """

    kind: ReviewKind
    span: Period
    held: PartialDate | None = None
    level: AdminLevel | None = None
    place: str | None = None
    document: DocumentRef | None = None
    awards: tuple[Commendation, ...] = ()
    award_ids: tuple[EntityId, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _Problems(type(self).__name__)
        if self.held is not None and self.held.is_before(self.span.start) is True:
            problems.add(
                ("held",),
                InvariantError(
                    "held", self.held, f"a date on or after the span's start {self.span.start}"
                ),
            )
        problems.raise_if_any()
        return self


class JointActivity(Record):
    """A joint activity under a programme: kind, parties, period and counts.

    A value. Empty ``parties`` means the programme's own parties.

    Example:
        >>> from antq_domain.records.programmes import JointActivity
        >>> a = JointActivity(kind="event_security", period="2023",
        ...                   description="Ngày hội Toàn dân bảo vệ an ninh Tổ quốc")
        >>> a.kind.label.en
        'security of events'
    """

    kind: JointActivityKind
    parties: tuple[AgencyRef, ...] = ()
    period: Period | None = None
    counts: tuple[Quantity, ...] = ()
    description: Text | None = None


class CooperationProgramme(Record):
    """A cooperation programme between agencies (chương trình phối hợp).

    An entity: identified by ``id``. ``document`` is its number where known
    (``aliases`` keeps the variants seen in sources, e.g.
    ``09/Ctr-BCA-TTTW``); ``signed`` the signing date; ``start`` the first
    day of effect when it differs from ``signed`` or when only a year is
    known. Give the term in years or the end date, not both.

    Rules: at least two parties, each once; not both ``term_years`` and
    ``end``; ``end`` after the start; no review held before the programme
    started (when determined).

    Example:
        >>> from antq_domain.records.programmes import CooperationProgramme
        >>> CooperationProgramme(id="p", title="x", parties=[{"kind": "provincial_police"}])
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: CooperationProgramme: 1 problem
          parties: parties=['provincial_police']: expected at least two parties
    """

    id: EntityId
    document: DocumentRef | None = None
    aliases: tuple[Text, ...] = ()
    signed: date | None = None
    title: Label | Text
    parties: tuple[AgencyRef, ...]
    start: PartialDate | None = None
    term_years: Annotated[int, Field(gt=0, strict=True)] | None = None
    end: date | None = None
    reviews: tuple[ProgrammeReview, ...] = ()
    activities: tuple[JointActivity, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _Problems(type(self).__name__)
        if len(self.parties) < 2:
            problems.add(
                ("parties",),
                InvariantError(
                    "parties", [p.kind.value for p in self.parties], "at least two parties"
                ),
            )
        for i, party in enumerate(self.parties):
            if party in self.parties[:i]:
                problems.add(
                    ("parties", i),
                    InvariantError("parties", party.kind.value, "each party once"),
                )
        if self.term_years is not None and self.end is not None:
            problems.add(
                ("end",), InvariantError("end", self.end, "either term_years or end, not both")
            )
        begins = self.begins
        if begins is not None:
            if self.end is not None and begins.is_before(self.end) is False:
                problems.add(
                    ("end",), InvariantError("end", self.end, f"a date after the start {begins}")
                )
            for i, review in enumerate(self.reviews):
                if review.held is not None and review.held.is_before(begins) is True:
                    problems.add(
                        ("reviews", i, "held"),
                        InvariantError(
                            "held", review.held, f"a date on or after the start {begins}"
                        ),
                    )
        problems.raise_if_any()
        return self

    @property
    def begins(self) -> PartialDate | None:
        """The start of effect: ``start`` if given, else the signing date.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.programmes import CooperationProgramme
            >>> CooperationProgramme(id="p", title="x", signed=date(2013, 8, 1),
            ...     parties=[{"kind": "provincial_police"}, {"kind": "fatherland_front"}]).begins
            PartialDate('2013-08-01')
        """
        if self.start is not None:
            return self.start
        return None if self.signed is None else PartialDate.from_date(self.signed)

    @property
    def ends(self) -> PartialDate | None:
        """The end of the term: ``end``, or the start moved on by ``term_years``.

        The computed end keeps the start's precision (a start known to the
        year gives an end known to the year); 29 February moves to 28 February.

        Example:
            >>> from antq_domain.records.programmes import CooperationProgramme
            >>> CooperationProgramme(id="p", title="x", start="2018", term_years=5,
            ...     parties=[{"kind": "provincial_police"}, {"kind": "labour_federation"}]).ends
            PartialDate('2023')
        """
        if self.end is not None:
            return PartialDate.from_date(self.end)
        begins = self.begins
        if begins is None or self.term_years is None:
            return None
        year = begins.year + self.term_years
        day = begins.day
        if begins.month == 2 and day == 29:
            day = 28
        return PartialDate(year, begins.month, day)

    def title_text(self, lang: Lang = "vi") -> str:
        """The title in ``lang``; a Vietnamese-only title is returned for both.

        Example:
            >>> from antq_domain.records.programmes import CooperationProgramme
            >>> CooperationProgramme(id="p", title="Phối hợp", parties=[
            ...     {"kind": "provincial_police"}, {"kind": "army"}]).title_text("en")
            'Phối hợp'
        """
        return self.title.text(lang) if isinstance(self.title, Label) else self.title

    def is_same(self, other: CooperationProgramme) -> bool:
        """Entity identity: whether ``other`` is the same programme (same id).

        Example:
            >>> from antq_domain.records.programmes import CooperationProgramme
            >>> p = CooperationProgramme(id="p", title="x", parties=[
            ...     {"kind": "provincial_police"}, {"kind": "army"}])
            >>> p.is_same(p.model_copy(update={"title": "y"}))
            True
        """
        return self.id == other.id
