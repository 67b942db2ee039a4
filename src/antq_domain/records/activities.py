"""Campaigns and outreach: launches, legal propaganda, persuasion, safety drives.

A [`Campaign`][antq_domain.records.Campaign] is one line of outreach as a report states
it, usually a total over many rounds: "1.160 đợt phát động … với hơn 145.410 lượt người tham gia".
Rounds are counted in ``campaign`` (đợt), ``session`` (buổi) or ``contact`` (lượt vận động);
participants in ``participation`` (lượt người, person-participations, not unique people).

Example:
    >>> from antq_domain.records.activities import Campaign
    >>> c = Campaign(
    ...     themes=["movement_launch", "legal_propaganda"], period="2023", place="62",
    ...     rounds={"amount": 1160, "unit": "campaign"},
    ...     participants={"amount": 145410, "unit": "participation", "qualifier": "more_than"},
    ... )
    >>> c.participants.format("vi")
    'hơn 145.410 lượt người'
"""

from __future__ import annotations

import datetime as dt
from typing import Self

from pydantic import model_validator

from antq_domain.errors import InvariantError
from antq_domain.records._base import Record
from antq_domain.records.organisations import AgencyRef, EntityId, Text, _Problems
from antq_domain.values._codelist import Codelist
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Unit

__all__ = ["PARTICIPANT_UNITS", "ROUND_UNITS", "Campaign", "CampaignTheme"]

ROUND_UNITS = frozenset({Unit.CAMPAIGN, Unit.SESSION, Unit.CONTACT})
"""Units a campaign's rounds may be counted in: đợt, buổi, lượt vận động."""

PARTICIPANT_UNITS = frozenset({Unit.PARTICIPATION})
"""Units a campaign's participants are counted in: lượt người."""


class CampaignTheme(Codelist):
    """What a campaign or outreach line is about.

    Example:
        >>> from antq_domain.records.activities import CampaignTheme
        >>> CampaignTheme.WANTED_PERSON_PERSUASION.label.vi
        'vận động đối tượng truy nã ra đầu thú'
    """

    MOVEMENT_LAUNCH = (
        "movement_launch",
        "phát động phong trào toàn dân bảo vệ ANTQ",
        "movement launch",
    )
    LEGAL_PROPAGANDA = ("legal_propaganda", "tuyên truyền pháp luật", "legal propaganda")
    PRESTIGE_OUTREACH = (
        "prestige_outreach",
        "tuyên truyền, vận động cá biệt người có uy tín",
        "outreach to influential persons",
    )
    WANTED_PERSON_PERSUASION = (
        "wanted_person_persuasion",
        "vận động đối tượng truy nã ra đầu thú",
        "persuading wanted persons to surrender",
    )
    WEAPONS_RECOVERY = (
        "weapons_recovery",
        "vận động thu hồi vũ khí, vật liệu nổ, công cụ hỗ trợ và pháo",
        "recovery of weapons, explosives, support tools and firecrackers",
    )
    TRAFFIC_SAFETY = (
        "traffic_safety",
        "giữ gìn trật tự, an toàn giao thông",
        "traffic order and safety",
    )
    FIRE_PREVENTION_RESCUE = (
        "fire_prevention_rescue",
        "phòng cháy, chữa cháy và cứu nạn, cứu hộ",
        "fire prevention, fighting and rescue",
    )
    ONLINE_COUNTER_PROPAGANDA = (
        "online_counter_propaganda",
        "đấu tranh, phản bác quan điểm sai trái, thù địch trên không gian mạng",
        "countering hostile views online",
    )
    OTHER = ("other", "khác", "other")


class Campaign(Record):
    """One line of campaigns or outreach: themes, when, where, who, how many.

    A value: a statement of what was done, usually a total over many rounds;
    two equal statements are the same statement.

    Give exactly one of ``period`` (``2023``) and ``date`` (a single day).
    ``rounds`` is counted in ``campaign``, ``session`` or ``contact``;
    ``participants`` in ``participation``. ``organiser`` names the agency;
    ``quote`` and ``source`` keep the provenance.

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.activities import Campaign
        >>> Campaign(themes=["traffic_safety"], period="2023", date=date(2023, 5, 1), place="62",
        ...          rounds={"amount": 470, "unit": "participation"})
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Campaign: 2 problems
          date: date=datetime.date(2023, 5, 1): expected either a period or a date, not both
          rounds.unit: unit='participation': expected one of campaign, contact, session
    """

    id: EntityId | None = None
    themes: tuple[CampaignTheme, ...]
    period: Period | None = None
    date: dt.date | None = None
    place: str
    organiser: AgencyRef | None = None
    rounds: Quantity | None = None
    participants: Quantity | None = None
    quote: Text | None = None
    source: Text | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _Problems(type(self).__name__)
        if not self.themes:
            problems.add(("themes",), InvariantError("themes", (), "at least one theme"))
        for i, theme in enumerate(self.themes):
            if theme in self.themes[:i]:
                problems.add(
                    ("themes", i), InvariantError("themes", theme.value, "each theme once")
                )
        if self.period is None and self.date is None:
            problems.add(("period",), InvariantError("period", None, "a period or a date"))
        elif self.period is not None and self.date is not None:
            problems.add(
                ("date",),
                InvariantError("date", self.date, "either a period or a date, not both"),
            )
        for field, units in (("rounds", ROUND_UNITS), ("participants", PARTICIPANT_UNITS)):
            q: Quantity | None = getattr(self, field)
            if q is not None and q.unit not in units:
                allowed = ", ".join(sorted(u.value for u in units))
                problems.add(
                    (field, "unit"), InvariantError("unit", q.unit.value, f"one of {allowed}")
                )
        problems.raise_if_any()
        return self

    @property
    def when(self) -> Period:
        """The period the line covers (a single day when only ``date`` is given).

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.activities import Campaign
            >>> str(Campaign(themes=["other"], date=date(2023, 8, 19), place="62").when)
            '20230819'
        """
        if self.period is not None:
            return self.period
        assert self.date is not None  # noqa: S101 - guaranteed by the record's rules
        return Period.day(self.date)
