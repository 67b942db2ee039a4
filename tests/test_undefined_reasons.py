"""Every library site that builds an `Undefined` gives its reason in Vietnamese too (issue 14)."""

from __future__ import annotations

import re
from datetime import date
from fractions import Fraction

from antq_domain.analysis.aggregation import RolledCell, _ratios, mean_of_ratios
from antq_domain.analysis.comparison import compare
from antq_domain.analysis.evaluation.scorecard import _achieve, _cell_value
from antq_domain.cli import summary_text
from antq_domain.display import value_text
from antq_domain.records.indicators import catalogue
from antq_domain.records.observation import Dims, Observation
from antq_domain.records.report import MovementReport
from antq_domain.values import NOT_REPORTED, Quantity, Ratio, Undefined
from antq_domain.values.change import bounded_change
from antq_domain.values.interval import Interval
from antq_domain.values.missing import Value

# words of the English reasons; none of them is Vietnamese
ENGLISH = re.compile(
    r"\b(is|not|in|the|report|stated|different|values|absent|zero|denominator|previous|"
    r"target|baseline|achievement|unbounded|every|part|has|reported|undefined)\b"
)


def ob(indicator: str, value: Value, period: str = "2023") -> Observation:
    return Observation(indicator=indicator, place="62", period=period, value=value)


def tips(n: int) -> Quantity:
    return Quantity(n, "tip")


def report(*obs: Observation, period: str = "2023") -> MovementReport:
    return MovementReport(
        issuer="BCĐ", place="62", period=period, as_of=date(2024, 1, 15), observations=obs
    )


def vi_only(u: object) -> str:
    assert isinstance(u, Undefined)
    assert u.reason_vi is not None, u
    shown = u.format("vi")
    assert shown == value_text(u, "vi")
    assert not ENGLISH.search(shown), shown
    assert u.format("en") == f"— (undefined: {u.reason})"
    return shown


def test_the_english_pattern_can_fail() -> None:
    assert ENGLISH.search(Undefined("tips.valuable is not in the report").format("vi"))


def test_vi_summary_of_a_report_lacking_a_part_has_no_english_reason() -> None:
    text = summary_text(report(ob("tips.received", tips(726))), "vi")
    [line] = [line for line in text.splitlines() if "không xác định" in line]
    assert not ENGLISH.search(line), line
    assert "nguồn tin có giá trị" in line.split("không xác định")[1]
    assert "tips.valuable" not in line


def test_report_ratio_names_the_part_by_its_label() -> None:
    absent = report(ob("tips.received", tips(726))).ratio("tips.valuable_rate")
    assert "nguồn tin có giá trị" in vi_only(absent)
    missing = report(ob("tips.received", tips(726)), ob("tips.valuable", NOT_REPORTED))
    assert "không báo cáo" in vi_only(missing.ratio("tips.valuable_rate"))
    twice = report(
        ob("tips.received", tips(726)), ob("tips.valuable", tips(1)), ob("tips.valuable", tips(2))
    )
    vi_only(twice.ratio("tips.valuable_rate"))


def test_zero_denominator_and_zero_previous() -> None:
    assert "0 nguồn tin" in vi_only(Ratio(tips(1), tips(0)).value)
    vi_only(bounded_change(Interval(3, 3), Interval(0, 0)).relative)


def test_scorecard_sites() -> None:
    twice = report(ob("tips.received", tips(1)), ob("tips.received", tips(2)))
    vi_only(_cell_value(twice, "tips.received", Dims()))
    vi_only(_achieve(Fraction(1), Fraction(5), Fraction(5), 1))
    vi_only(_achieve(Fraction(1), Fraction(0), None, 1))


def test_comparison_and_aggregation_sites() -> None:
    cur = [ob("tips.received", tips(10)), ob("tips.valuable", NOT_REPORTED)]
    prev = [ob("tips.received", tips(10), "2022"), ob("tips.valuable", tips(5), "2022")]
    [rc] = compare(cur, prev).ratio_changes
    assert "không báo cáo" in vi_only(rc.current)
    assert "tỷ lệ kỳ này không xác định: nguồn tin có giá trị" in rc.text("vi")
    vi_only(mean_of_ratios([(tips(1), tips(0))]).value)
    cells = [RolledCell(o) for o in cur]
    [cell] = _ratios(cells, catalogue())
    assert "không báo cáo" in vi_only(cell.ratio)


def test_vietnamese_reason_takes_no_part_in_equality_or_repr() -> None:
    u = Undefined("x", reason_vi="y")
    assert u == Undefined("x")
    assert hash(u) == hash(Undefined("x"))
    assert repr(u) == "Undefined(reason='x')"
    assert str(u) == "undefined: x"
