"""The extractor's own word lists, every entry with the reason it is there.

The indicator and dimension phrases live in the catalogue; the few lists the extractor keeps itself
(words that name the whole country, spellings of place kinds, words of periods) are held here as
[`Word`][antq_domain.extract.vocabulary.Word] entries. Each names its ``sources``: ``"language: …"``
for a rule of Vietnamese, ``"law: …"`` for a legal text, or ``"corpus:<text>"`` for a corpus text
whose reading motivated it. [`extract_report`][antq_domain.extract_report] takes
``leave_out``: the corpus texts whose entries must not be used, which is how
``benchmarks/extraction_eval.py`` measures each text without the words its own reading added
(leave-one-out).

Example:
    >>> from antq_domain.extract.vocabulary import words
    >>> "cả nước" in words("national")
    True
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from functools import cache, lru_cache
from importlib import resources

import attrs

from antq_domain.records.indicators import Catalogue, Dimension, Indicator

__all__ = [
    "LISTS",
    "PHRASE_SOURCES_FILE",
    "Word",
    "catalogue_without",
    "phrase_sources",
    "rule_on",
    "vocabulary_sources",
    "words",
]

PHRASE_SOURCES_FILE = "data/phrase_sources.toml"
"""Why the catalogue phrases added for reading reports are there: ``[[phrase]]`` rows."""


@attrs.frozen
class Word:
    """A word or phrase of one of the extractor's lists, with what it means and why it is there.

    Example:
        >>> from antq_domain.extract.vocabulary import Word
        >>> w = Word("toàn quốc", "the whole country", ("language: 'toàn' + 'quốc'",))
        >>> w.motivated_by({"00-kon-tum-2023"})
        False
    """

    text: str
    meaning: str
    sources: tuple[str, ...]

    def motivated_by(self, texts: Collection[str]) -> bool:
        """Whether one of ``texts`` (corpus text names) is among the entry's sources.

        Example:
            >>> from antq_domain.extract.vocabulary import Word
            >>> Word("x", "y", ("corpus:07-hue",)).motivated_by({"07-hue", "00-kon-tum-2023"})
            True
        """
        return any(
            s.startswith("corpus:") and s.removeprefix("corpus:") in texts for s in self.sources
        )


_LANGUAGE_ALL = (
    "language: 'tất cả', 'toàn bộ' (all, the whole) before a number of units say it counts "
    "every one there is"
)
_LANGUAGE_NATIONAL = "language: 'toàn quốc', 'cả nước', 'trên phạm vi cả nước' name the country"

LISTS: dict[str, tuple[Word, ...]] = {
    "national": (
        Word("toàn quốc", "the whole country", (_LANGUAGE_NATIONAL, "issue 13")),
        Word("cả nước", "the whole country", (_LANGUAGE_NATIONAL, "issue 13")),
    ),
    # "tất cả 9 xã, thị trấn": a word before a number saying the number is every one there is.
    "all_of": (
        Word("tất cả", "all of them", (_LANGUAGE_ALL,)),
        Word("toàn bộ", "the whole of them", (_LANGUAGE_ALL,)),
    ),
    # Rules of reading that a corpus text's reading suggested: on or off as a whole.
    "rules": (
        Word(
            "province of the units named",
            "a text naming no unit as its subject, only units of one province (in captions), "
            "is about that province",
            ("corpus:04-hai-phong-2020q2",),
        ),
        Word(
            "province of the publisher",
            "a text naming no unit is about the province in its publisher's web address "
            "(baophutho.vn: Báo Phú Thọ; hahoa.phutho.gov.vn)",
            ("corpus:14-phu-tho-2025",),
        ),
        Word(
            "giấy khen by its issuer",
            "a commendation by a district or commune People's Committee chair, its form not "
            "named, is a giấy khen (the only form they award)",
            (
                "law: Luật Thi đua, khen thưởng 2022, Art. 74-75",
                "corpus:48-yen-thuy-2025",
            ),
        ),
        Word(
            "members of the groups before",
            "'535 tổ …, với 3.277 thành viên': the members of the groups counted just before "
            "(the catalogue's <area>.<stem>_members indicator)",
            ("corpus:42-tay-ninh-2024", "corpus:52-dak-lak-2025"),
        ),
        Word(
            "persons an activity was for",
            "'tuyên truyền pháp luật cho hơn 4.200 người': the persons after 'cho' (for) are "
            "the participants of the activity named before (its <stem>_participants indicator)",
            (
                "language: 'cho' + persons names who an action was for",
                "corpus:24-lang-son-2020-2021",
            ),
        ),
        Word(
            "from a month to a day",
            "'từ … tháng 12-2020 … đến ngày 2-2-2021' in one paragraph is a period",
            ("corpus:30-nhu-thanh-2021",),
        ),
        Word(
            "years back from the article",
            "'tổng kết 10 năm', 'trong 10 năm' with no year named: the ten years ending in the "
            "article's year",
            ("corpus:46-dak-to-2013-2022",),
        ),
    ),
}
"""Every list of the extractor, by name."""


def words(name: str, leave_out: Collection[str] = ()) -> tuple[str, ...]:
    """The texts of list ``name``, without the entries motivated by ``leave_out``.

    Example:
        >>> from antq_domain.extract.vocabulary import words
        >>> words("national")
        ('toàn quốc', 'cả nước')
    """
    return tuple(w.text for w in LISTS[name] if not w.motivated_by(leave_out))


def rule_on(name: str, leave_out: Collection[str] = ()) -> bool:
    """Whether the rule ``name`` of the list ``rules`` is used when ``leave_out`` is left out.

    Example:
        >>> from antq_domain.extract.vocabulary import rule_on
        >>> rule = "from a month to a day"
        >>> rule_on(rule), rule_on(rule, {"30-nhu-thanh-2021"})
        (True, False)
    """
    return name in words("rules", leave_out)


@cache
def phrase_sources() -> dict[tuple[str, str], Word]:
    """The sources of the catalogue phrases added for reading reports, by (of, phrase).

    ``of`` is an indicator code or ``"<dimension>.<value>"``; the
    [`Word`][antq_domain.extract.vocabulary.Word]'s ``meaning`` repeats ``of``.

    Example:
        >>> from antq_domain.extract.vocabulary import phrase_sources
        >>> all(w.sources for w in phrase_sources().values())
        True
    """
    text = resources.files("antq_domain").joinpath(PHRASE_SOURCES_FILE).read_text("utf-8")
    rows = tomllib.loads(text).get("phrase", [])
    return {
        (row["of"], row["text"]): Word(row["text"], row["of"], tuple(row["sources"]))
        for row in rows
    }


def _dropped(leave_out: Collection[str]) -> frozenset[tuple[str, str]]:
    return frozenset(k for k, w in phrase_sources().items() if w.motivated_by(leave_out))


def _without_dimension(dim: Dimension, dropped: frozenset[tuple[str, str]]) -> Dimension:
    values = tuple(
        v.model_copy(
            update={
                "synonyms_vi": tuple(
                    s for s in v.synonyms_vi if (f"{dim.name}.{v.code}", s) not in dropped
                )
            }
        )
        for v in dim.values
    )
    return dim.model_copy(update={"values": values})


def _without(ind: Indicator, dropped: frozenset[tuple[str, str]]) -> Indicator:
    return ind.model_copy(
        update={
            "synonyms_vi": tuple(s for s in ind.synonyms_vi if (ind.code, s) not in dropped),
            "dimensions": tuple(_without_dimension(d, dropped) for d in ind.dimensions),
        }
    )


@lru_cache(maxsize=32)
def catalogue_without(cat: Catalogue, leave_out: frozenset[str]) -> Catalogue:
    """``cat`` without the phrases whose sources name one of ``leave_out``.

    Example:
        >>> from antq_domain.extract.vocabulary import catalogue_without
        >>> from antq_domain.records.indicators import catalogue
        >>> catalogue_without(catalogue(), frozenset()) is catalogue()
        True
    """
    dropped = _dropped(leave_out)
    if not dropped:
        return cat
    return Catalogue(_without(ind, dropped) for ind in cat.indicators)


def vocabulary_sources(leave_out: Collection[str]) -> list[tuple[str, Word]]:
    """The entries (with their list's name, or "catalogue") that ``leave_out`` removes.

    Example:
        >>> from antq_domain.extract.vocabulary import vocabulary_sources
        >>> vocabulary_sources({"00-kon-tum-2023"})
        []
    """
    own = [
        (name, w) for name, entries in LISTS.items() for w in entries if w.motivated_by(leave_out)
    ]
    phrases = [("catalogue", w) for w in phrase_sources().values() if w.motivated_by(leave_out)]
    return own + phrases
