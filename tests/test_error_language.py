"""Errors in the run's language: a ``--lang vi`` run prints no English error words (issue 14).

A corpus of bad inputs (report files, tidy rows, command-line values) is run through the command
line twice: in Vietnamese every error line must be free of English words once the user's own
text (quoted values, keys in brackets, paths, options) is set aside, and must still name the
field, the value and what was expected; in English the lines are the ones the library printed
before errors had a Vietnamese form.
"""

from __future__ import annotations

import contextlib
import io
import json
import pickle
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from antq_domain.cli import main
from antq_domain.errors import (
    FileError,
    InvariantError,
    LimitError,
    Message,
    ParseError,
    RecordError,
    UnknownCodeError,
    location_text,
)

REPO = Path(__file__).resolve().parents[1]
KON_TUM = REPO / "examples" / "data" / "kon-tum-2023.json"

# words of the library's English error messages; none of them is Vietnamese
ENGLISH = re.compile(
    r"\b(expected|error|problems?|row|line|file|column|unknown|missing|required|not|the|of|"
    r"is|must|got|mean|key|repeated|input|field|value|valid|such|between|code|register|"
    r"catalogue|number|date|figure|status|when|only|with|never|none|most|characters|digits|"
    r"permitted|extra|read|found|skipped|directory|permission|place|period|indicator|amount|"
    r"should|quarter|month|year|whole|exists|during|readable|writable|such|cells|header|"
    r"separator|mark|object|text|once|one|name|a|or|and)\b",
    re.IGNORECASE,
)
# the user's own text and the names they type: quoted values, keys in brackets, options, paths
QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|`[^`\n]*`")
KEY = re.compile(r"\([A-Za-z_][\w.<>-]*\)")
OPTION = re.compile(r"--[a-z][a-z-]*")


def english_words(text: str, tmp: Path) -> list[str]:
    text = text.replace(str(tmp), "TMP")
    text = re.sub(r"^antq [a-z]+: ", "", text, flags=re.MULTILINE)  # the command's name
    text = re.sub(r"TMP/[^\s:]+|[\w.-]+\.(json|csv|jsonl|txt|xlsx)\b", " ", text)  # file names
    for pattern in (QUOTED, KEY, OPTION, METAVAR):
        text = pattern.sub(" ", text)
    return ENGLISH.findall(text)


METAVAR = re.compile(r"\b[A-Z][A-Z_]+\b")  # FILE, COMMAND: names in the usage line


def run(*argv: str | Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, err.getvalue()


def report_with(**changes: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data.update(changes)

    return change


def first_observation(**changes: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["observations"][0].update(changes)

    return change


def drop(key: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        del data[key]

    return change


# (name, change to the Kon Tum report, Vietnamese fragment, English fragment as printed before)
REPORTS: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    (
        "unknown place",
        report_with(place="99"),
        "địa bàn (place) = '99': cần một mã trong danh mục địa bàn",
        "  place: place='99': expected a code of the register",
    ),
    (
        "place gone in the period",
        report_with(place="51"),
        "cần một địa bàn tồn tại trong kỳ 2023",
        "place='51': expected a place that exists during 2023",
    ),
    (
        "bad quarter",
        report_with(period="2023Q5"),
        "kỳ báo cáo (period) = '2023Q5': cần một quý từ 1 đến 4",
        "  period: period='2023Q5': expected a quarter between 1 and 4",
    ),
    (
        "unknown field",
        report_with(colour="red"),
        "khóa 'colour': trường không có trong mẫu, không được phép (nhận được 'red')",
        "  colour: Extra inputs are not permitted (got 'red')",
    ),
    (
        "missing field",
        drop("issuer"),
        "cơ quan ban hành (issuer): thiếu trường bắt buộc",
        "  issuer: Field required (got {",
    ),
    (
        "impossible date",
        report_with(as_of="2023-13-01"),
        "ngày chốt số liệu (as_of): cần một ngày có thật",
        (
            "  as_of: Input should be a valid date or datetime, month value is outside expected "
            "range of 1-12 (got '2023-13-01')"
        ),
    ),
    (
        "unknown indicator",
        first_observation(indicator="tips.recieved"),
        (
            "chỉ tiêu (indicator) = 'tips.recieved': cần một mã trong danh mục chỉ tiêu "
            "(có phải là 'tips.received'"
        ),
        (
            "  observations.0.indicator: indicator='tips.recieved': expected a code of the "
            "catalogue (did you mean 'tips.received', 'tips.resolved', 'tips.cases_solved'?)"
        ),
    ),
    (
        "negative amount",
        first_observation(value={"amount": -5, "unit": "campaign"}),
        "con số (amount) = -5: cần một con số không âm",
        "  observations.0.value.reported: amount=-5: expected a non-negative amount",
    ),
    (
        "unknown unit",
        first_observation(value={"amount": 5, "unit": "bottle"}),
        "đơn vị tính (observations.0.value.reported.unit): cần 'campaign', 'session'",
        "  observations.0.value.reported.unit: Input should be 'campaign', 'session'",
    ),
    (
        "unit of another indicator",
        first_observation(value={"amount": 5, "unit": "person"}),
        "giá trị (value) = 'person': cần 'campaign', đơn vị tính của chỉ tiêu",
        (
            "  observations.0: value='person': expected 'campaign', the unit of indicator "
            "'mobilisation.launch_campaigns'"
        ),
    ),
    (
        "float amount",
        first_observation(value={"amount": 1.5, "unit": "campaign"}),
        "con số (amount) = 1.5: cần một số nguyên hoặc một số thập phân",
        (
            "  observations.0.value.reported.amount: amount=1.5: expected an integer or a decimal "
            "string (never a float)"
        ),
    ),
    (
        "bad publication date",
        report_with(publication={"title": "x", "published": "2013-13"}),
        "ngày (partial_date) = '2013-13': cần một tháng từ 1 đến 12",
        "partial_date='2013-13': expected a month between 1 and 12",
    ),
    (
        "too many digits",
        first_observation(value={"amount": 10**40, "unit": "campaign"}),
        "cần nhiều nhất 30 chữ số",
        "expected at most 30 digits",
    ),
]

# (name, file name, bytes, Vietnamese fragment, English fragment)
FILES: list[tuple[str, str, bytes, str, str]] = [
    (
        "invalid json",
        "broken.json",
        b'{"issuer": "x", ',
        "dòng 1: không phải JSON: cần tên khóa trong dấu ngoặc kép (cột 17)",
        "  line 1: not JSON: Expecting property name enclosed in double quotes (column 17)",
    ),
    (
        "repeated key",
        "dup.json",
        b'{"id": "x", "id": "y"}',
        "mã định danh (id): khóa 'id' lặp lại: mỗi khóa chỉ được một lần",
        "  id: key 'id' repeated: expected once",
    ),
    (
        "not utf-8",
        "latin.json",
        '{"issuer": "Công an"}'.encode("cp1258"),
        "dòng 1: byte 0xf4 ở vị trí 13: cần văn bản mã hóa UTF-8",
        "  line 1: byte 0xf4 at offset 13: expected UTF-8 text",
    ),
    (
        "nested too deep",
        "deep.json",
        b"[" * 100,
        (
            "văn bản JSON (JSON) = 'dấu ngoặc ở ký tự 64 mở cấp 65': cần JSON lồng nhau không "
            "quá 64 cấp"
        ),
        (
            "  JSON: JSON='a bracket at character 64 opening level 65': expected JSON nested at "
            "most 64 deep"
        ),
    ),
    (
        "bad rows",
        "rows.csv",
        (
            b"indicator,place,period,value\n"
            b"tips.received,99,2023,5\n"
            b"tips.recieved,62,2023,5\n"
            b"tips.received,62,2023Q5,5\n"
            b"tips.received,62,2023,abc\n"
            b"tips.received,62,2023,\n"
        ),
        "hàng 5: giá trị (value) = (trống): cần một con số khi tình trạng là 'reported'",
        (
            "  row 5: value=None: expected a figure when status is 'reported' (a missing figure "
            "needs a status such as 'not_reported')"
        ),
    ),
    (
        "row values",
        "values.csv",
        (
            b"indicator,place,period,value,status,qualifier,unit,reason\n"
            b"tips.received,62,2023,hon 5,,,,\n"
            b"tips.received,62,2023,5,maybe,,,\n"
            b"tips.received,62,2023,5,,,person,\n"
            b"tips.received,62,2023,5,,,,why\n"
            b"tips.received,62,2023,5,not_reported,,,\n"
            b"tips.received,62,2023,,withheld,,,\n"
        ),
        "tình trạng số liệu (status) = 'maybe': cần một trong các mã 'reported'",
        "  row 2: status='maybe': expected one of reported, not_reported",
    ),
    (
        "bad breakdown",
        "dims.csv",
        (
            b"indicator,place,period,value,dim_colour,dim_scope\n"
            b"tips.received,62,2023,5,red,\n"
            b"models.active,62,2023,5,,provincee\n"
        ),
        (
            "hàng 2: phân tổ (dims.scope) = 'provincee': cần một phân tổ của "
            "chỉ tiêu 'models.active': 'owner', 'model_kind'"
        ),
        (
            "  row 2.dims.scope: dims.scope='provincee': expected a dimension of 'models.active': "
            "owner, model_kind"
        ),
    ),
    (
        "excel csv",
        "excel.csv",
        "indicator;place;period;value\ntips.received;62;2023;abc\n".encode("utf-8-sig"),
        "(tệp): đọc như CSV với dấu ';' giữa các ô (nhận ra từ dòng tiêu đề); đã bỏ qua dấu BOM",
        (
            "  (file): read as CSV with ';' between cells (found in the header line); a UTF-8 "
            "byte-order mark was skipped"
        ),
    ),
    (
        "unknown column",
        "extra.csv",
        b"indicator,place,period,value,colour\ntips.received,62,2023,5,red\n",
        "dòng 1: cột 'colour' không có trong mẫu: cần một trong các cột 'indicator'",
        "  line 1: unknown column 'colour': expected one of indicator, place, period, value",
    ),
    (
        "repeated column",
        "twice.csv",
        b"indicator,place,period,value,value\ntips.received,62,2023,5,5\n",
        "dòng 1: cột 'value' xuất hiện 2 lần: mỗi cột chỉ được một lần trong dòng tiêu đề",
        "  line 1: column 'value' appears 2 times: expected each column once in the header",
    ),
    (
        "short row",
        "short.csv",
        b"indicator,place,period,value\ntips.received,62\n",
        "dòng 2: 2 ô: cần 4 ô, mỗi cột tiêu đề một ô",
        "  line 2: 2 cells: expected 4, one per header column",
    ),
    (
        "open quote",
        "quote.csv",
        b'indicator,place,period,value\ntips.received,62,2023,"5\n',
        "CSV sai cấu trúc: dữ liệu kết thúc giữa chừng",
        "  line 2: malformed CSV: unexpected end of data (an unterminated quote?)",
    ),
    (
        "bad json line",
        "rows.jsonl",
        b'{"indicator": "tips.received", "place": "62", "period": "2023", "value": 5}\n{bad\n[1]\n',
        "hàng 3: cần một đối tượng JSON",
        "  row 2: not JSON: Expecting property name enclosed in double quotes",
    ),
]


def kon_tum() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(KON_TUM.read_text(encoding="utf-8"))
    return data


def write_report(tmp: Path, name: str, change: Callable[[dict[str, Any]], None]) -> Path:
    data = kon_tum()
    change(data)
    path = tmp / f"{name.replace(' ', '-')}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# command lines whose values are wrong: (name, argv after `antq`, vi fragment, en fragment)
def command_lines(tmp: Path) -> list[tuple[str, list[str | Path], str, str]]:
    article = tmp / "article.txt"
    article.write_text("Năm 2023, có 63 tổ hòa giải.", encoding="utf-8")
    rows = tmp / "ok.csv"
    rows.write_text("indicator,place,period,value\ntips.received,608,2023,5\n", encoding="utf-8")
    conflict = tmp / "conflict.csv"
    conflict.write_text(
        "indicator,place,period,value\ntips.received,608,2023,5\ntips.received,608,2023,6\n",
        encoding="utf-8",
    )
    register = tmp / "register.csv"
    register.write_text(
        "code,name,kind,parent,valid_from,valid_to,successors\n"
        "P,Tỉnh A,provinse,,,,\nD,Huyện B,district,P,2020-13-01,,\n",
        encoding="utf-8",
    )
    workbook = tmp / "book.xlsx"
    workbook.write_bytes(b"not a zip")
    return [
        (
            "conflicting rows",
            ["rollup", conflict, "--to", "province", "--period", "2023"],
            (
                "giá trị (value) = 'tips.received 608 2023 : 6 tip và 5 tip (values_differ)': "
                "cần mỗi ô một giá trị: giải quyết các nguồn mâu thuẫn trước khi tổng hợp"
            ),
            (
                "value='tips.received 608 2023 : 6 tip and 5 tip (values_differ)': expected one "
                "value per cell: settle conflicting sources before aggregating"
            ),
        ),
        (
            "unknown target",
            ["rollup", rows, "--to", "provincee", "--period", "2023"],
            "địa bàn (place) = 'provincee': cần mã chính thức của một đơn vị",
            "place='provincee': expected an official code held by a unit on 2023-12-31",
        ),
        (
            "bad register",
            ["rollup", rows, "--to", "province", "--period", "2023", "--registry", register],
            "hàng 2: loại (kind) = 'provinse': cần một trong các mã 'nation'",
            "  row 2.kind: kind='provinse': expected one of nation, province",
        ),
        (
            "not a workbook",
            ["validate", workbook],
            "(tệp): không phải một sổ tính .xlsx (BadZipFile)",
            "  (file): not an .xlsx workbook (BadZipFile: File is not a zip file)",
        ),
        (
            "missing file",
            ["validate", tmp / "nope.json"],
            "nope.json: không có tệp hoặc thư mục này",
            "nope.json: No such file or directory",
        ),
        (
            "unknown place option",
            ["extract", article, "--place", "XYZ", "--period", "2023"],
            "--place = 'XYZ': cần một mã trong danh mục địa bàn hoặc tên một địa bàn",
            "--place='XYZ': expected a code of the register or the name of a place",
        ),
        (
            "bad period option",
            ["extract", article, "--period", "2023Q7"],
            "kỳ báo cáo (period) = '2023Q7': cần một quý từ 1 đến 4",
            "period='2023Q7': expected a quarter between 1 and 4",
        ),
        (
            "unreadable period",
            ["rollup", rows, "--to", "province", "--period", "20x"],
            "kỳ báo cáo (period) = '20x': cần một mã kỳ",
            "period='20x': expected a period id (2023",
        ),
        (
            "bad as-of",
            ["rollup", rows, "--to", "province", "--period", "2023", "--as-of", "2023-1"],
            "ngày chốt số liệu (as_of) = '2023-1': cần một ngày dạng NNNN-TT-NN",
            "as_of='2023-1': expected a date such as 2025-07-01",
        ),
        (
            "unknown output suffix",
            ["tidy", KON_TUM, "--output", tmp / "rows.xls"],
            "cần một tệp có đuôi .csv, .jsonl, .ndjson hoặc .xlsx",
            "expected a file ending in .csv, .jsonl, .ndjson or .xlsx",
        ),
        (
            "unwritable output",
            ["tidy", KON_TUM, "--output", tmp / "no-such-dir" / "rows.csv"],
            "rows.csv: không có tệp hoặc thư mục này",
            "rows.csv: No such file or directory",
        ),
        (
            "text for a report",
            ["summary", article],
            "là văn bản, không phải báo cáo",
            "is text, not a report",
        ),
    ]


def cases(tmp: Path) -> list[tuple[str, list[str | Path], str, str]]:
    out: list[tuple[str, list[str | Path], str, str]] = []
    for name, change, vi, en in REPORTS:
        out.append((name, ["summary", write_report(tmp, name, change)], vi, en))
    for name, file_name, data, vi, en in FILES:
        path = tmp / file_name
        path.write_bytes(data)
        command = "summary" if file_name.endswith(".json") else "validate"
        out.append((name, [command, path], vi, en))
    return out + command_lines(tmp)


COMMANDS = [
    "conflicting rows",
    "unknown target",
    "bad register",
    "not a workbook",
    "missing file",
    "unknown place option",
    "bad period option",
    "unreadable period",
    "bad as-of",
    "unknown output suffix",
    "unwritable output",
    "text for a report",
]
NAMES = [n for n, *_ in REPORTS] + [n for n, *_ in FILES] + COMMANDS


def test_every_command_line_case_is_run(tmp_path: Path) -> None:
    assert [n for n, *_ in command_lines(tmp_path)] == COMMANDS


@pytest.mark.parametrize("name", NAMES)
def test_a_vi_run_prints_its_errors_in_vietnamese(tmp_path: Path, name: str) -> None:
    [(_, argv, vi, _en)] = [c for c in cases(tmp_path) if c[0] == name]
    code, err = run(*argv, "--lang", "vi")
    assert code == 2, err
    assert "lỗi:" in err, err
    assert vi in err, err
    assert english_words(err, tmp_path) == [], err


@pytest.mark.parametrize("name", NAMES)
def test_an_en_run_prints_the_english_messages_unchanged(tmp_path: Path, name: str) -> None:
    [(_, argv, _vi, en)] = [c for c in cases(tmp_path) if c[0] == name]
    code, err = run(*argv, "--lang", "en")
    assert code == 2, err
    assert "error:" in err, err
    assert en in err, err
    assert "lỗi" not in err, err
    assert "cần " not in err, err


def test_the_english_pattern_can_fail(tmp_path: Path) -> None:
    # what a vi run printed before errors had Vietnamese words
    before = (
        "antq validate: error: tidy rows: 1 problem\n"
        "  row 4.period: period='2023Q5': expected a quarter between 1 and 4\n"
    )
    assert english_words(before, tmp_path)
    # and what it prints now passes
    assert not english_words(
        "antq validate: lỗi: bảng số liệu: 1 lỗi\n"
        "  hàng 4: kỳ báo cáo (period) = '2023Q5': cần một quý từ 1 đến 4\n",
        tmp_path,
    )


def test_a_left_out_row_is_reported_in_the_run_language(tmp_path: Path) -> None:
    rows = tmp_path / "rows.csv"
    rows.write_text(
        "indicator,place,period,value\ntips.received,608,2023,5\ntips.received,616,2023,1x\n",
        encoding="utf-8",
    )
    argv: list[str | Path] = [
        "rollup",
        rows,
        "--to",
        "province",
        "--period",
        "2023",
        "--leave-out-bad-rows",
    ]
    code, err = run(*argv, "--lang", "vi")
    assert code == 1
    assert "bỏ ra: hàng 2: giá trị (value) = '1x': cần một số nguyên" in err, err
    assert english_words(err, tmp_path) == [], err
    code, err = run(*argv, "--lang", "en")
    assert "left out: row 2: value='1x': expected a whole number of 'tip'" in err, err


# command lines argparse refuses: (argv, vi reason, en reason as argparse words it)
REFUSED: list[tuple[list[str], str, str]] = [
    (["frobnicate"], "tham số COMMAND: lựa chọn không hợp lệ: 'frobnicate'", "invalid choice"),
    (["summary"], "thiếu tham số bắt buộc: FILE", "the following arguments are required: FILE"),
    (["summary", "r.json", "--bogus"], "không nhận ra tham số: --bogus", "unrecognized arguments"),
    (["tidy", "r.json", "--format", "xls"], "tham số --format: lựa chọn", "invalid choice: 'xls'"),
    (["rollup", "x.csv", "--period", "2023"], "thiếu tham số bắt buộc: --to", "required: --to"),
    (["summary", "r.json", "--lang"], "tham số --lang: cần một giá trị", "expected one argument"),
    ([], "cần một lệnh", "a command is required"),
]


@pytest.mark.parametrize(("argv", "vi", "en"), REFUSED)
def test_a_command_line_argparse_refuses_is_refused_in_the_run_language(
    tmp_path: Path, argv: list[str], vi: str, en: str
) -> None:
    lang_vi = [] if argv and argv[-1] == "--lang" else ["--lang", "vi"]
    code, err = run(*argv, *lang_vi)
    assert code == 2
    assert err.startswith("cách dùng: antq"), err
    assert f": lỗi: {vi}" in err, err
    reason = err.split(": lỗi: ", 1)[1]
    assert english_words(reason, tmp_path) == [], err
    if argv and argv[-1] == "--lang":
        return  # no language can follow a --lang without its value
    code, err = run("--lang", "en", *argv)
    assert code == 2
    assert err.startswith("usage: antq"), err
    assert ": error: " in err, err
    assert en in err, err


# -- the parts and their rendering ----------------------------------------------------
class TestParts:
    def test_str_is_english_and_text_renders_either_language(self) -> None:
        err = ParseError("period", "2023Q5", "a quarter between 1 and 4", expected_vi="một quý")
        assert str(err) == "period='2023Q5': expected a quarter between 1 and 4"
        assert err.text("en") == str(err)
        assert err.text("vi") == "kỳ báo cáo (period) = '2023Q5': cần một quý"
        assert (err.field, err.value, err.expected, err.expected_vi) == (
            "period",
            "2023Q5",
            "a quarter between 1 and 4",
            "một quý",
        )

    def test_a_value_in_words_is_shown_in_the_message_language(self) -> None:
        err = LimitError(
            "JSON",
            Message("a bracket at character 64", "dấu ngoặc ở ký tự 64"),
            "at most 64 deep",
            expected_vi="không quá 64 cấp",
        )
        assert str(err) == "JSON='a bracket at character 64': expected at most 64 deep"
        assert (
            err.text("vi") == "văn bản JSON (JSON) = 'dấu ngoặc ở ký tự 64': cần không quá 64 cấp"
        )
        assert pickle.loads(pickle.dumps(err)).text("vi") == err.text("vi")  # noqa: S301 - ours

    def test_without_vietnamese_words_both_languages_show_the_english(self) -> None:
        err = InvariantError("x", 1, "two")
        assert err.text("vi") == err.text("en") == "x=1: expected two"

    @pytest.mark.parametrize(
        "err",
        [
            ParseError("period", "x", "a period", expected_vi="một kỳ"),
            UnknownCodeError("place", "99", "a code", expected_vi="một mã"),
            LimitError("quote", "x" * 200, "at most 100", expected_vi="nhiều nhất 100"),
            FileError("path", "r.json", "a readable file", expected_vi="một tệp đọc được"),
        ],
    )
    def test_pickling_keeps_both_languages(self, err: Any) -> None:
        copy = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own bytes
        assert type(copy) is type(err)
        assert str(copy) == str(err)
        assert copy.text("vi") == err.text("vi")

    def test_record_error_keeps_problems_english_and_parts_as_given(self) -> None:
        bad = ParseError("period", "2023Q5", "a quarter between 1 and 4", expected_vi="một quý")
        note = Message("read as CSV", "đọc như CSV")
        err = RecordError("tidy rows", [("row 4.period", bad), ("(file)", note), ("", "plain")])
        assert err.problems == [
            ("row 4.period", "period='2023Q5': expected a quarter between 1 and 4"),
            ("(file)", "read as CSV"),
            ("", "plain"),
        ]
        assert err.parts[0][1] is bad
        assert str(err).splitlines()[0] == "tidy rows: 3 problems"
        assert err.text("vi").splitlines() == [
            "bảng số liệu: 3 lỗi",
            "  hàng 4: kỳ báo cáo (period) = '2023Q5': cần một quý",
            "  (tệp): đọc như CSV",
            "  (bản ghi): plain",
        ]
        copy = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own bytes
        assert copy.text("vi") == err.text("vi")
        assert copy.problems == err.problems

    @pytest.mark.parametrize(
        ("location", "vi"),
        [
            ("row 3", "hàng 3"),
            ("line 1", "dòng 1"),
            ("row 2.dim_form", "hàng 2, phân tổ (dim_form)"),
            (
                "observations.12.value.reported.amount",
                "con số (observations.12.value.reported.amount)",
            ),
            ("observations.0", "số liệu (observations.0)"),
            ("row 3.dims.scope", "hàng 3, phân tổ (dims.scope)"),
            ("colour", "khóa 'colour'"),
            ("(file)", "(tệp)"),
            ("", "(bản ghi)"),
        ],
    )
    def test_locations(self, location: str, vi: str) -> None:
        assert location_text(location, "vi") == vi
        assert location_text(location, "en") == (location or "(record)")


# -- --help in the run's language -----------------------------------------------------
HELP_COMMANDS = ("", "validate", "summary", "schema", "tidy", "compare", "rollup", "extract")
# words of the English help texts and of argparse's own, beyond those of the error messages
HELP_ENGLISH = re.compile(
    r"\b(usage|options|optional|positional|arguments|show|help|message|exit|print|version|"
    r"language|written|errors|too|default|examples|check|run|every|report|reports|summary|"
    r"findings|figures|rows|tidy|write|level|target|day|tree|used|restate|history|units|"
    r"draft|quote|extraction|for|to|by|on|if|per|from|as)\b",  # not "in": vi "print"
    re.IGNORECASE,
)
VIETNAMESE_LETTER = re.compile(
    r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]"
)


def help_text(*argv: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([a for a in argv if a]) == 0
    return out.getvalue()


def help_words(text: str, tmp: Path) -> list[str]:
    """The English words of a help text once command lines, choices and names are set aside."""
    text = re.sub(r"^  (antq|cat) .*$", " ", text, flags=re.MULTILINE)  # the examples
    text = re.sub(r"\{[\w,]+\}|(?<!\w)-h\b|\bantq( [a-z]+)?\b", " ", text)  # choices, -h, antq
    text = re.sub(r"^ {4}[a-z]+ ", " ", text, flags=re.MULTILINE)  # command names
    cleaned = re.sub(r"\s+", " ", text)
    return english_words(cleaned, tmp) + HELP_ENGLISH.findall(
        METAVAR.sub(" ", OPTION.sub(" ", QUOTED.sub(" ", cleaned)))
    )


@pytest.mark.parametrize("command", HELP_COMMANDS)
@pytest.mark.parametrize("lang", [[], ["--lang", "vi"], ["--lang=vi"]])
def test_help_is_vietnamese_in_a_vi_run(tmp_path: Path, command: str, lang: list[str]) -> None:
    text = help_text(*lang, command, "--help")
    assert text.startswith(f"cách dùng: antq {command}".rstrip()), text
    assert "\ntùy chọn:\n" in text
    assert "in hướng dẫn này rồi thoát" in text
    assert "\nví dụ:\n  antq " in text
    assert help_words(text, tmp_path) == [], text


@pytest.mark.parametrize("command", HELP_COMMANDS)
def test_help_is_english_in_an_en_run(tmp_path: Path, command: str) -> None:
    text = help_text("--lang", "en", command, "--help")
    assert text.startswith(f"usage: antq {command}".rstrip()), text
    assert "\noptions:\n" in text or "\noptional arguments:\n" in text
    assert "show this help message and exit" in text
    assert "\nexamples:\n  antq " in text
    assert help_words(text, tmp_path)  # the check above can fail
    # Vietnamese only in the quoted names ('tỉnh Kon Tum') and the title of `extract`
    unquoted = QUOTED.sub(" ", text).replace("Vietnamese", "")
    assert not VIETNAMESE_LETTER.findall(unquoted), text


def test_positional_heading_is_translated_too(tmp_path: Path) -> None:
    text = help_text("compare", "--help")
    assert "\ntham số vị trí:\n  CURRENT " in text
    assert "positional" not in text
