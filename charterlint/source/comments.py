"""Comments in a charter's source: YAML comments (YAML files, Markdown front matter) and HTML
comments in a Markdown body, each with its text, its span and a map from text to position.

Where a YAML comment is: PyYAML's scanner drops comments, but its scalar tokens say where every
scalar is, plain, quoted or block. A `#` at the start of a line or after a space that lies
outside every scalar token starts a comment, so `"a # b"` and `#` lines inside a `|` block are
content, as YAML defines them. HTML comments inside fenced code blocks are examples, not
comments of the document, and are skipped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

import yaml

from charterlint.model import Position, Span
from charterlint.source.document import Document
from charterlint.source.loader import split_front_matter

try:  # as in yaml_loader: the C scanner when PyYAML has it
    from yaml import CSafeLoader as TokenLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as TokenLoader  # type: ignore[assignment]

MARKER = "charterlint"  # only comments that mention it are collected (the rest cost nothing)
_HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


@dataclass(frozen=True, slots=True)
class Comment:
    """A comment's text (without its markers), its span, and where each character of the text is."""

    content: str
    span: Span
    position: Callable[[int], Position]  # index in content -> position in the file


def comments(document: Document, text: str) -> Iterator[Comment]:
    """The comments of `document` (whose source lines joined are `text`) that mention charterlint."""
    if document.kind == "yaml":
        yield from _yaml_comments(text)
    elif document.kind == "markdown" and document.body is not None:
        yield from _yaml_comments(split_front_matter(text)[0])
        yield from _html_comments(text, document.body.first_line)


def _yaml_comments(text: str) -> Iterator[Comment]:
    lines = text.split("\n")
    candidates = [index for index, line in enumerate(lines) if MARKER in line]
    if not candidates:
        return
    scalars = _scalar_ranges(text)
    for index in candidates:
        line = lines[index]
        column = _comment_column(line, index, scalars)
        if column is not None:
            start = column + 1
            span = Span(Position(index + 1, column + 1), Position(index + 1, len(line) + 1))
            yield Comment(line[start:], span, partial(_on_line, index + 1, start + 1))


def _on_line(line: int, column: int, index: int) -> Position:
    return Position(line, column + index)


def _scalar_ranges(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(start, end) of every scalar token as 0-based (line, column), in source order."""
    ranges = []
    loader = TokenLoader(text)
    try:
        while loader.check_token():
            token = loader.get_token()
            if isinstance(token, yaml.ScalarToken):
                start, end = token.start_mark, token.end_mark
                ranges.append(((start.line, start.column), (end.line, end.column)))
    except yaml.YAMLError:  # the document parsed, so this does not happen; stay safe anyway
        pass
    finally:
        loader.dispose()
    return ranges


def _comment_column(line: str, index: int, scalars: list[tuple[tuple[int, int], tuple[int, int]]]) -> int | None:
    """The column of the `#` that starts a comment on this line, if any."""
    for column, char in enumerate(line):
        if char != "#" or (column and line[column - 1] not in " \t"):
            continue
        at = (index, column)
        position = bisect.bisect_right(scalars, (at, (10**9, 0))) - 1
        if position < 0 or not scalars[position][0] <= at < scalars[position][1]:
            return column
    return None


def _html_comments(text: str, first_body_line: int) -> Iterator[Comment]:
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    if first_body_line - 1 >= len(line_starts):
        return
    fenced = _fenced_lines(text.split("\n")[first_body_line - 1:])

    position = partial(_at_offset, line_starts, 0)
    for match in _HTML_COMMENT.finditer(text, line_starts[first_body_line - 1]):
        start = position(match.start())
        if start.line - first_body_line not in fenced and MARKER in match.group(1):
            yield Comment(match.group(1), Span(start, position(match.end())),
                           partial(_at_offset, line_starts, match.start(1)))


def _at_offset(line_starts: list[int], base: int, index: int) -> Position:
    offset = base + index
    line = bisect.bisect_right(line_starts, offset) - 1
    return Position(line + 1, offset - line_starts[line] + 1)


def _fenced_lines(lines: list[str]) -> set[int]:
    fenced: set[int] = set()
    fence: str | None = None
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None and match:
            fence = match.group(1)
        elif fence is not None and match and match.group(1) == fence:
            fence = None
        elif fence is not None:
            fenced.add(index)
    return fenced
