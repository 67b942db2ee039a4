"""Labels, units, qualifiers, quantities and missing-value markers."""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from antq_domain import strategies as aqst
from antq_domain.errors import (
    AntqError,
    AntqTypeError,
    InvariantError,
    ParseError,
    RecordError,
    UnitMismatchError,
    UnknownCodeError,
)
from antq_domain.records._base import Record
from antq_domain.values import (
    NOT_APPLICABLE,
    NOT_REPORTED,
    Interval,
    Label,
    Missing,
    NotApplicable,
    NotReported,
    Qualifier,
    Quantity,
    Unit,
    Value,
    Withheld,
    join_qualifiers,
    sum_quantities,
)

Q = Qualifier


class TestLabel:
    def test_nfd_input_is_stored_nfc(self) -> None:
        nfd = unicodedata.normalize("NFD", "Phường Kon Tum")
        assert nfd != "Phường Kon Tum"
        assert Label(vi=nfd, en="Kon Tum ward").vi == "Phường Kon Tum"

    @pytest.mark.parametrize(
        ("vi", "en", "error", "field"),
        [
            ("", "tip", InvariantError, "label.vi"),  # empty Vietnamese
            ("tin", "   ", InvariantError, "label.en"),  # blank English
            (None, "tip", AntqTypeError, "label.vi"),  # not a str
            ("tin", 3, AntqTypeError, "label.en"),  # not a str
        ],
    )
    def test_bad_labels(self, vi: Any, en: Any, error: type[AntqError], field: str) -> None:
        with pytest.raises(error) as info:
            Label(vi=vi, en=en)
        assert info.value.field == field  # type: ignore[attr-defined]

    @given(aqst.labels())
    def test_labels_from_strategy_are_valid(self, label: Label) -> None:
        assert label.vi.strip()
        assert label.en.strip()
        assert unicodedata.is_normalized("NFC", label.vi)


class TestQualifierJoin:
    """Law 5: qualifier join is associative, commutative, with ``exact`` as identity."""

    @given(aqst.qualifiers(), aqst.qualifiers(), aqst.qualifiers())
    def test_associative(self, a: Qualifier, b: Qualifier, c: Qualifier) -> None:
        assert a.combine(b).combine(c) == a.combine(b.combine(c))

    @given(aqst.qualifiers(), aqst.qualifiers())
    def test_commutative(self, a: Qualifier, b: Qualifier) -> None:
        assert a.combine(b) == b.combine(a)

    @given(aqst.qualifiers())
    def test_exact_is_identity_and_join_is_idempotent(self, a: Qualifier) -> None:
        assert a.combine(Q.EXACT) == a == Q.EXACT.combine(a)
        assert a.combine(a) == a

    @pytest.mark.parametrize(
        ("a", "b", "joined"),
        [
            (Q.EXACT, Q.MORE_THAN, Q.MORE_THAN),  # a "hơn" part makes the total "hơn"
            (Q.AT_LEAST, Q.AT_MOST, Q.APPROXIMATELY),  # bounds on both sides: no bound
            (Q.APPROXIMATELY, Q.EXACT, Q.APPROXIMATELY),  # approximately absorbs
            (Q.AT_MOST, Q.AT_MOST, Q.AT_MOST),
            (Q.AT_LEAST, Q.MORE_THAN, Q.MORE_THAN),  # strict wins on one side
            (Q.LESS_THAN, Q.AT_MOST, Q.LESS_THAN),
            (Q.MORE_THAN, Q.LESS_THAN, Q.APPROXIMATELY),
            (Q.MORE_THAN, Q.AT_MOST, Q.APPROXIMATELY),
        ],
    )
    def test_table(self, a: Qualifier, b: Qualifier, joined: Qualifier) -> None:
        assert a.combine(b) is joined
        assert join_qualifiers([a, b]) is joined

    def test_flipped_swaps_bounds(self) -> None:
        assert [q.flipped() for q in Q] == [
            Q.EXACT,
            Q.AT_MOST,
            Q.AT_LEAST,
            Q.APPROXIMATELY,
            Q.LESS_THAN,
            Q.MORE_THAN,
        ]


class TestUnit:
    def test_every_unit_has_labels_and_a_counter(self) -> None:
        for unit in Unit:
            assert unit.label.vi
            assert unit.label.en
            assert unit.counter_vi

    def test_unknown_unit(self) -> None:
        with pytest.raises(UnknownCodeError) as info:
            Unit.parse("bottle")
        assert info.value.field == "unit"
        assert isinstance(info.value, KeyError)


class TestQuantity:
    def test_seed_figure(self) -> None:
        q = Quantity(145410, Unit.PARTICIPATION, Q.MORE_THAN)
        assert q.format("vi") == "hơn 145.410 lượt người"
        assert str(q) == ">145410 participation"
        inclusive = Quantity(145410, Unit.PARTICIPATION, Q.AT_LEAST)
        assert inclusive.format("vi") == "ít nhất 145.410 lượt người"
        assert str(inclusive) == ">=145410 participation"

    @given(aqst.quantities(units=aqst.units()))
    def test_parse_is_inverse_of_str(self, q: Quantity) -> None:
        """Law 6 for quantities: ``parse(str(q)) == q``."""
        assert Quantity.parse(str(q)) == q

    @given(aqst.quantities(), st.data())
    def test_sum_qualifier_is_the_join(self, a: Quantity, data: st.DataObject) -> None:
        b = data.draw(aqst.quantities(units=st.just(a.unit)))
        total = a + b
        assert total.amount == a.amount + b.amount
        assert total.qualifier == a.qualifier.combine(b.qualifier)
        assert total.unit is a.unit

    @given(aqst.quantities(), aqst.quantities())
    def test_different_units_never_add(self, a: Quantity, b: Quantity) -> None:
        if a.unit is b.unit:
            assert (a + b).unit is a.unit
        else:
            with pytest.raises(UnitMismatchError) as info:
                a + b
            assert info.value.field == "unit"

    def test_percentages_never_add(self) -> None:
        p = Quantity(Decimal("93"), Unit.PERCENT)
        with pytest.raises(UnitMismatchError, match="percentages never add"):
            p + p
        with pytest.raises(UnitMismatchError):
            sum_quantities([p], Unit.PERCENT)

    @given(st.lists(aqst.quantities(units=st.just(Unit.TIP)), max_size=6))
    def test_sum_is_order_independent_and_empty_is_zero(self, qs: list[Quantity]) -> None:
        assert sum_quantities(qs, "tip") == sum_quantities(reversed(qs), "tip")
        assert sum_quantities([], "tip") == Quantity(0, "tip")

    def test_decimal_units_keep_exact_decimals(self) -> None:
        q = Quantity(Decimal("13.85"), "kilogram")
        assert q + Quantity(Decimal("0.15"), "kilogram") == Quantity(Decimal("14.00"), "kilogram")
        assert Quantity(5, "kilogram").amount == Decimal(5)

    @pytest.mark.parametrize(
        ("amount", "unit", "error", "field"),
        [
            (1.5, "tip", AntqTypeError, "amount"),  # float refused, even for whole numbers
            (2.0, "kilogram", AntqTypeError, "amount"),  # float refused for decimal units too
            (True, "tip", AntqTypeError, "amount"),  # bool is not a count
            ("12", "tip", AntqTypeError, "amount"),  # text is not a count
            (-1, "tip", InvariantError, "amount"),  # negative
            (Decimal("1.5"), "tip", InvariantError, "amount"),  # decimals in a count
            (Decimal("NaN"), "kilogram", InvariantError, "amount"),  # not finite
            (3, "bottle", UnknownCodeError, "unit"),  # unknown unit code
            (3, 7, AntqTypeError, "unit"),  # unit of the wrong type
        ],
    )
    def test_bad_quantities(
        self, amount: Any, unit: Any, error: type[AntqError], field: str
    ) -> None:
        with pytest.raises(error) as info:
            Quantity(amount, unit)
        assert info.value.field == field  # type: ignore[attr-defined]

    @pytest.mark.parametrize(
        ("text", "error", "field"),
        [
            ("", ParseError, "quantity"),  # empty
            # Vietnamese grouping is not the canonical form: "145.410" reads as a decimal
            ("145.410 participation", InvariantError, "amount"),
            (">>145410 participation", ParseError, "quantity"),  # '>>' is not a qualifier prefix
            ("12 apples", UnknownCodeError, "unit"),  # unknown unit
            ("1.5 tip", InvariantError, "amount"),  # decimals in a count
            ("-3 tip", ParseError, "quantity"),  # negative
        ],
    )
    def test_bad_text(self, text: str, error: type[AntqError], field: str) -> None:
        with pytest.raises(error) as info:
            Quantity.parse(text)
        assert info.value.field == field  # type: ignore[attr-defined]

    def test_bounds(self) -> None:
        assert Quantity(5, "tip").bounds() == Interval(5, 5)
        assert Quantity(5, "tip", "at_least").bounds() == Interval(5, None)
        assert Quantity(5, "tip", "at_most").bounds() == Interval(0, 5)
        assert Quantity(5, "tip", "approximately").bounds() == Interval(0, None)


class TestMissing:
    def test_markers_are_distinct_from_each_other_and_from_zero(self) -> None:
        markers: list[object] = [NOT_REPORTED, NOT_APPLICABLE, Withheld("classified")]
        for i, a in enumerate(markers):
            assert a != 0
            assert a != Quantity(0, "tip")
            for j, b in enumerate(markers):
                assert (a == b) == (i == j)
        assert Withheld("a") != Withheld("b")
        assert NotReported() == NOT_REPORTED
        assert NotApplicable() == NOT_APPLICABLE


class _Holder(Record):
    value: Value
    label: Label


class TestPydanticIntegration:
    @given(
        st.one_of(aqst.quantities(), aqst.missing_values()),
        aqst.labels(),
    )
    def test_json_round_trip(self, value: Quantity | Missing, label: Label) -> None:
        rec = _Holder(value=value, label=label)
        assert _Holder.model_validate_json(rec.model_dump_json()) == rec

    def test_wire_form(self) -> None:
        rec = _Holder(
            value=Quantity(Decimal("13.85"), "kilogram"), label=Label(vi="pháo", en="firecrackers")
        )
        assert json.loads(rec.model_dump_json())["value"] == {
            "amount": "13.85",
            "unit": "kilogram",
            "qualifier": "exact",
        }

    @pytest.mark.parametrize(
        ("value", "location"),
        [
            ({"amount": 1.5, "unit": "tip"}, "value"),  # float amount
            ({"amount": 3, "unit": "tip", "colour": "red"}, "value"),  # unknown key
            ({"amount": "nhiều", "unit": "tip"}, "value"),  # text where a count belongs
            ({"status": "withheld"}, "value"),  # withheld without a reason
        ],
    )
    def test_bad_wire_values_name_the_field(self, value: Any, location: str) -> None:
        with pytest.raises(RecordError) as info:
            _Holder.model_validate({"value": value, "label": {"vi": "a", "en": "b"}})
        assert info.value.problems
        assert len(info.value.problems) == 1, info.value.problems
        assert all(loc.startswith(location) for loc, _ in info.value.problems)

    def test_json_schema_is_closed_and_described(self) -> None:
        schema = _Holder.model_json_schema()
        text = json.dumps(schema)
        assert ">>>" not in text  # examples stay out of the schema
        branches = schema["properties"]["value"]["oneOf"]
        quantity = next(s for s in branches if s.get("title") == "Quantity")
        assert quantity["additionalProperties"] is False
        assert quantity["required"] == ["amount", "unit"]
