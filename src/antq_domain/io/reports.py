"""Reports on disk: load, dump and the JSON Schema of a report file."""

from __future__ import annotations

import json
from os import PathLike
from pathlib import Path
from typing import Any

from antq_domain._disk import (
    DuplicateKeyError,
    not_json,
    read_text,
    repeated_key,
    strict_json,
    write_atomic,
)
from antq_domain.errors import Message, ParseError, RecordError
from antq_domain.records.places import Registry
from antq_domain.records.report import MovementReport

__all__ = [
    "REPORT_SCHEMA_ID",
    "dump_report",
    "load_report",
    "report_from_text",
    "report_json",
    "report_schema",
]

REPORT_SCHEMA_ID = "https://antq-domain.invalid/schema/movement-report.json"
"""The ``$id`` of the report schema (a name, not a place to fetch from)."""


def _screen(text: str, record: str) -> None:
    """Refuse, located, what pydantic's JSON parser would accept silently or unboundedly.

    Repeated keys (the last would win: a second ``"observations": []`` would
    empty the report), nesting deeper than the budget, numbers with an
    exponent or too many digits, text fields over the field limit.
    """
    try:
        # texts of any length: a report's texts never become CSV cells (its
        # observations' quote and source are bounded by Observation itself)
        strict_json(text, max_string=None)
    except DuplicateKeyError as exc:
        raise RecordError(record, [(exc.key, repeated_key(exc.key))]) from None
    except json.JSONDecodeError as exc:
        raise RecordError(record, [(f"line {exc.lineno}", not_json(exc))]) from None
    except ParseError as exc:
        raise RecordError(record, [(exc.field, exc)]) from None
    except RecursionError:  # pragma: no cover - strict_json's nesting check stops it first
        deep = Message("JSON nested too deep", "JSON lồng nhau quá sâu")
        raise RecordError(record, [("(file)", deep)]) from None


def load_report(path: str | PathLike[str], *, registry: Registry | None = None) -> MovementReport:
    """Read and validate a report from a JSON file (UTF-8).

    Every problem in the file is listed in one
    [`RecordError`][antq_domain.RecordError] with its location; unknown
    fields are errors, never dropped. A key repeated in one object is an
    error (never "the last one wins"), and so is JSON beyond the budget of
    [`antq_domain.limits`][antq_domain.limits] (nesting, digits, exponents).
    Places are checked against ``registry`` (default: the bundled register): each must be
    a code of a place that existed during its period.

    Raises:
        RecordError: the file is not a valid report (every problem listed).
        FileError: the file cannot be read.

    Example:
        >>> import tempfile, pathlib
        >>> from datetime import date
        >>> r = MovementReport(issuer="BCĐ", place="62", period="2023", as_of=date(2024, 1, 15))
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = dump_report(r, pathlib.Path(tmp) / "r.json")
        ...     load_report(p) == r
        True
    """
    source = Path(path)
    if source.suffix.lower() not in (".json", ""):
        raise ParseError("path", str(source), "a .json file", expected_vi="một tệp .json")
    return report_from_text(
        read_text(source, record=source.name), record=source.name, registry=registry
    )


def report_from_text(text: str, *, record: str, registry: Registry | None = None) -> MovementReport:
    """The report in JSON ``text``, read as [`load_report`][antq_domain.load_report] reads a file.

    The same screen (repeated keys, nesting, digits, exponents)
    and the same validation (places against ``registry``, default: the bundled
    register); problems are raised as one
    [`RecordError`][antq_domain.RecordError] named ``record``.

    Example:
        >>> report_from_text('{"issuer": "x", "issuer": "y"}', record="stdin")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: stdin: 1 problem
          issuer: key 'issuer' repeated: expected once
    """
    _screen(text, record)
    try:
        context = {"registry": registry} if registry is not None else None
        return MovementReport.model_validate_json(text, context=context)
    except RecordError as exc:
        raise RecordError(record, exc.parts) from None


def dump_report(report: MovementReport, path: str | PathLike[str], *, indent: int = 2) -> Path:
    """Write a report as JSON (UTF-8, Vietnamese kept readable) atomically; return the path.

    [`load_report`][antq_domain.load_report] reads it back to an equal report (law 7). The file
    is replaced in one rename: a failed write leaves the old report whole.

    Raises:
        FileError: the file cannot be written.

    Example:
        >>> import tempfile, pathlib
        >>> from datetime import date
        >>> r = MovementReport(issuer="BCĐ", place="62", period="2023", as_of=date(2024, 1, 15))
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     text = dump_report(r, pathlib.Path(tmp) / "r.json").read_text(encoding="utf-8")
        >>> '"period": "2023"' in text
        True
    """
    return write_atomic(Path(path), report_json(report, indent=indent))


def report_json(report: MovementReport, *, indent: int = 2) -> str:
    r"""The file text of a report: JSON, fields at their defaults left out, newline-ended.

    Vietnamese stays readable (no ``\u`` escapes); the text is what
    [`dump_report`][antq_domain.dump_report] writes.

    Example:
        >>> from datetime import date
        >>> r = MovementReport(issuer="BCĐ", place="62", period="2023", as_of=date(2024, 1, 15))
        >>> print(report_json(r, indent=1), end="")
        {
         "issuer": "BCĐ",
         "place": "62",
         "period": "2023",
         "as_of": "2024-01-15"
        }
    """
    data = json.loads(report.model_dump_json(exclude_defaults=True))
    return json.dumps(data, ensure_ascii=False, indent=indent) + "\n"


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a report file.

    Closed objects everywhere (``additionalProperties: false``), value types
    with their own descriptions and patterns, codelists as enums.

    Example:
        >>> schema = report_schema()
        >>> schema["$schema"]
        'https://json-schema.org/draft/2020-12/schema'
        >>> sorted(schema["required"])
        ['as_of', 'issuer', 'period', 'place']
        >>> schema["additionalProperties"]
        False
    """
    schema = MovementReport.model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": REPORT_SCHEMA_ID,
        **schema,
    }
