"""The `MovementReport` views: notebook HTML and ``str``.

Built from the generic markup of [`antq_domain.markup`][antq_domain.markup] and the words of
[`antq_domain.display`][antq_domain.display]; nothing here reads files or the clock.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from antq_domain.display import (
    COLUMN,
    capitalised,
    dims_text,
    label_text,
    place_text,
    value_text,
)
from antq_domain.markup import Html, html_list, html_section, html_table, tooltip
from antq_domain.records.groups import RecordGroup
from antq_domain.records.indicators import Catalogue
from antq_domain.records.observation import Observation
from antq_domain.values.label import Label, Lang

if TYPE_CHECKING:  # pragma: no cover - names for type checkers only
    from antq_domain.records.report import MovementReport

__all__ = ["report_html", "report_summary"]

# -- report views ---------------------------------------------------------------


def _ratio_rows(report: MovementReport, lang: Lang) -> list[list[object]]:
    cat = report.catalogue
    return [
        [
            cat[code].label,
            dims_text(cat, code, dims, lang) or None,
            value_text(report.ratio(code, dims), lang),
        ]
        for code, dims in report.ratio_cells()
    ]


def _figure_row(obs: Observation, cat: Catalogue, lang: Lang) -> list[object]:
    label = cat.get(obs.indicator).label if obs.indicator in cat else obs.indicator
    return [
        label,
        dims_text(cat, obs.indicator, obs.dims, lang) or None,
        tooltip(value_text(obs.value, lang), obs.quote),
        Html(f"<small>{html.escape(obs.quote)}</small>") if obs.quote else None,
    ]


_H = {
    "indicator": COLUMN["indicator"],
    "cell": COLUMN["breakdown"],
    "value": COLUMN["figure"],
    "quote": COLUMN["quote"],
    "ratio": Label(vi="Tỷ lệ (tính lại)", en="Ratio (recomputed)"),
    "record": Label(vi="Loại hồ sơ", en="Record"),
    "count": Label(vi="Số lượng", en="Count"),
}


def _heading(label: Label) -> Label:
    return Label(vi=capitalised(label.vi), en=capitalised(label.en))


def _narrative(items: Sequence[object]) -> Html:
    lines: list[Html] = []
    for item in items:
        vi = getattr(item, "vi", str(item))
        en = getattr(item, "en", None)
        extra = f"<br><small><i>{html.escape(en)}</i></small>" if en else ""
        lines.append(Html(html.escape(vi) + extra))
    return html_list(lines)


def report_html(report: MovementReport, lang: Lang = "vi") -> Html:
    """The notebook view of a report: header, records, ratios, figures by area, narrative.

    Headers are bilingual; figures are shown in ``lang`` with their quotes
    (column, and tooltip on the figure); ratio indicators are recomputed
    from their parts ("90,2% (655/726)").

    Example:
        >>> from datetime import date
        >>> from antq_domain.records._html import report_html
        >>> from antq_domain.records.report import MovementReport
        >>> from antq_domain.values import Quantity
        >>> r = MovementReport(issuer="BCĐ <tỉnh>", place="62", period="2023",
        ...     as_of=date(2023, 12, 31), observations=[
        ...         {"indicator": "tips.received", "place": "62", "period": "2023",
        ...          "value": Quantity(726, "tip")},
        ...         {"indicator": "tips.valuable", "place": "62", "period": "2023",
        ...          "value": Quantity(655, "tip"), "quote": "655 nguồn tin có giá trị"}])
        >>> page = report_html(r).markup
        >>> "90,2% (655/726)" in page, "BCĐ &lt;tỉnh&gt;" in page
        (True, True)
    """
    cat = report.catalogue
    title = report.publication.title if report.publication and report.publication.title else None
    if title is None and report.title is not None:
        title = label_text(report.title, lang)
    head = [f"<h3>{html.escape(report.issuer)}</h3>"]
    if title:
        head.append(f"<p><i>{html.escape(title)}</i></p>")
    where = (
        f"{place_text(report.place)} · {report.period.format(lang)} "
        f"({report.period}) · {'số liệu đến ngày' if lang == 'vi' else 'as of'} "
        f"{report.as_of.isoformat()}"
    )
    head.append(f"<p>{html.escape(where)}</p>")
    parts: list[Html] = [Html("".join(head))]
    counts = [[_heading(g.label), len(getattr(report, g.value))] for g in RecordGroup]
    parts.append(
        html_section(
            Label(vi="Hồ sơ", en="Records"), html_table([_H["record"], _H["count"]], counts)
        )
    )
    ratios = _ratio_rows(report, lang)
    if ratios:
        parts.append(
            html_section(
                Label(vi="Tỷ lệ", en="Ratios"),
                html_table([_H["indicator"], _H["cell"], _H["ratio"]], ratios),
            )
        )
    by_area: dict[str, list[Observation]] = {}
    for obs in report.observations:
        area = cat.get(obs.indicator).area if obs.indicator in cat else obs.indicator
        by_area.setdefault(area, []).append(obs)
    figure_headers = [_H["indicator"], _H["cell"], _H["value"], _H["quote"]]
    for area, group in by_area.items():
        rows = [_figure_row(o, cat, lang) for o in group]
        section = html_section(cat.area_label(area), html_table(figure_headers, rows), level=5)
        parts.append(section)
    for kind in (RecordGroup.LIMITATIONS, RecordGroup.DIRECTIONS):
        items = getattr(report, kind.value)
        if items:
            parts.append(html_section(_heading(kind.label), _narrative(items)))
    return Html('<div class="antq-report">' + "".join(p.markup for p in parts) + "</div>")


def report_summary(report: MovementReport) -> str:
    """A one-paragraph text summary of a report (its ``str``).

    Example:
        >>> from datetime import date
        >>> from antq_domain.records._html import report_summary
        >>> from antq_domain.records.report import MovementReport
        >>> print(report_summary(MovementReport(issuer="BCĐ tỉnh Kon Tum", place="62",
        ...                                     period="2023", as_of=date(2023, 12, 31))))
        MovementReport: BCĐ tỉnh Kon Tum — Tỉnh Kon Tum (62), 2023, as of 2023-12-31
          0 figures; no records
    """
    first = (
        f"MovementReport{f' {report.id}' if report.id else ''}: {report.issuer} — "
        f"{place_text(report.place)}, {report.period}, "
        f"as of {report.as_of.isoformat()}"
    )
    records = [
        f"{len(getattr(report, g.value))} {g.label.en}"
        for g in RecordGroup
        if g is not RecordGroup.OBSERVATIONS and getattr(report, g.value)
    ]
    second = f"  {len(report.observations)} figures; " + (
        ", ".join(records) if records else "no records"
    )
    return f"{first}\n{second}"
