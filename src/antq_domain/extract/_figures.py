"""One figure at a time: its value, its counter word, the phrases around it, its indicator.

`read_value` reads the number of a token (with "%", a scale word and a qualifier before it),
`context` takes the words of its clause, `match_context` finds the catalogue phrases among them and
`choose` picks the indicator whose phrase is nearest and whose unit the counter word allows. The
work per figure is bounded by the window around it, never by the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from decimal import Decimal

import attrs

from antq_domain.errors import AntqError
from antq_domain.extract._match import (
    ACTIVITIES,
    COUNTERS,
    NOUN_READ_ELSEWHERE,
    Entry,
    PhraseIndex,
    TrieNode,
)
from antq_domain.extract._scan import Token, is_scale_word, qualifier_word
from antq_domain.extract._text import Scanned
from antq_domain.extract.vocabulary import words
from antq_domain.values.numbers import parse_fraction, parse_number
from antq_domain.values.unit import Qualifier, Unit

__all__ = [
    "Context",
    "Fig",
    "RESULT_WORD",
    "Match",
    "choose",
    "context",
    "listed_values",
    "match_context",
    "read_value",
]

# The words before and after a number; whether they qualify or scale it is the
# number grammar's to say (values/numbers.py), not a list of the extractor's.
_WORD_BEFORE = re.compile(r"(?<!\w)([^\W\d_]+)[ ]+$")
# two words before it: "ít nhất", "tối thiểu", "không quá", "tối đa" qualify too
_TWO_WORDS_BEFORE = re.compile(r"(?<!\w)([^\W\d_]+[ ][^\W\d_]+)[ ]+$")
_WORD_AFTER = re.compile(r"[ ]([^\W\d_]+)(?:[ ](đồng))?")
_PERCENT = re.compile(r"[ ]?%")
# Where the noun phrase of the number before ends, when the two are listed: the first
# comma or "và" after it ("58 tổ tự quản về ANTT, 5 đội thanh niên xung kích").
_LIST_SEPARATOR = re.compile(r",|[ ]và[ ]")
# The counted noun phrase also ends where a quoted name begins ("12 diễn đàn “Công an lắng
# nghe ý kiến nhân dân”"): the words of a name are not modifiers of the noun.
_NOUN_PHRASE_END = re.compile(r",|[ ]và[ ]|[\"“”«»]")
_ALL_OF = frozenset(words("all_of"))
# "… tin báo có giá trị …, góp phần điều tra khám phá hơn 900 vụ việc": what the tips
# brought about. "giúp đỡ" (to help someone) is not a result.
RESULT_WORD = re.compile(r"(?<!\w)(?:qua đó|góp phần|giúp|phục vụ)(?!\w)(?! đỡ)")
# "66 quả đạn cùng với nhiều vũ khí thô sơ": "cùng với" (together with) adds another
# thing to the one counted; its words are not the number's.
_TOGETHER_WITH = re.compile(r"(?<!\w)cùng với(?!\w)")
# "… Mô hình camera an ninh” với 19 điểm": "với" (with) joins a count to the noun before it.
_WITH_BEFORE = re.compile(r"[ ”\"»]*(?<!\w)(?:với|gồm)[ ]+$")
# Words of tense, aspect and voice a verb phrase may carry inside a catalogue phrase: "đã
# ký cam kết sẽ chia sẻ dữ liệu" is the phrase "cam kết chia sẻ dữ liệu" with "sẽ" (will) in it.
_ASPECT = frozenset({"đã", "sẽ", "đang", "được", "vừa"})
_MAX_ASPECT = 2  # "đã được": at most two such words in one phrase
# Meetings that review a period's work ("hội nghị sơ kết", "buổi tổng kết").
_REVIEW = re.compile(r"[ ]+(?:sơ kết|tổng kết|sơ, tổng kết|sơ kết, tổng kết)(?!\w)")
_BEFORE_CHARS = 100
_AFTER_CHARS = 160
# "tổ chức các đợt tuyên truyền … cho đoàn viên … tại các làng … được 53 buổi": "được N"
# (amounting to N) counts what the clause's verb did, however long its object; the words
# before are read back to the clause's start, up to this far.
_COUNTED_VERB_CHARS = 300
_AMOUNTING_TO = re.compile(r"(?<!\w)được[ ]+$")


@attrs.define
class Match:
    """A catalogue phrase found near a figure, and where (before, junction, head, after)."""

    pos: int
    entry: Entry
    start: int
    end: int
    where: str  # before, junction, head, after
    distance: int


@attrs.define
class Fig:
    """A figure being read: positions, value, counter, phrase matches and decisions."""

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
    next_number: int = -1
    np_end: int = 0  # where the counted noun phrase after the number ends
    all_of: bool = False  # "tất cả 9 xã": the number is every one there is
    with_at: int = -1  # where "với" before the number starts ("Mô hình X” với 19 điểm")
    matches: list[Match] = attrs.field(factory=list)
    # where the indicator phrases around it lie (kept when `choose` lets their matches go)
    names: list[tuple[int, int]] = attrs.field(factory=list)
    indicator: str | None = None
    chosen: Match | None = None
    rule: str = ""
    dims: dict[str, str] = attrs.field(factory=dict)
    dim_matches: dict[str, Match] = attrs.field(factory=dict)
    dim_rules: dict[str, str] = attrs.field(factory=dict)
    reason: str = ""
    cases: Fig | None = None  # "17 vụ với 45 nghi phạm": the cases these persons are in

    def unread(self, reason: str) -> None:
        """No indicator and no dimensions after all, for ``reason`` (an unmatched figure)."""
        self.indicator, self.chosen, self.rule = None, None, ""
        self.dims, self.dim_matches, self.dim_rules = {}, {}, {}
        self.reason = reason


def read_value(sc: Scanned, tok: Token) -> Fig | None:
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
        after = _WORD_AFTER.match(key, end, min(len(key), end + 20))
        if after is not None and is_scale_word(after.group(1)):
            try:
                value = parse_number(f"{tok.text} {after.group(1)}").value
            except (AntqError, ValueError):
                return None
            if after.group(2):  # "2,5 triệu đồng": millions of dong
                value = Decimal(value).scaleb(-6)
                unit_hint = Unit.VND_MILLION
                if value == value.to_integral_value():
                    value = int(value)
            end = after.end()
    qstart = tok.start
    qualifier = Qualifier.EXACT
    for pattern in (_TWO_WORDS_BEFORE, _WORD_BEFORE):
        before = pattern.search(key, max(0, tok.start - 14), tok.start)
        if before is not None and (said := qualifier_word(before.group(1))) is not None:
            qualifier = said
            qstart = before.start()
            break
    fig = Fig(tok.start, end, qstart, tok.end, value, qualifier, whole, percent)
    fig.unit_hint = unit_hint
    if qualifier is Qualifier.EXACT and whole is None and not percent:
        before = _TWO_WORDS_BEFORE.search(key, max(0, tok.start - 14), tok.start)
        fig.all_of = before is not None and before.group(1) in _ALL_OF
    return fig


Context = tuple[list[str], list[int], list[int], int]


def context(sc: Scanned, tokens: Sequence[Token], i: int, fig: Fig) -> Context:
    """The words around the figure, within its clause and its neighbours, without the figure.

    Returns the words with their starts and ends, and the *junction*: the
    index of the first word after the figure.
    """
    prev_end = tokens[i - 1].end if i > 0 else 0
    if (
        i > 0  # the first number of the text has no number before it whose noun could end
        and fig.qstart - prev_end <= _BEFORE_CHARS
        and sc.boundary_before(fig.qstart) <= prev_end
    ):
        # In Vietnamese the counted noun and its modifiers follow the number: the words
        # after the number before, up to the comma or "và" that ends its noun phrase, are
        # that number's ("N tổ hòa giải, M câu lạc bộ …": "tổ hòa giải" counts N, not M).
        sep = _LIST_SEPARATOR.search(sc.key, prev_end, fig.qstart)
        if sep is not None:
            prev_end = sep.end()
    next_start = tokens[i + 1].start if i + 1 < len(tokens) else len(sc.key)
    reach = _BEFORE_CHARS
    if _AMOUNTING_TO.search(sc.key, max(0, fig.qstart - 12), fig.qstart) is not None:
        reach = _COUNTED_VERB_CHARS
    b0 = max(sc.boundary_before(fig.qstart), prev_end, fig.qstart - reach)
    a1 = max(min(sc.boundary_after(fig.end), next_start, fig.end + _AFTER_CHARS), fig.end)
    # "cung cấp 11.461 nguồn tin, giúp công an giải quyết …": what follows "giúp", "qua
    # đó" or "góp phần" is what the figure brought about, done by someone else; its verb
    # says nothing of what the figure counts.
    for other in (RESULT_WORD, _TOGETHER_WITH):
        if (found := other.search(sc.key, fig.end, a1)) is not None:
            a1 = found.start()
    # A verb phrase right before the next number is that number's ("xảy ra 560 vụ,
    # điều tra khám phá 512 vụ"): its start, where this figure's words end.
    fig.next_number = next_start if i + 1 < len(tokens) else -1
    # The noun phrase the number counts runs from it to the first comma, "và", clause
    # boundary or next number ("29 buổi tuyên truyền về luật phòng, …"): its words name
    # the kind of thing counted (read as dimensions, `own_dims`).
    sep = _NOUN_PHRASE_END.search(sc.key, fig.end, a1)
    fig.np_end = sep.start() if sep is not None else a1
    with_word = _WITH_BEFORE.search(sc.key, max(b0, fig.qstart - 12), fig.qstart)
    fig.with_at = with_word.start() if with_word is not None else -1
    words, starts, ends = sc.words_in(min(b0, fig.qstart), a1)
    # Drop the qualifier and the number (and a word running across the figure's end).
    junction = bisect_right(ends, fig.qstart)
    after = bisect_left(starts, fig.end)
    if after > junction:
        del words[junction:after], starts[junction:after], ends[junction:after]
    return words, starts, ends, junction


def _read_counter(fig: Fig, ctx: list[str], ends: list[int], junction: int) -> None:
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


def _walk(node: TrieNode, pos: int, ctx_words: Context, key: str) -> list[tuple[Entry, int]]:
    """Every catalogue phrase starting at word ``pos``, with the index of its last word.

    Aspect words skipped may lie inside (at most `_MAX_ASPECT`); a comma between two words
    of the text ends a phrase written without one. Catalogue order, whatever the length.
    """
    ctx, wstarts, wends, _ = ctx_words
    size = len(ctx)
    found: list[tuple[Entry, int]] | None = None  # the longer phrases, if any
    k, skips, comma = pos + 1, 0, False
    children = node.children
    while children and k < size:
        nxt = children.get(ctx[k])
        if nxt is None:
            if ctx[k] in _ASPECT and skips < _MAX_ASPECT:  # bounded: the walk stays short
                k, skips = k + 1, skips + 1
                continue
            break
        comma = comma or key.find(",", wends[k - 1], wstarts[k]) >= 0
        if nxt.entries:
            if found is None:
                found = [(e, pos) for e in node.entries]
            found.extend((e, k) for e in nxt.entries if not comma or "," in e.phrase)
        children = nxt.children
        k += 1
    if found is None:
        return [(e, pos) for e in node.entries]
    if len(found) > 1:
        found.sort(key=lambda t: _entry_order(t[0]))
    return found


def match_context(fig: Fig, ctx_words: Context, idx: PhraseIndex, key: str) -> None:
    """The catalogue phrases among the figure's words (``key``: the folded text they are in).

    A comma between two words of the text ends a phrase written without one: "306 mô
    hình, điển hình tiên tiến" lists models and exemplars, it is not the phrase "mô hình
    điển hình tiên tiến" (exemplary models).
    """
    ctx, wstarts, wends, junction = ctx_words
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
        found = _walk(node, pos, ctx_words, key)
        for entry, last in found:
            n = last - pos + 1
            start, end = wstarts[pos], wends[last]
            if pos < junction < pos + n:
                matches.append(Match(pos, entry, start, end, "junction", 0))
            elif pos == junction:
                matches.append(Match(pos, entry, start, end, "head", 0))
            elif pos > junction:
                matches.append(Match(pos, entry, start, end, "after", start - fend))
            else:
                matches.append(Match(pos, entry, start, end, "before", qstart - end))


def _score(m: Match, fig: Fig) -> float:
    if m.where == "junction":
        weight = 1.4
    elif m.where == "head":
        weight = 0.6 if m.entry.words == fig.counter else 1.3
    elif m.where == "after":
        weight = max(0.3, 0.8 - 0.004 * m.distance)
    else:
        weight = max(0.3, 0.9 - 0.005 * m.distance)
    return m.entry.length * weight


def _unit_ok(code: str, fig: Fig, m: Match, idx: PhraseIndex) -> bool:
    if fig.counter_units is None:
        # "vận động thu hồi 1.811 vũ khí, …": with no counter word, a number inside an
        # activity's phrase, before the thing the activity is about, counts those things,
        # not the activity.
        if m.where == "junction" and m.end > fig.end + 1 and idx.units[code] in ACTIVITIES:
            return False
        return m.where in ("junction", "head") and code not in idx.ratios
    if code in idx.ratios:
        return Unit.PERCENT in fig.counter_units
    return idx.units[code] in fig.counter_units


def _leads_to_next(fig: Fig, m: Match, key: str) -> bool:
    """Whether a phrase after the figure runs up to the next number (its verb, not ours).

    A phrase starting at the figure's counter word counts too when it runs past the end
    of the figure's noun phrase ("nhân rộng 9 mô hình, xây dựng mới 5 mô hình": "mô hình
    xây dựng mới" is not the 9's).
    """
    if fig.next_number < 0 or fig.next_number - m.end > 10:
        return False
    if m.where != "after" and not (m.where == "head" and m.end > fig.np_end):
        return False
    between = key[m.end : fig.next_number].strip()
    return between == "" or qualifier_word(between) is not None


def _for_persons(fig: Fig, key: str) -> bool:
    """Whether the figure counts persons and "cho" (for) comes right before it."""
    units = fig.counter_units or frozenset()
    if Unit.PARTICIPATION not in units and Unit.PERSON not in units:
        return False
    return key[max(0, fig.qstart - 5) : fig.qstart].rstrip().endswith(" cho")


def listed_values(fig: Fig, key: str, dim: str) -> list[str]:
    """The values of ``dim`` listed right after the number, in order ("9 xã, thị trấn").

    The list starts with the longest value phrase at the number's head and goes on
    while only a comma, "và" or a space lies between one value phrase and the next.
    """
    values = [m for m in fig.matches if m.entry.code == dim and m.entry.dim_value]
    # A value right after the counter word that holds the indicator's own noun ("46 khẩu
    # súng săn, súng tự chế") heads the list as one at the number does.
    after_counter = max(fig.end, fig.counter_end)
    heads = [
        m
        for m in values
        if m.where == "head"
        or (m.where == "after" and m.end <= fig.np_end and not key[after_counter : m.start].strip())
    ]
    if not heads:
        return []
    head = max(heads, key=lambda m: m.entry.length)
    listed = [head.entry.dim_value or ""]
    end = head.end
    for m in sorted(values, key=lambda m: (m.start, -m.entry.length)):
        if m.start < end:
            continue
        if key[end : m.start].strip(" ,") not in ("", "và"):
            break
        listed.append(m.entry.dim_value or "")
        end = m.end
    return listed


def _listing(fig: Fig, key: str) -> frozenset[str]:
    """The dimensions of which the number's noun phrase lists several kinds."""
    names = {
        m.entry.code
        for m in fig.matches
        if m.where == "head" and m.entry.dim_value and m.entry.code not in NOUN_READ_ELSEWHERE
    }
    return frozenset(n for n in names if len(set(listed_values(fig, key, n))) > 1)


def _kind_owner(fig: Fig, idx: PhraseIndex) -> tuple[str, None] | None:
    """The one indicator a kind right after the counter word is a kind of ("5 quả đạn cối").

    The counted noun is the counter and the kind: "đạn cối" (mortar shells) is a kind of
    ``ordnance_kind``, which only ``weapons.ordnance`` has among the indicators counted in
    pieces. A kind several indicators share ("vụ ma túy": ``category``) names none.
    """
    if fig.counter_units is None or fig.percent or fig.counter_end <= fig.end:
        return None
    owners = {
        code
        for m in fig.matches
        if m.entry.dim_value is not None and m.where == "after" and m.start == fig.counter_end + 1
        for code, names in idx.dim_names.items()
        if m.entry.code in names and idx.units[code] in fig.counter_units
    }
    return (owners.pop(), None) if len(owners) == 1 else None


def _several_things(fig: Fig, idx: PhraseIndex, key: str, candidates: list[Match]) -> str:
    """Why the figure counts several kinds of things together, or "".

    "trên 1.000 tổ an ninh nhân dân, đội dân phòng, câu lạc bộ phòng chống tội phạm":
    the number counts security teams, fire teams and clubs together; the noun after
    it names only the first, so no one indicator counts the whole.
    """
    own = [m for m in candidates if m.where == "head"]
    if not own or fig.counter_units is None or key[fig.np_end : fig.np_end + 1] != ",":
        return ""
    longest = max(own, key=lambda m: m.entry.length)
    if longest.end > fig.np_end:  # one phrase with a comma in it ("vụ án điều tra, khám phá")
        return ""
    first = longest.entry.code
    start = fig.np_end + 1
    while start < len(key) and key[start] == " ":
        start += 1
    for m in fig.matches:
        if (
            m.start == start
            and m.entry.dim_value is None
            and m.entry.code != first
            and idx.units[m.entry.code] in fig.counter_units
        ):
            listed = key[start : m.end]
            return f"counts several kinds of things together ('{listed}' is listed after it)"
    return ""


def choose(fig: Fig, idx: PhraseIndex, key: str, *, for_persons: bool = True) -> None:
    fig.names = [(m.start, m.end) for m in fig.matches if m.entry.dim_value is None]
    # "12 hội nghị sơ kết": a review meeting, which the counter word alone does not make
    # a propaganda session
    review = fig.counter is not None and _REVIEW.match(key, fig.counter_end) is not None
    candidates = [
        m
        for m in fig.matches
        if m.entry.dim_value is None
        and (not m.entry.head_only or m.where in ("head", "junction"))
        and _unit_ok(m.entry.code, fig, m, idx)
        and not _leads_to_next(fig, m, key)
        and not (review and m.where == "head" and m.entry.words == fig.counter)
    ]
    if fig.whole is not None:
        numerators = [m for m in candidates if m.entry.code in idx.numerators]
        candidates = numerators or candidates
    # "42 lựu đạn, đầu đạn, bom mìn các loại": several kinds listed are counted by the
    # indicator that has them as a dimension, not by the first kind's own indicator.
    listing = _listing(fig, key)
    owners = [
        code
        for code, names in (idx.dim_names.items() if listing else ())
        if listing & set(names)
        and (fig.counter_units is None or idx.units[code] in fig.counter_units)
    ]
    if len(owners) == 1:
        fig.indicator, fig.chosen = owners[0], None
        fig.rule = "a list of several kinds, counted together"
        fig.matches = [m for m in fig.matches if m.entry.dim_value is not None]
        return
    kind_owner = _kind_owner(fig, idx) if not candidates else None
    if candidates and (mixed := _several_things(fig, idx, key, candidates)):
        fig.reason = mixed
        fig.matches = [m for m in fig.matches if m.entry.dim_value is not None]
        return
    # "100% xã, thị trấn, cơ quan, đơn vị đạt tiêu chuẩn …": a percentage of the units a
    # ratio's numerator counts is that ratio.
    shares = (
        [
            m
            for m in fig.matches
            if m.entry.dim_value is None
            and m.entry.code in idx.numerators
            and m.where in ("after", "junction")
            and not _leads_to_next(fig, m, key)
        ]
        if fig.percent and not candidates
        else []
    )
    if candidates:
        best = max(candidates, key=lambda m: (_score(m, fig), -m.entry.order))
        fig.indicator, fig.chosen = best.entry.code, best
    elif shares:
        best = max(shares, key=lambda m: (_score(m, fig), -m.entry.order))
        fig.indicator, fig.chosen = idx.numerators[best.entry.code], None
        fig.rule = f"the share of the units that '{best.entry.phrase}'"
    elif kind_owner is not None:
        fig.indicator, fig.chosen = kind_owner
        fig.rule = "a kind of one indicator's thing, right after the counter word"
    elif for_persons and _for_persons(fig, key):
        # "tuyên truyền pháp luật cho hơn 4.200 người": the persons an activity was for
        # are its participants (the catalogue's <activity>_participants indicator).
        before = [
            m
            for m in fig.matches
            if m.where == "before" and m.entry.dim_value is None and m.entry.code in idx.partners
        ]
        if before:
            best = max(before, key=lambda m: (_score(m, fig), -m.entry.order))
            fig.indicator, fig.chosen = idx.partners[best.entry.code], best
            fig.rule = "the persons an activity was for ('cho' N người) are its participants"
    # Only dimension phrases are read after this: let the other matches go.
    fig.matches = [m for m in fig.matches if m.entry.dim_value is not None]
