"""The standard catalogue's data file, ``antq_domain/data/catalogue.toml``, read as plain rows.

The file is read with the standard library's `tomllib` on first use and its shape is checked here:
the four top-level tables (``areas``, ``counters``, ``dimensions``, ``indicators``) and nothing
else, area headings with a ``vi`` and an ``en`` label, counter words by unit code, rows that are
tables. The rows themselves are validated by the records they become
([`Indicator`][antq_domain.Indicator], [`Dimension`][antq_domain.records.indicators.Dimension]) in
[`antq_domain.records.indicators.catalogue`][antq_domain.records.indicators.catalogue], which
rejects
unknown keys. An indicator row names its dimensions and lists which are ``required``; nothing else
differs from the record's fields.

Example:
    >>> from antq_domain.records._catalogue_data import load
    >>> data = load()
    >>> data.areas["tips"]
    ('Nguồn tin do Nhân dân cung cấp và kết quả', 'Citizen tips and their results')
    >>> data.indicators[0]["code"]
    'mobilisation.launch_campaigns'
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from antq_domain.errors import ParseError
from antq_domain.values.unit import Unit

__all__ = ["CATALOGUE_FILE", "CatalogueData", "area_labels", "counter_words", "load", "parse"]

CATALOGUE_FILE = "data/catalogue.toml"
"""Where the standard catalogue lives, relative to the ``antq_domain`` package."""

_TOP = ("areas", "counters", "dimensions", "indicators")


@dataclass(frozen=True, slots=True)
class CatalogueData:
    """The rows of a catalogue file, before they become records.

    ``areas`` maps a namespace to its (vi, en) heading, in display order;
    ``dimensions`` and ``indicators`` are the tables of the file, in order;
    ``counters`` maps a unit's code to the Vietnamese words that count it.
    """

    areas: Mapping[str, tuple[str, str]]
    dimensions: tuple[Mapping[str, Any], ...]
    indicators: tuple[Mapping[str, Any], ...]
    counters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def _counters(raw: object, source: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise ParseError(f"{source}:counters", raw, "a table of unit codes to counter words")
    units = {u.value for u in Unit}
    out: dict[str, tuple[str, ...]] = {}
    for unit, words in raw.items():
        if unit not in units:
            raise ParseError(f"{source}:counters.{unit}", unit, "a unit code of Unit")
        if (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w.strip() for w in words)
            or len(set(words)) != len(words)
        ):
            raise ParseError(
                f"{source}:counters.{unit}", words, "a list of distinct, non-empty counter words"
            )
        out[unit] = tuple(words)
    return out


def _rows(doc: Mapping[str, Any], key: str, source: str) -> tuple[Mapping[str, Any], ...]:
    rows = doc.get(key, [])
    if not isinstance(rows, list):
        raise ParseError(f"{source}:{key}", rows, f"an array of tables ([[{key}]])")
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise ParseError(f"{source}:{key}[{i}]", row, "a table")
    return tuple(rows)


def parse(text: str, source: str = "catalogue.toml") -> CatalogueData:
    r"""Read a catalogue file's text into rows; ``source`` names it in errors.

    Raises [`ParseError`][antq_domain.ParseError] for text that is not TOML, a top-level key
    other than ``areas``, ``counters``, ``dimensions`` and ``indicators``, an area heading without
    exactly a ``vi`` and an ``en`` label, or a ``counters`` row that is not a unit code with a
    list of distinct counter words.

    Example:
        >>> from antq_domain.records._catalogue_data import parse
        >>> parse('[areas]\nlocal = { vi = "Địa phương", en = "Local" }').areas
        {'local': ('Địa phương', 'Local')}
        >>> parse('[counters]\nperson = ["người"]').counters
        {'person': ('người',)}
        >>> parse('[counters]\npeople = ["người"]', "mine.toml")
        Traceback (most recent call last):
        ...
        antq_domain.errors.ParseError: mine.toml:counters.people='people': expected a unit code ...
        >>> parse('indicator = 1', "mine.toml")
        Traceback (most recent call last):
        ...
        antq_domain.errors.ParseError: mine.toml:indicator=1: expected one of the top-level ...
    """
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ParseError(source, str(err), "a TOML document") from None
    for key in doc:
        if key not in _TOP:
            raise ParseError(
                f"{source}:{key}", doc[key], "one of the top-level keys " + ", ".join(_TOP)
            )
    raw_areas = doc.get("areas", {})
    if not isinstance(raw_areas, dict):
        raise ParseError(f"{source}:areas", raw_areas, "a table of area headings")
    areas: dict[str, tuple[str, str]] = {}
    for area, heading in raw_areas.items():
        if (
            not isinstance(heading, dict)
            or set(heading) != {"vi", "en"}
            or not all(isinstance(v, str) and v.strip() for v in heading.values())
        ):
            raise ParseError(f"{source}:areas.{area}", heading, "{ vi = '…', en = '…' }")
        areas[area] = (heading["vi"], heading["en"])
    return CatalogueData(
        areas=areas,
        dimensions=_rows(doc, "dimensions", source),
        indicators=_rows(doc, "indicators", source),
        counters=_counters(doc.get("counters", {}), source),
    )


@cache
def load() -> CatalogueData:
    """The rows of the standard catalogue (read once, then shared).

    Example:
        >>> from antq_domain.records._catalogue_data import load
        >>> load() is load()
        True
    """
    text = resources.files("antq_domain").joinpath(CATALOGUE_FILE).read_text(encoding="utf-8")
    return parse(text, CATALOGUE_FILE)


def area_labels() -> Mapping[str, tuple[str, str]]:
    """The (vi, en) heading of each standard namespace, in display order.

    Example:
        >>> from antq_domain.records._catalogue_data import area_labels
        >>> area_labels()["admin"]
        ('Bối cảnh hành chính', 'Administrative context')
    """
    return load().areas


def counter_words() -> Mapping[str, tuple[str, ...]]:
    """The standard catalogue's counter words, by unit code (its ``counters`` table).

    Example:
        >>> from antq_domain.records._catalogue_data import counter_words
        >>> counter_words()["case"]
        ('trường hợp', 'vụ án', 'vụ việc', 'vụ')
    """
    return load().counters
