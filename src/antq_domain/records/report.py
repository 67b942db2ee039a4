"""The movement report: the record that ties figures, records and findings together."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date
from typing import Self

from pydantic import ValidationInfo, field_validator, model_validator

from antq_domain.errors import InvariantError, Problem, RecordError, UnknownCodeError
from antq_domain.records import _html
from antq_domain.records._base import Record
from antq_domain.records.activities import Campaign
from antq_domain.records.commendations import Commendation
from antq_domain.records.forces import ForceStrength
from antq_domain.records.groups import RecordGroup
from antq_domain.records.indicators import Catalogue, Indicator, IndicatorKind, catalogue
from antq_domain.records.models import ExemplaryModel
from antq_domain.records.narrative import Direction, Limitation
from antq_domain.records.observation import Dims, Observation
from antq_domain.records.organisations import EntityId, Organisation, SteeringCommittee, Text
from antq_domain.records.places import Registry, registry
from antq_domain.records.programmes import CooperationProgramme
from antq_domain.values.label import Label
from antq_domain.values.partial_date import PartialDate
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.ratio import Ratio, Undefined

__all__ = ["MovementReport", "Publication", "RecordGroup"]


class Publication(Record):
    """Where and when a report was published, and by whom.

    A value.

    Example:
        >>> from antq_domain.records.report import Publication
        >>> Publication(author="Thái Ngân", publisher="Công an tỉnh Kon Tum").author
        'Thái Ngân'
    """

    title: Text | None = None
    published: PartialDate | None = None
    author: Text | None = None
    publisher: Text | None = None
    source: Text | None = None


class MovementReport(Record):
    """A report on the movement: issuer, place, period, figures and records.

    An entity when it has an ``id``; otherwise compared by content. Its figures are
    [`Observation`][antq_domain.Observation] s; its records are steering
    committees, campaigns, exemplary models, grassroots forces, cooperation programmes and
    commendations; its ``limitations`` and ``directions`` are ordered text (ordinals 1..n).

    Indicators the report uses beyond the standard catalogue are carried in
    ``indicators``, so a report file is self-describing: its observations are
    checked against the standard catalogue extended with them.

    Cross-record rules (one validator): ids are unique within the report, commendations refer to
    programmes the report holds, ordinals run 1..n, and the as-of date is not before the period
    starts. Every place is a code of the register (the bundled one, or the one passed as
    validation context, ``MovementReport.model_validate(data, context={"registry": reg})``):
    the report's place and each figure's place must have existed during their period (a
    district in a 2023 report is valid, a commune of the 2025 tree is not), the places of
    records must exist; every wrong place is listed, with "did you mean" by name.
    Contradictions between figures are *not* construction errors:
    [`antq_domain.validate`][antq_domain.validate] reports them as findings.

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.report import MovementReport
        >>> from antq_domain.values import Quantity
        >>> r = MovementReport(
        ...     issuer="Ban Chỉ đạo Phòng, chống tội phạm tỉnh Kon Tum",
        ...     place="62", period="2023", as_of=date(2023, 12, 31),
        ...     observations=[
        ...         {"indicator": "tips.received", "place": "62", "period": "2023",
        ...          "value": Quantity(726, "tip")},
        ...         {"indicator": "tips.valuable", "place": "62", "period": "2023",
        ...          "value": Quantity(655, "tip")},
        ...     ],
        ... )
        >>> r.ratio("tips.valuable_rate").format("vi")
        '90,2% (655/726)'
    """

    id: EntityId | None = None
    title: Label | Text | None = None
    issuer: Text
    issuer_committee: EntityId | None = None
    place: str
    period: Period
    as_of: date
    publication: Publication | None = None
    # `indicators` must stay before `observations`: its validator puts the
    # extended catalogue in the validation context the observations use.
    indicators: tuple[Indicator, ...] = ()
    observations: tuple[Observation, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    committees: tuple[SteeringCommittee, ...] = ()
    campaigns: tuple[Campaign, ...] = ()
    models: tuple[ExemplaryModel, ...] = ()
    forces: tuple[ForceStrength, ...] = ()
    programmes: tuple[CooperationProgramme, ...] = ()
    commendations: tuple[Commendation, ...] = ()
    limitations: tuple[Limitation, ...] = ()
    directions: tuple[Direction, ...] = ()

    @field_validator("indicators")
    @classmethod
    def _extend_catalogue(
        cls, value: tuple[Indicator, ...], info: ValidationInfo
    ) -> tuple[Indicator, ...]:
        extended = catalogue().with_indicators(*value) if value else catalogue()
        if isinstance(info.context, dict):
            info.context["catalogue"] = extended
        return value

    @model_validator(mode="after")
    def _places(self, info: ValidationInfo) -> Self:
        context = info.context if info is not None else None
        given = context.get("registry") if isinstance(context, Mapping) else None
        reg = given if isinstance(given, Registry) else registry()
        problems: list[Problem] = []

        def check(location: str, code: str, during: Period | None) -> None:
            try:
                reg.check(code, during=during)
            except (UnknownCodeError, InvariantError) as exc:
                problems.append((location, exc))

        check("place", self.place, self.period)
        for i, obs in enumerate(self.observations):
            check(f"observations.{i}.place", obs.place, obs.period)
        for group in (
            "organisations",
            "committees",
            "campaigns",
            "models",
            "forces",
            "programmes",
            "commendations",
        ):
            for i, rec in enumerate(getattr(self, group)):
                place = getattr(rec, "place", None)
                if isinstance(place, str):
                    check(f"{group}.{i}.place", place, None)
                for j, other in enumerate(getattr(rec, "locations", ())):
                    check(f"{group}.{i}.locations.{j}", other, None)
        if problems:
            raise RecordError("MovementReport", problems)
        return self

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if self.as_of < self.period.start:
            raise InvariantError(
                "as_of",
                self.as_of,
                f"a date on or after the period's start {self.period.start}",
                expected_vi=f"một ngày không trước ngày đầu kỳ báo cáo {self.period.start}",
            )
        for name, items in (("limitations", self.limitations), ("directions", self.directions)):
            ordinals = [item.ordinal for item in items]
            if ordinals != list(range(1, len(items) + 1)):
                raise InvariantError(
                    name,
                    ordinals,
                    f"ordinals 1..{len(items)} in order",
                    expected_vi=f"số thứ tự 1..{len(items)} theo thứ tự",
                )
        ids = Counter(
            rec.id
            for group in (
                self.organisations,
                self.committees,
                self.campaigns,
                self.models,
                self.programmes,
                self.commendations,
            )
            for rec in group
            if getattr(rec, "id", None) is not None
        )
        repeated = sorted(str(i) for i, n in ids.items() if n > 1)
        if repeated:
            raise InvariantError(
                "id",
                repeated[0],
                "an id used by one record of the report only",
                expected_vi="một mã định danh chỉ dùng cho một bản ghi trong báo cáo",
            )
        programme_ids = {p.id for p in self.programmes}
        for i, award in enumerate(self.commendations):
            if award.programme is not None and award.programme not in programme_ids:
                raise UnknownCodeError(
                    f"commendations.{i}.programme",
                    award.programme,
                    "the id of a programme in this report",
                    expected_vi="mã định danh của một chương trình phối hợp trong báo cáo này",
                )
        return self

    # -- queries ---------------------------------------------------------------
    @property
    def catalogue(self) -> Catalogue:
        """The standard catalogue extended with the report's own indicators.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.report import MovementReport
            >>> r = MovementReport(issuer="x", place="62", period="2023", as_of=date(2024, 1, 1))
            >>> "tips.received" in r.catalogue
            True
        """
        if not self.indicators:
            return catalogue()
        return catalogue().with_indicators(*self.indicators)

    def find(
        self,
        indicator: str,
        dims: Mapping[str, str] | None = None,
        *,
        place: str | None = None,
        period: Period | str | None = None,
    ) -> tuple[Observation, ...]:
        """The observations of one cell (default: the report's place and period).

        More than one means the report states the cell twice (a finding of
        [`antq_domain.validate`][antq_domain.validate] if they disagree).

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.report import MovementReport
            >>> from antq_domain.values import Quantity
            >>> r = MovementReport(issuer="x", place="62", period="2023", as_of=date(2024, 1, 1),
            ...     observations=[{"indicator": "tips.received", "place": "62",
            ...                    "period": "2023", "value": Quantity(726, "tip")}])
            >>> [str(o.value) for o in r.find("tips.received")]
            ['726 tip']
        """
        want_dims = Dims.of(dims or {})
        want_place = place if place is not None else self.place
        want_period = str(period) if period is not None else str(self.period)
        return tuple(
            o
            for o in self.observations
            if o.indicator == indicator
            and o.place == want_place
            and str(o.period) == want_period
            and o.dims == want_dims
        )

    def ratio_cells(self) -> tuple[tuple[str, Dims], ...]:
        """The ratio cells the report's own figures can compute: ``(ratio code, dims)``.

        The figures of the report's place and period, searched by
        [`Catalogue.ratio_cells`][antq_domain.records.indicators.Catalogue.ratio_cells] (the one
        search every surface uses): a cell where a numerator or denominator is stated with at least
        the ratio's matched dimensions. [`ratio`][antq_domain.records.report.MovementReport.ratio]
        gives each cell's value.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.report import MovementReport
            >>> from antq_domain.values import Quantity
            >>> cell = {"unit_kind": "commune", "managed_by": "district"}
            >>> r = MovementReport(issuer="x", place="62", period="2023", as_of=date(2024, 1, 1),
            ...     observations=[{"indicator": code, "place": "62", "period": "2023",
            ...                    "dims": cell, "value": Quantity(n, "unit")}
            ...                   for code, n in (("safety_standard.units_meeting", 80),
            ...                                   ("safety_standard.units_assessed", 90))])
            >>> [(code, dict(dims)) for code, dims in r.ratio_cells()]
            [('safety_standard.rate', {'managed_by': 'district', 'unit_kind': 'commune'})]
            >>> r.ratio("safety_standard.rate", cell).format("en")
            '88.9% (80/90)'
        """
        own = (
            (o.indicator, o.dims)
            for o in self.observations
            if o.place == self.place and str(o.period) == str(self.period)
        )
        return self.catalogue.ratio_cells(own)

    def ratio(self, code: str, dims: Mapping[str, str] | None = None) -> Ratio | Undefined:
        """Recompute a ratio indicator from its parts for the report's place and period.

        The parts are the numerator and denominator observations of exactly the cell ``dims`` (see
        [`ratio_cells`][antq_domain.records.report.MovementReport.ratio_cells] for the cells a
        report can compute). A part that is missing, not reported or stated twice with different
        values gives [`Undefined`][antq_domain.Undefined] with the reason; a stated percentage is
        never used in place of the parts.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.report import MovementReport
            >>> r = MovementReport(issuer="x", place="62", period="2023", as_of=date(2024, 1, 1))
            >>> r.ratio("tips.valuable_rate")
            Undefined(reason='tips.valuable is not in the report')
            >>> r.ratio("tips.valuable_rate").format("vi")
            '— (không xác định: báo cáo không có số liệu nguồn tin có giá trị)'
        """
        indicator = self.catalogue.get(code)
        if indicator.kind is not IndicatorKind.RATIO or indicator.ratio is None:
            raise InvariantError(
                "code",
                code,
                "a ratio indicator with numerator and denominator",
                expected_vi="một chỉ tiêu tỷ lệ có tử số và mẫu số",
            )
        spec = indicator.ratio
        cell = dict(dims or {})
        parts: list[Quantity] = []
        for part in (spec.numerator, spec.denominator):
            found = self.find(part, cell)
            values = {o.value for o in found}
            name = self.catalogue[part].label.vi if part in self.catalogue else part
            if not found:
                return Undefined(
                    f"{part} is not in the report", reason_vi=f"báo cáo không có số liệu {name}"
                )
            if len(values) > 1:
                return Undefined(
                    f"{part} is stated with {len(values)} different values",
                    reason_vi=f"{name} được nêu với {len(values)} số liệu khác nhau",
                )
            value = found[0].value
            if not isinstance(value, Quantity):
                return Undefined(
                    f"{part} is {value.status.value}",
                    reason_vi=f"{name}: {value.status.text('vi')}",
                )
            parts.append(value)
        return Ratio(parts[0], parts[1], spec.factor)

    # -- display ---------------------------------------------------------------
    def __str__(self) -> str:
        return _html.report_summary(self)

    def _repr_html_(self) -> str:
        """The notebook view: bilingual headers, ratios, figures by area, narrative."""
        return _html.report_html(self).markup
