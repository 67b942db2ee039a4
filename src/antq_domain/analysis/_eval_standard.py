"""The "An toàn về ANTT" standard, the movement classification and completeness (private).

Public names are re-exported by :mod:`antq_domain.analysis.evaluate`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction

import attrs

from antq_domain.analysis._eval_base import (
    EVALUATION_CODES,
    EvaluationCode,
    EvaluationConfig,
    both,
    show_date,
)
from antq_domain.analysis.findings import Finding, Ref
from antq_domain.errors import AntqError, AntqTypeError, InvariantError
from antq_domain.records.places import PlaceLevel, Registry
from antq_domain.values._codelist import Codelist
from antq_domain.values.label import Label, Lang
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.ratio import Ratio

__all__ = [
    "SAFETY_STANDARD",
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
]

SAFETY_STANDARD = "124/2021/TT-BCA"
"""The circular on the "An toàn về an ninh, trật tự" standard (in force 10/02/2022)."""


def _count(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AntqTypeError(attribute.name, value, "an int")
    if value < 0:
        raise InvariantError(attribute.name, value, "a non-negative int")


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
    """The facts of one commune (xã, phường, thị trấn) for the standard of TT 124/2021/TT-BCA.

    A value. ``units_total`` counts the residential areas, agencies,
    enterprises and schools under the commune's management;
    ``units_registered`` those registered to strive for the standard;
    ``units_recognised`` those recognised as meeting it; ``models`` the
    movement models that operate effectively. ``other`` holds facts for
    further criteria by name (``True`` met, ``False`` not met), used when
    the configuration requires them.

    Raises:
        InvariantError: more registered or recognised units than units, or
            more recognised than registered.

    Example:
        >>> from antq_domain.analysis.evaluate import CommuneSafetyFacts
        >>> CommuneSafetyFacts(units_total=25, units_registered=25, units_recognised=18,
        ...                    models=1).other
        ()
        >>> CommuneSafetyFacts(units_total=25, units_registered=25, units_recognised=26, models=1)
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: units_recognised=26: expected at most 25, ...
    """

    place: str | None = None
    units_total: int = attrs.field(validator=_count)
    units_registered: int = attrs.field(validator=_count)
    units_recognised: int = attrs.field(validator=_count)
    models: int = attrs.field(validator=_count)
    other: tuple[tuple[str, bool], ...] = attrs.field(default=(), converter=_facts)

    def __attrs_post_init__(self) -> None:
        if self.units_registered > self.units_total:
            raise InvariantError(
                "units_registered", self.units_registered, f"at most {self.units_total}, the units"
            )
        if self.units_recognised > self.units_registered:
            raise InvariantError(
                "units_recognised",
                self.units_recognised,
                f"at most {self.units_registered}, the registered units",
            )


@attrs.frozen
class CriterionResult:
    """One criterion of the standard: met, not met, or undecided (``None``), and why.

    A value.

    Example:
        >>> from antq_domain.analysis.evaluate import CriterionResult
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

    A value. ``met`` is ``True`` when every criterion is met, ``False`` when
    one is not, ``None`` when none fails but one is undecided.

    Example:
        >>> from antq_domain.analysis.evaluate import SafetyAssessment
        >>> SafetyAssessment(None, ()).met
        True
    """

    place: str | None
    criteria: tuple[CriterionResult, ...]

    @property
    def met(self) -> bool | None:
        """The outcome: đạt (True), chưa đạt (False) or undecided (None).

        Example:
            >>> from antq_domain.analysis.evaluate import SafetyAssessment
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
            >>> from antq_domain.analysis.evaluate import SafetyAssessment
            >>> SafetyAssessment("x", ()).unmet
            ()
        """
        return tuple(c for c in self.criteria if c.met is False)

    def render(self, lang: Lang = "en") -> str:
        """The outcome and each criterion, one line each.

        Example:
            >>> from antq_domain.analysis.evaluate import SafetyAssessment
            >>> SafetyAssessment("23527", ()).render("vi")
            '23527: đạt'
        """
        vi = lang == "vi"
        words = {True: "đạt" if vi else "met", False: "chưa đạt" if vi else "not met",
                 None: "chưa xác định" if vi else "undecided"}  # fmt: skip
        lines = [f"{self.place or '—'}: {words[self.met]}"]
        lines.extend(
            f"  {c.label.text(lang)}: {words[c.met]} ({c.detail.text(lang)})" for c in self.criteria
        )
        return "\n".join(lines)


def _ceil_share(share: Fraction, total: int) -> int:
    """``ceil(share × total)``, exactly, with integers."""
    return -(-(share.numerator * total) // share.denominator)


def assess_safety_standard(
    facts: CommuneSafetyFacts, *, config: EvaluationConfig | None = None
) -> SafetyAssessment:
    """Decide the standard for a commune on the confirmed criteria (and configured extras).

    Confirmed (TT 124/2021/TT-BCA Art. 5): **100 %** of units registered;
    at least ``ceil(0.7 × total)`` recognised (the share is configuration,
    default 7/10); at least **one** effective movement model. Each name in
    ``config.safety_extra_criteria`` must be ``True`` in ``facts.other``
    (absent: undecided). No other criterion is invented.

    Example:
        >>> from antq_domain.analysis.evaluate import CommuneSafetyFacts, assess_safety_standard
        >>> a = assess_safety_standard(CommuneSafetyFacts(
        ...     units_total=25, units_registered=25, units_recognised=16, models=1))
        >>> a.met, [c.code for c in a.unmet]
        (False, ['recognition'])
        >>> print(a.unmet[0].detail.en)
        16 of 25 units recognised; at least 18 needed (ceil(7/10 × 25))
    """
    cfg = config if config is not None else EvaluationConfig()
    basis = f"Thông tư {SAFETY_STANDARD}, Điều 5"
    total, registered = facts.units_total, facts.units_registered
    share = cfg.safety_recognised_share
    required = _ceil_share(share, total)
    criteria = [
        CriterionResult(
            "registration",
            Label(vi="100% đơn vị đăng ký", en="100% of units registered"),
            registered == total,
            both(
                f"{registered}/{total} đơn vị đăng ký",
                f"{registered} of {total} units registered",
            ),
            basis,
        ),
        CriterionResult(
            "recognition",
            Label(
                vi=f"ít nhất {share.numerator}/{share.denominator} số đơn vị được công nhận",
                en=f"at least {share.numerator}/{share.denominator} of units recognised",
            ),
            facts.units_recognised >= required,
            both(
                f"{facts.units_recognised}/{total} đơn vị được công nhận; cần ít nhất {required}",
                f"{facts.units_recognised} of {total} units recognised; at least {required} "
                f"needed (ceil({share.numerator}/{share.denominator} × {total}))",
            ),
            basis,
        ),
        CriterionResult(
            "models",
            Label(vi="ít nhất 01 mô hình hoạt động hiệu quả", en="at least one effective model"),
            facts.models >= 1,
            both(f"{facts.models} mô hình", f"{facts.models} models"),
            basis,
        ),
    ]
    known = dict(facts.other)
    for name in cfg.safety_extra_criteria:
        value = known.get(name)
        criteria.append(
            CriterionResult(
                name,
                Label(vi=name, en=name),
                value,
                both("không có dữ kiện", "no fact given")
                if value is None
                else both("theo dữ kiện", "as given"),
                None,
            )
        )
    return SafetyAssessment(facts.place, tuple(criteria))


def safety_findings(assessments: Iterable[SafetyAssessment]) -> list[Finding]:
    """``safety_standard.not_met`` / ``.undetermined`` for each assessment that needs one."""
    out: list[Finding] = []
    for a in assessments:
        involved = [Ref(place=a.place)] if a.place else []
        where = a.place or "—"
        if a.met is False:
            names_vi = "; ".join(f"{c.label.vi} ({c.detail.vi})" for c in a.unmet)
            names_en = "; ".join(f"{c.label.en} ({c.detail.en})" for c in a.unmet)
            out.append(
                Finding.of(
                    EvaluationCode.SAFETY_STANDARD_NOT_MET.value,
                    both(f"{where}: chưa đạt: {names_vi}", f"{where}: not met: {names_en}"),
                    involved=involved,
                    legal_basis=f"Thông tư {SAFETY_STANDARD}, Điều 5",
                    registry=EVALUATION_CODES,
                )
            )
        elif a.met is None:
            open_ = ", ".join(c.code for c in a.criteria if c.met is None)
            out.append(
                Finding.of(
                    EvaluationCode.SAFETY_STANDARD_UNDETERMINED.value,
                    both(
                        f"{where}: chưa đủ dữ kiện cho tiêu chí {open_}",
                        f"{where}: no facts for the criteria {open_}",
                    ),
                    involved=involved,
                    registry=EVALUATION_CODES,
                )
            )
    return out


# -- movement classification (QĐ 510/QĐ-BCA-V05) --------------------------------------
class MovementGrade(Codelist):
    """Grades of the movement classification (xuất sắc, khá, trung bình, yếu).

    The first three are seen in practice; "yếu" is believed, not confirmed.
    Which grades apply and from how many points is configuration
    (:class:`ClassificationThresholds`).

    Example:
        >>> from antq_domain.analysis.evaluate import MovementGrade
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
        >>> from antq_domain.analysis.evaluate import ClassificationThresholds
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
        >>> from antq_domain.analysis.evaluate import ScoreItem
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
        >>> from antq_domain.analysis.evaluate import Classification
        >>> Classification(Fraction(40), None, ()).render("vi")
        'tổng điểm 40: không xếp loại (dưới mọi ngưỡng)'
    """

    total: Fraction
    grade: MovementGrade | None
    items: tuple[ScoreItem, ...]

    def render(self, lang: Lang = "en") -> str:
        """The total and the grade in one line.

        Example:
            >>> from antq_domain.analysis.evaluate import Classification, MovementGrade
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
        >>> from antq_domain.analysis.evaluate import ClassificationThresholds, classify_movement
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
        >>> from antq_domain.analysis.evaluate import Submissions
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
    not yet reported while the deadline has not passed.

    Example:
        >>> from antq_domain.analysis.evaluate import Completeness
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

    def render(self, lang: Lang = "en") -> str:
        """The rate and the lists in a few lines.

        Example:
            >>> from antq_domain.analysis.evaluate import Completeness
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
        >>> from antq_domain.analysis.evaluate import Submissions, check_completeness
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
    expected = tuple(p.code for p in registry.descendants(parent, day, level=submissions.level))
    received = dict(submissions.received)
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
    note = None
    if unexpected:
        note = both(
            f"{len(unexpected)} báo cáo từ đơn vị ngoài danh sách không được tính; "
            "tỷ lệ tối đa 100%",
            f"{len(unexpected)} report(s) from places outside the expected set are not "
            "counted; the rate is capped at 100%",
        )
    result = Completeness(expected, reported, missing, pending, late, unexpected, rate, note)
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
                    f"Reports after the deadline {deadline.isoformat()}: "
                    + ", ".join(f"{_name(registry, c)} ({d.isoformat()})" for c, d in late),
                ),
                involved=[Ref(place=c, period=period) for c, _ in late],
                registry=EVALUATION_CODES,
            )
        )
    if unexpected:
        assert note is not None  # noqa: S101 - set with unexpected
        findings.append(
            Finding.of(
                EvaluationCode.COMPLETENESS_UNEXPECTED.value,
                both(
                    f"Báo cáo từ đơn vị ngoài danh sách dự kiến: {', '.join(unexpected)}; "
                    + note.vi,
                    f"Reports from places outside the expected set: {', '.join(unexpected)}; "
                    + note.en,
                ),
                involved=[Ref(place=c, period=period) for c in unexpected],
                registry=EVALUATION_CODES,
            )
        )
    return result, findings


def _name(registry: Registry, code: str) -> str:
    try:
        return f"{registry.get(code).name} ({code})"
    except (AntqError, KeyError):  # pragma: no cover - expected codes come from the register
        return code
