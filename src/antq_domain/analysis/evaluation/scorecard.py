# Size: one result type (Scorecard and its cells) with the change, target and
# achievement arithmetic that fills it; about a third of the lines are docstrings and examples.
"""The scorecard: each cell's value, previous value, exact change, target and achievement.

Public names are re-exported by [`antq_domain.analysis.evaluation`][antq_domain.evaluate].
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from antq_domain.analysis.comparability import Comparability, comparability
from antq_domain.analysis.evaluation.config import EVALUATION_CODES, EvaluationCode, both
from antq_domain.analysis.expressions import Operator, Outcome, compare_intervals
from antq_domain.analysis.findings import Finding, Ref
from antq_domain.display import (
    COLUMN,
    capitalised,
    indicator_text,
    missing_text,
    number_text,
    value_text,
)
from antq_domain.errors import AntqError, AntqTypeError, InvariantError, UnknownCodeError
from antq_domain.markup import Html, html_table
from antq_domain.records.indicators import Catalogue, IndicatorDirection, IndicatorKind, catalogue
from antq_domain.records.observation import Dims, as_dims
from antq_domain.records.places import Registry
from antq_domain.records.report import MovementReport
from antq_domain.values._checks import tuple_of
from antq_domain.values.change import bounded_change
from antq_domain.values.interval import APPROXIMATE_TOLERANCE, Interval
from antq_domain.values.label import Label, Lang
from antq_domain.values.missing import NotApplicable, NotReported, Withheld
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.ratio import Ratio, Undefined

__all__ = ["ScoreCell", "Scorecard", "Target", "build_scorecard"]

CellValue = Quantity | Ratio | NotReported | NotApplicable | Withheld | Undefined | None
"""What a scorecard cell holds: a figure, a recomputed ratio, a missing marker,
an undefined ratio (with its reason), or ``None`` when the report has no such cell."""


def _fraction(field: str, value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | Fraction | Decimal):
        raise AntqTypeError(field, value, "an int, Decimal or Fraction (never a float)")
    return Fraction(value)


def _target_value(value: object) -> Fraction:
    return _fraction("target", value)


def _baseline(value: object) -> Fraction | None:
    return None if value is None else _fraction("baseline", value)


def _direction(value: object) -> IndicatorDirection | None:
    if value is None or isinstance(value, IndicatorDirection):
        return value
    if isinstance(value, str):
        try:
            return IndicatorDirection(value)
        except ValueError:
            pass
    raise AntqTypeError("direction", value, "higher_is_better, lower_is_better, none or None")


@attrs.frozen
class Target:
    """A target for one indicator cell, with an optional baseline.

    A value. ``target`` and ``baseline`` are exact numbers in the
    indicator's unit (points of the factor for a ratio: ``92`` means 92 %).
    ``direction`` overrides the catalogue's direction when given.

    Achievement is ``(value − baseline) ÷ (target − baseline)`` with a
    baseline; without one it is ``value ÷ target`` when higher is better and
    ``target ÷ value`` when lower is better. Targets never read the clock.

    Example:
        >>> from antq_domain.analysis.evaluation import Target
        >>> t = Target("tips.valuable_rate", 92, baseline=85)
        >>> t.target, t.baseline, str(t.dims)
        (Fraction(92, 1), Fraction(85, 1), '')
        >>> Target("tips.received", 1.5)
        Traceback (most recent call last):
        ...
        antq_domain.errors.AntqTypeError: target=1.5: expected an int, Decimal or Fraction ...
    """

    indicator: str
    target: Fraction = attrs.field(converter=_target_value)
    dims: Dims = attrs.field(default=Dims(), converter=as_dims, kw_only=True)
    baseline: Fraction | None = attrs.field(default=None, converter=_baseline, kw_only=True)
    direction: IndicatorDirection | None = attrs.field(
        default=None, converter=_direction, kw_only=True
    )


def _bounds(value: CellValue, tolerance: Fraction | None = None) -> Interval | None:
    """The interval a cell's value lies in; ``tolerance`` reads a "khoảng" quantity."""
    if isinstance(value, Quantity):
        return value.bounds(tolerance=tolerance)
    if isinstance(value, Ratio):
        b = value.bounds()
        return None if isinstance(b, Undefined) else b
    return None


def _show(value: CellValue, lang: Lang, decimals: int) -> str:
    # in a sentence a missing marker reads as its words, without the table's dash
    if isinstance(value, NotReported | NotApplicable | Withheld):
        return missing_text(value, lang)
    return value_text(value, lang, decimals=decimals)


def _number(value: Fraction, lang: Lang, decimals: int, *, sign: bool = False) -> str:
    text = number_text(value, lang, decimals=decimals)
    if sign and value > 0:
        text = "+" + text
    return text


def _percent(value: Fraction, lang: Lang, decimals: int) -> str:
    return _number(value * 100, lang, decimals) + "%"


def _since(period: Period | None, lang: Lang) -> str:
    """`` so với năm 2022`` / `` on 2022``: the period a change is told against."""
    if period is None:
        return " so với kỳ trước" if lang == "vi" else " on the previous period"
    return f" so với {period.format('vi')}" if lang == "vi" else f" on {period.format('en')}"


def _change_words(
    change: Fraction,
    relative: Fraction | Undefined | None,
    counter: str,
    lang: Lang,
    decimals: int,
) -> str:
    """``tăng 65 đợt (+5,9%)``, ``giảm 5 lượt (-20,8%)``, ``không đổi``: an exact change."""
    vi = lang == "vi"
    if change == 0:
        return "không đổi" if vi else "unchanged"
    word = ("tăng" if vi else "up") if change > 0 else ("giảm" if vi else "down")
    text = f"{word} {_number(abs(change), lang, decimals)}" + (f" {counter}" if counter else "")
    if isinstance(relative, Fraction):
        text += f" ({_number(relative * 100, lang, decimals, sign=True)}%)"
    return text


def _bounded_words(  # noqa: PLR0911 - one return per shape of the bounds
    low: Fraction | None,
    high: Fraction | None,
    lang: Lang,
    *,
    low_open: bool = False,
    high_open: bool = False,
) -> str:
    """A change known only between bounds, in words: ``tăng hơn 7.210``, ``tăng ít nhất 10``."""
    vi = lang == "vi"
    more = ("hơn" if vi else "more than") if low_open else ("ít nhất" if vi else "at least")
    if low is not None and low > 0:
        if high is None:
            return f"{'tăng' if vi else 'up'} {more} {_number(low, lang, 1)}"
        return (
            f"{'tăng từ' if vi else 'up by'} {_number(low, lang, 1)} "
            f"{'đến' if vi else 'to'} {_number(high, lang, 1)}"
        )
    if high is not None and high < 0:
        fewer = ("hơn" if vi else "more than") if high_open else ("ít nhất" if vi else "at least")
        if low is None:
            return f"{'giảm' if vi else 'down'} {fewer} {_number(-high, lang, 1)}"
        return (
            f"{'giảm từ' if vi else 'down by'} {_number(-high, lang, 1)} "
            f"{'đến' if vi else 'to'} {_number(-low, lang, 1)}"
        )
    if low is None and high is None:
        return "không xác định được thay đổi" if vi else "change unknown"
    if low is None:
        assert high is not None  # noqa: S101 - the other branch
        most = ("dưới" if vi else "less than") if high_open else ("không quá" if vi else "at most")
        return f"{'thay đổi' if vi else 'change'} {most} {_number(high, lang, 1, sign=True)}"
    if high is None:
        return f"{'thay đổi' if vi else 'change'} {more} {_number(low, lang, 1, sign=True)}"
    return (
        f"{'thay đổi từ' if vi else 'change between'} {_number(low, lang, 1, sign=True)} "
        f"{'đến' if vi else 'and'} {_number(high, lang, 1, sign=True)}"
    )


@attrs.frozen
class ScoreCell:
    """One line of the scorecard: a cell now, before, its change, target and achievement.

    A value. ``value`` and ``previous`` are the report's and the previous report's figure (a
    [`Quantity`][antq_domain.Quantity]), a ratio recomputed from its parts (a
    [`Ratio`][antq_domain.Ratio]), a missing marker, [`Undefined`][antq_domain.Undefined] with its
    reason, or ``None`` when the side has no such cell.

    ``change`` (value − previous, in points of the factor for ratios) and
    ``relative`` (change ÷ previous) are exact and given only when both
    sides are exact; otherwise ``change_low``/``change_high`` bound it
    (``None``: unbounded) and ``change_note`` says why. ``achievement`` is
    exact when the value is; a bound ("hơn") gives ``achievement_low`` /
    ``achievement_high`` instead, and ``met`` is decided only when the bound
    decides it. ``note`` explains the target side.

    Example:
        >>> from antq_domain.analysis.evaluation import ScoreCell
        >>> from antq_domain.records.observation import Dims
        >>> from antq_domain.values import Quantity
        >>> cell = ScoreCell("tips.received", Dims(), "flow", "higher_is_better",
        ...                  Quantity(726, "tip"), Quantity(600, "tip"), change=126)
        >>> cell.change, cell.is_ratio
        (Fraction(126, 1), False)
    """

    indicator: str
    dims: Dims
    kind: IndicatorKind = attrs.field(converter=IndicatorKind)
    direction: IndicatorDirection = attrs.field(converter=IndicatorDirection)
    value: CellValue = None
    previous: CellValue = None
    change: Fraction | None = attrs.field(
        default=None, converter=attrs.converters.optional(Fraction), kw_only=True
    )
    relative: Fraction | Undefined | None = attrs.field(default=None, kw_only=True)
    change_low: Fraction | None = attrs.field(default=None, kw_only=True)
    change_high: Fraction | None = attrs.field(default=None, kw_only=True)
    change_note: Label | None = attrs.field(default=None, kw_only=True)
    target: Target | None = attrs.field(default=None, kw_only=True)
    achievement: Fraction | Undefined | None = attrs.field(default=None, kw_only=True)
    achievement_low: Fraction | None = attrs.field(default=None, kw_only=True)
    achievement_high: Fraction | None = attrs.field(default=None, kw_only=True)
    met: bool | None = attrs.field(default=None, kw_only=True)
    note: Label | None = attrs.field(default=None, kw_only=True)
    previous_period: Period | None = attrs.field(default=None, kw_only=True)

    @property
    def is_ratio(self) -> bool:
        """Whether the cell is a ratio recomputed from its parts.

        Example:
            >>> from antq_domain.analysis.evaluation import ScoreCell
            >>> from antq_domain.records.observation import Dims
            >>> ScoreCell("tips.valuable_rate", Dims(), "ratio", "higher_is_better").is_ratio
            True
        """
        return self.kind is IndicatorKind.RATIO

    @property
    def ref(self) -> str:
        """The cell's name for display: ``code`` or ``code[dim=value]``.

        Example:
            >>> from antq_domain.analysis.evaluation import ScoreCell
            >>> from antq_domain.records.observation import Dims
            >>> ScoreCell("admin.units", Dims.of({"unit_kind": "commune"}), "stock",
            ...           "none").ref
            'admin.units[unit_kind=commune]'
        """
        return self.indicator + (f"[{self.dims}]" if self.dims else "")

    def name(self, lang: Lang = "vi") -> str:
        """The cell in words: the indicator's label and its dimension cell.

        An indicator outside the standard catalogue is shown by its code.

        Example:
            >>> from antq_domain.analysis.evaluation import ScoreCell
            >>> from antq_domain.records.observation import Dims
            >>> ScoreCell("admin.units", Dims.of({"unit_kind": "commune"}), "stock",
            ...           "none").name("en")
            'Number of administrative units [kind of unit: commune]'
        """
        return capitalised(indicator_text(catalogue(), self.indicator, self.dims, lang))

    def render(self, lang: Lang = "en", *, decimals: int = 1) -> str:
        """One line: value, previous value, change, and target with achievement.

        Example:
            >>> from antq_domain.analysis.evaluation import ScoreCell
            >>> from antq_domain.records.observation import Dims
            >>> from antq_domain.values import Quantity
            >>> ScoreCell("tips.received", Dims(), "flow", "higher_is_better",
            ...           Quantity(726, "tip"), Quantity(600, "tip"), change=126,
            ...           relative=Fraction(21, 100)).render("vi").split(": ", 1)[1]
            '726 nguồn tin | trước: 600 nguồn tin | tăng 126 nguồn tin (+21%) so với kỳ trước'
        """
        vi = lang == "vi"
        value, previous, change, target = self.columns(lang, decimals=decimals)
        parts = [f"{self.name(lang)}: {value}"]
        if previous:
            parts.append(f"{'trước' if vi else 'previous'}: {previous}")
        if change:
            parts.append(change)
        if target:
            parts.append(target)
        return " | ".join(parts)

    def _counter(self, amount: Fraction, lang: Lang) -> str:
        """The counter a change is told in: the figure's unit, or points for a ratio."""
        if self.is_ratio:
            ratio = self.value if isinstance(self.value, Ratio) else self.previous
            percent = isinstance(ratio, Ratio) and ratio.factor == 100
            if lang == "vi":
                return "điểm phần trăm" if percent else "điểm"
            return ("percentage point" if percent else "point") + "s" * (abs(amount) != 1)
        figure = self.value if isinstance(self.value, Quantity) else self.previous
        if not isinstance(figure, Quantity):
            return ""
        if lang == "vi":
            return figure.unit.counter_vi
        return figure.unit.counter_en_for(abs(amount))

    def columns(self, lang: Lang = "en", *, decimals: int = 1) -> tuple[str, str, str, str]:
        """The cell's texts: value, previous value, change, target (empty when absent).

        [`render`][antq_domain.analysis.evaluation.scorecard.ScoreCell.render] joins them on one
        line;
        tables show them as columns.

        Example:
            >>> from antq_domain.analysis.evaluation import ScoreCell
            >>> from antq_domain.records.observation import Dims
            >>> from antq_domain.values import Quantity
            >>> ScoreCell("tips.received", Dims(), "flow", "higher_is_better",
            ...           Quantity(726, "tip"), Quantity(600, "tip"), change=126,
            ...           relative=Fraction(21, 100)).columns("en")
            ('726 tips', '600 tips', 'up 126 tips (+21%) on the previous period', '')
        """
        vi = lang == "vi"
        value = _show(self.value, lang, decimals)
        previous = _show(self.previous, lang, decimals) if self.previous is not None else ""
        change = ""
        if self.change is not None:
            change = _change_words(
                self.change, self.relative, self._counter(self.change, lang), lang, decimals
            ) + _since(self.previous_period, lang)
        elif self.change_note is not None and self.previous is not None:
            change = self.change_note.text(lang)
        target = ""
        if self.target is not None:
            goal = _number(self.target.target, lang, decimals)
            target = f"{'chỉ tiêu' if vi else 'target'} {goal}"
            if isinstance(self.achievement, Fraction):
                target += (
                    f", {'đạt' if vi else 'achieved'} {_percent(self.achievement, lang, decimals)}"
                )
            if self.met is not None:
                yes = (
                    ("đạt" if self.met else "không đạt")
                    if vi
                    else ("met" if self.met else "missed")
                )
                target += f" ({yes})"
            if self.note is not None:
                target += f"; {self.note.text(lang)}"
        return (value, previous, change, target)


def _cell_value(report: MovementReport, indicator: str, dims: Dims) -> CellValue:
    found = report.find(indicator, dims)
    if not found:
        return None
    values = list(dict.fromkeys(o.value for o in found))
    if len(values) > 1:
        cat = report.catalogue
        name = cat[indicator].label.vi if indicator in cat else indicator
        return Undefined(
            f"{indicator} is stated {len(found)} times with different values",
            reason_vi=f"{name} được nêu {len(found)} lần với số liệu khác nhau",
        )
    value: CellValue = values[0]
    return value


def _ratio_value(report: MovementReport, indicator: str, dims: Dims) -> CellValue:
    try:
        return report.ratio(indicator, dims)
    except AntqError as err:  # pragma: no cover - defensive: a ratio never stops evaluation
        cat = report.catalogue
        name = cat[indicator].label.vi if indicator in cat else indicator
        return Undefined(str(err), reason_vi=f"không tính được tỷ lệ {name}")


def _change(cur: CellValue, prev: CellValue, period: Period | None = None) -> dict[str, object]:
    if prev is None or cur is None:
        return {}
    cb, pb = _bounds(cur), _bounds(prev)
    if cb is None or pb is None:
        which = "current" if cb is None else "previous"
        text = _show(cur if cb is None else prev, "en", 1)
        return {
            "change_note": both(
                f"không tính được thay đổi{_since(period, 'vi')}: số liệu "
                f"{'kỳ này' if cb is None else 'kỳ trước'} "
                f"là {_show(cur if cb is None else prev, 'vi', 1)}",
                f"no change{_since(period, 'en')}: the {which} figure is {text}",
            )
        }
    ch = bounded_change(cb, pb)
    if ch.delta is not None:
        delta = ch.delta
        return {"change": delta, "relative": ch.relative, "change_low": delta, "change_high": delta}
    low, high = ch.low, ch.high
    return {
        "change_low": low,
        "change_high": high,
        "change_note": both(
            f"{_bounded_words(low, high, 'vi', low_open=ch.low_open, high_open=ch.high_open)}"
            f"{_since(period, 'vi')} (số liệu ước lượng)",
            f"{_bounded_words(low, high, 'en', low_open=ch.low_open, high_open=ch.high_open)}"
            f"{_since(period, 'en')} (approximate figures)",
        ),
    }


def _achieve(  # noqa: PLR0911 - one return per case of the formula
    x: Fraction | None, target: Fraction, baseline: Fraction | None, sign: int
) -> Fraction | Undefined | None:
    """Achievement at value ``x`` (``None``: +∞); ``None`` result: unbounded."""
    if baseline is not None:
        if target == baseline:
            return Undefined("the target equals the baseline", reason_vi="chỉ tiêu bằng mức gốc")
        if x is None:
            return None
        return (x - baseline) / (target - baseline)
    if sign < 0:
        if x is None:
            return Fraction(0)
        if x == 0:
            return None
        return target / x
    if target == 0:
        return Undefined("the target is zero", reason_vi="chỉ tiêu bằng 0")
    return None if x is None else x / target


def _assess(
    cell_value: CellValue,
    target: Target,
    direction: IndicatorDirection,
    tolerance: Fraction | None = None,
) -> dict[str, object]:
    out: dict[str, object] = {"target": target}
    b = _bounds(cell_value, tolerance)
    if b is None:
        reason = "no figure" if cell_value is None else _show(cell_value, "en", 1)
        why_vi = "không có số liệu" if cell_value is None else _show(cell_value, "vi", 1)
        out["note"] = both(
            f"không đánh giá được chỉ tiêu: {why_vi}",
            f"the target cannot be assessed: {reason}",
        )
        return out
    assert b.low is not None  # noqa: S101 - a figure's bounds start at 0 or above
    lo, hi = Fraction(b.low), None if b.high is None else Fraction(b.high)
    sign = direction.sign
    t = target.target
    if sign == 0:
        out["note"] = both(
            "chỉ tiêu không có chiều đánh giá (cao hơn hay thấp hơn là tốt)",
            "the indicator has no direction (neither higher nor lower is better)",
        )
        sign_for_value = 1
    else:
        sign_for_value = sign
    a_lo = _achieve(lo, t, target.baseline, sign_for_value)
    a_hi = _achieve(hi, t, target.baseline, sign_for_value)
    if isinstance(a_lo, Undefined):
        out["achievement"] = a_lo
    elif lo == hi:
        out["achievement"] = (
            a_lo
            if a_lo is not None
            else Undefined(
                "the value is zero: achievement is unbounded",
                reason_vi="số liệu bằng 0: mức đạt không có giới hạn",
            )
        )
        out["achievement_low"] = out["achievement_high"] = a_lo
    else:
        increasing = (target.baseline is None and sign_for_value > 0) or (
            target.baseline is not None and t > target.baseline
        )
        low, high = (a_lo, a_hi) if increasing else (a_hi, a_lo)
        assert not isinstance(low, Undefined)  # noqa: S101 - checked above
        assert not isinstance(high, Undefined)  # noqa: S101 - same formula
        out["achievement_low"], out["achievement_high"] = low, high
    # decided on the interval, open ends included: "hơn 100" misses a ceiling of 100,
    # "gần 150.000" misses a floor of 150.000
    goal = Interval(t, t)
    outcome = compare_intervals(Operator.GE if sign > 0 else Operator.LE, b, goal) if sign else None
    met = {Outcome.HOLDS: True, Outcome.VIOLATED: False}.get(outcome) if outcome else None
    out["met"] = met
    if sign != 0 and lo != hi and met is None:
        lowest: object = out.get("achievement_low")
        shown = _percent(lowest, "vi", 1) if isinstance(lowest, Fraction) else "?"
        shown_en = _percent(lowest, "en", 1) if isinstance(lowest, Fraction) else "?"
        out["note"] = both(
            f"số liệu là một cận ('hơn'/'gần'), không xác định được đạt chỉ tiêu; "
            f"đạt ít nhất {shown}",
            f"the figure is a bound ('more than'/'almost'): whether the target is met cannot "
            f"be decided; achievement is at least {shown_en}",
        )
    return out


@attrs.frozen(repr=False)
class Scorecard:
    """The scorecard of a report: one `ScoreCell` per indicator and dimension cell.

    A value. Cells follow the catalogue's order, then their dimensions.

    Example:
        >>> from antq_domain.analysis.evaluation import Scorecard
        >>> Scorecard().cell("tips.received")
        Traceback (most recent call last):
        ...
        antq_domain.errors.UnknownCodeError: cell='tips.received': expected a cell of the ...
    """

    cells: tuple[ScoreCell, ...] = ()
    comparability: Comparability | None = None

    def __repr__(self) -> str:
        return f"<Scorecard: {len(self.cells)} cells>"

    def __len__(self) -> int:
        return len(self.cells)

    def cell(self, indicator: str, dims: Mapping[str, str] | None = None) -> ScoreCell:
        """The cell of ``indicator`` and ``dims``.

        Raises:
            UnknownCodeError: no such cell (field ``cell``).

        Example:
            >>> from antq_domain.analysis.evaluation import ScoreCell, Scorecard
            >>> from antq_domain.records.observation import Dims
            >>> card = Scorecard((ScoreCell("tips.received", Dims(), "flow", "none"),))
            >>> card.cell("tips.received").kind.value
            'flow'
        """
        want = Dims.of(dims or {})
        for c in self.cells:
            if c.indicator == indicator and c.dims == want:
                return c
        shown = indicator + (f"[{want}]" if want else "")
        raise UnknownCodeError("cell", shown, "a cell of the scorecard")

    def render(self, lang: Lang = "en", *, decimals: int = 1) -> str:
        """One line per cell (see `ScoreCell.render`).

        Example:
            >>> from antq_domain.analysis.evaluation import Scorecard
            >>> Scorecard().render()
            ''
        """
        return "\n".join(c.render(lang, decimals=decimals) for c in self.cells)

    def html(self, lang: Lang = "vi", *, decimals: int = 1) -> Html:
        """The scorecard as an HTML table with bilingual headers.

        Example:
            >>> from antq_domain.analysis.evaluation import Scorecard
            >>> "<table" in Scorecard().html().markup
            True
        """
        rows = [[c.name(lang), *c.columns(lang, decimals=decimals)] for c in self.cells]
        return html_table(_SCORECARD_HEADERS, rows)

    def _repr_html_(self) -> str:
        return self.html().markup


_SCORECARD_HEADERS = tuple(
    COLUMN[k] for k in ("indicator", "value", "previous", "change", "target")
)


def _targets(value: Iterable[Target] | None) -> tuple[Target, ...]:
    if value is None:
        return ()
    return tuple_of("targets", value, Target, "a Target")


def build_scorecard(  # noqa: PLR0912 - collects cells from several sources
    report: MovementReport,
    previous: MovementReport | None = None,
    targets: Iterable[Target] | None = None,
    *,
    catalogue: Catalogue | None = None,
    registry: Registry | None = None,
    tolerance: Fraction | None = APPROXIMATE_TOLERANCE,
) -> tuple[Scorecard, list[Finding]]:
    """The scorecard of ``report`` against ``previous`` and ``targets``, with target findings.

    Cells: every figure of the report's place and period, every ratio whose parts either report
    holds (recomputed from the parts, never from a stated percentage), the cells only the previous
    report has, and every target's cell. A cell stated twice with different values is
    [`Undefined`][antq_domain.Undefined] here (validation reports the conflict).

    The previous report must compare like with like (same unit, level and kind of period:
    [`comparability`][antq_domain.analysis.comparability.comparability], with ``registry``);
    otherwise its figures are shown but no change and no percentage is given, and a
    ``comparison.not_comparable`` finding says why and offers the restatement the register knows.

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.evaluation import Target, build_scorecard
        >>> from antq_domain.records.report import MovementReport
        >>> from antq_domain.values import Quantity
        >>> r = MovementReport(issuer="x", place="62", period="2023", as_of=date(2023, 12, 31),
        ...     observations=[{"indicator": "tips.received", "place": "62", "period": "2023",
        ...                    "value": Quantity(726, "tip")}])
        >>> card, found = build_scorecard(r, targets=[Target("tips.received", 800)])
        >>> card.cell("tips.received").met, [f.code for f in found]
        (False, ['target.missed'])
    """
    if not isinstance(report, MovementReport):
        raise AntqTypeError("report", report, "a MovementReport")
    if previous is not None and not isinstance(previous, MovementReport):
        raise AntqTypeError("previous", previous, "a MovementReport or None")
    chosen = _targets(targets)
    findings: list[Finding] = []
    like: Comparability | None = None
    if previous is not None:
        like = comparability(
            report.place, report.period, previous.place, previous.period, registry=registry
        )
        if not like.comparable:
            findings.append(
                Finding.of(
                    EvaluationCode.COMPARISON_NOT_COMPARABLE.value,
                    like.message,
                    involved=[
                        Ref(place=report.place, period=report.period, path="report"),
                        Ref(place=previous.place, period=previous.period, path="previous"),
                    ],
                    registry=EVALUATION_CODES,
                )
            )
    cat = catalogue if catalogue is not None else report.catalogue
    order = {code: i for i, code in enumerate(cat)}
    keys: dict[tuple[str, Dims], None] = {}
    sides = [report] if previous is None else [report, previous]
    for side in sides:
        for o in side.observations:
            if o.place == side.place and o.period == side.period and o.indicator in cat:
                keys[(o.indicator, o.dims)] = None
    keys.update(dict.fromkeys(cat.ratio_cells(list(keys))))
    by_key: dict[tuple[str, Dims], Target] = {}
    for t in chosen:
        if t.indicator not in cat:
            raise UnknownCodeError("targets", t.indicator, "an indicator of the catalogue")
        if (t.indicator, t.dims) in by_key:
            raise InvariantError("targets", t.indicator, "one target per indicator cell")
        by_key[(t.indicator, t.dims)] = t
        keys[(t.indicator, t.dims)] = None
    cells: list[ScoreCell] = []
    for code, dims in sorted(keys, key=lambda k: (order.get(k[0], len(order)), k[1].pairs)):
        ind = cat[code]
        get = _ratio_value if ind.kind is IndicatorKind.RATIO else _cell_value
        value = get(report, code, dims)
        prev = get(previous, code, dims) if previous is not None else None
        target = by_key.get((code, dims))
        if (
            ind.kind is IndicatorKind.RATIO
            and target is None
            and isinstance(value, Undefined | None)
            and isinstance(prev, Undefined | None)
        ):
            continue  # neither side holds both parts of the ratio for this cell
        fields: dict[str, object] = (
            dict(_change(value, prev, previous.period if previous is not None else None))
            if like is None or like.comparable
            else {"change_note": _UNLIKE}
        )
        if target is not None:
            direction = target.direction or ind.direction
            fields.update(_assess(value, target, direction, tolerance))
        if previous is not None:
            fields["previous_period"] = previous.period
        cell = ScoreCell(code, dims, ind.kind, ind.direction, value, prev, **fields)  # type: ignore[arg-type]
        cells.append(cell)
        if target is not None:
            findings.extend(_target_findings(report, cell, target))
    return Scorecard(tuple(cells), like), findings


_UNLIKE = Label(vi="không so sánh được (xem phát hiện)", en="not comparable (see findings)")


def _target_findings(report: MovementReport, cell: ScoreCell, target: Target) -> list[Finding]:
    ref = Ref.cell(cell.indicator, report.place, report.period, cell.dims)
    goal_vi = _number(target.target, "vi", 1)
    goal_en = _number(target.target, "en", 1)
    if cell.met is False:
        return [
            Finding.of(
                EvaluationCode.TARGET_MISSED.value,
                both(
                    f"{cell.name('vi')} là {_show(cell.value, 'vi', 1)}, "
                    f"không đạt chỉ tiêu {goal_vi}",
                    f"{cell.name('en')} is {_show(cell.value, 'en', 1)}, "
                    f"missing the target {goal_en}",
                ),
                involved=[ref],
                registry=EVALUATION_CODES,
            )
        ]
    effective = target.direction or cell.direction
    if cell.met is None and effective is not IndicatorDirection.NONE:
        why = cell.note or both("không xác định", "undecided")
        return [
            Finding.of(
                EvaluationCode.TARGET_UNDETERMINED.value,
                both(
                    f"{cell.name('vi')} so với chỉ tiêu {goal_vi}: {why.vi}",
                    f"{cell.name('en')} against the target {goal_en}: {why.en}",
                ),
                involved=[ref],
                registry=EVALUATION_CODES,
            )
        ]
    return []
