"""Commendations (khen thưởng): form, conferring authority, recipients, status.

A [`Commendation`][antq_domain.records.Commendation] is one cell of awards as reports
state them: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 03 tập thể" is one commendation (form
``certificate_of_merit``, issuer ``provincial_people_committee_chair``, 3 collective recipients,
conferred); the "05 cá nhân" of the same sentence is another. Awards that are only proposed ("đề
nghị Bộ trưởng Bộ Công an tặng Bằng khen") have status ``proposed`` and may name the proposer.

Whether an authority may lawfully confer a form is checked by evaluation (it is a finding, not a
construction error); [`Authority.level`][antq_domain.records.commendations.Authority.level] and
[`Authority.is_state`][antq_domain.records.commendations.Authority.is_state] give it the facts.

Example:
    >>> from antq_domain.records.commendations import Commendation
    >>> c = Commendation(form="certificate_of_merit", issuer="provincial_people_committee_chair",
    ...                  recipient_kind="collective", count=3, status="conferred")
    >>> c.form.label.vi, c.issuer.label.vi, c.recipient_count
    ('Bằng khen', 'Chủ tịch Ủy ban nhân dân tỉnh', 3)
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import Field, model_validator

from antq_domain.errors import InvariantError
from antq_domain.records._base import Record
from antq_domain.records.organisations import (
    AdminLevel,
    AgencyRef,
    EntityId,
    Text,
    _Problems,
)
from antq_domain.values._codelist import Codelist
from antq_domain.values.partial_date import PartialDate

__all__ = [
    "Authority",
    "Commendation",
    "CommendationForm",
    "CommendationStatus",
    "RecipientKind",
]


class CommendationForm(Codelist):
    """Forms of commendation (Law 06/2022/QH15 Art. 9, plus emulation titles).

    Example:
        >>> from antq_domain.records.commendations import CommendationForm
        >>> CommendationForm.CERTIFICATE_OF_COMMENDATION.label.vi
        'Giấy khen'
    """

    ORDER = ("order", "Huân chương", "order")
    MEDAL = ("medal", "Huy chương", "medal")
    COMMEMORATIVE_MEDAL = ("commemorative_medal", "Kỷ niệm chương", "commemorative medal")
    CERTIFICATE_OF_MERIT = ("certificate_of_merit", "Bằng khen", "certificate of merit")
    CERTIFICATE_OF_COMMENDATION = (
        "certificate_of_commendation",
        "Giấy khen",
        "certificate of commendation",
    )
    EMULATION_TITLE = ("emulation_title", "danh hiệu thi đua", "emulation title")
    UNSPECIFIED = ("unspecified", "khen thưởng (không rõ hình thức)", "unspecified form")


class Authority(Codelist):
    """Who confers (or is asked to confer) a commendation.

    ``is_state`` is false for the Fatherland Front's and mass organisations'
    own awards (a provincial Front chair's Bằng khen is an internal Front
    form, not the State's provincial Bằng khen).

    Example:
        >>> from antq_domain.records.commendations import Authority
        >>> Authority.PROVINCIAL_POLICE_DIRECTOR.label.vi
        'Giám đốc Công an tỉnh'
        >>> Authority.PROVINCIAL_FATHERLAND_FRONT_CHAIR.is_state
        False
    """

    PRESIDENT = ("president", "Chủ tịch nước", "President")
    PRIME_MINISTER = ("prime_minister", "Thủ tướng Chính phủ", "Prime Minister")
    GOVERNMENT = ("government", "Chính phủ", "Government")
    MINISTER_OF_PUBLIC_SECURITY = (
        "minister_of_public_security",
        "Bộ trưởng Bộ Công an",
        "Minister of Public Security",
    )
    VFF_CENTRAL_CHAIR = (
        "vff_central_chair",
        "Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        "Chair of the VFF Central Committee",
    )
    PROVINCIAL_PEOPLE_COMMITTEE_CHAIR = (
        "provincial_people_committee_chair",
        "Chủ tịch Ủy ban nhân dân tỉnh",
        "Chair of the provincial People's Committee",
    )
    PROVINCIAL_FATHERLAND_FRONT_CHAIR = (
        "provincial_fatherland_front_chair",
        "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
        "Chair of the provincial Fatherland Front committee",
    )
    PROVINCIAL_LABOUR_FEDERATION_CHAIR = (
        "provincial_labour_federation_chair",
        "Chủ tịch Liên đoàn Lao động tỉnh",
        "Chair of the provincial Labour Federation",
    )
    PROVINCIAL_POLICE_DIRECTOR = (
        "provincial_police_director",
        "Giám đốc Công an tỉnh",
        "Director of the provincial police",
    )
    PROVINCIAL_DEPARTMENT_HEAD = (
        "provincial_department_head",
        "Giám đốc sở, thủ trưởng ban, ngành tỉnh",
        "head of a provincial department",
    )
    DISTRICT_PEOPLE_COMMITTEE_CHAIR = (
        "district_people_committee_chair",
        "Chủ tịch Ủy ban nhân dân huyện",
        "Chair of the district People's Committee",
    )
    DISTRICT_POLICE_CHIEF = (
        "district_police_chief",
        "Trưởng Công an huyện",
        "Chief of the district police",
    )
    COMMUNE_PEOPLE_COMMITTEE_CHAIR = (
        "commune_people_committee_chair",
        "Chủ tịch Ủy ban nhân dân xã",
        "Chair of the commune People's Committee",
    )
    OTHER = ("other", "cấp có thẩm quyền khác", "other authority")

    @property
    def level(self) -> AdminLevel | None:
        """The administrative level the authority acts at (``None`` for ``other``).

        Example:
            >>> from antq_domain.records.commendations import Authority
            >>> Authority.DISTRICT_POLICE_CHIEF.level
            <AdminLevel.DISTRICT: 'district'>
        """
        return _AUTHORITY_LEVELS.get(self)

    @property
    def is_state(self) -> bool:
        """Whether the authority confers State commendations (not a Front or union's own).

        Example:
            >>> from antq_domain.records.commendations import Authority
            >>> Authority.MINISTER_OF_PUBLIC_SECURITY.is_state
            True
        """
        return self not in _NON_STATE


_AUTHORITY_LEVELS: dict[Authority, AdminLevel] = {
    Authority.PRESIDENT: AdminLevel.CENTRAL,
    Authority.PRIME_MINISTER: AdminLevel.CENTRAL,
    Authority.GOVERNMENT: AdminLevel.CENTRAL,
    Authority.MINISTER_OF_PUBLIC_SECURITY: AdminLevel.CENTRAL,
    Authority.VFF_CENTRAL_CHAIR: AdminLevel.CENTRAL,
    Authority.PROVINCIAL_PEOPLE_COMMITTEE_CHAIR: AdminLevel.PROVINCE,
    Authority.PROVINCIAL_FATHERLAND_FRONT_CHAIR: AdminLevel.PROVINCE,
    Authority.PROVINCIAL_LABOUR_FEDERATION_CHAIR: AdminLevel.PROVINCE,
    Authority.PROVINCIAL_POLICE_DIRECTOR: AdminLevel.PROVINCE,
    Authority.PROVINCIAL_DEPARTMENT_HEAD: AdminLevel.PROVINCE,
    Authority.DISTRICT_PEOPLE_COMMITTEE_CHAIR: AdminLevel.DISTRICT,
    Authority.DISTRICT_POLICE_CHIEF: AdminLevel.DISTRICT,
    Authority.COMMUNE_PEOPLE_COMMITTEE_CHAIR: AdminLevel.COMMUNE,
}
_NON_STATE = frozenset(
    {
        Authority.PROVINCIAL_FATHERLAND_FRONT_CHAIR,
        Authority.PROVINCIAL_LABOUR_FEDERATION_CHAIR,
        Authority.OTHER,
    }
)


class RecipientKind(Codelist):
    """Who receives a commendation: a collective, an individual or a household.

    Example:
        >>> from antq_domain.records.commendations import RecipientKind
        >>> RecipientKind.COLLECTIVE.label.vi
        'tập thể'
    """

    COLLECTIVE = ("collective", "tập thể", "collective")
    INDIVIDUAL = ("individual", "cá nhân", "individual")
    HOUSEHOLD = ("household", "hộ gia đình", "household")


class CommendationStatus(Codelist):
    """Whether a commendation was conferred or only proposed to the authority.

    Example:
        >>> from antq_domain.records.commendations import CommendationStatus
        >>> CommendationStatus.PROPOSED.label.vi
        'đề nghị khen thưởng'
    """

    CONFERRED = ("conferred", "đã khen thưởng", "conferred")
    PROPOSED = ("proposed", "đề nghị khen thưởng", "proposed")


class Commendation(Record):
    """One cell of awards: form × issuer × recipient kind × status, with recipients.

    A value (one line of a report's awards); the optional ``id`` lets a
    programme review or an event cite it. Give ``count`` (> 0), the named
    ``recipients``, or both; with both, ``count`` equals the number of names.
    ``proposer`` (the agency that asked for the award) is only for
    ``proposed`` commendations. ``occasion`` describes the event;
    ``programme`` is the id of the cooperation programme it belongs to.

    Example:
        >>> from antq_domain.records.commendations import Commendation
        >>> Commendation(form="certificate_of_merit", issuer="minister_of_public_security",
        ...              recipient_kind="individual", count=2, recipients=["Nguyễn Văn A"],
        ...              status="conferred", proposer={"kind": "provincial_police"})
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Commendation: 2 problems
          count: count=2: expected 1, the number of named recipients
          proposer: proposer=...: expected no proposer for a 'conferred' commendation
    """

    id: EntityId | None = None
    form: CommendationForm
    issuer: Authority
    recipient_kind: RecipientKind
    count: Annotated[int, Field(gt=0, strict=True)] | None = None
    recipients: tuple[Text, ...] = ()
    status: CommendationStatus
    occasion: Text | None = None
    programme: EntityId | None = None
    date: PartialDate | None = None
    place: str | None = None
    proposer: AgencyRef | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _Problems(type(self).__name__)
        if self.count is None and not self.recipients:
            problems.add(("count",), InvariantError("count", None, "a count or named recipients"))
        if self.count is not None and self.recipients and self.count != len(self.recipients):
            problems.add(
                ("count",),
                InvariantError(
                    "count",
                    self.count,
                    f"{len(self.recipients)}, the number of named recipients",
                ),
            )
        if self.proposer is not None and self.status is not CommendationStatus.PROPOSED:
            problems.add(
                ("proposer",),
                InvariantError(
                    "proposer",
                    self.proposer.kind.value,
                    f"no proposer for a {self.status.value!r} commendation",
                ),
            )
        problems.raise_if_any()
        return self

    @property
    def recipient_count(self) -> int:
        """How many recipients: ``count``, or the number of names.

        Example:
            >>> from antq_domain.records.commendations import Commendation
            >>> Commendation(form="commemorative_medal", issuer="minister_of_public_security",
            ...              recipient_kind="individual", recipients=["A", "B"],
            ...              status="conferred").recipient_count
            2
        """
        return self.count if self.count is not None else len(self.recipients)
