"""Texts that are worst cases for the extractor: figures packed into one clause.

Each shape repeats one Vietnamese pattern without a clause boundary, so every
figure shares its clause with every earlier one: a reader that looks back
over the earlier figures of a clause (for a dimension, an activity, a
fraction) does work that grows with the square of the length. Used by
``extraction_eval.py`` (timings) and ``tests/test_extract_linear.py`` (the
growth ratio as a property).
"""

from __future__ import annotations

import random
from collections.abc import Callable

Piece = Callable[[random.Random], str]

SHAPES: dict[str, Piece] = {
    # "12,5% 87,3% …": percentages, each looking for a fraction of its clause.
    "percentages": lambda r: f"{r.randrange(100)},{r.randrange(10)}% ",
    # "12 mô hình, 873 mô hình, …": a long list of figures carrying dimensions.
    "figure list": lambda r: f"{r.randrange(1, 1000)} mô hình, ",
    # activities and participants: "tổ chức 5 buổi …, 450 lượt người tham gia, …"
    "participants": lambda r: (
        f"tổ chức {r.randrange(1, 90)} buổi tuyên truyền, "
        f"{r.randrange(1, 900)} lượt người tham gia, "
    ),
    # fractions and percentages: "45/50 xã, 90,0%, …"
    "fractions": lambda r: (
        f"{r.randrange(1, 90)}/{r.randrange(90, 99)} xã, {r.randrange(100)},1%, "
    ),
    # category phrases between figures: "12 vụ phạm tội về ma túy, 5 vụ …"
    "dimensions": lambda r: (
        f"{r.randrange(1, 99)} vụ phạm tội về ma túy, {r.randrange(1, 99)} vụ, "
    ),
    # place names on one line: "xã Hòa Bình, xã Hòa Bình, …"
    "places": lambda r: "xã Hòa Bình, ",
    # file names without spaces: "a.txta.txt…"
    "file names": lambda r: f"a{r.randrange(10)}.txt",
}


def adversarial(shape: str, size: int, seed: int = 0) -> str:
    """``size`` characters of the shape, its numbers drawn from ``seed``.

    Example:
        >>> adversarial("percentages", 12)
        '49,6% 5,4% 6'
    """
    rng = random.Random(seed)
    piece = SHAPES[shape]
    out: list[str] = []
    total = 0
    while total < size:
        s = piece(rng)
        out.append(s)
        total += len(s)
    return "".join(out)[:size]
