"""Phrase index over a catalogue, counter words, and the scoring of phrase matches.

The indicator of a figure is chosen from the catalogue's Vietnamese labels
and synonyms (never from phrases hard-coded here); what is hard-coded is the
grammar: how far a phrase may sit from the number. The counter words
("vụ", "người", "xã") come from the catalogue's ``counters`` table too.
"""

from __future__ import annotations

from functools import lru_cache

import attrs

from antq_domain.extract._text import phrase_words
from antq_domain.records._catalogue_data import counter_words
from antq_domain.records.indicators import Catalogue, IndicatorKind
from antq_domain.values.unit import Unit

__all__ = [
    "ACTIVITIES",
    "CONTEXT_DIMS",
    "COUNTERS",
    "HEAD_DIMS",
    "NOUN_READ_ELSEWHERE",
    "Entry",
    "PhraseIndex",
    "TrieNode",
    "phrase_index",
]


def _counters() -> dict[tuple[str, ...], frozenset[Unit]]:
    out: dict[tuple[str, ...], set[Unit]] = {}
    for unit, words in counter_words().items():
        for word in words:
            out.setdefault(phrase_words(word), set()).add(Unit(unit))
    return {words: frozenset(units) for words, units in out.items()}


COUNTERS: dict[tuple[str, ...], frozenset[Unit]] = _counters()
"""Counter words (folded) → the units they may count: the catalogue's ``counters`` table."""

HEAD_DIMS = frozenset({"unit_kind", "recipient_kind"})
"""Dimensions read from the counter words right after the number ("85 xã", "3 tập thể")."""

CONTEXT_DIMS = frozenset(
    {"scope", "group_kind", "club_kind", "category", "form", "issuer", "status"}
)
"""Dimensions read from the words around the figure (the nearest phrase wins)."""

NOUN_READ_ELSEWHERE = HEAD_DIMS | CONTEXT_DIMS
"""Dimensions not read from the counted noun phrase (they have rules of their own)."""

_NOT_READ = frozenset({"unspecified", "other", "mixed", "all", "total"})


_CRIME_NOUN, _CRIME_VERB = "tội phạm ", "phạm tội "


def _word_orders(phrase: str) -> tuple[str, ...]:
    """The other ways of writing a crime category ("tội phạm về X" → "phạm tội về X", …).

    "Tội phạm về X" (crime of X) is also written "phạm tội về X" (committing a
    crime of X), as in "512 vụ phạm tội về trật tự xã hội"; the case ("án") stands
    for the crime in "án về X" and "án X" ("tỷ lệ khám phá án trật tự xã hội").

    Example:
        >>> from antq_domain.extract._match import _word_orders
        >>> _word_orders("tội phạm về ma túy"), _word_orders("ma túy")
        (('phạm tội về ma túy', 'án về ma túy', 'án ma túy'), ())
    """
    if phrase.startswith(_CRIME_NOUN + "về "):
        topic = phrase.removeprefix(_CRIME_NOUN + "về ")
        return (f"{_CRIME_VERB}về {topic}", f"án về {topic}", f"án {topic}")
    return ()


def _with_va(phrase: str) -> tuple[str, ...]:
    """The phrase with its last comma written "và" ("A, B" is also written "A và B").

    Vietnamese joins the last two items of a coordination with "và" or a comma alike:
    "rất nghiêm trọng, đặc biệt nghiêm trọng" is also "rất nghiêm trọng và đặc biệt
    nghiêm trọng".

    Example:
        >>> from antq_domain.extract._match import _with_va
        >>> _with_va("rất nghiêm trọng, đặc biệt nghiêm trọng"), _with_va("ma túy")
        (('rất nghiêm trọng và đặc biệt nghiêm trọng',), ())
    """
    at = phrase.rfind(", ")
    if at < 0:
        return ()
    return (f"{phrase[:at]} và {phrase[at + 2 :]}",)


# Units of activities: counted by their counter word ("lượt", "buổi", "hội nghị").
ACTIVITIES = frozenset({Unit.SESSION, Unit.CAMPAIGN, Unit.CONTACT, Unit.PARTICIPATION})
"""Units of activities, whose counter may follow the verb ("tuyên truyền 7.866 cuộc")."""


def _without_counter(words: tuple[str, ...], unit: Unit | None) -> tuple[str, ...]:
    """The words of an activity's phrase after its leading counter word (two words or more).

    Only for activities (sessions, campaigns, contacts, participations): "mô hình tiêu
    biểu" is not "tiêu biểu" of models.

    Example:
        >>> from antq_domain.extract._match import _without_counter
        >>> from antq_domain.values.unit import Unit
        >>> _without_counter(("buổi", "tuyên", "truyền"), Unit.SESSION)
        ('tuyên', 'truyền')
        >>> _without_counter(("mô", "hình", "tiêu", "biểu"), Unit.MODEL)
        ()
    """
    for n in (3, 2, 1):
        if unit in ACTIVITIES and unit in COUNTERS.get(words[:n], ()) and len(words) - n >= 2:
            return words[n:]
    return ()


def _activity_phrases(cat: Catalogue) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for ind in cat.indicators:
        for phrase in (ind.label.vi, *ind.synonyms_vi):
            activity = _without_counter(phrase_words(phrase), ind.unit)
            if activity:
                out.append((" ".join(activity), ind.code))
    return out


@attrs.frozen
class Entry:
    """One phrase of the catalogue: an indicator's label/synonym or a dimension value's.

    ``length`` is the length of the folded phrase in characters (the weight
    of a match), computed once.

    Example:
        >>> from antq_domain.extract._match import Entry, phrase_index
        >>> from antq_domain.records.indicators import catalogue
        >>> [e.code for e in phrase_index(catalogue()).first["nguồn"]][:2]
        ['tips.received', 'tips.received']
        >>> Entry(("tin", "báo"), "tin báo", "tips.received").length
        7
    """

    words: tuple[str, ...]
    phrase: str
    code: str
    dim_value: str | None = None
    order: int = 0
    head_only: bool = False
    length: int = attrs.field(init=False, eq=False)

    @length.default
    def _length(self) -> int:
        return sum(len(w) for w in self.words) + len(self.words) - 1


class TrieNode:
    """A node of the word trie: the entries whose phrase ends here, and the next words.

    Matching walks the trie word by word from a start word, so the work per
    start word is bounded by the longest phrase, however many phrases share
    their first word.

    Example:
        >>> from antq_domain.extract._match import phrase_index
        >>> from antq_domain.records.indicators import catalogue
        >>> node = phrase_index(catalogue()).trie["nguồn"].children["tin"]
        >>> sorted({e.code for e in node.entries})
        ['tips.received']
    """

    __slots__ = ("children", "entries")

    def __init__(self) -> None:
        self.entries: tuple[Entry, ...] = ()
        self.children: dict[str, TrieNode] = {}


def _trie(entries: list[Entry]) -> dict[str, TrieNode]:
    root: dict[str, TrieNode] = {}
    for entry in entries:
        level, node = root, None
        for word in entry.words:
            node = level.get(word)
            if node is None:
                node = level[word] = TrieNode()
            level = node.children
        if node is not None:
            node.entries = (*node.entries, entry)
    return root


@attrs.frozen
class PhraseIndex:
    """Phrases by first word (and as a word trie), with a catalogue's ratio and participant links.

    ``numerators`` maps a ratio's numerator to the ratio; ``partners`` maps an
    activity indicator to its participants indicator by the catalogue's
    naming (``x_campaigns``/``x_sessions``/``x`` → ``x_participants``).
    ``trie`` holds the same entries as ``first``, in catalogue order at
    every node. ``dim_names``, ``units`` and ``ratios`` repeat what the
    catalogue says of each indicator, for the extractor's inner loops.

    Example:
        >>> from antq_domain.extract._match import phrase_index
        >>> from antq_domain.records.indicators import catalogue
        >>> idx = phrase_index(catalogue())
        >>> idx.numerators["tips.resolved"], idx.partners["mobilisation.fire_campaigns"]
        ('tips.resolution_rate', 'mobilisation.fire_participants')
    """

    first: dict[str, tuple[Entry, ...]]
    numerators: dict[str, str]
    partners: dict[str, str]
    trie: dict[str, TrieNode] = attrs.field(factory=dict, eq=False, repr=False)
    dim_names: dict[str, tuple[str, ...]] = attrs.field(factory=dict, eq=False, repr=False)
    units: dict[str, Unit | None] = attrs.field(factory=dict, eq=False, repr=False)
    ratios: frozenset[str] = attrs.field(default=frozenset(), eq=False, repr=False)


def _partner(code: str, cat: Catalogue) -> str | None:
    area, _, name = code.partition(".")
    stems = [name]
    for suffix in ("_campaigns", "_sessions"):
        if name.endswith(suffix):
            stems.insert(0, name.removesuffix(suffix))
    for stem in stems:
        other = f"{area}.{stem}_participants"
        if other != code and other in cat and cat[other].unit is Unit.PARTICIPATION:
            return other
    return None


def _kind_names(cat: Catalogue, dim: str, phrase: str) -> tuple[str, ...]:
    """The indicators a value phrase of ``dim`` names when it is the noun a number counts.

    A counted noun phrase is a counter word and its modifiers ("đội thanh niên xung kích",
    "ban an ninh trật tự", "mô hình cấp huyện"). A value of a dimension written that way, with
    a counter word of an indicator's unit first, names a kind of that indicator's thing: a
    number it follows counts that thing. Values written otherwise ("UBND xã" as an issuer,
    "ma túy" as a topic) describe the figure and name nothing; the head dimensions
    (``unit_kind``, ``recipient_kind``) are the counter words themselves.

    Example:
        >>> from antq_domain.extract._match import _kind_names
        >>> from antq_domain.records.indicators import catalogue
        >>> _kind_names(catalogue(), "team_kind", "đội thanh niên xung kích")
        ('forces.shock_teams',)
        >>> _kind_names(catalogue(), "issuer", "UBND xã")
        ()
    """
    if dim in HEAD_DIMS:
        return ()
    words = phrase_words(phrase)
    return tuple(
        ind.code
        for ind in cat.indicators
        if dim in ind.dimension_names
        and ind.unit is not None
        and any(ind.unit in COUNTERS.get(words[:n], ()) for n in (1, 2, 3))
    )


def _dimension_phrases(cat: Catalogue) -> list[tuple[str, str, str | None, bool]]:
    """(phrase, code, value, head only) of every dimension value's phrase and its variants.

    Each value's label and synonyms, in the other word order and with "và" for the last
    comma; and, for a value written as a counted noun, the phrase as one of the indicator
    it names (head only, `_kind_names`).
    """
    out: list[tuple[str, str, str | None, bool]] = []
    for dim in cat.dimensions:
        for value in dim.values:
            if value.code in _NOT_READ:
                continue
            for phrase in (value.label.vi, *value.synonyms_vi):
                out.append((phrase, dim.name, value.code, False))
                out.extend(
                    (variant, dim.name, value.code, False)
                    for variant in (*_word_orders(phrase), *_with_va(phrase))
                )
                out.extend(
                    (phrase, code, None, True) for code in _kind_names(cat, dim.name, phrase)
                )
    return out


@lru_cache(maxsize=8)
def phrase_index(cat: Catalogue) -> PhraseIndex:
    """Build (once per catalogue) the phrase index the extractor matches with.

    Example:
        >>> from antq_domain.extract._match import phrase_index
        >>> from antq_domain.records.indicators import catalogue
        >>> phrase_index(catalogue()) is phrase_index(catalogue())
        True
    """
    first: dict[str, list[Entry]] = {}
    order = 0

    def add(phrase: str, code: str, value: str | None = None, *, head_only: bool = False) -> None:
        nonlocal order
        words = phrase_words(phrase)
        if words:
            entry = Entry(words, phrase, code, value, order, head_only)
            first.setdefault(words[0], []).append(entry)
            order += 1

    numerators: dict[str, str] = {}
    partners: dict[str, str] = {}
    for ind in cat.indicators:
        for phrase in (ind.label.vi, *ind.synonyms_vi):
            add(phrase, ind.code)
        if ind.kind is IndicatorKind.RATIO and ind.ratio is not None:
            numerators.setdefault(ind.ratio.numerator, ind.code)
        partner = _partner(ind.code, cat)
        if partner is not None and ind.unit is not Unit.PARTICIPATION:
            partners[ind.code] = partner
    # "N buổi tuyên truyền" is also written "tuyên truyền (được) N cuộc": a phrase that
    # starts with a counter of its indicator's unit names the activity without it too
    # (after every other phrase, so that a phrase of the catalogue wins a tie).
    for phrase, code in _activity_phrases(cat):
        add(phrase, code)
    for ind in cat.indicators:  # "A, B" written "A và B" (after the phrases as written)
        for phrase in (ind.label.vi, *ind.synonyms_vi):
            for variant in _with_va(phrase):
                add(variant, ind.code)
    for phrase, code, value, head_only in _dimension_phrases(cat):
        add(phrase, code, value, head_only=head_only)
    every = sorted((e for v in first.values() for e in v), key=lambda e: e.order)
    return PhraseIndex(
        {k: tuple(v) for k, v in first.items()},
        numerators,
        partners,
        _trie(every),
        {ind.code: ind.dimension_names for ind in cat.indicators},
        {ind.code: ind.unit for ind in cat.indicators},
        frozenset(ind.code for ind in cat.indicators if ind.is_ratio),
    )
