"""Tests for antq_domain.values.document: Vietnamese document numbers."""

from __future__ import annotations

import datetime as dt
import pickle
import unicodedata

import pytest
from hypothesis import event, find, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from antq_domain.errors import AntqTypeError, InvariantError, ParseError, UnknownCodeError
from antq_domain.strategies._document import document_kinds, document_refs, issuer_parts
from antq_domain.values.document import (
    DocumentCitation,
    DocumentKind,
    DocumentRef,
    Issuer,
    NumberingStyle,
    find_document_refs,
)

K = DocumentKind
STATE = NumberingStyle.STATE
LETTER = NumberingStyle.LETTER
PARTY = NumberingStyle.PARTY
NA = NumberingStyle.NATIONAL_ASSEMBLY

# reachability checks are deterministic: the same examples on every run
_FIND = settings(derandomize=True, database=None, max_examples=2000)


@pytest.mark.parametrize(
    ("text", "number", "year", "kind", "issuers", "style"),
    [
        ("09/CTr-BCA-MTTQ", 9, None, K.PROGRAMME, ("BCA", "MTTQ"), STATE),  # joint programme
        ("124/2021/TT-BCA", 124, 2021, K.CIRCULAR, ("BCA",), STATE),  # normative, with year
        ("22/HD-BCA-V05", 22, None, K.GUIDANCE, ("BCA", "V05"), STATE),  # with sub-unit
        ("521/QĐ-TTg", 521, None, K.DECISION, ("TTg",), STATE),
        ("521/2005/QĐ-TTg", 521, 2005, K.DECISION, ("TTg",), STATE),
        ("510/QĐ-BCA-V05", 510, None, K.DECISION, ("BCA", "V05"), STATE),
        ("75/2023/NĐ-CP", 75, 2023, K.DECREE, ("CP",), STATE),
        ("07/2012/TTLT-BCA-BQP", 7, 2012, K.JOINT_CIRCULAR, ("BCA", "BQP"), STATE),
        ("01/VBHN-BCA", 1, None, K.CONSOLIDATED_TEXT, ("BCA",), STATE),
        ("123/CV-UBND", 123, None, K.OFFICIAL_LETTER, ("UBND",), STATE),  # explicit CV
        ("123/CAT-PV05", 123, None, K.OFFICIAL_LETTER, ("CAT", "PV05"), LETTER),  # no kind
        ("09-CT/TW", 9, None, K.DIRECTIVE, ("TW",), PARTY),  # Party directive
        ("44-KL/TW", 44, None, K.CONCLUSION, ("TW",), PARTY),  # Party conclusion
        ("12-NQ/ĐUCA", 12, None, K.RESOLUTION, ("ĐUCA",), PARTY),  # unknown issuer kept
        ("06/2022/QH15", 6, 2022, K.NATIONAL_ASSEMBLY_ACT, ("QH",), NA),  # a law
        ("202/2025/QH15", 202, 2025, K.NATIONAL_ASSEMBLY_ACT, ("QH",), NA),  # a resolution
        ("09/CTr-BCA-TTTW", 9, None, K.PROGRAMME, ("BCA", "TTTW"), STATE),  # VFF site variant
        ("223/KH-BCA-V05", 223, None, K.PLAN, ("BCA", "V05"), STATE),
        ("14/QĐ-BCA-X99", 14, None, K.DECISION, ("BCA", "X99"), STATE),  # unknown sub-unit
    ],
)
def test_parse_reads_every_grammar(  # noqa: PLR0917  # one argument per table column
    text: str,
    number: int,
    year: int | None,
    kind: DocumentKind,
    issuers: tuple[str, ...],
    style: NumberingStyle,
) -> None:
    ref = DocumentRef.parse(text)
    assert ref.number == number
    assert ref.year == year
    assert ref.kind is kind
    assert ref.issuers == issuers
    assert ref.style is style
    assert str(ref) == text
    assert repr(ref) == f"DocumentRef({text!r})"


def test_law_has_legislature() -> None:
    ref = DocumentRef.parse("30/2023/QH15")
    assert ref.legislature == 15
    assert ref.issuers == (Issuer.NATIONAL_ASSEMBLY,)
    assert DocumentRef.parse("32/2004/QH11").legislature == 11


def test_issuers_are_codelist_members_when_known() -> None:
    ref = DocumentRef.parse("09/CTr-BCA-MTTQ")
    assert ref.issuers[0] is Issuer.MPS
    assert ref.issuers[1] is Issuer.VFF
    assert ref.known_issuers == (Issuer.MPS, Issuer.VFF)
    unknown = DocumentRef.parse("14/qđ-bca-x99")
    assert unknown.issuers[1] == "X99"
    assert not isinstance(unknown.issuers[1], Issuer)


@pytest.mark.parametrize(
    ("variant", "canonical"),
    [
        ("09/Ctr-BCA-MTTQ", "09/CTr-BCA-MTTQ"),  # mixed case as printed on the VFF site
        ("09/ctr-bca-mttq", "09/CTr-BCA-MTTQ"),  # all lower case
        ("09/CTR-BCA-MTTQ", "09/CTr-BCA-MTTQ"),  # all upper case
        ("9/CTr-BCA-MTTQ", "09/CTr-BCA-MTTQ"),  # unpadded number
        ("009/CTr-BCA-MTTQ", "09/CTr-BCA-MTTQ"),  # over-padded number
        ("09 / CTr - BCA - MTTQ", "09/CTr-BCA-MTTQ"),  # spaces around separators
        ("09/CTr–BCA—MTTQ", "09/CTr-BCA-MTTQ"),  # en and em dashes
        ("  09/CTr-BCA-MTTQ ", "09/CTr-BCA-MTTQ"),  # surrounding blanks
        ("521/qđ-ttg", "521/QĐ-TTg"),  # lower-case Đ
        ("521/QD-TTg", "521/QĐ-TTg"),  # D for Đ where unambiguous
        ("521/2005/qd-TTG", "521/2005/QĐ-TTg"),
        ("75/2023/ND-CP", "75/2023/NĐ-CP"),
        ("12/QyD-BCA", "12/QyĐ-BCA"),
        ("05/BCD-X1", "05/BCĐ-X1"),  # D for Đ in a letter's issuer
        ("12/QĐ-hdnd", "12/QĐ-HĐND"),  # D for Đ in an issuer
        ("9-ct/tw", "09-CT/TW"),  # Party number in lower case
        ("6/2022/qh15", "06/2022/QH15"),  # law in lower case
    ],
)
def test_variants_equal_the_canonical_spelling(variant: str, canonical: str) -> None:
    ref = DocumentRef.parse(variant)
    assert ref == DocumentRef.parse(canonical)
    assert hash(ref) == hash(DocumentRef.parse(canonical))
    assert str(ref) == canonical


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_normalisation_form_does_not_matter(form: str) -> None:
    text = unicodedata.normalize(form, "521/QĐ-HĐND")  # type: ignore[arg-type]
    assert str(DocumentRef.parse(text)) == "521/QĐ-HĐND"


@pytest.mark.parametrize(
    ("symbol", "kind"),
    [
        ("HD", K.GUIDANCE),  # HD is its own code: never read as HĐ (contract)
        ("HĐ", K.CONTRACT),
        ("hđ", K.CONTRACT),
        ("DA", K.PROJECT),  # DA is Dự án, never Đề án
        ("ĐA", K.PROPOSAL),
        ("QD", K.DECISION),  # alias: no code is spelled QD
        ("Nd", K.DECREE),
        ("CD", K.TELEGRAM),  # alias of CĐ
        ("ctr", K.PROGRAMME),
        ("TTR", K.SUBMISSION),
    ],
)
def test_kind_alias_rule(symbol: str, kind: DocumentKind) -> None:
    assert DocumentKind.parse(symbol) is kind
    assert DocumentRef.parse(f"12/{symbol}-BCA").kind is kind


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("", "document_ref"),  # empty
        ("QĐ-TTg", "document_ref"),  # no number
        ("521", "document_ref"),  # no symbol
        ("521/", "document_ref"),  # nothing after the slash
        ("09/CTr-", "document_ref"),  # dangling dash
        ("09//CTr-BCA", "document_ref"),  # double slash
        ("09/CTr-BCA MTTQ", "document_ref"),  # space inside the issuers
        ("số 09/CTr-BCA-MTTQ", "document_ref"),  # prose around: use find_document_refs
        ("09/CTr-BCA-MTTQ ngày 01/8/2013", "document_ref"),  # a date is not part of the number
        ("12/2021/QĐ", "document_ref"),  # year but no issuer
        ("12/21/QĐ-TTg", "document_ref"),  # two-digit year
        ("12-QĐ", "document_ref"),  # Party style without issuer
        ("09/CTr", "issuers"),  # kind without issuer
        ("12/XYZ-BCA", "kind"),  # unknown kind symbol
        ("12/2021/XYZ-BCA", "kind"),  # unknown kind symbol with year
        ("12-XYZ/TW", "kind"),  # unknown Party kind
        ("12/X99-BCA", "kind"),  # unknown first segment, not a known issuer either
        ("12/QH-BCA-V05/x", "document_ref"),  # trailing junk
        ("12/2021/QH-BCA", "kind"),  # QH is not a kind symbol in the state grammar
        ("0/QĐ-TTg", "number"),  # numbers start at 01
        ("12/1900/QĐ-TTg", "year"),  # before 1945
        ("5/2022/QH0", "legislature"),  # there is no 0th National Assembly
        ("5/2022/QH", "document_ref"),  # term missing
        ("12/QĐ-BCA_V05", "document_ref"),  # underscore is not a separator
    ],
)
def test_parse_refuses_bad_numbers(text: str, field: str) -> None:
    with pytest.raises(ParseError) as info:
        DocumentRef.parse(text)
    assert info.value.field == field


@pytest.mark.parametrize("bad", [None, 9, b"09/CTr-BCA-MTTQ"])
def test_parse_refuses_non_text(bad: object) -> None:
    with pytest.raises(AntqTypeError) as info:
        DocumentRef.parse(bad)  # type: ignore[arg-type]
    assert info.value.field == "document_ref"


@pytest.mark.parametrize(
    ("kwargs", "error", "field"),
    [
        ({"number": 0, "kind": "QĐ", "issuers": ["TTg"]}, InvariantError, "number"),  # zero
        ({"number": -3, "kind": "QĐ", "issuers": ["TTg"]}, InvariantError, "number"),  # negative
        ({"number": True, "kind": "QĐ", "issuers": ["TTg"]}, AntqTypeError, "number"),  # bool
        ({"number": "09", "kind": "QĐ", "issuers": ["TTg"]}, AntqTypeError, "number"),  # text
        ({"number": 1, "kind": "XYZ", "issuers": ["TTg"]}, InvariantError, "kind"),  # unknown
        ({"number": 1, "kind": 5, "issuers": ["TTg"]}, AntqTypeError, "kind"),  # not a str
        ({"number": 1, "kind": "QĐ", "issuers": []}, InvariantError, "issuers"),  # none
        ({"number": 1, "kind": "QĐ", "issuers": "BCA"}, AntqTypeError, "issuers"),  # a bare str
        ({"number": 1, "kind": "QĐ", "issuers": ["B-CA"]}, InvariantError, "issuers"),  # dash
        ({"number": 1, "kind": "QĐ", "issuers": [""]}, InvariantError, "issuers"),  # empty
        ({"number": 1, "kind": "QĐ", "issuers": [5]}, AntqTypeError, "issuers"),  # not a str
        (
            {"number": 1, "kind": "QĐ", "issuers": ["TTg"], "year": 1800},
            InvariantError,
            "year",
        ),  # too early
        (
            {"number": 1, "kind": "QĐ", "issuers": ["TTg"], "year": 2021.0},
            AntqTypeError,
            "year",
        ),  # a float year
        (
            {"number": 1, "kind": "QĐ", "issuers": ["TTg"], "legislature": 15},
            InvariantError,
            "legislature",
        ),  # a term outside QH numbers
        (
            {"number": 1, "kind": "CT", "issuers": ["TW"], "year": 2011, "style": "party"},
            InvariantError,
            "year",
        ),  # Party numbers have no year
        (
            {"number": 1, "kind": "QĐ", "issuers": ["CAT"], "style": "letter"},
            InvariantError,
            "kind",
        ),  # a letter is a CV
        (
            {"number": 1, "kind": "CV", "issuers": ["X1"], "style": "letter"},
            InvariantError,
            "issuers",
        ),  # a letter must start with a known issuer
        (
            {"number": 1, "kind": "CV", "issuers": ["CAT"], "style": "letter", "year": 2020},
            InvariantError,
            "year",
        ),  # letters have no year
        (
            {"number": 6, "kind": "QH", "issuers": ["QH"], "legislature": 15},
            InvariantError,
            "year",
        ),  # a law needs its year
        (
            {"number": 6, "kind": "QH", "issuers": ["QH"], "year": 2022},
            InvariantError,
            "legislature",
        ),  # a law needs its term
        (
            {"number": 6, "kind": "QH", "issuers": ["BCA"], "year": 2022, "legislature": 15},
            InvariantError,
            "issuers",
        ),  # a law is issued by QH
        (
            {
                "number": 6,
                "kind": "QĐ",
                "issuers": ["QH"],
                "year": 2022,
                "style": "national_assembly",
            },
            InvariantError,
            "kind",
        ),  # QH style needs the QH kind
        (
            {"number": 6, "kind": "QH", "issuers": ["QH"], "style": "state"},
            InvariantError,
            "kind",
        ),  # the QH kind needs QH style
    ],
)
def test_constructor_enforces_invariants(
    kwargs: dict[str, object], error: type[Exception], field: str
) -> None:
    with pytest.raises(error) as info:
        DocumentRef(**kwargs)
    assert getattr(info.value, "field", None) == field


@pytest.mark.parametrize(
    ("style", "error"),
    [
        ("joint", InvariantError),  # not a style
        (3, AntqTypeError),  # not a str
    ],
)
def test_unknown_style(style: object, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        DocumentRef(1, "QĐ", ["TTg"], style=style)
    assert getattr(info.value, "field", None) == "style"


# -- codelists ------------------------------------------------------------------------


def _fold(code: str) -> str:
    return code.casefold().replace("đ", "d")


def test_every_code_has_a_bilingual_label() -> None:
    labels = [k.label for k in DocumentKind] + [i.label for i in Issuer]
    assert all(lab.vi.strip() for lab in labels)
    assert all(lab.en.strip() for lab in labels)


def test_no_kind_symbol_reads_as_a_letter_issuer() -> None:
    """The letter grammar is told from the state grammar by its first segment."""
    kinds = {_fold(k) for k in DocumentKind if k is not K.NATIONAL_ASSEMBLY_ACT}
    kinds |= {k.casefold() for k in DocumentKind}
    issuers = {_fold(i) for i in Issuer} | {i.casefold() for i in Issuer}
    assert kinds & issuers == {"qh"}  # only the National Assembly kind, never in that grammar


def test_codes_are_unique_case_insensitively() -> None:
    assert len({k.casefold() for k in DocumentKind}) == len(DocumentKind)
    assert len({i.casefold() for i in Issuer}) == len(Issuer)


@pytest.mark.parametrize("code", ["XYZ", "", "QH"])
def test_kind_parse_unknown(code: str) -> None:
    with pytest.raises(UnknownCodeError) as info:
        DocumentKind.parse(code)
    assert info.value.field == "kind"


def test_issuer_parse() -> None:
    assert Issuer.parse("ttg") is Issuer.PRIME_MINISTER
    assert Issuer.parse("LDLD") is Issuer.LABOUR_FEDERATION
    with pytest.raises(UnknownCodeError) as info:
        Issuer.parse("X99")
    assert info.value.field == "issuer"


# -- pydantic -------------------------------------------------------------------------


class _Holder(BaseModel):
    number: DocumentRef


def test_pydantic_reads_and_writes_the_canonical_string() -> None:
    held = _Holder.model_validate({"number": "09/Ctr-bca-mttq"})
    assert held.number == DocumentRef.parse("09/CTr-BCA-MTTQ")
    assert held.model_dump_json() == '{"number":"09/CTr-BCA-MTTQ"}'
    assert _Holder.model_validate_json(held.model_dump_json()) == held
    assert _Holder(number=DocumentRef.parse("09-CT/TW")).number.style is PARTY


@pytest.mark.parametrize(
    "bad",
    [
        "12/XYZ-BCA",  # unknown kind
        "not a number",  # no grammar
        "0/QĐ-TTg",  # invariant
        9,  # not a string
    ],
)
def test_pydantic_reports_bad_values_as_validation_errors(bad: object) -> None:
    with pytest.raises(ValidationError) as info:
        _Holder.model_validate({"number": bad})
    assert info.value.errors()[0]["loc"] == ("number",)


def test_json_schema_is_a_string_with_examples() -> None:
    schema = _Holder.model_json_schema()["properties"]["number"]
    assert schema["type"] == "string"
    assert "09/CTr-BCA-MTTQ" in schema["examples"]
    for example in schema["examples"]:
        assert str(DocumentRef.parse(example)) == example


def test_pickle_round_trip() -> None:
    ref = DocumentRef.parse("14/QĐ-BCA-X99")
    assert pickle.loads(pickle.dumps(ref)) == ref  # noqa: S301  # our own bytes


# -- citations ------------------------------------------------------------------------

SEED = (
    "Hội nghị cấp tỉnh tổng kết 10 năm thực hiện Chương trình phối hợp số "
    "09/CTr-BCA-MTTQ ngày 01 tháng 8 năm 2013 về đẩy mạnh phong trào"
)


def test_parse_citation_of_the_seed_sentence() -> None:
    cited = DocumentRef.parse_citation(SEED)
    assert cited.ref == DocumentRef.parse("09/CTr-BCA-MTTQ")
    assert cited.date == dt.date(2013, 8, 1)
    start, end = cited.span
    assert SEED[start:end] == cited.text == "09/CTr-BCA-MTTQ ngày 01 tháng 8 năm 2013"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("09/CTr-BCA-MTTQ ngày 01 tháng 8 năm 2013", dt.date(2013, 8, 1)),
        ("09/CTr-BCA-MTTQ, ngày 1/8/2013", dt.date(2013, 8, 1)),  # slash date, comma
        ("521/QĐ-TTg ngày 13-6-2005", dt.date(2005, 6, 13)),  # hyphen date
        ("510/QĐ-BCA-V05 ngày 20.01.2022", dt.date(2022, 1, 20)),  # dot date
        ("124/2021/TT-BCA ban hành ngày 28 tháng 12 năm 2021", dt.date(2021, 12, 28)),
        ("06/2022/QH15 Ngày 15 Tháng 6 Năm 2022", dt.date(2022, 6, 15)),  # capitalised
        ("09-CT/TW", None),  # no date
        ("09-CT/TW năm 2011", None),  # a year alone is not a date
    ],
)
def test_citation_dates(text: str, date: dt.date | None) -> None:
    assert DocumentRef.parse_citation(text).date == date


@pytest.mark.parametrize(
    "text",
    [
        "09/CTr-BCA-MTTQ ngày 31 tháng 2 năm 2013",  # 31 February
        "09/CTr-BCA-MTTQ ngày 01/13/2013",  # month 13 (never month-first)
        "09/CTr-BCA-MTTQ ngày 0/8/2013",  # day 0
    ],
)
def test_citation_with_impossible_date(text: str) -> None:
    with pytest.raises(ParseError) as info:
        DocumentRef.parse_citation(text)
    assert info.value.field == "date"


@pytest.mark.parametrize(
    "text",
    [
        "",  # nothing
        "Chương trình phối hợp số 9, ngày 01/8/2013",  # number without symbol
        "85/85 xã; 1.376/1.376 khu dân cư; ngày 19/8/2023; 2013-2023",  # look-alikes only
        "Chỉ thị 09-CT/TW và Kết luận 44-KL/TW",  # two numbers
    ],
)
def test_parse_citation_needs_exactly_one_number(text: str) -> None:
    with pytest.raises(ParseError) as info:
        DocumentRef.parse_citation(text)
    assert info.value.field == "citation"


def test_find_document_refs_in_prose() -> None:
    text = (
        "Căn cứ Luật 06/2022/QH15, Thông tư 124/2021/TT-BCA, Quyết định 510/QĐ-BCA-V05 "
        "ngày 20/01/2022 và Hướng dẫn 22/HD-BCA-V05; 70/85 xã đạt (hơn 145.410 lượt)."
    )
    found = find_document_refs(text)
    assert [str(c.ref) for c in found] == [
        "06/2022/QH15",
        "124/2021/TT-BCA",
        "510/QĐ-BCA-V05",
        "22/HD-BCA-V05",
    ]
    assert [c.date for c in found] == [None, None, dt.date(2022, 1, 20), None]
    for c in found:
        assert text[c.span[0] : c.span[1]] == c.text
    assert isinstance(found[0], DocumentCitation)


def test_find_document_refs_skips_unknown_kinds() -> None:
    assert find_document_refs("mã 12/XYZ-ABC và 09-CT/TW") == (
        DocumentCitation(DocumentRef.parse("09-CT/TW"), None, (17, 25), "09-CT/TW"),
    )


def test_find_document_refs_reads_nfd_text() -> None:
    nfd = unicodedata.normalize("NFD", "Quyết định 521/QĐ-TTg ngày 13 tháng 6 năm 2005")
    [c] = find_document_refs(nfd)
    assert str(c.ref) == "521/QĐ-TTg"
    assert c.date == dt.date(2005, 6, 13)


def test_find_document_refs_refuses_non_text() -> None:
    with pytest.raises(AntqTypeError):
        find_document_refs(None)  # type: ignore[arg-type]


# -- properties -----------------------------------------------------------------------


class TestParseIsInverseOfStr:
    """parse(str(x)) == x, and str is a fixed point: str(parse(str(x))) == str(x)."""

    @given(document_refs())
    def test_round_trip(self, ref: DocumentRef) -> None:
        again = DocumentRef.parse(str(ref))
        assert again == ref
        assert str(again) == str(ref)
        assert hash(again) == hash(ref)

    @given(document_refs())
    def test_repr_shows_the_canonical_text(self, ref: DocumentRef) -> None:
        assert repr(ref) == f"DocumentRef({str(ref)!r})"


class TestSameDocumentWhateverTheSpelling:
    """Two spellings of one number (case, padding, NFD) are the same document."""

    @given(document_refs(), st.sampled_from([str.lower, str.upper, str.swapcase]))
    def test_case(self, ref: DocumentRef, case: object) -> None:
        assert DocumentRef.parse(case(str(ref))) == ref  # type: ignore[operator]

    @given(document_refs())
    def test_unpadded_number(self, ref: DocumentRef) -> None:
        text = str(ref)
        assert DocumentRef.parse(text.lstrip("0")) == ref

    @given(document_refs())
    def test_nfd(self, ref: DocumentRef) -> None:
        assert DocumentRef.parse(unicodedata.normalize("NFD", str(ref))) == ref


class TestJsonRoundTrip:
    """A record holding a DocumentRef survives JSON unchanged."""

    @given(document_refs())
    def test_json(self, ref: DocumentRef) -> None:
        held = _Holder(number=ref)
        assert _Holder.model_validate_json(held.model_dump_json()).number == ref


class TestFoundInProse:
    """A number written in a sentence with its date is found with that date."""

    @given(document_refs(), st.dates(min_value=dt.date(1945, 1, 1)))
    def test_found(self, ref: DocumentRef, date: dt.date) -> None:
        text = (
            f"Thực hiện văn bản số {ref} ngày {date.day:02d} tháng {date.month} "
            f"năm {date.year} về công tác"
        )
        [cited] = find_document_refs(text)
        assert cited.ref == ref
        assert cited.date == date


# -- the strategies themselves ------------------------------------------------------------


class TestStrategies:
    """document_refs() gives valid values, respects its arguments and reaches the edges."""

    @given(document_refs(max_number=20, kinds=st.just(K.DECISION)))
    def test_arguments_are_respected(self, ref: DocumentRef) -> None:
        assert ref.kind is K.DECISION
        assert 1 <= ref.number <= 20
        event(ref.style.value)

    @given(document_refs(kinds=st.sampled_from([K.OFFICIAL_LETTER, K.NATIONAL_ASSEMBLY_ACT])))
    def test_letters_and_laws(self, ref: DocumentRef) -> None:
        assert ref.kind in (K.OFFICIAL_LETTER, K.NATIONAL_ASSEMBLY_ACT)
        assert DocumentRef.parse(str(ref)) == ref

    @pytest.mark.parametrize("style", list(NumberingStyle))
    def test_every_style_is_reached(self, style: NumberingStyle) -> None:
        assert find(document_refs(), lambda r: r.style is style, settings=_FIND).style is style

    def test_edges_are_reached(self) -> None:
        assert find(document_refs(), lambda r: r.year is not None, settings=_FIND).year is not None
        assert (
            find(document_refs(max_number=50), lambda r: r.number == 50, settings=_FIND).number
            == 50
        )
        raw = find(
            document_refs(),
            lambda r: any(not isinstance(i, Issuer) for i in r.issuers),
            settings=_FIND,
        )
        assert any(not isinstance(i, Issuer) for i in raw.issuers)
        assert (
            len(find(document_refs(), lambda r: len(r.issuers) == 3, settings=_FIND).issuers) == 3
        )

    def test_shrinks_towards_the_simplest_decision(self) -> None:
        assert str(find(document_refs(), lambda _: True)) == "01/QĐ-BCA"

    @given(issuer_parts())
    def test_issuer_parts_are_accepted(self, part: str) -> None:
        assert DocumentRef(1, K.DECISION, [part]).issuers[0] != ""

    @given(document_kinds())
    def test_kinds(self, kind: DocumentKind) -> None:
        assert isinstance(kind, DocumentKind)

    def test_max_number_must_be_positive(self) -> None:
        with pytest.raises(ValueError, match="max_number"):
            document_refs(max_number=0)
