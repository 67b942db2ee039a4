"""Tables as inputs: a DataFrame or a list of tidy-row dicts where observations are expected.

``rollup``, ``compare`` and ``validate`` take what ``to_pandas`` takes: besides
observations, a report or a result, a pandas or polars DataFrame of tidy rows
(read with [`from_pandas`][antq_domain.from_pandas] /
[`from_polars`][antq_domain.from_polars]) or a list of tidy-row dicts (read with
[`from_tidy`][antq_domain.from_tidy]), every row validated. The readers are
imported only when a table is given (the io and frames layers sit above analysis).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from antq_domain.records.indicators import Catalogue


def _frame_kind(x: object) -> str | None:
    module = type(x).__module__.split(".", 1)[0]
    if type(x).__name__ == "DataFrame" and module in ("pandas", "polars"):
        return module
    return None


def as_observations(x: object, catalogue: Catalogue | None = None) -> Any:
    """``x`` read into observations if it is a DataFrame or a list of dicts; else ``x`` itself.

    Example:
        >>> from antq_domain.analysis._inputs import as_observations
        >>> rows = [{"indicator": "tips.received", "place": "62", "period": "2023", "value": 7}]
        >>> [str(o.value) for o in as_observations(rows)]
        ['7 tip']
        >>> as_observations("text")
        'text'
    """
    kind = _frame_kind(x)
    if kind is not None:
        frames = importlib.import_module("antq_domain.frames")
        reader = frames.from_pandas if kind == "pandas" else frames.from_polars
        return reader(x, catalogue=catalogue)
    if isinstance(x, list | tuple) and x and all(isinstance(item, Mapping) for item in x):
        rows = importlib.import_module("antq_domain.io.rows")
        return rows.from_tidy(x, catalogue=catalogue)
    return x
