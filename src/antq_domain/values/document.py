# Size: one value type, the Vietnamese document number, with its parser, issuer codes and the
# search in text; about 40% of the lines are docstrings and their examples.
"""Vietnamese document numbers ("số, ký hiệu"): ``09/CTr-BCA-MTTQ``, ``124/2021/TT-BCA``.

Four grammars are read (see ``docs/explanation/vietnamese-text.md``):

* state documents, ``number[/year]/KIND-ISSUER[-ISSUER...]``: ``124/2021/TT-BCA``
  (a normative document carries its year), ``22/HD-BCA-V05``, ``521/QĐ-TTg``;
* official letters (công văn), ``number/ISSUER[-SUBUNIT...]`` with no kind symbol: ``123/CAT-PV05``;
  the first segment must be a known [`Issuer`][antq_domain.values.document.Issuer] (``123/CV-UBND``,
  with the explicit ``CV``, is the state grammar);
* Party documents, ``number-KIND/ISSUER[-ISSUER...]``: ``09-CT/TW``, ``44-KL/TW``;
* laws and resolutions of the National Assembly, ``number/year/QH<term>``:
  ``06/2022/QH15``.

Matching rules. Kind and issuer symbols are matched case-insensitively
(``Ctr`` is ``CTr``, ``qđ`` is ``QĐ``). A plain ``D`` is accepted for ``Đ``
only where the D-spelling is not itself a code: ``QD-TTg`` reads as
``QĐ-TTg``, but ``HD`` is always Hướng dẫn (guidance) and never HĐ (Hợp đồng,
contract), and ``DA`` (Dự án) is never ĐA (Đề án). An unknown kind symbol is
an error; an unknown issuer segment is kept as upper-case text, since
issuers (provincial departments, units) are open-ended. The number is an
integer written zero-padded to two digits (NĐ 30/2020 pads numbers below 10),
so ``9/CTr-BCA-MTTQ`` and ``09/CTr-BCA-MTTQ`` are the same document.

The date of a document is not part of its number:
[`DocumentRef`][antq_domain.DocumentRef] holds the number only, and
[`find_document_refs`][antq_domain.values.document.find_document_refs] /
[`DocumentRef.parse_citation`][antq_domain.values.document.DocumentRef.parse_citation] return a
[`DocumentCitation`][antq_domain.values.document.DocumentCitation] that pairs a reference with the
date written after it ("ngày 01 tháng 8 năm 2013").

Example:
    >>> from antq_domain.values.document import DocumentRef
    >>> ref = DocumentRef.parse("09/Ctr-bca-mttq")
    >>> ref
    DocumentRef('09/CTr-BCA-MTTQ')
    >>> ref.kind.label.en, [i.label.en for i in ref.known_issuers]
    ('programme', ['Ministry of Public Security', 'Vietnam Fatherland Front'])
    >>> DocumentRef.parse("06/2022/QH15").legislature
    15
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import unicodedata
from collections.abc import Iterable
from typing import Any, TypeAlias

import attrs
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from antq_domain.errors import (
    AntqTypeError,
    InvariantError,
    ParseError,
    UnknownCodeError,
)
from antq_domain.values._codelist import Codelist
from antq_domain.values._pydantic import text_core_schema

__all__ = [
    "DocumentCitation",
    "DocumentKind",
    "DocumentRef",
    "Issuer",
    "IssuerPart",
    "NumberingStyle",
    "find_document_refs",
]

_MIN_YEAR = 1945
_MAX_YEAR = 2999


def _fold(code: str) -> str:
    return unicodedata.normalize("NFC", code).casefold().replace("đ", "d")


class _Lookup:
    """Case-insensitive lookup of codes, with the unambiguous D-for-Đ alias."""

    def __init__(self, members: Iterable[enum.StrEnum]) -> None:
        self.exact: dict[str, enum.StrEnum] = {}
        folded: dict[str, list[enum.StrEnum]] = {}
        for member in members:
            self.exact[unicodedata.normalize("NFC", member.value).casefold()] = member
            folded.setdefault(_fold(member.value), []).append(member)
        self.folded = {k: v[0] for k, v in folded.items() if len(v) == 1 and k not in self.exact}

    def get(self, code: str) -> enum.StrEnum | None:
        key = unicodedata.normalize("NFC", code).casefold()
        found = self.exact.get(key)
        if found is None and "đ" not in key:
            found = self.folded.get(key)
        return found


class DocumentKind(Codelist, field="kind"):
    """The kind of a document: the symbol before the issuer (``QĐ``, ``TT``, ``CTr`` ...).

    Values are the symbols in their canonical case (NĐ 30/2020/NĐ-CP, Appendix III, plus the
    normative kinds). `NATIONAL_ASSEMBLY_ACT` (value ``"QH"``) is the kind of ``06/2022/QH15``: laws
    and resolutions of the National Assembly share one numbering series, so the number alone cannot
    tell them apart. `OFFICIAL_LETTER` (``CV``) is the kind of a letter, whether written
    ``123/CV-UBND`` or without the symbol, ``123/CAT-PV05``.

    Example:
        >>> from antq_domain.values.document import DocumentKind
        >>> DocumentKind.parse("qd") is DocumentKind.DECISION
        True
        >>> DocumentKind.PROGRAMME.label.vi
        'Chương trình'
        >>> DocumentKind.parse("XYZ")
        Traceback (most recent call last):
        ...
        antq_domain.errors.UnknownCodeError: kind='XYZ': expected a document kind symbol ...
    """

    DECISION = ("QĐ", "Quyết định", "decision")
    DECREE = ("NĐ", "Nghị định", "decree")
    CIRCULAR = ("TT", "Thông tư", "circular")
    JOINT_CIRCULAR = ("TTLT", "Thông tư liên tịch", "joint circular")
    RESOLUTION = ("NQ", "Nghị quyết", "resolution")
    DIRECTIVE = ("CT", "Chỉ thị", "directive")
    CONCLUSION = ("KL", "Kết luận", "conclusion")
    PROGRAMME = ("CTr", "Chương trình", "programme")
    GUIDANCE = ("HD", "Hướng dẫn", "guidance")
    PLAN = ("KH", "Kế hoạch", "plan")
    REPORT = ("BC", "Báo cáo", "report")
    NOTICE = ("TB", "Thông báo", "notice")
    OFFICIAL_LETTER = ("CV", "Công văn", "official letter")
    REGULATION = ("QyĐ", "Quy định", "regulation")
    RULES = ("QC", "Quy chế", "rules")
    COMMUNIQUE = ("TC", "Thông cáo", "communiqué")
    SCHEME = ("PA", "Phương án", "scheme")
    PROPOSAL = ("ĐA", "Đề án", "project proposal")
    PROJECT = ("DA", "Dự án", "project")
    MINUTES = ("BB", "Biên bản", "minutes")
    SUBMISSION = ("TTr", "Tờ trình", "submission")
    CONTRACT = ("HĐ", "Hợp đồng", "contract")
    TELEGRAM = ("CĐ", "Công điện", "official telegram")
    MEMORANDUM = ("BGN", "Bản ghi nhớ", "memorandum of understanding")
    AGREEMENT = ("BTT", "Bản thỏa thuận", "agreement")
    POWER_OF_ATTORNEY = ("GUQ", "Giấy ủy quyền", "power of attorney")
    INVITATION = ("GM", "Giấy mời", "invitation")
    INTRODUCTION = ("GGT", "Giấy giới thiệu", "letter of introduction")
    LEAVE_PERMIT = ("GNP", "Giấy nghỉ phép", "leave permit")
    DISPATCH_SLIP = ("PG", "Phiếu gửi", "dispatch slip")
    TRANSFER_SLIP = ("PC", "Phiếu chuyển", "transfer slip")
    NOTIFICATION_SLIP = ("PB", "Phiếu báo", "notification slip")
    CONSOLIDATED_TEXT = ("VBHN", "Văn bản hợp nhất", "consolidated text")
    ORDINANCE = ("PL", "Pháp lệnh", "ordinance")
    NATIONAL_ASSEMBLY_ACT = (
        "QH",
        "Luật, nghị quyết của Quốc hội",
        "law or resolution of the National Assembly",
    )

    @classmethod
    def parse(cls, code: str) -> DocumentKind:
        """The kind with this symbol (any case; D for Đ where unambiguous).

        Raises:
            UnknownCodeError: not a kind symbol.

        Example:
            >>> from antq_domain.values.document import DocumentKind
            >>> DocumentKind.parse("Ctr"), DocumentKind.parse("hđ")
            (<DocumentKind.PROGRAMME: 'CTr'>, <DocumentKind.CONTRACT: 'HĐ'>)
        """
        found = _KINDS.get(code) if isinstance(code, str) else None
        if found is None:
            raise UnknownCodeError(
                "kind",
                code,
                "a document kind symbol such as 'QĐ' or 'CTr'",
                expected_vi="một ký hiệu loại văn bản như 'QĐ' hoặc 'CTr'",
            )
        return DocumentKind(found)


# Kinds written as a symbol in a number (the National Assembly grammar has none).
_KINDS = _Lookup(k for k in DocumentKind if k is not DocumentKind.NATIONAL_ASSEMBLY_ACT)


class Issuer(Codelist, field="issuer"):
    """A known issuer symbol in a document number (``BCA``, ``TTg``, ``V05`` ...).

    The list is closed but issuers in real numbers are not: a
    [`DocumentRef`][antq_domain.DocumentRef] keeps an unknown segment as upper-case
    text ([`IssuerPart`][antq_domain.values.document.IssuerPart]). Sub-unit codes such as ``V05``
    (the Ministry's movement department) and ``PV05`` (its provincial police division) are issuers
    too, in the order written.

    Example:
        >>> from antq_domain.values.document import Issuer
        >>> Issuer.parse("ttg") is Issuer.PRIME_MINISTER
        True
        >>> Issuer.MOVEMENT_DEPARTMENT.label.vi
        'Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc (Bộ Công an)'
    """

    MPS = ("BCA", "Bộ Công an", "Ministry of Public Security")
    MOD = ("BQP", "Bộ Quốc phòng", "Ministry of National Defence")
    MOHA = ("BNV", "Bộ Nội vụ", "Ministry of Home Affairs")
    MOJ = ("BTP", "Bộ Tư pháp", "Ministry of Justice")
    GOVERNMENT = ("CP", "Chính phủ", "Government")
    PRIME_MINISTER = ("TTg", "Thủ tướng Chính phủ", "Prime Minister")
    NATIONAL_ASSEMBLY = ("QH", "Quốc hội", "National Assembly")
    PARTY_CENTRAL = (
        "TW",
        "Trung ương Đảng (Ban Chấp hành, Bộ Chính trị, Ban Bí thư)",
        "Party Central Committee (incl. Politburo, Secretariat)",
    )
    PROVINCIAL_PARTY_COMMITTEE = ("TU", "Tỉnh ủy", "provincial Party committee")
    DISTRICT_PARTY_COMMITTEE = ("HU", "Huyện ủy", "district Party committee")
    PARTY_COMMITTEE = ("ĐU", "Đảng ủy", "Party committee")
    VFF_CENTRAL_COMMITTEE = (
        "MTTW",
        "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        "Central Committee of the Vietnam Fatherland Front",
    )
    VFF = ("MTTQ", "Mặt trận Tổ quốc Việt Nam", "Vietnam Fatherland Front")
    VFF_STANDING_BOARD = (
        "TTTW",
        "Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam",
        "Standing Board of the VFF Central Committee",
    )
    MOVEMENT_DEPARTMENT = (
        "V05",
        "Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc (Bộ Công an)",
        "MPS Department for Building the Movement for Protecting National Security",
    )
    MOVEMENT_DIVISION = (
        "PV05",
        "Phòng Xây dựng phong trào bảo vệ an ninh Tổ quốc (Công an tỉnh)",
        "provincial police division for building the movement",
    )
    PROVINCIAL_POLICE = ("CAT", "Công an tỉnh", "provincial police")
    PEOPLES_COMMITTEE = ("UBND", "Ủy ban nhân dân", "People's Committee")
    PEOPLES_COUNCIL = ("HĐND", "Hội đồng nhân dân", "People's Council")
    STEERING_COMMITTEE = ("BCĐ", "Ban Chỉ đạo", "steering committee")
    LABOUR_FEDERATION = ("LĐLĐ", "Liên đoàn Lao động", "Labour Federation")

    @classmethod
    def parse(cls, code: str) -> Issuer:
        """The issuer with this symbol (any case; D for Đ).

        Raises:
            UnknownCodeError: not a known issuer symbol.

        Example:
            >>> from antq_domain.values.document import Issuer
            >>> Issuer.parse("bcd")
            <Issuer.STEERING_COMMITTEE: 'BCĐ'>
        """
        found = _ISSUERS.get(code) if isinstance(code, str) else None
        if found is None:
            raise UnknownCodeError(
                "issuer",
                code,
                "a known issuer symbol such as 'BCA'",
                expected_vi="một ký hiệu cơ quan ban hành đã biết như 'BCA'",
            )
        return Issuer(found)


_ISSUERS = _Lookup(Issuer)

IssuerPart: TypeAlias = Issuer | str
"""One issuer segment: a known [`Issuer`][antq_domain.values.document.Issuer], or the upper-case
text of an unknown one."""


class NumberingStyle(enum.StrEnum):
    """Which grammar a document number follows.

    * ``state``: ``number[/year]/KIND-ISSUER...`` (``124/2021/TT-BCA``, ``22/HD-BCA-V05``);
    * ``letter``: ``number/ISSUER...``, an official letter without a kind
      symbol (``123/CAT-PV05``);
    * ``party``: ``number-KIND/ISSUER...`` (``09-CT/TW``);
    * ``national_assembly``: ``number/year/QH<term>`` (``06/2022/QH15``).

    Example:
        >>> from antq_domain.values.document import DocumentRef
        >>> DocumentRef.parse("44-KL/TW").style
        <NumberingStyle.PARTY: 'party'>
    """

    STATE = "state"
    LETTER = "letter"
    PARTY = "party"
    NATIONAL_ASSEMBLY = "national_assembly"


_SEGMENT = re.compile(r"[^\W_]+")


def _issuer_part(value: object) -> IssuerPart:
    if isinstance(value, Issuer):
        return value
    if not isinstance(value, str):
        raise AntqTypeError("issuers", value, "an Issuer or an issuer symbol (str)")
    known = _ISSUERS.get(value)
    if known is not None:
        return Issuer(known)
    text = unicodedata.normalize("NFC", value).upper()
    if not _SEGMENT.fullmatch(text):
        raise InvariantError(
            "issuers",
            value,
            "an issuer symbol of letters and digits",
            expected_vi="một ký hiệu cơ quan ban hành gồm chữ và số",
        )
    return text


def _issuers(value: object) -> tuple[IssuerPart, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise AntqTypeError("issuers", value, "a sequence of issuer symbols, e.g. ('BCA', 'V05')")
    return tuple(_issuer_part(v) for v in value)


def _kind(value: object) -> DocumentKind:
    if isinstance(value, DocumentKind):
        return value
    if isinstance(value, str):
        found = _KINDS.get(value)
        if found is None and _fold(value) == "qh":
            return DocumentKind.NATIONAL_ASSEMBLY_ACT
        if found is None:
            raise InvariantError(
                "kind",
                value,
                "a document kind symbol such as 'QĐ' or 'CTr'",
                expected_vi="một ký hiệu loại văn bản như 'QĐ' hoặc 'CTr'",
            )
        return DocumentKind(found)
    raise AntqTypeError("kind", value, "a DocumentKind or a kind symbol")


def _optional_int(field: str, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise AntqTypeError(field, value, "an int or None", expected_vi="một số nguyên hoặc None")
    return value


def _year(value: object) -> int | None:
    return _optional_int("year", value)


def _legislature(value: object) -> int | None:
    return _optional_int("legislature", value)


def _style(value: object) -> NumberingStyle:
    if isinstance(value, NumberingStyle):
        return value
    if isinstance(value, str):
        try:
            return NumberingStyle(value)
        except ValueError:
            pass
        raise InvariantError("style", value, "one of " + ", ".join(s.value for s in NumberingStyle))
    raise AntqTypeError("style", value, "a NumberingStyle or its value")


def _default_style(ref: DocumentRef) -> NumberingStyle:
    if ref.kind is DocumentKind.NATIONAL_ASSEMBLY_ACT:
        return NumberingStyle.NATIONAL_ASSEMBLY
    return NumberingStyle.STATE


def _whole(field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AntqTypeError(field, value, "an int", expected_vi="một số nguyên")
    return value


def _number(value: object) -> int:
    return _whole("number", value)


@attrs.frozen(repr=False)
class DocumentRef:
    """The number of a Vietnamese document ("số, ký hiệu"), e.g. ``09/CTr-BCA-MTTQ``.

    A value: two references are equal when they name the same document, whatever case or padding
    they were typed in (``9/Ctr-bca-mttq`` equals ``09/CTr-BCA-MTTQ``). ``str`` gives the canonical
    spelling and [`parse`][antq_domain.values.document.DocumentRef.parse] reads it back
    (``parse(str(x)) == x``); the JSON form is that string. The document's date is not part of its
    number; see [`DocumentCitation`][antq_domain.values.document.DocumentCitation].

    Args:
        number: the running number (1 or more; written zero-padded to two digits).
        kind: a [`DocumentKind`][antq_domain.values.document.DocumentKind] or its symbol.
        issuers: the issuer segments in order, known
            ([`Issuer`][antq_domain.values.document.Issuer]) or not (kept as upper-case text).
        year: the year written in the number (normative documents, laws).
        legislature: the National Assembly term (``15`` in ``QH15``); laws only.
        style: the grammar; ``state`` by default (``national_assembly`` for
            [`DocumentKind.NATIONAL_ASSEMBLY_ACT`][antq_domain.values.document.DocumentKind]).

    Raises:
        InvariantError: parts that no grammar allows (a year on a Party
            document, a letter whose first issuer is unknown, ...).

    Example:
        >>> from antq_domain.values.document import DocumentRef, DocumentKind, NumberingStyle
        >>> DocumentRef(124, "TT", ["BCA"], year=2021)
        DocumentRef('124/2021/TT-BCA')
        >>> DocumentRef(9, DocumentKind.DIRECTIVE, ["TW"], style=NumberingStyle.PARTY)
        DocumentRef('09-CT/TW')
        >>> DocumentRef.parse("521/qd-ttg") == DocumentRef.parse("521/QĐ-TTg")
        True
        >>> DocumentRef(0, "QĐ", ["TTg"])
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: number=0: expected a document number of 1 or more
    """

    number: int = attrs.field(converter=_number)
    kind: DocumentKind = attrs.field(converter=_kind)
    issuers: tuple[IssuerPart, ...] = attrs.field(converter=_issuers)
    year: int | None = attrs.field(default=None, kw_only=True, converter=_year)
    legislature: int | None = attrs.field(default=None, kw_only=True, converter=_legislature)
    style: NumberingStyle = attrs.field(
        default=attrs.Factory(_default_style, takes_self=True),
        kw_only=True,
        converter=_style,
    )

    def __attrs_post_init__(self) -> None:  # noqa: PLR0912  # one branch per grammar rule
        if self.number < 1:
            raise InvariantError(
                "number",
                self.number,
                "a document number of 1 or more",
                expected_vi="một số văn bản từ 1 trở lên",
            )
        if self.year is not None and not _MIN_YEAR <= self.year <= _MAX_YEAR:
            raise InvariantError(
                "year",
                self.year,
                f"a year from {_MIN_YEAR} to {_MAX_YEAR}",
                expected_vi=f"một năm từ {_MIN_YEAR} đến {_MAX_YEAR}",
            )
        if not self.issuers:
            raise InvariantError(
                "issuers",
                self.issuers,
                "at least one issuer",
                expected_vi="ít nhất một cơ quan ban hành",
            )
        is_na = self.style is NumberingStyle.NATIONAL_ASSEMBLY
        if is_na != (self.kind is DocumentKind.NATIONAL_ASSEMBLY_ACT):
            raise InvariantError(
                "kind",
                self.kind.value,
                "'QH' exactly when the style is national_assembly",
                expected_vi="'QH' khi và chỉ khi kiểu số là national_assembly",
            )
        if is_na:
            if self.issuers != (Issuer.NATIONAL_ASSEMBLY,):
                raise InvariantError(
                    "issuers",
                    self.issuers,
                    "('QH',) for a National Assembly act",
                    expected_vi="('QH',) cho văn bản của Quốc hội",
                )
            if self.year is None:
                raise InvariantError(
                    "year",
                    None,
                    "the year of a National Assembly act",
                    expected_vi="năm của văn bản Quốc hội",
                )
            if self.legislature is None or self.legislature < 1:
                raise InvariantError(
                    "legislature",
                    self.legislature,
                    "a term of 1 or more",
                    expected_vi="một khóa từ 1 trở lên",
                )
        elif self.legislature is not None:
            raise InvariantError(
                "legislature",
                self.legislature,
                "None outside 'QH' numbers",
                expected_vi="để trống ngoài số văn bản 'QH'",
            )
        if self.style is NumberingStyle.PARTY and self.year is not None:
            raise InvariantError(
                "year",
                self.year,
                "None: Party numbers carry no year",
                expected_vi="để trống: số văn bản của Đảng không có năm",
            )
        if self.style is NumberingStyle.LETTER:
            if self.kind is not DocumentKind.OFFICIAL_LETTER:
                raise InvariantError(
                    "kind",
                    self.kind.value,
                    "'CV' for a letter-style number",
                    expected_vi="'CV' cho số công văn",
                )
            if self.year is not None:
                raise InvariantError(
                    "year",
                    self.year,
                    "None: letter numbers carry no year",
                    expected_vi="để trống: số công văn không có năm",
                )
            if not isinstance(self.issuers[0], Issuer):
                raise InvariantError(
                    "issuers",
                    self.issuers[0],
                    "a known issuer first in a letter number",
                    expected_vi="một cơ quan ban hành đã biết đứng đầu số công văn",
                )

    # -- text forms ---------------------------------------------------------
    def __str__(self) -> str:
        number = f"{self.number:02d}"
        issuers = "-".join(str(i) for i in self.issuers)
        if self.style is NumberingStyle.NATIONAL_ASSEMBLY:
            return f"{number}/{self.year}/QH{self.legislature}"
        if self.style is NumberingStyle.PARTY:
            return f"{number}-{self.kind.value}/{issuers}"
        if self.style is NumberingStyle.LETTER:
            return f"{number}/{issuers}"
        year = f"/{self.year}" if self.year is not None else ""
        return f"{number}{year}/{self.kind.value}-{issuers}"

    def __repr__(self) -> str:
        return f"DocumentRef({str(self)!r})"

    @classmethod
    def parse(cls, text: str) -> DocumentRef:
        """Read a document number in any of the four grammars (inverse of ``str``).

        Case, NFC/NFD, zero padding, spaces around "/" and "-" and dash
        variants (–, —) are tolerated; see the module docstring.

        Raises:
            ParseError: the text fits no grammar, or its kind symbol is unknown
                (field ``kind``).
            AntqTypeError: ``text`` is not a ``str``.

        Example:
            >>> from antq_domain.values.document import DocumentRef
            >>> DocumentRef.parse("22 / HD – BCA – V05")
            DocumentRef('22/HD-BCA-V05')
            >>> DocumentRef.parse("123/cat-pv05").style
            <NumberingStyle.LETTER: 'letter'>
            >>> DocumentRef.parse("12/XYZ-BCA")
            Traceback (most recent call last):
            ...
            antq_domain.errors.ParseError: kind='XYZ': expected a document kind symbol ...
        """
        return _parse(text)

    @classmethod
    def parse_citation(cls, text: str) -> DocumentCitation:
        """Read a citation holding exactly one number, with its date if written.

        Raises:
            ParseError: no number, or more than one (field ``citation``), or a
                date that does not exist (field ``date``).

        Example:
            >>> from antq_domain.values.document import DocumentRef
            >>> c = DocumentRef.parse_citation(
            ...     "Chương trình phối hợp số 09/CTr-BCA-MTTQ ngày 01 tháng 8 năm 2013"
            ... )
            >>> c.ref, c.date
            (DocumentRef('09/CTr-BCA-MTTQ'), datetime.date(2013, 8, 1))
        """
        found = find_document_refs(text)
        if len(found) != 1:
            raise ParseError(
                "citation",
                text,
                f"exactly one document number (found {len(found)})",
                expected_vi=f"đúng một số văn bản (có {len(found)})",
            )
        return found[0]

    # -- helpers -------------------------------------------------------------
    @property
    def known_issuers(self) -> tuple[Issuer, ...]:
        """The issuer segments that are known `Issuer` codes, in order.

        Example:
            >>> from antq_domain.values.document import DocumentRef
            >>> DocumentRef.parse("12/QĐ-BCA-X99").known_issuers
            (<Issuer.MPS: 'BCA'>,)
        """
        return tuple(i for i in self.issuers if isinstance(i, Issuer))

    # -- pydantic -----------------------------------------------------------
    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return text_core_schema(
            cls,
            cls.parse,
            examples=["09/CTr-BCA-MTTQ", "124/2021/TT-BCA", "09-CT/TW", "06/2022/QH15"],
        )


# -- parsing ------------------------------------------------------------------
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
_NA = re.compile(r"([0-9]+)/([0-9]{4})/QH([0-9]+)", re.IGNORECASE)
_PARTY = re.compile(r"([0-9]+)-([^\W\d_]+)/([^\W_]+(?:-[^\W_]+)*)")
_STATE_YEAR = re.compile(r"([0-9]+)/([0-9]{4})/([^\W\d_]+)-([^\W_]+(?:-[^\W_]+)*)")
_STATE = re.compile(r"([0-9]+)/([^\W_]+)((?:-[^\W_]+)*)")
_SHAPE = (
    "a document number such as '09/CTr-BCA-MTTQ', '124/2021/TT-BCA', '09-CT/TW' or '06/2022/QH15'"
)
_SHAPE_VI = (
    "một số văn bản như '09/CTr-BCA-MTTQ', '124/2021/TT-BCA', '09-CT/TW' hoặc '06/2022/QH15'"
)


def _kind_or_error(text: str, symbol: str) -> DocumentKind:
    found = _KINDS.get(symbol)
    if found is None:
        raise ParseError(
            "kind",
            symbol,
            f"a document kind symbol such as 'QĐ' or 'CTr' in {text!r}",
            expected_vi=f"một ký hiệu loại văn bản như 'QĐ' hoặc 'CTr' trong {text!r}",
        )
    return DocumentKind(found)


def _build(text: str, *args: Any, **kwargs: Any) -> DocumentRef:
    try:
        return DocumentRef(*args, **kwargs)
    except InvariantError as err:
        raise ParseError(err.field, text, err.expected, expected_vi=err.expected_vi) from None


def _parse(text: object) -> DocumentRef:
    if not isinstance(text, str):
        raise AntqTypeError(
            "document_ref",
            text,
            "a str such as '09/CTr-BCA-MTTQ'",
            expected_vi="một chuỗi như '09/CTr-BCA-MTTQ'",
        )
    clean = unicodedata.normalize("NFC", text).translate(_DASHES).strip()
    clean = re.sub(r"\s*([/-])\s*", r"\1", clean)
    if (m := _NA.fullmatch(clean)) is not None:
        return _build(
            text,
            int(m[1]),
            DocumentKind.NATIONAL_ASSEMBLY_ACT,
            [Issuer.NATIONAL_ASSEMBLY],
            year=int(m[2]),
            legislature=int(m[3]),
        )
    if (m := _PARTY.fullmatch(clean)) is not None:
        kind = _kind_or_error(text, m[2])
        return _build(text, int(m[1]), kind, m[3].split("-"), style=NumberingStyle.PARTY)
    if (m := _STATE_YEAR.fullmatch(clean)) is not None:
        kind = _kind_or_error(text, m[3])
        return _build(text, int(m[1]), kind, m[4].split("-"), year=int(m[2]))
    if (m := _STATE.fullmatch(clean)) is not None:
        first, rest = m[2], [s for s in m[3].split("-") if s]
        found = _KINDS.get(first)
        if found is not None:
            if not rest:
                raise ParseError(
                    "issuers",
                    text,
                    f"an issuer after the kind symbol {first!r}",
                    expected_vi=f"một cơ quan ban hành sau ký hiệu loại {first!r}",
                )
            return _build(text, int(m[1]), DocumentKind(found), rest)
        if _ISSUERS.get(first) is not None:
            return _build(
                text,
                int(m[1]),
                DocumentKind.OFFICIAL_LETTER,
                [first, *rest],
                style=NumberingStyle.LETTER,
            )
        raise ParseError(
            "kind",
            first,
            f"a document kind symbol such as 'QĐ' or 'CTr' in {text!r}",
            expected_vi=f"một ký hiệu loại văn bản như 'QĐ' hoặc 'CTr' trong {text!r}",
        )
    raise ParseError("document_ref", text, _SHAPE, expected_vi=_SHAPE_VI)


# -- citations ----------------------------------------------------------------
@attrs.frozen
class DocumentCitation:
    """A document number found in text, with the date written after it.

    A value (equal when all fields are). ``span`` indexes the NFC-normalised
    text that was searched and covers the number and, when present, its
    date phrase; ``text`` is that slice.

    Example:
        >>> from antq_domain.values.document import find_document_refs
        >>> [c] = find_document_refs("theo Quyết định 510/QĐ-BCA-V05 ngày 20/01/2022.")
        >>> c.ref, c.date, c.span
        (DocumentRef('510/QĐ-BCA-V05'), datetime.date(2022, 1, 20), (16, 46))
        >>> c.text
        '510/QĐ-BCA-V05 ngày 20/01/2022'
    """

    ref: DocumentRef
    date: dt.date | None
    span: tuple[int, int]
    text: str


_CANDIDATE = re.compile(
    r"(?<![\w/.,-])[0-9]{1,5}(?:/[0-9]{4})?[/-][^\W_]+(?:[/-][^\W_]+)*(?![\w/])"
)
_DATE = re.compile(
    r"\s*,?\s*(?:ban hành\s+)?ngày\s+([0-9]{1,2})\s*"
    r"(?:tháng\s+([0-9]{1,2})\s+năm\s+([0-9]{4})|[/.-]([0-9]{1,2})[/.-]([0-9]{4}))(?![0-9])",
    re.IGNORECASE,
)


def find_document_refs(text: str) -> tuple[DocumentCitation, ...]:
    """Every document number in ``text``, in order, each with its date if written.

    A number is recognised when written without inner spaces
    (``09/CTr-BCA-MTTQ``); shapes that are not document numbers (dates such
    as ``01/8/2013``, fractions such as ``70/85``, unknown kind symbols) are
    skipped. A date is taken when "ngày 01 tháng 8 năm 2013" or
    "ngày 01/8/2013" follows the number; a date that does not exist is an
    error, not a silent skip.

    Raises:
        ParseError: a date after a number that is not a real date (field ``date``).

    Example:
        >>> from antq_domain.values.document import find_document_refs
        >>> found = find_document_refs(
        ...     "Chỉ thị 09-CT/TW, Kết luận 44-KL/TW; 85/85 xã; ngày 19/8/2023"
        ... )
        >>> [str(c.ref) for c in found]
        ['09-CT/TW', '44-KL/TW']
    """
    if not isinstance(text, str):
        raise AntqTypeError("text", text, "a str", expected_vi="một chuỗi")
    nfc = unicodedata.normalize("NFC", text)
    found: list[DocumentCitation] = []
    for m in _CANDIDATE.finditer(nfc):
        try:
            ref = _parse(m[0])
        except ParseError:
            continue
        end = m.end()
        date: dt.date | None = None
        if (d := _DATE.match(nfc, end)) is not None:
            day = int(d[1])
            month, year = (int(d[2]), int(d[3])) if d[2] is not None else (int(d[4]), int(d[5]))
            try:
                date = dt.date(year, month, day)
            except ValueError:
                raise ParseError(
                    "date",
                    d[0].strip(),
                    "a real date after the document number",
                    expected_vi="một ngày có thật sau số văn bản",
                ) from None
            end = d.end()
        found.append(DocumentCitation(ref, date, (m.start(), end), nfc[m.start() : end]))
    return tuple(found)
