# Size: the catalogue's model: Indicator, Dimension, RatioSpec and their codelists, and
# Catalogue with the checks across indicators and its lookups; about half the lines are
# docstrings and their examples (the catalogue itself is data, data/catalogue.toml).
"""The indicator catalogue: what each figure of a movement report measures.

Every figure in a report is an observation of one
[`Indicator`][antq_domain.Indicator] (for one place, one period, possibly split by
[`Dimension`][antq_domain.records.indicators.Dimension] values). The library ships a standard
catalogue (INDICATORS.md) and users add their own indicators with the same attributes.

The catalogue is **immutable**. [`catalogue`][antq_domain.records.indicators.catalogue] returns the
shared standard catalogue, built on first use;
[`Catalogue.with_indicators`][antq_domain.records.indicators.Catalogue.with_indicators] returns a
*new* catalogue with the user's indicators added. There is deliberately no ``register_indicator``
that mutates a global: analysis functions take the catalogue they use as an argument, so two
notebooks, two tests or two threads with different custom indicators never see each other's changes,
and a result can always say which catalogue produced it.

Example:
    >>> from antq_domain.records.indicators import catalogue
    >>> cat = catalogue()
    >>> cat["tips.valuable"].label.vi
    'nguồn tin có giá trị'
    >>> cat["tips.valuable_rate"].ratio.denominator
    'tips.received'
    >>> cat.check_dims("forces.clubs", {"club_kind": "veterans"})
    {'club_kind': 'veterans'}
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Hashable, Iterable, Iterator, Mapping
from functools import cache, lru_cache
from typing import Annotated, Any, TypeVar

from pydantic import (
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from antq_domain._once import once
from antq_domain.errors import InvariantError, ParseError, UnknownCodeError
from antq_domain.records import _catalogue_data as data
from antq_domain.records._base import Record
from antq_domain.values import identifiers
from antq_domain.values._codelist import Codelist, CodelistBase
from antq_domain.values.identifiers import CODE_PATTERN, NAME_PATTERN
from antq_domain.values.label import Label, Lang
from antq_domain.values.unit import Unit

__all__ = [
    "CODE_PATTERN",
    "NAME_PATTERN",
    "STANDARD_AREAS",
    "Catalogue",
    "Dimension",
    "DimensionValue",
    "IndicatorDirection",
    "Indicator",
    "IndicatorKind",
    "PlaceAggregation",
    "RatioSpec",
    "TimeAggregation",
    "catalogue",
]

STANDARD_AREAS: tuple[str, ...] = (
    "mobilisation",
    "tips",
    "media",
    "models",
    "forces",
    "safety_standard",
    "crime",
    "weapons",
    "commendations",
    "admin",
    "welfare",
    "context",
    "defence",
)
"""The namespaces of the standard catalogue; user indicators live elsewhere.

``welfare``, ``context`` and ``defence`` hold figures reports state beside
the movement's (houses handed over, a commune's area, call-up targets), kept
apart so they never mix with movement indicators.
"""

_D = TypeVar("_D", bound=Mapping[str, str])


def _cell_key(dims: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted(dims.items()))


# A dimension's name and the codes of its values both take NAME_PATTERN here.
_CODE_RE = identifiers.CODE
_NAME_RE = identifiers.NAME


@lru_cache(maxsize=1024)
def _close_matches(word: str, candidates: tuple[str, ...]) -> tuple[str, ...]:
    """The suggestions for a mistyped code, worked out once per code (difflib is slow)."""
    return tuple(difflib.get_close_matches(word, candidates, n=3, cutoff=0.6))


def _close(word: str, candidates: Iterable[str], lang: Lang = "en") -> str:
    matches = _close_matches(word, tuple(candidates))
    if not matches:
        return ""
    shown = ", ".join(repr(m) for m in matches)
    return f" (có phải là {shown}?)" if lang == "vi" else f" (did you mean {shown}?)"


def _check_name(field: str, value: object) -> str:
    if not isinstance(value, str) or not _NAME_RE.fullmatch(value):
        raise ParseError(
            field,
            value,
            f"a lower-case name matching {NAME_PATTERN}",
            expected_vi=f"một tên chữ thường khớp {NAME_PATTERN}",
        )
    return value


def _check_code(field: str, value: object) -> str:
    if not isinstance(value, str) or not _CODE_RE.fullmatch(value):
        raise ParseError(
            field,
            value,
            "a dotted lower-case code such as 'local.emulation_pacts'",
            expected_vi="một mã chữ thường có dấu chấm như 'local.emulation_pacts'",
        )
    return value


def _phrases(field: str, value: object) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise ParseError(field, value, "a list of phrases", expected_vi="một danh sách cụm từ")
    out: list[str] = []
    seen: set[str] = set()
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise ParseError(field, item, "a non-empty phrase", expected_vi="một cụm từ không rỗng")
        phrase = " ".join(unicodedata.normalize("NFC", item).split())
        key = phrase.casefold()
        if key in seen:
            raise ParseError(
                field,
                phrase,
                "phrases that differ (a phrase is listed twice)",
                expected_vi="các cụm từ khác nhau (có cụm từ bị lặp)",
            )
        seen.add(key)
        out.append(phrase)
    return tuple(out)


class IndicatorKind(Codelist):
    """How an indicator behaves in time: a flow, a stock, a ratio or a reported ratio.

    * ``flow``: counted during a period (campaigns held, tips received);
    * ``stock``: a state at a date (models active, people in a force);
    * ``ratio``: ``factor × numerator ÷ denominator``, always recomputed from
      the aggregated parts, never averaged;
    * ``reported_ratio``: a percentage a report states without its parts
      ("91,09%"); kept and shown as stated, never re-aggregated.

    Example:
        >>> from antq_domain.records.indicators import IndicatorKind
        >>> IndicatorKind("stock").label.vi
        'tồn lượng (tại một thời điểm)'
        >>> IndicatorKind.REPORTED_RATIO.is_ratio
        True
    """

    FLOW = ("flow", "lưu lượng (trong kỳ)", "flow (counted during a period)")
    STOCK = ("stock", "tồn lượng (tại một thời điểm)", "stock (state at a date)")
    RATIO = ("ratio", "tỷ lệ (tính lại từ các thành phần)", "ratio (recomputed)")
    REPORTED_RATIO = (
        "reported_ratio",
        "tỷ lệ báo cáo (không có thành phần)",
        "reported ratio (no parts)",
    )

    @property
    def is_ratio(self) -> bool:
        """Whether the kind is a ratio (recomputed or reported).

        Example:
            >>> from antq_domain.records.indicators import IndicatorKind
            >>> IndicatorKind.RATIO.is_ratio, IndicatorKind.FLOW.is_ratio
            (True, False)
        """
        return self in (IndicatorKind.RATIO, IndicatorKind.REPORTED_RATIO)


class TimeAggregation(CodelistBase):
    """How values of one place over several periods combine.

    ``sum`` (flows), ``last`` (stocks: the value at the end of the period, or
    the latest on or before it) or ``none`` (never aggregated over time:
    ratios, which are recomputed from their parts, and annual assessments).

    Example:
        >>> from antq_domain.records.indicators import TimeAggregation
        >>> TimeAggregation("last") is TimeAggregation.LAST
        True
    """

    SUM = "sum"
    LAST = "last"
    NONE = "none"


class PlaceAggregation(CodelistBase):
    """How values of several places for one period combine: ``sum`` or ``none``.

    ``none`` is for figures that do not add across places: ratios (recomputed
    from their parts) and counts of distinct *kinds* (7 kinds of model in one
    district and 5 in another are not 12 kinds).

    Example:
        >>> from antq_domain.records.indicators import PlaceAggregation
        >>> [p.value for p in PlaceAggregation]
        ['sum', 'none']
    """

    SUM = "sum"
    NONE = "none"


class IndicatorDirection(CodelistBase):
    """Which way is better for an indicator, used by scorecards.

    Example:
        >>> from antq_domain.records.indicators import IndicatorDirection
        >>> IndicatorDirection.LOWER_IS_BETTER.sign
        -1
    """

    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    NONE = "none"

    @property
    def sign(self) -> int:
        """``1`` if more is better, ``-1`` if less is better, ``0`` if neither.

        Example:
            >>> from antq_domain.records.indicators import IndicatorDirection
            >>> IndicatorDirection.HIGHER_IS_BETTER.sign, IndicatorDirection.NONE.sign
            (1, 0)
        """
        if self is IndicatorDirection.HIGHER_IS_BETTER:
            return 1
        if self is IndicatorDirection.LOWER_IS_BETTER:
            return -1
        return 0


class DimensionValue(Record):
    """One code of a dimension's codelist, with its bilingual label.

    A value (compares by content). ``synonyms_vi`` lists Vietnamese phrases
    reports use for this value (NFC), for the text extractor.

    Example:
        >>> from antq_domain.records.indicators import DimensionValue
        >>> v = DimensionValue(code="ward", label={"vi": "phường", "en": "ward"})
        >>> v.code, v.label.vi
        ('ward', 'phường')
    """

    code: str
    label: Label
    synonyms_vi: tuple[str, ...] = ()

    @field_validator("code", mode="before")
    @classmethod
    def _code(cls, value: object) -> str:
        return _check_name("code", value)

    @field_validator("synonyms_vi", mode="before")
    @classmethod
    def _synonyms(cls, value: object) -> tuple[str, ...]:
        return _phrases("synonyms_vi", value)


class Dimension(Record):
    """A way an indicator's figures may be split, with its codelist.

    A value (compares by content). A *closed* dimension accepts only the codes of ``values``; an
    *open* one (``open=True``, e.g. ``model_kind``, whose kinds grow with every new model) accepts
    any code matching [`NAME_PATTERN`][antq_domain.records.indicators.NAME_PATTERN] and lists the
    known codes for display. ``required`` says whether an observation of an indicator using this
    dimension must carry it; it belongs to the indicator's use of the dimension, so two indicators
    can share a codelist and differ in ``required``.

    The **totals convention** (SDMX's ``_T``): ``total`` names the code that
    means "every value together, not split" (``total`` in most dimensions,
    ``all`` in ``model_kind``); a figure with it is the total of its parts.
    ``absent_means_total`` says whether a figure that does not carry the
    dimension counts as that total too (the default) or as *unspecified*
    (``managed_by``: a count that does not say which level manages the
    units is not the total of the levels). A dimension whose values are not
    parts of one whole (``unit_kind`` mixes levels and uses ``mixed`` for a
    set the report does not split; ``category`` overlaps) has no ``total``:
    such a figure stands alone.

    Example:
        >>> from antq_domain.records.indicators import Dimension
        >>> d = Dimension(
        ...     name="club_kind",
        ...     label={"vi": "loại câu lạc bộ", "en": "kind of club"},
        ...     values=[{"code": "women", "label": {"vi": "phụ nữ", "en": "women"}}],
        ... )
        >>> d.codes
        ('women',)
        >>> d.check("youth")
        Traceback (most recent call last):
        ...
        antq_domain.errors.ParseError: dims.club_kind='youth': expected one of women
    """

    name: str
    label: Label
    values: tuple[DimensionValue, ...] = ()
    open: bool = False
    required: bool = False
    total: str | None = None
    absent_means_total: bool = True

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: object) -> str:
        return _check_name("name", value)

    @model_validator(mode="after")
    def _rules(self) -> Dimension:
        if not self.open and not self.values:
            raise InvariantError(
                "values",
                (),
                "at least one value in a closed codelist",
                expected_vi="ít nhất một giá trị trong danh mục mã đóng",
            )
        seen: set[str] = set()
        for value in self.values:
            if value.code in seen:
                raise InvariantError(
                    "values",
                    value.code,
                    "codes listed once each",
                    expected_vi="mỗi mã chỉ ghi một lần",
                )
            seen.add(value.code)
        if self.total is not None and self.total not in seen:
            raise InvariantError(
                "total",
                self.total,
                "one of the listed codes",
                expected_vi="một trong các mã đã liệt kê",
            )
        if not self.absent_means_total and self.total is None:
            raise InvariantError(
                "absent_means_total",
                False,
                "a 'total' code: without one an unsplit figure has no way to say 'all'",
                expected_vi="một mã 'total': thiếu mã này thì số liệu không phân tổ không thể "
                "hiện được 'tất cả'",
            )
        return self

    @property
    def parts(self) -> tuple[str, ...]:
        """The codes that are parts of the total: every listed code but ``total``.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue().dimension("recipient_kind").parts
            ('collective', 'individual', 'household')
        """
        return tuple(v.code for v in self.values if v.code != self.total)

    @property
    def codes(self) -> tuple[str, ...]:
        """The known codes, in the codelist's order.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue().dimension("status").codes
            ('conferred', 'proposed', 'total')
        """
        return tuple(v.code for v in self.values)

    def value(self, code: str) -> DimensionValue:
        """The listed value with this code, or `UnknownCodeError`.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue().dimension("unit_kind").value("township").label.vi
            'thị trấn'
        """
        for value in self.values:
            if value.code == code:
                return value
        codes = ", ".join(self.codes)
        raise UnknownCodeError(
            f"dims.{self.name}",
            code,
            f"one of {codes}" + _close(code, self.codes),
            expected_vi="một trong các mã "
            + ", ".join(repr(c) for c in self.codes)
            + _close(code, self.codes, "vi"),
        )

    def check(self, code: object) -> str:
        """Return ``code`` if this dimension accepts it, else raise `ParseError`.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue().dimension("model_kind").check("night_patrol")  # open codelist
            'night_patrol'
        """
        field = f"dims.{self.name}"
        if self.open:
            if not isinstance(code, str) or not _NAME_RE.fullmatch(code):
                raise ParseError(
                    field,
                    code,
                    f"a code matching {NAME_PATTERN}",
                    expected_vi=f"một mã khớp {NAME_PATTERN}",
                )
            return code
        if not isinstance(code, str) or code not in self.codes:
            hint = _close(code, self.codes) if isinstance(code, str) else ""
            hint_vi = _close(code, self.codes, "vi") if isinstance(code, str) else ""
            codes = ", ".join(self.codes)
            raise ParseError(
                field,
                code,
                f"one of {codes}{hint}",
                expected_vi="một trong các mã " + ", ".join(repr(c) for c in self.codes) + hint_vi,
            )
        return code

    def as_required(self, required: bool = True) -> Dimension:
        """The same dimension, required (or not) on the indicator that uses it.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue().dimension("unit_kind").as_required().required
            True
        """
        if self.required is required:
            return self
        return self.model_copy(update={"required": required})

    def same_codelist(self, other: Dimension) -> bool:
        """Whether ``other`` has the same name, label and codelist (``required`` aside).

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> d = catalogue().dimension("unit_kind")
            >>> d.same_codelist(d.as_required())
            True
        """
        return self.as_required(False) == other.as_required(False)


class RatioSpec(Record):
    """How a ratio indicator is computed: ``factor × Σnumerator ÷ Σdenominator``.

    A value. ``match`` names the dimensions along which the ratio is computed
    cell by cell (the coverage of communes uses the communes of both parts);
    it must equal the ratio indicator's own dimensions. Numerator and
    denominator are aggregated by their own kinds first, then divided (a
    ratio of sums, never an average of ratios).

    Example:
        >>> from antq_domain.records.indicators import RatioSpec
        >>> RatioSpec(numerator="tips.valuable", denominator="tips.received").factor
        100
        >>> RatioSpec(numerator="tips.valuable", denominator="tips.valuable")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: RatioSpec: 1 problem
          denominator: denominator='tips.valuable': expected a code other than the numerator's
    """

    numerator: str
    denominator: str
    factor: Annotated[int, Field(strict=True, gt=0)] = 100
    match: tuple[str, ...] = ()

    @field_validator("numerator", "denominator", mode="before")
    @classmethod
    def _codes(cls, value: object, info: ValidationInfo) -> str:
        return _check_code(str(info.field_name), value)

    @field_validator("match", mode="before")
    @classmethod
    def _match(cls, value: object) -> tuple[str, ...]:
        if isinstance(value, str) or not isinstance(value, Iterable):
            raise ParseError(
                "match", value, "a list of dimension names", expected_vi="một danh sách tên phân tổ"
            )
        names = tuple(_check_name("match", v) for v in value)
        if len(set(names)) != len(names):
            raise ParseError(
                "match",
                names,
                "dimension names listed once each",
                expected_vi="mỗi tên phân tổ chỉ ghi một lần",
            )
        return names

    @model_validator(mode="after")
    def _rules(self) -> RatioSpec:
        if self.numerator == self.denominator:
            raise InvariantError(
                "denominator",
                self.denominator,
                "a code other than the numerator's",
                expected_vi="một mã khác mã của tử số",
            )
        return self


_TIME_ALLOWED = {
    IndicatorKind.FLOW: (TimeAggregation.SUM, TimeAggregation.NONE),
    IndicatorKind.STOCK: (TimeAggregation.LAST, TimeAggregation.NONE),
    IndicatorKind.RATIO: (TimeAggregation.NONE,),
    IndicatorKind.REPORTED_RATIO: (TimeAggregation.NONE,),
}


_DEFAULT_AGGREGATION = {
    IndicatorKind.FLOW: (TimeAggregation.SUM, PlaceAggregation.SUM),
    IndicatorKind.STOCK: (TimeAggregation.LAST, PlaceAggregation.SUM),
    IndicatorKind.RATIO: (TimeAggregation.NONE, PlaceAggregation.NONE),
    IndicatorKind.REPORTED_RATIO: (TimeAggregation.NONE, PlaceAggregation.NONE),
}


class Indicator(Record):
    """One indicator of the catalogue: what a figure measures and how it aggregates.

    A value (compares by content; the ``code`` identifies it inside a catalogue). ``unit`` is
    ``None`` for ratios, whose display unit is
    [`display_unit`][antq_domain.records.indicators.Indicator.display_unit]. Aggregations default
    from the kind: a flow sums over time and places, a stock takes the last value in time and sums
    over places, a ratio aggregates neither (its parts do). ``dimensions`` holds the dimensions
    themselves (the record is self-contained in JSON); a plain name such as ``"unit_kind"`` is read
    as the standard dimension of that name. ``synonyms_vi`` lists Vietnamese phrases reports use for
    the indicator (NFC; several indicators may share a generic phrase such as "lượt người tham gia",
    so matching needs the context).

    Example:
        >>> from antq_domain.records.indicators import Indicator
        >>> ind = Indicator(
        ...     code="local.emulation_pacts",
        ...     label={"vi": "giao ước thi đua", "en": "emulation pacts signed"},
        ...     kind="flow",
        ...     unit="document",
        ...     dimensions=["unit_kind"],
        ... )
        >>> ind.time_aggregation.value, ind.place_aggregation.value
        ('sum', 'sum')
        >>> Indicator(code="local.x", label={"vi": "x", "en": "x"}, kind="stock", unit="person",
        ...           time_aggregation="sum")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Indicator: 1 problem
          time_aggregation: time_aggregation='sum': expected one of last, none for a 'stock' ...
    """

    code: str
    label: Label
    kind: IndicatorKind
    unit: Unit | None = None
    time_aggregation: TimeAggregation = TimeAggregation.NONE
    place_aggregation: PlaceAggregation = PlaceAggregation.NONE
    dimensions: tuple[Dimension, ...] = ()
    direction: IndicatorDirection = IndicatorDirection.NONE
    ratio: RatioSpec | None = None
    synonyms_vi: tuple[str, ...] = ()
    notes: str = ""

    @model_validator(mode="before")
    @classmethod
    def _aggregation_defaults(cls, data: Any) -> Any:
        # Defaults that depend on the kind; an unknown kind is reported by its field.
        if isinstance(data, Mapping) and "kind" in data:
            try:
                time, place = _DEFAULT_AGGREGATION[IndicatorKind(data["kind"])]
            except (ValueError, TypeError):
                return data
            data = dict(data)
            data.setdefault("time_aggregation", time)
            data.setdefault("place_aggregation", place)
        return data

    @field_validator("code", mode="before")
    @classmethod
    def _code(cls, value: object) -> str:
        return _check_code("code", value)

    @field_validator("dimensions", mode="before")
    @classmethod
    def _dimensions(cls, value: object) -> object:
        if isinstance(value, str) or not isinstance(value, Iterable):
            raise ParseError(
                "dimensions",
                value,
                "a list of dimensions or dimension names",
                expected_vi="một danh sách phân tổ hoặc tên phân tổ",
            )
        standard = _standard_dimensions()
        out: list[object] = []
        for item in value:
            if isinstance(item, str):
                if item not in standard:
                    raise ParseError(
                        "dimensions",
                        item,
                        "the name of a standard dimension"
                        + _close(item, standard)
                        + ", or a Dimension",
                    )
                out.append(standard[item])
            else:
                out.append(item)
        return out

    @field_validator("synonyms_vi", mode="before")
    @classmethod
    def _synonyms(cls, value: object) -> tuple[str, ...]:
        return _phrases("synonyms_vi", value)

    @model_validator(mode="after")
    def _rules(self) -> Indicator:
        kind = self.kind
        if kind is IndicatorKind.RATIO and self.ratio is None:
            raise InvariantError(
                "ratio",
                None,
                "a RatioSpec: the indicator is of kind 'ratio'",
                expected_vi="một RatioSpec: chỉ tiêu thuộc loại 'ratio'",
            )
        if kind is not IndicatorKind.RATIO and self.ratio is not None:
            raise InvariantError(
                "ratio",
                self.ratio,
                f"None: only a 'ratio' indicator has parts, not a {kind.value!r}",
                expected_vi="để trống: chỉ chỉ tiêu loại 'ratio' mới có tử số và mẫu số, "
                f"không phải {kind.value!r}",
            )
        if kind.is_ratio and self.unit is not None:
            raise InvariantError(
                "unit",
                self.unit.value,
                "None: a ratio is shown in percent (or its factor)",
                expected_vi="để trống: tỷ lệ được thể hiện bằng phần trăm (hoặc hệ số của nó)",
            )
        if not kind.is_ratio and self.unit is None:
            raise InvariantError(
                "unit",
                None,
                f"a Unit for a {kind.value!r} indicator",
                expected_vi=f"một đơn vị tính cho chỉ tiêu loại {kind.value!r}",
            )
        if self.unit is not None and self.unit.value == "percent":
            raise InvariantError(
                "unit",
                "percent",
                "a counting unit: a percentage is a 'reported_ratio' or 'ratio'",
                expected_vi="một đơn vị đếm: tỷ lệ phần trăm là loại 'reported_ratio' hoặc 'ratio'",
            )
        allowed = _TIME_ALLOWED[kind]
        if self.time_aggregation not in allowed:
            raise InvariantError(
                "time_aggregation",
                self.time_aggregation.value,
                f"one of {', '.join(a.value for a in allowed)} for a {kind.value!r} indicator",
            )
        if kind.is_ratio and self.place_aggregation is not PlaceAggregation.NONE:
            raise InvariantError(
                "place_aggregation",
                self.place_aggregation.value,
                "none: a ratio is recomputed from its parts, never summed",
                expected_vi="none: tỷ lệ được tính lại từ tử số và mẫu số, không bao giờ cộng dồn",
            )
        names = [d.name for d in self.dimensions]
        for name in names:
            if names.count(name) > 1:
                raise InvariantError(
                    "dimensions",
                    name,
                    "each dimension listed once",
                    expected_vi="mỗi phân tổ chỉ ghi một lần",
                )
        if self.ratio is not None:
            if self.code in (self.ratio.numerator, self.ratio.denominator):
                raise InvariantError(
                    "ratio.numerator",
                    self.code,
                    "parts other than the ratio itself",
                    expected_vi="tử số và mẫu số khác chính tỷ lệ đó",
                )
            if set(self.ratio.match) != set(names):
                raise InvariantError(
                    "ratio.match",
                    self.ratio.match,
                    f"the ratio's own dimensions {tuple(names)!r}",
                    expected_vi=f"các phân tổ của chính tỷ lệ {tuple(names)!r}",
                )
        return self

    @property
    def area(self) -> str:
        """The namespace of the code (its first segment).

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue()["tips.valuable"].area
            'tips'
        """
        return self.code.split(".", 1)[0]

    @property
    def is_ratio(self) -> bool:
        """Whether the indicator is a ratio (recomputed or reported).

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue()["forces.camera_data_sharing_rate"].is_ratio
            True
        """
        return self.kind.is_ratio

    @property
    def display_unit(self) -> str:
        """The unit a figure of this indicator is shown in.

        The unit's code for counts; ``percent`` for ratios with factor 100 and
        for reported ratios; ``per_mille`` for factor 1000; ``factor``
        otherwise.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue()["tips.valuable"].display_unit
            'tip'
            >>> catalogue()["tips.valuable_rate"].display_unit
            'percent'
        """
        if self.unit is not None:
            return self.unit.value
        factor = self.ratio.factor if self.ratio is not None else 100
        return {100: "percent", 1000: "per_mille"}.get(factor, "factor")

    @property
    def dimension_names(self) -> tuple[str, ...]:
        """The names of the dimensions the indicator may be split by.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue()["commendations.recipients"].dimension_names
            ('form', 'issuer', 'recipient_kind', 'status')
        """
        return tuple(d.name for d in self.dimensions)

    @property
    def required_dimensions(self) -> tuple[str, ...]:
        """The names of the dimensions every observation must carry.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue()["admin.units"].required_dimensions
            ('unit_kind',)
        """
        return tuple(d.name for d in self.dimensions if d.required)

    def dimension(self, name: str) -> Dimension:
        """The dimension ``name`` of this indicator, or `UnknownCodeError`.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue()["forces.clubs"].dimension("club_kind").codes
            ('veterans', 'women', 'youth', 'other', 'total')
        """
        for dim in self.dimensions:
            if dim.name == name:
                return dim
        raise UnknownCodeError(
            "dimension",
            name,
            f"a dimension of {self.code!r}: "
            + (", ".join(self.dimension_names) or "it has none")
            + _close(name, self.dimension_names),
        )

    def check_dims(self, dims: Mapping[str, object]) -> dict[str, str]:
        """Check the dimension values of one observation; return them in order.

        Raises [`ParseError`][antq_domain.ParseError] (a ``ValueError``, so it is safe inside
        pydantic validators) with field ``dims.<name>`` when a dimension is not one of the
        indicator's, a value is not in the codelist, or a required dimension is missing.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> ind = catalogue()["safety_standard.units_meeting"]
            >>> ind.check_dims({"managed_by": "district", "unit_kind": "school"})
            {'unit_kind': 'school', 'managed_by': 'district'}
            >>> ind.check_dims({"managed_by": "district"})
            Traceback (most recent call last):
            ...
            antq_domain.errors.ParseError: dims.unit_kind=None: expected a value: \
'safety_standard.units_meeting' must be split by unit_kind (use 'mixed' when unsplit)
        """
        names = self.dimension_names
        for name, value in dims.items():
            if name not in names:
                allowed = ", ".join(names) if names else "none (the indicator is not split)"
                allowed_vi = (
                    ", ".join(repr(n) for n in names)
                    if names
                    else "không có (chỉ tiêu không phân tổ)"
                )
                raise ParseError(
                    f"dims.{name}",
                    value,
                    f"a dimension of {self.code!r}: {allowed}" + _close(str(name), names),
                    expected_vi=f"một phân tổ của chỉ tiêu {self.code!r}: {allowed_vi}"
                    + _close(str(name), names, "vi"),
                )
        out: dict[str, str] = {}
        for dim in self.dimensions:
            if dim.name in dims:
                out[dim.name] = dim.check(dims[dim.name])
            elif dim.required:
                hint = hint_vi = ""
                if "mixed" in dim.codes:
                    hint = " (use 'mixed' when unsplit)"
                    hint_vi = " (ghi 'mixed' khi không phân tổ)"
                elif dim.total is not None:
                    hint = f" (use {dim.total!r} when unsplit)"
                    hint_vi = f" (ghi {dim.total!r} khi không phân tổ)"
                raise ParseError(
                    f"dims.{dim.name}",
                    None,
                    f"a value: {self.code!r} must be split by {dim.name}{hint}",
                    expected_vi=f"một giá trị: chỉ tiêu {self.code!r} phải phân tổ theo "
                    f"{dim.name!r}{hint_vi}",
                )
        return out


_CHECKED_CELLS = 4096
"""How many distinct (indicator, dims) cells a catalogue remembers as checked."""


class Catalogue:
    """An immutable collection of indicators, looked up by code.

    A value: two catalogues with the same indicators in the same order are equal. Construction
    checks the whole: codes are unique, ratio parts exist, are flows or stocks, share a unit and
    carry the matched dimensions, and a dimension name means one codelist across all indicators.
    Iterating yields codes (like a mapping);
    [`indicators`][antq_domain.records.indicators.Catalogue.indicators] gives the records.

    Args:
        indicators: the indicators, in display order.

    Example:
        >>> from antq_domain.records.indicators import Catalogue, catalogue
        >>> cat = catalogue()
        >>> "tips.received" in cat, len(cat) > 80
        (True, True)
        >>> cat.get("tips.recieved")
        Traceback (most recent call last):
        ...
        antq_domain.errors.UnknownCodeError: indicator='tips.recieved': expected a code of \
the catalogue (did you mean 'tips.received', ...?)
        >>> Catalogue([cat["tips.received"]])
        <Catalogue of 1 indicator>
    """

    __slots__ = ("_by_code", "_checked", "_dimensions")

    def __init__(self, indicators: Iterable[Indicator] = ()) -> None:
        by_code: dict[str, Indicator] = {}
        dims: dict[str, tuple[Dimension, str]] = {}
        for ind in indicators:
            if not isinstance(ind, Indicator):
                raise InvariantError(
                    "indicators",
                    ind,
                    "Indicator records",
                    expected_vi="các bản ghi Indicator (chỉ tiêu)",
                )
            if ind.code in by_code:
                raise InvariantError(
                    "code",
                    ind.code,
                    "a code not already in the catalogue",
                    expected_vi="một mã chưa có trong danh mục chỉ tiêu",
                )
            by_code[ind.code] = ind
            for dim in ind.dimensions:
                if dim.name not in dims:
                    dims[dim.name] = (dim.as_required(False), ind.code)
                elif not dims[dim.name][0].same_codelist(dim):
                    raise InvariantError(
                        "dimensions",
                        dim.name,
                        f"the codelist {dim.name!r} has in {dims[dim.name][1]!r}"
                        " (a dimension name means one codelist in a catalogue)",
                    )
        for ind in by_code.values():
            if ind.ratio is not None:
                _check_parts(ind, by_code)
        self._by_code: Mapping[str, Indicator] = by_code
        self._dimensions: Mapping[str, Dimension] = {n: d for n, (d, _) in dims.items()}
        # Cells that passed check_dims (the catalogue never changes): many
        # observations share a few cells. Bounded, since open codelists are.
        self._checked: dict[tuple[str, object], dict[str, str]] = {}

    def __getitem__(self, code: str) -> Indicator:
        try:
            return self._by_code[code]
        except (KeyError, TypeError):
            raise UnknownCodeError(
                "indicator",
                code,
                "a code of the catalogue" + _close(str(code), self._by_code),
                expected_vi="một mã trong danh mục chỉ tiêu"
                + _close(str(code), self._by_code, "vi"),
            ) from None

    def get(self, code: str) -> Indicator:
        """The indicator with this code, or `UnknownCodeError`.

        Unlike ``dict.get`` there is no default: an unknown code is an error
        that names the code and suggests close ones.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue().get("models.sites").unit.value
            'site'
        """
        return self[code]

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_code)

    def __len__(self) -> int:
        return len(self._by_code)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Catalogue):
            return NotImplemented
        return self.indicators == other.indicators

    def __hash__(self) -> int:
        return hash(self.indicators)

    def __repr__(self) -> str:
        n = len(self)
        return f"<Catalogue of {n} indicator{'s' if n != 1 else ''}>"

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, in display order.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue().indicators[0].code
            'mobilisation.launch_campaigns'
        """
        return tuple(self._by_code.values())

    @property
    def dimensions(self) -> tuple[Dimension, ...]:
        """Every dimension used by some indicator (with ``required=False``).

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> "unit_kind" in [d.name for d in catalogue().dimensions]
            True
        """
        return tuple(self._dimensions.values())

    @property
    def areas(self) -> tuple[str, ...]:
        """The namespaces present, in order of first appearance.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue().areas[:3]
            ('mobilisation', 'tips', 'media')
        """
        return tuple(dict.fromkeys(ind.area for ind in self._by_code.values()))

    def ratio_cells(self, cells: Iterable[tuple[str, _D]]) -> tuple[tuple[str, _D], ...]:
        """The ratio cells these figure cells can compute: ``(ratio code, dims)``, each once.

        The one search for computable ratios, used by every surface (a report's
        [`ratio_cells`][antq_domain.records.report.MovementReport.ratio_cells], its
        summary and notebook view, the scorecard and a rollup's ratios). A ratio
        cell is the cell of a stated part (numerator or denominator) whose
        dimensions include every dimension the ratio matches on; both parts are
        then read from exactly that cell, so a part stated with a further
        dimension (``managed_by``) gives a ratio for that narrower cell. A cell
        with only one part stated is listed too: its ratio is undefined and says
        which part is missing. Order: the catalogue's ratios in order, then the
        cells in the order given.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> cells = [("safety_standard.units_meeting",
            ...           {"unit_kind": "commune", "managed_by": "district"}),
            ...          ("tips.received", {})]
            >>> [(code, dict(dims)) for code, dims in catalogue().ratio_cells(cells)]
            [('tips.valuable_rate', {}), \
('safety_standard.rate', {'unit_kind': 'commune', 'managed_by': 'district'})]
        """
        stated = list(cells)
        found: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[str, _D]] = {}
        for ind in self._by_code.values():
            spec = ind.ratio
            if ind.kind is not IndicatorKind.RATIO or spec is None:
                continue
            parts = (spec.numerator, spec.denominator)
            for code, dims in stated:
                if code in parts and all(name in dims for name in spec.match):
                    found.setdefault((ind.code, _cell_key(dims)), (ind.code, dims))
        return tuple(found.values())

    def area_label(self, area: str) -> Label:
        """The bilingual heading of an area (the namespace of indicator codes).

        An area the standard catalogue does not name (a user's own
        namespace) is shown by its code in both languages.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue().area_label("tips").en
            'Citizen tips and their results'
            >>> catalogue().area_label("my_area").vi
            'my_area'
        """
        found = data.area_labels().get(area)
        return Label(vi=found[0], en=found[1]) if found else Label(vi=area, en=area)

    def describe_dims(self, indicator: str, dims: Mapping[str, str], lang: Lang = "vi") -> str:
        """A dimension cell in words: ``name: value`` pairs from the catalogue's labels.

        The one wording of a cell every display uses (CLI, notebook tables,
        charts, scorecards). A code outside an open codelist, or a dimension
        the indicator does not declare, is shown by its code: a display
        never fails on what it cannot name.

        Args:
            indicator: the indicator's code.
            dims: the cell, dimension name to code.
            lang: ``"vi"`` or ``"en"``.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue().describe_dims("models.replicated", {"scope": "national"}, "en")
            'scope of replication: national (announced by the Ministry)'
            >>> catalogue().describe_dims("tips.received", {})
            ''
        """
        parts: list[str] = []
        for name, code in dims.items():
            try:
                dim = self[indicator].dimension(name)
            except (UnknownCodeError, ValueError):
                parts.append(f"{name}: {code}")
                continue
            try:
                code_label = dim.value(code).label.text(lang)
            except (UnknownCodeError, ValueError):  # an open codelist: the code is all there is
                code_label = code
            parts.append(f"{dim.label.text(lang)}: {code_label}")
        return "; ".join(parts)

    def dimension(self, name: str) -> Dimension:
        """The dimension ``name`` (its codelist), or `UnknownCodeError`.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue().dimension("recipient_kind").codes
            ('collective', 'individual', 'household', 'total')
        """
        try:
            return self._dimensions[name]
        except KeyError:
            raise UnknownCodeError(
                "dimension",
                name,
                "a dimension of the catalogue" + _close(name, self._dimensions),
            ) from None

    def check_dims(self, code: str, dims: Mapping[str, object]) -> dict[str, str]:
        """Check the dimensions of an observation of ``code``; see `Indicator.check_dims`.

        Raises [`UnknownCodeError`][antq_domain.UnknownCodeError] for an unknown indicator
        code and [`ParseError`][antq_domain.ParseError] (field ``dims.<name>``) for a bad
        dimension.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> catalogue().check_dims("crime.clearance_rate", {"category": "serius"})
            Traceback (most recent call last):
            ...
            antq_domain.errors.ParseError: dims.category='serius': expected one of \
all_criminal, ... (did you mean 'serious'?)
        """
        key: tuple[str, object] | None = None
        if isinstance(code, str) and isinstance(dims, Mapping):
            # A mapping hashed by content (an observation's Dims) is its own key;
            # a dict (or a mapping hashed by identity) is keyed by its items.
            by_content = isinstance(dims, Hashable) and type(dims).__hash__ is not object.__hash__
            key = (code, dims if by_content else tuple(dims.items()))
            try:
                known = self._checked.get(key)
            except TypeError:  # an unhashable value: checked below, never cached
                key, known = None, None
            if known is not None:
                return dict(known)
        checked = self[code].check_dims(dims)
        if key is not None and len(self._checked) < _CHECKED_CELLS:
            self._checked[key] = dict(checked)
        return checked

    def by_synonym(self, phrase: str) -> tuple[Indicator, ...]:
        """The indicators whose label or Vietnamese synonyms include ``phrase``.

        Matching is exact on whole phrases, after NFC normalisation, case
        folding and collapsing of spaces. Generic phrases may name several
        indicators; the caller decides with the context.

        Example:
            >>> from antq_domain.records.indicators import catalogue
            >>> [i.code for i in catalogue().by_synonym("Nguồn tin có giá trị")]
            ['tips.valuable']
        """
        key = _phrase_key(phrase)
        return tuple(
            ind
            for ind in self._by_code.values()
            if key == _phrase_key(ind.label.vi)
            or any(key == _phrase_key(s) for s in ind.synonyms_vi)
        )

    def with_indicators(self, *indicators: Indicator) -> Catalogue:
        """A new catalogue with ``indicators`` added after the existing ones.

        ``self`` is unchanged. Each added code must be new and outside the standard areas
        ([`STANDARD_AREAS`][antq_domain.records.indicators.STANDARD_AREAS]), so a later standard
        indicator can never collide with a user's; use your own namespace, e.g.
        ``local.emulation_pacts``. A ratio's parts may be standard or added in the same call.

        Raises:
            InvariantError: naming the field at fault (``code``,
                ``ratio.numerator``, ``ratio.denominator``, ``ratio.match``,
                ``dimensions``) and the offending value.

        Example:
            >>> from antq_domain.records.indicators import Indicator, catalogue
            >>> pacts = Indicator(code="local.emulation_pacts", kind="flow", unit="document",
            ...                   label={"vi": "giao ước thi đua", "en": "emulation pacts"})
            >>> cat = catalogue().with_indicators(pacts)
            >>> "local.emulation_pacts" in cat, "local.emulation_pacts" in catalogue()
            (True, False)
            >>> cat.with_indicators(pacts)
            Traceback (most recent call last):
            ...
            antq_domain.errors.InvariantError: code='local.emulation_pacts': expected a code \
not already in the catalogue
        """
        for ind in indicators:
            if isinstance(ind, Indicator):
                if ind.code in self._by_code:
                    raise InvariantError(
                        "code",
                        ind.code,
                        "a code not already in the catalogue",
                        expected_vi="một mã chưa có trong danh mục chỉ tiêu",
                    )
                if ind.area in STANDARD_AREAS:
                    raise InvariantError(
                        "code",
                        ind.code,
                        "a code outside the standard areas ("
                        + ", ".join(STANDARD_AREAS)
                        + "): use your own namespace such as 'local.'",
                    )
        return Catalogue((*self._by_code.values(), *indicators))


def _phrase_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _check_parts(ind: Indicator, by_code: Mapping[str, Indicator]) -> None:
    assert ind.ratio is not None  # noqa: S101 - only called for ratios
    parts: list[Indicator] = []
    for field, code in (
        ("ratio.numerator", ind.ratio.numerator),
        ("ratio.denominator", ind.ratio.denominator),
    ):
        part = by_code.get(code)
        if part is None:
            raise InvariantError(
                field,
                code,
                f"an indicator of the catalogue for {ind.code!r}" + _close(code, by_code),
            )
        if part.kind.is_ratio:
            raise InvariantError(
                field,
                code,
                f"a flow or stock, not a {part.kind.value!r}",
                expected_vi=f"một chỉ tiêu phát sinh hoặc hiện có, không phải {part.kind.value!r}",
            )
        parts.append(part)
    numerator, denominator = parts
    if numerator.unit is not denominator.unit:
        unit = numerator.unit.value if numerator.unit else None
        raise InvariantError(
            "ratio.denominator",
            denominator.code,
            f"an indicator in unit {unit!r} like the numerator {numerator.code!r}",
        )
    for name in ind.ratio.match:
        own = ind.dimension(name)
        for part in parts:
            if name not in part.dimension_names or not part.dimension(name).same_codelist(own):
                raise InvariantError(
                    "ratio.match",
                    name,
                    f"a dimension that {part.code!r} has with the same codelist",
                    expected_vi=f"một phân tổ mà {part.code!r} có với cùng danh mục mã",
                )


def _dimension_rows(rows: data.CatalogueData) -> dict[str, Dimension]:
    """The dimensions of a data file as records, by name (each name once)."""
    out: dict[str, Dimension] = {}
    for row in rows.dimensions:
        dim = Dimension.model_validate(row)
        if dim.name in out:
            raise InvariantError(
                "dimensions.name",
                dim.name,
                "a dimension defined once",
                expected_vi="một phân tổ chỉ định nghĩa một lần",
            )
        out[dim.name] = dim
    return out


@cache
def _standard_dimensions() -> dict[str, Dimension]:
    return _dimension_rows(data.load())


def _indicator(row: Mapping[str, Any], dims: Mapping[str, Dimension]) -> Indicator:
    """One indicator row of a data file as a record (``required`` marks its dimensions)."""
    fields = dict(row)
    required = fields.pop("required", ())
    names = fields.get("dimensions", ())
    for name in required:
        if name not in names:
            raise InvariantError(
                f"{fields.get('code')}.required",
                name,
                "one of the indicator's own dimensions",
                expected_vi="một trong các phân tổ của chính chỉ tiêu",
            )
    fields["dimensions"] = tuple(
        dims[name].as_required(name in required) if name in dims else name for name in names
    )
    return Indicator.model_validate(fields)


def _from_data(rows: data.CatalogueData) -> Catalogue:
    """A catalogue built and validated from the rows of a data file."""
    dims = _dimension_rows(rows)
    return Catalogue(_indicator(row, dims) for row in rows.indicators)


@once
def catalogue() -> Catalogue:
    """The standard catalogue of INDICATORS.md (built on first call, then shared).

    Its rows live in the package's data file ``antq_domain/data/catalogue.toml`` (read with
    `tomllib`) and are validated by the records of this module here. Extend it with
    [`Catalogue.with_indicators`][antq_domain.records.indicators.Catalogue.with_indicators], which
    returns a new catalogue and leaves this one as it is.

    Example:
        >>> from antq_domain.records.indicators import catalogue
        >>> catalogue() is catalogue()
        True
        >>> catalogue()["forces.regular_police_coverage"].ratio.match
        ('unit_kind',)
    """
    dims = _standard_dimensions()
    return Catalogue(_indicator(row, dims) for row in data.load().indicators)
