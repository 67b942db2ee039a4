"""Every figure of the corpus that INDICATORS.md had no code for has one now (issue 12).

``tests/data/null_facts.json`` lists each fact of ``../shared/corpus/*.canon.json``
whose ``indicator`` is null, with the code and dimensions the catalogue gives
it. The table is checked against the catalogue always; against the corpus
only where ``../shared`` sits beside the checkout (or ``ANTQ_SHARED`` names
it), since users of the library do not have it.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from antq_domain.records.indicators import catalogue
from antq_domain.records.observation import Observation
from antq_domain.values.quantity import Quantity

REPO = Path(__file__).resolve().parents[1]
TABLE = REPO / "tests" / "data" / "null_facts.json"
SHARED = Path(os.environ.get("ANTQ_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "corpus"

# The canon writes some units the catalogue does not have; the table holds the
# figure in the catalogue's unit (money is always in million đồng).
_CANON_UNITS = {"vnd_billion": ("vnd_million", 1000), "km2": ("square_kilometre", 1)}

_LEFT_OVER = Decimal("0.05")
"""At most this share of the corpus' null facts may stay without a code (issue 12)."""


def _table() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(TABLE.read_text(encoding="utf-8"))["facts"]
    return rows


def _row_id(row: dict[str, Any]) -> str:
    return f"{row['source']}:{row['quote'][:40]}"


@pytest.mark.parametrize("row", _table(), ids=_row_id)
def test_the_table_names_a_code_the_catalogue_accepts(row: dict[str, Any]) -> None:
    if row["code"] is None:
        assert row.get("reason"), "a fact left without a code says why"
        return
    ind = catalogue()[row["code"]]
    assert catalogue().check_dims(row["code"], row["dims"]) == row["dims"]
    assert ind.display_unit == row["unit"]
    # the figure can be stored as an observation of the code, as stated
    obs = Observation(
        indicator=row["code"],
        place="62",
        period="2023",
        value=Quantity(Decimal(row["value"]), row["unit"], row["qualifier"]),
        dims=row["dims"],
    )
    assert obs.indicator == row["code"]


def test_at_most_five_percent_of_the_table_is_left_without_a_code() -> None:
    rows = _table()
    left = [r for r in rows if r["code"] is None]
    assert len(rows) >= 49
    assert Decimal(len(left)) <= _LEFT_OVER * len(rows), [_row_id(r) for r in left]


def test_the_table_uses_codes_beyond_the_old_catalogue_and_its_totals_convention() -> None:
    rows = _table()
    codes = {r["code"] for r in rows}
    assert {"welfare.spending", "context.area", "weapons.ordnance"} <= codes
    # "42 lựu đạn, đầu đạn, bom mìn các loại" is a total over every kind of ordnance
    [ordnance] = [r for r in rows if r["code"] == "weapons.ordnance"]
    assert ordnance["dims"] == {"ordnance_kind": catalogue().dimension("ordnance_kind").total}


def _corpus_null_facts() -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for path in sorted(CORPUS.glob("*.canon.json")):
        stem = path.name.removesuffix(".canon.json")
        for fact in json.loads(path.read_text(encoding="utf-8"))["facts"]:
            if fact["indicator"] is None:
                out[(stem, fact["quote"])] = fact
    return out


@pytest.mark.skipif(
    not CORPUS.is_dir(),
    reason="compares the table with the maintainers' corpus of published reports, which is"
    " not part of the repository (ANTQ_SHARED may name the folder that holds a copy);"
    " nothing is wrong with your copy, and the table itself is still checked",
)
def test_every_null_fact_of_the_corpus_is_in_the_table_as_stated() -> None:
    facts = _corpus_null_facts()
    rows = {(r["source"], r["quote"]): r for r in _table()}
    assert facts, f"no null fact found under {CORPUS}"
    assert sorted(set(facts) - set(rows)) == [], "null facts of the corpus missing from the table"
    assert sorted(set(rows) - set(facts)) == [], "table rows that are no null fact of the corpus"
    for key, fact in facts.items():
        row = rows[key]
        unit, factor = _CANON_UNITS.get(fact["unit"], (fact["unit"], 1))
        assert (row["unit"], Decimal(row["value"]), row["qualifier"]) == (
            unit,
            Decimal(str(fact["value"])) * factor,
            fact["qualifier"],
        ), key
