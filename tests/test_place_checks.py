"""Place codes are checked against the register wherever a place is given (issue 14, item 1).

A report, its figures, tidy rows and files give register codes, checked as of
their period (a district code is valid in a 2023 report, a commune of the
2025 tree is not); a wrong code is refused with "did you mean" by name. Where
the API says a place may be given by name (``Registry.place``, the CLI's
``--place``), the name is resolved through the register's search.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import antq_domain as aq
from antq_domain.errors import InvariantError, RecordError, UnknownCodeError
from antq_domain.records.places import Place, Registry, registry
from antq_domain.values import Period

Y2023 = Period.parse("2023")


def _row(place: str, period: str = "2023") -> dict[str, object]:
    return {"indicator": "tips.received", "place": place, "period": period, "value": 7}


def _report(place: str, obs_place: str = "62") -> dict[str, object]:
    return {
        "issuer": "Ban Chỉ đạo",
        "place": place,
        "period": "2023",
        "as_of": "2024-01-15",
        "observations": [
            {
                "indicator": "tips.received",
                "place": obs_place,
                "period": "2023",
                "value": {"amount": 7, "unit": "tip"},
            }
        ],
    }


class TestReports:
    @pytest.mark.parametrize("bad", ["99", "XYZ", "Kon Tum"])
    def test_load_report_refuses_a_place_not_in_the_register(
        self, bad: str, tmp_path: Path
    ) -> None:
        path = tmp_path / "r.json"
        path.write_text(json.dumps(_report(bad)), "utf-8")
        with pytest.raises(RecordError, match=rf"place='{bad}': expected a code of the register"):
            aq.load_report(path)

    def test_every_wrong_place_is_listed_with_its_location(self) -> None:
        with pytest.raises(RecordError) as caught:
            aq.MovementReport.model_validate(_report("99", obs_place="Kon Tum"))
        locations = [loc for loc, _ in caught.value.problems]
        assert locations == ["place", "observations.0.place"]
        assert "did you mean '62' (Tỉnh Kon Tum" in caught.value.problems[1][1]

    def test_a_district_code_is_valid_in_a_2023_report(self) -> None:
        report = aq.MovementReport.model_validate(_report("62", obs_place="616"))
        assert report.observations[0].place == "616"

    def test_a_commune_of_the_2025_tree_is_not_valid_in_2023(self) -> None:
        with pytest.raises(RecordError, match=r"expected a place that exists during 2023"):
            aq.MovementReport.model_validate(_report("62", obs_place="23293"))

    def test_a_reused_code_names_its_holder_of_the_period(self) -> None:
        with pytest.raises(RecordError) as caught:
            aq.MovementReport.model_validate(_report("51"))
        (problem,) = caught.value.problems
        assert "during 2023 the official code 51 was '51@2025-06-30'" in problem[1]
        report = aq.MovementReport.model_validate(_report("51@2025-06-30"))
        assert report.place == "51@2025-06-30"

    def test_a_record_place_must_exist(self) -> None:
        data = _report("62")
        data["committees"] = [
            {"id": "bcd", "name": "BCĐ 138", "level": "province", "place": "Kon Tum"}
        ]
        with pytest.raises(RecordError, match=r"committees\.0\.place"):
            aq.MovementReport.model_validate(data)

    def test_a_report_on_its_own_register(self) -> None:
        own = Registry([Place(code="P", name="Tỉnh A", kind="province")])
        data = _report("P", obs_place="P")
        report = aq.MovementReport.model_validate(data, context={"registry": own})
        assert report.place == "P"
        with pytest.raises(RecordError, match=r"place='P'"):
            aq.MovementReport.model_validate(data)


class TestTidyRowsAndFiles:
    def test_from_tidy_refuses_unknown_places_with_did_you_mean(self) -> None:
        with pytest.raises(RecordError) as caught:
            aq.from_tidy([_row("62"), _row("99"), _row("tỉnh Kon Tum")])
        assert [loc for loc, _ in caught.value.problems] == ["row 2", "row 3"]
        assert "did you mean '62' (Tỉnh Kon Tum" in caught.value.problems[1][1]

    def test_from_tidy_checks_the_place_as_of_the_rows_period(self) -> None:
        assert aq.from_tidy([_row("616", "2023")])[0].place == "616"
        with pytest.raises(RecordError, match=r"exists during 2026"):
            aq.from_tidy([_row("616", "2026")])

    def test_from_tidy_with_a_register_of_ones_own(self) -> None:
        own = Registry([Place(code="P", name="Tỉnh A", kind="province")])
        assert aq.from_tidy([_row("P")], registry=own)[0].place == "P"
        assert aq.from_tidy([_row("P")], check_places=False)[0].place == "P"

    def test_read_observations_checks_places(self, tmp_path: Path) -> None:
        path = tmp_path / "o.csv"
        path.write_text("indicator,place,period,value\ntips.received,XYZ,2023,7\n", "utf-8")
        with pytest.raises(RecordError, match=r"row 1: place='XYZ'"):
            aq.read_observations(path)


class TestNames:
    @pytest.mark.parametrize(
        ("text", "code"),
        [
            ("62", "62"),
            ("Kon Tum", "62"),  # a bare name: the highest level that bears it
            ("tỉnh Kon Tum", "62"),
            ("thành phố Kon Tum", "608"),
            ("TP.HCM", "79@2025-06-30"),
            ("51", "51@2025-06-30"),  # the holder of the official code in 2023
        ],
    )
    def test_a_place_by_code_or_name(self, text: str, code: str) -> None:
        assert registry().place(text, during=Y2023).code == code

    def test_names_are_read_as_of_the_period(self) -> None:
        assert registry().place("Kon Tum", during=Period.parse("2026")).code == "23293"
        assert registry().place("TP.HCM", during=Period.parse("2026")).code == "79"

    def test_an_unknown_name(self) -> None:
        with pytest.raises(UnknownCodeError, match=r"or the name of a place that exists"):
            registry().place("Atlantis", during=Y2023)

    def test_an_ambiguous_name_lists_the_places(self) -> None:
        own = Registry(
            [
                Place(code="P", name="Tỉnh A", kind="province"),
                Place(
                    code="C1",
                    name="Xã Hòa Bình",
                    kind="commune",
                    parent="P",
                    valid_to=date(2025, 6, 30),
                ),
                Place(
                    code="C2",
                    name="Phường Hòa Bình",
                    kind="ward",
                    parent="P",
                    valid_to=date(2025, 6, 30),
                ),
            ]
        )
        with pytest.raises(InvariantError, match=r"'C1' \(Xã Hòa Bình.*'C2'.*give the code"):
            own.place("Hòa Bình", during=Y2023)


class TestCommandLine:
    def test_place_by_name_or_code_and_did_you_mean(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from antq_domain.cli import main

        article = tmp_path / "a.txt"
        article.write_text("Năm 2023, có 63 tổ hòa giải cơ sở.", "utf-8")
        base = ["extract", str(article), "--period", "2023", "--format", "report"]
        assert main([*base, "--place", "tỉnh Kon Tum"]) == 0
        assert json.loads(capsys.readouterr().out)["place"] == "62"
        assert main([*base, "--place", "XYZ", "--lang", "en"]) == 2
        assert "--place='XYZ': expected a code of the register" in capsys.readouterr().err
        assert main([*base, "--place", "XYZ"]) == 2
        assert "--place = 'XYZ': cần một mã trong danh mục địa bàn" in capsys.readouterr().err

    def test_summary_of_a_report_with_an_unknown_place_is_refused(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        from antq_domain.cli import main

        path = tmp_path / "r.json"
        path.write_text(json.dumps(_report("99")), "utf-8")
        assert main(["summary", str(path), "--lang", "en"]) == 2
        assert "place='99': expected a code of the register" in capsys.readouterr().err
        assert main(["summary", str(path)]) == 2
        assert (
            "địa bàn (place) = '99': cần một mã trong danh mục địa bàn" in capsys.readouterr().err
        )


class TestValidate:
    def test_observations_built_directly_are_checked_by_validate(self) -> None:
        obs = [
            aq.Observation(indicator="tips.received", place=place, period="2023", value=q)
            for place, q in (("99", aq.Quantity(7, "tip")), ("616", aq.Quantity(3, "tip")))
        ]
        findings = aq.validate(obs)
        assert findings.codes == ("place.unknown",)
        assert not findings.ok
        (finding,) = findings
        assert "place='99'" in finding.message.en

    def test_validate_with_a_register_of_ones_own(self) -> None:
        own = Registry([Place(code="P", name="Tỉnh A", kind="province")])
        obs = [
            aq.Observation(
                indicator="tips.received", place="P", period="2023", value=aq.Quantity(7, "tip")
            )
        ]
        assert aq.validate(obs, registry=own).ok
        assert aq.validate(obs).codes == ("place.unknown",)
