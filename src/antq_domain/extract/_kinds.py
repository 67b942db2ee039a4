"""Kinds read from the counted noun phrase: administrative levels, lists of kinds, fractions.

A number's counter words and the words after them say what kind of thing it counts. A list of
kinds of one administrative level ("9 xã, thị trấn") counts units of that level; a list of
several kinds of one dimension ("42 lựu đạn, đầu đạn, bom mìn các loại") counts them all
together; a fraction reads only the dimensions its ratio matches on; a quoted title right
after the counted noun ("14 mô hình “Camera an ninh”") names the one kind counted.
"""

from __future__ import annotations

import re

from antq_domain.extract._figures import Fig, listed_values
from antq_domain.extract._match import NOUN_READ_ELSEWHERE, PhraseIndex
from antq_domain.records.indicators import Catalogue, Indicator

__all__ = [
    "ADMIN_KINDS",
    "head_kind",
    "listed_kinds",
    "residential_areas",
    "named_kinds",
    "not_offences",
    "readable_dims",
]

ADMIN_KINDS = frozenset(
    {
        "province",
        "central_city",
        "district",
        "urban_district",
        "town",
        "provincial_city",
        "district_level",
        "commune",
        "ward",
        "township",
        "special_zone",
        "commune_level",
        "residential_area",
    }
)
"""Kinds of unit whose fractions ("8/8 xã", "9/9 khu dân cư") have their whole in ``admin.units``:
the administrative levels and the residential areas below the commune (thôn, bản, tổ dân phố)."""


_LEVELS = {
    "commune_level": frozenset({"commune", "ward", "township", "special_zone"}),
    "district_level": frozenset({"district", "urban_district", "town", "provincial_city"}),
}
"""The kinds of each administrative level (Law on the Organisation of Local Government 2015,
Art. 2, as amended in 2025: xã, phường, thị trấn, đặc khu; huyện, quận, thị xã, thành phố
thuộc tỉnh)."""


_KINDS_OF_A_LEVEL = frozenset().union(*_LEVELS.values())


def head_kind(fig: Fig, key: str) -> str | None:
    """The kind of unit a number counts, from its counter words ("85 xã").

    An enumeration of kinds of one administrative level ("9 xã, thị trấn", "12 phường
    và xã") counts units of that level: ``commune_level``, ``district_level``.
    """
    listed = listed_values(fig, key, "unit_kind")
    if not listed:
        return None
    if len(set(listed)) > 1:
        for level, members in _LEVELS.items():
            if all(k in members for k in listed):
                return level
    return listed[0]


def _listed_kinds_of(fig: Fig, key: str, ind: Indicator) -> None:
    """A list of several kinds of one dimension after a number counts them all: "total".

    "42 lựu đạn, đầu đạn, bom mìn các loại" (grenades, shells, bombs, mines) is 42 of
    all those kinds together, the dimension's value for "all kinds, not split".
    """
    for dim in ind.dimensions:
        if dim.name in NOUN_READ_ELSEWHERE or "total" not in dim.codes:
            continue
        if len(set(listed_values(fig, key, dim.name))) > 1:
            fig.dims[dim.name] = "total"
            fig.dim_rules[dim.name] = "a list of several kinds: all of them"
            fig.dim_matches.pop(dim.name, None)


def readable_dims(fig: Fig, cat: Catalogue, idx: PhraseIndex) -> tuple[str, ...]:
    """The dimensions of the figure's indicator that its words may set.

    The whole of a fraction takes only the dimensions its ratio matches on: a
    dimension outside them, read on the part alone ("173/173 nhà trường do cấp huyện
    quản lý"), would split the part and not the whole, so it is not read on a fraction.
    """
    names = idx.dim_names[fig.indicator or ""]
    ratio = idx.numerators.get(fig.indicator or "") if fig.whole is not None else None
    spec = cat[ratio].ratio if ratio is not None else None
    if spec is None:
        return names
    keep = NOUN_READ_ELSEWHERE | frozenset(spec.match)
    return tuple(n for n in names if n in keep)


def listed_kinds(figs: list[Fig], key: str, cat: Catalogue) -> None:
    """Each figure's lists of kinds: "total" for several kinds, the level for units."""
    for fig in figs:
        if fig.indicator is not None:
            _listed_kinds_of(fig, key, cat[fig.indicator])
        if fig.dims.get("unit_kind") in _KINDS_OF_A_LEVEL:
            fig.dims["unit_kind"] = head_kind(fig, key) or fig.dims["unit_kind"]
        # "87/92 cơ quan, doanh nghiệp": kinds of no one level listed are counted together
        if (
            "unit_kind" in fig.dims
            and fig.indicator is not None
            and len(set(listed_values(fig, key, "unit_kind"))) > 1
            and head_kind(fig, key) not in _LEVELS
            and "unit_kind" in (ind := cat[fig.indicator]).dimension_names
            and "mixed" in ind.dimension("unit_kind").codes
        ):
            fig.dims["unit_kind"] = "mixed"
            fig.dim_rules["unit_kind"] = "kinds of several levels listed: counted together"


_OPENING_QUOTE = re.compile(r"[\"“«]")
_CLOSING_QUOTE = re.compile(r"[\"”»]")


# "24 mô hình về ANTT như “Đội dân phòng”, …": titles after "như" (such as) are examples of
# the things counted, not the one kind counted.
_EXAMPLES = re.compile(r"(?<!\w)(?:như|chẳng hạn như|ví dụ như)[ ]*(?:là[ ]*)?$")
# A second title listed right after the first ("“A”, “B”", "“A” và “B”").
_NEXT_TITLE = re.compile(r"[ ]*(?:[,;]|và)[ ]*[\"“«]")


def _another_title(key: str, start: int) -> bool:
    """Whether another quoted title is listed right after the one opening at ``start``."""
    close = _CLOSING_QUOTE.search(key, start + 1, start + 200)
    return close is not None and _NEXT_TITLE.match(key, close.end()) is not None


def named_kinds(figs: list[Fig], key: str, cat: Catalogue) -> None:
    """A quoted title right after the counted noun names the one kind counted.

    Vietnamese names a kind of thing by a title in apposition to its noun: "212 mô
    hình “Tiếng kẻng an ninh”" counts the models of that one kind, not every model.
    For a dimension of kinds the catalogue leaves open (``model_kind``), the kind is
    the value whose phrase the title holds ("9 mô hình “Camera an ninh”":
    ``security_camera``); a title holding none names a kind the catalogue does not
    list, and the figure is left unmatched rather than read as the total of its
    indicator (several such counts would each claim the one unsplit cell).

    Titles after "như" (such as), or several titles listed, are examples or an
    enumeration of the things counted: the count stays the indicator's, unsplit.

    Example:
        >>> from antq_domain.extract import extract_report
        >>> ex = extract_report("Có 9 mô hình “Camera an ninh”, 5 mô hình “Tiếng kẻng”.")
        >>> [(f.value, dict(f.dims)) for f in ex.figures], [u.value for u in ex.unmatched]
        ([(9, {'model_kind': 'security_camera'})], [5])
    """
    for fig in figs:
        if (
            fig.indicator is None
            or fig.counter is None
            or _OPENING_QUOTE.match(key, fig.np_end) is None
            or _EXAMPLES.search(key, max(fig.end, fig.np_end - 12), fig.np_end) is not None
            or _another_title(key, fig.np_end)
        ):
            continue
        for dim in cat[fig.indicator].dimensions:
            if not dim.open or fig.dims.get(dim.name, dim.total) != dim.total:
                continue
            close = _CLOSING_QUOTE.search(key, fig.np_end + 1, fig.np_end + 200)
            end = close.start() if close is not None else fig.np_end + 200
            inside = [
                m
                for m in fig.matches
                if m.entry.code == dim.name
                and m.entry.dim_value
                and fig.np_end < m.start
                and m.end <= end
            ]
            if inside:
                best = max(inside, key=lambda m: m.entry.length)
                fig.dims[dim.name] = best.entry.dim_value or ""
                fig.dim_matches[dim.name] = best
                fig.dim_rules[dim.name] = "the kind named by the quoted title"
                continue
            title = key[fig.np_end : end + 1]
            fig.unread(
                f"counts one kind named by its title ({title}), not a kind of the "
                f"catalogue's {dim.name!r} list: not the total of the indicator"
            )
            break


# Crimes solved (the Criminal Code's offences investigated): an administrative violation
# cleared up is an offence dealt with instead (one that occurred stays occurred).
_CRIMES_ONLY = frozenset({"crime.cases_solved"})
# "vi phạm hành chính": an administrative violation.
_ADMINISTRATIVE = re.compile(r"(?<!\w)vi phạm hành chính(?!\w)")


def not_offences(figs: list[Fig], key: str) -> None:
    """An administrative violation counted takes no crime category from the figures beside it.

    An administrative violation is by definition not a crime (Law on Handling
    Administrative Violations 2012, Art. 2.1: "… mà không phải là tội phạm"), so in
    "làm rõ 4/5 vụ phạm pháp hình sự, 16/20 vụ việc vi phạm hành chính" the 16/20 does
    not share the 4/5's ``category`` (the offence categories of the Criminal Code). A
    category its own noun phrase names is kept. Nor is it a crime solved or occurred:
    violations cleared up are offences dealt with (``crime.cases_handled``, "vụ việc vi
    phạm pháp luật đã giải quyết"), and their whole has no indicator.

    Example:
        >>> from antq_domain.extract import extract_report
        >>> ex = extract_report(
        ...     "Năm 2020, công an điều tra làm rõ 4/5 vụ phạm pháp hình sự, 16/20 vụ việc vi "
        ...     "phạm hành chính."
        ... )
        >>> [(f.value, f.indicator, f.dims.get("category"))
        ...  for f in ex.figures if f.role.value == "part"]  # doctest: +NORMALIZE_WHITESPACE
        [(4, 'crime.cases_solved', 'all_criminal'), (16, 'crime.cases_handled', None)]
    """
    for fig in figs:
        if (
            fig.indicator in _CRIMES_ONLY
            and _ADMINISTRATIVE.search(key, fig.end, fig.np_end) is not None
        ):
            # violations cleared up or dealt with: the offences dealt with, of which
            # administrative violations are a part (its label: "vụ việc vi phạm pháp luật")
            fig.indicator, fig.chosen = "crime.cases_handled", None
            fig.rule = "an administrative violation is no crime: offences dealt with"
        if "category" not in fig.dims or fig.dim_rules.get("category") is None:
            continue
        own = fig.dim_matches.get("category")
        if own is not None and fig.end <= own.start < fig.np_end:
            continue
        if _ADMINISTRATIVE.search(key, fig.end, fig.np_end) is None:
            continue
        del fig.dims["category"]
        fig.dim_rules.pop("category", None)
        fig.dim_matches.pop("category", None)


def residential_areas(figs: list[Fig], key: str, cat: Catalogue) -> None:
    """A count of residential areas nothing else is said of: how many the place has.

    Villages, hamlets and street groups (thôn, ấp, bản, khu phố, tổ dân phố) are
    the subdivisions of a commune or ward, not activities or forces: a report
    names their number ("Xã có 2.258 hộ tại 10 thôn", "đại diện 11 khu phố")
    as the place's own. With no indicator named around it, such a count is
    ``admin.units {unit_kind: residential_area}``; a count with a phrase of
    its own ("45/45 thôn đạt chuẩn", "tổ chức Ngày hội tại 9 thôn") keeps it.

    Example:
        >>> from antq_domain.extract import extract_report
        >>> ex = extract_report("Năm 2023, xã có 1.200 hộ dân sinh sống tại 8 thôn.")
        >>> [(f.indicator, dict(f.dims), f.value) for f in ex.figures]
        [('admin.units', {'unit_kind': 'residential_area'}, 8)]
    """
    if "admin.units" not in cat:
        return
    for fig in figs:
        if fig.indicator is not None or fig.percent or fig.whole is not None or fig.all_of:
            continue
        if head_kind(fig, key) != "residential_area":
            continue
        # the kind word ends the noun ("tại 10 thôn", "11 khu phố,"): "500 bản tài liệu" is
        # copies of a document, not hamlets
        heads = [m for m in fig.matches if m.where == "head" and m.entry.code == "unit_kind"]
        end = max((m.end for m in heads), default=fig.end)
        if key[end : fig.np_end].strip(" .…"):
            continue
        fig.indicator, fig.chosen = "admin.units", None
        fig.dims = {"unit_kind": "residential_area"}
        fig.dim_rules = {"unit_kind": "counter word"}
        fig.rule = "a count of residential areas nothing else is said of: the place's own"
