"""Excel's files and habits are read as they are (issue 14, item 2).

"CSV UTF-8" starts with a byte-order mark; with Vietnamese regional
settings Excel separates cells with ``;``; "Text (Tab delimited)" uses
tabs; a ``value`` column typed by hand holds Vietnamese figures ("1.160").
The CSV fixtures are written the way Excel writes them (the csv module with
Excel's dialect, ``utf-8-sig`` for the mark).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import antq_domain as aq
from antq_domain.io.files import csv_delimiter

HEADER = ["indicator", "place", "period", "value", "qualifier"]
ROWS = [
    ["tips.received", "62", "2023", "726", "exact"],
    ["mobilisation.launch_campaigns", "62", "2023", "1.160", "exact"],
    ["mobilisation.launch_participants", "62", "2023", "145.410", "at_least"],
]


def _excel_csv(path: Path, rows: list[list[str]], *, delimiter: str, bom: bool) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh, dialect="excel", delimiter=delimiter)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


@pytest.mark.parametrize(
    ("delimiter", "bom"), [(",", True), (";", True), (";", False), ("\t", False)]
)
def test_excel_csv_is_read_as_saved(tmp_path: Path, delimiter: str, *, bom: bool) -> None:
    path = _excel_csv(tmp_path / "kt.csv", ROWS, delimiter=delimiter, bom=bom)
    obs = aq.read_observations(path)
    assert [o.indicator for o in obs] == [r[0] for r in ROWS]
    assert [o.value.amount for o in obs] == [726, 1160, 145410]  # type: ignore[union-attr]
    assert obs[2].value.qualifier.value == "at_least"  # type: ignore[union-attr]


def test_the_separator_is_stated_in_errors(tmp_path: Path) -> None:
    bad = [*ROWS, ["tips.received", "62", "2023", "abc", "exact"]]
    path = _excel_csv(tmp_path / "kt.csv", bad, delimiter=";", bom=True)
    with pytest.raises(aq.RecordError) as caught:
        aq.read_observations(path)
    problems = dict(caught.value.problems)
    assert "row 4" in problems
    assert problems["(file)"] == (
        "read as CSV with ';' between cells (found in the header line); "
        "a UTF-8 byte-order mark was skipped"
    )
    # and no error names the mark as part of a column
    assert "\ufeff" not in str(caught.value)


def test_csv_delimiter_reads_the_header() -> None:
    assert csv_delimiter("indicator;place;period;value\r\n1;2;3;4\r\n") == ";"
    assert csv_delimiter("indicator\tplace\tperiod\tvalue\n") == "\t"
    assert csv_delimiter("\ufeffindicator,place,period,value\n") == ","
    assert csv_delimiter("a;b\n") == ","  # no known column: the default


@pytest.mark.parametrize(
    ("text", "indicator", "amount"),
    [
        ("1.160", "mobilisation.launch_campaigns", 1160),
        ("1 160", "mobilisation.launch_campaigns", 1160),
        ("1160", "mobilisation.launch_campaigns", 1160),
        ("13,85", "weapons.firecrackers", "13.85"),
        ("13.85", "weapons.firecrackers", "13.85"),  # the wire form stays the wire form
        ("1.160,5", "weapons.firecrackers", "1160.5"),
    ],
)
def test_vietnamese_figures_in_a_text_value(text: str, indicator: str, amount: object) -> None:
    (obs,) = aq.from_tidy(
        [{"indicator": indicator, "place": "62", "period": "2023", "value": text}]
    )
    assert str(obs.value.amount) == str(amount)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,160", "expected a whole number of 'campaign'"),  # English thousands: ambiguous
        ("1,5", "expected a whole number of 'campaign'"),
        ("hơn 1.160", "put 'more_than' in the 'qualifier' key"),
        ("1e3", "expected a whole number of 'campaign'"),
    ],
)
def test_what_is_not_a_figure_of_the_unit_is_refused(text: str, expected: str) -> None:
    row = {"indicator": "mobilisation.launch_campaigns", "place": "62", "period": "2023"}
    with pytest.raises(aq.RecordError, match=expected.replace("(", r"\(")):
        aq.from_tidy([{**row, "value": text}])


# -- DataFrames ---------------------------------------------------------------------------

pd = pytest.importorskip("pandas")
pl = pytest.importorskip("polars")

KT = Path(__file__).resolve().parents[1] / "examples" / "data" / "kon-tum-2023.json"


def _blank_cell_frame() -> Any:
    # one blank cell: pandas makes the whole column float64
    return pd.DataFrame(
        {
            "indicator": ["tips.received", "tips.valuable", "tips.cases_solved"],
            "place": ["62", "62", "62"],
            "period": ["2023", "2023", "2023"],
            "value": [726, 655, None],
        }
    )


def test_from_pandas_reads_a_column_made_float_by_one_blank_cell() -> None:
    df = _blank_cell_frame()
    assert str(df["value"].dtype) == "float64"
    obs = aq.from_pandas(df)
    assert [str(o.value) for o in obs] == ["726 tip", "655 tip", "not_reported"]
    assert isinstance(obs[0].value.amount, int)  # type: ignore[union-attr]


def test_from_pandas_refuses_a_non_integral_float() -> None:
    df = pd.DataFrame(
        {
            "indicator": ["weapons.firecrackers"],
            "place": ["62"],
            "period": ["2023"],
            "value": [13.85],
        }
    )
    with pytest.raises(aq.RecordError, match=r"a float cannot hold a decimal figure exactly"):
        aq.from_pandas(df)


def test_to_pandas_and_back_and_to_polars_and_back() -> None:
    report = aq.load_report(KT)
    assert aq.from_pandas(aq.to_pandas(report)) == list(report.observations)
    assert aq.from_polars(aq.to_polars(report)) == list(report.observations)


def test_pd_na_and_polars_nulls_are_not_reported() -> None:
    df = _blank_cell_frame().astype({"value": "Int64"})
    assert [str(o.value) for o in aq.from_pandas(df)][-1] == "not_reported"
    frame = pl.DataFrame(
        {"indicator": ["tips.received"], "place": ["62"], "period": ["2023"], "value": [None]},
        schema={"indicator": pl.String, "place": pl.String, "period": pl.String, "value": pl.Int64},
    )
    assert [str(o.value) for o in aq.from_polars(frame)] == ["not_reported"]


@pytest.mark.parametrize("shape", ["pandas", "polars", "dicts"])
def test_rollup_compare_and_validate_take_tables(shape: str) -> None:
    from datetime import date

    report = aq.load_report(KT)
    makers: dict[str, Callable[[], object]] = {
        "pandas": lambda: aq.to_pandas(report),
        "polars": lambda: aq.to_polars(report),
        "dicts": lambda: aq.tidy(report),
    }
    table = makers[shape]()
    expected = aq.rollup(report, to="province", registry=aq.registry(), as_of=date(2023, 12, 31))
    assert (
        aq.rollup(table, to="province", registry=aq.registry(), as_of=date(2023, 12, 31))
        == expected
    )
    assert aq.compare(table, table) == aq.compare(report.observations, report.observations)
    assert aq.validate(table).codes == aq.validate(report.observations).codes


# -- .xlsx ----------------------------------------------------------------------------------

openpyxl = pytest.importorskip("openpyxl")


def _excel_workbook(path: Path) -> Path:
    """A workbook as an office writes it in Excel: numbers as numbers, one typed as text."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["indicator", "place", "period", "value", "qualifier", "status"])
    sheet.append(["tips.received", "62", "2023", 726, None, None])
    sheet.append(["mobilisation.launch_campaigns", "62", "2023", "1.160", None, None])
    sheet.append(["weapons.firecrackers", "62", "2023", 13.85, None, None])
    sheet.append(["tips.valuable", "62", "2023", None, None, "not_reported"])
    book.save(path)
    return path


def test_an_excel_workbook_is_read(tmp_path: Path) -> None:
    obs = aq.read_observations(_excel_workbook(tmp_path / "kt.xlsx"))
    assert [str(o.value) for o in obs] == [
        "726 tip",
        "1160 campaign",
        "13.85 kilogram",
        "not_reported",
    ]


def test_xlsx_round_trip_keeps_text_text(tmp_path: Path) -> None:
    report = aq.load_report(KT)
    marked = [
        o.model_copy(update={"source": "=HYPERLINK(1)"}) if i == 0 else o
        for i, o in enumerate(report.observations)
    ]
    path = aq.write_observations(marked, tmp_path / "kt.xlsx")
    assert aq.read_observations(path) == marked
    sheet = openpyxl.load_workbook(path).active
    cell = next(c for c in sheet["A1":"Z2"][1] if c.value == "=HYPERLINK(1)")
    assert cell.data_type == "s"  # a text cell, never a formula


def test_xlsx_errors_name_row_and_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["indicator", "place", "period", "value", "colour"])
    book.active.append(["tips.received", "Kon Tum", "2023", 7, "red"])
    book.save(tmp_path / "bad.xlsx")
    with pytest.raises(aq.RecordError) as caught:
        aq.read_observations(tmp_path / "bad.xlsx")
    text = str(caught.value)
    assert "unknown column 'colour'" in text
    assert "place='Kon Tum'" in text


def test_antq_tidy_writes_and_validate_reads_xlsx(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from antq_domain.cli import main

    out = tmp_path / "kt.xlsx"
    assert main(["tidy", str(KT), "--format", "xlsx", "--output", str(out)]) == 0
    assert aq.read_observations(out) == list(aq.load_report(KT).observations)
    assert main(["tidy", str(KT), "--format", "xlsx"]) == 2
    assert "--format xlsx" in capsys.readouterr().err  # ... needs --output, in the run's language
    assert main(["validate", str(_excel_workbook(tmp_path / "in.xlsx"))]) in (0, 1)
