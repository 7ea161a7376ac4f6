"""Load JSON into plain data with a span for every node.

The standard library's `json` keeps no positions and silently drops duplicate keys, so
this is a small iterative parser built on its tokenizer pieces (`scanstring` and the
number pattern, C-accelerated). Being iterative, deep nesting meets the depth limit, not
a RecursionError. Nodes keep their offsets; lines and columns are worked out only for
the nodes a finding points at (parsed.NodeMap).
"""

from __future__ import annotations

import bisect
import json.decoder
import json.scanner
import re
from collections.abc import Callable
from sys import intern
from typing import Any

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

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = json.scanner.NUMBER_RE
_SURROGATE = re.compile("[\ud800-\udfff]")
_LITERALS = {"true": True, "false": False, "null": None}
# The C-accelerated string scanner json itself uses (not in typeshed's stubs).
_scanstring: Callable[[str, int, bool], tuple[str, int]] = getattr(json.decoder, "scanstring")

# A node's raw position: its value's start and end offsets, its key's (-1 outside objects).
_Raw = tuple[int, int, int, int]

# What the parser expects next: a value; a value or `]` (after `[`); a value, not `]` (after `,`
# in an array); a key or `}` (after `{`); a key (after `,` in an object); `,` or a closer.
_VALUE, _FIRST_VALUE, _NEXT_VALUE, _FIRST_KEY, _KEY, _AFTER = range(6)


class _Text:
    """Source text with O(log n) offset -> (line, column) conversion."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> Position:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(line + 1, offset - self.line_starts[line] + 1)

    def span(self, start: int, end: int) -> Span:
        return Span(self.position(start), self.position(end))

    def node_spans(self, raw: _Raw) -> NodeSpans:
        start, end, key_start, key_end = raw
        return NodeSpans(self.span(start, end), None if key_start < 0 else self.span(key_start, key_end))

    def fail(self, message: str, offset: int) -> ParseError:
        start = self.position(offset)
        return ParseError(f"invalid JSON: {message}", Span(start, Position(start.line, start.column + 1)))


class _Open:
    """An open object or array: where it is, what it holds so far, its pending key."""

    __slots__ = ("pointer", "value", "is_map", "start", "key_start", "key_end", "first", "key", "pending")

    def __init__(self, pointer: str, value: Any, start: int, key: tuple[int, int], first: int) -> None:
        self.pointer = pointer
        self.value = value
        self.is_map = isinstance(value, dict)
        self.start = start
        self.key_start, self.key_end = key  # its own key in the parent object
        self.first = first  # its index in the node table
        self.key = ""  # the member key waiting for its value, and where it is
        self.pending = (-1, -1)


def _skip(text: str, offset: int) -> int:
    return _WHITESPACE.match(text, offset).end()  # type: ignore[union-attr]


def _scalar(source: _Text, offset: int) -> tuple[Any, int]:
    text = source.text
    char = text[offset : offset + 1]
    if char == '"':
        try:
            string, end = _scanstring(text, offset + 1, True)
        except json.JSONDecodeError as error:
            raise source.fail(error.msg.lower(), error.pos) from None
        if text.find("\\u", offset, end) != -1 and _SURROGATE.search(string):
            # `\ud800` alone decodes to a lone surrogate: no character, and unprintable
            raise source.fail("a \\u escape names a lone surrogate, not a character", offset)
        return string, end
    match = _NUMBER.match(text, offset)
    if match and match.end() > offset:
        integer, fraction, exponent = match.groups()
        if fraction or exponent:
            return float(integer + (fraction or "") + (exponent or "")), match.end()
        return int(integer), match.end()
    for word, value in _LITERALS.items():
        if text.startswith(word, offset):
            return value, offset + len(word)
    if char == "/":
        raise source.fail("comments are not allowed in JSON", offset)
    if not char:
        raise source.fail("unexpected end of file: expecting a value", offset)
    raise source.fail(f"expecting a value, found {char!r}", offset)


class _Builder:
    def __init__(self, text: str, limits: Limits) -> None:
        self.source = _Text(text)
        self.limits = limits
        self.stack: list[_Open] = []
        self.pointers: list[str] = []  # the node table, in document order, as two columns
        self.raws: list[_Raw] = []
        self.problems: list[Problem] = []
        self.root: Any = None

    def run(self) -> Parsed:
        """Parse the text, one token a turn, by what the state says comes next."""
        text, source, stack = self.source.text, self.source, self.stack
        offset, state = _skip(text, 0), _VALUE
        while True:
            char = text[offset : offset + 1]
            if state == _AFTER:
                if not stack:
                    if offset < len(text):
                        raise source.fail("extra data after the document", offset)
                    nodes = NodeMap(dict(zip(self.pointers, self.raws)), source.node_spans)
                    return Parsed(self.root, nodes, tuple(self.problems))
                closer = "}" if stack[-1].is_map else "]"
                if char == ",":
                    offset, state = _skip(text, offset + 1), _KEY if stack[-1].is_map else _NEXT_VALUE
                elif char == closer:
                    self._close(offset)
                    offset = _skip(text, offset + 1)
                elif not char:
                    raise source.fail(f"unexpected end of file: expecting '{closer}'", offset)
                else:
                    raise source.fail(f"expecting ',' or '{closer}', found {char!r}", offset)
            elif state in (_FIRST_KEY, _KEY):
                if char == "}" and state == _FIRST_KEY:
                    self._close(offset)
                    offset, state = _skip(text, offset + 1), _AFTER
                    continue
                offset = self._key(offset, char)
                state = _VALUE
            elif char == "]" and state != _VALUE:
                if state == _NEXT_VALUE:
                    raise source.fail("trailing comma before ']'", offset)
                self._close(offset)
                offset, state = _skip(text, offset + 1), _AFTER
            elif char in ("{", "["):
                self._open(offset, char)
                offset, state = _skip(text, offset + 1), _FIRST_KEY if char == "{" else _FIRST_VALUE
            else:
                value, end = _scalar(source, offset)
                self._add(self._slot(), offset, end)
                self._store(value)
                offset, state = _skip(text, end), _AFTER

    def _key(self, offset: int, char: str) -> int:
        """Read a member's key and its colon; the offset of its value."""
        text, source = self.source.text, self.source
        if char != '"':
            if char == "}":
                raise source.fail("trailing comma before '}'", offset)
            if char == "/":
                raise source.fail("comments are not allowed in JSON", offset)
            raise source.fail("expecting a property name in double quotes", offset)
        key, end = _scalar(source, offset)
        top = self.stack[-1]
        top.key, top.pending = intern(key), (offset, end)  # one string per field name: less memory
        offset = _skip(text, end)
        if text[offset : offset + 1] != ":":
            raise source.fail("expecting ':' after a property name", offset)
        return _skip(text, offset + 1)

    def _slot(self) -> tuple[str, tuple[int, int]]:
        if not self.stack:
            return "", (-1, -1)
        top = self.stack[-1]
        if not top.is_map:
            return f"{top.pointer}/{len(top.value)}", (-1, -1)
        return f"{top.pointer}/{escape(top.key)}", top.pending

    def _add(self, slot: tuple[str, tuple[int, int]], start: int, end: int) -> None:
        pointer, (key_start, key_end) = slot
        self.pointers.append(pointer)
        self.raws.append((start, end, key_start, key_end))
        if len(self.pointers) > self.limits.max_nodes:
            raise node_limit_error(self.limits, self.source.span(start, end))

    def _open(self, offset: int, char: str) -> None:
        if len(self.stack) + 1 > self.limits.max_depth:
            raise depth_limit_error(self.limits, self.source.span(offset, offset + 1))
        slot = self._slot()
        first = len(self.pointers)
        self._add(slot, offset, offset + 1)
        container: Any = {} if char == "{" else []
        self.stack.append(_Open(slot[0], container, offset, slot[1], first))

    def _close(self, offset: int) -> None:
        frame = self.stack.pop()
        self.raws[frame.first] = (frame.start, offset + 1, frame.key_start, frame.key_end)
        self._store(frame.value)

    def _store(self, value: Any) -> None:
        if not self.stack:
            self.root = value
            return
        top = self.stack[-1]
        if not top.is_map:
            top.value.append(value)
            return
        key = top.key
        if key in top.value:
            pointer = f"{top.pointer}/{escape(key)}"
            _, _, first_start, first_end = self.raws[self.pointers.index(pointer, top.first + 1)]
            problem = duplicate_key_problem(pointer, key, self.source.span(first_start, first_end),
                                            self.source.span(*top.pending))
            self.problems.append(problem)
        top.value[key] = value


def load_json(text: str, limits: Limits) -> Parsed:
    """Parse a JSON document; raise ParseError (with the fault's span) if it is not one."""
    return _Builder(text, limits).run()
