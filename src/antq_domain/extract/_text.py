"""Text plumbing of the extractor: NFC with an offset map, folding, words, boundaries.

Everything here is linear in the length of the text: compiled regexes run
once over the whole text and the results are kept in sorted lists that the
extractor searches with :mod:`bisect`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from itertools import accumulate

from antq_domain.values._vietnamese import modern_tone_marks

__all__ = ["Normalised", "Scanned", "fold", "phrase_words"]

# A base character followed by Vietnamese combining marks (NFD text).
_MARKED = re.compile(r"(?s).[\u0300-\u036f]+")
_WORD = re.compile(r"[^\W_]+")
_SEPARATORS = re.compile(r"([\W_]+)")
# Clause boundaries: a "." or ":" inside a figure ("1.160", "08:37") is not one.
_BOUNDARY = re.compile(r"[;!?()\[\]\n\r…]|\.(?![0-9])|:(?![0-9])")
_SPACES = re.compile(r"[\u00a0\u2007\u202f\t\x0b\x0c]")


def _lower_same_length(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def fold(text: str) -> str:
    """Fold NFC text for matching, keeping its length: lower case, one tone placement.

    Old and new tone placement ("hoà"/"hòa", "Uỷ"/"Ủy") fold to the new
    one; odd spaces become plain spaces. Every character keeps its index, so
    a match in the folded text is a match at the same place in the text.

    Example:
        >>> from antq_domain.extract._text import fold
        >>> fold("Tổ hoà giải, Uỷ ban, Quý II")
        'tổ hòa giải, ủy ban, quý ii'
    """
    low = _SPACES.sub(" ", _lower_same_length(text))
    return modern_tone_marks(low)


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The folded words of a catalogue phrase (punctuation is not matched).

    Example:
        >>> from antq_domain.extract._text import phrase_words
        >>> phrase_words("tổ, đội phòng cháy chữa cháy")
        ('tổ', 'đội', 'phòng', 'cháy', 'chữa', 'cháy')
    """
    return tuple(_WORD.findall(fold(unicodedata.normalize("NFC", phrase))))


class _Clusters:
    """The composed clusters of an NFD text, for a lazy NFC → original offset map."""

    __slots__ = ("ends", "lens", "nfc_starts", "shrink", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.lens: list[int] = []
        self.nfc_starts: list[int] = []
        self.shrink: list[int] = []

    def compose(self, m: re.Match[str]) -> str:
        composed = unicodedata.normalize("NFC", m.group())
        self.starts.append(m.start())
        self.ends.append(m.end())
        self.lens.append(len(composed))
        return composed

    def freeze(self) -> None:
        # shrink[k]: characters lost by clusters 0..k together.
        losses = [e - s - n for s, e, n in zip(self.starts, self.ends, self.lens, strict=True)]
        self.shrink = list(accumulate(losses))
        before = [0, *self.shrink[:-1]] if self.shrink else []
        self.nfc_starts = [s - b for s, b in zip(self.starts, before, strict=True)]

    def _point(self, x: int, total: int, *, end: bool) -> int:
        k = bisect_right(self.nfc_starts, x) - 1
        if k >= 0 and x < self.nfc_starts[k] + self.lens[k]:
            return self.ends[k] if end else self.starts[k]
        return min(total, x + (self.shrink[k] if k >= 0 else 0) + (1 if end else 0))

    def original(self, start: int, end: int, total: int) -> tuple[int, int]:
        s = self._point(start, total, end=False)
        if end <= start:
            return (s, s)
        return (s, self._point(end - 1, total, end=True))


class Normalised:
    """A text in NFC with a map from NFC offsets back to the original text.

    Text already in NFC (the usual case) maps to itself at no cost. For NFD
    text each composed cluster maps to the original characters it came from,
    so a span found in the NFC text is reported as a span of the original.

    Example:
        >>> import unicodedata
        >>> from antq_domain.extract._text import Normalised
        >>> nfd = unicodedata.normalize("NFD", "Kon Tum: 726 nguồn tin")
        >>> n = Normalised(nfd)
        >>> s, e = n.span(n.text.index("nguồn"), n.text.index("nguồn") + 5)
        >>> unicodedata.normalize("NFC", nfd[s:e])
        'nguồn'
    """

    __slots__ = ("_clusters", "_ends", "_starts", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        self._starts: list[int] | None = None
        self._ends: list[int] | None = None
        self._clusters: _Clusters | None = None
        if unicodedata.is_normalized("NFC", original):
            self.text = original
            return
        clusters = _Clusters()
        composed = _MARKED.sub(clusters.compose, original)
        if unicodedata.is_normalized("NFC", composed):
            # The usual NFD text: only marked clusters change; map them lazily.
            clusters.freeze()
            self.text = composed
            self._clusters = clusters
            return
        parts: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        self._plain(0, len(original), parts, starts, ends)
        self.text = "".join(parts)
        self._starts = starts
        self._ends = ends

    def _cluster(
        self, a: int, b: int, parts: list[str], starts: list[int], ends: list[int]
    ) -> None:
        composed = unicodedata.normalize("NFC", self.original[a:b])
        parts.append(composed)
        starts.extend([a] * len(composed))
        ends.extend([b] * len(composed))

    def _plain(self, a: int, b: int, parts: list[str], starts: list[int], ends: list[int]) -> None:
        i = a
        while i < b:
            j = i + 1
            while j < b and unicodedata.combining(self.original[j]):
                j += 1
            self._cluster(i, j, parts, starts, ends)
            i = j

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the original text that NFC ``text[start:end]`` came from.

        Example:
            >>> from antq_domain.extract._text import Normalised
            >>> Normalised("abc").span(1, 2)
            (1, 2)
        """
        if self._clusters is not None:
            return self._clusters.original(start, end, len(self.original))
        if self._starts is None or self._ends is None:
            return (start, end)
        if start >= len(self._starts):
            return (len(self.original), len(self.original))
        if end <= start:
            return (self._starts[start], self._starts[start])
        return (self._starts[start], self._ends[end - 1])


class Scanned:
    """The folded text with its words and clause boundaries, for window searches.

    Example:
        >>> from antq_domain.extract._text import Scanned
        >>> s = Scanned("Có 726 nguồn tin; 655 tin.")
        >>> s.words[:3], s.boundary_before(10), s.boundary_after(10)
        (['có', '726', 'nguồn'], 0, 16)
    """

    __slots__ = ("boundaries", "key", "wends", "words", "wstarts")

    def __init__(self, text: str) -> None:
        self.key = fold(text)
        # Alternating word / separator pieces; offsets by a C-level running sum.
        parts = _SEPARATORS.split(self.key)
        offsets = list(accumulate(map(len, parts), initial=0))
        self.words = parts[0::2]
        self.wstarts = offsets[0::2][: len(self.words)]
        self.wends = offsets[1::2][: len(self.words)]
        if self.words and not self.words[0]:
            del self.words[0], self.wstarts[0], self.wends[0]
        if self.words and not self.words[-1]:
            del self.words[-1], self.wstarts[-1], self.wends[-1]
        self.boundaries = [m.start() for m in _BOUNDARY.finditer(self.key)]

    def boundary_before(self, pos: int) -> int:
        """The index just after the last clause boundary before ``pos`` (0 if none).

        Example:
            >>> from antq_domain.extract._text import Scanned
            >>> Scanned("a; b").boundary_before(3)
            2
        """
        i = bisect_left(self.boundaries, pos) - 1
        return self.boundaries[i] + 1 if i >= 0 else 0

    def boundary_after(self, pos: int) -> int:
        """The index of the first clause boundary at or after ``pos`` (the end if none).

        Example:
            >>> from antq_domain.extract._text import Scanned
            >>> Scanned("a; b").boundary_after(0)
            1
        """
        i = bisect_left(self.boundaries, pos)
        return self.boundaries[i] if i < len(self.boundaries) else len(self.key)

    def boundaries_between(self, start: int, end: int) -> int:
        """How many clause boundaries lie in ``[start, end)``.

        Example:
            >>> from antq_domain.extract._text import Scanned
            >>> Scanned("a; b. c").boundaries_between(0, 7)
            2
        """
        return bisect_left(self.boundaries, end) - bisect_left(self.boundaries, start)

    def word_range(self, start: int, end: int) -> range:
        """The indices of the words lying wholly inside ``[start, end)``.

        Example:
            >>> from antq_domain.extract._text import Scanned
            >>> s = Scanned("một hai ba")
            >>> [s.words[i] for i in s.word_range(2, 10)]
            ['hai', 'ba']
        """
        return range(bisect_left(self.wstarts, start), bisect_right(self.wends, end))
