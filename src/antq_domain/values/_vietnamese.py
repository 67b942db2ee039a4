"""Vietnamese spelling variants that matching must treat as one.

Old-style tone placement ("hoà", "thuỷ", "Uỷ ban") and the new style ("hòa",
"thủy", "Ủy ban") are both in everyday use, in place names and in reports
alike. Matching folds both to the new style.
"""

from __future__ import annotations

import re

__all__ = ["TONE_PAIRS", "modern_tone_marks"]

TONE_PAIRS: dict[str, str] = {
    "oà": "òa",
    "oá": "óa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oè": "òe",
    "oé": "óe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uỳ": "ùy",
    "uý": "úy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
"""Word-final vowel pairs in the old tone placement -> the new placement (lower case, NFC)."""

# "quý" keeps its spelling: after "q" the "u" belongs to the consonant. The
# pattern is a pair of classes; the table says which pairs move.
_FIRST = "".join(sorted({k[0] for k in TONE_PAIRS}))
_SECOND = "".join(sorted({k[1] for k in TONE_PAIRS}))
# The class comes first and the "q" is looked for behind it, so the scan runs at C speed.
_TONE = re.compile(f"([{_FIRST}](?<!q[{_FIRST}])[{_SECOND}])" + r"(?!\w)")


def _move(m: re.Match[str]) -> str:
    pair = m[1]
    return TONE_PAIRS.get(pair, pair)


def modern_tone_marks(lowered: str) -> str:
    """Move tone marks of word-final pairs to the new placement; the length is kept.

    The input is lower-case NFC text; every character keeps its index, so a
    match in the result is a match at the same place in the input.

    >>> modern_tone_marks("tổ hoà giải, uỷ ban, quý ii")
    'tổ hòa giải, ủy ban, quý ii'
    """
    return _TONE.sub(_move, lowered)
