"""What the web addresses of a text say of its place: the publisher's province, the headline."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from antq_domain.errors import AntqError
from antq_domain.records.places import PlaceLevel, Registry

__all__ = ["headline_place", "publisher"]

# A web address's host: "https://baophutho.vn/…", "hahoa.phutho.gov.vn".
_HOST = re.compile(r"https?://(?:www\.)?([a-z0-9.-]+)")


def publisher(reg: Registry, key: str, as_of: date | None) -> tuple[str, int, int] | None:
    """The province of the publisher named in a web address of the text's first line.

    Provincial papers and portals carry the province in their address
    ("baophutho.vn" is Báo Phú Thọ, "hahoa.phutho.gov.vn" a portal of Phú Thọ). A text
    republished by another site names the paper it comes from on a line "Nguồn: <address>"
    (source): that address is read too, after the first line's.
    """
    line_end = key.find("\n")
    hosts = [
        (m.group(1), m.start(1))
        for m in [_HOST.search(key, 0, line_end if line_end >= 0 else len(key))]
        if m is not None
    ]
    hosts.extend((m.group(1), m.start(1)) for m in _SOURCE_LINE.finditer(key))
    if not hosts:
        return None
    provinces = {
        _compact(p.short_name): p
        for p in reg
        if p.level is PlaceLevel.PROVINCE and (as_of is None or p.alive_on(as_of))
    }
    for host, at in hosts:
        for label in host.split("."):
            place = provinces.get(label.removeprefix("bao"))
            if place is not None:
                start = at + host.index(label)
                return place.code, start, start + len(label)
    return None


# "Nguồn: https://baotuyenquang.com.vn/…": a text republished elsewhere names the paper it
# was first published by on a line of its own.
_SOURCE_LINE = re.compile(r"^[ ]*nguồn[ ]*:[ ]*https?://(?:www\.)?([a-z0-9.-]+)", re.MULTILINE)


# A headline in a web address's last words: "…-tai-hai-duong-481258", "…-o-soc-trang-post825218".
_SLUG_AT = re.compile(r"(?<![a-z0-9])(?:tai|o)-((?:[a-z]+-?){1,6})")
_SLUG_STOP = frozenset({"post", "nam", "ngay", "va", "trong", "voi", "html", "htm"})


def headline_place(
    reg: Registry, key: str, as_of: date | None, kinds: Iterable[str]
) -> tuple[str, int, int] | None:
    """The place the headline in the first line's web address names after "tại"/"ở".

    A web address often carries the article's headline without diacritics
    ("…/nhieu-mo-hinh-giu-trat-tu-co-hieu-qua-tai-hai-duong-481258/"); "tại" and
    "ở" (at, in) put the place the article is about after them. Without a kind
    word there ("tai-hai-duong"), the kind is the one the text calls its own unit by
    ("toàn tỉnh", "UBND huyện": ``kinds``); the name must then fit one place only.
    """
    line_end = key.find("\n")
    line_end = line_end if line_end >= 0 else len(key)
    host = _HOST.search(key, 0, line_end)
    if host is None:
        return None
    at = _SLUG_AT.search(key, host.end(), line_end)
    if at is None:
        return None
    slug: list[str] = []
    for word in at.group(1).strip("-").split("-"):
        if word in _SLUG_STOP:
            break
        slug.append(word)
    for n in range(min(len(slug), 5), 0, -1):
        name = " ".join(slug[:n])
        # the register reads a name typed without diacritics after its kind word ("tỉnh hai
        # duong")
        for query in (*(f"{kind} {name}" for kind in kinds), name):
            try:
                found = reg.find(query, as_of)
            except (AntqError, ValueError):
                continue
            if len(found) == 1:
                return found[0].code, at.start(1), at.start(1) + len("-".join(slug[:n]))
            if found:
                break
    return None


def _compact(name: str) -> str:
    """A name as written in a web address: no diacritics, no spaces ("Phú Thọ" → "phutho")."""
    plain = unicodedata.normalize("NFD", name.casefold().replace("đ", "d"))
    return "".join(c for c in plain if c.isalnum() and not unicodedata.combining(c))
