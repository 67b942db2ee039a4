"""Run the Python code on the documentation pages as tests (Sybil).

Every fenced block tagged ``python`` in ``docs/**/*.md`` runs under pytest, in
page order, sharing one namespace per page (so a tutorial can build on its
earlier blocks). A block made of ``>>>`` lines is checked as a doctest, with
the same option flags as the docstring examples; any other ``python`` block
passes when it runs without raising, so state the expected values with
``assert``. Blocks tagged ``console``, ``text`` or anything else are not run.

To keep one block out, put ``<!-- skip: next -->`` on the line before it and
say why on the page.

Each page's namespace starts with ``REPO``, the repository root, so pages
can read ``REPO / "examples" / "data" / ...`` wherever pytest runs from.
"""

from doctest import ELLIPSIS, NORMALIZE_WHITESPACE
from pathlib import Path
from typing import Any

from sybil import Sybil
from sybil.parsers.markdown import PythonCodeBlockParser, SkipParser


def _setup(namespace: dict[str, Any]) -> None:
    namespace["REPO"] = Path(__file__).resolve().parent.parent


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=NORMALIZE_WHITESPACE | ELLIPSIS),
        SkipParser(),
    ],
    patterns=["*.md"],
    setup=_setup,
).pytest()
