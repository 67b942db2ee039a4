# Size: the whole `antq` command line: one argparse parser, one handler per command and the
# error reporting they share (exit codes, one line per problem); every command imports its layer
# lazily, and much of the length is help text and docstrings with examples.
"""The ``antq`` command line: check, summarise, tidy, compare and extract reports.

An edge layer over the library, built on `argparse` only. Every
subcommand has ``--help``:

```text
antq validate FILE              findings of every check; exit 1 on errors
antq summary FILE               the report as text
antq schema                     the JSON Schema of a report file
antq tidy FILE [--format csv|jsonl|xlsx] [--output PATH] [--no-spreadsheet-safe]
antq compare CURRENT PREVIOUS   per-indicator changes, unclean ones flagged
antq rollup FILE --to LEVEL [--period ID] [--restated] [--leave-out-bad-rows]
                                a file of figures rolled up in one streaming pass
antq extract FILE [--format rows|json|report] [--place CODE] [--period ID]
             [--no-spreadsheet-safe]
```

Every command takes ``--lang vi|en`` (also before the command), the
language of everything the run writes, and ``-`` as FILE for standard
input; every ``--help`` ends with examples.

``FILE`` is a report (``.json``) or, where a command works on figures alone
(``validate``, ``tidy``, ``compare``), a file of observations (``.csv``,
``.jsonl``). Exit codes: ``0`` success, ``1`` the report has error findings
(``validate``), ``2`` a usage or input error (missing file, invalid JSON,
unknown field...). Input errors are written to stderr as one line per
problem, never as a traceback. Output is UTF-8 whatever the locale.

The analysis and extraction layers are imported by the commands that use
them, so the other commands run without them.

Example:
    >>> from antq_domain.cli import main
    >>> main(["--version"])
    antq 0...
    0
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import importlib
import io
import json
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from antq_domain import __version__
from antq_domain._disk import escape_cell, os_reason, read_text
from antq_domain.display import summary_text, t
from antq_domain.errors import AntqError, FileError, InvariantError, RecordError
from antq_domain.io import (
    FileFormat,
    files,
    load_report,
    read_observations,
    report_json,
    report_schema,
    write_observations,
)
from antq_domain.io.reports import report_from_text
from antq_domain.records import (
    MovementReport,
    Observation,
)
from antq_domain.records.places import Registry, load_registry, registry
from antq_domain.values import Lang, Period

if TYPE_CHECKING:  # pragma: no cover - analysis is imported when a command needs it
    from antq_domain.analysis.comparison import Comparison

__all__ = ["build_parser", "comparison_text", "main", "summary_text"]

PROG = "antq"
_OBSERVATION_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".xlsx")
_MAX_PROBLEM = 400  # characters of one problem line on stderr (pydantic echoes inputs)

Handler = Callable[[argparse.Namespace, TextIO], int]


class _UsageError(Exception):
    """A command-line mistake found after parsing (exit code 2)."""


class _ArgumentsError(Exception):
    """A command line argparse refused: the (sub)parser and argparse's message."""

    def __init__(self, parser: argparse.ArgumentParser, message: str) -> None:
        super().__init__(message)
        self.parser = parser
        self.message = message


class _Parser(argparse.ArgumentParser):
    """An argument parser whose refusals `main` reports in the run's language."""

    def error(self, message: str) -> NoReturn:
        raise _ArgumentsError(self, message)


# argparse's messages (Python 3.11 to 3.13), in Vietnamese; any other stays as argparse says it
_ARGPARSE_VI = [
    (r"the following arguments are required: (.+)", r"thiếu tham số bắt buộc: \1"),
    (
        r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)",
        r"tham số \1: lựa chọn không hợp lệ: \2 (chọn một trong \3)",
    ),
    (r"unrecognized arguments: (.+)", r"không nhận ra tham số: \1"),
    (r"argument (\S+): expected one argument", r"tham số \1: cần một giá trị"),
    (r"argument (\S+): expected at most one argument", r"tham số \1: nhiều nhất một giá trị"),
    (r"argument (\S+): not allowed with argument (\S+)", r"tham số \1: không dùng cùng \2"),
    (r"ambiguous option: (\S+) could match (.+)", r"tùy chọn mơ hồ: \1 có thể là \2"),
    (r"argument (\S+): ignored explicit argument (.+)", r"tham số \1: bỏ qua giá trị \2"),
]


def _argparse_text(message: str, lang: Lang) -> str:
    """The refusal of argparse in ``lang``.

    Example:
        >>> _argparse_text("the following arguments are required: FILE", "vi")
        'thiếu tham số bắt buộc: FILE'
    """
    if lang == "vi":
        for pattern, words in _ARGPARSE_VI:
            if re.fullmatch(pattern, message):
                return re.sub(pattern, words, message)
    return message


def _requested_lang(argv: Sequence[str]) -> Lang:
    """The ``--lang`` of a command line argparse may refuse (the last one given; default vi)."""
    lang: Lang = "vi"
    for i, arg in enumerate(argv):
        value = argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg[7:]
        if (arg == "--lang" or arg.startswith("--lang=")) and value in ("vi", "en"):
            lang = "en" if value == "en" else "vi"
    return lang


def _usage(parser: argparse.ArgumentParser, lang: Lang) -> str:
    """The usage lines of ``parser``, headed "cách dùng:" in Vietnamese."""
    if lang == "en":
        return parser.format_usage()
    # argparse's own way to format usage, with the head word in Vietnamese
    formatter = parser._get_formatter()
    formatter.add_usage(
        parser.usage, parser._actions, parser._mutually_exclusive_groups, prefix="cách dùng: "
    )
    return formatter.format_help()


# -- the comparison ---------------------------------------------------------------
def comparison_text(comparison: Comparison, lang: Lang = "vi") -> str:
    """The lines of a comparison: one per figure and per ratio, unclean ones flagged ``!``.

    A line starts with ``!`` when the change is not an exact number (a side is missing, not
    reported, or "hơn"/"khoảng"), followed by the reason. Everything is in ``lang``: figures by
    their labels, places by their names ([`text`][antq_domain.analysis.comparison.Comparison.text]).

    Args:
        comparison: the result of [`compare`][antq_domain.analysis.comparison.compare].
        lang: ``"vi"`` or ``"en"``.

    Example:
        >>> from antq_domain.analysis.comparison import compare
        >>> from antq_domain.io import from_tidy
        >>> def rows(period, received, valuable):
        ...     return from_tidy([
        ...         {"indicator": "tips.received", "place": "62", "period": period,
        ...          "value": received},
        ...         {"indicator": "tips.valuable", "place": "62", "period": period,
        ...          "value": valuable, "qualifier": "more_than"}])
        >>> print(comparison_text(compare(rows("2023", 726, 655), rows("2022", 600, 480)), "en"))
        Changes (previous → current):
          Security and order tips from the public (Tỉnh Kon Tum): 600 → 726: +126 (+21.0%)
        ! Valuable tips (Tỉnh Kon Tum): more than 480 → more than 655: not a clean change: ...
        Ratios, from their parts:
        ! Share of valuable tips (Tỉnh Kon Tum): more than 80.0% (480/600) → more than ...
        2 changes, 1 not clean; 1 ratio
    """
    return comparison.text(lang)


# -- reading inputs -----------------------------------------------------------------
STDIN = "-"
"""The file name that means standard input."""

_TEXT_SUFFIXES = (".txt", ".md", ".text")


def _stdin_text() -> str:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read()
    return data.decode("utf-8") if isinstance(data, bytes) else data


def _load(
    path: str, lang: Lang = "vi", *, spreadsheet_safe: bool = True, command: str = ""
) -> MovementReport | list[Observation]:
    """A report (``.json``) or the observations of a ``.csv``/``.jsonl`` file; ``-`` is stdin.

    From stdin, a JSON object is a report; otherwise the text is JSON Lines
    when its first line is an object, else CSV.
    """
    if path == STDIN:
        return _load_text(_stdin_text())
    suffix = Path(path).suffix.lower()
    if suffix in _OBSERVATION_SUFFIXES:
        return _read_figures(Path(path), spreadsheet_safe=spreadsheet_safe, command=command)
    if suffix in _TEXT_SUFFIXES:
        raise _UsageError(_text_not_report(path, lang))
    return load_report(path)


def _read_figures(path: Path, *, spreadsheet_safe: bool, command: str) -> list[Observation]:
    """The observations of a file of figures (`read_observations`).

    A large CSV file is read in columns by the bulk reader (the ``bulk``
    extra: the same checks, the same errors word for word), with a progress
    line on stderr on a terminal when it takes long.
    """
    try:
        large = path.suffix.lower() == ".csv" and path.stat().st_size >= files.BULK_FROM_BYTES
    except OSError:
        large = False  # the reader says what is wrong with the path
    with _progress_if(large, command) as step:
        step("reading")
        return read_observations(path, spreadsheet_safe=spreadsheet_safe)


def _load_report(path: str, lang: Lang) -> MovementReport:
    """A report, from a ``.json`` file or stdin; a text or figures file gets a hint."""
    suffix = "" if path == STDIN else Path(path).suffix.lower()
    if suffix in _OBSERVATION_SUFFIXES:
        raise _UsageError(
            t(
                lang,
                f"{path} chứa số liệu, không phải báo cáo: dùng `{PROG} validate {path}` "
                f"hoặc `{PROG} tidy {path}`",
                f"{path} holds figures, not a report: use `{PROG} validate {path}` "
                f"or `{PROG} tidy {path}`",
            )
        )
    loaded = _load(path, lang)
    if not isinstance(loaded, MovementReport):
        raise _UsageError(
            t(lang, "dữ liệu vào không phải một báo cáo", "the input is not a report")
        )
    return loaded


def _text_not_report(path: str, lang: Lang) -> str:
    return t(
        lang,
        f"{path} là văn bản, không phải báo cáo: đọc nó bằng "
        f"`{PROG} extract {path} --format report > report.json`, "
        f"rồi `{PROG} summary report.json`",
        f"{path} is text, not a report: read it with "
        f"`{PROG} extract {path} --format report > report.json`, "
        f"then `{PROG} summary report.json`",
    )


def _load_text(text: str) -> MovementReport | list[Observation]:
    head = text.lstrip("\ufeff \t\r\n")
    first_line = head.split("\n", 1)[0].strip()
    if head.startswith("{") and not (first_line.endswith("}") and "\n" in head.strip()):
        # the same screen as a report file: repeated keys, nesting, digits
        return report_from_text(text, record="stdin")
    suffix = ".jsonl" if first_line.startswith("{") else ".csv"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"stdin{suffix}"
        path.write_text(text, encoding="utf-8")
        return read_observations(path)


def _lazy(module: str, name: str, command: str, lang: Lang = "en") -> Any:
    """Import ``name`` from ``module`` at run time, or fail with a clear usage error."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        raise _UsageError(
            t(
                lang,
                f"'{PROG} {command}' chưa dùng được: bản cài đặt này thiếu {module}.{name}",
                f"'{PROG} {command}' is not available yet: {module}.{name} is missing "
                "from this installation",
            )
        ) from None


# -- commands -----------------------------------------------------------------------
def _cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    validate = _lazy("antq_domain.analysis.validation", "validate", "validate", args.lang)
    subject = _load(args.file, args.lang, command="validate")
    with _progress_if(_many(subject), "validate") as step:
        step("checking")
        result = validate(subject)
    findings = list(getattr(result, "findings", result))
    errors = sum(1 for f in findings if f.severity.value == "error")
    warnings = sum(1 for f in findings if f.severity.value == "warning")
    infos = len(findings) - errors - warnings
    lang: Lang = args.lang
    for finding in findings:
        print(finding.render(lang), file=out)
    if lang == "vi":
        tail = f"{errors} lỗi, {warnings} cảnh báo, {infos} thông tin"
    else:
        tail = (
            f"{errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}, {infos} info"
        )
    print(f"{args.file}: {tail}", file=out)
    return 1 if errors else 0


def _cmd_summary(args: argparse.Namespace, out: TextIO) -> int:
    report = _load_report(args.file, args.lang)
    print(summary_text(report, args.lang), file=out)
    return 0


def _cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    print(json.dumps(report_schema(), ensure_ascii=False, indent=2), file=out)
    return 0


def _observations_of(subject: MovementReport | list[Observation]) -> list[Observation]:
    return list(subject.observations) if isinstance(subject, MovementReport) else subject


def _cmd_tidy(args: argparse.Namespace, out: TextIO) -> int:
    safe: bool = args.spreadsheet_safe
    observations = _observations_of(
        _load(args.file, args.lang, spreadsheet_safe=safe, command="tidy")
    )
    if args.output is not None:
        with _progress_if(_many(observations), "tidy") as step:
            step("writing")
            write_observations(observations, args.output, format=args.format, spreadsheet_safe=safe)
        return 0
    # the same bytes as --output: write with the library, then copy to stdout
    fmt: FileFormat = args.format or "csv"
    if fmt == "xlsx":
        raise _UsageError(
            t(
                args.lang,
                "--format xlsx cần --output TỆP.xlsx (bảng tính không in ra màn hình được)",
                "--format xlsx needs --output FILE.xlsx (a workbook is not text to print)",
            )
        )
    with tempfile.TemporaryDirectory() as tmp:
        with _progress_if(_many(observations), "tidy") as step:
            step("writing")
            path = write_observations(
                observations, Path(tmp) / f"rows.{fmt}", format=fmt, spreadsheet_safe=safe
            )
        with path.open(encoding="utf-8", newline="") as fh:
            out.write(fh.read())
    return 0


def _cmd_compare(args: argparse.Namespace, out: TextIO) -> int:
    compare = _lazy("antq_domain.analysis.comparison", "compare", "compare", args.lang)
    if args.current == STDIN and args.previous == STDIN:
        raise _UsageError(
            t(args.lang, "chỉ một bên có thể đọc từ stdin (-)", "only one side can be stdin (-)")
        )
    try:
        comparison = compare(_load(args.current, args.lang), _load(args.previous, args.lang))
    except InvariantError as exc:
        if exc.field not in ("current", "previous"):
            raise
        cell = exc.value
        raise _UsageError(
            t(
                args.lang,
                f"{getattr(cell, 'vi', cell)}: mỗi chỉ tiêu, địa bàn và phân tổ chỉ được một kỳ; "
                f"tổng hợp trước bằng `{PROG} rollup`",
                f"{getattr(cell, 'en', cell)}: one period per indicator, place and dims; "
                f"roll them up first with `{PROG} rollup`",
            )
        ) from None
    print(comparison_text(comparison, args.lang), file=out)
    return 0


def _write_rows(rows: Iterable[dict[str, Any]], out: TextIO, *, spreadsheet_safe: bool) -> None:
    rows = list(rows)
    columns = list(dict.fromkeys(key for row in rows for key in row))
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    cell = escape_cell if spreadsheet_safe else str
    for row in rows:
        writer.writerow({k: ("" if v is None else cell(str(v))) for k, v in row.items()})
    out.write(buffer.getvalue())


def _extract_hints(extraction: Any, lang: Lang) -> list[str]:
    """What the text did not say, as command-line advice (``--place``, ``--period``)."""
    hints: list[str] = []
    candidates = getattr(extraction, "place_candidates", ())
    if getattr(extraction, "place", None) is None and candidates:
        options = " | ".join(f"--place {code}" for code in candidates)
        hints.append(
            t(
                lang,
                f"không rõ địa bàn: tên địa bàn trong văn bản ứng với nhiều đơn vị; thêm {options}",
                f"no place: a place name in the text fits several units; add {options}",
            )
        )
    elif getattr(extraction, "place", None) is None:
        hints.append(
            t(
                lang,
                "không rõ địa bàn: thêm --place MÃ (vd. --place 62) "
                "hoặc ghi tên địa bàn trong văn bản",
                "no place: add --place CODE (e.g. --place 62) or name the place in the text",
            )
        )
    if getattr(extraction, "period", None) is None:
        hints.append(
            t(
                lang,
                "không rõ kỳ báo cáo: thêm --period KỲ (vd. --period 2023) "
                "hoặc ghi kỳ trong văn bản",
                "no period: add --period ID (e.g. --period 2023) or state it in the text",
            )
        )
    return hints


def _cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    extract_report = _lazy("antq_domain.extract", "extract_report", "extract", args.lang)
    if args.file == STDIN:
        text = _stdin_text()
    else:
        text = read_text(Path(args.file), record=Path(args.file).name, field="file")
    place = args.place
    if place is not None:
        # a code or a name ("Kon Tum", "tỉnh Kon Tum", "TP.HCM"), as of the period if given
        during = Period.parse(args.period) if args.period is not None else None
        place = registry().place(place, during=during, field="--place").code
    extraction = extract_report(text, place=place, period=args.period)
    hints = _extract_hints(extraction, args.lang)
    if args.format == "report":
        if extraction.report is None:
            raise _UsageError(
                t(args.lang, "chưa lập được báo cáo: ", "no report could be built: ")
                + "; ".join(hints)
            )
        print(report_json(extraction.report), file=out)
    elif args.format == "json":
        print(extraction.to_json(), file=out)
    else:
        _write_rows(extraction.to_rows(), out, spreadsheet_safe=args.spreadsheet_safe)
    for hint in hints if args.format != "report" else ():
        print(f"{PROG} extract: {t(args.lang, 'lưu ý', 'note')}: {hint}", file=sys.stderr)
    return 0


def _latest_change(reg: Registry) -> date:
    """The last day the register records a change on (the tree as the register knows it)."""
    days = [p.valid_from for p in reg if p.valid_from is not None]
    days += [p.valid_to for p in reg if p.valid_to is not None]
    return max(days, default=date(1945, 9, 2))


@contextlib.contextmanager
def _progress(command: str) -> Iterator[Callable[[str], None]]:
    """A progress line on stderr for a long step: shown after two seconds, only on a terminal.

    The bulk scan is one call into polars, so the line shows the step and the
    time it has taken (nothing pretends to know the fraction done). Without
    tqdm (the ``bulk`` extra installs it) nothing is shown.
    """
    try:
        from tqdm import tqdm  # noqa: PLC0415 - an optional dependency, for this command only
    except ImportError:  # pragma: no cover - installed with the bulk extra
        yield lambda _: None
        return
    bar = tqdm(
        total=None,
        desc=f"{PROG} {command}",
        bar_format="{desc}: {elapsed}",
        delay=2.0,
        disable=None,  # None: off when stderr is not a terminal
        file=sys.stderr,
        leave=False,
    )
    stop = threading.Event()

    def tick() -> None:
        while not stop.wait(0.5):
            bar.update(0)  # shows the line once the delay has passed, then keeps it fresh

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        yield lambda step: bar.set_description_str(f"{PROG} {command}: {step}", refresh=False)
    finally:
        stop.set()
        ticker.join()
        bar.close()


_MANY = 10_000  # observations: a run that may take seconds gets a progress line


def _many(subject: MovementReport | list[Observation]) -> bool:
    return isinstance(subject, list) and len(subject) >= _MANY


def _progress_if(wanted: bool, command: str) -> contextlib.AbstractContextManager[Any]:
    """`_progress` for a long run; nothing (not even tqdm's import) for a short one."""
    return _progress(command) if wanted else contextlib.nullcontext(lambda _: None)


def _cmd_rollup(args: argparse.Namespace, out: TextIO) -> int:
    scan_rollups = _lazy("antq_domain.bulk", "scan_rollups", "rollup", args.lang)
    lang: Lang = args.lang
    if args.file == STDIN:
        raise _UsageError(
            t(lang, "rollup đọc một tệp CSV, không đọc stdin", "rollup reads a CSV file, not stdin")
        )
    reg = load_registry(args.registry) if args.registry is not None else registry()
    target = Period.parse(args.period) if args.period is not None else None
    view = "restated" if args.restated else "as_of"
    if target is None and args.as_of is None and not args.restated:
        raise _UsageError(
            t(
                lang,
                "không có --period thì cần --as-of (ngày của cây địa bàn dùng để tổng hợp)",
                "without --period, give --as-of (the day of the tree the rollup uses)",
            )
        )
    if args.as_of is not None:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            raise InvariantError(
                "as_of",
                args.as_of,
                "a date such as 2025-07-01",
                expected_vi="một ngày dạng NNNN-TT-NN, ví dụ 2025-07-01",
            ) from None
    elif args.restated or target is None:
        as_of = _latest_change(reg)
    else:
        as_of = target.end
    with _progress("rollup") as step:
        scanned = scan_rollups(
            args.file,
            to=[args.to],
            period=target,
            registry=reg,
            as_of=as_of,
            view=view,
            missing=args.missing,
            bad_rows="leave_out" if args.leave_out_bad_rows else "raise",
            progress=step,
        )
    (result,) = scanned.rollups
    if args.format == "text":
        # names, labels and what is missing: "ít nhất … (chưa đủ số liệu: 8/10 …)"
        print(result.text(lang), file=out)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            path = write_observations(list(result.observations), Path(tmp) / "rollup.csv")
            with path.open(encoding="utf-8", newline="") as fh:
                out.write(fh.read())
    for loc, msg in scanned.left_out_text(lang):
        left = t(lang, "bỏ ra", "left out")
        print(_problem_line(f"{PROG} rollup: {left}: {loc}: {msg}"), file=sys.stderr)
    rows = len({loc.split(".")[0] for loc, _ in scanned.left_out})
    incomplete = sum(1 for c in result.cells if not c.is_complete)
    print(
        t(
            lang,
            f"{args.file}: {len(result.cells)} ô ({incomplete} chưa đủ số liệu), "
            f"{result.tree_text(lang)}, {rows} dòng bị bỏ ra",
            f"{args.file}: {len(result.cells)} cells ({incomplete} incomplete), "
            f"{result.tree_text(lang)}, {rows} rows left out",
        ),
        file=sys.stderr,
    )
    return 1 if rows else 0


# -- the parser ---------------------------------------------------------------------
def _version() -> str:
    return f"{PROG} {__version__}"


# the usage examples of each command's --help (command lines: the same in both languages)
_EXAMPLES = {
    "validate": """
  antq validate report.json
  antq validate figures.csv --lang en
  cat report.json | antq validate -""",
    "summary": """
  antq summary report.json
  antq summary report.json --lang en
  antq extract article.txt --place 62 --format report | antq summary -""",
    "schema": """
  antq schema > report.schema.json""",
    "tidy": """
  antq tidy report.json
  antq tidy report.json --format jsonl
  antq tidy report.json -o figures.csv""",
    "compare": """
  antq compare report-2023.json report-2022.json
  antq compare figures-2023.csv figures-2022.csv --lang en""",
    "rollup": """
  antq rollup figures.csv --to province --period 2023 > provinces.csv
  antq rollup figures.csv --to nation --period 2023 --leave-out-bad-rows
  antq rollup figures.csv --to province --period 2024 --restated --as-of 2025-07-01
  antq rollup figures.csv --to province --period 2023 --format text
  antq rollup figures.csv --to province --as-of 2023-12-31 > provinces-by-month.csv""",
    "extract": """
  antq extract article.txt
  antq extract article.txt --place 62 --period 2023 --format report > report.json
  antq summary report.json
  cat article.txt | antq extract - --format json""",
}

# argparse's own headings in Vietnamese ("options" since Python 3.10, before it the other)
_HEADINGS_VI = {
    "positional arguments": "tham số vị trí",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
}


class _VietnameseHelp(argparse.RawDescriptionHelpFormatter):
    """argparse's help layout, with its own words ("usage:", the headings) in Vietnamese."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "cách dùng: " if prefix is None else prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(_HEADINGS_VI.get(heading or "", heading))


def _new_parser(lang: Lang, **kwargs: Any) -> _Parser:
    """A parser whose argparse words and ``-h`` help are in ``lang``."""
    formatter = _VietnameseHelp if lang == "vi" else argparse.RawDescriptionHelpFormatter
    parser = _Parser(formatter_class=formatter, add_help=False, **kwargs)
    _help_option(parser, lang)
    return parser


def _help_option(p: argparse.ArgumentParser, lang: Lang) -> None:
    """``-h``/``--help``, the option argparse adds itself, with its help in ``lang``."""
    p.add_argument(
        "-h",
        "--help",
        action="help",
        help=t(lang, "in hướng dẫn này rồi thoát", "show this help message and exit"),
    )


def _spreadsheet_safe_option(p: argparse.ArgumentParser, lang: Lang) -> None:
    p.add_argument(
        "--spreadsheet-safe",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=t(
            lang,
            "CSV: thêm dấu ' trước các ô mà bảng tính sẽ chạy như công thức (=, +, -, @, "
            "tab, CR) và trước các ô bắt đầu bằng ', rồi bỏ dấu đó khi đọc (mặc định: bật)",
            "CSV: put a ' before cells a spreadsheet would run as formulas (=, +, -, @, "
            "tab, CR) and before cells starting with ', and remove it when reading "
            "(default: on)",
        ),
    )


def build_parser(lang: Lang = "vi") -> argparse.ArgumentParser:
    """The argument parser of ``antq``, with one subparser per command.

    ``--lang`` may be given before the command (``antq --lang en summary …``)
    or after it; it sets the language of everything the run writes. ``lang``
    is the language of the parser's own texts: ``--help`` and usage lines
    (`main` builds it in the language the command line asks for).

    Example:
        >>> parser = build_parser()
        >>> args = parser.parse_args(["summary", "report.json", "--lang", "en"])
        >>> args.command, args.file, args.lang
        ('summary', 'report.json', 'en')
        >>> parser.parse_args(["--lang", "en", "tidy", "r.json"]).lang
        'en'
        >>> print(build_parser("vi").format_usage().strip())
        cách dùng: antq [-h] [--version] [--lang {vi,en}] COMMAND ...
    """
    examples = t(lang, "ví dụ:", "examples:")
    lang_help = t(
        lang,
        "ngôn ngữ của mọi thứ được in ra, kể cả thông báo lỗi: vi (mặc định) hoặc en",
        "language of everything written, errors too: vi (default) or en",
    )
    parser = _new_parser(
        lang,
        prog=PROG,
        description=t(
            lang,
            "Kiểm tra, tóm tắt, chuyển thành bảng số liệu, so sánh và trích xuất báo cáo "
            "phong trào toàn dân bảo vệ an ninh Tổ quốc.",
            "Check, summarise, tidy, compare and extract ANTQ movement reports.",
        ),
        epilog=t(
            lang,
            "Mã thoát: 0 thành công, 1 có phát hiện mức lỗi (validate), 2 lỗi cách dùng "
            "hoặc lỗi dữ liệu vào.\nFILE có thể là '-' để đọc từ đầu vào chuẩn.",
            "Exit codes: 0 ok, 1 error findings (validate), 2 usage or input error.\n"
            "FILE may be '-' for standard input.",
        )
        + f"\n\n{examples}\n"
        "  antq summary report.json\n"
        "  antq validate figures.csv --lang en\n"
        "  antq extract article.txt --place 62 --format report > report.json\n"
        "  antq compare report-2023.json report-2022.json",
    )
    parser.add_argument(
        "--version",
        action="store_true",
        help=t(lang, "in số phiên bản rồi thoát", "print the version and exit"),
    )
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help=lang_help)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, handler: Handler, summary: tuple[str, str], details: tuple[str, str]
    ) -> argparse.ArgumentParser:
        words = t(lang, *summary)
        p = sub.add_parser(
            name,
            help=words,
            description=f"{words}. {t(lang, *details)}",
            epilog=examples + _EXAMPLES[name],
            formatter_class=parser.formatter_class,
            add_help=False,
        )
        _help_option(p, lang)
        p.set_defaults(handler=handler)
        # after the command too; SUPPRESS keeps a global --lang when this one is absent
        p.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS, help=lang_help)
        return p

    # each text as (vi, en), the order of `t`
    p = command(
        "validate",
        _cmd_validate,
        (
            "Chạy mọi phép kiểm tra trên một báo cáo và in các phát hiện",
            "Run every check on a report and print its findings",
        ),
        (
            (
                "FILE là một báo cáo (.json) hoặc tệp số liệu (.csv, .jsonl), hoặc - để đọc từ "
                "đầu vào chuẩn. Mã thoát 0 khi không phát hiện nào ở mức lỗi, 1 khi có, 2 khi "
                "không đọc được tệp."
            ),
            (
                "FILE is a report (.json) or observations (.csv, .jsonl), or - for stdin. Exit "
                "code 0 when no finding is an error, 1 when some are, 2 when the file cannot be "
                "read."
            ),
        ),
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help=t(
            lang,
            "tệp báo cáo hoặc tệp số liệu, hoặc -",
            "the report or observations file, or -",
        ),
    )

    p = command(
        "summary",
        _cmd_summary,
        ("In bản tóm tắt của một báo cáo", "Print a text summary of a report"),
        (
            (
                "Cơ quan ban hành, địa bàn, kỳ báo cáo, số liệu theo lĩnh vực với các tỷ lệ tính "
                "lại, các bản ghi, hạn chế và phương hướng. Với một bài viết (.txt), chạy "
                "'antq extract' trước."
            ),
            (
                "Issuer, place, period, figures by area with recomputed ratios, records, "
                "limitations and directions. For an article (.txt), run 'antq extract' first."
            ),
        ),
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help=t(
            lang,
            "báo cáo (.json), hoặc - để đọc từ đầu vào chuẩn",
            "the report (.json), or - for stdin",
        ),
    )

    command(
        "schema",
        _cmd_schema,
        ("In JSON Schema của tệp báo cáo", "Print the JSON Schema of a report file"),
        (
            (
                "JSON Schema bản 2020-12, đối tượng đóng (không nhận trường lạ); kiểm tra tệp "
                "báo cáo bằng bất kỳ công cụ JSON Schema nào."
            ),
            "Draft 2020-12, closed objects; validate report files with any JSON Schema tool.",
        ),
    )

    p = command(
        "tidy",
        _cmd_tidy,
        (
            "In bảng số liệu của một báo cáo hoặc tệp số liệu",
            "Print the tidy rows of a report or observations file",
        ),
        (
            "Mỗi số liệu một hàng; CSV (mặc định) hoặc JSON Lines, ra đầu ra chuẩn hoặc --output.",
            "One row per observation; CSV (default) or JSON Lines, to stdout or --output.",
        ),
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help=t(
            lang,
            "một báo cáo (.json) hoặc tệp số liệu (.csv, .jsonl, .xlsx), hoặc -",
            "a report (.json) or observations (.csv, .jsonl, .xlsx), or -",
        ),
    )
    p.add_argument(
        "--format",
        choices=("csv", "jsonl", "xlsx"),
        default=None,
        help=t(
            lang,
            "csv, jsonl hoặc xlsx (cùng --output; cần gói bổ sung 'xlsx') "
            "(mặc định: csv, hoặc theo đuôi tệp của --output)",
            "csv, jsonl or xlsx (with --output; the xlsx extra) "
            "(default: csv, or the suffix of --output)",
        ),
    )
    p.add_argument(
        "--output",
        "-o",
        metavar="PATH",
        default=None,
        help=t(lang, "ghi ra tệp PATH", "write to PATH"),
    )
    _spreadsheet_safe_option(p, lang)

    p = command(
        "compare",
        _cmd_compare,
        ("So sánh số liệu của hai báo cáo", "Compare the figures of two reports"),
        (
            (
                "Thay đổi của từng chỉ tiêu từ PREVIOUS sang CURRENT, tính chính xác, theo tên "
                "chỉ tiêu và tên địa bàn; thay đổi không phải một con số chính xác (một số liệu "
                "'hơn', thiếu một bên) được đánh dấu '!' kèm lý do."
            ),
            (
                "Per-indicator changes from PREVIOUS to CURRENT, exact, by label and place name; "
                "changes that are not an exact number (a 'hơn' figure, a missing side) are "
                "flagged with '!' and the reason."
            ),
        ),
    )
    p.add_argument(
        "current",
        metavar="CURRENT",
        help=t(
            lang,
            "báo cáo hoặc tệp số liệu kỳ này, hoặc -",
            "the current report or observations, or -",
        ),
    )
    p.add_argument(
        "previous",
        metavar="PREVIOUS",
        help=t(lang, "báo cáo hoặc tệp số liệu kỳ trước", "the previous report or observations"),
    )

    p = command(
        "rollup",
        _cmd_rollup,
        (
            "Cộng dồn một tệp số liệu lên một cấp và một kỳ",
            "Roll a file of figures up to a level and a period",
        ),
        (
            (
                "FILE là bảng số liệu (.csv), đọc trong một lượt (hàng triệu hàng với ít bộ nhớ; "
                "cần gói bổ sung 'bulk'). Các ô kết quả được ghi thành bảng số liệu CSV; ô chưa "
                "đủ số liệu là cận dưới ('>=') và không coi số liệu thiếu là 0. Với "
                "--leave-out-bad-rows, các hàng có lỗi được báo ra đầu ra lỗi chuẩn và bị bỏ ra "
                "(mã thoát 1) thay vì dừng cả lượt chạy (mã thoát 2)."
            ),
            (
                "FILE is tidy rows (.csv), read in one streaming pass (millions of rows in little "
                "memory; needs the bulk extra). The output cells are written as tidy CSV; "
                "incomplete cells are lower bounds ('>=') and list nothing as zero. With "
                "--leave-out-bad-rows, rows with problems are reported on stderr and left out "
                "(exit code 1) instead of stopping the run (exit code 2)."
            ),
        ),
    )
    p.add_argument("file", metavar="FILE", help=t(lang, "bảng số liệu (.csv)", "tidy rows (.csv)"))
    p.add_argument(
        "--to",
        required=True,
        help=t(
            lang,
            "một cấp ('nation' toàn quốc, 'province' tỉnh, 'district' huyện, 'commune' xã) "
            "hoặc một mã địa bàn",
            "a level (nation, province, district, commune) or a place code",
        ),
    )
    p.add_argument(
        "--period",
        default=None,
        help=t(
            lang,
            "mã kỳ báo cáo cần tính: 2023, 2023Q2, 2023S1 (không có nó thì giữ mọi kỳ, "
            "và cần --as-of trừ khi có --restated)",
            "the target period id: 2023, 2023Q2, 2023S1 (without it every period is kept, "
            "and --as-of is needed unless --restated)",
        ),
    )
    p.add_argument(
        "--restated",
        action="store_true",
        help=t(
            lang,
            "tính lại số liệu các kỳ trước theo các đơn vị hành chính còn tồn tại vào ngày "
            "--as-of (mặc định: lần thay đổi cuối cùng của danh mục địa bàn)",
            "restate history onto the units alive on --as-of (default: the register's last change)",
        ),
    )
    p.add_argument(
        "--as-of",
        default=None,
        help=t(
            lang,
            "ngày của cây địa bàn được dùng (mặc định: ngày cuối của --period; với "
            "--restated, lần thay đổi cuối cùng của danh mục địa bàn)",
            "the day of the tree used (default: the end of --period; with --restated, "
            "the register's last change)",
        ),
    )
    p.add_argument(
        "--missing",
        choices=("lower_bound", "strict", "ignore"),
        default="lower_bound",
        help=t(
            lang,
            "giá trị của một ô chưa đủ số liệu (mặc định: một cận dưới)",
            "what an incomplete cell holds (default: a lower bound)",
        ),
    )
    p.add_argument(
        "--registry",
        default=None,
        metavar="PATH",
        help=t(
            lang,
            "một danh mục địa bàn (định dạng của load_registry; mặc định: danh mục kèm gói)",
            "a register of places (load_registry format; default: the packaged one)",
        ),
    )
    p.add_argument(
        "--leave-out-bad-rows",
        action="store_true",
        help=t(
            lang,
            "báo các hàng có lỗi và bỏ chúng ra thay vì dừng",
            "report rows with problems and leave them out instead of stopping",
        ),
    )
    p.add_argument(
        "--format",
        choices=("csv", "text"),
        default="csv",
        help=t(
            lang,
            "'csv' (bảng số liệu, mặc định) hoặc 'text' (mỗi ô theo tên chỉ tiêu và tên "
            "địa bàn, ô chưa đủ số liệu nói rõ thiếu gì)",
            "csv (tidy rows, default) or text (each cell by label and place name, "
            "incomplete ones saying what is missing)",
        ),
    )

    p = command(
        "extract",
        _cmd_extract,
        ("Đọc bản nháp báo cáo từ văn bản tiếng Việt", "Read a draft report from Vietnamese text"),
        (
            (
                "Mọi số liệu kèm câu trích dẫn: các hàng dạng CSV (mặc định), toàn bộ kết quả "
                "trích xuất dạng JSON, hoặc bản nháp báo cáo ('--format report') mà 'antq summary' "
                "và 'antq validate' đọc được."
            ),
            (
                "Every figure with its quote: rows as CSV (default), the whole extraction as JSON, "
                "or the draft report (--format report), which 'antq summary' and 'antq validate' "
                "read."
            ),
        ),
    )
    p.add_argument(
        "file",
        metavar="FILE",
        help=t(
            lang,
            "một tệp văn bản UTF-8, hoặc - để đọc từ đầu vào chuẩn",
            "a UTF-8 text file, or - for stdin",
        ),
    )
    p.add_argument(
        "--format",
        choices=("rows", "json", "report"),
        default="rows",
        help=t(
            lang,
            "'rows' (CSV), 'json' (toàn bộ kết quả trích xuất) hoặc 'report' (một tệp báo cáo)",
            "rows (CSV), json (the extraction) or report (a report file)",
        ),
    )
    p.add_argument(
        "--place",
        default=None,
        help=t(
            lang,
            "địa bàn, nếu văn bản không nêu: một mã trong danh mục địa bàn (62) hoặc một tên "
            "('Kon Tum', 'tỉnh Kon Tum', 'TP.HCM'), đọc theo --period",
            "the place, if the text doesn't name it: a register code (62) or a name "
            "('Kon Tum', 'tỉnh Kon Tum', 'TP.HCM'), read as of --period",
        ),
    )
    p.add_argument(
        "--period",
        default=None,
        help=t(
            lang,
            "mã kỳ báo cáo (2023, 2020Q2) nếu văn bản không có",
            "the period id (2023, 2020Q2) if not in the text",
        ),
    )
    _spreadsheet_safe_option(p, lang)
    return parser


# -- running ------------------------------------------------------------------------
def _utf8(stream: TextIO) -> None:
    """Make a text stream write UTF-8 whatever the locale says."""
    encoding = getattr(stream, "encoding", None) or "ascii"
    if isinstance(stream, io.TextIOWrapper) and codecs.lookup(encoding).name != "utf-8":
        stream.reconfigure(encoding="utf-8")


def _problem_line(text: str) -> str:
    one = text.replace("\r", "\\r").replace("\n", "\\n")
    return one if len(one) <= _MAX_PROBLEM else one[: _MAX_PROBLEM - 1] + "…"


def _report_error(command: str, exc: BaseException, lang: Lang = "en") -> None:
    """Write a user error to stderr in ``lang``: a head line, then one line per problem."""
    word = t(lang, "lỗi", "error")
    prefix = f"{PROG} {command}: {word}: " if command else f"{PROG}: {word}: "
    if isinstance(exc, RecordError):
        print(f"{prefix}{exc.head(lang)}", file=sys.stderr)
        for loc, msg in exc.lines(lang):
            print("  " + _problem_line(f"{loc}: {msg}"), file=sys.stderr)
    elif isinstance(exc, FileError) and isinstance(exc.__cause__, OSError):
        reason = _os_reason(exc.__cause__, lang)
        print(_problem_line(f"{prefix}{exc.value}: {reason}"), file=sys.stderr)
    elif isinstance(exc, UnicodeDecodeError):
        print(
            prefix
            + t(
                lang,
                f"tệp không phải văn bản UTF-8 ({exc.reason})",
                f"the file is not UTF-8 text ({exc.reason})",
            ),
            file=sys.stderr,
        )
    elif isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename is not None else ""
        print(_problem_line(f"{prefix}{where}{_os_reason(exc, lang)}"), file=sys.stderr)
    elif isinstance(exc, AntqError):
        print(_problem_line(f"{prefix}{exc.text(lang)}"), file=sys.stderr)
    else:
        print(_problem_line(f"{prefix}{exc}"), file=sys.stderr)


def _os_reason(exc: OSError, lang: Lang) -> str:
    """The operating system's reason, in ``lang`` (its own words when not translated)."""
    return os_reason(exc, lang) if lang == "vi" else str(exc.strerror or exc)


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace | int:
    """The parsed command line, or the exit code of one argparse refused or answered (--help)."""
    try:
        return parser.parse_args(argv)
    except _ArgumentsError as exc:  # a usage error: usage and reason, in the run's language
        lang = _requested_lang(list(sys.argv[1:] if argv is None else argv))
        sys.stderr.write(_usage(exc.parser, lang))
        reason = _argparse_text(exc.message, lang)
        print(f"{exc.parser.prog}: {t(lang, 'lỗi', 'error')}: {reason}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help, which argparse printed
        return exc.code if isinstance(exc.code, int) else 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``antq`` with ``argv`` (default: the process arguments); return the exit code.

    Example:
        >>> main(["schema", "--help", "--lang", "en"])  # doctest: +ELLIPSIS
        usage: antq schema [-h] [--lang {vi,en}]
        ...
        0
    """
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    parser = build_parser(_requested_lang(list(sys.argv[1:] if argv is None else argv)))
    args = _parse(parser, argv)
    if isinstance(args, int):
        return args
    if args.version:
        print(_version(), file=sys.stdout)
        return 0
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        sys.stderr.write(_usage(parser, args.lang))
        print(
            f"{PROG}: {t(args.lang, 'lỗi: cần một lệnh', 'error: a command is required')}",
            file=sys.stderr,
        )
        return 2

    try:
        return handler(args, sys.stdout)
    except BrokenPipeError:
        # the reader went away (`antq tidy r.json | head`): stop quietly, like cat
        _silence_stdout()
        return 0
    except (AntqError, OSError, UnicodeError, csv.Error, RecursionError, _UsageError) as exc:
        # input errors (the library raises AntqError; the others are a safety net so
        # that no input ever produces a traceback): exit 2, one line per problem
        _report_error(args.command, exc, args.lang)
        return 2


def _silence_stdout() -> None:
    # Python flushes stdout at exit; point it at devnull so that flush can't fail again
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a descriptor
        pass
    finally:
        os.close(devnull)


if __name__ == "__main__":
    raise SystemExit(main())
