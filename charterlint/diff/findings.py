"""Changes as findings: each of the rule its kind names, at its place in the new version.

A removal's message names where the removed part was in the base, `(was line 42 in base)`;
its locus is the change's identity, so a baseline keeps matching when lines move.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from charterlint.diff.change import Change
from charterlint.engine.settings import ActiveRule
from charterlint.model import DOCUMENT_START, Finding, Span
from charterlint.source.document import Document, within_lines


def _span(document: Document | None, pointer: str, anchor: str) -> Span:
    if document is None or not pointer:  # the whole charter: its first line
        return DOCUMENT_START
    return within_lines(document.locate(pointer, anchor), document.lines)


def change_findings(path: str, changes: Iterable[Change], new: Document | None, base: Document | None,
                    rules: Mapping[str, ActiveRule]) -> list[Finding]:
    """The findings of the changes whose kinds have an enabled rule in `rules` (by kind), sorted."""
    findings = []
    for change in changes:
        active = rules.get(change.kind)
        if active is None:
            continue
        message = change.message
        if change.base_pointer is not None and base is not None:
            message += f" (was line {_span(base, change.base_pointer, 'container').start.line} in base)"
        findings.append(Finding(path, active.rule.code, active.rule.name, active.severity, message,
                                _span(new, change.pointer, change.anchor), change.pointer,
                                locus=f"diff|{change.identity}"))
    return sorted(set(findings), key=Finding.sort_key)
