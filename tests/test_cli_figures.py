"""``antq validate`` and ``antq tidy`` read a large CSV of figures with the bulk reader.

Whatever reads the file, the run is the same: the same stdout, stderr and
exit code as the reference reader's, for good files, bad rows (unknown
places included) and Excel's layouts (a byte-order mark, ``;``, a tab). The
bulk path is shown to be taken by making every reference reader refuse.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import antq_domain.bulk as bulk_package
from antq_domain import cli
from antq_domain.bulk import _read
from antq_domain.io import files

HEADER = ["indicator", "place", "period", "value", "qualifier", "status", "source", "quote"]
GOOD = [
    [ind, place, f"2023{m:02d}", str(m * 3 + len(place)), "", "", "", ""]
    for ind in ("tips.received", "tips.valuable")
    for place in ("608", "616", "610")
    for m in range(1, 13)
] + [
    ["tips.received", "62", "2023", "", "", "not_reported", "", ""],
    ["tips.received", "601", "2023", "726", "", "", "=HYPERLINK(1)", "726 tin"],
    ["tips.received", "602", "2023", "5", "more_than", "", "", "hơn 5 tin"],
    ["weapons.explosives", "608", "2023", "13.50", "", "", "", ""],
    ["tips.valuable", "601", "2023", "999", "", "", "", ""],  # more valuable than received
]
BAD = [
    ["tips.received", "Kon Tum", "202302", "5", "", "", "", ""],
    ["tips.received", "51", "2023", "5", "", "", "", ""],
    ["tips.received", "608", "202303", "1x", "", "", "", ""],
]
LAYOUTS = [(",", False), (",", True), (";", True), ("\t", False)]


def _csv(path: Path, rows: list[list[str]], *, delimiter: str, bom: bool) -> Path:
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh, dialect="excel", delimiter=delimiter)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise AssertionError("the reference reader read the file")


def _run(
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *,
    bulk: bool,
) -> tuple[int, str, str]:
    with monkeypatch.context() as patch:
        if bulk:
            patch.setattr(files, "BULK_FROM_BYTES", 0)
            patch.setattr(files, "_read_rows", _refuse)
            patch.setattr(_read, "_read_rows", _refuse)
        else:
            patch.setattr(files, "BULK_FROM_BYTES", 1 << 62)
        code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


COMMANDS = [
    ["validate"],
    ["validate", "--lang", "en"],
    ["tidy"],
    ["tidy", "--format", "jsonl"],
    ["tidy", "--no-spreadsheet-safe"],
]


@pytest.mark.parametrize(("delimiter", "bom"), LAYOUTS)
@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
@pytest.mark.parametrize("rows", ["good", "bad"])
def test_the_run_is_the_reference_s_whatever_reads_the_file(  # noqa: PLR0917
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    delimiter: str,
    command: list[str],
    rows: str,
    *,
    bom: bool,
) -> None:
    lines = GOOD + BAD if rows == "bad" else GOOD
    if "--no-spreadsheet-safe" in command:  # a leading ' is then the cell's own
        lines = [*lines, ["tips.received", "601", "2022", "7", "", "", "'Sở", "'7 tin'"]]
    path = _csv(tmp_path / "figures.csv", lines, delimiter=delimiter, bom=bom)
    argv = [command[0], str(path), *command[1:]]
    expected = _run(argv, capsys, monkeypatch, bulk=False)
    got = _run(argv, capsys, monkeypatch, bulk=True)
    assert got == expected
    code, out, err = got
    if rows == "bad":
        assert code == 2
        assert "'Kon Tum'" in err  # the unknown place, in the reference's words
        assert "'1x'" in err
    else:
        assert code == (1 if command[0] == "validate" else 0)
        assert out


def test_tidy_to_a_file_is_the_same_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _csv(tmp_path / "figures.csv", GOOD, delimiter=";", bom=True)
    for bulk, name in ((False, "ref.jsonl"), (True, "bulk.jsonl")):
        code, _, _ = _run(
            ["tidy", str(path), "-o", str(tmp_path / name)], capsys, monkeypatch, bulk=bulk
        )
        assert code == 0
    assert (tmp_path / "ref.jsonl").read_bytes() == (tmp_path / "bulk.jsonl").read_bytes()


def test_a_large_file_reports_its_steps_and_a_small_one_is_read_by_the_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _csv(tmp_path / "figures.csv", GOOD, delimiter=",", bom=False)
    steps: list[tuple[str, str]] = []

    @contextlib.contextmanager
    def recording(command: str) -> Iterator[Callable[[str], None]]:
        yield lambda step: steps.append((command, step))

    monkeypatch.setattr(cli, "_progress", recording)
    monkeypatch.setattr(cli, "_MANY", 1)
    _run(["validate", str(path)], capsys, monkeypatch, bulk=True)
    assert steps == [("validate", "reading"), ("validate", "checking")]
    # below the size, the reference reads (the bulk reader is never asked)
    monkeypatch.setattr(bulk_package, "read_table", _refuse)
    monkeypatch.setattr(files, "BULK_FROM_BYTES", path.stat().st_size + 1)
    assert cli.main(["tidy", str(path)]) == 0


def test_no_progress_text_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _csv(tmp_path / "figures.csv", GOOD, delimiter=",", bom=False)
    monkeypatch.setattr(cli, "_MANY", 1)
    code, _, err = _run(["tidy", str(path)], capsys, monkeypatch, bulk=True)
    assert code == 0
    assert err == ""
