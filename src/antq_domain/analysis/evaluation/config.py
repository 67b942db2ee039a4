"""Evaluation's finding codes, its configuration and small shared helpers.

Public names are re-exported by [`antq_domain.analysis.evaluation`][antq_domain.evaluate].
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction

import attrs

from antq_domain.analysis.evaluation.authority import AUTHORITY_RULES, AuthorityRule
from antq_domain.analysis.findings import CodeSpec, Severity, finding_codes
from antq_domain.errors import AntqTypeError, InvariantError
from antq_domain.values._checks import tuple_of
from antq_domain.values.interval import APPROXIMATE_TOLERANCE
from antq_domain.values.label import Label
from antq_domain.values.period import MONTHS_EN

__all__ = ["EVALUATION_CODES", "EvaluationCode", "EvaluationConfig"]


class EvaluationCode(enum.StrEnum):
    """The finding codes evaluation adds to validation's (see `EVALUATION_CODES`).

    Example:
        >>> from antq_domain.analysis.evaluation import EvaluationCode
        >>> EvaluationCode.MODEL_REVIEW_OVERDUE.spec.severity.value
        'warning'
    """

    MODEL_REVIEW_OVERDUE = "model.review_overdue"
    MODEL_INACTIVE = "model.inactive"
    PROGRAMME_REVIEW_DUE = "programme.review_due"
    PROGRAMME_REVIEW_OVERDUE = "programme.review_overdue"
    COMMENDATION_AUTHORITY = "commendation.authority"
    COMMENDATION_INTERNAL_FORM = "commendation.internal_form"
    COMMENDATION_ISSUER_ENDED = "commendation.issuer_ended"
    COMMENDATION_MIXED_STATUS = "commendation.mixed_status"
    LEGAL_FORCE_TYPE_ENDED = "legal.force_type_ended"
    LEGAL_FORCE_TYPE_NOT_YET = "legal.force_type_not_yet"
    LEGAL_DISTRICT_AFTER_REFORM = "legal.district_after_reform"
    LEGAL_TOWNSHIP_AFTER_REFORM = "legal.township_after_reform"
    LEGAL_REPLICATION_DISTRICT_SCOPE = "legal.replication_district_scope"
    LEGAL_PROVINCE_GONE = "legal.province_gone"
    LEGAL_PLACE_GONE = "legal.place_gone"
    COMPLETENESS_MISSING = "completeness.missing"
    COMPLETENESS_LATE = "completeness.late"
    COMPLETENESS_UNEXPECTED = "completeness.unexpected"
    COMPLETENESS_UNDETERMINED = "completeness.undetermined"
    EVALUATION_STEP_FAILED = "evaluation.step_failed"
    COMPARISON_NOT_COMPARABLE = "comparison.not_comparable"
    TARGET_MISSED = "target.missed"
    TARGET_UNDETERMINED = "target.undetermined"
    SAFETY_STANDARD_NOT_MET = "safety_standard.not_met"
    SAFETY_STANDARD_UNDETERMINED = "safety_standard.undetermined"

    @property
    def spec(self) -> CodeSpec:
        """The default severity and description of the code.

        Example:
            >>> from antq_domain.analysis.evaluation import EvaluationCode
            >>> EvaluationCode.COMMENDATION_INTERNAL_FORM.spec.severity.value
            'info'
        """
        return EVALUATION_CODES[self.value]


_W, _I = Severity.WARNING, Severity.INFO
_SPECS: dict[EvaluationCode, tuple[Severity, str, str]] = {
    EvaluationCode.MODEL_REVIEW_OVERDUE: (
        _W,
        "mô hình quá hạn sơ kết hoặc tổng kết",
        "a model is overdue for its interim or final review",
    ),
    EvaluationCode.MODEL_INACTIVE: (
        _W,
        "mô hình không hoạt động nhưng chưa được thanh loại",
        "a listed model is inactive and not de-listed",
    ),
    EvaluationCode.PROGRAMME_REVIEW_DUE: (
        _I,
        "chương trình phối hợp đến hạn tổng kết",
        "a cooperation programme's final review is due",
    ),
    EvaluationCode.PROGRAMME_REVIEW_OVERDUE: (
        _W,
        "chương trình phối hợp đã hết thời hạn mà chưa tổng kết",
        "a cooperation programme's term has ended without a final review",
    ),
    EvaluationCode.COMMENDATION_AUTHORITY: (
        _W,
        "hình thức khen thưởng không thuộc thẩm quyền của cấp tặng theo luật",
        "the form is not within the conferring authority's power in law",
    ),
    EvaluationCode.COMMENDATION_ISSUER_ENDED: (
        _W,
        "khen thưởng ghi ngày sau khi chức danh, cơ quan tặng đã kết thúc",
        "an award dated after its conferring post or body had ended",
    ),
    EvaluationCode.COMMENDATION_INTERNAL_FORM: (
        _I,
        (
            "khen thưởng theo quy chế riêng của tổ chức (Mặt trận, Liên đoàn Lao động), "
            "không phải khen thưởng của Nhà nước"
        ),
        "an organisation's own award (Front, Labour Federation), not a State commendation",
    ),
    EvaluationCode.COMMENDATION_MIXED_STATUS: (
        _W,
        "số liệu khen thưởng không tách đã khen và đề nghị khen",
        "a commendation figure does not separate conferred from proposed awards",
    ),
    EvaluationCode.LEGAL_FORCE_TYPE_ENDED: (
        _W,
        "lực lượng được báo cáo sau khi hết cơ sở pháp lý",
        "a force is reported after its legal end",
    ),
    EvaluationCode.LEGAL_FORCE_TYPE_NOT_YET: (
        _W,
        "lực lượng được báo cáo trước khi có cơ sở pháp lý",
        "a force is reported before it exists in law",
    ),
    EvaluationCode.LEGAL_DISTRICT_AFTER_REFORM: (
        _W,
        "đơn vị cấp huyện được báo cáo sau ngày 01/7/2025",
        "a district-level unit is reported on or after 1 July 2025",
    ),
    EvaluationCode.LEGAL_TOWNSHIP_AFTER_REFORM: (
        _W,
        "thị trấn được báo cáo sau ngày 01/7/2025",
        "a township is reported on or after 1 July 2025",
    ),
    EvaluationCode.LEGAL_REPLICATION_DISTRICT_SCOPE: (
        _W,
        "mô hình nhân rộng phạm vi cấp huyện sau ngày 01/7/2025",
        "a district-wide replication on or after 1 July 2025",
    ),
    EvaluationCode.LEGAL_PROVINCE_GONE: (
        _W,
        "tỉnh không còn tồn tại vào ngày báo cáo",
        "the province no longer exists on the report's date",
    ),
    EvaluationCode.LEGAL_PLACE_GONE: (
        _W,
        "đơn vị hành chính không còn tồn tại vào ngày của số liệu",
        "an administrative unit no longer exists on the figure's date",
    ),
    EvaluationCode.COMPLETENESS_MISSING: (
        _W,
        "đơn vị chưa gửi báo cáo",
        "a place expected to report has not reported",
    ),
    EvaluationCode.COMPLETENESS_LATE: (
        _I,
        "báo cáo gửi muộn",
        "a report arrived after the deadline",
    ),
    EvaluationCode.COMPLETENESS_UNEXPECTED: (
        _I,
        "báo cáo từ đơn vị ngoài danh sách dự kiến",
        "a report from a place outside the expected set",
    ),
    EvaluationCode.COMPLETENESS_UNDETERMINED: (
        _W,
        "không kiểm tra được tình hình báo cáo",
        "the completeness of reporting could not be checked",
    ),
    EvaluationCode.EVALUATION_STEP_FAILED: (
        _W,
        "một phần của việc đánh giá không thực hiện được",
        "a part of the evaluation could not be carried out",
    ),
    EvaluationCode.COMPARISON_NOT_COMPARABLE: (
        _W,
        "số liệu kỳ trước không so sánh được (khác đơn vị, cấp hoặc loại kỳ)",
        "the previous figures are not comparable (another unit, level or kind of period)",
    ),
    EvaluationCode.TARGET_MISSED: (_W, "chỉ tiêu không đạt", "a target is missed"),
    EvaluationCode.TARGET_UNDETERMINED: (
        _I,
        "không xác định được chỉ tiêu có đạt hay không (số liệu ước lượng, 'hơn')",
        "whether a target is met cannot be decided (approximate figures)",
    ),
    EvaluationCode.SAFETY_STANDARD_NOT_MET: (
        _W,
        'chưa đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
        'the "An toàn về ANTT" standard is not met',
    ),
    EvaluationCode.SAFETY_STANDARD_UNDETERMINED: (
        _I,
        'chưa đủ dữ kiện để xác định đạt tiêu chuẩn "An toàn về an ninh, trật tự"',
        'the facts do not decide the "An toàn về ANTT" standard',
    ),
}

EVALUATION_CODES: Mapping[str, CodeSpec] = finding_codes(
    *(
        CodeSpec(code.value, severity, Label(vi=vi, en=en))
        for code, (severity, vi, en) in _SPECS.items()
    )
)
"""Validation's registry plus evaluation's codes: code →
[`CodeSpec`][antq_domain.analysis.findings.CodeSpec].

Example:
    >>> from antq_domain.analysis.evaluation import EVALUATION_CODES
    >>> EVALUATION_CODES["programme.review_overdue"].label.en
    "a cooperation programme's term has ended without a final review"
    >>> "rule.violated" in EVALUATION_CODES
    True
"""


def _non_negative(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AntqTypeError(attribute.name, value, "an int")
    if value < 0:
        raise InvariantError(attribute.name, value, "a non-negative int")


def _tolerance(value: object) -> Fraction | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise AntqTypeError("approximate_tolerance", value, "a Fraction share or None")
    share = Fraction(value)
    if not 0 <= share < 1:
        raise InvariantError("approximate_tolerance", value, "a share in [0, 1)")
    return share


def _optional_text(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise AntqTypeError(attribute.name, value, "the text of an instrument, or None")


def _share(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise AntqTypeError("safety_recognised_share", value, "a Fraction or an int")
    share = Fraction(value)
    if not 0 < share <= 1:
        raise InvariantError("safety_recognised_share", value, "a share in (0, 1]")
    return share


def _rules(value: object) -> tuple[AuthorityRule, ...]:
    return tuple_of("authority_rules", value, AuthorityRule, "an AuthorityRule")


def _names(value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise AntqTypeError("safety_extra_criteria", value, "an iterable of criterion names")
    out = tuple(value)
    for name in out:
        if not isinstance(name, str) or not name:
            raise AntqTypeError("safety_extra_criteria", name, "a non-empty criterion name")
    return out


@attrs.frozen(kw_only=True)
class EvaluationConfig:
    """The periods and thresholds evaluation uses, each default with its status.

    A value. Defaults are either **confirmed** by a source
    (LEGAL-AND-INSTITUTIONS.md) or **documented assumptions**, marked so
    here and in ``docs/explanation/evaluation.md``; pass your own when your
    province's rules say otherwise.

    Args:
        model_interim_review_years: years after a model's start by which it
            should have had a review (interim *sơ kết*). **Assumption: 1.**
            HD 22/HD-BCA-V05's periods were not retrieved; local practice
            reviews after at least a year (LEGAL §1.7, believed).
        model_final_review_years: years after a model's start by which it
            should have had a final review (*tổng kết*). **Assumption: 5.**
            Not confirmed in the sources; five-year model reviews are seen in
            practice (Hải Phòng, LEGAL §1.7).
        programme_review_notice_months: months before a programme's term
            ends from which its final review is reported as *due*.
            **Assumption: 6.**
        programme_review_grace_months: months after the term's end during
            which a missing final review is still only *due*; after them it
            is *overdue*. **Assumption: 3.**
        safety_recognised_share: the share of units under a commune that
            must be recognised as meeting the standard. **Confirmed: 7/10**
            (TT 124/2021/TT-BCA Art. 5.4, "≥ 70 %"); the count needed is
            ``ceil(share × total)``.
        safety_extra_criteria: names of further criteria a commune must meet
            (a province's own, or TT 124 clauses the sources did not give).
            **No default** (empty): criteria the sources did not confirm are
            not invented.
        model_review_basis: the instrument that sets the model review
            periods, cited by ``model.review_overdue``. **No default**: the
            periods above are assumptions, and HD 22/HD-BCA-V05 (which the
            sources do not quote on them) is not cited for them; give your
            province's decision when it sets them.
        authority_rules: the commendation authority rules (default:
            [`AUTHORITY_RULES`][antq_domain.analysis.evaluation.authority.AUTHORITY_RULES]).
        approximate_tolerance: how far a "khoảng" (about) figure may lie from
            its amount when it is compared with a target, as a share.
            **Assumption: 1/10** (±10 %,
            [`APPROXIMATE_TOLERANCE`][antq_domain.values.interval.APPROXIMATE_TOLERANCE]);
            ``None``: "khoảng" decides no target.
        decimals: decimals shown for ratios and achievements (display only).

    Example:
        >>> from antq_domain.analysis.evaluation import EvaluationConfig
        >>> EvaluationConfig().model_final_review_years
        5
        >>> EvaluationConfig(model_interim_review_years=-1)
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: model_interim_review_years=-1: expected a ...
    """

    model_interim_review_years: int = attrs.field(default=1, validator=_non_negative)
    model_final_review_years: int = attrs.field(default=5, validator=_non_negative)
    model_review_basis: str | None = attrs.field(default=None, validator=_optional_text)
    programme_review_notice_months: int = attrs.field(default=6, validator=_non_negative)
    programme_review_grace_months: int = attrs.field(default=3, validator=_non_negative)
    safety_recognised_share: Fraction = attrs.field(default=Fraction(7, 10), converter=_share)
    safety_extra_criteria: tuple[str, ...] = attrs.field(default=(), converter=_names)
    authority_rules: tuple[AuthorityRule, ...] = attrs.field(
        default=AUTHORITY_RULES, converter=_rules
    )
    approximate_tolerance: Fraction | None = attrs.field(
        default=APPROXIMATE_TOLERANCE, converter=_tolerance
    )
    decimals: int = attrs.field(default=1, validator=_non_negative)


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` (negative goes back); the day is clamped to the month's end."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def both(vi: str, en: str) -> Label:
    """A bilingual message."""
    return Label(vi=vi, en=en)


def show_date(day: date, lang: str) -> str:
    """A date in evaluation's one style: ``01/08/2013`` in Vietnamese, ``1 August 2013`` in English.

    The same style as [`format`][antq_domain.values.period.Period.format].
    """
    if lang == "vi":
        return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year:04d}"
