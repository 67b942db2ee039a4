# Size: validate and its four checks (rules, totals, conflicts, records against figures),
# which share the frame of a report's cells; about a third of the lines are docstrings and their
# examples.
"""Validation: rules, totals, conflicts and records-versus-figures, as findings.

[`validate`][antq_domain.analysis.validation.validate] runs every check over a report (or a list of
observations) and returns [`Findings`][antq_domain.Findings]. It is pure (no
clock, no I/O) and never raises on a bad report: a rule that cannot be applied becomes a
``rule.invalid`` finding.

The checks, each also callable alone:

* [`check_rules`][antq_domain.analysis.validation.check_rules]: every rule for every (place, period)
  present;
* [`check_totals`][antq_domain.analysis.validation.check_totals]: parts over a dimension against the
  stated total;
* [`find_conflicts`][antq_domain.analysis.validation.find_conflicts]: one cell stated twice
  (``conflict.*``, ``duplicate.same_value``);
* [`check_records`][antq_domain.analysis.validation.check_records]: a report's records against its
  figures (commendations listed vs ``commendations.recipients``; models replicated in the period vs
  ``models.replicated``).

Example:
    >>> from datetime import date
    >>> from antq_domain.analysis.validation import validate
    >>> from antq_domain.records.report import MovementReport
    >>> from antq_domain.values.quantity import Quantity
    >>> def obs(code, n, unit="tip", **dims):
    ...     return {"indicator": code, "place": "62", "period": "2023",
    ...             "value": Quantity(n, unit), "dims": dims}
    >>> report = MovementReport(
    ...     issuer="BCĐ 138 tỉnh Kon Tum", place="62", period="2023", as_of=date(2023, 12, 31),
    ...     observations=[obs("tips.received", 726), obs("tips.valuable", 812)])
    >>> findings = validate(report)
    >>> findings.ok, findings.codes
    (False, ('rule.violated',))
    >>> print(findings[0].message.en)
    Valuable tips are a subset of the tips received: expected tips.valuable <= \
tips.received, found tips.valuable = 812, tips.received = 726
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

import attrs

from antq_domain._gc import gc_paused
from antq_domain.analysis._inputs import as_observations
from antq_domain.analysis.conflicts import ConflictGrade, grade
from antq_domain.analysis.expressions import (
    DimensionSum,
    Expression,
    ExpressionValue,
    IndicatorRef,
    Operand,
    Operator,
    Outcome,
    Term,
    _cell_interval,
    compare_intervals,
)
from antq_domain.analysis.findings import Finding, FindingCode, Findings, Ref
from antq_domain.analysis.rules import (
    Breakdown,
    MissingValueStrategy,
    Rule,
    default_breakdowns,
    default_rules,
    rule_problems,
)
from antq_domain.display import value_text
from antq_domain.errors import AntqError, AntqTypeError
from antq_domain.records.indicators import Catalogue, Indicator, catalogue
from antq_domain.records.observation import Dims, Observation
from antq_domain.records.places import Registry
from antq_domain.records.places import registry as standard_registry
from antq_domain.records.report import MovementReport
from antq_domain.values.interval import Interval
from antq_domain.values.label import Label, Lang
from antq_domain.values.missing import Value
from antq_domain.values.period import Period
from antq_domain.values.quantity import Quantity

__all__ = [
    "check_places",
    "check_records",
    "check_rule",
    "check_rules",
    "check_totals",
    "find_conflicts",
    "validate",
]

_GUARDED = (AntqError, ValueError, KeyError, TypeError, ArithmeticError)


@attrs.frozen
class _Entry:
    obs: Observation
    path: str

    @property
    def ref(self) -> Ref:
        return Ref.of_observation(self.obs, path=self.path)


@attrs.frozen
class _Frame:
    """The observations of one place and period, by (indicator, dims).

    ``values`` (the cells' values, which every rule evaluates) and ``indicators`` (those
    present) are worked out once per frame.
    """

    place: str
    period: str
    cells: Mapping[tuple[str, Dims], tuple[_Entry, ...]]
    values: Mapping[tuple[str, Dims], Sequence[Value]] = attrs.field(
        init=False, eq=False, repr=False
    )
    indicators: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        values = {key: [e.obs.value for e in entries] for key, entries in self.cells.items()}
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "indicators", frozenset(key[0] for key in self.cells))

    def refs(self, indicator: str, dims: Dims) -> list[Ref]:
        return [e.ref for e in self.cells.get((indicator, dims), ())]


def _entries(observations: Iterable[Observation]) -> list[_Entry]:
    out: list[_Entry] = []
    for i, obs in enumerate(observations):
        if not isinstance(obs, Observation):
            raise AntqTypeError(f"observations.{i}", obs, "an Observation")
        out.append(_Entry(obs, f"observations.{i}"))
    return out


def _frames(entries: Sequence[_Entry]) -> list[_Frame]:
    grouped: dict[tuple[str, str], dict[tuple[str, Dims], list[_Entry]]] = defaultdict(
        lambda: defaultdict(list)
    )
    periods: dict[str, Period] = {}
    for e in entries:
        period = str(e.obs.period)
        periods[period] = e.obs.period
        grouped[(e.obs.place, period)][(e.obs.indicator, e.obs.dims)].append(e)
    keys = sorted(grouped, key=lambda k: (k[0], periods[k[1]].sort_key))
    return [
        _Frame(place, period, {cell: tuple(es) for cell, es in grouped[(place, period)].items()})
        for place, period in keys
    ]


def _both(vi: str, en: str) -> Label:
    return Label(vi=vi, en=en)


# -- rules ---------------------------------------------------------------------------
def _combos(rule: Rule, frame: _Frame) -> list[dict[str, str]]:
    if not rule.applies_to:
        return [{}]
    names = sorted(rule.applies_to)
    wanted = set(rule.indicators)
    seen: dict[tuple[tuple[str, str], ...], None] = {}
    for indicator, dims in frame.cells:
        if indicator not in wanted:
            continue
        projection = tuple((n, dims[n]) for n in names if n in dims)
        allowed = all(
            rule.applies_to[n] is None or v in (rule.applies_to[n] or ()) for n, v in projection
        )
        if allowed:
            seen[projection] = None
    return [dict(p) for p in sorted(seen)]


def _specialise(expr: Expression, combo: Mapping[str, str], cat: Catalogue) -> Expression:
    if not combo:
        return expr
    terms: list[Term] = []
    for term in expr.terms:
        op = term.operand
        if op is None:
            terms.append(term)
            continue
        names = cat[op.indicator].dimension_names
        skip = op.over if isinstance(op, DimensionSum) else None
        extra = {n: v for n, v in combo.items() if n in names and n not in op.dims and n != skip}
        dims = Dims.of({**op.dims, **extra})
        new: Operand = (
            DimensionSum(op.indicator, op.over, dims)
            if isinstance(op, DimensionSum)
            else IndicatorRef(op.indicator, dims)
        )
        terms.append(Term(term.coefficient, new))
    return Expression(tuple(terms))


def _involved(frame: _Frame, *evaluations: ExpressionValue) -> list[Ref]:
    refs: list[Ref] = []
    for ev in evaluations:
        for cell in ev.present:
            refs.extend(frame.refs(cell.indicator, cell.dims))
        refs.extend(Ref.cell(op.indicator, frame.place, frame.period, op.dims) for op in ev.missing)
    return list(dict.fromkeys(refs))


def _side(expr: Expression, ev: ExpressionValue, lang: Lang) -> str:
    return f"{expr} = {ev.interval.format(lang)}"


def _compare_rule(rule: Rule, frame: _Frame, left: Expression, right: Expression) -> Finding | None:
    values = frame.values
    lev, rev = left.evaluate(values), right.evaluate(values)
    missing = [*lev.missing, *rev.missing]
    n_operands = len(left.operands) + len(right.operands)
    if missing and rule.missing is MissingValueStrategy.SKIP_IF_ANY_MISSING:
        return None
    if (
        n_operands
        and len(missing) == n_operands
        and rule.missing is MissingValueStrategy.SKIP_IF_ALL_MISSING
    ):
        return None
    outcome = compare_intervals(rule.operator, lev.interval, rev.interval)
    if outcome is Outcome.HOLDS:
        return None
    cond = f"{left} {rule.operator.symbol} {right}"
    desc = rule.description
    found_vi = f"{_side(left, lev, 'vi')}, {_side(right, rev, 'vi')}"
    found_en = f"{_side(left, lev, 'en')}, {_side(right, rev, 'en')}"
    involved = _involved(frame, lev, rev)
    if outcome is Outcome.VIOLATED:
        code, severity = FindingCode.RULE_VIOLATED, rule.severity
        message = _both(
            f"{desc.vi}: cần {cond}, nhưng {found_vi}",
            f"{desc.en}: expected {cond}, found {found_en}",
        )
    elif missing:
        code = FindingCode.RULE_MISSING_OPERAND
        severity = (
            rule.severity
            if rule.missing is MissingValueStrategy.NEVER_SKIP
            else FindingCode.RULE_MISSING_OPERAND.spec.severity
        )
        names = ", ".join(str(m) for m in missing)
        message = _both(
            f"{desc.vi}: không kiểm tra được {cond}: thiếu {names}",
            f"{desc.en}: cannot check {cond}: {names} missing",
        )
    else:
        code, severity = FindingCode.RULE_UNDETERMINED, FindingCode.RULE_UNDETERMINED.spec.severity
        message = _both(
            f"{desc.vi}: không xác định được {cond} với {found_vi}",
            f"{desc.en}: cannot decide {cond} with {found_en}",
        )
    return Finding(code.value, severity, message, tuple(involved), rule.legal_basis, rule.id)


def _pair_rule(rule: Rule, frame: _Frame, left: Expression, right: Expression) -> Finding | None:
    values = frame.values
    lev, rev = left.evaluate(values), right.evaluate(values)
    l_present, r_present = lev.is_complete, rev.is_complete
    l_absent, r_absent = not lev.present, not rev.present
    desc = rule.description
    if rule.operator is Operator.EXCLUSIVE_PAIR:
        if not (l_present and r_present):
            return None
        message = _both(
            f"{desc.vi}: cả {left} và {right} đều được báo cáo",
            f"{desc.en}: {left} and {right} are both reported",
        )
    else:
        if l_present and r_absent:
            have, lack = left, right
        elif rule.operator is Operator.COMPULSORY_PAIR and r_present and l_absent:
            have, lack = right, left
        else:
            return None
        message = _both(
            f"{desc.vi}: có {have} nhưng thiếu {lack}",
            f"{desc.en}: {have} is reported but {lack} is not",
        )
    involved = _involved(frame, lev, rev)
    return Finding(
        FindingCode.RULE_VIOLATED.value,
        rule.severity,
        message,
        tuple(involved),
        rule.legal_basis,
        rule.id,
    )


def _invalid(rule: Rule, reasons: Iterable[str], involved: Iterable[Ref] = ()) -> Finding:
    text = "; ".join(reasons)
    return Finding.of(
        FindingCode.RULE_INVALID.value,
        _both(
            f"Quy tắc {rule.id} không áp dụng được: {text}",
            f"Rule {rule.id} cannot be applied: {text}",
        ),
        involved=involved,
        legal_basis=rule.legal_basis,
        rule=rule.id,
    )


def _silent_without_its_indicators(rule: Rule) -> bool:
    """Whether the rule finds nothing in a frame that has none of its indicators.

    Every operand is then missing: a rule with ``applies_to`` has no combination to
    check; a pair rule whose sides both have operands has neither side present; a
    comparison skips when any, or all, of its operands are missing. A comparison that
    never skips reports the missing operands, so it is run.
    """
    if rule.applies_to:
        return True
    if rule.operator.is_pair:
        return bool(rule.left.operands) and bool(rule.right.operands)
    return bool(rule.left.operands or rule.right.operands) and rule.missing in (
        MissingValueStrategy.SKIP_IF_ANY_MISSING,
        MissingValueStrategy.SKIP_IF_ALL_MISSING,
    )


def _run_rule(rule: Rule, frames: Sequence[_Frame], cat: Catalogue) -> list[Finding]:
    problems = rule_problems(rule, cat)
    if problems:
        return [_invalid(rule, problems)]
    out: list[Finding] = []
    wanted = frozenset(rule.indicators) if _silent_without_its_indicators(rule) else None
    for frame in frames:
        if wanted is not None and wanted.isdisjoint(frame.indicators):
            continue  # nothing to find (see `_silent_without_its_indicators`)
        try:
            for combo in _combos(rule, frame):
                left = _specialise(rule.left, combo, cat)
                right = _specialise(rule.right, combo, cat)
                check = _pair_rule if rule.operator.is_pair else _compare_rule
                found = check(rule, frame, left, right)
                if found is not None:
                    out.append(found)
        except _GUARDED as err:  # a bad rule or figure never stops validation
            out.append(_invalid(rule, [str(err)], [Ref(place=frame.place, period=frame.period)]))
    return out


def check_rule(
    rule: Rule, observations: Iterable[Observation], *, catalogue: Catalogue | None = None
) -> Findings:
    """Check one rule for every (place, period) of ``observations``.

    Example:
        >>> from antq_domain.analysis.rules import Rule
        >>> from antq_domain.analysis.validation import check_rule
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values.quantity import Quantity
        >>> def rule(missing):
        ...     return Rule.of("p.t", "tips.valuable <= tips.received", vi="x", en="x",
        ...                    missing=missing)
        >>> obs = [Observation(indicator="tips.valuable", place="62", period="2023",
        ...                    value=Quantity(655, "tip"))]
        >>> len(check_rule(rule("skip_if_any_missing"), obs))
        0
        >>> check_rule(rule("never_skip"), obs).codes
        ('rule.missing_operand',)
    """
    return check_rules(observations, [rule], catalogue=catalogue)


def check_rules(
    observations: Iterable[Observation],
    rules: Iterable[Rule] | None = None,
    *,
    catalogue: Catalogue | None = None,
) -> Findings:
    """Check ``rules`` (default: [`default_rules`][antq_domain.default_rules]).

    Each rule runs for every (place, period) present, once per dimension
    value its ``applies_to`` asks for. A rule that cannot be applied with the
    catalogue gives one ``rule.invalid`` finding.

    Example:
        >>> from antq_domain.analysis.validation import check_rules
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values.quantity import Quantity
        >>> def units(code, kind, n):
        ...     return Observation(indicator=code, place="62", period="2023",
        ...                        value=Quantity(n, "unit"), dims={"unit_kind": kind})
        >>> seed = [units("admin.units", "commune", 85), units("admin.units", "township", 7),
        ...         units("forces.regular_police_units", "commune", 85),
        ...         units("forces.regular_police_units", "township", 7)]
        >>> check_rules(seed).ok
        True
        >>> [f.rule for f in check_rules([*seed[:3], units("forces.regular_police_units",
        ...                                                 "township", 8)])]
        ['forces.regular_police_units_le_admin_units']
    """
    cat = catalogue if catalogue is not None else _standard()
    return _rule_findings(_frames(_entries(observations)), rules, cat)


def _rule_findings(
    frames: Sequence[_Frame], rules: Iterable[Rule] | None, cat: Catalogue
) -> Findings:
    chosen = default_rules(cat) if rules is None else tuple(rules)
    out: list[Finding] = []
    for rule in chosen:
        out.extend(_run_rule(rule, frames, cat))
    return Findings(out)


# -- totals --------------------------------------------------------------------------
def _split_by(b: Breakdown, cat: Catalogue) -> frozenset[str]:
    """The indicators of the catalogue that ``b`` applies to and that have its dimension."""
    return frozenset(
        code for code in cat if b.applies(code) and b.dimension in cat[code].dimension_names
    )


def _totals_in(frame: _Frame, b: Breakdown, cat: Catalogue, split: frozenset[str]) -> list[Finding]:
    """The findings of breakdown ``b`` in one frame (``split``: `_split_by`)."""
    groups: dict[tuple[str, Dims], None] = {}
    for indicator, dims in frame.cells:
        if indicator in split and dims.get(b.dimension) in b.parts:
            rest = Dims.of({k: v for k, v in dims.items() if k != b.dimension})
            groups[(indicator, rest)] = None
    out: list[Finding] = []
    for indicator, rest in groups:
        if not _same_set(cat[indicator], b.dimension, rest):
            continue
        total_dims = rest if b.total is None else Dims.of({**rest, b.dimension: b.total})
        total_values = [e.obs.value for e in frame.cells.get((indicator, total_dims), ())]
        total = _cell_interval(total_values)
        if total is None:
            continue
        parts = Interval(0, 0)
        complete = True
        involved = frame.refs(indicator, total_dims)
        for code in b.parts:
            cell = (indicator, Dims.of({**rest, b.dimension: code}))
            value = _cell_interval([e.obs.value for e in frame.cells.get(cell, ())])
            if value is None:
                complete = False
                value = Interval(0, None)
            else:
                involved.extend(frame.refs(*cell))
            parts = parts + value
        outcome = compare_intervals(Operator.EQ, parts, total)
        where = f"{indicator}[{total_dims}]" if total_dims else indicator
        if outcome is Outcome.VIOLATED:
            code_ = FindingCode.TOTAL_MISMATCH
            message = _both(
                f"{where}: các phần theo {b.dimension} cộng lại {parts.format('vi')}, "
                f"khác số tổng {total.format('vi')}",
                f"{where}: the parts over {b.dimension} add up to {parts.format('en')}, "
                f"not the stated total {total.format('en')}",
            )
        elif outcome is Outcome.UNDETERMINED and complete:
            code_ = FindingCode.TOTAL_UNDETERMINED
            message = _both(
                f"{where}: không xác định được các phần theo {b.dimension} "
                f"({parts.format('vi')}) có khớp số tổng ({total.format('vi')})",
                f"{where}: cannot decide whether the parts over {b.dimension} "
                f"({parts.format('en')}) match the total ({total.format('en')})",
            )
        else:
            continue
        out.append(Finding.of(code_.value, message, involved=dict.fromkeys(involved)))
    return out


def _same_set(ind: Indicator, dimension: str, rest: Dims) -> bool:
    """Whether cells that agree on ``rest`` are known to count within one set.

    Not when another dimension of the indicator is absent where its absence
    means *unspecified* (``managed_by``: 194 establishments managed by the
    province and 525 managed by the districts are different sets), nor when
    one is stated as ``unspecified``: two unspecified figures may be of
    different sets, so a total over them stands alone.
    """
    for dim in ind.dimensions:
        if dim.name == dimension:
            continue
        value = rest.get(dim.name)
        if value == "unspecified" or (value is None and not dim.absent_means_total):
            return False
    return True


def check_totals(
    observations: Iterable[Observation],
    breakdowns: Iterable[Breakdown] | None = None,
    *,
    catalogue: Catalogue | None = None,
) -> Findings:
    """Check that parts over a dimension make up the stated total.

    For each breakdown and each cell that has both a total and at least one
    part: with every part stated, the parts must equal the total
    (``total.mismatch`` when they cannot, ``total.undetermined`` when
    approximate figures leave it open); with some parts missing, the stated
    parts must not exceed the total.

    Example:
        >>> from antq_domain.analysis.validation import check_totals
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values.quantity import Quantity
        >>> def rec(n, **dims):
        ...     return Observation(indicator="commendations.recipients", place="62",
        ...                        period="2023", value=Quantity(n, "recipient"), dims=dims)
        >>> fs = check_totals([rec(8), rec(3, recipient_kind="collective"),
        ...                    rec(6, recipient_kind="individual")])
        >>> fs.codes, fs[0].message.en
        (('total.mismatch',), 'commendations.recipients: the parts over recipient_kind add up \
to ≥ 9, not the stated total 8')
    """
    cat = catalogue if catalogue is not None else _standard()
    return _total_findings(_frames(_entries(observations)), breakdowns, cat)


def _total_findings(
    frames: Sequence[_Frame], breakdowns: Iterable[Breakdown] | None, cat: Catalogue
) -> Findings:
    chosen = default_breakdowns(cat) if breakdowns is None else tuple(breakdowns)
    splits = [_split_by(b, cat) for b in chosen]
    out: list[Finding] = []
    for frame in frames:
        for b, split in zip(chosen, splits, strict=True):
            if split.isdisjoint(frame.indicators):
                continue  # no cell of the frame is split by it
            try:
                out.extend(_totals_in(frame, b, cat, split))
            except _GUARDED:  # pragma: no cover - defensive: a breakdown never stops validation
                continue
    return Findings(out)


def _standard() -> Catalogue:
    return catalogue()


# -- conflicts -----------------------------------------------------------------------
def _show(value: Value, lang: Lang) -> str:
    return value_text(value, lang)


# Every grade of `conflicts.grade` but same_value is a conflict finding; a figure beside
# "not reported" is one too (unlike in combine, which keeps both quietly).
_CONFLICT_FINDINGS = {
    ConflictGrade.NOT_REPORTED: FindingCode.CONFLICT_STATUS_DIFFERS,
    ConflictGrade.STATUS_DIFFERS: FindingCode.CONFLICT_STATUS_DIFFERS,
    ConflictGrade.VALUES_OVERLAP: FindingCode.CONFLICT_VALUES_OVERLAP,
    ConflictGrade.VALUES_DIFFER: FindingCode.CONFLICT_VALUES_DIFFER,
}


def find_conflicts(observations: Iterable[Observation]) -> Findings:
    """Cells stated more than once: a conflict when the values differ.

    ``conflict.values_differ`` (error) when two quantities cannot both be
    true, ``conflict.values_overlap`` (warning) when they differ but are
    compatible ("hơn 145.410" and "145.500"), ``conflict.status_differs``
    (warning) when a figure meets a missing marker, and
    ``duplicate.same_value`` (info) when the same value is repeated: the grades of
    [`conflicts.grade`][antq_domain.analysis.conflicts.grade], each reported. Every
    observation of the cell, with its source, is in ``involved``.

    Example:
        >>> from antq_domain.analysis.validation import find_conflicts
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values.quantity import Quantity
        >>> def tips(n, source):
        ...     return Observation(indicator="tips.received", place="62", period="2023",
        ...                        value=Quantity(n, "tip"), source=source)
        >>> f = find_conflicts([tips(726, "báo cáo BCĐ"), tips(762, "báo điện tử")])[0]
        >>> f.code, [r.source for r in f.involved]
        ('conflict.values_differ', ['báo cáo BCĐ', 'báo điện tử'])
    """
    return _conflict_findings(_entries(observations))


def _conflict_findings(figures: Sequence[_Entry]) -> Findings:
    by_cell: dict[tuple[str, str, str, Dims], list[_Entry]] = defaultdict(list)
    for e in figures:
        by_cell[e.obs.cell].append(e)
    out: list[Finding] = []
    for (indicator, place, period, dims), entries in by_cell.items():
        if len(entries) < 2:
            continue
        values = [e.obs.value for e in entries]
        where = str(Ref.cell(indicator, place, period, dims))
        how = grade(values)
        if how is ConflictGrade.SAME_VALUE:
            code = FindingCode.DUPLICATE_SAME_VALUE
            message = _both(
                f"{where} được nêu {len(values)} lần với cùng giá trị {_show(values[0], 'vi')}",
                f"{where} is stated {len(values)} times with the same value "
                f"{_show(values[0], 'en')}",
            )
        else:
            code = _CONFLICT_FINDINGS[how]
            shown_vi = "; ".join(dict.fromkeys(_show(v, "vi") for v in values))
            shown_en = "; ".join(dict.fromkeys(_show(v, "en") for v in values))
            message = _both(
                f"{where} được nêu với các giá trị khác nhau: {shown_vi}",
                f"{where} is stated with different values: {shown_en}",
            )
        out.append(Finding.of(code.value, message, involved=[e.ref for e in entries]))
    return Findings(out)


# -- places ---------------------------------------------------------------------------
def check_places(
    observations: Iterable[Observation], *, registry: Registry | None = None
) -> Findings:
    """One ``place.unknown`` error per figure whose place is not a place of its period.

    Reports, tidy rows and files refuse such a place when they are read; observations built
    directly are checked here, against ``registry`` (default: the bundled register), as of
    each figure's period ([`Registry.check`][antq_domain.records.places.Registry.check]).

    Example:
        >>> from antq_domain.analysis.validation import check_places
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> obs = Observation(indicator="tips.received", place="Kon Tum", period="2023",
        ...                   value=Quantity(7, "tip"))
        >>> (f,) = check_places([obs])
        >>> f.code, f.message.en
        ('place.unknown', "place='Kon Tum': expected a code of the register (did you mean ...)")
    """
    return _place_findings(_entries(observations), registry)


def _place_findings(entries: Sequence[_Entry], registry: Registry | None) -> Findings:
    reg = registry if registry is not None else standard_registry()
    out: list[Finding] = []
    for e in entries:
        try:
            reg.check(e.obs.place, during=e.obs.period)
        except AntqError as exc:
            text = str(exc)
            out.append(
                Finding.of(
                    FindingCode.PLACE_UNKNOWN.value,
                    _both(f"địa bàn không hợp lệ: {text}", text),
                    involved=[e.ref],
                )
            )
    return Findings(out)


# -- records versus figures ------------------------------------------------------------
_ISSUER_TO_DIM = {"vff_central_chair": "central_fatherland_front_chair"}


def _record_mismatch(
    i: int, obs: Observation, listed: Interval, *, vi: str, en: str, records: list[Ref]
) -> list[Finding]:
    """A ``record.mismatch`` when figure ``i`` cannot equal what the records list."""
    assert isinstance(obs.value, Quantity)  # noqa: S101 - callers pass stated figures
    if compare_intervals(Operator.EQ, listed, obs.value.bounds()) is not Outcome.VIOLATED:
        return []
    where = str(Ref.of_observation(obs))
    message = _both(
        f"{where} là {obs.value.format('vi')}, nhưng {vi}",
        f"{where} is {obs.value.format('en')}, but {en}",
    )
    involved = [Ref.of_observation(obs, path=f"observations.{i}"), *records]
    return [Finding.of(FindingCode.RECORD_MISMATCH.value, message, involved=involved)]


def _commendation_findings(report: MovementReport, cat: Catalogue) -> list[Finding]:
    if not report.commendations or "commendations.recipients" not in cat:
        return []
    ind = cat["commendations.recipients"]
    issuer_codes = ind.dimension("issuer").codes if "issuer" in ind.dimension_names else ()
    attrs_of: list[dict[str, str | None]] = []
    for c in report.commendations:
        issuer = _ISSUER_TO_DIM.get(c.issuer.value, c.issuer.value)
        attrs_of.append(
            {
                "form": c.form.value,
                "issuer": issuer if issuer in issuer_codes else None,
                "recipient_kind": c.recipient_kind.value,
                "status": c.status.value,
            }
        )
    out: list[Finding] = []
    for i, obs in enumerate(report.observations):
        if (
            obs.indicator != "commendations.recipients"
            or obs.place != report.place
            or obs.period != report.period
            or not isinstance(obs.value, Quantity)
        ):
            continue
        matched = [
            j
            for j, a in enumerate(attrs_of)
            if all(a.get(name) == code for name, code in obs.dims.items())
        ]
        if not matched:
            continue
        listed = sum(report.commendations[j].recipient_count for j in matched)
        found = _record_mismatch(
            i,
            obs,
            Interval(listed, listed),
            vi=f"danh sách khen thưởng có {listed} tập thể, cá nhân",
            en=f"the listed commendations have {listed} recipients",
            records=[Ref.record(f"commendations.{j}") for j in matched],
        )
        out.extend(found)
    return out


def _replication_findings(report: MovementReport, cat: Catalogue) -> list[Finding]:
    if not report.models or "models.replicated" not in cat:
        return []
    out: list[Finding] = []
    for i, obs in enumerate(report.observations):
        if (
            obs.indicator != "models.replicated"
            or obs.place != report.place
            or not isinstance(obs.value, Quantity)
        ):
            continue
        scope = obs.dims.get("scope")
        start, end = obs.period.start, obs.period.end
        surely: list[int] = []
        maybe: list[int] = []
        for j, model in enumerate(report.models):
            dates = [
                r.date
                for r in model.replications
                if r.date is not None and (scope is None or r.scope.value == scope)
            ]
            if any(start <= d.earliest() and d.latest() <= end for d in dates):
                surely.append(j)
            elif any(not (d.latest() < start or d.earliest() > end) for d in dates):
                maybe.append(j)
        if not surely and not maybe:
            continue
        listed = Interval(len(surely), len(surely) + len(maybe))
        found = _record_mismatch(
            i,
            obs,
            listed,
            vi=f"danh sách mô hình có {listed.format('vi')} mô hình được nhân rộng trong kỳ",
            en=f"the listed models show {listed.format('en')} replicated in the period",
            records=[Ref.record(f"models.{j}") for j in sorted([*surely, *maybe])],
        )
        out.extend(found)
    return out


def check_records(report: MovementReport, *, catalogue: Catalogue | None = None) -> Findings:
    """Compare a report's records with its figures for the report's place and period.

    * ``commendations.recipients``: for each observation, the recipients of
      the listed commendations that match its dims (form, issuer, recipient
      kind, status) are counted;
    * ``models.replicated``: the listed models with a replication of the
      observation's scope dated inside its period are counted (a partial
      date that may fall either side counts as "maybe").

    A figure is compared only when some record matches it (records may list
    only part of what the figures count); a count the figure cannot equal is
    a ``record.mismatch``.

    Example:
        >>> from datetime import date
        >>> from antq_domain.analysis.validation import check_records
        >>> from antq_domain.records.report import MovementReport
        >>> from antq_domain.values.quantity import Quantity
        >>> r = MovementReport(issuer="x", place="62", period="2023", as_of=date(2023, 12, 31),
        ...     observations=[{"indicator": "models.replicated", "place": "62",
        ...                    "period": "2023", "value": Quantity(2, "model"),
        ...                    "dims": {"scope": "national"}}],
        ...     models=[{"id": "m1", "name": "Camera an ninh", "kind": "security_camera",
        ...              "owner": "police", "place": "62",
        ...              "replications": [{"scope": "national", "date": "2023-06"}]}])
        >>> check_records(r).codes
        ('record.mismatch',)
    """
    if not isinstance(report, MovementReport):
        raise AntqTypeError("report", report, "a MovementReport")
    cat = catalogue if catalogue is not None else report.catalogue
    out: list[Finding] = []
    for check in (_commendation_findings, _replication_findings):
        try:
            out.extend(check(report, cat))
        except _GUARDED:  # pragma: no cover - defensive: records never stop validation
            continue
    return Findings(out)


# -- everything ----------------------------------------------------------------------
@gc_paused()  # frames, entries and findings by the hundred thousand, none in a cycle
def validate(
    x: MovementReport | Iterable[Observation] | object,
    *,
    rules: Iterable[Rule] | None = None,
    breakdowns: Iterable[Breakdown] | None = None,
    catalogue: Catalogue | None = None,
    registry: Registry | None = None,
) -> Findings:
    """Every check on a report (or observations): places, conflicts, rules, totals, records.

    Args:
        x: a [`MovementReport`][antq_domain.MovementReport] or observations.
        rules: the rules to run (default:
            [`default_rules`][antq_domain.default_rules] for the catalogue).
        breakdowns: the totals to check (default:
            [`default_breakdowns`][antq_domain.analysis.rules.default_breakdowns]).
        catalogue: the indicator catalogue (default: the report's, or the
            standard one).
        registry: the register the places are checked against (default:
            the bundled one); see [`check_places`][antq_domain.analysis.validation.check_places].

    Returns:
        The findings, errors first; ``.ok`` is true when there is no error.

    Example:
        >>> from antq_domain.analysis.validation import validate
        >>> validate([]).ok
        True
    """
    x = as_observations(x, catalogue)
    if isinstance(x, MovementReport):
        observations: tuple[Observation, ...] = x.observations
        cat = catalogue if catalogue is not None else x.catalogue
    else:
        if not isinstance(x, Iterable):
            raise AntqTypeError("x", x, "a report, observations, a DataFrame or tidy-row dicts")
        observations = tuple(cast("Iterable[Observation]", x))
        cat = catalogue if catalogue is not None else _standard()
    entries = _entries(observations)  # the same for every check
    found = _place_findings(entries, registry)
    found = found + _conflict_findings(entries)
    frames = _frames(entries)  # the same for the rules and the totals
    found = found + _rule_findings(frames, rules, cat)
    found = found + _total_findings(frames, breakdowns, cat)
    if isinstance(x, MovementReport):
        found = found + check_records(x, catalogue=cat)
    return found
