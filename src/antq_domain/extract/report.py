"""A draft movement report read from Vietnamese prose, every figure with its quote.

:func:`extract_report` finds every number in a text, sets aside the ones
that are not figures (dates, years, document numbers, period lengths,
anniversaries, digits in names, list markers; each with its reason), reads
the rest the Vietnamese way ("." groups thousands, "," marks decimals,
"hơn/trên" is a lower bound, "gần" an upper bound, "khoảng" approximate,
"85/85 xã" two figures) and chooses each figure's indicator from the
catalogue's Vietnamese labels and synonyms, the counter word after the
number and the words of its clause. A figure no indicator fits is reported
as *unmatched*, never forced. Place and period are read from the text when
not given; with both known the result carries a validated
:class:`~antq_domain.records.report.MovementReport`.

Spans index the text as given (NFC or NFD): ``text[start:end] == quote``.

Example:
    >>> from antq_domain.extract.report import extract_report
    >>> ex = extract_report(
    ...     "Năm 2023, trên địa bàn tỉnh Kon Tum, người dân đã cung cấp 726 nguồn tin "
    ...     "về ANTT, trong đó 655 nguồn tin có giá trị; tổ chức 10 năm thực hiện."
    ... )
    >>> [(f.indicator, f.value) for f in ex.figures]
    [('tips.received', 726), ('tips.valuable', 655)]
    >>> ex.place, str(ex.period), [u.reason.value for u in ex.unused]
    ('62', '2023', ['year', 'period_length'])
    >>> ex.report.ratio("tips.valuable_rate").format("vi")
    '90,2% (655/726)'
"""

from __future__ import annotations

import enum
import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

import attrs

from antq_domain.errors import AntqError, AntqTypeError
from antq_domain.extract._match import (
    CONTEXT_DIMS,
    COUNTERS,
    HEAD_DIMS,
    Entry,
    PhraseIndex,
    phrase_index,
)
from antq_domain.extract._scan import Token, UnusedReason, find_documents, scan_tokens
from antq_domain.extract._text import Normalised, Scanned
from antq_domain.records.catalogue import Catalogue, Indicator
from antq_domain.records.catalogue import catalogue as standard_catalogue
from antq_domain.records.commendations import Authority, Commendation, CommendationForm
from antq_domain.records.observation import Dims, Observation
from antq_domain.records.places import Registry
from antq_domain.records.places import registry as standard_registry
from antq_domain.records.programmes import CooperationProgramme
from antq_domain.records.report import MovementReport
from antq_domain.values.document import DocumentKind, DocumentRef, Issuer
from antq_domain.values.numbers import parse_fraction, parse_number
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier, Unit

__all__ = [
    "DRAFT_ISSUER",
    "Evidence",
    "ExtractedFigure",
    "Extraction",
    "FigureRole",
    "UnusedNumber",
    "extract_report",
]

DRAFT_ISSUER = "(chưa xác định: bản nháp trích xuất tự động)"
"""The issuer of a draft report when the text does not say whose report it is."""

_QUALIFIERS = {
    "hơn": Qualifier.AT_LEAST,
    "trên": Qualifier.AT_LEAST,
    "gần": Qualifier.AT_MOST,
    "khoảng": Qualifier.APPROXIMATELY,
}
_QUALIFIER_BEFORE = re.compile(r"(?<!\w)(hơn|trên|gần|khoảng)[ ]+$")
_SCALE = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}
_SCALE_AFTER = re.compile(r"[ ]([^\W\d_]+)(?:[ ](đồng))?")
_PERCENT = re.compile(r"[ ]?%")
_BEFORE_CHARS = 100
_AFTER_CHARS = 160
_DEFAULT_DIMS = {"status": "conferred", "form": "unspecified", "issuer": "unspecified"}
_UNSPLIT = ("mixed", "all", "unspecified")
_ADMIN_KINDS = frozenset({"commune", "ward", "township", "special_zone", "commune_level"})


class FigureRole(enum.StrEnum):
    """What a figure is in its phrase: a count, a fraction's part or whole, a percentage.

    Example:
        >>> from antq_domain.extract.report import FigureRole
        >>> FigureRole("whole") is FigureRole.WHOLE
        True
    """

    COUNT = "count"
    PART = "part"
    WHOLE = "whole"
    PERCENT = "percent"


@attrs.frozen
class Evidence:
    """Why the extractor decided something: the rule or phrase, and where it read it.

    ``role`` names the decision (``indicator``, ``dim.<name>``, ``counter``,
    ``rule``, ``place``, ``period``); ``phrase`` the catalogue phrase or the
    rule; ``quote`` and ``span`` the words of the text (``span`` indexes the
    text as given; an empty quote means a default, not something read).

    Example:
        >>> from antq_domain.extract.report import Evidence
        >>> Evidence("counter", "nguồn tin", "nguồn tin", (4, 13)).role
        'counter'
    """

    role: str
    phrase: str
    quote: str
    span: tuple[int, int]


@attrs.frozen
class ExtractedFigure:
    """One figure read from the text: number, value, indicator, dims, quote and evidence.

    ``span`` is the quoted phrase and ``number_span`` the number itself, both
    indexing the text as given: ``text[span[0]:span[1]] == quote`` and
    ``text[number_span[0]:number_span[1]] == number``. ``indicator`` is
    ``None`` for an unmatched figure, with ``reason`` saying why.
    ``also_quoted`` lists the spans of other statements of the same figure
    (a headline repeating the body), counted once.

    Example:
        >>> from antq_domain.extract.report import extract_report
        >>> [f] = extract_report("Đã phát hành 36.944 tài liệu.").figures
        >>> f.quote, f.number, f.value, f.indicator, f.quantity
        ('36.944 tài liệu', '36.944', 36944, 'media.documents', Quantity('36944 document'))
    """

    quote: str
    span: tuple[int, int]
    number: str
    number_span: tuple[int, int]
    value: int | Decimal
    qualifier: Qualifier
    unit: Unit | None
    indicator: str | None
    dims: Dims
    role: FigureRole = FigureRole.COUNT
    evidence: tuple[Evidence, ...] = ()
    reason: str = ""
    also_quoted: tuple[tuple[int, int], ...] = ()

    @property
    def quantity(self) -> Quantity | None:
        """The value as a :class:`~antq_domain.values.quantity.Quantity` (``None`` without unit).

        Example:
            >>> from antq_domain.extract.report import extract_report
            >>> extract_report("hơn 145.410 lượt người").unmatched[0].quantity
            Quantity('>=145410 participation')
        """
        if self.unit is None:
            return None
        try:
            return Quantity(self.value, self.unit, self.qualifier)
        except (AntqError, ValueError):
            return None

    def to_row(self) -> dict[str, Any]:
        """A flat row: indicator, dims, value, qualifier, unit, quote, span, reason.

        Example:
            >>> from antq_domain.extract.report import extract_report
            >>> row = extract_report("Có 63 tổ hòa giải cơ sở.").figures[0].to_row()
            >>> row["indicator"], row["value"], row["quote"]
            ('forces.mediation_teams', 63, '63 tổ hòa giải cơ sở')
        """
        value: int | str = self.value if isinstance(self.value, int) else format(self.value, "f")
        return {
            "kind": "figure" if self.indicator is not None else "unmatched",
            "indicator": self.indicator,
            "dims": str(self.dims),
            "value": value,
            "qualifier": self.qualifier.value,
            "unit": self.unit.value if self.unit is not None else None,
            "role": self.role.value,
            "quote": self.quote,
            "start": self.span[0],
            "end": self.span[1],
            "reason": self.reason,
        }


@attrs.frozen
class UnusedNumber:
    """A number seen in the text that is not a figure, with the reason.

    Example:
        >>> from antq_domain.extract.report import extract_report
        >>> [u] = extract_report("Ngày 9/8, huyện tổ chức Ngày hội.").unused
        >>> u.text, u.reason.value, u.span
        ('9/8', 'date', (5, 8))
    """

    text: str
    span: tuple[int, int]
    reason: UnusedReason

    def to_row(self) -> dict[str, Any]:
        """A flat row in the shape of :meth:`ExtractedFigure.to_row`.

        Example:
            >>> from antq_domain.extract.report import extract_report
            >>> extract_report("năm 2023").unused[0].to_row()["reason"]
            'year'
        """
        return {
            "kind": "unused",
            "indicator": None,
            "dims": "",
            "value": None,
            "qualifier": None,
            "unit": None,
            "role": None,
            "quote": self.text,
            "start": self.span[0],
            "end": self.span[1],
            "reason": self.reason.value,
        }


@attrs.frozen
class Extraction:
    """What :func:`extract_report` read: figures, unmatched figures, unused numbers, records.

    ``report`` is the draft :class:`~antq_domain.records.report.MovementReport`
    (validated), built only when both ``place`` and ``period`` are known
    (given or read); otherwise ``None`` and ``notes`` says why. Its as-of date
    is the last day of the period (the extractor reads no clock).

    Example:
        >>> from antq_domain.extract.report import extract_report
        >>> ex = extract_report("Cung cấp 238 nguồn tin có giá trị")
        >>> ex.report is None, ex.notes
        (True, ('no place: pass place=... or name it in the text', 'no period: pass \
period=... or state it in the text'))
        >>> [r["indicator"] for r in ex.to_rows()]
        ['tips.valuable']
    """

    place: str | None
    period: Period | None
    figures: tuple[ExtractedFigure, ...] = ()
    unmatched: tuple[ExtractedFigure, ...] = ()
    unused: tuple[UnusedNumber, ...] = ()
    place_evidence: Evidence | None = None
    period_evidence: Evidence | None = None
    commendations: tuple[Commendation, ...] = ()
    programmes: tuple[CooperationProgramme, ...] = ()
    report: MovementReport | None = None
    notes: tuple[str, ...] = ()

    def to_rows(self) -> list[dict[str, Any]]:
        """Tidy rows, in text order: figures, unmatched figures and unused numbers.

        Example:
            >>> from antq_domain.extract.report import extract_report
            >>> [(r["kind"], r["quote"]) for r in extract_report("Năm 2023 có 5 cụm").to_rows()]
            [('unused', '2023'), ('unmatched', '5 cụm')]
        """
        rows = [f.to_row() for f in (*self.figures, *self.unmatched)]
        rows += [u.to_row() for u in self.unused]
        return sorted(rows, key=lambda r: (r["start"], r["end"]))

    def to_json(self, *, indent: int | None = 2) -> str:
        """The extraction as JSON: place, period, rows, and the draft report if any.

        Example:
            >>> import json
            >>> from antq_domain.extract.report import extract_report
            >>> json.loads(extract_report("Năm 2023, 26 chuyên mục").to_json())["period"]
            '2023'
        """
        data: dict[str, Any] = {
            "place": self.place,
            "period": str(self.period) if self.period is not None else None,
            "rows": self.to_rows(),
            "notes": list(self.notes),
            "report": self.report.model_dump(mode="json") if self.report is not None else None,
        }
        return json.dumps(data, ensure_ascii=False, indent=indent)


# -- working state ----------------------------------------------------------------
@attrs.define
class _Match:
    pos: int
    entry: Entry
    start: int
    end: int
    where: str  # before, junction, head, after
    distance: int


@attrs.define
class _Fig:
    start: int
    end: int  # end of the number (with "%" and scale word)
    qstart: int
    number_end: int
    value: int | Decimal
    qualifier: Qualifier
    whole: int | None
    percent: bool
    counter: tuple[str, ...] | None = None
    counter_units: frozenset[Unit] | None = None
    counter_end: int = 0
    noun_end: int = 0
    unit_hint: Unit | None = None
    matches: list[_Match] = attrs.field(factory=list)
    indicator: str | None = None
    chosen: _Match | None = None
    rule: str = ""
    dims: dict[str, str] = attrs.field(factory=dict)
    dim_matches: dict[str, _Match] = attrs.field(factory=dict)
    dim_rules: dict[str, str] = attrs.field(factory=dict)
    reason: str = ""


def _read_value(sc: Scanned, tok: Token) -> _Fig | None:
    key = sc.key
    percent_m = _PERCENT.match(key, tok.end)
    percent = percent_m is not None and tok.end < len(key)
    end = percent_m.end() if percent_m is not None and percent else tok.end
    whole: int | None = None
    unit_hint: Unit | None = None
    try:
        value: int | Decimal
        if tok.text.isdigit():  # plain ASCII digits ("726", "03"): what parse_number reads
            value = int(tok.text)
        elif "/" in tok.text:
            value, whole = parse_fraction(tok.text)
        else:
            parsed = parse_number(tok.text)
            value = parsed.value
    except (AntqError, ValueError):
        return None
    if not percent and whole is None:
        scale = _SCALE_AFTER.match(key[end : end + 20])
        if scale is not None and scale.group(1) in _SCALE:
            exp = _SCALE[scale.group(1)]
            if scale.group(2):
                exp -= 6
                unit_hint = Unit.VND_MILLION
            value = Decimal(value).scaleb(exp)
            if value == value.to_integral_value():
                value = int(value)
            end += scale.end()
    qstart = tok.start
    qualifier = Qualifier.EXACT
    q = _QUALIFIER_BEFORE.search(key, max(0, tok.start - 12), tok.start)
    if q is not None:
        qualifier = _QUALIFIERS[q.group(1)]
        qstart = q.start()
    fig = _Fig(tok.start, end, qstart, tok.end, value, qualifier, whole, percent)
    fig.unit_hint = unit_hint
    return fig


_Context = tuple[list[str], list[int], list[int], int]


def _context(sc: Scanned, tokens: Sequence[Token], i: int, fig: _Fig) -> _Context:
    """The words around the figure, within its clause and its neighbours, without the figure.

    Returns the words with their starts and ends, and the *junction*: the
    index of the first word after the figure.
    """
    prev_end = tokens[i - 1].end if i > 0 else 0
    next_start = tokens[i + 1].start if i + 1 < len(tokens) else len(sc.key)
    b0 = max(sc.boundary_before(fig.qstart), prev_end, fig.qstart - _BEFORE_CHARS)
    a1 = max(min(sc.boundary_after(fig.end), next_start, fig.end + _AFTER_CHARS), fig.end)
    words, starts, ends = sc.words_in(min(b0, fig.qstart), a1)
    # Drop the qualifier and the number (and a word running across the figure's end).
    junction = bisect_right(ends, fig.qstart)
    after = bisect_left(starts, fig.end)
    if after > junction:
        del words[junction:after], starts[junction:after], ends[junction:after]
    return words, starts, ends, junction


def _read_counter(fig: _Fig, ctx: list[str], ends: list[int], junction: int) -> None:
    """The counter word right after the number ("lượt người", "xã", "%")."""
    if fig.percent:
        fig.counter, fig.counter_units, fig.counter_end = ("%",), frozenset({Unit.PERCENT}), fig.end
        return
    if fig.unit_hint is not None:
        fig.counter, fig.counter_units = ("đồng",), frozenset({fig.unit_hint})
        fig.counter_end = fig.end
        return
    for n in (3, 2, 1):
        words = tuple(ctx[junction : junction + n])
        if len(words) == n and words in COUNTERS:
            fig.counter, fig.counter_units = words, COUNTERS[words]
            fig.counter_end = ends[junction + n - 1]
            return


def _entry_order(entry: Entry) -> int:
    return entry.order


def _match_context(fig: _Fig, context: _Context, idx: PhraseIndex) -> None:
    ctx, wstarts, wends, junction = context
    _read_counter(fig, ctx, wends, junction)
    size = len(ctx)
    if junction < size:
        fig.noun_end = wends[junction]
    trie = idx.trie
    matches = fig.matches
    qstart, fend = fig.qstart, fig.end
    for pos, word in enumerate(ctx):
        node = trie.get(word)
        if node is None:
            continue
        # Walk the trie from this word: every phrase of the catalogue starting here.
        found: Sequence[Entry] = node.entries
        k = pos + 1
        children = node.children
        while children and k < size:
            nxt = children.get(ctx[k])
            if nxt is None:
                break
            if nxt.entries:
                # Longer phrases too: catalogue order, whatever the phrase length.
                found = sorted((*found, *nxt.entries), key=_entry_order)
            children = nxt.children
            k += 1
        for entry in found:
            n = len(entry.words)
            start, end = wstarts[pos], wends[pos + n - 1]
            if pos < junction < pos + n:
                matches.append(_Match(pos, entry, start, end, "junction", 0))
            elif pos == junction:
                matches.append(_Match(pos, entry, start, end, "head", 0))
            elif pos > junction:
                matches.append(_Match(pos, entry, start, end, "after", start - fend))
            else:
                matches.append(_Match(pos, entry, start, end, "before", qstart - end))


def _score(m: _Match, fig: _Fig) -> float:
    if m.where == "junction":
        weight = 1.4
    elif m.where == "head":
        weight = 0.6 if m.entry.words == fig.counter else 1.3
    elif m.where == "after":
        weight = max(0.3, 0.8 - 0.004 * m.distance)
    else:
        weight = max(0.3, 0.9 - 0.005 * m.distance)
    return m.entry.length * weight


def _unit_ok(code: str, fig: _Fig, m: _Match, idx: PhraseIndex) -> bool:
    if fig.counter_units is None:
        return m.where in ("junction", "head") and code not in idx.ratios
    if code in idx.ratios:
        return Unit.PERCENT in fig.counter_units
    return idx.units[code] in fig.counter_units


def _choose(fig: _Fig, idx: PhraseIndex) -> None:
    candidates = [
        m for m in fig.matches if m.entry.dim_value is None and _unit_ok(m.entry.code, fig, m, idx)
    ]
    if fig.whole is not None:
        numerators = [m for m in candidates if m.entry.code in idx.numerators]
        candidates = numerators or candidates
    if candidates:
        best = max(candidates, key=lambda m: (_score(m, fig), -m.entry.order))
        fig.indicator, fig.chosen = best.entry.code, best
    # Only dimension phrases are read after this: let the other matches go.
    fig.matches = [m for m in fig.matches if m.entry.dim_value is not None]


def _same_clause(sc: Scanned, a: _Fig, b: _Fig) -> bool:
    return sc.boundaries_between(a.end, b.qstart) == 0


def _coordinated(sc: Scanned, a: _Fig, b: _Fig) -> bool:
    between = sc.key[a.end : b.qstart]
    if len(between) > 80 or not _same_clause(sc, a, b) or "trong đó" in between:
        return False
    tail = between.rstrip()
    return tail.endswith((",", " và")) or tail == "và"


def _pair_participants(sc: Scanned, figs: list[_Fig], idx: PhraseIndex) -> None:
    for i, fig in enumerate(figs):
        units = fig.counter_units or frozenset()
        if Unit.PARTICIPATION not in units:
            continue
        head = sc.key[fig.end : fig.end + 40]
        if fig.counter != ("lượt", "người") and "tham gia" not in head and "dự" not in head:
            continue
        for j in range(i - 1, -1, -1):
            prev = figs[j]
            if not _same_clause(sc, prev, fig):
                break
            if prev.counter_units is not None and Unit.PARTICIPATION in prev.counter_units:
                break
            if prev.indicator in idx.partners:
                fig.indicator, fig.chosen = idx.partners[prev.indicator], None
                fig.rule = f"participants of the activity '{prev.indicator}' before it"
                break


def _propagate(sc: Scanned, figs: list[_Fig], links: list[bool], cat: Catalogue) -> None:
    def give(src: _Fig, dst: _Fig) -> None:
        if dst.indicator is not None or src.indicator is None or dst.counter_units is None:
            return
        if (src.whole is None) != (dst.whole is None) or src.percent or dst.percent:
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


def _nearest(matches: list[_Match]) -> _Match | None:
    if not matches:
        return None
    return min(matches, key=lambda m: (m.distance, -m.entry.length, m.start))


def _own_dims(fig: _Fig, names: tuple[str, ...], *, after: bool) -> None:
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
        else:
            best = None
        if best is not None and best.entry.dim_value is not None:
            fig.dims[name] = best.entry.dim_value
            fig.dim_matches[name] = best


def _carry_dims(
    sc: Scanned, figs: list[_Fig], links: list[bool], idx: PhraseIndex, *, clause: bool
) -> None:
    def take(src: _Fig, dst: _Fig, names: frozenset[str], how: str) -> None:
        if dst.indicator is None or src.indicator is None:
            return
        for name in idx.dim_names[dst.indicator]:
            if name in names and name not in dst.dims and name in src.dims:
                dst.dims[name] = src.dims[name]
                dst.dim_rules[name] = how

    context = CONTEXT_DIMS
    for k, linked in enumerate(links, start=1):
        if linked and figs[k - 1].indicator == figs[k].indicator:
            take(figs[k - 1], figs[k], context, "listed with the figure before")
    for k in range(len(links), 0, -1):
        if links[k - 1] and figs[k - 1].indicator == figs[k].indicator:
            take(figs[k], figs[k - 1], context, "listed with the figure after")
    if not clause:
        return
    for i, fig in enumerate(figs):
        for j in range(i - 1, -1, -1):
            if not _same_clause(sc, figs[j], fig):
                break
            take(figs[j], fig, context, "same clause as an earlier figure")


def _finish_dims(fig: _Fig, ind: Indicator) -> None:
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


# -- place and period --------------------------------------------------------------
# Each pattern opens with a class or a word and looks behind it for a word
# character, so the regex engine skips ahead at C speed ("(?<!\w)năm" is
# "năm(?<!\wnăm)").
_P_FIRST = re.compile(r"([0-9](?<!\w[0-9])[0-9]?) tháng (đầu|cuối) năm(?: ([0-9]{4}))?")
_P_QUARTER = re.compile(r"quý(?<!\wquý) ([ivx]+|[1-4])(?:[ ]?[/-][ ]?|,? năm )([0-9]{4})(?![0-9])")
_P_YEAR = re.compile(r"năm(?<!\wnăm) ([0-9]{4})(?![0-9]|[ ]?[-–][ ]?[0-9])")
_P_DATE_BEFORE = re.compile(r"tháng [0-9]{1,2},? $")
_PLACE_KINDS = (
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
    "đặc khu",
)
_PLACE = re.compile(
    r"(?<!\w)(" + "|".join(_PLACE_KINDS) + r")[ ]+((?:[^\W\d_]+[ ]?){1,4})",
    re.IGNORECASE,
)


def _starts_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """Every place where one of ``words`` starts, overlaps included.

    Each match is the first letter alone, the rest of the word looked ahead
    for ("t(?=ỉnh|hành phố|…)"): the engine scans for a few letters at C speed,
    and a word starting inside another is still found.
    """
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile("|".join(f"{re.escape(c)}(?={'|'.join(r)})" for c, r in rests.items()))


# Where a kind word starts in the folded text: the only places the case-blind
# _PLACE can match.
_PLACE_STARTS = _starts_of(_PLACE_KINDS)


def _place_mentions(text: str, key: str) -> list[re.Match[str]]:
    """``_PLACE.finditer(text)``, tried only where the folded text has a kind word."""
    out: list[re.Match[str]] = []
    last = 0
    for start in _PLACE_STARTS.finditer(key):
        if start.start() < last:
            continue
        m = _PLACE.match(text, start.start())
        if m is not None:
            out.append(m)
            last = m.end()
    return out


def _evidence(norm: Normalised, role: str, phrase: str, start: int, end: int) -> Evidence:
    span = norm.span(start, end)
    return Evidence(role, phrase, norm.original[span[0] : span[1]], span)


def _read_period(norm: Normalised, sc: Scanned) -> tuple[Period | None, Evidence | None]:
    key = sc.key
    years = [
        (int(m.group(1)), m.start(), m.end())
        for m in _P_YEAR.finditer(key)
        if not _P_DATE_BEFORE.search(key, max(0, m.start() - 14), m.start())
    ]
    counts = Counter(y for y, _, _ in years)
    first_at: dict[int, int] = {}
    for y, s, _ in years:
        first_at.setdefault(y, s)
    main_year: int | None = None
    if counts:
        # The year named most often; on a tie, the one named first.
        main_year = max(counts, key=lambda y: (counts[y], -first_at[y]))
    subs: list[tuple[int, Period, int, int]] = []
    for m in _P_FIRST.finditer(key):
        year = int(m.group(3)) if m.group(3) else main_year
        if year is None:
            continue
        try:
            found = Period.parse(f"{m.group(1)} tháng {m.group(2)} năm {year}")
        except (AntqError, ValueError):
            continue
        subs.append((m.start(), found, m.start(), m.end()))
    for m in _P_QUARTER.finditer(key):
        try:
            found = Period.parse(f"quý {m.group(1)}/{m.group(2)}")
        except (AntqError, ValueError):
            continue
        subs.append((m.start(), found, m.start(), m.end()))
    if subs:
        _, found, s, e = min(subs, key=lambda t: t[0])
        return found, _evidence(norm, "period", str(found), s, e)
    if main_year is None:
        return None, None
    try:
        found = Period.year(main_year)
    except (AntqError, ValueError):
        return None, None
    _, s, e = next(t for t in years if t[0] == main_year)
    return found, _evidence(norm, "period", str(found), s, e)


def _read_place(
    norm: Normalised, sc: Scanned, reg: Registry, as_of: date | None
) -> tuple[str | None, Evidence | None]:
    text, key = norm.text, sc.key
    scores: dict[str, float] = {}
    first: dict[str, tuple[int, int]] = {}
    for m in _place_mentions(text, key):
        words = m.group(2).split()
        names: list[str] = []
        for w in words:
            if not w[:1].isupper():
                break
            names.append(w)
        for n in range(len(names), 0, -1):
            name = f"{m.group(1)} {' '.join(names[:n])}"
            try:
                found = reg.find(name, as_of)
            except (AntqError, ValueError):
                found = ()
            if not found:
                continue
            end = m.start(2) + len(" ".join(names[:n]))
            line_start = key.rfind("\n", 0, m.start()) + 1
            line_end = key.find("\n", m.start())
            line = key[line_start : line_end if line_end >= 0 else len(key)].rstrip()
            weight = 1.0 if line.endswith((".", "!", "?", "…", ":", ";")) else 0.5
            if line.startswith("source:"):
                weight = 0.0
            if key[max(0, m.start() - 14) : m.start()].endswith(("trên địa bàn ", "toàn ")):
                weight += 2
            for place in found:
                scores[place.code] = scores.get(place.code, 0.0) + weight
                first.setdefault(place.code, (m.start(), end))
            break
    if not scores:
        return None, None
    code, score = max(scores.items(), key=lambda kv: (kv[1], -first[kv[0]][0]))
    if score < 1:
        return None, None
    s, e = first[code]
    return code, _evidence(norm, "place", code, s, e)


# -- records -----------------------------------------------------------------------
_PARTIES = {
    Issuer.MPS: "ministry_of_public_security",
    Issuer.VFF: "fatherland_front",
    Issuer.VFF_CENTRAL_COMMITTEE: "fatherland_front",
    Issuer.VFF_STANDING_BOARD: "fatherland_front",
    Issuer.LABOUR_FEDERATION: "labour_federation",
    Issuer.MOD: "army",
    Issuer.PROVINCIAL_POLICE: "provincial_police",
    Issuer.PEOPLES_COMMITTEE: "peoples_committee",
}
_DOC_DATE = re.compile(
    r"[ ]*,?[ ]*(?:ban hành[ ]+)?ngày[ ]+([0-9]{1,2})[ ]*"
    r"(?:tháng[ ]+([0-9]{1,2})[ ]+năm[ ]+([0-9]{4})|[/.-]([0-9]{1,2})[/.-]([0-9]{4}))"
)
_TITLE = re.compile(r"[ ]*(?:về[ ]+)?([^,;.\n(]{3,200})")
_ISSUER = re.compile(
    r"báo cáo của ((?:ban chỉ đạo|công an|ủy ban nhân dân|ubnd)[^;.\n]{0,80}?)"
    r"(?:,[ ](?=năm|trong|quý|[0-9])|[.;\n])"
)


def _programmes(
    norm: Normalised, sc: Scanned, documents: list[tuple[int, int, DocumentRef]]
) -> list[CooperationProgramme]:
    out: list[CooperationProgramme] = []
    seen: set[str] = set()
    for _, doc_end, ref in documents:
        if ref.kind is not DocumentKind.PROGRAMME or str(ref) in seen:
            continue
        parties = list(dict.fromkeys(_PARTIES[i] for i in ref.known_issuers if i in _PARTIES))
        end = doc_end
        signed: date | None = None
        if (d := _DOC_DATE.match(sc.key, end)) is not None:
            day = int(d.group(1))
            month = int(d.group(2) or d.group(4))
            year = int(d.group(3) or d.group(5))
            try:
                signed = date(year, month, day)
            except ValueError:
                signed = None
            end = d.end()
        t = _TITLE.match(norm.text, end)
        title = t.group(1).strip() if t is not None else ""
        try:
            out.append(
                CooperationProgramme(
                    id="programme-" + re.sub(r"[^0-9a-z]+", "-", str(ref).casefold()).strip("-"),
                    document=ref,
                    signed=signed,
                    title=title or f"Chương trình {ref}",
                    parties=[{"kind": p} for p in parties],
                )
            )
        except (AntqError, ValueError):
            continue
        seen.add(str(ref))
    return out


_AUTHORITY = {a.value: a for a in Authority}
_AUTHORITY_ALIASES = {
    "central_fatherland_front_chair": Authority.VFF_CENTRAL_CHAIR,
    "minister_other": Authority.OTHER,
    "unspecified": Authority.OTHER,
}
_FORMS = {f.value: f for f in CommendationForm}


def _commendation(fig: ExtractedFigure) -> Commendation | None:
    dims = dict(fig.dims)
    if fig.qualifier is not Qualifier.EXACT or not isinstance(fig.value, int) or fig.value <= 0:
        return None
    issuer = _AUTHORITY.get(dims.get("issuer", ""), _AUTHORITY_ALIASES.get(dims.get("issuer", "")))
    try:
        return Commendation(
            form=_FORMS.get(dims.get("form", ""), CommendationForm.UNSPECIFIED),
            issuer=issuer or Authority.OTHER,
            recipient_kind=dims.get("recipient_kind", "individual"),
            count=fig.value,
            status=dims.get("status", "conferred"),
        )
    except (AntqError, ValueError):
        return None


# -- assembly ----------------------------------------------------------------------
def _span_quote(norm: Normalised, start: int, end: int) -> tuple[tuple[int, int], str]:
    span = norm.span(start, end)
    return span, norm.original[span[0] : span[1]]


def _dims_of(cache: dict[tuple[tuple[str, str], ...], Dims], dims: Mapping[str, str]) -> Dims:
    key = tuple(sorted(dims.items()))
    found = cache.get(key)
    if found is None:
        found = cache[key] = Dims.of(dict(key))
    return found


def _figure(
    norm: Normalised,
    cat: Catalogue,
    fig: _Fig,
    dims_cache: dict[tuple[tuple[str, str], ...], Dims],
    *,
    indicator: str | None,
    value: int | Decimal,
    role: FigureRole,
    dims: Mapping[str, str],
    rule: str = "",
    reason: str = "",
) -> ExtractedFigure:
    evidence: list[Evidence] = []
    start, end = fig.qstart, max(fig.end, fig.counter_end, fig.noun_end)
    used = [fig.chosen] if fig.chosen is not None and indicator == fig.indicator else []
    used += [fig.dim_matches[k] for k in dims if k in fig.dim_matches]
    for m in used:
        start, end = min(start, m.start), max(end, m.end)
        role_name = "indicator" if m.entry.dim_value is None else f"dim.{m.entry.code}"
        evidence.append(_evidence(norm, role_name, m.entry.phrase, m.start, m.end))
    if fig.counter is not None and fig.counter_end > fig.end:
        evidence.append(
            _evidence(norm, "counter", " ".join(fig.counter), fig.end + 1, fig.counter_end)
        )
    number_span = norm.span(fig.start, fig.number_end)
    at = (number_span[0], number_span[0])  # where a rule or a default applies
    if rule:
        evidence.append(Evidence("rule", rule, "", at))
    for name, how in fig.dim_rules.items():
        if name in dims:
            evidence.append(Evidence(f"dim.{name}", how, "", at))
    span, quote = _span_quote(norm, start, end)
    unit: Unit | None = None
    if indicator is not None:
        ind = cat[indicator]
        unit = Unit.PERCENT if ind.is_ratio else ind.unit
    elif fig.counter_units is not None and len(fig.counter_units) == 1:
        [unit] = fig.counter_units
    return ExtractedFigure(
        quote=quote,
        span=span,
        number=norm.original[number_span[0] : number_span[1]],
        number_span=number_span,
        value=value,
        qualifier=fig.qualifier if role is not FigureRole.WHOLE else Qualifier.EXACT,
        unit=unit,
        indicator=indicator,
        dims=_dims_of(dims_cache, dims),
        role=role,
        evidence=tuple(evidence),
        reason=reason,
    )


def _no_match_reason(fig: _Fig) -> str:
    if fig.reason:
        return fig.reason
    if fig.whole is not None:
        return "the covered part of a fraction: no indicator names what it counts"
    if fig.counter_units is None:
        return "no counter word after the number and no indicator phrase at it"
    units = ", ".join(sorted(u.value for u in fig.counter_units))
    return f"no indicator in unit(s) {units} is named around the figure"


def _outputs(
    norm: Normalised, sc: Scanned, cat: Catalogue, idx: PhraseIndex, figs: list[_Fig]
) -> tuple[list[ExtractedFigure], list[ExtractedFigure]]:
    found: list[ExtractedFigure] = []
    unmatched: list[ExtractedFigure] = []
    dims_cache: dict[tuple[tuple[str, str], ...], Dims] = {}

    def problem(out: ExtractedFigure, code: str) -> str:
        try:  # the catalogue remembers the cells it has passed
            cat.check_dims(code, out.dims)
        except (AntqError, ValueError) as err:
            return str(err)
        if out.unit is None:
            return str(AntqTypeError("unit", None, "a unit"))
        try:
            Quantity(out.value, out.unit, out.qualifier)
        except (AntqError, ValueError) as err:
            return str(err)
        return ""

    def emit(out: ExtractedFigure) -> None:
        if out.indicator is None:
            unmatched.append(out)
        elif reason := problem(out, out.indicator):
            unmatched.append(attrs.evolve(out, indicator=None, dims=Dims.of(), reason=reason))
        else:
            found.append(out)

    for fig in figs:
        role = FigureRole.PERCENT if fig.percent else FigureRole.COUNT
        if fig.whole is not None:
            role = FigureRole.PART
        if fig.indicator is None or fig.reason:
            emit(
                _figure(
                    norm,
                    cat,
                    fig,
                    dims_cache,
                    indicator=None,
                    value=fig.value,
                    role=role,
                    dims={},
                    reason=_no_match_reason(fig),
                )
            )
        else:
            emit(
                _figure(
                    norm,
                    cat,
                    fig,
                    dims_cache,
                    indicator=fig.indicator,
                    value=fig.value,
                    role=role,
                    dims=fig.dims,
                    rule=fig.rule,
                )
            )
        if fig.whole is None:
            continue
        ratio = idx.numerators.get(fig.indicator or "")
        spec = cat[ratio].ratio if ratio is not None else None
        if spec is not None and not fig.reason:
            dims = {k: v for k, v in fig.dims.items() if k in spec.match}
            emit(
                _figure(
                    norm,
                    cat,
                    fig,
                    dims_cache,
                    indicator=spec.denominator,
                    value=fig.whole,
                    role=FigureRole.WHOLE,
                    dims=dims,
                    rule=f"whole of a fraction whose part is '{fig.indicator}' ({ratio})",
                )
            )
            continue
        kinds = [m for m in fig.matches if m.where == "head" and m.entry.code == "unit_kind"]
        kind = max(kinds, key=lambda m: m.entry.length).entry.dim_value if kinds else None
        if kind in _ADMIN_KINDS and "admin.units" in cat:
            emit(
                _figure(
                    norm,
                    cat,
                    fig,
                    dims_cache,
                    indicator="admin.units",
                    value=fig.whole,
                    role=FigureRole.WHOLE,
                    dims={"unit_kind": kind or "mixed"},
                    rule="whole of a fraction of administrative units",
                )
            )
        else:
            emit(
                _figure(
                    norm,
                    cat,
                    fig,
                    dims_cache,
                    indicator=None,
                    value=fig.whole,
                    role=FigureRole.WHOLE,
                    dims={},
                    reason="the whole of a fraction whose part names no ratio",
                )
            )
    return found, unmatched


def _percent_ratios(sc: Scanned, figs: list[_Fig], cat: Catalogue, idx: PhraseIndex) -> None:
    for i, fig in enumerate(figs):
        if not fig.percent or fig.indicator is not None:
            continue
        for j in range(i - 1, -1, -1):
            prev = figs[j]
            if not _same_clause(sc, prev, fig):
                break
            if prev.whole is not None and prev.indicator in idx.numerators:
                ratio = idx.numerators[prev.indicator]
                spec = cat[ratio].ratio
                fig.indicator = ratio
                fig.rule = f"percentage of the fraction '{sc.key[prev.start : prev.number_end]}'"
                if spec is not None:
                    fig.dims = {k: v for k, v in prev.dims.items() if k in spec.match}
                break


def _merge(figures: list[ExtractedFigure]) -> list[ExtractedFigure]:
    out: list[ExtractedFigure] = []
    seen: dict[tuple[Any, ...], int] = {}
    again: dict[int, list[tuple[int, int]]] = {}
    for f in figures:
        k = (f.indicator, f.dims, f.value, f.qualifier, f.unit)
        i = seen.get(k)
        if i is not None:
            again.setdefault(i, []).append(f.span)
            continue
        seen[k] = len(out)
        out.append(f)
    for i, spans in again.items():
        first = out[i]
        out[i] = attrs.evolve(first, also_quoted=(*first.also_quoted, *spans))
    return out


def _read_figures(
    norm: Normalised,
    sc: Scanned,
    cat: Catalogue,
    documents: list[tuple[int, int, DocumentRef]],
) -> tuple[list[ExtractedFigure], list[ExtractedFigure], list[UnusedNumber]]:
    idx = phrase_index(cat)
    tokens = scan_tokens(norm.text, sc.key, documents)
    unused: list[UnusedNumber] = []
    figs: list[_Fig] = []
    for i, tok in enumerate(tokens):
        fig = _read_value(sc, tok) if tok.reason is None else None
        if fig is None:
            span, quote = _span_quote(norm, tok.start, tok.end)
            unused.append(UnusedNumber(quote, span, tok.reason or UnusedReason.UNREADABLE))
            continue
        _match_context(fig, _context(sc, tokens, i, fig), idx)
        _choose(fig, idx)
        figs.append(fig)
    _pair_participants(sc, figs, idx)
    # Whether each figure is listed with the one before it ("03 tập thể, 05 cá nhân").
    links = [_coordinated(sc, figs[k - 1], figs[k]) for k in range(1, len(figs))]
    _propagate(sc, figs, links, cat)
    # Dimensions: words before the figure, then the figures it is listed with,
    # then words after it, then the listed figures again, then its clause.
    for after_words in (False, True):
        for fig in figs:
            if fig.indicator is not None:
                _own_dims(fig, idx.dim_names[fig.indicator], after=after_words)
        _carry_dims(sc, figs, links, idx, clause=after_words)
    _percent_ratios(sc, figs, cat, idx)
    for fig in figs:
        if fig.indicator is not None:
            _finish_dims(fig, cat[fig.indicator])
    found, unmatched = _outputs(norm, sc, cat, idx, figs)
    return _merge(found), unmatched, unused


def _draft(
    norm: Normalised,
    sc: Scanned,
    *,
    place: str,
    period: Period,
    found: Sequence[ExtractedFigure],
    commendations: Sequence[Commendation],
    programmes: Sequence[CooperationProgramme],
    notes: list[str],
) -> MovementReport | None:
    issuer_m = _ISSUER.search(sc.key)
    issuer = DRAFT_ISSUER
    if issuer_m is not None:
        s, e = norm.span(issuer_m.start(1), issuer_m.end(1))
        issuer = norm.original[s:e].strip() or DRAFT_ISSUER
    try:
        return MovementReport(
            issuer=issuer,
            place=place,
            period=period,
            as_of=period.end,
            observations=[
                Observation(
                    indicator=f.indicator or "",
                    place=place,
                    period=period,
                    value=f.quantity,
                    dims=f.dims,
                    quote=f.quote if f.quote.strip() else None,
                )
                for f in found
            ],
            commendations=commendations,
            programmes=programmes,
        )
    except (AntqError, ValueError) as err:
        notes.append(f"the draft report did not validate: {err}")
        return None


def extract_report(
    text: str,
    *,
    place: str | None = None,
    period: Period | str | None = None,
    registry: Registry | None = None,
    catalogue: Catalogue | None = None,
) -> Extraction:
    """Read a draft movement report from Vietnamese prose, every figure with its quote.

    Never raises on text: what cannot be read is reported (``unmatched``,
    ``unused``, ``notes``). Linear in the length of the text.

    Args:
        text: the report, NFC or NFD; spans index it as given.
        place: the place code of the report; read from the text when ``None``
            ("trên địa bàn tỉnh Kon Tum" → the register's ``62``).
        period: the period (or its id); read from the text when ``None``
            ("Năm 2023", "7 tháng đầu năm 2023", "quý II/2020").
        registry: the register of places (default: the bundled one, loaded only
            when the place is read from the text).
        catalogue: the indicator catalogue (default: the standard one); its
            labels and synonyms are what figures are matched with.

    Raises:
        AntqTypeError: ``text`` is not a ``str``.
        ParseError: ``period`` is a string that is not a period.

    Example:
        >>> from antq_domain.extract.report import extract_report
        >>> ex = extract_report("Bố trí Công an xã chính quy tại 85/85 xã", place="62",
        ...                     period="2023")
        >>> [(f.indicator, dict(f.dims), f.value) for f in ex.figures]
        [('forces.regular_police_units', {'unit_kind': 'commune'}, 85), \
('admin.units', {'unit_kind': 'commune'}, 85)]
        >>> ex.report.ratio("forces.regular_police_coverage", {"unit_kind": "commune"}).format()
        '100,0% (85/85)'
    """
    if not isinstance(text, str):
        raise AntqTypeError("text", text, "a str")
    given_period = Period.parse(period) if isinstance(period, str) else period
    cat = catalogue if catalogue is not None else standard_catalogue()
    norm = Normalised(text)
    sc = Scanned(norm.text)
    documents = find_documents(norm.text)
    found, unmatched, unused = _read_figures(norm, sc, cat, documents)
    read_period, period_evidence = (given_period, None)
    if read_period is None:
        read_period, period_evidence = _read_period(norm, sc)
    read_place, place_evidence = (place, None)
    if read_place is None:
        as_of = read_period.end if read_period is not None else None
        # The register is loaded only when the place has to be read.
        reg = registry if registry is not None else standard_registry()
        read_place, place_evidence = _read_place(norm, sc, reg, as_of)
    notes: list[str] = []
    if read_place is None:
        notes.append("no place: pass place=... or name it in the text")
    if read_period is None:
        notes.append("no period: pass period=... or state it in the text")
    commendations = [
        c
        for f in found
        if f.indicator == "commendations.recipients"
        for c in [_commendation(f)]
        if c is not None
    ]
    programmes = _programmes(norm, sc, documents)
    report: MovementReport | None = None
    if read_place is not None and read_period is not None:
        report = _draft(
            norm,
            sc,
            place=read_place,
            period=read_period,
            found=found,
            commendations=commendations,
            programmes=programmes,
            notes=notes,
        )
    return Extraction(
        place=read_place,
        period=read_period,
        figures=tuple(found),
        unmatched=tuple(unmatched),
        unused=tuple(unused),
        place_evidence=place_evidence,
        period_evidence=period_evidence,
        commendations=tuple(commendations),
        programmes=tuple(programmes),
        report=report,
        notes=tuple(notes),
    )
