"""Go to definition: from a value that names a channel or a calendar to the entry with that id."""

from __future__ import annotations

from charterlint.model import Position, Span
from charterlint.server import schema_paths
from charterlint.server.state import Linted, node_at
from charterlint.source.pointer import join, keys, resolve


def definition(linted: Linted, position: Position) -> Span | None:
    """Where the channel or calendar the value under `position` names is defined, else None."""
    document = linted.document()
    found = node_at(document, position) if document is not None else None
    if document is None or found is None or found[1] != "value":
        return None
    pointer = found[0]
    value = resolve(document.data, pointer)
    section = schema_paths.references(schema_paths.at(keys(pointer)))
    entries = document.data.get(section) if section is not None else None
    if not isinstance(value, str) or not isinstance(entries, list):
        return None
    for index, entry in enumerate(entries):
        if isinstance(entry, dict) and entry.get("id") == value:
            node = document.nodes.get(join(f"/{section}", index, "id"))
            return node.value if node is not None else None
    return None
