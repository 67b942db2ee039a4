"""Tests of antq_domain.extract: reading figures, with quotes, from Vietnamese prose."""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq_domain.errors import AntqTypeError, ParseError, UnknownCodeError
from antq_domain.extract import (
    Extraction,
    FigureRole,
    UnusedReason,
    extract_report,
)
from antq_domain.values.numbers import format_number
from antq_domain.values.period import Period
from antq_domain.values.unit import Qualifier

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SEED = CORPUS / "00-kon-tum-2023.txt"
SEED_ABSENT = (
    "reads the published Kon Tum 2023 article from the maintainers' corpus, which is not part "
    "of the repository; nothing is wrong with your copy"
)

EXCERPT = (
    "Năm 2023, công tác xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc trên địa bàn "
    "tỉnh Kon Tum đạt được nhiều kết quả tích cực.\n\n"
    "Trong năm, các đơn vị đã phối hợp tổ chức 1.160 đợt phát động phong trào toàn dân "
    "bảo vệ ANTQ và tuyên truyền pháp luật với hơn 145.410 lượt người tham gia; 470 đợt "
    "vận động Nhân dân tham gia giữ gìn trật tự, an toàn giao thông với hơn 81.417 lượt "
    "người tham gia.\n\n"
    "Qua công tác tuyên truyền, vận động, người dân đã cung cấp cho lực lượng Công an 726 "
    "nguồn tin về ANTT, trong đó 655 nguồn tin có giá trị.\n\n"
    "Hiện nay Công an tỉnh đã bố trí Công an xã, thị trấn chính quy tại 85/85 xã và 07/07 "
    "thị trấn trên địa bàn tỉnh theo đúng lộ trình.\n\n"
    "Phối hợp tổ chức Hội nghị tổng kết 10 năm thực hiện Chương trình phối hợp số "
    "09/CTr-BCA-MTTQ ngày 01 tháng 8 năm 2013 về đẩy mạnh phong trào toàn dân bảo vệ an "
    "ninh Tổ quốc trong tình hình mới, giai đoạn 2013-2023 và đã trao tặng Bằng khen của "
    "Chủ tịch Uỷ ban nhân dân tỉnh cho 03 tập thể, 05 cá nhân.\n"
)


def facts(ex: Extraction) -> set[tuple[str | None, tuple[tuple[str, str], ...], Any, str]]:
    return {
        (f.indicator, tuple(sorted(f.dims.items())), f.value, f.qualifier.value) for f in ex.figures
    }


# -- the seed ------------------------------------------------------------------------
class TestSeed:
    def test_excerpt_figures_with_quotes(self) -> None:
        ex = extract_report(EXCERPT)
        assert facts(ex) == {
            ("mobilisation.launch_campaigns", (), 1160, "exact"),
            ("mobilisation.launch_participants", (), 145410, "more_than"),
            ("mobilisation.traffic_campaigns", (), 470, "exact"),
            ("mobilisation.traffic_participants", (), 81417, "more_than"),
            ("tips.received", (), 726, "exact"),
            ("tips.valuable", (), 655, "exact"),
            ("forces.regular_police_units", (("unit_kind", "commune"),), 85, "exact"),
            ("admin.units", (("unit_kind", "commune"),), 85, "exact"),
            ("forces.regular_police_units", (("unit_kind", "township"),), 7, "exact"),
            ("admin.units", (("unit_kind", "township"),), 7, "exact"),
            (
                "commendations.recipients",
                (
                    ("form", "certificate_of_merit"),
                    ("issuer", "provincial_people_committee_chair"),
                    ("recipient_kind", "collective"),
                    ("status", "conferred"),
                ),
                3,
                "exact",
            ),
            (
                "commendations.recipients",
                (
                    ("form", "certificate_of_merit"),
                    ("issuer", "provincial_people_committee_chair"),
                    ("recipient_kind", "individual"),
                    ("status", "conferred"),
                ),
                5,
                "exact",
            ),
        }
        quotes = {f.quote for f in ex.figures}
        assert "655 nguồn tin có giá trị" in quotes
        assert "hơn 145.410 lượt người" in quotes

    def test_excerpt_place_period_records_and_unused(self) -> None:
        ex = extract_report(EXCERPT)
        assert ex.place == "62"
        assert ex.period == Period.year(2023)
        assert ex.place_evidence is not None
        assert "Kon Tum" in ex.place_evidence.quote
        assert ex.report is not None
        assert ex.report.ratio("tips.valuable_rate").format("vi") == "90,2% (655/726)"
        assert [str(p.document) for p in ex.programmes] == ["09/CTr-BCA-MTTQ"]
        assert ex.programmes[0].signed is not None
        assert ex.programmes[0].signed.isoformat() == "2013-08-01"
        assert [c.count for c in ex.commendations] == [3, 5]
        reasons = {(u.text, u.reason) for u in ex.unused}
        assert ("10", UnusedReason.PERIOD_LENGTH) in reasons
        assert ("09", UnusedReason.DOCUMENT_NUMBER) in reasons
        assert ("2013-2023", UnusedReason.PERIOD) in reasons
        assert ("01", UnusedReason.DATE) in reasons

    @pytest.mark.skipif(not SEED.exists(), reason=SEED_ABSENT)
    def test_all_34_canon_facts_of_the_seed(self) -> None:
        canon = json.loads(
            SEED.with_name("00-kon-tum-2023.canon.json").read_text("utf-8"), parse_float=Decimal
        )
        ex = extract_report(SEED.read_text("utf-8"))
        expected = {
            (f["indicator"], tuple(sorted(f["dims"].items())), f["value"], f["qualifier"])
            for f in canon["facts"]
        }
        assert len(canon["facts"]) == 34
        # the canon predates strict bounds: its at_least is "hơn" (Qualifier.loose)
        assert {(i, d, v, Qualifier.parse(q).loose.value) for i, d, v, q in facts(ex)} == expected
        assert len(ex.figures) == 34
        assert ex.report is not None
        assert len(ex.report.observations) == 34


# -- Vietnamese as written -------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "indicator", "value", "qualifier"),
    [
        ("hơn 12.949 tin, bài viết", "media.online_posts", 12949, Qualifier.MORE_THAN),  # hơn
        ("trên 33.100 điểm", "models.sites", 33100, Qualifier.MORE_THAN),  # trên
        ("gần 400 mô hình", "models.active", 400, Qualifier.LESS_THAN),  # gần
        ("dưới 400 mô hình", "models.active", 400, Qualifier.LESS_THAN),  # dưới
        ("ít nhất 400 mô hình", "models.active", 400, Qualifier.AT_LEAST),  # ít nhất
        ("tối thiểu 400 mô hình", "models.active", 400, Qualifier.AT_LEAST),  # tối thiểu
        ("không quá 400 mô hình", "models.active", 400, Qualifier.AT_MOST),  # không quá
        ("tối đa 400 mô hình", "models.active", 400, Qualifier.AT_MOST),  # tối đa
        ("khoảng 60 tin truyền hình", "media.broadcasts", 60, Qualifier.APPROXIMATELY),
        ("13,85 kg pháo", "weapons.firecrackers", Decimal("13.85"), Qualifier.EXACT),  # decimal
        ("02 mô hình tiên tiến", "models.active", 2, Qualifier.EXACT),  # zero-padded
        ("trên 1 nghìn tờ rơi", "media.documents", 1000, Qualifier.MORE_THAN),  # scale word
        ("bắt 17 đối tượng truy nã", "crime.wanted_arrested", 17, Qualifier.EXACT),  # verb
    ],
)
def test_vietnamese_figures(text: str, indicator: str, value: Any, qualifier: Qualifier) -> None:
    [fig] = extract_report(text).figures
    assert (fig.indicator, fig.value, fig.qualifier) == (indicator, value, qualifier)


def test_fraction_is_two_figures_and_a_percentage_its_ratio() -> None:
    ex = extract_report("Công an huyện đã xác minh giải quyết 219/236 tin báo, đạt 93%.")
    got = [(f.indicator, f.value, f.role) for f in ex.figures]
    assert got == [
        ("tips.resolved", 219, FigureRole.PART),
        ("tips.in_jurisdiction", 236, FigureRole.WHOLE),
        ("tips.resolution_rate", 93, FigureRole.PERCENT),
    ]


def test_headline_repeating_the_body_is_counted_once_with_both_quotes() -> None:
    text = "Duy trì 326 tổ tự quản về ANTT\n\nCác địa phương đã duy trì tốt 326 tổ tự quản về ANTT."
    [fig] = extract_report(text).figures
    assert fig.indicator == "forces.self_managed_groups"
    assert len(fig.also_quoted) == 1
    s, e = fig.also_quoted[0]
    assert text[s:e] == "326 tổ tự quản về ANTT"


def test_proposed_commendations_are_marked_proposed() -> None:
    text = (
        "lựa chọn 01 tập thể, 01 cá nhân có thành tích xuất sắc đề nghị Bộ trưởng Bộ Công an "
        "tặng Bằng khen."
    )
    ex = extract_report(text)
    assert {(f.dims["recipient_kind"], f.dims["status"], f.dims["issuer"]) for f in ex.figures} == {
        ("collective", "proposed", "minister_of_public_security"),
        ("individual", "proposed", "minister_of_public_security"),
    }


@pytest.mark.parametrize(
    ("text", "number", "reason"),
    [
        ("Ngày 9/8, huyện tổ chức", "9/8", UnusedReason.DATE),  # day/month after "ngày"
        ("Lễ Quốc khánh 02 tháng 9", "02", UnusedReason.DATE),  # day before "tháng 9"
        ("lúc 08:37 sáng", "08:37", UnusedReason.TIME),  # time of day
        ("Năm 2024, tỉnh", "2024", UnusedReason.YEAR),  # a year
        ("Quý 2-2020, Công an", "2-2020", UnusedReason.PERIOD),  # a quarter
        ("giai đoạn 2013-2023", "2013-2023", UnusedReason.PERIOD),  # a span of years
        ("tổng kết 10 năm thực hiện", "10", UnusedReason.PERIOD_LENGTH),  # period length
        ("kỷ niệm 20 năm ngày", "20", UnusedReason.ANNIVERSARY),  # anniversary
        ("theo Thông tư 124/2021/TT-BCA về", "124/2021", UnusedReason.DOCUMENT_NUMBER),
        ("mô hình 5 giúp 1 tại xã", "5", UnusedReason.NAME),  # a model's name
        ("câu lạc bộ “5 không, 3 sạch”", "3", UnusedReason.NAME),  # digits in quotes
        ("Ban Chỉ đạo 138 tỉnh", "138", UnusedReason.NAME),  # an organisation's name
        ("\n1. Tuyên truyền", "1", UnusedReason.LIST_MARKER),  # list marker
        ("xem https://x.vn/bai?id=281473 nhé", "281473", UnusedReason.URL),  # inside a URL
        ("có 1.16 nghìn", "1.16", UnusedReason.UNREADABLE),  # "." groups thousands only
    ],
)
def test_numbers_that_are_not_figures(text: str, number: str, reason: UnusedReason) -> None:
    ex = extract_report(text)
    assert (number, reason) in {(u.text, u.reason) for u in ex.unused}
    assert not ex.figures


def test_unmatched_figures_are_reported_never_forced() -> None:
    # watchtowers: no code in the catalogue (security clusters got one in issue 12)
    ex = extract_report("Có 5 chòi canh gác.")
    assert not ex.figures
    [fig] = ex.unmatched
    assert (fig.indicator, fig.value, fig.quote) == (None, 5, "5 chòi")
    assert fig.reason


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("Năm 2023, công tác", "2023"),  # a year
        ("Trong 7 tháng đầu năm 2023, nhân dân", "2023-01-01/2023-07-31"),  # months of a year
        ("Trong 7 tháng đầu năm, ... Ngày hội năm 2023", "2023-01-01/2023-07-31"),  # year later
        ("Quý II/2020, Công an", "2020Q2"),  # quarter, roman
        ("6 tháng đầu năm 2024, ", "2024S1"),  # half-year
    ],
)
def test_period_read_from_the_text(text: str, period: str) -> None:
    ex = extract_report(text)
    assert str(ex.period) == period
    assert ex.period_evidence is not None


def test_place_read_from_the_register() -> None:
    ex = extract_report("Năm 2020, trên địa bàn huyện Phú Bình có 63 tổ hòa giải cơ sở.")
    assert ex.place == "173"
    assert ex.report is not None
    assert ex.report.observations[0].quote == "63 tổ hòa giải cơ sở"


def test_no_place_means_no_draft_report() -> None:
    ex = extract_report("Năm 2023, có 63 tổ hòa giải cơ sở.")
    assert ex.place is None
    assert ex.report is None
    assert ex.notes == ("no place: pass place=... or name it in the text",)
    given_place = extract_report("Năm 2023, có 63 tổ hòa giải cơ sở.", place="62")
    assert given_place.report is not None


def test_a_given_place_is_checked_against_the_register() -> None:
    """A place passed in is a register code of the period, like every place of a report."""
    with pytest.raises(UnknownCodeError, match=r"place='99': expected a code of the register"):
        extract_report("Năm 2023, có 63 tổ hòa giải cơ sở.", place="99")
    with pytest.raises(UnknownCodeError, match=r"did you mean '62' \(Tỉnh Kon Tum"):
        extract_report("Năm 2023, có 63 tổ hòa giải cơ sở.", place="Kon Tum")


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({"text": b"bytes"}, AntqTypeError, "text"),  # not a str
        ({"text": "x", "period": "quý V"}, ParseError, "period"),  # not a period
    ],
)
def test_bad_arguments(kwargs: dict[str, Any], error: type[Exception], field: str) -> None:
    with pytest.raises(error) as info:
        extract_report(**kwargs)
    assert getattr(info.value, "field", None) == field


def test_rows_and_json() -> None:
    ex = extract_report(EXCERPT)
    rows = ex.to_rows()
    assert [r["start"] for r in rows] == sorted(r["start"] for r in rows)
    assert {r["kind"] for r in rows} == {"figure", "unused"}
    data = json.loads(ex.to_json())
    assert data["place"] == "62"
    assert data["period"] == "2023"
    assert len(data["report"]["observations"]) == len(ex.figures)


# -- properties -----------------------------------------------------------------------
VI_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
ALPHABET = VI_LETTERS + VI_LETTERS.upper() + '0123456789 .,;:/%-–()“”"\n'
COUNTERS = ["nguồn tin có giá trị", "lượt người", "tổ hòa giải", "xã", "kg pháo", "cụm"]
PLACE_PERIOD_PHRASES = [
    "huyện Đăk Tô, tỉnh Kon Tum",
    "trên địa bàn TP. Đồng Hới",
    "toàn quốc",
    "UBND tỉnh",
    "giai đoạn 2010 – 2014",
    "10 năm (2006 – 2016)",
    "date 2022-11\n",
    "08:37 03/07/2020\n",
    "từ đầu năm đến nay",
    "tổng kết 10 năm",
    "9 tháng năm 2024",
    "từ cuối tháng 12-2020",
    "đến ngày 2-2-2021",
    "được UBND thành phố Bắc Kạn tặng giấy khen",
    "với 15 đối tượng",
    "Source: https://baophutho.vn/a.htm\n",
    # the grammar of counted noun phrases, lists, kinds and tips' results
    "tại tất cả",
    "xã, thị trấn",
    "nguồn tin, qua đó giúp",
    "góp phần điều tra khám phá",
    "“Mô hình camera an ninh” với",
    "lựu đạn, đầu đạn, bom mìn các loại",
    "đội thanh niên xung kích,",
    "tổ hòa giải, 1 câu lạc bộ",
    "cho 01 cá nhân 03 tập thể",
    "tin, bài trên mạng xã hội",
]


@st.composite
def report_texts(draw: st.DrawFn) -> str:
    """Vietnamese-looking text with figures; shrinks towards short plain text."""
    pieces = draw(
        st.lists(
            st.one_of(
                st.text(ALPHABET, max_size=30),
                st.builds(
                    lambda q, n, c: f"{q}{format_number(n)} {c}",
                    st.sampled_from(["", "hơn ", "gần ", "khoảng "]),
                    st.integers(0, 10**7),
                    st.sampled_from(COUNTERS),
                ),
                st.builds(lambda a, b: f"{a}/{a + b} xã", st.integers(0, 999), st.integers(0, 99)),
                # places, periods and authorities as reports write them
                st.sampled_from(PLACE_PERIOD_PHRASES),
            ),
            max_size=8,
        )
    )
    return " ".join(pieces)


def check_spans(text: str, ex: Extraction) -> None:
    for f in (*ex.figures, *ex.unmatched):
        s, e = f.span
        assert text[s:e] == f.quote
        ns, ne = f.number_span
        assert text[ns:ne] == f.number
        assert s <= ns <= ne <= e
        assert f.number.strip()
        for a, b in f.also_quoted:
            assert 0 <= a <= b <= len(text)
    for u in ex.unused:
        assert text[u.span[0] : u.span[1]] == u.text
    for f in (*ex.figures, *ex.unmatched):
        for ev in f.evidence:
            assert text[ev.span[0] : ev.span[1]] == ev.quote
    for said in (ex.place_evidence, ex.period_evidence):
        if said is not None:
            assert text[said.span[0] : said.span[1]] == said.quote


class TestQuotesAreTheTextAtTheirSpans:
    """Any number reported occurs in the text at its span, inside its quote."""

    @given(report_texts())
    def test_nfc(self, text: str) -> None:
        check_spans(text, extract_report(text))

    @given(report_texts())
    def test_nfd(self, text: str) -> None:
        nfd = unicodedata.normalize("NFD", text)
        check_spans(nfd, extract_report(nfd))


class TestNormalFormDoesNotChangeTheReading:
    """NFC and NFD spellings of a text give the same figures."""

    @given(report_texts())
    def test_same_figures(self, text: str) -> None:
        nfc = unicodedata.normalize("NFC", text)
        nfd = unicodedata.normalize("NFD", text)
        assert facts(extract_report(nfc)) == facts(extract_report(nfd))


class TestFiguresAreReadAsWritten:
    """A figure printed the Vietnamese way is read back with its value and qualifier."""

    @given(
        st.integers(0, 10**9),
        st.sampled_from(list(Qualifier)),
    )
    def test_round_trip(self, value: int, qualifier: Qualifier) -> None:
        text = f"cung cấp {format_number(value, qualifier=qualifier)} nguồn tin có giá trị."
        [fig] = extract_report(text).figures
        assert (fig.indicator, fig.value, fig.qualifier) == ("tips.valuable", value, qualifier)


class TestNeverRaises:
    """Extraction never raises on text, whatever the text."""

    @given(st.text())
    def test_any_text(self, text: str) -> None:
        check_spans(text, extract_report(text))

    @given(st.text(ALPHABET))
    def test_vietnamese_alphabet(self, text: str) -> None:
        check_spans(text, extract_report(text))


# -- periods stated in other ways (made-up sentences in the reports' style) ---------------
@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "Trong 9 tháng năm 2024, lực lượng Công an tiếp nhận 12 tin báo.",
            "2024-01-01/2024-09-30",
        ),
        ("Kết quả 6 tháng cuối năm 2022: 4 mô hình.", "2022S2"),
        ("Biểu dương điển hình giai đoạn 2010 – 2014, có 16 cá nhân.", "2010/2014"),
        ("Giai đoạn từ năm 2013 đến năm 2022, 9 xã đạt chuẩn.", "2013/2022"),
        ("Tổng kết 10 năm (2006 – 2016), 5 mô hình.", "2006/2016"),
        (
            "Từ đầu tháng 12-2020, Công an huyện vận động; đến ngày 2-2-2021 thu 4 khẩu súng.",
            "2020-12-01/2021-02-02",
        ),
        ("date 2024-05-15\nTừ đầu năm đến nay, 7 vụ án được khám phá.", "2024-01-01/2024-05-15"),
        ("date 2022-11\nTổng kết 10 năm thực hiện Nghị quyết, 3 mô hình.", "2013/2022"),
        ("08:37 03/07/2020\nTừ đầu năm đến nay có 7 mô hình.", "2020-01-01/2020-07-03"),
        # "từ đầu năm đến nay" is a part of the year named, up to the day the lead opens on
        (
            (
                "date 2023-06\n(XYZ)- Ngày 12-6, huyện tổ chức Ngày hội năm 2023.\n"
                "Từ đầu năm đến nay, nhân dân cung cấp 40 nguồn tin."
            ),
            "2023-01-01/2023-06-12",
        ),
        (
            "Ngày 5-9, xã tổ chức Ngày hội năm 2021.\nTừ đầu năm đến nay, có 7 mô hình.",
            "2021-01-01/2021-09-05",
        ),
        # no year named: the year of the day the lead opens on; "10 năm Ngày hội" is an
        # anniversary, not ten years under review
        (
            (
                "Vào lúc 8 giờ ngày 20/8/2016, xã tổ chức lễ kỷ niệm, nghe báo cáo tổng kết "
                "10 năm “Ngày hội toàn dân”; khen thưởng 3 tập thể."
            ),
            "2016",
        ),
        # A year named outright wins over a span of commendations.
        ("Năm 2023, khen thưởng giai đoạn 2018-2023; năm 2023 có 5 mô hình.", "2023"),
        # a dateline with the time after the date; no year named: the article's year
        ("Thứ Hai, 15/05/2023, 09:10 (GMT+7)\nXã duy trì 7 mô hình tự quản.", "2023"),
        # "từ đầu năm 2022 đến nay" in a text of 2023 runs over both years
        (
            "Xã tổ chức Ngày hội năm 2023. Từ đầu năm 2022 đến nay, nhân dân cung cấp 30 tin.",
            "2022/2023",
        ),
        # "trong năm 2024" written in October 2024: up to the article's date
        (
            "date 2024-10-20\nTrong năm 2024, Công an xã tiếp nhận 12 khẩu súng tự chế.",
            "2024-01-01/2024-10-20",
        ),
        # months in words; "nửa" (half) a year
        ("Sáu tháng đầu năm 2024, xã duy trì 12 mô hình.", "2024S1"),
        ("Nửa cuối năm 2024, xã duy trì 12 mô hình.", "2024S2"),
        ("Chín tháng năm 2024, xã duy trì 12 mô hình.", "2024-01-01/2024-09-30"),
        # ranges stated outright: days from the first of a month, months, New Year's Day to a day
        ("Từ ngày 1/1/2024 đến ngày 30/6/2024, xã duy trì 12 mô hình.", "2024S1"),
        ("Từ tháng 1 đến tháng 6 năm 2024, xã duy trì 12 mô hình.", "2024S1"),
        ("Từ tháng 4/2024 đến tháng 9/2024, xã duy trì 12 mô hình.", "2024-04-01/2024-09-30"),
        ("Từ đầu năm 2024 đến ngày 30/9/2024, xã duy trì 12 mô hình.", "2024-01-01/2024-09-30"),
        # ... but the few days of an event are not the report's period
        ("Năm 2024, từ ngày 09/8/2024 đến ngày 13/8/2024, xã tổ chức 5 hội nghị.", "2024"),
        # since a year up to the article's
        ("date 2024-05\nTừ năm 2015 đến nay, xã duy trì 12 mô hình.", "2015/2024"),
        # a term of office; a span in brackets
        ("Nhiệm kỳ 2020 - 2025, xã duy trì 12 mô hình.", "2020/2025"),
        ("Trong 5 năm qua (2019-2024), xã duy trì 12 mô hình.", "2019/2024"),
        # ... but a year that had ended when the article was written is the whole year
        ("date 2025-03-02\nTrong năm 2024, Công an xã tiếp nhận 12 khẩu súng.", "2024"),
        # A month-only date line takes its day from the web address's publication stamp.
        (
            (
                "Source: https://tin.vn/ngay-hoi-o-xa-20230915101010.htm\n\ndate 2023-09\n"
                "Từ đầu năm đến nay, xã duy trì 6 mô hình."
            ),
            "2023-01-01/2023-09-15",
        ),
        (
            (
                "Source: https://tin.vn/ngay-hoi-o-xa-20230815101010.htm\n\ndate 2023-09\n"
                "Từ đầu năm đến nay, xã duy trì 6 mô hình."
            ),
            "2023-01-01/2023-09-30",
        ),
        # A review is of a year that has ended; the year after it is the one planned.
        (
            (
                "Kế hoạch năm 2022 của phường\n\nNgày 8/2, phường tổ chức hội nghị tổng kết "
                "phong trào năm 2021, triển khai nhiệm vụ năm 2022. Phường có 6 mô hình."
            ),
            "2021",
        ),
        # the last month written alone with its year; a range ending in the article's month
        # ends on the article's day
        (
            (
                "09:12 19/08/2024\n\nCông an tỉnh thu hồi 290 khẩu súng sau 3 tháng (từ tháng "
                "5 đến 8/2024) thực hiện cao điểm."
            ),
            "2024-05-01/2024-08-19",
        ),
        (
            "Trong đợt cao điểm từ tháng 5 đến 8/2024, thu hồi 290 khẩu súng.",
            "2024-05-01/2024-08-31",
        ),
        # since a month, up to the article's date
        (
            "date 2025-12-15\nTừ tháng 7/2025 đến nay, Công an xã thu hồi 83 khẩu súng.",
            "2025-07-01/2025-12-15",
        ),
        # a date line of a month alone: the day the opening sentence names in that month
        (
            (
                "date 2023-07\nTại Ngày hội năm 2023 do thị trấn tổ chức ngày 29-7, người dân "
                "đổi 12 khẩu súng lấy gạo.\n\nTừ đầu năm 2023 đến nay, có 5 mô hình."
            ),
            "2023-01-01/2023-07-29",
        ),
    ],
)
def test_periods_read_from_the_text(text: str, period: str) -> None:
    ex = extract_report(text)
    assert ex.period is not None
    assert (ex.period.start, ex.period.end) == (
        Period.parse(period).start,
        Period.parse(period).end,
    )
    assert ex.period_evidence is not None
    s, e = ex.period_evidence.span
    assert text[s:e] == ex.period_evidence.quote


@pytest.mark.parametrize(
    "text",
    [
        "Tổng kết 10 năm thực hiện Nghị quyết, 3 mô hình.",  # no article date: no period
        "Từ đầu năm đến nay, 7 vụ án được khám phá.",
        "Ngày 5-9, xã tổ chức Ngày hội. Từ đầu năm đến nay, có 7 mô hình.",  # no year at all
        "Trong 1.2 tháng có 3 mô hình.",  # a number at a line's start is no lead's day
        "Từ tháng 13-2020 đến ngày 2-2-2021 có 4 khẩu súng.",  # no 13th month
        "giai đoạn 2014 – 2010",  # backwards
        "Kỷ niệm 80 năm (1945 – 2025), xã có 12 mô hình.",  # an anniversary, not a review
        "Từ 15/8 đến 15/9/2024, xã có 12 mô hình.",  # not from the first of a month
        "Có 5 đầu năm mô hình.",  # a number without "tháng" is no part of a year
    ],
)
def test_periods_not_guessed(text: str) -> None:
    assert extract_report(text).period is None


# -- places named in other ways (made-up sentences in the reports' style) ----------------
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # an abbreviated kind
        ("Năm 2018, trên địa bàn TP. Đồng Hới có 186 buổi tuyên truyền.", "450"),
        ("Năm 2018, Tp Đồng Hới tổ chức 186 buổi tuyên truyền.", "450"),
        # the register spells it "Đắk Tô"
        ("Năm 2022, huyện Đăk Tô, tỉnh Kon Tum có 9 xã.", "612"),
        # the parent after the name picks one of the 22 communes called Tân Lập
        ("Năm 2023, xã Tân Lập, huyện Bắc Sơn, tỉnh Lạng Sơn có 12 mô hình.", "06352"),
        ("Năm 2023, xã Tân Lập, tỉnh Phú Thọ có 12 mô hình.", "08641"),
        # Hồ Chí Minh City's short forms, a kind and a name in one word (the old city in 2024)
        ("Năm 2024, UBND TP.HCM tổ chức 5 hội nghị.", "79@2025-06-30"),
        ("Năm 2024, Công an TP. HCM có 5 mô hình.", "79@2025-06-30"),
        ("Năm 2024, tại TPHCM có 5 mô hình.", "79@2025-06-30"),
        ("Năm 2026, Tp.HCM có 5 mô hình.", "79"),
        # the parent in brackets, with or without its kind word, picks one Tân Lập
        ("Năm 2023, xã Tân Lập (huyện Bắc Sơn) có 12 mô hình.", "06352"),
        ("Năm 2023, Xã Tân Lập (Bắc Sơn) có 12 mô hình.", "06352"),
        # a province or central city named without its kind word, after a cue word
        ("Năm 2024, Công an Quảng Nam có 12 mô hình.", "49"),
        ("Năm 2024, tại Đà Nẵng có 12 mô hình.", "48@2025-06-30"),
        ("Năm 2024, trên địa bàn Thủ đô có 120 mô hình.", "01"),
        ("Năm 2024, Công an Thừa Thiên Huế có 12 mô hình.", "46"),
        # a name several communes share: the one inside a unit named elsewhere in the text,
        # or inside the province of the publisher's web address
        ("Năm 2023, trên địa bàn xã Tân Lập có 12 mô hình. Huyện Bắc Sơn khen thưởng.", "06352"),
        ("Source: https://baophutho.vn/tin-1.htm\n\nNăm 2023, xã Tân Lập có 12 mô hình.", "08641"),
        # a district of a 2025 report: alive in the period, gone at its end (30 June 2025)
        ("Năm 2025, trên địa bàn huyện Đăk Tô có 5 mô hình.", "612"),
        ("Năm 2025, huyện Mang Yang, tỉnh Gia Lai tổ chức 5 hội nghị tuyên truyền.", "629"),
        # numbered units: the number is the name (and the parent after it picks one)
        ("Năm 2023, trên địa bàn Quận 12 có 15 mô hình.", "761"),
        ("Năm 2023, trên địa bàn phường 12, quận Gò Vấp có 15 mô hình.", "26881"),
        # a hyphenated name, however the hyphen is spaced
        ("Năm 2024, toàn tỉnh Bà Rịa-Vũng Tàu có 12 mô hình.", "77"),
        ("Năm 2024, tại Bà Rịa – Vũng Tàu có 12 mô hình.", "77"),
        # the country
        ("Năm 2023, toàn quốc có 38 mô hình.", "VN"),
        ("Năm 2023, cả nước đã xây dựng 38 mô hình.", "VN"),
        # the province all the units named lie in (a caption names a district)
        (
            "Quý 2-2020, các đơn vị duy trì 326 tổ tự quản.\n\nCAP Hợp Đức, quận Đồ Sơn",
            "31@2025-06-30",
        ),
        # the publisher's province, when the text names no unit
        (
            "Source: https://baophutho.vn/tin-123.htm\n\nNăm 2025, UBND tỉnh tặng 5 bằng khen.",
            "25",
        ),
        # a text republished elsewhere: the paper on its "Nguồn:" (source) line
        (
            (
                "Source: https://tonghop.vn/1-693-khau-sung\n\n"
                "Năm 2024, toàn tỉnh thu hồi 1.693 khẩu súng.\n"
                "Nguồn: https://baotuyenquang.com.vn/xa-hoi/202511/1693-khau-sung/\n"
            ),
            "08@2025-06-30",
        ),
        # the headline in the web address names the place after "tại"/"ở"; the kind is the
        # one the text calls its own unit by ("toàn tỉnh": the province, not the city)
        (
            (
                "Source: https://tin.vn/an-ninh/ket-qua-tot-tai-hai-duong-1234/\n\n"
                "Năm 2019, toàn tỉnh có 25 mô hình."
            ),
            "30",
        ),
        (
            (
                "Source: https://tin.vn/nhieu-mo-hinh-o-phuong-phu-ha-post99.html\n\n"
                "Năm 2020, phường duy trì 5 tổ tự quản."
            ),
            "22750",
        ),
        # An abbreviation's full stop ends its word: the name may follow with no space.
        ("Năm 2021, Công an TP.Cần Thơ đã phát hiện 12 vụ.", "92@2025-06-30"),
        ("Năm 2021, UBND TP.Tam Kỳ tổ chức 5 buổi tuyên truyền.", "502"),
        ("Năm 2018, UBND TX.Buôn Hồ tổ chức 5 buổi tuyên truyền.", "644"),
        ("Năm 2022, UBND H.Đông Anh tổ chức 5 buổi tuyên truyền.", "017"),
        # A unit named where something happened, under a text that calls its own unit by
        # a kind above it ("UBND tỉnh"): the province holding it.
        ("Sáng 20.3, tại TP. Tam Kỳ, UBND tỉnh tổ chức hội nghị; toàn tỉnh có 5 mô hình.", "49"),
        ("Năm 2021, tại xã Chiềng Khoa, UBND huyện tổ chức 5 buổi tuyên truyền.", "128"),
        # a text naming two communes of one district, and the district, is about the district
        (
            (
                "Năm 2020, Công an huyện Đức Trọng phối hợp với xã Ninh Gia tổ chức lễ phát "
                "động. Tại xã Tà Năng, Công an thu hồi 9 vũ khí. Tại xã Ninh Gia, Công an thu "
                "hồi 11 khẩu súng."
            ),
            "678",
        ),
        # the unit holding a named one, written right after it, only locates it; and the
        # named unit's own body acting ("UBND phường") keeps it against "trên địa bàn thị xã"
        (
            (
                "Sáng 18-7, UBND phường An Bình (thị xã An Khê, tỉnh Gia Lai) tổ chức Ngày hội "
                "năm 2023. Đại diện 10 xã, phường trên địa bàn thị xã cùng dự."
            ),
            "23614@2025-06-30",
        ),
        # a kind word before a word in lower case is no place ("xã hội": society), and does
        # not hide the kind word after it
        (
            "Năm 2023, các đoàn thể chính trị - xã hội trên địa bàn huyện Thọ Xuân có 31 mô hình.",
            "395",
        ),
    ],
)
def test_places_read_from_the_text(text: str, place: str) -> None:
    ex = extract_report(text)
    assert ex.place == place
    assert ex.place_evidence is not None
    s, e = ex.place_evidence.span
    assert text[s:e] == ex.place_evidence.quote


def test_a_text_about_its_own_province_is_not_national() -> None:
    # "UBND tỉnh" says the text is about a province it does not name: not the country.
    ex = extract_report("Năm 2025, UBND tỉnh tổ chức hội nghị; cả nước có 38 mô hình.")
    assert ex.place is None


def test_leave_out_turns_off_the_rules_a_text_motivated() -> None:
    text = "Source: https://baophutho.vn/tin-123.htm\n\nNăm 2025, UBND tỉnh tặng 5 bằng khen."
    assert extract_report(text).place == "25"
    assert extract_report(text, leave_out={"14-phu-tho-2025"}).place is None
    assert extract_report(text, leave_out={"00-kon-tum-2023"}).place == "25"


# -- who awarded a commendation ------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "issuer", "form"),
    [
        # a provincial city is district level: the register says so
        (
            "Năm 2014, 10 tập thể được UBND thành phố Bắc Kạn tặng giấy khen.",
            "district_people_committee_chair",
            "certificate_of_commendation",
        ),
        # the form follows from a commune chair (the only form of commendation it awards)
        # when the text names that form elsewhere (here a caption)
        (
            "Năm 2025, UBND xã Yên Thủy đã khen thưởng cho 8 tập thể.\nLãnh đạo xã trao giấy khen",
            "commune_people_committee_chair",
            "certificate_of_commendation",
        ),
        # a text that names no form: "khen thưởng" may be an emulation title as well
        (
            "Năm 2016, Chủ tịch UBND phường biểu dương, khen thưởng 6 tập thể.",
            "commune_people_committee_chair",
            "unspecified",
        ),
        (
            "Năm 2023, Chủ tịch UBND tỉnh tặng bằng khen cho 4 tập thể.",
            "provincial_people_committee_chair",
            "certificate_of_merit",
        ),
        # a "thành phố" without a name could be either level: not read
        ("Năm 2023, UBND thành phố tặng giấy khen cho 4 tập thể.", "unspecified", None),
    ],
)
def test_issuer_from_the_level_of_the_peoples_committee(
    text: str, issuer: str, form: str | None
) -> None:
    [f] = extract_report(text).figures
    assert f.indicator == "commendations.recipients"
    assert f.dims["issuer"] == issuer
    if form is not None:
        assert f.dims["form"] == form


# -- where the catalogue phrases added for reading come from -------------------------------
def test_every_phrase_source_names_a_phrase_of_the_catalogue() -> None:
    from antq_domain.extract.vocabulary import phrase_sources
    from antq_domain.records.indicators import catalogue

    cat = catalogue()
    for (of, text), word in phrase_sources().items():
        assert word.sources, (of, text)
        if of in cat:
            assert text in cat[of].synonyms_vi, (of, text)
        else:
            dim, _, code = of.partition(".")
            assert text in cat.dimension(dim).value(code).synonyms_vi, (of, text)


def test_leave_out_drops_the_catalogue_phrases_a_text_motivated() -> None:
    from antq_domain.extract.vocabulary import catalogue_without, phrase_sources
    from antq_domain.records.indicators import catalogue

    (of, text), word = next(iter(phrase_sources().items()))
    texts = {s.removeprefix("corpus:") for s in word.sources if s.startswith("corpus:")}
    without = catalogue_without(catalogue(), frozenset(texts))
    kept = without[of].synonyms_vi if of in without else ()
    assert text not in kept
    assert catalogue_without(catalogue(), frozenset({"no-such-text"})) is catalogue()


def test_members_of_the_groups_counted_before() -> None:
    text = "Năm 2024, tỉnh thành lập 535 tổ bảo vệ an ninh, trật tự, với 3.277 thành viên."
    found = {f.indicator: f.value for f in extract_report(text).figures}
    assert found == {
        "forces.grassroots_security_teams": 535,
        "forces.grassroots_security_members": 3277,
    }
    # Without "với"/"gồm", "thành viên" is not read as the groups' members.
    other = extract_report("Năm 2024, có 535 tổ bảo vệ an ninh, trật tự; 3.277 thành viên.")
    assert "forces.grassroots_security_members" not in {f.indicator for f in other.figures}


# -- the grammar of issue 13's examples (made up in the reports' style) ------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Năm 2023, có 1.205/1.310 khu dân cư đạt chuẩn An toàn về ANTT.",
            [
                ("safety_standard.units_meeting", {"unit_kind": "residential_area"}, 1205),
                ("safety_standard.units_assessed", {"unit_kind": "residential_area"}, 1310),
            ],
        ),
        (
            "Năm 2023, xử lý hành chính 12 vụ với 15 đối tượng.",
            [("crime.administrative_cases", {}, 12), ("crime.administrative_persons", {}, 15)],
        ),
        (
            "Năm 2023, xảy ra 560 vụ phạm tội, điều tra khám phá 512 vụ.",
            [("crime.cases_occurred", {}, 560), ("crime.cases_solved", {}, 512)],
        ),
    ],
)
def test_issue_examples(text: str, expected: list[tuple[str, dict[str, str], int]]) -> None:
    got = [
        (f.indicator, {k: v for k, v in f.dims.items() if k == "unit_kind"}, f.value)
        for f in extract_report(text).figures
    ]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The whole of a fraction of residential areas is the number of those areas.
        (
            "Năm 2024, tổ chức Ngày hội tại 9/9 khu dân cư.",
            [("admin.units", {"unit_kind": "residential_area"}, 9)],
        ),
        (
            "Năm 2024, có 4/4 thôn, bản đạt chuẩn.",
            [("admin.units", {"unit_kind": "residential_area"}, 4)],
        ),
        # A part above its whole is a day and month, not a fraction of units.
        ("Năm 2023, ngày 13/3, huyện tổ chức hội nghị.", []),
    ],
)
def test_whole_of_a_fraction_of_units(
    text: str, expected: list[tuple[str, dict[str, str], int]]
) -> None:
    got = [
        (f.indicator, dict(f.dims), f.value)
        for f in extract_report(text).figures
        if f.indicator == "admin.units"
    ]
    assert got == expected


def test_replication_with_no_scope_named_is_unspecified() -> None:
    # Issue 13: "nhân rộng 9 mô hình" names no scope: it is `unspecified`, not left out.
    [fig] = extract_report("Năm 2023, nhân rộng 9 mô hình.").figures
    assert (fig.indicator, dict(fig.dims), fig.value) == (
        "models.replicated",
        {"scope": "unspecified"},
        9,
    )
    [named] = extract_report("Năm 2023, nhân rộng trong toàn quốc 2 mô hình.").figures
    assert dict(named.dims) == {"scope": "national"}


def test_crime_category_in_either_word_order() -> None:
    # "phạm tội về X" (the verb first) names the same category as "tội phạm về X".
    got = [
        (f.indicator, dict(f.dims), f.value)
        for f in extract_report(
            "Năm 2023, điều tra khám phá 512/560 vụ phạm tội về trật tự xã hội."
        ).figures
    ]
    assert got == [
        ("crime.cases_solved", {"category": "social_order"}, 512),
        ("crime.cases_occurred", {"category": "social_order"}, 560),
    ]


def test_an_activity_before_its_number_and_counter() -> None:
    # "tuyên truyền 7.866 cuộc" is "7.866 buổi tuyên truyền": the verb before the
    # number, the counter after it (the catalogue's phrase starts with the counter).
    from antq_domain.extract._match import phrase_index
    from antq_domain.records.indicators import catalogue

    got = [
        (f.indicator, f.value)
        for f in extract_report(
            "Năm 2024, Công an tỉnh đã tổ chức tuyên truyền 7.866 cuộc, có 172.272 lượt người dự."
        ).figures
    ]
    assert got == [
        ("mobilisation.propaganda_sessions", 7866),
        ("mobilisation.propaganda_participants", 172272),
    ]
    # Not for things: "tiêu biểu 3 mô hình" is not read as "mô hình tiêu biểu".
    words = {e.phrase for v in phrase_index(catalogue()).first.values() for e in v}
    assert "tuyên truyền" in words
    assert "tiêu biểu" not in words


def test_the_persons_an_activity_was_for_are_its_participants() -> None:
    text = "Năm 2021, công an đã tổ chức tuyên truyền pháp luật cho hơn 4.200 người dân."
    got = [(f.indicator, f.value, f.qualifier.value) for f in extract_report(text).figures]
    assert got == [("mobilisation.propaganda_participants", 4200, "more_than")]
    # The rule is one a corpus text suggested: leaving that text out turns it off.
    off = extract_report(text, leave_out={"24-lang-son-2020-2021"})
    assert [f.indicator for f in off.figures] == []


def _read(text: str) -> list[tuple[str | None, dict[str, str], int | Decimal]]:
    return [(f.indicator, dict(f.dims), f.value) for f in extract_report(text).figures]


def test_the_words_after_a_listed_number_are_its_own() -> None:
    # "N tổ hòa giải, M câu lạc bộ …": the noun after a number is that number's, so the
    # figure after the comma does not take "tổ hòa giải" as the words before it.
    got = _read("Năm 2022, phường duy trì 40 tổ hòa giải, 3 câu lạc bộ thể thao.")
    assert got == [("forces.mediation_teams", {}, 40), ("forces.clubs", {}, 3)]


def test_a_noun_of_its_own_does_not_take_the_indicator_of_the_figure_before() -> None:
    # "4 nhóm trực đêm" has a counted noun of its own (another counter word): it is not
    # one more "tổ hòa giải". A verb before the list is shared ("tặng … cho 2 tập thể, 5 cá nhân").
    got = _read("Năm 2022, xã có 12 tổ hòa giải, 4 nhóm trực đêm.")
    assert got == [("forces.mediation_teams", {}, 12)]
    # The same counter word with words of its own after it counts another thing too.
    got = _read("Năm 2022, xã có 12 tổ hòa giải, 4 tổ trực đêm.")
    assert got == [("forces.mediation_teams", {}, 12)]
    shared = _read("Năm 2022, UBND huyện tặng giấy khen cho 2 tập thể, 5 cá nhân.")
    assert [(code, dims["recipient_kind"], n) for code, dims, n in shared] == [
        ("commendations.recipients", "collective", 2),
        ("commendations.recipients", "individual", 5),
    ]


def test_dimensions_from_the_counted_noun_phrase() -> None:
    # The modifiers of the counted noun name the kind counted ...
    assert _read("Năm 2023, huyện bàn giao 5 nhà tình nghĩa cho gia đình chính sách.") == [
        ("welfare.buildings_handed_over", {"building_kind": "house"}, 5)
    ]
    assert _read("Năm 2023, xã tổ chức 14 buổi tuyên truyền về phòng, chống ma túy.") == [
        ("mobilisation.propaganda_sessions", {"topic": "drugs"}, 14)
    ]
    # ... only up to the comma that ends the noun phrase, and not inside a quoted name.
    assert _read("Năm 2023, xã tổ chức 20 buổi tuyên truyền, phổ biến pháp luật về ma túy.") == [
        ("mobilisation.propaganda_sessions", {}, 20)
    ]
    assert _read("Năm 2023, huyện tổ chức 7 diễn đàn “Công an với Nhân dân”.") == [
        ("mobilisation.dialogue_forums", {}, 7)
    ]


def test_a_kind_written_as_a_counted_noun_names_its_thing() -> None:
    # "đội thanh niên xung kích" (counter "đội" + modifiers) is a value of team_kind:
    # a number it follows counts shock teams. "UBND xã" (an issuer) names nothing.
    assert _read("Năm 2023, xã thành lập 6 đội thanh niên xung kích.") == [
        ("forces.shock_teams", {"team_kind": "youth"}, 6)
    ]
    assert _read("Năm 2023, hội nghị trực tuyến tới 30 UBND xã.") == []


def test_a_fraction_reads_only_the_dimensions_its_ratio_matches_on() -> None:
    # "do cấp huyện quản lý" (managed_by) would split the part and not the whole.
    got = _read("Năm 2023, 30/32 trường học do cấp huyện quản lý đạt chuẩn An toàn về ANTT.")
    assert [dims for _, dims, _ in got] == [{"unit_kind": "school"}, {"unit_kind": "school"}]


def test_what_the_tips_brought_about_is_the_tips_result() -> None:
    # A connective after the tips ("qua đó", "góp phần", "giúp") introduces what they led to.
    got = _read(
        "Năm 2021, người dân cung cấp 45 nguồn tin, qua đó giúp cơ quan công an "
        "điều tra khám phá 6 vụ việc, bắt giữ 4 đối tượng."
    )
    assert [(code, n) for code, _, n in got] == [
        ("tips.received", 45),
        ("tips.cases_solved", 6),
        ("tips.suspects_arrested", 4),
    ]
    # Not in another sentence, and "giúp đỡ" (helping someone) is no connective.
    other = _read(
        "Năm 2021, người dân cung cấp 45 nguồn tin. Công an huyện điều tra khám phá 30 vụ."
    )
    assert [(code, n) for code, _, n in other] == [
        ("tips.received", 45),
        ("crime.cases_solved", 30),
    ]
    helped = _read("Năm 2021, từ 45 nguồn tin, xã đã giúp đỡ 12 đối tượng.")
    assert ("tips.suspects_arrested", 12) not in [(code, n) for code, _, n in helped]


def test_all_of_the_units_states_how_many_there_are() -> None:
    # "tất cả N" / "toàn bộ N" before units: every one there is (admin.units); a list of
    # kinds of one level ("phường, thị trấn") counts units of that level.
    got = _read("Năm 2023, mô hình được nhân rộng tại tất cả 7 phường, thị trấn của thị xã.")
    assert ("admin.units", {"unit_kind": "commune_level"}, 7) in got
    got = _read("Năm 2023, huấn luyện tại toàn bộ 5 quận, thị xã của thành phố.")
    assert ("admin.units", {"unit_kind": "district_level"}, 5) in got
    # Without "tất cả" the number says nothing of how many there are.
    got = _read("Năm 2023, mô hình được nhân rộng tại 7 phường, thị trấn của thị xã.")
    assert [code for code, _, _ in got if code == "admin.units"] == []


def test_a_list_of_kinds_of_one_level_is_that_level() -> None:
    got = _read("Năm 2023, 6/6 thị trấn, xã đạt chuẩn an toàn về an ninh, trật tự.")
    assert {dims["unit_kind"] for _, dims, _ in got} == {"commune_level"}


def test_numbers_listed_without_a_conjunction() -> None:
    # "cho 02 cá nhân 04 tập thể": nothing between the two but the first one's counter.
    got = _read("Năm 2024, UBND phường tặng giấy khen cho 02 cá nhân 04 tập thể.")
    assert [(code, dims["recipient_kind"], n) for code, dims, n in got] == [
        ("commendations.recipients", "individual", 2),
        ("commendations.recipients", "collective", 4),
    ]


def test_a_count_joined_by_voi_takes_the_kind_of_the_noun_before() -> None:
    # "… “Mô hình an ninh trường học” với 6 điểm": the sites of that kind of model.
    got = _read("Năm 2023, huyện duy trì mô hình “Mô hình an ninh trường học” với 6 điểm.")
    assert got == [("models.sites", {"model_kind": "school_security"}, 6)]


def test_a_list_of_kinds_after_a_number_counts_them_together() -> None:
    # "15 lựu đạn, đầu đạn, mìn các loại": grenades, shells and mines together.
    got = _read("Năm 2022, nhân dân giao nộp 15 lựu đạn, đầu đạn, mìn các loại.")
    assert got == [("weapons.ordnance", {"ordnance_kind": "total"}, 15)]
    # One kind is that kind's own figure.
    assert _read("Năm 2022, nhân dân giao nộp 3 quả lựu đạn.") == [("weapons.grenades", {}, 3)]
    # Kinds listed after the indicator's own noun: "súng săn, súng tự chế" are both.
    got = _read("Năm 2022, nhân dân giao nộp 28 khẩu súng săn, súng tự chế.")
    assert got == [("weapons.guns", {"weapon_kind": "total"}, 28)]
    got = _read("Năm 2022, nhân dân giao nộp 28 khẩu súng săn và súng kíp các loại.")
    assert got == [("weapons.guns", {"weapon_kind": "total"}, 28)]
    got = _read("Năm 2022, nhân dân giao nộp 28 khẩu súng tự chế.")
    assert got == [("weapons.guns", {"weapon_kind": "homemade"}, 28)]


def test_a_phrase_running_past_the_noun_phrase_up_to_the_next_number_is_its() -> None:
    # "… 6 mô hình, xây dựng mới 4 mô hình": "mô hình xây dựng mới" is not the 6's.
    got = _read("Năm 2022, xã nhân rộng 6 mô hình, xây dựng mới 4 mô hình.")
    assert [(code, n) for code, _, n in got] == [("models.replicated", 6), ("models.new", 4)]


def test_a_verb_across_the_number_is_shared_by_the_list() -> None:
    # "xảy ra [15] vụ …, 2 vụ …": the verb governs both; each keeps its own category.
    got = _read("Năm 2022, xảy ra 15 vụ tội phạm về môi trường, 2 vụ tín dụng đen.")
    assert got == [
        ("crime.cases_occurred", {"category": "environmental"}, 15),
        ("crime.cases_occurred", {"category": "loan_sharking"}, 2),
    ]


def test_a_comma_of_a_catalogue_phrase_may_be_written_va() -> None:
    got = _read("Năm 2022, khám phá 4/5 vụ án rất nghiêm trọng và đặc biệt nghiêm trọng.")
    assert {dims["category"] for _, dims, _ in got} == {"serious"}


def test_tin_bai_on_social_networks_are_online_posts() -> None:
    # issue 13: "tin, bài" are online posts on social networks, news items in the press.
    got = _read("Năm 2022, công an xã đăng tải 64 tin, bài trên mạng xã hội.")
    assert [(code, n) for code, _, n in got] == [("media.online_posts", 64)]
    got = _read("Năm 2022, công an xã có 12 tin, bài trên báo chí.")
    assert [(code, n) for code, _, n in got] == [("media.news_items", 12)]


def test_a_part_after_trong_do_is_counted_like_its_whole_in_its_own_cell() -> None:
    # "… 50 vụ, trong đó 12 vụ ma túy": some of the 50, in the cell its words name.
    got = _read("Năm 2022, trên địa bàn xảy ra 50 vụ phạm pháp hình sự, trong đó 12 vụ ma túy.")
    assert got == [
        ("crime.cases_occurred", {"category": "all_criminal"}, 50),
        ("crime.cases_occurred", {"category": "drugs"}, 12),
    ]
    # A part nothing sets apart from its whole would be a second value for its cell.
    ex = extract_report("Năm 2022, bắt 30 đối tượng, trong đó 10 đối tượng nữ.")
    assert [(f.indicator, f.value) for f in ex.figures] == [("crime.suspects", 30)]
    assert [f.value for f in ex.unmatched] == [10]


def test_cases_cleared_up_are_solved_cases() -> None:
    got = _read("Năm 2022, công an huyện điều tra làm rõ 33/36 vụ, đạt 91,7%.")
    assert [(code, n) for code, _, n in got] == [
        ("crime.cases_solved", 33),
        ("crime.cases_occurred", 36),
        ("crime.clearance_rate", Decimal("91.7")),
    ]


def test_the_counter_word_is_not_read_as_a_kind() -> None:
    # "hội nghị" counts the sessions; it says nothing of their channel.
    got = _read("Năm 2022, xã tổ chức 9 hội nghị tuyên truyền pháp luật.")
    assert [(code, dims.get("channel")) for code, dims, _ in got] == [
        ("mobilisation.propaganda_sessions", None)
    ]


def test_a_quoted_title_after_the_counted_noun_names_the_kind() -> None:
    # A title in apposition to the noun names the one kind counted: a known kind is read,
    # an unknown one is not taken for the total of every model.
    ex = extract_report(
        "Năm 2019, toàn huyện duy trì 31 mô hình “Camera an ninh”, 8 mô hình “Mái nhà bình yên” "
        "và 40 mô hình tự quản."
    )
    got = [(f.indicator, dict(f.dims).get("model_kind"), f.value) for f in ex.figures]
    assert ("models.active", "security_camera", 31) in got
    assert all(v != 8 for _, _, v in got)
    assert [(u.value, "title" in u.reason) for u in ex.unmatched] == [(8, True)]
    assert ("models.active", None, 40) in got


def test_a_headline_name_that_fits_several_places_is_not_guessed() -> None:
    # "hai duong" is a province, a city and two communes: with no kind word in the
    # address and none for the text's own unit, no place is read from it.
    text = "Source: https://tin.vn/ket-qua-tai-hai-duong-1234/\n\nNăm 2019 có 25 mô hình."
    assert extract_report(text).place is None


def test_a_qualified_four_digit_number_is_a_count_not_a_year() -> None:
    # "hơn 2000 tin": "hơn" (more than) qualifies an amount; a year is named by "năm".
    ex = extract_report("Trong năm 2018, nhân dân cung cấp hơn 2000 tin có giá trị.")
    assert [(f.indicator, f.value) for f in ex.figures] == [("tips.valuable", 2000)]
    assert [u.text for u in ex.unused] == ["2018"]


def test_what_a_figure_brought_about_does_not_name_it() -> None:
    # "…, giúp công an giải quyết …": the verb after "giúp" is the police's, not the tips'.
    got = _read("Năm 2021, quần chúng cung cấp 320 nguồn tin, giúp công an giải quyết nhiều vụ.")
    assert got == [("tips.received", {}, 320)]


def test_what_comes_together_with_the_counted_noun_is_another_thing() -> None:
    # "cùng với" (together with) adds a thing: "vũ khí thô sơ" does not name the 12 shells.
    ex = extract_report("Năm 2021, thu hồi 12 quả đạn cùng với nhiều vũ khí thô sơ.")
    assert [f.indicator for f in ex.figures] == []
    assert [u.value for u in ex.unmatched] == [12]


def test_the_verbs_of_reforming_name_the_persons_reformed() -> None:
    # The label's own verbs, "cảm hóa, giáo dục", before a count of persons; also when the
    # sentence opens the text (its comma is no end of a number before it).
    for text in (
        "Cảm hóa, giáo dục 45 người lầm lỗi.",
        "Năm 2019, các đoàn thể cảm hóa, giáo dục, giúp đỡ 45 đối tượng tiến bộ.",
    ):
        assert [(f.indicator, f.value) for f in extract_report(text).figures] == [
            ("crime.reformed_offenders", 45)
        ], text


def test_items_posted_and_shared_are_online_posts() -> None:
    # The verbs of the indicator's own label: posting *and sharing* is done online
    # (INDICATORS.md); posting alone on a newspaper is a news item.
    assert _read("Năm 2022, đoàn viên đăng tải, chia sẻ 350 tin, bài về phong trào.") == [
        ("media.online_posts", {}, 350)
    ]
    assert _read("Năm 2022, đăng tải 30 tin, bài trên báo tỉnh.") == [("media.news_items", {}, 30)]


def test_one_cell_takes_one_value_the_largest() -> None:
    # A total and a narrower activity the catalogue has no cell for: the total (the
    # larger) keeps the cell, the other is listed unmatched, not a second value.
    ex = extract_report(
        "Năm 2021, huyện Sa Thầy tổ chức 40 buổi tuyên truyền cho nhân dân; tổ chức 7 buổi "
        "tuyên truyền cho học sinh các trường trên địa bàn."
    )
    assert [(f.indicator, f.value) for f in ex.figures] == [
        ("mobilisation.propaganda_sessions", 40)
    ]
    assert [(u.value, "larger value" in u.reason) for u in ex.unmatched] == [(7, True)]
    assert ex.report is not None
    assert [str(o.value) for o in ex.report.observations] == ["40 session"]
    # the same with the narrower one first: still the larger keeps the cell
    ex = extract_report("Năm 2021, tổ chức 7 buổi tuyên truyền cho học sinh; 40 buổi tuyên truyền.")
    assert [f.value for f in ex.figures] == [40]


def test_a_unit_symbol_written_against_the_number_is_its_counter() -> None:
    # "15kg thuốc nổ": the symbol is the counter word, the number ends before it.
    ex = extract_report("Năm 2020, nhân dân giao nộp 15kg thuốc nổ và 3KG pháo.")
    assert [(f.indicator, f.value, str(f.quantity)) for f in ex.figures] == [
        ("weapons.explosives", 15, "15 kilogram"),
        ("weapons.firecrackers", 3, "3 kilogram"),
    ]
    assert [f.number for f in ex.figures] == ["15", "3"]


def test_an_administrative_violation_takes_no_crime_category() -> None:
    # Law on Handling Administrative Violations 2012, Art. 2.1: an administrative
    # violation is not a crime, so it does not share the offences' category.
    ex = extract_report(
        "Năm 2022, công an xã điều tra làm rõ 7/9 vụ phạm pháp hình sự, 11/12 vụ việc vi "
        "phạm hành chính trên địa bàn."
    )
    got = {(f.value, f.dims.get("category")) for f in ex.figures}
    assert {(7, "all_criminal"), (9, "all_criminal")} <= got
    assert (11, "all_criminal") not in got
    assert (12, "all_criminal") not in got


def test_words_of_the_indicators_own_name_do_not_split_it() -> None:
    # "buổi tuyên truyền pháp luật" is the catalogue's name of propaganda sessions: the law
    # named in it is what the indicator counts, not one topic of several; the persons "với"
    # joins to that name take no topic from it either.
    got = _read("Năm 2023, xã tổ chức 12 buổi tuyên truyền pháp luật với 400 lượt người tham dự.")
    assert [(code, dims) for code, dims, _ in got] == [
        ("mobilisation.propaganda_sessions", {}),
        ("mobilisation.propaganda_participants", {}),
    ]
    # a topic after "về" still splits them
    got = _read("Năm 2023, xã tổ chức 12 buổi tuyên truyền về phòng chống ma túy.")
    assert [(code, dims) for code, dims, _ in got] == [
        ("mobilisation.propaganda_sessions", {"topic": "drugs"})
    ]


def test_several_subjects_listed_after_ve_do_not_split_the_count() -> None:
    # "về A, B, C": the sessions were about all of them, not split by the first.
    got = _read(
        "Năm 2023, các mô hình tổ chức 8 buổi tuyên truyền về ANTT, an toàn giao thông, "
        "phòng chống đuối nước, PCCC; hòa giải thành 3 vụ."
    )
    assert ("mobilisation.propaganda_sessions", {}, 8) in got
    # a value after the next number is that number's
    got = _read("Năm 2023, xã tổ chức 8 buổi tuyên truyền về ANTT, phát 300 tờ rơi về PCCC.")
    assert ("mobilisation.propaganda_sessions", {"topic": "security"}, 8) in got


def test_titles_after_nhu_or_several_titles_are_examples_not_the_kind() -> None:
    # "như" (such as) gives examples of the models counted; a list of titles enumerates
    # several kinds: either way the count is of every model, unsplit.
    ex = extract_report(
        "Năm 2019, toàn huyện duy trì 31 mô hình về ANTT như “Tổ hòa giải”, “Ánh sáng đường "
        "quê”; 12 mô hình “Camera an ninh”, “Tiếng kẻng an ninh”."
    )
    got = [(f.indicator, dict(f.dims), f.value) for f in ex.figures]
    assert ("models.active", {}, 31) in got
    assert [u.value for u in ex.unmatched if u.value == 31] == []
    assert all(dims.get("model_kind") != "security_camera" for _, dims, _ in got)


def test_a_number_inside_a_long_quoted_title_is_part_of_the_name() -> None:
    # "mô hình 1 + 1" inside the title of a club is a name, not a count of clubs.
    ex = extract_report(
        "Năm 2019, xã có “Câu lạc bộ phụ nữ phòng chống tội phạm, giúp đỡ người lầm lỡ tái "
        "hòa nhập cộng đồng ở khu dân cư theo mô hình 1 + 1”."
    )
    assert ex.figures == ()
    assert [(u.text, u.reason.value) for u in ex.unused if u.text == "1"] == [
        ("1", "name"),
        ("1", "name"),
    ]


def test_the_countrys_figures_are_not_the_places() -> None:
    # A provincial report sets its figures against the country's: "cả nước có N" is the
    # country's, not the province's.
    ex = extract_report(
        "Năm 2024, trên địa bàn tỉnh Kon Tum có 38 mô hình. Đến nay, cả nước đã có hơn "
        "4.300 mô hình tự quản."
    )
    assert (ex.place, [f.value for f in ex.figures]) == ("62", [38])
    assert [(u.value, "whole country" in u.reason) for u in ex.unmatched] == [(4300, True)]
    # the country that built them, after the place's own figure
    ex = extract_report(
        "Năm 2024, tỉnh Kon Tum có 38 mô hình; toàn quốc đã xây dựng 4.300 mô hình."
    )
    assert [f.value for f in ex.figures] == [38]
    # where models are replicated ("trong toàn quốc") says where, not whose
    got = _read("Năm 2024, tỉnh Kon Tum được Bộ Công an nhân rộng trong toàn quốc 02 mô hình.")
    assert [v for _, _, v in got] == [2]
    # a national report keeps them
    ex = extract_report("Năm 2024, cả nước có hơn 4.300 mô hình tự quản.")
    assert (ex.place, [f.value for f in ex.figures]) == ("VN", [4300])


def test_cases_dealt_with_by_the_verb_of_the_label() -> None:
    # "giải quyết" (to deal with) before cases is the verb of crime.cases_handled's label;
    # before tips it is tips.resolved.
    got = _read("Năm 2023, các tổ tự quản đã giải quyết ngay tại cơ sở 6 vụ việc gây mất ANTT.")
    assert [(code, v) for code, _, v in got] == [("crime.cases_handled", 6)]
    got = _read("Năm 2023, Công an xã đã giải quyết 20 tin báo.")
    assert [(code, v) for code, _, v in got] == [("tips.resolved", 20)]


def test_aspect_words_inside_a_catalogue_phrase_are_skipped() -> None:
    # "cam kết sẽ chia sẻ dữ liệu" is the phrase "cam kết chia sẻ dữ liệu" with "sẽ" (will).
    got = _read("Năm 2025, khoảng 85% camera của hộ dân đã ký cam kết sẽ chia sẻ dữ liệu.")
    assert [(code, v) for code, _, v in got] == [("forces.camera_data_sharing_rate", 85)]


def test_persons_attending_with_no_activity_counted_are_not_participants() -> None:
    # "tham dự" (attend) names no activity: the persons who came to the ceremony are not
    # participants in propaganda sessions.
    ex = extract_report(
        "Năm 2016, đến dự có lãnh đạo phường, đại diện các cơ quan, trường học trên địa bàn "
        "với hơn 150 người tham dự."
    )
    assert ex.figures == ()
    assert [(u.value, "attending" in u.reason) for u in ex.unmatched] == [(150, True)]
    # after an activity counted in the clause they are its participants
    got = _read("Năm 2016, phường tổ chức 12 buổi tuyên truyền với 600 lượt người tham dự.")
    assert ("mobilisation.propaganda_participants", {}, 600) in got


def test_a_bare_count_of_residential_areas_is_how_many_the_place_has() -> None:
    # Villages and street groups are a commune's subdivisions: counted with nothing else
    # said of them, they are the place's own.
    got = _read("Năm 2023, xã có 2.100 hộ, 7.900 khẩu sinh sống tại 9 thôn.")
    assert ("admin.units", {"unit_kind": "residential_area"}, 9) in got
    got = _read("Năm 2023, Công an phường ký kết giao ước thi đua với Ban điều hành 14 khu phố.")
    assert got == [("admin.units", {"unit_kind": "residential_area"}, 14)]
    # a count with a phrase of its own keeps it
    got = _read("Năm 2023, có 40/45 thôn đạt chuẩn “An toàn về an ninh, trật tự”.")
    assert all(code != "admin.units" or v == 45 for code, _, v in got)
    assert any(code == "safety_standard.units_meeting" for code, _, _ in got)


def test_a_province_name_without_a_cue_is_not_read() -> None:
    # a province's name may be a person's: "Thái Bình" in "ông Lê Thái Bình" is no place
    assert extract_report("Năm 2024, ông Lê Thái Bình cho biết xã có 12 mô hình.").place is None


def test_the_members_of_groups_by_the_catalogues_singular_naming() -> None:
    # forces.self_managed_groups → forces.self_managed_group_members
    got = _read("Năm 2023, xã có 135 tổ tự quản với 1.200 thành viên.")
    assert got == [
        ("forces.self_managed_groups", {}, 135),
        ("forces.self_managed_group_members", {}, 1200),
    ]


def test_kinds_of_no_one_level_listed_are_counted_together() -> None:
    # agencies and enterprises: the standard's part and whole over both kinds, not agencies
    got = _read("Năm 2023, có 87/92 cơ quan, doanh nghiệp đạt chuẩn “An toàn về an ninh, trật tự”.")
    assert [(code, dims.get("unit_kind"), v) for code, dims, v in got] == [
        ("safety_standard.units_meeting", "mixed", 87),
        ("safety_standard.units_assessed", "mixed", 92),
    ]


def test_cases_broken_are_crimes_solved_unless_tips_brought_them_about() -> None:
    # "phá N vụ án" (to break cases) is crimes solved; after tips and "phục vụ" (serving)
    # it is what the tips brought about. A household counts in "hộ gia đình" too.
    got = _read("Năm 2023, phá 12 vụ án ma túy, bắt 20 đối tượng.")
    assert ("crime.cases_solved", {"category": "drugs"}, 12) in got
    got = _read("Năm 2023, nhân dân cung cấp 300 tin có giá trị phục vụ phá 37 vụ án.")
    assert ("tips.cases_solved", {}, 37) in got


def test_households_are_counted_in_ho_gia_dinh() -> None:
    got = _read("Năm 2023, 5.600 hộ gia đình ký cam kết không vi phạm pháp luật.")
    assert [(code, v) for code, _, v in got] == [("mobilisation.pledge_households", 5600)]


def test_administrative_violations_cleared_up_are_offences_dealt_with() -> None:
    # Not crimes (Law on Handling Administrative Violations 2012, Art. 2.1): cleared up,
    # they are offences dealt with, and the whole of the fraction has no indicator.
    ex = extract_report("Năm 2021, Công an phường điều tra làm rõ 7/9 vụ việc vi phạm hành chính.")
    assert [(f.indicator, f.value) for f in ex.figures] == [("crime.cases_handled", 7)]
    assert [u.value for u in ex.unmatched] == [9]
    # crimes keep their indicator
    got = _read("Năm 2021, Công an phường điều tra làm rõ 7/9 vụ phạm pháp hình sự.")
    assert ("crime.cases_solved", {"category": "all_criminal"}, 7) in got


def test_a_comma_in_the_text_ends_a_phrase_written_without_one() -> None:
    # "mô hình, điển hình tiên tiến" lists models and exemplars: not "mô hình điển hình
    # tiên tiến" (exemplary models).
    got = _read("Năm 2016, toàn tỉnh có 306 mô hình, điển hình tiên tiến được duy trì.")
    assert [(code, v) for code, _, v in got] == [("models.active", 306)]
    got = _read("Năm 2016, toàn tỉnh có 306 mô hình điển hình tiên tiến.")
    assert [(code, v) for code, _, v in got] == [("models.exemplary", 306)]


def test_models_replicated_at_sites_are_the_models_there_are() -> None:
    # The sites count the replication; the models are the place's own.
    got = _read("Năm 2016, có 175 mô hình đã được nhân rộng thành hơn 8.800 điểm.")
    assert [(code, v) for code, _, v in got] == [("models.active", 175), ("models.sites", 8800)]
    # with no sites counted they stay the models replicated
    got = _read("Năm 2016, 3 mô hình tiêu biểu được nhân rộng trên địa bàn tỉnh.")
    assert [code for code, _, _ in got] == ["models.replicated"]


def test_a_kind_right_after_the_counter_names_the_one_indicator_it_is_a_kind_of() -> None:
    # "đạn cối" (mortar shells) is a kind only weapons.ordnance has among pieces
    got = _read("Năm 2023, nhân dân giao nộp 2 quả lựu đạn, 5 quả đạn cối.")
    assert ("weapons.ordnance", {"ordnance_kind": "shell"}, 5) in got
    # a kind several indicators share (a crime category) names none of them by itself
    assert _read("Năm 2023, có 5 vụ ma túy.") == []


def test_the_festival_in_its_short_name() -> None:
    got = _read("Năm 2023, 25/25 xã, thị trấn tổ chức thành công Ngày hội.")
    assert ("mobilisation.festival_units", {"unit_kind": "commune_level"}, 25) in got
    got = _read("Năm 2023, có 12.345 lượt người tham gia Ngày hội.")
    assert got == [("mobilisation.festival_participants", {}, 12345)]


def test_several_kinds_of_things_listed_after_a_number_are_not_the_first_ones() -> None:
    # security teams, fire teams and clubs counted together: no one indicator counts them
    ex = extract_report(
        "Năm 2018, toàn tỉnh duy trì trên 900 tổ an ninh nhân dân, đội dân phòng, câu lạc bộ "
        "phòng chống tội phạm."
    )
    assert ex.figures == ()
    assert [(u.value, "several kinds" in u.reason) for u in ex.unmatched] == [(900, True)]
    # one catalogue phrase with a comma in it is one thing
    got = _read("Năm 2023, có 40 vụ án điều tra, khám phá được qua nguồn tin do nhân dân cung cấp.")
    assert [code for code, _, _ in got] == ["tips.cases_solved"]


def test_a_heading_repeating_the_bodys_figure_takes_the_bodys_reading() -> None:
    # The heading is the body's figure in few words; the body says it counts a mixture.
    ex = extract_report(
        "Trên 900 tổ an ninh nhân dân\n\nNăm 2018, toàn tỉnh duy trì trên 900 tổ an ninh "
        "nhân dân, đội dân phòng, câu lạc bộ phòng chống tội phạm."
    )
    assert ex.figures == ()
    assert sorted("heading" in u.reason for u in ex.unmatched) == [False, True]
    # a heading that says more than the body keeps its own reading
    got = _read("Cung cấp 240 nguồn tin có giá trị\n\nNăm 2020, nhân dân cung cấp 240 nguồn tin.")
    assert sorted(code or "" for code, _, _ in got) == ["tips.received", "tips.valuable"]


def test_what_was_proposed_is_not_what_was_done() -> None:
    # persons proposed for a measure are not persons managed
    ex = extract_report(
        "Năm 2022, Công an xã đã đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc "
        "đối với 17 người nghiện ma túy."
    )
    assert ex.figures == ()
    assert [(u.value, "proposed" in u.reason) for u in ex.unmatched] == [(17, True)]
    # a proposed award keeps its indicator, with status proposed
    got = _read("Năm 2022, đề nghị Chủ tịch UBND tỉnh tặng bằng khen cho 4 cá nhân.")
    assert [(code, dims["status"]) for code, dims, _ in got] == [
        ("commendations.recipients", "proposed")
    ]


def test_who_proposes_an_award_is_not_its_issuer() -> None:
    # "UBND huyện đề nghị tặng bằng khen": the district proposes; who awards is not said
    got = _read("Năm 2022, UBND huyện đề nghị tặng bằng khen cho 3 tập thể, 5 cá nhân.")
    assert [(dims["issuer"], dims["status"]) for _, dims, _ in got] == [
        ("unspecified", "proposed"),
        ("unspecified", "proposed"),
    ]
    # the one asked, after "đề nghị", is
    got = _read(
        "Năm 2022, Công an tỉnh đề nghị Bộ trưởng Bộ Công an tặng bằng khen cho 3 tập thể, "
        "5 cá nhân."
    )
    assert {dims["issuer"] for _, dims, _ in got} == {"minister_of_public_security"}


def test_residential_areas_are_counted_in_their_own_words() -> None:
    # ấp, bản, khu phố, làng count units like thôn and tổ dân phố (the catalogue's
    # residential_area words), so the standard after them is read
    for kind in ("ấp", "bản", "khu phố", "làng"):
        got = _read(f"Năm 2023, 12/12 {kind} đạt chuẩn “An toàn về an ninh, trật tự”.")
        assert [(code, dims.get("unit_kind")) for code, dims, _ in got] == [
            ("safety_standard.units_meeting", "residential_area"),
            ("safety_standard.units_assessed", "residential_area"),
        ], kind
    # copies of a document ("bản tài liệu") are no hamlets
    assert _read("Năm 2023, in 500 bản tài liệu.") == []


def test_a_review_meeting_is_no_propaganda_session() -> None:
    # "hội nghị sơ kết" reviews a period's work; the counter word alone names nothing
    assert _read("Năm 2023, các xã tổ chức 12 hội nghị sơ kết, tổng kết phong trào.") == []
    got = _read("Năm 2023, các xã tổ chức 12 hội nghị tuyên truyền.")
    assert got == [("mobilisation.propaganda_sessions", {}, 12)]


def test_persons_listed_right_after_a_count_of_cases_are_the_persons_of_those_cases() -> None:
    # "N vụ, M đối tượng" after one sanction verb is a pair, as "N vụ với M đối tượng" is.
    ex = extract_report("Năm 2022, Công an xã xử lý hành chính 6 vụ, 9 đối tượng.")
    assert [(f.value, f.indicator) for f in ex.figures] == [
        (6, "crime.administrative_cases"),
        (9, "crime.administrative_persons"),
    ]
    ex = extract_report("Năm 2022, Công an huyện khởi tố 3 vụ án và 5 đối tượng.")
    assert [f.indicator for f in ex.figures] == [
        "crime.prosecuted_cases",
        "crime.prosecuted_defendants",
    ]
    # Cases with no persons' partner keep the persons as suspects.
    ex = extract_report("Năm 2022, trên địa bàn xã xảy ra 4 vụ, 7 đối tượng.")
    assert [f.indicator for f in ex.figures] == ["crime.cases_occurred", "crime.suspects"]


def test_a_bracketed_aside_does_not_end_the_clause_it_stands_in() -> None:
    # The category named at the head of the list reaches past a bracket to its last items.
    ex = extract_report(
        "Năm 2022, Công an tỉnh giải quyết 12 vụ việc liên quan đến tín dụng đen, khởi tố "
        "5 vụ án, 7 bị can (cho vay lãi nặng), xử lý hành chính 6 vụ, 9 đối tượng."
    )
    assert {f.indicator: f.dims.get("category") for f in ex.figures} == {
        "crime.cases_handled": "loan_sharking",
        "crime.prosecuted_cases": "loan_sharking",
        "crime.prosecuted_defendants": "loan_sharking",
        "crime.administrative_cases": "loan_sharking",
        "crime.administrative_persons": "loan_sharking",
    }


def test_a_bracketed_rate_after_a_fraction_is_its_ratio_and_the_list_goes_on() -> None:
    ex = extract_report(
        "Năm 2022, lực lượng Công an điều tra làm rõ 210/240 vụ phạm tội về trật tự xã hội "
        "(đạt 87,5%), 18/20 vụ phạm tội rất nghiêm trọng và đặc biệt nghiêm trọng (90%)."
    )
    got = {(f.indicator, f.dims.get("category"), str(f.value)) for f in ex.figures}
    assert got == {
        ("crime.cases_solved", "social_order", "210"),
        ("crime.cases_occurred", "social_order", "240"),
        ("crime.clearance_rate", "social_order", "87.5"),
        ("crime.cases_solved", "serious", "18"),
        ("crime.cases_occurred", "serious", "20"),
        ("crime.clearance_rate", "serious", "90"),
    }


def test_the_law_and_the_aspect_of_the_verbs_of_criminal_cases() -> None:
    # "khởi tố N vụ": a case prosecuted (the counter "vụ" alone, as the Code's "vụ án").
    ex = extract_report("Năm 2023, Công an thị xã khởi tố 7 vụ, 10 bị can.")
    assert [(f.value, f.indicator) for f in ex.figures] == [
        (7, "crime.prosecuted_cases"),
        (10, "crime.prosecuted_defendants"),
    ]
    # "đang" marks the cases still being dealt with: pending, not dealt with.
    ex = extract_report("Năm 2023, Công an xã đang giải quyết 3 vụ việc.")
    assert [f.indicator for f in ex.figures] == ["crime.cases_pending"]
    ex = extract_report("Năm 2023, Công an xã đã giải quyết 3 vụ việc.")
    assert [f.indicator for f in ex.figures] == ["crime.cases_handled"]


def test_the_money_of_an_administrative_sanction_is_its_fines() -> None:
    ex = extract_report(
        "Năm 2023, Công an huyện xử lý hành chính 8 vụ, 11 đối tượng với số tiền 42,5 triệu đồng."
    )
    assert [(f.value, f.indicator) for f in ex.figures] == [
        (8, "crime.administrative_cases"),
        (11, "crime.administrative_persons"),
        (Decimal("42.5"), "crime.administrative_fines"),
    ]
    # Money after another kind of count is not a fine.
    ex = extract_report("Năm 2023, hội nghị trao 20 suất quà với số tiền 10 triệu đồng.")
    assert "crime.administrative_fines" not in [f.indicator for f in ex.figures]


def test_an_award_two_bodies_confer_together_has_no_one_issuer() -> None:
    ex = extract_report(
        "Năm 2012, Ban giám đốc Công an tỉnh và UBND huyện đã khen thưởng cho 12 tập thể "
        "và 31 cá nhân."
    )
    assert [f.dims["issuer"] for f in ex.figures] == ["unspecified", "unspecified"]
    ex = extract_report("Năm 2012, UBND huyện Châu Thành và Công an tỉnh khen thưởng 8 tập thể.")
    assert [f.dims["issuer"] for f in ex.figures] == ["unspecified"]
    # "và" after a count joins another clause: each award keeps its own issuer.
    ex = extract_report(
        "Năm 2012, UBND tỉnh tặng bằng khen cho 3 cá nhân và Giám đốc Công an tỉnh tặng "
        "giấy khen cho 6 tập thể."
    )
    assert [f.dims["issuer"] for f in ex.figures] == [
        "provincial_people_committee_chair",
        "provincial_police_director",
    ]


def test_a_force_counted_in_its_groups_word_is_its_groups() -> None:
    # Law 30/2023/QH15: the grassroots force is organised in teams ("tổ").
    ex = extract_report(
        "Đến nay, lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở của tỉnh có 1.250 tổ "
        "với 3.900 thành viên."
    )
    assert [(f.value, f.indicator) for f in ex.figures] == [
        (1250, "forces.grassroots_security_teams"),
        (3900, "forces.grassroots_security_members"),
    ]
    # "ở" may be left out; the city's abbreviated kind does not end the clause.
    ex = extract_report(
        "Năm 2025, lực lượng tham gia bảo vệ ANTT cơ sở tại TP.Huế có 410 tổ với 1.300 thành viên."
    )
    assert [f.indicator for f in ex.figures] == [
        "forces.grassroots_security_teams",
        "forces.grassroots_security_members",
    ]
    # Another count between the force's name and the groups: not the force's groups.
    ex = extract_report(
        "Năm 2025, lực lượng tham gia bảo vệ ANTT ở cơ sở tuần tra 30 lượt, hỗ trợ 12 tổ."
    )
    assert "forces.grassroots_security_teams" not in [f.indicator for f in ex.figures]


def test_the_full_stop_of_an_abbreviated_kind_does_not_end_the_clause() -> None:
    # "… của H.Bảo Lâm đạt tiêu chuẩn …": the standard is still the fraction's clause.
    ex = extract_report(
        "Năm 2022, 40/45 xã, thị trấn và cơ quan, trường học của H.Bảo Lâm đạt tiêu chuẩn "
        "an toàn về an ninh, trật tự."
    )
    assert [(f.value, f.indicator, dict(f.dims)) for f in ex.figures] == [
        (40, "safety_standard.units_meeting", {"unit_kind": "mixed"}),
        (45, "safety_standard.units_assessed", {"unit_kind": "mixed"}),
    ]
    # A time's "h." (after a digit) still ends a sentence.
    from antq_domain.extract._text import Scanned

    assert Scanned("lúc 8h. sáng nay").boundaries == [6]
    # every abbreviated kind Registry.find spells out: "TT." (thị trấn) too
    for kind in ("TP.", "TX.", "TT.", "H."):
        assert Scanned(f"UBND {kind} Plei Kần có 5 mô hình").boundaries == [], kind


def test_a_crime_category_written_with_the_case_for_the_crime() -> None:
    # "án (về) X" stands for "tội phạm về X".
    ex = extract_report("Năm 2023, tỷ lệ điều tra khám phá án về trật tự xã hội đạt 87,4%.")
    assert [(f.indicator, dict(f.dims)) for f in ex.figures] == [
        ("crime.clearance_rate", {"category": "social_order"})
    ]
    ex = extract_report("Năm 2023, Công an huyện điều tra làm rõ 31 vụ án ma túy.")
    assert [(f.indicator, dict(f.dims)) for f in ex.figures] == [
        ("crime.cases_solved", {"category": "drugs"})
    ]


def test_the_rate_a_count_reached_is_its_ratio() -> None:
    ex = extract_report(
        "Năm 2023, Công an huyện điều tra làm rõ 64 vụ phạm tội về trật tự xã hội, đạt tỷ lệ 88,9%."
    )
    assert [(f.indicator, dict(f.dims)) for f in ex.figures] == [
        ("crime.cases_solved", {"category": "social_order"}),
        ("crime.clearance_rate", {"category": "social_order"}),
    ]
    # A change is no rate the count reached.
    ex = extract_report("Năm 2023, Công an huyện điều tra làm rõ 64 vụ, tăng 12%.")
    assert [f.indicator for f in ex.figures] == ["crime.cases_solved"]


def test_the_verb_after_the_connective_says_which_persons_the_tips_brought() -> None:
    ex = extract_report(
        "Năm 2023, người dân cung cấp 40 nguồn tin, giúp Công an bắt, xử lý 17 đối tượng."
    )
    assert [f.indicator for f in ex.figures] == ["tips.received", "tips.suspects_arrested"]
    ex = extract_report(
        "Năm 2023, người dân cung cấp 40 nguồn tin, giúp Công an xử lý 17 đối tượng vi phạm."
    )
    assert [f.indicator for f in ex.figures] == ["tips.received", "tips.sanctioned_persons"]
    # Persons of a kind of their own keep it.
    ex = extract_report(
        "Năm 2023, người dân cung cấp 40 nguồn tin, giúp Công an bắt 3 đối tượng truy nã."
    )
    assert [f.indicator for f in ex.figures] == ["tips.received", "crime.wanted_arrested"]


def test_the_places_a_model_was_spread_to_are_its_sites() -> None:
    ex = extract_report(
        "Năm 2021, phường nhân rộng mô hình “Camera an ninh” từ 4 tổ dân phố lên 11 tổ dân phố."
    )
    assert [(f.indicator, dict(f.dims), f.value) for f in ex.figures] == [
        ("models.sites", {"model_kind": "security_camera"}, 11)
    ]
    # Without "lên"/"ra", a bare count of residential areas stays the place's own.
    ex = extract_report("Năm 2021, phường nhân rộng mô hình; phường có 11 tổ dân phố.")
    assert [f.indicator for f in ex.figures] == ["admin.units"]


def test_a_number_before_the_thing_an_activity_is_about_counts_the_things() -> None:
    # "vận động thu hồi 640 vũ khí": 640 weapons (no counter of the activity), not 640
    # outreach contacts; "12 lượt … vận động thu hồi vũ khí" are the contacts.
    ex = extract_report("Năm 2023, xã vận động thu hồi 640 vũ khí, vật liệu nổ, công cụ hỗ trợ.")
    assert "mobilisation.weapons_outreach" not in [f.indicator for f in ex.figures]
    ex = extract_report(
        "Năm 2023, xã tổ chức 12 lượt tuyên truyền, vận động thu hồi vũ khí, vật liệu nổ, "
        "công cụ hỗ trợ và pháo."
    )
    assert [f.indicator for f in ex.figures] == ["mobilisation.weapons_outreach"]


def test_amounting_to_n_counts_what_the_clause_did() -> None:
    # "được N buổi" (amounting to N sessions) counts the clause's verb, however long its
    # object; "N lượt đoàn viên, thanh niên và nhân dân tham dự" are its participants
    text = (
        "Năm 2023, Huyện đoàn phối hợp với lực lượng công an tổ chức các đợt tuyên truyền "
        "phòng, chống ma tuý và các tệ nạn xã hội cho đoàn viên, thanh thiếu niên tại các làng "
        "đồng bào dân tộc thiểu số trên địa bàn huyện được 53 buổi với hơn 8.684 lượt đoàn viên "
        "thanh niên và nhân dân tham gia. Phối hợp phát động phong trào “Toàn dân bảo vệ an "
        "ninh Tổ quốc” được 31 buổi tại các xã, thị trấn và trường học trên địa bàn huyện với "
        "hơn 2.015 lượt đoàn viên, thanh niên và nhân dân tham dự."
    )
    got = {(f.indicator, f.value) for f in extract_report(text).figures}
    assert got == {
        ("mobilisation.propaganda_sessions", 53),
        ("mobilisation.propaganda_participants", 8684),
        ("mobilisation.launch_campaigns", 31),
        ("mobilisation.launch_participants", 2015),
    }


@pytest.mark.parametrize("sep", [";", ","])
def test_shares_listed_before_one_predicate_all_take_it(sep: str) -> None:
    # "A; B và C đạt tiêu chuẩn X": the predicate after the last item is every item's; a
    # percentage of the units a ratio's numerator counts is that ratio
    text = (
        f"Năm 2021, toàn huyện có 59/59 thôn, buôn, tổ dân phố{sep} 6/6 doanh nghiệp và 100% xã, "
        'thị trấn, cơ quan, đơn vị đạt tiêu chuẩn "An toàn về an ninh trật tự".'
    )
    got = {(f.indicator, f.dims.get("unit_kind"), f.value) for f in extract_report(text).figures}
    assert got == {
        ("safety_standard.units_meeting", "residential_area", 59),
        ("safety_standard.units_assessed", "residential_area", 59),
        ("safety_standard.units_meeting", "enterprise", 6),
        ("safety_standard.units_assessed", "enterprise", 6),
        ("safety_standard.rate", "mixed", 100),
    }


def test_a_semicolon_ends_a_clause_with_a_verb_of_its_own() -> None:
    # only noun-phrase items are listed across a semicolon: "đã xảy ra 5/6 vụ; 4/4 xã đạt …"
    # keeps the first item's own words
    text = (
        "Năm 2021, huyện điều tra làm rõ 5/6 vụ phạm tội về trật tự xã hội; 4/4 xã đạt tiêu "
        'chuẩn "An toàn về an ninh trật tự".'
    )
    got = {(f.indicator, f.value) for f in extract_report(text).figures}
    assert ("safety_standard.units_meeting", 5) not in got
    assert ("safety_standard.units_meeting", 4) in got


def test_tips_fronted_with_from_are_the_means_of_the_clauses_results() -> None:
    text = (
        "Trong năm 2021, Nhân dân đã cung cấp 32 tin báo tố giác về các hành vi vi phạm pháp "
        "luật. Từ tin báo tiếp nhận, Công an huyện đã ra quyết định xử lý hành chính 6 vụ với "
        "15 đối tượng vi phạm. Công an huyện cũng xử lý hành chính 9 vụ khác."
    )
    got = {(f.indicator, f.value) for f in extract_report(text).figures}
    assert got == {
        ("tips.received", 32),
        ("tips.sanctioned_cases", 6),
        ("tips.sanctioned_persons", 15),
        ("crime.administrative_cases", 9),
    }


def test_cases_and_the_persons_in_them_share_their_crime_category() -> None:
    text = (
        "Năm 2019, công an tỉnh điều tra, làm rõ 17 vụ với 45 nghi phạm có hành vi cưỡng đoạt "
        "tài sản, cho vay lãi nặng trong giao dịch dân sự; khởi tố 8 vụ với 13 bị can về các "
        "tội cưỡng đoạt tài sản, cho vay lãi nặng trong giao dịch dân sự."
    )
    got = {(f.indicator, f.dims.get("category"), f.value) for f in extract_report(text).figures}
    assert got == {
        ("crime.cases_solved", "loan_sharking", 17),
        ("crime.suspects", "loan_sharking", 45),
        ("crime.prosecuted_cases", "loan_sharking", 8),
        ("crime.prosecuted_defendants", "loan_sharking", 13),
    }


def test_a_name_several_units_bear_is_not_guessed() -> None:
    # in 2025 "xã Vạn Thắng" is a commune of Ninh Bình and one of Khánh Hòa: the text alone
    # does not say which; a province named beside it does
    alone = extract_report("Năm 2025, xã Vạn Thắng tổ chức 5 buổi tuyên truyền.")
    assert alone.place is None
    note = (
        "no place: 'xã Vạn Thắng' names several units (13864, 22516): pass place=... or name"
        " the one meant in the text (with its province)"
    )
    assert alone.notes == (note,)
    assert alone.place_candidates == ("13864", "22516")
    assert json.loads(alone.to_json())["place_candidates"] == ["13864", "22516"]
    named = extract_report("Năm 2025, xã Vạn Thắng (tỉnh Khánh Hòa) tổ chức 5 buổi tuyên truyền.")
    assert named.place == "22516"


def test_the_one_unit_named_of_the_kind_the_text_calls_its_own() -> None:
    # a heading names the township; the text speaks of "thị trấn" by its kind alone, and a
    # guest's office ("Phó Chủ tịch thường trực UBND tỉnh") is not the unit it speaks from
    text = (
        "Ngày hội Toàn dân bảo vệ an ninh tổ quốc tại thị trấn Đu\n\n"
        "Năm 2022, cấp ủy, chính quyền và nhân dân thị trấn quan tâm thực hiện phong trào. "
        "Thị trấn đã xây dựng được 1 mô hình camera an ninh. Phát biểu tại Ngày hội, đồng chí "
        "Phó Chủ tịch thường trực UBND tỉnh yêu cầu tiếp tục nhân rộng mô hình."
    )
    ex = extract_report(text)
    assert ex.place == "05611@2025-06-30"
    assert ex.place_evidence is not None
    assert ex.place_evidence.quote == "thị trấn Đu"
