"""How a rollup reads: its cells with names and labels, and honest about what is missing.

A cell summed from incomplete parts is a lower bound that may be reached (the
missing parts may be zero): it reads "ít nhất 22 nguồn tin (chưa đủ số liệu:
2/3 đơn vị cấp xã)", never "hơn" or "khoảng". A ratio with an incomplete
part has no honest value at all (a lower bound over a lower bound bounds
nothing), so it reads as what is missing. A restated rollup says so on each
place ("(tính lại)").

The words come from [`antq_domain.display`][antq_domain.display];
[`Rollup`][antq_domain.Rollup] calls these for its ``str``, notebook view and
rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from antq_domain.display import (
    COLUMN,
    capitalised,
    dims_text,
    incomplete_text,
    indicator_text,
    lower_bound_text,
    place_name,
    t,
    value_text,
)
from antq_domain.errors import UnknownCodeError
from antq_domain.markup import Html, bilingual, html_section, html_table
from antq_domain.records.places import PlaceLevel, registry
from antq_domain.values.label import Label, Lang
from antq_domain.values.quantity import Quantity

if TYPE_CHECKING:  # pragma: no cover - names for type checkers only
    from antq_domain.analysis.aggregation import RatioCell, RolledCell, Rollup

__all__ = ["cell_text", "incompleteness", "ratio_text", "rollup_html", "rollup_rows", "rollup_text"]


def _level(codes: tuple[str, ...]) -> PlaceLevel | None:
    levels: set[PlaceLevel] = set()
    reg = registry()
    for code in codes:
        try:
            levels.add(reg.level_of(code))
        except UnknownCodeError:
            return None
    return levels.pop() if len(levels) == 1 else None


def incompleteness(cell: RolledCell, lang: Lang = "vi") -> str | None:
    """What is missing from a cell in words, or ``None`` when it is complete."""
    if cell.is_complete:
        return None
    missing = set(cell.missing_places)
    have = len(set(cell.contributors) - missing)
    return incomplete_text(
        have,
        have + len(missing),
        _level(cell.missing_places),
        lang,
        missing_periods=len(cell.missing_periods),
    )


def cell_text(cell: RolledCell, lang: Lang = "vi") -> str:
    """A rolled-up value in words; an incomplete sum as "ít nhất …" with what is missing."""
    why = incompleteness(cell, lang)
    if why is None:
        return value_text(cell.value, lang)
    value = cell.value
    shown = (
        lower_bound_text(value, lang) if isinstance(value, Quantity) else value_text(value, lang)
    )
    return f"{shown} ({why})"


def _parts(rollup: Rollup, ratio: RatioCell) -> list[RolledCell]:
    ind = rollup.catalogue[ratio.indicator] if ratio.indicator in rollup.catalogue else None  # noqa: SIM401
    spec = None if ind is None else ind.ratio
    if spec is None:
        return []
    codes = (spec.numerator, spec.denominator)
    return [
        c
        for c in rollup.cells
        if c.indicator in codes
        and c.place == ratio.place
        and c.period == ratio.period
        and c.dims == ratio.dims
    ]


def ratio_text(rollup: Rollup, ratio: RatioCell, lang: Lang = "vi") -> str:
    """A recomputed ratio in words; with an incomplete part, only what is missing."""
    for part in _parts(rollup, ratio):
        why = incompleteness(part, lang)
        if why is not None:
            return f"— ({why})"
    return value_text(ratio.ratio, lang)


def tree_text(rollup: Rollup, lang: Lang = "vi") -> str:
    """Which tree was used, in ``lang``."""
    day = rollup.as_of.strftime("%d/%m/%Y") if lang == "vi" else rollup.as_of.isoformat()
    if rollup.view == "restated":
        return t(
            lang,
            f"số liệu tính lại theo các đơn vị hành chính tồn tại ngày {day}",
            f"history restated onto the units alive on {day}",
        )
    return t(lang, f"theo địa giới hành chính ngày {day}", f"the tree as of {day}")


def place_label(rollup: Rollup, code: str, lang: Lang = "vi") -> str:
    """A place of the rollup by name, marked "(tính lại)" when the rollup is restated."""
    name = place_name(code, lang)
    if rollup.view == "restated":
        name += t(lang, " (tính lại)", " (restated)")
    return name


def rollup_rows(rollup: Rollup, lang: Lang = "vi") -> list[dict[str, Any]]:
    """One row per cell and per ratio: codes, names and labels, exact value and its words."""
    cat = rollup.catalogue
    rows: list[dict[str, Any]] = []
    for c in rollup.cells:
        value = c.value
        rows.append(
            {
                "kind": "figure",
                "indicator": c.indicator,
                "indicator_text": capitalised(indicator_text(cat, c.indicator, {}, lang)),
                "place": c.place,
                "place_name": place_label(rollup, c.place, lang),
                "period": str(c.period),
                "dims": str(c.dims),
                "dims_text": dims_text(cat, c.indicator, c.dims, lang),
                "amount": value.amount if isinstance(value, Quantity) else None,
                "value_text": cell_text(c, lang),
                "complete": c.is_complete,
                "missing": ", ".join(place_name(p, lang) for p in c.missing_places),
            }
        )
    for r in rollup.ratios:
        parts = _parts(rollup, r)
        rows.append(
            {
                "kind": "ratio",
                "indicator": r.indicator,
                "indicator_text": capitalised(indicator_text(cat, r.indicator, {}, lang)),
                "place": r.place,
                "place_name": place_label(rollup, r.place, lang),
                "period": str(r.period),
                "dims": str(r.dims),
                "dims_text": dims_text(cat, r.indicator, r.dims, lang),
                "amount": None,
                "value_text": ratio_text(rollup, r, lang),
                "complete": all(p.is_complete for p in parts),
                "missing": "",
            }
        )
    return rows


def rollup_text(rollup: Rollup, lang: Lang = "vi") -> str:
    """The rollup in lines of ``lang``: the tree, one line per cell and ratio, the notes."""
    lines = [t(lang, "Tổng hợp: ", "Rollup: ") + tree_text(rollup, lang)]
    for row in rollup_rows(rollup, lang):
        dims = f" [{row['dims_text']}]" if row["dims_text"] else ""
        lines.append(
            f"  {row['indicator_text']}{dims} — {row['place_name']}, "
            f"{row['period']}: {row['value_text']}"
        )
    if not rollup.cells:
        lines.append(t(lang, "  (không có ô số liệu nào)", "  (no cells)"))
    cat = rollup.catalogue
    lines.extend(
        t(lang, "  Ghi chú: ", "  Note: ")
        + f"{capitalised(indicator_text(cat, note.indicator, {}, lang))} — "
        + f"{place_name(note.place, lang)}, {note.period}: {note.reason}"
        for note in rollup.notes
    )
    return "\n".join(lines)


_HEADERS = tuple(
    COLUMN[k] for k in ("indicator", "breakdown", "place", "period", "value", "missing")
)
_NOTE_HEADERS = tuple(COLUMN[k] for k in ("indicator", "place", "period", "reason"))


def rollup_html(rollup: Rollup, lang: Lang = "vi") -> Html:
    """The notebook view of a rollup: names and labels, incomplete cells said so."""
    rows = [
        [
            r["indicator_text"],
            r["dims_text"] or None,
            r["place_name"],
            r["period"],
            r["value_text"],
            r["missing"] or None,
        ]
        for r in rollup_rows(rollup, lang)
    ]
    parts = [
        html_section(Label(vi="Tổng hợp", en="Rollup"), Html(""), level=3),
        Html(
            "<p>"
            + bilingual(Label(vi=tree_text(rollup, "vi"), en=tree_text(rollup, "en"))).markup
            + "</p>"
        ),
        html_table(_HEADERS, rows),
    ]
    cat = rollup.catalogue
    notes = [
        [
            capitalised(indicator_text(cat, n.indicator, {}, lang)),
            place_name(n.place, lang),
            str(n.period),
            n.reason,
        ]
        for n in rollup.notes
    ]
    if notes:
        parts.append(html_table(_NOTE_HEADERS, notes, caption="Ghi chú / Notes"))
    return Html("".join(p.markup for p in parts))
