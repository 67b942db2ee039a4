"""What "conflict" means: one cell stated more than once, graded by how the values disagree.

A cell (indicator, place, period, dimensions) may be stated by several
observations: two sources, a table and its text, a report and a newspaper.
[`grade`][antq_domain.analysis.conflicts.grade] is the one definition of how
their values relate, as a [`ConflictGrade`][antq_domain.analysis.conflicts.ConflictGrade]:

| grade | the values | example |
|---|---|---|
| ``same_value`` | all equal | 726 and 726 |
| ``not_reported`` | the stated ones agree; the rest are *not reported* | 726 and "không báo cáo" |
| ``status_differs`` | a figure meets a withheld or not-applicable marker | 726 and "withheld" |
| ``values_overlap`` | figures that differ but can both be true | "hơn 700" and 726 |
| ``values_differ`` | two figures that cannot both be true | 726 and 762 |

Each caller decides which grades it cannot live with, and says so by name:

* [`find_conflicts`][antq_domain.analysis.validation.find_conflicts] (validation) reports every
  grade but ``same_value`` as a ``conflict.*`` finding (``not_reported`` and ``status_differs``
  both as ``conflict.status_differs``) and ``same_value`` as ``duplicate.same_value``;
* [`Combined.conflicts`][antq_domain.analysis.comparison.Combined.conflicts] (combine) lists the
  cells graded [`COMBINE_CONFLICTS`][antq_domain.analysis.conflicts.COMBINE_CONFLICTS]: a
  not-reported marker says nothing about the value, so it is no conflict;
* [`rollup`][antq_domain.rollup] and [`compare`][antq_domain.compare] need one value per cell
  and refuse [`STRICT_CONFLICTS`][antq_domain.analysis.conflicts.STRICT_CONFLICTS], every grade
  but ``same_value``, with a [`ConflictError`][antq_domain.errors.ConflictError] naming the grade.

Example:
    >>> from antq_domain.analysis.conflicts import grade
    >>> from antq_domain.values import NOT_REPORTED, Quantity
    >>> grade([Quantity(726, "tip"), Quantity(762, "tip")]).value
    'values_differ'
    >>> grade([Quantity(700, "tip", "at_least"), Quantity(726, "tip")]).value
    'values_overlap'
    >>> grade([Quantity(726, "tip"), NOT_REPORTED]).value
    'not_reported'
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from antq_domain.errors import AntqTypeError
from antq_domain.values._codelist import Codelist
from antq_domain.values.missing import Missing, NotReported, Value
from antq_domain.values.quantity import Quantity

__all__ = ["COMBINE_CONFLICTS", "STRICT_CONFLICTS", "ConflictGrade", "grade"]


class ConflictGrade(Codelist):
    """How the values stated for one cell relate (see the module text for each grade).

    Example:
        >>> from antq_domain.analysis.conflicts import ConflictGrade
        >>> ConflictGrade.VALUES_DIFFER.label.en
        'the values cannot both be true'
    """

    SAME_VALUE = ("same_value", "cùng một giá trị", "the same value")
    NOT_REPORTED = (
        "not_reported",
        "có nguồn không báo cáo, các số liệu còn lại khớp nhau",
        "not reported beside agreeing figures",
    )
    STATUS_DIFFERS = (
        "status_differs",
        "số liệu và dấu hiệu thiếu số liệu khác nhau",
        "a figure beside a missing-value marker",
    )
    VALUES_OVERLAP = (
        "values_overlap",
        "các số liệu khác nhau nhưng có thể cùng đúng",
        "the values differ but can both be true",
    )
    VALUES_DIFFER = (
        "values_differ",
        "các số liệu không thể cùng đúng",
        "the values cannot both be true",
    )


STRICT_CONFLICTS = frozenset(g for g in ConflictGrade if g is not ConflictGrade.SAME_VALUE)
"""Every disagreement: what a computation needing one value per cell refuses (rollup, compare)."""

COMBINE_CONFLICTS = frozenset(
    g for g in ConflictGrade if g not in (ConflictGrade.SAME_VALUE, ConflictGrade.NOT_REPORTED)
)
"""Disagreements about the value itself: what `Combined.conflicts` lists (not reported aside)."""


def grade(values: Iterable[Value]) -> ConflictGrade:
    """How the values stated for one cell relate: the one definition of a conflict.

    Fewer than two values (or all equal) are ``same_value``.

    Raises:
        AntqTypeError: an item is neither a `Quantity` nor a missing-value marker.

    Example:
        >>> from antq_domain.analysis.conflicts import grade
        >>> from antq_domain.values import NOT_APPLICABLE, Quantity
        >>> grade([Quantity(5, "tip"), NOT_APPLICABLE]).value
        'status_differs'
        >>> grade([]).value
        'same_value'
    """
    stated = list(values)
    for v in stated:
        if not isinstance(v, Quantity | Missing):
            raise AntqTypeError("values", v, "a Quantity or a missing-value marker")
    if all(v == stated[0] for v in stated[1:]):
        return ConflictGrade.SAME_VALUE
    said = [v for v in stated if not isinstance(v, NotReported)]
    if all(v == said[0] for v in said[1:]):
        return ConflictGrade.NOT_REPORTED
    quantities = [v for v in stated if isinstance(v, Quantity)]
    if len(quantities) < len(stated):
        return ConflictGrade.STATUS_DIFFERS
    if any(not a.bounds().overlaps(b.bounds()) for a, b in combinations(quantities, 2)):
        return ConflictGrade.VALUES_DIFFER
    return ConflictGrade.VALUES_OVERLAP
