# Size: the four charts (trend, compare_places, replication_funnel, commendation_tallies) and their
# shared drawing helpers; about 30% of the lines are docstrings and their examples.
r"""Charts of reports and observations (matplotlib, an optional extra).

An edge of the library. Each function returns a `matplotlib.figure.Figure` drawn on the Agg canvas,
without pyplot: no global state, no window, never ``show()``. Save it with
``fig.savefig("chart.png")``; in a notebook it displays as the cell's value (after ``%matplotlib
inline``). Without matplotlib the call raises
[`MissingExtraError`][antq_domain.frames.MissingExtraError] (``pip install 'antq-domain[charts]'``).

What the charts keep from the library's semantics:

* **labels in one language**, ``lang="vi"`` (default) or ``"en"``: indicator
  labels from the catalogue, codelist labels for scopes, forms and issuers,
  place names from the register;
* **qualifiers are visible**: a lower bound ("hơn") is drawn with an upward
  triangle marker or a ``//`` hatch and written ``≥ 145.410``; an upper bound
  with ``v`` / ``\\\\`` and ``≤``; an approximate figure with a diamond /
  ``..`` and ``~``;
* **missing is a gap, never a zero**: a figure that is not reported, not
  applicable, withheld or absent gets no point and no bar, and an em-dash
  note says why;
* exact figures are converted to ``float`` only to place marks on the
  canvas; the numbers written on the chart are formatted from the exact
  values.

Example:
    >>> import antq_domain as aq
    >>> from antq_domain.charts import replication_funnel
    >>> report = aq.load_report("examples/data/kon-tum-2023.json")
    >>> fig = replication_funnel(report, lang="en")
    >>> fig.axes[0].get_title()
    'models replicated (Kon Tum province, 2023)'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs

from antq_domain.analysis import _rollup_view
from antq_domain.analysis.aggregation import Rollup
from antq_domain.display import NO_FIGURE, place_name
from antq_domain.errors import AntqTypeError, InvariantError
from antq_domain.frames import MissingExtraError
from antq_domain.io.rows import HasObservations
from antq_domain.records.commendations import Commendation, CommendationStatus
from antq_domain.records.indicators import Catalogue, Indicator, IndicatorKind, catalogue
from antq_domain.records.models import ReplicationScope
from antq_domain.records.observation import Dims, Observation
from antq_domain.records.organisations import TWO_TIER_FROM
from antq_domain.values._format import format_amount
from antq_domain.values.label import Label, Lang
from antq_domain.values.missing import Status
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.ratio import Ratio, round_half_up
from antq_domain.values.unit import Qualifier

if TYPE_CHECKING:  # pragma: no cover - names for type checkers only
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["commendation_tallies", "compare_places", "replication_funnel", "trend"]

_SYMBOL = {
    Qualifier.EXACT: "",
    Qualifier.AT_LEAST: "≥ ",
    Qualifier.AT_MOST: "≤ ",
    Qualifier.MORE_THAN: "> ",
    Qualifier.LESS_THAN: "< ",
    Qualifier.APPROXIMATELY: "~ ",
}
_MARKER = {
    Qualifier.EXACT: "o",
    Qualifier.AT_LEAST: "^",
    Qualifier.AT_MOST: "v",
    Qualifier.APPROXIMATELY: "D",
    Qualifier.MORE_THAN: "^",
    Qualifier.LESS_THAN: "v",
}
_HATCH = {
    Qualifier.EXACT: "",
    Qualifier.AT_LEAST: "//",
    Qualifier.AT_MOST: "\\\\",
    Qualifier.APPROXIMATELY: "..",
    Qualifier.MORE_THAN: "//",
    Qualifier.LESS_THAN: "\\\\",
}
_QUALIFIER_WORDS = {
    Qualifier.EXACT: Label(vi="chính xác", en="exact"),
    Qualifier.MORE_THAN: Label(vi="> hơn (cận dưới)", en="> more than (lower bound)"),
    Qualifier.AT_LEAST: Label(vi="≥ ít nhất (cận dưới)", en="≥ at least (lower bound)"),
    Qualifier.LESS_THAN: Label(vi="< dưới (cận trên)", en="< less than (upper bound)"),
    Qualifier.AT_MOST: Label(vi="≤ không quá (cận trên)", en="≤ at most (upper bound)"),
    Qualifier.APPROXIMATELY: Label(vi="~ khoảng", en="~ about"),
}
_NO_FIGURE = Label(vi="không có số liệu", en="no figure")
_GREY = "#777777"


@attrs.frozen
class _Point:
    """One figure ready to draw: exact amount and qualifier, or a missing note."""

    amount: Fraction | Decimal | int | None
    qualifier: Qualifier = Qualifier.EXACT
    note: Label | None = None

    def text(self, lang: Lang) -> str:
        if self.amount is None:
            return f"{NO_FIGURE} ({(self.note or _NO_FIGURE).text(lang)})"
        amount = self.amount
        shown = round_half_up(amount, 1) if isinstance(amount, Fraction) else amount
        return _SYMBOL[self.qualifier] + format_amount(shown, lang)

    @property
    def y(self) -> float:
        return float(self.amount) if self.amount is not None else float("nan")


def _new_figure(
    rows: int = 1,
    cols: int = 1,
    *,
    size: tuple[float, float] = (8.0, 4.5),
    ratios: Sequence[float] | None = None,
) -> Figure:
    try:
        from matplotlib.backends.backend_agg import (  # noqa: PLC0415 - optional extra
            FigureCanvasAgg,
        )
        from matplotlib.figure import Figure  # noqa: PLC0415 - optional extra
    except ImportError as exc:
        raise MissingExtraError("antq_domain.charts", "matplotlib", "charts") from exc
    fig = Figure(figsize=size, layout="constrained")
    FigureCanvasAgg(fig)
    grid = fig.add_gridspec(rows, cols, height_ratios=ratios)
    for i in range(rows):
        for j in range(cols):
            fig.add_subplot(grid[i, j])
    return fig


def _observations(x: object) -> list[Observation]:
    if isinstance(x, HasObservations):
        return list(x.observations)
    if isinstance(x, Iterable) and not isinstance(x, str | bytes | Mapping):
        items = list(x)
        if all(isinstance(o, Observation) for o in items):
            return [o for o in items if isinstance(o, Observation)]
    raise AntqTypeError("observations", x, "a report, a result with observations, or observations")


def _catalogue(x: object, given: Catalogue | None) -> Catalogue:
    if given is not None:
        return given
    found = getattr(x, "catalogue", None)
    return found if isinstance(found, Catalogue) else catalogue()


def _point(obs: Observation) -> _Point:
    if isinstance(obs.value, Quantity):
        return _Point(obs.value.amount, obs.value.qualifier)
    return _Point(None, note=obs.value.status.label)


def _ratio_points(
    obs: Sequence[Observation], ind: Indicator, dims: Dims
) -> dict[tuple[str, str], _Point]:
    """Points of a ratio indicator recomputed from its parts, per (place, period)."""
    assert ind.ratio is not None  # noqa: S101 - checked by the caller
    spec = ind.ratio
    parts: dict[tuple[str, str], dict[str, Observation]] = {}
    for o in obs:
        if o.indicator in (spec.numerator, spec.denominator) and o.dims == dims:
            parts.setdefault((o.place, str(o.period)), {})[o.indicator] = o
    out: dict[tuple[str, str], _Point] = {}
    for key, found in parts.items():
        num, den = found.get(spec.numerator), found.get(spec.denominator)
        if num is None or den is None:
            out[key] = _Point(None)
        elif not isinstance(num.value, Quantity):
            out[key] = _point(num)
        elif not isinstance(den.value, Quantity):
            out[key] = _point(den)
        else:
            ratio = Ratio(num.value, den.value, spec.factor)
            value = ratio.value
            if isinstance(value, Fraction):
                out[key] = _Point(value, ratio.qualifier)
            else:
                out[key] = _Point(None, note=Label(vi="không xác định", en="undefined"))
    return out


def _points(
    obs: Sequence[Observation], ind: Indicator, dims: Mapping[str, str] | None
) -> dict[tuple[str, str], _Point]:
    """The figures of ``ind`` for the cell ``dims``, per (place, period id)."""
    want = Dims.of(dims or {})
    out: dict[tuple[str, str], _Point] = {}
    if ind.kind is IndicatorKind.RATIO and ind.ratio is not None:
        out.update(_ratio_points(obs, ind, want))
    for o in obs:
        if o.indicator == ind.code and o.dims == want:
            key = (o.place, str(o.period))
            if key not in out or out[key].amount is None:
                out[key] = _point(o)
    return out


def _marks(
    x: object, ind: Indicator, dims: Mapping[str, str] | None
) -> dict[tuple[str, str], Label]:
    """What is missing from each (place, period) of a rollup's figures, in both languages.

    Only a [`Rollup`][antq_domain.Rollup] knows; for a ratio indicator, its
    parts' cells are asked.
    """
    if not isinstance(x, Rollup):
        return {}
    want = Dims.of(dims or {})
    codes = (ind.ratio.numerator, ind.ratio.denominator) if ind.ratio is not None else (ind.code,)
    out: dict[tuple[str, str], Label] = {}
    for c in x.cells:
        if c.indicator in codes and c.dims == want and not c.is_complete:
            key = (c.place, str(c.period))
            if key not in out:
                vi, en = _rollup_view.incompleteness(c, "vi"), _rollup_view.incompleteness(c, "en")
                out[key] = Label(vi=vi or "", en=en or "")
    return out


def _place_label(x: object, code: str, lang: Lang) -> str:
    """A place by name; marked "(tính lại)" when ``x`` is a restated rollup."""
    if isinstance(x, Rollup):
        return _rollup_view.place_label(x, code, lang)
    return place_name(code, lang)


def _axis_unit(ind: Indicator, lang: Lang) -> str:
    if ind.unit is not None:
        return ind.unit.counter_vi if lang == "vi" else ind.unit.counter_en
    return "%" if ind.display_unit == "percent" else ind.display_unit


def _qualifier_legend(ax: Axes, used: set[Qualifier], lang: Lang, *, bars: bool) -> None:
    """Add legend entries for the non-exact qualifiers drawn."""
    from matplotlib.lines import Line2D  # noqa: PLC0415 - optional extra
    from matplotlib.patches import Patch  # noqa: PLC0415 - optional extra

    handles: list[Any] = []
    for q in (
        Qualifier.MORE_THAN,
        Qualifier.AT_LEAST,
        Qualifier.LESS_THAN,
        Qualifier.AT_MOST,
        Qualifier.APPROXIMATELY,
    ):
        if q not in used:
            continue
        label = _QUALIFIER_WORDS[q].text(lang)
        if bars:
            handles.append(
                Patch(facecolor="white", edgecolor="black", hatch=_HATCH[q], label=label)
            )
        else:
            handles.append(
                Line2D([], [], marker=_MARKER[q], color="black", linestyle="", label=label)
            )
    if handles:
        existing, _ = ax.get_legend_handles_labels()
        ax.legend(handles=[*existing, *handles], fontsize="small")


def _period_order(codes: Iterable[str]) -> list[str]:
    return sorted(set(codes), key=lambda c: Period.parse(c).sort_key)


def trend(
    observations: object,
    indicator: str,
    *,
    place: str | None = None,
    dims: Mapping[str, str] | None = None,
    lang: Lang = "vi",
    catalogue: Catalogue | None = None,
) -> Figure:
    """A line over periods of one indicator: one line per place (or just ``place``).

    Periods are the x axis in time order; a period without a figure for a
    place is a gap in its line (with an em-dash note at the bottom), never a
    zero. A ratio indicator is recomputed from its parts where they are given.

    Args:
        observations: a report, a result with observations, or observations.
        indicator: the catalogue code.
        place: keep only this place (default: every place with the indicator).
        dims: the dimension cell (default: the cell without dimensions).
        lang: the language of the labels.
        catalogue: the catalogue (default: the report's, else the standard one).

    Example:
        >>> from antq_domain.charts import trend
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import NOT_REPORTED, Quantity
        >>> obs = [Observation(indicator="tips.received", place="62", period=p, value=v)
        ...        for p, v in [("2021", Quantity(600, "tip")), ("2022", NOT_REPORTED),
        ...                     ("2023", Quantity(726, "tip"))]]
        >>> fig = trend(obs, "tips.received", lang="en")
        >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
        ['2021', '2022', '2023']
    """
    obs = _observations(observations)
    cat = _catalogue(observations, catalogue)
    ind = cat.get(indicator)
    points = _points(obs, ind, dims)
    marks = _marks(observations, ind, dims)
    if ind.ratio is not None:  # a ratio over incomplete parts has no honest value
        points.update({k: _Point(None, note=m) for k, m in marks.items() if k in points})
    if place is not None:
        points = {k: v for k, v in points.items() if k[0] == place}
    periods = _period_order(k[1] for k in points)
    places = list(dict.fromkeys(k[0] for k in points))
    fig = _new_figure()
    ax = fig.axes[0]
    used: set[Qualifier] = set()
    xs = list(range(len(periods)))
    for code in places:
        series = [points.get((code, p), _Point(None)) for p in periods]
        label = _place_label(observations, code, lang)
        (line,) = ax.plot(xs, [pt.y for pt in series], label=label, linewidth=1.5)
        for x, pt in zip(xs, series, strict=True):
            if pt.amount is None:
                ax.text(
                    x,
                    0.02,
                    pt.text(lang),
                    transform=ax.get_xaxis_transform(),
                    ha="center",
                    fontsize="x-small",
                    color=_GREY,
                    rotation=90,
                    va="bottom",
                )
                continue
            used.add(pt.qualifier)
            hollow = pt.qualifier is Qualifier.APPROXIMATELY
            ax.plot(
                [x],
                [pt.y],
                marker=_MARKER[pt.qualifier],
                color=line.get_color(),
                markerfacecolor="white" if hollow else line.get_color(),
                linestyle="",
            )
            mark = marks.get((code, periods[x]))
            ax.annotate(
                pt.text(lang) + ("" if mark is None else f"\n({mark.text(lang)})"),
                (x, pt.y),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize="small",
            )
    ax.set_xticks(xs, periods)
    ax.set_xlabel("kỳ báo cáo" if lang == "vi" else "period")
    ax.set_ylabel(_axis_unit(ind, lang))
    where = f" ({_place_label(observations, place, lang)})" if place is not None else ""
    ax.set_title(ind.label.text(lang) + where)
    ax.set_ylim(bottom=0)
    _amount_axis(ax, lang, axis="y", whole=ind.unit is not None and not ind.unit.is_decimal)
    if len(places) > 1:
        ax.legend(fontsize="small")
    _qualifier_legend(ax, used, lang, bars=False)
    return fig


def _amount_axis(ax: Axes, lang: Lang, *, axis: str = "x", whole: bool = True) -> None:
    """Tick labels grouped the way ``lang`` writes numbers; whole ticks for counts."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: PLC0415 - optional extra

    def text(value: float, _pos: object) -> str:
        if value == int(value):
            return format_amount(int(value), lang)
        return format_amount(Decimal(repr(value)), lang)

    target = ax.xaxis if axis == "x" else ax.yaxis
    target.set_major_formatter(FuncFormatter(text))
    if whole:
        target.set_major_locator(MaxNLocator(integer=True))


def _barh(ax: Axes, labels: Sequence[str], points: Sequence[_Point], lang: Lang) -> None:
    """Horizontal bars, top to bottom; gaps and notes for missing figures."""
    used: set[Qualifier] = set()
    ys = list(range(len(points)))[::-1]
    top = max((pt.y for pt in points if pt.amount is not None), default=1.0) or 1.0
    for y, pt in zip(ys, points, strict=True):
        if pt.amount is None:
            ax.text(top * 0.01, y, pt.text(lang), va="center", color=_GREY, fontsize="small")
            continue
        used.add(pt.qualifier)
        ax.barh(y, pt.y, color="#4C72B0", edgecolor="black", hatch=_HATCH[pt.qualifier], height=0.6)
        ax.text(pt.y + top * 0.01, y, pt.text(lang), va="center", fontsize="small")
    ax.set_yticks(ys, list(labels))
    ax.set_ylim(-0.6, len(points) - 0.4)
    ax.set_xlim(0, top * 1.25)
    _qualifier_legend(ax, used, lang, bars=True)


def compare_places(
    observations: object,
    indicator: str,
    *,
    period: Period | str | None = None,
    places: Sequence[str] | None = None,
    dims: Mapping[str, str] | None = None,
    lang: Lang = "vi",
    catalogue: Catalogue | None = None,
) -> Figure:
    """Bars of one indicator across places for one period.

    Args:
        observations: a report, a result with observations, or observations.
        indicator: the catalogue code.
        period: the period (default: the latest with a figure).
        places: the places to show, in order (default: those with a figure);
            a place without one is a gap with a note, never a zero bar.
        dims: the dimension cell (default: the cell without dimensions).
        lang: the language of the labels.
        catalogue: the catalogue (default: the report's, else the standard one).

    Example:
        >>> from antq_domain.charts import compare_places
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> obs = [Observation(indicator="tips.received", place="62", period="2023",
        ...                    value=Quantity(726, "tip"))]
        >>> fig = compare_places(obs, "tips.received", places=["62", "51"], lang="en")
        >>> [t.get_text() for t in fig.axes[0].texts]
        ['726', '— (no figure)']
    """
    obs = _observations(observations)
    cat = _catalogue(observations, catalogue)
    ind = cat.get(indicator)
    points = _points(obs, ind, dims)
    if period is None:
        present = _period_order(k[1] for k in points)
        if not present:
            raise InvariantError("indicator", indicator, "an indicator with figures to compare")
        chosen = present[-1]
    else:
        chosen = str(period)
    codes = list(places) if places is not None else [k[0] for k in points if k[1] == chosen]
    fig = _new_figure(size=(8.0, 1.2 + 0.5 * max(len(codes), 1)))
    ax = fig.axes[0]
    marks = _marks(observations, ind, dims)
    labels: list[str] = []
    shown_points: list[_Point] = []
    for c in codes:
        label, point = _place_label(observations, c, lang), points.get((c, chosen))
        mark = marks.get((c, chosen))
        if mark is not None:
            label += f"\n{mark.text(lang)}"
            if ind.ratio is not None:  # a ratio over incomplete parts has no honest value
                point = _Point(None, note=mark)
        labels.append(label)
        shown_points.append(point or _Point(None))
    _barh(ax, labels, shown_points, lang)
    ax.set_xlabel(_axis_unit(ind, lang))
    _amount_axis(ax, lang, whole=ind.unit is not None and not ind.unit.is_decimal)
    shown = Period.parse(chosen).format(lang)
    ax.set_title(f"{ind.label.text(lang)} ({shown})")
    return fig


def _one(values: Iterable[str], field: str) -> str:
    found = sorted(set(values))
    if len(found) != 1:
        raise InvariantError(field, found, f"one {field}: pass {field}= to choose")
    return found[0]


def replication_funnel(
    report_or_observations: object,
    *,
    place: str | None = None,
    period: Period | str | None = None,
    lang: Lang = "vi",
) -> Figure:
    """Models replicated by scope: district → provincial → national.

    From the ``models.replicated`` figures of one place and period (a
    report's own, by default). A scope without a figure is a gap; the
    district scope is "not applicable" for periods from 1 July 2025, when
    the district level ended.

    Args:
        report_or_observations: a report, a result with observations, or observations.
        place: the place (default: the report's, or the only one present).
        period: the period (default: the report's, or the only one present).
        lang: the language of the labels.

    Example:
        >>> from antq_domain.charts import replication_funnel
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> obs = [Observation(indicator="models.replicated", place="62", period="2023",
        ...                    dims={"scope": "national"}, value=Quantity(2, "model"))]
        >>> fig = replication_funnel(obs, lang="en")
        >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
        ['replicated district-wide', 'replicated province-wide', 'replicated nationwide']
    """
    x = report_or_observations
    obs = [o for o in _observations(x) if o.indicator == "models.replicated"]
    cat = _catalogue(x, None)
    ind = cat.get("models.replicated")
    report_place = getattr(x, "place", None)
    report_period = getattr(x, "period", None)
    if place is None:
        place = (
            report_place if isinstance(report_place, str) else _one((o.place for o in obs), "place")
        )
    if period is None:
        period = (
            report_period
            if isinstance(report_period, Period)
            else _one((str(o.period) for o in obs), "period")
        )
    chosen = Period.parse(period) if isinstance(period, str) else period
    scopes = [ReplicationScope.DISTRICT, ReplicationScope.PROVINCIAL, ReplicationScope.NATIONAL]
    found = {o.dims.get("scope"): _point(o) for o in obs if o.place == place and o.period == chosen}
    if ReplicationScope.UNSPECIFIED.value in found:
        scopes.insert(0, ReplicationScope.UNSPECIFIED)
    points: list[_Point] = []
    for scope in scopes:
        point = found.get(scope.value, _Point(None))
        if (
            scope is ReplicationScope.DISTRICT
            and point.amount is None
            and chosen.start >= TWO_TIER_FROM
        ):
            point = _Point(None, note=Status.NOT_APPLICABLE.label)
        points.append(point)
    fig = _new_figure(size=(8.0, 3.5))
    ax = fig.axes[0]
    # drawn top to bottom: the widest scope (district) first
    _barh(ax, [s.label.text(lang) for s in scopes], points, lang)
    ax.set_xlabel(_axis_unit(ind, lang))
    _amount_axis(ax, lang)
    ax.set_title(f"{ind.label.text(lang)} ({_place_title(place, lang)}, {chosen.format(lang)})")
    return fig


def _place_title(code: str, lang: Lang) -> str:
    name = place_name(code, lang)
    if lang == "en":
        for word, kind in (("Tỉnh ", "province"), ("Thành phố ", "city")):
            if name.startswith(word):
                return f"{name.removeprefix(word)} {kind}"
    return name


_STATUS_TITLES = {
    CommendationStatus.CONFERRED: Label(vi="Đã khen thưởng", en="Conferred"),
    CommendationStatus.PROPOSED: Label(vi="Đề nghị khen thưởng", en="Proposed"),
}


def _tallies(report: object) -> list[tuple[str, str, str, str, int]]:
    """(status, form, issuer, recipient kind, recipients) from records, else figures."""
    records = getattr(report, "commendations", ())
    out: list[tuple[str, str, str, str, int]] = []
    if records:
        out.extend(
            (
                c.status.value,
                c.form.value,
                c.issuer.value,
                c.recipient_kind.value,
                c.recipient_count,
            )
            for c in records
            if isinstance(c, Commendation)
        )
        return out
    for o in _observations(report):
        if o.indicator == "commendations.recipients" and isinstance(o.value, Quantity):
            d = o.dims
            if {"status", "form", "issuer"} <= set(d):
                amount = o.value.amount
                out.append(
                    (
                        d["status"],
                        d["form"],
                        d["issuer"],
                        d.get("recipient_kind", "collective"),
                        int(amount),
                    )
                )
    return out


def commendation_tallies(report: object, *, lang: Lang = "vi") -> Figure:
    """Recipients of commendations by form × issuer, one panel per status.

    Conferred and proposed awards are never mixed in one bar: each status
    has its own panel. Bars are stacked by recipient kind (collective,
    individual, household). Read from the report's commendation records, or
    from its ``commendations.recipients`` figures when it holds no records.

    Args:
        report: a report (or anything with commendations or observations).
        lang: the language of the labels.

    Example:
        >>> import antq_domain as aq
        >>> from antq_domain.charts import commendation_tallies
        >>> report = aq.load_report("examples/data/kon-tum-2023.json")
        >>> fig = commendation_tallies(report, lang="en")
        >>> [ax.get_title() for ax in fig.axes]
        ['Conferred', 'Proposed']
    """
    from antq_domain.records.commendations import (  # noqa: PLC0415 - local codelists
        Authority,
        CommendationForm,
        RecipientKind,
    )

    rows = _tallies(report)
    statuses = [s for s in CommendationStatus if any(r[0] == s.value for r in rows)]
    if not statuses:
        statuses = [CommendationStatus.CONFERRED]
    bars_per = [len({(r[1], r[2]) for r in rows if r[0] == s.value}) for s in statuses]
    height = 1.5 + sum(0.45 * max(n, 1) + 0.8 for n in bars_per)
    fig = _new_figure(
        len(statuses), 1, size=(9.0, height), ratios=[max(n, 1) + 1.5 for n in bars_per]
    )
    colours = {"collective": "#4C72B0", "individual": "#DD8452", "household": "#55A868"}
    for ax, status in zip(fig.axes, statuses, strict=True):
        mine = [r for r in rows if r[0] == status.value]
        keys = list(dict.fromkeys((r[1], r[2]) for r in mine))
        ys = list(range(len(keys)))[::-1]
        left = dict.fromkeys(keys, 0)
        for kind in RecipientKind:
            widths = [
                sum(r[4] for r in mine if (r[1], r[2]) == k and r[3] == kind.value) for k in keys
            ]
            if not any(widths):
                continue
            ax.barh(
                ys,
                widths,
                left=[left[k] for k in keys],
                color=colours[kind.value],
                edgecolor="black",
                height=0.6,
                label=kind.label.text(lang),
            )
            for k, w in zip(keys, widths, strict=True):
                left[k] += w
        for y, k in zip(ys, keys, strict=True):
            ax.text(left[k], y, f" {format_amount(left[k], lang)}", va="center", fontsize="small")
        labels = [
            f"{CommendationForm.parse(f).label.text(lang)} — {Authority.parse(i).label.text(lang)}"
            for f, i in keys
        ]
        ax.set_yticks(ys, labels, fontsize="small")
        ax.set_title(_STATUS_TITLES[status].text(lang))
        ax.set_xlabel("người, tập thể nhận" if lang == "vi" else "recipients")
        _amount_axis(ax, lang)
        if keys:
            ax.set_xlim(0, max(left.values()) * 1.15 + 1)
            ax.set_ylim(-0.6, len(keys) - 0.4)
        else:
            ax.text(0.5, 0.5, _Point(None).text(lang), ha="center", transform=ax.transAxes)
    kinds: dict[str, Any] = {}
    for ax in fig.axes:
        handles, names = ax.get_legend_handles_labels()
        kinds.update(zip(names, handles, strict=True))
    if kinds:
        fig.legend(
            list(kinds.values()), list(kinds), loc="outside lower center", ncols=3, fontsize="small"
        )
    return fig
