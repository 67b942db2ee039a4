"""What the figures read become: repeats merged, one value per cell, headlines.

A figure stated twice with one reading is counted once (`merge_repeats`); a
headline that repeats a figure of the body takes the body's reading
(`headline_repeats`); a cell takes one value (`one_value_per_cell`). Each is
one pass over the figures, with dictionaries: linear.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from antq_domain.extract.results import ExtractedFigure
from antq_domain.records.observation import Dims

__all__ = ["as_unmatched", "headline_repeats", "merge_repeats", "one_value_per_cell"]


def as_unmatched(figure: ExtractedFigure, reason: str) -> ExtractedFigure:
    """The figure listed as unmatched: no indicator, no dimensions, and why."""
    return attrs.evolve(figure, indicator=None, dims=Dims.of(), reason=reason)


def merge_repeats(figures: list[ExtractedFigure]) -> list[ExtractedFigure]:
    out: list[ExtractedFigure] = []
    seen: dict[tuple[Any, ...], int] = {}
    again: dict[int, list[tuple[int, int]]] = {}
    for f in figures:
        k = (f.indicator, f.dims, f.value, f.qualifier, f.unit)
        i = seen.get(k)
        if i is not None:
            again.setdefault(i, []).append(f.span)
            continue
        seen[k] = len(out)
        out.append(f)
    for i, spans in again.items():
        first = out[i]
        out[i] = attrs.evolve(first, also_quoted=(*first.also_quoted, *spans))
    return out


def one_value_per_cell(
    found: list[ExtractedFigure], unmatched: list[ExtractedFigure]
) -> tuple[list[ExtractedFigure], list[ExtractedFigure]]:
    """A cell (indicator and dimensions) takes one value: the largest; the others are unmatched.

    A report states a total and narrower activities by words of their own ("165 buổi
    tuyên truyền …; 16 buổi tuyên truyền về phòng chống tệ nạn xã hội cho học sinh"):
    when the catalogue has no cell for the narrower one, reading it into the total's
    cell would give the report two values for one thing. The total is the largest, so
    the largest figure keeps the cell (the first of equals); the others are listed
    unmatched, naming it.
    """
    best: dict[tuple[str | None, Dims], ExtractedFigure] = {}
    for f in found:
        cell = (f.indicator, f.dims)
        if cell not in best or f.value > best[cell].value:
            best[cell] = f
    if len(best) == len(found):
        return found, unmatched
    kept: list[ExtractedFigure] = []
    moved: list[ExtractedFigure] = []
    for f in found:
        total = best[(f.indicator, f.dims)]
        if total is f:
            kept.append(f)
            continue
        moved.append(
            as_unmatched(
                f,
                f"the cell of {f.indicator}{f' {dict(f.dims)}' if f.dims else ''} has the "
                f"larger value of '{total.quote}': a second value, with no words the "
                "catalogue splits by",
            )
        )
    return kept, sorted([*unmatched, *moved], key=lambda u: u.span)


# A line that ends a sentence; a heading or caption ends otherwise ("Trên 1.000 tổ an ninh").
_SENTENCE_END = re.compile(r"[.!?…:;][\s\"”»)]*$")
_HEADING_CHARS = 200  # a heading is a short line


def headline_repeats(
    text: str, found: list[ExtractedFigure], unmatched: list[ExtractedFigure]
) -> tuple[list[ExtractedFigure], list[ExtractedFigure]]:
    """A heading that repeats a figure of the body takes the body's reading.

    A headline is the body's figure in few words ("Trên 1.000 tổ an ninh nhân dân"
    over "… với trên 1.000 tổ an ninh nhân dân, đội dân phòng, câu lạc bộ …"): when
    the body writes the same number with the heading's words and more after them, and
    reads it another way, the body's fuller words decide; the heading's figure is listed
    unmatched, naming it. A heading that says more than the body ("238 nguồn tin có
    giá trị" over "238 nguồn tin.") keeps its own reading.
    """
    body: dict[tuple[Any, ...], ExtractedFigure] = {}
    heading = [_heading_words(text, f) for f in found]
    for f, words in zip(found, heading, strict=True):
        if words is None:
            body.setdefault((f.value, f.qualifier), f)
    for u in unmatched:
        if _heading_words(text, u) is None:
            body.setdefault((u.value, u.qualifier), u)
    kept: list[ExtractedFigure] = []
    moved: list[ExtractedFigure] = []
    for f, words in zip(found, heading, strict=True):
        other = body.get((f.value, f.qualifier)) if words is not None else None
        if (
            words is None
            or other is None
            or (other.indicator, other.dims) == (f.indicator, f.dims)
            or not _folded(text, other.number_span[0], len(words)).startswith(words)
        ):
            kept.append(f)
            continue
        moved.append(as_unmatched(f, f"a heading repeating '{other.quote}', read in the body"))
    if not moved:
        return found, unmatched
    return kept, sorted([*unmatched, *moved], key=lambda u: u.span)


def _folded(text: str, start: int, size: int) -> str:
    return text[start : start + size].casefold()


def _heading_words(text: str, f: ExtractedFigure) -> str | None:
    """The words from the figure's number to the end of its line, if that is a heading.

    A heading is a short line that does not end a sentence; the search looks at most a
    heading's length either side of the number, so the work per figure is bounded.
    """
    pos = f.number_span[0]
    start = text.rfind("\n", max(0, pos - _HEADING_CHARS), pos) + 1
    if start == 0 and pos > _HEADING_CHARS:
        return None
    end = text.find("\n", pos, pos + _HEADING_CHARS)
    if end < 0:
        if len(text) - pos > _HEADING_CHARS:
            return None
        end = len(text)
    line = text[start:end].rstrip()
    if _SENTENCE_END.search(line) is not None:
        return None
    return _folded(text, pos, len(line) - (pos - start))
