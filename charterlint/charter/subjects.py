"""Name a place in a charter the way its writer would: `channel "email"`, `"review.cadence"`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from charterlint.source.pointer import child, keys

# List items that have a name of their own, and the field that names them.
_NAMED_ITEMS = {
    "channels": ("channel", "id"),
    "calendars": ("calendar", "id"),
    "self_service": ("self-service entry", "id"),
    "standards": ("standard", "id"),
    "stages": ("escalation stage", "name"),
    "external": ("external body", "body"),
}


def _item_phrase(item: Any, list_name: str, index: int) -> str:
    noun, field = _NAMED_ITEMS[list_name]
    name = item.get(field) if isinstance(item, dict) else None
    if isinstance(name, str) and name:
        return f'{noun} "{name}"'
    return f"{noun} {index + 1}"


def describe(data: Any, pointer: str) -> str:
    """A short phrase for the node at `pointer`, e.g. `"commitments.respond" in channel "email"`."""
    subject = ""
    rest: list[str] = []
    value, previous = data, ""
    for key in keys(pointer):
        _, value = child(value, key)
        if key.isdigit() and previous in _NAMED_ITEMS:
            subject = _item_phrase(value, previous, int(key))
            rest = []
        elif key.isdigit():
            rest[-1] = f"{rest[-1]}[{int(key) + 1}]" if rest else f"item {int(key) + 1}"
        else:
            rest.append(key)
        previous = key
    dotted = f'"{".".join(rest)}"' if rest else ""
    if subject and dotted:
        return f"{dotted} in {subject}"
    return subject or dotted or "the charter"


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
    "null": "empty",
}


def expected_types(types: Any) -> str:
    """A schema's `type` (one name or a list) in words: "text or a whole number"."""
    names = types if isinstance(types, list) else [types]
    return " or ".join(_TYPE_WORDS.get(str(name), str(name)) for name in names)


def kind_of(value: Any) -> str:
    """What a file holds instead of a mapping, named by kind, never quoted (it may be any file)."""
    return "a list" if isinstance(value, list) else "a string" if isinstance(value, str) else "a value"


def show_value(value: Any) -> str:
    """A value as a message quotes it: strings in quotes, collections by kind."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "an empty value"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f'"{shown}"'
    return str(value)


CLOSE_MATCH_CUTOFF = 0.6  # how alike a word and an option must be for "did you mean" (and its fix)


def closest(word: str, options: Sequence[str]) -> str | None:
    """The option `word` most likely misspells; None when none is close."""
    import difflib  # only messages about a misspelling pay for it

    found = difflib.get_close_matches(word, options, n=1, cutoff=CLOSE_MATCH_CUTOFF)
    return found[0] if found else None


def did_you_mean(word: str, options: Sequence[str]) -> str:
    """` (did you mean "x"?)` for the option closest to `word`; "" when none is close."""
    return suggesting(closest(word, options))


def suggesting(hint: str | None) -> str:
    """` (did you mean "x"?)` for a close option already found; "" for None."""
    return f' (did you mean "{hint}"?)' if hint else ""
