"""The extractor's fast paths against their plain definitions.

The extractor reads a megabyte in well under a second because its inner
steps are written for speed: regexes that open with a character class,
words cut per window with one ``re.split``, the previous word read on a
reversed window, an NFD offset map built from C-level maps over pieces.
Each test here states the plain definition of one step and checks that the
fast form agrees with it on arbitrary text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from antq_domain.extract import _period, _place, _scan
from antq_domain.extract._text import _BOUNDARY, Normalised, Scanned
from antq_domain.values._vietnamese import TONE_PAIRS, modern_tone_marks

VI_LETTERS = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
# Letters, digits and every character the scanners treat specially.
ALPHABET = VI_LETTERS + VI_LETTERS.upper() + "0123456789 .,;:/%-–_()[]!?…“”\"'\n\t\u00a0qQ"
# Few characters, so digits meet every separator: what the number patterns are about.
dense = st.text("0123456789.,/:-–_ ;!?()\naăđCTrBCA%kgK", max_size=60)
texts = st.one_of(st.text(ALPHABET, max_size=80), dense)
# Marks outside the Vietnamese ones, and text that is neither NFC nor NFD.
odd_texts = st.text(
    ALPHABET + "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b\u0308", max_size=60
)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


# -- regexes that open with a class ------------------------------------------------
# The plain definitions: a lookbehind first, then the digits.
# (a number may end where a unit symbol is written against it: "429kg")
TOKEN = re.compile(r"(?<![\w.,/:\-–])[0-9](?:[0-9.,/:\-–]*[0-9])?(?=[kK][gG](?!\w)|(?!\w))")
DOC = re.compile(r"(?<![\w/.,\-])[0-9]{1,5}(?:/[0-9]{4})?[/-][^\W\d_][^\W_]*(?:[/-][^\W_]+)*")
BOUNDARY = re.compile(r"[;!?()\[\]\n\r…]|\.(?![0-9])|:(?![0-9])")
URL = re.compile(r"(?i)(?:https?://|www\.)\S+")


@given(texts)
def test_token_pattern_is_the_plain_definition(text: str) -> None:
    assert spans(_scan._TOKEN, text) == spans(TOKEN, text)


# Document numbers and near misses ("09/CTr-BCA-MTTQ", "123456/QĐ", "a/12-BCA") in any order.
_doc_number = st.builds(
    lambda before, digits, year, sep, suffix: before + digits + year + sep + suffix,
    st.sampled_from(["", " ", "a", "/", ".", ",", "-", "_"]),
    st.text("0123456789", min_size=1, max_size=7),
    st.sampled_from(["", "/2013", "/13"]),
    st.sampled_from(["/", "-", ".", " "]),
    st.sampled_from(["CTr-BCA-MTTQ", "QĐ", "QĐ-UBND", "5", "", "CTr/"]),
)
document_like = st.lists(
    st.one_of(_doc_number, st.sampled_from([" ", ",", "-", "/", "a", "7"])), max_size=6
).map("".join)


@given(st.one_of(document_like, dense))
def test_document_pattern_is_the_plain_definition(text: str) -> None:
    assert spans(_scan._DOC, text) == spans(DOC, text)


def test_document_pattern_on_every_small_shape() -> None:
    """Exhaustively: each character before, each width of number, year, separator, suffix."""
    befores = ["", " ", "a", "/", ".", ",", "-", "_", ":", "7"]
    years = ["", "/2013", "/13"]
    seps = ["/", "-", ".", " "]
    suffixes = ["CTr-BCA-MTTQ", "QĐ", "QĐ-UBND", "5", "", "CTr/"]
    for before in befores:
        for width in range(1, 8):
            for year in years:
                for sep in seps:
                    for suffix in suffixes:
                        text = f"{before}{'1' * width}{year}{sep}{suffix} x"
                        assert spans(_scan._DOC, text) == spans(DOC, text), text


@given(texts)
def test_boundary_pattern_is_the_plain_definition(text: str) -> None:
    assert spans(_BOUNDARY, text) == spans(BOUNDARY, text)


@given(st.text(ALPHABET + "htpswWHTPS/", max_size=60))
def test_url_pattern_on_the_fold_is_the_case_blind_definition(text: str) -> None:
    key = Scanned(text).key
    assert spans(_scan._URL, key) == spans(URL, text)


# -- words and the word before a number -------------------------------------------
WORD = re.compile(r"[^\W_]+")


# Words and separators of every kind, so windows often cut a word.
worded_texts = st.lists(
    st.one_of(
        st.text(VI_LETTERS + "0123456789", min_size=1, max_size=6),
        st.sampled_from(
            [" ", ", ", ". ", "_", " – ", "\n", "(", ") ", "“", "”", "\u00a0", "1.160", "85/85"]
        ),
    ),
    max_size=20,
).map("".join)


@given(worded_texts, st.data())
def test_words_in_a_window_are_the_whole_words_inside_it(text: str, data: st.DataObject) -> None:
    sc = Scanned(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text)))
    inside = [m for m in WORD.finditer(sc.key) if m.start() >= start and m.end() <= end]
    words, starts, ends = sc.words_in(start, end)
    assert words == [m.group() for m in inside]
    assert starts == [m.start() for m in inside]
    assert ends == [m.end() for m in inside]


PREV_WORD = re.compile(r"([^\W\d_]+)[^\w]{0,3}$")


@given(texts)
def test_previous_word_read_backwards_is_the_search_forwards(before: str) -> None:
    forwards = PREV_WORD.search(before)
    backwards = _scan._PREV_WORD_REVERSED.match(before[::-1])
    assert (forwards.group(1) if forwards else "") == (
        backwards.group(1)[::-1] if backwards else ""
    )


# -- tone marks ----------------------------------------------------------------------
TONE = re.compile("(?<!q)(" + "|".join(TONE_PAIRS) + r")(?!\w)")


@given(st.text(VI_LETTERS + " ,.q", max_size=60))
def test_tone_marks_move_exactly_the_listed_pairs(text: str) -> None:
    assert modern_tone_marks(text) == TONE.sub(lambda m: TONE_PAIRS[m[1]], text)


# -- the NFD offset map --------------------------------------------------------------
def cluster_map(original: str) -> tuple[str, list[int], list[int]]:
    """The plain definition: each character with its combining marks, composed alone."""
    text: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(original):
        j = i + 1
        while j < len(original) and unicodedata.combining(original[j]):
            j += 1
        composed = unicodedata.normalize("NFC", original[i:j])
        text.append(composed)
        starts += [i] * len(composed)
        ends += [j] * len(composed)
        i = j
    return "".join(text), starts, ends


@given(texts, st.data())
def test_nfd_spans_map_to_the_clusters_they_came_from(text: str, data: st.DataObject) -> None:
    original = unicodedata.normalize("NFD", text)
    norm = Normalised(original)
    composed, starts, ends = cluster_map(original)
    assert norm.text == composed == unicodedata.normalize("NFC", text)
    a = data.draw(st.integers(0, len(composed)))
    b = data.draw(st.integers(a, len(composed)))
    if a == b:
        expected = (starts[a], starts[a]) if a < len(starts) else (len(original), len(original))
    else:
        expected = (starts[a], ends[b - 1])
    assert norm.span(a, b) == expected


@given(odd_texts, st.data())
def test_any_marks_give_spans_whose_text_holds_the_span(text: str, data: st.DataObject) -> None:
    norm = Normalised(text)
    assert norm.text == unicodedata.normalize("NFC", text)
    a = data.draw(st.integers(0, len(norm.text)))
    b = data.draw(st.integers(a, len(norm.text)))
    s, e = norm.span(a, b)
    assert 0 <= s <= e <= len(text)
    assert norm.text[a:b] in unicodedata.normalize("NFC", text[s:e])


# -- period and place patterns -------------------------------------------------------
# "đầu năm 2023" (the number of months before it is read back from there: _N_MONTHS_BEFORE)
P_FIRST = re.compile(r"(?<!\w)(?:đầu|cuối) năm(?: ([0-9]{4}))?")
P_MONTHS = re.compile(r"(?<!\w)tháng năm ([0-9]{4})(?![0-9])")
P_QUARTER = re.compile(r"(?<!\w)quý ([ivx]+|[1-4])(?:[ ]?[/-][ ]?|,? năm )([0-9]{4})(?![0-9])")
P_YEAR = re.compile(r"(?<!\w)năm ([0-9]{4})(?![0-9]|[ ]?[-–][ ]?[0-9])")

# Period phrases, their near misses and glue, in any order.
period_like = st.lists(
    st.sampled_from(
        [
            *("năm", "quý", "tháng", "đầu", "cuối", "ii", "iv", "2", "7", "12", "123", "2023"),
            *("20231", " ", ", ", "/", "-", " – ", "a", "x", "_", "\n"),
            *("7 tháng đầu năm", "12 tháng cuối năm ", "quý ii/", "quý 2, năm ", "năm 2023"),
        ]
    ),
    max_size=16,
).map("".join)


def groups(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], Any]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


@given(period_like)
def test_period_patterns_are_the_plain_definitions(text: str) -> None:
    assert groups(_period._P_FIRST, text) == groups(P_FIRST, text)
    assert groups(_period._P_MONTHS, text) == groups(P_MONTHS, text)
    assert groups(_period._P_QUARTER, text) == groups(P_QUARTER, text)
    assert groups(_period._P_YEAR, text) == groups(P_YEAR, text)


place_like = st.lists(
    st.sampled_from(
        [
            *("Tỉnh", "tỉnh", "THÀNH PHỐ", "thành phố", "Thị xã", "thị xã", "xã", "Xã", "huyện"),
            *("phường", "đặc khu", "Kon Tum", "Sa Thầy", "an", " ", "  ", ", ", "\u00a0", "a", "5"),
        ]
    ),
    max_size=14,
).map("".join)


def _named_matches(text: str) -> list[tuple[tuple[int, int], tuple[str | Any, ...]]]:
    """The reference: each case-blind match in turn whose name is not in lower case.

    A match whose name starts in lower case ("xã hội") is skipped one character on, so a
    kind word inside it can start a match of its own.
    """
    out: list[tuple[tuple[int, int], tuple[str | Any, ...]]] = []
    pos = 0
    while (m := _place._PLACE.search(text, pos)) is not None:
        if m.group(2)[:1].islower():
            pos = m.start() + 1
        else:
            out.append((m.span(), m.groups()))
            pos = max(m.end(), m.start() + 1)
    return out


@given(place_like)
def test_place_mentions_are_every_case_blind_match_with_a_name(text: str) -> None:
    key = Scanned(text).key
    found = [(m.span(), m.groups()) for m in _place.place_mentions(text, key)]
    assert found == _named_matches(text)


def test_a_place_named_again_is_looked_up_once(monkeypatch: Any) -> None:
    # a long text may name one unit thousands of times: the register is asked once per
    # name (and day), not once per mention
    calls: list[str] = []
    lookup = _place._lookup

    def counted(reg: Any, kind: str, words: str, as_of: Any) -> Any:
        calls.append(words)
        return lookup(reg, kind, words, as_of)

    monkeypatch.setattr(_place, "_lookup", counted)
    from antq_domain.extract import extract_report

    text = "Năm 2023, huyện Sa Thầy có 12 mô hình tự quản về ANTT.\n" * 50
    assert extract_report(text).place == "616"
    assert calls  # the mentions went through the counted lookup
    assert len(calls) == len(set(calls)) <= 2
