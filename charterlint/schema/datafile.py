"""Schema failures in charterlint's own data files (configuration, directives), in plain words.

A failure becomes a JSON pointer, what it points at (the `key` or the `value`) and a message a
writer can act on; the caller adds the file, line and column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from charterlint.charter.subjects import did_you_mean, show_value
from charterlint.source.pointer import escape, join

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_TYPE_WORDS = {"string": "text", "integer": "a whole number", "array": "a list",
               "object": "a mapping", "boolean": "true or false"}


def error_pointer(error: ValidationError) -> str:
    """Where a failure is, as a JSON pointer."""
    return join("", *error.absolute_path)


def explain(error: ValidationError) -> tuple[str, str, str]:
    """(pointer, anchor, message) in plain words for one schema failure."""
    pointer, kind, value = error_pointer(error), error.validator, error.instance
    limit: Any = error.validator_value
    schema = error.schema if isinstance(error.schema, dict) else {}
    if "propertyNames" in error.relative_schema_path:
        title = schema.get("title", "a valid key")
        return f"{pointer}/{escape(str(value))}", "key", f"{show_value(value)} is not {title}"
    if kind == "additionalProperties" and isinstance(value, dict):
        known = sorted(schema.get("properties", {}))
        unknown = next(key for key in value if key not in known)
        return f"{pointer}/{escape(unknown)}", "key", unknown_key(unknown, known)
    if kind == "required" and isinstance(value, dict):
        missing = next(name for name in limit if name not in value)
        return pointer, "key", f'"{missing}" is missing'
    if kind == "type":
        expected = " or ".join(_TYPE_WORDS.get(str(t), str(t)) for t in (limit if isinstance(limit, list) else [limit]))
        return pointer, "value", f"expected {expected}, not {show_value(value)}"
    if kind == "enum":
        return pointer, "value", one_of(str(value), [str(option) for option in limit])
    if kind in ("pattern", "format"):
        title = schema.get("title", "valid here")
        example = f': expected e.g. "{schema["examples"][0]}"' if schema.get("examples") else ""
        return pointer, "value", f"{show_value(value)} is not {title}{example}"
    if kind in ("minItems", "minLength"):
        return pointer, "value", "must not be empty"
    if kind == "minimum":
        return pointer, "value", f"must be at least {limit}, not {show_value(value)}"
    return pointer, "value", f"{show_value(value)} is not valid here ({error.message})"


def unknown_key(key: str, known: list[str]) -> str:
    suggestion = did_you_mean(key, known)
    if suggestion:
        return f'unknown key "{key}"{suggestion}'
    return f'unknown key "{key}" (expected one of {", ".join(known)})'


def one_of(value: str, options: list[str]) -> str:
    return f'"{value}" is not one of {", ".join(options)}{did_you_mean(value, options)}'
