"""Partial dates: a year, a month of a year, or a full date.

Reports often date things only to the year ("năm 2013") or the month ("tháng 8/2013"). A
[`PartialDate`][antq_domain.PartialDate] keeps exactly what was said and
compares honestly: 2013 is neither before nor after August 2013, so the comparison methods answer
``True``, ``False`` or ``None`` (undetermined).

Example:
    >>> from antq_domain.values.partial_date import PartialDate
    >>> PartialDate.parse("năm 2013").is_before(PartialDate.parse("tháng 8/2013")) is None
    True
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from typing import Any, Final

import attrs
from pydantic import GetCoreSchemaHandler
from pydantic_core import core_schema

from antq_domain.errors import AntqTypeError, InvariantError, ParseError
from antq_domain.values._pydantic import text_core_schema
from antq_domain.values.label import Lang
from antq_domain.values.period import (
    MONTHS_EN,
    Period,
    PeriodKind,
    make_date,
    normalize_vi,
    read_calendar_vi,
)

__all__ = ["PARTIAL_DATE_PATTERN", "PartialDate"]

PARTIAL_DATE_PATTERN: Final[str] = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
"""JSON Schema pattern of the canonical partial-date text (the wire form)."""

_CANONICAL = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _int_or_none(field: str, value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise AntqTypeError(field, value, "an int or None", expected_vi="một số nguyên hoặc None")
    return value


def _year(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AntqTypeError("partial_date.year", value, "an int", expected_vi="một số nguyên")
    return value


def _month(value: object) -> int | None:
    return _int_or_none("partial_date.month", value)


def _day(value: object) -> int | None:
    return _int_or_none("partial_date.day", value)


def _plain_date(field: str, value: object) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise AntqTypeError(field, value, "a PartialDate or a datetime.date (not a datetime)")
    return value


@attrs.frozen(repr=False)
class PartialDate:
    """A date known to the year, the month or the day.

    A value: two partial dates are equal when year, month and day are (so ``2013`` != ``2013-08``:
    they say different things). There are no ``<`` or ``>`` operators, because "2013 < 2013-08" has
    no honest answer; use [`is_before`][antq_domain.values.partial_date.PartialDate.is_before],
    [`is_after`][antq_domain.values.partial_date.PartialDate.is_after] and
    [`may_equal`][antq_domain.values.partial_date.PartialDate.may_equal] (which answer ``None`` when
    undetermined) or sort with [`sort_key`][antq_domain.values.partial_date.PartialDate.sort_key].

    The canonical text is ``2013``, ``2013-08`` or ``2013-08-01``; ``str`` writes it and
    [`parse`][antq_domain.values.partial_date.PartialDate.parse] reads it back, along with
    Vietnamese forms.

    Args:
        year: the year, 1 to 9999.
        month: the month, 1 to 12, or ``None``.
        day: the day of the month, or ``None``; a day needs a month and must
            make a real calendar date.

    Example:
        >>> from antq_domain.values.partial_date import PartialDate
        >>> d = PartialDate(2013, 8)
        >>> d, d.precision, d.earliest(), d.latest()
        (PartialDate('2013-08'), <PeriodKind.MONTH: 'month'>, datetime.date(2013, 8, 1), datetime.date(2013, 8, 31))
        >>> PartialDate.parse(str(d)) == d
        True
        >>> PartialDate(2013, None, 1)
        Traceback (most recent call last):
        ...
        antq_domain.errors.InvariantError: partial_date.day=1: expected no day without a month
    """  # noqa: E501 - a doctest output line

    year: int = attrs.field(converter=_year)
    month: int | None = attrs.field(default=None, converter=_month)
    day: int | None = attrs.field(default=None, converter=_day)

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise InvariantError(
                "partial_date.year",
                self.year,
                "a year between 1 and 9999",
                expected_vi="một năm từ 1 đến 9999",
            )
        if self.month is None:
            if self.day is not None:
                raise InvariantError(
                    "partial_date.day",
                    self.day,
                    "no day without a month",
                    expected_vi="không ghi ngày khi không có tháng",
                )
            return
        if not 1 <= self.month <= 12:
            raise InvariantError(
                "partial_date.month",
                self.month,
                "a month between 1 and 12",
                expected_vi="một tháng từ 1 đến 12",
            )
        if self.day is not None:
            make_date("partial_date.day", self.year, self.month, self.day)

    @classmethod
    def from_date(cls, day: date) -> PartialDate:
        """The full partial date of ``day`` (a ``datetime.date``; datetimes are refused).

        Example:
            >>> from datetime import date
            >>> from antq_domain.values.partial_date import PartialDate
            >>> PartialDate.from_date(date(2013, 8, 1))
            PartialDate('2013-08-01')
        """
        d = _plain_date("partial_date", day)
        return cls(d.year, d.month, d.day)

    # -- text -------------------------------------------------------------------
    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read the canonical text (the inverse of ``str``) or a Vietnamese form.

        Accepted: ``2013``, ``2013-08``, ``2013-08-01``; "năm 2013", "tháng
        8/2013", "tháng 8 năm 2013", "8/2013", "ngày 01 tháng 8 năm 2013",
        "01/8/2013" and "ngày 01/8/2013" (day first), in NFC or NFD.

        Example:
            >>> from antq_domain.values.partial_date import PartialDate
            >>> PartialDate.parse("ngày 01 tháng 8 năm 2013"), PartialDate.parse("tháng 8/2013")
            (PartialDate('2013-08-01'), PartialDate('2013-08'))
            >>> PartialDate.parse("31/2/2013")
            Traceback (most recent call last):
            ...
            antq_domain.errors.ParseError: partial_date='31/2/2013': expected a real calendar date
        """
        if not isinstance(text, str):
            raise AntqTypeError(
                "partial_date",
                text,
                "a str such as '2013-08'",
                expected_vi="một chuỗi như '2013-08'",
            )
        stripped = unicodedata.normalize("NFC", text).strip()
        parts: tuple[int, int | None, int | None] | None
        if m := _CANONICAL.fullmatch(stripped):
            parts = (int(m[1]), _opt(m[2]), _opt(m[3]))
        else:
            parts = read_calendar_vi(normalize_vi(text))
        if parts is None:
            raise ParseError(
                "partial_date",
                text,
                "a date such as 2013, 2013-08, 2013-08-01, 'tháng 8/2013' or "
                "'ngày 01 tháng 8 năm 2013'",
                expected_vi="một ngày như 2013, 2013-08, 2013-08-01, 'tháng 8/2013' hoặc "
                "'ngày 01 tháng 8 năm 2013'",
            )
        try:
            return cls(*parts)
        except InvariantError as err:
            raise ParseError(
                "partial_date", text, err.expected, expected_vi=err.expected_vi
            ) from None

    def format(self, lang: Lang = "vi") -> str:
        """The display form in ``lang``; `parse` reads the Vietnamese one back.

        Example:
            >>> from antq_domain.values.partial_date import PartialDate
            >>> d = PartialDate(2013, 8, 1)
            >>> d.format("vi"), d.format("en"), PartialDate(2013, 8).format("vi")
            ('ngày 01/08/2013', '1 August 2013', 'tháng 8/2013')
        """
        if self.month is None:
            return f"năm {self.year:04d}" if lang == "vi" else f"{self.year:04d}"
        if self.day is None:
            if lang == "vi":
                return f"tháng {self.month}/{self.year:04d}"
            return f"{MONTHS_EN[self.month - 1]} {self.year:04d}"
        if lang == "vi":
            return f"ngày {self.day:02d}/{self.month:02d}/{self.year:04d}"
        return f"{self.day} {MONTHS_EN[self.month - 1]} {self.year:04d}"

    # -- what it can denote -------------------------------------------------------
    @property
    def precision(self) -> PeriodKind:
        """How much is known: ``PeriodKind.YEAR``, ``MONTH`` or ``DAY``.

        Example:
            >>> from antq_domain.values.partial_date import PartialDate
            >>> PartialDate(2013).precision
            <PeriodKind.YEAR: 'year'>
        """
        if self.month is None:
            return PeriodKind.YEAR
        return PeriodKind.MONTH if self.day is None else PeriodKind.DAY

    def as_period(self) -> Period:
        """The year, month or day period this partial date names.

        Example:
            >>> from antq_domain.values.partial_date import PartialDate
            >>> PartialDate(2013, 8).as_period()
            Period('201308')
        """
        if self.month is None:
            return Period.year(self.year)
        if self.day is None:
            return Period.month(self.year, self.month)
        return Period.day(date(self.year, self.month, self.day))

    def earliest(self) -> date:
        """The first day this partial date can denote.

        Example:
            >>> from antq_domain.values.partial_date import PartialDate
            >>> PartialDate(2013).earliest()
            datetime.date(2013, 1, 1)
        """
        return self.as_period().start

    def latest(self) -> date:
        """The last day this partial date can denote.

        Example:
            >>> from antq_domain.values.partial_date import PartialDate
            >>> PartialDate(2024, 2).latest()
            datetime.date(2024, 2, 29)
        """
        return self.as_period().end

    @property
    def sort_key(self) -> tuple[date, date]:
        """A key for sorting: earliest day, then latest day.

        Sorting by it puts ``2013`` before ``2013-08`` (same earliest day,
        later latest day second) without claiming either is before the other.

        Example:
            >>> from antq_domain.values.partial_date import PartialDate
            >>> ds = [PartialDate(2013, 8), PartialDate(2013), PartialDate(2012, 12, 31)]
            >>> [str(d) for d in sorted(ds, key=lambda d: d.sort_key)]
            ['2012-12-31', '2013', '2013-08']
        """
        return (self.earliest(), self.latest())

    # -- honest comparison ------------------------------------------------------
    def is_before(self, other: PartialDate | date) -> bool | None:
        """Whether this date is before ``other``: ``True``, ``False`` or ``None`` (undetermined).

        ``True`` when every day this can denote is before every day ``other``
        can; ``False`` when none is; ``None`` otherwise.

        Example:
            >>> from datetime import date
            >>> from antq_domain.values.partial_date import PartialDate
            >>> PartialDate(2012).is_before(PartialDate(2013, 8))
            True
            >>> PartialDate(2013).is_before(PartialDate(2013, 8)) is None
            True
            >>> PartialDate(2013, 9).is_before(date(2013, 8, 31))
            False
        """
        first, last = _span(other)
        if self.latest() < first:
            return True
        if self.earliest() >= last:
            return False
        return None

    def is_after(self, other: PartialDate | date) -> bool | None:
        """Whether this date is after ``other``: ``True``, ``False`` or ``None`` (undetermined).

        Example:
            >>> from antq_domain.values.partial_date import PartialDate
            >>> PartialDate(2014).is_after(PartialDate(2013, 8, 1))
            True
            >>> PartialDate(2013, 8).is_after(PartialDate(2013, 8, 1)) is None
            True
        """
        first, last = _span(other)
        if self.earliest() > last:
            return True
        if self.latest() <= first:
            return False
        return None

    def may_equal(self, other: PartialDate | date) -> bool:
        """Whether this date and ``other`` can denote the same day.

        Example:
            >>> from datetime import date
            >>> from antq_domain.values.partial_date import PartialDate
            >>> PartialDate(2013, 8).may_equal(date(2013, 8, 1))
            True
            >>> PartialDate(2013, 8).may_equal(PartialDate(2013, 9))
            False
        """
        first, last = _span(other)
        return self.earliest() <= last and first <= self.latest()

    # -- pydantic ---------------------------------------------------------------
    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: type[Any], handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return text_core_schema(
            cls,
            cls.parse,
            examples=["2013", "2013-08", "2013-08-01"],
            pattern=PARTIAL_DATE_PATTERN,
        )


def _opt(digits: str | None) -> int | None:
    return None if digits is None else int(digits)


def _span(other: PartialDate | date) -> tuple[date, date]:
    if isinstance(other, PartialDate):
        return other.earliest(), other.latest()
    d = _plain_date("other", other)
    return d, d
