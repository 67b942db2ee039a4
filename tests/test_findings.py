"""Findings as data, and validate(): conflicts, totals, records versus figures, the seed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq_domain.analysis.findings import (
    FINDING_CODES,
    CodeSpec,
    Finding,
    FindingCode,
    Findings,
    Ref,
    Severity,
    code_spec,
    finding_codes,
)
from antq_domain.analysis.rules import Breakdown, Rule
from antq_domain.analysis.validation import check_records, check_totals, find_conflicts, validate
from antq_domain.errors import (
    AntqTypeError,
    InvariantError,
    ParseError,
    UnknownCodeError,
)
from antq_domain.records.indicators import catalogue
from antq_domain.records.observation import Observation
from antq_domain.records.report import MovementReport
from antq_domain.values.document import DocumentRef
from antq_domain.values.label import Label
from antq_domain.values.missing import NOT_REPORTED, Value
from antq_domain.values.quantity import Quantity

MSG = Label(vi="thông điệp", en="message")


def obs(
    code: str,
    n: int | Value,
    qualifier: str = "exact",
    *,
    source: str | None = None,
    period: str = "2023",
    place: str = "62",
    **dims: str,
) -> Observation:
    unit = catalogue()[code].unit
    assert unit is not None
    value = Quantity(n, unit, qualifier) if isinstance(n, int) else n
    return Observation(
        indicator=code, place=place, period=period, value=value, dims=dims, source=source
    )


# -- findings as values -----------------------------------------------------------------
class TestFinding:
    @pytest.mark.parametrize(
        ("build", "error", "field"),
        [
            (lambda: Finding("violated", "error", MSG), ParseError, "code"),  # no dot
            (lambda: Finding("rule.Violated", "error", MSG), ParseError, "code"),  # upper
            (lambda: Finding("rule.x", "fatal", MSG), UnknownCodeError, "severity"),  # no such
            (lambda: Finding("rule.x", 1, MSG), AntqTypeError, "severity"),  # not text
            (lambda: Finding("rule.x", "error", "text"), AntqTypeError, "message"),  # not Label
            (lambda: Finding("rule.x", "error", MSG, involved=["a"]), AntqTypeError, "involved"),
            (lambda: Finding("rule.x", "error", MSG, legal_basis=""), AntqTypeError, "legal_basis"),
            (lambda: Finding("rule.x", "error", MSG, rule=" "), AntqTypeError, "rule"),
            (lambda: Finding.of("rule.unknown", MSG), UnknownCodeError, "code"),  # unregistered
            (Ref, InvariantError, "ref"),  # points at nothing
            (lambda: Ref(indicator=""), AntqTypeError, "indicator"),  # blank
            (lambda: Ref(path="x", dims=["a"]), AntqTypeError, "dims"),  # not a mapping
        ],
    )
    def test_bad_values(
        self, build: Callable[[], object], error: type[Exception], field: str
    ) -> None:
        with pytest.raises(error) as info:
            build()
        assert getattr(info.value, "field", None) == field

    def test_of_takes_the_registered_severity(self) -> None:
        assert Finding.of("conflict.values_differ", MSG).severity is Severity.ERROR
        assert Finding.of("conflict.values_differ", MSG, severity="info").severity is Severity.INFO

    def test_render_both_languages(self) -> None:
        f = Finding.of(
            "rule.violated",
            Label(vi="tin có giá trị vượt tổng số tin", en="valuable tips exceed tips"),
            involved=[Ref.cell("tips.valuable", "62", "2023", source="báo cáo")],
            legal_basis=DocumentRef.parse("09/CTr-BCA-MTTQ"),
            rule="tips.valuable_le_received",
        )
        assert f.render("vi") == (
            "lỗi rule.violated (tips.valuable_le_received): tin có giá trị vượt tổng số tin "
            "[nguồn tin có giá trị (Tỉnh Kon Tum, 2023) (báo cáo)] (căn cứ: 09/CTr-BCA-MTTQ)"
        )
        # names and labels, not codes like tips.valuable@62/2023
        assert "tips.valuable@62" not in f.render("en")
        assert str(f).startswith("error rule.violated")

    def test_codes_are_documented_in_both_languages(self) -> None:
        for code in FindingCode:
            spec = code.spec
            assert spec.code == code.value
            assert spec.label.vi
            assert spec.label.en

    def test_registry_extends_without_mutation(self) -> None:
        late = CodeSpec("report.late", "warning", Label(vi="nộp muộn", en="filed late"))
        reg = finding_codes(late)
        assert code_spec("report.late", reg) is late
        assert "report.late" not in FINDING_CODES
        assert Finding.of("report.late", MSG, registry=reg).severity is Severity.WARNING
        with pytest.raises(InvariantError) as info:
            finding_codes(late, base=reg)
        assert info.value.field == "code"


class TestRef:
    @pytest.mark.parametrize(
        ("ref", "text"),
        [
            (Ref.cell("tips.received", "62", "2023"), "tips.received@62/2023"),
            (
                Ref.cell("admin.units", "62", "2023", {"unit_kind": "township"}),
                "admin.units[unit_kind=township]@62/2023",
            ),
            (Ref.record("models.2"), "models.2"),
            (Ref(place="62"), "@62"),
            (Ref(place="62", period="2023"), "@62/2023"),
            (
                Ref.cell("tips.received", "62", "2023", path="observations.0", source="s"),
                "observations.0: tips.received@62/2023 (s)",
            ),
        ],
    )
    def test_text(self, ref: Ref, text: str) -> None:
        assert str(ref) == text
        assert repr(ref) == f"Ref({text!r})"

    def test_is_a_hashable_value(self) -> None:
        a = Ref.cell("admin.units", "62", "2023", {"unit_kind": "commune"})
        b = Ref.cell("admin.units", "62", "2023", {"unit_kind": "commune"})
        assert a == b
        assert len({a, b}) == 1


_FINDINGS = st.builds(
    Finding.of,
    st.sampled_from(sorted(FINDING_CODES)),
    st.just(MSG),
    involved=st.lists(st.sampled_from([Ref.record("models.0"), Ref(place="62")]), max_size=2),
    severity=st.sampled_from([None, "error", "warning", "info"]),
)


class TestFindings:
    @given(st.lists(_FINDINGS))
    def test_order_is_severity_then_code_whatever_the_input_order(
        self, items: list[Finding]
    ) -> None:
        """Findings are sorted: errors, warnings, info; by code within a severity."""
        fs = Findings(items)
        keys = [(f.severity.rank, f.code) for f in fs]
        assert keys == sorted(keys)
        assert Findings(reversed(items)) == fs
        assert fs.ok == (not any(f.severity is Severity.ERROR for f in items))

    @given(st.lists(_FINDINGS))
    def test_by_severity_partitions(self, items: list[Finding]) -> None:
        """The findings of each severity, together, are all the findings."""
        fs = Findings(items)
        assert sum(len(fs.by_severity(s)) for s in Severity) == len(fs)
        assert sum(fs.counts.values()) == len(fs)

    def test_helpers(self) -> None:
        fs = Findings(
            [
                Finding.of("duplicate.same_value", Label(vi="trùng", en="duplicate")),
                Finding.of("rule.invalid", Label(vi="hỏng", en="broken")),
                Finding.of("rule.violated", Label(vi="sai", en="wrong")),
            ]
        )
        assert fs.codes == ("rule.violated", "rule.invalid", "duplicate.same_value")
        assert len(fs.by_code("rule.")) == 2
        assert isinstance(fs[1:], Findings)
        assert len(fs[1:]) == 2
        assert fs.render("en").splitlines()[0] == "error rule.violated: wrong"
        assert repr(fs) == "<Findings: 1 error, 1 warning, 1 info>"
        assert repr(Findings()) == "<Findings: none>"
        assert (fs + Findings()) == fs

    def test_not_findings(self) -> None:
        with pytest.raises(AntqTypeError) as info:
            Findings(["x"])
        assert info.value.field == "findings"


# -- conflicts --------------------------------------------------------------------------
class TestConflicts:
    @pytest.mark.parametrize(
        ("values", "code"),
        [
            ([Quantity(726, "tip"), Quantity(762, "tip")], "conflict.values_differ"),
            ([Quantity(726, "tip"), Quantity(700, "tip", "at_least")], "conflict.values_overlap"),
            ([Quantity(726, "tip"), NOT_REPORTED], "conflict.status_differs"),
            ([Quantity(726, "tip"), Quantity(726, "tip")], "duplicate.same_value"),
        ],
    )
    def test_codes(self, values: list[Value], code: str) -> None:
        found = find_conflicts(
            [obs("tips.received", v, source=f"s{i}") for i, v in enumerate(values)]
        )
        assert found.codes == (code,)
        (f,) = found
        assert [r.source for r in f.involved] == ["s0", "s1"]
        assert [r.path for r in f.involved] == ["observations.0", "observations.1"]

    def test_different_cells_do_not_conflict(self) -> None:
        assert (
            len(find_conflicts([obs("tips.received", 1), obs("tips.received", 2, period="2022")]))
            == 0
        )

    def test_validate_on_a_report_with_a_conflict_finds_it(self) -> None:
        report = seed_report(extra=[obs("tips.received", 762, source="báo điện tử")])
        found = validate(report).by_code("conflict.values_differ")
        assert len(found) == 1
        assert {r.source for r in found[0].involved} == {"báo cáo BCĐ 138", "báo điện tử"}


# -- totals ---------------------------------------------------------------------------
def rec(n: int, qualifier: str = "exact", **dims: str) -> Observation:
    return obs("commendations.recipients", n, qualifier, **dims)


class TestTotals:
    @pytest.mark.parametrize(
        ("figures", "codes"),
        [
            # the parts stated so far (household missing) do not exceed the total
            (
                [rec(8), rec(3, recipient_kind="collective"), rec(5, recipient_kind="individual")],
                (),
            ),
            # they exceed it
            (
                [rec(8), rec(3, recipient_kind="collective"), rec(6, recipient_kind="individual")],
                ("total.mismatch",),
            ),
            # every part stated: they must add up
            (
                [
                    rec(9),
                    rec(3, recipient_kind="collective"),
                    rec(5, recipient_kind="individual"),
                    rec(0, recipient_kind="household"),
                ],
                ("total.mismatch",),
            ),
            (
                [
                    rec(8),
                    rec(3, recipient_kind="collective"),
                    rec(5, recipient_kind="individual"),
                    rec(0, recipient_kind="household"),
                ],
                (),
            ),
            # approximate parts: cannot decide
            (
                [
                    rec(8),
                    rec(3, "at_least", recipient_kind="collective"),
                    rec(5, recipient_kind="individual"),
                    rec(0, recipient_kind="household"),
                ],
                ("total.undetermined",),
            ),
            # no total cell: nothing to compare
            ([rec(3, recipient_kind="collective")], ()),
        ],
    )
    def test_recipients_by_kind(self, figures: list[Observation], codes: tuple[str, ...]) -> None:
        assert check_totals(figures).codes == codes

    def test_commune_level_is_the_total_of_communes_wards_townships(self) -> None:
        def units(n: int, kind: str) -> Observation:
            return obs("admin.units", n, unit_kind=kind)

        ok = [units(92, "commune_level"), units(85, "commune"), units(7, "township")]
        assert len(check_totals(ok)) == 0
        (f,) = check_totals(
            [units(90, "commune_level"), units(85, "commune"), units(7, "township")]
        )
        assert f.code == "total.mismatch"
        assert "≥ 92" in f.message.en
        assert "90" in f.message.en

    def test_custom_breakdown(self) -> None:
        b = Breakdown(
            dimension="category",
            total="all_criminal",
            parts=("drugs", "economic"),
            indicators=("crime.cases_occurred",),
        )
        figures = [
            obs("crime.cases_occurred", 10, category="all_criminal"),
            obs("crime.cases_occurred", 11, category="drugs"),
        ]
        assert check_totals(figures, [b]).codes == ("total.mismatch",)
        assert len(check_totals(figures)) == 0  # categories overlap: not a default


# -- records versus figures -------------------------------------------------------------
def award(
    issuer: str,
    kind: str,
    count: int,
    form: str = "certificate_of_merit",
    status: str = "conferred",
) -> dict[str, Any]:
    return {
        "form": form,
        "issuer": issuer,
        "recipient_kind": kind,
        "count": count,
        "status": status,
    }


SEED_AWARDS = [
    award("provincial_people_committee_chair", "collective", 3),
    award("provincial_people_committee_chair", "individual", 5),
    award("provincial_fatherland_front_chair", "collective", 1),
    award("provincial_fatherland_front_chair", "individual", 2),
    award("provincial_police_director", "collective", 6, "certificate_of_commendation"),
    award("provincial_police_director", "individual", 6, "certificate_of_commendation"),
    award("minister_of_public_security", "collective", 1, status="proposed"),
    award("minister_of_public_security", "individual", 1, status="proposed"),
]


def model(i: int, *replications: tuple[str, str]) -> dict[str, Any]:
    return {
        "id": f"m{i}",
        "name": f"Mô hình {i}",
        "kind": "security_camera",
        "owner": "police",
        "place": "62",
        "replications": [{"scope": s, "date": d} for s, d in replications],
    }


def seed_report(
    *,
    extra: list[Observation] | None = None,
    awards: list[dict[str, Any]] | None = None,
    models: list[dict[str, Any]] | None = None,
) -> MovementReport:
    src = "báo cáo BCĐ 138"
    figures = [
        obs("mobilisation.launch_campaigns", 1160, source=src),
        obs("mobilisation.launch_participants", 145410, "at_least", source=src),
        obs("tips.received", 726, source=src),
        obs("tips.valuable", 655, source=src),
        obs("tips.cases_solved", 140, source=src),
        obs("tips.suspects_arrested", 288, source=src),
        obs("models.active", 38, source=src),
        obs("models.replicated", 2, scope="national", source=src),
        obs("models.replicated", 3, scope="provincial", source=src),
        obs("admin.units", 85, unit_kind="commune", source=src),
        obs("admin.units", 7, unit_kind="township", source=src),
        obs("forces.regular_police_units", 85, unit_kind="commune", source=src),
        obs("forces.regular_police_units", 7, unit_kind="township", source=src),
        obs("forces.civil_guards", 32, source=src),
        obs("forces.semi_professional_police", 98, source=src),
        rec(23, status="conferred"),
        rec(10, status="conferred", recipient_kind="collective"),
        rec(13, status="conferred", recipient_kind="individual"),
        rec(2, status="proposed"),
        *(extra or []),
    ]
    return MovementReport(
        issuer="Ban Chỉ đạo Phòng, chống tội phạm tỉnh Kon Tum",
        place="62",
        period="2023",
        as_of=date(2023, 12, 31),
        observations=figures,
        commendations=SEED_AWARDS if awards is None else awards,
        models=[
            model(1, ("national", "2023-05")),
            model(2, ("national", "2023")),
            model(3, ("provincial", "2023-03")),
            model(4, ("provincial", "2023-09"), ("district", "2022")),
            model(5, ("provincial", "2023-11-20")),
        ]
        if models is None
        else models,
    )


class TestSeed:
    def test_seed_figures_give_no_error(self) -> None:
        found = validate(seed_report())
        assert found.ok, found.render("en")
        assert len(found) == 0, found.render("en")

    def test_commendation_records_against_figures(self) -> None:
        short = SEED_AWARDS[:-3] + SEED_AWARDS[-2:]  # drop the police director's individuals
        f, g = check_records(seed_report(awards=short))
        assert f.code == "record.mismatch"
        assert str(f.involved[0]) == (
            "observations.15: commendations.recipients[status=conferred]@62/2023"
        )
        assert [r.path for r in f.involved[1:]] == [f"commendations.{j}" for j in range(5)]
        assert "17" in f.message.en
        assert str(g.involved[0]).startswith("observations.17: commendations.recipients[recip")
        assert "7 recipients" in g.message.en

    def test_replications_against_figures(self) -> None:
        one_national = [model(1, ("national", "2023-05"))]
        (f,) = check_records(seed_report(models=one_national))
        assert f.code == "record.mismatch"
        assert "models.replicated[scope=national]" in f.message.en
        assert [r.path for r in f.involved[1:]] == ["models.0"]

    def test_an_undated_or_earlier_replication_is_not_counted(self) -> None:
        earlier = [model(1, ("national", "2021")), model(2, ("provincial", "2022-12"))]
        assert len(check_records(seed_report(models=earlier))) == 0  # no records evidence

    def test_a_partial_date_that_may_fall_inside_is_maybe(self) -> None:
        report = seed_report(
            models=[model(1, ("national", "2023")), model(2, ("national", "2023-06"))]
        )
        assert len(check_records(report)) == 0

    def test_front_central_chair_matches_its_issuer_code(self) -> None:
        awards = [award("vff_central_chair", "collective", 2)]
        figure = rec(3, issuer="central_fatherland_front_chair")
        found = check_records(seed_report(awards=awards, extra=[figure]))
        (f,) = [f for f in found if "issuer=" in str(f.involved[0])]
        assert [r.path for r in f.involved] == ["observations.19", "commendations.0"]
        assert "2 recipients" in f.message.en

    def test_validate_observations_without_a_report(self) -> None:
        assert validate(seed_report().observations).ok

    def test_validate_never_raises_on_bad_rules(self) -> None:
        bad = Rule.of("local.bad", "local.pacts <= tips.received", vi="x", en="x")
        found = validate(seed_report(), rules=[bad])
        assert found.codes == ("rule.invalid",)

    def test_not_a_report(self) -> None:
        with pytest.raises(AntqTypeError) as info:
            check_records("report")  # type: ignore[arg-type]
        assert info.value.field == "report"
        with pytest.raises(AntqTypeError) as info:
            validate(["x"])
        assert info.value.field == "observations.0"

    def test_validation_does_not_mutate_the_report(self) -> None:
        report = seed_report(extra=[obs("tips.valuable", 812, source="x")])
        before = report.model_dump_json()
        validate(report)
        assert report.model_dump_json() == before


def test_an_empty_findings_prints_something_meaningful() -> None:
    assert str(Findings()) == "No findings."
    assert Findings().text("vi") == "Không có phát hiện nào."
    assert "Không có phát hiện nào" in Findings()._repr_html_()
