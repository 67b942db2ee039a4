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

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - the names, for type checkers and readers
    from antq_domain.analysis import (
        Evaluation,
        EvaluationConfig,
        Findings,
        Rollup,
        Rule,
        Target,
        combine,
        compare,
        default_rules,
        evaluate,
        rollup,
        validate,
    )
    from antq_domain.errors import (
        AntqError,
        AntqTypeError,
        AntqValueError,
        ConflictError,
        FileError,
        InvariantError,
        LimitError,
        ParseError,
        RecordError,
        UnitMismatchError,
        UnknownCodeError,
    )
    from antq_domain.extract import Extraction, extract_report
    from antq_domain.frames import to_pandas, to_polars
    from antq_domain.io import (
        dump_report,
        from_tidy,
        load_report,
        read_observations,
        report_schema,
        tidy,
        write_observations,
    )
    from antq_domain.records import (
        Authority,
        Campaign,
        CampaignTheme,
        Catalogue,
        Commendation,
        CommendationForm,
        CommendationStatus,
        CooperationProgramme,
        Direction,
        ExemplaryModel,
        ForceStrength,
        ForceType,
        Indicator,
        IndicatorKind,
        Limitation,
        MovementReport,
        Observation,
        Place,
        PlaceKind,
        Publication,
        RecipientKind,
        Registry,
        Replication,
        ReplicationScope,
        SteeringCommittee,
        catalogue,
        load_registry,
        registry,
    )
    from antq_domain.values import (
        NOT_APPLICABLE,
        NOT_REPORTED,
        DocumentRef,
        Label,
        PartialDate,
        Period,
        Qualifier,
        Quantity,
        Ratio,
        Undefined,
        Unit,
        Withheld,
        parse_number,
    )

__version__ = "0.1.0.dev0"
"""The version of this package."""

__all__ = [
    "__version__",
    # reading and writing
    "load_report",
    "dump_report",
    "report_schema",
    "tidy",
    "from_tidy",
    "read_observations",
    "write_observations",
    # analysis
    "rollup",
    "Rollup",
    "combine",
    "compare",
    "validate",
    "evaluate",
    "Evaluation",
    "EvaluationConfig",
    "Target",
    "Findings",
    "Rule",
    "default_rules",
    # DataFrames
    "to_pandas",
    "to_polars",
    # reading prose
    "extract_report",
    "Extraction",
    # catalogue and register
    "catalogue",
    "registry",
    "load_registry",
    "Catalogue",
    "Indicator",
    "IndicatorKind",
    "Registry",
    "Place",
    "PlaceKind",
    # values
    "Quantity",
    "Qualifier",
    "Unit",
    "Ratio",
    "Undefined",
    "NOT_REPORTED",
    "NOT_APPLICABLE",
    "Withheld",
    "Period",
    "PartialDate",
    "DocumentRef",
    "Label",
    "parse_number",
    # records
    "MovementReport",
    "Publication",
    "Observation",
    "SteeringCommittee",
    "Campaign",
    "CampaignTheme",
    "ExemplaryModel",
    "Replication",
    "ReplicationScope",
    "ForceStrength",
    "ForceType",
    "CooperationProgramme",
    "Commendation",
    "CommendationForm",
    "CommendationStatus",
    "Authority",
    "RecipientKind",
    "Limitation",
    "Direction",
    # errors
    "AntqError",
    "AntqValueError",
    "AntqTypeError",
    "ParseError",
    "InvariantError",
    "LimitError",
    "UnitMismatchError",
    "UnknownCodeError",
    "ConflictError",
    "RecordError",
    "FileError",
]

# name -> defining module, imported on first attribute access (PEP 562)
_LAZY: dict[str, str] = {
    "rollup": "antq_domain.analysis",
    "Rollup": "antq_domain.analysis",
    "combine": "antq_domain.analysis",
    "compare": "antq_domain.analysis",
    "validate": "antq_domain.analysis",
    "evaluate": "antq_domain.analysis",
    "Evaluation": "antq_domain.analysis",
    "EvaluationConfig": "antq_domain.analysis",
    "Target": "antq_domain.analysis",
    "Findings": "antq_domain.analysis",
    "Rule": "antq_domain.analysis",
    "default_rules": "antq_domain.analysis",
    "extract_report": "antq_domain.extract",
    "to_pandas": "antq_domain.frames",
    "to_polars": "antq_domain.frames",
    "Extraction": "antq_domain.extract",
    "AntqError": "antq_domain.errors",
    "AntqTypeError": "antq_domain.errors",
    "AntqValueError": "antq_domain.errors",
    "ConflictError": "antq_domain.errors",
    "FileError": "antq_domain.errors",
    "InvariantError": "antq_domain.errors",
    "LimitError": "antq_domain.errors",
    "ParseError": "antq_domain.errors",
    "RecordError": "antq_domain.errors",
    "UnitMismatchError": "antq_domain.errors",
    "UnknownCodeError": "antq_domain.errors",
    "dump_report": "antq_domain.io",
    "from_tidy": "antq_domain.io",
    "load_report": "antq_domain.io",
    "read_observations": "antq_domain.io",
    "report_schema": "antq_domain.io",
    "tidy": "antq_domain.io",
    "write_observations": "antq_domain.io",
    "Authority": "antq_domain.records",
    "Campaign": "antq_domain.records",
    "CampaignTheme": "antq_domain.records",
    "Catalogue": "antq_domain.records",
    "Commendation": "antq_domain.records",
    "CommendationForm": "antq_domain.records",
    "CommendationStatus": "antq_domain.records",
    "CooperationProgramme": "antq_domain.records",
    "Direction": "antq_domain.records",
    "ExemplaryModel": "antq_domain.records",
    "ForceStrength": "antq_domain.records",
    "ForceType": "antq_domain.records",
    "Indicator": "antq_domain.records",
    "IndicatorKind": "antq_domain.records",
    "Limitation": "antq_domain.records",
    "MovementReport": "antq_domain.records",
    "Observation": "antq_domain.records",
    "Place": "antq_domain.records",
    "PlaceKind": "antq_domain.records",
    "Publication": "antq_domain.records",
    "RecipientKind": "antq_domain.records",
    "Registry": "antq_domain.records",
    "Replication": "antq_domain.records",
    "ReplicationScope": "antq_domain.records",
    "SteeringCommittee": "antq_domain.records",
    "catalogue": "antq_domain.records",
    "load_registry": "antq_domain.records",
    "registry": "antq_domain.records",
    "NOT_APPLICABLE": "antq_domain.values",
    "NOT_REPORTED": "antq_domain.values",
    "DocumentRef": "antq_domain.values",
    "Label": "antq_domain.values",
    "PartialDate": "antq_domain.values",
    "Period": "antq_domain.values",
    "Qualifier": "antq_domain.values",
    "Quantity": "antq_domain.values",
    "Ratio": "antq_domain.values",
    "Undefined": "antq_domain.values",
    "Unit": "antq_domain.values",
    "Withheld": "antq_domain.values",
    "parse_number": "antq_domain.values",
}


def __getattr__(name: str) -> object:
    """Import public names on first use, so ``import antq_domain`` stays cheap."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'antq_domain' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))
