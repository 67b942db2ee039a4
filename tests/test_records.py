"""Domain records: organisations and committees, campaigns, models, forces, programmes,
commendations and the report's narrative items."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

from antq_domain.errors import InvariantError, RecordError, UnknownCodeError
from antq_domain.records._base import Record
from antq_domain.records.activities import Campaign, CampaignTheme
from antq_domain.records.commendations import (
    Authority,
    Commendation,
    CommendationForm,
    CommendationStatus,
    RecipientKind,
)
from antq_domain.records.forces import GRASSROOTS_LAW, ForceStrength, ForceType, LegalStatus
from antq_domain.records.models import (
    ExemplaryModel,
    ModelOwner,
    ModelStatus,
    Replication,
    ReplicationScope,
    ReviewKind,
)
from antq_domain.records.narrative import Direction, Limitation, check_ordinals
from antq_domain.records.organisations import (
    TWO_TIER_FROM,
    AdminLevel,
    AgencyKind,
    AgencyRef,
    DocumentRole,
    Member,
    Organisation,
    Post,
    SteeringCommittee,
    Tenure,
)
from antq_domain.records.programmes import (
    CooperationProgramme,
    JointActivityKind,
    ProgrammeReview,
)
from antq_domain.strategies import _records as rst
from antq_domain.values.document import DocumentRef
from antq_domain.values.label import Label
from antq_domain.values.partial_date import PartialDate
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier, Unit

KON_TUM = "62"
SA_THAY = "616"
KON_PLONG = "613"

CODELISTS = [
    AdminLevel,
    AgencyKind,
    Post,
    DocumentRole,
    CampaignTheme,
    ModelOwner,
    ModelStatus,
    ReviewKind,
    ReplicationScope,
    ForceType,
    LegalStatus,
    JointActivityKind,
    CommendationForm,
    Authority,
    RecipientKind,
    CommendationStatus,
]


def has_problem(err: RecordError, loc: str, field: str | None) -> bool:
    """Whether ``err`` lists a problem under ``loc`` whose message names ``field``.

    A nested record's problem may be reported at its own dotted location
    (``members.1.tenure.end``) or folded into its parent's message; either
    way the location starts with ``loc`` and the message contains
    ``field=`` (our errors name field and value).
    """
    return any(
        (where == loc or where.startswith(loc + "."))
        and (field is None or f"{field}=" in message or f"{field}: " in message)
        for where, message in err.problems
    )


# -- builders for the bad-record table ------------------------------------------

HEAD_A = {"person": "A", "post": "head", "tenure": {"start": date(2020, 1, 1)}}


def _committee(**changes: Any) -> SteeringCommittee:
    data: dict[str, Any] = {
        "id": "kt-bcd",
        "name": "Ban Chỉ đạo phòng, chống tội phạm tỉnh",
        "level": "province",
        "place": KON_TUM,
    }
    data.update(changes)
    return SteeringCommittee(**data)


def _campaign(**changes: Any) -> Campaign:
    data: dict[str, Any] = {"themes": ["movement_launch"], "period": "2023", "place": KON_TUM}
    data.update(changes)
    return Campaign(**data)


def _model(**changes: Any) -> ExemplaryModel:
    data: dict[str, Any] = {
        "id": "m1",
        "name": "5 giúp 1",
        "kind": "mutual_help_group",
        "owner": "police",
        "place": KON_TUM,
        "start": "2019-05",
    }
    data.update(changes)
    return ExemplaryModel(**data)


def _award(**changes: Any) -> Commendation:
    data: dict[str, Any] = {
        "form": "certificate_of_merit",
        "issuer": "provincial_people_committee_chair",
        "recipient_kind": "collective",
        "count": 3,
        "status": "conferred",
    }
    data.update(changes)
    return Commendation(**data)


def _programme(**changes: Any) -> CooperationProgramme:
    data: dict[str, Any] = {
        "id": "ctph-09",
        "document": "09/CTr-BCA-MTTQ",
        "signed": date(2013, 8, 1),
        "title": "Đẩy mạnh phong trào toàn dân bảo vệ ANTQ",
        "parties": [{"kind": "ministry_of_public_security"}, {"kind": "fatherland_front"}],
        "term_years": 10,
    }
    data.update(changes)
    return CooperationProgramme(**data)


def _forces(**changes: Any) -> ForceStrength:
    data: dict[str, Any] = {
        "force": "civil_guard",
        "place": KON_TUM,
        "as_of": date(2023, 12, 31),
        "members": {"amount": 32, "unit": "person"},
    }
    data.update(changes)
    return ForceStrength(**data)


BAD_RECORDS: list[tuple[Callable[[], Record], str, str | None]] = [
    # a tenure that ends before it starts
    (lambda: Tenure(start=date(2023, 1, 1), end=date(2022, 12, 31)), "end", "end"),
    # the same rule, nested in a committee member
    (
        lambda: _committee(
            members=[{**HEAD_A, "tenure": {"start": date(2020, 1, 1), "end": date(2019, 1, 1)}}]
        ),
        "members",
        "end",
    ),
    # two heads of the committee at overlapping times
    (
        lambda: _committee(
            members=[HEAD_A, {**HEAD_A, "person": "B", "tenure": {"start": date(2023, 3, 1)}}]
        ),
        "members.1.tenure",
        "tenure",
    ),
    # two standing deputies sharing a single day
    (
        lambda: _committee(
            members=[
                {
                    "person": "A",
                    "post": "standing_deputy",
                    "tenure": {"start": date(2020, 1, 1), "end": date(2022, 6, 30)},
                },
                {"person": "B", "post": "standing_deputy", "tenure": {"start": date(2022, 6, 30)}},
            ]
        ),
        "members.1.tenure",
        "tenure",
    ),
    # a committee that is its own parent
    (lambda: _committee(parent="kt-bcd"), "parent", "parent"),
    # a deputy head without a name (only the standing office may be an agency)
    (
        lambda: _committee(members=[{"post": "deputy", "tenure": {"start": date(2020, 1, 1)}}]),
        "members",
        "person",
    ),
    # provincial police placed at commune level
    (
        lambda: Organisation(id="x", kind="provincial_police", name="CA", level="commune"),
        "level",
        "level",
    ),
    # an agency kind that is not in the codelist
    (lambda: AgencyRef(kind="police"), "kind", None),
    # a district-scope replication in 2026, after the district level was abolished
    (lambda: Replication(scope="district", date="2026"), "scope", "scope"),
    # the same, inside a model (the location points at the replication)
    (
        lambda: _model(replications=[{"scope": "district", "date": "2026-03-01"}]),
        "replications",
        "scope",
    ),
    # a review dated before the model started
    (lambda: _model(reviews=[{"kind": "interim", "date": "2018"}]), "reviews.0.date", "date"),
    # a replication dated before the model started
    (
        lambda: _model(replications=[{"scope": "provincial", "date": "2019-04"}]),
        "replications.0.date",
        "date",
    ),
    # replication points counted in models rather than sites
    (lambda: _model(points={"amount": 4, "unit": "model"}), "points.unit", "unit"),
    # a model kind that is not a code
    (lambda: _model(kind="Camera An Ninh"), "kind", None),
    # a count given as text ("nhiều", many) instead of a figure
    (lambda: _campaign(rounds="nhiều"), "rounds", None),
    # the same text inside the quantity's amount
    (lambda: _campaign(rounds={"amount": "nhiều", "unit": "campaign"}), "rounds", "amount"),
    # a commendation count given as text
    (lambda: _award(count="nhiều"), "count", None),
    # rounds counted in person-participations
    (lambda: _campaign(rounds={"amount": 470, "unit": "participation"}), "rounds.unit", "unit"),
    # participants counted in campaigns
    (lambda: _campaign(participants={"amount": 9, "unit": "campaign"}), "participants", "unit"),
    # both a period and a date
    (lambda: _campaign(date=date(2023, 8, 19)), "date", "date"),
    # neither a period nor a date
    (lambda: _campaign(period=None), "period", "period"),
    # no theme at all
    (lambda: _campaign(themes=[]), "themes", "themes"),
    # the same theme twice
    (lambda: _campaign(themes=["traffic_safety", "traffic_safety"]), "themes.1", "themes"),
    # an unknown field
    (lambda: _campaign(colour="red"), "colour", None),
    # a force figure without members or groups
    (lambda: _forces(members=None), "members", "members"),
    # members counted in groups
    (lambda: _forces(members={"amount": 3, "unit": "group"}), "members.unit", "unit"),
    # count differs from the number of named recipients
    (lambda: _award(count=3, recipients=["Nguyễn Văn A", "Trần Thị B"]), "count", "count"),
    # neither count nor names
    (lambda: _award(count=None), "count", "count"),
    # a zero count
    (lambda: _award(count=0), "count", None),
    # a proposer on a conferred commendation
    (lambda: _award(proposer={"kind": "provincial_police"}), "proposer", "proposer"),
    # an unknown commendation form
    (lambda: _award(form="bằng khen"), "form", None),
    # a programme with a single party
    (lambda: _programme(parties=[{"kind": "provincial_police"}]), "parties", "parties"),
    # the same party twice
    (
        lambda: _programme(parties=[{"kind": "army"}, {"kind": "army"}]),
        "parties.1",
        "parties",
    ),
    # a term in years and an end date
    (lambda: _programme(end=date(2023, 8, 1)), "end", "end"),
    # an end before the start
    (lambda: _programme(term_years=None, end=date(2012, 1, 1)), "end", "end"),
    # a review held before the programme started
    (
        lambda: _programme(reviews=[{"kind": "interim", "span": "2008/2012", "held": "2012"}]),
        "reviews.0.held",
        "held",
    ),
    # a review held before the span it covers starts
    (lambda: ProgrammeReview(kind="final", span="2018/2023", held="2017-12"), "held", "held"),
    # a zero ordinal
    (lambda: Limitation(ordinal=0, vi="x"), "ordinal", None),
    # a blank text
    (lambda: Direction(ordinal=1, vi="  "), "vi", None),
]


@pytest.mark.parametrize(("build", "loc", "field"), BAD_RECORDS)
def test_bad_records_raise_record_error_naming_the_field(
    build: Callable[[], Record], loc: str, field: str | None
) -> None:
    with pytest.raises(RecordError) as info:
        build()
    assert has_problem(info.value, loc, field), info.value.problems


def test_every_broken_rule_is_listed_with_its_location() -> None:
    with pytest.raises(RecordError) as info:
        _campaign(
            date=date(2023, 1, 1),
            rounds={"amount": 1, "unit": "tip"},
            participants={"amount": 1, "unit": "person"},
        )
    assert [loc for loc, _ in info.value.problems] == ["date", "rounds.unit", "participants.unit"]


def test_cross_field_errors_are_our_errors_with_field_and_value() -> None:
    with pytest.raises(RecordError) as info:
        Tenure(start=date(2023, 1, 1), end=date(2022, 12, 31))
    assert info.value.problems == [
        ("end", "end=datetime.date(2022, 12, 31): expected a date on or after start=2023-01-01")
    ]


def test_a_record_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="scope='district'"):
        Replication(scope="district", date="2025-07-01")


# -- codelists ----------------------------------------------------------------


@pytest.mark.parametrize("codelist", CODELISTS)
def test_codelists_have_bilingual_labels_and_parse_their_codes(codelist: Any) -> None:
    for member in codelist:
        assert member.label.vi.strip()
        assert member.label.en.strip()
        assert codelist.parse(member.value) is member
        assert str(member) == member.value


@pytest.mark.parametrize(
    ("codelist", "field"),
    [
        (AgencyKind, "agency_kind"),  # the error names the codelist in snake case
        (Authority, "authority"),
        (CommendationForm, "commendation_form"),
        (ForceType, "force_type"),
    ],
)
def test_unknown_codes_raise_unknown_code_error(codelist: Any, field: str) -> None:
    with pytest.raises(UnknownCodeError) as info:
        codelist.parse("no_such_code")
    assert info.value.field == field


def test_district_level_ends_with_the_reform() -> None:
    assert AdminLevel.DISTRICT.exists_on(TWO_TIER_FROM - timedelta(days=1))
    assert not AdminLevel.DISTRICT.exists_on(TWO_TIER_FROM)
    assert AdminLevel.COMMUNE.exists_on(date(2030, 1, 1))


# -- the Kon Tum 2023 seed report ----------------------------------------------

POLICE = AgencyRef(kind="provincial_police", level="province", place=KON_TUM)
FRONT = AgencyRef(kind="fatherland_front", level="province", place=KON_TUM)
LABOUR = AgencyRef(kind="labour_federation", level="province", place=KON_TUM)
OCCASION_09 = "Hội nghị cấp tỉnh tổng kết 10 năm thực hiện Chương trình phối hợp số 09"


def _seed_awards() -> tuple[Commendation, ...]:
    cells = [
        ("provincial_people_committee_chair", "certificate_of_merit", "collective", 3),
        ("provincial_people_committee_chair", "certificate_of_merit", "individual", 5),
        ("provincial_fatherland_front_chair", "certificate_of_merit", "collective", 1),
        ("provincial_fatherland_front_chair", "certificate_of_merit", "individual", 2),
        ("provincial_police_director", "certificate_of_commendation", "collective", 6),
        ("provincial_police_director", "certificate_of_commendation", "individual", 6),
    ]
    return tuple(
        Commendation(
            form=form,
            issuer=issuer,
            recipient_kind=kind,
            count=count,
            status="conferred",
            occasion=OCCASION_09,
            programme="ctph-09-2013",
            date="2023",
            place=KON_TUM,
        )
        for issuer, form, kind, count in cells
    )


def _seed_programme_09() -> CooperationProgramme:
    return CooperationProgramme(
        id="ctph-09-2013",
        document="09/CTr-BCA-MTTQ",
        aliases=("09/Ctr-BCA-TTTW", "chương trình phối hợp số 9"),
        signed=date(2013, 8, 1),
        title=Label(
            vi="Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới",
            en="Promoting the all-people movement for protecting national security",
        ),
        parties=(
            AgencyRef(kind="ministry_of_public_security", level="central"),
            AgencyRef(kind="fatherland_front", level="central"),
        ),
        term_years=10,
        reviews=(
            ProgrammeReview(
                kind="final",
                span=Period.span(2013, 2023),
                held=PartialDate(2023),
                level="province",
                place=KON_TUM,
                awards=_seed_awards(),
            ),
        ),
    )


def _seed_labour_programme() -> CooperationProgramme:
    proposed = [
        Commendation(
            form="certificate_of_merit",
            issuer="minister_of_public_security",
            recipient_kind=kind,
            count=1,
            status="proposed",
            occasion="Tổng kết 05 năm xây dựng phong trào trong công nhân, viên chức, lao động",
            date="2023",
            place=KON_TUM,
            proposer=POLICE,
        )
        for kind in ("collective", "individual")
    ]
    return CooperationProgramme(
        id="kt-police-ldld",
        title="Xây dựng phong trào toàn dân bảo vệ ANTQ trong công nhân, viên chức, người lao động",
        parties=(POLICE, LABOUR),
        start=PartialDate(2018),
        reviews=(
            ProgrammeReview(
                kind="final",
                span=Period.span(2018, 2023),
                held=PartialDate(2023),
                level="province",
                place=KON_TUM,
                awards=tuple(proposed),
            ),
        ),
    )


def test_seed_programme_09_and_its_ten_year_final_review() -> None:
    p = _seed_programme_09()
    assert p.document == DocumentRef.parse("09/CTr-BCA-MTTQ")
    assert p.ends == PartialDate(2023, 8, 1)
    review = p.reviews[0]
    assert review.kind is ReviewKind.FINAL
    assert str(review.span) == "2013/2023"
    by_issuer: dict[tuple[Authority, RecipientKind], int] = {
        (a.issuer, a.recipient_kind): a.recipient_count for a in review.awards
    }
    assert by_issuer == {
        (Authority.PROVINCIAL_PEOPLE_COMMITTEE_CHAIR, RecipientKind.COLLECTIVE): 3,
        (Authority.PROVINCIAL_PEOPLE_COMMITTEE_CHAIR, RecipientKind.INDIVIDUAL): 5,
        (Authority.PROVINCIAL_FATHERLAND_FRONT_CHAIR, RecipientKind.COLLECTIVE): 1,
        (Authority.PROVINCIAL_FATHERLAND_FRONT_CHAIR, RecipientKind.INDIVIDUAL): 2,
        (Authority.PROVINCIAL_POLICE_DIRECTOR, RecipientKind.COLLECTIVE): 6,
        (Authority.PROVINCIAL_POLICE_DIRECTOR, RecipientKind.INDIVIDUAL): 6,
    }
    giay_khen = [a for a in review.awards if a.form is CommendationForm.CERTIFICATE_OF_COMMENDATION]
    assert sum(a.recipient_count for a in giay_khen) == 12
    assert not Authority.PROVINCIAL_FATHERLAND_FRONT_CHAIR.is_state
    assert CooperationProgramme.model_validate_json(p.model_dump_json()) == p


def test_seed_labour_federation_five_year_review_and_proposed_awards() -> None:
    p = _seed_labour_programme()
    review = p.reviews[0]
    assert str(review.span) == "2018/2023"
    assert {a.status for a in review.awards} == {CommendationStatus.PROPOSED}
    assert {a.issuer for a in review.awards} == {Authority.MINISTER_OF_PUBLIC_SECURITY}
    assert sorted(a.recipient_kind.value for a in review.awards) == ["collective", "individual"]
    assert all(a.proposer == POLICE for a in review.awards)
    assert CooperationProgramme.model_validate_json(p.model_dump_json()) == p


def test_seed_replications_announced_in_2023() -> None:
    national = [
        ExemplaryModel(
            id=f"kt-national-{i}",
            name=f"Mô hình tiêu biểu {i}",
            kind="unspecified",
            owner="police",
            place=KON_TUM,
            replications=[
                {
                    "scope": "national",
                    "date": "2023",
                    "authority": {"kind": "ministry_of_public_security", "level": "central"},
                }
            ],
        )
        for i in (1, 2)
    ]
    provincial = [
        ExemplaryModel(
            id=f"kt-provincial-{i}",
            name=f"Mô hình tiêu biểu cấp tỉnh {i}",
            kind="unspecified",
            owner="police",
            place=KON_TUM,
            replications=[{"scope": "provincial", "date": "2023"}],
        )
        for i in (1, 2, 3)
    ]
    models = national + provincial
    assert sum(m.replicated_on("national", 2023) for m in models) == 2
    assert sum(m.replicated_on(ReplicationScope.PROVINCIAL, 2023) for m in models) == 3
    # district replication was still possible in 2023 ("nhân rộng trên địa bàn huyện")
    assert Replication(scope="district", date="2023").scope is ReplicationScope.DISTRICT


def test_seed_legacy_forces_are_records_with_legal_status() -> None:
    guards = ForceStrength(
        force="civil_guard",
        place=KON_TUM,
        locations=(SA_THAY, KON_PLONG),
        as_of=date(2023, 12, 31),
        members=Quantity(32, Unit.PERSON),
        quote="32 bảo vệ dân phố tại huyện Sa Thầy và huyện Kon Plông",
    )
    semi = ForceStrength(
        force="semi_professional_commune_police",
        place=KON_TUM,
        as_of=date(2023, 12, 31),
        members=Quantity(98, Unit.PERSON),
        quote="lực lượng Công an xã bán chuyên trách với 98 đồng chí",
    )
    for figure in (guards, semi):
        assert figure.legal_status() is LegalStatus.IN_FORCE
        assert figure.legal_status(date(2024, 7, 1)) is LegalStatus.ENDED
        assert figure.force.ended_by == GRASSROOTS_LAW
        assert DocumentRef.parse(GRASSROOTS_LAW).legislature == 15
    # reported after the legal end: still a valid record (practice departs from law)
    late = guards.model_copy(update={"as_of": date(2024, 12, 31)})
    assert ForceStrength.model_validate_json(late.model_dump_json()).legal_status() is (
        LegalStatus.ENDED
    )


def test_seed_campaign_lines() -> None:
    lines = [
        (["movement_launch", "legal_propaganda"], 1160, "campaign", 145410),
        (["prestige_outreach"], 2323, "contact", None),
        (["wanted_person_persuasion"], 19, "contact", None),
        (["weapons_recovery"], 970, "contact", None),
        (["traffic_safety"], 470, "campaign", 81417),
        (["fire_prevention_rescue"], 1222, "campaign", 274045),
    ]
    campaigns = [
        Campaign(
            themes=themes,
            period=Period.year(2023),
            place=KON_TUM,
            organiser=POLICE,
            rounds=Quantity(rounds, unit),
            participants=None
            if people is None
            else Quantity(people, Unit.PARTICIPATION, Qualifier.MORE_THAN),
        )
        for themes, rounds, unit, people in lines
    ]
    launch = campaigns[0]
    assert launch.participants is not None
    assert launch.participants.format("vi") == "hơn 145.410 lượt người"
    assert all(Campaign.model_validate_json(c.model_dump_json()) == c for c in campaigns)


def test_seed_steering_committee_and_narrative() -> None:
    bcd = SteeringCommittee(
        id="kt-bcd-pctp",
        name="Ban Chỉ đạo Phòng, chống tội phạm tỉnh Kon Tum",
        aliases=("BCĐ 138",),
        level="province",
        place=KON_TUM,
        members=[
            {
                "post": "standing_office",
                "agency": "provincial_police",
                "tenure": {"start": date(2023, 1, 1)},
            }
        ],
        documents=[{"document": "09/CTr-BCA-MTTQ", "role": "implemented", "date": "2013-08-01"}],
    )
    office = bcd.holder_on(Post.STANDING_OFFICE, date(2023, 12, 31))
    assert office is not None
    assert office.agency is AgencyKind.PROVINCIAL_POLICE
    limitations = [
        Limitation(ordinal=i, vi=text)
        for i, text in enumerate(
            [
                "Công tác xây dựng phong trào ở một số nơi hiệu quả chưa cao",
                "Một bộ phận cán bộ, đảng viên và nhân dân nhận thức chưa đầy đủ",
                "Một số mô hình hoạt động chưa hiệu quả",
                "Việc triển khai ở các cơ quan nhà nước còn hạn chế",
            ],
            start=1,
        )
    ]
    directions = [Direction(ordinal=i, vi=f"Giải pháp {i}") for i in range(1, 7)]
    check_ordinals(limitations, field="limitations")
    check_ordinals(directions, field="directions")


# -- rules as properties ---------------------------------------------------------


class TestTenureEndNotBeforeStart:
    """A tenure's end is not before its start."""

    @given(st.dates(), st.dates())
    def test_valid_exactly_when_end_on_or_after_start(self, start: date, end: date) -> None:
        if end >= start:
            assert Tenure(start=start, end=end).contains(end)
        else:
            with pytest.raises(RecordError):
                Tenure(start=start, end=end)


class TestSingleHolderPosts:
    """No two members hold a single-holder post (head, standing deputy) at overlapping times."""

    @given(rst.steering_committees())
    def test_generated_committees_have_at_most_one_holder_a_day(
        self, committee: SteeringCommittee
    ) -> None:
        for member in committee.members:
            for day in (member.tenure.start, member.tenure.end):
                if day is None:
                    continue
                for post in Post:
                    if post.single_holder:
                        assert len(committee.holders(post, day)) <= 1

    @given(rst.steering_committees(), st.sampled_from([Post.HEAD, Post.STANDING_DEPUTY]))
    def test_adding_a_holder_on_a_held_day_is_refused(
        self, committee: SteeringCommittee, post: Post
    ) -> None:
        held = [m for m in committee.members if m.post is post]
        if not held:
            return
        intruder = Member(person="X", post=post, tenure=Tenure(start=held[-1].tenure.start))
        with pytest.raises(RecordError) as info:
            SteeringCommittee(**{**dict(committee), "members": (*committee.members, intruder)})
        assert has_problem(info.value, f"members.{len(committee.members)}.tenure", "tenure")


class TestDistrictScopeEndsWithTheReform:
    """District-scope replication is impossible on or after 2025-07-01."""

    @given(st.dates(date(2000, 1, 1), date(2040, 12, 31)))
    def test_district_scope_valid_exactly_before_the_reform(self, day: date) -> None:
        when = PartialDate.from_date(day)
        if day < TWO_TIER_FROM:
            assert Replication(scope="district", date=when).date == when
        else:
            with pytest.raises(RecordError) as info:
                Replication(scope="district", date=when)
            assert has_problem(info.value, "scope", "scope")

    def test_a_year_straddling_the_reform_is_undetermined_not_an_error(self) -> None:
        assert Replication(scope="district", date="2025").date == PartialDate(2025)


class TestCommendationCounts:
    """When both are given, a commendation's count equals the number of named recipients."""

    @given(rst.commendations())
    def test_generated_commendations_agree(self, award: Commendation) -> None:
        if award.count is not None and award.recipients:
            assert award.count == len(award.recipients)
        assert award.recipient_count >= 1
        if award.proposer is not None:
            assert award.status is CommendationStatus.PROPOSED

    @given(st.lists(st.text("abc", min_size=1), min_size=1, max_size=5), st.integers(1, 9))
    def test_a_different_count_is_refused(self, names: list[str], extra: int) -> None:
        with pytest.raises(RecordError) as info:
            _award(recipients=names, count=len(names) + extra)
        assert has_problem(info.value, "count", "count")


class TestModelDates:
    """A model's reviews and replications cannot predate its start when both are determined."""

    @given(rst.exemplary_models())
    def test_generated_models_keep_the_order(self, model: ExemplaryModel) -> None:
        if model.start is None:
            return
        for review in model.reviews:
            assert review.date.is_before(model.start) is not True
        for rep in model.replications:
            assert rep.date is None or rep.date.is_before(model.start) is not True


class TestForceLegalLives:
    """Legacy forces end on 2024-06-30; the grassroots force starts on 2024-07-01."""

    @given(st.dates(date(2000, 1, 1), date(2040, 12, 31)))
    def test_legacy_ends_exactly_when_the_successor_starts(self, day: date) -> None:
        for force in ForceType:
            successor = force.successor
            if successor is None:
                continue
            ended = force.status_on(day) is LegalStatus.ENDED
            assert ended == (successor.status_on(day) is LegalStatus.IN_FORCE)
            assert ended == (day >= date(2024, 7, 1))

    @given(rst.force_strengths())
    def test_any_force_figure_is_a_valid_record(self, figure: ForceStrength) -> None:
        assert figure.members is not None or figure.groups is not None
        assert isinstance(figure.legal_status(), LegalStatus)


class TestNarrativeOrdinals:
    """Limitations and directions are numbered 1..n without gaps."""

    @given(rst.limitations(min_size=2))
    def test_generated_lists_pass_and_any_gap_fails(self, items: list[Limitation]) -> None:
        check_ordinals(items, field="limitations")
        with pytest.raises(InvariantError) as info:
            check_ordinals(items[1:], field="limitations")
        assert info.value.field == "limitations"

    @given(rst.directions(min_size=2), st.data())
    def test_reordered_lists_fail(self, items: list[Direction], data: st.DataObject) -> None:
        shuffled = data.draw(st.permutations(items).filter(lambda p: p != items))
        with pytest.raises(InvariantError):
            check_ordinals(shuffled, field="directions")


class TestProgrammes:
    """A programme has at least two distinct parties and no review before its start."""

    @given(rst.cooperation_programmes())
    def test_generated_programmes_keep_the_rules(self, programme: CooperationProgramme) -> None:
        assert len(set(programme.parties)) == len(programme.parties) >= 2
        assert not (programme.term_years is not None and programme.end is not None)
        begins = programme.begins
        assert begins is not None
        for review in programme.reviews:
            assert review.held is None or review.held.is_before(begins) is not True


# -- strategies: every example valid, JSON round trip, edges reachable ----------

RECORD_STRATEGIES: list[st.SearchStrategy[Any]] = [
    rst.steering_committees(),
    rst.campaigns(),
    rst.exemplary_models(),
    rst.force_strengths(),
    rst.cooperation_programmes(),
    rst.commendations(),
    rst.organisations(),
    rst.agency_refs(),
    rst.tenures(),
]


@pytest.mark.parametrize("strategy", RECORD_STRATEGIES)
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_json_round_trip_of_generated_records_is_the_identity(
    strategy: st.SearchStrategy[Any], data: st.DataObject
) -> None:
    record = data.draw(strategy)
    again = type(record).model_validate_json(record.model_dump_json())
    assert again == record


# Finding is the point here, not shrinking: a found example proves the edge is reachable.
_FIND = settings(
    max_examples=3000,
    database=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def test_strategy_edges_are_reachable() -> None:
    two_heads = find(
        rst.steering_committees(),
        lambda c: sum(m.post is Post.HEAD for m in c.members) >= 2,
        settings=_FIND,
    )
    assert len([m for m in two_heads.members if m.post is Post.HEAD]) >= 2
    assert find(rst.campaigns(), lambda c: c.date is not None, settings=_FIND).period is None
    district = find(
        rst.exemplary_models(),
        lambda m: any(
            r.scope is ReplicationScope.DISTRICT and r.date is not None for r in m.replications
        ),
        settings=_FIND,
    )
    assert district.replications
    both = find(
        rst.commendations(), lambda a: a.count is not None and bool(a.recipients), settings=_FIND
    )
    assert both.count == len(both.recipients)
    proposed = find(rst.commendations(), lambda a: a.proposer is not None, settings=_FIND)
    assert proposed.status is CommendationStatus.PROPOSED
    assert find(rst.cooperation_programmes(), lambda p: p.ends is not None, settings=_FIND)
    legacy_late = find(
        rst.force_strengths(), lambda f: f.legal_status() is LegalStatus.ENDED, settings=_FIND
    )
    assert legacy_late.force.valid_to is not None
    assert find(rst.limitations(), lambda items: len(items) == 0, settings=_FIND) == []
