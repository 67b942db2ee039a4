"""A newcomer's first steps run as pasted.

The README's Python block and the tutorial's blocks, in order, run in a fresh
interpreter started at the repository root (where a reader of the README
is), with nothing defined beforehand: no name injected by a test harness, no
file the repository does not ship. docs/conftest.py runs the documentation
pages the same way block by block; this test also covers the README, which
is not under docs/, and runs each page as one pasted script in its own
process.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
_SKIP = "<!-- skip: next -->"


def python_blocks(markdown: str) -> list[str]:
    """The ``python`` blocks of a page, in order, without those marked to skip."""
    blocks = []
    for match in _BLOCK.finditer(markdown):
        before = markdown[: match.start()].rstrip()
        if before.endswith(_SKIP):
            continue
        body = match.group(1)
        if body.lstrip().startswith(">>>"):
            # a doctest block: what a reader types is the >>> and ... lines
            body = "\n".join(
                line[4:] for line in body.splitlines() if line.startswith((">>> ", "... "))
            )
        blocks.append(body)
    return blocks


def test_python_blocks_reads_code_and_doctest_blocks() -> None:
    page = (
        "text\n\n```python\nx = 1\n```\n\n<!-- skip: next -->\n```python\nboom()\n```\n\n"
        "```python\n>>> y = x + 1\n>>> y\n2\n```\n\n```console\n$ antq\n```\n"
    )
    assert python_blocks(page) == ["x = 1\n", "y = x + 1\ny"]


@pytest.mark.parametrize("page", ["README.md", "docs/tutorial.md"])
def test_page_runs_pasted_into_a_fresh_interpreter(page: str) -> None:
    script = "\n".join(python_blocks((ROOT / page).read_text("utf-8")))
    assert script.strip(), f"{page} has no python block"
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]


def _skip_reasons(source: str) -> list[str]:
    """The text of every skip reason in a test module (literal parts of f-strings too)."""
    tree = ast.parse(source)
    constants = {
        target.id: node.value
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }

    def text(node: ast.expr) -> str:
        if isinstance(node, ast.Name) and node.id in constants:
            return text(constants[node.id])
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.JoinedStr):
            return "".join(text(part) for part in node.values)
        if isinstance(node, ast.FormattedValue):
            return "{" + ast.unparse(node.value) + "}"
        if isinstance(node, ast.BinOp):
            return text(node.left) + text(node.right)
        return ""

    reasons: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        reasons.extend(text(k.value) for k in node.keywords if k.arg == "reason")
        if ast.unparse(node.func) == "pytest.skip" and node.args:
            reasons.append(text(node.args[0]))
    return reasons


def test_skip_reasons_read_for_a_user_without_the_maintainers_files() -> None:
    """`make test` in a fresh clone prints these; they name no folder a user does not have."""
    reasons = [
        (path.name, reason)
        for path in sorted((ROOT / "tests").glob("test_*.py"))
        for reason in _skip_reasons(path.read_text("utf-8"))
    ]
    assert reasons, "no skip reason found: the scan is broken"
    for name, reason in reasons:
        assert "shared" not in reason, (name, reason)
        assert "{" not in reason, (name, reason)  # no interpolated local path
