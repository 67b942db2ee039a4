# Size: the laws of the arithmetic, one small function each, every one with its docstring and
# examples (half the lines).
"""The laws the arithmetic obeys, as functions anyone can run on their own data.

Each ``law_*`` function checks one law of DESIGN.md on the arguments given and returns ``None`` (or
the checked function's result, for law 8), or raises [`LawViolation`][antq_domain.laws.LawViolation]
(an ``AssertionError``, so a failing law fails a test) naming the law and what broke it. Pass your
own aggregation function to check it against the same laws as the library's
[`rollup`][antq_domain.rollup].

* law 1, summing over a partition of places or periods equals summing the parts:
  [`law_partition_sum`][antq_domain.laws.law_partition_sum];
* law 2, aggregation is order-independent and the empty input gives the neutral result:
  [`law_order_independence`][antq_domain.laws.law_order_independence],
  [`law_empty_is_neutral`][antq_domain.laws.law_empty_is_neutral], and
  [`law_monoid`][antq_domain.laws.law_monoid] for combining;
* law 3, a ratio of sums lies between the smallest and largest part ratio:
  [`law_ratio_between`][antq_domain.laws.law_ratio_between];
* law 4, stocks are never summed over time; flows over disjoint periods add:
  [`law_stocks_and_flows`][antq_domain.laws.law_stocks_and_flows];
* law 5, the qualifier join is associative, commutative, with ``exact`` as identity:
  [`law_qualifier_join`][antq_domain.laws.law_qualifier_join];
* law 6, ``parse(format(x)) == x``: [`law_text_round_trip`][antq_domain.laws.law_text_round_trip];
* law 7, what is written is read back: JSON
  ([`law_json_round_trip`][antq_domain.laws.law_json_round_trip]) and files of rows, hostile
  text included ([`law_file_round_trip`][antq_domain.laws.law_file_round_trip]);
* law 8, no function mutates its inputs: [`law_no_mutation`][antq_domain.laws.law_no_mutation];
* law 9, restating onto today's tree conserves totals:
  [`law_restating_conserves`][antq_domain.laws.law_restating_conserves];
* law 10, shown parts (largest remainder) add to the shown total:
  [`law_largest_remainder`][antq_domain.laws.law_largest_remainder];
* law 11, the totals convention (issue 12; SDMX's ``_T``): a total equals
  the sum of its parts where all parts are given, and a total over a mixed
  or unspecified set stands alone:
  [`law_totals_convention`][antq_domain.laws.law_totals_convention];
* law 12, bounds keep their strictness (issue 16): the join keeps a bound
  strict when a part of its side is strict
  ([`law_bound_join`][antq_domain.laws.law_bound_join]); a sum's bounds hold
  every sum its parts allow, exactly when the parts are bounds of one side
  ([`law_bound_sum`][antq_domain.laws.law_bound_sum]); a comparison that
  holds (or is violated) does so for every value the intervals allow, open
  ends included ([`law_bound_comparison`][antq_domain.laws.law_bound_comparison]).

Example:
    >>> from datetime import date
    >>> from antq_domain.analysis import rollup
    >>> from antq_domain.laws import law_partition_sum
    >>> from antq_domain.records.observation import Observation
    >>> from antq_domain.records.places import registry
    >>> from antq_domain.values import Quantity
    >>> obs = [Observation(indicator="tips.received", place="62", period=f"2023Q{q}",
    ...                    value=Quantity(q, "tip")) for q in (1, 2, 3, 4)]
    >>> def yearly(o):
    ...     return rollup(o, period="2023", registry=registry(), as_of=date(2024, 1, 1),
    ...                   missing="ignore")
    >>> law_partition_sum(yearly, obs, [obs[:1], obs[1:]])
    >>> law_partition_sum(lambda o: o[:1], obs, [obs[:2], obs[2:]])
    Traceback (most recent call last):
    ...
    antq_domain.laws.LawViolation: law 1 (partition sum): ...
"""

from __future__ import annotations

import itertools
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, Protocol, TypeVar

from antq_domain.analysis.aggregation import ratio_of_sums
from antq_domain.analysis.expressions import Operator, Outcome, compare_intervals
from antq_domain.errors import AntqError, InvariantError
from antq_domain.io.files import read_observations, write_observations
from antq_domain.records._base import Record
from antq_domain.records.indicators import (
    Catalogue,
    IndicatorKind,
    PlaceAggregation,
    TimeAggregation,
    catalogue,
)
from antq_domain.records.observation import Dims, Observation, observations_of
from antq_domain.values.interval import Interval
from antq_domain.values.missing import Value
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.ratio import Ratio, Undefined, largest_remainder, round_half_up
from antq_domain.values.unit import Qualifier

__all__ = [
    "LAWS",
    "LawViolation",
    "law_empty_is_neutral",
    "law_file_round_trip",
    "law_json_round_trip",
    "law_bound_comparison",
    "law_bound_join",
    "law_bound_sum",
    "law_largest_remainder",
    "law_monoid",
    "law_no_mutation",
    "law_order_independence",
    "law_partition_sum",
    "law_qualifier_join",
    "law_ratio_between",
    "law_restating_conserves",
    "law_stocks_and_flows",
    "law_text_round_trip",
    "law_totals_convention",
]

T = TypeVar("T")

Aggregate = Callable[[Sequence[Observation]], Any]
"""An aggregation: observations in; observations, or anything with an
``observations`` attribute (a rollup result, a report), out."""

_CellKey = tuple[str, str, Period, Dims]


class LawViolation(AntqError, AssertionError):  # noqa: N818 - a violated law, not a bug
    """A law of the arithmetic does not hold for the data given.

    An ``AssertionError`` so a failing law fails a test like an ``assert``.

    Attributes:
        law: the number of the law in DESIGN.md.
        name: its short name.
        detail: what broke it.

    Example:
        >>> from antq_domain.laws import LawViolation
        >>> err = LawViolation(5, "qualifier join", "exact is not the identity")
        >>> print(err)
        law 5 (qualifier join): exact is not the identity
        >>> isinstance(err, AssertionError)
        True
    """

    def __init__(self, law: int, name: str, detail: str) -> None:
        self.law = law
        self.name = name
        self.detail = detail
        super().__init__(f"law {law} ({name}): {detail}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.law, self.name, self.detail))


def _observations(result: object, field: str) -> tuple[Observation, ...]:
    return observations_of(result, field, "observations or a result with .observations")


def _cells(result: object, field: str = "result") -> dict[_CellKey, Value]:
    out: dict[_CellKey, Value] = {}
    for o in _observations(result, field):
        key = (o.indicator, o.place, o.period, o.dims)
        if key in out and out[key] != o.value:
            raise InvariantError(field, key, "one value per output cell")
        out[key] = o.value
    return out


def _show(key: _CellKey) -> str:
    indicator, place, period, dims = key
    return f"{indicator} {place} {period}" + (f" {dims}" if dims else "")


def _amount(v: Value) -> Fraction | None:
    return Fraction(v.amount) if isinstance(v, Quantity) else None


# --- law 1 ---------------------------------------------------------------------


def law_partition_sum(
    aggregate: Aggregate,
    observations: Sequence[Observation],
    partition: Sequence[Sequence[Observation]],
) -> None:
    """Law 1: summing over a partition of places or periods equals summing the parts.

    ``partition`` must hold exactly the observations (as a multiset). For
    every output cell of ``aggregate(observations)`` holding a quantity, its
    amount must equal the sum of the amounts of that cell in
    ``aggregate(part)`` over the parts (parts whose cell is missing or not a
    quantity make the cell uncheckable and it is skipped). A cell that a
    part produces and the whole does not is a violation. Qualifiers are not
    compared: a part sees fewer places and may rightly be a lower bound.

    Raises:
        LawViolation: the amounts do not add up.
        InvariantError: ``partition`` is not a partition of ``observations``.

    Example:
        >>> from antq_domain.laws import law_partition_sum
        >>> law_partition_sum(lambda o: o, [], [[], []])
    """
    whole = list(observations)
    if Counter(whole) != Counter(o for part in partition for o in part):
        raise InvariantError(
            "partition", len(partition), "parts that hold exactly the observations"
        )
    total = _cells(aggregate(whole), "aggregate(observations)")
    sums: dict[_CellKey, Fraction] = defaultdict(Fraction)
    unsure: set[_CellKey] = set()
    for i, part in enumerate(partition):
        for key, value in _cells(aggregate(list(part)), f"aggregate(partition[{i}])").items():
            if key not in total:
                raise LawViolation(
                    1, "partition sum", f"{_show(key)} comes out of part {i} but not of the whole"
                )
            amount = _amount(value)
            if amount is None:
                unsure.add(key)
            else:
                sums[key] += amount
    for key, value in total.items():
        amount = _amount(value)
        if amount is None or key in unsure:
            continue
        if amount != sums.get(key, Fraction(0)):
            raise LawViolation(
                1,
                "partition sum",
                f"{_show(key)}: the whole gives {value}, the parts add to {sums.get(key, 0)}",
            )


# --- law 2 ---------------------------------------------------------------------


def law_order_independence(aggregate: Aggregate, observations: Sequence[Observation]) -> None:
    """Law 2: aggregation is order-independent.

    ``aggregate`` is run on the observations as given, reversed, and rotated
    by one; every output cell must hold the same value.

    Raises:
        LawViolation: an output cell depends on the input order.

    Example:
        >>> from antq_domain.laws import law_order_independence
        >>> law_order_independence(lambda o: o[:1], [])
    """
    items = list(observations)
    first = _cells(aggregate(list(items)))
    for name, order in (("reversed", items[::-1]), ("rotated", items[1:] + items[:1])):
        other = _cells(aggregate(order))
        if other != first:
            diff = sorted(_show(k) for k in set(first) | set(other) if first.get(k) != other.get(k))
            raise LawViolation(
                2, "order independence", f"the {name} input changes {', '.join(diff[:3])}"
            )


def law_empty_is_neutral(aggregate: Aggregate) -> None:
    """Law 2: the empty input gives the neutral result (no output cells).

    Raises:
        LawViolation: ``aggregate([])`` produces cells.

    Example:
        >>> from antq_domain.laws import law_empty_is_neutral
        >>> law_empty_is_neutral(lambda o: list(o))
    """
    out = _cells(aggregate([]))
    if out:
        raise LawViolation(
            2,
            "empty is neutral",
            f"aggregate([]) gives {len(out)} cells, e.g. {_show(next(iter(out)))}",
        )


def law_monoid(combine: Callable[[Sequence[T]], T], a: T, b: T, c: T) -> None:
    """Law 2 for combining: associative, with ``combine([])`` as the identity.

    Raises:
        LawViolation: ``combine`` is not associative, or the empty
            combination is not neutral.

    Example:
        >>> from antq_domain.laws import law_monoid
        >>> law_monoid(lambda xs: tuple(x for t in xs for x in t), (1,), (2,), (3,))
        >>> law_monoid(lambda xs: max(xs, default=0) + 1, 1, 2, 3)
        Traceback (most recent call last):
        ...
        antq_domain.laws.LawViolation: law 2 (monoid): not associative: ...
    """
    left = combine([combine([a, b]), c])
    right = combine([a, combine([b, c])])
    if left != right:
        raise LawViolation(2, "monoid", f"not associative: {left!r} != {right!r}")
    empty = combine([])
    alone = combine([a])
    if combine([empty, a]) != alone or combine([a, empty]) != alone:
        raise LawViolation(2, "monoid", f"the empty combination {empty!r} is not neutral")


# --- law 3 ---------------------------------------------------------------------


def law_ratio_between(
    parts: Sequence[tuple[Quantity, Quantity]],
    *,
    ratio: Callable[[Sequence[tuple[Quantity, Quantity]]], Ratio] = ratio_of_sums,
) -> None:
    """Law 3: a ratio of sums lies between the smallest and largest part ratio.

    Every part must have a positive denominator (the law's precondition).

    Raises:
        LawViolation: the aggregated ratio lies outside the parts' range.
        InvariantError: no parts, or a part with a zero denominator.

    Example:
        >>> from antq_domain.laws import law_ratio_between
        >>> from antq_domain.values import Quantity
        >>> t = lambda n: Quantity(n, "tip")
        >>> law_ratio_between([(t(9), t(10)), (t(1), t(90))])
    """
    pairs = list(parts)
    if not pairs or any(d.amount == 0 for _, d in pairs):
        raise InvariantError("parts", pairs, "one or more parts, each with a positive denominator")
    values = [Fraction(n.amount) / Fraction(d.amount) for n, d in pairs]
    result = ratio(pairs)
    value = result.value
    if isinstance(value, Undefined):
        raise LawViolation(3, "ratio between", f"the aggregated ratio is {value}")
    scaled = value / result.factor
    if not min(values) <= scaled <= max(values):
        raise LawViolation(
            3,
            "ratio between",
            f"{result} lies outside the part ratios [{min(values)}, {max(values)}]",
        )


# --- law 4 ---------------------------------------------------------------------


def law_stocks_and_flows(
    aggregate: Callable[[Sequence[Observation], Period], Any],
    observations: Sequence[Observation],
    period: Period,
    *,
    catalogue: Catalogue | None = None,
) -> None:
    """Law 4: stocks are never summed over time; flows over disjoint periods add.

    ``aggregate(observations, period)`` aggregates over time to ``period``
    without changing places. For every indicator, place and dims whose
    observations inside ``period`` are all exact quantities: a flow over
    disjoint sub-periods must give their sum; a stock must give the value
    of the observation that ends last (never a sum). Other groups are
    skipped.

    Raises:
        LawViolation: a flow did not add up, or a stock was not its last value.

    Example:
        >>> from antq_domain.laws import law_stocks_and_flows
        >>> from antq_domain.values import Period
        >>> law_stocks_and_flows(lambda o, p: [], [], Period.year(2023))
    """
    cat = catalogue if catalogue is not None else _standard()
    out = _cells(aggregate(list(observations), period))
    groups: dict[tuple[str, str, Dims], list[Observation]] = defaultdict(list)
    for o in observations:
        if period.contains(o.period):
            groups[(o.indicator, o.place, o.dims)].append(o)
    for (indicator, place, dims), group in groups.items():
        ind = cat.get(indicator)
        if not all(isinstance(o.value, Quantity) and o.value.is_exact for o in group):
            continue
        group.sort(key=lambda o: o.period.sort_key)
        key = (indicator, place, period, dims)
        got = _amount(out[key]) if key in out else None
        if ind.time_aggregation is TimeAggregation.SUM and ind.kind is IndicatorKind.FLOW:
            if any(b.period.start <= a.period.end for a, b in itertools.pairwise(group)):
                continue
            want = sum((Fraction(_amount(o.value) or 0) for o in group), Fraction(0))
            if got != want:
                raise LawViolation(
                    4, "stocks and flows", f"flow {_show(key)}: got {got}, the parts add to {want}"
                )
        elif ind.time_aggregation is TimeAggregation.LAST:
            end = max(o.period.end for o in group)
            lasts = {_amount(o.value) for o in group if o.period.end == end}
            if len(lasts) == 1 and got not in lasts:
                raise LawViolation(
                    4,
                    "stocks and flows",
                    f"stock {_show(key)}: got {got}, its last value is {lasts.pop()}",
                )


# --- law 5, 6, 10: value level ---------------------------------------------------


def law_qualifier_join(a: Qualifier, b: Qualifier, c: Qualifier) -> None:
    """Law 5: the qualifier join is associative, commutative, with ``exact`` the identity.

    Raises:
        LawViolation: naming the property that failed.

    Example:
        >>> from antq_domain.laws import law_qualifier_join
        >>> from antq_domain.values import Qualifier
        >>> law_qualifier_join(Qualifier.AT_LEAST, Qualifier.AT_MOST, Qualifier.EXACT)
    """
    if a.combine(b).combine(c) != a.combine(b.combine(c)):
        raise LawViolation(5, "qualifier join", f"not associative on {a}, {b}, {c}")
    if a.combine(b) != b.combine(a):
        raise LawViolation(5, "qualifier join", f"not commutative on {a}, {b}")
    if a.combine(Qualifier.EXACT) != a or Qualifier.EXACT.combine(a) != a:
        raise LawViolation(5, "qualifier join", f"exact is not the identity for {a}")


class _Parsable(Protocol):
    @classmethod
    def parse(cls, text: str) -> Any: ...


def law_text_round_trip(value: _Parsable) -> None:
    """Law 6: ``parse(str(x)) == x`` (periods, quantities, document references).

    Raises:
        LawViolation: the text form does not read back to the value.

    Example:
        >>> from antq_domain.laws import law_text_round_trip
        >>> from antq_domain.values import Period, Quantity
        >>> law_text_round_trip(Period.parse("quý II/2020"))
        >>> law_text_round_trip(Quantity(145410, "participation", "more_than"))
    """
    text = str(value)
    back = type(value).parse(text)
    if back != value:
        raise LawViolation(6, "text round trip", f"{value!r} -> {text!r} -> {back!r}")


def law_largest_remainder(values: Sequence[Fraction | int], decimals: int = 1) -> None:
    """Law 10: parts rounded by largest remainder add up to the rounded total.

    Raises:
        LawViolation: the shown parts do not add to the shown total.

    Example:
        >>> from fractions import Fraction
        >>> from antq_domain.laws import law_largest_remainder
        >>> law_largest_remainder([Fraction(100, 3)] * 3, 0)
    """
    shown = largest_remainder(values, decimals)
    total = round_half_up(sum((Fraction(v) for v in values), Fraction(0)), decimals)
    if sum(shown, Decimal(0)) != total:
        raise LawViolation(10, "largest remainder", f"{shown} add to {sum(shown)}, not {total}")


# --- law 11 --------------------------------------------------------------------

_TOTAL_CODES = frozenset({"total.mismatch", "total.undetermined"})

Check = Callable[[Sequence[Observation]], Any]
"""A totals check: observations in, findings (anything with ``codes``) out."""


def _total_codes(check: Check, observations: Sequence[Observation]) -> set[str]:
    return set(getattr(check(list(observations)), "codes", ())) & _TOTAL_CODES


def law_totals_convention(
    parts: Sequence[Observation],
    dimension: str,
    *,
    check: Check | None = None,
    catalogue: Catalogue | None = None,
) -> None:
    """Law 11: a total is the sum of its parts where all are given; a mixed total stands alone.

    ``parts`` are the figures of one cell (indicator, place, period and other
    dimensions alike), one for each part code of ``dimension``
    ([`Dimension.parts`][antq_domain.records.indicators.Dimension.parts]: every code but
    its ``total``), each an exact quantity. Checked with ``check`` (default
    [`check_totals`][antq_domain.analysis.validation.check_totals]):

    * the figure with the dimension's ``total`` code (SDMX's ``_T``) equal to
      the sum of the parts gives no total finding, and one more than the sum
      gives one (so the check sees the total at all);
    * where the dimension says an absent value is the total, the same holds
      for the figure without it; where an absent value is *unspecified*
      (``managed_by``), that figure stands alone whatever its value;
    * where another dimension of the indicator has an ``unspecified`` code,
      parts and total stated for it stand alone (they may count different
      sets).

    Raises:
        LawViolation: the check does not treat the totals this way.
        InvariantError: ``parts`` are not every part of one cell, or the
            dimension has no ``total`` code.

    Example:
        >>> from antq_domain.laws import law_totals_convention
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> def guns(n, kind):
        ...     return Observation(indicator="weapons.guns", place="62", period="2023",
        ...                        value=Quantity(n, "piece"), dims={"weapon_kind": kind})
        >>> kinds = ("military", "homemade", "hunting", "sport", "other")
        >>> law_totals_convention([guns(i, k) for i, k in enumerate(kinds)], "weapon_kind")
        >>> law_totals_convention([guns(i, k) for i, k in enumerate(kinds)], "weapon_kind",
        ...                       check=lambda obs: [])
        Traceback (most recent call last):
        ...
        antq_domain.laws.LawViolation: law 11 (totals convention): ...
    """
    from antq_domain.analysis.validation import check_totals  # noqa: PLC0415 - no import cycle

    cat = catalogue if catalogue is not None else _standard_catalogue()
    run: Check = check if check is not None else (lambda obs: check_totals(obs, catalogue=cat))
    given = _observations(parts, "parts")
    if not given:
        raise InvariantError("parts", (), "the figures of every part of one cell")
    first = given[0]
    ind = cat[first.indicator]
    dim = ind.dimension(dimension)
    if dim.total is None:
        raise InvariantError("dimension", dimension, "a dimension with a 'total' code")
    rest = {k: v for k, v in first.dims.items() if k != dimension}
    codes = [o.dims.get(dimension) for o in given]
    if sorted(map(str, codes)) != sorted(dim.parts) or any(
        (o.indicator, o.place, o.period) != (first.indicator, first.place, first.period)
        or {k: v for k, v in o.dims.items() if k != dimension} != rest
        or not isinstance(o.value, Quantity)
        or o.value.qualifier is not Qualifier.EXACT
        for o in given
    ):
        raise InvariantError(
            "parts", len(given), f"exact figures of one cell, one for each of {dim.parts}"
        )
    amount = sum((_amount(o.value) or Fraction(0) for o in given), Fraction(0))
    unit = ind.unit

    def figure(value: Fraction, dims: Mapping[str, str]) -> Observation:
        return first.model_copy(
            update={
                "value": Quantity(Decimal(value.numerator) / value.denominator, unit),
                "dims": Dims.of(dims),
            }
        )

    def expect(label: str, observations: Sequence[Observation], found: bool) -> None:
        codes = _total_codes(run, observations)
        if bool(codes) is not found:
            said = ", ".join(sorted(codes)) if codes else "nothing"
            want = "a total finding" if found else "no total finding"
            raise LawViolation(11, "totals convention", f"{label}: expected {want}, got {said}")

    totals = [{**rest, dimension: dim.total}]
    if dim.absent_means_total:
        totals.append(rest)
    else:
        expect(
            f"{ind.code}: a figure without {dimension} (unspecified) of {amount + 1}",
            [*given, figure(amount + 1, rest)],
            found=False,
        )
    for dims in totals:
        where = f"{ind.code}[{Dims.of(dims)}]"
        expect(f"{where} = {amount}, the sum of its parts", [*given, figure(amount, dims)], False)
        expect(f"{where} = {amount + 1}, not the sum", [*given, figure(amount + 1, dims)], True)
    for other in ind.dimensions:
        if other.name == dimension or "unspecified" not in other.codes:
            continue
        vague = [
            o.model_copy(update={"dims": Dims.of({**o.dims, other.name: "unspecified"})})
            for o in given
        ]
        total = figure(amount + 1, {**rest, other.name: "unspecified", dimension: dim.total})
        expect(f"{ind.code}: parts and total with {other.name}=unspecified", [*vague, total], False)


def _standard_catalogue() -> Catalogue:
    return catalogue()


# --- law 7 ---------------------------------------------------------------------


def law_json_round_trip(
    record: Record,
    *,
    dump: Callable[[Record], str] | None = None,
    load: Callable[[str], Record] | None = None,
) -> None:
    """Law 7: the JSON round trip of any valid report (or record) is the identity.

    ``dump`` and ``load`` default to the record's own ``model_dump_json`` and
    ``model_validate_json``; pass your own to check a serializer of yours.

    Raises:
        LawViolation: the record read back differs from the one written.

    Example:
        >>> from datetime import date
        >>> from antq_domain.laws import law_json_round_trip
        >>> from antq_domain.records import MovementReport
        >>> law_json_round_trip(MovementReport(issuer="x", place="62", period="2023",
        ...                                    as_of=date(2024, 1, 15)))
    """
    write = dump if dump is not None else (lambda r: r.model_dump_json())
    read = load if load is not None else type(record).model_validate_json
    text = write(record)
    back = read(text)
    if back != record:
        raise LawViolation(
            7, "JSON round trip", f"{type(record).__name__} read back differs from the one written"
        )


def law_file_round_trip(
    observations: Sequence[Observation], *, spreadsheet_safe: bool = True
) -> None:
    """Law 7 on disk: what the library writes, its readers take back, byte for byte.

    The observations are written as CSV and as JSON Lines with
    [`write_observations`][antq_domain.write_observations] (into a temporary
    folder), read back with [`read_observations`][antq_domain.read_observations]
    and must be equal; writing what was read must give the same bytes. Use it
    with [`hostile_texts`][antq_domain.strategies.hostile_texts] in
    ``source`` and ``quote`` to check the spreadsheet-safe escape, quoting and
    control characters.

    Raises:
        LawViolation: a file read back differs, or rewriting changes its bytes.

    Example:
        >>> from antq_domain.laws import law_file_round_trip
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> law_file_round_trip([Observation(indicator="tips.received", place="62",
        ...     period="2023", value=Quantity(726, "tip"), quote="=1+1", source="-0")])
    """
    obs = list(observations)
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("rows.csv", "rows.jsonl"):
            path = write_observations(obs, Path(tmp) / name, spreadsheet_safe=spreadsheet_safe)
            back = read_observations(path, spreadsheet_safe=spreadsheet_safe)
            if back != obs:
                raise LawViolation(7, "file round trip", f"{name} read back differs")
            again = write_observations(
                back, Path(tmp) / f"again-{name}", spreadsheet_safe=spreadsheet_safe
            )
            if again.read_bytes() != path.read_bytes():
                raise LawViolation(7, "file round trip", f"{name} rewritten with other bytes")


# --- law 8 ---------------------------------------------------------------------


def _snapshot(x: object, depth: int = 0) -> object:
    """A structural copy of the mutable containers in ``x`` (frozen values as they are)."""
    if depth > 50:
        return x
    if isinstance(x, list | tuple):
        return (type(x), tuple(_snapshot(i, depth + 1) for i in x))
    if isinstance(x, dict):
        return (dict, tuple((k, _snapshot(v, depth + 1)) for k, v in x.items()))
    if isinstance(x, set | frozenset):
        return (type(x), frozenset(x))
    if isinstance(x, bytearray):
        return (bytearray, bytes(x))
    return x


def law_no_mutation(function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
    """Law 8: no function mutates its inputs. Calls ``function`` and returns its result.

    Lists, tuples, dicts, sets and bytearrays among the arguments (at any
    depth) are recorded before the call and compared after it; records and
    values are frozen and compared by equality.

    Raises:
        LawViolation: an argument changed during the call.

    Example:
        >>> from antq_domain.laws import law_no_mutation
        >>> law_no_mutation(sorted, [3, 1, 2])
        [1, 2, 3]
        >>> law_no_mutation(list.sort, [3, 1, 2])
        Traceback (most recent call last):
        ...
        antq_domain.laws.LawViolation: law 8 (no mutation): sort changed argument 0
    """
    before = [_snapshot(a) for a in args]
    before_kw = {k: _snapshot(v) for k, v in kwargs.items()}
    result = function(*args, **kwargs)
    name = getattr(function, "__name__", repr(function))
    for i, (arg, snap) in enumerate(zip(args, before, strict=True)):
        if _snapshot(arg) != snap:
            raise LawViolation(8, "no mutation", f"{name} changed argument {i}")
    for key, snap in before_kw.items():
        if _snapshot(kwargs[key]) != snap:
            raise LawViolation(8, "no mutation", f"{name} changed argument {key!r}")
    return result


# --- law 9 ---------------------------------------------------------------------


def _totals(
    observations: Iterable[Observation], cat: Catalogue
) -> dict[tuple[str, Period, Dims], Fraction]:
    out: dict[tuple[str, Period, Dims], Fraction] = defaultdict(Fraction)
    for o in observations:
        ind = cat.get(o.indicator)
        if ind.kind.is_ratio or ind.place_aggregation is not PlaceAggregation.SUM:
            continue
        if isinstance(o.value, Quantity):
            out[(o.indicator, o.period, o.dims)] += Fraction(o.value.amount)
    return out


def law_restating_conserves(
    restate: Aggregate,
    observations: Sequence[Observation],
    *,
    catalogue: Catalogue | None = None,
) -> None:
    """Law 9: restating onto today's tree conserves totals.

    ``restate(observations)`` maps figures onto today's units (and may roll
    them up); for every indicator that sums over places, period and dims
    cell, the reported amounts must add to the same total before and after.

    Raises:
        LawViolation: a total changed.

    Example:
        >>> from antq_domain.laws import law_restating_conserves
        >>> law_restating_conserves(lambda o: o, [])
    """
    cat = catalogue if catalogue is not None else _standard()
    before = _totals(observations, cat)
    after = _totals(_observations(restate(list(observations)), "restate(observations)"), cat)
    for key in sorted(set(before) | set(after), key=lambda k: (k[0], k[1].sort_key, k[2].pairs)):
        if before.get(key, Fraction(0)) != after.get(key, Fraction(0)):
            indicator, period, dims = key
            raise LawViolation(
                9,
                "restating conserves totals",
                f"{indicator} {period} {dims}: {before.get(key, 0)} before, "
                f"{after.get(key, 0)} after",
            )


def _standard() -> Catalogue:
    return catalogue()


# --- law 12: bound strictness -----------------------------------------------------


def law_bound_join(a: Qualifier, b: Qualifier) -> None:
    """Law 12 (join): bounds of one side stay on it, strict when either part is strict.

    Two bounds of the same side join to a bound of that side, strict exactly
    when one of them is ("hơn 5" + "ít nhất 3" is "hơn 8"); bounds of opposite
    sides join to ``approximately``; ``exact`` changes nothing.

    Raises:
        LawViolation: naming the pair.

    Example:
        >>> from antq_domain.laws import law_bound_join
        >>> from antq_domain.values import Qualifier
        >>> law_bound_join(Qualifier.MORE_THAN, Qualifier.AT_LEAST)
    """
    joined = a.combine(b)
    if b is Qualifier.EXACT and joined is not a:
        raise LawViolation(12, "bound join", f"{a} joined with exact gives {joined}")
    if a.side is not None and a.side == b.side:
        if joined.side != a.side or joined.is_strict != (a.is_strict or b.is_strict):
            raise LawViolation(12, "bound join", f"{a} joined with {b} gives {joined}")
    elif a.side is not None and b.side is not None and joined is not Qualifier.APPROXIMATELY:
        raise LawViolation(12, "bound join", f"opposite bounds {a}, {b} give {joined}")


def _contains(outer: Interval, inner: Interval) -> bool:
    """Whether every value of ``inner`` lies in ``outer``."""
    if outer.low is not None:
        if inner.low is None or inner.low < outer.low:
            return False
        if inner.low == outer.low and outer.low_open and not inner.low_open:
            return False
    if outer.high is not None:
        if inner.high is None or inner.high > outer.high:
            return False
        if inner.high == outer.high and outer.high_open and not inner.high_open:
            return False
    return True


def law_bound_sum(x: Quantity, y: Quantity) -> None:
    """Law 12 (sum): the sum's interval holds every sum of values its parts allow.

    ``(x + y).bounds()`` contains ``x.bounds() + y.bounds()``: the sum never
    claims more than its parts. With exact parts and lower bounds only it is
    exactly that sum, strictness included: "hơn 145.410" + "81.417" is
    "hơn 226.827". (An upper bound reads from 0, so a sum with one keeps only
    its high end.) A strict upper bound of 0 ("dưới 0") is no figure of a
    count, and is left out.

    Raises:
        LawViolation: naming the parts.

    Example:
        >>> from antq_domain.laws import law_bound_sum
        >>> from antq_domain.values import Quantity
        >>> law_bound_sum(Quantity(145410, "participation", "more_than"),
        ...               Quantity(81417, "participation", "at_least"))
    """
    for q in (x, y):
        if q.qualifier is Qualifier.LESS_THAN and q.amount == 0:
            return
    total = (x + y).bounds()
    allowed = x.bounds() + y.bounds()
    if not _contains(total, allowed):
        raise LawViolation(12, "bound sum", f"{x} + {y}: {total} does not hold {allowed}")
    sides = {q.qualifier.side for q in (x, y)} - {None}
    plain = Qualifier.APPROXIMATELY not in (x.qualifier, y.qualifier) and sides <= {"lower"}
    if plain and total != allowed:
        raise LawViolation(12, "bound sum", f"{x} + {y}: {total} is not {allowed}")


def _samples(iv: Interval) -> list[Fraction]:
    """Values inside ``iv``: its closed ends, points just inside open ends, a middle."""
    step = Fraction(1, 1000)
    out: list[Fraction] = []
    low = None if iv.low is None else Fraction(iv.low)
    high = None if iv.high is None else Fraction(iv.high)
    if low is not None:
        inside = low + (step if high is None else min(step, (high - low) / 2))
        out.append(inside if iv.low_open else low)
    if high is not None:
        inside = high - (step if low is None else min(step, (high - low) / 2))
        out.append(inside if iv.high_open else high)
    if low is not None and high is not None:
        out.append((low + high) / 2)
    elif low is not None:
        out.append(low + 7)
    elif high is not None:
        out.append(high - 7)
    else:
        out.append(Fraction(0))
    return out


_RELATIONS: Mapping[str, Callable[[Fraction, Fraction], bool]] = {
    "le": lambda a, b: a <= b,
    "lt": lambda a, b: a < b,
    "ge": lambda a, b: a >= b,
    "gt": lambda a, b: a > b,
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
}


def law_bound_comparison(operator: Operator, left: Interval, right: Interval) -> None:
    """Law 12 (comparison): a decided comparison is true (or false) for every value allowed.

    When `compare_intervals` says *holds*, the relation is true for every
    pair of values drawn from the intervals (their closed ends, points just
    inside open ends, middles); when it says *violated*, false for every
    pair. "hơn 100" against 100 is violated for ``<=``.

    Raises:
        LawViolation: naming the comparison and a pair that contradicts it.

    Example:
        >>> from antq_domain.analysis.expressions import Operator
        >>> from antq_domain.laws import law_bound_comparison
        >>> from antq_domain.values import Interval
        >>> law_bound_comparison(Operator.LE, Interval(100, None, low_open=True),
        ...                      Interval(100, 100))
    """
    outcome = compare_intervals(operator, left, right)
    if outcome is Outcome.UNDETERMINED:
        return
    relation = _RELATIONS[operator.name.lower()]
    want = outcome is Outcome.HOLDS
    for a in _samples(left):
        for b in _samples(right):
            if relation(a, b) is not want:
                raise LawViolation(
                    12,
                    "bound comparison",
                    f"{left} {operator.value} {right} is {outcome.value}, but {a} and {b} say not",
                )


LAWS: Mapping[int, tuple[Callable[..., Any], ...]] = {
    1: (law_partition_sum,),
    2: (law_order_independence, law_empty_is_neutral, law_monoid),
    3: (law_ratio_between,),
    4: (law_stocks_and_flows,),
    5: (law_qualifier_join,),
    6: (law_text_round_trip,),
    7: (law_json_round_trip, law_file_round_trip),
    8: (law_no_mutation,),
    9: (law_restating_conserves,),
    10: (law_largest_remainder,),
    11: (law_totals_convention,),
    12: (law_bound_join, law_bound_sum, law_bound_comparison),
}
"""The law functions by the law's number in DESIGN.md."""
