# Size: one pass of evaluation over a report's records (exemplary models, cooperation
# programmes, commendations, legal life), sharing the finding helper and the reform dates; each
# part is under 250 lines and could become its own module.
"""Evaluation of a report's records: models, programmes, commendations, legal life.

Public names are re-exported by [`antq_domain.analysis.evaluation`][antq_domain.evaluate].
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

import attrs

from antq_domain.analysis.evaluation.authority import (
    COMMENDATION_LAW_FROM,
    AuthorityRule,
    Award,
    PostEnd,
    check_authority,
    is_internal_form,
    post_ended,
)
from antq_domain.analysis.evaluation.config import (
    EVALUATION_CODES,
    EvaluationCode,
    EvaluationConfig,
    add_months,
    both,
    show_date,
)
from antq_domain.analysis.evaluation.scorecard import CellValue
from antq_domain.analysis.findings import Finding, Ref
from antq_domain.errors import AntqError
from antq_domain.records.commendations import (
    Authority,
    CommendationForm,
    CommendationStatus,
    RecipientKind,
)
from antq_domain.records.forces import ForceType, LegalStatus
from antq_domain.records.models import ModelStatus, ReplicationScope, ReviewKind
from antq_domain.records.observation import Observation
from antq_domain.records.organisations import TWO_TIER_FROM, AdminLevel
from antq_domain.records.places import PlaceKind, PlaceLevel, Registry
from antq_domain.records.programmes import JointActivityKind
from antq_domain.records.report import MovementReport
from antq_domain.values.label import Label, Lang
from antq_domain.values.partial_date import PartialDate
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Unit

__all__ = [
    "ActivityTally",
    "CommendationTally",
    "FunnelStep",
    "ModelSummary",
    "ProgrammeStatus",
    "ReviewState",
]

PROVINCE_REFORM = "Nghị quyết 202/2025/QH15"
"""The National Assembly resolution that merged 63 provinces into 34 (12/06/2025)."""
TWO_TIER_REFORM = (
    "Nghị quyết 203/2025/QH15 sửa đổi Hiến pháp; Luật Tổ chức chính quyền địa phương 72/2025/QH15"
)
"""The instruments that ended the district level (and townships) on 1 July 2025."""

_DISTRICT_UNIT_KINDS = frozenset(
    {"district", "urban_district", "town", "provincial_city", "district_level"}
)
_FORCE_INDICATORS = {
    "forces.civil_guards": ForceType.CIVIL_GUARD,
    "forces.civil_guard_boards": ForceType.CIVIL_GUARD,
    "forces.semi_professional_police": ForceType.SEMI_PROFESSIONAL_COMMUNE_POLICE,
    "forces.grassroots_security_members": ForceType.GRASSROOTS_SECURITY_FORCE,
    "forces.grassroots_security_teams": ForceType.GRASSROOTS_SECURITY_FORCE,
}


def _finding(
    code: EvaluationCode,
    message: Label,
    involved: Iterable[Ref] = (),
    *,
    legal_basis: str | None = None,
    rule: str | None = None,
) -> Finding:
    return Finding.of(
        code.value,
        message,
        involved=list(dict.fromkeys(involved)),
        legal_basis=legal_basis,
        rule=rule,
        registry=EVALUATION_CODES,
    )


def _scope(value: ReplicationScope | str) -> ReplicationScope:
    return ReplicationScope.parse(value)


def _activity_kind(value: JointActivityKind | str) -> JointActivityKind:
    return JointActivityKind.parse(value)


def _form(value: CommendationForm | str) -> CommendationForm:
    return CommendationForm.parse(value)


def _authority(value: Authority | str) -> Authority:
    return Authority.parse(value)


def _recipient_kind(value: RecipientKind | str) -> RecipientKind:
    return RecipientKind.parse(value)


def _status(value: CommendationStatus | str) -> CommendationStatus:
    return CommendationStatus.parse(value)


# -- exemplary models ----------------------------------------------------------------
@attrs.frozen
class FunnelStep:
    """One step of the replication funnel: a scope, what the records and the figures say.

    A value. ``from_records`` counts the listed models with a replication of
    the scope dated inside the report's period; ``figure`` is the report's
    ``models.replicated`` figure for the scope (``None``: not stated).

    Example:
        >>> from antq_domain.analysis.evaluation import FunnelStep
        >>> from antq_domain.values import Quantity
        >>> FunnelStep("national", 0, Quantity(2, "model")).render("vi")
        'nhân rộng toàn quốc: 2 mô hình (danh sách: 0)'
    """

    scope: ReplicationScope = attrs.field(converter=_scope)
    from_records: int
    figure: CellValue = None

    def render(self, lang: Lang = "en") -> str:
        """The step in one line.

        Example:
            >>> from antq_domain.analysis.evaluation import FunnelStep
            >>> FunnelStep("district", 1).render("en")
            'replicated district-wide: — (listed: 1)'
        """
        shown = (
            self.figure.format(lang)
            if isinstance(self.figure, Quantity)
            else ("—" if self.figure is None else str(self.figure))
        )
        listed = "danh sách" if lang == "vi" else "listed"
        return f"{self.scope.text(lang)}: {shown} ({listed}: {self.from_records})"


@attrs.frozen
class ModelSummary:
    """The exemplary models of a report: counts, points and teams, and the replication funnel.

    A value. ``points`` and ``teams`` add the listed models' points (site)
    and teams (group); ``None`` when no model gives them. ``funnel`` runs
    district → provincial → national.

    Example:
        >>> from antq_domain.analysis.evaluation import ModelSummary
        >>> ModelSummary().listed
        0
    """

    listed: int = 0
    active: int = 0
    inactive: int = 0
    points: Quantity | None = None
    teams: Quantity | None = None
    funnel: tuple[FunnelStep, ...] = ()

    def render(self, lang: Lang = "en") -> str:
        """The summary in a few lines.

        Example:
            >>> from antq_domain.analysis.evaluation import ModelSummary
            >>> print(ModelSummary(listed=2, active=1, inactive=1).render("vi"))
            mô hình trong danh sách: 2 (đang hoạt động 1, không hoạt động 1)
        """
        vi = lang == "vi"
        if not self.listed:
            head = (
                "không có danh sách mô hình (chỉ có số liệu)"
                if vi
                else "no model records (figures only)"
            )
        else:
            head = (
                f"mô hình trong danh sách: {self.listed} (đang hoạt động {self.active}, "
                f"không hoạt động {self.inactive})"
                if vi
                else f"models listed: {self.listed} "
                f"(active {self.active}, inactive {self.inactive})"
            )
        lines = [head]
        for name, q in (
            ("điểm" if vi else "points", self.points),
            ("tổ" if vi else "teams", self.teams),
        ):
            if q is not None:
                lines.append(f"  {name}: {q.format(lang)}")
        lines.extend(f"  {step.render(lang)}" for step in self.funnel)
        return "\n".join(lines)


_FUNNEL = (ReplicationScope.DISTRICT, ReplicationScope.PROVINCIAL, ReplicationScope.NATIONAL)


def _sum(quantities: Sequence[Quantity], unit: Unit) -> Quantity | None:
    if not quantities:
        return None
    total = Quantity.zero(unit)
    for q in quantities:
        total = total + q
    return total


def model_summary(report: MovementReport) -> ModelSummary:
    """Counts, points, teams and the funnel of the report's models."""
    start, end = report.period.start, report.period.end
    funnel: list[FunnelStep] = []
    for scope in _FUNNEL:
        listed = sum(
            1
            for m in report.models
            if any(
                r.scope is scope
                and r.date is not None
                and start <= r.date.earliest()
                and r.date.latest() <= end
                for r in m.replications
            )
        )
        found = report.find("models.replicated", {"scope": scope.value})
        figure: CellValue = found[0].value if len(found) == 1 else None
        if listed or figure is not None:
            funnel.append(FunnelStep(scope, listed, figure))
    return ModelSummary(
        listed=len(report.models),
        active=sum(1 for m in report.models if m.status is ModelStatus.ACTIVE),
        inactive=sum(1 for m in report.models if m.status is ModelStatus.INACTIVE),
        points=_sum([m.points for m in report.models if m.points is not None], Unit.SITE),
        teams=_sum([m.teams for m in report.models if m.teams is not None], Unit.GROUP),
        funnel=tuple(funnel),
    )


def model_findings(report: MovementReport, as_of: date, config: EvaluationConfig) -> list[Finding]:
    """Models overdue for review and inactive models, as of ``as_of``."""
    out: list[Finding] = []
    for i, m in enumerate(report.models):
        ref = Ref.record(f"models.{i}")
        if m.status is ModelStatus.INACTIVE:
            out.append(
                _finding(
                    EvaluationCode.MODEL_INACTIVE,
                    both(
                        f"Mô hình “{m.name}” không hoạt động nhưng vẫn trong danh sách; "
                        "cần củng cố hoặc thanh loại",
                        f"Model “{m.name}” is inactive but still listed; consolidate or de-list it",
                    ),
                    [ref],
                )
            )
        if m.status is not ModelStatus.ACTIVE or m.start is None:
            continue
        started = m.start.latest()
        # a review counts as held by ``as_of`` only when its whole date is on or
        # before it: a review "held in 2023" is certainly held only on 31/12/2023
        held = [r for r in m.reviews if r.date.latest() <= as_of]
        maybe = [r for r in m.reviews if r.date.earliest() <= as_of < r.date.latest()]
        final_due = add_months(started, 12 * config.model_final_review_years)
        interim_due = add_months(started, 12 * config.model_interim_review_years)
        if as_of > final_due and not any(r.kind is ReviewKind.FINAL for r in held):
            kind, due, years = ReviewKind.FINAL, final_due, config.model_final_review_years
            maybe = [r for r in maybe if r.kind is ReviewKind.FINAL]
        elif as_of > interim_due and not held:
            kind, due, years = ReviewKind.INTERIM, interim_due, config.model_interim_review_years
        else:
            continue
        unsure_vi = unsure_en = ""
        if maybe:
            dates_vi = ", ".join(r.date.format("vi") for r in maybe)
            dates_en = ", ".join(r.date.format("en") for r in maybe)
            unsure_vi = f"; lần {kind.label.vi} ghi {dates_vi} có thể sau ngày đánh giá"
            unsure_en = f"; the {kind.label.en} dated {dates_en} may fall after the evaluation date"
        basis = config.model_review_basis
        assumed_vi = "" if basis else " (thời hạn theo cấu hình, là giả định)"
        assumed_en = "" if basis else " (the period is a configured assumption)"
        out.append(
            _finding(
                EvaluationCode.MODEL_REVIEW_OVERDUE,
                both(
                    f"Mô hình “{m.name}” (từ {m.start.format('vi')}) chưa {kind.label.vi} "
                    f"sau {years} năm{assumed_vi}: quá hạn từ {show_date(due, 'vi')} "
                    f"(tính đến {show_date(as_of, 'vi')}){unsure_vi}",
                    f"Model “{m.name}” (since {m.start.format('en')}) has had no "
                    f"{kind.label.en} after {years} years{assumed_en}: overdue since "
                    f"{show_date(due, 'en')} (as of {show_date(as_of, 'en')}){unsure_en}",
                ),
                [ref],
                legal_basis=basis,
            )
        )
    return out


# -- cooperation programmes ----------------------------------------------------------
class ReviewState:
    """The review states of a programme (plain string constants).

    Example:
        >>> from antq_domain.analysis.evaluation import ReviewState
        >>> ReviewState.OVERDUE
        'overdue'
    """

    REVIEWED = "reviewed"
    RUNNING = "running"
    DUE = "due"
    OVERDUE = "overdue"
    NO_TERM = "no_term"


_STATE_LABELS = {
    ReviewState.REVIEWED: Label(vi="đã tổng kết", en="final review held"),
    ReviewState.RUNNING: Label(vi="đang thực hiện", en="running"),
    ReviewState.DUE: Label(vi="đến hạn tổng kết", en="final review due"),
    ReviewState.OVERDUE: Label(vi="quá hạn tổng kết", en="final review overdue"),
    ReviewState.NO_TERM: Label(vi="không rõ thời hạn", en="term not stated"),
}


@attrs.frozen
class ActivityTally:
    """How many joint activities of one kind a programme's party took part in.

    A value. An activity without its own parties counts for every party of
    the programme.

    Example:
        >>> from antq_domain.analysis.evaluation import ActivityTally
        >>> ActivityTally("p", "event_security", "army", 2).kind.label.vi
        'bảo đảm an ninh, trật tự các sự kiện'
    """

    programme: str
    kind: JointActivityKind = attrs.field(converter=_activity_kind)
    party: str
    count: int


@attrs.frozen
class ProgrammeStatus:
    """Where a cooperation programme stands on its final review, and its activities.

    A value. ``state`` is one of
    [`ReviewState`][antq_domain.analysis.evaluation.records.ReviewState]'s
    constants: ``reviewed`` (a final review held on or before the evaluation date), ``running``,
    ``due`` (the term ends soon or has just ended), ``overdue``, or ``no_term`` (no term or end
    stated: nothing to decide).

    Example:
        >>> from antq_domain.analysis.evaluation import ProgrammeStatus
        >>> ProgrammeStatus("ctph-09", "Chương trình 09", None, "no_term").render("en")
        'ctph-09 (Chương trình 09): term not stated'
    """

    programme: str
    title: str
    ends: PartialDate | None
    state: str
    activities: tuple[ActivityTally, ...] = ()

    def render(self, lang: Lang = "en") -> str:
        """The status in one line, with the activities tallied.

        Example:
            >>> from antq_domain.analysis.evaluation import ProgrammeStatus
            >>> from antq_domain.values.partial_date import PartialDate
            >>> ProgrammeStatus("p", "x", PartialDate(2023, 8, 1), "reviewed").render("vi")
            'p (x): đã tổng kết, kết thúc ngày 01/08/2023'
        """
        text = f"{self.programme} ({self.title}): {_STATE_LABELS[self.state].text(lang)}"
        if self.ends is not None:
            text += f", {'kết thúc' if lang == 'vi' else 'ends'} {self.ends.format(lang)}"
        if self.activities:
            kinds: dict[str, int] = defaultdict(int)
            for a in self.activities:
                kinds[a.kind.text(lang)] = max(kinds[a.kind.text(lang)], a.count)
            shown = ", ".join(f"{k} ×{n}" for k, n in kinds.items())
            text += f"; {'hoạt động' if lang == 'vi' else 'activities'}: {shown}"
        return text


def programme_review(
    report: MovementReport, as_of: date, config: EvaluationConfig
) -> tuple[list[ProgrammeStatus], list[Finding]]:
    """The review state of each programme and the ``programme.*`` findings."""
    statuses: list[ProgrammeStatus] = []
    out: list[Finding] = []
    for i, p in enumerate(report.programmes):
        ends = p.ends
        title = p.title_text("vi")
        reviewed = any(
            r.kind is ReviewKind.FINAL and (r.held is None or r.held.latest() <= as_of)
            for r in p.reviews
        )
        if reviewed:
            state = ReviewState.REVIEWED
        elif ends is None:
            state = ReviewState.NO_TERM
        elif as_of > add_months(ends.latest(), config.programme_review_grace_months):
            state = ReviewState.OVERDUE
        elif as_of >= add_months(ends.earliest(), -config.programme_review_notice_months):
            state = ReviewState.DUE
        else:
            state = ReviewState.RUNNING
        counts: dict[tuple[str, str], int] = defaultdict(int)
        for a in p.activities:
            for party in a.parties or p.parties:
                counts[(a.kind.value, party.kind.value)] += 1
        tallies = tuple(ActivityTally(p.id, k, party, n) for (k, party), n in counts.items())
        statuses.append(ProgrammeStatus(p.id, title, ends, state, tallies))
        if state not in (ReviewState.DUE, ReviewState.OVERDUE) or ends is None:
            continue
        doc = f" {p.document}" if p.document is not None else ""
        code = (
            EvaluationCode.PROGRAMME_REVIEW_OVERDUE
            if state == ReviewState.OVERDUE
            else EvaluationCode.PROGRAMME_REVIEW_DUE
        )
        verb_vi = "đã hết thời hạn" if ends.latest() < as_of else "sắp hết thời hạn"
        verb_en = "ended" if ends.latest() < as_of else "ends"
        out.append(
            _finding(
                code,
                both(
                    f"Chương trình phối hợp{doc} “{title}” {verb_vi} ({ends.format('vi')}) "
                    f"nhưng chưa tổng kết (tính đến {show_date(as_of, 'vi')})",
                    f"Cooperation programme{doc} “{p.title_text('en')}” {verb_en} on "
                    f"{ends.format('en')} without a final review (as of {show_date(as_of, 'en')})",
                ),
                [Ref.record(f"programmes.{i}")],
                legal_basis=None if p.document is None else str(p.document),
            )
        )
    return statuses, out


# -- commendations -------------------------------------------------------------------
@attrs.frozen
class CommendationTally:
    """Recipients of one cell form × issuer × recipient kind × status.

    A value. Conferred and proposed awards are never added together: they
    are different cells. ``involved`` lists the records (or figures) counted.

    Example:
        >>> from antq_domain.analysis.evaluation import CommendationTally
        >>> t = CommendationTally("certificate_of_merit", "minister_of_public_security",
        ...                       "collective", "proposed", 1)
        >>> t.render("vi")
        'Bằng khen — Bộ trưởng Bộ Công an — tập thể — đề nghị khen thưởng: 1'
    """

    form: CommendationForm = attrs.field(converter=_form)
    issuer: Authority = attrs.field(converter=_authority)
    recipient_kind: RecipientKind = attrs.field(converter=_recipient_kind)
    status: CommendationStatus = attrs.field(converter=_status)
    recipients: int
    involved: tuple[str, ...] = ()

    def render(self, lang: Lang = "en") -> str:
        """The cell in one line.

        Example:
            >>> from antq_domain.analysis.evaluation import CommendationTally
            >>> t = CommendationTally("certificate_of_commendation",
            ...                       "provincial_police_director", "individual", "conferred", 6)
            >>> t.render("en").split(" — ")
            ['certificate of commendation', 'Director of the provincial police', 'individual', \
'conferred: 6']
        """
        cells = (self.form, self.issuer, self.recipient_kind, self.status)
        return " — ".join(c.text(lang) for c in cells) + f": {self.recipients}"


def recipients_en(count: int, kind: RecipientKind) -> str:
    """``count`` recipients of ``kind`` in English, singular for one (``1 individual``)."""
    noun = kind.label.en
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _issuer_of(code: str) -> Authority | None:
    if code == "central_fatherland_front_chair":
        return Authority.VFF_CENTRAL_CHAIR
    try:
        return Authority(code)
    except ValueError:
        return None


def commendation_tallies(report: MovementReport) -> list[CommendationTally]:
    """Tallies from the records; from the figures when the report lists no records."""
    cells: dict[tuple[str, str, str, str], list[tuple[int, str]]] = defaultdict(list)
    if report.commendations:
        for i, c in enumerate(report.commendations):
            key = (c.form.value, c.issuer.value, c.recipient_kind.value, c.status.value)
            cells[key].append((c.recipient_count, f"commendations.{i}"))
    else:
        for i, o in enumerate(report.observations):
            if o.indicator != "commendations.recipients" or not isinstance(o.value, Quantity):
                continue
            if not o.value.is_exact or not all(
                n in o.dims for n in ("form", "issuer", "recipient_kind", "status")
            ):
                continue
            issuer = _issuer_of(o.dims["issuer"])
            if issuer is None or o.dims["form"] not in CommendationForm.__members__.values():
                continue
            key = (o.dims["form"], issuer.value, o.dims["recipient_kind"], o.dims["status"])
            cells[key].append((int(o.value.amount), f"observations.{i}"))
    return [
        CommendationTally(*key, sum(n for n, _ in items), tuple(p for _, p in items))
        for key, items in cells.items()
    ]


def _authority_finding(rule: AuthorityRule, what: Label, ref: Ref, day: date) -> Finding:
    sure_vi = "" if rule.confidence == "confirmed" else " (quy định chưa được xác nhận nguyên văn)"
    sure_en = "" if rule.confidence == "confirmed" else " (rule believed, wording not retrieved)"
    return _finding(
        EvaluationCode.COMMENDATION_AUTHORITY,
        both(
            f"{what.vi}: {rule.description.vi}{sure_vi} (luật áp dụng ngày "
            f"{show_date(day, 'vi')}: {rule.instrument})",
            f"{what.en}: {rule.description.en}{sure_en} (the law in force on "
            f"{show_date(day, 'en')}: {rule.instrument})",
        ),
        [ref],
        legal_basis=rule.legal_basis,
        rule=rule.id,
    )


def _ended_finding(issuer: Authority, end: PostEnd, what: Label, ref: Ref, when: Label) -> Finding:
    return _finding(
        EvaluationCode.COMMENDATION_ISSUER_ENDED,
        both(
            f"{what.vi} {when.vi}, khi {end.description.vi[0].lower()}{end.description.vi[1:]}",
            f"{what.en} {when.en}, when {end.description.en}",
        ),
        [ref],
        legal_basis=end.basis,
    )


def _award_text(
    form: CommendationForm,
    issuer: Authority,
    count: int | None,
    kind: RecipientKind | None,
    status: CommendationStatus | None,
) -> Label:
    vi = f"{form.label.vi} của {issuer.label.vi}"
    en = f"{form.label.en} from the {issuer.label.en}"
    if count is not None:
        vi += f" cho {count} {kind.label.vi if kind else 'người, tập thể'}"
        plain = f"{count} recipient" + "s" * (count != 1)
        en += f" to {recipients_en(count, kind) if kind else plain}"
    if status is not None:
        vi += f" ({status.label.vi})"
        en += f" ({status.label.en})"
    return both(vi, en)


def _figure_award(o: Observation) -> tuple[Award, int | None, CommendationStatus | None] | None:
    """The award a ``commendations.recipients`` figure states, if its dims name form and issuer."""
    form, code = o.dims.get("form"), o.dims.get("issuer")
    if form is None or code is None:
        return None
    issuer = _issuer_of(code)
    if issuer is None or form not in CommendationForm.__members__.values():
        return None
    kind = o.dims.get("recipient_kind")
    status = o.dims.get("status")
    count = int(o.value.amount) if isinstance(o.value, Quantity) else None
    return (
        Award(form, issuer, kind),
        count,
        None if status is None else CommendationStatus.parse(status),
    )


def commendation_findings(report: MovementReport, config: EvaluationConfig) -> list[Finding]:
    """Authority checks (records and figures), ended posts, internal forms, mixed figures.

    The rules applied are those in force on the award's date, or on the
    report period's end when the award has none (a figure: its period's
    end). A post that ended ([`POST_ENDS`][antq_domain.analysis.evaluation.authority.POST_ENDS])
    is flagged only when the award certainly came after the end: its date,
    or the whole period when it has none.
    """
    out: list[Finding] = []
    internal: dict[tuple[CommendationForm, Authority], list[Ref]] = defaultdict(list)
    for i, c in enumerate(report.commendations):
        ref = Ref.record(f"commendations.{i}")
        what = _award_text(c.form, c.issuer, c.recipient_count, c.recipient_kind, c.status)
        day = c.date.latest() if c.date is not None else report.period.end
        out.extend(
            _authority_finding(rule, what, ref, day)
            for rule in check_authority(c, config.authority_rules, on=day)
        )
        first = c.date.earliest() if c.date is not None else report.period.start
        end = post_ended(c.issuer, first)
        if end is not None:
            when = (
                both(f"ngày {c.date.format('vi')}", f"dated {c.date.format('en')}")
                if c.date is not None
                else both(
                    f"trong kỳ {report.period.format('vi')}", f"in {report.period.format('en')}"
                )
            )
            out.append(_ended_finding(c.issuer, end, what, ref, when))
        if is_internal_form(c):
            internal[(c.form, c.issuer)].append(ref)
    for (form, issuer), refs in internal.items():
        basis = (
            "QĐ 222/QĐ-MTTW; Luật Thi đua, khen thưởng 06/2022/QH15, Điều 3"
            if report.period.end >= COMMENDATION_LAW_FROM
            else "QĐ 222/QĐ-MTTW"
        )
        out.append(
            _finding(
                EvaluationCode.COMMENDATION_INTERNAL_FORM,
                both(
                    f"{form.label.vi} của {issuer.label.vi} là khen thưởng theo quy chế thi đua, "
                    "khen thưởng riêng của tổ chức, không phải Bằng khen cấp tỉnh của Nhà nước "
                    "(không tính là “bằng khen cấp bộ, ban, ngành, tỉnh”)",
                    f"The {form.label.en} from the {issuer.label.en} is the organisation's own "
                    "award, not the State's provincial certificate (it does not count as a "
                    "ministry- or province-level certificate)",
                ),
                refs,
                legal_basis=basis,
            )
        )
    for i, o in enumerate(report.observations):
        if o.indicator != "commendations.recipients":
            continue
        ref = Ref.of_observation(o, path=f"observations.{i}")
        if "status" not in o.dims:
            out.append(
                _finding(
                    EvaluationCode.COMMENDATION_MIXED_STATUS,
                    both(
                        f"{Ref.of_observation(o)} không nêu đã khen hay đề nghị khen: "
                        "không cộng chung hai loại này",
                        f"{Ref.of_observation(o)} does not say whether the awards were conferred "
                        "or proposed: the two are never added together",
                    ),
                    [ref],
                )
            )
        found = _figure_award(o)
        if found is None:
            continue
        award, count, status = found
        what = _award_text(award.form, award.issuer, count, award.recipient_kind, status)
        out.extend(
            _authority_finding(rule, what, ref, o.period.end)
            for rule in check_authority(award, config.authority_rules, on=o.period.end)
        )
        end = post_ended(award.issuer, o.period.start)
        if end is not None:
            when = both(f"trong kỳ {o.period.format('vi')}", f"in {o.period.format('en')}")
            out.append(_ended_finding(award.issuer, end, what, ref, when))
    return out


# -- legal life ----------------------------------------------------------------------
def _figure_day(o: Observation) -> date:
    """The last day a figure speaks of: its period's end (a stock's date, a flow's last day)."""
    return o.period.end


def legal_findings(  # noqa: PLR0912, PLR0915 - one pass over every kind of record
    report: MovementReport, registry: Registry
) -> list[Finding]:
    """Forces, places and replication scopes reported outside their legal lives."""
    forces: dict[tuple[EvaluationCode, ForceType], list[Ref]] = defaultdict(list)
    for i, fs in enumerate(report.forces):
        status = fs.legal_status()
        if status is LegalStatus.ENDED:
            forces[(EvaluationCode.LEGAL_FORCE_TYPE_ENDED, fs.force)].append(
                Ref.record(f"forces.{i}")
            )
        elif status is LegalStatus.NOT_YET:
            forces[(EvaluationCode.LEGAL_FORCE_TYPE_NOT_YET, fs.force)].append(
                Ref.record(f"forces.{i}")
            )
    places: dict[tuple[str, date], list[Ref]] = defaultdict(list)
    places[(report.place, report.as_of)].append(Ref(place=report.place, path="place"))
    units: dict[EvaluationCode, list[Ref]] = defaultdict(list)
    replications: list[Ref] = []
    for i, o in enumerate(report.observations):
        day = _figure_day(o)
        ref = Ref.of_observation(o, path=f"observations.{i}")
        if o.place != report.place:
            places[(o.place, day)].append(ref)
        force = _FORCE_INDICATORS.get(o.indicator)
        if force is not None:
            status = force.status_on(o.period.end)
            if status is LegalStatus.ENDED:
                forces[(EvaluationCode.LEGAL_FORCE_TYPE_ENDED, force)].append(ref)
            elif status is LegalStatus.NOT_YET:
                forces[(EvaluationCode.LEGAL_FORCE_TYPE_NOT_YET, force)].append(ref)
        unit_kind = o.dims.get("unit_kind")
        if day >= TWO_TIER_FROM and unit_kind in _DISTRICT_UNIT_KINDS:
            units[EvaluationCode.LEGAL_DISTRICT_AFTER_REFORM].append(ref)
        if day >= TWO_TIER_FROM and unit_kind == "township":
            units[EvaluationCode.LEGAL_TOWNSHIP_AFTER_REFORM].append(ref)
        if (
            o.indicator == "models.replicated"
            and o.dims.get("scope") == ReplicationScope.DISTRICT.value
            and o.period.end >= TWO_TIER_FROM
        ):
            replications.append(ref)
    for i, m in enumerate(report.models):
        if any(
            r.scope is ReplicationScope.DISTRICT
            and r.date is not None
            and r.date.latest() >= TWO_TIER_FROM
            for r in m.replications
        ):
            replications.append(Ref.record(f"models.{i}"))
        places[(m.place, report.as_of)].append(Ref.record(f"models.{i}"))
    for i, fs in enumerate(report.forces):
        for code in (fs.place, *fs.locations):
            places[(code, fs.as_of)].append(Ref.record(f"forces.{i}"))
    levels = [(f"organisations.{i}", o.level) for i, o in enumerate(report.organisations)]
    levels += [(f"committees.{i}", c.level) for i, c in enumerate(report.committees)]
    for path, level in levels:
        if level is AdminLevel.DISTRICT and report.as_of >= TWO_TIER_FROM:
            units[EvaluationCode.LEGAL_DISTRICT_AFTER_REFORM].append(Ref.record(path))
    out: list[Finding] = []
    for (code, force), refs in forces.items():
        life = force.legal_life
        if code is EvaluationCode.LEGAL_FORCE_TYPE_ENDED:
            assert life.valid_to is not None  # noqa: S101 - ENDED needs an end
            successor = force.successor
            then_vi = f", thay bằng {successor.label.vi}" if successor is not None else ""
            then_en = f", replaced by the {successor.label.en}" if successor is not None else ""
            message = both(
                f"{force.label.vi} được báo cáo sau ngày {show_date(life.valid_to, 'vi')}, khi "
                f"lực lượng này đã hết cơ sở pháp lý (Luật {life.ended_by}){then_vi}",
                f"{force.label.en} reported after {show_date(life.valid_to, 'en')}, when the force "
                f"ended in law (Law {life.ended_by}){then_en}",
            )
            basis = life.ended_by
        else:
            assert life.valid_from is not None  # noqa: S101 - NOT_YET needs a start
            message = both(
                f"{force.label.vi} được báo cáo trước ngày {show_date(life.valid_from, 'vi')}, khi "
                f"lực lượng này chưa có cơ sở pháp lý (Luật {life.established_by})",
                f"{force.label.en} reported before {show_date(life.valid_from, 'en')}, when the "
                f"force did not yet exist in law (Law {life.established_by})",
            )
            basis = life.established_by
        out.append(_finding(code, message, refs, legal_basis=basis))
    for code, refs in units.items():
        what_vi = (
            "đơn vị cấp huyện" if code is EvaluationCode.LEGAL_DISTRICT_AFTER_REFORM else "thị trấn"
        )
        what_en = (
            "district-level units"
            if code is EvaluationCode.LEGAL_DISTRICT_AFTER_REFORM
            else "townships"
        )
        out.append(
            _finding(
                code,
                both(
                    f"Số liệu về {what_vi} vào hoặc sau ngày 01/7/2025, khi cấp này không còn",
                    f"Figures or records about {what_en} on or after 2025-07-01, when they no "
                    "longer exist",
                ),
                refs,
                legal_basis=TWO_TIER_REFORM,
            )
        )
    if replications:
        out.append(
            _finding(
                EvaluationCode.LEGAL_REPLICATION_DISTRICT_SCOPE,
                both(
                    "Mô hình nhân rộng “trên địa bàn huyện” vào (hoặc có thể vào) sau ngày "
                    "01/7/2025, khi cấp huyện không còn",
                    "A district-wide replication dated (or possibly dated) on or after "
                    "2025-07-01, when the district level no longer exists",
                ),
                replications,
                legal_basis=TWO_TIER_REFORM,
            )
        )
    out.extend(_place_findings(places, registry))
    return out


def _place_findings(places: dict[tuple[str, date], list[Ref]], registry: Registry) -> list[Finding]:
    gone: dict[tuple[EvaluationCode, str], tuple[date, list[Ref]]] = {}
    for (code, day), refs in places.items():
        try:
            place = registry.get(code)
            alive = registry.alive(code, day)
        except (AntqError, KeyError):
            continue  # a place outside the register: nothing to say
        if alive:
            continue
        kind = place.kind
        if kind.level is PlaceLevel.PROVINCE:
            which = EvaluationCode.LEGAL_PROVINCE_GONE
        elif kind.level is PlaceLevel.DISTRICT and day >= TWO_TIER_FROM:
            which = EvaluationCode.LEGAL_DISTRICT_AFTER_REFORM
        elif kind is PlaceKind.TOWNSHIP and day >= TWO_TIER_FROM:
            which = EvaluationCode.LEGAL_TOWNSHIP_AFTER_REFORM
        else:
            which = EvaluationCode.LEGAL_PLACE_GONE
        key = (which, code)
        first = gone.get(key)
        gone[key] = (
            day if first is None else min(first[0], day),
            [*(first[1] if first else []), *refs],
        )
    out: list[Finding] = []
    for (which, code), (day, refs) in gone.items():
        place = registry.get(code)
        try:
            now = registry.current(code, day)
        except (AntqError, KeyError):  # pragma: no cover - defensive
            now = ()
        names = ", ".join(p.name for p in now)
        ended = place.valid_to
        ended_vi = f" (hết hiệu lực sau {show_date(ended, 'vi')})" if ended else ""
        ended_en = f" (ended after {show_date(ended, 'en')})" if ended else ""
        now_vi = f"; nay thuộc {names}" if names else ""
        now_en = f"; now part of {names}" if names else ""
        basis = (
            PROVINCE_REFORM
            if which is EvaluationCode.LEGAL_PROVINCE_GONE
            else None
            if which is EvaluationCode.LEGAL_PLACE_GONE
            else TWO_TIER_REFORM
        )
        out.append(
            _finding(
                which,
                both(
                    f"{place.name} ({code}) không còn tồn tại vào ngày {show_date(day, 'vi')}"
                    f"{ended_vi}{now_vi}",
                    f"{place.name} ({code}) no longer exists on {show_date(day, 'en')}{ended_en}"
                    f"{now_en}",
                ),
                refs,
                legal_basis=basis,
            )
        )
    return out
