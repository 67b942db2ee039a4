"""Whether two figures' place and period can be compared: like with like, or a finding.

A change "so với năm 2022" means something only when both sides speak of the same thing.
[`comparability`][antq_domain.analysis.comparability.comparability] checks:

* **place**: the same unit on both sides' dates. Two different units are not comparable; neither is
  one code whose unit changed between the two dates (Tỉnh Quảng Ngãi from 1 July 2025 is Kon Tum and
  the old Quảng Ngãi together). When the register's successor links join the two sides (the previous
  unit became part of the current one, or the current one was formed from several), the
  *restatement* is **offered** — restate the previous figures of every predecessor onto the current
  unit with [`rollup`][antq_domain.rollup] (``view="restated"``) — and never done
  silently;
* **level**: a province against one of its districts is not comparable;
* **period**: the same kind (a year against a year, not a half-year), and
  for ranges and spans the same number of days.

A non-comparable pair gives no change and no percentage: evaluation turns it into a
``comparison.not_comparable`` finding and [`compare`][antq_domain.compare] into a reason.

Example:
    >>> from antq_domain.analysis.comparability import comparability
    >>> from antq_domain.values.period import Period
    >>> c = comparability("51", Period.year(2026), "62", Period.year(2024))
    >>> c.comparable
    False
    >>> print(c.message.en)
    not comparable with the previous figures: Tỉnh Kon Tum (62) is another unit than Tỉnh \
Quảng Ngãi (51); to compare, restate the previous figures of Tỉnh Kon Tum (62) and Tỉnh \
Quảng Ngãi (51@2025-06-30), which became Tỉnh Quảng Ngãi (51) on 1 July 2025, onto it \
(rollup with view="restated")
"""

from __future__ import annotations

from datetime import date

import attrs

from antq_domain.errors import AntqError, AntqTypeError
from antq_domain.records.places import Place, Registry
from antq_domain.records.places import registry as bundled_registry
from antq_domain.values.label import Label
from antq_domain.values.period import MONTHS_EN, Period, PeriodKind

__all__ = ["Comparability", "comparability", "period_difference"]


def _vi_day(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def _en_day(day: date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year:04d}"


@attrs.frozen
class Comparability:
    """Whether a current and a previous side can be compared, and why not.

    A value. ``reasons`` are empty when the sides are comparable;
    ``restatement`` offers the restatement that would make them comparable
    (``None``: none known). Nothing is restated here.

    Example:
        >>> from antq_domain.analysis.comparability import comparability
        >>> from antq_domain.values.period import Period
        >>> comparability("62", Period.year(2023), "62", Period.year(2022)).comparable
        True
    """

    current_place: str
    current_period: Period
    previous_place: str
    previous_period: Period
    reasons: tuple[Label, ...] = ()
    restatement: Label | None = None

    @property
    def comparable(self) -> bool:
        """Whether the sides compare like with like.

        Example:
            >>> from antq_domain.analysis.comparability import comparability
            >>> from antq_domain.values.period import Period
            >>> comparability("62", Period.year(2023), "62", Period.half_year(2023, 1)).comparable
            False
        """
        return not self.reasons

    @property
    def message(self) -> Label:
        """Why the sides are not comparable and the restatement offered (empty when they are).

        Example:
            >>> from antq_domain.analysis.comparability import comparability
            >>> from antq_domain.values.period import Period
            >>> print(comparability("62", Period.year(2023), "62",
            ...                     Period.half_year(2023, 1)).message.vi)
            không so sánh được với số liệu kỳ trước: kỳ 6 tháng đầu năm 2023 khác loại với kỳ \
năm 2023 (6 tháng so với năm)
        """
        if not self.reasons:
            return Label(vi="so sánh được", en="comparable")
        vi = "không so sánh được với số liệu kỳ trước: " + "; ".join(r.vi for r in self.reasons)
        en = "not comparable with the previous figures: " + "; ".join(r.en for r in self.reasons)
        if self.restatement is not None:
            vi += "; " + self.restatement.vi
            en += "; " + self.restatement.en
        return Label(vi=vi, en=en)


def period_difference(current: Period, previous: Period) -> Label | None:
    """Why two periods are not comparable (``None``: they are).

    The kinds must agree (a year with a year); ranges and spans must also
    have the same number of days.

    Example:
        >>> from antq_domain.analysis.comparability import period_difference
        >>> from antq_domain.values.period import Period
        >>> period_difference(Period.year(2023), Period.year(2022)) is None
        True
        >>> print(period_difference(Period.year(2023), Period.quarter(2022, 4)).en)
        the period Q4 2022 is of another kind than 2023 (quarter against year)
    """
    if not isinstance(current, Period) or not isinstance(previous, Period):
        raise AntqTypeError("period", (current, previous), "two Periods")
    if current.kind is not previous.kind:
        return Label(
            vi=f"kỳ {previous.format('vi')} khác loại với kỳ {current.format('vi')} "
            f"({previous.kind.label.vi} so với {current.kind.label.vi})",
            en=f"the period {previous.format('en')} is of another kind than "
            f"{current.format('en')} ({previous.kind.label.en} against "
            f"{current.kind.label.en})",
        )
    if current.kind in (PeriodKind.RANGE, PeriodKind.SPAN) and current.days != previous.days:
        return Label(
            vi=f"kỳ {previous.format('vi')} dài {previous.days} ngày, kỳ "
            f"{current.format('vi')} dài {current.days} ngày",
            en=f"the period {previous.format('en')} has {previous.days} days, "
            f"{current.format('en')} has {current.days}",
        )
    return None


def _named(place: Place) -> str:
    return f"{place.name} ({place.code})"


def _lookup(reg: Registry, code: str) -> Place | None:
    try:
        return reg.get(code)
    except (AntqError, KeyError):
        return None


def _restatement(reg: Registry, current: Place, previous: Place, day: date) -> Label | None:
    """The restatement joining ``previous`` to ``current`` through successor links, if any."""
    became = {p.code for p in reg.current(previous.code, day)}
    if current.code not in became:
        return None
    sources = sorted(
        (p for p in reg.predecessors(current.code)),
        key=lambda p: (p.code != previous.code, p.code),
    )
    if not sources:  # pragma: no cover - current lists previous among its predecessors
        sources = [previous]
    names = " và ".join(_named(p) for p in sources)
    names_en = " and ".join(_named(p) for p in sources)
    start = current.valid_from
    when_vi = f" từ ngày {_vi_day(start)}" if start else ""
    when_en = f" on {_en_day(start)}" if start else ""
    return Label(
        vi=f"muốn so sánh, cần quy đổi số liệu kỳ trước của {names} (hợp thành "
        f'{_named(current)}{when_vi}) về đơn vị này (rollup với view="restated")',
        en=f"to compare, restate the previous figures of {names_en}, which became "
        f'{_named(current)}{when_en}, onto it (rollup with view="restated")',
    )


def comparability(
    current_place: str,
    current_period: Period,
    previous_place: str,
    previous_period: Period,
    *,
    registry: Registry | None = None,
) -> Comparability:
    """Check that a previous side compares like with like with the current one.

    Args:
        current_place: the current side's place code.
        current_period: the current side's period.
        previous_place: the previous side's place code.
        previous_period: the previous side's period.
        registry: the register of places (default: the bundled one).

    Example:
        >>> from antq_domain.analysis.comparability import comparability
        >>> from antq_domain.values.period import Period
        >>> c = comparability("62", Period.year(2023), "616", Period.year(2022))
        >>> [r.en for r in c.reasons]
        ['Huyện Sa Thầy (616) is another unit than Tỉnh Kon Tum (62)', \
'Huyện Sa Thầy (616) is at district level, Tỉnh Kon Tum (62) at province level']
    """
    reg = registry if registry is not None else bundled_registry()
    reasons: list[Label] = []
    restatement: Label | None = None
    cur = _lookup(reg, current_place)
    prev = _lookup(reg, previous_place)
    cur_day, prev_day = current_period.end, previous_period.end
    if current_place != previous_place:
        shown_cur = _named(cur) if cur else current_place
        shown_prev = _named(prev) if prev else previous_place
        reasons.append(
            Label(
                vi=f"{shown_prev} là đơn vị khác với {shown_cur}",
                en=f"{shown_prev} is another unit than {shown_cur}",
            )
        )
        if cur is not None and prev is not None:
            if cur.level is not prev.level:
                reasons.append(
                    Label(
                        vi=f"{shown_prev} là {prev.level.label.vi}, {shown_cur} là "
                        f"{cur.level.label.vi}",
                        en=f"{shown_prev} is at {prev.level.value} level, {shown_cur} at "
                        f"{cur.level.value} level",
                    )
                )
            else:
                restatement = _restatement(reg, cur, prev, cur_day)
    elif cur is not None and not (cur.alive_on(prev_day) and cur.alive_on(cur_day)):
        # one code, but not one unit on both dates: the code names a unit formed later
        earlier = [p for p in reg.predecessors(cur.code) if p.alive_on(prev_day)]
        if earlier and cur.alive_on(cur_day):
            reasons.append(
                Label(
                    vi=f"mã {cur.code} ngày {_vi_day(prev_day)} là đơn vị cũ, khác với "
                    f"{_named(cur)} ngày {_vi_day(cur_day)}",
                    en=f"the code {cur.code} on {_en_day(prev_day)} names the earlier unit, "
                    f"not {_named(cur)} of {_en_day(cur_day)}",
                )
            )
            restatement = _restatement(reg, cur, earlier[0], cur_day)
    why = period_difference(current_period, previous_period)
    if why is not None:
        reasons.append(why)
    return Comparability(
        current_place,
        current_period,
        previous_place,
        previous_period,
        tuple(reasons),
        restatement,
    )
