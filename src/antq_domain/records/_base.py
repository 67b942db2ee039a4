"""The base of every domain record: frozen pydantic, unknown fields forbidden.

Constructing or validating a record that breaks a rule raises
[`RecordError`][antq_domain.RecordError] (a ``ValueError``) listing *every* problem with its
location, never pydantic's own exception type, so callers handle one hierarchy.
"""

from __future__ import annotations

from typing import Any, Self

import pydantic
from pydantic import BaseModel, ConfigDict, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from antq_domain.errors import AntqError, RecordError
from antq_domain.values._pydantic import summary

__all__ = ["Record", "problems_of"]


def problems_of(exc: pydantic.ValidationError) -> list[tuple[str, str]]:
    """Turn pydantic's error list into ``(location, message)`` pairs.

    The location is a dotted path (``observations.3.value.amount``); the
    message keeps the offending input with ``!r`` so it names field, value and
    expectation.
    """
    out: list[tuple[str, str]] = []
    for err in exc.errors(include_url=False):
        # drop pydantic's schema tags ("function-after[...]", "json-or-python[...]")
        parts = [str(p) for p in err["loc"] if not _is_schema_tag(p)]
        loc = ".".join(parts)
        ctx = err.get("ctx") or {}
        inner = ctx.get("error")
        if isinstance(inner, RecordError):
            # a nested record raised our own error: keep its problems, re-rooted
            out.extend(
                (".".join(x for x in (loc, inner_loc) if x), msg)
                for inner_loc, msg in inner.problems
            )
            continue
        if isinstance(inner, AntqError):
            message = str(inner)
            field = getattr(inner, "field", None)
            if not loc and isinstance(field, str):
                # a record-level rule: locate the problem at the field it names
                loc = field
        else:
            message = f"{err['msg']} (got {err.get('input')!r})"
        if (loc, message) not in out:
            out.append((loc, message))
    return out


def _is_schema_tag(part: object) -> bool:
    return isinstance(part, str) and ("[" in part or part in _TAGS)


_TAGS = frozenset({"function-after", "function-wrap", "function-plain", "typed-dict"})


class Record(BaseModel):
    """Base class of every record: frozen, unknown fields rejected, our errors.

    Records compare by content (pydantic equality); those that stand for an
    entity with an identity (a model, a programme) say so in their docstring
    and carry an ``id``.

    Example:
        >>> from antq_domain.records._base import Record
        >>> class Note(Record):
        ...     text: str
        >>> Note(text="x", colour="red")
        Traceback (most recent call last):
        ...
        antq_domain.errors.RecordError: Note: 1 problem
          colour: Extra inputs are not permitted (got 'red')
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        strict=False,
        validate_default=True,
        revalidate_instances="never",
        ser_json_inf_nan="strings",
        use_enum_values=False,
        # schemas are built on first validation, not at import
        defer_build=True,
    )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        """JSON Schema of the record, described by its docstring's first paragraph.

        Example:
            >>> from antq_domain.records import Publication
            >>> Publication.model_json_schema()["description"]
            'Where and when a report was published, and by whom.'
        """
        out = handler(schema)
        target = handler.resolve_ref_schema(out)
        target["description"] = summary(cls)
        return out

    def __init__(self, /, **data: Any) -> None:
        try:
            # A fresh context dict per top-level validation: records such as a
            # report put the catalogue they define there for nested records.
            self.__pydantic_validator__.validate_python(data, self_instance=self, context={})
        except pydantic.ValidationError as exc:
            raise RecordError(type(self).__name__, problems_of(exc)) from None

    # Tell pydantic this __init__ behaves as its own: validation of nested
    # records and model_validate() then never call it, so errors of nested
    # records stay located inside one ValidationError.
    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]

    @classmethod
    def model_validate(
        cls,
        obj: Any,
        *,
        strict: bool | None = None,
        extra: Any = None,
        from_attributes: bool | None = None,
        context: Any | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        """Validate ``obj`` (a dict); raise `RecordError` listing every problem.

        ``context`` is copied, never mutated; records that define things for
        their nested records (a report's own indicators) use the copy.

        Example:
            >>> from antq_domain.records._base import Record
            >>> class Note(Record):
            ...     text: str
            >>> Note.model_validate({"text": "x"}).text
            'x'
            >>> Note.model_validate({"text": 3})
            Traceback (most recent call last):
            ...
            antq_domain.errors.RecordError: Note: 1 problem
              text: Input should be a valid string (got 3)
        """
        try:
            return super().model_validate(
                obj,
                strict=strict,
                extra=extra,
                from_attributes=from_attributes,
                context=dict(context) if context is not None else {},
                by_alias=by_alias,
                by_name=by_name,
            )
        except pydantic.ValidationError as exc:
            raise RecordError(cls.__name__, problems_of(exc)) from None

    @classmethod
    def model_validate_json(
        cls,
        json_data: str | bytes | bytearray,
        *,
        strict: bool | None = None,
        extra: Any = None,
        context: Any | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        """Validate JSON text; raise `RecordError` listing every problem.

        Example:
            >>> from antq_domain.records._base import Record
            >>> class Note(Record):
            ...     text: str
            >>> Note.model_validate_json('{"text": "x"}').text
            'x'
            >>> Note.model_validate_json('{"text": "x", "extra": 1}')
            Traceback (most recent call last):
            ...
            antq_domain.errors.RecordError: Note: 1 problem
              extra: Extra inputs are not permitted (got 1)
        """
        try:
            return super().model_validate_json(
                json_data,
                strict=strict,
                extra=extra,
                context=dict(context) if context is not None else {},
                by_alias=by_alias,
                by_name=by_name,
            )
        except pydantic.ValidationError as exc:
            raise RecordError(cls.__name__, problems_of(exc)) from None
