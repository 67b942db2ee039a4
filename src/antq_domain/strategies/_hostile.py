"""Hostile text: what spreadsheets, CSV parsers and decoders trip over."""

from __future__ import annotations

from hypothesis import strategies as st

from antq_domain.limits import MAX_FIELD_CHARS

__all__ = ["hostile_texts"]

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
_AWKWARD = ["\n", "\r\n", "\x00", "\x1f", "\x7f", '"', ",", ";", "\u200b", "\ufeff", "\u00a0"]
_EXAMPLES = [
    '=HYPERLINK("http://example.invalid","x")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-1",
    "-0",
    "@SUM(A1:A9)",
    "\t=1",
    "\r=1",
    "'",
    "''=1",
    '"',
    '""',
    "a\r\nb",
    "a\x00b",
    "1e999999",
    "NaN",
]


def _no_surrogates(text: str) -> bool:
    return not any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def hostile_texts(*, long: bool = True) -> st.SearchStrategy[str]:
    """Non-blank texts made to break writers and readers of files.

    Cells that a spreadsheet runs as formulas (``=``, ``+``, ``-``, ``@``,
    tab, carriage return) and the escape character ``'``; quotes, commas,
    line ends, NUL and other control characters; invisible characters;
    ``-0`` and ``NaN``; arbitrary Unicode (no lone surrogates, which no UTF-8
    file can hold); with ``long``, a text of
    [`MAX_FIELD_CHARS`][antq_domain.limits.MAX_FIELD_CHARS] characters full
    of quotes (over the `csv` module's own field limit once quoted).

    Shrinks towards ``"="``, a formula start.

    Example:
        >>> from hypothesis import find, settings
        >>> from antq_domain.strategies import hostile_texts
        >>> fixed = settings(database=None, derandomize=True)  # no local example database
        >>> find(hostile_texts(long=False), lambda t: t.startswith("="), settings=fixed)
        '='
    """
    parts = st.sampled_from([*_FORMULA_STARTS, *_AWKWARD, "a", "ư", "1"])
    built = st.tuples(st.sampled_from(_FORMULA_STARTS), st.lists(parts, max_size=8)).map(
        lambda t: t[0] + "".join(t[1])
    )
    options = [
        built,
        st.sampled_from(_EXAMPLES),
        st.text(min_size=1, max_size=40).filter(_no_surrogates),
    ]
    if long:
        options.append(st.just('"' * MAX_FIELD_CHARS))
    return st.one_of(*options).filter(str.strip)
