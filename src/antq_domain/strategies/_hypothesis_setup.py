"""Entry point Hypothesis calls at start-up: registers strategies for our types."""


def _hypothesis_setup_hook() -> None:
    """Register every value and record type with ``st.register_type_strategy``."""
    from antq_domain.strategies import _register

    _register.register_all()
