"""Exemplary models of the movement (mô hình, điển hình tiên tiến), their reviews and replications.

Guidance HD 22/HD-BCA-V05 counts each model by name, with the number of
points (điểm) where it is applied and the number of teams (tổ) implementing
it. Models are reviewed (interim *sơ kết*, final *tổng kết*) and replicated
nationwide (announced by the Ministry of Public Security), province-wide or
district-wide; the district scope ends with the district level on
1 July 2025.

Example:
    >>> from antq_domain.records.models import ExemplaryModel
    >>> m = ExemplaryModel(
    ...     id="kt-5giup1", name="5 giúp 1", kind="mutual_help_group", owner="police",
    ...     place="62", start="2019",
    ...     replications=[{"scope": "national", "date": "2023",
    ...                    "authority": {"kind": "ministry_of_public_security"}}],
    ... )
    >>> m.replications[0].scope.label.vi
    'nhân rộng toàn quốc'
    >>> m.replicated_on("national", 2023)
    True
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import StringConstraints, model_validator

from antq_domain.errors import InvariantError
from antq_domain.records._base import Record
from antq_domain.records.organisations import (
    TWO_TIER_FROM,
    AgencyRef,
    EntityId,
    Text,
    _Problems,
)
from antq_domain.values._codelist import Codelist
from antq_domain.values.document import DocumentRef
from antq_domain.values.identifiers import NAME_PATTERN
from antq_domain.values.partial_date import PartialDate
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Unit

__all__ = [
    "ExemplaryModel",
    "ModelKind",
    "ModelOwner",
    "ModelStatus",
    "Replication",
    "ReplicationScope",
    "Review",
    "ReviewKind",
]

ModelKind = Annotated[str, StringConstraints(pattern=NAME_PATTERN, max_length=80)]
"""An open code for the kind of model, e.g. ``self_managed_security_team``, ``security_camera``."""


class ModelOwner(Codelist):
    """Who builds and runs a model (the ``owner`` dimension of ``models.active``).

    Example:
        >>> from antq_domain.records.models import ModelOwner
        >>> ModelOwner.MASS_ORGANISATION.label.vi
        'tổ chức chính trị - xã hội, đoàn thể'
    """

    POLICE = ("police", "lực lượng Công an", "police")
    FATHERLAND_FRONT = ("fatherland_front", "Mặt trận Tổ quốc", "Fatherland Front")
    MASS_ORGANISATION = (
        "mass_organisation",
        "tổ chức chính trị - xã hội, đoàn thể",
        "mass organisation",
    )
    OTHER = ("other", "khác", "other")


class ModelStatus(Codelist):
    """Whether a model still operates.

    Example:
        >>> from antq_domain.records.models import ModelStatus
        >>> ModelStatus.DISSOLVED.label.vi
        'đã giải thể, thanh loại'
    """

    ACTIVE = ("active", "đang duy trì hoạt động", "active")
    INACTIVE = ("inactive", "không hoạt động", "inactive")
    DISSOLVED = ("dissolved", "đã giải thể, thanh loại", "dissolved or de-listed")
    MERGED = ("merged", "đã sáp nhập", "merged into another model")


class ReviewKind(Codelist):
    """Kinds of review: interim (*sơ kết*) and final (*tổng kết*).

    Example:
        >>> from antq_domain.records.models import ReviewKind
        >>> ReviewKind.parse("final").label.vi
        'tổng kết'
    """

    INTERIM = ("interim", "sơ kết", "interim review")
    FINAL = ("final", "tổng kết", "final review")


class ReplicationScope(Codelist):
    """How far a model is replicated (the ``scope`` dimension of ``models.replicated``).

    ``district`` does not exist on or after 1 July 2025.

    Example:
        >>> from antq_domain.records.models import ReplicationScope
        >>> ReplicationScope.NATIONAL.label.en
        'replicated nationwide'
    """

    NATIONAL = ("national", "nhân rộng toàn quốc", "replicated nationwide")
    PROVINCIAL = ("provincial", "nhân rộng trên địa bàn tỉnh", "replicated province-wide")
    DISTRICT = ("district", "nhân rộng trên địa bàn huyện", "replicated district-wide")
    UNSPECIFIED = ("unspecified", "nhân rộng (không rõ phạm vi)", "replicated, scope not stated")


class Review(Record):
    """A review of a model: kind, date held, span covered and its document.

    A value. ``date`` may be partial ("trong năm 2023"); ``span`` is the
    period reviewed (``2013/2023`` for a ten-year review).

    Example:
        >>> from antq_domain.records.models import Review
        >>> r = Review(kind="final", date="2023", span="2013/2023")
        >>> r.kind.label.vi, str(r.span)
        ('tổng kết', '2013/2023')
    """

    kind: ReviewKind
    date: PartialDate
    span: Period | None = None
    document: DocumentRef | None = None


class Replication(Record):
    """An announcement that a model is replicated, with its scope and date.

    A value. ``document`` and ``authority`` are the announcing document and
    agency where the source gives them (the Ministry announces national
    replication).

    Rule: the ``district`` scope is impossible on or after 1 July 2025 (the
    district level was abolished); a partial date that may fall either side
    is not an error.

    Example:
        >>> from antq_domain.records.models import Replication
        >>> Replication(scope="provincial", date="2023").scope.value
        'provincial'
        >>> Replication(scope="district", date="2026")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Replication: 1 problem
          scope: scope='district': expected a scope that exists on date=2026: ...
    """

    scope: ReplicationScope
    date: PartialDate | None = None
    document: DocumentRef | None = None
    authority: AgencyRef | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _Problems(type(self).__name__)
        if (
            self.scope is ReplicationScope.DISTRICT
            and self.date is not None
            and self.date.earliest() >= TWO_TIER_FROM
        ):
            problems.add(
                ("scope",),
                InvariantError(
                    "scope",
                    self.scope.value,
                    f"a scope that exists on date={self.date}: the district level was "
                    f"abolished on {TWO_TIER_FROM}",
                ),
            )
        problems.raise_if_any()
        return self


_SITE_OR_GROUP = {"points": Unit.SITE, "teams": Unit.GROUP}


class ExemplaryModel(Record):
    """A model of the movement (mô hình), such as "5 giúp 1" or a security-camera scheme.

    An entity: identified by ``id``. ``name`` is the Vietnamese name as
    reports write it; ``kind`` an open code; ``place`` the host place code.
    ``points`` counts replication points (unit ``site``) and ``teams`` the
    implementing teams (unit ``group``).

    Rules: ``points`` and ``teams`` are in their units; a review or a
    replication cannot be dated before the model's start when both dates are
    determined (a partial date that may fall either side is not an error).

    Example:
        >>> from antq_domain.records.models import ExemplaryModel
        >>> ExemplaryModel(id="m", name="Camera an ninh", kind="security_camera",
        ...                owner="police", place="62", start="2021-05",
        ...                reviews=[{"kind": "interim", "date": "2020"}])
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: ExemplaryModel: 1 problem
          reviews.0.date: date=PartialDate('2020'): expected a date on or after start=2021-05
    """

    id: EntityId
    name: Text
    kind: ModelKind
    owner: ModelOwner
    place: str
    start: PartialDate | None = None
    status: ModelStatus = ModelStatus.ACTIVE
    points: Quantity | None = None
    teams: Quantity | None = None
    reviews: tuple[Review, ...] = ()
    replications: tuple[Replication, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Self:
        problems = _Problems(type(self).__name__)
        for field, unit in _SITE_OR_GROUP.items():
            q: Quantity | None = getattr(self, field)
            if q is not None and q.unit is not unit:
                problems.add(
                    (field, "unit"),
                    InvariantError("unit", q.unit.value, f"{unit.value!r} for {field}"),
                )
        if self.start is not None:
            dated: list[tuple[str, int, PartialDate | None]] = [
                ("reviews", i, r.date) for i, r in enumerate(self.reviews)
            ]
            dated += [("replications", i, r.date) for i, r in enumerate(self.replications)]
            for field, i, when in dated:
                if when is not None and when.is_before(self.start) is True:
                    problems.add(
                        (field, i, "date"),
                        InvariantError("date", when, f"a date on or after start={self.start}"),
                    )
        problems.raise_if_any()
        return self

    def replicated_on(self, scope: ReplicationScope | str, year: int) -> bool:
        """Whether a replication of ``scope`` is dated in ``year``.

        Example:
            >>> from antq_domain.records.models import ExemplaryModel
            >>> m = ExemplaryModel(id="m", name="Tổ an ninh tự quản",
            ...     kind="self_managed_security_team", owner="police", place="62",
            ...     replications=[{"scope": "provincial", "date": "2023-05"}])
            >>> m.replicated_on("provincial", 2023), m.replicated_on("national", 2023)
            (True, False)
        """
        wanted = ReplicationScope.parse(scope) if isinstance(scope, str) else scope
        return any(
            r.scope is wanted and r.date is not None and r.date.year == year
            for r in self.replications
        )

    def is_same(self, other: ExemplaryModel) -> bool:
        """Entity identity: whether ``other`` is the same model (same id).

        Example:
            >>> from antq_domain.records.models import ExemplaryModel
            >>> a = ExemplaryModel(id="m", name="A", kind="other", owner="other", place="62")
            >>> a.is_same(a.model_copy(update={"status": "inactive"}))
            True
        """
        return self.id == other.id
