"""The charter schema at a place in a charter: what hover, completion and go-to-definition know.

`at(keys)` follows a JSON pointer's keys through the schema (properties, pattern properties,
additional properties, list items, `$ref` and every branch of `oneOf`/`anyOf`/`allOf`) and gives
the schemas the value there may match, the property's own entry first (it carries the field's
description beside its `$ref`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import Any

from charterlint.resources import load_schema

Schema = Mapping[str, Any]
_DEFS = "#/$defs/"
# The definitions whose text names a channel or a calendar by its id.
CHANNEL_REFERENCES = frozenset({"channel_ref", "channel_refs", "follow_up_via"})
CALENDAR_REFERENCES = frozenset({"calendar_ref", "hours"})


@cache
def _root() -> Schema:
    schema: Schema = load_schema("charter.schema.json")
    return schema


def _expanded(schema: Schema, seen: frozenset[str] = frozenset()) -> Iterator[Schema]:
    """`schema` and what it stands for: its `$ref` target and every branch, depth first."""
    yield schema
    reference = schema.get("$ref")
    if isinstance(reference, str) and reference.startswith(_DEFS) and reference not in seen:
        target = _root().get("$defs", {}).get(reference[len(_DEFS):])
        if isinstance(target, Mapping):
            yield from _expanded(target, seen | {reference})
    for keyword in ("oneOf", "anyOf", "allOf"):
        for branch in schema.get(keyword, ()):
            if isinstance(branch, Mapping):
                yield from _expanded(branch, seen)


def _children(schema: Schema, key: str) -> Iterator[Schema]:
    properties = schema.get("properties", {})
    if key in properties:
        yield properties[key]
        return
    for pattern, child in schema.get("patternProperties", {}).items():
        if re.search(pattern, key):
            yield child
            return
    if isinstance(schema.get("additionalProperties"), Mapping):
        yield schema["additionalProperties"]
    if key.isdigit() and isinstance(schema.get("items"), Mapping):
        yield schema["items"]


def at(keys: Sequence[str]) -> list[Schema]:
    """The schemas the value at `keys` may match: the entry naming it first, then what it expands to."""
    current: list[Schema] = [_root()]
    for key in keys:
        current = [child for schema in current for expanded in _expanded(schema) for child in _children(expanded, key)]
        if not current:
            return []
    return [expanded for schema in current for expanded in _expanded(schema)]


def description(schemas: Sequence[Schema]) -> str:
    """The first description among `schemas` (a field's own, else its type's)."""
    return next((str(s["description"]) for s in schemas if isinstance(s.get("description"), str)), "")


def field_names(schemas: Sequence[Schema]) -> dict[str, str]:
    """The fields a mapping matching `schemas` may have, with their descriptions."""
    names: dict[str, str] = {}
    for schema in schemas:
        for name, entry in schema.get("properties", {}).items():
            if name not in names and isinstance(entry, Mapping):
                names[name] = description(list(_expanded(entry)))
    return names


def enum_values(schemas: Sequence[Schema]) -> list[str]:
    values: list[str] = []
    for schema in schemas:
        for value in schema.get("enum", ()):
            if isinstance(value, str) and value not in values:
                values.append(value)
    return values


def references(schemas: Sequence[Schema]) -> str | None:
    """"channels" or "calendars" when a value matching `schemas` names one by its id, else None."""
    names = {str(s["$ref"])[len(_DEFS):] for s in schemas if str(s.get("$ref", "")).startswith(_DEFS)}
    if names & CHANNEL_REFERENCES:
        return "channels"
    if names & CALENDAR_REFERENCES:
        return "calendars"
    return None
