"""Who may confer which commendation: the authority rules as data, with their legal bases.

Law 06/2022/QH15 on emulation and commendation (in force 1 January 2024) says who confers each form
(LEGAL-AND-INSTITUTIONS.md §2). The rules here are data: each
[`AuthorityRule`][antq_domain.analysis.evaluation.authority.AuthorityRule] names the forms and
recipient kinds
it covers, the authorities allowed to confer them, its legal basis and how sure the sources are
(``confirmed`` or ``believed``).
[`check_authority`][antq_domain.analysis.evaluation.authority.check_authority]
applies them to one [`Commendation`][antq_domain.Commendation] and returns the
rules it breaks; evaluation turns each into a ``commendation.authority`` *warning*, never an error:
practice departs from the law, and a report is a record of practice.

What the rules hold (and why):

* ``giay_khen``: a *Giấy khen* (certificate of commendation) is conferred by
  heads of units (provincial departments and equivalents such as the
  provincial police director, district and commune People's Committee
  chairs), never by a minister or a provincial People's Committee chair
  (Art. 80, confirmed);
* ``bang_khen``: a *Bằng khen* (certificate of merit) is conferred by the
  Prime Minister (Art. 78, confirmed), a minister or the head of a central
  body such as the VFF Central Committee, or the provincial People's
  Committee chair (Art. 79, wording not retrieved: believed). The Front's
  and mass organisations' own Bằng khen (provincial VFF chair, provincial
  Labour Federation chair) are allowed by their own regulations (e.g.
  QĐ 222/QĐ-MTTW): they are *internal* forms, not the State's provincial
  Bằng khen, and evaluation says so with ``commendation.internal_form``;
* ``household_state_only``: a household may receive only the State's forms
  (Art. 2, confirmed): an internal Front award to a household is flagged;
* ``commemorative_medal_central``: a *Kỷ niệm chương* is conferred at central
  level (the Ministry of Public Security's "Bảo vệ an ninh Tổ quốc" medal,
  TT 22/2025/TT-BCA; confirmed for the Ministry).

Forms without a rule (orders, medals, emulation titles) are not checked:
the sources consulted do not say who confers them for this movement, and no
rule is invented.

Example:
    >>> from antq_domain.analysis.evaluation.authority import check_authority
    >>> from antq_domain.records.commendations import Commendation
    >>> award = Commendation(form="certificate_of_commendation",
    ...                      issuer="minister_of_public_security",
    ...                      recipient_kind="collective", count=1, status="conferred")
    >>> [rule.id for rule in check_authority(award)]
    ['giay_khen']
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from antq_domain.errors import AntqTypeError, InvariantError
from antq_domain.records.commendations import (
    Authority,
    Commendation,
    CommendationForm,
    RecipientKind,
)
from antq_domain.values.label import Label

__all__ = [
    "AUTHORITY_RULES",
    "COMMENDATION_LAW",
    "INTERNAL_AUTHORITIES",
    "AuthorityRule",
    "check_authority",
    "is_internal_form",
]

COMMENDATION_LAW = "06/2022/QH15"
"""The Law on Emulation and Commendation: passed 15/06/2022, in force 01/01/2024."""

INTERNAL_AUTHORITIES: frozenset[Authority] = frozenset(
    {Authority.PROVINCIAL_FATHERLAND_FRONT_CHAIR, Authority.PROVINCIAL_LABOUR_FEDERATION_CHAIR}
)
"""Authorities whose awards belong to their organisation's own system, not the State's.

A provincial VFF chair's Bằng khen is regulated by the Front's own
emulation rules (QĐ 222/QĐ-MTTW); it is not a "Bằng khen cấp tỉnh" of the
State, which the provincial People's Committee chair confers.
"""


def _authorities(value: object) -> frozenset[Authority]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise AntqTypeError("allowed", value, "an iterable of Authority codes")
    return frozenset(a if isinstance(a, Authority) else Authority.parse(str(a)) for a in value)


def _forms(value: object) -> frozenset[CommendationForm] | None:
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise AntqTypeError("forms", value, "an iterable of CommendationForm codes or None")
    return frozenset(
        f if isinstance(f, CommendationForm) else CommendationForm.parse(str(f)) for f in value
    )


def _kinds(value: object) -> frozenset[RecipientKind] | None:
    if value is None:
        return None
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise AntqTypeError("recipient_kinds", value, "an iterable of RecipientKind codes or None")
    return frozenset(
        k if isinstance(k, RecipientKind) else RecipientKind.parse(str(k)) for k in value
    )


def _confidence(value: object) -> str:
    if value not in ("confirmed", "believed"):
        raise InvariantError("confidence", value, "'confirmed' or 'believed'")
    return str(value)


@attrs.frozen
class AuthorityRule:
    """One rule of authority: these forms, for these recipients, only from these authorities.

    A value. A commendation is *covered* by the rule when its form is in
    ``forms`` and its recipient kind in ``recipient_kinds`` (``None``: any);
    a covered commendation whose issuer is not in ``allowed`` breaks the
    rule.

    Args:
        id: a short stable name (``giay_khen``).
        forms: the forms covered (``None``: every form).
        allowed: the authorities that may confer them.
        legal_basis: the instrument and article, as text.
        description: what the rule says, in Vietnamese and English.
        recipient_kinds: the recipient kinds covered (``None``: every kind).
        confidence: ``confirmed`` when a source gives the rule,
            ``believed`` when practice shows it but the text was not retrieved.

    Example:
        >>> from antq_domain.analysis.evaluation.authority import AuthorityRule
        >>> from antq_domain.values.label import Label
        >>> rule = AuthorityRule("local", ["certificate_of_merit"], ["prime_minister"],
        ...                      "QĐ 1/QĐ-UBND", Label(vi="x", en="x"))
        >>> sorted(a.value for a in rule.allowed), rule.confidence
        (['prime_minister'], 'confirmed')
    """

    id: str
    forms: frozenset[CommendationForm] | None = attrs.field(converter=_forms)
    allowed: frozenset[Authority] = attrs.field(converter=_authorities)
    legal_basis: str
    description: Label
    recipient_kinds: frozenset[RecipientKind] | None = attrs.field(default=None, converter=_kinds)
    confidence: str = attrs.field(default="confirmed", converter=_confidence)

    def covers(self, award: Commendation) -> bool:
        """Whether the rule applies to ``award`` (its form and recipient kind).

        Example:
            >>> from antq_domain.analysis.evaluation.authority import AUTHORITY_RULES
            >>> from antq_domain.records.commendations import Commendation
            >>> award = Commendation(form="certificate_of_merit", issuer="prime_minister",
            ...                      recipient_kind="individual", count=1, status="proposed")
            >>> [r.id for r in AUTHORITY_RULES if r.covers(award)]
            ['bang_khen']
        """
        return (self.forms is None or award.form in self.forms) and (
            self.recipient_kinds is None or award.recipient_kind in self.recipient_kinds
        )

    def broken_by(self, award: Commendation) -> bool:
        """Whether ``award`` is covered by the rule and its issuer is not allowed.

        Example:
            >>> from antq_domain.analysis.evaluation.authority import AUTHORITY_RULES
            >>> from antq_domain.records.commendations import Commendation
            >>> award = Commendation(form="certificate_of_merit",
            ...                      issuer="commune_people_committee_chair",
            ...                      recipient_kind="individual", count=1, status="conferred")
            >>> [r.id for r in AUTHORITY_RULES if r.broken_by(award)]
            ['bang_khen']
        """
        return self.covers(award) and award.issuer not in self.allowed


_STATE = frozenset(a for a in Authority if a.is_state)

AUTHORITY_RULES: tuple[AuthorityRule, ...] = (
    AuthorityRule(
        "giay_khen",
        [CommendationForm.CERTIFICATE_OF_COMMENDATION],
        [
            Authority.PROVINCIAL_DEPARTMENT_HEAD,
            Authority.PROVINCIAL_POLICE_DIRECTOR,
            Authority.DISTRICT_PEOPLE_COMMITTEE_CHAIR,
            Authority.DISTRICT_POLICE_CHIEF,
            Authority.COMMUNE_PEOPLE_COMMITTEE_CHAIR,
            *INTERNAL_AUTHORITIES,
        ],
        f"Luật Thi đua, khen thưởng {COMMENDATION_LAW}, Điều 80",
        Label(
            vi="Giấy khen do thủ trưởng cơ quan, đơn vị (sở, Công an tỉnh, Chủ tịch UBND "
            "cấp huyện, cấp xã) tặng, không do Bộ trưởng hay Chủ tịch UBND tỉnh tặng",
            en="a Giấy khen is conferred by heads of units (provincial departments, the "
            "provincial police director, district and commune People's Committee chairs), "
            "not by a minister or the provincial People's Committee chair",
        ),
    ),
    AuthorityRule(
        "bang_khen",
        [CommendationForm.CERTIFICATE_OF_MERIT],
        [
            Authority.PRIME_MINISTER,
            Authority.MINISTER_OF_PUBLIC_SECURITY,
            Authority.VFF_CENTRAL_CHAIR,
            Authority.PROVINCIAL_PEOPLE_COMMITTEE_CHAIR,
            *INTERNAL_AUTHORITIES,
        ],
        f"Luật Thi đua, khen thưởng {COMMENDATION_LAW}, Điều 78, 79",
        Label(
            vi="Bằng khen do Thủ tướng Chính phủ, Bộ trưởng, người đứng đầu cơ quan trung "
            "ương hoặc Chủ tịch UBND tỉnh tặng (Bằng khen của Mặt trận, Liên đoàn Lao động "
            "tỉnh theo quy chế riêng của tổ chức)",
            en="a Bằng khen is conferred by the Prime Minister, a minister, the head of a "
            "central body or the provincial People's Committee chair (the provincial Front's "
            "and Labour Federation's own under their organisations' rules)",
        ),
        confidence="believed",
    ),
    AuthorityRule(
        "household_state_only",
        None,
        _STATE,
        f"Luật Thi đua, khen thưởng {COMMENDATION_LAW}, Điều 2",
        Label(
            vi="hộ gia đình chỉ được khen thưởng bằng hình thức khen thưởng của Nhà nước",
            en="a household may receive only the State's forms of commendation",
        ),
        recipient_kinds=[RecipientKind.HOUSEHOLD],
    ),
    AuthorityRule(
        "commemorative_medal_central",
        [CommendationForm.COMMEMORATIVE_MEDAL],
        [Authority.MINISTER_OF_PUBLIC_SECURITY, Authority.VFF_CENTRAL_CHAIR],
        f"Luật Thi đua, khen thưởng {COMMENDATION_LAW}, Điều 9; Thông tư 22/2025/TT-BCA",
        Label(
            vi="Kỷ niệm chương do cấp trung ương (Bộ trưởng Bộ Công an) tặng",
            en="a commemorative medal is conferred at central level (the Minister of "
            "Public Security)",
        ),
    ),
)
"""The authority rules
[`check_authority`][antq_domain.analysis.evaluation.authority.check_authority] applies
by default (see the module text).

Example:
    >>> from antq_domain.analysis.evaluation.authority import AUTHORITY_RULES
    >>> [r.id for r in AUTHORITY_RULES]
    ['giay_khen', 'bang_khen', 'household_state_only', 'commemorative_medal_central']
"""


def check_authority(
    award: Commendation, rules: Iterable[AuthorityRule] = AUTHORITY_RULES
) -> tuple[AuthorityRule, ...]:
    """The rules ``award`` breaks (empty when none does), in the order of ``rules``.

    Raises:
        AntqTypeError: ``award`` is not a Commendation (field ``award``).

    Example:
        >>> from antq_domain.analysis.evaluation.authority import check_authority
        >>> from antq_domain.records.commendations import Commendation
        >>> ok = Commendation(form="certificate_of_commendation",
        ...                   issuer="provincial_police_director",
        ...                   recipient_kind="individual", count=6, status="conferred")
        >>> check_authority(ok)
        ()
    """
    if not isinstance(award, Commendation):
        raise AntqTypeError("award", award, "a Commendation")
    return tuple(rule for rule in rules if rule.broken_by(award))


def is_internal_form(award: Commendation) -> bool:
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
