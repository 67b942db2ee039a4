"""Who may confer which commendation, under the law in force on the award's day.

The authority rules are data. Each
[`AuthorityRule`][antq_domain.analysis.evaluation.authority.AuthorityRule] names the forms and
recipient kinds it covers, the authorities allowed to confer them, its legal basis (``instrument``
and ``article``), its validity interval (``valid_from`` … ``valid_to``) and how sure the sources
are (``confirmed`` or ``believed``).
[`rules_in_force`][antq_domain.analysis.evaluation.authority.rules_in_force] picks the rules in
force on a day — the award's date, or the report period's end when the award has none — and
[`check_authority`][antq_domain.analysis.evaluation.authority.check_authority] applies them to one
award (a [`Commendation`][antq_domain.records.Commendation] record or an
[`Award`][antq_domain.analysis.evaluation.authority.Award] read from a
``commendations.recipients`` figure). Evaluation turns each broken rule into a
``commendation.authority`` *warning*, never an error: practice departs from the law, and a report
is a record of practice.

Two laws (LEGAL-AND-INSTITUTIONS.md §2):

* **until 31/12/2023**: Luật Thi đua, Khen thưởng 2003 (15/2003/QH11,
  amended 2005 and 2013), detailed last by Nghị định 91/2017/NĐ-CP. Its
  chapter IV gives the Bằng khen to the Prime Minister, ministers, the
  central bodies of mass organisations and the provincial People's
  Committee chair (confirmed; the article number is not given in the
  source); the Giấy khen to heads of bodies under ministries, heads of
  provincial specialised agencies and the district People's Committee chair
  (the commune chair's clause was not retrieved: believed);
* **from 01/01/2024**: Law 06/2022/QH15, detailed by Nghị định
  98/2023/NĐ-CP: Giấy khen Art. 80 (confirmed), Bằng khen Art. 78–79 (Art.
  79's wording not retrieved: believed), households only the State's forms
  Art. 2 (confirmed), Kỷ niệm chương at central level (Art. 9 with TT
  22/2025/TT-BCA).

The Front's and mass organisations' own Bằng khen (provincial VFF chair,
provincial Labour Federation chair) are allowed by their own regulations
(QĐ 222/QĐ-MTTW): they are *internal* forms, not the State's provincial
Bằng khen, and evaluation says so with ``commendation.internal_form``.

Posts end too ([`POST_ENDS`][antq_domain.analysis.evaluation.authority.POST_ENDS]): the
district police on 1 March 2025, the district People's Committees on 1 July 2025. An award dated
after its issuer's post ended is ``commendation.issuer_ended``.

Forms without a rule (orders, medals, emulation titles) are not checked:
the sources consulted do not say who confers them for this movement, and no
rule is invented.

Example:
    >>> from datetime import date
    >>> from antq_domain.analysis.evaluation.authority import check_authority
    >>> from antq_domain.records.commendations import Commendation
    >>> award = Commendation(form="certificate_of_commendation",
    ...                      issuer="minister_of_public_security",
    ...                      recipient_kind="collective", count=1, status="conferred")
    >>> [(r.id, r.instrument) for r in check_authority(award, on=date(2023, 6, 1))]
    [('giay_khen_2003', 'Luật Thi đua, Khen thưởng 2003 (sửa đổi 2005, 2013)')]
    >>> [(r.id, r.article) for r in check_authority(award, on=date(2024, 6, 1))]
    [('giay_khen', 'Điều 80')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import attrs

from antq_domain.errors import AntqTypeError, InvariantError
from antq_domain.records.commendations import (
    Authority,
    Commendation,
    CommendationForm,
    RecipientKind,
)
from antq_domain.values._checks import codes_of
from antq_domain.values.label import Label

__all__ = [
    "AUTHORITY_RULES",
    "COMMENDATION_LAW",
    "COMMENDATION_LAW_FROM",
    "DECREE",
    "DECREE_BEFORE",
    "INTERNAL_AUTHORITIES",
    "LAW_2003",
    "LAW_2022",
    "POST_ENDS",
    "Award",
    "AuthorityRule",
    "PostEnd",
    "check_authority",
    "is_internal_form",
    "post_ended",
    "rules_in_force",
]

COMMENDATION_LAW = "06/2022/QH15"
"""The Law on Emulation and Commendation: passed 15/06/2022, in force 01/01/2024."""

COMMENDATION_LAW_FROM = date(2024, 1, 1)
"""The day Law 06/2022/QH15 (and Nghị định 98/2023/NĐ-CP) took effect."""

LAW_2003 = "Luật Thi đua, Khen thưởng 2003 (sửa đổi 2005, 2013)"
"""The law in force until 31/12/2023 (15/2003/QH11, amended 2005 and 2013)."""

LAW_2022 = f"Luật Thi đua, khen thưởng {COMMENDATION_LAW}"
"""The law in force from 01/01/2024."""

DECREE_BEFORE = "Nghị định 91/2017/NĐ-CP"
"""The decree detailing the 2003 law last (replaced on 01/01/2024)."""

DECREE = "Nghị định 98/2023/NĐ-CP"
"""The decree detailing Law 06/2022/QH15 (in force 01/01/2024)."""

INTERNAL_AUTHORITIES: frozenset[Authority] = frozenset(
    {Authority.PROVINCIAL_FATHERLAND_FRONT_CHAIR, Authority.PROVINCIAL_LABOUR_FEDERATION_CHAIR}
)
"""Authorities whose awards belong to their organisation's own system, not the State's.

A provincial VFF chair's Bằng khen is regulated by the Front's own
emulation rules (QĐ 222/QĐ-MTTW); it is not a "Bằng khen cấp tỉnh" of the
State, which the provincial People's Committee chair confers.
"""


@attrs.frozen
class PostEnd:
    """The end of a post or body that conferred awards: its last day and why it ended.

    Example:
        >>> from antq_domain.analysis.evaluation.authority import POST_ENDS
        >>> from antq_domain.records.commendations import Authority
        >>> str(POST_ENDS[Authority.DISTRICT_POLICE_CHIEF].last_day)
        '2025-02-28'
    """

    last_day: date
    basis: str
    description: Label


POST_ENDS: Mapping[Authority, PostEnd] = {
    Authority.DISTRICT_POLICE_CHIEF: PostEnd(
        date(2025, 2, 28),
        "tổ chức Công an 2 cấp: Công an cấp huyện kết thúc hoạt động từ 01/3/2025",
        Label(
            vi="Công an cấp huyện kết thúc hoạt động từ ngày 01/03/2025",
            en="the district police ended on 1 March 2025",
        ),
    ),
    Authority.DISTRICT_PEOPLE_COMMITTEE_CHAIR: PostEnd(
        date(2025, 6, 30),
        "Nghị quyết 203/2025/QH15 sửa đổi Hiến pháp; "
        "Luật Tổ chức chính quyền địa phương 72/2025/QH15",
        Label(
            vi="Ủy ban nhân dân cấp huyện kết thúc hoạt động từ ngày 01/07/2025",
            en="the district People's Committees ended on 1 July 2025",
        ),
    ),
}
"""Posts and bodies that conferred awards and have ended, with their last day.

Example:
    >>> from antq_domain.analysis.evaluation.authority import POST_ENDS
    >>> sorted(a.value for a in POST_ENDS)
    ['district_people_committee_chair', 'district_police_chief']
"""


def _form(value: CommendationForm | str) -> CommendationForm:
    return CommendationForm.parse(value)


def _issuer(value: Authority | str) -> Authority:
    return Authority.parse(value)


def _optional_kind(value: RecipientKind | str | None) -> RecipientKind | None:
    return None if value is None else RecipientKind.parse(value)


@attrs.frozen
class Award:
    """The facts of an award the authority rules read: form, issuer, recipient kind.

    A value. It is what a ``commendations.recipients`` figure says (its
    dimensions); ``recipient_kind`` is ``None`` when the figure does not say
    (rules about recipient kinds are then not applied).

    Example:
        >>> from antq_domain.analysis.evaluation.authority import Award
        >>> Award("certificate_of_merit", "provincial_police_director").issuer.value
        'provincial_police_director'
    """

    form: CommendationForm = attrs.field(converter=_form)
    issuer: Authority = attrs.field(converter=_issuer)
    recipient_kind: RecipientKind | None = attrs.field(default=None, converter=_optional_kind)


def _authorities(value: object) -> frozenset[Authority]:
    return codes_of("allowed", value, Authority, "an iterable of Authority codes")


def _forms(value: object) -> frozenset[CommendationForm] | None:
    if value is None:
        return None
    return codes_of(
        "forms", value, CommendationForm, "an iterable of CommendationForm codes or None"
    )


def _kinds(value: object) -> frozenset[RecipientKind] | None:
    if value is None:
        return None
    return codes_of(
        "recipient_kinds", value, RecipientKind, "an iterable of RecipientKind codes or None"
    )


def _confidence(value: object) -> str:
    if value not in ("confirmed", "believed"):
        raise InvariantError("confidence", value, "'confirmed' or 'believed'")
    return str(value)


def _day(field: str, value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, date):
        raise AntqTypeError(field, value, "a date or None (unbounded)")
    return value


def _valid_from(value: object) -> date | None:
    return _day("valid_from", value)


def _valid_to(value: object) -> date | None:
    return _day("valid_to", value)


Awardish = Commendation | Award
"""What the rules apply to: a commendation record or the facts of a figure."""


@attrs.frozen
class AuthorityRule:
    """One rule of authority: these forms, for these recipients, only from these authorities.

    A value. A commendation is *covered* by the rule when its form is in
    ``forms`` and its recipient kind in ``recipient_kinds`` (``None``: any);
    a covered commendation whose issuer is not in ``allowed`` breaks the
    rule. The rule is in force from ``valid_from`` to ``valid_to``
    (inclusive; ``None``: unbounded).

    Args:
        id: a short stable name (``giay_khen``).
        forms: the forms covered (``None``: every form).
        allowed: the authorities that may confer them.
        instrument: the instrument, as text (``Luật Thi đua, khen thưởng
            06/2022/QH15``).
        description: what the rule says, in Vietnamese and English.
        recipient_kinds: the recipient kinds covered (``None``: every kind).
        confidence: ``confirmed`` when a source gives the rule,
            ``believed`` when practice shows it but the text was not retrieved.
        article: the article (``Điều 80``), or ``None`` when the source does
            not number it.
        valid_from: the first day the rule is in force.
        valid_to: the last day the rule is in force.
        decree: the decree detailing the instrument, cited with it.

    Example:
        >>> from antq_domain.analysis.evaluation.authority import AuthorityRule
        >>> from antq_domain.values.label import Label
        >>> rule = AuthorityRule("local", ["certificate_of_merit"], ["prime_minister"],
        ...                      "QĐ 1/QĐ-UBND", Label(vi="x", en="x"), article="Điều 2")
        >>> sorted(a.value for a in rule.allowed), rule.confidence, rule.legal_basis
        (['prime_minister'], 'confirmed', 'QĐ 1/QĐ-UBND, Điều 2')
    """

    id: str
    forms: frozenset[CommendationForm] | None = attrs.field(converter=_forms)
    allowed: frozenset[Authority] = attrs.field(converter=_authorities)
    instrument: str
    description: Label
    recipient_kinds: frozenset[RecipientKind] | None = attrs.field(default=None, converter=_kinds)
    confidence: str = attrs.field(default="confirmed", converter=_confidence)
    article: str | None = attrs.field(default=None, kw_only=True)
    valid_from: date | None = attrs.field(default=None, converter=_valid_from, kw_only=True)
    valid_to: date | None = attrs.field(default=None, converter=_valid_to, kw_only=True)
    decree: str | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if (
            self.valid_from is not None
            and self.valid_to is not None
            and self.valid_to < self.valid_from
        ):
            raise InvariantError(
                "valid_to", self.valid_to, f"a day >= valid_from={self.valid_from}"
            )

    @property
    def legal_basis(self) -> str:
        """The instrument and article (and the detailing decree), as cited in findings.

        Example:
            >>> from antq_domain.analysis.evaluation.authority import AUTHORITY_RULES
            >>> AUTHORITY_RULES[0].legal_basis
            'Luật Thi đua, khen thưởng 06/2022/QH15, Điều 80; Nghị định 98/2023/NĐ-CP'
        """
        text = self.instrument + (f", {self.article}" if self.article else "")
        return text + (f"; {self.decree}" if self.decree else "")

    def in_force(self, day: date) -> bool:
        """Whether the rule is in force on ``day``.

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.evaluation.authority import AUTHORITY_RULES
            >>> AUTHORITY_RULES[0].in_force(date(2023, 12, 31))
            False
        """
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def covers(self, award: Awardish) -> bool:
        """Whether the rule applies to ``award`` (its form and recipient kind).

        A figure that does not state its recipient kind is not covered by a
        rule about recipient kinds.

        Example:
            >>> from antq_domain.analysis.evaluation.authority import AUTHORITY_RULES
            >>> from antq_domain.records.commendations import Commendation
            >>> award = Commendation(form="certificate_of_merit", issuer="prime_minister",
            ...                      recipient_kind="individual", count=1, status="proposed")
            >>> [r.id for r in AUTHORITY_RULES if r.covers(award)]
            ['bang_khen', 'bang_khen_2003']
        """
        if self.forms is not None and award.form not in self.forms:
            return False
        if self.recipient_kinds is None:
            return True
        return award.recipient_kind is not None and award.recipient_kind in self.recipient_kinds

    def broken_by(self, award: Awardish) -> bool:
        """Whether ``award`` is covered by the rule and its issuer is not allowed.

        Example:
            >>> from antq_domain.analysis.evaluation.authority import AUTHORITY_RULES
            >>> from antq_domain.records.commendations import Commendation
            >>> award = Commendation(form="certificate_of_merit",
            ...                      issuer="commune_people_committee_chair",
            ...                      recipient_kind="individual", count=1, status="conferred")
            >>> [r.id for r in AUTHORITY_RULES if r.broken_by(award)]
            ['bang_khen', 'bang_khen_2003']
        """
        return self.covers(award) and award.issuer not in self.allowed


_STATE = frozenset(a for a in Authority if a.is_state)
_GIAY_KHEN_ISSUERS = (
    Authority.PROVINCIAL_DEPARTMENT_HEAD,
    Authority.PROVINCIAL_POLICE_DIRECTOR,
    Authority.DISTRICT_PEOPLE_COMMITTEE_CHAIR,
    Authority.DISTRICT_POLICE_CHIEF,
    Authority.COMMUNE_PEOPLE_COMMITTEE_CHAIR,
    *INTERNAL_AUTHORITIES,
)
_BANG_KHEN_ISSUERS = (
    Authority.PRIME_MINISTER,
    Authority.MINISTER_OF_PUBLIC_SECURITY,
    Authority.VFF_CENTRAL_CHAIR,
    Authority.PROVINCIAL_PEOPLE_COMMITTEE_CHAIR,
    *INTERNAL_AUTHORITIES,
)
_GIAY_KHEN_TEXT = Label(
    vi="Giấy khen do thủ trưởng cơ quan, đơn vị (sở, Công an tỉnh, Chủ tịch UBND "
    "cấp huyện, cấp xã) tặng, không do Bộ trưởng hay Chủ tịch UBND tỉnh tặng",
    en="a Giấy khen is conferred by heads of units (provincial departments, the "
    "provincial police director, district and commune People's Committee chairs), "
    "not by a minister or the provincial People's Committee chair",
)
_BANG_KHEN_TEXT = Label(
    vi="Bằng khen do Thủ tướng Chính phủ, Bộ trưởng, người đứng đầu cơ quan trung "
    "ương hoặc Chủ tịch UBND tỉnh tặng (Bằng khen của Mặt trận, Liên đoàn Lao động "
    "tỉnh theo quy chế riêng của tổ chức)",
    en="a Bằng khen is conferred by the Prime Minister, a minister, the head of a "
    "central body or the provincial People's Committee chair (the provincial Front's "
    "and Labour Federation's own under their organisations' rules)",
)
_OLD_LAW_TO = date(2023, 12, 31)

AUTHORITY_RULES: tuple[AuthorityRule, ...] = (
    AuthorityRule(
        "giay_khen",
        [CommendationForm.CERTIFICATE_OF_COMMENDATION],
        _GIAY_KHEN_ISSUERS,
        LAW_2022,
        _GIAY_KHEN_TEXT,
        article="Điều 80",
        valid_from=COMMENDATION_LAW_FROM,
        decree=DECREE,
    ),
    AuthorityRule(
        "bang_khen",
        [CommendationForm.CERTIFICATE_OF_MERIT],
        _BANG_KHEN_ISSUERS,
        LAW_2022,
        _BANG_KHEN_TEXT,
        confidence="believed",
        article="Điều 78, 79",
        valid_from=COMMENDATION_LAW_FROM,
        decree=DECREE,
    ),
    AuthorityRule(
        "household_state_only",
        None,
        _STATE,
        LAW_2022,
        Label(
            vi="hộ gia đình chỉ được khen thưởng bằng hình thức khen thưởng của Nhà nước",
            en="a household may receive only the State's forms of commendation",
        ),
        recipient_kinds=[RecipientKind.HOUSEHOLD],
        article="Điều 2",
        valid_from=COMMENDATION_LAW_FROM,
    ),
    AuthorityRule(
        "commemorative_medal_central",
        [CommendationForm.COMMEMORATIVE_MEDAL],
        [Authority.MINISTER_OF_PUBLIC_SECURITY, Authority.VFF_CENTRAL_CHAIR],
        LAW_2022,
        Label(
            vi="Kỷ niệm chương do cấp trung ương (Bộ trưởng Bộ Công an) tặng",
            en="a commemorative medal is conferred at central level (the Minister of "
            "Public Security)",
        ),
        article="Điều 9; Thông tư 22/2025/TT-BCA",
        valid_from=COMMENDATION_LAW_FROM,
    ),
    AuthorityRule(
        "giay_khen_2003",
        [CommendationForm.CERTIFICATE_OF_COMMENDATION],
        _GIAY_KHEN_ISSUERS,
        LAW_2003,
        _GIAY_KHEN_TEXT,
        confidence="believed",
        article="Chương IV",
        valid_to=_OLD_LAW_TO,
        decree=DECREE_BEFORE,
    ),
    AuthorityRule(
        "bang_khen_2003",
        [CommendationForm.CERTIFICATE_OF_MERIT],
        _BANG_KHEN_ISSUERS,
        LAW_2003,
        _BANG_KHEN_TEXT,
        article="Chương IV",
        valid_to=_OLD_LAW_TO,
        decree=DECREE_BEFORE,
    ),
)
"""The authority rules
[`check_authority`][antq_domain.analysis.evaluation.authority.check_authority] applies
by default (see the module text).

Law 06/2022/QH15's from 1 January 2024; the 2003 law's (``…_2003``) until
31 December 2023. No household or commemorative-medal rule is given for the
2003 law: the sources consulted do not confirm one.

Example:
    >>> from antq_domain.analysis.evaluation.authority import AUTHORITY_RULES
    >>> [r.id for r in AUTHORITY_RULES]
    ['giay_khen', 'bang_khen', 'household_state_only', 'commemorative_medal_central', \
'giay_khen_2003', 'bang_khen_2003']
"""


def rules_in_force(
    day: date, rules: Iterable[AuthorityRule] = AUTHORITY_RULES
) -> tuple[AuthorityRule, ...]:
    """The rules of ``rules`` in force on ``day``, in their order.

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.evaluation.authority import rules_in_force
        >>> [r.id for r in rules_in_force(date(2023, 9, 1))]
        ['giay_khen_2003', 'bang_khen_2003']
    """
    return tuple(rule for rule in rules if rule.in_force(day))


def check_authority(
    award: Awardish,
    rules: Iterable[AuthorityRule] = AUTHORITY_RULES,
    *,
    on: date | None = None,
) -> tuple[AuthorityRule, ...]:
    """The rules in force on ``on`` that ``award`` breaks (empty when none does).

    ``on`` is the award's date, or the report period's end when the award
    has none; without it, the rules of the current law (those without an
    end) apply: the function never reads the clock.

    Raises:
        AntqTypeError: ``award`` is neither a Commendation nor an Award
            (field ``award``).

    Example:
        >>> from antq_domain.analysis.evaluation.authority import check_authority
        >>> from antq_domain.records.commendations import Commendation
        >>> ok = Commendation(form="certificate_of_commendation",
        ...                   issuer="provincial_police_director",
        ...                   recipient_kind="individual", count=6, status="conferred")
        >>> check_authority(ok)
        ()
    """
    if not isinstance(award, Commendation | Award):
        raise AntqTypeError("award", award, "a Commendation or an Award")
    chosen = (
        tuple(r for r in rules if r.valid_to is None) if on is None else rules_in_force(on, rules)
    )
    return tuple(rule for rule in chosen if rule.broken_by(award))


def post_ended(issuer: Authority, day: date) -> PostEnd | None:
    """The end of ``issuer``'s post when it had ended by ``day`` (``None``: it had not).

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.evaluation.authority import post_ended
        >>> from antq_domain.records.commendations import Authority
        >>> post_ended(Authority.DISTRICT_POLICE_CHIEF, date(2025, 4, 1)).last_day
        datetime.date(2025, 2, 28)
        >>> post_ended(Authority.DISTRICT_POLICE_CHIEF, date(2025, 2, 28)) is None
        True
    """
    end = POST_ENDS.get(issuer)
    return end if end is not None and day > end.last_day else None


def is_internal_form(award: Awardish) -> bool:
    """Whether ``award`` is an organisation's own form (Front, Labour Federation), not the State's.

    Example:
        >>> from antq_domain.analysis.evaluation.authority import is_internal_form
        >>> from antq_domain.records.commendations import Commendation
        >>> is_internal_form(Commendation(form="certificate_of_merit",
        ...     issuer="provincial_fatherland_front_chair", recipient_kind="collective",
        ...     count=1, status="conferred"))
        True
    """
    return award.issuer in INTERNAL_AUTHORITIES
