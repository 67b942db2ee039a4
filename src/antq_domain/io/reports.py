"""Reports on disk: load, dump and the JSON Schema of a report file."""

from __future__ import annotations

import json
from os import PathLike
from pathlib import Path
from typing import Any

from antq_domain.errors import ParseError, RecordError
from antq_domain.records.report import MovementReport

__all__ = ["REPORT_SCHEMA_ID", "dump_report", "load_report", "report_json", "report_schema"]

REPORT_SCHEMA_ID = "https://antq-domain.invalid/schema/movement-report.json"
"""The ``$id`` of the report schema (a name, not a place to fetch from)."""


def load_report(path: str | PathLike[str]) -> MovementReport:
    """Read and validate a report from a JSON file (UTF-8).

    Every problem in the file is listed in one [`RecordError`][antq_domain.RecordError] with
    its location; unknown fields are errors, never dropped.

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
        raise ParseError("path", str(source), "a .json file")
    text = source.read_text(encoding="utf-8")
    try:
        return MovementReport.model_validate_json(text)
    except RecordError as exc:
        raise RecordError(f"{source.name}", exc.problems) from None


def dump_report(report: MovementReport, path: str | PathLike[str], *, indent: int = 2) -> Path:
    """Write a report as JSON (UTF-8, Vietnamese kept readable); return the path.

    [`load_report`][antq_domain.load_report] reads it back to an equal report (law 7).

    Example:
        >>> import tempfile, pathlib
        >>> from datetime import date
        >>> r = MovementReport(issuer="BCĐ", place="62", period="2023", as_of=date(2024, 1, 15))
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     text = dump_report(r, pathlib.Path(tmp) / "r.json").read_text(encoding="utf-8")
        >>> '"period": "2023"' in text
        True
    """
    target = Path(path)
    target.write_text(report_json(report, indent=indent), encoding="utf-8")
    return target


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
