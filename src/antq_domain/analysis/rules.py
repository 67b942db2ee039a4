"""Validation rules as data: rules, breakdowns, and the default sets of each.

A [`Rule`][antq_domain.Rule] says how two figures of a report must relate, after
DHIS2's validation rules: a ``left`` expression, an
[`Operator`][antq_domain.analysis.expressions.Operator], a ``right`` expression, an
[`Importance`][antq_domain.analysis.rules.Importance] (which gives the severity of a broken rule)
and a [`MissingValueStrategy`][antq_domain.analysis.rules.MissingValueStrategy]. Rules are records,
so a rule set loads from JSON; [`default_rules`][antq_domain.default_rules] is the
set for the standard catalogue. A [`Breakdown`][antq_domain.analysis.rules.Breakdown] says
which codes of a dimension make up a total;
[`default_breakdowns`][antq_domain.analysis.rules.default_breakdowns] are those the standard
catalogue guarantees.

The expressions on each side, their grammar and how figures that are intervals
compare are in [`antq_domain.analysis.expressions`][antq_domain.analysis.expressions].

Example:
    >>> from antq_domain.analysis.rules import Rule
    >>> r = Rule.of("tips.valuable_le_received", "100*tips.valuable <= tips.received",
    ...             vi="x", en="x")
    >>> r.condition
    '100 * tips.valuable <= tips.received'
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Self

from pydantic import Field, field_validator, model_validator

from antq_domain.analysis.expressions import (
    DimensionSum,
    Expression,
    Operator,
    parse_condition,
)
from antq_domain.analysis.findings import Severity
from antq_domain.errors import InvariantError, ParseError
from antq_domain.records._base import Record
from antq_domain.records.indicators import Catalogue, IndicatorKind, catalogue
from antq_domain.values import identifiers
from antq_domain.values._codelist import Codelist
from antq_domain.values.document import DocumentRef
from antq_domain.values.label import Label

__all__ = [
    "Breakdown",
    "Importance",
    "MissingValueStrategy",
    "RULES_FILE",
    "Rule",
    "default_breakdowns",
    "default_rules",
    "rule_problems",
]


# -- codelists -------------------------------------------------------------------
class Importance(Codelist):
    """How much a broken rule matters: ``high``, ``medium`` or ``low``.

    High gives an ``error`` finding, medium a ``warning``, low an ``info``.

    Example:
        >>> from antq_domain.analysis.rules import Importance
        >>> Importance.MEDIUM.severity.value
        'warning'
    """

    HIGH = ("high", "cao", "high")
    MEDIUM = ("medium", "trung bình", "medium")
    LOW = ("low", "thấp", "low")

    @property
    def severity(self) -> Severity:
        """The severity of a finding when a rule of this importance is broken.

        Example:
            >>> from antq_domain.analysis.rules import Importance
            >>> Importance.HIGH.severity.value
            'error'
        """
        return {
            Importance.HIGH: Severity.ERROR,
            Importance.MEDIUM: Severity.WARNING,
            Importance.LOW: Severity.INFO,
        }[self]


class MissingValueStrategy(Codelist):
    """What a comparison does when figures it needs are missing.

    * ``skip_if_any_missing``: skip the check when any figure is missing;
    * ``skip_if_all_missing``: skip only when every figure is missing; with
      some missing, each missing figure is an unknown non-negative number
      (a definite violation is still reported);
    * ``never_skip``: always check; an undecidable result caused by missing
      figures is reported at the rule's own severity.

    Pairs ignore the strategy: presence is what they check.

    Example:
        >>> from antq_domain.analysis.rules import MissingValueStrategy
        >>> MissingValueStrategy("never_skip").label.en
        'never skip'
    """

    SKIP_IF_ANY_MISSING = (
        "skip_if_any_missing",
        "bỏ qua nếu thiếu bất kỳ số liệu nào",
        "skip if any value is missing",
    )
    SKIP_IF_ALL_MISSING = (
        "skip_if_all_missing",
        "bỏ qua nếu thiếu tất cả số liệu",
        "skip if all values are missing",
    )
    NEVER_SKIP = ("never_skip", "không bao giờ bỏ qua", "never skip")


# -- rules -------------------------------------------------------------------------
def _legal_basis_in(value: object) -> object:
    if isinstance(value, str):
        try:
            return DocumentRef.parse(value)
        except (ValueError, KeyError):
            return value
    return value


class Rule(Record):
    """A validation rule: ``left operator right``, with importance and missing strategy.

    A value (its ``id`` names it in findings). ``applies_to`` repeats the
    rule over dimension values: for each named dimension the rule runs once
    per value found among its indicators' observations (``null``: every
    value; a list: only those), adding the value to every operand whose
    indicator has that dimension. So ``forces.regular_police_units <=
    admin.units`` with ``applies_to={"unit_kind": None}`` checks communes
    against communes and townships against townships.

    ``legal_basis`` is a [`DocumentRef`][antq_domain.DocumentRef] when the text
    parses as one, otherwise the text.

    Example:
        >>> from antq_domain.analysis.rules import Rule
        >>> r = Rule.of("tips.valuable_le_received", "tips.valuable <= tips.received",
        ...             vi="tin có giá trị không vượt tổng số tin",
        ...             en="valuable tips do not exceed tips received", importance="high")
        >>> r.condition, r.severity.value
        ('tips.valuable <= tips.received', 'error')
        >>> Rule.model_validate_json(r.model_dump_json()) == r
        True
        >>> Rule.of("x.pair", "requires(1, tips.received)", vi="x", en="x")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Rule: 1 problem
          left: left='1': expected an expression with an indicator: a pair compares presence
    """

    id: str
    description: Label
    left: Expression
    operator: Operator
    right: Expression
    importance: Importance = Importance.MEDIUM
    missing: MissingValueStrategy = MissingValueStrategy.SKIP_IF_ANY_MISSING
    legal_basis: DocumentRef | str | None = None
    applies_to: dict[str, tuple[str, ...] | None] = Field(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not identifiers.ID.fullmatch(value):
            raise ParseError("id", value, "a dotted lower-case id such as 'tips.valuable_le'")
        return value

    @field_validator("legal_basis", mode="before")
    @classmethod
    def _legal_basis(cls, value: object) -> object:
        return _legal_basis_in(value)

    @field_validator("applies_to")
    @classmethod
    def _applies_to(
        cls, value: dict[str, tuple[str, ...] | None]
    ) -> dict[str, tuple[str, ...] | None]:
        for name, codes in value.items():
            if not identifiers.NAME.fullmatch(name):
                raise ParseError("applies_to", name, "a dimension name such as 'unit_kind'")
            for code in codes or ():
                if not identifiers.VALUE.fullmatch(code):
                    raise ParseError(f"applies_to.{name}", code, "a code such as 'commune'")
        return value

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if self.operator.is_pair:
            for field in ("left", "right"):
                side: Expression = getattr(self, field)
                if not side.operands:
                    raise InvariantError(
                        field,
                        str(side),
                        "an expression with an indicator: a pair compares presence",
                    )
        return self

    def __hash__(self) -> int:
        return hash((self.id, str(self.left), self.operator, str(self.right)))

    @classmethod
    def of(
        cls,
        id: str,  # noqa: A002 - the field's name
        condition: str,
        *,
        vi: str,
        en: str,
        importance: Importance | str = Importance.MEDIUM,
        missing: MissingValueStrategy | str = MissingValueStrategy.SKIP_IF_ANY_MISSING,
        legal_basis: DocumentRef | str | None = None,
        applies_to: Mapping[str, Sequence[str] | None] | None = None,
    ) -> Rule:
        """Build a rule from its condition text (see `parse_condition`).

        Example:
            >>> from antq_domain.analysis.rules import Rule
            >>> Rule.of("c.pair", "compulsory_pair(a.b, c.d)", vi="x", en="x").operator.value
            'compulsory_pair'
        """
        left, operator, right = parse_condition(condition)
        return cls(
            id=id,
            description=Label(vi=vi, en=en),
            left=left,
            operator=operator,
            right=right,
            importance=importance,
            missing=missing,
            legal_basis=legal_basis,
            applies_to={k: None if v is None else tuple(v) for k, v in (applies_to or {}).items()},
        )

    @property
    def condition(self) -> str:
        """The condition as text; `parse_condition` reads it back.

        Example:
            >>> from antq_domain.analysis.rules import Rule
            >>> Rule.of("p", "exclusive_pair(a.b, c.d)", vi="x", en="x").condition
            'exclusive_pair(a.b, c.d)'
        """
        if self.operator.is_pair:
            return f"{self.operator.value}({self.left}, {self.right})"
        return f"{self.left} {self.operator.symbol} {self.right}"

    @property
    def severity(self) -> Severity:
        """The severity of a finding when the rule is broken (from its importance).

        Example:
            >>> from antq_domain.analysis.rules import Rule
            >>> Rule.of("p", "a.b <= c.d", vi="x", en="x", importance="low").severity.value
            'info'
        """
        return self.importance.severity

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicator codes the rule reads, each once.

        Example:
            >>> from antq_domain.analysis.rules import Rule
            >>> Rule.of("p", "a.b <= c.d + a.b", vi="x", en="x").indicators
            ('a.b', 'c.d')
        """
        return tuple(dict.fromkeys((*self.left.indicators, *self.right.indicators)))

    def __str__(self) -> str:
        return f"{self.id}: {self.condition}"


class Breakdown(Record):
    """How the values of one dimension make up a total: parts that do not overlap.

    A value. The total cell is the cell *without* the dimension (``total``
    is ``None``) or the cell with the aggregate code ``total`` (``unit_kind``
    ``commune_level`` is ``commune + ward + township + special_zone``). When
    every part is stated the parts must add up to the total; when some are
    missing, the stated parts must not exceed it. ``indicators`` limits the
    breakdown to some indicators (empty: every indicator with the dimension).

    Example:
        >>> from antq_domain.analysis.rules import Breakdown
        >>> b = Breakdown(dimension="recipient_kind",
        ...               parts=("collective", "individual", "household"))
        >>> b.total is None
        True
        >>> Breakdown(dimension="unit_kind", total="commune", parts=("commune", "ward"))
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Breakdown: 1 problem
          total: total='commune': expected a code that is not one of the parts
    """

    dimension: str
    parts: tuple[str, ...]
    total: str | None = None
    indicators: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if not identifiers.NAME.fullmatch(self.dimension):
            raise ParseError("dimension", self.dimension, "a dimension name such as 'form'")
        if not self.parts or len(set(self.parts)) != len(self.parts):
            raise InvariantError("parts", self.parts, "at least one code, each listed once")
        for code in (*self.parts, *([self.total] if self.total else [])):
            if not identifiers.VALUE.fullmatch(code):
                raise ParseError("parts", code, "a code such as 'commune'")
        if self.total is not None and self.total in self.parts:
            raise InvariantError("total", self.total, "a code that is not one of the parts")
        for code in self.indicators:
            if not identifiers.CODE.fullmatch(code):
                raise ParseError(
                    "indicators", code, "a dotted indicator code such as 'tips.received'"
                )
        return self

    def applies(self, indicator: str) -> bool:
        """Whether the breakdown is checked for ``indicator``.

        Example:
            >>> from antq_domain.analysis.rules import Breakdown
            >>> Breakdown(dimension="form", parts=("order",), indicators=("x.y",)).applies("a.b")
            False
        """
        return not self.indicators or indicator in self.indicators


# -- the default sets ----------------------------------------------------------------
_UNIT_KIND_LEVELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("commune_level", ("commune", "ward", "township", "special_zone")),
    ("district_level", ("district", "urban_district", "town", "provincial_city")),
    ("establishment", ("agency", "enterprise", "school")),
)

# Dimensions whose codes split a whole into non-overlapping parts. Left out on
# purpose: unit_kind (it mixes aggregate codes; see _UNIT_KIND_LEVELS),
# category (a serious drug crime is both 'serious' and 'drugs'), scope (one
# model may be replicated at two scopes in a year), model_kind (open codelist
# with an 'all' code), status (an unsplit award count usually means conferred
# awards only, not conferred + proposed), topic, channel and host (one
# session may cover two topics, a mobile session is held in person, a forum
# may have two hosts), change (increase and decrease are not parts).
_PARTITIONS = (
    "recipient_kind",
    "form",
    "issuer",
    "owner",
    "group_kind",
    "club_kind",
    "managed_by",
    "weapon_kind",
    "ordnance_kind",
    "model_level",
    "equipment_kind",
    "funding_source",
    "cluster_kind",
    "team_kind",
    "building_kind",
)


def default_breakdowns(cat: Catalogue | None = None) -> tuple[Breakdown, ...]:
    """The breakdowns the standard catalogue's dimensions guarantee.

    For every dimension whose codes do not overlap (recipient kind, form,
    issuer, owner, group kind, club kind, managed by, weapon and ordnance
    kinds, model level, equipment kind, funding source, cluster, team and
    building kinds) the cell with the dimension's ``total`` code (SDMX's
    ``_T``) is the total of its parts, and so is the unsplit cell where the
    dimension says an absent value means the total (every one but
    ``managed_by``, whose absence means *unspecified*). For ``unit_kind`` the
    aggregate codes are totals of their members (``commune_level``,
    ``district_level``, ``establishment``); ``mixed`` stands alone.

    Example:
        >>> from antq_domain.analysis.rules import default_breakdowns
        >>> [(b.dimension, b.total) for b in default_breakdowns()][-3:]
        [('unit_kind', 'commune_level'), ('unit_kind', 'district_level'), \
('unit_kind', 'establishment')]
    """
    cat = cat if cat is not None else catalogue()
    names = {d.name: d for d in cat.dimensions}
    out: list[Breakdown] = []
    for name in _PARTITIONS:
        dim = names.get(name)
        if dim is None:
            continue
        if dim.absent_means_total:
            out.append(Breakdown(dimension=name, parts=dim.parts))
        if dim.total is not None:
            out.append(Breakdown(dimension=name, total=dim.total, parts=dim.parts))
    if "unit_kind" in names:
        out.extend(
            Breakdown(dimension="unit_kind", total=total, parts=parts)
            for total, parts in _UNIT_KIND_LEVELS
        )
    return tuple(out)


RULES_FILE = "data/rules.toml"
"""The standard rules, as data, inside the package."""

_RULE_KEYS = ("id", "condition", "vi", "en", "importance", "applies_to")


def _rule_row(i: int, row: object) -> Rule:
    where = f"{RULES_FILE}: rule {i + 1}"
    if not isinstance(row, dict):
        raise ParseError(where, row, "a table of " + ", ".join(_RULE_KEYS))
    unknown = sorted(set(row) - set(_RULE_KEYS))
    if unknown:
        raise ParseError(where, unknown, "only the keys " + ", ".join(_RULE_KEYS))
    for key in ("id", "condition", "vi", "en"):
        if not isinstance(row.get(key), str):
            raise ParseError(f"{where}.{key}", row.get(key), "a string")
    over = row.get("applies_to", [])
    if not isinstance(over, list) or not all(isinstance(name, str) for name in over):
        raise ParseError(f"{where}.applies_to", over, "a list of dimension names")
    return Rule.of(
        row["id"],
        row["condition"],
        vi=row["vi"],
        en=row["en"],
        importance=row.get("importance", Importance.MEDIUM),
        applies_to=dict.fromkeys(over),
    )


@cache
def _standard_rules() -> tuple[Rule, ...]:
    """The rules of `RULES_FILE`, read once; a bad row is an error naming it."""
    text = resources.files("antq_domain").joinpath(RULES_FILE).read_text(encoding="utf-8")
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ParseError(RULES_FILE, str(err), "valid TOML") from None
    if set(doc) - {"rule"} or not isinstance(doc.get("rule"), list):
        raise ParseError(RULES_FILE, sorted(doc), "a list of [[rule]] tables and nothing else")
    return tuple(_rule_row(i, row) for i, row in enumerate(doc["rule"]))


def default_rules(cat: Catalogue | None = None) -> tuple[Rule, ...]:
    """The rules that always hold for the standard catalogue (and ratio completeness).

    Each comparison is a subset relation that cannot fail on a correct
    report (valuable tips ≤ tips received; units with regular police ≤ units
    of that kind, per unit kind; units meeting the safety standard ≤ units
    assessed), except ``crime.solved_le_occurred``, kept at low importance
    because cases solved in a period may include earlier cases. For every
    ratio of ``cat`` there is a medium ``requires`` rule: a numerator stated
    without its denominator leaves the ratio undefined. Rules that look right
    but are not (tips.cases_solved ≤ tips.valuable…) are explained in
    ``docs/explanation/rules.md``.

    Example:
        >>> from antq_domain.analysis.rules import default_rules
        >>> rules = {r.id: r for r in default_rules()}
        >>> rules["tips.valuable_le_received"].condition
        'tips.valuable <= tips.received'
        >>> rules["ratio.tips.valuable_rate.parts"].condition
        'requires(tips.valuable, tips.received)'
    """
    cat = cat if cat is not None else catalogue()
    rules = [r for r in _standard_rules() if all(code in cat for code in r.indicators)]
    for ind in cat.indicators:
        if ind.kind is not IndicatorKind.RATIO or ind.ratio is None:
            continue
        spec = ind.ratio
        rules.append(
            Rule.of(
                f"ratio.{ind.code}.parts",
                f"requires({spec.numerator}, {spec.denominator})",
                vi=f"Có {spec.numerator} thì phải có {spec.denominator} để tính {ind.label.vi}",
                en=f"{spec.numerator} needs {spec.denominator} to compute {ind.label.en}",
                importance=Importance.MEDIUM,
                applies_to=dict.fromkeys(spec.match),
            )
        )
    return tuple(rules)


def rule_problems(rule: Rule, cat: Catalogue) -> tuple[str, ...]:
    """Why ``rule`` cannot be applied with ``cat`` (empty when it can).

    Checks that every indicator is in the catalogue, that fixed dimensions
    and ``over`` are the indicator's, that required dimensions are fixed or
    supplied by ``applies_to``, and that all indicators share one unit.

    Example:
        >>> from antq_domain.analysis.rules import Rule, rule_problems
        >>> from antq_domain.records.indicators import catalogue
        >>> r = Rule.of("x.y", "tips.valuable <= crime.cases_occurred", vi="x", en="x")
        >>> rule_problems(r, catalogue())
        ("indicators of different units: 'tips.valuable' counts tip, \
'crime.cases_occurred' counts case",)
    """
    problems: list[str] = []
    units: dict[str, str] = {}
    for side in (rule.left, rule.right):
        for op in side.operands:
            if op.indicator not in cat:
                problems.append(f"unknown indicator {op.indicator!r}")
                continue
            ind = cat[op.indicator]
            units.setdefault(op.indicator, ind.unit.value if ind.unit else "percent")
            try:
                given = set(op.dims) | set(rule.applies_to)
                if isinstance(op, DimensionSum):
                    ind.dimension(op.over)
                    given.add(op.over)
                for name, code in op.dims.items():
                    ind.dimension(name).check(code)
                problems.extend(
                    f"{op} lacks the required dimension {name!r} (fix it or add it to applies_to)"
                    for name in ind.required_dimensions
                    if name not in given
                )
            except (ValueError, KeyError) as err:
                problems.append(f"{op}: {err}")
    distinct = dict.fromkeys(units.values())
    if len(distinct) > 1:
        problems.append(
            "indicators of different units: "
            + ", ".join(f"{code!r} counts {unit}" for code, unit in units.items())
        )
    return tuple(problems)
