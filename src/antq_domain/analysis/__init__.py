"""Pure analysis over observations and reports: rollups, ratios, combine, compare, rules.

Layer 3 of the library: pure functions taking everything they need as
arguments (the register, ``as_of``), returning frozen attrs results.

Example:
    >>> from antq_domain.analysis import ratio_of_sums
    >>> from antq_domain.values import Quantity
    >>> ratio_of_sums([(Quantity(655, "tip"), Quantity(726, "tip"))]).format("vi")
    '90,2% (655/726)'
"""

from typing import TYPE_CHECKING

from antq_domain._lazy import export_table, lazy_dir, lazy_getattr

if TYPE_CHECKING:  # pragma: no cover - read as data at run time, imported by type checkers
    # THE EXPORT TABLE of the analysis layer: each public name, once, imported from its home
    # module. At run time `_TABLE` is read from these lines and each name (or module) is
    # imported on first use (PEP 562): the bulk path, which needs only the rollup, does not
    # import evaluation, comparison and validation.
    # aggregation (aggregation.py)
    from antq_domain.analysis.aggregation import MEAN_OF_RATIOS_WARNING as MEAN_OF_RATIOS_WARNING
    from antq_domain.analysis.aggregation import Allocation as Allocation
    from antq_domain.analysis.aggregation import MeanOfRatios as MeanOfRatios
    from antq_domain.analysis.aggregation import MissingStrategy as MissingStrategy
    from antq_domain.analysis.aggregation import Note as Note
    from antq_domain.analysis.aggregation import RatioCell as RatioCell
    from antq_domain.analysis.aggregation import RolledCell as RolledCell
    from antq_domain.analysis.aggregation import Rollup as Rollup
    from antq_domain.analysis.aggregation import View as View
    from antq_domain.analysis.aggregation import mean_of_ratios as mean_of_ratios
    from antq_domain.analysis.aggregation import ratio_of_sums as ratio_of_sums
    from antq_domain.analysis.aggregation import rollup as rollup

    # combining and comparing (comparison.py)
    from antq_domain.analysis.comparison import Change as Change
    from antq_domain.analysis.comparison import Combined as Combined
    from antq_domain.analysis.comparison import Comparison as Comparison
    from antq_domain.analysis.comparison import Conflict as Conflict
    from antq_domain.analysis.comparison import RatioChange as RatioChange
    from antq_domain.analysis.comparison import combine as combine
    from antq_domain.analysis.comparison import compare as compare

    # evaluation (the evaluation subpackage)
    from antq_domain.analysis.evaluation import EVALUATION_CODES as EVALUATION_CODES
    from antq_domain.analysis.evaluation import CommuneSafetyFacts as CommuneSafetyFacts
    from antq_domain.analysis.evaluation import Evaluation as Evaluation
    from antq_domain.analysis.evaluation import EvaluationCode as EvaluationCode
    from antq_domain.analysis.evaluation import EvaluationConfig as EvaluationConfig
    from antq_domain.analysis.evaluation import Scorecard as Scorecard
    from antq_domain.analysis.evaluation import ScoreCell as ScoreCell
    from antq_domain.analysis.evaluation import Submissions as Submissions
    from antq_domain.analysis.evaluation import Target as Target
    from antq_domain.analysis.evaluation import assess_safety_standard as assess_safety_standard
    from antq_domain.analysis.evaluation import check_completeness as check_completeness
    from antq_domain.analysis.evaluation import classify_movement as classify_movement
    from antq_domain.analysis.evaluation import evaluate as evaluate

    # expressions and conditions (expressions.py)
    from antq_domain.analysis.expressions import Expression as Expression
    from antq_domain.analysis.expressions import ExpressionError as ExpressionError
    from antq_domain.analysis.expressions import Operator as Operator
    from antq_domain.analysis.expressions import Outcome as Outcome
    from antq_domain.analysis.expressions import compare_intervals as compare_intervals

    # findings (findings.py)
    from antq_domain.analysis.findings import FINDING_CODES as FINDING_CODES
    from antq_domain.analysis.findings import CodeSpec as CodeSpec
    from antq_domain.analysis.findings import Finding as Finding
    from antq_domain.analysis.findings import FindingCode as FindingCode
    from antq_domain.analysis.findings import Findings as Findings
    from antq_domain.analysis.findings import Ref as Ref
    from antq_domain.analysis.findings import Severity as Severity
    from antq_domain.analysis.findings import code_spec as code_spec
    from antq_domain.analysis.findings import finding_codes as finding_codes

    # rules as data (rules.py)
    from antq_domain.analysis.rules import Breakdown as Breakdown
    from antq_domain.analysis.rules import Importance as Importance
    from antq_domain.analysis.rules import MissingValueStrategy as MissingValueStrategy
    from antq_domain.analysis.rules import Rule as Rule
    from antq_domain.analysis.rules import default_breakdowns as default_breakdowns
    from antq_domain.analysis.rules import default_rules as default_rules

    # validation (validation.py)
    from antq_domain.analysis.validation import check_records as check_records
    from antq_domain.analysis.validation import check_rule as check_rule
    from antq_domain.analysis.validation import check_rules as check_rules
    from antq_domain.analysis.validation import check_totals as check_totals
    from antq_domain.analysis.validation import find_conflicts as find_conflicts
    from antq_domain.analysis.validation import validate as validate

_TABLE: dict[str, str] = export_table(__spec__, __name__)
"""Every public name of the analysis layer and its home module (the export table)."""

__all__ = list(_TABLE)

__getattr__ = lazy_getattr(__name__, _TABLE, globals(), submodules=True)
"""Import public names and modules on first use."""

__dir__ = lazy_dir(_TABLE, globals())
