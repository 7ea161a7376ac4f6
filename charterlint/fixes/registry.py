"""Which rules' findings have fixes, and the function that works each out.

Keyed by rule code: a fix is computed from the document and the finding when asked (the
finding and the cache stay as they are). Each rule listed here says so in its rule file
(`fix:`, shown by `explain` and docs/rules.md); tests/fixes/test_registry.py keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from charterlint.fixes.edits import Fix
from charterlint.fixes.fields import fix_field_name
from charterlint.fixes.platforms import fix_platform
from charterlint.fixes.values import fix_value
from charterlint.model import Finding
from charterlint.schema.validator import SchemaValidator
from charterlint.source.document import Document

Fixer = Callable[[Document, Finding, SchemaValidator], "Fix | None"]


def fixers() -> Mapping[str, Fixer]:
    return {
        "CH011": fix_field_name,  # a required field written misspelt is reported as missing, at the key
        "CH012": fix_field_name,
        "CH013": fix_value,
        "CH205": fix_platform,
    }


def fixes_for(document: Document, findings: Iterable[Finding], validator: SchemaValidator,
              table: Mapping[str, Fixer] | None = None) -> list[Fix]:
    """The fix of each finding that has one (suppressed findings have none), in finding order."""
    table = fixers() if table is None else table
    found = []
    for finding in findings:
        fixer = table.get(finding.code)
        if fixer is None or finding.suppression is not None:
            continue
        fix = fixer(document, finding, validator)
        if fix is not None:
            found.append(fix)
    return found
