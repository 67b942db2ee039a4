"""The package as a user gets it: a wheel, installed in a fresh virtual environment.

The wheel is built from a copy of the project (so the work tree gets no
``build/`` or ``*.egg-info``), installed with its dependencies from the
package registry into a new venv, and checked from outside the work tree:
the bundled data files and ``py.typed`` are inside, the ``antq`` console
script runs, and a downstream script using the public API passes
``mypy --strict`` against the installed package. Everything lives in
temporary folders; pip's cache is off.

These tests need the package registry and take a minute or two. They run by
default; deselect them with ``-m "not packaging"``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "antq_domain"
KON_TUM = ROOT / "examples" / "data" / "kon-tum-2023.json"
BIN = "Scripts" if os.name == "nt" else "bin"
EXE = ".exe" if os.name == "nt" else ""
TIMEOUT = 600


def _env() -> dict[str, str]:
    """The environment for child processes: no PYTHONPATH leaking the work tree in."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env["PIP_NO_CACHE_DIR"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def _run(*argv: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        env=_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=TIMEOUT,
    )


def _ok(*argv: str | Path, cwd: Path) -> str:
    done = _run(*argv, cwd=cwd)
    assert done.returncode == 0, f"{argv} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a clean copy of the project's sources."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "src",
        source / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"),
    )
    out = tmp_path_factory.mktemp("wheelhouse")
    _ok(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", out, source, cwd=source)
    [built] = out.glob("antq_domain-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory, wheel: Path) -> Path:
    """A fresh venv with the wheel installed (dependencies from the registry)."""
    home = tmp_path_factory.mktemp("venv") / "env"
    _ok(sys.executable, "-m", "venv", home, cwd=home.parent)
    python = home / BIN / f"python{EXE}"
    _ok(python, "-m", "pip", "install", "--quiet", wheel, cwd=home.parent)
    return home


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A working folder away from the work tree, so nothing imports from src/."""
    return tmp_path


def test_wheel_holds_the_typing_marker_and_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "antq_domain/py.typed" in names
    assert "antq_domain/data/places.csv" in names
    assert "antq_domain/data/catalogue.toml" in names
    data = {
        f"antq_domain/data/{p.name}"
        for p in (PACKAGE / "data").iterdir()
        if p.suffix in (".csv", ".json", ".toml")
    }
    assert data
    assert data <= names
    assert "antq_domain/cli.py" in names
    assert not [n for n in names if "__pycache__" in n or n.startswith("tests/")]


def test_wheel_declares_the_console_script(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    [entry_points] = [n for n in archive.namelist() if n.endswith(".dist-info/entry_points.txt")]
    text = archive.read(entry_points).decode("utf-8")
    section = text.split("[console_scripts]", 1)[1].split("\n[", 1)[0]
    assert "antq = antq_domain.cli:main" in section


def test_installed_package_is_the_wheel_not_the_work_tree(venv: Path, outside: Path) -> None:
    python = venv / BIN / f"python{EXE}"
    where = _ok(python, "-c", "import antq_domain; print(antq_domain.__file__)", cwd=outside)
    assert Path(where.strip()).is_relative_to(venv)


def test_console_script_runs_from_the_fresh_venv(venv: Path, outside: Path) -> None:
    antq = venv / BIN / f"antq{EXE}"
    assert "cách dùng: antq" in _ok(antq, "--help", cwd=outside)
    # the bundled register and catalogue load from the installed package
    summary = _ok(antq, "summary", KON_TUM, cwd=outside)
    assert "Tỉnh Kon Tum (62)" in summary
    assert "90,2% (655/726)" in summary
    missing = _run(antq, "validate", "nope.json", cwd=outside)
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr


DOWNSTREAM = '''
"""A user's script: only the public API of the installed package."""

import sys
from decimal import Decimal

import antq_domain as aq


def main(path: str) -> str:
    report: aq.MovementReport = aq.load_report(path)
    tips: aq.Quantity = aq.Quantity(726, "tip") + aq.Quantity(0, aq.Unit.TIP)
    weight = aq.Quantity(Decimal("13.85"), "kilogram")
    rate = report.ratio("tips.valuable_rate")
    place: aq.Place = aq.registry().get(report.place)
    return " | ".join([rate.format("vi"), tips.format("en"), weight.format("vi"), place.name])


if __name__ == "__main__":
    print(main(sys.argv[1]))
'''

WRONG = """
import antq_domain as aq

count: int = aq.load_report("r.json").issuer  # a str, not an int
"""


def _mypy(venv: Path, script: Path) -> subprocess.CompletedProcess[str]:
    """The project's mypy, strict, resolving imports in the fresh venv only."""
    config = script.parent / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")  # not the project's config
    return _run(
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--config-file",
        config,
        "--cache-dir",
        script.parent / ".mypy_cache",
        "--python-executable",
        venv / BIN / f"python{EXE}",
        script,
        cwd=script.parent,
    )


def test_downstream_script_passes_mypy_strict(venv: Path, outside: Path) -> None:
    script = outside / "downstream.py"
    script.write_text(textwrap.dedent(DOWNSTREAM), encoding="utf-8")
    checked = _mypy(venv, script)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    printed = _ok(venv / BIN / f"python{EXE}", script, KON_TUM, cwd=outside)
    assert printed.strip() == "90,2% (655/726) | 726 tips | 13,85 kg | Tỉnh Kon Tum"


def test_mypy_sees_the_installed_types(venv: Path, outside: Path) -> None:
    # if py.typed were missing, mypy would treat the package as untyped and miss this
    script = outside / "wrong.py"
    script.write_text(textwrap.dedent(WRONG), encoding="utf-8")
    checked = _mypy(venv, script)
    assert checked.returncode == 1
    assert 'expression has type "str", variable has type "int"' in checked.stdout
