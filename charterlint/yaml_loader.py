"""Load YAML into plain data with a span for every node, from the parser's event stream.

Building data from events (not `yaml.load`) is what lets us keep every position, report
duplicate keys instead of dropping them, refuse tags without constructing anything,
resolve plain scalars with YAML 1.2 core rules (so dates and `yes`/`no` stay strings),
and stop alias bombs and deep nesting at a limit without recursion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from charterlint.document import Limits, NodeSpans, Problem, escape
from charterlint.model import Position, Span
from charterlint.parsed import NodeTable, Parsed, ParseError, duplicate_key_problem

try:  # the C parser is several times faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as EventLoader  # type: ignore[assignment]

_STANDARD_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    f"{_STANDARD_TAG}{name}"
    for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
) | {"!"}

# YAML 1.2 core schema: the only plain scalars that are not strings.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_INT_OCT = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"), ".nan": float("nan")}


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema."""
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _INT_OCT.match(text):
        return int(text[2:], 8)
    if _INT_HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    lowered = text.lower()
    if lowered in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[lowered]
    return text


def _span(event: Any, line_offset: int) -> Span:
    start, end = event.start_mark, event.end_mark
    return Span(
        Position(start.line + 1 + line_offset, start.column + 1),
        Position(end.line + 1 + line_offset, end.column + 1),
    )


@dataclass(slots=True)
class _Frame:
    """A collection being built: where it is, what it holds so far."""

    pointer: str
    value: dict[str, Any] | list[Any]
    start: Span
    key_span: Span | None  # this collection's own key in its parent mapping
    anchor: str | None
    first_entry: int
    end: Position
    pending_key: str | None = None
    pending_key_span: Span | None = None
    key_spans: dict[str, Span] = field(default_factory=dict)


class _Builder:
    def __init__(self, limits: Limits, line_offset: int) -> None:
        self.table = NodeTable(limits)
        self.offset = line_offset
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[Any, list[tuple[str, NodeSpans]]]] = {}
        self.problems: list[Problem] = []
        self.root: Any = None
        self.done = False

    # -- where the next node goes -------------------------------------------------
    def _slot(self, span: Span) -> tuple[str, Span | None] | None:
        """The pointer and key span for the next value, or None if it is a mapping key."""
        if not self.stack:
            if self.done:
                raise ParseError(
                    "several YAML documents in one file: a charter file holds one document",
                    span,
                )
            return "", None
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            return f"{frame.pointer}/{len(frame.value)}", None
        if frame.pending_key is None:
            return None
        return f"{frame.pointer}/{escape(frame.pending_key)}", frame.pending_key_span

    def _store(self, value: Any, span: Span) -> None:
        if not self.stack:
            self.root, self.done = value, True
            return
        frame = self.stack[-1]
        frame.end = max(frame.end, span.end)
        if isinstance(frame.value, list):
            frame.value.append(value)
            return
        key = frame.pending_key
        assert key is not None and frame.pending_key_span is not None
        first = frame.key_spans.get(key)
        if first is not None:
            pointer = f"{frame.pointer}/{escape(key)}"
            self.problems.append(duplicate_key_problem(pointer, key, first, frame.pending_key_span))
        frame.key_spans.setdefault(key, frame.pending_key_span)
        frame.value[key] = value
        frame.pending_key = frame.pending_key_span = None

    # -- events ---------------------------------------------------------------------
    def scalar(self, event: Any) -> None:
        span = _span(event, self.offset)
        _check_tag(event.tag, span)
        slot = self._slot(span)
        if slot is None:  # a mapping key
            frame = self.stack[-1]
            frame.pending_key, frame.pending_key_span = event.value, span
            return
        value = _scalar_value(event)
        pointer, key_span = slot
        mark = len(self.table.entries)
        self.table.add(pointer, NodeSpans(span, key_span))
        self._remember(event.anchor, value, mark, pointer)
        self._store(value, span)

    def start(self, event: Any, container: dict[str, Any] | list[Any]) -> None:
        span = _span(event, self.offset)
        _check_tag(event.tag, span)
        slot = self._slot(span)
        if slot is None:
            raise ParseError("invalid YAML: a mapping or list cannot be a key (use a plain word)", span)
        pointer, key_span = slot
        self.table.check_depth(len(self.stack) + 1, span)
        first_entry = len(self.table.entries)
        self.table.add(pointer, NodeSpans(span, key_span))
        self.stack.append(
            _Frame(pointer, container, span, key_span, event.anchor, first_entry, span.end)
        )

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        span = Span(frame.start.start, frame.end)
        self.table.entries[frame.first_entry] = (frame.pointer, NodeSpans(span, frame.key_span))
        self._remember(frame.anchor, frame.value, frame.first_entry, frame.pointer)
        self._store(frame.value, span)

    def alias(self, event: Any) -> None:
        span = _span(event, self.offset)
        slot = self._slot(span)
        if slot is None:
            raise ParseError("invalid YAML: an alias cannot be a mapping key", span)
        if event.anchor not in self.anchors:
            raise ParseError(f'invalid YAML: unknown alias "*{event.anchor}"', span)
        value, entries = self.anchors[event.anchor]
        pointer, key_span = slot
        base = entries[0][0]
        self.table.add(pointer, NodeSpans(span, key_span), count=len(entries))
        for sub_pointer, spans in entries[1:]:
            self.table.entries.append((pointer + sub_pointer[len(base):], spans))
        self._store(value, span)

    def _remember(self, anchor: str | None, value: Any, mark: int, pointer: str) -> None:
        if anchor is not None:
            self.anchors[anchor] = (value, self.table.entries[mark:])


def _check_tag(tag: str | None, span: Span) -> None:
    if tag is not None and tag not in _ALLOWED_TAGS:
        shown = "!!" + tag[len(_STANDARD_TAG):] if tag.startswith(_STANDARD_TAG) else tag
        raise ParseError(
            f'YAML tag "{shown}" is not allowed: charter files hold plain data (remove the tag)',
            span,
        )


def _scalar_value(event: Any) -> Any:
    plain = event.style in (None, "")
    tag = event.tag
    if tag in (None, "!") and plain:
        return resolve_plain(event.value)
    if tag is None or tag in ("!", f"{_STANDARD_TAG}str", f"{_STANDARD_TAG}timestamp"):
        return event.value
    resolved = resolve_plain(event.value)
    if tag == f"{_STANDARD_TAG}null":
        return None
    return resolved


def load_yaml(text: str, limits: Limits, line_offset: int = 0) -> Parsed:
    """Parse one YAML document; raise ParseError (with the fault's span) if it is not one."""
    builder = _Builder(limits, line_offset)
    loader = EventLoader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.ScalarEvent):
                builder.scalar(event)
            elif isinstance(event, yaml.MappingStartEvent):
                builder.start(event, {})
            elif isinstance(event, yaml.SequenceStartEvent):
                builder.start(event, [])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                builder.end(event)
            elif isinstance(event, yaml.AliasEvent):
                builder.alias(event)
    except yaml.MarkedYAMLError as error:
        raise ParseError(_describe(error, text), _error_span(error, line_offset)) from None
    except yaml.YAMLError as error:
        raise ParseError(f"invalid YAML: {error}", Span.at(1 + line_offset, 1)) from None
    finally:
        loader.dispose()
    return Parsed(builder.root, builder.table.as_dict(), tuple(builder.problems))


def _describe(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = error.problem or "cannot parse"
    mark = error.problem_mark
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return "invalid YAML: a tab character cannot indent YAML (use spaces)"
    context = f" {error.context}" if error.context else ""
    return f"invalid YAML: {problem}{context}".replace("\n", " ")


def _error_span(error: yaml.MarkedYAMLError, line_offset: int) -> Span:
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return Span.at(1 + line_offset, 1)
    return Span.at(mark.line + 1 + line_offset, mark.column + 1)
