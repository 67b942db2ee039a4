"""The bulk readers read files as the reference reader does: Excel's layouts, places, errors.

``read_table`` (held in columns) and the streaming scan behind ``rollup_file``
/ ``scan_rollups`` give the observations, or the `RecordError`, that
``read_observations`` gives for the same file; places are checked against the
register at read time, once per distinct place (issue 14 item 1, issue 17).
The fast path is shown to be taken by making the reference reader refuse.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from antq_domain import bulk
from antq_domain.analysis.aggregation import rollup
from antq_domain.bulk import _read, read_table, rollup_file, scan_rollups
from antq_domain.errors import RecordError
from antq_domain.io import files
from antq_domain.io.files import read_observations
from antq_domain.records.places import Place, PlaceKind, Registry, registry

HEADER = ["indicator", "place", "period", "value", "qualifier", "status", "dim_category"]
GOOD = [
    ["tips.received", "608", "202301", "30", "", "", ""],
    ["tips.received", "616", "202301", "4", "at_least", "", ""],
    ["tips.received", "62", "2023", "", "", "not_reported", ""],
    ["crime.cases_occurred", "608", "2023", "7", "", "", "drugs"],
    ["weapons.explosives", "608", "2023", "13.50", "", "", ""],
]
BAD = [
    ["tips.received", "Kon Tum", "202302", "5", "", "", ""],  # a name, not a code
    ["tips.received", "51", "2023", "5", "", "", ""],  # the new province, not alive in 2023
    ["tips.received", "608", "2026", "5", "", "", ""],  # the district, ended in 2025
    ["tips.received", "99999", "2023", "abc", "", "", ""],  # unknown place and a bad figure
    ["tips.received", "608", "202303", "1x", "", "", ""],
    ["tips.received", "616", "2023Q5", "1", "", "", ""],
]
LAYOUTS = [(",", False), (",", True), (";", True), (";", False), ("\t", False)]


def _csv(path: Path, rows: list[list[str]], *, delimiter: str = ",", bom: bool = False) -> Path:
    """Written as Excel writes it: its dialect (CRLF), ``utf-8-sig`` for the mark."""
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh, dialect="excel", delimiter=delimiter)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("the reference reader read the whole file")


@pytest.mark.parametrize(("delimiter", "bom"), LAYOUTS)
def test_excel_layouts_are_read_in_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, delimiter: str, *, bom: bool
) -> None:
    path = _csv(tmp_path / "rows.csv", GOOD, delimiter=delimiter, bom=bom)
    expected = read_observations(path)
    monkeypatch.setattr(_read, "_read_rows", _refuse)
    assert read_table(path).to_observations() == expected


@pytest.mark.parametrize(("delimiter", "bom"), LAYOUTS)
def test_bad_rows_and_places_are_worded_as_the_reference_words_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, delimiter: str, *, bom: bool
) -> None:
    path = _csv(tmp_path / "rows.csv", GOOD + BAD, delimiter=delimiter, bom=bom)
    with pytest.raises(RecordError) as reference:
        read_observations(path)
    monkeypatch.setattr(_read, "_read_rows", _refuse)
    with pytest.raises(RecordError) as mine:
        read_table(path)
    assert mine.value.problems == reference.value.problems
    assert str(mine.value) == str(reference.value)
    words = dict(mine.value.problems)
    assert "did you mean '62'" in words["row 6"]  # a name: the codes it may mean
    assert "exists during 2023" in words["row 7.place"]


@pytest.mark.parametrize("rows", [GOOD, GOOD + BAD], ids=["good", "bad"])
def test_read_observations_reads_a_large_csv_with_the_bulk_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: list[list[str]]
) -> None:
    path = _csv(tmp_path / "rows.csv", rows, delimiter=";", bom=True)
    expected: Any = None
    try:
        expected = read_observations(path)
    except RecordError as exc:
        expected = exc.problems
    monkeypatch.setattr(files, "BULK_FROM_BYTES", 0)
    monkeypatch.setattr(files, "_read_rows", _refuse)
    monkeypatch.setattr(_read, "_read_rows", _refuse)
    try:
        got: Any = read_observations(path)
    except RecordError as exc:
        got = exc.problems
    assert got == expected


def test_places_are_checked_once_per_distinct_place_not_per_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        ["tips.received", place, f"2023{m:02d}", str(m), "", "", ""]
        for place in ("608", "616", "610")
        for m in range(1, 13)
    ]
    path = _csv(tmp_path / "rows.csv", [*rows, BAD[0]])
    checked: list[str] = []
    real = Registry.check

    def counting(self: Registry, code: str, **kwargs: Any) -> Any:
        checked.append(code)
        return real(self, code, **kwargs)

    monkeypatch.setattr(Registry, "check", counting)
    with pytest.raises(RecordError):
        read_table(path)
    assert checked == ["Kon Tum"]  # only the refused row is read again, by the reference


def test_a_register_of_ones_own_and_no_place_check(tmp_path: Path) -> None:
    path = _csv(tmp_path / "rows.csv", [["tips.received", "X1", "2023", "3", "", "", ""]])
    with pytest.raises(RecordError) as reference:
        read_observations(path)
    with pytest.raises(RecordError) as mine:
        read_table(path)
    assert mine.value.problems == reference.value.problems
    assert read_table(path, check_places=False).to_observations() == read_observations(
        path, check_places=False
    )
    mine_reg = Registry([*registry(), _commune("X1")])
    assert read_table(path, registry=mine_reg).to_observations() == read_observations(
        path, registry=mine_reg
    )


def _commune(code: str) -> Any:
    return Place(
        code=code, name="Xã Một", kind=PlaceKind.COMMUNE, parent="608", valid_to=date(2025, 6, 30)
    )


ROLLUP: dict[str, Any] = {
    "to": "province",
    "period": "2023",
    "registry": registry(),
    "as_of": date(2023, 12, 31),
}


def _left_out(path: Path) -> Any:
    """``scan_rollups`` to ``ROLLUP``'s target, bad rows left out."""
    args = {k: v for k, v in ROLLUP.items() if k != "to"}
    return scan_rollups(path, to=[ROLLUP["to"]], **args, bad_rows="leave_out")


def _streamed_error_is_the_reader_s(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(RecordError) as reference:
        read_observations(path)
    monkeypatch.setattr(bulk, "read_table", _refuse)  # the streaming scan, not a held table
    with pytest.raises(RecordError) as mine:
        rollup_file(path, **ROLLUP)
    assert mine.value.problems == reference.value.problems


def test_a_streamed_rollup_refuses_an_unknown_place_as_the_reader_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _csv(tmp_path / "rows.csv", [*GOOD[:2], BAD[0], BAD[2]])
    _streamed_error_is_the_reader_s(path, monkeypatch)


def test_rows_with_refused_places_are_left_out_and_listed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = [
        ["tips.received", p, f"2023{m:02d}", str(m), "", "", ""]
        for p in ("608", "616")
        for m in range(1, 13)
    ]
    path = _csv(tmp_path / "rows.csv", [*good, BAD[0], BAD[1], BAD[2]])
    with pytest.raises(RecordError) as reference:
        read_observations(path)
    clean = _csv(tmp_path / "clean.csv", good)
    expected = rollup(read_observations(clean), **ROLLUP)
    monkeypatch.setattr(bulk, "read_table", _refuse)
    monkeypatch.setattr(bulk, "rollup", _refuse)
    scanned = _left_out(path)
    assert list(scanned.left_out) == reference.value.problems
    assert scanned.rollups == (expected,)


def test_a_refused_place_is_not_hidden_by_a_like_row_that_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows alike but for the place are worded once (the scan's shortcut), unless the
    register refuses the place of one of them: its row is read on its own."""
    rows = [
        ["tips.received", "608", "2023", " 12", "", "", ""],  # valid, not in the columns' form
        ["tips.received", "Kon Tum", "2023", " 12", "", "", ""],
    ]
    path = _csv(tmp_path / "rows.csv", rows)
    _streamed_error_is_the_reader_s(path, monkeypatch)


@pytest.mark.parametrize(
    "text",
    [
        # fewer cells than the header: polars would read the missing ones as empty
        "indicator,place,period,value,quote\ntips.received,62,2023,5\n",
        (
            'indicator,place,period,value,quote\ntips.received,62,2023,5,"a, b"\n'
            "tips.received,62,2022,5\n"
        ),
        "\ufeffindicator;place;period;value;quote\r\ntips.received;62;2023;5\r\n",
    ],
)
def test_a_short_row_is_the_reference_s_structural_error(text: str, tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RecordError) as reference:
        read_observations(path)
    with pytest.raises(RecordError) as mine:
        read_table(path)
    assert mine.value.problems == reference.value.problems


@pytest.mark.parametrize(("delimiter", "bom"), [(";", True), ("\t", False)])
def test_an_excel_file_s_bad_rows_are_left_out_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, delimiter: str, *, bom: bool
) -> None:
    """A file the streaming scan does not read is read into a table in columns, which
    leaves the refused rows out as the scan does (not the reference's whole-file error)."""
    good = [
        ["tips.received", p, f"2023{m:02d}", str(m), "", "", ""]
        for p in ("608", "616")
        for m in range(1, 13)
    ]
    path = _csv(tmp_path / "rows.csv", [*good, *BAD], delimiter=delimiter, bom=bom)
    with pytest.raises(RecordError) as reference:
        read_observations(path)
    rows = [p for p in reference.value.problems if p[0] != "(file)"]
    expected = rollup(read_observations(_csv(tmp_path / "clean.csv", good)), **ROLLUP)
    monkeypatch.setattr(_read, "_read_rows", _refuse)
    monkeypatch.setattr(bulk, "rollup", _refuse)
    scanned = _left_out(path)
    assert list(scanned.left_out) == rows
    assert scanned.rollups == (expected,)


def _jsonl(path: Path, rows: list[list[str]]) -> Path:
    records = [{k: v for k, v in zip(HEADER, row, strict=True) if v} for row in rows]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _blank_lines(path: Path, rows: list[list[str]]) -> Path:
    """A CSV with a blank line after every row: the columns do not read it."""
    lines = [",".join(HEADER), *(",".join(row) for row in rows)]
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("write", [_jsonl, _blank_lines], ids=["json-lines", "blank-lines"])
def test_rows_of_a_file_the_columns_do_not_read_are_left_out_as_the_reader_words_them(
    tmp_path: Path, write: Any
) -> None:
    # the rows the reference refuses are left out and listed in its words; the others
    # roll up as the reference rolls them up (before, the whole file raised)
    rows = [*GOOD[:2], BAD[4], GOOD[3], BAD[5], BAD[3]]
    path = write(tmp_path / f"rows{'.jsonl' if write is _jsonl else '.csv'}", rows)
    with pytest.raises(RecordError) as reference:
        read_observations(path)
    clean = write(
        tmp_path / f"clean{'.jsonl' if write is _jsonl else '.csv'}", [*GOOD[:2], GOOD[3]]
    )
    scanned = _left_out(path)
    assert list(scanned.left_out) == reference.value.problems
    assert {loc.split(".")[0] for loc, _msg in scanned.left_out} == {"row 3", "row 5", "row 6"}
    assert scanned.rollups == (rollup(read_observations(clean), **ROLLUP),)


def test_a_file_s_own_problem_is_still_raised_when_rows_are_left_out(tmp_path: Path) -> None:
    # a ragged row is the file's problem, not a row's: the reference's error for the whole file
    path = tmp_path / "ragged.csv"
    path.write_text(
        ",".join(HEADER) + "\n\n" + ",".join(GOOD[0]) + "\ntips.received,608\n", encoding="utf-8"
    )
    with pytest.raises(RecordError) as reference:
        read_observations(path)
    with pytest.raises(RecordError) as mine:
        _left_out(path)
    assert mine.value.problems == reference.value.problems
