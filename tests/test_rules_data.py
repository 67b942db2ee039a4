"""The standard rules are data (data/rules.toml), read with the rules' own checks."""

from __future__ import annotations

import pytest

from antq_domain.analysis import rules as rules_module
from antq_domain.analysis.rules import default_rules
from antq_domain.errors import AntqError, ParseError


def test_every_row_of_the_file_is_a_default_rule() -> None:
    standard = rules_module._standard_rules()
    assert len(standard) == 7
    ids = {r.id for r in default_rules()}
    assert {r.id for r in standard} <= ids
    by_id = {r.id: r for r in standard}
    assert by_id["safety_standard.meeting_le_assessed"].applies_to == {
        "unit_kind": None,
        "managed_by": None,
    }
    assert by_id["crime.solved_le_occurred"].importance.value == "low"


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ({"id": "a.b", "condition": "a.b <= c.d", "vi": "x", "en": "x", "note": "?"}, "rule 1"),
        ({"id": "a.b", "vi": "x", "en": "x"}, "rule 1.condition"),
        (
            {"id": "a.b", "condition": "a.b <= c.d", "vi": "x", "en": "x", "applies_to": "k"},
            "rule 1.applies_to",
        ),
        (["not", "a", "table"], "rule 1"),
    ],
)
def test_a_bad_row_names_itself(row: object, field: str) -> None:
    with pytest.raises(ParseError) as err:
        rules_module._rule_row(0, row)
    assert err.value.field == f"{rules_module.RULES_FILE}: {field}"


def test_a_bad_condition_is_the_rules_own_error() -> None:
    with pytest.raises(AntqError):
        rules_module._rule_row(0, {"id": "a.b", "condition": "a.b <=", "vi": "x", "en": "x"})
