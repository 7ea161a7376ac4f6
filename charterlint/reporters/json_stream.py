"""JSON written piece by piece: the bytes of `json.dumps(indent=2, sort_keys=True, ensure_ascii=False)`
without the whole document in memory.

A report of 100,000 findings is a few hundred bytes each as text but several kilobytes each as
Python dicts; a `Lazy` list makes its items only as they are written, one at a time.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

_INDENT = "  "
# One encoder each, made once: json.dumps with arguments makes a new one per call, per finding here.
_PRETTY = json.JSONEncoder(indent=2, sort_keys=True, ensure_ascii=False)
_PLAIN = json.JSONEncoder(ensure_ascii=False)


class Lazy(NamedTuple):
    """A JSON array whose items are made when it is written (`items` is called once)."""

    items: Callable[[], Iterable[Any]]


def dumps(value: Any, level: int = 0) -> str:
    """One value as json.dumps writes it, indented to sit `level` levels deep."""
    text = _PRETTY.encode(value)
    return text.replace("\n", "\n" + _INDENT * level) if level else text


def pieces(value: Any, level: int = 0) -> Iterator[str]:
    """`value` as JSON text in pieces; dicts may hold `Lazy` lists, whose items may be dicts holding
    `Lazy` lists in turn (plain lists are written whole)."""
    if isinstance(value, Lazy):
        yield from _array(value.items(), level)
    elif isinstance(value, dict) and value:
        inner = "\n" + _INDENT * (level + 1)
        separator = "{"
        for key in sorted(value):
            yield separator + inner + _PLAIN.encode(key) + ": "
            separator = ","
            yield from pieces(value[key], level + 1)
        yield "\n" + _INDENT * level + "}"
    else:
        yield dumps(value, level)


def _array(items: Iterable[Any], level: int) -> Iterator[str]:
    inner = "\n" + _INDENT * (level + 1)
    separator = "["
    for item in items:
        if isinstance(item, dict) and any(isinstance(part, Lazy) for part in item.values()):
            yield separator + inner
            yield from pieces(item, level + 1)
        else:
            yield separator + inner + dumps(item, level + 1)
        separator = ","
    yield "[]" if separator == "[" else "\n" + _INDENT * level + "]"


def document(value: Any) -> Iterator[str]:
    """A whole JSON document, with the final line break."""
    yield from pieces(value)
    yield "\n"
