"""Load YAML into plain data with a span for every node, from the parser's event stream.

Building data from events (not `yaml.load`) is what lets us keep every position, report
duplicate keys instead of dropping them, refuse tags without constructing anything,
resolve plain scalars with YAML 1.2 core rules (yaml_scalars), and stop alias bombs and
deep nesting at a limit without recursion.

The event loop is the hot path of every run: it keeps the parser's marks as they are and
makes Spans only for the nodes a finding points at (parsed.NodeMap).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from sys import intern
from typing import Any

import yaml

from charterlint.model import Position, Span
from charterlint.source.document import Limits, NodeSpans, Problem
from charterlint.source.parsed import (
    NodeMap,
    Parsed,
    ParseError,
    depth_limit_error,
    duplicate_key_problem,
    node_limit_error,
)
from charterlint.source.pointer import escape
from charterlint.source.yaml_mistakes import Mistake, explain_syntax_mistake
from charterlint.source.yaml_scalars import check_tag, resolve_plain, scalar_value

try:  # the C parser is several times faster; the pure-Python one behaves the same
    from yaml import CSafeLoader as EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as EventLoader  # type: ignore[assignment]

# A node's raw position: value start and end marks, and its key's marks (None outside mappings).
_Raw = tuple[Any, Any, Any, Any]


def _position(mark: Any, line_offset: int) -> Position:
    return Position(mark.line + 1 + line_offset, mark.column + 1)


def _marks_span(start: Any, end: Any, line_offset: int) -> Span:
    return Span(_position(start, line_offset), _position(end, line_offset))


def _node_spans(line_offset: int, raw: _Raw) -> NodeSpans:
    start, end, key_start, key_end = raw
    value = _marks_span(start, end, line_offset)
    if key_start is None:
        return NodeSpans(value)
    return NodeSpans(value, _marks_span(key_start, key_end, line_offset))


class _Open:
    """A collection being built: where it is, what it holds so far, its pending key."""

    __slots__ = ("pointer", "value", "is_map", "start", "end", "key_start", "key_end", "anchor", "first",
                 "key", "pending_start", "pending_end")

    def __init__(self, pointer: str, value: Any, event: Any, key_start: Any, key_end: Any, first: int) -> None:
        self.pointer = pointer
        self.value = value
        self.is_map = isinstance(value, dict)
        self.start, self.end = event.start_mark, event.end_mark  # end: of its last member so far
        self.key_start, self.key_end = key_start, key_end  # its own key in the parent mapping
        self.anchor: str | None = event.anchor
        self.first = first  # its index in the node table
        self.key = ""  # the mapping key waiting for its value, when pending_start is set
        self.pending_start: Any = None
        self.pending_end: Any = None


class _Builder:
    def __init__(self, limits: Limits, line_offset: int) -> None:
        self.limits = limits
        self.offset = line_offset
        self.stack: list[_Open] = []
        self.pointers: list[str] = []  # the node table, in document order, as two columns
        self.raws: list[_Raw] = []
        self.anchors: dict[str, tuple[Any, list[str], list[_Raw]]] = {}
        self.problems: list[Problem] = []
        self.root: Any = None
        self.done = False

    def run(self, events: Iterator[Any]) -> None:
        """Build from the events; scalars are handled inline (most events are scalars).

        Locals stand in for attributes and globals here: this loop runs for every node.
        """
        pointers, raws, stack, anchors = self.pointers, self.raws, self.stack, self.anchors
        max_nodes = self.limits.max_nodes
        scalar_event = yaml.ScalarEvent
        escaped: dict[str, str] = {}  # keys repeat (every channel has an id): escape each once
        handlers = {
            yaml.MappingStartEvent: self.start, yaml.SequenceStartEvent: self.start,
            yaml.MappingEndEvent: self.end, yaml.SequenceEndEvent: self.end, yaml.AliasEvent: self.alias,
        }
        for event in events:
            if event.__class__ is not scalar_event:
                handler = handlers.get(event.__class__)
                if handler is not None:
                    handler(event)
                continue
            tag = event.tag
            if tag is not None:
                check_tag(tag, self._span(event))
            if not stack:
                self._root(event, resolve_plain(event.value) if tag is None and not event.style else scalar_value(event))
                continue
            top = stack[-1]
            if top.is_map:
                if top.pending_start is None:  # a mapping key (one string per field name: less memory)
                    top.key, top.pending_start, top.pending_end = intern(event.value), event.start_mark, event.end_mark
                    continue
                key = top.key
                token = escaped.get(key)
                if token is None:
                    token = escaped[key] = escape(key)
                pointers.append(top.pointer + "/" + token)
                raws.append((event.start_mark, event.end_mark, top.pending_start, top.pending_end))
            else:
                pointers.append(f"{top.pointer}/{len(top.value)}")
                raws.append((event.start_mark, event.end_mark, None, None))
            if len(pointers) > max_nodes:
                raise node_limit_error(self.limits, self._span(event))
            value = resolve_plain(event.value) if tag is None and not event.style else scalar_value(event)
            if event.anchor is not None:
                anchors[event.anchor] = (value, pointers[-1:], raws[-1:])
            if top.is_map:
                if key in top.value:
                    self._duplicate(top, pointers[-1])
                top.value[key] = value
                top.pending_start = None
            else:
                top.value.append(value)
            top.end = event.end_mark

    # -- where the next node goes ---------------------------------------------------
    def _span(self, event: Any) -> Span:
        return _marks_span(event.start_mark, event.end_mark, self.offset)

    def _root(self, event: Any, value: Any) -> None:
        if self.done:
            raise ParseError("several YAML documents in one file: a charter file holds one document",
                             self._span(event))
        self.pointers.append("")
        self.raws.append((event.start_mark, event.end_mark, None, None))
        if len(self.pointers) > self.limits.max_nodes:
            raise node_limit_error(self.limits, self._span(event))
        if event.anchor is not None:
            self.anchors[event.anchor] = (value, self.pointers[-1:], self.raws[-1:])
        self.root, self.done = value, True

    def _slot(self, event: Any, as_key: str) -> tuple[str, Any, Any]:
        """The pointer and key marks for the collection or alias that `event` starts."""
        if not self.stack:
            if self.done:
                raise ParseError("several YAML documents in one file: a charter file holds one document",
                                 self._span(event))
            return "", None, None
        top = self.stack[-1]
        if not top.is_map:
            return f"{top.pointer}/{len(top.value)}", None, None
        if top.pending_start is None:
            raise ParseError(f"invalid YAML: {as_key}", self._span(event))
        return f"{top.pointer}/{escape(top.key)}", top.pending_start, top.pending_end

    def _store(self, value: Any, end: Any) -> None:
        if not self.stack:
            self.root, self.done = value, True
            return
        top = self.stack[-1]
        top.end = end
        if not top.is_map:
            top.value.append(value)
            return
        key = top.key
        if key in top.value:
            self._duplicate(top, f"{top.pointer}/{escape(key)}")
        top.value[key] = value
        top.pending_start = None

    def _duplicate(self, top: _Open, pointer: str) -> None:
        """Report a repeated key (rare: the first one's marks are looked up in the table)."""
        _, _, first_start, first_end = self.raws[self.pointers.index(pointer, top.first + 1)]
        first = _marks_span(first_start, first_end, self.offset)
        second = _marks_span(top.pending_start, top.pending_end, self.offset)
        self.problems.append(duplicate_key_problem(pointer, top.key, first, second))

    # -- collections and aliases -----------------------------------------------------
    def start(self, event: Any) -> None:
        if event.tag is not None:
            check_tag(event.tag, self._span(event))
        pointer, key_start, key_end = self._slot(event, "a mapping or list cannot be a key (use a plain word)")
        if len(self.stack) + 1 > self.limits.max_depth:
            raise depth_limit_error(self.limits, self._span(event))
        first = len(self.pointers)
        self.pointers.append(pointer)
        self.raws.append((event.start_mark, event.end_mark, key_start, key_end))
        if len(self.pointers) > self.limits.max_nodes:
            raise node_limit_error(self.limits, self._span(event))
        container: Any = {} if event.__class__ is yaml.MappingStartEvent else []
        self.stack.append(_Open(pointer, container, event, key_start, key_end, first))

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        self.raws[frame.first] = (frame.start, frame.end, frame.key_start, frame.key_end)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (frame.value, self.pointers[frame.first:], self.raws[frame.first:])
        self._store(frame.value, frame.end)

    def alias(self, event: Any) -> None:
        pointer, key_start, key_end = self._slot(event, "an alias cannot be a mapping key")
        if event.anchor not in self.anchors:
            raise ParseError(f'invalid YAML: unknown alias "*{event.anchor}"', self._span(event))
        value, pointers, raws = self.anchors[event.anchor]
        self.pointers.append(pointer)
        self.raws.append((event.start_mark, event.end_mark, key_start, key_end))
        # the copies count before they are made: an alias bomb stops here, unexpanded
        if len(self.pointers) + len(pointers) - 1 > self.limits.max_nodes:
            raise node_limit_error(self.limits, self._span(event))
        base = len(pointers[0])
        self.pointers.extend(pointer + sub_pointer[base:] for sub_pointer in pointers[1:])
        self.raws.extend(raws[1:])
        self._store(value, event.end_mark)

    def parsed(self) -> Parsed:
        nodes = NodeMap(dict(zip(self.pointers, self.raws)), partial(_node_spans, self.offset))
        return Parsed(self.root, nodes, tuple(self.problems))


MAX_SYNTAX_ERRORS = 10  # a file with more has bigger problems than a list can help with


def load_yaml(text: str, limits: Limits, line_offset: int = 0) -> Parsed:
    """Parse one YAML document; raise ParseError (with the fault's span) if it is not one.

    A syntax mistake the writer is told how to mend is mended here, and the text parsed again,
    so that one run reports every mistake of that kind (ParseError.also), not one per run."""
    try:
        return _load(text, limits, line_offset)
    except _Syntax as first:
        found = [first]
    lines = text.splitlines()
    while len(found) < MAX_SYNTAX_ERRORS:
        mistake = found[-1].mistake
        if mistake is None or not 0 <= mistake.line < len(lines) or lines[mistake.line] == mistake.mended:
            break
        lines[mistake.line] = mistake.mended
        try:
            _load("\n".join(lines) + "\n", limits, line_offset)
            break
        except _Syntax as error:
            if error.mistake is None or any(error.span.start.line == seen.span.start.line for seen in found):
                break  # what is left is not a mistake of those kinds, or mending made another one
            found.append(error)
        except ParseError:
            break
    found.sort(key=lambda error: error.span)
    raise ParseError(found[0].message, found[0].span, tuple((error.message, error.span) for error in found[1:]))


class _Syntax(ParseError):
    """A YAML syntax error, with the writer's mistake behind it when it is a known one."""

    def __init__(self, message: str, span: Span, mistake: Mistake | None) -> None:
        super().__init__(message, span)
        self.mistake = mistake


def _load(text: str, limits: Limits, line_offset: int) -> Parsed:
    builder = _Builder(limits, line_offset)
    loader = EventLoader(text)
    try:
        builder.run(iter(loader.get_event, None))
    except yaml.MarkedYAMLError as error:
        message, span, mistake = explain_syntax_error(error, text, line_offset)
        raise _Syntax(message, span, mistake) from None
    except yaml.YAMLError as error:
        raise ParseError(f"invalid YAML: {error}", Span.at(1 + line_offset, 1)) from None
    finally:
        loader.dispose()
    return builder.parsed()


def explain_syntax_error(error: yaml.MarkedYAMLError, text: str,
                         line_offset: int = 0) -> tuple[str, Span, Mistake | None]:
    """The parser's error in plain words, at the line of the writer's mistake (and the mistake,
    when it is a known one): the parser stops where it can go no further, often a line or two
    after the mistake (a list item without a space after its dash, an unclosed quote), and
    says so in its own words."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return f"invalid YAML: {error.problem or 'cannot parse'}", Span.at(1 + line_offset, 1), None
    found = explain_syntax_mistake(str(error.problem or ""), str(error.context or ""), text.splitlines(),
                                   (mark.line, mark.column),
                                   (error.context_mark.line, error.context_mark.column) if error.context_mark else None)
    if found is not None:
        return f"invalid YAML: {found.message}", Span.at(found.line + 1 + line_offset, found.column + 1), found
    return _describe(error, text), _error_span(error, line_offset), None


def _describe(error: yaml.MarkedYAMLError, text: str) -> str:
    problem = error.problem or "cannot parse"
    context = f" {error.context}" if error.context else ""
    return f"invalid YAML: {problem}{context}".replace("\n", " ")


def _error_span(error: yaml.MarkedYAMLError, line_offset: int) -> Span:
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return Span.at(1 + line_offset, 1)
    return Span.at(mark.line + 1 + line_offset, mark.column + 1)
