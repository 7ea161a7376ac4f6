"""Fix a misspelt field name (CH012, and CH011 where a required field is written misspelt): rename
the key as written to the one field it is close to, when exactly one is close and the mapping
does not already have it."""

from __future__ import annotations

import difflib
from typing import Any

from charterlint.charter.subjects import CLOSE_MATCH_CUTOFF
from charterlint.fixes.edits import Edit, Fix
from charterlint.fixes.scalars import render_string
from charterlint.fixes.values import failures_at
from charterlint.model import Finding
from charterlint.schema.validator import SchemaValidator
from charterlint.source.document import Document
from charterlint.source.pointer import join, resolve

# Closer than this is a misspelling ("adress", "organisation", "overveiw"), made by `check --fix`;
# a looser match may be another word ("days" is not "holidays"): offered, made only when asked.
_SAFE_RATIO = 0.8


def _key_at(document: Document, finding: Finding) -> tuple[str, str] | None:
    """(the mapping's pointer, the key written) whose key span is the finding's span."""
    parent = finding.pointer.rpartition("/")[0]
    mapping = resolve(document.data, parent)
    if not isinstance(mapping, dict):
        return None
    for key in mapping:
        node = document.nodes.get(join(parent, str(key)))
        if node is not None and node.key == finding.span:
            return parent, str(key)
    return None


def _known_fields(validator: SchemaValidator, data: Any, pointer: str) -> list[str]:
    for error in failures_at(validator, data, pointer):
        if error.validator == "additionalProperties" and isinstance(error.schema, dict):
            return sorted(error.schema.get("properties", {}))
    return []


def fix_field_name(document: Document, finding: Finding, validator: SchemaValidator) -> Fix | None:
    found = _key_at(document, finding)
    if found is None:
        return None
    parent, key = found
    known = _known_fields(validator, document.data, parent)
    close = difflib.get_close_matches(key, known, n=2, cutoff=CLOSE_MATCH_CUTOFF)
    mapping = resolve(document.data, parent)
    if key in known or len(close) != 1 or close[0] in mapping:
        return None
    lines = document.lines
    span = finding.span
    written = lines[span.start.line - 1][span.start.column - 1:span.end.column - 1] if span.start.line == span.end.line \
        else key
    name = close[0]
    safe = difflib.SequenceMatcher(None, key, name).ratio() >= _SAFE_RATIO
    return Fix(finding, f'Rename "{key}" to "{name}"', (Edit(span, render_string(name, written, document.kind)),),
               safe=safe)
