"""The example notebook runs top to bottom, offline, and shows what it promises.

It ships with its outputs (``tools/run_notebook.py`` saves them) and says in
its first cell which extras it needs.
"""

from __future__ import annotations

import html
import importlib.util
import re
import sys
import tomllib
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any

import nbformat
import pytest
from hypothesis import given

import antq_domain as aq
from antq_domain.records.report import MovementReport
from antq_domain.strategies import reports
from antq_domain.values import Quantity

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "kon-tum-2023.ipynb"


def _load_tool() -> ModuleType:
    path = ROOT / "tools" / "run_notebook.py"
    spec = importlib.util.spec_from_file_location("run_notebook", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("run_notebook", module)
    spec.loader.exec_module(module)
    return module


run_notebook = _load_tool()


def _read(path: Path) -> Any:
    return nbformat.read(path, as_version=4)  # type: ignore[no-untyped-call]


def _text(output: Any) -> str:
    if output.get("output_type") == "stream":
        return str(output.get("text", ""))
    data = output.get("data", {})
    return str(data.get("text/plain", "")) + str(data.get("text/html", ""))


@pytest.fixture(scope="module")
def executed() -> Any:
    with pytest.MonkeyPatch.context() as patch:
        # jupyter_core warns about its data paths unless told which convention to use
        patch.setenv("JUPYTER_PLATFORM_DIRS", "1")
        # ipykernel's own spec (this interpreter, the project venv), cwd examples/
        return run_notebook.execute(NOTEBOOK)


# What the notebook uses -> the extra that installs it.
_EXTRAS_USED = {"to_pandas": "pandas", "charts.": "charts"}


def test_first_cell_states_the_extras_it_needs() -> None:
    nb = _read(NOTEBOOK)
    first = nb.cells[0]
    assert first.cell_type == "markdown"
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    needed = sorted({extra for use, extra in _EXTRAS_USED.items() if use in code})
    assert needed == ["charts", "pandas"]
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"][
        "optional-dependencies"
    ]
    assert set(needed) <= set(declared)
    stated = re.search(r"pip install 'antq-domain\[([a-z,]+)\]'", first.source)
    assert stated is not None, first.source
    assert sorted(stated.group(1).split(",")) == needed


def test_committed_notebook_ships_with_its_outputs() -> None:
    nb = _read(NOTEBOOK)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1))
    for cell in code:
        assert cell.outputs, cell.source
        assert all(o.get("output_type") != "error" for o in cell.outputs), cell.source


def test_committed_outputs_are_what_the_notebook_prints_now(executed: Any) -> None:
    """After a change to what the library prints, run tools/run_notebook.py and commit."""
    saved = run_notebook.texts(_read(NOTEBOOK))
    fresh = run_notebook.texts(executed)
    assert saved == fresh, "stale outputs: run `python tools/run_notebook.py`"


def test_the_walkthrough_has_every_step() -> None:
    nb = _read(NOTEBOOK)
    headings = [c.source.splitlines()[0] for c in nb.cells if c.cell_type == "markdown"]
    for step in (
        "## Load",
        "## Tidy rows",
        "## DataFrame",
        "## Ratios",
        "## Rollup",
        "## Evaluation",
        "## Charts",
    ):
        assert step in headings


def test_no_cell_errors(executed: Any) -> None:
    for cell in executed.cells:
        if cell.cell_type == "code":
            assert all(o.get("output_type") != "error" for o in cell.outputs), cell.source


def test_outputs_show_the_report(executed: Any) -> None:
    texts = "\n".join(_text(o) for c in executed.cells if c.cell_type == "code" for o in c.outputs)
    assert "90,2% (655/726)" in texts  # the ratio, in the report's HTML and printed
    assert "90.2% (655/726)" in texts  # English form
    assert "Hồ sơ / Records" in texts  # the report's HTML repr, bilingual headers
    assert "MovementReport kon-tum-2023" in texts  # str(report)
    assert "Int64" in texts  # the count column's dtype
    assert "100% (85/85)" in texts  # regular police in every commune
    # rollup restated onto the new Quảng Ngãi: a lower bound, the old unit named as missing
    assert "history restated onto the units alive on 2025-07-01" in texts
    assert "ít nhất 726 nguồn tin from ('62',) missing: ('51@2025-06-30',)" in texts
    # evaluation against the synthetic 2022 report
    assert "90,2% (655/726) vs 85,0% (578/680)" in texts
    assert "commendation.internal_form" in texts


def test_charts_are_images(executed: Any) -> None:
    images = [
        o
        for c in executed.cells
        if c.cell_type == "code"
        for o in c.outputs
        if "image/png" in o.get("data", {})
    ]
    assert len(images) == 3


# -- the report's notebook view (records/_html.py) ---------------------------------


class _Tags(HTMLParser):
    """Checks that every opened tag is closed in order."""

    VOID = frozenset({"br"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def _balanced(markup: str) -> bool:
    parser = _Tags()
    parser.feed(markup)
    parser.close()
    return parser.ok and not parser.stack


@pytest.fixture(scope="module")
def report() -> MovementReport:
    return aq.load_report(ROOT / "examples" / "data" / "kon-tum-2023.json")


class TestReportView:
    def test_ratios_in_the_report_form(self, report: MovementReport) -> None:
        page = report._repr_html_()
        assert "90,2% (655/726)" in page
        assert "100,0% (85/85)" in page  # regular police coverage, communes

    def test_headers_are_bilingual(self, report: MovementReport) -> None:
        page = report._repr_html_()
        assert "<th>Chỉ tiêu<br><small>Indicator</small></th>" in page
        assert "Hạn chế / Limitations" in page
        assert "Phương hướng / Directions" in page

    def test_figures_are_grouped_by_area_with_quotes(self, report: MovementReport) -> None:
        page = report._repr_html_()
        tips = page.index("Nguồn tin do Nhân dân cung cấp")
        media = page.index("Sản phẩm thông tin, truyền thông")
        assert tips < page.index("655 nguồn tin có giá trị") < media
        assert 'title="655 nguồn tin có giá trị"' in page  # the quote as a tooltip

    def test_record_counts(self, report: MovementReport) -> None:
        assert "<td>Khen thưởng<br><small>Commendations</small></td><td>8</td>" in (
            report._repr_html_()
        )

    def test_every_text_is_escaped(self) -> None:
        evil = MovementReport(
            issuer='<script>alert("x")</script>',
            place="62",
            period="2023",
            as_of=date(2023, 12, 31),
            observations=[
                {
                    "indicator": "tips.received",
                    "place": "62",
                    "period": "2023",
                    "value": Quantity(1, "tip"),
                    "quote": '"><img src=x onerror=alert(1)>',
                }
            ],
            limitations=[{"ordinal": 1, "vi": "<b>hạn chế</b>"}],
        )
        page = evil._repr_html_()
        assert "<script>" not in page
        assert "<img" not in page
        assert "<b>hạn chế</b>" not in page
        assert _balanced(page)

    def test_str_is_a_short_summary(self, report: MovementReport) -> None:
        text = str(report)
        assert text.splitlines()[0].startswith("MovementReport kon-tum-2023: Ban Chỉ đạo")
        assert "34 figures" in text
        assert len(text.splitlines()) == 2

    @given(reports(max_observations=4, max_records=1))
    def test_the_view_of_any_report_is_balanced_html(self, generated: MovementReport) -> None:
        """Law: the notebook view of every valid report is well-formed, escaped HTML."""
        page = generated._repr_html_()
        assert _balanced(page)
        assert html.escape(generated.issuer) in page
