"""The unit a text speaks from, as it calls it by its kind alone ("UBND tỉnh", "toàn xã")."""

from __future__ import annotations

import re

from antq_domain.records.places import PlaceLevel

__all__ = ["OWN_UNIT", "own_level", "speaks_of_own_unit"]

# A unit referred to by its kind alone ("trên địa bàn tỉnh", "UBND huyện", "toàn xã."):
# the text is about a unit of that kind (group 1), not about the country.
OWN_UNIT = re.compile(
    r"(?<!\w)(?:trên địa bàn|toàn|ubnd|ủy ban nhân dân|công an|ban chỉ đạo|nhân dân"
    r"|chính quyền|đảng ủy|đảng uỷ|hđnd)[ ]+"
    r"(tỉnh|huyện|thành phố|thị xã|xã|phường|thị trấn)(?!\w)[ ]*"
)


_OWN_LEVEL = {
    "tỉnh": PlaceLevel.PROVINCE,
    "huyện": PlaceLevel.DISTRICT,
    "thị xã": PlaceLevel.DISTRICT,
    "xã": PlaceLevel.COMMUNE,
    "phường": PlaceLevel.COMMUNE,
    "thị trấn": PlaceLevel.COMMUNE,
}


def own_level(text: str, key: str) -> PlaceLevel | None:
    """The level of the unit the text calls its own by its kind alone, if one level only.

    "UBND tỉnh tổ chức hội nghị", "trên địa bàn huyện": the writer speaks from that
    unit. "Thành phố" is a kind of two levels (Cần Thơ, Tam Kỳ): it says none.
    """
    levels = set()
    for m in OWN_UNIT.finditer(key):
        if (
            not text[m.end() : m.end() + 1].isupper()
            and _OFFICE_BEFORE.search(key, max(0, m.start() - 32), m.start()) is None
        ):
            levels.add(_OWN_LEVEL.get(m.group(1)))
    return levels.pop() if len(levels) == 1 else None


# "Phó Chủ tịch (thường trực) UBND tỉnh", "Giám đốc Công an tỉnh", "đại diện Ban Chỉ đạo
# huyện": an office held in a unit names a person of that unit (a guest, often), not the
# unit the text is written from.
_OFFICE_BEFORE = re.compile(
    r"(?<!\w)(?:chủ tịch|giám đốc|trưởng|lãnh đạo|đại diện|thành viên|ủy viên|uỷ viên"
    r"|bí thư|chánh văn phòng)(?:[ ]+(?:thường trực|chuyên trách))?[ ]+$"
)


def speaks_of_own_unit(text: str, key: str) -> bool:
    """Whether the text names a unit by its kind alone, no name after it ("UBND tỉnh tổ chức")."""
    return any(not text[m.end() : m.end() + 1].isupper() for m in OWN_UNIT.finditer(key))
