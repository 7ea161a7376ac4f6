"""A finding's locus: where it is in terms that survive unrelated edits (fingerprints use it).

List items are named by their `id` (or `name`, `body`), so adding a channel above another does
not move the other's findings; the offending scalar value is part of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from charterlint.source.pointer import child, escape, tokens, unescape

_NAMING_FIELDS = ("id", "name", "body")  # what names a list item: channel ids, stage names ...


def stable_pointer(pointer: str, data: Mapping[str, Any] | None) -> tuple[str, Any]:
    """The pointer with list indexes replaced by the items' ids (`/channels/[id=email]/hours`),
    and the value it points to (None where the data is unknown)."""
    if data is None or not pointer:
        return pointer, None
    value: Any = data
    parts: list[str] = []
    steps = tokens(pointer)
    for position, token in enumerate(steps):
        in_list = isinstance(value, list)
        found, value = child(value, unescape(token))
        if not found:  # a missing member: the finding is about what is not there
            return "/" + "/".join(parts + steps[position:]), None
        field = next((f for f in _NAMING_FIELDS if isinstance(value, dict) and isinstance(value.get(f), str)), "")
        parts.append(f"[{field}={escape(value[field])}]" if in_list and field else token)
    return "/" + "/".join(parts), value


def locus(pointer: str, data: Mapping[str, Any] | None) -> str:
    """Finding.locus for a finding at `pointer` in `data`: stable pointer and scalar value."""
    if not pointer:
        return ""
    stable, value = stable_pointer(pointer, data)
    return stable if value is None or isinstance(value, (dict, list)) else f"{stable}={value}"
