"""The public face stays honest: ``__all__`` resolves, lazy names match, layers hold."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest

import antq_domain

SRC = Path(antq_domain.__file__).parent

# layer of each top-level subpackage/module; a module may import only from layers <= its own
LAYERS = {
    "errors": 0,
    "_disk": 0,
    "_once": 0,
    "_lazy": 0,
    "_gc": 0,
    "limits": 0,
    "values": 1,
    "records": 2,
    "analysis": 3,
    "laws": 4,
    "io": 4,
    "strategies": 4,
    "extract": 4,
    "bulk": 4,
    "frames": 4,
    "charts": 4,
    "cli": 4,
    "_version": 0,
    "markup": 1,
    "display": 2,
}


def test_every_public_name_resolves() -> None:
    for name in antq_domain.__all__:
        assert getattr(antq_domain, name) is not None, name


def test_the_export_table_is_the_public_list() -> None:
    assert antq_domain.__all__ == ["__version__", *antq_domain._TABLE]
    assert len(antq_domain.__all__) == len(set(antq_domain.__all__))


def test_each_top_level_name_is_exported_by_its_home() -> None:
    for name, home in antq_domain._TABLE.items():
        assert name in importlib.import_module(home).__all__, (name, home)


def test_the_docs_list_the_export_table() -> None:
    # docs/reference/index.md has one row per top-level name: | `name` | `home module` |
    page = (SRC.parent.parent / "docs" / "reference" / "index.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \[?`([A-Za-z_]+)`\]?[^|]* \| `(antq_domain[a-z_.]*)` \|$", page, re.M)
    assert dict(rows) == antq_domain._TABLE
    assert len(rows) == len(antq_domain._TABLE)


def test_unknown_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = antq_domain.nope


def test_import_is_lazy() -> None:
    code = "import sys, antq_domain; print('antq_domain.records' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"


def test_the_analysis_layer_imports_its_modules_on_first_use() -> None:
    # the bulk path needs only the rollup: evaluation, comparison, validation stay unloaded
    code = (
        "import sys, antq_domain.analysis as a, antq_domain.bulk\n"
        "print(sorted(m for m in ('antq_domain.analysis.evaluation', 'antq_domain.analysis."
        "comparison', 'antq_domain.analysis.validation') if m in sys.modules))\n"
        "print(a.validation.__name__, a.check_totals.__module__, a.evaluate.__module__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split("\n")
    assert out[0] == "[]"
    assert out[1] == (
        "antq_domain.analysis.validation antq_domain.analysis.validation"
        " antq_domain.analysis.evaluation"
    )


def test_each_analysis_name_resolves_from_its_home() -> None:
    from antq_domain import analysis

    # the table read at run time is the block of imports type checkers read
    block = ast.parse(Path(analysis.__file__).read_text(encoding="utf-8"))
    imported = {
        alias.name: node.module
        for node in ast.walk(block)
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("antq_domain.")
        for alias in node.names
        if alias.asname == alias.name
    }
    assert imported == analysis._TABLE
    assert sorted(analysis.__all__) == sorted(imported)
    for name, home in analysis._TABLE.items():
        assert getattr(analysis, name) is getattr(importlib.import_module(home), name), name
        assert name in dir(analysis)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        _ = analysis.nope


def _layer_of(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "antq_domain" or len(parts) < 2:
        return None
    return LAYERS.get(parts[1])


@pytest.mark.parametrize(
    "path", sorted(p for p in SRC.rglob("*.py") if p.name != "__init__.py" or p.parent != SRC)
)
def test_lower_layers_never_import_upper_ones(path: Path) -> None:
    rel = path.relative_to(SRC.parent).with_suffix("")
    module = ".".join(rel.parts).removesuffix(".__init__")
    own = _layer_of(module)
    assert own is not None, f"{module} has no layer in LAYERS"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            targets = [node.module]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        for target in targets:
            layer = _layer_of(target)
            if layer is not None:
                assert layer <= own, f"{module} (layer {own}) imports {target} (layer {layer})"


def test_every_module_imports() -> None:
    for info in pkgutil.walk_packages(antq_domain.__path__, "antq_domain."):
        importlib.import_module(info.name)


def test_no_module_is_shadowed_by_a_name_of_its_package() -> None:
    # ``import antq_domain.analysis.evaluation`` must give the module, not a function
    # that the package's ``__init__`` re-exports under the same name.
    for info in pkgutil.walk_packages(antq_domain.__path__, "antq_domain."):
        importlib.import_module(info.name)
        parent, _, leaf = info.name.rpartition(".")
        bound = getattr(importlib.import_module(parent), leaf)
        assert bound is sys.modules[info.name], f"{info.name} is shadowed by {bound!r}"


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")))
def test_a_long_module_states_why_at_its_top(path: Path) -> None:
    # A module over ~600 lines is split, or says at its top why it is one module.
    lines = path.read_text(encoding="utf-8").splitlines()
    if len(lines) > 600:
        assert lines[0].startswith("# Size: "), f"{path.relative_to(SRC)}: {len(lines)} lines"
