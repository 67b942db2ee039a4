"""One search for computable ratios: every surface shows the same ratio cells and values.

`Catalogue.ratio_cells` decides which ratio cells a set of figures can
compute; the report (`ratio`, `ratio_cells`, `str`, the notebook view), the
CLI summary, the scorecard and `rollup(...).ratios` all use it, so a ratio
whose parts carry a dimension beyond the ratio's own (``managed_by`` under
``safety_standard.rate``) reads the same everywhere.
"""

from __future__ import annotations

import contextlib
import io
from datetime import date
from pathlib import Path

import pytest

from antq_domain.analysis.aggregation import rollup
from antq_domain.analysis.evaluation import evaluate
from antq_domain.cli import main
from antq_domain.io import dump_report
from antq_domain.records.indicators import catalogue
from antq_domain.records.observation import Dims
from antq_domain.records.places import registry
from antq_domain.records.report import MovementReport
from antq_domain.values import Quantity, Ratio, Undefined

RATE = "safety_standard.rate"
CELL = {"unit_kind": "commune", "managed_by": "district"}


def _report(parts: dict[str, int]) -> MovementReport:
    return MovementReport(
        issuer="BCĐ 138 tỉnh Kon Tum",
        place="62",
        period="2023",
        as_of=date(2023, 12, 31),
        observations=[
            {
                "indicator": code,
                "place": "62",
                "period": "2023",
                "dims": CELL,
                "value": Quantity(n, "unit"),
            }
            for code, n in parts.items()
        ],
    )


@pytest.fixture
def report() -> MovementReport:
    return _report({"safety_standard.units_meeting": 80, "safety_standard.units_assessed": 90})


def _cli_summary(report: MovementReport, tmp_path: Path, lang: str) -> str:
    path = dump_report(report, tmp_path / "report.json")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["summary", str(path), "--lang", lang]) == 0
    return out.getvalue()


def test_every_surface_gives_the_parts_stated_with_a_further_dimension(
    report: MovementReport, tmp_path: Path
) -> None:
    want = Ratio(Quantity(80, "unit"), Quantity(90, "unit"), 100)
    cell = Dims.of(CELL)

    assert report.ratio_cells() == ((RATE, cell),)
    assert report.ratio(RATE, CELL) == want

    shown_vi, shown_en = want.format("vi"), want.format("en")
    assert shown_vi == "88,9% (80/90)"
    assert shown_vi in report._repr_html_()
    assert shown_vi in _cli_summary(report, tmp_path, "vi")
    assert shown_en in _cli_summary(report, tmp_path, "en")

    card = evaluate(report, as_of=date(2024, 1, 15)).scorecard
    assert card.cell(RATE, CELL).value == want

    rolled = rollup(report, registry=registry(), as_of=date(2023, 12, 31))
    assert [(r.indicator, r.dims, r.ratio) for r in rolled.ratios] == [(RATE, cell, want)]


def test_one_part_alone_is_an_undefined_ratio_on_every_surface(tmp_path: Path) -> None:
    report = _report({"safety_standard.units_meeting": 80})
    cell = Dims.of(CELL)
    assert report.ratio_cells() == ((RATE, cell),)
    value = report.ratio(RATE, CELL)
    assert isinstance(value, Undefined)
    assert "safety_standard.units_assessed" in value.reason
    rolled = rollup(report, registry=registry(), as_of=date(2023, 12, 31))
    ((ratio_cell),) = rolled.ratios
    assert (ratio_cell.indicator, ratio_cell.dims) == (RATE, cell)
    assert isinstance(ratio_cell.value, Undefined)
    assert "safety_standard.units_assessed" in ratio_cell.value.reason


def test_a_cell_without_the_ratios_matched_dimension_computes_nothing() -> None:
    # safety_standard.rate matches on unit_kind: a part stated without it is no cell of it
    cat = catalogue()
    assert cat.ratio_cells([("safety_standard.units_meeting", {"managed_by": "district"})]) == ()
    assert cat.ratio_cells([("tips.received", {})]) == (("tips.valuable_rate", {}),)


def test_cells_are_listed_once_in_catalogue_then_input_order() -> None:
    cat = catalogue()
    stated = [
        ("tips.valuable", Dims()),
        ("safety_standard.units_assessed", Dims.of({"unit_kind": "ward"})),
        ("tips.received", Dims()),
        ("safety_standard.units_meeting", Dims.of({"unit_kind": "commune"})),
        ("safety_standard.units_meeting", Dims.of({"unit_kind": "ward"})),
    ]
    assert cat.ratio_cells(stated) == (
        ("tips.valuable_rate", Dims()),
        (RATE, Dims.of({"unit_kind": "ward"})),
        (RATE, Dims.of({"unit_kind": "commune"})),
    )
