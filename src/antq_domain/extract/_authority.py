"""Who awarded a commendation, read from the level of the People's Committee named.

"được UBND Thành phố Bắc Kạn tặng giấy khen", "UBND xã tặng giấy khen",
"Chủ tịch UBND huyện khen thưởng": the awarding authority is the chair of
the People's Committee of the level the kind word names (tỉnh: province;
huyện, quận, thị xã and a provincial city: district; xã, phường, thị trấn:
commune), the levels of the Law on Local Government Organisation 2015
(Art. 2). A "thành phố" is a province-level city or a district-level one:
the register says which by its name; without a name it is left unread.

Who proposes an award ("UBND huyện đề nghị tặng …") is not its issuer: only
a committee named after "đề nghị" is read. A committee named together with
another body ("Công an tỉnh và UBND huyện đã khen thưởng …") is one of two
issuers, and the figure's issuer is left unread.

The form follows from the issuer when the sentence does not name it but the
text does ("Lãnh đạo UBND xã tặng giấy khen …" in a caption): the chairs of
district and commune People's Committees award a "giấy khen" (Law on
Emulation and Commendation 2022, Art. 74 and 75), the only form of
commendation they may award. A text that never names a form leaves it
``unspecified``: "khen thưởng" alone may also be an emulation title
("Lao động tiên tiến"), which those chairs confer too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from antq_domain.errors import AntqError
from antq_domain.extract._figures import Fig
from antq_domain.extract._relations import PROPOSE
from antq_domain.extract._text import Normalised, Scanned
from antq_domain.extract.vocabulary import rule_on
from antq_domain.records.indicators import Catalogue
from antq_domain.records.places import PlaceKind, Registry

__all__ = ["read_authorities"]

_AUTHORITY = re.compile(
    r"(?<!\w)(?:chủ tịch[ ]+)?(?:ubnd|ủy ban nhân dân)[ ]+"
    r"(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)(?!\w)"
)
_NAME = re.compile(r"[ ]+((?:[^\W\d_]+[ ]?){1,4})")
_LEVEL = {
    "tỉnh": "provincial",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
}
_CITY_LEVEL = {PlaceKind.CENTRAL_CITY: "provincial", PlaceKind.PROVINCIAL_CITY: "district"}
_GIAY_KHEN_ISSUERS = frozenset(
    {"district_people_committee_chair", "commune_people_committee_chair"}
)
_WINDOW = 160  # characters either side of the figure, within its clause
# Another body named right before the committee, joined to it ("Công an tỉnh và UBND
# huyện khen thưởng …"): the award is theirs together, and says no one issuer.
_JOINED = re.compile(
    r"(?<!\w)(?:công an|ban giám đốc|giám đốc|bộ|sở|ban chỉ đạo|ủy ban|ubnd|mặt trận)"
    r"(?!\w)[^;.()]{0,40}[ ]và[ ]*$"
)


def _city_level(text: str, end: int, registry: Callable[[], Registry]) -> str | None:
    m = _NAME.match(text, end)
    if m is None:
        return None
    names: list[str] = []
    for w in m.group(1).split():
        if not w[:1].isupper():
            break
        names.append(w)
    for n in range(len(names), 0, -1):
        try:
            found = registry().find(f"thành phố {' '.join(names[:n])}")
        except (AntqError, ValueError):
            found = ()
        levels = {_CITY_LEVEL.get(p.kind) for p in found}
        if len(levels) == 1:
            return levels.pop()
    return None


_AND_ANOTHER = re.compile(
    r"[ ]và[ ]+(?:công an|ban giám đốc|giám đốc|bộ|sở|ban chỉ đạo|ủy ban|ubnd|mặt trận)"
    r"(?!\w)"
)


def _joined(sc: Scanned, start: int, end: int) -> bool:
    """Whether the authority at ``[start, end)`` is named together with another body."""
    before = sc.key[max(sc.boundary_before(start), start - 60) : start].rpartition(",")[2]
    # After a count ("… cho 02 cá nhân thuộc lực lượng Công an và Giám đốc …") the "và"
    # joins a new clause, not two subjects of one.
    if any(c.isdigit() for c in before):
        return False
    return _JOINED.search(before) is not None or (
        _AND_ANOTHER.match(sc.key, _name_end(sc.key, end)) is not None
    )


def _name_end(key: str, end: int) -> int:
    """Where the authority's name ends: its kind word, then up to four words of its name."""
    m = re.compile(r"(?:[ ]+[^\W\d_]+){0,4}?(?=[ ]và[ ]+)").match(key, end)
    return m.end() if m is not None and m.end() - end <= 40 else end


def _level(norm: Normalised, sc: Scanned, fig: Fig, registry: Callable[[], Registry]) -> str | None:
    start = max(sc.boundary_before(fig.qstart), fig.qstart - _WINDOW)
    end = min(sc.boundary_after(fig.end), fig.end + _WINDOW)
    # "UBND huyện đề nghị tặng bằng khen …": who proposes stands before "đề nghị"; the
    # award is asked of whoever follows it.
    for asked in PROPOSE.finditer(sc.key, start, fig.qstart):
        start = asked.end()
    best: tuple[int, str] | None = None
    for m in _AUTHORITY.finditer(sc.key, start, max(start, end)):
        if _joined(sc, m.start(), m.end()):
            return None
        kind = m.group(1)
        if kind.startswith(("thành phố", "tp")):
            level = _city_level(norm.text, m.end(), registry)
        else:
            level = _LEVEL[kind]
        if level is None:
            continue
        distance = fig.qstart - m.end() if m.end() <= fig.qstart else m.start() - fig.end
        if best is None or abs(distance) < best[0]:
            best = (abs(distance), level)
    return best[1] if best is not None else None


def read_authorities(
    norm: Normalised,
    sc: Scanned,
    figs: list[Fig],
    cat: Catalogue,
    *,
    registry: Callable[[], Registry],
    leave_out: Collection[str] = (),
) -> None:
    """Set ``issuer`` (and then ``form``) of commendation figures from the authority named."""
    names_giay_khen = "giấy khen" in sc.key  # once: a search of the whole text
    # "Công an tỉnh và UBND huyện đã khen thưởng …": two issuers, no one of them; nor for
    # the figures listed with one that read it (their issuer came from its words).
    joint: set[tuple[int, str]] = set()
    for fig in figs:
        said = fig.dim_matches.get("issuer")
        if said is not None and "issuer" in fig.dims and _joined(sc, said.start, said.end):
            joint.add((sc.boundaries_upto(fig.qstart), fig.dims.pop("issuer")))
            fig.dim_rules.pop("issuer", None)
            fig.dim_matches.pop("issuer")
    joint_clauses = {at for at, _ in joint}
    for fig in figs:
        if fig.indicator is None:
            continue
        names = cat[fig.indicator].dimension_names
        if "issuer" not in names:
            continue
        issuers = cat.dimension("issuer").codes
        if (
            joint
            and "issuer" in fig.dims
            and "issuer" not in fig.dim_matches
            and (sc.boundaries_upto(fig.qstart), fig.dims["issuer"]) in joint
        ):
            del fig.dims["issuer"]
            fig.dim_rules.pop("issuer", None)
        if sc.boundaries_upto(fig.qstart) in joint_clauses:
            continue
        if "issuer" not in fig.dims:
            level = _level(norm, sc, fig, registry)
            code = f"{level}_people_committee_chair"
            if level is not None and code in issuers:
                fig.dims["issuer"] = code
                fig.dim_rules["issuer"] = "the level of the People's Committee named"
        forms = cat.dimension("form").codes if "form" in names else ()
        if (
            "form" in names
            and "form" not in fig.dims
            and fig.dims.get("issuer") in _GIAY_KHEN_ISSUERS
            and "certificate_of_commendation" in forms
            and rule_on("giấy khen by its issuer", leave_out)
            and names_giay_khen
        ):
            fig.dims["form"] = "certificate_of_commendation"
            fig.dim_rules["form"] = "law: district and commune chairs award giấy khen"
