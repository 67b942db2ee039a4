"""Check the public docstrings, then build the documentation site strictly.

Usage::

    python tools/build_docs.py               # check, then build into site/
    python tools/build_docs.py --check-only  # the checks alone, no site

The checks read the package the way the API reference does (statically, with
Griffe, the loader behind mkdocstrings), so what they pass is what the site
shows. They fail, listing every problem at once, when:

* a public module has no docstring or no ``__all__``, or ``__all__`` names
  something the module does not define;
* a class or function in a public ``__all__`` (or a public method or property
  of such a class) has no docstring with a ``>>>`` example; a constant or type
  alias has no docstring at all;
* Griffe warns about a docstring (a parameter documented but absent from the
  signature, a malformed section, ...): mkdocs turns these into errors under
  ``--strict`` but Zensical only prints them, so we count them here;
* a docstring (of any module, private ones included: their objects are shown
  through public re-exports) holds reST markup that Markdown prints as is: a
  role such as ``:func:`x```, a ``====  ====`` table or a ``::`` literal
  block; or a cross-reference ``[`x`][antq_domain.path.x]`` whose target is
  not an object of the package (a renamed module, a typo);
* a public module has no reference page ``docs/reference/<path>.md`` holding a
  ``::: module`` directive, or a page under ``docs/`` is missing from the
  ``nav`` of ``mkdocs.yml`` (or the nav names a page that does not exist).

Then ``zensical build --strict`` builds ``site/``; it fails on broken links,
unresolved cross-references and objects that ``:::`` cannot collect. Last,
every built page is read again for markup that printed literally (a reST
role, a reST table), whatever its source. Nothing is fetched from the
network: the theme font is off and no inventories are loaded.

Cross-references in docstrings are Markdown links whose target is the full
dotted path, ``[`rollup`][antq_domain.analysis.rollup]``; prefer the path of
the re-export in a package's ``__init__`` (it survives a module rename).

``GeneratedInit`` is a Griffe extension (also named in ``mkdocs.yml``) that
gives ``attrs`` classes and pydantic models the ``__init__`` signature they
get at run time, so their ``Args:`` sections are checked against real
parameters (Griffe reads source statically and only knows dataclasses), and reads a
Google ``Example:`` heading as ``Examples:`` (Griffe only knows the plural and
would otherwise render the doctest as Markdown block quotes).
"""

from __future__ import annotations

import argparse
import logging
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import griffe
import yaml

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "antq_domain"
EXAMPLE_MARK = ">>>"

_ATTRS_DECORATORS = frozenset(
    {
        "attrs.define",
        "attrs.frozen",
        "attrs.mutable",
        "attr.s",
        "attr.attrs",
        "attr.define",
        "attr.frozen",
        "attr.mutable",
    }
)
_ATTRS_FIELDS = frozenset({"attrs.field", "attr.ib", "attr.attrib", "attr.field"})
_PYDANTIC_BASES = frozenset({"pydantic.BaseModel", "pydantic.main.BaseModel"})
_EXAMPLE_HEADING = re.compile(r"^(\s*)Example:[ \t]*$", re.MULTILINE)
_ROLE_NAMES = "func|class|meth|attr|mod|data|exc|obj|const|ref|term|doc"
_REST_ROLE = re.compile(rf":(?:py:)?(?:{_ROLE_NAMES}):`[^`]*`")
_REST_TABLE = re.compile(r"^[ \t]*=+(?:[ \t]{2,}=+)+[ \t]*$", re.MULTILINE)
_REST_LITERAL = re.compile(r"[^:\s]::[ \t]*$", re.MULTILINE)
_CROSSREF = re.compile(r"\]\[([A-Za-z_][\w.]*)\]")
# In built HTML a role's backticks have become <code>; a table's rule is text.
_SITE_ROLE = re.compile(rf":(?:py:)?(?:{_ROLE_NAMES}):(?:`|<code)")
_SITE_TABLE = re.compile(r"={4,}[ \t]{2,}={4,}")


# --------------------------------------------------------------------------
# Griffe extension: attrs classes get their generated __init__
# --------------------------------------------------------------------------


def _call_kwargs(expr: object) -> dict[str, str]:
    """The keyword arguments of a call expression, as source text."""
    if not isinstance(expr, griffe.ExprCall):
        return {}
    return {
        arg.name: str(arg.value) for arg in expr.arguments if isinstance(arg, griffe.ExprKeyword)
    }


def _attrs_decorator(cls: griffe.Class) -> griffe.Expr | None:
    for decorator in cls.decorators:
        value = decorator.value
        if isinstance(value, griffe.Expr) and value.canonical_path in _ATTRS_DECORATORS:
            return value
    return None


def _fields(cls: griffe.Class) -> Iterator[tuple[griffe.Attribute, dict[str, str]]]:
    """The annotated instance attributes of ``cls``, with their field() arguments."""
    for member in cls.members.values():
        if member.is_alias or not isinstance(member, griffe.Attribute):
            continue
        if member.annotation is None or "property" in member.labels:
            continue
        if "class-attribute" in member.labels and "instance-attribute" not in member.labels:
            continue  # a ClassVar
        if member.name == "model_config":
            continue
        value = member.value
        args = _call_kwargs(value) if isinstance(value, griffe.ExprCall) else {}
        yield member, args


def _attrs_parameters(cls: griffe.Class, *, kw_only: bool) -> list[griffe.Parameter]:
    parameters = []
    for member, call_args in _fields(cls):
        value = member.value
        field_args: dict[str, str] = {}
        default: str | griffe.Expr | None = value
        if isinstance(value, griffe.ExprCall) and value.canonical_path in _ATTRS_FIELDS:
            field_args = call_args
            default = field_args.get("default")
            if "factory" in field_args:
                default = f"{field_args['factory']}()"
        if field_args.get("init") == "False":
            continue
        name = field_args.get("alias", member.name.lstrip("_")).strip("'\"")
        keyword_only = kw_only or field_args.get("kw_only") == "True"
        kind = (
            griffe.ParameterKind.keyword_only
            if keyword_only
            else griffe.ParameterKind.positional_or_keyword
        )
        parameters.append(
            griffe.Parameter(
                name,
                annotation=member.annotation,
                kind=kind,
                default=default,
                docstring=member.docstring,
            )
        )
    return parameters


def _is_pydantic_model(cls: griffe.Class) -> bool:
    for base in cls.bases:
        if isinstance(base, griffe.Expr) and base.canonical_path in _PYDANTIC_BASES:
            return True
    return any(
        _is_pydantic_model(base) for base in cls.resolved_bases if isinstance(base, griffe.Class)
    )


def _pydantic_parameters(cls: griffe.Class) -> list[griffe.Parameter]:
    """Keyword-only parameters, one per field, the inherited ones first."""
    parameters: dict[str, griffe.Parameter] = {}
    for base in cls.resolved_bases:
        if isinstance(base, griffe.Class):
            parameters.update((p.name, p) for p in _pydantic_parameters(base))
    for member, call_args in _fields(cls):
        if member.name.startswith("_"):
            continue  # a private attribute, not a field
        value = member.value
        default: str | griffe.Expr | None = value
        if isinstance(value, griffe.ExprCall) and value.canonical_path in {
            "pydantic.Field",
            "pydantic.fields.Field",
        }:
            default = call_args.get("default")
            if "default_factory" in call_args:
                default = f"{call_args['default_factory']}()"
        parameters[member.name] = griffe.Parameter(
            member.name,
            annotation=member.annotation,
            kind=griffe.ParameterKind.keyword_only,
            default=default,
            docstring=member.docstring,
        )
    return list(parameters.values())


class GeneratedInit(griffe.Extension):
    """Give attrs classes and pydantic models the ``__init__`` they get at run time.

    Griffe reads source statically and knows dataclasses but neither attrs nor
    pydantic, so an ``@attrs.frozen`` class or a model would show no signature
    and its ``Args:`` section would be reported as documenting unknown
    parameters.
    """

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        """Add the generated ``__init__``; read ``Example:`` as ``Examples:``."""
        for obj in _objects(pkg):
            if obj.docstring is not None:
                obj.docstring.value = _EXAMPLE_HEADING.sub(r"\1Examples:", obj.docstring.value)
        for cls in _classes(pkg):
            if "__init__" in cls.members:
                continue
            decorator = _attrs_decorator(cls)
            if decorator is not None:
                args = _call_kwargs(decorator)
                if args.get("init") == "False":
                    continue
                params = _attrs_parameters(cls, kw_only=args.get("kw_only") == "True")
            elif _is_pydantic_model(cls):
                params = _pydantic_parameters(cls)
            else:
                continue
            positional = [p for p in params if p.kind is not griffe.ParameterKind.keyword_only]
            keyword = [p for p in params if p.kind is griffe.ParameterKind.keyword_only]
            init = griffe.Function(
                "__init__",
                lineno=0,
                endlineno=0,
                parent=cls,
                parameters=griffe.Parameters(
                    griffe.Parameter("self", kind=griffe.ParameterKind.positional_or_keyword),
                    *positional,
                    *keyword,
                ),
                returns="None",
            )
            cls.set_member("__init__", init)


def _objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    yield obj
    for member in obj.members.values():
        if not member.is_alias and isinstance(member, griffe.Object):
            yield from _objects(member)


def _classes(obj: griffe.Module | griffe.Class) -> Iterator[griffe.Class]:
    for member in obj.members.values():
        if member.is_alias:
            continue
        if isinstance(member, griffe.Class):
            yield member
            yield from _classes(member)
        elif isinstance(member, griffe.Module):
            yield from _classes(member)


# --------------------------------------------------------------------------
# Docstring checks
# --------------------------------------------------------------------------


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@dataclass
class Report:
    """The problems found, in the order found."""

    problems: list[str] = field(default_factory=list)
    checked: set[str] = field(default_factory=set)

    def add(self, message: str) -> None:
        """Record one problem."""
        self.problems.append(message)


def load_package(package: str = PACKAGE, search_path: Path = ROOT / "src") -> griffe.Module:
    """Load ``package`` statically, the way mkdocstrings does."""
    loaded = griffe.load(
        package,
        search_paths=[search_path],
        extensions=griffe.load_extensions(GeneratedInit),
        docstring_parser="google",
        resolve_aliases=True,
        resolve_external=False,
    )
    if not isinstance(loaded, griffe.Module):
        raise TypeError(f"{package!r} is not a module")
    return loaded


def public_modules(module: griffe.Module) -> Iterator[griffe.Module]:
    """The module and its submodules whose dotted path has no ``_`` part."""
    if any(part.startswith("_") for part in module.path.split(".")):
        return
    yield module
    for sub in sorted(module.modules.values(), key=lambda m: m.path):
        if not sub.is_alias:
            yield from public_modules(sub)


def _parse(obj: griffe.Object, where: str, report: Report, sink: _Collect) -> None:
    if obj.docstring is None:
        return
    sink.messages.clear()
    obj.docstring.parse("google")
    report.problems.extend(f"{where}: {msg}" for msg in sink.messages)


def _check_documented(
    obj: griffe.Object, where: str, report: Report, sink: _Collect, *, example: bool
) -> None:
    doc = obj.docstring.value if obj.docstring else ""
    if not doc.strip():
        report.add(f"{where}: no docstring")
    elif example and EXAMPLE_MARK not in doc:
        report.add(f"{where}: docstring has no '>>>' example")
    _parse(obj, where, report, sink)


def _check_export(obj: griffe.Object, where: str, report: Report, sink: _Collect) -> None:
    if obj.path in report.checked:
        return
    report.checked.add(obj.path)
    if isinstance(obj, griffe.Attribute):
        # Constants and type aliases: a docstring, an example is optional.
        _check_documented(obj, where, report, sink, example=False)
        return
    _check_documented(obj, where, report, sink, example=True)
    if not isinstance(obj, griffe.Class):
        return
    for name, member in obj.members.items():
        if isinstance(member, griffe.Alias):
            continue
        if name.startswith("_"):
            if name == "__init__" and isinstance(member, griffe.Function):
                _parse(member, f"{where}.__init__", report, sink)
            continue
        is_method = isinstance(member, griffe.Function)
        is_property = isinstance(member, griffe.Attribute) and "property" in member.labels
        if is_method or is_property:
            _check_documented(member, f"{where}.{name}", report, sink, example=True)


def check_docstrings(package: griffe.Module, report: Report) -> None:
    """Check the docstrings of every public module and of what it exports."""
    sink = _Collect()
    logger = logging.getLogger("griffe")
    logger.addHandler(sink)
    try:
        for module in public_modules(package):
            _check_module(module, report, sink)
    finally:
        logger.removeHandler(sink)


def _check_module(module: griffe.Module, report: Report, sink: _Collect) -> None:
    _check_documented(module, module.path, report, sink, example=False)
    if module.exports is None:
        report.add(f"{module.path}: no __all__")
        return
    for export in module.exports:
        name = str(export)
        where = f"{module.path}.{name}"
        member = module.members.get(name)
        if member is None:
            report.add(f"{where}: listed in __all__ but not defined")
            continue
        target: griffe.Object | griffe.Alias = member
        if isinstance(member, griffe.Alias):
            try:
                target = member.final_target
            except griffe.AliasResolutionError:
                report.add(f"{where}: cannot resolve {member.target_path!r}")
                continue
        if isinstance(target, griffe.Object):
            _check_export(target, where, report, sink)


def _all_objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    """``obj`` and every object defined under it, private modules included."""
    yield obj
    for member in obj.members.values():
        if not member.is_alias and isinstance(member, griffe.Object):
            yield from _all_objects(member)


def _shown(package: griffe.Module) -> set[str]:
    """The canonical paths of what the public modules export: what the reference shows."""
    shown = set()
    for module in public_modules(package):
        for export in module.exports or ():
            member = module.members.get(str(export))
            try:
                target = member.final_target if isinstance(member, griffe.Alias) else member
            except griffe.AliasResolutionError:
                continue
            if target is not None:
                shown.add(target.path)
    return shown


def _unresolved(package: griffe.Module, path: str, shown: set[str]) -> str | None:
    """Why the docs build cannot resolve a cross-reference to ``path``, or None."""
    rest = path.partition(".")[2]
    try:
        found = package[rest] if rest else package
        target = found.final_target if isinstance(found, griffe.Alias) else found
    except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return "is not an object of the package"
    if isinstance(target, griffe.Module):
        return None
    if path != target.path:
        owner = path.rpartition(".")[0].partition(".")[2]
        if not isinstance(package[owner] if owner else package, griffe.Module):
            return f"is a member reached through a re-export; write {target.path!r}"
    top: griffe.Object = target
    while top.parent is not None and not isinstance(top.parent, griffe.Module):
        top = top.parent
    if top.path not in shown:
        return "is not exported by a public module, so the reference does not show it"
    if target.docstring is None or not target.docstring.value.strip():
        return "has no docstring, so the reference does not show it"
    return None


def check_markup(package: griffe.Module, report: Report) -> None:
    """No docstring holds reST markup, and every cross-reference names a shown object."""
    shown = _shown(package)
    for obj in _all_objects(package):
        if obj.docstring is None:
            continue
        text = obj.docstring.value
        where = obj.path
        report.problems.extend(
            f"{where}: reST role {role!r} prints literally; write [`name`][{package.name}.path]"
            for role in _REST_ROLE.findall(text)
        )
        if _REST_TABLE.search(text):
            report.add(f"{where}: a reST table prints literally; write a Markdown | table |")
        if _REST_LITERAL.search(text):
            report.add(f"{where}: a reST '::' literal block prints literally; fence it with ```")
        for target in _CROSSREF.findall(text):
            if target.split(".")[0] != package.name:
                continue
            why = _unresolved(package, target, shown)
            if why is not None:
                report.add(f"{where}: cross-reference target {target!r} {why}")


def check_site(site: Path) -> list[str]:
    """Markup that printed literally in the built pages, one problem per page and kind."""
    problems = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text("utf-8")
        name = page.relative_to(site).as_posix()
        roles = _SITE_ROLE.findall(html)
        if roles:
            problems.append(f"site/{name}: {len(roles)} reST role(s) printed literally")
        if _SITE_TABLE.search(html):
            problems.append(f"site/{name}: a reST table printed literally")
    return problems


# --------------------------------------------------------------------------
# Reference pages and navigation
# --------------------------------------------------------------------------


def reference_page(module_path: str, *, package: str = PACKAGE, is_package: bool) -> Path:
    """Where the reference page of a module lives, relative to ``docs/``."""
    parts = module_path.split(".")[1:] if module_path.startswith(package) else []
    if is_package:
        return Path("reference", *parts, "index.md")
    return Path("reference", *parts).with_suffix(".md")


def check_reference_pages(package: griffe.Module, docs: Path, report: Report) -> None:
    """Every public module has a page with a ``::: module`` directive."""
    for module in public_modules(package):
        page = reference_page(module.path, package=package.path, is_package=module.is_init_module)
        directive = f"::: {module.path}"
        path = docs / page
        if not path.is_file():
            report.add(
                f"docs/{page}: missing; create it with '# `{module.path}`' and '{directive}'"
            )
        elif directive not in (line.strip() for line in path.read_text("utf-8").splitlines()):
            report.add(f"docs/{page}: has no '{directive}' line")


def _nav_files(nav: object) -> Iterator[str]:
    if isinstance(nav, str):
        if not nav.startswith(("http://", "https://")):
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_files(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_files(value)


def check_nav(config_file: Path, docs: Path, report: Report) -> None:
    """The nav lists every page under ``docs/`` and only pages that exist."""
    config = yaml.safe_load(config_file.read_text("utf-8"))
    listed = set(_nav_files(config.get("nav", [])))
    present = {p.relative_to(docs).as_posix() for p in docs.rglob("*.md")}
    report.problems.extend(
        f"docs/{page}: not in the nav of {config_file.name}" for page in sorted(present - listed)
    )
    report.problems.extend(
        f"{config_file.name}: nav names docs/{page}, which does not exist"
        for page in sorted(listed - present)
    )


# --------------------------------------------------------------------------
# Entry point
# --------------------------------------------------------------------------


def run_checks(root: Path = ROOT, package_name: str = PACKAGE) -> list[str]:
    """All the checks above on the project at ``root``; the problems found."""
    report = Report()
    package = load_package(package_name, root / "src")
    check_docstrings(package, report)
    check_markup(package, report)
    check_reference_pages(package, root / "docs", report)
    check_nav(root / "mkdocs.yml", root / "docs", report)
    return report.problems


def build_site(root: Path = ROOT) -> int:
    """Build ``site/`` with ``zensical build --strict``; its exit status."""
    shutil.rmtree(root / "site", ignore_errors=True)
    command = [sys.executable, "-m", "zensical", "build", "--strict", "--clean"]
    return subprocess.run(command, cwd=root, check=False).returncode


def main(argv: Sequence[str] | None = None) -> int:
    """Run the checks, then (unless ``--check-only``) build the site."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check-only", action="store_true", help="skip the site build")
    args = parser.parse_args(argv)
    problems = run_checks()
    if problems:
        print(f"docs: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print("docs: docstrings, reference pages and nav are complete")
    if args.check_only:
        return 0
    status = build_site()
    if status != 0:
        print(f"docs: zensical build --strict failed (exit {status})", file=sys.stderr)
        return status
    literal = check_site(ROOT / "site")
    if literal:
        print(f"docs: {len(literal)} page(s) show markup literally:", file=sys.stderr)
        for problem in literal:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print("docs: no literal reST markup in the built pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
