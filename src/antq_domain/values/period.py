# Size: one value type: Period's kinds, canonical ids, Vietnamese forms, arithmetic and tiling
# are methods of one class; about half the lines are docstrings and their examples.
"""Reporting periods: years, halves, quarters, months, ISO weeks, days, ranges and spans.

A [`Period`][antq_domain.Period] is an inclusive run of calendar days with a *kind*.
Its canonical id follows DHIS2 where DHIS2 has one (``2023``, ``2023S1``, ``2023Q1``, ``202301``,
``2023W01``, ``20230115``); an arbitrary date range is an ISO interval (``2023-01-01/2023-07-31``)
and a multi-year span is ``2013/2023`` (both years included).
[`Period.parse`][antq_domain.values.period.Period.parse] reads the ids and the Vietnamese forms
found in reports ("quý II/2020", "7 tháng đầu năm 2023", "giai đoạn 2013-2023", "ngày 01 tháng 8 năm
2013", ...).

Example:
    >>> from antq_domain.values.period import Period
    >>> Period.parse("quý II/2020")
    Period('2020Q2')
    >>> Period.parse("7 tháng đầu năm 2023")
    Period('2023-01-01/2023-07-31')
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from typing import Any, Final

import attrs
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from antq_domain.errors import AntqTypeError, InvariantError, ParseError
from antq_domain.values._checks import code_of
from antq_domain.values._codelist import Codelist
from antq_domain.values._pydantic import text_core_schema
from antq_domain.values.label import Lang

__all__ = ["PERIOD_ID_PATTERN", "Period", "PeriodKind"]


class PeriodKind(Codelist, field="period.kind"):
    """The kind of a period: six standard calendar kinds, plus ranges and spans.

    The standard kinds (``year``, ``half_year``, ``quarter``, ``month``,
    ``week``, ``day``) tile the calendar: every day lies in exactly one
    period of each standard kind. ``range`` is any inclusive run of days and
    ``span`` any run of two or more whole years.

    Example:
        >>> from antq_domain.values.period import PeriodKind
        >>> PeriodKind("quarter").label.vi
        'quý'
        >>> PeriodKind.RANGE.is_standard
        False
    """

    YEAR = ("year", "năm", "year")
    HALF_YEAR = ("half_year", "6 tháng", "half-year")
    QUARTER = ("quarter", "quý", "quarter")
    MONTH = ("month", "tháng", "month")
    WEEK = ("week", "tuần", "ISO week")
    DAY = ("day", "ngày", "day")
    RANGE = ("range", "khoảng thời gian", "date range")
    SPAN = ("span", "giai đoạn", "multi-year span")

    @property
    def is_standard(self) -> bool:
        """Whether periods of this kind tile the calendar (all but range and span).

        Example:
            >>> from antq_domain.values.period import PeriodKind
            >>> PeriodKind.WEEK.is_standard, PeriodKind.SPAN.is_standard
            (True, False)
        """
        return self not in (PeriodKind.RANGE, PeriodKind.SPAN)


_KIND_RANK: Final[dict[PeriodKind, int]] = {k: i for i, k in enumerate(PeriodKind)}

PERIOD_ID_PATTERN: Final[str] = (
    r"^([0-9]{4}|[0-9]{4}S[12]|[0-9]{4}Q[1-4]|[0-9]{4}(0[1-9]|1[0-2])|[0-9]{4}W(0[1-9]|[1-4][0-9]|5[0-3])"
    r"|[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])"
    r"|[0-9]{4}-[0-9]{2}-[0-9]{2}/[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}/[0-9]{4})$"
)
"""JSON Schema pattern of the canonical period ids (the wire form)."""

_CALENDAR: Final = "a period within the calendar years 1 to 9999"
_CALENDAR_VI: Final = "một kỳ nằm trong các năm dương lịch từ 1 đến 9999"


# -- small checked helpers -----------------------------------------------------
def _int(field: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AntqTypeError(field, value, "an int", expected_vi="một số nguyên")
    return value


def _year(field: str, value: object) -> int:
    year = _int(field, value)
    if not 1 <= year <= 9999:
        raise InvariantError(
            field, year, "a year between 1 and 9999", expected_vi="một năm từ 1 đến 9999"
        )
    return year


def _plain_date(field: str, value: object) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise AntqTypeError(
            field,
            value,
            "a datetime.date (not a datetime)",
            expected_vi="một datetime.date (không kèm giờ)",
        )
    return value


def make_date(field: str, year: int, month: int, day: int) -> date:
    """A calendar date, or [`InvariantError`][antq_domain.InvariantError] naming ``field``.

    Example:
        >>> from antq_domain.values.period import make_date
        >>> make_date("day", 2024, 2, 29)
        datetime.date(2024, 2, 29)
        >>> make_date("day", 2023, 2, 29)
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: day='2023-02-29': expected a real calendar date
    """
    try:
        return date(year, month, day)
    except ValueError:
        raise InvariantError(
            field,
            f"{year:04d}-{month:02d}-{day:02d}",
            "a real calendar date",
            expected_vi="một ngày có thật trong lịch",
        ) from None


_MONTH_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_end(year: int, month: int) -> date:
    # February has 29 days in a Gregorian leap year; every other month its fixed count.
    leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return date(year, month, 29 if leap else _MONTH_DAYS[month - 1])


# Standard periods and parsed ids are values: the same id gives the same object,
# so a file of millions of rows with a few dozen period ids builds a few dozen
# periods. Keys are checked plain ints (``type(x) is int``: a bool is not a year).
_STANDARD: dict[tuple[PeriodKind, int, int], Period] = {}
_PARSED: dict[str, Period] = {}
_PARSED_MAX: Final = 1 << 16  # ids kept; past this, parsing still works, uncached


def _plain_ints(*values: object) -> bool:
    return all(type(v) is int for v in values)


def _weeks_in(year: int) -> int:
    # 28 December always lies in the last ISO week of its year.
    return date(year, 12, 28).isocalendar().week


def _guard(what: str, build: Callable[[], Period]) -> Period:
    """Run ``build``; a date beyond the calendar becomes an InvariantError."""
    try:
        return build()
    except (OverflowError, ValueError) as err:
        if isinstance(err, InvariantError):
            raise
        raise InvariantError("period", what, _CALENDAR, expected_vi=_CALENDAR_VI) from None


def _standard_bounds(kind: PeriodKind, day: date) -> tuple[date, date]:
    """The first and last day of the ``kind`` period holding ``day``."""
    y, m = day.year, day.month
    if kind is PeriodKind.YEAR:
        return date(y, 1, 1), date(y, 12, 31)
    if kind is PeriodKind.HALF_YEAR:
        first = 1 if m <= 6 else 7
        return date(y, first, 1), _month_end(y, first + 5)
    if kind is PeriodKind.QUARTER:
        first = 3 * ((m - 1) // 3) + 1
        return date(y, first, 1), _month_end(y, first + 2)
    if kind is PeriodKind.MONTH:
        return date(y, m, 1), _month_end(y, m)
    if kind is PeriodKind.WEEK:
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if kind is PeriodKind.DAY:
        return day, day
    raise InvariantError(
        "period.kind", kind.value, "a standard kind", expected_vi="một loại kỳ chuẩn"
    )  # pragma: no cover


def _check_bounds(kind: PeriodKind, start: date, end: date) -> None:
    if kind is PeriodKind.RANGE:
        if end < start:
            raise InvariantError(
                "period.end",
                end.isoformat(),
                f"on or after {start.isoformat()}",
                expected_vi=f"không trước {start.isoformat()}",
            )
        return
    if kind is PeriodKind.SPAN:
        if (start.month, start.day) != (1, 1):
            raise InvariantError(
                "period.start",
                start.isoformat(),
                "1 January of the first year",
                expected_vi="ngày 1 tháng 1 của năm đầu",
            )
        if (end.month, end.day) != (12, 31):
            raise InvariantError(
                "period.end",
                end.isoformat(),
                "31 December of the last year",
                expected_vi="ngày 31 tháng 12 của năm cuối",
            )
        if end.year <= start.year:
            raise InvariantError(
                "period.end",
                end.year,
                f"a year after {start.year}",
                expected_vi=f"một năm sau {start.year}",
            )
        return
    try:
        first, last = _standard_bounds(kind, start)
    except OverflowError:
        raise InvariantError(
            "period.start", start.isoformat(), _CALENDAR, expected_vi=_CALENDAR_VI
        ) from None
    if first != start:
        raise InvariantError(
            "period.start",
            start.isoformat(),
            f"the first day of a {kind.value}",
            expected_vi=f"ngày đầu tiên của một kỳ {kind.text('vi')}",
        )
    if last != end:
        raise InvariantError(
            "period.end",
            end.isoformat(),
            f"{last.isoformat()}, the last day of that {kind.value}",
            expected_vi=f"{last.isoformat()}, ngày cuối cùng của kỳ {kind.text('vi')} đó",
        )


def _kind(value: object) -> PeriodKind:
    return code_of("period.kind", value, PeriodKind, "a PeriodKind or a kind code")


def _start(value: object) -> date:
    return _plain_date("period.start", value)


def _end(value: object) -> date:
    return _plain_date("period.end", value)


_ROMAN: Final = ("I", "II", "III", "IV")
MONTHS_EN: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
"""English month names, January first (shared with ``partial_date``)."""


def _dmy_vi(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def _dmy_en(d: date) -> str:
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year:04d}"


@attrs.frozen(repr=False, cache_hash=True)
class Period:
    """An inclusive run of calendar days of one kind, named by a canonical id.

    A value: two periods are equal when kind, first day and last day are. A range whose bounds
    happen to equal a standard period (1 January to 31 March) stays a range and is *not* equal to
    the quarter; [`as_standard`][antq_domain.values.period.Period.as_standard] gives the quarter.
    ``<`` is not defined (a quarter and a month inside it have no honest order); sort with
    [`sort_key`][antq_domain.values.period.Period.sort_key].

    The canonical id is written by ``str`` and read back by
    [`parse`][antq_domain.values.period.Period.parse] (``parse(str(p)) == p``);
    [`format`][antq_domain.values.period.Period.format] writes the Vietnamese or English display
    form, which [`parse`][antq_domain.values.period.Period.parse] also reads for Vietnamese.

    Args:
        kind: a [`PeriodKind`][antq_domain.values.period.PeriodKind] (or its code).
        start: the first day (a ``datetime.date``).
        end: the last day, inclusive; for standard kinds it must be the last
            day of the period starting at ``start``.

    Example:
        >>> from datetime import date
        >>> from antq_domain.values.period import Period
        >>> q = Period.quarter(2023, 1)
        >>> q, q.start, q.end
        (Period('2023Q1'), datetime.date(2023, 1, 1), datetime.date(2023, 3, 31))
        >>> Period.parse(str(q)) == q
        True
        >>> q.contains(date(2023, 2, 14)), q.next()
        (True, Period('2023Q2'))
        >>> Period("quarter", date(2023, 2, 1), date(2023, 4, 30))
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: period.start='2023-02-01': expected the first day ...
    """

    kind: PeriodKind = attrs.field(converter=_kind)
    start: date = attrs.field(converter=_start)
    end: date = attrs.field(converter=_end)

    def __attrs_post_init__(self) -> None:
        _check_bounds(self.kind, self.start, self.end)

    # -- constructors ---------------------------------------------------------
    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year ``year``.

        Example:
            >>> from antq_domain.values.period import Period
            >>> Period.year(2023)
            Period('2023')
        """
        if _plain_ints(year) and (hit := _STANDARD.get((PeriodKind.YEAR, year, 0))):
            return hit
        y = _year("period.year", year)
        made = cls(PeriodKind.YEAR, date(y, 1, 1), date(y, 12, 31))
        _STANDARD[(PeriodKind.YEAR, y, 0)] = made
        return made

    @classmethod
    def half_year(cls, year: int, half: int) -> Period:
        """Half ``half`` (1: January-June, 2: July-December) of ``year``.

        Example:
            >>> from antq_domain.values.period import Period
            >>> Period.half_year(2023, 2).start
            datetime.date(2023, 7, 1)
        """
        if _plain_ints(year, half) and (hit := _STANDARD.get((PeriodKind.HALF_YEAR, year, half))):
            return hit
        y = _year("period.year", year)
        if _int("period.half", half) not in (1, 2):
            raise InvariantError(
                "period.half", half, "a half-year 1 or 2", expected_vi="nửa năm 1 hoặc 2"
            )
        first = 6 * half - 5
        made = cls(PeriodKind.HALF_YEAR, date(y, first, 1), _month_end(y, first + 5))
        _STANDARD[(PeriodKind.HALF_YEAR, y, half)] = made
        return made

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """Quarter ``quarter`` (1 to 4) of ``year``.

        Example:
            >>> from antq_domain.values.period import Period
            >>> Period.quarter(2020, 2)
            Period('2020Q2')
            >>> Period.quarter(2020, 5)
            Traceback (most recent call last):
            ...
            antq_domain.errors.InvariantError: period.quarter=5: expected a quarter between 1 and 4
        """
        if _plain_ints(year, quarter) and (
            hit := _STANDARD.get((PeriodKind.QUARTER, year, quarter))
        ):
            return hit
        y = _year("period.year", year)
        if not 1 <= _int("period.quarter", quarter) <= 4:
            raise InvariantError(
                "period.quarter",
                quarter,
                "a quarter between 1 and 4",
                expected_vi="một quý từ 1 đến 4",
            )
        first = 3 * quarter - 2
        made = cls(PeriodKind.QUARTER, date(y, first, 1), _month_end(y, first + 2))
        _STANDARD[(PeriodKind.QUARTER, y, quarter)] = made
        return made

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """Month ``month`` (1 to 12) of ``year``.

        Example:
            >>> from antq_domain.values.period import Period
            >>> Period.month(2024, 2).end
            datetime.date(2024, 2, 29)
        """
        if _plain_ints(year, month) and (hit := _STANDARD.get((PeriodKind.MONTH, year, month))):
            return hit
        y = _year("period.year", year)
        if not 1 <= _int("period.month", month) <= 12:
            raise InvariantError(
                "period.month",
                month,
                "a month between 1 and 12",
                expected_vi="một tháng từ 1 đến 12",
            )
        made = cls(PeriodKind.MONTH, date(y, month, 1), _month_end(y, month))
        _STANDARD[(PeriodKind.MONTH, y, month)] = made
        return made

    @classmethod
    def week(cls, year: int, week: int) -> Period:
        """ISO week ``week`` of ISO year ``year`` (Monday to Sunday).

        Week 1 is the week holding the year's first Thursday, so it may start
        in December of the previous year; a year has 52 or 53 weeks.

        Example:
            >>> from antq_domain.values.period import Period
            >>> Period.week(2020, 53).start
            datetime.date(2020, 12, 28)
            >>> Period.week(2023, 53)
            Traceback (most recent call last):
            ...
            antq_domain.errors.InvariantError: period.week=53: expected an ISO week of 2023 ...
        """
        y = _year("period.year", year)
        weeks = _weeks_in(y)
        if not 1 <= _int("period.week", week) <= weeks:
            raise InvariantError(
                "period.week",
                week,
                f"an ISO week of {y} (1 to {weeks})",
                expected_vi=f"một tuần ISO của năm {y} (1 đến {weeks})",
            )
        monday = date.fromisocalendar(y, week, 1)
        return _guard(
            f"{y:04d}W{week:02d}",
            lambda: cls(PeriodKind.WEEK, monday, monday + timedelta(days=6)),
        )

    @classmethod
    def day(cls, day: date) -> Period:
        """The single day ``day``.

        Example:
            >>> from datetime import date
            >>> from antq_domain.values.period import Period
            >>> Period.day(date(2023, 1, 15))
            Period('20230115')
        """
        d = _plain_date("period.day", day)
        return cls(PeriodKind.DAY, d, d)

    @classmethod
    def between(cls, start: date, end: date) -> Period:
        """The range from ``start`` to ``end``, both included (always kind ``range``).

        Example:
            >>> from datetime import date
            >>> from antq_domain.values.period import Period
            >>> Period.between(date(2023, 1, 1), date(2023, 7, 31))
            Period('2023-01-01/2023-07-31')
        """
        return cls(PeriodKind.RANGE, start, end)

    @classmethod
    def span(cls, first_year: int, last_year: int) -> Period:
        """The whole years ``first_year`` to ``last_year``, both included.

        Example:
            >>> from antq_domain.values.period import Period
            >>> p = Period.span(2013, 2023)
            >>> p, len(p.children())
            (Period('2013/2023'), 11)
        """
        first = _year("period.start", first_year)
        last = _year("period.end", last_year)
        if last <= first:
            raise InvariantError(
                "period.end", last, f"a year after {first}", expected_vi=f"một năm sau {first}"
            )
        return cls(PeriodKind.SPAN, date(first, 1, 1), date(last, 12, 31))

    @classmethod
    def containing(cls, day: date, kind: PeriodKind | str) -> Period:
        """The period of a standard ``kind`` that holds ``day``.

        Example:
            >>> from datetime import date
            >>> from antq_domain.values.period import Period
            >>> Period.containing(date(2023, 8, 1), "quarter")
            Period('2023Q3')
            >>> Period.containing(date(2021, 1, 1), "week")
            Period('2020W53')
        """
        d = _plain_date("period.day", day)
        k = _kind(kind)
        if not k.is_standard:
            raise InvariantError(
                "period.kind",
                k.value,
                "a standard kind (not range or span)",
                expected_vi="một loại kỳ chuẩn (không phải khoảng ngày hay giai đoạn)",
            )
        y, m = d.year, d.month
        if k is PeriodKind.MONTH:
            return cls.month(y, m)
        if k is PeriodKind.QUARTER:
            return cls.quarter(y, (m + 2) // 3)
        if k is PeriodKind.HALF_YEAR:
            return cls.half_year(y, 1 if m <= 6 else 2)
        if k is PeriodKind.YEAR:
            return cls.year(y)
        return _guard(d.isoformat(), lambda: cls(k, *_standard_bounds(k, d)))

    # -- text -----------------------------------------------------------------
    def __str__(self) -> str:  # noqa: PLR0911 - one return per kind
        s, k = self.start, self.kind
        if k is PeriodKind.YEAR:
            return f"{s.year:04d}"
        if k is PeriodKind.HALF_YEAR:
            return f"{s.year:04d}S{1 if s.month == 1 else 2}"
        if k is PeriodKind.QUARTER:
            return f"{s.year:04d}Q{(s.month + 2) // 3}"
        if k is PeriodKind.MONTH:
            return f"{s.year:04d}{s.month:02d}"
        if k is PeriodKind.WEEK:
            iso = s.isocalendar()
            return f"{iso.year:04d}W{iso.week:02d}"
        if k is PeriodKind.DAY:
            return f"{s.year:04d}{s.month:02d}{s.day:02d}"
        if k is PeriodKind.RANGE:
            return f"{s.isoformat()}/{self.end.isoformat()}"
        return f"{s.year:04d}/{self.end.year:04d}"

    def __repr__(self) -> str:
        return f"Period({str(self)!r})"

    @classmethod
    def parse(cls, text: str, *, year: int | None = None) -> Period:
        """Read a canonical id (the inverse of ``str``) or a Vietnamese form.

        Canonical ids: ``2023``, ``2023S1``, ``2023Q1``, ``202301``,
        ``2023W01`` (``2023W1`` is read too), ``20230115``,
        ``2023-01-01/2023-07-31``, ``2013/2023``; ISO dates ``2023-01-15`` and
        months ``2023-01`` are read as a day and a month.

        Vietnamese forms (NFC or NFD, any case): "năm 2023", "quý II/2020",
        "quý 2 năm 2020", "quý 2-2020", "tháng 8/2013", "tháng 8 năm 2013",
        "tuần 5/2023", "ngày 01 tháng 8 năm 2013", "01/8/2013" (day first),
        "từ ngày 01/01/2023 đến ngày 31/7/2023" (a range, never normalised),
        "giai đoạn 2013-2023" (a span), and "N tháng đầu năm 2023" / "N
        tháng cuối năm 2023" (the first or last N months: the standard period
        with those bounds when there is one, so 6 first months are ``S1`` and
        3 last months ``Q4``; otherwise a range).

        Args:
            text: the text to read.
            year: the year to assume when a Vietnamese form omits it ("7 tháng đầu năm", "quý II",
                "tháng 8"); without it such text is a [`ParseError`][antq_domain.ParseError].

        Example:
            >>> from antq_domain.values.period import Period
            >>> Period.parse("2023W01"), Period.parse("6 tháng đầu năm 2024")
            (Period('2023W01'), Period('2024S1'))
            >>> Period.parse("giai đoạn 2013 - 2023"), Period.parse("01/8/2013")
            (Period('2013/2023'), Period('20130801'))
            >>> Period.parse("9 tháng đầu năm", year=2023)
            Period('2023-01-01/2023-09-30')
            >>> Period.parse("2023Q5")
            Traceback (most recent call last):
            ...
            antq_domain.errors.ParseError: period='2023Q5': expected a quarter between 1 and 4
        """
        if year is None and type(text) is str and (hit := _PARSED.get(text)) is not None:
            return hit
        if not isinstance(text, str):
            raise AntqTypeError(
                "period", text, "a str such as '2023Q1'", expected_vi="một chuỗi như '2023Q1'"
            )
        if year is not None:
            _year("year", year)
        try:
            found = _parse_period(text, year)
        except InvariantError as err:
            raise ParseError("period", text, err.expected, expected_vi=err.expected_vi) from None
        if found is None:
            raise ParseError("period", text, _EXPECTED_TEXT, expected_vi=_EXPECTED_TEXT_VI)
        if year is None and type(text) is str and len(_PARSED) < _PARSED_MAX:
            _PARSED[text] = found
        return found

    def format(self, lang: Lang = "vi") -> str:
        """The display form in ``lang``; `parse` reads the Vietnamese one back.

        Example:
            >>> from antq_domain.values.period import Period
            >>> p = Period.quarter(2020, 2)
            >>> p.format("vi"), p.format("en")
            ('quý II/2020', 'Q2 2020')
            >>> r = Period.parse("2023-01-01/2023-07-31")
            >>> r.format("vi"), r.format("en")
            ('7 tháng đầu năm 2023', '1 January 2023 to 31 July 2023')
            >>> Period.parse(r.format("vi")) == r
            True
        """
        return _format_vi(self) if lang == "vi" else _format_en(self)

    # -- calendar -------------------------------------------------------------
    @property
    def days(self) -> int:
        """The number of days in the period.

        Example:
            >>> from antq_domain.values.period import Period
            >>> Period.year(2024).days, Period.month(2023, 2).days
            (366, 28)
        """
        return (self.end - self.start).days + 1

    @property
    def sort_key(self) -> tuple[date, date, int]:
        """A key for sorting: first day, then last day, then kind.

        Periods are not ordered with ``<``: a month inside a quarter is
        neither before nor after it. Use ``sorted(periods,
        key=lambda p: p.sort_key)``.

        Example:
            >>> from antq_domain.values.period import Period
            >>> ps = [Period.quarter(2023, 2), Period.year(2023), Period.month(2023, 1)]
            >>> sorted(ps, key=lambda p: p.sort_key)
            [Period('202301'), Period('2023'), Period('2023Q2')]
        """
        return (self.start, self.end, _KIND_RANK[self.kind])

    def contains(self, other: Period | date) -> bool:
        """Whether every day of ``other`` (a period or a date) lies in this period.

        Example:
            >>> from datetime import date
            >>> from antq_domain.values.period import Period
            >>> Period.year(2023).contains(Period.quarter(2023, 4))
            True
            >>> Period.quarter(2023, 4).contains(Period.year(2023))
            False
        """
        first, last = _bounds_of(other)
        return self.start <= first and last <= self.end

    def overlaps(self, other: Period | date) -> bool:
        """Whether this period and ``other`` share at least one day.

        Example:
            >>> from antq_domain.values.period import Period
            >>> Period.parse("7 tháng đầu năm 2023").overlaps(Period.quarter(2023, 3))
            True
            >>> Period.half_year(2023, 1).overlaps(Period.half_year(2023, 2))
            False
        """
        first, last = _bounds_of(other)
        return self.start <= last and first <= self.end

    def as_standard(self) -> Period | None:
        """The standard period with exactly these bounds, if there is one.

        A standard period returns itself; a range from 1 January to 31 March
        returns the quarter; a span or an irregular range returns ``None``.

        Example:
            >>> from datetime import date
            >>> from antq_domain.values.period import Period
            >>> Period.between(date(2023, 1, 1), date(2023, 3, 31)).as_standard()
            Period('2023Q1')
            >>> Period.parse("2023-01-01/2023-07-31").as_standard() is None
            True
        """
        if self.kind.is_standard:
            return self
        if self.kind is PeriodKind.SPAN:
            return None
        for kind in (k for k in PeriodKind if k.is_standard):
            try:
                if _standard_bounds(kind, self.start) == (self.start, self.end):
                    return Period(kind, self.start, self.end)
            except OverflowError:
                continue
        return None

    def next(self) -> Period:
        """The period of the same kind and length that starts the day after this one ends.

        For standard kinds this is the following year, quarter, week, ...;
        a range gives the range of the same number of days right after it;
        a span of N years gives the next N years. Always
        ``p.next().start == p.end + 1 day`` and ``p.next().previous() == p``.

        Raises:
            InvariantError: the result would fall outside the years 1 to 9999.

        Example:
            >>> from antq_domain.values.period import Period
            >>> Period.parse("2020W53").next(), Period.span(2013, 2023).next()
            (Period('2021W01'), Period('2024/2034'))
            >>> Period.parse("2023-01-01/2023-01-10").next()
            Period('2023-01-11/2023-01-20')
        """
        if self.kind is PeriodKind.RANGE:
            n = self.days
            return _guard(
                str(self),
                lambda: Period.between(self.end + timedelta(days=1), self.end + timedelta(days=n)),
            )
        if self.kind is PeriodKind.SPAN:
            years = self.end.year - self.start.year + 1
            return _guard(str(self), lambda: Period.span(self.end.year + 1, self.end.year + years))
        return _guard(str(self), lambda: Period.containing(self.end + timedelta(days=1), self.kind))

    def previous(self) -> Period:
        """The period of the same kind and length that ends the day before this one starts.

        The inverse of [`next`][antq_domain.values.period.Period.next].

        Raises:
            InvariantError: the result would fall outside the years 1 to 9999.

        Example:
            >>> from antq_domain.values.period import Period
            >>> Period.parse("2023S1").previous(), Period.parse("202301").previous()
            (Period('2022S2'), Period('202212'))
        """
        if self.kind is PeriodKind.RANGE:
            n = self.days
            return _guard(
                str(self),
                lambda: Period.between(
                    self.start - timedelta(days=n), self.start - timedelta(days=1)
                ),
            )
        if self.kind is PeriodKind.SPAN:
            years = self.end.year - self.start.year + 1
            return _guard(
                str(self), lambda: Period.span(self.start.year - years, self.start.year - 1)
            )
        return _guard(
            str(self), lambda: Period.containing(self.start - timedelta(days=1), self.kind)
        )

    def tiles(self, kind: PeriodKind | str) -> tuple[Period, ...] | None:
        """The periods of a standard ``kind`` that cover this one exactly, in order.

        ``None`` when no run of ``kind`` periods starts on this period's
        first day and ends on its last (weeks do not tile a year; a month
        does not tile a week).

        Example:
            >>> from antq_domain.values.period import Period
            >>> Period.parse("2023S1").tiles("quarter")
            (Period('2023Q1'), Period('2023Q2'))
            >>> Period.year(2023).tiles("week") is None
            True
        """
        k = _kind(kind)
        if not k.is_standard:
            raise InvariantError(
                "period.kind",
                k.value,
                "a standard kind (not range or span)",
                expected_vi="một loại kỳ chuẩn (không phải khoảng ngày hay giai đoạn)",
            )
        first = Period.containing(self.start, k)
        if first.start != self.start:
            return None
        out = [first]
        while out[-1].end < self.end:
            out.append(out[-1].next())
        return tuple(out) if out[-1].end == self.end else None

    def children(self) -> tuple[Period, ...]:
        """The exact partition of this period into the next finer standard kind.

        Year and half-year split into quarters, a quarter into months, a
        month, a week or a range into days, a span into years. A day has no
        finer kind and is its own only child. The children are in order,
        disjoint, contiguous, and cover this period exactly.

        Example:
            >>> from antq_domain.values.period import Period
            >>> Period.year(2023).children()
            (Period('2023Q1'), Period('2023Q2'), Period('2023Q3'), Period('2023Q4'))
            >>> [str(p) for p in Period.parse("2023W01").children()][:2]
            ['20230102', '20230103']
        """
        finer = _FINER[self.kind]
        if finer is None:
            return (self,)
        return tuple(self._tile(finer))

    def _tile(self, kind: PeriodKind) -> Iterator[Period]:
        part = Period.containing(self.start, kind)
        while True:
            yield part
            if part.end >= self.end:
                return
            part = part.next()

    # -- pydantic -------------------------------------------------------------
    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return text_core_schema(
            cls,
            cls.parse,
            examples=[
                "2023",
                "2023S1",
                "2020Q2",
                "202301",
                "2023W01",
                "20130801",
                "2023-01-01/2023-07-31",
                "2013/2023",
            ],
            pattern=PERIOD_ID_PATTERN,
        )


_FINER: Final[dict[PeriodKind, PeriodKind | None]] = {
    PeriodKind.YEAR: PeriodKind.QUARTER,
    PeriodKind.HALF_YEAR: PeriodKind.QUARTER,
    PeriodKind.QUARTER: PeriodKind.MONTH,
    PeriodKind.MONTH: PeriodKind.DAY,
    PeriodKind.WEEK: PeriodKind.DAY,
    PeriodKind.DAY: None,
    PeriodKind.RANGE: PeriodKind.DAY,
    PeriodKind.SPAN: PeriodKind.YEAR,
}


def _bounds_of(other: Period | date) -> tuple[date, date]:
    if isinstance(other, Period):
        return other.start, other.end
    d = _plain_date("other", other)
    return d, d


# -- parsing ---------------------------------------------------------------------
_EXPECTED_TEXT: Final = (
    "a period id (2023, 2023S1, 2023Q1, 202301, 2023W01, 20230115, "
    "2023-01-01/2023-07-31, 2013/2023) or a Vietnamese form such as 'quý II/2020', "
    "'7 tháng đầu năm 2023', 'giai đoạn 2013-2023', '01/8/2013'"
)
_EXPECTED_TEXT_VI: Final = (
    "một mã kỳ (2023, 2023S1, 2023Q1, 202301, 2023W01, 20230115, "
    "2023-01-01/2023-07-31, 2013/2023) hoặc cách viết tiếng Việt như 'quý II/2020', "
    "'7 tháng đầu năm 2023', 'giai đoạn 2013-2023', '01/8/2013'"
)

_ID_YEAR = re.compile(r"([0-9]{4})")
_ID_HALF = re.compile(r"([0-9]{4})S([0-9])")
_ID_QUARTER = re.compile(r"([0-9]{4})Q([0-9])")
_ID_MONTH = re.compile(r"([0-9]{4})([0-9]{2})")
_ID_WEEK = re.compile(r"([0-9]{4})W([0-9]{1,2})")
_ID_DAY = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_ID_RANGE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})/([0-9]{4})-([0-9]{2})-([0-9]{2})")
_ID_SPAN = re.compile(r"([0-9]{4})/([0-9]{4})")

_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_SPACES = re.compile(r"\s+")
_AROUND_SEP = re.compile(r" ?([/-]) ?")

_VI_YEAR = re.compile(r"(?:năm )?([0-9]{4})")
_VI_MONTH = re.compile(r"tháng ([0-9]{1,2})(?:[/-]|,? năm )([0-9]{4})|([0-9]{1,2})/([0-9]{4})")
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})")
_VI_DAY_NUM = re.compile(r"(?:ngày )?([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")
_VI_DAY_WORDS = re.compile(r"(?:ngày )?([0-9]{1,2}) tháng ([0-9]{1,2}),? năm ([0-9]{4})")
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")

_VI_QUARTER = re.compile(r"q(?:uý|úy|uy) ([ivx]+|[0-9]+)(?:(?:/|-|,? năm )([0-9]{4}))?")
_VI_FIRST_LAST = re.compile(r"([0-9]{1,2}) tháng (đầu|cuối) năm(?: ([0-9]{4}))?")
_VI_MONTH_ALONE = re.compile(r"tháng ([0-9]{1,2})")
_VI_WEEK = re.compile(r"tuần ([0-9]{1,2})(?:/|,? năm )([0-9]{4})")
_VI_SPAN = re.compile(r"(?:giai đoạn |thời kỳ |từ năm )?([0-9]{4})(?:-| đến (?:năm )?)([0-9]{4})")
_VI_RANGE = re.compile(r"(?:từ )?(.+?) (?:đến|tới)(?: hết)? (.+)")
_ROMAN_VALUES: Final = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def normalize_vi(text: str) -> str:
    """Fold a Vietnamese date text for matching: NFC, lower case, single spaces.

    Dashes of every width become ``-`` and spaces around ``/`` and ``-`` are
    dropped, so "giai đoạn 2013 – 2023" reads like "giai đoạn 2013-2023".

    Example:
        >>> from antq_domain.values.period import normalize_vi
        >>> normalize_vi("  Giai   đoạn 2013 – 2023 ")
        'giai đoạn 2013-2023'
    """
    folded = unicodedata.normalize("NFC", text).strip().lower()
    folded = _DASHES.sub("-", folded)
    folded = _SPACES.sub(" ", folded)
    return _AROUND_SEP.sub(r"\1", folded)


def read_calendar_vi(folded: str) -> tuple[int, int | None, int | None] | None:  # noqa: PLR0911
    """Read a year, month or day written the Vietnamese way (or ISO) from folded text.

    Returns ``(year, month, day)`` with ``None`` for the parts not given, or ``None`` when the text
    is not a calendar date. Numbers are not checked against the calendar here. ``text`` must come
    from `normalize_vi`.

    Example:
        >>> from antq_domain.values.period import read_calendar_vi
        >>> read_calendar_vi("ngày 01 tháng 8 năm 2013"), read_calendar_vi("tháng 8/2013")
        ((2013, 8, 1), (2013, 8, None))
        >>> read_calendar_vi("quý ii/2020") is None
        True
    """
    if m := _VI_YEAR.fullmatch(folded):
        return int(m[1]), None, None
    if m := _ISO_MONTH.fullmatch(folded):
        return int(m[1]), int(m[2]), None
    if m := _VI_MONTH.fullmatch(folded):
        if m[1] is not None:
            return int(m[2]), int(m[1]), None
        return int(m[4]), int(m[3]), None
    if m := _ISO_DAY.fullmatch(folded):
        return int(m[1]), int(m[2]), int(m[3])
    if m := _VI_DAY_NUM.fullmatch(folded):
        return int(m[4]), int(m[3]), int(m[1])
    if m := _VI_DAY_WORDS.fullmatch(folded):
        return int(m[3]), int(m[2]), int(m[1])
    return None


def _from_calendar(parts: tuple[int, int | None, int | None]) -> Period:
    year, month, day = parts
    if month is None:
        return Period.year(year)
    if day is None:
        return Period.month(year, month)
    return Period.day(make_date("period.day", year, month, day))


def _day_vi(folded: str) -> date | None:
    parts = read_calendar_vi(folded)
    if parts is None or parts[1] is None or parts[2] is None:
        return None
    return make_date("period.day", parts[0], parts[1], parts[2])


def _need_year(found: str | None, default: int | None, folded: str) -> int:
    if found is not None:
        return int(found)
    if default is None:
        raise InvariantError(
            "period",
            folded,
            "a year in the text, or parse(..., year=...)",
            expected_vi="năm ghi trong văn bản, hoặc parse(..., year=...)",
        )
    return default


def _first_last(count: int, which: str, year: int) -> Period:
    if not 1 <= count <= 12:
        raise InvariantError(
            "period.months", count, "between 1 and 12 months", expected_vi="từ 1 đến 12 tháng"
        )
    if which == "đầu":
        found = Period.between(date(year, 1, 1), _month_end(year, count))
    else:
        found = Period.between(date(year, 13 - count, 1), date(year, 12, 31))
    return found.as_standard() or found


def _parse_canonical(text: str) -> Period | None:  # noqa: PLR0911 - one return per id shape
    if m := _ID_YEAR.fullmatch(text):
        return Period.year(int(m[1]))
    if m := _ID_HALF.fullmatch(text):
        return Period.half_year(int(m[1]), int(m[2]))
    if m := _ID_QUARTER.fullmatch(text):
        return Period.quarter(int(m[1]), int(m[2]))
    if m := _ID_MONTH.fullmatch(text):
        return Period.month(int(m[1]), int(m[2]))
    if m := _ID_WEEK.fullmatch(text):
        return Period.week(int(m[1]), int(m[2]))
    if m := _ID_DAY.fullmatch(text):
        return Period.day(make_date("period.day", int(m[1]), int(m[2]), int(m[3])))
    if m := _ID_RANGE.fullmatch(text):
        start = make_date("period.start", int(m[1]), int(m[2]), int(m[3]))
        end = make_date("period.end", int(m[4]), int(m[5]), int(m[6]))
        return Period.between(start, end)
    if m := _ID_SPAN.fullmatch(text):
        return Period.span(int(m[1]), int(m[2]))
    return None


def _parse_period(text: str, year: int | None) -> Period | None:  # noqa: PLR0911
    canonical = _parse_canonical(unicodedata.normalize("NFC", text).strip())
    if canonical is not None:
        return canonical
    folded = normalize_vi(text)
    if (parts := read_calendar_vi(folded)) is not None:
        return _from_calendar(parts)
    if m := _VI_QUARTER.fullmatch(folded):
        number = _ROMAN_VALUES.get(m[1], 0) if not m[1].isdigit() else int(m[1])
        return Period.quarter(_need_year(m[2], year, folded), number)
    if m := _VI_FIRST_LAST.fullmatch(folded):
        return _first_last(int(m[1]), m[2], _need_year(m[3], year, folded))
    if m := _VI_WEEK.fullmatch(folded):
        return Period.week(int(m[2]), int(m[1]))
    if m := _VI_SPAN.fullmatch(folded):
        return Period.span(int(m[1]), int(m[2]))
    if m := _VI_MONTH_ALONE.fullmatch(folded):
        return Period.month(_need_year(None, year, folded), int(m[1]))
    if m := _VI_RANGE.fullmatch(folded):
        start, end = _day_vi(m[1]), _day_vi(m[2])
        if start is not None and end is not None:
            return Period.between(start, end)
    return None


# -- display ---------------------------------------------------------------------
def _months_run(p: Period) -> tuple[str, int] | None:
    """("đầu", N) / ("cuối", N) when a range is the first / last N months of a year."""
    s, e = p.start, p.end
    if s.year != e.year or s.day != 1 or e != _month_end(e.year, e.month):
        return None
    if s.month == 1 and e.month not in (1, 3, 6, 12):
        return "đầu", e.month
    if e.month == 12 and 13 - s.month not in (1, 3, 6, 12):
        return "cuối", 13 - s.month
    return None


def _format_vi(p: Period) -> str:  # noqa: PLR0911 - one return per kind
    s, k = p.start, p.kind
    if k is PeriodKind.YEAR:
        return f"năm {s.year:04d}"
    if k is PeriodKind.HALF_YEAR:
        return f"6 tháng {'đầu' if s.month == 1 else 'cuối'} năm {s.year:04d}"
    if k is PeriodKind.QUARTER:
        return f"quý {_ROMAN[(s.month - 1) // 3]}/{s.year:04d}"
    if k is PeriodKind.MONTH:
        return f"tháng {s.month}/{s.year:04d}"
    if k is PeriodKind.WEEK:
        iso = s.isocalendar()
        return f"tuần {iso.week} năm {iso.year:04d}"
    if k is PeriodKind.DAY:
        return f"ngày {_dmy_vi(s)}"
    if k is PeriodKind.SPAN:
        return f"giai đoạn {s.year:04d}-{p.end.year:04d}"
    run = _months_run(p)
    if run is not None:
        return f"{run[1]} tháng {run[0]} năm {s.year:04d}"
    return f"từ ngày {_dmy_vi(s)} đến ngày {_dmy_vi(p.end)}"


def _format_en(p: Period) -> str:  # noqa: PLR0911 - one return per kind
    s, k = p.start, p.kind
    if k is PeriodKind.YEAR:
        return f"{s.year:04d}"
    if k is PeriodKind.HALF_YEAR:
        return f"{'first' if s.month == 1 else 'second'} half of {s.year:04d}"
    if k is PeriodKind.QUARTER:
        return f"Q{(s.month + 2) // 3} {s.year:04d}"
    if k is PeriodKind.MONTH:
        return f"{MONTHS_EN[s.month - 1]} {s.year:04d}"
    if k is PeriodKind.WEEK:
        iso = s.isocalendar()
        return f"week {iso.week} of {iso.year:04d}"
    if k is PeriodKind.DAY:
        return _dmy_en(s)
    if k is PeriodKind.SPAN:
        return f"{s.year:04d}\u2013{p.end.year:04d}"
    return f"{_dmy_en(s)} to {_dmy_en(p.end)}"
