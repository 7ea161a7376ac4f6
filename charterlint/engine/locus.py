"""A finding's locus: where it is in terms that survive unrelated edits (fingerprints use it).

List items are named by their `id` (or `name`, `body`), so adding a channel above another does
not move the other's findings; the offending scalar value is part of it, or for a long value a
short digest of it, so that a finding's size does not grow with the value (a long text with many
findings would otherwise cost memory, cache and baseline space with the square of its size).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from charterlint.source.pointer import child, escape, tokens, unescape

_NAMING_FIELDS = ("id", "name", "body")  # what names a list item: channel ids, stage names ...
# Values up to this many characters are part of the locus as they are (the fingerprints of all
# findings on them are unchanged since v1); a longer one is replaced by a digest of it.
MAX_VALUE_CHARACTERS = 256


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
        parts.append(f"[{field}={escape(value_token(value[field]))}]" if in_list and field else token)
    return "/" + "/".join(parts), value


def locus(pointer: str, data: Mapping[str, Any] | None) -> str:
    """Finding.locus for a finding at `pointer` in `data`: stable pointer and scalar value."""
    if not pointer:
        return ""
    stable, value = stable_pointer(pointer, data)
    if value is None or isinstance(value, (dict, list)):
        return stable
    return f"{stable}={value_token(str(value))}"


def value_token(text: str) -> str:
    """The value as it stands in a locus: itself when short, else `sha256:` and 32 hex digits
    of it (bounded, and still different for different values)."""
    return text if len(text) <= MAX_VALUE_CHARACTERS else _digest(text)


@lru_cache(maxsize=16)  # many findings on one long value hash it once (a str caches its hash)
def _digest(text: str) -> str:
    import hashlib  # only a long value needs it: a one-file run does not load it (tests/cli/test_startup.py)

    return "sha256:" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]
