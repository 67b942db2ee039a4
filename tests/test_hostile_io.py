"""Hostile files: readers that never lose or invent data, writers the readers take back.

One test (or a few) per defect class of issue 15; the inputs are tiny files
that used to be read wrongly, silently, or with an error outside the
library's hierarchy.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from antq_domain._disk import FORMULA_PREFIXES, escape_cell, unescape_cell, write_atomic
from antq_domain.cli import main
from antq_domain.errors import AntqError, FileError, LimitError, RecordError
from antq_domain.io import (
    dump_report,
    from_tidy,
    load_report,
    read_observations,
    tidy,
    write_observations,
)
from antq_domain.limits import MAX_FIELD_CHARS, MAX_NESTING
from antq_domain.records import MovementReport
from antq_domain.records.observation import Observation
from antq_domain.strategies import observations, reports
from antq_domain.values import Quantity, Withheld

HEAD = "indicator,place,period,value\n"


def _problems(exc: pytest.ExceptionInfo[RecordError]) -> list[str]:
    return [f"{loc}: {msg}" for loc, msg in exc.value.problems]


def _obs(**extra: object) -> Observation:
    fields: dict[str, object] = {
        "indicator": "tips.received",
        "place": "62",
        "period": "2023",
        "value": Quantity(726, "tip"),
    }
    fields.update(extra)
    return Observation.model_validate(fields)


# -- resource exhaustion from tiny inputs ---------------------------------------------
@pytest.mark.parametrize("value", ["1e999999", "1E+9", "1_000", "-0", "+5", " 5e2"])
def test_csv_decimal_with_exponent_or_sign_is_refused(tmp_path: Path, value: str) -> None:
    path = tmp_path / "kg.csv"
    path.write_text(HEAD + f"weapons.explosives,62,2023,{value}\n", encoding="utf-8")
    with pytest.raises(RecordError) as info:
        read_observations(path)
    assert info.value.problems[0][0] == "row 1"


def test_csv_count_with_thousands_of_digits_is_the_librarys_error(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(HEAD + "tips.received,62,2023," + "9" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(RecordError) as info:
        read_observations(path)
    assert "int_max_str_digits" not in str(info.value)


@pytest.mark.parametrize(
    "value", ["1e999999", "9" * 5000, "1." + "1" * 40, "NaN", "Infinity", "-Infinity"]
)
def test_jsonl_numbers_over_the_budget(tmp_path: Path, value: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(
        '{"indicator": "weapons.explosives", "place": "62", "period": "2023", '
        f'"value": {value}}}\n',
        encoding="utf-8",
    )
    with pytest.raises(RecordError) as info:
        read_observations(path)
    assert info.value.problems[0][0] == "row 1"


def test_deep_jsonl_is_a_located_error_not_recursion(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * 100_000 + "\n" + "{" * (MAX_NESTING + 1) + "\n", encoding="utf-8")
    with pytest.raises(RecordError) as info:
        read_observations(path)
    assert [loc for loc, _ in info.value.problems] == ["row 1", "row 2"]


def test_deep_report_json_is_a_located_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"issuer": ' + "[" * 100_000, encoding="utf-8")
    with pytest.raises(RecordError, match="nested at most"):
        load_report(path)


def test_report_number_with_exponent_is_refused(tmp_path: Path) -> None:
    data = _report_data()
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data).replace('"amount": 726', '"amount": 7.26e2'), encoding="utf-8")
    with pytest.raises(RecordError, match="exponent"):
        load_report(path)


def test_cell_over_the_field_limit_is_named(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text(
        "indicator,place,period,value,quote\n"
        f"tips.received,62,2023,5,{'x' * (MAX_FIELD_CHARS + 1)}\n"
        f'tips.received,62,2023,5,"{"y" * 200_000}"\n',  # over the csv module's own limit
        encoding="utf-8",
    )
    with pytest.raises(RecordError) as info:
        read_observations(path)
    assert [loc for loc, _ in info.value.problems] == ["line 2", "line 3"]


# -- silent loss in the readers -------------------------------------------------------
def test_unterminated_quote_does_not_swallow_rows(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text(HEAD + 'tips.received,62,2023,"5\ntips.valuable,62,2023,6\n')
    with pytest.raises(RecordError) as info:
        read_observations(path)
    assert "unterminated quote" in str(info.value)


def test_repeated_csv_header_column(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("indicator,place,period,value,value\ntips.received,62,2023,5,6\n")
    with pytest.raises(RecordError) as info:
        read_observations(path)
    assert _problems(info) == [
        "line 1: column 'value' appears 2 times: expected each column once in the header"
    ]


def test_repeated_jsonl_key(tmp_path: Path) -> None:
    path = tmp_path / "dup.jsonl"
    path.write_text(
        '{"indicator": "tips.received", "place": "62", "period": "2023", "value": 5, "value": 6}\n'
    )
    with pytest.raises(RecordError) as info:
        read_observations(path)
    assert info.value.problems[0][0] == "row 1.value"


def _report_data() -> dict[str, object]:
    return {
        "issuer": "x",
        "place": "62",
        "period": "2023",
        "as_of": "2024-01-01",
        "observations": [
            {
                "indicator": "tips.received",
                "place": "62",
                "period": "2023",
                "value": {"amount": 726, "unit": "tip"},
            }
        ],
    }


def test_repeated_report_key_never_empties_a_report(tmp_path: Path) -> None:
    text = json.dumps(_report_data())[:-1] + ', "observations": []}'
    path = tmp_path / "r.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RecordError) as info:
        load_report(path)
    assert info.value.problems == [("observations", "key 'observations' repeated: expected once")]


def test_unknown_all_empty_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text("indicator,place,period,value,colour\ntips.received,62,2023,5,\n")
    with pytest.raises(RecordError) as info:
        read_observations(path)
    assert info.value.problems[0][0] == "line 1"
    assert "'colour'" in info.value.problems[0][1]


@pytest.mark.parametrize("row", ["tips.received,62,2023\n", "tips.received,62,2023,5,6\n"])
def test_ragged_rows_are_errors(tmp_path: Path, row: str) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text(HEAD + row)
    with pytest.raises(RecordError) as info:
        read_observations(path)
    assert info.value.problems[0][0] == "line 2"


def test_empty_source_is_refused_not_turned_into_none() -> None:
    with pytest.raises(RecordError, match="source"):
        _obs(source="")
    with pytest.raises(RecordError, match="quote"):
        _obs(quote="")


def test_pandas_missing_values_read_as_absent() -> None:
    nan = float("nan")
    rows = [
        {
            "indicator": "tips.received",
            "place": "62",
            "period": "2023",
            "value": nan,
            "status": "not_reported",
            "source": nan,
            "quote": nan,
        }
    ]
    (obs,) = from_tidy(rows)
    assert obs.source is None
    assert obs.status.value == "not_reported"


def test_numpy_integers_are_counts() -> None:
    np = pytest.importorskip("numpy")
    rows = [{"indicator": "tips.received", "place": "62", "period": "2023", "value": np.int64(7)}]
    assert from_tidy(rows)[0].value == Quantity(7, "tip")


# -- errors outside the hierarchy -------------------------------------------------------
def test_bytes_that_are_not_utf8_are_located(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(HEAD.encode() + b"tips.received,62,2023,\xff\n")
    with pytest.raises(RecordError) as info:
        read_observations(path)
    assert info.value.problems[0][0] == "line 2"


def test_missing_file_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(FileError) as info:
        read_observations(tmp_path / "nope.csv")
    assert isinstance(info.value, OSError)
    assert isinstance(info.value, AntqError)
    with pytest.raises(FileError):
        load_report(tmp_path / "nope.json")


def test_unknown_indicator_is_located_and_hides_nothing(tmp_path: Path) -> None:
    data = _report_data()
    obs = data["observations"]
    assert isinstance(obs, list)
    obs.insert(0, {**obs[0], "indicator": "tips.nope"})
    obs.append({**obs[0], "indicator": "tips.valuable", "value": {"amount": -1, "unit": "tip"}})
    data["colour"] = "red"
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(RecordError) as info:
        load_report(path)
    locations = [loc for loc, _ in info.value.problems]
    assert "observations.0.indicator" in locations
    assert any(loc.startswith("observations.2") for loc in locations)
    assert "colour" in locations


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe",
        b"[" * 100_000,
        HEAD.encode() + b'tips.received,62,2023,"5\n',
        b"indicator,place\n" + b"x" * 200_000 + b"\n",
    ],
)
@pytest.mark.parametrize("command", ["validate", "tidy", "summary"])
def test_cli_bad_input_exits_2_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, command: str
) -> None:
    path = tmp_path / ("in.json" if content.startswith(b"[") else "in.csv")
    if command == "summary":
        path = tmp_path / "in.json"
    path.write_bytes(content)
    assert main([command, str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err


def test_cli_extract_of_non_utf8_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes(b"Kon Tum \xff")
    assert main(["extract", str(path), "--lang", "en"]) == 2
    assert "line 1" in capsys.readouterr().err


# -- writers whose output the readers take back ---------------------------------------------
_HOSTILE = st.one_of(
    st.sampled_from(
        [
            '=HYPERLINK("http://x")',
            "+1",
            "-1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "'already quoted",
            "''",
            "-0",
            "a\r\nb",
            "a\x00b",
            '"',
            "x" * (MAX_FIELD_CHARS - 1) + '"',
        ]
    ),
    st.text(
        st.sampled_from([*list(FORMULA_PREFIXES), "\n", "\x00", "\x1f", '"', ",", "a", "ư"]),
        min_size=1,
        max_size=12,
    ),
    st.text(min_size=1, max_size=30).filter(
        lambda t: not any(0xD800 <= ord(c) <= 0xDFFF for c in t)
    ),
)


@given(_HOSTILE)
def test_escape_is_exactly_undone(text: str) -> None:
    escaped = escape_cell(text)
    assert unescape_cell(escaped) == text
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))


@given(source=_HOSTILE, quote=_HOSTILE.filter(str.strip), reason=_HOSTILE.filter(str.strip))
def test_hostile_text_round_trips_through_csv_and_jsonl(
    tmp_path_factory: pytest.TempPathFactory, source: str, quote: str, reason: str
) -> None:
    obs = [
        _obs(source=source, quote=quote),
        _obs(indicator="tips.valuable", value=Withheld(reason), source=source),
    ]
    folder = tmp_path_factory.mktemp("rt")
    for name in ("o.csv", "o.jsonl"):
        path = write_observations(obs, folder / name)
        assert read_observations(path) == obs
        # byte for byte: writing what was read gives the same file
        again = write_observations(read_observations(path), folder / f"again-{name}")
        assert again.read_bytes() == path.read_bytes()
    raw = write_observations(obs, folder / "raw.csv", spreadsheet_safe=False)
    assert read_observations(raw, spreadsheet_safe=False) == obs


def test_spreadsheet_safe_is_the_default(tmp_path: Path) -> None:
    obs = [_obs(source="=1+1", quote="@cmd")]
    text = write_observations(obs, tmp_path / "o.csv").read_text(encoding="utf-8")
    assert "'=1+1" in text
    assert "'@cmd" in text
    raw = write_observations(obs, tmp_path / "raw.csv", spreadsheet_safe=False)
    assert ",=1+1," in raw.read_text(encoding="utf-8")


@given(observations())
def test_generated_observations_round_trip_byte_for_byte(obs: Observation) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("o.csv", "o.jsonl"):
            path = write_observations([obs], Path(tmp) / name)
            assert read_observations(path) == [obs]
            again = write_observations(read_observations(path), Path(tmp) / f"2{name}")
            assert again.read_bytes() == path.read_bytes()


def test_negative_zero_is_written_as_zero(tmp_path: Path) -> None:
    obs = [_obs(indicator="weapons.explosives", value=Quantity(Decimal("-0.0"), "kilogram"))]
    assert str(obs[0].value) == "0.0 kilogram"
    assert read_observations(write_observations(obs, tmp_path / "o.csv")) == obs


def test_lone_surrogate_is_refused_on_entry() -> None:
    with pytest.raises(RecordError, match="surrogate"):
        _obs(quote="a\ud800b")


def test_tidy_rows_round_trip_hostile_text() -> None:
    obs = [_obs(source="=cmd|' /C calc'!A0", quote="-2+3")]
    assert from_tidy(tidy(obs)) == obs


# -- atomic writes ---------------------------------------------------------------------------
def test_failed_write_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_observations([_obs()], tmp_path / "o.csv")
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(FileError, match="No space left"):
        write_observations([_obs(), _obs(indicator="tips.valuable")], path)
    with pytest.raises(FileError):
        dump_report(load_report_stub(), tmp_path / "r.json")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.csv"]


def load_report_stub() -> MovementReport:
    return MovementReport(issuer="x", place="62", period="2023", as_of=date(2024, 1, 1))


def test_atomic_write_keeps_mode_and_follows_symlinks(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"
    assert real.stat().st_mode & 0o777 == 0o640


def test_write_to_a_missing_folder_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(FileError):
        write_observations([_obs()], tmp_path / "no" / "such" / "o.csv")


def test_limits_error_message_is_short() -> None:
    err = LimitError("quote", "x" * 1_000_000, "at most 100000 characters")
    assert len(str(err)) < 200


# -- registers: deep chains, strict CSV, safe cells ------------------------------------------
def _chain_rows(n: int) -> str:
    lines = ["code,name,kind,parent,valid_from,valid_to,successors"]
    for i in range(n):
        start = date(2000, 1, 1).toordinal() + i
        frm = date.fromordinal(start).isoformat()
        to = date.fromordinal(start).isoformat()
        succ = f"Z{i + 1}" if i + 1 < n else ""
        lines.append(f"Z{i},Tỉnh {i},province,,{frm},{to},{succ}")
    return "\n".join(lines) + "\n"


def test_deep_successor_chain_is_no_recursion_error(tmp_path: Path) -> None:
    from antq_domain.records.places import load_registry

    path = tmp_path / "chain.csv"
    path.write_text(_chain_rows(5000), encoding="utf-8")
    reg = load_registry(path)
    assert len(list(reg)) == 5000


def test_register_csv_problems_are_record_errors(tmp_path: Path) -> None:
    from antq_domain.records.places import load_registry

    path = tmp_path / "r.csv"
    path.write_text(
        'code,name,kind,parent,valid_from,valid_to,successors\nP,"Tỉnh A,province,,,,\n',
        encoding="utf-8",
    )
    with pytest.raises(RecordError, match="malformed CSV"):
        load_registry(path)
    path.write_text("code,name,name,kind,parent,valid_from,valid_to,successors\n")
    with pytest.raises(RecordError, match="repeated"):
        load_registry(path)
    path.write_bytes(b"\xff")
    with pytest.raises(RecordError, match="UTF-8"):
        load_registry(path)
    with pytest.raises(FileError):
        load_registry(tmp_path / "nope.csv")


def test_register_round_trip_with_formula_names(tmp_path: Path) -> None:
    from antq_domain.records.places import Place, Registry, dump_registry, load_registry

    reg = Registry(
        [
            Place(code="P", name="=Tỉnh A", kind="province"),
            Place(code="Q", name="'Tỉnh B", kind="province"),
        ]
    )
    path = tmp_path / "reg.csv"
    dump_registry(reg, path)
    assert "'=Tỉnh A" in path.read_text(encoding="utf-8")
    assert load_registry(path) == reg
    dump_registry(reg, path, spreadsheet_safe=False)
    assert load_registry(path, spreadsheet_safe=False) == reg


# -- once-only caches -----------------------------------------------------------------------
def test_once_builds_a_single_time_under_threads() -> None:
    import threading
    import time

    from antq_domain._once import once

    calls: list[int] = []

    @once
    def slow() -> object:
        calls.append(1)
        time.sleep(0.05)  # every thread arrives while the first builds
        return object()

    results: list[object] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        results.append(slow())

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert all(r is results[0] for r in results)


def test_registry_and_catalogue_are_once_only() -> None:
    from antq_domain._once import Once
    from antq_domain.records.indicators import catalogue
    from antq_domain.records.places import registry

    assert isinstance(registry, Once)
    assert isinstance(catalogue, Once)


def test_once_retries_after_a_failed_build() -> None:
    from antq_domain._once import once

    attempts: list[int] = []

    @once
    def flaky() -> int:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("first")
        return 7

    with pytest.raises(RuntimeError):
        flaky()
    assert flaky() == 7


def test_bulk_reader_undoes_the_spreadsheet_escape(tmp_path: Path) -> None:
    pytest.importorskip("polars")
    from antq_domain.bulk import read_table

    obs = [_obs(source="=1+1", quote="'x"), _obs(indicator="tips.valuable", quote="-2")]
    path = write_observations(obs, tmp_path / "o.csv")
    assert read_table(path).to_observations() == read_observations(path) == obs


def test_report_on_stdin_is_screened_like_a_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    text = json.dumps(_report_data())[:-1] + ', "observations": []}'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode()), "utf-8"))
    assert main(["summary", "-", "--lang", "en"]) == 2
    assert "key 'observations' repeated" in capsys.readouterr().err


def test_a_report_with_long_texts_round_trips(tmp_path: Path) -> None:
    # a report's own texts have no length limit: what dump_report writes loads back
    report = MovementReport(
        issuer="x" * (MAX_FIELD_CHARS * 2), place="62", period="2023", as_of=date(2024, 1, 1)
    )
    assert load_report(dump_report(report, tmp_path / "r.json")) == report


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(reports(max_observations=4, max_records=2))
def test_reports_round_trip_byte_for_byte(report: MovementReport) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = dump_report(report, Path(tmp) / "r.json")
        back = load_report(path)
        assert back == report
        assert dump_report(back, Path(tmp) / "again.json").read_bytes() == path.read_bytes()
