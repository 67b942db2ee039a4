"""Tidy rows: the bulk contract shared by notebooks, spreadsheets and pipelines.

One plain dict per observation, with the keys of the design map:

| key | required | meaning |
|---|---|---|
| ``indicator`` | yes | catalogue code (``tips.valuable``) |
| ``place`` | yes | place code in the register |
| ``period`` | yes | canonical period id (``2023``, ``2020Q2``) |
| ``value`` | yes | int; decimal text for kg, money, percent (``"13.85"``); ``None`` if missing |
| ``qualifier`` | no | ``exact`` (default) or another [`Qualifier`][antq_domain.Qualifier] code |
| ``status`` | no | ``reported`` (default), ``not_reported``, ``not_applicable``, ``withheld`` |
| ``unit`` | no | the indicator's unit; must match it when given |
| ``dim_<name>`` | per dim | a dimension code (``dim_unit_kind=commune``) |
| ``source`` | no | document reference or URL |
| ``quote`` | no | the phrase the figure was read from |
| ``reason`` | withheld | why a figure is withheld (the one key added to the design map) |

Anything else is an error naming the row and the key. In CSV an empty cell
means the key is absent; so do ``None``, a float NaN and pandas' ``pd.NA``
(what missing cells become in a DataFrame), read as "no value", never as 0.
A ``value`` given as text is ASCII digits with an optional ``.`` decimal part
(``"13.85"``): no sign, no exponent, no grouping, within the digit limits of
[`antq_domain.limits`][antq_domain.limits].
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

from antq_domain.errors import (
    AntqError,
    InvariantError,
    LimitError,
    Message,
    ParseError,
    Problem,
    RecordError,
    UnitMismatchError,
)
from antq_domain.limits import MAX_NUMBER_CHARS, check_text
from antq_domain.records.indicators import Catalogue, Indicator, IndicatorKind, catalogue
from antq_domain.records.observation import Dims, Observation
from antq_domain.records.places import Registry
from antq_domain.records.places import registry as standard_registry
from antq_domain.values.missing import NOT_APPLICABLE, NOT_REPORTED, Status, Value, Withheld
from antq_domain.values.numbers import parse_number
from antq_domain.values.quantity import Quantity
from antq_domain.values.unit import Qualifier, Unit

__all__ = ["TIDY_KEYS", "HasObservations", "from_tidy", "observation_row", "tidy"]

TIDY_KEYS: tuple[str, ...] = (
    "indicator",
    "place",
    "period",
    "value",
    "qualifier",
    "status",
    "unit",
    "source",
    "quote",
    "reason",
)
"""The fixed keys of a tidy row, in column order; ``dim_<name>`` keys come between
``unit`` and ``source`` when written to CSV."""

_REQUIRED = ("indicator", "place", "period")  # "value" may be absent when missing


@runtime_checkable
class HasObservations(Protocol):
    """Anything with an ``observations`` sequence (a report, a rollup result).

    Example:
        >>> from datetime import date
        >>> from antq_domain.records import MovementReport
        >>> r = MovementReport(issuer="x", place="62", period="2023", as_of=date(2024, 1, 1))
        >>> isinstance(r, HasObservations)
        True
    """

    @property
    def observations(self) -> Sequence[Observation]:
        """The observations it holds.

        Example:
            >>> from datetime import date
            >>> from antq_domain.records import MovementReport
            >>> MovementReport(issuer="x", place="62", period="2023",
            ...                as_of=date(2024, 1, 1)).observations
            ()
        """
        ...


def observation_row(obs: Observation) -> dict[str, Any]:
    """The tidy row of one observation.

    Example:
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> obs = Observation(indicator="mobilisation.launch_participants", place="62",
        ...                   period="2023", value=Quantity(145410, "participation", "more_than"))
        >>> row = observation_row(obs)
        >>> row["value"], row["qualifier"], row["unit"]
        (145410, 'more_than', 'participation')
    """
    row: dict[str, Any] = {
        "indicator": obs.indicator,
        "place": obs.place,
        "period": str(obs.period),
    }
    value = obs.value
    if isinstance(value, Quantity):
        amount = value.amount
        row["value"] = format(amount, "f") if isinstance(amount, Decimal) else amount
        row["qualifier"] = value.qualifier.value
        row["status"] = Status.REPORTED.value
        row["unit"] = value.unit.value
    else:
        row["value"] = None
        row["qualifier"] = None
        row["status"] = value.status.value
        row["unit"] = None
    for name, code in obs.dims.items():
        row[f"dim_{name}"] = code
    row["source"] = obs.source
    row["quote"] = obs.quote
    row["reason"] = value.reason if isinstance(value, Withheld) else None
    return row


def tidy(x: HasObservations | Iterable[Observation]) -> list[dict[str, Any]]:
    """Tidy rows of a report, a result with observations, or observations.

    One plain dict per observation, ready for ``pandas.DataFrame(rows)``.
    [`from_tidy`][antq_domain.from_tidy] is the inverse.

    Example:
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import NOT_REPORTED
        >>> rows = tidy([Observation(indicator="tips.received", place="62", period="2023",
        ...                          value=NOT_REPORTED)])
        >>> rows[0]["status"], rows[0]["value"]
        ('not_reported', None)
    """
    observations = x.observations if isinstance(x, HasObservations) else x
    return [observation_row(obs) for obs in observations]


_WIRE_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_WIRE_WHOLE = re.compile(r"[0-9]+")


def _absent(value: object) -> bool:
    """``None``, ``""``, a float NaN or pandas' ``NA``: no value (pandas never imported)."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return True
    return type(value).__name__ == "NAType" and type(value).__module__.startswith("pandas")


def _text(row: Mapping[str, Any], key: str) -> str | None:
    value = row.get(key)
    if _absent(value):
        return None
    if not isinstance(value, str):
        raise ParseError(key, value, "text", expected_vi="văn bản")
    return check_text(key, value)


def _amount(raw: Any, unit: Unit) -> int | Decimal:
    if isinstance(raw, bool):
        raise ParseError(
            "value", raw, "a number, not a boolean", expected_vi="một con số, không phải true/false"
        )
    if isinstance(raw, int | Decimal):
        return raw
    if isinstance(raw, numbers.Integral):  # numpy's integers, from a DataFrame
        return int(raw)
    if isinstance(raw, float):
        raise ParseError(
            "value",
            raw,
            "an int or a decimal string, never a float",
            expected_vi="một số nguyên hoặc một số thập phân viết dạng chuỗi, không bao giờ là "
            "số thực dấu phẩy động (float)",
        )
    if isinstance(raw, str):
        text = raw.strip()
        if len(text) > MAX_NUMBER_CHARS:
            raise LimitError(
                "value",
                text,
                f"at most {MAX_NUMBER_CHARS} characters",
                expected_vi=f"nhiều nhất {MAX_NUMBER_CHARS} ký tự",
            )
        if unit.is_decimal:
            if _WIRE_DECIMAL.fullmatch(text):
                return Decimal(text)
            return _vietnamese(raw, text, unit)
        if _WIRE_WHOLE.fullmatch(text):
            return int(text)
        return _vietnamese(raw, text, unit)
    raise ParseError(
        "value",
        raw,
        "an int or a decimal string",
        expected_vi="một số nguyên hoặc một số thập phân viết dạng chuỗi",
    )


def _vietnamese(raw: str, text: str, unit: Unit) -> int | Decimal:
    """A figure written the Vietnamese way in a text cell ("1.160", "13,85", "2,5 triệu").

    The wire form comes first (digits, with ``.`` before decimals for the
    decimal units): what the library writes is read back unchanged. Anything
    else is read by the library's number parser, strictly ("1,160" is
    refused: an English writer means 1160 by it); a qualifier word belongs in
    the ``qualifier`` key, never in the figure.
    """
    if unit.is_decimal:
        expected = f"a decimal such as '13.85' or '13,85' for unit {unit.value!r}"
        expected_vi = f"một số thập phân như '13.85' hoặc '13,85' cho đơn vị tính {unit.value!r}"
    else:
        expected = f"a whole number of {unit.value!r} such as '1160' or '1.160'"
        expected_vi = f"một số nguyên ({unit.value!r}) như '1160' hoặc '1.160'"
    bad = ParseError("value", raw, expected, expected_vi=expected_vi)
    try:
        parsed = parse_number(text, field="value", strict=True)
    except AntqError:
        raise bad from None
    if parsed.qualifier is not Qualifier.EXACT:
        word = parsed.qualifier.value
        raise ParseError(
            "value",
            raw,
            f"the figure alone; put {word!r} in the 'qualifier' key",
            expected_vi=f"chỉ con số; ghi {word!r} vào cột 'qualifier'",
        )
    amount = parsed.value
    if not unit.is_decimal and not isinstance(amount, int):
        raise bad
    return amount


def _status(row: Mapping[str, Any]) -> Status:
    text = _text(row, "status") or Status.REPORTED.value
    try:
        return Status(text)
    except ValueError:
        codes = ", ".join(s.value for s in Status)
        raise ParseError(
            "status",
            text,
            f"one of {codes}",
            expected_vi="một trong các mã " + ", ".join(repr(s.value) for s in Status),
        ) from None


def _unit(row: Mapping[str, Any], indicator: Indicator) -> Unit:
    if indicator.kind in (IndicatorKind.RATIO, IndicatorKind.REPORTED_RATIO):
        unit = Unit.PERCENT
    else:
        assert indicator.unit is not None  # noqa: S101 - guaranteed by Indicator
        unit = indicator.unit
    given = _text(row, "unit")
    if given is not None and given != unit.value:
        raise UnitMismatchError(
            "unit",
            given,
            f"{unit.value!r} for {indicator.code!r}",
            expected_vi=f"{unit.value!r}, đơn vị tính của chỉ tiêu {indicator.code!r}",
        )
    return unit


def _value(row: Mapping[str, Any], status: Status, unit: Unit) -> Value:
    raw = None if _absent(row.get("value")) else row.get("value")
    qualifier_text = _text(row, "qualifier")
    reason = _text(row, "reason")
    if reason is not None and status is not Status.WITHHELD:
        raise InvariantError(
            "reason",
            reason,
            "only with status 'withheld'",
            expected_vi="chỉ ghi khi tình trạng là 'withheld' (không công bố)",
        )
    if status is Status.REPORTED:
        if raw is None:
            raise InvariantError(
                "value",
                None,
                "a figure when status is 'reported' "
                "(a missing figure needs a status such as 'not_reported')",
                expected_vi="một con số khi tình trạng là 'reported' (số liệu thiếu cần ghi "
                "tình trạng, ví dụ 'not_reported' là không báo cáo)",
            )
        qualifier = Qualifier.parse(qualifier_text or Qualifier.EXACT.value)
        return Quantity(_amount(raw, unit), unit, qualifier)
    if raw is not None:
        raise InvariantError(
            "value",
            raw,
            f"no value when status is {status.value!r}",
            expected_vi=f"để trống khi tình trạng là {status.value!r}",
        )
    if qualifier_text is not None and qualifier_text != Qualifier.EXACT.value:
        raise InvariantError(
            "qualifier",
            qualifier_text,
            f"none when status is {status.value!r}",
            expected_vi=f"để trống khi tình trạng là {status.value!r}",
        )
    if status is Status.WITHHELD:
        if reason is None:
            raise InvariantError(
                "reason",
                None,
                "why the figure is withheld",
                expected_vi="lý do số liệu không được công bố",
            )
        return Withheld(reason)
    return NOT_REPORTED if status is Status.NOT_REPORTED else NOT_APPLICABLE


def _row_to_observation(
    row: Mapping[str, Any], cat: Catalogue, reg: Registry | None
) -> Observation:
    unknown = [k for k in row if k not in TIDY_KEYS and not k.startswith("dim_")]
    if unknown:
        keys = ", ".join(TIDY_KEYS)
        quoted = ", ".join(repr(k) for k in TIDY_KEYS)
        unknown_key = Message(
            f"unknown key {unknown[0]!r}: expected one of {keys} or dim_<name>",
            f"khóa {unknown[0]!r} không có trong mẫu: cần một trong các khóa {quoted} "
            "hoặc 'dim_<tên>'",
        )
        raise RecordError("tidy rows", [("", unknown_key)])
    for key in _REQUIRED:
        if key not in row:
            missing = Message(f"missing key {key!r}", f"thiếu khóa {key!r}")
            raise RecordError("tidy rows", [("", missing)])
    code = _text(row, "indicator")
    if code is None:
        raise InvariantError(
            "indicator", None, "a catalogue code", expected_vi="một mã trong danh mục chỉ tiêu"
        )
    indicator = cat.get(code)
    value = _value(row, _status(row), _unit(row, indicator))
    dims = {k[4:]: v for k, v in row.items() if k.startswith("dim_") and not _absent(v)}
    return Observation.model_validate(
        {
            "indicator": code,
            "place": _text(row, "place"),
            "period": _text(row, "period"),
            "value": value,
            "dims": Dims.of(dims),
            "source": _text(row, "source"),
            "quote": _text(row, "quote"),
        },
        context={"catalogue": cat} if reg is None else {"catalogue": cat, "registry": reg},
    )


def from_tidy(
    rows: Iterable[Mapping[str, Any]],
    *,
    catalogue: Catalogue | None = None,
    registry: Registry | None = None,
    check_places: bool = True,
) -> list[Observation]:
    """Observations from tidy rows (validated); the inverse of [`tidy`][antq_domain.tidy].

    Every row is checked; problems from all rows are gathered into one
    [`RecordError`][antq_domain.RecordError] whose locations name the row (``row 3``) and the
    key.

    Args:
        rows: the rows, as produced by [`tidy`][antq_domain.tidy] or read from a file.
        catalogue: the catalogue that defines the indicators (default: the
            standard one); pass ``catalogue().with_indicators(...)`` for your
            own indicators.
        registry: the register the places are codes of (default: the bundled
            one). Each row's place must be a code of a place that existed
            during the row's period ([`Registry.check`][antq_domain.records.places.Registry.check]).
        check_places: ``False`` takes the places as given, for a caller that
            checks them against its own register itself (the bulk path and
            [`rollup`][antq_domain.rollup] do, with the register they are given).

    Example:
        >>> rows = [{"indicator": "tips.received", "place": "62", "period": "2023",
        ...          "value": 726, "quote": "726 nguồn tin về ANTT"}]
        >>> [str(o.value) for o in from_tidy(rows)]
        ['726 tip']
        >>> from_tidy([{"indicator": "tips.received", "place": "62", "period": "2023",
        ...             "value": 1, "colour": "red"}])
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: tidy rows: 1 problem
          row 1: unknown key 'colour': expected one of indicator, ... or dim_<name>
        >>> from_tidy([{"indicator": "tips.received", "place": "Kon Tum", "period": "2023",
        ...             "value": 1}])
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: tidy rows: 1 problem
          row 1: place='Kon Tum': expected a code of the register (did you mean '62' ...?)
    """
    cat = catalogue if catalogue is not None else _standard()
    reg = (registry if registry is not None else standard_registry()) if check_places else None
    out: list[Observation] = []
    problems: list[Problem] = []
    for number, row in enumerate(rows, start=1):
        try:
            out.append(_row_to_observation(row, cat, reg))
        except RecordError as exc:
            problems.extend(
                (f"row {number}.{loc}" if loc else f"row {number}", msg) for loc, msg in exc.parts
            )
        except AntqError as exc:
            problems.append((f"row {number}", exc))
        except (ValueError, KeyError) as exc:
            message = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
            problems.append((f"row {number}", str(message)))
    if problems:
        raise RecordError("tidy rows", problems)
    return out


def _standard() -> Catalogue:
    return catalogue()
