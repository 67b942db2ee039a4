"""Fuzz: damaged reports and rows raise the library's errors, nothing else.

A valid generated report has one of its values replaced by something
hostile; a tidy row gets keys and values of every type. Whatever happens,
the only error allowed out is an ``AntqError``. They run under the
project's Hypothesis profile (``HYPOTHESIS_PROFILE=ci`` in ``make test``).
"""

from __future__ import annotations

import contextlib
import json
import random
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq_domain.errors import AntqError
from antq_domain.io import TIDY_KEYS, from_tidy
from antq_domain.io.reports import report_from_text, report_json
from antq_domain.records import MovementReport
from antq_domain.strategies import hostile_texts, reports

_BAD: list[Any] = [
    "nope",
    "",
    "=1",
    "9" * 40,
    -1,
    10**40,
    None,
    [],
    {},
    True,
    "1e5",
    1.5,
    "2023Q5",
    "\x00",
    "-0",
]


def _leaves(x: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(x, dict):
        for k, v in x.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(x, list):
        for i, v in enumerate(x):
            yield from _leaves(v, (*path, i))
    else:
        yield path


def _set(x: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        x = x[part]
    x[path[-1]] = value


@given(
    reports(max_observations=4, max_records=2),
    st.randoms(use_true_random=False),
    st.one_of(st.sampled_from(_BAD), hostile_texts(long=False)),
)
def test_a_damaged_report_raises_only_antq_errors(
    report: MovementReport, rnd: random.Random, bad: Any
) -> None:
    data = json.loads(report_json(report))
    _set(data, rnd.choice(list(_leaves(data))), bad)
    with contextlib.suppress(AntqError):
        report_from_text(json.dumps(data), record="fuzz")


_VALUES = st.one_of(
    st.none(),
    st.text(max_size=5),
    hostile_texts(long=False),
    st.integers(-5, 10**35),
    st.floats(),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.decimals(allow_nan=True),
)
_KEYS = st.sampled_from([*TIDY_KEYS, "dim_unit_kind", "dim_x", "colour"])


@given(
    st.dictionaries(_KEYS, _VALUES, max_size=4),
    st.sampled_from(["tips.received", "weapons.explosives", "tips.valuable_rate"]),
)
def test_a_hostile_tidy_row_raises_only_antq_errors(extra: dict[str, Any], code: str) -> None:
    row = {"indicator": code, "place": "62", "period": "2023", "value": 1, **extra}
    with contextlib.suppress(AntqError):
        from_tidy([row])


@pytest.mark.parametrize("text", ["", "{", "[]", "null", '{"a": 1}', "\ufeff{}", "1e999999"])
def test_odd_report_texts_raise_antq_errors(text: str) -> None:
    with pytest.raises(AntqError):
        report_from_text(text, record="fuzz")
