"""Layer 1: value types (attrs, frozen) and their Vietnamese text forms."""

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
from antq_domain.values.quantity import Amount, Quantity, sum_quantities
from antq_domain.values.ratio import Ratio, Undefined, largest_remainder, round_half_up
from antq_domain.values.unit import Qualifier, Unit, join_qualifiers

__all__ = [
    "NOT_APPLICABLE",
    "NOT_REPORTED",
    "Amount",
    "Label",
    "Lang",
    "Missing",
    "NotApplicable",
    "NotReported",
    "Qualifier",
    "Quantity",
    "Ratio",
    "Status",
    "Undefined",
    "Unit",
    "Value",
    "Withheld",
    "join_qualifiers",
    "largest_remainder",
    "round_half_up",
    "sum_quantities",
]
