"""Identifier shapes are declared once (values.identifiers) and matched whole everywhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import antq_domain
from antq_domain.analysis.findings import CodeSpec, Severity
from antq_domain.analysis.rules import Breakdown, Rule
from antq_domain.errors import AntqError
from antq_domain.records.indicators import CODE_PATTERN, NAME_PATTERN
from antq_domain.records.observation import Dims
from antq_domain.values import identifiers
from antq_domain.values.label import Label

SRC = Path(antq_domain.__file__).parent


def test_the_records_patterns_are_the_declared_ones() -> None:
    assert CODE_PATTERN is identifiers.CODE_PATTERN
    assert NAME_PATTERN is identifiers.NAME_PATTERN


@pytest.mark.parametrize(
    "build",
    [
        lambda: Dims.of({"unit_kind": "commune\n"}),
        lambda: Dims.of({"unit_kind\n": "commune"}),
        lambda: Rule.of("a.b\n", "tips.valuable <= tips.received", vi="x", en="x"),
        lambda: Rule.of(
            "a.b",
            "tips.valuable <= tips.received",
            vi="x",
            en="x",
            applies_to={"unit_kind\n": None},
        ),
        lambda: Breakdown(dimension="form\n", parts=("a",)),
        lambda: Breakdown(dimension="form", parts=("a\n",)),
        lambda: CodeSpec("a.b\n", Severity.INFO, Label(vi="x", en="x")),
    ],
)
def test_a_trailing_newline_is_no_identifier(build: object) -> None:
    with pytest.raises((AntqError, ValueError)):
        build()  # type: ignore[operator]


def test_no_module_declares_an_identifier_shape_again() -> None:
    # The shapes of identifiers live in values/identifiers.py only (strategies generate
    # bounded examples of them with their own size limits, and the expression lexer reads
    # words; neither declares what an identifier is).
    shapes = [
        identifiers.CODE_PATTERN,
        identifiers.NAME_PATTERN,
        identifiers.VALUE_PATTERN,
        identifiers.ID_PATTERN,
    ]
    for path in SRC.rglob("*.py"):
        if path.name == "identifiers.py":
            continue
        text = path.read_text(encoding="utf-8")
        for shape in shapes:
            core = shape.strip("^$")
            assert core not in text, f"{path.relative_to(SRC)} declares {shape!r} again"
    assert re.fullmatch(identifiers.CODE, "tips.received")
