"""Hypothesis strategies for every value and record type of ``antq_domain``.

Install the ``strategies`` extra (``pip install antq-domain[strategies]``).
The strategies are registered with Hypothesis through its entry point, so
``st.from_type(Quantity)`` works in downstream test suites.

Example:
    >>> from hypothesis import strategies as st
    >>> from antq_domain import strategies as aqst
    >>> from antq_domain.values import Quantity
    >>> isinstance(aqst.quantities().example(), Quantity)  # doctest: +SKIP
    True
"""

from antq_domain.strategies._analysis import observation_sets, share_tables
from antq_domain.strategies._catalogue import (
    dimension_cells,
    dimensions,
    indicator_sets,
    indicators,
)
from antq_domain.strategies._document import document_kinds, document_refs, issuer_parts
from antq_domain.strategies._hostile import hostile_texts
from antq_domain.strategies._period import partial_dates, periods
from antq_domain.strategies._places import place_codes, registries
from antq_domain.strategies._records import (
    agency_refs,
    campaigns,
    commendations,
    cooperation_programmes,
    directions,
    exemplary_models,
    force_strengths,
    limitations,
    organisations,
    steering_committees,
    tenures,
)
from antq_domain.strategies._reports import observations, reports, values_for
from antq_domain.strategies._rules import expressions, operands, rules
from antq_domain.strategies._values import (
    amounts,
    labels,
    missing_values,
    qualifiers,
    quantities,
    ratios,
    units,
)

__all__ = [
    # values
    "amounts",
    "labels",
    "missing_values",
    "qualifiers",
    "quantities",
    "ratios",
    "units",
    # time
    "partial_dates",
    "periods",
    # documents
    "document_kinds",
    "document_refs",
    "issuer_parts",
    # places
    "place_codes",
    "registries",
    # catalogue
    "dimension_cells",
    "dimensions",
    "indicator_sets",
    "indicators",
    # figures and reports
    "observations",
    "reports",
    "values_for",
    # analysis inputs
    "observation_sets",
    "share_tables",
    # rules
    "expressions",
    "operands",
    "rules",
    # hostile input
    "hostile_texts",
    # records
    "agency_refs",
    "campaigns",
    "commendations",
    "cooperation_programmes",
    "directions",
    "exemplary_models",
    "force_strengths",
    "limitations",
    "organisations",
    "steering_committees",
    "tenures",
]
