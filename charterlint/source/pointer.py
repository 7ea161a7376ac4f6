"""JSON pointers (RFC 6901): how every place in a charter or a configuration is named.

The one module that spells, splits and follows pointers: the loaders name nodes with
`join`/`escape`, checks and reports follow them with `resolve`/`child`, the selectors of
declarative checks and the fingerprints walk their tokens one `child` at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def escape(token: str) -> str:
    """Escape one reference token: `a/b` -> `a~1b`."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    """Undo `escape`: one reference token back to its key."""
    return token.replace("~1", "/").replace("~0", "~")


def join(pointer: str, *tokens: str | int) -> str:
    """`join("/channels", 0, "hours")` -> `"/channels/0/hours"` (keys escaped)."""
    return pointer + "".join(f"/{escape(str(token))}" for token in tokens)


def tokens(pointer: str) -> list[str]:
    """The reference tokens of a pointer, still escaped: `/a~1b/0` -> `["a~1b", "0"]`; "" -> []."""
    return pointer.split("/")[1:] if pointer else []


def keys(pointer: str) -> list[str]:
    """The keys and indexes a pointer names, unescaped: `/a~1b/0` -> `["a/b", "0"]`."""
    return [unescape(token) for token in tokens(pointer)]


def child(value: Any, key: str) -> tuple[bool, Any]:
    """One step down: whether `value` has the member or item `key` (unescaped), and what it is."""
    if isinstance(value, dict):
        return key in value, value.get(key)
    if isinstance(value, list) and key.isdigit() and int(key) < len(value):
        return True, value[int(key)]
    return False, None


def resolve(data: Any, pointer: str) -> Any:
    """The value at `pointer`, or None when it does not exist."""
    value = data
    for key in keys(pointer):
        found, value = child(value, key)
        if not found:
            return None
    return value


def pointers(value: Any, pointer: str = "") -> Iterator[str]:
    """Every pointer in `value`: its own, then each member's and item's, depth first."""
    yield pointer
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        yield from pointers(item, join(pointer, key))


def at_or_below(pointer: str, node: str) -> bool:
    """Whether `pointer` is `node` or below it (`/channels/2/hours` is below `/channels/2`)."""
    return pointer == node or pointer.startswith(node + "/")
