"""antq_domain: typed records, exact indicator arithmetic and evaluation for ANTQ reports.

The public face: load a report, look at its figures, compute ratios exactly.

Example:
    >>> import antq_domain as aq
    >>> from datetime import date
    >>> report = aq.MovementReport(
    ...     issuer="Ban Chỉ đạo Phòng, chống tội phạm tỉnh Kon Tum",
    ...     place="62", period="2023", as_of=date(2024, 1, 15),
    ...     observations=aq.from_tidy([
    ...         {"indicator": "tips.received", "place": "62", "period": "2023", "value": 726},
    ...         {"indicator": "tips.valuable", "place": "62", "period": "2023", "value": 655},
    ...     ]),
    ... )
    >>> print(report.ratio("tips.valuable_rate").format("vi"))
    90,2% (655/726)
"""

from typing import TYPE_CHECKING

from antq_domain._lazy import export_table, lazy_dir, lazy_getattr

if TYPE_CHECKING:  # pragma: no cover - read as data at run time, imported by type checkers
    # THE EXPORT TABLE: every top-level name, once, imported from its home module. At run
    # time `_TABLE` is read from these lines and each name is imported on first use (PEP 562),
    # so `import antq_domain` stays cheap. docs/reference/index.md lists the same names
    # (tests/test_public_api.py checks both). Everything else lives in its subpackage.
    from antq_domain.analysis import Evaluation as Evaluation
    from antq_domain.analysis import EvaluationConfig as EvaluationConfig
    from antq_domain.analysis import Findings as Findings
    from antq_domain.analysis import Rollup as Rollup
    from antq_domain.analysis import Rule as Rule
    from antq_domain.analysis import Target as Target
    from antq_domain.analysis import combine as combine
    from antq_domain.analysis import compare as compare
    from antq_domain.analysis import default_rules as default_rules
    from antq_domain.analysis import evaluate as evaluate
    from antq_domain.analysis import rollup as rollup
    from antq_domain.analysis import validate as validate
    from antq_domain.errors import AntqError as AntqError
    from antq_domain.errors import AntqTypeError as AntqTypeError
    from antq_domain.errors import AntqValueError as AntqValueError
    from antq_domain.errors import ConflictError as ConflictError
    from antq_domain.errors import FileError as FileError
    from antq_domain.errors import InvariantError as InvariantError
    from antq_domain.errors import LimitError as LimitError
    from antq_domain.errors import ParseError as ParseError
    from antq_domain.errors import RecordError as RecordError
    from antq_domain.errors import UnitMismatchError as UnitMismatchError
    from antq_domain.errors import UnknownCodeError as UnknownCodeError
    from antq_domain.extract import Extraction as Extraction
    from antq_domain.extract import extract_report as extract_report
    from antq_domain.frames import from_pandas as from_pandas
    from antq_domain.frames import from_polars as from_polars
    from antq_domain.frames import to_pandas as to_pandas
    from antq_domain.frames import to_polars as to_polars
    from antq_domain.io import dump_report as dump_report
    from antq_domain.io import from_tidy as from_tidy
    from antq_domain.io import load_report as load_report
    from antq_domain.io import read_observations as read_observations
    from antq_domain.io import report_schema as report_schema
    from antq_domain.io import tidy as tidy
    from antq_domain.io import write_observations as write_observations
    from antq_domain.records import Catalogue as Catalogue
    from antq_domain.records import Indicator as Indicator
    from antq_domain.records import MovementReport as MovementReport
    from antq_domain.records import Observation as Observation
    from antq_domain.records import Place as Place
    from antq_domain.records import Registry as Registry
    from antq_domain.records import catalogue as catalogue
    from antq_domain.records import load_registry as load_registry
    from antq_domain.records import registry as registry
    from antq_domain.values import NOT_APPLICABLE as NOT_APPLICABLE
    from antq_domain.values import NOT_REPORTED as NOT_REPORTED
    from antq_domain.values import DocumentRef as DocumentRef
    from antq_domain.values import Label as Label
    from antq_domain.values import PartialDate as PartialDate
    from antq_domain.values import Period as Period
    from antq_domain.values import Qualifier as Qualifier
    from antq_domain.values import Quantity as Quantity
    from antq_domain.values import Ratio as Ratio
    from antq_domain.values import Undefined as Undefined
    from antq_domain.values import Unit as Unit
    from antq_domain.values import Withheld as Withheld
    from antq_domain.values import parse_number as parse_number

__version__ = "0.1.0.dev0"
"""The version of this package."""


_TABLE: dict[str, str] = export_table(__spec__, __name__)
"""Every top-level name and its home module (the export table)."""

__all__ = ["__version__", *_TABLE]  # noqa: PLE0604 - built from the export table

__getattr__ = lazy_getattr(__name__, _TABLE, globals())
"""Import public names on first use, so ``import antq_domain`` stays cheap."""

__dir__ = lazy_dir(_TABLE, globals())
