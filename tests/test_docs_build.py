"""The docs checks of tools/build_docs.py catch what they claim to catch.

They run on a small made-up project in a temporary folder, so they don't
depend on the state of the real package. Skipped when the docs tools (Griffe,
PyYAML) are not installed.
"""

from __future__ import annotations

import importlib.util
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

pytest.importorskip("griffe")
pytest.importorskip("yaml")

ROOT = Path(__file__).resolve().parents[1]


def _load_build_docs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_docs", ROOT / "tools" / "build_docs.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_docs", module)
    spec.loader.exec_module(module)
    return module


build_docs = _load_build_docs()

GOOD = '''
"""A documented module."""

from __future__ import annotations

import attrs
from pydantic import BaseModel

__all__ = ["Point", "Record", "TAU", "double"]

TAU = 6
"""A documented constant (no example needed)."""


def double(x: int) -> int:
    """Twice ``x``; see [`Point`][demo.good.Point] and [`TAU`][demo.TAU].

    | x | double(x) |
    |---|---|
    | 1 | 2 |

    Args:
        x: a number.

    Example:
        >>> double(2)
        4
    """
    return 2 * x


@attrs.frozen
class Point:
    """A point; its Args are the attrs fields.

    Args:
        x: across.
        y: down.

    Example:
        >>> Point(1, 2).x
        1
    """

    x: int
    y: int = 0

    def norm(self) -> int:
        """The taxicab norm.

        Example:
            >>> Point(1, -2).norm()
            3
        """
        return abs(self.x) + abs(self.y)


class Record(BaseModel):
    """A model; its Args are the fields.

    Args:
        name: what it is called.

    Example:
        >>> Record(name="a").name
        'a'
    """

    name: str
'''

BAD = '''
"""A module with problems."""

__all__ = ["Bare", "NOTE", "ghost", "marked_up", "no_example", "wrong_args"]

NOTE = 1


class Bare:
    """A class with an undocumented method.

    Example:
        >>> Bare().go()
    """

    def go(self) -> None:
        pass


def no_example() -> None:
    """Has a docstring but no example."""


def marked_up() -> None:
    """Calls :func:`no_example`, like :class:`~demo.bad.Bare`; see [`gone`][demo.bad.gone].

    [`NOTE`][demo.bad.NOTE] has no docstring, so no anchor to link to.

    ======  =====
    reST    table
    ======  =====

    A literal block::

        text

    Example:
        >>> marked_up()
    """


def wrong_args(a: int) -> int:
    """Documents a parameter it doesn't have.

    Args:
        b: not a parameter.

    Example:
        >>> wrong_args(1)
        1
    """
    return a
'''

INIT = '''
"""The package."""

from demo.good import TAU, double

__all__ = ["TAU", "double"]
'''

CONFIG = """
site_name: demo
nav:
  - Home: index.md
  - Reference:
      - reference/index.md
      - reference/good.md
      - reference/gone.md
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    package = tmp_path / "src" / "demo"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(INIT), "utf-8")
    (package / "good.py").write_text(textwrap.dedent(GOOD), "utf-8")
    (package / "bad.py").write_text(textwrap.dedent(BAD), "utf-8")
    (package / "_private.py").write_text("x = 1\n", "utf-8")
    docs = tmp_path / "docs"
    (docs / "reference").mkdir(parents=True)
    (docs / "index.md").write_text("# Home\n", "utf-8")
    (docs / "orphan.md").write_text("# Not in the nav\n", "utf-8")
    (docs / "reference" / "index.md").write_text("# demo\n\n::: demo\n", "utf-8")
    (docs / "reference" / "good.md").write_text("# good\n\nno directive\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(CONFIG, "utf-8")
    return tmp_path


@pytest.fixture
def problems(project: Path) -> list[str]:
    found: list[str] = build_docs.run_checks(project, "demo")
    return found


@pytest.mark.parametrize(
    "expected",
    [
        # a constant without a docstring
        "demo.bad.NOTE: no docstring",
        # a public method without a docstring
        "demo.bad.Bare.go: no docstring",
        # a function whose docstring has no >>> example
        "demo.bad.no_example: docstring has no '>>>' example",
        # __all__ names something the module doesn't define
        "demo.bad.ghost: listed in __all__ but not defined",
        # a Griffe warning: Args documents a parameter that doesn't exist
        "Parameter 'b' does not appear in the function signature",
        # reST roles print literally in Markdown, each one is reported
        "demo.bad.marked_up: reST role ':func:`no_example`' prints literally",
        "demo.bad.marked_up: reST role ':class:`~demo.bad.Bare`' prints literally",
        # so do reST tables and literal blocks
        "demo.bad.marked_up: a reST table prints literally",
        "demo.bad.marked_up: a reST '::' literal block prints literally",
        # a cross-reference to nothing (a typo, a module renamed since)
        "demo.bad.marked_up: cross-reference target 'demo.bad.gone' is not an object of the",
        # ... or to an object the reference does not show
        "cross-reference target 'demo.bad.NOTE' has no docstring, so the reference does not",
        # a public module without a reference page
        "docs/reference/bad.md: missing",
        # a reference page without its ::: directive
        "docs/reference/good.md: has no '::: demo.good' line",
        # a page that is not in the nav
        "docs/orphan.md: not in the nav of mkdocs.yml",
        # a nav entry whose page doesn't exist
        "mkdocs.yml: nav names docs/reference/gone.md, which does not exist",
    ],
)
def test_each_problem_is_reported(problems: list[str], expected: str) -> None:
    assert any(expected in problem for problem in problems), problems


@pytest.mark.parametrize(
    "clean",
    [
        "demo.good",  # documented attrs class, pydantic model, function, constant
        "demo._private",  # private modules are not checked
        "demo.double",  # the re-export in demo/__init__.py is fine
    ],
)
def test_documented_names_pass(problems: list[str], clean: str) -> None:
    assert not [p for p in problems if p.startswith(clean)], problems


def test_site_check_finds_markup_printed_literally(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "reference").mkdir(parents=True)
    (site / "index.html").write_text("<p>Use <code>rollup</code>, a table:</p>\n", "utf-8")
    (site / "reference" / "a.html").write_text(
        "<p>See :func:<code>rollup</code> and :class:`Rollup`.</p>\n"
        "<p>=====  =====\nkey    value\n=====  =====</p>\n",
        "utf-8",
    )
    assert build_docs.check_site(site) == [
        "site/reference/a.html: 2 reST role(s) printed literally",
        "site/reference/a.html: a reST table printed literally",
    ]


def test_the_package_docstrings_have_no_rest_markup() -> None:
    report = build_docs.Report()
    build_docs.check_markup(build_docs.load_package(), report)
    assert report.problems == []


def test_attrs_and_pydantic_get_their_generated_init(project: Path) -> None:
    module = build_docs.load_package("demo", project / "src")
    point = module["good.Point"]
    record = module["good.Record"]
    assert [p.name for p in point["__init__"].parameters] == ["self", "x", "y"]
    assert [p.name for p in record["__init__"].parameters] == ["self", "name"]
    assert str(record["__init__"].parameters["name"].kind.value) == "keyword-only"


def test_example_heading_reads_as_examples_section(project: Path) -> None:
    module = build_docs.load_package("demo", project / "src")
    sections = module["good.double"].docstring.parse("google")
    assert [section.kind.value for section in sections] == ["text", "parameters", "examples"]


@pytest.mark.parametrize(
    ("module", "is_package", "page"),
    [
        ("antq_domain", True, "reference/index.md"),
        ("antq_domain.values", True, "reference/values/index.md"),
        ("antq_domain.values.label", False, "reference/values/label.md"),
        ("antq_domain.errors", False, "reference/errors.md"),
    ],
)
def test_reference_page_paths(module: str, *, is_package: bool, page: str) -> None:
    assert build_docs.reference_page(module, is_package=is_package) == Path(page)
