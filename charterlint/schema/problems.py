"""Validate a charter against its JSON Schema; turn each failure into a plain-language problem.

Kinds (source.problem_kinds): missing field, unknown field, invalid value, schema error for anything else.
Each problem sits at the most specific node; `anyOf`/`oneOf` failures are reduced to the
branch that best matches what the writer wrote.

Valid documents are told apart first by the fast validator (validator.py); the others go
to jsonschema, whose errors carry the paths and keywords the messages need.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from charterlint.charter.subjects import describe, did_you_mean, show_value

# Re-exported: the engine and the tests build the validator with `schema.charter_validator()`.
from charterlint.schema.datafile import error_pointer
from charterlint.schema.validator import SchemaValidator as SchemaValidator
from charterlint.schema.validator import charter_validator as charter_validator
from charterlint.source.document import Problem
from charterlint.source.pointer import join
from charterlint.source.problem_kinds import INVALID_VALUE, MISSING_FIELD, SCHEMA_ERROR, UNKNOWN_FIELD

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
    "null": "empty",
}
_VALUE_CODES = {"type", "enum", "const", "pattern", "format", "minLength", "maxLength",
                "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"}


def _no_source(pointer: str) -> str | None:
    return None


def schema_problems(validator: SchemaValidator, data: Any,
                    source: Callable[[str], str | None] = _no_source) -> list[Problem]:
    """Every schema failure of `data`, once each, in plain language.

    `source(pointer)` gives a value's text as written, for messages about values YAML read as
    numbers or booleans (`08001234567` loses its leading zero as a number).
    """
    if validator.passes_fast(data):
        return []
    seen: set[tuple[str | None, str, str]] = set()
    problems: list[Problem] = []
    for error in validator.detailed.iter_errors(data):
        for problem in _explain(error, data, source):
            key = (problem.kind, problem.pointer, problem.message)
            if key not in seen:
                seen.add(key)
                problems.append(problem)
    return problems


def _keyword_value(error: ValidationError) -> Any:
    """The failing keyword's value (typed loosely in jsonschema's stubs)."""
    return error.validator_value


def _subschema(error: ValidationError) -> dict[str, Any]:
    return error.schema if isinstance(error.schema, dict) else {}


def _explain(error: ValidationError, data: Any, source: Callable[[str], str | None]) -> Iterator[Problem]:
    pointer = error_pointer(error)
    kind = error.validator
    if kind in ("anyOf", "oneOf") and error.context:
        yield from _explain_alternatives(error, data, source)
    elif kind == "required":
        yield from _missing(error, data, pointer, _keyword_value(error))
    elif kind in ("additionalProperties", "unevaluatedProperties"):
        yield from _unknown(error, data, pointer)
    elif "propertyNames" in error.absolute_schema_path:
        key = str(error.instance)
        expected = _expected(error.schema)
        yield Problem(f'"{key}" is not {expected}', join(pointer, key), anchor="key", kind=INVALID_VALUE)
    elif kind in _VALUE_CODES:
        yield Problem(_invalid_value(error, data, pointer, source), pointer, kind=INVALID_VALUE)
    else:
        yield Problem(_other(error, data, pointer), pointer, kind=SCHEMA_ERROR)


def _explain_alternatives(error: ValidationError, data: Any,
                          source: Callable[[str], str | None]) -> Iterator[Problem]:
    branches = error.context or []
    if all(branch.validator == "required" for branch in branches):
        pointer = error_pointer(error)
        names = [name for branch in branches for name in _keyword_value(branch)]
        listed = ", ".join(f'"{name}"' for name in names[:-1]) + f' or "{names[-1]}"'
        yield Problem(f"{describe(data, pointer)} is missing one of {listed}", pointer,
                      anchor="container", kind=MISSING_FIELD)
        return
    chosen = _branch_of_the_right_type(error)
    if chosen:
        for branch_error in chosen:
            yield from _explain(branch_error, data, source)
        return
    from jsonschema.exceptions import best_match

    best = best_match(branches)
    if best is None:  # pragma: no cover - context is never empty here
        return
    yield from _explain(best, data, source)


def _branch_of_the_right_type(error: ValidationError) -> list[ValidationError]:
    """The errors of the one alternative whose type the value has (a string where text or a
    list is allowed is judged as text), so the message is about what the writer wrote."""
    by_branch: dict[int, list[ValidationError]] = {}
    for branch_error in error.context or []:
        by_branch.setdefault(int(branch_error.relative_schema_path[0]), []).append(branch_error)
    typed = [
        errors for errors in by_branch.values()
        if not any(e.validator == "type" and not e.relative_path for e in errors)
    ]
    return typed[0] if len(typed) == 1 else []


def _missing(error: ValidationError, data: Any, pointer: str, required: list[str]) -> Iterator[Problem]:
    instance = error.instance if isinstance(error.instance, dict) else {}
    subject = describe(data, pointer)
    for name in required:
        if name not in instance:
            yield Problem(f'{subject} is missing "{name}"', pointer, anchor="container", kind=MISSING_FIELD)


def _unknown(error: ValidationError, data: Any, pointer: str) -> Iterator[Problem]:
    schema = _subschema(error)
    known = sorted(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    subject = describe(data, pointer)
    where = "" if not pointer else f" in {subject}"
    instance = error.instance if isinstance(error.instance, dict) else {}
    for key in instance:
        if key in known or any(p.search(key) for p in patterns):
            continue
        if key == "<<":  # YAML 1.1 merge key: charters are read as YAML 1.2, which has none
            suggestion = " (YAML merge keys are not supported: write the fields out)"
        else:
            suggestion = did_you_mean(key, known) or _known_list(known)
        yield Problem(f'unknown field "{key}"{where}{suggestion}', join(pointer, key),
                      anchor="key", kind=UNKNOWN_FIELD)


def _known_list(known: list[str]) -> str:
    if not known or len(known) > 8:
        return " (use an x- prefix for local extensions)"
    return " (expected one of " + ", ".join(f'"{k}"' for k in known) + ")"


def _expected(schema: Any) -> str:
    """What the schema wants, in words: its title and first example when it has them."""
    if not isinstance(schema, dict):
        return "allowed here"
    title = schema.get("title")
    examples = schema.get("examples")
    if title and examples:
        return f'{title}: expected e.g. "{examples[0]}"'
    if title:
        return str(title)
    return "allowed here"


def _invalid_value(error: ValidationError, data: Any, pointer: str,
                   source: Callable[[str], str | None]) -> str:
    kind, value, schema, limit = error.validator, error.instance, _subschema(error), _keyword_value(error)
    subject = describe(data, pointer)
    if kind == "type":
        types = limit if isinstance(limit, list) else [limit]
        expected = " or ".join(_TYPE_WORDS.get(str(t), str(t)) for t in types)
        written = source(pointer) if "string" in types and isinstance(value, (int, float)) else None
        if written is not None:
            # YAML read it as a number or true/false: show it as written, and how to keep it text
            return f'{subject} must be text, not the {_scalar_kind(value)} {written} (put it in quotes: "{written}")'
        return f"{subject} must be {expected}, not {show_value(value)}"
    if kind == "enum":
        options = [str(option) for option in limit]
        return (f"{show_value(value)} is not a valid {subject}: expected one of "
                f"{', '.join(options)}{did_you_mean(str(value), options)}")
    if kind == "const":
        return f"{subject} must be {show_value(limit)}, not {show_value(value)}"
    if kind in ("pattern", "format"):
        return f"{show_value(value)} is not {_expected(schema)}"
    if kind == "minLength":
        return f"{subject} must not be empty"
    if kind in ("minimum", "exclusiveMinimum"):
        return f"{subject} must be at least {limit}, not {show_value(value)}"
    if kind in ("maximum", "exclusiveMaximum"):
        return f"{subject} must be at most {limit}, not {show_value(value)}"
    return f"{show_value(value)} is not valid for {subject}"


def _scalar_kind(value: Any) -> str:
    return "true/false value" if isinstance(value, bool) else "number"


def _other(error: ValidationError, data: Any, pointer: str) -> str:
    subject = describe(data, pointer)
    kind, limit = error.validator, _keyword_value(error)
    if kind == "minItems":
        return f"{subject} must list at least {limit} item{'s' if limit != 1 else ''}"
    if kind == "maxItems":
        return f"{subject} must list at most {limit} item{'s' if limit != 1 else ''}"
    if kind == "uniqueItems":
        return f"{subject} lists the same item twice"
    if kind == "minProperties":
        return f"{subject} must have at least {limit} field{'s' if limit != 1 else ''}"
    return f"{subject}: {error.message}"


