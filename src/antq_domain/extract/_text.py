"""Text plumbing of the extractor: NFC with an offset map, folding, words, boundaries.

Everything here is linear in the length of the text: compiled regexes run once over the whole text
and the results are kept in sorted lists that the extractor searches with `bisect`; words are read
per window.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from itertools import accumulate

from antq_domain.values._vietnamese import modern_tone_marks

__all__ = ["Normalised", "Scanned", "fold", "phrase_words"]

# A base character followed by Vietnamese combining marks (NFD text), as a split.
_MARKED = re.compile(r"(?s)(.[\u0300-\u036f]+)")
_MARK = re.compile(r"[\u0300-\u036f]")
_WORD = re.compile(r"[^\W_]+")
_SEPARATORS = re.compile(r"([\W_]+)")
# Clause boundaries: a "." or ":" inside a figure ("1.160", "08:37") is not one, nor the
# full stop of an abbreviated kind of place ("TP.Cần Thơ", "TP. Huế", "TX.Buôn Hồ",
# "TT. Plei Kần", "H.Nguyên Bình": the abbreviations `Registry.find` spells out; "Q." is
# always followed by a number).
# (One class first, then the exceptions: the scan runs at C speed.)
_BOUNDARY = re.compile(
    r"[;!?()\[\]\n\r….:](?![0-9](?<=[.:][0-9]))"
    r"(?<!(?<!\w)tp\.)(?<!(?<!\w)tx\.)(?<!(?<!\w)tt\.)(?<!(?<!\w)h\.)"
)
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


class _Pieces:
    """An NFD text cut into plain runs and marked clusters, for the NFC → original map.

    ``re.split`` with a capturing group alternates plain runs (even indices)
    and marked clusters (odd indices); composing the clusters, the lengths
    and the running offsets are all C-level maps over those pieces, so the
    cost per cluster stays far below a Python callback's.
    """

    __slots__ = ("nfc_starts", "orig_starts")

    def __init__(self, orig_lens: list[int], nfc_lens: list[int]) -> None:
        # One more entry than pieces: the last is the length of the whole text.
        # There is an odd number of pieces and the last one is a plain run.
        self.orig_starts = list(accumulate(orig_lens, initial=0))
        self.nfc_starts = list(accumulate(nfc_lens, initial=0))

    def original(self, start: int, end: int) -> tuple[int, int]:
        nfc, orig = self.nfc_starts, self.orig_starts
        k = bisect_right(nfc, start) - 1
        # An odd piece is a cluster: a position inside it maps to its whole.
        s = orig[k] if k & 1 else orig[k] + start - nfc[k]
        if end <= start:
            return (s, s)
        last = end - 1
        k = bisect_right(nfc, last, k) - 1
        return (s, orig[k + 1] if k & 1 else orig[k] + last - nfc[k] + 1)


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
        self._clusters: _Pieces | None = None
        # Checking NFC is quick on text without combining marks; on NFD text it is a
        # whole normalisation, so marked text goes straight to composing.
        if _MARK.search(original) is None and unicodedata.is_normalized("NFC", original):
            self.text = original
            return
        pieces = _MARKED.split(original)
        orig_lens = list(map(len, pieces))
        clusters = pieces[1::2]
        # A text has few distinct clusters: compose each once.
        composed_of = {c: unicodedata.normalize("NFC", c) for c in set(clusters)}
        pieces[1::2] = map(composed_of.__getitem__, clusters)
        composed = "".join(pieces)
        if unicodedata.is_normalized("NFC", composed):
            # The usual NFD text: only marked clusters change; map them by piece.
            self.text = composed
            self._clusters = _Pieces(orig_lens, list(map(len, pieces)))
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
            return self._clusters.original(start, end)
        if self._starts is None or self._ends is None:
            return (start, end)
        if start >= len(self._starts):
            return (len(self.original), len(self.original))
        if end <= start:
            return (self._starts[start], self._starts[start])
        return (self._starts[start], self._ends[end - 1])


class Scanned:
    """The folded text with its clause boundaries, and the words of any window.

    Words (maximal runs of letters and digits) are read per window, where a
    figure needs them: only the text around figures is cut into words, never
    the whole text.

    Example:
        >>> from antq_domain.extract._text import Scanned
        >>> s = Scanned("Có 726 nguồn tin; 655 tin.")
        >>> s.words_in(0, 16)[0], s.boundary_before(10), s.boundary_after(10)
        (['có', '726', 'nguồn', 'tin'], 0, 16)
    """

    __slots__ = ("boundaries", "key")

    def __init__(self, text: str) -> None:
        self.key = fold(text)
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

    def boundaries_upto(self, pos: int) -> int:
        """How many clause boundaries lie before ``pos``.

        Example:
            >>> from antq_domain.extract._text import Scanned
            >>> Scanned("a; b. c").boundaries_upto(4)
            1
        """
        return bisect_left(self.boundaries, pos)

    def words_in(self, start: int, end: int) -> tuple[list[str], list[int], list[int]]:
        """The words lying wholly inside ``[start, end)``, with their starts and ends.

        A word cut by either end of the window is not in it.

        Example:
            >>> from antq_domain.extract._text import Scanned
            >>> Scanned("một hai ba").words_in(2, 10)
            (['hai', 'ba'], [4, 8], [7, 10])
        """
        key = self.key
        if end <= start:
            return [], [], []
        # Alternating word / separator pieces; offsets by a C-level running sum.
        parts = _SEPARATORS.split(key[start:end])
        offsets = list(accumulate(map(len, parts), initial=start))
        # An odd number of pieces, words at even places: as many starts and ends as words.
        words = parts[0::2]
        starts = offsets[0::2]
        ends = offsets[1::2]
        if words[-1] == "" or (end < len(key) and key[end].isalnum()):
            del words[-1], starts[-1], ends[-1]  # no word at the end, or one cut by it
        if words and (words[0] == "" or (start > 0 and key[start - 1].isalnum())):
            del words[0], starts[0], ends[0]  # no word at the start, or one cut by it
        return words, starts, ends
