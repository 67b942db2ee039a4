"""One definition of conflict (`conflicts.grade`), and each caller using the grades it names."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq_domain.analysis.aggregation import rollup
from antq_domain.analysis.comparison import combine, compare
from antq_domain.analysis.conflicts import (
    COMBINE_CONFLICTS,
    STRICT_CONFLICTS,
    ConflictGrade,
    grade,
)
from antq_domain.analysis.validation import find_conflicts
from antq_domain.errors import AntqTypeError, ConflictError
from antq_domain.records.observation import Observation
from antq_domain.records.places import registry
from antq_domain.values import NOT_APPLICABLE, NOT_REPORTED, Quantity, Value, Withheld

G = ConflictGrade

values = st.one_of(
    st.builds(
        Quantity,
        st.integers(0, 20),
        st.just("tip"),
        st.sampled_from(["exact", "at_least", "at_most", "approximately"]),
    ),
    st.sampled_from([NOT_REPORTED, NOT_APPLICABLE, Withheld("mật")]),
)


def tips(n: int, qualifier: str = "exact") -> Quantity:
    return Quantity(n, "tip", qualifier)


@pytest.mark.parametrize(
    ("stated", "want"),
    [
        ([tips(726), tips(726)], G.SAME_VALUE),
        ([tips(726)], G.SAME_VALUE),
        ([NOT_REPORTED, NOT_REPORTED], G.SAME_VALUE),
        ([tips(726), NOT_REPORTED], G.NOT_REPORTED),
        ([Withheld("mật"), NOT_REPORTED], G.NOT_REPORTED),
        ([tips(726), Withheld("mật")], G.STATUS_DIFFERS),
        ([tips(726), tips(762), NOT_REPORTED], G.STATUS_DIFFERS),
        ([tips(700, "at_least"), tips(726)], G.VALUES_OVERLAP),
        ([tips(726), tips(762)], G.VALUES_DIFFER),
        ([tips(700, "at_most"), tips(726)], G.VALUES_DIFFER),
    ],
)
def test_grades(stated: list[Value], want: ConflictGrade) -> None:
    assert grade(stated) is want
    assert grade(reversed(stated)) is want


def test_not_a_value_is_refused() -> None:
    with pytest.raises(AntqTypeError, match="values"):
        grade([tips(1), 1])  # type: ignore[list-item]


def test_the_callers_sets_are_named() -> None:
    assert set(ConflictGrade) - STRICT_CONFLICTS == {G.SAME_VALUE}
    assert {G.NOT_REPORTED} == STRICT_CONFLICTS - COMBINE_CONFLICTS


def _ob(value: Value, source: str) -> Observation:
    return Observation(
        indicator="tips.received", place="62", period="2023", value=value, source=source
    )


@given(st.lists(values, min_size=2, max_size=4))
def test_every_caller_follows_the_one_grade(stated: list[Value]) -> None:
    obs = [_ob(v, f"source {i}") for i, v in enumerate(stated)]
    how = grade(stated)

    assert bool(combine([obs]).conflicts) == (how in COMBINE_CONFLICTS)

    (finding,) = find_conflicts(obs)
    want = {
        G.SAME_VALUE: "duplicate.same_value",
        G.NOT_REPORTED: "conflict.status_differs",
        G.STATUS_DIFFERS: "conflict.status_differs",
        G.VALUES_OVERLAP: "conflict.values_overlap",
        G.VALUES_DIFFER: "conflict.values_differ",
    }[how]
    assert finding.code == want

    if how in STRICT_CONFLICTS:
        with pytest.raises(ConflictError):
            rollup(obs, registry=registry(), as_of=date(2023, 12, 31))
        with pytest.raises(ConflictError):
            compare(obs, [])
    else:
        rollup(obs, registry=registry(), as_of=date(2023, 12, 31))
        compare(obs, [])


def test_a_refused_pair_names_its_grade() -> None:
    obs = [_ob(tips(726), "a"), _ob(NOT_REPORTED, "b")]
    with pytest.raises(ConflictError, match="not_reported"):
        rollup(obs, registry=registry(), as_of=date(2023, 12, 31))
    assert combine([obs]).conflicts == ()
