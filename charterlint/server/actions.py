"""Code actions: each finding's fix (fixes/), "suppress with a reason" (the inline directive that
`charterlint check` honours, engine.directives), and "fix all safe fixes" for the whole file."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from charterlint.engine.lint import lint_bytes
from charterlint.fixes.edits import Edit, Fix, apply_edits, overlaps
from charterlint.fixes.registry import fixes_for
from charterlint.fixes.run import fix_text
from charterlint.model import Finding, Position, Span
from charterlint.server.state import Linted, contains

REASON = "TODO: say why this does not apply"
_INDENT = re.compile(r"^[ \t]*(?:-[ \t]+)*")


@dataclass(frozen=True, slots=True)
class Action:
    """A code action: its title, kind, the finding it is for (if one), and its edits."""

    title: str
    kind: str  # "quickfix" | "source.fixAll"
    edits: tuple[Edit, ...]
    finding: Finding | None = None
    preferred: bool = False


def _touching(linted: Linted, span: Span) -> list[Finding]:
    """The active findings the selection overlaps, or the cursor is on."""
    return [f for f in linted.result.findings
            if f.suppression is None and (overlaps(f.span, span) or contains(f.span, span.start))]


def _fix_actions(linted: Linted, findings: list[Finding]) -> Iterator[Action]:
    document = linted.document()
    if document is None:
        return
    fixes: list[Fix] = fixes_for(document, findings, linted.settings.validator)
    for fix in fixes:
        title = fix.title if fix.safe else f"{fix.title} (unsafe fix: check the result)"
        yield Action(title, "quickfix", fix.edits, fix.finding, preferred=fix.safe)


def _directive(linted: Linted, finding: Finding) -> Edit | None:
    """The line that suppresses `finding` on the next line, or None where no comment can go."""
    if linted.kind == "json":
        return None  # JSON has no comments (an x-charterlint key would, but changes the data)
    line = finding.span.start.line
    if not 1 <= line <= len(linted.lines):
        return None
    text = linted.lines[line - 1]
    indent = _INDENT.match(text)
    spaces = " " * len(indent.group()) if indent else ""
    document = linted.document()
    in_body = document is not None and document.body is not None and line >= document.body.first_line
    words = f"charterlint: disable-next-line {finding.code} -- {REASON}"
    comment = f"{spaces}<!-- {words} -->" if in_body else f"{spaces}# {words}"
    newline = "\r\n" if "\r\n" in linted.text else "\n"
    return Edit(Span.at(line, 1, 0), comment + newline)


def _suppresses(linted: Linted, finding: Finding, edit: Edit) -> bool:
    """Whether the directive really suppresses the finding (not inside a block of text, where a
    `#` line would be part of the text): the file is linted with it."""
    text = apply_edits(linted.text, linted.kind, (edit,))
    result = lint_bytes(linted.display, text.encode("utf-8"), linted.settings, linted.kind)
    moved = finding.span.start.line + 1
    return any(f.code == finding.code and f.span.start.line == moved and f.suppression is not None
               for f in result.findings)


def code_actions(linted: Linted, span: Span) -> list[Action]:
    """The actions for the findings at `span`, then fixing everything safe in the file."""
    findings = _touching(linted, span)
    actions = list(_fix_actions(linted, findings))
    for finding in findings:
        edit = _directive(linted, finding)
        if edit is not None and _suppresses(linted, finding, edit):
            actions.append(Action(f"Suppress {finding.code} on this line (give the reason)", "quickfix", (edit,),
                                  finding))
    if linted.fixed_all is None:  # once per version of the text: editors ask at every move of the cursor
        linted.fixed_all = fix_text(linted.display, linted.text, linted.settings, kind=linted.kind)
    fixed = linted.fixed_all
    if fixed.applied:
        whole = Span(Position(1, 1), _end_of(linted))
        actions.append(Action(f"Fix all safe charterlint fixes ({fixed.applied})", "source.fixAll.charterlint",
                              (Edit(whole, fixed.text),)))
    return actions


def _end_of(linted: Linted) -> Position:
    lines = linted.lines
    if not lines or linted.text.endswith(("\n", "\r")):
        return Position(len(lines) + 1, 1)
    return Position(len(lines), len(lines[-1]) + 1)
