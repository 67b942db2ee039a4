"""The extractor's own word lists, every entry with the reason it is there.

The indicator and dimension phrases live in the catalogue; the few lists the
extractor keeps itself (words that name the whole country, spellings of
place kinds, words of periods) are held here as :class:`Word` entries. Each
names its ``sources``: ``"language: …"`` for a rule of Vietnamese,
``"law: …"`` for a legal text, or ``"corpus:<text>"`` for a corpus text whose
reading motivated it. :func:`~antq_domain.extract.extract_report` takes
``leave_out``: the corpus texts whose entries must not be used, which is how
``benchmarks/extraction_eval.py`` measures each text without the words its
own reading added (leave-one-out).

Example:
    >>> from antq_domain.extract.vocabulary import words
    >>> "cả nước" in words("national")
    True
"""

from __future__ import annotations

from collections.abc import Collection

import attrs

__all__ = ["LISTS", "Word", "vocabulary_sources", "words"]


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
        """Whether one of ``texts`` (corpus text names) is among the entry's sources."""
        return any(
            s.startswith("corpus:") and s.removeprefix("corpus:") in texts for s in self.sources
        )


_LANGUAGE_NATIONAL = "language: 'toàn quốc', 'cả nước', 'trên phạm vi cả nước' name the country"

LISTS: dict[str, tuple[Word, ...]] = {
    "national": (
        Word("toàn quốc", "the whole country", (_LANGUAGE_NATIONAL,)),
        Word("cả nước", "the whole country", (_LANGUAGE_NATIONAL,)),
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


def vocabulary_sources(leave_out: Collection[str]) -> list[tuple[str, Word]]:
    """The entries (with their list's name) that ``leave_out`` removes.

    Example:
        >>> from antq_domain.extract.vocabulary import vocabulary_sources
        >>> vocabulary_sources({"00-kon-tum-2023"})
        []
    """
    return [
        (name, w) for name, entries in LISTS.items() for w in entries if w.motivated_by(leave_out)
    ]
