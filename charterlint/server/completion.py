"""Completion in YAML charters: field names where a key is being written, and where a value is,
the schema's enum values and, where the value names a channel or a calendar, the ids defined.

The line being written rarely parses (`    adr` is not YAML yet), so the charter is parsed with
that line left blank, and the mapping it belongs to is found by its indentation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from charterlint.model import Position
from charterlint.server import schema_paths
from charterlint.server.state import Linted
from charterlint.source.document import Document
from charterlint.source.loader import parse_text
from charterlint.source.parsed import ParseError
from charterlint.source.pointer import join, keys, resolve

_KEY_LINE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<word>[A-Za-z0-9_-]*)$")
_VALUE_LINE = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z0-9_-]+):\s+(?P<word>[^\s#]*)$")
_ITEM_LINE = re.compile(r"^(?P<indent>\s*)-\s+(?P<word>[^\s#:]*)$")
_ENTRY = re.compile(r"^(?P<indent>\s*(?:-\s+)?)(?P<key>[A-Za-z0-9_-]+):")


@dataclass(frozen=True, slots=True)
class Candidate:
    label: str
    detail: str  # what it is: "field", "value", "channel", "calendar"
    documentation: str = ""


def _blanked(linted: Linted, line: int) -> Document | None:
    """The charter parsed with line `line` (1-based) left blank; None when it still does not parse."""
    lines = list(linted.lines)
    lines[line - 1] = ""
    try:
        return parse_text(linted.display, "\n".join(lines) + "\n", linted.kind, linted.settings.limits)
    except ParseError:
        return None


def _owner(document: Document, lines: tuple[str, ...], line: int, column: int) -> str | None:
    """The pointer of the node a line whose content starts at `column` (0-based) belongs to: the
    parent of the nearest key above at that column, or the nearest key above to its left."""
    for number in range(line - 1, 0, -1):
        found = _ENTRY.match(lines[number - 1])
        if found is None or len(found.group("indent")) > column:
            continue  # blank, a comment, a list of scalars, or deeper in
        pointer = _key_pointer(document, number, found.group("key"))
        if pointer is None:
            return None
        return pointer.rpartition("/")[0] if len(found.group("indent")) == column else pointer
    return ""


def _container(document: Document, lines: tuple[str, ...], line: int, indent: str) -> str | None:
    """The pointer of the mapping (or, for a `- ` line, the new list item) the line is written in."""
    owner = _owner(document, lines, line, len(indent))
    if owner is None or not indent.rstrip().endswith("-"):
        return owner
    value = resolve(document.data, owner)
    if not isinstance(value, list):  # the key found is in the previous item: the list holds both
        owner = owner.rpartition("/")[0]
        value = resolve(document.data, owner)
    return join(owner, len(value)) if isinstance(value, list) else None


def _key_pointer(document: Document, line: int, key: str) -> str | None:
    for pointer in document.nodes:
        spans = document.nodes[pointer]
        if spans.key is not None and spans.key.start.line == line and keys(pointer)[-1:] == [key]:
            return pointer
    return None


def _ids(data: Any, section: str) -> list[str]:
    entries = data.get(section) if isinstance(data, dict) else None
    return [str(entry["id"]) for entry in entries or () if isinstance(entry, dict) and "id" in entry]


def _values(document: Document, pointer: str) -> list[Candidate]:
    schemas = schema_paths.at(keys(pointer))
    found = [Candidate(value, "value") for value in schema_paths.enum_values(schemas)]
    section = schema_paths.references(schemas)
    if section is not None:
        noun = section[:-1]
        found += [Candidate(value, noun) for value in _ids(document.data, section)]
    return found


def _fields(document: Document, pointer: str) -> list[Candidate]:
    present = resolve(document.data, pointer)
    names: Mapping[str, str] = schema_paths.field_names(schema_paths.at(keys(pointer)))
    taken = present if isinstance(present, dict) else {}
    return [Candidate(name, "field", meaning) for name, meaning in names.items() if name not in taken]


def candidates(linted: Linted, position: Position) -> list[Candidate]:
    """What may be written at `position` (1-based line and column) in a YAML charter."""
    if linted.kind == "json" or not 1 <= position.line <= len(linted.lines):
        return []
    before = linted.lines[position.line - 1][:position.column - 1]
    document = _blanked(linted, position.line)
    if document is None:
        return []
    value = _VALUE_LINE.match(before)
    if value is not None:
        owner = _container(document, linted.lines, position.line, value.group("indent"))
        return [] if owner is None else _values(document, join(owner, value.group("key")))
    item = _ITEM_LINE.match(before)
    if item is not None:
        listed = _owner(document, linted.lines, position.line, len(item.group("indent")))
        items = resolve(document.data, listed) if listed else None  # None: the list's first item
        found = _values(document, join(listed, len(items) if isinstance(items, list) else 0)) if listed else []
        if found:
            return found
    key = _KEY_LINE.match(before)
    if key is not None:
        owner = _container(document, linted.lines, position.line, key.group("indent"))
        return [] if owner is None else _fields(document, owner)
    return []
