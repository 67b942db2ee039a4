"""The period a text is about, with the words that say so.

In order: a part of a year stated outright ("7 tháng đầu năm 2023", "9 tháng
năm 2024", "sáu tháng đầu năm", "nửa cuối năm", "quý II/2020", "từ tháng 1 đến
tháng 6 năm 2024", "từ ngày 1/1/2024 đến ngày 30/6/2024", and "từ đầu năm đến nay"
up to the article's date, as "từ tháng 7/2025 đến nay"; "từ đầu năm 2021 đến nay",
"từ năm 2015 đến nay" in a text of a later year, "trong năm 2025" in an article of
that year), else the year most often written "năm YYYY", else a span ("giai đoạn
2010 – 2014", "nhiệm kỳ 2020 – 2025", "(2019 – 2024)", "từ năm 2013 đến năm 2022"),
else a stretch from a month to a day ("từ cuối tháng 12-2020 … đến ngày 2-2-2021"), else
the years back from the article ("tổng kết 10 năm"), else the year of the
article's date. The article's date is a ``date YYYY-MM[-DD]`` line, a
dateline ("08:37 03/07/2020", "12/08/2022, 12:03") near the top, or the day a news lead opens
with ("Ngày 16-8, …", "Sáng 2/7, …"; its year from the date line or the
year the text names); a date line of a month alone takes the day its opening sentence
names in that month ("… tổ chức ngày 29-7, …").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection
from datetime import date

from antq_domain.errors import AntqError
from antq_domain.extract._place import evidence
from antq_domain.extract._text import Normalised, Scanned
from antq_domain.extract.results import Evidence
from antq_domain.extract.vocabulary import rule_on
from antq_domain.values.period import Period

__all__ = ["article_date", "find_period"]

# Each pattern opens with a class or a word and looks behind it for a word
# character, so the regex engine skips ahead at C speed ("(?<!\w)năm" is
# "năm(?<!\wnăm)").
# The months of a part of a year, in digits or in words ("sáu tháng đầu năm", "chín tháng
# năm 2024"); "nửa" (half) is six.
_MONTH_WORDS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "nửa": 6,
}
# The number of months, read back from the words after it ("… tháng đầu năm"): the scan
# looks for those words (a few letters the engine finds fast), then at most 16 characters
# before them.
_N_MONTHS_BEFORE = re.compile(
    r"(?<!\w)([0-9]{1,2}|" + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True)) + r")( tháng)? $"
)
_P_FIRST = re.compile(r"(?:đầu(?<!\wđầu)|cuối(?<!\wcuối)) năm(?: ([0-9]{4}))?")
_P_QUARTER = re.compile(r"quý(?<!\wquý) ([ivx]+|[1-4])(?:[ ]?[/-][ ]?|,? năm )([0-9]{4})(?![0-9])")
_P_YEAR = re.compile(r"năm(?<!\wnăm) ([0-9]{4})(?![0-9]|[ ]?[-–][ ]?[0-9])")
_P_DATE_BEFORE = re.compile(r"tháng [0-9]{1,2},? $")
# "9 tháng năm 2024": the first nine months (a report of N months runs from January).
_P_MONTHS = re.compile(r"tháng(?<!\wtháng) năm ([0-9]{4})(?![0-9])")
# "giai đoạn 2010 – 2014", "giai đoạn từ năm 2013 đến năm 2022", "từ năm 2013 đến 2022",
# "10 năm (2006 – 2016)".
# "nhiệm kỳ 2020 – 2025" (a term of office), "trong 5 năm qua (2019 – 2024)": a span in
# brackets anywhere, of at most 20 years (`_stretch`; "(1945 – 2025)" is an anniversary).
_P_SPAN = re.compile(
    r"(?:(?:giai đoạn(?<!\wgiai đoạn)|nhiệm kỳ(?<!\wnhiệm kỳ))[ ,]+(?:từ )?|từ(?<!\wtừ) |\()"
    r"(?:năm )?((?:19|20)[0-9]{2})[ ]*(?:[-–]|đến(?: năm)?)[ ]*((?:19|20)[0-9]{2})(?![0-9])"
)
_MAX_SPAN_YEARS = 20
# "từ (đầu|giữa|cuối) tháng 12-2020" … "đến ngày 2-2-2021", in one paragraph.
_P_FROM_MONTH = re.compile(
    r"từ(?<!\wtừ) (?:(?:đầu|giữa|cuối) )?tháng ([0-9]{1,2})[ ]?[-/][ ]?(?:năm )?([0-9]{4})"
    r"|từ(?<!\wtừ) (?:(?:đầu|giữa|cuối) )?tháng ([0-9]{1,2}) năm ([0-9]{4})"
)
_P_TO_DAY = re.compile(
    r"đến(?<!\wđến) (?:hết )?ngày ([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})(?![0-9])"
)
# Ranges stated outright (`_ranges`): days, months, New Year's Day to a day.
_MIN_RANGE_DAYS = 27  # a month at least (February 1 to 28)
_DMY_PART = r"([0-9]{1,2})[ ]?[-/.][ ]?([0-9]{1,2})"
_P_DAY_RANGE = re.compile(
    r"từ(?<!\wtừ) (?:ngày )?" + _DMY_PART + r"(?:[ ]?[-/.][ ]?([0-9]{4}))?(?![0-9])[ ]*"
    r"(?:đến|tới|[-–])[ ]*(?:hết )?(?:ngày )?" + _DMY_PART + r"[ ]?[-/.][ ]?([0-9]{4})(?![0-9])"
)
_P_MONTH_RANGE = re.compile(
    r"từ(?<!\wtừ) tháng ([0-9]{1,2})(?:[ ]?[-/][ ]?([0-9]{4}))?(?![0-9])[ ]*"
    r"(?:đến|tới|[-–])[ ]*(?:(?:hết )?tháng ([0-9]{1,2})(?:[ ]?[-/][ ]?|,? năm )|([0-9]{1,2})/)"
    r"([0-9]{4})(?![0-9])"
)
_P_NEW_YEAR_TO_DAY = re.compile(
    r"từ(?<!\wtừ) đầu năm(?: ([0-9]{4}))? (?:đến|tới) (?:hết )?ngày "
    + _DMY_PART
    + r"[ ]?[-/.][ ]?([0-9]{4})(?![0-9])"
)
# "từ đầu năm (2024) đến nay", and "tổng kết 10 năm", "trong 10 năm" (ending at the article's date).
# "từ năm 2015 đến nay" (since 2015) likewise.
_P_SINCE_NEW_YEAR = re.compile(
    r"từ(?<!\wtừ) (?:đầu năm(?: ([0-9]{4}))?|năm ([0-9]{4})) (?:đến|tới) (?:nay|bây giờ)"
)
# "trong năm 2025": during the year (up to the article's date when it was written in that year).
_P_DURING_YEAR = re.compile(r"trong(?<!\wtrong) năm ([0-9]{4})(?![0-9])")
# Not "10 năm Ngày hội …", "20 năm thành lập": years since a founding name an
# anniversary, not the stretch a report reviews.
_P_YEARS_BACK = re.compile(
    r"(?<!\w)(?:tổng kết|trong|sau) ([0-9]{1,2}) năm(?! [0-9])"
    r"(?![ ]*[“\"]?[ ]*(?:ngày hội|ngày truyền thống|thành lập))"
)
# The article's date: the corpus's "date 2022-11" line, or a dateline with a time.
_P_DATE_LINE = re.compile(r"^date ([0-9]{4})-([0-9]{2})(?:-([0-9]{2}))?[ ]*$", re.MULTILINE)
# The time may come first ("08:37 03/07/2020") or last ("Thứ Sáu, 12/08/2022, 12:03").
_P_DATELINE = re.compile(
    r"[0-9]{1,2}:[0-9]{2}[^\n]{0,30}?([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})(?![0-9])"
    r"|(?<![0-9])([0-9]{1,2})/([0-9]{1,2})/([0-9]{4}),?[ ]*(?:-[ ]*)?[0-9]{1,2}:[0-9]{2}(?![0-9])"
)
# The day a news lead opens with, at the start of a line: "Ngày 4-8, …", "(GLO)- Ngày
# 16-8, …", "Sáng 20.2, …", "Vào lúc 13 giờ 30 ngày 13/8/2015, …" (Vietnamese news
# reports open on the day of the event they report; the article follows it).
_P_LEAD_DAY = re.compile(
    r"^(?:\([^)\n]{1,30}\)[ ]?[-–]?[ ]?)?(?:vào lúc [0-9]{1,2} giờ(?: [0-9]{1,2})? )?"
    r"(?:(?:sáng|trưa|chiều|tối)(?: ngày)?|ngày) ([0-9]{1,2})[-/.]([0-9]{1,2})"
    r"(?:[-/.]([0-9]{4}))?(?![0-9])",
    re.MULTILINE,
)
_TOP = 800  # characters of the top of the text where the article's date is looked for


def article_date(key: str, year: int | None = None) -> date | None:
    r"""When the article was published, from a ``date`` line, a dateline or its lead.

    A month alone ("date 2022-11") is its last day, unless the lead opens on a
    day of that month ("Ngày 16-8, …"); a lead's day without a year takes
    ``year`` (the year the text names).

    Example:
        >>> from antq_domain.extract._period import article_date
        >>> article_date("tin\n08:37 03/07/2020\n"), article_date("date 2022-11\n")
        (datetime.date(2020, 7, 3), datetime.date(2022, 11, 30))
        >>> article_date("date 2022-08\n(abc)- ngày 16-8, huyện")  # a folded key
        datetime.date(2022, 8, 16)
        >>> article_date("ngày 4-8, phường tổ chức", 2020), article_date("ngày 4-8, phường")
        (datetime.date(2020, 8, 4), None)
    """
    found = _article_date(key, year)
    return found[0] if found is not None else None


def _article_date(key: str, year: int | None) -> tuple[date, int, int] | None:
    """`article_date` with the span of the words that state it."""
    top = key[:_TOP]
    m = _P_DATE_LINE.search(top)
    lead = _P_LEAD_DAY.search(top)
    d = _P_DATELINE.search(top) if m is None else None
    try:
        if m is not None:
            y, month = int(m.group(1)), int(m.group(2))
            if m.group(3):
                found = date(y, month, int(m.group(3))), m.start(), m.end()
            elif (
                lead is not None and int(lead.group(2)) == month and lead.group(3) in (None, str(y))
            ):
                found = date(y, month, int(lead.group(1))), lead.start(1), lead.end()
            elif (stamp := _url_day(key, y, month)) is not None:
                found = stamp
            elif (event := _event_day(key, m.end(), y, month)) is not None:
                found = event
            else:
                found = Period.month(y, month).end, m.start(), m.end()
            return found
        if d is not None:
            first = 1 if d.group(1) else 4
            day, mon, yr = (int(d.group(first + i)) for i in range(3))
            return date(yr, mon, day), d.start(first), d.end()
        on = int(lead.group(3)) if lead is not None and lead.group(3) else year
        if lead is not None and on is not None:
            return date(on, int(lead.group(2)), int(lead.group(1))), lead.start(1), lead.end()
    except (AntqError, ValueError):
        return None
    return None


# "… do thị trấn Nhơn Hòa tổ chức ngày 29-7, …": a day and month in the opening sentence.
_P_DAY_MONTH = re.compile(r"ngày(?<!\wngày) ([0-9]{1,2})[-/.]([0-9]{1,2})(?![0-9]|[-/.][0-9])")
_OPENING = 300  # characters of the opening sentence looked at


def _event_day(key: str, after: int, year: int, month: int) -> tuple[date, int, int] | None:
    """The day of ``year``-``month`` the opening sentence after ``after`` names, if one.

    A news report names the day of the event it reports in its first sentence,
    wherever in it ("Tại Ngày hội … tổ chức ngày 29-7, …"); the article follows it.
    """
    # the opening sentence: up to its full stop or the end of its paragraph
    top = key[after : after + _OPENING]
    starts = len(top) - len(top.lstrip("\n"))
    ends = [i for i in (top.find(". ", starts), top.find("\n", starts)) if i >= 0]
    stop = after + (min(ends) if ends else len(top))
    for m in _P_DAY_MONTH.finditer(key, after, stop):
        if int(m.group(2)) == month:
            day = _day(year, month, int(m.group(1)))
            return (day, m.start(1), m.end()) if day is not None else None
    return None


# A publication stamp in a web address ("…-20240809175912446.htm"): year, month, day and
# (often) the time, as news sites number their articles.
_URL_STAMP = re.compile(r"(?<![0-9])(20[0-9]{2})([01][0-9])([0-3][0-9])(?:[0-2][0-9][0-5][0-9])?")


def _url_day(key: str, year: int, month: int) -> tuple[date, int, int] | None:
    """The day of ``year``-``month`` a web address on the first line stamps, if one does."""
    line_end = key.find("\n")
    host = _HOST_START.search(key, 0, line_end if line_end >= 0 else len(key))
    if host is None:
        return None
    for m in _URL_STAMP.finditer(key, host.end(), line_end if line_end >= 0 else len(key)):
        if (int(m.group(1)), int(m.group(2))) == (year, month):
            try:
                return date(year, month, int(m.group(3))), m.start(), m.end(3)
            except ValueError:
                return None
    return None


_HOST_START = re.compile(r"https?://")


def _parse(text: str) -> Period | None:
    try:
        return Period.parse(text)
    except (AntqError, ValueError):
        return None


def _main_year(key: str) -> tuple[int | None, list[tuple[int, int, int]]]:
    """The year most often written "năm YYYY" (not in a date, not an end of a span)."""
    spans = [(m.start(), m.end()) for m in _P_SPAN.finditer(key)]
    ends = [e for _, e in spans]

    def in_span(pos: int) -> bool:
        i = bisect_right(ends, pos)
        return i < len(spans) and spans[i][0] <= pos

    years = [
        (int(m.group(1)), m.start(), m.end())
        for m in _P_YEAR.finditer(key)
        if not _P_DATE_BEFORE.search(key, max(0, m.start() - 14), m.start())
        and not in_span(m.start())
    ]
    counts = Counter(y for y, _, _ in years)
    first_at: dict[int, int] = {}
    for y, s, _ in years:
        first_at.setdefault(y, s)
    if not counts:
        return None, years
    # The year named most often; on a tie, the one named first.
    return max(counts, key=lambda y: (counts[y], -first_at[y])), years


def _part_of_year(
    key: str, main_year: int | None, published: date | None = None
) -> tuple[Period, int, int] | None:
    """The first part of a year stated outright, or ``None`` (``published``: see `_ranges`)."""
    stated: list[tuple[int, int, str]] = []
    for m in _P_FIRST.finditer(key):
        n = _N_MONTHS_BEFORE.search(key, max(0, m.start() - 16), m.start())
        year = m.group(1) or main_year
        # "nửa" needs no "tháng"; a number does ("5 đầu năm" is no part of a year)
        if n is None or year is None or (n.group(1) == "nửa") == bool(n.group(2)):
            continue
        half = key[m.start() : m.start() + 4].rstrip()
        words = f"{_months(n.group(1))} tháng {half} năm {year}"
        stated.append((n.start(), m.end(), words))
    for m in _P_MONTHS.finditer(key):
        n = _N_MONTHS_BEFORE.search(key, max(0, m.start() - 12), m.start() + 6)
        if n is not None and n.group(2) and 0 < _months(n.group(1)) < 12:
            words = f"{_months(n.group(1))} tháng đầu năm {m.group(1)}"
            stated.append((n.start(), m.end(), words))
    stated.extend(_ranges(key, published))
    stated.extend(
        (m.start(), m.end(), f"quý {m.group(1)}/{m.group(2)}") for m in _P_QUARTER.finditer(key)
    )
    for s, e, words in sorted(stated):
        if (found := _parse(words)) is not None:
            return found, s, e
    return None


def _months(written: str) -> int:
    """A number of months written in digits or in words ("9", "chín", "nửa")."""
    return int(written) if written.isdigit() else _MONTH_WORDS[written]


def _ranges(key: str, published: date | None = None) -> list[tuple[int, int, str]]:
    """Ranges of days or months stated outright, as (start, end, "YYYY-MM-DD/YYYY-MM-DD").

    "từ ngày 1/1/2024 đến ngày 30/6/2024", "từ tháng 1 đến tháng 6 năm 2024", "từ
    tháng 1/2024 đến tháng 6/2024", "từ đầu năm 2024 đến ngày 30/9/2024": a part of a
    year (or of two) stated outright. A range of days must open on the first of a
    month and run a month or more (else it is an event's dates). The last month may be
    written alone with its year ("từ tháng 5 đến 8/2024"); a range of months ending in the
    month the article was written (``published``) ends on that day: a report counts nothing
    after it was written.
    """
    out: list[tuple[int, int, str]] = []
    for m in _P_DAY_RANGE.finditer(key):
        d1, m1, y1, d2, m2, y2 = m.group(1, 2, 3, 4, 5, 6)
        year2 = int(y2)
        first = _day(int(y1) if y1 else year2, int(m1), int(d1))
        last = _day(year2, int(m2), int(d2))
        # A report's period opens on the first of a month and runs a month or more; a few
        # days ("từ ngày 9/8 đến ngày 13/8") are the dates of an event it reports.
        if (
            first is not None
            and last is not None
            and first.day == 1
            and (last - first).days >= _MIN_RANGE_DAYS
        ):
            out.append((m.start(), m.end(), f"{first.isoformat()}/{last.isoformat()}"))
    for m in _P_MONTH_RANGE.finditer(key):
        m1, y1, m2, y2 = m.group(1), m.group(2), m.group(3) or m.group(4), m.group(5)
        year2 = int(y2)
        try:
            first = Period.month(int(y1) if y1 else year2, int(m1)).start
            last = Period.month(year2, int(m2)).end
        except (AntqError, ValueError):
            continue
        if published is not None and first < published < last:
            last = published
        if first < last:
            out.append((m.start(), m.end(), f"{first.isoformat()}/{last.isoformat()}"))
    for m in _P_NEW_YEAR_TO_DAY.finditer(key):
        y1, d2, m2, y2 = m.group(1, 2, 3, 4)
        last = _day(int(y2), int(m2), int(d2))
        if last is not None and (y1 is None or int(y1) == last.year) and last.month < 12:
            out.append((m.start(), m.end(), f"{last.year}-01-01/{last.isoformat()}"))
    return out


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# "từ tháng 7/2025 đến nay", "từ tháng 7 năm 2025 đến nay": since a month, up to now.
_P_SINCE_MONTH = re.compile(
    r"từ(?<!\wtừ) tháng ([0-9]{1,2})(?:[ ]?[-/][ ]?|,? năm )([0-9]{4})(?![0-9]) (?:đến|tới) "
    r"(?:nay|bây giờ)"
)


def _since_month(key: str, published: date | None) -> tuple[Period, int, int] | None:
    """From a month stated to the article's date: "từ tháng 7/2025 đến nay"."""
    m = _P_SINCE_MONTH.search(key)
    if m is None or published is None:
        return None
    try:
        start = Period.month(int(m.group(2)), int(m.group(1))).start
    except (AntqError, ValueError):
        return None
    if start < published and (p := _parse(f"{start.isoformat()}/{published.isoformat()}")):
        return p, m.start(), m.end()
    return None


def _since_new_year(
    key: str, published: tuple[date, int, int] | None, main_year: int | None
) -> tuple[Period, int, int] | None:
    """From New Year's Day to the article's date: "từ đầu năm (YYYY) đến nay".

    A part of a year stated outright, like "7 tháng đầu năm": it wins over
    the year the text names ("Ngày hội năm 2020") when that is the article's year.
    "Từ đầu năm 2021 đến nay" in a text of a later year (its article's, else
    the one it names: "Ngày hội năm 2022") runs over both years: ``2021/2022``.
    "Trong năm 2025" (during 2025) in an article dated before that year ended
    can only count up to the article's date: 1 January to that date.
    """
    new_year = _P_SINCE_NEW_YEAR.search(key)
    now = published[0].year if published is not None else main_year
    since_year = new_year.group(1) or new_year.group(2) if new_year is not None else None
    if new_year is not None and since_year and now is not None:
        since = int(since_year)
        if since < now and main_year in (None, since, now) and (p := _parse(f"{since}/{now}")):
            return p, new_year.start(), new_year.end()
    if published is None:
        return None
    on = published[0]
    if new_year is None or (since_year and int(since_year) != on.year):
        during = _P_DURING_YEAR.search(key)
        if during is None or int(during.group(1)) != on.year or main_year != on.year:
            return None
        new_year = during
    if main_year is not None and main_year != on.year:
        return None
    start = date(on.year, 1, 1)
    if start < on < date(on.year, 12, 31) and (
        p := _parse(f"{start.isoformat()}/{on.isoformat()}")
    ):
        return p, new_year.start(), new_year.end()
    return None


def _stretch(
    key: str, published: date | None, leave_out: Collection[str]
) -> tuple[Period, int, int] | None:
    """A span of years, a stretch from a month to a day, or years back from publication."""
    for m in _P_SPAN.finditer(key):
        y1, y2 = int(m.group(1)), int(m.group(2))
        if m.group(0).startswith("(") and y2 - y1 > _MAX_SPAN_YEARS:
            continue
        if y1 < y2 and (p := _parse(f"{y1}/{y2}")):
            return p, m.start(), m.end()
    since = _P_FROM_MONTH.search(key) if rule_on("from a month to a day", leave_out) else None
    if since is not None:
        month, year = since.group(1, 2) if since.group(1) else since.group(3, 4)
        paragraph_end = key.find("\n", since.end())
        to = _P_TO_DAY.search(key, since.end(), paragraph_end if paragraph_end >= 0 else len(key))
        if to is not None:
            try:
                start = date(int(year), int(month), 1)
                end = date(int(to.group(3)), int(to.group(2)), int(to.group(1)))
            except ValueError:
                start = end = date.min
            if start < end and (p := _parse(f"{start.isoformat()}/{end.isoformat()}")):
                return p, since.start(), to.end()
    if published is None:
        return None
    back = _P_YEARS_BACK.search(key)
    if (
        back is not None
        and 1 < int(back.group(1)) <= 50
        and rule_on("years back from the article", leave_out)
    ):
        first = published.year - int(back.group(1)) + 1
        if p := _parse(f"{first}/{published.year}"):
            return p, back.start(), back.end()
    return None


# "hội nghị tổng kết … năm 2019; triển khai chương trình công tác năm 2020": a review
# (tổng kết) is of a year that has ended, and the year after it is the one planned.
_P_REVIEW = re.compile(r"tổng(?<!\wtổng) kết[^.;\n]{0,100}?năm ([0-9]{4})(?![0-9])")


def _reviewed_year(key: str, main_year: int | None) -> int | None:
    """The year a review names, when the year named most is the one after it (the plan's)."""
    if main_year is None:
        return None
    for m in _P_REVIEW.finditer(key):
        if int(m.group(1)) == main_year - 1:
            return main_year - 1
    return None


def find_period(
    norm: Normalised, sc: Scanned, leave_out: Collection[str] = ()
) -> tuple[Period | None, Evidence | None]:
    """The period of the text and the words that state it (see the module's order)."""
    key = sc.key
    main_year, years = _main_year(key)
    main_year = _reviewed_year(key, main_year) or main_year
    published = _article_date(key, main_year)
    on = published[0] if published is not None else None
    found = (
        _part_of_year(key, main_year, on)
        or _since_month(key, on)
        or _since_new_year(key, published, main_year)
    )
    if found is None and main_year is not None:
        try:
            year = Period.year(main_year)
        except (AntqError, ValueError):
            year = None
        if year is not None:
            _, s, e = next(t for t in years if t[0] == main_year)
            found = (year, s, e)
    if found is None:
        found = _stretch(key, published[0] if published else None, leave_out)
    if found is None and published is not None:
        # A report that names no year is about the year it was written in.
        try:
            found = (Period.year(published[0].year), published[1], published[2])
        except (AntqError, ValueError):
            found = None
    if found is None:
        return None, None
    period, s, e = found
    return period, evidence(norm, "period", str(period), s, e)
