"""Notebook views of analysis results: evaluations, scorecards, findings, rollups."""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

import antq_domain as aq
from antq_domain.analysis import Evaluation

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "data"


class _Balanced(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.ok = True
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "br":
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _check(markup: str) -> str:
    parser = _Balanced()
    parser.feed(markup)
    parser.close()
    assert parser.ok, "tags are not balanced"
    assert not parser.stack
    return "".join(parser.text)


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    report = aq.load_report(EXAMPLES / "kon-tum-2023.json")
    previous = aq.load_report(EXAMPLES / "kon-tum-2022-synthetic.json")
    return aq.evaluate(report, as_of=date(2024, 1, 15), previous=previous)


def test_evaluation_html(evaluation: Evaluation) -> None:
    text = _check(evaluation._repr_html_())
    assert "Bảng chỉ tiêu" in text
    assert "Scorecard" in text
    assert "90,2% (655/726)" in text  # the recomputed ratio, Vietnamese style
    assert "85,0% (578/680)" in text  # and last year's
    assert "commendation.internal_form" in text  # the finding, with its code


def test_findings_html_shows_both_languages(evaluation: Evaluation) -> None:
    finding = evaluation.findings.items[0]
    text = _check(evaluation.findings._repr_html_())
    assert finding.message.vi in text
    assert finding.message.en in text
    assert str(finding.legal_basis) in text


def test_text_is_escaped() -> None:
    from antq_domain.analysis import Finding, Findings
    from antq_domain.values import Label

    f = Finding.of("rule.violated", Label(vi="<b>x</b> & y", en="<script>"))
    markup = Findings([f])._repr_html_()
    assert "<script>" not in markup
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in markup


def test_rollup_html_names_missing_places() -> None:
    report = aq.load_report(EXAMPLES / "kon-tum-2023.json")
    tips = [o for o in report.observations if o.indicator.startswith("tips.")]
    result = aq.rollup(
        tips, to="province", registry=aq.registry(), as_of=date(2025, 7, 1), view="restated"
    )
    text = _check(result._repr_html_())
    assert "history restated onto the units alive on 2025-07-01" in text
    assert "Đơn vị thiếu" in text
    # old Quảng Ngãi did not report: named, and told apart from the new one
    assert "Tỉnh Quảng Ngãi (đến 30/06/2025)" in text
    assert "51@2025-06-30" not in text
    # a sum of incomplete parts is "at least", with how much is missing; never "khoảng"
    assert "ít nhất 726 nguồn tin (chưa đủ số liệu: 1/2 đơn vị cấp tỉnh)" in text
    assert "hơn 726" not in text
    assert "khoảng" not in text
    # restated, on every place
    assert "Tỉnh Quảng Ngãi (tính lại)" in text
