# Size: the three standards a unit is measured against (the "An toàn về ANTT" standard,
# the movement classification, completeness of reporting), each with its facts, thresholds and
# findings; about 40% of the lines are docstrings and their examples.
"""The "An toàn về ANTT" standard, the movement classification and completeness.

Public names are re-exported by [`antq_domain.analysis.evaluation`][antq_domain.evaluate].
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction

import attrs

from antq_domain.analysis.evaluation.config import (
    EVALUATION_CODES,
    EvaluationCode,
    EvaluationConfig,
    both,
    show_date,
)
from antq_domain.analysis.findings import Finding, Ref
from antq_domain.errors import AntqError, AntqTypeError, InvariantError, UnknownCodeError
from antq_domain.records.places import PlaceLevel, Registry
from antq_domain.values._codelist import Codelist
from antq_domain.values.label import Label, Lang
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.ratio import Ratio

__all__ = [
    "SAFETY_STANDARD",
    "SAFETY_STANDARD_BEFORE",
    "SAFETY_STANDARD_FROM",
    "Classification",
    "ClassificationThresholds",
    "CommuneSafetyFacts",
    "Completeness",
    "CriterionResult",
    "MovementGrade",
    "SafetyAssessment",
    "ScoreItem",
    "Submissions",
    "assess_safety_standard",
    "check_completeness",
    "classify_movement",
    "safety_standard_on",
    "safety_window",
]

SAFETY_STANDARD = "124/2021/TT-BCA"
"""The circular on the "An toàn về an ninh, trật tự" standard (in force 10/02/2022)."""

SAFETY_STANDARD_BEFORE = "23/2012/TT-BCA"
"""The circular TT 124/2021/TT-BCA replaced (27/04/2012; in force until 09/02/2022)."""

SAFETY_STANDARD_FROM = date(2022, 2, 10)
"""The day TT 124/2021/TT-BCA took effect (and TT 23/2012/TT-BCA ended)."""


def _count(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise AntqTypeError(attribute.name, value, "an int or None (unknown)")
    if value < 0:
        raise InvariantError(attribute.name, value, "a non-negative int")


def _fact(instance: object, attribute: attrs.Attribute[bool | None], value: bool | None) -> None:
    if value is not None and not isinstance(value, bool):
        raise AntqTypeError(attribute.name, value, "True, False or None (unknown)")


def _year(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 2000 <= value <= 2100:
        raise AntqTypeError(attribute.name, value, "an assessment year (2000-2100) or None")


def _facts(value: object) -> tuple[tuple[str, bool], ...]:
    if isinstance(value, Mapping):
        items = tuple(value.items())
    elif isinstance(value, Iterable) and not isinstance(value, str):
        items = tuple(value)
    else:
        raise AntqTypeError("other", value, "a mapping of criterion names to True/False")
    for item in items:
        if (
            not isinstance(item, tuple)
            or len(item) != 2
            or not isinstance(item[0], str)
            or not isinstance(item[1], bool)
        ):
            raise AntqTypeError("other", item, "a criterion name with True or False")
    return tuple(sorted(items))


@attrs.frozen(kw_only=True)
class CommuneSafetyFacts:
    """The facts of one commune (xã, phường, thị trấn) for the "An toàn về ANTT" standard.

    A value. Every fact is ``True``, ``False`` or ``None`` (unknown); a
    count is a number or ``None``. Nothing unknown is ever taken as met.

    * ``year``: the assessment year. It picks the circular in force at the
      end of the assessment window (TT 124/2021/TT-BCA from 10/02/2022,
      TT 23/2012/TT-BCA before) and the window of TT 124 Art. 8.2;
      ``None``: TT 124, no window.
    * ``party_resolution``: the commune Party committee's resolution on
      security and order (in the first quarter under TT 124, yearly under
      TT 23); ``security_plan``: the People's Committee's plan;
      ``registered``: the commune registered to strive for the standard;
      ``models``: movement models built, consolidated or kept that operate
      effectively (TT 124 asks for at least one).
    * ``area_criteria``: the criteria of clauses 2, 3 and 4 of Art. 4
      (TT 124; Art. 5 under TT 23) are met.
    * ``police_effective``: the commune police grasp the situation, advise
      the Party committee and government and run the movement effectively
      (TT 124); ``no_discipline``: no individual disciplined (TT 124; under
      TT 23: none disciplined at "cảnh cáo" or above); ``advanced_unit``:
      the commune police and civil guards reached "Đơn vị tiên tiến" (TT 23
      only).
    * ``units_total``: the residential areas, agencies, enterprises and
      schools under the commune's management (TT 23: the residential
      areas); ``units_registered`` those registered; ``units_recognised``
      those recognised as meeting the standard.
    * ``other``: facts for further criteria by name, used when the
      configuration requires them.

    Raises:
        InvariantError: more registered or recognised units than units, or
            more recognised than registered.

    Example:
        >>> from antq_domain.analysis.evaluation import CommuneSafetyFacts
        >>> CommuneSafetyFacts(units_total=25, units_registered=25, units_recognised=18,
        ...                    models=1).party_resolution is None
        True
        >>> CommuneSafetyFacts(units_total=25, units_registered=25, units_recognised=26, models=1)
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: units_recognised=26: expected at most 25, ...
    """

    place: str | None = None
    year: int | None = attrs.field(default=None, validator=_year)
    party_resolution: bool | None = attrs.field(default=None, validator=_fact)
    security_plan: bool | None = attrs.field(default=None, validator=_fact)
    registered: bool | None = attrs.field(default=None, validator=_fact)
    models: int | None = attrs.field(default=None, validator=_count)
    area_criteria: bool | None = attrs.field(default=None, validator=_fact)
    police_effective: bool | None = attrs.field(default=None, validator=_fact)
    no_discipline: bool | None = attrs.field(default=None, validator=_fact)
    advanced_unit: bool | None = attrs.field(default=None, validator=_fact)
    units_total: int | None = attrs.field(default=None, validator=_count)
    units_registered: int | None = attrs.field(default=None, validator=_count)
    units_recognised: int | None = attrs.field(default=None, validator=_count)
    other: tuple[tuple[str, bool], ...] = attrs.field(default=(), converter=_facts)

    def __attrs_post_init__(self) -> None:
        total, registered = self.units_total, self.units_registered
        recognised = self.units_recognised
        if total is not None and registered is not None and registered > total:
            raise InvariantError("units_registered", registered, f"at most {total}, the units")
        if registered is not None and recognised is not None and recognised > registered:
            raise InvariantError(
                "units_recognised", recognised, f"at most {registered}, the registered units"
            )
        if total is not None and recognised is not None and recognised > total:
            raise InvariantError("units_recognised", recognised, f"at most {total}, the units")


def safety_standard_on(day: date) -> str:
    """The circular on the "An toàn về ANTT" standard in force on ``day``.

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.evaluation import safety_standard_on
        >>> safety_standard_on(date(2021, 11, 15)), safety_standard_on(date(2022, 11, 15))
        ('23/2012/TT-BCA', '124/2021/TT-BCA')
    """
    return SAFETY_STANDARD if day >= SAFETY_STANDARD_FROM else SAFETY_STANDARD_BEFORE


def safety_window(year: int, subject: str = "commune") -> Period:
    """The assessment window of TT 124/2021/TT-BCA Art. 8.2 for ``year``.

    Residential areas (``residential_area``): 1 November of the previous
    year to 31 October; communes, agencies, enterprises and schools
    (``commune``, ``agency``, ``enterprise``, ``school``): 16 November of
    the previous year to 15 November.

    Raises:
        UnknownCodeError: another subject (field ``subject``).

    Example:
        >>> from antq_domain.analysis.evaluation import safety_window
        >>> safety_window(2023).start, safety_window(2023).end
        (datetime.date(2022, 11, 16), datetime.date(2023, 11, 15))
        >>> str(safety_window(2023, "residential_area").end)
        '2023-10-31'
    """
    if subject == "residential_area":
        return Period.between(date(year - 1, 11, 1), date(year, 10, 31))
    if subject in ("commune", "agency", "enterprise", "school"):
        return Period.between(date(year - 1, 11, 16), date(year, 11, 15))
    raise UnknownCodeError(
        "subject", subject, "residential_area, commune, agency, enterprise or school"
    )


@attrs.frozen
class CriterionResult:
    """One criterion of the standard: met, not met, or undecided (``None``), and why.

    A value.

    Example:
        >>> from antq_domain.analysis.evaluation import CriterionResult
        >>> from antq_domain.values.label import Label
        >>> CriterionResult("models", Label(vi="có mô hình", en="a model"), True,
        ...                 Label(vi="1 mô hình", en="1 model")).met
        True
    """

    code: str
    label: Label
    met: bool | None
    detail: Label
    legal_basis: str | None = None


@attrs.frozen
class SafetyAssessment:
    """The standard for one commune: each criterion, and the outcome.

    A value. ``met`` is ``True`` only when every criterion is met, ``False`` when any is not,
    ``None`` (undetermined) otherwise;
    [`unknown`][antq_domain.analysis.evaluation.standards.SafetyAssessment.unknown] names the
    undecided
    criteria. ``standard`` is the circular applied and ``window`` its assessment window (``None``:
    no year given, or a window the sources do not give).

    Example:
        >>> from antq_domain.analysis.evaluation import SafetyAssessment
        >>> SafetyAssessment(None, ()).met
        True
    """

    place: str | None
    criteria: tuple[CriterionResult, ...]
    standard: str = SAFETY_STANDARD
    window: Period | None = None

    @property
    def met(self) -> bool | None:
        """The outcome: đạt (True), chưa đạt (False) or undecided (None).

        Example:
            >>> from antq_domain.analysis.evaluation import SafetyAssessment
            >>> SafetyAssessment("x", ()).met
            True
        """
        if any(c.met is False for c in self.criteria):
            return False
        if any(c.met is None for c in self.criteria):
            return None
        return True

    @property
    def unmet(self) -> tuple[CriterionResult, ...]:
        """The criteria not met.

        Example:
            >>> from antq_domain.analysis.evaluation import SafetyAssessment
            >>> SafetyAssessment("x", ()).unmet
            ()
        """
        return tuple(c for c in self.criteria if c.met is False)

    @property
    def unknown(self) -> tuple[CriterionResult, ...]:
        """The criteria the facts do not decide.

        Example:
            >>> from antq_domain.analysis.evaluation import SafetyAssessment
            >>> SafetyAssessment("x", ()).unknown
            ()
        """
        return tuple(c for c in self.criteria if c.met is None)

    def render(self, lang: Lang = "en") -> str:
        """The outcome and each criterion, one line each.

        Example:
            >>> from antq_domain.analysis.evaluation import SafetyAssessment
            >>> SafetyAssessment("23527", ()).render("vi")
            '23527: đạt (Thông tư 124/2021/TT-BCA)'
        """
        vi = lang == "vi"
        words = {True: "đạt" if vi else "met", False: "chưa đạt" if vi else "not met",
                 None: "chưa xác định" if vi else "undetermined"}  # fmt: skip
        basis = f"Thông tư {self.standard}" if vi else f"Circular {self.standard}"
        if self.window is not None:
            basis += f", {'kỳ đánh giá' if vi else 'window'} {self.window.format(lang)}"
        lines = [f"{self.place or '—'}: {words[self.met]} ({basis})"]
        lines.extend(
            f"  {c.label.text(lang)}: {words[c.met]} ({c.detail.text(lang)})" for c in self.criteria
        )
        return "\n".join(lines)


def _ceil_share(share: Fraction, total: int) -> int:
    """``ceil(share × total)``, exactly, with integers."""
    return -(-(share.numerator * total) // share.denominator)


_NO_FACT = Label(vi="không có dữ kiện", en="no fact given")
_AS_GIVEN = Label(vi="theo dữ kiện", en="as given")


def _given(code: str, label: Label, value: bool | None, basis: str) -> CriterionResult:
    return CriterionResult(code, label, value, _NO_FACT if value is None else _AS_GIVEN, basis)


def _registration(facts: CommuneSafetyFacts, basis: str) -> CriterionResult:
    total, registered = facts.units_total, facts.units_registered
    label = Label(vi="100% đơn vị đăng ký", en="100% of units registered")
    if total is None or registered is None:
        return CriterionResult("registration", label, None, _NO_FACT, basis)
    return CriterionResult(
        "registration",
        label,
        registered == total,
        both(f"{registered}/{total} đơn vị đăng ký", f"{registered} of {total} units registered"),
        basis,
    )


def _recognition(
    facts: CommuneSafetyFacts, share: Fraction, basis: str, *, areas: bool
) -> CriterionResult:
    what_vi, what_en = ("khu dân cư", "residential areas") if areas else ("đơn vị", "units")
    label = Label(
        vi=f"ít nhất {share.numerator}/{share.denominator} số {what_vi} được công nhận",
        en=f"at least {share.numerator}/{share.denominator} of {what_en} recognised",
    )
    total, recognised = facts.units_total, facts.units_recognised
    if total is None or recognised is None:
        return CriterionResult("recognition", label, None, _NO_FACT, basis)
    required = _ceil_share(share, total)
    return CriterionResult(
        "recognition",
        label,
        recognised >= required,
        both(
            f"{recognised}/{total} {what_vi} được công nhận; cần ít nhất {required}",
            f"{recognised} of {total} {what_en} recognised; at least {required} "
            f"needed (ceil({share.numerator}/{share.denominator} × {total}))",
        ),
        basis,
    )


def _models(facts: CommuneSafetyFacts, basis: str) -> CriterionResult:
    label = Label(vi="ít nhất 01 mô hình hoạt động hiệu quả", en="at least one effective model")
    if facts.models is None:
        return CriterionResult("models", label, None, _NO_FACT, basis)
    return CriterionResult(
        "models",
        label,
        facts.models >= 1,
        both(f"{facts.models} mô hình", f"{facts.models} model" + "s" * (facts.models != 1)),
        basis,
    )


def _tt124(facts: CommuneSafetyFacts, share: Fraction) -> list[CriterionResult]:
    art = f"Thông tư {SAFETY_STANDARD}, Điều 5"
    return [
        _given(
            "party_resolution",
            Label(vi="nghị quyết của Đảng ủy trong quý I", en="a Party committee resolution in Q1"),
            facts.party_resolution,
            f"{art} khoản 1",
        ),
        _given(
            "security_plan",
            Label(vi="kế hoạch bảo đảm ANTT của UBND", en="the People's Committee's security plan"),
            facts.security_plan,
            f"{art} khoản 1",
        ),
        _given(
            "registered",
            Label(vi="đăng ký phấn đấu đạt tiêu chuẩn", en="registered to strive for the standard"),
            facts.registered,
            f"{art} khoản 1",
        ),
        _models(facts, f"{art} khoản 1"),
        _given(
            "area_criteria",
            Label(vi="đạt khoản 2, 3, 4 Điều 4", en="clauses 2, 3 and 4 of Art. 4 met"),
            facts.area_criteria,
            f"{art} khoản 2",
        ),
        _given(
            "police_effective",
            Label(
                vi="Công an xã tham mưu, tổ chức thực hiện hiệu quả",
                en="the commune police advise and act effectively",
            ),
            facts.police_effective,
            f"{art} khoản 3",
        ),
        _given(
            "no_discipline",
            Label(vi="không có cá nhân bị xử lý kỷ luật", en="no individual disciplined"),
            facts.no_discipline,
            f"{art} khoản 3",
        ),
        _registration(facts, f"{art} khoản 4"),
        _recognition(facts, share, f"{art} khoản 4", areas=False),
    ]


def _tt23(facts: CommuneSafetyFacts, share: Fraction) -> list[CriterionResult]:
    art = f"Thông tư {SAFETY_STANDARD_BEFORE}, Điều 6"
    return [
        _given(
            "party_resolution",
            Label(vi="nghị quyết hằng năm của Đảng ủy", en="a yearly Party committee resolution"),
            facts.party_resolution,
            f"{art} khoản 1",
        ),
        _given(
            "security_plan",
            Label(vi="kế hoạch bảo đảm ANTT của UBND", en="the People's Committee's security plan"),
            facts.security_plan,
            f"{art} khoản 1",
        ),
        _given(
            "registered",
            Label(vi="đăng ký phấn đấu đạt tiêu chuẩn", en="registered to strive for the standard"),
            facts.registered,
            f"{art} khoản 1",
        ),
        _given(
            "area_criteria",
            Label(vi="đạt khoản 2, 3, 4 Điều 5", en="clauses 2, 3 and 4 of Art. 5 met"),
            facts.area_criteria,
            f"{art} khoản 2",
        ),
        _given(
            "advanced_unit",
            Label(
                vi="Công an xã, Bảo vệ dân phố đạt danh hiệu “Đơn vị tiên tiến”",
                en="the commune police and civil guards reached “Đơn vị tiên tiến”",
            ),
            facts.advanced_unit,
            f"{art} khoản 3",
        ),
        _given(
            "no_discipline",
            Label(
                vi="không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
                en="no individual disciplined with a warning or more",
            ),
            facts.no_discipline,
            f"{art} khoản 3",
        ),
        _recognition(facts, share, f"{art} khoản 4", areas=True),
    ]


def assess_safety_standard(
    facts: CommuneSafetyFacts, *, config: EvaluationConfig | None = None
) -> SafetyAssessment:
    """Decide the "An toàn về ANTT" standard for a commune, criterion by criterion.

    The circular is the one in force at the end of the assessment window of
    ``facts.year`` (TT 124/2021/TT-BCA without a year). Under **TT 124
    Art. 5** (four clauses): a Q1 Party committee resolution, the People's
    Committee's plan and registration, at least one effective model
    (clause 1); clauses 2–4 of Art. 4 (clause 2); the commune police
    effective and no individual disciplined (clause 3); 100 % of units
    registered and at least ``ceil(0.7 × total)`` recognised (clause 4).
    Under **TT 23/2012 Art. 6**: a yearly resolution, plan and registration;
    clauses 2–4 of Art. 5; commune police and civil guards "Đơn vị tiên
    tiến" with no one disciplined at "cảnh cáo" or above; at least
    ``ceil(0.7 × total)`` residential areas recognised. Each name in
    ``config.safety_extra_criteria`` must be ``True`` in ``facts.other``.

    The outcome is met only when every criterion is true, not met when one is false, undetermined
    otherwise
    ([`SafetyAssessment.unknown`][antq_domain.analysis.evaluation.standards.SafetyAssessment.unknown]).

    Example:
        >>> from antq_domain.analysis.evaluation import CommuneSafetyFacts, assess_safety_standard
        >>> a = assess_safety_standard(CommuneSafetyFacts(
        ...     units_total=25, units_registered=25, units_recognised=16, models=1))
        >>> a.met, [c.code for c in a.unmet]
        (False, ['recognition'])
        >>> print(a.unmet[0].detail.en)
        16 of 25 units recognised; at least 18 needed (ceil(7/10 × 25))
        >>> a = assess_safety_standard(CommuneSafetyFacts(
        ...     units_total=25, units_registered=25, units_recognised=18, models=1))
        >>> a.met, [c.code for c in a.unknown]
        (None, ['party_resolution', 'security_plan', 'registered', 'area_criteria', \
'police_effective', 'no_discipline'])
    """
    cfg = config if config is not None else EvaluationConfig()
    share = cfg.safety_recognised_share
    window = safety_window(facts.year) if facts.year is not None else None
    standard = SAFETY_STANDARD if window is None else safety_standard_on(window.end)
    if standard == SAFETY_STANDARD:
        criteria = _tt124(facts, share)
    else:
        criteria = _tt23(facts, share)
        window = None  # TT 23's window is not in the sources
    known = dict(facts.other)
    for name in cfg.safety_extra_criteria:
        criteria.append(_given(name, Label(vi=name, en=name), known.get(name), ""))
    return SafetyAssessment(facts.place, tuple(criteria), standard, window)


def safety_findings(
    assessments: Iterable[SafetyAssessment], registry: Registry | None = None
) -> list[Finding]:
    """``safety_standard.not_met`` / ``.undetermined`` for each assessment that needs one.

    The commune is named by the register when it is in it ("Xã X (23527)").
    """
    out: list[Finding] = []
    for a in assessments:
        involved = [Ref(place=a.place)] if a.place else []
        where = "—" if not a.place else a.place if registry is None else _name(registry, a.place)
        if a.met is False:
            names_vi = "; ".join(f"{c.label.vi} ({c.detail.vi})" for c in a.unmet)
            names_en = "; ".join(f"{c.label.en} ({c.detail.en})" for c in a.unmet)
            out.append(
                Finding.of(
                    EvaluationCode.SAFETY_STANDARD_NOT_MET.value,
                    both(f"{where}: chưa đạt: {names_vi}", f"{where}: not met: {names_en}"),
                    involved=involved,
                    legal_basis=f"Thông tư {a.standard}",
                    registry=EVALUATION_CODES,
                )
            )
        elif a.met is None:
            open_vi = "; ".join(c.label.vi for c in a.unknown)
            open_en = "; ".join(c.label.en for c in a.unknown)
            out.append(
                Finding.of(
                    EvaluationCode.SAFETY_STANDARD_UNDETERMINED.value,
                    both(
                        f"{where}: chưa đủ dữ kiện để kết luận đạt hay chưa đạt; "
                        f"chưa rõ: {open_vi}",
                        f"{where}: the facts decide neither met nor not met; unknown: {open_en}",
                    ),
                    involved=involved,
                    legal_basis=f"Thông tư {a.standard}",
                    registry=EVALUATION_CODES,
                )
            )
    return out


# -- movement classification (QĐ 510/QĐ-BCA-V05) --------------------------------------
class MovementGrade(Codelist):
    """Grades of the movement classification (xuất sắc, khá, trung bình, yếu).

    The first three are seen in practice; "yếu" is believed, not confirmed. Which grades apply and
    from how many points is configuration
    ([`ClassificationThresholds`][antq_domain.analysis.evaluation.standards.ClassificationThresholds]).

    Example:
        >>> from antq_domain.analysis.evaluation import MovementGrade
        >>> MovementGrade.EXCELLENT.label.vi
        'xuất sắc'
    """

    EXCELLENT = ("excellent", "xuất sắc", "excellent")
    GOOD = ("good", "khá", "good")
    AVERAGE = ("average", "trung bình", "average")
    WEAK = ("weak", "yếu", "weak")


def _levels(value: object) -> tuple[tuple[MovementGrade, Fraction], ...]:
    items = tuple(value.items()) if isinstance(value, Mapping) else value
    if isinstance(items, str) or not isinstance(items, Iterable):
        raise AntqTypeError("levels", value, "grades with their minimum points")
    out: list[tuple[MovementGrade, Fraction]] = []
    for item in items:
        if not isinstance(item, tuple) or len(item) != 2:
            raise AntqTypeError("levels", item, "a (grade, minimum points) pair")
        grade, points = item
        g = grade if isinstance(grade, MovementGrade) else MovementGrade.parse(str(grade))
        if isinstance(points, bool) or not isinstance(points, int | Fraction):
            raise AntqTypeError("levels", points, "an int or Fraction of points")
        out.append((g, Fraction(points)))
    if not out:
        raise InvariantError("levels", (), "at least one grade with its minimum points")
    if len({g for g, _ in out}) != len(out):
        raise InvariantError("levels", [g.value for g, _ in out], "each grade once")
    ordered = sorted(out, key=lambda gp: -gp[1])
    if len({p for _, p in out}) != len(out):
        raise InvariantError("levels", [str(p) for _, p in out], "distinct minimum points")
    return tuple(ordered)


@attrs.frozen
class ClassificationThresholds:
    """Minimum points for each grade: configuration, with no defaults.

    QĐ 510/QĐ-BCA-V05's thresholds were not found in the sources, so the
    caller always gives them (a province's own decision, e.g. Bắc Ninh
    514/QĐ-UBND). Grades are kept highest threshold first.

    Example:
        >>> from antq_domain.analysis.evaluation import ClassificationThresholds
        >>> t = ClassificationThresholds({"good": 70, "excellent": 90, "average": 50})
        >>> [g.value for g, _ in t.levels]
        ['excellent', 'good', 'average']
        >>> ClassificationThresholds({})
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: levels=(): expected at least one grade with ...
    """

    levels: tuple[tuple[MovementGrade, Fraction], ...] = attrs.field(converter=_levels)


def _points(name: str, value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise AntqTypeError(name, value, "an int or Fraction of points")
    if value < 0:
        raise InvariantError(name, value, "non-negative points")
    return Fraction(value)


def _item_points(value: object) -> Fraction:
    return _points("points", value)


def _max_points(value: object) -> Fraction | None:
    return None if value is None else _points("max_points", value)


@attrs.frozen
class ScoreItem:
    """Points scored on one criterion of the classification, with its maximum if known.

    Example:
        >>> from antq_domain.analysis.evaluation import ScoreItem
        >>> ScoreItem("q1_resolution", 3, 3).points
        Fraction(3, 1)
        >>> ScoreItem("propaganda", 4, 3)
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: points=4: expected at most 3, the criterion's maximum
    """

    criterion: str
    points: Fraction = attrs.field(converter=_item_points)
    max_points: Fraction | None = attrs.field(default=None, converter=_max_points)

    def __attrs_post_init__(self) -> None:
        if self.max_points is not None and self.points > self.max_points:
            raise InvariantError(
                "points",
                int(self.points) if self.points.denominator == 1 else self.points,
                f"at most {self.max_points}, the criterion's maximum",
            )


@attrs.frozen
class Classification:
    """A movement's points and grade (``None``: below every threshold).

    Example:
        >>> from antq_domain.analysis.evaluation import Classification
        >>> Classification(Fraction(40), None, ()).render("vi")
        'tổng điểm 40: không xếp loại (dưới mọi ngưỡng)'
    """

    total: Fraction
    grade: MovementGrade | None
    items: tuple[ScoreItem, ...]

    def render(self, lang: Lang = "en") -> str:
        """The total and the grade in one line.

        Example:
            >>> from antq_domain.analysis.evaluation import Classification, MovementGrade
            >>> Classification(Fraction(95), MovementGrade.EXCELLENT, ()).render("en")
            'total 95 points: excellent'
        """
        total = str(self.total) if self.total.denominator != 1 else str(int(self.total))
        if lang == "vi":
            grade = self.grade.label.vi if self.grade else "không xếp loại (dưới mọi ngưỡng)"
            return f"tổng điểm {total}: {grade}"
        grade = self.grade.label.en if self.grade else "unclassified (below every threshold)"
        return f"total {total} points: {grade}"


def classify_movement(
    items: Iterable[ScoreItem] | Mapping[str, int | Fraction],
    thresholds: ClassificationThresholds,
) -> Classification:
    """Add the points and give the highest grade whose threshold the total reaches.

    The thresholds are required: QĐ 510/QĐ-BCA-V05's were not found, and no
    default is invented.

    Example:
        >>> from antq_domain.analysis.evaluation import ClassificationThresholds, classify_movement
        >>> t = ClassificationThresholds({"excellent": 90, "good": 70, "average": 50})
        >>> classify_movement({"leadership": 30, "propaganda": 25, "models": 20}, t).grade.value
        'good'
    """
    if not isinstance(thresholds, ClassificationThresholds):
        raise AntqTypeError("thresholds", thresholds, "ClassificationThresholds")
    if isinstance(items, Mapping):
        scored = tuple(ScoreItem(k, v) for k, v in items.items())
    else:
        scored = tuple(items)
        for item in scored:
            if not isinstance(item, ScoreItem):
                raise AntqTypeError("items", item, "a ScoreItem")
    total = sum((s.points for s in scored), Fraction(0))
    grade = next((g for g, minimum in thresholds.levels if total >= minimum), None)
    return Classification(total, grade, scored)


# -- completeness of reporting -------------------------------------------------------
def _received(value: object) -> tuple[tuple[str, date | None], ...]:
    items = tuple(value.items()) if isinstance(value, Mapping) else value
    if isinstance(items, str) or not isinstance(items, Iterable):
        raise AntqTypeError("received", value, "a mapping of place codes to submission dates")
    out: list[tuple[str, date | None]] = []
    for item in items:
        if (
            not isinstance(item, tuple)
            or len(item) != 2
            or not isinstance(item[0], str)
            or not (item[1] is None or isinstance(item[1], date))
        ):
            raise AntqTypeError("received", item, "a (place code, date or None) pair")
        out.append((item[0], item[1]))
    return tuple(sorted(out))


def _level(value: PlaceLevel | str) -> PlaceLevel:
    if isinstance(value, PlaceLevel):
        return value
    return PlaceLevel.parse(str(value))


@attrs.frozen(kw_only=True)
class Submissions:
    """Which places sent their report, and when: the input of completeness.

    A value. ``received`` maps place codes to the submission date
    (``None``: received, date unknown); ``level`` is the level of the places
    expected to report (``district``, ``commune``); ``deadline`` the last
    day a report is on time.

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.evaluation import Submissions
        >>> s = Submissions(level="district", received={"616": date(2024, 1, 5)},
        ...                 deadline=date(2024, 1, 10))
        >>> s.level.value, s.received
        ('district', (('616', datetime.date(2024, 1, 5)),))
    """

    level: PlaceLevel = attrs.field(converter=_level)
    received: tuple[tuple[str, date | None], ...] = attrs.field(converter=_received)
    deadline: date | None = None


@attrs.frozen
class Completeness:
    """Which places were expected to report, which did, which are missing, late or extra.

    A value. ``rate`` is the reported share of the expected places, at most
    100 %: reports from places outside the expected set (``unexpected``) are
    not counted, and ``note`` says so. ``pending`` are the expected places
    not yet reported while the deadline has not passed. ``after_as_of`` are
    submissions dated after the evaluation date: not yet received on it, so
    not counted (the place is missing or pending).

    Example:
        >>> from antq_domain.analysis.evaluation import Completeness
        >>> from antq_domain.values import Quantity, Ratio
        >>> c = Completeness(("a", "b"), ("a",), ("b",), (), (), (),
        ...                  Ratio(Quantity(1, "unit"), Quantity(2, "unit")))
        >>> c.rate.format("en")
        '50.0% (1/2)'
    """

    expected: tuple[str, ...]
    reported: tuple[str, ...]
    missing: tuple[str, ...]
    pending: tuple[str, ...]
    late: tuple[tuple[str, date], ...]
    unexpected: tuple[str, ...]
    rate: Ratio
    note: Label | None = None
    after_as_of: tuple[tuple[str, date], ...] = ()

    def render(self, lang: Lang = "en") -> str:
        """The rate and the lists in a few lines.

        Example:
            >>> from antq_domain.analysis.evaluation import Completeness
            >>> from antq_domain.values import Quantity, Ratio
            >>> print(Completeness(("a",), ("a",), (), (), (), (),
            ...       Ratio(Quantity(1, "unit"), Quantity(1, "unit"))).render("vi"))
            tỷ lệ báo cáo: 100,0% (1/1)
        """
        vi = lang == "vi"
        lines = [f"{'tỷ lệ báo cáo' if vi else 'reporting rate'}: {self.rate.format(lang)}"]
        for name_vi, name_en, codes in (
            ("chưa báo cáo", "missing", self.missing),
            ("chưa đến hạn", "pending", self.pending),
            ("nộp muộn", "late", tuple(c for c, _ in self.late)),
            ("ngoài danh sách", "unexpected", self.unexpected),
        ):
            if codes:
                lines.append(f"  {name_vi if vi else name_en}: {', '.join(codes)}")
        if self.note is not None:
            lines.append(f"  {self.note.text(lang)}")
        return "\n".join(lines)


def check_completeness(
    parent: str,
    period: Period,
    submissions: Submissions,
    *,
    as_of: date,
    registry: Registry,
) -> tuple[Completeness, list[Finding]]:
    """Completeness of reporting under ``parent`` at ``submissions.level`` for ``period``.

    The expected places are those of the level under ``parent`` alive at
    the period's end (the tree as it stood). A place is *missing* when it
    has not reported and the deadline (if any) has passed on ``as_of``;
    *pending* before; *late* when its report came after the deadline.

    Raises:
        InvariantError: ``parent`` does not exist at the period's end.

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.evaluation import Submissions, check_completeness
        >>> from antq_domain.records.places import registry
        >>> from antq_domain.values.period import Period
        >>> sub = Submissions(level="district", received={"616": date(2024, 1, 5),
        ...                   "613": date(2024, 1, 12)}, deadline=date(2024, 1, 10))
        >>> c, found = check_completeness("62", Period.year(2023), sub,
        ...                               as_of=date(2024, 1, 15), registry=registry())
        >>> c.rate.format("en"), [f.code for f in found]
        ('20.0% (2/10)', ['completeness.missing', 'completeness.late'])
    """
    day = period.end
    if not registry.alive(parent, day):
        raise InvariantError("place", parent, f"a place that exists on {show_date(day, 'en')}")
    expected = tuple(p.code for p in registry.descendants(parent, day, level=submissions.level))
    # a submission dated after ``as_of`` had not arrived on it: it does not count
    after = tuple((c, d) for c, d in submissions.received if d is not None and d > as_of)
    received = {c: d for c, d in submissions.received if d is None or d <= as_of}
    wanted = set(expected)
    reported = tuple(c for c in expected if c in received)
    overdue = submissions.deadline is None or as_of > submissions.deadline
    not_in = tuple(c for c in expected if c not in received)
    missing = not_in if overdue else ()
    pending = () if overdue else not_in
    late = tuple(
        (c, d)
        for c in reported
        if (d := received[c]) is not None
        and submissions.deadline is not None
        and d > submissions.deadline
    )
    unexpected = tuple(c for c in received if c not in wanted)
    rate = Ratio(Quantity(len(reported), "unit"), Quantity(len(expected), "unit"))
    notes: list[Label] = []
    if unexpected:
        notes.append(
            both(
                f"{len(unexpected)} báo cáo từ đơn vị ngoài danh sách không được tính; "
                "tỷ lệ tối đa 100%",
                f"{len(unexpected)} report(s) from places outside the expected set are not "
                "counted; the rate is capped at 100%",
            )
        )
    if after:
        notes.append(
            both(
                f"{len(after)} báo cáo ghi ngày sau ngày đánh giá {show_date(as_of, 'vi')} "
                "không được tính: " + ", ".join(f"{c} ({show_date(d, 'vi')})" for c, d in after),
                f"{len(after)} report(s) dated after the evaluation date "
                f"{show_date(as_of, 'en')} are not counted: "
                + ", ".join(f"{c} ({show_date(d, 'en')})" for c, d in after),
            )
        )
    note = (
        None if not notes else both("; ".join(n.vi for n in notes), "; ".join(n.en for n in notes))
    )
    result = Completeness(expected, reported, missing, pending, late, unexpected, rate, note, after)
    findings: list[Finding] = []
    level_vi, level_en = submissions.level.label.vi, submissions.level.label.en
    if missing:
        findings.append(
            Finding.of(
                EvaluationCode.COMPLETENESS_MISSING.value,
                both(
                    f"{len(missing)}/{len(expected)} đơn vị {level_vi} chưa gửi báo cáo kỳ "
                    f"{period}: {', '.join(_name(registry, c) for c in missing)}",
                    f"{len(missing)} of {len(expected)} {level_en} places have not reported for "
                    f"{period}: {', '.join(_name(registry, c) for c in missing)}",
                ),
                involved=[Ref(place=c, period=period) for c in missing],
                registry=EVALUATION_CODES,
            )
        )
    if late:
        deadline = submissions.deadline
        assert deadline is not None  # noqa: S101 - late needs a deadline
        findings.append(
            Finding.of(
                EvaluationCode.COMPLETENESS_LATE.value,
                both(
                    "Báo cáo gửi sau hạn "
                    f"{show_date(deadline, 'vi')}: "
                    + ", ".join(f"{_name(registry, c)} ({show_date(d, 'vi')})" for c, d in late),
                    f"Reports after the deadline {show_date(deadline, 'en')}: "
                    + ", ".join(f"{_name(registry, c)} ({show_date(d, 'en')})" for c, d in late),
                ),
                involved=[Ref(place=c, period=period) for c, _ in late],
                registry=EVALUATION_CODES,
            )
        )
    if unexpected:
        findings.append(
            Finding.of(
                EvaluationCode.COMPLETENESS_UNEXPECTED.value,
                both(
                    f"Báo cáo từ đơn vị ngoài danh sách dự kiến: {', '.join(unexpected)}; "
                    + notes[0].vi,
                    f"Reports from places outside the expected set: {', '.join(unexpected)}; "
                    + notes[0].en,
                ),
                involved=[Ref(place=c, period=period) for c in unexpected],
                registry=EVALUATION_CODES,
            )
        )
    return result, findings


def _name(registry: Registry, code: str) -> str:
    try:
        return f"{registry.get(code).name} ({code})"
    except (AntqError, KeyError):  # a code outside the register is shown as it is
        return code
