"""The mistakes writers make in YAML, found from where the parser stopped, in plain words.

The parser reports where it could go no further, in its own terms ("mapping values are not
allowed in this context"), often on a line after the mistake. These are the mistakes behind its
errors in charters: a tab, a quote never closed, a colon inside text, a list item without a
space after its dash, a key without its colon, a line indented more or less than the key above
it. Each is told in a writer's words, at the line (and column) of the mistake itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import NamedTuple


class Mistake(NamedTuple):
    """A writer's mistake: what it is, where (0-based line and column), and the line mended."""

    message: str
    line: int
    column: int
    mended: str  # the line as the message tells the writer to write it (to look for more mistakes)

_KEY = re.compile(r"^(?P<indent>\s*)(?:-\s+)?(?P<key>[^\s#'\"][^:#]*?):(?:\s+(?P<value>.*))?$")
_DASH_WITHOUT_SPACE = re.compile(r"^(?P<indent>\s*)-(?P<rest>[^\s-].*)$")
_QUOTED_VALUE = re.compile(r"^\s*(?:-\s+)?(?:[^\s#'\"][^:#]*?:\s+)?(?P<quote>[\"'])")


def explain_syntax_mistake(problem: str, context: str, lines: Sequence[str], mark: tuple[int, int],
                           context_mark: tuple[int, int] | None) -> Mistake | None:
    """The writer's mistake behind a parser error at `mark` (0-based line and column), or None
    when none of the known ones explains it."""
    line, column = mark
    if 0 <= line < len(lines) and "\t" in lines[line][: column + 1] and not lines[line][:column].strip():
        return Mistake("a tab character cannot indent YAML (use spaces)", line, lines[line].index("\t"),
                       _spaces_for_tab(lines, line))
    if "quoted scalar" in context and context_mark is not None:
        return _unclosed(lines, context_mark[0], context_mark[1])
    if "flow" in context and context_mark is not None:
        unclosed = _unclosed_bracket(lines, *context_mark)
        if unclosed is not None:
            return unclosed
    quote = _first_unclosed_quote(lines, min(line, len(lines) - 1))
    if quote is not None:
        return quote
    if not 0 <= line < len(lines):
        return None
    previous = _previous_line(lines, line)
    if "mapping values are not allowed" in problem:
        return _colon_mistake(lines, line, column, previous)
    if "did not find expected key" in problem and previous is not None:
        return _indentation_mistake(lines, line, previous, more=False)
    return None


def _spaces_for_tab(lines: Sequence[str], line: int) -> str:
    """The line indented with spaces: under the line above, or inside it when that opens a mapping."""
    above = _previous_line(lines, line)
    indent = 0
    if above is not None:
        text = lines[above]
        item = re.match(r"^\s*-\s+", text)  # a list item's keys line up after its dash
        indent = len(item.group()) if item else _indent(text)
        indent += 2 if text.split("#", 1)[0].rstrip().endswith(":") else 0
    return " " * indent + lines[line].lstrip(" \t")


def _unclosed(lines: Sequence[str], line: int, column: int) -> Mistake:
    text = lines[line] if 0 <= line < len(lines) else ""
    quote = text[column] if column < len(text) else '"'
    return Mistake(f"the quote {quote} opened here is never closed (end the text with {quote})", line, column,
                   text + quote)


_CLOSING = {"[": ("]", "list"), "{": ("}", "mapping")}


def _unclosed_bracket(lines: Sequence[str], line: int, column: int) -> Mistake | None:
    """A `[` or `{` whose line does not close it (charters write flow collections on one line)."""
    text = lines[line] if 0 <= line < len(lines) else ""
    opening = text[column] if column < len(text) else ""
    if opening not in _CLOSING:
        return None
    closing, kind = _CLOSING[opening]
    if text.count(closing) >= text.count(opening):
        return None
    return Mistake(f"the {opening} opened here is never closed (end the {kind} with {closing})", line, column,
                   text + closing)


def _first_unclosed_quote(lines: Sequence[str], last: int) -> Mistake | None:
    """The first line up to `last` whose value opens a quote it does not close."""
    for number in range(0, last + 1):
        text = lines[number]
        found = _QUOTED_VALUE.match(text)
        if found is None:
            continue
        start = found.start("quote")
        quote = found.group("quote")
        rest = text[start + 1:]
        closed = re.search(r'(?<!\\)"', rest) if quote == '"' else re.search(r"'(?!')", rest.replace("''", ""))
        if closed is None:
            return _unclosed(lines, number, start)
    return None


def _previous_line(lines: Sequence[str], line: int) -> int | None:
    """The nearest line above `line` with something on it (not blank, not only a comment)."""
    for number in range(line - 1, -1, -1):
        stripped = lines[number].strip()
        if stripped and not stripped.startswith("#"):
            return number
    return None


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _colon_mistake(lines: Sequence[str], line: int, column: int, previous: int | None) -> Mistake | None:
    text = lines[line]
    key = _KEY.match(text)
    if key is not None and key.group("value") is not None and column > key.end("key"):
        value = key.group("value").strip()
        quoted = json.dumps(value, ensure_ascii=False)
        return Mistake(f"a colon inside text (put the text in quotes: {quoted})", line, column,
                       text[: key.start("value")] + quoted)
    if previous is None:
        return None
    above = lines[previous]
    dash = _DASH_WITHOUT_SPACE.match(above)
    if dash is not None:
        item = f'- {dash.group("rest").strip()}'
        return Mistake(f'a list item needs a space after its dash (write "{item}")', previous,
                       len(dash.group("indent")), dash.group("indent") + item)
    if ":" not in above and _indent(above) == _indent(text):
        words = above.strip().split(None, 1)
        fixed = f"{words[0]}: {words[1]}" if len(words) > 1 else f"{words[0]}:"
        return Mistake(f'a key needs a colon after it (write "{fixed}")', previous, _indent(above),
                       " " * _indent(above) + fixed)
    return _indentation_mistake(lines, line, previous, more=True)


def _indentation_mistake(lines: Sequence[str], line: int, previous: int, more: bool) -> Mistake | None:
    text, above = lines[line], lines[previous]
    key, above_key = _KEY.match(text), _KEY.match(above)
    if key is None or above_key is None:
        return None
    name, above_name = key.group("key"), above_key.group("key")
    lined_up = " " * _indent(above) + text.lstrip(" ")
    if more and _indent(text) > _indent(above) and above_key.group("value"):
        return Mistake(f'this line is indented more than the key above it (line up "{name}" with "{above_name}")',
                       line, _indent(text), lined_up)
    if not more and _indent(text) < _indent(above):
        return Mistake(f'this line is indented less than the key above it (line up "{name}" with "{above_name}",'
                       " or with the key it belongs under)", line, _indent(text), lined_up)
    return None
