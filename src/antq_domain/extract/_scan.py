"""Finding numbers in text and telling figures from dates, names and numbering.

Every run of digits is a *token*. A token is a figure unless a generic rule
says what else it is (a date, a year, a document number, a period length, an
anniversary, a name, a list marker, a time, part of a URL); the rule's
reason is kept so the caller can see every number that was not used.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import lru_cache

from antq_domain.errors import AntqError
from antq_domain.values.document import DocumentRef
from antq_domain.values.label import Label
from antq_domain.values.numbers import parse_number
from antq_domain.values.unit import Qualifier

__all__ = [
    "Token",
    "UnusedReason",
    "find_documents",
    "is_scale_word",
    "qualifier_word",
    "scan_tokens",
]


class UnusedReason(enum.StrEnum):
    """Why a number seen in the text is not a figure of the report.

    Example:
        >>> from antq_domain.extract import UnusedReason
        >>> UnusedReason.PERIOD_LENGTH.label.en
        'a length of time ("10 năm", "7 tháng đầu năm")'
    """

    DATE = "date"
    TIME = "time"
    YEAR = "year"
    PERIOD = "period"
    PERIOD_LENGTH = "period_length"
    ANNIVERSARY = "anniversary"
    DOCUMENT_NUMBER = "document_number"
    NAME = "name"
    LIST_MARKER = "list_marker"
    URL = "url"
    UNREADABLE = "unreadable"

    @property
    def label(self) -> Label:
        """The bilingual explanation of the reason.

        Example:
            >>> from antq_domain.extract import UnusedReason
            >>> UnusedReason.NAME.label.vi
            'số trong tên (mô hình "5 giúp 1", "Ban Chỉ đạo 138")'
        """
        return _REASON_LABELS[self]


_REASON_LABELS = {
    UnusedReason.DATE: Label(vi="ngày, tháng", en='a date ("ngày 9/8", "01 tháng 8 năm 2013")'),
    UnusedReason.TIME: Label(vi="giờ", en='a time of day ("08:37")'),
    UnusedReason.YEAR: Label(vi="năm", en='a year ("năm 2023")'),
    UnusedReason.PERIOD: Label(
        vi="kỳ báo cáo, giai đoạn", en='a period ("quý II/2020", "2013-2023")'
    ),
    UnusedReason.PERIOD_LENGTH: Label(
        vi="độ dài thời gian", en='a length of time ("10 năm", "7 tháng đầu năm")'
    ),
    UnusedReason.ANNIVERSARY: Label(vi="kỷ niệm", en='an anniversary ("kỷ niệm 20 năm")'),
    UnusedReason.DOCUMENT_NUMBER: Label(
        vi="số, ký hiệu văn bản", en='a document number ("09/CTr-BCA-MTTQ")'
    ),
    UnusedReason.NAME: Label(
        vi='số trong tên (mô hình "5 giúp 1", "Ban Chỉ đạo 138")',
        en='part of a name (the model "5 giúp 1", "Ban Chỉ đạo 138")',
    ),
    UnusedReason.LIST_MARKER: Label(vi="số thứ tự", en='a list marker ("1.", "2)")'),
    UnusedReason.URL: Label(vi="đường dẫn", en="part of a URL or file name"),
    UnusedReason.UNREADABLE: Label(
        vi="không đọc được là một số liệu",
        en='not a Vietnamese figure ("1.16": "." groups thousands)',
    ),
}

# ASCII digits only: other Unicode digits are not how reports write figures.
# The patterns open with a digit class and check the character before it with
# a two-character lookbehind, so the regex engine scans for digits at C speed.
# Invisible characters (zero-width space and joiners, word joiner, BOM, soft
# hyphen) inside a figure belong to it: parse_number removes them, so
# "1.\u200b160" is 1160, never 1 and 160 (the number grammar of
# antq_domain.values.numbers).
# A unit symbol may be written against the number ("429kg thuốc nổ"): the number ends
# there, and the symbol is read as its counter word.
_TOKEN = re.compile(
    r"[0-9](?<![\w.,/:\-–][0-9])(?:[0-9.,/:\-–\u200b\u200c\u200d\u2060\ufeff\u00ad]*[0-9])?"
    r"(?!(?![kK][gG](?!\w))\w)"
)
# Thousands grouped by one space (or a no-break, narrow no-break or thin
# space): "1 160" is one figure, 1160, as parse_number reads it.
_GROUP_SPACES = frozenset(" \u00a0\u202f\u2009")
_LEAD_GROUP = re.compile(r"[1-9][0-9]{0,2}")
_NEXT_GROUP = re.compile(r"[0-9]{3}")
# after these words a short number is a day, month, quarter, article...: never
# the first group of a space-grouped figure ("tháng 9 100 vụ" is month 9, 100 cases)
_NOT_GROUPED_AFTER = frozenset(
    ("ngày", "tháng", "quý", "năm", "tuần", "điều", "khoản", "mục", "số", "lần", "thứ", "đợt")
)
# URL and file-name patterns run on the folded (lower-case) text.
_URL = re.compile(r"(?:https?://|www\.)\S+")
_FILE_EXT = re.compile(r"\.(?:html?|php|aspx?|txt|pdf|docx?)(?!\w)")
_DOC = re.compile(
    r"[0-9](?<![\w/.,\-][0-9])[0-9]{0,4}(?:/[0-9]{4})?[/-][^\W\d_][^\W_]*(?:[/-][^\W_]+)*"
)
# A number inside a quoted name is part of the name ("Câu lạc bộ … theo mô hình 1 +"). Curly
# quotes open and close differently, so a long title is still one title (a title stops at
# the next opening quote: the scan of each stays within its own stretch).
_QUOTED = re.compile(r"“[^“”\n]{1,200}”|\"[^\"\n]{1,80}\"|‘[^‘’\n]{1,80}’")

_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?")
_DMY = re.compile(r"[0-9]{1,2}([/.\-])[0-9]{1,2}\1[0-9]{4}")
_YM_ISO = re.compile(r"[0-9]{4}-[0-9]{1,2}(?:-[0-9]{1,2})?")
_SPAN = re.compile(r"[0-9]{4}\s*[-–]\s*[0-9]+")
_MONTH_YEAR = re.compile(r"[0-9]{1,2}[/-][0-9]{4}")
_DAY_MONTH = re.compile(r"[0-9]{1,2}/[0-9]{1,2}")
_BARE_YEAR = re.compile(r"(?:19|20)[0-9]{2}")

# The word just before a number (at most three non-word characters between), read
# on the reversed window: an anchored match instead of a search from every position.
_PREV_WORD_REVERSED = re.compile(r"[^\w]{0,3}([^\W\d_]+)")
_NEXT_WORDS = re.compile(r"^[ ]?([^\W\d_]+)(?:[ ]([^\W_]+))?")
_DATE_BEFORE = ("ngày", "hôm", "sáng", "chiều", "tối", "đêm")
_NAME_BEFORE = re.compile(
    r"(?:ban chỉ đạo|bcđ|chỉ thị|nghị quyết|nghị định|quyết định|kế hoạch|điều|khoản|"
    r"luật|mục|phụ lục|tiểu ban|đội|tổ|khu vực|quốc lộ|tỉnh lộ|km)[ ]?$"
)
# Words that follow a digit in a model's name: "5 giúp 1", "5 không, 3 sạch".
_NAME_AFTER = frozenset({"giúp", "không", "sạch", "cùng", "biết", "tốt", "xanh", "nhất"})
_LENGTH_AFTER = frozenset({"năm", "tháng", "tuần", "ngày", "giờ", "thập"})


@lru_cache(maxsize=1024)
def is_scale_word(word: str) -> bool:
    """Whether ``word`` after a number multiplies it ("triệu"), by the number grammar.

    The words are [`parse_number`][antq_domain.values.parse_number]'s; the
    extractor keeps no list of its own.

    Example:
        >>> from antq_domain.extract._scan import is_scale_word
        >>> is_scale_word("nghìn"), is_scale_word("người")
        (True, False)
    """
    if not word.isalpha():
        return False
    try:
        return parse_number(f"1 {word}").value != 1
    except (AntqError, ValueError):
        return False


@lru_cache(maxsize=1024)
def qualifier_word(word: str) -> Qualifier | None:
    """The qualifier ``word`` before a number gives it ("hơn": more than), by the number grammar.

    ``word`` may be two words ("ít nhất", "không quá").

    Example:
        >>> from antq_domain.extract._scan import qualifier_word
        >>> qualifier_word("gần"), qualifier_word("có"), qualifier_word("tối đa")
        (<Qualifier.LESS_THAN: 'less_than'>, None, <Qualifier.AT_MOST: 'at_most'>)
    """
    if not word.replace(" ", "").isalpha():
        return None
    try:
        qualifier = parse_number(f"{word} 1").qualifier
    except (AntqError, ValueError):
        return None
    return qualifier if qualifier is not Qualifier.EXACT else None


class Token:
    """A run of digits found in the text, with what the scanner made of it.

    ``reason`` is ``None`` for a candidate figure. Offsets index the NFC text.

    Example:
        >>> from antq_domain.extract._scan import scan_tokens
        >>> [(t.text, t.reason) for t in scan_tokens("ngày 9/8, 31 hội nghị")]
        [('9/8', <UnusedReason.DATE: 'date'>), ('31', None)]
    """

    __slots__ = ("end", "reason", "start", "text")

    def __init__(self, start: int, end: int, text: str, reason: UnusedReason | None) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.reason = reason


def _spans(pattern: re.Pattern[str], text: str) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for m in pattern.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _inside(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    i = bisect_right(spans[0], start) - 1
    return i >= 0 and spans[1][i] >= end


def find_documents(text: str) -> list[tuple[int, int, DocumentRef]]:
    """Every document number of the text that parses, with its span, in text order.

    Example:
        >>> from antq_domain.extract._scan import find_documents
        >>> [(s, e, str(ref)) for s, e, ref in find_documents("Chương trình 09/CTr-BCA-MTTQ")]
        [(13, 28, '09/CTr-BCA-MTTQ')]
    """
    out: list[tuple[int, int, DocumentRef]] = []
    for m in _DOC.finditer(text):
        try:
            ref = DocumentRef.parse(m.group())
        except (AntqError, ValueError):
            continue
        out.append((m.start(), m.end(), ref))
    return out


def _classify(key: str, start: int, end: int, token: str) -> UnusedReason | None:  # noqa: PLR0911, PLR0912
    before = key[max(0, start - 40) : start]
    after = key[end : end + 40]
    prev = _PREV_WORD_REVERSED.match(before[::-1])
    prev_word = prev.group(1)[::-1] if prev else ""
    nxt = _NEXT_WORDS.match(after)
    next_word = nxt.group(1) if nxt else ""
    next_next = (nxt.group(2) or "") if nxt else ""
    # Dates, times and spans need a separator; most tokens are plain digits.
    plain = token.isdigit()
    if not plain:
        if ":" in token:
            return UnusedReason.TIME if _TIME.fullmatch(token) else UnusedReason.UNREADABLE
        if _DMY.fullmatch(token):
            return UnusedReason.DATE
        if _SPAN.fullmatch(token) and not _YM_ISO.fullmatch(token):
            return UnusedReason.PERIOD
        if _YM_ISO.fullmatch(token):
            return UnusedReason.DATE
    if prev_word == "quý":
        return UnusedReason.PERIOD
    if not plain and _MONTH_YEAR.fullmatch(token):
        return UnusedReason.DATE if prev_word == "tháng" else UnusedReason.PERIOD
    if not plain and _DAY_MONTH.fullmatch(token) and prev_word in _DATE_BEFORE:
        return UnusedReason.DATE
    if prev_word in ("ngày", "tháng") or (next_word == "tháng" and next_next.isdigit()):
        return UnusedReason.DATE
    if before.endswith(("kỷ niệm ", "kỉ niệm ")):
        return UnusedReason.ANNIVERSARY
    if next_word in _LENGTH_AFTER:
        return UnusedReason.PERIOD_LENGTH
    # "hơn 2000 tin": a quantity word ("hơn", "trên", "khoảng") qualifies an amount; a
    # year is named by "năm", never "more than". Such a number is a figure written
    # without its thousands separator.
    if (
        _BARE_YEAR.fullmatch(token)
        and not is_scale_word(next_word)
        and qualifier_word(prev_word) is None
    ):
        return UnusedReason.YEAR
    if _NAME_BEFORE.search(before) or next_word in _NAME_AFTER or prev_word == "giúp":
        return UnusedReason.NAME
    line_start = before.rfind("\n") + 1 if "\n" in before else (0 if start < 40 else -1)
    if line_start >= 0 and not before[line_start:].strip() and after[:1] in (".", ")"):
        return UnusedReason.LIST_MARKER
    return None


def _grouped(text: str, key: str) -> Iterator[tuple[int, int, str]]:
    """The digit runs of ``text``, space-grouped thousands joined into one run."""
    matches = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    i = 0
    while i < len(matches):
        start, end = matches[i]
        j = i
        if _LEAD_GROUP.fullmatch(text, start, end):
            prev = _PREV_WORD_REVERSED.match(key[max(0, start - 40) : start][::-1])
            if prev is None or prev.group(1)[::-1] not in _NOT_GROUPED_AFTER:
                while (
                    j + 1 < len(matches)
                    and matches[j + 1][0] == matches[j][1] + 1
                    and text[matches[j][1]] in _GROUP_SPACES
                    and _NEXT_GROUP.fullmatch(text, *matches[j + 1])
                ):
                    j += 1
        end = matches[j][1]
        yield start, end, text[start:end]
        i = j + 1


def scan_tokens(
    text: str,
    key: str | None = None,
    documents: list[tuple[int, int, DocumentRef]] | None = None,
) -> list[Token]:
    """Every digit run of the NFC ``text``, classified.

    ``key`` is the text's fold and ``documents`` its `find_documents`, when the caller has them at
    hand.

    Example:
        >>> from antq_domain.extract._scan import scan_tokens
        >>> [(t.text, t.reason.value if t.reason else None) for t in scan_tokens(
        ...     "Chương trình 09/CTr-BCA-MTTQ, tổng kết 10 năm; 85/85 xã")]
        [('09', 'document_number'), ('10', 'period_length'), ('85/85', None)]
    """
    if key is None:
        from antq_domain.extract._text import fold  # noqa: PLC0415 - cheap, avoids a cycle

        key = fold(text)
    urls = _spans(_URL, key)
    last = 0  # a file name: back to the whitespace before it, or to the file name before it
    for m in _FILE_EXT.finditer(key):
        space = max(text.rfind(" ", last, m.start()), text.rfind("\n", last, m.start()))
        urls[0].append(space + 1 if space >= 0 else last)
        urls[1].append(m.end())
        last = m.end()
    order = sorted(range(len(urls[0])), key=urls[0].__getitem__)
    urls = ([urls[0][k] for k in order], [urls[1][k] for k in order])
    if documents is None:
        documents = find_documents(text)
    docs = ([s for s, _, _ in documents], [e for _, e, _ in documents])
    quoted = _spans(_QUOTED, text)
    out: list[Token] = []
    for s, e, tok in _grouped(text, key):
        reason: UnusedReason | None
        if _inside(urls, s, e):
            reason = UnusedReason.URL
        elif _inside(docs, s, e):
            reason = UnusedReason.DOCUMENT_NUMBER
        elif _inside(quoted, s, e):
            reason = UnusedReason.NAME
        else:
            reason = _classify(key, s, e, tok)
        out.append(Token(s, e, tok, reason))
    return out
