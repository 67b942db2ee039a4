"""Names of a package imported on first use (PEP 562), from an export table in its source.

A package lists its public names once, in an ``if TYPE_CHECKING:`` block of lines
``from <home module> import <name> as <name>`` (type checkers and readers see the imports);
at run time `export_table` reads that block as data and `lazy_getattr` imports each name
from its home module when it is first asked for, so importing the package imports none of
its modules.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from importlib.machinery import ModuleSpec

__all__ = ["export_table", "lazy_dir", "lazy_getattr"]

# A regular expression, not ``ast``: importing ``ast`` would double the cost of
# ``import antq_domain``.
_LINE = re.compile(r"^    from (antq_domain[\w.]*) import (\w+) as (\w+)$", re.MULTILINE)


def export_table(spec: ModuleSpec | None, package: str) -> dict[str, str]:
    """The export table of ``package`` (its ``__spec__``): public name -> home module.

    Raises:
        ImportError: the package's source cannot be read, or has no export table.
    """
    loader = spec.loader if spec is not None else None
    get_source = getattr(loader, "get_source", None)
    source = get_source(package) if get_source is not None else None
    if not isinstance(source, str):  # pragma: no cover - the package ships its source
        raise ImportError(f"{package}: cannot read the export table (no source)")
    table = {name: home for home, name, alias in _LINE.findall(source) if name == alias}
    if not table:  # pragma: no cover - a package with a table never has it empty
        raise ImportError(f"{package}: the export table is missing")
    return table


def lazy_getattr(
    package: str, table: dict[str, str], namespace: dict[str, object], *, submodules: bool = False
) -> Callable[[str], object]:
    """A module ``__getattr__`` importing the names of ``table`` on first use.

    The value is then kept in ``namespace`` (the package's globals), so it is
    looked up once. With ``submodules``, any other name is tried as a module
    of the package (``package.name`` works without importing it first, as it
    did when the package imported its modules eagerly).

    Example:
        >>> import antq_domain.analysis as analysis
        >>> analysis.rollup.__module__, analysis.validation.__name__
        ('antq_domain.analysis.aggregation', 'antq_domain.analysis.validation')
    """

    def __getattr__(name: str) -> object:  # noqa: N807 - a module's __getattr__ (PEP 562)
        home = table.get(name)
        if home is not None:
            value: object = getattr(importlib.import_module(home), name)
        elif submodules and not name.startswith("__"):
            try:
                value = importlib.import_module(f"{package}.{name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{package}.{name}":
                    raise  # the module exists and itself failed to import something
                raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    return __getattr__


def lazy_dir(table: dict[str, str], namespace: dict[str, object]) -> Callable[[], list[str]]:
    """A module ``__dir__`` listing the names of ``table`` before they are first used."""

    def __dir__() -> list[str]:  # noqa: N807 - a module's __dir__ (PEP 562)
        return sorted(set(namespace) | set(table))

    return __dir__
