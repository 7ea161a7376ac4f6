"""Fix a value of the wrong form (CH013) to the one the writer meant, when only one fits.

The value's schema comes from the validator's own failure at the finding's place (jsonschema
knows which branch of a `oneOf` the value was judged by); the text it should be comes from the
same repair the message's hint gives (schema.hints.repair), so a message that says
`(write "80%")` and the fix always agree. Safe: an enum value in the wrong case ("Phone" ->
"phone"), a number meant as a share (`80` -> "80%"), a misspelt unit ("2 workdays" ->
"2 working days"), a 12-hour clock ("9am-5pm" -> "09:00-17:00") and a number meant as text
quoted as written (`08001234567`). Unsafe: a bare number as a duration, whose unit is a guess
(`within: 3` -> "3 working days").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from charterlint.fixes.edits import Edit, Fix
from charterlint.fixes.scalars import render_string
from charterlint.model import Finding
from charterlint.schema.datafile import error_pointer
from charterlint.schema.hints import repair
from charterlint.schema.validator import SchemaValidator
from charterlint.source.document import Document
from charterlint.source.pointer import resolve

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_VALUE_KEYWORDS = ("type", "enum", "pattern", "format")
_GUESSED_UNIT = " working days"  # what repair adds to a bare number: the writer's unit is unknown


def failures_at(validator: SchemaValidator, data: Any, pointer: str) -> Iterator[ValidationError]:
    """The schema failures at exactly `pointer`, the branches of `anyOf`/`oneOf` included."""
    pending = list(validator.detailed.iter_errors(data))
    while pending:
        error = pending.pop()
        pending += error.context or []
        if error_pointer(error) == pointer:
            yield error


def _meant(error: ValidationError, value: Any, written: str) -> tuple[str, bool] | None:
    """(the text meant, whether that is certain) for one failure of `value`; None when unknown."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "enum" and isinstance(value, str):
        same = [option for option in schema.get("enum", ()) if isinstance(option, str)
                and option.casefold() == value.casefold()]
        return (same[0], True) if len(same) == 1 else None
    if error.validator == "type" and isinstance(value, (int, float)) and not isinstance(value, bool):
        fix = repair(written, value, schema)
        return None if fix is None else (fix, not fix.endswith(_GUESSED_UNIT))
    if error.validator in ("pattern", "format") and isinstance(value, str):
        fix = repair(value, value, schema)
        return None if fix is None or fix == value else (fix, True)
    return None


def fix_value(document: Document, finding: Finding, validator: SchemaValidator) -> Fix | None:
    """The fix for an invalid value: the one text every failure at its place agrees it meant."""
    node = document.nodes.get(finding.pointer)
    written = document.source_text(finding.pointer)
    if node is None or written is None or node.value != finding.span:
        return None  # not a one-line value at the finding's place (a key, a missing field)
    value = resolve(document.data, finding.pointer)
    meant = {_meant(error, value, written) for error in failures_at(validator, document.data, finding.pointer)
             if error.validator in _VALUE_KEYWORDS}
    meant.discard(None)
    if len(meant) != 1:
        return None
    text, certain = next(iter(m for m in meant if m is not None))
    rendered = render_string(text, written, document.kind)
    return Fix(finding, f'Replace with "{text}"', (Edit(node.value, rendered),), safe=certain)
