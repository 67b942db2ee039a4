"""Figures read together: lists, clauses, participants, percentages and dimensions.

A figure's dimensions come from the phrases before it, then from the
figures it is listed with ("03 tập thể, 05 cá nhân"), then the phrases
after it, then the earlier figures of its clause. Each step walks the
figures once, keeping what it needs from the ones before (the last value of
each dimension in the clause, the last activity, the last fraction): the
work is linear in the number of figures, however many share a clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from antq_domain.extract._figures import Fig, Match
from antq_domain.extract._match import CONTEXT_DIMS, COUNTERS, HEAD_DIMS, PhraseIndex
from antq_domain.extract._text import Scanned, phrase_words
from antq_domain.records.indicators import Catalogue, Indicator
from antq_domain.values.unit import Unit

__all__ = [
    "carry_dims",
    "clause_keys",
    "coordinated",
    "finish_dims",
    "groups_of_a_force",
    "in_aside",
    "persons_with",
    "own_dims",
    "pair_participants",
    "cases_and_persons",
    "percent_ratios",
    "propagate",
    "same_clause",
]

_DEFAULT_DIMS = {
    "status": "conferred",
    "form": "unspecified",
    "issuer": "unspecified",
    "scope": "unspecified",
}
_UNSPLIT = ("mixed", "all", "unspecified")


def same_clause(sc: Scanned, a: Fig, b: Fig) -> bool:
    """Whether no clause boundary lies between figure ``a`` and the later figure ``b``."""
    return sc.boundaries_between(a.end, b.qstart) == 0


def clause_keys(sc: Scanned, figs: list[Fig], *, asides: bool = False) -> list[tuple[int, int]]:
    """Each figure's clause as (boundaries before its start, boundaries before its end).

    ``same_clause(sc, a, b)`` is ``keys[a][1] == keys[b][0]``: the walks below
    keep a running state per clause instead of looking back over every
    earlier figure of it. With ``asides``, brackets are no boundaries: a
    bracketed aside belongs to the clause it stands in, which goes on after it
    ("8 bị can (cho vay nặng lãi), xử lý hành chính 4 vụ", "73/74 vụ (đạt 98,65%)").
    """
    if not asides:
        return [(sc.boundaries_upto(f.qstart), sc.boundaries_upto(f.end)) for f in figs]
    brackets = [b for b in sc.boundaries if sc.key[b] in "()[]"]

    def upto(pos: int) -> int:
        return sc.boundaries_upto(pos) - bisect_left(brackets, pos)

    return [(upto(f.qstart), upto(f.end)) for f in figs]


_ASIDE = re.compile(r"[ ]*\([^()\n]*\)(?=[ ]*(?:,|và)?[ ]*$)")


def in_aside(sc: Scanned, fig: Fig) -> bool:
    """Whether ``fig`` is a percentage glossing what stands before it, in brackets ("(đạt 92%)")."""
    before = sc.key[max(0, fig.qstart - 12) : fig.qstart].rstrip()
    return fig.percent and before.removesuffix("đạt").removesuffix("bằng").rstrip().endswith("(")


def coordinated(sc: Scanned, a: Fig, b: Fig) -> bool:
    """Whether ``b`` is listed with ``a`` ("03 tập thể, 05 cá nhân", "12 vụ và 15 đối tượng").

    Example:
        >>> from antq_domain.extract import extract_report
        >>> ex = extract_report("Năm 2024, UBND xã tặng giấy khen cho 02 cá nhân 04 tập thể.")
        >>> [(f.value, f.dims["recipient_kind"]) for f in ex.figures]
        [(2, 'individual'), (4, 'collective')]
    """
    if b.qstart - a.end > 80:
        return False
    between = sc.key[a.end : b.qstart]
    return _semicolon_list(sc, a, b, between) or _listed(sc, a, b, between)


def _listed(sc: Scanned, a: Fig, b: Fig, between: str) -> bool:
    """`coordinated` within one clause (or past a bracketed aside)."""
    # A bracketed aside ending the first item ("120/130 vụ … (đạt 92,3%), 15/16 vụ …") is
    # read past.
    aside = _ASIDE.search(between)
    if aside is None:
        if not same_clause(sc, a, b):
            return False
    elif sc.boundaries_between(a.end, a.end + aside.start()) or sc.boundaries_between(
        a.end + aside.end(), b.qstart
    ):
        return False
    else:
        between = between[: aside.start()] + between[aside.end() :]
    if "trong đó" in between:
        return False
    tail = between.rstrip()
    if tail.endswith((",", " và")) or tail == "và":
        return True
    # Listed without a conjunction: nothing between but the first number's counter word
    # ("tặng giấy khen cho 01 cá nhân 03 tập thể").
    return a.counter is not None and between.strip() == " ".join(a.counter)


_LIST_ITEM_SEP = re.compile(r"[ ]*(?:,|(?<!\w)và(?!\w))[ ]*")


def _a_share(fig: Fig) -> bool:
    return fig.whole is not None or fig.percent


def _semicolon_list(sc: Scanned, a: Fig, b: Fig, between: str) -> bool:
    """Two shares listed with a semicolon: "59/59 thôn, buôn, tổ dân phố; 6/6 doanh nghiệp".

    A list of fractions or percentages whose items are only their units may be
    separated by semicolons; the predicate after the last item is all of theirs.
    """
    if not (_a_share(a) and _a_share(b)):
        return False
    items = between.rstrip()
    if not items.endswith(";") or sc.boundaries_between(a.end, b.qstart) != 1:
        return False
    words = [w for w in _LIST_ITEM_SEP.split(items[:-1].strip()) if w]
    return bool(words) and all(tuple(w.split()) in COUNTERS for w in words)


# The verbs of attending, all that is left of "lượt người tham dự" without its counter.
_ATTEND = frozenset({("tham", "dự"), ("dự",), ("đến", "dự")})


def pair_participants(
    sc: Scanned, figs: list[Fig], keys: list[tuple[int, int]], idx: PhraseIndex
) -> None:
    """Participants ("450 lượt người tham gia") of the nearest activity before them in the clause.

    A figure counting participants ends the search of the ones after it.
    """
    clause, activity = -1, None  # the nearest activity since the last participants figure
    for fig, (at_start, at_end) in zip(figs, keys, strict=True):
        if at_start != clause:
            activity = None
        units = fig.counter_units or frozenset()
        if Unit.PARTICIPATION in units:
            # "hơn 2.015 lượt đoàn viên, thanh niên và nhân dân tham dự": the verb of taking
            # part follows the persons, however many are listed, within the clause.
            head = sc.key[fig.end : min(fig.end + 80, sc.boundary_after(fig.end))]
            said = fig.counter == ("lượt", "người") or "tham gia" in head or "dự" in head
            if said and activity is not None and activity.indicator in idx.partners:
                fig.indicator, fig.chosen = idx.partners[activity.indicator], None
                fig.rule = f"participants of the activity '{activity.indicator}' before it"
            elif activity is None and fig.chosen is not None and fig.chosen.entry.words in _ATTEND:
                # "… đại diện các cơ quan, trường học với hơn 200 người tham dự": attending
                # names no activity; with none counted before it, it is who came to the event.
                fig.unread("persons attending ('tham dự'): no activity they attended is counted")
            activity = None
        elif fig.indicator in idx.partners:
            activity = fig
        clause = at_end


def _partner_code(code: str, cat: Catalogue, suffixes: tuple[str, ...]) -> str | None:
    """The catalogue's person-count partner of ``code``, by its naming.

    ``forces.grassroots_security_teams`` → ``forces.grassroots_security_members``,
    ``forces.self_managed_groups`` → ``forces.self_managed_group_members``,
    ``models.active`` → ``models.members``, ``crime.administrative_cases`` →
    ``crime.administrative_persons``: the same stem with one of ``suffixes``,
    counted in persons.
    """
    area, _, name = code.partition(".")
    stem = name.rsplit("_", 1)[0] if "_" in name else ""
    candidates = [f"{area}.{stem}_{suffix}" for suffix in suffixes if stem]
    # "self_managed_groups" → "self_managed_group_members": the thing in the singular
    if name.endswith("s"):
        candidates += [f"{area}.{name[:-1]}_{suffix}" for suffix in suffixes]
    candidates += [f"{area}.{suffix}" for suffix in suffixes]
    for other in candidates:
        if other != code and other in cat and cat[other].unit is Unit.PERSON:
            return other
    return None


_MEMBERS = ("thành", "viên")


@lru_cache(maxsize=8)  # as phrase_index: a catalogue left out per text makes one each
def _forces(cat: Catalogue) -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each force named by a members' indicator phrase, and the indicator of its groups.

    ``forces.grassroots_security_members`` is named "lực lượng tham gia bảo vệ an
    ninh, trật tự ở cơ sở"; its groups are ``forces.grassroots_security_teams``
    (the partner by the catalogue's naming). "ở"/"tại" before "cơ sở" may be left out.
    """
    out: dict[str, str] = {}  # pattern -> the groups' indicator (a phrase's forms once)
    for ind in cat.indicators:
        if ind.unit is not Unit.GROUP:
            continue
        members = _partner_code(ind.code, cat, ("members",))
        if members is None:
            continue
        for phrase in (cat[members].label.vi, *cat[members].synonyms_vi):
            words = phrase_words(phrase)  # folded as the text's key is
            if len(words) < 4:
                continue
            body = r"[ ,]+".join(map(re.escape, words))
            body = body.replace(r"ở[ ,]+cơ[ ,]+sở", r"(?:(?:ở|tại)[ ]+)?cơ[ ]+sở").replace(
                r"tại[ ,]+cơ[ ,]+sở", r"(?:(?:ở|tại)[ ]+)?cơ[ ]+sở"
            )
            out.setdefault(r"(?<!\w)" + body + r"(?!\w)", ind.code)
    return tuple((re.compile(pattern), code) for pattern, code in out.items())


_FORCE_REACH = 120  # characters from the force's name to its count


def groups_of_a_force(sc: Scanned, figs: list[Fig], cat: Catalogue) -> None:
    """A force named as the subject and counted in its groups' word is its groups.

    "Lực lượng tham gia bảo vệ ANTT ở cơ sở của tỉnh có 1.250 tổ với 3.900 thành
    viên": the force (Law 30/2023/QH15) is organised in teams (Art. 14), so a bare
    "tổ" counted after its name counts those teams; the members after "với" follow
    (`persons_with`).
    """
    forces = _forces(cat)
    for fig in figs:
        if (
            fig.indicator is not None
            or fig.counter_units is None
            or Unit.GROUP not in fig.counter_units
            or fig.counter is None
            or len(fig.counter) != 1
        ):
            continue
        start = max(sc.boundary_before(fig.qstart), fig.qstart - _FORCE_REACH)
        window = sc.key[start : fig.qstart]
        for pattern, code in forces:
            named = pattern.search(window)
            # another count between the name and this one is what the force did
            if named is not None and not any(c.isdigit() for c in window[named.end() :]):
                fig.indicator, fig.chosen = code, None
                fig.rule = "the groups of the force named before it"
                break


def persons_with(
    sc: Scanned,
    figs: list[Fig],
    keys: list[tuple[int, int]],
    cat: Catalogue,
    *,
    members: bool,
) -> None:
    """The persons of the figure before, after "với"/"gồm" in its clause.

    "xử lý hành chính 12 vụ với 15 đối tượng", or the persons listed right after
    the cases ("xử lý hành chính 12 vụ, 15 đối tượng"): the persons of those cases
    (``crime.administrative_persons``, not suspects); with ``members``,
    "535 tổ …, với 3.277 thành viên": the members of those groups. A figure
    whose indicator came from a phrase of its own keeps it; one chosen only
    by its counter word ("đối tượng") takes the partner.
    """
    previous: Fig | None = None
    before: Fig | None = None  # the figure right before, whatever it counts
    clause = -1
    for fig, (at_start, at_end) in zip(figs, keys, strict=True):
        if at_start != clause:
            previous = None
        joined = sc.key[max(0, fig.qstart - 6) : fig.qstart].rstrip().endswith(("với", "gồm"))
        # Cases and the persons in them are written as a pair: "12 vụ, 15 đối tượng".
        listed = (
            before is not None
            and before is previous
            and before.whole is None
            and before.counter is not None
            and fig.counter is not None
            and coordinated(sc, before, fig)
        )
        if (
            joined
            and previous is not None
            and previous.counter_units is not None
            and Unit.CASE in previous.counter_units
            and Unit.PERSON in (fig.counter_units or ())
        ):
            fig.cases = previous
        if previous is not None and previous.indicator is not None and (joined or listed):
            partner = None
            if fig.counter == _MEMBERS and members and fig.indicator is None and joined:
                partner = _partner_code(previous.indicator, cat, ("members",))
            elif previous.indicator.endswith("_cases") and (
                fig.chosen is None or fig.chosen.entry.words == fig.counter
            ):
                partner = _partner_code(previous.indicator, cat, ("persons", "defendants"))
            if partner is not None:
                fig.indicator, fig.chosen = partner, None
                quoted = sc.key[previous.start : previous.number_end]
                fig.rule = f"the persons of the figure '{quoted}' before it"
        # "xử lý hành chính 4 vụ với số tiền 12 triệu đồng": the money of that sanction.
        if (
            previous is not None
            and fig.indicator is None
            and (previous.indicator or "").startswith("crime.administrative_")
            and "crime.administrative_fines" in cat
            and fig.counter_units is not None
            and cat["crime.administrative_fines"].unit in fig.counter_units
            and sc.key[max(0, fig.qstart - 12) : fig.qstart].rstrip().endswith("số tiền")
        ):
            fig.indicator, fig.chosen = "crime.administrative_fines", None
            quoted = sc.key[previous.start : previous.number_end]
            fig.rule = f"the money of the sanction '{quoted}' before it"
        if fig.indicator is not None:
            previous = fig
        before = fig
        clause = at_end


def _modified(sc: Scanned, fig: Fig) -> bool:
    """Whether words follow the figure's counter inside its noun phrase ("7 tổ dân phòng")."""
    start = max(fig.counter_end, fig.end)
    return fig.counter is not None and sc.key[start : fig.np_end].strip(" .…") != ""


def propagate(sc: Scanned, figs: list[Fig], links: list[bool], cat: Catalogue) -> None:
    def give(src: Fig, dst: Fig) -> None:
        if dst.indicator is not None or src.indicator is None or dst.counter_units is None:
            return
        ratio = cat[src.indicator].ratio
        if src.percent and dst.whole is not None and ratio is not None:
            # "6/6 doanh nghiệp và 100% xã … đạt tiêu chuẩn …": a fraction listed with a
            # percentage of a ratio is that ratio's numerator over its denominator.
            if cat[ratio.numerator].unit in dst.counter_units:
                dst.indicator, dst.chosen = ratio.numerator, None
                dst.rule = f"listed with the share '{sc.key[src.start : src.number_end]}'"
            return
        if (src.whole is None) != (dst.whole is None) or src.percent or dst.percent:
            return
        # What a figure's own counted noun names ("126 tổ hòa giải") is that figure's: a
        # figure listed beside it with another counter word ("1 câu lạc bộ …") counts
        # another thing. What a verb before the list names ("tặng giấy khen cho 10 tập thể,
        # 16 cá nhân") is shared by the list.
        # (A phrase across the number, "xảy ra [12] vụ", is a verb before the list.)
        own = src.chosen is not None and src.chosen.where == "head"
        if own and (dst.counter != src.counter or _modified(sc, dst)):
            return
        ind = cat[src.indicator]
        if ind.unit in dst.counter_units:
            dst.indicator, dst.chosen = src.indicator, None
            dst.rule = f"listed with the figure '{sc.key[src.start : src.number_end]}'"

    for k, linked in enumerate(links, start=1):
        if linked:
            give(figs[k - 1], figs[k])
    for k in range(len(links), 0, -1):
        if links[k - 1]:
            give(figs[k], figs[k - 1])


def _nearest(matches: list[Match]) -> Match | None:
    if not matches:
        return None
    return min(matches, key=lambda m: (m.distance, -m.entry.length, m.start))


def _in_own_name(fig: Fig, m: Match) -> bool:
    """Whether a value phrase lies inside the phrase that named the figure's indicator.

    "23 buổi tuyên truyền pháp luật" is the catalogue's name of propaganda sessions
    (sessions on the law and on order are what the indicator counts): "pháp luật" in it
    names the indicator, it does not split it by topic.
    A value written as the whole counted noun ("5 cụm an ninh liên hoàn") names both the
    indicator and its kind: it stays the kind.
    The noun "với" joins a figure to ("… buổi tuyên truyền pháp luật với 300 lượt người")
    is read the same way.
    """
    spans = [(fig.chosen.start, fig.chosen.end)] if fig.chosen is not None else []
    if m.where == "before":
        spans = fig.names
    return any(s <= m.start and m.end <= e and (s, e) != (m.start, m.end) for s, e in spans)


def _one_of_several(fig: Fig, best: Match, key: str) -> bool:
    """Whether the value is the first of several subjects listed after "về" (about).

    "10 buổi tuyên truyền về ANTT, phòng chống đuối nước, PCCC": sessions about all of
    these, not split by one of them; another value of the same dimension listed after
    the noun phrase, before the next number or the clause's end, says so.
    """
    if " về " not in key[fig.end : best.start + 1]:
        return False
    return any(
        m.entry.code == best.entry.code
        and m.entry.dim_value not in (None, best.entry.dim_value)
        and m.where == "after"
        and m.start >= fig.np_end
        for m in fig.matches
    )


def own_dims(fig: Fig, names: tuple[str, ...], sc_key: str, *, after: bool) -> None:
    for name in names:
        if name in fig.dims:
            continue
        found = [
            m
            for m in fig.matches
            if m.entry.code == name and m.entry.dim_value and (m.where == "after") is after
        ]
        if name in HEAD_DIMS:
            found = [m for m in found if m.where == "head"]
            best = max(found, key=lambda m: m.entry.length) if found else None
        elif name in CONTEXT_DIMS:
            best = _nearest(found)
        elif not after:
            # Any other dimension is read only from the noun phrase the figure counts: a
            # value phrase starting in it ("2 cụm an ninh liên hoàn", "29 buổi tuyên truyền
            # về luật phòng, chống ma túy"), or ending the noun that "với" joins the figure
            # to ("Mô hình camera an ninh” với 19 điểm"); the longest wins.
            found = [
                m
                for m in fig.matches
                if m.entry.code == name
                and m.entry.dim_value
                and m.entry.words != fig.counter  # the counter word names the unit, not a kind
                and not _in_own_name(fig, m)
                and (
                    (m.where in ("head", "junction", "after") and m.start < fig.np_end)
                    or (m.where == "before" and m.end == fig.with_at)
                )
            ]
            best = max(found, key=lambda m: (m.entry.length, -m.start)) if found else None
            if best is not None and _one_of_several(fig, best, sc_key):
                best = None
        else:
            best = None
        if best is not None and best.entry.dim_value is not None:
            fig.dims[name] = best.entry.dim_value
            fig.dim_matches[name] = best


def _take(src: Fig, dst: Fig, idx: PhraseIndex, how: str) -> None:
    """The context dimensions of ``src`` that ``dst``'s indicator has and ``dst`` lacks."""
    if dst.indicator is None or src.indicator is None:
        return
    for name in idx.dim_names[dst.indicator]:
        if name in CONTEXT_DIMS and name not in dst.dims and name in src.dims:
            dst.dims[name] = src.dims[name]
            dst.dim_rules[name] = how


def carry_dims(
    figs: list[Fig],
    keys: list[tuple[int, int]],
    links: list[bool],
    idx: PhraseIndex,
    *,
    clause: bool,
) -> None:
    context = CONTEXT_DIMS
    for k, linked in enumerate(links, start=1):
        if linked and figs[k - 1].indicator == figs[k].indicator:
            _take(figs[k - 1], figs[k], idx, "listed with the figure before")
    for k in range(len(links), 0, -1):
        if links[k - 1] and figs[k - 1].indicator == figs[k].indicator:
            _take(figs[k], figs[k - 1], idx, "listed with the figure after")
    if not clause:
        return
    # The last value of each dimension among the earlier figures of the clause.
    at, latest = -1, dict[str, str]()
    for fig, (at_start, at_end) in zip(figs, keys, strict=True):
        if at_start != at:
            latest = {}
        if fig.indicator is not None:
            for name in idx.dim_names[fig.indicator]:
                if name in context and name not in fig.dims and name in latest:
                    fig.dims[name] = latest[name]
                    fig.dim_rules[name] = "same clause as an earlier figure"
            latest.update(fig.dims)
        at = at_end


def cases_and_persons(figs: list[Fig], idx: PhraseIndex) -> None:
    """Cases and the persons in them share what kind of crime they are.

    "khởi tố 8 vụ với 13 bị can về các tội … cho vay lãi nặng": the category after the
    persons is the cases' too (and one before the cases is the persons').
    """
    for fig in figs:
        if fig.cases is not None:
            _take(fig, fig.cases, idx, "the cases and the persons in them")
            _take(fig.cases, fig, idx, "the cases and the persons in them")


def finish_dims(fig: Fig, ind: Indicator) -> None:
    for dim in ind.dimensions:
        if dim.name in fig.dims:
            continue
        if dim.name in _DEFAULT_DIMS and _DEFAULT_DIMS[dim.name] in dim.codes:
            fig.dims[dim.name] = _DEFAULT_DIMS[dim.name]
            fig.dim_rules[dim.name] = "default"
        elif dim.required:
            code = next((c for c in _UNSPLIT if c in dim.codes), None)
            if code is None:
                fig.reason = f"the required dimension {dim.name!r} was not read"
                return
            fig.dims[dim.name] = code
            fig.dim_rules[dim.name] = "default: not split in the text"


def percent_ratios(
    sc: Scanned, figs: list[Fig], keys: list[tuple[int, int]], cat: Catalogue, idx: PhraseIndex
) -> None:
    """A percentage after a fraction of its clause is that fraction's ratio ("85/85 xã, 100%").

    So is a percentage the clause says a count of a ratio's numerator reached ("làm rõ
    120 vụ phạm tội về trật tự xã hội, đạt 91,2%", "đạt tỷ lệ 91,2%"): "đạt" (reach)
    gives the rate that count makes.
    """
    clause, fraction = -1, None  # the nearest fraction of the clause with a ratio
    count: Fig | None = None  # the nearest count of a ratio's numerator in the clause
    for fig, (at_start, at_end) in zip(figs, keys, strict=True):
        if at_start != clause:
            fraction = count = None
        if (
            fig.percent
            and fig.indicator is None
            and fraction is None
            and count is not None
            and _REACHED.search(sc.key, max(0, fig.qstart - 16), fig.qstart) is not None
        ):
            fraction = count
        if fig.percent and fig.indicator is None and fraction is not None:
            ratio = idx.numerators[fraction.indicator or ""]
            spec = cat[ratio].ratio
            fig.indicator = ratio
            fig.rule = (
                f"percentage of the fraction '{sc.key[fraction.start : fraction.number_end]}'"
            )
            if spec is not None:
                fig.dims = {k: v for k, v in fraction.dims.items() if k in spec.match}
        elif fig.whole is not None and fig.indicator in idx.numerators:
            fraction = fig
        elif not fig.percent and fig.indicator in idx.numerators:
            count = fig
        clause = at_end


_REACHED = re.compile(r"(?<!\w)đạt(?:[ ]+(?:tỷ|tỉ)[ ]+lệ)?[ ]*$")
