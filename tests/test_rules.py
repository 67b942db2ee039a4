"""Rules as data: the expression grammar, intervals, the default rule set, check_rules."""

from __future__ import annotations

import operator as op
import pickle
from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import find, given
from hypothesis import strategies as st

from antq_domain.analysis.expressions import (
    DimensionSum,
    Expression,
    ExpressionError,
    IndicatorRef,
    Operator,
    Outcome,
    Term,
    compare_intervals,
    parse_condition,
)
from antq_domain.analysis.findings import Severity
from antq_domain.analysis.rules import (
    Breakdown,
    Rule,
    default_breakdowns,
    default_rules,
    rule_problems,
)
from antq_domain.analysis.validation import check_rule, check_rules
from antq_domain.errors import AntqTypeError, InvariantError, ParseError, RecordError
from antq_domain.records.indicators import catalogue
from antq_domain.records.observation import Observation
from antq_domain.strategies._rules import expressions, operands, rules
from antq_domain.values.interval import Interval
from antq_domain.values.missing import NOT_REPORTED, Value
from antq_domain.values.quantity import Quantity


def obs(code: str, n: int | Value, qualifier: str = "exact", **dims: str) -> Observation:
    unit = catalogue()[code].unit
    assert unit is not None
    value = Quantity(n, unit, qualifier) if isinstance(n, int) else n
    return Observation(indicator=code, place="62", period="2023", value=value, dims=dims)


def rule_ids(observations: list[Observation]) -> list[str | None]:
    return [f.rule for f in check_rules(observations)]


# -- parsing -------------------------------------------------------------------------
class TestParse:
    @pytest.mark.parametrize(
        ("text", "canonical"),
        [
            ("tips.valuable", "tips.valuable"),
            ("100*tips.valuable", "100 * tips.valuable"),
            ("tips.valuable * 100", "100 * tips.valuable"),
            ("-tips.valuable + 5", "-tips.valuable + 5"),
            ("a.b - -1 * c.d", None),  # a second sign is not allowed
            ("admin.units[ unit_kind = commune ]", "admin.units[unit_kind=commune]"),
            ("x.y[b=2, a=1]", "x.y[a=1,b=2]"),  # dims are sorted
            ("sum(crime.cases_solved over category)", "sum(crime.cases_solved over category)"),
            (
                "sum(commendations.recipients[status=conferred] over form)",
                "sum(commendations.recipients[status=conferred] over form)",
            ),
        ],
    )
    def test_canonical_text(self, text: str, canonical: str | None) -> None:
        if canonical is None:
            with pytest.raises(ExpressionError):
                Expression.parse(text)
            return
        assert str(Expression.parse(text)) == canonical

    @pytest.mark.parametrize(
        ("text", "position"),
        [
            ("", 0),  # empty text: an operand is needed at the end
            ("tips.valuable +", 15),  # dangling operator
            ("tips.valuable ++ tips.received", 15),  # two operators
            ("Tips.valuable", 0),  # upper case is not in the alphabet
            ("tips", 0),  # a code needs a dot
            ("tips.valuable.", 0),  # a code cannot end with a dot
            ("2 * 3", 4),  # '*' needs an indicator on one side
            ("tips.valuable * tips.received", 16),  # no products of indicators
            ("tips.valuable * 2.5", 16),  # coefficients are integers
            ("admin.units[]", 12),  # empty dims
            ("admin.units[unit_kind commune]", 22),  # '=' missing
            ("admin.units[unit_kind=commune", 29),  # ']' missing
            ("admin.units[k=a,k=b]", 16),  # a dimension twice
            ("admin.units[k=A]", 14),  # upper-case value
            ("sum(admin.units unit_kind)", 16),  # 'over' missing
            ("sum(admin.units[unit_kind=ward] over unit_kind)", 37),  # sums over a fixed dim
            ("sum(admin.units over unit_kind", 30),  # ')' missing
            ("tips.valuable; tips.received", 13),  # ';' is not a token
            ("tips.valuable tips.received", 14),  # missing operator
            ("tips.valuable <= tips.received", 14),  # a comparison is not an expression
        ],
    )
    def test_bad_expressions_name_the_position(self, text: str, position: int) -> None:
        with pytest.raises(ExpressionError) as info:
            Expression.parse(text)
        assert isinstance(info.value, ParseError)
        assert info.value.field == "expression"
        assert info.value.position == position
        assert f"position {position}" in str(info.value)

    @pytest.mark.parametrize(
        ("text", "position"),
        [
            ("tips.valuable", 13),  # no comparison
            ("tips.valuable <= ", 17),  # no right side
            ("tips.valuable <= tips.received <= 5", 31),  # comparisons do not chain
            ("requires(tips.valuable tips.received)", 23),  # ',' missing
            ("requires(tips.valuable, tips.received", 37),  # ')' missing
            ("tips.valuable => tips.received", 14),  # '=>' is not an operator
        ],
    )
    def test_bad_conditions_name_the_position(self, text: str, position: int) -> None:
        with pytest.raises(ExpressionError) as info:
            parse_condition(text)
        assert info.value.field == "condition"
        assert info.value.position == position

    def test_not_a_string(self) -> None:
        with pytest.raises(AntqTypeError) as info:
            Expression.parse(42)  # type: ignore[arg-type]
        assert info.value.field == "expression"

    def test_error_pickles_with_its_position(self) -> None:
        with pytest.raises(ExpressionError) as info:
            Expression.parse("a.b +")
        again = pickle.loads(pickle.dumps(info.value))  # noqa: S301 - our own object
        assert (again.field, again.position) == ("expression", 5)

    @pytest.mark.parametrize(
        ("text", "operator"),
        [
            ("a.b <= c.d", Operator.LE),
            ("a.b ≤ c.d", Operator.LE),
            ("a.b < c.d", Operator.LT),
            ("a.b == c.d", Operator.EQ),
            ("a.b >= c.d", Operator.GE),
            ("a.b ≥ c.d", Operator.GE),
            ("a.b > c.d", Operator.GT),
            ("a.b != c.d", Operator.NE),
            ("a.b ≠ c.d", Operator.NE),
            ("compulsory_pair(a.b, c.d)", Operator.COMPULSORY_PAIR),
            ("exclusive_pair(a.b, c.d)", Operator.EXCLUSIVE_PAIR),
            ("requires(a.b, c.d)", Operator.REQUIRES),
        ],
    )
    def test_conditions(self, text: str, operator: Operator) -> None:
        left, found, right = parse_condition(text)
        assert (str(left), found, str(right)) == ("a.b", operator, "c.d")

    def test_sum_is_a_keyword_only_before_a_parenthesis(self) -> None:
        with pytest.raises(ExpressionError):
            Expression.parse("sum")


class TestAstInvariants:
    @pytest.mark.parametrize(
        ("build", "error", "field"),
        [
            (lambda: IndicatorRef("tips"), ParseError, "indicator"),  # no dot
            (lambda: DimensionSum("a.b", "Form"), ParseError, "over"),  # upper case
            (lambda: DimensionSum("a.b", "k", {"k": "v"}), InvariantError, "over"),  # fixed
            (lambda: Term(1.5), AntqTypeError, "coefficient"),  # float coefficient
            (lambda: Term(True), AntqTypeError, "coefficient"),  # bool coefficient
            (lambda: Term(1, "a.b"), AntqTypeError, "operand"),  # text operand
            (lambda: Expression(()), InvariantError, "terms"),  # no terms
            (lambda: Interval(5, 1), InvariantError, "high"),  # high below low
            (lambda: Interval(0.5, 1), AntqTypeError, "low"),  # float bound
        ],
    )
    def test_bad_nodes(
        self, build: Callable[[], object], error: type[Exception], field: str
    ) -> None:
        with pytest.raises(error) as info:
            build()
        assert getattr(info.value, "field", None) == field


class TestRoundTrip:
    @given(expressions())
    def test_parse_of_str_is_identity(self, expr: Expression) -> None:
        """parse(str(e)) == e for every expression."""
        assert Expression.parse(str(expr)) == expr

    @given(rules())
    def test_condition_text_round_trips(self, rule: Rule) -> None:
        """parse_condition(rule.condition) gives back the rule's sides and operator."""
        assert parse_condition(rule.condition) == (rule.left, rule.operator, rule.right)

    @given(rules())
    def test_json_round_trip_is_identity(self, rule: Rule) -> None:
        """A rule set loads back from its JSON unchanged."""
        assert Rule.model_validate_json(rule.model_dump_json()) == rule


class TestStrategies:
    @given(operands())
    def test_operands_use_the_indicators_own_dimensions(self, operand: object) -> None:
        assert isinstance(operand, IndicatorRef | DimensionSum)
        ind = catalogue()[operand.indicator]
        for name, code in operand.dims.items():
            assert code in ind.dimension(name).codes
        if isinstance(operand, DimensionSum):
            assert operand.over in ind.dimension_names

    @given(expressions(2, 3, min_coefficient=1, max_coefficient=9))
    def test_bounds_are_respected(self, expr: Expression) -> None:
        assert 2 <= len(expr.terms) <= 3
        assert all(1 <= t.coefficient <= 9 for t in expr.terms)

    def test_edges_are_reachable(self) -> None:
        assert find(operands(), lambda o: isinstance(o, DimensionSum) and bool(o.dims))
        assert find(operands(), lambda o: isinstance(o, IndicatorRef) and len(o.dims) >= 2)
        assert find(expressions(), lambda e: len(e.operands) >= 2)
        assert find(rules(), lambda r: r.operator.is_pair).operator is Operator.COMPULSORY_PAIR
        assert find(rules(), lambda r: r.applies_to != {}).applies_to

    def test_bad_arguments(self) -> None:
        from hypothesis.errors import InvalidArgument

        with pytest.raises(InvalidArgument):
            expressions(0).example()
        with pytest.raises(InvalidArgument):
            expressions(min_coefficient=2, max_coefficient=1).example()


# -- intervals -------------------------------------------------------------------------
_OPS: dict[Operator, Callable[[int, int], bool]] = {
    Operator.LE: op.le,
    Operator.LT: op.lt,
    Operator.EQ: op.eq,
    Operator.GE: op.ge,
    Operator.GT: op.gt,
    Operator.NE: op.ne,
}
_COMPARISONS = st.sampled_from(sorted(_OPS))
_SMALL = st.integers(-20, 20)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a, b = sorted((draw(_SMALL), draw(_SMALL)))
    low = draw(st.sampled_from([a, None]))
    high = draw(st.sampled_from([b, None]))
    return Interval(low, high)


class TestCompare:
    @given(_COMPARISONS, _SMALL, _SMALL)
    def test_points_compare_like_numbers(self, operator: Operator, a: int, b: int) -> None:
        """On exact figures the outcome is the plain comparison."""
        outcome = compare_intervals(operator, Interval(a, a), Interval(b, b))
        assert outcome is (Outcome.HOLDS if _OPS[operator](a, b) else Outcome.VIOLATED)

    @given(_COMPARISONS, intervals(), intervals(), st.data())
    def test_decided_outcomes_hold_for_every_value_inside(
        self, operator: Operator, left: Interval, right: Interval, data: st.DataObject
    ) -> None:
        """A decided outcome is true for every pair of values the intervals allow."""
        outcome = compare_intervals(operator, left, right)

        def inside(i: Interval) -> int:
            low = i.low if i.low is not None else -100
            high = i.high if i.high is not None else 100
            return data.draw(st.integers(int(low), int(high)))

        a, b = inside(left), inside(right)
        if outcome is Outcome.HOLDS:
            assert _OPS[operator](a, b)
        elif outcome is Outcome.VIOLATED:
            assert not _OPS[operator](a, b)

    def test_more_than_is_undetermined_against_a_larger_figure(self) -> None:
        more_than = Quantity(145410, "participation", "at_least").bounds()
        assert (
            compare_intervals(Operator.LE, more_than, Interval(150000, 150000))
            is Outcome.UNDETERMINED
        )
        assert compare_intervals(Operator.GE, more_than, Interval(100000, 100000)) is Outcome.HOLDS

    def test_pairs_are_not_comparisons(self) -> None:
        with pytest.raises(InvariantError) as info:
            compare_intervals(Operator.REQUIRES, Interval(0, 0), Interval(0, 0))
        assert info.value.field == "operator"

    def test_decimals_and_ints_mix_exactly(self) -> None:
        total = Interval(Decimal("13.85"), Decimal("13.85")) + Interval(1, 1)
        assert total == Interval(Decimal("14.85"), Decimal("14.85"))
        assert total.format("vi") == "14,85"

    @pytest.mark.parametrize(
        ("interval", "vi", "en"),
        [
            (Interval(7, 7), "7", "7"),
            (Interval(145410, None), "≥ 145.410", "≥ 145,410"),
            (Interval(None, 5), "≤ 5", "≤ 5"),
            (Interval(1000, 2000), "1.000–2.000", "1,000–2,000"),
            (Interval(None, None), "chưa rõ", "unknown"),
        ],
    )
    def test_format(self, interval: Interval, vi: str, en: str) -> None:
        assert (interval.format("vi"), interval.format("en")) == (vi, en)


# -- rule records ----------------------------------------------------------------------
class TestRuleRecord:
    @pytest.mark.parametrize(
        ("data", "location"),
        [
            ({"id": "Tips Rule"}, "id"),  # not a dotted lower-case id
            ({"left": "tips.valuable <="}, "left"),  # not an expression
            ({"operator": "lte"}, "operator"),  # not an operator code
            ({"importance": "critical"}, "importance"),  # not an importance
            ({"missing": "skip"}, "missing"),  # not a strategy
            ({"applies_to": {"Unit": None}}, "applies_to"),  # bad dimension name
            ({"applies_to": {"unit_kind": ["Commune"]}}, "applies_to"),  # bad code
            ({"operator": "exclusive_pair", "right": "3"}, "right"),  # a pair needs indicators
            ({"colour": "red"}, "colour"),  # unknown field
        ],
    )
    def test_bad_rules_name_the_field(self, data: dict[str, object], location: str) -> None:
        base: dict[str, object] = {
            "id": "tips.valuable_le_received",
            "description": {"vi": "x", "en": "x"},
            "left": "tips.valuable",
            "operator": "le",
            "right": "tips.received",
        }
        with pytest.raises(RecordError) as info:
            Rule.model_validate({**base, **data})
        assert any(loc.startswith(location) for loc, _ in info.value.problems)

    def test_from_json(self) -> None:
        rule = Rule.model_validate_json(
            '{"id": "local.pacts", "description": {"vi": "x", "en": "x"},'
            ' "left": "100 * tips.valuable", "operator": "ge", "right": "90 * tips.received",'
            ' "importance": "low", "legal_basis": "09/CTr-BCA-MTTQ"}'
        )
        assert rule.condition == "100 * tips.valuable >= 90 * tips.received"
        assert str(rule.legal_basis) == "09/CTr-BCA-MTTQ"
        assert rule.severity is Severity.INFO
        assert hash(rule) == hash(rule.model_copy())

    def test_legal_basis_text_that_is_not_a_document_number_stays_text(self) -> None:
        rule = Rule.of("a.b", "a.b <= c.d", vi="x", en="x", legal_basis="Luật Công an nhân dân")
        assert rule.legal_basis == "Luật Công an nhân dân"

    @pytest.mark.parametrize(
        ("condition", "needle"),
        [
            ("local.x <= tips.received", "unknown indicator 'local.x'"),
            ("tips.valuable <= crime.cases_occurred", "different units"),
            ("admin.units <= 10", "required dimension 'unit_kind'"),
            ("admin.units[unit_kind=comune] <= 10", "comune"),
            ("sum(tips.received over form) <= 1", "form"),
        ],
    )
    def test_rule_problems(self, condition: str, needle: str) -> None:
        problems = rule_problems(Rule.of("a.b", condition, vi="x", en="x"), catalogue())
        assert any(needle in p for p in problems), problems


class TestBreakdown:
    @pytest.mark.parametrize(
        ("data", "location"),
        [
            ({"parts": []}, "parts"),  # no parts
            ({"parts": ["a", "a"]}, "parts"),  # a part twice
            ({"parts": ["A"]}, "parts"),  # bad code
            ({"total": "a"}, "total"),  # the total is a part
            ({"dimension": "Form"}, "dimension"),  # bad name
            ({"indicators": ["tips"]}, "indicator"),  # bad indicator code
        ],
    )
    def test_bad_breakdowns(self, data: dict[str, object], location: str) -> None:
        with pytest.raises(RecordError) as info:
            Breakdown.model_validate({"dimension": "form", "parts": ["a", "b"], **data})
        assert any(loc.startswith(location) for loc, _ in info.value.problems)

    def test_defaults_use_the_catalogue_codes(self) -> None:
        kinds = {b.dimension for b in default_breakdowns()}
        assert "category" not in kinds  # crime categories overlap
        assert "status" not in kinds  # an unsplit award count means conferred ones
        assert "scope" not in kinds  # a model may be replicated at two scopes


# -- the default rule set --------------------------------------------------------------
DEFAULT_CASES = [
    # (rule id, observations that satisfy it, observations that break it)
    (
        "tips.valuable_le_received",
        [obs("tips.received", 726), obs("tips.valuable", 655)],
        [obs("tips.received", 726), obs("tips.valuable", 812)],
    ),
    (
        "tips.in_jurisdiction_le_received",
        [obs("tips.received", 726), obs("tips.in_jurisdiction", 700)],
        [obs("tips.received", 726), obs("tips.in_jurisdiction", 727)],
    ),
    (
        "tips.resolved_le_in_jurisdiction",
        [obs("tips.in_jurisdiction", 700), obs("tips.resolved", 700)],
        [obs("tips.in_jurisdiction", 700), obs("tips.resolved", 701)],
    ),
    (
        "forces.regular_police_units_le_admin_units",
        [
            obs("admin.units", 85, unit_kind="commune"),
            obs("forces.regular_police_units", 85, unit_kind="commune"),
            obs("admin.units", 7, unit_kind="township"),
            obs("forces.regular_police_units", 7, unit_kind="township"),
        ],
        [
            obs("admin.units", 85, unit_kind="commune"),
            obs("forces.regular_police_units", 7, unit_kind="commune"),
            obs("admin.units", 7, unit_kind="township"),
            obs("forces.regular_police_units", 85, unit_kind="township"),
        ],
    ),
    (
        "forces.security_camera_units_le_admin_units",
        [
            obs("admin.units", 85, unit_kind="commune"),
            obs("forces.security_camera_units", 60, unit_kind="commune"),
        ],
        [
            obs("admin.units", 85, unit_kind="commune"),
            obs("forces.security_camera_units", 86, unit_kind="commune"),
        ],
    ),
    (
        "safety_standard.meeting_le_assessed",
        [
            obs("safety_standard.units_assessed", 900, unit_kind="residential_area"),
            obs("safety_standard.units_meeting", 850, unit_kind="residential_area"),
            obs("safety_standard.units_assessed", 10, unit_kind="school", managed_by="district"),
            obs("safety_standard.units_meeting", 10, unit_kind="school", managed_by="district"),
        ],
        [
            obs("safety_standard.units_assessed", 10, unit_kind="school", managed_by="district"),
            obs("safety_standard.units_meeting", 11, unit_kind="school", managed_by="district"),
            # a different cell: no comparison across managed_by
            obs("safety_standard.units_assessed", 50, unit_kind="school", managed_by="province"),
        ],
    ),
    (
        "crime.solved_le_occurred",
        [
            obs("crime.cases_occurred", 120, category="social_order"),
            obs("crime.cases_solved", 100, category="social_order"),
        ],
        [
            obs("crime.cases_occurred", 120, category="social_order"),
            obs("crime.cases_solved", 125, category="social_order"),
        ],
    ),
]


class TestDefaultRules:
    @pytest.mark.parametrize(("rule_id", "good", "bad"), DEFAULT_CASES)
    def test_each_rule_holds_on_good_figures(
        self, rule_id: str, good: list[Observation], bad: list[Observation]
    ) -> None:
        assert rule_id not in rule_ids(good)

    @pytest.mark.parametrize(("rule_id", "good", "bad"), DEFAULT_CASES)
    def test_each_rule_triggers_on_bad_figures(
        self, rule_id: str, good: list[Observation], bad: list[Observation]
    ) -> None:
        found = [f for f in check_rules(bad) if f.rule == rule_id]
        assert len(found) == 1
        assert found[0].code == "rule.violated"

    def test_every_comparison_rule_is_tested(self) -> None:
        tested = {case[0] for case in DEFAULT_CASES}
        comparisons = {r.id for r in default_rules() if not r.operator.is_pair}
        assert comparisons == tested

    @pytest.mark.parametrize(
        "rule", [r for r in default_rules() if r.operator.is_pair], ids=lambda r: r.id
    )
    def test_ratio_parts_rules(self, rule: Rule) -> None:
        (numerator,) = rule.left.operands
        (denominator,) = rule.right.operands
        dims = {
            name: catalogue()[numerator.indicator].dimension(name).codes[0]
            for name in rule.applies_to
        }
        alone = [obs(numerator.indicator, 1, **dims)]
        both = [*alone, obs(denominator.indicator, 2, **dims)]
        assert [f.code for f in check_rule(rule, alone)] == ["rule.violated"]
        assert check_rule(rule, alone)[0].severity is Severity.WARNING
        assert len(check_rule(rule, both)) == 0
        assert len(check_rule(rule, both[1:])) == 0  # a denominator alone is complete

    def test_cases_solved_above_occurred_is_only_information(self) -> None:
        (bad,) = [c[2] for c in DEFAULT_CASES if c[0] == "crime.solved_le_occurred"]
        (finding,) = check_rules(bad)
        assert finding.severity is Severity.INFO

    def test_tempting_rules_are_not_in_the_set(self) -> None:
        conditions = {r.condition for r in default_rules()}
        assert "tips.cases_solved <= tips.valuable" not in conditions
        # valid for a correct report: many cases from one tip, many tips per case
        assert check_rules([obs("tips.valuable", 10), obs("tips.cases_solved", 12)]).ok

    def test_every_default_rule_applies_to_the_standard_catalogue(self) -> None:
        for rule in default_rules():
            assert rule_problems(rule, catalogue()) == (), rule.id

    def test_seed_figures_give_no_error(self) -> None:
        seed = [
            obs("tips.received", 726),
            obs("tips.valuable", 655),
            obs("tips.cases_solved", 140),
            obs("tips.suspects_arrested", 288),
            obs("admin.units", 85, unit_kind="commune"),
            obs("admin.units", 7, unit_kind="township"),
            obs("forces.regular_police_units", 85, unit_kind="commune"),
            obs("forces.regular_police_units", 7, unit_kind="township"),
            obs("mobilisation.launch_participants", 145410, "at_least"),
        ]
        assert list(check_rules(seed)) == []


# -- rule semantics ----------------------------------------------------------------------
class TestMissingAndQualifiers:
    def rule(self, missing: str, condition: str = "tips.valuable <= tips.received") -> Rule:
        return Rule.of("t.r", condition, vi="x", en="x", importance="high", missing=missing)

    @pytest.mark.parametrize(
        ("missing", "figures", "codes"),
        [
            ("skip_if_any_missing", [obs("tips.valuable", 5)], []),
            ("skip_if_all_missing", [obs("tips.valuable", 5)], ["rule.missing_operand"]),
            ("never_skip", [obs("tips.valuable", 5)], ["rule.missing_operand"]),
            ("skip_if_all_missing", [obs("tips.valuable", NOT_REPORTED)], []),
            ("never_skip", [obs("tips.valuable", NOT_REPORTED)], ["rule.missing_operand"]),
        ],
    )
    def test_strategies(self, missing: str, figures: list[Observation], codes: list[str]) -> None:
        assert [f.code for f in check_rule(self.rule(missing), figures)] == codes

    def test_never_skip_uses_the_rules_severity(self) -> None:
        (f,) = check_rule(self.rule("never_skip"), [obs("tips.valuable", 5)])
        assert f.severity is Severity.ERROR
        (g,) = check_rule(self.rule("skip_if_all_missing"), [obs("tips.valuable", 5)])
        assert g.severity is Severity.INFO

    def test_a_missing_figure_is_not_zero(self) -> None:
        # tips.received missing: an unknown non-negative number, so 5 <= ? is open,
        # but 5 <= -1 + ? cannot be refuted either
        rule = self.rule("skip_if_all_missing", "tips.valuable <= tips.received - 1")
        assert [f.code for f in check_rule(rule, [obs("tips.valuable", 5)])] == [
            "rule.missing_operand"
        ]

    def test_a_definite_violation_is_reported_even_with_missing_figures(self) -> None:
        rule = self.rule("skip_if_all_missing", "tips.valuable + tips.resolved <= 3")
        (f,) = check_rule(rule, [obs("tips.valuable", 5)])
        assert f.code == "rule.violated"

    def test_more_than_gives_information_not_an_error(self) -> None:
        rule = self.rule("skip_if_any_missing")
        figures = [obs("tips.valuable", 700, "at_least"), obs("tips.received", 726)]
        (f,) = check_rule(rule, figures)
        assert (f.code, f.severity) == ("rule.undetermined", Severity.INFO)
        assert "≥ 700" in f.message.en

    def test_conflicting_figures_take_their_hull(self) -> None:
        rule = self.rule("skip_if_any_missing")
        figures = [obs("tips.valuable", 700), obs("tips.valuable", 800), obs("tips.received", 750)]
        assert [f.code for f in check_rule(rule, figures)] == ["rule.undetermined"]

    def test_scaled_percent_rule(self) -> None:
        rule = Rule.of(
            "tips.rate_at_least_90",
            "100 * tips.valuable >= 90 * tips.received",
            vi="x",
            en="x",
            importance="medium",
        )
        assert len(check_rule(rule, [obs("tips.valuable", 655), obs("tips.received", 726)])) == 0
        (f,) = check_rule(rule, [obs("tips.valuable", 600), obs("tips.received", 726)])
        assert f.severity is Severity.WARNING

    def test_sum_over_a_dimension(self) -> None:
        rule = Rule.of(
            "c.total",
            "sum(commendations.recipients[status=conferred] over recipient_kind) "
            "== commendations.recipients[status=conferred]",
            vi="x",
            en="x",
        )
        figures = [
            obs("commendations.recipients", 23, status="conferred"),
            obs("commendations.recipients", 10, status="conferred", recipient_kind="collective"),
            obs("commendations.recipients", 13, status="conferred", recipient_kind="individual"),
        ]
        assert len(check_rule(rule, figures)) == 0
        (f,) = check_rule(rule, figures[:2])
        assert f.code == "rule.violated"


class TestPairs:
    @pytest.mark.parametrize(
        ("condition", "figures", "violated"),
        [
            ("compulsory_pair(tips.valuable, tips.received)", ["tips.valuable"], True),
            ("compulsory_pair(tips.valuable, tips.received)", ["tips.received"], True),
            ("compulsory_pair(tips.valuable, tips.received)", [], False),
            (
                "compulsory_pair(tips.valuable, tips.received)",
                ["tips.valuable", "tips.received"],
                False,
            ),
            (
                "exclusive_pair(tips.valuable, tips.received)",
                ["tips.valuable", "tips.received"],
                True,
            ),
            ("exclusive_pair(tips.valuable, tips.received)", ["tips.valuable"], False),
            ("requires(tips.valuable, tips.received)", ["tips.received"], False),
        ],
    )
    def test_presence(self, condition: str, figures: list[str], violated: bool) -> None:
        rule = Rule.of("p.r", condition, vi="x", en="x")
        found = check_rule(rule, [obs(code, 1) for code in figures])
        assert [f.code for f in found] == (["rule.violated"] if violated else [])

    def test_a_marker_is_not_presence(self) -> None:
        rule = Rule.of("p.r", "requires(tips.valuable, tips.received)", vi="x", en="x")
        found = check_rule(rule, [obs("tips.valuable", 1), obs("tips.received", NOT_REPORTED)])
        assert [f.code for f in found] == ["rule.violated"]


class TestNeverRaises:
    def test_unknown_indicator_is_a_finding(self) -> None:
        rule = Rule.of("local.rule", "local.pacts <= 3", vi="x", en="x")
        (f,) = check_rule(rule, [obs("tips.valuable", 5)])
        assert (f.code, f.rule, f.severity) == ("rule.invalid", "local.rule", Severity.WARNING)
        assert "local.pacts" in f.message.en

    def test_unit_mismatch_is_a_finding(self) -> None:
        rule = Rule.of("x.mix", "tips.valuable <= crime.cases_occurred", vi="x", en="x")
        assert [f.code for f in check_rules([obs("tips.valuable", 5)], [rule])] == ["rule.invalid"]

    def test_applies_to_filter(self) -> None:
        rule = Rule.of(
            "x.communes",
            "forces.regular_police_units <= admin.units",
            vi="x",
            en="x",
            applies_to={"unit_kind": ["commune"]},
        )
        figures = [
            obs("admin.units", 7, unit_kind="township"),
            obs("forces.regular_police_units", 8, unit_kind="township"),
        ]
        assert len(check_rule(rule, figures)) == 0


class TestFramesWithoutARuleSIndicators:
    """`check_rules` passes over a (place, period) that has none of a rule's indicators
    only when the rule could find nothing there: the findings are those of running it
    on every frame."""

    CONDITIONS = (
        "tips.valuable <= tips.received",
        "tips.valuable <= tips.received + 5",
        "tips.valuable <= 5",
        "requires(tips.valuable, tips.received)",
        "compulsory_pair(tips.valuable, tips.received)",
        "exclusive_pair(tips.valuable, tips.received)",
        "crime.cases_solved <= crime.cases_occurred",
    )

    @pytest.mark.parametrize("condition", CONDITIONS)
    @pytest.mark.parametrize(
        "missing", ["skip_if_any_missing", "skip_if_all_missing", "never_skip"]
    )
    def test_the_same_findings_as_every_frame_run(
        self, condition: str, missing: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from antq_domain.analysis import validation

        applies = {"category": None} if "crime" in condition else None
        rule = Rule.of("p.t", condition, vi="x", en="x", missing=missing, applies_to=applies)

        def obs(indicator: str, place: str, n: int, **dims: str) -> Observation:
            unit = {"crime": "case", "tips": "tip", "models": "model"}[
                indicator.split(".", maxsplit=1)[0]
            ]
            return Observation(
                indicator=indicator, place=place, period="2023", value=Quantity(n, unit), dims=dims
            )

        seen = [
            obs("tips.valuable", "62", 9),  # a frame with one side
            obs("tips.valuable", "608", 3),
            obs("tips.received", "608", 2),  # both sides, broken
            obs("models.active", "616", 4),  # a frame with none of them
            obs("crime.cases_solved", "610", 5, category="drugs"),
            obs("crime.cases_occurred", "610", 4, category="drugs"),
        ]
        found, whole = check_rules(seen, [rule]), validation.validate(seen, rules=[rule])
        monkeypatch.setattr(validation, "_silent_without_its_indicators", lambda _rule: False)
        assert found == check_rules(seen, [rule])
        assert whole == validation.validate(seen, rules=[rule])


def test_validate_pauses_the_collector_and_leaves_it_as_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from antq_domain.analysis import validation

    seen: list[bool] = []
    real = validation._conflict_findings

    def spy(observations: object) -> object:
        seen.append(gc.isenabled())
        return real(observations)  # type: ignore[arg-type]

    monkeypatch.setattr(validation, "_conflict_findings", spy)
    obs = [
        Observation(indicator="tips.received", place="62", period="2023", value=Quantity(3, "tip"))
    ]
    assert validation.validate(obs).ok
    assert seen == [False]
    assert gc.isenabled()
