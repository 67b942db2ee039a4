"""The place a text is about, with the words that say so."""

from __future__ import annotations

import re
from bisect import bisect_left
from datetime import date

from antq_domain.errors import AntqError
from antq_domain.extract._text import Normalised, Scanned
from antq_domain.extract.results import Evidence
from antq_domain.records.places import Registry

__all__ = ["evidence", "find_place", "place_mentions"]

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


def place_mentions(text: str, key: str) -> list[re.Match[str]]:
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


def evidence(norm: Normalised, role: str, phrase: str, start: int, end: int) -> Evidence:
    span = norm.span(start, end)
    return Evidence(role, phrase, norm.original[span[0] : span[1]], span)


_NEWLINE = re.compile("\n")


def _line_of(newlines: list[int], pos: int, size: int) -> tuple[int, int]:
    """The start and end of the line holding ``pos``, from the positions of the newlines."""
    i = bisect_left(newlines, pos)
    return (newlines[i - 1] + 1 if i > 0 else 0), (newlines[i] if i < len(newlines) else size)


def find_place(
    norm: Normalised, sc: Scanned, reg: Registry, as_of: date | None
) -> tuple[str | None, Evidence | None]:
    text, key = norm.text, sc.key
    newlines = [m.start() for m in _NEWLINE.finditer(key)]
    scores: dict[str, float] = {}
    first: dict[str, tuple[int, int]] = {}
    for m in place_mentions(text, key):
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
            line_start, line_end = _line_of(newlines, m.start(), len(key))
            # The line's last characters (a bounded slice: the work per mention stays small).
            tail = key[max(line_start, line_end - 64) : line_end].rstrip()
            weight = 1.0 if tail.endswith((".", "!", "?", "…", ":", ";")) else 0.5
            if key.startswith("source:", line_start):
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
    return code, evidence(norm, "place", code, s, e)
