"""Entry point Hypothesis calls at start-up: registers strategies for our types.

Hypothesis runs this hook while it is itself being imported, possibly in the middle of importing
[`antq_domain.strategies`][antq_domain.strategies]; so the hook imports only the types and registers
*deferred* strategies, resolved at first draw.
"""

from antq_domain.strategies._register import register_all


def _hypothesis_setup_hook() -> None:
    """Register every value and record type with ``st.register_type_strategy``."""
    register_all()
