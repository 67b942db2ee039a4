"""Registration of the shipped strategies with ``hypothesis.strategies.from_type``."""

from __future__ import annotations

import importlib
from typing import Any

from antq_domain.records import (
    AgencyRef,
    Campaign,
    Commendation,
    CooperationProgramme,
    Dimension,
    ExemplaryModel,
    ForceStrength,
    Indicator,
    MovementReport,
    Observation,
    Organisation,
    Registry,
    SteeringCommittee,
    Tenure,
)
from antq_domain.values import (
    DocumentKind,
    DocumentRef,
    Label,
    PartialDate,
    Period,
    Qualifier,
    Quantity,
    Ratio,
    Unit,
)

# type -> name of the strategy function in antq_domain.strategies
_REGISTRY: dict[type[Any], str] = {
    Label: "labels",
    Quantity: "quantities",
    Ratio: "ratios",
    Unit: "units",
    Qualifier: "qualifiers",
    Period: "periods",
    PartialDate: "partial_dates",
    DocumentRef: "document_refs",
    DocumentKind: "document_kinds",
    Registry: "registries",
    Indicator: "indicators",
    Dimension: "dimensions",
    AgencyRef: "agency_refs",
    Campaign: "campaigns",
    Commendation: "commendations",
    CooperationProgramme: "cooperation_programmes",
    ExemplaryModel: "exemplary_models",
    ForceStrength: "force_strengths",
    Organisation: "organisations",
    SteeringCommittee: "steering_committees",
    Tenure: "tenures",
    Observation: "observations",
    MovementReport: "reports",
}


def _lazy(name: str) -> Any:
    from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis is importing us

    def resolve() -> Any:
        module = importlib.import_module("antq_domain.strategies")
        return getattr(module, name)()

    return st.deferred(resolve)


def register_all() -> None:
    """Register a strategy for every public value and record type."""
    from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis is importing us

    for cls, name in _REGISTRY.items():
        st.register_type_strategy(cls, _lazy(name))
