"""DataFrames of tidy rows: dtypes, exactness, missing values, optional imports."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import antq_domain as aq
from antq_domain.errors import AntqTypeError, AntqValueError
from antq_domain.frames import (
    HasTidyRows,
    MissingExtraError,
    columns,
    tidy_rows_of,
    to_pandas,
    to_polars,
)
from antq_domain.io.rows import from_tidy, tidy
from antq_domain.records.observation import Observation
from antq_domain.records.report import MovementReport
from antq_domain.strategies import observations, reports
from antq_domain.values import NOT_REPORTED, Quantity, Withheld

ROOT = Path(__file__).resolve().parents[1]
KON_TUM = ROOT / "examples" / "data" / "kon-tum-2023.json"


@pytest.fixture(scope="module")
def report() -> MovementReport:
    return aq.load_report(KON_TUM)


def _obs(indicator: str, value: Any, period: str = "2023", **dims: str) -> Observation:
    return Observation(indicator=indicator, place="62", period=period, value=value, dims=dims)


class TestDtypes:
    def test_codes_are_categories(self, report: MovementReport) -> None:
        df = to_pandas(report)
        for name in ("indicator", "place", "qualifier", "status", "unit", "dim_scope"):
            assert isinstance(df[name].dtype, pd.CategoricalDtype), name

    def test_closed_codelists_are_the_categories(self, report: MovementReport) -> None:
        df = to_pandas(report)
        assert list(df["qualifier"].cat.categories) == [q.value for q in aq.Qualifier]
        assert "kilogram" in df["unit"].cat.categories  # unused units are still categories

    def test_counts_are_nullable_int64(self, report: MovementReport) -> None:
        df = to_pandas(report)
        assert str(df["count"].dtype) == "Int64"
        first = df[df["indicator"] == "tips.received"].iloc[0]
        assert first["count"] == 726

    def test_text_columns_are_strings(self, report: MovementReport) -> None:
        df = to_pandas(report)
        assert str(df["quote"].dtype) == "string"

    def test_periods_are_ordered_in_time(self) -> None:
        obs = [_obs("tips.received", Quantity(1, "tip"), p) for p in ("2023", "2021Q4", "2022")]
        df = to_pandas(obs)
        assert df["period"].cat.ordered
        assert list(df["period"].cat.categories) == ["2021Q4", "2022", "2023"]
        assert df.sort_values("period")["period"].tolist() == ["2021Q4", "2022", "2023"]

    def test_one_row_per_observation(self, report: MovementReport) -> None:
        assert len(to_pandas(report)) == len(report.observations)

    def test_dimension_columns_sit_between_unit_and_source(self, report: MovementReport) -> None:
        cols = list(to_pandas(report).columns)
        dims = [c for c in cols if c.startswith("dim_")]
        assert dims == sorted(dims)
        assert cols.index("unit") < cols.index(dims[0]) < cols.index("source")

    def test_empty_input_has_the_fixed_columns(self) -> None:
        df = to_pandas([])
        assert list(df.columns)[:5] == ["indicator", "place", "period", "value", "count"]
        assert len(df) == 0


class TestExactValues:
    def test_decimal_units_keep_decimals(self) -> None:
        df = to_pandas([_obs("weapons.explosives", Quantity(Decimal("13.85"), "kilogram"))])
        value: object = df["value"].tolist()[0]
        assert value == Decimal("13.85")
        assert isinstance(value, Decimal)
        assert df["count"].isna().all()  # a kilogram amount is not a count

    def test_the_exact_sum_of_the_value_column(self, report: MovementReport) -> None:
        df = to_pandas(report)
        parts = df[df["unit"] == "participation"]["value"]
        assert sum(parts) == 145410 + 81417 + 274045

    def test_lossy_float_column_only_on_request(self) -> None:
        obs = [_obs("weapons.explosives", Quantity(Decimal("13.85"), "kilogram"))]
        assert "value_float" not in to_pandas(obs).columns
        df = to_pandas(obs, lossy_float=True)
        assert str(df["value_float"].dtype) == "Float64"
        assert df.loc[0, "value_float"] == pytest.approx(13.85)

    @pytest.mark.parametrize(
        "value",
        [
            NOT_REPORTED,  # not reported
            Withheld("classified"),  # withheld, with its reason
        ],
    )
    def test_missing_is_never_zero(self, value: Any) -> None:
        df = to_pandas([_obs("tips.received", value)], lossy_float=True)
        assert df.loc[0, "value"] is None
        assert df["count"].isna().all()
        assert df["value_float"].isna().all()
        assert df.loc[0, "status"] != "reported"

    def test_reason_of_a_withheld_figure(self) -> None:
        df = to_pandas([_obs("tips.received", Withheld("classified"))])
        assert df.loc[0, "reason"] == "classified"


class TestRoundTrip:
    @given(st.lists(observations(), max_size=6))
    def test_frame_rows_give_back_the_observations(self, obs: list[Observation]) -> None:
        """Law: from_tidy(rows of to_pandas(x)) == x, so the frame loses nothing."""
        df = to_pandas(obs)
        rows: list[dict[str, Any]] = []
        for record in df.to_dict("records"):
            row: dict[str, Any] = {}
            for key, value in record.items():
                if key == "count" or value is None or value is pd.NA:
                    continue
                if isinstance(value, float):  # NaN in an absent dimension column
                    continue
                row[str(key)] = format(value, "f") if isinstance(value, Decimal) else value
            rows.append(row)
        assert from_tidy(rows) == obs

    @given(reports(max_observations=4, max_records=1))
    def test_count_column_equals_the_int_values(self, report: MovementReport) -> None:
        """Law: where ``count`` is set it equals ``value``; it is <NA> only off counts."""
        df = to_pandas(report)
        for value, count, unit in zip(df["value"], df["count"], df["unit"], strict=True):
            if count is pd.NA:
                assert value is None or isinstance(value, Decimal) or unit is None
            else:
                assert value == count


class _Rows:
    def __init__(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self._rows = rows

    def tidy_rows(self) -> Sequence[Mapping[str, Any]]:
        return self._rows


class _PlainRows:
    def rows(self) -> list[dict[str, Any]]:
        return [{"indicator": "tips.received", "place": "62", "period": "2023", "value": 1}]


class TestSources:
    def test_report_observations_and_rows_agree(self, report: MovementReport) -> None:
        a = to_pandas(report)
        b = to_pandas(list(report.observations))
        c = to_pandas(tidy(report))
        pd.testing.assert_frame_equal(a, b)
        pd.testing.assert_frame_equal(a, c)

    def test_an_object_with_tidy_rows(self, report: MovementReport) -> None:
        result = _Rows(tidy(report))
        assert isinstance(result, HasTidyRows)
        assert len(to_pandas(result)) == len(report.observations)

    def test_an_object_with_rows(self) -> None:
        assert tidy_rows_of(_PlainRows())[0]["value"] == 1

    @pytest.mark.parametrize(
        "bad",
        [
            42,  # not a collection
            "tips.received",  # a string is not a list of rows
            {"indicator": "tips.received"},  # one row, not a list of rows
            [1, 2],  # a list of neither observations nor rows
        ],
    )
    def test_other_inputs_are_refused(self, bad: object) -> None:
        with pytest.raises(AntqTypeError) as info:
            tidy_rows_of(bad)
        assert info.value.field == "x"

    @pytest.mark.parametrize(
        "row",
        [
            {"value": 1.5},  # a float would lie about the figure
            {"value": True},  # a boolean is not a figure
            {"value": "abc"},  # text that is not a number
            {"value": "NaN", "unit": "kilogram"},  # not a finite decimal
            {"value": [1]},  # not a scalar
            {"value": 2**63, "unit": "tip"},  # beyond the Int64 column
        ],
    )
    def test_bad_values_are_refused(self, row: dict[str, Any]) -> None:
        base = {"indicator": "tips.received", "place": "62", "period": "2023"}
        with pytest.raises(AntqValueError) as info:
            to_pandas([{**base, **row}])
        assert info.value.field == "value"

    def test_decimal_text_of_a_count_is_an_int(self) -> None:
        df = to_pandas([{"indicator": "tips.received", "value": "726", "unit": "tip"}])
        value: object = df["value"].tolist()[0]
        assert value == 726
        assert isinstance(value, int)

    def test_labels(self, report: MovementReport) -> None:
        df = to_pandas(report, labels="vi")
        assert columns(tidy(report))[0] == "indicator"
        assert list(df.columns)[1] == "indicator_label"
        valuable = df[df["indicator"] == "tips.valuable"]["indicator_label"].iloc[0]
        assert valuable == "nguồn tin có giá trị"

    def test_unknown_indicators_have_no_label(self) -> None:
        df = to_pandas([{"indicator": "local.pacts", "value": 1}], labels="en")
        assert df["indicator_label"].isna().all()


class TestPolars:
    def test_dtypes(self, report: MovementReport) -> None:
        df = to_polars(report)
        assert df.schema["count"] == pl.Int64
        assert df.schema["value"] == pl.String
        assert isinstance(df.schema["qualifier"], pl.Enum)
        assert df.schema["indicator"] == pl.Categorical
        assert df.height == len(report.observations)

    def test_exact_text_values(self) -> None:
        df = to_polars([_obs("weapons.explosives", Quantity(Decimal("13.85"), "kilogram"))])
        assert df["value"].to_list() == ["13.85"]
        assert df["count"].to_list() == [None]


class TestOptionalImports:
    def test_import_antq_domain_imports_no_dataframe_library(self) -> None:
        code = (
            "import sys, antq_domain, antq_domain.records, antq_domain.io;"
            "import antq_domain.frames, antq_domain.charts;"
            "print(sorted(m for m in ('pandas', 'polars', 'matplotlib', 'numpy')"
            " if m in sys.modules))"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        )
        assert out.stdout.strip() == "[]"

    def test_missing_pandas_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(MissingExtraError) as info:
            to_pandas([])
        assert isinstance(info.value, ImportError)
        assert "pip install 'antq-domain[pandas]'" in str(info.value)
        assert info.value.extra == "pandas"

    def test_missing_polars_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "polars", None)
        with pytest.raises(ImportError, match=r"antq-domain\[polars\]"):
            to_polars([])

    def test_the_error_pickles(self) -> None:
        import pickle

        err = MissingExtraError("to_pandas", "pandas", "pandas")
        assert str(pickle.loads(pickle.dumps(err))) == str(err)  # noqa: S301 - our own object
