"""The totals convention (SDMX's ``_T``) in the catalogue and the breakdown checks."""

from __future__ import annotations

import pytest

from antq_domain.analysis.rules import default_breakdowns
from antq_domain.analysis.validation import check_totals
from antq_domain.errors import RecordError
from antq_domain.records.indicators import Dimension, catalogue
from antq_domain.records.observation import Observation
from antq_domain.values.quantity import Quantity


def _obs(code: str, n: int, unit: str, **dims: str) -> Observation:
    return Observation(
        indicator=code, place="27", period="2023", value=Quantity(n, unit), dims=dims
    )


def _meeting(n: int, **dims: str) -> Observation:
    return _obs("safety_standard.units_meeting", n, "unit", **dims)


# --- the catalogue ---------------------------------------------------------------------


def test_every_partition_dimension_has_a_total_code_outside_its_parts() -> None:
    cat = catalogue()
    for b in default_breakdowns(cat):
        dim = cat.dimension(b.dimension)
        if b.dimension == "unit_kind":
            continue  # levels: commune_level, district_level, establishment
        assert dim.total is not None, b.dimension
        assert dim.total not in b.parts, b.dimension
        assert b.total in (None, dim.total), b.dimension


def test_unit_kind_has_no_total_and_mixed_stands_alone() -> None:
    unit_kind = catalogue().dimension("unit_kind")
    assert unit_kind.total is None
    assert "mixed" in unit_kind.codes
    assert all(b.total != "mixed" for b in default_breakdowns())


def test_managed_by_absent_is_unspecified_so_only_its_total_code_is_a_total() -> None:
    managed_by = catalogue().dimension("managed_by")
    assert managed_by.absent_means_total is False
    assert {"total", "unspecified"} <= set(managed_by.codes)
    assert [b.total for b in default_breakdowns() if b.dimension == "managed_by"] == ["total"]


def test_a_dimension_s_total_must_be_one_of_its_codes() -> None:
    label = {"vi": "màu", "en": "colour"}
    red = {"code": "red", "label": {"vi": "đỏ", "en": "red"}}
    with pytest.raises(RecordError, match="total='all': expected one of the listed codes"):
        Dimension(name="colour", label=label, values=[red], total="all")
    with pytest.raises(RecordError, match="absent_means_total"):
        Dimension(name="colour", label=label, values=[red], absent_means_total=False)
    assert Dimension(name="colour", label=label, values=[red]).parts == ("red",)


# --- the breakdown checks --------------------------------------------------------------


def test_establishments_managed_by_the_province_are_not_the_total_of_district_ones() -> None:
    # "194/213 cơ quan, doanh nghiệp, cơ sở giáo dục do cấp tỉnh quản lý …;
    #  269/270 cơ quan, 83/94 doanh nghiệp, 173/173 nhà trường do cấp huyện quản lý"
    unstated = [
        _meeting(194, unit_kind="establishment"),
        _meeting(269, unit_kind="agency"),
        _meeting(83, unit_kind="enterprise"),
        _meeting(173, unit_kind="school"),
    ]
    assert check_totals(unstated).codes == ()
    stated = [
        _meeting(194, unit_kind="establishment", managed_by="province"),
        _meeting(269, unit_kind="agency", managed_by="district"),
        _meeting(83, unit_kind="enterprise", managed_by="district"),
        _meeting(173, unit_kind="school", managed_by="district"),
    ]
    assert check_totals(stated).codes == ()


def test_a_total_within_one_stated_level_is_still_checked() -> None:
    figures = [
        _meeting(194, unit_kind="establishment", managed_by="district"),
        _meeting(269, unit_kind="agency", managed_by="district"),
        _meeting(83, unit_kind="enterprise", managed_by="district"),
        _meeting(173, unit_kind="school", managed_by="district"),
    ]
    assert check_totals(figures).codes == ("total.mismatch",)


def test_the_total_code_is_the_total_of_the_levels() -> None:
    parts = [
        _meeting(3, unit_kind="school", managed_by="province"),
        _meeting(5, unit_kind="school", managed_by="district"),
        _meeting(0, unit_kind="school", managed_by="commune"),
        _meeting(1, unit_kind="school", managed_by="unspecified"),
    ]
    assert check_totals([*parts, _meeting(9, unit_kind="school", managed_by="total")]).ok
    wrong = check_totals([*parts, _meeting(10, unit_kind="school", managed_by="total")])
    assert wrong.codes == ("total.mismatch",)
    # the unsplit figure does not say which levels it counts: it stands alone
    assert check_totals([*parts, _meeting(10, unit_kind="school")]).codes == ()


@pytest.mark.parametrize("total", [{"ordnance_kind": "total"}, {}])
def test_an_explicit_or_unsplit_total_is_the_sum_of_its_parts(total: dict[str, str]) -> None:
    parts = [
        _obs("weapons.ordnance", n, "piece", ordnance_kind=kind)
        for n, kind in ((20, "grenade"), (10, "mine"), (5, "bomb"), (7, "shell"))
    ]
    assert check_totals([*parts, _obs("weapons.ordnance", 42, "piece", **total)]).ok
    assert check_totals([*parts, _obs("weapons.ordnance", 41, "piece", **total)]).codes == (
        "total.mismatch",
    )


def test_a_figure_over_a_mixed_set_stands_alone() -> None:
    figures = [
        _meeting(5, unit_kind="commune"),
        _meeting(2, unit_kind="township"),
        _meeting(3, unit_kind="mixed"),
    ]
    assert check_totals(figures).codes == ()


def test_parts_stated_for_an_unspecified_issuer_are_not_compared() -> None:
    def rec(n: int, **dims: str) -> Observation:
        return _obs("commendations.recipients", n, "recipient", issuer="unspecified", **dims)

    figures = [rec(8), rec(3, recipient_kind="collective"), rec(6, recipient_kind="individual")]
    assert check_totals(figures).codes == ()
    # the same figures for a named issuer are compared
    named = [
        _obs("commendations.recipients", n, "recipient", issuer="district_police_chief", **d)
        for n, d in (
            (8, {}),
            (3, {"recipient_kind": "collective"}),
            (6, {"recipient_kind": "individual"}),
        )
    ]
    assert check_totals(named).codes == ("total.mismatch",)


def test_strategies_reach_dimensions_whose_absence_is_unspecified() -> None:
    from hypothesis import find

    from antq_domain.strategies._catalogue import dimensions

    dim = find(dimensions(), lambda d: d.total is not None and not d.absent_means_total)
    assert dim.total in dim.codes
    assert dim.total not in dim.parts
