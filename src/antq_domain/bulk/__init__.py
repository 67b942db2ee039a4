# Size: the public face of the bulk engine (read_table, rollup_table, rollup_file,
# scan_rollups); about 40% of the lines are docstrings with examples, the engine is in _read,
# _scan and _parts.
r"""A columnar bulk path: millions of tidy rows read and rolled up with polars.

[`read_table`][antq_domain.bulk.read_table] loads a tidy CSV into an
[`ObservationTable`][antq_domain.bulk.ObservationTable] (a
polars DataFrame behind the library's own API) with the validation rules of
[`read_observations`][antq_domain.io.files.read_observations];
[`rollup_table`][antq_domain.bulk.rollup_table] rolls it
up and [`rollup_file`][antq_domain.bulk.rollup_file] /
[`rollup_file_many`][antq_domain.bulk.rollup_file_many] roll a file up in one
streaming pass without holding its rows. All return the very
[`Rollup`][antq_domain.analysis.aggregation.Rollup] the reference
[`rollup`][antq_domain.analysis.aggregation.rollup] returns, so the two compare with
``==`` (a property test checks every cell on generated data).

**One engine.** The reference splits a rollup into
[`rollup_parts`][antq_domain.analysis.aggregation.rollup_parts] (what goes into each
output cell) and [`finish_rollup`][antq_domain.analysis.aggregation.finish_rollup] (the
cells, ratios and notes). The bulk path computes the same parts in columns
and hands them to the same [`finish_rollup`][antq_domain.analysis.aggregation.finish_rollup]:
cells are built in one place.

* **scanning** (``_scan``): a file is read in blocks of whole records; each
  block's valid rows are summed to one row per cell (indicator, place,
  dimensions), with which tiles of the target period they fall on (every
  standard kind that tiles it: months, quarters, halves, the year itself),
  the sums and a stock's last value; memory is bounded by a block and the
  cells;
* **parts** (``_parts``): per indicator, the columns vouch for flows and
  stocks that add up over places and for indicators that do not aggregate
  over time (kept per period: only a figure for the target period itself
  goes in), each (indicator, place, dims) cell on tiles of one kind; over
  places through the reference's [`PlaceTree`][antq_domain.analysis.aggregation.PlaceTree];
* **the rest is re-read by the reference, those rows only**: stated
  percentages, indicators that do not add up over places, decimal stocks,
  a cell whose periods mix kinds or repeat, rows whose period straddles the
  target or is not one of its tiles, places not alive through the target:
  the rows of those indicators that touch the target are read by
  [`from_tidy`][antq_domain.io.rows.from_tidy] and given to
  [`rollup_parts`][antq_domain.analysis.aggregation.rollup_parts]; its parts join the
  columns' parts before [`finish_rollup`][antq_domain.analysis.aggregation.finish_rollup].
* **reading** (``_read``): rows the columns refuse (a figure that is not
  digits, a bad code combination, period, place, quote or reason) are
  re-read one by one by the reference, which words the errors (``row 3:
  ...``, all rows at once); [`scan_rollups`][antq_domain.bulk.scan_rollups] can
  instead leave them out and report them.

* **periods kept** (``_kept``): without a target ``period`` every period is
  kept; the columns make the parts per (indicator, output place, period,
  dims) for every period present at once, and the reference reads only the
  rows of indicators that do not add up over places and of the (indicator,
  period, dims) families with a repeated cell or a place not alive during
  its period.

What still goes to the reference whole: a file the columns cannot read
(JSON Lines, workbooks, quoted or unknown header names, blank lines); and
an input the rollup refuses (a conflict, a split without shares...), so that
the reference words the error. The streaming scan reads a plain
comma-separated file with a target period; anything else is read into a
table (in columns where it can be) and rolled up from it.

Needs the ``bulk`` extra (``pip install 'antq-domain[bulk]'``: polars).

Example:
    >>> import pathlib, tempfile
    >>> from datetime import date
    >>> from antq_domain.analysis.aggregation import rollup
    >>> from antq_domain.bulk import read_table, rollup_table
    >>> from antq_domain.io.files import read_observations
    >>> from antq_domain.records.places import registry
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "kt.csv").write_text(
    ...     "indicator,place,period,value\n"
    ...     "tips.received,608,202301,30\ntips.received,608,202302,12\n"
    ...     "tips.received,616,202301,4\n", encoding="utf-8")
    >>> table = read_table(folder / "kt.csv")
    >>> len(table), table.to_observations() == read_observations(folder / "kt.csv")
    (3, True)
    >>> args = dict(to="province", period="2023", registry=registry(), as_of=date(2023, 12, 31))
    >>> r = rollup_table(table, **args)
    >>> str(r.cells[0].value), r == rollup(table.to_observations(), **args)
    ('>=46 tip', True)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from fractions import Fraction
from os import PathLike
from pathlib import Path
from typing import Any, Literal, TypeAlias

import attrs

try:
    import polars as pl
except ImportError as exc:  # pragma: no cover - the extra is installed for development
    raise ImportError("antq_domain.bulk needs polars: pip install 'antq-domain[bulk]'") from exc

from antq_domain._gc import gc_paused
from antq_domain.analysis.aggregation import (
    MissingStrategy,
    PlaceTree,
    Rollup,
    View,
    check_rollup_args,
    finish_rollup,
    rollup,
    rollup_parts,
)
from antq_domain.bulk._kept import kept_parts
from antq_domain.bulk._parts import Plan, columnar_parts, over_time, plan
from antq_domain.bulk._read import (
    ROW_NUMBER,
    ObservationTable,
    header_names,
    place_filter,
    read_table,
    read_table_left_out,
    standard_catalogue,
    valid_rows,
)
from antq_domain.bulk._scan import (
    Groups,
    canonical_ids,
    rows_where,
    scan_file,
    scan_table,
)
from antq_domain.errors import (
    AntqError,
    InvariantError,
    Message,
    Problem,
    RecordError,
    problem_lines,
)
from antq_domain.io.files import _format_of
from antq_domain.io.rows import from_tidy
from antq_domain.records.indicators import Catalogue
from antq_domain.records.observation import Observation
from antq_domain.records.places import Registry
from antq_domain.values.label import Lang
from antq_domain.values.period import Period

__all__ = [
    "BadRows",
    "ObservationTable",
    "ScannedRollups",
    "read_table",
    "rollup_file",
    "rollup_file_many",
    "rollup_table",
    "scan_rollups",
]

BadRows: TypeAlias = Literal["raise", "leave_out"]
"""What a file rollup does with rows the reference refuses: raise them all, or
leave them out (each reported, and its cell counted as absent)."""


class _Fallback(Exception):  # noqa: N818 - a control-flow signal, never raised to callers
    """The columnar path hands this rollup to the reference."""


# (indicators, period texts, unknown places) -> the rows the reference reads
_ReferenceRows: TypeAlias = Callable[
    [Sequence[str], Sequence[str], Sequence[str]], list[Observation]
]


@gc_paused()  # many cells and sets of places are made, none in a cycle
def _rollup_groups(  # noqa: PLR0917 - private, two callers
    groups: Groups,
    the_plan: Plan,
    tree: PlaceTree,
    cat: Catalogue,
    missing: MissingStrategy,
    reference_rows: _ReferenceRows,
    over: pl.DataFrame | None = None,
) -> Rollup:
    target = groups.tiling.target
    parts = columnar_parts(groups, the_plan, tree, cat, over)
    if the_plan.reference:
        texts = [*groups.tiling.kind_of, *the_plan.overlapping]
        observations = reference_rows(sorted(the_plan.reference), texts, the_plan.unknown_places)
        parts = parts.merge(rollup_parts(observations, tree=tree, period=target, catalogue=cat))
    return finish_rollup(parts, tree=tree, period=target, missing=missing, catalogue=cat)


def _with_overlapping(the_plan: Plan, codes: Sequence[str]) -> Plan:
    """The plan with the indicators that have straddling or irregular rows read by the reference."""
    extra = frozenset(codes)
    return attrs.evolve(
        the_plan, columnar=the_plan.columnar - extra, reference=the_plan.reference | extra
    )


def _row_filter(codes: Sequence[str], texts: Sequence[str], unknown: Sequence[str]) -> pl.Expr:
    return pl.col("indicator").is_in(list(codes)) & (
        pl.col("period").is_in(list(texts)) | pl.col("place").is_in(list(unknown))
    )


def _reference_args(  # noqa: PLR0917 - private, the reference's own arguments
    period: Period | str | None,
    registry: Registry,
    as_of: date,
    view: View,
    shares: Mapping[str, Mapping[str, Fraction | int]] | None,
    missing: MissingStrategy,
) -> dict[str, Any]:
    """The arguments of the reference rollup that every target of a call shares."""
    return {
        "period": period,
        "registry": registry,
        "as_of": as_of,
        "view": view,
        "shares": shares,
        "missing": missing,
    }


def rollup_table(
    table: ObservationTable,
    *,
    to: str | Sequence[str] | None = None,
    period: Period | str | None = None,
    registry: Registry,
    as_of: date,
    view: View = "as_of",
    shares: Mapping[str, Mapping[str, Fraction | int]] | None = None,
    missing: MissingStrategy = "lower_bound",
) -> Rollup:
    """Roll up a table: the reference rollup, in columns.

    The arguments and the result are those of the reference (the table's
    catalogue is used); ``rollup_table(t, ...) == rollup(t.to_observations(),
    ...)`` holds for every table, every cell, ratio, note and allocation
    alike. Rows the columns do not cover are read by the reference (module docs).

    Raises:
        ConflictError, InvariantError, UnknownCodeError: as the reference.

    Example:
        >>> from datetime import date
        >>> from antq_domain.bulk import ObservationTable, rollup_table
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.records.places import registry
        >>> from antq_domain.values import Quantity
        >>> obs = [Observation(indicator=i, place="608", period=f"2023Q{q}",
        ...                    value=Quantity(n * q, "tip"))
        ...        for q in (1, 2, 3, 4) for i, n in (("tips.received", 10), ("tips.valuable", 9))]
        >>> r = rollup_table(ObservationTable.from_observations(obs), to="province",
        ...                  period="2023", registry=registry(), as_of=date(2023, 12, 31))
        >>> str(r.cell("tips.received", "62").value), str(r.ratio("tips.valuable_rate", "62"))
        ('>=100 tip', 'about 90.0% (90/100)')
    """
    check_rollup_args(view, missing, as_of)
    kwargs = {"to": to, **_reference_args(period, registry, as_of, view, shares, missing)}
    cat = table.catalogue
    if period is not None:
        try:
            target = Period.parse(str(period))
            tree = PlaceTree.of(registry, as_of=as_of, view=view, to=to, shares=shares)
            groups = scan_table(table, target)
            the_plan = plan(groups, cat, registry)
            frame = table.frame
            if the_plan.overlapping:
                hit = frame.filter(
                    pl.col("period").cast(pl.String).is_in(list(the_plan.overlapping))
                )
                the_plan = _with_overlapping(
                    the_plan, hit.get_column("indicator").cast(pl.String).unique().to_list()
                )

            def reference_rows(
                codes: Sequence[str], texts: Sequence[str], unknown: Sequence[str]
            ) -> list[Observation]:
                text = frame.with_columns(
                    pl.col(c).cast(pl.String) for c in ("indicator", "period", "place")
                )
                selected = frame.filter(
                    text.select(_row_filter(codes, texts, unknown).fill_null(False)).to_series()
                )
                return ObservationTable(selected, cat).to_observations()

            return _rollup_groups(groups, the_plan, tree, cat, missing, reference_rows)
        except (_Fallback, AntqError):
            pass  # the reference decides: its result, or its error as it words it
    else:
        try:
            return _rollup_kept(table, to, registry, as_of, view, shares, missing)
        except AntqError:
            pass  # the reference decides: its result, or its error as it words it
    return rollup(table.to_observations(), catalogue=cat, **kwargs)


@gc_paused()  # many cells and sets of places are made, none in a cycle
def _rollup_kept(  # noqa: PLR0917 - the reference's own arguments
    table: ObservationTable,
    to: str | Sequence[str] | None,
    registry: Registry,
    as_of: date,
    view: View,
    shares: Mapping[str, Mapping[str, Fraction | int]] | None,
    missing: MissingStrategy,
) -> Rollup:
    """A rollup without a target period: every period kept, parts in columns (``_kept``)."""
    cat = table.catalogue
    tree = PlaceTree.of(registry, as_of=as_of, view=view, to=to, shares=shares)
    parts, odd = kept_parts(table.frame, tree, cat)
    if odd.any():
        observations = ObservationTable(table.frame.filter(odd), cat).to_observations()
        parts = parts.merge(rollup_parts(observations, tree=tree, period=None, catalogue=cat))
    return finish_rollup(parts, tree=tree, period=None, missing=missing, catalogue=cat)


@attrs.frozen
class ScannedRollups:
    """The rollups of one streaming scan of a file, and the rows left out.

    Attributes:
        rollups: one [`Rollup`][antq_domain.analysis.aggregation.Rollup] per target.
        left_out: the problems of the rows left out, ``("row 12", "value='x': ...")``
            as [`RecordError`][antq_domain.errors.RecordError] lists them (empty
            unless ``bad_rows="leave_out"``).

    Example:
        >>> from antq_domain.bulk import ScannedRollups
        >>> ScannedRollups((), ()).left_out
        ()
    """

    rollups: tuple[Rollup, ...]
    left_out: tuple[tuple[str, str], ...] = ()
    left_out_parts: tuple[Problem, ...] = attrs.field(default=(), eq=False, repr=False)

    def left_out_text(self, lang: Lang = "en") -> list[tuple[str, str]]:
        """The problems of the rows left out, location and message in ``lang``.

        ``left_out_text("en")`` is ``left_out`` with locations as errors show them; Vietnamese
        comes from ``left_out_parts`` (the problems as the reference raised them).

        Example:
            >>> from antq_domain.bulk import ScannedRollups
            >>> from antq_domain.errors import Message
            >>> ScannedRollups((), (("row 2", "x"),), (("row 2", Message("x", "y")),)
            ...                ).left_out_text("vi")
            [('hàng 2', 'y')]
        """
        return problem_lines(self.left_out_parts or self.left_out, lang)


def _reference_read(
    rows: pl.DataFrame, cat: Catalogue, reg: Registry
) -> tuple[list[Observation], list[Problem], list[int]]:
    """The rows read by the reference: observations, problems (by file row), bad file rows."""
    numbers = rows.get_column("_row").to_list()
    texts = [
        {k: v for k, v in row.items() if v is not None and v != "" and k != "_row"}
        for row in rows.iter_rows(named=True)
    ]
    observations, parts, bad = valid_rows(texts, cat, reg)
    problems: list[Problem] = []
    for loc, msg in parts:  # relocated from the rows given to the file's rows
        m = ROW_NUMBER.match(loc)
        where = loc if m is None else f"row {numbers[int(m[1]) - 1]}{loc[m.end() :]}"
        problems.append((where, msg))
    return observations, problems, sorted(numbers[n - 1] for n in bad)


def _word_problems(
    rows: pl.DataFrame, cat: Catalogue, reg: Registry
) -> tuple[list[Problem], set[str]]:
    """The reference's problems with ``rows`` (by file row), and the indicators of valid rows.

    Rows that differ only in place and period are read once: the reference's
    words for one are the words for all, unless they quote the place or the
    period that the key leaves out (then each row is read). A row whose place the register refuses
    (`place_filter`: not a code of it, or not existing during the row's
    period) keeps its place and period in the key: its rows are not like the
    others. The rows are grouped so in columns.
    """
    numbers = rows.get_column("_row").to_list()
    text_cols = [c for c in rows.columns if c != "_row"]
    # a valid period or place id is not what is wrong with the row: left out of the key
    place, period = pl.col("place"), pl.col("period")
    places = [p for p in rows.get_column("place").unique().to_list() if p is not None]
    periods = [p for p in rows.get_column("period").unique().to_list() if p is not None]
    refused = place_filter(places, periods, reg)
    odd_place = refused if refused is not None else pl.lit(False)
    key = [
        (
            pl.when(odd_place)
            .then(pl.lit("=") + place)
            .otherwise(place.is_not_null().cast(pl.String))
            if c == "place"
            else pl.when(~odd_place & period.is_in(canonical_ids()))
            .then(pl.lit(""))
            .otherwise(period)
            if c == "period"
            else pl.col(c)
        ).alias(f"_key{j}")
        for j, c in enumerate(text_cols)
    ]
    # which of place and period the key leaves out (the members' may differ there)
    canonical = period.is_in(canonical_ids()).fill_null(False)
    grouped = (
        rows.select(key, _place_out=~odd_place, _period_out=~odd_place & canonical)
        .with_row_index("_i")
        .group_by([f"_key{j}" for j in range(len(text_cols))], maintain_order=True)
        .agg("_i", pl.col("_place_out", "_period_out").first())
    )
    members_of = grouped.get_column("_i").to_list()
    left_out = grouped.select("_place_out", "_period_out").rows()

    def text_of(row: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in row.items() if v is not None and v != "" and k != "_row"}

    firsts = [members[0] for members in members_of]
    first_texts = [text_of(r) for r in rows[firsts].iter_rows(named=True)]
    problems: list[tuple[int, int, str, str | AntqError | Message]] = []
    valid: set[str] = set()

    def read(text: dict[str, Any]) -> list[Problem]:
        try:
            from_tidy([text], catalogue=cat, registry=reg)
        except RecordError as exc:
            return list(exc.parts)
        valid.add(str(text.get("indicator")))
        return []

    for members, first_text, outside in zip(members_of, first_texts, left_out, strict=True):
        found = read(first_text)
        quoted = [
            str(first_text[k])
            for k, out in zip(("place", "period"), outside, strict=True)
            if out and first_text.get(k)
        ]
        shared = not any(q in loc or q in str(msg) for q in quoted for loc, msg in found)
        for order, i in enumerate(members):
            mine = found if (order == 0 or shared) else read(text_of(rows.row(i, named=True)))
            problems.extend(
                (numbers[i], order, f"row {numbers[i]}{loc.removeprefix('row 1')}", msg)
                for loc, msg in mine
            )
    problems.sort(key=lambda p: p[0])
    return [(loc, msg) for _, _, loc, msg in problems], valid


@gc_paused()  # the words of many rows, none in a cycle
def _settle_problems(
    groups: Groups,
    *,
    cat: Catalogue,
    reg: Registry,
    the_plan: Plan,
    bad_rows: BadRows,
) -> tuple[Plan, list[Problem]] | None:
    """Have the reference read the rows the columns refused: raise or list their problems.

    The scan holds those rows whole (refused on their own text, for a code
    combination, or for a place the register does not have or that did not
    exist during the row's period). Returns the plan (indicators with rows
    valid in a form the columns do not read now go to the reference) and the
    problems left out; ``None`` when the reference must read the file (it
    has a blank line).
    """
    flagged = groups.held
    if not the_plan.has_problems or flagged is None:
        return the_plan, []
    blank = pl.all_horizontal(pl.exclude("_row").is_null())
    if flagged.height and flagged.select(blank.any()).item():
        return None  # a blank line, which the reference skips (and does not number)
    problems, odd = _word_problems(flagged, cat, reg)
    if problems and bad_rows == "raise":
        raise RecordError("tidy rows", problems)
    # rows valid in a form the columns do not read (" 12"): their indicators go to the reference
    return _with_overlapping(the_plan, sorted(odd)), problems


def scan_rollups(
    path: str | PathLike[str],
    *,
    to: Sequence[str | Sequence[str] | None],
    period: Period | str | None,
    registry: Registry,
    as_of: date,
    view: View = "as_of",
    shares: Mapping[str, Mapping[str, Fraction | int]] | None = None,
    missing: MissingStrategy = "lower_bound",
    catalogue: Catalogue | None = None,
    bad_rows: BadRows = "raise",
    progress: Callable[[str], None] | None = None,
) -> ScannedRollups:
    r"""Roll a tidy CSV file up to several targets in one streaming scan.

    Each rollup equals the reference's on the file's observations
    ([`rollup_file`][antq_domain.bulk.rollup_file]). With ``bad_rows="leave_out"`` a row the
    reference
    refuses does not stop the rollup: it is left out (its cell is then
    absent, so the place or period shows as missing) and its problems are
    listed in `ScannedRollups.left_out`, worded as
    the reference words them. Without a ``period`` (every period kept) the
    file is read into a table in columns and rolled up from it.

    Raises:
        RecordError: problems in the rows (with ``bad_rows="raise"``).
        ConflictError, InvariantError, UnknownCodeError: as the reference.

    Example:
        >>> import pathlib, tempfile
        >>> from datetime import date
        >>> from antq_domain.bulk import scan_rollups
        >>> from antq_domain.records.places import registry
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "kt.csv"
        >>> _ = p.write_text("indicator,place,period,value\n"
        ...                  "tips.received,608,2023,30\ntips.received,616,2023,1x\n")
        >>> s = scan_rollups(p, to=["province"], period="2023", registry=registry(),
        ...                  as_of=date(2023, 12, 31), bad_rows="leave_out")
        >>> str(s.rollups[0].cell("tips.received", "62").value)
        '>=30 tip'
        >>> s.left_out
        (('row 2', "value='1x': expected a whole number of 'tip' such as '1160' or '1.160'"),)
    """
    check_rollup_args(view, missing, as_of)
    step = progress if progress is not None else (lambda _: None)
    if bad_rows not in ("raise", "leave_out"):
        raise InvariantError("bad_rows", bad_rows, "'raise' or 'leave_out'")
    cat = catalogue if catalogue is not None else standard_catalogue()
    source = Path(path)
    kwargs = _reference_args(period, registry, as_of, view, shares, missing)
    targets = list(to)
    names = header_names(source) if _format_of(source, None) == "csv" else None
    if names is None or period is None:
        return _held(source, cat, targets, kwargs, bad_rows)
    try:
        target = Period.parse(str(period))
        step("scanning")
        groups = scan_file(source, names, cat, target, registry)
    except (pl.exceptions.PolarsError, OSError, AntqError):
        return _held(source, cat, targets, kwargs, bad_rows)
    step("checking")
    the_plan = plan(groups, cat, registry)
    settled = _settle_problems(groups, cat=cat, reg=registry, the_plan=the_plan, bad_rows=bad_rows)
    if settled is None:
        return _held(source, cat, targets, kwargs, bad_rows)
    the_plan, left_out = settled
    if the_plan.overlapping:
        hit = rows_where(source, names, pl.col("period").is_in(list(the_plan.overlapping)))
        the_plan = _with_overlapping(the_plan, hit.get_column("indicator").unique().to_list())

    def reference_rows(
        codes: Sequence[str], texts: Sequence[str], unknown: Sequence[str]
    ) -> list[Observation]:
        rows = rows_where(source, names, _row_filter(codes, texts, unknown))
        observations, _problems, _ = _reference_read(rows, cat, registry)  # left out or raised
        return observations

    results: list[Rollup] = []
    table: ObservationTable | None = None
    over = over_time(groups, the_plan, cat)  # the same for every target
    # the cells and the rows refused are not needed any more: their memory is given back
    groups = attrs.evolve(groups, frame=groups.frame.clear(), held=None)
    the_plan = attrs.evolve(the_plan, good=the_plan.good.clear())
    for goal in targets:
        step(f"rolling up to {goal}")
        try:
            tree = PlaceTree.of(registry, as_of=as_of, view=view, to=goal, shares=shares)
            results.append(
                _rollup_groups(groups, the_plan, tree, cat, missing, reference_rows, over)
            )
            continue
        except (_Fallback, AntqError):
            pass  # the held table and then the reference decide
        if table is None:
            table = read_table(source, catalogue=cat, registry=registry)
        results.append(rollup_table(table, to=goal, **kwargs))
    return ScannedRollups(
        tuple(results),
        tuple((loc, str(msg)) for loc, msg in left_out),
        tuple(left_out),
    )


def _held(
    source: Path,
    cat: Catalogue,
    targets: list[str | Sequence[str] | None],
    kwargs: dict[str, Any],
    bad_rows: BadRows = "raise",
) -> ScannedRollups:
    """The rollups of a file read into a table (the streaming scan does not read it)."""
    if bad_rows == "leave_out":
        table, left = read_table_left_out(source, catalogue=cat, registry=kwargs["registry"])
    else:
        table, left = read_table(source, catalogue=cat, registry=kwargs["registry"]), []
    return ScannedRollups(
        tuple(rollup_table(table, to=goal, **kwargs) for goal in targets),
        tuple((loc, str(msg)) for loc, msg in left),
        tuple(left),
    )


def rollup_file(
    path: str | PathLike[str],
    *,
    to: str | Sequence[str] | None = None,
    period: Period | str | None = None,
    registry: Registry,
    as_of: date,
    view: View = "as_of",
    shares: Mapping[str, Mapping[str, Fraction | int]] | None = None,
    missing: MissingStrategy = "lower_bound",
    catalogue: Catalogue | None = None,
) -> Rollup:
    r"""Roll up a tidy CSV file in one streaming pass, never holding the rows.

    ``rollup_file(path, ...) == rollup(read_observations(path), ...)``: the
    same validation (every row; the same [`RecordError`][antq_domain.errors.RecordError]
    naming row and key) and the same [`Rollup`][antq_domain.analysis.aggregation.Rollup].
    See [`rollup_file_many`][antq_domain.bulk.rollup_file_many] to roll one scan up to several
    targets and
    [`scan_rollups`][antq_domain.bulk.scan_rollups] to leave bad rows out.

    Raises:
        RecordError: problems in the rows.
        ConflictError, InvariantError, UnknownCodeError: as the reference.

    Example:
        >>> import pathlib, tempfile
        >>> from datetime import date
        >>> from antq_domain.bulk import rollup_file
        >>> from antq_domain.records.places import registry
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "kt.csv"
        >>> _ = p.write_text("indicator,place,period,value\n"
        ...                  "tips.received,608,202301,30\ntips.received,616,202302,12\n")
        >>> r = rollup_file(p, to="province", period="2023", registry=registry(),
        ...                 as_of=date(2023, 12, 31))
        >>> str(r.cell("tips.received", "62").value)
        '>=42 tip'
    """
    (result,) = rollup_file_many(
        path,
        to=[to],
        period=period,
        registry=registry,
        as_of=as_of,
        view=view,
        shares=shares,
        missing=missing,
        catalogue=catalogue,
    )
    return result


def rollup_file_many(
    path: str | PathLike[str],
    *,
    to: Sequence[str | Sequence[str] | None],
    period: Period | str | None = None,
    registry: Registry,
    as_of: date,
    view: View = "as_of",
    shares: Mapping[str, Mapping[str, Fraction | int]] | None = None,
    missing: MissingStrategy = "lower_bound",
    catalogue: Catalogue | None = None,
) -> tuple[Rollup, ...]:
    r"""One streaming scan of a tidy CSV rolled up to several targets (one per ``to``).

    Each result equals [`rollup_file`][antq_domain.bulk.rollup_file] for that target (and so the
    reference's rollup); the file is read once.

    Raises:
        RecordError: problems in the rows.
        ConflictError, InvariantError, UnknownCodeError: as the reference.

    Example:
        >>> import pathlib, tempfile
        >>> from datetime import date
        >>> from antq_domain.bulk import rollup_file_many
        >>> from antq_domain.records.places import registry
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "kt.csv"
        >>> _ = p.write_text("indicator,place,period,value\ntips.received,608,2023,30\n")
        >>> a, b = rollup_file_many(p, to=["province", "nation"], period="2023",
        ...                         registry=registry(), as_of=date(2023, 12, 31))
        >>> a.cells[0].place, b.cells[0].place
        ('62', 'VN')
    """
    check_rollup_args(view, missing, as_of)
    if period is None:
        cat = catalogue if catalogue is not None else standard_catalogue()
        kwargs = _reference_args(period, registry, as_of, view, shares, missing)
        return _held(Path(path), cat, list(to), kwargs).rollups
    return scan_rollups(
        path,
        to=to,
        period=period,
        registry=registry,
        as_of=as_of,
        view=view,
        shares=shares,
        missing=missing,
        catalogue=catalogue,
    ).rollups
