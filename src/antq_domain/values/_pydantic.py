"""Plumbing that lets attrs value types and codelists be pydantic fields.

Two shapes exist:

* **text values** (``Period``, ``PartialDate``, ``DocumentRef``) travel as
  their canonical string: validation accepts an instance or a string (parsed
  with the type's ``parse``), serialisation to JSON writes ``str(value)``;
* **object values** (``Quantity``, ``Label``, missing markers) travel as a
  JSON object with fixed keys and no others.

Python mode keeps instances (``model_dump()`` returns the value objects);
JSON mode writes the text or the object. JSON Schema descriptions are the
first paragraph of the type's docstring, never its examples.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticSerializationUnexpectedValue, core_schema

T = TypeVar("T")

__all__ = [
    "codelist_json_schema",
    "instance_or",
    "object_core_schema",
    "summary",
    "text_core_schema",
    "typed_dump",
]


def summary(cls: type[Any]) -> str:
    """The first paragraph of a class docstring, on one line."""
    doc = (cls.__doc__ or cls.__name__).strip()
    return " ".join(doc.split("\n\n", 1)[0].split())


def typed_dump(
    cls: type[T], dump: Callable[[T], Any]
) -> Callable[[Any, core_schema.SerializationInfo], Any]:
    # A union of value types tries each member's serializer; refusing foreign
    # values makes pydantic pick the right one. Python mode keeps the instance.
    def serialize(value: Any, info: core_schema.SerializationInfo) -> Any:
        if not isinstance(value, cls):
            raise PydanticSerializationUnexpectedValue(f"not a {cls.__name__}")
        return dump(value) if info.mode_is_json() else value

    return serialize


def instance_or(
    cls: type[T], build: Callable[[Any], T]
) -> Callable[[Any, core_schema.ValidatorFunctionWrapHandler], T]:
    def validate(value: Any, handler: core_schema.ValidatorFunctionWrapHandler) -> T:
        if isinstance(value, cls):
            return value
        return build(handler(value))

    return validate


def text_core_schema(
    cls: type[T],
    parse: Callable[[str], T],
    *,
    examples: list[str],
    pattern: str | None = None,
    to_text: Callable[[T], str] = str,
) -> core_schema.CoreSchema:
    """Core schema for a value whose wire form is its canonical text."""
    text = core_schema.str_schema(strict=True)
    json_schema: dict[str, Any] = {
        "type": "string",
        "description": summary(cls),
        "examples": examples,
    }
    if pattern is not None:
        json_schema["pattern"] = pattern
    return core_schema.json_or_python_schema(
        # both modes accept an instance: pydantic validates field defaults
        # (instances) with the JSON-mode schema when it validates JSON text
        json_schema=core_schema.no_info_wrap_validator_function(instance_or(cls, parse), text),
        python_schema=core_schema.no_info_wrap_validator_function(instance_or(cls, parse), text),
        serialization=core_schema.plain_serializer_function_ser_schema(
            typed_dump(cls, to_text), info_arg=True
        ),
        metadata={"pydantic_js_functions": [lambda _s, _h: json_schema]},
    )


def object_core_schema(
    cls: type[T],
    fields: Mapping[str, tuple[core_schema.CoreSchema, bool]],
    build: Callable[[dict[str, Any]], T],
    dump: Callable[[T], dict[str, Any]],
) -> core_schema.CoreSchema:
    """Core schema for a value whose wire form is a closed JSON object.

    Args:
        cls: the value type.
        fields: key -> (schema of the key's value, required?).
        build: makes the value from the validated dict (its constructor
            enforces the invariants; its errors are ``ValueError`` subclasses,
            which pydantic reports against the field).
        dump: the inverse of ``build``, giving JSON-ready values.
    """
    td = core_schema.typed_dict_schema(
        {
            key: core_schema.typed_dict_field(schema, required=required)
            for key, (schema, required) in fields.items()
        },
        extra_behavior="forbid",
    )
    description = summary(cls)

    def js(schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        out = handler(schema)
        out = handler.resolve_ref_schema(out)
        out["title"] = cls.__name__
        out["description"] = description
        return out

    return core_schema.json_or_python_schema(
        json_schema=core_schema.no_info_wrap_validator_function(instance_or(cls, build), td),
        python_schema=core_schema.no_info_wrap_validator_function(instance_or(cls, build), td),
        serialization=core_schema.plain_serializer_function_ser_schema(
            typed_dump(cls, dump), info_arg=True
        ),
        metadata={"pydantic_js_functions": [js]},
    )


def codelist_json_schema(
    cls: type[Any], schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
) -> JsonSchemaValue:
    """JSON Schema of a codelist enum: its values, with a one-line description."""
    out = handler(schema)
    out = handler.resolve_ref_schema(out)
    out["description"] = summary(cls)
    return out
