"""evaluate(): the Kon Tum scorecard and findings, every finding code, achievement, standards."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Mapping
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antq_domain.analysis.evaluation import (
    EVALUATION_CODES,
    ClassificationThresholds,
    CommuneSafetyFacts,
    Evaluation,
    EvaluationCode,
    EvaluationConfig,
    MovementGrade,
    ReviewState,
    ScoreItem,
    Submissions,
    Target,
    assess_safety_standard,
    classify_movement,
    evaluate,
)
from antq_domain.analysis.evaluation.authority import (
    AUTHORITY_RULES,
    AuthorityRule,
    Award,
    check_authority,
)
from antq_domain.errors import AntqTypeError, InvariantError, UnknownCodeError
from antq_domain.io import load_report
from antq_domain.records.commendations import Commendation
from antq_domain.records.report import MovementReport
from antq_domain.strategies import reports
from antq_domain.values.label import Label
from antq_domain.values.missing import NOT_REPORTED
from antq_domain.values.quantity import Quantity
from antq_domain.values.ratio import Ratio

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "examples" / "data"
AS_OF = date(2024, 1, 15)


@pytest.fixture(scope="module")
def kon_tum() -> MovementReport:
    return load_report(DATA / "kon-tum-2023.json")


@pytest.fixture(scope="module")
def kon_tum_2022() -> MovementReport:
    return load_report(DATA / "kon-tum-2022-synthetic.json")


@pytest.fixture(scope="module")
def kon_tum_eval(kon_tum: MovementReport, kon_tum_2022: MovementReport) -> Evaluation:
    return evaluate(kon_tum, as_of=AS_OF, previous=kon_tum_2022)


def fig(
    code: str,
    amount: int,
    unit: str,
    *,
    period: str = "2023",
    place: str = "62",
    qualifier: str = "exact",
    **dims: str,
) -> dict[str, Any]:
    return {
        "indicator": code,
        "place": place,
        "period": period,
        "value": Quantity(amount, unit, qualifier),
        "dims": dims,
    }


def report(
    period: str = "2023", as_of: date = date(2023, 12, 31), place: str = "62", **records: Any
) -> MovementReport:
    return MovementReport(issuer="x", place=place, period=period, as_of=as_of, **records)


# -- the Kon Tum example, pinned -------------------------------------------------------
def test_kon_tum_findings_are_pinned(kon_tum_eval: Evaluation) -> None:
    # The 2023 report is consistent; its one evaluation finding is that the provincial
    # Front's Bằng khen is the Front's own award (info): no overdue review (programme 09
    # had its final review in 2023), no legal-life problem (bảo vệ dân phố are legal in 2023).
    assert kon_tum_eval.findings.codes == ("commendation.internal_form",)
    assert kon_tum_eval.findings.ok
    (finding,) = kon_tum_eval.findings
    assert [str(r) for r in finding.involved] == ["commendations.2", "commendations.3"]


def test_kon_tum_valuable_rate_2023_against_2022(kon_tum_eval: Evaluation) -> None:
    cell = kon_tum_eval.scorecard.cell("tips.valuable_rate")
    assert isinstance(cell.value, Ratio)
    assert isinstance(cell.previous, Ratio)
    assert cell.value.value == Fraction(65500, 726)
    assert cell.previous.value == Fraction(85)
    assert cell.change == Fraction(65500, 726) - 85  # percentage points, exact
    assert cell.is_ratio
    # the cell by its label, not its code
    shown = cell.render("vi")
    assert shown.startswith("Tỷ lệ nguồn tin có giá trị: 90,2% (655/726) | trước: 85,0%")


def test_kon_tum_scorecard_cells(kon_tum_eval: Evaluation) -> None:
    card = kon_tum_eval.scorecard
    received = card.cell("tips.received")
    assert received.change == 46
    assert received.relative == Fraction(46, 680)
    # "hơn 145.410" against an exact 138.200: only a lower bound on the change
    launch = card.cell("mobilisation.launch_participants")
    assert launch.change is None
    assert launch.change_low == 7210
    assert launch.change_high is None
    # exact 36.944 against "hơn 35.000": only an upper bound
    docs = card.cell("media.documents")
    assert docs.change is None
    assert docs.change_low is None
    assert docs.change_high == 1944
    missing = card.cell("tips.suspects_arrested")
    assert missing.previous == NOT_REPORTED
    assert missing.change is None
    assert card.cell("media.broadcasts").change == -12  # higher in 2022
    with pytest.raises(UnknownCodeError) as err:
        card.cell("tips.resolution_rate")
    assert err.value.field == "cell"


def test_kon_tum_records_summaries(kon_tum_eval: Evaluation) -> None:
    states = {p.programme: p.state for p in kon_tum_eval.programmes}
    assert states == {
        "kt-cong-an-quan-doi": ReviewState.NO_TERM,
        "ctph-09-2013": ReviewState.REVIEWED,
        "kt-cong-an-ldld-2018": ReviewState.REVIEWED,
    }
    tallies = {
        (t.form.value, t.issuer.value, t.recipient_kind.value, t.status.value): t.recipients
        for t in kon_tum_eval.commendations
    }
    assert (
        tallies[("certificate_of_merit", "minister_of_public_security", "collective", "proposed")]
        == 1
    )
    assert sum(tallies.values()) == 3 + 5 + 1 + 2 + 6 + 6 + 1 + 1
    funnel = {s.scope.value: s.figure for s in kon_tum_eval.models.funnel}
    assert funnel == {"provincial": Quantity(3, "model"), "national": Quantity(2, "model")}


def test_kon_tum_renders_in_both_languages(kon_tum_eval: Evaluation) -> None:
    vi, en = kon_tum_eval.render("vi"), kon_tum_eval.render("en")
    # the place by its name, the period in words
    assert vi.startswith("ĐÁNH GIÁ kon-tum-2023 (Tỉnh Kon Tum, năm 2023), tính đến 15/01/2024")
    assert "Phát hiện:" in vi
    assert "Bảng chỉ tiêu:" in vi
    assert en.startswith("EVALUATION of kon-tum-2023")
    assert "commendation.internal_form" in en
    assert str(kon_tum_eval) == en


def test_programme_09_without_its_review_is_overdue(kon_tum: MovementReport) -> None:
    programmes = tuple(
        p.model_copy(update={"reviews": ()}) if p.id == "ctph-09-2013" else p
        for p in kon_tum.programmes
    )
    variant = kon_tum.model_copy(update={"programmes": programmes})
    ev = evaluate(variant, as_of=AS_OF)
    overdue = ev.findings.by_code("programme.review_overdue")
    assert [str(r) for f in overdue for r in f.involved] == ["programmes.1"]
    assert overdue[0].legal_basis is not None
    assert "09/CTr-BCA-MTTQ" in str(overdue[0].legal_basis)


def test_synthetic_report_is_labelled_and_up_to_date(kon_tum_2022: MovementReport) -> None:
    assert kon_tum_2022.id == "kon-tum-2022-synthetic"
    assert "SYNTHETIC" in kon_tum_2022.issuer
    assert kon_tum_2022.publication is not None
    assert "SYNTHETIC" in str(kon_tum_2022.publication.source)
    assert all("SYNTHETIC" in str(o.source) for o in kon_tum_2022.observations)
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "build_kon_tum_2022_synthetic.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout


# -- every finding code: one case that triggers it, one that does not ----------------
Case = Callable[[], Evaluation]


def _model(**kw: Any) -> dict[str, Any]:
    base = {
        "id": "m",
        "name": "Tổ an ninh tự quản",
        "kind": "self_managed_security_team",
        "owner": "police",
        "place": "62",
    }
    return {**base, **kw}


def _award(
    issuer: str, form: str = "certificate_of_merit", kind: str = "collective"
) -> dict[str, Any]:
    return {
        "form": form,
        "issuer": issuer,
        "recipient_kind": kind,
        "count": 1,
        "status": "conferred",
    }


def _programme(**kw: Any) -> dict[str, Any]:
    base = {
        "id": "p",
        "title": "Phối hợp",
        "signed": date(2014, 3, 1),
        "term_years": 10,
        "parties": [{"kind": "provincial_police"}, {"kind": "fatherland_front"}],
    }
    return {**base, **kw}


def _force(force: str, day: date) -> dict[str, Any]:
    return {"force": force, "place": "51", "as_of": day, "members": {"amount": 5, "unit": "person"}}


def _r2025(*observations: dict[str, Any], **records: Any) -> MovementReport:
    return report("2025", date(2025, 12, 31), "51", observations=list(observations), **records)


def _r2024(*observations: dict[str, Any], **records: Any) -> MovementReport:
    return report("2024", date(2024, 12, 31), "62", observations=list(observations), **records)


def _district_subs(received: Mapping[str, date], deadline: date = date(2024, 1, 10)) -> Submissions:
    return Submissions(level="district", received=received, deadline=deadline)


_ALL_DISTRICTS = ("608", "610", "611", "612", "613", "614", "615", "616", "617", "618")
_SAFE: dict[str, Any] = {
    "units_total": 25,
    "units_registered": 25,
    "models": 1,
    "party_resolution": True,
    "security_plan": True,
    "registered": True,
    "area_criteria": True,
    "police_effective": True,
    "no_discipline": True,
}


class _BrokenRule(AuthorityRule):
    """A rule that fails when applied: evaluation reports the step, never raises."""

    def broken_by(self, award: Commendation | Award) -> bool:
        raise ValueError("broken rule")


_RULE_ARGS = ("x", None, ["prime_minister"], "—", Label(vi="x", en="x"))

CASES: list[tuple[str, Case, Case]] = [
    (
        "model.review_overdue",
        # started 2020, never reviewed: interim review due by the end of 2021
        lambda: evaluate(report(models=[_model(start="2020")]), as_of=AS_OF),
        # reviewed in 2021: the final review is not due before 2025
        lambda: evaluate(
            report(models=[_model(start="2020", reviews=[{"kind": "interim", "date": "2021"}])]),
            as_of=AS_OF,
        ),
    ),
    (
        "model.inactive",
        lambda: evaluate(report(models=[_model(status="inactive")]), as_of=AS_OF),
        lambda: evaluate(report(models=[_model(status="dissolved")]), as_of=AS_OF),
    ),
    (
        "programme.review_due",
        # a ten-year programme from 1/3/2014 ends 1/3/2024: due on 15/1/2024
        lambda: evaluate(report(programmes=[_programme()]), as_of=AS_OF),
        lambda: evaluate(report(programmes=[_programme()]), as_of=date(2023, 6, 1)),
    ),
    (
        "programme.review_overdue",
        lambda: evaluate(report(programmes=[_programme()]), as_of=date(2024, 6, 2)),
        lambda: evaluate(
            report(
                programmes=[
                    _programme(reviews=[{"kind": "final", "span": "2014/2024", "held": "2024-03"}])
                ]
            ),
            as_of=date(2024, 6, 2),
        ),
    ),
    (
        "commendation.authority",
        lambda: evaluate(
            report(
                commendations=[_award("minister_of_public_security", "certificate_of_commendation")]
            ),
            as_of=AS_OF,
        ),
        lambda: evaluate(
            report(
                commendations=[_award("provincial_police_director", "certificate_of_commendation")]
            ),
            as_of=AS_OF,
        ),
    ),
    (
        "commendation.issuer_ended",
        # the district police ended on 1 March 2025
        lambda: evaluate(
            _r2025(
                commendations=[
                    _award("district_police_chief", "certificate_of_commendation")
                    | {"date": "2025-04"}
                ]
            ),
            as_of=date(2026, 1, 15),
        ),
        lambda: evaluate(
            _r2025(
                commendations=[
                    _award("district_police_chief", "certificate_of_commendation")
                    | {"date": "2025-02"}
                ]
            ),
            as_of=date(2026, 1, 15),
        ),
    ),
    (
        "commendation.internal_form",
        lambda: evaluate(
            report(commendations=[_award("provincial_fatherland_front_chair")]), as_of=AS_OF
        ),
        lambda: evaluate(
            report(commendations=[_award("provincial_people_committee_chair")]), as_of=AS_OF
        ),
    ),
    (
        "commendation.mixed_status",
        lambda: evaluate(
            report(
                observations=[
                    fig("commendations.recipients", 3, "recipient", form="certificate_of_merit")
                ]
            ),
            as_of=AS_OF,
        ),
        lambda: evaluate(
            report(
                observations=[
                    fig(
                        "commendations.recipients",
                        3,
                        "recipient",
                        form="certificate_of_merit",
                        status="conferred",
                    )
                ]
            ),
            as_of=AS_OF,
        ),
    ),
    (
        "legal.force_type_ended",
        # a 2025 report still counting bảo vệ dân phố (ended 30/6/2024 by Law 30/2023/QH15)
        lambda: evaluate(
            _r2025(
                fig("forces.civil_guards", 32, "person", period="2025", place="51"),
                forces=[_force("civil_guard", date(2025, 12, 31))],
            ),
            as_of=date(2026, 1, 15),
        ),
        lambda: evaluate(
            report(forces=[{**_force("civil_guard", date(2023, 12, 31)), "place": "62"}]),
            as_of=AS_OF,
        ),
    ),
    (
        "legal.force_type_not_yet",
        lambda: evaluate(
            report(observations=[fig("forces.grassroots_security_members", 500, "person")]),
            as_of=AS_OF,
        ),
        lambda: evaluate(
            _r2024(fig("forces.grassroots_security_members", 500, "person", period="2024")),
            as_of=date(2025, 1, 15),
        ),
    ),
    (
        "legal.district_after_reform",
        lambda: evaluate(
            _r2025(fig("admin.units", 9, "unit", period="2025", place="51", unit_kind="district")),
            as_of=date(2026, 1, 15),
        ),
        lambda: evaluate(
            _r2024(fig("admin.units", 9, "unit", period="2024", unit_kind="district")),
            as_of=date(2025, 1, 15),
        ),
    ),
    (
        "legal.township_after_reform",
        lambda: evaluate(
            _r2025(fig("tips.received", 5, "tip", period="2025", place="23527@2025-06-30")),
            as_of=date(2026, 1, 15),
        ),
        lambda: evaluate(
            _r2024(fig("tips.received", 5, "tip", period="2024", place="23527@2025-06-30")),
            as_of=date(2025, 1, 15),
        ),
    ),
    (
        "legal.replication_district_scope",
        lambda: evaluate(
            _r2025(
                fig("models.replicated", 2, "model", period="2025", place="51", scope="district")
            ),
            as_of=date(2026, 1, 15),
        ),
        lambda: evaluate(
            _r2024(fig("models.replicated", 2, "model", period="2024", scope="district")),
            as_of=date(2025, 1, 15),
        ),
    ),
    (
        "legal.province_gone",
        # Kon Tum merged into Quảng Ngãi (Resolution 202/2025/QH15) on 1/7/2025
        lambda: evaluate(report("2025", date(2025, 12, 31)), as_of=date(2026, 1, 15)),
        lambda: evaluate(report("2025S1", date(2025, 6, 30)), as_of=date(2025, 7, 15)),
    ),
    (
        "legal.place_gone",
        lambda: evaluate(
            _r2025(fig("tips.received", 5, "tip", period="2025", place="23530@2025-06-30")),
            as_of=date(2026, 1, 15),
        ),
        lambda: evaluate(
            _r2024(fig("tips.received", 5, "tip", period="2024", place="23530@2025-06-30")),
            as_of=date(2025, 1, 15),
        ),
    ),
    (
        "completeness.missing",
        lambda: evaluate(
            report(), as_of=AS_OF, submissions=_district_subs({"616": date(2024, 1, 5)})
        ),
        lambda: evaluate(
            report(),
            as_of=AS_OF,
            submissions=_district_subs(dict.fromkeys(_ALL_DISTRICTS, date(2024, 1, 5))),
        ),
    ),
    (
        "completeness.late",
        lambda: evaluate(
            report(), as_of=AS_OF, submissions=_district_subs({"616": date(2024, 1, 12)})
        ),
        lambda: evaluate(
            report(), as_of=AS_OF, submissions=_district_subs({"616": date(2024, 1, 10)})
        ),
    ),
    (
        "completeness.unexpected",
        lambda: evaluate(
            report(), as_of=AS_OF, submissions=_district_subs({"51": date(2024, 1, 5)})
        ),
        lambda: evaluate(
            report(), as_of=AS_OF, submissions=_district_subs({"616": date(2024, 1, 5)})
        ),
    ),
    (
        "target.missed",
        lambda: evaluate(
            report(observations=[fig("tips.received", 726, "tip")]),
            as_of=AS_OF,
            targets=[Target("tips.received", 800)],
        ),
        lambda: evaluate(
            report(observations=[fig("tips.received", 726, "tip")]),
            as_of=AS_OF,
            targets=[Target("tips.received", 700)],
        ),
    ),
    (
        "target.undetermined",
        # "hơn 145.410" against 150.000: a lower bound cannot decide
        lambda: evaluate(
            report(
                observations=[
                    fig(
                        "mobilisation.launch_participants",
                        145410,
                        "participation",
                        qualifier="at_least",
                    )
                ]
            ),
            as_of=AS_OF,
            targets=[Target("mobilisation.launch_participants", 150000)],
        ),
        # ... but against 140.000 the lower bound already meets it
        lambda: evaluate(
            report(
                observations=[
                    fig(
                        "mobilisation.launch_participants",
                        145410,
                        "participation",
                        qualifier="at_least",
                    )
                ]
            ),
            as_of=AS_OF,
            targets=[Target("mobilisation.launch_participants", 140000)],
        ),
    ),
    (
        "safety_standard.not_met",
        # 16 of 25 = 64%: needs ceil(0.7 × 25) = 18 (the TT 23/2012 worked example)
        lambda: evaluate(
            report(), as_of=AS_OF, safety=CommuneSafetyFacts(**_SAFE, units_recognised=16)
        ),
        lambda: evaluate(
            report(), as_of=AS_OF, safety=CommuneSafetyFacts(**_SAFE, units_recognised=18)
        ),
    ),
    (
        "comparison.not_comparable",
        lambda: evaluate(report(), as_of=AS_OF, previous=report("2023S1")),
        lambda: evaluate(report(), as_of=AS_OF, previous=report("2022")),
    ),
    (
        "completeness.undetermined",
        # Kon Tum no longer exists at the end of 2025: its districts cannot be listed
        lambda: evaluate(
            report("2025", date(2025, 12, 31)),
            as_of=date(2026, 1, 15),
            submissions=_district_subs({}, date(2026, 1, 10)),
        ),
        lambda: evaluate(report(), as_of=AS_OF, submissions=_district_subs({})),
    ),
    (
        "evaluation.step_failed",
        lambda: evaluate(
            report(commendations=[_award("prime_minister")]),
            as_of=AS_OF,
            config=EvaluationConfig(authority_rules=[_BrokenRule(*_RULE_ARGS)]),
        ),
        lambda: evaluate(report(commendations=[_award("prime_minister")]), as_of=AS_OF),
    ),
    (
        "safety_standard.undetermined",
        lambda: evaluate(
            report(),
            as_of=AS_OF,
            config=EvaluationConfig(safety_extra_criteria=["no_disciplined_member"]),
            safety=CommuneSafetyFacts(**_SAFE, units_recognised=18),
        ),
        lambda: evaluate(
            report(),
            as_of=AS_OF,
            config=EvaluationConfig(safety_extra_criteria=["no_disciplined_member"]),
            safety=CommuneSafetyFacts(
                **_SAFE, units_recognised=18, other={"no_disciplined_member": True}
            ),
        ),
    ),
]


def test_every_evaluation_code_has_a_case() -> None:
    assert sorted(code for code, _, _ in CASES) == sorted(c.value for c in EvaluationCode)


@pytest.mark.parametrize(("code", "yes", "no"), CASES, ids=[c[0] for c in CASES])
def test_code_is_triggered(code: str, yes: Case, no: Case) -> None:
    found = yes().findings
    assert code in found.codes
    assert all(f.code in EVALUATION_CODES for f in found)


@pytest.mark.parametrize(("code", "yes", "no"), CASES, ids=[c[0] for c in CASES])
def test_code_is_not_triggered(code: str, yes: Case, no: Case) -> None:
    assert code not in no().findings.codes


def test_model_final_review_overdue_names_the_final_review() -> None:
    ev = evaluate(
        report(models=[_model(start="2015", reviews=[{"kind": "interim", "date": "2016"}])]),
        as_of=AS_OF,
    )
    (finding,) = ev.findings.by_code("model.review_overdue")
    assert "tổng kết" in finding.message.vi
    assert "final review" in finding.message.en


def test_model_review_periods_are_configuration() -> None:
    r = report(models=[_model(start="2020")])
    assert "model.review_overdue" in evaluate(r, as_of=AS_OF).findings.codes
    cfg = EvaluationConfig(model_interim_review_years=5)
    assert "model.review_overdue" not in evaluate(r, as_of=AS_OF, config=cfg).findings.codes


def test_legal_findings_name_the_instrument() -> None:
    ev = evaluate(report("2025", date(2025, 12, 31)), as_of=date(2026, 1, 15))
    (gone,) = ev.findings.by_code("legal.province_gone")
    assert gone.legal_basis == "Nghị quyết 202/2025/QH15"
    assert "Tỉnh Quảng Ngãi" in gone.message.vi
    ended = evaluate(
        _r2025(forces=[_force("semi_professional_commune_police", date(2025, 12, 31))]),
        as_of=date(2026, 1, 15),
    ).findings.by_code("legal.force_type_ended")
    assert ended[0].legal_basis == "30/2023/QH15"


# -- scorecard arithmetic ----------------------------------------------------------------
def _card(
    value: int,
    target: Target,
    qualifier: str = "exact",
    code: str = "tips.received",
    unit: str = "tip",
) -> Any:
    r = report(observations=[fig(code, value, unit, qualifier=qualifier)])
    return evaluate(r, as_of=AS_OF, targets=[target]).scorecard.cell(code, target.dims)


def test_achievement_without_baseline_is_value_over_target() -> None:
    cell = _card(726, Target("tips.received", 800))
    assert (cell.achievement, cell.met) == (Fraction(726, 800), False)


def test_achievement_with_baseline() -> None:
    # from 600 to a target of 800, 726 achieves (726 - 600) / (800 - 600)
    cell = _card(726, Target("tips.received", 800, baseline=600))
    assert cell.achievement == Fraction(126, 200)


def test_lower_is_better_achievement_and_met() -> None:
    met = _card(40, Target("crime.cases_occurred", 50), code="crime.cases_occurred", unit="case")
    assert (met.achievement, met.met) == (Fraction(50, 40), True)
    missed = _card(60, Target("crime.cases_occurred", 50), code="crime.cases_occurred", unit="case")
    assert (missed.achievement, missed.met) == (Fraction(50, 60), False)
    # with a baseline of 80 and a target of 50, 60 goes two thirds of the way
    based = _card(
        60,
        Target("crime.cases_occurred", 50, baseline=80),
        code="crime.cases_occurred",
        unit="case",
    )
    assert based.achievement == Fraction(2, 3)


def test_bound_against_target_is_a_bound() -> None:
    cell = _card(
        145410,
        Target("mobilisation.launch_participants", 150000),
        "at_least",
        "mobilisation.launch_participants",
        "participation",
    )
    assert cell.achievement is None
    assert cell.met is None
    assert cell.achievement_low == Fraction(145410, 150000)
    assert cell.achievement_high is None
    assert cell.note is not None
    assert "bound" in cell.note.en


def test_target_for_a_ratio_uses_the_recomputed_parts() -> None:
    r = report(observations=[fig("tips.received", 726, "tip"), fig("tips.valuable", 655, "tip")])
    cell = evaluate(r, as_of=AS_OF, targets=[Target("tips.valuable_rate", 92)]).scorecard.cell(
        "tips.valuable_rate"
    )
    assert cell.achievement == Fraction(65500, 726) / 92


@given(
    value=st.integers(0, 10_000),
    target=st.integers(1, 10_000),
    direction=st.sampled_from(["higher_is_better", "lower_is_better"]),
)
def test_met_agrees_with_direction(value: int, target: int, direction: str) -> None:
    cell = _card(value, Target("tips.received", target, direction=direction))
    expected = value >= target if direction == "higher_is_better" else value <= target
    assert cell.met is expected


# -- bad inputs ------------------------------------------------------------------------
BAD: list[tuple[Callable[[], object], type[Exception], str]] = [
    # a float target
    (lambda: Target("tips.received", 1.5), AntqTypeError, "target"),
    # a negative review period
    (
        lambda: EvaluationConfig(model_final_review_years=-1),
        InvariantError,
        "model_final_review_years",
    ),
    # a share of recognised units above 1
    (
        lambda: EvaluationConfig(safety_recognised_share=Fraction(3, 2)),
        InvariantError,
        "safety_recognised_share",
    ),
    # more recognised units than registered ones
    (
        lambda: CommuneSafetyFacts(units_total=5, units_registered=4, units_recognised=5, models=1),
        InvariantError,
        "units_recognised",
    ),
    # more registered units than units
    (
        lambda: CommuneSafetyFacts(units_total=5, units_registered=6, units_recognised=0, models=1),
        InvariantError,
        "units_registered",
    ),
    # a negative count of models
    (
        lambda: CommuneSafetyFacts(
            units_total=5, units_registered=5, units_recognised=5, models=-1
        ),
        InvariantError,
        "models",
    ),
    # two grades with the same threshold
    (lambda: ClassificationThresholds({"good": 70, "excellent": 70}), InvariantError, "levels"),
    # no grade at all
    (lambda: ClassificationThresholds({}), InvariantError, "levels"),
    # points above the criterion's maximum
    (lambda: ScoreItem("propaganda", 4, 3), InvariantError, "points"),
    # a submission date that is not a date
    (
        lambda: Submissions(level="district", received={"616": "2024-01-05"}),
        AntqTypeError,
        "received",
    ),
    # a target for an indicator the catalogue does not have
    (
        lambda: evaluate(report(), as_of=AS_OF, targets=[Target("local.nothing", 1)]),
        UnknownCodeError,
        "targets",
    ),
    # not a report
    (lambda: evaluate("report", as_of=AS_OF), AntqTypeError, "report"),  # type: ignore[arg-type]
]


@pytest.mark.parametrize(("make", "error", "field"), BAD)
def test_bad_inputs(make: Callable[[], object], error: type[Exception], field: str) -> None:
    with pytest.raises(error) as err:
        make()
    assert getattr(err.value, "field", None) == field


# -- the standard, the classification, completeness -------------------------------------
@given(total=st.integers(0, 5_000), data=st.data())
def test_recognition_needs_ceil_of_seventy_percent(total: int, data: st.DataObject) -> None:
    recognised = data.draw(st.integers(0, total))
    facts = CommuneSafetyFacts(
        units_total=total, units_registered=total, units_recognised=recognised, models=1
    )
    crit = {c.code: c for c in assess_safety_standard(facts).criteria}
    # exactly: recognised / total >= 7/10, with integers
    assert crit["recognition"].met is (10 * recognised >= 7 * total)


def test_safety_standard_names_every_unmet_criterion() -> None:
    facts = CommuneSafetyFacts(units_total=10, units_registered=9, units_recognised=6, models=0)
    a = assess_safety_standard(facts)
    assert a.met is False
    assert [c.code for c in a.unmet] == ["models", "registration", "recognition"]


def test_classification_requires_thresholds_and_picks_highest_grade() -> None:
    t = ClassificationThresholds({"excellent": 90, "good": 70, "average": 50})
    assert classify_movement({"a": 90}, t).grade == MovementGrade.EXCELLENT
    half: dict[str, int | Fraction] = {"a": 69, "b": Fraction(1, 2)}
    assert classify_movement(half, t).grade == MovementGrade.AVERAGE
    assert classify_movement({"a": 49}, t).grade is None
    with pytest.raises(TypeError):
        classify_movement({"a": 90})  # type: ignore[call-arg]


def test_completeness_rate_is_capped_and_explained() -> None:
    received = {**dict.fromkeys(_ALL_DISTRICTS, date(2024, 1, 5)), "51": date(2024, 1, 5)}
    ev = evaluate(report(), as_of=AS_OF, submissions=_district_subs(received))
    c = ev.completeness
    assert c is not None
    assert c.rate.value == 100
    assert c.unexpected == ("51",)
    assert c.note is not None
    assert "capped" in c.note.en


def test_completeness_before_the_deadline_is_pending() -> None:
    ev = evaluate(
        report(), as_of=date(2024, 1, 5), submissions=_district_subs({"616": date(2024, 1, 5)})
    )
    c = ev.completeness
    assert c is not None
    assert c.missing == ()
    assert len(c.pending) == 9
    assert "completeness.missing" not in ev.findings.codes


# -- authority rules as data --------------------------------------------------------------
def test_authority_rules_carry_legal_bases() -> None:
    for rule in AUTHORITY_RULES:
        assert ("06/2022/QH15" in rule.legal_basis) is (rule.valid_to is None)
        assert ("2003" in rule.legal_basis) is (rule.valid_to is not None)
    household = Commendation(
        form="certificate_of_merit",
        issuer="provincial_fatherland_front_chair",
        recipient_kind="household",
        count=1,
        status="conferred",
    )
    assert [r.id for r in check_authority(household)] == ["household_state_only"]


# -- never raises on a bad report -----------------------------------------------------------
@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(r=reports(max_observations=6, max_records=2))
def test_evaluate_never_raises_on_a_valid_report(r: MovementReport) -> None:
    before = r.model_dump()
    ev = evaluate(r, as_of=r.as_of)
    assert isinstance(ev.render("vi"), str)
    assert r.model_dump() == before  # law 8: no mutation
