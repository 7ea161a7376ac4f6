"""Find inline suppression directives in a parsed charter (what they say, where they apply).

Forms (docs/configuration.md):
- YAML comments, `# charterlint: ACTION RULES [-- [until YYYY-MM-DD:] reason]`, in YAML files
  and Markdown front matter;
- the same words in HTML comments `<!-- charterlint: ... -->` in a Markdown body (not inside
  fenced code blocks);
- an `x-charterlint: {ignore: [...], reason: ..., until: ...}` key in the data, at the top level
  (the whole file) or on any mapping such as a channel (findings within its span): the form
  JSON charters need, and it works in YAML and Markdown too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from charterlint.charter.subjects import describe, show_value
from charterlint.model import Position, Span
from charterlint.schema.datafile import explain
from charterlint.schema.validator import compile_schema
from charterlint.source.comments import Comment, comments
from charterlint.source.document import Document, Problem
from charterlint.source.pointer import resolve
from charterlint.source.problem_kinds import DIRECTIVE

ACTIONS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable", "allow")
DATA_KEY = "x-charterlint"
_EXPECTED = "expected disable-next-line, disable-line, disable, enable or disable-file and rule codes or names"
_PREFIX = re.compile(r"\s*charterlint:\s*")
_ACTION = re.compile("(" + "|".join(ACTIONS) + r")(?=[\s,]|$)")
_SELECTOR = re.compile(r"[^\s,]+")
_VALID_SELECTOR = re.compile(r"^[A-Za-z][A-Za-z0-9-]*$")
_UNTIL = re.compile(r"until\s+([^\s:]+)\s*(?::\s*|$)", re.DOTALL)
_END = Position(10**9, 1)


@dataclass(frozen=True, slots=True)
class Directive:
    """One directive as written: its action, reason, expiry and where it is."""

    action: str  # one of ACTIONS, or "x-charterlint"
    reason: str
    until: dt.date | None
    span: Span  # the whole comment, or the x-charterlint key
    pointer: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    """One rule a directive names, and the findings it covers: those starting in `scope`."""

    directive: Directive
    selector: str
    span: Span  # the selector as written
    scope: Span
    where: str  # the scope in words: "on line 12", "in this file", ...
    pointer: str = ""

    def covers(self, start: Position) -> bool:
        return self.scope.start <= start < self.scope.end


@dataclass(frozen=True, slots=True)
class Directives:
    directives: tuple[Directive, ...] = ()
    entries: tuple[Entry, ...] = ()
    problems: tuple[Problem, ...] = ()  # malformed directives (problem kind `directive`, reported as CH030)


def find_directives(document: Document) -> Directives:
    """Every directive in the document (no I/O). The linter calls it only for files that say
    "charterlint" somewhere, as every directive does."""
    text = "\n".join(document.lines)
    problems: list[Problem] = []
    parsed: list[tuple[Directive, list[tuple[str, Span]]]] = []
    for comment in comments(document, text):
        found = _parse(comment)
        if isinstance(found, Problem):
            problems.append(found)
        elif found is not None:
            parsed.append(found)
    entries = _scoped(parsed, document, problems)
    data_directives, data_entries = _data_directives(document, problems)
    directives = tuple(d for d, _ in parsed if d.action != "enable") + data_directives
    return Directives(directives, tuple(entries) + data_entries, tuple(problems))


# -- one directive ----------------------------------------------------------------------------
def _parse(comment: Comment) -> tuple[Directive, list[tuple[str, Span]]] | Problem | None:
    prefix = _PREFIX.match(comment.content)
    if prefix is None:
        return None
    body = comment.content[prefix.end():]
    head, separator, trailer = body.partition("--")
    action = _ACTION.match(head)
    if action is None:
        shown = show_value("charterlint: " + body.strip())
        return _malformed(comment, f"suppression {shown} is not understood: {_EXPECTED}")
    selectors = []
    for match in _SELECTOR.finditer(head, action.end()):
        if not _VALID_SELECTOR.match(match.group()):
            return _malformed(comment, f'"{match.group()}" is not a rule code or name')
        offset = prefix.end() + match.start()
        selectors.append((match.group(), Span(comment.position(offset), comment.position(offset + len(match.group())))))
    if not selectors:
        example = f"{action.group()} CH105 -- reason"  # a sample code in a tested message: any shows the form
        return _malformed(comment, f"{action.group()} names no rule: list the codes or names it applies to,"
                                   f' e.g. "{example}"')
    reason, until = _reason(trailer.strip()) if separator else ("", None)
    if isinstance(until, str):
        return _malformed(comment, f'expiry "{until}" is not a date: expected "until YYYY-MM-DD: reason"')
    return Directive(action.group(), reason, until, comment.span), selectors


def _reason(trailer: str) -> tuple[str, dt.date | str | None]:
    """`until 2026-06-30: reason` -> ("reason", date); an invalid date comes back as text."""
    match = _UNTIL.match(trailer)
    if match is None:
        return trailer, None
    try:
        return trailer[match.end():].strip(), dt.date.fromisoformat(match.group(1))
    except ValueError:
        return "", match.group(1)


def _malformed(comment: Comment, message: str) -> Problem:
    return Problem(message, span=comment.span, kind=DIRECTIVE)


# -- scopes ------------------------------------------------------------------------------------
def _scoped(parsed: list[tuple[Directive, list[tuple[str, Span]]]], document: Document,
            problems: list[Problem]) -> list[Entry]:
    entries: list[Entry] = []
    open_blocks: dict[str, tuple[Directive, str, Span]] = {}
    for directive, selectors in parsed:
        line = directive.span.start.line
        for selector, span in selectors:
            if directive.action == "enable":
                opened = open_blocks.pop(selector.lower(), None)
                if opened is None:
                    message = f'enable "{selector}" has no disable "{selector}" before it'
                    problems.append(Problem(message, span=span, kind=DIRECTIVE))
                else:
                    entries.append(_block(opened, line))
            elif directive.action == "disable":
                open_blocks[selector.lower()] = (directive, selector, span)
            else:
                scope, where = _line_scope(directive, document)
                entries.append(Entry(directive, selector, span, scope, where))
    entries += [_block(opened, None) for opened in open_blocks.values()]
    return entries


def _block(opened: tuple[Directive, str, Span], end_line: int | None) -> Entry:
    directive, selector, span = opened
    start = directive.span.start.line
    if end_line is None:
        return Entry(directive, selector, span, Span(Position(start, 1), _END),
                     f"from line {start} to the end of the file")
    return Entry(directive, selector, span, Span(Position(start, 1), Position(end_line + 1, 1)),
                 f"in lines {start}-{end_line}")


def _line_scope(directive: Directive, document: Document) -> tuple[Span, str]:
    if directive.action == "disable-file":
        return Span(Position(1, 1), _END), "in this file"
    if directive.action == "allow":  # an accepted change (charterlint diff): its own line, or the next
        return _allow_scope(directive, document)
    line = directive.span.start.line if directive.action == "disable-line" else _next_line(directive, document)
    return Span(Position(line, 1), Position(line + 1, 1)), f"on line {line}"


def _allow_scope(directive: Directive, document: Document) -> tuple[Span, str]:
    """`allow` after content covers its own line; alone on its line, the next line with content too."""
    line = directive.span.start.line
    before = document.lines[line - 1][: directive.span.start.column - 1] if line <= len(document.lines) else ""
    if before.strip() and before.strip() != "<!--":
        return Span(Position(line, 1), Position(line + 1, 1)), f"on line {line}"
    last = _next_line(directive, document)
    return Span(Position(line, 1), Position(last + 1, 1)), f"on line {last}"


def _next_line(directive: Directive, document: Document) -> int:
    """The next line with content: blank and comment-only lines are skipped, so directives stack."""
    return document.content_line(directive.span.end.line + 1)


# -- x-charterlint in the data -------------------------------------------------------------------
_DATA_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["ignore"],
    "properties": {
        "ignore": {"type": "array", "minItems": 1,
                   "items": {"type": "string", "pattern": _VALID_SELECTOR.pattern, "title": "a rule code or name"}},
        "reason": {"type": "string"},
        "until": {"type": "string", "format": "date", "title": "a date", "examples": ["2026-06-30"]},
    },
}


def _data_directives(document: Document, problems: list[Problem]) -> tuple[tuple[Directive, ...], tuple[Entry, ...]]:
    directives: list[Directive] = []
    entries: list[Entry] = []
    validator = None  # built for the first directive: most charters have none
    for pointer, node in document.nodes.items():
        if not pointer.endswith("/" + DATA_KEY):
            continue
        if validator is None:
            validator = compile_schema(_DATA_SCHEMA)
        value = resolve(document.data, pointer)
        errors = () if validator.passes_fast(value) else validator.detailed.iter_errors(value)
        error = next(iter(sorted(errors, key=lambda e: list(map(str, e.absolute_path)))), None)
        if error is not None:
            where, anchor, message = explain(error)
            problems.append(Problem(f"{DATA_KEY}: {message}", pointer + where, anchor=anchor, kind=DIRECTIVE))
            continue
        until = dt.date.fromisoformat(value["until"]) if "until" in value else None
        directive = Directive(DATA_KEY, value.get("reason", "").strip(), until, node.key or node.value, pointer)
        directives.append(directive)
        parent = pointer[: -len(DATA_KEY) - 1]
        scope = Span(Position(1, 1), _END) if not parent else document.nodes[parent].value
        where = "in this file" if not parent else f"in {describe(document.data, parent)}"
        for index, selector in enumerate(value["ignore"]):
            item = f"{pointer}/ignore/{index}"
            entries.append(Entry(directive, selector, document.nodes[item].value, scope, where, item))
    return tuple(directives), tuple(entries)
