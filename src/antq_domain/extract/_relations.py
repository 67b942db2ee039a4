"""Figures that say something of another: parts, tips' results, the country's figures.

"xảy ra 50 vụ, trong đó 12 vụ ma túy": the 12 are part of the 50. "cung cấp 45 nguồn tin, qua
đó giúp … khám phá 6 vụ việc": the 6 cases are the tips' result. Each walk looks at the figure
before or at a bounded stretch of text before each figure, so the work stays linear. "cả nước
có 4.300 mô hình" in a report about one place is the country's figure, not the place's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

from antq_domain.extract._figures import RESULT_WORD as _RESULT_WORD
from antq_domain.extract._figures import Fig
from antq_domain.extract._match import COUNTERS, PhraseIndex
from antq_domain.extract._text import Scanned
from antq_domain.extract.vocabulary import words
from antq_domain.records.indicators import Catalogue
from antq_domain.values.unit import Unit

__all__ = [
    "PROPOSE",
    "models_at_sites",
    "models_spread_to",
    "of_the_country",
    "proposals",
    "tips_results",
    "unsplit_parts",
    "whole_of_parts",
]

_TIP_WORD = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        sorted(
            (re.escape(" ".join(w)) for w, units in COUNTERS.items() if Unit.TIP in units),
            key=len,
            reverse=True,
        )
    )
    + r")(?!\w)"
)
_RESULT_REACH = 160  # characters from a result back to its connective, and from it to the tips


def _tips_partner(code: str | None, unit: Unit, cat: Catalogue) -> str | None:
    """The tips' result counted in ``unit`` that ``code`` (or no indicator) stands for.

    ``crime.cases_solved`` → ``tips.cases_solved``, ``crime.suspects`` →
    ``tips.suspects_arrested`` (the same name, or the name it begins); a figure with no
    indicator takes the catalogue's first tips indicator in its unit. Any other
    indicator (``crime.wanted_arrested``) keeps its own.
    """
    tips = [ind.code for ind in cat.indicators if ind.code.startswith("tips.") and ind.unit is unit]
    if code is None:
        return tips[0] if tips else None
    name = code.partition(".")[2]
    return next((t for t in tips if t.partition(".")[2].startswith(name)), None)


def tips_results(sc: Scanned, figs: list[Fig], cat: Catalogue) -> None:
    """Cases and persons a clause says the tips before brought about are the tips' results.

    Vietnamese reports state what tips led to with a connective after the tips:
    "cung cấp hơn 100 nguồn tin, qua đó giúp … làm rõ 28 vụ việc, bắt 10 đối tượng",
    "… tin báo có giá trị …, góp phần điều tra khám phá hơn 900 vụ việc". A figure of
    cases or persons after "qua đó", "góp phần", "giúp" (not "giúp đỡ") or "phục vụ", with a tip
    word ("tin", "tin báo", "nguồn tin": the catalogue's counters of tips) before that
    word in the same clause, counts the tips' results (``tips.cases_solved``,
    ``tips.suspects_arrested``), not all cases solved or suspects. The look-back is
    bounded (``_RESULT_REACH``), so the work stays linear.
    """
    key = sc.key
    for fig in figs:
        if fig.whole is not None or fig.percent:
            continue
        if fig.indicator is not None:
            unit = cat[fig.indicator].unit
        else:
            units = (fig.counter_units or frozenset()) & {Unit.CASE, Unit.PERSON}
            unit = next(iter(units)) if len(units) == 1 else None
        if unit not in (Unit.CASE, Unit.PERSON):
            continue
        clause = sc.boundary_before(fig.qstart)
        found: re.Match[str] | None = None
        for m in _RESULT_WORD.finditer(key, max(clause, fig.qstart - _RESULT_REACH), fig.qstart):
            found = m  # the last connective before the figure
        if found is None:
            # "Từ tin báo tiếp nhận, Công an huyện đã xử lý hành chính 6 vụ": tips fronted
            # with "từ"/"qua"/"thông qua" (from, through) are the means of the clause's results.
            found = _FROM_TIPS.search(key, max(clause, fig.qstart - _RESULT_REACH), fig.qstart)
            if found is None:
                continue
        elif (
            _TIP_WORD.search(key, max(clause, found.start() - _RESULT_REACH), found.start()) is None
        ):
            continue
        partner = _SANCTIONED.get(fig.indicator or "") or _tips_partner(fig.indicator, unit, cat)
        if unit is Unit.PERSON and fig.indicator in _ANY_PERSONS:
            # The first verb after the connective says which of the tips' person results
            # persons of no particular kind are: arrested ("bắt", "bắt giữ") or dealt with
            # ("xử lý"). Persons of a kind of their own (wanted persons) keep it.
            verb = _PERSON_VERB.search(key, found.end(), fig.qstart)
            if verb is not None and _PERSON_RESULT[verb.group(1)] in cat:
                partner = _PERSON_RESULT[verb.group(1)]
        if partner is not None and partner != fig.indicator:
            fig.indicator, fig.chosen = partner, None
            fig.rule = f"a result of the tips before it ('{found.group()}')"


_ANY_PERSONS = frozenset({None, "crime.suspects", "crime.persons_handled"})
# Administrative sanctions brought about by tips are the tips' sanctions.
_SANCTIONED = {
    "crime.administrative_cases": "tips.sanctioned_cases",
    "crime.administrative_persons": "tips.sanctioned_persons",
}
_FROM_TIPS = re.compile(
    r"(?<!\w)(?:từ|qua|thông qua|trên cơ sở)(?: các| những| số)? " + _TIP_WORD.pattern
)
_PERSON_VERB = re.compile(r"(?<!\w)(bắt|xử lý)(?!\w)")
_PERSON_RESULT = {"bắt": "tips.suspects_arrested", "xử lý": "tips.sanctioned_persons"}

_PART_OF = re.compile(r"(?<!\w)trong đó(?!\w)")
_PART_REACH = 60  # characters between a whole and its "trong đó" part


def whole_of_parts(sc: Scanned, figs: list[Fig], idx: PhraseIndex) -> list[tuple[int, int]]:
    """Figures after "trong đó" (of which): parts of the figure before.

    "xảy ra 50 vụ, trong đó 12 vụ ma túy": the 12 are some of the 50 cases, so a part
    with no indicator of its own is counted by the whole's, in the cell its own words
    name (`unsplit_parts` takes the indicator back when nothing sets the part apart
    from its whole). Returns (part, whole) indices of the parts with no indicator or the
    whole's.
    """
    parts: list[tuple[int, int]] = []
    key = sc.key
    for k in range(1, len(figs)):
        fig, whole = figs[k], figs[k - 1]
        if whole.indicator is None or fig.indicator not in (None, whole.indicator):
            continue
        if fig.counter_units is None:
            continue
        if fig.whole is not None or whole.whole is not None or fig.percent or whole.percent:
            continue
        if fig.qstart - whole.end > _PART_REACH or sc.boundaries_between(whole.end, fig.qstart):
            continue
        if _PART_OF.search(key, whole.end, fig.qstart) is None:
            continue
        if idx.units[whole.indicator] not in fig.counter_units:
            continue
        if fig.indicator is None:
            fig.indicator, fig.chosen = whole.indicator, None
            fig.rule = f"a part ('trong đó') of the figure '{key[whole.start : whole.number_end]}'"
        parts.append((k, k - 1))
    return parts


def unsplit_parts(figs: list[Fig], parts: list[tuple[int, int]]) -> None:
    """A "trong đó" part whose dimensions are its whole's names no cell of its own: unread.

    "xử lý 30 đối tượng, trong đó 10 đối tượng nữ": nothing the catalogue splits by sets
    the 10 apart, and a second value for the 30's cell would contradict it.
    """
    for k, w in parts:
        fig, whole = figs[k], figs[w]
        if fig.indicator == whole.indicator and fig.dims == whole.dims:
            fig.unread(
                f"a part ('trong đó') of the figure '{whole.value}' that names no cell of its own"
            )


# "Đến nay, cả nước có hơn 4.300 mô hình": the country as the subject that has the things
# counted ("trong toàn quốc", "khắp cả nước" after a verb say where, not whose).
_COUNTRY_HAS = re.compile(
    r"(?<!trong )(?<!khắp )(?<!\w)(?:" + "|".join(map(re.escape, words("national"))) + ")"
    r"(?:[ ,]+(?:hiện nay|hiện|đã|đến nay|nay))*[ ]+(?:có|đạt|xây dựng|duy trì|ghi nhận)(?!\w)"
)
_COUNTRY_REACH = 100  # characters back from a figure to the subject of its clause


def of_the_country(sc: Scanned, figs: list[Fig]) -> None:
    """Figures the whole country has, in a report about one place: not the place's.

    A report of a province or a commune often sets its figures against the
    country's ("cả nước có hơn 4.300 mô hình"); those are the country's, and a
    report about the place must not carry them. Call only when the place read
    or given is not the country.

    Example:
        >>> from antq_domain.extract import extract_report
        >>> ex = extract_report("Năm 2024, cả nước có 4.300 mô hình; tỉnh Kon Tum có 38 mô hình.")
        >>> [f.value for f in ex.figures], [u.value for u in ex.unmatched]
        ([38], [4300])
    """
    ends = [m.end() for m in _COUNTRY_HAS.finditer(sc.key)]  # once: a scan of the text
    for fig in figs:
        if fig.indicator is None or not ends:
            continue
        start = max(sc.boundary_before(fig.qstart), fig.qstart - _COUNTRY_REACH)
        i = bisect_right(ends, fig.qstart) - 1  # the last "cả nước có" ending before it
        if i < 0 or ends[i] <= start:
            continue
        fig.unread("a figure of the whole country ('cả nước có …'), not of the report's place")


# "… được nhân rộng tại 1.053 điểm", "… đã được nhân rộng thành hơn 8.800 điểm".
_REPLICATED_AT = re.compile(r"nhân rộng(?: ra)?[ ]+(?:thành|tại|ở|ra)[ ]+(?:hơn |trên |gần )?$")
_SITES_REACH = 200  # characters from the models to the count of their sites


def models_at_sites(sc: Scanned, figs: list[Fig]) -> None:
    """Models "replicated at M sites": the models there are, their replication the sites.

    "306 mô hình được nhân rộng tại 1.053 điểm": the 306 are the models the place
    has (``models.active``), spread over 1.053 sites (``models.sites``); the sites
    count the replication. Models "được nhân rộng" with no sites counted after them
    stay the models replicated.

    Example:
        >>> from antq_domain.extract import extract_report
        >>> ex = extract_report("Năm 2016, có 306 mô hình được nhân rộng tại 1.053 điểm.")
        >>> [(f.indicator, f.value) for f in ex.figures]
        [('models.active', 306), ('models.sites', 1053)]
    """
    key = sc.key
    for a, b in pairwise(figs):
        if a.indicator != "models.replicated" or b.indicator != "models.sites":
            continue
        if b.qstart - a.end > _SITES_REACH or sc.boundaries_between(a.end, b.qstart):
            continue
        if _REPLICATED_AT.search(key, a.end, b.qstart) is None:
            continue
        a.indicator, a.chosen = "models.active", None
        a.dims, a.dim_matches, a.dim_rules = {}, {}, {}
        a.rule = f"models replicated at the sites counted by '{key[b.start : b.number_end]}'"


# "nhân rộng mô hình … (từ N) lên M tổ dân phố": the model spread to M places.
_SPREAD = re.compile(r"(?<!\w)nhân rộng(?:[ ]+(?:các|những))?[ ]+mô hình(?!\w)")
_UP_TO = re.compile(r"(?<!\w)(?:lên|ra)[ ]*$")


def models_spread_to(sc: Scanned, figs: list[Fig]) -> None:
    """The places a model was spread to ("lên 17 tổ dân phố") are its sites.

    "nhân rộng mô hình “Camera an ninh” từ 5 tổ dân phố lên 17 tổ dân phố": after
    "lên"/"ra" (up to, out to), the places counted are where the model now runs
    (``models.sites``, of the kind its title names); the count after "từ" (from)
    is the one before the spread, left unmatched.

    Example:
        >>> from antq_domain.extract import extract_report
        >>> ex = extract_report(
        ...     "Năm 2020, xã nhân rộng mô hình “Camera an ninh” từ 3 thôn lên 9 thôn."
        ... )
        >>> [(f.indicator, dict(f.dims), f.value) for f in ex.figures]
        [('models.sites', {'model_kind': 'security_camera'}, 9)]
    """
    key = sc.key
    for k, fig in enumerate(figs):
        if fig.indicator not in (None, "admin.units") or fig.whole is not None or fig.percent:
            continue
        if fig.counter is None or _UP_TO.search(key, max(0, fig.qstart - 8), fig.qstart) is None:
            continue
        start = sc.boundary_before(fig.qstart)
        # the last "nhân rộng mô hình" before the figure in its clause
        spread = max(
            _SPREAD.finditer(key, max(start, fig.qstart - _SITES_REACH), fig.qstart),
            key=lambda m: m.start(),
            default=None,
        )
        if spread is None:
            continue
        fig.indicator, fig.chosen = "models.sites", None
        fig.dims, fig.dim_matches, fig.dim_rules = {}, {}, {}
        fig.rule = "the places the model was spread to"
        # the model's kind: a kind its title names, read on any figure of the stretch
        for other in figs[max(0, k - 3) : k + 1]:
            for m in other.matches:
                if m.entry.code == "model_kind" and m.entry.dim_value and m.start > spread.end():
                    fig.dims["model_kind"] = m.entry.dim_value
                    fig.dim_matches["model_kind"] = m
                    fig.dim_rules["model_kind"] = "the kind named by the model's title"
                    break
            if "model_kind" in fig.dims:
                break


# "đề nghị" (to propose, to request) before a figure in its clause: what was asked for.
PROPOSE = re.compile(r"(?<!\w)đề nghị(?!\w)")
_PROPOSAL_REACH = 100  # characters back from a figure to the verb of its clause


def proposals(sc: Scanned, figs: list[Fig], cat: Catalogue) -> None:
    """A figure of what was proposed is no count of what was done.

    "đề nghị áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc đối với 23 người
    nghiện ma túy": the 23 were proposed for a measure, not managed. An indicator
    with a ``status`` dimension records the proposal (commendations: ``proposed``,
    also when the one asked to confer stands between: "đề nghị Chủ tịch UBND tỉnh
    tặng bằng khen"); any other figure after "đề nghị" in its clause is listed
    unmatched.

    Example:
        >>> from antq_domain.extract import extract_report
        >>> ex = extract_report(
        ...     "Năm 2022, Công an xã đề nghị đưa vào cơ sở cai nghiện 23 người nghiện ma túy."
        ... )
        >>> ex.figures, [u.value for u in ex.unmatched]
        ((), [23])
    """
    starts = [m.start() for m in PROPOSE.finditer(sc.key)]  # once: a scan of the text
    dropped: set[tuple[int, str | None]] = set()  # (clause, issuer) read from a proposer
    for fig in figs:
        if fig.indicator is None or not starts:
            continue
        start = max(sc.boundary_before(fig.qstart), fig.qstart - _PROPOSAL_REACH)
        # the first "đề nghị" of the clause before the figure (whole, before the number)
        i = bisect_left(starts, start)
        if i == len(starts) or starts[i] + len("đề nghị") > fig.qstart:
            continue
        asked_at = starts[i]
        issuer = fig.dim_matches.get("issuer")
        clause = sc.boundaries_upto(fig.qstart)
        carried = issuer is None and (clause, fig.dims.get("issuer")) in dropped
        if (issuer is not None and issuer.end <= asked_at) or carried:
            # "UBND huyện đề nghị tặng …": who proposes is not who awards (nor is it for
            # the figures listed with the one it was read for)
            dropped.add((clause, fig.dims.pop("issuer", None)))
            fig.dim_matches.pop("issuer", None)
            fig.dim_rules.pop("issuer", None)
        if "status" in cat[fig.indicator].dimension_names:
            # "đề nghị Chủ tịch UBND tỉnh tặng bằng khen": the award asked of the chair
            if fig.dims.get("status", "conferred") == "conferred":
                fig.dims["status"] = "proposed"
                fig.dim_rules["status"] = "'đề nghị' before the award in its clause"
                fig.dim_matches.pop("status", None)
            continue
        fig.unread("what was proposed ('đề nghị …'), not what was done")
