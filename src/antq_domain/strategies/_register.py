"""Registration of the shipped strategies with ``hypothesis.strategies.from_type``."""

from __future__ import annotations


def register_all() -> None:
    """Register a strategy for every public value and record type."""
    from hypothesis import strategies as st

    from antq_domain import strategies as ours
    from antq_domain.values import Label, Quantity

    st.register_type_strategy(Label, ours.labels())
    st.register_type_strategy(Quantity, ours.quantities())
