"""Evaluation: a report's scorecard, and findings on its records and legal facts.

[`evaluate`][antq_domain.evaluate] is pure (every date is a parameter) and never
raises on a bad report: whatever it cannot decide becomes a finding or a note. It returns an
[`Evaluation`][antq_domain.Evaluation] holding

* everything [`validate`][antq_domain.validate] finds (rules, totals, conflicts,
  records against figures);
* a [`Scorecard`][antq_domain.analysis.evaluation.scorecard.Scorecard]: per indicator and dimension
  cell,
  the value, the previous report's value, the exact change, the target and a direction-aware
  achievement (a "hơn" figure against a target is a bound, and the card says so); ratios are
  recomputed from their parts;
* exemplary models overdue for review or inactive, the replication funnel, points and teams
  ([`ModelSummary`][antq_domain.analysis.evaluation.records.ModelSummary]);
* cooperation programmes whose final review is due or overdue, and their joint activities by kind
  and party ([`ProgrammeStatus`][antq_domain.analysis.evaluation.records.ProgrammeStatus]);
* commendation tallies (form × issuer × recipient kind × status, conferred and proposed never mixed)
  and authority checks with their legal basis
  ([`antq_domain.analysis.evaluation.authority`][antq_domain.analysis.evaluation.authority]);
* legal life: force types reported outside their legal lives, district and
  township units or district-wide replications on or after 1 July 2025, a
  province or unit that no longer exists on the report's date;
* where given: completeness of reporting
  ([`Submissions`][antq_domain.analysis.evaluation.standards.Submissions]) and the "An toàn về ANTT"
  standard for communes
  ([`CommuneSafetyFacts`][antq_domain.analysis.evaluation.standards.CommuneSafetyFacts]).

The periods and thresholds are in
[`EvaluationConfig`][antq_domain.EvaluationConfig], each default marked
*confirmed* or *assumption*; the finding codes are in
[`EVALUATION_CODES`][antq_domain.analysis.evaluation.config.EVALUATION_CODES] (see
``docs/explanation/evaluation.md``).

Example:
    >>> from datetime import date
    >>> from antq_domain.analysis.evaluation import Target, evaluate
    >>> from antq_domain.records.report import MovementReport
    >>> from antq_domain.values import Quantity
    >>> def fig(code, n, unit="tip"):
    ...     return {"indicator": code, "place": "62", "period": "2023",
    ...             "value": Quantity(n, unit)}
    >>> report = MovementReport(issuer="BCĐ 138 tỉnh Kon Tum", place="62", period="2023",
    ...     as_of=date(2023, 12, 31),
    ...     observations=[fig("tips.received", 726), fig("tips.valuable", 655)])
    >>> ev = evaluate(report, as_of=date(2024, 1, 15),
    ...               targets=[Target("tips.valuable_rate", 92)])
    >>> ev.scorecard.cell("tips.valuable_rate").render("en")
    'Share of valuable tips: 90.2% (655/726) | target 92, achieved 98.1% (missed)'
    >>> ev.findings.codes
    ('target.missed',)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import attrs

from antq_domain.analysis.evaluation.config import (
    EVALUATION_CODES,
    EvaluationCode,
    EvaluationConfig,
    show_date,
)
from antq_domain.analysis.evaluation.records import (
    ActivityTally,
    CommendationTally,
    FunnelStep,
    ModelSummary,
    ProgrammeStatus,
    ReviewState,
    commendation_findings,
    commendation_tallies,
    legal_findings,
    model_findings,
    model_summary,
    programme_review,
)
from antq_domain.analysis.evaluation.scorecard import Scorecard, ScoreCell, Target, build_scorecard
from antq_domain.analysis.evaluation.standards import (
    SAFETY_STANDARD,
    SAFETY_STANDARD_BEFORE,
    SAFETY_STANDARD_FROM,
    Classification,
    ClassificationThresholds,
    CommuneSafetyFacts,
    Completeness,
    CriterionResult,
    MovementGrade,
    SafetyAssessment,
    ScoreItem,
    Submissions,
    assess_safety_standard,
    check_completeness,
    classify_movement,
    safety_findings,
    safety_standard_on,
    safety_window,
)
from antq_domain.analysis.findings import Finding, Findings, Ref
from antq_domain.analysis.rules import Rule
from antq_domain.analysis.validation import validate
from antq_domain.display import capitalised, data_frame, dims_text, indicator_text, place_name
from antq_domain.errors import AntqError, AntqTypeError
from antq_domain.markup import Html, cell, html_section
from antq_domain.records.indicators import catalogue
from antq_domain.records.places import Registry
from antq_domain.records.places import registry as bundled_registry
from antq_domain.records.report import MovementReport
from antq_domain.values.label import Label, Lang
from antq_domain.values.period import Period

__all__ = [
    "EVALUATION_CODES",
    "SAFETY_STANDARD",
    "SAFETY_STANDARD_BEFORE",
    "SAFETY_STANDARD_FROM",
    "ActivityTally",
    "Classification",
    "ClassificationThresholds",
    "CommendationTally",
    "CommuneSafetyFacts",
    "Completeness",
    "CriterionResult",
    "Evaluation",
    "EvaluationCode",
    "EvaluationConfig",
    "FunnelStep",
    "ModelSummary",
    "MovementGrade",
    "ProgrammeStatus",
    "ReviewState",
    "SafetyAssessment",
    "ScoreCell",
    "ScoreItem",
    "Scorecard",
    "Submissions",
    "Target",
    "assess_safety_standard",
    "build_scorecard",
    "check_completeness",
    "classify_movement",
    "evaluate",
    "safety_standard_on",
    "safety_window",
]

_GUARDED = (AntqError, ValueError, KeyError, TypeError, ArithmeticError)


@attrs.frozen(repr=False)
class Evaluation:
    """The result of `evaluate`: scorecard, findings and the record summaries.

    A value. ``findings`` holds validation's findings and evaluation's, in the fixed order of
    [`Findings`][antq_domain.Findings].

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.evaluation import Evaluation
        >>> from antq_domain.values.period import Period
        >>> ev = Evaluation(report="r", place="62", period=Period.year(2023),
        ...                 as_of=date(2024, 1, 15))
        >>> ev.findings.ok, len(ev.scorecard)
        (True, 0)
    """

    report: str
    place: str
    period: Period
    as_of: date
    scorecard: Scorecard = attrs.field(factory=Scorecard)
    findings: Findings = attrs.field(factory=Findings)
    models: ModelSummary = attrs.field(factory=ModelSummary)
    programmes: tuple[ProgrammeStatus, ...] = ()
    commendations: tuple[CommendationTally, ...] = ()
    completeness: Completeness | None = None
    safety: tuple[SafetyAssessment, ...] = ()
    previous: str | None = None
    decimals: int = 1

    def _repr_html_(self) -> str:
        head = (
            f"{self.report} ({place_name(self.place)}, {self.period}) — "
            f"tính đến {show_date(self.as_of, 'vi')} / as of {show_date(self.as_of, 'en')}"
            + (f"; so với / against {self.previous}" if self.previous else "")
        )
        parts = [
            html_section(Label(vi="Đánh giá", en="Evaluation"), Html(cell(head)), level=3),
            html_section(Label(vi="Bảng chỉ tiêu", en="Scorecard"), self.scorecard.html()),
            html_section(Label(vi="Phát hiện", en="Findings"), self.findings.html()),
        ]
        return "".join(part.markup for part in parts)

    def render(self, lang: Lang = "en") -> str:
        """The whole evaluation as text, in Vietnamese (``vi``) or English (``en``).

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.evaluation import Evaluation
            >>> from antq_domain.values.period import Period
            >>> print(Evaluation(report="r", place="62", period=Period.year(2023),
            ...                  as_of=date(2024, 1, 15)).render("vi"))
            ĐÁNH GIÁ r (Tỉnh Kon Tum, năm 2023), tính đến 15/01/2024
            <BLANKLINE>
            Phát hiện: không có
        """
        vi = lang == "vi"
        day = show_date(self.as_of, lang)
        where = f"{place_name(self.place, lang)}, {self.period.format(lang)}"
        head = (
            f"ĐÁNH GIÁ {self.report} ({where}), tính đến {day}"
            if vi
            else f"EVALUATION of {self.report} ({where}) as of {day}"
        )
        if self.previous is not None:
            head += f"; {'so với' if vi else 'against'} {self.previous}"
        sections: list[str] = [head]
        if self.scorecard.cells:
            title = "Bảng chỉ tiêu" if vi else "Scorecard"
            sections.append(
                f"{title}:\n" + _indent(self.scorecard.render(lang, decimals=self.decimals))
            )
        if self.models.listed or self.models.funnel:
            title = "Mô hình" if vi else "Models"
            sections.append(f"{title}:\n" + _indent(self.models.render(lang)))
        if self.programmes:
            title = "Chương trình phối hợp" if vi else "Cooperation programmes"
            sections.append(
                f"{title}:\n" + _indent("\n".join(p.render(lang) for p in self.programmes))
            )
        if self.commendations:
            title = "Khen thưởng" if vi else "Commendations"
            sections.append(
                f"{title}:\n" + _indent("\n".join(c.render(lang) for c in self.commendations))
            )
        if self.completeness is not None:
            title = "Tình hình báo cáo" if vi else "Completeness of reporting"
            sections.append(f"{title}:\n" + _indent(self.completeness.render(lang)))
        if self.safety:
            title = 'Tiêu chuẩn "An toàn về ANTT"' if vi else 'The "An toàn về ANTT" standard'
            sections.append(f"{title}:\n" + _indent("\n".join(s.render(lang) for s in self.safety)))
        title = "Phát hiện" if vi else "Findings"
        if self.findings:
            sections.append(f"{title}:\n" + _indent(self.findings.render(lang)))
        else:
            sections.append(f"{title}: {'không có' if vi else 'none'}")
        return "\n\n".join(sections)

    def __str__(self) -> str:
        return self.render("en")

    def __repr__(self) -> str:
        counts = self.findings.counts
        shown = ", ".join(f"{counts[s]} {s.value}" for s in counts if counts[s]) or "no findings"
        return (
            f"<Evaluation of {self.report} ({place_name(self.place, 'en')}, {self.period}) "
            f"as of {self.as_of.isoformat()}: {len(self.scorecard)} scorecard cells; {shown}>"
        )

    def rows(self, lang: Lang = "vi") -> list[dict[str, object]]:
        """One row per scorecard cell: indicator by label, value, previous, change, target.

        The findings have their own rows (``evaluation.findings.rows(lang)``).

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.evaluation import Evaluation
            >>> from antq_domain.values.period import Period
            >>> Evaluation(report="r", place="62", period=Period.year(2023),
            ...            as_of=date(2024, 1, 15)).rows()
            []
        """
        cat = catalogue()
        out: list[dict[str, object]] = []
        for c in self.scorecard.cells:
            value, previous, change, target = c.columns(lang, decimals=self.decimals)
            out.append(
                {
                    "indicator": c.indicator,
                    "indicator_text": capitalised(indicator_text(cat, c.indicator, {}, lang)),
                    "dims": str(c.dims),
                    "dims_text": dims_text(cat, c.indicator, c.dims, lang),
                    "value_text": value,
                    "previous_text": previous,
                    "change_text": change,
                    "target_text": target,
                }
            )
        return out

    def to_pandas(self, lang: Lang = "vi") -> object:
        """A pandas DataFrame of the scorecard's `rows` (needs the ``pandas`` extra).

        Raises:
            MissingExtraError: pandas is not installed.

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.evaluation import Evaluation
            >>> from antq_domain.values.period import Period
            >>> Evaluation(report="r", place="62", period=Period.year(2023),
            ...            as_of=date(2024, 1, 15)).to_pandas().shape
            (0, 0)
        """
        return data_frame(self.rows(lang), "Evaluation.to_pandas")


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" if line else line for line in text.splitlines())


def _guard_failed(step: str, err: Exception) -> Finding:
    code = (
        EvaluationCode.COMPLETENESS_UNDETERMINED
        if step == "completeness"
        else EvaluationCode.EVALUATION_STEP_FAILED
    )
    return Finding.of(
        code.value,
        Label(
            vi=f"Không đánh giá được phần “{step}”: {err}",
            en=f"The “{step}” part could not be evaluated: {err}",
        ),
        involved=[Ref(path=step)],
        registry=EVALUATION_CODES,
    )


def _safety(
    value: Iterable[CommuneSafetyFacts] | CommuneSafetyFacts | None,
) -> tuple[CommuneSafetyFacts, ...]:
    if value is None:
        return ()
    if isinstance(value, CommuneSafetyFacts):
        return (value,)
    if not isinstance(value, Iterable):
        raise AntqTypeError("safety", value, "CommuneSafetyFacts or an iterable of them")
    out = tuple(value)
    for item in out:
        if not isinstance(item, CommuneSafetyFacts):
            raise AntqTypeError("safety", item, "CommuneSafetyFacts")
    return out


def evaluate(
    report: MovementReport,
    *,
    as_of: date,
    previous: MovementReport | None = None,
    targets: Iterable[Target] | None = None,
    rules: Iterable[Rule] | None = None,
    registry: Registry | None = None,
    config: EvaluationConfig | None = None,
    submissions: Submissions | None = None,
    safety: Iterable[CommuneSafetyFacts] | CommuneSafetyFacts | None = None,
) -> Evaluation:
    """Evaluate a report as of a date: validation, scorecard, records and legal facts.

    Args:
        report: the report evaluated.
        as_of: the evaluation date (reviews due or overdue are judged on it);
            the legal facts are judged on the report's own dates.
        previous: the previous period's report, for the scorecard's changes;
            it must be of the same unit (or the restatement the register
            offers), level and kind of period, else no change is given and
            ``comparison.not_comparable`` says why.
        targets: targets for indicator cells
            ([`Target`][antq_domain.Target]).
        rules: the validation rules (default: the standard ones).
        registry: the register of places (default: the bundled one).
        config: periods and thresholds (default:
            [`EvaluationConfig`][antq_domain.EvaluationConfig]).
        submissions: which places reported, for completeness (optional).
        safety: facts of communes for the "An toàn về ANTT" standard (optional).

    Returns:
        An [`Evaluation`][antq_domain.Evaluation]. Bad arguments (not a report, a
        target for an unknown indicator) raise; a bad *report* never does.

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.evaluation import evaluate
        >>> from antq_domain.records.report import MovementReport
        >>> r = MovementReport(issuer="x", place="62", period="2025", as_of=date(2025, 12, 31))
        >>> evaluate(r, as_of=date(2026, 1, 15)).findings.codes
        ('legal.province_gone',)
    """
    if not isinstance(report, MovementReport):
        raise AntqTypeError("report", report, "a MovementReport")
    if not isinstance(as_of, date):
        raise AntqTypeError("as_of", as_of, "a date")
    cfg = config if config is not None else EvaluationConfig()
    if not isinstance(cfg, EvaluationConfig):
        raise AntqTypeError("config", config, "an EvaluationConfig or None")
    reg = registry if registry is not None else bundled_registry()
    facts = _safety(safety)
    found: list[Finding] = list(validate(report, rules=rules))
    scorecard, target_findings = build_scorecard(
        report, previous, targets, registry=reg, tolerance=cfg.approximate_tolerance
    )
    found.extend(target_findings)
    models = ModelSummary()
    programmes: tuple[ProgrammeStatus, ...] = ()
    tallies: tuple[CommendationTally, ...] = ()
    steps = ("models", "programmes", "commendations", "legal")
    for step in steps:
        try:
            if step == "models":
                models = model_summary(report)
                found.extend(model_findings(report, as_of, cfg))
            elif step == "programmes":
                statuses, more = programme_review(report, as_of, cfg)
                programmes = tuple(statuses)
                found.extend(more)
            elif step == "commendations":
                tallies = tuple(commendation_tallies(report))
                found.extend(commendation_findings(report, cfg))
            else:
                found.extend(legal_findings(report, reg))
        except _GUARDED as err:  # pragma: no cover - defensive: a bad record never stops it
            found.append(_guard_failed(step, err))
    completeness = None
    if submissions is not None:
        if not isinstance(submissions, Submissions):
            raise AntqTypeError("submissions", submissions, "Submissions or None")
        try:
            completeness, more = check_completeness(
                report.place, report.period, submissions, as_of=as_of, registry=reg
            )
            found.extend(more)
        except _GUARDED as err:
            found.append(_guard_failed("completeness", err))
    assessments = tuple(assess_safety_standard(f, config=cfg) for f in facts)
    found.extend(safety_findings(assessments, reg))
    return Evaluation(
        report=report.id or report.issuer,
        place=report.place,
        period=report.period,
        as_of=as_of,
        scorecard=scorecard,
        findings=Findings(found),
        models=models,
        programmes=programmes,
        commendations=tallies,
        completeness=completeness,
        safety=assessments,
        previous=None if previous is None else (previous.id or previous.issuer),
        decimals=cfg.decimals,
    )
