# Size: the organisation records (levels, agencies, posts, members, committee documents, steering
# committees); 60% of the
# lines are docstrings and their examples, the code is under 300.
"""Organisations, administrative levels and crime-prevention steering committees.

The Kon Tum 2023 report is issued by the provincial *Ban Chỉ đạo phòng, chống
tội phạm* ("BCĐ 138"); it names the agencies that take part in the movement
(police, army, border guard, the Fatherland Front and its member
organisations, the labour federation, …). This module holds:

* [`AdminLevel`][antq_domain.records.organisations.AdminLevel] and
  [`AgencyKind`][antq_domain.records.organisations.AgencyKind], bilingual codelists;
* [`Organisation`][antq_domain.records.organisations.Organisation] (an entity) and
  [`AgencyRef`][antq_domain.records.organisations.AgencyRef] (a value naming an agency by kind,
  optionally by organisation id, level and place);
* [`SteeringCommittee`][antq_domain.records.SteeringCommittee] (an entity) with its
  members ([`Member`][antq_domain.records.organisations.Member]), their tenures
  ([`Tenure`][antq_domain.records.organisations.Tenure]) and the documents it issues or implements
  ([`CommitteeDocument`][antq_domain.records.organisations.CommitteeDocument]).

It also holds the small support shared by the record modules of this layer:
the codelist base (bilingual label per member, ``parse`` raising
[`UnknownCodeError`][antq_domain.UnknownCodeError]) and the collector that lets a record's
single ``model_validator`` report *every* broken rule with its location.

Example:
    >>> from datetime import date
    >>> from antq_domain.records.organisations import SteeringCommittee
    >>> bcd = SteeringCommittee(
    ...     id="kon-tum-bcd138",
    ...     name="Ban Chỉ đạo phòng, chống tội phạm tỉnh Kon Tum",
    ...     level="province",
    ...     place="62",
    ...     members=[
    ...         {"person": "A", "post": "head", "tenure": {"start": date(2021, 7, 1)}},
    ...         {"person": "B", "post": "standing_deputy", "organisation": "kon-tum-police",
    ...          "tenure": {"start": date(2022, 1, 1)}},
    ...     ],
    ... )
    >>> bcd.holder_on("head", date(2023, 12, 31)).person
    'A'
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Self

from pydantic import StringConstraints, model_validator
from pydantic_core import InitErrorDetails, ValidationError

from antq_domain.errors import AntqValueError, InvariantError
from antq_domain.records._base import Record
from antq_domain.values._codelist import Codelist
from antq_domain.values.document import DocumentRef
from antq_domain.values.label import Label, Lang
from antq_domain.values.partial_date import PartialDate

__all__ = [
    "TWO_TIER_FROM",
    "AdminLevel",
    "AgencyKind",
    "AgencyRef",
    "CommitteeDocument",
    "DocumentRole",
    "EntityId",
    "Member",
    "Organisation",
    "Post",
    "SteeringCommittee",
    "Tenure",
]

TWO_TIER_FROM = date(2025, 7, 1)
"""The first day of two-tier local government: no district level from this day on."""

EntityId = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=r"^\S+$")]
"""The id of an entity record: non-empty, no whitespace (e.g. ``kon-tum-bcd138``)."""

Text = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
"""A non-blank text."""


# -- support shared by the record modules of layer 2 ---------------------------


Loc = tuple[int | str, ...]


class _Problems:
    """Collects the broken cross-field rules of one record, with their locations.

    ``raise_if_any`` raises one pydantic ``ValidationError`` (a ``ValueError``) whose line errors
    carry our own errors as context, so `problems_of` lists each with its dotted location
    (``members.1.tenure``) and our message (``end=…: expected …``).
    """

    def __init__(self, title: str) -> None:
        self._title = title
        self._items: list[InitErrorDetails] = []

    def add(self, loc: Loc, error: AntqValueError) -> None:
        self._items.append(
            InitErrorDetails(type="value_error", loc=loc, input=error.value, ctx={"error": error})
        )

    def raise_if_any(self) -> None:
        if self._items:
            raise ValidationError.from_exception_data(self._title, self._items)


# -- codelists ------------------------------------------------------------------


class AdminLevel(Codelist):
    """The administrative level an organisation or committee works at.

    ``district`` exists only before
    [`TWO_TIER_FROM`][antq_domain.records.organisations.TWO_TIER_FROM] (1 July 2025), when the
    district level was abolished.

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.organisations import AdminLevel
        >>> AdminLevel.PROVINCE.label.vi
        'cấp tỉnh'
        >>> AdminLevel.DISTRICT.exists_on(date(2025, 7, 1))
        False
    """

    CENTRAL = ("central", "cấp trung ương", "central level")
    PROVINCE = ("province", "cấp tỉnh", "provincial level")
    DISTRICT = ("district", "cấp huyện", "district level")
    COMMUNE = ("commune", "cấp xã", "commune level")

    def exists_on(self, day: date) -> bool:
        """Whether the level exists on ``day`` (the district level ends on 30 June 2025).

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.organisations import AdminLevel
            >>> AdminLevel.DISTRICT.exists_on(date(2025, 6, 30))
            True
        """
        return self is not AdminLevel.DISTRICT or day < TWO_TIER_FROM


class AgencyKind(Codelist):
    """Kinds of agency and organisation that take part in the movement.

    Example:
        >>> from antq_domain.records.organisations import AdminLevel, AgencyKind
        >>> AgencyKind.FATHERLAND_FRONT.label.en
        'Vietnam Fatherland Front committee'
        >>> AgencyKind.PROVINCIAL_POLICE.allowed_levels == frozenset({AdminLevel.PROVINCE})
        True
        >>> AgencyKind.WOMENS_UNION.is_member_organisation
        True
    """

    MINISTRY_OF_PUBLIC_SECURITY = (
        "ministry_of_public_security",
        "Bộ Công an",
        "Ministry of Public Security",
    )
    PROVINCIAL_POLICE = ("provincial_police", "Công an tỉnh", "provincial police")
    DISTRICT_POLICE = ("district_police", "Công an huyện", "district police")
    COMMUNE_POLICE = ("commune_police", "Công an xã", "commune police")
    BORDER_GUARD = ("border_guard", "Bộ đội Biên phòng", "Border Guard")
    MILITARY_COMMAND = ("military_command", "Bộ Chỉ huy Quân sự", "military command")
    ARMY = ("army", "Quân đội nhân dân", "People's Army")
    FATHERLAND_FRONT = (
        "fatherland_front",
        "Ủy ban Mặt trận Tổ quốc Việt Nam",
        "Vietnam Fatherland Front committee",
    )
    WOMENS_UNION = ("womens_union", "Hội Liên hiệp Phụ nữ", "Women's Union")
    FARMERS_UNION = ("farmers_union", "Hội Nông dân", "Farmers' Union")
    VETERANS_ASSOCIATION = ("veterans_association", "Hội Cựu chiến binh", "Veterans' Association")
    YOUTH_UNION = (
        "youth_union",
        "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
        "Ho Chi Minh Communist Youth Union",
    )
    LABOUR_FEDERATION = ("labour_federation", "Liên đoàn Lao động", "Labour Federation")
    PEOPLES_COMMITTEE = ("peoples_committee", "Ủy ban nhân dân", "People's Committee")
    PEOPLES_COUNCIL = ("peoples_council", "Hội đồng nhân dân", "People's Council")
    PARTY_COMMITTEE = ("party_committee", "cấp ủy Đảng", "Party committee")
    DEPARTMENT = ("department", "sở, ban, ngành", "department or sector")
    ENTERPRISE = ("enterprise", "doanh nghiệp", "enterprise")
    SCHOOL = ("school", "cơ sở giáo dục", "school or educational institution")
    OTHER = ("other", "cơ quan, tổ chức khác", "other agency or organisation")

    @property
    def allowed_levels(self) -> frozenset[AdminLevel]:
        """The levels an organisation of this kind can sit at (all four when unrestricted).

        Example:
            >>> from antq_domain.records.organisations import AgencyKind
            >>> sorted(AgencyKind.MILITARY_COMMAND.allowed_levels)
            [<AdminLevel.DISTRICT: 'district'>, <AdminLevel.PROVINCE: 'province'>]
        """
        return _ALLOWED_LEVELS.get(self, frozenset(AdminLevel))

    @property
    def is_member_organisation(self) -> bool:
        """Whether the kind is a member organisation of the Fatherland Front.

        Example:
            >>> from antq_domain.records.organisations import AgencyKind
            >>> AgencyKind.ARMY.is_member_organisation
            False
        """
        return self in _MEMBER_ORGANISATIONS

    @property
    def is_police(self) -> bool:
        """Whether the kind is a police body (ministry, provincial, district, commune).

        Example:
            >>> from antq_domain.records.organisations import AgencyKind
            >>> AgencyKind.COMMUNE_POLICE.is_police
            True
        """
        return self in _POLICE


_ALLOWED_LEVELS: dict[AgencyKind, frozenset[AdminLevel]] = {
    AgencyKind.MINISTRY_OF_PUBLIC_SECURITY: frozenset({AdminLevel.CENTRAL}),
    AgencyKind.PROVINCIAL_POLICE: frozenset({AdminLevel.PROVINCE}),
    AgencyKind.DISTRICT_POLICE: frozenset({AdminLevel.DISTRICT}),
    AgencyKind.COMMUNE_POLICE: frozenset({AdminLevel.COMMUNE}),
    AgencyKind.MILITARY_COMMAND: frozenset({AdminLevel.PROVINCE, AdminLevel.DISTRICT}),
    AgencyKind.PEOPLES_COMMITTEE: frozenset(
        {AdminLevel.PROVINCE, AdminLevel.DISTRICT, AdminLevel.COMMUNE}
    ),
    AgencyKind.PEOPLES_COUNCIL: frozenset(
        {AdminLevel.PROVINCE, AdminLevel.DISTRICT, AdminLevel.COMMUNE}
    ),
    AgencyKind.DEPARTMENT: frozenset(
        {AdminLevel.CENTRAL, AdminLevel.PROVINCE, AdminLevel.DISTRICT}
    ),
}
_MEMBER_ORGANISATIONS = frozenset(
    {
        AgencyKind.WOMENS_UNION,
        AgencyKind.FARMERS_UNION,
        AgencyKind.VETERANS_ASSOCIATION,
        AgencyKind.YOUTH_UNION,
        AgencyKind.LABOUR_FEDERATION,
    }
)
_POLICE = frozenset(
    {
        AgencyKind.MINISTRY_OF_PUBLIC_SECURITY,
        AgencyKind.PROVINCIAL_POLICE,
        AgencyKind.DISTRICT_POLICE,
        AgencyKind.COMMUNE_POLICE,
    }
)


def _check_level(problems: _Problems, kind: AgencyKind, level: AdminLevel | None) -> None:
    if level is not None and level not in kind.allowed_levels:
        allowed = ", ".join(sorted(lv.value for lv in kind.allowed_levels))
        problems.add(
            ("level",),
            InvariantError("level", level.value, f"one of {allowed} for a {kind.value!r}"),
        )


class Post(Codelist):
    """A post on a steering committee.

    ``head``, ``standing_deputy`` and ``standing_office`` have a single holder
    at any time; the other posts may have many.

    Example:
        >>> from antq_domain.records.organisations import Post
        >>> Post.STANDING_DEPUTY.label.vi
        'Phó Trưởng ban Thường trực'
        >>> Post.HEAD.single_holder, Post.MEMBER.single_holder
        (True, False)
    """

    HEAD = ("head", "Trưởng ban", "head")
    STANDING_DEPUTY = ("standing_deputy", "Phó Trưởng ban Thường trực", "standing deputy head")
    DEPUTY = ("deputy", "Phó Trưởng ban", "deputy head")
    STANDING_MEMBER = ("standing_member", "Ủy viên Thường trực", "standing member")
    MEMBER = ("member", "Ủy viên", "member")
    SECRETARY = ("secretary", "Thư ký", "secretary")
    STANDING_OFFICE = (
        "standing_office",
        "Cơ quan Thường trực",
        "standing office (agency serving the committee)",
    )

    @property
    def single_holder(self) -> bool:
        """Whether at most one member holds the post at any time.

        Example:
            >>> from antq_domain.records.organisations import Post
            >>> Post.STANDING_OFFICE.single_holder
            True
        """
        return self in (Post.HEAD, Post.STANDING_DEPUTY, Post.STANDING_OFFICE)


class DocumentRole(Codelist):
    """Whether a committee issued a document or implements one issued above it.

    Example:
        >>> from antq_domain.records.organisations import DocumentRole
        >>> DocumentRole.IMPLEMENTED.label.vi
        'triển khai thực hiện'
    """

    ISSUED = ("issued", "ban hành", "issued")
    IMPLEMENTED = ("implemented", "triển khai thực hiện", "implemented")


# -- records -------------------------------------------------------------------


class AgencyRef(Record):
    """A reference to an agency: its kind, and where known its id, level and place.

    A value. Programme parties, proposers of awards and announcing
    authorities are given this way, since reports often name an agency
    ("Liên đoàn Lao động tỉnh") without anything more.

    Example:
        >>> from antq_domain.records.organisations import AgencyRef
        >>> AgencyRef(kind="labour_federation", level="province", place="62").kind.label.vi
        'Liên đoàn Lao động'
        >>> AgencyRef(kind="provincial_police", level="commune")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: AgencyRef: 1 problem
          level: level='commune': expected one of province for a 'provincial_police'
    """

    kind: AgencyKind
    organisation: EntityId | None = None
    level: AdminLevel | None = None
    place: str | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _Problems(type(self).__name__)
        _check_level(problems, self.kind, self.level)
        problems.raise_if_any()
        return self


class Organisation(Record):
    """An agency or organisation (police, Front committee, union, enterprise, …).

    An entity: identified by ``id``. ``name`` is a bilingual
    [`Label`][antq_domain.Label] or, where only the Vietnamese name is known, a plain
    string. ``place`` is a place code of the register; ``level`` must be one the kind allows
    (provincial police sit at province level).

    Example:
        >>> from antq_domain.records.organisations import Organisation
        >>> police = Organisation(
        ...     id="kon-tum-police", kind="provincial_police", name="Công an tỉnh Kon Tum",
        ...     place="62", level="province",
        ... )
        >>> police.name_text("vi")
        'Công an tỉnh Kon Tum'
        >>> police.ref().kind
        <AgencyKind.PROVINCIAL_POLICE: 'provincial_police'>
    """

    id: EntityId
    kind: AgencyKind
    name: Label | Text
    place: str | None = None
    level: AdminLevel | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _Problems(type(self).__name__)
        _check_level(problems, self.kind, self.level)
        problems.raise_if_any()
        return self

    def name_text(self, lang: Lang = "vi") -> str:
        """The name in ``lang``; a Vietnamese-only name is returned for both languages.

        Example:
            >>> from antq_domain.records.organisations import Organisation
            >>> Organisation(id="x", kind="other", name="Hội Người cao tuổi").name_text("en")
            'Hội Người cao tuổi'
        """
        return self.name.text(lang) if isinstance(self.name, Label) else self.name

    def ref(self) -> AgencyRef:
        """An `AgencyRef` pointing at this organisation.

        Example:
            >>> from antq_domain.records.organisations import Organisation
            >>> Organisation(id="ldld", kind="labour_federation", name="LĐLĐ").ref().organisation
            'ldld'
        """
        return AgencyRef(kind=self.kind, organisation=self.id, level=self.level, place=self.place)

    def is_same(self, other: Organisation) -> bool:
        """Entity identity: whether ``other`` is the same organisation (same id).

        ``==`` compares content; two versions of one organisation are the
        same entity.

        Example:
            >>> from antq_domain.records.organisations import Organisation
            >>> a = Organisation(id="x", kind="other", name="A")
            >>> a.is_same(Organisation(id="x", kind="other", name="B"))
            True
        """
        return self.id == other.id


class Tenure(Record):
    """The dates a member holds a post: ``start`` and an optional inclusive ``end``.

    A value. An open ``end`` means the tenure is still running. Rule: ``end``
    is not before ``start``.

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.organisations import Tenure
        >>> t = Tenure(start=date(2021, 7, 1), end=date(2023, 6, 30))
        >>> t.contains(date(2022, 1, 1)), t.contains(date(2023, 7, 1))
        (True, False)
        >>> Tenure(start=date(2021, 7, 1), end=date(2021, 6, 30))
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Tenure: 1 problem
          end: end=datetime.date(2021, 6, 30): expected a date on or after start=2021-07-01
    """

    start: date
    end: date | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _Problems(type(self).__name__)
        if self.end is not None and self.end < self.start:
            problems.add(
                ("end",),
                InvariantError("end", self.end, f"a date on or after start={self.start}"),
            )
        problems.raise_if_any()
        return self

    def contains(self, day: date) -> bool:
        """Whether the tenure runs on ``day`` (both ends inclusive).

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.organisations import Tenure
            >>> Tenure(start=date(2020, 1, 1)).contains(date(2030, 1, 1))
            True
        """
        return self.start <= day and (self.end is None or day <= self.end)

    def overlaps(self, other: Tenure) -> bool:
        """Whether the two tenures share at least one day.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.organisations import Tenure
            >>> a = Tenure(start=date(2020, 1, 1), end=date(2021, 12, 31))
            >>> a.overlaps(Tenure(start=date(2022, 1, 1)))
            False
            >>> a.overlaps(Tenure(start=date(2021, 12, 31)))
            True
        """
        return (self.end is None or other.start <= self.end) and (
            other.end is None or self.start <= other.end
        )


class Member(Record):
    """A member of a steering committee: person, post, agency and tenure.

    A value. ``person`` may be left out only for the ``standing_office`` post, which an agency
    (usually the police) holds. ``organisation`` is the id of the member's
    [`Organisation`][antq_domain.records.organisations.Organisation]; ``agency`` its kind when no
    organisation record exists.

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.organisations import Member
        >>> m = Member(person="Nguyễn Văn A", post="head", tenure={"start": date(2021, 7, 1)})
        >>> m.post.label.en
        'head'
        >>> Member(post="deputy", tenure={"start": date(2021, 7, 1)})
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Member: 1 problem
          person: person=None: expected a person's name for the post 'deputy'
    """

    person: Text | None = None
    post: Post
    organisation: EntityId | None = None
    agency: AgencyKind | None = None
    tenure: Tenure

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _Problems(type(self).__name__)
        if self.person is None and self.post is not Post.STANDING_OFFICE:
            problems.add(
                ("person",),
                InvariantError("person", None, f"a person's name for the post {self.post.value!r}"),
            )
        problems.raise_if_any()
        return self


class CommitteeDocument(Record):
    """A document a committee issued or implements, with its date and subject.

    A value. The date lives here, not in the
    [`DocumentRef`][antq_domain.DocumentRef] (an administrative number such as
    ``09/CTr-BCA-MTTQ`` carries no year).

    Example:
        >>> from antq_domain.records.organisations import CommitteeDocument
        >>> d = CommitteeDocument(document="09/CTr-BCA-MTTQ", role="implemented",
        ...                       date="2013-08-01", subject="phong trào toàn dân bảo vệ ANTQ")
        >>> d.role.value, str(d.date)
        ('implemented', '2013-08-01')
    """

    document: DocumentRef
    role: DocumentRole = DocumentRole.ISSUED
    date: PartialDate | None = None
    subject: Text | None = None


class SteeringCommittee(Record):
    """A crime-prevention steering committee (Ban Chỉ đạo phòng, chống tội phạm, "BCĐ 138").

    An entity: identified by ``id``. Names vary by province and year ("Ban
    Chỉ đạo 138", "Ban Chỉ đạo 09", …), so ``name`` is free text and
    ``aliases`` keeps the others. ``parent`` is the id of the committee one
    level up.

    Rules: the committee is not its own parent; no two members hold a single-holder post (head,
    standing deputy, standing office) on the same day; every tenure ends on or after it starts
    (checked by [`Tenure`][antq_domain.records.organisations.Tenure]).

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.organisations import SteeringCommittee
        >>> SteeringCommittee(
        ...     id="bcd", name="BCĐ 138", level="province", place="62",
        ...     members=[
        ...         {"person": "A", "post": "head", "tenure": {"start": date(2020, 1, 1)}},
        ...         {"person": "B", "post": "head", "tenure": {"start": date(2023, 1, 1)}},
        ...     ],
        ... )
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: SteeringCommittee: 1 problem
          members.1.tenure: tenure=...: expected no overlap with members.0 ('A'), ...
    """

    id: EntityId
    name: Label | Text
    aliases: tuple[Text, ...] = ()
    level: AdminLevel
    place: str
    parent: EntityId | None = None
    members: tuple[Member, ...] = ()
    documents: tuple[CommitteeDocument, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _Problems(type(self).__name__)
        if self.parent is not None and self.parent == self.id:
            problems.add(
                ("parent",), InvariantError("parent", self.parent, "the id of another committee")
            )
        for j, later in enumerate(self.members):
            if not later.post.single_holder:
                continue
            for i in range(j):
                earlier = self.members[i]
                if earlier.post is later.post and earlier.tenure.overlaps(later.tenure):
                    who = earlier.person or earlier.organisation or earlier.agency
                    problems.add(
                        ("members", j, "tenure"),
                        InvariantError(
                            "tenure",
                            _tenure_text(later.tenure),
                            f"no overlap with members.{i} ({who!r}), who holds the "
                            f"single-holder post {later.post.value!r} from "
                            f"{_tenure_text(earlier.tenure)}",
                        ),
                    )
                    break
        problems.raise_if_any()
        return self

    def holders(self, post: Post | str, on: date) -> tuple[Member, ...]:
        """The members holding ``post`` on day ``on``.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.organisations import SteeringCommittee
            >>> a = {"person": "A", "post": "member", "tenure": {"start": date(2020, 1, 1)}}
            >>> b = {"person": "B", "post": "member", "tenure": {"start": date(2022, 1, 1)}}
            >>> bcd = SteeringCommittee(id="b", name="BCĐ", level="district", place="x",
            ...                         members=[a, b])
            >>> [m.person for m in bcd.holders("member", date(2021, 1, 1))]
            ['A']
        """
        wanted = Post.parse(post) if isinstance(post, str) else post
        return tuple(m for m in self.members if m.post is wanted and m.tenure.contains(on))

    def holder_on(self, post: Post | str, on: date) -> Member | None:
        """The single holder of ``post`` on ``on``, or ``None`` when the post is vacant.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.organisations import SteeringCommittee
            >>> SteeringCommittee(id="b", name="BCĐ", level="province", place="62").holder_on(
            ...     "head", date(2023, 1, 1)) is None
            True
        """
        found = self.holders(post, on)
        return found[0] if found else None

    def is_same(self, other: SteeringCommittee) -> bool:
        """Entity identity: whether ``other`` is the same committee (same id).

        Example:
            >>> from antq_domain.records.organisations import SteeringCommittee
            >>> a = SteeringCommittee(id="b", name="BCĐ 138", level="province", place="62")
            >>> a.is_same(a.model_copy(update={"name": "BCĐ 09"}))
            True
        """
        return self.id == other.id


def _tenure_text(tenure: Tenure) -> str:
    return f"{tenure.start}..{tenure.end if tenure.end is not None else ''}"
