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

from antq_domain.errors import AntqError, Message, Problem, RecordError
from antq_domain.values._pydantic import summary

__all__ = ["Record", "problems_of"]


def problems_of(exc: pydantic.ValidationError) -> list[Problem]:
    """Turn pydantic's error list into ``(location, message)`` pairs.

    The location is a dotted path (``observations.3.value.amount``); the
    message keeps the offending input with ``!r`` so it names field, value and
    expectation. A message is our own error when a validator raised one, else pydantic's words
    with Vietnamese ones beside them (a [`Message`][antq_domain.errors.Message]).
    """
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for err in exc.errors(include_url=False):
        # drop pydantic's schema tags ("function-after[...]", "json-or-python[...]")
        parts = [str(p) for p in err["loc"] if not _is_schema_tag(p)]
        loc = ".".join(parts)
        ctx = err.get("ctx") or {}
        inner = ctx.get("error")
        if isinstance(inner, RecordError):
            # a nested record raised our own error: keep its problems, re-rooted
            out.extend(
                (".".join(x for x in (loc, inner_loc) if x), msg) for inner_loc, msg in inner.parts
            )
            continue
        message: AntqError | Message
        if isinstance(inner, AntqError):
            message = inner
            field = getattr(inner, "field", None)
            if not loc and isinstance(field, str):
                # a record-level rule: locate the problem at the field it names
                loc = field
        else:
            message = _pydantic_message(err)
        if (loc, str(message)) not in seen:
            seen.add((loc, str(message)))
            out.append((loc, message))
    return out


def _pydantic_message(err: Any) -> Message:
    """The message of pydantic with the input, and the same in Vietnamese (by the error's type)."""
    got = err.get("input")
    english = f"{err['msg']} (got {got!r})"
    words = _vi_words(err["type"], err.get("ctx") or {})
    if words is None:  # a kind of error not translated here: pydantic's words
        return Message(english, english)
    if err["type"] == "missing":  # nothing was given: the input is the enclosing object
        return Message(english, words)
    return Message(english, f"{words} (nhận được {got!r})")


def _vi_words(kind: str, ctx: dict[str, Any]) -> str | None:  # noqa: PLR0911 - one per kind
    if kind in _VI_WORDS:
        return _VI_WORDS[kind]
    if kind in ("literal_error", "enum"):
        return f"cần {str(ctx.get('expected', '')).replace(' or ', ' hoặc ')}"
    if kind == "string_too_long":
        return f"cần nhiều nhất {ctx.get('max_length')} ký tự"
    if kind == "too_short":
        return f"cần ít nhất {ctx.get('min_length')} phần tử"
    if kind == "too_long":
        return f"cần nhiều nhất {ctx.get('max_length')} phần tử"
    if kind in _VI_BOUNDS:
        words, key = _VI_BOUNDS[kind]
        return f"cần {words} {ctx.get(key)}"
    return None


_VI_WORDS = {
    "missing": "thiếu trường bắt buộc",
    "extra_forbidden": "trường không có trong mẫu, không được phép",
    "string_type": "cần một chuỗi văn bản",
    "string_too_short": "không được để trống",
    "int_type": "cần một số nguyên",
    "int_parsing": "cần một số nguyên",
    "int_from_float": "cần một số nguyên",
    "bool_type": "cần true hoặc false",
    "bool_parsing": "cần true hoặc false",
    "date_type": "cần một ngày dạng NNNN-TT-NN (ví dụ 2023-12-31)",
    "date_parsing": "cần một ngày dạng NNNN-TT-NN (ví dụ 2023-12-31)",
    "date_from_datetime_parsing": "cần một ngày có thật dạng NNNN-TT-NN (ví dụ 2023-12-31)",
    "date_from_datetime_inexact": "cần một ngày, không kèm giờ",
    "list_type": "cần một danh sách",
    "tuple_type": "cần một danh sách",
    "dict_type": "cần một đối tượng (các cặp khóa: giá trị)",
    "model_type": "cần một đối tượng (các cặp khóa: giá trị)",
    "model_attributes_type": "cần một đối tượng (các cặp khóa: giá trị)",
    "union_tag_invalid": "loại đối tượng không có trong mẫu",
    "union_tag_not_found": "thiếu khóa cho biết loại đối tượng",
    "none_required": "cần để trống (null)",
}

_VI_BOUNDS = {
    "greater_than": ("lớn hơn", "gt"),
    "greater_than_equal": ("lớn hơn hoặc bằng", "ge"),
    "less_than": ("nhỏ hơn", "lt"),
    "less_than_equal": ("nhỏ hơn hoặc bằng", "le"),
}


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
