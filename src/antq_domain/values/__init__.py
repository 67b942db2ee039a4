"""Layer 1: value types (attrs, frozen) and their Vietnamese text forms.

Every value here is immutable, compares by content, enforces its invariants
in its constructor and plugs into pydantic as a field with a JSON Schema.
"""

from antq_domain.values.document import (
    DocumentCitation,
    DocumentKind,
    DocumentRef,
    Issuer,
    IssuerPart,
    NumberingStyle,
    find_document_refs,
)
from antq_domain.values.interval import Interval
from antq_domain.values.label import Label, Lang
from antq_domain.values.missing import (
    NOT_APPLICABLE,
    NOT_REPORTED,
    Missing,
    NotApplicable,
    NotReported,
    Status,
    Value,
    Withheld,
)
from antq_domain.values.numbers import (
    ParsedNumber,
    format_number,
    parse_fraction,
    parse_number,
    to_quantity,
)
from antq_domain.values.partial_date import PARTIAL_DATE_PATTERN, PartialDate
from antq_domain.values.period import PERIOD_ID_PATTERN, Period, PeriodKind
from antq_domain.values.quantity import Amount, Quantity, sum_quantities
from antq_domain.values.ratio import Ratio, Undefined, largest_remainder, round_half_up
from antq_domain.values.unit import Qualifier, Unit, join_qualifiers

__all__ = [
    # quantities and their codelists
    "Amount",
    "Interval",
    "Qualifier",
    "Quantity",
    "Unit",
    "join_qualifiers",
    "sum_quantities",
    # missing values
    "NOT_APPLICABLE",
    "NOT_REPORTED",
    "Missing",
    "NotApplicable",
    "NotReported",
    "Status",
    "Value",
    "Withheld",
    # ratios and display rounding
    "Ratio",
    "Undefined",
    "largest_remainder",
    "round_half_up",
    # time
    "PARTIAL_DATE_PATTERN",
    "PERIOD_ID_PATTERN",
    "PartialDate",
    "Period",
    "PeriodKind",
    # documents
    "DocumentCitation",
    "DocumentKind",
    "DocumentRef",
    "Issuer",
    "IssuerPart",
    "NumberingStyle",
    "find_document_refs",
    # text
    "Label",
    "Lang",
    "ParsedNumber",
    "format_number",
    "parse_fraction",
    "parse_number",
    "to_quantity",
]
