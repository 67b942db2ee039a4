"""Pure markup helpers for notebook views: HTML string building, every text escaped.

The building blocks ([`html_table`][antq_domain.markup.html_table],
[`html_list`][antq_domain.markup.html_list], [`html_section`][antq_domain.markup.html_section],
[`tooltip`][antq_domain.markup.tooltip], [`bilingual`][antq_domain.markup.bilingual]) are generic,
so any result can show itself in a notebook the same way: headers are bilingual
[`Label`][antq_domain.Label] s (Vietnamese above, English below), cells are escaped
with `html.escape` unless they are already [`Html`][antq_domain.markup.Html]. They know nothing of
reports, places or indicators; the words shown for those come from
[`antq_domain.display`][antq_domain.display].

Nothing here reads files or the clock; the output is deterministic.

Example:
    >>> from antq_domain.markup import html_table
    >>> from antq_domain.values.label import Label
    >>> t = html_table([Label(vi="Chỉ tiêu", en="Indicator")], [["<b>x</b>"]])
    >>> "<th>Chỉ tiêu<br><small>Indicator</small></th>" in t.markup
    True
    >>> "<td>&lt;b&gt;x&lt;/b&gt;</td>" in t.markup
    True
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

import attrs

from antq_domain.values.label import Label

__all__ = [
    "Header",
    "Html",
    "bilingual",
    "cell",
    "html_list",
    "html_section",
    "html_table",
    "tooltip",
]

Header = Label | str
"""A column header: a bilingual label, or a plain text shown as is."""


@attrs.frozen
class Html:
    """Markup that is already safe: cells holding it are not escaped again.

    A value. Jupyter shows it as HTML (``_repr_html_``).

    Example:
        >>> from antq_domain.markup import Html, cell
        >>> cell(Html("<b>ok</b>")), cell("<b>no</b>")
        ('<b>ok</b>', '&lt;b&gt;no&lt;/b&gt;')
    """

    markup: str

    def __str__(self) -> str:
        return self.markup

    def _repr_html_(self) -> str:
        return self.markup


def cell(value: object) -> str:
    """The markup of one table cell: escaped text, a label, or `Html` as is.

    ``None`` shows as an em dash.

    Example:
        >>> from antq_domain.markup import cell
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
        >>> from antq_domain.markup import bilingual
        >>> from antq_domain.values.label import Label
        >>> bilingual(Label(vi="Hạn chế", en="Limitations")).markup
        'Hạn chế<br><small>Limitations</small>'
    """
    return Html(f"{html.escape(label.vi)}<br><small>{html.escape(label.en)}</small>")


def tooltip(text: object, title: str | None) -> Html:
    """``text`` with ``title`` shown on hover (no tooltip when ``title`` is None).

    Example:
        >>> from antq_domain.markup import tooltip
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
        headers: one per column; a [`Label`][antq_domain.Label] shows both languages.
        rows: the cells, one sequence per row (see [`cell`][antq_domain.markup.cell]).
        caption: an optional caption.

    Example:
        >>> from antq_domain.markup import html_table
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
        >>> from antq_domain.markup import html_list
        >>> html_list(["a < b", "c"]).markup
        '<ol><li>a &lt; b</li><li>c</li></ol>'
    """
    tag = "ol" if ordered else "ul"
    return Html(f"<{tag}>" + "".join(f"<li>{cell(i)}</li>" for i in items) + f"</{tag}>")


def html_section(title: Label | str, *parts: Html, level: int = 4) -> Html:
    """A heading (bilingual when a label) followed by its parts.

    Example:
        >>> from antq_domain.markup import Html, html_section
        >>> from antq_domain.values.label import Label
        >>> html_section(Label(vi="Phương hướng", en="Directions"), Html("<p>x</p>")).markup
        '<h4>Phương hướng / Directions</h4><p>x</p>'
    """
    text = f"{title.vi} / {title.en}" if isinstance(title, Label) else title
    return Html(f"<h{level}>{html.escape(text)}</h{level}>" + "".join(p.markup for p in parts))
