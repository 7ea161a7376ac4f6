"""Load JSON into plain data with a span for every node.

The standard library's `json` keeps no positions and silently drops duplicate keys, so
this is a small iterative parser built on its tokenizer pieces (`scanstring` and the
number pattern, C-accelerated). Being iterative, deep nesting meets the depth limit, not
a RecursionError.
"""

from __future__ import annotations

import bisect
import json.decoder
import json.scanner
import re
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any

from charterlint.document import Limits, NodeSpans, Problem, escape
from charterlint.model import Position, Span
from charterlint.parsed import NodeTable, Parsed, ParseError, duplicate_key_problem

_WHITESPACE = re.compile(r"[ \t\n\r]*")
_NUMBER = json.scanner.NUMBER_RE
_LITERALS = {"true": True, "false": False, "null": None}
# The C-accelerated string scanner json itself uses (not in typeshed's stubs).
_scanstring: Callable[[str, int, bool], tuple[str, int]] = getattr(json.decoder, "scanstring")


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

    def fail(self, message: str, offset: int) -> ParseError:
        start = self.position(offset)
        return ParseError(f"invalid JSON: {message}", Span(start, Position(start.line, start.column + 1)))


@dataclass(slots=True)
class _Frame:
    """An open object or array: where it is and what it holds so far."""

    pointer: str
    value: Any  # dict or list
    start: int
    key_span: Span | None
    entry: int  # its index in the node table (its span is completed at the close)
    seen: dict[str, Span] = field(default_factory=dict)
    pending: tuple[str, Span] = ("", Span.at(1, 1))


def _skip(text: str, offset: int) -> int:
    return _WHITESPACE.match(text, offset).end()  # type: ignore[union-attr]


def _scalar(source: _Text, offset: int) -> tuple[Any, int]:
    text = source.text
    char = text[offset : offset + 1]
    if char == '"':
        try:
            return _scanstring(text, offset + 1, True)
        except json.JSONDecodeError as error:
            raise source.fail(error.msg.lower(), error.pos) from None
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


def load_json(text: str, limits: Limits) -> Parsed:
    """Parse a JSON document; raise ParseError (with the fault's span) if it is not one."""
    source = _Text(text)
    table = NodeTable(limits)
    problems: list[Problem] = []
    stack: list[_Frame] = []
    root: Any = None
    offset = _skip(text, 0)
    expect_value = True
    while True:
        if expect_value:
            if stack and isinstance(stack[-1].value, dict):
                frame = stack[-1]
                if text[offset : offset + 1] != '"':
                    if text[offset : offset + 1] == "}" and frame.value:
                        raise source.fail("trailing comma before '}'", offset)
                    if text[offset : offset + 1] == "/":
                        raise source.fail("comments are not allowed in JSON", offset)
                    if text[offset : offset + 1] != "}":
                        raise source.fail("expecting a property name in double quotes", offset)
                else:
                    key, end = _scalar(source, offset)
                    member_span = source.span(offset, end)
                    offset = _skip(text, end)
                    if text[offset : offset + 1] != ":":
                        raise source.fail("expecting ':' after a property name", offset)
                    frame.pending = (key, member_span)
                    offset = _skip(text, offset + 1)
            if stack and isinstance(stack[-1].value, dict) and text[offset : offset + 1] == "}" and not stack[-1].value:
                expect_value = False
                continue
            if stack and isinstance(stack[-1].value, list) and text[offset : offset + 1] == "]":
                if stack[-1].value:
                    raise source.fail("trailing comma before ']'", offset)
                expect_value = False
                continue
            pointer, key_span = _slot(stack)
            char = text[offset : offset + 1]
            if char in ("{", "["):
                table.check_depth(len(stack) + 1, source.span(offset, offset + 1))
                container: Any = {} if char == "{" else []
                table.add(pointer, NodeSpans(source.span(offset, offset + 1), key_span))
                stack.append(_Frame(pointer, container, offset, key_span, len(table.entries) - 1))
                offset = _skip(text, offset + 1)
                continue
            value, end = _scalar(source, offset)
            table.add(pointer, NodeSpans(source.span(offset, end), key_span))
            root = _store(stack, value, root, problems)
            offset = _skip(text, end)
            expect_value = False
            continue
        # after a value: a separator, a closing bracket, or the end
        if not stack:
            if offset < len(text):
                raise source.fail("extra data after the document", offset)
            return Parsed(root, table.as_dict(), tuple(problems))
        frame = stack[-1]
        closer = "}" if isinstance(frame.value, dict) else "]"
        char = text[offset : offset + 1]
        if char == ",":
            offset = _skip(text, offset + 1)
            expect_value = True
            continue
        if char != closer:
            if not char:
                raise source.fail(f"unexpected end of file: expecting '{closer}'", offset)
            raise source.fail(f"expecting ',' or '{closer}', found {char!r}", offset)
        stack.pop()
        span = source.span(frame.start, offset + 1)
        table.entries[frame.entry] = (frame.pointer, NodeSpans(span, frame.key_span))
        root = _store(stack, frame.value, root, problems)
        offset = _skip(text, offset + 1)


def _slot(stack: list[_Frame]) -> tuple[str, Span | None]:
    if not stack:
        return "", None
    frame = stack[-1]
    if isinstance(frame.value, list):
        return f"{frame.pointer}/{len(frame.value)}", None
    key, key_span = frame.pending
    return f"{frame.pointer}/{escape(key)}", key_span


def _store(stack: list[_Frame], value: Any, root: Any, problems: list[Problem]) -> Any:
    if not stack:
        return value
    frame = stack[-1]
    if isinstance(frame.value, list):
        frame.value.append(value)
        return root
    key, key_span = frame.pending
    if key in frame.seen:
        pointer = f"{frame.pointer}/{escape(key)}"
        problems.append(duplicate_key_problem(pointer, key, frame.seen[key], key_span))
    else:
        frame.seen[key] = key_span
    frame.value[key] = value
    return root
