"""DataFrames of tidy rows, for notebooks: `to_pandas` and `to_polars`.

An edge of the library: pandas and polars are optional extras, imported only when one of these
functions is called (``import antq_domain`` never imports a dataframe library). Without the extra,
the call raises [`MissingExtraError`][antq_domain.errors.MissingExtraError], naming what to install
(``pip install 'antq-domain[pandas]'``).

Anything [`antq_domain.io.rows.tidy`][antq_domain.tidy] accepts (a report, a rollup result,
observations) becomes one row per observation; so does anything with a ``tidy_rows()`` (or
``to_rows()`` / ``rows()``) method returning tidy-shaped dicts
([`HasTidyRows`][antq_domain.frames.HasTidyRows]), or an iterable of such dicts.

**Columns and dtypes (pandas).** The tidy keys, in the order of
[`TIDY_KEYS`][antq_domain.io.rows.TIDY_KEYS], with ``dim_<name>`` columns between ``unit`` and
``source`` and one column added after ``value``:

| column | dtype | holds |
|---|---|---|
| ``indicator`` | ``category`` | catalogue code |
| ``place`` | ``category`` | place code |
| ``period`` | ordered category | period id, categories in time order |
| ``value`` | ``object`` | the **exact** figure: ``int``, or ``Decimal`` (kg, money, percent) |
| ``count`` | ``Int64`` | the figure when its unit counts whole things, else ``<NA>`` |
| ``qualifier`` | ``category`` | all four qualifier codes as categories |
| ``status`` | ``category`` | all four status codes as categories |
| ``unit`` | ``category`` | all unit codes as categories |
| ``dim_<name>`` | ``category`` | a dimension code, ``NaN`` where absent |
| ``source``, ``quote``, ``reason`` | ``string`` | text, ``<NA>`` where absent |

Why two value columns: a float cannot hold ``13.85`` kilograms or a money
amount exactly, so ``value`` keeps the Python ``int``/``Decimal`` the library
computes with (sum it with ``sum(df["value"])`` for an exact total), while
``count`` gives pandas a vectorised nullable integer column for the counts,
which is most figures. ``lossy_float=True`` adds a ``value_float``
(``Float64``) column for plotting and quick looks, named so nobody mistakes
it for the figure. A missing figure is ``None`` / ``<NA>``, never ``0``.

**polars.** [`to_polars`][antq_domain.to_polars] gives the same columns: codes as
``pl.Categorical`` (qualifier, status and unit as ``pl.Enum`` of their codelists), ``count`` as
``pl.Int64``, and ``value`` as ``pl.String`` holding the exact canonical text (``"13.85"``,
``"726"``), since polars has no column that mixes ints and decimals exactly.

Example:
    >>> import antq_domain as aq
    >>> from antq_domain.frames import to_pandas
    >>> df = to_pandas([{"indicator": "tips.received", "place": "62", "period": "2023",
    ...                  "value": 726, "status": "reported", "unit": "tip"}])
    >>> df.loc[0, "count"], str(df["count"].dtype), str(df["indicator"].dtype)
    (np.int64(726), 'Int64', 'category')
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, runtime_checkable

from antq_domain.errors import AntqTypeError, AntqValueError, MissingExtraError, RecordError
from antq_domain.io.rows import TIDY_KEYS, HasObservations, from_tidy, tidy
from antq_domain.records.indicators import Catalogue, catalogue
from antq_domain.records.observation import Observation
from antq_domain.records.places import Registry
from antq_domain.values.label import Lang
from antq_domain.values.missing import Status
from antq_domain.values.period import Period
from antq_domain.values.unit import Qualifier, Unit

if TYPE_CHECKING:  # pragma: no cover - names for type checkers only
    import pandas as pd
    import polars as pl

__all__ = [
    "HasTidyRows",
    "MissingExtraError",
    "TidySource",
    "columns",
    "from_frame_rows",
    "from_pandas",
    "from_polars",
    "tidy_rows_of",
    "to_pandas",
    "to_polars",
]

_INT64_MAX = 2**63 - 1
_CODE_COLUMNS = ("indicator", "place", "qualifier", "status", "unit")
_TEXT_COLUMNS = ("source", "quote", "reason")
_ROW_METHODS = ("tidy_rows", "to_rows", "rows")


@runtime_checkable
class HasTidyRows(Protocol):
    """Anything that gives its own tidy-shaped rows (an analysis result, a scorecard).

    Example:
        >>> from antq_domain.frames import HasTidyRows
        >>> class Result:
        ...     def tidy_rows(self):
        ...         return [{"indicator": "tips.received", "place": "62", "period": "2023"}]
        >>> isinstance(Result(), HasTidyRows)
        True
    """

    def tidy_rows(self) -> Sequence[Mapping[str, Any]]:
        """The rows, one plain dict per line, with tidy keys where they apply.

        Example:
            >>> from antq_domain.frames import to_pandas
            >>> class Result:
            ...     def tidy_rows(self):
            ...         return [{"indicator": "tips.received", "place": "62",
            ...                  "period": "2023", "value": 726, "unit": "tip"}]
            >>> to_pandas(Result())["count"].tolist()
            [726]
        """
        ...


TidySource: TypeAlias = (
    HasObservations | HasTidyRows | Iterable[Observation] | Iterable[Mapping[str, Any]]
)
"""What [`to_pandas`][antq_domain.to_pandas] accepts: a report or result, observations, or
rows."""


def tidy_rows_of(x: object) -> list[dict[str, Any]]:
    """The tidy rows of ``x``: a report, a result, observations or rows.

    In order: anything with ``observations`` goes through [`tidy`][antq_domain.tidy]; then a
    ``tidy_rows()``, ``to_rows()`` or ``rows()`` method is called; then an iterable of observations
    or of dicts is taken as is.

    Raises:
        AntqTypeError: ``x`` is none of these.

    Example:
        >>> from antq_domain.frames import tidy_rows_of
        >>> from antq_domain.records.observation import Observation
        >>> from antq_domain.values import Quantity
        >>> rows = tidy_rows_of([Observation(indicator="tips.received", place="62",
        ...                                  period="2023", value=Quantity(726, "tip"))])
        >>> rows[0]["value"], rows[0]["unit"]
        (726, 'tip')
        >>> tidy_rows_of(42)
        Traceback (most recent call last):
        ...
        antq_domain.errors.AntqTypeError: x=42: expected a report, a result with observations ...
    """
    if isinstance(x, HasObservations):
        return tidy(x)
    for name in _ROW_METHODS:
        method = getattr(x, name, None)
        if callable(method):
            rows: Iterable[Mapping[str, Any]] = method()
            return [dict(row) for row in rows]
    if isinstance(x, Iterable) and not isinstance(x, str | bytes | Mapping):
        items = list(x)
        if all(isinstance(item, Observation) for item in items):
            return tidy([item for item in items if isinstance(item, Observation)])
        if all(isinstance(item, Mapping) for item in items):
            return [dict(item) for item in items]
    raise AntqTypeError(
        "x",
        x,
        "a report, a result with observations or tidy_rows(), observations, or tidy rows",
    )


def columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """The column order of a frame of ``rows``.

    The tidy keys in [`TIDY_KEYS`][antq_domain.io.rows.TIDY_KEYS] order, ``count`` after ``value``,
    ``dim_<name>`` (sorted) between ``unit`` and ``source``, then any other keys in order of first
    appearance.

    Example:
        >>> from antq_domain.frames import columns
        >>> columns([{"indicator": "x.y", "dim_form": "medal", "note": "n"}])[:5]
        ['indicator', 'place', 'period', 'value', 'count']
        >>> columns([{"indicator": "x.y", "dim_form": "medal", "note": "n"}])[-5:]
        ['dim_form', 'source', 'quote', 'reason', 'note']
    """
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    dims = sorted(k for k in seen if k.startswith("dim_"))
    head = ["indicator", "place", "period", "value", "count", "qualifier", "status", "unit"]
    tail = ["source", "quote", "reason"]
    known = set(head) | set(tail) | set(dims) | set(TIDY_KEYS)
    return head + dims + tail + [k for k in seen if k not in known]


def _decimal_unit(row: Mapping[str, Any]) -> bool:
    unit = row.get("unit")
    return isinstance(unit, str) and unit in set(Unit) and Unit(unit).is_decimal


def _exact(row: Mapping[str, Any]) -> int | Decimal | None:
    """The exact figure of a row: int, Decimal, or None."""
    raw = row.get("value")
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool | float):
        raise AntqValueError("value", raw, "an int or a decimal string, never a float or bool")
    if isinstance(raw, int | Decimal):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        if not _decimal_unit(row) and text.isascii() and text.isdigit():
            return int(text)
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise AntqValueError("value", raw, "an int or a decimal string") from None
        if not amount.is_finite():
            raise AntqValueError("value", raw, "a finite decimal")
        return amount
    raise AntqValueError("value", raw, "an int or a decimal string")


def _count(row: Mapping[str, Any], exact: int | Decimal | None) -> int | None:
    if not isinstance(exact, int) or _decimal_unit(row):
        return None
    if exact > _INT64_MAX:
        raise AntqValueError("value", exact, f"a count up to {_INT64_MAX} for the Int64 column")
    return exact


def _period_order(codes: Iterable[str]) -> list[str]:
    def key(code: str) -> tuple[int, Any, str]:
        try:
            return (0, Period.parse(code).sort_key, code)
        except ValueError:
            return (1, (), code)

    return sorted(set(codes), key=key)


def _code_categories(name: str) -> list[str] | None:
    """The full codelist of a code column, or None when inferred from the data."""
    if name == "qualifier":
        return [q.value for q in Qualifier]
    if name == "status":
        return [s.value for s in Status]
    if name == "unit":
        return [u.value for u in Unit]
    return None


def _prepared(
    x: object, lossy_float: bool, labels: Lang | None, cat: Catalogue | None
) -> tuple[list[str], list[dict[str, Any]]]:
    rows = tidy_rows_of(x)
    cols = columns(rows)
    prepared: list[dict[str, Any]] = []
    for row in rows:
        exact = _exact(row)
        out = {k: row.get(k) for k in cols}
        out["value"] = exact
        out["count"] = _count(row, exact)
        prepared.append(out)
    if lossy_float:
        cols.insert(cols.index("count") + 1, "value_float")
        for out in prepared:
            exact = out["value"]
            out["value_float"] = float(exact) if isinstance(exact, int | Decimal) else None
    if labels is not None:
        use = cat if cat is not None else catalogue()
        cols.insert(1, "indicator_label")
        for out in prepared:
            code = out.get("indicator")
            known = isinstance(code, str) and code in use
            out["indicator_label"] = use.get(str(code)).label.text(labels) if known else None
    return cols, prepared


def _catalogue_of(x: object, given: Catalogue | None) -> Catalogue | None:
    if given is not None:
        return given
    found = getattr(x, "catalogue", None)
    return found if isinstance(found, Catalogue) else None


def to_pandas(
    x: TidySource,
    *,
    lossy_float: bool = False,
    labels: Lang | None = None,
    catalogue: Catalogue | None = None,
) -> pd.DataFrame:
    """A pandas DataFrame of the tidy rows of ``x``, with honest dtypes.

    See the module docstring for the columns: codes are categories,
    ``value`` holds exact ``int``/``Decimal`` figures, ``count`` is a nullable
    ``Int64`` column of the counts, missing figures are ``None``/``<NA>``.

    Args:
        x: a report, a result with ``observations`` or ``tidy_rows()``,
            observations, or tidy rows.
        lossy_float: add a ``value_float`` (``Float64``) column, for plots.
        labels: add an ``indicator_label`` column in this language.
        catalogue: the catalogue for labels (default: ``x.catalogue`` if it
            has one, else the standard catalogue).

    Raises:
        MissingExtraError: pandas is not installed.

    Example:
        >>> import antq_domain as aq
        >>> from decimal import Decimal
        >>> from antq_domain.frames import to_pandas
        >>> rows = [
        ...     {"indicator": "weapons.explosives", "place": "62", "period": "2023",
        ...      "value": "13.85", "unit": "kilogram"},
        ...     {"indicator": "tips.received", "place": "62", "period": "2023",
        ...      "value": None, "status": "not_reported"},
        ... ]
        >>> df = to_pandas(rows, labels="en")
        >>> df["value"].tolist()
        [Decimal('13.85'), None]
        >>> df["count"].isna().tolist()
        [True, True]
        >>> df["indicator_label"].tolist()[1]
        'security and order tips from the public'
    """
    try:
        import pandas as pd  # noqa: PLC0415 - optional extra, imported on use
    except ImportError as exc:
        raise MissingExtraError("to_pandas", "pandas", "pandas") from exc
    cols, prepared = _prepared(x, lossy_float, labels, _catalogue_of(x, catalogue))
    data: dict[str, Any] = {}
    for name in cols:
        values = [row.get(name) for row in prepared]
        if name == "value":
            data[name] = pd.Series(values, dtype=object)
        elif name == "count":
            data[name] = pd.array(values, dtype="Int64")
        elif name == "value_float":
            data[name] = pd.array(values, dtype="Float64")
        elif name == "period":
            present = [v for v in values if isinstance(v, str)]
            data[name] = pd.Categorical(values, categories=_period_order(present), ordered=True)
        elif name in _CODE_COLUMNS or name.startswith("dim_") or name == "indicator_label":
            data[name] = pd.Categorical(values, categories=_code_categories(name))
        elif name in _TEXT_COLUMNS:
            data[name] = pd.array(values, dtype="string")
        else:
            data[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=cols)


def to_polars(
    x: TidySource,
    *,
    labels: Lang | None = None,
    catalogue: Catalogue | None = None,
) -> pl.DataFrame:
    """A polars DataFrame of the tidy rows of ``x``.

    Codes are ``pl.Categorical`` (qualifier, status, unit: ``pl.Enum`` of
    their codelists), ``count`` is ``pl.Int64``, and ``value`` is the exact
    canonical text (``pl.String``: ``"13.85"``, ``"726"``).

    Args:
        x: a report, a result with ``observations`` or ``tidy_rows()``,
            observations, or tidy rows.
        labels: add an ``indicator_label`` column in this language.
        catalogue: the catalogue for labels.

    Raises:
        MissingExtraError: polars is not installed.

    Example:
        >>> from antq_domain.frames import to_polars
        >>> df = to_polars([{"indicator": "tips.received", "place": "62", "period": "2023",
        ...                  "value": 726, "unit": "tip"}])
        >>> df["value"].to_list(), df["count"].to_list(), str(df["unit"].dtype)[:4]
        (['726'], [726], 'Enum')
    """
    try:
        import polars as pl  # noqa: PLC0415 - optional extra, imported on use
    except ImportError as exc:
        raise MissingExtraError("to_polars", "polars", "polars") from exc
    cols, prepared = _prepared(x, False, labels, _catalogue_of(x, catalogue))
    series: list[pl.Series] = []
    for name in cols:
        values = [row.get(name) for row in prepared]
        if name == "value":
            text = [
                None if v is None else format(v, "f") if isinstance(v, Decimal) else str(v)
                for v in values
            ]
            series.append(pl.Series(name, text, dtype=pl.String))
        elif name == "count":
            series.append(pl.Series(name, values, dtype=pl.Int64))
        elif (codes := _code_categories(name)) is not None:
            series.append(pl.Series(name, values, dtype=pl.Enum(codes)))
        elif name in ("indicator", "place", "period", "indicator_label") or name.startswith("dim_"):
            series.append(pl.Series(name, values, dtype=pl.Categorical))
        elif name in _TEXT_COLUMNS:
            series.append(pl.Series(name, values, dtype=pl.String))
        else:
            series.append(pl.Series(name, values))
    return pl.DataFrame(series)


# -- DataFrames back to observations ----------------------------------------------------------

# Columns to_pandas/to_polars add beside the tidy keys; read back, they are left out
# (``value`` holds the figure they derive from).
_DERIVED_COLUMNS = frozenset({"count", "value_float", "indicator_label"})


def _is_missing(value: object) -> bool:
    """None, a float NaN, pandas' ``NA``/``NaT``: a cell with nothing in it."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    kind = type(value).__name__
    return kind in ("NAType", "NaTType")


def from_frame_rows(
    rows: Iterable[Mapping[str, Any]],
    *,
    catalogue: Catalogue | None = None,
    registry: Registry | None = None,
) -> list[Observation]:
    """Observations from the rows of a DataFrame (dicts with NaN/None/NA for empty cells).

    The rules of [`from_pandas`][antq_domain.frames.from_pandas] and
    [`from_polars`][antq_domain.frames.from_polars], for rows taken out of any table:

    * an empty cell (``None``, ``NaN``, ``pd.NA``) is an absent key; an empty
      ``value`` with no ``status`` is **not reported** (never zero);
    * a float ``value`` that is a whole number (``726.0``: the type a column of
      counts takes in pandas as soon as one cell is empty) is that count; any
      other float is refused, since a float cannot hold ``13.85`` exactly (give
      the column as text or ``Decimal``);
    * the columns ``to_pandas`` adds (``count``, ``value_float``,
      ``indicator_label``) are left out; any other unknown column is an error,
      as in [`from_tidy`][antq_domain.from_tidy].

    Example:
        >>> from antq_domain.frames import from_frame_rows
        >>> obs = from_frame_rows([
        ...     {"indicator": "tips.received", "place": "62", "period": "2023", "value": 726.0},
        ...     {"indicator": "tips.valuable", "place": "62", "period": "2023",
        ...      "value": float("nan")},
        ... ])
        >>> [str(o.value) for o in obs]
        ['726 tip', 'not_reported']
        >>> from_frame_rows([{"indicator": "weapons.firecrackers", "place": "62",
        ...                   "period": "2023", "value": 13.85}])
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: tidy rows: 1 problem
          row 1: value=13.85: expected a whole number if a float; a float cannot hold ...
    """
    clean: list[dict[str, Any]] = []
    problems: list[tuple[str, str]] = []
    for number, row in enumerate(rows, start=1):
        out: dict[str, Any] = {}
        for key, cell in row.items():
            name = str(key)
            if name in _DERIVED_COLUMNS or _is_missing(cell):
                continue
            if name == "value" and isinstance(cell, float):
                if not cell.is_integer():
                    message = (
                        f"value={cell!r}: expected a whole number if a float; a float "
                        "cannot hold a decimal figure exactly (give the column as text, "
                        "'13.85', or as Decimal)"
                    )
                    problems.append((f"row {number}", message))
                    continue
                out[name] = int(cell)
                continue
            out[name] = cell
        if _is_missing(row.get("value")) and _is_missing(row.get("status")):
            out["status"] = Status.NOT_REPORTED.value
        clean.append(out)
    if problems:
        raise RecordError("tidy rows", problems)
    return from_tidy(clean, catalogue=catalogue, registry=registry)


def from_pandas(
    df: pd.DataFrame,
    *,
    catalogue: Catalogue | None = None,
    registry: Registry | None = None,
) -> list[Observation]:
    """Observations from a pandas DataFrame of tidy rows (the inverse of ``to_pandas``).

    One blank cell turns a column of counts into floats in pandas; that is
    read back as the counts it holds, and the blank as *not reported* (see
    [`from_frame_rows`][antq_domain.frames.from_frame_rows] for the rules). Every row is
    validated as by [`from_tidy`][antq_domain.from_tidy] (places against ``registry``).

    Example:
        >>> import pandas as pd
        >>> from antq_domain.frames import from_pandas, to_pandas
        >>> df = pd.DataFrame({"indicator": ["tips.received", "tips.valuable"],
        ...                    "place": ["62", "62"], "period": ["2023", "2023"],
        ...                    "value": [726, None]})
        >>> str(df["value"].dtype)
        'float64'
        >>> [str(o.value) for o in from_pandas(df)]
        ['726 tip', 'not_reported']
        >>> from_pandas(to_pandas(from_pandas(df))) == from_pandas(df)
        True
    """
    try:
        import pandas  # noqa: F401, PLC0415 - the optional extra
    except ImportError as exc:  # pragma: no cover - needs an environment without pandas
        raise MissingExtraError("from_pandas", "pandas", "pandas") from exc
    rows = [
        {str(k): (str(v) if k in ("period",) and not _is_missing(v) else v) for k, v in r.items()}
        for r in df.to_dict(orient="records")
    ]
    return from_frame_rows(rows, catalogue=catalogue, registry=registry)


def from_polars(
    df: pl.DataFrame,
    *,
    catalogue: Catalogue | None = None,
    registry: Registry | None = None,
) -> list[Observation]:
    """Observations from a polars DataFrame of tidy rows (the inverse of ``to_polars``).

    Nulls are empty cells; the rules are those of
    [`from_frame_rows`][antq_domain.frames.from_frame_rows].

    Example:
        >>> import polars as pl
        >>> from antq_domain.frames import from_polars, to_polars
        >>> df = pl.DataFrame({"indicator": ["tips.received", "tips.valuable"],
        ...                    "place": ["62", "62"], "period": ["2023", "2023"],
        ...                    "value": [726.0, None]})
        >>> [str(o.value) for o in from_polars(df)]
        ['726 tip', 'not_reported']
        >>> from_polars(to_polars(from_polars(df))) == from_polars(df)
        True
    """
    try:
        import polars  # noqa: F401, PLC0415 - the optional extra
    except ImportError as exc:  # pragma: no cover - needs an environment without polars
        raise MissingExtraError("from_polars", "polars", "polars") from exc
    return from_frame_rows(df.to_dicts(), catalogue=catalogue, registry=registry)
