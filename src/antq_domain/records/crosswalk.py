"""Reconcile the custom indicators of two offices through a mapping table.

Two offices that register their own indicators for the same thing (one says
``kontum.weapons_pledges``, the other ``daklak.cam_ket_vu_khi``) cannot add
their figures up. A [`Crosswalk`][antq_domain.records.crosswalk.Crosswalk] is a
table, agreed and written down, that says which code of an office's catalogue
means which shared code (a standard one, or one both offices adopt), with the
dimension values the shared code needs (``topic=weapons``). It is never a
guess from labels or strings: a code that is not in the table stays what it
is, and a row whose two codes cannot mean the same thing (another unit, a
flow against a stock, dimensions the shared code lacks) is refused when the
table is built.

Example:
    >>> from antq_domain.records.crosswalk import CodeMapping, Crosswalk
    >>> from antq_domain.records.indicators import Indicator, catalogue
    >>> from antq_domain.records.observation import Observation
    >>> from antq_domain.values import Quantity
    >>> mine = catalogue().with_indicators(Indicator(
    ...     code="kontum.weapons_pledges", kind="flow", unit="person",
    ...     label={"vi": "người ký cam kết không tàng trữ vũ khí", "en": "weapons pledges"}))
    >>> walk = Crosswalk(
    ...     [CodeMapping(source="kontum.weapons_pledges", target="mobilisation.pledge_persons",
    ...                  dims={"topic": "weapons"})],
    ...     source=mine)
    >>> obs = Observation.model_validate(
    ...     {"indicator": "kontum.weapons_pledges", "place": "62", "period": "2023",
    ...      "value": Quantity(1200, "person")}, context={"catalogue": mine})
    >>> [(o.indicator, dict(o.dims)) for o in walk.translate([obs])]
    [('mobilisation.pledge_persons', {'topic': 'weapons'})]
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Mapping

from pydantic import field_validator

from antq_domain.errors import InvariantError, ParseError, UnknownCodeError
from antq_domain.records._base import Record
from antq_domain.records.indicators import Catalogue, Indicator, catalogue
from antq_domain.records.observation import Dims, Observation
from antq_domain.values.identifiers import CODE, CODE_PATTERN

__all__ = ["CodeMapping", "Crosswalk"]

_CSV_COLUMNS = ("source", "target", "dims", "note")


class CodeMapping(Record):
    """One row of a mapping table: an office's code and the shared code it means.

    ``dims`` are the dimension values a figure of ``source`` takes under
    ``target`` (``mobilisation.pledge_persons`` split by ``topic``: the
    office's weapons pledges are ``topic=weapons``). A value.

    Example:
        >>> from antq_domain.records.crosswalk import CodeMapping
        >>> row = CodeMapping(source="daklak.cam_ket_vu_khi", target="mobilisation.pledge_persons",
        ...                   dims={"topic": "weapons"})
        >>> row.target, dict(row.dims)
        ('mobilisation.pledge_persons', {'topic': 'weapons'})
    """

    source: str
    target: str
    dims: Dims = Dims()
    note: str = ""

    @field_validator("source", "target")
    @classmethod
    def _code(cls, value: str) -> str:
        if not CODE.fullmatch(value):
            raise ParseError("code", value, f"an indicator code matching {CODE_PATTERN}")
        return value


class Crosswalk:
    """A checked mapping table from the codes of one catalogue to those of another.

    Args:
        rows: the table, each source code once.
        source: the catalogue the office's figures use (its custom codes).
        target: the catalogue of the shared codes (default: the standard one).

    Raises:
        InvariantError: a source code listed twice, or a row whose codes
            cannot mean the same figure: another kind, unit or aggregation,
            dimension values the target refuses, or a dimension of the source
            indicator the target does not have with the same codelist.
        UnknownCodeError: a code missing from its catalogue.

    Example:
        >>> from antq_domain.records.crosswalk import CodeMapping, Crosswalk
        >>> from antq_domain.records.indicators import Indicator, catalogue
        >>> mine = catalogue().with_indicators(Indicator(
        ...     code="local.houses", kind="flow", unit="building",
        ...     label={"vi": "nhà đại đoàn kết", "en": "solidarity houses"}))
        >>> Crosswalk([CodeMapping(source="local.houses", target="welfare.gifts")], source=mine)
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: target='welfare.gifts': expected an indicator \
counted in 'building' like 'local.houses', not in 'gift'
    """

    __slots__ = ("_rows", "_source", "_target")

    def __init__(
        self,
        rows: Iterable[CodeMapping],
        *,
        source: Catalogue,
        target: Catalogue | None = None,
    ) -> None:
        target_cat = target if target is not None else catalogue()
        by_source: dict[str, CodeMapping] = {}
        for row in rows:
            if not isinstance(row, CodeMapping):
                raise InvariantError("rows", row, "CodeMapping rows")
            if row.source in by_source:
                raise InvariantError("source", row.source, "a code mapped once in the table")
            _check_row(row, source[row.source], target_cat[row.target])
            by_source[row.source] = row
        self._rows: Mapping[str, CodeMapping] = by_source
        self._source = source
        self._target = target_cat

    @classmethod
    def from_csv(
        cls, text: str, *, source: Catalogue, target: Catalogue | None = None
    ) -> Crosswalk:
        r"""Read a table written as CSV with the columns ``source,target,dims,note``.

        ``dims`` is empty or ``name=value`` pairs joined by ``;``. Unknown or
        missing columns are refused.

        Example:
            >>> from antq_domain.records.crosswalk import Crosswalk
            >>> from antq_domain.records.indicators import Indicator, catalogue
            >>> mine = catalogue().with_indicators(Indicator(
            ...     code="local.bombs", kind="flow", unit="piece",
            ...     label={"vi": "bom, mìn", "en": "bombs and mines"}))
            >>> table = ("source,target,dims,note\n"
            ...          "local.bombs,weapons.ordnance,ordnance_kind=total,\n")
            >>> Crosswalk.from_csv(table, source=mine).code("local.bombs")
            'weapons.ordnance'
        """
        reader = csv.DictReader(io.StringIO(text))
        if tuple(reader.fieldnames or ()) != _CSV_COLUMNS:
            raise ParseError("columns", reader.fieldnames, ",".join(_CSV_COLUMNS))
        rows = []
        for line, record in enumerate(reader, start=2):
            dims: dict[str, str] = {}
            for pair in filter(None, (record["dims"] or "").split(";")):
                name, sep, value = pair.partition("=")
                if not sep or not name.strip() or not value.strip():
                    raise ParseError(f"line {line}: dims", pair, "name=value")
                dims[name.strip()] = value.strip()
            rows.append(
                CodeMapping(
                    source=record["source"] or "",
                    target=record["target"] or "",
                    dims=dims,
                    note=record["note"] or "",
                )
            )
        return cls(rows, source=source, target=target)

    def __iter__(self) -> Iterator[CodeMapping]:
        return iter(self._rows.values())

    def __len__(self) -> int:
        return len(self._rows)

    def __repr__(self) -> str:
        return f"<Crosswalk of {len(self)} code{'s' if len(self) != 1 else ''}>"

    def code(self, source: str) -> str:
        """The shared code of ``source``; a code the table does not list is its own.

        Example:
            >>> from antq_domain.records.crosswalk import Crosswalk
            >>> from antq_domain.records.indicators import catalogue
            >>> Crosswalk([], source=catalogue()).code("tips.received")
            'tips.received'
        """
        row = self._rows.get(source)
        return row.target if row is not None else source

    def translate(self, observations: Iterable[Observation]) -> tuple[Observation, ...]:
        """The observations in the shared codes, each checked against the target catalogue.

        A figure whose code the table lists takes the target code and the
        row's dimension values; one whose code the target catalogue already
        has is kept as it is; any other is an error (never dropped).

        Raises:
            UnknownCodeError: a code neither in the table nor in the target.

        Example:
            >>> from antq_domain.records.crosswalk import Crosswalk
            >>> from antq_domain.records.indicators import catalogue
            >>> from antq_domain.records.observation import Observation
            >>> from antq_domain.values import Quantity
            >>> tip = Observation(indicator="tips.received", place="62", period="2023",
            ...                   value=Quantity(5, "tip"))
            >>> Crosswalk([], source=catalogue()).translate([tip]) == (tip,)
            True
        """
        out: list[Observation] = []
        for obs in observations:
            row = self._rows.get(obs.indicator)
            if row is None:
                if obs.indicator not in self._target:
                    raise UnknownCodeError(
                        "indicator",
                        obs.indicator,
                        "a code of the mapping table or of the target catalogue",
                    )
                out.append(obs)
                continue
            # the row never sets a dimension the source has (checked at build)
            dims = {**obs.dims, **row.dims}
            data = obs.model_dump(mode="python")
            data.update(indicator=row.target, dims=dims)
            out.append(Observation.model_validate(data, context={"catalogue": self._target}))
        return tuple(out)


def _check_row(row: CodeMapping, source: Indicator, target: Indicator) -> None:
    if (source.kind, source.time_aggregation, source.place_aggregation) != (
        target.kind,
        target.time_aggregation,
        target.place_aggregation,
    ):
        raise InvariantError(
            "target",
            row.target,
            f"an indicator that aggregates like {row.source!r} ({source.kind.value}, "
            f"{source.time_aggregation.value} over time, {source.place_aggregation.value} over "
            f"places), not {target.kind.value}, {target.time_aggregation.value}, "
            f"{target.place_aggregation.value}",
        )
    if source.display_unit != target.display_unit:
        raise InvariantError(
            "target",
            row.target,
            f"an indicator counted in {source.display_unit!r} like {row.source!r}, "
            f"not in {target.display_unit!r}",
        )
    for name, value in row.dims.items():
        if name in source.dimension_names:
            raise InvariantError(
                f"dims.{name}",
                value,
                f"a dimension {row.source!r} does not have itself (its figures say it)",
            )
        target.dimension(name).check(value)
    for dim in source.dimensions:
        if dim.name not in target.dimension_names or not target.dimension(dim.name).same_codelist(
            dim
        ):
            raise InvariantError(
                "target",
                row.target,
                f"an indicator with the dimension {dim.name!r} of {row.source!r} "
                "(same codelist), so its figures keep their split",
            )
