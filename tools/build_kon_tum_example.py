"""Build ``examples/data/kon-tum-2023.json``: the Kon Tum 2023 seed report, carried whole.

Usage:
    python tools/build_kon_tum_example.py          # rewrite the example file
    python tools/build_kon_tum_example.py --check  # exit 1 if the file is out of date

The report is the provincial crime-prevention steering committee's report on
the ANTQ movement in Kon Tum province for 2023, as published in an article by
Thái Ngân (seed ``000_f927958248fcde9a.txt`` of the shared corpus). It is
built here with the library's own types, one section per part of the report,
in the report's order, so every figure and record is checked on construction
and the JSON cannot drift from the code (``tests/test_kon_tum_example.py``
rebuilds it and compares).

Decisions (also in the reply that introduced the file):

* ``as_of`` is 2023-12-31. The text gives no date for the report or the
  article; it covers the year 2023 and was published after the year's end,
  so its stocks ("Hiện nay", "Đến nay") are read as of the period's last day.
* ``source`` of every figure is :data:`SOURCE`. The seed has no URL; the only
  address in it is the photo credit ``congan.kontum.gov.vn``, which is kept
  in brackets as a pointer, not as a claim that the article lives there. For
  the same reason the publication has no publisher and no date.
* Every ``quote`` is verbatim from the seed, typos included ("vận động động
  thu hồi", "giai đoạn 2018-202320").
* The figures are the 34 of the canon file (catalogue codes, dimensions,
  qualifiers: "hơn" is ``more_than``, a strict bound). Records are added only where the
  text supports every required field (see the comments of each section).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from antq_domain.io import report_json
from antq_domain.records.activities import Campaign
from antq_domain.records.commendations import Commendation
from antq_domain.records.forces import ForceStrength
from antq_domain.records.narrative import Direction, Limitation
from antq_domain.records.observation import Observation
from antq_domain.records.organisations import AgencyRef, Organisation, SteeringCommittee
from antq_domain.records.programmes import CooperationProgramme, JointActivity, ProgrammeReview
from antq_domain.records.report import MovementReport, Publication
from antq_domain.values.document import DocumentRef
from antq_domain.values.label import Label
from antq_domain.values.partial_date import PartialDate
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier, Unit

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "examples" / "data" / "kon-tum-2023.json"

KON_TUM = "62"  # registry().get("62"): Tỉnh Kon Tum (until 2025-06-30)
SA_THAY = "616"  # Huyện Sa Thầy
KON_PLONG = "613"  # Huyện Kon Plông
VIETNAM = "VN"
PERIOD = Period.year(2023)
AS_OF = date(2023, 12, 31)
YEAR = PartialDate(2023)
SOURCE = "Báo cáo BCĐ PCTP tỉnh Kon Tum năm 2023 (congan.kontum.gov.vn)"

EXACT = Qualifier.EXACT
HON = Qualifier.MORE_THAN  # "hơn N": more than N, a strict lower bound


def _figure(
    indicator: str,
    amount: int,
    unit: Unit,
    quote: str,
    *,
    qualifier: Qualifier = EXACT,
    dims: Mapping[str, str] | None = None,
) -> Observation:
    """One figure of the report for Kon Tum in 2023, with its quote and source."""
    return Observation(
        indicator=indicator,
        place=KON_TUM,
        period=PERIOD,
        value=Quantity(amount, unit, qualifier),
        dims=dims or {},
        source=SOURCE,
        quote=quote,
    )


# -- issuer and the bodies the report names ---------------------------------------
# "Theo Báo cáo của Ban Chỉ đạo Phòng, chống tội phạm tỉnh": the issuer. The text
# names no members, no standing office and no alias ("BCĐ 138" is common usage,
# not in this text), so the committee record holds only what is stated.

COMMITTEE_ID = "kt-bcd-pctp"
ISSUER = "Ban Chỉ đạo Phòng, chống tội phạm tỉnh Kon Tum"

POLICE_ID = "kt-cong-an-tinh"
FRONT_ID = "kt-mttq-tinh"
LABOUR_ID = "kt-ldld-tinh"


def steering_committee() -> SteeringCommittee:
    """The issuer: the provincial crime-prevention steering committee."""
    return SteeringCommittee(id=COMMITTEE_ID, name=ISSUER, level="province", place=KON_TUM)


def organisations() -> tuple[Organisation, ...]:
    """The agencies the report names at provincial and central level.

    The army appears only as "lực lượng Quân đội" (no unit is named), so it
    is an agency kind in the cooperation below, not an organisation record.
    """
    return (
        Organisation(
            id="kt-tinh-uy",
            kind="party_committee",
            name=Label(vi="Tỉnh ủy Kon Tum", en="Kon Tum provincial Party Committee"),
            level="province",
            place=KON_TUM,
        ),
        Organisation(
            id="kt-ubnd-tinh",
            kind="peoples_committee",
            name=Label(
                vi="Ủy ban nhân dân tỉnh Kon Tum", en="Kon Tum provincial People's Committee"
            ),
            level="province",
            place=KON_TUM,
        ),
        Organisation(
            id=POLICE_ID,
            kind="provincial_police",
            name=Label(vi="Công an tỉnh Kon Tum", en="Kon Tum provincial police"),
            level="province",
            place=KON_TUM,
        ),
        Organisation(
            id=FRONT_ID,
            kind="fatherland_front",
            name=Label(
                vi="Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Kon Tum",
                en="Kon Tum provincial Vietnam Fatherland Front committee",
            ),
            level="province",
            place=KON_TUM,
        ),
        Organisation(
            id=LABOUR_ID,
            kind="labour_federation",
            name=Label(
                vi="Liên đoàn Lao động tỉnh Kon Tum", en="Kon Tum provincial Labour Federation"
            ),
            level="province",
            place=KON_TUM,
        ),
        Organisation(
            id="bo-cong-an",
            kind="ministry_of_public_security",
            name=Label(vi="Bộ Công an", en="Ministry of Public Security"),
            level="central",
            place=VIETNAM,
        ),
    )


POLICE = AgencyRef(
    kind="provincial_police", organisation=POLICE_ID, level="province", place=KON_TUM
)
FRONT = AgencyRef(kind="fatherland_front", organisation=FRONT_ID, level="province", place=KON_TUM)
LABOUR = AgencyRef(
    kind="labour_federation", organisation=LABOUR_ID, level="province", place=KON_TUM
)
ARMY = AgencyRef(kind="army")


# -- 1. propaganda and mobilisation -------------------------------------------------
# "các đơn vị, Công an các huyện, thành phố đã phối hợp tổ chức ...": the organisers
# are several (provincial police units and district/city police), and a Campaign
# takes one organiser, so the campaign lines leave it out rather than pick one.


def mobilisation_figures() -> list[Observation]:
    """Campaign rounds and participations (canon facts 1-9)."""
    return [
        _figure(
            "mobilisation.launch_campaigns",
            1160,
            Unit.CAMPAIGN,
            "tổ chức 1.160 đợt phát động phong trào toàn dân bảo vệ ANTQ",
        ),
        _figure(
            "mobilisation.launch_participants",
            145410,
            Unit.PARTICIPATION,
            "hơn 145.410 lượt người tham gia",
            qualifier=HON,
        ),
        _figure(
            "mobilisation.prestige_outreach",
            2323,
            Unit.CONTACT,
            "2.323 lượt tuyên truyền, vận động cá biệt người có uy tín",
        ),
        _figure(
            "mobilisation.wanted_outreach",
            19,
            Unit.CONTACT,
            "19 lượt tuyên truyền, vận động đối tượng truy nã ra đầu thú",
        ),
        _figure(
            "mobilisation.weapons_outreach",
            970,
            Unit.CONTACT,
            # the seed's own typo: "vận động động"
            "970 lượt tuyên truyền, vận động động thu hồi vũ khí, vật liệu nổ, "
            "công cụ hỗ trợ và pháo",
        ),
        _figure(
            "mobilisation.traffic_campaigns",
            470,
            Unit.CAMPAIGN,
            "470 đợt vận động Nhân dân tham gia giữ gìn trật tự, an toàn giao thông",
        ),
        _figure(
            "mobilisation.traffic_participants",
            81417,
            Unit.PARTICIPATION,
            "hơn 81.417 lượt người tham gia",
            qualifier=HON,
        ),
        _figure(
            "mobilisation.fire_campaigns",
            1222,
            Unit.CAMPAIGN,
            "1.222 đợt tuyên truyền, vận động trong công tác phòng cháy, chữa cháy "
            "và cứu nạn, cứu hộ",
        ),
        _figure(
            "mobilisation.fire_participants",
            274045,
            Unit.PARTICIPATION,
            "hơn 274.045 lượt người tham gia",
            qualifier=HON,
        ),
    ]


def _line(
    themes: Sequence[str],
    rounds: Quantity,
    quote: str,
    participants: Quantity | None = None,
) -> Campaign:
    return Campaign(
        themes=tuple(themes),
        period=PERIOD,
        place=KON_TUM,
        rounds=rounds,
        participants=participants,
        quote=quote,
        source=SOURCE,
    )


def campaigns() -> tuple[Campaign, ...]:
    """The same six lines as campaign records (records and figures agree)."""
    return (
        _line(
            ["movement_launch", "legal_propaganda"],
            Quantity(1160, Unit.CAMPAIGN),
            "1.160 đợt phát động phong trào toàn dân bảo vệ ANTQ và tuyên truyền pháp luật "
            "với hơn 145.410 lượt người tham gia",
            Quantity(145410, Unit.PARTICIPATION, HON),
        ),
        _line(
            ["prestige_outreach"],
            Quantity(2323, Unit.CONTACT),
            "2.323 lượt tuyên truyền, vận động cá biệt người có uy tín trong các dân tộc, tôn giáo",
        ),
        _line(
            ["wanted_person_persuasion"],
            Quantity(19, Unit.CONTACT),
            "19 lượt tuyên truyền, vận động đối tượng truy nã ra đầu thú",
        ),
        _line(
            ["weapons_recovery"],
            Quantity(970, Unit.CONTACT),
            "970 lượt tuyên truyền, vận động động thu hồi vũ khí, vật liệu nổ, "
            "công cụ hỗ trợ và pháo",
        ),
        _line(
            ["traffic_safety"],
            Quantity(470, Unit.CAMPAIGN),
            "470 đợt vận động Nhân dân tham gia giữ gìn trật tự, an toàn giao thông "
            "với hơn 81.417 lượt người tham gia",
            Quantity(81417, Unit.PARTICIPATION, HON),
        ),
        _line(
            ["fire_prevention_rescue"],
            Quantity(1222, Unit.CAMPAIGN),
            "1.222 đợt tuyên truyền, vận động trong công tác phòng cháy, chữa cháy và cứu nạn, "
            "cứu hộ với hơn 274.045 lượt người tham gia",
            Quantity(274045, Unit.PARTICIPATION, HON),
        ),
    )


# -- 2. tips from the people ----------------------------------------------------------
# Observations only: the catalogue's tips.* indicators are the whole story here;
# tips.valuable_rate (90,2%) is recomputed from the parts, never stored.


def tip_figures() -> list[Observation]:
    """Tips received and their results (canon facts 10-13)."""
    return [
        _figure("tips.received", 726, Unit.TIP, "726 nguồn tin về ANTT"),
        _figure("tips.valuable", 655, Unit.TIP, "655 nguồn tin có giá trị"),
        _figure(
            "tips.cases_solved", 140, Unit.CASE, "140 vụ án điều tra, khám phá được qua nguồn tin"
        ),
        _figure(
            "tips.suspects_arrested",
            288,
            Unit.PERSON,
            "288 đối tượng bắt giữ được qua nguồn tin",
        ),
    ]


# -- 3. media and counter-propaganda ------------------------------------------------
# Observations only: documents, posts, columns and broadcasts are not campaign
# rounds (a Campaign counts rounds in campaign, session or contact).


def media_figures() -> list[Observation]:
    """Documents, online posts, TV columns and broadcasts (canon facts 14-17)."""
    return [
        _figure("media.documents", 36944, Unit.DOCUMENT, "phát hành 36.944 tài liệu"),
        _figure(
            "media.online_posts",
            12949,
            Unit.NEWS_ITEM,
            "đăng tải, chia sẻ hơn 12.949 tin, bài viết",
            qualifier=HON,
        ),
        _figure("media.columns", 26, Unit.COLUMN, "26 chuyên mục"),
        _figure("media.broadcasts", 60, Unit.BROADCAST, "60 tin truyền hình, phóng sự"),
    ]


# -- 4. exemplary models and their replication --------------------------------------
# Observations only. The text names none of the 38 models nor the 02 + 03
# replicated ones; an ExemplaryModel needs a name, a kind and an owner, and
# records such as "Mô hình tiêu biểu 1" would invent all three. The counts are
# facts; anonymous records would not be. "nhiều mô hình ... khác được nhân rộng
# trên địa bàn huyện, thành phố" gives no figure and is not recorded (a vague
# "many" is neither a number nor "not reported").


def model_figures() -> list[Observation]:
    """Active models and replications announced in 2023 (canon facts 18-20)."""
    return [
        _figure("models.active", 38, Unit.MODEL, "duy trì hoạt động của 38 mô hình tiên tiến"),
        _figure(
            "models.replicated",
            2,
            Unit.MODEL,
            "nhân rộng trong toàn quốc 02 mô hình tiêu biểu",
            dims={"scope": "national"},
        ),
        _figure(
            "models.replicated",
            3,
            Unit.MODEL,
            "03 mô hình tiêu biểu trong phong trào toàn dân bảo vệ ANTQ được nhân rộng "
            "trên địa bàn tỉnh",
            dims={"scope": "provincial"},
        ),
    ]


# -- 5. grassroots forces -------------------------------------------------------------
# Regular commune police "tại 85/85 xã và 07/07 thị trấn" is a coverage of
# administrative units, not a head count: a ForceStrength holds members
# (person) or groups (group), so this stays as observations (covered units and
# all units). The 32 civil guards and 98 semi-professional commune police are
# head counts and are also ForceStrength records; both forces end in law on
# 2024-06-30 (Law 30/2023/QH15), which the records can tell.


def force_figures() -> list[Observation]:
    """Regular commune police coverage and legacy forces (canon facts 21-26)."""
    return [
        _figure(
            "forces.regular_police_units",
            85,
            Unit.UNIT,
            "85/85 xã",
            dims={"unit_kind": "commune"},
        ),
        _figure("admin.units", 85, Unit.UNIT, "85/85 xã", dims={"unit_kind": "commune"}),
        _figure(
            "forces.regular_police_units",
            7,
            Unit.UNIT,
            "07/07 thị trấn",
            dims={"unit_kind": "township"},
        ),
        _figure("admin.units", 7, Unit.UNIT, "07/07 thị trấn", dims={"unit_kind": "township"}),
        _figure("forces.civil_guards", 32, Unit.PERSON, "32 bảo vệ dân phố"),
        _figure(
            "forces.semi_professional_police",
            98,
            Unit.PERSON,
            "Công an xã bán chuyên trách với 98 đồng chí",
        ),
    ]


def forces() -> tuple[ForceStrength, ...]:
    """The two head counts of legacy grassroots forces, as of the report's date."""
    return (
        ForceStrength(
            force="civil_guard",
            place=KON_TUM,
            locations=(SA_THAY, KON_PLONG),
            as_of=AS_OF,
            members=Quantity(32, Unit.PERSON),
            quote="32 bảo vệ dân phố tại huyện Sa Thầy và huyện Kon Plông",
            source=SOURCE,
        ),
        ForceStrength(
            force="semi_professional_commune_police",
            place=KON_TUM,
            as_of=AS_OF,
            members=Quantity(98, Unit.PERSON),
            quote="lực lượng Công an xã bán chuyên trách với 98 đồng chí",
            source=SOURCE,
        ),
    )


# -- 6. cooperation: army, Fatherland Front (programme 09), Labour Federation -----

ARMY_COOPERATION_ID = "kt-cong-an-quan-doi"
PROGRAMME_09_ID = "ctph-09-2013"
LABOUR_PROGRAMME_ID = "kt-cong-an-ldld-2018"


def army_cooperation() -> CooperationProgramme:
    """The police's cooperation with the army, with its joint activities in 2023.

    The text names no programme document (the legal basis would be Decree
    03/2019/NĐ-CP, which it does not cite), no start and no term: the record
    holds the parties, a title in the text's own words, and one joint
    activity per task the text lists, each described verbatim.
    """

    def task(kind: str, description: str) -> JointActivity:
        return JointActivity(kind=kind, period=PERIOD, description=description)

    return CooperationProgramme(
        id=ARMY_COOPERATION_ID,
        title=Label(
            vi="Phối hợp giữa lực lượng Công an với Quân đội",
            en="Cooperation between the police and the army (no programme document named)",
        ),
        parties=(POLICE, ARMY),
        activities=(
            task(
                "crime_suppression",
                "đấu tranh, phòng, chống các loại tội phạm theo chuyên đề, tập trung đấu tranh "
                "tội phạm ma túy, hình sự, môi trường, buôn lậu qua biên giới, các hành vi vi "
                "phạm về pháo và các vụ việc vi phạm quy định về khai thác, bảo vệ rừng và lâm sản",
            ),
            task(
                "weapons_recovery",
                "kiểm tra, thu hồi các loại vũ khí, vật liệu nổ, công cụ hỗ trợ",
            ),
            task("border_protection", "tăng cường tuần tra, quản lý, bảo vệ đường biên, mốc giới"),
            task("other", "phòng, chống xuất, nhập cảnh trái phép"),
            task(
                "other",
                "phối hợp xây dựng, triển khai các phương án, kế hoạch bảo vệ an toàn mục tiêu, "
                "công trình trọng điểm",
            ),
            task(
                "event_security",
                "bảo đảm an ninh, trật tự địa bàn trong thời gian diễn ra sự kiện chính trị, đối "
                "ngoại quan trọng của đất nước, của tỉnh: Ngày hội Toàn dân bảo vệ an ninh Tổ "
                "quốc, Lễ Quốc khánh 02 tháng 9",
            ),
            task(
                "event_security",
                "bảo vệ tuyệt đối an toàn Thủ tướng Chính phủ, các đoàn đại biểu cấp cao và các "
                "đoàn khách quốc tế đến thăm, làm việc tại địa phương",
            ),
            task(
                "disaster_response",
                "phối hợp trong công tác phòng chống thiên tai, cháy nổ và tìm kiếm cứu nạn",
            ),
        ),
    )


# The ten-year final review of programme 09, held at provincial level in 2023,
# and the awards given there. Affiliations of the recipients ("thuộc lực lượng
# Công an", "thuộc Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức thành
# viên") have no field in Commendation and are not recorded.
OCCASION_09 = (
    "Hội nghị cấp tỉnh tổng kết 10 năm thực hiện Chương trình phối hợp số 09/CTr-BCA-MTTQ "
    "ngày 01 tháng 8 năm 2013"
)
AWARDS_09: tuple[tuple[str, str, str, str, int], ...] = (
    # id, issuer, form, recipient kind, count
    ("ctph-09-bk-ubnd-tap-the", "provincial_people_committee_chair", "certificate_of_merit",
     "collective", 3),
    ("ctph-09-bk-ubnd-ca-nhan", "provincial_people_committee_chair", "certificate_of_merit",
     "individual", 5),
    ("ctph-09-bk-mttq-tap-the", "provincial_fatherland_front_chair", "certificate_of_merit",
     "collective", 1),
    ("ctph-09-bk-mttq-ca-nhan", "provincial_fatherland_front_chair", "certificate_of_merit",
     "individual", 2),
    ("ctph-09-gk-ca-tap-the", "provincial_police_director", "certificate_of_commendation",
     "collective", 6),
    ("ctph-09-gk-ca-ca-nhan", "provincial_police_director", "certificate_of_commendation",
     "individual", 6),
)  # fmt: skip


def programme_09() -> CooperationProgramme:
    """Programme 09/CTr-BCA-MTTQ of 01/8/2013 and its 10-year final review (2013/2023).

    The parties are the Ministry and the Front's central committee (the
    programme is national; see LEGAL-AND-INSTITUTIONS.md §1.1 row 5); the
    review was held by the provincial police with the provincial Front.
    """
    return CooperationProgramme(
        id=PROGRAMME_09_ID,
        document=DocumentRef.parse("09/CTr-BCA-MTTQ"),
        signed=date(2013, 8, 1),
        title=Label(
            vi="Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc trong tình hình mới",
            en="Stepping up the all-people movement for protecting national security "
            "in the new situation",
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
                held=YEAR,
                level="province",
                place=KON_TUM,
                award_ids=tuple(award_id for award_id, *_ in AWARDS_09),
            ),
        ),
    )


# The Labour Federation's five-year review. The seed writes the span as
# "giai đoạn 2018-202320", a typo: the review is of five years ("Tổng kết 05
# năm") held in 2023, so the span is recorded as 2018/2023. The seed names no
# programme document; the record is the police-Labour Federation cooperation
# whose work the review covers, starting (as far as the text says) in 2018.
# The 01 + 01 awards are only proposed to the Minister of Public Security; the
# proposer is the police, the implied subject of "Phối hợp với Liên đoàn lao
# động tỉnh tổ chức ... và lựa chọn ... đề nghị".
OCCASION_LABOUR = (
    "Tổng kết 05 năm thực hiện công tác xây dựng phong trào toàn dân bảo vệ ANTQ trong công "
    "nhân, viên chức, người lao động trên địa bàn tỉnh Kon Tum"
)
AWARDS_LABOUR: tuple[tuple[str, str], ...] = (
    ("ldld-2018-2023-de-nghi-tap-the", "collective"),
    ("ldld-2018-2023-de-nghi-ca-nhan", "individual"),
)


def labour_programme() -> CooperationProgramme:
    """The police-Labour Federation cooperation and its 5-year review 2018/2023."""
    return CooperationProgramme(
        id=LABOUR_PROGRAMME_ID,
        title=Label(
            vi="Xây dựng phong trào toàn dân bảo vệ ANTQ trong công nhân, viên chức, người lao "
            "động trên địa bàn tỉnh Kon Tum",
            en="Building the movement among workers, public employees and labourers "
            "in Kon Tum province",
        ),
        parties=(POLICE, LABOUR),
        start=PartialDate(2018),
        reviews=(
            ProgrammeReview(
                kind="final",
                span=Period.span(2018, 2023),  # the seed's "2018-202320"
                held=YEAR,
                level="province",
                place=KON_TUM,
                award_ids=tuple(award_id for award_id, _ in AWARDS_LABOUR),
            ),
        ),
    )


def commendations() -> tuple[Commendation, ...]:
    """Every commendation cell as a record, citing its programme."""
    conferred = tuple(
        Commendation(
            id=award_id,
            form=form,
            issuer=issuer,
            recipient_kind=kind,
            count=count,
            status="conferred",
            occasion=OCCASION_09,
            programme=PROGRAMME_09_ID,
            date=YEAR,
            place=KON_TUM,
        )
        for award_id, issuer, form, kind, count in AWARDS_09
    )
    proposed = tuple(
        Commendation(
            id=award_id,
            form="certificate_of_merit",
            issuer="minister_of_public_security",
            recipient_kind=kind,
            count=1,
            status="proposed",
            occasion=OCCASION_LABOUR,
            programme=LABOUR_PROGRAMME_ID,
            date=YEAR,
            place=KON_TUM,
            proposer=POLICE,
        )
        for award_id, kind in AWARDS_LABOUR
    )
    return conferred + proposed


def commendation_figures() -> list[Observation]:
    """The same cells as figures (canon facts 27-34)."""
    ubnd = "Bằng khen của Chủ tịch Uỷ ban nhân dân tỉnh cho 03 tập thể, 05 cá nhân"
    mttq = "Bằng khen của Chủ tịch Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh cho 01 tập thể, 02 cá nhân"
    giay_khen = "Giám đốc Công an tỉnh tặng Giấy khen cho 06 tập thể, 06 cá nhân"
    proposal = "lựa chọn 01 tập thể, 01 cá nhân"
    cells = [
        (ubnd, "certificate_of_merit", "provincial_people_committee_chair", "conferred", 3, 5),
        (mttq, "certificate_of_merit", "provincial_fatherland_front_chair", "conferred", 1, 2),
        (giay_khen, "certificate_of_commendation", "provincial_police_director", "conferred", 6, 6),
        (proposal, "certificate_of_merit", "minister_of_public_security", "proposed", 1, 1),
    ]
    figures: list[Observation] = []
    for quote, form, issuer, status, collectives, individuals in cells:
        for kind, count in (("collective", collectives), ("individual", individuals)):
            dims = {"form": form, "issuer": issuer, "recipient_kind": kind, "status": status}
            figures.append(
                _figure("commendations.recipients", count, Unit.RECIPIENT, quote, dims=dims)
            )
    return figures


# -- 7. limitations ("hạn chế"), the four paragraphs in order ------------------------

LIMITATIONS: tuple[tuple[str, str], ...] = (
    (
        (
            "Công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc ở một số nơi hiệu quả "
            "chưa cao; nội dung tuyên truyền, giáo dục pháp luật và vận động Nhân dân tham gia "
            "phong trào toàn dân bảo vệ an ninh Tổ quốc có lúc, có nơi chưa sát với thực tế, chưa "
            "phù hợp với một số đối tượng, địa bàn đặc thù (khu vực đồng bào dân tộc thiểu số, "
            "địa bàn biên giới...)."
        ),
        (
            "In some places building the movement is not yet very effective; at times and in "
            "places the content of propaganda, legal education and mobilising the People to join "
            "the movement is not close to reality and does not suit some particular groups and "
            "areas (ethnic-minority areas, border areas...)."
        ),
    ),
    (
        (
            "Một bộ phận cán bộ, đảng viên và nhân dân nhận thức chưa đầy đủ; chưa phát huy hết "
            "vai trò, trách nhiệm trong công tác bảo đảm an ninh, trật tự và xây dựng phong trào "
            "toàn dân bảo vệ an ninh Tổ quốc."
        ),
        (
            "Some officials, Party members and people do not yet fully understand the work and "
            "have not fully played their role and responsibility in ensuring security and order "
            "and building the movement."
        ),
    ),
    (
        (
            "Một số mô hình phong trào toàn dân bảo vệ an ninh Tổ quốc hoạt động chưa hiệu quả; "
            "có mô hình hoạt động đã lâu nhưng chưa được quan tâm rà soát, sơ kết, tổng kết, đánh "
            "giá để có sự điều chỉnh cho phù hợp; chủ trương “xã hội hoá” trong công tác xây dựng "
            "phong trào toàn dân bảo vệ an ninh Tổ quốc chưa nhận được sự quan tâm, hưởng ứng của "
            "doanh nghiệp, tổ chức và Nhân dân."
        ),
        (
            "Some models of the movement do not work effectively; some have run for a long time "
            "without being reviewed, assessed and adjusted; the policy of “socialisation” "
            "(drawing on non-state resources) for building the movement has not won the attention "
            "and response of enterprises, organisations and the People."
        ),
    ),
    (
        (
            "Việc triển khai xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc ở các cơ quan "
            "nhà nước còn hạn chế; mới chỉ tập trung xây dựng cơ quan an toàn, phòng, chống cháy "
            "nổ tại trụ sở cơ quan, chưa chú trọng xây dựng phong trào toàn dân bảo vệ an ninh Tổ "
            "quốc gắn với chức năng, nhiệm vụ quản lý Nhà nước của cơ quan."
        ),
        (
            "Building the movement in state agencies is still limited: it has focused only on "
            "safe agencies and fire and explosion prevention at their premises, without linking "
            "the movement to the agencies' state-management functions and tasks."
        ),
    ),
)


def limitations() -> tuple[Limitation, ...]:
    """The four limitations, verbatim, with an English rendering."""
    return tuple(
        Limitation(ordinal=i, vi=vi, en=en) for i, (vi, en) in enumerate(LIMITATIONS, start=1)
    )


# -- 8. directions: "Một là" ... "Sáu là", in order --------------------------------
# The Vietnamese text is what follows "<ordinal> là, " in the seed, verbatim
# (it starts in lower case, as there); the ordinal carries "Một là", "Hai là", ...

ORDINAL_WORDS = ("Một", "Hai", "Ba", "Bốn", "Năm", "Sáu")
DIRECTIONS: tuple[tuple[str, str], ...] = (
    (
        (
            "tiếp tục tham mưu Tỉnh ủy, Ủy ban nhân dân tỉnh triển khai thực hiện hiệu quả các "
            "văn bản chỉ đạo của Đảng, Nhà nước, Bộ Công an về công tác xây dựng phong trào toàn "
            "dân bảo vệ ANTQ."
        ),
        (
            "Continue advising the provincial Party Committee and People's Committee to implement "
            "effectively the directives of the Party, the State and the Ministry of Public "
            "Security on building the movement."
        ),
    ),
    (
        (
            "phát huy biện pháp vận động quần chúng trong công tác bảo vệ ANTT, xây dựng phong "
            "trào toàn dân bảo vệ ANTQ đáp ứng yêu cầu, nhiệm vụ bảo đảm an ninh quốc gia, giữ "
            "gìn trật tự an toàn xã hội trong tình hình mới."
        ),
        (
            "Make full use of mass mobilisation in protecting security and order, and build the "
            "movement to meet the tasks of safeguarding national security and social order and "
            "safety in the new situation."
        ),
    ),
    (
        (
            "xây dựng, kiện toàn và đảm bảo hoạt động của lực lượng tham gia bảo vệ ANTT tại cơ "
            "sở; triển khai thực hiện công tác Công an thực hiện Chương trình mục tiêu quốc gia "
            "xây dựng nông thôn mới."
        ),
        (
            "Build, consolidate and keep operating the forces taking part in protecting security "
            "and order at the grassroots; carry out the police's part in the National Target "
            "Programme on new rural development."
        ),
    ),
    (
        (
            "nâng cao chất lượng, hiệu quả công tác phối hợp với Quân đội nhân dân, Ủy ban Mặt "
            "trận Tổ quốc Việt Nam tỉnh và các ban ngành, đoàn thể trong việc triển khai thực "
            "hiện công tác xây dựng phong trào toàn dân bảo vệ ANTQ."
        ),
        (
            "Improve the quality and effectiveness of cooperation with the People's Army, the "
            "provincial Vietnam Fatherland Front committee and the departments, sectors and mass "
            "organisations in building the movement."
        ),
    ),
    (
        (
            "bồi dưỡng kiến thức, nâng cao trình độ chính trị, pháp luật, chuyên môn nghiệp vụ, "
            "kiện toàn tổ chức, bố trí cán bộ chuyên trách xây dựng phong trào toàn dân bảo vệ "
            "ANTQ một cách khoa học, hợp lý, đảm bảo thực hiện tốt chức năng quản lý nhà nước và "
            "tổ chức thực hiện kế hoạch, biện pháp xây dựng phong trào toàn dân bảo vệ ANTQ."
        ),
        (
            "Train officers and raise their political, legal and professional level; consolidate "
            "the organisation and assign dedicated movement officers soundly and rationally, so "
            "that state management and the plans and measures for building the movement are "
            "carried out well."
        ),
    ),
    (
        (
            "sơ kết, tổng kết công tác phong trào toàn dân bảo vệ ANTQ; đề xuất biểu dương, khen "
            "thưởng các tập thể, cá nhân có thành tích xuất sắc trong bảo vệ ANTT và xây dựng "
            "phong trào toàn dân bảo vệ ANTQ."
        ),
        (
            "Hold interim and final reviews of the movement's work; propose praise and awards for "
            "collectives and individuals with outstanding achievements in protecting security and "
            "order and building the movement."
        ),
    ),
)


def directions() -> tuple[Direction, ...]:
    """The six directions, verbatim, with an English rendering."""
    return tuple(
        Direction(ordinal=i, vi=vi, en=en) for i, (vi, en) in enumerate(DIRECTIONS, start=1)
    )


# -- 9. publication ---------------------------------------------------------------------
# The article's headline and author; the text gives no date, URL or publisher.

HEADLINE = (
    "Năm 2023, công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc trên địa bàn tỉnh "
    "Kon Tum đạt được nhiều kết quả tích cực"
)


def publication() -> Publication:
    """The article that carries the report."""
    return Publication(title=HEADLINE, author="Thái Ngân", source=SOURCE)


# -- the report ---------------------------------------------------------------------------


def build_report() -> MovementReport:
    """The whole Kon Tum 2023 report, figures in the report's (and canon's) order."""
    figures = (
        mobilisation_figures()
        + tip_figures()
        + media_figures()
        + model_figures()
        + force_figures()
        + commendation_figures()
    )
    return MovementReport(
        id="kon-tum-2023",
        issuer=ISSUER,
        issuer_committee=COMMITTEE_ID,
        place=KON_TUM,
        period=PERIOD,
        as_of=AS_OF,
        publication=publication(),
        observations=tuple(figures),
        organisations=organisations(),
        committees=(steering_committee(),),
        campaigns=campaigns(),
        forces=forces(),
        programmes=(army_cooperation(), programme_09(), labour_programme()),
        commendations=commendations(),
        limitations=limitations(),
        directions=directions(),
    )


def render(report: MovementReport) -> str:
    """The file text of ``report``: what :func:`antq_domain.io.dump_report` writes."""
    return report_json(report)


def main(argv: Sequence[str] | None = None) -> int:
    """Write the example file, or with ``--check`` report whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the JSON")
    args = parser.parse_args(argv)
    text = render(build_report())
    target: Path = args.output
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            print(f"{target} is out of date: run python tools/build_kon_tum_example.py")
            return 1
        print(f"{target} is up to date")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
