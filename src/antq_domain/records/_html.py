"""HTML for notebook reprs: pure string building, every text escaped.

The building blocks (:func:`html_table`, :func:`html_list`,
:func:`html_section`, :func:`tooltip`, :func:`bilingual`) are generic, so any
result can show itself in a notebook the same way: headers are bilingual
:class:`~antq_domain.values.label.Label` s (Vietnamese above, English below),
cells are escaped with :func:`html.escape` unless they are already
:class:`Html`. :func:`report_html` and :func:`report_summary` are the
:class:`~antq_domain.records.report.MovementReport` views.

Nothing here reads files or the clock; the output is deterministic.

Example:
    >>> from antq_domain.records._html import html_table
    >>> from antq_domain.values.label import Label
    >>> t = html_table([Label(vi="Chỉ tiêu", en="Indicator")], [["<b>x</b>"]])
    >>> "<th>Chỉ tiêu<br><small>Indicator</small></th>" in t.markup
    True
    >>> "<td>&lt;b&gt;x&lt;/b&gt;</td>" in t.markup
    True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from antq_domain.records import _catalogue_data
from antq_domain.records.catalogue import Catalogue, IndicatorKind
from antq_domain.records.observation import Dims, Observation
from antq_domain.values.label import Label, Lang
from antq_domain.values.missing import Status, Withheld
from antq_domain.values.quantity import Quantity
from antq_domain.values.ratio import Ratio

if TYPE_CHECKING:  # pragma: no cover - names for type checkers only
    from antq_domain.records.report import MovementReport

__all__ = [
    "Html",
    "bilingual",
    "cell",
    "dims_text",
    "html_list",
    "html_section",
    "html_table",
    "place_name",
    "report_html",
    "report_summary",
    "tooltip",
    "value_text",
]

Header = Label | str
"""A column header: a bilingual label, or a plain text shown as is."""

_MISSING_WORDS: dict[Status, Label] = {
    Status.NOT_REPORTED: Label(vi="không báo cáo", en="not reported"),
    Status.NOT_APPLICABLE: Label(vi="không áp dụng", en="not applicable"),
    Status.WITHHELD: Label(vi="không công bố", en="withheld"),
}


@attrs.frozen
class Html:
    """Markup that is already safe: cells holding it are not escaped again.

    A value. Jupyter shows it as HTML (``_repr_html_``).

    Example:
        >>> from antq_domain.records._html import Html, cell
        >>> cell(Html("<b>ok</b>")), cell("<b>no</b>")
        ('<b>ok</b>', '&lt;b&gt;no&lt;/b&gt;')
    """

    markup: str

    def __str__(self) -> str:
        return self.markup

    def _repr_html_(self) -> str:
        return self.markup


def cell(value: object) -> str:
    """The markup of one table cell: escaped text, a label, or :class:`Html` as is.

    ``None`` shows as an em dash.

    Example:
        >>> from antq_domain.records._html import cell
        >>> cell(None), cell(726), cell('a "quote" & more')
        ('—', '726', 'a &quot;quote&quot; &amp; more')
    """
    if isinstance(value, Html):
        return value.markup
    if isinstance(value, Label):
        return bilingual(value).markup
    if value is None:
        return "—"
    return html.escape(str(value))


def bilingual(label: Label) -> Html:
    """A label shown Vietnamese first, English below in small type.

    Example:
        >>> from antq_domain.records._html import bilingual
        >>> from antq_domain.values.label import Label
        >>> bilingual(Label(vi="Hạn chế", en="Limitations")).markup
        'Hạn chế<br><small>Limitations</small>'
    """
    return Html(f"{html.escape(label.vi)}<br><small>{html.escape(label.en)}</small>")


def tooltip(text: object, title: str | None) -> Html:
    """``text`` with ``title`` shown on hover (no tooltip when ``title`` is None).

    Example:
        >>> from antq_domain.records._html import tooltip
        >>> tooltip("726 nguồn tin", 'trích "726 nguồn tin"').markup
        '<span title="trích &quot;726 nguồn tin&quot;">726 nguồn tin</span>'
    """
    shown = cell(text)
    if title is None:
        return Html(shown)
    return Html(f'<span title="{html.escape(title, quote=True)}">{shown}</span>')


def html_table(
    headers: Sequence[Header],
    rows: Iterable[Sequence[object]],
    *,
    caption: Label | str | None = None,
) -> Html:
    """An HTML table: bilingual headers, escaped cells.

    Args:
        headers: one per column; a :class:`Label` shows both languages.
        rows: the cells, one sequence per row (see :func:`cell`).
        caption: an optional caption.

    Example:
        >>> from antq_domain.records._html import html_table
        >>> t = html_table(["n"], [[1], [2]], caption="x & y")
        >>> t.markup.count("<tr>"), "<caption>x &amp; y</caption>" in t.markup
        (3, True)
    """
    head = "".join(f"<th>{cell(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell(c)}</td>" for c in row) + "</tr>" for row in rows)
    cap = f"<caption>{cell(caption)}</caption>" if caption is not None else ""
    return Html(
        f'<table class="antq">{cap}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    )


def html_list(items: Iterable[object], *, ordered: bool = True) -> Html:
    """An ordered (default) or bulleted list of escaped items.

    Example:
        >>> from antq_domain.records._html import html_list
        >>> html_list(["a < b", "c"]).markup
        '<ol><li>a &lt; b</li><li>c</li></ol>'
    """
    tag = "ol" if ordered else "ul"
    return Html(f"<{tag}>" + "".join(f"<li>{cell(i)}</li>" for i in items) + f"</{tag}>")


def html_section(title: Label | str, *parts: Html, level: int = 4) -> Html:
    """A heading (bilingual when a label) followed by its parts.

    Example:
        >>> from antq_domain.records._html import Html, html_section
        >>> from antq_domain.values.label import Label
        >>> html_section(Label(vi="Phương hướng", en="Directions"), Html("<p>x</p>")).markup
        '<h4>Phương hướng / Directions</h4><p>x</p>'
    """
    text = f"{title.vi} / {title.en}" if isinstance(title, Label) else title
    return Html(f"<h{level}>{html.escape(text)}</h{level}>" + "".join(p.markup for p in parts))


# -- report views ---------------------------------------------------------------


def place_name(code: str) -> str:
    """The register's name of a place code, or the code itself when unknown.

    Example:
        >>> from antq_domain.records._html import place_name
        >>> place_name("62"), place_name("nowhere")
        ('Tỉnh Kon Tum', 'nowhere')
    """
    from antq_domain.records.places import registry  # noqa: PLC0415 - loaded on first use

    try:
        return registry().get(code).name
    except (KeyError, ValueError):
        return code


def value_text(value: object, lang: Lang = "vi") -> str:
    """The display form of an observation's value, missing markers in words.

    Example:
        >>> from antq_domain.records._html import value_text
        >>> from antq_domain.values import NOT_REPORTED, Quantity, Withheld
        >>> value_text(Quantity(145410, "participation", "at_least"))
        'hơn 145.410 lượt người'
        >>> value_text(NOT_REPORTED, "en"), value_text(Withheld("mật"))
        ('— (not reported)', '— (không công bố: mật)')
    """
    if isinstance(value, Quantity):
        return value.format(lang)
    if isinstance(value, Ratio):
        return value.format(lang)
    status = getattr(value, "status", None)
    if isinstance(status, Status) and status in _MISSING_WORDS:
        word = _MISSING_WORDS[status].text(lang)
        if isinstance(value, Withheld):
            word = f"{word}: {value.reason}"
        return f"— ({word})"
    return str(value)


def dims_text(cat: Catalogue, indicator: str, dims: Mapping[str, str], lang: Lang = "vi") -> str:
    """The dimension cell in words: ``name: value`` pairs from the catalogue's labels.

    Example:
        >>> from antq_domain.records._html import dims_text
        >>> from antq_domain.records.catalogue import catalogue
        >>> dims_text(catalogue(), "models.replicated", {"scope": "national"}, "en")
        'scope of replication: national (announced by the Ministry)'
    """
    parts: list[str] = []
    for name, code in dims.items():
        try:
            dim = cat.get(indicator).dimension(name)
            dim_label = dim.label.text(lang)
        except (KeyError, ValueError):
            parts.append(f"{name}: {code}")
            continue
        try:
            code_label = dim.value(code).label.text(lang)
        except (KeyError, ValueError):
            code_label = code
        parts.append(f"{dim_label}: {code_label}")
    return "; ".join(parts)


def _area_label(area: str) -> Label:
    found = _catalogue_data.AREA_LABELS.get(area)
    return Label(vi=found[0], en=found[1]) if found else Label(vi=area, en=area)


def _ratio_rows(report: MovementReport, lang: Lang) -> list[list[object]]:
    cat = report.catalogue
    rows: list[list[object]] = []
    for ind in cat.indicators:
        if ind.kind is not IndicatorKind.RATIO or ind.ratio is None:
            continue
        spec = ind.ratio
        cells: dict[Dims, None] = {}
        for obs in report.observations:
            if obs.indicator in (spec.numerator, spec.denominator):
                matched = {k: v for k, v in obs.dims.items() if k in spec.match}
                cells[Dims.of(matched)] = None
        for dims in cells:
            result = report.ratio(ind.code, dims)
            shown = result.format(lang)
            rows.append([ind.label, dims_text(cat, ind.code, dims, lang) or None, shown])
    return rows


def _figure_row(obs: Observation, cat: Catalogue, lang: Lang) -> list[object]:
    label = cat.get(obs.indicator).label if obs.indicator in cat else obs.indicator
    return [
        label,
        dims_text(cat, obs.indicator, obs.dims, lang) or None,
        tooltip(value_text(obs.value, lang), obs.quote),
        Html(f"<small>{html.escape(obs.quote)}</small>") if obs.quote else None,
    ]


_H = {
    "indicator": Label(vi="Chỉ tiêu", en="Indicator"),
    "cell": Label(vi="Phân tổ", en="Breakdown"),
    "value": Label(vi="Số liệu", en="Figure"),
    "quote": Label(vi="Trích dẫn", en="Quote"),
    "ratio": Label(vi="Tỷ lệ (tính lại)", en="Ratio (recomputed)"),
    "record": Label(vi="Loại hồ sơ", en="Record"),
    "count": Label(vi="Số lượng", en="Count"),
}

_RECORD_GROUPS: tuple[tuple[str, Label], ...] = (
    ("observations", Label(vi="Số liệu", en="Figures")),
    ("organisations", Label(vi="Cơ quan, tổ chức", en="Organisations")),
    ("committees", Label(vi="Ban chỉ đạo", en="Steering committees")),
    ("campaigns", Label(vi="Đợt phát động, tuyên truyền", en="Campaigns")),
    ("models", Label(vi="Mô hình", en="Exemplary models")),
    ("forces", Label(vi="Lực lượng", en="Forces")),
    ("programmes", Label(vi="Chương trình phối hợp", en="Cooperation programmes")),
    ("commendations", Label(vi="Khen thưởng", en="Commendations")),
    ("limitations", Label(vi="Hạn chế", en="Limitations")),
    ("directions", Label(vi="Phương hướng", en="Directions")),
)


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
        title = report.title.text(lang) if isinstance(report.title, Label) else report.title
    head = [f"<h3>{html.escape(report.issuer)}</h3>"]
    if title:
        head.append(f"<p><i>{html.escape(title)}</i></p>")
    where = (
        f"{place_name(report.place)} ({report.place}) · {report.period.format(lang)} "
        f"({report.period}) · {'số liệu đến ngày' if lang == 'vi' else 'as of'} "
        f"{report.as_of.isoformat()}"
    )
    head.append(f"<p>{html.escape(where)}</p>")
    parts: list[Html] = [Html("".join(head))]
    counts = [[label, len(getattr(report, name))] for name, label in _RECORD_GROUPS]
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
        parts.append(html_section(_area_label(area), html_table(figure_headers, rows), level=5))
    if report.limitations:
        parts.append(
            html_section(Label(vi="Hạn chế", en="Limitations"), _narrative(report.limitations))
        )
    if report.directions:
        parts.append(
            html_section(Label(vi="Phương hướng", en="Directions"), _narrative(report.directions))
        )
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
        f"{place_name(report.place)} ({report.place}), {report.period}, "
        f"as of {report.as_of.isoformat()}"
    )
    records = [
        f"{len(getattr(report, name))} {label.en.lower()}"
        for name, label in _RECORD_GROUPS[1:]
        if getattr(report, name)
    ]
    second = f"  {len(report.observations)} figures; " + (
        ", ".join(records) if records else "no records"
    )
    return f"{first}\n{second}"
