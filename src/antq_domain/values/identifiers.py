r"""The shapes of the library's identifiers, declared once.

Every identifier a record or a rule names is lower-case ASCII, so it reads
the same in any locale and in a URL:

* a **code** names an indicator or a finding: dotted words, each starting
  with a letter (``tips.received``, ``total.mismatch``);
* a **name** names a dimension: one word starting with a letter
  (``unit_kind``);
* a **value** is a dimension's code: one word that may start with a digit
  (``commune``, ``2023``);
* an **id** names a rule: dotted, its first word starting with a letter and
  the later ones with a letter or a digit (``ratio.tips.valuable_rate.parts``).

Each shape is a pattern (text, as JSON Schema takes it) and the compiled
expression the library matches with, always with ``fullmatch``: the patterns
end in ``$``, which in Python's ``match`` lets a trailing newline through.

Example:
    >>> from antq_domain.values.identifiers import CODE, NAME, VALUE
    >>> bool(CODE.fullmatch("tips.received")), bool(CODE.fullmatch("tips"))
    (True, False)
    >>> bool(NAME.fullmatch("unit_kind")), bool(VALUE.fullmatch("2023"))
    (True, True)
    >>> bool(NAME.fullmatch("unit_kind\n"))
    False
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "CODE",
    "CODE_PATTERN",
    "ID",
    "ID_PATTERN",
    "NAME",
    "NAME_PATTERN",
    "VALUE",
    "VALUE_PATTERN",
]

CODE_PATTERN: Final[str] = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$"
"""A dotted code such as ``tips.received``: an indicator's or a finding's."""

NAME_PATTERN: Final[str] = r"^[a-z][a-z0-9_]*$"
"""A dimension's name such as ``unit_kind``."""

VALUE_PATTERN: Final[str] = r"^[a-z0-9][a-z0-9_]*$"
"""A dimension's value (code) such as ``commune``."""

ID_PATTERN: Final[str] = r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$"
"""A rule's id such as ``tips.valuable_le_received``."""

CODE: Final = re.compile(CODE_PATTERN)
"""[`CODE_PATTERN`][antq_domain.values.identifiers.CODE_PATTERN], compiled."""

NAME: Final = re.compile(NAME_PATTERN)
"""[`NAME_PATTERN`][antq_domain.values.identifiers.NAME_PATTERN], compiled."""

VALUE: Final = re.compile(VALUE_PATTERN)
"""[`VALUE_PATTERN`][antq_domain.values.identifiers.VALUE_PATTERN], compiled."""

ID: Final = re.compile(ID_PATTERN)
"""[`ID_PATTERN`][antq_domain.values.identifiers.ID_PATTERN], compiled."""
