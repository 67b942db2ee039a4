"""Test-suite configuration: Hypothesis profiles.

``HYPOTHESIS_PROFILE=ci`` (what ``make test`` sets) runs more examples,
derandomized so CI is reproducible, with no deadline (shared CI machines are
slow and deadline flakes teach nothing). The default ``dev`` profile is quick.
"""

from __future__ import annotations

import os

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
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
