"""One concept, one wording: every surface (CLI, notebook HTML, charts, evaluation) says the same.

And results read well outside a notebook: short reprs, ``str`` with names and
labels, DataFrames.
"""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import antq_domain as aq
from antq_domain.analysis.comparison import compare
from antq_domain.charts import compare_places
from antq_domain.cli import summary_text
from antq_domain.display import value_text
from antq_domain.io import from_tidy
from antq_domain.records import MovementReport, RecordGroup
from antq_domain.records._html import report_html
from antq_domain.values import NOT_REPORTED, Lang, Status, Withheld

ROOT = Path(__file__).resolve().parents[1]
KON_TUM = ROOT / "examples" / "data" / "kon-tum-2023.json"


def _report() -> MovementReport:
    rows: list[dict[str, Any]] = [
        {"indicator": "tips.received", "place": "62", "period": "2023", "value": 726},
        {"indicator": "tips.valuable", "place": "62", "period": "2023", "status": "not_reported"},
        {
            "indicator": "tips.suspects_arrested",
            "place": "62",
            "period": "2023",
            "status": "withheld",
            "reason": "mật",
        },
        {
            "indicator": "forces.clubs",
            "place": "62",
            "period": "2023",
            "value": 12,
            "dim_club_kind": "women",
        },
    ]
    return MovementReport(
        issuer="BCĐ",
        place="62",
        period="2023",
        as_of=date(2024, 1, 15),
        observations=from_tidy(rows),
    )


def _surfaces(report: MovementReport, lang: Lang) -> dict[str, str]:
    """The text of every surface that shows this report's figures."""
    ax = compare_places(report, "tips.valuable", places=["62"], lang=lang).axes[0]
    chart = "\n".join(t.get_text() for t in ax.texts)
    evaluation = aq.evaluate(report, as_of=date(2024, 1, 15))
    return {
        "cli": summary_text(report, lang),
        "html": html.unescape(report_html(report, lang).markup),
        "chart": chart,
        "scorecard": evaluation.scorecard.render(lang),
        "compare": compare(report, report).text(lang),
    }


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_not_reported_reads_the_same_everywhere(lang: Lang) -> None:
    words = Status.NOT_REPORTED.text(lang)
    for surface, text in _surfaces(_report(), lang).items():
        assert words in text, surface
    # the figure itself: one form in tables, summaries and charts alike
    shown = value_text(NOT_REPORTED, lang)
    for surface in ("cli", "html", "chart"):
        assert shown in _surfaces(_report(), lang)[surface], surface


def test_withheld_keeps_its_reason_everywhere() -> None:
    shown = value_text(Withheld("mật"), "vi")
    assert shown == "— (không công bố: mật)"
    surfaces = _surfaces(_report(), "vi")
    for surface in ("cli", "html"):
        assert shown in surfaces[surface], surface
    assert "không công bố: mật" in surfaces["scorecard"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_dimension_cell_reads_the_same_everywhere(lang: Lang) -> None:
    report = _report()
    words = report.catalogue.describe_dims("forces.clubs", {"club_kind": "women"}, lang)
    surfaces = _surfaces(report, lang)
    for surface in ("cli", "html", "compare"):
        assert words in surfaces[surface], surface


def test_record_groups_read_the_same_in_the_cli_and_the_notebook() -> None:
    report = aq.load_report(KON_TUM)
    cli, page = summary_text(report, "vi"), html.unescape(report._repr_html_())
    assert f"{len(report.campaigns)} {RecordGroup.CAMPAIGNS.text('vi')}" in cli
    assert "Đợt phát động, tuyên truyền" in page
    records_line = next(ln for ln in cli.splitlines() if ln.startswith("Hồ sơ:"))
    assert "phong trào" not in records_line  # the old CLI-only wording


def test_area_headings_read_the_same_in_the_cli_and_the_notebook() -> None:
    report = _report()
    heading = report.catalogue.area_label("tips").vi
    assert heading in summary_text(report, "vi")
    assert heading in html.unescape(report._repr_html_())


# -- readable results ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def restated() -> aq.Rollup:
    report = aq.load_report(KON_TUM)
    tips = [o for o in report.observations if o.indicator.startswith("tips.")]
    return aq.rollup(
        tips, to="province", registry=aq.registry(), as_of=date(2025, 7, 1), view="restated"
    )


def test_rollup_prints_short_and_reads_with_names(restated: aq.Rollup) -> None:
    assert len(repr(restated)) < 200
    assert repr(restated).startswith("<Rollup: 4 cells (4 incomplete)")
    text = str(restated)
    assert "Valuable tips — Tỉnh Quảng Ngãi (restated), 2023: at least 655 tips" in text
    assert "51@2025-06-30" not in text
    assert "khoảng" not in restated.text("vi")
    assert "about" not in text


def test_a_ratio_of_incomplete_sums_is_not_a_value(restated: aq.Rollup) -> None:
    vi = restated.text("vi")
    line = next(ln for ln in vi.splitlines() if "Tỷ lệ nguồn tin có giá trị" in ln)
    assert line.endswith("— (chưa đủ số liệu: 1/2 đơn vị cấp tỉnh)")
    assert "%" not in line


def test_comparison_and_change_print_short(tmp_path: Path) -> None:
    report = aq.load_report(KON_TUM)
    comparison = compare(report, report)
    assert len(repr(comparison)) < 120
    change = comparison.change("tips.received", "62")
    assert len(repr(change)) < 200
    assert (
        str(change)
        == "Security and order tips from the public (Tỉnh Kon Tum): 726 → 726: ±0 (±0.0%)"
    )


def test_evaluation_prints_short() -> None:
    evaluation = aq.evaluate(aq.load_report(KON_TUM), as_of=date(2024, 1, 15))
    shown = repr(evaluation)
    assert len(shown) < 200
    assert shown.startswith("<Evaluation of kon-tum-2023 (Tỉnh Kon Tum, 2023)")


def test_results_have_dataframes(restated: aq.Rollup) -> None:
    pytest.importorskip("pandas")
    report = aq.load_report(KON_TUM)
    evaluation = aq.evaluate(report, as_of=date(2024, 1, 15))
    frames = {
        "rollup": restated.to_pandas(),
        "comparison": compare(report, report).to_pandas(),
        "findings": evaluation.findings.to_pandas(),
        "evaluation": evaluation.to_pandas(),
    }
    for name, frame in frames.items():
        assert len(frame) > 0, name
    assert "place_name" in frames["rollup"].columns
    assert set(frames["rollup"]["place_name"]) == {"Tỉnh Quảng Ngãi (tính lại)"}
    assert "message" in frames["findings"].columns
    assert "indicator_text" in frames["evaluation"].columns


def test_two_of_ten_districts_give_no_ratio_only_what_is_missing() -> None:
    """The issue's case: a ratio of two lower bounds read "khoảng 83,9%" with 8 of 10 missing."""
    as_of = date(2023, 12, 31)
    districts = [p.code for p in aq.registry().children("62", as_of)][:2]
    obs = [
        aq.Observation(indicator=i, place=d, period="2023", value=aq.Quantity(n, "tip"))
        for d in districts
        for i, n in (("tips.received", 100), ("tips.valuable", 84))
    ]
    result = aq.rollup(obs, to="province", registry=aq.registry(), as_of=as_of)
    vi = result.text("vi")
    assert "ít nhất 200 nguồn tin (chưa đủ số liệu: 2/10 đơn vị cấp huyện)" in vi
    rate = next(ln for ln in vi.splitlines() if "Tỷ lệ nguồn tin có giá trị" in ln)
    assert rate.endswith("— (chưa đủ số liệu: 2/10 đơn vị cấp huyện)")
    assert "khoảng" not in vi
    assert "84,0%" not in vi
