"""The ``antq`` command line: every subcommand, its exit codes and its error messages.

Commands run in-process through ``main(argv)`` with stdout and stderr
captured; a few run as ``python -m antq_domain.cli`` in a subprocess to check
what only a real process shows (the encoding of its output, no traceback).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import antq_domain as aq
from antq_domain.analysis.validation import validate
from antq_domain.cli import build_parser, comparison_text, main, summary_text
from antq_domain.io import dump_report, from_tidy, read_observations, report_schema
from antq_domain.strategies import reports
from antq_domain.values import Lang

ROOT = Path(__file__).resolve().parents[1]
KON_TUM = ROOT / "examples" / "data" / "kon-tum-2023.json"
COMMANDS = ("validate", "summary", "schema", "tidy", "compare", "extract")


@attrs.frozen
class Run:
    code: int
    out: str
    err: str


def run(*argv: str | Path) -> Run:
    """Run ``antq argv`` in-process and capture what it prints."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture
def kon_tum() -> aq.MovementReport:
    return aq.load_report(KON_TUM)


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def kon_tum_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(KON_TUM.read_text(encoding="utf-8"))
    return data


def tidy_row(indicator: str, value: int, period: str = "2023", **extra: str) -> dict[str, Any]:
    return {"indicator": indicator, "place": "62", "period": period, "value": value, **extra}


# -- help ---------------------------------------------------------------------------
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.code == 0
    assert result.out.startswith(f"cách dùng: antq {command}")
    assert result.err == ""
    english = run(command, "--help", "--lang", "en")
    assert english.out.startswith(f"usage: antq {command}")


def test_top_level_help_lists_every_command() -> None:
    result = run("--help")
    assert result.code == 0
    for command in COMMANDS:
        assert command in result.out


def test_version() -> None:
    result = run("--version")
    assert (result.code, result.out) == (0, f"antq {aq.__version__}\n")


# -- usage errors: exit 2, argparse's message, no traceback -------------------------
@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ((), "a command is required"),  # no command at all
        (("frobnicate",), "invalid choice"),  # unknown command
        (("summary",), "required: FILE"),  # missing argument
        (("summary", str(KON_TUM), "--lang", "fr"), "invalid choice"),  # unknown language
        (("tidy", str(KON_TUM), "--format", "xls"), "invalid choice"),  # unknown format
        (("extract", "x.txt", "--format", "csv"), "invalid choice"),  # rows|json only
    ],
)
def test_usage_errors_exit_2(argv: tuple[str, ...], expected: str) -> None:
    result = run("--lang", "en", *argv)
    assert result.code == 2
    assert expected in result.err
    assert "Traceback" not in result.err
    assert result.out == ""


# -- validate -----------------------------------------------------------------------
def test_validate_kon_tum_is_clean() -> None:
    result = run("validate", KON_TUM, "--lang", "en")
    assert result.code == 0
    assert result.out.splitlines()[-1] == f"{KON_TUM}: 0 errors, 0 warnings, 0 info"
    assert result.err == ""


def test_validate_exits_1_on_error_findings(tmp_path: Path) -> None:
    data = kon_tum_data()
    for obs in data["observations"]:
        if obs["indicator"] == "tips.received":
            obs["value"]["amount"] = 600  # fewer tips than the 655 valuable ones
    path = write_json(tmp_path / "bad-tips.json", data)
    result = run("validate", path, "--lang", "en")
    assert result.code == 1
    assert "rule.violated (tips.valuable_le_received)" in result.out
    assert result.out.splitlines()[-1].endswith(": 1 error, 0 warnings, 0 info")
    assert result.err == ""


def test_validate_prints_findings_in_vietnamese(tmp_path: Path) -> None:
    path = tmp_path / "obs.jsonl"
    rows = [tidy_row("tips.received", 600), tidy_row("tips.valuable", 655)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = run("validate", path)
    assert result.code == 1
    assert result.out.startswith("lỗi rule.violated")
    assert result.out.splitlines()[-1].endswith(": 1 lỗi, 0 cảnh báo, 0 thông tin")


def test_validate_of_observations_file_without_errors(tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_text(
        "indicator,place,period,value\r\ntips.received,62,2023,726\r\n", encoding="utf-8"
    )
    assert run("validate", path).code == 0


# -- summary ------------------------------------------------------------------------
def test_summary_vi() -> None:
    result = run("summary", KON_TUM)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == "Cơ quan báo cáo: Ban Chỉ đạo Phòng, chống tội phạm tỉnh Kon Tum"
    assert "Địa bàn: Tỉnh Kon Tum (62)" in lines
    assert "Kỳ báo cáo: năm 2023 (2023)" in lines
    assert "Số liệu tính đến: 31/12/2023" in lines
    assert "Phát động phong trào và tuyên truyền" in lines
    assert any(line.endswith(": hơn 145.410 lượt người") for line in lines)
    assert any(line.endswith(": 90,2% (655/726)") for line in lines)
    assert any(line.endswith("[loại đơn vị: xã]: 100,0% (85/85)") for line in lines)
    assert any(line.startswith("Hồ sơ: 34 số liệu, ") for line in lines)
    assert "3 chương trình phối hợp" in result.out
    for heading in ("Hạn chế", "Phương hướng"):
        assert heading in lines
    assert any(line.startswith("  6. sơ kết, tổng kết") for line in lines)


def test_summary_en() -> None:
    result = run("summary", KON_TUM, "--lang", "en")
    assert result.code == 0
    lines = result.out.splitlines()
    assert "Place: Tỉnh Kon Tum (62)" in lines
    assert "Period: 2023" in lines
    assert "As of: 2023-12-31" in lines
    assert "Citizen tips and their results" in lines
    assert any(line.endswith(": more than 145,410 participations") for line in lines)
    assert any(line.endswith(": 90.2% (655/726)") for line in lines)
    assert "Limitations" in lines
    assert "Directions" in lines


def test_summary_ratio_sits_with_its_area_after_its_parts(kon_tum: aq.MovementReport) -> None:
    lines = summary_text(kon_tum, "vi").splitlines()
    tips = lines.index("Nguồn tin do Nhân dân cung cấp và kết quả")
    rate = next(i for i, line in enumerate(lines) if line.endswith("90,2% (655/726)"))
    received = next(i for i, line in enumerate(lines) if line.endswith(": 726 nguồn tin"))
    assert tips < received < rate


def test_summary_shows_undefined_ratio_when_a_part_is_not_reported() -> None:
    report = aq.MovementReport(
        issuer="BCĐ",
        place="62",
        period="2023",
        as_of=date(2024, 1, 15),
        observations=from_tidy(
            [
                tidy_row("tips.received", 726),
                {**tidy_row("tips.valuable", 0), "value": None, "status": "not_reported"},
            ]
        ),
    )
    text = summary_text(report, "en")
    assert ": — (not reported)" in text
    assert "— (undefined: tips.valuable is not_reported)" in text


def test_summary_needs_a_report_not_observations(tmp_path: Path) -> None:
    path = tmp_path / "obs.csv"
    path.write_text("indicator,place,period,value\r\ntips.received,62,2023,1\r\n")
    result = run("summary", path)
    assert result.code == 2
    assert result.err == (
        f"antq summary: lỗi: {path} chứa số liệu, không phải báo cáo: "
        f"dùng `antq validate {path}` hoặc `antq tidy {path}`\n"
    )


# -- schema -------------------------------------------------------------------------
def test_schema_is_the_report_schema() -> None:
    result = run("schema")
    assert result.code == 0
    schema = json.loads(result.out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema == report_schema()


def test_report_schema_validates_kon_tum_under_draft_2020_12() -> None:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert list(validator.iter_errors(kon_tum_data())) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(colour="red"), "Additional properties"),  # unknown field
        (lambda d: d.pop("issuer"), "'issuer' is a required property"),  # missing field
        (lambda d: d["observations"][0].update(note="x"), "Additional properties"),  # nested
    ],
)
def test_report_schema_rejects_what_load_report_rejects(change: Any, message: str) -> None:
    data = kon_tum_data()
    change(data)
    errors = list(jsonschema.Draft202012Validator(report_schema()).iter_errors(data))
    assert errors
    assert any(message in e.message for e in errors)


# -- tidy ---------------------------------------------------------------------------
def test_tidy_csv_to_stdout_reads_back(kon_tum: aq.MovementReport) -> None:
    result = run("tidy", KON_TUM)
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out, newline="")))
    assert len(rows) == len(kon_tum.observations) == 34
    assert rows[0]["indicator"] == "mobilisation.launch_campaigns"
    clean = [{k: v for k, v in row.items() if v != ""} for row in rows]
    assert from_tidy(clean) == list(kon_tum.observations)


def test_tidy_stdout_is_the_same_text_as_output_file(tmp_path: Path) -> None:
    for fmt in ("csv", "jsonl"):
        target = tmp_path / f"rows.{fmt}"
        assert run("tidy", KON_TUM, "--output", target).code == 0
        with target.open(encoding="utf-8", newline="") as fh:
            assert run("tidy", KON_TUM, "--format", fmt).out == fh.read()


def test_tidy_output_jsonl_reads_back(tmp_path: Path, kon_tum: aq.MovementReport) -> None:
    target = tmp_path / "rows.jsonl"
    result = run("tidy", KON_TUM, "-o", target)
    assert (result.code, result.out) == (0, "")
    assert read_observations(target) == list(kon_tum.observations)


def test_tidy_of_an_observations_file(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("indicator,place,period,value\r\ntips.received,62,2023,726\r\n")
    result = run("tidy", source, "--format", "jsonl")
    assert result.code == 0
    assert json.loads(result.out)["value"] == 726


def test_tidy_output_with_unknown_suffix_is_an_input_error(tmp_path: Path) -> None:
    result = run("tidy", KON_TUM, "--output", tmp_path / "rows.xls", "--lang", "en")
    assert result.code == 2
    assert result.err.startswith("antq tidy: error: path=")
    assert "expected a file ending in .csv" in result.err


# -- compare ------------------------------------------------------------------------
def previous_year(tmp_path: Path) -> Path:
    rows = [
        tidy_row("tips.received", 600, "2022"),
        tidy_row("tips.valuable", 480, "2022"),
        tidy_row("mobilisation.launch_participants", 140000, "2022"),
    ]
    path = tmp_path / "kt-2022.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_compare_prints_exact_changes_and_flags_unclean_ones(tmp_path: Path) -> None:
    result = run("compare", KON_TUM, previous_year(tmp_path))
    assert result.code == 0
    lines = result.out.splitlines()
    assert (
        "  Nguồn tin về ANTT do Nhân dân cung cấp (Tỉnh Kon Tum): 600 → 726: +126 (+21,0%)" in lines
    )
    assert "  Nguồn tin có giá trị (Tỉnh Kon Tum): 480 → 655: +175 (+36,5%)" in lines
    participants = next(ln for ln in lines if "Lượt người tham gia phát động" in ln)
    assert participants.startswith("! ")
    assert "hơn 145.410" in participants
    # one language per run: the reason is Vietnamese too
    assert "chưa phải thay đổi chính xác" in participants
    assert "not a clean change" not in result.out
    rate = (
        "  Tỷ lệ nguồn tin có giá trị (Tỉnh Kon Tum): 80,0% (480/600) → 90,2% (655/726): +10,2 điểm"
    )
    assert rate in lines
    # a figure of one side only has no delta: flagged too
    solved = "! Vụ án/vụ việc điều tra, khám phá qua nguồn tin (Tỉnh Kon Tum): — → 140:"
    assert any(ln.startswith(solved) for ln in lines)
    # names and labels, never raw codes
    assert "@62" not in result.out
    assert "not_reported" not in result.out
    assert lines[-1] == "34 thay đổi, 32 không rõ ràng; 3 tỷ lệ"


def test_compare_en(tmp_path: Path) -> None:
    result = run("compare", KON_TUM, previous_year(tmp_path), "--lang", "en")
    shown = "  Security and order tips from the public (Tỉnh Kon Tum): 600 → 726: +126 (+21.0%)"
    assert shown in result.out.splitlines()
    assert "không" not in result.out
    assert result.out.splitlines()[-1] == "34 changes, 32 not clean; 3 ratios"


def test_compare_of_a_report_with_itself_is_all_zero(kon_tum: aq.MovementReport) -> None:
    result = run("compare", KON_TUM, KON_TUM)
    assert result.code == 0
    assert (
        "  Nguồn tin về ANTT do Nhân dân cung cấp (Tỉnh Kon Tum): 726 → 726: ±0 (±0,0%)"
        in result.out
    )
    # the four "hơn" figures are never clean, even against themselves
    flagged = [ln for ln in result.out.splitlines() if ln.startswith("! ")]
    exact = [o.value.is_exact for o in kon_tum.observations if isinstance(o.value, aq.Quantity)]
    assert len(flagged) == exact.count(False) == 4


def test_compare_conflicting_side_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text(
        "indicator,place,period,value\r\ntips.received,62,2023,1\r\ntips.received,62,2023,2\r\n"
    )
    result = run("compare", path, KON_TUM, "--lang", "en")
    assert result.code == 2
    assert result.err.startswith("antq compare: error: ")
    assert "Traceback" not in result.err


def test_comparison_text_matches_the_command(tmp_path: Path) -> None:
    from antq_domain.analysis.comparison import compare

    prev = previous_year(tmp_path)
    text = comparison_text(compare(aq.load_report(KON_TUM), read_observations(prev)), "vi")
    assert run("compare", KON_TUM, prev).out == text + "\n"


# -- extract ------------------------------------------------------------------------
TEXT = "Năm 2023, tỉnh Kon Tum có 38 mô hình tiên tiến và tiếp nhận 726 nguồn tin."


def test_extract_rows(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = run("extract", path)
    assert result.code == 0
    rows = list(csv.DictReader(io.StringIO(result.out, newline="")))
    figures = {(r["indicator"], r["value"]) for r in rows if r["kind"] == "figure"}
    assert ("models.active", "38") in figures
    assert any(r["quote"] == "38 mô hình tiên tiến" for r in rows)


def test_extract_json_has_the_draft_report(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = run("extract", path, "--format", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert (data["place"], data["period"]) == ("62", "2023")
    assert data["report"]["place"] == "62"


def test_extract_place_and_period_options(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Có 38 mô hình tiên tiến.", encoding="utf-8")
    without = run("extract", path, "--format", "json")
    assert json.loads(without.out)["report"] is None
    given_ = run("extract", path, "--format", "json", "--place", "62", "--period", "2023")
    assert json.loads(given_.out)["report"]["period"] == "2023"


def test_extract_notes_go_to_stderr(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Có 38 mô hình tiên tiến.", encoding="utf-8")
    result = run("extract", path)
    assert result.code == 0
    # advice in command-line syntax, in the run's language; never Python's place=...
    assert "antq extract: lưu ý: không rõ địa bàn: thêm --place MÃ" in result.err
    assert "place=" not in result.err
    english = run("extract", path, "--lang", "en")
    assert "antq extract: note: no place: add --place CODE (e.g. --place 62)" in english.err
    assert "place=" not in english.err


def test_extract_bad_period_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = run("extract", path, "--period", "2023Q5", "--lang", "en")
    assert result.code == 2
    assert result.err.startswith("antq extract: error: period='2023Q5'")


def test_missing_layer_is_reported_not_available(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "antq_domain.extract", None)  # import now fails
    result = run("extract", KON_TUM, "--lang", "en")
    assert result.code == 2
    assert "'antq extract' is not available yet" in result.err


# -- bad input files: exit 2, one line per problem, no traceback --------------------
def bad_files(tmp: Path) -> Iterator[tuple[str, Path, list[str]]]:
    """(name, file, expected stderr lines after the command prefix)."""
    # a file that does not exist
    yield "missing", tmp / "nope.json", [f"{tmp / 'nope.json'}: No such file or directory"]
    # not JSON at all
    broken = tmp / "broken.json"
    broken.write_text('{"issuer": "x", ', encoding="utf-8")
    yield (
        "invalid json",
        broken,
        ["broken.json: 1 problem", "  line 1: not JSON: Expecting property name"],
    )
    # an unknown field and a negative amount: two problems, two lines
    data = kon_tum_data()
    data["colour"] = "red"
    data["observations"][0]["value"]["amount"] = -5
    yield (
        "unknown field",
        write_json(tmp / "extra.json", data),
        [
            "extra.json: 2 problems",
            "  observations.0.value.reported: amount=-5: expected a non-negative amount",
            "  colour: Extra inputs are not permitted (got 'red')",
        ],
    )
    # not UTF-8
    latin = tmp / "latin.json"
    latin.write_bytes('{"issuer": "Công an"}'.encode("cp1258"))
    yield (
        "not utf-8",
        latin,
        ["latin.json: 1 problem", "  line 1: byte 0xf4 at offset 13: expected UTF-8 text"],
    )
    # the wrong kind of file
    text = tmp / "report.txt"
    text.write_text("x", encoding="utf-8")
    yield (
        "wrong suffix",
        text,
        [f"{text} is text, not a report: read it with `antq extract"],
    )
    # a bad row in an observations file
    rows = tmp / "rows.csv"
    rows.write_text("indicator,place,period,value\r\ntips.received,62,2023,abc\r\n")
    yield (
        "bad csv row",
        rows,
        ["tidy rows: 1 problem", "  row 1: value='abc': expected a whole number of 'tip'"],
    )


BAD = ["missing", "invalid json", "unknown field", "not utf-8", "wrong suffix", "bad csv row"]


@pytest.mark.parametrize("name", BAD)
@pytest.mark.parametrize("command", ["validate", "tidy", "compare", "summary"])
def test_bad_file_exits_2_with_one_line_per_problem(
    tmp_path: Path, name: str, command: str
) -> None:
    cases = {n: (path, lines) for n, path, lines in bad_files(tmp_path)}
    path, expected = cases[name]
    if command == "summary" and name == "bad csv row":
        expected = [f"{path} holds figures, not a report"]  # summary reads reports only
    argv: list[str | Path] = [command, path, KON_TUM] if command == "compare" else [command, path]
    argv += ["--lang", "en"]  # the same files in Vietnamese: tests/test_error_language.py
    result = run(*argv)
    assert result.code == 2
    assert result.out == ""
    got = result.err.splitlines()
    assert "Traceback" not in result.err
    assert len(got) == len(expected)
    assert got[0].startswith(f"antq {command}: error: {expected[0]}")
    for line, want in zip(got[1:], expected[1:], strict=True):
        assert line.startswith(want)


def test_long_problem_lines_are_cut(tmp_path: Path) -> None:
    path = tmp_path / "long.json"
    # pydantic echoes the input of an unknown field
    path.write_text('{"colour": "' + "x" * 5000 + '"}', encoding="utf-8")
    for lang in ("en", "vi"):
        result = run("validate", path, "--lang", lang)
        assert result.code == 2
        assert all(len(line) <= 420 for line in result.err.splitlines())
        # the unknown field's line, which echoes the 5000 characters
        assert any("colour" in line and line.endswith("…") for line in result.err.splitlines())


# -- real processes -----------------------------------------------------------------
def run_module(*argv: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "antq_domain.cli", *argv],
        capture_output=True,
        check=False,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


def test_output_is_utf8_whatever_the_locale() -> None:
    done = run_module("summary", str(KON_TUM), env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    assert done.returncode == 0
    text = done.stdout.decode("utf-8")
    assert "hơn 145.410 lượt người" in text
    assert "90,2% (655/726)" in text


def test_process_error_has_no_traceback() -> None:
    done = run_module(
        "validate", "does-not-exist.json", "--lang", "en", env={"PYTHONIOENCODING": "ascii"}
    )
    assert done.returncode == 2
    err = done.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert err == "antq validate: error: does-not-exist.json: No such file or directory\n"


# -- properties over generated reports ----------------------------------------------
FEW = settings(max_examples=25, deadline=None)
LANGS: tuple[Lang, ...] = ("vi", "en")


@FEW
@given(reports())
def test_tidy_command_round_trips_every_report(report: aq.MovementReport) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = dump_report(report, Path(tmp) / "r.json")
        target = Path(tmp) / "rows.jsonl"
        assert run("tidy", source, "--output", target).code == 0
        assert read_observations(target, catalogue=report.catalogue) == list(report.observations)


@FEW
@given(reports())
def test_validate_exit_code_is_1_exactly_when_there_are_errors(
    report: aq.MovementReport,
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = dump_report(report, Path(tmp) / "r.json")
        result = run("validate", source)
    assert result.code == (1 if validate(report).has_errors else 0)


@FEW
@given(reports(), st.sampled_from(LANGS))
def test_summary_shows_every_figure(report: aq.MovementReport, lang: Lang) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = dump_report(report, Path(tmp) / "r.json")
        result = run("summary", source, "--lang", lang)
    assert result.code == 0
    indented = [ln for ln in result.out.splitlines() if ln.startswith("  ")]
    # a line per observation, per recomputed ratio and per limitation and direction
    numbered = len(report.limitations) + len(report.directions)
    assert len(indented) >= len(report.observations) + numbered
    for obs in report.observations:
        if isinstance(obs.value, aq.Quantity):
            assert obs.value.format(lang) in result.out


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "r.json"],
        ["summary", "r.json"],
        ["schema"],
        ["tidy", "r.json"],
        ["compare", "a.json", "b.json"],
        ["extract", "r.txt"],
    ],
)
def test_build_parser_knows_every_command(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)
    assert args.command == argv[0]
    assert callable(args.handler)


class _ClosedPipe(io.StringIO):
    """A stdout whose reader has gone away (``antq tidy r.json | head -1``)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_closed_pipe_ends_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["tidy", str(KON_TUM)]) == 0
    assert "Broken pipe" not in capsys.readouterr().err


# -- finishing the job: report format, stdin, one language, hints, examples -----------------
def test_extract_format_report_feeds_summary(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    extracted = run("extract", article, "--format", "report")
    assert extracted.code == 0, extracted.err
    report = tmp_path / "report.json"
    report.write_text(extracted.out, encoding="utf-8")
    summary = run("summary", report)
    assert summary.code == 0, summary.err
    assert "Địa bàn: Tỉnh Kon Tum (62)" in summary.out
    assert any(line.endswith(": 726 nguồn tin") for line in summary.out.splitlines())


def test_extract_format_report_without_a_place_says_how_to_give_it(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Có 38 mô hình tiên tiến.", encoding="utf-8")
    result = run("extract", article, "--format", "report", "--lang", "en")
    assert result.code == 2
    assert result.out == ""
    assert "no report could be built: no place: add --place CODE" in result.err
    assert "--period ID" in result.err


def test_extract_names_the_units_a_shared_place_name_fits(tmp_path: Path) -> None:
    # two communes are called Vạn Thắng in 2025: the advice offers both codes
    article = tmp_path / "article.txt"
    article.write_text("Năm 2025, xã Vạn Thắng tổ chức 5 buổi tuyên truyền.", encoding="utf-8")
    result = run("extract", article, "--format", "report", "--lang", "en")
    assert result.code == 2
    assert "fits several units; add --place 13864 | --place 22516" in result.err


def test_summary_of_an_article_points_to_extract(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    result = run("summary", article, "--lang", "en")
    assert result.code == 2
    assert f"{article} is text, not a report: read it with `antq extract" in result.err


def _with_stdin(text: str, *argv: str | Path) -> Run:
    old = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
    try:
        return run(*argv)
    finally:
        sys.stdin = old


def test_stdin_for_reports_figures_and_text() -> None:
    report = _with_stdin(KON_TUM.read_text(encoding="utf-8"), "summary", "-")
    assert report.code == 0, report.err
    assert report.out == run("summary", KON_TUM).out
    rows = "indicator,place,period,value\r\ntips.received,62,2023,726\r\n"
    tidy = _with_stdin(rows, "tidy", "-", "--format", "jsonl")
    assert tidy.code == 0, tidy.err
    assert '"indicator": "tips.received"' in tidy.out
    extracted = _with_stdin(TEXT, "extract", "-", "--format", "report")
    assert extracted.code == 0, extracted.err
    assert '"place": "62"' in extracted.out


def test_compare_reads_only_one_side_from_stdin() -> None:
    result = _with_stdin("", "compare", "-", "-", "--lang", "en")
    assert result.code == 2
    assert "only one side can be stdin (-)" in result.err


def test_lang_before_or_after_the_command() -> None:
    before = run("--lang", "en", "summary", KON_TUM)
    after = run("summary", KON_TUM, "--lang", "en")
    assert before.out == after.out
    assert before.out.startswith("Issuer: ")


@pytest.mark.parametrize("command", ["validate", "summary", "tidy", "compare", "extract"])
def test_every_command_takes_lang_and_its_help_has_examples(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([command, "--help"]) == 0
    shown = capsys.readouterr().out
    assert "--lang" in shown
    assert "ví dụ:\n  antq " in shown


def test_errors_in_the_run_language(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    vi = run("summary", article)
    en = run("summary", article, "--lang", "en")
    assert "là văn bản, không phải báo cáo" in vi.err
    assert "is text, not a report" in en.err
    assert "không" not in en.err


def test_compare_of_several_periods_points_to_antq_rollup(tmp_path: Path) -> None:
    rows = tmp_path / "quarters.csv"
    rows.write_text(
        "indicator,place,period,value\r\n"
        "tips.received,62,2023Q1,100\r\ntips.received,62,2023Q2,120\r\n",
        encoding="utf-8",
    )
    result = run("compare", rows, KON_TUM, "--lang", "en")
    assert result.code == 2
    assert "roll them up first with `antq rollup`" in result.err
