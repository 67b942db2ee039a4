"""Reports and observations on disk; tidy rows; the report schema (law 7)."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antq_domain import strategies as aqst
from antq_domain.errors import RecordError
from antq_domain.io import (
    TIDY_KEYS,
    dump_report,
    from_tidy,
    load_report,
    read_observations,
    report_schema,
    tidy,
    write_observations,
)
from antq_domain.records import MovementReport, Observation
from antq_domain.values import NOT_REPORTED, Quantity, Withheld

_SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


class TestJsonRoundTrip:
    """Law 7: the JSON round trip of any valid report is the identity."""

    @_SLOW
    @given(aqst.reports())
    def test_model_json_round_trip(self, report: MovementReport) -> None:
        assert MovementReport.model_validate_json(report.model_dump_json()) == report

    @_SLOW
    @given(aqst.reports(max_observations=3, max_records=1))
    def test_file_round_trip(self, report: MovementReport) -> None:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            path = dump_report(report, Path(tmp) / "r.json")
            assert load_report(path) == report


class TestTidy:
    """``from_tidy(tidy(x))`` gives back equal observations."""

    @given(st.lists(aqst.observations(), max_size=10))
    def test_from_tidy_inverts_tidy(self, observations: list[Observation]) -> None:
        assert from_tidy(tidy(observations)) == observations

    @given(st.lists(aqst.observations(), max_size=6))
    def test_rows_use_only_the_contract_keys(self, observations: list[Observation]) -> None:
        for row in tidy(observations):
            assert all(k in TIDY_KEYS or k.startswith("dim_") for k in row)

    @given(aqst.reports(max_observations=5, max_records=0))
    def test_report_rows_are_its_observations(self, report: MovementReport) -> None:
        assert from_tidy(tidy(report)) == list(report.observations)

    @pytest.mark.parametrize(
        ("row", "needle"),
        [
            ({"place": "62", "period": "2023", "value": 1}, "missing key 'indicator'"),
            (
                {"indicator": "tips.received", "place": "62", "period": "2023", "value": "nhiều"},
                "value='nhiều'",
            ),  # a count given as text
            (
                {"indicator": "tips.received", "place": "62", "period": "2023", "value": 1.0},
                "never a float",
            ),
            (
                {"indicator": "tips.received", "place": "62", "period": "2023", "value": None},
                "value=None",
            ),  # missing without a status is not zero
            (
                {
                    "indicator": "tips.received",
                    "place": "62",
                    "period": "2023",
                    "value": 5,
                    "status": "not_reported",
                },
                "expected no value",
            ),
            (
                {
                    "indicator": "tips.received",
                    "place": "62",
                    "period": "2023",
                    "value": None,
                    "status": "withheld",
                },
                "reason=None",
            ),
            (
                {
                    "indicator": "tips.received",
                    "place": "62",
                    "period": "2023",
                    "value": 5,
                    "unit": "case",
                },
                "unit='case'",
            ),
            (
                {
                    "indicator": "tips.received",
                    "place": "62",
                    "period": "2023",
                    "value": 5,
                    "qualifier": "more",
                },
                "qualifier='more'",
            ),
            (
                {
                    "indicator": "tips.received",
                    "place": "62",
                    "period": "2023",
                    "value": 5,
                    "dim_form": "order",
                },
                "dims",
            ),  # a dimension the indicator doesn't have
            (
                {"indicator": "tips.recieved", "place": "62", "period": "2023", "value": 5},
                "tips.recieved",
            ),  # unknown indicator, with a suggestion
            (
                {"indicator": "tips.received", "place": "62", "period": "2023Q5", "value": 5},
                "period",
            ),
        ],
    )
    def test_bad_rows_name_row_and_key(self, row: dict[str, Any], needle: str) -> None:
        with pytest.raises(RecordError) as info:
            from_tidy(
                [{"indicator": "tips.received", "place": "62", "period": "2023", "value": 1}, row]
            )
        ((location, message),) = info.value.problems
        assert location.startswith("row 2")
        assert needle in location + " " + message

    def test_missing_markers_travel(self) -> None:
        obs = [
            Observation(indicator="tips.received", place="62", period="2023", value=NOT_REPORTED),
            Observation(
                indicator="tips.valuable",
                place="62",
                period="2023",
                value=Withheld("under investigation"),
            ),
        ]
        rows = tidy(obs)
        assert [r["status"] for r in rows] == ["not_reported", "withheld"]
        assert rows[1]["reason"] == "under investigation"
        assert all(r["value"] is None for r in rows)
        assert from_tidy(rows) == obs


class TestFiles:
    @pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
    @settings(max_examples=30)
    @given(observations=st.lists(aqst.observations(), max_size=8))
    def test_write_then_read(
        self,
        tmp_path_factory: pytest.TempPathFactory,
        suffix: str,
        observations: list[Observation],
    ) -> None:
        path = tmp_path_factory.mktemp("obs") / f"o{suffix}"
        write_observations(observations, path)
        assert read_observations(path) == observations

    def test_jsonl_decimals_stay_exact(self, tmp_path: Path) -> None:
        path = tmp_path / "o.jsonl"
        path.write_text(
            '{"indicator": "weapons.firecrackers", "place": "31@2025-06-30", "period": "2020Q2",'
            ' "value": 13.85}\n',
            encoding="utf-8",
        )
        (obs,) = read_observations(path)
        assert obs.value == Quantity(Decimal("13.85"), "kilogram")

    def test_csv_errors_from_all_rows_are_gathered(self, tmp_path: Path) -> None:
        path = tmp_path / "o.csv"
        path.write_text(
            "indicator,place,period,value,colour\n"
            "tips.received,62,2023,abc,\n"
            "tips.valuable,62,2023,-5,red\n",
            encoding="utf-8",
        )
        with pytest.raises(RecordError) as info:
            read_observations(path)
        # the unknown column is named once, on the header line, and hides no row's problem
        assert [loc for loc, _ in info.value.problems] == ["line 1", "row 1", "row 2"]

    def test_unknown_suffix(self, tmp_path: Path) -> None:
        with pytest.raises(ValueError, match="path="):
            read_observations(tmp_path / "o.xls")


class TestSchema:
    def test_schema_is_closed_and_2020_12(self) -> None:
        schema = report_schema()
        assert schema["$schema"].endswith("2020-12/schema")
        text = json.dumps(schema)
        assert ">>>" not in text

    def test_report_errors_name_the_field(self, tmp_path: Path) -> None:
        path = tmp_path / "r.json"
        path.write_text(
            json.dumps(
                {
                    "issuer": "x",
                    "place": "62",
                    "period": "2023",
                    "as_of": "2024-01-01",
                    "observations": [
                        {
                            "indicator": "tips.valuable",
                            "place": "62",
                            "period": "2023",
                            "value": {"amount": "nhiều", "unit": "tip"},
                        }
                    ],
                    "colour": "red",
                }
            ),
            encoding="utf-8",
        )
        with pytest.raises(RecordError) as info:
            load_report(path)
        locations = [loc for loc, _ in info.value.problems]
        assert "colour" in locations
        assert any(loc.startswith("observations.0.value") for loc in locations)

    def test_as_of_before_period_is_refused(self) -> None:
        with pytest.raises(RecordError) as info:
            MovementReport(issuer="x", place="62", period="2023", as_of=date(2022, 12, 31))
        assert info.value.problems[0][0] == "as_of"
