# Size: one rollup engine: rollup, rollup_parts and finish_rollup (which antq_domain.bulk
# shares), the place tree, allocation and the result types (Rollup, RolledCell, RatioCell, Note,
# Allocation) share the private part and gap helpers; about half the lines are docstrings and
# their examples. The result types can move to their own module once the bulk engine settles.
"""Rollups over places and time, and ratios of sums: the reference implementation.

[`rollup`][antq_domain.rollup] aggregates observations to a level of the register
or to named places, and/or to a coarser period, following each indicator's aggregation rules
(INDICATORS.md):

* **over time** (first, per place): a flow sums over *disjoint* sub-periods
  of the target period (overlapping ones are refused: they would double
  count); a stock takes the value of the observation that ends last inside
  the target period; an indicator that does not aggregate over time is only
  passed through when its period already is the target;
* **over places** (then): ``sum`` adds the places' values; ``none`` is only
  passed through when no aggregation is needed, and the result's ``notes``
  say so otherwise;
* **ratios** are recomputed from their aggregated parts (ratio of sums) in
  ``Rollup.ratios``; a stated percentage is never re-aggregated.

**Missing is not zero.** A not-reported or withheld part, an expected place
with no observation at all, or a gap in a flow's sub-periods makes the cell
*incomplete*; the ``missing`` strategy decides what an incomplete cell holds:

| ``missing`` | an incomplete cell holds |
|---|---|
| ``"lower_bound"`` (default) | the sum of the reported parts, qualified ``at_least`` |
| ``"strict"`` | ``not_reported`` |
| ``"ignore"`` | the sum of the reported parts, qualifier unchanged |

With ``"lower_bound"`` the qualifier is ``at_least`` joined with the parts' own qualifiers. In
every case the missing places and periods are listed. Not-applicable parts
are skipped (they are not missing); a cell whose parts are all not applicable
is not applicable.

**Which tree.** ``view="as_of"`` places every input in the tree as it stood
on ``as_of``; ``view="restated"`` first maps each input place onto the units
alive on ``as_of`` through successor links (a split unit needs an explicit
share table; counts are allocated by largest remainder, so totals are
conserved exactly), then uses the tree of ``as_of``.

Example:
    >>> from datetime import date
    >>> from antq_domain.analysis.aggregation import rollup
    >>> from antq_domain.records.observation import Observation
    >>> from antq_domain.records.places import registry
    >>> from antq_domain.values import Quantity
    >>> obs = [Observation(indicator="tips.received", place=code, period="2023",
    ...                    value=Quantity(n, "tip"))
    ...        for code, n in [("23281", 10), ("23287", 5), ("23290", 7)]]
    >>> r = rollup(obs, registry=registry(), as_of=date(2025, 7, 1), view="restated")
    >>> [(c.place, str(c.value)) for c in r.cells]
    [('23293', '>=22 tip')]
    >>> r.cells[0].missing_places
    ('23293@2025-06-30', '23299')
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, NamedTuple, TypeAlias, get_args

import attrs

from antq_domain.analysis import _rollup_view
from antq_domain.analysis._inputs import as_observations
from antq_domain.analysis.conflicts import STRICT_CONFLICTS, grade
from antq_domain.display import data_frame
from antq_domain.errors import (
    AntqTypeError,
    ConflictError,
    InvariantError,
    Message,
    UnknownCodeError,
)
from antq_domain.records.indicators import (
    Catalogue,
    Indicator,
    PlaceAggregation,
    TimeAggregation,
    catalogue,
)
from antq_domain.records.observation import Dims, Observation, observations_of
from antq_domain.records.places import Place, PlaceLevel, Registry
from antq_domain.values.label import Lang
from antq_domain.values.missing import NOT_APPLICABLE, NOT_REPORTED, NotApplicable, Value
from antq_domain.values.period import Period, PeriodKind
from antq_domain.values.quantity import Quantity
from antq_domain.values.ratio import Ratio, Undefined, largest_remainder
from antq_domain.values.unit import Qualifier

__all__ = [
    "MEAN_OF_RATIOS_WARNING",
    "Allocation",
    "CellKey",
    "CellParts",
    "MeanOfRatios",
    "MissingStrategy",
    "Note",
    "PlaceTree",
    "RatioCell",
    "RolledCell",
    "Rollup",
    "RollupParts",
    "View",
    "allocate",
    "check_rollup_args",
    "finish_rollup",
    "mean_of_ratios",
    "ratio_of_sums",
    "rollup",
    "rollup_parts",
]

View: TypeAlias = Literal["as_of", "restated"]
"""Which tree a rollup uses: the tree as it stood on ``as_of``, or history
restated onto the units alive on ``as_of``."""

MissingStrategy: TypeAlias = Literal["lower_bound", "strict", "ignore"]
"""What an incomplete cell holds: a lower bound, ``not_reported``, or the bare sum."""

CellKey: TypeAlias = tuple[str, str, Period, Dims]
"""``(indicator, place, period, dims)``: what names one cell of a rollup."""

MEAN_OF_RATIOS_WARNING = (
    "mean of ratios: every part weighs the same whatever its size; this is not "
    "the ratio of the aggregated parts (use ratio_of_sums or rollup for that)"
)
"""The warning carried by every [`MeanOfRatios`][antq_domain.analysis.aggregation.MeanOfRatios]
result."""


def _key_order(
    key: CellKey,
) -> tuple[str, str, tuple[date, date, int], tuple[tuple[str, str], ...]]:
    indicator, place, period, dims = key
    return (indicator, place, period.sort_key, dims.pairs)


# --- result types ------------------------------------------------------------


@attrs.frozen
class Note:
    """Why an input was left untouched or left out of a rollup.

    A value. ``place`` and ``period`` are the input's.

    Example:
        >>> from antq_domain.analysis.aggregation import Note
        >>> from antq_domain.values import Period
        >>> str(Note("tips.valuable_rate", "62", Period.year(2023), "a stated percentage"))
        'tips.valuable_rate 62 2023: a stated percentage'
    """

    indicator: str
    place: str
    period: Period
    reason: str

    def __str__(self) -> str:
        return f"{self.indicator} {self.place} {self.period}: {self.reason}"


@attrs.frozen
class Allocation:
    """How a split unit's figures were shared out when restating.

    A value: the old unit, the unit alive on ``as_of`` and the share it got.

    Example:
        >>> from fractions import Fraction
        >>> from antq_domain.analysis.aggregation import Allocation
        >>> Allocation("00007", "00008", Fraction(1, 2)).share
        Fraction(1, 2)
    """

    source: str
    target: str
    share: Fraction


@attrs.frozen
class RolledCell:
    """One output cell of a rollup, with what went into it and what was missing.

    A value. ``observation`` is the aggregated figure (its value may be a
    lower bound or a missing marker, per the rollup's ``missing`` strategy).

    Attributes:
        observation: the output observation.
        contributors: the input places (register codes) that had an
            observation for the cell, whatever its status.
        periods: the input periods that went in.
        missing_places: expected places with no usable figure (no
            observation, or not reported / withheld).
        missing_periods: ``(place, period)`` pairs: sub-periods of a flow's
            target period with no usable figure at a contributing place.
        passed_through: the input was copied unchanged (no aggregation was
            needed for an indicator that does not aggregate).

    Example:
        >>> from antq_domain.analysis.aggregation import RolledCell
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> o = Observation(indicator="tips.received", place="62", period="2023",
        ...                 value=Quantity(726, "tip"))
        >>> RolledCell(o, contributors=("62",)).is_complete
        True
    """

    observation: Observation
    contributors: tuple[str, ...] = ()
    periods: tuple[Period, ...] = ()
    missing_places: tuple[str, ...] = ()
    missing_periods: tuple[tuple[str, Period], ...] = ()
    passed_through: bool = False

    @property
    def key(self) -> CellKey:
        """``(indicator, place, period, dims)`` of the output.

        Example:
            >>> from antq_domain.analysis.aggregation import RolledCell
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import NOT_REPORTED
            >>> RolledCell(Observation(indicator="tips.received", place="62", period="2023",
            ...                        value=NOT_REPORTED)).key[:2]
            ('tips.received', '62')
        """
        o = self.observation
        return (o.indicator, o.place, o.period, o.dims)

    @property
    def indicator(self) -> str:
        """The indicator code.

        Example:
            >>> from antq_domain.analysis.aggregation import RolledCell
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import NOT_REPORTED
            >>> RolledCell(Observation(indicator="tips.received", place="62", period="2023",
            ...                        value=NOT_REPORTED)).indicator
            'tips.received'
        """
        return self.observation.indicator

    @property
    def place(self) -> str:
        """The output place.

        Example:
            >>> from antq_domain.analysis.aggregation import RolledCell
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import NOT_REPORTED
            >>> RolledCell(Observation(indicator="tips.received", place="62", period="2023",
            ...                        value=NOT_REPORTED)).place
            '62'
        """
        return self.observation.place

    @property
    def period(self) -> Period:
        """The output period.

        Example:
            >>> from antq_domain.analysis.aggregation import RolledCell
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import NOT_REPORTED
            >>> RolledCell(Observation(indicator="tips.received", place="62", period="2023",
            ...                        value=NOT_REPORTED)).period
            Period('2023')
        """
        return self.observation.period

    @property
    def dims(self) -> Dims:
        """The dimension cell.

        Example:
            >>> from antq_domain.analysis.aggregation import RolledCell
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import NOT_REPORTED
            >>> RolledCell(Observation(indicator="tips.received", place="62", period="2023",
            ...                        value=NOT_REPORTED)).dims
            Dims({})
        """
        return self.observation.dims

    @property
    def value(self) -> Value:
        """The aggregated value.

        Example:
            >>> from antq_domain.analysis.aggregation import RolledCell
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import NOT_REPORTED
            >>> RolledCell(Observation(indicator="tips.received", place="62", period="2023",
            ...                        value=NOT_REPORTED)).value
            NotReported()
        """
        return self.observation.value

    @property
    def is_complete(self) -> bool:
        """Whether no expected place or sub-period was missing.

        Example:
            >>> from antq_domain.analysis.aggregation import RolledCell
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import NOT_REPORTED
            >>> RolledCell(Observation(indicator="tips.received", place="62", period="2023",
            ...                        value=NOT_REPORTED), missing_places=("62",)).is_complete
            False
        """
        return not self.missing_places and not self.missing_periods


@attrs.frozen
class RatioCell:
    """A ratio recomputed from its aggregated parts for one output cell.

    A value. ``ratio`` is a [`Ratio`][antq_domain.Ratio] (which keeps numerator and
    denominator and is itself undefined on a zero denominator), or
    [`Undefined`][antq_domain.Undefined] with the reason when a part is missing.

    Example:
        >>> from antq_domain.analysis.aggregation import RatioCell
        >>> from antq_domain.records.observation import Dims
        >>> from antq_domain.values import Period, Quantity, Ratio
        >>> cell = RatioCell("tips.valuable_rate", "62", Period.year(2023), Dims(),
        ...                  Ratio(Quantity(655, "tip"), Quantity(726, "tip")))
        >>> str(cell.ratio), cell.value
        ('90.2% (655/726)', Fraction(32750, 363))
    """

    indicator: str
    place: str
    period: Period
    dims: Dims
    ratio: Ratio | Undefined

    @property
    def value(self) -> Fraction | Undefined:
        """The exact value, or [`Undefined`][antq_domain.Undefined].

        Example:
            >>> from antq_domain.analysis.aggregation import RatioCell
            >>> from antq_domain.records.observation import Dims
            >>> from antq_domain.values import Period, Undefined
            >>> RatioCell("tips.valuable_rate", "62", Period.year(2023), Dims(),
            ...           Undefined("tips.received is not_reported")).value
            Undefined(reason='tips.received is not_reported')
        """
        return self.ratio if isinstance(self.ratio, Undefined) else self.ratio.value


@attrs.frozen(repr=False)
class Rollup:
    """The result of `rollup`: output cells, ratios, notes and the tree used.

    A value. ``tidy(result)`` works:
    [`observations`][antq_domain.analysis.aggregation.Rollup.observations] holds the output
    observations, one per cell, in a canonical order (indicator, place, period, dims), whatever the
    order of the inputs.

    Attributes:
        view: ``"as_of"`` or ``"restated"``: which tree was used.
        as_of: the day of that tree.
        to: the target level or codes (``None``: places unchanged, or
            restated onto their successors).
        period: the target period (``None``: periods unchanged).
        missing: the missing-value strategy used.
        cells: the output cells.
        ratios: the ratio indicators recomputed from aggregated parts.
        notes: inputs left untouched or left out, with the reason.
        allocations: the shares used to restate split units.
        catalogue: the catalogue the indicators were read from.

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.aggregation import rollup
        >>> from antq_domain.records.places import registry
        >>> r = rollup([], registry=registry(), as_of=date(2024, 1, 1))
        >>> r.observations, r.tree
        ((), 'the tree as of 2024-01-01')
    """

    view: View
    as_of: date
    to: tuple[str, ...] | None
    period: Period | None
    missing: MissingStrategy
    cells: tuple[RolledCell, ...] = ()
    ratios: tuple[RatioCell, ...] = ()
    notes: tuple[Note, ...] = ()
    allocations: tuple[Allocation, ...] = ()
    catalogue: Catalogue = attrs.field(factory=catalogue, eq=False, repr=False)

    @property
    def observations(self) -> tuple[Observation, ...]:
        """The output observations, one per cell.

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import rollup
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.records.places import registry
            >>> from antq_domain.values import Quantity
            >>> obs = [Observation(indicator="tips.received", place="62", period=f"2023Q{q}",
            ...                    value=Quantity(100, "tip")) for q in (1, 2, 3, 4)]
            >>> r = rollup(obs, period="2023", registry=registry(), as_of=date(2024, 1, 1))
            >>> [(str(o.period), str(o.value)) for o in r.observations]
            [('2023', '400 tip')]
        """
        return tuple(c.observation for c in self.cells)

    def text(self, lang: Lang = "vi") -> str:
        """The rollup in lines of ``lang``: names and labels, incomplete cells said so.

        A sum with places or periods missing reads "ít nhất …" with what is
        missing ("chưa đủ số liệu: 2/3 đơn vị cấp xã"); a ratio with an
        incomplete part shows only what is missing; a restated rollup marks
        each place "(tính lại)".

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import rollup
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.records.places import registry
            >>> from antq_domain.values import Quantity
            >>> obs = [Observation(indicator="tips.received", place=code, period="2023",
            ...                    value=Quantity(n, "tip"))
            ...        for code, n in [("23281", 10), ("23287", 5), ("23290", 7)]]
            >>> r = rollup(obs, registry=registry(), as_of=date(2025, 7, 1), view="restated")
            >>> print(r.text("en"))  # doctest: +ELLIPSIS
            Rollup: history restated onto the units alive on 2025-07-01
              Security and order tips ... (restated), 2023: at least 22 tips (incomplete: ...)
        """
        return _rollup_view.rollup_text(self, lang)

    def tree_text(self, lang: Lang = "vi") -> str:
        """Which tree was used, in ``lang`` (`tree` gives it in English).

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import rollup
            >>> from antq_domain.records.places import registry
            >>> rollup([], registry=registry(), as_of=date(2025, 7, 1),
            ...        view="restated").tree_text("vi")
            'số liệu tính lại theo các đơn vị hành chính tồn tại ngày 01/07/2025'
        """
        return _rollup_view.tree_text(self, lang)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        incomplete = sum(1 for c in self.cells if not c.is_complete)
        return (
            f"<Rollup: {len(self.cells)} cells ({incomplete} incomplete), "
            f"{len(self.ratios)} ratios, {len(self.notes)} notes; {self.tree}>"
        )

    def rows(self, lang: Lang = "vi") -> list[dict[str, Any]]:
        """One row per cell and per ratio, with names, labels and the value in words.

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import rollup
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.records.places import registry
            >>> from antq_domain.values import Quantity
            >>> obs = [Observation(indicator="tips.received", place="62", period="2023",
            ...                    value=Quantity(726, "tip"))]
            >>> row = rollup(obs, registry=registry(), as_of=date(2024, 1, 1)).rows("en")[0]
            >>> row["place_name"], row["value_text"], row["complete"]
            ('Tỉnh Kon Tum', '726 tips', True)
        """
        return _rollup_view.rollup_rows(self, lang)

    def to_pandas(self, lang: Lang = "vi") -> Any:
        """A pandas DataFrame of `rows` (needs the ``pandas`` extra).

        Raises:
            MissingExtraError: pandas is not installed.

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import rollup
            >>> from antq_domain.records.places import registry
            >>> rollup([], registry=registry(), as_of=date(2024, 1, 1)).to_pandas().shape
            (0, 0)
        """
        return data_frame(self.rows(lang), "Rollup.to_pandas")

    def _repr_html_(self) -> str:
        return _rollup_view.rollup_html(self).markup

    @property
    def tree(self) -> str:
        """Which tree was used, in words.

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import rollup
            >>> from antq_domain.records.places import registry
            >>> rollup([], registry=registry(), as_of=date(2025, 7, 1), view="restated").tree
            'history restated onto the units alive on 2025-07-01'
        """
        if self.view == "restated":
            return f"history restated onto the units alive on {self.as_of.isoformat()}"
        return f"the tree as of {self.as_of.isoformat()}"

    def cell(
        self,
        indicator: str,
        place: str,
        period: Period | str | None = None,
        dims: Mapping[str, str] | None = None,
    ) -> RolledCell:
        """The output cell of ``indicator`` at ``place`` (and period, dims).

        ``period`` may be left out when the rollup has a single output period
        for the indicator and place.

        Raises:
            UnknownCodeError: no such cell (field ``cell``).

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import rollup
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.records.places import registry
            >>> from antq_domain.values import Quantity
            >>> obs = [Observation(indicator="tips.received", place="62", period="2023",
            ...                    value=Quantity(726, "tip"))]
            >>> r = rollup(obs, registry=registry(), as_of=date(2024, 1, 1))
            >>> str(r.cell("tips.received", "62").value)
            '726 tip'
        """
        want_dims = Dims.of(dims or {})
        want_period = None if period is None else str(period)
        found = [
            c
            for c in self.cells
            if c.indicator == indicator
            and c.place == place
            and c.dims == want_dims
            and (want_period is None or str(c.period) == want_period)
        ]
        if len(found) != 1:
            what = (indicator, place, want_period, str(want_dims))
            raise UnknownCodeError(
                "cell", what, f"exactly one output cell, found {len(found)} (give the period)"
            )
        return found[0]

    def ratio(
        self,
        indicator: str,
        place: str,
        period: Period | str | None = None,
        dims: Mapping[str, str] | None = None,
    ) -> Ratio | Undefined:
        """The recomputed ratio of ``indicator`` at ``place`` (and period, dims).

        Raises:
            UnknownCodeError: no such ratio cell (field ``ratio``).

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import rollup
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.records.places import registry
            >>> from antq_domain.values import Quantity
            >>> obs = [Observation(indicator=i, place="62", period="2023", value=Quantity(n, "tip"))
            ...        for i, n in [("tips.received", 726), ("tips.valuable", 655)]]
            >>> r = rollup(obs, registry=registry(), as_of=date(2024, 1, 1))
            >>> r.ratio("tips.valuable_rate", "62").format("vi")
            '90,2% (655/726)'
        """
        want_dims = Dims.of(dims or {})
        want_period = None if period is None else str(period)
        found = [
            r
            for r in self.ratios
            if r.indicator == indicator
            and r.place == place
            and r.dims == want_dims
            and (want_period is None or str(r.period) == want_period)
        ]
        if len(found) != 1:
            what = (indicator, place, want_period, str(want_dims))
            raise UnknownCodeError(
                "ratio", what, f"exactly one ratio cell, found {len(found)} (give the period)"
            )
        return found[0].ratio


# --- ratio primitives ----------------------------------------------------------


def _pairs(parts: Iterable[tuple[Quantity, Quantity]]) -> list[tuple[Quantity, Quantity]]:
    out: list[tuple[Quantity, Quantity]] = []
    for pair in parts:
        if (
            not isinstance(pair, tuple)
            or len(pair) != 2
            or not all(isinstance(q, Quantity) for q in pair)
        ):
            raise AntqTypeError("parts", pair, "(numerator, denominator) pairs of Quantity")
        out.append(pair)
    if not out:
        raise InvariantError("parts", [], "at least one (numerator, denominator) pair")
    return out


def ratio_of_sums(parts: Iterable[tuple[Quantity, Quantity]], *, factor: int = 100) -> Ratio:
    """``factor × Σnumerators ÷ Σdenominators``: the one way ratios aggregate.

    The result keeps the summed parts (and their joined qualifiers); its value is
    [`Undefined`][antq_domain.Undefined] when the summed denominator is zero.

    Raises:
        InvariantError: no parts.
        UnitMismatchError: parts of different units (or stated percentages).

    Example:
        >>> from antq_domain.analysis.aggregation import ratio_of_sums
        >>> from antq_domain.values import Quantity
        >>> t = lambda n: Quantity(n, "tip")
        >>> str(ratio_of_sums([(t(9), t(10)), (t(1), t(90))]))
        '10.0% (10/100)'
    """
    pairs = _pairs(parts)
    numerator, denominator = pairs[0]
    for n, d in pairs[1:]:
        numerator = numerator + n
        denominator = denominator + d
    return Ratio(numerator, denominator, factor)


@attrs.frozen
class MeanOfRatios:
    """The unweighted mean of part ratios, flagged as such.

    A value. Only [`mean_of_ratios`][antq_domain.analysis.aggregation.mean_of_ratios] makes one;
    ``method`` and ``warning`` say what it is so it is never mistaken for a ratio of sums.

    Example:
        >>> from antq_domain.analysis.aggregation import mean_of_ratios
        >>> from antq_domain.values import Quantity
        >>> t = lambda n: Quantity(n, "tip")
        >>> m = mean_of_ratios([(t(9), t(10)), (t(1), t(90))])
        >>> m.method, m.value
        ('mean_of_ratios', Fraction(410, 9))
    """

    value: Fraction | Undefined
    parts: tuple[Ratio, ...]
    skipped: tuple[int, ...] = ()
    method: Literal["mean_of_ratios"] = "mean_of_ratios"
    warning: str = MEAN_OF_RATIOS_WARNING


def mean_of_ratios(
    parts: Iterable[tuple[Quantity, Quantity]], *, factor: int = 100
) -> MeanOfRatios:
    """The unweighted mean of the part ratios (NOT a ratio of sums).

    Parts with a zero denominator are skipped and their indices listed; if every part is undefined,
    so is the mean. The result says ``method="mean_of_ratios"`` and carries
    [`MEAN_OF_RATIOS_WARNING`][antq_domain.analysis.aggregation.MEAN_OF_RATIOS_WARNING].

    Example:
        >>> from antq_domain.analysis.aggregation import mean_of_ratios
        >>> from antq_domain.values import Quantity
        >>> t = lambda n: Quantity(n, "tip")
        >>> m = mean_of_ratios([(t(1), t(2)), (t(1), t(0))])
        >>> m.value, m.skipped
        (Fraction(50, 1), (1,))
    """
    ratios = tuple(Ratio(n, d, factor) for n, d in _pairs(parts))
    values: list[Fraction] = []
    skipped: list[int] = []
    for i, r in enumerate(ratios):
        v = r.value
        if isinstance(v, Undefined):
            skipped.append(i)
        else:
            values.append(v)
    if not values:
        return MeanOfRatios(
            Undefined(
                "every part has a zero denominator", reason_vi="mọi thành phần đều có mẫu số bằng 0"
            ),
            ratios,
            tuple(skipped),
        )
    return MeanOfRatios(sum(values, Fraction(0)) / len(values), ratios, tuple(skipped))


# --- rollup -------------------------------------------------------------------


def _inputs(
    observations: object, cat: Catalogue | None
) -> tuple[tuple[Observation, ...], Catalogue]:
    found = getattr(observations, "catalogue", None)
    if cat is None:
        cat = found if isinstance(found, Catalogue) else catalogue()
    observations = as_observations(observations, cat)
    out = observations_of(
        observations,
        "observations",
        "observations, a report, a rollup result, a DataFrame or tidy-row dicts",
    )
    return out, cat


def _dedup(observations: Iterable[Observation]) -> dict[CellKey, Observation]:
    """One observation per cell; equal values merge, any other grade is a conflict (strict)."""
    unique: dict[CellKey, Observation] = {}
    for o in observations:
        key = (o.indicator, o.place, o.period, o.dims)
        seen = unique.get(key)
        if seen is None:
            unique[key] = o
        elif (how := grade((o.value, seen.value))) in STRICT_CONFLICTS:
            cell = f"{o.indicator} {o.place} {o.period} {o.dims}"
            raise ConflictError(
                "value",
                Message(
                    f"{cell}: {o.value} and {seen.value} ({how.value})",
                    f"{cell}: {o.value} và {seen.value} ({how.value})",
                ),
                "one value per cell: settle conflicting sources before aggregating",
                expected_vi="mỗi ô một giá trị: giải quyết các nguồn mâu thuẫn trước khi tổng hợp",
            )
    return unique


class _Part(NamedTuple):
    """One input place's contribution to a cell, after time aggregation."""

    quantity: Quantity | None  # the sum of its reported values, if any
    missing: bool  # something of it is not reported, withheld, or absent
    applicable: bool  # False when every value was not applicable
    periods: tuple[Period, ...]
    missing_periods: tuple[Period, ...]


def _part_of(o: Observation) -> _Part:
    value = o.value
    if isinstance(value, Quantity):
        return _Part(value, False, True, (o.period,), ())
    if isinstance(value, NotApplicable):
        return _Part(None, False, False, (o.period,), ())
    return _Part(None, True, True, (o.period,), (o.period,))


def _tiles(target: Period, kind: PeriodKind) -> tuple[Period, ...] | None:
    return target.tiles(kind)


class _Gaps:
    """Expected sub-periods of a target period that no observation covers."""

    def __init__(self, target: Period) -> None:
        self.target = target
        self._tiles: dict[PeriodKind, tuple[Period, ...] | None] = {}

    def __call__(self, present: Sequence[Period]) -> tuple[Period, ...]:
        kinds = {p.kind for p in present}
        if len(kinds) == 1:
            kind = next(iter(kinds))
            if kind.is_standard:
                if kind not in self._tiles:
                    self._tiles[kind] = _tiles(self.target, kind)
                tiles = self._tiles[kind]
                if tiles is not None:
                    have = set(present)
                    return tuple(t for t in tiles if t not in have)
        # irregular inputs: the uncovered runs of days, as ranges
        gaps: list[Period] = []
        cursor = self.target.start
        for p in sorted(present, key=lambda p: p.sort_key):
            if p.start > cursor:
                gaps.append(Period.between(cursor, p.start - _DAY))
            cursor = max(cursor, p.end + _DAY)
        if cursor <= self.target.end:
            gaps.append(Period.between(cursor, self.target.end))
        return tuple(gaps)


_DAY = date(2000, 1, 2) - date(2000, 1, 1)


def _over_time(
    ind: Indicator,
    group: list[Observation],
    target: Period,
    gaps: _Gaps,
    notes: list[Note],
) -> _Part | None:
    """Aggregate one place's observations of one indicator and dims cell over time."""
    inside: list[Observation] = []
    for o in group:
        if target.contains(o.period):
            inside.append(o)
        elif target.overlaps(o.period):
            notes.append(
                Note(o.indicator, o.place, o.period, f"straddles the target period {target}")
            )
    if not inside:
        return None
    inside.sort(key=lambda o: o.period.sort_key)
    if ind.time_aggregation is TimeAggregation.SUM:
        for a, b in itertools.pairwise(inside):
            if b.period.start <= a.period.end:
                raise InvariantError(
                    "period",
                    Message(
                        f"{a.indicator} {a.place}: {a.period} and {b.period}",
                        f"{a.indicator} {a.place}: {a.period} và {b.period}",
                    ),
                    "disjoint sub-periods: a flow over overlapping periods would double count",
                    expected_vi="các kỳ con không chồng lấn: cộng số phát sinh của các kỳ chồng "
                    "lấn sẽ tính trùng",
                )
        total: Quantity | None = None
        missing_periods: list[Period] = []
        applicable = False
        for o in inside:
            part = _part_of(o)
            applicable = applicable or part.applicable
            missing_periods.extend(part.missing_periods)
            if part.quantity is not None:
                total = part.quantity if total is None else total + part.quantity
        missing_periods.extend(gaps([o.period for o in inside]))
        missing_periods.sort(key=lambda p: p.sort_key)
        return _Part(
            total,
            bool(missing_periods),
            applicable,
            tuple(o.period for o in inside),
            tuple(missing_periods),
        )
    if ind.time_aggregation is TimeAggregation.LAST:
        latest_end = max(o.period.end for o in inside)
        at_end = [o for o in inside if o.period.end == latest_end]
        last = at_end[-1]
        for other in at_end:
            if grade((other.value, last.value)) in STRICT_CONFLICTS:
                both = (
                    f"{last.indicator} {last.place}: {other.period}={other.value}",
                    f"{last.period}={last.value}",
                )
                raise ConflictError(
                    "value",
                    Message(f"{both[0]} and {both[1]}", f"{both[0]} và {both[1]}"),
                    "one stock value at the end of the period",
                    expected_vi="một giá trị số hiện có ở cuối kỳ",
                )
        return _part_of(last)
    # TimeAggregation.NONE: only a figure for the target period itself passes
    exact = [o for o in inside if o.period == target]
    notes.extend(
        Note(o.indicator, o.place, o.period, f"{ind.code} does not aggregate over time")
        for o in inside
        if o.period != target
    )
    return _part_of(exact[0]) if exact else None


class PlaceTree:
    """The place mapping of one rollup: input place → output places, with shares.

    Built by [`of`][antq_domain.analysis.aggregation.PlaceTree.of] from a rollup's arguments; it
    remembers what it
    worked out (a rollup asks about the same few thousand places millions of
    times). [`rollup_parts`][antq_domain.analysis.aggregation.rollup_parts] and the bulk path
    both map places through
    it; [`finish_rollup`][antq_domain.analysis.aggregation.finish_rollup] asks it which places a
    complete cell expects.

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.aggregation import PlaceTree
        >>> from antq_domain.records.places import registry
        >>> tree = PlaceTree.of(registry(), as_of=date(2023, 12, 31), to="province")
        >>> tree.restated("608"), tree.targets("608"), tree.to
        ((('608', Fraction(1, 1)),), ('62',), ('province',))
    """

    def __init__(  # noqa: PLR0917 - built by ``of``
        self,
        reg: Registry,
        as_of: date,
        view: View,
        level: PlaceLevel | None,
        codes: tuple[str, ...] | None,
        shares: Mapping[str, Mapping[str, Fraction | int]] | None,
    ) -> None:
        self.reg = reg
        self.as_of = as_of
        self.view = view
        self.level = level
        self.codes = codes
        self.shares = shares or {}
        self._resolved: dict[tuple[str, Period], str] = {}
        self._restated: dict[str, tuple[tuple[str, Fraction], ...]] = {}
        self._targets: dict[str, tuple[str, ...]] = {}
        self._expected: dict[tuple[str, PlaceLevel, PlaceLevel, date], frozenset[str]] = {}
        self.allocations: set[Allocation] = set()

    @classmethod
    def of(
        cls,
        registry: Registry,
        *,
        as_of: date,
        view: View = "as_of",
        to: str | Sequence[str] | None = None,
        shares: Mapping[str, Mapping[str, Fraction | int]] | None = None,
    ) -> PlaceTree:
        """The tree of a rollup with these arguments (see `rollup`).

        Raises:
            AntqTypeError: ``to`` is not a level, a code or a list of codes.
            UnknownCodeError: an unknown target code.

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import PlaceTree
            >>> from antq_domain.records.places import registry
            >>> PlaceTree.of(registry(), as_of=date(2023, 12, 31), to=["62", "62"]).to
            ('62',)
        """
        level, codes = _parse_to(to)
        if codes is not None:
            codes = _target_codes(registry, codes, as_of)
        return cls(registry, as_of, view, level, codes, shares)

    @property
    def to(self) -> tuple[str, ...] | None:
        """The rollup's target as its result states it: the level, the codes, or ``None``.

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import PlaceTree
            >>> from antq_domain.records.places import registry
            >>> PlaceTree.of(registry(), as_of=date(2023, 12, 31)).to is None
            True
        """
        return (self.level.value,) if self.level is not None else self.codes

    def level_of(self, code: str) -> PlaceLevel:
        """The level of a register code.

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import PlaceTree
            >>> from antq_domain.records.places import registry
            >>> PlaceTree.of(registry(), as_of=date(2023, 12, 31)).level_of("62").value
            'province'
        """
        return self.reg.get(code).level

    def resolve(self, code: str, period: Period) -> str:
        """The register code of an input place (an official code is resolved by date).

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import PlaceTree
            >>> from antq_domain.records.places import registry
            >>> tree = PlaceTree.of(registry(), as_of=date(2023, 12, 31), to="province")
            >>> from antq_domain.values import Period
            >>> tree.resolve("608", Period.year(2023))
            '608'
        """
        key = (code, period)
        if key not in self._resolved:
            self._resolved[key] = self._resolve(code, period)
        return self._resolved[key]

    def _resolve(self, code: str, period: Period) -> str:
        if code in self.reg:
            place = self.reg.get(code)
            if _lives_during(place, period):
                return code
        for day in (period.end, period.start):
            try:
                return self.reg.resolve(code, day).code
            except UnknownCodeError:
                continue
        return self.reg.get(code).code  # raises UnknownCodeError for unknown codes

    def restated(self, code: str) -> tuple[tuple[str, Fraction], ...]:
        """The places an input place stands for in the tree used, with shares.

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import PlaceTree
            >>> from antq_domain.records.places import registry
            >>> tree = PlaceTree.of(registry(), as_of=date(2023, 12, 31), to="province")
            >>> tree.restated("608")
            (('608', Fraction(1, 1)),)
        """
        if code not in self._restated:
            self._restated[code] = self._restate(code)
        return self._restated[code]

    def _restate(self, code: str) -> tuple[tuple[str, Fraction], ...]:
        place = self.reg.get(code)
        if self.view == "as_of":
            if (self.level is not None or self.codes is not None) and not place.alive_on(
                self.as_of
            ):
                raise InvariantError(
                    "place",
                    code,
                    f"a unit alive on {self.as_of} (view='as_of' uses that day's tree);"
                    f" {place.name} lived {_life(place)}: use view='restated'",
                )
            return ((code, Fraction(1)),)
        current = tuple(p.code for p in self.reg.current(code, self.as_of))
        if not current:
            raise InvariantError(
                "place",
                code,
                f"a unit with successors alive on {self.as_of}: {place.name} ended"
                f" {place.valid_to} without any; restate its parts instead",
            )
        table = self.shares.get(code)
        if table is None:
            if len(current) == 1:
                return ((current[0], Fraction(1)),)
            raise InvariantError(
                "shares",
                code,
                f"a share table for {place.name}, which was split between"
                f" {', '.join(current)}: shares={{{code!r}: {{new_code: Fraction, ...}}}}"
                " summing to 1",
            )
        return self._checked_shares(code, current, table)

    def _checked_shares(
        self, code: str, current: tuple[str, ...], table: Mapping[str, Fraction | int]
    ) -> tuple[tuple[str, Fraction], ...]:
        out: list[tuple[str, Fraction]] = []
        for new, share in sorted(table.items()):
            if new not in current:
                raise InvariantError(
                    f"shares.{code}", new, f"one of the units it became: {', '.join(current)}"
                )
            if isinstance(share, bool) or not isinstance(share, Fraction | int) or share < 0:
                raise InvariantError(
                    f"shares.{code}.{new}", share, "a non-negative Fraction (exact; no floats)"
                )
            out.append((new, Fraction(share)))
        if sum((s for _, s in out), Fraction(0)) != 1:
            raise InvariantError(
                f"shares.{code}", dict(table), "shares summing to exactly 1 (nothing lost)"
            )
        if len(out) > 1:
            self.allocations.update(Allocation(code, new, s) for new, s in out)
        return tuple(out)

    def targets(self, code: str) -> tuple[str, ...]:
        """The output places a place of the tree used goes to.

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import PlaceTree
            >>> from antq_domain.records.places import registry
            >>> tree = PlaceTree.of(registry(), as_of=date(2023, 12, 31), to="province")
            >>> tree.targets("608")
            ('62',)
        """
        if code not in self._targets:
            self._targets[code] = self._target(code)
        return self._targets[code]

    def _target(self, code: str) -> tuple[str, ...]:
        if self.level is None and self.codes is None:
            return (code,)
        chain = (self.reg.get(code), *self.reg.ancestors(code, self.as_of))
        if self.codes is not None:
            mine = {p.code for p in chain}
            return tuple(c for c in self.codes if c in mine)
        assert self.level is not None  # noqa: S101 - one of level, codes is set here
        for p in chain:
            if p.level is self.level:
                return (p.code,)
        place = chain[0]
        if place.level.rank < self.level.rank:
            raise InvariantError(
                "to",
                self.level.value,
                f"a level at or above the inputs': {place.name} ({code}) is a"
                f" {place.level.value}-level unit",
            )
        raise InvariantError(
            "to",
            self.level.value,
            f"a level the tree has on {self.as_of}: {place.name} ({code}) has no"
            f" {self.level.value}-level ancestor then",
        )

    def expected(
        self, target: str, level: PlaceLevel, source_level: PlaceLevel, day: date
    ) -> frozenset[str]:
        """The input places a complete cell of ``target`` would have.

        ``level`` is the level of the units of the tree used, ``source_level``
        that of the input places; ``day`` the end of the cell's period.

        Example:
            >>> from datetime import date
            >>> from antq_domain.analysis.aggregation import PlaceTree
            >>> from antq_domain.records.places import PlaceLevel, registry
            >>> tree = PlaceTree.of(registry(), as_of=date(2023, 12, 31), to="province")
            >>> d = PlaceLevel.DISTRICT
            >>> sorted(tree.expected("62", d, d, date(2023, 12, 31)))[:3]
            ['608', '610', '611']
        """
        key = (target, level, source_level, day)
        if key not in self._expected:
            self._expected[key] = self._expect(target, level, source_level, day)
        return self._expected[key]

    def _expect(
        self, target: str, level: PlaceLevel, source_level: PlaceLevel, day: date
    ) -> frozenset[str]:
        place = self.reg.get(target)
        if place.level is level or (self.level is None and self.codes is None):
            units = {target}
        else:
            units = {p.code for p in self.reg.descendants(target, self.as_of, level=level)}
        if self.view == "as_of":
            return frozenset(units)
        sources: set[str] = set()
        for unit in units:
            sources.update(_sources(self.reg, unit, min(day, self.as_of)))
        return frozenset(s for s in sources if self.reg.get(s).level is source_level)


def _lives_during(place: Place, period: Period) -> bool:
    starts = place.valid_from is None or place.valid_from <= period.end
    ends = place.valid_to is None or place.valid_to >= period.start
    return starts and ends


def _life(place: Place) -> str:
    start = place.valid_from.isoformat() if place.valid_from else "…"
    end = place.valid_to.isoformat() if place.valid_to else "…"
    return f"{start} to {end}"


def _sources(reg: Registry, code: str, day: date) -> set[str]:
    """The units alive on ``day`` that are, or became (part of), ``code``."""
    out: set[str] = set()
    seen: set[str] = set()
    stack = [code]
    while stack:
        c = stack.pop()
        if c in seen:
            continue
        seen.add(c)
        place = reg.get(c)
        if place.alive_on(day):
            out.add(c)
        elif place.valid_from is not None and place.valid_from > day:
            stack.extend(p.code for p in reg.predecessors(c))
    return out


def allocate(q: Quantity, shares: Sequence[tuple[str, Fraction]]) -> list[Quantity]:
    """Share ``q`` out exactly: largest remainder at the amount's own precision.

    ``shares`` are ``(unit, share)`` pairs summing to 1 (as
    [`PlaceTree.restated`][antq_domain.analysis.aggregation.PlaceTree.restated] gives them); the
    parts sum to ``q``.

    Example:
        >>> from fractions import Fraction
        >>> from antq_domain.analysis.aggregation import allocate
        >>> from antq_domain.values import Quantity
        >>> halves = [("a", Fraction(1, 2)), ("b", Fraction(1, 2))]
        >>> [str(q) for q in allocate(Quantity(7, "tip"), halves)]
        ['4 tip', '3 tip']
    """
    if len(shares) == 1:
        return [q]
    amount = q.amount
    if isinstance(amount, Decimal):
        exponent = amount.as_tuple().exponent
        decimals = max(0, -exponent) if isinstance(exponent, int) else 0
    else:
        decimals = 0
    exact = Fraction(amount)
    parts = largest_remainder([exact * s for _, s in shares], decimals)
    if q.unit.is_decimal:
        return [Quantity(p, q.unit, q.qualifier) for p in parts]
    return [Quantity(int(p), q.unit, q.qualifier) for p in parts]


class CellParts:
    """What went into one output cell of a rollup, before the cell is built.

    Filled by [`rollup_parts`][antq_domain.analysis.aggregation.rollup_parts] (from
    observations) or by the bulk path
    (from columns); [`finish_rollup`][antq_domain.analysis.aggregation.finish_rollup] turns it
    into a
    [`RolledCell`][antq_domain.analysis.aggregation.RolledCell]. Mutable while it is being
    filled, then read once. The bulk path gives the cells with the same contributing
    places one set object (not changed once shared); `finish_rollup` sorts each such
    object once.

    Attributes:
        total: the sum of the reported parts, if any.
        applicable: some part was not ``not_applicable``.
        contributors: the input places that had an observation for the cell.
        periods: the input periods that went in.
        missing: contributing places with nothing usable (not reported,
            withheld, or a gap with no figure at all).
        missing_periods: ``(place, period)``: sub-periods with no usable
            figure at a place that gave something.
        levels: the levels of the units of the tree used.
        sources: the levels of the input places.
        passthrough: the input copied unchanged (no aggregation was needed).

    Example:
        >>> from antq_domain.analysis.aggregation import CellParts
        >>> from antq_domain.values import Quantity
        >>> parts = CellParts()
        >>> parts.add_quantity("608", Quantity(3, "tip"))
        >>> parts.add_quantity("616", Quantity(4, "tip", "at_least"))
        >>> str(parts.total), sorted(parts.contributors)
        ('>=7 tip', ['608', '616'])
    """

    __slots__ = (
        "applicable",
        "contributors",
        "levels",
        "missing",
        "missing_periods",
        "passthrough",
        "periods",
        "sources",
        "total",
    )

    def __init__(self) -> None:
        self.total: Quantity | None = None
        self.missing: set[str] = set()
        self.missing_periods: set[tuple[str, Period]] = set()
        self.contributors: set[str] = set()
        self.periods: set[Period] = set()
        self.applicable = False
        self.levels: set[PlaceLevel] = set()
        self.sources: set[PlaceLevel] = set()
        self.passthrough: Observation | None = None

    def add_quantity(self, source: str, quantity: Quantity) -> None:
        """Add a reported figure of ``source`` (periods and levels are added apart).

        Example:
            >>> from antq_domain.analysis.aggregation import CellParts
            >>> from antq_domain.values import Quantity
            >>> parts = CellParts()
            >>> parts.add_quantity("608", Quantity(3, "tip"))
            >>> str(parts.total), parts.applicable
            ('3 tip', True)
        """
        self.contributors.add(source)
        self.applicable = True
        self.total = quantity if self.total is None else self.total + quantity

    def _add(self, source: str, part: _Part, quantity: Quantity | None) -> None:
        self.contributors.add(source)
        self.periods.update(part.periods)
        self.applicable = self.applicable or part.applicable
        if quantity is not None:
            self.total = quantity if self.total is None else self.total + quantity
        elif part.missing:
            self.missing.add(source)
        if quantity is not None or not part.missing:
            self.missing_periods.update((source, p) for p in part.missing_periods)


def _value(acc: CellParts, incomplete: bool, missing: MissingStrategy) -> Value:
    total = acc.total
    if total is None:
        if not incomplete and not acc.applicable:
            return NOT_APPLICABLE
        return NOT_REPORTED
    if not incomplete or missing == "ignore":
        return total
    if missing == "strict":
        return NOT_REPORTED
    return Quantity(total.amount, total.unit, total.qualifier.combine(Qualifier.AT_LEAST))


@attrs.define
class RollupParts:
    """The output cells' parts and the notes of a rollup, before its cells are built.

    What [`rollup_parts`][antq_domain.analysis.aggregation.rollup_parts] gives and
    [`finish_rollup`][antq_domain.analysis.aggregation.finish_rollup] takes; the bulk
    path builds one from columns and
    [`merge`][antq_domain.analysis.aggregation.RollupParts.merge] s the reference's for the
    rows it re-reads.

    Example:
        >>> from antq_domain.analysis.aggregation import RollupParts
        >>> RollupParts().merge(RollupParts()).cells
        {}
    """

    cells: dict[CellKey, CellParts] = attrs.field(factory=dict)
    notes: list[Note] = attrs.field(factory=list)

    def merge(self, other: RollupParts) -> RollupParts:
        """Both parts together; the two must not share a cell.

        Raises:
            InvariantError: a cell in both (field ``cells``).

        Example:
            >>> from antq_domain.analysis.aggregation import CellParts, RollupParts
            >>> from antq_domain.values import Period
            >>> from antq_domain.records.observation import Dims
            >>> key = ("tips.received", "62", Period.year(2023), Dims())
            >>> a = RollupParts({key: CellParts()})
            >>> a.merge(a)
            Traceback (most recent call last):
            ...
            antq_domain.errors.InvariantError: cells='tips.received 62 2023': expected ...
        """
        shared = self.cells.keys() & other.cells.keys()
        if shared:
            ind, place, period, _ = min(shared, key=_key_order)
            raise InvariantError(
                "cells", f"{ind} {place} {period}", "parts of one cell from one source only"
            )
        return RollupParts({**self.cells, **other.cells}, [*self.notes, *other.notes])


def _parse_to(to: str | Sequence[str] | None) -> tuple[PlaceLevel | None, tuple[str, ...] | None]:
    if to is None:
        return None, None
    if isinstance(to, str):
        if to in {lv.value for lv in PlaceLevel}:
            return PlaceLevel(to), None
        return None, (to,)
    if not isinstance(to, Sequence) or not to or not all(isinstance(c, str) for c in to):
        raise AntqTypeError("to", to, "a level name, a place code, or a list of place codes")
    return None, tuple(dict.fromkeys(to))


def check_rollup_args(view: object, missing: object, as_of: object) -> None:
    """Check a rollup's ``view``, ``missing`` and ``as_of`` as `rollup` does, first.

    Raises:
        InvariantError: an unknown view or missing strategy.
        AntqTypeError: ``as_of`` is not a date.

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.aggregation import check_rollup_args
        >>> check_rollup_args("as_of", "strict", date(2024, 1, 1))
        >>> check_rollup_args("today", "strict", date(2024, 1, 1))
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: view='today': expected 'as_of' or 'restated'
    """
    if view not in get_args(View):
        raise InvariantError("view", view, "'as_of' or 'restated'")
    if missing not in get_args(MissingStrategy):
        raise InvariantError("missing", missing, "'lower_bound', 'strict' or 'ignore'")
    if not isinstance(as_of, date):
        raise AntqTypeError("as_of", as_of, "a datetime.date (time is a parameter)")


def _target_codes(reg: Registry, codes: tuple[str, ...], as_of: date) -> tuple[str, ...]:
    out: list[str] = []
    for code in codes:
        if code in reg and reg.get(code).alive_on(as_of):
            out.append(code)
        else:
            out.append(reg.resolve(code, as_of).code)
    return tuple(dict.fromkeys(out))


def rollup(
    observations: Iterable[Observation] | object,
    *,
    to: str | Sequence[str] | None = None,
    period: Period | str | None = None,
    registry: Registry,
    as_of: date,
    view: View = "as_of",
    catalogue: Catalogue | None = None,
    shares: Mapping[str, Mapping[str, Fraction | int]] | None = None,
    missing: MissingStrategy = "lower_bound",
) -> Rollup:
    """Aggregate observations over places and/or time, by each indicator's rules.

    Two steps, both public: [`rollup_parts`][antq_domain.analysis.aggregation.rollup_parts]
    (over time, then over
    places: what goes into each output cell) and
    [`finish_rollup`][antq_domain.analysis.aggregation.finish_rollup] (the
    cells, ratios and notes). The bulk path gives
    [`finish_rollup`][antq_domain.analysis.aggregation.finish_rollup] parts
    computed in columns, so cells are built in one place.

    Args:
        observations: observations, a report, or another rollup's result.
        to: a level (``"nation"``, ``"province"``, ``"district"``,
            ``"commune"``), a place code or a list of codes; ``None`` keeps
            the places (restated onto their successors in the restated view).
        period: the target period (``"2023"``); ``None`` keeps the periods.
            Inputs outside it are not asked for and left out.
        registry: the register of places.
        as_of: the day of the tree used.
        view: ``"as_of"``: the tree as it stood on ``as_of`` (every input
            place must then exist when ``to`` is given); ``"restated"``: map
            every input place onto the units alive on ``as_of`` first.
        catalogue: the indicators (default: the input's own, or the standard).
        shares: for restating split units: ``{old_code: {new_code: Fraction}}``
            summing to 1.
        missing: ``"lower_bound"``, ``"strict"`` or ``"ignore"`` (module docs).

    Raises:
        ConflictError: two inputs give different values for one cell.
        InvariantError: overlapping sub-periods of a flow (field ``period``);
            a place outside the tree used (``place``); a split unit without a
            valid share table (``shares``); a target level below the inputs'
            or inputs of several levels in one cell (``to``, ``observations``).
        UnknownCodeError: an unknown place or indicator code.

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.aggregation import rollup
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.records.places import registry
        >>> from antq_domain.values import Quantity
        >>> obs = [Observation(indicator="tips.received", place=d, period="2023",
        ...                    value=Quantity(n, "tip")) for d, n in [("608", 300), ("616", 40)]]
        >>> r = rollup(obs, to="province", registry=registry(), as_of=date(2023, 12, 31),
        ...            missing="ignore")
        >>> c = r.cells[0]
        >>> c.place, str(c.value), c.contributors, len(c.missing_places)
        ('62', '340 tip', ('608', '616'), 8)
    """
    check_rollup_args(view, missing, as_of)
    items, cat = _inputs(observations, catalogue)
    target_period = None if period is None else Period.parse(str(period))
    tree = PlaceTree.of(registry, as_of=as_of, view=view, to=to, shares=shares)
    parts = rollup_parts(items, tree=tree, period=target_period, catalogue=cat)
    return finish_rollup(parts, tree=tree, period=target_period, missing=missing, catalogue=cat)


def rollup_parts(  # noqa: PLR0912 - the reference's steps, kept together
    observations: Iterable[Observation],
    *,
    tree: PlaceTree,
    period: Period | None,
    catalogue: Catalogue,
) -> RollupParts:
    """The first step of a rollup: what goes into each output cell, and the notes.

    One observation per cell (equal values merge), places resolved to
    register codes; over time per input place (sums, last values, a figure
    of the target period itself for indicators that do not aggregate over
    time); then over places through ``tree`` (restated shares allocated
    exactly; stated percentages and indicators that do not add up over
    places passed through or noted).

    Raises:
        ConflictError, InvariantError, UnknownCodeError: as `rollup` raises them.

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.aggregation import PlaceTree, rollup_parts
        >>> from antq_domain.records.indicators import catalogue
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.records.places import registry
        >>> from antq_domain.values import Period, Quantity
        >>> obs = [Observation(indicator="tips.received", place=d, period="2023",
        ...                    value=Quantity(n, "tip")) for d, n in [("608", 300), ("616", 40)]]
        >>> tree = PlaceTree.of(registry(), as_of=date(2023, 12, 31), to="province")
        >>> parts = rollup_parts(obs, tree=tree, period=Period.year(2023), catalogue=catalogue())
        >>> [(key[1], str(p.total)) for key, p in parts.cells.items()]
        [('62', '340 tip')]
    """
    cat = catalogue
    notes: list[Note] = []

    # 1. one observation per cell, places resolved to register codes
    resolved: list[Observation] = []
    for o in observations:
        code = tree.resolve(o.place, o.period)
        resolved.append(o if code == o.place else o.model_copy(update={"place": code}))
    unique = _dedup(resolved)

    # 2. over time, per input place: parts keyed by (indicator, place, period, dims)
    parts: dict[CellKey, _Part] = {}
    originals: dict[CellKey, Observation] = {}
    if period is None:
        for key, o in unique.items():
            parts[key] = _part_of(o)
            originals[key] = o
    else:
        groups: dict[tuple[str, str, Dims], list[Observation]] = defaultdict(list)
        for (ind_code, place, _, dims), o in unique.items():
            groups[(ind_code, place, dims)].append(o)
        gaps = _Gaps(period)
        for (ind_code, place, dims), group in groups.items():
            part = _over_time(cat.get(ind_code), group, period, gaps, notes)
            if part is not None:
                key = (ind_code, place, period, dims)
                parts[key] = part
                for o in group:
                    if o.period == period:
                        originals[key] = o

    # 3. over places
    accs: dict[CellKey, CellParts] = defaultdict(CellParts)
    for key in sorted(parts, key=_key_order):
        ind_code, place, cell_period, dims = key
        part = parts[key]
        ind = cat.get(ind_code)
        restated = tree.restated(place)
        quantities: list[Quantity | None]
        if part.quantity is None:
            quantities = [None] * len(restated)
        else:
            quantities = list(allocate(part.quantity, restated))
        stated_ratio = ind.kind.is_ratio
        no_sum = stated_ratio or ind.place_aggregation is PlaceAggregation.NONE
        for (unit, share), quantity in zip(restated, quantities, strict=True):
            for target in tree.targets(unit):
                out_key = (ind_code, target, cell_period, dims)
                identity = target == place and share == 1
                if no_sum and not (identity and not stated_ratio):
                    original = originals.get(key)
                    if identity and original is not None:
                        accs[out_key].passthrough = original
                    else:
                        why = (
                            "a stated percentage is shown as stated, never re-aggregated;"
                            " ratios are recomputed from their parts"
                            if stated_ratio
                            else f"{ind_code} does not add up over places"
                            " (place aggregation 'none')"
                        )
                        notes.extend(Note(ind_code, place, p, why) for p in part.periods)
                    continue
                acc = accs[out_key]
                acc._add(place, part, quantity)
                acc.levels.add(tree.level_of(unit))
                acc.sources.add(tree.level_of(place))
    return RollupParts(dict(accs), notes)


def finish_rollup(
    parts: RollupParts,
    *,
    tree: PlaceTree,
    period: Period | None,
    missing: MissingStrategy,
    catalogue: Catalogue,
) -> Rollup:
    """The last step of a rollup: the output cells, their ratios and notes.

    The one place where a rollup's cells are built, whatever computed the
    parts ([`rollup_parts`][antq_domain.analysis.aggregation.rollup_parts] from observations, or
    the bulk path from
    columns): the places a complete cell expects (from ``tree``), the
    missing places and periods, the value per the ``missing`` strategy, the
    ratios of sums, the notes and the allocations, in canonical order.

    Raises:
        InvariantError: inputs of several levels in one cell (field ``observations``).

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.aggregation import CellParts, PlaceTree, RollupParts
        >>> from antq_domain.analysis.aggregation import finish_rollup
        >>> from antq_domain.records.indicators import catalogue
        >>> from antq_domain.records.observation import Dims
        >>> from antq_domain.records.places import PlaceLevel, registry
        >>> from antq_domain.values import Period, Quantity
        >>> tree = PlaceTree.of(registry(), as_of=date(2023, 12, 31), to="province")
        >>> cell = CellParts()
        >>> cell.add_quantity("608", Quantity(300, "tip"))
        >>> cell.levels.add(PlaceLevel.DISTRICT); cell.sources.add(PlaceLevel.DISTRICT)
        >>> year = Period.year(2023)
        >>> parts = RollupParts({("tips.received", "62", year, Dims()): cell})
        >>> r = finish_rollup(parts, tree=tree, period=year, missing="lower_bound",
        ...                   catalogue=catalogue())
        >>> str(r.cells[0].value), len(r.cells[0].missing_places)
        ('>=300 tip', 9)
    """
    cat = catalogue
    cells: list[RolledCell] = []
    # the bulk path gives the cells with the same places one set object: the places sorted,
    # and those expected but absent, are worked out once per object (each object is kept in
    # the memo beside its answer, so its id is not reused while the rollup is built)
    in_order: dict[int, tuple[set[str], tuple[str, ...]]] = {}
    absent: dict[tuple[int, int], tuple[frozenset[str], set[str], frozenset[str]]] = {}

    def sorted_places(places: set[str]) -> tuple[str, ...]:
        found = in_order.get(id(places))
        if found is None:
            found = in_order[id(places)] = (places, tuple(sorted(places)))
        return found[1]

    def not_there(expected: frozenset[str], places: set[str]) -> frozenset[str]:
        found = absent.get((id(expected), id(places)))
        if found is None:
            found = absent[id(expected), id(places)] = (expected, places, expected - places)
        return found[2]

    for out_key in sorted(parts.cells, key=_key_order):
        acc = parts.cells[out_key]
        ind_code, target, cell_period, dims = out_key
        if acc.passthrough is not None:
            o = acc.passthrough
            cells.append(RolledCell(o, (o.place,), (o.period,), passed_through=True))
            continue
        if len(acc.levels) > 1 or len(acc.sources) > 1:
            raise InvariantError(
                "observations",
                f"{ind_code} {target} {cell_period}: levels "
                + ", ".join(sorted(lv.value for lv in acc.levels | acc.sources)),
                "inputs of one level per cell (a province and its communes would double count)",
            )
        expected = tree.expected(
            target, next(iter(acc.levels)), next(iter(acc.sources)), cell_period.end
        )
        missing_places = not_there(expected, acc.contributors) | acc.missing
        incomplete = bool(missing_places or acc.missing_periods)
        value = _value(acc, incomplete, missing)
        obs = Observation.model_validate(
            {
                "indicator": ind_code,
                "place": target,
                "period": cell_period,
                "value": value,
                "dims": dims,
            },
            context={"catalogue": cat},
        )
        cells.append(
            RolledCell(
                obs,
                sorted_places(acc.contributors),
                tuple(sorted(acc.periods, key=lambda p: p.sort_key)),
                tuple(sorted(missing_places)),
                tuple(sorted(acc.missing_periods, key=lambda sp: (sp[0], sp[1].sort_key))),
            )
        )

    return Rollup(
        view=tree.view,
        as_of=tree.as_of,
        to=tree.to,
        period=period,
        missing=missing,
        cells=tuple(cells),
        ratios=_ratios(cells, cat),
        notes=tuple(
            sorted(set(parts.notes), key=lambda n: (n.indicator, n.place, n.period.sort_key))
        ),
        allocations=tuple(sorted(tree.allocations, key=lambda a: (a.source, a.target))),
        catalogue=cat,
    )


def _ratios(cells: Sequence[RolledCell], cat: Catalogue) -> tuple[RatioCell, ...]:
    """Each ratio cell `Catalogue.ratio_cells` finds per place and period, as a ratio of sums."""
    by_key: dict[CellKey, Value] = {c.key: c.value for c in cells if not c.passed_through}
    frames: dict[tuple[str, Period], list[tuple[str, Dims]]] = defaultdict(list)
    for indicator, place, period, dims in by_key:
        frames[(place, period)].append((indicator, dims))
    out: list[RatioCell] = []
    for (place, period), stated in frames.items():
        for code, dims in cat.ratio_cells(stated):
            spec = cat[code].ratio
            assert spec is not None  # noqa: S101 - ratio_cells lists ratio indicators only
            values = [
                by_key.get((part, place, period, dims))
                for part in (spec.numerator, spec.denominator)
            ]
            ratio: Ratio | Undefined
            n, d = values
            if isinstance(n, Quantity) and isinstance(d, Quantity):
                ratio = Ratio(n, d, spec.factor)
            else:
                part, v = next(
                    (c, v)
                    for c, v in zip((spec.numerator, spec.denominator), values, strict=True)
                    if not isinstance(v, Quantity)
                )
                status = "absent" if v is None else v.status.value
                status_vi = "không có số liệu" if v is None else v.status.text("vi")
                name = cat[part].label.vi if part in cat else part
                ratio = Undefined(
                    f"{part} is {status} at {place} for {period}",
                    reason_vi=f"{name}: {status_vi} ({place}, {period})",
                )
            out.append(RatioCell(code, place, period, dims, ratio))
    out.sort(key=lambda r: (r.indicator, r.place, r.period.sort_key, r.dims.pairs))
    return tuple(out)
