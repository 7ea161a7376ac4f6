"""Selectors of declarative checks: JSON pointers with `*` wildcards, and `where` filters.

`/channels/*/commitments/answer/within` names the answer limit of every channel. A `*`
stands for every item of a list or every member of a mapping (except `x-` extensions,
which are the writer's own data). A path that does not exist yields one missing target
when it has no wildcard (so "required" checks can report it) and nothing past a wildcard.
A list of mappings where the path names a field stands for each of its items: a commitment
given as a list of variants (`answer: [{when: ..., within: ...}, ...]`) is read variant by
variant, so `commitments/answer/within` names the limit of each.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from charterlint.source.pointer import child, join, unescape

WILDCARD = "*"


class Node(NamedTuple):
    """One node a selector names: its pointer, and its value when it exists.

    For a missing node, `parent` is the pointer of its deepest existing ancestor: where
    a finding about the missing member points. (A NamedTuple: built-in rules select nodes,
    so this class is made on every start-up, where a frozen dataclass costs ten times more.)
    """

    pointer: str
    value: Any
    exists: bool
    parent: str


def tokens(path: str) -> tuple[str, ...]:
    """`/channels/*` or `commitments/answer` -> the reference tokens, still escaped."""
    stripped = path[1:] if path.startswith("/") else path
    return tuple(stripped.split("/")) if stripped else ()


def _children(value: Any) -> Iterator[tuple[str | int, Any]]:
    if isinstance(value, dict):
        yield from ((key, member) for key, member in value.items() if not str(key).startswith("x-"))
    elif isinstance(value, list):
        yield from enumerate(value)


def expand(value: Any, path: Sequence[str], pointer: str = "") -> Iterator[Node]:
    """Every node below `value` that the tokens `path` name, in document order."""
    if not path:
        yield Node(pointer, value, True, pointer)
        return
    head, rest = path[0], path[1:]
    if head == WILDCARD:
        for key, member in _children(value):
            yield from expand(member, rest, join(pointer, key))
        return
    found, member = child(value, unescape(head))
    if found:
        yield from expand(member, rest, f"{pointer}/{head}")
    elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        for index, item in enumerate(value):  # variants: each item is read as the mapping would be
            yield from expand(item, path, join(pointer, index))
    elif WILDCARD not in rest:
        missing = pointer + "".join(f"/{token}" for token in path)
        yield Node(missing, None, False, pointer)


def field_value(value: Any, path: str) -> tuple[bool, Any]:
    """The value at a relative path without wildcards, and whether it exists."""
    for token in tokens(path):
        found, value = child(value, unescape(token))
        if not found:
            return False, None
    return True, value


def same_value(actual: Any, expected: Any) -> bool:
    """Equality as the data means it."""
    # YAML 1.2 keeps `true` and `1` apart; Python's `True == 1` must not join them
    return isinstance(actual, bool) is isinstance(expected, bool) and actual == expected


def matches_where(value: Any, where: Mapping[str, Any]) -> bool:
    """Whether every `where` field has the given value (or one of the listed values)."""
    for path, expected in where.items():
        found, actual = field_value(value, path)
        options = expected if isinstance(expected, list) else [expected]
        if not found or not any(same_value(actual, option) for option in options):
            return False
    return True


def select(data: Any, given: str, where: Mapping[str, Any], field: str) -> Iterator[tuple[Node, Node]]:
    """(selected node, target) pairs: `given` nodes passing `where`, then `field` below each."""
    for node in expand(data, tokens(given)):
        if node.exists and matches_where(node.value, where):
            for target in expand(node.value, tokens(field), node.pointer):
                yield node, target

