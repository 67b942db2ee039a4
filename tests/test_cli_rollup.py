"""``antq rollup``: the bulk path from the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from antq_domain.analysis.aggregation import rollup
from antq_domain.cli import main
from antq_domain.io.files import read_observations, write_observations
from antq_domain.records.observation import Observation
from antq_domain.records.places import registry
from antq_domain.values import Quantity

ROWS = [
    Observation(indicator=i, place=p, period=f"2023{m:02d}", value=Quantity(m, "tip"))
    for i in ("tips.received", "tips.valuable")
    for p in ("608", "616")
    for m in range(1, 13)
    if (p, m) != ("616", 4)
]


def _file(tmp_path: Path, extra: str = "") -> Path:
    path = write_observations(ROWS, tmp_path / "rows.csv")
    if extra:
        with path.open("a", encoding="utf-8", newline="") as fh:
            fh.write(extra)
    return path


def test_rollup_writes_the_reference_cells(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path)
    code = main(["rollup", str(path), "--to", "province", "--period", "2023"])
    out, err = capsys.readouterr()
    assert code == 0
    expected = rollup(
        read_observations(path),
        to="province",
        period="2023",
        registry=registry(),
        as_of=date(2023, 12, 31),
    )
    want = write_observations(list(expected.observations), tmp_path / "want.csv")
    want_text = want.read_text(encoding="utf-8")
    assert out.replace("\r\n", "\n") == want_text.replace("\r\n", "\n")
    assert ">=" not in out  # qualifiers are a column, not a prefix
    assert "at_least" in out  # the province's other districts are missing
    assert "scanning" not in err  # no progress line when stderr is not a terminal
    assert err.strip().endswith("0 dòng bị bỏ ra")


def test_bad_rows_stop_the_run_or_are_left_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(
        tmp_path, "tips.received,608,202413,1,,,,,,\r\ntips.received,616,202304,x,,,,,,\r\n"
    )
    assert main(["rollup", str(path), "--to", "nation", "--period", "2023", "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "2 problems" in err
    assert main(["rollup", str(path), "--to", "nation", "--period", "2023"]) == 2
    assert "bảng số liệu: 2 lỗi" in capsys.readouterr().err
    assert (
        main(["rollup", str(path), "--to", "nation", "--period", "2023", "--leave-out-bad-rows"])
        == 1
    )
    out, err = capsys.readouterr()
    assert "tips.received,VN,2023," in out
    left = [line for line in err.splitlines() if "bỏ ra: hàng" in line]
    assert [line.split("bỏ ra: ")[1].split(":")[0] for line in left] == [
        "hàng 47",
        "hàng 48",
    ]
    assert "cần một tháng từ 1 đến 12" in left[0]


def test_restated_and_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _file(tmp_path)
    args = ["rollup", str(path), "--to", "province", "--period", "2023", "--lang", "en"]
    assert main([*args, "--restated", "--as-of", "2024-06-30"]) == 0
    out, err = capsys.readouterr()
    assert "history restated onto the units alive on 2024-06-30" in err
    assert out.startswith("indicator,place,period,value")
    # by default the register's last change: districts were abolished on 1 July 2025
    assert main([*args, "--restated"]) == 2
    assert "without any; restate its parts instead" in capsys.readouterr().err
    assert main(["rollup", "-", "--to", "nation", "--period", "2023"]) == 2
    assert main([*args, "--as-of", "x"]) == 2
    assert "as_of='x'" in capsys.readouterr().err


def test_rollup_as_text_names_places_and_says_what_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path)
    args = ["rollup", str(path), "--to", "province", "--period", "2023", "--format", "text"]
    code = main(args)
    out, err = capsys.readouterr()
    assert code == 0
    expected = rollup(
        read_observations(path),
        to="province",
        period="2023",
        registry=registry(),
        as_of=date(2023, 12, 31),
    )
    assert out.rstrip("\n") == expected.text("vi")
    assert "ít nhất" in out
    assert "chưa đủ số liệu" in out
    assert "at_least" not in out
    assert "khoảng" not in out
    assert "chưa đủ số liệu)" in err  # the count of incomplete cells, in the run's language


def test_without_a_period_every_period_is_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _file(tmp_path, "tips.received,X9,202305,4,,,,,,\r\n")
    argv = ["rollup", str(path), "--to", "province", "--as-of", "2023-12-31"]
    assert main(argv) == 2  # the unknown place stops the run, in the reader's words
    assert "X9" in capsys.readouterr().err
    assert main([*argv, "--leave-out-bad-rows", "--lang", "en"]) == 1
    out, err = capsys.readouterr()
    assert "left out: row 47" in err
    expected = rollup(
        ROWS, to="province", period=None, registry=registry(), as_of=date(2023, 12, 31)
    )
    want = write_observations(list(expected.observations), tmp_path / "want.csv")
    assert out.replace("\r\n", "\n") == want.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert out.count("\n") == 1 + 2 * 12  # two indicators, twelve months, one province
    # the day of the tree is not guessed without a period
    assert main(["rollup", str(path), "--to", "province"]) == 2
    assert "--as-of" in capsys.readouterr().err
