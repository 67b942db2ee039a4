"""The place a text is about, with the words that say so."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Collection
from datetime import date

import attrs

from antq_domain.errors import AntqError
from antq_domain.extract._address import headline_place
from antq_domain.extract._address import publisher as publisher_of
from antq_domain.extract._own_unit import OWN_UNIT, own_level, speaks_of_own_unit
from antq_domain.extract._text import Normalised, Scanned
from antq_domain.extract.results import Evidence
from antq_domain.extract.vocabulary import rule_on, words
from antq_domain.records.places import Place, PlaceLevel, Registry

__all__ = ["Shared", "evidence", "find_place", "place_mentions"]

_PLACE_KINDS = (
    "tỉnh",
    "thành phố",
    "huyện",
    "quận",
    "thị xã",
    "xã",
    "phường",
    "thị trấn",
    "đặc khu",
    # Abbreviated kinds ("TP. Đồng Hới", "Tp Huế", "TX. Buôn Hồ"): Registry.find spells them out.
    "tp.",
    "tp",
    "tx.",
    "tx",
    "h.",  # "H.Nguyên Bình", "H. Đông Anh": huyện, only with its full stop
)
# A name of up to five words; a hyphen may join two parts ("Bà Rịa - Vũng Tàu"). An
# abbreviation's full stop ends its word, so the name may follow with no space ("TP.Cần Thơ",
# "TX.Buôn Hồ"), as a whole kind word may not ("tỉnhLâm" is no place).
_AFTER_KIND = r"(?:(?<=\.)[ ]*|[ ]+)"
_PLACE = re.compile(
    r"(?<!\w)(" + "|".join(map(re.escape, _PLACE_KINDS)) + r")" + _AFTER_KIND + r""
    r"((?:[^\W\d_]+(?:[ ]?[-–](?=[ ]?[^\W\d_])[ ]?|[ ])?){1,5}|[0-9]{1,2}(?![0-9]))",
    re.IGNORECASE,
)
# Hồ Chí Minh City's usual short forms ("TP.HCM", "TP. HCM", "TPHCM", "Tp HCM"): a kind
# and a name in one word, which _PLACE (a kind, a space, a capitalised name) cannot read.
_CITY_SHORT = re.compile(r"tp(?<!\wtp)\.?[ ]?hcm(?!\w)")
# ", tỉnh Kon Tum" right after a place: the unit it lies in.
_PARENT = re.compile(
    r",?[ ]+(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|tx\.?)" + _AFTER_KIND + r""
    r"((?:[^\W\d_]+[ ]?){1,4}|[0-9]{1,2}(?![0-9]))",
    re.IGNORECASE,
)
# "(Tiên Phước)", "(huyện Bắc Sơn)" right after a place: its parent, in brackets.
_BRACKETED_PARENT = re.compile(
    r"[ ]*\([ ]*(?:(tỉnh|thành phố|tp\.?|huyện|quận|thị xã|tx\.?)" + _AFTER_KIND + r")?"
    r"((?:[^\W\d_]+[ ]?){1,4})\)",
    re.IGNORECASE,
)


def _starts_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """Every place where one of ``words`` starts, overlaps included.

    Each match is the first letter alone, the rest of the word looked ahead
    for ("t(?=ỉnh|hành phố|…)"): the engine scans for a few letters at C speed,
    and a word starting inside another is still found.
    """
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(re.escape(word[1:]))
    return re.compile("|".join(f"{re.escape(c)}(?={'|'.join(r)})" for c, r in rests.items()))


# Where a kind word starts in the folded text: the only places the case-blind
# _PLACE can match.
_PLACE_STARTS = _starts_of(_PLACE_KINDS)


def place_mentions(text: str, key: str) -> list[re.Match[str]]:
    """``_PLACE.finditer(text)``, tried only where the folded text has a kind word.

    A kind word followed by a word in lower case names no unit (a name is written with
    capitals): "xã hội" (society) in "các đoàn thể chính trị - xã hội trên địa bàn huyện
    Thọ Xuân" is no commune, and the words it would have taken are read again from the
    next kind word ("huyện Thọ Xuân").

    Example:
        >>> from antq_domain.extract._place import place_mentions
        >>> t = "đoàn thể chính trị - xã hội trên địa bàn huyện Thọ Xuân"
        >>> [m.group(0) for m in place_mentions(t, t.lower())]
        ['huyện Thọ Xuân']
    """
    out: list[re.Match[str]] = []
    last = 0
    for start in _PLACE_STARTS.finditer(key):
        if start.start() < last:
            continue
        m = _PLACE.match(text, start.start())
        if m is not None and not m.group(2)[:1].islower():
            out.append(m)
            last = m.end()
    return out


def evidence(norm: Normalised, role: str, phrase: str, start: int, end: int) -> Evidence:
    span = norm.span(start, end)
    return Evidence(role, phrase, norm.original[span[0] : span[1]], span)


_NEWLINE = re.compile("\n")


def _line_of(newlines: list[int], pos: int, size: int) -> tuple[int, int]:
    """The start and end of the line holding ``pos``, from the positions of the newlines."""
    i = bisect_left(newlines, pos)
    return (newlines[i - 1] + 1 if i > 0 else 0), (newlines[i] if i < len(newlines) else size)


# A word of a name, a hyphen, or a number ("Quận 12", "Phường 3": numbered units).
_NAME_WORD = re.compile(r"[^\W\d_]+|[-–]|[0-9]{1,2}(?![0-9])")


def _capitalised(words: str) -> list[tuple[str, int]]:
    """The capitalised words a name starts with, each with where it ends in ``words``.

    A hyphen between two of them is kept ("Bà Rịa - Vũng Tàu"); a number alone is the
    name of a numbered unit ("Quận 12").
    """
    names: list[tuple[str, int]] = []
    for m in _NAME_WORD.finditer(words):
        w = m.group()
        if w in "-–":
            if not names:
                break
            names.append(("-", m.end()))
            continue
        if w.isdigit():  # a numbered unit: the number is its whole name
            if not names:
                names.append((w, m.end()))
            break
        if not w[:1].isupper():
            break
        names.append((w, m.end()))
    while names and names[-1][0] == "-":
        names.pop()
    return names


def _lookup(
    reg: Registry, kind: str, words: str, as_of: date | None
) -> tuple[tuple[Place, ...], int]:
    """The places named "kind Name…" (the longest capitalised name found), and its length."""
    names = _capitalised(words)
    for n in range(len(names), 0, -1):
        if names[n - 1][0] == "-":
            continue
        try:
            found = reg.find(f"{kind} {' '.join(w for w, _ in names[:n])}", as_of)
        except (AntqError, ValueError):
            found = ()
        if found:
            return found, names[n - 1][1]
    return (), 0


# Words before a province or central city named without its kind word: "Công an Quảng Nam",
# "UBND Hà Nội", "tại Đà Nẵng", "trên địa bàn Thủ đô". A cue is needed: a bare name alone may be
# a person's ("ông Lê Thái Bình").
_CUES = (
    "công an",
    "ubnd",
    "ủy ban nhân dân",
    "uỷ ban nhân dân",
    "hđnd",
    "tỉnh ủy",
    "tỉnh uỷ",
    "thành ủy",
    "thành uỷ",
    "ban chỉ đạo",
    "tại",
    "ở",
    "trên địa bàn",
    "toàn",
    "của",
)
_BARE_CUE = r"(?<!\w)(?:" + "|".join(map(re.escape, _CUES)) + r")[ ]+"
# Where a cue word starts: the only places the bare-name pattern is tried (`_starts_of`).
_CUE_STARTS = _starts_of(tuple(f"{cue} " for cue in _CUES))
# The capital is Hà Nội (Constitution 2013, Art. 13.4): "trên địa bàn Thủ đô".
_CAPITAL = ("thủ đô", "hà nội")
_OTHER_NAMES = ("thừa thiên huế", "sài gòn")  # looked up in the register (Registry.find)


def _provinces_by_name(reg: Registry, as_of: date | None) -> dict[str, tuple[Place, ...]]:
    """The register's provinces and central cities by folded name without the kind word."""
    out: dict[str, tuple[Place, ...]] = {}
    for p in reg:
        if p.level is PlaceLevel.PROVINCE and (as_of is None or p.alive_on(as_of)):
            name = _bare(p.name)
            out[name] = (*out.get(name, ()), p)
    if _CAPITAL[1] in out:
        out[_CAPITAL[0]] = out[_CAPITAL[1]]
    for other in _OTHER_NAMES:  # names the register knows besides the official one
        try:
            found = tuple(p for p in reg.find(other, as_of) if p.level is PlaceLevel.PROVINCE)
        except (AntqError, ValueError):
            found = ()
        if found:
            out[other] = found
    return out


def _bare_provinces(provinces: dict[str, tuple[Place, ...]]) -> re.Pattern[str]:
    """A cue word, then a province's name (group 1), longest names first."""
    names = sorted(provinces, key=len, reverse=True)
    alternatives = (re.escape(n).replace(r"\ \-\ ", r"[ ]?[-–][ ]?") for n in names)
    return re.compile(_BARE_CUE + "(" + "|".join(alternatives) + r")(?![\w-])")


def _dashes(name: str) -> str:
    """A name's hyphen as the register writes it ("Bà Rịa-Vũng Tàu" → "Bà Rịa - Vũng Tàu")."""
    return re.sub(r"[ ]?[-–][ ]?", " - ", name)


def _ancestors(reg: Registry, place: Place, as_of: date | None) -> tuple[Place, ...]:
    """The units above ``place`` on ``as_of``, or over its whole life if it was gone then."""
    when = as_of if as_of is None or place.alive_on(as_of) else None
    try:
        return tuple(reg.ancestors(place.code, when))
    except (AntqError, ValueError):
        return ()


def _short_form(reg: Registry, name: str, as_of: date | None) -> tuple[Place, ...]:
    """The places a short form names ("tp. hcm"; the register knows "tp.hcm")."""
    try:
        return reg.find(name.replace(" ", ""), as_of)
    except (AntqError, ValueError):
        return ()


def _in_brackets(
    reg: Registry, text: str, end: int, found: tuple[Place, ...], as_of: date | None
) -> tuple[Place, ...] | None:
    """The places lying in the unit named in brackets right after them, if any.

    The press writes a unit's parent in brackets, with or without its kind word:
    "Xã Tiên Mỹ (Tiên Phước)", "xã Tân Lập (huyện Bắc Sơn)". Without a kind
    word the name is compared with the names of each place's parents.
    """
    m = _BRACKETED_PARENT.match(text, end)
    if m is None or len(found) < 2:
        return None
    if m.group(1):
        parents, _ = _lookup(reg, m.group(1), m.group(2), as_of)
        codes = {p.code for p in parents}
        inside = tuple(p for p in found if any(a.code in codes for a in _ancestors(reg, p, as_of)))
    else:
        name = _bare(m.group(2))
        inside = tuple(
            p for p in found if any(_bare(a.name) == name for a in _ancestors(reg, p, as_of))
        )
    return inside or None


def _bare(name: str) -> str:
    """A unit's name without its kind word, folded ("Huyện Tiên Phước" → "tiên phước")."""
    key = unicodedata.normalize("NFC", name).casefold().strip()
    for kind in _PLACE_KINDS:
        if key.startswith(kind + " "):
            return key[len(kind) + 1 :].strip()
    return key


def _within_parent(
    reg: Registry,
    text: str,
    end: int,
    found: tuple[Place, ...],
    as_of: date | None,
    *,
    depth: int = 0,
) -> tuple[Place, ...]:
    """Keep the places lying in the unit named right after them ("xã X, huyện Y, tỉnh Z")."""
    if depth == 0 and (bracketed := _in_brackets(reg, text, end, found, as_of)) is not None:
        return bracketed
    m = _PARENT.match(text, end)
    if m is None or depth > 2:
        return found
    parents, length = _lookup(reg, m.group(1), m.group(2), as_of)
    parents = _within_parent(reg, text, m.start(2) + length, parents, as_of, depth=depth + 1)
    codes = {p.code for p in parents}
    inside = tuple(p for p in found if any(a.code in codes for a in _ancestors(reg, p, as_of)))
    return inside or found


def _province_of(reg: Registry, code: str, as_of: date | None) -> str | None:
    place = reg.get(code)
    if place.level is PlaceLevel.PROVINCE:
        return code
    for above in _ancestors(reg, place, as_of):
        if above.level is PlaceLevel.PROVINCE:
            return above.code
    return None


Shared = tuple[str, tuple[str, ...]]
"""A place name as quoted and the codes of the several units it fits."""


def find_place(
    norm: Normalised,
    sc: Scanned,
    reg: Registry,
    as_of: date | None,
    leave_out: Collection[str] = (),
    *,
    also_at: date | None = None,
) -> tuple[str | None, Evidence | None, Shared | None]:
    """The unit the text is about: the one named most strongly, else what the text implies.

    Units are those alive on ``as_of`` (the period's last day), or on ``also_at`` (its
    first) for a name that fits none then. A name that still fits several units weighs
    for none; when no place is read, the first such name is returned third (else None),
    so that the reader can be told which units to choose from.

    A mention after "trên địa bàn"/"toàn" weighs 3, one in a sentence 1, one
    in a caption or heading 0.5; a mention followed by its parent ("huyện X,
    tỉnh Y") counts only for the units inside that parent, and a name several
    units share only for those inside a unit named elsewhere or the publisher's
    province (`_in_context`). With no unit of
    weight 1: the country when the text speaks of it ("toàn quốc", "cả
    nước"); the province all the named units lie in; the province of the
    publisher's web address.
    """
    text, key = norm.text, sc.key
    read = _read_mentions(text, key, reg, as_of, also_at)
    w = _Weights.of(norm, key, reg, _in_context(reg, key, read, as_of), as_of)
    scores, first, acting = w.scores, w.first, w.acting
    if scores:
        code, score = max(scores.items(), key=lambda kv: (kv[1], -first[kv[0]][0]))
        if score >= 1:
            place = reg.get(code)
            parent = _parent_of_siblings(reg, scores, place, as_of)
            if parent is not None:
                s, e = first[parent.code]
                note = f"{parent.code} (holds the {place.level.value}s the text names)"
                return parent.code, evidence(norm, "place", note, s, e), None
            s, e = first[code]
            # "Tại TP. Tam Kỳ, UBND tỉnh tổ chức …": a text that calls its own unit by a kind
            # above the unit it names is about the unit of that kind holding it (the named
            # one is where it happened) — unless one of the named unit's own bodies acts
            # ("UBND phường An Bình (thị xã An Khê) tổ chức …").
            level = own_level(text, key)
            if level is not None and level.rank < place.level.rank and code not in acting:
                above = [a for a in _ancestors(reg, place, as_of) if a.level is level]
                if len(above) == 1:
                    note = f"{above[0].code} (the {level.value} the text calls its own)"
                    return above[0].code, evidence(norm, "place", note, s, e), None
            return code, evidence(norm, "place", code, s, e), None
    implied, found_by = _implied(
        norm, key, reg=reg, as_of=as_of, scores=scores, first=first, leave_out=leave_out
    )
    return implied, found_by, w.shared if implied is None else None


@attrs.frozen
class _Weights:
    """How strongly the text names each unit (`find_place`), and what else its mentions say.

    ``first``: each unit's first mention; ``acting``: units named after one of their own
    bodies ("UBND xã X"); ``shared``: the first name that fits several units.
    """

    scores: dict[str, float]
    first: dict[str, tuple[int, int]]
    acting: set[str]
    shared: Shared | None

    @classmethod
    def of(
        cls,
        norm: Normalised,
        key: str,
        reg: Registry,
        mentions: list[tuple[int, int, tuple[Place, ...]]],
        as_of: date | None,
    ) -> _Weights:
        newlines = [m.start() for m in _NEWLINE.finditer(key)]
        scores: dict[str, float] = {}
        first: dict[str, tuple[int, int]] = {}
        shared: Shared | None = None  # the first name that fits several units
        acting: set[str] = set()  # units named after one of their own bodies ("UBND xã X")
        located: tuple[int, frozenset[str]] = (-1, frozenset())  # the last mention's end, units
        for start, end, found in mentions:
            if _ORGAN_BEFORE.search(key, max(0, start - 24), start) is not None:
                acting.update(p.code for p in found)
            # "phường An Bình (thị xã An Khê, tỉnh Gia Lai)": a unit written right after another
            # as the unit holding it only says where that one lies; the text is not about it.
            locates = _LOCATING.fullmatch(key, located[0], start) is not None and any(
                p.code in located[1] for p in found
            )
            located = (
                end,
                frozenset(a.code for p in found for a in _ancestors(reg, p, as_of)),
            )
            if locates:
                continue
            line_start, line_end = _line_of(newlines, start, len(key))
            # The line's last characters (a bounded slice: the work per mention stays small).
            tail = key[max(line_start, line_end - 64) : line_end].rstrip()
            weight = 1.0 if tail.endswith((".", "!", "?", "…", ":", ";")) else 0.5
            if key.startswith("source:", line_start):
                weight = 0.0
            if key[max(0, start - 14) : start].endswith(("trên địa bàn ", "toàn ")):
                weight += 2
            if len({p.code.partition("@")[0] for p in found}) > 1:
                # A name that still fits several units says which of them the text is about no
                # more than it says nothing: it is not guessed ("xã Vạn Thắng" in 2025 is a
                # commune of Ninh Bình and one of Khánh Hòa). Versions of one unit under one
                # code (a province before and after 1 July 2025) are one unit.
                if shared is None:
                    quote = evidence(norm, "place", "", start, end).quote
                    shared = quote, tuple(p.code for p in found)
                continue
            for place in found:
                scores[place.code] = scores.get(place.code, 0.0) + weight
                first.setdefault(place.code, (start, end))
        return cls(scores, first, acting, shared)


# What stands between a unit and the one holding it: "xã X, huyện Y", "xã X (huyện Y)".
_LOCATING = re.compile(r"[ ]*[,(–-][ ]*")
# The bodies of a unit, right before its kind word: "UBND xã X", "Công an huyện Y",
# "Ban Chỉ đạo … phường Z" (the long name of a steering committee ends in "ANTQ").
_ORGAN_BEFORE = re.compile(
    r"(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|hđnd|công an|ban chỉ đạo|đảng ủy|đảng uỷ"
    r"|mttq|bảo vệ antq|an ninh tổ quốc)[ ]+$"
)


def _parent_of_siblings(
    reg: Registry, scores: dict[str, float], place: Place, as_of: date | None
) -> Place | None:
    """The unit holding two or more units of ``place``'s level the text names, if it names it.

    "Công an huyện Đức Trọng phối hợp với 2 xã Ninh Gia, Tà Năng …": a text that names
    several communes of one district in its sentences, and the district, is about the
    district.
    """
    named = [
        other
        for c, score in scores.items()
        if score >= 1 and (other := reg.get(c)).level is place.level
    ]
    if len(named) < 2:  # two units make siblings
        return None
    parents = {ancestors[0].code for p in named if (ancestors := _ancestors(reg, p, as_of))}
    if len(parents) != 1:
        return None
    parent = parents.pop()
    return reg.get(parent) if scores.get(parent, 0.0) > 0 else None


def _read_mentions(
    text: str, key: str, reg: Registry, as_of: date | None, also_at: date | None = None
) -> list[tuple[int, int, tuple[Place, ...]]]:
    """Every place named, in order: (start, end, the units the name fits).

    A name that fits no unit alive on ``as_of`` (the period's last day) is looked up on
    ``also_at`` (its first): a report of 2025 may name a district that ended on 30 June.
    """
    mentions = {m.start(): (m.group(1), m.group(2), m.start(2)) for m in place_mentions(text, key)}
    # a short form is read whole ("TP HCM" is not the kind "TP" and a name "HCM")
    mentions.update((m.start(), ("", m.group(0), m.start())) for m in _CITY_SHORT.finditer(key))
    provinces = _provinces_by_name(reg, as_of)
    bare = _bare_provinces(provinces)
    for cue in _CUE_STARTS.finditer(key):
        m = bare.match(key, cue.start())
        if m is not None and text[m.start(1) : m.start(1) + 1].isupper():
            mentions.setdefault(m.start(1), ("*", m.group(1), m.start(1)))
    read: list[tuple[int, int, tuple[Place, ...]]] = []
    # a name written again is looked up once: a long text may name one unit thousands of times
    looked: dict[tuple[str, str, date | None], tuple[tuple[Place, ...], int]] = {}

    def lookup(kind: str, name: str, day: date | None) -> tuple[tuple[Place, ...], int]:
        key = (kind, name, day)
        if key not in looked:
            looked[key] = _lookup(reg, kind, name, day)
        return looked[key]

    for start, (kind, name, name_start) in sorted(mentions.items()):
        if kind == "*":
            found, length = provinces.get(_dashes(name), ()), len(name)
        elif kind:
            found, length = lookup(kind, name, as_of)
            if not found and also_at is not None:
                found, length = lookup(kind, name, also_at)
        else:
            found, length = _short_form(reg, name, as_of), len(name)
        if found:
            end = name_start + length
            read.append((start, end, _within_parent(reg, text, end, found, as_of)))
    return read


def _in_context(
    reg: Registry,
    key: str,
    read: list[tuple[int, int, tuple[Place, ...]]],
    as_of: date | None,
) -> list[tuple[int, int, tuple[Place, ...]]]:
    """Each mention's places; a name several units share keeps those the text is set in.

    "xã Tân Lập" is 25 communes: the ones inside a unit the text names unambiguously
    elsewhere ("huyện Bắc Sơn", "tỉnh Lạng Sơn") or inside the province of the
    publisher's web address (a provincial paper reports on its province) are kept.
    """
    if all(len(found) == 1 for _, _, found in read):
        return read
    context = {found[0].code for _, _, found in read if len(found) == 1}
    publisher = publisher_of(reg, key, as_of)
    if publisher is not None:
        context.add(publisher[0])
    out: list[tuple[int, int, tuple[Place, ...]]] = []
    kept: dict[tuple[str, ...], tuple[Place, ...]] = {}  # a name repeated is looked at once
    for start, end, found in read:
        if len(found) > 1 and context:
            codes = tuple(p.code for p in found)
            if codes not in kept:
                kept[codes] = (
                    tuple(
                        p
                        for p in found
                        if any(a.code in context for a in _ancestors(reg, p, as_of))
                    )
                    or found
                )
            found = kept[codes]  # noqa: PLW2901 - the same mention, its places narrowed
        out.append((start, end, found))
    return out


def _implied(
    norm: Normalised,
    key: str,
    *,
    reg: Registry,
    as_of: date | None,
    scores: dict[str, float],
    first: dict[str, tuple[int, int]],
    leave_out: Collection[str],
) -> tuple[str | None, Evidence | None]:
    """The place a text implies when it names none strongly (see `find_place`)."""
    national = words("national", leave_out)
    at = min((i for w in national if (i := key.find(w)) >= 0), default=-1)
    if at >= 0 and "VN" in reg and not speaks_of_own_unit(norm.text, key):
        length = next(len(w) for w in national if key.startswith(w, at))
        return "VN", evidence(norm, "place", "VN (the whole country)", at, at + length)
    named = [code for code, score in scores.items() if score > 0]
    # "Ngày hội … tại thị trấn Đu" (a heading), then "nhân dân thị trấn", "Thị trấn đã xây
    # dựng …": the one unit named of the kind the text calls its own.
    level = own_level(norm.text, key)
    own = [code for code in named if reg.get(code).level is level]
    if level is not None and len(own) == 1:
        s, e = first[own[0]]
        return own[0], evidence(
            norm, "place", f"{own[0]} (the unit of the kind the text calls its own)", s, e
        )
    if named and rule_on("province of the units named", leave_out):
        provinces = {_province_of(reg, code, as_of) for code in named}
        if len(provinces) == 1 and (province := provinces.pop()) is not None:
            s, e = min(first[code] for code in named)
            return province, evidence(norm, "place", f"{province} (holds the units named)", s, e)
    kinds = dict.fromkeys(m.group(1) for m in OWN_UNIT.finditer(key))
    headline = headline_place(reg, key, as_of, kinds)
    if headline is not None:
        code, s, e = headline
        return code, evidence(norm, "place", f"{code} (named in the headline's web address)", s, e)
    if rule_on("province of the publisher", leave_out):
        publisher = publisher_of(reg, key, as_of)
        if publisher is not None:
            code, s, e = publisher
            return code, evidence(norm, "place", f"{code} (the publisher's province)", s, e)
    return None, None
