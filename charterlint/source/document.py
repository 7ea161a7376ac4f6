"""A parsed charter: its data, the source span of every node, and what loading found."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from charterlint.model import DOCUMENT_START, Span
from charterlint.source.pointer import escape, resolve


@dataclass(frozen=True, slots=True)
class NodeSpans:
    """Where a node is: its value, and for a mapping member also its key."""

    value: Span
    key: Span | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """What a check reports: a message at a JSON pointer; the engine finds the span.

    `anchor` says which part of the node the finding points at: the `value`, the
    member's `key`, or the `container` (for a missing member: the key of a named
    section, or the first key of a list item). `span` overrides the lookup (prose
    lines). `code` is set only by checks that report under several codes. `kind` is set
    instead of a code by what the engine runs itself (loaders, schema, directives): one of
    source.problem_kinds, reported under the rule whose file declares that kind.
    """

    message: str
    pointer: str = ""
    anchor: str = "value"
    span: Span | None = None
    code: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Limits:
    """Resource limits no real charter reaches; hostile input is stopped by them."""

    max_bytes: int = 5 * 1024 * 1024
    max_depth: int = 64
    max_nodes: int = 100_000


@dataclass(frozen=True, slots=True)
class Body:
    """The prose of a Markdown charter: its lines and the line number of the first."""

    first_line: int
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Document:
    """A charter that parsed: data (dates kept as strings) and a span per JSON pointer."""

    path: str
    kind: str  # "yaml" | "json" | "markdown"
    data: Any
    nodes: Mapping[str, NodeSpans]
    lines: tuple[str, ...]
    body: Body | None = None
    problems: tuple[Problem, ...] = field(default=())
    # What rules derive from `data` (charter.charter_index), kept with the document so the
    # first rule that asks works it out for all the others; `data` never changes, nor does it.
    derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def locate(self, pointer: str, anchor: str = "value") -> Span:
        """The span a finding at `pointer` points to (the nearest existing ancestor)."""
        found, node = nearest_node(self.nodes, pointer)
        if node is None:
            return DOCUMENT_START
        if anchor == "key" and node.key is not None:
            return node.key
        if anchor == "container":
            if node.key is not None:
                return node.key
            first = self._first_key(found)
            if first is not None:
                return first
        return node.value

    def source_text(self, pointer: str) -> str | None:
        """The value at `pointer` as written, when it is on one line (None otherwise)."""
        node = self.nodes.get(pointer)
        if node is None:
            return None
        start, end = node.value.start, node.value.end
        if start.line != end.line or not 1 <= start.line <= len(self.lines):
            return None
        return self.lines[start.line - 1][start.column - 1 : end.column - 1]

    def content_line(self, start: int) -> int:
        """The first line from `start` on with content: blank and comment-only lines are
        skipped (one past the last line when none has content)."""
        for number in range(max(start, 1), len(self.lines) + 1):
            text = self.lines[number - 1].strip()
            if text and not text.startswith(("#", "<!--")):
                return number
        return len(self.lines) + 1

    def _first_key(self, pointer: str) -> Span | None:
        value = resolve(self.data, pointer)
        if isinstance(value, dict) and value:
            first = next(iter(value))
            node = self.nodes.get(f"{pointer}/{escape(str(first))}")
            return node.key if node is not None else None
        return None


def nearest_node(nodes: Mapping[str, NodeSpans], pointer: str) -> tuple[str, NodeSpans | None]:
    """The node at `pointer`, or at its nearest ancestor that has one, with that node's pointer."""
    while True:
        node = nodes.get(pointer)
        if node is not None or not pointer:
            return pointer, node
        pointer = pointer.rpartition("/")[0]


def within_lines(span: Span, lines: Sequence[str]) -> Span:
    """A place past the file's last line (a fault at the very end, after its last line break, or
    a section that would go after it) points at the last line's end."""
    if not lines or span.start.line <= len(lines):
        return span
    return Span.at(len(lines), len(lines[-1]) + 1, 0)
