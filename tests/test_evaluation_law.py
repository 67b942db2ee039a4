"""Issue 16: evaluation an official would sign — the law in force on the day, like with like.

Each case of the issue's "Why" is a test here; each failed before the change
that made it pass (see the closing note of the evaluation engineer).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import pytest

from antq_domain.analysis.evaluation import (
    CommuneSafetyFacts,
    EvaluationConfig,
    Submissions,
    assess_safety_standard,
    evaluate,
    safety_window,
)
from antq_domain.records.report import MovementReport
from antq_domain.values.quantity import Quantity

AS_OF = date(2024, 1, 15)


def report(
    period: str = "2023", as_of: date = date(2023, 12, 31), place: str = "62", **records: Any
) -> MovementReport:
    return MovementReport(issuer="x", place=place, period=period, as_of=as_of, **records)


def _model(**kw: Any) -> dict[str, Any]:
    base = {
        "id": "m",
        "name": "Tổ an ninh tự quản",
        "kind": "self_managed_security_team",
        "owner": "police",
        "place": "62",
    }
    return {**base, **kw}


# -- comparability of "previous" ------------------------------------------------------------
def _tips(place: str, period: str, n: int) -> dict[str, Any]:
    return {
        "indicator": "tips.received",
        "place": place,
        "period": period,
        "value": Quantity(n, "tip"),
    }


def _side(place: str, period: str, n: int, as_of: date) -> MovementReport:
    return report(period, as_of, place, observations=[_tips(place, period, n)])


def test_quang_ngai_2026_against_kon_tum_2024_gives_no_change_and_offers_restatement() -> None:
    cur = _side("51", "2026", 1500, date(2026, 12, 31))
    prev = _side("62", "2024", 726, date(2024, 12, 31))
    ev = evaluate(cur, as_of=date(2027, 1, 15), previous=prev)
    cell = ev.scorecard.cell("tips.received")
    assert cell.previous == Quantity(726, "tip")
    assert cell.change is None
    assert cell.relative is None
    assert "%" not in cell.render("vi").split("|", 2)[-1]
    (finding,) = ev.findings.by_code("comparison.not_comparable")
    assert "Tỉnh Kon Tum (62)" in finding.message.vi
    assert "restate" in finding.message.en
    assert 'view="restated"' in finding.message.en


def test_a_year_against_a_half_year_is_not_compared() -> None:
    ev = evaluate(
        _side("62", "2023", 726, date(2023, 12, 31)),
        as_of=AS_OF,
        previous=_side("62", "2023S1", 300, date(2023, 6, 30)),
    )
    cell = ev.scorecard.cell("tips.received")
    assert cell.change is None
    assert cell.relative is None
    (finding,) = ev.findings.by_code("comparison.not_comparable")
    assert "half-year" in finding.message.en


def test_a_province_against_one_of_its_districts_is_not_compared() -> None:
    ev = evaluate(
        _side("62", "2023", 726, date(2023, 12, 31)),
        as_of=AS_OF,
        previous=_side("616", "2022", 80, date(2022, 12, 31)),
    )
    assert ev.scorecard.cell("tips.received").change is None
    (finding,) = ev.findings.by_code("comparison.not_comparable")
    assert "district level" in finding.message.en
    assert "restate" not in finding.message.en


def test_like_with_like_still_gives_the_change() -> None:
    ev = evaluate(
        _side("62", "2023", 726, date(2023, 12, 31)),
        as_of=AS_OF,
        previous=_side("62", "2022", 680, date(2022, 12, 31)),
    )
    assert ev.scorecard.cell("tips.received").change == 46
    assert "comparison.not_comparable" not in ev.findings.codes


# -- the law in force on the award's day ------------------------------------------------------
def _award(issuer: str, form: str, day: str | None = None, **kw: Any) -> dict[str, Any]:
    out = {
        "form": form,
        "issuer": issuer,
        "recipient_kind": "collective",
        "count": 1,
        "status": "conferred",
        **kw,
    }
    if day is not None:
        out["date"] = day
    return out


def test_a_2023_award_is_judged_by_the_2003_law_and_a_2024_award_by_law_06_2022() -> None:
    wrong = _award("minister_of_public_security", "certificate_of_commendation")
    old = evaluate(report(commendations=[wrong]), as_of=AS_OF).findings
    (f_old,) = old.by_code("commendation.authority")
    assert "2003" in str(f_old.legal_basis)
    assert "91/2017/NĐ-CP" in str(f_old.legal_basis)
    assert "06/2022" not in str(f_old.legal_basis)
    new = evaluate(
        report("2024", date(2024, 12, 31), commendations=[wrong]), as_of=date(2025, 1, 15)
    ).findings
    (f_new,) = new.by_code("commendation.authority")
    assert "06/2022/QH15, Điều 80" in str(f_new.legal_basis)
    assert "98/2023/NĐ-CP" in str(f_new.legal_basis)
    # the award's own date wins over the report's period
    dated = evaluate(
        report("2024", date(2024, 12, 31), commendations=[{**wrong, "date": "2023-11-20"}]),
        as_of=date(2025, 1, 15),
    ).findings.by_code("commendation.authority")
    assert "2003" in str(dated[0].legal_basis)


def test_a_household_rule_is_not_applied_before_law_06_2022() -> None:
    # Law 06/2022 Art. 2 (households) is confirmed; no such rule of the 2003 law is.
    front = _award("provincial_fatherland_front_chair", "certificate_of_merit",
                   recipient_kind="household")  # fmt: skip
    before = evaluate(report(commendations=[front]), as_of=AS_OF).findings
    assert "commendation.authority" not in before.codes
    after = evaluate(
        report("2024", date(2024, 12, 31), commendations=[front]), as_of=date(2025, 1, 15)
    ).findings
    assert [f.rule for f in after.by_code("commendation.authority")] == ["household_state_only"]


def _r2025(**records: Any) -> MovementReport:
    return report("2025", date(2025, 12, 31), "51", **records)


def test_giay_khen_of_a_district_chair_after_1_july_2025_is_flagged() -> None:
    award = _award("district_people_committee_chair", "certificate_of_commendation", "2025-09")
    found = evaluate(_r2025(commendations=[award]), as_of=date(2026, 1, 15)).findings
    (finding,) = found.by_code("commendation.issuer_ended")
    assert "1 July 2025" in finding.message.en
    assert "72/2025/QH15" in str(finding.legal_basis)
    before = _award("district_people_committee_chair", "certificate_of_commendation", "2025-06")
    ok = evaluate(_r2025(commendations=[before]), as_of=date(2026, 1, 15)).findings
    assert "commendation.issuer_ended" not in ok.codes


def test_giay_khen_of_a_district_police_chief_in_april_2025_is_flagged() -> None:
    award = _award("district_police_chief", "certificate_of_commendation", "2025-04")
    found = evaluate(_r2025(commendations=[award]), as_of=date(2026, 1, 15)).findings
    assert "commendation.issuer_ended" in found.codes
    # a whole-year date may fall before 1 March: nothing is certain, nothing is said
    year = _award("district_police_chief", "certificate_of_commendation", "2025")
    unsure = evaluate(_r2025(commendations=[year]), as_of=date(2026, 1, 15)).findings
    assert "commendation.issuer_ended" not in unsure.codes


def _award_figure(period: str, place: str = "62", **dims: str) -> dict[str, Any]:
    return {
        "indicator": "commendations.recipients",
        "place": place,
        "period": period,
        "value": Quantity(2, "recipient"),
        "dims": dims,
    }


def test_a_bang_khen_of_the_police_director_stated_as_a_figure_is_checked() -> None:
    fig = _award_figure(
        "2024",
        form="certificate_of_merit",
        issuer="provincial_police_director",
        recipient_kind="individual",
        status="conferred",
    )
    r = report("2024", date(2024, 12, 31), observations=[fig])
    (finding,) = evaluate(r, as_of=date(2025, 1, 15)).findings.by_code("commendation.authority")
    assert finding.rule == "bang_khen"
    assert "2 individuals" in finding.message.en
    assert [i.path for i in finding.involved] == ["observations.0"]


def test_a_district_chair_figure_for_the_second_half_of_2025_is_flagged() -> None:
    fig = _award_figure(
        "2025S2",
        place="51",
        form="certificate_of_commendation",
        issuer="district_people_committee_chair",
        status="conferred",
    )
    r = _r2025(observations=[fig])
    assert "commendation.issuer_ended" in evaluate(r, as_of=date(2026, 1, 15)).findings.codes


# -- TT 124 Art. 5: every criterion true, false or unknown -------------------------------
_ALL_TRUE: dict[str, Any] = {
    "party_resolution": True,
    "security_plan": True,
    "registered": True,
    "models": 1,
    "area_criteria": True,
    "police_effective": True,
    "no_discipline": True,
    "units_total": 25,
    "units_registered": 25,
    "units_recognised": 18,
}


def test_counts_and_a_model_alone_do_not_make_the_standard_met() -> None:
    # Why: "Given only the counts and a model, `met` is True."
    a = assess_safety_standard(
        CommuneSafetyFacts(units_total=25, units_registered=25, units_recognised=18, models=1)
    )
    assert a.met is None
    assert {c.code for c in a.unknown} == {
        "party_resolution",
        "security_plan",
        "registered",
        "area_criteria",
        "police_effective",
        "no_discipline",
    }
    facts = CommuneSafetyFacts(units_total=25, units_registered=25, units_recognised=18, models=1)
    ev = evaluate(report(), as_of=AS_OF, safety=facts)
    (finding,) = ev.findings.by_code("safety_standard.undetermined")
    assert "no individual disciplined" in finding.message.en
    assert "không có cá nhân bị xử lý kỷ luật" in finding.message.vi


def test_met_only_when_every_criterion_is_true() -> None:
    assert assess_safety_standard(CommuneSafetyFacts(**_ALL_TRUE)).met is True


@pytest.mark.parametrize("name", [k for k, v in _ALL_TRUE.items() if v is True])
def test_any_false_criterion_is_not_met_even_with_unknowns(name: str) -> None:
    facts = {**_ALL_TRUE, name: False, "units_recognised": None}
    a = assess_safety_standard(CommuneSafetyFacts(**facts))
    assert a.met is False
    assert [c.code for c in a.unmet] == [name]
    assert [c.code for c in a.unknown] == ["recognition"]


def test_commune_police_discipline_is_a_criterion() -> None:
    a = assess_safety_standard(CommuneSafetyFacts(**{**_ALL_TRUE, "no_discipline": False}))
    (unmet,) = a.unmet
    assert unmet.legal_basis == "Thông tư 124/2021/TT-BCA, Điều 5 khoản 3"


def test_assessment_windows_of_art_8_2() -> None:
    assert (safety_window(2023).start, safety_window(2023).end) == (
        date(2022, 11, 16),
        date(2023, 11, 15),
    )
    area = safety_window(2023, "residential_area")
    assert (area.start, area.end) == (date(2022, 11, 1), date(2023, 10, 31))
    a = assess_safety_standard(CommuneSafetyFacts(year=2023, **_ALL_TRUE))
    assert a.window == safety_window(2023)
    assert a.standard == "124/2021/TT-BCA"


def test_before_10_february_2022_the_commune_is_judged_by_tt_23_2012() -> None:
    # TT 23/2012 Art. 6: police and civil guards "Đơn vị tiên tiến", no one disciplined
    # with a warning or more, 70% of residential areas recognised (16 of 25 fails).
    facts = CommuneSafetyFacts(
        year=2021,
        party_resolution=True,
        security_plan=True,
        registered=True,
        area_criteria=True,
        advanced_unit=True,
        no_discipline=True,
        units_total=25,
        units_recognised=16,
    )
    a = assess_safety_standard(facts)
    assert a.standard == "23/2012/TT-BCA"
    assert [c.code for c in a.unmet] == ["recognition"]
    assert "residential areas" in a.unmet[0].label.en
    ok = assess_safety_standard(attrs.evolve(facts, units_recognised=18))
    assert ok.met is True
    # TT 124's own criteria (models, police effectiveness) are not asked under TT 23
    assert "models" not in {c.code for c in ok.criteria}


# -- the smaller defects -------------------------------------------------------------------
def test_completeness_does_not_count_submissions_dated_after_as_of() -> None:
    subs = Submissions(
        level="district",
        received={"616": date(2024, 1, 5), "613": date(2024, 2, 1)},
        deadline=date(2024, 1, 10),
    )
    ev = evaluate(report(), as_of=AS_OF, submissions=subs)
    c = ev.completeness
    assert c is not None
    assert c.reported == ("616",)
    assert "613" in c.missing
    assert c.after_as_of == (("613", date(2024, 2, 1)),)
    assert c.rate.format("en") == "10.0% (1/10)"


def test_overdue_model_does_not_cite_hd_22_for_assumed_periods() -> None:
    ev = evaluate(report(models=[_model(start="2020")]), as_of=AS_OF)
    (finding,) = ev.findings.by_code("model.review_overdue")
    assert finding.legal_basis is None
    assert "assumption" in finding.message.en
    cited = evaluate(
        report(models=[_model(start="2020")]),
        as_of=AS_OF,
        config=EvaluationConfig(model_review_basis="QĐ 514/QĐ-UBND"),
    ).findings.by_code("model.review_overdue")[0]
    assert "514" in str(cited.legal_basis)


def test_a_review_held_in_a_year_is_not_held_on_its_first_day() -> None:
    # started 2021, interim review "2023": on 1 June 2023 it may not have happened yet
    m = _model(start="2021", reviews=[{"kind": "interim", "date": "2023"}])
    early = evaluate(report(models=[m]), as_of=date(2023, 6, 1)).findings
    assert "model.review_overdue" in early.codes
    assert "may fall after" in early.by_code("model.review_overdue")[0].message.en
    late = evaluate(report(models=[m]), as_of=date(2024, 1, 15)).findings
    assert "model.review_overdue" not in late.codes


def test_completeness_failure_has_its_own_code() -> None:
    ev = evaluate(
        report("2025", date(2025, 12, 31)),
        as_of=date(2026, 1, 15),
        submissions=Submissions(level="district", received={}, deadline=date(2026, 1, 10)),
    )
    assert "completeness.undetermined" in ev.findings.codes
    assert "rule.invalid" not in ev.findings.codes


def test_english_counts_agree_in_number() -> None:
    assert Quantity(1, "recipient").format("en") == "1 recipient"
    award = {
        "form": "certificate_of_merit",
        "issuer": "commune_people_committee_chair",
        "recipient_kind": "individual",
        "count": 2,
        "status": "conferred",
    }
    ev = evaluate(report(commendations=[award]), as_of=AS_OF)
    (finding,) = ev.findings.by_code("commendation.authority")
    assert "2 individuals" in finding.message.en
    assert "2 individual " not in finding.message.en


def test_compare_checks_period_kind_per_figure() -> None:
    from antq_domain.analysis.comparison import compare
    from antq_domain.records.observation import Observation

    year = Observation(**_tips("62", "2023", 726))
    half = Observation(**_tips("62", "2023S1", 300))
    (ch,) = compare([year], [half]).changes
    assert ch.delta is None
    assert ch.relative is None
    assert ch.reason is not None
    assert "not comparable" in ch.reason


def test_compare_checks_the_reports_places_and_offers_the_restatement() -> None:
    from antq_domain.analysis.comparison import compare

    c = compare(
        _side("51", "2026", 1500, date(2026, 12, 31)), _side("62", "2024", 726, date(2024, 12, 31))
    )
    assert c.comparability is not None
    assert not c.comparability.comparable
    assert c.comparability.restatement is not None
    assert all(ch.delta is None for ch in c.changes)


# -- strict and inclusive bounds ------------------------------------------------------------
def _figure(indicator: str, amount: int, unit: str, qualifier: str) -> dict[str, Any]:
    return {
        "indicator": indicator,
        "place": "62",
        "period": "2023",
        "value": Quantity(amount, unit, qualifier),
    }


def _target_met(amount: int, qualifier: str, target: int, direction: str) -> bool | None:
    from antq_domain.analysis.evaluation import Target

    r = report(observations=[_figure("crime.cases_occurred", amount, "case", qualifier)])
    ev = evaluate(
        r, as_of=AS_OF, targets=[Target("crime.cases_occurred", target, direction=direction)]
    )
    return ev.scorecard.cell("crime.cases_occurred").met


def test_hon_100_against_a_ceiling_of_100_is_missed() -> None:
    # "hơn 100 vụ": more than 100 cases, against at most 100
    assert _target_met(100, "more_than", 100, "lower_is_better") is False
    # "ít nhất 100 vụ" may be exactly 100: undecided
    assert _target_met(100, "at_least", 100, "lower_is_better") is None


def test_gan_150000_against_150000_is_missed() -> None:
    # "gần 150.000": less than 150.000, against at least 150.000
    assert _target_met(150000, "less_than", 150000, "higher_is_better") is False
    assert _target_met(150000, "at_most", 150000, "higher_is_better") is None


def test_khoang_300000_against_150000_is_met_within_the_tolerance() -> None:
    assert _target_met(300000, "approximately", 150000, "higher_is_better") is True
    # a tolerance is a parameter: with none, "khoảng" decides nothing
    from antq_domain.analysis.evaluation import Target

    r = report(observations=[_figure("crime.cases_occurred", 300000, "case", "approximately")])
    ev = evaluate(
        r,
        as_of=AS_OF,
        targets=[Target("crime.cases_occurred", 150000, direction="higher_is_better")],
        config=EvaluationConfig(approximate_tolerance=None),
    )
    assert ev.scorecard.cell("crime.cases_occurred").met is None


def test_the_words_read_strict_and_inclusive_bounds() -> None:
    from antq_domain.values.numbers import parse_number

    assert {w: parse_number(f"{w} 100").qualifier.value for w in (
        "hơn", "trên", "ít nhất", "tối thiểu", "gần", "dưới", "không quá", "tối đa"
    )} == {
        "hơn": "more_than", "trên": "more_than", "ít nhất": "at_least", "tối thiểu": "at_least",
        "gần": "less_than", "dưới": "less_than", "không quá": "at_most", "tối đa": "at_most",
    }  # fmt: skip


def test_strict_wins_in_a_sum_of_one_side() -> None:
    total = Quantity(5, "tip", "more_than") + Quantity(3, "tip", "at_least")
    assert total == Quantity(8, "tip", "more_than")
    assert (Quantity(5, "tip", "more_than") + Quantity(3, "tip", "at_most")).qualifier.value == (
        "approximately"
    )


def test_old_codes_still_load_from_json_and_tidy_rows() -> None:
    from antq_domain.io.rows import from_tidy, tidy

    old = from_tidy(
        [
            {
                "indicator": "tips.received",
                "place": "62",
                "period": "2023",
                "value": 5,
                "qualifier": "at_least",
            }
        ]
    )
    assert old[0].value == Quantity(5, "tip", "at_least")
    new = from_tidy(
        [
            {
                "indicator": "tips.received",
                "place": "62",
                "period": "2023",
                "value": 5,
                "qualifier": "more_than",
            }
        ]
    )
    assert tidy(new)[0]["qualifier"] == "more_than"
    from pydantic import TypeAdapter

    adapter = TypeAdapter(Quantity)
    q = Quantity(5, "tip", "less_than")
    assert adapter.validate_json(adapter.dump_json(q)) == q
    assert adapter.validate_python({"amount": 5, "unit": "tip", "qualifier": "at_most"}) == (
        Quantity(5, "tip", "at_most")
    )


# -- officials' Vietnamese ----------------------------------------------------------------------
def test_the_scorecard_says_tang_65_dot_so_voi_nam_2022() -> None:
    from antq_domain.io import load_report

    data = Path(__file__).resolve().parents[1] / "examples" / "data"
    ev = evaluate(
        load_report(data / "kon-tum-2023.json"),
        as_of=AS_OF,
        previous=load_report(data / "kon-tum-2022-synthetic.json"),
    )
    vi, en = ev.render("vi"), ev.render("en")
    assert "tăng 65 đợt (+5,9%) so với năm 2022" in vi
    assert "giảm 5 lượt (-20,8%) so với năm 2022" in vi
    assert "thay đổi +65" not in vi
    assert "up 65 rounds (+5.9%) on 2022" in en
    assert "(Tỉnh Kon Tum, năm 2023), tính đến 15/01/2024" in vi


def test_a_safety_finding_names_the_commune() -> None:
    facts = CommuneSafetyFacts(place="23281", **{**_ALL_TRUE, "no_discipline": False})
    (finding,) = evaluate(report(), as_of=AS_OF, safety=facts).findings.by_code(
        "safety_standard.not_met"
    )
    assert "(23281)" in finding.message.vi
    assert finding.message.vi.startswith("Phường Quang Trung (23281)")


def test_a_change_from_a_strict_bound_stays_strict() -> None:
    from antq_domain.values.change import bounded_change

    ch = bounded_change(
        Quantity(145410, "participation", "more_than").bounds(),
        Quantity(138200, "participation").bounds(),
    )
    assert (ch.low, ch.high, ch.low_open) == (Fraction(7210), None, True)
