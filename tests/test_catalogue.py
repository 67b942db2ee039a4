"""Tests of the indicator catalogue (antq_domain.records.indicators) and its strategies."""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import find, given
from hypothesis import strategies as st

from antq_domain.errors import InvariantError, ParseError, RecordError, UnknownCodeError
from antq_domain.records.indicators import (
    STANDARD_AREAS,
    Catalogue,
    Dimension,
    Indicator,
    IndicatorKind,
    PlaceAggregation,
    TimeAggregation,
    catalogue,
)
from antq_domain.strategies._catalogue import (
    dimension_cells,
    dimensions,
    indicator_sets,
    indicators,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
INDICATORS_MD = SHARED / "domain" / "INDICATORS.md"
CORPUS = SHARED / "corpus"

# The indicator design and the corpus of published reports are the maintainers'
# reference material, kept outside the repository; these checks run where it is.
needs_indicators_md = pytest.mark.skipif(
    not INDICATORS_MD.exists(),
    reason="compares the catalogue with the maintainers' indicator design (INDICATORS.md), "
    "which is not part of the repository; nothing is wrong with your copy",
)
needs_corpus = pytest.mark.skipif(
    not CORPUS.exists(),
    reason="reads the maintainers' corpus of published reports, which is not part of the "
    "repository; nothing is wrong with your copy",
)


def _label(vi: str = "chỉ tiêu", en: str = "indicator") -> dict[str, str]:
    return {"vi": vi, "en": en}


def _flow(code: str = "local.pacts", **extra: Any) -> dict[str, Any]:
    return {"code": code, "label": _label(), "kind": "flow", "unit": "document", **extra}


def _fields(err: RecordError) -> set[str]:
    """The fields a RecordError names: the location, or for record-level rules the
    field our error names (the text before '=')."""
    return {loc or message.split("=", 1)[0] for loc, message in err.problems}


# --- INDICATORS.md is the specification --------------------------------------------


def _md_rows() -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in INDICATORS_MD.read_text(encoding="utf-8").splitlines()
        if line.startswith("| `") and "." in line.split("|")[1]
    ]


def _md_codes() -> list[str]:
    return [row[0].strip("`") for row in _md_rows()]


@needs_indicators_md
def test_every_code_of_indicators_md_is_in_the_catalogue() -> None:
    codes = _md_codes()
    assert len(codes) > 80
    missing = [c for c in codes if c not in catalogue()]
    assert missing == []


@needs_indicators_md
def test_codes_beyond_indicators_md_are_announced_in_the_changelog() -> None:
    # INDICATORS.md is the floor; codes added since (issue 12) are public API,
    # so each is named in the changelog.
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    added = [c for c in catalogue() if c not in set(_md_codes())]
    assert len(added) >= 40
    assert [c for c in added if f"`{c}`" not in changelog] == []


@needs_indicators_md
def test_kind_unit_and_ratio_parts_follow_indicators_md() -> None:
    cat = catalogue()
    for row in _md_rows():
        code, kind_cell, unit_cell = row[0].strip("`"), row[2], row[3]
        ind = cat[code]
        area = ind.area
        if kind_cell.startswith("ratio:"):
            formula, _, per = kind_cell.partition(", per ")
            parts = re.findall(r"`([a-z_.]+)`", formula)
            full = [p if "." in p else f"{area}.{p}" for p in parts]
            assert ind.kind is IndicatorKind.RATIO, code
            assert ind.ratio is not None
            assert (ind.ratio.numerator, ind.ratio.denominator) == (full[0], full[1]), code
            assert set(ind.ratio.match) == set(re.findall(r"`([a-z_]+)`", per)), code
            assert ind.ratio.factor == int(re.search(r"× (\d+)", kind_cell).group(1))  # type: ignore[union-attr]
        elif kind_cell == "reported ratio":
            assert ind.kind is IndicatorKind.REPORTED_RATIO, code
        else:
            assert ind.kind.value == kind_cell.split()[0], code
            assert ind.unit is not None, code
            assert ind.unit.value == unit_cell.strip("`"), code


@needs_indicators_md
def test_dimensions_and_their_values_follow_indicators_md() -> None:
    cat = catalogue()
    for row in _md_rows():
        if len(row) < 5:
            continue  # the weapons table has no dims column
        ind = cat[row[0].strip("`")]
        dims_cell = row[4]
        names = re.findall(r"`([a-z_]+)`(?:\s*\(([^)]*)\))?", dims_cell)
        # the catalogue may add dimensions after those INDICATORS.md lists
        listed = [n for n, _ in names]
        assert list(ind.dimension_names)[: len(listed)] == listed, ind.code
        for name, listed in names:
            text = listed.split("e.g.", 1)[-1]
            values = [
                v.strip()
                for v in re.split(r"[,;]", text)
                if re.fullmatch(r"[a-z][a-z0-9_]*", v.strip()) and v.strip() != "optional"
            ]
            dim = ind.dimension(name)
            for value in values:
                assert value in dim.codes, (ind.code, name, value)


@needs_indicators_md
def test_the_unit_kind_codelist_is_the_one_of_indicators_md() -> None:
    text = INDICATORS_MD.read_text(encoding="utf-8")
    paragraph = text.split("The `unit_kind` codelist", 1)[1].split("\n\n", 1)[0]
    listed = re.findall(r"`([a-z_]+)`", paragraph)
    assert len(listed) == 18
    assert list(catalogue().dimension("unit_kind").codes) == listed


# --- the corpus' ground truth is accepted --------------------------------------------


def _canon_facts() -> list[tuple[str, dict[str, Any]]]:
    if not CORPUS.exists():
        return []
    out: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(CORPUS.glob("*.canon.json")):
        facts = json.loads(path.read_text(encoding="utf-8"))["facts"]
        out.extend((path.stem, fact) for fact in facts if fact["indicator"] is not None)
    return out


@needs_corpus
@pytest.mark.parametrize(("source", "fact"), _canon_facts())
def test_corpus_fact_is_accepted(source: str, fact: dict[str, Any]) -> None:
    ind = catalogue()[fact["indicator"]]
    assert catalogue().check_dims(fact["indicator"], fact["dims"]) == fact["dims"]
    assert ind.display_unit == fact["unit"], source


# --- the standard catalogue is consistent --------------------------------------------


def test_ratio_parts_exist_are_counts_and_share_a_unit() -> None:
    cat = catalogue()
    ratios = [i for i in cat.indicators if i.ratio is not None]
    assert len(ratios) == 5
    for ind in ratios:
        assert ind.ratio is not None
        numerator, denominator = cat[ind.ratio.numerator], cat[ind.ratio.denominator]
        assert not numerator.is_ratio
        assert not denominator.is_ratio
        assert numerator.unit is denominator.unit
        for name in ind.ratio.match:
            assert numerator.dimension(name).same_codelist(ind.dimension(name))
            assert denominator.dimension(name).same_codelist(ind.dimension(name))


def test_aggregation_defaults_follow_the_kind() -> None:
    for ind in catalogue().indicators:
        if ind.kind is IndicatorKind.STOCK:
            assert ind.time_aggregation is TimeAggregation.LAST
        if ind.is_ratio:
            assert ind.time_aggregation is TimeAggregation.NONE
            assert ind.place_aggregation is PlaceAggregation.NONE
    assert catalogue()["tips.received"].time_aggregation is TimeAggregation.SUM
    # counts of kinds never add over places; annual assessments never over time
    assert catalogue()["models.types_active"].place_aggregation is PlaceAggregation.NONE
    assert catalogue()["safety_standard.units_meeting"].time_aggregation is TimeAggregation.NONE


def test_every_code_is_in_a_standard_area_and_labels_are_nfc() -> None:
    for ind in catalogue().indicators:
        assert ind.area in STANDARD_AREAS
        for text in (ind.label.vi, *ind.synonyms_vi):
            assert unicodedata.normalize("NFC", text) == text


def test_camera_data_sharing_rate_is_a_reported_ratio_in_percent() -> None:
    ind = catalogue()["forces.camera_data_sharing_rate"]
    assert ind.kind is IndicatorKind.REPORTED_RATIO
    assert (ind.unit, ind.ratio, ind.display_unit) == (None, None, "percent")


def test_catalogue_is_built_once_and_shared() -> None:
    assert catalogue() is catalogue()


def test_json_round_trip_of_every_standard_indicator() -> None:
    for ind in catalogue().indicators:
        assert Indicator.model_validate_json(ind.model_dump_json()) == ind


def test_synonym_lookup_is_case_and_normalisation_blind() -> None:
    nfd = unicodedata.normalize("NFD", "TIN CÓ GIÁ TRỊ")
    assert [i.code for i in catalogue().by_synonym(nfd)] == ["tips.valuable"]
    shared = {i.code for i in catalogue().by_synonym("lượt người tham gia")}
    assert "mobilisation.launch_participants" in shared


# --- lookups name what is wrong -------------------------------------------------------


def test_unknown_code_suggests_close_codes() -> None:
    with pytest.raises(UnknownCodeError) as info:
        catalogue().get("tips.recieved")
    assert info.value.field == "indicator"
    assert info.value.value == "tips.recieved"
    assert "'tips.received'" in str(info.value)


def test_unknown_dimension_suggests_close_names() -> None:
    with pytest.raises(UnknownCodeError) as info:
        catalogue().dimension("unit_kinds")
    assert info.value.field == "dimension"
    assert "'unit_kind'" in str(info.value)


@pytest.mark.parametrize(
    ("code", "dims", "field"),
    [
        # a dimension the indicator does not have
        ("tips.received", {"unit_kind": "commune"}, "dims.unit_kind"),
        # a value outside the closed codelist
        ("forces.clubs", {"club_kind": "chess"}, "dims.club_kind"),
        # a required dimension missing
        ("admin.units", {}, "dims.unit_kind"),
        # a required dimension missing though another is given
        ("safety_standard.units_meeting", {"managed_by": "province"}, "dims.unit_kind"),
        # a ratio split by a dimension its parts match on, with a bad value
        ("crime.clearance_rate", {"category": "serius"}, "dims.category"),
        # a value that is not a string
        ("commendations.recipients", {"status": 1}, "dims.status"),
        # an open codelist still checks the code's syntax
        ("models.sites", {"model_kind": "Security Camera"}, "dims.model_kind"),
        # a dimension name that exists elsewhere, on the wrong indicator
        ("models.replicated", {"owner": "police"}, "dims.owner"),
    ],
)
def test_check_dims_rejects(code: str, dims: dict[str, object], field: str) -> None:
    with pytest.raises(ParseError) as info:
        catalogue().check_dims(code, dims)
    assert info.value.field == field


def test_check_dims_remembers_only_what_passed_and_hands_out_copies() -> None:
    """A checked cell is remembered (checks repeat per observation); errors are not."""
    cat = catalogue()
    dims = {"managed_by": "district", "unit_kind": "school"}
    first = cat.check_dims("safety_standard.units_meeting", dims)
    first["unit_kind"] = "tampered"
    again = cat.check_dims("safety_standard.units_meeting", dims)
    assert again == {"unit_kind": "school", "managed_by": "district"}
    assert list(again) == ["unit_kind", "managed_by"]  # the indicator's order, still
    again["unit_kind"] = "tampered"
    assert cat.check_dims("safety_standard.units_meeting", dims)["unit_kind"] == "school"
    for _ in range(2):  # a rejected cell is rejected every time
        with pytest.raises(ParseError):
            cat.check_dims("commendations.recipients", {"status": "maybe"})
    # An equal key of another type never borrows a passed cell's verdict.
    assert cat.check_dims("commendations.recipients", {"status": "proposed"})
    with pytest.raises(ParseError):
        cat.check_dims("commendations.recipients", {"status": 1})
    with pytest.raises(ParseError):  # unhashable values are checked, not remembered
        cat.check_dims("commendations.recipients", {"status": ["proposed"]})


def test_check_dims_of_unknown_indicator_is_unknown_code() -> None:
    with pytest.raises(UnknownCodeError) as info:
        catalogue().check_dims("tips.nope", {})
    assert info.value.field == "indicator"


def test_open_codelist_accepts_new_kinds_and_all() -> None:
    cat = catalogue()
    assert cat.check_dims("models.sites", {"model_kind": "night_patrol"}) == {
        "model_kind": "night_patrol"
    }
    assert cat.check_dims("models.sites", {"model_kind": "all"}) == {"model_kind": "all"}
    assert cat.check_dims("models.sites", {}) == {}


# --- bad custom indicators are rejected with the field named ------------------------


@pytest.mark.parametrize(
    ("data", "field"),
    [
        # code syntax: upper case
        (_flow(code="Local.Pacts"), "code"),
        # code syntax: a single segment, no namespace
        (_flow(code="pacts"), "code"),
        # code syntax: empty segment
        (_flow(code="local..pacts"), "code"),
        # unknown unit
        (_flow(unit="bottle"), "unit"),
        # a flow without a unit
        (_flow(unit=None), "unit"),
        # percent is not a counting unit
        (_flow(unit="percent"), "unit"),
        # a ratio without its spec
        ({"code": "local.rate", "label": _label(), "kind": "ratio"}, "ratio"),
        # a ratio with a unit
        (
            {
                "code": "local.rate",
                "label": _label(),
                "kind": "ratio",
                "unit": "tip",
                "ratio": {"numerator": "local.a", "denominator": "local.b"},
            },
            "unit",
        ),
        # a spec on a flow
        (_flow(ratio={"numerator": "local.a", "denominator": "local.b"}), "ratio"),
        # a stock summed over time
        (_flow(kind="stock", time_aggregation="sum"), "time_aggregation"),
        # a flow taking the last value
        (_flow(time_aggregation="last"), "time_aggregation"),
        # a reported ratio summed over places
        (
            {
                "code": "local.rate",
                "label": _label(),
                "kind": "reported_ratio",
                "place_aggregation": "sum",
            },
            "place_aggregation",
        ),
        # ratio factor zero
        (
            {
                "code": "local.rate",
                "label": _label(),
                "kind": "ratio",
                "ratio": {"numerator": "local.a", "denominator": "local.b", "factor": 0},
            },
            "ratio.factor",
        ),
        # numerator and denominator the same
        (
            {
                "code": "local.rate",
                "label": _label(),
                "kind": "ratio",
                "ratio": {"numerator": "local.a", "denominator": "local.a"},
            },
            "ratio",
        ),
        # matched dimensions differ from the ratio's own
        (
            {
                "code": "local.rate",
                "label": _label(),
                "kind": "ratio",
                "dimensions": ["unit_kind"],
                "ratio": {"numerator": "local.a", "denominator": "local.b"},
            },
            "ratio.match",
        ),
        # the ratio is its own part
        (
            {
                "code": "local.rate",
                "label": _label(),
                "kind": "ratio",
                "ratio": {"numerator": "local.rate", "denominator": "local.b"},
            },
            "ratio.numerator",
        ),
        # a dimension listed twice
        (_flow(dimensions=["unit_kind", "unit_kind"]), "dimensions"),
        # a dimension name that is not standard
        (_flow(dimensions=["unit_kinds"]), "dimensions"),
        # the same synonym twice (case aside)
        (_flow(synonyms_vi=["giao ước", "Giao ước"]), "synonyms_vi"),
        # a blank synonym
        (_flow(synonyms_vi=[" "]), "synonyms_vi"),
        # a label without English
        (_flow(label={"vi": "giao ước"}), "label.en"),
        # an unknown field
        (_flow(colour="red"), "colour"),
        # an unknown kind
        (_flow(kind="gauge"), "kind"),
    ],
)
def test_bad_indicator_is_rejected(data: dict[str, Any], field: str) -> None:
    with pytest.raises(RecordError) as info:
        Indicator.model_validate(data)
    assert field in _fields(info.value)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        # a closed codelist without values
        ({"name": "local_kind", "label": _label()}, "values"),
        # a value listed twice
        (
            {
                "name": "local_kind",
                "label": _label(),
                "values": [{"code": "a", "label": _label()}, {"code": "a", "label": _label()}],
            },
            "values",
        ),
        # a bad name
        ({"name": "Local kind", "label": _label(), "open": True}, "name"),
        # a bad value code
        (
            {"name": "local_kind", "label": _label(), "values": [{"code": "A", "label": _label()}]},
            "values.0.code",
        ),
    ],
)
def test_bad_dimension_is_rejected(data: dict[str, Any], field: str) -> None:
    with pytest.raises(RecordError) as info:
        Dimension.model_validate(data)
    assert field in _fields(info.value)


def _ratio(code: str, numerator: str, denominator: str, *dims: str) -> Indicator:
    return Indicator.model_validate(
        {
            "code": code,
            "label": _label(),
            "kind": "ratio",
            "dimensions": list(dims),
            "ratio": {"numerator": numerator, "denominator": denominator, "match": list(dims)},
        }
    )


_OTHER_UNIT_KIND = Dimension.model_validate(
    {"name": "unit_kind", "label": _label(), "values": [{"code": "hamlet", "label": _label()}]}
)


@pytest.mark.parametrize(
    ("added", "field"),
    [
        # a code already in the catalogue (a standard one)
        ((Indicator.model_validate(_flow(code="tips.received")),), "code"),
        # a new code inside a standard area
        ((Indicator.model_validate(_flow(code="tips.by_phone")),), "code"),
        # the same new code twice in one call
        (
            (Indicator.model_validate(_flow()), Indicator.model_validate(_flow())),
            "code",
        ),
        # a ratio whose numerator does not exist
        ((_ratio("local.rate", "local.nope", "tips.received"),), "ratio.numerator"),
        # a ratio whose denominator does not exist
        ((_ratio("local.rate", "tips.received", "local.nope"),), "ratio.denominator"),
        # a ratio of a ratio
        ((_ratio("local.rate", "tips.valuable_rate", "tips.received"),), "ratio.numerator"),
        # parts in different units
        ((_ratio("local.rate", "tips.valuable", "crime.cases_solved"),), "ratio.denominator"),
        # matched on a dimension a part lacks
        ((_ratio("local.rate", "tips.valuable", "tips.received", "unit_kind"),), "ratio.match"),
        # a dimension name meaning another codelist
        (
            (Indicator.model_validate(_flow(dimensions=[_OTHER_UNIT_KIND])),),
            "dimensions",
        ),
    ],
)
def test_with_indicators_rejects(added: tuple[Indicator, ...], field: str) -> None:
    with pytest.raises(InvariantError) as info:
        catalogue().with_indicators(*added)
    assert info.value.field == field


def test_with_indicators_returns_a_new_catalogue_and_keeps_the_old() -> None:
    before = len(catalogue())
    pacts = Indicator.model_validate(_flow(dimensions=["unit_kind"]))
    rate = _ratio("local.pact_rate", "local.pacts", "media.documents")
    extended = catalogue().with_indicators(pacts, rate)
    assert len(catalogue()) == before
    assert "local.pacts" not in catalogue()
    assert extended["local.pact_rate"].ratio is not None
    assert list(extended)[-2:] == ["local.pacts", "local.pact_rate"]
    assert extended.check_dims("local.pacts", {"unit_kind": "ward"}) == {"unit_kind": "ward"}
    assert extended != catalogue()
    assert Catalogue(extended.indicators) == extended


def test_a_ratio_per_unit_kind_over_standard_parts() -> None:
    rate = _ratio(
        "local.camera_coverage", "forces.security_camera_units", "admin.units", "unit_kind"
    )
    cat = catalogue().with_indicators(rate)
    assert cat["local.camera_coverage"].display_unit == "percent"


# --- properties (with the shipped strategies) -----------------------------------------


class TestCustomIndicatorsAreTreatedLikeStandardOnes:
    """ "everything treats user indicators like the standard ones": any valid custom
    indicator joins the catalogue, is found by code and checks its dimensions."""

    @given(indicators())
    def test_any_custom_indicator_joins_the_catalogue(self, ind: Indicator) -> None:
        cat = catalogue().with_indicators(ind)
        assert cat[ind.code] == ind
        assert len(cat) == len(catalogue()) + 1

    @given(indicator_sets())
    def test_indicator_sets_join_together(self, xs: tuple[Indicator, ...]) -> None:
        cat = catalogue().with_indicators(*xs)
        assert cat.indicators[len(catalogue()) :] == xs

    @given(st.data())
    def test_dimension_cells_are_accepted(self, data: st.DataObject) -> None:
        ind = data.draw(st.one_of(indicators(), st.sampled_from(catalogue().indicators)))
        dims = data.draw(dimension_cells(ind))
        assert ind.check_dims(dims) == dims
        assert set(ind.required_dimensions) <= set(dims)


class TestJsonRoundTrip:
    """ "JSON round trip of any valid record is the identity" (law 7)."""

    @given(indicators())
    def test_indicator(self, ind: Indicator) -> None:
        assert Indicator.model_validate_json(ind.model_dump_json()) == ind

    @given(dimensions(0, 4))
    def test_dimension(self, dim: Dimension) -> None:
        assert Dimension.model_validate_json(dim.model_dump_json()) == dim


class TestAddingNeverMutates:
    """ "no function mutates its inputs" (law 8): with_indicators leaves the
    catalogue it was called on as it was."""

    @given(indicator_sets())
    def test_base_unchanged(self, xs: tuple[Indicator, ...]) -> None:
        base = catalogue()
        snapshot = base.indicators
        base.with_indicators(*xs)
        assert base.indicators == snapshot
        assert all(x.code not in base for x in xs)


# --- the strategies reach their edges and shrink as documented ----------------------


def test_indicators_shrink_to_a_plain_flow() -> None:
    ind = find(indicators(), lambda i: True)
    assert (ind.code, ind.kind, ind.dimensions, ind.synonyms_vi) == (
        "local.a",
        IndicatorKind.FLOW,
        (),
        (),
    )
    assert ind.unit is not None
    assert ind.unit.value == "campaign"


def test_dimension_cells_shrink_to_required_only() -> None:
    assert find(dimension_cells(catalogue()["admin.units"]), lambda d: True) == {
        "unit_kind": "province"
    }
    assert find(dimension_cells(catalogue()["commendations.recipients"]), lambda d: True) == {}


@pytest.mark.parametrize("kind", list(IndicatorKind))
def test_indicators_reach_every_kind(kind: IndicatorKind) -> None:
    parts = [catalogue()["tips.valuable"], catalogue()["tips.received"]]
    found = find(indicators(parts=parts), lambda i: i.kind is kind)
    assert found.kind is kind


def test_indicator_sets_reach_ratios_over_their_own_members() -> None:
    def own_ratio(xs: tuple[Indicator, ...]) -> bool:
        codes = {x.code for x in xs}
        return any(x.ratio is not None and x.ratio.numerator in codes for x in xs)

    assert own_ratio(find(indicator_sets(min_size=2), own_ratio))


def test_indicators_reach_required_and_open_dimensions() -> None:
    found = find(indicators(), lambda i: any(d.required and d.open for d in i.dimensions))
    assert any(d.required and d.open for d in found.dimensions)


def test_dimension_cells_reach_codes_outside_an_open_codelist() -> None:
    sites = catalogue()["models.sites"]
    cell = find(
        dimension_cells(sites),
        lambda d: "model_kind" in d and d["model_kind"] not in sites.dimension("model_kind").codes,
    )
    assert sites.check_dims(cell) == cell


@pytest.mark.parametrize(
    "call",
    [
        # bounds the wrong way round
        lambda: dimensions(3, 1),
        # a namespace inside a standard area
        lambda: indicators(namespace="tips"),
        # a namespace that is not a code prefix
        lambda: indicator_sets(namespace="Local"),
        # an empty set
        lambda: indicator_sets(0, 0),
    ],
)
def test_strategies_reject_bad_arguments(call: Any) -> None:
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument):
        find(call(), lambda x: True)


# --- the generated page is up to date -------------------------------------------------


def _doc_tool() -> ModuleType:
    path = REPO / "tools" / "gen_catalogue_doc.py"
    spec = importlib.util.spec_from_file_location("gen_catalogue_doc", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_catalogue_page_is_up_to_date() -> None:
    tool = _doc_tool()
    page = REPO / "docs" / "catalogue.md"
    assert page.read_text(encoding="utf-8") == tool.render(), (
        "docs/catalogue.md is stale: run python tools/gen_catalogue_doc.py"
    )
    assert tool.main(["--check"]) == 0


def test_catalogue_page_check_fails_when_stale(tmp_path: Path) -> None:
    stale = tmp_path / "catalogue.md"
    stale.write_text("old\n", encoding="utf-8")
    assert _doc_tool().main(["--check", "--output", str(stale)]) == 1


def test_catalogue_page_names_every_indicator_in_both_languages() -> None:
    text = _doc_tool().render()
    for ind in catalogue().indicators:
        assert f"`{ind.code}`" in text
        assert ind.label.en in text
