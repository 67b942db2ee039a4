"""Tests for the register of places (antq_domain.records.places) and its strategies."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import find, given
from hypothesis import strategies as st

import antq_domain.records.places as places_module
from antq_domain.errors import InvariantError, RecordError, UnknownCodeError
from antq_domain.records.places import (
    COLUMNS,
    REFORM_DATE,
    FormerName,
    Place,
    PlaceKind,
    PlaceLevel,
    Registry,
    dump_registry,
    load_registry,
    registry,
)
from antq_domain.strategies._places import place_codes, registries
from antq_domain.values import Period

BEFORE = date(2024, 12, 31)
LAST_OLD = date(2025, 6, 30)
AFTER = REFORM_DATE

KON_TUM_DISTRICTS = {
    "608": "Thành phố Kon Tum",
    "610": "Huyện Đắk Glei",
    "611": "Huyện Ngọc Hồi",
    "612": "Huyện Đắk Tô",
    "613": "Huyện Kon Plông",
    "614": "Huyện Kon Rẫy",
    "615": "Huyện Đắk Hà",
    "616": "Huyện Sa Thầy",
    "617": "Huyện Tu Mơ Rông",
    "618": "Huyện Ia H' Drai",
}


# --- the bundled register: Kon Tum, Quảng Ngãi, the reform ------------------


def test_sa_thay_parent_before_reform_is_kon_tum() -> None:
    parent = registry().parent("616", BEFORE)
    assert parent is not None
    assert (parent.code, parent.name, parent.kind) == ("62", "Tỉnh Kon Tum", PlaceKind.PROVINCE)


def test_sa_thay_not_alive_after_reform() -> None:
    reg = registry()
    assert reg.alive("616", LAST_OLD)
    assert not reg.alive("616", AFTER)
    with pytest.raises(InvariantError) as info:
        reg.parent("616", AFTER)
    assert info.value.field == "as_of"


def test_kon_tum_has_ten_district_level_units() -> None:
    districts = registry().children("62", BEFORE)
    got = {p.code: p.name for p in districts}
    assert set(got) == set(KON_TUM_DISTRICTS)
    assert got["616"] == "Huyện Sa Thầy"
    assert registry().get("608").kind is PlaceKind.PROVINCIAL_CITY


def test_kon_tum_communes_85_wards_10_townships_7() -> None:
    communes = registry().descendants("62", BEFORE, level=PlaceLevel.COMMUNE)
    counts = Counter(p.kind for p in communes)
    assert counts == {PlaceKind.COMMUNE: 85, PlaceKind.WARD: 10, PlaceKind.TOWNSHIP: 7}


def test_new_quang_ngai_has_96_commune_level_units() -> None:
    reg = registry()
    new = reg.get("51")
    assert (new.name, new.valid_from, new.valid_to) == ("Tỉnh Quảng Ngãi", AFTER, None)
    units = reg.children("51", AFTER)
    assert len(units) == 96
    assert all(p.level is PlaceLevel.COMMUNE for p in units)
    assert "Đặc khu Lý Sơn" in {p.name for p in units}


def test_provinces_merge_into_new_quang_ngai() -> None:
    reg = registry()
    assert [p.code for p in reg.successors("62")] == ["51"]
    assert [p.code for p in reg.successors("51@2025-06-30")] == ["51"]
    assert {p.code for p in reg.predecessors("51")} == {"62", "51@2025-06-30"}
    assert reg.get("51@2025-06-30").official_code == "51"


def test_official_code_51_resolves_by_date() -> None:
    reg = registry()
    assert reg.resolve("51", BEFORE).code == "51@2025-06-30"
    assert reg.resolve("51", AFTER).code == "51"
    with pytest.raises(UnknownCodeError) as info:
        reg.resolve("62", AFTER)
    assert info.value.field == "place"


def test_what_became_of_kon_tum_communes() -> None:
    reg = registry()
    for commune in reg.descendants("62", BEFORE, level="commune"):
        now = reg.current(commune.code, AFTER)
        assert now, commune
        assert {p.parent for p in now} == {"51"}
        assert [p.code for p in now] == list(commune.successors)


def test_phuong_kon_tum_formed_from_five_wards() -> None:
    reg = registry()
    (ward,) = reg.find("Phường Kon Tum", AFTER)
    names = {p.name for p in reg.predecessors(ward.code)}
    assert names == {
        "Phường Quang Trung",
        "Phường Quyết Thắng",
        "Phường Trường Chinh",
        "Phường Thắng Lợi",
        "Phường Thống Nhất",
    }


def test_districts_were_abolished_not_merged() -> None:
    # Only the five island districts without communes became special zones.
    reg = registry()
    with_successors = {
        p.code: reg.get(p.successors[0]).kind
        for p in reg.places(LAST_OLD)
        if p.level is PlaceLevel.DISTRICT and p.successors
    }
    assert set(with_successors) == {"318", "471", "498", "536", "755"}
    assert set(with_successors.values()) == {PlaceKind.SPECIAL_ZONE}
    assert reg.current("616", AFTER) == ()


def test_whole_country_counts() -> None:
    reg = registry()
    provinces = (PlaceKind.PROVINCE, PlaceKind.CENTRAL_CITY)
    assert sum(len(reg.places(LAST_OLD, kind=k)) for k in provinces) == 63
    assert sum(len(reg.places(AFTER, kind=k)) for k in provinces) == 34
    after = Counter(p.kind for p in reg.places(AFTER) if p.level is PlaceLevel.COMMUNE)
    assert after == {PlaceKind.COMMUNE: 2621, PlaceKind.WARD: 687, PlaceKind.SPECIAL_ZONE: 13}
    before = [p for p in reg.places(LAST_OLD) if p.level is PlaceLevel.COMMUNE]
    assert len(before) == 10035  # the package's 10,040 rows less 5 districts without communes


def test_no_district_or_township_alive_after_reform() -> None:
    alive = registry().places(AFTER)
    assert not [p for p in alive if p.level is PlaceLevel.DISTRICT]
    assert not [p for p in alive if p.kind is PlaceKind.TOWNSHIP]


def test_every_old_commune_has_a_successor() -> None:
    reg = registry()
    old = [p for p in reg.places(LAST_OLD) if p.level is PlaceLevel.COMMUNE]
    assert all(reg.current(p.code, AFTER) for p in old)
    splits = [p for p in old if p.is_split]
    assert len(splits) == 471


def test_registry_is_cached_and_lazy() -> None:
    assert registry() is registry()
    code = (
        "import antq_domain, antq_domain.records.places as m;"
        "print(m.registry.cache_info().currsize)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "0"


def test_provenance_matches_bundled_file() -> None:
    import hashlib
    from importlib import resources

    data = resources.files("antq_domain").joinpath("data")
    meta = json.loads(data.joinpath("places_source.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256(data.joinpath("places.csv").read_bytes()).hexdigest()
    assert meta["package"] == "vietnamadminunits"
    assert meta["sha256"] == digest
    assert meta["rows"] == len(_generated_codes())
    # the closed units (data/closed_units.csv) are read beside the generated file
    assert len(registry()) == meta["rows"] + len(_closed_rows())


@pytest.mark.parametrize(
    "query",
    [
        "huyện Sa Thầy",  # kind word in lower case
        "HUYỆN SA THẦY",  # upper case
        "Huyện  Sa   Thầy ",  # extra spaces
        unicodedata.normalize("NFD", "Huyện Sa Thầy"),  # decomposed diacritics
    ],
)
def test_find_by_name_variants(query: str) -> None:
    assert [p.code for p in registry().find(query)] == ["616"]


def test_find_short_name_lists_every_kind() -> None:
    found = registry().find("Sa Thầy", BEFORE)
    assert [(p.code, p.kind) for p in found] == [
        ("616", PlaceKind.DISTRICT),
        ("23527@2025-06-30", PlaceKind.TOWNSHIP),
    ]
    assert [p.code for p in registry().find("Sa Thầy", AFTER)] == ["23527"]


def test_find_ignores_tone_placement() -> None:
    assert registry().find("Tỉnh Thanh Hoá") == registry().find("Tỉnh Thanh Hóa") != ()


def test_ancestors_of_a_township() -> None:
    chain = registry().ancestors("23527@2025-06-30", BEFORE)
    assert [p.code for p in chain] == ["616", "62", "VN"]


# --- kinds and places --------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "level", "alive_after"),
    [
        (PlaceKind.NATION, PlaceLevel.NATION, True),
        (PlaceKind.PROVINCE, PlaceLevel.PROVINCE, True),
        (PlaceKind.CENTRAL_CITY, PlaceLevel.PROVINCE, True),
        (PlaceKind.DISTRICT, PlaceLevel.DISTRICT, False),
        (PlaceKind.URBAN_DISTRICT, PlaceLevel.DISTRICT, False),
        (PlaceKind.TOWN, PlaceLevel.DISTRICT, False),
        (PlaceKind.PROVINCIAL_CITY, PlaceLevel.DISTRICT, False),
        (PlaceKind.COMMUNE, PlaceLevel.COMMUNE, True),
        (PlaceKind.WARD, PlaceLevel.COMMUNE, True),
        (PlaceKind.TOWNSHIP, PlaceLevel.COMMUNE, False),
        (PlaceKind.SPECIAL_ZONE, PlaceLevel.COMMUNE, True),
    ],
)
def test_kind_levels_and_legal_life(kind: PlaceKind, level: PlaceLevel, alive_after: bool) -> None:
    assert kind.level is level
    assert kind.legal_on(AFTER) is alive_after
    assert kind.legal_on(LAST_OLD) is (kind is not PlaceKind.SPECIAL_ZONE)
    assert kind.label.vi
    assert kind.label.en


def test_unknown_kind_and_level() -> None:
    with pytest.raises(UnknownCodeError) as kind_info:
        PlaceKind.parse("village")
    assert kind_info.value.field == "kind"
    with pytest.raises(UnknownCodeError) as level_info:
        PlaceLevel.parse("hamlet")
    assert level_info.value.field == "level"


def test_unknown_code_raises_keyerror_naming_place() -> None:
    with pytest.raises(UnknownCodeError) as info:
        registry().get("00000")
    assert info.value.field == "place"
    assert isinstance(info.value, KeyError)


END = date(2025, 6, 30)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        # district open-ended: districts ended on 2025-06-30
        ({"kind": "district"}, "valid_to"),
        # township alive after the reform
        ({"kind": "township", "valid_to": date(2025, 7, 1)}, "valid_to"),
        # special zone before the reform
        ({"kind": "special_zone", "valid_from": date(2025, 6, 30)}, "valid_from"),
        # special zone with no start at all
        ({"kind": "special_zone"}, "valid_from"),
        # ends before it begins
        ({"valid_from": date(2020, 1, 2), "valid_to": date(2020, 1, 1)}, "valid_to"),
        # its own parent
        ({"parent": "X"}, "parent"),
        # its own successor
        ({"valid_to": END, "successors": ("X",)}, "successors"),
        # the same successor twice
        ({"valid_to": END, "successors": ("A", "A")}, "successors"),
        # successors but no end
        ({"successors": ("A",)}, "valid_to"),
    ],
)
def test_place_rules(fields: dict[str, object], field: str) -> None:
    base: dict[str, object] = {"code": "X", "name": "Xã X", "kind": "commune"}
    with pytest.raises(RecordError) as info:
        Place(**(base | fields))
    ((loc, message),) = info.value.problems
    assert loc == field
    assert message.startswith(f"{field}=")


@pytest.mark.parametrize(
    ("fields", "loc"),
    [
        ({"code": "6 2"}, "code"),  # space in a code
        ({"code": "a;b"}, "code"),  # the successor separator in a code
        ({"parent": ""}, "parent"),  # empty parent code (use None)
        ({"name": "  "}, "name"),  # blank name
        ({"kind": "hamlet"}, "kind"),  # not a kind
        ({"valid_from": "2025-13-01"}, "valid_from"),  # not a date
        ({"colour": "red"}, "colour"),  # unknown field
    ],
)
def test_place_field_errors(fields: dict[str, object], loc: str) -> None:
    base: dict[str, object] = {"code": "X", "name": "Xã X", "kind": "commune"}
    with pytest.raises(RecordError) as info:
        Place(**(base | fields))
    assert [problem[0] for problem in info.value.problems] == [loc]


def test_place_name_is_nfc() -> None:
    place = Place(code="X", name=unicodedata.normalize("NFD", "Xã Ia Tăng"), kind="commune")
    assert place.name == "Xã Ia Tăng"
    assert place.short_name == "Ia Tăng"


# --- reading a user's register -----------------------------------------------

HEADER = ",".join(COLUMNS)
GOOD = [
    "VN,Việt Nam,nation,,,,",
    "P,Tỉnh A,province,VN,,,",
    "D,Huyện B,district,P,,2025-06-30,",
    "C,Xã C,commune,D,,2025-06-30,N",
    "N,Xã N,commune,P,2025-07-01,,",
]


def _load(lines: list[str], header: str = HEADER) -> Registry:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mine.csv"
        path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
        return load_registry(path)


def test_load_user_registry() -> None:
    reg = _load(GOOD)
    assert len(reg) == 5
    assert [p.code for p in reg.current("C", date(2030, 1, 1))] == ["N"]
    assert reg.level_of("D") is PlaceLevel.DISTRICT


def _replace(row: int, line: str) -> list[str]:
    lines = list(GOOD)
    lines[row - 2] = line
    return lines


@pytest.mark.parametrize(
    ("lines", "header", "loc"),
    [
        # unknown column in the header
        (GOOD, HEADER + ",note", "row 1.note"),
        # a required column missing from the header
        (GOOD, HEADER.replace(",successors", ""), "row 1.successors"),
        # a kind outside the codelist
        (_replace(3, "D,Huyện B,huyen,P,,2025-06-30,"), HEADER, "row 3.kind"),
        # a date in Vietnamese order
        (_replace(3, "D,Huyện B,district,P,,30/06/2025,"), HEADER, "row 3.valid_to"),
        # a day that does not exist
        (_replace(6, "N,Xã N,commune,P,2025-02-30,,"), HEADER, "row 6.valid_from"),
        # a parent not in the file
        (_replace(3, "D,Huyện B,district,Q,,2025-06-30,"), HEADER, "row 3.parent"),
        # a successor not in the file
        (_replace(5, "C,Xã C,commune,D,,2025-06-30,M"), HEADER, "row 5.successors"),
        # a successor not alive the day after the place ends (a day between them)
        (_replace(5, "C,Xã C,commune,D,,2025-06-29,N"), HEADER, "row 5.successors"),
        # a successor that ended with the place
        (_replace(5, "C,Xã C,commune,D,,2025-06-30,D"), HEADER, "row 5.successors"),
        # a district alive after the reform
        (_replace(3, "D,Huyện B,district,P,,,"), HEADER, "row 3.valid_to"),
        # a parent on the same level
        (_replace(6, "N,Xã N,commune,C,2025-07-01,,"), HEADER, "row 6.parent"),
        # a commune under a district that no longer exists
        (_replace(6, "N,Xã N,commune,D,2025-07-01,,"), HEADER, "row 6.parent"),
        # a duplicate code
        (_replace(6, "C,Xã N,commune,P,2025-07-01,,"), HEADER, "row 6.code"),
        # an extra cell beyond the header
        (_replace(2, "VN,Việt Nam,nation,,,,,x"), HEADER, "row 2.(extra cells)"),
        # a missing cell
        (_replace(2, "VN,Việt Nam,nation,,,"), HEADER, "row 2.successors"),
        # an empty name
        (_replace(2, "VN,,nation,,,,"), HEADER, "row 2.name"),
    ],
)
def test_load_registry_errors_name_row_and_column(lines: list[str], header: str, loc: str) -> None:
    with pytest.raises(RecordError) as info:
        _load(lines, header)
    assert info.value.record == "mine.csv"
    assert loc in [problem[0] for problem in info.value.problems]


def test_parent_cycle_is_reported() -> None:
    rows = [
        {"code": "A", "name": "Tỉnh A", "kind": "province", "parent": "B"},
        {"code": "B", "name": "Tỉnh B", "kind": "province", "parent": "A"},
    ]
    full = [{c: r.get(c, "") for c in COLUMNS} for r in rows]
    with pytest.raises(RecordError) as info:
        Registry.from_rows(full)
    cycles = [(loc, m) for loc, m in info.value.problems if "cycle" in m]
    assert [loc for loc, _ in cycles] == ["row 2.parent", "row 3.parent"]
    assert "(cycle: A -> B -> A)" in cycles[0][1]


def test_registry_is_immutable() -> None:
    reg = _load(GOOD)
    with pytest.raises(AttributeError):
        reg._places = ()


# --- properties over synthetic registers -------------------------------------


@given(registries())
def test_rows_round_trip(reg: Registry) -> None:
    assert Registry.from_rows(reg.to_rows()) == reg


@given(registries(max_communes=3))
def test_csv_file_round_trip(reg: Registry) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "reg.csv"
        dump_registry(reg, path)
        assert load_registry(path) == reg


@given(st.data())
def test_parent_and_children_agree(data: st.DataObject) -> None:
    reg = data.draw(registries())
    day = data.draw(st.dates(date(1999, 1, 1), date(2027, 1, 1)))
    for place in reg.places(day):
        parent = reg.parent(place.code, day)
        if parent is not None:
            assert parent.alive_on(day)
            assert place in reg.children(parent.code, day)


@given(st.data())
def test_descendants_have_the_place_among_ancestors(data: st.DataObject) -> None:
    reg = data.draw(registries())
    code = data.draw(place_codes(reg))
    day = data.draw(st.dates(date(1999, 1, 1), date(2027, 1, 1)))
    level = data.draw(st.none() | st.sampled_from(PlaceLevel))
    for place in reg.descendants(code, day, level=level):
        assert code in [p.code for p in reg.ancestors(place.code, day)]
        assert level is None or place.level is level


@given(st.data())
def test_current_units_are_alive(data: st.DataObject) -> None:
    reg = data.draw(registries())
    code = data.draw(place_codes(reg))
    day = data.draw(st.dates(date(1999, 1, 1), date(2027, 1, 1)))
    now = reg.current(code, day)
    assert all(p.alive_on(day) for p in now)
    if reg.alive(code, day):
        assert now == (reg.get(code),)


@given(registries(reform=True))
def test_reform_leaves_no_old_commune_behind(reg: Registry) -> None:
    starts = {p.valid_from for p in reg if p.valid_from is not None}
    (reform_day,) = starts
    for place in reg.places(reform_day - timedelta(days=1)):
        if place.level is PlaceLevel.COMMUNE:
            assert reg.current(place.code, reform_day)
    assert not [p for p in reg.places(reform_day) if p.level is PlaceLevel.DISTRICT]


@given(registries(reform=False))
def test_without_reform_districts_end_with_the_district_level(reg: Registry) -> None:
    assert all(p.valid_to == LAST_OLD for p in reg if p.level is PlaceLevel.DISTRICT)
    assert not any(p.successors for p in reg)


@given(registries(splits=False))
def test_no_splits_when_not_asked(reg: Registry) -> None:
    assert not any(p.is_split for p in reg)


@given(st.data())
def test_place_codes_are_in_the_register(data: st.DataObject) -> None:
    reg = data.draw(registries())
    assert data.draw(place_codes(reg)) in reg


def test_registries_reach_splits() -> None:
    reg = find(registries(reform=True), lambda r: any(p.is_split for p in r))
    assert any(len(p.successors) == 2 for p in reg)


def test_registries_reach_merges() -> None:
    reg = find(registries(reform=True), lambda r: any(len(r.predecessors(p.code)) > 1 for p in r))
    merged = [p for p in reg if len(reg.predecessors(p.code)) > 1]
    assert all(p.code.startswith(("N", "Q")) for p in merged)


def test_registries_reach_special_zones_and_new_provinces() -> None:
    reg = find(
        registries(reform=True),
        lambda r: bool(r.places(kind="special_zone")) and "Q1" in r,
    )
    assert reg.get("Q1").valid_from == REFORM_DATE


def test_registries_reach_many_provinces_and_communes() -> None:
    reg = find(registries(max_communes=6), lambda r: len(r.places(kind="province")) == 2)
    assert "P2" in reg
    big = find(registries(), lambda r: len([p for p in r if p.code.startswith("C")]) == 6)
    assert "C6" in big


def test_registries_minimal_example_is_smallest() -> None:
    reg = find(registries(), lambda r: True)
    assert [p.code for p in reg] == ["VN", "P1", "D1", "C1"]


def test_registries_reject_bad_bounds() -> None:
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument):
        registries(min_communes=3, max_communes=2)


# -- Registry.find: how people write names ---------------------------------------------
@pytest.mark.parametrize(
    ("name", "codes"),
    [
        ("huyện Đăk Tô", {"612"}),  # the register writes "Đắk Tô"
        ("Huyện Đắk Hà", {"615"}),  # the register writes "Đăk Hà"
        ("tỉnh Kôn Tum", {"62"}),
        ("TP. Đồng Hới", {"450"}),
        ("Tp Đồng Hới", {"450"}),
        ("tp.Đồng Hới", {"450"}),
        ("TX. Buôn Hồ", {"644"}),
        ("H.Nguyên Bình", {"052"}),
        ("H. Đông Anh", {"017"}),
        ("TP.HCM", {"79@2025-06-30"}),
        ("TPHCM", {"79@2025-06-30"}),
        ("Thừa Thiên Huế", {"46"}),
        ("tỉnh Thừa Thiên - Huế", {"46"}),
        ("Bà Rịa-Vũng Tàu", {"77"}),
        ("tinh Kon Tum", {"62"}),  # no diacritics at all
        ("huyen Dak To", {"612"}),
        ("tỉnh Đăk Lăk", {"66@2025-06-30"}),  # the press's spelling of "Đắk Lắk"
        ("tỉnh Dak Lak", {"66@2025-06-30"}),  # the kind word with diacritics, the name without
        ("huyện Dak To", {"612"}),
    ],
)
def test_find_reads_names_as_people_write_them(name: str, codes: set[str]) -> None:
    found = {p.code for p in registry().find(name, date(2024, 1, 1))}
    assert found == codes


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        # made thị xã in 2020: the 2011 name, with and without diacritics
        ("huyện Trảng Bàng", {"712"}),
        ("huyen Trang Bang", {"712"}),
        ("huyện Trang Bang", {"712"}),  # the kind word marked, the name typed plain
        ("thị xã Sa Thầy", {"616"}),  # the level is the kind word's, the name the register's
        ("huyện Tam Kỳ", {"502"}),  # a provincial city: not Xã Tam Kỳ, a commune
    ],
)
def test_find_reads_a_former_kind_of_the_same_level(name: str, codes: set[str]) -> None:
    assert {p.code for p in registry().find(name, date(2011, 1, 1))} == codes


def test_a_province_is_never_read_as_a_former_city() -> None:
    # a province made a centrally governed city may be named "tỉnh" (its former kind); a
    # province was never a "thành phố": the city of Ninh Bình (369, merged away in 2025) is
    # not the province after it
    assert registry().find("thành phố Ninh Bình", date(2025, 8, 1)) == ()
    assert [p.code for p in registry().find("thành phố Ninh Bình", date(2019, 1, 1))] == ["369"]
    assert {p.code for p in registry().find("tỉnh Cần Thơ", date(2024, 1, 1))} == {"92@2025-06-30"}


def test_a_former_kind_is_read_only_when_nothing_matches_as_written() -> None:
    # "xã Tam Kỳ" is a commune as written: the provincial city of that name is not added
    assert {p.kind for p in registry().find("xã Tam Kỳ")} == {PlaceKind.COMMUNE}
    # a kind word of another level never finds the unit
    assert registry().find("tỉnh Trảng Bàng") == ()
    assert registry().find("huyện Trảng Bàngx") == ()


def test_find_without_diacritics_only_when_nothing_matches_as_written() -> None:
    # "Hòa Bình" is written with its marks: the loose key is not used, so no "Hoà Bình"
    # spelt otherwise and no "Hoa Binh" typed plainly is added to it.
    marked = {p.code for p in registry().find("tỉnh Hòa Bình", date(2024, 1, 1))}
    assert marked == {"17"}
    assert registry().find("tỉnh Hòa Bìnhx") == ()
    assert registry().find("Đắk Tôo") == ()


# --- former names: a unit renamed under the same code ----------------------

# (name as written then, register code, the last day of the name); from data/former_names.csv
FORMER = [
    ("huyện Yên Hưng", "206", date(2011, 11, 24)),  # thị xã Quảng Yên, NQ 100/NQ-CP
    ("huyện Tân Thành", "754", date(2018, 4, 11)),  # thị xã Phú Mỹ, NQ 492/NQ-UBTVQH14
    ("huyện Quảng Uyên", "049", date(2020, 2, 29)),  # huyện Quảng Hòa, NQ 897/NQ-UBTVQH14
    ("huyện Tĩnh Gia", "407", date(2020, 5, 31)),  # thị xã Nghi Sơn, NQ 933/NQ-UBTVQH14
    ("Quận 2", "769", date(2020, 12, 31)),  # thành phố Thủ Đức, NQ 1111/NQ-UBTVQH14
    ("huyện Đạ Tẻh", "682", date(2024, 11, 30)),  # huyện Đạ Huoai, NQ 1245/NQ-UBTVQH15
    ("huyện Đất Đỏ", "753", date(2024, 12, 31)),  # huyện Long Đất, NQ 1256/NQ-UBTVQH15
]


@pytest.mark.parametrize(("name", "code", "last_day"), FORMER)
def test_a_former_name_finds_the_unit_up_to_its_last_day(
    name: str, code: str, last_day: date
) -> None:
    reg = registry()
    assert [p.code for p in reg.find(name, last_day)] == [code]
    assert [p.code for p in reg.find(name, date(2008, 1, 1))] == [code]
    assert [p.code for p in reg.find(name)] == [code]
    # the day after, the unit bore its new name: the former one no longer finds it
    assert reg.find(name, last_day + timedelta(days=1)) == ()
    # a place given by its former name in a report of a period when the name was used
    assert reg.place(name, during=Period.parse(str(last_day.year))).code == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("huyện Long Điền", "752"),  # merged into huyện Đất Đỏ as huyện Long Đất, code closed
        ("huyện Phục Hòa", "050"),  # merged with huyện Quảng Uyên as huyện Quảng Hòa
        ("quận 9", "763"),  # merged into thành phố Thủ Đức under quận 2's code
        ("huyện Cát Tiên", "683"),  # merged into huyện Đạ Huoai under huyện Đạ Tẻh's code
    ],
)
def test_a_unit_whose_code_was_closed_is_not_a_former_name(name: str, code: str) -> None:
    # the merged unit continues another unit's code: this one ended, and is found as itself
    # (data/closed_units.csv), never as the unit that kept the other code
    assert [p.code for p in registry().find(name, date(2019, 1, 1))] == [code]


def test_former_names_are_read_last() -> None:
    reg = registry()
    # as written, "Tĩnh Gia" is the ward of the new tree: the former district is not added
    assert [p.code for p in reg.find("Tĩnh Gia")] == ["16561"]
    # in 2015 nothing alive is written so; the district's former name finds it
    assert [p.code for p in reg.find("Tĩnh Gia", date(2015, 1, 1))] == ["407"]
    # the township of Quảng Uyên bore that name in 2019 as written: it wins over the district
    assert [p.code for p in reg.find("Quảng Uyên", date(2019, 1, 1))] == ["01576@2025-06-30"]
    # typed without diacritics, like the names of the register
    assert [p.code for p in reg.find("huyen Dat Do", date(2020, 1, 1))] == ["753"]
    assert [p.code for p in reg.find("Q.2", date(2019, 1, 1))] == ["769"]
    # a place given by name in a report: the former name only for a period it was used in
    assert reg.place("Tĩnh Gia", during=Period.parse("2015")).code == "407"
    assert reg.place("huyện Tĩnh Gia", during=Period.parse("2020")).code == "407"
    with pytest.raises(UnknownCodeError):
        reg.place("huyện Tĩnh Gia", during=Period.parse("2021"))


def _former_rows() -> list[dict[str, str]]:
    text = (Path(places_module.__file__).parent.parent / "data" / "former_names.csv").read_text(
        encoding="utf-8"
    )
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("".join(lines), newline="")))


def test_bundled_former_names_are_district_level_renames_before_the_reform() -> None:
    reg = registry()
    rows = _former_rows()
    assert len(rows) == len(reg.former_names) == len(FORMER)
    for row in rows:
        assert list(row) == ["code", "name", "until", "source"], row
        place = reg.get(row["code"])  # an existing code
        assert place.level is PlaceLevel.DISTRICT, row
        until = date.fromisoformat(row["until"])
        assert until < REFORM_DATE, row
        # the unit lived on under its new name after the former one's last day
        assert place.alive_on(until), row
        assert place.alive_on(until + timedelta(days=1)), row
        first = row["name"].split()[0].casefold()
        assert first in {"huyện", "quận", "thị", "thành"}, row  # written with its kind word
        assert row["name"] != place.name, row
        assert "NQ" in row["source"], row  # the resolution
        assert "http" in row["source"], row  # and where it was read
    assert {(r["name"].casefold(), r["code"], r["until"]) for r in rows} == {
        (n.casefold(), c, d.isoformat()) for n, c, d in FORMER
    }


FORMER_HEADER = "code,name,until,source"


def _load_with_former(lines: list[str], header: str = FORMER_HEADER) -> Registry:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mine.csv"
        path.write_text("\n".join([HEADER, *GOOD]) + "\n", encoding="utf-8")
        names = Path(folder) / "former.csv"
        text = "\n".join(["# my own former names", header, *lines]) + "\n"
        names.write_text(text, encoding="utf-8")
        return load_registry(path, former_names=names)


def test_a_users_register_takes_former_names() -> None:
    reg = _load_with_former(["D,Huyện Cũ,2019-12-31,my decision"])
    assert [f.name for f in reg.former_names] == ["Huyện Cũ"]
    assert [p.code for p in reg.find("huyện Cũ", date(2019, 12, 31))] == ["D"]
    assert reg.find("Cũ", date(2020, 1, 1)) == ()
    assert reg != _load(GOOD)  # the former names are part of the register
    assert _load(GOOD).former_names == ()


@pytest.mark.parametrize(
    ("lines", "header", "loc"),
    [
        (["X,Huyện Cũ,2019-12-31,s"], FORMER_HEADER, "line 3.code"),  # not in the register
        (["D,Xã Cũ,2019-12-31,s"], FORMER_HEADER, "line 3.name"),  # a commune's kind word
        (["D,Cũ,2019-12-31,s"], FORMER_HEADER, "line 3.name"),  # no kind word
        (["D,Huyện B,2019-12-31,s"], FORMER_HEADER, "line 3.name"),  # the name it bears
        (["D,Huyện Cũ,2025-06-30,s"], FORMER_HEADER, "line 3.until"),  # its last day
        (["D,Huyện Cũ,2025-07-01,s"], FORMER_HEADER, "line 3.until"),  # after its end
        (["D,Huyện Cũ,31/12/2019,s"], FORMER_HEADER, "line 3.until"),
        (["D,Huyện Cũ,,s"], FORMER_HEADER, "line 3.until"),
        (["D,Huyện Cũ,2019-12-31,"], FORMER_HEADER, "line 3.source"),
        (["D,Huyện Cũ,2019-12-31,s,x"], FORMER_HEADER, "line 3.(extra cells)"),
        (["D,Huyện Cũ,2019-12-31,s", "D,huyện cũ,2018-12-31,s"], FORMER_HEADER, "line 4.name"),
        (["D,Huyện Cũ,2019-12-31"], "code,name,until", "line 2"),
    ],
)
def test_former_name_errors_name_line_and_column(lines: list[str], header: str, loc: str) -> None:
    with pytest.raises(RecordError) as info:
        _load_with_former(lines, header)
    assert info.value.record == "former.csv"
    assert loc in [where for where, _ in info.value.parts], info.value.parts


def test_registry_checks_its_former_names() -> None:
    end = date(2025, 6, 30)
    places = [
        Place(code="P", name="Tỉnh A", kind="province"),
        Place(code="D", name="Huyện B", kind="district", parent="P", valid_to=end),
    ]
    good = FormerName(code="D", name="Huyện Cũ", until=date(2019, 12, 31), source="s")
    assert Registry(places, [good]) != Registry(places)
    assert Registry(places, [good]).former_names == (good,)
    bad = FormerName(code="D", name="Tỉnh Cũ", until=date(2019, 12, 31), source="s")
    with pytest.raises(RecordError) as info:
        Registry(places, [good, bad])
    assert [where for where, _ in info.value.parts] == ["former_names.1.name"]


# --- closed units: merged into another unit that kept its own code ----------

# (register code, name as written then, its last day, the unit(s) it was merged into); from
# data/closed_units.csv
CLOSED = [
    ("044", "Huyện Thông Nông", date(2020, 1, 31), ("045",)),  # NQ 864/NQ-UBTVQH14
    ("046", "Huyện Trà Lĩnh", date(2020, 2, 29), ("047", "049")),  # NQ 897/NQ-UBTVQH14
    ("151", "Huyện Kỳ Sơn", date(2019, 12, 31), ("148",)),  # NQ 830/NQ-UBTVQH14
    ("050", "Huyện Phục Hòa", date(2020, 2, 29), ("049",)),  # NQ 897/NQ-UBTVQH14
    ("221", "Huyện Yên Dũng", date(2024, 12, 31), ("213",)),  # NQ 1191/NQ-UBTVQH15
    ("358", "Huyện Mỹ Lộc", date(2024, 8, 31), ("356",)),  # NQ 1104/NQ-UBTVQH15
    ("369", "Thành phố Ninh Bình", date(2024, 12, 31), ("374",)),  # NQ 1318/NQ-UBTVQH15
    ("448", "Huyện Lộc Hà", date(2024, 12, 31), ("445", "436")),  # NQ 1283/NQ-UBTVQH15
    ("483", "Huyện Nam Đông", date(2024, 12, 31), ("482",)),  # NQ 1314/NQ-UBTVQH15
    ("519", "Huyện Nông Sơn", date(2024, 12, 31), ("509",)),  # NQ 1241/NQ-UBTVQH15
    ("681", "Huyện Đạ Huoai", date(2024, 11, 30), ("682",)),  # NQ 1245/NQ-UBTVQH15
    ("683", "Huyện Cát Tiên", date(2024, 11, 30), ("682",)),  # NQ 1245/NQ-UBTVQH15
    ("752", "Huyện Long Điền", date(2024, 12, 31), ("753",)),  # NQ 1256/NQ-UBTVQH15
    ("762", "Quận Thủ Đức", date(2020, 12, 31), ("769",)),  # NQ 1111/NQ-UBTVQH14
    ("763", "Quận 9", date(2020, 12, 31), ("769",)),  # NQ 1111/NQ-UBTVQH14
]


def _closed_rows() -> list[dict[str, str]]:
    text = (Path(places_module.__file__).parent.parent / "data" / "closed_units.csv").read_text(
        encoding="utf-8"
    )
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith("#")]
    return list(csv.DictReader(io.StringIO("".join(lines), newline="")))


def _generated_codes() -> set[str]:
    text = (Path(places_module.__file__).parent.parent / "data" / "places.csv").read_text(
        encoding="utf-8"
    )
    return {row["code"] for row in csv.DictReader(io.StringIO(text, newline=""))}


def test_bundled_closed_units_are_district_level_units_merged_before_the_reform() -> None:
    reg = registry()
    rows = _closed_rows()
    generated = _generated_codes()
    assert len(reg) == len(generated) + len(rows)
    for row in rows:
        assert list(row) == [*COLUMNS, "source"], row
        assert row["code"] not in generated, row  # a code places.csv does not hold
        place = reg.get(row["code"])
        assert place.name == row["name"], row
        assert place.level is PlaceLevel.DISTRICT, row
        assert place.valid_from is None, row  # unknown, as for every pre-reform unit
        assert place.valid_to is not None, row
        assert place.valid_to < REFORM_DATE, row
        parent = reg.parent(place.code, place.valid_to)
        assert parent is not None, row
        assert parent.level is PlaceLevel.PROVINCE, row
        assert parent.alive_on(place.valid_to), row
        assert place.successors, row
        for successor in reg.successors(place.code):
            # merged into a unit of its level and province, alive the day after
            assert successor.alive_on(place.valid_to + timedelta(days=1)), row
            assert successor.level is PlaceLevel.DISTRICT, row
            assert successor.parent == place.parent, row
        assert reg.children(place.code) == (), row  # its communes are not listed
        assert "NQ-UBTVQH1" in row["source"], row  # the resolution
        assert "http" in row["source"], row  # and where it was read
    assert {
        (r["code"], r["name"], r["valid_to"], tuple(r["successors"].split(";"))) for r in rows
    } == {(c, n, d.isoformat(), s) for c, n, d, s in CLOSED}


@pytest.mark.parametrize(("code", "name", "last_day", "successors"), CLOSED)
def test_a_closed_unit_is_found_by_its_name_in_its_time(
    code: str, name: str, last_day: date, successors: tuple[str, ...]
) -> None:
    reg = registry()
    for day in (last_day, date(2019, 6, 30)):
        found = reg.find(name, day)
        # the unit itself, and only units the register writes so (huyện Kỳ Sơn of Hòa Bình
        # and of Nghệ An both lived until 2019)
        assert code in [p.code for p in found]
        assert {p.name for p in found} == {name}
    if len(found) == 1:
        assert reg.place(name, during=Period.parse(f"{last_day:%Y-%m}")).code == code
    # the day after, it is gone: never another unit answering for it by its name
    assert code not in [p.code for p in reg.find(name, last_day + timedelta(days=1))]
    # current: the unit(s) it was merged into, until the reform abolished districts
    after = last_day + timedelta(days=1)
    assert tuple(p.code for p in reg.current(code, after)) == successors
    assert reg.current(code, AFTER) == ()
    assert reg.is_split(code) is (len(successors) > 1)
    assert code in {p.code for p in reg.predecessors(successors[0])}


def test_a_closed_unit_is_found_before_the_unit_that_kept_its_name_or_kind() -> None:
    reg = registry()
    # quận Thủ Đức (762), not thành phố Thủ Đức (769, quận 2's code) read through its kind word
    assert [p.code for p in reg.find("quận Thủ Đức", date(2019, 1, 1))] == ["762"]
    assert [p.code for p in reg.find("quận Thủ Đức")] == ["762"]
    assert [p.code for p in reg.find("Thủ Đức", date(2019, 1, 1))] == ["762"]
    # after the merger, the kind word read as a level finds the unit that went on
    assert [p.code for p in reg.find("quận Thủ Đức", date(2022, 1, 1))] == ["769"]
    # thành phố Ninh Bình (369) in a 2019 report
    assert [p.code for p in reg.find("thành phố Ninh Bình", date(2019, 1, 1))] == ["369"]
    assert reg.place("TP. Ninh Bình", during=Period.parse("2019")).code == "369"
    # huyện Đạ Huoai in 2020 is 681: 682 bore that name only from 1 December 2024
    assert [p.code for p in reg.find("huyện Đạ Huoai", date(2020, 1, 1))] == ["681"]
    assert [p.code for p in reg.find("huyện Đạ Huoai", date(2024, 12, 1))] == ["682"]
    assert reg.place("huyện Đạ Huoai", during=Period.parse("2020")).code == "681"
    assert reg.place("huyện Đạ Huoai", during=Period.parse("2025-01")).code == "682"
    # at any time, both units bore the name
    assert {p.code for p in reg.find("huyện Đạ Huoai")} == {"681", "682"}


def test_two_districts_of_one_name_are_both_found_while_both_lived() -> None:
    reg = registry()
    # huyện Kỳ Sơn of Hòa Bình (151, merged into thành phố Hòa Bình on 1 January 2020) and of
    # Nghệ An (417)
    assert [p.code for p in reg.find("huyện Kỳ Sơn", date(2019, 1, 1))] == ["417", "151"]
    assert [p.code for p in reg.find("huyện Kỳ Sơn", date(2020, 1, 1))] == ["417"]
    with pytest.raises(InvariantError, match="'151'"):
        reg.place("huyện Kỳ Sơn", during=Period.parse("2019"))


def test_a_renamed_unit_bears_the_register_name_only_after_its_former_name() -> None:
    reg = registry()
    # thị xã Nghi Sơn was huyện Tĩnh Gia until 31 May 2020: "Nghi Sơn" finds no district before
    assert "407" not in {p.code for p in reg.find("thị xã Nghi Sơn", date(2019, 1, 1))}
    assert [p.code for p in reg.find("thị xã Nghi Sơn", date(2020, 6, 1))] == ["407"]
    assert "407" not in {p.code for p in reg.find("huyện Nghi Sơn", date(2019, 1, 1))}


def test_closed_units_in_the_tree_of_their_time() -> None:
    reg = registry()
    hcm = "79@2025-06-30"
    in_2019 = {p.code for p in reg.children(hcm, date(2019, 1, 1))}
    in_2022 = {p.code for p in reg.children(hcm, date(2022, 1, 1))}
    assert {"762", "763", "769"} <= in_2019
    assert in_2019 - in_2022 == {"762", "763"}
    # a closed district has no communes in the register: nothing below it
    assert reg.descendants("762", date(2019, 1, 1)) == ()
    assert reg.ancestors("762", date(2019, 1, 1)) == (reg.get(hcm), reg.get("VN"))
    # the communes of 2019 are not there: the province's communes are those of the register
    communes = reg.descendants(hcm, date(2019, 1, 1), level="commune")
    assert communes == reg.descendants(hcm, date(2025, 6, 30), level="commune")


def test_closed_units_file_is_checked() -> None:
    good = _closed_rows()[0]
    header = ",".join([*COLUMNS, "source"])

    def line(**cells: str) -> str:
        row = {**good, **cells}
        return ",".join(f'"{row[c]}"' for c in [*COLUMNS, "source"])

    with pytest.raises(RecordError) as info:
        places_module._read_closed_csv(f"# c\n{header}\n{line(source='')}\n", "x.csv")
    assert [loc for loc, _ in info.value.problems] == ["line 3.source"]
    with pytest.raises(RecordError) as info:
        places_module._read_closed_csv(f"{header}\n{line(kind='huyen')}\n", "x.csv")
    assert [loc for loc, _ in info.value.problems] == ["line 2.kind"]
    with pytest.raises(RecordError) as info:
        places_module._read_closed_csv("code,name\n", "x.csv")
    assert [loc for loc, _ in info.value.problems] == ["line 1"]
