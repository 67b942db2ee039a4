"""Grassroots forces (lực lượng ở cơ sở) and their legal lives.

The Law on forces participating in protecting security and order at the grassroots, **30/2023/QH15**
(passed 28 November 2023, in force 1 July 2024), unified three legacy forces: *bảo vệ dân phố*
(civil guards), *Công an xã bán chuyên trách* (semi-professional commune police) and the leaders and
deputy leaders of *dân phòng* teams. They exist in law until 30 June 2024; from 1 July 2024 the *lực
lượng tham gia bảo vệ ANTT ở cơ sở* replaces them. Each
[`ForceType`][antq_domain.records.ForceType] carries those dates and instruments as data.

A report may still count a legacy force after its legal end (the Kon Tum 2023 report counts 98
semi-professional commune police): practice departs from law, so a
[`ForceStrength`][antq_domain.records.ForceStrength] is never refused for it;
[`ForceStrength.legal_status`][antq_domain.records.forces.ForceStrength.legal_status] tells
evaluation what the law said.

Example:
    >>> from datetime import date
    >>> from antq_domain.records.forces import ForceStrength, ForceType
    >>> ForceType.CIVIL_GUARD.valid_to, ForceType.CIVIL_GUARD.ended_by
    (datetime.date(2024, 6, 30), '30/2023/QH15')
    >>> fs = ForceStrength(force="civil_guard", place="62", as_of=date(2023, 12, 31),
    ...                    members={"amount": 32, "unit": "person"})
    >>> fs.legal_status(date(2024, 7, 1))
    <LegalStatus.ENDED: 'ended'>
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple, Self

from pydantic import model_validator

from antq_domain.errors import InvariantError
from antq_domain.records._base import Record
from antq_domain.records.organisations import Text, _Problems
from antq_domain.values._codelist import Codelist
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Unit

__all__ = ["GRASSROOTS_LAW", "ForceStrength", "ForceType", "LegalLife", "LegalStatus"]

GRASSROOTS_LAW = "30/2023/QH15"
"""The grassroots security-force law: passed 28/11/2023, in force 01/07/2024."""

_LEGACY_END = date(2024, 6, 30)
_GRASSROOTS_START = date(2024, 7, 1)


class LegalStatus(Codelist):
    """What the law says about a force type on a day.

    Example:
        >>> from antq_domain.records.forces import LegalStatus
        >>> LegalStatus.ENDED.label.vi
        'đã hết hiệu lực pháp lý'
    """

    NOT_YET = ("not_yet", "chưa có cơ sở pháp lý", "not yet established in law")
    IN_FORCE = ("in_force", "đang có cơ sở pháp lý", "in force")
    ENDED = ("ended", "đã hết hiệu lực pháp lý", "ended in law")


class LegalLife(NamedTuple):
    """The legal life of a force type: first and last day, and the instruments.

    ``None`` dates are open (or not known: the register is honest about what the sources confirm).
    Instruments are document numbers as strings, read with
    [`parse`][antq_domain.values.document.DocumentRef.parse].

    Example:
        >>> from antq_domain.records.forces import ForceType
        >>> ForceType.GRASSROOTS_SECURITY_FORCE.legal_life.established_by
        '30/2023/QH15'
    """

    valid_from: date | None
    valid_to: date | None
    established_by: str | None
    ended_by: str | None
    successor: str | None


class ForceType(Codelist):
    """Types of grassroots force, each with its legal life.

    Legacy forces (``civil_guard``, ``semi_professional_commune_police``,
    ``civil_defence_team_leader``) end on 30 June 2024 by Law 30/2023/QH15 and
    give way to ``grassroots_security_force`` from 1 July 2024. The *dân
    phòng* teams themselves remain (fire law); only their leaders' posts
    moved into the new force. Other types have no end in law.

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.forces import ForceType
        >>> ForceType.SEMI_PROFESSIONAL_COMMUNE_POLICE.label.vi
        'Công an xã bán chuyên trách'
        >>> ForceType.SEMI_PROFESSIONAL_COMMUNE_POLICE.successor
        <ForceType.GRASSROOTS_SECURITY_FORCE: 'grassroots_security_force'>
        >>> ForceType.GRASSROOTS_SECURITY_FORCE.status_on(date(2024, 6, 30))
        <LegalStatus.NOT_YET: 'not_yet'>
    """

    CIVIL_GUARD = ("civil_guard", "bảo vệ dân phố", "civil guard (urban)")
    SEMI_PROFESSIONAL_COMMUNE_POLICE = (
        "semi_professional_commune_police",
        "Công an xã bán chuyên trách",
        "semi-professional (part-time) commune police",
    )
    CIVIL_DEFENCE_TEAM_LEADER = (
        "civil_defence_team_leader",
        "đội trưởng, đội phó đội dân phòng",
        "leader or deputy leader of a civil-defence (fire) team",
    )
    CIVIL_DEFENCE_TEAM = ("civil_defence_team", "đội dân phòng", "civil-defence (fire) team")
    GRASSROOTS_SECURITY_FORCE = (
        "grassroots_security_force",
        "lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở",
        "grassroots security and order force",
    )
    REGULAR_COMMUNE_POLICE = (
        "regular_commune_police",
        "Công an xã chính quy",
        "regular (professional) commune police",
    )
    SELF_MANAGED_GROUP = (
        "self_managed_group",
        "tổ, nhóm tự quản về an ninh, trật tự",
        "self-managed security group",
    )
    MEDIATION_TEAM = ("mediation_team", "tổ hòa giải", "mediation team")
    COMMUNITY_PATROL = (
        "community_patrol",
        'tổ tuần tra "dân cử, dân nuôi"',
        "community-funded patrol team",
    )
    ESTABLISHMENT_GUARD = (
        "establishment_guard",
        "lực lượng bảo vệ cơ quan, doanh nghiệp",
        "agency or enterprise guard",
    )
    OTHER = ("other", "lực lượng khác", "other force")

    @property
    def legal_life(self) -> LegalLife:
        """Dates and instruments of the type's life in law.

        Example:
            >>> from antq_domain.records.forces import ForceType
            >>> ForceType.MEDIATION_TEAM.legal_life.valid_to is None
            True
        """
        return _LIVES.get(self, _OPEN)

    @property
    def valid_from(self) -> date | None:
        """The first day the type exists in law (``None``: open or not recorded).

        Example:
            >>> from antq_domain.records.forces import ForceType
            >>> ForceType.GRASSROOTS_SECURITY_FORCE.valid_from
            datetime.date(2024, 7, 1)
        """
        return self.legal_life.valid_from

    @property
    def valid_to(self) -> date | None:
        """The last day the type exists in law (``None``: no end).

        Example:
            >>> from antq_domain.records.forces import ForceType
            >>> ForceType.SEMI_PROFESSIONAL_COMMUNE_POLICE.valid_to
            datetime.date(2024, 6, 30)
        """
        return self.legal_life.valid_to

    @property
    def ended_by(self) -> str | None:
        """The number of the instrument that ended the type (``None``: not ended).

        Example:
            >>> from antq_domain.records.forces import ForceType
            >>> ForceType.CIVIL_DEFENCE_TEAM_LEADER.ended_by
            '30/2023/QH15'
        """
        return self.legal_life.ended_by

    @property
    def successor(self) -> ForceType | None:
        """The type that took over when this one ended.

        Example:
            >>> from antq_domain.records.forces import ForceType
            >>> ForceType.CIVIL_GUARD.successor.label.en
            'grassroots security and order force'
        """
        code = self.legal_life.successor
        return None if code is None else ForceType(code)

    def status_on(self, day: date) -> LegalStatus:
        """What the law says about this type on ``day``.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.forces import ForceType
            >>> ForceType.CIVIL_GUARD.status_on(date(2024, 6, 30))
            <LegalStatus.IN_FORCE: 'in_force'>
        """
        life = self.legal_life
        if life.valid_from is not None and day < life.valid_from:
            return LegalStatus.NOT_YET
        if life.valid_to is not None and day > life.valid_to:
            return LegalStatus.ENDED
        return LegalStatus.IN_FORCE


_OPEN = LegalLife(None, None, None, None, None)
_LEGACY = LegalLife(None, _LEGACY_END, None, GRASSROOTS_LAW, "grassroots_security_force")
_LIVES: dict[ForceType, LegalLife] = {
    ForceType.CIVIL_GUARD: _LEGACY,
    ForceType.SEMI_PROFESSIONAL_COMMUNE_POLICE: _LEGACY,
    ForceType.CIVIL_DEFENCE_TEAM_LEADER: _LEGACY,
    ForceType.GRASSROOTS_SECURITY_FORCE: LegalLife(
        _GRASSROOTS_START, None, GRASSROOTS_LAW, None, None
    ),
}


class ForceStrength(Record):
    """How strong a grassroots force is at a place on a date.

    A value: a stock figure. ``members`` is counted in ``person``, ``groups``
    (teams, boards) in ``group``; at least one is given. ``place`` is the
    place the figure is for; ``locations`` lists places the source names
    without splitting the figure ("32 bảo vệ dân phố tại huyện Sa Thầy và
    huyện Kon Plông").

    A legacy force counted after its legal end is *not* an error here (see
    [`legal_status`][antq_domain.records.forces.ForceStrength.legal_status]).

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.forces import ForceStrength
        >>> ForceStrength(force="mediation_team", place="62", as_of=date(2023, 12, 31),
        ...               members={"amount": 5, "unit": "group"})
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: ForceStrength: 1 problem
          members.unit: unit='group': expected 'person' for members
    """

    force: ForceType
    place: str
    locations: tuple[str, ...] = ()
    as_of: date
    members: Quantity | None = None
    groups: Quantity | None = None
    quote: Text | None = None
    source: Text | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _Problems(type(self).__name__)
        if self.members is None and self.groups is None:
            problems.add(("members",), InvariantError("members", None, "members or groups"))
        for field, unit in (("members", Unit.PERSON), ("groups", Unit.GROUP)):
            q: Quantity | None = getattr(self, field)
            if q is not None and q.unit is not unit:
                problems.add(
                    (field, "unit"),
                    InvariantError("unit", q.unit.value, f"{unit.value!r} for {field}"),
                )
        problems.raise_if_any()
        return self

    def legal_status(self, as_of: date | None = None) -> LegalStatus:
        """What the law said about the force on ``as_of`` (default: the figure's date).

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.forces import ForceStrength
            >>> fs = ForceStrength(
            ...     force="semi_professional_commune_police", place="62",
            ...     as_of=date(2023, 12, 31), members={"amount": 98, "unit": "person"})
            >>> fs.legal_status(), fs.legal_status(date(2025, 1, 1))
            (<LegalStatus.IN_FORCE: 'in_force'>, <LegalStatus.ENDED: 'ended'>)
        """
        return self.force.status_on(self.as_of if as_of is None else as_of)
