"""Hypothesis strategies for the register of places: small synthetic registers.

Example:
    >>> from hypothesis import find
    >>> from antq_domain.strategies._places import registries
    >>> reg = find(registries(), lambda r: True)
    >>> [p.code for p in reg]
    ['VN', 'P1', 'D1', 'C1']
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from antq_domain.records.places import REFORM_DATE, Place, PlaceKind, Registry

__all__ = ["place_codes", "registries"]

_NAMES = (
    "Ia Tăng",
    "Sa Sơn",
    "Đắk Kôi",
    "Hòa Bình",
    "Thuỷ Tiên",
    "Ngọc Linh",
    "Mô Rai",
    "Quang Trung",
    "Rờ Kơi",
    "Tân Lập",
)
_DISTRICT_KINDS = (
    PlaceKind.DISTRICT,
    PlaceKind.URBAN_DISTRICT,
    PlaceKind.TOWN,
    PlaceKind.PROVINCIAL_CITY,
)
_OLD_COMMUNE_KINDS = (PlaceKind.COMMUNE, PlaceKind.WARD, PlaceKind.TOWNSHIP)
_NEW_COMMUNE_KINDS = (PlaceKind.COMMUNE, PlaceKind.WARD)


def _name(kind: PlaceKind, index: int) -> str:
    return f"{kind.prefix_vi} {_NAMES[index % len(_NAMES)]} {index}"


def _successor_map(
    draw: st.DrawFn, n_communes: int, *, splits: bool
) -> tuple[list[str], dict[int, list[str]]]:
    n_new = draw(st.integers(1, n_communes))
    new_codes = [f"N{k + 1}" for k in range(n_new)]
    successor_of: dict[int, list[str]] = {}
    for c in range(1, n_communes + 1):
        # Every new commune gets at least one predecessor.
        first = new_codes[c - 1] if c <= n_new else draw(st.sampled_from(new_codes))
        succ = [first]
        if splits and n_new > 1 and draw(st.booleans()):
            succ.append(draw(st.sampled_from([k for k in new_codes if k != first])))
        successor_of[c] = succ
    return new_codes, successor_of


@st.composite
def _registries(
    draw: st.DrawFn,
    min_communes: int,
    max_communes: int,
    reform: bool | None,
    splits: bool,
) -> Registry:
    n_provinces = draw(st.integers(1, 2))
    n_districts = draw(st.integers(1, 3))
    n_communes = draw(st.integers(min_communes, max_communes))
    with_reform = draw(st.booleans()) if reform is None else reform
    # The real reform day is drawn as often as all other days together: the
    # special zones and new province-level kinds exist only from it on.
    any_day = st.one_of(st.just(REFORM_DATE), st.dates(date(2000, 1, 2), REFORM_DATE))
    reform_day = draw(any_day) if with_reform else None
    # Without a reform the old tree still ends when district-level units did.
    last_day = reform_day - timedelta(days=1) if reform_day else REFORM_DATE - timedelta(days=1)

    places: list[Place] = [Place(code="VN", name="Việt Nam", kind=PlaceKind.NATION)]
    replace_provinces = with_reform and (n_provinces > 1 or draw(st.booleans()))
    district_codes: list[str] = []
    commune_of_district: dict[str, list[int]] = {}
    for d in range(n_districts):
        commune_of_district[f"D{d + 1}"] = []
    for c in range(n_communes):
        district = f"D{draw(st.integers(0, n_districts - 1)) + 1}" if c else "D1"
        commune_of_district[district].append(c + 1)

    # New communes: old commune i goes to one new commune; a split adds a second.
    new_codes: list[str] = []
    successor_of: dict[int, list[str]] = {}
    if with_reform:
        new_codes, successor_of = _successor_map(draw, n_communes, splits=splits)

    new_parent = "Q1" if replace_provinces else "P1"
    for p in range(n_provinces):
        code = f"P{p + 1}"
        kind = draw(st.sampled_from((PlaceKind.PROVINCE, PlaceKind.CENTRAL_CITY)))
        ends = replace_provinces
        places.append(
            Place(
                code=code,
                name=_name(kind, p),
                kind=kind,
                parent="VN",
                valid_to=last_day if ends else None,
                successors=("Q1",) if ends else (),
            )
        )
        for d in range(n_districts):
            if d % n_provinces != p:
                continue
            dcode = f"D{d + 1}"
            district_codes.append(dcode)
            dkind = draw(st.sampled_from(_DISTRICT_KINDS))
            places.append(
                Place(
                    code=dcode,
                    name=_name(dkind, d),
                    kind=dkind,
                    parent=code,
                    valid_to=last_day,
                )
            )
            for c in commune_of_district[dcode]:
                ckind = draw(st.sampled_from(_OLD_COMMUNE_KINDS))
                places.append(
                    Place(
                        code=f"C{c}",
                        name=_name(ckind, c),
                        kind=ckind,
                        parent=dcode,
                        valid_to=last_day,
                        successors=tuple(successor_of.get(c, ())),
                    )
                )
    if with_reform and reform_day is not None:
        if replace_provinces:
            kind = draw(st.sampled_from((PlaceKind.PROVINCE, PlaceKind.CENTRAL_CITY)))
            places.append(
                Place(code="Q1", name=_name(kind, 0), kind=kind, parent="VN", valid_from=reform_day)
            )
        new_kinds: tuple[PlaceKind, ...] = _NEW_COMMUNE_KINDS
        if reform_day >= REFORM_DATE:
            new_kinds = (*new_kinds, PlaceKind.SPECIAL_ZONE)
        for k, code in enumerate(new_codes):
            ckind = draw(st.sampled_from(new_kinds))
            places.append(
                Place(
                    code=code,
                    name=_name(ckind, k),
                    kind=ckind,
                    parent=new_parent,
                    valid_from=reform_day,
                )
            )
    return Registry(places)


def registries(
    min_communes: int = 1,
    max_communes: int = 6,
    *,
    reform: bool | None = None,
    splits: bool = True,
) -> st.SearchStrategy[Registry]:
    """Small valid registers: nation → provinces → districts → communes.

    With a reform (``reform=True``; ``None`` draws it) every district and old
    commune ends the day before a reform date (on or before 1 July 2025), new
    communes begin on it under a new province (``Q1``, successor of the old
    provinces) or the continuing one, and each old commune's successors name
    the new commune it was merged into, plus a second one when it was split
    (``splits=True``). Without a reform the districts and communes end on
    30 June 2025, as district-level units did.

    Codes: ``VN``, provinces ``P<n>``, districts ``D<n>``, old communes
    ``C<n>``, new province ``Q1``, new communes ``N<n>``.

    Shrinks towards one province, one district, ``min_communes`` communes, no
    reform and no splits.

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.strategies._places import registries
        >>> reg = find(registries(reform=True), lambda r: True)
        >>> [(p.code, p.successors) for p in reg if p.successors]
        [('C1', ('N1',))]
    """
    if not 1 <= min_communes <= max_communes:
        raise InvalidArgument(
            f"need 1 <= min_communes <= max_communes, got {min_communes}, {max_communes}"
        )
    return _registries(min_communes, max_communes, reform, splits)


def place_codes(registry: Registry) -> st.SearchStrategy[str]:
    """Codes of places in ``registry``; shrinks towards the first place (the root).

    Example:
        >>> from hypothesis import find
        >>> from antq_domain.records.places import Place, Registry
        >>> from antq_domain.strategies._places import place_codes
        >>> reg = Registry([Place(code="P", name="Tỉnh A", kind="province")])
        >>> find(place_codes(reg), lambda c: True)
        'P'
    """
    return st.sampled_from([place.code for place in registry])
