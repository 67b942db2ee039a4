"""The coverage floor only rises.

``make test`` measures line and branch coverage and ``coverage report`` fails below
``[tool.coverage.report] fail_under`` in pyproject.toml (the floor). This check then
refuses a floor lower than any the last 50 commits that touched pyproject.toml had,
and says when the measured total allows raising it (to the total rounded down).
Without git (an unpacked sdist) only the second part runs.

Run from the repository root after ``coverage run``: ``python tools/coverage_floor.py``.
"""

from __future__ import annotations

import math
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def floor_of(text: str) -> float:
    """The fail_under of a pyproject.toml's text (0 when absent)."""
    report = tomllib.loads(text).get("tool", {}).get("coverage", {}).get("report", {})
    return float(report.get("fail_under", 0))


def earlier_floors(limit: int = 50) -> list[tuple[str, float]]:
    """(commit, floor) for the last ``limit`` commits that changed pyproject.toml."""
    git = shutil.which("git")
    if git is None or not (ROOT / ".git").exists():
        return []
    commits = subprocess.run(
        [git, "log", f"-n{limit}", "--format=%h", "--", "pyproject.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    out = []
    for commit in commits:
        shown = subprocess.run(
            [git, "show", f"{commit}:pyproject.toml"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        if shown.returncode == 0:
            out.append((commit, floor_of(shown.stdout)))
    return out


def measured_total() -> float | None:
    """The total coverage of the last ``coverage run`` (None when there is no data)."""
    done = subprocess.run(
        [sys.executable, "-m", "coverage", "report", "--format=total", "--precision=2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return float(done.stdout.strip())
    except ValueError:
        return None


def main() -> int:
    """Check the floor; return the exit code."""
    floor = floor_of((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for commit, before in earlier_floors():
        if floor < before:
            print(f"coverage floor lowered: fail_under={floor:g}, commit {commit} had {before:g}")
            return 1
    total = measured_total()
    if total is None:
        print("coverage floor: no coverage data (run `coverage run -m pytest` first)")
        return 1
    print(f"coverage: {total:.2f}% of lines and branches; floor {floor:g}%")
    if math.floor(total) > floor:
        print(f"  the floor can rise: set fail_under = {math.floor(total)} in pyproject.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
