# Size: one register: Place and its codelists, the Registry with its lookups (find, name_of,
# successors, trees) and the register's CSV reader and writer share the register's indexes; about
# half the lines are docstrings and their examples.
"""The register of places: administrative units over time and the 2025 reform.

A [`Place`][antq_domain.Place] is one administrative unit with a stable identity (its
register code), a kind, a parent and a validity interval; a
[`Registry`][antq_domain.Registry] holds many of them and answers questions *as of* a
date: who was the parent, which units were alive, what became of a unit after a reform.

Register codes are official codes. Official codes were reused by the reform of 1 July 2025 (the new
tỉnh Quảng Ngãi took code ``51`` of the old one, and nearly every new commune took the code of one
of the communes merged into it), so a code alone is not unique over time. The rule: the unit that
holds an official code in the newest tree keeps the plain code; an earlier unit whose code was taken
over carries ``<code>@<its last day>``, e.g. ``51@2025-06-30`` for the old tỉnh Quảng Ngãi.
[`Registry.resolve`][antq_domain.records.places.Registry.resolve] maps an official code and a date
to the unit that held it.

The bundled register ([`registry`][antq_domain.registry]) is read lazily, on first
use, from ``antq_domain/data/places.csv``;
[`load_registry`][antq_domain.load_registry] reads a user's CSV in the same format.

Example:
    >>> from datetime import date
    >>> from antq_domain.records.places import registry
    >>> reg = registry()
    >>> reg.parent("616", date(2024, 12, 31)).name
    'Tỉnh Kon Tum'
    >>> reg.alive("616", date(2025, 7, 1))
    False
    >>> [p.name for p in reg.current("62", date(2025, 7, 1))]
    ['Tỉnh Quảng Ngãi']
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Any, Self

from pydantic import field_validator, model_validator

from antq_domain._disk import escape_cell, read_text, unescape_cell, write_atomic
from antq_domain._gc import gc_paused
from antq_domain._once import once
from antq_domain.errors import (
    AntqValueError,
    InvariantError,
    Message,
    ParseError,
    Problem,
    RecordError,
    UnknownCodeError,
)
from antq_domain.records._base import Record
from antq_domain.values._codelist import Codelist
from antq_domain.values._vietnamese import modern_tone_marks
from antq_domain.values.label import Lang
from antq_domain.values.period import Period

__all__ = [
    "COLUMNS",
    "FORMER_NAME_COLUMNS",
    "REFORM_DATE",
    "FormerName",
    "Place",
    "PlaceKind",
    "PlaceLevel",
    "Registry",
    "dump_registry",
    "load_registry",
    "registry",
]

REFORM_DATE = date(2025, 7, 1)
"""First day of the two-level local government (Luật 72/2025/QH15, NQ 202/2025/QH15)."""

_LAST_DAY_BEFORE_REFORM = date(2025, 6, 30)

COLUMNS: tuple[str, ...] = (
    "code",
    "name",
    "kind",
    "parent",
    "valid_from",
    "valid_to",
    "successors",
)
"""The columns of a register CSV file, in order."""

FORMER_NAME_COLUMNS: tuple[str, ...] = ("code", "name", "until", "source")
"""The columns of a CSV file of former names, one `FormerName` a row."""

_CODE = re.compile(r"[^\s;,]+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class PlaceLevel(Codelist, field="level"):
    """The tier of the administrative hierarchy a kind of place belongs to.

    Levels are ordered from the top: ``nation`` < ``province`` < ``district`` < ``commune``
    ([`rank`][antq_domain.records.places.PlaceLevel.rank] 0 to 3). A parent is always on a higher
    level (lower rank) than its child.

    Example:
        >>> from antq_domain.records.places import PlaceLevel
        >>> PlaceLevel.DISTRICT.rank
        2
        >>> PlaceLevel("commune").label.vi
        'cấp xã'
    """

    NATION = ("nation", "toàn quốc", "nation")
    PROVINCE = ("province", "cấp tỉnh", "province level")
    DISTRICT = ("district", "cấp huyện", "district level")
    COMMUNE = ("commune", "cấp xã", "commune level")

    @property
    def rank(self) -> int:
        """Depth in the hierarchy: 0 for the nation, 3 for communes.

        Example:
            >>> from antq_domain.records.places import PlaceLevel
            >>> PlaceLevel.NATION.rank < PlaceLevel.PROVINCE.rank
            True
        """
        return _LEVEL_RANK[self]


_LEVEL_RANK = {
    PlaceLevel.NATION: 0,
    PlaceLevel.PROVINCE: 1,
    PlaceLevel.DISTRICT: 2,
    PlaceLevel.COMMUNE: 3,
}


class PlaceKind(Codelist, field="kind"):
    """The legal kind of an administrative unit, with its level and legal life.

    District-level kinds (``district``, ``urban_district``, ``town``,
    ``provincial_city``) and ``township`` (thị trấn) ended on 30 June 2025;
    ``special_zone`` (đặc khu) exists from 1 July 2025. ``nation`` is the
    library's own root above the provinces (for roll-ups to the whole
    country); it is not an administrative unit in law. ``provincial_city``
    also covers the two "thành phố thuộc thành phố trực thuộc trung ương"
    (Thủ Đức, Thủy Nguyên).

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.places import PlaceKind
        >>> PlaceKind.TOWNSHIP.label.vi
        'thị trấn'
        >>> PlaceKind.TOWNSHIP.level
        <PlaceLevel.COMMUNE: 'commune'>
        >>> PlaceKind.TOWNSHIP.legal_on(date(2025, 7, 1))
        False
    """

    NATION = ("nation", "toàn quốc", "nation")
    PROVINCE = ("province", "tỉnh", "province")
    CENTRAL_CITY = ("central_city", "thành phố trực thuộc trung ương", "centrally-run city")
    DISTRICT = ("district", "huyện", "rural district")
    URBAN_DISTRICT = ("urban_district", "quận", "urban district")
    TOWN = ("town", "thị xã", "district-level town")
    PROVINCIAL_CITY = ("provincial_city", "thành phố thuộc tỉnh", "provincial city")
    COMMUNE = ("commune", "xã", "commune")
    WARD = ("ward", "phường", "ward")
    TOWNSHIP = ("township", "thị trấn", "township")
    SPECIAL_ZONE = ("special_zone", "đặc khu", "special zone")

    @property
    def level(self) -> PlaceLevel:
        """The tier this kind belongs to.

        Example:
            >>> from antq_domain.records.places import PlaceKind
            >>> PlaceKind.TOWN.level
            <PlaceLevel.DISTRICT: 'district'>
        """
        return _KIND_LEVEL[self]

    @property
    def prefix_vi(self) -> str:
        """The word put before a unit's name in Vietnamese ("Huyện", "Phường").

        Example:
            >>> from antq_domain.records.places import PlaceKind
            >>> PlaceKind.PROVINCIAL_CITY.prefix_vi
            'Thành phố'
        """
        return _KIND_PREFIX[self]

    @property
    def legal_from(self) -> date | None:
        """The first day units of this kind may exist (None: no limit).

        Example:
            >>> from antq_domain.records.places import PlaceKind
            >>> PlaceKind.SPECIAL_ZONE.legal_from
            datetime.date(2025, 7, 1)
        """
        return REFORM_DATE if self is PlaceKind.SPECIAL_ZONE else None

    @property
    def legal_to(self) -> date | None:
        """The last day units of this kind may exist (None: no limit).

        Example:
            >>> from antq_domain.records.places import PlaceKind
            >>> PlaceKind.DISTRICT.legal_to
            datetime.date(2025, 6, 30)
            >>> PlaceKind.WARD.legal_to is None
            True
        """
        if self.level is PlaceLevel.DISTRICT or self is PlaceKind.TOWNSHIP:
            return _LAST_DAY_BEFORE_REFORM
        return None

    def legal_on(self, day: date) -> bool:
        """Whether a unit of this kind can exist on ``day``.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import PlaceKind
            >>> PlaceKind.DISTRICT.legal_on(date(2025, 6, 30))
            True
        """
        return _within(day, self.legal_from, self.legal_to)


_KIND_LEVEL = {
    PlaceKind.NATION: PlaceLevel.NATION,
    PlaceKind.PROVINCE: PlaceLevel.PROVINCE,
    PlaceKind.CENTRAL_CITY: PlaceLevel.PROVINCE,
    PlaceKind.DISTRICT: PlaceLevel.DISTRICT,
    PlaceKind.URBAN_DISTRICT: PlaceLevel.DISTRICT,
    PlaceKind.TOWN: PlaceLevel.DISTRICT,
    PlaceKind.PROVINCIAL_CITY: PlaceLevel.DISTRICT,
    PlaceKind.COMMUNE: PlaceLevel.COMMUNE,
    PlaceKind.WARD: PlaceLevel.COMMUNE,
    PlaceKind.TOWNSHIP: PlaceLevel.COMMUNE,
    PlaceKind.SPECIAL_ZONE: PlaceLevel.COMMUNE,
}
_KIND_PREFIX = {
    PlaceKind.NATION: "",
    PlaceKind.PROVINCE: "Tỉnh",
    PlaceKind.CENTRAL_CITY: "Thành phố",
    PlaceKind.DISTRICT: "Huyện",
    PlaceKind.URBAN_DISTRICT: "Quận",
    PlaceKind.TOWN: "Thị xã",
    PlaceKind.PROVINCIAL_CITY: "Thành phố",
    PlaceKind.COMMUNE: "Xã",
    PlaceKind.WARD: "Phường",
    PlaceKind.TOWNSHIP: "Thị trấn",
    PlaceKind.SPECIAL_ZONE: "Đặc khu",
}


def _within(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or start <= day) and (end is None or day <= end)


def _overlaps(place: Place, period: Period) -> bool:
    """Whether the place existed on some day of the period."""
    return (place.valid_from is None or place.valid_from <= period.end) and (
        place.valid_to is None or period.start <= place.valid_to
    )


def _life(place: Place) -> str:
    """The place's life as written after its name (``", …/2025-06-30"``); empty if unbounded."""
    if place.valid_from is None and place.valid_to is None:
        return ""
    return f", {_interval(place.valid_from, place.valid_to)}"


def _interval(start: date | None, end: date | None) -> str:
    return f"{start.isoformat() if start else '…'}/{end.isoformat() if end else '…'}"


def _rule_errors(
    code: str,
    kind: PlaceKind,
    *,
    parent: str | None,
    valid_from: date | None,
    valid_to: date | None,
    successors: Sequence[str],
) -> list[AntqValueError]:
    """Every cross-field rule a place breaks (shared by Place and the CSV reader)."""
    errors: list[AntqValueError] = []
    if valid_from is not None and valid_to is not None and valid_to < valid_from:
        errors.append(
            InvariantError(
                "valid_to",
                valid_to,
                f"a day on or after {valid_from}",
                expected_vi=f"một ngày không trước {valid_from}",
            )
        )
    if kind.legal_to is not None and (valid_to is None or valid_to > kind.legal_to):
        errors.append(
            InvariantError(
                "valid_to",
                valid_to,
                f"a day on or before {kind.legal_to} (no {kind.label.vi} exists after it)",
                expected_vi=f"một ngày không sau {kind.legal_to} "
                f"(sau ngày này không còn {kind.label.vi})",
            )
        )
    if kind.legal_from is not None and (valid_from is None or valid_from < kind.legal_from):
        errors.append(
            InvariantError(
                "valid_from",
                valid_from,
                f"a day on or after {kind.legal_from} (no {kind.label.vi} exists before it)",
                expected_vi=f"một ngày không trước {kind.legal_from} "
                f"(trước ngày này chưa có {kind.label.vi})",
            )
        )
    if parent == code:
        errors.append(
            InvariantError(
                "parent",
                parent,
                "a code other than the place's own",
                expected_vi="một mã khác mã của chính địa bàn",
            )
        )
    if code in successors:
        errors.append(
            InvariantError(
                "successors",
                code,
                "codes other than the place's own",
                expected_vi="các mã khác mã của chính địa bàn",
            )
        )
    if len(set(successors)) != len(successors):
        errors.append(
            InvariantError(
                "successors",
                tuple(successors),
                "codes without repeats",
                expected_vi="các mã không lặp lại",
            )
        )
    if successors and valid_to is None:
        errors.append(
            InvariantError(
                "valid_to",
                valid_to,
                "the place's last day, since it has successors",
                expected_vi="ngày cuối cùng của địa bàn, vì địa bàn có đơn vị kế thừa",
            )
        )
    return errors


def _check_code(field: str, value: str) -> str:
    if not _CODE.fullmatch(value):
        raise ParseError(
            field,
            value,
            "a code without spaces, ';' or ','",
            expected_vi="một mã không có dấu cách, ';' hoặc ','",
        )
    return value


def _check_name(value: str) -> str:
    if not value.strip():
        raise ParseError("name", value, "a non-empty name", expected_vi="một tên không rỗng")
    return unicodedata.normalize("NFC", value)


class Place(Record):
    """One administrative unit over its life; an entity whose identity is ``code``.

    Args:
        code: the register code: the official code, or ``<code>@<last day>``
            for an earlier holder of a reused official code.
        name: the Vietnamese name with its kind word, as officially written
            ("Huyện Sa Thầy"); stored in NFC.
        kind: the legal kind ([`PlaceKind`][antq_domain.records.PlaceKind]).
        parent: the register code of the unit it belongs to (None for a root).
        valid_from: first day of existence (None: before the data's horizon).
        valid_to: last day of existence (None: still exists).
        successors: the units it became part of on its end, principal first;
            several successors mean it was split.

    Rules: ``valid_to >= valid_from``; a kind only lives within its legal life
    (no district-level unit nor thị trấn after 30 June 2025, no đặc khu
    before 1 July 2025); a place with successors has an end.

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.places import Place
        >>> p = Place(code="616", name="Huyện Sa Thầy", kind="district", parent="62",
        ...           valid_to=date(2025, 6, 30))
        >>> p.short_name, p.level.value, p.alive_on(date(2025, 7, 1))
        ('Sa Thầy', 'district', False)
        >>> Place(code="616", name="Huyện Sa Thầy", kind="district", parent="62")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Place: 1 problem
          valid_to: valid_to=None: expected a day on or before 2025-06-30 (no huyện exists after it)
    """

    code: str
    name: str
    kind: PlaceKind
    parent: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    successors: tuple[str, ...] = ()

    @field_validator("code")
    @classmethod
    def _code_ok(cls, value: str) -> str:
        return _check_code("code", value)

    @field_validator("parent")
    @classmethod
    def _parent_ok(cls, value: str | None) -> str | None:
        return None if value is None else _check_code("parent", value)

    @field_validator("successors")
    @classmethod
    def _successors_ok(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_check_code("successors", code) for code in value)

    @field_validator("name")
    @classmethod
    def _name_ok(cls, value: str) -> str:
        return _check_name(value)

    @model_validator(mode="after")
    def _rules(self) -> Self:
        errors = _rule_errors(
            self.code,
            self.kind,
            parent=self.parent,
            valid_from=self.valid_from,
            valid_to=self.valid_to,
            successors=self.successors,
        )
        if errors:
            raise errors[0]
        return self

    @property
    def level(self) -> PlaceLevel:
        """The tier of the place (from its kind).

        Example:
            >>> from antq_domain.records.places import Place
            >>> Place(code="62", name="Tỉnh Kon Tum", kind="province").level
            <PlaceLevel.PROVINCE: 'province'>
        """
        return self.kind.level

    @property
    def official_code(self) -> str:
        """The official code, without the ``@<last day>`` suffix of a reused code.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import Place
            >>> Place(code="51@2025-06-30", name="Tỉnh Quảng Ngãi", kind="province",
            ...       valid_to=date(2025, 6, 30), successors=("51",)).official_code
            '51'
        """
        return self.code.split("@", 1)[0]

    @property
    def short_name(self) -> str:
        """The name without its kind word ("Sa Thầy" for "Huyện Sa Thầy").

        Example:
            >>> from antq_domain.records.places import Place
            >>> Place(code="23287", name="Phường Quyết Thắng", kind="ward").short_name
            'Quyết Thắng'
        """
        prefix = self.kind.prefix_vi
        if prefix and self.name.casefold().startswith(prefix.casefold() + " "):
            return self.name[len(prefix) + 1 :].strip()
        return self.name

    @property
    def is_split(self) -> bool:
        """Whether the place was divided between several successors.

        Restating a split place's figures onto its successors needs a share
        table (how much of it went where); the register does not hold one.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import Place
            >>> Place(code="C1", name="Xã A", kind="commune", valid_to=date(2020, 1, 1),
            ...       successors=("N1", "N2")).is_split
            True
        """
        return len(self.successors) > 1

    def alive_on(self, day: date) -> bool:
        """Whether the place exists on ``day`` (both ends inclusive).

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import Place
            >>> Place(code="51", name="Tỉnh Quảng Ngãi", kind="province",
            ...       valid_from=date(2025, 7, 1)).alive_on(date(2025, 6, 30))
            False
        """
        return _within(day, self.valid_from, self.valid_to)


class FormerName(Record):
    """A name a unit bore before the one the register writes, up to a day, under the same code.

    Decision 124/2004/QĐ-TTg (Art. 1): a unit's code does not change while the unit exists, and a
    district formed by merging takes the code of the district where its People's Committee sits.
    A unit renamed, or merged under a new name keeping its code, is one place in the register,
    written with its last name; its earlier names are former names, each used up to ``until``.

    Args:
        code: the register code of the unit.
        name: the name as written then, with its kind word ("Huyện Tĩnh Gia"); stored in NFC.
        until: the last day the name was used (the day before the new name took effect).
        source: where the fact comes from (the legal text, the pages it was read on).

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.places import FormerName
        >>> f = FormerName(code="407", name="Huyện Tĩnh Gia", until=date(2020, 5, 31),
        ...                source="Nghị quyết 933/NQ-UBTVQH14")
        >>> f.short_name
        'Tĩnh Gia'
        >>> FormerName(code="407", name=" ", until=date(2020, 5, 31), source="x")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: FormerName: 1 problem
          name: name=' ': expected a non-empty name
    """

    code: str
    name: str
    until: date
    source: str

    @field_validator("code")
    @classmethod
    def _code_ok(cls, value: str) -> str:
        return _check_code("code", value)

    @field_validator("name")
    @classmethod
    def _name_ok(cls, value: str) -> str:
        return _check_name(value)

    @field_validator("source")
    @classmethod
    def _source_ok(cls, value: str) -> str:
        if not value.strip():
            raise ParseError(
                "source", value, "where the name comes from", expected_vi="nguồn của tên"
            )
        return value

    @property
    def short_name(self) -> str:
        """The name without its kind word ("Tĩnh Gia" for "Huyện Tĩnh Gia").

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import FormerName
            >>> FormerName(code="769", name="Quận 2", until=date(2020, 12, 31),
            ...            source="Nghị quyết 1111/NQ-UBTVQH14").short_name
            '2'
        """
        kind = _kind_word(self.name)
        return self.name[len(kind) :].strip() if kind else self.name


def _kind_word(name: str) -> str:
    """The kind word a name begins with, as written ("Huyện"), or "" if none."""
    folded = name.casefold()
    for word, _levels in _KIND_WORD_LEVELS:
        if folded.startswith(word + " "):
            return name[: len(word)]
    return ""


# --- name matching ---------------------------------------------------------


# Spellings of one word that the register itself writes both ways: the
# Bahnar, Ede and Jrai word "đăk" (water) is "Huyện Đắk Tô" but "Huyện Đăk Hà",
# and "kon" (village) is "Kon Tum" but "Xã Sông Kôn". Source: the register
# (data/places.csv, the General Statistics Office's list). "Lăk" for "Lắk"
# ("Đăk Lăk"): the same short-vowel spelling, as the press writes the province.
_SPELLINGS = {"đăk": "đắk", "đak": "đắk", "kôn": "kon", "lăk": "lắk"}
# Abbreviated kind words as written before a name ("TP. Đồng Hới", "Tp Huế",
# "TX Buôn Hồ", "TT. Plei Kần", "Q.1", "H.Nguyên Bình": "H." only with its full stop).
# Source: the language (the abbreviations of the administrative kinds in the press and
# in official letterheads).
_KIND_ABBREVIATIONS = {
    "tp": "thành phố",
    "tx": "thị xã",
    "tt": "thị trấn",
    "q": "quận",
    "h": "huyện",
}
_ABBREVIATED = re.compile(r"^(tp|tx|tt|q|h(?=\.))(?:\.\s*|\s+)(?=\w)")
# Other names of a place, by code. Source: the law or the language, per entry.
_OTHER_NAMES: tuple[tuple[str, str, str], ...] = (
    # Resolution 1314/NQ-UBTVQH15 (2024) made the province Thừa Thiên Huế the
    # centrally governed city Huế (code 46, kept).
    ("thừa thiên huế", "46", "law: Resolution 1314/NQ-UBTVQH15"),
    ("tỉnh thừa thiên huế", "46", "law: Resolution 1314/NQ-UBTVQH15"),
    # The usual short forms of Hồ Chí Minh City.
    ("tp.hcm", "79", "language: the usual abbreviation of Thành phố Hồ Chí Minh"),
    ("tphcm", "79", "language: the usual abbreviation of Thành phố Hồ Chí Minh"),
    ("tp hcm", "79", "language: the usual abbreviation of Thành phố Hồ Chí Minh"),
    ("hcm", "79", "language: the usual abbreviation of Thành phố Hồ Chí Minh"),
    ("sài gòn", "79", "language: the city's former and colloquial name"),
)


# The kind words written before a unit's name, longest first, with the levels they name
# ("thành phố" is a centrally governed city or a provincial city).
_KIND_WORD_LEVELS: tuple[tuple[str, frozenset[PlaceLevel]], ...] = tuple(
    sorted(
        (
            (word, frozenset(k.level for k in PlaceKind if _KIND_PREFIX[k].casefold() == word))
            for word in {_KIND_PREFIX[k].casefold() for k in PlaceKind if _KIND_PREFIX[k]}
        ),
        key=lambda pair: -len(pair[0]),
    )
)


def _typed_plain(key: str) -> bool:
    """Whether a name key is typed without diacritics, its kind word aside ("tỉnh dak lak")."""
    if _loose_key(key) == key:
        return True
    for word, _ in _KIND_WORD_LEVELS:
        if key.startswith(word + " "):
            rest = key[len(word) + 1 :]
            return _loose_key(rest) == rest
    return False


def _name_key(text: str) -> str:
    """Case, normal form, spaces, hyphens, tone placement and the two-way spellings folded."""
    folded = unicodedata.normalize("NFC", text).casefold().replace("-", " ").replace("–", " ")
    words = [_SPELLINGS.get(w, w) for w in folded.split()]
    return modern_tone_marks(" ".join(words))


def _loose_key(key: str) -> str:
    """A name key without any diacritics ("dak to" for "đắk tô"): names typed without them."""
    plain = "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))
    return plain.replace("đ", "d")


def _query_keys(name: str) -> list[str]:
    """The keys a name is looked up by: as written, then with an abbreviated kind spelt out."""
    key = _name_key(name)
    keys = [key]
    m = _ABBREVIATED.match(key)
    if m is not None:
        keys.append(f"{_KIND_ABBREVIATIONS[m.group(1)]} {key[m.end() :]}")
    return keys


# --- the register ----------------------------------------------------------


def _cycle(
    start: str, step: Mapping[str, Sequence[str]], acyclic: set[str] | None = None
) -> list[str] | None:
    """A cycle reachable from ``start`` following ``step`` links, if any.

    Iterative (a chain of any length never exhausts Python's stack); codes
    from which no cycle is reachable are added to ``acyclic`` so that calls
    sharing the set walk each chain once.
    """
    done = acyclic if acyclic is not None else set()
    if start in done:
        return None
    path = [start]
    on_path = {start}
    pending = [iter(step.get(start, ()))]
    while pending:
        nxt = next(pending[-1], None)
        if nxt is None:
            code = path.pop()
            on_path.discard(code)
            pending.pop()
            done.add(code)
        elif nxt in on_path:
            return [*path[path.index(nxt) :], nxt]
        elif nxt not in done:
            path.append(nxt)
            on_path.add(nxt)
            pending.append(iter(step.get(nxt, ())))
    return None


def _parent_errors(place: Place, parent: Place | None) -> list[AntqValueError | UnknownCodeError]:
    if place.parent is None:
        return []
    if parent is None:
        return [
            UnknownCodeError(
                "parent",
                place.parent,
                "a code of the register",
                expected_vi="một mã trong danh mục địa bàn",
            )
        ]
    errors: list[AntqValueError | UnknownCodeError] = []
    if parent.level.rank >= place.level.rank:
        errors.append(
            InvariantError(
                "parent",
                place.parent,
                f"a unit above the {place.level.value} level (got a {parent.kind.value})",
                expected_vi=f"một đơn vị trên {place.level.text('vi')} "
                f"(nhận được {parent.kind.text('vi')})",
            )
        )
    inside_from = parent.valid_from is None or (
        place.valid_from is not None and place.valid_from >= parent.valid_from
    )
    inside_to = parent.valid_to is None or (
        place.valid_to is not None and place.valid_to <= parent.valid_to
    )
    if not (inside_from and inside_to):
        errors.append(
            InvariantError(
                "parent",
                place.parent,
                "a parent alive throughout the place's life "
                f"{_interval(place.valid_from, place.valid_to)}"
                f" (parent: {_interval(parent.valid_from, parent.valid_to)})",
                expected_vi="một đơn vị cấp trên tồn tại suốt thời gian của địa bàn "
                f"{_interval(place.valid_from, place.valid_to)}"
                f" (đơn vị cấp trên: {_interval(parent.valid_from, parent.valid_to)})",
            )
        )
    return errors


def _successor_errors(
    place: Place, by_code: Mapping[str, Place]
) -> list[AntqValueError | UnknownCodeError]:
    errors: list[AntqValueError | UnknownCodeError] = []
    for code in place.successors:
        successor = by_code.get(code)
        if successor is None:
            errors.append(
                UnknownCodeError(
                    "successors",
                    code,
                    "a code of the register",
                    expected_vi="một mã trong danh mục địa bàn",
                )
            )
        elif place.valid_to is None or not successor.alive_on(place.valid_to + timedelta(days=1)):
            # the unit it became (part of) exists the day after it ends: a new unit beginning
            # that day, or a unit it was merged into, alive before and after
            after = None if place.valid_to is None else place.valid_to + timedelta(days=1)
            life = _interval(successor.valid_from, successor.valid_to)
            errors.append(
                InvariantError(
                    "successors",
                    code,
                    f"a unit alive on the day after {place.code!r} ends ({after}); it lives {life}",
                    expected_vi=f"một đơn vị tồn tại vào ngày sau khi {place.code!r} kết thúc "
                    f"({after}); đơn vị này tồn tại {life}",
                )
            )
    return errors


def _register_problems(places: Sequence[Place], where: Sequence[str]) -> list[Problem]:
    """Every rule across places the list breaks, located by ``where[i]`` (row or code)."""
    problems: list[Problem] = []
    by_code: dict[str, Place] = {}
    for place, loc in zip(places, where, strict=True):
        if place.code in by_code:
            err = InvariantError(
                "code",
                place.code,
                "a code used once in the register",
                expected_vi="một mã chỉ dùng một lần trong danh mục",
            )
            problems.append((f"{loc}.code", err))
        by_code.setdefault(place.code, place)
    for place, loc in zip(places, where, strict=True):
        parent = None if place.parent is None else by_code.get(place.parent)
        errors = _parent_errors(place, parent) + _successor_errors(place, by_code)
        problems.extend((f"{loc}.{err.field}", err) for err in errors)
    links: dict[str, dict[str, list[str]]] = {
        "parent": {p.code: [p.parent] for p in places if p.parent is not None},
        "successors": {p.code: list(p.successors) for p in places},
    }
    acyclic: dict[str, set[str]] = {column: set() for column in links}
    for place, loc in zip(places, where, strict=True):
        for column, step in links.items():
            found = _cycle(place.code, step, acyclic[column])
            if found and found[0] == place.code:
                cycle = " -> ".join(found)
                err = InvariantError(
                    column,
                    place.code,
                    f"links without a cycle (cycle: {cycle})",
                    expected_vi=f"các liên kết không tạo vòng (vòng: {cycle})",
                )
                problems.append((f"{loc}.{column}", err))
    return problems


_FormerIndex = dict[str, tuple[FormerName, ...]]


def _former_problems(
    formers: Sequence[FormerName], by_code: Mapping[str, Place], where: Sequence[str]
) -> list[Problem]:
    """Every rule the former names break against the places, located by ``where[i]``.

    A former name names a unit of the register, begins with a kind word of the unit's level,
    differs from the name the register writes, is used up to a day of the unit's life before its
    last day (the unit lived on under its new name), and is listed once for its unit.
    """
    problems: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for former, loc in zip(formers, where, strict=True):
        place = by_code.get(former.code)
        if place is None:
            err: AntqValueError | UnknownCodeError = UnknownCodeError(
                "code",
                former.code,
                "a code of the register",
                expected_vi="một mã trong danh mục địa bàn",
            )
            problems.append((f"{loc}.code", err))
            continue
        level = place.kind.level
        levels = dict(_KIND_WORD_LEVELS).get(_kind_word(former.name).casefold(), frozenset())
        if level not in levels:
            problems.append(
                (
                    f"{loc}.name",
                    InvariantError(
                        "name",
                        former.name,
                        f"a name beginning with a kind word of the {level.value} level "
                        f"({place.code} is {place.name})",
                        expected_vi=f"một tên bắt đầu bằng từ chỉ loại đơn vị {level.label.vi} "
                        f"({place.code} là {place.name})",
                    ),
                )
            )
        if _name_key(former.name) == _name_key(place.name):
            problems.append(
                (
                    f"{loc}.name",
                    InvariantError(
                        "name",
                        former.name,
                        f"a name other than the one the register writes for {place.code}",
                        expected_vi=f"một tên khác tên danh mục ghi cho {place.code}",
                    ),
                )
            )
        life = _interval(place.valid_from, place.valid_to)
        if not place.alive_on(former.until) or former.until == place.valid_to:
            problems.append(
                (
                    f"{loc}.until",
                    InvariantError(
                        "until",
                        former.until,
                        f"a day of the life of {place.code} ({life}) before its last day "
                        "(the unit lived on under its new name)",
                        expected_vi=f"một ngày trong thời gian tồn tại của {place.code} ({life}), "
                        "trước ngày cuối cùng (đơn vị còn tồn tại với tên mới)",
                    ),
                )
            )
        key = (former.code, _name_key(former.name))
        if key in seen:
            problems.append(
                (
                    f"{loc}.name",
                    InvariantError(
                        "name",
                        former.name,
                        f"a former name listed once for {place.code}",
                        expected_vi=f"một tên cũ chỉ ghi một lần cho {place.code}",
                    ),
                )
            )
        seen.add(key)
    return problems


class Registry:
    """An immutable register of places answering questions as of a date.

    Construct one from places (every cross-place rule is checked: unique codes, known parents on a
    higher level and alive throughout the child's life, known successors alive on the day after the
    place ends, no cycles), or get the bundled one with [`registry`][antq_domain.registry].
    Methods taking ``as_of`` consider only places alive on that day; ``as_of=None`` means "at any
    time".

    Args:
        places: the places, in the order the register keeps them.

    Raises:
        RecordError: listing every broken rule, located by place code.

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.places import Place, Registry
        >>> end = date(2025, 6, 30)
        >>> reg = Registry([
        ...     Place(code="P", name="Tỉnh A", kind="province"),
        ...     Place(code="D", name="Huyện B", kind="district", parent="P", valid_to=end),
        ...     Place(code="C", name="Xã C", kind="commune", parent="D", valid_to=end,
        ...           successors=("N",)),
        ...     Place(code="N", name="Xã N", kind="commune", parent="P",
        ...           valid_from=date(2025, 7, 1)),
        ... ])
        >>> [p.code for p in reg.children("P", date(2025, 7, 1))]
        ['N']
        >>> [p.code for p in reg.current("C", date(2026, 1, 1))]
        ['N']
        >>> Registry([Place(code="D", name="Huyện B", kind="district", parent="X",
        ...                 valid_to=end)])
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Registry: 1 problem
          D.parent: parent='X': expected a code of the register
    """

    __slots__ = (
        "_by_code",
        "_by_former",
        "_by_loose",
        "_by_name",
        "_by_official",
        "_children",
        "_former",
        "_places",
        "_predecessors",
        "_since",
    )

    def __init__(self, places: Iterable[Place], former_names: Iterable[FormerName] = ()) -> None:
        items = tuple(places)
        formers = tuple(former_names)
        problems = _register_problems(items, [p.code for p in items])
        if not problems:
            by_code = {p.code: p for p in items}
            where = [f"former_names.{i}" for i in range(len(formers))]
            problems = _former_problems(formers, by_code, where)
        if problems:
            raise RecordError("Registry", problems)
        self._index(items, formers)

    @classmethod
    def _checked(
        cls, places: tuple[Place, ...], former_names: tuple[FormerName, ...] = ()
    ) -> Registry:
        new = cls.__new__(cls)
        new._index(places, former_names)
        return new

    def _index(self, places: tuple[Place, ...], former_names: tuple[FormerName, ...]) -> None:
        # ``_places`` is set last: once it exists the instance is frozen.
        self._by_code = {p.code: p for p in places}
        children: dict[str, list[Place]] = {}
        predecessors: dict[str, list[Place]] = {}
        by_official: dict[str, list[Place]] = {}
        for p in places:
            if p.parent is not None:
                children.setdefault(p.parent, []).append(p)
            for s in p.successors:
                predecessors.setdefault(s, []).append(p)
            by_official.setdefault(p.official_code, []).append(p)
        self._children = {k: tuple(v) for k, v in children.items()}
        self._predecessors = {k: tuple(v) for k, v in predecessors.items()}
        self._by_official = {k: tuple(v) for k, v in by_official.items()}
        # the name indexes are built on the first lookup by name (`_names`): a register read
        # to roll figures up by code never needs them
        self._by_name: dict[str, tuple[Place, ...]] | None = None
        self._by_loose: dict[str, tuple[Place, ...]] | None = None
        self._former = former_names
        self._by_former: tuple[_FormerIndex, _FormerIndex] | None = None
        # the first day a renamed unit bore the name the register writes: the day after its
        # last former name
        since: dict[str, date] = {}
        for former in former_names:
            first = former.until + timedelta(days=1)
            since[former.code] = max(first, since.get(former.code, first))
        self._since = since
        self._places = places

    def _names(self) -> tuple[dict[str, tuple[Place, ...]], dict[str, tuple[Place, ...]]]:
        """The places by name key and by name key without diacritics (built once)."""
        if self._by_name is not None and self._by_loose is not None:
            return self._by_name, self._by_loose
        by_name: dict[str, list[Place]] = {}
        by_loose: dict[str, list[Place]] = {}
        for p in self._places:
            for key in {_name_key(p.name), _name_key(p.short_name)}:
                by_name.setdefault(key, []).append(p)
                by_loose.setdefault(_loose_key(key), []).append(p)
        for other, code, _source in _OTHER_NAMES:
            for p in self._by_official.get(code, ()):
                if p.kind.level is PlaceLevel.PROVINCE:
                    by_name.setdefault(other, []).append(p)
        names = {k: tuple(v) for k, v in by_name.items()}
        loose = {k: tuple(v) for k, v in by_loose.items()}
        # a cache filled once: the register's places (and so its answers) never change
        object.__setattr__(self, "_by_name", names)
        object.__setattr__(self, "_by_loose", loose)
        return names, loose

    def _formers(self) -> tuple[_FormerIndex, _FormerIndex]:
        """The former names by name key (with and without the kind word), and without diacritics."""
        if self._by_former is not None:
            return self._by_former
        exact: dict[str, list[FormerName]] = {}
        loose: dict[str, list[FormerName]] = {}
        for former in self._former:
            for key in {_name_key(former.name), _name_key(former.short_name)}:
                exact.setdefault(key, []).append(former)
                loose.setdefault(_loose_key(key), []).append(former)
        both = (
            {k: tuple(v) for k, v in exact.items()},
            {k: tuple(v) for k, v in loose.items()},
        )
        # a cache filled once, like the name indexes
        object.__setattr__(self, "_by_former", both)
        return both

    def _by_former_name(
        self, keys: list[str], as_of: date | None, during: Period | None
    ) -> tuple[Place, ...]:
        """The units a former name names, used on ``as_of`` / on some day of ``during``."""
        exact, loose = self._formers()

        def used(former: FormerName) -> bool:
            place = self._by_code[former.code]
            on_day = as_of is None or (as_of <= former.until and place.alive_on(as_of))
            in_period = during is None or (
                during.start <= former.until and _overlaps(place, during)
            )
            return on_day and in_period

        for key in keys:
            plain = _loose_key(key) == key  # typed without diacritics
            named = exact.get(key, ()) or (loose.get(key, ()) if plain else ())
            found = tuple(dict.fromkeys(self._by_code[f.code] for f in named if used(f)))
            if found:
                return found
        return ()

    @property
    def former_names(self) -> tuple[FormerName, ...]:
        """The register's former names ([`FormerName`][antq_domain.records.places.FormerName]).

        Example:
            >>> from antq_domain.records.places import registry
            >>> [(f.code, f.name) for f in registry().former_names][:2]
            [('206', 'Huyện Yên Hưng'), ('754', 'Huyện Tân Thành')]
        """
        return self._former

    # -- container protocol

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Registry):
            return NotImplemented
        return self._places == other._places and self._former == other._former

    def __hash__(self) -> int:
        return hash((self._places, self._former))

    def __repr__(self) -> str:
        return f"<Registry of {len(self._places)} places>"

    def __setattr__(self, name: str, value: Any) -> None:
        if hasattr(self, "_places"):
            raise AttributeError(f"Registry is immutable; cannot set {name!r}")
        object.__setattr__(self, name, value)

    # -- lookups

    def get(self, code: str) -> Place:
        """The place with this register code.

        Raises:
            UnknownCodeError: the code is not in the register.

        Example:
            >>> from antq_domain.records.places import registry
            >>> registry().get("62").name
            'Tỉnh Kon Tum'
            >>> registry().get("99")
            Traceback (most recent call last):
            ...
            antq_domain.errors.UnknownCodeError: place='99': expected a code of the register ...
        """
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownCodeError(
                "place",
                code,
                "a code of the register (e.g. '62', '51@2025-06-30')",
                expected_vi="một mã trong danh mục địa bàn (ví dụ '62', '51@2025-06-30')",
            ) from None

    def name_of(self, code: str) -> str:
        """The name of the place with this register code (``'Tỉnh Kon Tum'``).

        Raises:
            UnknownCodeError: the code is not in the register.

        Example:
            >>> from antq_domain.records.places import registry
            >>> registry().name_of("62")
            'Tỉnh Kon Tum'
        """
        return self.get(code).name

    def resolve(self, official_code: str, as_of: date) -> Place:
        """The place that held an official code on ``as_of``.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import registry
            >>> registry().resolve("51", date(2024, 1, 1)).code
            '51@2025-06-30'
            >>> registry().resolve("51", date(2026, 1, 1)).code
            '51'
        """
        for place in self._by_official.get(official_code.split("@", 1)[0], ()):
            if place.alive_on(as_of):
                return place
        raise UnknownCodeError(
            "place",
            official_code,
            f"an official code held by a unit on {as_of.isoformat()}",
            expected_vi=f"mã chính thức của một đơn vị còn tồn tại ngày {as_of.isoformat()}",
        )

    def _alive_place(self, code: str, as_of: date | None) -> Place:
        place = self.get(code)
        if as_of is not None and not place.alive_on(as_of):
            raise InvariantError(
                "as_of",
                as_of,
                f"a day on which {code!r} ({place.name}) exists:"
                f" {_interval(place.valid_from, place.valid_to)}",
                expected_vi=f"một ngày mà {code!r} ({place.name}) tồn tại:"
                f" {_interval(place.valid_from, place.valid_to)}",
            )
        return place

    def alive(self, code: str, as_of: date) -> bool:
        """Whether the place exists on ``as_of``.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import registry
            >>> reg = registry()
            >>> reg.alive("616", date(2024, 12, 31)), reg.alive("616", date(2025, 7, 1))
            (True, False)
        """
        return self.get(code).alive_on(as_of)

    def parent(self, code: str, as_of: date | None = None) -> Place | None:
        """The unit the place belonged to (None for a root).

        Raises:
            InvariantError: the place does not exist on ``as_of`` (field ``as_of``).

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import registry
            >>> registry().parent("616", date(2024, 12, 31)).code
            '62'
        """
        place = self._alive_place(code, as_of)
        return None if place.parent is None else self._by_code[place.parent]

    def ancestors(self, code: str, as_of: date | None = None) -> tuple[Place, ...]:
        """The chain of parents, nearest first, up to the root.

        Raises:
            InvariantError: the place does not exist on ``as_of``.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import registry
            >>> [p.code for p in registry().ancestors("23527@2025-06-30", date(2024, 1, 1))]
            ['616', '62', 'VN']
        """
        place = self._alive_place(code, as_of)
        chain: list[Place] = []
        while place.parent is not None:
            place = self._by_code[place.parent]
            chain.append(place)
        return tuple(chain)

    def children(self, code: str, as_of: date | None = None) -> tuple[Place, ...]:
        """The places directly under ``code`` (alive on ``as_of`` if given).

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import registry
            >>> len(registry().children("62", date(2024, 1, 1)))
            10
            >>> len(registry().children("51", date(2025, 7, 1)))
            96
        """
        self.get(code)
        kids = self._children.get(code, ())
        if as_of is None:
            return kids
        return tuple(p for p in kids if p.alive_on(as_of))

    def descendants(
        self,
        code: str,
        as_of: date | None = None,
        level: PlaceLevel | str | None = None,
    ) -> tuple[Place, ...]:
        """Every place below ``code`` (depth first), optionally only on one level.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import registry
            >>> len(registry().descendants("62", date(2024, 1, 1), level="commune"))
            102
        """
        wanted = None if level is None else PlaceLevel.parse(str(level))
        out: list[Place] = []
        stack = list(reversed(self.children(code, as_of)))
        while stack:
            place = stack.pop()
            if wanted is None or place.level is wanted:
                out.append(place)
            stack.extend(reversed(self.children(place.code, as_of)))
        return tuple(out)

    def successors(self, code: str) -> tuple[Place, ...]:
        """The units the place became part of when it ended (principal first).

        Example:
            >>> from antq_domain.records.places import registry
            >>> [p.name for p in registry().successors("62")]
            ['Tỉnh Quảng Ngãi']
            >>> registry().successors("616")
            ()
        """
        return tuple(self._by_code[s] for s in self.get(code).successors)

    def predecessors(self, code: str) -> tuple[Place, ...]:
        """The units that became (part of) the place.

        Example:
            >>> from antq_domain.records.places import registry
            >>> sorted(p.code for p in registry().predecessors("51"))
            ['51@2025-06-30', '62']
        """
        self.get(code)
        return self._predecessors.get(code, ())

    def current(self, code: str, as_of: date) -> tuple[Place, ...]:
        """The units alive on ``as_of`` that the place is, or became part of.

        The place itself if it is alive; otherwise its successors, followed
        until units alive on ``as_of`` are reached. A split gives several;
        an abolished unit without successors (a district) gives none.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import registry
            >>> [p.name for p in registry().current("23281", date(2025, 7, 1))]
            ['Phường Kon Tum']
            >>> registry().current("616", date(2025, 7, 1))
            ()
        """
        out: list[Place] = []
        seen: set[str] = set()
        queue = [self.get(code)]
        while queue:
            place = queue.pop(0)
            if place.code in seen:
                continue
            seen.add(place.code)
            if place.alive_on(as_of):
                out.append(place)
            elif place.valid_to is not None and place.valid_to < as_of:
                queue.extend(self._by_code[s] for s in place.successors)
        return tuple(out)

    def is_split(self, code: str) -> bool:
        """Whether the place was split between several successors (needs shares).

        Example:
            >>> from antq_domain.records.places import registry
            >>> registry().is_split("62")
            False
        """
        return self.get(code).is_split

    def level_of(self, place: Place | str) -> PlaceLevel:
        """The level of a place given as a [`Place`][antq_domain.Place] or a code.

        Example:
            >>> from antq_domain.records.places import registry
            >>> registry().level_of("616")
            <PlaceLevel.DISTRICT: 'district'>
        """
        return (self.get(place) if isinstance(place, str) else place).level

    def places(
        self, as_of: date | None = None, kind: PlaceKind | str | None = None
    ) -> tuple[Place, ...]:
        """All places, optionally only those alive on ``as_of`` and of one kind.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import registry
            >>> len(registry().places(date(2025, 7, 1), kind="special_zone"))
            13
        """
        wanted = None if kind is None else PlaceKind.parse(str(kind))
        return tuple(
            p
            for p in self._places
            if (as_of is None or p.alive_on(as_of)) and (wanted is None or p.kind is wanted)
        )

    def find(self, name: str, as_of: date | None = None) -> tuple[Place, ...]:
        """Places by Vietnamese name, with or without the kind word.

        Matching ignores case, Unicode normal form, extra spaces, hyphens and
        old/new tone placement ("Hoà"/"Hòa"), and reads the spellings the
        register itself writes two ways ("Đăk"/"Đắk", "Kôn"/"Kon"), the
        abbreviated kinds "TP.", "Tp", "TX", "TT.", "Q." and a few other
        names ("TP.HCM", "Thừa Thiên Huế"). A name written without any
        diacritics ("Dak To") finds the places whose names have the same
        letters, when no name matches as written. A unit keeps its code when it
        changes kind within its level (Decision 124/2004/QĐ-TTg), so when nothing
        matches as written the kind word is read as a level: "huyện Trảng Bàng"
        finds what the register writes "Thị xã Trảng Bàng". Last, when nothing
        else is found (alive on ``as_of``), a former name
        ([`former_names`][antq_domain.records.places.Registry.former_names])
        finds the unit that went on under the same code with a new name, on any
        day up to the name's last day: "huyện Tĩnh Gia" (until 31 May 2020) finds
        "Thị xã Nghi Sơn". Each reading counts only if it finds a place alive on
        ``as_of`` that bore then the name the register writes (a renamed unit bears
        it from the day after its last former name), and the first that does wins.
        Several places may share a name.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records.places import registry
            >>> [p.code for p in registry().find("huyện Sa Thầy")]
            ['616']
            >>> [p.kind.value for p in registry().find("sa thầy", date(2024, 1, 1))]
            ['district', 'township']
            >>> [p.code for p in registry().find("huyện Đăk Tô")], [
            ...     p.code for p in registry().find("Dak To", date(2024, 1, 1))]
            (['612'], ['612', '23401@2025-06-30'])
            >>> [p.code for p in registry().find("TP. Đồng Hới")]
            ['450']
            >>> [p.code for p in registry().find("TP.HCM", date(2024, 1, 1))]
            ['79@2025-06-30']
            >>> [p.name for p in registry().find("huyện Trảng Bàng")]
            ['Thị xã Trảng Bàng']
            >>> [p.name for p in registry().find("huyện Tĩnh Gia", date(2019, 6, 30))]
            ['Thị xã Nghi Sơn']
            >>> registry().find("huyện Tĩnh Gia", date(2020, 6, 1))
            ()
            >>> [p.code for p in registry().find("huyện Đạ Huoai", date(2020, 1, 1))]
            ['681']
        """
        return self._find(name, as_of)

    def _find(
        self, name: str, as_of: date | None, during: Period | None = None
    ) -> tuple[Place, ...]:
        """`find`, and with ``during`` only places (and former names) of some day of it."""
        keys = _query_keys(name)
        by_name, by_loose = self._names()

        def then(places: tuple[Place, ...]) -> tuple[Place, ...]:
            """The places alive then, and bearing then the name the register writes."""
            return tuple(
                p
                for p in places
                if (as_of is None or p.alive_on(as_of))
                and (during is None or _overlaps(p, during))
                and self._named_then(p, as_of, during)
            )

        # each reading in turn, the first that finds a place of that time wins: as written,
        # without diacritics, the kind word read as a level, a former name
        found: tuple[Place, ...] = ()
        for key in keys:
            found = by_name.get(key, ())
            if found:
                break
        else:
            for key in keys:
                if _typed_plain(key):  # the name typed without diacritics
                    found = by_loose.get(_loose_key(key), ())
                    if found:
                        break
        found = then(found)
        if not found:
            found = then(self._by_other_kind(keys, by_name, by_loose))
        if not found and self._former:
            found = self._by_former_name(keys, as_of, during)
        return found

    def _named_then(self, place: Place, as_of: date | None, during: Period | None) -> bool:
        """Whether ``place`` bore the name the register writes on ``as_of`` / during ``during``.

        A unit renamed under its code (see
        [`former_names`][antq_domain.records.places.Registry.former_names]) bears the
        register's name only from the day after its last former name.
        """
        since = self._since.get(place.code)
        if since is None:
            return True
        return (as_of is None or as_of >= since) and (during is None or during.end >= since)

    @staticmethod
    def _by_other_kind(
        keys: list[str],
        by_name: Mapping[str, tuple[Place, ...]],
        by_loose: Mapping[str, tuple[Place, ...]],
    ) -> tuple[Place, ...]:
        """Places of the written kind word's level whose name is written with another kind.

        Decision 124/2004/QĐ-TTg: a unit's code "does not change while the unit exists", and a
        unit that changes kind within its level (huyện made thị xã, xã made phường) goes on
        existing. The register writes each unit with the kind it had last, so a report that
        names it with the kind it had then ("huyện Trảng Bàng" for what is now "Thị xã Trảng
        Bàng") finds it by its name and level. At province level the one change of kind is a
        province made a centrally governed city (Thừa Thiên Huế, 2025): "tỉnh X" may be a city
        now, but "thành phố X" was never a province that is one now.
        """
        for key in keys:
            for word, levels in _KIND_WORD_LEVELS:
                written = next((w for w in (word, _loose_key(word)) if key.startswith(w + " ")), "")
                if not written:
                    continue
                # the name read as the main lookup reads it: as written, else without
                # diacritics when it is typed without them ("huyện trang bang")
                bare = key[len(written) + 1 :]
                named = by_name.get(bare, ()) or (
                    by_loose.get(bare, ()) if _loose_key(bare) == bare else ()
                )
                found = tuple(
                    p
                    for p in named
                    if p.kind.level in levels
                    and (p.kind is not PlaceKind.PROVINCE or word == "tỉnh")
                )
                if found:
                    return found
        return ()

    def check(self, code: str, *, during: Period | None = None, field: str = "place") -> Place:
        """The place with this register code, checked to exist during ``during``.

        Where a report, a tidy row or a file gives a place, it gives a register code; this is the
        check they all use. A place counts as existing during a period when its life overlaps the
        period, so a district code is valid in a 2023 report although districts ended on
        30 June 2025, and a commune of the new tree is not.

        Args:
            code: the register code (``"62"``, ``"51@2025-06-30"``).
            during: the period the place is given for; ``None`` checks the code only.
            field: the field named in the error (``"observations.3.place"``).

        Raises:
            UnknownCodeError: the code is not in the register; when it is a place's name
                (``"Kon Tum"``) or an official code with another suffix, the error says which
                codes were meant ("did you mean '62' (Tỉnh Kon Tum)?").
            InvariantError: the place did not exist during the period; the error gives its
                life and the code that stood for the place then, if any.

        Example:
            >>> from antq_domain.records.places import registry
            >>> from antq_domain.values import Period
            >>> registry().check("616", during=Period.parse("2023")).name
            'Huyện Sa Thầy'
            >>> registry().check("Kon Tum", during=Period.parse("2023"))
            Traceback (most recent call last):
            ...
            antq_domain.errors.UnknownCodeError: place='Kon Tum': expected a code of the ... \
(did you mean '62' (Tỉnh Kon Tum, …/2025-06-30), '608' (Thành phố Kon Tum, …/2025-06-30)?)
            >>> registry().check("51", during=Period.parse("2023"))
            Traceback (most recent call last):
            ...
            antq_domain.errors.InvariantError: place='51': expected a place that exists during \
2023; Tỉnh Quảng Ngãi ('51') exists 2025-07-01/… (during 2023 the official code 51 was \
'51@2025-06-30' (Tỉnh Quảng Ngãi, …/2025-06-30))
        """
        place = self._by_code.get(code)
        if place is None:
            raise UnknownCodeError(
                field,
                code,
                "a code of the register" + self._meant(code, during),
                expected_vi="một mã trong danh mục địa bàn" + self._meant(code, during, lang="vi"),
            )
        if during is not None and not _overlaps(place, during):
            life = _interval(place.valid_from, place.valid_to)
            raise InvariantError(
                field,
                code,
                f"a place that exists during {during}; {place.name} ({code!r}) exists {life}"
                + self._meant(code, during, instead_of=place),
                expected_vi=f"một địa bàn tồn tại trong kỳ {during}; {place.name} ({code!r}) "
                f"tồn tại {life}" + self._meant(code, during, instead_of=place, lang="vi"),
            )
        return place

    def place(self, text: str, *, during: Period | None = None, field: str = "place") -> Place:
        """A place given by its register code or by its Vietnamese name.

        A code is checked as by [`check`][antq_domain.records.places.Registry.check], except that an
        official code names the unit that held it during ``during`` (``"51"`` in 2023 is the old
        province, ``"51@2025-06-30"``), as [`resolve`][antq_domain.records.places.Registry.resolve]
        does for a day. Otherwise
        the name is looked up with [`find`][antq_domain.records.places.Registry.find] (case,
        tone placement, kind words and their abbreviations, "TP.HCM" ...) among the places that
        existed during ``during``. A name written without a kind word names the unit of the
        highest level that bears it, as it does in Vietnamese usage ("Kon Tum" is the province,
        "thành phố Kon Tum" its capital); if several units of that level bear it, the name is
        ambiguous and the error lists them.

        Args:
            text: a register code (``"62"``) or a name (``"Kon Tum"``, ``"tỉnh Kon Tum"``).
            during: the period the place is given for (``None``: any time).
            field: the field named in errors.

        Raises:
            UnknownCodeError: neither a code nor the name of a place of the period.
            InvariantError: the name is shared by several places of the period, or the code's
                place did not exist during it.

        Example:
            >>> from antq_domain.records.places import registry
            >>> from antq_domain.values import Period
            >>> y2023 = Period.parse("2023")
            >>> [registry().place(t, during=y2023).code for t in ("Kon Tum", "tỉnh Kon Tum",
            ...                                                     "TP.HCM", "62")]
            ['62', '62', '79@2025-06-30', '62']
            >>> registry().place("Kon Tum", during=Period.parse("2026")).name
            'Phường Kon Tum'
            >>> registry().place("51", during=y2023).code
            '51@2025-06-30'
        """
        if text in self._by_code:
            place = self._by_code[text]
            if during is not None and not _overlaps(place, during):
                holders = [
                    p
                    for p in self._by_official.get(place.official_code, ())
                    if _overlaps(p, during)
                ]
                if len(holders) == 1:
                    return holders[0]
            return self.check(text, during=during, field=field)
        found = list(self._find(text, None, during))
        if not found:
            raise UnknownCodeError(
                field,
                text,
                "a code of the register or the name of a place"
                + (f" that exists during {during}" if during is not None else "")
                + self._meant(text, during),
                expected_vi="một mã trong danh mục địa bàn hoặc tên một địa bàn"
                + (f" tồn tại trong kỳ {during}" if during is not None else "")
                + self._meant(text, during, lang="vi"),
            )
        top = min(p.kind.level.rank for p in found)
        highest = [p for p in found if p.kind.level.rank == top]
        if len(highest) > 1:
            named = ", ".join(
                f"{p.code!r} ({p.name}, {_interval(p.valid_from, p.valid_to)})" for p in highest
            )
            raise InvariantError(
                field,
                text,
                f"the name of one place; it names {named}: give the code",
                expected_vi=f"tên của một địa bàn; tên này chỉ {named}: hãy ghi mã",
            )
        return highest[0]

    def _meant(
        self,
        text: str,
        during: Period | None,
        instead_of: Place | None = None,
        lang: Lang = "en",
    ) -> str:
        """What ``text`` may have meant: places by that name, holders of that official code."""
        hints = []
        named = [p for p in self.find(text) if p is not instead_of]
        if during is not None:
            named = [p for p in named if _overlaps(p, during)] or named
        if named:
            shown = ", ".join(f"{p.code!r} ({p.name}{_life(p)})" for p in named[:4])
            hints.append(f"có phải là {shown}?" if lang == "vi" else f"did you mean {shown}?")
        official = text.split("@", 1)[0]
        holders = [
            p
            for p in self._by_official.get(official, ())
            if p is not instead_of and p not in named and p.code != text
        ]
        if during is not None:
            holders = [p for p in holders if _overlaps(p, during)]
            when = f"trong kỳ {during}" if lang == "vi" else f"during {during}"
        else:
            when = "vào thời điểm khác" if lang == "vi" else "at other times"
        if holders:
            shown = ", ".join(f"{p.code!r} ({p.name}{_life(p)})" for p in holders[:4])
            hints.append(
                f"{when}, mã chính thức {official} là {shown}"
                if lang == "vi"
                else f"{when} the official code {official} was {shown}"
            )
        return f" ({'; '.join(hints)})" if hints else ""

    # -- rows

    def to_rows(self) -> list[dict[str, str]]:
        """The register as CSV rows (the [`COLUMNS`][antq_domain.records.places.COLUMNS], all text).

        Example:
            >>> from antq_domain.records.places import Place, Registry
            >>> Registry([Place(code="P", name="Tỉnh A", kind="province")]).to_rows()
            [{'code': 'P', 'name': 'Tỉnh A', 'kind': 'province', 'parent': '', 'valid_from': '', 'valid_to': '', 'successors': ''}]
        """  # noqa: E501
        return [
            {
                "code": p.code,
                "name": p.name,
                "kind": p.kind.value,
                "parent": p.parent or "",
                "valid_from": p.valid_from.isoformat() if p.valid_from else "",
                "valid_to": p.valid_to.isoformat() if p.valid_to else "",
                "successors": ";".join(p.successors),
            }
            for p in self._places
        ]

    @classmethod
    @gc_paused()  # tens of thousands of places and their indexes, none in a cycle
    def from_rows(
        cls, rows: Iterable[Mapping[str, str | None]], *, source: str = "Registry"
    ) -> Registry:
        """Build a register from CSV-like rows, checking everything.

        Rows are numbered as lines of a CSV file: the header is row 1, the
        first place row 2. Problems are located as ``row <n>.<column>``.

        Raises:
            RecordError: named ``source``, listing every problem.

        Example:
            >>> from antq_domain.records.places import Registry
            >>> row = {"code": "P", "name": "Tỉnh A", "kind": "tinh", "parent": "",
            ...        "valid_from": "", "valid_to": "", "successors": ""}
            >>> Registry.from_rows([row])
            Traceback (most recent call last):
            ...
            antq_domain.errors.RecordError: Registry: 1 problem
              row 2.kind: kind='tinh': expected one of nation, province, ...
        """
        problems: list[Problem] = []
        places: list[Place] = []
        where: list[str] = []
        for number, row in enumerate(rows, start=2):
            place = _place_from_row(row, f"row {number}", problems)
            if place is not None:
                places.append(place)
                where.append(f"row {number}")
        if not problems:
            problems = _register_problems(places, where)
        if problems:
            raise RecordError(source, problems)
        return cls._checked(tuple(places))


def _parse_date(column: str, text: str) -> date | None:
    if not text:
        return None
    if not _ISO_DATE.fullmatch(text):
        raise ParseError(
            column,
            text,
            "an ISO date YYYY-MM-DD, or empty for open-ended",
            expected_vi="một ngày dạng NNNN-TT-NN, hoặc để trống nếu không có thời hạn",
        )
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ParseError(
            column, text, "an existing calendar day", expected_vi="một ngày có thật trong lịch"
        ) from None


def _row_cells(
    row: Mapping[str, str | None], columns: Sequence[str], loc: str, problems: list[Problem]
) -> dict[str, str]:
    """A CSV row's cells of ``columns``, stripped; unknown and missing ones added to problems.

    A missing cell is read as empty after its problem is added, so that the row's other
    cells are still checked and all its problems reported at once.
    """
    problems.extend(
        (f"{loc}.{key}", f"{key}: unknown column (expected only {', '.join(columns)})")
        for key in sorted(str(k) for k in row if k not in columns)
    )
    cells: dict[str, str] = {}
    for column in columns:
        value = row.get(column)
        if value is None:
            problems.append(
                (f"{loc}.{column}", Message(f"{column}: missing cell", f"thiếu ô {column!r}"))
            )
            value = ""
        cells[column] = value.strip()
    return cells


def _place_from_row(
    row: Mapping[str, str | None], loc: str, problems: list[Problem]
) -> Place | None:
    """One place from a CSV row, or None after adding its problems to ``problems``."""
    before = len(problems)
    cells = _row_cells(row, COLUMNS, loc, problems)

    def attempt(column: str, parse: Any) -> Any:
        try:
            return parse(cells[column])
        except (AntqValueError, UnknownCodeError) as exc:
            problems.append((f"{loc}.{column}", exc))
            return None

    code = attempt("code", lambda v: _check_code("code", v))
    kind = attempt("kind", PlaceKind.parse)
    parent = attempt("parent", lambda v: _check_code("parent", v) if v else None)
    valid_from = attempt("valid_from", lambda v: _parse_date("valid_from", v))
    valid_to = attempt("valid_to", lambda v: _parse_date("valid_to", v))
    successors = attempt(
        "successors",
        lambda v: tuple(_check_code("successors", s.strip()) for s in v.split(";")) if v else (),
    )
    if not cells["name"]:
        no_name = ParseError("name", cells["name"], "a name", expected_vi="một tên")
        problems.append((f"{loc}.name", no_name))
    if len(problems) > before:
        return None
    errors = _rule_errors(
        code,
        kind,
        parent=parent,
        valid_from=valid_from,
        valid_to=valid_to,
        successors=successors,
    )
    problems.extend((f"{loc}.{err.field}", str(err)) for err in errors)
    if errors:
        return None
    return Place(
        code=code,
        name=cells["name"],
        kind=kind,
        parent=parent,
        valid_from=valid_from,
        valid_to=valid_to,
        successors=successors,
    )


def _read_csv(text: str, source: str, *, spreadsheet_safe: bool = False) -> Registry:
    reader = csv.DictReader(io.StringIO(text, newline=""), restkey="(extra cells)", strict=True)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        malformed = Message(f"malformed CSV: {exc}", f"CSV sai cấu trúc: {exc}")
        raise RecordError(source, [("row 1", malformed)]) from None
    unknown = [h for h in header if h not in COLUMNS]
    missing = [c for c in COLUMNS if c not in header]
    repeated = sorted(h for h, n in Counter(header).items() if n > 1)
    if unknown or missing or repeated:
        columns = ", ".join(COLUMNS)
        quoted = ", ".join(repr(c) for c in COLUMNS)
        problems: list[Problem] = [
            (
                f"row 1.{h}",
                Message(
                    f"{h}: unknown column (expected {columns})",
                    f"cột {h!r} không có trong mẫu (cần các cột {quoted})",
                ),
            )
            for h in unknown
        ]
        problems += [
            (f"row 1.{c}", Message(f"{c}: missing column", f"thiếu cột {c!r}")) for c in missing
        ]
        problems += [
            (
                f"row 1.{h}",
                Message(
                    f"{h}: column repeated (expected once)",
                    f"cột {h!r} lặp lại (mỗi cột chỉ được một lần)",
                ),
            )
            for h in repeated
        ]
        raise RecordError(source, problems)
    rows: Iterable[dict[str, Any]] = reader
    if spreadsheet_safe and "'" in text:  # without a quote no cell starts with one
        rows = (
            {k: unescape_cell(v) if isinstance(v, str) else v for k, v in row.items()}
            for row in reader
        )
    try:
        return Registry.from_rows(rows, source=source)
    except csv.Error as exc:
        where = f"row {reader.line_num}"
        raise RecordError(
            source, [(where, f"malformed CSV: {exc} (an unterminated quote?)")]
        ) from None


def _former_from_row(
    row: Mapping[str, str | None], loc: str, problems: list[Problem]
) -> FormerName | None:
    """One former name from a CSV row, or None after adding its problems to ``problems``."""
    before = len(problems)
    cells = _row_cells(row, FORMER_NAME_COLUMNS, loc, problems)
    until: date | None = None
    try:
        until = _parse_date("until", cells["until"])
    except AntqValueError as exc:
        problems.append((f"{loc}.until", exc))
    if until is None and len(problems) == before:
        no_day = ParseError("until", cells["until"], "a day", expected_vi="một ngày")
        problems.append((f"{loc}.until", no_day))
    if until is None or len(problems) > before:
        return None
    try:
        return FormerName(
            code=cells["code"], name=cells["name"], until=until, source=cells["source"]
        )
    except RecordError as exc:
        problems.extend((f"{loc}.{where}", message) for where, message in exc.parts)
        return None


def _commented_csv(
    text: str, source: str, columns: Sequence[str]
) -> tuple[csv.DictReader[str], int]:
    """A reader of CSV text whose leading ``#`` lines are comments, and how many there are.

    Raises:
        RecordError: a malformed header, or one without exactly ``columns`` (any order),
            located as ``line <n>`` counting every line of the file.
    """
    lines = text.splitlines(keepends=True)
    skipped = 0
    while skipped < len(lines) and lines[skipped].startswith("#"):
        skipped += 1
    body = "".join(lines[skipped:])
    reader = csv.DictReader(io.StringIO(body, newline=""), restkey="(extra cells)", strict=True)
    header_line = f"line {skipped + 1}"
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        malformed = Message(f"malformed CSV: {exc}", f"CSV sai cấu trúc: {exc}")
        raise RecordError(source, [(header_line, malformed)]) from None
    if sorted(header) != sorted(columns):
        wanted = ", ".join(columns)
        message = Message(
            f"header {', '.join(header)!r}: expected the columns {wanted}",
            f"dòng tiêu đề {', '.join(header)!r}: cần các cột {wanted}",
        )
        raise RecordError(source, [(header_line, message)])
    return reader, skipped


def _read_former_csv(
    text: str, source: str, by_code: Mapping[str, Place], *, spreadsheet_safe: bool = False
) -> tuple[FormerName, ...]:
    """Former names from CSV text; lines starting with ``#`` before the header are comments.

    Problems are located as ``line <n>.<column>``, ``n`` counting every line of the file.
    """
    reader, skipped = _commented_csv(text, source, FORMER_NAME_COLUMNS)
    problems: list[Problem] = []
    formers: list[FormerName] = []
    where: list[str] = []
    try:
        for row in reader:
            cells = (
                {k: unescape_cell(v) if isinstance(v, str) else v for k, v in row.items()}
                if spreadsheet_safe
                else row
            )
            loc = f"line {skipped + reader.line_num}"
            former = _former_from_row(cells, loc, problems)
            if former is not None:
                formers.append(former)
                where.append(loc)
    except csv.Error as exc:
        where_now = f"line {skipped + reader.line_num}"
        raise RecordError(
            source, [(where_now, f"malformed CSV: {exc} (an unterminated quote?)")]
        ) from None
    if not problems:
        problems = _former_problems(formers, by_code, where)
    if problems:
        raise RecordError(source, problems)
    return tuple(formers)


CLOSED_UNIT_COLUMNS = (*COLUMNS, "source")


def _read_closed_csv(text: str, source: str) -> tuple[list[Place], list[str]]:
    """Closed units from CSV text (the register's columns and ``source``), and where each is.

    Lines starting with ``#`` before the header are comments; problems are located as
    ``line <n>.<column>``, ``n`` counting every line of the file.
    """
    reader, skipped = _commented_csv(text, source, CLOSED_UNIT_COLUMNS)
    problems: list[Problem] = []
    places: list[Place] = []
    where: list[str] = []
    for row in reader:
        loc = f"line {skipped + reader.line_num}"
        if not (row.get("source") or "").strip():
            no_source = ParseError(
                "source", "", "a resolution and a page", expected_vi="một nghị quyết và một trang"
            )
            problems.append((f"{loc}.source", no_source))
        cells = {k: v for k, v in row.items() if k != "source"}
        place = _place_from_row(cells, loc, problems)
        if place is not None:
            places.append(place)
            where.append(loc)
    if problems:
        raise RecordError(source, problems)
    return places, where


def load_registry(
    path: str | Path,
    *,
    spreadsheet_safe: bool = True,
    former_names: str | Path | None = None,
) -> Registry:
    r"""Read a register from a CSV file with the `COLUMNS` (UTF-8, header first).

    ``successors`` is a ``;``-separated list of codes; empty dates mean
    open-ended. Problems are reported all at once, located as
    ``row <line>.<column>`` (the header is row 1). With ``spreadsheet_safe``
    (the default) one leading ``'`` is removed from each cell, undoing the
    formula escape of [`dump_registry`][antq_domain.records.places.dump_registry].

    ``former_names`` is an optional second CSV file with the
    [`FORMER_NAME_COLUMNS`][antq_domain.records.places.FORMER_NAME_COLUMNS]
    ``code, name, until, source``: names the register's units bore before, each
    up to its last day ([`FormerName`][antq_domain.records.places.FormerName]),
    which [`Registry.find`][antq_domain.records.places.Registry.find] reads last.
    Lines starting with ``#`` before its header are comments; its problems are
    located as ``line <n>.<column>``.

    Raises:
        RecordError: listing every problem (bad kinds, bad dates, unknown
            columns or codes, cycles, kinds outside their legal life; in the
            former names: unknown codes, a name without a kind word of the
            unit's level, a last day outside the unit's life).

    Example:
        >>> import tempfile, pathlib
        >>> from antq_domain.records.places import load_registry
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "mine.csv").write_text(
        ...     "code,name,kind,parent,valid_from,valid_to,successors\n"
        ...     "P,Tỉnh A,province,,,,\n"
        ...     "C,Xã B,commune,P,2020-02-30,,\n", encoding="utf-8")
        >>> load_registry(folder / "mine.csv")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: mine.csv: 1 problem
          row 3.valid_from: valid_from='2020-02-30': expected an existing calendar day
    """
    path = Path(path)
    text = read_text(path, record=path.name).removeprefix("\ufeff")
    reg = _read_csv(text, path.name, spreadsheet_safe=spreadsheet_safe)
    if former_names is None:
        return reg
    other = Path(former_names)
    names_text = read_text(other, record=other.name).removeprefix("\ufeff")
    formers = _read_former_csv(
        names_text, other.name, reg._by_code, spreadsheet_safe=spreadsheet_safe
    )
    return Registry._checked(reg._places, formers)


def dump_registry(reg: Registry, path: str | Path, *, spreadsheet_safe: bool = True) -> None:
    """Write a register as CSV (UTF-8, the `COLUMNS`) atomically, readable by `load_registry`.

    Spreadsheet-safe by default: a cell starting with ``=``, ``+``, ``-``,
    ``@``, a tab, a carriage return or ``'`` gets one ``'`` in front (OWASP's
    CSV injection guidance); `load_registry` removes it again. The file is
    replaced in one rename, never left half-written. Only the places are written: a register's
    former names ([`Registry.former_names`][antq_domain.records.places.Registry.former_names])
    stay in their own file, read back with ``load_registry(path, former_names=...)``.

    Example:
        >>> import tempfile, pathlib
        >>> from antq_domain.records.places import Place, Registry, dump_registry, load_registry
        >>> reg = Registry([Place(code="P", name="Tỉnh A", kind="province")])
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.csv"
        >>> dump_registry(reg, target)
        >>> load_registry(target) == reg
        True
    """
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in reg.to_rows():
        writer.writerow({k: escape_cell(v) if spreadsheet_safe else v for k, v in row.items()})
    write_atomic(Path(path), buffer.getvalue())


@once
def registry() -> Registry:
    """The bundled register: the whole country before and after 1 July 2025.

    Generated by ``tools/build_registry.py`` from the ``vietnamadminunits``
    package (see ``docs/explanation/places.md`` and
    ``antq_domain/data/places_source.json``), with the former names of
    ``antq_domain/data/former_names.csv`` (units renamed under the same code
    from 2008 to 30 June 2025, from the resolutions named in each row) and the
    district-level units of ``antq_domain/data/closed_units.csv`` (merged from
    2019 on into a unit that kept its own code; read beside ``places.csv`` and
    checked with it). Read on first call, then cached.

    Example:
        >>> from datetime import date
        >>> from antq_domain.records.places import registry
        >>> len(registry().places(date(2025, 7, 1), kind="province")) + len(
        ...     registry().places(date(2025, 7, 1), kind="central_city"))
        34
    """
    data = resources.files("antq_domain").joinpath("data")
    reg = _read_csv(data.joinpath("places.csv").read_text(encoding="utf-8"), "places.csv")
    closed, where = _read_closed_csv(
        data.joinpath("closed_units.csv").read_text(encoding="utf-8"), "closed_units.csv"
    )
    places = (*reg._places, *closed)
    problems = _register_problems(places, [p.code for p in reg._places] + where)
    if problems:
        raise RecordError("closed_units.csv", problems)
    by_code = {p.code: p for p in places}
    names = data.joinpath("former_names.csv").read_text(encoding="utf-8")
    return Registry._checked(places, _read_former_csv(names, "former_names.csv", by_code))
