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

# "quý" keeps its spelling: after "q" the "u" belongs to the consonant.
_TONE = re.compile("(?<!q)(" + "|".join(TONE_PAIRS) + r")(?!\w)")


def modern_tone_marks(lowered: str) -> str:
    """Move tone marks of word-final pairs to the new placement; the length is kept.

    The input is lower-case NFC text; every character keeps its index, so a
    match in the result is a match at the same place in the input.

    >>> modern_tone_marks("tổ hoà giải, uỷ ban, quý ii")
    'tổ hòa giải, ủy ban, quý ii'
    """
    return _TONE.sub(lambda m: TONE_PAIRS[m[1]], lowered)
