"""A required field written under a misspelt name (`organisation:` for `organization:`): one
mistake, so one problem at the key the writer wrote, and what is inside it checked as the field
it misspells, in the same run."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from charterlint.charter.subjects import closest
from charterlint.schema.datafile import error_pointer
from charterlint.source.pointer import unescape

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


def misspellings(errors: list[ValidationError]) -> dict[tuple[str, str], str]:
    """The unknown keys that are a missing required field misspelt (`organisation` for
    `organization`): one mistake, reported once, at the key the writer wrote."""
    found: dict[tuple[str, str], str] = {}
    for error in errors:
        instance, schema = error.instance, (error.schema if isinstance(error.schema, dict) else {})
        if error.validator != "required" or not isinstance(instance, dict):
            continue
        known = sorted(schema.get("properties", {}))
        patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
        unknown = [key for key in instance if key not in known and not any(p.search(key) for p in patterns)]
        pointer = error_pointer(error)
        required: Any = error.validator_value  # a list of names (typed loosely in jsonschema's stubs)
        for name in required:
            if name in instance:
                continue
            key = next((key for key in unknown if closest(key, known) == name), None)
            if key is not None and (pointer, key) not in found:
                found[(pointer, key)] = name
    return found


def renamed(data: Any, pointer: str, key: str, name: str) -> Any:
    """A copy of `data` with the member `key` of the mapping at `pointer` renamed `name`."""
    if not isinstance(data, dict):
        return None
    if not pointer:
        return {(name if k == key else k): v for k, v in data.items()}
    first, _, rest = pointer[1:].partition("/")
    token = unescape(first)
    if token not in data:
        return None
    inner = _renamed_in(data[token], "/" + rest if rest else "", key, name)
    return None if inner is None else {**data, token: inner}


def _renamed_in(value: Any, pointer: str, key: str, name: str) -> Any:
    if isinstance(value, list):
        if not pointer:
            return None
        first, _, rest = pointer[1:].partition("/")
        if not first.isdigit() or int(first) >= len(value):
            return None
        inner = _renamed_in(value[int(first)], "/" + rest if rest else "", key, name)
        return None if inner is None else [*value[: int(first)], inner, *value[int(first) + 1:]]
    return renamed(value, pointer, key, name)
