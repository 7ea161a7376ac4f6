"""What the YAML and JSON loaders share: their result, their error, node bookkeeping."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, overload

from charterlint.model import Span
from charterlint.source.document import Limits, NodeSpans, Problem
from charterlint.source.problem_kinds import DUPLICATE_KEY

_Default = TypeVar("_Default")


@dataclass(frozen=True, slots=True)
class Parsed:
    """Data with a span per JSON pointer, and the problems found while loading (duplicate keys)."""

    data: Any
    nodes: Mapping[str, NodeSpans]
    problems: tuple[Problem, ...]


class ParseError(Exception):
    """The source cannot be loaded (a syntax error): a message and where the fault is."""

    def __init__(self, message: str, span: Span, also: tuple[tuple[str, Span], ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.also = also  # further faults found past this one (message, span), in line order


class NodeMap(Mapping[str, NodeSpans]):
    """Node spans by JSON pointer, made on demand from the loader's raw positions.

    A charter has thousands of nodes and a finding needs the span of a few: building
    every Span up front cost more than parsing the file.
    """

    __slots__ = ("_raw", "_spans")

    def __init__(self, raw: dict[str, Any], spans: Callable[[Any], NodeSpans]) -> None:
        self._raw = raw
        self._spans = spans

    def __getitem__(self, pointer: str) -> NodeSpans:
        return self._spans(self._raw[pointer])

    @overload
    def get(self, pointer: str, /) -> NodeSpans | None: ...
    @overload
    def get(self, pointer: str, /, default: NodeSpans | _Default) -> NodeSpans | _Default: ...

    def get(self, pointer: str, default: object = None) -> object:
        raw = self._raw.get(pointer)
        return default if raw is None else self._spans(raw)

    def __contains__(self, pointer: object) -> bool:
        return pointer in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


def node_limit_error(limits: Limits, span: Span) -> ParseError:
    return ParseError(
        f"document has more than {limits.max_nodes} nodes"
        " (limit max-nodes; an alias bomb or a generated file?)",
        span,
    )


def depth_limit_error(limits: Limits, span: Span) -> ParseError:
    return ParseError(
        f"document is nested more than {limits.max_depth} levels deep (limit max-depth)",
        span,
    )


def duplicate_key_problem(pointer: str, key: str, first: Span, second: Span) -> Problem:
    return Problem(
        f'duplicate key "{key}" (first on line {first.start.line}):'
        " parsers keep only the last value; remove or merge one",
        pointer,
        anchor="key",
        span=second,
        kind=DUPLICATE_KEY,
    )
