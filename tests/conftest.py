"""Test-suite configuration: Hypothesis profiles, and the modules ``make quick`` leaves out.

``HYPOTHESIS_PROFILE=ci`` (what ``make test`` sets) runs more examples,
derandomized so CI is reproducible, with no deadline (shared CI machines are
slow and deadline flakes teach nothing). The default ``dev`` profile is quick;
``quick`` (what ``make quick`` sets) runs ten examples a property, for the
edit-test loop only.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=300,
    derandomize=True,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.register_profile(
    "quick", max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


# Test modules that take most of the suite's time whatever the Hypothesis profile (measured
# with `pytest --durations`: a notebook kernel, a docs build, timing runs of the extractor,
# fresh interpreters); marked `slow` so `make quick` (-m "not slow") skips them.
# `make test` runs everything.
SLOW = frozenset(
    {
        "test_notebook.py",
        "test_docs_build.py",
        "test_extract_linear.py",
        "test_first_contact.py",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test of a module listed in `SLOW` as slow."""
    for item in items:
        if item.path.name in SLOW:
            item.add_marker(pytest.mark.slow)
