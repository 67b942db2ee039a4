# Size: combine and compare, two operations over the same cells (Conflict, Combined; Change,
# RatioChange, Comparison) with their text views; about 40% of the lines are docstrings and
# their examples.
"""Combining reports (a monoid) and comparing two periods' figures exactly.

**combine.** [`combine`][antq_domain.combine] merges reports, observation sets and earlier
combinations into one [`Combined`][antq_domain.analysis.comparison.Combined]:

* observations: the union, in order of first appearance; an observation
  *identical* to one already held (same cell, value, source and quote) is
  kept once;
* reports (and so their records: campaigns, models, …): the union, in
  order of first appearance, identical reports kept once;
* custom indicators: the union (one definition per code);
* nothing is ever overwritten: two observations of one cell with different values are both kept, and
  [`Combined.conflicts`][antq_domain.analysis.comparison.Combined.conflicts] lists the cell. A
  ``not_reported`` marker beside a figure is no conflict (it says nothing about the value).

Combining is associative and ``Combined()`` (the empty combination,
``combine([])``) is its identity, so ``combine`` is a monoid; it is
commutative up to order (the same sets, in another order).

**compare.** [`compare`][antq_domain.analysis.comparison.compare] matches the figures of two sides
by
indicator, place and dimension cell and gives the absolute and relative change, exact (`Fraction`).
A change is *clean* only when both figures are exact: "more than 145,410" against 155,033 gives no
delta, only the bounds it is known to lie within, and says why. Ratio changes are recomputed from
each side's parts.

Example:
    >>> from antq_domain.analysis.comparison import combine, compare
    >>> from antq_domain.records.observation import Observation
    >>> from antq_domain.values import Quantity
    >>> def obs(period, value):
    ...     return Observation(indicator="mobilisation.launch_participants", place="62",
    ...                        period=period, value=value)
    >>> c = compare([obs("2023", Quantity(155033, "participation"))],
    ...             [obs("2022", Quantity(145410, "participation", "more_than"))])
    >>> ch = c.changes[0]
    >>> ch.delta, ch.high
    (None, Fraction(9623, 1))
    >>> print(ch.reason)
    not a clean change: the previous figure is more than 145,410; the change is at most 9,623
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Any

import attrs

from antq_domain.analysis._inputs import as_observations
from antq_domain.analysis.comparability import Comparability, comparability, period_difference
from antq_domain.analysis.conflicts import COMBINE_CONFLICTS, STRICT_CONFLICTS, grade
from antq_domain.display import (
    COLUMN,
    capitalised,
    data_frame,
    dims_text,
    indicator_text,
    missing_text,
    number_text,
    place_name,
    signed,
    t,
    value_text,
)
from antq_domain.errors import (
    AntqTypeError,
    ConflictError,
    InvariantError,
    Message,
    UnknownCodeError,
)
from antq_domain.markup import Html, html_table
from antq_domain.records.groups import RecordGroup
from antq_domain.records.indicators import Catalogue, Indicator, IndicatorKind, catalogue
from antq_domain.records.observation import Cell, Dims, Observation, observations_of
from antq_domain.records.places import Registry
from antq_domain.records.report import MovementReport
from antq_domain.values.change import bounded_change
from antq_domain.values.label import Label, Lang
from antq_domain.values.missing import Value
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.ratio import Ratio, Undefined, round_half_up

__all__ = [
    "Change",
    "Combined",
    "Comparison",
    "Conflict",
    "RatioChange",
    "combine",
    "compare",
]


def _ordered_union(items: Iterable[Any]) -> tuple[Any, ...]:
    """Keep the first of equal items, in order (hash when possible, else equality)."""
    seen: set[Any] = set()
    unhashable: list[Any] = []
    out: list[Any] = []
    for item in items:
        try:
            if item in seen:
                continue
            seen.add(item)
        except TypeError:
            if any(item == u for u in unhashable):
                continue
            unhashable.append(item)
        out.append(item)
    return tuple(out)


@attrs.frozen
class Conflict:
    """One cell stated with different values by different observations.

    A value. All the observations of the cell are kept; none is preferred.

    Example:
        >>> from antq_domain.analysis.comparison import combine
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> a, b = (Observation(indicator="tips.received", place="62", period="2023",
        ...                     value=Quantity(n, "tip"), source=s)
        ...         for n, s in [(726, "báo cáo A"), (762, "báo cáo B")])
        >>> [str(v) for v in combine([[a], [b]]).conflicts[0].values]
        ['726 tip', '762 tip']
    """

    cell: Cell
    observations: tuple[Observation, ...]

    @property
    def values(self) -> tuple[Value, ...]:
        """The distinct values stated for the cell, in order of appearance.

        Example:
            >>> from antq_domain.analysis.comparison import Conflict
            >>> from antq_domain.records.observation import Dims
            >>> Conflict(("tips.received", "62", "2023", Dims()), ()).values
            ()
        """
        return _ordered_union(o.value for o in self.observations)


def _custom(cat: Catalogue) -> tuple[Indicator, ...]:
    standard = catalogue()
    return tuple(ind for ind in cat.indicators if ind.code not in standard)


@attrs.frozen
class Combined:
    """Reports and observations combined without losing or overwriting anything.

    A value; [`combine`][antq_domain.combine] builds it and ``+`` combines two. ``tidy`` works on it
    (`observations`).

    Attributes:
        observations: the union of every observation, first appearance first.
        reports: the reports combined, first appearance first.
        indicators: custom indicators (beyond the standard catalogue).

    Example:
        >>> from antq_domain.analysis.comparison import Combined
        >>> Combined() + Combined() == Combined()
        True
    """

    observations: tuple[Observation, ...] = ()
    reports: tuple[MovementReport, ...] = ()
    indicators: tuple[Indicator, ...] = ()

    def __add__(self, other: object) -> Combined:
        if not isinstance(other, Combined):
            return NotImplemented
        return combine([self, other])

    @property
    def catalogue(self) -> Catalogue:
        """The standard catalogue extended with the custom indicators.

        Example:
            >>> from antq_domain.analysis.comparison import Combined
            >>> "tips.received" in Combined().catalogue
            True
        """
        return catalogue().with_indicators(*self.indicators) if self.indicators else catalogue()

    @property
    def conflicts(self) -> tuple[Conflict, ...]:
        """Cells stated with different values (``not_reported`` aside).

        The cells [`grade`][antq_domain.analysis.conflicts.grade] puts in
        [`COMBINE_CONFLICTS`][antq_domain.analysis.conflicts.COMBINE_CONFLICTS].

        Example:
            >>> from antq_domain.analysis.comparison import Combined
            >>> Combined().conflicts
            ()
        """
        by_cell: dict[Cell, list[Observation]] = defaultdict(list)
        for o in self.observations:
            by_cell[o.cell].append(o)
        out: list[Conflict] = []
        for cell, group in by_cell.items():
            if grade(o.value for o in group) in COMBINE_CONFLICTS:
                out.append(Conflict(cell, tuple(group)))
        return tuple(out)

    @property
    def records(self) -> tuple[Any, ...]:
        """Every record of the combined reports (committees, campaigns, models, …), once.

        Example:
            >>> from antq_domain.analysis.comparison import Combined
            >>> Combined().records
            ()
        """
        return _ordered_union(
            rec
            for report in self.reports
            for group in (*RecordGroup.records(), RecordGroup.LIMITATIONS, RecordGroup.DIRECTIONS)
            for rec in getattr(report, group.value)
        )


def _as_combined(item: object) -> Combined:
    if isinstance(item, Combined):
        return item
    if isinstance(item, MovementReport):
        return Combined(item.observations, (item,), tuple(item.indicators))
    if isinstance(item, Observation):
        return Combined((item,))
    found = getattr(item, "catalogue", None)
    indicators = _custom(found) if isinstance(found, Catalogue) else ()
    obs = observations_of(item, "reports", "reports, observations, combinations or rollup results")
    return Combined(obs, (), indicators)


def combine(items: Iterable[object]) -> Combined:
    """Combine reports, observation sets and combinations (a monoid).

    ``combine([])`` is the identity; ``combine([combine([a, b]), c]) == combine([a, combine([b,
    c])])``. Nothing is overwritten: conflicting cells are listed in
    [`Combined.conflicts`][antq_domain.analysis.comparison.Combined.conflicts].

    Raises:
        InvariantError: two custom indicators share a code but differ
            (field ``indicators``).

    Example:
        >>> from antq_domain.analysis.comparison import combine
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> a = Observation(indicator="tips.received", place="62", period="2023",
        ...                 value=Quantity(726, "tip"))
        >>> combine([[a], [a]]).observations == (a,)
        True
        >>> combine([]).observations
        ()
    """
    if isinstance(items, Combined | MovementReport | Observation) or not isinstance(
        items, Iterable
    ):
        raise AntqTypeError("items", items, "an iterable of reports or observation sets")
    parts = [_as_combined(item) for item in items]
    indicators = _ordered_union(i for p in parts for i in p.indicators)
    codes = [i.code for i in indicators]
    for code in codes:
        if codes.count(code) > 1:
            raise InvariantError("indicators", code, "one definition per custom indicator code")
    return Combined(
        _ordered_union(o for p in parts for o in p.observations),
        _ordered_union(r for p in parts for r in p.reports),
        indicators,
    )


# --- compare -------------------------------------------------------------------

_Key = tuple[str, str, Dims]


def _standard_catalogue() -> Catalogue:
    return catalogue()


def _value_of(o: Observation | None) -> Value | None:
    return None if o is None else o.value


def _head(indicator: str, place: str, dims: Dims, lang: Lang, cat: Catalogue | None) -> str:
    named = indicator_text(cat or catalogue(), indicator, dims, lang)
    return f"{capitalised(named)} ({place_name(place, lang)})"


def _row_head(
    kind: str, indicator: str, place: str, dims: Dims, *, lang: Lang, cat: Catalogue
) -> dict[str, Any]:
    return {
        "kind": kind,
        "indicator": indicator,
        "indicator_text": capitalised(indicator_text(cat, indicator, {}, lang)),
        "dims": str(dims),
        "dims_text": dims_text(cat, indicator, dims, lang),
        "place": place,
        "place_name": place_name(place, lang),
    }


def _delta_text(row: Mapping[str, Any], lang: Lang) -> str | None:
    delta = row["delta"]
    if delta is None:
        return None
    if row["kind"] == "ratio":
        return f"{signed(round_half_up(delta, 1), lang)} {t(lang, 'điểm', 'points')}"
    return signed(delta, lang)


_SIDE = {"current": ("kỳ này", "current"), "previous": ("kỳ trước", "previous")}


def _amount(value: Fraction, lang: Lang) -> str:
    return number_text(value, lang)


def _between(low: Fraction | None, high: Fraction | None, lang: Lang = "en") -> str:
    if low is None and high is None:
        return t(lang, "không rõ mức thay đổi", "the change is unknown")
    if low is None:
        assert high is not None  # noqa: S101 - the other branch
        return t(lang, "thay đổi nhiều nhất là ", "the change is at most ") + _amount(high, lang)
    if high is None:
        return t(lang, "thay đổi ít nhất là ", "the change is at least ") + _amount(low, lang)
    return t(
        lang,
        f"thay đổi trong khoảng từ {_amount(low, lang)} đến {_amount(high, lang)}",
        f"the change is between {_amount(low, lang)} and {_amount(high, lang)}",
    )


def _not_comparable(cur: Observation, prev: Observation, unlike: Label | None) -> Label | None:
    if unlike is not None:
        return unlike
    why = period_difference(cur.period, prev.period)
    if why is None:
        return None
    return Label(vi=f"không so sánh được: {why.vi}", en=f"not comparable: {why.en}")


def _change_reason(ch: Change, lang: Lang, unlike: Label | None = None) -> str:
    """Why a change is not an exact number, in ``lang`` (the English is ``Change.reason``)."""
    if ch.current is None or ch.previous is None:
        side = _SIDE["previous" if ch.previous is None else "current"]
        return t(lang, f"không có số liệu {side[0]}", f"no {side[1]} figure")
    apart = _not_comparable(ch.current, ch.previous, unlike)
    if apart is not None:
        return apart.text(lang)
    said: list[str] = []
    for name, o in (("current", ch.current), ("previous", ch.previous)):
        vi, en = _SIDE[name]
        value = o.value
        if not isinstance(value, Quantity):
            words = missing_text(value, lang)
            return t(lang, f"số liệu {vi} {words}", f"the {en} figure is {words}")
        if not value.is_exact:
            shown = value.format(lang, counter=False)
            said.append(t(lang, f"số liệu {vi} là {shown}", f"the {en} figure is {shown}"))
    return t(
        lang,
        f"chưa phải thay đổi chính xác: {' và '.join(said)}; {_between(ch.low, ch.high, lang)}",
        f"not a clean change: {' and '.join(said)}; {_between(ch.low, ch.high, lang)}",
    )


def _ratio_reason(rc: RatioChange, lang: Lang, unlike: Label | None = None) -> str:
    """Why a ratio change is not an exact number, in ``lang``."""
    if rc.current is None or rc.previous is None:
        side = _SIDE["previous" if rc.previous is None else "current"]
        return t(lang, f"không có thành phần {side[0]}", f"no {side[1]} parts")
    if unlike is not None:
        return unlike.text(lang)
    if rc.reason is not None and rc.reason.startswith("not comparable"):
        return t(lang, "không so sánh được: các kỳ khác loại", rc.reason)
    for name, r in (("current", rc.current), ("previous", rc.previous)):
        vi, en = _SIDE[name]
        if isinstance(r, Undefined) or isinstance(r.value, Undefined):
            why = r.reason if isinstance(r, Undefined) else "the denominator is zero"
            why_vi = r.reason_text("vi") if isinstance(r, Undefined) else "mẫu số bằng 0"
            return t(
                lang,
                f"tỷ lệ {vi} không xác định: {why_vi}",
                f"the {en} ratio is undefined: {why}",
            )
    return t(
        lang,
        "chưa phải thay đổi chính xác: có thành phần của tỷ lệ không chính xác",
        "not a clean change: a part of a ratio is not exact",
    )


_COMPARISON_HEADERS = (
    *(COLUMN[k] for k in ("indicator", "place", "previous", "current", "change")),
    Label(vi="Lý do", en="Why not exact"),
)


@attrs.frozen(repr=False)
class Change:
    """The change of one figure between the previous and the current side.

    A value. ``delta`` (current − previous) and ``relative`` (delta ÷
    previous) are exact, and given only when both figures are exact
    quantities. Otherwise ``delta`` is ``None``, ``reason`` says why, and
    ``low``/``high`` bound the change where the qualifiers allow (``None``:
    unbounded on that side).

    Example:
        >>> from antq_domain.analysis.comparison import compare
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> def tips(period, n):
        ...     return Observation(indicator="tips.received", place="62", period=period,
        ...                        value=Quantity(n, "tip"))
        >>> ch = compare([tips("2023", 726)], [tips("2022", 600)]).changes[0]
        >>> ch.delta, ch.relative, ch.is_clean
        (Fraction(126, 1), Fraction(21, 100), True)
    """

    indicator: str
    place: str
    dims: Dims
    current: Observation | None
    previous: Observation | None
    delta: Fraction | None = None
    relative: Fraction | Undefined | None = None
    low: Fraction | None = None
    high: Fraction | None = None
    reason: str | None = None

    @property
    def is_clean(self) -> bool:
        """Whether the change is an exact number.

        Example:
            >>> from antq_domain.analysis.comparison import Change
            >>> from antq_domain.records.observation import Dims
            >>> Change("tips.received", "62", Dims(), None, None, reason="no figures").is_clean
            False
        """
        return self.delta is not None

    def text(
        self, lang: Lang = "vi", catalogue: Catalogue | None = None, unlike: Label | None = None
    ) -> str:
        """The change in one line of ``lang``, with names and labels; ``!`` when not clean.

        ``unlike`` is why the two sides as a whole are not comparable
        ([`Comparison.comparability`][antq_domain.analysis.comparison.Comparison]), shown as the
        reason.

        Example:
            >>> from antq_domain.analysis.comparison import compare
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import NOT_REPORTED, Quantity
            >>> def tips(period, value):
            ...     return Observation(indicator="tips.received", place="62", period=period,
            ...                        value=value)
            >>> print(compare([tips("2023", Quantity(726, "tip"))],
            ...               [tips("2022", Quantity(600, "tip"))]).changes[0].text("en"))
              Security and order tips from the public (Tỉnh Kon Tum): 600 → 726: +126 ...
            >>> print(compare([tips("2023", NOT_REPORTED)],
            ...               [tips("2022", Quantity(600, "tip"))]).changes[0].text())
            ! Nguồn tin về ANTT ... (Tỉnh Kon Tum): 600 → — (không báo cáo): số liệu kỳ này ...
        """
        head = _head(self.indicator, self.place, self.dims, lang, catalogue)
        values = " → ".join(
            value_text(None if o is None else o.value, lang, counter=False)
            for o in (self.previous, self.current)
        )
        if self.delta is None:
            return f"! {head}: {values}: {_change_reason(self, lang, unlike)}"
        text = f"  {head}: {values}: {signed(self.delta, lang)}"
        if self.relative is not None and not isinstance(self.relative, Undefined):
            text += f" ({signed(round_half_up(self.relative * 100, 1), lang)}%)"
        return text

    def __str__(self) -> str:
        return self.text("en").strip()

    def __repr__(self) -> str:
        return f"<Change {self.text('en').strip()}>"


@attrs.frozen(repr=False)
class RatioChange:
    """The change of a ratio indicator, recomputed from each side's parts.

    A value. ``delta`` is in points of the ratio's factor (percentage points
    for a percentage), exact, and given only when both ratios are defined
    and exact.

    Example:
        >>> from antq_domain.analysis.comparison import compare
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> def tips(ind, period, n):
        ...     return Observation(indicator=ind, place="62", period=period,
        ...                        value=Quantity(n, "tip"))
        >>> cur = [tips("tips.received", "2023", 726), tips("tips.valuable", "2023", 655)]
        >>> prev = [tips("tips.received", "2022", 100), tips("tips.valuable", "2022", 80)]
        >>> rc = compare(cur, prev).ratio_changes[0]
        >>> from antq_domain.values import round_half_up
        >>> str(rc.current), str(rc.previous), round_half_up(rc.delta, 2)
        ('90.2% (655/726)', '80.0% (80/100)', Decimal('10.22'))
    """

    indicator: str
    place: str
    dims: Dims
    current: Ratio | Undefined | None
    previous: Ratio | Undefined | None
    delta: Fraction | None = None
    relative: Fraction | Undefined | None = None
    reason: str | None = None

    def text(
        self, lang: Lang = "vi", catalogue: Catalogue | None = None, unlike: Label | None = None
    ) -> str:
        """The change of the ratio in one line of ``lang``; ``!`` when not clean.

        Example:
            >>> from antq_domain.analysis.comparison import compare
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import Quantity
            >>> def tips(ind, period, n):
            ...     return Observation(indicator=ind, place="62", period=period,
            ...                        value=Quantity(n, "tip"))
            >>> cur = [tips("tips.received", "2023", 726), tips("tips.valuable", "2023", 655)]
            >>> prev = [tips("tips.received", "2022", 100), tips("tips.valuable", "2022", 80)]
            >>> print(compare(cur, prev).ratio_changes[0].text())
              Tỷ lệ ... (Tỉnh Kon Tum): 80,0% (80/100) → 90,2% (655/726): +10,2 điểm
        """
        head = _head(self.indicator, self.place, self.dims, lang, catalogue)
        values = f"{value_text(self.previous, lang)} → {value_text(self.current, lang)}"
        if self.delta is None:
            return f"! {head}: {values}: {_ratio_reason(self, lang, unlike)}"
        points = t(lang, "điểm", "points")
        return f"  {head}: {values}: {signed(round_half_up(self.delta, 1), lang)} {points}"

    def __str__(self) -> str:
        return self.text("en").strip()

    def __repr__(self) -> str:
        return f"<RatioChange {self.text('en').strip()}>"


@attrs.frozen(repr=False)
class Comparison:
    """The result of `compare`: one change per figure and per ratio.

    Example:
        >>> from antq_domain.analysis.comparison import compare
        >>> compare([], []).changes
        ()
    """

    changes: tuple[Change, ...] = ()
    ratio_changes: tuple[RatioChange, ...] = ()
    comparability: Comparability | None = None
    catalogue: Catalogue = attrs.field(factory=_standard_catalogue, eq=False)

    def text(self, lang: Lang = "vi") -> str:
        """The lines of the comparison in ``lang``: one per figure and per ratio.

        A line starts with ``!`` when the change is not an exact number (a
        side is missing, not reported, or "hơn"/"khoảng"), followed by the
        reason in the same language. Figures are named by their labels and
        places by their names.

        Example:
            >>> from antq_domain.analysis.comparison import compare
            >>> print(compare([], []).text("en"))
            Changes (previous → current):
            0 changes, 0 not clean; 0 ratios
        """
        cat, unlike = self.catalogue, self._unlike
        lines = [t(lang, "Thay đổi (kỳ trước → kỳ này):", "Changes (previous → current):")]
        if unlike is not None:
            lines.append(unlike.text(lang))
        lines.extend(ch.text(lang, cat, unlike) for ch in self.changes)
        if self.ratio_changes:
            lines.append(t(lang, "Tỷ lệ, tính lại từ các thành phần:", "Ratios, from their parts:"))
            lines.extend(rc.text(lang, cat, unlike) for rc in self.ratio_changes)
        unclean = sum(1 for ch in self.changes if ch.delta is None)
        n, r = len(self.changes), len(self.ratio_changes)
        lines.append(
            t(
                lang,
                f"{n} thay đổi, {unclean} không rõ ràng; {r} tỷ lệ",
                f"{n} change{'s' if n != 1 else ''}, {unclean} not clean; "
                f"{r} ratio{'s' if r != 1 else ''}",
            )
        )
        return "\n".join(lines)

    @property
    def _unlike(self) -> Label | None:
        like = self.comparability
        return None if like is None or like.comparable else like.message

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        unclean = sum(1 for ch in self.changes if ch.delta is None)
        return (
            f"<Comparison: {len(self.changes)} changes ({unclean} not clean), "
            f"{len(self.ratio_changes)} ratios>"
        )

    def rows(self, lang: Lang = "vi") -> list[dict[str, Any]]:
        """One row per change and per ratio change: codes, names, values and the change.

        Exact numbers stay exact (``delta`` is a Fraction or None); the
        ``*_text`` columns are the display words in ``lang``.

        Example:
            >>> from antq_domain.analysis.comparison import compare
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import Quantity
            >>> def tips(period, n):
            ...     return Observation(indicator="tips.received", place="62", period=period,
            ...                        value=Quantity(n, "tip"))
            >>> row = compare([tips("2023", 726)], [tips("2022", 600)]).rows("en")[0]
            >>> row["place_name"], row["previous_text"], row["current_text"], row["delta"]
            ('Tỉnh Kon Tum', '600 tips', '726 tips', Fraction(126, 1))
        """
        cat, unlike = self.catalogue, self._unlike
        out: list[dict[str, Any]] = [
            {
                **_row_head("figure", ch.indicator, ch.place, ch.dims, lang=lang, cat=cat),
                "previous_text": value_text(_value_of(ch.previous), lang),
                "current_text": value_text(_value_of(ch.current), lang),
                "delta": ch.delta,
                "relative": None if isinstance(ch.relative, Undefined) else ch.relative,
                "low": ch.low,
                "high": ch.high,
                "clean": ch.is_clean,
                "reason": None if ch.is_clean else _change_reason(ch, lang, unlike),
            }
            for ch in self.changes
        ]
        out.extend(
            {
                **_row_head("ratio", rc.indicator, rc.place, rc.dims, lang=lang, cat=cat),
                "previous_text": value_text(rc.previous, lang),
                "current_text": value_text(rc.current, lang),
                "delta": rc.delta,
                "relative": None if isinstance(rc.relative, Undefined) else rc.relative,
                "low": None,
                "high": None,
                "clean": rc.delta is not None,
                "reason": None if rc.delta is not None else _ratio_reason(rc, lang, unlike),
            }
            for rc in self.ratio_changes
        )
        return out

    def to_pandas(self, lang: Lang = "vi") -> Any:
        """A pandas DataFrame of `rows` (needs the ``pandas`` extra).

        Raises:
            MissingExtraError: pandas is not installed.

        Example:
            >>> from antq_domain.analysis.comparison import compare
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import Quantity
            >>> def tips(period, n):
            ...     return Observation(indicator="tips.received", place="62", period=period,
            ...                        value=Quantity(n, "tip"))
            >>> frame = compare([tips("2023", 726)], [tips("2022", 600)]).to_pandas("en")
            >>> frame.iloc[0]["indicator_text"], frame.iloc[0]["delta"]
            ('Security and order tips from the public', Fraction(126, 1))
        """
        return data_frame(self.rows(lang), "Comparison.to_pandas")

    def html(self, lang: Lang = "vi") -> Html:
        """The comparison as an HTML table with bilingual headers.

        Example:
            >>> from antq_domain.analysis.comparison import compare
            >>> "<table" in compare([], []).html().markup
            True
        """
        rows = [
            [
                r["indicator_text"],
                r["place_name"],
                r["previous_text"],
                r["current_text"],
                _delta_text(r, lang),
                r["reason"],
            ]
            for r in self.rows(lang)
        ]
        return html_table(_COMPARISON_HEADERS, rows)

    def _repr_html_(self) -> str:
        return self.html().markup

    def change(self, indicator: str, place: str, dims: Mapping[str, str] | None = None) -> Change:
        """The change of one figure.

        Raises:
            UnknownCodeError: no such figure on either side (field ``change``).

        Example:
            >>> from antq_domain.analysis.comparison import compare
            >>> compare([], []).change("tips.received", "62")
            Traceback (most recent call last):
            ...
            antq_domain.errors.UnknownCodeError: change=('tips.received', '62', ''): expected ...
        """
        want = Dims.of(dims or {})
        for ch in self.changes:
            if ch.indicator == indicator and ch.place == place and ch.dims == want:
                return ch
        raise UnknownCodeError(
            "change", (indicator, place, str(want)), "a figure on one of the two sides"
        )


def _side(x: object, field: str) -> tuple[dict[_Key, Observation], Catalogue | None]:
    x = as_observations(x)
    cat = getattr(x, "catalogue", None)
    only: Period | None = x.period if isinstance(x, MovementReport) else None
    out: dict[_Key, Observation] = {}
    expected = "a report, observations, a rollup result, a DataFrame or tidy-row dicts"
    for o in observations_of(x, field, expected):
        if only is not None and o.period != only:
            continue
        key = (o.indicator, o.place, o.dims)
        seen = out.get(key)
        if seen is None:
            out[key] = o
        elif seen.period != o.period:
            cell = f"{o.indicator} {o.place} {o.dims}"
            raise InvariantError(
                field,
                Message(
                    f"{cell}: {seen.period} and {o.period}", f"{cell}: {seen.period} và {o.period}"
                ),
                "one period per indicator, place and dims (roll them up first)",
                expected_vi="mỗi chỉ tiêu, địa bàn và phân tổ chỉ một kỳ (tổng hợp trước)",
            )
        elif (how := grade((seen.value, o.value))) in STRICT_CONFLICTS:
            cell = f"{o.indicator} {o.place} {o.period}"
            raise ConflictError(
                field,
                Message(
                    f"{cell}: {seen.value} and {o.value} ({how.value})",
                    f"{cell}: {seen.value} và {o.value} ({how.value})",
                ),
                "one value per cell: settle the conflict first",
                expected_vi="mỗi ô một giá trị: giải quyết số liệu mâu thuẫn trước",
            )
    return out, cat if isinstance(cat, Catalogue) else None


def _change(
    key: _Key, cur: Observation | None, prev: Observation | None, unlike: str | None = None
) -> Change:
    indicator, place, dims = key
    if cur is None or prev is None:
        side = "previous" if prev is None else "current"
        return Change(indicator, place, dims, cur, prev, reason=f"no {side} figure")
    why = period_difference(cur.period, prev.period)
    if unlike is not None or why is not None:
        text = unlike if unlike is not None else f"not comparable: {why.en if why else ''}"
        return Change(indicator, place, dims, cur, prev, reason=text)
    c, p = cur.value, prev.value
    if not isinstance(c, Quantity) or not isinstance(p, Quantity):
        side = "current" if not isinstance(c, Quantity) else "previous"
        status = (cur if side == "current" else prev).status.text("en")
        return Change(indicator, place, dims, cur, prev, reason=f"the {side} figure is {status}")
    ch = bounded_change(c.bounds(), p.bounds())
    if ch.delta is not None:
        return Change(indicator, place, dims, cur, prev, ch.delta, ch.relative, ch.delta, ch.delta)
    low, high = ch.low, ch.high
    said = [
        f"the {name} figure is {q.format('en', counter=False)}"
        for name, q in (("current", c), ("previous", p))
        if not q.is_exact
    ]
    reason = f"not a clean change: {' and '.join(said)}; {_between(low, high)}"
    return Change(indicator, place, dims, cur, prev, None, None, low, high, reason)


def _side_ratio(
    side: Mapping[_Key, Observation],
    spec_parts: tuple[str, str],
    factor: int,
    key: _Key,
    cat: Catalogue,
) -> Ratio | Undefined | None:
    _, place, dims = key
    found = [side.get((code, place, dims)) for code in spec_parts]
    if all(o is None for o in found):
        return None
    for code, o in zip(spec_parts, found, strict=True):
        name = cat[code].label.vi if code in cat else code
        if o is None:
            return Undefined(f"{code} is absent", reason_vi=f"không có số liệu {name}")
        if not isinstance(o.value, Quantity):
            status = o.value.status
            return Undefined(
                f"{code} is {status.text('en')}", reason_vi=f"{name}: {status.text('vi')}"
            )
    n, d = (o.value for o in found if o is not None)
    assert isinstance(n, Quantity)  # noqa: S101 - checked above
    assert isinstance(d, Quantity)  # noqa: S101 - checked above
    return Ratio(n, d, factor)


def _ratio_change(
    key: _Key,
    cur: Ratio | Undefined | None,
    prev: Ratio | Undefined | None,
    unlike: str | None = None,
) -> RatioChange:
    indicator, place, dims = key
    if cur is None or prev is None:
        side = "previous" if prev is None else "current"
        return RatioChange(indicator, place, dims, cur, prev, reason=f"no {side} parts")
    if unlike is not None:
        return RatioChange(indicator, place, dims, cur, prev, reason=unlike)
    for name, r in (("current", cur), ("previous", prev)):
        if isinstance(r, Undefined):
            return RatioChange(indicator, place, dims, cur, prev, reason=f"{name}: {r.reason}")
    assert isinstance(cur, Ratio)  # noqa: S101 - checked above
    assert isinstance(prev, Ratio)  # noqa: S101 - checked above
    cv, pv = cur.value, prev.value
    if isinstance(cv, Undefined) or isinstance(pv, Undefined):
        which = "current" if isinstance(cv, Undefined) else "previous"
        return RatioChange(
            indicator, place, dims, cur, prev, reason=f"the {which} ratio is undefined"
        )
    cb, pb = cur.bounds(), prev.bounds()
    assert not isinstance(cb, Undefined)  # noqa: S101 - the values are defined (checked above)
    assert not isinstance(pb, Undefined)  # noqa: S101 - same
    ch = bounded_change(cb, pb)
    if ch.delta is None:
        return RatioChange(
            indicator,
            place,
            dims,
            cur,
            prev,
            reason="not a clean change: a part of a ratio is not exact",
        )
    return RatioChange(indicator, place, dims, cur, prev, ch.delta, ch.relative)


def _key_order(key: _Key) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    return (key[0], key[1], key[2].pairs)


def compare(
    current: object,
    previous: object,
    *,
    catalogue: Catalogue | None = None,
    registry: Registry | None = None,
) -> Comparison:
    """Compare two sides figure by figure, and ratio by ratio from their parts.

    Each side is a report (only the figures of its own period are used),
    observations, a combination or a rollup result, with at most one period
    per indicator, place and dimension cell. Stated percentages compare like
    any figure; ratio indicators are also recomputed from each side's parts.

    Only like is compared with like: two figures of periods of different kinds (a year and a
    half-year; ranges of different lengths) get no change, only the reason. When both sides are
    reports, their places and periods are checked as a whole
    ([`Comparison.comparability`][antq_domain.analysis.comparison.Comparison], with ``registry``): a
    report of another unit or level is not comparable, and the restatement the register's successor
    links allow is offered, never done.

    Raises:
        InvariantError: one side has several periods for one figure (field
            ``current`` or ``previous``).
        ConflictError: one side states one cell twice with different values.

    Example:
        >>> from antq_domain.analysis.comparison import compare
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> a = Observation(indicator="tips.received", place="62", period="2023",
        ...                 value=Quantity(726, "tip"))
        >>> compare([a], []).changes[0].reason
        'no previous figure'
    """
    cur, cur_cat = _side(current, "current")
    prev, prev_cat = _side(previous, "previous")
    cat = catalogue or cur_cat or prev_cat or _standard()
    like: Comparability | None = None
    unlike: str | None = None
    if isinstance(current, MovementReport) and isinstance(previous, MovementReport):
        like = comparability(
            current.place, current.period, previous.place, previous.period, registry=registry
        )
        unlike = None if like.comparable else like.message.en
    keys = sorted(set(cur) | set(prev), key=_key_order)
    changes = tuple(_change(k, cur.get(k), prev.get(k), unlike) for k in keys)
    ratio_changes: list[RatioChange] = []
    for ind in cat.indicators:
        spec = ind.ratio
        if ind.kind is not IndicatorKind.RATIO or spec is None:
            continue
        parts = (spec.numerator, spec.denominator)
        match = set(spec.match)
        cells = {
            (ind.code, place, dims)
            for (code, place, dims) in keys
            if code in parts and set(dims) == match
        }
        ratio_changes.extend(
            _ratio_change(
                key,
                _side_ratio(cur, parts, spec.factor, key, cat),
                _side_ratio(prev, parts, spec.factor, key, cat),
                unlike or _ratio_unlike(cur, prev, parts, key),
            )
            for key in sorted(cells, key=_key_order)
        )
    return Comparison(changes, tuple(ratio_changes), like, cat)


def _ratio_unlike(
    cur: Mapping[_Key, Observation],
    prev: Mapping[_Key, Observation],
    parts: tuple[str, str],
    key: _Key,
) -> str | None:
    """Why the two sides' parts of a ratio are not comparable (``None``: they are)."""
    _, place, dims = key
    for code in parts:
        a, b = cur.get((code, place, dims)), prev.get((code, place, dims))
        if a is not None and b is not None:
            why = period_difference(a.period, b.period)
            if why is not None:
                return f"not comparable: {why.en}"
    return None


def _standard() -> Catalogue:
    return catalogue()
