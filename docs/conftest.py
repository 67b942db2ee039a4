"""Run the Python code on the documentation pages as tests (Sybil).

Every fenced block tagged ``python`` in ``docs/**/*.md`` runs under pytest, in
page order, sharing one namespace per page (so a tutorial can build on its
earlier blocks). A block made of ``>>>`` lines is checked as a doctest, with
the same option flags as the docstring examples; any other ``python`` block
passes when it runs without raising, so state the expected values with
``assert``. Blocks tagged ``console``, ``text`` or anything else are not run.

To keep one block out, put ``<!-- skip: next -->`` on the line before it and
say why on the page.

The blocks run as a reader runs them: nothing is put into a page's namespace
(each block imports what it uses, so it can be pasted into a fresh
interpreter), and the working folder is the repository root, where a reader
of the README starts, so ``"examples/data/kon-tum-2023.json"`` is a path
that works for both, wherever pytest itself was started.
"""

import os
from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path
from typing import Any

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser

REPO = Path(__file__).resolve().parent.parent
_previous: list[Path] = []


def _setup(namespace: dict[str, Any]) -> None:
    """Run the page from the repository root; add no name to its namespace."""
    _previous.append(Path.cwd())
    os.chdir(REPO)


def _teardown(namespace: dict[str, Any]) -> None:
    os.chdir(_previous.pop())


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=NORMALIZE_WHITESPACE | ELLIPSIS),
        SkipParser(),
    ],
    patterns=["*.md"],
    setup=_setup,
    teardown=_teardown,
).pytest()
