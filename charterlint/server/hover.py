"""Hover: on a finding, its rule's documentation; on a field, what the format reference says of it."""

from __future__ import annotations

from charterlint.model import Position
from charterlint.ruleset.docs import help_markdown
from charterlint.ruleset.rule import Rule
from charterlint.server import schema_paths
from charterlint.server.state import Linted, contains, node_at
from charterlint.source.pointer import keys


def hover_text(linted: Linted, position: Position) -> str | None:
    """Markdown for the cursor at `position`, or None when there is nothing to say."""
    rules = linted.rules()
    shown: list[Rule] = []
    for finding in linted.result.findings:
        rule = rules.get(finding.code)
        if finding.suppression is None and rule is not None and contains(finding.span, position) \
                and rule.code not in {r.code for r in shown}:
            shown.append(rule)
    if shown:
        return "\n\n---\n\n".join(f"**{rule.code} {rule.name}**\n\n{help_markdown(rule)}" for rule in shown)
    document = linted.document()
    found = node_at(document, position) if document is not None else None
    if found is None:
        return None
    path = keys(found[0])
    named = [key for key in path if not key.isdigit()]
    meaning = schema_paths.description(schema_paths.at(path))
    if not meaning or not named:
        return None
    return f"**{named[-1]}**\n\n{meaning}"
