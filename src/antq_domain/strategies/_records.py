"""Strategies for the domain records: committees, campaigns, models, forces, programmes, awards.

Every example is valid by construction, cross-field rules included (no two
heads of a committee at once, no district-scope replication after the
district level ended, a commendation's count equal to its named
recipients, …), so tests never need ``assume``.

Example:
    >>> from antq_domain.strategies._records import commendations
    >>> from antq_domain.records.commendations import Commendation
    >>> isinstance(commendations().example(), Commendation)  # doctest: +SKIP
    True
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TypeVar

from hypothesis import strategies as st

from antq_domain.records.activities import PARTICIPANT_UNITS, ROUND_UNITS, Campaign, CampaignTheme
from antq_domain.records.commendations import (
    Authority,
    Commendation,
    CommendationForm,
    CommendationStatus,
    RecipientKind,
)
from antq_domain.records.forces import ForceStrength, ForceType
from antq_domain.records.models import (
    ExemplaryModel,
    ModelOwner,
    ModelStatus,
    Replication,
    ReplicationScope,
    Review,
    ReviewKind,
)
from antq_domain.records.narrative import Direction, Limitation
from antq_domain.records.organisations import (
    TWO_TIER_FROM,
    AdminLevel,
    AgencyKind,
    AgencyRef,
    CommitteeDocument,
    DocumentRole,
    Member,
    Organisation,
    Post,
    SteeringCommittee,
    Tenure,
)
from antq_domain.records.programmes import (
    CooperationProgramme,
    JointActivity,
    JointActivityKind,
    ProgrammeReview,
)
from antq_domain.values.document import DocumentRef
from antq_domain.values.partial_date import PartialDate
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier, Unit

__all__ = [
    "agency_refs",
    "campaigns",
    "commendations",
    "cooperation_programmes",
    "directions",
    "exemplary_models",
    "force_strengths",
    "limitations",
    "organisations",
    "steering_committees",
    "tenures",
]

_FIRST_YEAR = 2000
_LAST_YEAR = 2030
_LETTERS = "abcdeghiklmnopqrstuvxyăâđêôơư"
_PLACES = ("62", "608", "610", "613", "616", "51")


def _ids() -> st.SearchStrategy[str]:
    return st.from_regex(r"[a-z][a-z0-9-]{0,11}", fullmatch=True)


def _texts() -> st.SearchStrategy[str]:
    word = st.text(_LETTERS, min_size=1, max_size=8)
    return st.lists(word, min_size=1, max_size=4).map(" ".join)


def _places() -> st.SearchStrategy[str]:
    return st.sampled_from(_PLACES)


def _years(min_year: int = _FIRST_YEAR, max_year: int = _LAST_YEAR) -> st.SearchStrategy[int]:
    return st.integers(min_year, max(min_year, max_year))


def _dates(min_year: int = _FIRST_YEAR, max_year: int = _LAST_YEAR) -> st.SearchStrategy[date]:
    return st.dates(date(min_year, 1, 1), date(max(min_year, max_year), 12, 31))


def _partial_dates(
    min_year: int = _FIRST_YEAR, max_year: int = _LAST_YEAR
) -> st.SearchStrategy[PartialDate]:
    def cut(day: date, precision: int) -> PartialDate:
        if precision == 0:
            return PartialDate(day.year)
        if precision == 1:
            return PartialDate(day.year, day.month)
        return PartialDate.from_date(day)

    return st.builds(cut, _dates(min_year, max_year), st.integers(0, 2))


def _periods(min_year: int = _FIRST_YEAR, max_year: int = _LAST_YEAR) -> st.SearchStrategy[Period]:
    year = _years(min_year, max_year).map(Period.year)
    span = st.tuples(_years(min_year, max_year - 1), st.integers(1, 10)).map(
        lambda t: Period.span(t[0], t[0] + t[1])
    )
    return st.one_of(year, span)


def _document_refs() -> st.SearchStrategy[DocumentRef]:
    number = st.integers(1, 999)
    shapes = st.sampled_from(
        ["{n:02d}/CTr-BCA-MTTQ", "{n:02d}/HD-BCA-V05", "{n:02d}/QĐ-TTg", "{n:02d}/KH-UBND"]
    )
    return st.builds(lambda n, shape: DocumentRef.parse(shape.format(n=n)), number, shapes)


def _quantities(units: frozenset[Unit] | set[Unit]) -> st.SearchStrategy[Quantity]:
    return st.builds(
        Quantity,
        st.integers(0, 500_000),
        st.sampled_from(sorted(units)),
        st.sampled_from(list(Qualifier)),
    )


def agency_refs(
    *, kinds: st.SearchStrategy[AgencyKind] | None = None
) -> st.SearchStrategy[AgencyRef]:
    """Agency references whose level, when given, is one the kind allows.

    Shrinks towards the Ministry of Public Security with nothing else given.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import agency_refs
        >>> x = find(agency_refs(), lambda _: True)
        >>> type(x).__name__
        'AgencyRef'
    """

    @st.composite
    def build(draw: st.DrawFn) -> AgencyRef:
        kind = draw(st.sampled_from(list(AgencyKind)) if kinds is None else kinds)
        levels = sorted(kind.allowed_levels)
        return AgencyRef(
            kind=kind,
            organisation=draw(st.none() | _ids()),
            level=draw(st.none() | st.sampled_from(levels)),
            place=draw(st.none() | _places()),
        )

    return build()


def organisations() -> st.SearchStrategy[Organisation]:
    """Organisations with a level the kind allows (or none).

    Shrinks towards the Ministry of Public Security with a one-letter name.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import organisations
        >>> x = find(organisations(), lambda _: True)
        >>> type(x).__name__
        'Organisation'
    """

    @st.composite
    def build(draw: st.DrawFn) -> Organisation:
        ref = draw(agency_refs())
        return Organisation(
            id=draw(_ids()),
            kind=ref.kind,
            name=draw(_texts()),
            place=ref.place,
            level=ref.level,
        )

    return build()


def tenures(
    min_start: date = date(_FIRST_YEAR, 1, 1), max_start: date = date(_LAST_YEAR, 12, 31)
) -> st.SearchStrategy[Tenure]:
    """Tenures starting between the bounds; the end, when given, is on or after the start.

    Shrinks towards an open tenure starting on ``min_start``.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import tenures
        >>> x = find(tenures(), lambda _: True)
        >>> x.end is None or x.end >= x.start
        True
    """
    return st.builds(
        lambda start, length: Tenure(
            start=start, end=None if length is None else start + timedelta(days=length)
        ),
        st.dates(min_start, max_start),
        st.none() | st.integers(0, 3650),
    )


def _single_holder_chain(post: Post, size: int) -> st.SearchStrategy[list[Member]]:
    """Members holding ``post`` one after another, never on the same day."""

    @st.composite
    def build(draw: st.DrawFn) -> list[Member]:
        start = draw(_dates(_FIRST_YEAR, 2010))
        out: list[Member] = []
        for i in range(size):
            last = i == size - 1
            lengths = st.none() | st.integers(0, 1500) if last else st.integers(0, 1500)
            length = draw(lengths)
            end = None if length is None else start + timedelta(days=length)
            person = None if post is Post.STANDING_OFFICE else draw(_texts())
            out.append(
                Member(
                    person=person,
                    post=post,
                    organisation=draw(st.none() | _ids()),
                    agency=draw(st.none() | st.sampled_from(list(AgencyKind))),
                    tenure=Tenure(start=start, end=end),
                )
            )
            if end is None:
                break
            start = end + timedelta(days=draw(st.integers(1, 400)))
        return out

    return build()


def steering_committees(*, max_members: int = 8) -> st.SearchStrategy[SteeringCommittee]:
    """Steering committees whose single-holder posts never have two holders on one day.

    Heads, standing deputies and standing offices come in chains of
    successive tenures; other posts have any tenures. Shrinks towards a
    provincial committee with no members and no documents.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import steering_committees
        >>> x = find(steering_committees(), lambda _: True)
        >>> type(x).__name__
        'SteeringCommittee'
    """

    @st.composite
    def build(draw: st.DrawFn) -> SteeringCommittee:
        members: list[Member] = []
        for post in (Post.HEAD, Post.STANDING_DEPUTY, Post.STANDING_OFFICE):
            members += draw(_single_holder_chain(post, draw(st.integers(0, 3))))
        others = st.builds(
            Member,
            person=_texts(),
            post=st.sampled_from([p for p in Post if not p.single_holder]),
            organisation=st.none() | _ids(),
            agency=st.none() | st.sampled_from(list(AgencyKind)),
            tenure=tenures(),
        )
        members += draw(st.lists(others, max_size=max(0, max_members - len(members))))
        members = draw(st.permutations(members)) if members else members
        committee_id = draw(_ids())
        documents = st.builds(
            CommitteeDocument,
            document=_document_refs(),
            role=st.sampled_from(list(DocumentRole)),
            date=st.none() | _partial_dates(),
            subject=st.none() | _texts(),
        )
        return SteeringCommittee(
            id=committee_id,
            name=draw(_texts()),
            aliases=tuple(draw(st.lists(_texts(), max_size=2))),
            level=draw(st.sampled_from(list(AdminLevel))),
            place=draw(_places()),
            parent=draw(st.none() | _ids().filter(lambda p: p != committee_id)),
            members=tuple(members),
            documents=tuple(draw(st.lists(documents, max_size=3))),
        )

    return build()


def campaigns() -> st.SearchStrategy[Campaign]:
    """Campaign lines: one or more distinct themes, a period or a date, counts in their units.

    Shrinks towards a single ``movement_launch`` theme over one year with no counts.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import campaigns
        >>> x = find(campaigns(), lambda _: True)
        >>> type(x).__name__
        'Campaign'
    """

    @st.composite
    def build(draw: st.DrawFn) -> Campaign:
        themes = draw(st.lists(st.sampled_from(list(CampaignTheme)), min_size=1, unique=True))
        use_date = draw(st.booleans())
        return Campaign(
            id=draw(st.none() | _ids()),
            themes=tuple(themes),
            period=None if use_date else draw(_periods()),
            date=draw(_dates()) if use_date else None,
            place=draw(_places()),
            organiser=draw(st.none() | agency_refs()),
            rounds=draw(st.none() | _quantities(ROUND_UNITS)),
            participants=draw(st.none() | _quantities(PARTICIPANT_UNITS)),
            quote=draw(st.none() | _texts()),
            source=draw(st.none() | _texts()),
        )

    return build()


def _replications(after_year: int | None) -> st.SearchStrategy[Replication]:
    """Replications dated after ``after_year``; district scope only before the reform."""
    low = _FIRST_YEAR if after_year is None else after_year + 1
    last_district_year = TWO_TIER_FROM.year - 1

    @st.composite
    def build(draw: st.DrawFn) -> Replication:
        scope = draw(st.sampled_from(list(ReplicationScope)))
        high = last_district_year if scope is ReplicationScope.DISTRICT else _LAST_YEAR
        return Replication(
            scope=scope,
            date=draw(st.none() | _partial_dates(low, max(low, high))),
            document=draw(st.none() | _document_refs()),
            authority=draw(st.none() | agency_refs()),
        )

    return build()


def exemplary_models(
    *, max_reviews: int = 3, max_replications: int = 3
) -> st.SearchStrategy[ExemplaryModel]:
    """Exemplary models whose reviews and replications never predate their start.

    Shrinks towards an active police model with no start, reviews or replications.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import exemplary_models
        >>> x = find(exemplary_models(), lambda _: True)
        >>> type(x).__name__
        'ExemplaryModel'
    """

    @st.composite
    def build(draw: st.DrawFn) -> ExemplaryModel:
        start = draw(st.none() | _partial_dates(_FIRST_YEAR, 2020))
        low = _FIRST_YEAR if start is None else start.year + 1
        reviews = st.builds(
            Review,
            kind=st.sampled_from(list(ReviewKind)),
            date=_partial_dates(low, _LAST_YEAR),
            span=st.none() | _periods(),
            document=st.none() | _document_refs(),
        )
        return ExemplaryModel(
            id=draw(_ids()),
            name=draw(_texts()),
            kind=draw(st.from_regex(r"[a-z][a-z0-9_]{0,20}", fullmatch=True)),
            owner=draw(st.sampled_from(list(ModelOwner))),
            place=draw(_places()),
            start=start,
            status=draw(st.sampled_from(list(ModelStatus))),
            points=draw(st.none() | _quantities({Unit.SITE})),
            teams=draw(st.none() | _quantities({Unit.GROUP})),
            reviews=tuple(draw(st.lists(reviews, max_size=max_reviews))),
            replications=tuple(
                draw(
                    st.lists(
                        _replications(None if start is None else start.year),
                        max_size=max_replications,
                    )
                )
            ),
        )

    return build()


def force_strengths() -> st.SearchStrategy[ForceStrength]:
    """Force strengths with members (persons) and/or groups, any force type and date.

    Legacy forces after their legal end are included: that is a finding for
    evaluation, not an invalid record. Shrinks towards civil guards with a
    member count only.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import force_strengths
        >>> x = find(force_strengths(), lambda _: True)
        >>> type(x).__name__
        'ForceStrength'
    """

    @st.composite
    def build(draw: st.DrawFn) -> ForceStrength:
        which = draw(st.sampled_from(["members", "groups", "both"]))
        members = draw(_quantities({Unit.PERSON})) if which != "groups" else None
        groups = draw(_quantities({Unit.GROUP})) if which != "members" else None
        return ForceStrength(
            force=draw(st.sampled_from(list(ForceType))),
            place=draw(_places()),
            locations=tuple(draw(st.lists(_places(), max_size=2, unique=True))),
            as_of=draw(_dates()),
            members=members,
            groups=groups,
            quote=draw(st.none() | _texts()),
            source=draw(st.none() | _texts()),
        )

    return build()


def commendations(
    *, status: st.SearchStrategy[CommendationStatus] | None = None
) -> st.SearchStrategy[Commendation]:
    """Commendations with a count, named recipients, or both (then equal in number).

    A proposer is given only to proposed commendations. Shrinks towards a
    conferred order with a count of 1.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import commendations
        >>> x = find(commendations(), lambda _: True)
        >>> type(x).__name__
        'Commendation'
    """

    @st.composite
    def build(draw: st.DrawFn) -> Commendation:
        chosen = draw(st.sampled_from(list(CommendationStatus)) if status is None else status)
        mode = draw(st.sampled_from(["count", "names", "both"]))
        names = draw(st.lists(_texts(), min_size=1, max_size=5)) if mode != "count" else []
        count = len(names) if mode == "both" else draw(st.integers(1, 200))
        proposed = chosen is CommendationStatus.PROPOSED
        return Commendation(
            id=draw(st.none() | _ids()),
            form=draw(st.sampled_from(list(CommendationForm))),
            issuer=draw(st.sampled_from(list(Authority))),
            recipient_kind=draw(st.sampled_from(list(RecipientKind))),
            count=None if mode == "names" else count,
            recipients=tuple(names),
            status=chosen,
            occasion=draw(st.none() | _texts()),
            programme=draw(st.none() | _ids()),
            date=draw(st.none() | _partial_dates()),
            place=draw(st.none() | _places()),
            proposer=draw(st.none() | agency_refs()) if proposed else None,
        )

    return build()


def cooperation_programmes(*, max_reviews: int = 3) -> st.SearchStrategy[CooperationProgramme]:
    """Programmes with 2-4 distinct parties, a term or an end, reviews held after the start.

    Shrinks towards a two-party programme signed in 2000 with no reviews.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import cooperation_programmes
        >>> x = find(cooperation_programmes(), lambda _: True)
        >>> type(x).__name__
        'CooperationProgramme'
    """

    @st.composite
    def build(draw: st.DrawFn) -> CooperationProgramme:
        year = draw(_years(_FIRST_YEAR, 2020))
        signed = draw(st.none() | _dates(year, year))
        start = draw(st.none() | _partial_dates(year, year)) if signed is not None else None
        if signed is None:
            start = draw(_partial_dates(year, year))
        term = draw(st.sampled_from(["none", "years", "end"]))

        @st.composite
        def review(d: st.DrawFn) -> ProgrammeReview:
            first = d(st.integers(year, year + 5))
            last = first + d(st.integers(1, 10))
            return ProgrammeReview(
                kind=d(st.sampled_from(list(ReviewKind))),
                span=Period.span(first, last),
                held=d(st.none() | _partial_dates(first + 1, last + 1)),
                level=d(st.none() | st.sampled_from(list(AdminLevel))),
                place=d(st.none() | _places()),
                document=d(st.none() | _document_refs()),
                awards=tuple(d(st.lists(commendations(), max_size=2))),
                award_ids=tuple(d(st.lists(_ids(), max_size=2))),
            )

        activities = st.builds(
            JointActivity,
            kind=st.sampled_from(list(JointActivityKind)),
            parties=st.lists(agency_refs(), max_size=2).map(tuple),
            period=st.none() | _periods(),
            counts=st.lists(
                _quantities({u for u in Unit if not u.is_decimal or u is Unit.PERCENT}), max_size=2
            ).map(tuple),
            description=st.none() | _texts(),
        )
        return CooperationProgramme(
            id=draw(_ids()),
            document=draw(st.none() | _document_refs()),
            aliases=tuple(draw(st.lists(_texts(), max_size=2))),
            signed=signed,
            title=draw(_texts()),
            parties=tuple(draw(st.lists(agency_refs(), min_size=2, max_size=4, unique=True))),
            start=start,
            term_years=draw(st.integers(1, 10)) if term == "years" else None,
            end=draw(_dates(year + 1, year + 10)) if term == "end" else None,
            reviews=tuple(draw(st.lists(review(), max_size=max_reviews))),
            activities=tuple(draw(st.lists(activities, max_size=2))),
        )

    return build()


def limitations(min_size: int = 0, max_size: int = 6) -> st.SearchStrategy[list[Limitation]]:
    """Lists of limitations numbered 1..n in order (what a report holds).

    Shrinks towards ``min_size`` items with one-letter texts.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import limitations
        >>> x = find(limitations(min_size=2), lambda _: True)
        >>> [item.ordinal for item in x]
        [1, 2]
    """
    return _numbered(Limitation, min_size, max_size)


def directions(min_size: int = 0, max_size: int = 6) -> st.SearchStrategy[list[Direction]]:
    """Lists of directions numbered 1..n in order (what a report holds).

    Shrinks towards ``min_size`` items with one-letter texts.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies import directions
        >>> x = find(directions(min_size=2), lambda _: True)
        >>> [item.ordinal for item in x]
        [1, 2]
    """
    return _numbered(Direction, min_size, max_size)


_Item = TypeVar("_Item", Limitation, Direction)


def _numbered(cls: type[_Item], min_size: int, max_size: int) -> st.SearchStrategy[list[_Item]]:
    items = st.lists(
        st.tuples(_texts(), st.none() | _texts()), min_size=min_size, max_size=max_size
    )
    return items.map(
        lambda pairs: [cls(ordinal=i, vi=vi, en=en) for i, (vi, en) in enumerate(pairs, start=1)]
    )
