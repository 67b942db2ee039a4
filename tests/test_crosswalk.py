"""Two offices' custom indicators reconciled through a mapping table (issue 12)."""

from __future__ import annotations

from typing import Any

import pytest

from antq_domain.errors import InvariantError, ParseError, RecordError, UnknownCodeError
from antq_domain.records.crosswalk import CodeMapping, Crosswalk
from antq_domain.records.indicators import Catalogue, Indicator, catalogue
from antq_domain.records.observation import Observation
from antq_domain.values.quantity import Quantity


def _ind(code: str, kind: str = "flow", unit: str | None = "person", **extra: Any) -> Indicator:
    return Indicator(
        code=code, kind=kind, unit=unit, label={"vi": "cam kết", "en": "pledges"}, **extra
    )


KONTUM = catalogue().with_indicators(_ind("kontum.weapons_pledges"))
DAKLAK = catalogue().with_indicators(
    _ind("daklak.cam_ket", dimensions=["topic"]), _ind("daklak.ho_cam_ket", unit="household")
)


def _obs(cat: Catalogue, code: str, n: int, unit: str = "person", **dims: str) -> Observation:
    return Observation.model_validate(
        {"indicator": code, "place": "62", "period": "2023", "value": Quantity(n, unit),
         "dims": dims},
        context={"catalogue": cat},
    )  # fmt: skip


def test_two_offices_codes_meet_in_one_shared_code_and_add_up() -> None:
    kontum = Crosswalk(
        [
            CodeMapping(
                source="kontum.weapons_pledges",
                target="mobilisation.pledge_persons",
                dims={"topic": "weapons"},
            )
        ],
        source=KONTUM,
    )
    daklak = Crosswalk(
        [CodeMapping(source="daklak.cam_ket", target="mobilisation.pledge_persons")],
        source=DAKLAK,
    )
    figures = [
        *kontum.translate([_obs(KONTUM, "kontum.weapons_pledges", 1200)]),
        *daklak.translate([_obs(DAKLAK, "daklak.cam_ket", 136483, topic="weapons")]),
    ]
    assert {(o.indicator, o.dims.get("topic")) for o in figures} == {
        ("mobilisation.pledge_persons", "weapons")
    }
    assert sum(o.value.amount for o in figures if isinstance(o.value, Quantity)) == 137683


def test_one_office_maps_onto_the_other_s_catalogue() -> None:
    walk = Crosswalk(
        [CodeMapping(source="kontum.weapons_pledges", target="daklak.cam_ket",
                     dims={"topic": "weapons"})],
        source=KONTUM,
        target=DAKLAK,
    )  # fmt: skip
    [out] = walk.translate([_obs(KONTUM, "kontum.weapons_pledges", 7)])
    assert (out.indicator, dict(out.dims)) == ("daklak.cam_ket", {"topic": "weapons"})
    assert walk.code("kontum.weapons_pledges") == "daklak.cam_ket"
    assert len(walk) == 1
    assert [r.source for r in walk] == ["kontum.weapons_pledges"]


def test_a_code_not_in_the_table_is_never_matched_by_its_label() -> None:
    # same label as a standard indicator, but no row: it stays unknown to the target
    mine = catalogue().with_indicators(
        Indicator(code="local.pledges", kind="flow", unit="person",
                  label=catalogue()["mobilisation.pledge_persons"].label)
    )  # fmt: skip
    walk = Crosswalk([], source=mine)
    with pytest.raises(UnknownCodeError) as info:
        walk.translate([_obs(mine, "local.pledges", 3)])
    assert info.value.field == "indicator"


@pytest.mark.parametrize(
    ("row", "field"),
    [
        # another unit: households are not persons
        (CodeMapping(source="daklak.ho_cam_ket", target="mobilisation.pledge_persons"), "target"),
        # a flow is not a stock
        (CodeMapping(source="daklak.ho_cam_ket", target="forces.civil_guards"), "target"),
        # a value the target's codelist refuses
        (
            CodeMapping(
                source="daklak.ho_cam_ket",
                target="mobilisation.pledge_households",
                dims={"topic": "parking"},
            ),
            "dims.topic",
        ),
        # the source is split by topic; the target cannot keep that split
        (CodeMapping(source="daklak.cam_ket", target="crime.reformed_offenders"), "target"),
        # the row sets a dimension the source's figures state themselves
        (
            CodeMapping(
                source="daklak.cam_ket",
                target="mobilisation.pledge_persons",
                dims={"topic": "weapons"},
            ),
            "dims.topic",
        ),
    ],
)
def test_a_row_whose_codes_cannot_mean_the_same_figure_is_refused(
    row: CodeMapping, field: str
) -> None:
    with pytest.raises((InvariantError, ParseError)) as info:
        Crosswalk([row], source=DAKLAK)
    assert getattr(info.value, "field", None) == field


def test_a_code_mapped_twice_or_unknown_is_refused() -> None:
    row = CodeMapping(source="daklak.cam_ket", target="mobilisation.pledge_persons")
    with pytest.raises(InvariantError):
        Crosswalk([row, row], source=DAKLAK)
    with pytest.raises(UnknownCodeError):
        Crosswalk([row], source=KONTUM)
    with pytest.raises(RecordError):
        CodeMapping(source="Đắk Lắk cam kết", target="mobilisation.pledge_persons")


def test_a_figure_keeps_its_own_split_under_the_shared_code() -> None:
    mine = catalogue().with_indicators(_ind("local.talks", unit="session", dimensions=["topic"]))
    walk = Crosswalk(
        [CodeMapping(source="local.talks", target="mobilisation.propaganda_sessions")],
        source=mine,
    )
    [ok] = walk.translate([_obs(mine, "local.talks", 29, "session", topic="drugs")])
    assert dict(ok.dims) == {"topic": "drugs"}


def test_the_table_reads_from_csv() -> None:
    text = (
        "source,target,dims,note\n"
        "kontum.weapons_pledges,mobilisation.pledge_persons,topic=weapons,agreed 2024\n"
    )
    walk = Crosswalk.from_csv(text, source=KONTUM)
    [row] = list(walk)
    assert (row.target, dict(row.dims), row.note) == (
        "mobilisation.pledge_persons",
        {"topic": "weapons"},
        "agreed 2024",
    )
    with pytest.raises(ParseError):
        Crosswalk.from_csv("source,target\n", source=KONTUM)
    with pytest.raises(ParseError):
        Crosswalk.from_csv(
            "source,target,dims,note\nkontum.weapons_pledges,mobilisation.pledge_persons,topic,\n",
            source=KONTUM,
        )
