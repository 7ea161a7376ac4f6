"""A small YAML writer for drafts: values with comments beside them, every scalar safe to load.

yaml.dump cannot carry comments, so the draft is written as text. The source is hostile input:
a quoted value escapes every character YAML would read as a line break or that is not printable,
and a comment's text has them replaced by spaces, so no sentence can end its comment or its
value early and inject YAML.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

Scalar = str | int | bool | None
_PLAIN = re.compile(r"(?:[a-z][a-z0-9_-]*(?: [a-z0-9_-]+)*|\d+(?:\.\d+)?%|\d+(?:\.\d+)?(?:-\d+(?:\.\d+)?)? [a-z ]+"
                    r"|\d{4}-\d\d-\d\d|[A-Z][A-Za-z]*/[A-Za-z_/+-]+)")
_RESERVED = frozenset({"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"})
COMMENT_WIDTH = 100


@dataclass(frozen=True, slots=True)
class Node:
    """A value in the draft: a scalar, a mapping (`entries`) or a list (`items`), with its comment.

    `comment` is shown after the value on its line (a mapping's or list's: after its key);
    `flow` writes a list of scalars on one line.
    """

    value: Scalar = None
    entries: tuple[tuple[str, Node], ...] | None = None
    items: tuple[Node, ...] | None = None
    comment: str | None = None
    flow: bool = False
    extra: tuple[str, ...] = field(default=())  # comment lines written after the key's line


def safe_comment(text: str, width: int = COMMENT_WIDTH) -> str:
    """One line of text, safe inside a YAML comment: no line breaks or unprintable characters, shortened."""
    cleaned = "".join(" " if unicodedata.category(char)[0] == "C" or unicodedata.category(char) in ("Zl", "Zp")
                      else char for char in text)
    single = " ".join(cleaned.split())
    if len(single) <= width:
        return single
    cut = single[:width - 3].rsplit(" ", 1)[0] if " " in single[:width - 3] else single[:width - 3]
    return cut + "..."


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def scalar(value: Scalar) -> str:
    """A scalar as YAML: plain where nothing can misread it, else double-quoted with every risky character escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if _PLAIN.fullmatch(value) and value not in _RESERVED:
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    return "".join(_escape(char) if unicodedata.category(char)[0] == "C" or unicodedata.category(char) in ("Zl", "Zp")
                   else char for char in quoted)


def _with_comment(line: str, comment: str | None) -> str:
    return f"{line}  # {comment}" if comment else line


def _is_scalar(node: Node) -> bool:
    return node.entries is None and node.items is None


def _mapping_lines(entries: Sequence[tuple[str, Node]], indent: int, first_prefix: str | None = None) -> list[str]:
    lines: list[str] = []
    for index, (key, node) in enumerate(entries):
        lead = first_prefix if first_prefix is not None and index == 0 else " " * indent
        lines += _entry_lines(lead, key, node, indent)
    return lines


def _entry_lines(lead: str, key: str, node: Node, indent: int) -> list[str]:
    if _is_scalar(node):
        text = f"{lead}{key}: {scalar(node.value)}".rstrip() if node.value is not None else f"{lead}{key}:"
        return [_with_comment(text, node.comment), *(" " * indent + f"# {line}" for line in node.extra)]
    if node.items is not None and (node.flow or not node.items):
        values = ", ".join(scalar(item.value) for item in node.items)
        return [_with_comment(f"{lead}{key}: [{values}]", node.comment)]
    lines = [_with_comment(f"{lead}{key}:", node.comment), *(" " * (indent + 2) + f"# {line}" for line in node.extra)]
    if node.entries is not None:
        return lines + _mapping_lines(node.entries, indent + 2)
    for item in node.items or ():
        lines += _item_lines(item, indent + 2)
    return lines


def _item_lines(item: Node, indent: int) -> list[str]:
    prefix = " " * indent + "- "
    if item.entries:
        return _mapping_lines(item.entries, indent + 2, prefix)
    return [_with_comment(f"{prefix}{scalar(item.value)}".rstrip(), item.comment)]


def document(entries: Sequence[tuple[str, Node]], header: Sequence[str]) -> str:
    """The YAML text of a top-level mapping, after a header of comment lines."""
    lines = [f"# {safe_comment(line, 200)}".rstrip() for line in header]
    for key, node in entries:
        lines += _entry_lines("", key, node, 0)
    return "\n".join(lines) + "\n"
