"""What the YAML and JSON loaders share: their result, their error, node bookkeeping."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from charterlint.document import Limits, NodeSpans, Problem
from charterlint.model import Span


@dataclass(frozen=True, slots=True)
class Parsed:
    """Data with a span per JSON pointer, and the problems found while loading (CH002)."""

    data: Any
    nodes: dict[str, NodeSpans]
    problems: tuple[Problem, ...]


class ParseError(Exception):
    """The source cannot be loaded (CH001): a message and where the fault is."""

    def __init__(self, message: str, span: Span) -> None:
        super().__init__(message)
        self.message = message
        self.span = span


class NodeTable:
    """Collects node spans in document order and enforces the node and depth limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.entries: list[tuple[str, NodeSpans]] = []

    def add(self, pointer: str, spans: NodeSpans, count: int = 1) -> None:
        self.entries.append((pointer, spans))
        if len(self.entries) + count - 1 > self.limits.max_nodes:
            raise ParseError(
                f"document has more than {self.limits.max_nodes} nodes"
                " (limit max-nodes; an alias bomb or a generated file?)",
                spans.value,
            )

    def check_depth(self, depth: int, span: Span) -> None:
        if depth > self.limits.max_depth:
            raise ParseError(
                f"document is nested more than {self.limits.max_depth} levels deep"
                " (limit max-depth)",
                span,
            )

    def as_dict(self) -> dict[str, NodeSpans]:
        return dict(self.entries)


def duplicate_key_problem(pointer: str, key: str, first: Span, second: Span) -> Problem:
    return Problem(
        f'duplicate key "{key}" (first on line {first.start.line}):'
        " parsers keep only the last value; remove or merge one",
        pointer,
        anchor="key",
        span=second,
        code="CH002",
    )
