"""The standard catalogue held as data: antq_domain/data/catalogue.toml."""

from __future__ import annotations

import tomllib
import unicodedata
from importlib import resources
from typing import Any

import pytest

from antq_domain.errors import AntqError, InvariantError, ParseError, RecordError
from antq_domain.records import _catalogue_data as data
from antq_domain.records.indicators import _from_data, catalogue

_DIM = """
[[dimensions]]
name = "colour"
label = { vi = "màu", en = "colour" }
[[dimensions.values]]
code = "red"
label = { vi = "đỏ", en = "red" }
"""


def _file(indicator: str, dims: str = _DIM) -> str:
    return '[areas]\nlocal = { vi = "Địa phương", en = "Local" }\n' + dims + indicator


_GOOD = """
[[indicators]]
code = "local.pacts"
label = { vi = "giao ước", en = "pacts" }
kind = "flow"
unit = "document"
dimensions = ["colour"]
required = ["colour"]
synonyms_vi = ["bản giao ước"]
"""


def test_the_packaged_file_is_the_catalogue_row_for_row() -> None:
    rows = data.load()
    cat = catalogue()
    assert [row["code"] for row in rows.indicators] == list(cat)
    assert tuple(rows.areas) == cat.areas
    assert {row["name"] for row in rows.dimensions} == {d.name for d in cat.dimensions}


def test_the_packaged_file_is_read_from_the_package() -> None:
    text = resources.files("antq_domain").joinpath(data.CATALOGUE_FILE).read_text("utf-8")
    assert tomllib.loads(text)["indicators"][0]["code"] == "mobilisation.launch_campaigns"


def test_every_string_of_the_file_is_nfc() -> None:
    def walk(node: Any) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, dict):
            return [s for k, v in node.items() for s in (k, *walk(v))]
        if isinstance(node, list | tuple):
            return [s for v in node for s in walk(v)]
        return []

    text = resources.files("antq_domain").joinpath(data.CATALOGUE_FILE).read_text("utf-8")
    strings = walk(tomllib.loads(text))
    assert len(strings) > 1000
    assert [s for s in strings if unicodedata.normalize("NFC", s) != s] == []


def test_a_small_file_builds_a_catalogue_with_its_own_dimension() -> None:
    cat = _from_data(data.parse(_file(_GOOD)))
    ind = cat["local.pacts"]
    assert ind.required_dimensions == ("colour",)
    assert ind.dimension("colour").codes == ("red",)
    assert ind.synonyms_vi == ("bản giao ước",)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("indicators = [", "catalogue.toml"),
        ("indicator = 1", "catalogue.toml:indicator"),
        ('[areas]\nlocal = { vi = "Địa phương" }', "catalogue.toml:areas.local"),
        ('[areas]\nlocal = "Local"', "catalogue.toml:areas.local"),
        ("areas = 1", "catalogue.toml:areas"),
        ("indicators = 1", "catalogue.toml:indicators"),
        ("indicators = [1]", "catalogue.toml:indicators[0]"),
        ("dimensions = [1]", "catalogue.toml:dimensions[0]"),
        ("counters = 1", "catalogue.toml:counters"),
        ('[counters]\npeople = ["người"]', "catalogue.toml:counters.people"),
        ('[counters]\nperson = "người"', "catalogue.toml:counters.person"),
        ("[counters]\nperson = []", "catalogue.toml:counters.person"),
        ('[counters]\nperson = ["người", "người"]', "catalogue.toml:counters.person"),
        ('[counters]\nperson = [" "]', "catalogue.toml:counters.person"),
    ],
)
def test_a_malformed_file_is_refused_naming_where(text: str, field: str) -> None:
    with pytest.raises(ParseError) as info:
        data.parse(text)
    assert info.value.field == field


def test_an_unknown_key_in_an_indicator_row_is_refused_by_the_record() -> None:
    with pytest.raises(RecordError) as info:
        _from_data(data.parse(_file(_GOOD + 'colour = "red"\n')))
    assert "colour" in str(info.value)


def test_a_required_dimension_the_indicator_lacks_is_refused() -> None:
    text = _GOOD.replace('dimensions = ["colour"]\n', "")
    with pytest.raises(InvariantError) as info:
        _from_data(data.parse(_file(text)))
    assert info.value.field == "local.pacts.required"
    assert info.value.value == "colour"


def test_an_unknown_dimension_name_is_refused() -> None:
    text = _GOOD.replace('["colour"]', '["color"]').replace('required = ["color"]\n', "")
    with pytest.raises(AntqError) as info:
        _from_data(data.parse(_file(text)))
    assert "color" in str(info.value)


def test_a_dimension_defined_twice_is_refused() -> None:
    with pytest.raises(InvariantError) as info:
        _from_data(data.parse(_file(_GOOD, _DIM + _DIM)))
    assert info.value.field == "dimensions.name"


def test_a_bad_value_in_a_row_is_refused_by_the_record() -> None:
    with pytest.raises(RecordError) as info:
        _from_data(data.parse(_file(_GOOD.replace('"flow"', '"flood"'))))
    assert "kind" in str(info.value)


def test_the_counter_words_are_the_catalogues() -> None:
    # The extractor's counter words are the file's `counters` table (unit code -> words),
    # inverted: a word that counts two units ("người") maps to both.
    from antq_domain.extract._match import COUNTERS
    from antq_domain.extract._text import phrase_words
    from antq_domain.values.unit import Unit

    table = data.load().counters
    assert table["case"] == ("trường hợp", "vụ án", "vụ việc", "vụ")
    inverted: dict[tuple[str, ...], set[Unit]] = {}
    for unit, words in table.items():
        for word in words:
            inverted.setdefault(phrase_words(word), set()).add(Unit(unit))
    assert {k: frozenset(v) for k, v in inverted.items()} == COUNTERS
    assert COUNTERS[("người",)] == {Unit.PERSON, Unit.PARTICIPATION}
    assert data.parse('[counters]\nperson = ["người"]').counters == {"person": ("người",)}
