"""The one renderer: the words every surface shows for values, places, cells and reports.

The CLI, the notebook views (``_repr_html_``), the charts and the evaluation
all call these functions, so one concept reads the same everywhere: a
not-reported figure is "— (không báo cáo)" in a table, a summary and a
scorecard alike. The words themselves live with their concepts:

* missing markers: `label`;
* record groups: [`RecordGroup`][antq_domain.records.groups.RecordGroup];
* areas and dimension cells: [`area_label`][antq_domain.records.indicators.Catalogue.area_label],
  [`describe_dims`][antq_domain.records.indicators.Catalogue.describe_dims];
* places: [`name_of`][antq_domain.records.places.Registry.name_of];
* qualifiers: [`word`][antq_domain.values.unit.Qualifier.word].

**Honest figures.** A figure built from incomplete parts (a rollup with places or periods missing)
is shown as a lower bound, "ít nhất …", with how much is missing ("chưa đủ số liệu: 8/10 đơn vị cấp
huyện"), never as "khoảng"; a ratio of such figures has no honest value and shows only what is
missing ([`incomplete_text`][antq_domain.display.incomplete_text]).

Pure functions: nothing here reads files, the clock or the environment
(the place register is the library's own data).

Example:
    >>> from antq_domain.display import value_text
    >>> from antq_domain.values import NOT_REPORTED, Quantity
    >>> value_text(Quantity(145410, "participation", "more_than"))
    'hơn 145.410 lượt người'
    >>> value_text(NOT_REPORTED, "en")
    '— (not reported)'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from antq_domain.errors import MissingExtraError, UnknownCodeError
from antq_domain.values.label import Label, Lang
from antq_domain.values.missing import NotApplicable, NotReported, Status, Withheld
from antq_domain.values.numbers import format_number
from antq_domain.values.quantity import Quantity
from antq_domain.values.ratio import Ratio, Undefined, round_half_up
from antq_domain.values.unit import Qualifier

if TYPE_CHECKING:  # pragma: no cover - names for type checkers only
    from antq_domain.records.indicators import Catalogue
    from antq_domain.records.places import PlaceLevel
    from antq_domain.records.report import MovementReport

__all__ = [
    "COLUMN",
    "NO_FIGURE",
    "capitalised",
    "data_frame",
    "dims_text",
    "incomplete_text",
    "indicator_text",
    "label_text",
    "lower_bound_text",
    "missing_text",
    "number_text",
    "place_name",
    "place_text",
    "signed",
    "summary_text",
    "t",
    "value_text",
]

NO_FIGURE = "—"
"""What an empty cell shows (no figure at all on that side)."""


COLUMN: Mapping[str, Label] = {
    "indicator": Label(vi="Chỉ tiêu", en="Indicator"),
    "breakdown": Label(vi="Phân tổ", en="Breakdown"),
    "place": Label(vi="Địa bàn", en="Place"),
    "period": Label(vi="Kỳ", en="Period"),
    "value": Label(vi="Giá trị", en="Value"),
    "figure": Label(vi="Số liệu", en="Figure"),
    "previous": Label(vi="Kỳ trước", en="Previous"),
    "current": Label(vi="Kỳ này", en="Current"),
    "change": Label(vi="Thay đổi", en="Change"),
    "target": Label(vi="Mục tiêu", en="Target"),
    "missing": Label(vi="Đơn vị thiếu", en="Missing"),
    "reason": Label(vi="Lý do", en="Reason"),
    "quote": Label(vi="Trích dẫn", en="Quote"),
}
"""The headers of the notebook tables: one wording per column, whatever the table.

Example:
    >>> from antq_domain.display import COLUMN
    >>> COLUMN["place"].text("en")
    'Place'
"""


def t(lang: Lang, vi: str, en: str) -> str:
    """``vi`` or ``en`` by ``lang``: the one switch for a display's fixed words.

    Example:
        >>> from antq_domain.display import t
        >>> t("en", "Địa bàn", "Place")
        'Place'
    """
    return vi if lang == "vi" else en


def capitalised(text: str) -> str:
    """``text`` with its first letter upper-case (a label used as a heading).

    Example:
        >>> from antq_domain.display import capitalised
        >>> capitalised("đợt phát động, tuyên truyền")
        'Đợt phát động, tuyên truyền'
    """
    return text[:1].upper() + text[1:]


def missing_text(value: NotReported | NotApplicable | Withheld, lang: Lang = "vi") -> str:
    """The words of a missing marker: its status's label, a withheld one with its reason.

    Example:
        >>> from antq_domain.display import missing_text
        >>> from antq_domain.values import NOT_APPLICABLE, Withheld
        >>> missing_text(NOT_APPLICABLE), missing_text(Withheld("mật"), "en")
        ('không áp dụng', 'withheld: mật')
    """
    word = value.status.text(lang)
    if isinstance(value, Withheld):
        word = f"{word}: {value.reason}"
    return word


def value_text(  # noqa: PLR0911 - one return per kind of value
    value: object, lang: Lang = "vi", *, counter: bool = True, decimals: int = 1
) -> str:
    """The display form of any value: a figure, a ratio, undefined, missing, or nothing.

    Args:
        value: a [`Quantity`][antq_domain.Quantity], a
            [`Ratio`][antq_domain.Ratio], an
            [`Undefined`][antq_domain.Undefined], a missing marker, or ``None`` (no
            figure: "—").
        lang: ``"vi"`` or ``"en"``.
        counter: show a quantity's counter word ("nguồn tin").
        decimals: decimals of a ratio.

    Example:
        >>> from antq_domain.display import value_text
        >>> from antq_domain.values import Quantity, Ratio, Withheld
        >>> value_text(Ratio(Quantity(655, "tip"), Quantity(726, "tip")), "en")
        '90.2% (655/726)'
        >>> value_text(Withheld("mật")), value_text(None)
        ('— (không công bố: mật)', '—')
        >>> value_text(Quantity(726, "tip"), counter=False)
        '726'
    """
    if value is None:
        return NO_FIGURE
    if isinstance(value, Quantity):
        return value.format(lang, counter=counter)
    if isinstance(value, Ratio):
        return value.format(lang, decimals=decimals)
    if isinstance(value, Undefined):
        return value.format(lang)
    if isinstance(value, NotReported | NotApplicable | Withheld):
        return f"{NO_FIGURE} ({missing_text(value, lang)})"
    if isinstance(value, Status):
        return value.text(lang)
    return str(value)


def lower_bound_text(value: Quantity, lang: Lang = "vi", *, counter: bool = True) -> str:
    """A figure summed from incomplete parts: "ít nhất …" (at least).

    The missing parts may be zero, so the sum is a lower bound that may be
    reached; a part already "khoảng" keeps its word after "ít nhất". When a
    reported part was itself "hơn" (strictly more), so is the sum: "hơn …".

    Example:
        >>> from antq_domain.display import lower_bound_text
        >>> from antq_domain.values import Quantity
        >>> lower_bound_text(Quantity(22, "tip", "at_least"))
        'ít nhất 22 nguồn tin'
        >>> lower_bound_text(Quantity(22, "tip", "approximately"), "en")
        'at least about 22 tips'
        >>> lower_bound_text(Quantity(22, "tip", "more_than"))
        'hơn 22 nguồn tin'
    """
    shown = Quantity(value.amount, value.unit).format(lang, counter=counter)
    if value.qualifier is Qualifier.MORE_THAN:
        return f"{value.qualifier.word(lang)} {shown}"
    if value.qualifier in (Qualifier.APPROXIMATELY, Qualifier.AT_MOST, Qualifier.LESS_THAN):
        shown = f"{value.qualifier.word(lang)} {shown}"
    return t(lang, "ít nhất ", "at least ") + shown


def incomplete_text(
    have: int,
    expected: int,
    level: PlaceLevel | None = None,
    lang: Lang = "vi",
    *,
    missing_periods: int = 0,
) -> str:
    """How much of a figure is missing: "chưa đủ số liệu: 8/10 đơn vị cấp huyện".

    Args:
        have: places with a usable figure.
        expected: places a complete figure would have.
        level: the level of those places, named when given.
        lang: ``"vi"`` or ``"en"``.
        missing_periods: sub-periods missing at places that did report.

    Example:
        >>> from antq_domain.display import incomplete_text
        >>> from antq_domain.records.places import PlaceLevel
        >>> incomplete_text(8, 10, PlaceLevel.DISTRICT)
        'chưa đủ số liệu: 8/10 đơn vị cấp huyện'
        >>> incomplete_text(8, 10, PlaceLevel.DISTRICT, "en")
        'incomplete: 8 of 10 district level units'
        >>> incomplete_text(3, 3, None, "en", missing_periods=2)
        'incomplete: 2 sub-periods missing'
    """
    parts: list[str] = []
    if have < expected:
        where = "" if level is None else " " + level.label.text(lang)
        parts.append(
            t(lang, f"{have}/{expected} đơn vị{where}", f"{have} of {expected}{where} units")
        )
    if missing_periods:
        parts.append(
            t(
                lang,
                f"thiếu {missing_periods} kỳ",
                f"{missing_periods} sub-period{'s' if missing_periods != 1 else ''} missing",
            )
        )
    return t(lang, "chưa đủ số liệu: ", "incomplete: ") + ", ".join(parts)


def number_text(value: Fraction | Decimal | int, lang: Lang = "vi", *, decimals: int = 2) -> str:
    """An exact number in ``lang``'s digits: whole as is, a fraction rounded half-up.

    A Decimal keeps its places.

    Example:
        >>> from fractions import Fraction
        >>> from antq_domain.display import number_text
        >>> number_text(9623), number_text(Fraction(-7, 2), "en", decimals=1)
        ('9.623', '-3.5')
    """
    amount: int | Decimal
    if isinstance(value, Decimal | int):
        amount = value
    elif value.denominator == 1:
        amount = value.numerator
    else:
        amount = round_half_up(value, decimals)
    return ("-" if amount < 0 else "") + format_number(-amount if amount < 0 else amount, lang)


def signed(value: Fraction | Decimal | int, lang: Lang = "vi", *, decimals: int = 2) -> str:
    """A signed figure: ``+126``, ``-3``, ``±0``; a fraction rounded half-up to ``decimals``.

    A Decimal keeps its places (``+21,0``).

    Example:
        >>> from fractions import Fraction
        >>> from antq_domain.display import signed
        >>> signed(126), signed(Fraction(-7, 2), "en"), signed(0)
        ('+126', '-3.50', '±0')
    """
    sign = "-" if value < 0 else "+" if value > 0 else "±"
    return sign + number_text(-value if value < 0 else value, lang, decimals=decimals)


def place_name(code: str, lang: Lang = "vi") -> str:
    """The register's name of a place code, or the code itself when unknown.

    A unit whose official code was later given to another unit says until
    when it existed, so the old and the new unit of one name are told apart
    ("Tỉnh Quảng Ngãi (đến 30/06/2025)").

    Example:
        >>> from antq_domain.display import place_name
        >>> place_name("62"), place_name("nowhere")
        ('Tỉnh Kon Tum', 'nowhere')
        >>> place_name("51@2025-06-30"), place_name("51@2025-06-30", "en")
        ('Tỉnh Quảng Ngãi (đến 30/06/2025)', 'Tỉnh Quảng Ngãi (until 2025-06-30)')
    """
    from antq_domain.records.places import registry  # noqa: PLC0415 - loaded on first use

    try:
        place = registry().get(code)
    except UnknownCodeError:
        return code
    end = place.valid_to
    if end is None or place.code == place.official_code:
        return place.name
    return place.name + t(lang, f" (đến {end:%d/%m/%Y})", f" (until {end.isoformat()})")


def place_text(code: str, lang: Lang = "vi") -> str:
    """A place in words with its code: "Tỉnh Kon Tum (62)"; an unknown code as is.

    Example:
        >>> from antq_domain.display import place_text
        >>> place_text("62"), place_text("99")
        ('Tỉnh Kon Tum (62)', '99')
    """
    name = place_name(code, lang)
    return code if name == code else f"{name} ({code})"


def dims_text(cat: Catalogue, indicator: str, dims: Mapping[str, str], lang: Lang = "vi") -> str:
    """A dimension cell in words (`Catalogue.describe_dims`).

    Example:
        >>> from antq_domain.display import dims_text
        >>> from antq_domain.records.indicators import catalogue
        >>> dims_text(catalogue(), "forces.clubs", {"club_kind": "veterans"}, "en")
        'kind of club: veterans'
    """
    return cat.describe_dims(indicator, dims, lang)


def indicator_text(
    cat: Catalogue, indicator: str, dims: Mapping[str, str] | None = None, lang: Lang = "vi"
) -> str:
    """An indicator (and its cell) in words: "nguồn tin có giá trị [loại …: …]".

    An indicator outside the catalogue is shown by its code.

    Example:
        >>> from antq_domain.display import indicator_text
        >>> from antq_domain.records.indicators import catalogue
        >>> indicator_text(catalogue(), "tips.valuable", lang="en")
        'valuable tips'
        >>> indicator_text(catalogue(), "forces.clubs", {"club_kind": "women"}, "en")
        'clubs [kind of club: women]'
    """
    label = cat[indicator].label.text(lang) if indicator in cat else indicator
    described = cat.describe_dims(indicator, dims or {}, lang)
    return f"{label} [{described}]" if described else label


def label_text(label: Label | str, lang: Lang = "vi") -> str:
    """A label in ``lang``, a plain text as is.

    Example:
        >>> from antq_domain.display import label_text
        >>> from antq_domain.values import Label
        >>> label_text(Label(vi="Hạn chế", en="Limitations"), "en"), label_text("x")
        ('Limitations', 'x')
    """
    return label.text(lang) if isinstance(label, Label) else label


# -- the report summary ------------------------------------------------------------
def summary_text(report: MovementReport, lang: Lang = "vi") -> str:
    """A plain-text summary of a report in ``lang``: who, where, when, figures, records.

    Figures are grouped by area of the catalogue in the report's order, in
    their display form ("hơn 145.410 lượt người"); every ratio indicator
    whose parts the report states is recomputed from them and shown with its
    parts ("90,2% (655/726)"); then the number of records of each kind, the
    limitations and the directions.

    Args:
        report: the report.
        lang: ``"vi"`` or ``"en"``.

    Example:
        >>> from datetime import date
        >>> from antq_domain.records import MovementReport
        >>> from antq_domain.io import from_tidy
        >>> r = MovementReport(issuer="BCĐ PCTP tỉnh Kon Tum", place="62", period="2023",
        ...     as_of=date(2023, 12, 31), observations=from_tidy([
        ...         {"indicator": "tips.received", "place": "62", "period": "2023", "value": 726},
        ...         {"indicator": "tips.valuable", "place": "62", "period": "2023", "value": 655},
        ...     ]))
        >>> print(summary_text(r, "en"))
        Issuer: BCĐ PCTP tỉnh Kon Tum
        Place: Tỉnh Kon Tum (62)
        Period: 2023
        As of: 2023-12-31
        <BLANKLINE>
        Citizen tips and their results
          ...: 726 tips
          valuable tips: 655 tips
          ...: 90.2% (655/726)
        <BLANKLINE>
        Records: 2 figures
    """
    from antq_domain.records.groups import RecordGroup  # noqa: PLC0415 - records load late

    cat = report.catalogue
    lines: list[str] = []
    title = report.title
    if title is not None:
        lines.append(t(lang, "Báo cáo: ", "Report: ") + label_text(title, lang))
    lines.append(t(lang, "Cơ quan báo cáo: ", "Issuer: ") + report.issuer)
    lines.append(t(lang, "Địa bàn: ", "Place: ") + place_text(report.place, lang))
    period = report.period.format(lang)
    if period != str(report.period):
        period += f" ({report.period})"
    lines.append(t(lang, "Kỳ báo cáo: ", "Period: ") + period)
    as_of = report.as_of.strftime("%d/%m/%Y") if lang == "vi" else report.as_of.isoformat()
    lines.append(t(lang, "Số liệu tính đến: ", "As of: ") + as_of)

    groups: dict[str, list[str]] = {}
    for obs in report.observations:
        where = ""
        if obs.place != report.place or str(obs.period) != str(report.period):
            where = f" ({place_text(obs.place, lang)}, {obs.period.format(lang)})"
        head = indicator_text(cat, obs.indicator, obs.dims, lang)
        groups.setdefault(cat[obs.indicator].area, []).append(
            f"  {head}{where}: {value_text(obs.value, lang)}"
        )
    for code, dims in report.ratio_cells():
        head = indicator_text(cat, code, dims, lang)
        shown = value_text(report.ratio(code, dims), lang)
        groups.setdefault(cat[code].area, []).append(f"  {head}: {shown}")
    for area, area_lines in groups.items():
        lines.extend(["", cat.area_label(area).text(lang), *area_lines])

    counts = [f"{len(report.observations)} {RecordGroup.OBSERVATIONS.text(lang)}"]
    counts.extend(
        f"{len(getattr(report, g.value))} {g.text(lang)}"
        for g in RecordGroup.records()
        if getattr(report, g.value)
    )
    lines.extend(["", t(lang, "Hồ sơ: ", "Records: ") + ", ".join(counts)])
    for group in (RecordGroup.LIMITATIONS, RecordGroup.DIRECTIONS):
        items = getattr(report, group.value)
        if items:
            lines.extend(["", capitalised(group.text(lang))])
            lines.extend(f"  {item.ordinal}. {item.text(lang)}" for item in items)
    return "\n".join(lines)


def data_frame(rows: Iterable[Mapping[str, Any]], feature: str) -> Any:
    """A pandas DataFrame of display rows (the ``to_pandas()`` of results).

    Raises:
        MissingExtraError: pandas is not installed (the ``pandas`` extra).

    Example:
        >>> from antq_domain.display import data_frame
        >>> data_frame([{"a": 1}], "example").shape  # doctest: +SKIP
        (1, 1)
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional extra, imported on use
    except ImportError as exc:
        raise MissingExtraError(feature, "pandas", "pandas") from exc
    return pd.DataFrame(list(rows))
