"""Pure analysis over observations and reports: rollups, ratios, combine, compare, rules.

Layer 3 of the library: pure functions taking everything they need as
arguments (the register, ``as_of``), returning frozen attrs results.

Example:
    >>> from antq_domain.analysis import ratio_of_sums
    >>> from antq_domain.values import Quantity
    >>> ratio_of_sums([(Quantity(655, "tip"), Quantity(726, "tip"))]).format("vi")
    '90,2% (655/726)'
"""

from antq_domain.analysis.aggregation import (
    MEAN_OF_RATIOS_WARNING,
    Allocation,
    MeanOfRatios,
    MissingStrategy,
    Note,
    RatioCell,
    RolledCell,
    Rollup,
    View,
    mean_of_ratios,
    ratio_of_sums,
    rollup,
)
from antq_domain.analysis.comparison import (
    Change,
    Combined,
    Comparison,
    Conflict,
    RatioChange,
    combine,
    compare,
)
from antq_domain.analysis.evaluation import (
    EVALUATION_CODES,
    CommuneSafetyFacts,
    Evaluation,
    EvaluationCode,
    EvaluationConfig,
    Scorecard,
    ScoreCell,
    Submissions,
    Target,
    assess_safety_standard,
    check_completeness,
    classify_movement,
    evaluate,
)
from antq_domain.analysis.expressions import (
    Expression,
    ExpressionError,
    Operator,
    Outcome,
    compare_intervals,
)
from antq_domain.analysis.findings import (
    FINDING_CODES,
    CodeSpec,
    Finding,
    FindingCode,
    Findings,
    Ref,
    Severity,
    code_spec,
    finding_codes,
)
from antq_domain.analysis.rules import (
    Breakdown,
    Importance,
    MissingValueStrategy,
    Rule,
    default_breakdowns,
    default_rules,
)
from antq_domain.analysis.validation import (
    check_records,
    check_rule,
    check_rules,
    check_totals,
    find_conflicts,
    validate,
)

__all__ = [
    # aggregation (aggregation.py)
    "MEAN_OF_RATIOS_WARNING",
    "Allocation",
    "MeanOfRatios",
    "MissingStrategy",
    "Note",
    "RatioCell",
    "RolledCell",
    "Rollup",
    "View",
    "mean_of_ratios",
    "ratio_of_sums",
    "rollup",
    # combining and comparing (comparison.py)
    "Change",
    "Combined",
    "Comparison",
    "Conflict",
    "RatioChange",
    "combine",
    "compare",
    # evaluation (the evaluation subpackage)
    "EVALUATION_CODES",
    "CommuneSafetyFacts",
    "Evaluation",
    "EvaluationCode",
    "EvaluationConfig",
    "ScoreCell",
    "Scorecard",
    "Submissions",
    "Target",
    "assess_safety_standard",
    "check_completeness",
    "classify_movement",
    "evaluate",
    # findings (findings.py)
    "FINDING_CODES",
    "CodeSpec",
    "Finding",
    "FindingCode",
    "Findings",
    "Ref",
    "Severity",
    "code_spec",
    "finding_codes",
    # expressions and conditions (expressions.py)
    "Expression",
    "ExpressionError",
    "Operator",
    "Outcome",
    "compare_intervals",
    # rules as data (rules.py)
    "Breakdown",
    "Importance",
    "MissingValueStrategy",
    "Rule",
    "default_breakdowns",
    "default_rules",
    # validation (validation.py)
    "check_records",
    "check_rule",
    "check_rules",
    "check_totals",
    "find_conflicts",
    "validate",
]
