"""Edges: reports and observations on disk, tidy rows, JSON Schema."""

from antq_domain.io.files import FileFormat, read_observations, write_observations
from antq_domain.io.reports import (
    REPORT_SCHEMA_ID,
    dump_report,
    load_report,
    report_json,
    report_schema,
)
from antq_domain.io.rows import TIDY_KEYS, HasObservations, from_tidy, observation_row, tidy

__all__ = [
    # reports
    "REPORT_SCHEMA_ID",
    "dump_report",
    "load_report",
    "report_json",
    "report_schema",
    # tidy rows
    "TIDY_KEYS",
    "HasObservations",
    "from_tidy",
    "observation_row",
    "tidy",
    # files of observations
    "FileFormat",
    "read_observations",
    "write_observations",
]
